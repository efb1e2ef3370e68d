"""The citation side of the public API: ``Renderer.citation`` and ``Renderer.document``."""

from __future__ import annotations

from pathlib import Path

import pytest
from citation_styles import AUTHOR_DATE, NOTE, NUMERIC, style_file

import citeform
from citeform import CiteItem, Renderer


def _book(
    key: str, family: str, year: int, title: str = "A Book", **extra: object
) -> dict[str, object]:
    return {
        "id": key,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": "Jo"}],
        "issued": {"date-parts": [[year]]},
        **extra,
    }


DOE, ROE = _book("doe", "Doe", 2000, "First Book"), _book("roe", "Roe", 2001, "Second Book")


@pytest.fixture
def note(tmp_path: Path) -> Renderer:
    return Renderer(style=style_file(tmp_path, NOTE, cls="note"), locale="en-US", format="html")


@pytest.fixture
def author_date(tmp_path: Path) -> Renderer:
    return Renderer(style=style_file(tmp_path, AUTHOR_DATE), locale="en-US", format="text")


def test_note_positions_in_document_order(note: Renderer) -> None:
    clusters = [
        [CiteItem(DOE, locator="12")],
        [CiteItem(DOE, locator="12")],
        [CiteItem(DOE, locator="14")],
        [CiteItem(ROE)],
        [CiteItem(DOE)],
    ]
    assert note.document(clusters) == [
        "Jo Doe, <i>First Book</i>, 2000, p. 12.",
        "Ibid.",
        "Ibid. 14.",
        "Jo Roe, <i>Second Book</i>, 2001.",
        "Doe, above.",
    ]


def test_given_note_numbers_decide_near_note_and_first_reference_note_number(
    note: Renderer,
) -> None:
    output = note.document(
        [[CiteItem(DOE)], [CiteItem(ROE)], [CiteItem(DOE)]], note_numbers=[3, 4, 20]
    )
    assert output[2] == "Doe, n. 3."


def test_note_numbers_must_match_the_clusters(tmp_path: Path, engine_name: str) -> None:
    note = Renderer(style_file(tmp_path, NOTE, cls="note"), locale="en-US", engine=engine_name)
    with pytest.raises(ValueError, match="note numbers"):
        note.document([[CiteItem(DOE)]], note_numbers=[1, 2])


def test_records_and_cite_items_mix_and_the_same_record_is_one_item(note: Renderer) -> None:
    record = citeform.Record.from_csl(DOE)
    assert note.document([[record], [CiteItem(record)]]) == [
        "Jo Doe, <i>First Book</i>, 2000.",
        "Ibid.",
    ]


AUTHOR_ONLY = {
    "citeproc-py": ["(Doe)", "(see Doe, esp.)"],
    "csl": ["Doe", "see Doe, esp."],  # citeproc-js: the names alone, without the layout's affixes
}
"""An author-only cite, bare and with cite affixes, as each engine prints it."""


def test_affixes_suppress_author_and_author_only(tmp_path: Path, engine_name: str) -> None:
    author_date = Renderer(style_file(tmp_path, AUTHOR_DATE), locale="en-US", engine=engine_name)
    assert (
        author_date.citation([CiteItem(DOE, prefix="see ", suffix=", esp.")])
        == "(see Doe 2000, esp.)"
    )
    assert (
        author_date.citation([CiteItem(DOE, suppress_author=True, locator="5")]) == "(2000, p. 5)"
    )
    bare, with_affixes = AUTHOR_ONLY[engine_name]
    assert author_date.citation([CiteItem(DOE, author_only=True)]) == bare
    assert (
        author_date.citation([CiteItem(DOE, author_only=True, prefix="see ", suffix=", esp.")])
        == with_affixes
    )


def test_locator_labels_are_terms(author_date: Renderer) -> None:
    assert (
        author_date.citation([CiteItem(DOE, locator="3", label="chapter")]) == "(Doe 2000, chap. 3)"
    )


def test_year_suffix_and_its_collapse(author_date: Renderer) -> None:
    first, second = _book("d1", "Doe", 2000, "Alpha"), _book("d2", "Doe", 2000, "Beta")
    assert author_date.citation([first, second]) == "(Doe 2000a, b)"
    # without a bibliography, suffixes follow the order of first citation
    assert author_date.document([[second], [first]]) == ["(Doe 2000a)", "(Doe 2000b)"]


def test_add_names_tells_et_al_lists_apart(author_date: Renderer) -> None:
    people = [{"family": name, "given": "A"} for name in ("Ash", "Birch", "Cedar")]
    one = {**_book("x1", "X", 1999), "author": people}
    two = {
        **_book("x2", "X", 1999),
        "author": [*people[:1], {"family": "Dogwood", "given": "B"}, people[2]],
    }
    assert (
        author_date.citation([one, two]) == "(Ash, Birch, et al. 1999; Ash, Dogwood, et al. 1999)"
    )


def test_et_al_subsequent(note: Renderer) -> None:
    item = {**DOE, "author": [{"family": f"N{index}", "given": "A"} for index in range(3)]}
    output = note.document([[item], [ROE], [item]])
    assert output[0].startswith("A N0 et al.")
    assert output[2] == "N0 et al., above."


def test_citation_numbers_follow_the_bibliography_and_collapse(tmp_path: Path) -> None:
    renderer = Renderer(style=style_file(tmp_path, NUMERIC), locale="en-US", format="text")
    items = [_book(key, "Doe", 2000, title) for key, title in zip("pqrs", "DCBA", strict=True)]
    assert renderer.citation(items) == "[1\u20134]"
    assert renderer.document([[items[0]], [items[3], items[1]]]) == ["[3]", "[1, 2]"]


def test_dates_without_a_plain_year_group_without_error(author_date: Renderer) -> None:
    ranged = {**_book("r", "Doe", 2000), "issued": {"date-parts": [[2000], [2001]]}}
    literal = {**_book("l", "Doe", 2000), "issued": {"literal": "around 1900"}}
    output = author_date.citation([ranged, literal, DOE])
    assert output.startswith("(Doe ")
    assert "around 1900" in output


def test_a_failing_cluster_is_a_render_error_naming_it(
    tmp_path: Path, engine_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeform.engine.citeproc.citations import CitationPipeline  # noqa: PLC0415
    from citeform.engine.csl.processor import Processor  # noqa: PLC0415

    def fail(*_args: object) -> str:
        raise KeyError("broken")

    monkeypatch.setattr(CitationPipeline, "render_cluster", fail)
    monkeypatch.setattr(Processor, "render_cluster", fail)
    author_date = Renderer(style_file(tmp_path, AUTHOR_DATE), locale="en-US", engine=engine_name)
    with pytest.raises(citeform.RenderError, match="citation cluster 1") as caught:
        author_date.citation([DOE])
    assert caught.value.position == "citation cluster 1"


def test_page_locators_follow_the_page_range_format() -> None:
    chicago = Renderer(style="chicago-fullnote-bibliography", locale="en-US")
    assert chicago.citation([CiteItem(DOE, locator="321-328")]).endswith(", 321\u201328.")


def test_an_escaped_hyphen_is_no_range(note: Renderer) -> None:
    assert note.citation([CiteItem(DOE, locator="12\\-14")]).endswith(", p. 12-14.")


def test_locator_tests_see_the_cite_locator() -> None:
    apa = Renderer(style="apa", locale="en-US")
    assert apa.citation([CiteItem(DOE, locator="3", label="chapter")]) == "(Doe, 2000, Chapter 3)"
    assert apa.citation([CiteItem(DOE, locator="12", label="paragraph")]) == "(Doe, 2000, para. 12)"


def test_a_name_count_renders_as_a_number(tmp_path: Path) -> None:
    body = (
        '<citation><layout delimiter="; "><group delimiter=" "><text value="n ="/>'
        '<names variable="author"><name form="count"/></names></group></layout></citation>'
    )
    renderer = Renderer(style=style_file(tmp_path, body), locale="en-US")
    two = {**DOE, "author": [{"family": "Doe", "given": "Jo"}, {"family": "Roe", "given": "R"}]}
    assert renderer.citation([two, ROE]) == "n = 2; n = 1"


def test_the_implicit_year_suffix_follows_the_first_year_only(tmp_path: Path) -> None:
    body = (
        '<citation disambiguate-add-year-suffix="true"><layout delimiter="; ">'
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date>'
        '<date variable="issued" form="numeric"/></group></layout></citation>'
    )
    renderer = Renderer(style=style_file(tmp_path, body), locale="en-US")
    first = {**DOE, "issued": {"date-parts": [[1990, 5, 30]]}}
    second = {**first, "id": "doe-2"}
    assert renderer.citation([first, second]) == "Doe 1990a 05/30/1990; Doe 1990b 05/30/1990"
