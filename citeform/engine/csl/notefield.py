r"""Variables written into an item's ``note`` as ``key: value`` lines, as Zotero stores them.

A note such as ``container-title: Journal\nevent-date: 2004-10-01/2004-10-14`` gives the
item the variables it names that it does not have yet: dates as ``raw`` values, names
as ``Family || Given`` (or a literal), anything else as text; the lines read are taken
out of the note. Reading stops at the first other line after the first; ``{:key:
value}`` inside a line is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from citeform.engine.csl.compiler import DATE_VARIABLES, NAME_VARIABLES

_FIELD: Final = re.compile(r"^([-_a-z]+|[A-Z]+):\s*([^}]+?)\s*$")
_INLINE: Final = re.compile(r"\{:((?:[-_a-z]+|[A-Z]+):[^}]+)\}")
_NAME_SEPARATOR: Final = re.compile(r"\s*\|\|\s*")


def with_note_fields(item: Mapping[str, Any]) -> Mapping[str, Any]:
    """*item* with the variables its note carries (the item itself when it has none)."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    lines = _INLINE.sub(lambda match: f"\n{match.group(1).strip()}\n", note).split("\n")
    added: dict[str, Any] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _FIELD.match(line)
        if match is None:
            if index == 0:
                continue
            break
        key, value = match.groups()
        if key == "type" or item.get(key) in (None, "", []):
            _add(added, key, value)
            lines[index] = ""
    if not added:
        return item
    return {**item, **added, "note": "\n".join(lines).strip()}


def _add(added: dict[str, Any], key: str, value: str) -> None:
    """Add the variable *key* read as *value*: a date, one more name, or text."""
    base = key.removeprefix("alt-")
    if base in DATE_VARIABLES:
        added[key] = {"raw": value}
    elif base in NAME_VARIABLES:
        added.setdefault(key, []).append(_name(value))
    else:
        added[key] = value


def _name(value: str) -> dict[str, str]:
    parts = _NAME_SEPARATOR.split(value)
    if len(parts) == 2:
        return {"family": parts[0], "given": parts[1]}
    return {"literal": value}
