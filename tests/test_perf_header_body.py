"""Faster body helpers answer as the plain versions: quote balance, URL and handle scans."""

from __future__ import annotations

import random

import regex

from newsparse.parsers import links
from newsparse.parsers.body import _quote_balance


def _plain_balance(text: str, open_quote: bool) -> bool:
    for ch in text:
        if ch == '"':
            open_quote = not open_quote
        elif ch in "“«„":
            open_quote = True
        elif ch in "”»":
            open_quote = False
    return open_quote


def test_quote_balance() -> None:
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice('a"“«„”» ') for _ in range(rng.randint(0, 10)))
        for state in (False, True):
            assert _quote_balance(text, state) == _plain_balance(text, state), (text, state)


def test_url_and_handle_scans() -> None:
    pieces = [
        "http://", "https://", "HTTPſ://", "www.", "WwW.", "wwww.", ".", "@", "@ab", "a", " ",
        "/", ":", "x.com", '"', "w", "(", ")", "\n",
    ]  # fmt: skip
    rng = random.Random(4)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in links._urls(text)] == [
            m.span() for m in links._URL.finditer(text)
        ], text
        assert [m.span() for m in links._handles(text)] == [
            m.span() for m in links._HANDLE.finditer(text)
        ], text


def test_branch_shapes_bound_every_corpus_match() -> None:
    from pathlib import Path

    from newsparse import Lexicon
    from newsparse._text import iter_lines
    from newsparse.parsers._boilerplate import _LINE_FLAGS, branch_shape

    root = Path(__file__).resolve().parent.parent
    lines = {
        line.stripped
        for path in sorted((root / "seeds").glob("*.txt"))
        + sorted((root / "tests" / "fixtures").glob("**/*.txt"))
        + sorted((root / "benchmarks" / "corpus").glob("**/*.txt"))
        for line in iter_lines(path.read_text("utf-8", errors="replace"))
        if line.stripped and len(line.stripped) <= 300
    }
    data = Lexicon.default().get("boilerplate")
    checked = 0
    for patterns in data["lines"].values():
        for source in patterns:
            longest, space = branch_shape(source)
            compiled = regex.compile(source, _LINE_FLAGS)
            for line in lines:
                if compiled.fullmatch(line) is not None:
                    checked += 1
                    assert len(line) <= longest, (source, line)
                    assert space or not any(c.isspace() for c in line), (source, line)
    assert checked > 100
