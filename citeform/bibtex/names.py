"""BibTeX name lists <-> CSL names.

``{Corporate Body}`` (a name in one brace group) is a literal name; ``and
others`` at the end of a list means the list goes on (et al.). BibTeX's
"von" part is CSL's non-dropping particle; BibTeX has no dropping particle, so
one is written after the given names, where CSL prints it too.
"""

from __future__ import annotations

import functools
import re

import pybtex.errors
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person

from citeform.bibtex.latex import decode, encode
from citeform.model import Name

ET_AL = "others"
_SPACED_ACCENT = re.compile(r"\\([cvuHkdbrt])\s+([A-Za-z])")
"""``\\H o``: an accent macro whose argument follows a space, which would split the name."""
_PLAIN_NAME = re.compile(r"[^,{}\\~]+(?:,[^,{}\\~]*)?")
"""A name without braces, macros or ties and one comma at most: split at white space alone."""
_AND = re.compile(r"(?i)(^|\s)and(\s|$)")
_AND_SPLIT = re.compile(r"(?i) +and +")
"""``and`` between names, where no braces hide it (else pybtex splits the list)."""


def _is_one_group(raw: str) -> bool:
    """Whether *raw* is a single ``{…}`` group (a corporate body)."""
    if not (raw.startswith("{") and raw.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(raw):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(raw) - 1:
            return False
    return True


def _text(parts: list[str]) -> str | None:
    joined = " ".join(decode(part, protect=False).text for part in parts)
    return joined or None


NameParts = tuple[str | None, str | None, str | None, str | None]
"""A person's family, given, particle and suffix parts, each decoded (``None`` if empty)."""


def plain_name_parts(raw: str) -> NameParts | None:
    """The parts of a plain "First Middle Last" or "Last, First" name, read without pybtex.

    Plain: no brace, macro or tie, one comma at most, and every word before the comma
    (or of a name without one) capitalised, so that pybtex finds no "von" part in it;
    ``None`` for any other name.
    """
    if not _PLAIN_NAME.fullmatch(raw):
        return None
    head, comma, given = raw.partition(",")
    words = head.split()
    if not words or not all(word[0].isupper() for word in words):
        return None
    if comma:
        return _text(words), _text(given.split()), None, None
    return _text(words[-1:]), _text(words[:-1]), None, None


def person_parts(raw: str) -> NameParts | None:
    """The parts pybtex reads in any name (``None`` where it reports a problem)."""
    with pybtex.errors.capture() as problems:  # pybtex reports through global state
        person = Person(raw)
    if problems:
        return None
    return (
        _text(person.last_names),
        _text(person.first_names + person.middle_names),
        _text(person.prelast_names),
        _text(person.lineage_names),
    )


@functools.lru_cache(maxsize=4096)
def read_name(raw: str) -> Name:
    """The CSL name of one BibTeX name (names recur: parsed once, the result is immutable)."""
    raw = raw.strip()
    if _is_one_group(raw):
        return Name.corporate(decode(raw[1:-1], protect=False).text)
    parts = plain_name_parts(raw) or person_parts(raw)
    if parts is None or not (parts[0] or parts[1]):
        return Name.corporate(decode(raw, protect=False).text)
    family, given, particle, suffix = parts
    return Name(family=family, given=given, non_dropping_particle=particle, suffix=suffix)


@functools.lru_cache(maxsize=4096)
def read_names(raw: str) -> tuple[tuple[Name, ...], bool]:
    """The names of a name-list field, and whether it ends in ``and others``."""
    raw = _SPACED_ACCENT.sub(r"{\\\1{\2}}", raw)
    parts = _AND_SPLIT.split(raw) if "{" not in raw else split_name_list(raw)
    names = [part for part in parts if part.strip()]
    et_al = bool(names) and names[-1].strip().lower() == ET_AL
    if et_al:
        names.pop()
    return tuple(read_name(name) for name in names), et_al


_ODD_SPACE = re.compile(r"[^\S ]")
"""White space other than a plain space."""


def _part(text: str, *, ascii_only: bool) -> str:
    """A name part, braced when BibTeX would otherwise split or reorder it."""
    latex = encode(text, ascii_only)
    needs_braces = (
        "," in text
        or "~" in latex
        or ("and" in text.lower() and _AND.search(text))
        or (not text.isprintable() and _ODD_SPACE.search(text))  # printable: no odd space
        or (" " in text and _has_lower_word(text))
    )
    return "{" + latex + "}" if needs_braces else latex


def _has_lower_word(text: str) -> bool:
    """Whether a word of *text* starts with a lower-case letter or with no letter."""
    if text.isascii():  # an ASCII letter that is not lower case is a capital
        return _ASCII_LOWER_WORD.search(text) is not None
    return any(word[:1].islower() or not word[:1].isalpha() for word in text.split())


_ASCII_LOWER_WORD = re.compile(r"(?<!\S)[^A-Z\s]")
"""An ASCII word that starts with anything but a capital."""


@functools.lru_cache(maxsize=4096)
def write_name(name: Name, ascii_only: bool) -> str:
    """One name as BibTeX writes it: ``von Last, Jr, First`` or ``{Corporate Body}``.

    A name met again (an author of several entries) is written once.
    """
    if name.literal is not None or not name.family:
        text = name.literal if name.literal is not None else str(name)
        return "{" + encode(text, ascii_only) + "}"
    family = _part(name.family, ascii_only=ascii_only)
    if family[:1].islower() or (family[:1] == "\\" or family == ET_AL):
        family = "{" + family + "}"
    if name.non_dropping_particle:
        particle = encode(name.non_dropping_particle, ascii_only)
        family = (
            particle + " " + family if particle[:1].islower() else "{" + particle + "} " + family
        )
    given = name.given or ""
    if name.dropping_particle:
        given = f"{given} {name.dropping_particle}" if given else name.dropping_particle
    # BibTeX refuses a name ending in a comma: an empty given name is written "{}"
    given_latex = _part(given, ascii_only=ascii_only) if given else "{}"
    if name.suffix:
        return f"{family}, {_part(name.suffix, ascii_only=ascii_only)}, {given_latex}"
    if given or family.startswith("{") or " " in family:  # "A B, {}": a family "A B"
        return f"{family}, {given_latex}"
    return family


def write_names(names: tuple[Name, ...], *, et_al: bool, ascii_only: bool) -> str:
    """A name list, joined with ``and`` (and ``and others`` for et al.)."""
    written = [write_name(name, ascii_only) for name in names]
    if et_al:
        written.append(ET_AL)
    return " and ".join(written)
