"""Known agencies and the header patterns built from ``data/agencies.json``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from .._errors import DataError
from .._lexicon import Lexicon
from ._dates import date_patterns
from ._trie import add_word, emit_tree

__all__ = ["AgencyIndex", "HeaderPattern", "agency_index"]

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


@attrs.frozen
class HeaderPattern:
    """One compiled entry of ``header_patterns``."""

    name: str
    """The entry's name."""
    kind: str
    """``dateline``, ``dateline_line``, ``credit`` or ``byline``."""
    regex: regex.Pattern[str]
    """The compiled pattern."""


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
    trie_agency = _trie_alternation(list(exact))
    trie_aggr = _trie_alternation(aggregators) if aggregators else r"(?!)"
    patterns = []
    for entry in data.get("header_patterns", []):
        source = str(entry["pattern"])
        if not _CASELESS.search(source):
            source = source.replace("{AGENCY}", trie_agency).replace("{AGGREGATOR}", trie_aggr)
        for key, value in fills.items():
            source = source.replace(key, value)
        try:
            compiled = regex.compile(source, regex.VERSION0)
        except regex.error as exc:
            raise DataError(f"agencies: header pattern {entry.get('name')!r}: {exc}") from exc
        patterns.append(HeaderPattern(str(entry.get("name", "")), str(entry["kind"]), compiled))
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
    )


def agency_index(lexicon: Lexicon) -> AgencyIndex:
    """The compiled agency data of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.agencies", _build)
