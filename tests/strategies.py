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


# --- BibTeX, biblatex and RIS round trips ----------------------------------------------

TEX_SPECIALS = "%&#_{}\\~^$"
"""Characters LaTeX treats specially; every writer must escape them."""

_bib_characters = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))


def _normalised(text: str) -> bool:
    return bool(text) and text == text.strip() and "  " not in text


bib_text = st.text(
    alphabet=_bib_characters | st.sampled_from(list(TEX_SPECIALS)), min_size=1, max_size=30
).filter(_normalised)
"""Arbitrary Unicode with TeX's special characters: whitespace normalised, as .bib keeps it."""

_LATIN_EXTRA = "äöüßÄÖÜéèçñøåłıæœ\u2013\u2014\u201c\u201d\u201e"
latin_text = st.text(
    alphabet=st.sampled_from(
        list(string.ascii_letters + string.digits + " .,;:!?'()-/" + TEX_SPECIALS + _LATIN_EXTRA)
    ),
    min_size=1,
    max_size=30,
).filter(_normalised)
"""Text that pdfLaTeX (T1, UTF-8) can typeset, with the special characters: for TeX runs."""


def bib_names(text: st.SearchStrategy[str] = bib_text) -> st.SearchStrategy[Name]:
    """Persons (with particles and suffixes) and corporate bodies, without commas."""
    plain = text.filter(lambda s: "," not in s)
    persons = st.builds(
        Name,
        family=plain,
        given=st.none() | plain,
        non_dropping_particle=st.none() | st.sampled_from(["von", "van der", "de", "zu"]),
        dropping_particle=st.none() | st.sampled_from(["de", "la"]),
        suffix=st.none() | st.sampled_from(["Jr.", "III"]),
    )
    return persons | st.builds(Name.corporate, plain)


def _literal_year(text: str) -> bool:
    return not any(char.isdigit() for char in text)


def bib_dates(text: st.SearchStrategy[str] = bib_text) -> st.SearchStrategy[Date]:
    """Single dates, year ranges, circa years and literal dates (text without digits)."""
    circa = st.builds(lambda y: Date(parts=((y,),), circa=True), years)
    literal = st.builds(lambda t: Date(literal=t), text.filter(_literal_year))
    return single_dates | range_dates | circa | literal


BIB_TYPES = ("article-journal", "book", "chapter", "paper-conference", "report", "thesis")


@st.composite
def bib_records(draw: st.DrawFn, text: st.SearchStrategy[str] = bib_text) -> Record:
    """Records with the fields BibTeX and RIS must keep: title, names, date, container, …"""
    variables: dict[str, Any] = {"title": draw(text)}
    for role in draw(st.lists(st.sampled_from(["author", "editor"]), max_size=2, unique=True)):
        variables[role] = tuple(draw(st.lists(bib_names(text), min_size=1, max_size=3)))
    optional: dict[str, st.SearchStrategy[Any]] = {
        "issued": bib_dates(text),
        "container-title": text,
        "publisher": text,
        "publisher-place": text,
        "volume": numbers,
        "issue": numbers,
        "page": st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 999), st.integers(0, 99)),
        "DOI": st.from_regex(r"10\.[0-9]{4,5}/[A-Za-z0-9._;()/:%#&~-]{1,20}", fullmatch=True),
        "ISBN": st.from_regex(r"97[89][0-9]{10}", fullmatch=True),
        "ISSN": st.from_regex(r"[0-9]{4}-[0-9]{3}[0-9X]", fullmatch=True),
    }
    for key in draw(
        st.lists(st.sampled_from(sorted(optional)), max_size=len(optional), unique=True)
    ):
        variables[key] = draw(optional[key])
    return Record.build(
        draw(st.sampled_from(BIB_TYPES)), variables, id=draw(st.none() | plain_words)
    )


LISTED_TEXT = ("title", "container-title", "publisher", "publisher-place", "DOI", "ISBN", "ISSN")
LISTED_NUMBERS = ("volume", "issue")


def _name_key(name: Name, *, particles: bool) -> tuple[str | None, ...]:
    """A name as formats without a dropping particle keep it (it follows the given names).

    Without *particles* (RIS) the non-dropping particle is part of the family name.
    """
    given = " ".join(part for part in (name.given, name.dropping_particle) if part) or None
    if particles:
        return (name.literal, name.family, given, name.non_dropping_particle, name.suffix)
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    return (name.literal, family or None, given, name.suffix)


def _date_key(date: Date) -> tuple[Any, ...]:
    return (date.parts, bool(date.circa), date.literal or date.raw)


def listed_fields(record: Record, *, particles: bool = True) -> dict[str, Any]:
    """The fields every format keeps, in a form each can keep: compare these after a trip."""
    kept: dict[str, Any] = {key: record.text.get(key) for key in LISTED_TEXT}
    kept.update({key: str(record.numbers[key]) for key in LISTED_NUMBERS if key in record.numbers})
    page = record.numbers.get("page")
    kept["page"] = None if page is None else str(page).replace("\u2013", "-")
    kept["names"] = {
        role: [_name_key(name, particles=particles) for name in names]
        for role, names in record.names.items()
    }
    issued = record.dates.get("issued")
    kept["issued"] = None if issued is None else _date_key(issued)
    return kept


EXAMPLE_CSL: dict[str, Any] = {
    "id": "example",
    "type": "article-journal",
    "author": [{"literal": "Städtetag Nordrhein-Westfalen"}],
    "title": (
        "Fachkonferenz zur Arbeitsmarktintegration von Flüchtlingen \u2013 Beispiele aus Städten"
    ),
    "container-title": "Eildienst",
    "issue": "2",
    "page": "3-4",
    "language": "de",
    "publisher": "Städtetag Nordrhein-Westfalen",
    "publisher-place": "Köln",
    "archive": "ZLB",
    "call-number": "Kws 860 ZB 6748",
}
"""The project's example record as CSL-JSON, as citeform maps it, with holdings."""
