"""Labels inside locators, printed as the locale's terms (csl engine)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.csl.embedded_labels import (
    first_group_plural,
    has_embedded_label,
    relabelled,
)
from citeform.engine.csl.locale import Locale


@pytest.mark.parametrize(
    "case",
    [
        ("367-368, fig. 333", "page", "367-368, fig. 333", "367-368, Abb. 333", True),
        ("3, fig. 4-5", "page", "3, figs. 4-5", "3, Abb. 4-5", False),
        ("3-5 fig. 4", "page", "3-5 fig. 4", "3-5 Abb. 4", True),
        ("12, p. 3", "page", "12, 3", "12, 3", True),
        ("12, p. 3", "chapter", "12, p. 3", "12, S. 3", False),
        ("3, op. 4", "page", "3, op. 4", "3, op. 4", False),
    ],
)
def test_inner_labels_print_as_terms_and_the_first_group_counts(
    en: Locale, de: Locale, case: tuple[str, str, str, str, bool]
) -> None:
    locator, label, english, german, plural = case
    assert has_embedded_label(locator)
    assert relabelled(locator, label, en) == english
    assert relabelled(locator, label, de) == german
    assert first_group_plural(locator, label, en) == plural


@given(st.from_regex(r"[0-9]{1,3}(?:(?:, |-| & )[0-9]{1,3}){0,3}", fullmatch=True))
def test_a_locator_without_inner_labels_is_left_alone(locator: str) -> None:
    assert not has_embedded_label(locator)
