"""``dspace-json``: items from DSpace's REST API.

Accepts a DSpace 7+ item (``metadata`` maps ``schema.element.qualifier`` to values with
``value``, ``language``, ``authority``, ``confidence``, ``place``), a list of items, a
HAL page (``_embedded.items``), a search result page
(``_embedded.searchResult._embedded.objects[]._embedded.indexableObject``) and the
DSpace 5/6 form (``metadata`` a list of ``{key, value, language}``, items possibly
wrapped as ``{"items": [...]}``). Values are ordered by ``place``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from citeform.dspace.crosswalk import crosswalk
from citeform.dspace.fields import Field, within_record
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError
from citeform.model import Origin, Record
from citeform.registry import Format
from citeform.sources import Source

NAME = "dspace-json"
_HEAD = re.compile(
    r'"metadata"\s*:\s*(?:\{\s*"[A-Za-z]\w*\.\w|\[\s*\{\s*"(?:key|value|language)"|\{\s*\})'
)


def sniff(source: Source) -> bool:
    """JSON holding DSpace items: objects with a ``metadata`` map or list of field values."""
    parsed = source.parsed
    if parsed is not None:
        return any(_is_item(entry) for entry in _entries(parsed))
    head = source.head().lstrip()
    return head[:1] in "[{" and head[:1] != "" and bool(_HEAD.search(head))


def _is_item(entry: Any) -> bool:
    return isinstance(entry, Mapping) and "metadata" in entry


def _entries(data: Any) -> Iterator[Any]:
    """Every DSpace object in a REST response, in order, and every list entry that is none.

    The entries of item lists are yielded whatever they are, so that one that is not an
    item can be reported; a lone object that holds no item yields nothing.
    """
    if isinstance(data, list):
        for entry in data:
            nested = isinstance(entry, list) or (
                isinstance(entry, Mapping) and not _is_item(entry) and _holds_items(entry)
            )
            yield from _entries(entry) if nested else (entry,)
        return
    if not isinstance(data, Mapping):
        return
    if _is_item(data):
        yield data
        return
    embedded = data.get("_embedded")
    if isinstance(embedded, Mapping):
        results = embedded.get("searchResult") or embedded.get("searchResults")
        if isinstance(results, Mapping):
            objects = results.get("_embedded", {}).get("objects", [])
            for found in objects if isinstance(objects, list) else []:
                if isinstance(found, Mapping):
                    yield found.get("_embedded", {}).get("indexableObject")
        else:
            yield from _entries(embedded.get("items"))
    elif "items" in data:
        yield from _entries(data["items"])


def _holds_items(entry: Mapping[str, Any]) -> bool:
    return "_embedded" in entry or "items" in entry


def fields_of(metadata: Any) -> list[Field]:
    """The fields of one item's ``metadata`` (object form or list form), in order.

    A value is an object with ``value`` (and ``language``, ``place``) or plain text; empty
    values are skipped; a value that is neither text nor a number is the item's error.
    """
    if isinstance(metadata, list):
        entries = [
            (entry.get("key") if isinstance(entry, Mapping) else None, entry, f"metadata[{index}]")
            for index, entry in enumerate(metadata)
        ]
    elif isinstance(metadata, Mapping):
        entries = []
        for key, values in metadata.items():
            if not isinstance(values, list):
                raise BadRecordError(f"{key}: values must be a list", value=values)
            ordered = sorted(
                enumerate(values), key=lambda pair: (_place(pair[1], pair[0]), pair[0])
            )
            entries.extend((key, entry, f"{key}[{index}]") for index, entry in ordered)
    else:
        raise BadRecordError("metadata must be an object or a list", value=metadata)
    fields = (_field(key, entry, position) for key, entry, position in entries)
    return [field for field in fields if field is not None]


def _place(entry: Any, index: int) -> int:
    place = entry.get("place") if isinstance(entry, Mapping) else None
    return place if isinstance(place, int) and not isinstance(place, bool) else index


def _field(key: Any, entry: Any, position: str) -> Field | None:
    """One value as a field; ``None`` when it is empty."""
    value = entry.get("value") if isinstance(entry, Mapping) else entry
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadRecordError("a metadata value must be text", position=position, value=value)
    if not isinstance(key, str) or not key.strip():
        raise BadRecordError("a metadata value needs a field key", position=position, value=entry)
    language = entry.get("language") if isinstance(entry, Mapping) else None
    return Field(
        key.strip(),
        str(value),
        language if isinstance(language, str) and language else None,
        position,
    )


def read(source: Source) -> Iterator[Record | CiteformError]:
    """Yield one record per DSpace item; an entry that is no usable item yields its error.

    Input that holds no DSpace item at all is refused as a whole.
    """
    entries = list(_entries(source.json()))
    if not any(_is_item(entry) for entry in entries):
        raise UnreadableInputError(
            "no DSpace item found (a DSpace item is an object with 'metadata')",
            source=source.name,
        )
    for count, item in enumerate(entries, start=1):
        if _is_item(item) and item.get("type") not in (None, "item"):
            continue  # a community or collection among search results
        identifier = (
            item.get("uuid") or item.get("id") or item.get("handle")
            if isinstance(item, Mapping)
            else None
        )
        position = f"item {count}" + (f" ({identifier})" if identifier else "")
        try:
            yield _record(item, identifier, position, source)
        except CiteformError as error:
            yield within_record(error, source.name, position)


def _record(item: Any, identifier: Any, position: str, source: Source) -> Record:
    if not _is_item(item):
        raise BadRecordError("not a DSpace item (an item is an object with 'metadata')", value=item)
    fields = fields_of(item["metadata"])
    name = item.get("name")
    if isinstance(name, str) and name.strip() and not any(f.route == "dc.title" for f in fields):
        fields.append(Field("dc.title", name.strip(), position="name"))  # the item's display name
    if not fields:
        raise BadRecordError("item has no metadata (withdrawn or hidden?)")
    origin = Origin(NAME, source.name, position)
    return crosswalk(
        fields, id=str(identifier) if identifier else None, origin=origin, item=_identity(item)
    )


def _identity(item: Mapping[str, Any]) -> dict[str, str | None]:
    """The item's UUID, handle and owning collection's handle, where the response has them.

    The collection comes from an embedded ``owningCollection`` (7+) or an expanded
    ``parentCollection`` (5/6).
    """
    embedded = item.get("_embedded")
    owner = embedded.get("owningCollection") if isinstance(embedded, Mapping) else None
    owner = owner if isinstance(owner, Mapping) else item.get("parentCollection")
    collection = owner.get("handle") if isinstance(owner, Mapping) else None
    found = {"uuid": item.get("uuid"), "handle": item.get("handle"), "collection": collection}
    return {key: value if isinstance(value, str) else None for key, value in found.items()}


FORMATS = (
    Format(
        name=NAME,
        description="DSpace REST items (7+ object form, 5/6 list form, lists, search pages)",
        read=read,
        sniff=sniff,
        suffixes=(".json",),
        aliases=("dspace-rest",),
        priority=10,
    ),
)
