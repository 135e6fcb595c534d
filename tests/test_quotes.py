"""Quotations: the seeds' gold, our own fixtures, offsets, quote-mark pairing, bad input."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import newsparse
from newsparse.parsers._quotes_text import find_segments, sentence_units

from .goldcheck import (
    check_quotes,
    fixture_cases,
    load_gold,
    norm,
    parse_fixture,
    seed_cases,
)

QUOTE_FIXTURES = fixture_cases("quotes")
CASES = seed_cases() + QUOTE_FIXTURES
DATA_FILES = ("speech_verbs", "honorifics", "roles", "pronouns", "demonyms", "person_names")


def _id(case: tuple[Path, Path]) -> str:
    return case[0].stem


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_quotes_match_gold(case: tuple[Path, Path]) -> None:
    txt, gold_path = case
    gold = load_gold(gold_path)
    article = parse_fixture(txt, gold)
    problems = check_quotes(article, gold)
    assert not problems, "\n".join(problems)


def test_enough_fixtures_of_our_own() -> None:
    assert len(QUOTE_FIXTURES) >= 28
    kinds = set()
    for _, gold_path in QUOTE_FIXTURES:
        gold = load_gold(gold_path)
        assert gold.get("description"), gold_path.name
        kinds |= {q["kind"] for q in gold["quotes"]}
    assert kinds == {"direct", "indirect", "mixed"}


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_quote_offsets_point_at_their_words(case: tuple[Path, Path]) -> None:
    txt, gold_path = case
    article = parse_fixture(txt, load_gold(gold_path))
    text = article.text
    assert text is not None
    for quote in article.quotes:
        assert norm(text[quote.start : quote.end]) == norm(quote.text)
        paragraph = article.paragraphs[quote.paragraph]
        assert paragraph.start <= quote.start < paragraph.end
        if quote.cue is not None:
            assert norm(text[quote.cue.start : quote.cue.end]) == norm(quote.cue.text)
            assert quote.cue.text.strip()
        if quote.speaker is not None and quote.speaker.mention is not None:
            mention = quote.speaker.mention
            assert norm(text[mention.start : mention.end]) == norm(mention.text)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_attributed_quote_has_cue_and_mention(case: tuple[Path, Path]) -> None:
    txt, gold_path = case
    article = parse_fixture(txt, load_gold(gold_path))
    for quote in article.quotes:
        if quote.cue is not None and quote.speaker is not None and quote.kind != "direct":
            assert quote.speaker.mention is not None, quote.text[:40]


def test_cue_and_mention_of_a_told_trend_quote() -> None:
    text = (
        "The talks went well, Galina Niyazova, Russian expert, Ph.D. in Political Science, "
        "senior lecturer at Saint Petersburg State University, told Trend."
    )
    (quote,) = newsparse.parse(text).quotes
    assert quote.kind == "indirect"
    assert quote.text == "The talks went well"
    assert quote.cue is not None and quote.cue.text == "told Trend"
    speaker = quote.speaker
    assert speaker is not None
    assert speaker.name == "Galina Niyazova"
    assert speaker.role == (
        "Russian expert, Ph.D. in Political Science, senior lecturer at Saint Petersburg "
        "State University"
    )
    assert speaker.organisation == "Saint Petersburg State University"
    assert speaker.mention is not None and speaker.mention.text == "Galina Niyazova"


def test_pronoun_mention_is_kept_and_resolved() -> None:
    text = 'Minister Omar Haddad opened the bridge.\n\n"It took ten years to build," he said.'
    (quote,) = newsparse.parse(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Omar Haddad"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "he"


# -- quote marks --------------------------------------------------------------------------


def _segments(text: str) -> list[str]:
    paragraphs = []
    pos = 0
    for block in text.split("\n\n"):
        paragraphs.append((pos, pos + len(block)))
        pos += len(block) + 2
    return [text[s.start : s.end] for s in find_segments(text, paragraphs)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('He said "yes, we will" and left.', ["yes, we will"]),
        ("He said “yes, we will” and left.", ["yes, we will"]),
        ("Er sagte „ja, wir werden“ und ging.", ["ja, wir werden"]),
        ("Il a dit « oui, nous le ferons » et il est parti.", ["oui, nous le ferons"]),
        ("He said ``yes, we will'' and left.", ["yes, we will"]),
        ("‘We’re done,’ she said.", ["We’re done"]),
        ("The ministers’ meeting ended. ‘It was long,’ he said.", ["It was long"]),
        ('"Outer ‘inner’ words," he said.', ["Outer ‘inner’ words"]),
    ],
)
def test_quote_mark_styles(text: str, want: list[str]) -> None:
    assert _segments(text) == want


def test_stray_mark_costs_only_its_own_segment() -> None:
    text = 'A stray " mark here.\n\n"A real quote," she said.\n\nAnother "quoted phrase" here.'
    segments = _segments(text)
    assert "A real quote" in segments
    assert "quoted phrase" in segments


def test_quote_continued_over_paragraphs() -> None:
    text = '"First paragraph of the quote.\n\n"Second paragraph," he said.'
    paragraphs = [(0, 30), (32, len(text))]
    first, second = find_segments(text, paragraphs)
    assert first.continues_next and not first.closed
    assert second.continued_from == 0 and second.closed


def test_quote_closed_paragraphs_later_is_one_segment() -> None:
    text = '"It opens here\nand goes on.\n\nIt closes here", he added.'
    paragraphs = [(0, 27), (29, len(text))]
    (segment,) = find_segments(text, paragraphs)
    assert segment.closed and segment.paragraph == 0 and segment.last_paragraph == 1
    assert text[segment.start : segment.end].endswith("It closes here")


def test_sentence_units_keep_quotes_whole() -> None:
    text = '"It is late. We go," he said. Then he left.'
    units = sentence_units(text, 0, len(text), frozenset({"Mr."}), [(0, 20)])
    assert [text[a:b] for a, b in units] == ['"It is late. We go," he said.', "Then he left."]


# -- bad input ----------------------------------------------------------------------------


def test_thousands_of_unmatched_marks_still_give_the_real_quote() -> None:
    noise = " ".join(f'w{i} "open' for i in range(5000))
    text = f'{noise}\n\n"This one is real and closed," Anna Berg said.\n'
    article = newsparse.parse(text)
    real = [q for q in article.quotes if q.text.startswith("This one is real")]
    assert len(real) == 1
    assert real[0].speaker is not None and real[0].speaker.name == "Anna Berg"
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)


def test_one_huge_paragraph_parses() -> None:
    sentence = 'The minister said that prices rose again. "We act now," he added. '
    text = sentence * 20000  # about 1.2 million characters, one paragraph
    article = newsparse.parse(text)
    assert len(article.quotes) == 40000
    assert article.quotes[-1].end <= len(text)


def test_runs_of_marks_are_not_quotes() -> None:
    article = newsparse.parse('"' * 100_000 + "\n\n" + "“ " * 50_000)
    assert article.quotes == ()


# -- data files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_are_valid(name: str) -> None:
    raw = resources.files("newsparse").joinpath("data", f"{name}.json").read_text("utf-8")
    data = json.loads(raw)
    assert isinstance(data.get("description"), str) and len(data["description"]) > 40
    for key, value in data.items():
        assert isinstance(value, (str, list, dict)), key
        if isinstance(value, list):
            assert all(isinstance(v, str) and v.strip() for v in value), key


def test_speech_verb_forms_are_lists_of_words() -> None:
    verbs = newsparse.Lexicon.default().get("speech_verbs")["verbs"]
    for lemma, forms in verbs.items():
        assert forms and all(f == f.strip() and f.islower() for f in forms), lemma


def test_users_can_add_a_speech_verb() -> None:
    text = "Coach Ian Moss opined that the team had never played better."
    assert not newsparse.parse(text).quotes
    lexicon = newsparse.Lexicon.default().extend(
        "speech_verbs", {"verbs": {"opine": ["opine", "opines", "opined"]}}
    )
    (quote,) = newsparse.parse(text, lexicon=lexicon).quotes
    assert quote.text == "the team had never played better"
    assert quote.speaker is not None and quote.speaker.name == "Ian Moss"
