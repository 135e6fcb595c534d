"""Header parser: seeds and header fixtures, dates, bylines, datelines, extensibility."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newsparse
from newsparse import Lexicon
from newsparse.parsers._agencies import agency_index
from newsparse.parsers._bylines import name_tools
from newsparse.parsers._dates import infer_year, read_date_line
from newsparse.parsers.header import parse_byline, title_like

from .goldcheck import check_header, fixture_cases, load_gold, parse_fixture, seed_cases

CASES = seed_cases() + fixture_cases("header")
REF = dt.date(2026, 11, 25)


def test_there_are_enough_header_fixtures() -> None:
    assert len(fixture_cases("header")) >= 22


@pytest.mark.parametrize(("txt", "gold"), CASES, ids=lambda p: Path(p).stem)
def test_header_matches_gold(txt: Path, gold: Path) -> None:
    data = load_gold(gold)
    article = parse_fixture(txt, data)
    assert check_header(article, data) == []


@pytest.mark.parametrize(("txt", "gold"), CASES, ids=lambda p: Path(p).stem)
def test_header_span_holds_what_it_read(txt: Path, gold: Path) -> None:
    data = load_gold(gold)
    article = parse_fixture(txt, data)
    header, text = article.header, article.text
    assert text is not None
    if header.start is None:
        assert header.end is None
        return
    assert header.end is not None
    span = text[header.start : header.end]
    assert span == span.strip()
    if header.headline:
        assert header.headline in " ".join(span.split())
    if header.published_raw:
        assert header.published_raw.split()[0] in text
    # the body starts after the header
    if article.paragraphs:
        assert article.paragraphs[0].start >= header.end


# -- dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "iso", "precision"),
    [
        ("Sunday, May 26", "2024-05-26", "day"),
        ("Tuesday, March 5", "2024-03-05", "day"),
        ("22 Nov 2024, 14:05", "2024-11-22T14:05:00", "minute"),
        ("2019-10-06T14:05:00+04:00", "2019-10-06T14:05:00+04:00", "second"),
        ("Updated: Nov. 22, 2024 3:45 PM EST", "2024-11-22T15:45:00-05:00", "minute"),
        ("3 October 2022 09:59 (UTC+04:00)", "2022-10-03T09:59:00+04:00", "minute"),
        ("Published: 06.10.2019", "2019-10-06", "day"),
        ("November 22", "2026-11-22", "day"),
        ("December 1", "2025-12-01", "day"),
        ("JAN 03, 2025 - 10:38 AM GMT+3", "2025-01-03T10:38:00+03:00", "minute"),
        ("[ 14 Sep 2023 17:42 ]", "2023-09-14T17:42:00", "minute"),
        ("Mar 05, 2024, 08:00 ET", "2024-03-05T08:00:00", "minute"),
    ],
)
def test_date_lines(line: str, iso: str, precision: str) -> None:
    found = read_date_line(line, Lexicon.default(), REF)
    assert found is not None
    assert (found.iso, found.precision) == (iso, precision)


@pytest.mark.parametrize(
    "line", ["Sunday, May 26 was a good day", "May the best team win", "30 February 2024", "25:61"]
)
def test_not_date_lines(line: str) -> None:
    assert read_date_line(line, Lexicon.default(), REF) is None


@pytest.mark.parametrize(
    ("line", "published", "authors"),
    [
        ("Updated 10:24 AM EDT, March 12, 2025", "2025-03-12T10:24:00-04:00", ()),
        ("Almaz Kumenov Dec 3, 2024", "2024-12-03", ("Almaz Kumenov",)),
        ("Merve Aydin | 12.03.2024 - Update : 12.03.2024", "2024-03-12", ("Merve Aydin",)),
        ("[ 14 Sep 2023 17:42 ]", "2023-09-14T17:42:00", ()),
    ],
)
def test_header_date_rows(line: str, published: str, authors: tuple[str, ...]) -> None:
    text = f"A headline for the story\n\n{line}\n\nThe story begins here and goes on.\n"
    header = newsparse.parse(text, reference_date=REF).header
    assert (header.published, header.authors) == (published, authors)
    assert header.headline == "A headline for the story"


def test_year_inference_uses_weekday_and_reference_date() -> None:
    assert infer_year(5, 26, 6, dt.date(2026, 11, 25)) == 2024  # Sunday
    assert infer_year(5, 26, 6, dt.date(2024, 5, 25)) == 2019  # not after the reference
    assert infer_year(5, 26, None, dt.date(2026, 11, 25)) == 2026
    assert infer_year(2, 29, None, dt.date(2026, 11, 25)) == 2024


def test_reference_date_changes_the_inferred_year() -> None:
    text = "Sunday, May 26\n\nTalks resume\n\nThe talks resumed on Sunday in Vienna.\n"
    assert newsparse.parse(text, reference_date=dt.date(2026, 1, 1)).header.published == (
        "2024-05-26"
    )
    assert newsparse.parse(text, reference_date=dt.date(2020, 1, 1)).header.published == (
        "2019-05-26"
    )


# -- bylines and titles ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "names", "agency"),
    [
        ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"], None),
        ("By John Smith, Reuters", ["John Smith"], "Reuters"),
        ("By JOHN MILLER, Associated Press Writer", ["John Miller"], "Associated Press"),
        ("By Elena Kosolapova - Trend:", ["Elena Kosolapova"], "Trend"),
        ("By Trend", [], "Trend"),
        ("BY MARIA DE LA CRUZ", ["Maria de la Cruz"], None),
    ],
)
def test_bylines(line: str, names: list[str], agency: str | None) -> None:
    lex = Lexicon.default()
    assert parse_byline(line, agency_index(lex), name_tools(lex)) == (names, agency)


@pytest.mark.parametrize(
    "line", ["By the end of the year, prices rose.", "By contrast", "Byelection results"]
)
def test_not_bylines(line: str) -> None:
    lex = Lexicon.default()
    assert parse_byline(line, agency_index(lex), name_tools(lex)) is None


def test_title_like() -> None:
    assert title_like("Putin to Aliyev: relations to continue strengthening")
    assert not title_like("The talks ended. Both sides left.")
    assert not title_like("Azerbaijan constantly makes efforts to establish peace", "and security")
    assert not title_like("single")


def test_wrapped_first_line_is_not_a_headline() -> None:
    text = (
        "Azerbaijan and Georgia agreed to expand their electricity exchange\n"
        "and to build a second high-voltage line across the border, the two\n"
        "energy ministries said in a joint statement on Monday.\n"
    )
    assert newsparse.parse(text).header.headline is None


def test_dateline_is_cut_from_the_first_paragraph_with_offsets() -> None:
    text = "Headline here today\n\nMOSCOW, Nov 22 (Reuters) - Oil prices rose on Friday.\n"
    article = newsparse.parse(text, reference_date=dt.date(2024, 12, 1))
    first = article.paragraphs[0]
    assert first.text == "Oil prices rose on Friday."
    assert text[first.start : first.end] == first.text
    assert article.header.end is not None
    assert text[: article.header.end].endswith("(Reuters) -")
    assert (article.header.dateline, article.header.agency) == ("MOSCOW", "Reuters")
    assert article.header.published == "2024-11-22"


def test_dateline_words_deep_in_the_body_are_not_read() -> None:
    body = "".join(f"Paragraph number {i} of the story is here.\n\n" for i in range(30))
    text = body + "LONDON (Reuters) - A late paragraph that looks like a dateline.\n"
    article = newsparse.parse(text)
    assert article.header.dateline is None and article.header.agency is None
    assert article.paragraphs[-1].text.startswith("LONDON (Reuters)")


def test_a_user_can_add_an_agency_and_a_layout() -> None:
    lexicon = Lexicon.default().extend(
        "agencies",
        {
            "agencies": [
                {"name": "Caspian Wire", "aliases": ["CW"], "kind": "agency", "org_kind": "media"}
            ],
            "header_patterns": [
                {
                    "name": "caspian_wire",
                    "kind": "dateline",
                    "pattern": r"\[(?P<agency>{AGENCY})\]\s{0,3}(?P<place>{PLACE}):",
                }
            ],
        },
    )
    first = newsparse.parse("BAKU (CW) - Markets rose.\n", lexicon=lexicon)
    assert (first.header.agency, first.header.dateline) == ("Caspian Wire", "BAKU")
    second = newsparse.parse("[Caspian Wire] Aktau: Ferries resumed.\n", lexicon=lexicon)
    assert (second.header.agency, second.header.dateline) == ("Caspian Wire", "Aktau")
    assert second.paragraphs[0].text == "Ferries resumed."
    # the default lexicon is unchanged
    assert newsparse.parse("BAKU (CW) - Markets rose.\n").header.agency is None


def test_aggregator_credit_with_unknown_source_keeps_it_as_written() -> None:
    text = " date 2024-01-05 (MENAFN- Gulf Daily Courier)\n\nPrices rose in January.\n"
    header = newsparse.parse(text).header
    assert (header.distributor, header.agency) == ("MENAFN", "Gulf Daily Courier")


def test_agencies_data_is_well_formed() -> None:
    data = Lexicon.default().get("agencies")
    names = [a["name"] for a in data["agencies"]]
    assert len(names) == len(set(names))
    for entry in data["agencies"]:
        assert entry["kind"] in {"agency", "outlet", "aggregator"}
        assert entry["org_kind"] == "media"
        assert isinstance(entry["aliases"], list)
    for required in ["Trend", "AzerNews", "AZERTAC", "Report.az", "APA", "MENAFN", "Reuters"]:
        assert required in names
    index = agency_index(Lexicon.default())
    assert {p.kind for p in index.patterns} == {
        "dateline",
        "dateline_line",
        "credit",
        "byline",
        "self_credit",
    }
    assert index.lookup("Azer News") == "AzerNews"
    assert index.lookup("REPORT.AZ") == "Report.az"
    assert index.kinds["MENAFN"] == "aggregator"


@pytest.mark.parametrize(
    "text",
    [
        "NATO — The alliance met on Monday in Brussels.\n\nIt agreed on a plan.\n",
        "UPDATE — The vote was postponed until Friday.\n",
        "By the end of the year, prices had risen by a fifth.\n\nThey kept rising.\n",
    ],
)
def test_paragraph_openers_that_are_no_datelines_or_bylines(text: str) -> None:
    article = newsparse.parse(text)
    assert article.header.dateline is None
    assert article.header.authors == ()
    assert article.paragraphs[0].start == 0


@pytest.mark.parametrize("name", ["agencies", "dates", "bylines", "boilerplate"])
def test_replacing_a_data_file_with_an_empty_one_still_parses(name: str) -> None:
    lexicon = Lexicon.default().replace(name, {"description": "nothing"})
    text = "A headline for the story\n\nBAKU (Trend) - The story begins.\n\nShare this\n"
    article = newsparse.parse(text, lexicon=lexicon)
    assert article.paragraphs
    for p in article.paragraphs:
        assert text[p.start : p.end].endswith(p.text[-5:])


def test_header_data_files_are_valid() -> None:
    lexicon = Lexicon.default()
    dates = lexicon.get("dates")
    assert set(dates["months"].values()) == set(range(1, 13))
    assert set(dates["weekdays"].values()) == set(range(7))
    for offset in dates["timezones"].values():
        assert len(offset) == 6 and offset[0] in "+-" and offset[3] == ":"
    bylines = lexicon.get("bylines")
    for key in ("honorifics", "degrees", "particles", "not_names", "byline_roles"):
        assert all(isinstance(x, str) and x for x in bylines[key]), key
    for entry in lexicon.get("agencies")["header_patterns"]:
        assert {"name", "kind", "pattern", "description"} <= set(entry), entry.get("name")


def test_section_label_and_date_row() -> None:
    text = "Politics | 22 November 2024, 14:05\n\nTalks resume in Vienna\n\nThe talks resumed.\n"
    header = newsparse.parse(text, reference_date=REF).header
    assert (header.published, header.headline) == ("2024-11-22T14:05:00", "Talks resume in Vienna")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KYIV, Ukraine — Air raid sirens sounded on Monday.\n", "KYIV"),
        ("WASHINGTON — The Senate voted on Tuesday.\n", "WASHINGTON"),
        ("ST. PETERSBURG, Russia (AP) — The forum opened.\n", "ST. PETERSBURG"),
        ("WASHINGTON, D.C. (AP) — The forum opened.\n", "WASHINGTON"),
    ],
)
def test_newspaper_datelines(text: str, place: str) -> None:
    article = newsparse.parse(text)
    assert article.header.dateline == place
    first = article.paragraphs[0]
    assert first.text.startswith(("Air", "The"))
    assert text[first.start : first.end] == first.text


def test_byline_without_by() -> None:
    text = "Oil prices rise\n\nAlex Lawler and Mai Nguyen, Reuters\n\nOil prices rose on Friday.\n"
    header = newsparse.parse(text).header
    assert (header.authors, header.agency) == (("Alex Lawler", "Mai Nguyen"), "Reuters")
