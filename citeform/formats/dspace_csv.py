r"""``dspace-csv``: DSpace's batch metadata editing CSV (``metadata-export`` / ``-import``).

**Reading** takes DSpace's metadata export (5.x-8.x, see :mod:`citeform.dspace.csv_export`):
a row per item, every column through the same crosswalk as the other DSpace readers,
columns no rule maps kept as ``unmapped``. The item's UUID, its ``collection`` cell and
the language of the Zitierform column go to ``custom`` for writing back. Rows are read
one at a time, so a large export streams.

**Writing** gives one row per record that has a Zitierform; the columns are:

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
a Zitierform they are written ``| |`` and ``: :``; a ``collection`` cell keeps its
``||`` between the handles of the collections an item is in. Values are written as
they are: a value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
would be taken for a formula by a spreadsheet, and DSpace would store any guard
written before it. ``formula_guard=True`` (``citeform fill --spreadsheet-safe``)
writes such a value with a leading apostrophe, for a file opened in a spreadsheet.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final, TextIO

import attrs

from citeform.coverage import drop_controls
from citeform.dspace.crosswalk import crosswalk
from citeform.dspace.csv_export import VALUE_SEPARATOR, Column, is_header, read_row
from citeform.dspace.fields import within_record
from citeform.errors import (
    BadRecordError,
    CiteformError,
    LimitExceededError,
    UnreadableInputError,
)
from citeform.model import Origin, Record
from citeform.registry import Format
from citeform.sources import Source
from citeform.zitierform import ITEM_KEYS, write_backs

if TYPE_CHECKING:
    from _csv import Reader

NAME = "dspace-csv"
FIELD = "dc.identifier.citation"
SEPARATORS: Final = {"||": "| |", "::": ": :"}
"""DSpace's value and authority separators, and how they are written inside a value."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_SPOOL_BYTES = 2**20


def heading(language: str | None) -> str:
    """The column heading for Zitierform values in *language* (``None``: none; ``""``: ``[]``)."""
    return FIELD if language is None else f"{FIELD}[{language}]"


def cell(value: str | None, *, formula_guard: bool = False) -> str:
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


def iter_write(records: Iterable[Record], *, formula_guard: bool = False) -> Iterator[str]:
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
            cells = [cell(value, formula_guard=formula_guard) for value in [key, *values]]
            if all_have_collection:
                cells.insert(1, _collection_cell(collection, formula_guard=formula_guard))
            yield _line(cells)


def write(records: Iterable[Record], *, formula_guard: bool = False) -> str:
    """Return the whole CSV (see :func:`iter_write`); ``""`` when no record has a Zitierform."""
    return "".join(iter_write(records, formula_guard=formula_guard))


def _collection_cell(handles: str, *, formula_guard: bool) -> str:
    """The ``collection`` cell: the handles as read, ``||`` between them kept."""
    parts = handles.split(VALUE_SEPARATOR)
    return VALUE_SEPARATOR.join(cell(part, formula_guard=formula_guard) for part in parts)


def _line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def sniff(source: Source) -> bool:
    """A CSV whose header starts with ``id`` and has a ``dc.*`` column."""
    first_line = source.head().lstrip("\ufeff").partition("\n")[0]
    try:
        header = next(csv.reader([first_line]), [])
    except csv.Error:
        return False
    return is_header(header)


def read(source: Source) -> Iterator[Record | CiteformError]:
    """Yield one record per row of a DSpace metadata export; a broken row yields its error."""
    with _open_text(source) as text:
        rows = csv.reader(text)
        try:
            header = next(rows, [])
            if not is_header(header):
                raise UnreadableInputError(
                    "not a DSpace metadata export: the header must start with 'id' "
                    "and name dc.* columns",
                    source=source.name,
                    position="line 1",
                )
            columns = [Column.of(heading) for heading in header]
            yield from _records(rows, columns, source.name)
        except UnicodeDecodeError:
            raise UnreadableInputError(
                "not UTF-8 text", source=source.name, position=f"line {rows.line_num + 1}"
            ) from None
        except csv.Error as error:
            if "field limit" in str(error):
                raise LimitExceededError(
                    f"a cell longer than {csv.field_size_limit()} characters",
                    source=source.name,
                    position=f"line {rows.line_num}",
                ) from None
            raise UnreadableInputError(
                f"broken CSV: {error}", source=source.name, position=f"line {rows.line_num}"
            ) from None


def _records(rows: Reader, columns: list[Column], name: str) -> Iterator[Record | CiteformError]:
    """The records of the rows after the header, each located by the line it starts on."""
    line = rows.line_num + 1
    for cells in rows:
        start, line = line, rows.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        position = f"line {start}" + (f" ({cells[0]})" if cells[0].strip() else "")
        try:
            yield _record(columns, cells, Origin(NAME, name, position))
        except CiteformError as error:
            yield within_record(error, name, position)


def _record(columns: list[Column], cells: list[str], origin: Origin) -> Record:
    if len(cells) > len(columns):
        raise BadRecordError(
            f"the row has {len(cells)} cells, the header {len(columns)} columns",
            value=cells[len(columns) :],
        )
    row = read_row(columns, cells)
    uuid = row.identity["uuid"]
    record = crosswalk(row.fields, id=uuid, origin=origin, item=row.identity)
    custom = {**record.custom, ITEM_KEYS["citation_language"]: row.citation_language}
    if row.citation_language is None:
        del custom[ITEM_KEYS["citation_language"]]
    return attrs.evolve(record, custom=custom)


@contextlib.contextmanager
def _open_text(source: Source) -> Iterator[TextIO]:
    """The source as text for the csv module: a file is read as it goes, not loaded whole."""
    if source.path is None:
        yield io.StringIO(source.text(), newline="")
        return
    try:
        file = source.path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise UnreadableInputError(error.strerror or str(error), source=source.name) from None
    with file:
        yield file


FORMATS = (
    Format(
        name=NAME,
        description="DSpace batch metadata editing CSV (metadata export in; Zitierform out)",
        read=read,
        write=write,
        sniff=sniff,
        suffixes=(".csv",),
    ),
)
