"""Labels inside a locator (``367-368, fig. 333``), read and printed as citeproc-js does.

A locator is cut at its joiners (``, ``, ``; ``, ``-``, ``&``, ``and``) into values; a value
may open with a label abbreviation (:data:`~citeform.engine.csl.locators.LABEL_ABBREVIATIONS`)
that the locale has a term for. Values run in groups of one label, the first group taking the
cite's label. A group of several numbers is plural. A label that opens a group prints as the
locale's short term, singular or plural by its group (``figs. 4-5``, German ``Abb. 4``); one
that repeats the label before it is dropped (``12, p. 3`` under ``page``: ``12, 3``), and the
cite's own label counts the whole first group (``pages``).
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from citeform.engine.csl.locale import Locale
from citeform.engine.csl.locators import LABEL_ABBREVIATIONS

_LABEL_WORD: Final = "|".join(sorted(LABEL_ABBREVIATIONS, key=len, reverse=True))
_EMBEDDED: Final = re.compile(rf"(?:^|(?<=\s))(?:{_LABEL_WORD})\.\s+(?=\S)")
_OPENING: Final = re.compile(rf"^({_LABEL_WORD})\.\s+(?=\S)")
_JOINER: Final = re.compile(r"(\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*[-\u2013]+\s*)")
_NUMBER: Final = re.compile(r"^(?:\d+|[ivxlcm]+)$", re.IGNORECASE)
_NUMBER_LIKE: Final = re.compile(r"^\d+[-;,:a-zA-Z]*$")


@attrs.frozen
class _Value:
    label: str
    """The locator label (``page``, ``figure``) the value falls under."""
    text: str
    joiner: str
    """What follows the value (``, ``, ``-``; empty for the last)."""
    opens: bool
    """Whether the value opens with a label that prints."""


def has_embedded_label(locator: str) -> bool:
    """Whether *locator* holds a label abbreviation after its start (``3, fig. 4``)."""
    return any(match.start() for match in _EMBEDDED.finditer(locator))


def _pieces(chunk: str, first: bool) -> list[tuple[str | None, str]]:
    """*chunk* cut at its labels: (label abbreviation or None, text) pairs.

    A label inside the chunk counts only between numbers (``5 fig. 4``); the locator's
    own opening label is read elsewhere (:func:`~citeform.engine.csl.locators.parsed_locator`).
    """
    pieces: list[tuple[str | None, str]] = []
    abbreviation: str | None = None
    position = 0
    for match in _EMBEDDED.finditer(chunk):
        before = chunk[position : match.start()].strip()
        after = chunk[match.end() :].split(" ", 1)[0]
        if match.start() == 0:
            if first:
                continue
        elif not (_NUMBER_LIKE.match(before) and _NUMBER_LIKE.match(after)):
            continue
        if match.start():
            pieces.append((abbreviation, before))
        abbreviation = match.group().strip().rstrip(".")
        position = match.end()
    pieces.append((abbreviation, chunk[position:]))
    return pieces


def _values(locator: str, label: str, locale: Locale) -> list[_Value]:
    chunks = _JOINER.split(locator)
    values: list[_Value] = []
    current = label
    for index in range(0, len(chunks), 2):
        joiner = chunks[index + 1] if index + 1 < len(chunks) else ""
        pieces = _pieces(chunks[index], first=not index)
        for place, (abbreviation, piece) in enumerate(pieces):
            text, opens = piece, False
            if abbreviation is not None:
                found = LABEL_ABBREVIATIONS[abbreviation]
                if locale.term(found, "short") is not None:
                    opens = found != current
                    current = found
                else:
                    text = f"{abbreviation}. {text}"
            last = place == len(pieces) - 1
            values.append(_Value(current, text, joiner if last else " ", opens))
    return values


def _plural_groups(values: list[_Value]) -> list[bool]:
    """For each value, whether its group (a run of one label) is plural."""
    plural: list[bool] = []
    start = 0
    for end in range(1, len(values) + 1):
        if end == len(values) or values[end].label != values[start].label:
            group = values[start:end]
            many = len(group) > 1 and all(_NUMBER.match(v.text) for v in group)
            plural += [many] * len(group)
            start = end
    return plural


def first_group_plural(locator: str, label: str, locale: Locale) -> bool:
    """Whether the cite's own label is plural: its group (up to another label) is."""
    values = _values(locator, label, locale)
    return _plural_groups(values)[0]


def relabelled(locator: str, label: str, locale: Locale) -> str:
    """*locator* with its inner labels as the locale's short terms (see the module)."""
    values = _values(locator, label, locale)
    plural = _plural_groups(values)
    parts: list[str] = []
    for value, many in zip(values, plural, strict=True):
        if value.opens:
            parts.append(f"{locale.term(value.label, 'short', plural=many)} ")
        parts.append(value.text + value.joiner)
    return "".join(parts)
