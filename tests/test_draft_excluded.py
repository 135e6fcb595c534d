"""``Draft.is_excluded`` answers like a scan of every excluded span, as spans are added."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._draft import Draft

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 60))


def _scan(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e and s < e for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(batches=st.lists(st.lists(_SPAN, max_size=6), min_size=1, max_size=4), query=_SPAN)
def test_is_excluded_equals_a_scan_of_the_spans(
    batches: list[list[tuple[int, int]]], query: tuple[int, int]
) -> None:
    draft = Draft("x" * 80)
    for batch in batches:  # spans added between queries rebuild the index
        for span in batch:
            draft.exclude(*span)
        assert draft.is_excluded(*query) == _scan(draft.excluded, *query)


def test_body_lines_skip_excluded_lines_of_a_long_menu() -> None:
    text = "Headline\n" + "\n".join(["Home", "News"] * 2000) + "\nThe body."
    draft = Draft(text)
    for line in draft.lines[1:-1]:
        draft.exclude(line.start, line.end)
    body = draft.body_lines()
    assert [text[ln.start : ln.end] for ln in body] == ["Headline", "The body."]
