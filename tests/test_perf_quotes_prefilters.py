"""The quotation parser's cheap trigger tests never skip a match of the pattern they guard."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsparse
from newsparse.parsers import quotes as q

ROOT = Path(__file__).resolve().parents[1]
_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
]


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


def test_could_be_never_hides_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[object, int, int, object]] = []
    original = q._description_at_end

    def recording(ctx: q._Context, lo: int, hi: int) -> object:
        found = original(ctx, lo, hi)
        seen.append((ctx, lo, hi, found))
        return found

    monkeypatch.setattr(q, "_description_at_end", recording)
    monkeypatch.setattr(q, "_could_be", lambda *_: True)  # every window is asked
    for text in _TEXTS:
        newsparse.parse(text)
    monkeypatch.undo()
    kinds = set()
    for ctx, lo, hi, found in seen:
        if found is None:
            continue
        kind = found.kind  # type: ignore[attr-defined]
        kinds.add(kind)
        if kind == "organisation":
            assert q._could_be(ctx, lo, hi, q._ORG)  # type: ignore[arg-type]
        if kind in ("description", "group"):
            assert q._could_be(ctx, lo, hi, q._PEOPLE)  # type: ignore[arg-type]
    assert {"organisation", "description"} <= kinds


def test_unchanged_person_is_kept_and_changed_one_rebuilt() -> None:
    from newsparse._model import Person, Span
    from newsparse.parsers.people import PersonRecord

    first, second = Span("Ann Lee", 0, 7), Span("Lee", 20, 23)
    person = Person("Ann Lee", ("mayor",), (first, second))
    same = PersonRecord("Ann Lee", ["mayor"], [first, second])
    assert q._unchanged(person, same)
    added = PersonRecord("Ann Lee", ["mayor"], [first, second, Span("she", 30, 33)])
    assert not q._unchanged(person, added)
    assert not q._unchanged(person, PersonRecord("Ann Lee", ["mayor", "x"], [first, second]))
    assert not q._unchanged(person, PersonRecord("Ann B. Lee", ["mayor"], [first, second]))
    unordered = Person("Ann Lee", (), (second, first))
    assert not q._unchanged(unordered, PersonRecord("Ann Lee", [], [second, first]))


def test_no_noun_pattern_match_holds_a_match_stop() -> None:
    import random

    from newsparse import Lexicon
    from newsparse.parsers._names import name_lex
    from newsparse.parsers._quotes_fast import quote_lex

    lex = name_lex(Lexicon.default())
    stops = quote_lex(Lexicon.default()).match_stops
    assert stops is not None
    patterns = [lex.document_re, lex.description_re, lex.group_re, lex.organisation_re]
    patterns += [lex.agency_re] if lex.agency_re is not None else []
    rng = random.Random(4)
    found = 0
    for text in _TEXTS[:150]:
        ends = [m.end() for m in q._WORD.finditer(text)]
        for hi in rng.sample(ends, min(len(ends), 12)):
            for start in q._word_starts(text, max(0, hi - 300), hi):
                for pattern in patterns:
                    match = pattern.fullmatch(text, start, hi)
                    if match is not None:
                        found += 1
                        assert stops.search(text, start, hi) is None, match.group()
    assert found > 20


def test_an_agency_match_is_one_of_the_names() -> None:
    from newsparse import Lexicon
    from newsparse.parsers._names import name_lex
    from newsparse.parsers._quotes_fast import clean, quote_lex

    lex = name_lex(Lexicon.default())
    names = quote_lex(Lexicon.default()).agency_names
    assert lex.agency_re is not None
    texts = [
        *_TEXTS,
        "Reuters  said; the Associated\\nPress; AZERTAC\\u00a0reports; Trend  News Agency",
    ]
    found = 0
    for text in texts:
        for match in lex.agency_re.finditer(text):
            found += 1
            assert clean(match.group()) in names, match.group()
            assert lex.agency_re.fullmatch(text, match.start(), match.end()) is not None
    assert found > 20


def test_no_name_ends_with_a_word_that_is_no_name() -> None:
    import random

    from newsparse import Lexicon
    from newsparse.parsers._names import name_lex

    lex = name_lex(Lexicon.default())
    rng = random.Random(6)
    extra = "Mr Smith Ministry; John University; Gen Nakatani; Dr. Lee Group; De Gaulle De"
    skipped = 0
    for text in [*_TEXTS, extra]:
        ends = [m.end() for m in q._WORD.finditer(text)]
        for end in rng.sample(ends, min(len(ends), 40)):
            lo = max(0, end - 160)
            word = text[max(lo, text.rfind(" ", lo, end) + 1) : end]
            if word.isalpha() and word not in lex.dot_required and lex.is_not_name(word):
                skipped += 1
                hits = lex.name_hits(text, lo, end)
                assert not hits or hits[-1].end != end, (word, hits[-1])
    assert skipped > 100
