"""title_before's early exit gives the answer of the full title search."""

from __future__ import annotations

import random

import pytest

from newsparse._lexicon import Lexicon
from newsparse.parsers import people
from newsparse.parsers._names import name_lex

from .goldcheck import FIXTURES, SEEDS


def _cases() -> list[tuple[str, int, int]]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths] + [
        "the leader of Greenford, political commentator Arzu Nagiyev, NASA launch director X",
        "Uzbek Ambassador to Azerbaijan Bakhrom Ashrafkhanov and St. Petersburg Governor X",
        "said the union spokesman\u00a0X, (ex-minister X, O'Neill's deputy X, Ph.D. student X",
    ]
    rng = random.Random(9)
    cases = []
    for text in texts:
        lex = name_lex(Lexicon.default())
        for hit in lex.name_hits(text, 0, len(text)):
            cases.append((text, max(0, hit.start - rng.randint(0, 300)), hit.start))
        for _ in range(100):
            hi = rng.randrange(len(text) + 1)
            cases.append((text, max(0, hi - rng.randint(0, 300)), hi))
    return cases


def test_title_before_equals_the_search_without_the_early_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lex = name_lex(Lexicon.default())
    cases = _cases()
    fast = [people.title_before(text, lo, hi, lex) for text, lo, hi in cases]
    monkeypatch.setattr(people, "_no_title_end", lambda *args: False)
    slow = [people.title_before(text, lo, hi, lex) for text, lo, hi in cases]
    assert fast == slow
