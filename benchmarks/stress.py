"""Pathological inputs parse in time proportional to their size.

Run from the repository root::

    python benchmarks/stress.py
    python benchmarks/stress.py --factor 10 --only quotes

Each case is parsed in a child process (so that a hang is killed, not waited for). Its
bound is ``--factor`` times the time the seeds take per character, measured in the same
run, times the case's length: a parse within the bound costs at most that many times a
normal article per character, so it is linear. A case over its bound, or killed at
three times it, fails; so does a case whose JSON output is more than ``--max-output``
times the size of its input (output that grows faster than the input is quadratic too).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Callable

from _common import pin_to_one_core, seed_texts

NAMES = [
    "Ilham",
    "Aliyev",
    "Vladimir",
    "Putin",
    "Recep",
    "Tayyip",
    "Erdogan",
    "Jean-Pierre",
    "Dupont",
    "Galina",
    "Niyazova",
    "Elkhan",
    "Alasgarov",
    "Hikmet",
    "Hajiyev",
    "Mevlut",
    "Cavusoglu",
    "Sergey",
    "Lavrov",
    "Antony",
    "Blinken",
]


def unmatched_quotes(seeds: list[str]) -> str:
    """5,000 quote marks that never close, in sentences an attribution could follow."""
    marks = ['"', "“", "«", "'", "„"]
    return "\n\n".join(
        f"The minister said {marks[i % len(marks)]}the talks ended on day {i}." for i in range(5000)
    )


def capitalised_words(seeds: list[str]) -> str:
    """10,000 capitalised words in a row, as in a list of names without punctuation."""
    return "BAKU, Oct. 6\n\n" + " ".join(NAMES[i % len(NAMES)] for i in range(10_000)) + "."


def single_paragraph(seeds: list[str]) -> str:
    """A 4 MB paragraph: seed sentences joined by spaces, with no line break."""
    body = " ".join(
        " ".join(p.split()) for seed in seeds for p in seed.split("\n\n") if len(p) > 80
    )
    return (body + " ") * (4 * 1024 * 1024 // (len(body) + 1) + 1)


def short_lines(seeds: list[str]) -> str:
    """100,000 short lines (a hard-wrapped text at its worst)."""
    words = " ".join(seeds[3].split()).split()
    return "\n".join(
        f"{words[i % len(words)]} {words[(i * 7) % len(words)]}." for i in range(100_000)
    )


def menu_lines(seeds: list[str]) -> str:
    """20,000 lines of page chrome (menu entries), each one reported as boilerplate."""
    entries = ["Home", "News", "Sport", "Business", "Video", "Contact us", "Share", "Menu"]
    return seeds[0] + "\n" + "\n".join(entries[i % len(entries)] for i in range(20_000))


CASES: dict[str, Callable[[list[str]], str]] = {
    "quotes": unmatched_quotes,
    "capitalised": capitalised_words,
    "paragraph": single_paragraph,
    "lines": short_lines,
    "menus": menu_lines,
}


def _child(conn: multiprocessing.connection.Connection, text: str) -> None:
    import newsparse

    newsparse.parse("Warm up. “Quotes,” he said.")
    started = time.perf_counter()
    article = newsparse.parse(text)
    seconds = time.perf_counter() - started
    output = len(json.dumps(article.to_dict()))
    conn.send((seconds, len(article.paragraphs), len(article.quotes), output))


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--factor", type=float, default=10.0)
    cli.add_argument("--only", choices=sorted(CASES), action="append")
    cli.add_argument(
        "--max-output", type=float, default=20.0, help="largest JSON size, times the input's"
    )
    args = cli.parse_args(argv)
    print(pin_to_one_core())

    import newsparse

    seeds = seed_texts()
    for seed in seeds:
        newsparse.parse(seed)
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for seed in seeds:
            newsparse.parse(seed)
    per_char = (time.perf_counter() - started) / (rounds * sum(map(len, seeds)))
    print(f"seeds: {per_char * 1e9:.0f} ns per character; bound = {args.factor:g}x that\n")

    context = multiprocessing.get_context("fork")
    print(f"{'case':<13}{'chars':>11}{'seconds':>10}{'bound':>9}{'ns/char':>9}  result")
    failed = 0
    for name in args.only or CASES:
        text = CASES[name](seeds)
        bound = args.factor * per_char * len(text)
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(child, text), daemon=True)
        process.start()
        if parent.poll(max(30.0, 3 * bound)):
            seconds, paragraphs, quotes, output = parent.recv()
            growth = output / len(text)
            ok = seconds <= bound and growth <= args.max_output
            note = f"{paragraphs:,} paragraphs, {quotes:,} quotes, JSON {growth:.1f}x the input"
        else:
            seconds, ok, note = float("nan"), False, f"killed after {max(30.0, 3 * bound):.0f}s"
        process.kill()
        process.join()
        failed += not ok
        print(
            f"{name:<13}{len(text):>11,}{seconds:>10.2f}{bound:>9.2f}"
            f"{seconds / len(text) * 1e9:>9.0f}  {'PASS' if ok else 'FAIL'} ({note})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
