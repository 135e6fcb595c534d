"""Body parsers: boilerplate, signatures, paragraphs and offsets over seeds and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import newsparse
from newsparse import Lexicon
from newsparse.parsers._boilerplate import boilerplate_rules

from .goldcheck import check_body, fixture_cases, load_gold, parse_fixture, seed_cases

CASES = seed_cases() + fixture_cases("header")
_SQUASH = regex.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff-]+")


def squash(text: str) -> str:
    """Compare modulo white space and hyphens mended at line ends."""
    return _SQUASH.sub("", text)


@pytest.mark.parametrize(("txt", "gold"), CASES, ids=lambda p: Path(p).stem)
def test_body_matches_gold(txt: Path, gold: Path) -> None:
    data = load_gold(gold)
    article = parse_fixture(txt, data)
    assert check_body(article, data) == []


@pytest.mark.parametrize(("txt", "gold"), CASES, ids=lambda p: Path(p).stem)
def test_offsets_of_every_item(txt: Path, gold: Path) -> None:
    data = load_gold(gold)
    article = parse_fixture(txt, data)
    text = article.text
    assert text is not None
    previous_end = 0
    for p in article.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
        assert p.start >= previous_end, "paragraphs overlap or are out of order"
        previous_end = p.end
        source = text[p.start : p.end]
        assert source == source.strip()
        assert squash(source) == squash(p.text)
        assert " ".join(source.split()).replace("- ", "-") == p.text or "-" in source
    for b in article.boilerplate:
        assert text[b.start : b.end] == b.text
        assert not any(p.start < b.end and b.start < p.end for p in article.paragraphs)
    for link in article.links:
        assert text[link.start : link.end] == link.url
    header = article.header
    if header.start is not None and header.end is not None:
        assert not any(p.start < header.end and header.start < p.end for p in article.paragraphs)
    signature = article.meta.get("signature")
    if signature:
        assert text[signature["start"] : signature["end"]] == signature["text"]
        assert signature["name"] in article.header.authors


def test_signature_of_seed_000() -> None:
    path = next(t for t, _ in seed_cases() if t.name.startswith("000_"))
    article = newsparse.parse(path.read_text("utf-8"))
    signature = article.meta["signature"]
    assert signature["name"] == "Elkhan Alasgarov"
    assert signature["role"] == "Head of the Expert Council of the Baku Network, PhD"
    assert signature["text"].startswith("Head of the Expert Council")
    assert not any("Alasgarov" in p.text for p in article.paragraphs)
    assert not any("Alasgarov" in b.text for b in article.boilerplate)


@pytest.mark.parametrize(
    "closing",
    [
        "The talks continue.",
        "South Caucasus",
        "Read the full statement on the ministry website",
        "This is a closing remark without a final stop that runs on",
    ],
)
def test_closing_lines_that_are_not_signatures(closing: str) -> None:
    text = f"The ministers met on Monday.\n\nThey agreed on a plan.\n\n{closing}\n"
    article = newsparse.parse(text)
    assert "signature" not in article.meta
    assert article.header.authors == ()


def test_signature_line_inside_wrapped_paragraph_is_not_taken() -> None:
    text = (
        "The agreement was signed in the presence of the foreign ministers of\n"
        "both countries and the special envoy of the European Union, Toivo\n"
        "Klaar\n"
    )
    article = newsparse.parse(text)
    assert "signature" not in article.meta


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Follow us on Twitter @AzerNewsAz", "follow"),
        ("Join us on Twitter and Facebook https://twitter.com/x", "follow"),
        ("Google+ Pinterest LinkedIn Tumblr +", "share"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp", "share"),
        ("Comments are closed.", "comments"),
        ("A source", "source"),
        ("Source: Trend", "source"),
        ("http://bakunetwork.com", "url"),
        ("---", "rule"),
        ("***", "rule"),
        ("YouTube channel: https://www.youtube.com/channel/x", "video"),
        ("Read more: Oil prices climb", "read_more"),
        ("Related:", "related"),
        ("© 2024 Example News. All rights reserved.", "copyright"),
        ("Subscribe to our newsletter", "subscribe"),
        ("(Editing by Mark Heinrich)", "credits"),
        ("Reporting by Anna Kovaleva; Editing by Mark Heinrich", "credits"),
        ("Follow the latest news on our Telegram channel", "follow"),
        ("We use cookies to improve your experience.", "cookie"),
        ("Advertisement", "advert"),
        ("FOR IMMEDIATE RELEASE", "press_release"),
        ("###", "press_release"),
        ("Media contact:", "contact"),
    ],
)
def test_boilerplate_lines(line: str, kind: str) -> None:
    assert boilerplate_rules(Lexicon.default()).kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Related issues were discussed at the meeting.",
        "Sources said the talks had stalled.",
        "Follow-up talks are planned for March.",
        "Share prices rose by 3 percent on Tuesday.",
        "The source of the river lies in the mountains.",
        "Comments by the minister drew criticism from the opposition.",
        "M. Smith said the plan was sound.",
    ],
)
def test_body_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_rules(Lexicon.default()).kind(line) is None


def test_footer_after_terminal_marker_goes_but_body_stays() -> None:
    text = (
        "Prices rose.\n\nComments are closed.\n\nThe ministry will publish data on Friday, "
        "officials said in a statement.\n\nOne more short line\n"
    )
    article = newsparse.parse(text)
    assert [p.text for p in article.paragraphs] == [
        "Prices rose.",
        "The ministry will publish data on Friday, officials said in a statement.",
        "One more short line",
    ]
    text2 = "Prices rose.\n\nThe end of the story.\n\n###\n\nJane Roe\npress@example.org\n"
    article2 = newsparse.parse(text2)
    assert [p.text for p in article2.paragraphs] == ["Prices rose.", "The end of the story."]
    assert [b.kind for b in article2.boilerplate] == ["press_release", "contact", "contact"]


def test_reporting_by_trailer_gives_authors_not_editors() -> None:
    text = (
        "MOSCOW, Nov 22 (Reuters) - Prices rose.\n\nMore text follows here.\n\n"
        "(Reporting by Anna Kovaleva in Moscow and Pavel Orlov in Kyiv; Writing by Tom Reid;"
        " Editing by Mark Heinrich)\n"
    )
    article = newsparse.parse(text)
    assert article.header.authors == ("Anna Kovaleva", "Pavel Orlov", "Tom Reid")
    assert [b.kind for b in article.boilerplate] == ["credits"]


def test_hard_wrapped_text_is_reflowed() -> None:
    path = next(t for t, _ in seed_cases() if t.name.startswith("001_"))
    article = newsparse.parse(path.read_text("utf-8"))
    assert len(article.paragraphs) == 5
    quote = next(p for p in article.paragraphs if p.text.startswith('"It is known'))
    assert quote.text.endswith('relations", Karimli added.')
    assert "\n" not in quote.text and "  " not in quote.text


def test_hyphens_at_line_ends() -> None:
    text = (
        "The two countries signed an international agreement on trans-\n"
        "port corridors, which both sides called an important inter-\n"
        "national milestone in their long history of friendly, good-\n"
        "neighborly relations and a signal to all states of the re-\n"
        "gion that the partnership will continue for decades to come,\n"
        "the ministers said at a press conference held on Monday.\n"
    )
    [paragraph] = newsparse.parse(text).paragraphs
    assert "international milestone" in paragraph.text  # seen unbroken elsewhere: mended
    assert "good-neighborly" in paragraph.text  # not seen unbroken: hyphen kept
    assert "trans-port" in paragraph.text


def test_non_breaking_spaces_are_normalised_in_text_only() -> None:
    text = "Russia's President\u00a0Vladimir Putin spoke\u00a0 by telephone.\n"
    [paragraph] = newsparse.parse(text).paragraphs
    assert paragraph.text == "Russia's President Vladimir Putin spoke by telephone."
    assert text[paragraph.start : paragraph.end] == text.strip()


def test_one_paragraph_per_line_is_kept() -> None:
    lines = [
        "The first paragraph is a single long line that ends with a full stop and goes on "
        "for a while to look like real article text.",
        "The second one is shorter.",
        "The third paragraph is again rather long and also ends with a full stop, as most "
        "paragraphs of news articles do, whatever their length.",
        "A fourth.",
    ]
    article = newsparse.parse("\n".join(lines) + "\n")
    assert [p.text for p in article.paragraphs] == lines


def test_body_region_and_exclusions_are_respected() -> None:
    from newsparse import Draft
    from newsparse.parsers.body import build_paragraphs

    text = "HEADER LINE\n\nFirst body line.\nSecond body line with (a note) inside.\n\nTail.\n"
    draft = Draft(text)
    draft.body_start = text.index("First")
    draft.body_end = text.index("Tail")
    note = text.index("(a note) ")
    draft.exclude(note, note + len("(a note) "))
    build_paragraphs(draft)
    assert [p.text for p in draft.paragraphs] == [
        "First body line.",
        "Second body line with inside.",
    ]
    assert draft.paragraphs[-1].end == text.index(" inside.") + len(" inside.")


def _body_pipeline() -> newsparse.Pipeline:
    from newsparse.parsers import body, header, links

    return newsparse.Pipeline(
        [
            ("header", header.parse_header),
            ("boilerplate", body.find_boilerplate),
            ("paragraphs", body.build_paragraphs),
            ("signature", body.find_signature),
            ("links", links.find_links),
        ]
    )


def test_many_short_lines_one_huge_paragraph_and_long_wrapped_text() -> None:
    pipeline = _body_pipeline()
    lines = "\n".join(f"Line {i} of a long list." for i in range(5_000))
    assert len(pipeline.parse(lines).paragraphs) == 5_000
    huge = "word " * 100_000
    article = pipeline.parse(huge)
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0].end == len(huge.rstrip())
    wrapped = "Some wrapped text of a typical article goes on and on and\n" * 5_000
    [paragraph] = pipeline.parse(wrapped).paragraphs
    assert paragraph.text == " ".join(wrapped.split())


def test_news_sentence_about_a_person_is_not_an_author_bio() -> None:
    text = (
        "MOSCOW, Nov 22 (Reuters) - The election campaign opened on Friday.\n\n"
        "Ivan Petrov is a candidate for the governor's office, his party said.\n"
    )
    article = newsparse.parse(text, reference_date=None)
    assert "signature" not in article.meta
    assert article.paragraphs[-1].text.startswith("Ivan Petrov is a candidate")


def test_signature_forms_record_name_and_role() -> None:
    bio = (
        "The region needs more railways.\n\nPorts need them too.\n\n"
        "Samir Guliyev is a senior fellow at the Baku Centre for Transport Studies.\n"
    )
    signature = newsparse.parse(bio).meta["signature"]
    assert signature["name"] == "Samir Guliyev"
    assert signature["role"] == "a senior fellow at the Baku Centre for Transport Studies"
    first = (
        "The region needs more railways.\n\nPorts too.\n\nDilnoza Rakhimova, analyst, Tashkent\n"
    )
    signature = newsparse.parse(first).meta["signature"]
    assert (signature["name"], signature["role"]) == ("Dilnoza Rakhimova", "analyst, Tashkent")


def test_two_names_joined_by_and_are_no_signature() -> None:
    text = "The talks went well.\n\nBoth sides agreed.\n\nIlham Aliyev and Vladimir Putin\n"
    article = newsparse.parse(text)
    assert "signature" not in article.meta
    assert len(article.paragraphs) == 3


def test_wrapped_text_with_blank_lines_splits_only_at_blank_lines() -> None:
    paragraphs = [
        "The ministers of the three countries met in Baku on Monday\n"
        "to discuss the new transport corridor across the region.\n"
        "Representatives of the railway companies also took part in\n"
        "the talks, which lasted for most of the day.",
        # a short line that ends a sentence before a long word: still the same paragraph
        "The parties met again on Tuesday to review the draft text.\n"
        "They agreed to harmonise customs by next year.\n"
        "Implementation will be monitored by a joint working group\n"
        "that reports to the ministers twice a year.",
        "The next meeting will take place in Tashkent in the spring,\n"
        "the host ministry said in a statement after the talks.",
    ]
    article = newsparse.parse("\n\n".join(paragraphs) + "\n")
    assert [p.text for p in article.paragraphs] == [" ".join(p.split()) for p in paragraphs]


def test_boilerplate_data_is_valid() -> None:
    data = Lexicon.default().get("boilerplate")
    kinds = set(data["lines"])
    for key in ("terminal", "absorbing", "swallowing", "swallowing_in_press_releases"):
        assert set(data[key]) <= kinds, key
    for kind, patterns in data["lines"].items():
        for pattern in patterns:
            compiled = regex.compile(pattern, regex.IGNORECASE)
            assert not compiled.fullmatch(""), f"{kind}: {pattern!r} matches an empty line"


def test_a_user_can_add_boilerplate() -> None:
    lexicon = Lexicon.default().extend(
        "boilerplate", {"lines": {"share": [r"send\sthis\sstory\sto\sa\scolleague"]}}
    )
    text = "The ferry line reopened.\n\nSend this story to a colleague\n"
    article = newsparse.parse(text, lexicon=lexicon)
    assert [b.kind for b in article.boilerplate] == ["share"]
    assert [p.text for p in newsparse.parse(text).paragraphs][-1].startswith("Send this")


def test_short_wrapped_paragraphs_are_joined_when_lines_plainly_continue() -> None:
    text = (
        "The ministers met in Baku on Monday and discussed\n"
        "the new transport corridor.\n\n"
        "They will meet again in the spring.\nA protocol was signed.\n"
    )
    article = newsparse.parse(text)
    assert [p.text for p in article.paragraphs] == [
        "The ministers met in Baku on Monday and discussed the new transport corridor.",
        "They will meet again in the spring.",
        "A protocol was signed.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The company uses cookies to track users, the regulator said.",
        "The ministry said the account on Twitter had been hacked.",
        "Using local materials, the builders finished the bridge in a year.",
        "(He reported the theft to the police.)",
    ],
)
def test_news_sentences_about_web_things_are_not_boilerplate(line: str) -> None:
    assert boilerplate_rules(Lexicon.default()).kind(line) is None


def test_end_trailers_follow_a_sentence_end() -> None:
    signed = newsparse.parse("Prices rose.\n\nThe index fell 2 percent. bur-ant/gv\n")
    assert [b.text for b in signed.boilerplate] == ["bur-ant/gv"]
    assert signed.paragraphs[-1].text == "The index fell 2 percent."
    speed = newsparse.parse("Prices rose.\n\nThe limit stays at 120 km/h\n")
    assert speed.boilerplate == ()
    assert speed.paragraphs[-1].text.endswith("km/h")


def test_signature_with_a_trailing_degree() -> None:
    article = newsparse.parse("Talks went well.\n\nBoth agreed.\n\nElkhan Alasgarov, Ph.D.\n")
    signature = article.meta["signature"]
    assert (signature["name"], signature["role"]) == ("Elkhan Alasgarov", "Ph.D.")
    assert [p.text for p in article.paragraphs] == ["Talks went well.", "Both agreed."]
