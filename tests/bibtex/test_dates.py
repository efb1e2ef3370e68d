"""``year``, ``month``, ``day``: each read on its own; an unreadable one never takes the year."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.io import read
from citeform.model import Date


def read_one(fields: str):
    records = read(f"@book{{k, title = {{T}}, {fields}}}", "bibtex")
    assert not records.errors, [str(error) for error in records.errors]
    (record,) = records
    return record


def unmapped(record) -> dict[str, str]:
    return {field.key: field.value for field in record.unmapped}


@pytest.mark.parametrize(
    ("month", "issued"),
    [
        ("{März}", Date.of(2017, 3)),
        ('{M{\\"a}rz}', Date.of(2017, 3)),
        ("{Sept.}", Date.of(2017, 9)),
        ("{févr.}", Date.of(2017, 2)),
        ("{juil.}", Date.of(2017, 7)),
        ("{Okt.}", Date.of(2017, 10)),
        ("{mei}", Date.of(2017, 5)),
        ("{3}", Date.of(2017, 3)),
        ("{Jan--Feb}", Date(parts=((2017, 1), (2017, 2)))),
        ("{Jan./Feb.}", Date(parts=((2017, 1), (2017, 2)))),
        ('jan # "~--~" # feb', Date(parts=((2017, 1), (2017, 2)))),
        ('mar # "~1"', Date.of(2017, 3, 1)),
        ("{1. März}", Date.of(2017, 3, 1)),
        ("{March 1--3}", Date(parts=((2017, 3, 1), (2017, 3, 3)))),
        ("{1--3 March}", Date(parts=((2017, 3, 1), (2017, 3, 3)))),
        ("{Spring}", Date(parts=((2017,),), season=1)),
        ("{Herbst}", Date(parts=((2017,),), season=3)),
        ("{hiver}", Date(parts=((2017,),), season=4)),
    ],
)
def test_months_in_many_forms(month, issued):
    record = read_one(f"year = {{2017}}, month = {month}")
    assert record.get("issued") == issued
    assert record.unmapped == ()


@pytest.mark.parametrize(
    "month", ["{Xyz}", "{13}", "{Dec--Jan}", "{Ma}", "{Sept. 2017}", "{Junly}"]
)
def test_an_unreadable_month_is_kept_and_the_year_stays(month):
    record = read_one(f"year = {{2017}}, month = {month}")
    assert record.get("issued") == Date.of(2017)
    assert "month" in unmapped(record)


def test_day_field_and_what_happens_when_it_is_unreadable():
    assert read_one("year = {2017}, month = may, day = {3}").get("issued") == Date.of(2017, 5, 3)
    record = read_one("year = {2017}, month = may, day = {third}")
    assert record.get("issued") == Date.of(2017, 5)
    assert unmapped(record) == {"day": "third"}


def test_a_year_range_or_literal_keeps_the_month_aside():
    record = read_one("year = {2017/18}, month = may")
    assert record.get("issued") == Date(parts=((2017,), (2018,)))
    assert unmapped(record) == {"month": "May"}
    assert read_one("year = {in press}").get("issued") == Date(literal="in press")


SAFE_TEXT = st.text(alphabet=st.sampled_from("abcjJnMmärzSeptpä.-\u2013/~ 0123456789"), max_size=20)


@given(
    month=SAFE_TEXT,
    day=st.one_of(st.none(), SAFE_TEXT),
    other=st.sampled_from(["urldate", "author", "langid", "number", "pages", "edition", "type"]),
    junk=SAFE_TEXT,
)
def test_a_field_that_fails_to_parse_never_removes_another(month, day, other, junk):
    fields = f"year = {{2017}}, month = {{{month}}}, {other} = {{{junk}}}"
    if day is not None:
        fields += f", day = {{{day}}}"
    record = read_one(fields)
    assert record.get("title") == "T"
    issued = record.get("issued")
    assert issued.year == 2017
    kept = unmapped(record)
    month_read = len(issued.parts[0]) > 1 or issued.season is not None
    assert month_read or not month.strip() or "month" in kept
    day_read = any(len(part) > 2 for part in issued.parts)
    assert day_read or not (day or "").strip() or "day" in kept
