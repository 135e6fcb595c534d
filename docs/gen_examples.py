"""Run the code examples of the docs and write their real output into the pages.

Usage (from the repository root)::

    python docs/gen_examples.py          # rewrite stale output blocks in place
    python docs/gen_examples.py --check  # only report stale blocks; exit 1 if any
    python docs/gen_examples.py --screenshot  # also redraw docs/img/render-seed-002.png

What counts as an example, and how its output is kept honest:

- ```` ```python ```` blocks run, in page order, in one namespace per page, with the
  repository root as working directory. When the next block is a
  ```` ```text title="Output" ```` block, it must equal what the python block printed.
- ```` ```pycon ```` blocks (``>>>`` prompts) run as doctests in the same namespace.
- ```` ```console ```` blocks hold ``$ command`` lines, each followed by its output. Commands
  run with ``bash -o pipefail`` in a scratch directory that holds a copy of ``seeds/`` (in
  the repository itself when the info string says ``title="... in the repository root"``,
  for commands that only read); each must exit with status 0, and the output shown under
  it must equal its real output.
- Every other block (``bash``, ``toml``, ``json``, ``text`` ...) that is not an output block
  is not run. A python, pycon or console block is skipped only when its info string says so
  visibly: ``title="... (not executed by the docs test)"``.
- A line ``--8<-- "path"`` inside a block, or a block of paths between two ``--8<--``
  lines, is replaced by the file(s) named (relative to the repository root), as
  pymdownx.snippets does when the site is built. Inside python blocks use the second form:
  ``ruff format`` would rewrite the first as a Python expression.

``tests/test_docs.py`` imports this module and runs the same checks.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SKIP_MARK = "not executed by the docs test"
ROOT_MARK = "in the repository root"
RUN_LANGS = ("python", "py", "pycon", "console")

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_SNIPPET = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')
_OUTPUT_INFO = re.compile(r'^text\b.*\btitle="Output"')


@dataclass
class Block:
    """One fenced code block of a page."""

    path: Path
    lang: str
    info: str
    code: str
    line: int
    """1-based line number of the opening fence."""
    body_start: int
    """Index in the page's lines of the first content line."""
    body_end: int
    """Index of the closing fence line."""
    indent: str
    output: Block | None = field(default=None, repr=False)
    """The ``text title="Output"`` block that shows what this block prints."""

    @property
    def skipped(self) -> bool:
        """True when the block is marked visibly as not run."""
        return SKIP_MARK in self.info

    @property
    def runs(self) -> bool:
        """True when the docs test runs this block."""
        return self.lang in RUN_LANGS and not self.skipped

    @property
    def is_output(self) -> bool:
        """True for ``text title="Output"`` blocks."""
        return bool(_OUTPUT_INFO.match(self.info))

    @property
    def where(self) -> str:
        """``page.md:line`` for messages."""
        try:
            name = self.path.relative_to(ROOT)
        except ValueError:
            name = self.path
        return f"{name}:{self.line}"


def pages() -> list[Path]:
    """Markdown pages whose examples run: ``docs/**/*.md``, README and example READMEs."""
    found = sorted(DOCS.rglob("*.md"))
    found += [p for p in (ROOT / "README.md",) if p.exists()]
    found += sorted((ROOT / "examples").glob("*/README.md"))
    return found


def _include(path: str) -> str:
    text = (ROOT / path.strip()).read_text("utf-8")
    return text if text.endswith("\n") else text + "\n"


def expand_snippets(code: str) -> str:
    """Replace snippet directives by the files they name, as pymdownx.snippets does.

    Two forms: a line ``--8<-- "path"``, and a block of paths between two ``--8<--``
    lines (the form to use inside python blocks, which ``ruff format`` leaves alone).
    """
    out = []
    in_block = False
    for line in code.splitlines(keepends=True):
        if line.strip() == "--8<--":
            in_block = not in_block
            continue
        if in_block:
            if line.strip():
                out.append(_include(line))
            continue
        match = _SNIPPET.match(line)
        out.append(_include(match["path"]) if match else line)
    return "".join(out)


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of ``path``, each python block linked to its output block."""
    lines = path.read_text("utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent, info = match["fence"], match["indent"], match["info"].strip()
        j = i + 1
        while j < len(lines):
            closing = _FENCE.match(lines[j])
            if (
                closing
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            j += 1
        body = [
            line[len(indent) :] if line.startswith(indent) else line for line in lines[i + 1 : j]
        ]
        lang = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        found.append(
            Block(path, lang, info, "\n".join(body) + "\n" if body else "", i + 1, i + 1, j, indent)
        )
        i = j + 1
    for previous, block in itertools.pairwise(found):
        gap = lines[previous.body_end + 1 : block.line - 1]
        if (
            block.is_output
            and previous.lang in ("python", "py")
            and not any(s.strip() for s in gap)
        ):
            previous.output = block
    return found


@contextlib.contextmanager
def _in_directory(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_python(block: Block, namespace: dict[str, Any]) -> str:
    """Run a python block in ``namespace``; return what it printed."""
    code = compile(expand_snippets(block.code), block.where, "exec")
    buffer = io.StringIO()
    with _in_directory(ROOT), contextlib.redirect_stdout(buffer):
        exec(code, namespace)
    return buffer.getvalue()


def run_pycon(block: Block, namespace: dict[str, Any]) -> str:
    """Run a ``>>>`` block as a doctest; return the failure report (empty when it passes)."""
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.code, namespace, block.where, str(block.path), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    with _in_directory(ROOT):
        runner.run(test, out=report.write, clear_globs=False)
    return report.getvalue()


def console_commands(block: Block) -> list[tuple[str, str]]:
    """``(command, shown output)`` pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"{block.where}: console output before any '$ ' command")
    return [(command, "\n".join(out).strip("\n")) for command, out in pairs]


def scratch_directory() -> Path:
    """A new directory holding a copy of ``seeds/`` for console examples."""
    path = Path(tempfile.mkdtemp(prefix="newsparse-docs-"))
    shutil.copytree(ROOT / "seeds", path / "seeds")
    return path


def run_console(command: str, cwd: Path) -> tuple[int, str]:
    """Run one console command with bash; return the exit status and its output."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "88"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, (done.stdout + done.stderr).strip("\n")


def check_page(path: Path, *, fix: bool = False) -> list[str]:
    """Run every example of ``path``; return problems (and rewrite outputs when ``fix``)."""
    problems: list[str] = []
    namespace: dict[str, Any] = {"__name__": f"docs_example_{path.stem}"}
    replacements: list[tuple[Block, str]] = []
    scratch: Path | None = None
    try:
        for block in blocks(path):
            if not block.runs:
                continue
            if block.lang in ("python", "py"):
                printed = run_python(block, namespace)
                if block.output is not None:
                    want = block.output.code.rstrip("\n")
                    got = printed.rstrip("\n")
                    if got != want:
                        problems.append(f"{block.output.where}: output is stale")
                        replacements.append((block.output, got))
            elif block.lang == "pycon":
                report = run_pycon(block, namespace)
                if report:
                    problems.append(f"{block.where}: doctest failed\n{report}")
            else:
                if ROOT_MARK in block.info:
                    cwd = ROOT
                else:
                    scratch = scratch or scratch_directory()
                    cwd = scratch
                lines: list[str] = []
                stale = False
                for command, shown in console_commands(block):
                    status, output = run_console(command, cwd)
                    if status != 0:
                        problems.append(f"{block.where}: `{command}` exited {status}\n{output}")
                    if shown != output:
                        stale = True
                    lines.append(f"$ {command}")
                    if output:
                        lines.append(output)
                if stale:
                    problems.append(f"{block.where}: console output is stale")
                    replacements.append((block, "\n".join(lines)))
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        if fix and replacements:  # also when a later example failed
            _rewrite(path, replacements)
    return problems


def _rewrite(path: Path, replacements: list[tuple[Block, str]]) -> None:
    lines = path.read_text("utf-8").splitlines()
    for block, content in sorted(replacements, key=lambda r: -r[0].body_start):
        new = [block.indent + line if line else line for line in content.splitlines()]
        lines[block.body_start : block.body_end] = new
    path.write_text("\n".join(lines) + "\n", "utf-8")


SCREENSHOT_SEED = "002_8d831bff95d77092"
SCREENSHOT = DOCS / "img" / f"render-seed-{SCREENSHOT_SEED[:3]}.png"


def screenshot(chromium: str = "chromium") -> Path:
    """Render the seed with ``to_html`` and photograph it with headless Chromium."""
    import newsparse

    seed = ROOT / "seeds" / f"{SCREENSHOT_SEED}.txt"
    article = newsparse.parse(seed.read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "article.html"
        page.write_text(article.to_html(), "utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--screenshot={SCREENSHOT}",
                "--window-size=1200,2000",
                page.as_uri(),
            ],
            capture_output=True,
            check=True,
            timeout=120,
        )
    return SCREENSHOT


def main(argv: list[str]) -> int:
    """Check (``--check``) or regenerate the outputs of every page (and the screenshot)."""
    if "--screenshot" in argv:
        print(f"wrote {screenshot().relative_to(ROOT)}")
    fix = "--check" not in argv
    status = 0
    for path in pages():
        try:
            problems = check_page(path, fix=fix)
        except Exception:  # report and go on with the other pages
            print(f"{path.relative_to(ROOT)}: an example failed:")
            traceback.print_exc(file=sys.stdout)
            status = 1
            continue
        for problem in problems:
            print(problem)
            if not (fix and ("is stale" in problem)):
                status = 1
        if fix and any("is stale" in p for p in problems):
            print(f"rewrote {path.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
