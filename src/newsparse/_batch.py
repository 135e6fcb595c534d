"""Parse many articles: inline or on a pool of worker processes.

:func:`parse_many` takes any iterable of texts (a list, a generator reading files, a
database cursor) and yields one result per input, in input order. A document that cannot be
parsed yields a :class:`ParseFailure` record instead of ending the batch (unless
``on_error="raise"``). Memory stays bounded on a generator input: at most
``workers * prefetch`` chunks of ``chunksize`` documents are read ahead of the consumer.

With ``workers > 1`` the documents go to a :class:`~concurrent.futures.ProcessPoolExecutor`.
Each worker builds its pipeline and lexicon once, when it starts; the pipeline is pickled
for that, so its parsers must be importable functions or picklable objects (no lambdas).
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from ._errors import DecodeError, ParserError, PipelineError
from ._lexicon import Lexicon
from ._model import Article
from ._pipeline import Pipeline

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["ParseFailure", "parse_many"]

OnBatchError = Literal["raise", "record"]


@attrs.frozen
class ParseFailure:
    """The record :func:`parse_many` yields for a document it could not parse."""

    index: int
    """Position of the document in the input (0-based)."""
    error: str
    """Class name of the exception (``DecodeError``, ``ParserError``, ...)."""
    message: str
    """The exception's message."""
    step: str | None = None
    """For a :class:`ParserError`, the name of the pipeline step that failed."""
    position: int | None = None
    """For a :class:`DecodeError`, the offset of the first undecodable byte."""

    @classmethod
    def from_exception(cls, index: int, exc: BaseException) -> ParseFailure:
        """Build the record of ``exc`` raised while parsing document ``index``."""
        return cls(
            index=index,
            error=type(exc).__name__,
            message=str(exc),
            step=exc.step if isinstance(exc, ParserError) else None,
            position=exc.position if isinstance(exc, DecodeError) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form: ``{"index": ..., "error": {...}}``."""
        return {
            "index": self.index,
            "error": {
                "type": self.error,
                "message": self.message,
                "step": self.step,
                "position": self.position,
            },
        }


# -- the work one process does --------------------------------------------------------------


@attrs.define
class _Worker:
    """What a process needs to parse: built once per process."""

    pipeline: Pipeline
    lexicon: Lexicon | None
    options: dict[str, Any]
    as_dict: bool
    on_error: OnBatchError

    def parse(self, index: int, source: object) -> Any:
        try:
            article = self.pipeline.parse(
                source,  # type: ignore[arg-type]  # parse() checks the type itself
                lexicon=self.lexicon,
                on_error="raise",
                **self.options,
            )
        except Exception as exc:  # any failure becomes a record; the batch goes on
            if self.on_error == "raise":
                raise
            failure = ParseFailure.from_exception(index, exc)
            return failure.to_dict() if self.as_dict else failure
        return article.to_dict() if self.as_dict else article


_WORKER: _Worker | None = None


def _lexicon_state(lexicon: Lexicon | None) -> dict[str, Any] | None:
    """A picklable description of ``lexicon`` (``None`` for the packaged default)."""
    if lexicon is None or lexicon is Lexicon.default():
        return None
    return dict(lexicon._overrides)


def _lexicon_from_state(state: Mapping[str, Any] | None) -> Lexicon | None:
    if state is None:
        return None
    lexicon = Lexicon()
    lexicon._overrides = dict(state)
    return lexicon


def _init_worker(
    pipeline: bytes | None,
    lexicon: dict[str, Any] | None,
    options: dict[str, Any],
    as_dict: bool,
    on_error: OnBatchError,
) -> None:
    global _WORKER
    _WORKER = _Worker(
        pipeline=Pipeline.default() if pipeline is None else pickle.loads(pipeline),
        lexicon=_lexicon_from_state(lexicon),
        options=options,
        as_dict=as_dict,
        on_error=on_error,
    )


def _strip_text(result: Any) -> Any:
    """Drop the article's copy of its input before it is sent back to the parent."""
    if isinstance(result, Article) and result.text is not None:
        return attrs.evolve(result, text=None)
    return result


def _work_chunk(chunk: list[tuple[int, object]]) -> list[Any]:
    worker = _WORKER
    if worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("newsparse worker process was not initialised")
    return [_strip_text(worker.parse(index, source)) for index, source in chunk]


# -- the public function --------------------------------------------------------------------


def _pickled(pipeline: Pipeline) -> bytes:
    """The pipeline as bytes for the workers, or a :class:`PipelineError` naming the step."""
    try:
        return pickle.dumps(pipeline)
    except Exception as exc:
        for step in pipeline:
            try:
                pickle.dumps(step.parser)
            except Exception:
                raise PipelineError(
                    f"with workers > 1 the pipeline is sent to worker processes, but step "
                    f"{step.name!r} cannot be pickled ({type(exc).__name__}: {exc}); use a "
                    "module-level function or a picklable object"
                ) from exc
        raise PipelineError(f"the pipeline cannot be pickled: {exc}") from exc


def _chunks(sources: Iterable[object], size: int) -> Iterator[list[tuple[int, object]]]:
    numbered = enumerate(sources)
    while chunk := list(islice(numbered, size)):
        yield chunk


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


@overload
def parse_many(
    sources: Iterable[str | bytes],
    *,
    workers: int | None = ...,
    chunksize: int = ...,
    prefetch: int = ...,
    pipeline: Pipeline | None = ...,
    lexicon: Lexicon | None = ...,
    on_error: OnBatchError = ...,
    as_dict: Literal[False] = ...,
    mp_context: str | None = ...,
    **options: Any,
) -> Iterator[Article | ParseFailure]: ...


@overload
def parse_many(
    sources: Iterable[str | bytes],
    *,
    workers: int | None = ...,
    chunksize: int = ...,
    prefetch: int = ...,
    pipeline: Pipeline | None = ...,
    lexicon: Lexicon | None = ...,
    on_error: OnBatchError = ...,
    as_dict: Literal[True],
    mp_context: str | None = ...,
    **options: Any,
) -> Iterator[dict[str, Any]]: ...


def parse_many(
    sources: Iterable[str | bytes],
    *,
    workers: int | None = 1,
    chunksize: int = 32,
    prefetch: int = 2,
    pipeline: Pipeline | None = None,
    lexicon: Lexicon | None = None,
    on_error: OnBatchError = "record",
    as_dict: bool = False,
    mp_context: str | None = None,
    **options: Any,
) -> Iterator[Article | ParseFailure] | Iterator[dict[str, Any]]:
    r"""Parse many articles, in input order, optionally on several processes.

    >>> import newsparse
    >>> results = list(newsparse.parse_many(["The talks ended.", 42, b"\xff\x00"]))
    >>> [type(r).__name__ for r in results]
    ['Article', 'ParseFailure', 'ParseFailure']
    >>> results[1].error, results[2].error, results[2].position
    ('InputTypeError', 'DecodeError', 1)

    Args:
        sources: texts (``str`` or ``bytes``), any iterable; a generator is read lazily.
        workers: processes to use. ``1`` (the default) parses inline in this process;
            ``None`` or ``0`` uses one process per available CPU.
        chunksize: documents sent to a worker at a time.
        prefetch: chunks per worker read ahead of the consumer; with ``chunksize`` it
            bounds how many documents are held in memory at once.
        pipeline: the parsers to run (the default pipeline when omitted). With
            ``workers > 1`` it is pickled once per worker, so its parsers must be
            importable functions or picklable objects.
        lexicon: the data the parsers read (the packaged data when omitted).
        on_error: ``"record"`` yields a :class:`ParseFailure` for a document that
            raises (wrong type, undecodable, too large, a failing parser) and goes on;
            ``"raise"`` raises the error and ends the batch.
        as_dict: yield ``article.to_dict()`` (and ``failure.to_dict()``) instead of
            objects; cheaper with ``workers > 1`` and ready for ``json.dumps``.
        mp_context: ``multiprocessing`` start method (``"fork"``, ``"spawn"``,
            ``"forkserver"``); the platform default when omitted.
        **options: passed to :func:`newsparse.parse` for every document
            (``reference_date``, ``errors``, ``max_chars``, parser options ...).

    Yields:
        One :class:`Article` or :class:`ParseFailure` per input document (their dict
        forms with ``as_dict=True``), in input order. With ``workers > 1`` the articles
        carry ``text`` only for ``str`` inputs.

    Raises:
        NewsparseError: with ``on_error="raise"``, the first document's error.
        PipelineError: with ``workers > 1``, a step of ``pipeline`` cannot be pickled.
        ValueError: ``chunksize``, ``prefetch`` or ``workers`` is out of range.
        concurrent.futures.process.BrokenProcessPool: a worker process died (killed, out
            of memory); the documents of its chunk have no result.
    """
    if chunksize < 1 or prefetch < 1:
        raise ValueError("chunksize and prefetch must be at least 1")
    if on_error not in ("raise", "record"):
        raise ValueError(f"on_error must be 'raise' or 'record', not {on_error!r}")
    if "on_error" in options:  # pragma: no cover - caught by the signature
        raise ValueError("on_error is given twice")
    n = workers if workers else _cpu_count()
    if n < 0:
        raise ValueError(f"workers must be 0 or more, not {workers}")
    if n == 1:
        worker = _Worker(
            pipeline=pipeline or Pipeline.default(),
            lexicon=lexicon,
            options=dict(options),
            as_dict=as_dict,
            on_error=on_error,
        )
        return (worker.parse(index, source) for index, source in enumerate(sources))
    return _run_pool(
        sources,
        workers=n,
        chunksize=chunksize,
        prefetch=prefetch,
        initargs=(
            None if pipeline is None else _pickled(pipeline),
            _lexicon_state(lexicon),
            dict(options),
            as_dict,
            on_error,
        ),
        mp_context=mp_context,
    )


def _run_pool(
    sources: Iterable[object],
    *,
    workers: int,
    chunksize: int,
    prefetch: int,
    initargs: tuple[bytes | None, dict[str, Any] | None, dict[str, Any], bool, OnBatchError],
    mp_context: str | None,
) -> Iterator[Any]:
    # Imported here, not at module level: they cost ~60 ms of ``import newsparse``.
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    chunks = _chunks(sources, chunksize)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context(mp_context),
        initializer=_init_worker,
        initargs=initargs,
    ) as pool:
        pending: deque[tuple[list[tuple[int, object]], Future[list[Any]]]] = deque()
        for chunk in islice(chunks, workers * prefetch):
            pending.append((chunk, pool.submit(_work_chunk, chunk)))
        try:
            while pending:
                chunk, future = pending.popleft()
                results = future.result()
                for chunk_ in islice(chunks, 1):
                    pending.append((chunk_, pool.submit(_work_chunk, chunk_)))
                for (_, source), result in zip(chunk, results, strict=True):
                    if isinstance(result, Article) and isinstance(source, str):
                        yield attrs.evolve(result, text=source)
                    else:
                        yield result
        finally:
            for _, future in pending:
                future.cancel()
