"""Golden tests: the whole output of each seed equals the reviewed file beside it.

After an intended change of output, regenerate with
``python -m pytest tests/test_golden.py --update-golden`` and review the diff of
``seeds/*.expected.json`` before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .goldcheck import SEEDS, check_all, load_gold, parse_fixture, seed_cases


def _expected_path(seed: Path) -> Path:
    return seed.with_name(f"{seed.stem}.expected.json")


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_whole_output_matches_expected_file(seed: Path, update_golden: bool) -> None:
    gold_path = SEEDS / "gold" / f"{seed.stem}.json"
    gold = load_gold(gold_path) if gold_path.exists() else {}
    got = json.loads(json.dumps(parse_fixture(seed, gold).to_dict(), ensure_ascii=False))
    expected_path = _expected_path(seed)
    if update_golden:
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert expected_path.exists(), f"run with --update-golden to create {expected_path.name}"
    expected = json.loads(expected_path.read_text("utf-8"))
    for key in expected:
        assert got[key] == expected[key], f"{seed.stem}: {key} differs from the golden file"
    assert got == expected


def test_expected_files_agree_with_shared_gold() -> None:
    """The reviewed golden files must themselves satisfy every fact of the gold."""
    from newsparse import Article

    for seed, gold_path in seed_cases():
        expected = json.loads(_expected_path(seed).read_text("utf-8"))
        article = Article.from_dict(expected, text=seed.read_text("utf-8"))
        problems = check_all(article, load_gold(gold_path))
        assert not problems, f"{seed.stem}: " + "; ".join(problems)
