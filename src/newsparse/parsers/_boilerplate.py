"""Line-level boilerplate matching (data: ``boilerplate.json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from .._errors import DataError
from .._lexicon import Lexicon

__all__ = ["BoilerplateRules", "boilerplate_rules", "branch_shape", "pattern_extent"]

_SPACES = regex.compile(r"\s{1,100}+")
_LINE_FLAGS = regex.IGNORECASE | regex.VERSION0
_MAX_DISPATCH = 2048
"""Distinct first characters whose narrowed line pattern is kept (a bounded cache)."""
_PREFIX = 3
"""Length of the line prefix that narrows the branches a second time."""
_MAX_PREFIXES = 8192
"""Distinct prefixes whose narrowed entry is kept (a bounded cache)."""
_MAX_PATTERNS = 512
"""Distinct sets of branches shared between entries (a bounded table)."""


def _alternation(branches: list[tuple[str, list[str]]]) -> str:
    """``(?P<group>(?:p1)|(?:p2))|...``: one named group per kind, in data order."""
    return "|".join(
        f"(?P<{group}>{'|'.join(f'(?:{p})' for p in patterns)})" for group, patterns in branches
    )


# Characters that case-insensitive matching (simple case folding) equates with an ASCII
# letter although ``str.lower`` does not map them to it.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})
_QUANTIFIER = regex.compile(r"[?*+]|\{\d{0,9},?\d{0,9}\}")
_GROUP_FLAGS = regex.compile(r"\(\?[a-zA-Z0-9-]{1,9}\)")


def required_word(pattern: str) -> str | None:
    r"""The longest run of ASCII letters and digits that every match of ``pattern`` holds.

    Only literal characters outside groups, classes and alternations count, and only
    when the pattern has no top-level ``|``, no global inline flags and no escapes that
    stand for literal characters; otherwise (or for runs under three characters) None.
    The run is lower-case: compare it with the line lower-cased through ``_ASCII_FOLD``.

    >>> required_word(r".{0,200}\ball\srights\sreserved\b.{0,100}")
    'reserved'
    >>> required_word(r"(?:a\s|the\s)?sources?[.:]?")
    'source'
    >>> required_word(r"foo|bar") is None
    True
    """
    if _GROUP_FLAGS.search(pattern):
        return None
    runs: list[str] = []
    run: list[str] = []
    i, n = 0, len(pattern)

    def close() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n or (pattern[i + 1] not in "bBsSdDwW" and pattern[i + 1].isalnum()):
                return None  # \x41, \N{...}, \p{...}, back-references: not handled
            close()
            i += 2
        elif ch == "[":
            close()
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                if pattern[j] == "[":
                    return None  # nested sets or POSIX classes: not handled
                j += 2 if pattern[j] == "\\" else 1
            if j >= n:
                return None
            i = j + 1
        elif ch == "(":
            close()
            depth, j = 0, i
            while j < n:
                c = pattern[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "[":
                    k = j + 1
                    if k < n and pattern[k] == "^":
                        k += 1
                    if k < n and pattern[k] == "]":
                        k += 1
                    while k < n and pattern[k] != "]":
                        k += 2 if pattern[k] == "\\" else 1
                    j = k + 1
                    continue
                if c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                return None
            i = j + 1
        elif ch == "|":
            return None
        elif ch in "?*+{":
            quantifier = _QUANTIFIER.match(pattern, i)
            if quantifier is None:
                return None
            if run:
                run.pop()  # the quantified character is optional or repeated
            close()
            i = quantifier.end()
            if i < n and pattern[i] in "?+":
                i += 1  # lazy or possessive
        elif ch.isascii() and ch.isalnum():
            run.append(ch.lower())
            i += 1
        else:
            close()
            i += 1
    close()
    best = max(runs, key=len, default="")
    return best if len(best) >= 3 else None


_BOUND = regex.compile(r"\{(\d{1,9})?(,)?(\d{1,9})?\}")
_SCOPED_FLAGS = regex.compile(r"\?[a-zA-Z-]{1,9}:")
_LONG = 1 << 30
"""A length no line reaches: "any length"."""
# the names after a credit role, up to the next role ("..., editor: X", "..., writing by Y")
_CREDIT_NAMES = r"(?:(?![,;]\s{0,3}[\p{L}-]{2,20}(?:\s(?:by|from)\b|\s?:))[^;()|/]){1,300}"


class _Unknown(Exception):
    """A construct :func:`branch_shape` does not read."""


def branch_shape(pattern: str) -> tuple[int, bool]:
    r"""``(longest match, whether a match can hold white space)`` of a line pattern.

    The longest match is :data:`_LONG` when unbounded or not understood; a pattern not
    understood can hold white space. A line longer than the longest match, or one with a
    space for a pattern that cannot hold one, cannot match (both hold with simple case
    folding, where a character matches one character).

    >>> branch_shape(r"[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.(?:com|net)")
    (323, False)
    >>> branch_shape(r"(?:a\s|the\s)?sources?[.:]?")
    (12, True)
    >>> branch_shape(r"x+") == (_LONG, False)
    True
    """
    reader = _ShapeReader(pattern)
    try:
        longest, space = reader.alternation()
    except _Unknown:
        return _LONG, True
    if reader.i != len(pattern):
        return _LONG, True
    return min(longest, _LONG), space


def pattern_extent(pattern: str) -> int:
    r"""How many characters a match of ``pattern`` looks at, look-arounds included.

    Every character a match consumes or a look-around (or ``\b``, ``$``) examines lies
    within that many characters; :data:`_LONG` when unbounded or not understood.

    >>> pattern_extent(r"(?<![\w-])ab\s{1,3}c\b")
    8
    """
    reader = _ShapeReader(pattern, extent=True)
    try:
        longest, _ = reader.alternation()
    except _Unknown:
        return _LONG
    return min(longest, _LONG) if reader.i == len(pattern) else _LONG


class _ShapeReader:
    def __init__(self, source: str, *, extent: bool = False) -> None:
        self.source = source
        self.i = 0
        self.extent = extent
        """Count what look-arounds and ``\b`` examine, not only what is consumed."""

    def alternation(self) -> tuple[int, bool]:
        longest, space = self.sequence()
        while self.i < len(self.source) and self.source[self.i] == "|":
            self.i += 1
            more, more_space = self.sequence()
            longest, space = max(longest, more), space or more_space
        return longest, space

    def sequence(self) -> tuple[int, bool]:
        total, space = 0, False
        source = self.source
        while self.i < len(source) and source[self.i] not in "|)":
            length, can_space = self.atom()
            most = 1
            if self.i < len(source) and source[self.i] in "?*+{":
                ch = source[self.i]
                if ch == "?":
                    self.i += 1
                elif ch in "*+":
                    most = _LONG
                    self.i += 1
                else:
                    bound = _BOUND.match(source, self.i)
                    if bound is None:
                        raise _Unknown
                    low, comma, high = bound.groups()
                    if comma is None:
                        most = int(low or 0)
                    else:
                        most = int(high) if high is not None else _LONG
                    self.i = bound.end()
                if self.i < len(source) and source[self.i] in "?+":
                    self.i += 1  # lazy or possessive
            total = min(total + length * most, _LONG)
            space = space or (can_space and most > 0)
        return total, space

    def atom(self) -> tuple[int, bool]:
        source = self.source
        ch = source[self.i]
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch in "?*+{":
            raise _Unknown
        self.i += 1
        if ch in "^$":
            return int(self.extent and ch == "$"), False
        if ch == ".":
            return 1, True
        return 1, ch.isspace()

    def group(self) -> tuple[int, bool]:
        source = self.source
        self.i += 1
        look = False
        if source.startswith("?", self.i):
            flags = _SCOPED_FLAGS.match(source, self.i)
            if source.startswith(("?:", "?>"), self.i):
                self.i += 2
            elif source.startswith(("?=", "?!"), self.i):
                look = True
                self.i += 2
            elif source.startswith(("?<=", "?<!"), self.i):
                look = True
                self.i += 3
            elif source.startswith(("?P<", "?<"), self.i):
                end = source.find(">", self.i)
                if end < 0:
                    raise _Unknown
                self.i = end + 1
            elif flags is not None:
                self.i = flags.end()  # scoped flags ("(?-i:...)")
            else:
                raise _Unknown  # global flags, comments, conditionals, references ...
        inner = self.alternation()
        if self.i >= len(source) or source[self.i] != ")":
            raise _Unknown
        self.i += 1
        if look:
            return (inner[0], False) if self.extent else (0, False)
        return inner

    def char_class(self) -> tuple[int, bool]:
        source = self.source
        j = self.i + 1
        space = False
        if source.startswith("^", j):
            space = True  # a negated class: conservatively, it may match a space
            j += 1
        if source.startswith("]", j):
            j += 1
        previous = ""
        while j < len(source) and source[j] != "]":
            ch = source[j]
            if ch == "[":
                raise _Unknown
            if ch == "\\":
                escaped = source[j + 1 : j + 2]
                if escaped in ("p", "P", "N"):
                    end = source.find("}", j)
                    if end < 0:
                        raise _Unknown
                    space = True
                    j = end + 1
                    previous = ""
                    continue
                if escaped.isalnum():
                    space = space or escaped not in "wdS"
                    previous = ""
                else:
                    space = space or escaped.isspace()
                    previous = escaped
                j += 2
                continue
            if ch == "-" and previous and j + 1 < len(source) and source[j + 1] != "]":
                high = source[j + 1]
                if high == "\\":
                    raise _Unknown
                space = space or any(
                    c.isspace() for c in map(chr, range(ord(previous), ord(high) + 1))
                )
                j += 2
                previous = ""
                continue
            space = space or ch.isspace()
            previous = ch
            j += 1
        if j >= len(source):
            raise _Unknown
        self.i = j + 1
        return 1, space

    def escape(self) -> tuple[int, bool]:
        ch = self.source[self.i + 1 : self.i + 2]
        if not ch:
            raise _Unknown
        self.i += 2
        if ch in "bB":
            return int(self.extent), False
        if ch in "AZ":
            return 0, False
        if ch in "wdS":
            return 1, False
        if ch in "sWDntrfv":
            return 1, True
        if ch in "pP":
            end = self.source.find("}", self.i)
            if not self.source.startswith("{", self.i) or end < 0:
                raise _Unknown
            self.i = end + 1
            return 1, True
        if ch.isalnum():
            raise _Unknown  # \x41, \N{...}, back-references ...
        return 1, ch.isspace()


_Branch = tuple[str, regex.Pattern[str], str | None, int, bool]
"""A branch's kind group, its compiled pattern, the word a line must hold (or None), its
longest match, and whether a match can hold white space (:func:`branch_shape`)."""
_Entry = tuple[_Branch, ...]
"""The branches that can match lines opening with some characters, in data order."""

_BACKREFERENCE = regex.compile(r"\\[0-9g]|\(\?P=|\(\?[0-9R&]")


class _Dispatch:
    r"""Faster :meth:`BoilerplateRules.kind`, with exactly the same answers.

    Trying ~100 alternatives at the start of every line costs ~20 µs. Two exact
    shortcuts:

    * a branch that cannot match a string starting with the line's first three
      characters is left out; that is decided by a partial match of the branch against
      them (a partial match succeeds when a longer string starting with them could
      match). Entries are kept per first character and per three-character prefix, in
      bounded caches;
    * branches that open with ``.{m,n}`` (``.{0,200}\ball\srights\sreserved``) scan
      the whole line; they are tried only when the line holds the word every match of
      them holds (:func:`required_word`);
    * a branch is not tried on a line longer than its longest match, nor on a line with
      a space when no match of it holds white space (:func:`branch_shape`).

    The branches left are tried one by one, in data order: the first that matches wins,
    as in the single alternation. (An alternation of them, compiled per prefix, was no
    faster and cost a compile per new set of branches.)

    Its patterns are the branches of :attr:`BoilerplateRules.line`, used like it only
    with ``fullmatch`` on one line of at most ``max_length`` characters.
    """

    def __init__(self, branches: list[tuple[str, list[str]]]) -> None:
        self.flat: list[tuple[str, str, regex.Pattern[str], str | None]] = []
        self.shapes: list[tuple[int, bool]] = []
        for group, patterns in branches:
            for source in patterns:
                compiled = regex.compile(source, _LINE_FLAGS)
                word = required_word(source) if source.startswith(".") else None
                self.flat.append((group, source, compiled, word))
                self.shapes.append(branch_shape(source))
        self.usable = not any(_BACKREFERENCE.search(source) for _, source, _, _ in self.flat)
        self.by_first: dict[str, _Entry] = {}
        self.by_branches: dict[_Entry, _Entry] = {}
        """Entries by their branches: lines with different prefixes share one tuple."""
        self.by_prefix: dict[str, _Entry] = {}

    def _shared(self, entry: _Entry) -> _Entry:
        found = self.by_branches.get(entry)
        if found is None:
            if len(self.by_branches) >= _MAX_PATTERNS:
                return entry
            found = self.by_branches[entry] = entry
        return found

    def _entry(self, first: str) -> _Entry:
        entry = self._shared(
            tuple(
                (group, compiled, word, *shape)
                for (group, _, compiled, word), shape in zip(self.flat, self.shapes, strict=True)
                if compiled.fullmatch(first, partial=True) is not None
            )
        )
        if len(self.by_first) < _MAX_DISPATCH:
            self.by_first[first] = entry
        return entry

    def _prefix_entry(self, prefix: str) -> _Entry:
        """The first character's entry, narrowed again by the line's first characters."""
        first = self.by_first.get(prefix[0]) or self._entry(prefix[0])
        if len(prefix) == 1 or len(self.by_prefix) >= _MAX_PREFIXES:
            return first
        entry = self._shared(
            tuple(branch for branch in first if branch[1].fullmatch(prefix, partial=True))
        )
        self.by_prefix[prefix] = entry
        return entry

    def __call__(self, line: str) -> str | None:
        """The kind group of the first branch that matches all of ``line`` (not empty)."""
        prefix = line[:_PREFIX]
        entry = self.by_prefix.get(prefix)
        if entry is None:
            entry = self._prefix_entry(prefix)
        folded: str | None = None
        size = len(line)
        spaced = " " in line
        for group, compiled, word, longest, space in entry:
            if size > longest or (spaced and not space):
                continue
            if word is not None:
                if folded is None:
                    folded = line.lower()
                    if "\u0130" in line or "\u017f" in line or "\u212a" in line:
                        folded = line.translate(_ASCII_FOLD).lower()
                if word not in folded:
                    continue
            if compiled.fullmatch(line) is not None:
                return group
        return None


@attrs.frozen
class BoilerplateRules:
    """Compiled boilerplate data of one lexicon."""

    line: regex.Pattern[str]
    """All line patterns in one alternation; the matching group names the kind."""
    group_kinds: Mapping[str, str]
    """Group name to kind."""
    max_length: int
    """Longest line any pattern may claim."""
    terminal: frozenset[str]
    """Kinds after which short lines are boilerplate too."""
    absorbing: frozenset[str]
    """Kinds that claim the short lines directly after them."""
    swallowing: frozenset[str]
    """Kinds after which everything to the end is boilerplate."""
    swallowing_in_press_releases: frozenset[str]
    """Kinds that swallow the rest only in press releases."""
    press_release_signals: frozenset[str]
    """Kinds whose presence marks a press release."""
    trailer: regex.Pattern[str]
    """An inline credit trailer at the end of a paragraph."""
    author_credit: regex.Pattern[str]
    """Credits whose names are authors; group ``names``."""
    end_trailer: regex.Pattern[str]
    """A sign-off glued to the end of the last paragraph (``Enditem``)."""
    branches: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Group name and the patterns of each kind, in data order (as in :attr:`line`)."""
    _dispatch: _Dispatch = attrs.field(
        default=attrs.Factory(
            lambda self: _Dispatch([(g, list(ps)) for g, ps in self.branches]),
            takes_self=True,
        ),
        init=False,
        eq=False,
        repr=False,
    )

    def kind(self, text: str) -> str | None:
        """The boilerplate kind of one stripped line, or None for article text.

        >>> from newsparse import Lexicon
        >>> boilerplate_rules(Lexicon.default()).kind("Comments are closed.")
        'comments'
        """
        if not text or len(text) > self.max_length:
            return None
        # Printable text has no white space but " " (str.isprintable): with no "  "
        # either, collapsing white space would change nothing; skip the slow sub().
        line = text if "  " not in text and text.isprintable() else _SPACES.sub(" ", text)
        if self._dispatch.usable:
            group = self._dispatch(line)
        else:
            match = self.line.fullmatch(line)
            group = match.lastgroup if match is not None else None
        return None if group is None else self.group_kinds[group]


def _name_bad_pattern(
    branches: list[tuple[str, list[str]]], group_kinds: Mapping[str, str]
) -> None:
    """Raise :class:`DataError` naming the first pattern that does not compile alone."""
    for group, patterns in branches:
        for pattern in patterns:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                kind = group_kinds[group]
                raise DataError(f"boilerplate: pattern {pattern!r} of {kind!r}: {exc}") from exc


def _build(lexicon: Lexicon) -> BoilerplateRules:
    data: Mapping[str, Any] = lexicon.get("boilerplate")
    branches: list[tuple[str, list[str]]] = []
    group_kinds = {}
    for number, (kind, patterns) in enumerate(data.get("lines", {}).items()):
        group = f"k{number}"
        group_kinds[group] = str(kind)
        branches.append((group, [str(p) for p in patterns]))
    try:
        line = regex.compile(_alternation(branches) or "(?!)", _LINE_FLAGS)
    except regex.error:
        _name_bad_pattern(branches, group_kinds)
        raise
    credits = sorted(
        (regex.escape(str(c)) for c in data.get("author_credits", []) if c), key=len, reverse=True
    ) or ["(?!)"]
    try:
        return BoilerplateRules(
            line=line,
            group_kinds=group_kinds,
            max_length=int(data.get("limits", {}).get("max_length", 300)),
            terminal=frozenset(map(str, data.get("terminal", []))),
            absorbing=frozenset(map(str, data.get("absorbing", []))),
            swallowing=frozenset(map(str, data.get("swallowing", []))),
            swallowing_in_press_releases=frozenset(
                map(str, data.get("swallowing_in_press_releases", []))
            ),
            press_release_signals=frozenset(map(str, data.get("press_release_signals", []))),
            trailer=regex.compile(
                str(data.get("credit_trailer", "(?!)")) + r"\s{0,10}$", regex.IGNORECASE
            ),
            author_credit=regex.compile(
                rf"(?<![\w])(?<!additional\s)(?:{'|'.join(credits)})\s{{1,3}}(?P<names>{_CREDIT_NAMES})",
                regex.IGNORECASE,
            ),
            end_trailer=regex.compile(str(data.get("end_trailer", r"(?!)"))),
            branches=tuple((g, tuple(ps)) for g, ps in branches),
        )
    except regex.error:  # a branch compiled alone by the dispatch
        _name_bad_pattern(branches, group_kinds)
        raise


def boilerplate_rules(lexicon: Lexicon) -> BoilerplateRules:
    """The compiled boilerplate data of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.boilerplate", _build)
