"""Faster body helpers answer as the plain versions: quote balance, URL and handle scans."""

from __future__ import annotations

import random

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
