"""BibTeX/biblatex fields <-> CSL variables, as data.

Reading treats both dialects alike; writing has one table per dialect. Fields
of one kind are decoded alike: ``TEXT`` from LaTeX, ``TITLE`` from LaTeX with
case protection, ``VERBATIM`` as written, ``NAMES`` as name lists.
"""

from __future__ import annotations

from typing import Final

TITLE_FIELDS: Final = frozenset(
    {"title", "subtitle", "booktitle", "booksubtitle", "maintitle", "series", "shorttitle",
     "eventtitle", "origtitle", "journal", "journaltitle", "journalsubtitle"}
)  # fmt: skip
"""Fields that styles may change the case of: braces in them protect case."""

VERBATIM_FIELDS: Final = frozenset({"doi", "url", "eprint", "file", "pdf", "verba", "verbb"})
"""Fields biblatex reads verbatim: neither decoded nor escaped."""

NAME_FIELDS: Final[dict[str, str]] = {
    "author": "author", "editor": "editor", "translator": "translator",
    "bookauthor": "container-author",
}  # fmt: skip
"""Name-list field -> CSL name variable."""

DATE_FIELDS: Final[dict[str, str]] = {
    "date": "issued", "urldate": "accessed", "eventdate": "event-date",
    "origdate": "original-date",
}  # fmt: skip
"""biblatex date field -> CSL date variable (``year``/``month`` are read into ``issued``)."""

TO_CSL: Final[dict[str, str]] = {
    "title": "title", "shorttitle": "title-short", "journal": "container-title",
    "journaltitle": "container-title", "booktitle": "container-title",
    "shortjournal": "container-title-short", "series": "collection-title",
    "edition": "edition", "volume": "volume", "volumes": "number-of-volumes",
    "pagetotal": "number-of-pages", "chapter": "chapter-number", "part": "part-number",
    "publisher": "publisher", "institution": "publisher", "school": "publisher",
    "address": "publisher-place", "location": "publisher-place", "note": "note",
    "annote": "annote", "annotation": "annote", "abstract": "abstract",
    "keywords": "keyword", "version": "version", "pubstate": "status",
    "eventtitle": "event-title", "venue": "event-place", "origtitle": "original-title",
    "origpublisher": "original-publisher", "origlocation": "original-publisher-place",
    "doi": "DOI", "url": "URL", "isbn": "ISBN", "issn": "ISSN", "pages": "page",
    "type": "genre", "issue": "issue", "eid": "number",
}  # fmt: skip
"""Field -> CSL variable where the mapping needs no context (the first field wins)."""

SUBTITLES: Final[dict[str, str]] = {
    "subtitle": "title", "journalsubtitle": "container-title",
    "booksubtitle": "container-title",
}  # fmt: skip
"""Subtitle field -> the CSL variable it is joined to with ": "."""

ARTICLE_TYPES: Final = frozenset({"article", "periodical", "suppperiodical", "review"})
"""Entry types whose ``number`` is the issue and whose ``series`` is a journal series."""

REPORT_TYPES: Final = frozenset({"report", "techreport", "patent", "standard", "manual"})
"""Entry types whose ``number`` is the report (patent, standard) number."""

CITATION_PREFIX: Final = "Zitierform: "
"""How the Zitierform is introduced in ``note`` (BibTeX) or ``addendum`` (biblatex)."""

FIELD_ORDER: Final = (
    "author", "editor", "translator", "bookauthor", "title", "shorttitle", "journal",
    "journaltitle", "shortjournal", "booktitle", "eventtitle", "series", "edition",
    "volume", "volumes", "number", "issue", "eid", "chapter", "part", "pages", "pagetotal",
    "publisher", "institution", "school", "organization", "address", "location", "venue",
    "year", "month", "date", "eventdate", "origdate", "urldate", "type", "version",
    "pubstate", "origtitle", "origpublisher", "origlocation", "language", "langid",
    "isbn", "issn", "doi", "url", "keywords", "abstract", "note", "annote", "annotation",
    "library", "addendum",
)  # fmt: skip
"""The order fields are written in; other fields follow."""

COMMON_OUT: Final[dict[str, str]] = {
    "title": "title", "title-short": "shorttitle", "collection-title": "series",
    "edition": "edition", "volume": "volume", "number-of-volumes": "volumes",
    "number-of-pages": "pagetotal", "chapter-number": "chapter", "note": "note",
    "abstract": "abstract", "keyword": "keywords", "DOI": "doi", "URL": "url",
    "ISBN": "isbn", "ISSN": "issn", "version": "version",
}  # fmt: skip
"""CSL variable -> field, the same in both dialects."""

BIBTEX_OUT: Final[dict[str, str]] = {
    **COMMON_OUT, "publisher-place": "address", "annote": "annote",
}  # fmt: skip
"""CSL variable -> classic BibTeX field (context-dependent ones are set in code)."""

BIBLATEX_OUT: Final[dict[str, str]] = {
    **COMMON_OUT, "publisher-place": "location", "annote": "annotation",
    "container-title-short": "shortjournal", "event-title": "eventtitle",
    "event-place": "venue", "status": "pubstate", "original-title": "origtitle",
    "original-publisher": "origpublisher", "original-publisher-place": "origlocation",
    "part-number": "part",
}  # fmt: skip
"""CSL variable -> biblatex field (context-dependent ones are set in code)."""

DATES_OUT: Final = {csl: field for field, csl in DATE_FIELDS.items()}
NAMES_OUT: Final = {csl: field for field, csl in NAME_FIELDS.items()}

EPRINT_TYPES: Final[dict[str, str]] = {"pubmed": "PMID"}
"""biblatex ``eprinttype`` -> the CSL variable that the ``eprint`` of that type is."""

EXTRA_PREFIX: Final = "csl-"
"""A field ``csl-<variable>`` holds a CSL variable that no field of the dialect holds: text
LaTeX-encoded, names as a name list, dates in EDTF (or as text)."""

NOT_WRITTEN_BACK: Final = frozenset({"crossref", "xref", "xdata", "entryset", "ids"})
"""Unmapped fields not written again: the relations they express were resolved on reading."""

MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros, January first."""
