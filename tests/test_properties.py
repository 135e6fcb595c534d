"""Property-based tests: whatever the text, parse() keeps its promises.

For any ``str`` (including NUL, lone surrogates, every kind of line break, zero-width and
right-to-left characters, combining marks, emoji) and any mutation of the seeds and
fixtures, ``parse`` returns an article whose items point at their source characters,
whose dict form validates against the JSON Schema and round-trips, and it returns the
same article every time. For ``bytes`` the only error is :class:`newsparse.DecodeError`.

The example counts are kept small so the suite stays fast. For a long run::

    NEWSPARSE_HYPOTHESIS_SCALE=50 pytest tests/test_properties.py
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse._text import INVISIBLE

from .goldcheck import FIXTURES, SEEDS

_SCALE = float(os.environ.get("NEWSPARSE_HYPOTHESIS_SCALE", "1"))


def examples(n: int) -> Callable[[Any], Any]:
    """Hypothesis settings: ``n`` examples (times the scale), no deadline."""
    return settings(
        max_examples=max(1, int(n * _SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- the invariants every parse must satisfy ---------------------------------------------

_SPACE = regex.compile(r"[\s\x1c-\x1f" + regex.escape(INVISIBLE) + "]+")
_MARKS = regex.compile(r"[\"'“”„‟«»‘’‚‛`‹›″]")


def squash(text: str) -> str:
    """Compare modulo white space, invisible format characters and quote-mark style."""
    return _SPACE.sub("", _MARKS.sub("'", text))


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = newsparse.schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


def check_article(article: newsparse.Article, text: str) -> None:
    """Assert every promise of the output contract for ``article`` parsed from ``text``."""
    assert article.text == text
    n = len(text)
    problems: list[str] = []

    def span(what: str, item_text: str, start: int, end: int, exact: bool = False) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            problems.append(f"{what}: bad span {start}:{end} (len {n})")
            return
        source = text[start:end]
        same = source == item_text if exact else squash(source) == squash(item_text)
        if not same:
            problems.append(f"{what}: {item_text[:40]!r} != source {source[:40]!r}")

    header = article.header
    if header.start is not None or header.end is not None:
        assert header.start is not None and header.end is not None
        assert 0 <= header.start <= header.end <= n
    for i, p in enumerate(article.paragraphs):
        span(f"paragraph {i}", p.text, p.start, p.end)
    for a, b in itertools.pairwise(article.paragraphs):
        if a.end > b.start:
            problems.append(f"paragraphs overlap: {a.start}:{a.end} and {b.start}:{b.end}")
    for b in article.boilerplate:
        span(f"boilerplate {b.kind}", b.text, b.start, b.end)
    for link in article.links:
        span("link", link.url, link.start, link.end, exact=True)
    for q in article.quotes:
        span("quote", q.text, q.start, q.end)
        if not 0 <= q.paragraph < len(article.paragraphs):
            problems.append(f"quote {q.text[:30]!r}: paragraph {q.paragraph} out of range")
        if q.cue is not None:
            span("cue", q.cue.text, q.cue.start, q.cue.end)
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            span("speaker mention", m.text, m.start, m.end)
    for person in article.people:
        for m in person.mentions:
            span(f"person {person.name!r}", m.text, m.start, m.end)
    for org in article.organisations:
        for m in org.mentions:
            span(f"organisation {org.name!r}", m.text, m.start, m.end)
    assert not problems, "\n".join(problems)

    data = article.to_dict()
    json.loads(json.dumps(data))  # JSON-ready, even with lone surrogates (escaped)
    errors = sorted(_validator().iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    again = newsparse.Article.from_dict(data, text=text)
    assert again == article
    assert again.to_dict() == data


def parse_and_check(text: str) -> newsparse.Article:
    """Parse ``text`` twice: both parses equal and sound."""
    article = newsparse.parse(text)
    check_article(article, text)
    assert newsparse.parse(text).to_dict() == article.to_dict(), "parse is not deterministic"
    return article


# -- strategies ----------------------------------------------------------------------------

# Every code point, surrogates included (Hypothesis leaves out category Cs by default).
any_char = st.characters(codec=None, categories=None, exclude_categories=())

# Pieces of wire copy and of the trouble scraped text brings; joined at random they reach
# the parsers' paths far more often than uniform noise does.
TOKENS = [
    "BAKU, Azerbaijan, Oct. 6",
    "WASHINGTON (AP) —",
    "MOSCOW, May 26 /TASS/.",
    "By Trend",
    "By Elkhan Alasgarov",
    "Published: 2019-10-06 14:05",
    "Sunday, May 26",
    "said",
    "told Trend",
    "according to",
    "noted",
    "he said.",
    "the minister said",
    "Ilham Aliyev",
    "President Vladimir Putin",
    "Mr. Smith",
    "the Ministry of Foreign Affairs",
    "the European Union (EU)",
    "NATO",
    "Azerbaijan's State Oil Company (SOCAR)",
    "Follow us on Twitter @AzerNewsAz",
    "http://bakunetwork.com",
    "https://example.org/a(b)",
    "Comments are closed.",
    "---",
    "Read more:",
    "Copyright 2019",
    "The talks ended on Tuesday.",
    '"',
    "'",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    ",",
    ".",
    ":",
    ";",
    "...",
    " ",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\r",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x85",
    "\x00",
    "\ufeff",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\u202e",
    "\u200f",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "e\u0301",
    "\u0301\u0301\u0301",
    "😀",
    "👩‍👩‍👧",
    "🇦🇿",
    "\ud800",
    "\udfff",
    "\ufffd",
    "A",
    "a",
    "Z",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "Çağlar Öztürk",
    "Ильхам Алиев",
]

wire_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(any_char, max_size=6)),
    max_size=80,
).map(" ".join) | st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


def _corpus() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.rglob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


CORPUS = _corpus()


@st.composite
def mutated_corpus_text(draw: st.DrawFn) -> str:
    """A seed or fixture after a few random edits (insert, delete, duplicate, retype)."""
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 400)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "newlines", "marks"]))
        if op == "insert":
            piece = draw(st.one_of(st.sampled_from(TOKENS), st.text(any_char, max_size=20)))
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 5)) + text[j:]
        elif op == "newlines":
            sep = draw(st.sampled_from(["\r\n", "\r", "\u2028", "\n\n\n", " "]))
            text = text[:i] + text[i:j].replace("\n", sep) + text[j:]
        else:
            mark = draw(st.sampled_from(['"', "“", "”", "«", "'", "’"]))
            text = text[:i] + regex.sub(r"[\"“”«»']", mark, text[i:j]) + text[j:]
    return text


# -- properties ----------------------------------------------------------------------------


@examples(60)
@given(st.text(any_char, max_size=300))
def test_any_text(text: str) -> None:
    parse_and_check(text)


@examples(80)
@given(wire_text)
def test_wire_like_text(text: str) -> None:
    parse_and_check(text)


@examples(40)
@given(mutated_corpus_text())
def test_mutated_seeds_and_fixtures(text: str) -> None:
    parse_and_check(text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seeds_satisfy_the_invariants(path: Path) -> None:
    parse_and_check(path.read_text("utf-8"))


@examples(60)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        article = newsparse.parse(data)
    except newsparse.DecodeError as exc:
        assert 0 <= exc.position <= len(data)
        return
    assert article.text is not None
    check_article(article, article.text)


@examples(40)
@given(st.binary(max_size=400))
def test_any_bytes_with_replacement_never_raise(data: bytes) -> None:
    article = newsparse.parse(data, errors="replace", fallback_encodings=())
    assert article.text is not None
    check_article(article, article.text)


@examples(30)
@given(mutated_corpus_text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_encoded_text_decodes_to_the_same_article(text: str, encoding: str) -> None:
    text = text.lstrip("\ufeff")  # a leading BOM is read as the encoding's mark
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates have no encoding
        return
    assert newsparse.parse(data).to_dict() == newsparse.parse(text).to_dict()
