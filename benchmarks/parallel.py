"""Speed-up of ``newsparse.parse_many`` with 2 worker processes over 1.

Run from the repository root::

    python benchmarks/parallel.py
    python benchmarks/parallel.py --articles 20000 --workers 1 2 4

The seeds and fixtures are replicated to ``--articles`` articles and fed to
``parse_many`` as a generator (never a list). Each worker count is timed end to end,
pool start-up included; results are consumed as dicts (``as_dict=True``, what a JSON
Lines writer needs). The CPU seconds column counts this process and its workers: on an
idle machine the speed-up approaches the number of workers; on a busy one it cannot.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

from _common import corpus_texts, replicated


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--articles", type=int, default=10_000)
    cli.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    cli.add_argument("--chunksize", type=int, default=32)
    args = cli.parse_args(argv)

    import newsparse

    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    texts = corpus_texts()
    print(f"{cpus} CPUs available; {args.articles:,} articles from {len(texts)} texts")
    if hasattr(os, "getloadavg"):
        load = os.getloadavg()[0]
        print(f"load average before the run: {load:.2f}", end="")
        print(" (busy machine: the speed-up will be lower)" if load > 0.5 else "")
    print(f"{'workers':>8}{'seconds':>10}{'articles/s':>12}{'speed-up':>10}{'CPU s':>8}")
    base = None
    for workers in args.workers:
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        count = 0
        for _ in newsparse.parse_many(
            replicated(texts, args.articles),
            workers=workers,
            chunksize=args.chunksize,
            as_dict=True,
        ):
            count += 1
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        assert count == args.articles
        base = base or seconds
        print(
            f"{workers:>8}{seconds:>10.2f}{count / seconds:>12,.0f}{base / seconds:>10.2f}x"
            f"{cpu:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
