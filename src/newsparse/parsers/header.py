"""Header parser (minimal first version; see issue 2)."""

from __future__ import annotations

from .._draft import Draft

__all__ = ["parse_header"]


def parse_header(draft: Draft) -> None:
    """Find the header (not written yet)."""
