"""CSL-JSON: the Citation Style Language's own data format, read and written item by item.

Reads a list of items (or a single item); unknown keys are kept as unmapped and
written back unchanged, so that CSL-JSON in gives the same CSL-JSON out.

Date parts are read as leniently as citeproc-js reads them: empty strings at the end
of a part are dropped (``[["2000", ""]]`` is the year 2000) and whole numbers written
as strings are numbers. The variable as given is kept among the record's unmapped
fields, which the writer puts back in its place, and ``convert --report`` names it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

import attrs

from citeform import jsonindent, vocab
from citeform.coverage import Coverage
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError, shorten
from citeform.jsonstream import iter_array, starts_array
from citeform.model import Date, Name, Origin, Record, Unmapped
from citeform.registry import Format
from citeform.sources import Source
from citeform.zitierform import DSpaceItem

NAME = "csl-json"
_WHOLE_NUMBER = re.compile(r"\s*-?\d+\s*")
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
    """Yield one record per CSL-JSON item; a bad item yields its error.

    An array is read item by item (see :mod:`citeform.jsonstream`), so memory stays
    flat however many items a file holds.
    """
    items: Iterable[Any]
    if source.parsed is None and starts_array(source.head()):
        items = iter_array(source.text_chunks(), source.name)
    else:
        data = source.json()
        items = [data] if isinstance(data, Mapping) else data
        if not isinstance(items, list):
            raise UnreadableInputError(
                "CSL-JSON must be an array of items (or one item)",
                source=source.name,
                value=data,
            )
    for index, item in enumerate(items, start=1):
        position = f"item {index}"
        if isinstance(item, Mapping) and "id" in item:
            position += f" (id {shorten(repr(item['id']), 40)})"
        try:
            read, as_given = _lenient(item) if isinstance(item, Mapping) else (item, [])
            record = Record.from_csl(read, Origin(NAME, source.name, position))
        except BadRecordError as error:
            yield error.located(source=source.name, position=position)
        else:
            changes: dict[str, Any] = {"unmapped": (*record.unmapped, *as_given)}
            yield attrs.evolve(record, **changes) if as_given else record


def _lenient(item: Mapping[str, Any]) -> tuple[Mapping[str, Any], list[Unmapped]]:
    """*item* with its date parts read as citeproc-js reads them, and each changed date as given."""
    read = dict(item)
    as_given = []
    for key, value in item.items():
        if vocab.KIND_OF.get(key) != "date" or not isinstance(value, Mapping):
            continue
        parts = value.get("date-parts")
        if not isinstance(parts, list) or not all(isinstance(part, list) for part in parts):
            continue
        lenient_parts = [part for part in map(_lenient_part, parts) if part]
        if lenient_parts == parts:
            continue
        date = {**value, "date-parts": lenient_parts}
        if not lenient_parts:
            del date["date-parts"]
        if date:
            read[key] = date
        else:
            del read[key]
        as_given.append(Unmapped(key, value, position=f"read as {date or 'no date'}"))
    return (read, as_given) if as_given else (item, [])


def _lenient_part(part: list[Any]) -> list[Any]:
    """A date part without trailing empty strings, whole numbers in strings read as numbers.

    A part holding anything else is left as it is, so that its error shows it as given.
    """
    end = len(part)
    while end and part[end - 1] == "":
        end -= 1
    numbers = [_whole_number(value) for value in part[:end]]
    return part if None in numbers else numbers


def _whole_number(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
        with contextlib.suppress(ValueError):  # more digits than int() takes
            return int(value)
    return None


def item_of(record: Record) -> dict[str, Any]:
    """The record as one CSL-JSON item, with the ``id`` the CSL-JSON schema requires.

    A record without id gets its DSpace item's UUID, else ``hdl:`` and its handle, else
    ``citeform-`` and a hash of its content (``custom`` left out, so filling the
    Zitierform does not change it).
    """
    item = record.to_csl()
    if "id" in item:
        return item
    return {"id": _identity_of(record) or _content_id(item), **item}


def _identity_of(record: Record) -> str | None:
    dspace = DSpaceItem.of(record)
    return dspace.uuid or (f"hdl:{dspace.handle}" if dspace.handle else None)


def _content_id(item: Mapping[str, Any]) -> str:
    content = {key: value for key, value in item.items() if key != "custom"}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return "citeform-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write(records: Sequence[Record], *, indent: int | None = 2, one_per_line: bool = False) -> str:
    """Return the records as a CSL-JSON array, every item with an ``id``.

    Items are indented by *indent* spaces a level (``None``: all on one line), or, with
    *one_per_line*, each written compactly on a line of its own.
    """
    return "".join(write_pieces(records, indent=indent, one_per_line=one_per_line))


def write_pieces(
    records: Iterable[Record], *, indent: int | None = 2, one_per_line: bool = False
) -> Iterator[str]:
    """Yield the records as a CSL-JSON array, one item at a time, as :func:`write` writes it."""
    text_of: Callable[[Record], str] = _compact
    if one_per_line:
        opening, separator = "[\n  ", ",\n  "
    elif indent is None:
        opening, separator = "[", ", "
    else:
        pad = " " * indent
        opening, separator = "[\n" + pad, ",\n" + pad
        text_of = _IndentedItems(indent)
    written = False
    for record in records:
        yield (separator if written else opening) + text_of(record)
        written = True
    if not written:
        yield "[]\n"
    else:
        yield "]\n" if indent is None and not one_per_line else "\n]\n"


def _compact(record: Record) -> str:
    return json.dumps(item_of(record), ensure_ascii=False)


class _IndentedItems:
    """Each record's item as ``jsonindent.dumps(item_of(record), indent, level=1)`` writes it.

    A name list or a date met again (an author of several works, a year) is written once:
    the text of those whose flags are unset is kept in a bounded cache (equal flags such
    as ``1`` and ``true`` would share a key but not a text).
    """

    def __init__(self, indent: int) -> None:
        self.indent = indent
        self.newline = "\n" + " " * (2 * indent)
        self.closing = "\n" + " " * indent + "}"
        self.names_text = functools.lru_cache(maxsize=4096)(self._value_text)
        self.date_text = functools.lru_cache(maxsize=4096)(self._value_text)

    def _value_text(self, value: Date | tuple[Name, ...]) -> str:
        csl = value.to_csl() if isinstance(value, Date) else [name.to_csl() for name in value]
        return jsonindent.dumps(csl, self.indent, level=2)

    def __call__(self, record: Record) -> str:
        item = item_of(record)
        origin = record.origin.format if record.origin else NAME
        if record.unmapped and origin == NAME:  # unmapped name parts may be in the names
            return jsonindent.dumps(item, self.indent, level=1)
        names, dates = record.names, record.dates
        pieces = []
        for key, value in item.items():
            if isinstance(value, str):
                text = encode_basestring(value)
            elif key in names and not any(map(_has_flags, names[key])):
                text = self.names_text(names[key])
            elif key in dates and dates[key].circa is None and dates[key].season is None:
                text = self.date_text(dates[key])
            else:
                text = jsonindent.dumps(value, self.indent, level=2)
            pieces.append(encode_basestring(key) + ": " + text)
        return "{" + self.newline + ("," + self.newline).join(pieces) + self.closing


def _has_flags(name: Name) -> bool:
    return not (
        name.comma_suffix is None and name.static_ordering is None and name.parse_names is None
    )


def coverage(record: Record) -> Coverage:
    """CSL-JSON carries every variable as it is."""
    return Coverage(native=tuple(record.variables))


FORMATS = (
    Format(
        name=NAME,
        description="CSL-JSON, the Citation Style Language's data format",
        read=read,
        write=write,
        write_pieces=write_pieces,
        sniff=sniff,
        suffixes=(".json", ".csljson"),
        aliases=("csljson", "csl"),
        coverage=coverage,
    ),
)
