"""Word lists as prefix-tree regular expressions (shared by the agency and name data).

A flat alternation of hundreds of words is tried word by word at every position; in the
tree a position that starts no word fails after a character or two. Every node tries
longer continuations before ending a word, so among the words that can match at one
position the longest is tried first, as in a flat list sorted by length.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

__all__ = ["add_word", "emit_tree"]


def add_word(root: dict[str, Any], keys: Any) -> None:
    """Add the path of ``keys`` (characters, or keys derived from them) to ``root``."""
    node = root
    for key in keys:
        node = node.setdefault(key, {})
    node[""] = {}


def emit_tree(root: dict[str, Any], render: Callable[[str], str] = regex.escape) -> str:
    """The regex body of the tree ``root``; ``render`` turns a key into its pattern."""
    depth: dict[int, int] = {}

    def longest(node: dict[str, Any]) -> int:
        found = depth.get(id(node))
        if found is None:
            found = max((1 + longest(sub) for ch, sub in node.items() if ch), default=0)
            depth[id(node)] = found
        return found

    def emit(node: dict[str, Any]) -> str:
        children = sorted(
            ((ch, sub) for ch, sub in node.items() if ch), key=lambda it: (-longest(it[1]), it[0])
        )
        alternatives = [render(ch) + emit(sub) for ch, sub in children]
        if not alternatives:
            return ""
        if "" in node:
            return f"(?:{'|'.join(alternatives)}|)"
        if len(alternatives) == 1:
            return alternatives[0]
        return f"(?:{'|'.join(alternatives)})"

    return emit(root)
