"""Indented JSON text, byte for byte as :func:`json.dumps` writes it, several times faster.

With an ``indent``, :func:`json.dumps` uses the standard library's encoder written in
Python (its C encoder writes only compact JSON), one generator per object and list.
:func:`dumps` writes the same text (``ensure_ascii=False``, the default separators)
with one plain function per value and the C function that escapes strings. A value it
does not know (a key that is not a string, an object :mod:`json` cannot write, a cycle
or a nesting too deep for it) is handed to :func:`json.dumps`, which writes or refuses
it as it always does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import repeat
from json.encoder import encode_basestring
from typing import Any


class _UnusualValueError(Exception):
    """A value :func:`_write` leaves to :func:`json.dumps`."""


def dumps(value: Any, indent: int, level: int = 0) -> str:
    """*value* as ``json.dumps(value, ensure_ascii=False, indent=indent)`` writes it.

    With *level* > 0 every line after the first is indented as if *value* were nested
    *level* deep (the first line is not indented).
    """
    out: list[str] = []
    try:
        _write(value, out, "\n" + " " * (indent * level), " " * indent)
    except (_UnusualValueError, RecursionError):
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        return text.replace("\n", "\n" + " " * (indent * level)) if level else text
    return "".join(out)


def _write(value: Any, out: list[str], newline: str, step: str) -> None:
    """Append the JSON text of *value* to *out*; *newline* starts a line at its depth."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, list | tuple):
        _write_items(zip(repeat(""), value), "[]", out, newline, step)
    elif isinstance(value, dict):
        if not all(map(isinstance, value, repeat(str))):
            raise _UnusualValueError
        keys = [encode_basestring(key) + ": " for key in value]
        _write_items(zip(keys, value.values(), strict=True), "{}", out, newline, step)
    else:
        raise _UnusualValueError


def _write_items(
    items: Iterable[tuple[str, Any]], brackets: str, out: list[str], newline: str, step: str
) -> None:
    """A list or object: each value after its prefix, one a line, or the empty brackets."""
    inner = newline + step
    separator = brackets[0] + inner
    for prefix, item in items:
        if isinstance(item, str):  # most values: written here, saving a call
            out.append(separator + prefix + encode_basestring(item))
        else:
            out.append(separator + prefix)
            _write(item, out, inner, step)
        separator = "," + inner
    out.append(brackets if separator[0] == brackets[0] else newline + brackets[1])


def _float(value: float) -> str:
    if value != value:  # noqa: PLR0124 - NaN is the one value unequal to itself
        return "NaN"
    if value in {float("inf"), float("-inf")}:
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
