"""Layout rules of the csl engine: macros as groups, labels, conditions, localized dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citeform.engine.csl.engine import CslEngine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title></info>
  {locale}
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout}</layout></bibliography>
</style>"""


@pytest.fixture
def render(tmp_path: Path) -> Any:
    """Render *items* as a bibliography of a style with *layout* (and *macros*)."""

    def run(
        layout: str,
        items: list[dict[str, Any]],
        *,
        macros: str = "",
        locale: str = "",
        lang: str = "en-US",
    ) -> list[str | None]:
        path = tmp_path / f"style{len(list(tmp_path.iterdir()))}.csl"
        path.write_text(STYLE.format(layout=layout, macros=macros, locale=locale), "utf-8")
        entries = CslEngine(path, lang, "text").bibliography(items)
        return [entry.text for entry in sorted(entries, key=lambda entry: entry.index)]

    return run


def _item(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "type": "book", "title": "T", **fields}


def test_a_macro_is_suppressed_like_a_group_when_its_variables_are_empty(render: Any) -> None:
    macros = """<macro name="pages"><text term="in" suffix=" "/><text variable="page"/></macro>"""
    layout = """<text variable="title"/><text macro="pages" prefix=", "/>"""
    assert render(layout, [_item()], macros=macros) == ["T"]
    assert render(layout, [_item(page="5")], macros=macros) == ["T, in 5"]


def test_a_macro_of_terms_only_prints(render: Any) -> None:
    macros = """<macro name="nd"><text term="no date"/></macro>"""
    assert render("""<text macro="nd"/>""", [_item()], macros=macros) == ["No date"]


def test_the_label_of_an_empty_variable_prints_singular_beside_a_printed_one(
    render: Any,
) -> None:
    layout = """<group delimiter=" "><text variable="number-of-volumes"/>
      <label variable="volume" form="short"/></group>"""
    assert render(layout, [_item(**{"number-of-volumes": "3"})]) == ["3 vol."]
    assert render(layout, [_item()]) == [""]


def test_a_condition_sees_a_variable_a_substitute_printed(render: Any) -> None:
    layout = """<names variable="author"><substitute><names variable="editor"/></substitute>
      </names><choose><if variable="editor"><text value=" (has editor)"/></if></choose>"""
    item = _item(editor=[{"family": "Doe", "given": "Jo"}])
    assert render(layout, [item]) == ["Jo Doe (has editor)"]


def test_a_date_part_without_form_keeps_the_locale_form(render: Any) -> None:
    layout = """<date variable="accessed" form="text"><date-part name="day"/>
      <date-part name="month"/><date-part name="year"/></date>"""
    item = _item(accessed={"date-parts": [[2024, 3, 5]]})
    assert render(layout, [item], lang="de-DE") == ["5. M\u00e4rz 2024"]
    assert render(layout, [item]) == ["March 5, 2024"]


def test_a_choose_in_a_choose_keeps_the_group_delimiter(render: Any) -> None:
    layout = """<group delimiter=", "><choose><if type="book"><choose><if variable="title">
      <text value="In"/><text variable="title"/></if></choose></if></choose></group>"""
    assert render(layout, [_item()]) == ["In, T"]


def test_the_values_of_type_are_alternatives_under_match_all(render: Any) -> None:
    layout = """<choose><if type="webpage book"><text value="yes"/></if>
      <else><text value="no"/></else></choose>"""
    assert render(layout, [_item()]) == ["yes"]


def test_a_choose_in_a_substitute_gives_its_first_printing_element(render: Any) -> None:
    layout = """<group delimiter=". "><names variable="author"><substitute><choose>
      <if type="report"><text variable="publisher"/><text variable="title"/></if>
      </choose></substitute></names><text variable="title"/></group>"""
    item = _item(type="report", publisher="Press")
    assert render(layout, [item]) == ["Press. T"]


def test_character_references_in_attributes_are_read_as_characters(render: Any) -> None:
    layout = """<text variable="title" prefix="&amp;#8212;&amp;#x2014;&amp;#160;"/>"""
    assert render(layout, [_item()]) == ["\u2014\u2014\u00a0T"]


def test_a_leading_term_is_not_capitalised_after_a_number(render: Any) -> None:
    layout = """<text variable="volume" suffix=" "/><text term="no date" form="short"/>"""
    assert render(layout, [_item(volume="2")]) == ["2 n.d."]
    assert render(layout, [_item()]) == ["N.d."]
