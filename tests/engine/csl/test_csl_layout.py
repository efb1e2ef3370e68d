"""Layout rules of the csl engine: macros as groups, labels, conditions, localized dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citeform.engine.base import CiteRequest
from citeform.engine.csl.engine import CslEngine
from citeform.errors import UnknownLocaleError
from citeform.rendering import Renderer

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title></info>
  {locale}
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout}</layout></bibliography>
</style>"""


@pytest.fixture
def render(render_template: Any) -> Any:
    """Render *items* as a bibliography of a style with *layout* (and *macros*)."""
    return render_template(STYLE, macros="", locale="")


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


NUMBERED = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>n</id><title>n</title></info>
  <macro name="number"><text variable="citation-number"/></macro>
  <citation><layout><text macro="number"/></layout></citation>
  <bibliography><layout><choose><if type="book"><text variable="citation-number" suffix=". "/>
    <text variable="title"/></if></choose></layout></bibliography>
</style>"""


def test_an_entry_that_prints_nothing_keeps_its_number_in_a_numbered_style(
    tmp_path: Path,
) -> None:
    path = tmp_path / "numbered.csl"
    path.write_text(NUMBERED, "utf-8")
    items = [_item(id="a"), _item(id="b", type="letter"), _item(id="c", title="U")]
    entries = CslEngine(path, "en-US", "text").bibliography(items)
    assert [entry.text for entry in sorted(entries, key=lambda entry: entry.index)] == [
        "1. T",
        "2. [CSL STYLE ERROR: reference with no printed form.]",
        "3. U",
    ]


def test_an_entry_that_prints_nothing_is_empty_in_an_unnumbered_style(render: Any) -> None:
    layout = """<choose><if type="book"><text variable="title"/></if></choose>"""
    assert render(layout, [_item(type="letter")]) == [""]


def test_display_counts_only_on_the_layouts_own_elements(tmp_path: Path) -> None:
    style = STYLE.format(
        locale="",
        macros="",
        layout="""<group display="block"><text variable="title"/></group>
          <group><text value="In" display="right-inline" suffix=": "/>
          <text variable="title"/></group>""",
    )
    path = tmp_path / "display.csl"
    path.write_text(style, "utf-8")
    (entry,) = CslEngine(path, "en-US", "html").bibliography([_item()])
    assert entry.text is not None
    assert entry.text.count("csl-block") == 1
    assert "csl-right-inline" not in entry.text


def test_sorting_citations_by_number_does_not_make_a_style_numbered(tmp_path: Path) -> None:
    style = NUMBERED.replace(
        '<citation><layout><text macro="number"/></layout></citation>',
        '<citation><sort><key variable="citation-number"/></sort>'
        '<layout><text variable="title"/></layout></citation>',
    )
    path = tmp_path / "sorted.csl"
    path.write_text(style, "utf-8")
    entries = CslEngine(path, "en-US", "text").bibliography([_item(type="letter")])
    assert [entry.text for entry in entries] == [""]


CITING = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>c</id><title>c</title></info>
  <citation><layout><group delimiter=", "><text variable="title"/><group delimiter=" ">
    <label variable="locator" form="short"/><text variable="locator"/></group></group>
  </layout></citation>
</style>"""


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        (" 666", "T, p. 666"),
        ("12-14", "T, pp. 12\u201314"),
    ],
)
def test_locators_are_trimmed(tmp_path: Path, locator: str, expected: str) -> None:
    path = tmp_path / "citing.csl"
    path.write_text(CITING, "utf-8")
    (cluster,) = CslEngine(path, "en-US", "text").citations(
        [[CiteRequest(_item(), locator=locator)]]
    )
    assert cluster.text == expected


def test_a_locale_date_parts_text_case_applies(render: Any) -> None:
    locale = """<locale><date form="text"><date-part name="month" suffix=" "
      text-case="uppercase"/><date-part name="year"/></date></locale>"""
    layout = """<date variable="issued" form="text" date-parts="year-month">
      <date-part name="month" form="short"/></date>"""
    item = _item(issued={"date-parts": [[2005, 12, 15]]})
    assert render(layout, [item], locale=locale) == ["DEC. 2005"]


def test_zoteros_older_field_names_give_the_short_titles(render: Any) -> None:
    layout = """<group delimiter="/"><text variable="container-title-short"/>
      <text variable="title-short"/></group>"""
    item = _item(journalAbbreviation="J", shortTitle="S")
    assert render(layout, [item]) == ["J/S"]


def test_number_ranges_take_the_locales_range_delimiter(render: Any) -> None:
    layout = """<group delimiter=" "><text variable="number"/><text variable="page"/></group>"""
    item = _item(number="99-02", page="431-456, 791\u2013823")
    nb_hyphen = "\u2011"
    assert render(layout, [item], lang="fr-FR") == [
        f"99{nb_hyphen}02 431{nb_hyphen}456, 791{nb_hyphen}823"
    ]
    assert render(layout, [item]) == ["99\u201302 431\u2013456, 791\u2013823"]


def test_terms_take_title_case_and_curled_apostrophes_in_any_locale(render: Any) -> None:
    layout = """<group delimiter=" "><text term="editor" form="short" text-case="title"/>
      <text term="from"/><text variable="title" text-case="title"/></group>"""
    item = _item(title="la vie en rose")
    (text,) = render(layout, [item], lang="fr-FR")
    assert text.startswith("\u00c9d.")
    assert "\u00e0 l\u2019adresse" in text
    assert text.endswith("la vie en rose")


def test_a_locale_only_the_style_defines_renders_with_the_csl_engine(tmp_path: Path) -> None:
    style = STYLE.format(
        locale="""<locale xml:lang="gx"><terms><term name="editor">edxitor</term></terms>
          </locale>""",
        macros="",
        layout="""<names variable="editor"><name/><label prefix=" (" suffix=")"/></names>""",
    ).replace('version="1.0"', 'version="1.0" default-locale="gx"')
    path = tmp_path / "gx.csl"
    path.write_text(style, "utf-8")
    item = _item(editor=[{"family": "Doe", "given": "Jo"}])
    assert Renderer(str(path), engine="csl").entry(item) == "Jo Doe (edxitor)"
    assert Renderer(str(path), locale="gx", engine="csl").entry(item) == "Jo Doe (edxitor)"
    with pytest.raises(UnknownLocaleError):
        Renderer(str(path), locale="gx", engine="citeproc-py")


def test_numbers_with_letters_and_roman_numerals_in_numbers_and_labels(render: Any) -> None:
    layout = """<group delimiter=" | "><number variable="edition" form="ordinal"/>
      <number variable="volume" form="roman"/><group delimiter=" ">
      <text variable="number-of-pages"/><label variable="number-of-pages" form="short"/>
      </group></group>"""
    item = _item(edition="12bis", volume="12-14", **{"number-of-pages": "xii, 200"})
    assert render(layout, [item]) == ["12bis | xii\u2013xiv | xii, 200 pp."]


def test_display_divisions_keep_the_spaces_citeproc_js_writes_around_them(
    tmp_path: Path,
) -> None:
    style = STYLE.format(
        locale="",
        macros="",
        layout="""<text variable="title" display="block"/><group display="indent">
          <text variable="publisher"/></group><text value="end"/>""",
    )
    path = tmp_path / "blocks.csl"
    path.write_text(style, "utf-8")
    item = _item(publisher="P")
    (html,) = CslEngine(path, "en-US", "html").bibliography([item])
    (text,) = CslEngine(path, "en-US", "text").bibliography([item])
    assert html.text is not None
    assert " ".join(html.text.split()) == (
        '<div class="csl-entry"> <div class="csl-block">T</div> '
        '<div class="csl-indent">P</div> end</div>'
    )
    assert text.text is not None
    assert " ".join(text.text.split()) == "T Pend"


def test_a_term_ending_an_aligned_entry_is_still_capitalised(tmp_path: Path) -> None:
    style = NUMBERED.replace("<bibliography>", '<bibliography second-field-align="flush">').replace(
        '<choose><if type="book"><text variable="citation-number" suffix=". "/>\n'
        '    <text variable="title"/></if></choose>',
        '<text variable="citation-number" suffix="."/><text term="no date" form="short"/>',
    )
    path = tmp_path / "aligned.csl"
    path.write_text(style, "utf-8")
    (entry,) = CslEngine(path, "en-US", "text").bibliography([_item()])
    assert entry.text == "1. N.d."


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        ('<text value="."/>', "\u201cT\u201d."),
        ('<text value=", x"/>', "\u201cT\u201d, x"),
        ('<text value=". x"/>', "\u201cT.\u201d x"),
        ('<text variable="note"/>', "\u201cT\u201d, n"),
        ('<text value="x" prefix=", "/>', "\u201cT,\u201d x"),
        ('<text value="x" prefix=". "/>', "\u201cT.\u201d x"),
    ],
)
def test_only_affixes_move_punctuation_into_a_closing_quote(
    render: Any, after: str, expected: str
) -> None:
    layout = f'<text variable="title" quotes="true"/>{after}'
    assert render(layout, [_item(note=", n")]) == [expected]


def test_a_cite_left_empty_by_suppress_author_still_prints_its_affixes(tmp_path: Path) -> None:
    path = tmp_path / "style.csl"
    layout = '<layout prefix="(" suffix=")"><names variable="author"/></layout>'
    path.write_text(
        STYLE.format(locale="", macros="", layout="").replace(
            '<layout><text variable="title"/></layout>', layout
        ),
        "utf-8",
    )
    engine = CslEngine(path, "en-US", "text")
    item = {"id": "a", "type": "book", "author": [{"family": "Doe"}]}
    cites = [
        [CiteRequest(item, prefix="see ", suffix=", emphasis added", suppress_author=True)],
        [CiteRequest(item, prefix="cf. ", suppress_author=True)],
    ]
    assert [entry.text for entry in engine.citations(cites)] == [
        "(see , emphasis added)",
        "(cf. )",
    ]
