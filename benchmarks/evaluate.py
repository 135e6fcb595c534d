"""Held-out evaluation of newsparse on hand-written, hand-annotated agency copy.

Runs newsparse over ``benchmarks/corpus`` (and, with flags, over the seeds and the test
fixtures) and prints per-section scores:

* header: accuracy of each field (headline, date, agency, distributor, authors, dateline);
* body: first and last paragraph edges; boilerplate removed from the body and reported;
* quotes: precision / recall / F1 matching by start words + kind, speaker accuracy on the
  matched quotes (strict, and lenient: one name's words contained in the other's);
* organisations: precision / recall / F1, names compared modulo case (acronym and
  ``Name (ACR)`` forms allowed, as in ``tests/goldcheck.py``).

``--failures`` lists every miss and false positive per article so that the rules can be
fixed. ``benchmarks/anchors.py`` imports the scoring from here to score other tools on the
same texts. The gold format is the one of ``seeds/gold/*.json``; extensions used by the
corpus are described in ``benchmarks/corpus/README.md``.

    python benchmarks/evaluate.py [--failures] [--seeds] [--fixtures] [--only GLOB] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpus"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import goldcheck  # noqa: E402  (needs ROOT on sys.path)

HEADER_FIELDS = ("headline", "date", "agency", "distributor", "authors", "dateline")
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mr.", "mrs.", "ms."}
)


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    """One article of an evaluation set: its text, its gold and where they came from."""

    name: str
    text: str
    gold: dict[str, Any]
    source: str  # "corpus", "seeds" or "fixtures"

    @property
    def reference_date(self) -> dt.date:
        ref = self.gold.get("reference_date")
        return dt.date.fromisoformat(ref) if ref else goldcheck.SEED_REFERENCE_DATE


def load_cases(
    *,
    corpus: bool = True,
    seeds: bool = False,
    fixtures: bool = False,
    only: str | None = None,
    folders: Sequence[Path] = (),
) -> list[Case]:
    """Read the evaluation sets asked for, in a stable order.

    ``folders`` are further corpora in the same layout (``<name>.txt`` + ``<name>.json``).
    """
    pairs: list[tuple[str, Path, Path]] = []
    if corpus:
        pairs += [("corpus", j.with_suffix(".txt"), j) for j in sorted(CORPUS.glob("*.json"))]
        for sub in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            label = f"corpus/{sub.name}"
            pairs += [(label, j.with_suffix(".txt"), j) for j in sorted(sub.glob("*.json"))]
    for folder in folders:
        pairs += [(folder.name, j.with_suffix(".txt"), j) for j in sorted(folder.glob("*.json"))]
    if seeds:
        pairs += [("seeds", t, g) for t, g in goldcheck.seed_cases()]
    if fixtures:
        pairs += [("fixtures", t, g) for t, g in goldcheck.fixture_cases()]
    cases = []
    for source, txt, gold_path in pairs:
        nested = source == "fixtures" or source.startswith("corpus/")
        name = f"{gold_path.parent.name}/{gold_path.stem}" if nested else gold_path.stem
        if only and not fnmatch.fnmatch(name, only):
            continue
        gold = goldcheck.load_gold(gold_path)
        cases.append(Case(name, txt.read_text("utf-8"), gold, source))
    return cases


# --------------------------------------------------------------------------- predictions


@dataclass
class PredictedQuote:
    """A quotation as some system reported it."""

    kind: str
    text: str
    speaker: str | None


@dataclass
class Prediction:
    """What one system made of one article, in a form every system can fill.

    ``supports`` names the sections and header fields the system produces at all; the
    others are scored as not applicable rather than as wrong.
    """

    supports: frozenset[str]
    header: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    quotes: list[PredictedQuote] = field(default_factory=list)
    organisations: list[set[str]] = field(default_factory=list)  # names of each organisation


NEWSPARSE_SUPPORTS = frozenset(
    {*HEADER_FIELDS, "body", "boilerplate_reported", "quotes", "organisations"}
)


def predict_newsparse(case: Case) -> Prediction:
    """Parse ``case`` with newsparse (default pipeline) and convert the article."""
    import newsparse

    article = newsparse.parse(case.text, reference_date=case.reference_date)
    header = article.header
    head: dict[str, Any] = {
        "headline": header.headline,
        "date": header.published[:10] if header.published else None,
        "agency": header.agency,
        "distributor": header.distributor,
        "authors": list(header.authors),
        "dateline": header.dateline,
        "byline": header.byline,
        "published_precision": header.published_precision,
    }
    return Prediction(
        supports=NEWSPARSE_SUPPORTS,
        header=head,
        paragraphs=[p.text for p in article.paragraphs],
        boilerplate=[b.text for b in article.boilerplate],
        quotes=[
            PredictedQuote(q.kind, q.text, q.speaker.name if q.speaker else None)
            for q in article.quotes
        ],
        organisations=[
            {org_key(n) for n in goldcheck._org_names(o)} for o in article.organisations
        ],
    )


# --------------------------------------------------------------------------- normalisation


def norm(text: str) -> str:
    """goldcheck's normalisation (white space, apostrophes, outer quote marks, case)."""
    return goldcheck.norm(text.replace("‘", "'").replace("“", '"').replace("”", '"'))


def org_key(name: str) -> str:
    """Organisation name key: goldcheck's case folding, plus a dropped leading 'the'."""
    key = norm(name)
    return key[4:] if key.startswith("the ") else key


def speaker_words(name: str | None) -> list[str]:
    """Words of a speaker name without articles, honorifics and punctuation."""
    if not name:
        return []
    words = [w.strip(".,;:'\"()") for w in norm(name).split()]
    words = [w for w in words if w and w not in HONORIFICS]
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return words


def speaker_ok(got: str | None, want: dict[str, Any], *, lenient: bool) -> bool:
    """Whether ``got`` names the gold speaker (or one of its ``alt_speaker`` names)."""
    wanted = [want.get("speaker"), *want.get("alt_speaker", [])]
    for name in wanted:
        if name is None:
            if got is None:
                return True
            continue
        g, w = speaker_words(got), speaker_words(name)
        if not g:
            continue
        if g == w:
            return True
        if lenient and (set(g) <= set(w) or set(w) <= set(g)):
            return True
    return False


def header_value_ok(key: str, got: Any, want: Any) -> bool:
    """Compare one header field; a list in the gold (except authors) lists accepted values."""
    if key == "authors":
        got_names = sorted(norm(a) for a in got or [])
        return got_names == sorted(norm(a) for a in want)
    accepted = want if isinstance(want, list) else [want]
    for value in accepted:
        if value is None and not got:
            return True
        if value is None or got is None:
            continue
        if key == "date" and str(got)[:10] == value:
            return True
        if norm(str(got)) == norm(str(value)):
            return True
    return False


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for every metric, summed over articles; failures kept per article."""

    header_right: dict[str, int] = field(default_factory=dict)
    header_total: dict[str, int] = field(default_factory=dict)
    header_set_right: int = 0  # fields whose gold value is not null / empty
    header_set_total: int = 0
    first_right: int = 0
    last_right: int = 0
    body_total: int = 0
    boiler_removed: int = 0
    boiler_reported: int = 0
    boiler_total: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    quote_start_only: int = 0  # required quotes found by start words whatever the kind
    direct_tp: int = 0  # required direct quotes found (textacy finds only direct quotes)
    direct_total: int = 0
    speaker_strict: int = 0
    speaker_lenient: int = 0
    speaker_total: int = 0
    org_tp: int = 0
    org_fp: int = 0
    org_fn: int = 0
    articles: int = 0
    errors: int = 0
    sections: set[str] = field(default_factory=set)  # sections actually scored
    seconds: float = 0.0
    failures: dict[str, list[str]] = field(default_factory=dict)

    def fail(self, case: str, section: str, message: str) -> None:
        self.failures.setdefault(case, []).append(f"[{section}] {message}")


def _quote_starts(want: dict[str, Any]) -> list[str]:
    return [norm(s) for s in [want["start"], *want.get("alt_start", [])]]


def _kinds(want: dict[str, Any]) -> set[str]:
    return {want["kind"], *([want["alt_kind"]] if "alt_kind" in want else [])}


def _starts_with(quote: PredictedQuote, want: dict[str, Any]) -> bool:
    text = norm(quote.text)
    return any(text.startswith(s) for s in _quote_starts(want))


def score_quotes(tally: Tally, case: Case, pred: Prediction) -> None:
    """Match gold quotes to predicted ones one-to-one by start words, then by kind."""
    wanted: list[dict[str, Any]] = case.gold["quotes"]
    used: set[int] = set()
    ignored: set[int] = set()  # predictions that match an optional gold quote
    for want in wanted:
        optional = bool(want.get("optional"))
        by_start = [i for i, q in enumerate(pred.quotes) if i not in used and _starts_with(q, want)]
        by_kind = [i for i in by_start if pred.quotes[i].kind in _kinds(want)]
        if by_start and not optional:
            tally.quote_start_only += 1
        if want["kind"] == "direct" and not optional:
            tally.direct_total += 1
            tally.direct_tp += bool(by_kind)
        if by_kind:
            index = by_kind[0]
            used.add(index)
            if not optional:
                tally.quote_tp += 1
            got = pred.quotes[index].speaker
            tally.speaker_total += 1
            if speaker_ok(got, want, lenient=False):
                tally.speaker_strict += 1
            else:
                tally.fail(
                    case.name,
                    "speaker",
                    f"{want['start']!r}: speaker {got!r}, want {want.get('speaker')!r}",
                )
            if speaker_ok(got, want, lenient=True):
                tally.speaker_lenient += 1
            continue
        if optional:
            ignored.update(by_start)
            continue
        tally.quote_fn += 1
        if by_start:
            got_kind = pred.quotes[by_start[0]].kind
            tally.fail(case.name, "quote", f"{want['kind']} {want['start']!r} found as {got_kind}")
            ignored.add(by_start[0])  # counted once, as a miss, not also as a false positive
        else:
            tally.fail(case.name, "quote", f"missed {want['kind']} {want['start']!r}")
    for i, quote in enumerate(pred.quotes):
        if i in used or i in ignored:
            continue
        tally.quote_fp += 1
        tally.fail(
            case.name,
            "quote",
            f"spurious {quote.kind} {quote.text[:70]!r} (speaker {quote.speaker!r})",
        )


def score_organisations(tally: Tally, case: Case, pred: Prediction) -> None:
    """Gold organisation found when one of its names is among a predicted one's names."""
    wanted = [w if isinstance(w, dict) else {"name": w} for w in case.gold["organisations"]]
    keys = [{org_key(w["name"]), *(org_key(a) for a in w.get("aliases", []))} for w in wanted]
    for want, names in zip(wanted, keys, strict=True):
        if any(names & got for got in pred.organisations):
            if not want.get("optional"):
                tally.org_tp += 1
        elif not want.get("optional"):
            tally.org_fn += 1
            tally.fail(case.name, "org", f"missed {want['name']!r}")
    for got in pred.organisations:
        if not any(names & got for names in keys):
            tally.org_fp += 1
            tally.fail(case.name, "org", f"spurious {sorted(got)[0]!r}")


def score_body(tally: Tally, case: Case, pred: Prediction) -> None:
    """First and last paragraph edges; boilerplate kept out of the body (and reported)."""
    body = case.gold["body"]
    paras = pred.paragraphs
    tally.body_total += 1
    first, last = (paras[0], paras[-1]) if paras else ("", "")
    if "first_words" in body:
        if norm(first).startswith(norm(body["first_words"])):
            tally.first_right += 1
        else:
            tally.fail(
                case.name,
                "body",
                f"first paragraph starts {first[:70]!r}, want {body['first_words']!r}",
            )
    else:
        tally.first_right += 1
    if "last_words" in body:
        if norm(last).endswith(norm(body["last_words"])):
            tally.last_right += 1
        else:
            tally.fail(
                case.name,
                "body",
                f"last paragraph ends {last[-70:]!r}, want {body['last_words']!r}",
            )
    else:
        tally.last_right += 1
    joined = [norm(p) for p in paras]
    for item in body.get("boilerplate", []):
        key = norm(item)
        tally.boiler_total += 1
        if not any(key in p for p in joined):
            tally.boiler_removed += 1
        else:
            tally.fail(case.name, "body", f"boilerplate left in body: {item!r}")
        if "boilerplate_reported" in pred.supports:
            if any(norm(b).startswith(key) for b in pred.boilerplate):
                tally.boiler_reported += 1
            else:
                tally.fail(case.name, "body", f"boilerplate not reported: {item!r}")


def score_header(tally: Tally, case: Case, pred: Prediction) -> None:
    """Each gold header field the system produces: right or wrong."""
    for key, want in case.gold["header"].items():
        if key not in pred.supports:
            continue
        got = pred.header.get(key)
        tally.header_total[key] = tally.header_total.get(key, 0) + 1
        is_set = bool(want) and not (isinstance(want, list) and None in want)
        tally.header_set_total += is_set
        if header_value_ok(key, got, want):
            tally.header_right[key] = tally.header_right.get(key, 0) + 1
            tally.header_set_right += is_set
        else:
            tally.fail(case.name, "header", f"{key}: got {got!r}, want {want!r}")


def evaluate(
    cases: Sequence[Case], predict: Callable[[Case], Prediction], *, repeat: int = 1
) -> Tally:
    """Run ``predict`` over ``cases`` and score every section that the gold has."""
    tally = Tally()
    for case in cases:
        tally.articles += 1
        started = time.perf_counter()
        try:
            for _ in range(repeat):
                pred = predict(case)
        except Exception as exc:  # one broken article must not hide the others' scores
            tally.seconds += time.perf_counter() - started
            tally.errors += 1
            tally.fail(case.name, "error", f"{type(exc).__name__}: {exc}")
            continue
        tally.seconds += (time.perf_counter() - started) / repeat
        if "header" in case.gold:
            score_header(tally, case, pred)
        if "body" in case.gold and "body" in pred.supports:
            score_body(tally, case, pred)
        if "quotes" in case.gold and "quotes" in pred.supports:
            tally.sections.add("quotes")
            score_quotes(tally, case, pred)
        if "organisations" in case.gold and "organisations" in pred.supports:
            tally.sections.add("organisations")
            score_organisations(tally, case, pred)
    return tally


# --------------------------------------------------------------------------- report


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return p, r, f


def summary(tally: Tally) -> dict[str, Any]:
    """Scores as a flat mapping (``None`` where the system does not produce the item)."""
    out: dict[str, Any] = {"articles": tally.articles, "errors": tally.errors}
    for key in HEADER_FIELDS:
        out[f"header.{key}"] = _ratio(
            tally.header_right.get(key, 0), tally.header_total.get(key, 0)
        )
    header_right = sum(tally.header_right.values())
    out["header.all_fields"] = _ratio(header_right, sum(tally.header_total.values()))
    out["header.fields_with_a_value"] = _ratio(tally.header_set_right, tally.header_set_total)
    out["body.first_paragraph"] = _ratio(tally.first_right, tally.body_total)
    out["body.last_paragraph"] = _ratio(tally.last_right, tally.body_total)
    out["body.boilerplate_removed"] = _ratio(tally.boiler_removed, tally.boiler_total)
    out["body.boilerplate_reported"] = (
        _ratio(tally.boiler_reported, tally.boiler_total) if tally.boiler_reported else None
    )
    p, r, f = _prf(tally.quote_tp, tally.quote_fp, tally.quote_fn)
    out |= {"quotes.precision": p, "quotes.recall": r, "quotes.f1": f}
    required = tally.quote_tp + tally.quote_fn
    out["quotes.recall_any_kind"] = _ratio(tally.quote_start_only, required)
    out["quotes.recall_direct"] = _ratio(tally.direct_tp, tally.direct_total)
    out["quotes.speaker_strict"] = _ratio(tally.speaker_strict, tally.speaker_total)
    out["quotes.speaker_lenient"] = _ratio(tally.speaker_lenient, tally.speaker_total)
    out["quotes.counts"] = (
        f"tp={tally.quote_tp} fp={tally.quote_fp} fn={tally.quote_fn}"
        if "quotes" in tally.sections
        else None
    )
    p, r, f = _prf(tally.org_tp, tally.org_fp, tally.org_fn)
    out |= {"orgs.precision": p, "orgs.recall": r, "orgs.f1": f}
    out["orgs.counts"] = (
        f"tp={tally.org_tp} fp={tally.org_fp} fn={tally.org_fn}"
        if "organisations" in tally.sections
        else None
    )
    out["articles_per_second"] = tally.articles / tally.seconds if tally.seconds else None
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:,.1f}"
    return str(value)


def print_table(columns: dict[str, dict[str, Any]], out: Any = None) -> None:
    """Print summaries side by side: one row per metric, one column per system."""
    stream = out or sys.stdout
    names = list(columns)
    metrics: list[str] = []
    for scores in columns.values():
        metrics += [m for m in scores if m not in metrics]
    width = max(len(m) for m in metrics) + 2
    cells = [_fmt(v) for scores in columns.values() for v in scores.values()]
    col = max(14, *(len(n) + 2 for n in names), *(len(c) + 2 for c in cells))
    print("metric".ljust(width) + "".join(n.rjust(col) for n in names), file=stream)
    print("-" * (width + col * len(names)), file=stream)
    for metric in metrics:
        row = "".join(_fmt(columns[n].get(metric)).rjust(col) for n in names)
        print(metric.ljust(width) + row, file=stream)


def print_failures(tally: Tally, out: Any = None, sections: Sequence[str] = ()) -> None:
    """Every miss and false positive, grouped by article (only ``sections`` if given)."""
    stream = out or sys.stdout
    for case, problems in tally.failures.items():
        shown = [p for p in problems if not sections or p[1:].split("]")[0] in sections]
        if not shown:
            continue
        print(f"\n== {case}", file=stream)
        for problem in shown:
            print(f"  {problem}", file=stream)


def sets_label(cases: Iterable[Case]) -> str:
    """A short description of which sets were evaluated, e.g. ``corpus=55 seeds=5``."""
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.source] = counts.get(case.source, 0) + 1
    return " ".join(f"{k}={v}" for k, v in counts.items())


def group_of(name: str) -> str:
    """The family of an article: its name without the trailing ``_<number>``."""
    stem = name.rsplit("/", 1)[-1]
    head, _, tail = stem.rpartition("_")
    return head if head and tail.isdigit() else stem


def print_groups(
    cases: Sequence[Case], predict: Callable[[Case], Prediction], out: Any = None
) -> None:
    """One compact row per family of articles (reuters, ap, trend ...)."""
    stream = out or sys.stdout
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(group_of(case.name), []).append(case)
    print(
        f"{'group':<18}{'n':>3}{'header':>10}{'body':>9}{'quotes tp/fn/fp':>17}"
        f"{'speaker':>9}{'orgs tp/fn/fp':>15}",
        file=stream,
    )
    for group, members in sorted(groups.items()):
        t = evaluate(members, predict)
        header = f"{sum(t.header_right.values())}/{sum(t.header_total.values())}"
        body = f"{t.first_right + t.last_right}/{2 * t.body_total}"
        quotes = f"{t.quote_tp}/{t.quote_fn}/{t.quote_fp}"
        speaker = f"{t.speaker_strict}/{t.speaker_total}"
        orgs = f"{t.org_tp}/{t.org_fn}/{t.org_fp}"
        print(
            f"{group:<18}{len(members):>3}{header:>10}{body:>9}{quotes:>17}{speaker:>9}{orgs:>15}",
            file=stream,
        )


def build_parser() -> argparse.ArgumentParser:
    """Command-line options shared with anchors.py."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every miss per article")
    parser.add_argument(
        "--section",
        action="append",
        default=[],
        choices=["header", "body", "quote", "speaker", "org", "error"],
        help="with --failures: only these kinds of failure (repeatable)",
    )
    parser.add_argument("--seeds", action="store_true", help="also score the seed articles")
    parser.add_argument("--fixtures", action="store_true", help="also score tests/fixtures")
    parser.add_argument("--no-corpus", action="store_true", help="skip benchmarks/corpus")
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        action="append",
        default=[],
        help="also score the articles of DIR (same layout as benchmarks/corpus); repeatable",
    )
    parser.add_argument("--only", metavar="GLOB", help="only articles whose name matches")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--by-group", action="store_true", help="also print one row per family of articles"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Score newsparse on the held-out corpus."""
    parser = build_parser()
    parser.add_argument(
        "--repeat", type=int, default=3, help="parse each article N times for the timing"
    )
    args = parser.parse_args(argv)
    cases = load_cases(
        corpus=not args.no_corpus,
        seeds=args.seeds,
        fixtures=args.fixtures,
        only=args.only,
        folders=args.corpus,
    )
    if not cases:
        parser.error("no articles selected")
    predict_newsparse(cases[0])  # warm up: lexicon loading is not per-article work
    tally = evaluate(cases, predict_newsparse, repeat=args.repeat)
    scores = summary(tally)
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        print(f"newsparse on {sets_label(cases)}")
        print_table({"newsparse": scores})
    if args.by_group:
        print()
        print_groups(cases, predict_newsparse)
    if args.failures:
        print_failures(tally, sections=args.section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
