"""The shortcuts of the people step give the answers of the code they stand in for."""

from __future__ import annotations

import random

from newsparse._lexicon import Lexicon
from newsparse.parsers._names import edit_distance, name_lex, within_two_edits
from newsparse.parsers.people import (
    _ACCORDING_AT_END,
    _ACCORDING_WORDS,
    _OBJECT_BEFORE,
    _OBJECT_WORDS,
    PersonRecord,
    _word_before,
    match_person,
)

from .goldcheck import FIXTURES, SEEDS


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _windows(text: str, rng: random.Random, count: int, size: int) -> list[tuple[int, int]]:
    spans = []
    for _ in range(count):
        hi = rng.randrange(len(text) + 1)
        spans.append((max(0, hi - rng.randint(0, size)), hi))
    return spans


def test_within_two_edits_is_edit_distance_at_most_two() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        alphabet = "ab" if rng.random() < 0.5 else "abcdefg"
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert within_two_edits(a, b) == (edit_distance(a, b, 2) <= 2), (a, b)


def test_honorific_shortcut_never_hides_a_match() -> None:
    lex = name_lex(Lexicon.default())
    rng = random.Random(5)
    for text in [*_texts(), "said Mr. \n", "Crown Prince  ", "Dr\t", "Mrs.\n\n"]:
        spans = [*_windows(text, rng, 300, 16), (0, len(text))]
        for lo, hi in spans:
            if lex.honorific_end_re.search(text, lo, hi) is not None:
                assert lex._after_honorific_end(text, lo, hi), repr(text[lo:hi])


def test_word_before_shortcut_never_hides_a_match() -> None:
    rng = random.Random(7)
    for text in [*_texts(), "according to \n", "talks with  ", "TO\n"]:
        for lo, hi in [*_windows(text, rng, 300, 20), (0, len(text))]:
            word = _word_before(text, lo, hi)
            if _OBJECT_BEFORE.search(text, lo, hi) is not None:
                assert word in _OBJECT_WORDS, repr(text[lo:hi])
            if _ACCORDING_AT_END.search(text, lo, hi) is not None:
                assert word in _ACCORDING_WORDS, repr(text[lo:hi])


def test_person_keys_follow_a_changed_name() -> None:
    lex = name_lex(Lexicon.default())
    person = PersonRecord("Karimli")
    persons = [person]
    assert match_person("Karimli", persons, lex) is person
    person.name = "Sahil Karimli"
    assert (person.first, person.last) == ("Sahil", "Karimli")
    assert match_person("Sahil", persons, lex) is person
    assert match_person("Karimly", persons, lex) is person
