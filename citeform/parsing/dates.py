"""Dates as repositories write them: "2017", "2017-02", "14.02.2017", "Februar 2017", ranges.

Nothing is invented: "o. J.", "n.d." and text that names no date give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from citeform.model import Date
from citeform.parsing.text import DASHES, nfc, squash

MONTHS: dict[str, int] = {
    **{name: n for n, name in enumerate(
        ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
         "september", "oktober", "november", "dezember"), start=1)},
    **{name: n for n, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    "jänner": 1, "maerz": 3, "mrz": 3, "sept": 9, "okt": 10, "dez": 12,
    **{name[:3]: n for n, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1)},
    "mär": 3, "mai": 5,
}  # fmt: skip
"""Month names and abbreviations (German and English, lower case) and their numbers."""

SEASONS: dict[str, int] = {
    "frühjahr": 21, "frühling": 21, "spring": 21, "sommer": 22, "summer": 22,
    "herbst": 23, "autumn": 23, "fall": 23, "winter": 24,
}  # fmt: skip
"""Season names and their EDTF/CSL month numbers (21 spring to 24 winter)."""

NO_DATE = frozenset(
    {"o. j.", "o.j.", "o. j", "oj", "ohne jahr", "ohne datum", "o. d.", "n.d.", "n. d.", "nd",
     "s.a.", "s. a.", "sine anno", "undated", "no date", "unknown", "unbekannt"}
)  # fmt: skip
"""Texts that say "no date" (compared in lower case, brackets removed)."""

_CIRCA = re.compile(r"^(?:ca\.?|c\.|circa|um|approx\.?)\s*|\s*[?~]$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?$")
_GERMAN = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s?[/.]\s?(\d{4})$")
_NAMED = re.compile(r"^(?:(\d{1,2})\.?\s+)?([^\W\d_]+)\.?\s+(\d{4})$")
_RANGE = re.compile(rf"^(.+?)\s*(?:/|\s[{DASHES}]\s|[{DASHES}](?=\d{{4}}$))\s*(.+)$")


def parse_date(text: str) -> Date | None:
    """Read a date or a range of dates; ``None`` when the text names no date.

    Seasons ("Sommer 2017") give EDTF's season months 21-24. "[2017]" and "2017?" are
    accepted; a questioned or "ca." date gets ``circa``. Times of day
    ("2017-02-14T10:00:00Z") are dropped.
    """
    value = nfc(squash(text)).strip("[]() ")
    if not value or value.lower() in NO_DATE:
        return None
    circa = bool(_CIRCA.search(value))
    value = _CIRCA.sub("", value).strip("[]() ")
    single = _parse_single(value)
    if single is not None:
        return Date(parts=(single,), circa=True if circa else None)
    ranged = _RANGE.match(value)
    if ranged:
        start, end = _parse_single(ranged.group(1)), _parse_single(ranged.group(2))
        if start and end and start <= end:
            return Date(parts=(start, end), circa=True if circa else None)
    return None


def _parse_single(value: str) -> tuple[int, ...] | None:
    parts: tuple[int | None, ...] | None = None
    if match := _ISO.match(value):
        parts = _ints(match.group(1), match.group(2), match.group(3))
    elif match := _GERMAN.match(value):
        parts = _ints(match.group(3), match.group(2), match.group(1))
    elif match := _MONTH_YEAR.match(value):
        parts = _ints(match.group(2), match.group(1))
    elif (match := _NAMED.match(value)) and match.group(2).lower() in MONTHS:
        month = MONTHS[match.group(2).lower()]
        parts = _ints(match.group(3), str(month), match.group(1))
    elif (match := _NAMED.match(value)) and match.group(2).lower() in SEASONS:
        season = SEASONS[match.group(2).lower()]
        parts = None if match.group(1) else (int(match.group(3)), season)
    if parts is None:
        return None
    numbers = tuple(n for n in parts if n is not None)
    return numbers if _valid(numbers) else None


def _ints(*groups: str | None) -> tuple[int | None, ...]:
    return tuple(int(group) if group else None for group in groups)


def _valid(parts: tuple[int, ...]) -> bool:
    if len(parts) == 2 and parts[1] in SEASONS.values():
        return parts[0] > 0
    year, month, day = (*parts, 1, 1)[:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return year > 0


def format_date(date: Date) -> str:
    """Write a date with date-parts as EDTF ("2017-02", "2017/2018", "2017~" when circa)."""
    ends = ["-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(part))
            for part in date.parts]  # fmt: skip
    return "/".join(ends) + ("~" if date.circa else "")
