"""Property tests: each value parser reads back what its formatter wrote."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from citeform.model import Date, Name
from citeform.parsing import (
    Holding,
    HostCitation,
    format_date,
    format_host_citation,
    format_issue,
    format_name,
    format_pages,
    format_series,
    format_shelfmark,
    format_volume,
    parse_date,
    parse_host_citation,
    parse_issue,
    parse_name,
    parse_pages,
    parse_series,
    parse_shelfmark,
    parse_volume,
)
from citeform.parsing.names import PARTICLES

page_numbers = st.integers(min_value=1, max_value=99999).map(str)
page_ranges = st.builds(lambda a, b: f"{a}-{b}", page_numbers, page_numbers) | page_numbers
prefixes = st.sampled_from(["", "S. ", "p. ", "pp. ", "Seiten ", "Seite "])
dashes = st.sampled_from(["-", "\u2013", "\u2014", " - ", " \u2013 "])
designations = st.integers(min_value=1, max_value=999).map(str) | st.builds(
    lambda a, b: f"{a}/{b}", st.integers(1, 12), st.integers(1, 12)
)
capitalised = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_uppercase + "ÄÖÜ"),
    st.text(alphabet=string.ascii_lowercase + "äöüß", min_size=1, max_size=10),
)
years = st.integers(min_value=1000, max_value=2100)
months = st.integers(min_value=1, max_value=12)
days = st.integers(min_value=1, max_value=28)
single_dates = (
    st.builds(Date.of, years, st.integers(21, 24))
    | st.builds(Date.of, years)
    | st.builds(Date.of, years, months)
    | st.builds(Date.of, years, months, days)
)


@given(page_ranges, prefixes, dashes)
def test_pages_round_trip(page, prefix, dash):
    assert parse_pages(format_pages(page, prefix=prefix, dash=dash)).page == page


@given(designations, st.sampled_from(["Nr. ", "H. ", "Heft ", "No. ", ""]))
def test_issue_round_trip(issue, prefix):
    assert parse_issue(format_issue(issue, prefix=prefix)) == issue


@given(designations, st.sampled_from(["Jg. ", "Bd. ", "Vol. ", "Band ", ""]))
def test_volume_round_trip(volume, prefix):
    assert parse_volume(format_volume(volume, prefix=prefix)) == volume


@given(
    st.lists(capitalised, min_size=1, max_size=4).map(" ".join),
    st.none() | st.integers(1, 999).map(str),
)
def test_series_round_trip(title, number):
    assert parse_series(format_series(title, number)) == (title, number)


@given(
    single_dates | st.builds(lambda a, b: Date(parts=((a,), (a + b,))), years, st.integers(0, 50))
)
def test_dates_round_trip(date):
    assert parse_date(format_date(date)) == date


@given(single_dates)
def test_circa_dates_round_trip(date):
    uncertain = Date(parts=date.parts, circa=True)
    assert parse_date(format_date(uncertain)) == uncertain


particles = st.sampled_from(sorted(p for p in PARTICLES if p.isalpha())).map(str)


@given(
    family=capitalised,
    given_names=st.lists(capitalised, min_size=1, max_size=3).map(" ".join),
    particle=st.none() | st.lists(particles, min_size=1, max_size=2).map(" ".join),
    dropping=st.booleans(),
)
def test_names_round_trip(family, given_names, particle, dropping):
    name = (
        Name(family=family, given=given_names, dropping_particle=particle)
        if dropping
        else Name(family=family, given=given_names, non_dropping_particle=particle)
    )
    assert parse_name(format_name(name)) == name


@given(st.sampled_from(["ZLB", "SBB", "XYZ1"]), st.lists(capitalised, min_size=1, max_size=4))
def test_shelfmark_round_trip(sigil, words):
    holding = parse_shelfmark(f"{sigil}: {' '.join(words)}")
    assert holding is not None
    assert holding == Holding(holding.archive, " ".join(words), sigil)
    assert format_shelfmark(holding) == f"{sigil}: {' '.join(words)}"


@given(
    st.lists(capitalised, min_size=1, max_size=3).map(" ".join),
    st.none() | st.integers(1, 200).map(str),
    st.none() | years,
    st.none() | st.integers(1, 12).map(str),
    st.none() | page_ranges,
)
def test_host_citation_round_trip(container, volume, year, issue, page):
    host = HostCitation(container, volume, year if volume else None, issue, page)
    if not (volume or issue or page):
        assert parse_host_citation(format_host_citation(host)) is None
    else:
        assert parse_host_citation(format_host_citation(host)) == host
