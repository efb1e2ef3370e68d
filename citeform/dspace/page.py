"""An item page as pasted or scraped text -> fields, by the label profiles.

The first line is the title and the line under it, when it is not a label, a date
or a number, the creator line (``page.byline``). After that a line that is a known label starts a
field and the lines up to the next label are its value, kept whole (one line each
for names and keywords; paragraphs for abstracts). A label followed directly by
another label is an empty field and gives nothing. A line "Label: value" is a
field on one line. The full item page's table ("dc.title<TAB>value<TAB>de", as
copied from "Komplettanzeige") gives its fields with their real keys. UI noise
lines are skipped; lines before the first label are kept as ``page.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citeform.dspace.crosswalk import BYLINE
from citeform.dspace.fields import Field
from citeform.dspace.labels import field_of_label, is_noise
from citeform.parsing import parse_date
from citeform.parsing.text import nfc

_TABLE_KEY = re.compile(r"[a-z][\w-]*\.[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?")
"""The field key at the start of a row of the full item page."""
_LANGUAGE = re.compile(r"[\w-]*")
"""The language at the end of a row of the full item page (may be empty)."""

Row = tuple[str, str, str | None]
"""A field as one line gives it: key, value, language."""

TEXT = "page.text"
"""Key of lines that stand before the first label and are neither title nor creator line."""


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not is_noise(stripped):
            yield number, stripped


def fields_from_page(text: str) -> list[Field]:
    """The fields of one item page's text, in page order (empty labels give no field)."""
    fields: list[Field] = []
    key: str | None = None
    start = 0
    values: list[str] = []

    def close() -> None:
        if key is not None and values:
            fields.append(Field(key, "\n".join(values), position=f"line {start}"))

    for index, (number, line) in enumerate(_lines(text)):
        label = field_of_label(line)
        row = _table_row(line) or _labelled_line(line)
        if row is not None and label is None:
            close()
            key, values = None, []
            found_key, value, language = row
            fields.append(Field(found_key, value.strip(), language or None, f"line {number}"))
        elif label is not None:
            close()
            key, start, values = label, number, []
        elif key is not None:
            values.append(line)
        elif index == 0:
            fields.append(Field("dc.title", line, position=f"line {number}"))
        elif index == 1 and _is_byline(line):
            fields.append(Field(BYLINE, line, position=f"line {number}"))
        else:
            fields.append(Field(TEXT, line, position=f"line {number}"))
    close()
    return fields


def _is_byline(line: str) -> bool:
    """Whether the line under the title can be a creator line: words, not a date or number."""
    return any(char.isalpha() for char in line) and parse_date(line) is None


def _table_row(line: str) -> Row | None:
    """A row (a stripped line) of the full item page ("dc.title<TAB>value<TAB>de").

    The language is the last tab-separated part when it is a single word (or empty).
    """
    key, tab, rest = line.partition("\t")
    rest = rest.lstrip("\t")
    if not (tab and rest and _TABLE_KEY.fullmatch(nfc(key))):
        return None
    value, tab, language = rest.rpartition("\t")
    if tab and _LANGUAGE.fullmatch(nfc(language)):
        return key, value.rstrip("\t"), language
    return key, rest, None


def _labelled_line(line: str) -> Row | None:
    """A "Label: value" line as (field key, value, no language), when the label is known."""
    label, separator, value = line.partition(": ")
    key = field_of_label(label) if separator and value.strip() else None
    return (key, value, None) if key else None


def count_labels(text: str) -> int:
    """How many distinct label lines (or table rows) *text* holds, to recognise an item page."""
    return len(
        {
            line
            for _, line in _lines(text)
            if field_of_label(line) is not None
            or _table_row(line) is not None
            or _labelled_line(line) is not None
        }
    )


_LABEL_LIKE = re.compile(r"[^\W\d_][^\d,;.:()\[\]/]{0,39}")
"""A line that may be a label: starts with a letter, short, no digits or punctuation of values."""

_LIST_FIELDS = ("dc.subject", "dc.description")
"""Fields whose values are lists of words or paragraphs, where short lines are no labels."""


def unknown_labels(text: str) -> list[str]:
    """Lines that look like labels the profiles do not know, in page order.

    Such a line is short (at most four words), starts with a capital letter, holds no
    digits or punctuation of values, and the line after it looks like a value, not
    like another label (so runs of menu entries do not count); lines of the title, the
    creator line and of list fields (subjects, descriptions) are not counted.
    """
    lines = [line for _, line in _lines(text)]
    listed = _list_lines(text)
    found: list[str] = []
    for index in range(2, len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        if (
            _looks_like_label(line)
            and field_of_label(line) is None
            and not _looks_like_label(following)
            and field_of_label(following) is None
            and index not in listed
            and line not in found
        ):
            found.append(line)
    return found


def _looks_like_label(line: str) -> bool:
    return line[:1].isupper() and len(line.split()) <= 4 and bool(_LABEL_LIKE.fullmatch(line))


def _list_lines(text: str) -> set[int]:
    """Indices (among the page's lines) of the values of list fields."""
    indices: set[int] = set()
    in_list = False
    for index, (_, line) in enumerate(_lines(text)):
        key = field_of_label(line)
        if key is not None:
            in_list = key.lower().startswith(_LIST_FIELDS)
        elif in_list:
            indices.add(index)
    return indices
