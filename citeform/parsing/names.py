"""Personal names ("Nachname, Vorname", particles included) and corporate bodies.

A name with a comma is a person, split at the first comma, unless the part before
the comma is several words with a corporate keyword. A name without a comma that
carries a corporate keyword ("Städtetag", "Ministerium", "GmbH", …) is kept
whole as a CSL ``literal``.
"""

from __future__ import annotations

import re

from citeform.model import Name
from citeform.parsing.text import nfc, squash

PARTICLES = frozenset(
    {"von", "vom", "zu", "zum", "zur", "van", "der", "den", "de", "del", "della", "di", "da",
     "du", "des", "la", "le", "ten", "ter", "af", "av", "dos", "das", "do", "y", "d'", "l'"}
)  # fmt: skip
"""Lower-case name particles ("von", "van der", "de la")."""

CORPORATE_WORDS = frozenset(
    {"stadt", "städtetag", "landkreistag", "institut", "institute", "verband", "ministerium",
     "e.v.", "ev", "gmbh", "mbh", "ag", "amt", "senatsverwaltung", "landkreis", "kreis",
     "deutscher", "deutsches", "deutsche", "universität", "university", "hochschule",
     "gesellschaft", "stiftung", "verein", "kommission", "rat", "agentur", "zentrum", "center",
     "centre", "association", "department", "ministry", "council", "committee", "office",
     "service", "library", "bibliothek", "senat", "gemeinde", "behörde", "landtag", "bundestag",
     "regierung", "agency", "organization", "organisation", "program", "programme", "foundation",
     "society", "akademie", "kammer", "inc.", "ltd.", "ltd", "inc", "corporation", "bank",
     "bundesregierung", "landeshauptstadt", "bezirksamt", "difu", "laboratory", "group"}
)  # fmt: skip
"""Words that mark a corporate body (compared in lower case, whole words)."""

CORPORATE_ENDINGS = (
    "ministerium", "verband", "institut", "verwaltung", "behörde", "kammer", "gesellschaft",
    "stiftung", "verein", "städtetag", "bibliothek", "zentrum", "bundesamt", "landesamt",
    "senat", "kommission", "agentur", "akademie", "universität", "hochschule",
)  # fmt: skip
"""Endings of German compounds that mark a corporate body ("Bundesministerium")."""

_WORD = re.compile(r"[^\s,;()/]+")


def is_corporate(text: str) -> bool:
    """Whether *text* names a corporate body rather than a person (compared in NFC)."""
    words = [word.lower() for word in _WORD.findall(nfc(text))]
    return any(
        word in CORPORATE_WORDS or word.rstrip(".") in CORPORATE_WORDS
        or word.endswith(CORPORATE_ENDINGS)
        for word in words
    )  # fmt: skip


def parse_name(text: str) -> Name | None:
    """Read one name: "von Goethe, Johann" -> family, given, particle; a body -> literal."""
    value = squash(text)
    if not value:
        return None
    family, comma, given = value.partition(",")
    if comma and family.strip() and not _corporate_family(family):
        return _person(family.strip(), given.strip())
    compared = nfc(value)
    if is_corporate(value) or (compared.isupper() and " " not in value and len(compared) > 1):
        return Name(literal=value)  # a corporate word, or an acronym such as "UNESCO"
    if " " not in value:
        return Name(family=value)
    *given_words, family_word = value.split(" ")
    particle_start = len(given_words)
    while particle_start > 1 and given_words[particle_start - 1] in PARTICLES:
        particle_start -= 1
    given_part = " ".join(given_words[:particle_start])
    particle = " ".join(given_words[particle_start:])
    return Name(
        family=family_word, given=given_part or None, non_dropping_particle=particle or None
    )


def _corporate_family(family: str) -> bool:
    """A part before a comma that names a body: several words (particles aside), one corporate."""
    words = [word for word in family.split() if word not in PARTICLES]
    return len(words) > 1 and is_corporate(" ".join(words))


def _person(family: str, given: str) -> Name:
    family_words = family.split(" ")
    leading = 0
    while leading < len(family_words) - 1 and family_words[leading] in PARTICLES:
        leading += 1
    given_words = given.split(" ") if given else []
    trailing = len(given_words)
    while trailing > 1 and given_words[trailing - 1] in PARTICLES:
        trailing -= 1
    return Name(
        family=" ".join(family_words[leading:]),
        given=" ".join(given_words[:trailing]) or None,
        non_dropping_particle=" ".join(family_words[:leading]) or None,
        dropping_particle=" ".join(given_words[trailing:]) or None,
    )


def parse_names(text: str) -> tuple[Name, ...]:
    """Read a list of names separated by ";" (a single field may hold several)."""
    names = (parse_name(part) for part in text.split(";"))
    return tuple(name for name in names if name is not None)


def format_name(name: Name) -> str:
    """Write a name in the repository convention: "van der Berg, Jan" or the literal."""
    if name.literal is not None:
        return name.literal
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    given = " ".join(part for part in (name.given, name.dropping_particle) if part)
    return f"{family}, {given}" if given else family
