"""``iter_lines`` (on ``str.splitlines``) and ``find_date`` (scanning from the first digit)
answer as the plain regular-expression versions."""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator

from newsparse import Lexicon
from newsparse._text import _NEWLINE, Line, iter_lines
from newsparse.parsers._dates import _from_match, date_patterns, find_date


def _regex_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    stop = len(text) if end is None else end
    pos = start
    for match in _NEWLINE.finditer(text, start, stop):
        yield Line(text[pos : match.start()], pos, match.start())
        pos = match.end()
    if pos < stop or pos == start:
        yield Line(text[pos:stop], pos, stop)


def test_iter_lines_as_the_regex_split() -> None:
    alphabet = "ab \n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\t\u00a0"
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text))])
        assert list(iter_lines(text, start, end)) == list(_regex_lines(text, start, end))


def test_find_date_as_the_full_scan() -> None:
    lexicon = Lexicon.default()
    today = _dt.date(2026, 1, 15)
    patterns = date_patterns(lexicon)

    def full_scan(text: str, pos: int, endpos: int) -> object:
        for match in patterns.date.finditer(text, pos, endpos):
            found = _from_match(match, patterns, today)
            if found is not None:
                return found
        return None

    texts = [
        "Wednesday, September 3, 2025 10:00",
        "Posted on Wednesday., September   3 by staff",
        "Talks resumed in Vienna on Monday",
        "BAKU, Azerbaijan, Oct. 23 (Trend) - 12 of 30 ministers",
        "x" * 50 + " Sat., Dec 7",
        "2024-13-45 then 2024-01-05",
        "no digits at all, Sunday, May",
    ]
    for text in texts:
        for pos in range(0, len(text), 3):
            for endpos in (len(text), max(pos, len(text) - 4)):
                assert find_date(text, lexicon, today, pos, endpos) == full_scan(text, pos, endpos)
