"""Header patterns compiled lazily (requirements, generic stand-in, some names) match as
the pattern compiled with every agency name."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newsparse import Lexicon
from newsparse.parsers import _agencies
from newsparse.parsers._agencies import FactsMemo, agency_index
from newsparse.parsers._header_required import DIGIT, UPPER, required

from . import goldcheck

ROOT = Path(__file__).resolve().parent.parent


def _result(match: regex.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.group(), match.groupdict())


def _lines() -> list[str]:
    lines = goldcheck.leading_lines()
    extra = [
        "LONDON, Nov 22 (Reuters) - Oil rose.",
        "BAKU, Azerbaijan, Oct. 23 /Trend/ - text",
        "By John Smith - Trend:",
        "MOSCOW (AP) — The talks",
        "(AP) — The talks",
        "(APA) — The talks",
        "(Trend News Agency) - text",
        "(MENAFN- Gulf Daily Courier)",
        "/By Trend/",
        "/AzerNews/",
        "Trend reports citing the ministry.",
        "told Trend in an interview.",
        "BAKU, Nov 22. APA. Name - APA:",
    ]
    return lines + extra


LINES = _lines()


@pytest.mark.parametrize("limit", [0, 1, 12])
def test_lazy_patterns_answer_as_the_full_ones(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_agencies, "_MAX_SPECIALISED", limit)
    lexicon = Lexicon.default().extend("dates", {})  # a fresh lexicon: nothing compiled yet
    index = agency_index(lexicon)
    reference = {
        p.name: p.regex for p in agency_index(Lexicon.default().extend("bylines", {})).patterns
    }
    memo: FactsMemo = {}
    matched = 0
    for line in LINES:
        for pattern in index.patterns:
            want = reference[pattern.name]
            got = pattern.match(line, 0, memo)
            assert _result(got) == _result(want.match(line)), (pattern.name, line)
            matched += got is not None
            assert _result(pattern.fullmatch(line)) == _result(want.fullmatch(line))
            if len(line) > 4:
                assert _result(pattern.match(line, 3, memo)) == _result(want.match(line, 3))
            assert [_result(m) for m in pattern.finditer(line, 0, len(line), memo)] == [
                _result(m) for m in want.finditer(line, 0, len(line))
            ]
    assert matched > 20


def test_requirements_of_a_pattern() -> None:
    tokens = {"{AGENCY}": "{AGENCY}", "{DATE}": DIGIT, "{PLACE}": UPPER}
    found = required(r"(?P<place>{PLACE})\s{0,3}\(\s{0,2}(?P<agency>{AGENCY})\)(?=\s|$)", tokens)
    assert found == {frozenset("("), frozenset(")"), frozenset([UPPER]), frozenset(["{AGENCY}"])}
    assert required(r"(?:a|b)?c{0,2}d+", {}) == {frozenset("d")}
    assert required(r"(?:ab|cd)", {}) == {frozenset("ac")}
    assert required(r"[a-z]x[^y]\d", {}) == {frozenset("x"), frozenset([DIGIT])}
    assert required(r"(?<=a)b(?!c)(?=d)", {}) == {frozenset("b")}
    assert required(r"(?i)abc", {}) is None
    assert required(r"(a)\1", {}) is None
    assert required(r"a)", {}) is None


def test_a_user_pattern_with_new_names_and_flags() -> None:
    lexicon = Lexicon.default().extend(
        "agencies",
        {
            "agencies": [{"name": "Caspian Wire", "aliases": ["CW"], "kind": "agency"}],
            "header_patterns": [
                {
                    "name": "caseless",
                    "kind": "dateline",
                    "pattern": r"(?i:from)\s(?P<agency>{AGENCY})\s{0,2}:",
                },
                {
                    "name": "odd",
                    "kind": "dateline",
                    "pattern": r"(?P<agency>{AGENCY})(?(1)\s|x)(?P<place>{PLACE})",
                },
            ],
        },
    )
    index = agency_index(lexicon)
    for line in ["FROM Caspian Wire: text", "from CW: x", "Caspian Wire BAKU", "CW x"]:
        for pattern in index.patterns[-2:]:
            assert _result(pattern.match(line)) == _result(pattern.regex.match(line))


def test_an_invalid_pattern_is_a_data_error_when_the_index_is_built() -> None:
    from newsparse import DataError

    lexicon = Lexicon.default().extend(
        "agencies",
        {
            "header_patterns": [
                {"name": "bad", "kind": "dateline", "pattern": r"(?P<agency>{AGENCY}"}
            ]
        },
    )
    with pytest.raises(DataError, match="'bad'"):
        agency_index(lexicon)


def test_searches_near_the_names_find_what_the_full_pattern_finds() -> None:
    index = agency_index(Lexicon.default().extend("dates", {}))
    reference = agency_index(Lexicon.default().extend("bylines", {}))
    texts = [
        path.read_text("utf-8", errors="replace")
        for path in sorted((ROOT / "tests" / "fixtures").glob("**/*.txt"))
    ]
    texts += [
        "Trend reports that talks went on. It told Trend in an interview with AP's reporter." * 30,
        "Reuters reported, AFP's correspondent said, and told  Reuters and TASS reports.",
    ]
    found = 0
    for pattern, full in zip(index.patterns, reference.patterns, strict=True):
        for text in texts:
            memo: FactsMemo = {}
            for start, end in ((0, len(text)), (5, min(len(text), 1500))):
                got = [_result(m) for m in pattern.finditer(text, start, end, memo)]
                want = [_result(m) for m in full.regex.finditer(text, start, end)]
                assert got == want, (pattern.name, text[:60])
                found += len(got)
    assert found > 20


def test_every_generic_and_some_specialised_pattern_is_linear() -> None:
    from .test_redos import find_slow_patterns

    index = agency_index(Lexicon.default().extend("dates", {}))
    some = frozenset(["Trend", "AP", "APA", "Reuters", "Trend News Agency"])
    patterns = []
    for pattern in index.patterns:
        source = pattern._source
        if source.names:
            patterns.append((f"{pattern.name}.generic", source.compile_generic()))
        if source.specialise:
            patterns.append((f"{pattern.name}.some", source.compile(some, frozenset(["MENAFN"]))))
    assert len(patterns) > 40
    assert find_slow_patterns(patterns) == []
