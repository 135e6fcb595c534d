"""Header patterns built with the agency-name prefix tree match exactly as the flat list."""

from __future__ import annotations

import pytest
import regex

from newsparse import Lexicon
from newsparse.parsers._agencies import (
    _CAPS_PLACE,
    _NAMES,
    _PLACE,
    _alternation,
    _trie_alternation,
    agency_index,
)
from newsparse.parsers._dates import date_patterns

from . import goldcheck

WORDS = ["AP", "APA", "APA-Economics", "AFP", "Trend", "Trend News Agency", "TASS", "A.P."]


def _result(match: regex.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.group())


@pytest.mark.parametrize(
    "text",
    [
        "APA-Economics reports",
        "APA reports",
        "AP",
        "APx",
        "Trend News Agency",
        "Trend News Agent",
        "Trend",
        "A.P. says",
        "TASS.",
        "nothing here",
        "",
    ],
)
def test_tree_matches_like_the_flat_alternation(text: str) -> None:
    flat = regex.compile(_alternation(WORDS) + r"(?P<rest>.{0,20})")
    tree = regex.compile(_trie_alternation(WORDS) + r"(?P<rest>.{0,20})")
    assert _result(tree.match(text)) == _result(flat.match(text))
    assert [_result(m) for m in tree.finditer(text)] == [_result(m) for m in flat.finditer(text)]


def test_longest_name_first_then_shorter_on_backtracking() -> None:
    tree = regex.compile(_trie_alternation(WORDS) + r" reports")
    match = tree.match("APA reports")
    assert match is not None and match.group() == "APA reports"
    match = tree.match("Trend News Agency reports")
    assert match is not None and match.group() == "Trend News Agency reports"


def test_empty_lists_match_like_the_flat_alternation() -> None:
    assert _trie_alternation([]) == _alternation([])


def test_default_header_patterns_match_as_with_the_flat_alternation() -> None:
    lexicon = Lexicon.default()
    index = agency_index(lexicon)
    exact = list(index.exact)
    aggregators = [w for w in exact if index.kinds.get(index.exact[w]) == "aggregator"]
    fills = {
        "{AGENCY}": _alternation(exact),
        "{AGGREGATOR}": _alternation(aggregators) if aggregators else r"(?!)",
        "{PLACE}": _PLACE,
        "{CAPS_PLACE}": _CAPS_PLACE,
        "{DATE}": date_patterns(lexicon).fragment,
        "{NAMES}": _NAMES,
    }
    flat = []
    for entry in lexicon.get("agencies")["header_patterns"]:
        source = str(entry["pattern"])
        for key, value in fills.items():
            source = source.replace(key, value)
        flat.append(regex.compile(source, regex.VERSION0))
    lines = goldcheck.leading_lines()
    assert len(lines) > 50
    matched = 0
    for line in lines:
        for old, new in zip(flat, index.patterns, strict=True):
            want = old.match(line)
            got = new.regex.match(line)
            assert _result(got) == _result(want), (new.name, line)
            if want is not None:
                assert got is not None and got.groupdict() == want.groupdict()
                matched += 1
    assert matched > 20
