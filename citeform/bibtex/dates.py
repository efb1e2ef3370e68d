"""``year``, ``month`` and ``day`` fields -> a CSL date, each field read on its own.

A month may be a number, a name or abbreviation in English, German, French, Spanish,
Italian or Dutch (``Sept.``, ``März``, ``févr.``), a season (-> CSL ``season``), a
month with a day (``March~1``, ``1. März``) or a range of these (``Jan--Feb``,
``jan # "~--~" # feb``, ``March 1--3``). A field that cannot be read is handed back
to be kept as unmapped; it never takes the others with it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from citeform.model import Date

MONTH_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}  # fmt: skip
"""Month names per language, January first; any prefix of three letters or more that
names one month only is read as that month."""

OTHER_MONTH_NAMES: Final[dict[str, int]] = {"jänner": 1, "maerz": 3}
"""Spellings beside the standard ones (Austrian January, German March without umlaut)."""

SEASONS: Final[dict[str, int]] = {
    "spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
    "frühling": 1, "frühjahr": 1, "sommer": 2, "herbst": 3,
    "printemps": 1, "été": 2, "automne": 3, "hiver": 4,
    "primavera": 1, "verano": 2, "otoño": 3, "invierno": 4,
    "estate": 2, "autunno": 3, "inverno": 4,
    "lente": 1, "zomer": 2, "herfst": 3,
}  # fmt: skip
"""Season names -> CSL season (1 spring, 2 summer, 3 autumn, 4 winter)."""

_MIN_PREFIX = 3
_MAX_DAY = 31
_MONTHS_IN_YEAR = 12
_YEAR_DIGITS = 6
_YEAR_RANGE = re.compile(r"(\d{1,4})\s*(?:--?|\u2013|/)\s*(\d{1,4})")
_RANGE = re.compile(r"\s*(?:-{1,3}|[\u2013\u2014/])\s*")
_PIECE = re.compile(r"(\d+)(?:st|nd|rd|th|\.)?|([^\W\d_]+)\.?|([\s,]+)")


def _fold(text: str) -> str:
    """Lower case without accents: ``Févr.`` -> ``fevr.``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _month_prefixes() -> dict[str, int]:
    numbers: dict[str, set[int]] = {}
    names = [(name, n) for months in MONTH_NAMES.values() for n, name in enumerate(months, 1)]
    for name, number in [*names, *OTHER_MONTH_NAMES.items()]:
        folded = _fold(name)
        for end in range(_MIN_PREFIX, len(folded) + 1):
            numbers.setdefault(folded[:end], set()).add(number)
    return {prefix: months.pop() for prefix, months in numbers.items() if len(months) == 1}


_MONTHS: Final = _month_prefixes()
_SEASONS: Final = {_fold(name): season for name, season in SEASONS.items()}


@functools.lru_cache(maxsize=4096)
def read_issued(year: str, month: str | None, day: str | None) -> tuple[Date, tuple[str, ...]]:
    """The date of ``year``/``month``/``day`` and the names of the fields it could not use.

    Dates recur: each is read once, the result is immutable.
    """
    unused = ["day"] if day else []
    if year.isdigit() and len(year) <= _YEAR_DIGITS:
        number = int(year)
    else:
        span = _YEAR_RANGE.fullmatch(year)
        if span is None:
            return Date(literal=year), (*(["month"] if month else []), *unused)
        first, last = span.group(1), span.group(2)
        last = first[: len(first) - len(last)] + last  # 2017/18 -> 2017/2018
        return Date(parts=((int(first),), (int(last),))), (*(["month"] if month else []), *unused)
    if not month:
        return Date.of(number), tuple(unused)
    season = _SEASONS.get(_fold(month).strip().rstrip("."))
    if season is not None:
        return Date(parts=((number,),), season=season), tuple(unused)
    ends = _month_range(month)
    if ends is None:
        return Date.of(number), ("month", *unused)
    if len(ends) == 1 and ends[0][1] is None and day:
        day_number = int(day) if day.isdigit() and 1 <= int(day) <= _MAX_DAY else None
        ends = [(ends[0][0], day_number)]
        unused = [] if day_number else unused
    parts = tuple((number, month_number, *([] if d is None else [d])) for month_number, d in ends)
    return Date(parts=parts), tuple(unused)


def _month_range(text: str) -> list[tuple[int, int | None]] | None:
    """``[(month, day or None)]``, two of them for a range; ``None`` if unreadable."""
    pieces = [_piece(piece) for piece in _RANGE.split(text.strip(), maxsplit=1)]
    if any(piece is None for piece in pieces):
        return None
    read = [piece for piece in pieces if piece is not None]
    named = [months for months, _ in read if months]
    if not named:  # numbers only: months
        ends: list[tuple[int, int | None]] = [(n[0], None) for _, n in read if len(n) == 1]
        return (
            ends
            if len(ends) == len(read) and all(1 <= m <= _MONTHS_IN_YEAR for m, _ in ends)
            else None
        )
    ends_read: list[tuple[int, int | None]] = []
    for months, numbers in read:
        if len(months) > 1 or len(numbers) > 1 or not (months or numbers):
            return None
        day_number = numbers[0] if numbers else None
        if day_number is not None and not 1 <= day_number <= _MAX_DAY:
            return None
        ends_read.append(((months or named[0])[0], day_number))  # "1--3 March": March 1 to 3
    if len(ends_read) == 2 and _order(ends_read[1]) < _order(ends_read[0]):
        return None  # backwards, or into the next year: not guessed
    return ends_read


def _order(end: tuple[int, int | None]) -> tuple[int, int]:
    return end[0], end[1] or 0


def _piece(text: str) -> tuple[list[int], list[int]] | None:
    """The month names and the numbers of one end of a range; ``None`` if a word is no month."""
    months: list[int] = []
    numbers: list[int] = []
    position = 0
    for match in _PIECE.finditer(text):
        if match.start() != position:
            return None
        position = match.end()
        digits, word, _ = match.groups()
        if digits is not None:
            numbers.append(int(digits) if len(digits) <= 2 else 0)  # 0: no month, no day
        elif word is not None:
            month = _MONTHS.get(_fold(word))
            if month is None:
                return None
            months.append(month)
    return (months, numbers) if position == len(text) else None
