"""Known agencies and the header patterns built from ``data/agencies.json``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import regex

from .._errors import DataError
from .._lexicon import Lexicon
from ._boilerplate import _LONG, pattern_extent
from ._dates import date_patterns, first_digit
from ._header_required import DIGIT, UPPER, required
from ._trie import add_word, emit_tree

__all__ = [
    "AgencyIndex",
    "FactsMemo",
    "HeaderPattern",
    "TextFacts",
    "agency_index",
    "facts_of",
]

_Pattern = regex.Pattern
_Match = regex.Match

# Bounded but not possessive: "MOSCOW." must give its dot back to "MOSCOW. Nov 22".
# Dots only in abbreviations ("ST. PETERSBURG", "D.C."), so that "Baku. Name" splits.
_PLACE_WORD = r"(?:(?:St|ST|Ste|STE|Ft|FT|Mt|MT)\.|(?:\p{Lu}\.){2,3}|\p{Lu}[\p{L}'’-]{0,24})"
_CAPS_WORD = r"(?:(?:ST|STE|FT|MT)\.|(?:\p{Lu}\.){2,3}|\p{Lu}[\p{Lu}'’-]{1,24})"
_ONE_PLACE = (
    rf"{_PLACE_WORD}"
    rf"(?:\s(?:(?:de|del|da|do|du|la|le|el|al|es|on|upon|am|an|sur)\s)?{_PLACE_WORD}){{0,3}}"
)
# Reuters files from several cities at once: "NEW YORK/LONDON", "BEIJING/HONG KONG".
_PLACE = rf"(?!(?:By|BY)\s){_ONE_PLACE}(?:/{_ONE_PLACE}){{0,2}}"
_CAPS_PLACE = (
    rf"(?!BY\s){_CAPS_WORD}"
    rf"(?:\s(?:(?:DE|DEL|DA|DO|DU|LA|LE|EL|AL|ES)\s)?{_CAPS_WORD}){{0,3}}"
)
_NAME = (
    r"\p{Lu}[\p{L}'’.-]{0,30}+"
    r"(?:\s(?:(?:de|van|von|der|den|al|bin|el|da|di|du|la|le)\s)?\p{Lu}[\p{L}'’.-]{0,30}+){0,4}"
)
_JOIN = r"(?:\s{0,2},\s{0,2}(?:and\s{1,2})?|\s{1,2}(?:and|&)\s{1,2})"
_NAMES = rf"{_NAME}(?:{_JOIN}{_NAME}){{0,5}}"


class _Spellings:
    """The spellings one placeholder (``{AGENCY}``, ``{AGGREGATOR}``) stands for."""

    __slots__ = ("_every", "empty", "generic", "heads", "longest", "singles", "starts", "words")

    def __init__(self, words: list[str], empty: str) -> None:
        self.words = frozenset(w for w in words if w)
        self.empty = empty
        """The fill when there are no words at all."""
        self._every: str | None = None
        heads: dict[str, list[str]] = {}
        for word in self.words:
            heads.setdefault(word[:2], []).append(word)
        self.heads = {head: tuple(found) for head, found in heads.items() if len(head) == 2}
        """Words by their first two characters."""
        self.singles = {head: found[0] for head, found in heads.items() if len(head) == 1}
        """Words of one character."""
        self.longest = max(map(len, self.words), default=0)
        firsts = "".join(sorted({regex.escape(w[0]) for w in self.words}))
        self.starts = regex.compile(f"[{firsts}]" if firsts else "(?!)")
        self.generic = _generic(self.words)

    def alternation(self, some: frozenset[str] | None) -> str:
        """The prefix tree of ``some`` words (None: of every word, as in the data)."""
        if some is not None:
            return _trie_alternation(list(some)) if some else r"(?!)"
        if self._every is None:
            self._every = _trie_alternation(list(self.words)) if self.words else self.empty
        return self._every

    def occurrences(self, text: str, pos: int, endpos: int) -> list[tuple[int, str]]:
        """``(offset, word)`` of every word occurring in ``text[pos:endpos]``, in order."""
        heads, singles = self.heads.get, self.singles
        startswith = text.startswith
        found = []
        for i in [start.start() for start in self.starts.finditer(text, pos, endpos)]:
            if singles and text[i] in singles:
                found.append((i, singles[text[i]]))
            for word in heads(text[i : i + 2], ()):
                if startswith(word, i, endpos):
                    found.append((i, word))
        return found

    def occurring(self, text: str, pos: int, endpos: int) -> frozenset[str]:
        """The spellings that occur anywhere in ``text[pos:endpos]``."""
        return frozenset(word for _, word in self.occurrences(text, pos, endpos))


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]" if chars else "(?!)"


_WORD_CHAR = regex.compile(r"\w")
_TOKEN = regex.compile(r"\w++|\W")


def _generic(words: frozenset[str]) -> str:
    r"""A pattern matching every word of ``words`` (and more), followed by no ``\w``.

    A word of ``words`` is read as tokens: runs of its word characters (``\w``) and single
    other characters. A name ends where no word character follows, so a run of word
    characters never stops inside a name's run: the runs are possessive (and no longer
    than the longest run of a name), and the pattern backtracks only over the number of
    tokens. No lexicon data: it compiles at once.
    """
    if not words:
        return "(?!)"
    chars = {c for word in words for c in word}
    letters = {c for c in chars if _WORD_CHAR.match(c)}
    others = chars - letters
    tokens = max(len(_TOKEN.findall(word)) for word in words)
    # a name's run of word characters ends where the text's does: at most the longest
    run = max(
        (len(t) for word in words for t in _TOKEN.findall(word) if _WORD_CHAR.match(t)), default=1
    )
    alternatives = []
    if letters:
        alternatives.append(f"{_char_class(letters)}{{1,{run}}}+")
    if others:
        alternatives.append(_char_class(others))
    first = _char_class({w[0] for w in words})
    last = _char_class({w[-1] for w in words})
    body = "|".join(alternatives)
    return f"(?={first})(?:{body}){{1,{tokens}}}(?<={last})(?![\\w])"


_MAX_SPECIALISED = 12
"""Distinct sets of names a pattern is compiled for before it compiles with all of them."""
_MAX_VIABLE = 4096
"""Distinct (kind, what a region holds) whose viable patterns are kept (a bounded cache)."""

_TOKENS = {
    "{AGENCY}": "{AGENCY}",
    "{AGGREGATOR}": "{AGGREGATOR}",
    "{DATE}": DIGIT,  # a day number in every form
    "{PLACE}": UPPER,
    "{CAPS_PLACE}": UPPER,
    "{NAMES}": UPPER,
}
_NAMED = ("{AGENCY}", "{AGGREGATOR}")
_BITS = frozenset([DIGIT, UPPER])
_DIGIT = regex.compile(r"\d")
_UPPER = regex.compile(r"\p{Lu}")


class _Universe:
    """Bits for what the patterns of one index require: characters, DIGIT and UPPER."""

    __slots__ = ("bits", "chars")

    def __init__(self) -> None:
        self.bits: dict[str, int] = {DIGIT: 1, UPPER: 2}
        self.chars: tuple[tuple[str, int], ...] = ()
        """The characters and their bits."""

    def mask(self, alternatives: tuple[str, ...]) -> int:
        """The bits of ``alternatives`` (added when new)."""
        mask = 0
        for alternative in alternatives:
            mask |= self.bits.setdefault(alternative, 1 << len(self.bits))
        self.chars = tuple((a, bit) for a, bit in self.bits.items() if len(a) == 1)
        return mask


class TextFacts:
    """What the patterns tried on one text region ask of it, computed once.

    Kept in a per-parse ``memo`` (a dict the caller owns) keyed by the region.
    """

    __slots__ = (
        "_agency_words",
        "_names",
        "_present",
        "_upto",
        "agency_at",
        "endpos",
        "pos",
        "text",
    )

    def __init__(self, text: str, pos: int, endpos: int) -> None:
        self._upto: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._agency_words: list[str] = []
        self.agency_at: list[int] = []
        """Offsets of the agency spellings in the region (once :meth:`names` ran)."""
        self.text = text
        self.pos = pos
        self.endpos = endpos
        self._names: tuple[frozenset[str], frozenset[str]] | None = None
        self._present: int | None = None

    def present(self, universe: _Universe) -> int:
        """The bits of ``universe`` (characters, DIGIT, UPPER) that the region holds."""
        found = self._present
        if found is None:
            text, pos, endpos = self.text, self.pos, self.endpos
            region = text if pos == 0 and endpos == len(text) else text[pos:endpos]
            found = 0
            for char, bit in universe.chars:  # str.find for each beats building a set
                if char in region:
                    found |= bit
            if first_digit(region) >= 0:
                found |= 1
            if _UPPER.search(region) is not None:
                found |= 2
            self._present = found
        return found

    def knows_names(self) -> bool:
        """True when the names in the region are already known."""
        return self._names is not None

    def names(self, source: _PatternSource) -> tuple[frozenset[str], frozenset[str]]:
        """The agency and aggregator spellings that occur in the region."""
        if self._names is None:
            agencies = source.agency.occurrences(self.text, self.pos, self.endpos)
            self.agency_at = [at for at, _ in agencies]
            self._agency_words = [word for _, word in agencies]
            self._names = (
                frozenset(word for _, word in agencies),
                source.aggregator.occurring(self.text, self.pos, self.endpos),
            )
        return self._names

    def names_upto(
        self, source: _PatternSource, upto: int
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The names that occur in the region up to ``upto`` (all of it when past its end)."""
        if upto >= self.endpos or self._names is not None:
            return self.names(source) if upto >= self.endpos else self._names_before(upto)
        found = self._upto.get(upto)
        if found is None:
            found = self._upto[upto] = (
                source.agency.occurring(self.text, self.pos, upto),
                source.aggregator.occurring(self.text, self.pos, upto),
            )
        return found

    def _names_before(self, upto: int) -> tuple[frozenset[str], frozenset[str]]:
        """The known names of the region that end by ``upto``."""
        assert self._names is not None
        agencies = frozenset(
            word
            for at, word in zip(self.agency_at, self._agency_words, strict=True)
            if at + len(word) <= upto
        )
        aggregators = frozenset(w for w in self._names[1] if self.text.find(w, self.pos, upto) >= 0)
        return agencies, aggregators

    def has(self, alternative: str, source: _PatternSource) -> bool:
        """True when the region holds ``alternative`` (a character, a string or a token)."""
        if alternative == "{AGENCY}":
            return bool(self.names(source)[0])
        if alternative == "{AGGREGATOR}":
            return bool(self.names(source)[1])
        if alternative == DIGIT:
            return _DIGIT.search(self.text, self.pos, self.endpos) is not None
        if alternative == UPPER:
            return _UPPER.search(self.text, self.pos, self.endpos) is not None
        return self.text.find(alternative, self.pos, self.endpos) >= 0


FactsMemo = dict[tuple[str, int, int], TextFacts]
"""Facts of the text regions of one parse."""
_NOTHING = regex.compile(r"(?!)")
"""A pattern that matches nothing."""


def facts_of(text: str, pos: int, endpos: int, memo: FactsMemo | None) -> TextFacts:
    """The facts of ``text[pos:endpos]``, from ``memo`` when it has them."""
    if memo is None:
        return TextFacts(text, pos, endpos)
    key = (text, pos, endpos)
    facts = memo.get(key)
    if facts is None:
        facts = memo[key] = TextFacts(text, pos, endpos)
    return facts


class HeaderPattern:
    """One entry of ``header_patterns``, compiled when first used.

    The agency names (hundreds of them) make a pattern slow to compile (~0.1 s). A text
    must first hold what every match holds (:func:`._header_required.required`: a
    parenthesis, a digit, an agency name ...); then it is tried against the pattern with
    a generic stand-in for the names (any word of the characters they use), which
    compiles at once; only when that matches is the pattern compiled with the names that
    occur in the text (a literal that does not occur cannot match, and the names kept are
    tried in the same order), and after :data:`_MAX_SPECIALISED` distinct sets of names,
    once with all of them. Every answer is the one :attr:`regex` gives.
    """

    __slots__ = (
        "_extent",
        "_full",
        "_generic",
        "_masks",
        "_named",
        "_reach",
        "_source",
        "_specialised",
        "_universe",
        "kind",
        "name",
    )

    def __init__(self, name: str, kind: str, source: _PatternSource, universe: _Universe) -> None:
        self.name = name
        """The entry's name."""
        self.kind = kind
        """``dateline``, ``dateline_line``, ``credit``, ``byline`` or ``self_credit``."""
        self._source = source
        self._full: _Pattern[str] | None = None
        self._generic: _Pattern[str] | None = None
        self._specialised: dict[tuple[frozenset[str], frozenset[str]], _Pattern[str]] = {}
        found = None if source.caseless else required(source.source, _TOKENS)
        items = [tuple(sorted(item)) for item in found or ()]
        named = [  # names, and strings longer than a character: looked for when needed
            item
            for item in items
            if any(a in _NAMED or len(a) > 1 > len(_BITS & {a}) for a in item)
        ]
        self._named: tuple[tuple[str, ...], ...] = tuple(sorted(named))
        """Items that hold a name (found in a region only when needed)."""
        self._masks = tuple(sorted({universe.mask(item) for item in items if item not in named}))
        """Per other item, the bits of its alternatives in the index's ``universe``."""
        self._universe = universe
        self._extent = -1
        """What a match looks at, at most (:meth:`extent`); -1 until first needed."""
        self._reach = _LONG if ("{AGENCY}",) not in named else -1
        """How far from the agency name in it a match reaches (:meth:`_near_names`);
        -1 until first needed."""

    def __repr__(self) -> str:
        return f"HeaderPattern(name={self.name!r}, kind={self.kind!r})"

    @property
    def regex(self) -> _Pattern[str]:
        """The pattern compiled with all agency names."""
        if self._full is None:
            self._full = self._source.compile(None, None)
        return self._full

    @property
    def masked(self) -> bool:
        """True when the pattern requires characters, digits or capitals."""
        return bool(self._masks)

    def viable(self, present: int) -> bool:
        """False when a region holding ``present`` (bits) cannot match."""
        return all(present & mask for mask in self._masks)

    def _named_ok(self, facts: TextFacts) -> bool:
        """True when the region holds the names the pattern needs (finds them if needed)."""
        source = self._source
        for item in self._named:
            for alternative in item:
                if facts.has(alternative, source):
                    break
            else:
                return False
        return True

    def _checked(
        self, text: str, pos: int, endpos: int, memo: FactsMemo | None
    ) -> TextFacts | None:
        """The region's facts, or None when it lacks what every match holds."""
        facts = facts_of(text, pos, endpos, memo)
        return facts if self.viable(facts.present(self._universe)) else None

    def _generic_for(self, facts: TextFacts) -> _Pattern[str] | None:
        """The generic pattern to try first (None: run :attr:`regex`), or :data:`_NOTHING`.

        Names already found in the region are checked first; finding them costs more than
        an anchored try of the generic pattern, which comes first once it is compiled.
        """
        if facts.knows_names() and not self._named_ok(facts):
            return _NOTHING
        if self._full is not None or not self._source.names:
            return None
        if self._generic is None:
            if not self._named_ok(facts):
                return _NOTHING
            self._generic = self._source.compile_generic()
        return self._generic

    def extent(self) -> int:
        """How many characters a match consumes or looks at, at most (or :data:`_LONG`)."""
        if self._extent < 0:
            self._extent = self._source.reach()
        return self._extent

    def _names_near(self, facts: TextFacts) -> tuple[frozenset[str], frozenset[str]] | None:
        """The names within :meth:`extent` of an anchored match's start, or None.

        None when the pattern needs names and there are none there.
        """
        source = self._source
        names = facts.names_upto(source, facts.pos + self.extent())
        for item in self._named:
            for alternative in item:
                if alternative == "{AGENCY}":
                    if names[0]:
                        break
                elif alternative == "{AGGREGATOR}":
                    if names[1]:
                        break
                elif facts.has(alternative, source):
                    break
            else:
                return None
        return names

    def _for(
        self, facts: TextFacts, names: tuple[frozenset[str], frozenset[str]] | None = None
    ) -> _Pattern[str]:
        """The pattern with the names that occur in ``facts``' region (or ``names``)."""
        if self._full is not None or not self._source.specialise:
            return self.regex
        key = facts.names(self._source) if names is None else names
        found = self._specialised.get(key)
        if found is None:
            if len(self._specialised) >= _MAX_SPECIALISED:
                return self.regex
            found = self._specialised.setdefault(key, self._source.compile(*key))
        return found

    def match_viable(self, facts: TextFacts) -> _Match[str] | None:
        """``self.regex.match(facts.text, facts.pos)`` for a region found :meth:`viable`.

        A match lies within :meth:`extent` of its start: only the names there count.
        """
        text, pos = facts.text, facts.pos
        generic = self._generic_for(facts)
        if generic is None:
            return self.regex.match(text, pos)
        if generic.match(text, pos) is None:
            return None
        names = self._names_near(facts)
        return None if names is None else self._for(facts, names).match(text, pos)

    def fullmatch_viable(self, facts: TextFacts) -> _Match[str] | None:
        """``self.regex.fullmatch(facts.text)`` for a whole text found :meth:`viable`."""
        text = facts.text
        if len(text) > self.extent():
            return None  # longer than any match
        generic = self._generic_for(facts)
        if generic is None:
            return self.regex.fullmatch(text)
        if generic.fullmatch(text) is None or not self._named_ok(facts):
            return None
        return self._for(facts).fullmatch(text)

    def finditer_viable(self, facts: TextFacts) -> Iterator[_Match[str]]:
        """``self.regex.finditer(text, pos, endpos)`` of a region found :meth:`viable`.

        A generic search is slower than finding the names: no generic pattern here.
        """
        if self._source.names and (
            self._full is None or 0 <= self._reach < _LONG or facts.knows_names()
        ):
            if not self._named_ok(facts):
                return iter(())
        elif facts.knows_names() and not self._named_ok(facts):
            return iter(())
        pattern = self._for(facts)
        if self._reach < 0:
            self._reach = self.extent()
        if not facts.knows_names() or self._reach >= _LONG:
            return pattern.finditer(facts.text, facts.pos, facts.endpos)
        return self._near_names(pattern, facts)

    def _near_names(self, pattern: _Pattern[str], facts: TextFacts) -> Iterator[_Match[str]]:
        """``pattern.finditer`` over the region, run only near the agency names in it.

        Every match holds an agency name, and all a match consumes or looks at lies within
        :attr:`_reach` characters of it: elsewhere nothing can match, and a search that
        ends (``endpos``) past the reach of every name before it sees all a match sees.
        """
        text, pos, endpos, reach = facts.text, facts.pos, facts.endpos, self._reach
        windows: list[list[int]] = []
        for at in facts.agency_at:
            low, high = max(pos, at - reach), min(endpos, at + reach)
            if windows and low <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], high)
            else:
                windows.append([low, high])
        for low, high in windows:
            yield from pattern.finditer(text, low, high)

    def match(self, text: str, pos: int = 0, memo: FactsMemo | None = None) -> _Match[str] | None:
        """``self.regex.match(text, pos)``; ``memo`` keeps facts about ``text`` for the parse."""
        facts = self._checked(text, pos, len(text), memo)
        return None if facts is None else self.match_viable(facts)

    def fullmatch(self, text: str, memo: FactsMemo | None = None) -> _Match[str] | None:
        """``self.regex.fullmatch(text)``."""
        facts = self._checked(text, 0, len(text), memo)
        return None if facts is None else self.fullmatch_viable(facts)

    def finditer(
        self, text: str, pos: int, endpos: int, memo: FactsMemo | None = None
    ) -> Iterator[_Match[str]]:
        """``self.regex.finditer(text, pos, endpos)``."""
        facts = self._checked(text, pos, endpos, memo)
        return iter(()) if facts is None else self.finditer_viable(facts)


@attrs.frozen
class _PatternSource:
    """What it takes to compile one header pattern, with all names or with some."""

    name: str
    """The entry's name as written in error messages."""
    source: str
    fills: Mapping[str, str]
    agency: _Spellings
    aggregator: _Spellings
    caseless: bool = attrs.field(init=False)
    names: bool = attrs.field(init=False)
    """True when the pattern holds names (a placeholder for a list that is not empty)."""
    specialise: bool = attrs.field(init=False)
    """True when it can be compiled with some names only (it is not matched without case)."""

    def __attrs_post_init__(self) -> None:
        caseless = bool(_CASELESS.search(self.source))
        names = ("{AGENCY}" in self.source and bool(self.agency.words)) or (
            "{AGGREGATOR}" in self.source and bool(self.aggregator.words)
        )
        object.__setattr__(self, "caseless", caseless)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "specialise", names and not caseless)

    def _compile(self, agency: str, aggregator: str) -> _Pattern[str]:
        source = self.source.replace("{AGENCY}", agency).replace("{AGGREGATOR}", aggregator)
        for key, value in self.fills.items():
            source = source.replace(key, value)
        try:
            return regex.compile(source, regex.VERSION0)
        except regex.error as exc:
            raise DataError(f"agencies: header pattern {self.name}: {exc}") from exc

    def check(self) -> None:
        """Raise :class:`DataError` now if the pattern does not compile (cheaply)."""
        source = self.source
        for key in self.fills:
            source = source.replace(key, "(?:x)")
        try:
            regex.compile(source, regex.VERSION0)
        except regex.error:
            self._compile(self.fills["{AGENCY}"], self.fills["{AGGREGATOR}"])

    def compile(
        self, agency: frozenset[str] | None, aggregator: frozenset[str] | None
    ) -> _Pattern[str]:
        """The pattern with these names (None: all of them, as in the data)."""
        source = self.source
        if self.caseless:
            return self._compile(
                self.fills["{AGENCY}"] if "{AGENCY}" in source else "",
                self.fills["{AGGREGATOR}"] if "{AGGREGATOR}" in source else "",
            )
        return self._compile(
            self.agency.alternation(agency) if "{AGENCY}" in source else "",
            self.aggregator.alternation(aggregator) if "{AGGREGATOR}" in source else "",
        )

    def reach(self) -> int:
        """How many characters a match looks at (:func:`pattern_extent`), names included."""
        source = self.source
        for key, words in (("{AGENCY}", self.agency), ("{AGGREGATOR}", self.aggregator)):
            source = source.replace(key, f".{{0,{words.longest + 1}}}")  # and (?![\\w])
        for key, value in self.fills.items():
            source = source.replace(key, value)
        return pattern_extent(source)

    def compile_generic(self) -> _Pattern[str]:
        """The pattern with a generic stand-in for the names."""
        return self._compile(self.agency.generic, self.aggregator.generic)


@attrs.frozen
class AgencyIndex:
    """Agency names, their spellings, and the compiled header patterns."""

    exact: Mapping[str, str]
    """Every spelling (as written and upper-cased) to the canonical name."""
    folded: Mapping[str, str]
    """Casefolded spellings of four or more characters to the canonical name."""
    kinds: Mapping[str, str]
    """Canonical name to kind (``agency``, ``outlet``, ``aggregator``)."""
    patterns: tuple[HeaderPattern, ...]
    """Header patterns in data order."""
    headline_prefix: regex.Pattern[str]
    """Wire slugs opening a headline (``UPDATE 2-``, ``(LEAD) ``)."""
    press_wires: frozenset[str]
    """Canonical names of press-release wires."""
    not_places: frozenset[str] = frozenset()
    """Casefolded words that are never a dateline place on their own."""
    universe: _Universe = attrs.field(factory=_Universe, eq=False, repr=False)
    """The bits of what the header patterns require (see :meth:`viable`)."""
    site_title_words: frozenset[str] = frozenset()
    """Casefolded words that follow an outlet's name in a site title (``News``, ``Online``)."""

    def lookup(self, text: str) -> str | None:
        """The canonical name for ``text``, or None when it is no known agency.

        >>> from newsparse import Lexicon
        >>> agency_index(Lexicon.default()).lookup("Associated Press")
        'AP'
        """
        text = text.strip(" \t.:;,()/-–—")
        found = self.exact.get(text)
        if found is None and len(text) >= 4:
            found = self.folded.get(text.casefold())
        return found

    by_kind: Mapping[str, tuple[HeaderPattern, ...]] = attrs.field(
        default=attrs.Factory(
            lambda self: _group_by_kind(self.patterns),
            takes_self=True,
        )
    )
    """The patterns of each kind, in data order (built from :attr:`patterns`)."""

    def of_kind(self, kind: str) -> tuple[HeaderPattern, ...]:
        """The patterns of one kind, in data order."""
        return self.by_kind.get(kind, ())

    _viable: dict[tuple[tuple[str, ...], int], tuple[HeaderPattern, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def viable(
        self, kinds: tuple[str, ...], text: str, pos: int, endpos: int, memo: FactsMemo | None
    ) -> tuple[TextFacts, tuple[HeaderPattern, ...]]:
        """The facts of ``text[pos:endpos]`` and the patterns of ``kinds`` it can match.

        The patterns are those whose characters, digits and capitals the region holds
        (:meth:`HeaderPattern.viable`), in data order; kept per kinds and set of bits.
        """
        facts = facts_of(text, pos, endpos, memo)
        found = self._viable.get((kinds, -1))  # patterns that require no characters
        if found is not None:
            return facts, found
        present = facts.present(self.universe)
        key = (kinds, present)
        found = self._viable.get(key)
        if found is None:
            of_kinds = [p for p in self.patterns if p.kind in kinds]
            if not any(p.masked for p in of_kinds):
                key = (kinds, -1)
            found = tuple(p for p in of_kinds if p.viable(present))
            if len(self._viable) < _MAX_VIABLE:
                self._viable[key] = found
        return facts, found


def _group_by_kind(patterns: tuple[HeaderPattern, ...]) -> dict[str, tuple[HeaderPattern, ...]]:
    grouped: dict[str, list[HeaderPattern]] = {}
    for pattern in patterns:
        grouped.setdefault(pattern.kind, []).append(pattern)
    return {kind: tuple(found) for kind, found in grouped.items()}


def _alternation(words: list[str]) -> str:
    parts = sorted({regex.escape(w) for w in words if w}, key=lambda w: (-len(w), w))
    return f"(?:{'|'.join(parts)})(?![\\w])"


def _trie_alternation(words: list[str]) -> str:
    """:func:`_alternation` as a prefix tree: same matches, tried in the same order.

    A flat alternation of ~300 names makes the engine try every name at every position
    (``reports_credit`` searched 1,500 characters in ~0.3 ms). In the tree, a position
    that starts no name fails after one or two characters. Literal names that match at
    one position (case-sensitively) are prefixes of one another, and both forms try the
    longest first: here every node tries longer continuations before ending, so the
    regex backtracks through the same candidates in the same order.
    """
    root: dict[str, Any] = {}
    for word in {w for w in words if w}:
        add_word(root, word)
    if not root:
        return "(?:)(?![\\w])"  # like an alternation of nothing: the empty pattern
    return f"(?:{emit_tree(root)})(?![\\w])"


# A pattern that turns on case-insensitive matching keeps the flat alternation: there,
# names that match at one position need not be prefixes of one another.
_CASELESS = regex.compile(r"\(\?[a-zA-Z0-9-]{0,9}i")


def _build(lexicon: Lexicon) -> AgencyIndex:
    data: Mapping[str, Any] = lexicon.get("agencies")
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    kinds: dict[str, str] = {}
    aggregators: list[str] = []
    wires: set[str] = set()
    for entry in data.get("agencies", []):
        name = str(entry["name"])
        kinds[name] = str(entry.get("kind", "agency"))
        if entry.get("press_wire"):
            wires.add(name)
        for spelling in [name, *map(str, entry.get("aliases", []))]:
            for variant in {spelling, spelling.upper() if len(spelling) >= 3 else spelling}:
                exact.setdefault(variant, name)
                if kinds[name] == "aggregator":
                    aggregators.append(variant)
            if len(spelling) >= 4:
                folded.setdefault(spelling.casefold(), name)
    fills = {
        "{AGENCY}": _alternation(list(exact)),
        "{AGGREGATOR}": _alternation(aggregators) if aggregators else r"(?!)",
        "{PLACE}": _PLACE,
        "{CAPS_PLACE}": _CAPS_PLACE,
        "{DATE}": date_patterns(lexicon).fragment,
        "{NAMES}": _NAMES,
    }
    universe = _Universe()  # what the patterns require: characters, digits, capitals
    agency = _Spellings(list(exact), _trie_alternation([]))
    aggregator = _Spellings(aggregators, r"(?!)")
    patterns = []
    for entry in data.get("header_patterns", []):
        name = str(entry.get("name", ""))
        spec = _PatternSource(
            repr(entry.get("name")), str(entry["pattern"]), fills, agency, aggregator
        )
        spec.check()
        patterns.append(HeaderPattern(name, str(entry["kind"]), spec, universe))
    prefixes = [str(p) for p in data.get("headline_prefixes", [])]
    bracketed = [str(p) for p in data.get("headline_paren_prefixes", [])]
    slugs = [rf"(?:{'|'.join(prefixes)})\s?[-–—:]\s?"] if prefixes else []
    if bracketed:
        slugs.append(rf"\(\s?(?:{'|'.join(bracketed)})\s?\)\s{{1,3}}")
    slug = "|".join(slugs) or r"(?!)"
    return AgencyIndex(
        exact,
        folded,
        kinds,
        tuple(patterns),
        regex.compile(slug),
        frozenset(wires),
        frozenset(str(w).casefold() for w in data.get("not_places", [])),
        universe,
        site_title_words=frozenset(str(w).casefold() for w in data.get("site_title_words", [])),
    )


def agency_index(lexicon: Lexicon) -> AgencyIndex:
    """The compiled agency data of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.agencies", _build)
