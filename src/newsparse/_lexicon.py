"""Linguistic knowledge as data: packaged JSON files that users can extend.

Each file in ``newsparse/data`` is a JSON object. Its keys are either lists (merged by
concatenation when a user extends them) or objects (merged key by key). The file's
``"description"`` key says what it holds. A :class:`Lexicon` reads a file the first time a
parser asks for it and keeps it; parsers keep their compiled views (regular expressions,
sets) in :meth:`Lexicon.compiled`, so that work happens once per lexicon, not per article.

Extend the defaults without copying them::

    lexicon = newsparse.Lexicon.default().extend(
        "speech_verbs", {"verbs": ["quipped"]}
    )
    newsparse.parse(text, lexicon=lexicon)
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ._errors import DataError

__all__ = ["Lexicon"]

T = TypeVar("T")


def _merge(base: Any, extra: Any, where: str) -> Any:
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value, f"{where}.{key}") if key in base else value
        return merged
    if type(base) is not type(extra):
        raise DataError(f"{where}: cannot merge {type(extra).__name__} into {type(base).__name__}")
    return extra


@cache
def _packaged(name: str) -> Mapping[str, Any]:
    try:
        raw = (
            resources.files("newsparse")
            .joinpath("data")
            .joinpath(f"{name}.json")
            .read_text("utf-8")
        )
    except FileNotFoundError as exc:
        raise DataError(f"no packaged data file {name!r}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataError(f"data file {name!r} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"data file {name!r} must hold a JSON object")
    return data


def packaged_names() -> list[str]:
    """Names of the packaged data files (without ``.json``)."""
    folder = resources.files("newsparse").joinpath("data")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


class Lexicon:
    """The data parsers read: packaged files plus the user's additions.

    A lexicon is immutable once built: :meth:`extend` and :meth:`replace` return new
    lexicons. Share one lexicon between many ``parse`` calls so that compiled patterns
    are reused.
    """

    __slots__ = ("_cache", "_lock", "_overrides")

    def __init__(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._overrides: dict[str, tuple[str, Mapping[str, Any]]] = {}
        for name, data in (overrides or {}).items():
            self._overrides[name] = ("extend", data)
        self._cache: dict[object, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Lexicon:
        """The shared lexicon of packaged data only."""
        return cls()

    def _with(self, name: str, mode: str, data: Mapping[str, Any]) -> Lexicon:
        if not isinstance(data, Mapping):
            raise DataError(f"data for {name!r} must be a mapping, not {type(data).__name__}")
        new = Lexicon()
        new._overrides = dict(self._overrides)
        if mode == "extend" and name in new._overrides:
            old_mode, old = new._overrides[name]
            data = _merge(dict(old), dict(data), name)
            mode = old_mode
        new._overrides[name] = (mode, data)
        return new

    def extend(self, name: str, data: Mapping[str, Any]) -> Lexicon:
        """Return a lexicon whose file ``name`` has ``data`` merged into it."""
        return self._with(name, "extend", data)

    def replace(self, name: str, data: Mapping[str, Any]) -> Lexicon:
        """Return a lexicon whose file ``name`` is ``data`` instead of the packaged one."""
        return self._with(name, "replace", data)

    def extend_from_file(self, path: str | Path) -> Lexicon:
        """Merge a JSON file ``{"<name>": {...}, ...}`` of additions into a new lexicon."""
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise DataError(f"cannot read lexicon additions from {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise DataError(f"{path}: must hold a JSON object of data-file names")
        lexicon = self
        for name, additions in data.items():
            lexicon = lexicon.extend(name, additions)
        return lexicon

    def get(self, name: str) -> Mapping[str, Any]:
        """The merged content of data file ``name``."""
        key = ("data", name)
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        mode, data = self._overrides.get(name, ("extend", {}))
        if mode == "replace":
            merged: Mapping[str, Any] = dict(data)
        else:
            merged = _merge(dict(_packaged(name)), dict(data), name)
        with self._lock:
            self._cache[key] = merged
        return merged

    def compiled(self, key: object, build: Callable[[Lexicon], T]) -> T:
        """Return ``build(self)``, computed once per lexicon and ``key``."""
        cache_key = ("compiled", key)
        try:
            return self._cache[cache_key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value = build(self)
        with self._lock:
            self._cache.setdefault(cache_key, value)
        return self._cache[cache_key]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        changed = ", ".join(f"{n}:{m}" for n, (m, _) in sorted(self._overrides.items()))
        return f"Lexicon({changed})"
