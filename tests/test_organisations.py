"""Organisations: seeds, own fixtures, offsets, merging, data files and extension."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsparse
from newsparse import Lexicon
from newsparse.parsers._orgs_data import KINDS, org_data
from tests import goldcheck

ORG_FIXTURES = goldcheck.FIXTURES / "organisations"
DATA = Path(newsparse.__file__).parent / "data"


def _cases() -> list[tuple[Path, Path]]:
    return goldcheck.seed_cases() + goldcheck.fixture_cases("organisations")


def _orgs(text: str, lexicon: Lexicon | None = None) -> dict[str, newsparse.Organisation]:
    article = newsparse.parse(text, lexicon=lexicon)
    return {o.name: o for o in article.organisations}


@pytest.mark.parametrize(("txt", "gold"), _cases(), ids=lambda p: p.stem)
def test_gold_organisations(txt: Path, gold: Path) -> None:
    data = goldcheck.load_gold(gold)
    article = goldcheck.parse_fixture(txt, data)
    assert goldcheck.check_organisations(article, data) == []


def test_enough_fixtures_with_organisations() -> None:
    cases = goldcheck.fixture_cases("organisations")
    assert len(cases) >= 28
    for txt, gold in cases:
        assert txt.exists(), txt
        data = goldcheck.load_gold(gold)
        assert "organisations" in data, gold
        assert data.get("description"), gold


@pytest.mark.parametrize(("txt", "gold"), _cases(), ids=lambda p: p.stem)
def test_mention_offsets(txt: Path, gold: Path) -> None:
    article = goldcheck.parse_fixture(txt, goldcheck.load_gold(gold))
    text = article.text
    assert text is not None
    for org in article.organisations:
        assert org.kind in KINDS
        assert org.mentions, org.name
        for mention in org.mentions:
            assert text[mention.start : mention.end] == mention.text
        starts = [m.start for m in org.mentions]
        assert starts == sorted(starts)
        assert len(set(starts)) == len(starts)


@pytest.mark.parametrize(("txt", "gold"), _cases(), ids=lambda p: p.stem)
def test_one_organisation_per_name(txt: Path, gold: Path) -> None:
    article = goldcheck.parse_fixture(txt, goldcheck.load_gold(gold))
    names = [o.name.casefold() for o in article.organisations]
    assert len(names) == len(set(names))
    spans = [(m.start, m.end) for o in article.organisations for m in o.mentions]
    assert len(spans) == len(set(spans))


def test_boilerplate_footer_is_not_searched() -> None:
    text = (
        "The Ministry of Economy of Azerbaijan said exports rose.\n\n"
        "---\n\n"
        "Follow us on Twitter @AzerNewsAz\n"
    )
    article = newsparse.parse(text)
    assert [o.name for o in article.organisations] == ["Ministry of Economy of Azerbaijan"]
    for org in article.organisations:
        for mention in org.mentions:
            assert not any(b.start <= mention.start < b.end for b in article.boilerplate)


def test_byline_credit_is_not_a_mention_but_source_line_is() -> None:
    text = " date 2019-10-06 By Trend\n\nThe forum opened in Baku, AZERTAC reported.\n"
    assert set(_orgs(text)) == {"AZERTAC"}
    text = " date 2024-08-21 (MENAFN- AzerNews)\nThe meeting was held in Baku.\n"
    assert set(_orgs(text)) == {"MENAFN", "AzerNews"}


def test_body_line_starting_with_by_is_not_a_byline() -> None:
    text = (
        "Exports rose in the first quarter, officials said on\n"
        "Tuesday.\n\n"
        "By Monday, the Central Bank of Azerbaijan had cut\n"
        "its rate, and the Prime Minister's Office said so.\n"
    )
    assert set(_orgs(text)) == {"Central Bank of Azerbaijan", "Prime Minister's Office"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The trend of rising prices will continue, he said.",
        "Trend lines show a decline in imports this year.",
        "This is a positive trend for the region.",
    ],
)
def test_trend_the_common_noun(sentence: str) -> None:
    assert _orgs(sentence) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister told Trend that talks would resume.",
        "Trend reports that the talks will resume in May.",
        "Speaking to Trend, the analyst said the talks would resume.",
        "The talks will resume in May, the ministry told the Trend news agency.",
    ],
)
def test_trend_the_agency(sentence: str) -> None:
    orgs = _orgs(sentence)
    assert "Trend" in orgs
    assert orgs["Trend"].kind == "media"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The bank kept its rate unchanged, Report informs.", True),
        ("The minister told Report that exports rose.", True),
        ("The ministry published its Report on trade.", False),
        ("The Annual Report was published on Monday.", False),
    ],
)
def test_report_needs_a_source_cue(sentence: str, found: bool) -> None:
    assert ("Report" in _orgs(sentence)) is found


def test_possessive_and_adjective_forms_merge() -> None:
    text = (
        "Azerbaijan's Economy Ministry said exports grew. "
        "Later the Azerbaijani Economy Ministry published the figures."
    )
    orgs = _orgs(text)
    assert list(orgs) == ["Azerbaijani Economy Ministry"]
    assert len(orgs["Azerbaijani Economy Ministry"].mentions) == 2


def test_different_countries_do_not_merge() -> None:
    text = (
        "The Russian Economy Ministry and the Azerbaijani Economy Ministry signed a plan. "
        "Azerbaijan's Economy Ministry said it would take a year."
    )
    orgs = _orgs(text)
    assert set(orgs) == {"Russian Economy Ministry", "Azerbaijani Economy Ministry"}
    assert len(orgs["Azerbaijani Economy Ministry"].mentions) == 2


def test_ministry_word_order_variants_merge() -> None:
    text = (
        "The Ministry of Foreign Affairs of Azerbaijan issued a statement. "
        "The Azerbaijani Foreign Ministry later summoned the ambassador."
    )
    orgs = _orgs(text)
    assert list(orgs) == ["Ministry of Foreign Affairs of Azerbaijan"]
    assert orgs["Ministry of Foreign Affairs of Azerbaijan"].aliases == (
        "Azerbaijani Foreign Ministry",
    )


def test_defined_acronym_links_and_short_form_refers_back() -> None:
    text = (
        "The State Committee for Urban Planning (SCUPA) approved the plan. "
        "SCUPA said the Committee would publish it. The committee meets in May."
    )
    orgs = _orgs(text)
    org = orgs["State Committee for Urban Planning"]
    assert org.acronym == "SCUPA"
    assert [m.text for m in org.mentions] == [
        "State Committee for Urban Planning",
        "SCUPA",
        "SCUPA",
        "Committee",
        "committee",
    ]


def test_lowercase_reference_needs_a_single_antecedent() -> None:
    text = "The Ministry of Energy and the Ministry of Economy met. The ministry said nothing."
    orgs = _orgs(text)
    assert all(len(o.mentions) == 1 for o in orgs.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Galina Niyazova spoke in Moscow on Monday.",
        "The Russia-Azerbaijan Interregional Forum opened in Baku.",
        "The Declaration on Allied Cooperation was signed in 2022.",
        "The Baikal-Amur Mainline was built in the 1970s.",
        "The Soviet Union and the Russian Federation are not companies.",
        "The Treaty on the Non-Proliferation of Nuclear Weapons entered into force.",
        "The Shusha Global Media Forum and the Baku Energy Week start in June.",
        "He met the Deputy Prime Minister of the Republic of Azerbaijan.",
        "The UEFA Champions League final will be played in Baku.",
    ],
)
def test_not_organisations(sentence: str) -> None:
    orgs = _orgs(sentence)
    assert not (set(orgs) - {"UEFA"}), orgs


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The Baku-based Caspian Policy Center said so.", {"Caspian Policy Center"}),
        ("Prices rose, according to data firm Tankerlytics.", {"Tankerlytics"}),
        ("Norvik Analytics, a Geneva-based consultancy, agreed.", {"Norvik Analytics"}),
        ("Anna Berg, a director at the bank, agreed.", set()),
        ("Economists at the Kiel institute expect growth.", {"Kiel"}),
        ("The ruling Georgian Dream party won.", {"Georgian Dream"}),
        ("The Champions League group stage starts.", set()),
        ("BUSINESS WIRE reported the deal.", {"Business Wire"}),
        (
            "The Ministry of Energy and Azerbaijan Investment Company signed.",
            {"Ministry of Energy", "Azerbaijan Investment Company"},
        ),
        (
            "The National Oceanic and Atmospheric Administration warned.",
            {"National Oceanic and Atmospheric Administration"},
        ),
    ],
)
def test_names_from_context(sentence: str, names: set[str]) -> None:
    assert set(_orgs(sentence)) == names


def test_transliterated_acronym_is_defined_too() -> None:
    text = (
        "The Communist Party of the Russian Federation (KPRF) voted against. "
        "KPRF deputies left the hall. Reuters (AP) was not involved."
    )
    orgs = _orgs(text)
    assert orgs["Communist Party of the Russian Federation"].acronym == "KPRF"
    assert len(orgs["Communist Party of the Russian Federation"].mentions) == 3
    assert orgs["Reuters"].acronym is None


def test_in_phrase_belongs_to_a_name_only_before_its_acronym() -> None:
    text = (
        "The UN Mission in South Sudan (UNMISS) and the Russian Trade Mission in "
        "Azerbaijan met. UNMISS said so."
    )
    orgs = _orgs(text)
    assert set(orgs) == {"UN Mission in South Sudan", "Russian Trade Mission"}
    assert orgs["UN Mission in South Sudan"].acronym == "UNMISS"
    assert len(orgs["UN Mission in South Sudan"].mentions) == 3


def test_extend_known_organisations_and_heads() -> None:
    text = "Acme Widgets expanded, and the Baku Guild of Weavers welcomed it."
    assert _orgs(text) == {}
    lexicon = (
        Lexicon.default()
        .extend("organisations", {"organisations": [{"name": "Acme Widgets", "kind": "company"}]})
        .extend("org_heads", {"heads": {"Guild": "ngo"}})
    )
    orgs = _orgs(text, lexicon)
    assert orgs["Acme Widgets"].kind == "company"
    assert orgs["Baku Guild of Weavers"].kind == "ngo"


def test_extend_exclusions() -> None:
    text = "The Caspian Trade Center opened its doors in Baku."
    assert "Caspian Trade Center" in _orgs(text)
    lexicon = Lexicon.default().extend("org_exclusions", {"names": ["Caspian Trade Center"]})
    assert _orgs(text, lexicon) == {}


def test_extend_acronyms() -> None:
    text = "Officials of the XYZO met in Geneva."
    assert _orgs(text) == {}
    lexicon = Lexicon.default().extend(
        "acronyms",
        {"acronyms": {"XYZO": {"name": "Xylophone Organisation", "kind": "ngo"}}},
    )
    orgs = _orgs(text, lexicon)
    assert orgs["XYZO"].acronym == "XYZO"
    assert orgs["XYZO"].kind == "ngo"


def test_compiled_once_per_lexicon() -> None:
    lexicon = Lexicon.default()
    assert org_data(lexicon) is org_data(lexicon)


@pytest.mark.parametrize("name", ["org_heads", "organisations", "acronyms", "org_exclusions"])
def test_data_files_are_valid(name: str) -> None:
    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    assert isinstance(data.get("description"), str) and data["description"]
    compiled = org_data(Lexicon.default())
    for entry in compiled.entries:
        assert entry.kind in KINDS, entry
    assert set(compiled.heads.values()) <= KINDS


def test_long_capitalised_runs_are_linear() -> None:
    # Bounded extensions: a pathological run of capitalised words and heads parses at once.
    text = ("Council of " * 2000) + "Ministers. " + ("Alpha Beta, " * 2000) + "and Gamma Union."
    article = newsparse.parse(text)
    assert article.organisations
