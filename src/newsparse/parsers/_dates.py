"""Reading publication dates: ISO stamps, day-month and month-day forms, times, zones.

The vocabulary (month and weekday names, zone abbreviations, labels such as
``Updated:``) lives in ``data/dates.json``; the patterns built from it are compiled once
per lexicon. Dates printed without a year (``Sunday, May 26``) are completed with the
latest year whose date is not after the reference date and, when a weekday is printed,
falls on that weekday.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs
import regex

from .._lexicon import Lexicon

__all__ = [
    "DateFound",
    "DatePatterns",
    "date_at",
    "date_patterns",
    "find_date",
    "first_digit",
    "infer_year",
    "read_date_line",
    "read_time_line",
    "time_of",
]

_MAX_YEARS_BACK = 28  # the weekday calendar repeats within 28 years
_DIGIT = regex.compile(r"\d")


_NEVER = regex.compile(r"(?!)")


@attrs.frozen
class DateFound:
    """A date read from the text."""

    iso: str
    """ISO 8601 date or date-time."""
    precision: str
    """``day``, ``minute`` or ``second``."""
    start: int
    """Offset of the first character read (in the searched string)."""
    end: int
    """Offset one past the last character read."""
    has_year: bool
    """False when the year was inferred."""
    has_time: bool
    """True when a time of day was read."""


@attrs.frozen
class DatePatterns:
    """Compiled date patterns of one lexicon."""

    date: regex.Pattern[str]
    """A date with optional weekday, time and zone (named groups)."""
    fragment: str
    """The same without groups, for embedding in other patterns."""
    label: regex.Pattern[str]
    """A label such as ``Updated:`` at the start of a line."""
    time: regex.Pattern[str]
    """A time of day with optional zone, alone on a line."""
    months: Mapping[str, int]
    """Month names to numbers."""
    weekdays: Mapping[str, int]
    """Weekday names to numbers (Monday = 0)."""
    zones: Mapping[str, str]
    """Zone abbreviations to offsets."""
    lead: int = 1 << 30
    """Characters a date can have before its first digit (weekday and month names)."""
    relative: regex.Pattern[str] = _NEVER
    """A relative time, perhaps labelled (``Updated 4 hours ago``), filling a string."""


def _alternation(words: list[str], flags: str = "") -> str:
    parts = sorted({regex.escape(w) for w in words if w}, key=lambda w: (-len(w), w))
    if not parts:
        return "(?!)"  # an empty list matches nothing
    return f"(?{flags}:{'|'.join(parts)})" if flags else f"(?:{'|'.join(parts)})"


def _build(lexicon: Lexicon) -> DatePatterns:
    data: Mapping[str, Any] = lexicon.get("dates")
    months = {str(k).casefold(): int(v) for k, v in data.get("months", {}).items()}
    weekdays = {str(k).casefold(): int(v) for k, v in data.get("weekdays", {}).items()}
    zones = {str(k).upper(): str(v) for k, v in data.get("timezones", {}).items()}
    month = _alternation(list(months), "i")
    weekday = _alternation(list(weekdays), "i")
    zone = _alternation([z for z in zones if len(z) > 1])
    labels = _alternation([str(x) for x in data.get("labels", [])], "i")
    units = _alternation([str(x) for x in data.get("relative_units", [])], "i")
    ago = _alternation([str(x) for x in data.get("relative_suffixes", [])], "i")
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:1[89]|20|21)\d{2}(?!\d)"
    # A version with named groups for reading, one without for embedding.
    g_time = (
        r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?!\d)"
        r"(?::(?P<second>\d{2})(?:\.\d{1,6})?)?"
        r"(?:\s{0,2}(?P<ampm>[AaPp])\.?[Mm]\.?)?"
        r"(?:\s{0,2}(?:(?P<off>Z|[+-]\d{2}:?\d{2})"
        r"|\(?(?:UTC|GMT)\s?(?P<off2>[+-]\d{1,2}(?::?\d{2})?)\)?"
        rf"|\(?(?P<zone>{zone})\)?(?![\w])))?"
    )
    time_sep = r"(?:\s{0,3}[,|/–@•·-]\s{0,3}|\s{1,3}(?:at\s{1,3})?|T)"
    g_date = (
        rf"(?:(?P<wd>{weekday})\.?,?\s{{1,3}})?"
        r"(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?!\d)"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:\s{{0,3}}|-)(?:of\s{{1,2}})?(?P<mn2>{month})\.?"
        rf"(?:(?:,?\s{{1,3}}|-)(?P<y2>{year}))?"
        rf"|(?P<mn3>{month})\.?\s{{0,3}}(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?\s{{1,3}}(?P<y3>{year}))?"
        rf"|(?P<d4>\d{{1,2}})(?P<s4>[.-])(?P<m4>\d{{1,2}})(?P=s4)(?P<y4>{year})"
        rf"|(?P<a5>\d{{1,2}})/(?P<b5>\d{{1,2}})/(?P<y5>{year}))"
        rf"(?:{time_sep}{g_time})?"
    )
    fragment = (
        rf"(?:{weekday}\.?,?\s{{1,3}})?"
        rf"(?:{day}\s{{0,3}}(?:of\s{{1,2}})?{month}\.?(?:,?\s{{1,3}}{year})?"
        rf"|{month}\.?\s{{0,3}}{day}(?:,?\s{{1,3}}{year})?)"
    )
    return DatePatterns(
        date=regex.compile(rf"(?<![\w-]){g_date}(?![\w])", regex.VERSION0),
        fragment=fragment,
        label=regex.compile(rf"{labels}\s{{0,2}}[:\-–]?\s{{0,3}}"),
        time=regex.compile(rf"{g_time}"),
        months=months,
        weekdays=weekdays,
        zones=zones,
        # "(Wednesday)., September  1": weekday, ".,", 3 spaces, month, ".", 3 spaces
        lead=max(map(len, weekdays), default=0) + 5 + max(map(len, months), default=0) + 4,
        relative=regex.compile(
            rf"(?:{labels}\s{{0,2}}[:\-–]?\s{{0,3}})?\d{{1,3}}\s{{0,2}}{units}s?\s{{1,3}}{ago}",
            regex.IGNORECASE,
        ),
    )


def date_patterns(lexicon: Lexicon) -> DatePatterns:
    """The compiled date patterns of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.dates", _build)


def infer_year(month: int, day: int, weekday: int | None, today: _dt.date) -> int | None:
    """The latest year whose ``month``/``day`` is not after ``today`` (and has ``weekday``).

    >>> infer_year(5, 26, 6, _dt.date(2026, 11, 25))
    2024
    """
    for year in range(today.year, today.year - _MAX_YEARS_BACK - 1, -1):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue
        if candidate > today:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return year
    return None


def _offset(match: regex.Match[str], zones: Mapping[str, str]) -> str:
    off = match.group("off") or match.group("off2")
    if off:
        if off == "Z":
            return "+00:00"
        sign, digits = off[0], off[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    zone = match.group("zone")
    return zones.get(zone.upper(), "") if zone else ""


def _time_part(match: regex.Match[str], zones: Mapping[str, str]) -> tuple[str, str] | None:
    if match.group("hour") is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    ampm = match.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    second = match.group("second")
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return None
    text = f"{hour:02d}:{minute:02d}:{int(second or 0):02d}"
    return text + _offset(match, zones), "second" if second else "minute"


def time_of(match: regex.Match[str], zones: Mapping[str, str]) -> tuple[str, str] | None:
    """``(HH:MM:SS[+zone], precision)`` of a match of :attr:`DatePatterns.time`."""
    return _time_part(match, zones)


def _slashed(first: int, second: int, year: int, today: _dt.date) -> _dt.date | None:
    """``03/12/2025``: month first (US) or day first (Europe, Asia).

    A reading that is no calendar date is dropped; of two, the one not after ``today`` and
    closest to it wins (a page is read soon after it is published).
    """
    readings = []
    for month, day in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.append(_dt.date(year, month, day))
    past = [d for d in readings if d <= today]
    if past:
        return max(past)
    return min(readings) if readings else None


def _from_match(
    match: regex.Match[str], patterns: DatePatterns, today: _dt.date
) -> DateFound | None:
    if match.group("y1"):
        year, month, day = int(match.group("y1")), int(match.group("m1")), int(match.group("d1"))
        has_year = True
    elif match.group("d4"):
        year, month, day = int(match.group("y4")), int(match.group("m4")), int(match.group("d4"))
        has_year = True
    elif match.group("y5"):
        slashed = _slashed(
            int(match.group("a5")), int(match.group("b5")), int(match.group("y5")), today
        )
        if slashed is None:
            return None
        year, month, day = slashed.year, slashed.month, slashed.day
        has_year = True
    else:
        name = (match.group("mn2") or match.group("mn3")).casefold()
        month = patterns.months[name]
        day = int(match.group("d2") or match.group("d3"))
        raw_year = match.group("y2") or match.group("y3")
        has_year = raw_year is not None
        wd = match.group("wd")
        weekday = patterns.weekdays[wd.casefold()] if wd else None
        inferred = int(raw_year) if raw_year else infer_year(month, day, weekday, today)
        if inferred is None:
            return None
        year = inferred
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    iso, precision = date.isoformat(), "day"
    time = _time_part(match, patterns.zones)
    end = match.end()
    if time is not None:
        iso, precision = f"{iso}T{time[0]}", time[1]
    elif match.group("hour") is not None:
        end = match.end("d1") if match.group("d1") else match.start("hour")
    return DateFound(iso, precision, match.start(), end, has_year, time is not None)


def first_digit(text: str, pos: int = 0, endpos: int | None = None) -> int:
    r"""The offset of the first ``\d`` in ``text[pos:endpos]``, or -1.

    >>> first_digit("Oct. 23, 2024"), first_digit("no digits"), first_digit("x٣")
    (5, -1, 1)
    """
    stop = len(text) if endpos is None else endpos
    if text.isascii():  # str.find is much faster than a \d search
        found = [at for digit in "0123456789" if (at := text.find(digit, pos, stop)) >= 0]
        return min(found) if found else -1
    match = _DIGIT.search(text, pos, stop)
    return -1 if match is None else match.start()


def find_date(
    text: str, lexicon: Lexicon, today: _dt.date, pos: int = 0, endpos: int | None = None
) -> DateFound | None:
    """The first valid date in ``text[pos:endpos]``, offsets into ``text``."""
    patterns = date_patterns(lexicon)
    stop = len(text) if endpos is None else endpos
    digit = first_digit(text, pos, stop)
    if digit < 0:
        return None  # every form of date holds a digit
    # no date starts more than ``lead`` characters before its first digit
    for match in patterns.date.finditer(text, max(pos, digit - patterns.lead), stop):
        found = _from_match(match, patterns, today)
        if found is not None:
            return found
    return None


def date_at(
    text: str, lexicon: Lexicon, today: _dt.date, pos: int = 0, endpos: int | None = None
) -> DateFound | None:
    """The valid date that starts exactly at ``pos`` (within ``endpos``), or None.

    The same answer as ``find_date(...)`` kept only when it starts at ``pos``, without
    searching the rest of the range.
    """
    patterns = date_patterns(lexicon)
    match = patterns.date.match(text, pos, len(text) if endpos is None else endpos)
    return None if match is None else _from_match(match, patterns, today)


# After a date line: closing brackets, punctuation, or a zone we cannot place ("ET").
_TRAILER = regex.compile(r"[\s.,;|)\]/]{0,5}(?:\p{Lu}{1,4}[\s.)\]]{0,3})?")
# Between a date and what may follow it on a web page's date line.
_TAIL_SEPARATOR = regex.compile(r"[\s,;|(/–—-]{1,6}")
# A place after the date (``November 20, 2025 09:41 pm IST - CHENNAI``).
_PLACE_TAIL = regex.compile(r"\s{1,3}[–—-]\s{1,3}\p{Lu}[\p{L} ]{1,28}")
_MAX_UPDATE_TAIL = 80
_TIME_FIRST_SEPARATOR = regex.compile(r"\s{0,3}[,|/•·–-]?\s{0,3}")


def read_date_line(text: str, lexicon: Lexicon, today: _dt.date) -> DateFound | None:
    """Read ``text`` when it holds nothing but a (labelled) date; else None.

    >>> from newsparse import Lexicon
    >>> found = read_date_line("Sunday, May 26", Lexicon.default(), _dt.date(2026, 11, 25))
    >>> found.iso, found.precision, found.has_year
    ('2024-05-26', 'day', False)
    """
    patterns = date_patterns(lexicon)
    left = len(text) - len(text.lstrip())
    if text[left : left + 1] in "[(":
        left += 1
        left += len(text[left:]) - len(text[left:].lstrip())
    label = patterns.label.match(text, left)
    start = label.end() if label else left
    match = patterns.date.match(text, start)
    if match is None:
        # "Published: 6:30pm, 21 Nov 2025", "05:20 AM November 21, 2025": time first
        clock = patterns.time.match(text, start) if text[start : start + 1].isdigit() else None
        if clock is None:
            return None
        sep = _TIME_FIRST_SEPARATOR.match(text, clock.end())
        match = patterns.date.match(text, sep.end()) if sep is not None else None
        if match is None or match.group("hour") is not None:
            return None
    found = _from_match(match, patterns, today)
    if found is None:
        return None
    trailer = _TRAILER.match(text, found.end)
    if trailer is None or trailer.end() != len(text):
        return found if _update_tail(text, found.end, patterns) else None
    return found


def _update_tail(text: str, end: int, patterns: DatePatterns) -> bool:
    """True when what follows a date is an update stamp or a place, not running text.

    ``20 Nov 2025 06:15PM (Updated: 20 Nov 2025 09:40PM)``, ``..., updated Fri 21 Nov
    2025 at 7:32am``, ``... Updated about 3 hours ago``, ``... 09:41 pm IST - CHENNAI``.
    """
    if len(text) - end > _MAX_UPDATE_TAIL:
        return False
    place = _PLACE_TAIL.fullmatch(text, end)
    if place is not None:
        return True
    sep = _TAIL_SEPARATOR.match(text, end)
    if sep is None:
        return False
    label = patterns.label.match(text, sep.end())
    return label is not None and "pdate" in label.group().casefold()


def read_time_line(text: str, lexicon: Lexicon) -> tuple[str, str, int, int] | None:
    """Read a (labelled) time alone on a line: ``Updated: 3:45 PM EST``.

    Returns ``(time, precision, start, end)`` or None.
    """
    patterns = date_patterns(lexicon)
    left = len(text) - len(text.lstrip())
    label = patterns.label.match(text, left)
    start = label.end() if label else left
    match = patterns.time.match(text, start)
    if match is None or text[match.end() :].strip(" .,") or not label:
        return None
    time = _time_part(match, patterns.zones)
    if time is None:
        return None
    return time[0], time[1], match.start(), match.end()
