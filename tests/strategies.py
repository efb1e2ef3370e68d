"""Hypothesis strategies for citeform's model, shared by every format's tests.

Add new strategies at the end of this file; keep existing ones stable.
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from citeform import vocab
from citeform.model import Date, Name, Record

# Text without control characters or surrogates, never empty after stripping.
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")

plain_words = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)

personal_names = st.builds(
    Name,
    family=words,
    given=st.none() | words,
    non_dropping_particle=st.none() | st.sampled_from(["von", "van der", "de", "zu"]),
    dropping_particle=st.none() | st.sampled_from(["de", "la"]),
    suffix=st.none() | st.sampled_from(["Jr.", "III"]),
)
corporate_names = st.builds(Name.corporate, words)
names = personal_names | corporate_names
name_lists = st.lists(names, min_size=1, max_size=4).map(tuple)

years = st.integers(min_value=1000, max_value=2100)
single_dates = st.builds(
    lambda y, m, d: Date.of(y, m, d if m else None),
    years,
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
)
range_dates = st.builds(lambda a, b: Date(parts=((a,), (b,))), years, years)
literal_dates = st.builds(lambda t: Date(literal=t), words)
dates = single_dates | range_dates | literal_dates

numbers = st.integers(min_value=1, max_value=9999).map(str) | st.integers(1, 9999)

TEXT = sorted(vocab.TEXT_VARIABLES - {"year-suffix", "citation-label"})
NUMBER = sorted(vocab.NUMBER_VARIABLES)
DATE = sorted(vocab.DATE_VARIABLES)
NAME = sorted(vocab.NAME_VARIABLES)


@st.composite
def records(draw: st.DrawFn, types: st.SearchStrategy[str] | None = None) -> Record:
    """A valid record with a handful of variables of every kind."""
    variables: dict[str, Any] = {"title": draw(words)}
    for key in draw(st.lists(st.sampled_from(TEXT), max_size=4, unique=True)):
        variables[key] = draw(words)
    for key in draw(st.lists(st.sampled_from(NUMBER), max_size=3, unique=True)):
        variables[key] = draw(numbers)
    for key in draw(st.lists(st.sampled_from(DATE), max_size=2, unique=True)):
        variables[key] = draw(dates)
    for key in draw(st.lists(st.sampled_from(NAME), max_size=3, unique=True)):
        variables[key] = draw(name_lists)
    item_type = draw(types if types is not None else st.sampled_from(sorted(vocab.ITEM_TYPES)))
    return Record.build(item_type, variables, id=draw(plain_words))


def csl_items() -> st.SearchStrategy[dict[str, Any]]:
    """Valid CSL-JSON items (as written by citeform, so the canonical form)."""
    return records().map(lambda record: record.to_csl())


json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
