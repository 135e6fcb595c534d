"""Packaged data files: valid, loadable, extendable."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsparse import DataError, Lexicon
from newsparse._lexicon import packaged_names


def test_every_packaged_file_is_a_described_json_object() -> None:
    names = packaged_names()
    assert names, "no packaged data files"
    for name in names:
        raw = resources.files("newsparse").joinpath("data", f"{name}.json").read_text("utf-8")
        data = json.loads(raw)
        assert isinstance(data, dict), name
        assert isinstance(data.get("description"), str) and data["description"], name
        for key, value in data.items():
            assert isinstance(value, (str, list, dict)), f"{name}.{key}"


def test_extend_merges_lists_without_duplicates() -> None:
    name = packaged_names()[0]
    base = Lexicon.default().get(name)
    list_key = next((k for k, v in base.items() if isinstance(v, list)), None)
    if list_key is None:
        pytest.fail(f"{name} has no list to extend")
    extended = Lexicon.default().extend(name, {list_key: ["zz-added"]})
    assert extended.get(name)[list_key][-1] == "zz-added"
    assert len(extended.get(name)[list_key]) == len(base[list_key]) + 1
    assert "zz-added" not in Lexicon.default().get(name)[list_key]


def test_replace_and_extend_from_file(tmp_path) -> None:
    lex = Lexicon.default().replace("custom", {"description": "mine", "words": ["a"]})
    assert lex.get("custom")["words"] == ["a"]
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"custom": {"words": ["b"]}}))
    assert lex.extend_from_file(extra).get("custom")["words"] == ["a", "b"]


def test_bad_data_is_a_typed_error(tmp_path) -> None:
    with pytest.raises(DataError):
        Lexicon.default().get("no_such_file")
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    with pytest.raises(DataError):
        Lexicon.default().extend_from_file(bad)
    with pytest.raises(DataError, match="cannot merge"):
        name = packaged_names()[0]
        key = next(k for k, v in Lexicon.default().get(name).items() if isinstance(v, list))
        Lexicon.default().extend(name, {key: "not a list"}).get(name)


def test_compiled_is_cached_per_lexicon() -> None:
    calls = []

    def build(lex: Lexicon) -> int:
        calls.append(lex)
        return len(calls)

    lex = Lexicon()
    assert lex.compiled("k", build) == 1
    assert lex.compiled("k", build) == 1
    assert Lexicon().compiled("k", build) == 2
