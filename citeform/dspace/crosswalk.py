"""Apply the mapping to one item's fields and build the :class:`~citeform.model.Record`.

After the table rules (:data:`~citeform.dspace.mapping.RULES`) come the record-level
rules: the item type (``dc.type``, else the context rule), the title's final full stop
and spaced hyphen, a container title's numbering ("Jg. 71 (2017), Nr. 2") and repeated
byline, and a corporate body standing where the authors stand (the byline, or the
publisher when there are no authors). The item's DSpace identity goes to ``custom``
for writing the Zitierform back (:mod:`citeform.zitierform`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from citeform.dspace import types
from citeform.dspace.fields import Field
from citeform.dspace.mapping import RULES, Rule
from citeform.model import Date, Name, Origin, Record, Unmapped
from citeform.parsing import clean_title, parse_host_citation, parse_names, split_container_tail
from citeform.zitierform import ITEM_KEYS

BYLINE = "page.byline"
"""Key of an item page's creator line, the line under the title."""

CITATION_FIELD = "dc.identifier.citation"
"""The field that holds the Zitierform."""

SERIAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper"})


@attrs.frozen
class CrosswalkOptions:
    """Choices a repository may make differently; the defaults are citeform's own mapping."""

    corporate_author: bool = True
    """A corporate byline, or the publisher of a record without authors, becomes the author."""
    split_container_tail: bool = True
    """"Eildienst. Städtetag NRW" -> "Eildienst" when the tail repeats the publisher/byline."""
    en_dash: bool = True
    """A spaced hyphen in the title becomes a spaced en dash."""


DEFAULT_OPTIONS = CrosswalkOptions()


def crosswalk(
    fields: Sequence[Field],
    *,
    id: str | None = None,  # noqa: A002 - the CSL name
    origin: Origin | None = None,
    item: Mapping[str, str | None] | None = None,
    options: CrosswalkOptions = DEFAULT_OPTIONS,
) -> Record:
    """Map one item's *fields* (in input order) to a record; unused fields stay unmapped.

    *item* is the item's DSpace identity as far as the input shows it (``uuid``,
    ``handle``, ``collection``: the keys of :data:`citeform.zitierform.ITEM_KEYS`); it
    goes to ``custom`` with the language of the existing Zitierform, for writing back.
    """
    pool = _Pool(fields)
    found: dict[str, Any] = {}
    for rule in RULES:
        _apply(rule, pool, found)
    citation = found.pop("citation", None)
    custom = {key[7:]: found.pop(key) for key in list(found) if key.startswith("custom.")}
    variables: dict[str, Any] = found
    item_type = variables.pop("type", None)
    if item_type is None:
        item_type = types.type_from_context(variables)
        custom[TYPE_FROM_CONTEXT] = True
    _tidy_title(variables, custom, options)
    _split_host_citation(variables, custom)
    byline = next(iter(pool.free(BYLINE)), None)
    byline_text = fields[byline].value if byline is not None else ""
    serial = item_type in SERIAL_TYPES
    if _fill_author(variables, custom, byline_text, options, serial=serial) and byline is not None:
        pool.take([byline])
    custom.update(_identity(item or {}, pool.citation_language(), id, variables.get("URL")))
    unmapped = [
        Unmapped(field.key, field.value, field.language, field.position) for field in pool.untaken()
    ]
    return Record.build(
        item_type,
        variables,
        id=id,
        custom=custom,
        citation=citation,
        unmapped=unmapped,
        origin=origin,
    )


TYPE_FROM_CONTEXT = "type_from_context"
"""Set in ``custom`` when no type field gave the type and the context rule chose it."""


def _fill_author(
    variables: dict[str, Any],
    custom: dict[str, Any],
    byline: str,
    options: CrosswalkOptions,
    *,
    serial: bool,
) -> bool:
    """Split the container's repeated byline; with no authors, take the creator line or body.

    Returns whether the creator line became the authors.
    """
    bodies = {variables.get("publisher", ""), byline} - {""}
    split = _split_container(variables, custom, bodies, options)
    if "author" in variables:
        return False
    authors = _authors_from_byline(byline, options) or _publisher_as_author(
        variables, options, serial=serial, container_split=split
    )
    if authors:
        variables["author"] = authors
    return bool(authors) and authors == parse_names(byline)


class _Pool:
    """An item's fields, indexed by route, and which of them a rule has taken."""

    def __init__(self, fields: Sequence[Field]) -> None:
        self.fields = fields
        self.taken: set[int] = set()
        self.routes: dict[str, list[int]] = {}
        for index, field in enumerate(fields):
            if field.value.strip():  # a blank value is never taken, so it stays unmapped
                self.routes.setdefault(field.route, []).append(index)

    def free(self, source: str) -> list[int]:
        """Indices of the untaken fields routed to *source* (``a+b``: the first of each)."""
        if "+" in source:
            start, end = (self.free(part)[:1] for part in source.split("+"))
            return start + end if start else []
        if source.endswith(".*"):
            routes = [route for route in self.routes if _matches(route, source)]
            indices = sorted(index for route in routes for index in self.routes[route])
        else:
            indices = self.routes.get(source, [])
        return [index for index in indices if index not in self.taken]

    def take(self, indices: Sequence[int]) -> None:
        """Mark the fields at *indices* as used."""
        self.taken.update(indices)

    def citation_language(self) -> str | None:
        """The language of the Zitierform field a rule took, if it has one."""
        taken = (i for i in self.routes.get(CITATION_FIELD, []) if i in self.taken)
        return next((self.fields[i].language for i in taken), None)

    def untaken(self) -> list[Field]:
        """The fields no rule used, in input order."""
        return [field for index, field in enumerate(self.fields) if index not in self.taken]


def _identity(
    item: Mapping[str, str | None], citation_language: str | None, record_id: object, url: object
) -> dict[str, str]:
    """The item's identity as ``custom`` entries: what is known beyond the id and URL.

    A UUID that is the record id, and a handle that the URL already names, are left out:
    :class:`citeform.zitierform.DSpaceItem` reads them from there.
    """
    known = {**item, "citation_language": citation_language}
    if known.get("uuid") == record_id:
        known["uuid"] = None
    if known.get("handle") and str(url or "").endswith(f"/{known['handle']}"):
        known["handle"] = None
    return {ITEM_KEYS[name]: value for name, value in known.items() if value and name in ITEM_KEYS}


def _apply(rule: Rule, pool: _Pool, found: dict[str, Any]) -> None:
    for source in rule.sources:
        indices = pool.free(source)
        if not indices:
            continue
        if "+" in source:
            values = ["-".join(pool.fields[i].value.strip() for i in indices)]
        else:
            indices = indices if rule.many else indices[:1]
            values = [pool.fields[i].value for i in indices]
        converted = rule.convert(values) or {}
        new = {key: value for key, value in converted.items() if key not in found}
        if new:
            pool.take(indices)
            found.update(new)
            return


def _matches(route: str, source: str) -> bool:
    if source.endswith(".*"):
        base = source[:-2]
        return route == base or route.startswith(base + ".")
    return route == source


def _tidy_title(
    variables: dict[str, Any], custom: dict[str, Any], options: CrosswalkOptions
) -> None:
    recorded = variables.get("title")
    if recorded is None:
        return
    tidied = clean_title(recorded, en_dash=options.en_dash)
    if tidied != recorded:
        variables["title"] = tidied
        custom["recorded_title"] = recorded


def _split_host_citation(variables: dict[str, Any], custom: dict[str, Any]) -> None:
    """Move the numbering of a container title ("Eildienst Jg. 71 (2017), Nr. 2") to its variables.

    Fields of their own (volume, issue, pages, date) win over what the container names.
    """
    container = variables.get("container-title")
    host = parse_host_citation(container) if container else None
    if host is None:
        return
    custom.setdefault("recorded_container_title", container)
    variables["container-title"] = host.container
    parts = {"volume": host.volume, "issue": host.issue, "page": host.page}
    for variable, value in parts.items():
        if value is not None:
            variables.setdefault(variable, value)
    if host.year is not None:
        variables.setdefault("issued", Date.of(host.year))


def _split_container(
    variables: dict[str, Any], custom: dict[str, Any], bodies: set[str], options: CrosswalkOptions
) -> bool:
    container = variables.get("container-title")
    if container is None or not options.split_container_tail:
        return False
    head, tail = split_container_tail(container, bodies)
    if tail is None:
        return False
    variables["container-title"] = head
    custom.setdefault("recorded_container_title", container)
    return True


def _authors_from_byline(byline: str, options: CrosswalkOptions) -> tuple[Name, ...]:
    """The creator line as authors; a corporate one only when the option allows it."""
    authors = parse_names(byline)
    if all(name.is_literal for name in authors) and not options.corporate_author:
        return ()
    return authors


def _publisher_as_author(
    variables: dict[str, Any], options: CrosswalkOptions, *, serial: bool, container_split: bool
) -> tuple[Name, ...]:
    """A corporate publisher as author: for non-serial types, or when the container repeats it.

    Never for a work with editors (an edited volume is cited under its editors).
    """
    publisher = variables.get("publisher")
    if not (options.corporate_author and publisher) or "editor" in variables:
        return ()
    if serial and not container_split:
        return ()
    names = parse_names(publisher)
    return names if len(names) == 1 and names[0].is_literal else ()
