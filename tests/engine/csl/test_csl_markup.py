"""Reading markup and quotes in field values, and writing punctuation around them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.csl.markup import ends_sentence, parse_markup
from citeform.engine.csl.rich import DEFAULT_QUOTES, Quotes, Rich, flatten, plain

INSIDE = Quotes(punctuation_in_quote=True)
ITALIC = (("font-style", "italic"),)


def text_of(value: str, quotes: Quotes = DEFAULT_QUOTES, output: str = "text") -> str:
    return flatten(parse_markup(value, quotes), quotes, output)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "'Nobody Knows You're a Dog': cartoon",
            "\u201cNobody Knows You\u2019re a Dog\u201d: cartoon",
        ),
        (
            'Nation of "Positive Obligations " of State',
            'Nation of "Positive Obligations " of State',
        ),
        ("l'''", "l\u2019\u2019\u2019"),
        ("the '70s", "the \u201970s"),
        ('My "\u2018Amazing\u2019 title" here', "My \u201c\u2018Amazing\u2019 title\u201d here"),
    ],
)
def test_quotes_open_before_words_and_close_after_them(value: str, expected: str) -> None:
    assert text_of(value) == expected


def test_quotes_span_tags() -> None:
    assert text_of('("<i>My Title</i>")', output="html") == "(\u201c<i>My Title</i>\u201d)"


def test_locale_inner_marks_stay_inner_until_nested_in_inner_ones() -> None:
    assert text_of("meaning \u2018God willing\u2019.") == "meaning \u2018God willing\u2019."
    nested = Rich((parse_markup("My \u201c\u2018Amazing\u2019 and\u201d Title"),), quoted=True)
    assert flatten(nested, DEFAULT_QUOTES, "text") == (
        "\u201cMy \u2018\u201cAmazing\u201d and\u2019 Title\u201d"
    )


def test_nodecor_undoes_the_formatting_around_it() -> None:
    node = Rich((parse_markup('Lessard <span class="nodecor">v.</span> Schmidt'),), ITALIC)
    assert flatten(node, DEFAULT_QUOTES, "html") == (
        '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>'
    )


def test_french_spaces_inside_guillemets_become_narrow() -> None:
    assert (
        text_of("His \u00ab Anonymous \u00bb Life") == "His \u00ab\u202fAnonymous\u202f\u00bb Life"
    )


@pytest.mark.parametrize(
    ("suffix", "following", "expected"),
    [
        ("!", ": colon", "\u201cquote!\u201d colon"),
        (".", "! x", "\u201cquote.!\u201d x"),
        (",", ". x", "\u201cquote,.\u201d x"),
        (":", ", x", "\u201cquote\u201d:, x"),
        (";", "? x", "\u201cquote?\u201d x"),
    ],
)
def test_punctuation_runs_join_then_move_into_quotes(
    suffix: str, following: str, expected: str
) -> None:
    node = Rich((Rich(("quote",), quoted=True), suffix, following))
    assert flatten(node, INSIDE, "text") == expected


def test_punctuation_moves_through_nested_closing_quotes() -> None:
    node = Rich((Rich((parse_markup("This is 'The One'"),), quoted=True), "."))
    assert flatten(node, INSIDE, "text") == "\u201cThis is \u2018The One.\u2019\u201d"


def test_punctuation_stays_outside_a_quote_the_value_continues_after() -> None:
    node = Rich((parse_markup("'quote', "), "Hello"))
    assert flatten(node, INSIDE, "text") == "\u201cquote\u201d, Hello"


def test_duplicate_punctuation_stays_inside_formatting() -> None:
    node = Rich((Rich(("Doe, J.",), (("font-variant", "small-caps"),)), ". 1965"))
    assert flatten(node, DEFAULT_QUOTES, "html") == (
        '<span style="font-variant:small-caps;">Doe, J.</span> 1965'
    )


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("Caps after. ", True), ("Nocapsafter. ", False), ("See also ", False), ('Said "so." ', True)],
)
def test_a_prefix_of_several_words_can_end_a_sentence(prefix: str, expected: bool) -> None:
    assert ends_sentence(prefix) is expected


def test_superscript_characters_of_several_letters_and_without_decomposition() -> None:
    assert flatten("X\u2122 \u02c0", DEFAULT_QUOTES, "html") == "X<sup>TM</sup> <sup>\u0294</sup>"


_TAGS = st.sampled_from(["<i>", "</i>", "<b>", "</b>", '<span class="nocase">', "</span>", "<sc>"])
_VALUES = st.lists(st.one_of(st.text(max_size=8), _TAGS), max_size=12).map("".join)


@given(_VALUES)
def test_html_never_carries_an_unescaped_angle_bracket_from_data(value: str) -> None:
    html = text_of(value, output="html")
    without_markup = re.sub(r'</?(?:i|b|sup|sub)>|<span style="[^"<>]*">|</span>', "", html)
    assert "<" not in without_markup
    assert ">" not in without_markup


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


@given(_VALUES)
def test_reading_markup_keeps_the_text_and_drops_only_tags(value: str) -> None:
    kept = "".join(char for char in plain(parse_markup(value)) if char.isalnum())
    text = "".join(char for char in re.sub(r"<[^>]*>", "", value) if char.isalnum())
    assert _subsequence(text, kept)
    assert _subsequence(kept, "".join(char for char in value if char.isalnum()))


def test_nested_formatting_writes_once_where_the_format_cannot_flip() -> None:
    node = Rich(("a", Rich(("b",), ITALIC), Rich(("c",), ITALIC, markup=True)), ITALIC)
    assert flatten(node, DEFAULT_QUOTES, "markdown") == "*abc*"
    assert flatten(node, DEFAULT_QUOTES, "html") == (
        '<i>a<i>b</i><span style="font-style:normal;">c</span></i>'
    )


def test_semicolon_after_formatting_that_ends_in_a_quote_moves_inside_the_formatting() -> None:
    title = Rich((parse_markup('Aristotle\'s "De Motu"'),), ITALIC)
    assert flatten(Rich((title, "; P")), INSIDE, "html") == (
        "<i>Aristotle\u2019s \u201cDe Motu\u201d;</i> P"
    )
    assert flatten(Rich((title, ". P")), INSIDE, "html") == (
        "<i>Aristotle\u2019s \u201cDe Motu.\u201d</i> P"
    )
    assert flatten(Rich((Rich(("x",), quoted=True), "; P")), INSIDE, "html") == ("\u201cx\u201d; P")


def test_punctuation_joins_on_the_text_not_on_its_html_escape() -> None:
    assert flatten(Rich(("<https://x.org>", ".")), DEFAULT_QUOTES, "html") == (
        "&#60;https://x.org&#62;."
    )
