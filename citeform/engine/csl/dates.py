"""Dates: CSL-JSON date values, their parts, ranges, seasons and eras, as CSL prints them."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from citeform.engine.csl.locale import Locale
from citeform.engine.csl.numbers import ordinal
from citeform.engine.csl.rich import Formatting, Part, Rich
from citeform.engine.csl.textcase import apply_text_case

_RAW_ISO: Final = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_LEVEL: Final = {"year": 3, "month": 2, "day": 1}
_LAST_AD_YEAR: Final = 500
"""Years below this one get the era term ``ad``, as citeproc-js writes them."""
_FIRST_SEASON_MONTH: Final = 13
_LAST_SEASON_MONTH: Final = 24
"""Months 13-24 stand for the seasons, spring to winter, three times over."""


@attrs.frozen
class DateValue:
    """A date: its start and (for a range) end as (year, month, day); 0 where absent."""

    start: tuple[int, int, int]
    end: tuple[int, int, int] | None = None
    season: int = 0
    circa: bool = False
    literal: str = ""
    season_month: bool = False
    """The season came as a month (13-24), which a numeric month form prints as nothing."""

    @property
    def year(self) -> int:
        """The start year (0 when unknown)."""
        return self.start[0]


def _parts(values: Sequence[Any]) -> tuple[int, int, int] | None:
    numbers: list[int] = []
    for value in list(values)[:3]:
        if value in ("", None):
            break
        try:
            numbers.append(int(str(value).strip()))
        except ValueError:
            return None
    if not numbers:
        return None
    while len(numbers) < 3:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2])


def parse_date(value: Any) -> DateValue | None:
    """The CSL-JSON date *value* (``date-parts``, ``raw``, ``literal``, ``season``, ``circa``).

    A value of plain fields is read once and the (immutable) result shared after: an
    item's dates are asked for by every render of it and every condition on them.
    """
    if not isinstance(value, Mapping):
        return None
    try:
        return _parse_cached(_date_key(value))
    except TypeError:  # a field that is no plain value
        return _parse(value)


DateKey = tuple[tuple[str, Any, bool], ...]
"""A date value's fields, each with whether it is ``date-parts`` made a tuple of tuples."""


def _date_key(value: Mapping[str, Any]) -> DateKey:
    return tuple(
        (key, tuple(map(tuple, field)), True) if _nested_lists(key, field) else (key, field, False)
        for key, field in value.items()
    )


def _nested_lists(key: str, field: Any) -> bool:
    """Whether *field* is ``date-parts`` as CSL-JSON writes it: a list of lists."""
    return key == "date-parts" and isinstance(field, list) and all(type(p) is list for p in field)


@functools.lru_cache(maxsize=4096)
def _parse_cached(key: DateKey) -> DateValue | None:
    return _parse({name: [list(p) for p in field] if made else field for name, field, made in key})


def _parse(value: Mapping[str, Any]) -> DateValue | None:
    circa = bool(value.get("circa"))
    season = _season_number(value.get("season"))
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        start = _parts(parts[0])
        if start is not None:
            end = _parts(parts[1]) if len(parts) > 1 and isinstance(parts[1], list) else None
            if end == start:
                end = None
            if _FIRST_SEASON_MONTH <= start[1] <= _LAST_SEASON_MONTH:
                season, start = (start[1] - 1) % 4 + 1, (start[0], 0, 0)
                return DateValue(start, end, season, circa, season_month=True)
            return DateValue(start, end, season, circa)
    raw = value.get("raw")
    if isinstance(raw, str):
        first, _slash, second = raw.partition("/")
        start, end = _iso(first), _iso(second) if second else None
        if start is not None and (end is not None or not second):
            return DateValue(start, None if end == start else end, season, circa)
        return DateValue((0, 0, 0), literal=raw)
    literal = value.get("literal")
    if isinstance(literal, str) and literal:
        return DateValue((0, 0, 0), literal=literal)
    return None


def _iso(text: str) -> tuple[int, int, int] | None:
    match = _RAW_ISO.match(text)
    if match is None:
        return None
    year, month, day = (int(group) if group else 0 for group in match.groups())
    return (year, month, day)


def _season_number(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 1 <= number <= 4 else 0


@attrs.frozen
class DatePart:
    """One ``cs:date-part``: which part, its form, affixes, formatting, range delimiter."""

    name: str
    form: str = ""
    prefix: str = ""
    suffix: str = ""
    formatting: Formatting = ()
    text_case: str = ""
    strip_periods: bool = False
    range_delimiter: str = "\u2013"


def _year(year: int, form: str, locale: Locale) -> str:
    if year < 0:
        return f"{-year}{locale.term('bc') or 'BC'}"
    text = str(year)[-2:] if form == "short" else str(year)
    if 0 < year < _LAST_AD_YEAR:
        text += locale.term("ad") or "AD"
    return text


def _month(month: int, form: str, locale: Locale, strip_periods: bool) -> str:
    if form == "numeric":
        return str(month)
    if form == "numeric-leading-zeros":
        return f"{month:02d}"
    text = locale.term(f"month-{month:02d}", "short" if form == "short" else "long") or str(month)
    return text.replace(".", "") if strip_periods else text


def _day(day: int, month: int, form: str, locale: Locale) -> str:
    if form == "numeric-leading-zeros":
        return f"{day:02d}"
    if form == "ordinal" and (not locale.limit_day_ordinals_to_day_1 or day == 1):
        gender = locale.gender_of(f"month-{month:02d}") if month else ""
        return ordinal(day, locale, gender)
    return str(day)


def part_text(
    part: DatePart,
    date: tuple[int, int, int],
    season: int,
    locale: Locale,
    *,
    season_month: bool = False,
) -> str:
    """The text of *part* for *date* (``""`` when the date lacks it).

    A season given as a month (*season_month*) prints in no numeric month form.
    """
    year, month, day = date
    if part.name == "year":
        return _year(year, part.form, locale) if year else ""
    if part.name == "month":
        if month and 1 <= month <= 12:
            return _month(month, part.form, locale, part.strip_periods)
        if season and not (season_month and part.form.startswith("numeric")):
            return locale.term(f"season-{season:02d}") or ""
        return ""
    if part.name == "day":
        return _day(day, month, part.form, locale) if day and month else ""
    return ""


def _rendered(
    part: DatePart, text: str, english: bool, *, prefix: bool = True, suffix: bool = True
) -> Part:
    node: Part = apply_text_case(text, part.text_case, english=english) if part.text_case else text
    node = Rich((node,), part.formatting) if part.formatting else node
    before, after = part.prefix if prefix else "", part.suffix if suffix else ""
    if not (before or after):
        return node
    return Rich(tuple(piece for piece in (before, node, after) if piece))


def render_literal(parts: Sequence[DatePart], literal: str, locale: Locale) -> Part | None:
    """A literal date in place of the year part of *parts* (none when they print no year)."""
    year = next((part for part in parts if part.name == "year"), None)
    return None if year is None else _rendered(year, literal, locale.lang.startswith("en"))


def render_parts(
    parts: Sequence[DatePart],
    value: DateValue,
    locale: Locale,
    delimiter: str = "",
    year_suffix: str = "",
) -> list[Part]:
    """The date *parts* of *value* in order, ranges collapsed on the largest differing part.

    *year_suffix* goes after the last year printed (a style that prints no ``year-suffix``
    variable gets it on its first date).
    """
    english = locale.lang.startswith("en")
    end = value.end
    differing = (
        None
        if end is None
        else next(
            (
                name
                for name, index in (("year", 0), ("month", 1), ("day", 2))
                if value.start[index] != end[index]
            ),
            None,
        )
    )

    def text(part: DatePart, date: tuple[int, int, int], season: int, *, at_end: bool) -> str:
        shown = part_text(part, date, season, locale, season_month=value.season_month)
        suffixed = at_end if differing == "year" else not at_end
        if shown and year_suffix and part.name == "year" and suffixed:
            shown += year_suffix
        return shown

    if end is None or differing is None:
        single = [(part, text(part, value.start, value.season, at_end=False)) for part in parts]
        return _joined(
            [_rendered(part, shown, english) for part, shown in single if shown], delimiter
        )
    level = _LEVEL[differing]
    ranged = [
        part
        for part in parts
        if (differing == "year" or _LEVEL.get(part.name, 0) <= level)
        and part_text(part, value.start, value.season, locale, season_month=value.season_month)
    ]
    if not ranged:
        single = [(part, text(part, value.start, value.season, at_end=False)) for part in parts]
        return _joined(
            [_rendered(part, shown, english) for part, shown in single if shown], delimiter
        )
    first_index = parts.index(ranged[0])
    last_index = parts.index(ranged[-1])
    range_delimiter = next(
        (part.range_delimiter for part in parts if part.name == differing), "\u2013"
    )
    out: list[Part] = []
    for index, part in enumerate(parts):
        if index == first_index:
            group_start = [
                _rendered(
                    p,
                    text(p, value.start, value.season, at_end=False),
                    english,
                    suffix=p is not ranged[-1],
                )
                for p in ranged
            ]
            group_end = [
                _rendered(p, shown, english, prefix=p is not ranged[0])
                for p in ranged
                if (shown := text(p, end, 0, at_end=True))
            ]
            out.append(
                Rich(
                    (
                        *_joined(group_start, delimiter),
                        range_delimiter,
                        *_joined(group_end, delimiter),
                    )
                )
            )
        elif first_index < index <= last_index:
            continue
        else:
            shown = text(part, value.start, value.season, at_end=False)
            if shown:
                out.append(_rendered(part, shown, english))
    return _joined(out, delimiter)


def _joined(parts: list[Part], delimiter: str) -> list[Part]:
    if not delimiter:
        return parts
    out: list[Part] = []
    for part in parts:
        if out:
            out.append(delimiter)
        out.append(part)
    return out
