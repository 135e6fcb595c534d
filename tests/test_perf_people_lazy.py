"""The name lexicon's patterns compiled on first use stay covered by the ReDoS test."""

from __future__ import annotations

import functools

import regex

import newsparse
from newsparse._lexicon import Lexicon
from newsparse.parsers._names import NameLex, name_lex

from .goldcheck import FIXTURES, SEEDS

_LAZY = sorted(
    name for name, value in vars(NameLex).items() if isinstance(value, functools.cached_property)
)


def test_the_seeds_and_fixtures_compile_every_lazy_pattern() -> None:
    # tests/test_redos.py checks the patterns a lexicon holds after parsing the seeds and
    # fixtures: every pattern compiled on first use must be among them.
    lexicon = Lexicon.default()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.rglob("*.txt")):
        newsparse.parse(path.read_text("utf-8"), lexicon=lexicon)
    compiled = vars(name_lex(lexicon))
    missing = [
        name
        for name in _LAZY
        if name not in compiled
        and isinstance(getattr(NameLex, name).func(name_lex(Lexicon.default())), regex.Pattern)
    ]
    assert not missing, missing


def test_lazy_patterns_equal_their_first_build() -> None:
    lex = name_lex(Lexicon.default())
    for name in _LAZY:
        first = getattr(lex, name)
        assert getattr(lex, name) is first
        again = getattr(NameLex, name).func(lex)
        if isinstance(first, regex.Pattern):
            assert isinstance(again, regex.Pattern)
            assert (first.pattern, first.flags) == (again.pattern, again.flags), name
        else:
            assert first == again, name
