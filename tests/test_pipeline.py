"""Pipeline editing, error discipline and running, used as a plugin author would."""

from __future__ import annotations

import pytest

import newsparse
from newsparse import Draft, ParserError, Pipeline, PipelineError, UnknownStepError


def tag(draft: Draft) -> None:
    draft.meta.setdefault("order", []).append("tag")


class Counter:
    """A class-based parser with a ``name`` attribute."""

    name = "counter"

    def __call__(self, draft: Draft) -> None:
        draft.meta["words"] = len(draft.text.split())


def test_default_pipeline_names() -> None:
    names = Pipeline.default().names
    assert names[:3] == ["header", "boilerplate", "paragraphs"]
    assert len(names) == len(set(names))


def test_a_plain_function_is_a_parser() -> None:
    assert isinstance(tag, newsparse.Parser)
    article = Pipeline.default().add(tag).parse("Some text here.")
    assert article.meta["order"] == ["tag"]


def test_add_positions() -> None:
    p = Pipeline.default()
    p.add(tag, before="paragraphs").add(Counter(), first=True)
    assert p.names[0] == "counter"
    assert p.names.index("tag") == p.names.index("paragraphs") - 1
    p.add(tag, name="tag2", after="header")
    assert p.names[p.names.index("header") + 1] == "tag2"
    p.add(tag, name="tag3", last=True)
    assert p.names[-1] == "tag3"


def test_add_with_two_positions_fails() -> None:
    with pytest.raises(PipelineError, match="at most one"):
        Pipeline.default().add(tag, first=True, before="header")


def test_duplicate_name_fails_and_lists_steps() -> None:
    p = Pipeline.default().add(tag)
    with pytest.raises(PipelineError, match="exists already") as info:
        p.add(tag)
    assert "header" in str(info.value)


def test_unknown_anchor_lists_valid_names() -> None:
    with pytest.raises(UnknownStepError) as info:
        Pipeline.default().add(tag, before="nope")
    assert "Available names:" in str(info.value)
    assert "header" in info.value.available
    assert isinstance(info.value, KeyError)


def test_replace_remove_enable_disable() -> None:
    p = Pipeline.default()
    p.replace("links", tag)
    assert p.get("links") is tag
    removed = p.remove("links")
    assert removed is tag
    assert "links" not in p
    p.disable("header")
    assert "header" not in p.enabled and "header" in p.names
    p.enable("header")
    assert "header" in p.enabled
    with pytest.raises(UnknownStepError):
        p.disable("header", "missing")
    assert "header" in p.enabled  # nothing changed when one name was wrong


def test_disabled_step_does_not_run() -> None:
    p = Pipeline.default().add(tag).disable("tag")
    assert "order" not in p.parse("Text.").meta


def test_use_applies_plugin_with_options_and_chains() -> None:
    def plugin(pipeline: Pipeline, *, label: str) -> None:
        def labeller(draft: Draft) -> None:
            draft.meta["label"] = label

        pipeline.add(labeller, name="labeller")

    p = Pipeline.default().use(plugin, label="x").use(lambda pl: pl.disable("links"))
    assert p.parse("Text.").meta["label"] == "x"
    assert "links" not in p.enabled


def test_copy_is_independent() -> None:
    p = Pipeline.default()
    q = p.copy().add(tag)
    assert "tag" in q and "tag" not in p


def test_failing_parser_is_named_and_no_article_returned() -> None:
    def broken(draft: Draft) -> None:
        raise ZeroDivisionError("boom")

    p = Pipeline.default().add(broken)
    with pytest.raises(ParserError, match="broken") as info:
        p.parse("Some text.")
    assert info.value.step == "broken"
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_failing_parser_recorded_when_asked() -> None:
    def broken(draft: Draft) -> None:
        raise ValueError("bad")

    article = (
        Pipeline.default()
        .add(broken, before="links")
        .parse("See https://example.com now.", on_error="record")
    )
    assert article.meta["errors"] == [{"step": "broken", "error": "ValueError: bad"}]
    assert article.links  # the steps after the failure still ran


def test_not_callable_is_refused() -> None:
    with pytest.raises(PipelineError, match="callable"):
        Pipeline().add(42)  # type: ignore[arg-type]


def test_unknown_entry_point_parser_lists_installed() -> None:
    with pytest.raises(UnknownStepError, match="entry-point parser"):
        Pipeline().add("no-such-parser-installed")


def test_parse_uses_custom_pipeline() -> None:
    article = newsparse.parse("Text.", pipeline=Pipeline([("tag", tag)]))
    assert article.meta["order"] == ["tag"]
    assert article.paragraphs == ()


def test_options_reach_parsers() -> None:
    def read_option(draft: Draft) -> None:
        draft.meta["seen"] = draft.options.get("flavour")

    article = Pipeline().add(read_option).parse("Text.", flavour="salty")
    assert article.meta["seen"] == "salty"
