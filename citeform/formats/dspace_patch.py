"""``dspace-patch``: per item, the JSON Patch that writes its Zitierform over DSpace's REST API.

Write-only. The output is a JSON array with one object per record that has a
Zitierform::

    {"key": "<uuid>", "uuid": "<uuid>", "handle": "10673/20",
     "request": "PATCH /api/core/items/<uuid>",
     "body": [{"op": "add", "path": "/metadata/dc.identifier.citation",
               "value": [{"value": "…", "language": "de"}]}]}

Send ``body`` with ``Content-Type: application/json-patch+json`` (plus the bearer
token and CSRF header DSpace asks for) to ``{server}/api/core/items/{uuid}``.

* The field is empty: ``add`` with an **array** on ``/metadata/dc.identifier.citation``.
* The field had a value that ``fill(overwrite=True)`` replaced (it is kept under
  ``custom.dspace_citation_previous``): ``replace`` at ``…/0`` with an **object**,
  which leaves any further values alone.

``language`` is that of the item's existing Zitierform (``null`` when it has none).
An item without UUID is named by ``hdl:<handle>`` or its position in ``key``, and its
``request`` is ``null``: resolve the handle first (``GET /api/pid/find?id=<handle>``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from citeform.model import Record
from citeform.registry import Format
from citeform.zitierform import WriteBack, write_backs

NAME = "dspace-patch"
FIELD_PATH = "/metadata/dc.identifier.citation"
CONTENT_TYPE = "application/json-patch+json"


def operations(write_back: WriteBack) -> list[dict[str, Any]]:
    """The JSON Patch operations that store *write_back*'s Zitierform on its item."""
    value = {"value": write_back.citation, "language": write_back.item.citation_language}
    if write_back.item.had_citation:
        return [{"op": "replace", "path": f"{FIELD_PATH}/0", "value": value}]
    return [{"op": "add", "path": FIELD_PATH, "value": [value]}]


def request(write_back: WriteBack) -> dict[str, Any]:
    """The output object for one item: its names, the request line and the patch body."""
    uuid = write_back.item.uuid
    return {
        "key": write_back.key,
        "uuid": uuid,
        "handle": write_back.item.handle,
        "request": f"PATCH /api/core/items/{uuid}" if uuid else None,
        "body": operations(write_back),
    }


def iter_write(records: Iterable[Record]) -> Iterator[str]:
    """Yield the JSON array a piece at a time (one item per line), records streamed."""
    opened = False
    for write_back in write_backs(records):
        yield (",\n  " if opened else "[\n  ") + json.dumps(request(write_back), ensure_ascii=False)
        opened = True
    yield "\n]\n" if opened else "[]\n"


def write(records: Iterable[Record]) -> str:
    """Return the whole JSON array (see :func:`iter_write`)."""
    return "".join(iter_write(records))


FORMATS = (
    Format(
        name=NAME,
        description="DSpace REST JSON Patch bodies that write the Zitierform (write only)",
        write=write,
    ),
)
