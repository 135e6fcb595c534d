"""raw_tokens gives TOKEN's tokens, also where its faster pattern is not exact."""

from __future__ import annotations

import pytest

from newsparse.parsers._orgs_data import TOKEN, raw_tokens


def _token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100,  # longer than TOKEN's bound: cut after 81 characters
        "a" * 81 + "+b",
        "x" * 80 + "-" + "y" * 30,
        "-".join(["ab"] * 60),
        "St. Petersburg State University and U.S. Steel Corp. said",
        "Energy.The company, Report.az and AT&T/Verizon's C++ team",
        "café\u0301 naïve Zürich",
    ],
)
def test_same_tokens_as_the_token_pattern(text: str) -> None:
    spans = [(s, e) for _, s, e in raw_tokens(text)]
    words = [w for w, _, _ in raw_tokens(text)]
    if "." not in text:
        assert spans == _token_spans(text)
    assert all(text[s:e] == w for w, (s, e) in zip(words, spans, strict=True))


def test_long_words_are_cut_where_token_cuts_them() -> None:
    assert raw_tokens("a" * 100) == [("a" * 81, 0, 81), ("a" * 19, 81, 100)]


def test_abbreviations_join_their_dot() -> None:
    words = [w for w, _, _ in raw_tokens("St. Petersburg. Mr. Smith of U.S. Inc. left.")]
    assert words == ["St.", "Petersburg", ".", "Mr.", "Smith", "of", "U.S.", "Inc.", "left", "."]
