r"""``dspace-csv``: the CSV that DSpace's batch metadata editing (``metadata-import``) takes.

Write-only. One row per record that has a Zitierform; the columns are:

* ``id``: the item UUID. An item without one is named ``hdl:<handle>`` or by its
  position in the input: DSpace refuses such a row, so resolve it to a UUID first
  (``GET /server/api/pid/find?id=<handle>``); ``citeform fill`` says how many.
* ``collection``: only when *every* row has its owning collection's handle from the
  input. An empty cell fails the import ("Missing collection") and another handle
  moves or maps the item, so the column is never guessed nor left partly empty.
* ``dc.identifier.citation[lang]``, one column per language of the items' existing
  Zitierform values (no brackets for none): a column replaces the values of its
  language only, so writing ``[de]`` over an ``en_US`` value would add a second one.
  A row's cells in the other language columns stay empty, which deletes that item's
  values in those languages: it has none, its language being taken from them.

Every value is quoted, ``"`` doubled, UTF-8 without byte order mark, ``\n`` line
ends. ``||`` and ``::`` separate values and authorities in DSpace's CSV, so inside
a Zitierform they are written ``| |`` and ``: :``. A value starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe, so that a
spreadsheet shows it rather than running it as a formula (issue 8); DSpace then
stores the apostrophe too, so pass ``formula_guard=False`` for a file that only
DSpace reads.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import Final

from citeform.coverage import drop_controls
from citeform.model import Record
from citeform.registry import Format
from citeform.zitierform import write_backs

NAME = "dspace-csv"
FIELD = "dc.identifier.citation"
SEPARATORS: Final = {"||": "| |", "::": ": :"}
"""DSpace's value and authority separators, and how they are written inside a value."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_SPOOL_BYTES = 2**20


def heading(language: str | None) -> str:
    """The column heading for Zitierform values in *language* (``None``: no language)."""
    return f"{FIELD}[{language}]" if language else FIELD


def cell(value: str | None, *, formula_guard: bool = True) -> str:
    """*value* made safe for a cell: separators broken up, formulas defused (``None``: ``""``)."""
    if value is None:
        return ""
    value = drop_controls(value)  # a spreadsheet drops a leading NUL and runs what follows
    for separator, written in SEPARATORS.items():
        while separator in value:
            value = value.replace(separator, written)
    if formula_guard and value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value


def iter_write(records: Iterable[Record], *, formula_guard: bool = True) -> Iterator[str]:
    """Yield the CSV a line at a time; rows wait in a spool file, not in memory.

    The header depends on all rows (languages, collections), so rows are spooled
    first; memory stays flat in the number of records.
    """
    languages: set[str | None] = set()
    all_have_collection = True
    with tempfile.SpooledTemporaryFile(_SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        for write_back in write_backs(records):
            item = write_back.item
            languages.add(item.citation_language)
            all_have_collection = all_have_collection and item.collection is not None
            row = [write_back.key, item.collection, item.citation_language, write_back.citation]
            spool.write(json.dumps(row, ensure_ascii=False) + "\n")
        if not languages:
            return
        columns = sorted(languages, key=lambda language: language or "")
        yield _line(
            ["id", *(["collection"] if all_have_collection else []), *map(heading, columns)]
        )
        spool.seek(0)
        for text in spool:
            key, collection, language, citation = json.loads(text)
            values = [citation if lang == language else "" for lang in columns]
            row = [key, *([collection] if all_have_collection else []), *values]
            yield _line([cell(value, formula_guard=formula_guard) for value in row])


def write(records: Iterable[Record], *, formula_guard: bool = True) -> str:
    """Return the whole CSV (see :func:`iter_write`); ``""`` when no record has a Zitierform."""
    return "".join(iter_write(records, formula_guard=formula_guard))


def _line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(values)
    return buffer.getvalue()


FORMATS = (
    Format(
        name=NAME,
        description="DSpace batch metadata editing CSV with the Zitierform (write only)",
        write=write,
        suffixes=(".csv",),
    ),
)
