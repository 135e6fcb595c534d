"""Parse corpora with Dask: bags of texts or file paths to bags of article dicts.

Needs the optional extra: ``pip install "newsparse[dask]"``.

>>> import dask.bag as db
>>> from newsparse.contrib.dask import parse_bag
>>> texts = db.from_sequence(["The talks ended.", 42], npartitions=1)
>>> [sorted(d)[:2] for d in parse_bag(texts).compute(scheduler="sync")]
[['boilerplate', 'header'], ['error', 'index']]

Each partition is parsed with :func:`newsparse.parse_many` in the worker that holds it,
with one pipeline per partition call and the lexicon (and its compiled patterns) built
once per worker process. Results are plain dicts (``Article.to_dict()``), which every
Dask scheduler can move between processes cheaply; a document that cannot be parsed gives
a failure dict ``{"index": ..., "error": {...}}`` instead of failing the whole
computation (pass ``on_error="raise"`` to fail it instead).
"""

from __future__ import annotations

import functools
import json
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError('newsparse.contrib.dask needs Dask: pip install "newsparse[dask]"') from exc

from .._batch import (
    OnBatchError,
    ParseFailure,
    _lexicon_from_state,
    _lexicon_state,
    parse_many,
)
from .._lexicon import Lexicon
from .._pipeline import Pipeline

__all__ = ["parse_bag", "parse_files", "to_jsonl"]


@functools.lru_cache(maxsize=8)
def _lexicon(state: bytes) -> Lexicon | None:
    """One lexicon per worker process and lexicon content, so patterns compile once."""
    return _lexicon_from_state(pickle.loads(state))


def _parse_partition(
    texts: Iterable[Any],
    pipeline: Pipeline | None,
    lexicon_state: bytes,
    on_error: OnBatchError,
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    return list(
        parse_many(
            texts,
            pipeline=pipeline,
            lexicon=_lexicon(lexicon_state),
            on_error=on_error,
            as_dict=True,
            **options,
        )
    )


def parse_bag(
    texts: db.Bag,
    *,
    pipeline: Pipeline | None = None,
    lexicon: Lexicon | None = None,
    on_error: OnBatchError = "record",
    **options: Any,
) -> db.Bag:
    """Map a bag of texts (``str`` or ``bytes``) to a bag of article dicts.

    Args:
        texts: a Dask bag whose elements are article texts.
        pipeline: the parsers to run (the default pipeline when omitted); it is
            serialised to the workers, so its parsers must be picklable.
        lexicon: the data the parsers read (the packaged data when omitted).
        on_error: ``"record"`` turns a document that cannot be parsed into
            ``{"index": <position in its partition>, "error": {...}}``; ``"raise"``
            fails the computation.
        **options: passed to :func:`newsparse.parse` (``reference_date``,
            ``max_chars``, ``errors`` ...).

    Returns:
        A lazy bag of dicts, one per text, in the order of the input bag.
    """
    bag: Any = texts
    return cast(
        "db.Bag",
        bag.map_partitions(
            _parse_partition,
            pipeline,
            pickle.dumps(_lexicon_state(lexicon)),
            on_error,
            dict(options),
        ),
    )


def _read(path: str) -> bytes:
    if "://" in path:
        import fsspec  # installed with dask[bag]; only needed for URLs

        with fsspec.open(path, "rb") as handle:
            data: bytes = handle.read()
            return data
    return Path(path).read_bytes()


def _parse_files_partition(
    paths: Iterable[str],
    pipeline: Pipeline | None,
    lexicon_state: bytes,
    on_error: OnBatchError,
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    names = [str(p) for p in paths]
    unreadable: dict[int, OSError] = {}

    def sources() -> Iterator[bytes]:
        for index, name in enumerate(names):
            try:
                yield _read(name)
            except OSError as exc:
                if on_error == "raise":
                    raise
                unreadable[index] = exc
                yield b""  # a placeholder; its result is replaced below

    results = _parse_partition(sources(), pipeline, lexicon_state, on_error, options)
    for index, exc in unreadable.items():
        results[index] = ParseFailure.from_exception(index, exc).to_dict()
    for name, result in zip(names, results, strict=True):
        result["source"] = name
    return results


def parse_files(
    paths: db.Bag | Sequence[str | Path] | str,
    *,
    npartitions: int | None = None,
    pipeline: Pipeline | None = None,
    lexicon: Lexicon | None = None,
    on_error: OnBatchError = "record",
    **options: Any,
) -> db.Bag:
    """Parse files, one article per file, into a bag of article dicts.

    Bytes are read and decoded by newsparse (UTF-8, BOMs, legacy fallbacks), so a
    file in a stray encoding gives an error record, not a failed job. Every dict gets
    a ``"source"`` key with the path it came from.

    Args:
        paths: a bag of paths, a sequence of paths, or a glob pattern
            (``"corpus/**/*.txt"``); URLs (``s3://...``) work through fsspec.
        npartitions: partitions for a sequence or glob (Dask's default when omitted).
        pipeline: see :func:`parse_bag`.
        lexicon: see :func:`parse_bag`.
        on_error: see :func:`parse_bag`; unreadable files are recorded too.
        **options: passed to :func:`newsparse.parse`.

    Returns:
        A lazy bag of dicts, one per file.
    """
    if isinstance(paths, str):
        from fsspec.core import get_fs_token_paths

        fs, _, found = get_fs_token_paths(paths)
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        prefix = "" if protocol in ("file", "local") else f"{protocol}://"
        paths = [prefix + p for p in sorted(found)]
    bag: Any = paths
    if not isinstance(paths, db.Bag):
        items = [str(p) for p in paths]
        from_sequence: Any = db.from_sequence
        bag = from_sequence(items, npartitions=npartitions or min(len(items), 100) or 1)
    return cast(
        "db.Bag",
        bag.map_partitions(
            _parse_files_partition,
            pipeline,
            pickle.dumps(_lexicon_state(lexicon)),
            on_error,
            dict(options),
        ),
    )


def to_jsonl(articles: db.Bag, path: str | Path, **kwargs: Any) -> list[str]:
    """Write a bag of article dicts as JSON Lines, one file per partition.

    Args:
        articles: the bag :func:`parse_bag` or :func:`parse_files` returns.
        path: a directory, or a pattern with one ``*`` (``"out/part-*.jsonl"``); a
            directory gets ``0.part``-style names from Dask.
        **kwargs: passed to :meth:`dask.bag.Bag.to_textfiles` (``compression=``,
            ``storage_options=``, ``scheduler=`` via ``compute_kwargs``...).

    Returns:
        The names of the files written.
    """
    bag: Any = articles
    lines = bag.map(json.dumps, ensure_ascii=True)
    names: list[str] = lines.to_textfiles(str(path), last_endline=True, **kwargs)
    return names
