"""CSL-JSON: the Citation Style Language's own data format, read and written whole.

Reads a list of items (or a single item); unknown keys are kept as unmapped and
written back unchanged, so that CSL-JSON in gives the same CSL-JSON out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from citeform.coverage import Coverage
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError, shorten
from citeform.model import Origin, Record
from citeform.registry import Format
from citeform.sources import Source

NAME = "csl-json"
_ITEM_KEY = re.compile(r'"(type|id|title|author|issued|container-title)"\s*:')


def sniff(source: Source) -> bool:
    """A JSON array or object whose keys look like CSL variables, not DSpace metadata."""
    parsed = source.parsed
    if parsed is not None:
        items = parsed if isinstance(parsed, list) else [parsed]
        return all(isinstance(item, Mapping) and "metadata" not in item for item in items)
    head = source.head().lstrip()
    return head[:1] in "[{" and head[:1] != "" and bool(_ITEM_KEY.search(head))


def read(source: Source) -> Iterator[Record | CiteformError]:
    """Yield one record per CSL-JSON item; a bad item yields its error."""
    data = source.json()
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list):
        raise UnreadableInputError(
            "CSL-JSON must be an array of items (or one item)",
            source=source.name,
            value=data,
        )
    for index, item in enumerate(data, start=1):
        position = f"item {index}"
        if isinstance(item, Mapping) and "id" in item:
            position += f" (id {shorten(repr(item['id']), 40)})"
        try:
            yield Record.from_csl(item, Origin(NAME, source.name, position))
        except BadRecordError as error:
            yield error.located(source=source.name, position=position)


def write(records: Sequence[Record], *, indent: int | None = 2) -> str:
    """Return the records as a CSL-JSON array."""
    items: list[Any] = [record.to_csl() for record in records]
    return json.dumps(items, ensure_ascii=False, indent=indent) + "\n"


def coverage(record: Record) -> Coverage:
    """CSL-JSON carries every variable as it is."""
    return Coverage(native=tuple(record.variables))


FORMATS = (
    Format(
        name=NAME,
        description="CSL-JSON, the Citation Style Language's data format",
        read=read,
        write=write,
        sniff=sniff,
        suffixes=(".json", ".csljson"),
        aliases=("csljson", "csl"),
        coverage=coverage,
    ),
)
