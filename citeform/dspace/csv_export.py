r"""DSpace's metadata export CSV (batch metadata editing, 5.x-8.x) -> fields, row by row.

The header names the columns: ``id`` (the item UUID) first, then ``collection`` (the
owning collection's handle, mapped collections after it, ``||`` between them) and
one column per field and language, ``schema.element[.qualifier][lang]``
(``dc.title[en_US]``; ``[]``: the empty language; no brackets: none). A cell holds
the field's values separated by ``||``; a value may carry its authority and
confidence as ``value::authority::confidence``. Columns that are no metadata field
(``action``, ``rowName``, anything else) are kept as fields under their heading, so
they stay in the record's ``unmapped`` list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from citeform.dspace.fields import Field

VALUE_SEPARATOR: Final = "||"
AUTHORITY_SEPARATOR: Final = "::"
IDENTITY_COLUMNS: Final = {"id": "uuid", "collection": "collection"}
"""Columns that name the item, not its metadata -> key of the item identity."""

CITATION_FIELD: Final = "dc.identifier.citation"

_HEADING = re.compile(
    r"(?:[A-Za-z]\w*:)?"  # an authority-type prefix some exports put before the key
    r"(?P<key>[A-Za-z][\w-]*\.[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)"
    r"(?:\[(?P<language>[^\]]*)\])?"
)


@attrs.frozen
class Column:
    """One column of the export: its heading, field key and language (``None``: none)."""

    heading: str
    key: str
    language: str | None = None
    metadata: bool = True
    """Whether the heading names a metadata field (``schema.element[.qualifier]``)."""

    @classmethod
    def of(cls, heading: str) -> Column:
        """Read a column heading; a heading that names no field is kept as its own key."""
        text = heading.strip()
        found = _HEADING.fullmatch(text)
        if found is None:
            return cls(heading, text, metadata=False)
        return cls(heading, found["key"], found["language"])

    @property
    def is_citation(self) -> bool:
        """Whether the column holds the Zitierform."""
        return self.metadata and self.key.lower() == CITATION_FIELD


def is_header(cells: Sequence[str]) -> bool:
    """Whether *cells* are the header of a metadata export: ``id`` first, a ``dc.*`` column."""
    if not cells or cells[0].strip().lstrip("\ufeff") != "id":
        return False
    columns = (Column.of(cell) for cell in cells[1:])
    return any(column.metadata and column.key.lower().startswith("dc.") for column in columns)


def split_values(cell: str) -> list[str]:
    """The values of a cell: split at ``||``, authority and confidence dropped, blanks skipped."""
    values = (part.split(AUTHORITY_SEPARATOR, 1)[0] for part in cell.split(VALUE_SEPARATOR))
    return [value for value in values if value.strip()]


@attrs.frozen
class Row:
    """One item of the export: its fields, identity and the language of its Zitierform column."""

    fields: list[Field]
    identity: dict[str, str | None]
    citation_language: str | None


def read_row(columns: Sequence[Column], cells: Sequence[str]) -> Row:
    """The fields of one data row, in column order; the identity columns become the identity.

    The Zitierform's language is that of the first citation column holding a value, else
    of the first citation column (the one the repository uses), else ``None``.
    """
    fields: list[Field] = []
    identity: dict[str, str | None] = {"uuid": None, "collection": None}
    filled_citation: list[str | None] = []
    for column, cell in zip(columns, cells, strict=False):
        if not column.metadata and column.key in IDENTITY_COLUMNS:
            identity[IDENTITY_COLUMNS[column.key]] = cell.strip() or None
            continue
        values = split_values(cell) if column.metadata else [cell] if cell.strip() else []
        if column.is_citation and values:
            filled_citation.append(column.language)
        for index, value in enumerate(values):
            position = column.heading + (f" #{index + 1}" if len(values) > 1 else "")
            fields.append(Field(column.key, value, column.language or None, position))
    citation_columns = [column.language for column in columns if column.is_citation]
    language = next(iter(filled_citation or citation_columns), None)
    return Row(fields, identity, language)
