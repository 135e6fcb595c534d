"""Compare a parsed article with a gold file (the format of ../shared/seeds-gold/).

Fixtures under ``tests/fixtures/`` use the same format, so one checker serves both. Each
``check_*`` function returns a list of human-readable problems (empty when all holds).
Sections absent from a gold file are not checked.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import regex

import newsparse
from newsparse._text import iter_lines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_GOLD = ROOT / "seeds" / "gold"  # a copy of ../shared/seeds-gold
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The date the seeds were commissioned: partial dates are completed against it.
SEED_REFERENCE_DATE = dt.date(2026, 11, 25)


def leading_lines(count: int = 30) -> list[str]:
    """The first ``count`` lines (stripped, not blank) of every seed and fixture text."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("**/*.txt"))
    return [
        line.stripped
        for path in paths
        for line in list(iter_lines(path.read_text("utf-8", errors="replace")))[:count]
        if line.stripped
    ]


def random_region(rnd: random.Random, text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """A random region of ``text`` and, four times in ten, a few sorted skip spans."""
    start = rnd.randint(0, len(text))
    stop = rnd.randint(start, len(text))
    skips: list[tuple[int, int]] = []
    if rnd.random() < 0.4:
        at = [rnd.randint(0, len(text)) for _ in range(rnd.randint(1, 3))]
        skips = sorted((x, x + rnd.randint(0, 8)) for x in at)
    return start, stop, skips


_QUOTE_MARKS = "\"'“”„‟«»‘’‚‛`‹›"
_SPACE = regex.compile(r"\s+")


def norm(text: str) -> str:
    """Collapse white space, unify apostrophes, drop surrounding quote marks."""
    text = _SPACE.sub(" ", text).replace("’", "'").replace("`", "'")
    return text.strip().strip(_QUOTE_MARKS + " ").casefold()


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def parse_fixture(txt: Path, gold: dict[str, Any]) -> newsparse.Article:
    ref = gold.get("reference_date")
    reference = dt.date.fromisoformat(ref) if ref else SEED_REFERENCE_DATE
    return newsparse.parse(txt.read_text("utf-8"), reference_date=reference)


def check_header(article: newsparse.Article, gold: dict[str, Any]) -> list[str]:
    problems = []
    header = article.header
    for key, want in gold.get("header", {}).items():
        if key == "date":
            got: Any = header.published[:10] if header.published else None
        elif key == "authors":
            got = list(header.authors)
        else:
            got = getattr(header, key)
        if got != want:
            problems.append(f"header.{key}: got {got!r}, want {want!r}")
    return problems


def check_body(article: newsparse.Article, gold: dict[str, Any]) -> list[str]:
    body = gold.get("body")
    if not body:
        return []
    problems = []
    paras = article.paragraphs
    if not paras:
        return ["no paragraphs"]
    if "first_words" in body and not norm(paras[0].text).startswith(norm(body["first_words"])):
        problems.append(f"first paragraph starts {paras[0].text[:60]!r}")
    if "last_words" in body and not norm(paras[-1].text).endswith(norm(body["last_words"])):
        problems.append(f"last paragraph ends {paras[-1].text[-60:]!r}")
    if "paragraphs" in body and len(paras) != body["paragraphs"]:
        problems.append(f"{len(paras)} paragraphs, want {body['paragraphs']}")
    for item in body.get("boilerplate", []):
        if not any(norm(b.text).startswith(norm(item)) for b in article.boilerplate):
            problems.append(f"boilerplate {item!r} not reported")
        if any(norm(item) in norm(p.text) for p in paras):
            problems.append(f"boilerplate {item!r} left in the body")
    return problems


def _quote_matches(quote: newsparse.Quote, want: dict[str, Any]) -> bool:
    return norm(quote.text).startswith(norm(want["start"]))


def check_quotes(article: newsparse.Article, gold: dict[str, Any]) -> list[str]:
    if "quotes" not in gold:
        return []
    problems = []
    wanted = gold["quotes"]
    for want in wanted:
        found = [q for q in article.quotes if _quote_matches(q, want)]
        if not found:
            if not want.get("optional"):
                problems.append(f"quote not found: {want['start']!r}")
            continue
        quote = found[0]
        if quote.kind != want["kind"] and not want.get("optional"):
            problems.append(f"quote {want['start']!r}: kind {quote.kind}, want {want['kind']}")
        name = quote.speaker.name if quote.speaker else None
        if name != want.get("speaker"):
            problems.append(f"quote {want['start']!r}: speaker {name!r}, want {want['speaker']!r}")
        for field in ("role", "organisation"):
            if field in want:
                got = getattr(quote.speaker, field) if quote.speaker else None
                if got != want[field]:
                    problems.append(
                        f"quote {want['start']!r}: {field} {got!r}, want {want[field]!r}"
                    )
    for quote in article.quotes:
        if not any(_quote_matches(quote, want) for want in wanted):
            problems.append(f"spurious quote: {quote.kind} {quote.text[:50]!r}")
    return problems


def _org_names(org: newsparse.Organisation) -> set[str]:
    names = {org.name, *org.aliases}
    if org.acronym:
        names |= {org.acronym, f"{org.name} ({org.acronym})"}
    return {n.casefold() for n in names}


def check_organisations(article: newsparse.Article, gold: dict[str, Any]) -> list[str]:
    if "organisations" not in gold:
        return []
    problems = []
    wanted = [w if isinstance(w, dict) else {"name": w} for w in gold["organisations"]]
    for want in wanted:
        found = [o for o in article.organisations if want["name"].casefold() in _org_names(o)]
        if not found:
            if not want.get("optional"):
                problems.append(f"organisation not found: {want['name']!r}")
            continue
        for field in ("kind", "acronym"):
            if field in want and getattr(found[0], field) != want[field]:
                problems.append(
                    f"organisation {want['name']!r}: {field} {getattr(found[0], field)!r}, "
                    f"want {want[field]!r}"
                )
    for org in article.organisations:
        if not any(w["name"].casefold() in _org_names(org) for w in wanted):
            problems.append(f"spurious organisation: {org.name!r}")
    return problems


def check_all(article: newsparse.Article, gold: dict[str, Any]) -> list[str]:
    return (
        check_header(article, gold)
        + check_body(article, gold)
        + check_quotes(article, gold)
        + check_organisations(article, gold)
    )


def seed_cases() -> list[tuple[Path, Path]]:
    return [(SEEDS / f"{g.stem}.txt", g) for g in sorted(SHARED_GOLD.glob("*.json"))]


def fixture_cases(area: str | None = None) -> list[tuple[Path, Path]]:
    folder = FIXTURES / area if area else FIXTURES
    return [(j.with_suffix(".txt"), j) for j in sorted(folder.rglob("*.json"))]
