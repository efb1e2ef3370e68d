"""Page ranges ("S. 3-4", "pp. 3\u20134", "3 - 4") and extents ("245 S.", "XII, 245 S.")."""

from __future__ import annotations

import re

import attrs

from citeform.parsing.text import DASHES, nfc, squash

_PREFIX = re.compile(r"^(?:seiten|seite|pages|page|pp|p|s|bl)\b\.?\s*", re.IGNORECASE)
_PAGE_NUMBER = r"(?:[A-Za-z]{0,2}\d+[A-Za-z]?|[ivxlcdmIVXLCDM]+)"
"""One page number: digits with an optional letter prefix or suffix ("e105", "12a"), or roman."""
_RANGE = re.compile(rf"^({_PAGE_NUMBER})\s*[{DASHES}]+\s*({_PAGE_NUMBER})$")
_SINGLE = re.compile(rf"^{_PAGE_NUMBER}(?:\s*ff?\.)?$")
_LIST_START = re.compile(rf"{_PAGE_NUMBER}(?:\s*[{DASHES}]\s*{_PAGE_NUMBER})?")
"""The first item of a list of pages: a page or a range."""
_LIST_ITEM = re.compile(rf"{_LIST_START.pattern}(?:\s*ff?\.)?")
"""A later item of a list of pages: a page or a range, perhaps with "f."/"ff."."""
_EXTENT = re.compile(
    r"(?:^|[(,]\s*|^[ivxlcdm]+\s*,\s*)(\d+)\s*(?:S\.|Seiten|Bl\.|Blatt|p\.|pp\.|pages)(?=$|[\s;,.:()])",
    re.IGNORECASE,
)


@attrs.frozen
class Pages:
    """What a pages field holds: a cited range (CSL ``page``) or an extent (``number-of-pages``)."""

    page: str | None = None
    number_of_pages: str | None = None


def parse_pages(text: str) -> Pages | None:
    """Read a pages field: "S. 3-4" -> page "3-4"; "245 S." -> number-of-pages "245".

    Extents are also found in parentheses or after a comma, as in library records:
    "XII, 245 S.", "1 Online-Ressource (24 Seiten)".

    A range separator of any dash kind, spaced or not, becomes "-"; lists ("3-4, 7") and
    "f."/"ff." suffixes are kept as written. Returns ``None`` for text that is not pages.
    """
    value = nfc(squash(text))  # what the patterns keep is the same in NFC and as given
    extent = _EXTENT.search(value)
    if extent:
        return Pages(number_of_pages=extent.group(1))
    value = _PREFIX.sub("", value).strip()
    ranged = _RANGE.match(value)
    if ranged:
        return Pages(page=f"{ranged.group(1)}-{ranged.group(2)}")
    if _SINGLE.match(value) or _is_list(value):
        return Pages(page=value)
    return None


def _is_list(value: str) -> bool:
    """Whether *value* is a list of pages and ranges separated by commas ("3-4, 7 f.")."""
    first, *others = value.split(",")
    return (
        bool(others)
        and _LIST_START.fullmatch(first.rstrip()) is not None
        and all(_LIST_ITEM.fullmatch(item.strip()) for item in others)
    )


def format_pages(page: str, *, prefix: str = "S. ", dash: str = "-") -> str:
    """Write a CSL page range as a repository would ("3-4" -> "S. 3-4", or "pp. 3\u20134")."""
    return prefix + page.replace("-", dash)
