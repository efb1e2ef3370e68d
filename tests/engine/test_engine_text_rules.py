"""Text-case and page-range rules."""

from __future__ import annotations

import pytest
from citeproc.string import MixedString, NoCase, String

from citeform.engine.citeproc.casing import capitalize_all, capitalize_first, sentence, title
from citeform.engine.citeproc.punctuation import attach
from citeform.engine.citeproc.text_fixes import _chicago_format, _minimal, is_page_range_text
from citeform.rendering import Renderer


def test_title_case_capitalizes_hyphenated_words_and_keeps_stop_words() -> None:
    assert str(title(String("effects of long-term use: a study"))) == (
        "Effects of Long-Term Use: A Study"
    )


def test_title_case_leaves_nocase_and_mixed_words() -> None:
    text = MixedString([String("the "), NoCase("iPhone"), String(" and the eBook story")])
    assert str(title(text)) == "The iPhone and the eBook Story"


def test_other_cases_take_plain_strings_and_empties() -> None:
    assert str(capitalize_first("ed.")) == "Ed."
    assert str(capitalize_first("")) == ""
    assert str(sentence(String("A STUDY OF X"))) == "A study of x"


@pytest.mark.parametrize(
    ("first", "last", "keep", "expected"),
    [
        ("10", "19", 1, "9"),
        ("321", "328", 1, "8"),
        ("321", "328", 2, "28"),
        ("1496", "1504", 2, "504"),
    ],
)
def test_minimal_page_ranges(first: str, last: str, keep: int, expected: str) -> None:
    assert _minimal(first, last, keep) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("Why?", ". ", "Why? "),
        ("J.", ".", "J."),
        ("J.", ", ", "J., "),
        ("Note;", "!", "Note!"),
        ("Title:", ".", "Title:"),
        ("A", ". ", "A. "),
        ("\ue100Why?\ue101", ".", "\ue100Why?\ue101"),
    ],
)
def test_punctuation_at_seams(left: str, right: str, expected: str) -> None:
    assert str(attach(String(left), String(right))) == expected


def test_chicago_page_ranges() -> None:
    assert _chicago_format("71", "72", "chicago") == "expanded"
    assert _chicago_format("100", "104", "chicago") == "expanded"
    assert _chicago_format("101", "108", "chicago") == "minimal"
    assert _chicago_format("321", "328", "chicago") == "minimal-two"
    assert _chicago_format("1496", "1504", "chicago-15") == "expanded"


@pytest.mark.parametrize(
    ("page", "is_range"),
    [("12-15", True), ("S12-S15", True), ("iv-x", True), ("c 3-c 3", False), ("1, c 3-4", False)],
)
def test_page_range_text(page: str, is_range: bool) -> None:
    assert is_page_range_text(page) is is_range


def test_page_whose_hyphen_joins_no_numbers_is_kept_and_singular(engine_name: str) -> None:
    item = {"id": "p", "type": "article-journal", "title": "T", "page": "c 3-c 3"}
    entry = Renderer("ieee", locale="en-US", engine=engine_name).entry(item)
    assert entry.endswith(" p. c 3-c 3.")


def test_capitalize_first_and_all_leave_words_with_capitals() -> None:
    assert str(capitalize_first(String("arXiv preprint"))) == "arXiv preprint"
    assert str(capitalize_first(String("e-mail list"))) == "E-mail list"
    assert str(capitalize_all(String("long-term iPhone use"))) == "Long-term iPhone Use"


def test_numbers_joined_by_slashes_are_one_numeric_number(engine_name: str) -> None:
    report = {"id": "r", "type": "report", "title": "Annual", "number": "12/2022"}
    assert "(No. 12/2022)" in Renderer("apa", locale="en-US", engine=engine_name).entry(report)
