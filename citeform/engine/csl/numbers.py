"""Numbers: what counts as numeric, ordinals, roman numerals, page ranges, plurals."""

from __future__ import annotations

import re
from typing import Final

from citeform.engine.csl.locale import Locale

_ONE_NUMBER: Final = r"[A-Za-z]?\d+[A-Za-z]?(?:/\d+)*"
"""One number: digits with a letter either side, or numbers joined by slashes (``12/2022``)."""
_NUMERIC: Final = re.compile(
    rf"^\s*{_ONE_NUMBER}(?:\s*(?:[-\u2013,&]|and|\s)\s*{_ONE_NUMBER})*\s*$"
)
_COUNTED: Final = re.compile(
    r"\d+|\b(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})\b"
)
"""What counts as one number in a value: digits or a lower-case roman numeral."""
_NUMBER_WITH_LETTERS: Final = r"(?:(?:\d*[A-Za-z]+0*)?\d+[A-Za-z]*|[ivx]+)"
_NUMERIC_WITH_LETTERS: Final = re.compile(
    rf"^\s*{_NUMBER_WITH_LETTERS}(?:\s*(?:[-\u2013,&]|and)\s*{_NUMBER_WITH_LETTERS})*\s*$"
)
_SEPARATORS: Final = re.compile(r"\s*(?:[-\u2013,&]|\band\b)\s*")
_PLURAL_PART: Final = re.compile(rf"{_NUMBER_WITH_LETTERS}(?:/\d+)*|[ivxlcdm]+", re.IGNORECASE)
"""What a separator must join for a value to name more than one: a number each side."""
_HYPHEN_RANGE: Final = re.compile(r"(?<=\d)\s*[-\u2013]+\s*(?=\d)")
_LIST_SEPARATOR: Final = re.compile(r"(\s*,\s*|\s*&\s*)")
_RANGE: Final = re.compile(
    r"^((?:\d*[A-Za-z]+0*)?)(\d+)\s*(?<!\\)[-\u2013]+\s*((?:\d*[A-Za-z]+0*)?)(\d+)$"
)
"""A range: an optional prefix (``N``, ``8n``) and a number at each end."""
_ROMAN_RANGE: Final = re.compile(r"^\s*[ivxlcdm]+\s*[-\u2013]\s*[ivxlcdm]+\s*$", re.IGNORECASE)
_HYPHEN_OR_DASH: Final = re.compile(r"\s*[-\u2013]\s*")
_ESCAPED_HYPHEN: Final = "\\-"
MAX_ROMAN: Final = 5999
"""Larger numbers print as given, not as roman numerals."""
_ROMAN: Final = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def is_numeric(value: object) -> bool:
    """Whether *value* is numeric in CSL's sense (``12``, ``2a``, ``1-3``, ``1, 3 & 5``)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return bool(_NUMERIC.match(str(value)))


def tests_numeric(value: object) -> bool:
    """Whether *value* passes ``is-numeric``.

    Besides numeric values, numbers with letters after them (``5th``, ``12bis``) or a
    prefix (``N5``) pass, as citeproc-js counts them.
    """
    if is_numeric(value):
        return True
    return isinstance(value, str) and bool(_NUMERIC_WITH_LETTERS.match(value))


def is_plural(value: object, and_term: str = "") -> bool:
    r"""Whether *value* names more than one (``1-3``, ``1, 3``, ``2 & 4``, ``2 et 4``, ``i-ix``).

    An escaped hyphen (``327\-30``) joins rather than ranges; *and_term* is the locale's
    word for "and", which joins numbers too.
    """
    text = str(value)
    if _ROMAN_RANGE.match(text):
        return True
    text = text.replace(_ESCAPED_HYPHEN, "")
    if and_term and re.search(rf"\s{re.escape(and_term)}\s", text):
        return len(_COUNTED.findall(text)) > 1
    parts = _SEPARATORS.split(text.strip())
    return len(parts) > 1 and all(_PLURAL_PART.fullmatch(part) for part in parts)


_AMPERSAND: Final = re.compile(r"\s*&\s*")


def with_and_symbol(text: str, symbol: str) -> str:
    """Numeric *text* with each ``&`` written as *symbol*, spaced unless between letters."""

    def one(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1 : match.start()], text[match.end() :][:1]
        return symbol if before.isalpha() and after.isalpha() else f" {symbol} "

    return _AMPERSAND.sub(one, text)


def roman(number: int) -> str:
    """*number* in lower-case roman numerals (as given beyond :data:`MAX_ROMAN`)."""
    if not 0 < number <= MAX_ROMAN:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def ordinal(number: int, locale: Locale, gender: str = "") -> str:
    """*number* with the locale's ordinal suffix (``1st``, ``1er``/``1re``, ``1.``)."""
    return f"{number}{ordinal_suffix(number, locale, gender)}"


def ordinal_suffix(number: int, locale: Locale, gender: str = "") -> str:
    """The locale's ordinal suffix for *number*, as citeproc-js finds it.

    The ``ordinal-NN`` terms of the locale that defines ``ordinal`` match the number
    whole, by its last two digits or its last digit (their ``match``; by default the
    last digit for ``NN`` < 10, else the last two), first in *gender*, then in the
    neuter; the term's text is taken in *gender*. Without a match, ``ordinal`` applies.
    """
    rules = locale.ordinals
    if rules:
        for tried in (gender, "neuter") if gender else ("neuter",):
            name = (
                rules.get(("whole-number", number, tried))
                or rules.get(("last-two-digits", number % 100, tried))
                or rules.get(("last-digit", number % 10, tried))
            )
            if name is not None:
                return locale.term(name, gender=gender) or ""
    fallback = locale.lookup("ordinal", "long", gender)
    return fallback.single if fallback else ""


def long_ordinal(number: int, locale: Locale, gender: str = "") -> str:
    """The locale's word for *number* (``first`` … ``tenth``), else its ordinal."""
    if 1 <= number <= 10:
        word = locale.term(f"long-ordinal-{number:02d}", gender=gender)
        if word:
            return word
    return ordinal(number, locale, gender)


def number_range(text: str, delimiter: str) -> str:
    """*text* with the hyphens or dashes of its ranges written as *delimiter*.

    A range joins two numbers (``5th-7th`` too, in a value of such numbers only), or two
    roman numerals.
    """
    if _ROMAN_RANGE.match(text) or _NUMERIC_WITH_LETTERS.match(text):
        return _HYPHEN_OR_DASH.sub(delimiter, text.strip())
    return _HYPHEN_RANGE.sub(delimiter, text)


def page_range(value: str, format_name: str | None, delimiter: str) -> str:
    r"""*value* with its ranges written per ``page-range-format``.

    Without a format only hyphens between numbers (and roman numerals) become
    *delimiter*. With one, a range whose ends carry the same prefix (``N110-N15``, or
    none) is expanded and then shortened as the format says; ends with different
    prefixes keep a plain hyphen. An escaped hyphen (``3\-B``) prints as a hyphen
    and never makes a range.
    """
    parts = _LIST_SEPARATOR.split(value)
    return "".join(
        _one_range(part, format_name, delimiter) if index % 2 == 0 else part
        for index, part in enumerate(parts)
    ).replace(_ESCAPED_HYPHEN, "-")


def _one_range(text: str, format_name: str | None, delimiter: str) -> str:
    if not format_name or _ROMAN_RANGE.match(text):
        return number_range(text, delimiter)
    match = _RANGE.match(text.strip())
    if not match:
        return text
    prefix_a, first, prefix_b, last = match.groups()
    if prefix_a != prefix_b:
        return f"{prefix_a}{first}-{prefix_b}{last}"
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    if _below(first, last) and format_name != "expanded":
        return f"{prefix_a}{first}{delimiter}{_shorten(first, last, format_name)}"
    return f"{prefix_a}{first}{delimiter}{prefix_b}{last}"


def _shorten(first: str, last: str, format_name: str) -> str:
    if format_name == "expanded" or len(first) != len(last):
        return last
    if format_name == "minimal":
        return _minimal(first, last, 1)
    if format_name == "minimal-two":
        return _minimal(first, last, 2)
    if format_name in {"chicago", "chicago-15"}:
        return _chicago(first, last)
    if format_name == "chicago-16":
        return _chicago(first, last, edition=16)
    return last


def _minimal(first: str, last: str, keep: int) -> str:
    index = 0
    while index < len(first) and first[index] == last[index]:
        index += 1
    kept = last[index:]
    if len(kept) < keep and len(last) >= keep:
        kept = last[-keep:]
    return kept or last[-1:]


def _chicago(first: str, last: str, *, edition: int = 15) -> str:
    """Chicago's shortening: 101-8, 321-25, 1536-38.

    The 15th edition writes four-digit ranges that change three digits in full (1496-1504).
    """
    if len(first) < 3 or first.endswith("00"):
        return last
    if first[-2] == "0":
        return _minimal(first, last, 1)
    shortened = _minimal(first, last, 2)
    if edition == 15 and len(first) == 4 and len(shortened) >= 3:
        return last
    return shortened


def _below(number: str, other: str) -> bool:
    """Whether the digit string *number* is less than *other* (any length, no int())."""
    number, other = number.lstrip("0") or "0", other.lstrip("0") or "0"
    return (len(number), number) < (len(other), other)
