"""Person names in bylines, credit trailers and signatures (data: ``bylines.json``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import regex

from .._lexicon import Lexicon

__all__ = ["NameTools", "name_tools"]

_TOKEN = regex.compile(r"\S{1,60}+")
_WORD = regex.compile(
    r"(?:\p{Lu}\.\s?){1,3}\p{Lu}[\p{L}'’-]{1,30}+"  # S.Karimli, J. R. Smith
    r"|\p{Lu}\.?"  # an initial
    r"|\p{Lu}[\p{L}'’-]{1,30}+"  # Smith, McDonald, O'Neil, Al-Sabah
)
_SPLIT = regex.compile(r"\s{0,3}(?:,|;|&|\band\b|\bwith\b)\s{0,3}", regex.IGNORECASE)
# "Xinhua writers Li Ming", "staff correspondent Anna Lee": a job label before the name.
_LABEL = regex.compile(
    r"^(?:\p{Lu}[\p{L}.]{0,20}+\s{1,3}){0,2}(?:(?i:staff|special|senior)\s{1,3})?"
    r"(?i:writers?|correspondents?|reporters?|journalists?)\s{1,3}(?=\p{Lu})"
)
_PLACE_TAIL = regex.compile(r"\s(?:in|from|at|for)\s\p{Lu}.{0,80}$")


def _fix_case(word: str) -> str:
    if len(word) > 2 and word.isupper() and "." not in word:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


_NEVER = regex.compile(r"(?!)")


@attrs.frozen
class NameTools:
    """Compiled byline vocabulary of one lexicon."""

    honorifics: frozenset[str]
    """Titles kept out of names (casefolded)."""
    degrees: frozenset[str]
    """Degrees and suffixes kept out of names (casefolded)."""
    particles: frozenset[str]
    """Lower-case name parts."""
    not_names: frozenset[str]
    """Capitalised words that are never part of a person name."""
    byline_role: regex.Pattern[str]
    """A byline job title at the end of a byline."""
    byline_prefix: regex.Pattern[str]
    """``By``, ``Written by`` ... at the start of a line."""
    bio_role: regex.Pattern[str]
    """A role word of an author's bio line."""
    date_joiner: regex.Pattern[str] = _NEVER
    """A word joining a byline to its date, at the end of the byline (`` on``)."""

    def is_title(self, word: str) -> bool:
        """True for an honorific or degree (``Dr.``, ``PhD``)."""
        key = word.casefold().rstrip(",")
        return key in self.honorifics or key in self.degrees

    def clean_name(self, text: str) -> str | None:
        """``text`` as a person name (titles dropped, case fixed), or None.

        >>> from newsparse import Lexicon
        >>> name_tools(Lexicon.default()).clean_name("PhD Elkhan Alasgarov")
        'Elkhan Alasgarov'
        >>> name_tools(Lexicon.default()).clean_name("the Baku Network") is None
        True
        """
        words = [w.strip(",;:") for w in _TOKEN.findall(text)]
        while words and self.is_title(words[0]):
            words.pop(0)
        while words and self.is_title(words[-1]):
            words.pop()
        if not 1 <= len(words) <= 5:
            return None
        capitals = 0
        for i, word in enumerate(words):
            key = word.casefold()
            if key in self.particles and 0 < i < len(words) - 1:
                continue
            if key in self.not_names or not _WORD.fullmatch(word):
                return None
            capitals += 1
        if capitals < 2 and not (capitals == 1 and "." in words[0][:3]):
            return None
        fixed = [
            w.casefold() if w.isupper() and w.casefold() in self.particles else _fix_case(w)
            for w in words
        ]
        if fixed[0][:1].islower():
            fixed[0] = fixed[0].capitalize()
        return " ".join(fixed)

    def split_names(self, text: str) -> list[str]:
        """Person names in ``text`` joined by commas, ``and`` or ``&`` (others dropped)."""
        names = []
        for raw in _SPLIT.split(text):
            part = _LABEL.sub("", raw.strip(" .()"))
            name = self.clean_name(_PLACE_TAIL.sub("", part))
            if name:
                names.append(name)
        return names

    def all_names(self, text: str) -> list[str] | None:
        """The names ``text`` lists when every separated part is a name, else None.

        >>> from newsparse import Lexicon
        >>> name_tools(Lexicon.default()).all_names("Jane Doe and John Roe")
        ['Jane Doe', 'John Roe']
        >>> name_tools(Lexicon.default()).all_names("Jane Doe and the team") is None
        True
        """
        parts = [p for p in _SPLIT.split(text) if p.strip()]
        found = self.split_names(text)
        return found if found and len(found) == len(parts) else None

    def leading_name(self, text: str) -> tuple[int, str] | None:
        """The person name that opens ``text``: ``(offset after it, name)``, or None.

        >>> from newsparse import Lexicon
        >>> name_tools(Lexicon.default()).leading_name("Jane Doe, political analyst")
        (8, 'Jane Doe')
        """
        spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text[:200])]
        best: tuple[int, str] | None = None
        for count in range(2, min(5, len(spans)) + 1):
            last = spans[count - 1]
            words = [w for _, _, w in spans[:count]]
            bare = words[-1].rstrip(",;:")
            name = self.clean_name(" ".join([*words[:-1], bare]))
            if name is None:
                if words[-1].casefold() in self.particles:
                    continue
                break
            best = (last[0] + len(bare), name)
            if bare != words[-1]:
                break
        return best

    def trailing_name(self, text: str) -> tuple[int, str] | None:
        """The person name that ends ``text``: ``(offset of its first word, name)``.

        Honorifics and degrees right before the name stay out of it (they belong to the
        role). Returns None when ``text`` does not end with a name.

        >>> from newsparse import Lexicon
        >>> name_tools(Lexicon.default()).trailing_name("Head of the Council, PhD Jane Doe")
        (25, 'Jane Doe')
        """
        spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
        if not spans or spans[-1][1][-1:] in ",;:":
            return None
        first = len(spans)
        while first > 0 and len(spans) - first < 5:
            word = spans[first - 1][1]
            key = word.casefold()
            if word[-1:] in ",;:" or self.is_title(word) or key in self.not_names:
                break
            if not _WORD.fullmatch(word) and key not in self.particles:
                break
            first -= 1
        while first < len(spans) and spans[first][1].casefold() in self.particles:
            first += 1
        if first >= len(spans):
            return None
        name = self.clean_name(" ".join(w for _, w in spans[first:]))
        return None if name is None else (spans[first][0], name)


def _build(lexicon: Lexicon) -> NameTools:
    data: Mapping[str, Any] = lexicon.get("bylines")
    roles = sorted(
        (regex.escape(str(r)) for r in data.get("byline_roles", []) if r), key=len, reverse=True
    ) or ["(?!)"]
    prefixes = sorted(
        (regex.escape(str(p)) for p in data.get("byline_prefixes", []) if p), key=len, reverse=True
    ) or ["(?!)"]
    return NameTools(
        honorifics=frozenset(str(x).casefold() for x in data.get("honorifics", [])),
        degrees=frozenset(str(x).casefold() for x in data.get("degrees", [])),
        particles=frozenset(str(x).casefold() for x in data.get("particles", [])),
        not_names=frozenset(str(x).casefold() for x in data.get("not_names", [])),
        byline_role=regex.compile(
            rf"(?:\s{{0,3}}[,|/–—-]\s{{0,3}}|\s{{1,3}})(?:{'|'.join(roles)})\b.{{0,60}}$",
            regex.IGNORECASE,
        ),
        byline_prefix=regex.compile(rf"(?:{'|'.join(prefixes)})(?:\s{{1,3}}|(?<=:))"),
        date_joiner=regex.compile(
            rf"\s{{1,3}}(?:{'|'.join(regex.escape(str(j)) for j in data['date_joiners'])})$"
            if data.get("date_joiners")
            else r"(?!)",
            regex.IGNORECASE,
        ),
        bio_role=regex.compile(
            rf"\b(?:{'|'.join(regex.escape(str(r)) for r in data.get('bio_roles', []))})\b"
            if data.get("bio_roles")
            else r"(?!)",
            regex.IGNORECASE,
        ),
    )


def name_tools(lexicon: Lexicon) -> NameTools:
    """The compiled byline vocabulary of ``lexicon`` (built once)."""
    return lexicon.compiled("newsparse.bylines", _build)
