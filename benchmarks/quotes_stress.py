"""Timings of the quotation parser on hostile input: it must stay linear and bounded.

Usage (from the repository root)::

    python benchmarks/quotes_stress.py          # the cases below at full size
    python benchmarks/quotes_stress.py --scale 0.25

For each case the script prints the input size, the time of the ``people`` + ``quotes``
steps alone (over paragraphs built once beforehand), the time of a whole ``parse``, and
the number of quotations found. Each case is also run at a quarter of its size: a linear
parser takes about four times longer on the full one (``growth``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsparse  # noqa: E402
from newsparse._draft import Draft  # noqa: E402
from newsparse.parsers.body import build_paragraphs  # noqa: E402
from newsparse.parsers.people import find_people  # noqa: E402
from newsparse.parsers.quotes import find_quotes  # noqa: E402


def unmatched_marks(n: int) -> str:
    """``n`` opening marks that never close, inside one paragraph, then a real quote."""
    noise = " ".join(f'word{i} "open' for i in range(n))
    return f'{noise}\n\n"This one is real and closed," Anna Berg said.\n'


def unmatched_paragraphs(n: int) -> str:
    """``n`` paragraphs, each opening a quotation that is never closed."""
    return "\n\n".join(f'"Paragraph {i} opens a quotation and never closes it' for i in range(n))


def big_paragraph(n: int) -> str:
    """One paragraph of about ``n`` characters of wire copy full of attributions."""
    sentence = (
        'The minister said that the economy is growing again. "And it will keep growing," '
        "he added, according to officials. "
    )
    return sentence * (n // len(sentence))


def mark_soup(n: int) -> str:
    """``n`` characters of quote marks of every style, with spaces and letters between."""
    unit = "“a ”b \"c 'd «e »f „g ‘h ’i "
    return (unit * (n // len(unit) + 1))[:n]


CASES: list[tuple[str, Callable[[int], str], int]] = [
    ("5,000 unmatched quote marks", unmatched_marks, 5000),
    ("5,000 unclosed paragraphs", unmatched_paragraphs, 5000),
    ("a 2 MB paragraph of wire copy", big_paragraph, 2_000_000),
    ("2 MB of mixed quote marks", mark_soup, 2_000_000),
]


def _steps_only(text: str) -> tuple[float, int]:
    draft = Draft(text)
    build_paragraphs(draft)
    started = time.perf_counter()
    find_people(draft)
    find_quotes(draft)
    return time.perf_counter() - started, len(draft.quotes)


def _whole(text: str) -> float:
    started = time.perf_counter()
    newsparse.parse(text, max_chars=None)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    scale = float(argv[argv.index("--scale") + 1]) if "--scale" in argv else 1.0
    newsparse.parse("Warm-up: load the lexicon, said Ann.")  # compile patterns once
    print(f"{'case':32} {'chars':>10} {'quotes step':>12} {'growth':>7} {'parse':>8} {'quotes':>7}")
    for name, build, size in CASES:
        n = max(1, int(size * scale))
        small = build(max(1, n // 4))
        text = build(n)
        t_small, _ = _steps_only(small)
        t_big, found = _steps_only(text)
        growth = t_big / max(t_small, 1e-6)
        total = _whole(text)
        print(
            f"{name:32} {len(text):>10,} {t_big:>11.2f}s {growth:>6.1f}x {total:>7.2f}s {found:>7,}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
