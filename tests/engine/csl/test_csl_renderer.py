"""The csl engine behind the public Renderer: pickling, threads, any item, HTML safety."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import records

from citeform.engine.base import OutputFormat
from citeform.model import Record
from citeform.rendering import DEFAULT_ENGINE, ENGINES, Renderer

STYLES = (
    "apa",
    "chicago-author-date",
    "ieee",
    "modern-language-association",
    "din-1505-2",
    "harvard-cite-them-right",
)
ENTRIES: list[dict[str, Any]] = [
    {
        "id": f"item{index}",
        "type": kind,
        "title": f"On the {topic} of things",
        "author": [{"family": family, "given": "Ann"}, {"family": "Roe", "given": "Bo"}],
        "issued": {"date-parts": [[2000 + index]]},
        "container-title": "Journal of Examples",
        "page": f"{index + 1}-{index + 9}",
    }
    for index, (kind, topic, family) in enumerate(
        [
            ("book", "nature", "Doe"),
            ("article-journal", "order", "van der Berg"),
            ("chapter", "origin", "M\u00fcller"),
            ("report", "use", "Smith"),
        ]
    )
]
OUTPUTS: tuple[OutputFormat, ...] = ("text", "html")
HOSTILE = ["<script>alert(1)</script>", "<b>bold</b> & <i>it</i>", "a < b > c", '"quoted" & <x>']


def test_a_renderer_pickles_with_its_engine(engine_name: str) -> None:
    renderer = Renderer("apa", locale="en-US", engine=engine_name)
    copy = pickle.loads(pickle.dumps(renderer))
    assert copy.engine_name == engine_name
    assert repr(copy) == repr(renderer)
    assert copy.entry(ENTRIES[0]) == renderer.entry(ENTRIES[0])


def test_the_repr_names_an_engine_other_than_the_default() -> None:
    other = next(name for name in ENGINES if name != DEFAULT_ENGINE)
    assert repr(Renderer("apa", locale="en-US", engine=other)) == (
        f"Renderer(style='apa', locale='en-US', format='text', engine={other!r})"
    )
    assert repr(Renderer("apa", locale="en-US")) == (
        "Renderer(style='apa', locale='en-US', format='text')"
    )


def test_one_renderer_shared_by_threads_renders_as_one_per_thread() -> None:
    shared = Renderer("apa", locale="en-US", engine="csl")
    expected = {entry["id"]: Renderer("apa", engine="csl").entry(entry) for entry in ENTRIES}

    def work(round_index: int) -> list[tuple[str, str]]:
        own = Renderer("apa", locale="en-US", engine="csl")
        out = []
        for entry in ENTRIES * 32:
            renderer = shared if round_index % 2 == 0 else own
            out.append((entry["id"], renderer.entry(entry)))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [pair for chunk in pool.map(work, range(16)) for pair in chunk]
    assert len(results) == 2048
    assert all(text == expected[item_id] for item_id, text in results)


@pytest.fixture(scope="module")
def renderers() -> dict[tuple[str, str], Renderer]:
    return {
        (style, output): Renderer(style, locale="en-US", format=output, engine="csl")
        for style in STYLES
        for output in OUTPUTS
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), style=st.sampled_from(STYLES))
def test_any_item_renders_in_every_style(
    renderers: dict[tuple[str, str], Renderer], record: Record, style: str
) -> None:
    assert isinstance(renderers[style, "text"].entry(record), str)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    record=records(),
    style=st.sampled_from(STYLES),
    field=st.sampled_from(["title", "container-title", "publisher"]),
    hostile=st.tuples(st.sampled_from(HOSTILE), st.sampled_from(HOSTILE)),
)
def test_html_never_carries_markup_from_the_data(
    renderers: dict[tuple[str, str], Renderer],
    record: Record,
    style: str,
    field: str,
    hostile: tuple[str, str],
) -> None:
    item: dict[str, Any] = {
        **record.to_csl(),
        field: hostile[0],
        "author": [{"family": hostile[1], "given": "Ann"}],
    }
    html = renderers[style, "html"].entry(item)
    assert "<script" not in html
    assert "<x>" not in html


def test_the_command_line_offers_every_engine_of_the_renderer():
    from citeform.cli._common import ENGINE_NAMES  # noqa: PLC0415
    from citeform.rendering import ENGINES  # noqa: PLC0415

    assert set(ENGINE_NAMES) == set(ENGINES)


def test_cite_and_fill_render_with_the_engine_asked_for(capsys):
    from citeform.cli import main  # noqa: PLC0415

    assert main(["cite", "--engine", "csl"]) == 0
    assert "Städtetag Nordrhein-Westfalen. (o.\xa0J.)." in capsys.readouterr().out
    assert main(["fill", "--to", "csl-json", "--engine", "csl", "--quiet"]) == 0
    assert "dspace_citation" in capsys.readouterr().out


def test_one_failing_item_does_not_sink_the_bibliography(monkeypatch):
    from citeform.engine.csl import processor  # noqa: PLC0415
    from citeform.rendering import Renderer  # noqa: PLC0415

    real = processor.Processor.render_entry

    def failing(self, item_id, number, settings):
        if item_id == "bad":
            raise ValueError("broken item")
        return real(self, item_id, number, settings)

    monkeypatch.setattr(processor.Processor, "render_entry", failing)
    items = [
        {"id": "a", "type": "book", "title": "Eins", "author": [{"family": "Alpha"}]},
        {"id": "bad", "type": "book", "title": "Zwei", "author": [{"family": "Beta"}]},
        {"id": "c", "type": "book", "title": "Drei", "author": [{"family": "Gamma"}]},
    ]
    entries = Renderer("apa", "en-US", engine="csl").bibliography(items)
    assert [entry.split(".")[0] for entry in entries] == ["Alpha", "Gamma"]
    (error,) = entries.errors
    assert "broken item" in str(error)
    assert error.position == "item 2"


def test_page_ranges_of_any_length_are_compared_without_int():
    from citeform.engine.csl.numbers import page_range  # noqa: PLC0415

    first = "1" * 5000
    assert page_range(f"{first}-{first[:-1]}2", "chicago", "\u2013").endswith("\u201312")
