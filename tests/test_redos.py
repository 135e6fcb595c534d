"""No regular expression in newsparse backtracks catastrophically.

The test collects every compiled pattern (``regex`` and ``re``) held by any module of the
package, and every pattern the default lexicon compiles while parsing the seeds and
fixtures, then runs ``search``, ``match`` and ``finditer`` of each over long adversarial
inputs: runs of one character, of capitalised words, of quote marks, of dashes, nested
parentheses, ``'a' * N + '!'`` and so on.

Each input is tried at two sizes, ``N`` and ``8 * N``. A linear pattern takes about eight
times longer on the long one; a pattern whose time grows more than ``MAX_GROWTH`` times
(and takes more than ``FLOOR_SECONDS``, so that timer noise on fast patterns does not
count) is quadratic or worse on that input and is reported by name. A worker process does
the matching; a pattern that does not finish one input within ``KILL_SECONDS``
(exponential backtracking) is killed and reported, and the run goes on with the next one.
Growth of CPU time, not wall-clock time, is judged, so the test holds on slow, fast and
busy machines alike.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
import time
import types
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

import regex

import newsparse

from .goldcheck import FIXTURES, SEEDS

N = 2_000
SCALE = 8
MAX_GROWTH = 32  # linear: ~8; quadratic: ~64
FLOOR_SECONDS = 0.1
KILL_SECONDS = 5.0

# Patterns that the code only ever anchors (``match``/``fullmatch``) on input of bounded
# length: they are timed with anchored calls only, each with the reason it is safe.
ANCHORED_ONLY = {
    "lexicon.compiled('compiled', 'newsparse.boilerplate').line": (
        "BoilerplateRules.kind: fullmatch on one stripped line of at most max_length chars"
    ),
}


def adversarial_inputs(n: int = N) -> list[str]:
    """Long inputs that make badly written patterns backtrack."""
    runs = [
        "a", "A", "1", " ", "\t", "\n", "\r\n", ".", ",", "!", "?", "-", "—", "–", "/", ":",
        "'", '"', "“", "”", "«", "»", "‘", "’", "(", ")", "[", "@", "#", "\u200b", "é", "\x00",
    ]  # fmt: skip
    words = [
        "Word ", "Word", "Aa ", "A. ", "A.", "Mr. ", "said ", "the ", "of the ", "De ",
        "Minister ", "Ministry of ", "Azerbaijan's ", "al-", "O'", "Jean-Pierre ", "ABC ",
        "BAKU, ", "By ", "http://a", "www.", "a@", "1, ", "12:30 ", "2019-10-06 ",
        '"a" ', "“a” ", "(a) ", "- ", "— ", "a\n", "A\n\n", "Said: ", "he said. ",
    ]  # fmt: skip
    out = [c * n for c in runs]
    out += [(w * (n // len(w) + 1))[:n] for w in words]
    out += [
        "a" * n + "!",
        "A" * n + "!",
        " " * n + "!",
        "(" * (n // 2) + ")" * (n // 2),
        "(" * (n // 2) + "a" + ")" * (n // 2 - 1),
        "“" * (n // 2) + "a" + "”" * (n // 2),
        '"' + "a " * (n // 2),
        "“" + "Aa, " * (n // 4),
        "Aa " * (n // 6) + "said" + " Aa" * (n // 6),
        "\n".join(["Aa Bb"] * (n // 6)),
        ("Cc-" * (n // 3))[:n],
        "http://" + "a." * (n // 2),
        "a" * n + "\n" + "a" * n,
    ]
    return out


# -- collecting the patterns -------------------------------------------------------------


def _is_pattern(obj: object) -> bool:
    return isinstance(obj, (regex.Pattern, re.Pattern))


def _walk(obj: object, where: str, seen: set[int], depth: int = 0) -> Iterator[tuple[str, Any]]:
    if id(obj) in seen or depth > 8:
        return
    seen.add(id(obj))
    if _is_pattern(obj):
        yield where, obj
        return
    if isinstance(obj, (str, bytes, int, float, bool, type(None), types.ModuleType)):
        return
    if isinstance(obj, dict):
        for key, value in list(obj.items()):
            yield from _walk(value, f"{where}[{key!r}]", seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(list(obj)):
            yield from _walk(value, f"{where}[{i}]", seen, depth + 1)
    elif hasattr(obj, "__dict__") and not isinstance(obj, type) and not callable(obj):
        for key, value in vars(obj).items():
            yield from _walk(value, f"{where}.{key}", seen, depth + 1)
    elif hasattr(type(obj), "__slots__") and not callable(obj):
        for key in getattr(type(obj), "__slots__", ()):
            if hasattr(obj, key):
                yield from _walk(getattr(obj, key), f"{where}.{key}", seen, depth + 1)


def _module_patterns(seen: set[int]) -> Iterator[tuple[str, Any]]:
    prefix = newsparse.__name__ + "."
    names = [newsparse.__name__] + [
        m.name for m in pkgutil.walk_packages(newsparse.__path__, prefix)
    ]
    for name in sorted(names):
        if name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional extra that is not installed (contrib.dask)
            continue
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, types.ModuleType):
                continue
            if isinstance(value, type):  # class attributes too, of our own classes
                if not value.__module__.startswith(newsparse.__name__):
                    continue
                for cattr, cvalue in sorted(vars(value).items()):
                    yield from _walk(cvalue, f"{name}.{attr}.{cattr}", seen)
            elif not callable(value) or _is_pattern(value):
                yield from _walk(value, f"{name}.{attr}", seen)


def _lexicon_patterns(seen: set[int]) -> Iterator[tuple[str, Any]]:
    lexicon = newsparse.Lexicon.default()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.rglob("*.txt")):
        newsparse.parse(path.read_text("utf-8"), lexicon=lexicon)
    cache = dict(lexicon._cache)
    for key, value in cache.items():
        yield from _walk(value, f"lexicon.compiled{key!r}", seen)


def collect_patterns() -> list[tuple[str, Any]]:
    """Every compiled pattern of the package and of the default lexicon, by name."""
    seen: set[int] = set()
    found = list(_module_patterns(seen)) + list(_lexicon_patterns(seen))
    unique: dict[tuple[str, int, type], tuple[str, Any]] = {}
    for where, pattern in found:
        unique.setdefault((repr(pattern.pattern), pattern.flags, type(pattern)), (where, pattern))
    return sorted(unique.values(), key=lambda item: item[0])


# -- running them in a worker that can be killed -----------------------------------------


def _time(pattern: Any, text: Any, anchored: bool) -> float:
    # CPU time of this process: other jobs on a busy machine do not inflate it
    started = time.process_time()
    pattern.match(text)
    pattern.fullmatch(text)
    if not anchored:
        for _ in pattern.finditer(text):  # finditer over a text without a match = search
            pass
    return time.process_time() - started


def _growth(pattern: Any, small: Any, big: Any, anchored: bool) -> tuple[float, float]:
    """Time on ``big`` and its ratio to the time on ``small`` (best of a few tries)."""
    t_big = _time(pattern, big, anchored)
    if t_big < FLOOR_SECONDS:
        return t_big, 0.0
    t_small = min(_time(pattern, small, anchored) for _ in range(3))
    if t_big < 10 * FLOOR_SECONDS:  # re-measure what might be noise
        t_big = min(t_big, *(_time(pattern, big, anchored) for _ in range(2)))
    return t_big, t_big / max(t_small, 1e-6)


def _worker(conn: Connection, patterns: list[tuple[str, Any]], first: int, n: int) -> None:
    inputs = list(zip(adversarial_inputs(n), adversarial_inputs(n * SCALE), strict=True))
    encoded = [(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))
               for a, b in inputs]  # fmt: skip
    for i in range(first, len(patterns)):
        conn.send(("start", i, ""))
        where, pattern = patterns[i]
        anchored = where in ANCHORED_ONLY
        for small, big in encoded if isinstance(pattern.pattern, bytes) else inputs:
            conn.send(("input", i, repr(big[:24])))
            t_big, growth = _growth(pattern, small, big, anchored)
            if t_big >= FLOOR_SECONDS and growth > MAX_GROWTH:
                sample = repr(big[:24])
                conn.send(("slow", i, f"{t_big:.2f}s on {len(big)} chars of {sample}, "
                                      f"{growth:.0f}x the time on {len(small)}"))  # fmt: skip
                break
    conn.send(("end", len(patterns), ""))


def find_slow_patterns(
    patterns: list[tuple[str, Any]], n: int = N, kill: float = KILL_SECONDS
) -> list[tuple[str, str]]:
    """Names and findings of the patterns that are quadratic or worse on some input."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    slow: list[tuple[str, str]] = []
    first = 0
    while first < len(patterns):
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_worker, args=(child, patterns, first, n), daemon=True)
        process.start()
        child.close()
        current, started, sample = first, time.monotonic(), ""
        try:
            while True:
                if parent.poll(max(0.0, kill - (time.monotonic() - started))):
                    kind, index, note = parent.recv()
                    if kind == "end":
                        first = len(patterns)
                        break
                    if kind == "slow":
                        slow.append((patterns[index][0], note))
                    elif kind == "input":  # the kill bound is per input
                        sample, started = note, time.monotonic()
                    else:
                        current, started, sample = index, time.monotonic(), ""
                else:
                    where = patterns[current][0]
                    slow.append((where, f"killed after {kill:.0f}s on {sample}"))
                    first = current + 1
                    break
        except EOFError:  # the worker died (it should not): report the pattern it was on
            slow.append((patterns[current][0], "the worker process died"))
            first = current + 1
        finally:
            process.kill()
            process.join()
            parent.close()
    return slow


PATTERNS = collect_patterns()


def test_the_collection_finds_module_and_lexicon_patterns() -> None:
    names = [where for where, _ in PATTERNS]
    assert any(n.startswith("newsparse.parsers.links.") for n in names), names
    assert any(n.startswith("newsparse._text.") for n in names), names
    assert any(n.startswith("lexicon.compiled") for n in names), names
    assert set(ANCHORED_ONLY) <= set(names), "stale ANCHORED_ONLY entries"


def test_the_checker_catches_quadratic_and_exponential_patterns() -> None:
    patterns = [
        ("example.exponential", re.compile(r"(a+)+$")),
        ("example.quadratic", regex.compile(r"a+b")),
        ("example.linear", regex.compile(r"(?<!a)a++b")),
    ]
    slow = dict(find_slow_patterns(patterns, kill=3.0))
    assert sorted(slow) == ["example.exponential", "example.quadratic"]
    assert slow["example.exponential"].startswith("killed after 3s on 'aaaa")


def test_no_pattern_is_quadratic_or_worse() -> None:
    slow = find_slow_patterns(PATTERNS)
    report = "\n".join(f"{where}: {note}" for where, note in slow)
    assert not slow, f"{len(slow)} of {len(PATTERNS)} patterns are too slow:\n{report}"


def test_patterns_use_the_regex_module() -> None:
    # ``regex`` has possessive quantifiers, atomic groups and ``timeout=``; ``re`` lacks some.
    with_re = [where for where, pattern in PATTERNS if isinstance(pattern, re.Pattern)]
    assert not with_re, f"compiled with re instead of regex: {with_re}"
