"""Cite positions in document order: first, subsequent, ibid, ibid-with-locator, near-note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs

from citeform.engine.csl.context import CiteData


class CiteLike(Protocol):
    """What positions look at: the item and the locator."""

    @property
    def item_id(self) -> str:
        """The cited item."""
        ...  # pragma: no cover

    @property
    def locator(self) -> str | None:
        """The cite's locator."""
        ...  # pragma: no cover


@attrs.define
class PositionTracker:
    """Remembers a document's cites so far; gives each new cite its position."""

    near_note_distance: int = 5
    first_note: dict[str, int] = attrs.field(factory=dict)
    last_note: dict[str, int] = attrs.field(factory=dict)
    previous_cluster: list[tuple[str, str | None]] = attrs.field(factory=list)

    def cluster(self, cites: Sequence[CiteLike], note: int) -> list[CiteData]:
        """The data (position, near-note, first note) of each cite of one cluster at *note*."""
        result: list[CiteData] = []
        current: list[tuple[str, str | None]] = []
        for index, cite in enumerate(cites):
            previous = self._previous(current, index)
            position = self._position(cite, previous)
            near = (
                cite.item_id in self.last_note
                and note - self.last_note[cite.item_id] <= self.near_note_distance
            )
            result.append(
                CiteData(
                    cite.locator,
                    getattr(cite, "label", None),
                    position,
                    near,
                    self.first_note.get(cite.item_id),
                )
            )
            current.append((cite.item_id, cite.locator))
            self.first_note.setdefault(cite.item_id, note)
            self.last_note[cite.item_id] = note
        self.previous_cluster = current
        return result

    def _previous(
        self, current: list[tuple[str, str | None]], index: int
    ) -> tuple[str, str | None] | None:
        if index:
            return current[index - 1]
        items = {item_id for item_id, _locator in self.previous_cluster}
        if len(items) == 1:
            return self.previous_cluster[-1]
        return None

    def _position(self, cite: CiteLike, previous: tuple[str, str | None] | None) -> str:
        if cite.item_id not in self.first_note:
            return "first"
        if previous is None or previous[0] != cite.item_id:
            return "subsequent"
        previous_locator = previous[1]
        if not cite.locator:
            return "subsequent" if previous_locator else "ibid"
        return "ibid" if cite.locator == previous_locator else "ibid-with-locator"
