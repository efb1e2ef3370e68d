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


# --- Items and documents for comparing with citeproc-js --------------------------------

_FAMILIES = ("Smith", "Müller", "García", "Nowak", "Okafor", "Lindqvist", "Chen", "Weber", "Kim")
_GIVENS = ("John", "Jane", "Anna", "Hans-Peter", "Lucía", "Wei", "Marie", "Eva", "J. R.")
_TITLE_WORDS = (
    "rivers", "and", "the", "of", "trade", "memory", "networks", "Städte", "über", "history",
    "models", "a", "new", "theory", "in", "Europe", "water", "citation", "after", "DNA",
)  # fmt: skip
REFERENCE_TYPES = (
    "book",
    "article-journal",
    "chapter",
    "report",
    "thesis",
    "paper-conference",
    "webpage",
    "article-newspaper",
)
LOCATOR_LABELS = ("page", "chapter", "section", "paragraph", "volume", "figure", "line", "note")

reference_names = st.builds(
    lambda family, given, particle: {
        "family": family,
        **({"given": given} if given else {}),
        **({"non-dropping-particle": particle} if particle else {}),
    },
    st.sampled_from(_FAMILIES),
    st.none() | st.sampled_from(_GIVENS),
    st.none() | st.sampled_from(["van der", "de", "von"]),
) | st.sampled_from([{"literal": "World Health Organization"}, {"literal": "Statistisches Amt"}])
reference_titles = st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=6).map(
    lambda words: " ".join(words)[:1].upper() + " ".join(words)[1:]
)
reference_dates = st.builds(
    lambda year, month, day: (
        {"date-parts": [[year, *([month] if month else [])]]}
        if not (month and day)
        else {"date-parts": [[year, month, day]]}
    ),
    st.integers(1990, 2024),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 28),
)
reference_pages = st.builds(
    lambda first, length: f"{first}-{first + length}" if length else str(first),
    st.integers(1, 400),
    st.integers(0, 30),
)


@st.composite
def reference_items(draw: st.DrawFn, item_id: str = "item") -> dict[str, Any]:
    """A realistic CSL-JSON item (common types, Western names, words of two languages)."""
    optional: dict[str, st.SearchStrategy[Any]] = {
        "author": st.lists(reference_names, min_size=1, max_size=4),
        "editor": st.lists(reference_names, min_size=1, max_size=2),
        "issued": reference_dates,
        "container-title": reference_titles,
        "publisher": st.sampled_from(["Springer", "Harbour Press", "Mohr Siebeck"]),
        "publisher-place": st.sampled_from(["Berlin", "Boston", "London"]),
        "volume": st.integers(1, 60).map(str),
        "issue": st.integers(1, 12).map(str),
        "page": reference_pages,
        "edition": st.sampled_from(["2", "3"]),
        "DOI": st.sampled_from(["10.1000/xyz123", "10.5281/zenodo.42"]),
    }
    item: dict[str, Any] = {
        "id": item_id,
        "type": draw(st.sampled_from(REFERENCE_TYPES)),
        "title": draw(reference_titles),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), max_size=7, unique=True)):
        item[key] = draw(optional[key])
    return item


@st.composite
def reference_cites(draw: st.DrawFn, item: dict[str, Any], *, flags: bool) -> dict[str, Any]:
    """A cite-item dict of *item*: maybe a locator with a label, affixes and one flag."""
    cite: dict[str, Any] = {"id": item["id"]}
    if draw(st.booleans()):
        cite["locator"] = draw(reference_pages)
        cite["label"] = draw(st.sampled_from(LOCATOR_LABELS))
    if draw(st.booleans()):
        cite["prefix"] = draw(st.sampled_from(["see ", "vgl. ", "cf. "]))
    if draw(st.booleans()):
        cite["suffix"] = draw(st.sampled_from([", emphasis added", " (reprint)"]))
    if flags:
        flag = draw(st.sampled_from([None, "suppress-author", "author-only"]))
        if flag:
            cite[flag] = True
    return cite


@st.composite
def citation_documents(draw: st.DrawFn, max_items: int = 5, max_clusters: int = 8) -> Any:
    """A document of clusters (locators, labels, affixes, flags, notes) over generated items.

    Returns a :class:`citeform.conformance.documents.CitationDocument`; a flag is only set on
    a cluster of one cite. Note numbers never decrease; clusters may share a note.
    """
    from citeform.conformance.documents import (  # noqa: PLC0415 - only these tests need it
        CitationDocument,
        Cluster,
        cite_from_json,
    )

    count = draw(st.integers(1, max_items))
    items = [draw(reference_items(item_id=f"item-{index}")) for index in range(count)]
    by_id = {item["id"]: item for item in items}
    clusters = []
    note = 0
    for _ in range(draw(st.integers(1, max_clusters))):
        note += draw(st.sampled_from([0, 1, 1, 2])) if clusters else 1
        chosen = draw(st.lists(st.sampled_from(items), min_size=1, max_size=3, unique_by=id))
        cites = [draw(reference_cites(item, flags=len(chosen) == 1)) for item in chosen]
        clusters.append(Cluster(tuple(cite_from_json(cite, by_id) for cite in cites), note))
    return CitationDocument(name="generated", items=tuple(items), clusters=tuple(clusters))
