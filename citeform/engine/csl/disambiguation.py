"""Disambiguation: one pass over a document's items, shared by its citations and bibliography.

Two items are ambiguous when their first citations (no locator, no affixes) print
the same. The style's methods are tried in CSL's order, each only on what is still
ambiguous: more names (``disambiguate-add-names``), given names
(``disambiguate-add-givenname`` with its ``givenname-disambiguation-rule``),
``disambiguate="true"`` branches, then year suffixes (``a``, ``b``, … ``z``, ``aa``)
in bibliography order. Given names of different people who print alike are also
expanded document-wide under the ``all-names`` and ``primary-name`` rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from citeform.engine.csl.names import name_key
from citeform.engine.csl.particles import split_particles


@attrs.define
class Settings:
    """How one item's citations are disambiguated."""

    add_names: int = 0
    given_levels: dict[str, int] = attrs.field(factory=dict)
    disambiguate: bool = False
    year_suffix: str = ""


Key = Callable[[str, Settings], str]
"""The printed first citation of an item under some settings."""


def cached(key: Key) -> Key:
    """*key* remembering what it printed for each item and settings."""
    seen: dict[tuple[object, ...], str] = {}

    def remembered(item_id: str, settings: Settings) -> str:
        found = (
            item_id,
            settings.add_names,
            tuple(sorted(settings.given_levels.items())),
            settings.disambiguate,
        )
        if found not in seen:
            seen[found] = key(item_id, settings)
        return seen[found]

    return remembered


def year_suffix(number: int) -> str:
    """The *number*-th year suffix, counting from 0: ``a`` … ``z``, ``aa``, ``ab`` …."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _groups(ids: Sequence[str], key: Key, settings: Mapping[str, Settings]) -> list[list[str]]:
    found: dict[str, list[str]] = {}
    for item_id in ids:
        found.setdefault(key(item_id, settings[item_id]), []).append(item_id)
    return [members for members in found.values() if len(members) > 1]


def _distinct(members: Sequence[str], key: Key, settings: Mapping[str, Settings]) -> int:
    return len({key(item_id, settings[item_id]) for item_id in members})


def _authors(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    for variable in ("author", "editor", "translator", "composer", "director", "container-author"):
        names = item.get(variable)
        if isinstance(names, list) and names:
            return [name for name in names if isinstance(name, Mapping)]
    return []


def disambiguate(  # noqa: C901, PLR0912 - CSL's methods in their order
    ids: Sequence[str],
    items: Mapping[str, Mapping[str, Any]],
    options: Mapping[str, str],
    key: Key,
) -> dict[str, Settings]:
    """Settings per item id of *ids* (in bibliography order) after CSL's disambiguation."""
    settings = {item_id: Settings() for item_id in ids}
    key = cached(key)
    add_names = options.get("disambiguate-add-names") == "true"
    add_givenname = options.get("disambiguate-add-givenname") == "true"
    rule = options.get("givenname-disambiguation-rule", "by-cite")
    if add_givenname and rule != "by-cite":
        _expand_document_wide(ids, items, settings, rule)
    for members in _groups(ids, key, settings):
        if add_names:
            most = max(len(_authors(items[item_id])) for item_id in members)
            best, best_count = 0, _distinct(members, key, settings)
            for extra in range(1, most + 1):
                for item_id in members:
                    settings[item_id].add_names = extra
                count = _distinct(members, key, settings)
                if count > best_count:
                    best, best_count = extra, count
                if count == len(members):
                    break
            for item_id in members:
                settings[item_id].add_names = best
        if add_givenname and rule == "by-cite" and _distinct(members, key, settings) < len(members):
            for level in (1, 2):
                before = _distinct(members, key, settings)
                trial = {item_id: dict(settings[item_id].given_levels) for item_id in members}
                for item_id in members:
                    for name in _authors(items[item_id]):
                        settings[item_id].given_levels[name_key(name)] = level
                if _distinct(members, key, settings) <= before:
                    for item_id in members:
                        settings[item_id].given_levels = trial[item_id]
                if _distinct(members, key, settings) == len(members):
                    break
    for members in _groups(ids, key, settings):
        for item_id in members:
            settings[item_id].disambiguate = True
        if _distinct(members, key, settings) == 1 and len(members) > 1:
            for item_id in members:
                settings[item_id].disambiguate = False
    if options.get("disambiguate-add-year-suffix") == "true":
        for members in _groups(ids, key, settings):
            for index, item_id in enumerate(members):
                settings[item_id].year_suffix = year_suffix(index)
    return settings


def _expand_document_wide(
    ids: Sequence[str],
    items: Mapping[str, Mapping[str, Any]],
    settings: Mapping[str, Settings],
    rule: str,
) -> None:
    """Expand the given names of different people whose family names print alike."""
    primary_only = rule.startswith("primary-name")
    people: dict[str, dict[str, Mapping[str, Any]]] = {}
    for item_id in ids:
        for name in _ruled_names(items[item_id], primary_only=primary_only):
            family = _printed_family(name)
            if family:
                people.setdefault(family, {})[name_key(name)] = name
    levels = _given_levels(people, initials_only=rule.endswith("with-initials"))
    for item_id in ids:
        for name in _ruled_names(items[item_id], primary_only=primary_only):
            key = name_key(name)
            if key in levels:
                settings[item_id].given_levels[key] = levels[key]


def _printed_family(name: Mapping[str, Any]) -> str:
    """The family name as a short form prints it, with its non-dropping particle."""
    parts = split_particles(name)
    return " ".join(
        part for part in (parts.get("non-dropping-particle", ""), parts.get("family", "")) if part
    )


def _ruled_names(item: Mapping[str, Any], *, primary_only: bool) -> list[Mapping[str, Any]]:
    """The names the rule looks at: the first author only, or all authors."""
    names = _authors(item)
    return names[:1] if primary_only else names


def _given_levels(
    people: Mapping[str, Mapping[str, Mapping[str, Any]]], *, initials_only: bool
) -> dict[str, int]:
    """How far to expand each person's given name (:func:`name_key` to level).

    Among people sharing a family name, initials (1) tell apart those whose initials
    differ; the rest need the full given name (2) unless *initials_only*.
    """
    levels: dict[str, int] = {}
    for same_family in people.values():
        if len(same_family) < 2:
            continue
        initials: dict[str, list[str]] = {}
        for key, name in same_family.items():
            given = str(name.get("given", ""))
            initials.setdefault("".join(word[:1] for word in given.split()), []).append(key)
        for keys in initials.values():
            if len(keys) == 1:
                level = 1
            elif initials_only:
                continue  # initials cannot tell these apart, so they are not added
            else:
                level = 2
            for key in keys:
                levels[key] = level
    return levels
