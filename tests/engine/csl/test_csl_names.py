"""Names in the csl engine: initials, particles, suffixes, inversion, lists."""

from __future__ import annotations

from typing import Any

import pytest

from citeform.engine.csl.initials import initialize
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.names import NameOptions, format_name, format_names
from citeform.engine.csl.rich import plain


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("John Ronald", "J. R."),
        ("Ph.", "Ph."),
        ("Ph. M.E.", "Ph. M. E."),
        ("M.E", "M. E."),
        ("Jean-Paul", "J.-P."),
        ("jean", "jean"),
    ],
)
def test_initials(given: str, expected: str) -> None:
    assert initialize(given, ". ") == expected


def test_initials_without_hyphen_or_initialising() -> None:
    assert initialize("Jean-Paul", ".", hyphen=False) == "J.P."
    assert initialize("John R", ". ", initialize=False) == "John R."


def _name(name: dict[str, Any], locale: Locale, *, inverted: bool, **options: Any) -> str:
    return plain(format_name(name, NameOptions(**options), locale, inverted=inverted))


@pytest.mark.parametrize(
    "name",
    [
        {"family": "van der Berg", "given": "Anna"},
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
    ],
)
def test_non_dropping_particles_split_off_and_demoted(en: Locale, name: dict[str, Any]) -> None:
    assert _name(name, en, inverted=False) == "Anna van der Berg"
    assert _name(name, en, inverted=True) == "Berg, Anna van der"
    never = "never"
    assert (
        _name(name, en, inverted=True, demote_non_dropping_particle=never) == "van der Berg, Anna"
    )


def test_dropping_particles_follow_the_given_name(en: Locale) -> None:
    name = {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"}
    assert _name(name, en, inverted=False) == "Alexander von Humboldt"
    assert _name(name, en, inverted=True) == "Humboldt, Alexander von"


def test_particles_ending_in_an_apostrophe_join_without_space(en: Locale) -> None:
    name = {"family": "d'Huy", "given": "J."}
    assert _name(name, en, inverted=False) == "J. d\u2019Huy"


def test_suffixes(en: Locale) -> None:
    name = {"family": "Smith", "given": "John", "suffix": "Jr."}
    assert _name(name, en, inverted=False) == "John Smith Jr."
    assert _name(name, en, inverted=True) == "Smith, John, Jr."
    assert _name({**name, "comma-suffix": True}, en, inverted=False) == "John Smith, Jr."


def test_names_in_cjk_scripts_print_family_first_without_space(en: Locale) -> None:
    name = {"family": "\u6797", "given": "\u884c\u4f17"}
    assert _name(name, en, inverted=False) == "\u6797\u884c\u4f17"


def test_literal_names_print_as_given(en: Locale) -> None:
    assert _name({"literal": "World Health Organization"}, en, inverted=True) == (
        "World Health Organization"
    )


NAMES = [{"family": family, "given": "A."} for family in ("Ash", "Birch", "Cedar", "Dogwood")]


def _names(locale: Locale, count: int = 4, **options: Any) -> str:
    rendered = format_names(NAMES[:count], NameOptions(**options), locale, et_al_term="et al.")
    return plain(rendered)


def test_and_and_the_delimiter_before_it(en: Locale) -> None:
    assert _names(en, 2, and_="text") == "A. Ash and A. Birch"
    assert _names(en, 3, and_="symbol") == "A. Ash, A. Birch, & A. Cedar"
    assert _names(en, 2, and_="text", delimiter_precedes_last="always") == "A. Ash, and A. Birch"


def test_et_al_after_the_first_names(en: Locale) -> None:
    assert _names(en, et_al_min=3, et_al_use_first=1) == "A. Ash et al."
    assert _names(en, et_al_min=3, et_al_use_first=2) == "A. Ash, A. Birch, et al."
    assert (
        _names(en, et_al_min=3, et_al_use_first=1, et_al_use_last=True)
        == "A. Ash, \u2026 A. Dogwood"
    )
