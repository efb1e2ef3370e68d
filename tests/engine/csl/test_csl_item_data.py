"""Item data as citeproc-js prints it: ordinal-looking numbers, literal dates, ranges by
locale, title case beyond Latin script, subsequent-author-substitute by name data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citeform.engine.csl.engine import CslEngine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography {options}><sort><key variable="title"/></sort>
    <layout>{layout}</layout></bibliography>
</style>"""


@pytest.fixture
def render(render_template: Any) -> Any:
    """Render *items* as a bibliography of a style with *layout* (and bibliography *options*)."""
    return render_template(STYLE, options="")


def _item(**fields: Any) -> dict[str, Any]:
    return {"id": "a", "type": "book", "title": "T", **fields}


EDITION = """<choose><if is-numeric="edition"><group delimiter=" ">
  <number variable="edition" form="ordinal"/><text term="edition" form="short"/></group></if>
  <else><text variable="edition"/></else></choose>"""


def test_a_substitute_text_repeats_by_its_value_and_keeps_its_quotes(render: Any) -> None:
    """The title standing in for names is compared as written (here it is title-cased in
    English only), and the substitute string takes its place inside its quotation marks."""
    layout = """<group delimiter=" "><names variable="author"><substitute>
      <text variable="title" text-case="title" quotes="true"/></substitute></names>
      <text variable="edition"/></group>"""
    items = [
        _item(id="a", title="Data, models, and more", edition="1"),
        _item(id="b", title="Data, models, and more", edition="2", language="fr"),
    ]
    assert render(layout, items, options=SUBSTITUTE) == ["“Data, Models, and More” 1", "“---” 2"]


def test_a_substitute_term_is_never_replaced(render: Any) -> None:
    layout = """<group delimiter=" "><names variable="author"><substitute>
      <text term="anonymous" form="short"/></substitute></names><text variable="title"/></group>"""
    items = [_item(id="a", title="A"), _item(id="b", title="B")]
    assert render(layout, items, options=SUBSTITUTE) == ["Anon. A", "Anon. B"]


@pytest.mark.parametrize(
    ("edition", "expected"), [("3rd", "3rd ed."), ("2", "2nd ed."), ("revised", "revised")]
)
def test_an_edition_with_a_letter_suffix_is_numeric_and_prints_as_given(
    render: Any, edition: str, expected: str
) -> None:
    assert render(EDITION, [_item(edition=edition)]) == [expected]


def test_a_literal_date_prints_once_in_place_of_its_year(render: Any) -> None:
    layout = """<date variable="issued"><date-part name="year" prefix="(" suffix=")"/></date>
      <date variable="issued" prefix=", "><date-part name="month"/></date>"""
    assert render(layout, [_item(issued={"literal": "ca. 1850s"})]) == ["(ca. 1850s)"]
    assert render(layout, [_item(issued={"date-parts": [[1850, 3]]})]) == ["(1850), March"]


@pytest.mark.parametrize(("lang", "dash"), [("en-US", "\u2013"), ("fr-FR", "\u2011")])
@pytest.mark.parametrize("variable", ["volume", "issue", "chapter-number", "collection-number"])
def test_a_numeric_range_takes_the_locale_page_range_delimiter(
    render: Any, lang: str, dash: str, variable: str
) -> None:
    layout = f"""<text variable="{variable}"/>"""
    assert render(layout, [_item(**{variable: "2-3"})], lang=lang) == [f"2{dash}3"]


def test_a_page_range_with_the_same_prefix_at_both_ends_takes_the_delimiter(
    render: Any,
) -> None:
    assert render("""<text variable="page"/>""", [_item(page="S1-S10")]) == ["S1\u2013S10"]


def test_title_case_capitalises_cyrillic_words_not_one_letter_words_nor_greek_letters(
    render: Any,
) -> None:
    layout = """<text variable="title" text-case="title"/>"""
    items = [_item(title="война и мир: новые прочтения of the \u03b1 helix and b")]
    assert render(layout, items) == ["Война и Мир: Новые Прочтения of the \u03b1 Helix and b"]


def test_a_term_takes_title_case_in_any_locale(render: Any) -> None:
    layout = """<names variable="translator"><name/>
      <label form="short" prefix=", " text-case="title"/></names>"""
    items = [_item(translator=[{"family": "Smith", "given": "Ann"}])]
    assert render(layout, items, lang="fr-FR") == ["Ann Smith, Trad."]


SUBSTITUTE = 'subsequent-author-substitute="---"'
AUTHOR = """<group delimiter=" "><names variable="author"><name/>
  <label form="short" prefix=" (" suffix=")"/><substitute><names variable="editor"/></substitute>
  </names><text variable="title"/><text term="no date" form="short"/></group>"""


def test_subsequent_author_substitute_compares_names_not_their_label(render: Any) -> None:
    smith = [{"family": "Smith", "given": "Ann"}]
    items = [
        _item(id="a", title="A", editor=smith),
        _item(id="b", title="B", author=smith, language="zh-CN"),
    ]
    assert render(AUTHOR, items, options=SUBSTITUTE) == ["Ann Smith (ed.) A n.d.", "--- B n.d."]


def test_a_leading_term_is_capitalised_only_where_it_leads_before_substitution(
    render: Any,
) -> None:
    layout = """<group delimiter=" "><names variable="author"/>
      <text term="no date" form="short"/><text variable="title"/></group>"""
    smith = [{"family": "Smith", "given": "Ann"}]
    items = [_item(id="a", title="A", author=smith), _item(id="b", title="B", author=smith)]
    assert render(layout, items, options=SUBSTITUTE) == ["Ann Smith n.d. A", "--- n.d. B"]


@pytest.mark.parametrize(
    ("rule", "three", "two"),
    [
        ("never", "Ann Smith, Bob Jones, and Plato", "Ann Smith and Plato"),
        ("always", "Ann Smith, Bob Jones, and Plato", "Ann Smith and Plato"),
    ],
)
def test_a_literal_name_last_joins_as_contextual_whatever_delimiter_precedes_last(
    render: Any, rule: str, three: str, two: str
) -> None:
    layout = f"""<names variable="author"><name and="text" delimiter-precedes-last="{rule}"/>
      </names>"""
    smith, jones = {"family": "Smith", "given": "Ann"}, {"family": "Jones", "given": "Bob"}
    items = [
        _item(id="a", title="A", author=[smith, jones, {"literal": "Plato"}]),
        _item(id="b", title="B", author=[smith, {"literal": "Plato"}]),
    ]
    assert render(layout, items) == [three, two]


def test_sort_keys_tie_on_case_and_accents(render: Any) -> None:
    titles = ["Data, Models", "data, models", "Résumé", "resume"]
    items = [_item(id=str(index), title=title) for index, title in enumerate(titles)]
    assert render('<text variable="title"/>', items, ordered=True) == titles
    reverse = [_item(id=str(index), title=title) for index, title in enumerate(titles[::-1])]
    expected = ["data, models", "Data, Models", "resume", "Résumé"]
    assert render('<text variable="title"/>', reverse, ordered=True) == expected


def test_display_applies_only_to_the_layout_s_own_elements(tmp_path: Path) -> None:
    layout = """<text variable="title" display="block"/><group>
      <text term="in" display="right-inline"/></group>"""
    path = tmp_path / "display.csl"
    path.write_text(STYLE.format(layout=layout, options=""), "utf-8")
    html = CslEngine(path, "en-US", "html").bibliography([_item()])[0].text
    assert 'class="csl-block">T</div>' in html
    assert "right-inline" not in html


def test_title_case_holds_back_for_other_languages_only_on_title_like_variables(
    render: Any,
) -> None:
    layout = """<group delimiter="|"><text variable="edition" text-case="title"/>
      <text variable="title" text-case="title"/><text variable="note" text-case="title"/></group>"""
    items = [_item(title="war and peace", edition="revised", note="a note here")]
    assert render(layout, items, lang="de-DE") == ["Revised|war and peace|A Note Here"]


def test_a_literal_date_gives_no_sort_key(tmp_path: Path) -> None:
    style = STYLE.replace(
        '<sort><key variable="title"/></sort>', '<sort><key variable="issued"/></sort>'
    )
    path = tmp_path / "sorted.csl"
    path.write_text(style.format(layout='<text variable="title"/>', options=""), "utf-8")
    items = [
        _item(id="z", title="Z"),
        _item(id="y", title="Y", issued={"literal": "ca. 1850"}),
        _item(id="x", title="X", issued={"date-parts": [[1900]]}),
        _item(id="b", title="B"),
    ]
    entries = CslEngine(path, "en-US", "text").bibliography(items)
    assert [entry.text for entry in entries] == ["X", "Z", "Y", "B"]


def test_a_variable_a_substitute_prints_is_suppressed_after_it_even_if_printed_before(
    render: Any,
) -> None:
    layout = """<group delimiter="; "><text variable="title"/><names variable="author">
      <substitute><text variable="title"/></substitute></names>
      <text variable="title"/><text variable="publisher"/></group>"""
    assert render(layout, [_item(title="Tea", publisher="Pub")]) == ["Tea; Tea; Pub"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/items/3?q=a&b=c", "https://example.org"),
        ("https://www.example.org/x/y.html", "www.example.org"),
        ("http://a.b/c.d/e", "http://a.b/c.d"),
        ("example", "example"),
    ],
)
def test_a_short_url_is_its_host(render: Any, url: str, expected: str) -> None:
    layout = '<text variable="URL" form="short"/>'
    assert render(layout, [_item(URL=url)]) == [expected]


def test_punctuation_after_a_number_keeps_apart_from_its_own(render: Any) -> None:
    """citeproc-js joins no punctuation into a cs:number: a German ordinal keeps its stop."""
    layout = """<group delimiter=". "><number variable="edition" form="ordinal"/>
      <text term="edition" form="short"/></group>"""
    assert render(layout, [_item(edition="2")], lang="de-DE") == ["2.. Aufl."]
