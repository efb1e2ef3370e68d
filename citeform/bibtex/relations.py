"""Entries that lend fields to others: ``@xdata`` (``xdata``), ``crossref`` parents and ``@set``.

An entry takes every field of the ``@xdata`` entries it names that it has not got
itself (biber's rule), then those of its ``crossref`` parent (a parent's ``title``
becomes a contribution's ``booktitle``). ``@xdata`` entries only lend: they give no
record. A ``@set`` gives no record either: each of its members is told the set it
belongs to by an ``entryset`` field naming the set (kept as unmapped, not written
back); a set none of whose members is in the file is reported.
"""

from __future__ import annotations

from collections.abc import Mapping

from citeform.bibtex import types
from citeform.bibtex.tokenizer import Entry
from citeform.errors import BadRecordError, CiteformError

MAX_CHAIN = 16
"""Longest chain of ``crossref`` or ``xdata`` references followed; cycles stop too."""

DATA_ONLY_TYPES = frozenset({"xdata"})
"""Entry types that hold fields for others and are no work themselves."""

_NOT_LENT = types.NOT_INHERITED | {"xdata"}


def resolve(entries: list[Entry]) -> list[Entry | CiteformError | None]:
    """Each entry with what it inherits; ``None`` where an entry gives no record."""
    by_key: dict[str, Entry] = {}
    for entry in entries:
        by_key.setdefault(entry.key.lower(), entry)
    sets = _set_members(entries, by_key)
    resolved: list[Entry | CiteformError | None] = []
    for entry in entries:
        if entry.type in DATA_ONLY_TYPES:
            resolved.append(None)
        elif entry.type == "set":
            resolved.append(_set_outcome(entry, by_key))
        else:
            names = dict(entry.fields)
            full = _xdata(entry, by_key, frozenset()) if "xdata" in names else entry
            full = _crossref(full, by_key, frozenset()) if "crossref" in names else full
            resolved.append(_join_set(full, sets.get(entry.key.lower())) if sets else full)
    return resolved


def _keys(value: str) -> list[str]:
    return [key.strip().lower() for key in value.split(",") if key.strip()]


def _xdata(entry: Entry, by_key: Mapping[str, Entry], seen: frozenset[str]) -> Entry:
    """*entry* with the fields of the ``@xdata`` entries it names (and theirs)."""
    own = dict(entry.fields)
    seen = seen | {entry.key.lower()}
    extra: list[tuple[str, str]] = []
    for key in _keys(own.get("xdata", "")):
        lender = by_key.get(key)
        if lender is None or key in seen or len(seen) > MAX_CHAIN:
            continue
        for name, value in _xdata(lender, by_key, seen).fields:
            if name not in own and name not in _NOT_LENT:
                own[name] = value
                extra.append((name, value))
    return entry._replace(fields=entry.fields + tuple(extra)) if extra else entry


def _crossref(entry: Entry, by_key: Mapping[str, Entry], seen: frozenset[str]) -> Entry:
    """*entry* with the fields it inherits from its ``crossref`` parent."""
    own = dict(entry.fields)
    seen = seen | {entry.key.lower()}
    parent = by_key.get(own.get("crossref", "").lower())
    if parent is None or parent.key.lower() in seen or len(seen) > MAX_CHAIN:
        return entry
    parent = _crossref(_xdata(parent, by_key, frozenset()), by_key, seen)
    extra: list[tuple[str, str]] = []
    for name, value in parent.fields:
        target = name
        if entry.type in types.CROSSREF_TITLE_TYPES:
            target = {"title": "booktitle", "subtitle": "booksubtitle"}.get(name, name)
            if name == "author" and entry.type in {"inbook", "bookinbook", "suppbook"}:
                target = "bookauthor"
        if target not in own and name not in types.NOT_INHERITED:
            own[target] = value
            extra.append((target, value))
    return entry._replace(fields=entry.fields + tuple(extra))


def _set_members(entries: list[Entry], by_key: Mapping[str, Entry]) -> dict[str, str]:
    """Member key -> the key of the first ``@set`` listing it."""
    members: dict[str, str] = {}
    for entry in entries:
        if entry.type == "set":
            for key in _keys(dict(entry.fields).get("entryset", "")):
                if key in by_key:
                    members.setdefault(key, entry.key)
    return members


def _set_outcome(entry: Entry, by_key: Mapping[str, Entry]) -> CiteformError | None:
    listed = _keys(dict(entry.fields).get("entryset", ""))
    if any(key in by_key and by_key[key].type != "set" for key in listed):
        return None
    return BadRecordError(
        "entry set lists no entry of this file",
        position=f"line {entry.line}",
        value=dict(entry.fields).get("entryset", ""),
    )


def _join_set(entry: Entry, set_key: str | None) -> Entry:
    if set_key is None or any(name == "entryset" for name, _ in entry.fields):
        return entry
    return entry._replace(fields=(*entry.fields, ("entryset", set_key)))
