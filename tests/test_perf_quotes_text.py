"""The quote-mark and sentence-boundary finders give exactly the regex answers."""

from __future__ import annotations

import random
from pathlib import Path

from newsparse.parsers import _quotes_text as qt

ROOT = Path(__file__).resolve().parents[1]
_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
]
_ALPHABET = "\"'“”„‟«»‘’‚‛‹›` ``''.!?…a A\n\x1c\x1f\u00a0)]"


def _texts() -> list[str]:
    rng = random.Random(7)
    made = [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 40))) for _ in range(2000)
    ]
    return _TEXTS + made


def _windows(text: str, rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = [(0, len(text))]
    for _ in range(n):
        lo = rng.randrange(0, len(text) + 1)
        out.append((lo, rng.randrange(lo, len(text) + 1)))
    return out


def _regex_marks(text: str, lo: int, hi: int) -> list[qt.Mark]:
    out = []
    for match in qt._ALL_MARKS.finditer(text, lo, hi):
        if match.end() - match.start() >= 4:
            continue
        mark = qt._classify(text, match.start(), match.end(), lo, hi)
        if mark is not None:
            out.append(mark)
    return out


def test_marks_match_the_regex() -> None:
    rng = random.Random(1)
    for text in _texts():
        for lo, hi in _windows(text, rng, 8):
            assert qt._marks(text, lo, hi) == _regex_marks(text, lo, hi), (text, lo, hi)


def test_marks_by_paragraph() -> None:
    for text in _TEXTS:
        paragraphs = []
        pos = 0
        for part in text.split("\n"):
            paragraphs.append((pos, pos + len(part)))
            pos += len(part) + 1
        expected = [_regex_marks(text, lo, hi) for lo, hi in paragraphs]
        assert qt._marks_by_paragraph(text, paragraphs) == expected


def test_boundaries_match_the_regex() -> None:
    rng = random.Random(2)
    for text in _texts():
        for lo, hi in _windows(text, rng, 8):
            expected = [m.span() for m in qt._BOUNDARY.finditer(text, lo, hi)]
            assert qt._boundaries(text, lo, hi, None) == expected, (text, lo, hi)
            terminals = qt.terminal_positions(text, lo, hi)
            assert qt._boundaries(text, lo, hi, terminals) == expected


def test_last_token_matches_the_regex() -> None:
    rng = random.Random(3)
    alphabet = " a.B(\"“«\n\t\u00a0\x1cxyz’'-"
    heads = [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16))) + "."
        for _ in range(20000)
    ]
    for text in _TEXTS:
        at = text.find(".")
        while at >= 0:
            heads += [text[max(0, at - back) : at + 1] for back in (14, 5, 1, 0)]
            at = text.find(".", at + 1)
    for head in heads:
        found = qt._LAST_TOKEN.search(head)
        assert qt._last_token(head) == (None if found is None else found.group(1)), head
