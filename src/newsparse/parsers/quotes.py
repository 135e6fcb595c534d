"""Quotations: direct, indirect and mixed, interviews, each with its cue and speaker.

The parser works over ``draft.paragraphs`` and reads the source text of each paragraph,
so every offset points at the original characters. It runs in four passes:

1. quote marks are paired by a linear scan (:mod:`._quotes_text`); a stray mark costs
   at most its own segment;
2. each quoted segment looks for an attribution next to it (``"...," X said``,
   ``X said: "..."``, ``"..." - X``); segments without one are kept when they read as
   sentences that continue a quotation, and dropped when they are scare quotes, titles
   or names;
3. sentences outside direct quotes are read for reported speech (``X said that``,
   ``..., X told Trend.``, ``According to X, ...``, ``As X emphasized, ...``, backward
   attributions such as ``these views were voiced by X``); interviews laid out as
   dash-led or labelled turns give the answers to the interviewee;
4. speakers are resolved in text order: names to the fullest form of the person,
   pronouns to the last compatible subject or speaker, descriptions ("the political
   analyst", "President of Azerbaijan") to the person holding that role, institutions
   and documents to one name per source.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence

import attrs
import regex

from .._draft import Draft
from .._model import Person, Quote, Span, Speaker
from ._names import Entity, NameLex, affiliation, name_lex, words_key
from ._quotes_fast import ACRONYM_MAX, QuoteLex, TextIndex, clean, count_words, quote_lex
from ._quotes_text import Segment, find_segments, sentence_units, terminal_positions
from .people import (
    PersonRecord,
    apposition_after,
    match_person,
    paragraph_spans,
    strip_article,
    title_before,
)

__all__ = ["find_quotes"]

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]{0,40}+")
_SENTENCE_PUNCT = regex.compile(r"[.!?…](?:\s|$)|[.!?…][\"'”’»]?$")
_LEAD_PUNCT = regex.compile(r"[\s,.;:!?]{1,4}+")
_DASH_ATTRIBUTION = regex.compile(r"\s{0,3}+[-–—―]{1,2}+\s{0,3}+")
_ACCORDING_START = regex.compile(r"\W{0,3}+(?i:according\s{1,3}+to)\s{1,3}+")
_ACCORDING_END = regex.compile(r",\s{1,3}+(?i:according\s{1,3}+to)\s{1,3}+")
_AS_START = regex.compile(r"\W{0,3}+(?:As|Like|Just\s{1,3}as)\s{1,3}+")
_THAT = regex.compile(r"\s{0,3}+(?:,\s{0,3}+)?that(?![\p{L}])\s{0,3}+")
_ADJUNCT = regex.compile(
    r"\s{1,3}+(?:(?:on|in|at|during|after|before|to|with|via|through|from|late|early|last|"
    r"this|earlier|later|while|when|ahead\s{1,3}+of|over)(?![\p{L}])"
    r"(?:\s{1,3}+(?!that(?![\p{L}]))(?:[\p{L}\p{N}'’.-]{1,25}+|\(\p{Lu}[\p{Lu}\p{N}&-]{1,10}+\))){0,9}?)"
    r"(?=\s{0,3}+(?:,|:|that(?![\p{L}])|$))"
)
_NOT_CLAUSE_START = frozenset(
    {
        "to",
        "on",
        "in",
        "at",
        "for",
        "with",
        "about",
        "of",
        "by",
        "from",
        "goodbye",
        "hello",
        "yes",
        "no",
        "nothing",
        "something",
        "so",
        "thanks",
        "thank",
        "sorry",
        "as",
        "and",
        "but",
        "or",
        "if",
        "whether",
        "how",
        "what",
        "why",
        "when",
        "where",
        "who",
        "the",
        "a",
        "an",
    }
)
_CLAUSE_DETERMINERS = frozenset({"the", "a", "an"})
_TURN_DASH = regex.compile(r"\s{0,5}+[–—―-]\s{1,3}+")
_TURN_LABEL = regex.compile(
    r"\s{0,5}+(?P<label>Q|A|Question|Answer|\p{Lu}[\p{L}.'’-]{1,30}+(?:\s\p{Lu}[\p{L}.'’-]{1,30}+){0,2}+)"
    r"\s{0,2}+:\s{1,3}+"
)
_LABEL_REACH = 5 + 31 + 2 * 32 + 2 + 1
"""The farthest a turn label's colon can stand from the paragraph start, plus one."""
_QUESTION_LABELS = frozenset({"Q", "Question"})
_EDITOR_NOTE = regex.compile(r"(?i:this|the)\s{1,3}+interview\s{1,3}+(?:was|has\s{1,3}+been)")
_ANSWER_LABELS = frozenset({"A", "Answer"})
_COMMA = regex.compile(",")
_AT_END = regex.compile(r"(?<![\p{L}])(?:at|from|with|in)\s{1,3}+(?:the\s{1,3}+)?$")
_IN_END = regex.compile(r"(?<![\p{L}])in\s{1,3}+$")
_COMPLEMENT_END = regex.compile(r"(?<![\p{L}])(?:of|for|on)\s{1,3}+(?:the\s{1,3}+)?$")
# A descriptive apposition or relative clause after a subject: "ASML, the Dutch maker of
# chip-making equipment, said", "The Greens, whose votes are needed, said".
_GENERIC_APPOSITION = regex.compile(r"(?i:a|an|the|who|which|whose|where)\s")
# "Residents of the old quarter": a complement after the head of a subject.
_COMPLEMENT_REST = regex.compile(
    r"(?:of|in|at|from|near|on|across|around)\s{1,3}+(?:[\p{L}\p{N}'’.-]{1,25}+\s{0,3}+){1,8}+"
)
_THE_NAME = regex.compile(r"(?:The|the)\s{1,3}+\p{Lu}[\p{L}&'’-]{1,30}+")
_COMMA_AHEAD = regex.compile(r"\s{0,3}+,")
_LEADING_ARTICLE = regex.compile(r"^(?i:the|a|an)\s{1,3}+")
_LEADING_DETERMINER = regex.compile(r"^(?i:the|a|an|this|that|our|its|their|one|another)\s{1,3}+")
_TRAILING_ACRONYM = regex.compile(r"\s{0,3}+\(\p{Lu}[\p{Lu}\p{N}&-]{1,10}+\)$")
_POSSESSIVE_START = regex.compile(r"([\p{L} ]{2,40}?)['’]s\s{1,3}+")
_CITING = regex.compile(
    r"\s{0,3}+,?\s{0,3}+(?:citing|quoting|with\s{1,3}+reference\s{1,3}+to)\s{1,3}+"
)
_GROUP_OF = regex.compile(r"\s(?:of|from|at|in)\s{1,3}+(?:the\s{1,3}+)?(\p{Lu}.{1,80}+)$")
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}])\p{Lu}[\p{L}’'-]{1,30}+(?:\s{1,3}+(?:(?:of|for|and|the|on)\s{1,3}+)?"
    r"\p{Lu}[\p{L}’'-]{1,30}+){1,8}+"
)
_ISSUED_BY = regex.compile(
    r"\s{1,3}+(?:that|which)\s{1,3}+((?:the\s{1,3}+)?\p{Lu}[\p{L}’'-]{1,30}+"
    r"(?:\s{1,3}+(?:(?:of|for|and|on)\s{1,3}+)?\p{Lu}[\p{L}’'-]{1,30}+){0,6}+)\s{1,3}+"
    r"(?:published|issued|released|compiled|presented|prepared|sent|circulated|posted)"
)
_ACCORDING = regex.compile(r"(?i:according\s{1,3}+to)\s{1,3}+")
_TAIL_PUNCT = regex.compile(r"\s{0,3}+(?:that\s{0,3}+[:,]?|[:,]\s{0,3}+(?:that)?)\s{0,3}+|\s{1,3}+")
_CLAUSE_JOINER = regex.compile(r"(?<![\p{L}])(?i:and|but|while|whereas|as|so)\s{0,3}+$")
_COORDINATED = regex.compile(r"(?<![\p{L}])(?:and|but)\s{1,3}+(?:(?:also|later|then)\s{1,3}+)?$")
_QUOTED_AS_SAYING = regex.compile(
    r"(?<![\p{L}])(?:was|were|is|are|has\s{1,3}+been)\s{1,3}+quoted\s{1,3}+"
    r"(?:by\s{1,3}+[^,;:\"“”«»]{1,80}?\s{1,3}+)?as\s{1,3}+saying\s{1,3}+"
    r"(?:(?:by|in|to|on)\s{1,3}+[^,;:\"“”«»]{1,60}?\s{1,3}+that\s{1,3}+|that\s{1,3}+)?"
)
# A dateline left at the start of a lead: capitals, a comma, a date, the agency in
# parentheses and a dash.
# Also a title-case place with a month and day before the credit, the dash optional
# ("Taipei, Nov. 20 (CNA) Media ...", "Maputo, 20 Nov 2025 (Lusa) - ..."), and a bare
# place before a colon
# ("SINGAPORE: Commuters ...", "Dubai: Commuters ...").
_DATELINE_LEAD = regex.compile(
    r"\p{Lu}[\p{Lu} .'’/-]{1,40}+,[^()\n]{0,30}+\([^()\n]{1,30}+\)\s{0,3}+[-–—]{1,3}+\s{1,3}+"
    r"|\p{Lu}\p{Ll}{1,20}+(?:[ -]\p{Lu}\p{Ll}{1,20}+){0,2}+,\s{1,3}+"
    r"(?:\p{Lu}\p{Ll}{2,8}+\.?\s{1,3}+\p{N}{1,2}+|\p{N}{1,2}+\s{1,3}+\p{Lu}\p{Ll}{2,8}+\.?)"
    r"(?:,?\s{1,3}+\p{N}{4})?\s{1,3}+\([^()\n]{1,30}+\)\.?\s{0,3}+(?:[-–—]{1,3}+\s{0,3}+)?"
    r"|\p{Lu}(?:\p{Lu}{1,20}+|\p{Ll}{1,20}+)(?:[ -]\p{Lu}(?:\p{Lu}{1,20}+|\p{Ll}{1,20}+)){0,2}+"
    r":\s{1,3}+(?=\p{Lu})"
)
_DATELINE_CAPS = regex.compile(r"[\p{Lu}.' -]{0,30}+")
_APOSTROPHE_S = ("'s", "’s")
_RELATIVE_END = regex.compile(r",\s{0,3}+(?:which|who)$")
_RELATIVE_AFTER = regex.compile(r"\s{0,3}+,\s{0,3}+(?:which|who)\s")
_LEAST = regex.compile(
    r"\s{1,3}+(?:least|most)\s{1,3}+(?:\p{N}|one|two|three|four|five|six|seven|eight|nine|ten|a|an|half|some|twice)(?![\p{L}])"
)
_OWNER = regex.compile(r"(\p{Ll}[\p{Ll}-]{2,20}+)['’]s\s")
_LOWER_COMPLEMENT = regex.compile(
    r"\s{1,3}+(?:of|at|in|from)\s{1,3}+the\s{1,3}+\p{Ll}[\p{Ll}-]{2,20}+$"
)
_ADDRESS = regex.compile(r"\s{0,3}+(\p{Lu}\p{Ll}{1,30}+)")

_MIN_CUELESS_WORDS = 6
_BACK_PARAGRAPHS = 3


@attrs.define
class _Draft:
    """A quotation before its speaker is resolved."""

    start: int
    end: int
    kind: str
    paragraph: int
    cue: Span | None = None
    entity: Entity | None = None
    anchor: int = 0
    """Where the attribution stands (for resolving pronouns)."""
    inherit: bool = False
    """Take the speaker of the quotation before (continuations)."""
    chain: int | None = None
    """Index of the first segment of a chain of continued segments."""
    fixed: PersonRecord | None = None
    """A speaker known in advance (interview answers)."""
    speaker: Speaker | None = None


class _SpanIndex:
    """Sorted spans answering overlap and cover queries in logarithmic time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.spans = ordered
        self.starts = [s for s, _ in ordered]
        self.max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, lo: int, hi: int) -> bool:
        """True when some span ``s:e`` has ``s < hi`` and ``e > lo``."""
        i = bisect.bisect_left(self.starts, hi)
        return i > 0 and self.max_end[i - 1] > lo

    def covers(self, pos: int) -> bool:
        """True when some span ``s:e`` has ``s <= pos < e``."""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.max_end[i - 1] > pos

    def inside(self, lo: int, hi: int) -> bool:
        """True when some span lies within ``lo:hi``."""
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][1] <= hi:
                return True
            i += 1
        return False

    def first_start(self, lo: int, hi: int) -> int | None:
        """The start of the first span that overlaps ``lo:hi`` (spans mostly disjoint)."""
        near = self.near(lo, hi)
        return max(lo, min(s for s, _ in near)) if near else None

    def near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that overlap ``lo:hi`` (spans assumed mostly disjoint)."""
        first = max(0, bisect.bisect_right(self.starts, lo) - 1)
        last = bisect.bisect_left(self.starts, hi)
        return [(s, e) for s, e in self.spans[first:last] if s < hi and lo < e]


@attrs.define
class _Context:
    text: str
    lex: NameLex
    paragraphs: list[tuple[int, int]]
    persons: list[PersonRecord]
    qlex: QuoteLex
    index: TextIndex
    units: list[list[tuple[int, int]]] = attrs.field(factory=list)
    unit_starts: list[list[int]] = attrs.field(factory=list)
    mention_starts: dict[int, list[int]] = attrs.field(factory=dict)
    seen_mentions: set[int] = attrs.field(factory=set)
    sources: list[tuple[frozenset[str], str, str]] = attrs.field(factory=list)
    descriptions: list[tuple[frozenset[str], str]] = attrs.field(factory=list)
    acronyms: dict[str, str | None] = attrs.field(factory=dict)
    events: list[tuple[int, PersonRecord]] = attrs.field(factory=list)
    source_events: list[tuple[int, str, str]] = attrs.field(factory=list)
    role_groups: dict[str, list[str | None]] = attrs.field(factory=dict)
    countries: dict[str, str | None] = attrs.field(factory=dict)
    affiliations: dict[str, str | None] = attrs.field(factory=dict)
    role_nouns: dict[str, str | None] = attrs.field(factory=dict)
    matched: dict[tuple[str, int], PersonRecord | None] = attrs.field(factory=dict)


_clean = clean


def _span(text: str, start: int, end: int) -> Span:
    return Span(_clean(text[start:end]), start, end)


def _rstrip_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:"):
        hi -= 1
    return hi


def _lstrip_start(text: str, lo: int, hi: int) -> int:
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:"):
        lo += 1
    return lo


# -- entities next to a cue ---------------------------------------------------------------


def _anchored_end(
    pattern: regex.Pattern[str],
    text: str,
    lo: int,
    hi: int,
    starts: list[int] | None = None,
    *,
    first: int = 0,
    last: int | None = None,
    gap: tuple[int, int] | None = None,
) -> regex.Match[str] | None:
    """The longest match of ``pattern`` that ends exactly at ``hi`` (short windows only).

    ``starts`` are the window's word starts, when the caller tries several patterns on the
    same window (``_word_starts(text, max(lo, hi - 300), hi)``). (Performance.) Starts
    before ``first``, after ``last`` or inside ``gap`` (``a < s <= b``) are known to fail
    and are not tried.
    """
    if starts is None:
        starts = _word_starts(text, max(lo, hi - 300), hi)
    for start in starts:
        if start < first:
            continue
        if last is not None and start > last:
            break
        if gap is not None and gap[0] < start <= gap[1]:
            continue
        match = pattern.fullmatch(text, start, hi)
        if match is not None:
            return match
    return None


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    """The last twelve word starts in ``text[lo:hi]``."""
    if hi - lo > 120:
        # (Performance.) Words after a space are the same whatever the window start:
        # when the last 120 characters hold twelve, the rest of the window is not read.
        space = text.rfind(" ", hi - 120, hi - 60)
        if space >= 0:
            starts = [m.start() for m in _WORD.finditer(text, space + 1, hi)]
            if len(starts) >= 12:
                return starts[-12:]
    return [m.start() for m in _WORD.finditer(text, lo, hi)][-12:]


def _entity_before(ctx: _Context, lo: int, hi: int, *, names_only: bool = False) -> Entity | None:
    """The words ending at ``hi`` (before a verb) that stand for the speaker.

    With ``names_only`` (the caller wants a name and nothing else), None where the answer
    could only be a description or an organisation: those are not looked for.
    """
    text, lex = ctx.text, ctx.lex
    hi = _rstrip_ws(text, lo, hi)
    adverbs = (
        lex.adverbs_end_re.search(text, max(lo, hi - 60), hi)
        if ctx.index.adverb_possible(hi)
        else None
    )
    if adverbs is not None and adverbs.start() > lo:
        hi = _rstrip_ws(text, lo, adverbs.start())
    if hi <= lo:
        return None
    if text[hi - 1] == ")":
        # "the Turkish Statistical Institute (TurkStat) announced": the name before it
        opening = text.rfind("(", max(lo, hi - 16), hi)
        inner = text[opening + 1 : hi - 1] if opening > lo else ""
        if _ACRONYM_INSIDE.fullmatch(inner) and sum(c.isupper() for c in inner) >= 2:
            hi = _rstrip_ws(text, lo, opening)
    if not names_only and text[hi - 1] in "ho":
        relative = _RELATIVE_END.search(text, max(lo, hi - 12), hi)
        if relative is not None:
            # "Hanjin Energy Solutions, which said ...", "Maria Lopez, who said ..."
            return _antecedent(ctx, lo, relative.start())
    pronoun = _pronoun_at_end(ctx, lo, hi)
    if pronoun is not None:
        return pronoun
    if text[hi - 1] == ",":
        return _apposition_chain(ctx, lo, hi - 1)
    hit = _name_at_end(ctx, lo, hi)
    if hit is not None and hit.role is None and " " not in hit.text.strip():
        place = _IN_END.search(text, max(lo, hit.start - 8), hit.start)
        if place is not None:
            # "A spokesperson for the Prosecutor's Office in Krakow said": a place, the
            # description or organisation before it speaks
            placed = _entity_before(ctx, lo, place.start())
            if placed is None or placed.kind == "name":
                placed = _description_at_end(ctx, lo, _rstrip_ws(text, lo, place.start()))
            if placed is not None and placed.kind in ("description", "organisation"):
                placed.end = hit.end
                placed.text = _clean(text[placed.start : hit.end])
                placed.name = f"{placed.name} {_clean(text[place.start() : hit.end])}"
                return placed
    if hit is not None and hit.role is None:
        run = _capitalised_run_start(text, lo, hit.end)
        if run is None or run > hit.start or any(c in ",;:()" for c in text[run : hit.start]):
            run = hit.start
        article = _word_start(text, lo, _rstrip_ws(text, lo, run))
        before = _rstrip_ws(text, lo, article)
        if (
            text[article:run].strip() in ("the", "The")
            and " " in text[run : hit.end].strip()
            and text[_word_start(text, lo, before) : before] not in _DESCRIPTOR_STOPS
        ):
            # "the Spanish Olive Oil Interprofessional said": no person has an article
            return Entity(
                "organisation",
                article,
                hit.end,
                _clean(text[article : hit.end]),
                _source_name(lex, text[run : hit.end]),
            )
    if hit is not None:
        if (
            " " not in hit.text.strip()
            or _COMPLEMENT_END.search(text, max(lo, hit.start - 16), hit.start)
            or hit.text.split()[-1].casefold() in lex.org_nouns
        ):
            # "The Ministry of Commerce said", "the Coalition for Change said": the last
            # word completes an organisation's name, it is no person's surname.
            # "the Fisheries Cooperative": a name ending in an organisation noun
            complement = (
                " " in hit.text.strip() and hit.text.split()[-1].casefold() in lex.org_nouns
            )
            org = (
                _description_at_end(ctx, lo, hi)
                if _could_be(
                    ctx, lo, hi, (*_ORG, "group", *(("description",) if complement else ()))
                )
                else None
            )
            if (
                org is not None
                and org.start < hit.start
                and (
                    org.kind in ("organisation", "group")
                    or (complement and org.kind == "description")
                )
            ):
                # "A spokeswoman for the Fisheries Cooperative said": the whole description
                return org
        if _AT_END.search(text, max(lo, hit.start - 12), hit.start):
            # "Analysts at Morgan Stanley said": the group speaks, the name is its employer
            group = _description_at_end(ctx, lo, hi) if _could_be(ctx, lo, hi, _PEOPLE) else None
            if (
                group is not None
                and group.kind in ("group", "description")
                and group.start < hit.start
            ):
                return group
        if hit.role is None:
            start = _trade_descriptor(ctx, lo, hit.start)
            if start is not None:
                # "Swedish carmaker Volvo Cars said": the company named after its trade
                return Entity(
                    "organisation",
                    start,
                    hit.end,
                    _clean(text[start : hit.end]),
                    _source_name(lex, text[hit.start : hit.end]),
                )
            company = _opening_trade_noun(ctx, lo, hit)
            if company is not None:
                return company
        return hit
    if names_only:
        return None  # (Performance.) neither is a name
    entity = _listed_organisation(ctx, lo, hi) if "," in text[max(lo, hi - 120) : hi] else None
    if entity is None:
        entity = _description_at_end(ctx, lo, hi) or _proper_subject(ctx, lo, hi)
    if entity is None:
        # "U.S. chipmaker Calder Semiconductor": a proper name after a trade descriptor
        run = _capitalised_run_start(text, lo, hi)
        if run is not None and _trade_descriptor(ctx, lo, run) is not None:
            entity = _proper_subject(ctx, run, hi)
        elif run is not None and text.endswith(_APOSTROPHE_S, lo, hi):  # hi ends a word
            # "Moody's said", "McDonald's said": a possessive right before the verb owns
            # nothing, it is a name ending in 's
            phrase = text[run:hi]
            entity = Entity("organisation", run, hi, phrase, phrase)
    if entity is not None and entity.kind == "organisation" and entity.text[:1].isupper():
        start = _trade_descriptor(ctx, lo, entity.start)  # "Swedish carmaker Vornby Motors"
        if start is not None:
            entity.start = start
            entity.text = _clean(text[start : entity.end])
    return entity


def _opening_trade_noun(ctx: _Context, lo: int, hit: Entity) -> Entity | None:
    """The company named after a trade noun opening the clause ("Miner Vale said")."""
    text = ctx.text
    nouns = ctx.qlex.opening_trade_nouns
    start = lo
    while start < hit.start and text[start] in _SPAN_LEAD:
        start += 1
    if not nouns or hit.start - start > 40:
        return None
    words = list(_WORD.finditer(text, start, hit.end))
    for taken in (2, 1):  # "Oil major Shell", "Miner Vale"
        if len(words) <= taken or words[0].start() != start or words[taken].start() < hit.start:
            continue
        phrase = " ".join(w.group() for w in words[:taken])
        if phrase.casefold() in nouns and phrase[0].isupper() and phrase[1:].islower():
            rest = words[taken].start()
            return Entity(
                "organisation",
                start,
                hit.end,
                _clean(text[start : hit.end]),
                _source_name(ctx.lex, text[rest : hit.end]),
            )
    return None


_LEADING_FUNCTION_WORDS = regex.compile(r"(?:(?:for|of|on|and)\s{1,3}+)++")
_LIST_TAIL = regex.compile(
    r"\s{0,3}+\p{Lu}[\p{L}-]{1,25}+(?:\s{1,3}+\p{Lu}[\p{L}-]{1,25}+){0,3}+"
    r"\s{1,3}+(?:and|&)\s{1,3}+\p{Lu}[\p{L}-]{1,25}+(?:\s{1,3}+\p{Lu}[\p{L}-]{1,25}+){0,3}+\s{0,3}+"
)


def _listed_organisation(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """An organisation whose complement lists its fields, ending at ``hi``.

    "Kuwait's Ministry of Electricity, Water and Renewable Energy said": the name runs
    over its comma.
    """
    text = ctx.text
    comma = text.rfind(",", max(lo, hi - 120), hi)
    if comma < 0 or _LIST_TAIL.fullmatch(text, comma + 1, hi) is None:
        return None
    org = _organisation_at_end(ctx, lo, comma)
    if org is None or " of " not in org.group():
        return None
    desc = _description_at_end(ctx, lo, comma)
    if desc is not None and desc.kind == "description" and desc.start < org.start() + 4:
        # "A spokesperson for the Ministry of Housing, Communities and Local Government"
        desc.end = hi
        desc.text = _clean(text[desc.start : hi])
        desc.name = _LEADING_DETERMINER.sub("", desc.text)
        desc.role_noun = None
        return desc
    lead = _LEADING_FUNCTION_WORDS.match(text, org.start(), comma)
    start = lead.end() if lead is not None else org.start()
    phrase = _clean(text[start:hi])
    return Entity("organisation", start, hi, phrase, _source_name(ctx.lex, phrase))


def _antecedent(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """The name or description ending at ``hi``, before ", which" or ", who"."""
    hit = _name_at_end(ctx, lo, hi)
    if hit is not None:
        return hit
    described = _description_at_end(ctx, lo, hi)
    if described is not None:
        return described
    run = _capitalised_run_start(ctx.text, lo, hi)
    return None if run is None else _proper_subject(ctx, run, hi)


def _organisation_noun(lex: NameLex, word: str) -> bool:
    """True for a noun that names an organisation ("ministry", "lender", "carmaker")."""
    folded = word.casefold()
    return folded in lex.org_nouns or folded in lex.generic_referents


def _word_start(text: str, lo: int, end: int) -> int:
    """Where the word (a run of non-white-space) that ends at ``end`` starts."""
    start = end
    while start > lo and not text[start - 1].isspace():
        start -= 1
    return start


def _capitalised_run_start(text: str, lo: int, hi: int) -> int | None:
    """Where the run of capitalised words ending at ``hi`` starts (None: no such run)."""
    pos = _rstrip_ws(text, lo, hi)
    start = None
    for _ in range(6):
        word_start = _word_start(text, lo, pos)
        if word_start >= pos or not text[word_start].isupper():
            break
        start = word_start
        pos = _rstrip_ws(text, lo, word_start)
        if pos == word_start:
            break
    return start


_DESCRIPTOR_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}.&'’-]{0,30}+")
_DESCRIPTOR_STOPS = frozenset(
    (
        *("of", "from", "by", "to", "in", "at", "with", "for", "on", "as"),
        *("and", "or", "but", "that", "who", "which", "said", "says"),
    )
)
_MAX_DESCRIPTOR_WORDS = 6
_MAX_OPENING_NAME = 3


def _trade_descriptor(ctx: _Context, lo: int, hi: int) -> int | None:
    """Where a trade descriptor ending right before ``hi`` starts, or None.

    "Swedish carmaker", "the U.S. chipmaker", "Dutch chip equipment maker", "United
    Nations refugee agency", "Apple supplier", "Tanker tracking firm", "Miner" (opening
    the clause): lower-case words ending in an organisation noun, opened by up to three
    capitalised words and an article.
    """
    text, lex = ctx.text, ctx.lex
    end = _rstrip_ws(text, lo, hi)
    if end == hi or end <= lo:
        return None
    words: list[tuple[int, str]] = []  # from the noun backwards
    capitals = 0
    pos = end
    while len(words) < _MAX_DESCRIPTOR_WORDS:
        start = _word_start(text, lo, pos)
        word = text[start:pos]
        if _DESCRIPTOR_WORD.fullmatch(word) is None or word in _DESCRIPTOR_STOPS:
            break
        if words and word.casefold() in ("the", "a", "an"):
            break  # the article is read below
        if word[0].isupper():
            capitals += 1
            if capitals > _MAX_OPENING_NAME:
                break
        elif capitals:
            break  # lower-case words come between the opening name and the noun only
        words.append((start, word))
        pos = _rstrip_ws(text, lo, start)
        if pos == start:
            break
    if not words:
        return None
    noun = words[0][1]
    if not _organisation_noun(lex, noun):
        return None
    first_start, first = words[-1]
    if len(words) > 1 and not noun.islower():
        return None  # "United Nations Agency": a name of its own
    opens = not text[lo:first_start].strip(_SPAN_LEAD)  # the clause starts with it
    if len(words) == 1 and first[0].isupper() and not (opens and first == first.capitalize()):
        return None  # "Miner Vale" opening a clause; a capitalised noun elsewhere is a name
    start = first_start
    before = _rstrip_ws(text, lo, start)
    word_start = _word_start(text, lo, before)
    if before < start and text[word_start:before].casefold() in ("the", "a", "an"):
        start = word_start  # "the Swedish carmaker"
        before = _rstrip_ws(text, lo, start)
        word_start = _word_start(text, lo, before)
    if before < start and text[word_start:before] in _DESCRIPTOR_STOPS:
        return None  # "the head of the regional grid operator Laura Whitcomb"
    return start


# "Puget Sound Energy", "District 751", "Morgan Stanley": capitalised words and numbers,
# with "of", "for", "and", "&" inside, filling the window from its start (or a comma).
_PROPER_SUBJECT = regex.compile(
    r"(?:the\s{1,3}+)?\p{Lu}[\p{L}\p{N}&.'’-]{0,30}+"
    r"(?:\s{1,3}+(?:(?:of|for|and|&|de|du)\s{1,3}+(?:the\s{1,3}+)?)?"
    r"[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]{0,30}+){0,5}+"
)
_SUBJECT_START = regex.compile(r"[\s\"“«(]{0,4}+")


def _proper_subject(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """A proper name no data file knows, opening the clause: taken as an organisation.

    Only a run of two or more capitalised words (or a word and a number) that fills
    ``lo:hi`` from the clause start or from a comma, so that a sentence-initial common
    word ("Analysts said") is never a speaker.
    """
    text = ctx.text
    comma = text.rfind(",", lo, hi)
    opening = _SUBJECT_START.match(text, comma + 1 if comma >= 0 else lo, hi)
    start = opening.end() if opening is not None else lo
    match = _PROPER_SUBJECT.fullmatch(text, start, hi)
    if match is None:
        return None
    phrase = _clean(match.group())
    name = _LEADING_ARTICLE.sub("", phrase)
    words = name.split()
    stop = ctx.lex.subject_stopwords
    if len(words) < 2 or "and" in words or any(w.casefold() in stop for w in words):
        return None
    if any(w.endswith(("'s", "’s", "'", "’")) for w in words):  # "Putin's state ..."
        return None
    if words[0].casefold() in ctx.lex.not_name or words[-1].casefold() in ctx.lex.not_name:
        return None
    return Entity("organisation", match.start(), match.end(), phrase, name)


def _rstrip_ws(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _pronoun_at_end(ctx: _Context, lo: int, hi: int) -> Entity | None:
    if not ctx.index.pronoun_possible(lo, hi):
        return None
    first = hi - ctx.qlex.pronoun_max if ctx.qlex.pronouns is not None else 0
    match = _anchored_end(ctx.lex.pronoun_re, ctx.text, lo, hi, first=first)
    if match is None:
        return None
    word = match.group()
    return Entity("pronoun", match.start(), match.end(), word, word.casefold())


def _name_at_end(ctx: _Context, lo: int, hi: int) -> Entity | None:
    text, lex = ctx.text, ctx.lex
    window_lo = max(lo, hi - 160)
    # (Performance.) The name must end the window, and its last word starts with a
    # capital: no need to look for names when the last word has none.
    end = _rstrip_ws(text, lo, hi)
    last_word = text[max(window_lo, text.rfind(" ", window_lo, end) + 1) : end]
    if last_word.isascii() and last_word.lower() == last_word:
        return None
    if last_word.isalpha() and last_word not in lex.dot_required and lex.is_not_name(last_word):
        return None  # (Performance.) a name run's last word that no name can end with
    hits = lex.name_hits(text, window_lo, hi)
    if not hits or _rstrip_ws(text, lo, hi) != hits[-1].end:
        return None
    hit = hits[-1]
    if text[hit.core_end : hi].strip():
        return None
    role = hit.title if hit.title and _role_noun_of(ctx, hit.title) else None
    start = hit.start
    found = title_before(text, lo, hit.core_start, lex)
    if found is not None and found[1] < hit.start:
        role, start = found  # "District 751 President Jon Holden"
    else:
        lower_role = (
            (None if found is None else found[0])  # the same question when no title
            if hit.start == hit.core_start
            else _lower_role_before(ctx, lo, hit.start)
        )
        if lower_role is not None:
            role = lower_role if role is None else f"{lower_role} {role}"
            start = text.rfind(lower_role.split()[0], max(lo, hit.start - 130), hit.start)
            start = hit.start if start < 0 else start
    return Entity(
        "name",
        start,
        hit.core_end,
        text[hit.start : hit.core_end],
        lex.canonical(hit.name),
        role=role,
        gender=lex.gender_of(hit.name, hit.honorific),
    )


def _lower_role_before(ctx: _Context, lo: int, hi: int) -> str | None:
    """A title written right before a name (see :func:`.people.title_before`)."""
    found = title_before(ctx.text, lo, hi, ctx.lex)
    return None if found is None else found[0]


def _apposition_chain(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """``NAME, ROLE, ROLE,`` ending at ``hi`` (the last comma excluded)."""
    text, lex = ctx.text, ctx.lex
    window_lo = max(lo, hi - 400)
    commas = [m.start() for m in _COMMA.finditer(text[window_lo:hi])]
    bounds = [window_lo - 1, *[window_lo + c for c in commas], hi]
    roles: list[str] = []
    named_org: Entity | None = None
    described: dict[tuple[int, int], Entity | None] = {}

    def described_at(start: int, end: int) -> Entity | None:
        # (Performance.) Up to three questions per segment, one answer.
        if (start, end) not in described:
            described[start, end] = _description_at_end(ctx, start, end)
        return described[start, end]

    for k in range(len(bounds) - 1, 0, -1):
        seg_lo, seg_hi = bounds[k - 1] + 1, bounds[k]
        segment = text[seg_lo:seg_hi].strip()
        hit = _name_at_end(ctx, seg_lo, seg_hi)
        if (
            hit is not None
            and k == 1
            and hit.start > _lstrip_start(text, seg_lo, seg_hi)
            and (hit.role is not None or text[hit.start : hit.end] != hit.name)
        ):
            # "Transport and Infrastructure Minister X,", "Akita Gov. X, whose ..."
            _absorb_qualifiers(ctx, seg_lo, hit)
        if hit is not None and _clean(text[seg_lo : hit.start]) in ("", "and"):
            pre = _comma_role_before(ctx, lo, bounds[k - 1]) if k > 1 else None
            parts = [p for p in (pre, hit.role, *reversed(roles)) if p]
            hit.role = ", ".join(parts) if parts else None
            if pre is not None:
                hit.start = _lstrip_start(text, lo, bounds[k - 1])
                hit.text = _clean(text[hit.start : hit.end])
            return hit
        seg_start = _lstrip_start(text, seg_lo, seg_hi)
        if seg_start == _lstrip_start(text, lo, hi) and k < len(bounds) - 1:
            # "ASML Holding, the Dutch maker of ..., said": a proper name opens the chain
            head = (
                described_at(seg_start, seg_hi)
                or _proper_subject(ctx, seg_start, seg_hi)
                or _segment_subject(ctx, seg_start, seg_hi)
            )
            if (
                head is not None
                and named_org is not None
                and head.kind in ("organisation", "description")
            ):
                named_org.start = seg_start  # "The country's largest union, the FNSEA, said"
                return named_org
            if head is not None and head.start == seg_start:
                return head  # "A Western diplomat in Ankara, who spoke ..., said"
        if named_org is None and not roles and _could_be(ctx, seg_start, seg_hi, _ORG):
            org = described_at(seg_start, seg_hi)
            if org is not None and org.kind == "organisation" and org.start == seg_start:
                named_org = org
                continue
        if segment.isdigit() and len(segment) <= 3:
            continue  # "Graham Teale, 67, a retired bus driver, said"
        role_phrase = lex.is_role_phrase(segment)
        if (
            role_phrase
            or lex.is_aside(segment)
            or (segment.split(maxsplit=1) or [""])[0].casefold() in ctx.qlex.aside_participles
            or lex.adverbs_end_re.match(segment) is not None  # "X, for his part, said"
        ):
            if role_phrase:
                roles.append(strip_article(segment))
            if len(roles) > 6:
                return None
            continue
        if k > 1 and _GENERIC_APPOSITION.match(segment) and count_words(segment, 21) <= 20:
            continue
        if k < len(bounds) - 1:
            head = described_at(_lstrip_start(text, seg_lo, seg_hi), seg_hi)
            if head is not None and head.start == _lstrip_start(text, seg_lo, seg_hi):
                return head  # "A Western diplomat in Ankara, who spoke ..., said"
        return None
    return None


def _segment_subject(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """The subject filling ``lo:hi`` before an apposition or relative clause.

    "Residents of the old quarter, where ...": a description, group or organisation
    and its complement; "The Greens, whose votes ...": one capitalised word after "The".
    """
    text, lex = ctx.text, ctx.lex
    hi = _rstrip_ws(text, lo, hi)
    for kind, pattern in (
        ("description", lex.description_re),
        ("group", lex.group_re),
        ("organisation", lex.organisation_re),
    ):
        match = pattern.match(text, lo, hi)
        if match is None or text[match.end() : match.end() + 1].isalpha():
            continue
        rest = _lstrip_start(text, match.end(), hi)
        if rest == hi or _COMPLEMENT_REST.fullmatch(text, rest, hi) is not None:
            return _entity_from_match(ctx, kind, match)
    named = _THE_NAME.fullmatch(text, lo, hi)
    if named is not None:
        name = _LEADING_ARTICLE.sub("", named.group())
        folded = name.casefold()
        if folded not in lex.subject_stopwords and folded not in lex.not_name:
            return Entity("organisation", lo, hi, named.group(), name)
    return None


def _comma_role_before(ctx: _Context, lo: int, comma: int) -> str | None:
    """A role phrase ending at ``comma`` that starts the sentence ("Head of X, NAME")."""
    text, lex = ctx.text, ctx.lex
    start = _lstrip_start(text, lo, comma)
    segment = _clean(text[start:comma])
    if not segment or count_words(segment, 15) > 14 or "," in segment:
        return None
    if lex.is_role_phrase(segment):
        first = segment.split()[0].casefold()
        if (
            first in ("the", "a", "an")
            or first in lex.role_words
            or lex.role_noun_of(segment.split()[0])
        ):
            return _LEADING_ARTICLE.sub("", segment)
    return None


def _description_at_end(ctx: _Context, lo: int, hi: int) -> Entity | None:
    text, lex, index = ctx.text, ctx.lex, ctx.index
    window_lo = max(lo, hi - 300)
    starts = _word_starts(text, window_lo, hi)  # once for the six patterns
    # (Performance.) Every pattern is tried at these starts only: a noun or a stop
    # before the first of them changes no answer, and the view is read from there.
    near = starts[0] if starts else hi
    tokens = index.noun_tokens(near, hi)
    # (Performance.) No match holds one of the stops (a comma...): none starts before one.
    stops = ctx.qlex.match_stops
    found_stop = stops.search(text, near, hi) if stops is not None else None
    floor = 0 if found_stop is None else found_stop.end()
    stop: int | None = None
    for kind, pattern in (
        ("document", lex.document_re),
        ("description", lex.description_re),
        ("group", lex.group_re),
        ("organisation", lex.organisation_re),
    ):
        nouns = index.noun_positions(kind, near, hi, tokens)
        if nouns is not None and not nouns:
            continue
        gap = None
        if nouns is not None:
            if stop is None:
                stop = index.stop_before(near, hi)
            # Starts after the last noun before the stop and up to the stop cannot match.
            gap = (max((q for q in nouns if q <= stop), default=near - 1), stop)
        match = _anchored_end(
            pattern,
            text,
            lo,
            hi,
            starts,
            first=floor,
            last=nouns[-1] if nouns else None,
            gap=gap,
        )
        if match is not None:
            if kind == "group" and _inside_name(text, lo, match.start()):
                employer = _employer_before(text, lo, match)
                if employer is not None:
                    # "Goldman Sachs analysts said": the group speaks for its employer
                    name = _clean(text[employer : _rstrip_ws(text, lo, match.start())])
                    phrase = _clean(text[employer : match.end()])
                    return Entity("organisation", employer, match.end(), phrase, name)
                if not match.group()[:1].islower():
                    continue  # "the Joint Chiefs of Staff": a name, not the group "chiefs"
            return _entity_from_match(ctx, kind, match)
    if lex.agency_re is not None:
        last = index.noun_bound("agency", near, hi, tokens)
        if last >= 0:
            names = ctx.qlex.agency_names
            for start in starts:  # _anchored_end(lex.agency_re, ..., first=floor, last=last)
                if start < floor:
                    continue
                if start > last:
                    break
                if _clean(text[start:hi]) not in names:
                    continue  # (Performance.) the whole rest must be an agency's name
                match = lex.agency_re.fullmatch(text, start, hi)
                if match is not None:
                    return Entity(
                        "organisation", match.start(), match.end(), match.group(), match.group()
                    )
    if not index.acronym_possible(hi):
        return None
    match = _anchored_end(lex.acronym_re, text, lo, hi, starts, first=hi - ACRONYM_MAX)
    if match is not None:
        name = _LEADING_ARTICLE.sub("", match.group())
        start = match.start()
        head = _organisation_at_end(ctx, lo, _rstrip_ws(text, lo, start))
        trade = _trade_descriptor(ctx, lo, start)  # "Dutch chip equipment maker ASML"
        if head is not None:
            start = head.start()  # "the national statistics agency INE"
        if trade is not None:
            start = min(start, trade)
        return Entity("organisation", start, match.end(), _clean(text[start : match.end()]), name)
    return None


def _employer_before(text: str, lo: int, group: regex.Match[str]) -> int | None:
    """Where the employer named right before a lower-case group starts, or None.

    "Goldman Sachs analysts", "UBS economists": two capitalised words or an acronym; one
    capitalised word opening the clause may be any word ("Yesterday analysts").
    """
    if not group.group()[:1].islower():
        return None
    start = _capitalised_run_start(text, lo, group.start())
    if start is None:
        return None
    words = text[start : group.start()].split()
    if len(words) >= 2 or (words and words[0].isupper() and len(words[0]) >= 2):
        return start
    return None


def _inside_name(text: str, lo: int, start: int) -> bool:
    """True when a capitalised word runs into ``start`` ("Joint" of "Joint Chiefs")."""
    end = _rstrip_ws(text, lo, start)
    if end == start or end <= lo:
        return False
    word = text[_word_start(text, lo, end) : end]
    return word[:1].isupper() and word.isalpha() and word.casefold() not in ("the", "a", "an")


_ORG = ("document", "organisation", "agency", "acronym")
"""What can make :func:`_description_at_end` an organisation (a document's issuer too)."""
_PEOPLE = ("description", "group")
"""What can make :func:`_description_at_end` a description or a group."""


def _could_be(ctx: _Context, lo: int, hi: int, kinds: tuple[str, ...]) -> bool:
    """False when no match of ``kinds`` can give :func:`_description_at_end` its answer.

    (Performance.) It skips a kind whose nouns are absent from the window, as this does;
    a caller that wants only an organisation (or only a person) need not call it then.
    """
    index = ctx.index
    window_lo = max(lo, hi - 300)
    tokens = index.noun_tokens(window_lo, hi)
    for kind in kinds:
        if kind == "acronym":
            if index.acronym_possible(hi):
                return True
        elif kind == "agency":
            if ctx.lex.agency_re is not None and index.noun_bound(kind, window_lo, hi, tokens) >= 0:
                return True
        else:
            nouns = index.noun_positions(kind, window_lo, hi, tokens)
            if nouns is None or nouns:
                return True
    return False


def _noun_in(ctx: _Context, kind: str, lo: int, hi: int) -> bool:
    """False when no match of the ``kind`` noun pattern fits in ``lo:hi``."""
    index = ctx.index
    return index.noun_bound(kind, lo, hi, index.noun_tokens(lo, hi)) >= 0


def _organisation_at_end(ctx: _Context, lo: int, hi: int) -> regex.Match[str] | None:
    """``_anchored_end(lex.organisation_re, ...)``, skipping starts that cannot match."""
    window_lo = max(lo, hi - 300)
    index = ctx.index
    last = index.noun_bound("organisation", window_lo, hi, index.noun_tokens(window_lo, hi))
    if last < 0:
        return None
    return _anchored_end(ctx.lex.organisation_re, ctx.text, lo, hi, last=last)


def _entity_from_match(ctx: _Context, kind: str, match: regex.Match[str]) -> Entity:
    lex = ctx.lex
    phrase = _clean(match.group())
    name = _LEADING_DETERMINER.sub("", phrase)
    entity = Entity(kind, match.start(), match.end(), phrase, name)
    if kind == "document":
        issuer = match.group("issuer")
        if issuer:
            issuer_name = _issuer_name(ctx, match.start("issuer"), match.end("issuer"))
            entity.name = issuer_name
            head = issuer_name.split()[-1].casefold() if issuer_name.split() else ""
            entity.kind = "document" if head in lex.doc_nouns else "organisation"
        else:
            entity.name = _source_name(lex, name)
            entity.bare = True
    elif kind == "organisation":
        entity.name = _source_name(lex, name)
        owner = _OWNER.match(entity.name)
        if owner is not None and _organisation_noun(lex, owner.group(1)):
            # "the regulator's press service", "the company's board": the organisation
            # the possessor refers to speaks
            entity.name = owner.group(1)
    elif kind == "description":
        entity.role_noun = _role_noun_of(ctx, phrase)
        entity.country = _country_in(ctx, phrase)
    elif kind == "group":
        # "Doctors at the hospital": the group is named by its head ("Doctors")
        entity.name = _LOWER_COMPLEMENT.sub("", name)
    return entity


def _issuer_name(ctx: _Context, lo: int, hi: int) -> str:
    """The name of a document's issuer: the first organisation or person it names.

    "tanker tracking firm Vortexa" -> "Vortexa"; "the Court of Audit published last year"
    -> "Court of Audit"; otherwise the whole phrase ("the presidential website").
    """
    text, lex = ctx.text, ctx.lex
    start = _lstrip_start(text, lo, hi)
    for pattern in (lex.organisation_re, _CAPITALISED_RUN):
        if pattern is lex.organisation_re and not _noun_in(ctx, "organisation", start, hi):
            continue  # (Performance.) found would be None
        found = pattern.search(text, start, hi)
        if (
            found is not None
            and count_words(text, 5, start, found.start()) <= 4
            and text[found.end() : found.end() + 2] not in ("'s", "’s")
            and any(c.isupper() for c in _LEADING_ARTICLE.sub("", found.group()))
        ):
            return _source_name(lex, _clean(found.group()))
    hits = lex.name_hits(text, start, hi)
    if hits and count_words(text, 5, start, hits[0].start) <= 4:
        return _source_name(lex, hits[0].name)
    return _source_name(lex, _clean(text[start:hi]))


def _source_name(lex: NameLex, phrase: str) -> str:
    phrase = _LEADING_ARTICLE.sub("", phrase.strip().rstrip(".,"))
    phrase = _TRAILING_ACRONYM.sub("", phrase)
    possessive = _POSSESSIVE_START.match(phrase)
    if possessive is not None and possessive.group(1).casefold() in lex.country_of:
        phrase = phrase[possessive.end() :]
    return phrase.strip()


def _entity_after(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """The words starting at ``lo`` that stand for a speaker ("Mr Smith", "the ministry")."""
    text, lex = ctx.text, ctx.lex
    lo = _lstrip_start(text, lo, hi)
    hi = min(hi, lo + 300)
    if lo >= hi:
        return None
    pronoun = lex.pronoun_re.match(text, lo, hi)
    if pronoun is not None and (pronoun.end() == hi or not text[pronoun.end()].isalpha()):
        word = pronoun.group()
        return Entity("pronoun", lo, pronoun.end(), word, word.casefold())
    obj = lex.object_pronoun_re.match(text, lo, hi)
    if obj is not None:
        word = obj.group()
        subject = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "i"}
        return Entity("pronoun", lo, obj.end(), word, subject.get(word.casefold(), "it"))
    hits = lex.name_hits(text, lo, hi)[:3]
    lead_lo = lo  # where the words before the speaker's name start
    for index, hit in enumerate(hits):
        if hit.start - lo > 120:
            break
        gap = text[lead_lo : hit.start]
        if index + 1 < len(hits) and not gap.strip():
            # "Leverkusen captain Granit Xhaka": the first capitalised word is part of
            # the next name's title, not the speaker.
            lead = _lower_role_before(ctx, lo, hits[index + 1].start)
            if lead is not None and _clean(text[lo : hits[index + 1].start]) == lead:
                continue
            following = hits[index + 1]
            if (
                following.title
                and following.start > hit.end
                and not text[hit.end : following.start].strip()
                and lex.role_noun_of(following.title + " X")
            ):
                # "Tourism Councillor Marco Zanetti", "State Public Works Minister X": the
                # capitalised words qualify the next name's title
                lead_lo = following.start
                continue
        title = _lower_role_before(ctx, lo, hit.start) if gap.strip() else None
        if (
            gap.strip()
            and (title is None or _clean(gap).removeprefix("the ") != title)
            and not all(w.casefold() in ("the", "a", "an", "by") for w in gap.split())
        ):
            break
        role_parts = [_clean(p) for p in (title or "", hit.title) if p.strip()]
        role_parts = [p for p in role_parts if lex.role_noun_of(p + " X")]
        if lead_lo > lo and role_parts and not title:
            role_parts[0] = f"{_clean(text[lo:lead_lo])} {role_parts[0]}"
        if (
            not title
            and ctx.index.noun_bound("organisation", lo, hi, ctx.index.noun_tokens(lo, hi)) >= 0
        ):
            org = lex.organisation_re.match(text, lo, hi)
            if (
                org is not None
                and (org.end() > hit.core_end or (org.end() == hit.core_end and not role_parts))
                and not text[org.end() : org.end() + 1].isalpha()
            ):
                # "the Czech Beer and Malt Association (CSPS)", "the General Department of
                # Customs": a name inside an organisation's
                return _entity_from_match(ctx, "organisation", org)
        appos, _ = apposition_after(text, hit.core_end, hi, lex)
        if appos:
            role_parts.append(appos)
        return Entity(
            "name",
            hit.start,
            hit.core_end,
            text[hit.start : hit.core_end],
            lex.canonical(hit.name),
            role=", ".join(role_parts) if role_parts else None,
            gender=lex.gender_of(hit.name, hit.honorific),
        )
    tokens = ctx.index.noun_tokens(lo, hi)
    for pattern_kind, pattern in (
        ("document", lex.document_re),
        ("description", lex.description_re),
        ("group", lex.group_re),
        ("organisation", lex.organisation_re),
    ):
        kind = pattern_kind
        if kind == "organisation" and ctx.index.noun_bound(kind, lo, hi, tokens) < 0:
            # (Performance.) No match: its noun, a whole word, is absent. (The other
            # patterns' nouns may end inside a word here: "banker" in "bankers".)
            continue
        match = pattern.match(text, lo, hi)
        if match is not None and match.end() < hi and text[match.end()].isalpha():
            match = None  # "banker" of "bankers", "the Central Poll" of "Pollution": no word
        if (
            match is not None
            and kind == "description"
            and ctx.index.noun_bound("organisation", lo, hi, tokens) >= 0
        ):
            org = lex.organisation_re.match(text, lo, hi)
            if (
                org is not None
                and org.end() > match.end()
                and not text[org.end() : org.end() + 1].isalpha()
            ):
                kind, match = "organisation", org  # "the General Department of Customs"
        if match is not None:
            entity = _entity_from_match(ctx, kind, match)
            relative = _ISSUED_BY.match(text, match.end(), hi) if entity.bare else None
            if relative is not None:
                # "a report that the Court of Audit published": the issuer is named after.
                entity.name = _source_name(lex, _clean(relative.group(1)))
                entity.kind, entity.bare = "organisation", False
            return entity
    if lex.agency_re is not None and ctx.index.noun_bound("agency", lo, hi, tokens) >= 0:
        match = lex.agency_re.match(text, lo, hi)
        if match is not None:
            return Entity("organisation", lo, match.end(), match.group(), match.group())
    match = lex.acronym_re.match(text, lo, hi)
    if match is not None:
        name = _LEADING_ARTICLE.sub("", match.group())
        return Entity("organisation", lo, match.end(), match.group(), name)
    return None


# -- cues -------------------------------------------------------------------------------


def _cue_span(ctx: _Context, verb: regex.Match[str], hi: int) -> tuple[Span, int]:
    """The cue (the verb, plus its hearer for ``told Trend``) and where it ends."""
    text, lex = ctx.text, ctx.lex
    lemma = lex.verb_lemma.get(" ".join(verb.group().casefold().split()), "")
    end = verb.end()
    if lemma in lex.addressee_verbs:
        obj = lex.addressee_re.match(text, end, hi)
        if obj is not None and obj.end() > end:
            end = obj.end()
    return _span(text, verb.start(), end), end


def _lemma(ctx: _Context, verb: regex.Match[str]) -> str:
    return ctx.lex.verb_lemma.get(" ".join(verb.group().casefold().split()), "")


def _cue_after(ctx: _Context, lo: int, hi: int) -> tuple[Span, Entity] | None:
    """An attribution right after a closing mark: ``," X said`` / ``," said X`` / ``- X``."""
    text = ctx.text
    if lo >= hi:
        return None
    dash = _DASH_ATTRIBUTION.match(text, lo, hi)
    if dash is not None and any(c in text[lo : dash.end()] for c in "-–—―"):
        entity = _entity_after(ctx, dash.end(), hi)
        if entity is not None and entity.kind in ("name", "description", "organisation"):
            d_lo = _lstrip_start(text, lo, dash.end())
            return _span(text, d_lo, _rstrip_ws(text, d_lo, dash.end())), entity
    start = _LEAD_PUNCT.match(text, lo, hi)
    pos = start.end() if start is not None else lo
    window_hi = min(hi, pos + 250)
    for verb in ctx.index.verbs(ctx.lex.verb_re, pos, window_hi):
        if verb.start() == pos:
            cue, cue_end = _cue_span(ctx, verb, hi)
            entity = _entity_after(ctx, cue_end, hi)
            if entity is None:
                return None
            return cue, entity
        entity = _entity_before(ctx, pos, verb.start())
        if entity is None or text[pos : entity.start].strip().casefold() not in _CUE_LEADS:
            return None
        cue, _ = _cue_span(ctx, verb, hi)
        return cue, entity
    return None


def _cue_before(ctx: _Context, lo: int, hi: int) -> tuple[Span, Entity] | None:
    """An attribution right before an opening mark: ``X said: "`` / ``According to X, "``."""
    text = ctx.text
    end = _rstrip_ws(text, lo, hi)
    if end <= lo:
        return None
    window_lo = max(lo, end - 300)
    verbs = list(ctx.index.verbs(ctx.lex.verb_re, window_lo, end))
    if verbs:
        verb = verbs[-1]
        cue, cue_end = _cue_span(ctx, verb, end)
        tail = text[cue_end:end]
        adjunct = _ADJUNCT.match(text, cue_end, end)
        if adjunct is not None:
            tail = text[adjunct.end() : end]
        if not tail or _TAIL_PUNCT.fullmatch(tail):
            entity = _entity_before(ctx, lo, verb.start())
            if entity is not None:
                return cue, entity
    naming_re = ctx.qlex.naming_re
    naming = (
        naming_re.search(text, max(window_lo, end - 220), end)
        if naming_re is not None and text[end - 1].isalpha()
        else None
    )
    if naming is not None:
        # 'Mark Delorme called the announcement "..."': the subject names it
        entity = _entity_before(ctx, lo, naming.start())
        if entity is not None:
            if entity.start > lo:
                _absorb_qualifiers(ctx, lo, entity)  # "Housing critic X called ..."
            verb_end = naming.start() + len(naming.group().split()[0])
            return _span(text, naming.start(), verb_end), entity
    according = _ACCORDING.search(text[window_lo:end]) if text[end - 1] == "," else None
    if according is not None:
        a_start = window_lo + according.start()
        entity = _entity_after(ctx, window_lo + according.end(), end - 1)
        if entity is not None:
            return _trim_span(text, a_start, window_lo + according.end()), entity
    if text[end - 1] == ":":
        for verb in verbs[:4]:
            entity = _entity_before(ctx, lo, verb.start())
            if entity is not None and _subject_ok(ctx, lo, entity):
                cue, _ = _cue_span(ctx, verb, end)
                return cue, entity
        if not verbs:
            # "The mayor, Tom Hill, was blunt: "..."": the subject of the sentence speaks.
            subject = _unit_subject(ctx, lo, end - 1)
            if subject is not None:
                return _span(text, end - 1, end), subject
        hit = _name_at_end(ctx, lo, end - 1)
        if hit is not None and _lstrip_start(text, lo, hit.start) == hit.start:
            return _span(text, end - 1, end), hit
    return None


# -- direct quotations --------------------------------------------------------------------


def _unit_of(ctx: _Context, pi: int, pos: int) -> tuple[int, int]:
    units = ctx.units[pi]
    i = bisect.bisect_right(ctx.unit_starts[pi], pos) - 1
    for unit in units[max(0, i - 1) : i + 2]:
        if unit[0] <= pos <= unit[1]:
            return unit
    lo, hi = ctx.paragraphs[pi]
    return lo, hi


def _is_title(ctx: _Context, seg: Segment, lo: int) -> bool:
    text = ctx.text
    if not ctx.index.title_cue_possible(seg.open_pos):
        return False  # (Performance.) no cue word ends right before the mark
    before = text[max(lo, seg.open_pos - 40) : seg.open_pos]
    return ctx.lex.title_cues_re.search(before) is not None


def _direct_quotes(
    ctx: _Context, segments: list[Segment], skip_paragraphs: set[int]
) -> tuple[list[_Draft], list[Segment]]:
    text = ctx.text
    drafts: list[_Draft] = []
    extras: list[_Draft] = []
    follows: tuple[int, int] | None = None
    rejected: list[Segment] = []
    by_index: dict[int, _Draft] = {}
    for index, seg in enumerate(segments):
        if seg.paragraph in skip_paragraphs:
            continue
        p_lo, _ = ctx.paragraphs[seg.paragraph]
        unit = _unit_of(ctx, seg.paragraph, seg.open_pos)
        before_lo = unit[0]
        if (
            index > 0
            and segments[index - 1].close_end > before_lo
            and segments[index - 1].close_end <= seg.open_pos
        ):
            before_lo = segments[index - 1].close_end
        last_unit = _unit_of(ctx, seg.last_paragraph, max(seg.close_end - 1, seg.start))
        after_hi = last_unit[1]
        if index + 1 < len(segments) and seg.close_end <= segments[index + 1].open_pos < after_hi:
            after_hi = segments[index + 1].open_pos
        content = text[seg.start : seg.end]
        words = count_words(content, 8)  # compared with 2, 3, 4, 6 and 8 only
        cue = None
        if words < 2:  # a letter or a word in marks is never a quotation
            rejected.append(seg)
            continue
        if seg.closed:
            if after_hi <= seg.close_end + 1 and _DASH_ATTRIBUTION.match(
                text, seg.close_end, ctx.paragraphs[seg.last_paragraph][1]
            ):
                after_hi = _unit_of(ctx, seg.last_paragraph, seg.close_end + 1)[1]
            cue = _cue_after(ctx, seg.close_end, after_hi)
        if cue is None:
            cue = _cue_before(ctx, before_lo, seg.open_pos)
        title = _is_title(ctx, seg, p_lo)
        sentence_like = _SENTENCE_PUNCT.search(content) is not None
        continued = seg.continued_from is not None and seg.continued_from in by_index
        accept = False
        if title and not (cue and words >= 8 and sentence_like):
            accept = False
        elif cue is not None:
            accept = words >= 2 and (seg.closed or seg.continues_next or words >= 4)
        elif continued or seg.continues_next:
            accept = words >= 3
        elif (
            follows is not None and follows[0] == seg.paragraph and seg.open_pos - follows[1] < 120
        ):
            # '"A," X said. "B."': a short sentence right after an attributed quotation.
            accept = words >= 3 and sentence_like and seg.closed
        else:
            accept = words >= _MIN_CUELESS_WORDS and sentence_like and seg.closed
        if accept and _embedded_fragment(ctx, seg, before_lo, content):
            accept = False  # the end of a reported clause: a mixed quotation
        if not accept:
            rejected.append(seg)
            continue
        draft = _Draft(
            seg.start,
            seg.end,
            "direct",
            seg.paragraph,
            cue=cue[0] if cue else None,
            entity=cue[1] if cue else None,
            anchor=cue[0].start if cue else seg.start,
            inherit=cue is None,
            chain=by_index[seg.continued_from].chain
            if continued and seg.continued_from is not None
            else len(drafts),
        )
        by_index[index] = draft
        drafts.append(draft)
        follows = (seg.last_paragraph, seg.close_end)
        if cue is not None and cue[0].start >= seg.close_end:
            second = _participle_after(ctx, seg.last_paragraph, draft, last_unit[1])
            if second is not None:
                extras.append(second)
    return drafts + extras, rejected


def _embedded_fragment(ctx: _Context, seg: Segment, before_lo: int, content: str) -> bool:
    """True for quoted words that end a reported clause of the same sentence.

    'Karavelas added that the association was ready to return "tomorrow morning, if
    ..."', 'Bambang said the government wanted "the two sides to ..."': the marks open
    in lower case after a speech verb whose reported clause has begun before them.
    """
    first = content.lstrip()[:1]
    if not first.islower():
        return False
    text = ctx.text
    head = seg.open_pos
    while head > before_lo and text[head - 1].isspace():
        head -= 1
    if head <= before_lo or not (text[head - 1].isalnum() or text[head - 1] in "%"):
        return False  # 'said: "..."', 'said, "..."'
    last = None
    for verb in ctx.index.verbs(ctx.lex.verb_re, before_lo, head):
        last = verb
    if last is None or last.group().casefold().endswith("ing"):
        return False
    lemma = _lemma(ctx, last)
    if lemma in ctx.lex.question_verbs:
        return False
    _, cue_end = _cue_span(ctx, last, head)
    return _reported_clause(ctx, lemma, cue_end, seg.open_pos) is not None


# -- indirect quotations ------------------------------------------------------------------


def _clause(ctx: _Context, start: int, end: int) -> tuple[int, int] | None:
    text = ctx.text
    start = _lstrip_start(text, start, end)
    if text[start : start + 1].isupper():
        dateline = _DATELINE_LEAD.match(text, start, end)
        if dateline is not None:
            start = dateline.end()  # "ZAGREB, Nov 25 (Hina) - Croatia recorded ..."

    end = _rstrip_end(text, start, end)
    while end > start and text[end - 1] in ".!?":
        end -= 1
    if count_words(text, 3, start, end) < 3:
        return None
    return start, end


_TWO_WORDS = regex.compile(r"\p{Lu}\p{Ll}{1,30}+\s{1,3}+\p{Ll}{2,30}+")


def _postposed_clause(ctx: _Context, start: int, end: int) -> tuple[int, int] | None:
    """The clause before a postposed attribution.

    Three words, or two that read as a subject and its verb ("Inflation slowed, the
    ministry said.").
    """
    clause = _clause(ctx, start, end)
    if clause is not None:
        return clause
    text = ctx.text
    lo = _lstrip_start(text, start, end)
    hi = _rstrip_end(text, lo, end)
    pair = _TWO_WORDS.fullmatch(text, lo, hi)
    if pair is None:
        return None
    blockers = ctx.qlex.short_clause_blockers
    if any(w.casefold() in blockers for w in pair.group().split()):
        return None
    return lo, hi


_ARTICLE_START = regex.compile(r"\s{0,3}+(?:the|a|an)\s{1,3}+")


def _source_apposition_end(ctx: _Context, pos: int, hi: int) -> int:
    """Where the clause starts after "According to X," and an apposition on X.

    "According to Finnish Forest Industries, the industry's lobby group, paper
    production ...": a short role phrase after an article, closed by a comma, describes
    the source and is skipped; anything else (the subject of the clause) stays.
    """
    text = ctx.text
    article = _ARTICLE_START.match(text, pos, hi)
    if article is None:
        return pos
    comma = text.find(",", article.end(), min(hi, article.end() + 60))
    if comma < 0:
        return pos
    words = text[article.end() : comma].casefold().split()
    if not words or len(words) > 6:
        return pos
    nouns = ctx.lex.org_nouns
    if words[-1] in nouns or " ".join(words[-2:]) in nouns:
        return comma + 1  # "the industry's lobby group,", "the state regulator,"
    if ctx.lex.is_role_phrase(text[article.end() : comma]):
        return comma + 1
    return pos


def _is_clause_start(ctx: _Context, pos: int, hi: int) -> bool:
    word = _WORD.match(ctx.text, pos, hi)
    if word is None:
        return ctx.text[pos : pos + 1] in "\"“«„'"
    folded = word.group().casefold()
    if folded == "at" and _LEAST.match(ctx.text, word.end(), hi) is not None:
        return True  # "said at least 39 people have been killed" (not "said at a meeting")
    return folded not in _NOT_CLAUSE_START or folded in _CLAUSE_DETERMINERS


_GAP_WORD = regex.compile(r"\p{L}[\p{L}\p{N}.&'’-]{0,30}+|\(\p{Lu}[\p{Lu}\p{N}&-]{1,10}+\)")


def _absorb_qualifiers(ctx: _Context, unit_lo: int, entity: Entity) -> None:
    """Take the words that open the sentence before the speaker into it.

    "A METI official", "A Bradwell council spokesperson", "Saurashtra skipper Mehul
    Chauhan", "Kumamoto Gov. Ryoko Nishida", "National Highway Authority (NHA) Chairman
    X": up to five capitalised words, role and organisation nouns, after an article; a
    plural possessive before a common organisation noun ("The pilots' union").
    Anything else (a verb, a preposition, a comma) leaves the entity as it is.
    """
    if entity.kind not in ("description", "name", "group", "organisation"):
        return
    text, lex = ctx.text, ctx.lex
    comma = text.rfind(",", unit_lo, entity.start)  # "For her part, Head of X Dr. Y"
    start = _lstrip_start(text, comma + 1 if comma >= 0 else unit_lo, entity.start)
    while start < entity.start and text[start] in "\"“«'‘(":
        start += 1
    if entity.kind == "name" and entity.role is None and start < entity.start:
        role = _clean(text[start : entity.start])
        if (
            role
            and count_words(role, 13) <= 12
            and role.split()[-1].casefold() not in _DESCRIPTOR_STOPS
            # "A spokesman for the Liberal" + "Democrats": one capitalised word after a
            # capitalised complement ends the organisation's name
            and (" " in entity.name or role.split()[-1].islower())
            and lex.is_role_phrase(role)
        ):
            # "Director General of the plant Andrei Savchenko"
            entity.role = _LEADING_ARTICLE.sub("", role)
            entity.start = start
            return
    words = text[start : entity.start].split()
    if not words or len(words) > 5:
        return
    lower = False
    for i, word in enumerate(words):
        folded = word.casefold()
        if i == 0 and folded in ("a", "an", "the"):
            continue
        if i > 0 and folded in ("and", "of", "for", "&"):
            continue  # "Transport and Infrastructure Minister"
        if _GAP_WORD.fullmatch(word) is None or folded.rstrip(".") in lex.subject_stopwords:
            return
        if word[0].isupper() or word[0] == "(":
            if folded in lex.not_name or folded in lex.function_words:
                return
            if entity.kind == "organisation" and entity.text[:1].islower():
                return  # a capitalised word before "union": no plural possessive
        elif folded in lex.role_words or folded in lex.org_nouns:
            lower = True
        elif i == len(words) - 1 and folded.endswith(("s'", "s’")) and folded[:-1].isalpha():
            lower = True  # "The pilots' union", "Teachers' union"
        else:
            return
    qualifier = _LEADING_ARTICLE.sub("", _clean(text[start : entity.start]))
    if not qualifier or (
        entity.kind == "organisation"
        # "The pilots' union", "The Croatian Employers' Association": a plural
        # possessive stopped the organisation's own pattern
        and not any(w.endswith(("s'", "s’")) for w in qualifier.split())
    ):
        return
    if entity.kind == "name":
        title = entity.text.split(maxsplit=1)[0]
        if not title.endswith("."):
            title = ""
        if entity.role is None and (lower or title or qualifier.endswith(".")):
            # "Saurashtra skipper", "Kumamoto Gov."
            entity.role = f"{qualifier} {title}" if title else qualifier
        elif entity.role is None:
            return  # "Kumamoto Ryoko Nishida": no title, perhaps no name either
        else:
            entity.role = (
                f"{qualifier} {entity.role}"  # "Transport and" + "Infrastructure Minister"
            )
    else:
        entity.text = _clean(text[start : entity.end])
        entity.name = f"{qualifier} {entity.name}"
        if any(w[:1].isupper() for w in qualifier.split()):
            # "A Bradwell council spokesperson" is no other organisation's spokesperson
            entity.role_noun = None
    entity.start = start


def _subject_ok(ctx: _Context, unit_lo: int, entity: Entity) -> bool:
    """The speaker starts the sentence or a clause ("In addition, X said")."""
    gap = ctx.text[unit_lo : entity.start]
    if not gap.strip():
        return True
    stripped = gap.rstrip()
    if stripped.endswith((",", ";", ":", "—", "–")) or _CLAUSE_JOINER.search(stripped + " "):
        return True
    if _RELATIVE_AFTER.match(ctx.text, entity.end) is not None:
        return True  # "... from Hanjin Energy Solutions, which said"
    return entity.kind == "name" and bool(entity.role) and count_words(gap, 4) <= 3


def _indirect_in_unit(
    ctx: _Context, pi: int, lo: int, hi: int, forward_only: bool = False
) -> tuple[_Draft | None, str | None]:
    """Reported speech in the sentence ``lo:hi``; also says when it is a backward one.

    With ``forward_only`` (the words before a quotation), only ``X said (that) ...``
    counts: a postposed attribution there belongs to the quotation.
    """
    text, lex, index = ctx.text, ctx.lex, ctx.index
    # (Performance.) Each pattern below is tried only when a word it needs is there.
    backward = lex.backward_re.search(text, lo, hi) if index.has(b"by", lo, hi) else None
    if backward is not None:
        entity = _entity_after(ctx, backward.end(), hi)
        after = entity.end if entity is not None else hi
        if entity is not None and entity.kind != "name":
            cut = text.rfind(" on ", entity.start, entity.end)
            timed = lex.time_adjunct_re.match(text, cut, entity.end) if cut > entity.start else None
            if timed is not None and timed.end() == entity.end:
                # "by the Interior Ministry on Thursday that": the day is no part of it
                entity.end = _rstrip_ws(text, entity.start, cut + 1)
                entity.text = _clean(text[entity.start : entity.end])
                entity.name = _source_name(lex, entity.text)
        timed = lex.time_adjunct_re.match(text, after, hi) if entity is not None else None
        after = timed.end() if timed is not None else after
        that = _THAT.match(text, after, hi) if entity is not None else None
        if entity is not None and that is not None and that.end() > after:
            # "It was announced by the ministry that ...": the clause after is reported
            passive = _clause(ctx, that.end(), hi)
            if passive is None:
                return None, None
            cue = _trim_span(text, backward.start(), backward.end())
            return _Draft(
                *passive, "indirect", pi, cue=cue, entity=entity, anchor=entity.start
            ), None
        if entity is not None:
            cue = _trim_span(text, backward.start(), backward.end())
            return _Draft(
                lo, lo, "indirect", pi, cue=cue, entity=entity, anchor=entity.start
            ), "backward"
    clause: tuple[int, int] | None
    has_according = index.has_folded(b"according", lo, hi)
    according = _ACCORDING_START.match(text, lo, hi) if has_according else None
    if according is not None:
        comma = text.find(",", according.end(), min(hi, according.end() + 250))
        if comma > 0:
            entity = _entity_after(ctx, according.end(), comma)
            after_comma = _source_apposition_end(ctx, comma + 1, hi)
            clause = _clause(ctx, after_comma, hi)
            if entity is not None and clause is not None:
                cue = _trim_span(text, according.start(), according.end())
                return _Draft(
                    *clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start
                ), None
    for according_end in _ACCORDING_END.finditer(text, lo, hi) if has_according else ():
        entity = _entity_after(ctx, according_end.end(), hi)
        clause = _clause(ctx, lo, according_end.start())
        if entity is not None and clause is not None:
            cue = _trim_span(text, according_end.start(), according_end.end())
            return _Draft(*clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start), None
        break
    head = text[lo : min(hi, lo + 7)]  # "As", "Like" or "Just" after up to three non-words
    as_start = (
        _AS_START.match(text, lo, hi) if "As" in head or "Like" in head or "Just" in head else None
    )
    if as_start is not None:
        for verb in ctx.index.verbs(lex.verb_re, as_start.end(), min(hi, as_start.end() + 160)):
            entity = _entity_before(ctx, as_start.end(), verb.start())
            if entity is None:
                break
            cue, cue_end = _cue_span(ctx, verb, hi)
            adjunct = _ADJUNCT.match(text, cue_end, hi)
            after = adjunct.end() if adjunct is not None else cue_end
            comma_match = _COMMA_AHEAD.match(text[after:hi])
            if comma_match is None:
                break
            clause = _clause(ctx, after + comma_match.end(), hi)
            if clause is not None:
                return _Draft(
                    *clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start
                ), None
            break
    quoted = _QUOTED_AS_SAYING.search(text, lo, hi) if index.has(b"quoted", lo, hi) else None
    if quoted is not None:
        entity = _entity_before(ctx, lo, quoted.start())
        clause = _clause(ctx, quoted.end(), hi)
        if entity is not None and clause is not None:
            cue = _trim_span(text, quoted.start(), quoted.end())
            return _Draft(*clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start), None
    expression = lex.expression_re.search(text, lo, hi) if index.has(b"that", lo, hi) else None
    if expression is not None:
        entity = _entity_before(ctx, lo, expression.start())
        clause = _clause(ctx, expression.end(), hi)
        if entity is not None and clause is not None and _subject_ok(ctx, lo, entity):
            cue = _trim_span(text, expression.start(), expression.end())
            return _Draft(*clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start), None
    count = 0
    for verb in ctx.index.verbs(lex.verb_re, lo, hi):
        count += 1
        if count > 8:
            break
        form = verb.group().casefold()
        lemma = _lemma(ctx, verb)
        if lemma in lex.question_verbs:
            continue
        if lex.modal_end_re.search(text, max(lo, verb.start() - 16), verb.start()):
            continue  # "That was all he would say": no report
        if _noun_use(text, lo, verb.start(), form == lemma and lemma not in ctx.qlex.never_nouns):
            continue  # "a neighbouring state government": a noun, no verb
        if form.endswith("ing"):
            found = _participle(ctx, pi, lo, hi, verb)
            if found is not None:
                return found, None
            continue
        cue, cue_end = _cue_span(ctx, verb, hi)
        reported = _reported_clause(ctx, lemma, cue_end, hi)
        if (
            reported is None
            and not forward_only
            and lemma in ctx.qlex.bare_report_verbs
            and not text[cue_end:hi].strip(" \t\r\n.")
            and text[ctx.paragraphs[pi][0] : lo].strip()
        ):
            # "... by 2027. The press service of the City Hall reported.": the sentence
            # before, in the same paragraph, is reported
            bare = _entity_before(ctx, lo, verb.start())
            if (
                bare is not None
                and bare.kind != "pronoun"
                and bare.start == _lstrip_start(text, lo, hi)
            ):
                return _Draft(
                    lo, lo, "indirect", pi, cue=cue, entity=bare, anchor=bare.start
                ), "backward"
        if reported is not None and not forward_only and _outer_attribution(ctx, reported, hi):
            continue  # "X estimates that ..., its president said": the later verb frames
        if reported is None and text.find(",", lo, verb.start()) < 0:
            # (Performance.) Every report below needs the clause the verb reports or a
            # comma before the verb: no speaker is looked for when there is neither.
            continue
        entity = _entity_before(ctx, lo, verb.start())
        if entity is None and _COORDINATED.search(text, max(lo, verb.start() - 20), verb.start()):
            # "X criticised ... and said ...", "The minister welcomed the move but said"
            entity = _unit_subject(ctx, lo, verb.start()) or _opening_subject(ctx, lo, verb.start())
        if entity is not None and reported is not None and entity.start > lo:
            _absorb_qualifiers(ctx, lo, entity)  # "A METI official said ..."
        if (
            entity is not None
            and lemma in ("report", "inform")
            and (entity.name in lex.agencies or entity.kind == "pronoun")
        ):
            # "Azernews reports that ...": the agency relays, it is not the source; the
            # source is whoever it cites ("..., Azernews reports citing the ministry").
            citing = _CITING.match(text, cue_end, hi)
            source = _entity_after(ctx, citing.end(), hi) if citing is not None else None
            postposed = _comma_before(text, lo, entity.start)
            if source is not None and postposed is not None:
                clause = _postposed_clause(ctx, lo, postposed)
                if clause is not None:
                    cue = _span(text, verb.start(), _rstrip_ws(text, verb.start(), citing.end()))  # type: ignore[union-attr]
                    return _Draft(
                        *clause, "indirect", pi, cue=cue, entity=source, anchor=cue.start
                    ), None
            continue
        participle = (
            lex.participle_re.search(text, cue_end, hi) if index.has(b"that", cue_end, hi) else None
        )
        tail_end = participle.start() if participle is not None else hi
        if (
            entity is not None
            and entity.kind == "name"
            and not forward_only
            and not _subject_ok(ctx, lo, entity)
            and _tail_is_short(ctx, cue_end, tail_end)
        ):
            # "..., the head of the security committee Kamchybek Tashiev told reporters."
            titled = _titled_postposed(ctx, lo, entity)
            if titled is not None:
                return _Draft(
                    *titled, "indirect", pi, cue=cue, entity=entity, anchor=cue.start
                ), None
        if entity is not None and _subject_ok(ctx, lo, entity):
            if reported is not None:
                return _Draft(
                    *reported, "indirect", pi, cue=cue, entity=entity, anchor=cue.start
                ), None
            # Postposed: "..., X said." -- the rest of the sentence is short.
            if not forward_only and _tail_is_short(ctx, cue_end, tail_end):
                postposed = _comma_before(text, lo, entity.start)
                if postposed is not None:
                    clause = _postposed_clause(ctx, lo, postposed)
                    if clause is not None:
                        return _Draft(
                            *clause, "indirect", pi, cue=cue, entity=entity, anchor=cue.start
                        ), None
        elif entity is None and not forward_only and lemma not in lex.addressee_verbs:
            # Inversion: "..., said Mr Smith." (never "..., told X": X is the hearer).
            inverted_comma = _comma_before(text, lo, verb.start())
            if inverted_comma is not None and _tail_is_short(
                ctx, cue_end, tail_end, allow_name=True
            ):
                inverted = _entity_after(ctx, cue_end, tail_end)
                clause = _postposed_clause(ctx, lo, inverted_comma)
                if inverted is not None and inverted.kind != "pronoun" and clause is not None:
                    return _Draft(
                        *clause, "indirect", pi, cue=cue, entity=inverted, anchor=cue.start
                    ), None
    return None, None


def _outer_attribution(ctx: _Context, reported: tuple[int, int], hi: int) -> bool:
    """True when the reported clause ends in a postposed attribution of its own.

    "The institute estimates that 1.2 million people could be affected, its president
    said on Thursday.": a comma, a short subject, a speech verb and at most a few words
    (a time, a place) close the sentence, so the whole sentence is what that speaker
    said.
    """
    text = ctx.text
    if text.find(",", reported[0], reported[1]) < 0:
        return False
    for verb in ctx.index.verbs(ctx.lex.verb_re, reported[0], hi):
        if verb.group().casefold().endswith("ing"):
            continue
        comma = text.rfind(",", reported[0], verb.start())
        if comma < 0 or not 1 <= count_words(text, 5, comma + 1, verb.start()) <= 4:
            continue
        _, cue_end = _cue_span(ctx, verb, hi)
        tail = text[cue_end:hi]
        if count_words(tail, 7) > 6 or " that " in f" {tail} ":
            continue
        entity = _entity_before(ctx, comma + 1, verb.start())
        if entity is None:
            continue
        if _lemma(ctx, verb) in ("report", "inform") and entity.name in ctx.lex.agencies:
            continue  # "..., Interfax reports.": the agency relays, it does not frame
        return True
    return False


def _reported_clause(ctx: _Context, lemma: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """The clause a speech verb (cue ending at ``cue_end``) reports: ``said (that) ...``.

    None when there is none, or when it holds a backward attribution of its own.
    """
    text, lex = ctx.text, ctx.lex
    after = cue_end
    aside_re = ctx.qlex.aside_re
    if aside_re is not None and text[cue_end : cue_end + 4].lstrip().startswith(","):
        aside = aside_re.match(text, cue_end, hi)  # "warned, however, that"
        if aside is not None:
            after = cue_end = aside.end()
    for _ in range(2):  # "told reporters afterwards that", "said separately that"
        timed = lex.time_adjunct_re.match(text, after, hi)
        if timed is None:
            break
        after = timed.end()
    adjunct = _ADJUNCT.match(text, after, hi)
    if adjunct is not None:
        after = adjunct.end()
    focus_re = ctx.qlex.focus_re
    focus = focus_re.match(text, after, hi) if focus_re is not None else None
    if focus is not None:
        after = focus.end()  # "saying only that"
    that = _THAT.match(text, after, hi)
    clause = None
    if that is not None and that.end() > after:
        clause = _clause(ctx, that.end(), hi)
    elif lemma in lex.without_that:
        after = cue_end
        for _ in range(2):
            timed = lex.time_adjunct_re.match(text, after, hi)
            if timed is None:
                break
            after = timed.end()
        pos = _lstrip_start(text, after, hi)
        if pos > after and text[after:pos].strip() == "" and _is_clause_start(ctx, pos, hi):
            clause = _clause(ctx, pos, hi)
    if clause is not None and lex.backward_re.search(text, clause[0], clause[1]) is None:
        return clause
    return None


_CUE_LEADS = frozenset(("", "its", "his", "her", "their", "our"))
"""Words allowed before the speaker right after a quotation ('," its chief executive said')."""
_ACRONYM_INSIDE = regex.compile(r"\p{Lu}[\p{L}\p{N}&-]{1,12}+")
_TITLE_STOPS = frozenset('.;:!?"“”«»')


_DETERMINERS = frozenset(
    ("a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "every")
)


def _noun_use(text: str, lo: int, start: int, bare: bool) -> bool:
    """True when the verb form at ``start`` is used as a noun.

    Right after a determiner ("the report said", "a statement") it is; a bare form
    ("state", "report", "note") after a possessive ("Putin's state visit") or after a
    determiner and one singular word ("a neighbouring state government") too. "The
    companies report that ..." keeps its verb.
    """
    words = text[max(lo, start - 40) : start].split()
    if words and words[-1].casefold() in _DETERMINERS:
        return True
    if bare and words and words[-1].endswith(_APOSTROPHE_S):
        return True  # "Putin's state visit"
    return (
        bare
        and len(words) >= 2
        and words[-2].casefold() in _DETERMINERS
        and words[-1].isalpha()
        and words[-1].islower()
        and not words[-1].endswith("s")
    )


def _titled_postposed(ctx: _Context, lo: int, entity: Entity) -> tuple[int, int] | None:
    """The reported clause before ``, <title> <Name>`` when the title holds a role noun."""
    text = ctx.text
    comma = text.rfind(",", lo, entity.start)
    if comma < 0:
        return None
    title = _clean(text[comma + 1 : entity.start])
    if not title or count_words(title, 16) > 15 or any(c in _TITLE_STOPS for c in title):
        return None
    if _role_noun_of(ctx, title) is None:
        return None
    clause = _clause(ctx, lo, comma)
    if clause is not None and entity.role is None:
        entity.role = _LEADING_ARTICLE.sub("", title)
    return clause


def _participle_after(ctx: _Context, pi: int, first: _Draft, hi: int) -> _Draft | None:
    """``..., he said, adding that ...``: a second reported clause, same speaker.

    When the first clause runs over the participle, it is cut there.
    """
    if first.cue is None or first.entity is None:
        return None
    text = ctx.text
    if not ctx.index.has(b"that", first.cue.end, hi):
        return None  # (Performance.) the participle needs its "that"
    match = ctx.lex.participle_re.search(text, first.cue.end, hi)
    if match is None:
        return None
    clause = _clause(ctx, match.end(), hi)
    if clause is None:
        return None
    if first.start < match.start() < first.end:
        first.end = _rstrip_end(text, first.start, match.start())
    cue = _trim_span(text, match.start(), match.end())
    return _Draft(*clause, "indirect", pi, cue=cue, entity=first.entity, anchor=cue.start)


def _coordinated_after(ctx: _Context, pi: int, first: _Draft, hi: int) -> _Draft | None:
    """``X said ... but warned that ...``: a second speech verb of the same subject.

    The first clause is cut before the conjunction.
    """
    if first.cue is None or first.entity is None or first.end <= first.start:
        return None
    text, lex = ctx.text, ctx.lex
    if not ctx.index.has(b"that", first.start, hi):
        return None  # (Performance.) the second verb needs its "that"
    for verb in ctx.index.verbs(lex.verb_re, first.start, min(hi, first.end + 1)):
        form = verb.group().casefold()
        lemma = _lemma(ctx, verb)
        if form == lemma or form.endswith("ing") or lemma in lex.question_verbs:
            continue  # a past form only: "but warned", "and noted"
        joined = _COORDINATED.search(text, max(first.start, verb.start() - 20), verb.start())
        if joined is None:
            continue
        cue_end = verb.end()
        aside_re = ctx.qlex.aside_re
        aside = aside_re.match(text, cue_end, hi) if aside_re is not None else None
        that = _THAT.match(text, aside.end() if aside is not None else cue_end, hi)
        if that is None or "that" not in text[that.start() : that.end()]:
            continue
        clause = _clause(ctx, that.end(), hi)
        cut = _rstrip_end(text, first.start, joined.start())
        if clause is None or count_words(text, 3, first.start, cut) < 3:
            return None
        first.end = cut
        cue = _span(text, verb.start(), verb.end())
        return _Draft(*clause, "indirect", pi, cue=cue, entity=first.entity, anchor=cue.start)
    return None


def _trim_span(text: str, lo: int, hi: int) -> Span:
    """A span of ``text[lo:hi]`` without surrounding white space and punctuation."""
    while lo < hi and not text[lo].isalnum():
        lo += 1
    while hi > lo and not text[hi - 1].isalnum():
        hi -= 1
    return _span(text, lo, hi)


def _comma_before(text: str, lo: int, pos: int) -> int | None:
    end = _rstrip_ws(text, lo, pos)
    if end > lo and text[end - 1] == ",":
        return end - 1
    return None


def _tail_is_short(ctx: _Context, pos: int, hi: int, allow_name: bool = False) -> bool:
    tail = ctx.text[pos:hi].strip()
    return (
        count_words(tail, 26 if allow_name else 13) <= (25 if allow_name else 12)
        and " that " not in f" {tail} "
    )


def _participle(ctx: _Context, pi: int, lo: int, hi: int, verb: regex.Match[str]) -> _Draft | None:
    """``..., stressing that ...``: the subject of the sentence is the speaker."""
    text = ctx.text
    comma = _comma_before(text, lo, verb.start())
    if comma is None:
        return None
    after = verb.end()
    focus = ctx.qlex.focus_re.match(text, after, hi) if ctx.qlex.focus_re is not None else None
    if focus is not None:
        after = focus.end()  # "..., saying only that ..."
    that = _THAT.match(text, after, hi)
    clause_start = that.end() if that is not None and that.end() > after else None
    if clause_start is None and _lemma(ctx, verb) in ctx.lex.without_that:
        pos = _lstrip_start(text, verb.end(), hi)
        if pos > verb.end() and _is_clause_start(ctx, pos, hi):
            clause_start = pos  # "..., saying they had paid no tax"
    if clause_start is None:
        return None
    hits = ctx.lex.name_hits(text, lo, comma)
    subject = None
    for hit in hits:
        person = _match_person(ctx, hit.name)
        if person is not None:
            subject = Entity(
                "name",
                hit.core_start,
                hit.core_end,
                text[hit.core_start : hit.core_end],
                person.name,
            )
            break
    if subject is None:
        subject = _unit_subject(ctx, lo, comma)
    if subject is None:
        return None
    clause = _clause(ctx, clause_start, hi)
    if clause is None:
        return None
    cue = _span(text, verb.start(), verb.end())
    return _Draft(*clause, "indirect", pi, cue=cue, entity=subject, anchor=cue.start)


def _unit_subject(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """The subject pronoun or person that opens the sentence ``lo:hi``."""
    text, lex = ctx.text, ctx.lex
    start = _lstrip_start(text, lo, hi)
    pronoun = lex.pronoun_re.match(text, start, hi)
    if pronoun is not None and not text[pronoun.end() : pronoun.end() + 1].isalpha():
        word = pronoun.group()
        return Entity("pronoun", start, pronoun.end(), word, word.casefold())
    for hit in lex.name_hits(text, start, min(hi, start + 160))[:2]:
        person = _match_person(ctx, hit.name)
        if person is not None:
            title = title_before(text, start, hit.core_start, lex)
            begin = title[1] if title is not None and title[1] < hit.start else hit.start
            return Entity(
                "name",
                begin,
                hit.core_end,
                _clean(text[begin : hit.core_end]),
                person.name,
                role=title[0] if title is not None else None,
            )
    return None


def _opening_subject(ctx: _Context, lo: int, hi: int) -> Entity | None:
    """A name, description, group or organisation opening the sentence ``lo:hi``.

    It must be followed by a lower-case word (its verb): "The minister welcomed the move
    but said ...", "Environmental activists welcomed the decision but said ...".
    """
    text = ctx.text
    start = _lstrip_start(text, lo, hi)
    while start < hi and text[start] in "\"“«'‘(":
        start += 1
    lex = ctx.lex
    entity = None
    for kind, pattern in (
        ("description", lex.description_re),
        ("group", lex.group_re),
        ("organisation", lex.organisation_re),
    ):
        match = pattern.match(text, start, hi)
        if match is not None and not text[match.end() : match.end() + 1].isalpha():
            entity = _entity_from_match(ctx, kind, match)
            break
    if entity is None:
        entity = _entity_after(ctx, start, hi)
        if entity is not None and entity.kind == "name" and " " not in entity.text:
            return None  # "Environmental activists": one capitalised word is no name here
    if entity is None or entity.kind == "pronoun" or entity.start != start:
        return None
    after = entity.end
    if text[after : after + 3].lstrip().startswith(","):
        # "Protest organizers, most of them young people, welcomed the move but said"
        closing = text.find(",", text.find(",", after) + 1, min(hi, after + 160))
        if closing < 0:
            return None
        after = closing + 1
    follow = _WORD.match(text, _lstrip_start(text, after, hi), hi)
    if (
        follow is None
        or not follow.group()[:1].islower()
        or text[after : follow.start()].strip(" ,")
        or follow.group() in ctx.lex.subject_stopwords
    ):
        return None
    return entity


_SPAN_LEAD = " \t\n\r,;:.!?\"'”’»)]–—-"
"""What may stand between a quotation or cue and the text a backward cue refers to."""


def _backward_span(
    ctx: _Context, pi: int, unit_lo: int, taken: Sequence[tuple[int, int]]
) -> tuple[int, int, int] | None:
    """What a backward attribution refers to: the text before it.

    That is the start of its own paragraph, or else the paragraphs just before that
    hold no quotation.
    """
    text = ctx.text
    p_lo, _ = ctx.paragraphs[pi]
    # Not back over a quotation or cue already found in this paragraph: in one long
    # paragraph every backward cue would otherwise reach back to its start, and the
    # quotations would overlap and grow with the paragraph (quadratic output).
    after = max((e for _, e in taken if p_lo <= e <= unit_lo), default=None)
    start = p_lo if after is None else after
    while start < unit_lo and text[start] in _SPAN_LEAD:
        start += 1
    end = _rstrip_ws(text, start, unit_lo)
    if end > start and count_words(text, 4, start, end) >= 4:
        return start, end, pi
    if after is not None:
        return None
    first = None
    for back in range(pi - 1, max(-1, pi - 1 - _BACK_PARAGRAPHS), -1):
        b_lo, b_hi = ctx.paragraphs[back]
        if any(s < b_hi and b_lo < e for s, e in taken):
            break
        first = back
    if first is None:
        return None
    start = ctx.paragraphs[first][0]
    stop = _rstrip_ws(text, start, ctx.paragraphs[pi - 1][1])
    return start, stop, first


# -- interviews ---------------------------------------------------------------------------


def _interview(ctx: _Context) -> tuple[list[_Draft], set[int]]:
    """Answers of an interview laid out as dash-led or labelled turns."""
    text, lex = ctx.text, ctx.lex
    turns: list[tuple[int, str, int, str | None]] = []  # (paragraph, kind, content start, label)
    for pi, (lo, hi) in enumerate(ctx.paragraphs):
        # (Performance.) A turn dash stands in the first six characters, a label's colon
        # in the first _LABEL_REACH: no pattern is tried on a paragraph without them.
        head = text[lo : min(hi, lo + 6)]
        dash = (
            _TURN_DASH.match(text, lo, hi)
            if "-" in head or "–" in head or "—" in head or "―" in head
            else None
        )
        if dash is not None:
            content = text[dash.end() : hi].rstrip()
            kind = "q" if content.endswith("?") else "a"
            turns.append((pi, kind, dash.end(), None))
            continue
        if text.find(":", lo, min(hi, lo + _LABEL_REACH)) < 0:
            continue
        label = _TURN_LABEL.match(text, lo, hi)
        if label is not None:
            name = label.group("label")
            if name in _QUESTION_LABELS:
                turns.append((pi, "q", label.end(), None))
            elif name in _ANSWER_LABELS:
                turns.append((pi, "a", label.end(), None))
            elif name in lex.agencies or name.casefold() in ("interviewer", "journalist"):
                turns.append((pi, "q", label.end(), None))
            elif match_person(name, ctx.persons, lex) is not None or lex.looks_like_person(name):
                turns.append((pi, "a", label.end(), name))
    if len(turns) < 2 or not any(kind == "q" for _, kind, _, _ in turns):
        return [], set()
    first = turns[0][0]
    last_turn = turns[-1][0]
    interviewee = _interviewee(ctx, first, turns)
    drafts: list[_Draft] = []
    skip: set[int] = set()
    turn_at = {pi: (kind, start, label) for pi, kind, start, label in turns}
    state = None
    last_speaker: PersonRecord | None = interviewee
    for pi in range(first, len(ctx.paragraphs)):
        lo, hi = ctx.paragraphs[pi]
        skip.add(pi)
        if pi in turn_at:
            kind, start, turn_label = turn_at[pi]
            state = kind
            if kind == "q":
                continue
            speaker = interviewee
            if turn_label is not None:
                speaker = match_person(turn_label, ctx.persons, lex) or _new_person(
                    ctx, turn_label, start
                )
            last_speaker = speaker
            end = _rstrip_ws(text, start, hi)
            cue = _trim_label(text, lo, start)
            drafts.append(_Draft(start, end, "direct", pi, cue=cue, anchor=start, fixed=speaker))
            continue
        if state == "a":
            start = _lstrip_start(text, lo, hi)
            end = _rstrip_ws(text, start, hi)
            if pi > last_turn and _reports_speech(ctx, pi, start, end):
                # "Gasimov noted that ..." after the last turn: the narrative goes on
                skip.discard(pi)
                break
            if (
                count_words(text, 5, start, end) >= 5
                and _EDITOR_NOTE.search(text, start, end) is None
            ):
                drafts.append(_Draft(start, end, "direct", pi, anchor=start, fixed=last_speaker))
    return drafts, skip


def _reports_speech(ctx: _Context, pi: int, lo: int, hi: int) -> bool:
    """True when ``lo:hi`` reports what a named person or "he"/"she" said."""
    found, _ = _indirect_in_unit(ctx, pi, lo, hi)
    return (
        found is not None and found.entity is not None and found.entity.kind in ("name", "pronoun")
    )


def _trim_label(text: str, lo: int, hi: int) -> Span:
    while lo < hi and text[lo].isspace():
        lo += 1
    return _span(text, lo, _rstrip_ws(text, lo, hi))


def _interviewee(
    ctx: _Context, first: int, turns: list[tuple[int, str, int, str | None]]
) -> PersonRecord | None:
    text, lex = ctx.text, ctx.lex
    lead_lo = ctx.paragraphs[0][0]
    lead_hi = ctx.paragraphs[first][0]
    for verb in lex.lead_verb_re.finditer(text[lead_lo:lead_hi]):
        pos = lead_lo + verb.start()
        unit_lo = max(lead_lo, text.rfind(".", lead_lo, pos) + 1)
        entity = _entity_before(ctx, unit_lo, pos, names_only=True)
        if entity is not None and entity.kind == "name":
            person = match_person(entity.name, ctx.persons, lex)
            if person is not None:
                return person
            return _new_person(ctx, entity.name, entity.start, entity.role)
    in_lead = [p for p in ctx.persons if any(lead_lo <= m.start < lead_hi for m in p.mentions)]
    with_roles = [p for p in in_lead if p.roles]
    if with_roles:
        return with_roles[-1]
    if in_lead:
        return in_lead[-1]
    question = next((t for t in turns if t[1] == "q"), None)
    if question is not None:
        address = _ADDRESS.match(text[question[2] : question[2] + 60])
        if address is not None:
            person = match_person(address.group(1), ctx.persons, lex)
            if person is not None:
                return person
    return None


def _match_person(ctx: _Context, name: str) -> PersonRecord | None:
    """``match_person(name, ctx.persons, lex)``, remembered while no person is added."""
    key = (name, len(ctx.persons))
    if key in ctx.matched:
        return ctx.matched[key]
    person = ctx.matched[key] = match_person(name, ctx.persons, ctx.lex)
    return person


def _new_person(ctx: _Context, name: str, pos: int, role: str | None = None) -> PersonRecord:
    person = PersonRecord(ctx.lex.canonical(name))
    person.add_role(role)
    ctx.persons.append(person)
    return person


# -- speakers -----------------------------------------------------------------------------


def _subject_events(ctx: _Context, protected: Sequence[tuple[int, int]]) -> None:
    """The first person named in each sentence outside quotations: the likely subject."""
    mentions = sorted(
        ((m.start, m.end, p) for p in ctx.persons for m in p.mentions), key=lambda x: x[0]
    )
    mi = 0
    spans = _SpanIndex(protected)
    for units in ctx.units:
        for lo, hi in units:
            while mi < len(mentions) and mentions[mi][0] < lo:
                mi += 1
            j = mi
            while j < len(mentions) and mentions[j][0] < hi:
                start = mentions[j][0]
                if not spans.covers(start):
                    ctx.events.append((start, mentions[j][2]))
                    break
                j += 1
    ctx.events.sort(key=lambda e: e[0])


def _compatible(person: PersonRecord, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender


def _latest(ctx: _Context, pos: int, gender: str | None) -> PersonRecord | None:
    i = bisect.bisect_left(ctx.events, pos, key=lambda e: e[0])
    for start, person in reversed(ctx.events[max(0, i - 200) : i]):
        if start < pos and _compatible(person, gender):
            return person
    return None


def _add_event(ctx: _Context, pos: int, person: PersonRecord) -> None:
    bisect.insort(ctx.events, (pos, person), key=lambda e: e[0])


def _starts(ctx: _Context, person: PersonRecord) -> list[int]:
    starts = ctx.mention_starts.get(id(person))
    if starts is None:
        starts = sorted(m.start for m in person.mentions)
        ctx.mention_starts[id(person)] = starts
    return starts


def _add_mention(ctx: _Context, person: PersonRecord, mention: Span) -> None:
    if mention.start in ctx.seen_mentions:
        return
    ctx.seen_mentions.add(mention.start)
    person.mentions.append(mention)
    bisect.insort(_starts(ctx, person), mention.start)


def _has_phrase(text: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in ``text`` as whole words."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if not before.isalpha() and not after.isalpha():
            return True
        start = text.find(phrase, start + 1)
    return False


def _role_matches(ctx: _Context, person: PersonRecord, noun: str, country: str | None) -> int:
    """2: same role noun, 1: same group of roles, 0: no match."""
    lex = ctx.lex
    best = 0
    group = lex.role_group.get(noun)
    for role in person.roles:
        same_noun = _has_phrase(role.casefold(), noun)
        if not same_noun and (group is None or best == 1):
            continue  # (Performance.) this role cannot raise the score
        if country is not None:
            role_country = _country_in(ctx, role)
            if role_country is not None and role_country != country:
                continue
        if same_noun:
            return 2  # (Performance.) the best score: the other roles cannot change it
        groups = ctx.role_groups.get(role)
        if groups is None:
            groups = ctx.role_groups[role] = [
                lex.role_group.get(" ".join(match.group().casefold().split()))
                for match in lex.role_matches(role)
            ]
        if group in groups:
            best = 1
    return best


def _role_noun_of(ctx: _Context, phrase: str) -> str | None:
    """``lex.role_noun_of(phrase)``, remembered for the article (titles recur)."""
    if phrase in ctx.role_nouns:
        return ctx.role_nouns[phrase]
    noun = ctx.role_nouns[phrase] = ctx.lex.role_noun_of(phrase)
    return noun


def _country_in(ctx: _Context, phrase: str) -> str | None:
    """``lex.country_in(phrase)``, remembered for the article (roles are asked often)."""
    if phrase in ctx.countries:
        return ctx.countries[phrase]
    country = ctx.countries[phrase] = ctx.lex.country_in(phrase)
    return country


def _resolve_description(ctx: _Context, entity: Entity, pos: int) -> PersonRecord | None:
    noun = entity.role_noun
    if not noun:
        return None
    scored = []
    for person in ctx.persons:
        score = _role_matches(ctx, person, noun, entity.country)
        if score == 0:
            continue
        country_bonus = 0
        if entity.country is not None and any(
            _country_in(ctx, r) == entity.country for r in person.roles
        ):
            country_bonus = 1
        starts = _starts(ctx, person)
        i = bisect.bisect_left(starts, pos)
        recency = starts[i - 1] if i > 0 else -1
        scored.append((country_bonus, score, recency, person))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    return scored[-1][3]


def _speaker_for_person(
    ctx: _Context, person: PersonRecord, mention: Span | None, role: str | None
) -> Speaker:
    role = role or (person.roles[0] if person.roles else None)
    organisation = _affiliation(ctx, role)
    if organisation is None:
        for other in person.roles:
            organisation = _affiliation(ctx, other)
            if organisation:
                break
    return Speaker(person.name, "person", role, organisation, mention)


def _affiliation(ctx: _Context, role: str | None) -> str | None:
    """``affiliation(role)``, remembered for the article (a speaker's roles recur)."""
    if role is None:
        return None
    if role in ctx.affiliations:
        return ctx.affiliations[role]
    found = ctx.affiliations[role] = affiliation(role)
    return found


def _resolve(ctx: _Context, draft: _Draft) -> Speaker | None:
    entity = draft.entity
    if draft.fixed is not None:
        return _speaker_for_person(ctx, draft.fixed, None, None)
    if entity is None:
        return None
    text, lex = ctx.text, ctx.lex
    mention = Span(_clean(text[entity.start : entity.end]), entity.start, entity.end)
    if entity.kind == "pronoun":
        nature = lex.pronouns.get(entity.name, "person")
        if nature in ("male", "female", "person"):
            person = _latest(ctx, entity.start, nature if nature != "person" else None)
            if person is not None:
                _add_mention(ctx, person, mention)
                return _speaker_for_person(ctx, person, mention, None)
            return Speaker(entity.text, "unknown", None, None, mention)
        if nature in ("thing", "group"):
            i = bisect.bisect_left(ctx.source_events, entity.start, key=lambda e: e[0])
            if i > 0 and ctx.source_events[i - 1][2] == "document":
                _, name, kind = ctx.source_events[i - 1]
                return Speaker(name, kind, None, None, mention)  # type: ignore[arg-type]
            nearest = _nearest_organisation(ctx, entity.start)
            if nearest is not None:
                return Speaker(nearest, "organisation", None, None, mention)
        if nature == "group":
            person = _latest(ctx, entity.start, None)
            if person is not None and entity.name == "we":
                return _speaker_for_person(ctx, person, mention, None)
        return Speaker(entity.text, "unknown", None, None, mention)
    if entity.kind == "name":
        person = match_person(entity.name, ctx.persons, lex, prefer_before=entity.start)
        if person is None:
            person = _new_person(ctx, entity.name, entity.start, entity.role)
            person.gender = entity.gender
        elif entity.role:
            person.add_role(entity.role)
        _add_mention(ctx, person, mention)
        return _speaker_for_person(ctx, person, mention, entity.role)
    if entity.kind == "description":
        person = _resolve_description(ctx, entity, entity.start)
        if person is not None:
            _add_mention(ctx, person, mention)
            return _speaker_for_person(ctx, person, mention, None)
        name = _description_alias(ctx, entity.name)
        return Speaker(name, "person", name, affiliation(name), mention)
    if entity.kind == "group":
        # "Prosecutors from the Serious Fraud Office": the institution speaks.
        of = _GROUP_OF.search(entity.name)
        if of is not None and (
            lex.organisation_re.fullmatch(of.group(1)) or count_words(of.group(1), 2) >= 2
        ):
            return Speaker(_source_name(lex, of.group(1)), "organisation", None, None, mention)
        return Speaker(entity.name, "unknown", None, None, mention)
    kind = "document" if entity.kind == "document" else "organisation"
    if entity.bare:
        # "the statement said": the statement of the organisation quoted or named last.
        nearest = _nearest_organisation(ctx, entity.start, reach=800)
        if nearest is not None:
            return Speaker(nearest, "organisation", None, None, mention)
    if kind == "organisation" and entity.name.isupper() and len(entity.name) <= 10:
        entity.name = _expand_acronym(ctx, entity.name)
    name = _source_alias(ctx, entity.name, kind, entity.start)
    return Speaker(name, kind, None, None, mention)  # type: ignore[arg-type]


def _expand_acronym(ctx: _Context, acronym: str) -> str:
    """The full name an article gives an acronym: "Central Bank of Azerbaijan (CBA)"."""
    if acronym in ctx.acronyms:
        return ctx.acronyms[acronym] or acronym
    text, lex = ctx.text, ctx.lex
    full = None
    marker = f"({acronym})"
    at = text.find(marker)
    while at >= 0 and full is None:
        end = _rstrip_ws(text, max(0, at - 200), at)
        match = _organisation_at_end(ctx, max(0, at - 200), end)
        if match is None:
            match = _anchored_end(_CAPITALISED_RUN, text, max(0, at - 200), end)
        if match is not None:
            full = _source_name(lex, _clean(match.group()))
        at = text.find(marker, at + 1)
    ctx.acronyms[acronym] = full
    return full or acronym


def _description_alias(ctx: _Context, name: str) -> str:
    """An unnamed speaker described again: "the diplomat" after "a Western diplomat"."""
    key = words_key(name)
    for known_key, known_name in reversed(ctx.descriptions):
        if key and key <= known_key:
            return known_name
    ctx.descriptions.append((key, name))
    return name


def _nearest_organisation(
    ctx: _Context, pos: int, reach: int = 2000, referent: str | None = None
) -> str | None:
    """The organisation quoted or named last in the ``reach`` characters before ``pos``.

    With a ``referent`` noun that stands for a company ("company", "lender"), an
    organisation named with a head of another kind ("the Securities and Exchange
    Commission", a government body) is passed over.
    """
    text, lex = ctx.text, ctx.lex
    # (Only companies: "the bloc" may be a party or the European Union.)
    wanted = "company" if referent and ctx.qlex.referent_kinds.get(referent) == "company" else None
    head_kinds = ctx.qlex.head_kinds
    last = None
    lo = max(0, pos - reach)
    # (Performance.) No match without an organisation noun in the window.
    found = (
        lex.organisation_re.finditer(text, lo, pos)
        if _noun_in(ctx, "organisation", lo, pos)
        else ()
    )
    for match in found:
        named = _LEADING_ARTICLE.sub("", match.group())
        if count_words(named, 2) >= 2 and named[:1].isupper():
            head_kind = head_kinds.get(named.rsplit(maxsplit=1)[-1].casefold())
            if wanted is not None and head_kind is not None and head_kind != wanted:
                continue  # "the company" is no commission
            last = match
    for acronym in lex.acronym_re.finditer(text, last.end() if last else lo, pos):
        word = _LEADING_ARTICLE.sub("", acronym.group())
        line = text.rfind("\n", 0, acronym.start()) + 1
        # a dateline ("VILNIUS, May 5", "NEW YORK, May 3"): capitals from the line start
        line_start = _DATELINE_CAPS.fullmatch(text, line, acronym.start()) is not None
        if not (
            line_start  # a dateline ("VILNIUS, May 5")
            or word.casefold() in lex.country_of
            or word.capitalize() in lex.not_name
            or word in lex.agencies
            or len(word) < 3
        ):
            last = acronym
    i = bisect.bisect_left(ctx.source_events, pos, key=lambda e: e[0])
    quoted = None
    for q_pos, q_name, q_kind in reversed(ctx.source_events[:i]):
        if q_kind == "organisation" and q_pos >= lo:
            quoted = (q_pos, q_name)
            break
    if last is None or (quoted is not None and quoted[0] > last.start()):
        return None if quoted is None else quoted[1]
    return _source_name(lex, _clean(last.group()))


def _source_alias(ctx: _Context, name: str, kind: str, pos: int) -> str:
    key = words_key(name)
    for known_key, known_name, _ in ctx.sources:
        if key and key <= known_key:
            return known_name
    lex = ctx.lex
    head = name.rsplit(maxsplit=1)[-1].casefold() if name.split() else ""
    if head in lex.org_nouns and len(name.split()) == 1:
        # "the ministry": the last organisation named with that head noun.
        # (Performance.) Both forms of the pattern hold the capitalised head word.
        found = lex.head_pattern(head).search(ctx.text) if head.capitalize() in ctx.text else None
        if found is not None:
            name = _source_name(lex, _clean(found.group()))
        elif head in lex.generic_referents:
            # "the company", "the regulator": the organisation quoted or named last.
            nearest = _nearest_organisation(ctx, pos, referent=head)
            if nearest is not None:
                return nearest
    ctx.sources.append((words_key(name), name, kind))
    return name


def _assign(ctx: _Context, drafts: list[_Draft]) -> None:
    previous: _Draft | None = None
    chains: dict[int, Speaker] = {}
    chains_with_cue = {d.chain for d in drafts if d.entity is not None and d.chain is not None}
    for draft in sorted(drafts, key=lambda d: min(d.start, d.anchor)):
        speaker = _resolve(ctx, draft)
        if speaker is None and draft.inherit:
            if draft.chain is not None and draft.chain in chains:
                speaker = attrs.evolve(chains[draft.chain], mention=None)
            elif draft.chain in chains_with_cue:
                speaker = None  # the cue comes later in the chain
            elif previous is not None and previous.speaker is not None and _near(previous, draft):
                speaker = attrs.evolve(previous.speaker, mention=None)
        draft.speaker = speaker
        if speaker is not None:
            if draft.chain is not None:
                chains.setdefault(draft.chain, speaker)
            pos = draft.anchor if draft.cue is not None else draft.start
            person = _match_person(ctx, speaker.name) if speaker.kind == "person" else None
            if person is not None:
                _add_event(ctx, pos, person)
            elif speaker.kind in ("organisation", "document"):
                ctx.source_events.append((pos, speaker.name, speaker.kind))
        previous = draft
    for draft in drafts:
        if draft.speaker is None and draft.chain is not None and draft.chain in chains:
            draft.speaker = attrs.evolve(chains[draft.chain], mention=None)


def _near(previous: _Draft, draft: _Draft) -> bool:
    """A cue-less quotation continues the one before when nothing else intervenes."""
    return draft.paragraph - previous.paragraph <= 1


# -- the parser ---------------------------------------------------------------------------


def find_quotes(draft: Draft) -> None:
    """Fill ``draft.quotes`` (and complete ``draft.people``) from the body paragraphs."""
    paragraphs = paragraph_spans(draft)
    if not paragraphs:
        return
    lex = name_lex(draft.lexicon)
    text = draft.text
    persons = [_record(p, lex) for p in draft.people]
    qlex = quote_lex(draft.lexicon)
    ctx = _Context(text, lex, paragraphs, persons, qlex, TextIndex(text, qlex))
    segments = find_segments(text, paragraphs)
    closed = _SpanIndex((s.open_pos, s.close_end) for s in segments if s.closed)
    terminals = terminal_positions(
        text, min(lo for lo, _ in paragraphs), max(hi for _, hi in paragraphs)
    )
    bisect_left = bisect.bisect_left
    ctx.units = [
        sentence_units(
            text,
            lo,
            hi,
            lex.abbreviations,
            closed.near(lo, hi),
            terminals=terminals[bisect_left(terminals, lo) : bisect_left(terminals, hi)],
        )
        for lo, hi in paragraphs
    ]
    ctx.unit_starts = [[u[0] for u in units] for units in ctx.units]
    ctx.seen_mentions = {m.start for p in persons for m in p.mentions}
    interview, interview_paragraphs = _interview(ctx)
    direct, rejected = _direct_quotes(ctx, segments, interview_paragraphs)
    taken = [(d.start, d.end) for d in direct + interview]
    direct_starts = {d.start for d in direct if d.kind == "direct"}
    accepted_marks = [(s.open_pos, s.close_end) for s in segments if s.start in direct_starts]
    busy = _SpanIndex(accepted_marks + taken)
    rejected_index = _SpanIndex((seg.start, seg.end) for seg in rejected)
    indirect: list[_Draft] = []
    for pi in range(len(paragraphs)):
        if pi in interview_paragraphs:
            continue
        for u_lo, unit_hi in ctx.units[pi]:
            u_hi = unit_hi
            if busy.overlaps(u_lo, u_hi):
                # The words before the first quotation of the sentence may report speech
                # of their own ("Saparov noted that ...: \"...\"").
                first_busy = busy.first_start(u_lo, u_hi)
                u_hi = _rstrip_end(text, u_lo, first_busy) if first_busy is not None else u_lo
                if count_words(text, 6, u_lo, u_hi) < 6:
                    continue
            found, how = _indirect_in_unit(ctx, pi, u_lo, u_hi, forward_only=u_hi != unit_hi)
            if found is None:
                continue
            if how == "backward":
                span = _backward_span(
                    ctx,
                    pi,
                    u_lo,
                    taken + [(q.start, q.end) for q in indirect] + _cue_spans(direct + indirect),
                )
                if span is None:
                    continue
                found.start, found.end, found.paragraph = span
            if rejected_index.inside(found.start, found.end):
                found.kind = "mixed"
            indirect.append(found)
            second = _participle_after(ctx, pi, found, u_hi) if how is None else None
            if second is None and how is None:
                second = _coordinated_after(ctx, pi, found, u_hi)
            if found.kind == "mixed" and not rejected_index.inside(found.start, found.end):
                found.kind = "indirect"  # the quoted words went to the second clause
            if second is not None:
                if rejected_index.inside(second.start, second.end):
                    second.kind = "mixed"
                indirect.append(second)
    _subject_events(ctx, accepted_marks + [(d.start, d.end) for d in interview])
    drafts = direct + indirect + interview
    _assign(ctx, drafts)
    for item in sorted(drafts, key=lambda d: d.start):
        draft.quotes.append(
            Quote(
                text=_clean(text[item.start : item.end]),
                kind=item.kind,  # type: ignore[arg-type]
                start=item.start,
                end=item.end,
                paragraph=_paragraph_of(paragraphs, item.start, item.paragraph),
                cue=item.cue,
                speaker=item.speaker,
            )
        )
    _update_people(draft, ctx)


def _paragraph_of(paragraphs: list[tuple[int, int]], pos: int, guess: int) -> int:
    if 0 <= guess < len(paragraphs) and paragraphs[guess][0] <= pos < paragraphs[guess][1]:
        return guess
    for i, (lo, hi) in enumerate(paragraphs):
        if lo <= pos < hi:
            return i
    return max(0, min(guess, len(paragraphs) - 1))


def _cue_spans(drafts: Sequence[_Draft]) -> list[tuple[int, int]]:
    return [(d.cue.start, d.cue.end) for d in drafts if d.cue is not None]


def _record(person: Person, lex: NameLex) -> PersonRecord:
    record = PersonRecord(person.name, list(person.roles), list(person.mentions))
    record.gender = lex.gender_of(person.name)
    return record


def _update_people(draft: Draft, ctx: _Context) -> None:
    people = []
    before = draft.people  # the records of ctx.persons begin with theirs, in order
    for index, record in enumerate(ctx.persons):
        if not record.mentions:
            continue
        if index < len(before) and _unchanged(before[index], record):
            people.append(before[index])  # (Performance.) the Person it would be rebuilt as
            continue
        mentions = sorted(
            {(m.start, m.end): m for m in record.mentions}.values(), key=lambda m: m.start
        )
        people.append(Person(name=record.name, roles=record.roles, mentions=mentions))
    people.sort(key=lambda p: p.mentions[0].start)
    draft.people[:] = people


def _unchanged(person: Person, record: PersonRecord) -> bool:
    """True when ``record`` would give back ``person`` itself (nothing added, in order).

    Its mentions are then those of ``person``, in increasing order of start: sorting
    them and dropping repeated spans changes nothing.
    """
    mentions = person.mentions
    if (
        record.name != person.name
        or len(record.mentions) != len(mentions)
        or len(record.roles) != len(person.roles)
        or any(a is not b for a, b in zip(record.mentions, mentions, strict=True))
        or any(a != b for a, b in zip(record.roles, person.roles, strict=True))
    ):
        return False
    return all(mentions[i].start < mentions[i + 1].start for i in range(len(mentions) - 1))
