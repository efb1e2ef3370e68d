"""Sorting (CSL 1.0.2 "Sorting").

Replaced methods:

- ``Sort.sort``: keys compare by a collation key (accents and case as secondary, punctuation
  and markup ignored, digit runs as numbers); empty keys go last in either direction.
  citeproc-py compared lower-cased strings with their punctuation (a backslash sorted first).
- ``Key.sort_keys``: macro keys render one item at a time with fresh render state and with
  name labels left out, as citeproc-js renders them.
- ``Label.render``: a ``cs:names`` label renders nothing while sort keys are rendered.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cmp_to_key
from typing import Any, Final

from citeform.engine.citeproc import state

_DIGITS = re.compile(r"(\d+)")
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[^\w\s]+(?=\d)")


def collation_key(value: object) -> tuple[Any, ...]:
    """A key that orders text as a reader expects (base letters first, numbers by value)."""
    text = _BETWEEN_DIGITS.sub(" ", str(value))  # a date range: two numbers
    text = "".join(
        char for char in text if unicodedata.category(char)[0] in "LNZ"
    )  # punctuation, symbols and markers do not count
    text = " ".join(text.split())
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    parts = tuple(
        (0, number_key(part)) if part.isdigit() else (1, part)
        for part in _DIGITS.split(base)
        if part
    )
    return (parts, text.casefold(), text)


def number_key(digits: str) -> tuple[int, str]:
    """A run of digits ordered by its value, however long (no ``int``: it has a size limit)."""
    if not digits.isascii():
        digits = "".join(str(unicodedata.digit(char)) for char in digits)
    value = digits.lstrip("0")
    return (len(value), value)


def _comparable(values: list[Any]) -> list[Any]:
    """One key's values made comparable once: numbers as numbers, else collation keys."""
    present = [value for value in values if value is not None]
    if all(isinstance(value, int) for value in present):
        return values
    return [None if value is None else collation_key(value) for value in values]


def _compare(left: Any, right: Any) -> int:
    if left is None or right is None:
        return (left is None) - (right is None)
    return int(left > right) - int(left < right)


class CollatedSort:
    """``cs:sort``."""

    def sort(self, items: list[Any], context: Any) -> list[Any]:
        """Sort *items* by the style's keys, in order; empty keys last."""
        keys = []
        for key in self.findall(self.tag.replace("sort", "key")):  # type: ignore[attr-defined]
            descending = key.get("sort", "ascending").lower() == "descending"
            keys.append((_comparable(key.sort_keys(items, context)), descending))

        def compare(left: int, right: int) -> int:
            for values, descending in keys:
                a, b = values[left], values[right]
                result = _compare(a, b)
                if result:
                    both = a is not None and b is not None
                    return -result if descending and both else result
            return 0

        order = sorted(range(len(items)), key=cmp_to_key(compare))
        return [items[index] for index in order]


class IsolatedKey:
    """``cs:key``."""

    def sort_keys(self, items: list[Any], context: Any) -> list[Any]:
        """Render each item's key with fresh state (macro keys without labels)."""
        if "macro" not in self.attrib:  # type: ignore[attr-defined]
            return super().sort_keys(items, context)  # type: ignore[misc, no-any-return]
        current = state.current()
        current.sorting = True
        try:
            keys = []
            for item in items:
                keys.extend(super().sort_keys([item], context))  # type: ignore[misc]
                current.restore()
        finally:
            current.sorting = False
        return [None if key is None or not str(key) else key for key in keys]


class NoLabelInKeys:
    """``cs:label`` of a ``cs:names``."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Nothing in a sort key ("Smith, ed." sorts as "Smith"); else as usual."""
        if state.current().sorting and self.getparent().tag.endswith("}names"):  # type: ignore[attr-defined]
            return None
        return super().render(*args, **kwargs)  # type: ignore[misc]


OVERRIDES: Final = {"sort": CollatedSort, "key": IsolatedKey, "label": NoLabelInKeys}
