"""URLs and handles: offsets, trailing punctuation, brackets, glued words."""

from __future__ import annotations

import newsparse
from newsparse import Draft
from newsparse.parsers.links import find_links


def links(text: str) -> list[str]:
    draft = Draft(text)
    find_links(draft)
    for link in draft.links:
        assert text[link.start : link.end] == link.url
    return [link.url for link in draft.links]


def test_urls_and_handles_of_seed_000_footer() -> None:
    text = (
        "http://bakunetwork.com\n\nJoin us on Twitter and Facebook https://twitter.com/BakuNetwork"
        " andhttps://www.facebook.com/BakuNetwork\n\nFollow us on Twitter @AzerNewsAz"
    )
    assert links(text) == [
        "http://bakunetwork.com",
        "https://twitter.com/BakuNetwork",
        "https://www.facebook.com/BakuNetwork",
        "@AzerNewsAz",
    ]


def test_trailing_punctuation_and_brackets() -> None:
    assert links("See https://example.org/a.") == ["https://example.org/a"]
    assert links("(see https://example.org/a)") == ["https://example.org/a"]
    assert links("https://en.wikipedia.org/wiki/Baku_(city), then") == [
        "https://en.wikipedia.org/wiki/Baku_(city)"
    ]
    assert links("“www.example.az/news”") == ["www.example.az/news"]


def test_emails_are_not_handles() -> None:
    assert links("Write to press@example.org or @press_office.") == ["@press_office"]


def test_links_are_found_anywhere_in_a_parsed_article() -> None:
    article = newsparse.parse("Title line here\n\nText with https://a.example/x in it.\n")
    assert [link.url for link in article.links] == ["https://a.example/x"]
