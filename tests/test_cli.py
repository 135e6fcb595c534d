"""The command line, run as a user would (in-process and as a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsparse.cli import main

from .goldcheck import SEEDS

SEED = SEEDS / "002_8d831bff95d77092.txt"


def test_one_file_prints_one_json_object(capsys) -> None:
    assert main(["parse", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == str(SEED)
    assert data["schema_version"] == "1"
    assert data["paragraphs"]


def test_directory_prints_json_lines(capsys) -> None:
    assert main(["parse", str(SEEDS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(SEEDS.glob("*.txt")))
    assert all(json.loads(line)["schema_version"] == "1" for line in lines)


def test_text_format_summarises(capsys) -> None:
    assert main(["parse", "--format", "text", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Headline:" in out and "Quotes:" in out and "Organisations:" in out


def test_output_file(tmp_path) -> None:
    target = tmp_path / "out.jsonl"
    assert main(["parse", "--format", "jsonl", "-o", str(target), str(SEED)]) == 0
    assert json.loads(target.read_text("utf-8").splitlines()[0])["source"] == str(SEED)


def test_failing_file_gives_error_record_and_exit_status(tmp_path, capsys) -> None:
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    status = main(["parse", str(binary), str(missing), str(SEED)])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert status == 1
    assert records[0]["error"]["type"] == "DecodeError"
    assert records[1]["error"]["type"] == "FileNotFoundError"
    assert "paragraphs" in records[2]
    assert "junk.txt" in captured.err
    # No progress display when stderr is not a terminal.
    assert "\r" not in captured.err


def test_stdin_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "-", "--reference-date", "2024-06-01"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "-"


def test_replace_errors_option(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xc3 au lait \x81\x8d.")
    assert main(["parse", "--errors", "replace", str(bad)]) == 0
    assert "\ufffd" in json.loads(capsys.readouterr().out)["paragraphs"][0]["text"]


def test_bad_arguments_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--reference-date", "yesterday", str(SEED)])
    assert info.value.code == 2
    assert main(["parse", "--parser", "no-such-plugin", str(SEED)]) == 2
    assert "Available names" in capsys.readouterr().err


def test_parsers_command_lists_steps(capsys) -> None:
    assert main(["parsers"]) == 0
    assert "header" in capsys.readouterr().out


def test_workers_give_the_same_records_in_order(tmp_path, capsys) -> None:
    missing = tmp_path / "missing.txt"
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    inputs = [str(SEED), str(missing), str(junk), str(SEEDS / "000_fcc8fb6dd66604fe.txt")]
    assert main(["parse", "--format", "jsonl", "--reference-date", "2026-11-25", *inputs]) == 1
    serial = capsys.readouterr().out.splitlines()
    status = main(
        ["parse", "--format", "jsonl", "--reference-date", "2026-11-25", "--workers", "2", *inputs]
    )
    assert status == 1
    parallel = capsys.readouterr().out.splitlines()
    assert parallel == serial
    assert [json.loads(line).get("error", {}).get("type") for line in parallel] == [
        None,
        "FileNotFoundError",
        "DecodeError",
        None,
    ]
