"""Numbers, suffixes and failures that must not blow up a citation or sink a document.

Roman numerals grow with their number, so huge volumes print as given; year-suffixes go
past "z" ("aa", "ab", ... "zz", "aaa"); page numbers of any length are compared without
``int``; a cluster that fails is reported and the document's other clusters render. Every
test runs with both engines (``engine_name``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import citeform
from citeform import CiteItem, Renderer
from citeform.engine.citeproc.year_suffix import suffix_letters

ROMAN_STYLE = "ayer"
"""A style printing a book's volume as a roman numeral."""


def _book(volume: str) -> dict[str, object]:
    return {
        "id": "v",
        "type": "book",
        "title": "T",
        "volume": volume,
        "author": [{"family": "Doe"}],
        "issued": {"date-parts": [[2000]]},
    }


@pytest.fixture
def roman(engine_name: str) -> Renderer:
    return Renderer(ROMAN_STYLE, "en-US", engine=engine_name)


def _break_clusters(
    monkeypatch: pytest.MonkeyPatch, engine_name: str, breaks: Callable[[list[str]], bool]
) -> None:
    """Make the engine's cluster rendering raise on clusters whose item ids *breaks* picks."""
    if engine_name == "csl":
        from citeform.engine.csl.processor import Processor  # noqa: PLC0415

        render_csl = Processor.render_cluster

        def fail_csl(self: Processor, cluster: list, *more: object) -> str:
            if breaks([cite.item_id for cite in cluster]):
                raise KeyError("broken")
            return render_csl(self, cluster, *more)  # type: ignore[arg-type]

        monkeypatch.setattr(Processor, "render_cluster", fail_csl)
        return
    from citeform.engine.citeproc.citations import CitationPipeline  # noqa: PLC0415

    render_cluster = CitationPipeline.render_cluster

    def fail(self: CitationPipeline, cluster: list) -> object:
        if breaks([cite.request.item["id"] for cite in cluster]):
            raise KeyError("broken")
        return render_cluster(self, cluster)

    monkeypatch.setattr(CitationPipeline, "render_cluster", fail)


def _break_disambiguation(monkeypatch: pytest.MonkeyPatch, engine_name: str) -> None:
    """Make the engine's disambiguation raise."""

    def fail(*_args: object, **_options: object) -> object:
        raise IndexError("broken")

    if engine_name == "csl":
        from citeform.engine.csl import processor  # noqa: PLC0415

        monkeypatch.setattr(processor, "disambiguate", fail)
        return
    from citeform.engine.citeproc import disambiguation  # noqa: PLC0415

    monkeypatch.setattr(disambiguation, "disambiguate", fail)


@pytest.mark.parametrize(
    ("volume", "printed"),
    [("4", "iv"), ("3999", "mmmcmxcix"), ("5999", "mmmmmcmxcix"), ("12-14", "xii\u2013xiv")],
)
def test_volumes_in_range_are_roman(roman: Renderer, volume: str, printed: str) -> None:
    assert roman.entry(_book(volume)) == f"Doe, T, 2000, {printed}."


@pytest.mark.parametrize("volume", ["6000", "10000000000", "1" * 13, "9" * 40])
def test_huge_volumes_print_as_given(roman: Renderer, volume: str) -> None:
    assert roman.entry(_book(volume)) == f"Doe, T, 2000, {volume}."


def test_a_huge_volume_does_not_lose_the_batch(roman: Renderer) -> None:
    entries = roman.bibliography([_book("1" * 13), _book("2")])
    assert not entries.errors
    assert len(entries) == 2


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "din-1505-2"])
@pytest.mark.parametrize("digits", [30, 5000])
def test_huge_page_numbers_and_ordinals_render(style: str, digits: int, engine_name: str) -> None:
    record = {
        **_book("1" * digits),
        "type": "chapter",
        "page": f"{'1' * digits}-{'2' * digits}",
        "edition": "3" * digits,
        "container-title": "C",
    }
    assert "1" * digits in Renderer(style, "en-US", engine=engine_name).entry(record)


def test_year_suffixes_go_past_z_as_in_citeproc_js() -> None:
    assert [suffix_letters(i) for i in (0, 25, 26, 27, 701, 702, 18277, 18278)] == [
        "a",
        "z",
        "aa",
        "ab",
        "zz",
        "aaa",
        "zzz",
        "aaaa",
    ]


def test_703_works_of_one_author_and_year_render_as_a_document(engine_name: str) -> None:
    renderer = Renderer("apa", "en-US", engine=engine_name)
    items = [
        {
            "id": f"w{index}",
            "type": "book",
            "title": f"Work {index}",
            "author": [{"family": "Doe", "given": "Jane"}],
            "issued": {"date-parts": [[2000]]},
        }
        for index in range(703)
    ]
    output = renderer.document([[CiteItem(item)] for item in items])
    assert not output.errors
    assert output[0] == "(Doe, 2000a)"
    assert output[702] == "(Doe, 2000aaa)"


def test_a_failing_cluster_does_not_sink_the_document(
    monkeypatch: pytest.MonkeyPatch, engine_name: str
) -> None:
    _break_clusters(monkeypatch, engine_name, lambda ids: "roe" in ids)
    doe = {**_book("1"), "id": "doe"}
    roe = {**_book("1"), "id": "roe", "author": [{"family": "Roe"}]}
    renderer = Renderer("apa", "en-US", engine=engine_name)
    output = renderer.document([[doe], [roe], [doe]])
    assert output[0]
    assert output[2]
    assert output[1] == ""
    assert [error.position for error in output.errors] == ["citation cluster 2"]
    with pytest.raises(citeform.RenderError, match="citation cluster 2"):
        renderer.document([[doe], [roe]], strict=True)


def test_failed_disambiguation_still_renders_every_cluster(
    monkeypatch: pytest.MonkeyPatch, engine_name: str
) -> None:
    _break_disambiguation(monkeypatch, engine_name)
    works = [{**_book(volume), "id": volume} for volume in ("1", "2")]  # two works to tell apart
    output = Renderer("apa", "en-US", engine=engine_name).document([[work] for work in works])
    assert all(output)
    assert [error.position for error in output.errors] == ["disambiguation"]
