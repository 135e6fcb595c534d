"""The narrowed boilerplate line matcher gives exactly the answers of the full alternation."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsparse import Lexicon
from newsparse._text import iter_lines
from newsparse.parsers._boilerplate import (
    _MAX_DISPATCH,
    _MAX_PATTERNS,
    _MAX_PREFIXES,
    _SPACES,
    BoilerplateRules,
    boilerplate_rules,
    required_word,
)

ROOT = Path(__file__).resolve().parent.parent


def _full_kind(rules: BoilerplateRules, text: str) -> str | None:
    if not text or len(text) > rules.max_length:
        return None
    match = rules.line.fullmatch(_SPACES.sub(" ", text))
    if match is None or match.lastgroup is None:
        return None
    return rules.group_kinds[match.lastgroup]


LINES = [
    "Comments are closed.",
    "© 2024 Trend News Agency. All rights reserved.",
    "Trend News Agency 2024. ALL RIGHTS RESERVED",
    "We use cookies to improve your experience.",
    "Subscribe to our channel on Telegram",
    "Jane Doe contributed to this report.",
    "This website contains only a portion of the original article.",
    "Join our group on WhatsApp for more",
    "ALL RİGHTS RESERVED",  # dotted capital I folds to i
    "all rightſ reserved",  # long s folds to s
    "Share\tthis  article",
    "Share\u00a0this article",
    "The minister said the talks would resume on Monday.",
    '"We are ready," he said.',
    "###",
    "- 30 -",
    "MENAFN12345678ID123456789",
    "About Acme Corp.",
    "x",
    "ı",
]


@pytest.fixture(scope="module")
def rules() -> BoilerplateRules:
    return boilerplate_rules(Lexicon.default())


@pytest.mark.parametrize("line", LINES)
def test_same_kind_as_full_alternation(rules: BoilerplateRules, line: str) -> None:
    assert rules.kind(line) == _full_kind(rules, line)


def test_same_kind_on_every_corpus_line(rules: BoilerplateRules) -> None:
    files = (
        sorted((ROOT / "seeds").glob("*.txt"))
        + sorted((ROOT / "tests" / "fixtures").glob("**/*.txt"))
        + sorted((ROOT / "benchmarks" / "corpus").glob("**/*.txt"))
    )
    checked = found = 0
    for path in files:
        for line in iter_lines(path.read_text("utf-8", errors="replace")):
            text = line.stripped
            expected = _full_kind(rules, text)
            assert rules.kind(text) == expected, text
            checked += 1
            found += expected is not None
    assert checked > 1000
    assert found > 20


def test_prefixes_of_every_length_agree(rules: BoilerplateRules) -> None:
    # one- and two-character lines, and lines whose first characters open a branch
    probes = ["©", "©2", "#", "##", "-", "- 3", "Co", "Com", "ALL", "all", "İ", "ſ", "K"]
    for line in probes + [line + " x" for line in LINES if line] + LINES:
        assert rules.kind(line) == _full_kind(rules, line), line


def test_narrowing_caches_are_bounded() -> None:
    rules = boilerplate_rules(Lexicon.default().extend("boilerplate", {}))
    dispatch = rules._dispatch
    for i in range(_MAX_PREFIXES + 500):
        prefix = chr(0x4E00 + i % 3000) + chr(0x41 + i % 26) + chr(0x61 + i // 3000 % 26)
        line = prefix + " comments are closed"
        assert rules.kind(line) == _full_kind(rules, line)
    assert len(dispatch.by_prefix) <= _MAX_PREFIXES
    assert len(dispatch.by_first) <= _MAX_DISPATCH
    assert len(dispatch.by_branches) <= _MAX_PATTERNS


def test_expected_kinds(rules: BoilerplateRules) -> None:
    assert rules.kind("© 2024 Trend News Agency. All rights reserved.") == "copyright"
    assert rules.kind("ALL RİGHTS RESERVED") == "copyright"
    assert rules.kind("Jane Doe contributed to this report.") == "credits"
    assert rules.kind("The minister said the talks would resume on Monday.") is None


def test_extended_lexicon_patterns_are_used() -> None:
    lexicon = Lexicon.default().extend(
        "boilerplate", {"lines": {"advert": [r".{0,40}\bsponsored\sby\b.{0,80}"]}}
    )
    rules = boilerplate_rules(lexicon)
    assert rules.kind("This feature is sponsored by Acme") == "advert"
    assert rules.kind("Nothing to see here today") is None


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        (r".{0,200}\ball\srights\sreserved\b.{0,100}", "reserved"),
        (r"(?:\d{1,6}\s)?comments?(?:\s\(\d{1,6}\))?:?", "comment"),
        (r"MENAFN\d{6,30}ID\d{6,30}", "menafn"),
        (r"foo|barbaz", None),
        (r"(?i)website", None),
        (r"\x41bcdef", None),
        (r"ab", None),
        (r"[abc]{2}xyz", "xyz"),
        (r"abcd?", "abc"),
    ],
)
def test_required_word(pattern: str, word: str | None) -> None:
    assert required_word(pattern) == word
