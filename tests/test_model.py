"""The document model: construction, to_dict/from_dict, immutability."""

from __future__ import annotations

import json

import attrs
import pytest

import newsparse
from newsparse import (
    Article,
    Boilerplate,
    Header,
    Link,
    Organisation,
    Paragraph,
    Person,
    Quote,
    Span,
    Speaker,
)

from .goldcheck import SEEDS


def _sample() -> Article:
    text = 'Ann Lee said: "We will win." The Senate agreed.'
    mention = Span("Ann Lee", 0, 7)
    return Article(
        header=Header(headline="Win", published="2024-01-02", authors=["Ann Lee"]),
        paragraphs=[Paragraph(text, 0, len(text))],
        quotes=[
            Quote(
                "We will win.",
                "direct",
                15,
                27,
                0,
                cue=Span("said", 8, 12),
                speaker=Speaker("Ann Lee", mention=mention),
            )
        ],
        people=[Person("Ann Lee", roles=["senator"], mentions=[mention])],
        organisations=[Organisation("Senate", "legislature", mentions=[Span("Senate", 33, 39)])],
        boilerplate=[Boilerplate("---", "rule", 0, 3)],
        links=[Link("@x", 0, 2)],
        meta={"custom": [1, 2]},
        text=text,
    )


def test_round_trip_of_every_type() -> None:
    article = _sample()
    data = article.to_dict()
    assert data["schema_version"] == newsparse.SCHEMA_VERSION
    again = Article.from_dict(json.loads(json.dumps(data)))
    assert again == article
    assert again.to_dict() == data


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_round_trip_of_seeds(path) -> None:
    article = newsparse.parse(path.read_text("utf-8"))
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_articles_are_frozen() -> None:
    article = _sample()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.header = Header()  # type: ignore[misc]
    assert isinstance(article.paragraphs, tuple)
    assert isinstance(article.header.authors, tuple)


def test_unknown_schema_version_is_refused() -> None:
    data = _sample().to_dict()
    data["schema_version"] = "99"
    with pytest.raises(ValueError, match="schema_version"):
        Article.from_dict(data)


def test_body_joins_paragraphs() -> None:
    article = Article(paragraphs=[Paragraph("A.", 0, 2), Paragraph("B.", 4, 6)])
    assert article.body == "A.\n\nB."


def test_text_is_not_serialised_but_kept() -> None:
    article = newsparse.parse("Hello world.\n")
    assert article.text == "Hello world.\n"
    assert "text" not in article.to_dict()


def test_public_names_are_unique_and_exist() -> None:
    assert len(newsparse.__all__) == len(set(newsparse.__all__))
    for name in newsparse.__all__:
        assert hasattr(newsparse, name), name
