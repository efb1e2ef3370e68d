"""Dates in the csl engine: parsing CSL-JSON dates, ranges, seasons, eras."""

from __future__ import annotations

from typing import Any

import pytest

from citeform.engine.csl.dates import DatePart, parse_date, render_parts
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.rich import Rich, plain

DAY_MONTH_YEAR = [
    DatePart("day", "numeric", suffix=" "),
    DatePart("month", "long", suffix=" "),
    DatePart("year", "long"),
]


def _date(value: dict[str, Any], locale: Locale) -> str:
    date = parse_date(value)
    assert date is not None
    return plain(Rich(tuple(render_parts(DAY_MONTH_YEAR, date, locale))))


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([[2020, 3, 1], [2020, 3, 5]], "1\u20135 March 2020"),
        ([[2020, 3, 1], [2020, 4, 5]], "1 March\u20135 April 2020"),
        ([[2019, 12, 30], [2020, 1, 2]], "30 December 2019\u20132 January 2020"),
        ([[2020, 3, 1], [2020, 3, 1]], "1 March 2020"),
    ],
)
def test_ranges_collapse_on_the_largest_differing_part(
    en: Locale, parts: list[list[int]], expected: str
) -> None:
    assert _date({"date-parts": parts}, en) == expected


def test_seasons_from_the_season_field_or_months_13_to_24(en: Locale, de: Locale) -> None:
    assert _date({"date-parts": [[2020]], "season": "2"}, en) == "Summer 2020"
    assert _date({"date-parts": [[2020, 14]]}, en) == "Summer 2020"
    assert _date({"date-parts": [[2020, 13]]}, de) == f"{de.term('season-01')} 2020"
    assert _date({"date-parts": [[2020, 17]]}, en) == "Spring 2020"
    assert _date({"date-parts": [[2020, 24, 3]]}, en) == "Winter 2020"
    assert _date({"date-parts": [[2020, 60]]}, en) == "2020"


def test_a_season_given_as_a_month_prints_in_no_numeric_month_form(en: Locale) -> None:
    numeric = [DatePart("month", "numeric", suffix="/"), DatePart("year", "long")]

    def rendered(value: dict[str, Any]) -> str:
        date = parse_date(value)
        assert date is not None
        return plain(Rich(tuple(render_parts(numeric, date, en))))

    assert rendered({"date-parts": [[2020, 16]]}) == "2020"
    assert rendered({"date-parts": [[2020]], "season": 4}) == "Winter/2020"


def test_raw_dates_and_eras(en: Locale, de: Locale) -> None:
    assert _date({"raw": "2020-05-06"}, en) == "6 May 2020"
    assert _date({"raw": "2004-10-01/2004-10-14"}, en) == "1\u201314 October 2004"
    unreadable = parse_date({"raw": "2004-10-01/later"})
    assert unreadable is not None
    assert unreadable.literal == "2004-10-01/later"
    assert _date({"date-parts": [[-50]]}, en) == f"50{en.term('bc')}"
    assert _date({"date-parts": [[800]]}, de).startswith("800")
    assert _date({"date-parts": [[800]]}, en) == "800"
    assert _date({"date-parts": [[499]]}, en) == f"499{en.term('ad')}"


def test_parse_date_keeps_literals_and_circa() -> None:
    literal = parse_date({"literal": "ca. 1900"})
    assert literal is not None
    assert literal.literal == "ca. 1900"
    circa = parse_date({"date-parts": [[2020, 5]], "circa": True})
    assert circa is not None
    assert circa.circa
    assert circa.start == (2020, 5, 0)
    assert parse_date("2020") is None
    assert parse_date({"date-parts": [["x"]]}) is None
