"""Helpers shared by the benchmark scripts: the corpus, timers, memory readings."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"

BASELINE = regex.compile(r"\w+")
"""The baseline: one compiled pattern, one pass over each text."""


def corpus_texts() -> list[str]:
    """The seeds and every fixture text, in a fixed order."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.rglob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


def seed_texts() -> list[str]:
    """The seed articles only (real wire copy, 2.4-7.8 KB each)."""
    return [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def replicated(texts: list[str], count: int) -> Iterator[str]:
    """``count`` articles, cycling through ``texts`` (references, not copies)."""
    for i in range(count):
        yield texts[i % len(texts)]


def baseline_pass(text: str) -> int:
    """A single pass of one compiled regex over ``text``."""
    return sum(1 for _ in BASELINE.finditer(text))


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux; peak elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def import_time_ms(repeat: int = 7) -> tuple[float, float]:
    """Best ``import newsparse`` time: (by ``-X importtime``, by wall clock minus ``pass``)."""
    by_importtime = []
    by_wall = []
    for _ in range(repeat):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import newsparse"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in run.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "newsparse":
                by_importtime.append(int(parts[1]) / 1000)
        walls = []
        for code in ("pass", "import newsparse"):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            walls.append(time.perf_counter() - started)
        by_wall.append((walls[1] - walls[0]) * 1000)
    return min(by_importtime), min(by_wall)


def pin_to_one_core() -> str:
    """Pin this process to one CPU where the platform allows; say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"
