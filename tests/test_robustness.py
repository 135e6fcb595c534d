"""The bad-input policy (see ``newsparse._text`` and docs/robustness.md), case by case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsparse
from newsparse import Draft, Pipeline

from .goldcheck import SEEDS
from .test_properties import check_article, parse_and_check

SEED = (SEEDS / "004_44103dff5f1d34f9.txt").read_text("utf-8")


# -- types -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 42, 3.5, ["text"], Path("a.txt"), object()])
def test_only_str_and_bytes_are_accepted(value: object) -> None:
    with pytest.raises(newsparse.InputTypeError, match=type(value).__name__) as info:
        newsparse.parse(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, newsparse.NewsparseError)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_bytes_like_inputs_are_decoded(wrap: type) -> None:
    article = newsparse.parse(wrap(SEED.encode("utf-8")))
    assert article.to_dict() == newsparse.parse(SEED).to_dict()


# -- decoding ------------------------------------------------------------------------------


def test_undecodable_bytes_name_the_position() -> None:
    data = b"The talks \x81\x8d ended."  # not UTF-8; 0x81 is undefined in cp1252 too
    with pytest.raises(newsparse.DecodeError, match="at byte 10") as info:
        newsparse.parse(data)
    assert info.value.position == 10
    assert isinstance(info.value, ValueError)


def test_replacement_on_request() -> None:
    article = newsparse.parse(b"The talks \x81\x8d ended.", errors="replace")
    assert article.text == "The talks \ufffd\ufffd ended."
    assert article.paragraphs[0].text == "The talks \ufffd\ufffd ended."


def test_legacy_encoding_fallback_and_boms() -> None:
    text = "Café “talks” ended — at last."
    assert newsparse.parse(text.encode("cp1252")).text == text
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        assert newsparse.parse(text.encode(encoding)).text == text


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(newsparse.DecodeError, match="binary"):
        newsparse.parse(bytes(range(256)) * 4)


def test_utf16_text_that_starts_with_nul() -> None:
    # FF FE 00 00 opens both UTF-32-LE and UTF-16-LE text that starts with U+0000
    assert newsparse.parse("\x00 date 2019".encode("utf-16")).text == "\x00 date 2019"
    assert newsparse.parse("\x00 date 2019".encode("utf-32")).text == "\x00 date 2019"


def test_broken_utf16_after_a_bom() -> None:
    with pytest.raises(newsparse.DecodeError) as info:
        newsparse.parse(b"\xff\xfea\x00b")
    assert info.value.position == 4


# -- empty and oversized -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n\t\r\n", "\u200b\u200d\ufeff", "\u202e \u200f", b"", b"\xef\xbb\xbf"]
)
def test_blank_input_gives_an_empty_article(text: str | bytes) -> None:
    article = newsparse.parse(text)
    assert article == newsparse.Article()
    assert article.to_dict() == newsparse.Article().to_dict()


def test_max_chars() -> None:
    with pytest.raises(newsparse.InputTooLargeError) as info:
        newsparse.parse("x" * 101, max_chars=100)
    assert (info.value.size, info.value.limit) == (101, 100)
    assert isinstance(info.value, ValueError)
    with pytest.raises(newsparse.InputTooLargeError):
        newsparse.parse(b"x" * 1001, max_chars=100)
    assert newsparse.parse("x" * 100, max_chars=100).paragraphs[0].end == 100
    assert newsparse.parse("x" * 101, max_chars=None).paragraphs[0].end == 101
    assert newsparse.DEFAULT_MAX_CHARS == 10_000_000


# -- awkward characters keep offsets right -------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x85"])
def test_other_newlines_give_the_same_article(newline: str) -> None:
    text = SEED.replace("\n", newline)
    article = parse_and_check(text)
    plain = newsparse.parse(SEED)
    assert [p.text for p in article.paragraphs] == [p.text for p in plain.paragraphs]
    assert [q.text for q in article.quotes] == [q.text for q in plain.quotes]
    assert article.header.to_dict() | {"start": 0, "end": 0} == plain.header.to_dict() | {
        "start": 0,
        "end": 0,
    }


@pytest.mark.parametrize(
    "insert",
    [
        "\x00",
        "\t",
        "\u200b",
        "\u200d",
        "\u2060",
        "\u00ad",
        "\u202e",
        "\u200f",
        "\u0301",
        "😀",
        "👩‍👩‍👧",
        "🇦🇿",
        "\ud800",
        "\udcff",
        "\ufffd",
    ],
    ids=lambda s: "U+" + "-".join(f"{ord(c):04X}" for c in s),
)
def test_awkward_characters_keep_offsets_right(insert: str) -> None:
    # sprinkle the character inside words, between words and at line ends
    text = SEED.replace("e ", "e" + insert + " ").replace("\n\n", insert + "\n\n")
    article = parse_and_check(text)
    assert article.paragraphs
    assert any(insert in p.text for p in article.paragraphs)


def test_leading_bom_or_space_shifts_offsets_only() -> None:
    plain = newsparse.parse(SEED).to_dict()
    for prefix in ("\ufeff", "  \n\n", "\u200b"):
        shifted = parse_and_check(prefix + SEED).to_dict()
        assert [p["text"] for p in shifted["paragraphs"]] == [
            p["text"] for p in plain["paragraphs"]
        ]
        assert [p["start"] - len(prefix) for p in shifted["paragraphs"]] == [
            p["start"] for p in plain["paragraphs"]
        ]


def test_lone_surrogates_are_kept_and_json_escapes_them() -> None:
    text = "The minister \ud83d said \udc80 nothing."
    article = parse_and_check(text)
    assert article.paragraphs[0].text == text
    line = json.dumps(article.to_dict())  # ensure_ascii=True, the default
    assert "\\ud83d" in line
    assert json.loads(line)["paragraphs"][0]["text"] == text
    with pytest.raises(UnicodeEncodeError):
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    raw = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8", "surrogatepass")
    assert json.loads(raw.decode("utf-8", "surrogatepass")) == article.to_dict()


def test_offsets_count_code_points() -> None:
    text = "😀😀 Ankara 😀.\n\nSecond 👩‍👩‍👧 paragraph."
    article = parse_and_check(text)
    second = article.paragraphs[1]
    assert text[second.start : second.end] == "Second 👩‍👩‍👧 paragraph."
    assert second.start == text.index("Second")


# -- failing parsers -----------------------------------------------------------------------


class Boom(Exception):
    pass


def _half_then_boom(draft: Draft) -> None:
    draft.meta["touched"] = True
    draft.paragraphs.clear()
    raise Boom("went wrong")


def test_a_failing_parser_raises_parser_error_naming_it() -> None:
    pipeline = Pipeline.default().add(_half_then_boom, name="mine", after="header")
    with pytest.raises(newsparse.ParserError, match="'mine'") as info:
        pipeline.parse(SEED)
    assert info.value.step == "mine"
    assert isinstance(info.value.error, Boom)
    assert isinstance(info.value.__cause__, Boom)
    assert isinstance(info.value, RuntimeError)
    # nothing half-built survives: the same pipeline without the step parses as before
    pipeline.disable("mine")
    assert pipeline.parse(SEED).to_dict() == newsparse.parse(SEED).to_dict()


def test_record_mode_keeps_going_and_notes_the_error() -> None:
    pipeline = Pipeline.default().add(_half_then_boom, name="mine", first=True)
    article = pipeline.parse(SEED, on_error="record")
    assert article.meta["errors"] == [{"step": "mine", "error": "Boom: went wrong"}]
    assert article.paragraphs  # the later steps still ran
    check_article(article, SEED)


def _interrupt(draft: Draft) -> None:
    raise KeyboardInterrupt


def test_keyboard_interrupt_is_not_swallowed() -> None:
    pipeline = Pipeline.default().add(_interrupt, name="stop")
    with pytest.raises(KeyboardInterrupt):
        pipeline.parse(SEED, on_error="record")


def test_batch_records_a_failing_parser_and_goes_on() -> None:
    pipeline = Pipeline.default().add(_half_then_boom, name="mine")
    results = list(newsparse.parse_many([SEED, 7, SEED], pipeline=pipeline))
    assert [r.step for r in results if isinstance(r, newsparse.ParseFailure)] == [
        "mine",
        None,
        "mine",
    ]


# -- inputs the fuzzer (or a property test) once tripped on ------------------------------

REGRESSIONS = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_fuzz_regressions(path: Path) -> None:
    data = path.read_bytes()
    try:
        article = newsparse.parse(data)
    except newsparse.DecodeError:
        pass
    else:
        assert article.text is not None
        check_article(article, article.text)
    parse_and_check(data.decode("utf-8", "surrogateescape"))
