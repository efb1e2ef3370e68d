"""CSL-JSON items -> citeproc-py ``Reference`` objects (the data pre-pass).

Replaces ``citeproc.source.json.CiteProcJSON``, whose variable lists predate CSL 1.0.1/1.0.2
(``director``, ``compiler``, ``chair``... were read as strings and crashed name rendering)
and which keys variables only as ``container_author`` while parts of the renderer ask for
``container-author``. Here every variable is typed by :mod:`citeform.vocab` and stored under
both spellings. String values carry rich text as markers (:mod:`.formats`), protect
``<span class="nocase">`` from case changes, and turn straight quotes and apostrophes into
quote markers and typographic apostrophes, as citeproc-js does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from citeproc.source import Date, DateRange, LiteralDate, Name, Reference
from citeproc.string import MixedString, NoCase, String

from citeform import vocab
from citeform.engine.citeproc.formats import (
    LITERAL_QUOTES,
    MARKS,
    PROTECTED_KINDS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    field_markup_to_markers,
    shelter,
)

MORE_AUTHORS: Final = "citeform-more-authors"
"""Key set on a name whose given name ended in "et al.": the list goes on unnamed."""
LITERAL_MARKERS: Final = {char: marker for marker, char in LITERAL_QUOTES.items()}

ALIASES: Final[Mapping[str, str]] = {
    "shortTitle": "title-short",
    "journalAbbreviation": "container-title-short",
}
"""Legacy CSL-JSON keys -> CSL variables."""
NOT_FROM_INPUT: Final = frozenset({"id", "type", "key", "year-suffix"})
"""Keys not read as variables: the item's identity, and ``year-suffix``, which the processor
assigns (citeproc-js ignores one given in the input)."""

_PROTECT_OPEN: Final = frozenset(MARKS[kind][0] for kind in PROTECTED_KINDS)
_PROTECT_CLOSE: Final = frozenset(MARKS[kind][1] for kind in PROTECTED_KINDS)
_DOUBLE_QUOTE = re.compile(r'"|\u201c|\u201d')
_OPENS_AFTER: Final = frozenset(" \t\n([{\u2014\u2013-/" + QUOTE_OPEN)


def _quotes_to_markers(text: str) -> str:
    """Straight and typographic quotes -> markers; apostrophes -> U+2019.

    A straight quote opens at the start or after a space or an opening bracket, and
    closes otherwise.
    """

    def mark(match: re.Match[str]) -> str:
        char = match.group()
        if char in LITERAL_MARKERS:
            return LITERAL_MARKERS[char]
        before = text[match.start() - 1] if match.start() else " "
        return QUOTE_OPEN if before in _OPENS_AFTER else QUOTE_CLOSE

    return _single_quotes(_DOUBLE_QUOTE.sub(mark, text))


def _single_quotes(text: str) -> str:
    """Pairs of straight single quotes around words -> quote markers; the rest -> U+2019.

    A quote opens at the start or after a space or bracket, before a letter or digit, and is
    closed by the next one that follows a word and is not followed by a letter ("'new'");
    any other is an apostrophe ("O'Reilly", "Smiths' house").
    """
    chars = list(text)
    opening: int | None = None
    for index, char in enumerate(chars):
        if char != "'":
            continue
        before = chars[index - 1] if index else " "
        after = chars[index + 1] if index + 1 < len(chars) else " "
        if before in _OPENS_AFTER and after.isalnum():
            opening = index
        elif opening is not None and not after.isalnum() and not before.isspace():
            chars[opening], chars[index] = QUOTE_OPEN, QUOTE_CLOSE
            opening = None
    return "".join(chars).replace("'", "\u2019")


def parse_string(value: object) -> MixedString:
    """A field value as citeproc-py text; nocase, small caps, sup and sub keep their case."""
    text = _quotes_to_markers(field_markup_to_markers(str(value)))
    segments: list[tuple[bool, list[str]]] = [(False, [])]
    depth = 0
    for char in text:
        if char in _PROTECT_OPEN:
            depth += 1
            if depth == 1:
                segments.append((True, []))
        segments[-1][1].append(char)
        if char in _PROTECT_CLOSE and depth:
            depth -= 1
            if depth == 0:
                segments.append((False, []))
    # Segments meet at markers, so no seam punctuation to merge: built in one go (linear).
    return MixedString(
        [
            (NoCase if protected else String)("".join(chars))
            for protected, chars in segments
            if chars
        ]
    )


def _is_particle(word: str) -> bool:
    return bool(word) and word[0].islower()


def _split_particles(parts: dict[str, Any]) -> dict[str, Any]:
    """Particles written into the names, split off as citeproc-js does.

    "van der Vlist" -> non-dropping particle "van der", family "Vlist"; given "Ludwig van"
    -> given "Ludwig", dropping particle "van". Only when the name has no particles of its
    own and is not a literal or marked ``parse-names: false``. A given name ending in
    "et al." is no particle: it says that more authors follow (:data:`MORE_AUTHORS`).
    """
    if "literal" in parts or str(parts.get("parse-names", "true")).lower() == "false":
        return parts
    family = parts.get("family")
    if isinstance(family, str) and "non-dropping-particle" not in parts:
        words = family.split(" ")
        count = next((i for i, word in enumerate(words) if not _is_particle(word)), len(words))
        if 0 < count < len(words):
            parts = {
                **parts,
                "non-dropping-particle": " ".join(words[:count]),
                "family": " ".join(words[count:]),
            }
    given = parts.get("given")
    if isinstance(given, str) and "dropping-particle" not in parts:
        words = given.split(" ")
        count = next(
            (i for i, word in enumerate(reversed(words)) if not _is_particle(word)), len(words)
        )
        if 0 < count < len(words):
            parts = {
                **parts,
                "given": " ".join(words[:-count]),
                "dropping-particle": " ".join(words[-count:]),
            }
    if str(parts.get("dropping-particle", "")).replace(".", "") == "et al":
        parts = {key: part for key, part in parts.items() if key != "dropping-particle"}
        parts.update({"given": str(parts["given"]).rstrip(" ,"), MORE_AUTHORS: True})
    return parts


def parse_names(value: object) -> list[Name]:
    """CSL-JSON names -> citeproc-py names (unknown keys kept, never warned about)."""
    names = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, Mapping):
            continue
        name = Name()
        parts = {
            key: part.replace("'", "\u2019") if isinstance(part, str) else part
            for key, part in entry.items()
            if part not in ("", None)
        }
        dict.update(name, _split_particles(parts))
        if "literal" in name or "family" in name or "given" in name:
            names.append(name)
    return names


def _int_or_none(part: object) -> int | None:
    try:
        return int(str(part))
    except ValueError:
        return None


def _single_date(parts: list[Any], season: object) -> Date | None:
    numbers = [_int_or_none(part) for part in parts[:3]]
    if not numbers or numbers[0] is None:
        return None
    named = zip(("year", "month", "day"), numbers, strict=False)
    fields: dict[str, object] = {key: number for key, number in named if number}
    if "month" not in fields:
        fields.pop("day", None)
    if season is not None and "month" not in fields:
        fields["season"] = _int_or_none(season) or season
    fields.setdefault("year", 0)
    return Date(**fields)


def parse_date(value: object) -> Date | DateRange | LiteralDate | None:
    """A CSL-JSON date -> citeproc-py date, range or literal."""
    if not isinstance(value, Mapping):
        return None
    circa = bool(value.get("circa"))
    parts = value.get("date-parts") or []
    found = (
        _single_date(list(part), value.get("season"))
        for part in parts
        if isinstance(part, list | tuple) and part
    )
    dates = [date for date in found if date is not None]
    if len(dates) == 1 or (len(dates) > 1 and dates[0] == dates[1]):
        date = dates[0]
        date["circa"] = circa
        return date
    if len(dates) > 1:
        return DateRange(begin=dates[0], end=dates[1], circa=circa)
    literal = value.get("literal") or value.get("raw")
    if literal:
        return LiteralDate(str(literal), circa=circa)
    return None


def to_reference(item: Mapping[str, Any], key: str) -> Reference:
    """One CSL-JSON item as a citeproc-py ``Reference`` stored under *key*.

    Every variable is stored as ``container-author`` and ``container_author``; the item
    type defaults to ``document`` when missing, as citeproc-js does; an input
    ``year-suffix`` is ignored. Characters of the engine's marker block are sheltered
    (:func:`.formats.shelter`).
    """
    reference = Reference(key, str(item.get("type") or "document"))
    for raw_key, raw_value in item.items():
        value = shelter(raw_value)
        variable = ALIASES.get(raw_key, raw_key)
        if variable in NOT_FROM_INPUT or value in (None, "", []):
            continue
        kind = vocab.KIND_OF.get(variable, "text")
        parsed: object
        if kind == "name":
            parsed = parse_names(value)
        elif kind == "date":
            parsed = parse_date(value)
        elif variable == "language":
            parsed = str(value)
        else:
            parsed = parse_string(value)
        if parsed:
            dict.__setitem__(reference, variable, parsed)
            dict.__setitem__(reference, variable.replace("-", "_"), parsed)
    return reference
