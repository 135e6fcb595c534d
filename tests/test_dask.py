"""newsparse.contrib.dask on Dask's local synchronous scheduler."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsparse
from newsparse import Draft, Pipeline
from tests.goldcheck import SEEDS

db = pytest.importorskip("dask.bag", reason='needs the extra: pip install "newsparse[dask]"')
from newsparse.contrib.dask import parse_bag, parse_files, to_jsonl  # noqa: E402

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
TEXTS = [p.read_text("utf-8") for p in SEED_PATHS]


def _probe(draft: Draft) -> None:
    draft.meta["probe"] = draft.lexicon.get("probe")["word"]


def test_bag_of_texts_gives_bag_of_article_dicts_in_order() -> None:
    bag = db.from_sequence(TEXTS, npartitions=2)
    got = parse_bag(bag).compute(scheduler="sync")
    assert got == [newsparse.parse(t).to_dict() for t in TEXTS]


def test_bad_documents_become_error_dicts() -> None:
    bag = db.from_sequence(["Fine text.", 3, b"ab\xff"], npartitions=1)
    got = parse_bag(bag, fallback_encodings=()).compute(scheduler="sync")
    assert got[0]["paragraphs"][0]["text"] == "Fine text."
    assert got[1]["error"]["type"] == "InputTypeError"
    assert got[2]["error"]["type"] == "DecodeError"
    assert got[2]["error"]["position"] == 2


def test_on_error_raise_fails_the_computation() -> None:
    bag = db.from_sequence(["a", 3], npartitions=1)
    with pytest.raises(newsparse.InputTypeError):
        parse_bag(bag, on_error="raise").compute(scheduler="sync")


def test_pipeline_lexicon_and_options_are_used() -> None:
    lexicon = newsparse.Lexicon.default().replace("probe", {"word": "hi"})
    bag = db.from_sequence(["x", "y"], npartitions=2)
    got = parse_bag(bag, pipeline=Pipeline([("probe", _probe)]), lexicon=lexicon).compute(
        scheduler="sync"
    )
    assert [d["meta"] for d in got] == [{"probe": "hi"}, {"probe": "hi"}]


def test_files_by_list_and_glob_with_source_and_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXTS[0].encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXTS[1].encode("cp1252", errors="replace"))
    by_glob = parse_files(str(tmp_path / "*.txt")).compute(scheduler="sync")
    assert [Path(d["source"]).name for d in by_glob] == ["a.txt", "b.txt"]
    assert by_glob[0]["paragraphs"] == newsparse.parse(TEXTS[0]).to_dict()["paragraphs"]
    missing = tmp_path / "missing.txt"
    by_list = parse_files([tmp_path / "a.txt", missing], npartitions=1).compute(scheduler="sync")
    assert by_list[0]["header"] == by_glob[0]["header"]
    assert by_list[1]["source"] == str(missing)
    assert by_list[1]["error"]["type"] == "FileNotFoundError"


def test_to_jsonl_writes_one_file_per_partition(tmp_path: Path) -> None:
    bag = parse_bag(db.from_sequence([*TEXTS, "\ud800 lone surrogate"], npartitions=3))
    names = to_jsonl(bag, tmp_path / "part-*.jsonl", compute_kwargs={"scheduler": "sync"})
    assert len(names) == 3
    lines = [
        json.loads(line)
        for name in sorted(names)
        for line in Path(name).read_text("utf-8").splitlines()
    ]
    assert len(lines) == len(TEXTS) + 1
    assert lines[: len(TEXTS)] == [newsparse.parse(t).to_dict() for t in TEXTS]
    assert lines[-1]["paragraphs"][0]["text"] == "\ud800 lone surrogate"
