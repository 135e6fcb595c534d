"""Find URLs and social-media handles anywhere in the input."""

from __future__ import annotations

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


def find_links(draft: Draft) -> None:
    """Add every URL and ``@handle`` of ``draft.text`` to ``draft.links``."""
    text = draft.text
    url_spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        start, end = match.span()
        end = _trim(text, start, end)
        url_spans.append((start, end))
        draft.links.append(Link(text[start:end], start, end))
    i = 0  # both lists run in text order: one pass, not handles x URLs
    for match in _HANDLE.finditer(text):
        start, end = match.span()
        while i < len(url_spans) and url_spans[i][1] <= start:
            i += 1
        if i < len(url_spans) and url_spans[i][0] <= start:
            continue
        draft.links.append(Link(match.group(), start, end))
