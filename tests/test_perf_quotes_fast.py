"""The quotation parser's fast paths give exactly the answers of the plain regex code."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import regex

from newsparse import Lexicon
from newsparse.parsers import _quotes_fast as fast
from newsparse.parsers._names import name_lex

ROOT = Path(__file__).resolve().parents[1]
_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
]
_SPACE = regex.compile(r"\s++")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]{0,40}+")
_ODD = "a\x1cb \x1d c\u00a0d\u2003e\n\t\x1f\x1e \u3000f  g\u2028"


@pytest.fixture(scope="module")
def lex() -> object:
    return name_lex(Lexicon.default())


@pytest.fixture(scope="module")
def qlex() -> fast.QuoteLex:
    return fast.quote_lex(Lexicon.default())


def _windows(text: str, rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        lo = rng.randrange(0, max(1, len(text)))
        out.append((lo, min(len(text), lo + rng.randrange(1, 400))))
    return out


def test_split_only_spaces_are_the_listed_ones() -> None:
    s = regex.compile(r"\s")
    odd = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and not s.match(chr(c))]
    assert odd == list(fast._SPLIT_ONLY_SPACE)
    assert not [c for c in range(sys.maxunicode + 1) if s.match(chr(c)) and not chr(c).isspace()]


def test_case_twins_are_the_listed_ones() -> None:
    ascii_letter = regex.compile(r"(?i:[a-z])")
    twins = [chr(c) for c in range(0x80, sys.maxunicode + 1) if ascii_letter.match(chr(c))]
    assert set(twins) <= set(fast._CASE_TWINS)


def test_printable_white_space_is_the_space() -> None:
    assert [c for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable()] == [
        0x20
    ]


def test_clean_matches_regex() -> None:
    rng = random.Random(1)
    samples = [_ODD, "", " ", "\x1c", " a ", "a b", "a\u00a0b", "a\u2009b", "a\x85b", *_TEXTS[:20]]
    for text in _TEXTS[:40]:
        samples += [text[lo:hi] for lo, hi in _windows(text, rng, 20)]
    for sample in samples:
        assert fast.clean(sample) == _SPACE.sub(" ", sample).strip()


def test_count_words_matches_findall() -> None:
    rng = random.Random(2)
    for text in _TEXTS[:60]:
        for lo, hi in _windows(text, rng, 20):
            full = len(_WORD.findall(text[lo:hi]))
            for cap in (1, 2, 3, 5, 8, 13, 26):
                assert fast.count_words(text, cap, lo, hi) == min(full, cap)
                assert fast.count_words(text[lo:hi], cap) == min(full, cap)


def test_verbs_match_finditer(lex: object, qlex: fast.QuoteLex) -> None:
    rng = random.Random(3)
    verb_re = lex.verb_re  # type: ignore[attr-defined]
    extra = "He said-so. unsaid saidx said\n\nto SAID says” told. 5said _said \u0130said"
    for text in [*_TEXTS, extra]:
        index = fast.TextIndex(text, qlex)
        windows = [*_windows(text, rng, 30), (0, len(text))]
        windows += [(m.start() + 1, m.end() - 1) for m in verb_re.finditer(text)][:10]
        windows += [(max(0, m.start() - 5), m.end() - 2) for m in verb_re.finditer(text)][:10]
        for lo, hi in windows:
            want = [(m.span(), m.group()) for m in verb_re.finditer(text, lo, hi)]
            got = [(m.span(), m.group()) for m in index.verbs(verb_re, lo, hi)]
            assert got == want, (lo, hi)


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    return [m.start() for m in _WORD.finditer(text, lo, hi)]


def test_noun_bounds_never_skip_a_match(lex: object, qlex: fast.QuoteLex) -> None:
    rng = random.Random(4)
    patterns = {
        "document": lex.document_re,  # type: ignore[attr-defined]
        "description": lex.description_re,  # type: ignore[attr-defined]
        "group": lex.group_re,  # type: ignore[attr-defined]
        "organisation": lex.organisation_re,  # type: ignore[attr-defined]
        "agency": lex.agency_re,  # type: ignore[attr-defined]
    }
    extra = (
        "the Foreign Ministryx said, the Kelvin \u212aINISTRY, a Reuters' analyst told. "
        "Smith also said, Smith, for his part, later said he would. In 2024, the 2nd "
        "Deputy Prime Minister of France, the U.S. Ministry, Côte d'Ivoire's ministry said"
        " the book called:\n\n 'X', the term  , , 'Y' dubbed\n'Z'"
    )
    checked = 0
    for text in [*_TEXTS[:80], extra]:
        index = fast.TextIndex(text, qlex)
        ends = [m.end() for m in _WORD.finditer(text)]
        for lo, hi in _windows(text, rng, 10) + [
            (max(0, e - 120), e) for e in ends[:: 1 if text is extra else 7]
        ]:
            tokens = index.noun_tokens(lo, hi)
            for kind, pattern in patterns.items():
                bound = index.noun_bound(kind, lo, hi, tokens)
                nouns = index.noun_positions(kind, lo, hi, tokens)
                stop = index.stop_before(lo, hi)
                below = max((q for q in nouns or () if q <= stop), default=lo - 1)
                for start in _word_starts(text, lo, hi):
                    if pattern.fullmatch(text, start, hi) is not None:
                        assert start <= bound, (kind, text[start:hi], bound)
                        if kind != "agency" and nouns is not None:
                            assert nouns, (kind, text[start:hi])
                            assert not below < start <= stop, (kind, text[start:hi], stop)
                    checked += 1
            for kind in ("organisation", "agency"):  # nouns end at a word boundary
                if index.noun_bound(kind, lo, hi, tokens) < 0:
                    assert patterns[kind].search(text, lo, hi) is None, (kind, lo, hi)
            starts = _word_starts(text, lo, hi)
            if not index.acronym_possible(hi):
                assert all(lex.acronym_re.fullmatch(text, s, hi) is None for s in starts)  # type: ignore[attr-defined]
            first = hi - fast.ACRONYM_MAX
            assert all(
                lex.acronym_re.fullmatch(text, s, hi) is None  # type: ignore[attr-defined]
                for s in starts
                if s < first
            )
            if hi > lo and not text[hi - 1].isspace() and not index.adverb_possible(hi):
                assert lex.adverbs_end_re.search(text, max(lo, hi - 60), hi) is None  # type: ignore[attr-defined]
            for end in (hi, min(len(text), hi + 1), min(len(text), hi + 2)):
                if not index.title_cue_possible(end):
                    before = text[max(lo, end - 40) : end]
                    assert lex.title_cues_re.search(before) is None, before  # type: ignore[attr-defined]
            if not index.pronoun_possible(lo, hi):
                assert all(lex.pronoun_re.fullmatch(text, s, hi) is None for s in starts)  # type: ignore[attr-defined]
            first = hi - qlex.pronoun_max
            assert all(
                lex.pronoun_re.fullmatch(text, s, hi) is None  # type: ignore[attr-defined]
                for s in starts
                if s < first
            )
    assert checked > 1000


def test_word_starts_match_a_full_scan() -> None:
    from newsparse.parsers.quotes import _word_starts

    rng = random.Random(5)
    for text in _TEXTS:
        for lo, hi in [*_windows(text, rng, 40), (0, len(text))]:
            want = [m.start() for m in _WORD.finditer(text, max(lo, hi - 300), hi)][-12:]
            assert _word_starts(text, max(lo, hi - 300), hi) == want
