"""The ``re`` tokeniser of the organisations parser finds what the ``regex`` one finds."""

from __future__ import annotations

import random

import pytest

from newsparse.parsers import _orgs_data as data

from . import goldcheck


def _both(text: str, start: int = 0, stop: int | None = None) -> None:
    end = len(text) if stop is None else stop
    pattern, _ = data._re_patterns()
    fast = data._re_found(pattern, text, start, end)
    slow = data._found(data._FAST_TOKEN, text, start, end)
    assert fast == slow, repr(text[start:end])


def test_every_character_below_the_limit() -> None:
    for code in range(data._RE_LIMIT):
        c = chr(code)
        for text in (f"a{c}b", f"{c}a", f" {c} ", f"a{c}", f"{c}{c}a.{c}", f"A-{c}x"):
            _both(text)


def test_random_mixtures() -> None:
    pieces = [*"aZé\u0301\u0300 \t\n\x1c\x1d\x85\xa0\u2000\u200b\u2028.-'’&/+,:()1²٣ə"]
    pieces += ["St.", "U.S.", "Energy.The", "a" * 85, "x" * 80 + "-y", "Report.az", "A&B"]
    rnd = random.Random(7)
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        start = rnd.randint(0, len(text))
        _both(text, start, rnd.randint(start, len(text)))


@pytest.mark.parametrize("text", ["中文 Baku", "Ж" * 90 + " x", "𝐀𝐁 ok", "a\u2200b"])
def test_high_characters_take_the_regex_path(text: str) -> None:
    spans = [(s, e) for _, s, e in data.raw_tokens(text)]
    assert spans == [m.span() for m in data.TOKEN.finditer(text)]


def test_one_pass_tokens_equal_the_raw_token_path() -> None:
    from newsparse._lexicon import Lexicon
    from newsparse.parsers import _orgs_scan as scan

    org = data.org_data(Lexicon.default())
    pieces = [*"aZé\u0301 \t\n\x1c.-'’&/+,:()1ə\"“”?!", "St", "U.S", "Energy.The", "a" * 85]
    pieces += ["Report.az", "Ministry", "FC", "at", "SOCAR", "Inc", "Baku-based", "Jones", "s"]
    pieces += ["2.5", "Co", "the", "'s", "’s", "Corp", "...", "Mr", "中"]
    rnd = random.Random(11)
    for _ in range(20_000):
        text = "".join(
            rnd.choice(pieces) + rnd.choice(["", " ", "", "  "]) for _ in range(rnd.randint(0, 14))
        )
        start, stop, skips = goldcheck.random_region(rnd, text)
        fast = scan.tokenize(text, start, stop, skips, scan.WordCache(org))
        raw = data.raw_tokens(text, start, stop)
        assert fast == scan._raw_tokenize(raw, skips, scan.WordCache(org)), text


def test_plain_words_take_the_general_path_values() -> None:
    from newsparse._lexicon import Lexicon
    from newsparse.parsers import _orgs_scan as scan

    org = data.org_data(Lexicon.default())
    words = {"the", "at", "ministry", "company", "firm", "plc", "of", "said", "bank", "inc"}
    words |= {"commission", "council", "group", "agency", "university", "based", "x"}
    fast, general = scan.WordCache(org), scan.WordCache(org)
    fast.learn(words)
    general.learn_any(words)
    assert fast == general
