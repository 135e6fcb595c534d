"""Find URLs and social-media handles anywhere in the input."""

from __future__ import annotations

import regex

from .._draft import Draft
from .._model import Link

__all__ = ["find_links"]

# Bounded, possessive quantifiers: no backtracking on long runs.
_URL = regex.compile(
    r"""(?:https?://|www\.)[^\s<>"'“”«»()\[\]{}]{1,2000}+""",
    regex.IGNORECASE,
)
_HANDLE = regex.compile(r"(?<![\w@/.])@[A-Za-z0-9_]{2,30}+(?![\w@])")
_TRAILING = ".,;:!?'\"’”)»"


def find_links(draft: Draft) -> None:
    """Add every URL and ``@handle`` of ``draft.text`` to ``draft.links``."""
    text = draft.text
    url_spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        url_spans.append((start, end))
        draft.links.append(Link(text[start:end], start, end))
    for match in _HANDLE.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in url_spans):
            continue
        draft.links.append(Link(match.group(), start, end))
