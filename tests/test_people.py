"""People: names found with their roles, short and misspelt forms merged."""

from __future__ import annotations

import newsparse
from newsparse._lexicon import Lexicon
from newsparse.parsers._names import name_lex
from newsparse.parsers.people import PersonRecord, match_person

from .goldcheck import SEEDS, SHARED_GOLD, load_gold, parse_fixture


def _people(text: str) -> dict[str, newsparse.Person]:
    return {p.name: p for p in newsparse.parse(text).people}


def _seed(stem: str) -> dict[str, newsparse.Person]:
    gold = load_gold(SHARED_GOLD / f"{stem}.json")
    return {p.name: p for p in parse_fixture(SEEDS / f"{stem}.txt", gold).people}


def test_misspelt_and_short_forms_join_the_full_name() -> None:
    people = _seed("001_b20a8cd9ccc54039")
    karimli = people["Sahil Karimli"]
    assert [m.text for m in karimli.mentions][:3] == ["Sahil Karimli", "S.Kariml", "Karimli"]
    assert "political commentator" in karimli.roles
    assert not {"S.Kariml", "Kariml", "Karimli"} & set(people)


def test_role_apposition_and_role_before_name() -> None:
    people = _seed("003_1fe460e9cd23f042")
    assert people["Elkhan Alasgarov"].roles[0] == "Head of the expert council of Baku Network"
    assert any("political commentator" in r for r in people["Arzu Nagiyev"].roles)
    assert "Russia's President" in people["Vladimir Putin"].roles
    niyazova = _seed("002_8d831bff95d77092")["Galina Niyazova"]
    assert niyazova.roles[0].startswith("Russian expert, Ph.D. in Political Science")


def test_patronymic_forms_are_the_same_person() -> None:
    people = _seed("004_44103dff5f1d34f9")
    assert "Ilham Heydarovich Aliyev" in [m.text for m in people["Ilham Aliyev"].mentions]
    assert "Ilham Heydarovich Aliyev" not in people
    assert "Dmitry Ivanovich" in [m.text for m in people["Dmitry Saveliev"].mentions]


def test_places_and_organisations_are_not_people() -> None:
    people = _seed("004_44103dff5f1d34f9")
    for not_a_person in ("Baku", "St. Petersburg", "Petersburg", "State Duma", "Milli Majlis"):
        assert not_a_person not in people
    assert "Alexander Beglov" in people


def test_mentions_point_at_their_words() -> None:
    text = "Mr. John Smith, the mayor, spoke. Smith said he was happy. Later Smith left."
    person = _people(text)["John Smith"]
    for mention in person.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert len(person.mentions) == 3


def test_pronouns_and_descriptions_become_mentions_when_they_are_speakers() -> None:
    text = (
        "Political analyst Rena Mirza spoke to reporters.\n\n"
        '"The vote will be close," she said.\n\n'
        "The analyst said that turnout would decide it."
    )
    person = _people(text)["Rena Mirza"]
    assert [m.text for m in person.mentions] == ["Rena Mirza", "she", "The analyst"]


def test_nickname_inside_a_name() -> None:
    people = _people('Former champion Jose "Pepe" Garcia said he would fight again.')
    assert "Jose Garcia" in people


def test_match_person_by_prefix_initial_and_edit_distance() -> None:
    lex = name_lex(Lexicon.default())
    persons = [PersonRecord("Sahil Karimli"), PersonRecord("Galina Niyazova")]
    assert match_person("S.Kariml", persons, lex) is persons[0]
    assert match_person("Karimly", persons, lex) is persons[0]
    assert match_person("Niyazova", persons, lex) is persons[1]
    assert match_person("G. Niyazova", persons, lex) is persons[1]
    assert match_person("Ivanov", persons, lex) is None
    assert match_person("K.Kariml", persons, lex) is None  # a clipped name needs its initial


def test_gender_from_honorifics_and_surnames() -> None:
    lex = name_lex(Lexicon.default())
    assert lex.gender_of("Galina Niyazova") == "female"
    assert lex.gender_of("Olof Berg", "Mr") == "male"
    assert lex.gender_of("Sam Lee") is None
