"""`citeform styles QUERY` ranks by id and title, unescapes titles, ignores case; suggestions."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from citeform.cli import main
from citeform.errors import UnknownStyleError
from citeform.styles import list_styles, resolve_style, suggest_styles

EVERY_STYLE = list_styles()


def ids(query):
    return [style_id for style_id, _ in list_styles(query)]


def test_exact_id_first():
    assert ids("apa")[0] == "apa"
    assert ids("ieee")[0] == "ieee"


def test_din_lists_din_1505_before_acm():
    found = ids("din")
    first_acm = next(index for index, style_id in enumerate(found) if style_id.startswith("acm"))
    assert found.index("din-1505-2") < first_acm
    assert all(style_id.startswith("din") for style_id in found[:5])


def test_case_is_ignored():
    assert ids("APA") == ids("apa")
    assert resolve_style("APA").id == "apa"
    assert resolve_style(" Chicago-Author-Date ").id == "chicago-author-date"


def test_titles_unescaped():
    assert not [title for _, title in EVERY_STYLE if "&amp;" in title or "&#" in title]
    assert ("pm-and-r", "PM&R") in EVERY_STYLE


def test_every_word_counts_in_any_order():
    found = ids("author-date chicago")
    assert found
    assert all("chicago" in f"{i} {t}".lower() for i, t in list_styles("author-date chicago"))
    assert "chicago-author-date" in found[:3]


@settings(max_examples=examples(30))  # each example searches all 10,845 styles
@given(st.sampled_from(EVERY_STYLE))
def test_each_style_is_found_first_by_its_id(style):
    assert list_styles(style[0])[0] == style


@settings(max_examples=examples(30))
@given(st.text(max_size=6))
def test_every_match_contains_each_word_of_the_query(query):
    wanted = query.strip().casefold()
    words = re.findall(r"[^\W_]+", wanted) or [wanted]
    for style_id, title in list_styles(query)[:20]:
        text = f"{style_id} {title}".casefold()
        assert all(word in text for word in words)


@pytest.mark.parametrize(
    ("wanted", "suggested"),
    [("chicago", "chicago-author-date"), ("apaa", "apa"), ("harvard", "harvard-cite-them-right")],
)
def test_unknown_style_suggestions(wanted, suggested):
    assert suggested in suggest_styles(wanted)
    with pytest.raises(UnknownStyleError, match=suggested):
        resolve_style(wanted)


def test_chicago_is_not_offered_chaos():
    assert "chaos" not in suggest_styles("chicago")


def test_cli_styles_query(capsys):
    assert main(["styles", "din"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[0].startswith("din-")
