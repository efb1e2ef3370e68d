"""The order of the cites inside one citation cluster, as citeproc-js sorts them.

Cites are compared key by key; a cite without a key's value sorts after the others whichever
way the key runs; cites equal on every key keep the order the author gave them. A style that
groups cites (an in-text style with ``collapse``, or with a ``cite-group-delimiter``) sorts
grouped: first by the printed names, then by the keys; each run of cites with the same names
(or of cites without names) then takes the first key of its first cite, so the runs are
ordered by that key and stay together.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

KeyValue = tuple[int, Any]
"""``(0, value)`` for a value, ``(1, "")`` for none (as the processor's sort keys are)."""


def comparable(value: Any) -> tuple[int, Any]:
    """Sort values of mixed kinds made comparable: numbers, then dates, then text."""
    if isinstance(value, int):
        return (0, value)
    if isinstance(value, tuple):
        return (1, value)
    return (2, value)


def _compare_one(left: KeyValue, right: KeyValue, descending: bool) -> int:
    direction = -1 if descending else 1
    if left == right:
        return 0
    if left[0] == 1:  # no value: last either way
        return 1
    if right[0] == 1:
        return -1
    a, b = comparable(left[1]), comparable(right[1])
    if a == b:
        return 0
    return -direction if a < b else direction


def _compare(
    left: Sequence[KeyValue], right: Sequence[KeyValue], descending: Sequence[bool]
) -> int:
    for a, b, down in zip(left, right, descending, strict=True):
        result = _compare_one(a, b, down)
        if result:
            return result
    return 0


def _order(rows: Sequence[list[KeyValue]], descending: Sequence[bool]) -> list[int]:
    """The indexes of *rows* in sort order (stable)."""

    def compare(a: int, b: int) -> int:
        return _compare(rows[a], rows[b], descending)

    return sorted(range(len(rows)), key=functools.cmp_to_key(compare))


@attrs.frozen
class Grouping:
    """How a grouped sort reads a cite: its printed names, and its run's key at a place."""

    names: Callable[[Any], KeyValue]
    run_key: Callable[[Any, int], KeyValue]
    """The key of the run a cite opens, at its place in the first sort (citeproc-js appends
    the place to the first key's text)."""


def sort_cites(
    cites: Sequence[T],
    keys: Callable[[T], Sequence[KeyValue]],
    descending: Sequence[bool],
    grouping: Grouping | None = None,
) -> list[T]:
    """*cites* sorted by *keys* (stable); grouped by names first when *grouping* is given."""
    if not descending or not cites:
        return list(cites)
    values = [list(keys(cite)) for cite in cites]
    directions = list(descending)
    if grouping is None:
        return [cites[index] for index in _order(values, directions)]
    first_down = directions[0]
    named = [grouping.names(cite) for cite in cites]
    grouped = _order(
        [[named[index], *values[index]] for index in range(len(cites))], [first_down, *directions]
    )
    run_keys: list[list[KeyValue]] = []
    opener = grouped[0]
    for place, index in enumerate(grouped):
        if place and named[index] != named[grouped[place - 1]]:
            opener = index
        run_keys.append([grouping.run_key(cites[opener], place)])
    return [cites[grouped[place]] for place in _order(run_keys, [first_down])]
