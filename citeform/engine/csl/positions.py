"""Cite positions in document order: first, subsequent, ibid, ibid-with-locator, near-note.

Positions follow citeproc-js. Citations in the running text (note number 0) and citations in
notes are two separate streams: each has its own first and last references. A cite is *ibid*
when it repeats the cite just before it in its cluster, or when it opens its cluster and the
previous cluster of its stream cited it: as its last cite when both clusters stand in the same
note, as its first cite when that cluster stands alone in the previous (or the same) note. An
ibid turns into ibid-with-locator when the locators differ, and into subsequent when only the
earlier cite had one. An author-only cite takes its position as any other (citeproc-js
gives a whole citation in author-only mode the first position, not a cite of it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs

from citeform.engine.csl.context import CiteData


class CiteLike(Protocol):
    """What positions look at: the item, the locator and its label."""

    @property
    def item_id(self) -> str:
        """The cited item."""
        ...  # pragma: no cover

    @property
    def locator(self) -> str | None:
        """The cite's locator."""
        ...  # pragma: no cover

    @property
    def label(self) -> str | None:
        """The locator's label."""
        ...  # pragma: no cover


@attrs.frozen
class _Cited:
    """A cluster already placed: its note and its cites' items and locators."""

    note: int
    items: tuple[str, ...]
    locators: tuple[str | None, ...]


@attrs.define
class _Stream:
    """The references so far of one stream (running text, or notes)."""

    first_note: dict[str, int] = attrs.field(factory=dict)
    last_note: dict[str, int] = attrs.field(factory=dict)
    cites_in_note: dict[int, int] = attrs.field(factory=dict)
    clusters: list[_Cited] = attrs.field(factory=list)


def _locator(cite: CiteLike) -> str | None:
    return f"{cite.locator}{cite.label or ''}" if cite.locator else None


@attrs.define
class PositionTracker:
    """Remembers a document's cites so far; gives each new cite its position."""

    near_note_distance: int = 5
    streams: dict[bool, _Stream] = attrs.field(factory=lambda: {False: _Stream(), True: _Stream()})

    def cluster(self, cites: Sequence[CiteLike], note: int) -> list[CiteData]:
        """The data (position, near-note, first note) of each cite of one cluster at *note*."""
        stream = self.streams[bool(note)]
        stream.cites_in_note[note] = stream.cites_in_note.get(note, 0) + len(cites)
        result: list[CiteData] = []
        for index, cite in enumerate(cites):
            item = cite.item_id
            if item not in stream.last_note:
                stream.first_note[item] = stream.last_note[item] = note
                position = "first"
            else:
                position = self._position(stream, cites, index, note)
            first = stream.first_note.get(item)
            near = position != "first" and (
                not note or note - stream.last_note.get(item, note) <= self.near_note_distance
            )
            if note:
                stream.last_note[item] = note
            result.append(
                CiteData(
                    cite.locator,
                    cite.label,
                    position,
                    near,
                    first if first is not None and first != note else None,
                )
            )
        stream.clusters.append(
            _Cited(
                note,
                tuple(cite.item_id for cite in cites),
                tuple(_locator(cite) for cite in cites),
            )
        )
        return result

    def _position(self, stream: _Stream, cites: Sequence[CiteLike], index: int, note: int) -> str:
        """Ibid, ibid-with-locator or subsequent, for a cite cited before in *stream*."""
        cite = cites[index]
        previous_locator: str | None = None
        if index:
            ibid = cites[index - 1].item_id == cite.item_id
            previous_locator = _locator(cites[index - 1])
        elif stream.clusters:
            before = stream.clusters[-1]
            previous_locator = before.locators[0] if before.locators else None
            if before.note != note:
                alone = stream.cites_in_note.get(before.note) == 1 or before.note == 0
                ibid = (
                    bool(before.items)
                    and before.items[0] == cite.item_id
                    and before.note >= note - 1
                    and alone
                )
            else:
                last = self._last_of_earlier(stream)
                ibid = last is not None and last == cite.item_id
        else:
            ibid = False
        if not ibid:
            return "subsequent"
        locator = _locator(cite)
        if previous_locator and not locator:
            return "subsequent"
        if previous_locator and locator != previous_locator:
            return "ibid-with-locator"
        if not previous_locator and locator:
            return "ibid-with-locator"
        return "ibid"

    @staticmethod
    def _last_of_earlier(stream: _Stream) -> str | None:
        """The last item of the previous cluster."""
        items = stream.clusters[-1].items
        return items[-1] if items else None
