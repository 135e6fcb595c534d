"""newsparse: structured parsing of wire-style news articles, on rules alone.

>>> import newsparse
>>> article = newsparse.parse("WASHINGTON (AP) — The Senate voted on Tuesday.")
>>> article.header.dateline, article.header.agency
('WASHINGTON', 'AP')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from ._batch import ParseFailure, parse_many
from ._draft import Draft, HeaderDraft
from ._errors import (
    DataError,
    DecodeError,
    InputTooLargeError,
    InputTypeError,
    NewsparseError,
    ParserError,
    PipelineError,
    UnknownStepError,
)
from ._lexicon import Lexicon
from ._model import (
    SCHEMA_VERSION,
    Article,
    Boilerplate,
    Header,
    Link,
    Organisation,
    Paragraph,
    Person,
    Quote,
    Span,
    Speaker,
)
from ._pipeline import ENTRY_POINT_GROUP, Parser, Pipeline, Plugin, Step, available_parsers
from ._text import DEFAULT_MAX_CHARS, Errors

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAX_CHARS",
    "ENTRY_POINT_GROUP",
    "SCHEMA_VERSION",
    "Article",
    "Boilerplate",
    "DataError",
    "DecodeError",
    "Draft",
    "Header",
    "HeaderDraft",
    "InputTooLargeError",
    "InputTypeError",
    "Lexicon",
    "Link",
    "NewsparseError",
    "Organisation",
    "Paragraph",
    "ParseFailure",
    "Parser",
    "ParserError",
    "Person",
    "Pipeline",
    "PipelineError",
    "Plugin",
    "Quote",
    "Span",
    "Speaker",
    "Step",
    "UnknownStepError",
    "__version__",
    "available_parsers",
    "parse",
    "parse_many",
    "schema",
]

_default_pipeline: Pipeline | None = None


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Article.to_dict` output."""
    import json
    from importlib import resources

    data: dict[str, Any] = json.loads(
        resources.files("newsparse").joinpath("schema.json").read_text("utf-8")
    )
    return data


def _shared_pipeline() -> Pipeline:
    global _default_pipeline
    if _default_pipeline is None:
        _default_pipeline = Pipeline.default()
    return _default_pipeline


def parse(
    source: str | bytes,
    *,
    pipeline: Pipeline | None = None,
    lexicon: Lexicon | None = None,
    reference_date: _dt.date | None = None,
    errors: Errors = "strict",
    fallback_encodings: Sequence[str] = ("cp1252",),
    max_chars: int | None = DEFAULT_MAX_CHARS,
    on_error: Any = "raise",
    **options: Any,
) -> Article:
    """Parse one article.

    Args:
        source: the article as ``str``, or as ``bytes`` (UTF-8 with or without BOM, other
            BOM-marked Unicode, or one of ``fallback_encodings``).
        pipeline: the parsers to run; the default pipeline when omitted.
        lexicon: the data the parsers read; the packaged data when omitted.
        reference_date: completes dates printed without a year (``Sunday, May 26``):
            the latest such date on or before it is taken. Defaults to today.
        errors: ``"strict"`` raises :class:`DecodeError` on undecodable bytes;
            ``"replace"`` substitutes U+FFFD.
        fallback_encodings: legacy encodings tried when bytes are not UTF-8.
        max_chars: longest input accepted (:class:`InputTooLargeError` above it);
            ``None`` for no limit.
        on_error: ``"raise"`` (a failing parser raises :class:`ParserError`) or
            ``"record"`` (the failure goes to ``article.meta["errors"]``).
        **options: passed to parsers in ``draft.options``.

    Returns:
        The parsed :class:`Article`; an empty one for empty or blank text.

    Raises:
        InputTypeError: ``source`` is neither ``str`` nor ``bytes``.
        DecodeError: the bytes are not text.
        InputTooLargeError: the input is longer than ``max_chars``.
        ParserError: a parser failed (with ``on_error="raise"``).
    """
    return (pipeline or _shared_pipeline()).parse(
        source,
        lexicon=lexicon,
        reference_date=reference_date,
        errors=errors,
        fallback_encodings=fallback_encodings,
        max_chars=max_chars,
        on_error=on_error,
        **options,
    )
