"""The mapping table: DSpace fields -> CSL variables, "first filled wins", as data.

Each :class:`Rule` names its sources in order of preference; the first source whose
value converts to something usable fills the rule's variables, and the values it used
are consumed. Every value no rule consumes stays in the record's ``unmapped`` list.
Keys are compared in lower case; ``dc.subject.*`` matches ``dc.subject`` and any
qualified form; ``a+b`` joins a start page and an end page. Repository-specific fields
use DSpace's ``local`` schema (see :mod:`citeform.dspace.labels`).

Converters return a dict of CSL variables; three keys are special: ``type`` (the CSL
item type), ``citation`` (the record's Zitierform) and ``custom.<name>`` (CSL ``custom``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from citeform.dspace import types
from citeform.parsing import (
    classify_identifier,
    normalize_doi,
    normalize_isbn,
    normalize_issn,
    parse_date,
    parse_host_citation,
    parse_issue,
    parse_names,
    parse_pages,
    parse_series,
    parse_shelfmark,
    parse_volume,
    record_language,
)
from citeform.parsing.text import squash

Converted = dict[str, Any] | None
Convert = Callable[[Sequence[str]], Converted]


@attrs.frozen
class Rule:
    """Sources (in order of preference) and how their value becomes CSL variables.

    With ``many`` every value of the winning source is used (names, keywords);
    otherwise only its first value, and the others stay unmapped.
    """

    target: str
    sources: tuple[str, ...]
    convert: Convert
    many: bool = False


def text(variable: str) -> Convert:
    """One line of text, whitespace squashed."""

    def convert(values: Sequence[str]) -> Converted:
        value = squash(values[0])
        return {variable: value} if value else None

    return convert


def block(variable: str) -> Convert:
    """Text whose line breaks matter (abstracts): each line trimmed, blank lines kept as one."""

    def convert(values: Sequence[str]) -> Converted:
        lines = [squash(line) for line in values[0].splitlines()]
        value = "\n".join(line for line in lines if line)
        return {variable: value} if value else None

    return convert


def names(variable: str) -> Convert:
    """Names, one per value (a value may hold several, one a line or separated by ";")."""

    def convert(values: Sequence[str]) -> Converted:
        found = tuple(
            name for value in values for line in value.splitlines() for name in parse_names(line)
        )
        return {variable: found} if found else None

    return convert


def keywords(values: Sequence[str]) -> Converted:
    """Subjects, one per value or line, joined with ", "."""
    words = [squash(line) for value in values for line in value.splitlines() if squash(line)]
    return {"keyword": ", ".join(words)} if words else None


def parsed(variable: str, parse: Callable[[str], str | None]) -> Convert:
    """One value read by a value parser (``None`` from the parser: not usable)."""

    def convert(values: Sequence[str]) -> Converted:
        value = parse(values[0])
        return {variable: value} if value else None

    return convert


def date(variable: str) -> Convert:
    """A date; "o. J." and text naming no date are not usable."""

    def convert(values: Sequence[str]) -> Converted:
        found = parse_date(values[0])
        return {variable: found} if found else None

    return convert


def url(values: Sequence[str]) -> Converted:
    """A URL; a handle (``hdl:``, ``hdl.handle.net``) becomes its https URL."""
    kind = classify_identifier(values[0])
    return {"URL": kind[1]} if kind and kind[0] in {"URL", "DOI"} and "://" in kind[1] else None


def pages(values: Sequence[str]) -> Converted:
    """A page range ("S. 3-4") or, when the text is an extent ("245 S."), the number of pages."""
    found = parse_pages(values[0])
    if found is None:
        return None
    if found.page is None:
        return {"number-of-pages": found.number_of_pages}
    return {"page": found.page}


def extent(values: Sequence[str]) -> Converted:
    """An extent ("XII, 245 S.") -> number of pages."""
    found = parse_pages(values[0])
    return {"number-of-pages": found.number_of_pages} if found and found.number_of_pages else None


def series(values: Sequence[str]) -> Converted:
    """A series statement "Reihe;12" -> collection title and number."""
    found = parse_series(values[0])
    if found is None:
        return None
    title, number = found
    return {"collection-title": title} | ({"collection-number": number} if number else {})


def holding(values: Sequence[str]) -> Converted:
    """A shelf mark "ZLB: Kws 860 ZB 6748" -> archive and call number (all holdings in custom)."""
    found = parse_shelfmark(values[0])
    if found is None:
        return None
    result: dict[str, Any] = {"call-number": found.call_number}
    if found.archive:
        result["archive"] = found.archive
    if ";" in values[0]:
        result["custom.holdings"] = [squash(part) for part in values[0].split(";") if part.strip()]
    return result


def host_source(values: Sequence[str]) -> Converted:
    """A ``dc.source`` that is a host citation with numbering ("Zeitschrift, Jg. 3, S. 4")."""
    return {"container-title": squash(values[0])} if parse_host_citation(values[0]) else None


def item_type(values: Sequence[str]) -> Converted:
    """A ``dc.type`` value that names a CSL type (and its genre word, if it has one)."""
    found = types.type_from_value(values[0])
    if found is None:
        return None
    genre = types.genre_from_value(values[0])
    return {"type": found} | ({"genre": genre} if genre else {})


def custom(name: str) -> Convert:
    """A value kept in CSL ``custom`` under *name*."""
    return text(f"custom.{name}")


RULES: tuple[Rule, ...] = (
    Rule("citation", ("dc.identifier.citation",), block("citation")),
    Rule("type", ("dc.type", "local.type"), item_type),
    Rule("title", ("dc.title",), text("title")),
    Rule(
        "author", ("dc.contributor.author", "dc.creator", "dc.author"), names("author"), many=True
    ),
    Rule("editor", ("dc.contributor.editor",), names("editor"), many=True),
    Rule("issued", ("dc.date.issued", "dc.date.created"), date("issued")),
    Rule(
        "container-title",
        (
            "journal.title",
            "oaire.citation.title",
            "dc.relation.ispartof",
            "dc.relation.journal",
            "dc.title.parent",
            "dc.bibliographiccitation.title",
        ),
        text("container-title"),
    ),
    Rule(
        "ISSN",
        (
            "journal.identifier.issn",
            "dc.identifier.issn",
            "dc.relation.issn",
            "creativeworkseries.issn",
        ),
        parsed("ISSN", normalize_issn),
    ),
    Rule("ISBN", ("dc.identifier.isbn",), parsed("ISBN", normalize_isbn)),
    Rule("DOI", ("dc.identifier.doi",), parsed("DOI", normalize_doi)),
    Rule("URL", ("dc.identifier.uri", "dc.identifier.url"), url),
    Rule(
        "volume",
        (
            "oaire.citation.volume",
            "journalvolume.identifier.name",
            "dc.bibliographiccitation.volume",
            "dc.description.volume",
        ),
        parsed("volume", parse_volume),
    ),
    Rule(
        "issue",
        ("oaire.citation.issue", "dc.bibliographiccitation.issue", "dc.description.issue"),
        parsed("issue", parse_issue),
    ),
    Rule(
        "page",
        (
            "local.citation.pages",
            "oaire.citation.startpage+oaire.citation.endpage",
            "dc.format.pagerange",
            "dc.bibliographiccitation.stpage+dc.bibliographiccitation.endpage",
            "dc.description.startpage+dc.description.endpage",
        ),
        pages,
    ),
    Rule("number-of-pages", ("dc.format.extent",), extent),
    Rule("collection-title", ("dc.relation.ispartofseries",), series),
    Rule("collection-number", ("oai_dc.series-number",), text("collection-number")),
    Rule("publisher", ("dc.publisher",), text("publisher")),
    Rule("publisher-place", ("dc.publisher.place",), text("publisher-place")),
    Rule(
        "language",
        ("dc.language.iso", "dc.language", "local.language.orlis", "dc.language.rfc3066"),
        parsed("language", record_language),
    ),
    Rule("archive", ("local.holding",), holding),
    Rule("zdb_id", ("local.identifier.zdb",), custom("zdb_id")),
    Rule("container-title", ("dc.source",), host_source),
    Rule("abstract", ("dc.description.abstract",), block("abstract")),
    Rule("note", ("dc.description",), block("note")),
    Rule("keyword", ("dc.subject.*",), keywords, many=True),
)
"""The rules in the order they are applied; a variable already set is never overwritten."""

MAPPED_KEYS: frozenset[str] = frozenset(
    part.removesuffix(".*")
    for rule in RULES
    for source in rule.sources
    for part in source.split("+")
)
"""Every field key some rule reads (``dc.subject`` stands for all ``dc.subject.*``)."""
