r"""What every match of a header pattern must hold: a cheap test before compiling it.

:func:`required` reads a pattern's source (with its ``{PLACEHOLDER}`` fills still in
place) and returns items that every match holds, each a set of alternatives: a
character (``(``, ``/``, ``,``) or a token (a digit, an upper-case letter, an agency
name). A text lacking one item cannot match, so the
pattern need not be compiled nor tried on it.

The reading is conservative: only literal characters, simple character classes,
``\d``, ``\p{Lu}`` and placeholders count; what it does not understand (inline flags,
conditionals, look-arounds, back-references) adds no requirement, or gives up on the
whole pattern (None: no test).

>>> sorted(map(sorted, required(r"\(\s{0,2}(?P<agency>{AGENCY})\s{0,2}\)[-–]?", {})))
[['('], [')']]
>>> sorted(map(sorted, required(r"(?:--|[–—])x?", {})))
[['-', '–', '—']]
>>> required(r"(?x) a b", {}) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

__all__ = ["DIGIT", "UPPER", "Item", "required"]

DIGIT = "{digit}"
"""Token: a decimal digit (``\\d``)."""
UPPER = "{upper}"
"""Token: an upper-case letter (``\\p{Lu}``)."""

Item = frozenset[str]
"""Alternatives of which a match holds at least one."""

_QUANTIFIER = regex.compile(r"\?|\*|\+|\{(\d{1,9})(?:,\d{0,9})?\}|\{,\d{1,9}\}")
_PLACEHOLDER = regex.compile(r"\{[A-Z_]{1,30}\}")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZsSwWDntrfv")


class _GiveUp(Exception):
    """A construct this reader does not handle."""


class _Reader:
    def __init__(self, source: str, tokens: Mapping[str, str]) -> None:
        self.source = source
        self.tokens = tokens
        self.i = 0

    def alternation(self) -> set[Item]:
        """Items required by ``a|b|...`` up to a ``)`` or the end."""
        branches = [self.sequence()]
        while self.i < len(self.source) and self.source[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        shared = set.intersection(*branches)
        if all(branches):
            # each branch holds one of its items: together, one of their alternatives
            picked: set[str] = set()
            for branch in branches:
                picked |= min(branch, key=lambda item: (len(item), sorted(item)))
            shared.add(frozenset(picked))
        return shared

    def sequence(self) -> set[Item]:
        found: set[Item] = set()
        source = self.source
        while self.i < len(source) and source[self.i] not in "|)":
            atom = self.atom()
            quantifier = _QUANTIFIER.match(source, self.i)
            least = 1
            if quantifier is not None:
                text = quantifier.group()
                least = 0 if text in "?*" else 1 if text == "+" else int(quantifier.group(1) or 0)
                self.i = quantifier.end()
                if self.i < len(source) and source[self.i] in "?+":
                    self.i += 1  # lazy or possessive
            if least >= 1:
                found |= atom
        return found

    def group(self) -> set[Item]:
        source = self.source
        self.i += 1  # "("
        kind = ""
        if source.startswith("?", self.i):
            if source.startswith(("?:", "?>"), self.i):
                self.i += 2
            elif source.startswith(("?P<", "?<"), self.i) and not source.startswith(
                ("?<=", "?<!"), self.i
            ):
                end = source.find(">", self.i)
                if end < 0:
                    raise _GiveUp
                self.i = end + 1
            elif source.startswith(("?=", "?!", "?<=", "?<!"), self.i):
                kind = "look"
                self.i += 3 if source.startswith("?<", self.i) else 2
            else:
                raise _GiveUp  # flags, comments, conditionals, branch resets, ...
        inner = self.alternation()
        if self.i >= len(source) or source[self.i] != ")":
            raise _GiveUp
        self.i += 1
        return set() if kind == "look" else inner

    def char_class(self) -> set[Item]:
        source = self.source
        j = self.i + 1
        chars: set[str] = set()
        simple = True
        if source.startswith("^", j):
            simple = False
            j += 1
        if source.startswith("]", j):
            chars.add("]")
            j += 1
        while j < len(source) and source[j] != "]":
            ch = source[j]
            if ch == "[":
                raise _GiveUp  # nested sets or POSIX classes
            if ch == "\\":
                if j + 1 >= len(source):
                    raise _GiveUp
                escaped = source[j + 1]
                if escaped.isalnum() or escaped.isspace():
                    simple = False
                    if escaped in "pPN" and source.startswith("{", j + 2):
                        end = source.find("}", j + 2)
                        if end < 0:
                            raise _GiveUp
                        j = end + 1
                        continue
                    if escaped in "xuU":
                        raise _GiveUp
                else:
                    chars.add(escaped)
                j += 2
                continue
            if ch == "-" and chars and j + 1 < len(source) and source[j + 1] != "]":
                simple = False  # a range
            chars.add(ch)
            j += 1
        if j >= len(source):
            raise _GiveUp
        self.i = j + 1
        return {frozenset(chars)} if simple and chars else set()

    def escape(self) -> set[Item]:
        source = self.source
        if self.i + 1 >= len(source):
            raise _GiveUp
        ch = source[self.i + 1]
        self.i += 2
        if not ch.isalnum() and not ch.isspace():
            return {frozenset(ch)}
        if ch == "d":
            return {frozenset([DIGIT])}
        if ch in "pP" and source.startswith("{", self.i):
            end = source.find("}", self.i)
            if end < 0:
                raise _GiveUp
            name = source[self.i + 1 : end]
            self.i = end + 1
            return {frozenset([UPPER])} if ch == "p" and name == "Lu" else set()
        if ch in _ZERO_WIDTH_ESCAPES:
            return set()
        raise _GiveUp  # \x41, \N{...}, back-references, ...

    def atom(self) -> set[Item]:
        source = self.source
        ch = source[self.i]
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch == "{":
            placeholder = _PLACEHOLDER.match(source, self.i)
            if placeholder is None:
                raise _GiveUp
            self.i = placeholder.end()
            token = self.tokens.get(placeholder.group())
            return {frozenset([token])} if token else set()
        if ch in "?*+":
            raise _GiveUp
        self.i += 1
        if ch in ".^$":
            return set()
        return {frozenset(ch)}


def required(source: str, tokens: Mapping[str, str]) -> set[Item] | None:
    """Items every match of ``source`` holds; None when the pattern is not understood.

    ``tokens`` maps placeholders (``{DATE}``) to the token their fill requires
    (:data:`DIGIT`, :data:`UPPER`, or a name of the caller's); other placeholders
    require nothing. The pattern must be case-sensitive (no ``(?i)``): the caller
    checks that.
    """
    reader = _Reader(source, tokens)
    try:
        found = reader.alternation()
    except _GiveUp:
        return None
    if reader.i != len(source):
        return None  # an unbalanced ")"
    return found
