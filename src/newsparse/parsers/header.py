"""The header parser: headline, publication date, credits, bylines and the dateline.

It reads the first lines of the article (at most :data:`MAX_LINES` non-blank lines within
:data:`MAX_CHARS` characters), one line at a time, and stops at the first line of body
text. Page chrome above the header (skip links, menus, breadcrumbs, the site title) is
skipped first and reported as navigation. Recognised lines, in the order tried:

* boilerplate (share buttons, menu entries): skipped, reported when inside the header;
* a date, optionally labelled (``Updated:``) and optionally followed by a credit
  (`` date 2019-10-06 By Trend``, `` date 2024-08-21 (MENAFN- AzerNews)``), a time-first
  date (``Updated 10:24 AM EDT, March 12, 2025``), a name and a date (``Jane Doe Dec 3,
  2024``), a ``|``-separated credit row; a time alone (``Updated: 3:45 PM EST``) is
  joined to the date;
* credits (``(MENAFN- AzerNews)``, ``/AzerNews/``), bylines (``By John Smith and Jane
  Doe``, ``By John Smith, Reuters``, ``By Name - Trend:``; bare names under the headline
  over a date or a job title), an agency name alone;
* a dateline alone on its line (``BAKU, Azerbaijan, Oct. 23``);
* a preamble, credit, dateline or byline opening the first paragraph (``MOSCOW, Nov 22
  (Reuters) -``), which is cut from the body;
* a headline (also when printed twice), a standfirst before a dateline, and one-word
  section labels.

When no line credits an agency, the first two paragraphs may (``..., Trend reports``).
Agencies and dateline layouts come from ``data/agencies.json``; dates from
``data/dates.json``; name vocabulary from ``data/bylines.json``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools

import regex

from .._draft import Draft, HeaderDraft
from .._lexicon import Lexicon
from .._text import Line
from ._agencies import AgencyIndex, FactsMemo, agency_index
from ._boilerplate import boilerplate_rules
from ._bylines import NameTools, name_tools
from ._dates import (
    DateFound,
    date_at,
    date_patterns,
    find_date,
    first_digit,
    read_date_line,
    read_time_line,
    time_of,
)

__all__ = ["MAX_CHARS", "MAX_LINES", "parse_byline", "parse_header"]

MAX_LINES = 15
"""Non-blank lines the header may span."""
MAX_CHARS = 2000
"""Characters from the start of the text the header may span."""

_SPACES = regex.compile(r"\s{1,100}+")
_SEPARATORS = regex.compile(r"[\s|,;·•–—-]{0,6}")
_TIME_SEPARATORS = regex.compile(r"[\s|,;·•/–—-]{0,6}")  # "14:22 / 12.03.2024"
_TWO_SENTENCES = regex.compile(r"\p{Ll}{2}[.!?][\"”’»]?\s{1,3}[\"“«]?\p{Lu}")
_AGENCY_TAIL = regex.compile(r"(?:\s{0,3}[,|/–—-]\s{0,3}|\s{1,3})([^,|/–—-]{1,60})$")
_QUOTES = "\"'“”‘’«»„"
_GLUED_BY = regex.compile(r"(\S.{0,60}?)\s{0,2}(?:By|BY)\s{1,3}(\p{Lu}.{1,100})")
_CONNECTORS = frozenset({"with", "and", "by", "for", "from", "via", "staff", "agencies"})
_CREDIT_SPLIT = regex.compile(r"\s{1,3}(?:with|and|&)\s{1,3}|\s{0,2}[,/+]\s{0,2}", regex.IGNORECASE)
_BRACKET = regex.compile(r"[\[(]\s{0,3}")
_IN_PLACE = regex.compile(
    r"\s(?:in|from)\s\p{Lu}[\p{L}'’.-]{1,30}(?:\s\p{Lu}[\p{L}'’.-]{1,30}){0,2}$"
)
_NAME_SPLIT = regex.compile(r"\s{0,3}(?:,|;|&|\band\b|\bwith\b)\s{0,3}")
_BLANK_LINE = regex.compile(r"\n[ \t]{0,20}\r?\n")
_CREDIT = ("credit",)
_DATELINE_LINE = ("dateline_line",)
_FOLLOWING_KINDS = ("dateline", "dateline_line", "byline")
_SHOUTED_WORDS = 4
_WRAP_WIDTH = 80
_SUMMARY_LABEL = 24
_WIDGET_LINE = 30
_SOURCE_LABEL = 8
_PAREN_SUFFIX = regex.compile(r"\s{1,3}\(([\p{L}\d ]{2,20})\)$")
_LOWER_LEAD = regex.compile(r"(?:\p{Ll}[\p{L}-]{1,20}\s{1,3}){1,5}(?=\p{Lu})")
_SUMMARY_BULLETS = frozenset({"- ", "• ", "* ", "▪ "})  # not "– ", an interview's turn
_MAX_SUMMARY_BULLETS = 8
_TITLE_OVER_LABEL = 5
_STANDFIRST_LINE = 250
_STANDFIRST_BLOCK = 4
_DATE_BLOCK_LINE = 120
_DATE_BLOCK_LOOK = 3
_TEXT_AFTER_HEADER = 200
_LAST_LINE_LOOK = 200
_CLOSING_LINE = 80
_MAX_CELL_ROW = 120
"""The longest row of cells split at spaced slashes or dots (bars: any length)."""
_PLACE_AFTER_DATE = regex.compile(r"\p{Lu}[\p{L}]{1,20}(?:\s\p{Lu}[\p{L}]{1,20}){0,2}")
_DASH = regex.compile(r"\s[-–—]\s")
_TRAILING_LABEL = regex.compile(r"\s(\p{L}{4,12})$")
_OUTLET_AFTER_NAMES = regex.compile(r"\s{1,3}\(([^()]{2,60})\)$")
_DOTTED_CELL = regex.compile(r"\s{0,3}\|\s{0,3}|\s{1,3}[·•]\s{1,3}")
_ROW_CELL = regex.compile(r"\s{0,3}\|\s{0,3}|\s{1,3}[/·•●]\s{1,3}")
_CELL = regex.compile(r"\s{0,3}\|\s{0,3}|\s{1,3}[/·•●]\s{1,3}")
_MENU_SEPARATOR = regex.compile(r"\s{2,10}|\s{0,3}[|>»›·•]\s{0,3}|\s{1,3}/\s{1,3}")
_SITE_WORD_SPLIT = regex.compile(r"[\s-]{1,3}")
_MAX_CHROME_LINES = 80
"""Lines of page chrome (menus, skip links) read before the header proper."""
_MENU_RUN = 3
"""Consecutive short labels that make a menu."""
_INLINE_BYLINE = regex.compile(
    r"(?:By|BY)\s{1,3}(?P<names>\p{Lu}[\p{Ll}'’-]{1,30}\s\p{Lu}[\p{Ll}'’-]{1,30})\s{1,3}(?=\p{Lu})"
)


def _line_start(line: Line) -> int:
    return line.start


def _normal(text: str) -> str:
    if "  " not in text and text.isprintable():
        return text.strip()  # no white space but single spaces: nothing to collapse
    return _SPACES.sub(" ", text).strip()


class _Reader:
    """State of one header scan."""

    def __init__(self, draft: Draft) -> None:
        self.text = draft.text
        self.lexicon: Lexicon = draft.lexicon
        self.agencies: AgencyIndex = agency_index(self.lexicon)
        self.names: NameTools = name_tools(self.lexicon)
        self.rules = boilerplate_rules(self.lexicon)
        self.today: _dt.date = draft.today()
        self.header: HeaderDraft = draft.header
        self.byline_seen = False
        self.dateline_seen = False
        self.pending_time: tuple[str, str, str] | None = None
        self.published_has_year = False
        self.headline_raw: str | None = None
        self.displaced: list[str] = []
        self.summary_labels: frozenset[str] = self.lexicon.compiled(
            "newsparse.header.summary_labels", _summary_labels
        )
        self.memo: FactsMemo = {}
        """Facts about the texts the header patterns are tried on."""

    # -- recording -----------------------------------------------------------------
    def set_date(self, found: DateFound, offset: int) -> None:
        header = self.header
        raw = self.text[offset + found.start : offset + found.end].strip()
        if header.published is not None:
            # A date printed with its year beats one whose year had to be inferred
            # (a "MANILA, Dec 10 -" dateline under "Tuesday, 10 Dec 2024 2:15 PM").
            if self.published_has_year or not found.has_year:
                return
            self.pending_time = None
        iso, precision = found.iso, found.precision
        if self.pending_time and not found.has_time:
            iso, precision = f"{iso}T{self.pending_time[0]}", self.pending_time[1]
            raw = f"{raw} {self.pending_time[2]}"
        header.published, header.published_precision, header.published_raw = iso, precision, raw
        self.published_has_year = found.has_year

    def set_time(self, time: str, precision: str, raw: str) -> None:
        header = self.header
        if header.published is None:
            self.pending_time = (time, precision, raw)
        elif header.published_precision == "day":
            header.published = f"{header.published}T{time}"
            header.published_precision = precision
            header.published_raw = f"{header.published_raw} {raw}"

    def set_agency(self, raw: str | None) -> None:
        if not raw:
            return
        name = self.agencies.lookup(raw)
        if name is None:
            return
        if self.agencies.kinds.get(name) == "aggregator":
            if self.header.distributor is None:
                self.header.distributor = name
        elif self.header.agency is None:
            self.header.agency = name

    def set_place(self, place: str | None) -> bool:
        if not place:
            return False
        words = place.casefold().replace(".", " ").split()
        if all(w in self.names.not_names for w in words) or any(w in _CONNECTORS for w in words):
            return False
        if _normal(place).casefold().rstrip(" -–—,") in self.agencies.not_places:
            return False
        if place.isupper() and self.agencies.lookup(place) is not None:
            return False  # "PREMIUM TIMES: How would you ...": the outlet asking, no place
        if self.header.dateline is None:
            self.header.dateline = _normal(place).rstrip(" -–—,")
        self.dateline_seen = True
        return True

    def credit_authors(self, names: list[str], byline: str) -> None:
        """Add ``names`` to the authors; ``byline`` is the byline unless one was read."""
        self.header.authors.extend(names)
        self.header.byline = self.header.byline or _normal(byline)
        self.byline_seen = True

    def boilerplate_kind(self, text: str) -> str | None:
        """The boilerplate kind of a header line; None for a date (``03.03.2025`` is no phone)."""
        kind = self.rules.kind(text)
        if kind is not None and read_date_line(text, self.lexicon, self.today) is not None:
            return None
        return kind

    def source_credit(self, text: str) -> None:
        """Credit the outlet a ``Source: X`` line of the header names."""
        label, colon, value = text.partition(":")
        if colon and len(label) <= _SOURCE_LABEL and value.strip():
            self.set_agency(value.strip())

    def summary_label(self, text: str) -> bool:
        """True for the label of a summary block (``In short:``, ``What's next?``)."""
        return len(text) <= _SUMMARY_LABEL and text.rstrip(" :?").casefold() in self.summary_labels

    # -- line readers ----------------------------------------------------------------
    def byline(self, text: str) -> bool:
        """Read a whole-line byline; True when ``text`` is one."""
        found = parse_byline(text, self.agencies, self.names, self.memo)
        if found is None:
            return False
        names, agency = found
        if self.header.byline is None:
            self.header.byline = _normal(text)
        self.header.authors.extend(names)
        self.set_agency(agency)
        self.byline_seen = True
        return True

    def credit(self, text: str) -> bool:
        """Read a credit line (``(MENAFN- AzerNews)``), possibly followed by a byline."""
        facts, patterns = self.agencies.viable(_CREDIT, text, 0, len(text), self.memo)
        for pattern in patterns:
            match = pattern.match_viable(facts)
            if match is None:
                continue
            rest = text[match.end() :].strip()
            if rest and not self.byline(rest):
                continue
            groups = match.groupdict()
            distributor = groups.get("distributor")
            agency = groups.get("agency")
            if distributor:
                self.header.distributor = self.agencies.lookup(distributor) or _normal(distributor)
            if agency and self.header.agency is None:
                self.header.agency = self.agencies.lookup(agency) or _normal(agency)
            return True
        return False

    def date_line(self, text: str, offset: int) -> bool:
        """Read a (labelled) date, alone or followed by a credit or byline."""
        if first_digit(text) < 0:
            return False  # every date and time read below holds a digit
        if _CELL.search(text) and self.pipe_line(text, offset):
            return True
        patterns = date_patterns(self.lexicon)
        bracket = _BRACKET.match(text)
        label = patterns.label.match(text, bracket.end() if bracket else 0)
        start = label.end() if label else (bracket.end() if bracket else 0)
        match = patterns.date.match(text, start)
        if match is None:
            return self.time_first(text, start, offset) or self.name_then_date(text, offset)
        found = find_date(text, self.lexicon, self.today, start, match.end())
        if found is None or found.start != start:
            return False
        sep = _SEPARATORS.match(text, found.end)
        rest = text[sep.end() if sep else found.end :].strip()
        if bracket is not None:
            rest = rest.rstrip("]) ")
        if rest and not (
            self.credit(rest)
            or self.byline(rest)
            or self.agency_line(rest)
            or read_date_line(rest, self.lexicon, self.today) is not None
            or _is_labelled_time(rest, self.lexicon)  # "... 12:15 GMT+1 • Updated 14:02"
            or self.rules.kind(rest) is not None  # "August 1, 2024 6:12 PM  2 min read"
            or (
                _PLACE_AFTER_DATE.fullmatch(rest) is not None
                and _DASH.search(text, found.end, len(text) - len(rest)) is not None
                and self.set_place(rest)
            )  # "Updated - November 20, 2025 09:41 pm IST - CHENNAI"
            or read_date_line(text, self.lexicon, self.today) is not None  # "... 07:30 CET/CEST"
        ):
            return False
        self.set_date(found, offset)
        return True

    def preamble(self, text: str, offset: int) -> int | None:
        """A date and credit run into the first paragraph on one line.

        `` date 2024-06-18 (MENAFN- Trend News Agency) BAKU, Azerbaijan, June 18 ...``:
        returns where the paragraph's own words begin, after any dateline or byline.
        """
        patterns = date_patterns(self.lexicon)
        label = patterns.label.match(text)
        start = label.end() if label else 0
        found = date_at(text, self.lexicon, self.today, start, min(len(text), start + 60))
        if found is None:
            return None
        sep = _SEPARATORS.match(text, found.end)
        pos = sep.end() if sep else found.end
        facts, credits = self.agencies.viable(_CREDIT, text, pos, len(text), self.memo)
        for pattern in credits:
            match = pattern.match_viable(facts)
            if match is not None:
                break
        else:
            return None
        rest_at = match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip())
        if rest_at >= len(text):
            return None  # nothing follows: a whole-line credit, read by date_line
        self.set_date(found, offset)
        groups = match.groupdict()
        if groups.get("distributor"):
            self.header.distributor = self.agencies.lookup(groups["distributor"]) or _normal(
                groups["distributor"]
            )
        if groups.get("agency") and self.header.agency is None:
            self.header.agency = self.agencies.lookup(groups["agency"]) or _normal(groups["agency"])
        rest = text[rest_at:]
        inner = self.dateline_prefix(rest, offset + rest_at)
        if inner is None:
            byline = _INLINE_BYLINE.match(rest)
            if byline is not None:
                names = self.names.split_names(byline.group("names"))
                if names:
                    self.header.authors.extend(names)
                    self.header.byline = self.header.byline or _normal(byline.group())
                    inner = byline.end()
        return rest_at + (inner or 0)

    def name_then_date(self, text: str, offset: int) -> bool:
        """Read ``Almaz Kumenov Dec 3, 2024`` or ``By Jane Doe, 3 December 2024``."""
        if len(text) > 120:
            return False
        found = find_date(text, self.lexicon, self.today)
        if found is None or found.start == 0:
            return False
        head = text[: found.start].rstrip(" ,;|–—-")
        label = _TRAILING_LABEL.search(head)  # "Jane Doe Published November 21, 2025"
        if label is not None and date_patterns(self.lexicon).label.fullmatch(label.group(1)):
            head = head[: label.start()].rstrip(" ,;|–—-")
        if text[found.end :].strip(" .,;|)]") and (
            label is None
            or read_date_line(text[label.start() :].strip(), self.lexicon, self.today) is None
        ):
            return False  # only an update stamp may follow the date
        joiner = self.names.date_joiner.search(head)  # "Posted by Jane Doe on"
        if joiner is not None:
            head = head[: joiner.start()]
        prefix = self.names.byline_prefix.match(head)
        body = head[prefix.end() :] if prefix else head
        names = _all_names(body, self.names)
        if names is None:
            return False
        self.credit_authors(names, head)
        self.set_date(found, offset)
        return True

    def time_first(self, text: str, start: int, offset: int) -> bool:
        """Read ``Updated 10:24 AM EDT, March 12, 2025`` or a time alone."""
        patterns = date_patterns(self.lexicon)
        time = patterns.time.match(text, start)
        if time is None:
            return False
        sep = _TIME_SEPARATORS.match(text, time.end())
        after = sep.end() if sep else time.end()
        found = read_date_line(text[after:], self.lexicon, self.today)
        if found is None:
            alone = read_time_line(text, self.lexicon)
            if alone is None:
                return False
            self.set_time(alone[0], alone[1], text[alone[2] : alone[3]])
            return True
        if found.start != 0 or found.has_time:
            return False
        self.set_date(found, offset + after)
        clock = time_of(time, patterns.zones)
        if clock is not None:
            self.set_time(clock[0], clock[1], text[start : time.end()].strip())
        return True

    def pipe_line(self, text: str, offset: int) -> bool:
        """Read ``Name | 12.03.2024 - Update : 12.03.2024`` and similar credit rows.

        Cells are separated by bars, or by spaced slashes or dots (``March 3, 2025 /
        10:15 AM / Updated 2 hours ago``, ``By Jane Doe · Published March 3, 2025``); a
        relative time (``Updated 4 hours ago``) is skipped.
        """
        barred = "|" in text
        if not barred and len(text) > _MAX_CELL_ROW:
            return False  # "DENVER, CO / ACCESSWIRE / April 16, 2024 / Acme Inc. ..."
        if barred and ("·" in text or "•" in text):
            cells = _DOTTED_CELL.split(text)  # "Name · Outlet · Posted: ... | Updated ..."
        else:
            cells = text.split("|") if barred else _CELL.split(text)
        parts = [p.strip() for p in cells]
        if len(parts) > 6 or not all(parts):
            return False
        relative = date_patterns(self.lexicon).relative
        parts = [p for p in parts if not relative.fullmatch(p)]
        if not parts:
            return False
        dates = [read_date_line(p, self.lexicon, self.today) for p in parts]
        first_date = next((i for i, d in enumerate(dates) if d is not None), None)
        if first_date is None:
            for i, part in enumerate(parts):
                head, _, after = part.partition(" // ")  # "November 19, 2025 // 15:47"
                head = head.split(" - ")[0].split(" – ")[0]
                found = read_date_line(head, self.lexicon, self.today)
                if found is None:  # "November 19, 2025, Wednesday": a weekday after it
                    date, comma, day = head.rpartition(",")
                    if comma and day.strip().casefold() in date_patterns(self.lexicon).weekdays:
                        found = read_date_line(date, self.lexicon, self.today)
                if found is not None:
                    dates[i], first_date = found, i
                    after = after.strip()
                    patterns = date_patterns(self.lexicon)
                    timed = patterns.time.fullmatch(after) if after else None
                    time = time_of(timed, patterns.zones) if timed is not None else None
                    if time is not None and not found.has_time:
                        self.pending_time = (time[0], time[1], after)
                    break
        if first_date is None:
            return False
        names: list[str] = []
        patterns = date_patterns(self.lexicon)
        clock: tuple[str, str, str] | None = None
        for i, part in enumerate(parts):
            if dates[i] is not None or self.agencies.lookup(part):
                continue
            timed = None if barred else patterns.time.fullmatch(part)
            time = time_of(timed, patterns.zones) if timed is not None else None
            if time is not None and clock is None:  # "March 3, 2025 / 10:15 AM"
                clock = (time[0], time[1], part)
                continue
            prefix = self.names.byline_prefix.match(part)
            found_names = self.names.split_names(part[prefix.end() :] if prefix else part)
            if found_names:
                names.extend(found_names)
            elif prefix is not None or len(part) > 25 or any(c.isdigit() for c in part):
                return False
            # else a section label ("Politics | 22 November 2024, 14:05")
        found = dates[first_date]
        assert found is not None
        position = offset + text.index(parts[first_date])
        self.set_date(found, position)
        if clock is not None:
            self.set_time(*clock)
        for part in parts:
            self.set_agency(part)
        if names:
            self.header.authors.extend(names)
            self.byline_seen = True
            if self.header.byline is None:
                self.header.byline = ", ".join(names)
        return True

    def agency_line(self, text: str) -> bool:
        """Read a line that is nothing but an agency name (``Associated Press``)."""
        if len(text) > 60:
            return False
        name = self.agencies.lookup(text)
        if name is None:
            # "DAILY SABAH WITH AA", "Reuters and AFP": the first is credited
            parts = [p for p in _CREDIT_SPLIT.split(text) if p]
            found = [self.agencies.lookup(p) for p in parts]
            if len(parts) >= 2 and found[0] is None and found[-1] is not None:
                return self.names_and_agency(text, found[-1])
            if len(parts) < 2 or found[0] is None:
                return False
            if not all(
                f is not None or p.casefold() in _CONNECTORS
                for p, f in zip(parts, found, strict=True)
            ):
                return False
            name = found[0]
        self.set_agency(name)
        return True

    def label_line(self, text: str, following: str | None) -> bool:
        """A date label alone on its line over the date (``Published`` / ``03.03.2025``)."""
        if following is None or len(text) > 30:
            return False
        label = date_patterns(self.lexicon).label.match(text)
        if label is None or text[label.end() :].strip(" :"):
            return False
        return read_date_line(following, self.lexicon, self.today) is not None

    def opens_with_label(self, text: str) -> bool:
        """True when ``text`` opens with a whole date label (``Posted by ...``, not ``Dates``)."""
        label = date_patterns(self.lexicon).label.match(text)
        if label is None:
            return False
        end = label.end()
        return end >= len(text) or not (text[end - 1].isalpha() and text[end].isalpha())

    def opens_with_date(self, text: str) -> bool:
        """True when ``text`` starts with a (labelled) date: ``Published: 27 November 2024``."""
        label = date_patterns(self.lexicon).label.match(text)
        return date_at(text, self.lexicon, self.today, label.end() if label else 0) is not None

    def byline_in_place(self, text: str, following: str | None) -> bool:
        """Read ``Kate Connolly in Berlin`` (names, ``in`` a place) right above a date line."""
        if following is None or len(text) > 80 or " in " not in text:
            return False
        head, _, place = text.rpartition(" in ")
        if (
            not place[:1].isupper()
            or len(place.split()) > 3
            or not place.replace(" ", "").isalpha()
        ):
            return False
        if read_date_line(following, self.lexicon, self.today) is None:
            return False
        names = _all_names(head, self.names)
        if names is None:
            return False
        self.credit_authors(names, text)
        return True

    def bare_byline(self, text: str, following: str | None, beyond: str | None = None) -> bool:
        """Read a byline without ``By`` under the headline.

        Names alone over a date line, a job title or a blank line after the date
        (``Jane Doe and John Roe`` / ``Mon 24 Nov 2025 17.32 GMT``, ``Jane Doe`` /
        ``Court Correspondent``), or names with a job title (``JANE DOE, Acme staff
        writers``). A widget line between the names and the date (``2 min read``) is
        passed over: ``beyond`` is the line after ``following``, if adjacent.
        """
        if self.header.headline is None or self.byline_seen or len(text) > 120:
            return False
        if any(c.isdigit() for c in text):
            return False
        if (
            beyond is not None
            and following is not None
            and len(following) <= _WIDGET_LINE
            and self.rules.kind(following) is not None
        ):
            following = beyond  # "Jane Doe" / "2 min read" / "Published: ..."
        head = text
        role = self.names.byline_role.search(text)
        if role is not None:
            head = text[: role.start()]
            before, comma, desk = head.rpartition(",")
            if comma and not role.group()[:1].strip(" ") and len(desk.split()) <= 3:
                head = before  # "Jane Doe, Acme" + " staff writers": Acme is no author
        elif not (
            (following is None and self.header.published is not None)
            or (following is not None and read_date_line(following, self.lexicon, self.today))
            or (following is not None and self.role_line(following))
            or (
                following is not None
                and len(following) <= _DATE_BLOCK_LINE
                and _date_cell(self, following)
            )
        ):
            return False
        head = head.strip()
        agency = None
        outlet = _OUTLET_AFTER_NAMES.search(head)  # "Jane Doe (The Jakarta Post)"
        if outlet is not None and self.agencies.lookup(outlet.group(1)):
            agency, head = outlet.group(1), head[: outlet.start()]
        names = _all_names(head, self.names)
        if names is None:
            return False
        self.credit_authors(names, text)
        self.set_agency(agency)
        return True

    def role_line(self, text: str) -> bool:
        """A journalist's job title alone on its line (``Court Correspondent``)."""
        return (
            len(text) <= 40
            and len(text.split()) <= 4
            and not any(c.isdigit() for c in text)
            and self.names.byline_role.search(" " + text) is not None
        )

    def names_and_agency(self, text: str, agency: str) -> bool:
        """Read ``Alex Lawler, Reuters`` (a byline without ``By``)."""
        tail = _AGENCY_TAIL.search(text)
        if tail is None or self.agencies.lookup(tail.group(1)) != agency:
            return False
        head = text[: tail.start()].strip()
        names = _all_names(head, self.names)
        if names is None:
            return False
        self.credit_authors(names, text)
        self.set_agency(agency)
        return True

    def apply_dateline(self, match: regex.Match[str], offset: int) -> None:
        groups = match.groupdict()
        self.set_place(groups.get("place"))
        self.dateline_seen = True
        self.set_agency(groups.get("agency"))
        if groups.get("names"):
            self.header.authors.extend(self.names.split_names(groups["names"]))
        date = groups.get("date")
        if date and self.header.published is None:
            start, end = match.span("date")
            found = find_date(self.text, self.lexicon, self.today, offset + start, offset + end)
            if found is not None:
                self.set_date(found, 0)

    def dateline_line(
        self, text: str, offset: int, lines: list[Line] | None = None, index: int = 0
    ) -> bool:
        """Read a dateline that fills its line (``BAKU, Azerbaijan, Oct. 23``).

        ``lines[index:]`` follow the line: before any headline, a place alone over a
        headline-like line is a section label.
        """
        facts, patterns = self.agencies.viable(_DATELINE_LINE, text, 0, len(text), self.memo)
        for pattern in patterns:
            match = pattern.fullmatch_viable(facts)
            if (
                match is not None
                and self.header.headline is None
                and lines is not None
                and not match.groupdict().get("date")
                and not match.groupdict().get("agency")
                and _title_next(lines, index)
            ):
                continue  # "CROSS-STRAIT" over the headline: a section label, no dateline
            if match is not None and self.set_place(match.group("place")):
                self.apply_dateline(match, offset)
                return True
        return False

    def dateline_prefix(self, text: str, offset: int) -> int | None:
        """Read a dateline or inline byline opening the first paragraph.

        Returns the offset (into ``text``) where the paragraph's own words begin.
        """
        for kind in ("byline", "dateline"):
            facts, patterns = self.agencies.viable((kind,), text, 0, len(text), self.memo)
            for pattern in patterns:
                match = pattern.match_viable(facts)
                if match is None:
                    continue
                place = match.groupdict().get("place")
                if place is not None and not self.set_place(place):
                    continue
                self.apply_dateline(match, offset)
                if kind == "byline":
                    self.byline_seen = True
                    if self.header.byline is None:
                        self.header.byline = _normal(match.group())
                return match.end()
        facts, patterns = self.agencies.viable(_DATELINE_LINE, text, 0, len(text), self.memo)
        for pattern in patterns:
            # "BAKU, Azerbaijan, Feb. 5 By Name - Trend: text": dateline, then a byline
            match = pattern.match_viable(facts)
            if match is None or match.end() == len(text):
                continue
            rest = text[match.end() :]
            skip = len(rest) - len(rest.lstrip(" .,;:–—-"))
            punctuated = (match.group()[-1:] in ".:" or bool(rest[:skip].strip())) and (
                match.groupdict().get("date") is not None
            )
            if not (punctuated or self.names.byline_prefix.match(rest, skip)):
                continue
            if not self.set_place(match.group("place")):
                continue
            self.apply_dateline(match, offset)
            inner = self.dateline_prefix(rest[skip:], offset + match.end() + skip)
            if inner is not None:
                return match.end() + skip + inner
            return match.end() + skip
        return None

    def title(self, text: str, following: str | None) -> bool:
        """Accept ``text`` as the headline."""
        header = self.header
        normal = _normal(text)
        if header.headline is not None:
            if normal in (header.headline, self.headline_raw):
                return True
            # "Online Payment" then the real title and its date: the title is the line
            # that the date line follows. "WORLD NEWS" then the real title: a section
            # label in capitals (or one word) gives way to a longer title.
            label = _short_label(header.headline) and (
                header.headline.isupper() or " " not in header.headline
            )
            if not (
                title_like(normal)
                and (
                    (
                        header.published is None
                        and following
                        and read_date_line(following, self.lexicon, self.today) is not None
                    )
                    or (label and len(normal.split()) > len(header.headline.split()))
                    or (_short_label(header.headline) and _shouted_title(normal))
                    or (
                        # "Social Affairs" / "Births rise for 14th straight month ...": a
                        # section label over a web page's title, read before any byline
                        _short_label(header.headline)
                        and len(normal.split()) >= _TITLE_OVER_LABEL
                        and not self.byline_seen
                        and header.published is None
                    )
                )
            ):
                return False
            if _short_label(normal) and len(normal.split()) < len(header.headline.split()):
                return True  # a section kicker ("Foreign policy") above the date: no title
            self.displaced.append(header.headline)
        if (self.byline_seen or self.dateline_seen) and not (
            _shouted_title(normal) and (header.headline is None or self.displaced)
        ):
            return False  # a press release's title in capitals may follow its dateline
        if following and (self.opens_with_date(following) or self.opens_with_label(following)):
            following = None  # "Published: 27 November 2024 | 18:31": no running text
        slug = self.agencies.headline_prefix.match(normal)
        headline = normal[slug.end() :] if slug and slug.end() < len(normal) else normal
        if not title_like(normal, following) and (
            headline is normal or not title_like(headline, following)
        ):
            return False  # a bracketed slug ("(LEAD) ...") is judged without it
        suffix = _PAREN_SUFFIX.search(headline)  # "... Residential Areas (News)"
        if suffix is not None and suffix.group(1).casefold() in self.paren_suffixes():
            headline = headline[: suffix.start()]
        header.headline = headline
        self.headline_raw = normal
        return True

    def paren_suffixes(self) -> frozenset[str]:
        """The casefolded bracketed labels that may close a headline (``(News)``)."""
        return self.lexicon.compiled("newsparse.header.paren_suffixes", _paren_suffixes)


def title_like(text: str, following: str | None = None) -> bool:
    """True when ``text`` can be a headline (``following``: the next line, if adjacent).

    >>> title_like("Russia and Azerbaijan expand cooperation")
    True
    >>> title_like("The talks ended on Monday. Both sides left.")
    False
    """
    words = text.split()
    if not 3 <= len(text) <= 200 or not 2 <= len(words) <= 30:
        return False
    if text[-1] in ".,;:" and not text.endswith("..."):
        return False
    first = text[0]
    camel = first.islower() and any(c.isupper() for c in words[0][1:])  # "airBaltic", "eBay"
    if not (first.isupper() or first.isdigit() or first in _QUOTES or camel):
        return False
    if _TWO_SENTENCES.search(text):
        return False
    if following:
        if following[0].islower():
            return False
        long_words = [w for w in words if len(w) > 3]
        capitalised = sum(1 for w in long_words if w[0].isupper())
        title_case = bool(long_words) and capitalised >= 0.6 * len(long_words)
        if len(following) >= 40 and len(text) >= 0.8 * len(following) and not title_case:
            return False
    return True


def parse_byline(
    text: str, agencies: AgencyIndex, names: NameTools, memo: FactsMemo | None = None
) -> tuple[list[str], str | None] | None:
    """Read a byline line: ``(author names, agency spelling or None)``, or None.

    ``memo`` keeps facts about the texts tried, for one parse.

    >>> from newsparse import Lexicon
    >>> lex = Lexicon.default()
    >>> parse_byline("By John Smith, Reuters", agency_index(lex), name_tools(lex))
    (['John Smith'], 'Reuters')
    >>> parse_byline("By the time they left", agency_index(lex), name_tools(lex)) is None
    True
    """
    if len(text) > 160:
        return None
    prefix = names.byline_prefix.match(text)
    if prefix is None:
        return None
    rest = text[prefix.end() :].strip().rstrip(":").strip()
    if not rest:
        return None
    stripped = text.strip()
    facts, patterns = agencies.viable(("byline",), stripped, 0, len(stripped), memo)
    for pattern in patterns:
        match = pattern.fullmatch_viable(facts)
        if match is not None:
            return names.split_names(match.group("names")), match.group("agency")
    if agencies.lookup(rest):
        return [], rest
    glued = _GLUED_BY.match(rest)
    if glued is not None and agencies.lookup(glued.group(1)):
        # scraped "By AzernewsBy Nazrin Abdul": the outlet's credit, then the author's
        glued_names = _all_names(glued.group(2), names)
        return (glued_names, glued.group(1)) if glued_names else None
    agency = None
    lead = _LOWER_LEAD.match(rest)  # "By national rural reporter Jane Doe"
    if lead is not None and names.byline_role.search(" " + lead.group().rstrip()):
        rest = rest[lead.end() :]
    role = names.byline_role.search(rest)
    if role is not None:
        words = role.group().strip(" ,|/–—-").split()
        spans = [(i, j) for i in range(len(words)) for j in range(len(words), i, -1)]
        for i, j in spans:  # "Associated Press Writer", "Special to Trend"
            candidate = " ".join(words[i:j])
            if agencies.lookup(candidate):
                agency = candidate
                break
        rest = rest[: role.start()].strip()
    tail = _AGENCY_TAIL.search(rest)
    if tail is not None and agencies.lookup(tail.group(1)):
        agency = tail.group(1).strip()
        rest = rest[: tail.start()].strip()
    found = _all_names(rest, names)
    if found is None and agency is None:
        # "By MARK HOLLAND Associated Press": the agency after the names, no separator
        words = rest.split()
        for k in range(min(4, len(words) - 1), 0, -1):
            if agencies.lookup(" ".join(words[-k:])):
                found = _all_names(" ".join(words[:-k]), names)
                if found is not None:
                    agency = " ".join(words[-k:])
                break
    if found is None:
        # "By Anna Kessler with Leon Dubois in Yerevan": the reporters' place
        place = _IN_PLACE.search(rest)
        if place is not None:
            found = _all_names(rest[: place.start()], names)
    return None if found is None else (found, agency)


def _all_names(text: str, names: NameTools) -> list[str] | None:
    """The names ``text`` lists, when every comma- or ``and``-separated part is one."""
    parts = [p for p in _NAME_SPLIT.split(text) if p.strip()]
    found = names.split_names(text)
    return found if found and len(found) == len(parts) else None


def parse_header(draft: Draft) -> None:
    """Fill ``draft.header`` from the first lines and move ``draft.body_start`` past them."""
    reader = _Reader(draft)
    text = draft.text
    lines = draft.lines
    header = draft.header
    index = bisect.bisect_left(
        lines, draft.body_start, hi=min(len(lines), MAX_LINES * 8), key=_line_start
    )
    skipped: list[tuple[int, int, str]] = []
    index = _page_chrome(reader, lines, index, skipped)
    if skipped:  # the text starts after the page chrome at the latest
        draft.body_start = max(draft.body_start, skipped[-1][1])
    limit = (lines[index].start if index < len(lines) else len(text)) + MAX_CHARS
    seen = 0
    body_from: int | None = None
    summary = False
    while index < len(lines) and seen < MAX_LINES and lines[index].start < limit:
        line = lines[index]
        index += 1
        if line.is_blank:
            summary = False
            continue
        seen += 1
        start, end = line.strip_span()
        start = max(start, draft.body_start)
        content = text[start:end]
        if header.headline is not None and (summary or reader.summary_label(content)):
            summary = True  # "In short:" and the lines of its block
            header.cover(start, end)
            continue
        kind = reader.boilerplate_kind(content)
        if kind == "credits" and (reader.credit(content) or reader.byline(content)):
            header.cover(start, end)  # "Author: Jane Doe", "Reporter: ..." over the text
            continue
        if kind is not None:
            if kind == "source" and header.agency is None:
                reader.source_credit(content)  # "Source: Meduza" under the date
            skipped.append((start, end, kind))
            continue
        following = None
        if index < len(lines) and not lines[index].is_blank:
            following = lines[index].stripped
        if (
            reader.date_line(content, start)
            or reader.label_line(content, following)
            or reader.credit(content)
            or reader.byline(content)
            or reader.agency_line(content)
            or reader.dateline_line(content, start, lines, index)
            or reader.byline_in_place(content, following)
            or reader.bare_byline(
                content,
                following,
                lines[index + 1].stripped
                if following is not None
                and index + 1 < len(lines)
                and not lines[index + 1].is_blank
                else None,
            )
            or (reader.byline_seen and reader.role_line(content))
        ):
            header.cover(start, end)
            continue
        cut = reader.preamble(content, start)
        if cut is None:
            cut = reader.dateline_prefix(content, start)
        if cut is not None:
            header.cover(start, start + len(content[:cut].rstrip()))
            body_from = start + cut
            break
        wrapped = _wrapped_title(lines, index, content, following)
        if wrapped is not None and reader.title(wrapped, None):
            header.cover(start, lines[index].strip_span()[1])
            index += 1  # the second line of the headline
            continue
        if reader.title(content, following) or _section_label(content, following):
            header.cover(start, end)
            continue
        if header.headline is not None and (
            _dateline_follows(reader, lines, index, limit)
            or (header.published is None and _date_block_next(reader, lines, index, limit))
        ):
            header.cover(start, end)  # a standfirst between headline and dateline
            continue
        break
    if body_from is not None:
        draft.body_start = max(draft.body_start, body_from)
    elif header.end is not None:
        draft.body_start = max(draft.body_start, header.end)
    for start, end, kind in skipped:
        if end <= draft.body_start:
            draft.add_boilerplate(kind, start, end)
    _report_displaced(reader, draft)
    if header.agency is None:
        _self_credit(reader, draft)


def _title_next(lines: list[Line], index: int) -> bool:
    """True when the next non-blank line (from ``index``) can be a headline."""
    for line in itertools.islice(lines, index, index + 3):
        if not line.is_blank:
            return title_like(line.stripped)
    return False


def _paren_suffixes(lexicon: Lexicon) -> frozenset[str]:
    """The labels of ``agencies.json`` ``headline_paren_suffixes``, casefolded."""
    data = lexicon.get("agencies").get("headline_paren_suffixes", [])
    return frozenset(str(x).casefold() for x in data)


def _summary_labels(lexicon: Lexicon) -> frozenset[str]:
    """The casefolded labels of summary blocks (``agencies.json`` ``summary_labels``)."""
    return frozenset(str(x).casefold() for x in lexicon.get("agencies").get("summary_labels", []))


def _menu_item(text: str) -> bool:
    """A capitalised entry of a site menu: one to three words, no digits, no full stop."""
    return (
        len(text) <= 30
        and len(text.split()) <= 3
        and text[:1].isupper()
        and text[-1:].isalnum()
        and not any(word.isdigit() for word in text.split())
    )


def _menu_line(text: str) -> bool:
    """A row of menu entries or a breadcrumb (``World | Europe``, ``Products   Careers``)."""
    parts = _MENU_SEPARATOR.split(text)
    return len(parts) >= 2 and all(_menu_item(part) for part in parts)


def _site_title(reader: _Reader, text: str) -> bool:
    """The outlet's name over its pages (``NHK WORLD-JAPAN News``, ``Acme News Online``).

    A known outlet or agency followed by words of site titles or capitalised words.
    """
    words = text.split()
    if not 2 <= len(words) <= 6 or len(text) > 60:
        return False
    site_words = reader.agencies.site_title_words
    for cut in range(min(3, len(words) - 1), 0, -1):
        if reader.agencies.lookup(" ".join(words[:cut])) is None:
            continue
        rest = [w for w in _SITE_WORD_SPLIT.split(" ".join(words[cut:])) if w]
        return all(w.casefold() in site_words or (w.isupper() and len(w) > 1) for w in rest)
    return False


def _page_chrome(
    reader: _Reader, lines: list[Line], index: int, skipped: list[tuple[int, int, str]]
) -> int:
    """Skip the page chrome above the header; the index of the first line after it.

    Skip links, menus, site titles and breadcrumbs of a scraped page: lines of a
    boilerplate kind, rows of menu entries, an outlet's site title, and runs of at least
    :data:`_MENU_RUN` short capitalised labels on consecutive lines (``News`` /
    ``Opinion`` / ``Sport``). Fewer labels are left to the header (a section kicker).
    The lines skipped are added to ``skipped`` as navigation.
    """
    text = reader.text
    run: list[tuple[int, int]] = []
    committed = index
    found: list[tuple[int, int, str]] = []
    seen = 0
    i = index
    while i < len(lines) and seen < _MAX_CHROME_LINES:
        line = lines[i]
        i += 1
        if line.is_blank:
            if run and len(run) < _MENU_RUN:
                break  # a kicker or a short headline: the header reads it
            found.extend((s, e, "navigation") for s, e in run)
            committed = i
            run = []
            continue
        seen += 1
        start, end = line.strip_span()
        content = text[start:end]
        kind = reader.boilerplate_kind(content)
        if kind == "credits" or kind in reader.rules.absorbing:
            break  # a byline; a "Related" list the body parser reads with its lines
        if kind is None and (_menu_line(content) or _site_title(reader, content)):
            kind = "navigation"
            outlet = _MENU_SEPARATOR.split(content, maxsplit=1)[0]
            if reader.header.agency is None and outlet != content:
                reader.set_agency(outlet)  # "News24 | South Africa | News": the site's name
        if kind is not None:
            found.extend((s, e, "navigation") for s, e in run)
            found.append((start, end, kind))
            run = []
            committed = i
        elif _menu_item(content):
            run.append((start, end))
        else:
            break
    skipped.extend(found)
    return committed


def _report_displaced(reader: _Reader, draft: Draft) -> None:
    """Lines first taken for the headline and then displaced by it are page furniture."""
    if not reader.displaced or draft.header.start is None:
        return
    text = draft.text
    for line in draft.lines[: MAX_LINES * 8]:
        if line.start >= draft.body_start:
            break
        start, end = line.strip_span()
        if _normal(text[start:end]) in reader.displaced:
            draft.add_boilerplate("navigation", start, end)


def _is_labelled_time(text: str, lexicon: Lexicon) -> bool:
    """True for a labelled time filling ``text`` (``Updated 14:02``, ``Last updated: 2:30 PM``)."""
    found = read_time_line(text, lexicon)
    return found is not None and found[2] > 0 and not text[found[3] :].strip()


def _dateline_follows(reader: _Reader, lines: list[Line], index: int, limit: int) -> bool:
    """True when one of the next two non-blank lines opens with a dateline or byline."""
    looked = 0
    bullets = 0
    while index < len(lines) and looked < 2 and lines[index].start < limit:
        line = lines[index]
        index += 1
        if line.is_blank:
            continue
        content = line.stripped
        if (
            content[:2] in _SUMMARY_BULLETS
            and content[-1:] != "?"
            and bullets < _MAX_SUMMARY_BULLETS
        ):
            bullets += 1  # a bullet summary of a release between its title and dateline
            continue
        looked += 1
        if reader.boilerplate_kind(content) is not None:
            continue  # "ENDS" closing a short release is no "ANKARA" dateline
        if len(content) <= _CLOSING_LINE and (
            line.end >= len(reader.text)
            or reader.text[line.end : line.end + _LAST_LINE_LOOK].isspace()
        ):
            return False  # a short last line ("Acme.com, 5 May 2025") closes a text
        if parse_byline(content, reader.agencies, reader.names, reader.memo) is not None:
            return True
        if "|" in content and read_date_line(
            content.split("|")[-1].split(" - ")[0], reader.lexicon, reader.today
        ):
            return True
        found = find_date(content, reader.lexicon, reader.today, 0, min(len(content), 120))
        if found is not None and len(content) <= 120 and not content[found.end :].strip(" .,;|)]"):
            return True
        if found is not None and len(content) <= _STANDFIRST_LINE and _date_cell(reader, content):
            return True  # "Name · Outlet · Posted: Nov 20, 2025 4:00 AM EST | Updated ..."
        facts, patterns = reader.agencies.viable(
            _FOLLOWING_KINDS, content, 0, len(content), reader.memo
        )
        for pattern in patterns:
            match = pattern.match_viable(facts)
            if (
                match is not None
                and pattern.kind == "dateline_line"
                and match.end() < len(content)
                and match.groupdict().get("date") is None
            ):
                continue  # "OTS Secretary General ...": a capitalised word, no dateline
            place = match.groupdict().get("place") if match is not None else None
            if place is not None and not (
                place.isupper() and reader.agencies.lookup(place) is not None
            ):
                return True
            if match is not None and pattern.kind == "byline":
                return True
    return False


def _date_block_next(reader: _Reader, lines: list[Line], index: int, limit: int) -> bool:
    """True when the block after the current one is a web page's byline and date block.

    A standfirst of a few short lines (``Six autonomous buses will serve ...``) sits
    between the headline and a block of short lines holding a date line (``Natasha Goh``
    / ``20 Nov 2025 06:15PM (Updated: ...)``); running text follows that block.
    ``index`` is the line after the current one.
    """
    if lines[index - 1].end - lines[index - 1].start > _STANDFIRST_LINE:
        return False
    rest = 0
    while index < len(lines) and not lines[index].is_blank:
        rest += 1
        if rest >= _STANDFIRST_BLOCK or lines[index].end - lines[index].start > _STANDFIRST_LINE:
            return False
        index += 1
    while index < len(lines) and lines[index].is_blank:
        index += 1
    looked = 0
    while index < len(lines) and looked < _DATE_BLOCK_LOOK and lines[index].start < limit:
        line = lines[index]
        if line.is_blank:
            return False
        looked += 1
        index += 1
        content = line.stripped
        if len(content) > _DATE_BLOCK_LINE or first_digit(content) < 0:
            continue
        if (
            read_date_line(content, reader.lexicon, reader.today) is not None
            or _date_cell(reader, content)
            or (reader.opens_with_label(content) and reader.opens_with_date(content))
        ):
            return not reader.text[line.end : line.end + _LAST_LINE_LOOK * 2].isspace() and (
                len(reader.text) - line.end > _TEXT_AFTER_HEADER
            )
    return False


def _date_cell(reader: _Reader, text: str) -> bool:
    """True when a cell of a credit row (``|``, `` · ``, `` / ``) is a (labelled) date line."""
    return any(
        read_date_line(cell, reader.lexicon, reader.today) is not None
        for cell in _ROW_CELL.split(text)
        if cell
    )


def _self_credit(reader: _Reader, draft: Draft) -> None:
    """Credit the agency an opening paragraph names ("..., Trend reports")."""
    text = draft.text
    start = draft.body_start
    while start < draft.body_end and text[start].isspace():
        start += 1  # blank lines left after the header are no paragraph break
    end = min(len(text), draft.body_end, start + 1500)
    blanks = list(itertools.islice(_BLANK_LINE.finditer(text, start, end), 2))
    if len(blanks) >= 2:
        end = blanks[1].start()  # the first two paragraphs
    facts, patterns = reader.agencies.viable(("self_credit",), text, start, end, reader.memo)
    for pattern in patterns:
        for match in pattern.finditer_viable(facts):
            agency = match.group("agency")
            if agency and reader.agencies.kinds.get(reader.agencies.lookup(agency) or "") != (
                "aggregator"
            ):
                reader.set_agency(agency)
                return


def _shouted_title(text: str) -> bool:
    """A title in capitals of at least :data:`_SHOUTED_WORDS` words (press releases)."""
    return text.isupper() and len(text.split()) >= _SHOUTED_WORDS


def _short_label(text: str) -> bool:
    """One to three words with no closing punctuation (``Foreign policy``, ``Germany``)."""
    return len(text) <= 30 and len(text.split()) <= 3 and text[-1:].isalpha()


def _wrapped_title(
    lines: list[Line], index: int, content: str, following: str | None
) -> str | None:
    """The headline of a two-line block hard-wrapped at a narrow width, joined; or None.

    ``Uzbekistan lifts ban on grain`` / ``exports after record harvest``: the second line
    goes on in lower case, both are short, and a blank line (or the end) follows.
    """
    if following is None or not following[:1].islower() or len(content) > _WRAP_WIDTH:
        return None
    if len(following) > _WRAP_WIDTH or following[-1:] in ".,;:" or content[-1:] in ".,;:":
        return None
    if index + 1 < len(lines) and not lines[index + 1].is_blank:
        return None
    joined = f"{content} {following}"
    return joined if title_like(joined) else None


def _section_label(text: str, following: str | None) -> bool:
    """A one-word section label or menu entry (``NATION``, ``Politics``) in the header.

    Also a kicker printed right above the headline (``Germany`` / ``Coalition talks ...``).
    """
    return (
        (following is None or len(following.split()) <= 3 or title_like(following))
        and " " not in text
        and len(text) <= 25
        and text[:1].isupper()
        and text[-1:].isalpha()
    )
