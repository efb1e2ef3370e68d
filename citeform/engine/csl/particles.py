"""A CSL-JSON name's parts: particles and suffixes split off ``family`` and ``given``.

Names are parsed as citeproc-js parses them: leading lower-case words of the family
name (``van der``, ``d'``, ``al-``) become its non-dropping particle, trailing
lower-case words of the given name (``de``, ``von``) its dropping particle, and what
follows a comma in the given name its suffix (``,!`` asks for a comma before it).
A family name in double quotes, or ``"parse-names": false``, is kept whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, Final

from citeform.engine.csl.markup import apostrophes

_FAMILY_PARTICLE: Final = re.compile(r"[^ ]+(?:-|\u02bb|\u2019| |') *(?=.)")
"""A word ending in a hyphen, an apostrophe or a space, with more of the name after it."""
_LEADING_MARKS: Final = "-'\u02bb\u2019 "
_SUFFIX_COMMA: Final = re.compile(r"\s*,!*\s*")
_ET_AL: Final = "et al"


def _lower_initial(word: str) -> bool:
    """Whether *word* starts (after apostrophes and hyphens) with a lower-case letter."""
    first = word.lstrip(_LEADING_MARKS)[:1]
    return bool(first) and first.upper() != first


def _family_particle(family: str) -> tuple[str, str]:
    """The non-dropping particle leading *family*, and the family name after it."""
    end = 0
    while (match := _FAMILY_PARTICLE.match(family, end)) and _lower_initial(match.group()):
        end = match.end()
    particle, rest = family[:end], family[end:]
    trimmed = particle.strip()
    if particle.endswith(" ") and trimmed.endswith(("'", "\u2019")):
        trimmed += " "  # "de' Frinkle": the space after an apostrophe stays
    return trimmed, rest


def _dropping_particle(given: str) -> tuple[str, str]:
    """The given name, and the dropping particle trailing it."""
    words = given.split(" ")  # spaces already single, none at either end
    kept = len(words)
    while kept > 1 and _lower_initial(words[kept - 1]):
        kept -= 1
    return " ".join(words[:kept]), " ".join(words[kept:])


def _split_suffix(parts: dict[str, str]) -> None:
    """What follows the first comma of the given name becomes its suffix (or "et al.")."""
    given = parts.get("given", "")
    match = _SUFFIX_COMMA.search(given)
    if "suffix" in parts or match is None:
        return
    suffix = given[match.end() :]
    if suffix.replace(".", "") == _ET_AL and "dropping-particle" not in parts:
        parts["dropping-particle"] = suffix
        parts["comma-dropping-particle"] = ","
    else:
        if match.group().replace(" ", "") == ",!":
            parts["comma-suffix"] = "true"
        parts["suffix"] = suffix
    parts["given"] = given[: match.start()]


def split_particles(name: Mapping[str, Any]) -> dict[str, str]:
    """The name's parts (strings), with particles and suffix split off as citeproc-js does.

    A name of plain values is split once and the parts copied after (disambiguation and sorting
    ask for the same names many times).
    """
    try:
        key = tuple(name.items())
        return dict(_split_cached(key))
    except TypeError:  # a value that is no plain string, number or flag
        return _split(name)


@functools.lru_cache(maxsize=4096)
def _split_cached(items: tuple[tuple[str, Any], ...]) -> dict[str, str]:
    return _split(dict(items))


def _split(name: Mapping[str, Any]) -> dict[str, str]:
    parts = {
        key: apostrophes(str(value))
        for key, value in name.items()
        if isinstance(value, str | int) and not isinstance(value, bool)
    }
    for key, value in name.items():
        if isinstance(value, bool) and value:
            parts[key] = "true"
    family = parts.get("family", "")
    quoted = len(family) > 1 and family[0] == family[-1] == '"'
    if quoted:
        parts["family"] = family[1:-1]
    if quoted or name.get("parse-names") is False:
        return parts
    if "given" in parts:
        parts["given"] = " ".join(parts["given"].split())
    if not family or not parts.get("given") or "non-dropping-particle" in parts:
        return parts
    particle, parts["family"] = _family_particle(family)
    if particle:
        parts["non-dropping-particle"] = particle
    _split_suffix(parts)
    parts["given"], particle = _dropping_particle(parts["given"])
    if particle:
        parts["dropping-particle"] = particle
    return parts
