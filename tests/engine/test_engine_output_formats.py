"""Output formats: HTML escapes all data and keeps only CSL rich-text markup."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.citeproc.formats import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    QuoteTerms,
    field_markup_to_markers,
    finish,
    resolve_quotes,
)
from citeform.rendering import Renderer

ITEM = {
    "id": "x",
    "type": "book",
    "title": "Tags <script>alert(1)</script> & <i>Italic</i> and H<sub>2</sub>O",
    "author": [{"family": "Doe", "given": "Jane"}],
    "issued": {"date-parts": [[2020]]},
}


def test_html_escapes_a_script_in_a_title() -> None:
    entry = Renderer("apa", locale="en-US", format="html").entry(ITEM)
    assert "<script>" not in entry
    assert "&#60;script&#62;alert(1)&#60;/script&#62; &#38; " in entry
    assert '<span style="font-style:normal;">Italic</span>' in entry  # italic in italic title
    assert "H<sub>2</sub>O" in entry
    assert entry.startswith('<div class="csl-entry">')


def test_text_strips_rich_text_markup_only() -> None:
    entry = Renderer("apa", locale="en-US").entry(ITEM)
    assert "Tags <script>alert(1)</script> & Italic and H2O" in entry


def test_markdown_and_rtf() -> None:
    markdown = Renderer("apa", locale="en-US", format="markdown").entry(ITEM)
    assert "*Tags \\<script\\>" in markdown
    assert "H<sub>2</sub>O" in markdown
    rtf = Renderer("apa", locale="de-DE", format="rtf").entry({**ITEM, "title": "Über {x}"})
    assert "{\\i \\u220?ber \\{x\\}}" in rtf


def test_second_field_align_margins() -> None:
    html = Renderer("ieee", locale="en-US", format="html").entry(ITEM)
    assert '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">' in html
    assert Renderer("ieee", locale="en-US").entry(ITEM).startswith("[1] J. Doe, ")


def test_space_ending_the_right_part_goes_after_it(engine_name: str) -> None:
    html = Renderer("plos", locale="en-US", format="html", engine=engine_name).entry(ITEM)
    assert html.endswith("2020.</div>\n   </div>")


def test_display_applies_to_direct_layout_parts_only(engine_name: str) -> None:
    # the year's display="left-margin" sits in a group: no division, no margin space
    style = "university-of-helsinki-faculty-of-theology"
    html = Renderer(style, locale="en-US", format="html", engine=engine_name).entry(ITEM)
    assert "csl-left-margin" not in html
    text = Renderer(style, locale="en-US", engine=engine_name).entry(ITEM)
    assert text.startswith("Doe, Jane (2020). ")


def test_flip_flop_of_nested_italics() -> None:
    marked = field_markup_to_markers("<i>a <i>b</i> c</i>")
    assert finish(marked, "html", QuoteTerms()) == (
        '<i>a <span style="font-style:normal;">b</span> c</i>'
    )
    assert finish(marked, "text", QuoteTerms()) == "a b c"


def test_field_markup_nesting_and_stray_closing_tags() -> None:
    marked = field_markup_to_markers("a <i>b <b>c</b></i> d</i>")
    html = finish(marked, "html", QuoteTerms())
    assert html == "a <i>b <b>c</b></i> d&#60;/i&#62;"


def test_quotes_nest_and_take_punctuation_inside() -> None:
    terms = QuoteTerms(punctuation_in_quote=True)
    text = f"{QUOTE_OPEN}A {QUOTE_OPEN}B{QUOTE_CLOSE}{QUOTE_CLOSE}, c"
    assert resolve_quotes(text, terms) == "\u201cA \u2018B,\u2019\u201d c"
    german = QuoteTerms(outer=("\u201e", "\u201c"), inner=("\u201a", "\u2018"))
    assert resolve_quotes(f"{QUOTE_OPEN}A{QUOTE_CLOSE}.", german) == "\u201eA\u201c."


@given(st.text(alphabet=st.sampled_from("<>&\"' abi/"), max_size=40))
def test_html_never_lets_data_tags_through(title: str) -> None:
    html = finish(field_markup_to_markers(title), "html", QuoteTerms())
    without_allowed = html
    allowed = ("<i>", "</i>", "<b>", "</b>", "</span>")
    for tag in (
        *allowed,
        '<span style="font-style:normal;">',
        '<span style="font-weight:normal;">',
    ):
        without_allowed = without_allowed.replace(tag, "")
    assert "<" not in without_allowed
    assert ">" not in without_allowed


def test_explicit_plain_formatting_is_a_span_in_html() -> None:
    # strategic-design-research-journal: layout text-decoration="none", author baseline
    style = "strategic-design-research-journal"
    html = Renderer(style, locale="en-US", format="html").entry(ITEM)
    assert html.startswith(
        '<div class="csl-entry"><span style="text-decoration:none;"><span style="baseline">DOE'
    )
    assert "<span" not in Renderer(style, locale="en-US").entry(ITEM)
