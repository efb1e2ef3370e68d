"""Item types: ``dc.type`` values (DSpace, DINI, DRIVER/OpenAIRE, COAR, German) -> CSL types.

Values are compared after :func:`normalize_type` (NFC, lower case, prefixes stripped, COAR
URIs resolved to their code). Values that name no type ("Text", "Other", "Graue
Literatur") are left to the context rule, :func:`type_from_context`.
"""

from __future__ import annotations

import re

from citeform.parsing.text import nfc

TYPES: dict[str, str] = {
    # article-journal
    "article": "article-journal", "journal article": "article-journal",
    "research article": "article-journal", "c_6501": "article-journal",
    "c_2df8fbb1": "article-journal", "wissenschaftlicher artikel": "article-journal",
    "zeitschriftenaufsatz": "article-journal", "zeitschriftenartikel": "article-journal",
    "aufsatz": "article-journal", "artikel": "article-journal",
    "contributiontoperiodical": "article-journal", "contribution to journal": "article-journal",
    "c_3e5a": "article-journal", "beitrag zu einem periodikum": "article-journal",
    "zeitungsartikel": "article-newspaper", "newspaper article": "article-newspaper",
    "magazinartikel": "article-magazine", "magazine article": "article-magazine",
    # chapter
    "book chapter": "chapter", "book part": "chapter", "bookpart": "chapter", "c_3248": "chapter",
    "teil eines buches oder einer monographie": "chapter", "buchkapitel": "chapter",
    "buchbeitrag": "chapter", "aufsatz in sammelwerk": "chapter",
    "sammelwerksbeitrag": "chapter", "beitrag in sammelband": "chapter",
    "book section": "chapter", "chapter": "chapter",
    # book
    "book": "book", "c_2f33": "book", "buch": "book", "monographie": "book",
    "monograph": "book", "buch (monographie)": "book", "sammelwerk": "book",
    "sammelband": "book", "herausgeberwerk": "book", "conference proceedings": "book",
    "c_f744": "book", "tagungsband": "book", "proceedings": "book",
    # paper-conference
    "conference paper": "paper-conference", "c_5794": "paper-conference",
    "conference object": "paper-conference", "conferenceobject": "paper-conference",
    "c_c94f": "paper-conference", "konferenzbeitrag": "paper-conference",
    "tagungsbeitrag": "paper-conference",
    # report
    "technical report": "report", "report": "report", "c_93fc": "report", "c_18gh": "report",
    "c_18ws": "report", "c_186u": "report", "c_18op": "report", "c_ba1f": "report",
    "c_18hj": "report", "c_71bd": "report", "c_393c": "report", "bericht": "report",
    "forschungsbericht": "report", "gutachten": "report", "studie": "report",
    "broschüre": "report", "working paper": "report", "workingpaper": "report",
    "c_8042": "report", "arbeitspapier": "report", "diskussionspapier": "report",
    # thesis
    "thesis": "thesis", "c_46ec": "thesis", "c_db06": "thesis", "c_bdcc": "thesis",
    "c_7a1f": "thesis", "doctoralthesis": "thesis", "masterthesis": "thesis",
    "bachelorthesis": "thesis", "dissertation": "thesis", "habilitation": "thesis",
    "masterarbeit": "thesis", "bachelorarbeit": "thesis", "hochschulschrift": "thesis",
    # others
    "preprint": "article", "c_816b": "article", "review": "review", "c_efa0": "review",
    "book review": "review-book", "c_ba08": "review-book", "rezension": "review",
    "presentation": "speech", "lecture": "speech", "c_8544": "speech", "vortrag": "speech",
    "dataset": "dataset", "c_ddb1": "dataset", "researchdata": "dataset",
    "forschungsdaten": "dataset", "software": "software", "c_5ce6": "software",
    "map": "map", "c_12cd": "map", "karte": "map", "image": "graphic", "c_c513": "graphic",
    "bild": "graphic", "website": "webpage", "c_7ad9": "webpage", "internetseite": "webpage",
    "internetdokument": "webpage", "musical score": "musical_score",
    "video": "motion_picture", "animation": "motion_picture",
    # the rest of the DINI and DRIVER vocabularies
    "studythesis": "thesis", "periodical": "periodical", "periodicalpart": "periodical",
    "manuscript": "manuscript", "patent": "patent", "carthographicmaterial": "map",
    "musicalnotation": "musical_score", "sound": "song", "movingimage": "motion_picture",
    "stillimage": "graphic", "conferenceproceedings": "book",
}  # fmt: skip
"""Normalised ``dc.type`` value -> CSL item type."""

GENRES: dict[str, str] = {
    "working paper": "Arbeitspapier", "workingpaper": "Arbeitspapier", "c_8042": "Arbeitspapier",
    "arbeitspapier": "Arbeitspapier", "diskussionspapier": "Diskussionspapier",
    "dissertation": "Dissertation", "doctoralthesis": "Dissertation", "c_db06": "Dissertation",
    "habilitation": "Habilitation", "masterarbeit": "Masterarbeit",
    "masterthesis": "Masterarbeit", "c_bdcc": "Masterarbeit", "bachelorarbeit": "Bachelorarbeit",
    "bachelorthesis": "Bachelorarbeit", "c_7a1f": "Bachelorarbeit",
}  # fmt: skip
"""Normalised ``dc.type`` values that are real genre words -> CSL ``genre``."""

_PREFIXES = re.compile(
    r"^(?:doc-type:|info:eu-repo/semantics/|https?://purl\.org/coar/resource_type/)"
)


def normalize_type(value: str) -> str:
    """NFC, lower-case and trim a type value; strip DINI/DRIVER prefixes and COAR URI bases."""
    return _PREFIXES.sub("", nfc(" ".join(value.split())).lower()).strip("/ ")


def type_from_value(value: str) -> str | None:
    """The CSL type of one ``dc.type`` value, or ``None`` when it names no known type."""
    return TYPES.get(normalize_type(value))


def genre_from_value(value: str) -> str | None:
    """The CSL genre word of one ``dc.type`` value, when it has one."""
    return GENRES.get(normalize_type(value))


def type_from_context(variables: dict[str, object]) -> str:
    """The context rule for records without a usable type (first matching step wins).

    A container with an issue, volume or page is an article; a container with an editor
    or ISBN a chapter; an ISBN alone a book; a publisher without container a report;
    anything else a document.
    """
    container = "container-title" in variables
    if container and any(key in variables for key in ("issue", "volume", "page")):
        return "article-journal"
    if container and any(key in variables for key in ("editor", "ISBN")):
        return "chapter"
    if "ISBN" in variables:
        return "book"
    if "publisher" in variables and not container:
        return "report"
    return "document"
