"""The CSL 1.0.2 data model as data: item types and variables by kind.

The lists follow the CSL 1.0.2 specification (appendix "Variables") and the
official CSL-JSON schema (``csl-data.json``); where the two differ, both are
accepted so that every valid item can be read.
"""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["text", "number", "date", "name"]

ITEM_TYPES: Final = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
        "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip

TEXT_VARIABLES: Final = frozenset(
    {
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
        "authority", "call-number", "citation-key", "citation-label", "collection-title",
        "container-title", "container-title-short", "dimensions", "division", "DOI", "event",
        "event-title", "event-place", "genre", "ISBN", "ISSN", "jurisdiction", "keyword",
        "language", "license", "medium", "note", "original-publisher", "original-publisher-place",
        "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place",
        "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
        "title", "title-short", "URL", "version", "volume-title", "volume-title-short",
        "year-suffix", "journalAbbreviation", "shortTitle",
    }
)  # fmt: skip
"""String variables; ``journalAbbreviation`` and ``shortTitle`` are the schema's legacy keys."""

NUMBER_VARIABLES: Final = frozenset(
    {
        "chapter-number", "citation-number", "collection-number", "edition",
        "first-reference-note-number", "issue", "locator", "number", "number-of-pages",
        "number-of-volumes", "page", "page-first", "part", "part-number", "printing",
        "supplement", "volume",
    }
)  # fmt: skip
"""Variables that CSL-JSON allows as string or number."""

DATE_VARIABLES: Final = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)

NAME_VARIABLES: Final = frozenset(
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author",
        "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer",
        "series-creator", "translator",
    }
)  # fmt: skip

SPEC_ONLY_VARIABLES: Final = frozenset({"license", "part-number"})
"""CSL 1.0.2 variables that the official CSL-JSON schema does not list yet."""

KIND_OF: Final[dict[str, Kind]] = {
    **dict.fromkeys(TEXT_VARIABLES, "text"),
    **dict.fromkeys(NUMBER_VARIABLES, "number"),
    **dict.fromkeys(DATE_VARIABLES, "date"),
    **dict.fromkeys(NAME_VARIABLES, "name"),
}
"""Every known variable and its kind."""

NAME_PARTS: Final = (
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "literal",
)
"""String parts of a CSL name, in the order citeform writes them."""

NAME_FLAGS: Final = ("comma-suffix", "static-ordering", "parse-names")
"""Flag parts of a CSL name (string, number or boolean in CSL-JSON)."""
