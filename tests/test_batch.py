"""parse_many: order, error records, bounded reading, workers."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
from collections.abc import Iterator

import pytest

import newsparse
from newsparse import Draft, ParseFailure, Pipeline, parse_many
from tests.goldcheck import SEEDS

TEXTS = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _meta_probe(draft: Draft) -> None:
    """A parser that shows what reached the worker: lexicon data and options."""
    draft.meta["probe"] = draft.lexicon.get("probe")["word"]
    draft.meta["today"] = draft.today().isoformat()


def _boom(draft: Draft) -> None:
    if "BOOM" in draft.text:
        raise ZeroDivisionError("exploded")


def _boom_pipeline() -> Pipeline:
    return Pipeline.default().add(_boom, name="boom")


@pytest.mark.parametrize("workers", [1, 2])
def test_results_equal_parse_in_input_order(workers: int) -> None:
    texts = TEXTS * 3
    got = list(parse_many(texts, workers=workers, chunksize=2))
    assert len(got) == len(texts)
    for text, article in zip(texts, got, strict=True):
        assert isinstance(article, newsparse.Article)
        assert article.to_dict() == newsparse.parse(text).to_dict()
        assert article.text == text


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_documents_give_records_and_the_batch_goes_on(workers: int) -> None:
    sources: list[object] = [TEXTS[0], 42, b"caf\xc3(", "x" * 50, "BOOM here", TEXTS[1]]
    got = list(
        parse_many(
            sources,  # type: ignore[arg-type]
            workers=workers,
            chunksize=1,
            max_chars=40,
            pipeline=_boom_pipeline(),
            errors="strict",
            fallback_encodings=(),
        )
    )
    assert all(isinstance(r, ParseFailure) for r in got)
    by_index = {r.index: r for r in got if isinstance(r, ParseFailure)}
    assert sorted(by_index) == list(range(6))
    assert by_index[0].error == by_index[5].error == "InputTooLargeError"
    assert by_index[1].error == "InputTypeError"
    assert by_index[2].error == "DecodeError"
    assert by_index[2].position == 3
    assert by_index[3].error == "InputTooLargeError"
    assert by_index[4].error == "ParserError"
    assert by_index[4].step == "boom"
    assert "exploded" in by_index[4].message


@pytest.mark.parametrize("workers", [1, 2])
def test_records_in_order_with_articles(workers: int) -> None:
    sources: list[object] = ["One sentence.", None, "BOOM", "Two."]
    got = list(parse_many(sources, workers=workers, pipeline=_boom_pipeline()))  # type: ignore[arg-type]
    assert isinstance(got[0], newsparse.Article)
    assert got[0].paragraphs[0].text == "One sentence."
    assert isinstance(got[1], ParseFailure)
    assert (got[1].index, got[1].error) == (1, "InputTypeError")
    assert isinstance(got[2], ParseFailure)
    assert (got[2].index, got[2].step) == (2, "boom")
    assert isinstance(got[3], newsparse.Article)
    assert got[3].paragraphs[0].text == "Two."


@pytest.mark.parametrize("workers", [1, 2])
def test_on_error_raise_raises_the_typed_error(workers: int) -> None:
    with pytest.raises(newsparse.ParserError) as info:
        list(
            parse_many(
                ["fine", "BOOM"], workers=workers, pipeline=_boom_pipeline(), on_error="raise"
            )
        )
    assert info.value.step == "boom"
    assert isinstance(info.value.error, ZeroDivisionError)
    with pytest.raises(newsparse.DecodeError) as decode:
        list(parse_many([b"ab\xff\xfe"], workers=workers, fallback_encodings=(), on_error="raise"))
    assert decode.value.position == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_as_dict(workers: int) -> None:
    got = list(parse_many([TEXTS[2], 7], workers=workers, as_dict=True))  # type: ignore[list-item]
    assert got[0] == newsparse.parse(TEXTS[2]).to_dict()
    assert got[1] == {
        "index": 1,
        "error": {
            "type": "InputTypeError",
            "message": "parse() takes str or bytes, not int",
            "step": None,
            "position": None,
        },
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_lexicon_and_options_reach_the_workers(workers: int) -> None:
    lexicon = newsparse.Lexicon.default().replace("probe", {"word": "hello"})
    pipeline = Pipeline([("probe", _meta_probe)])
    got = list(
        parse_many(
            ["a", "b", "c"],
            workers=workers,
            pipeline=pipeline,
            lexicon=lexicon,
            reference_date=dt.date(2020, 2, 29),
        )
    )
    for article in got:
        assert isinstance(article, newsparse.Article)
        assert article.meta == {"probe": "hello", "today": "2020-02-29"}


def _counting(seen: list[int]) -> Iterator[str]:
    for i in itertools.count():
        seen.append(i)
        yield f"Article number {i}."


def test_generator_input_is_read_lazily_inline() -> None:
    seen: list[int] = []
    results = parse_many(_counting(seen))
    first = list(itertools.islice(results, 5))
    assert len(first) == 5
    assert len(seen) == 5


def test_generator_input_is_read_ahead_only_a_bounded_amount_on_a_pool() -> None:
    seen: list[int] = []
    results = parse_many(_counting(seen), workers=2, chunksize=4, prefetch=2)
    first = list(itertools.islice(results, 3))
    assert [a.paragraphs[0].text for a in first] == [  # type: ignore[union-attr]
        "Article number 0.",
        "Article number 1.",
        "Article number 2.",
    ]
    # the chunks in flight plus the one being consumed, never the whole (infinite) input
    assert len(seen) <= 2 * 2 * 4 + 4 + 1
    results.close()  # type: ignore[attr-defined]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        list(parse_many(["a"], chunksize=0))
    with pytest.raises(ValueError, match="on_error"):
        list(parse_many(["a"], on_error="ignore"))  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "error",
    [
        newsparse.DecodeError("bad byte", 7),
        newsparse.InputTooLargeError(11, 10),
        newsparse.InputTypeError("parse() takes str or bytes, not int"),
        newsparse.ParserError("boom", ZeroDivisionError("x")),
        newsparse.UnknownStepError("nope", ["a", "b"]),
    ],
)
def test_errors_survive_pickling(error: newsparse.NewsparseError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    mine = {k: v for k, v in vars(error).items() if k != "error"}
    assert {k: v for k, v in vars(copy).items() if k != "error"} == mine
    if isinstance(error, newsparse.ParserError):
        assert isinstance(copy.error, ZeroDivisionError)


def test_failure_record_of_a_parser_error() -> None:
    failure = ParseFailure.from_exception(3, newsparse.ParserError("quotes", KeyError("x")))
    assert failure.to_dict() == {
        "index": 3,
        "error": {
            "type": "ParserError",
            "message": "parser 'quotes' failed: KeyError: 'x'",
            "step": "quotes",
            "position": None,
        },
    }


def test_an_unpicklable_step_is_named_before_any_work() -> None:
    pipeline = Pipeline.default().add(lambda draft: None, name="inline")
    with pytest.raises(newsparse.PipelineError, match="'inline' cannot be pickled"):
        parse_many(["a"], workers=2, pipeline=pipeline)
    # inline, nothing is pickled: the same pipeline works
    assert len(list(parse_many(["a"], pipeline=pipeline))) == 1
