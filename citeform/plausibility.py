"""Plausibility flags: what a person should look at in a record before its Zitierform goes back.

Each flag is a short id and a sentence; :func:`flags` lists those that apply to a
record and its Zitierform. They say "look here", never "wrong": a name with a digit
may be a real name, a type taken from context may be right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from citeform.dspace.crosswalk import TYPE_FROM_CONTEXT
from citeform.dspace.labels import field_of_label, is_noise
from citeform.dspace.page import TEXT
from citeform.formats.dspace_csv import FORMULA_STARTS, SEPARATORS
from citeform.model import Name, Record

FLAGS: Final = {
    "label-name": "a name looks like a label, a number or UI text",
    "no-year": "no year",
    "no-title": "no title",
    "type-guessed": (
        "no usable item type: none, the fallback 'document', a type no rule knows, "
        "or a type chosen from the other fields because there was no type field"
    ),
    "unknown-labels": "the item page has lines under no known label",
    "parsed": "a value was changed by parsing",
    "formula": "a value starts like a spreadsheet formula",
    "separator": "the Zitierform holds '||' or '::', written as '| |' and ': :' in DSpace's CSV",
    "failed": "the Zitierform could not be made",
}
"""Flag id -> what it means."""

LABEL_WORDS: Final = frozenset(
    {
        "band", "bd", "heft", "jahrgang", "jg", "nr", "nummer", "seite", "seiten", "s",
        "ausgabe", "issue", "volume", "vol", "page", "pages", "pp", "no", "number",
        "erschienen", "in", "und", "and", "autor", "autoren", "author", "authors",
        "herausgeber", "editor", "editors", "titel", "title", "datum", "date",
    }
)  # fmt: skip
"""Words that, standing alone as a name, are labels or numbering, not people."""

TYPE_KEYS: Final = ("dc.type", "local.type")
"""Fields that name the item type: one left unmapped means the type came from context."""

PARSED_KEYS: Final = ("recorded_title", "recorded_container_title")
"""``custom`` keys where a reader keeps a value as recorded before it changed it."""

_DIGIT = re.compile(r"\d")


def flags(record: Record, *, citation: str | None = None, failed: bool = False) -> list[str]:
    """The ids of the flags (:data:`FLAGS`) that apply to *record* and its *citation*."""
    found = {
        "label-name": any(map(_looks_like_label, _names(record))),
        "no-year": _year(record) is None,
        "no-title": not record.get("title"),
        "type-guessed": _type_guessed(record),
        "unknown-labels": any(field.key == TEXT for field in record.unmapped),
        "parsed": any(key in record.custom for key in PARSED_KEYS),
        "formula": any(
            value.startswith(FORMULA_STARTS) for value in (citation, record.citation) if value
        ),
        "separator": bool(citation) and any(mark in str(citation) for mark in SEPARATORS),
        "failed": failed,
    }
    return [flag for flag, applies in found.items() if applies]


def _names(record: Record) -> Iterable[Name]:
    for variable in ("author", "editor"):
        yield from record.get(variable) or ()


def _looks_like_label(name: Name) -> bool:
    """A name with digits, a label or UI line, a lone label word, or a lower-case family name."""
    text = name.literal or " ".join(part for part in (name.given, name.family) if part)
    if _DIGIT.search(text) or field_of_label(text) is not None or is_noise(text):
        return True
    words = [word.strip(".,:;").casefold() for word in text.split()]
    if words and all(word in LABEL_WORDS for word in words):
        return True
    family = name.family or ""
    return family[:1].islower() and not name.non_dropping_particle


def _year(record: Record) -> int | None:
    issued = record.get("issued")
    return issued.year if issued is not None else None


def _type_guessed(record: Record) -> bool:
    """No type, the fallback type, or a type field no rule understood."""
    if record.type in (None, "document") or record.custom.get(TYPE_FROM_CONTEXT):
        return True
    return any(field.key.lower() in TYPE_KEYS for field in record.unmapped)
