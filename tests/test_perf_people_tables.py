"""The name lexicon's word tables and search bounds give the answers of the full checks."""

from __future__ import annotations

import random

from newsparse._lexicon import Lexicon
from newsparse.parsers._names import NameLex, name_lex

from .goldcheck import FIXTURES, SEEDS


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt"))
    extra = [
        "Gen Nakatani said. Gen. Smith and Jan de Vries met May Chen, the U.S. envoy.",
        "Russian President Vladimir Putin met CNN's Jake Tapper and Dr. Ann O'Neill-Smith.",
        "THE KREMLIN, Al Jazeera's Hiba Morgan, Crown Prince Mohammed bin Salman, Mrs Kaya.",
    ]
    return [p.read_text(encoding="utf-8") for p in paths] + extra


def _slow(lex: NameLex) -> NameLex:
    """A copy of ``lex`` with its shortcuts turned off (the full checks for every word)."""
    slow = object.__new__(NameLex)
    slow.__dict__.update(lex.__dict__)
    slow.__dict__["_single_rejects"] = frozenset()
    slow.__dict__["_plain_not_names"] = {}
    slow.__dict__["_role_prefixes"] = None
    return slow


def test_name_hits_equal_the_full_checks() -> None:
    lex = name_lex(Lexicon.default())
    slow = _slow(lex)
    rng = random.Random(3)
    for text in _texts():
        spans = [(0, len(text))]
        for _ in range(40):
            a = rng.randrange(len(text) + 1)
            spans.append((a, min(len(text), a + rng.randint(0, 400))))
        for lo, hi in spans:
            assert lex.name_hits(text, lo, hi) == slow.name_hits(text, lo, hi), (lo, hi)


def test_role_phrases_equal_the_full_search() -> None:
    lex = name_lex(Lexicon.default())
    slow = _slow(lex)
    rng = random.Random(4)
    for text in _texts():
        for _ in range(200):
            a = rng.randrange(len(text) + 1)
            phrase = text[a : a + rng.randint(0, 160)]
            assert lex.is_role_phrase(phrase) == slow.is_role_phrase(phrase), phrase


def test_the_tables_hold_only_words_the_checks_reject() -> None:
    lex = name_lex(Lexicon.default())
    assert lex._single_rejects and lex._plain_not_names
    for word in lex._single_rejects:
        assert lex._single_word_hit(word + " ", 0, len(word), word) is None
    for word in lex._plain_not_names:
        assert lex.is_not_name(word) and word not in lex.particles


def test_role_matches_equal_the_pattern_search() -> None:
    lex = name_lex(Lexicon.default())
    assert lex._role_prefixes
    rng = random.Random(5)
    phrases = [
        "Ph.D. in Political Science, senior lecturer",
        "the deputy head of state and MBA holder",
        "chief  executive\tofficer; co-founder, attaché, Attaché",
        "HEAD OF STATE, Mbas, phd.",
        "Russia\u2019s deputy\u00a0minister \u201chead\u201d \u2014 \u00abspokesman\u00bb\u2026",
        "\u212aing head, \u0130nan chief, \u2160 director, x\u0301head, \u017fpokesman",
    ]
    for text in _texts():
        for _ in range(300):
            a = rng.randrange(len(text) + 1)
            phrases.append(text[a : a + rng.randint(0, 200)])
    for phrase in phrases:
        fast = [(m.span(), m.group()) for m in lex.role_matches(phrase)]
        slow = [(m.span(), m.group()) for m in lex.role_in_text_re.finditer(phrase)]
        assert fast == slow, phrase
