"""Low-level text work for the quotation parser: quote-mark pairing and sentence units.

Both run in linear time: quote marks are paired by one left-to-right scan with a small
state (never by regular-expression backtracking), and sentence boundaries are found by
one pass over candidate punctuation.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

__all__ = ["Mark", "Segment", "find_segments", "sentence_units"]

# Quote marks: what each may do. "open"/"close" marks of the double family and the
# single family; straight marks decide by their neighbours.
_DOUBLE_OPEN = "“„«‟"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_STRAIGHT_DOUBLE = '"'
_STRAIGHT_SINGLE = "'"
# A run of four or more marks quotes nothing: it is matched whole and skipped.
_ALL_MARKS = regex.compile(r"[\"'“”„‟«»‘’‚‛‹›`]{4,}+|``|''|[\"'“”„‟«»‘’‚‛‹›`]")
"""What :func:`_marks` finds (kept as the reference of its equivalence test)."""
_MARK_CHARS = "\"'“”„‟«»‘’‚‛‹›`"
# Marks that reach the single-family rules of _classify (an apostrophe between letters
# is no quote mark there).
_SINGLE_ONLY = frozenset("'‘‚‹’›`‛")
_OPENING_CONTEXT = "([{-–—/:;,\u00a0 \t\n\r"


@attrs.define
class Mark:
    """One quote mark in a paragraph."""

    pos: int
    """Offset of the mark in the article text."""
    end: int
    """Offset one past the mark."""
    family: str
    """``"d"`` (double marks, guillemets) or ``"s"`` (single marks)."""
    can_open: bool
    can_close: bool
    char: str


@attrs.define
class Segment:
    """A stretch of text between quote marks (or from an opening mark to a paragraph end)."""

    open_pos: int
    """Offset of the opening mark."""
    start: int
    """Offset of the first quoted character (after the mark and white space)."""
    end: int
    """Offset one past the last quoted character."""
    close_end: int
    """Offset one past the closing mark (``end`` when there is none)."""
    paragraph: int
    """Index of the paragraph the segment starts in."""
    last_paragraph: int
    """Index of the paragraph the segment ends in."""
    family: str
    closed: bool
    """False when no closing mark was found (stray or continued)."""
    continues_next: bool = False
    """The segment ends at its paragraph end and the next paragraph reopens the quote."""
    continued_from: int | None = None
    """Index (in the segment list) of the segment this one continues."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, pos: int, end: int, lo: int, hi: int) -> Mark | None:
    token = text[pos:end]
    prev = text[pos - 1] if pos > lo else " "
    nxt = text[end] if end < hi else " "
    if token in _SINGLE_ONLY and _is_word(prev) and _is_word(nxt):
        return None  # (Performance.) the apostrophe rule below, asked first
    left_space = prev.isspace() or prev in _OPENING_CONTEXT or prev in "\"'“”„«»‘’"
    right_space = nxt.isspace() or nxt in ".,;:!?)]}…-–—" or nxt in "\"'“”„«»‘’"
    if token == "``":
        return Mark(pos, end, "d", True, False, token)
    if token == "''":
        return Mark(pos, end, "d", False, not left_space or right_space, token)
    if token in _DOUBLE_OPEN:
        # “ also closes a „-opened quote; decided by the scanner.
        return Mark(pos, end, "d", not right_space or left_space, token in {"“", "‟"}, token)
    if token in _DOUBLE_CLOSE:
        if token == "»":
            return Mark(pos, end, "d", left_space and not right_space, True, token)
        return Mark(pos, end, "d", left_space and not right_space, True, token)
    if token == _STRAIGHT_DOUBLE:
        can_open = left_space and not nxt.isspace()
        can_close = not prev.isspace() and right_space
        if not can_open and not can_close:
            can_open = can_close = True  # ambiguous: 'said"Yes' ; let the state decide
        return Mark(pos, end, "d", can_open, can_close, token)
    # Single family: an apostrophe between letters is never a quote mark.
    if _is_word(prev) and _is_word(nxt):
        return None
    if token in _SINGLE_OPEN:
        return Mark(pos, end, "s", not nxt.isspace(), False, token)
    if token in _SINGLE_CLOSE or token in (_STRAIGHT_SINGLE, "`", "‛"):
        can_open = left_space and _is_word(nxt) and token != "’"
        if token == "’" and left_space and _is_word(nxt):
            can_open = True  # ’ used as an opener by some keyboards
        can_close = not prev.isspace() and right_space and pos > lo
        if not can_open and not can_close:
            return None
        return Mark(pos, end, "s", can_open, can_close, token)
    return None


def _mark_positions(text: str, lo: int, hi: int) -> list[int]:
    """The offsets of the quote-mark characters in ``text[lo:hi]``, in order.

    (Performance.) One ``str.find`` loop per mark character: a text holds few marks, and
    this costs a tenth of scanning it with ``_ALL_MARKS``.
    """
    return _positions(text, lo, hi, _MARK_CHARS)


def _positions(text: str, lo: int, hi: int, chars: Iterable[str]) -> list[int]:
    """The offsets of every character of ``chars`` in ``text[lo:hi]``, in order."""
    found: list[int] = []
    find = text.find
    for ch in chars:
        at = find(ch, lo, hi)
        while at >= 0:
            found.append(at)
            at = find(ch, at + 1, hi)
    found.sort()
    return found


def _marks(text: str, lo: int, hi: int, positions: Sequence[int] | None = None) -> list[Mark]:
    """The quote marks of ``text[lo:hi]`` (``positions``: :func:`_mark_positions` of it).

    Exactly the matches of ``_ALL_MARKS.finditer(text, lo, hi)`` that are shorter than
    four characters, classified: a run of four or more mark characters is skipped whole,
    then ````` `` ````` and ``''`` are one token, and any other mark character is one.
    """
    if positions is None:
        positions = _mark_positions(text, lo, hi)
    marks = []
    i, n = 0, len(positions)
    while i < n:
        pos = positions[i]
        j = i
        while j + 1 < n and positions[j + 1] == positions[j] + 1:
            j += 1
        if j - i >= 3:  # four or more in a row from here
            i = j + 1
            continue
        if j > i and text[pos] == text[pos + 1] and text[pos] in "`'":
            end = pos + 2
            i += 2
        else:
            end = pos + 1
            i += 1
        mark = _classify(text, pos, end, lo, hi)
        if mark is not None:
            marks.append(mark)
    return marks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _closes(opener: Mark, mark: Mark) -> bool:
    if mark.family != opener.family or not mark.can_close:
        return False
    if opener.char == "„":
        return mark.char in '“”"'
    if opener.char == "«":
        return mark.char in '»"”'
    if opener.char == "»":
        return mark.char in {"«", "»"}
    if opener.char in "“`":
        return mark.char in "”\"'“" or mark.char == "''"
    if opener.char == '"':
        return mark.char in '"”“'
    if opener.family == "s":
        return mark.char in "’'`›‛"
    return True


_LOOKAHEAD_PARAGRAPHS = 8


def find_segments(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Segment]:
    """Pair the quote marks of ``paragraphs`` (``(start, end)`` spans of ``text``).

    Pairing is local: a stray mark costs at most the segment it opens. A quote left
    open at a paragraph end is continued when the next paragraph reopens it, or extended
    over the following paragraphs when a closing mark comes before any opening one
    (hard-wrapped text split into several paragraphs).
    """
    marks_by_para = _marks_by_paragraph(text, paragraphs)
    segments: list[Segment] = []
    skip_to: dict[int, int] = {}  # paragraph -> index of first mark still to read
    pending_continuation: int | None = None
    for pi, (_, p_end) in enumerate(paragraphs):
        marks = marks_by_para[pi]
        index = skip_to.pop(pi, 0)
        opener: Mark | None = None
        opener_para = pi
        continued_from = pending_continuation
        pending_continuation = None
        while index < len(marks):
            mark = marks[index]
            index += 1
            if opener is None:
                if mark.can_open and (mark.family == "d" or _has_single_closer(marks, index)):
                    opener = mark
                    opener_para = pi
                continue
            if opener.family == "s" and _plural_possessive(text, mark):
                continue
            if _closes(opener, mark) and not (
                mark.can_open and not mark.can_close and mark.char == opener.char
            ):
                start, end = _trim(text, opener.end, mark.pos)
                if end > start:
                    segments.append(
                        Segment(
                            opener.pos,
                            start,
                            end,
                            mark.end,
                            opener_para,
                            pi,
                            opener.family,
                            True,
                            continued_from=continued_from,
                        )
                    )
                continued_from = None
                opener = None
                continue
            if mark.family == opener.family and mark.can_open and not mark.can_close:
                # A second opener before any closer: the first was stray. Keep it as an
                # unclosed segment up to here, and start again.
                start, end = _trim(text, opener.end, mark.pos)
                if end > start and opener.family == "d":
                    segments.append(
                        Segment(opener.pos, start, end, end, opener_para, pi, opener.family, False)
                    )
                opener = mark
                opener_para = pi
        if opener is None or opener.family == "s":
            continue
        # The quote is open at the paragraph end.
        nxt = pi + 1
        if nxt < len(paragraphs) and _reopens(text, paragraphs[nxt], marks_by_para[nxt]):
            start, end = _trim(text, opener.end, p_end)
            segments.append(
                Segment(
                    opener.pos,
                    start,
                    end,
                    end,
                    pi,
                    pi,
                    "d",
                    False,
                    continues_next=True,
                    continued_from=continued_from,
                )
            )
            pending_continuation = len(segments) - 1
            continue
        closer = _closer_ahead(paragraphs, marks_by_para, pi + 1)
        if closer is not None:
            cpi, cmi = closer
            mark = marks_by_para[cpi][cmi]
            start, end = _trim(text, opener.end, mark.pos)
            segments.append(
                Segment(
                    opener.pos,
                    start,
                    end,
                    mark.end,
                    pi,
                    cpi,
                    "d",
                    True,
                    continued_from=continued_from,
                )
            )
            skip_to[cpi] = cmi + 1
            for skipped in range(pi + 1, cpi):
                skip_to[skipped] = len(marks_by_para[skipped])
            continue
        start, end = _trim(text, opener.end, p_end)
        if end > start:
            segments.append(
                Segment(
                    opener.pos, start, end, end, pi, pi, "d", False, continued_from=continued_from
                )
            )
    return segments


def _marks_by_paragraph(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[list[Mark]]:
    """``[_marks(text, lo, hi) for lo, hi in paragraphs]``, the marks found in one pass."""
    if not paragraphs:
        return []
    lo = min(p[0] for p in paragraphs)
    hi = max(p[1] for p in paragraphs)
    positions = _mark_positions(text, lo, hi)
    out: list[list[Mark]] = []
    for p_lo, p_hi in paragraphs:
        if not positions:
            out.append([])
            continue
        first = bisect.bisect_left(positions, p_lo)
        last = bisect.bisect_left(positions, p_hi, first)
        out.append(_marks(text, p_lo, p_hi, positions[first:last]) if last > first else [])
    return out


def _plural_possessive(text: str, mark: Mark) -> bool:
    """``ministers’ meeting``: an apostrophe after a plural, not a closing mark."""
    if mark.char not in "’'" or mark.pos == 0 or text[mark.pos - 1] != "s":
        return False
    after = text[mark.end : mark.end + 2]
    return len(after) == 2 and after[0] == " " and after[1].islower()


def _has_single_closer(marks: list[Mark], index: int) -> bool:
    return any(mark.family == "s" and mark.can_close for mark in marks[index : index + 64])


def _reopens(text: str, paragraph: tuple[int, int], marks: list[Mark]) -> bool:
    start = paragraph[0]
    while start < paragraph[1] and text[start].isspace():
        start += 1
    return bool(marks) and marks[0].pos == start and marks[0].family == "d" and marks[0].can_open


def _closer_ahead(
    paragraphs: Sequence[tuple[int, int]], marks_by_para: list[list[Mark]], first: int
) -> tuple[int, int] | None:
    for pi in range(first, min(first + _LOOKAHEAD_PARAGRAPHS, len(paragraphs))):
        for mi, mark in enumerate(marks_by_para[pi]):
            if mark.family != "d":
                continue
            if mark.can_close and not (mark.can_open and mark.char in "“„«"):
                return pi, mi
            return None
    return None


_BOUNDARY = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]{0,3}+(?=\s)")
_TERMINALS = ".!?…"
_CLOSERS = frozenset("\"'”’»)]")
# White space to str.isspace but not to the regex ``\s`` (checked over all code points).
_NOT_REGEX_SPACE = frozenset("\x1c\x1d\x1e\x1f")


def terminal_positions(text: str, lo: int, hi: int) -> list[int]:
    """The offsets of ``.!?…`` in ``text[lo:hi]``, in order."""
    return _positions(text, lo, hi, _TERMINALS)


def _boundaries(
    text: str, start: int, end: int, terminals: Sequence[int] | None
) -> list[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text, start, end)``, found from ``terminals``.

    (Performance.) A match starts at the first of a run of ``.!?…`` (the look-behind
    sees before ``start``), takes the whole run and up to three closing marks, and must
    then see white space before ``end``; one run gives at most one match.
    """
    if terminals is None:
        terminals = terminal_positions(text, start, end)
    found = []
    stop = _TERMINALS
    closers = _CLOSERS
    for pos in terminals:
        if pos > 0 and text[pos - 1] in stop:
            continue
        q = pos + 1
        while q < end and text[q] in stop:
            q += 1
        limit = min(end, q + 3)
        while q < limit and text[q] in closers:
            q += 1
        if q < end and text[q].isspace() and text[q] not in _NOT_REGEX_SPACE:
            found.append((pos, q))
    return found


_NEXT_START = regex.compile(r"\s{1,20}+[\"'“”„«‘(\[–—-]?\s?[\p{Lu}\p{N}]")
_LAST_TOKEN = regex.compile(r"(?:^|[\s(\"“«])(\S{1,12}+)$")


_TOKEN_OPENERS = '("“«'


def _last_token(head: str) -> str | None:
    """``_LAST_TOKEN.search(head).group(1)`` (None: no match), for a ``head`` ending in ".".

    (Performance.) The match is leftmost: the whole ``head`` when it has no white space
    and at most twelve characters, else what follows the first white space or opening
    mark after which only non-space characters, one to twelve, remain.
    """
    if "\x1c" in head or "\x1d" in head or "\x1e" in head or "\x1f" in head:
        found = _LAST_TOKEN.search(head)  # str.split and the regex \s disagree on these
        return None if found is None else found.group(1)
    size = len(head)
    parts = head.rsplit(None, 1)
    last = parts[-1] if parts else ""
    # head ends with ".": its last word ends it, after its last white space (if any)
    space = size - len(last) - 1
    if space < 0 and 0 < size <= 12:
        return head
    if space >= 0 and space >= size - 13:
        return head[space + 1 :] if space + 1 < size else None
    for j in range(max(0, size - 13, space + 1), size - 1):
        if head[j] in _TOKEN_OPENERS:
            return head[j + 1 :]
    return None


def sentence_units(
    text: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    protected: Sequence[tuple[int, int]] = (),
    *,
    terminals: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, never inside a ``protected`` span.

    A boundary is a run of ``.!?`` (and closing marks) followed by white space and an
    upper-case letter, digit or opening mark; abbreviations (``Mr.``, ``Ph.D.``) and single
    initials (``S.``) do not end sentences. ``terminals`` are the offsets of ``.!?…`` in
    ``text[start:end]`` (:func:`terminal_positions`), when the caller has them.
    """
    units: list[tuple[int, int]] = []
    cursor = start
    spans = sorted(protected)
    si = 0
    for m_start, cut in _boundaries(text, start, end, terminals):
        nxt = _NEXT_START.match(text, cut, end)
        if nxt is None:
            continue
        while si < len(spans) and spans[si][1] <= cut:
            si += 1
        if si < len(spans) and spans[si][0] < cut < spans[si][1]:
            continue
        if text[m_start] == ".":
            word = _last_token(text[max(cursor, m_start - 14) : m_start + 1])
            if word is not None and (
                word in abbreviations or (len(word) == 2 and word[0].isupper())
            ):
                continue
        units.append((cursor, cut))
        cursor = cut
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        tail_end = end
        while tail_end > cursor and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > cursor:
            units.append((cursor, tail_end))
    return units
