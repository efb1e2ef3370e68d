"""Issue ("Nr. 2", "Heft 3"), volume ("Jg. 71", "Bd. 2") and series ("Reihe; 12") designations."""

from __future__ import annotations

import re

from citeform.parsing.text import NfcView, squash

_ISSUE_PREFIX = re.compile(
    r"^(?:nr|no|num|number|heft|h|ausg|ausgabe|iss|issue)\b\.?\s*", re.IGNORECASE
)
_VOLUME_PREFIX = re.compile(r"^(?:jg|jahrgang|bd|band|vol|volume|v)\b\.?\s*", re.IGNORECASE)
_VOLUME_SUFFIX = re.compile(r"^(\S+?)\.?\s+(?:jg\.|jahrgang)$", re.IGNORECASE)
_SERIES_NUMBER_PREFIX = re.compile(r"^(?:bd|band|nr|no|vol|heft|h)\b\.?\s*", re.IGNORECASE)


def parse_issue(text: str) -> str | None:
    """Read an issue: "Nr. 2" -> "2"; "2/3" and "Sonderheft 1" stay as written."""
    view = NfcView(squash(text))
    return view.after(_ISSUE_PREFIX.match(view.text)) or None


def format_issue(issue: str, *, prefix: str = "Nr. ") -> str:
    """Write an issue with its label ("2" -> "Nr. 2")."""
    return prefix + issue


def parse_volume(text: str) -> str | None:
    """Read a volume: "Jg. 71", "71. Jg.", "Bd. 2", "Vol. 5" -> the designation alone."""
    view = NfcView(squash(text))
    trailing = _VOLUME_SUFFIX.match(view.text)
    if trailing:
        return view.group(trailing, 1)
    return view.after(_VOLUME_PREFIX.match(view.text)) or None


def format_volume(volume: str, *, prefix: str = "Jg. ") -> str:
    """Write a volume with its label ("71" -> "Jg. 71")."""
    return prefix + volume


def parse_series(text: str) -> tuple[str, str | None] | None:
    """Read a series statement, DSpace's ``Series;Number``: "Difu-Impulse ; Bd. 3" -> (title, "3").

    The split is at the last ";"; without one the whole text is the title.
    """
    value = squash(text)
    title, separator, number = value.rpartition(";")
    if not separator:
        return (value, None) if value else None
    view = NfcView(number.strip())
    title, number = title.strip(), view.after(_SERIES_NUMBER_PREFIX.match(view.text))
    if not title:
        return None
    return title, number or None


def format_series(title: str, number: str | None = None) -> str:
    """Write a series in DSpace's convention ("Reihe", "12" -> "Reihe;12")."""
    return title if number is None else f"{title};{number}"
