"""Speed of the full default pipeline on one core, against a single-regex baseline.

Run from the repository root::

    python benchmarks/speed.py                      # 10,000 articles
    python benchmarks/speed.py --articles 100000    # memory readings over 100,000
    python benchmarks/speed.py --profile            # where the time goes (cProfile)

The seeds and fixtures are replicated to ``--articles`` articles and parsed one after
the other in this process, pinned to one CPU. The baseline is one compiled regex
(``\\w+``) run once over the same texts in the same run, so the ratio holds on any
machine. Memory is read every ``--every`` articles: it must stay flat.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import statistics
import sys
import time

from _common import (
    baseline_pass,
    corpus_texts,
    import_time_ms,
    peak_rss_mb,
    pin_to_one_core,
    replicated,
    rss_mb,
    seed_texts,
)

TARGET_RATE = 1000
TARGET_RATIO = 30
TARGET_IMPORT_MS = 150
TARGET_MEMORY_GROWTH_MB = 20


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cli.add_argument("--articles", type=int, default=10_000)
    cli.add_argument("--every", type=int, default=0, help="memory reading interval")
    cli.add_argument("--profile", action="store_true", help="print a cProfile summary")
    cli.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = cli.parse_args(argv)
    every = args.every or max(1, args.articles // 10)

    pinned = pin_to_one_core()
    import_ms, import_wall_ms = import_time_ms()

    import newsparse

    texts = corpus_texts()
    total_chars = sum(len(t) for t in texts)
    mean_bytes = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    print(f"newsparse {newsparse.__version__}, Python {sys.version.split()[0]}, {pinned}")
    print(f"corpus: {len(texts)} texts (seeds + fixtures), mean {mean_bytes:,.0f} bytes")

    started = time.perf_counter()
    for text in texts:  # first parse: lexicon loading and pattern compilation
        newsparse.parse(text)
    warmup = time.perf_counter() - started

    # Parse and baseline run interleaved, block by block over the same texts, so that
    # both see the same machine load and the ratio holds on a busy machine too.
    profiler = cProfile.Profile() if args.profile else None
    readings: list[tuple[int, float]] = [(0, rss_mb())]
    block_ratios: list[float] = []
    parse = newsparse.parse
    seconds = baseline_seconds = 0.0
    nbytes = 0
    articles = replicated(texts, args.articles)
    done = 0
    while done < args.articles:
        block = list(itertools.islice(articles, every))
        nbytes += sum(len(t.encode("utf-8")) for t in block)
        started = time.perf_counter()
        for text in block:
            baseline_pass(text)
        base_block = time.perf_counter() - started
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        for text in block:
            parse(text)
        parse_block = time.perf_counter() - started
        if profiler:
            profiler.disable()
        done += len(block)
        seconds += parse_block
        baseline_seconds += base_block
        block_ratios.append(parse_block / base_block)
        readings.append((done, rss_mb()))

    rate = args.articles / seconds
    mb_rate = nbytes / seconds / 1e6
    base_rate = args.articles / baseline_seconds
    base_mb_rate = nbytes / baseline_seconds / 1e6
    ratio = base_rate / rate
    median_ratio = statistics.median(block_ratios)
    growth = readings[-1][1] - readings[1][1] if len(readings) > 2 else 0.0

    print()
    print(f"{'':24}{'articles/s':>12}{'MB/s':>10}{'seconds':>10}")
    print(f"{'newsparse.parse':24}{rate:12,.0f}{mb_rate:10.2f}{seconds:10.2f}")
    print(
        f"{'baseline (one regex)':24}{base_rate:12,.0f}{base_mb_rate:10.2f}{baseline_seconds:10.2f}"
    )
    print(
        f"ratio to baseline: {ratio:.1f}x slower "
        f"(median over {len(block_ratios)} blocks of {every:,}: {median_ratio:.1f}x)"
    )
    print(f"articles: {args.articles:,} ({nbytes / 1e6:.1f} MB, {total_chars:,} chars per cycle)")
    print(f"first parse of the corpus (loads and compiles the lexicon): {warmup * 1000:.0f} ms")
    print(f"import newsparse: {import_ms:.1f} ms (-X importtime), {import_wall_ms:.1f} ms (wall)")
    print(f"peak RSS: {peak_rss_mb():.1f} MB")
    print(
        "RSS during the run (articles: MB): " + ", ".join(f"{n:,}: {mb:.1f}" for n, mb in readings)
    )
    print(f"RSS growth after the first interval: {growth:+.1f} MB")

    # seed-sized articles only (the seeds are real wire copy of 2.4-7.8 KB)
    seeds = seed_texts()
    seed_count = max(len(seeds), args.articles // 10)
    started = time.perf_counter()
    for text in replicated(seeds, seed_count):
        parse(text)
    seed_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for text in replicated(seeds, seed_count):
        baseline_pass(text)
    seed_base_seconds = time.perf_counter() - started
    seed_rate = seed_count / seed_seconds
    seed_bytes = sum(len(t.encode("utf-8")) for t in replicated(seeds, seed_count))
    seed_ratio = seed_seconds / seed_base_seconds
    print(
        f"seeds only ({seed_count:,} articles of {seed_bytes / seed_count:,.0f} bytes): "
        f"{seed_rate:,.0f} articles/s, {seed_bytes / seed_seconds / 1e6:.2f} MB/s, "
        f"{seed_ratio:.1f}x the baseline"
    )

    checks = [
        (f">= {TARGET_RATE} articles/s on one core (whole corpus)", rate >= TARGET_RATE),
        (f">= {TARGET_RATE} articles/s on one core (seed-sized)", seed_rate >= TARGET_RATE),
        (f"<= {TARGET_RATIO}x the baseline", ratio <= TARGET_RATIO),
        (f"import < {TARGET_IMPORT_MS} ms", import_ms < TARGET_IMPORT_MS),
        (f"memory flat (< {TARGET_MEMORY_GROWTH_MB} MB growth)", growth < TARGET_MEMORY_GROWTH_MB),
    ]
    print()
    for name, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")

    if args.json:
        print(
            json.dumps(
                {
                    "articles": args.articles,
                    "articles_per_s": rate,
                    "mb_per_s": mb_rate,
                    "baseline_articles_per_s": base_rate,
                    "baseline_mb_per_s": base_mb_rate,
                    "ratio": ratio,
                    "seed_articles_per_s": seed_rate,
                    "seed_ratio": seed_ratio,
                    "import_ms": import_ms,
                    "peak_rss_mb": peak_rss_mb(),
                    "rss_readings": readings,
                }
            )
        )
    if profiler:
        stats = pstats.Stats(profiler).strip_dirs().sort_stats("tottime")
        stats.print_stats(30)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
