"""Atheris fuzzing harness for ``newsparse.parse``.

Run for N minutes (see fuzz/README.md)::

    python fuzz/fuzz_parse.py --minutes 10

The corpus starts from the seeds and every fixture text (copied into ``fuzz/corpus/``,
which is not committed); inputs that crash go to ``fuzz/crashes/``. Each input is parsed
both as bytes and, through the fuzzer's data provider, as text; every promise of the
output contract is checked (offsets point at their source characters, the dict form
validates against the JSON Schema and round-trips, parsing is deterministic). Only
``DecodeError`` is an acceptable error, and only for bytes.

A crash becomes a regression test: copy the crashing input to ``fuzz/regressions/``;
``tests/test_robustness.py`` parses every file there.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # for tests.test_properties

try:
    import atheris
except ImportError:
    sys.exit(
        "atheris is not installed: pip install 'newsparse[fuzz]' (it needs clang/libFuzzer "
        "on some platforms; see fuzz/README.md)"
    )

with atheris.instrument_imports(include=["newsparse"]):
    import newsparse

    newsparse.Pipeline.default()  # imports (so instruments) the parser modules

from tests.test_properties import check_article  # noqa: E402


def test_one_input(data: bytes) -> None:
    """Parse ``data`` as bytes and as text; check every invariant."""
    try:
        article = newsparse.parse(data)
    except newsparse.DecodeError:
        pass
    else:
        assert article.text is not None
        check_article(article, article.text)
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(len(data))
    check_article(newsparse.parse(text), text)


def seed_corpus(corpus: Path) -> int:
    """Copy the seeds, fixtures and regressions into ``corpus``; return how many."""
    corpus.mkdir(parents=True, exist_ok=True)
    sources = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "fixtures").rglob("*.txt")]
    sources += [p for p in (HERE / "regressions").iterdir() if p.is_file()]
    for path in sources:
        shutil.copyfile(path, corpus / f"{path.parent.name}-{path.name}")
    return len(sources)


def main() -> None:
    """Seed the corpus and fuzz for ``--minutes``; extra arguments go to libFuzzer."""
    cli = argparse.ArgumentParser(description="Fuzz newsparse.parse with atheris.")
    cli.add_argument("--minutes", type=float, default=10.0)
    cli.add_argument("--max-len", type=int, default=16384, help="longest input tried")
    args, libfuzzer_args = cli.parse_known_args()
    corpus = HERE / "corpus"
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    print(f"corpus: {seed_corpus(corpus)} seed inputs in {corpus}", flush=True)
    inputs = [a for a in libfuzzer_args if not a.startswith("-")]
    argv = [
        sys.argv[0],
        *([] if inputs else [str(corpus)]),  # given files: run just those
        f"-max_total_time={int(args.minutes * 60)}",
        f"-max_len={args.max_len}",
        f"-artifact_prefix={crashes}/",
        "-timeout=60",
        *libfuzzer_args,
    ]
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
