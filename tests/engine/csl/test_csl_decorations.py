"""Where a style's formatting, affixes and display apply in HTML, as citeproc-js writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform.engine.csl.engine import CslEngine

EDITED = {"id": "e", "type": "book", "title": "T", "editor": [{"family": "Roe", "given": "Al"}]}
AUTHORS = {
    "id": "a",
    "type": "book",
    "title": "T",
    "author": [{"family": name, "given": "Al"} for name in ("Doe", "Roe", "Moe")],
}


def bibliography_html(
    tmp_path: Path, layout: str, item: dict[str, object], *, suffix: str = "", macros: str = ""
) -> str:
    style = tmp_path / f"style{len(list(tmp_path.iterdir()))}.csl"  # compiled styles are cached
    style.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        f"<info><id>t</id><title>t</title></info>{macros}"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography et-al-min="3" et-al-use-first="1">'
        f'<layout suffix="{suffix}">{layout}</layout></bibliography>'
        "</style>",
        "utf-8",
    )
    (entry,) = CslEngine(style, "en-US", "html").bibliography([item])
    return entry.text


def test_a_shorthand_substitute_takes_no_formatting_or_affixes_of_its_own(
    tmp_path: Path,
) -> None:
    layout = (
        '<names variable="author"><name/><substitute>'
        '<names variable="editor" font-style="italic" prefix="["/></substitute></names>'
    )
    assert bibliography_html(tmp_path, layout, EDITED) == '<div class="csl-entry">Al Roe</div>'


def test_display_applies_to_the_layouts_own_elements_only(tmp_path: Path) -> None:
    layout = '<group><text variable="title" display="block"/></group>'
    assert bibliography_html(tmp_path, layout, EDITED) == '<div class="csl-entry">T</div>'


def test_a_list_with_et_al_takes_the_names_formatting_once_more(tmp_path: Path) -> None:
    layout = '<names variable="author"><name font-style="italic"/></names>'
    assert bibliography_html(tmp_path, layout, AUTHORS) == (
        '<div class="csl-entry"><i><i>Al Doe</i> et al.</i></div>'
    )


def test_the_layout_suffix_goes_in_the_last_division_where_the_first_element_has_display(
    tmp_path: Path,
) -> None:
    title = '<text variable="title" display="block"/>'
    margin = '<text value="x" display="right-inline"/>'
    html = bibliography_html(tmp_path, title + margin, EDITED, suffix=".")
    assert '<div class="csl-right-inline">x.</div>' in html
    assert bibliography_html(tmp_path, '<text value="x"/>' + title, EDITED, suffix=".") == (
        '<div class="csl-entry">x\n\n    <div class="csl-block">T</div>\n.</div>'
    )


def test_font_style_is_innermost_and_quotes_go_around_the_formatting(tmp_path: Path) -> None:
    layout = (
        '<text variable="title" vertical-align="sup" font-style="italic" font-weight="bold"/>'
        '<text variable="title" prefix=" " font-style="italic" quotes="true" suffix=","/>'
    )
    html = bibliography_html(tmp_path, layout, EDITED)
    assert html == '<div class="csl-entry"><sup><b><i>T</i></b></sup> “<i>T,</i>”</div>'


def test_punctuation_moved_into_quotes_stays_outside_a_values_own_markup(
    tmp_path: Path,
) -> None:
    marked = {**EDITED, "title": "T <b>x</b>"}
    layout = '<text variable="title" font-style="italic" quotes="true" suffix=","/>'
    html = bibliography_html(tmp_path, layout, marked)
    assert html == '<div class="csl-entry">“<i>T <b>x</b>,</i>”</div>'


def test_text_outside_alphabetic_scripts_drops_its_own_font_style(tmp_path: Path) -> None:
    chinese = {**EDITED, "title": "中国古代文学史"}
    layout = (
        '<text variable="title" font-style="italic" font-weight="bold"/>'
        '<group prefix=" " font-style="italic"><text variable="title"/></group>'
        '<text variable="title" prefix=" " font-style="italic" text-case="uppercase"/>'
    )
    html = bibliography_html(tmp_path, layout, chinese)
    assert html == (
        '<div class="csl-entry"><b>中国古代文学史</b> <i>中国古代文学史</i> 中国古代文学史</div>'
    )
    greek = {**EDITED, "title": "Ιλιάς 2"}
    html = bibliography_html(tmp_path, '<text variable="title" font-style="italic"/>', greek)
    assert html == '<div class="csl-entry"><i>Ιλιάς 2</i></div>'


def test_quotes_false_opens_a_values_quoted_passages_with_the_outer_marks(
    tmp_path: Path,
) -> None:
    quoting = {**EDITED, "title": "Why \u2018open\u2019 and “closed”"}
    layout = '<text variable="title" quotes="false"/><text variable="title" prefix=" "/>'
    html = bibliography_html(tmp_path, layout, quoting)
    assert html == (
        '<div class="csl-entry">Why “open” and “closed” Why \u2018open\u2019 and “closed”</div>'
    )


MIXED = {
    "id": "m",
    "type": "book",
    "title": "a title",
    "issued": {"date-parts": [[2001, 3]]},
    "author": [
        {"family": "Doe", "given": "Al"},
        {"literal": "Plato"},
        {"family": "World Health Organization", "isInstitution": True},
    ],
}


def test_text_case_applies_to_texts_not_to_macros_groups_names_or_dates(tmp_path: Path) -> None:
    """citeproc-js cases a text, number or label only: what a macro, group, names or date
    print as a whole keeps its case (their own texts and parts are cased)."""
    cases = {
        '<text variable="title" text-case="uppercase"/>': "A TITLE",
        '<text macro="m" text-case="uppercase"/>': "a title",
        '<group text-case="capitalize-first"><text variable="title"/></group>': "a title",
        '<names variable="author" text-case="uppercase"><name/></names>': "Al Doe",
        '<date variable="issued" form="text" text-case="uppercase"/>': "March 2001",
    }
    item = {**MIXED, "author": MIXED["author"][:1]}
    for layout, expected in cases.items():
        macro = '<macro name="m"><text variable="title"/></macro>'
        html = bibliography_html(tmp_path, layout, item, macros=macro)
        assert html == f'<div class="csl-entry">{expected}</div>', layout


def test_an_institution_takes_the_formatting_of_cs_name_but_not_its_affixes(
    tmp_path: Path,
) -> None:
    layout = (
        '<names variable="author">'
        '<name et-al-min="5" prefix="[" suffix="]" font-style="italic" and="text"/></names>'
    )
    assert bibliography_html(tmp_path, layout, MIXED) == (
        '<div class="csl-entry">[<i>Al Doe</i>], <i>Plato</i>, and'
        " <i>World Health Organization</i></div>"
    )


def test_a_name_suffix_keeps_its_punctuation_before_the_delimiter_between_names(
    tmp_path: Path,
) -> None:
    """As citeproc-js joins names: a suffix and the delimiter to the next name both print,
    and the delimiter before the last name (without "and") joins no punctuation; the one
    before "and" or "et al." joins punctuation as any other text does."""
    cases = {
        '<name et-al-min="5" suffix="," delimiter=", "/>': "Al Doe,, Al Roe,, Al Moe,",
        '<name et-al-min="5" suffix=";" delimiter="; " and="text" delimiter-precedes-last='
        '"always"/>': "Al Doe;; Al Roe; and Al Moe;",
        '<name et-al-min="3" et-al-use-first="2" suffix="," delimiter=", "/>': (
            "Al Doe,, Al Roe, et al.,"
        ),
        '<name et-al-min="5" initialize-with="." delimiter=". " name-as-sort-order="all"/>': (
            "Doe, A. Roe, A.. Moe, A."
        ),
    }
    for name, expected in cases.items():
        layout = f'<names variable="author">{name}</names>'
        html = bibliography_html(tmp_path, layout, AUTHORS)
        assert html == f'<div class="csl-entry">{expected}</div>', name


@pytest.mark.parametrize(
    ("layout", "title", "expected"),
    [
        # a formatted text keeps a delimiter's, its own suffix's and a prefix's mark apart ...
        (
            (
                '<group delimiter=". "><text variable="title" font-style="italic"/>',
                '<text variable="publisher"/></group>',
            ),
            "Why tea?",
            "<i>Why tea?</i>. Pub",
        ),
        (
            (
                '<text variable="title" font-style="italic" suffix="."/>',
                '<text variable="publisher" prefix=" "/>',
            ),
            "Why tea?",
            "<i>Why tea?</i>. Pub",
        ),
        (
            (
                '<text variable="title" font-style="italic"/>',
                '<text variable="publisher" prefix=". "/>',
            ),
            "Why tea?",
            "<i>Why tea?</i>. Pub",
        ),
        # ... but drops a delimiter's mark it ends with
        (
            (
                '<group delimiter=". "><text variable="title" font-style="italic"/>',
                '<text variable="publisher"/></group>',
            ),
            "Tea.",
            "<i>Tea.</i> Pub",
        ),
        # a group's suffix, or a delimiter after a group, joins with a formatted text in it
        (
            '<group suffix="."><text variable="title" font-style="italic"/></group>',
            "Why tea?",
            ("<i>Why tea?</i>"),
        ),
        (
            (
                '<group delimiter=". "><group><text variable="title" font-style="italic"/></group>',
                '<text variable="publisher"/></group>',
            ),
            "Why tea?",
            "<i>Why tea?</i> Pub",
        ),
        # a formatted text's suffix and the prefix after it both print
        (
            (
                '<text variable="title" font-style="italic" suffix=","/>',
                '<text variable="publisher" prefix=", "/>',
            ),
            "Tea",
            "<i>Tea</i>,, Pub",
        ),
        # ... where the two are siblings, not where the formatted text is in a group before
        (
            (
                '<group><text variable="title" font-style="italic" suffix="."/></group>',
                '<text variable="publisher" prefix=". "/>',
            ),
            "Tea",
            "<i>Tea</i>. Pub",
        ),
        (
            (
                '<group><text variable="title" font-style="italic"/></group>',
                '<text variable="publisher" prefix=". "/>',
            ),
            "Tea.",
            "<i>Tea.</i> Pub",
        ),
        (
            (
                '<text variable="title" font-style="italic" prefix="["/>',
                '<text variable="publisher" prefix=". "/>',
            ),
            "Tea.",
            "[<i>Tea.</i>. Pub",
        ),
        # a prefix inside formatting stays inside it
        (
            (
                '<text variable="title"/><group font-style="italic">',
                '<text variable="publisher" prefix=". "/></group>',
            ),
            "Tea.",
            "Tea.<i>. Pub</i>",
        ),
        # a group's prefix and its first element's prefix both print
        (
            (
                '<text variable="title"/><group prefix=";">',
                '<text variable="publisher" prefix=":"/></group>',
            ),
            "T",
            "T;:Pub",
        ),
        # a space on either side of formatting stays
        (
            (
                '<group delimiter=" "><text variable="title" suffix=". "/>',
                '<group font-style="italic"><text variable="publisher" prefix=" "/></group>',
                "</group>",
            ),
            "T",
            "T. <i> Pub</i>",
        ),
        # a prefix's punctuation stays outside the quotation marks of a formatted element
        (
            (
                '<text variable="title" quotes="true" font-style="normal"/>',
                '<text variable="publisher" prefix=", "/>',
            ),
            "Tea",
            "“Tea”, Pub",
        ),
        # ... but not that of an element after a group around it
        (
            (
                '<group delimiter=" "><text value="x"/>',
                '<text variable="title" quotes="true" font-style="normal"/></group>',
                '<text variable="publisher" prefix=", "/>',
            ),
            "Tea",
            "x “Tea,” Pub",
        ),
        # quotes join punctuation as before
        (
            (
                '<text variable="title" quotes="true" suffix="."/>',
                '<text variable="publisher" prefix=". "/>',
            ),
            "Why tea?",
            "“Why tea?” Pub",
        ),
    ],
)
def test_punctuation_joins_across_formatting_as_citeproc_js_joins_it(
    tmp_path: Path, layout: tuple[str, ...], title: str, expected: str
) -> None:
    item = {"id": "p", "type": "book", "title": title, "publisher": "Pub"}
    assert (
        bibliography_html(tmp_path, "".join(layout), item)
        == f'<div class="csl-entry">{expected}</div>'
    )
