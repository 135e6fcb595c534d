"""Parse time against input size, 1 KB to 4 MB: the time per byte must not grow.

Run from the repository root::

    python benchmarks/scaling.py
    python benchmarks/scaling.py --max-kb 1024     # stop at 1 MB

Each input is a real-looking article: the header lines of a seed followed by body
paragraphs taken in turn from all seeds (blank line between paragraphs) until the size is
reached. Small inputs are parsed several times and the best time is kept. A parse path
that is quadratic shows as a time per KB that grows with size; the script fails when the
largest input costs more than ``--max-growth`` times the per-KB cost of the smallest
measured at 16 KB or more.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import pin_to_one_core, seed_texts

SIZES_KB = [1, 4, 16, 64, 256, 1024, 4096]


def build(size: int, seeds: list[str]) -> str:
    """An article of about ``size`` characters from the seeds' paragraphs."""
    header, _, _ = seeds[0].partition("\n\n")
    paragraphs = [
        p.strip()
        for seed in seeds
        for p in seed.split("\n\n")[1:]
        if len(p.strip()) > 80  # body paragraphs, not footers
    ]
    parts = [header]
    length = len(header)
    i = 0
    while length < size:
        para = paragraphs[i % len(paragraphs)]
        parts.append(para)
        length += len(para) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--max-kb", type=int, default=4096)
    cli.add_argument("--max-growth", type=float, default=2.0)
    args = cli.parse_args(argv)
    print(pin_to_one_core())

    import newsparse

    seeds = seed_texts()
    for seed in seeds:  # load and compile the lexicon first
        newsparse.parse(seed)

    print(f"{'size':>8}{'chars':>11}{'seconds':>10}{'µs/KB':>9}{'paragraphs':>12}{'quotes':>8}")
    per_kb: dict[int, float] = {}
    for kb in [k for k in SIZES_KB if k <= args.max_kb]:
        text = build(kb * 1024, seeds)
        repeat = max(1, min(20, 256 // kb))
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            article = newsparse.parse(text)
            best = min(best, time.perf_counter() - started)
        per_kb[kb] = best / (len(text) / 1024) * 1e6
        print(
            f"{kb:>6}KB{len(text):>11,}{best:>10.3f}{per_kb[kb]:>9.0f}"
            f"{len(article.paragraphs):>12,}{len(article.quotes):>8,}"
        )
    reference = [v for k, v in per_kb.items() if k >= 16]
    if len(reference) < 2:
        return 0
    growth = reference[-1] / reference[0]
    ok = growth <= args.max_growth
    largest = max(per_kb)
    print(
        f"\n{'PASS' if ok else 'FAIL'}  time per KB at {largest} KB is {growth:.2f}x that at "
        f"16 KB (limit {args.max_growth}x)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
