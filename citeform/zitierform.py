"""What a Zitierform is made from, and where in DSpace it goes back to.

**What reaches the style.** A record keeps everything its reader found, but a
Zitierform (``dc.identifier.citation``) cites the work, not the copy on a shelf:
:data:`ZITIERFORM_POLICY` names the variables that are *not passed to the style*
(holdings and the abstract for every type; publisher and place for contributions to
serials, which styles such as din-1505-2 print after the journal title). The record
itself is not changed: :func:`for_style` returns the view the style sees.
:func:`citeform.fill` applies the policy by default (``policy=None`` turns it off);
``citeform fill --all-fields`` does the same on the command line.

**Where it goes.** :class:`DSpaceItem` is the DSpace identity of a record, read
from the record's ``custom`` object under the keys in :data:`ITEM_KEYS`: the item
UUID, its handle, its owning collection (a handle) and the language of its existing
``dc.identifier.citation`` values (falling back to the record id and a handle URL).
:data:`PREVIOUS_CITATION_KEY` keeps a Zitierform that ``fill(overwrite=True)``
replaced, so nothing is lost and the JSON Patch writer knows to ``replace``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import attrs

from citeform.model import Record

ZitierformPolicy = Mapping[str | None, frozenset[str]]
"""CSL variables kept from the style, by item type (``None``: for every type)."""

HOLDINGS: Final = frozenset(
    {"archive", "archive_collection", "archive_location", "archive-place", "call-number"}
)
"""Where a copy is held (e.g. "ZLB: Kws 860 ZB 6748"): never part of a Zitierform."""

SERIAL_CONTRIBUTIONS: Final = ("article-journal", "article-magazine", "article-newspaper")
"""Item types whose container is a serial: its publisher is not the work's publisher."""

ZITIERFORM_POLICY: Final[ZitierformPolicy] = {
    None: HOLDINGS | {"abstract"},
    **dict.fromkeys(SERIAL_CONTRIBUTIONS, frozenset({"publisher", "publisher-place"})),
}
"""The default policy: holdings, an abstract, and a serial's publisher and place are kept in the
record but not passed to the style."""


def withheld(record: Record, policy: ZitierformPolicy = ZITIERFORM_POLICY) -> frozenset[str]:
    """The variables of *record* that *policy* keeps from the style."""
    hidden = policy.get(None, frozenset()) | policy.get(record.type, frozenset())
    return frozenset(name for name in hidden if record.get(name) is not None)


def for_style(record: Record, policy: ZitierformPolicy | None = ZITIERFORM_POLICY) -> Record:
    """The record as the style sees it: without the variables *policy* withholds."""
    if policy is None:
        return record
    for name in withheld(record, policy):
        record = record.set(name, None)
    return record


ITEM_KEYS: Final = {
    "uuid": "dspace_uuid",
    "handle": "dspace_handle",
    "collection": "dspace_collection",
    "citation_language": "dspace_citation_language",
}
"""Attribute of :class:`DSpaceItem` -> key in ``Record.custom`` that the DSpace readers set."""

PREVIOUS_CITATION_KEY: Final = "dspace_citation_previous"
"""Key in ``Record.custom`` for the Zitierform that a fill with ``overwrite=True`` replaced."""

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_HANDLE_URL = re.compile(r"https?://(?:hdl\.handle\.net/|[^/\s]+/handle/)(\d+(?:\.\d+)*/[^/?#\s]+)")


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _language(value: object) -> str | None:
    """A language as DSpace keeps it: ``""`` (a CSV heading's ``[]``) is one, distinct from none."""
    return value.strip() if isinstance(value, str) else None


@attrs.frozen
class DSpaceItem:
    """The DSpace identity of a record: where its Zitierform is written back."""

    uuid: str | None = None
    handle: str | None = None
    collection: str | None = None
    citation_language: str | None = None
    had_citation: bool = False

    @classmethod
    def of(cls, record: Record) -> DSpaceItem:
        """Read the identity from ``record.custom`` (see :data:`ITEM_KEYS`).

        Where ``custom`` lacks them, the UUID is the record ``id`` when that is a UUID
        (the DSpace readers use the item UUID as id), and the handle is taken from a
        handle URL in the record's ``URL``. A "UUID" that is not one is ignored.
        """
        custom = record.custom
        uuid = _text(custom.get(ITEM_KEYS["uuid"])) or _text(record.id)
        handle = _text(custom.get(ITEM_KEYS["handle"]))
        if handle is None and (url := _HANDLE_URL.match(str(record.get("URL", "")))):
            handle = url.group(1)
        return cls(
            uuid=uuid if uuid and _UUID.fullmatch(uuid) else None,
            handle=handle,
            collection=_text(custom.get(ITEM_KEYS["collection"])),
            citation_language=_language(custom.get(ITEM_KEYS["citation_language"])),
            had_citation=PREVIOUS_CITATION_KEY in custom,
        )

    def key(self, position: str) -> str:
        """The item's name in write-back output: UUID, else ``hdl:`` handle, else *position*."""
        if self.uuid:
            return self.uuid
        return f"hdl:{self.handle}" if self.handle else position


@attrs.frozen
class WriteBack:
    """One Zitierform to write back: the item, how it is named, the text."""

    item: DSpaceItem
    key: str
    citation: str


def write_backs(records: Iterable[Record]) -> Iterator[WriteBack]:
    """The Zitierformen of *records* to write back, in order.

    Records without a Zitierform are left out: an empty value would delete the
    field's values in DSpace. An item without UUID is named by its handle, else by
    its origin (``source:position``), else by ``#N`` counting records from 1.
    """
    for index, record in enumerate(records, start=1):
        if record.citation is not None:
            position = str(record.origin) if record.origin else f"#{index}"
            item = DSpaceItem.of(record)
            yield WriteBack(item, item.key(position), record.citation)
