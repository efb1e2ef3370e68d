"""Cite positions in a document (CSL 1.0.2, "Position" conditions and note distance).

Clusters are given in document order with their note numbers. For every cite this module
works out its position (``first``, ``subsequent``, ``ibid``, ``ibid-with-locator``), whether
it is ``near-note`` and the ``first-reference-note-number`` of its item:

- ``first``: the item's first cite in the document; otherwise ``subsequent``.
- ``ibid``: the preceding cite is of the same item: the previous cite in the same cluster, or,
  for a cluster's first cite, the previous cluster when it holds only that one cite: in the same
  note, or alone in the preceding note (as citeproc-js decides). ``ibid-with-locator`` when
  the cite has a locator and the preceding one has none or a different one; plain ``ibid``
  when neither has a locator or both have the same one. A cite without locator after one
  with a locator is only ``subsequent``.
  Citations in the text (note number 0) and in notes are followed separately.
- ``near-note``: the item was cited before at most ``near-note-distance`` notes back.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import attrs

FIRST = "first"
SUBSEQUENT = "subsequent"
IBID = "ibid"
IBID_WITH_LOCATOR = "ibid-with-locator"


@attrs.frozen
class CiteRef:
    """What positions depend on: the item cited and its locator (with label)."""

    key: Hashable
    locator: tuple[str | None, str] | None = None


@attrs.frozen
class Position:
    """The position of one cite."""

    position: str
    near_note: bool
    first_note: int
    """The note number of the item's first cite (``first-reference-note-number``)."""

    def matches(self, test: str) -> bool:
        """Whether a CSL ``position`` test (one keyword) holds for this cite."""
        if test == FIRST:
            return self.position == FIRST
        if test == SUBSEQUENT:
            return self.position != FIRST
        if test == IBID:
            return self.position in (IBID, IBID_WITH_LOCATOR)
        if test == IBID_WITH_LOCATOR:
            return self.position == IBID_WITH_LOCATOR
        if test == "near-note":
            return self.near_note
        return False


def note_numbers_or_default(count: int, note_numbers: Sequence[int] | None) -> list[int]:
    """The given note numbers, or each cluster in a note of its own (1, 2, …)."""
    if note_numbers is None:
        return list(range(1, count + 1))
    if len(note_numbers) != count:
        msg = f"{len(note_numbers)} note numbers for {count} citation clusters"
        raise ValueError(msg)
    return list(note_numbers)


def positions(
    clusters: Sequence[Sequence[CiteRef]],
    note_numbers: Sequence[int],
    near_note_distance: int,
) -> list[list[Position]]:
    """The position of every cite of *clusters* (in document order), cluster by cluster."""
    first_note: dict[Hashable, int] = {}
    last_note: dict[Hashable, int] = {}
    in_text, in_notes = _Previous(), _Previous()
    result = []
    for cluster, note in zip(clusters, note_numbers, strict=True):
        previous = in_text if note == 0 else in_notes
        placed = []
        for index, cite in enumerate(cluster):
            preceding = cluster[index - 1] if index else previous.solo(note)
            if cite.key not in first_note:
                placed.append(Position(FIRST, near_note=False, first_note=note))
                first_note[cite.key] = note
            else:
                near = note - last_note[cite.key] <= near_note_distance
                placed.append(
                    Position(_subsequent_kind(cite, preceding), near, first_note[cite.key])
                )
            last_note[cite.key] = note
        result.append(placed)
        previous.add(cluster, note)
    return result


@attrs.define
class _Previous:
    """The citations met so far that an ``ibid`` at a cluster's start can refer to."""

    cluster: Sequence[CiteRef] = ()
    note: int | None = None
    cites_in_note: int = 0

    def add(self, cluster: Sequence[CiteRef], note: int) -> None:
        """Remember *cluster* (empty clusters are skipped)."""
        if not cluster:
            return
        self.cites_in_note = (self.cites_in_note if note == self.note else 0) + len(cluster)
        self.cluster, self.note = cluster, note

    def solo(self, note: int) -> CiteRef | None:
        """The previous cite, when it stands alone for a cluster in note *note*."""
        if len(self.cluster) != 1 or self.note is None:
            return None
        if note == self.note or (note == self.note + 1 and self.cites_in_note == 1):
            return self.cluster[0]
        return None


def _subsequent_kind(cite: CiteRef, preceding: CiteRef | None) -> str:
    if preceding is None or preceding.key != cite.key:
        return SUBSEQUENT
    if cite.locator is None:
        return IBID if preceding.locator is None else SUBSEQUENT
    return IBID if cite.locator == preceding.locator else IBID_WITH_LOCATOR
