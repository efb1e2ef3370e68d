"""Numbers in the csl engine: ordinals, roman numerals, page ranges, what is numeric."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.csl import numbers
from citeform.engine.csl.locale import Locale, build_locale
from citeform.engine.csl.xml import parse_bytes


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_english_ordinals_follow_the_last_two_digits(
    en: Locale, number: int, expected: str
) -> None:
    assert numbers.ordinal(number, en) == expected


def test_french_ordinals_are_gendered(fr: Locale) -> None:
    assert numbers.ordinal(1, fr, "feminine") == "1\u02b3\u1d49"  # 1re
    assert numbers.ordinal(1, fr, "masculine") == "1\u1d49\u02b3"  # 1er
    assert numbers.ordinal(2, fr, "feminine") == "2\u1d49"
    assert fr.gender_of("edition") == "feminine"


def test_long_ordinals_are_words_up_to_ten(en: Locale) -> None:
    assert numbers.long_ordinal(1, en) == "first"
    assert numbers.long_ordinal(10, en) == "tenth"
    assert numbers.long_ordinal(11, en) == "11th"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (1994, "mcmxciv"), (3999, "mmmcmxcix")],
)
def test_roman_numerals(number: int, expected: str) -> None:
    assert numbers.roman(number) == expected


@pytest.mark.parametrize("number", [0, numbers.MAX_ROMAN + 1, 10_000])
def test_numbers_beyond_roman_print_as_given(number: int) -> None:
    assert numbers.roman(number) == str(number)


@given(st.integers(min_value=1, max_value=numbers.MAX_ROMAN))
def test_roman_numerals_use_only_roman_letters(number: int) -> None:
    assert set(numbers.roman(number)) <= set("ivxlcdm")


@pytest.mark.parametrize(
    ("page_format", "pages", "expected"),
    [
        ("expanded", "42-45", "42-45"),
        ("expanded", "321-28", "321-328"),
        ("expanded", "2787-816", "2787-2816"),
        ("minimal", "42-45", "42-5"),
        ("minimal", "321-328", "321-8"),
        ("minimal", "2787-2816", "2787-816"),
        ("minimal-two", "42-45", "42-45"),
        ("minimal-two", "321-328", "321-28"),
        ("minimal-two", "2787-2816", "2787-816"),
        ("chicago", "3-10", "3-10"),
        ("chicago", "100-104", "100-104"),
        ("chicago", "107-108", "107-8"),
        ("chicago", "321-325", "321-25"),
        ("chicago", "1002-1006", "1002-6"),
        ("chicago", "1496-1504", "1496-1504"),
        ("chicago", "2787-2816", "2787-2816"),
        ("chicago-15", "1496-1504", "1496-1504"),
        ("chicago-16", "1496-1504", "1496-504"),
        ("chicago-16", "2787-2816", "2787-816"),
        ("expanded", "110-17, 200-10", "110-117, 200-210"),
    ],
)
def test_page_range_formats(page_format: str, pages: str, expected: str) -> None:
    assert numbers.page_range(pages, page_format, "-") == expected


def test_without_a_format_only_the_hyphen_becomes_the_delimiter() -> None:
    assert numbers.page_range("321-28", None, "\u2013") == "321\u201328"
    assert numbers.page_range("A1-A5", None, "\u2013") == "A1\u2013A5"  # as citeproc-js
    assert numbers.page_range("Michaelson-Morely", None, "\u2013") == "Michaelson-Morely"


def test_what_is_numeric_and_plural() -> None:
    assert numbers.is_numeric("12")
    assert numbers.is_numeric("2a")
    assert numbers.is_numeric("1-3")
    assert numbers.is_numeric("1, 3 & 5")
    assert not numbers.is_numeric("second")
    flag: object = True
    assert not numbers.is_numeric(flag)
    assert numbers.is_plural("1-3")
    assert numbers.is_plural("2 & 4")
    assert not numbers.is_plural("12")


@pytest.mark.parametrize(
    ("page_format", "pages", "expected"),
    [
        ("expanded", "N110 - N5", "N110-N115"),
        ("expanded", "N110 - 5", "N110-5"),
        ("expanded", "123N110 - N5, 456K200 - 99", "123N110-N5, 456K200-99"),
        ("minimal", "n11564 - n1568", "n11564-8"),
        ("chicago", "8n11564-8n1568", "8n11564-68"),
        ("chicago", "n11564-1568", "n11564-1568"),
        ("chicago-16", "xxv-xxviii", "xxv-xxviii"),
        ("expanded", "3\\-B", "3-B"),
        (None, "327\\-30", "327-30"),
    ],
)
def test_page_range_prefixes_roman_numerals_and_escaped_hyphens(
    page_format: str | None, pages: str, expected: str
) -> None:
    assert numbers.page_range(pages, page_format, "-") == expected


def test_roman_ranges_take_the_delimiter_and_escaped_hyphens_do_not() -> None:
    assert numbers.page_range("i-ix", None, "\u2013") == "i\u2013ix"
    assert numbers.page_range("N110 - 5", "expanded", "\u2013") == "N110-5"
    assert numbers.is_plural("i-ix")
    assert not numbers.is_plural("327\\-30")
    assert not numbers.is_plural("3\\-B")
    assert numbers.is_plural("xii, 200")
    assert numbers.number_range("5th-7th", "\u2013") == "5th\u20137th"
    assert numbers.number_range("iv - vi", "\u2013") == "iv\u2013vi"


def test_is_numeric_passes_numbers_with_letters() -> None:
    assert numbers.tests_numeric("5th")
    assert numbers.tests_numeric("12bis")
    assert numbers.tests_numeric("N5-N7")
    assert numbers.tests_numeric("3")
    assert not numbers.tests_numeric("5th ed.")
    assert not numbers.tests_numeric("second")
    assert not numbers.is_numeric("5th")


def test_ordinals_defined_only_by_gender_default_to_the_feminine() -> None:
    """pt-PT gives its ordinals masculine and feminine forms only; citeproc-js takes the
    feminine where no gender is asked for (a noun without gender: 2.ª ed.)."""
    pt = build_locale("pt-PT")
    assert numbers.ordinal(2, pt) == "2.ª"
    assert numbers.ordinal(2, pt, "masculine") == "2.º"
    assert numbers.long_ordinal(1, pt) == "primeira"


def test_a_style_locales_ordinal_terms_apply_only_with_its_own_ordinal_term() -> None:
    """As citeproc-js reads CSL 1.0.1 ordinals: which ``ordinal-NN`` a number takes comes
    from the locale that defines ``ordinal``; a style's ``ordinal-02`` alone does not
    replace fr-FR's rules (2ᵉ), and its neuter ``ordinal-01`` leaves the gendered ones."""
    style_locale = parse_bytes(
        b'<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="fr"><terms>'
        b'<term name="ordinal-01">\xc3\xa8re</term><term name="ordinal-02">e</term>'
        b"</terms></locale>",
        "style",
    )
    fr = build_locale("fr-FR", [style_locale])
    assert numbers.ordinal(2, fr, "feminine") == "2\u1d49"
    assert numbers.ordinal(1, fr, "feminine") == "1\u02b3\u1d49"
