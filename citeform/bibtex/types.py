"""Entry types <-> CSL item types, as data, both ways and for both dialects."""

from __future__ import annotations

from typing import Final

TO_CSL: Final[dict[str, str]] = {
    "article": "article-journal", "suppperiodical": "article-journal",
    "book": "book", "mvbook": "book", "collection": "book", "mvcollection": "book",
    "proceedings": "book", "mvproceedings": "book", "reference": "book",
    "mvreference": "book", "bookinbook": "chapter", "inbook": "chapter",
    "incollection": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
    "inreference": "entry-encyclopedia", "inproceedings": "paper-conference",
    "conference": "paper-conference", "booklet": "pamphlet", "manual": "report",
    "report": "report", "techreport": "report", "thesis": "thesis",
    "phdthesis": "thesis", "mastersthesis": "thesis", "online": "webpage",
    "www": "webpage", "electronic": "webpage", "misc": "document", "set": "document",
    "xdata": "document", "unpublished": "manuscript", "patent": "patent",
    "periodical": "periodical", "dataset": "dataset", "software": "software",
    "artwork": "graphic", "image": "graphic", "audio": "song", "music": "song",
    "video": "motion_picture", "movie": "motion_picture", "performance": "performance",
    "jurisdiction": "legal_case", "legislation": "legislation", "legal": "treaty",
    "letter": "personal_communication", "review": "review", "standard": "standard",
}  # fmt: skip
"""BibTeX and biblatex entry type -> CSL type (unknown entry types read as ``document``)."""

ARTICLE_SUBTYPES: Final = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
"""biblatex ``entrysubtype`` of an ``@article`` -> CSL type."""

THESIS_GENRES: Final = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
"""Classic thesis entry types -> the CSL ``genre`` they imply."""

TYPE_KEYS: Final[dict[str, str]] = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "techreport": "Technical report", "resreport": "Research report",
    "software": "Software", "datacd": "CD-ROM", "audiocd": "Audio CD",
    "patent": "Patent", "patentde": "German patent", "patenteu": "European patent",
    "patentus": "U.S. patent", "patentfr": "French patent", "patentuk": "British patent",
}  # fmt: skip
"""biblatex localisation keys in the ``type`` field -> the CSL ``genre`` they print."""

GENRE_KEYS: Final = {genre: key for key, genre in TYPE_KEYS.items()}

BIBTEX_TYPES: Final = frozenset(
    {"article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings",
     "manual", "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished"}
)  # fmt: skip
"""The entry types of classic BibTeX's standard styles."""

BIBTEX_ONLY_TYPES: Final = frozenset({"conference", "electronic", "www"})
"""Entry types biblatex only knows as aliases; a biblatex writer uses its own names."""

TO_BIBTEX: Final[dict[str, str]] = {
    "article": "article", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "review": "article", "review-book": "article",
    "book": "book", "classic": "book", "chapter": "incollection",
    "entry-encyclopedia": "incollection", "entry-dictionary": "incollection",
    "paper-conference": "inproceedings", "report": "techreport", "pamphlet": "booklet",
    "manuscript": "unpublished", "thesis": "phdthesis",
}  # fmt: skip
"""CSL type -> classic BibTeX entry type (anything else is ``@misc``)."""

TO_BIBLATEX: Final[dict[str, str]] = {
    "article": "article", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "book": "book", "classic": "book",
    "chapter": "incollection", "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference", "paper-conference": "inproceedings",
    "report": "report", "pamphlet": "booklet", "manuscript": "unpublished",
    "thesis": "thesis", "webpage": "online", "post": "online", "post-weblog": "online",
    "patent": "patent", "periodical": "periodical", "dataset": "dataset",
    "software": "software", "graphic": "artwork", "song": "audio",
    "motion_picture": "video", "performance": "performance", "legal_case": "jurisdiction",
    "legislation": "legislation", "treaty": "legal", "personal_communication": "letter",
    "review": "review", "review-book": "review", "standard": "standard",
}  # fmt: skip
"""CSL type -> biblatex entry type (anything else is ``@misc``)."""

CROSSREF_TITLE_TYPES: Final = frozenset(
    {"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings",
     "inreference", "conference"}
)  # fmt: skip
"""Entry types that inherit their parent's ``title`` as ``booktitle``."""

NOT_INHERITED: Final = frozenset(
    {"ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
     "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
     "shorthandintro", "sortkey", "key"}
)  # fmt: skip
"""Fields a child entry never takes over from its ``crossref`` parent."""
