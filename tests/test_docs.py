"""Every code example in the docs and the READMEs runs, and shown outputs are real.

The rules (which blocks run, how outputs are compared, the visible skip marker) are in
``docs/gen_examples.py``; when an output is stale, regenerate it with
``python docs/gen_examples.py`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_examples", ROOT / "docs" / "gen_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
PAGES = gen.pages()


def test_pages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"docs/index.md", "docs/tutorial.md", "docs/pipeline.md", "README.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_examples_run_and_outputs_are_current(page: Path) -> None:
    problems = gen.check_page(page)
    assert problems == [], (
        "\n".join(problems) + "\n\nIf only outputs are stale, run: python docs/gen_examples.py"
    )


def test_skips_are_marked_visibly() -> None:
    """A block that would run is skipped only with the visible marker, and rarely."""
    skipped = [
        b.where for p in PAGES for b in gen.blocks(p) if b.skipped and b.lang in gen.RUN_LANGS
    ]
    assert len(skipped) <= 3, skipped


def test_every_page_has_runnable_examples_where_it_shows_python() -> None:
    for page in PAGES:
        for block in gen.blocks(page):
            assert block.lang != "python" or block.runs or block.skipped, block.where


# -- the extraction itself ---------------------------------------------------------------


def test_extraction_links_outputs_and_expands_snippets(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro\n\n"
        "```python\nprint(1 + 1)\n```\n\n"
        '```text title="Output"\n2\n```\n\n'
        '```python title="Setup (not executed by the docs test)"\nraise SystemExit\n```\n\n'
        "!!! note\n    ```python\n    x = 3\n    ```\n\n"
        '```python\n--8<-- "examples/newsparse-example-plugin/pyproject.toml"\n```\n\n'
        "```python\nx = 1\n--8<--\nexamples/newsparse-example-plugin/README.md\n--8<--\n```\n",
        "utf-8",
    )
    found = gen.blocks(page)
    assert [b.lang for b in found] == ["python", "text", "python", "python", "python", "python"]
    assert found[0].output is found[1]
    assert found[1].is_output and not found[1].runs
    assert found[2].skipped and not found[2].runs
    assert found[3].code == "x = 3\n"
    assert 'kavkaz_header = "newsparse_example_plugin' in gen.expand_snippets(found[4].code)
    expanded = gen.expand_snippets(found[5].code)
    assert expanded.startswith("x = 1\n# newsparse-example-plugin\n")
    assert "--8<--" not in expanded


def test_stale_output_is_reported_and_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```python\nprint("fresh")\n```\n\n```text title="Output"\nstale\n```\n', "utf-8"
    )
    problems = gen.check_page(page)
    assert len(problems) == 1 and "output is stale" in problems[0]
    gen.check_page(page, fix=True)
    assert (
        page.read_text("utf-8")
        == '```python\nprint("fresh")\n```\n\n```text title="Output"\nfresh\n```\n'
    )
    assert gen.check_page(page) == []


def test_failing_example_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nassert 1 == 2, 'docs lie'\n```\n", "utf-8")
    with pytest.raises(AssertionError, match="docs lie"):
        gen.check_page(page)


def test_console_and_pycon_blocks_are_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n$ echo hello\nbye\n$ ls seeds | head -n 1\n```\n\n"
        "```pycon\n>>> 1 + 1\n3\n```\n",
        "utf-8",
    )
    problems = gen.check_page(page)
    assert any("console output is stale" in p for p in problems)
    assert any("doctest failed" in p for p in problems)
