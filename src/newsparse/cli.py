"""The ``newsparse`` command line.

``newsparse parse FILE...|DIR|-`` prints JSON for one article and JSON Lines for several.
Every record carries a ``source`` key naming the input; a file that cannot be parsed gives a
record ``{"source": ..., "error": {"type": ..., "message": ...}}`` and a non-zero exit
status, while the other files are still parsed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from ._batch import ParseFailure, parse_many
from ._errors import NewsparseError
from ._model import Article
from ._pipeline import Pipeline, available_parsers

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED_INPUT = 1
EXIT_USAGE = 2


def _iter_sources(paths: Sequence[str], pattern: str) -> Iterator[str]:
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob(pattern)) if p.is_file())
        else:
            yield name


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def format_text(article: Article, source: str | None = None) -> str:
    """A readable summary: header, paragraphs count, quotes with speakers, organisations."""
    h = article.header
    out: list[str] = []
    if source:
        out.append(f"== {source}")
    out.append(f"Headline:    {h.headline or '-'}")
    published = h.published or "-"
    if h.published_raw and h.published:
        published += f"  (from {h.published_raw!r}, precision {h.published_precision})"
    out.append(f"Published:   {published}")
    credit = h.agency or "-"
    if h.distributor:
        credit += f" via {h.distributor}"
    out.append(f"Agency:      {credit}")
    out.append(f"Authors:     {', '.join(h.authors) or '-'}")
    out.append(f"Dateline:    {h.dateline or '-'}")
    out.append(f"Paragraphs:  {len(article.paragraphs)}")
    if article.paragraphs:
        first = article.paragraphs[0].text
        out.append(f"  first: {first[:100]}{'...' if len(first) > 100 else ''}")
    out.append(f"Quotes:      {len(article.quotes)}")
    for q in article.quotes:
        who = "?"
        if q.speaker:
            who = q.speaker.name
            if q.speaker.role:
                who += f" ({q.speaker.role})"
        words = q.text if len(q.text) <= 90 else q.text[:87] + "..."
        out.append(f"  [{q.kind}] {who}: {words}")
    out.append(f"Organisations: {len(article.organisations)}")
    for org in article.organisations:
        acronym = f" ({org.acronym})" if org.acronym and org.acronym != org.name else ""
        out.append(f"  {org.name}{acronym} [{org.kind}] x{len(org.mentions)}")
    if article.boilerplate:
        out.append(f"Boilerplate: {len(article.boilerplate)} line(s) removed")
    return "\n".join(out) + "\n"


def _build_pipeline(extra: Sequence[str], disabled: Sequence[str]) -> Pipeline:
    pipeline = Pipeline.default()
    for name in extra:
        pipeline.add(name)
    if disabled:
        pipeline.disable(*disabled)
    return pipeline


class _Progress:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.count = 0

    def step(self, source: str) -> None:
        self.count += 1
        if self.active:
            self.stream.write(f"\r\x1b[K{self.count} parsed: {source[-60:]}")
            self.stream.flush()

    def close(self) -> None:
        if self.active and self.count:
            self.stream.write("\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        pipeline = _build_pipeline(args.parser, args.disable)
    except NewsparseError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    reference = args.reference_date
    sources = list(_iter_sources(args.inputs, args.glob))
    if not sources:
        print("newsparse: no input files found", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or ("json" if len(sources) == 1 else "jsonl")
    out: IO[str] = (
        sys.stdout
        if args.output in (None, "-")
        else open(  # noqa: SIM115
            args.output, "w", encoding="utf-8"
        )
    )
    progress = _Progress(sys.stderr)
    failed = 0
    try:
        for source, result in _parse_all(sources, pipeline, reference, args):
            progress.step(source)
            if isinstance(result, dict):
                failed += 1
                record = {"source": source, "error": result}
                print(f"newsparse: {source}: {result['message']}", file=sys.stderr)
                if fmt == "text":
                    continue
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            if fmt == "text":
                out.write(format_text(result, source if len(sources) > 1 else None))
                continue
            data = {"source": source, **result.to_dict()}
            if fmt == "json":
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    return EXIT_FAILED_INPUT if failed else EXIT_OK


def _parse_all(
    sources: Sequence[str],
    pipeline: Pipeline,
    reference: dt.date | None,
    args: argparse.Namespace,
) -> Iterator[tuple[str, Article | dict[str, Any]]]:
    """Yield ``(source, article or error dict)`` in input order."""
    workers = args.workers
    if workers == 1:
        for source in sources:
            try:
                data = _read(source)
                article = pipeline.parse(data, reference_date=reference, errors=args.errors)
            except (OSError, NewsparseError) as exc:
                yield source, _error_of(exc)
            else:
                yield source, article
        return
    read_errors: dict[int, OSError] = {}

    def texts() -> Iterator[bytes | str]:
        for index, source in enumerate(sources):
            try:
                yield _read(source)
            except OSError as exc:
                read_errors[index] = exc
                yield ""  # placeholder; replaced by the read error below

    results = parse_many(
        texts(),
        workers=workers or None,
        pipeline=pipeline,
        reference_date=reference,
        errors=args.errors,
    )
    for index, (source, result) in enumerate(zip(sources, results, strict=True)):
        if index in read_errors:
            yield source, _error_of(read_errors.pop(index))
        elif isinstance(result, ParseFailure):
            yield source, {"type": result.error, "message": result.message}
        else:
            yield source, result


def _error_of(exc: BaseException) -> dict[str, Any]:
    return {"type": type(exc).__name__, "message": str(exc)}


def _cmd_parsers(args: argparse.Namespace) -> int:
    print("default pipeline:", ", ".join(Pipeline.default().names))
    found = available_parsers()
    print("installed (entry point 'newsparse.parsers'):", ", ".join(sorted(found)) or "(none)")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from .render import to_html  # imported on use, like the view itself

    try:
        pipeline = _build_pipeline(args.parser, args.disable)
        article = pipeline.parse(
            _read(args.input), reference_date=args.reference_date, errors=args.errors
        )
    except (OSError, NewsparseError) as exc:
        print(f"newsparse: {args.input}: {exc}", file=sys.stderr)
        return EXIT_FAILED_INPUT
    page = to_html(article, title=args.title)
    if args.output in (None, "-"):
        sys.stdout.write(page + "\n")
    else:
        Path(args.output).write_text(page + "\n", encoding="utf-8")
    return EXIT_OK


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _add_parse_options(p: argparse.ArgumentParser) -> None:
    """Options that ``parse`` and ``render`` share: how the article is parsed."""
    p.add_argument(
        "--reference-date",
        type=_date,
        help="complete dates printed without a year against this date (default: today)",
    )
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: fail the file (strict) or replace them",
    )
    p.add_argument(
        "--parser",
        action="append",
        default=[],
        metavar="NAME",
        help="add an installed entry-point parser (repeatable)",
    )
    p.add_argument("--disable", action="append", default=[], metavar="STEP", help="disable a step")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsparse`` command."""
    parser = argparse.ArgumentParser(
        prog="newsparse",
        description="Parse wire-style news articles into structured JSON.",
    )
    parser.add_argument("--version", action="version", version=f"newsparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "parse",
        help="parse articles and print JSON / JSON Lines / a text summary",
        description="Parse FILEs, the *.txt files under DIRs, or standard input (-).",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        help="json for one input, jsonl for several (default); text is a readable summary",
    )
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--glob", default="*.txt", help="file pattern inside directories")
    _add_parse_options(p)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="parse on N processes (0: one per CPU; default 1, in this process)",
    )
    p.set_defaults(func=_cmd_parse)

    p = sub.add_parser(
        "render",
        help="write a self-contained HTML view of one article",
        description="Parse FILE (or standard input, -) and write an HTML page that shows "
        "the header, quotes coloured by speaker, cues, organisations and boilerplate.",
    )
    p.add_argument("input", metavar="FILE|-")
    p.add_argument("-o", "--output", help="write the page here instead of standard output")
    p.add_argument("--title", help="page title (default: the headline)")
    _add_parse_options(p)
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("parsers", help="list the default steps and installed parsers")
    p.set_defaults(func=_cmd_parsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except BrokenPipeError:
        # Output piped into `head` and the like: exit quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
