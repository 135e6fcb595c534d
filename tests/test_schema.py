"""Every output validates against the packaged JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

import newsparse

from .goldcheck import SEEDS, fixture_cases, load_gold, parse_fixture

VALIDATOR = jsonschema.Draft202012Validator(newsparse.schema())


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(newsparse.schema())


def test_schema_version_matches_model() -> None:
    assert newsparse.schema()["properties"]["schema_version"]["const"] == newsparse.SCHEMA_VERSION


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_output_validates(path) -> None:
    data = json.loads(json.dumps(newsparse.parse(path.read_text("utf-8")).to_dict()))
    VALIDATOR.validate(data)


@pytest.mark.parametrize(
    ("txt", "gold"), fixture_cases(), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_fixture_output_validates(txt, gold) -> None:
    article = parse_fixture(txt, load_gold(gold))
    VALIDATOR.validate(json.loads(json.dumps(article.to_dict())))


def test_empty_article_validates() -> None:
    VALIDATOR.validate(newsparse.parse("").to_dict())


def test_schema_rejects_a_broken_record() -> None:
    data = newsparse.parse("Hello.").to_dict()
    data["quotes"] = [{"text": "x", "kind": "shouted"}]
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(data)
