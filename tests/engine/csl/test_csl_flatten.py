"""Writing rich text in the csl engine: punctuation joins, quotes, escaping, markup."""

from __future__ import annotations

import pytest

from citeform.engine.csl.locale import build_locale
from citeform.engine.csl.markup import parse_markup
from citeform.engine.csl.rich import DEFAULT_QUOTES, Quotes, Rich, flatten

ITALIC = (("font-style", "italic"),)
OUTSIDE = DEFAULT_QUOTES
INSIDE = Quotes(punctuation_in_quote=True)


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (Rich(("Title.", ". ", "Next")), "Title. Next"),
        (Rich(("Title?", ".")), "Title?"),
        (Rich(("A,", ", B")), "A, B"),
        (Rich(("A", " ", " B")), "A B"),
    ],
)
def test_punctuation_and_spaces_join_at_boundaries(node: Rich, expected: str) -> None:
    assert flatten(node, OUTSIDE, "text") == expected


def test_quotes_flip_flop_between_outer_and_inner() -> None:
    inner = Rich(("inner",), quoted=True)
    node = Rich((Rich(("Outer ", inner, " end"), quoted=True),))
    assert flatten(node, OUTSIDE, "text") == "\u201cOuter \u2018inner\u2019 end\u201d"


def test_punctuation_moves_into_quotes_where_the_locale_says() -> None:
    node = Rich((Rich(("Title",), quoted=True), ", next"))
    assert flatten(node, INSIDE, "text") == "\u201cTitle,\u201d next"
    assert flatten(node, OUTSIDE, "text") == "\u201cTitle\u201d, next"


def test_punctuation_of_held_text_stays_outside_quotes() -> None:
    title = Rich(("Title",), quoted=True)
    suffix = Rich((", emphasis added",), held=True)
    assert flatten(Rich((title, suffix)), INSIDE, "text") == "\u201cTitle\u201d, emphasis added"
    held_runs = ((". And so", ".\u201d And so"), ("?", "\u201d?"), ("., x", ".\u201d, x"))
    for held, expected in held_runs:
        node = Rich((title, Rich((held,), held=True)))
        assert flatten(node, INSIDE, "text") == "\u201cTitle" + expected
    styled = Rich((title, ", 2nd ed.", suffix))
    assert flatten(styled, INSIDE, "text") == "\u201cTitle,\u201d 2nd ed., emphasis added"


def test_german_quotes_and_straight_quotes_in_data() -> None:
    german = build_locale("de-DE").quotes
    node = Rich((parse_markup('Ein "Zitat" hier', german),), quoted=True)
    assert flatten(node, german, "text") == "\u201eEin \u201aZitat\u2018 hier\u201c"


def test_html_escapes_data_but_not_markup() -> None:
    node = Rich(("<script>alert(1)</script> & co", Rich((" more",), ITALIC)))
    html = flatten(node, OUTSIDE, "html")
    assert "<script" not in html
    assert html.endswith("<i> more</i>")
    assert flatten(node, OUTSIDE, "text").startswith("<script>")


def test_markup_in_data_becomes_formatting() -> None:
    node = parse_markup("A <i>title</i> & <b>bold</b>", OUTSIDE)
    assert flatten(node, OUTSIDE, "html") == "A <i>title</i> &#38; <b>bold</b>"
    assert flatten(node, OUTSIDE, "text") == "A title & bold"


def test_italics_from_data_flip_to_normal_in_html() -> None:
    node = Rich(("it", Rich(("nested",), ITALIC, markup=True)), ITALIC)
    assert flatten(node, OUTSIDE, "html") == (
        '<i>it<span style="font-style:normal;">nested</span></i>'
    )


def test_style_formatting_nests_without_flipping() -> None:
    # citeproc-js writes <i>a <i>b</i></i> for a style's italic inside its italic
    node = Rich(("a ", Rich(("b",), ITALIC)), ITALIC)
    assert flatten(node, OUTSIDE, "html") == "<i>a <i>b</i></i>"


def test_superscript_characters_become_sup_in_html_only() -> None:
    text = "1\u02b3\u1d49 \u00e9d."
    assert flatten(text, OUTSIDE, "html") == "1<sup>r</sup><sup>e</sup> \u00e9d."
    assert flatten(text, OUTSIDE, "text") == text
