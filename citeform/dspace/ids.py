"""Handles to item UUIDs, from a DSpace metadata export CSV or REST JSON.

DSpace's batch import names items by UUID; a harvest (OAI-PMH, item pages) knows
only their handles. :func:`load_ids` reads a file that has both (a metadata export,
``dc.identifier.uri`` holding the handle, or REST items with ``uuid`` and ``handle``)
and :func:`with_uuids` gives each record the UUID of its handle, and, where the
record does not say them, the item's collections and the language of its
Zitierform column as the file has them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from citeform.errors import CiteformError, UnreadableInputError
from citeform.io import iter_read
from citeform.model import Record
from citeform.zitierform import ITEM_KEYS, DSpaceItem


def load_ids(path: str | Path) -> dict[str, DSpaceItem]:
    """Handle -> identity of every item in *path* with a UUID (a DSpace CSV export or REST JSON).

    Records of the file that cannot be read are skipped; a file that gives no pair at
    all is refused.
    """
    ids: dict[str, DSpaceItem] = {}
    for record in iter_read(Path(path)):
        if isinstance(record, CiteformError):
            continue
        item = DSpaceItem.of(record)
        if item.uuid and item.handle:
            ids[item.handle] = item
    if not ids:
        raise UnreadableInputError(
            "no item with both a UUID and a handle (expected a DSpace metadata export "
            "CSV or REST JSON)",
            source=str(path),
        )
    return ids


def with_uuids(records: Iterable[Record], ids: dict[str, DSpaceItem]) -> Iterator[Record]:
    """*records*, each without a UUID given the identity of its handle in *ids*, where known."""
    for record in records:
        item = DSpaceItem.of(record)
        known = ids.get(item.handle) if item.uuid is None and item.handle else None
        if known is None:
            yield record
            continue
        found = {"uuid": known.uuid}
        if item.collection is None:
            found["collection"] = known.collection
        if item.citation_language is None:
            found["citation_language"] = known.citation_language
        custom = {ITEM_KEYS[name]: value for name, value in found.items() if value is not None}
        yield attrs.evolve(record, custom={**record.custom, **custom})
