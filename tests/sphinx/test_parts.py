"""The extension's parts that need no Sphinx build: role syntax, labels, HTML to nodes, grouping."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from docutils import nodes
from hypothesis import given
from hypothesis import strategies as st

from citeform import read
from citeform.sphinx.cites import BibliographyRequest, Cite, Cluster
from citeform.sphinx.htmlnodes import MalformedHTMLError, html_to_nodes
from citeform.sphinx.labels import read_label
from citeform.sphinx.project import build_order, render_project
from citeform.sphinx.render import Settings
from citeform.sphinx.settings import project_settings
from citeform.sphinx.syntax import CiteSyntaxError, parse_cites


def german(text):
    return read_label(text, "de-DE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S. 23", ("page", "23")),
        ("p. 23", ("page", "23")),
        ("pp. 23-25", ("page", "23-25")),
        ("Kap. 4", ("chapter", "4")),
        ("chap. 4", ("chapter", "4")),
        ("Abs. 3", ("paragraph", "3")),
        ("vol. 2", ("volume", "2")),
        ("23", ("page", "23")),
        ("Sonderheft", ("page", "Sonderheft")),
    ],
)
def test_labels_in_german_and_english(text, expected):
    assert german(text) == expected


def test_role_syntax():
    known = {"a2020", "b2021"}
    assert parse_cites("{siehe }a2020, S. 23{, passim}; b2021", known, german) == [
        Cite("a2020", "23", "page", "siehe ", ", passim"),
        Cite("b2021"),
    ]
    assert parse_cites("a2020,b2021", known, german) == [Cite("a2020"), Cite("b2021")]
    assert parse_cites("a2020, Kap. 4", known, german) == [Cite("a2020", "4", "chapter")]
    with pytest.raises(CiteSyntaxError, match="as a cite"):
        parse_cites("{open a2020", known, german)
    with pytest.raises(CiteSyntaxError, match="no cite key"):
        parse_cites(" ; ", known, german)


KEYS = st.from_regex(r"[a-z][a-z0-9_:-]{0,12}", fullmatch=True)
AFFIXES = st.none() | st.text(st.characters(exclude_characters="{};\n"), min_size=1, max_size=8)
LOCATORS = st.none() | st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True)


@given(st.lists(st.tuples(KEYS, LOCATORS, AFFIXES, AFFIXES), min_size=1, max_size=4))
def test_written_cites_read_back(parts):
    text = "; ".join(
        f"{{{prefix}}}" * bool(prefix)
        + key
        + (f", Kap. {locator}" if locator else "")
        + f"{{{suffix}}}" * bool(suffix)
        for key, locator, prefix, suffix in parts
    )
    expected = [
        Cite(key, locator, "chapter" if locator else None, prefix, suffix)
        for key, locator, prefix, suffix in parts
    ]
    assert parse_cites(text, set(), german) == expected


def test_html_becomes_nodes_with_links():
    html = '(<a data-cite="0"><span style="font-variant:small-caps;">Keller</span> &#38; W</a>)'
    made = html_to_nodes(html, lambda n: nodes.reference(refid=f"cite-{n}"))
    paragraph = nodes.paragraph("", "", *made)
    assert paragraph.astext() == "(Keller & W)"
    (link,) = paragraph.findall(nodes.reference)
    assert link["refid"] == "cite-0"
    assert next(iter(link.findall(nodes.inline)))["classes"] == ["csl-small-caps"]
    with pytest.raises(MalformedHTMLError):
        html_to_nodes("<i><a data-cite='0'>x</i></a>", lambda _n: nodes.reference())


def test_build_order_follows_the_toctree():
    includes = {"index": ["b", "a"], "b": ["c"]}
    assert build_order("index", includes, {"a", "c", "index", "z"}) == ["index", "c", "a", "z"]


BIB = """@book{k, author={Keller, Anna}, title={Buch}, publisher={V}, date={2019}}
@book{m, author={Müller, Petra}, title={Heft}, publisher={V}, date={2020}}
@book{u, author={Unger, Ute}, title={Ungenannt}, publisher={V}, date={2021}}"""


def test_document_scope_numbers_each_page_and_lists_its_own_cites():
    records = {str(r.id): r for r in read(BIB)}
    clusters = {
        "a": [Cluster("a", 0, "p", (Cite("k"),))],
        "b": [Cluster("b", 0, "p", (Cite("m"),)), Cluster("b", 1, "p", (Cite("k"),))],
    }
    bibliographies = {
        "a": [BibliographyRequest("a", 0, "document")],
        "b": [BibliographyRequest("b", 0, "document", everything=True)],
    }
    rendered, problems = render_project(
        ["a", "b"],
        clusters=clusters,
        bibliographies=bibliographies,
        records=records,
        settings=Settings("ieee", "en-US"),
        scope="document",
    )
    assert problems == []
    assert rendered.citations[("b", 0)].text[0].html == "[1]"
    assert rendered.citations[("b", 1)].text[0].html == "[2]"
    assert [key for key, _ in rendered.bibliographies[("a", 0)].entries] == ["k"]
    assert [key for key, _ in rendered.bibliographies[("b", 0)].entries] == ["m", "k", "u"]
    assert rendered.target("k", "b") == ("b", 0)
    assert rendered.target("k", "elsewhere") == ("a", 0)


def test_web_addresses_in_entries_become_links():
    made = nodes.paragraph("", "", *html_to_nodes("Retrieved from https://x.org/a_b?c=1. Next"))
    (link,) = made.findall(nodes.reference)
    assert link["refuri"] == "https://x.org/a_b?c=1"
    assert made.astext() == "Retrieved from https://x.org/a_b?c=1. Next"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"citeform_style": "din-1505-2"}, "de-DE"),  # no language: the style's locale
        ({"citeform_style": "din-1505-2", "language": "en"}, "en-US"),
        ({"citeform_style": "apa", "language": "de"}, "de-DE"),
        ({"citeform_style": "apa", "language": "de", "citeform_locale": "fr"}, "fr-FR"),
        ({"citeform_style": "apa"}, "en-US"),
    ],
)
def test_locale_follows_setting_then_language_then_style(raw, expected):
    config = SimpleNamespace(
        citeform_style=raw["citeform_style"],
        citeform_locale=raw.get("citeform_locale"),
        language=raw.get("language", "en"),
        _raw_config=raw,
    )
    assert project_settings(config) == Settings(raw["citeform_style"], expected)


def test_a_bibliography_in_another_style_and_locale():
    records = {str(r.id): r for r in read(BIB)}
    rendered, _ = render_project(
        ["a"],
        clusters={"a": [Cluster("a", 0, "t", (Cite("k"),))]},
        bibliographies={"a": [BibliographyRequest("a", 0, "document", style="ieee", locale="de")]},
        records=records,
        settings=Settings("apa", "en-US"),
        scope="project",
    )
    assert [piece.html for piece in rendered.citations[("a", 0)].text] == ["Keller", " ", "(2019)"]
    ((key, entry),) = rendered.bibliographies[("a", 0)].entries
    assert key == "k"
    assert "[1]" in entry
    assert "A. Keller, <i>Buch</i>. V, 2019." in entry
