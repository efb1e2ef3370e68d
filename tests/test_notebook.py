"""HTML views for notebooks: complete, and escaped whatever the record holds."""

from __future__ import annotations

import doctest
import re
from html import unescape
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

import citeform
import citeform.notebook
from citeform import Date, Name, Origin, Record, Unmapped
from citeform.notebook import bibliography_html, clean_markup, record_html

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


class TagCollector(HTMLParser):
    """Collects the tags and attributes of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def tags_of(html: str) -> set[str]:
    collector = TagCollector()
    collector.feed(html)
    return {tag for tag, _ in collector.tags}


def text_of(html: str) -> str:
    collector = TagCollector()
    collector.feed(html)
    return "".join(collector.text)


def seed_like_record() -> Record:
    return Record.build(
        "article-journal",
        {
            "title": "Fachkonferenz zur Arbeitsmarktintegration",
            "author": [Name.corporate("Städtetag Nordrhein-Westfalen")],
            "editor": [Name(family="Beethoven", given="Ludwig", non_dropping_particle="van")],
            "container-title": "Eildienst",
            "issue": "2",
            "page": "3-4",
            "issued": Date.of(2017, 2),
        },
        id="seed",
        citation="Städtetag Nordrhein-Westfalen (2017) …",
        unmapped=[Unmapped("dc.subject", "Integration", "de", "line 40")],
        origin=Origin("dspace-page", "item.txt", "line 1"),
    )


def test_record_html_shows_every_part():
    html = record_html(seed_like_record())
    for expected in (
        "<caption>article-journal · seed</caption>",
        "<th>author</th><td>Städtetag Nordrhein-Westfalen</td>",
        "<th>editor</th><td>Ludwig van Beethoven</td>",
        "<th>issued</th><td>2017-02</td>",
        "<th>page</th><td>3-4</td>",
        "<th>Zitierform</th>",
        '<tr class="unmapped"><th>unmapped: dc.subject [de]</th><td>Integration</td></tr>',
        "<th>from</th><td>dspace-page, item.txt:line 1</td>",
    ):
        assert expected in html


def test_record_html_escapes_every_value():
    record = Record.build(
        "book",
        {"title": HOSTILE, "author": [Name.corporate(HOSTILE)], "issued": Date(literal=HOSTILE)},
        id=HOSTILE,
        citation=HOSTILE,
        custom={HOSTILE: HOSTILE},
        unmapped=[Unmapped(HOSTILE, HOSTILE, HOSTILE)],
        origin=Origin(HOSTILE, HOSTILE, HOSTILE),
    )
    html = record_html(record)
    assert tags_of(html) == {"style", "table", "caption", "tr", "th", "td"}
    assert "<script" not in html
    assert "<img" not in html


@given(st.text())
def test_record_html_never_lets_markup_through(title):
    html = record_html(Record.build("book", {"title": title}))
    assert tags_of(html) == {"style", "table", "caption", "tr", "th", "td"}


@given(st.lists(st.text()))
def test_text_entries_come_back_as_text(entries):
    html = bibliography_html(entries)
    assert tags_of(html) <= {"ol", "li"}
    assert len(re.findall("<li>", html)) == len(entries)


def test_html_entries_keep_csl_markup_only():
    entry = (
        '<i>Eildienst</i>, <b>2</b>, <span style="font-variant:small-caps;">Köln</span> '
        '<span class="nocase">iPhone</span> <span style="color:red">x</span> '
        '<a href="https://doi.org/10.1/x">doi</a> <a href="javascript:alert(1)">bad</a>'
        f"{HOSTILE}"
    )
    html = clean_markup(entry)
    assert '<i>Eildienst</i>, <b>2</b>, <span style="font-variant:small-caps;">Köln</span>' in html
    assert '<span class="nocase">iPhone</span>' in html
    assert "<span>x</span>" in html
    assert '<a href="https://doi.org/10.1/x">doi</a>' in html
    assert "<a>bad</a>" in html
    assert "<script" not in html
    assert "<img" not in html
    assert text_of(html).endswith(HOSTILE)


@given(st.text())
def test_cleaned_markup_has_only_allowed_tags(fragment):
    html = clean_markup(fragment)
    assert tags_of(html) <= set(citeform.notebook.ALLOWED_MARKUP)


def test_docstring_examples():
    result = doctest.testmod(citeform.notebook)
    assert result.attempted > 0
    assert result.failed == 0


@given(st.text().filter(lambda text: "<" not in text))
def test_cleaning_loses_no_text(fragment):
    assert unescape(clean_markup(fragment)) == unescape(fragment)


def test_declarations_and_instructions_are_shown_as_text():
    assert clean_markup("<!DOCTYPE x><?php y ?><![CDATA[z]]>a<br/>b") == (
        "&lt;!DOCTYPE x&gt;&lt;?php y ?&gt;&lt;![CDATA[z]]&gt;a&lt;br/&gt;b"
    )


def test_a_record_shows_itself_in_a_notebook():
    record = seed_like_record()
    assert record._repr_html_() == record_html(record)


def test_html_entries_are_recognised_and_text_entries_escaped():
    html_entries = ['<div class="csl-entry"><i>A</i> &amp; B</div>']
    assert '<li><div class="csl-entry"><i>A</i> &amp; B</div></li>' in bibliography_html(
        html_entries
    )
    assert "&lt;i&gt;A&lt;/i&gt;" in bibliography_html(["<i>A</i> & B"])
    assert bibliography_html([]) == '<ol class="citeform-bibliography">\n</ol>'


def test_read_records_show_as_a_table_and_as_lines():
    records = citeform.read(
        [{"id": "a", "type": "book", "title": HOSTILE}, {"id": "b", "type": "bok"}],
        format="csl-json",
    )
    html = records._repr_html_()
    assert tags_of(html) == {"style", "table", "caption", "tr", "th", "td"}
    assert "<caption>Records: 1 record, 1 error</caption>" in html
    assert "<script" not in html
    assert "text-align: left" in html
    assert repr(records).splitlines() == [
        "Records: 1 record, 1 error",
        f"  1. ? (o. J.): {HOSTILE}",
        "  ! <json>:item 2 (id 'b'): type: not a CSL item type (value: 'bok')",
    ]
    assert isinstance(records, list)


def test_a_long_list_shows_its_first_records_and_how_many_more():
    records = citeform.read([{"id": str(n), "type": "book"} for n in range(25)], format="csl")
    assert repr(records).splitlines()[-1] == "  … 5 records more"
    assert '<td colspan="4">5 records more</td>' in records._repr_html_()


def test_a_bibliography_shows_the_errors_of_records_that_failed():
    error = citeform.RenderError("no title", source="x", position="item 2")
    assert bibliography_html(["A."], errors=[error]).endswith(
        '</ol>\n<p class="error">x:item 2: no title</p>'
    )


def test_a_name_shows_the_parts_that_are_set():
    assert repr(Name(family="Lee", given="M.")) == "Name(family='Lee', given='M.')"
    assert repr(Name.corporate("Städtetag")) == "Name(literal='Städtetag')"
