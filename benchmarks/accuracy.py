"""Accuracy of newsparse against the gold files of the seeds and of every fixture.

Usage (from the repository root)::

    python benchmarks/accuracy.py            # all sections
    python benchmarks/accuracy.py quotes     # one section
    python benchmarks/accuracy.py --details  # also list every miss and spurious item

Every article with a gold file is parsed once; each *section* then scores the parses
against its own part of the gold (articles whose gold lacks that part are skipped). A
section is a function ``section(cases) -> Table`` registered in ``SECTIONS``; to add one
(organisations, say), write the function and add it to the tuple.

Quotes: a reported quotation matches a gold one when its normalised text starts with the
gold's first words (the rule of ``tests/goldcheck.py``). Gold quotes marked optional count
neither as misses nor, when reported, as spurious.

- recall    = required gold quotes found / required gold quotes
- precision = reported quotes matching a gold quote / reported quotes (minus optional ones)
- kind      = found required quotes whose kind (direct, indirect, mixed) is the gold's
- speaker   = found required quotes whose speaker name is the gold's
- role, organisation: found quotes whose gold gives one, with the same value

Organisations: a reported organisation matches a gold name when that name is its name, an
alias, its acronym or ``Name (ACR)``. Optional gold names count neither way.

- recall    = required gold organisations found / required gold organisations
- precision = reported organisations matching a required gold name / reported ones (minus
  those that match only an optional name)
- f1        = 2 TP / (2 TP + FP + FN)
- kind, acronym: found organisations whose gold gives one, with the same value
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import goldcheck  # noqa: E402

import newsparse  # noqa: E402


@dataclass
class Case:
    """One article with its gold and its parse."""

    name: str
    group: str
    """``seeds`` or the fixture area (``quotes``, ``header``...)."""
    gold: dict[str, Any]
    article: newsparse.Article


@dataclass
class Table:
    """What a section prints: a title, rows of (label, counts), the metric columns."""

    title: str
    columns: list[str]
    rows: list[tuple[str, dict[str, tuple[int, int]]]] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def load_cases() -> list[Case]:
    """Parse the seeds and every fixture that has a gold file."""
    cases = []
    for txt, gold_path in goldcheck.seed_cases():
        gold = goldcheck.load_gold(gold_path)
        cases.append(Case(txt.stem, "seeds", gold, goldcheck.parse_fixture(txt, gold)))
    for txt, gold_path in goldcheck.fixture_cases():
        gold = goldcheck.load_gold(gold_path)
        area = gold_path.parent.relative_to(goldcheck.FIXTURES).parts[0]
        cases.append(Case(txt.stem, f"fixtures/{area}", gold, goldcheck.parse_fixture(txt, gold)))
    return cases


Scorer = Callable[[Case], tuple[dict[str, tuple[int, int]], list[str]]]
"""Counts (hits, total) per metric for one article, and its notes."""


def _tally(table: Table, cases: Sequence[Case], part: str, score: Scorer) -> Table:
    """Fill ``table`` with the sums of ``score`` per group and over all articles whose
    gold has ``part``."""
    groups: dict[str, dict[str, tuple[int, int]]] = {}
    for case in cases:
        if part not in case.gold:
            continue
        counts, notes = score(case)
        table.details.extend(notes)
        for label in (case.group, "all"):
            total = groups.setdefault(label, {"articles": (0, 0)})
            total["articles"] = (total["articles"][0] + 1, total["articles"][1] + 1)
            for key, (hit, out_of) in counts.items():
                old = total.get(key, (0, 0))
                total[key] = (old[0] + hit, old[1] + out_of)
    table.rows = sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0]))
    return table


# -- quotes ------------------------------------------------------------------------------


def _matches(quote: newsparse.Quote, want: dict[str, Any]) -> bool:
    return goldcheck.norm(quote.text).startswith(goldcheck.norm(want["start"]))


def score_quotes(case: Case) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Counts (hits, total) per metric for one article, and its misses."""
    wanted: list[dict[str, Any]] = case.gold["quotes"]
    quotes = case.article.quotes
    required = [w for w in wanted if not w.get("optional")]
    found = kind = speaker = role_hits = role_total = org_hits = org_total = 0
    notes = []
    for want in required:
        hits = [q for q in quotes if _matches(q, want)]
        if not hits:
            notes.append(f"{case.name}: missed {want['start']!r}")
            continue
        quote = hits[0]
        found += 1
        kind += quote.kind == want["kind"]
        name = quote.speaker.name if quote.speaker else None
        if name == want.get("speaker"):
            speaker += 1
        else:
            notes.append(
                f"{case.name}: {want['start']!r} speaker {name!r}, want {want['speaker']!r}"
            )
        if "role" in want:
            role_total += 1
            role_hits += bool(quote.speaker and quote.speaker.role == want["role"])
        if "organisation" in want:
            org_total += 1
            org_hits += bool(quote.speaker and quote.speaker.organisation == want["organisation"])
    optional = [w for w in wanted if w.get("optional")]
    counted = [q for q in quotes if not any(_matches(q, w) for w in optional)]
    matching = [q for q in counted if any(_matches(q, w) for w in required)]
    for quote in counted:
        if quote not in matching:
            notes.append(f"{case.name}: spurious {quote.kind} {quote.text[:50]!r}")
    counts = {
        "recall": (found, len(required)),
        "precision": (len(matching), len(counted)),
        "kind": (kind, found),
        "speaker": (speaker, found),
        "role": (role_hits, role_total),
        "organisation": (org_hits, org_total),
    }
    return counts, notes


def quotes_section(cases: Sequence[Case]) -> Table:
    """Quotation precision, recall, kind and speaker accuracy per group of articles."""
    table = Table(
        "Quotations",
        ["articles", "recall", "precision", "kind", "speaker", "role", "organisation"],
    )
    return _tally(table, cases, "quotes", score_quotes)


# -- organisations ---------------------------------------------------------------------------


def _org_names(org: newsparse.Organisation) -> set[str]:
    names = {org.name, *org.aliases}
    if org.acronym:
        names |= {org.acronym, f"{org.name} ({org.acronym})"}
    return {n.casefold() for n in names}


def score_organisations(case: Case) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Counts (hits, total) per metric for one article, and its misses.

    An organisation matches a gold name when the name is its name, an alias, its acronym
    or ``Name (ACR)`` (the rule of ``tests/goldcheck.py``).
    """
    wanted = [w if isinstance(w, dict) else {"name": w} for w in case.gold["organisations"]]
    orgs = case.article.organisations
    required = [w for w in wanted if not w.get("optional")]
    optional = [w for w in wanted if w.get("optional")]
    found = kind_hits = kind_total = acronym_hits = acronym_total = 0
    notes = []
    for want in required:
        hits = [o for o in orgs if want["name"].casefold() in _org_names(o)]
        if not hits:
            notes.append(f"{case.name}: missed organisation {want['name']!r}")
            continue
        found += 1
        if "kind" in want:
            kind_total += 1
            kind_hits += hits[0].kind == want["kind"]
            if hits[0].kind != want["kind"]:
                notes.append(
                    f"{case.name}: {want['name']!r} kind {hits[0].kind}, want {want['kind']}"
                )
        if "acronym" in want:
            acronym_total += 1
            acronym_hits += hits[0].acronym == want["acronym"]
    matching = spurious = 0
    for org in orgs:
        names = _org_names(org)
        if any(w["name"].casefold() in names for w in required):
            matching += 1
        elif not any(w["name"].casefold() in names for w in optional):
            spurious += 1
            notes.append(f"{case.name}: spurious organisation {org.name!r}")
    missed = len(required) - found
    counts = {
        "recall": (found, len(required)),
        "precision": (matching, matching + spurious),
        # F1 = 2TP / (2TP + FP + FN), itself a ratio of counts.
        "f1": (2 * found, 2 * found + spurious + missed),
        "kind": (kind_hits, kind_total),
        "acronym": (acronym_hits, acronym_total),
    }
    return counts, notes


def organisations_section(cases: Sequence[Case]) -> Table:
    """Organisation recall, precision, F1, kind and acronym accuracy per group."""
    table = Table(
        "Organisations",
        ["articles", "recall", "precision", "f1", "kind", "acronym"],
    )
    return _tally(table, cases, "organisations", score_organisations)


# -- printing ------------------------------------------------------------------------------


def _cell(column: str, value: tuple[int, int]) -> str:
    hit, total = value
    if column == "articles":
        return str(total)
    if total == 0:
        return "-"
    return f"{hit / total:6.1%} ({hit}/{total})"


def render(table: Table, details: bool = False) -> str:
    """The table as aligned plain text."""
    header = ["", *table.columns]
    body = [
        [label, *(_cell(c, counts.get(c, (0, 0))) for c in table.columns)]
        for label, counts in table.rows
    ]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [table.title, "=" * len(table.title)]
    for row in [header, *body]:
        lines.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    if details and table.details:
        lines += ["", *table.details]
    return "\n".join(lines)


SECTIONS: tuple[tuple[str, Callable[[Sequence[Case]], Table]], ...] = (
    ("quotes", quotes_section),
    ("organisations", organisations_section),
)
"""The sections, in printing order: (name, function of the parsed cases)."""


def main(argv: Sequence[str]) -> int:
    details = "--details" in argv
    wanted = [a for a in argv if not a.startswith("-")]
    unknown = [w for w in wanted if w not in dict(SECTIONS)]
    if unknown:
        print(f"unknown section(s) {unknown}; sections: {', '.join(n for n, _ in SECTIONS)}")
        return 2
    cases = load_cases()
    outputs = [
        render(section(cases), details)
        for name, section in SECTIONS
        if not wanted or name in wanted
    ]
    print("\n\n".join(outputs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
