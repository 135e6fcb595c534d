"""The quotation parser's cheap trigger tests never skip a match of the pattern they guard."""

from __future__ import annotations

from newsparse.parsers import quotes as q


def test_label_reach_covers_the_longest_label() -> None:
    word = "A" + "b" * 30
    text = "     " + " ".join([word] * 3) + "  : answer"
    match = q._TURN_LABEL.match(text)
    assert match is not None
    colon = text.index(":")
    assert colon < q._LABEL_REACH
    longer = "     " + " ".join([word + "c"] * 3) + "  : answer"
    assert q._TURN_LABEL.match(longer) is None or longer.index(":") < q._LABEL_REACH


def test_turn_dash_stands_in_the_first_six_characters() -> None:
    for dash in "-–—―":
        for spaces in range(8):
            text = " " * spaces + dash + " answer"
            head = text[:6]
            if q._TURN_DASH.match(text) is not None:
                assert dash in head
