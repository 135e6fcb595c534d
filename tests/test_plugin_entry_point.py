"""Third-party parsers: the example plugin package, found through its entry point.

CI installs ``examples/newsparse-example-plugin`` (``pip install
./examples/newsparse-example-plugin``); these tests use it the way a user would.
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import distribution
from pathlib import Path

import pytest

import newsparse

from . import goldcheck

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIR = ROOT / "examples" / "newsparse-example-plugin"
NAME = "kavkaz_header"

STORY = (
    "KDW | TBILISI | 05.03.2024 14:20 GMT+4\n"
    "Reporter: Nino Beridze\n"
    "\n"
    "Georgia and Armenia signed a rail transit agreement on Tuesday, officials said.\n"
    "\n"
    "The first trains are expected in the spring.\n"
)

INSTALL = f"pip install {PLUGIN_DIR.relative_to(ROOT)}"


@pytest.fixture(scope="module", autouse=True)
def installed() -> None:
    if importlib.util.find_spec("newsparse_example_plugin") is None:
        pytest.fail(f"the example plugin is not installed; run: {INSTALL}")


def test_entry_point_is_discovered() -> None:
    found = newsparse.available_parsers()
    assert NAME in found
    entry_point = found[NAME]
    assert entry_point.group == newsparse.ENTRY_POINT_GROUP == "newsparse.parsers"
    assert entry_point.value == "newsparse_example_plugin:make_header_parser"
    assert entry_point.dist is not None
    assert entry_point.dist.name == "newsparse-example-plugin"


def test_installed_plugin_is_the_one_in_the_repository() -> None:
    dist = distribution("newsparse-example-plugin")
    installed = dist.locate_file("newsparse_example_plugin/__init__.py")
    source = PLUGIN_DIR / "src" / "newsparse_example_plugin" / "__init__.py"
    assert Path(str(installed)).read_text("utf-8") == source.read_text("utf-8"), (
        f"the installed example plugin is stale; run: {INSTALL}"
    )


def test_plugin_runs_only_once_added() -> None:
    plain = newsparse.Pipeline.default()
    assert NAME not in plain
    article = plain.parse(STORY)
    assert article.header.agency != "Kavkaz Daily Wire"
    assert NAME not in article.meta


def test_added_by_entry_point_name_fills_the_header() -> None:
    pipeline = newsparse.Pipeline.default().add(NAME, after="header")
    assert pipeline.names[pipeline.names.index("header") + 1] == NAME
    article = pipeline.parse(STORY)
    header = article.header
    assert header.agency == "Kavkaz Daily Wire"
    assert header.dateline == "TBILISI"
    assert header.published == "2024-03-05T14:20:00+04:00"
    assert header.published_precision == "minute"
    assert header.published_raw == "05.03.2024 14:20 GMT+4"
    assert header.authors == ("Nino Beridze",)
    assert header.byline == "Reporter: Nino Beridze"
    assert article.meta[NAME] is True
    # offsets point at the source characters
    assert header.start is not None and header.end is not None
    assert (
        STORY[header.start : header.end]
        == "KDW | TBILISI | 05.03.2024 14:20 GMT+4\nReporter: Nino Beridze"
    )
    # the header lines are not body text
    assert [p.text for p in article.paragraphs] == [
        "Georgia and Armenia signed a rail transit agreement on Tuesday, officials said.",
        "The first trains are expected in the spring.",
    ]
    for paragraph in article.paragraphs:
        assert STORY[paragraph.start : paragraph.end] == paragraph.text


def test_config_reaches_the_factory() -> None:
    pipeline = newsparse.Pipeline.default().add(
        NAME, name="kdw", after="header", config={"agency": "KDW", "reporter_label": "By"}
    )
    assert "kdw" in pipeline
    story = STORY.replace("Reporter:", "By:")
    header = pipeline.parse(story).header
    assert header.agency == "KDW"
    assert header.authors == ("Nino Beridze",)


def test_other_layouts_are_left_alone() -> None:
    pipeline = newsparse.Pipeline.default().add(NAME, after="header")
    for seed in sorted(goldcheck.SEEDS.glob("*.txt")):
        text = seed.read_text("utf-8")
        ref = goldcheck.SEED_REFERENCE_DATE
        with_plugin = pipeline.parse(text, reference_date=ref).to_dict()
        without = newsparse.parse(text, reference_date=ref).to_dict()
        assert with_plugin == without, seed.name


def test_unknown_entry_point_name_lists_the_installed_ones() -> None:
    with pytest.raises(newsparse.UnknownStepError) as info:
        newsparse.Pipeline.default().add("kavkaz_heder")
    assert NAME in str(info.value)
