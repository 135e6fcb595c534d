"""Word lists compiled as a prefix tree match exactly as the flat alternation."""

from __future__ import annotations

import pytest
import regex

from newsparse.parsers._names import _tree_alternation

WORDS = ["said", "said that", "say", "says", "told", "told reporters", "attaché", "Attachés"]
TEXTS = [
    "He said that it was over.",
    "He said  that it was over.",  # two spaces: \s{1,3}
    "She SAID THAT it was over.",
    "They told reporters on Monday",
    "The attaché said",
    "Two ATTACHÉS told",
    "nothing to see",
    "",
]


def _flat(words: list[str], flags: str) -> str:
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s{1,3}") for p in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _results(source: str, text: str) -> list[tuple[tuple[int, int], str]]:
    pattern = regex.compile(r"(?<![\p{L}])" + source + r"(?P<next>\s{1,3}\p{L}{1,20})?")
    return [(m.span(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("flags", ["", "i"])
@pytest.mark.parametrize("text", TEXTS)
def test_tree_matches_like_the_flat_alternation(flags: str, text: str) -> None:
    tree = _tree_alternation(sorted(set(WORDS), key=len, reverse=True), flags)
    assert tree is not None
    assert _results(tree, text) == _results(_flat(WORDS, flags), text)


def test_longest_word_first() -> None:
    tree = _tree_alternation(["said that", "said"], "")
    assert tree is not None
    match = regex.match(tree, "said that")
    assert match is not None and match.group() == "said that"


@pytest.mark.parametrize(
    "words", [["a  b"], [" lead"], ["trail "], ["tab\tbed"]], ids=["double", "lead", "trail", "tab"]
)
def test_irregular_spacing_keeps_the_flat_list(words: list[str]) -> None:
    assert _tree_alternation(words, "") is None


def test_no_words_keeps_the_flat_list() -> None:
    assert _tree_alternation([], "i") is None
