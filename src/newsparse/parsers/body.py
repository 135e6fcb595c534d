"""Body parsers (minimal first version; see issue 2)."""

from __future__ import annotations

from .._draft import Draft
from .._model import Paragraph

__all__ = ["build_paragraphs", "find_boilerplate"]


def find_boilerplate(draft: Draft) -> None:
    """Find boilerplate lines (not written yet)."""


def build_paragraphs(draft: Draft) -> None:
    """Split the body region at blank lines."""
    block: list = []
    for line in draft.body_lines() + [None]:  # type: ignore[operator]
        if line is None or line.is_blank:
            if block:
                start, end = block[0].strip_span()[0], block[-1].strip_span()[1]
                text = " ".join(x.stripped for x in block)
                draft.paragraphs.append(Paragraph(text, start, end))
            block = []
        else:
            block.append(line)
