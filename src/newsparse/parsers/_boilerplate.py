"""Line-level boilerplate matching (data: ``boilerplate.json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from .._errors import DataError
from .._lexicon import Lexicon

__all__ = ["BoilerplateRules", "boilerplate_rules"]

_SPACES = regex.compile(r"\s{1,100}+")


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

    def kind(self, text: str) -> str | None:
        """The boilerplate kind of one stripped line, or None for article text.

        >>> from newsparse import Lexicon
        >>> boilerplate_rules(Lexicon.default()).kind("Comments are closed.")
        'comments'
        """
        if not text or len(text) > self.max_length:
            return None
        match = self.line.fullmatch(_SPACES.sub(" ", text))
        if match is None or match.lastgroup is None:
            return None
        return self.group_kinds[match.lastgroup]


def _build(lexicon: Lexicon) -> BoilerplateRules:
    data: Mapping[str, Any] = lexicon.get("boilerplate")
    branches = []
    group_kinds = {}
    for number, (kind, patterns) in enumerate(data.get("lines", {}).items()):
        group = f"k{number}"
        group_kinds[group] = str(kind)
        for pattern in patterns:
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise DataError(f"boilerplate: pattern {pattern!r} of {kind!r}: {exc}") from exc
        branches.append(f"(?P<{group}>{'|'.join(f'(?:{p})' for p in patterns)})")
    credits = sorted(
        (regex.escape(str(c)) for c in data.get("author_credits", []) if c), key=len, reverse=True
    ) or ["(?!)"]
    return BoilerplateRules(
        line=regex.compile("|".join(branches) or "(?!)", regex.IGNORECASE | regex.VERSION0),
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
            rf"(?<![\w])(?<!additional\s)(?:{'|'.join(credits)})\s{{1,3}}(?P<names>[^;()|]{{1,300}})",
            regex.IGNORECASE,
        ),
        end_trailer=regex.compile(str(data.get("end_trailer", r"(?!)"))),
    )


def boilerplate_rules(lexicon: Lexicon) -> BoilerplateRules:
    """The compiled boilerplate data of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.boilerplate", _build)
