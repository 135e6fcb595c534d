"""Find, name, merge and classify the organisations an article mentions.

The parser reads the body paragraphs, the header lines that credit a source (the
``(MENAFN- AzerNews)`` line) and signature lines; it skips boilerplate footers, links and
``By ...`` bylines. In each region a token scanner (:mod:`._orgs_scan`) proposes candidate
names; overlaps are resolved (the longest name wins, but an organisation named inside the
``of``-complement of another, ``Expert Council of the Baku Network``, is kept as well);
then mentions are merged into organisations:

* by known entry (``Kremlin``, ``OSCE``, ``Trend``) and by acronym (``CEC`` after
  ``Central Election Commission (CEC)``);
* by normalised name and by content words, when place words agree
  (``Foreign Ministry`` / ``Ministry of Foreign Affairs``, ``Azerbaijan's Economy
  Ministry`` / ``Azerbaijani Economy Ministry``);
* references back: ``the Commission`` joins the latest commission named before it, ``the
  ministry`` joins the only ministry of the article.

Each organisation comes out once, under the fullest name the article gives, with its kind,
acronym, other forms and every mention with offsets into the original text (below, three
mentions of the commission: its name, the acronym in parentheses and ``The CEC``).

>>> import newsparse
>>> article = newsparse.parse(
...     "Russia's Central Election Commission (CEC) published the results. "
...     "The CEC said turnout was high, the Kremlin said."
... )
>>> [(o.name, o.acronym, o.kind, len(o.mentions)) for o in article.organisations]
[('Central Election Commission', 'CEC', 'government', 3), ('Kremlin', None, 'government', 1)]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter
from typing import cast

import attrs
import regex

from .._draft import Draft
from .._model import Organisation, OrganisationKind, Span
from ._orgs_data import OrgData, org_data, split_tokens
from ._orgs_scan import (
    Candidate,
    LazyTokens,
    Tok,
    WordCache,
    all_tokens,
    region_pairs,
    region_tokens,
    scan_region,
)

__all__ = ["find_organisations"]

# A line-initial byline: "By Trend", "date 2019-10-06 By Reuters Staff". Bounded runs only.
_BYLINE = regex.compile(
    r"^[^\S\n]{0,20}(?:date[^\S\n]{1,5}\S{1,30}[^\S\n]{1,5})?"
    r"(By[^\S\n]{1,5}\p{Lu}[\p{L}\p{M}.'’-]{0,40}+"
    r"(?:[^\S\n]{0,3},?[^\S\n]{1,3}(?:and[^\S\n]{1,3})?\p{Lu}[\p{L}\p{M}.'’-]{0,40}+){0,5}+)"
    r"[^\S\n]{0,20}$",
    regex.MULTILINE,
)
_BLANK = regex.compile(r"\n[^\S\n]{0,200}+\n")
_PRIORITY = {
    "known": 0,
    "acronym": 0,
    "defined": 0,
    "suffix": 1,
    "head": 2,
    "lower": 2,
    "described": 3,
    "backref": 4,
    "lowref": 4,
}
_CONTAINERS = frozenset({"head", "lower"})
# Tokens built before and after each token a check may act at: enough for what the checks
# read in nearly every case; a check that reads further meets a token not built (an
# AttributeError), and the region is scanned again with all its tokens.
_BEFORE, _AFTER = 10, 16
# Regions shorter than this (in characters) are tokenised at once: the lists and windows
# cost more than they save.
_SHORT = 300
_REFS = frozenset({"backref", "lowref"})


@attrs.define
class _Group:
    mentions: list[Candidate] = attrs.field(factory=list)
    entry: int | None = None
    acronym: str | None = None
    heads: set[str] = attrs.field(factory=set)
    places: set[str] = attrs.field(factory=set)
    keys: set[str] = attrs.field(factory=set)
    cores: set[frozenset[str]] = attrs.field(factory=set)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Disjoint spans, sorted, covering the same characters as ``spans``."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _spans_minus(
    start: int, end: int, holes: list[tuple[int, int]], ends: list[int]
) -> list[tuple[int, int]]:
    """``start:end`` without ``holes`` (disjoint and sorted, as :func:`_union` gives).

    ``ends`` are the holes' ends. A binary search finds the first hole that matters, so the
    cost does not grow with the number of holes (many lines against many paragraphs would
    make it quadratic).
    """
    pieces = []
    pos = start
    i = bisect.bisect_right(ends, start)
    while i < len(holes) and holes[i][0] < end:
        hs, he = holes[i]
        if hs > pos:
            pieces.append((pos, hs))
        pos = max(pos, he)
        i += 1
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _regions(draft: Draft) -> list[tuple[int, int, bool]]:
    """The regions to scan, in order: ``(start, end, line)``."""
    text = draft.text
    boilerplate = [(b.start, b.end) for b in draft.boilerplate]
    # (a byline holds "By": no need to run the pattern over a text without one)
    bylines = [m.span(1) for m in _BYLINE.finditer(text)] if "By" in text else []
    holes = _union(boilerplate + bylines)
    hole_ends = [e for _, e in holes]
    regions: list[tuple[int, int, bool]] = []
    if draft.paragraphs:
        blocks = [(p.start, p.end) for p in draft.paragraphs]
    else:
        blocks = []
        pos = draft.body_start
        stop = draft.body_end
        for match in _BLANK.finditer(text, pos, stop):
            blocks.append((pos, match.start()))
            pos = match.end()
        blocks.append((pos, stop))
    for start, end in blocks:
        regions.extend((s, e, False) for s, e in _spans_minus(start, end, holes, hole_ends))
    outside = _union(blocks + holes)
    outside_ends = [e for _, e in outside]
    n_outside = len(outside)
    for line in draft.lines:
        start, end = line.start, line.end
        k = bisect.bisect_right(outside_ends, start)
        if k < n_outside and outside[k][0] <= start and end <= outside_ends[k]:
            continue  # inside a paragraph or a hole (the common case)
        if line.is_blank:
            continue
        for s, e in _spans_minus(start, end, outside, outside_ends):
            if text[s:e].strip():
                regions.append((s, e, True))
    regions.sort(key=itemgetter(0))
    return regions


def _titlecase(toks: list[Tok]) -> bool:
    words = [t for t in toks if t.word and t.text[0].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for t in words if t.cap)
    return caps * 10 >= len(words) * 7


def _norm(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    return " ".join(split_tokens(text.replace(".", "").replace("’", "'")))


def _excluded(data: OrgData, cand: Candidate, toks: list[Tok]) -> bool:
    """True for head-based names that are not organisations (countries, competitions)."""
    words = [t.fold for t in toks[cand.first : cand.last]]
    if len(words) == 2 and " ".join(words) in data.generic_names:
        return True  # "Green Energy", "Soft Power": a phrase, not a name
    # (every name joined below ends in the last word: most names end in no excluded one)
    if words and words[-1] in data.exclusion_last_words:
        for i in range(len(words)):
            if " ".join(words[i:]) in data.exclusion_names and not any(
                w in data.connectors for w in words[:i]
            ):
                return True
    if cand.head in data.state_heads:
        others = [t for t in toks[cand.first : cand.last] if t.fold not in ("of", "the")]
        rest = [t for t in others if t.fold != cand.head]
        if all(data.places.get((t.fold,)) is not None for t in rest):
            return True
    return False


def _descriptor_of_known(
    data: OrgData, cand: Candidate, known: dict[int, list[Candidate]], toks: list[Tok]
) -> bool:
    """True when ``cand`` is a known name plus generic words (``Reuters News Agency``)."""
    for other in known.get(cand.first, ()):
        if other.last < cand.last:
            rest = tuple(t.fold for t in toks[other.last : cand.last])
            if rest in data.descriptors:
                return True
    return False


def _resolve(data: OrgData, cands: list[Candidate], toks: list[Tok]) -> list[Candidate]:
    known: dict[int, list[Candidate]] = {}
    for cand in cands:
        if cand.source in ("known", "acronym"):
            known.setdefault(cand.first, []).append(cand)
    kept: list[Candidate] = []
    for cand in cands:
        if cand.source == "pending":
            continue
        if cand.source in (*_CONTAINERS, "described") and (
            _excluded(data, cand, toks) or _descriptor_of_known(data, cand, known, toks)
        ):
            continue
        kept.append(cand)
    kept.sort(key=lambda c: (-(c.last - c.first), _PRIORITY[c.source], c.first))
    accepted: list[Candidate] = []
    owners: dict[int, list[Candidate]] = {}
    for cand in kept:
        overlapping = list(
            {id(a): a for i in range(cand.first, cand.last) for a in owners.get(i, ())}.values()
        )
        if overlapping and not all(
            a.source in _CONTAINERS
            and cand.source not in _REFS
            and cand.start >= a.head_end
            and cand.end <= a.end
            and cand.first > a.first
            and (cand.source in ("known", "acronym") or toks[cand.first - 1].fold == "the")
            for a in overlapping
        ):
            continue
        k = cand.first - 1
        if k > 0 and toks[k].fold == "the":
            k -= 1
        if k >= 0 and toks[k].fold == "of":  # "Board of Directors of SOCAR" is a company
            for container in overlapping:
                if not container.cued and cand.kind != "other":
                    container.kind = cand.kind
        accepted.append(cand)
        for i in range(cand.first, cand.last):
            owners.setdefault(i, []).append(cand)
    accepted.sort(key=lambda c: c.start)
    return accepted


def _head_of(data: OrgData, words: tuple[str, ...]) -> str | None:
    head = None
    for word in words:
        if word in data.connectors:
            break
        if word in data.heads:
            head = word
    return head


def _core(data: OrgData, words: tuple[str, ...]) -> frozenset[str]:
    ignored = data.merge_ignored_words
    return frozenset(w for w in words if w not in ignored and (w,) not in data.places)


class _Merger:
    """Groups mentions into organisations; every look-up goes through an index."""

    def __init__(self, data: OrgData, text: str) -> None:
        self.data = data
        self.text = text
        self.groups: list[_Group] = []
        self.by_entry: dict[int, _Group] = {}
        self.by_acronym: dict[str, _Group] = {}
        self.by_key: dict[str, _Group] = {}
        self.by_core: dict[frozenset[str], list[_Group]] = {}
        self.by_head: dict[str, list[_Group]] = {}
        # Per-parse memos: the same names are split and keyed many times.
        self._splits: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, str] = {}
        self._cores: dict[str, frozenset[str]] = {}

    def split(self, name: str) -> tuple[str, ...]:
        words = self._splits.get(name)
        if words is None:
            words = self._splits[name] = split_tokens(name)
        return words

    def key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = _key(name)
        return key

    def core(self, name: str) -> frozenset[str]:
        core = self._cores.get(name)
        if core is None:
            core = self._cores[name] = _core(self.data, self.split(name))
        return core

    def name_of(self, cand: Candidate) -> str:
        return _norm(self.text[cand.start : cand.end])

    def find(self, cand: Candidate, name: str) -> _Group | None:
        if cand.entry is not None and cand.entry in self.by_entry:
            return self.by_entry[cand.entry]
        if cand.acronym is not None and cand.source in ("acronym", "defined"):
            found = self.by_acronym.get(cand.acronym)
            if found is not None:
                return found
        found = self.by_key.get(self.key(name))
        if found is not None:
            return found
        core = self.core(name)
        if len(core) >= 2:
            for group in reversed(self.by_core.get(core, ())):
                if not cand.places or not group.places or cand.places == group.places:
                    return group
        return None

    def add(self, cand: Candidate) -> _Group:
        name = self.name_of(cand)
        group = self.find(cand, name)
        if group is None:
            group = _Group()
            self.groups.append(group)
        self.attach(group, cand, name)
        return group

    def attach(self, group: _Group, cand: Candidate, name: str) -> None:
        data = self.data
        group.mentions.append(cand)
        if cand.entry is not None and group.entry is None:
            group.entry = cand.entry
            self.by_entry.setdefault(cand.entry, group)
        if cand.acronym is not None and group.acronym is None:
            group.acronym = cand.acronym
            self.by_acronym.setdefault(cand.acronym, group)
        if cand.source in _REFS:
            return
        words = self.split(name)
        keys = [self.key(name)]
        if cand.core:
            keys.append(self.key(" ".join(cand.core)))
        for key in keys:
            group.keys.add(key)
            self.by_key[key] = group
        core = self.core(name)
        if core and core not in group.cores:
            group.cores.add(core)
            self.by_core.setdefault(core, []).append(group)
        group.places |= cand.places
        heads = {cand.head or _head_of(data, words)}
        if cand.entry is not None:
            heads.add(_head_of(data, self.split(data.entries[cand.entry].name)))
        for head in heads:
            if head and head not in group.heads:
                group.heads.add(head)
                self.by_head.setdefault(head, []).append(group)

    def organisation(self, group: _Group) -> Organisation:
        data = self.data
        text = self.text
        named = [m for m in group.mentions if m.source not in _REFS]
        entry = data.entries[group.entry] if group.entry is not None else None
        acronym = group.acronym

        def rank(m: Candidate) -> tuple[int, int, int, int]:
            form = self.name_of(m)
            is_acronym = form == acronym or (m.source in ("acronym", "defined"))
            canonical = entry is not None and form == entry.name
            return (0 if is_acronym else 1, len(self.split(form)), int(canonical), -m.start)

        best = max(named, key=rank)
        name = self.name_of(best)
        if entry is not None and name.isupper() and name.casefold() == entry.name.casefold():
            name = entry.name
        kind = cast("OrganisationKind", entry.kind if entry is not None else best.kind)
        seen = {name.casefold()}
        aliases: list[str] = []
        mentions: list[Span] = []
        taken: set[tuple[int, int]] = set()
        for m in sorted(group.mentions, key=lambda m: m.start):
            if (m.start, m.end) in taken:
                continue
            taken.add((m.start, m.end))
            mentions.append(Span(text[m.start : m.end], m.start, m.end))
            form = self.name_of(m)
            if m.source != "lowref" and form.casefold() not in seen:
                seen.add(form.casefold())
                aliases.append(form)
        if acronym and acronym.casefold() not in seen:
            seen.add(acronym.casefold())
            aliases.append(acronym)
        return Organisation(
            name=name, kind=kind, acronym=acronym, aliases=aliases, mentions=mentions
        )


class _Covered:
    """The offsets the groups' mentions cover now (a snapshot), as disjoint sorted spans."""

    def __init__(self, groups: list[_Group]) -> None:
        spans = _union([(m.start, m.end) for g in groups for m in g.mentions if m.end > m.start])
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


def _second_pass(
    merger: _Merger,
    scanned: list[LazyTokens | list[Tok]],
    pending: list[Candidate],
) -> None:
    """Bare acronyms and company names met again after the article defined them."""
    covered = _Covered(merger.groups)
    for cand in pending:
        if cand.start in covered or cand.end - 1 in covered:
            continue
        group = merger.by_entry.get(cand.entry) if cand.entry is not None else None
        if group is None and cand.acronym is not None:
            group = merger.by_acronym.get(cand.acronym)
        if group is not None:
            merger.attach(group, cand, merger.name_of(cand))
    acronyms = dict(merger.by_acronym)
    cores: dict[str, list[tuple[tuple[str, ...], _Group]]] = {}
    for group in merger.groups:
        for m in group.mentions:
            if m.core:
                cores.setdefault(m.core[0], []).append((m.core, group))
    if not acronyms and not cores:
        return
    covered = _Covered(merger.groups)
    wanted = acronyms.keys() | cores.keys()  # any other token is passed over at once
    longest = max((len(core) for known in cores.values() for core, _ in known), default=1)
    for found in scanned:
        at: Iterable[int]
        if isinstance(found, LazyTokens):
            # only the tokens with a wanted base, and the few after them, are built
            at = list(compress(range(found.n), map(wanted.__contains__, found.bases())))
            if not at:
                continue
            toks = found.around(at, 0, longest)
        else:
            toks = found
            at = compress(range(len(toks)), map(wanted.__contains__, map(itemgetter(1), toks)))
        after = 0  # tokens before it belong to a name found already
        for i in at:
            tok = toks[i]
            if i < after or tok.base not in wanted:
                continue
            if not tok.word or tok.skip or tok.start in covered or tok.end - 1 in covered:
                continue
            owner = acronyms.get(tok.base)
            if owner is not None:
                merger.attach(
                    owner,
                    Candidate(tok.start, tok.base_end, i, i + 1, "defined", acronym=tok.base),
                    tok.base,
                )
                continue
            for core, group in cores.get(tok.base, ()) if tok.cap else ():
                size = len(core)
                if tuple(t.base for t in toks[i : i + size]) == core:
                    end = toks[i + size - 1].base_end
                    merger.attach(group, Candidate(tok.start, end, i, i + size, "known"), core[0])
                    after = i + size
                    break


def _back_references(merger: _Merger, refs: list[Candidate]) -> None:
    """Attach ``the Commission`` / ``the ministry`` to the organisation they refer to."""
    starts: dict[int, list[int]] = {}
    for group in merger.groups:
        starts[id(group)] = sorted(m.start for m in group.mentions if m.source not in _REFS)
    for ref in sorted(refs, key=lambda c: c.start):
        candidates = merger.by_head.get(ref.head or "", [])
        if ref.source == "lowref" and len(candidates) != 1:
            continue
        best: _Group | None = None
        best_start = -1
        for group in candidates[-50:]:
            group_starts = starts[id(group)]
            k = bisect.bisect_left(group_starts, ref.start)
            if k and group_starts[k - 1] > best_start:
                best, best_start = group, group_starts[k - 1]
        if best is not None:
            best.mentions.append(ref)
        elif ref.source == "backref" and ref.head in merger.data.standalone_heads:
            group = merger.add(attrs.evolve(ref, source="head"))
            starts[id(group)] = sorted(m.start for m in group.mentions)


def find_organisations(draft: Draft) -> None:
    """Fill ``draft.organisations`` with every organisation the article names."""
    data = org_data(draft.lexicon)
    text = draft.text
    skips = sorted((link.start, link.end) for link in draft.links)
    skip_starts = [a for a, _ in skips]
    reach = list(itertools.accumulate((b for _, b in skips), max))  # furthest end so far
    people = frozenset(
        (words[0].casefold(), words[1].casefold())
        for person in draft.people
        if len(words := person.name.split()) >= 2
    )
    scanned: list[LazyTokens | list[Tok]] = []
    resolved: list[list[Candidate]] = []
    pending: list[Candidate] = []
    word_infos = WordCache(data)
    regions = _regions(draft)
    # every word of the article learnt at once
    all_pairs = region_pairs(text, [(s, e) for s, e, _ in regions], word_infos)
    for (start, end, line), pairs in zip(regions, all_pairs, strict=True):
        # only the links that can overlap the region (all of them per region was quadratic)
        first = bisect.bisect_right(reach, start)
        last = bisect.bisect_left(skip_starts, end)
        found: LazyTokens | list[Tok]
        span = (text, start, end, skips[first:last], word_infos)
        if line or end - start < _SHORT:
            found = all_tokens(*span, pairs=pairs, checked=True)
        else:
            found = region_tokens(*span, pairs=pairs, checked=True)
        if isinstance(found, LazyTokens):
            if not found.n:
                continue
            acting = found.acting(data)
            toks = found.around(acting, _BEFORE, _AFTER)
            try:
                cands = scan_region(data, toks, False, people, acting)
                accepted = _resolve(data, cands, toks)
            except (AttributeError, TypeError):
                toks = found.all()
                cands = scan_region(data, toks, False, people, acting)
                accepted = _resolve(data, cands, toks)
        else:
            toks = found.all() if isinstance(found, LazyTokens) else found
            if not toks:
                continue
            cands = scan_region(data, toks, line and _titlecase(toks), people)
            accepted = _resolve(data, cands, toks)
        scanned.append(found)
        if cands:
            pending.extend(c for c in cands if c.source == "pending")
        resolved.append(accepted)
    merger = _Merger(data, text)
    refs: list[Candidate] = []
    for accepted in resolved:
        for cand in accepted:
            if cand.source in _REFS:
                refs.append(cand)
            else:
                merger.add(cand)
    _second_pass(merger, scanned, pending)
    _back_references(merger, refs)
    organisations = [merger.organisation(g) for g in merger.groups if g.mentions]
    organisations.sort(key=lambda o: o.mentions[0].start)
    draft.organisations.extend(organisations)
