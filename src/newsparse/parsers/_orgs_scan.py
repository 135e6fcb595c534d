"""Token scanner of the organisations parser: finds candidate names in one region of text.

A region is a stretch of the input (a body paragraph, a header line, a signature line). The
scanner splits it into tokens with offsets, then proposes candidates:

* known names (``organisations.json``, ``acronyms.json``, ``agencies.json``), looked up by
  their first token;
* names built around a head noun (``Ministry``, ``University``, ``Council``): capitalised
  modifiers to the left, ``of``/``for``/``on`` complements to the right;
* heads written before the name and club suffixes (``FC Bayern``, ``Bank Respublika``,
  ``Neftchi PFK``);
* company names with a legal suffix or prefix (``Siemens AG``, ``OJSC Gazprom``,
  ``Bosch GmbH & Co. KG``);
* names written partly in lower case before a head (``Russia-Azerbaijan interparliamentary
  friendship group``);
* names that context alone marks: a descriptor noun (``data firm Kpler``, ``the ruling
  Georgian Dream party``), an apposition (``Norvik Analytics, a consultancy,``), a workplace
  (``chief economist at Sovcombank``), an unknown acronym before a role (``FNSEA head``);
* acronyms defined in parentheses after a name (``Central Election Commission (CEC)``);
* references back (``the Commission``, ``the ministry``), resolved later.

Every extension is bounded, so the scan is linear in the length of the region.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain, compress, filterfalse, islice, repeat
from operator import add, attrgetter, contains, eq, gt, itemgetter, or_, sub
from typing import Any, Final, NamedTuple, cast

import attrs
import regex

from ._orgs_data import (
    _ABBREVIATIONS,
    _FAST_LIMIT,
    OrgData,
    _dotted,
    _re_patterns,
    _split_missing_space,
    raw_tokens,
)

__all__ = [
    "Candidate",
    "LazyTokens",
    "Tok",
    "WordCache",
    "all_tokens",
    "region_pairs",
    "region_tokens",
    "scan_region",
    "tokenize",
]

_MAX_LEFT = 8
_MAX_COMPLEMENTS = 4
_MAX_COMPLEMENT_WORDS = 8
_MAX_LIST_ITEMS = 8
_MIN_DEFINED_ACRONYM = 2
_MAX_DEFINED_NAME = 10
_SENTENCE_END = frozenset(".!?:;")
_TRANSPARENT = frozenset("\"'“”„«»‘’()[]–—-")
_APOSTROPHES = ("'s", "’s")
_ORDINAL = regex.compile(r"[0-9]{1,3}(?:st|nd|rd|th)$")
_QUOTES = frozenset("\"'“”„«»‘’")
_APOSTROPHE_TOKENS = frozenset(("'", "’"))
_TRIGGER = attrgetter("trigger")


class Tok(NamedTuple):
    """One token of a region (a tuple: built at C speed, one per token).

    The fields that the token's text alone decides come first: they are the
    :class:`WordCache` entry of the text. The fields its place decides follow.
    """

    text: str
    base: str
    """The token without a possessive ending."""
    possessive: bool = False
    word: bool = False
    cap: bool = False
    """First character is an upper-case letter (or a digit after a capital word)."""
    upper: bool = False
    """At least two letters, all upper case (an acronym)."""
    fold: str = ""
    """Case-folded base."""
    adjective: bool = False
    """A hyphenated adjective (``Baku-based``): never part of a name."""
    trigger: bool = True
    """Some check of :func:`scan_region` may act at this token (False: it skips it)."""
    cut: int = 0
    """Length of the possessive ending (``'s``: 2; 0 if none)."""
    start: int = 0
    end: int = 0
    base_end: int = 0
    sentence_start: bool = False
    skip: bool = False
    """Inside a link or handle: never part of a name."""


# tuple.__new__(Tok, fields) makes a Tok without a Python-level __new__ call.
_new_tok = cast("Callable[[type[Tok], tuple[Any, ...]], Tok]", tuple.__new__)
_POSSESSIVE: Final = 2
_WORD_FLAG: Final = 3
_CAP: Final = 4
_UPPER: Final = 5
_FOLD: Final = 6
_TRIGGER_FLAG: Final = 8
_CUT: Final = 9
_SENTENCE_START: Final = 13
_SKIP: Final = 14


@attrs.define
class Candidate:
    """A proposed organisation mention."""

    start: int
    end: int
    first: int
    """Index of the first token."""
    last: int
    """Index one past the last token."""
    source: str
    """``known``, ``acronym``, ``head``, ``suffix``, ``lower``, ``backref``, ``lowref``."""
    kind: str = "other"
    entry: int | None = None
    head: str | None = None
    head_end: int = -1
    """Offset one past the head noun (complements start after it)."""
    places: frozenset[str] = frozenset()
    acronym: str | None = None
    core: tuple[str, ...] | None = None
    """The name without a legal form, for later bare mentions (``Apple`` of ``Apple Inc.``)."""
    possessor: str | None = None
    cued: bool = False
    """The kind came from a cue word rather than the head's default."""


_WordInfo = tuple[str, str, bool, bool, bool, bool, str, bool, bool, int]
"""What a token's own text decides: the first ten fields of :class:`Tok` (text, base,
possessive, word, cap, upper, fold, adjective, trigger and cut)."""
_WORD, _PUNCT_END, _PUNCT_OPEN, _PUNCT = 0, 1, 2, 3
_ENDS = frozenset(_SENTENCE_END)
"""Tokens that end a sentence (one character each, as every non-word token)."""
_OPEN_OR_END = frozenset(_SENTENCE_END | _TRANSPARENT)
"""Tokens that keep a sentence start pending (the next word starts the sentence)."""


class WordCache(dict[str, _WordInfo]):
    """What each distinct token text decides, computed once per parse (one per article)."""

    def __init__(self, data: OrgData) -> None:
        super().__init__()
        self.data = data

    def __missing__(self, word: str) -> _WordInfo:
        self.learn({word})
        return self[word]

    def learn(self, words: set[str]) -> None:
        """Compute the entries of ``words`` (each one not in the cache yet)."""
        data = self.data
        # Words of lower-case ASCII letters only (most of them) take C-level iterators:
        # base and fold are the word, nothing is cut, capitalised or hyphenated.
        plain = list(filter(str.isascii, filter(str.isalpha, filter(str.islower, words))))
        if plain:
            self.update(
                zip(
                    plain,
                    zip(
                        plain,
                        plain,
                        repeat(False),
                        repeat(True),
                        repeat(False),
                        repeat(False),
                        plain,
                        repeat(False),
                        map(data.plain_triggers.__contains__, plain),
                        repeat(0),
                    ),
                    strict=True,
                )
            )
            words = words.difference(plain)
        # Capitalised words of ASCII letters (a capital, then lower case) likewise: nothing
        # is cut or hyphenated, no acronym; the fold is the word in lower case.
        titles = list(filter(str.istitle, filter(str.isalpha, filter(str.isascii, words))))
        if titles:
            folds = list(map(str.lower, titles))
            triggers = map(
                or_,
                map(data.title_triggers.__contains__, folds),
                map(data.trigger_bases.__contains__, titles),
            )
            self.update(
                zip(
                    titles,
                    zip(
                        titles,
                        titles,
                        repeat(False),
                        repeat(True),
                        repeat(True),
                        repeat(False),
                        folds,
                        repeat(False),
                        triggers,
                        repeat(0),
                    ),
                    strict=True,
                )
            )
            words = words.difference(titles)
        self.learn_any(words)

    def learn_any(self, words: Iterable[str]) -> None:
        """Compute the entries of ``words``, whatever they hold."""
        data = self.data
        adjective_suffixes = data.adjective_suffixes
        prefix_heads = data.prefix_heads
        trigger_folds, trigger_bases = data.trigger_folds, data.trigger_bases
        known, legal_suffixes = data.known, data.legal_suffixes
        known_initials, club_suffixes = data.known_initials, data.club_suffixes
        for word in words:
            first = word[0]
            adjective = "-" in word and word.rsplit("-", 1)[1].casefold() in adjective_suffixes
            if not first.isalnum():
                trigger = word == "," or prefix_heads.get(word) is not None
                self[word] = (word, word, False, False, False, False, "", adjective, trigger, 0)
                continue
            base, cut = word, 0
            if word.endswith(_APOSTROPHES) and len(word) > 2:
                base, cut = word[:-2], 2
                adjective = "-" in base and base.rsplit("-", 1)[1].casefold() in adjective_suffixes
            cap = first.isupper()
            if first.isalpha() and not cap:
                upper = False  # its first letter is not a capital (the common case)
            elif base.isascii() and base.isalpha():  # the same test, without a list
                upper = len(base) >= 2 and base.isupper()
            else:
                letters = [c for c in base if c.isalpha()]
                upper = len(letters) >= 2 and all(c.isupper() for c in letters)
            fold = base.casefold()
            # A superset of the tokens a check of scan_region may act at (a possessive "s'"
            # has the fold of its text, so the known-name test needs the text only for "'s").
            trigger = (
                upper
                or fold in trigger_folds
                or base in trigger_bases
                or word == "at"
                or (
                    fold.replace(".", "") in legal_suffixes
                    and (cap or base == "plc" or base in club_suffixes or "." in base)
                )
            )
            if not trigger:
                # known_at: the forms of the first word it looks up, in the token's case
                key = word.casefold() if cut != 0 and word.casefold() in known else fold
                cases = known_initials.get(key)
                if cases is not None:
                    trigger = (
                        "O" in cases
                        or ("U" in cases and first.isupper())
                        or ("L" in cases and first.islower())
                    )
            self[word] = (word, base, cut != 0, True, cap, upper, fold, adjective, trigger, cut)


def _kind(word: str) -> int:
    """The class of a token: ``_WORD``, ``_PUNCT_END``, ``_PUNCT_OPEN`` or ``_PUNCT``."""
    first = word[0]
    if first.isalnum():
        return _WORD
    if first in _SENTENCE_END:
        return _PUNCT_END
    if first in _TRANSPARENT:
        return _PUNCT_OPEN
    return _PUNCT


def tokenize(
    text: str, start: int, end: int, skips: list[tuple[int, int]], words: WordCache
) -> list[Tok]:
    """Split ``text[start:end]`` into tokens with offsets; mark sentence starts.

    ``words`` caches what each distinct token text decides (one per parse).
    """
    found = region_tokens(text, start, end, skips, words)
    return found.all() if isinstance(found, LazyTokens) else found


_Pairs = list[tuple[str, str]]
"""The ``re`` matches of a region: (blanks before the token, token)."""


def region_pairs(text: str, spans: list[tuple[int, int]], words: WordCache) -> list[_Pairs | None]:
    """The ``re`` matches of each region of ``spans``.

    None for a region that takes :func:`raw_tokens`' path (a character beyond the ``re``
    tables, a word of :func:`_slow_words`). ``words`` learns all their words at once (once
    per call, not once per region).
    """
    pattern, high = _re_patterns()
    found: list[_Pairs | None] = []
    distinct: set[str] = set()
    clean = high.search(text) is None  # (most texts: then no region needs its own test)
    for start, end in spans:
        if clean or high.search(text, start, end) is None:
            pairs = pattern.findall(text, start, end)
            distinct.update(map(itemgetter(1), pairs))
            found.append(pairs)
        else:
            found.append(None)
    # (set.difference of a dict subclass would walk the whole cache; a new cache knows none)
    missing = set(filterfalse(words.__contains__, distinct)) if words else distinct
    if missing:
        words.learn(missing)
    slow = _slow_words(distinct)
    if slow:  # a region holding one of them takes the raw_tokens path
        found = [
            None if pairs is None or not slow.isdisjoint(map(itemgetter(1), pairs)) else pairs
            for pairs in found
        ]
    return found


def _slow_words(words: Iterable[str]) -> set[str]:
    """The words that need :func:`raw_tokens`' slower path.

    Those longer than the fast pattern's bound, and those with a missing space after a dot
    (``Energy.The``).
    """
    distinct = list(words)
    slow = set(compress(distinct, map(gt, map(len, distinct), repeat(_FAST_LIMIT))))
    for word in compress(distinct, map(contains, distinct, repeat("."))):
        if word != "." and not _dotted(word) and len(_split_missing_space(word, 0)) > 1:
            slow.add(word)
    return slow


def all_tokens(
    text: str,
    start: int,
    end: int,
    skips: list[tuple[int, int]],
    words: WordCache,
    *,
    pairs: _Pairs | None = None,
    checked: bool = False,
) -> list[Tok]:
    """:func:`tokenize` in one pass over the tokens (cheaper for a short region).

    ``pairs``, ``checked``: the region's ``re`` matches as :func:`region_pairs` gives them.
    """
    if not checked:
        pattern, high = _re_patterns()
        if high.search(text, start, end) is None:
            pairs = pattern.findall(text, start, end)
            if _slow_words(set(map(itemgetter(1), pairs))):
                pairs = None
    if pairs is None:
        return _raw_tokenize(raw_tokens(text, start, end), skips, words)
    return _fast_tokens(pairs, start, words, skips=skips)


def _fast_tokens(
    pairs: _Pairs,
    start: int,
    words: WordCache,
    *,
    skips: list[tuple[int, int]],
) -> list[Tok]:
    """:func:`all_tokens` in one pass over the ``re`` matches.

    The same tokens as :func:`raw_tokens` gives, then the same fields as
    :func:`_raw_tokenize` sets, for matches holding no word of :func:`_slow_words` (the
    caller checks). A word ``words`` has not learnt is learnt on first use.
    """
    toks: list[Tok] = []
    append = toks.append
    new = _new_tok
    info_of = words.__getitem__
    pos = start
    at_start = True
    # words ending in "s" before an apostrophe, with the apostrophe's index and end:
    # possessive unless a token starts right where the apostrophe ends (decided at the end)
    apostrophes: list[tuple[int, int, int]] = []
    for blank, word in pairs:
        s = pos + len(blank)
        e = pos = s + len(word)
        if word == "." and toks:
            last = toks[-1]
            name = last.text
            # (a name ending in "." is an abbreviation joined already, or a dot)
            if last.end == s and name[-1] != "." and _joins(name):
                name += "."
                info = info_of(name)
                places = (last.start, e, e - info[9], last.sentence_start, False)
                toks[-1] = new(Tok, info + places)
                continue
        info = info_of(word)
        if info[3]:  # a word
            append(new(Tok, info + (s, e, e - info[9], at_start, False)))  # noqa: RUF005
            at_start = False
            continue
        append(new(Tok, info + (s, e, e, False, False)))  # noqa: RUF005
        if word in _ENDS:
            at_start = True
        elif word not in _TRANSPARENT:
            at_start = False
        elif word in _APOSTROPHE_TOKENS and len(toks) > 1:
            prev = toks[-2]
            if prev.word and prev.end == s and prev.text[-1] == "s" and not prev.possessive:
                apostrophes.append((len(toks) - 2, len(toks) - 1, e))
    n = len(toks)
    for k, a, a_end in apostrophes:
        if a + 1 >= n or toks[a + 1].start > a_end:
            toks[k] = _set(toks[k], _POSSESSIVE)
    if skips:
        ends = [t.end for t in toks]
        starts = [t.start for t in toks]
        for a, b in skips:  # every token overlapping a skip
            for i in range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)):
                toks[i] = _set(toks[i], _SKIP)
    return toks


def _set(tok: Tok, field: int) -> Tok:
    """``tok`` with the field at index ``field`` True."""
    return _new_tok(Tok, (*tok[:field], True, *tok[field + 1 :]))


def region_tokens(
    text: str,
    start: int,
    end: int,
    skips: list[tuple[int, int]],
    words: WordCache,
    *,
    pairs: _Pairs | None = None,
    checked: bool = False,
) -> LazyTokens | list[Tok]:
    """The tokens of ``text[start:end]``, built on demand.

    Built all at once for text that takes :func:`raw_tokens`' slower path (characters
    beyond the ``re`` tables, a word too long for the fast pattern, a missing space after a
    dot). ``pairs``, ``checked``: the region's ``re`` matches as :func:`region_pairs` gives
    them.
    """
    found = None
    if not checked:
        pattern, high = _re_patterns()
        if high.search(text, start, end) is None:
            pairs = pattern.findall(text, start, end)
    if pairs is not None:
        found = _fast_arrays(pairs, checked=checked)
    if found is None:
        return _raw_tokenize(raw_tokens(text, start, end), skips, words)
    return LazyTokens(found[0], found[1], start, skips, words)


def _joins(word: str) -> bool:
    """True when ``word`` and a ``.`` right after it are one token (``St.``, ``U.S.``)."""
    return word[:1].isalpha() and (
        word.casefold() in _ABBREVIATIONS or ("." in word and _dotted(word))
    )


def _fast_arrays(pairs: _Pairs, *, checked: bool = False) -> tuple[list[str], list[str]] | None:
    """The tokens of :func:`raw_tokens` as two lists: texts and the blanks before them.

    Built with C-level iterators over the ``re`` matches; None where a word needs
    :func:`raw_tokens`' slower path (a word of :func:`_slow_words`; ``checked``: there is
    none).
    """
    if not pairs:
        return [], []
    words = list(map(itemgetter(1), pairs))
    if not checked and _slow_words(set(words)):
        return None
    blanks = list(map(itemgetter(0), pairs))
    if "." in words:
        # An abbreviation and the dot right after it are one token; a dot joined already
        # is no abbreviation, so the test reads the words before any join.
        joined = [
            j
            for j in compress(range(len(words)), map(eq, words, repeat(".")))
            if j and not blanks[j] and _joins(words[j - 1])
        ]
        for j in reversed(joined):
            words[j - 1] += "."
            del words[j], blanks[j]
    return words, blanks


_UNBUILT: Any = object()
"""Stands for a token not built yet: reading any field of it raises AttributeError."""


class LazyTokens:
    """The tokens of one region, built only where they are read.

    Only the tokens near those some check may act at are built at first. The texts and
    cache entries of all tokens are lists made at C speed; offsets are summed, and a
    :class:`Tok` made for a stretch of them, on demand. The fields its place decides
    (sentence start, possessive ``s'``, inside a link) are computed for the whole region
    first, so a token comes out the same whichever stretch builds it.
    """

    def __init__(
        self,
        words: list[str],
        blanks: list[str],
        start: int,
        skips: list[tuple[int, int]],
        cache: WordCache,
    ) -> None:
        n = self.n = len(words)
        self.words = words
        self.blanks = blanks
        self.start = start
        infos = self.infos = list(map(cache.__getitem__, words))
        self.toks: list[Tok] = [_UNBUILT] * n
        self.complete = False
        # "partners' shares": a word ending in "s" and an apostrophe right after it, with
        # no token starting where the apostrophe ends.
        self.possessive: set[int] = set()
        for a in compress(range(n), map(_APOSTROPHE_TOKENS.__contains__, words)):
            if not a:
                continue
            prev = infos[a - 1]
            if (
                prev[_WORD_FLAG]
                and not blanks[a]
                and prev[0][-1] == "s"
                and not prev[_POSSESSIVE]
                and (a + 1 >= n or blanks[a + 1])
            ):
                self.possessive.add(a - 1)
        self.skips = skips
        self.skipped: set[int] = set()
        if skips:
            lens = list(map(len, words))
            steps = map(add, map(len, blanks), lens)
            ends = list(islice(accumulate(steps, initial=start), 1, None))
            starts = list(map(sub, ends, lens))
            for a, b in skips:  # every token overlapping a skip
                self.skipped.update(
                    range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b))
                )
        # offsets are summed up to here (see _places): the index and the offset
        self.summed = 0
        self.pos = start
        self.patches: dict[int, list[int]] | None = None
        self.patched: list[int] = []

    def _places(self, a: int, b: int) -> Iterator[tuple[int, int, int, bool, bool]]:
        """Start, end, base end, and False twice, for the tokens ``a:b``.

        Sentence start and link are patched later. The offsets are summed on from the last
        stretch built (stretches are built in order).
        """
        words, blanks = self.words, self.blanks
        if a < self.summed:
            self.summed, self.pos = 0, self.start
        # the offset where token a's blanks start: the sums of the lengths before it
        summed = self.summed
        pos = self.pos + sum(map(len, blanks[summed:a])) + sum(map(len, words[summed:a]))
        lens = list(map(len, words[a:b]))
        steps = map(add, map(len, blanks[a:b]), lens)
        ends = list(islice(accumulate(steps, initial=pos), 1, None))
        self.summed, self.pos = b, ends[-1]
        starts = map(sub, ends, lens)
        base_ends = map(sub, ends, map(itemgetter(_CUT), self.infos[a:b]))
        return zip(starts, ends, base_ends, repeat(False), repeat(False))

    def _patches(self) -> dict[int, list[int]]:
        """The fields made True, by token: sentence starts, possessives, links."""
        words, infos, n = self.words, self.infos, self.n
        patches: dict[int, list[int]] = {}
        # A word after the start of the region or a sentence end (and any quotes or
        # brackets) starts a sentence.
        ends_at = map((1).__add__, compress(range(n), map(_ENDS.__contains__, words)))
        for after in chain((0,), ends_at):
            p = after
            while p < n and words[p] in _OPEN_OR_END:
                p += 1
            if p < n and infos[p][_WORD_FLAG] and p not in patches:
                patches[p] = [_SENTENCE_START]
        for i in self.possessive:
            patches.setdefault(i, []).append(_POSSESSIVE)
        for i in self.skipped:
            patches.setdefault(i, []).append(_SKIP)
        self.patched = sorted(patches)
        return patches

    def build(self, a: int, b: int) -> None:
        """Make the tokens ``a:b`` (any built already are made again, the same)."""
        a = max(a, 0)
        b = min(b, self.n)
        if a >= b:
            return
        patches = self.patches
        if patches is None:
            patches = self.patches = self._patches()
        toks = self.toks
        toks[a:b] = map(_new_tok, repeat(Tok), map(add, self.infos[a:b], self._places(a, b)))
        patched = self.patched
        for k in range(bisect.bisect_left(patched, a), bisect.bisect_left(patched, b)):
            i = patched[k]
            fields = list(toks[i])
            for field in patches[i]:
                fields[field] = True
            toks[i] = _new_tok(Tok, tuple(fields))

    def bases(self) -> Iterator[str]:
        """The base of every token, in order."""
        return map(itemgetter(1), self.infos)

    def all(self) -> list[Tok]:
        """Every token of the region."""
        if not self.complete:
            self.build(0, self.n)
            self.complete = True
        return self.toks

    def around(self, points: list[int], before: int, after: int) -> list[Tok]:
        """The token list with the tokens near ``points`` (sorted) built, the others not."""
        lo = hi = -1
        for i in points:
            if i - before > hi:
                if hi > lo:
                    self.build(lo, hi)
                lo = i - before
            hi = i + after + 1
        if hi > lo:
            self.build(lo, hi)
        return self.toks

    def acting(self, data: OrgData) -> list[int]:
        """The tokens some check of :func:`scan_region` may act at, given their neighbours.

        A subset of the trigger tokens, and a superset of those where a check finds
        something: each test below is a condition the check itself returns without.
        """
        infos = self.infos
        n = self.n
        skipped = self.skipped
        known, acronym_entries = data.known, data.acronym_entries
        known_next, known_single = data.known_next, data.known_single
        possessive = self.possessive
        heads, prefix_heads = data.heads, data.prefix_heads
        legal_prefixes, legal_suffixes = data.legal_prefixes, data.legal_suffixes
        descriptor_nouns, descriptors_after = data.descriptor_nouns, data.descriptors_after_name
        not_acronyms = data.not_acronyms
        acting: list[int] = []
        append = acting.append
        for i in compress(range(n), map(itemgetter(_TRIGGER_FLAG), infos)):
            info = infos[i]
            if not info[_WORD_FLAG]:
                if (
                    info[0] == "," and i + 2 < n and infos[i + 1][_FOLD] in ("a", "an")
                ) or prefix_heads.get(info[1]) is not None:
                    append(i)
                continue
            text, base, poss, _, cap, upper, fold = info[:7]
            if text == "at" and i and i + 1 < n and infos[i - 1][_FOLD] in data.workplace_roles:
                append(i)
                continue
            if prefix_heads.get(base) is not None:
                append(i)
                continue
            if i in skipped:
                continue
            if upper and i + 1 < n and infos[i + 1][_FOLD] in data.acronym_roles:
                append(i)
                continue
            if upper and 0 < i < n - 1 and infos[i - 1][0] == "(" and infos[i + 1][0] == ")":
                append(i)  # "Gas Transmission System Operator of Ukraine (GTSOU)"
                continue
            if base in acronym_entries and base not in not_acronyms:
                append(i)
                continue
            if base in legal_prefixes or (
                i and fold.replace(".", "") in legal_suffixes and self._after_name(i, data)
            ):
                append(i)
                continue
            if (fold in descriptor_nouns or fold in descriptors_after) and text.islower():
                # a capitalised word must follow (the name after the noun) or come before it
                nxt = infos[i + 1] if i + 1 < n else None
                prev = infos[i - 1] if i else None
                if (nxt is not None and nxt[_WORD_FLAG] and (nxt[_CAP] or nxt[_UPPER])) or (
                    prev is not None and prev[_WORD_FLAG] and (prev[_CAP] or prev[_UPPER])
                ):
                    append(i)
                    continue
            if heads.get(fold) is not None:
                if cap and not upper:
                    append(i)
                    continue
                if i and text.islower():
                    prev = infos[i - 1]
                    if prev[0].casefold() == "the" or (
                        prev[_WORD_FLAG]
                        and prev[0].islower()
                        and prev[_FOLD] in data.lowercase_modifiers
                    ):
                        append(i)
                        continue
            if fold in known and not poss and i + 1 < n:
                # "Azerbaijan and": no form of the word goes on with the next word, and none
                # is the word alone (what _may_be_known finds first, without the call)
                nxt = infos[i + 1]
                if (
                    nxt[_WORD_FLAG]
                    and not nxt[_POSSESSIVE]
                    and i + 1 not in possessive
                    and nxt[_FOLD] not in known_next[fold]
                    and not known_single[fold]
                ):
                    continue
            if (fold in known or (poss and text.casefold() in known)) and self._may_be_known(
                i, data
            ):
                append(i)
        return acting

    def _after_name(self, i: int, data: OrgData) -> bool:
        """False when :meth:`_Scanner.legal_at` finds nothing at the legal form at ``i``.

        A legal suffix follows a capitalised name, a quote, ``&``, ``,`` or another legal
        form; a club suffix follows a capitalised word.
        """
        info = self.infos[i]
        prev = self.infos[i - 1]
        if prev[_WORD_FLAG] and (prev[_CAP] or prev[_UPPER]):
            return True
        if not (info[_CAP] or info[_UPPER] or info[1] == "plc"):
            return False
        return (
            prev[0] in _QUOTES
            or prev[0] in ("&", ",")
            or prev[1].replace(".", "").casefold() in data.legal_suffixes
        )

    def _may_be_known(self, i: int, data: OrgData) -> bool:
        """False when no known form can start at token ``i``.

        The forms are those :meth:`_Scanner.known_at` tries: the ones its second word lets
        through, written in the right case, with the right words after it.
        """
        infos = self.infos
        n = self.n
        text, fold = infos[i][0], infos[i][_FOLD]
        key = text.casefold()
        options = data.known.get(key)
        if not options:
            key = fold
            options = data.known.get(key)
        if not options:
            return False
        if i + 1 >= n:
            options = data.known_single[key]
        else:
            second = infos[i + 1]
            if not second[_WORD_FLAG]:  # ("Russia,"): only a form with that second token
                options = data.known_next[key].get(second[0].casefold()) or data.known_single[key]
            elif not second[_POSSESSIVE] and i + 1 not in self.possessive:
                options = data.known_next[key].get(second[_FOLD]) or data.known_single[key]
        initial = text[:1]
        for tokens, form, _ in options:
            size = len(tokens)
            if i + size > n:
                continue
            if (form[:1].isupper() and not initial.isupper()) or (
                form[:1].islower() and not initial.islower()
            ):
                continue
            for k in range(1, size):
                info = infos[i + k]
                if info[_FOLD] != tokens[k] and info[0].casefold() != tokens[k]:
                    break
            else:
                return True
        return False


def _raw_tokenize(
    raw: list[tuple[str, int, int]], skips: list[tuple[int, int]], words: WordCache
) -> list[Tok]:
    """:func:`tokenize` over the tokens of :func:`raw_tokens`, one token at a time."""
    n = len(raw)
    missing = set(map(itemgetter(0), raw)).difference(words)
    if missing:
        words.learn(missing)
    merged: list[Tok] = []
    append = merged.append
    new = _new_tok
    at_start = True
    skip = False
    skip_i = 0
    skips = sorted(skips)
    n_skips = len(skips)
    info_of = words.__getitem__
    for i, (word, s, e) in enumerate(raw):
        if n_skips:
            while skip_i < n_skips and skips[skip_i][1] <= s:
                skip_i += 1
            skip = skip_i < n_skips and skips[skip_i][0] < e
        info = info_of(word)
        kind = _kind(word)
        if kind:
            append(new(Tok, (*info, s, e, e, False, skip)))
            if kind == _PUNCT_END:
                at_start = True
            elif kind == _PUNCT:
                at_start = False
            continue
        cut = info[9]
        possessive = cut != 0 or (
            word[-1] == "s"
            and i + 1 < n
            and raw[i + 1][0] in ("'", "’")
            and raw[i + 1][1] == e
            and (i + 2 >= n or raw[i + 2][1] > raw[i + 1][2])
        )
        append(
            new(
                Tok,
                (
                    *info[:_POSSESSIVE],
                    possessive,
                    *info[_POSSESSIVE + 1 :],
                    s,
                    e,
                    e - cut,
                    at_start,
                    skip,
                ),
            )
        )
        at_start = False
    return merged


def _cap_word(tok: Tok) -> bool:
    return tok.word and not tok.skip and not tok.adjective and (tok.cap or tok.upper)


class _Scanner:
    """Candidate finder over the tokens of one region."""

    def __init__(
        self,
        data: OrgData,
        toks: list[Tok],
        titlecase: bool,
        people: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.data = data
        self.toks = toks
        self.n = len(toks)
        self.titlecase = titlecase
        self.people = people
        self.out: list[Candidate] = []
        self.paren_acronyms: list[int] = []
        """Acronyms written alone in parentheses (``(GTSOU)``), for :meth:`definitions`."""

    # -- helpers -------------------------------------------------------------------
    def place_at(self, i: int, stop: int | None = None) -> tuple[str, int] | None:
        """The place name starting at token ``i`` (longest) and the index after it."""
        data = self.data
        limit = self.n if stop is None else stop
        best: tuple[str, int] | None = None
        key: tuple[str, ...] = ()
        places, prefixes = data.places, data.place_prefixes
        for j in range(i, min(limit, i + data.max_place_len)):
            tok = self.toks[j]
            if not tok.word:
                break
            key = (*key, tok.fold)
            place = places.get(key)
            if place is not None:
                best = (place, j + 1)
            if tok.possessive or key not in prefixes:
                break  # (no longer place starts with these words)
        return best

    def is_place_word(self, i: int) -> str | None:
        tok = self.toks[i]
        place = self.data.places.get((tok.fold,))
        if place is not None:
            return place
        if "-" in tok.base:
            parts = tok.base.split("-")
            found = [self.data.places.get((p.casefold(),)) for p in parts]
            if all(found) and found[0] is not None:
                return found[0]
        return None

    def places_in(self, first: int, last: int) -> set[str]:
        found: set[str] = set()
        i = first
        while i < last:
            hit = self.place_at(i, last)
            if hit is None:
                tok = self.toks[i]
                if "-" in tok.base:
                    for part in tok.base.split("-"):
                        place = self.data.places.get((part.casefold(),))
                        if place:
                            found.add(place)
                i += 1
            else:
                found.add(hit[0])
                i = hit[1]
        return found

    def is_person_start(self, i: int, *, found: bool = True) -> bool:
        """True when a person's name seems to start at token ``i``.

        With ``found``, the names the people parser found count too (used to end a name
        before a person: ``Ministry of Interior Erkan Kilic``).
        """
        data = self.data
        tok = self.toks[i]
        if tok.base in data.given_names:
            return True
        if found and i + 1 < self.n and (tok.fold, self.toks[i + 1].fold) in self.people:
            return True
        if i + 1 < self.n:
            nxt = self.toks[i + 1]
            if (
                _cap_word(nxt)
                and not nxt.upper
                and len(nxt.fold) > 4
                and nxt.fold.endswith(data.surname_suffixes)
                and nxt.fold not in data.heads
            ):
                return True
        return False

    def cue_before(self, i: int) -> bool:
        cues = self.data.cues_before
        words: tuple[str, ...] = ()
        for j in range(i - 1, max(-1, i - 5), -1):
            words = (self.toks[j].text.casefold(), *words)
            if words in cues:
                return True
        return False

    def cue_after(self, last: int) -> bool:
        cues = self.data.cues_after
        tok = self.toks[last - 1]
        if tok.possessive:
            return True
        words: tuple[str, ...] = ()
        for j in range(last, min(self.n, last + 4)):
            words = (*words, self.toks[j].text.casefold())
            if words in cues:
                return True
        return False

    # -- known names -------------------------------------------------------------------
    def known_at(self, i: int) -> None:
        data = self.data
        tok = self.toks[i]
        if not tok.word or tok.skip:
            return
        key = tok.text.casefold()
        options = data.known.get(key)
        if not options:
            key = tok.fold
            options = data.known.get(key)
        if options:
            toks, n = self.toks, self.n
            second = toks[i + 1] if i + 1 < n else None
            if second is None:
                options = data.known_single[key]
            elif second.word and not second.possessive:
                # Only the forms that the look at the second word below lets through.
                options = data.known_next[key].get(second.fold) or data.known_single[key]
            elif not second.word:
                # ("Russia,"): only a form whose second token is that one can match
                options = data.known_next[key].get(second.text.casefold()) or data.known_single[key]
            for tokens, form, index in options:
                if len(tokens) > 1:
                    # A cheap look at the second word first (most forms fail there): a
                    # word not possessive has text.casefold() == fold.
                    if i + 1 >= n:
                        continue
                    second = toks[i + 1]
                    if second.word and not second.possessive and second.fold != tokens[1]:
                        continue
                last = self._match_form(i, tokens, form)
                if last is None:
                    continue
                if not self._ambiguity_ok(i, last, form):
                    continue
                self._add_known(i, last, index, "known")
                break
        entry = data.acronym_entries.get(tok.base)
        if entry is not None and tok.base not in data.not_acronyms:
            self._add_known(i, i + 1, entry, "acronym")

    def known_length(self, i: int) -> int:
        """Number of tokens of the known name starting at ``i`` (0 if none)."""
        tok = self.toks[i]
        for tokens, form, _ in self.data.known.get(tok.text.casefold()) or ():
            last = self._match_form(i, tokens, form)
            if last is not None:
                return last - i
        return 0

    def _match_form(self, i: int, tokens: tuple[str, ...], form: str) -> int | None:
        toks = self.toks
        if i + len(tokens) > self.n:
            return None
        for k, want in enumerate(tokens):
            tok = toks[i + k]
            last = k == len(tokens) - 1
            got = tok.fold if last else tok.text.casefold()
            if tok.skip or got != want or (tok.possessive and not last):
                return None
        caps = self.data.form_caps.get(form, ())
        for k in range(1, min(len(caps), len(tokens))):
            tok = toks[i + k]
            if tok.text[:1].isalpha() and tok.text[:1].isupper() != caps[k]:
                return None
        first = toks[i]
        if form[:1].isupper() and not first.text[:1].isupper():
            return None
        end = i + len(tokens)
        if tokens[0] == "the" and end < self.n and _cap_word(toks[end]):
            return None
        if form[:1].islower() and not first.text[:1].islower():
            return None
        letters = [c for c in form if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            written = "".join(t.base for t in toks[i : i + len(tokens)])
            if written != "".join(form.split()):
                return None
        return i + len(tokens)

    def _ambiguity_ok(self, i: int, last: int, form: str) -> bool:
        data = self.data
        first = self.toks[i]
        if form in data.cue_only_names:
            return self.cue_before(i) or self.cue_after(last)
        if form not in data.common_word_names:
            return True
        if first.base != form:
            return False
        if self.cue_before(i) or self.cue_after(last):
            return True
        if first.sentence_start or self.titlecase:
            return False
        prev = self.toks[i - 1] if i > 0 else None
        nxt = self.toks[last] if last < self.n else None
        return not ((prev is not None and _cap_word(prev)) or (nxt is not None and _cap_word(nxt)))

    def _add_known(self, first: int, last: int, index: int, source: str) -> None:
        entry = self.data.entries[index]
        if source == "acronym" and entry.needs_definition:
            source = "pending"
        end_tok = self.toks[last - 1]
        possessor = self._possessor(first)
        places = self.places_in(first, last)
        if possessor:
            places.add(possessor)
        self.out.append(
            Candidate(
                start=self.toks[first].start,
                end=end_tok.base_end,
                first=first,
                last=last,
                source=source,
                kind=entry.kind,
                entry=index,
                acronym=entry.acronym,
                places=frozenset(places),
                possessor=possessor,
            )
        )

    def _possessor(self, first: int) -> str | None:
        if first == 0:
            return None
        prev = self.toks[first - 1]
        if prev.possessive and _cap_word(prev):
            return self.data.places.get((prev.fold,))
        return None

    # -- head nouns ------------------------------------------------------------------------
    def left_edge(self, h: int, *, allow_lower: bool, allow_and: bool = True) -> int:
        """Index of the first modifier token before the head at ``h`` (``h`` if none)."""
        data = self.data
        toks = self.toks
        start = h
        j = h - 1
        count = 0
        while j >= 0 and count < _MAX_LEFT:
            tok = toks[j]
            if (_cap_word(tok) or _ORDINAL.match(tok.text)) and (
                not tok.possessive or tok.fold in data.possessive_name_words
            ):
                if tok.fold in data.non_name_words and not tok.possessive:
                    break
                start = j
            elif tok.text == "&" and j > 0 and _cap_word(toks[j - 1]) and start == j + 1:
                start = j
            elif (
                tok.text in ("'", "’")
                and start == j + 1
                and j > 0
                and toks[j - 1].possessive
                and _cap_word(toks[j - 1])
                and toks[j - 1].text[-1:] == "s"
                and (
                    toks[j - 1].fold in data.possessive_name_words
                    or toks[j - 1].fold not in data.non_name_words
                )
            ):
                # "Employers' Association", "Landowners' Union": a plural possessive
                # right before the name's next word belongs to the name
                start = j - 1
                j -= 1
                count += 1
            else:
                break
            j -= 1
            count += 1
        if start == h and allow_lower:
            start = self._lower_left(h)
        if start < h and toks[start].text == "&":
            start += 1
        if start < h and allow_and:
            start = self._left_and(start, h)
        return start

    def _left_and(self, start: int, h: int) -> int:
        """``National Oceanic and Atmospheric Administration``: modifiers joined by ``and``.

        The words before ``and`` (or a list ``Oil, Gas and Mineral``) join the name only
        when they start a phrase themselves (after ``the``, ``a`` or punctuation), hold no
        head noun and no other name, and no place follows ``and``, so that ``Ministry of
        Energy and Azerbaijan Investment Company`` stays two names.
        """
        toks = self.toks
        j = start - 1
        if j < 1 or toks[j].text != "and" or self.place_at(start, start + 1) is not None:
            return start
        k = j
        for _ in range(4):
            stop = self._left_words(k)
            if stop is None:
                return start
            if stop == k:
                break
            k = stop
            if k > 1 and toks[k - 1].text == "," and _cap_word(toks[k - 2]):
                k -= 1
                continue
            break
        if k == j or toks[k].text == ",":
            return start
        before = toks[k - 1] if k > 0 else None
        if (
            before is not None
            and before.word
            and before.fold not in ("the", "a", "an")
            and not (before.possessive and self.place_at(k - 1, k) is not None)
        ):
            return start
        return k

    def _left_words(self, k: int) -> int | None:
        """Start of the capitalised words that end just before ``k``; None if they hold a name."""
        data = self.data
        toks = self.toks
        end = k
        while k > 0 and end - k < 3 and _cap_word(toks[k - 1]) and not toks[k - 1].possessive:
            tok = toks[k - 1]
            if tok.fold in data.non_name_words:
                break
            if tok.fold in data.heads or self.known_length(k - 1):
                return None
            if tok.base in data.acronym_entries or _norm_legal(tok.base) in data.legal_suffixes:
                return None
            k -= 1
            if self.place_at(k, k + 1) is not None:
                break
        return k

    def _lower_left(self, h: int) -> int:
        data = self.data
        toks = self.toks
        j = h - 1
        count = 0
        while (
            j >= 0
            and count < 4
            and toks[j].word
            and toks[j].text.islower()
            and toks[j].fold in data.lowercase_modifiers
        ):
            j -= 1
            count += 1
        if count == 0 or j < 0:
            return h
        tok = toks[j]
        if not _cap_word(tok) or tok.possessive or tok.fold in data.non_name_words:
            return h
        parts = tok.base.split("-")
        unit = any(t.fold in data.lowercase_unit_modifiers for t in toks[j + 1 : h])
        if not unit and not all(
            data.places.get((p.casefold(),)) is not None or p in data.acronym_entries for p in parts
        ):
            return h
        start = j
        k = j - 1
        while k >= 0 and _cap_word(toks[k]) and not toks[k].possessive and j - k < 3:
            if toks[k].fold in data.non_name_words:
                break
            if unit and toks[k].sentence_start and data.places.get((toks[k].fold,)) is None:
                break  # "Neighbouring Ashcombe district council": not part of the place
            start = k
            k -= 1
        return start

    def cap_sequence(self, k: int) -> int:
        """End of the complement's capitalised words starting at ``k`` (``k`` if none)."""
        toks = self.toks
        j = k
        count = 0
        while j < self.n and count < _MAX_COMPLEMENT_WORDS:
            tok = toks[j]
            number = tok.word and tok.text.isdigit() and len(tok.text) <= 4
            if _cap_word(tok) or (number and (j == k or _cap_word(toks[j - 1]))):
                if j > k and (
                    self.is_person_start(j)
                    # "... Climate Change Dr. Ali": an abbreviated title starts what follows
                    or (tok.text[-1] == "." and tok.fold in self.data.non_name_words)
                ):
                    break
                j += 1
                count += 1
                if tok.possessive:
                    break
                continue
            if (
                j > k
                and tok.text == "the"
                and j + 1 < self.n
                and _cap_word(toks[j + 1])
                and toks[j - 1].fold.endswith("ing")
            ):
                j += 1
                continue
            if j > k and tok.text in ("and", "&") and self._and_continues(j):
                j += 1
                continue
            if j > k and tok.text == ",":
                after = self._comma_list(j)
                if after > j:
                    j = after
                    continue
            break
        return j

    def _and_continues(self, j: int) -> bool:
        data = self.data
        toks = self.toks
        if j + 1 >= self.n:
            return False
        nxt = toks[j + 1]
        if not _cap_word(nxt) or nxt.possessive or nxt.fold in data.non_name_words:
            return False
        if self.place_at(j + 1) is not None or self.is_person_start(j + 1):
            return False
        if nxt.base in data.acronym_entries or self.known_length(j + 1):
            return False
        m = j + 1
        plural_head = False
        while m < self.n and m - j < 6 and _cap_word(toks[m]):
            tok = toks[m]
            if tok.fold in data.heads:
                if not tok.fold.endswith("s"):
                    return False
                plural_head = True
            if any(c.isupper() for c in tok.base[1:]) and not tok.upper:
                return False  # a brand written in camel case (UzAuto) starts a new name
            m += 1
        # "Industry and High Technologies of Tajikistan": a plural head inside a ministry's
        # complement only when the complement goes on.
        return not plural_head or (m < self.n and toks[m].text in data.connectors)

    def _comma_list(self, j: int) -> int:
        """After a comma inside a complement: the end of ``, A, B and C D`` or ``j``."""
        toks = self.toks
        m = j
        items = 0
        while m + 1 < self.n and toks[m].text == "," and items < _MAX_LIST_ITEMS:
            tok = toks[m + 1]
            if tok.text == "and":
                break
            if not self._list_item(m + 1):
                return j
            items += 1
            m += 2
        if m < self.n and toks[m].text == ",":
            m += 1
        if items == 0 or m >= self.n or toks[m].text != "and":
            return j
        if m + 1 >= self.n or not self._list_item(m + 1):
            return j
        end = m + 2
        while end < self.n and _cap_word(toks[end]) and end - m < 5:
            if toks[end].possessive:
                end += 1
                break
            end += 1
        return end

    def _list_item(self, i: int) -> bool:
        data = self.data
        tok = self.toks[i]
        return (
            _cap_word(tok)
            and not tok.possessive
            and not tok.upper
            and tok.fold not in data.non_name_words
            and tok.fold not in data.heads
            and self.place_at(i) is None
        )

    def right_edge(self, h: int) -> tuple[int, list[tuple[int, int]]]:
        """Index after the last complement of the head at ``h``; the complements' spans."""
        data = self.data
        toks = self.toks
        end = h + 1
        complements: list[tuple[int, int]] = []
        if toks[h].possessive:
            return end, complements
        for _ in range(_MAX_COMPLEMENTS):
            k = end
            if k >= self.n:
                break
            word = toks[k].text
            if word not in data.connectors and not (word == "to" and toks[h].fold in data.to_heads):
                break
            k += 1
            if k < self.n and toks[k].text == "the":
                k += 1
            if k >= self.n or not _cap_word(toks[k]) or toks[k].fold in data.time_words:
                break
            stop = self.cap_sequence(k)
            if stop <= k:
                break
            complements.append((k, stop))
            end = stop
            if toks[stop - 1].possessive:
                break
            hit = self.place_at(k, stop)
            to_next = stop < self.n and toks[stop].text == "to"
            if (
                hit is not None
                and hit[1] == stop
                and not (to_next and toks[h].fold in data.to_heads)
            ):
                break
        return end, complements

    def head_at(self, h: int) -> None:
        data = self.data
        toks = self.toks
        tok = toks[h]
        if tok.skip or not tok.word:
            return
        kind = data.heads.get(tok.fold)
        if kind is None:
            return
        required = data.head_requires.get(tok.fold)
        if required is not None and (h == 0 or toks[h - 1].fold not in required):
            return  # "Hall" heads "Bishkek City Hall", not "Carnegie Hall"
        if tok.cap and not tok.upper:
            start = self.left_edge(h, allow_lower=True)
            end, complements = self.right_edge(h)
            if not complements and (
                tok.fold in data.complement_heads
                # "Energy Cabinet Secretary X", "Treasury Secretary X": a portfolio
                or (end < self.n and toks[end].fold in data.title_followers)
            ):
                return
            if start == h and not complements:
                prev = toks[h - 1] if h > 0 else None
                if (prev is not None and prev.fold == "the") or (
                    tok.fold in data.standalone_heads and not tok.sentence_start
                ):
                    self._add(h, h + 1, "backref", kind, tok.fold, h)
                return
            if not complements and self._title_follows(end):
                return
            self._add(start, end, "head", kind, tok.fold, h, complements)
        elif tok.text.islower() and tok.fold in data.lowercase_heads:
            start = self._lower_left(h)
            if start < h:
                end, complements = self.right_edge(h)
                self._add(start, end, "lower", kind, tok.fold, h, complements)
                return
            self._lowref(h)
        elif tok.text.islower():
            self._lowref(h)

    def _title_follows(self, end: int) -> bool:
        """True when capitalised words after ``end`` close an event or document title."""
        data = self.data
        toks = self.toks
        k = end
        last = None
        while k < self.n and k - end < 4 and _cap_word(toks[k]):
            last = toks[k]
            k += 1
            if last.possessive:
                break
        return last is not None and last.fold in data.event_heads

    def prefix_head_at(self, i: int) -> None:
        """``FC Bayern München``, ``Bank Respublika``: a head written before the name."""
        data = self.data
        toks = self.toks
        tok = toks[i]
        kind = data.prefix_heads.get(tok.base)
        if kind is None or tok.skip or tok.possessive or i + 1 >= self.n:
            return
        if i > 0 and _cap_word(toks[i - 1]):
            return
        k = i + 1
        end = k
        while end < self.n and end - k < 5:
            nxt = toks[end]
            if _cap_word(nxt) and nxt.fold not in data.non_name_words:
                if nxt.fold in data.time_words or (end > k and self.is_person_start(end)):
                    break
                end += 1
                if nxt.possessive:
                    break
                continue
            if (
                nxt.text in data.name_particles
                and end > k
                and end + 1 < self.n
                and _cap_word(toks[end + 1])
            ):
                end += 1
                continue
            break
        if end == k:
            return
        head = tok.fold if tok.fold in data.heads else "club"
        self._add(i, end, "head", kind, head, end - 1)
        if self._proper(k, end):
            self.out[-1].core = tuple(t.base for t in toks[k:end])

    def _lowref(self, h: int) -> None:
        data = self.data
        toks = self.toks
        if h == 0 or toks[h - 1].text.casefold() != "the":
            return
        if h + 1 < self.n:
            nxt = toks[h + 1]
            if nxt.fold in data.backref_blockers or _cap_word(nxt):
                return
            if nxt.text in {"-", "/"}:
                return
        self._add(h, h + 1, "lowref", data.heads[toks[h].fold], toks[h].fold, h)

    def _add(  # noqa: PLR0917
        self,
        first: int,
        last: int,
        source: str,
        kind: str,
        head: str | None,
        h: int,
        complements: list[tuple[int, int]] | None = None,
    ) -> None:
        toks = self.toks
        places = self.places_in(first, last)
        possessor = self._possessor(first)
        if possessor:
            places.add(possessor)
        cand = Candidate(
            start=toks[first].start,
            end=toks[last - 1].base_end,
            first=first,
            last=last,
            source=source,
            kind=kind,
            head=head,
            head_end=toks[h].base_end,
            places=frozenset(places),
            possessor=possessor,
        )
        if source in ("head", "lower"):
            cand.kind, cand.cued = self.kind_for(first, last, head or "", kind)
            before = toks[first - 1] if first > 0 else None
            if not cand.cued and before is not None and before.text.islower():
                context = self.data.context_kinds.get(before.text)
                if context is not None:
                    cand.kind, cand.cued = context, True
        self.out.append(cand)

    def kind_for(self, first: int, last: int, head: str, default: str) -> tuple[str, bool]:
        """The kind of a head-based name: cues in the name, else the head's default."""
        data = self.data
        # A "to" complement names the body the organisation is sent to, not the organisation
        # itself ("Permanent Mission of Azerbaijan to the United Nations").
        last = next((i for i in range(first, last) if self.toks[i].text == "to"), last)
        words = [t.fold for t in self.toks[first:last]]
        for tok in self.toks[first:last]:
            for part in tok.base.split("-"):
                entry = data.acronym_entries.get(part)
                if (
                    entry is not None
                    and data.entries[entry].kind == "intergovernmental"
                    and head in data.intergovernmental_heads
                ):
                    return "intergovernmental", True
        if data.cue_firsts.isdisjoint(words):
            return default, False  # no phrase of cue_index starts at any word
        grams = {
            tuple(words[i : i + size])
            for size in range(1, data.max_cue_len + 1)
            for i in range(len(words) - size + 1)
        }
        hits = sorted({index for gram in grams for index in data.cue_index.get(gram, ())})
        for index in hits:
            cue = data.kind_cues[index]
            if default not in cue.from_kinds:
                continue
            if cue.heads is not None and head not in cue.heads:
                continue
            if head in cue.unless_heads:
                continue
            if cue.requires is not None and not any(w in grams for w in cue.requires):
                continue
            if cue.kind == "intergovernmental" and self._national(first, last):
                continue
            return cue.kind, True
        return default, False

    def _national(self, first: int, last: int) -> bool:
        """True when the name holds exactly one country (``Azerbaijan International ...``).

        Regions (``European``, ``Eurasian``) do not count, and a name with two countries
        (``Russian-Azerbaijani intergovernmental commission``) is bilateral.
        """
        countries = self.places_in(first, last) - self.data.regions
        return len(countries) == 1

    # -- legal forms -------------------------------------------------------------------------
    def legal_at(self, i: int) -> None:
        data = self.data
        toks = self.toks
        tok = toks[i]
        if tok.skip or not tok.word:
            return
        norm = tok.base.replace(".", "").casefold()
        if (
            norm in data.legal_suffixes
            and i > 0
            # "plc", and forms with dots ("a.s.", "s.r.o."), act in lower case too
            and (tok.cap or tok.upper or tok.base == "plc" or "." in tok.base)
        ):
            j = i - 1
            # "Bosch GmbH & Co. KG": step back over earlier legal forms to the name.
            while (
                j > 0
                and i - j < 5
                and (
                    _norm_legal(toks[j].base) in data.legal_suffixes
                    or (
                        toks[j].text == "&" and _norm_legal(toks[j - 1].base) in data.legal_suffixes
                    )
                )
            ):
                j -= 1
            quoted = toks[j].text in _QUOTES
            # "Acme, Inc." but not "Gaza, SPA" (the Saudi agency, not an Italian SpA):
            # a legal form after a comma must be written exactly as listed.
            joined = (
                toks[j].text in ("&", ",")
                and j > 0
                and _cap_word(toks[j - 1])
                and (toks[j].text == "&" or tok.base.rstrip(".") in data.legal_suffixes_as_written)
            )
            if quoted or joined:
                j -= 1
                # "Hanwa Electronics Co., Ltd.": a form before the comma belongs too
                while (
                    joined
                    and j > 0
                    and i - j < 6
                    and _norm_legal(toks[j].base) in data.legal_suffixes
                    and _cap_word(toks[j - 1])
                ):
                    j -= 1
            if (
                j >= 0
                and _cap_word(toks[j])
                and not toks[j].possessive
                and toks[j].base.replace(".", "").casefold() not in data.legal_suffixes
            ):
                self._suffix_name(i, j, quoted=quoted)
                return
        if tok.base in data.legal_prefixes and i + 1 < self.n:
            self._prefix_name(i)
        if tok.base in data.club_suffixes and i > 0 and _cap_word(toks[i - 1]):
            start = self.left_edge(i, allow_lower=False, allow_and=False)
            if start < i and self._proper(start, i):
                self._add(start, i + 1, "head", "other", "club", i)
                self.out[-1].core = tuple(t.base for t in toks[start:i])

    def _suffix_name(self, i: int, j: int, *, quoted: bool) -> None:
        """A company name ending in the legal form at ``i``; ``j`` is its last word."""
        toks = self.toks
        if quoted:
            start = j
            while start > 0 and _cap_word(toks[start - 1]) and j - start < 6:
                start -= 1
        else:
            start = self.left_edge(j + 1, allow_lower=False, allow_and=False)
        if start > j:
            return
        core = tuple(t.base for t in toks[start : j + 1])
        known = self.known_length(start)
        entry = None
        if known == j + 1 - start:
            options = self.data.known.get(toks[start].text.casefold()) or ()
            entry = next((e for t, _, e in options if len(t) == known), None)
        self.out.append(
            Candidate(
                start=toks[start].start,
                end=toks[i].base_end,
                first=start,
                last=i + 1,
                source="suffix",
                kind="company",
                entry=entry,
                head="company",
                head_end=toks[start].start,
                places=frozenset(self.places_in(start, j + 1)),
                core=None if j + 1 < i and toks[j + 1].text == "&" else core,
            )
        )

    def _prefix_name(self, i: int) -> None:
        """A company name after the legal form at ``i`` (``OJSC Gazprom``)."""
        data = self.data
        toks = self.toks
        k = i + 1
        quoted = toks[k].text in _QUOTES
        if quoted:
            k += 1
        if k >= self.n or not _cap_word(toks[k]):
            return
        end = k
        while end < self.n and _cap_word(toks[end]) and end - k < 6:
            if toks[end].fold in data.non_name_words or (end > k and self.is_person_start(end)):
                break
            end += 1
            if toks[end - 1].possessive:
                break
        if end == k:
            return
        last = end
        if quoted and last < self.n and toks[last].text in _QUOTES:
            last += 1
        self.out.append(
            Candidate(
                start=toks[i].start,
                end=toks[last - 1].base_end,
                first=i,
                last=last,
                source="suffix",
                kind="company",
                head="company",
                head_end=toks[k].start,
                places=frozenset(self.places_in(k, end)),
                core=tuple(t.base for t in toks[k:end]),
            )
        )

    # -- acronym definitions ---------------------------------------------------------------
    def definitions(self) -> None:
        """Attach ``(ACR)`` after a name to it, and ``ACR (Full Name)`` the other way."""
        if not self.out and not self.paren_acronyms:
            return  # (most regions)
        toks = self.toks
        by_last: dict[int, Candidate] = {}
        for c in self.out:
            if c.source not in ("head", "known", "suffix"):
                continue
            other = by_last.get(c.last)
            if other is None or (c.last - c.first, c.source == "known") > (
                other.last - other.first,
                other.source == "known",
            ):
                by_last[c.last] = c
        for cand in list(by_last.values()):
            k = cand.last
            if cand.source == "head":
                k = self._located_before_acronym(cand)
            if k + 2 < self.n and toks[k].text == "(" and toks[k + 2].text == ")":
                acr = toks[k + 1]
                if _looks_acronym(acr.base) and _fits(acr.base, toks, cand, self.data):
                    if cand.acronym is None:
                        cand.acronym = acr.base
                    self.out.append(
                        Candidate(
                            start=acr.start,
                            end=acr.base_end,
                            first=k + 1,
                            last=k + 2,
                            source="defined",
                            kind=cand.kind,
                            entry=cand.entry,
                            acronym=acr.base,
                        )
                    )
        defined = {c.first for c in self.out if c.source == "defined"}
        for i in self.paren_acronyms:
            if i not in defined:
                self._name_before_acronym(i)

    def _name_before_acronym(self, i: int) -> None:
        """A capitalised name whose initials spell the acronym in parentheses after it.

        ``Gas Transmission System Operator of Ukraine (GTSOU)``: no head noun needed. The
        acronym's letters must be the name's initials in order, at most one initial
        left out (``Indian Federation of App-based Transport Workers (IFAT)``).
        """
        toks = self.toks
        acronym = "".join(c for c in toks[i].base if c.isalpha()).upper()
        if len(acronym) < _MIN_DEFINED_ACRONYM:
            return
        connectors = self.data.connectors
        words: list[int] = []
        j = i - 2
        while j >= 0 and len(words) < _MAX_DEFINED_NAME:
            tok = toks[j]
            if not tok.word or tok.skip:
                break
            if tok.cap or tok.upper:  # "App-based" too
                words.append(j)
            elif tok.fold not in connectors:
                break
            if tok.sentence_start:
                break
            j -= 1
        words.reverse()
        initials = [toks[k].base[0].upper() for k in words]
        # "The Gas Transmission ...": leading capitals that are no initial of the acronym
        while words and initials[0] != acronym[0]:
            words.pop(0)
            initials.pop(0)
        if len(words) < _MIN_DEFINED_ACRONYM or len(acronym) < len(initials) - 1:
            return
        if len(acronym) > len(initials) or any(self.is_person_start(k) for k in words):
            return  # "Prime Minister Kristen Michal (KM)": a person's initials
        rest = iter(initials)
        if not all(letter in rest for letter in acronym):  # a subsequence, in order
            return
        first, last = words[0], i - 1
        while last > first and not toks[last - 1].word:
            last -= 1
        self._add(first, last, "suffix", "other", None, last - 1)
        cand = self.out[-1]
        cand.acronym = toks[i].base
        self.out.append(
            Candidate(
                start=toks[i].start,
                end=toks[i].base_end,
                first=i,
                last=i + 1,
                source="defined",
                kind=cand.kind,
                acronym=toks[i].base,
            )
        )

    def _located_before_acronym(self, cand: Candidate) -> int:
        """``Mission in the DR Congo (MONUSCO)``: an ``in`` phrase that an acronym closes.

        A place after ``in`` is not part of a name (``Russian Trade Mission in Azerbaijan``)
        unless the acronym that defines the name follows it. Returns the index where the
        ``(ACR)`` should start, extending ``cand`` when the phrase belongs to it.
        """
        toks = self.toks
        k = cand.last
        if k >= self.n or toks[k].text != "in":
            return k
        m = k + 1
        if m < self.n and toks[m].text == "the":
            m += 1
        end = m
        while end < self.n and end - m < 10 and not toks[end].possessive:
            tok = toks[end]
            inner = tok.text in ("of", "the", "and") and end > m
            ahead = toks[end + 1 : end + 3]
            if not (_cap_word(tok) or (inner and any(_cap_word(t) for t in ahead))):
                break
            end += 1
        if end == m or end + 2 >= self.n or toks[end].text != "(" or toks[end + 2].text != ")":
            return k
        acronym = toks[end + 1].base
        if not _looks_acronym(acronym) or not _fits(acronym, toks, cand):
            return k
        cand.last = end
        cand.end = toks[end - 1].base_end
        return end

    # -- descriptor nouns -------------------------------------------------------------------
    def described_at(self, i: int) -> None:
        """Names that a lower-case descriptor noun marks as organisations."""
        data = self.data
        toks = self.toks
        tok = toks[i]
        if not tok.word or tok.skip or not tok.text.islower():
            return
        kind = data.descriptor_nouns.get(tok.fold)
        if kind is not None and not tok.possessive:
            self._after_descriptor(i, kind, tok.fold)
        if tok.fold in data.descriptors_after_name:
            self._before_descriptor(i, data.descriptor_nouns.get(tok.fold, "other"), tok.fold)

    def workplace_at(self, i: int) -> None:
        """``chief economist at Sovcombank``: the name after a role and ``at``."""
        data = self.data
        toks = self.toks
        tok = toks[i]
        if tok.text != "at" or i == 0 or i + 1 >= self.n:
            return
        role = toks[i - 1]
        plain = role.text.islower() or (role.sentence_start and role.text[1:].islower())
        kind = data.workplace_roles.get(role.fold) if plain else None
        if kind is None:
            return
        k = i + 1
        if not _cap_word(toks[k]) or toks[k].sentence_start:
            return
        end = self._name_run(k)
        if end == k or toks[end - 1].possessive or not self._proper(k, end):
            return
        self._described(k, end, kind)

    def acronym_role_at(self, i: int) -> None:
        """``FNSEA head Bernard Lacoste``: an unknown acronym that a role noun follows."""
        data = self.data
        toks = self.toks
        tok = toks[i]
        if (
            not tok.upper
            or tok.skip
            or tok.possessive
            or i + 1 >= self.n
            or len(tok.base) < 3
            or not tok.base.isalpha()
            or tok.base in data.not_acronyms
            or tok.base in data.acronym_entries
            or self.place_at(i, i + 1) is not None
            or toks[i + 1].fold not in data.acronym_roles
        ):
            return
        if i > 0 and _cap_word(toks[i - 1]):
            return
        self._described(i, i + 1, "other")

    def _name_run(self, k: int) -> int:
        """End of a run of capitalised name words starting at ``k`` (``k`` if none)."""
        data = self.data
        toks = self.toks
        end = k
        while end < self.n and end - k < 5:
            tok = toks[end]
            if not _cap_word(tok) or tok.fold in data.time_words:
                break
            if tok.fold in data.non_name_words and end == k:
                break
            if end > k and self.is_person_start(end):
                break
            end += 1
            if tok.possessive:
                break
        return end

    def _proper(self, first: int, last: int) -> bool:
        """True when ``first:last`` can be an organisation's own name."""
        if last <= first or self.is_person_start(first, found=False):
            return False
        if all(self.place_at(i, i + 1) is not None for i in range(first, last)):
            return False
        hit = self.place_at(first, last)
        return not (hit is not None and hit[1] == last)

    def _after_descriptor(self, i: int, kind: str, noun: str) -> None:
        toks = self.toks
        k = i + 1
        if k < self.n and toks[k].text == "The" and kind == "media":
            k += 1
        if k >= self.n or not _cap_word(toks[k]) or toks[k].sentence_start:
            return
        end = self._name_run(k)
        first = i + 1
        if not self._proper(k, end):
            return
        self._described(first, end, kind, noun)

    def _before_descriptor(self, i: int, kind: str, noun: str) -> None:
        data = self.data
        toks = self.toks
        if i + 1 < self.n and toks[i + 1].fold in data.descriptor_blockers:
            return
        start = i
        while start > 0 and i - start < 4:
            tok = toks[start - 1]
            if not _cap_word(tok) or tok.possessive or tok.fold in data.non_name_words:
                break
            start -= 1
        if start == i or not self._proper(start, i):
            return
        if toks[start].sentence_start and start + 1 == i:
            return
        self._described(start, i, kind, noun)

    def apposition_at(self, i: int) -> None:
        """``Vortexa, a London-based analytics firm,``: the name before the apposition."""
        data = self.data
        toks = self.toks
        if toks[i].text != "," or i + 2 >= self.n or toks[i + 1].fold not in ("a", "an"):
            return
        j = i + 2
        while j < self.n and j - i < 7:
            tok = toks[j]
            kind = data.descriptor_nouns.get(tok.fold) if tok.text.islower() else None
            if kind is not None:
                after = toks[j + 1].text.casefold() if j + 1 < self.n else "."
                if after not in data.apposition_followers:
                    return
                start = i
                while start > 0 and i - start < 4:
                    prev = toks[start - 1]
                    if not _cap_word(prev) or prev.possessive or prev.fold in data.non_name_words:
                        break
                    start -= 1
                if start < i and self._proper(start, i):
                    self._described(start, i, kind)
                return
            if (
                not tok.word
                or (tok.cap and "-" not in tok.text)
                or tok.fold in data.connectors
                or tok.fold in data.apposition_stops
            ):
                return
            j += 1

    def _described(self, first: int, last: int, kind: str, noun: str | None = None) -> None:
        toks = self.toks
        head = noun if noun in self.data.heads else ("company" if kind == "company" else None)
        self.out.append(
            Candidate(
                start=toks[first].start,
                end=toks[last - 1].base_end,
                first=first,
                last=last,
                source="described",
                kind=kind,
                head=head,
                head_end=toks[first].start,
                places=frozenset(self.places_in(first, last)),
                core=tuple(t.base for t in toks[first:last]),
            )
        )


def _norm_legal(word: str) -> str:
    return word.replace(".", "").casefold()


def _looks_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    return 2 <= len(text) <= 12 and text[0].isupper() and uppers >= 2 and uppers * 2 >= len(letters)


def _fits(acronym: str, toks: list[Tok], cand: Candidate, data: OrgData | None = None) -> bool:
    """True when ``(ACR)`` after ``cand`` can be its acronym.

    An English acronym starts with an initial of the name. One that does not (a
    transliterated ``KPRF``, ``YAP``) is still taken when it is no word known to mean
    something else: an all-capital word that is never an organisation, or the acronym of
    another packaged organisation.
    """
    initials = {t.base[0].casefold() for t in toks[cand.first : cand.last] if t.word}
    if acronym[0].casefold() in initials:
        return True
    if data is None or acronym in data.not_acronyms:
        return False
    entry = data.acronym_entries.get(acronym)
    if entry is not None and entry != cand.entry:
        return False
    return not data.known.get(acronym.casefold())


def scan_region(
    data: OrgData,
    toks: list[Tok],
    titlecase: bool,
    people: frozenset[tuple[str, str]] = frozenset(),
    triggers: Iterable[int] | None = None,
) -> list[Candidate]:
    """All candidates of one region's tokens, before overlaps are resolved.

    ``people`` holds the first two words (case-folded) of names the people parser found.
    ``triggers`` are the tokens to visit (default: every token marked ``trigger``); any
    other token must be one where no check finds anything.
    """
    scanner = _Scanner(data, toks, titlecase, people)
    n = scanner.n
    # Each check is called only when its own opening test would not return at once (the
    # same test, just before the call): ~8 method calls per token were a tenth of the step.
    # known_at, legal_at and described_at are called only for tokens found in the tables
    # they look up first (a superset of the tokens they act on).
    heads, prefix_heads = data.heads, data.prefix_heads
    known, acronym_entries = data.known, data.acronym_entries
    legal_suffixes, legal_prefixes = data.legal_suffixes, data.legal_prefixes
    descriptor_nouns, descriptors_after = data.descriptor_nouns, data.descriptors_after_name
    # The calls keep their order: known, head, prefix head, legal, described, then the
    # apposition (only at ","), workplace (only at "at") and acronym role (only words).
    if triggers is None:
        triggers = compress(range(len(toks)), map(_TRIGGER, toks))
    for i in triggers:
        tok = toks[i]
        base = tok.base
        if not tok.word:
            if prefix_heads.get(base) is not None:
                scanner.prefix_head_at(i)
            if tok.text == "," and i + 2 < n and toks[i + 1].fold in ("a", "an"):
                scanner.apposition_at(i)
            continue
        if tok.skip:
            if prefix_heads.get(base) is not None:
                scanner.prefix_head_at(i)
        else:
            fold = tok.fold
            if (
                fold in known
                or base in acronym_entries
                or (tok.possessive and tok.text.casefold() in known)
            ):
                scanner.known_at(i)
            if heads.get(fold) is not None:
                scanner.head_at(i)
            if prefix_heads.get(base) is not None:
                scanner.prefix_head_at(i)
            if base in legal_prefixes or fold.replace(".", "") in legal_suffixes:
                scanner.legal_at(i)
            if (fold in descriptor_nouns or fold in descriptors_after) and tok.text.islower():
                scanner.described_at(i)
        if tok.text == "at":
            scanner.workplace_at(i)
        if tok.upper:
            scanner.acronym_role_at(i)
            if 0 < i < n - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")":
                scanner.paren_acronyms.append(i)
    scanner.definitions()
    return scanner.out
