"""Value parsers for bibliographic fields, each a small pure function.

Every parser takes the text of one field as a repository stores it and returns
the normalised value, or ``None`` when the text holds nothing usable (it never
invents a value). Where a round trip makes sense a formatter writes the value
back in a conventional form. The signatures are stable: other readers (BibTeX,
RIS) import them.
"""

from __future__ import annotations

from citeform._lazy import lazy_getattr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from citeform.parsing.citation import HostCitation, format_host_citation, parse_host_citation
    from citeform.parsing.dates import format_date, parse_date
    from citeform.parsing.identifiers import (
        classify_identifier,
        normalize_doi,
        normalize_handle,
        normalize_isbn,
        normalize_issn,
    )
    from citeform.parsing.language import record_language, to_bcp47
    from citeform.parsing.names import format_name, is_corporate, parse_name, parse_names
    from citeform.parsing.numbering import (
        format_issue,
        format_series,
        format_volume,
        parse_issue,
        parse_series,
        parse_volume,
    )
    from citeform.parsing.pages import Pages, format_pages, parse_pages
    from citeform.parsing.shelfmark import Holding, format_shelfmark, parse_shelfmark
    from citeform.parsing.titles import clean_title, split_container_tail

__all__ = [
    "Holding",
    "HostCitation",
    "Pages",
    "classify_identifier",
    "clean_title",
    "format_date",
    "format_host_citation",
    "format_issue",
    "format_name",
    "format_pages",
    "format_series",
    "format_shelfmark",
    "format_volume",
    "is_corporate",
    "normalize_doi",
    "normalize_handle",
    "normalize_isbn",
    "normalize_issn",
    "parse_date",
    "parse_host_citation",
    "parse_issue",
    "parse_name",
    "parse_names",
    "parse_pages",
    "parse_series",
    "parse_shelfmark",
    "parse_volume",
    "record_language",
    "split_container_tail",
    "to_bcp47",
]

_HOMES = {
    **dict.fromkeys(
        ("HostCitation", "format_host_citation", "parse_host_citation"), "citeform.parsing.citation"
    ),
    **dict.fromkeys(("format_date", "parse_date"), "citeform.parsing.dates"),
    **dict.fromkeys(
        (
            "classify_identifier",
            "normalize_doi",
            "normalize_handle",
            "normalize_isbn",
            "normalize_issn",
        ),
        "citeform.parsing.identifiers",
    ),
    **dict.fromkeys(("record_language", "to_bcp47"), "citeform.parsing.language"),
    **dict.fromkeys(
        ("format_name", "is_corporate", "parse_name", "parse_names"), "citeform.parsing.names"
    ),
    **dict.fromkeys(
        (
            "format_issue",
            "format_series",
            "format_volume",
            "parse_issue",
            "parse_series",
            "parse_volume",
        ),
        "citeform.parsing.numbering",
    ),
    **dict.fromkeys(("Pages", "format_pages", "parse_pages"), "citeform.parsing.pages"),
    **dict.fromkeys(
        ("Holding", "format_shelfmark", "parse_shelfmark"), "citeform.parsing.shelfmark"
    ),
    **dict.fromkeys(("clean_title", "split_container_tail"), "citeform.parsing.titles"),
}
"""The module of each parser, imported on first use: a reader loads only the parsers it calls."""

__getattr__ = lazy_getattr(__name__, _HOMES)
