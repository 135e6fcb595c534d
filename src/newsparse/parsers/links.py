"""Find URLs and social-media handles anywhere in the input."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._draft import Draft
from .._model import Link

__all__ = ["find_links"]

# Bounded, possessive quantifiers: no backtracking on long runs.
_URL = regex.compile(
    r"""(?:https?://|www\.)[^\s<>"'“”«»\[\]{}]{1,2000}+""",
    regex.IGNORECASE,
)
_HANDLE = regex.compile(r"(?<![\w@/.])@[A-Za-z0-9_]{2,30}+(?![\w@])")
_TRAILING = ".,;:!?'\"’”)»"


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation and unbalanced closing brackets from a URL."""
    opened = text.count("(", start, end)
    closed = text.count(")", start, end)
    while end > start:
        last = text[end - 1]
        if last == ")" and closed > opened:
            closed -= 1
        elif last == "(":
            opened -= 1
        elif last not in _TRAILING or last == ")":
            break
        end -= 1
    return end


def _url_starts(text: str) -> list[int]:
    """Every offset where :data:`_URL` can match, in order (and some where it cannot).

    A URL opens with ``http://``, ``https://`` (``://`` four or five characters in) or
    ``www.`` (the dot three in; only ``w`` and ``W`` fold to ``w``): scanning for those
    few characters with ``str.find`` is faster than trying the pattern everywhere.
    """
    starts: list[int] = []
    find = text.find
    at = find("://")
    while at >= 0:
        starts.extend((at - 5, at - 4))
        at = find("://", at + 1)
    at = find(".", 3)
    while at >= 0:
        if text[at - 3 : at].lower() == "www":
            starts.append(at - 3)
        at = find(".", at + 1)
    return sorted({s for s in starts if s >= 0})


def _urls(text: str) -> Iterator[regex.Match[str]]:
    """``_URL.finditer(text)``, trying only the offsets where a URL can start."""
    end = 0
    match_at = _URL.match
    for start in _url_starts(text):
        if start < end:
            continue  # inside the URL before (finditer does not overlap matches)
        match = match_at(text, start)
        if match is not None:
            end = match.end()
            yield match


def _handles(text: str) -> Iterator[regex.Match[str]]:
    """``_HANDLE.finditer(text)``, trying only at the ``@`` signs."""
    match_at = _HANDLE.match
    at = text.find("@")
    while at >= 0:
        match = match_at(text, at)  # the look-behind sees the text before ``at``
        if match is not None:
            yield match
        at = text.find("@", at + 1)


def find_links(draft: Draft) -> None:
    """Add every URL and ``@handle`` of ``draft.text`` to ``draft.links``."""
    text = draft.text
    url_spans: list[tuple[int, int]] = []
    for match in _urls(text):
        start, end = match.span()
        end = _trim(text, start, end)
        url_spans.append((start, end))
        draft.links.append(Link(text[start:end], start, end))
    i = 0  # both lists run in text order: one pass, not handles x URLs
    for match in _handles(text):
        start, end = match.span()
        while i < len(url_spans) and url_spans[i][1] <= start:
            i += 1
        if i < len(url_spans) and url_spans[i][0] <= start:
            continue
        draft.links.append(Link(match.group(), start, end))
