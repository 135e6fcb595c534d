"""Body parsers: boilerplate, the author's signature, and paragraphs.

* :func:`find_boilerplate` reports share lines, follow-us lines, footers, credit trailers
  (``(Reporting by ...; Editing by ...)``, whose reporters become authors) and the like,
  as listed in ``data/boilerplate.json``. After a terminal marker (``###``, ``Media
  contact:``, ``Comments are closed.``) the short lines that remain are boilerplate too.
* :func:`find_signature` takes a short closing line that ends with a person name
  (``Head of the Expert Council of the Baku Network, PhD Elkhan Alasgarov``) as the
  author's signature: the name goes to ``header.authors``, the line leaves the body, and
  ``meta["signature"]`` keeps its text, offsets, name and role.
* :func:`build_paragraphs` splits the remaining body at blank lines and rebuilds
  paragraphs of hard-wrapped text (lines of near-equal width with no blank lines).

All three work line by line in time linear in the input.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

import attrs
import regex

from .._draft import Draft
from .._model import Paragraph
from .._text import STRIPPED
from ._agencies import AgencyIndex, agency_index
from ._boilerplate import BoilerplateRules, boilerplate_rules
from ._bylines import NameTools, name_tools
from ._dates import read_date_line

__all__ = ["build_paragraphs", "find_boilerplate", "find_signature"]

_SENTENCE_END = regex.compile(r"[.!?…:][\"'”’»)\]]{0,3}$|[\"”»][.!?]$")
_STRONG_END = regex.compile(r"[.!?…][\"'”’»)\]]{0,3}$|[\"”»][.!?]$")
# Both match at most four characters at the end (before a final line break, for "$"):
# searching the last five is the same search without trying every offset of the line.
_TAIL = 5
_BULLETS = "•·▪►◦‣"
_OPENER = regex.compile(r"[\"“«„'‘—–•*]|-\s|(?:Q|A)\s?[:.]\s|\d{1,2}[.)]\s")
_EMAIL_OR_PHONE = regex.compile(r"@|\d[\d\s().-]{6,}|https?://|www\.")
_ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_NEWLINE = regex.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = regex.compile(r" {2,}+")
_HYPHEN_END = regex.compile(r"(\p{L}{1,40}+)-$")
_LEADING_WORD = regex.compile(r"\p{Ll}[\p{L}]{0,40}+")
_WORD = regex.compile(r"\p{L}{2,40}+")
_HANDLE = regex.compile(r"(?<![\w@])@(\w{2,30}+)")
# "... in its exclusive economic zone. — AFP": an agency credited after the last sentence.
_DASH_CREDIT = regex.compile(
    r"(?<=[.!?\"”»)])\s{1,3}[—–-]{1,2}\s{0,2}(?P<agency>[^\s—–-][^—–\n]{0,40}?)\.?\s{0,3}$"
)
_TAG_SPLIT = regex.compile(r"\s{0,3}[,|·•;]\s{0,3}")
_TAG_END = regex.compile(r"[.!?:\"“”«»]")
_MIN_TAGS = 3
_MAX_TAG_WORDS = 4
_MAX_TAG_CHARS = 40
_MAX_CLOSING_LINES = 3
_LEADING_BULLET = regex.compile(rf"[{_BULLETS}]\s{{0,5}}")
_SITE_OWNER = regex.compile(
    r"(?:the\s)?(?P<name>[\w.&'’ -]{2,40}?)\s(?:website|web\ssite|portal)\b", regex.IGNORECASE
)
_LEADING_BY = regex.compile(r"\(?\s?by\s{1,3}(?P<names>[^;()|/,]{1,100})", regex.IGNORECASE)
_TEASER_MAX = 300
_LETTER = regex.compile(r"\p{L}")
_BYLINE_PARTS = regex.compile(r"\s{0,3}(?:[,;&()]|\band\b|\bwith\b)\s{0,3}")
_MIN_WRAPPED_LINES = 4
_MAX_WRAP_WIDTH = 160


def _ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text)``, tried on the end of ``text`` only."""
    return _SENTENCE_END.search(text, max(0, len(text) - _TAIL)) is not None


def _first_line_index(draft: Draft, offset: int) -> int:
    lines = draft.lines
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid].end < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


@attrs.define
class _Piece:
    """The part of one line that belongs to the body."""

    start: int
    end: int
    text: str
    indent: int = 0
    """Columns of white space before the text on its line."""


def _body_pieces(draft: Draft) -> Iterator[_Piece | bool]:
    """Body text line by line, excluded spans removed.

    A break yields True for a blank line and False for a line taken out of the body.
    """
    text = draft.text
    starts, ends = _merged(draft.excluded)
    k = 0
    lines = draft.lines
    for i in range(_first_line_index(draft, draft.body_start), len(lines)):
        line = lines[i]
        if line.start >= draft.body_end:
            break
        a, b = max(line.start, draft.body_start), min(line.end, draft.body_end)
        while k < len(ends) and ends[k] <= a:
            k += 1
        if k >= len(starts) or starts[k] >= b:  # no excluded span in the line
            segment = line.text if a == line.start and b == line.end else text[a:b]
            left = segment.lstrip(STRIPPED)
            if not left:
                yield line.is_blank
                continue
            kept_text = left.rstrip(STRIPPED)
            s = a + len(segment) - len(left)
            yield _Piece(s, s + len(kept_text), kept_text, s - line.start)
            continue
        parts = []
        j, pos = k, a
        while j < len(starts) and starts[j] < b:
            if starts[j] > pos:
                parts.append((pos, starts[j]))
            pos = max(pos, ends[j])
            j += 1
        if pos < b:
            parts.append((pos, b))
        kept = [(s, e) for s, e in parts if text[s:e].strip(STRIPPED)]
        if not kept:
            yield line.is_blank
            continue
        s, e = kept[0][0], kept[-1][1]
        s += len(text[s:e]) - len(text[s:e].lstrip(STRIPPED))
        e = s + len(text[s:e].rstrip(STRIPPED))
        if len(kept) == 1:
            yield _Piece(s, e, text[s:e], s - line.start)
        else:  # an excluded span inside the line: keep only what is left of it
            inner = "".join(text[max(a, s) : min(b, e)] for a, b in kept)
            yield _Piece(s, e, inner, s - line.start)


# -- boilerplate ----------------------------------------------------------------------
def _weak(text: str) -> bool:
    """A short line that is no sentence of article text (a name, address, headline)."""
    if (text[:1] in _BULLETS or text.endswith(("...", "…"))) and len(text) <= 400:
        return True  # an item or a truncated teaser of a list of links
    if len(text) > 150:
        return False
    if _EMAIL_OR_PHONE.search(text):
        return True
    words = len(text.split())
    return words <= 6 or (
        len(text) <= 100 and not _STRONG_END.search(text, max(0, len(text) - _TAIL))
    )


def _classify(draft: Draft, rules: BoilerplateRules) -> list[tuple[int, int, str | None]]:
    """Stripped spans of the non-blank body lines with their boilerplate kind (or None).

    A span of ``(-1, -1, None)`` marks a blank line.
    """
    text = draft.text
    lines = draft.lines
    ex_starts, ex_ends = _merged(draft.excluded)
    out: list[tuple[int, int, str | None]] = []
    seen: dict[str, str | None] = {}  # repeated lines are classified once
    body_start, body_end = draft.body_start, draft.body_end
    kind_of = rules.kind
    for i in range(_first_line_index(draft, body_start), len(lines)):
        line = lines[i]
        if line.start >= body_end:
            break
        whole = line.text
        left = whole.lstrip(STRIPPED)
        if not left:  # Line.is_blank
            out.append((-1, -1, None))
            continue
        stripped = left.rstrip(STRIPPED)
        start = line.start + len(whole) - len(left)  # Line.strip_span
        end = start + len(stripped)
        if start < body_start or end > body_end:
            start, end = max(start, body_start), min(end, body_end)
            stripped = text[start:end]
        k = bisect.bisect_right(ex_starts, start) - 1
        if start >= end or (k >= 0 and ex_ends[k] >= end):
            continue
        if stripped in seen:
            kind = seen[stripped]
        else:
            kind = seen[stripped] = kind_of(stripped)
        out.append((start, end, kind))
    return out


def _is_press_release(draft: Draft, rules: BoilerplateRules, kinds: set[str | None]) -> bool:
    if kinds & rules.press_release_signals:
        return True
    wires = agency_index(draft.lexicon).press_wires
    return draft.header.agency in wires or draft.header.distributor in wires


def find_boilerplate(draft: Draft) -> None:
    """Report boilerplate lines of the body region and exclude them from the body."""
    rules = boilerplate_rules(draft.lexicon)
    text = draft.text
    rows = _classify(draft, rules)
    kinds = {kind for _, _, kind in rows}
    swallowing = set(rules.swallowing)
    if kinds & rules.swallowing_in_press_releases and _is_press_release(draft, rules, kinds):
        swallowing |= rules.swallowing_in_press_releases
    found: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int]] = []
    footer_kind: str | None = None
    absorbing: str | None = None
    swallowed: str | None = None
    last_text: tuple[int, int] | None = None
    before_last: tuple[int, int] | None = None
    for start, end, kind in rows:
        if start < 0:
            absorbing = None
            continue
        if swallowed is not None:
            found.append((start, end, kind or swallowed))
            continue
        if kind is not None:
            found.append((start, end, kind))
            absorbing = kind if kind in rules.absorbing else None
            if kind in rules.terminal:
                footer_kind = kind
            if kind in swallowing:
                swallowed = kind
            continue
        content = text[start:end]
        if absorbing is not None and _weak(content):
            found.append((start, end, absorbing))
            continue
        absorbing = None
        if footer_kind is not None and _weak(content):
            pending.append((start, end))
            continue
        footer_kind = None
        pending = []
        before_last, last_text = last_text, (start, end)
    if footer_kind is not None:
        found.extend((s, e, footer_kind) for s, e in pending)
    last_text = _trailing_tags(draft, rows, found) or last_text
    last_text = _closing_byline_and_date(draft, rows, found) or last_text
    if last_text is not None:
        if _closing_credit(draft, last_text, found) and before_last is not None:
            last_text = before_last  # a credit line of its own: the sentence before ends the text
        _credit_trailer(draft, rules, last_text, found)
    for first, end, kind in sorted(found):
        start = first
        bullet = _LEADING_BULLET.match(text, first, end)  # "• Headline of a related story"
        if bullet is not None and bullet.end() < end:
            draft.exclude(first, bullet.end())
            start = bullet.end()
        draft.add_boilerplate(kind, start, end)
        if kind == "credits":
            _credit_authors(draft, rules, text[start:end])
        elif kind == "source" and draft.header.agency is None:
            _source_agency(draft, text[start:end])
        elif kind == "disclaimer" and draft.header.agency is None:
            owner = _SITE_OWNER.match(text, start, end)  # "The Anadolu Agency website ..."
            if owner is not None:
                _source_agency(draft, ":" + owner.group("name"))
    if draft.header.agency is None:
        _agency_from_handles(draft)


def _tag(text: str) -> bool:
    """A topic word or short phrase of a tag list (``Türkiye``, ``public transport``)."""
    return (
        0 < len(text) <= _MAX_TAG_CHARS
        and len(text.split()) <= _MAX_TAG_WORDS
        and _TAG_END.search(text) is None
        and not text[:1].isdigit()
    )


def _tag_line(text: str, names: NameTools) -> bool:
    """A line of at least three tags separated by commas, bars or dots, mostly capitalised.

    Not a signature: a person's name followed by a lower-case role
    (``Jane Doe, political analyst, Tashkent``).
    """
    if len(text) > _MIN_TAGS * _MAX_TAG_CHARS * 2:
        return False
    items = _TAG_SPLIT.split(text)
    if not (
        len(items) >= _MIN_TAGS
        and all(_tag(item) for item in items)
        and 2 * sum(item[:1].isupper() for item in items) >= len(items)
    ):
        return False
    role = any(item[:1].islower() for item in items[1:])
    return not (role and names.clean_name(items[0]) is not None)


def _signature_block(text: str, lines: list[tuple[int, int]], names: NameTools) -> bool:
    """A name over a job title (``Jane Doe`` / ``Senior Fellow`` / ``Atlantic Council``)."""
    (s1, e1), (s2, e2) = lines[0], lines[1]
    role = text[s2:e2]
    return names.clean_name(text[s1:e1]) is not None and (
        names.bio_role.search(role) is not None or names.byline_role.search(" " + role) is not None
    )


def _trailing_tags(
    draft: Draft, rows: list[tuple[int, int, str | None]], found: list[tuple[int, int, str]]
) -> tuple[int, int] | None:
    """Report an unlabelled tag list closing the text; the text line before it, if any.

    The list is one line of tags after the last paragraph (``Türkiye, İstanbul, metro``)
    or a block of at least three lines that are each one capitalised tag.
    """
    text = draft.text
    claimed = {s for s, _, _ in found}
    lines = [(s, e) for s, e, kind in rows if s >= 0 and kind is None and s not in claimed]
    if len(lines) < 2:
        return None
    blocks: list[list[tuple[int, int]]] = [[]]
    row_of = {s: i for i, (s, _, _) in enumerate(rows) if s >= 0}
    for i, (s, e) in enumerate(lines):  # text lines grouped by blank lines between them
        if i and any(rows[j][0] < 0 for j in range(row_of[lines[i - 1][0]] + 1, row_of[s])):
            blocks.append([])
        blocks[-1].append((s, e))
    if len(blocks) < 2:
        return None
    last = blocks[-1]
    if len(last) == 1 and _tag_line(text[last[0][0] : last[0][1]], name_tools(draft.lexicon)):
        pass
    elif not (
        len(last) >= _MIN_TAGS
        and all(_tag(text[s:e]) and text[s : s + 1].isupper() for s, e in last)
        and not _signature_block(text, last, name_tools(draft.lexicon))
    ):
        return None
    found.extend((s, e, "related") for s, e in last)
    return blocks[-2][-1]


def _closing_byline_and_date(
    draft: Draft, rows: list[tuple[int, int, str | None]], found: list[tuple[int, int, str]]
) -> tuple[int, int] | None:
    """Read a byline and date printed after the text; the text line before them, if any.

    The last block of the page holds one to :data:`_MAX_CLOSING_LINES` lines, each a
    date alone (``11/24/2025``, ``November 24, 2025``) or names alone (``Jane Doe``),
    at least one of them a date. The date is the publication date unless the header
    gave one; the names are authors. The lines leave the body (not boilerplate).
    """
    text = draft.text
    claimed = {s for s, _, _ in found}
    block: list[tuple[int, int]] = []
    before: tuple[int, int] | None = None
    for start, end, kind in reversed(rows):
        if start < 0 or start in claimed or kind is not None:
            if block:
                break
            continue  # boilerplate after the block ("Send us your feedback")
        block.append((start, end))
        if len(block) > _MAX_CLOSING_LINES:
            return None
    block.reverse()
    if not block:
        return None
    index = next(i for i, row in enumerate(rows) if row[0] == block[0][0])
    before = next(
        ((s, e) for s, e, kind in reversed(rows[:index]) if s >= 0 and kind is None), None
    )
    if before is None:
        return None  # the whole text
    tools = name_tools(draft.lexicon)
    agencies = agency_index(draft.lexicon)
    today = draft.today()
    dates = []
    names: list[str] = []
    for start, end in block:
        line = text[start:end]
        date = read_date_line(line, draft.lexicon, today)
        if date is not None:
            dates.append((date, line))
            continue
        people = _names_and_agencies(line, tools, agencies)
        if people is None or any(c.isdigit() for c in line):
            return None
        names.extend(people)
    if not dates:
        return None
    header = draft.header
    if header.published is None:  # a spelled month settles "03/07/2025" (day or month?)
        date, line = next(((d, ln) for d, ln in dates if _LETTER.search(ln)), dates[0])
        header.published, header.published_precision = date.iso, date.precision
        header.published_raw = line[date.start : date.end].strip()
        _teaser(draft, rows, found)
    header.authors.extend(names)
    for start, end in block:
        draft.exclude(start, end)
    return before


def _teaser(
    draft: Draft, rows: list[tuple[int, int, str | None]], found: list[tuple[int, int, str]]
) -> None:
    """Take the teaser under the headline into the header when byline and date close the page.

    Such pages (Deutsche Welle's) print headline, a teaser of two or three short
    sentences, the text, then author and date. Only when the header read a headline and
    nothing else (no date, byline or dateline) and the teaser is one short line of its
    own before at least two more paragraphs.
    """
    header = draft.header
    if header.headline is None or header.authors or header.dateline is not None:
        return
    claimed = {s for s, _, _ in found}
    lines = [(s, e) for s, e, kind in rows if s >= 0 and kind is None and s not in claimed]
    if len(lines) < 3:
        return
    start, end = lines[0]
    index = next(i for i, row in enumerate(rows) if row[0] == start)
    if index + 1 >= len(rows) or rows[index + 1][0] >= 0:
        return  # the first paragraph runs on: no one-line teaser
    text = draft.text[start:end]
    sentences = len(_SENTENCE_STOP.findall(text))
    if len(text) > _TEASER_MAX or not _STRONG_END.search(text) or not 2 <= sentences <= 3:
        return  # a one-sentence paragraph is the lead
    header.cover(start, end)
    draft.body_start = max(draft.body_start, end)


def _names_and_agencies(text: str, tools: NameTools, agencies: AgencyIndex) -> list[str] | None:
    """The person names of a byline of names and agencies (``Jane Doe with AFP, Reuters``).

    None unless every part is a name or a known agency and one at least is a name.
    """
    names = []
    for part in _BYLINE_PARTS.split(text):
        if not part.strip():
            continue
        if agencies.lookup(part) is not None:
            continue
        name = tools.clean_name(part)
        if name is None:
            return None
        names.append(name)
    return names or None


def _closing_credit(draft: Draft, span: tuple[int, int], found: list[tuple[int, int, str]]) -> bool:
    """A last line that only names an agency is a source credit.

    ``Report News Agency``, ``By Trend``, ``UzDaily.com, 19 December 2024``; so is an
    agency after a dash closing the last sentence (``... economic zone. — AFP``).

    Returns:
        Whether the whole line was such a credit.
    """
    start, end = span
    index = agency_index(draft.lexicon)
    name = None
    if end - start <= 60:
        content = draft.text[start:end].strip(" /()[]")
        if content[:3].casefold() == "by ":
            content = content[3:]
        name = index.lookup(content)
        if name is None and "," in content:
            head, _, tail = content.partition(",")
            date = read_date_line(tail.strip(), draft.lexicon, draft.today())
            if date is not None:
                name = index.lookup(head)
                if name is not None and draft.header.published is None:
                    draft.header.published = date.iso  # "UzDaily.com, 19 December 2024"
                    draft.header.published_precision = date.precision
                    raw = tail.strip()
                    draft.header.published_raw = raw[date.start : date.end]
    if name is None:
        dash = _DASH_CREDIT.search(draft.text, max(start, end - 60), end)
        name = index.lookup(dash.group("agency")) if dash is not None else None
        if dash is None or name is None:
            return False
        start = dash.start() + len(dash.group()) - len(dash.group().lstrip())
    whole = start == span[0]
    found.append((start, end, "source"))
    if draft.header.agency is None and index.kinds.get(name) != "aggregator":
        draft.header.agency = name
    return whole


def _agency_from_handles(draft: Draft) -> None:
    """Credit the outlet whose handle a follow-us footer gives (``@AzerNewsAz``)."""
    index = agency_index(draft.lexicon)
    for item in draft.boilerplate:
        if item.kind != "follow":
            continue
        for handle in _HANDLE.findall(item.text):
            key = handle.casefold()
            for spelling, name in index.exact.items():
                if (
                    len(spelling) >= 4
                    and key.startswith(spelling.casefold().replace(" ", ""))
                    and index.kinds.get(name) != "aggregator"
                ):
                    draft.header.agency = name
                    return


def _credit_trailer(
    draft: Draft,
    rules: BoilerplateRules,
    span: tuple[int, int],
    found: list[tuple[int, int, str]],
) -> None:
    start, end = span
    if any(s == start and e == end for s, e, _ in found):
        return
    sign = rules.end_trailer.search(draft.text, max(start, end - 80), end)
    if sign is not None and sign.start() > start:
        cut = sign.start() + len(sign.group()) - len(sign.group().lstrip())
        found.append((cut, end, "signoff"))
        end = sign.start()
        if draft.header.agency is None:  # "... evacuation orders. (PNA)"
            _source_agency(draft, ":" + draft.text[cut : sign.end()].split(")")[0])
    match = rules.trailer.search(draft.text, max(start, end - 600), end)
    if match is not None and match.start() > start:
        found.append((match.start(), end, "credits"))


def _credit_authors(draft: Draft, rules: BoilerplateRules, text: str) -> None:
    names = name_tools(draft.lexicon)
    lead = _LEADING_BY.match(text)  # "(By Jane Doe; Edited by John Roe)"
    if lead is not None:
        draft.header.authors.extend(names.split_names(lead.group("names")))
    for match in rules.author_credit.finditer(text):
        draft.header.authors.extend(names.split_names(match.group("names")))


def _source_agency(draft: Draft, text: str) -> None:
    """Credit the agency a source line names.

    ``Source: Acme News``, ``Source: CNA/ng(mi)`` (desk initials after a slash),
    ``Published in Dawn, November 21st, 2025``, ``This report by X was first published``.
    """
    index = agency_index(draft.lexicon)
    _, colon, value = text.partition(":")
    candidates = []
    if colon:
        value = value.strip()
        candidates = [value, _DESK_AFTER_SOURCE.split(value, maxsplit=1)[0]]
    else:
        outlet = _SOURCE_OUTLET.match(text)
        if outlet is not None:
            candidates = [outlet.group("name")]
    for candidate in candidates:
        name = index.lookup(candidate) if candidate else None
        if name is not None and index.kinds.get(name) != "aggregator":
            draft.header.agency = name
            return


_DESK_AFTER_SOURCE = regex.compile(r"\s{0,2}[/(]")
_SOURCE_OUTLET = regex.compile(
    r"(?:published\sin|this\s(?:report|article|story)\sby)\s(?P<name>[^,]{1,60}?)(?:,|\swas\b)",
    regex.IGNORECASE,
)


# -- signature ------------------------------------------------------------------------
_SIGNATURE_MAX = 160
_STACKED_MAX = 80
_SIGNATURE_WORDS = 22
_BIO_MAX = 400
_ROLE_CANNOT_END = frozenset(
    {"and", "or", "with", "to", "of", "for", "from", "between", "at", "in", "on", "said", "says"}
)
_BIO_VERB = regex.compile(r"\s{1,3}is\s{1,3}(?:also\s{1,3}|currently\s{1,3})?(?=(?:a|an|the)\s)")
_SENTENCE_STOP = regex.compile(r"[.!?](?=\s|$)")
_BY = regex.compile(r"(?:by|written\sby|[-–—]{1,2})\s{1,3}", regex.IGNORECASE)
_PLACE_TAIL = regex.compile(r",\s?\p{Lu}[\p{L}'’.-]{1,30}(?:\s\p{Lu}[\p{L}'’.-]{1,30}){0,2}")


def find_signature(draft: Draft) -> None:
    """Take a closing signature or author bio as the author's credit.

    Runs after :func:`build_paragraphs` and looks at the last paragraph only:

    * a short line ending in a person name, optionally after a role
      (``Head of the Expert Council of the Baku Network, PhD Elkhan Alasgarov``);
    * a short line opening with a name followed by a role
      (``Dilshod Karimov, political analyst, Tashkent``);
    * a short bio in an article with no other author
      (``Jane Doe is a senior fellow at ... The views expressed are her own.``).

    The paragraph leaves the body and its span is excluded; the name joins
    ``header.authors``; ``meta["signature"]`` keeps ``text``, ``start``, ``end``,
    ``name`` and ``role`` for the people and quote parsers.
    """
    if len(draft.paragraphs) < 2:
        return
    if _stacked_signature(draft):
        return
    last = draft.paragraphs[-1]
    if len(draft.paragraphs) >= 3 and _PLACE_TAIL.fullmatch(f", {last.text}"):
        # "Rustam Nazarov" / "Tashkent" as two short paragraphs: one signature
        before = draft.paragraphs[-2]
        joined = draft.text[before.start : last.end]
        if _name_over_place(joined, name_tools(draft.lexicon)) is not None:
            draft.paragraphs.pop()
            last = attrs.evolve(before, text=f"{before.text}\n{last.text}", end=last.end)
            draft.paragraphs[-1] = last
    found = _signature_line(draft, last.text, last.start, last.end) or _bio(draft, last.text)
    if found is None:
        return
    name, role = found
    draft.paragraphs.pop()
    draft.header.authors.append(name)
    draft.exclude(last.start, last.end)
    draft.meta["signature"] = {
        "text": draft.text[last.start : last.end],
        "start": last.start,
        "end": last.end,
        "name": name,
        "role": role or None,
    }


def _stacked_signature(draft: Draft) -> bool:
    """Take a signature printed as short lines: a name over its job title (and employer).

    ``Jane Doe`` / ``Senior Fellow`` / ``Atlantic Council``: the last two or three
    paragraphs, each one short line, the first a person's name, the second a role.
    """
    names = name_tools(draft.lexicon)
    paragraphs = draft.paragraphs
    for size in (3, 2):
        if len(paragraphs) <= size:
            continue
        block = paragraphs[-size:]
        if any(len(p.text) > _STACKED_MAX or "\n" in p.text for p in block):
            continue
        if not _signature_block(draft.text, [(p.start, p.end) for p in block], names):
            continue
        name = names.clean_name(block[0].text)
        assert name is not None  # _signature_block checked it
        del paragraphs[-size:]
        start, end = block[0].start, block[-1].end
        draft.header.authors.append(name)
        draft.exclude(start, end)
        draft.meta["signature"] = {
            "text": draft.text[start:end],
            "start": start,
            "end": end,
            "name": name,
            "role": ", ".join(p.text for p in block[1:]),
        }
        return True
    return False


def _signature_line(draft: Draft, text: str, start: int, end: int) -> tuple[str, str] | None:
    if len(text) > _SIGNATURE_MAX or len(text.split()) > _SIGNATURE_WORDS:
        return None
    names = name_tools(draft.lexicon)
    if _NEWLINE.search(draft.text, start, end):
        return _name_over_place(draft.text[start:end], names)  # else one line of its own
    signed = _signed(text, names)
    if signed is not None:
        return signed
    degrees = ""  # "Elkhan Alasgarov, Ph.D.": the degree joins the role
    while True:
        cut = text.rfind(" ")
        if cut <= 0 or not names.is_title(text[cut + 1 :].strip(",")):
            break
        degrees = text[cut:] + degrees
        text = text[:cut].rstrip(" ,")
    degrees = degrees.strip(" ,")
    if _ends_sentence(text) or text[-1:] in ',;"”»)':
        return None
    found = names.trailing_name(text)
    if found is not None:
        offset, name = found
        head = text[:offset]
        role = ", ".join(p for p in (head.rstrip(" ,;–—-"), degrees) if p)
        if _BY.fullmatch(head):
            return name, degrees
        if role and role.split()[-1].casefold() in _ROLE_CANNOT_END:
            return None  # "Ilham Aliyev and Vladimir Putin" is no signature
        if (
            role
            and not (head.rstrip().endswith(",") or names.is_title(role.split()[-1]))
            and role.split()[-1][:1].islower()
            and len(role.split()) > 6
        ):
            return None  # "Political analyst Jane Doe" is fine; a long clause is not
        return name, role
    leading = names.leading_name(text)
    if leading is not None and text[leading[0] : leading[0] + 1] == ",":
        role = text[leading[0] + 1 :].strip(" ,;–—-")
        if role and len(role.split()) <= 14 and names.bio_role.search(role):
            return leading[1], role
    return None


def _name_over_place(text: str, names: NameTools) -> tuple[str, str] | None:
    """``Rustam Nazarov`` / ``Tashkent``: a name on one line, the writer's place below."""
    lines = [line.strip() for line in _NEWLINE.split(text) if line.strip()]
    if len(lines) != 2:
        return None
    leading = names.leading_name(lines[0])
    if leading is None or leading[0] != len(lines[0]):
        return None
    return (leading[1], "") if _PLACE_TAIL.fullmatch(f", {lines[1]}") else None


def _signed(text: str, names: NameTools) -> tuple[str, str] | None:
    """``— Farid Guliyev, Baku``: a dash, a name and perhaps the writer's place."""
    if text[:1] not in "—–-" or text[1:2] not in (" ", ""):
        return None
    rest = text.lstrip("—–- ")
    leading = names.leading_name(rest)
    if leading is None:
        return None
    offset, name = leading
    tail = rest[offset:].strip()
    if not tail or _PLACE_TAIL.fullmatch(tail):
        return name, ""
    return None


def _bio(draft: Draft, text: str) -> tuple[str, str] | None:
    if draft.header.dateline or len(text) > _BIO_MAX:
        return None
    names = name_tools(draft.lexicon)
    leading = names.leading_name(text)
    if leading is None:
        return None
    offset, name = leading
    if draft.header.authors and name not in draft.header.authors:
        return None
    match = _BIO_VERB.match(text, offset)
    if match is None:
        return None
    stop = _SENTENCE_STOP.search(text, match.end(), match.end() + 300)
    role = text[match.end() : stop.start() if stop else match.end() + 300].strip()
    if not names.bio_role.search(role):
        return None
    return name, role


# -- paragraphs -----------------------------------------------------------------------
def _clean(text: str) -> str:
    """Non-breaking and other odd spaces become plain spaces; runs of spaces collapse."""
    if not text.isascii() and not text.isprintable():  # odd spaces are neither
        text = _ODD_SPACE.sub(" ", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip(STRIPPED)


def _wrap_width(blocks: list[list[_Piece]]) -> int | None:
    """The wrap width of hard-wrapped text, or None when lines are not wrapped.

    Lines that run on into the next one (no sentence end, not the last of a block) sit
    near the wrap width in hard-wrapped text; text with one paragraph per line has few
    of them, and of varied length.
    """
    lengths = sorted(len(p.text) for block in blocks if len(block) > 1 for p in block)
    if len(lengths) < _MIN_WRAPPED_LINES:
        return None
    # The longest line, ignoring the top 2% of a long text (stray URLs, tables).
    width = lengths[-1 - len(lengths) // 50]
    if width > _MAX_WRAP_WIDTH or width < 20:
        return None
    running = [len(p.text) for block in blocks for p in block[:-1] if not _ends_sentence(p.text)]
    if len(running) < 3:
        return None
    near = sum(1 for n in running if n >= 0.7 * width)
    if near < 0.7 * len(running):
        return None
    return width


def _quote_balance(text: str, open_quote: bool) -> bool:
    """Whether a double quotation is open after ``text``, given the state before it.

    ``"`` toggles the state, ``“«„`` open and ``”»`` close: the last opening or closing
    mark sets it, and the ``"`` after that mark toggle it.
    """
    if text.isascii():  # no curly quotes or guillemets
        return open_quote ^ (text.count('"') % 2 == 1)
    last = max(text.rfind("“"), text.rfind("«"), text.rfind("„"))
    closed = max(text.rfind("”"), text.rfind("»"))
    if last >= 0 or closed >= 0:
        open_quote = last > closed
    return open_quote ^ (text.count('"', max(last, closed) + 1) % 2 == 1)


def _split_wrapped(block: list[_Piece], width: int, strict: bool) -> list[list[_Piece]]:
    """Split a block of hard-wrapped lines into paragraphs.

    With ``strict`` (the text separates paragraphs by blank lines elsewhere) only an
    opening quote or dash after a sentence end, or an indented line, starts a paragraph.
    """
    paragraphs: list[list[_Piece]] = [[block[0]]]
    open_quote = _quote_balance(block[0].text, False)
    quoted_lines = 0
    for previous, piece in itertools.pairwise(block):
        first_word = len(piece.text.split(maxsplit=1)[0])
        ends = _ends_sentence(previous.text)
        # The true wrap width is at least the longest line seen; allow one column more.
        fits = len(previous.text) + first_word <= width or len(previous.text) <= 0.8 * width
        opener = bool(_OPENER.match(piece.text))
        indented = piece.indent > previous.indent and piece.indent >= 2
        new = (ends and (opener or (fits and not strict))) or (indented and ends)
        if new and open_quote and not opener and quoted_lines < 40:
            new = False  # a quotation running on: keep it in one paragraph
        if new:
            paragraphs.append([piece])
            open_quote, quoted_lines = False, 0
        else:
            paragraphs[-1].append(piece)
        open_quote = _quote_balance(piece.text, open_quote)
        quoted_lines = quoted_lines + 1 if open_quote else 0
    return paragraphs


def _split_lines(block: list[_Piece]) -> list[list[_Piece]]:
    """One paragraph per line, except lines that plainly continue the one before.

    A line continues the previous one when that line has no sentence end and the new
    line opens with a lower-case letter (a wrap the width estimate could not see).
    """
    groups: list[list[_Piece]] = [[block[0]]]
    for previous, piece in itertools.pairwise(block):
        if piece.text[:1].islower() and not _ends_sentence(previous.text):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


class _Joiner:
    """Joins wrapped lines, mending words hyphenated at a line end when it is safe."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: set[str] | None = None

    def words(self) -> set[str]:
        if self._words is None:
            self._words = {w.casefold() for w in _WORD.findall(self.text)}
        return self._words

    def join(self, pieces: list[_Piece]) -> str:
        """The lines of one paragraph joined by single spaces."""
        parts = [_clean(pieces[0].text)]
        for piece in pieces[1:]:
            nxt = _clean(piece.text)
            # _HYPHEN_END ends with "-$": no other line end can match it
            hyphen = _HYPHEN_END.search(parts[-1][-42:]) if parts[-1][-1:] == "-" else None
            lead = _LEADING_WORD.match(nxt) if hyphen is not None else None
            if hyphen is not None and lead is not None:
                joined = (hyphen.group(1) + lead.group()).casefold()
                if joined in self.words():
                    parts[-1] = parts[-1][:-1]  # "inter-" + "national" seen unbroken elsewhere
                parts.append(nxt)  # else keep the hyphen: "good-" + "neighborly"
            else:
                parts.extend((" ", nxt))
        return "".join(parts)


def build_paragraphs(draft: Draft) -> None:
    """Split the body region (minus excluded spans) into paragraphs."""
    blocks: list[list[_Piece]] = []
    current: list[_Piece] = []
    blank_ended = 0  # multi-line blocks closed by a blank line
    for piece in _body_pieces(draft):
        if isinstance(piece, bool):
            if current:
                blocks.append(current)
                blank_ended += piece and len(current) > 1
                current = []
        else:
            current.append(piece)
    if current:
        blocks.append(current)
    width = _wrap_width(blocks)
    # Blank lines already separate paragraphs: split blocks only at strong signals.
    strict = blank_ended >= 2
    joiner = _Joiner(draft.text)
    for block in blocks:
        if len(block) == 1:
            groups = [block]
        elif width is not None:
            groups = _split_wrapped(block, width, strict)
        else:
            groups = _split_lines(block)
        for group in groups:
            text = joiner.join(group) if len(group) > 1 else _clean(group[0].text)
            if text:
                draft.paragraphs.append(Paragraph(text, group[0].start, group[-1].end))
