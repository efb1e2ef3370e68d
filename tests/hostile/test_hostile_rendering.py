"""Odd records through the renderer: an entry, a citation or a ``RenderError``, nothing else.

Every record the model accepts (empty strings, year 0, seasons, ranges running
backwards, NaN and infinite numbers, names with odd parts) is rendered in a few
styles and locales, as a bibliography and as a citation. A record that cannot be
rendered must say so with a ``RenderError`` (in ``.errors`` for a bibliography).
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

import citeform
from citeform import Date, Name, Record, vocab
from citeform.errors import CiteformError

STYLES = ("apa", "chicago-author-date", "ieee", "din-1505-2")
LOCALES = ("en-US", "de-DE")

odd_text = st.sampled_from(
    ["", " ", "-", "--", "<", "&", "\u0000", "\u202e", "1e999", "0", "III", "a\nb", "S. 3-4"]
) | st.text(max_size=10)
odd_numbers = st.sampled_from(
    [0, -1, 10**30, float("nan"), float("inf"), 1.5, "", "-", "1-", "iv", "2nd", "3\u20134"]
)
years = st.sampled_from([0, -500, 1, 9999, 10**12, 2017])
date_parts = (
    st.tuples(years)
    | st.tuples(years, st.integers(0, 24))
    | st.tuples(years, st.integers(0, 24), st.integers(0, 31))
)
odd_dates = (
    st.builds(
        lambda start, end, season: Date(
            parts=(start,) if end is None else (start, end), season=season
        ),
        date_parts,
        st.none() | date_parts,
        st.none() | st.sampled_from([1, 4, "Spring", "", 0, 99]),
    )
    | st.builds(lambda text: Date(literal=text), odd_text.filter(bool))
    | st.builds(lambda text: Date(raw=text), odd_text.filter(bool))
)
odd_names = st.builds(
    lambda family, given, particle: Name(
        family=family or "F", given=given, non_dropping_particle=particle
    ),
    st.none() | odd_text,
    st.none() | odd_text,
    st.none() | odd_text,
)


@st.composite
def odd_records(draw: st.DrawFn) -> Record:
    """A record the model accepts, with odd values of every kind."""
    variables: dict[str, object] = {}
    kinds = (
        (vocab.TEXT_VARIABLES, odd_text, 5),
        (vocab.NUMBER_VARIABLES, odd_numbers, 3),
        (vocab.DATE_VARIABLES, odd_dates, 2),
        (vocab.NAME_VARIABLES, st.lists(odd_names, max_size=3).map(tuple), 2),
    )
    for names, values, most in kinds:
        for key in draw(st.lists(st.sampled_from(sorted(names)), max_size=most, unique=True)):
            variables[key] = draw(values)
    item_type = draw(st.sampled_from(sorted(vocab.ITEM_TYPES)))
    return Record.build(item_type, variables, id=draw(st.sampled_from(["a", 0, 1.5, ""])))


@pytest.fixture(scope="module")
def renderers():
    return [citeform.Renderer(style, locale) for style in STYLES for locale in LOCALES]


@pytest.mark.slow
@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=odd_records())
def test_every_accepted_record_renders_or_gives_a_render_error(renderers, record):
    for renderer in renderers:
        entries = renderer.bibliography([record])
        assert all(isinstance(error, citeform.RenderError) for error in entries.errors)
        assert all(isinstance(entry, str) for entry in entries)
        with contextlib.suppress(CiteformError):
            assert isinstance(renderer.citation([record]), str)


@pytest.mark.parametrize(
    ("style", "item"),
    [
        ("apa", {"id": "a", "type": "event", "issued": {"date-parts": [[2017]], "season": 1}}),
        (
            "chicago-author-date",
            {
                "id": "a",
                "type": "review-book",
                "issued": {"date-parts": [[2017, 22, 2], [2018, 0, 2]]},
            },
        ),
    ],
    ids=["season-in-apa", "season-range-in-chicago"],
)
def test_a_citation_that_cannot_be_rendered_is_a_render_error(style, item):
    record = Record.from_csl(item)
    assert citeform.Renderer(style, "en-US").bibliography([record])
    with contextlib.suppress(citeform.RenderError):
        citeform.Renderer(style, "en-US").citation([record])


PATH_LIKE = ["../../../etc/passwd", "de-DE/../en-US", "de-DE\x00", "..", "*", "x" * 10_000]


@pytest.mark.parametrize("language", PATH_LIKE)
def test_a_record_language_cannot_name_a_file(language):
    record = Record.build("book", {"title": "T", "language": language}, id="a")
    renderer = citeform.Renderer("apa")
    assert renderer.locale_for([record.to_csl()]) in {"en-US", "de-DE"}
    assert list(renderer.bibliography([record]))


@pytest.mark.parametrize("locale", PATH_LIKE)
def test_a_locale_argument_cannot_name_a_file(locale):
    with pytest.raises(citeform.UnknownLocaleError):
        citeform.Renderer("apa", locale=locale)
