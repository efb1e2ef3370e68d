"""RIS reference types and tags <-> CSL, as data.

The types and tags are those Citavi, EndNote and Zotero write and read.
"""

from __future__ import annotations

from typing import Final

TYPE_TO_CSL: Final[dict[str, str]] = {
    "JOUR": "article-journal", "EJOUR": "article-journal", "INPR": "article-journal",
    "ABST": "article-journal", "MGZN": "article-magazine", "NEWS": "article-newspaper",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "SER": "book", "CTLG": "book",
    "CHAP": "chapter", "ECHAP": "chapter", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "RPRT": "report", "GOVDOC": "report", "THES": "thesis",
    "ELEC": "webpage", "BLOG": "post-weblog", "GEN": "document", "UNPB": "manuscript",
    "MANSCPT": "manuscript", "PAT": "patent", "DATA": "dataset", "DBASE": "dataset",
    "COMP": "software", "MAP": "map", "ART": "graphic", "FIGURE": "figure",
    "SOUND": "song", "MUSIC": "musical_score", "VIDEO": "motion_picture",
    "MPCT": "motion_picture", "CASE": "legal_case", "STAT": "legislation", "BILL": "bill",
    "HEAR": "hearing", "PCOMM": "personal_communication", "ICOMM": "personal_communication",
    "ENCYC": "entry-encyclopedia", "DICT": "entry-dictionary", "JFULL": "periodical",
    "STAND": "standard", "PAMP": "pamphlet", "SLIDE": "speech", "ADVS": "motion_picture",
}  # fmt: skip
"""RIS type -> CSL type (unknown types read as ``document``)."""

CSL_TO_TYPE: Final[dict[str, str]] = {
    "article": "JOUR", "article-journal": "JOUR", "article-magazine": "MGZN",
    "article-newspaper": "NEWS", "book": "BOOK", "chapter": "CHAP",
    "paper-conference": "CPAPER", "report": "RPRT", "thesis": "THES", "webpage": "ELEC",
    "post-weblog": "BLOG", "manuscript": "UNPB", "patent": "PAT", "dataset": "DATA",
    "software": "COMP", "map": "MAP", "graphic": "ART", "figure": "FIGURE", "song": "SOUND",
    "musical_score": "MUSIC", "motion_picture": "MPCT", "legal_case": "CASE",
    "legislation": "STAT", "bill": "BILL", "hearing": "HEAR",
    "personal_communication": "PCOMM", "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT", "periodical": "JFULL", "standard": "STAND",
    "pamphlet": "PAMP", "speech": "SLIDE",
}  # fmt: skip
"""CSL type -> RIS type (anything else is ``GEN``)."""

NAME_TAGS: Final[dict[str, str]] = {
    "AU": "author", "A1": "author", "A2": "editor", "ED": "editor",
    "A3": "collection-editor", "A4": "translator",
}  # fmt: skip
"""Name tag -> CSL name variable."""

TEXT_TAGS: Final[dict[str, str]] = {
    "TI": "title", "T1": "title", "CT": "title", "BT": "container-title",
    "T2": "container-title", "JO": "container-title", "JF": "container-title",
    "T3": "collection-title", "ST": "title-short", "J2": "container-title-short",
    "JA": "container-title-short", "VL": "volume", "IS": "issue", "PB": "publisher",
    "CY": "publisher-place", "DO": "DOI", "UR": "URL", "LA": "language", "AB": "abstract",
    "N2": "abstract", "ET": "edition", "NV": "number-of-volumes", "M3": "genre",
    "SE": "section", "CN": "call-number", "AV": "archive_location", "DP": "archive",
    "OP": "original-title", "RP": "status", "RN": "annote", "DB": "source",
}  # fmt: skip
"""Tag -> CSL variable for values taken as they are (the first tag wins)."""

TAGS_OUT: Final[dict[str, str]] = {
    "title": "TI", "container-title": "T2", "collection-title": "T3", "title-short": "ST",
    "container-title-short": "J2", "volume": "VL", "issue": "IS", "publisher": "PB",
    "publisher-place": "CY", "DOI": "DO", "URL": "UR", "language": "LA",
    "abstract": "AB", "edition": "ET", "number-of-volumes": "NV", "genre": "M3",
    "section": "SE", "call-number": "CN", "archive_location": "AV", "archive": "DP",
    "original-title": "OP", "status": "RP", "number": "M1", "note": "N1", "annote": "RN",
    "source": "DB",
}  # fmt: skip
"""CSL variable -> RIS tag (names, dates, pages, ISBN/ISSN and keywords are set in code)."""

TYPE_TAGS: Final[dict[tuple[str, str], str]] = {
    ("CPAPER", "C1"): "event-place", ("CONF", "C1"): "event-place",
}  # fmt: skip
"""(RIS type, tag) -> CSL variable, for the custom tags whose meaning depends on the type (as
Zotero reads them)."""

NAMES_OUT: Final[dict[str, str]] = {
    "author": "AU", "editor": "A2", "collection-editor": "A3", "translator": "A4",
}  # fmt: skip
"""CSL name variable -> RIS tag."""

EXTRA_TAG: Final = "M2"
"""Tag of the lines ``<variable>: <value>`` that hold what no other tag holds (Zotero reads
``M2`` into its Extra field, where these lines are CSL variables again). Names are written
``Last, First, Suffix``, dates ``2017/02/14/`` or in EDTF."""

CITATION_PREFIX: Final = "Zitierform: "
"""A note (``N1``) that starts so is the record's Zitierform."""
