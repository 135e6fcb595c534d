"""People guards the quote speakers rely on (round 4 classes)."""

from __future__ import annotations

from pathlib import Path

import newsparse

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


def _people(name: str) -> list[str]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return [p.name for p in newsparse.parse(text).people]


def test_place_after_in_before_an_apposition_is_no_person() -> None:
    assert _people("place_before_apposition") == ["Oleh Kravets"]


def test_family_name_before_hyphenated_given_name_is_one_person() -> None:
    people = _people("hyphenated_given_names")
    assert "Tsang Mei-ling" in people
    assert "Joseph Ho Wing-kit" in people
    assert "Tsang" not in people
    assert "Ho" not in people


def test_honorific_mdm_is_not_part_of_the_name() -> None:
    assert "Siti Rahimah" in _people("honorific_and_place_title")
