"""Every item of every seed and fixture points at its own source characters."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import regex

import newsparse

from .goldcheck import SEEDS, fixture_cases, load_gold, parse_fixture

_SPACE = regex.compile(r"\s+")
_MARKS = regex.compile(r"[\"'“”„‟«»‘’‚‛`‹›]")


def _squash(text: str) -> str:
    """Compare modulo white space, soft hyphens and quote-mark style."""
    text = text.replace("\u00ad", "")
    return _SPACE.sub("", _MARKS.sub("'", text))


def _cases() -> list[tuple[Path, dict]]:
    cases = [(p, {}) for p in sorted(SEEDS.glob("*.txt"))]
    cases += [(txt, load_gold(gold)) for txt, gold in fixture_cases()]
    return cases


def _span_ok(text: str, item_text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text) and _squash(text[start:end]) == _squash(item_text)


@pytest.mark.parametrize(("path", "gold"), _cases(), ids=lambda v: getattr(v, "stem", ""))
def test_offsets_point_at_source(path: Path, gold: dict) -> None:
    article = parse_fixture(path, gold)
    text = article.text
    assert text is not None
    problems = []

    def check(what: str, item_text: str, start: int, end: int) -> None:
        if not _span_ok(text, item_text, start, end):
            problems.append(f"{what} {item_text[:40]!r} != source {text[start:end][:40]!r}")

    header = article.header
    if header.start is not None:
        assert header.end is not None and 0 <= header.start <= header.end <= len(text)
    for p in article.paragraphs:
        check("paragraph", p.text, p.start, p.end)
    for b in article.boilerplate:
        check("boilerplate", b.text, b.start, b.end)
    for link in article.links:
        check("link", link.url, link.start, link.end)
    for q in article.quotes:
        check("quote", q.text, q.start, q.end)
        para = article.paragraphs[q.paragraph]
        if not para.start <= q.start < para.end:
            problems.append(f"quote {q.text[:30]!r} does not start in paragraph {q.paragraph}")
        if q.cue:
            check("cue", q.cue.text, q.cue.start, q.cue.end)
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            check("mention", m.text, m.start, m.end)
    for person in article.people:
        for m in person.mentions:
            check(f"person {person.name}", m.text, m.start, m.end)
    for org in article.organisations:
        for m in org.mentions:
            check(f"organisation {org.name}", m.text, m.start, m.end)
    assert not problems, "\n".join(problems)


def test_paragraphs_are_ordered_and_disjoint() -> None:
    for path, gold in _cases():
        paras = parse_fixture(path, gold).paragraphs
        for a, b in itertools.pairwise(paras):
            assert a.end <= b.start, path.name


def test_offsets_survive_crlf_and_bom() -> None:
    source = (SEEDS / "002_8d831bff95d77092.txt").read_text("utf-8")
    crlf = source.replace("\n", "\r\n")
    article = newsparse.parse(("\ufeff" + crlf).encode("utf-8"))
    text = article.text
    assert text is not None and text == crlf  # the BOM is part of the encoding, not the text
    for p in article.paragraphs:
        assert _squash(text[p.start : p.end]) == _squash(p.text)
    assert len(article.paragraphs) == len(newsparse.parse(source).paragraphs)
