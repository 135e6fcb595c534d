"""The fused run search of name_hits finds the runs of ``NameLex._runs``."""

from __future__ import annotations

import random

from newsparse._lexicon import Lexicon
from newsparse.parsers._names import NameLex, name_lex

from .goldcheck import FIXTURES, SEEDS


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt"))
    made = [
        "Commission chief Ursula von der Leyen said, and Mohammed Shia al-Sudani agreed.",
        "de Gaulle, van Dijk and bin Salman met Abu Dhabi's al-Nahyan; y Gasset and Le Pen.",
        " von der Leyen",
        "-al-Sudani",
        "x al-Sudani",
        "Mr von Trapp",
        "the Von Trapp",
    ]
    return [p.read_text(encoding="utf-8") for p in paths] + made


def test_run_list_equals_runs() -> None:
    lex = name_lex(Lexicon.default())
    rng = random.Random(5)
    for text in _texts():
        windows = [(0, len(text))]
        for _ in range(40):
            hi = rng.randrange(len(text) + 1)
            windows.append((max(0, hi - rng.randint(0, 300)), hi))
        for lo, hi in windows:
            assert lex._run_list(text, lo, hi) == list(lex._runs(text, lo, hi)), (lo, hi)


def test_plain_single_rejects_are_single_words() -> None:
    lex = name_lex(Lexicon.default())
    assert lex._plain_single_rejects
    assert lex._plain_single_rejects <= lex._single_rejects
    assert all(w.split() == [w] for w in lex._plain_single_rejects)


def test_is_role_phrase_prefilter_changes_nothing() -> None:
    lex = name_lex(Lexicon.default())
    slow = NameLex(Lexicon.default())
    slow.__dict__["_role_prefixes"] = None  # no shortcut: role_in_text_re.finditer
    phrases = [
        "senior lecturer at Saint Petersburg State University",
        "the company's director",
        "Ph.D. in Political Science",
        "met the company's director",
        "a (former) deputy prime minister",
        "Russian expert",
        "speaking with reporters",
    ]
    for text in _texts():
        phrases.extend(p.strip() for p in text.replace(".", ",").split(","))
    for phrase in phrases:
        assert lex.is_role_phrase(phrase) == slow.is_role_phrase(phrase), phrase


def test_is_not_name_of_a_letters_only_word() -> None:
    # _split_run's inline form of is_not_name for words of letters only.
    lex = name_lex(Lexicon.default())
    words = {w for text in _texts() for w in text.split() if w.isalpha()}
    words |= {w.upper() for w in list(words)[:200]} | set(lex.honorifics) | set(lex.not_name)
    for word in sorted(w for w in words if w.isalpha()):
        inline = (
            word in lex._not_name_exact
            or word.casefold() in lex._not_name_folded
            or word in lex.honorifics
            or (word.isupper() and len(word) > 1)
        )
        assert inline == lex.is_not_name(word), word
