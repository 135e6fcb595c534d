"""The exceptions newsparse raises.

Every error derives from :class:`NewsparseError`, and each also subclasses the builtin
exception a caller would expect (``TypeError`` for a wrong argument type, ``ValueError``
for bad input values, ``KeyError`` for an unknown pipeline step), so existing ``except``
clauses keep working.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import Any

__all__ = [
    "DataError",
    "DecodeError",
    "InputTooLargeError",
    "InputTypeError",
    "NewsparseError",
    "ParserError",
    "PipelineError",
    "UnknownStepError",
]


class NewsparseError(Exception):
    """Root of every error raised by newsparse."""


class InputTypeError(NewsparseError, TypeError):
    """``parse`` was given something that is neither ``str`` nor ``bytes``."""


class DecodeError(NewsparseError, ValueError):
    """Bytes could not be decoded as text.

    ``position`` is the byte offset of the first offending byte and ``reason`` a short
    human-readable explanation.
    """

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(f"cannot decode input as text at byte {position}: {reason}")
        self.reason = reason
        self.position = position

    def __reduce__(self) -> tuple[type[DecodeError], tuple[str, int]]:
        # Picklable, so that errors cross process boundaries (parse_many, Dask).
        return type(self), (self.reason, self.position)


class InputTooLargeError(NewsparseError, ValueError):
    """The input is longer than the configured ``max_chars``."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input has {size} characters, more than the limit of {limit} "
            "(pass max_chars= to raise it)"
        )
        self.size = size
        self.limit = limit

    def __reduce__(self) -> tuple[type[InputTooLargeError], tuple[int, int]]:
        return type(self), (self.size, self.limit)


class PipelineError(NewsparseError, ValueError):
    """A pipeline was configured inconsistently (duplicate name, two positions...)."""


class UnknownStepError(NewsparseError, KeyError):
    """A pipeline step or an entry-point parser name is not known.

    The message lists the valid names.
    """

    def __init__(self, name: str, available: Iterable[str], what: str = "step") -> None:
        names = sorted(available)
        self.name = name
        self.available = tuple(names)
        self.message = f"{what} {name!r} not found. Available names: {', '.join(names) or '(none)'}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_unknown_step, (self.message, self.name, self.available)


class ParserError(NewsparseError, RuntimeError):
    """A parser in the pipeline raised; ``step`` names it, ``__cause__`` is the original."""

    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(f"parser {step!r} failed: {type(error).__name__}: {error}")
        self.step = step
        self.error = error

    def __reduce__(self) -> tuple[Any, ...]:
        # The original error may not pickle (a user's exception class): send its text.
        try:
            error = pickle.loads(pickle.dumps(self.error))
        except Exception:
            error = RuntimeError(f"{type(self.error).__name__}: {self.error}")
        return _rebuild_parser_error, (self.step, error, str(self))


class DataError(NewsparseError, ValueError):
    """A packaged or user-supplied data file is missing or malformed."""


def _rebuild_unknown_step(message: str, name: str, available: tuple[str, ...]) -> UnknownStepError:
    error = UnknownStepError.__new__(UnknownStepError)
    Exception.__init__(error, message)
    error.name, error.available, error.message = name, available, message
    return error


def _rebuild_parser_error(step: str, error: BaseException, message: str) -> ParserError:
    rebuilt = ParserError(step, error)
    rebuilt.args = (message,)
    return rebuilt
