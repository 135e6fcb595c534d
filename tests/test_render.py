"""The HTML view: markup built from offsets, nesting, escaping, and a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsparse
from newsparse import (
    Article,
    Boilerplate,
    Header,
    Organisation,
    Paragraph,
    Quote,
    Span,
    Speaker,
)
from newsparse.render import to_html

from . import goldcheck

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"}
KEYS = ("data-quote", "data-cue", "data-mention", "data-org")


class Collector(HTMLParser):
    """Checks that tags nest and collects the text inside every marked element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[tuple[str, ...], str] = {}
        self.errors: list[str] = []
        self.tags: list[str] = []

    @staticmethod
    def key(attributes: dict[str, str | None]) -> tuple[str, ...] | None:
        for name in KEYS:
            value = attributes.get(name)
            if value is not None:
                extra = attributes.get("data-mention-index") or ""
                return (name, value, extra)
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))
            key = self.key(dict(attrs))
            if key is not None:
                self.texts.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(tag in ("style", "title") for tag, _ in self.stack):
            return
        for _, attributes in self.stack:
            key = self.key(attributes)
            if key is not None:
                self.texts[key] = self.texts.get(key, "") + data


def collect(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_items(article: Article) -> dict[tuple[str, ...], str]:
    """Every item the page must show, with its source characters."""
    text = article.text
    assert text is not None
    want: dict[tuple[str, ...], str] = {}
    for qi, quote in enumerate(article.quotes):
        want[("data-quote", str(qi), "")] = text[quote.start : quote.end]
        if quote.cue is not None:
            want[("data-cue", str(qi), "")] = text[quote.cue.start : quote.cue.end]
        if quote.speaker is not None and quote.speaker.mention is not None:
            m = quote.speaker.mention
            want[("data-mention", str(qi), "")] = text[m.start : m.end]
    for oi, org in enumerate(article.organisations):
        for mi, mention in enumerate(org.mentions):
            want[("data-org", str(oi), str(mi))] = text[mention.start : mention.end]
    return want


def assert_all_items_shown(article: Article, page: str) -> Collector:
    collector = collect(page)
    assert collector.errors == []
    want = expected_items(article)
    got = {key: collector.texts.get(key) for key in want}
    missing = {k: v for k, v in want.items() if got[k] is None}
    assert missing == {}, f"items not in the page: {missing}"
    wrong = {k: (want[k], got[k]) for k in want if squash(want[k]) != squash(got[k] or "")}
    assert wrong == {}, f"items shown with other text: {wrong}"
    return collector


# A hand-made article with overlapping items: a quote that contains one organisation
# mention and partly overlaps another, a cue, a speaker mention, markup-like text.
TEXT = (
    "Talks & <b>deals</b>\n"
    "BAKU, Oct. 23 (Trend) -\n"
    "\n"
    '"The Ministry of Economy will <not> wait," Jane Roe of the Central Bank said.\n'
    "\n"
    "The Central Bank declined to comment.\n"
    "\n"
    "Follow us on Twitter <script>alert(1)</script>\n"
)


def span(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(needle, start, start + len(needle))


def handmade() -> Article:
    p1_start = TEXT.index('"The')
    p1_end = TEXT.index("said.") + len("said.")
    p2 = span("The Central Bank declined to comment.")
    quote_words = span("The Ministry of Economy will <not> wait,")
    # the organisation mention starts inside the quote and ends outside it
    overlap = span('wait," Jane')
    speaker = Speaker(
        "Jane Roe", kind="person", role=None, organisation="Central Bank", mention=span("Jane Roe")
    )
    quote = Quote(
        quote_words.text,
        "direct",
        quote_words.start,
        quote_words.end,
        0,
        cue=span("said"),
        speaker=speaker,
    )
    bp = span("Follow us on Twitter <script>alert(1)</script>")
    return Article(
        header=Header(
            headline="Talks & <b>deals</b>",
            agency="Trend",
            dateline="BAKU",
            start=0,
            end=TEXT.index("\n\n"),
        ),
        paragraphs=[
            Paragraph(TEXT[p1_start:p1_end], p1_start, p1_end),
            Paragraph(p2.text, p2.start, p2.end),
        ],
        quotes=[quote],
        organisations=[
            Organisation(
                "Ministry of Economy", kind="government", mentions=[span("Ministry of Economy")]
            ),
            Organisation(
                "Central Bank",
                kind="government",
                mentions=[span("Central Bank"), span("Central Bank", 1)],
            ),
            Organisation("Trend", kind="media", mentions=[span("Trend")]),
            Organisation("Odd Wire", kind="other", mentions=[overlap]),
        ],
        boilerplate=[Boilerplate(bp.text, "follow", bp.start, bp.end)],
        text=TEXT,
    )


def test_every_item_is_marked_with_its_source_text() -> None:
    article = handmade()
    page = to_html(article)
    collector = assert_all_items_shown(article, page)
    # The quote was split around the partly overlapping mention and reopened.
    assert 'data-quote="0" data-kind="direct" title' in page
    assert 'data-continued="1"' in page
    assert collector.stack == []


def test_text_and_attributes_are_escaped() -> None:
    page = handmade().to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>deals</b>" not in page
    assert "&lt;b&gt;deals&lt;/b&gt;" in page
    assert "&lt;not&gt;" in page
    assert collect(page).errors == []


def test_page_is_self_contained() -> None:
    page = handmade().to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    for pattern in (r"<script", r"<link\b", r"\bsrc=", r"https?://", r"@import", r"url\("):
        assert not re.search(pattern, page), pattern


def test_header_card_legend_and_boilerplate() -> None:
    page = handmade().to_html(title="My page")
    assert "<title>My page</title>" in page
    assert 'class="card header"' in page
    assert "<h1>Talks &amp; &lt;b&gt;deals&lt;/b&gt;</h1>" in page
    assert 'data-speaker="Jane Roe"' in page
    assert 'data-boilerplate="follow"' in page
    # organisations carry their name and kind on hover
    assert 'title="Ministry of Economy · government"' in page
    # the header mention of Trend is drawn inside the header's source line
    header = page[page.index('class="card header"') : page.index("</section>")]
    assert 'data-org="2"' in header


def test_speakers_get_distinct_colours() -> None:
    text = 'A said "one." B said "two." A said "three."'
    quotes = []
    for word, who in (("one.", "A"), ("two.", "B"), ("three.", "A")):
        start = text.index(word)
        quotes.append(Quote(word, "direct", start, start + len(word), 0, speaker=Speaker(who)))
    article = Article(paragraphs=[Paragraph(text, 0, len(text))], quotes=quotes, text=text)
    page = article.to_html()
    colours = re.findall(r'<span class="q direct" style="--qc:([^;"]+);[^"]*" data-quote', page)
    assert len(colours) == 3
    assert colours[0] == colours[2] != colours[1]


def test_items_outside_every_region_are_still_shown() -> None:
    text = "Header line by Trend\n\nBody text here."
    article = Article(
        paragraphs=[Paragraph("Body text here.", 22, len(text))],
        organisations=[Organisation("Trend", kind="media", mentions=[Span("Trend", 15, 20)])],
        text=text,
    )
    page = article.to_html()
    assert "Marked outside the body" in page
    assert_all_items_shown(article, page)


def test_needs_the_source_text() -> None:
    article = newsparse.parse("WASHINGTON (AP) — The Senate voted on Tuesday.")
    rebuilt = Article.from_dict(article.to_dict())
    with pytest.raises(ValueError, match="source text"):
        rebuilt.to_html()
    assert to_html(rebuilt, text=article.text) == article.to_html()


def test_empty_article_renders() -> None:
    page = newsparse.parse("   \n").to_html()
    assert "(no body paragraphs)" in page
    assert collect(page).errors == []


# -- in a real browser -----------------------------------------------------------------


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


CHROMIUM = find_chromium()
SEED_FILES = sorted(goldcheck.SEEDS.glob("*.txt"))


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary installed (apt install chromium)")
@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_in_headless_chromium(seed: Path, tmp_path: Path) -> None:
    gold = goldcheck.load_gold(goldcheck.SHARED_GOLD / f"{seed.stem}.json")
    article = goldcheck.parse_fixture(seed, gold)
    page_file = tmp_path / f"{seed.stem}.html"
    page_file.write_text(article.to_html(), "utf-8")

    dom = chromium(tmp_path, "--dump-dom", page_file.as_uri())
    assert "<main>" in dom
    collector = assert_all_items_shown(article, dom)
    paragraphs = len(re.findall(r'<p data-paragraph="\d+"', dom))
    assert paragraphs == len(article.paragraphs)
    assert collector.tags.count("span") >= len(expected_items(article))

    shot = tmp_path / f"{seed.stem}.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", page_file.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


# -- the render subcommand ---------------------------------------------------------------


def test_cli_render_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsparse.cli import main

    seed = goldcheck.SEEDS / "002_8d831bff95d77092.txt"
    out = tmp_path / "article.html"
    assert main(["render", str(seed), "-o", str(out), "--title", "Seed 002"]) == 0
    page = out.read_text("utf-8")
    expected = newsparse.parse(seed.read_bytes()).to_html(title="Seed 002")
    assert page == expected + "\n"
    assert main(["render", str(seed)]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_cli_render_reports_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsparse.cli import main

    assert main(["render", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.html")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


ALL_CASES = goldcheck.seed_cases() + goldcheck.fixture_cases()


@pytest.mark.parametrize(
    ("txt", "gold_file"),
    ALL_CASES,
    ids=[c[0].relative_to(goldcheck.ROOT).as_posix() for c in ALL_CASES],
)
def test_every_seed_and_fixture_renders_every_item(txt: Path, gold_file: Path) -> None:
    article = goldcheck.parse_fixture(txt, goldcheck.load_gold(gold_file))
    assert_all_items_shown(article, article.to_html())


def test_empty_cue_is_kept_findable() -> None:
    text = '"We will win." - Dana Whitfield'
    end = text.index('."') + 1
    quote = Quote(
        text[1:end],
        "direct",
        1,
        end,
        0,
        cue=Span("", end + 1, end + 1),
        speaker=Speaker("Dana Whitfield", mention=Span("Dana Whitfield", 17, 31)),
    )
    article = Article(paragraphs=[Paragraph(text, 0, len(text))], quotes=[quote], text=text)
    page = article.to_html()
    assert '<span class="cue" data-cue="0" title="cue of quote 1"></span>' in page
    assert_all_items_shown(article, page)
