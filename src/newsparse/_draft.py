"""The mutable state parsers work on, turned into a frozen :class:`Article` at the end."""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import attrs

from ._lexicon import Lexicon
from ._model import (
    Article,
    Boilerplate,
    Header,
    Link,
    Organisation,
    Paragraph,
    Person,
    Quote,
)
from ._text import Line, iter_lines

__all__ = ["Draft", "HeaderDraft"]


@attrs.define
class HeaderDraft:
    """The header while parsers fill it in; same fields as :class:`Header`."""

    headline: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_raw: str | None = None
    agency: str | None = None
    distributor: str | None = None
    authors: list[str] = attrs.field(factory=list)
    byline: str | None = None
    dateline: str | None = None
    start: int | None = None
    end: int | None = None

    def cover(self, start: int, end: int) -> None:
        """Widen the header's span to include ``start:end``."""
        self.start = start if self.start is None else min(self.start, start)
        self.end = end if self.end is None else max(self.end, end)

    def freeze(self) -> Header:
        """Return the frozen :class:`Header`."""
        values = attrs.asdict(self, recurse=False)
        values["authors"] = tuple(dict.fromkeys(self.authors))
        return Header(**values)


@attrs.define
class Draft:
    """An article being parsed.

    Parsers read :attr:`text` (the original input, never changed) and fill in the other
    fields. Offsets always refer to :attr:`text`. The body region ``body_start:body_end``
    narrows as header and footer parsers claim lines; ``excluded`` lists spans inside it
    that are not body text (boilerplate, signatures).
    """

    text: str
    """The decoded input; offsets refer to it."""
    lexicon: Lexicon = attrs.field(factory=Lexicon.default)
    """The data parsers read."""
    reference_date: _dt.date | None = None
    """Date used to complete partial dates (no year); defaults to today when unset."""
    options: dict[str, Any] = attrs.field(factory=dict)
    """Options passed to ``parse`` that a parser may read."""
    header: HeaderDraft = attrs.field(factory=HeaderDraft)
    body_start: int = 0
    body_end: int = -1
    excluded: list[tuple[int, int]] = attrs.field(factory=list)
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    quotes: list[Quote] = attrs.field(factory=list)
    people: list[Person] = attrs.field(factory=list)
    organisations: list[Organisation] = attrs.field(factory=list)
    boilerplate: list[Boilerplate] = attrs.field(factory=list)
    links: list[Link] = attrs.field(factory=list)
    meta: dict[str, Any] = attrs.field(factory=dict)
    _lines: list[Line] | None = attrs.field(default=None, alias="_lines")
    _excluded_index: tuple[int, tuple[int, int] | None, list[int], list[int]] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        if self.body_end < 0:
            self.body_end = len(self.text)

    @property
    def lines(self) -> list[Line]:
        """All lines of the input, computed once."""
        if self._lines is None:
            self._lines = list(iter_lines(self.text))
        return self._lines

    def body_lines(self) -> list[Line]:
        """Lines inside the body region that are not excluded."""
        is_excluded = self.is_excluded
        return [
            line
            for line in self.lines
            if line.start >= self.body_start
            and line.end <= self.body_end
            and not is_excluded(line.start, line.end)
        ]

    def is_excluded(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies inside an excluded span.

        Answered with a binary search over the spans sorted by start and the running
        maximum of their ends (built again only when spans were added), so that a text
        of thousands of boilerplate lines costs linear time, not lines x spans.
        """
        excluded = self.excluded
        if not excluded:
            return False
        index = self._excluded_index
        if index is None or index[0] != len(excluded) or index[1] != excluded[-1]:
            spans = sorted((s, e) for s, e in excluded if s < e)
            starts = [s for s, _ in spans]
            reach: list[int] = []
            furthest = -1
            for _, e in spans:
                furthest = max(furthest, e)
                reach.append(furthest)
            index = self._excluded_index = (len(excluded), excluded[-1], starts, reach)
        i = bisect_right(index[2], start)
        return i > 0 and index[3][i - 1] >= end

    def exclude(self, start: int, end: int) -> None:
        """Mark ``start:end`` as not body text."""
        self.excluded.append((start, end))

    def add_boilerplate(self, kind: str, start: int, end: int) -> None:
        """Record ``text[start:end]`` as boilerplate of ``kind`` and exclude it."""
        self.boilerplate.append(Boilerplate(self.text[start:end], kind, start, end))
        self.exclude(start, end)

    def today(self) -> _dt.date:
        """The reference date for partial dates."""
        return self.reference_date or _dt.date.today()

    def freeze(self) -> Article:
        """Build the frozen :class:`Article`."""
        return Article(
            header=self.header.freeze(),
            paragraphs=self.paragraphs,
            quotes=sorted(self.quotes, key=lambda q: (q.start, q.end)),
            people=self.people,
            organisations=self.organisations,
            boilerplate=sorted(self.boilerplate, key=lambda b: b.start),
            links=sorted(self.links, key=lambda link: link.start),
            meta=self.meta,
            text=self.text,
        )


def spans_overlap(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``start:end`` overlaps any of ``spans``."""
    return any(s < end and start < e for s, e in spans)
