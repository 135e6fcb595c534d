"""The organisations step's shortcuts give what the general paths give.

``split_tokens`` takes ``str.split`` for names of ASCII letters and digits; the merger's
covered offsets are spans searched by bisection; ``place_at`` stops reading at words that
start no place.
"""

from __future__ import annotations

import random

from newsparse._lexicon import Lexicon
from newsparse.parsers import _orgs_data as data
from newsparse.parsers import _orgs_scan as scan
from newsparse.parsers import organisations


def _general(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word, _, _ in data.raw_tokens(text))


def test_split_tokens_shortcut_equals_the_token_pattern() -> None:
    rnd = random.Random(3)
    pieces = ["a", "Z", "0", "9", " ", "  ", "Co", "St", "ab1", "x."]
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert data.split_tokens(text) == _general(text), repr(text)
    org = data.org_data(Lexicon.default())
    for entry in org.entries:
        assert data.split_tokens(entry.name) == _general(entry.name), entry.name


def test_covered_spans_hold_the_offsets_a_set_of_every_offset_holds() -> None:
    rnd = random.Random(7)
    for _ in range(2_000):
        groups = []
        every: set[int] = set()
        for _ in range(rnd.randint(0, 4)):
            group = organisations._Group()
            for _ in range(rnd.randint(0, 3)):
                start = rnd.randint(0, 60)
                end = start + rnd.randint(0, 12)
                group.mentions.append(scan.Candidate(start, end, 0, 1, "known"))
                every.update(range(start, end))
            groups.append(group)
        covered = organisations._Covered(groups)
        for pos in range(-2, 80):
            assert (pos in covered) == (pos in every)


def _place_at_reading_on(scanner: scan._Scanner, i: int) -> tuple[str, int] | None:
    """``place_at`` as it was: it reads on to the longest place length."""
    best = None
    key: tuple[str, ...] = ()
    for j in range(i, min(scanner.n, i + scanner.data.max_place_len)):
        tok = scanner.toks[j]
        if not tok.word:
            break
        key = (*key, tok.fold)
        place = scanner.data.places.get(key)
        if place is not None:
            best = (place, j + 1)
        if tok.possessive:
            break
    return best


def test_place_at_stopping_early_finds_the_same_places() -> None:
    org = data.org_data(Lexicon.default())
    rnd = random.Random(11)
    words = ["New", "York", "City", "South", "Korea", "North", "the", "United", "States"]
    words += ["of", "America", "Azerbaijan", "Republic", "Bosnia", "and", "Herzegovina", ","]
    words += ["Kingdom", "Arab", "Emirates", "Russia's", "Baku", "Sri", "Lanka", "said"]
    for _ in range(3_000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 10)))
        toks = scan.tokenize(text, 0, len(text), [], scan.WordCache(org))
        scanner = scan._Scanner(org, toks, False)
        for i in range(len(toks)):
            assert scanner.place_at(i) == _place_at_reading_on(scanner, i), text
