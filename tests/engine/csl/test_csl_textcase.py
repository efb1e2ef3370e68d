"""Text case in the csl engine: title case rules, sentence case, nocase spans."""

from __future__ import annotations

import pytest

from citeform.engine.csl.rich import Rich, plain
from citeform.engine.csl.textcase import apply_text_case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the lord of the rings", "The Lord of the Rings"),
        ("war and peace", "War and Peace"),
        ("after the war near the sea", "After the War near the Sea"),
        ("what it is for", "What It Is For"),
        ("on the road: a story", "On the Road: A Story"),
        ("the iPhone and me", "The iPhone and Me"),
    ],
)
def test_title_case_keeps_stop_words_lower_except_first_last_and_after_colon(
    text: str, expected: str
) -> None:
    assert plain(apply_text_case(text, "title")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("memory and trade new in a", "Memory and Trade New in a"),
        ("a vitamin b story", "A Vitamin b Story"),
        ("rivers: a history", "Rivers: A History"),
        ("a", "A"),
        ("europe in", "Europe In"),
    ],
)
def test_title_case_capitalises_one_letter_words_only_first_or_after_colon(
    text: str, expected: str
) -> None:
    assert plain(apply_text_case(text, "title")) == expected


def test_title_case_only_in_english() -> None:
    assert apply_text_case("der herr der ringe", "title", english=False) == "der herr der ringe"


def test_nocase_spans_keep_their_case() -> None:
    node = Rich(("the ", Rich(("iphone",), nocase=True), " story"))
    assert plain(apply_text_case(node, "title")) == "The iphone Story"
    assert plain(apply_text_case(node, "uppercase")) == "THE iphone STORY"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("lowercase", "a tale of two cities"),
        ("uppercase", "A TALE OF TWO CITIES"),
        ("capitalize-first", "A tale of Two cities"),
        ("capitalize-all", "A Tale Of Two Cities"),
        ("sentence", "A tale of two cities"),  # citeproc-js lowers every later word
    ],
)
def test_other_cases(case: str, expected: str) -> None:
    assert plain(apply_text_case("a tale of Two cities", case)) == expected


@pytest.mark.parametrize(
    ("case", "language", "expected"),
    [
        ("capitalize-first", "tr-TR", "İçinde"),
        ("capitalize-all", "tr", "İçinde İstanbul"),
        ("capitalize-first", "en-US", "Içinde"),
        ("sentence", "tr", "İçinde istanbul"),
    ],
)
def test_turkish_capitalises_a_small_i_dotted(case: str, language: str, expected: str) -> None:
    text = "içinde İstanbul" if case != "capitalize-first" else "içinde"
    assert plain(apply_text_case(text, case, language=language)) == expected
