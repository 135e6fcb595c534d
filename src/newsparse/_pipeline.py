"""Pipelines of named parsers, in the manner of markdown-it-py's rulers and spaCy's pipes.

A parser is anything callable as ``parser(draft)`` that fills in the
:class:`~newsparse.Draft`; a plain function will do. A :class:`Pipeline` runs its enabled
parsers in order and freezes the draft into an :class:`~newsparse.Article`.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import attrs

from ._draft import Draft
from ._errors import ParserError, PipelineError, UnknownStepError
from ._lexicon import Lexicon
from ._model import Article
from ._text import DEFAULT_MAX_CHARS, Errors, is_blank, to_text

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "ENTRY_POINT_GROUP",
    "Parser",
    "Pipeline",
    "Plugin",
    "Step",
    "available_parsers",
]

ENTRY_POINT_GROUP = "newsparse.parsers"
"""Entry-point group where third-party packages register parser factories."""

OnError = Literal["raise", "record"]


@runtime_checkable
class Parser(Protocol):
    """Anything that fills in a draft article. A plain function satisfies it."""

    def __call__(self, draft: Draft, /) -> None:
        """Read ``draft.text`` and add to the draft."""


Plugin = Callable[..., Any]
"""A function ``plugin(pipeline, **options)`` that configures a pipeline."""

# The default chain: (name, "module:attribute"), imported on first use so that
# ``import newsparse`` stays cheap.
DEFAULT_STEPS: tuple[tuple[str, str], ...] = (
    ("header", "newsparse.parsers.header:parse_header"),
    ("boilerplate", "newsparse.parsers.body:find_boilerplate"),
    ("paragraphs", "newsparse.parsers.body:build_paragraphs"),
    ("signature", "newsparse.parsers.body:find_signature"),
    ("links", "newsparse.parsers.links:find_links"),
    ("people", "newsparse.parsers.people:find_people"),
    ("quotes", "newsparse.parsers.quotes:find_quotes"),
    ("organisations", "newsparse.parsers.organisations:find_organisations"),
)


def _load(target: str) -> Parser:
    module_name, _, attribute = target.partition(":")
    parser: Parser = getattr(importlib.import_module(module_name), attribute)
    return parser


def available_parsers() -> dict[str, EntryPoint]:
    """Parsers installed by other packages under the ``newsparse.parsers`` entry point."""
    from importlib.metadata import entry_points  # slow to import; only needed here

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


@attrs.define
class Step:
    """A named parser in a pipeline."""

    name: str
    """Unique name within the pipeline."""
    parser: Parser
    """The callable."""
    enabled: bool = True
    """Disabled steps stay in place but do not run."""


def _name_of(parser: object) -> str:
    name = getattr(parser, "name", None) or getattr(parser, "__name__", None)
    if not isinstance(name, str) or not name:
        name = type(parser).__name__
    return name


class Pipeline:
    """An ordered chain of named parsers.

    Examples:
        >>> pipeline = Pipeline.default()
        >>> pipeline.names[:2]
        ['header', 'boilerplate']
    """

    def __init__(self, steps: Iterable[tuple[str, Parser]] = ()) -> None:
        self._steps: list[Step] = []
        for name, parser in steps:
            self.add(parser, name=name)

    # -- construction -------------------------------------------------------------
    @classmethod
    def default(cls) -> Pipeline:
        """A new pipeline with newsparse's default parsers."""
        return cls((name, _load(target)) for name, target in DEFAULT_STEPS)

    def copy(self) -> Pipeline:
        """A shallow copy: same parsers, independent order and switches."""
        new = Pipeline()
        new._steps = [attrs.evolve(step) for step in self._steps]
        return new

    # -- inspection -----------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """Names of all steps, in order."""
        return [step.name for step in self._steps]

    @property
    def enabled(self) -> list[str]:
        """Names of the steps that run, in order."""
        return [step.name for step in self._steps if step.enabled]

    def __contains__(self, name: object) -> bool:
        return any(step.name == name for step in self._steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(list(self._steps))

    def __len__(self) -> int:
        return len(self._steps)

    def __repr__(self) -> str:
        parts = [s.name if s.enabled else f"({s.name})" for s in self._steps]
        return f"Pipeline([{', '.join(parts)}])"

    def _index(self, name: str) -> int:
        for i, step in enumerate(self._steps):
            if step.name == name:
                return i
        raise UnknownStepError(name, self.names)

    def get(self, name: str) -> Parser:
        """The parser of step ``name``."""
        return self._steps[self._index(name)].parser

    # -- editing ----------------------------------------------------------------------
    def add(
        self,
        parser: Parser | str,
        name: str | None = None,
        *,
        before: str | None = None,
        after: str | None = None,
        first: bool = False,
        last: bool = False,
        config: dict[str, Any] | None = None,
    ) -> Pipeline:
        """Insert ``parser`` (at the end unless a position is given) and return self.

        ``parser`` may be a string naming a parser installed under the
        ``newsparse.parsers`` entry point; the entry point loads a factory that is called
        with ``**config`` to make the parser.
        """
        if sum((before is not None, after is not None, first, last)) > 1:
            raise PipelineError("give at most one of before=, after=, first=, last=")
        if isinstance(parser, str):
            found = available_parsers()
            if parser not in found:
                raise UnknownStepError(parser, found, what="entry-point parser")
            factory = found[parser].load()
            name = name or parser
            parser = factory(**(config or {}))
        elif config:
            raise PipelineError("config= is only used with an entry-point parser name")
        if not callable(parser):
            raise PipelineError(f"a parser must be callable, not {type(parser).__name__}")
        name = name or _name_of(parser)
        if name in self:
            raise PipelineError(
                f"a step named {name!r} exists already; use replace() or another name. "
                f"Steps: {', '.join(self.names)}"
            )
        step = Step(name, parser)
        if before is not None:
            self._steps.insert(self._index(before), step)
        elif after is not None:
            self._steps.insert(self._index(after) + 1, step)
        elif first:
            self._steps.insert(0, step)
        else:
            self._steps.append(step)
        return self

    def replace(self, name: str, parser: Parser) -> Pipeline:
        """Put ``parser`` in the place of step ``name`` (keeping the name); return self."""
        if not callable(parser):
            raise PipelineError(f"a parser must be callable, not {type(parser).__name__}")
        self._steps[self._index(name)].parser = parser
        return self

    def remove(self, name: str) -> Parser:
        """Remove step ``name`` and return its parser."""
        return self._steps.pop(self._index(name)).parser

    def _switch(self, names: Sequence[str], value: bool) -> Pipeline:
        indexes = [self._index(n) for n in names]  # validate all before changing any
        for i in indexes:
            self._steps[i].enabled = value
        return self

    def enable(self, *names: str) -> Pipeline:
        """Enable the named steps; return self."""
        return self._switch(names, True)

    def disable(self, *names: str) -> Pipeline:
        """Disable the named steps (they stay in place); return self."""
        return self._switch(names, False)

    def use(self, plugin: Plugin, **options: Any) -> Pipeline:
        """Apply ``plugin(self, **options)`` and return self, so calls chain."""
        plugin(self, **options)
        return self

    # -- running ----------------------------------------------------------------------
    def run(self, draft: Draft, *, on_error: OnError = "raise") -> Article:
        """Run the enabled steps over ``draft`` and freeze it.

        With ``on_error="raise"`` a failing parser raises :class:`ParserError` and no
        article is returned. With ``"record"`` the failure is recorded in
        ``article.meta["errors"]`` and the remaining steps still run.
        """
        for step in self._steps:
            if not step.enabled:
                continue
            try:
                step.parser(draft)
            except Exception as exc:
                if on_error == "raise":
                    raise ParserError(step.name, exc) from exc
                draft.meta.setdefault("errors", []).append(
                    {"step": step.name, "error": f"{type(exc).__name__}: {exc}"}
                )
        return draft.freeze()

    def parse(
        self,
        source: str | bytes,
        *,
        lexicon: Lexicon | None = None,
        reference_date: _dt.date | None = None,
        errors: Errors = "strict",
        fallback_encodings: Sequence[str] = ("cp1252",),
        max_chars: int | None = DEFAULT_MAX_CHARS,
        on_error: OnError = "raise",
        **options: Any,
    ) -> Article:
        """Parse one article; see :func:`newsparse.parse` for the arguments."""
        text = to_text(
            source, errors=errors, fallback_encodings=fallback_encodings, max_chars=max_chars
        )
        if is_blank(text):
            return Article(text=text)
        draft = Draft(
            text,
            lexicon=lexicon or Lexicon.default(),
            reference_date=reference_date,
            options=options,
        )
        return self.run(draft, on_error=on_error)

    __call__ = parse
