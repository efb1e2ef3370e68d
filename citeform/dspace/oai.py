"""DSpace XML records (``oai_dc``, ``dim``): bare, inside METS, or in OAI-PMH responses.

:func:`read_xml_records` streams a file through :mod:`citeform.xmlsafe` and yields one
record per OAI-PMH ``record`` (deleted records are reported, not read) or per bare
metadata element. Element names are matched by local name, since fragments without
the OAI-PMH envelope and without namespaces occur. :func:`route_oai_dc` is the table
for ``oai_dc``, which loses DSpace's qualifiers: identifiers and dates are told by
their shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from citeform.dspace.crosswalk import crosswalk
from citeform.dspace.fields import Field, within_record
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError
from citeform.model import Origin, Record
from citeform.parsing import classify_identifier, parse_pages
from citeform.registry import Format
from citeform.sources import Source
from citeform.xmlsafe import Element, iter_elements, local_name, text_of

ToFields = Callable[[Element], list[Field]]
IsMetadata = Callable[[Element], bool]

IDENTIFIER_ROUTES = {
    "DOI": "dc.identifier.doi",
    "ISSN": "dc.identifier.issn",
    "ISBN": "dc.identifier.isbn",
    "URL": "dc.identifier.uri",
}
"""``oai_dc`` identifier kind (by shape) -> the qualified field it stands for."""

SERIES_NUMBER = "oai_dc.series-number"
"""Route of a bare number that follows a series title among ``oai_dc`` relations."""

_HANDLE = re.compile(r"(?:^|hdl:|/handle/)(\d[\w.]*/[^\s/?#]+)$")
_COLLECTION_SET = re.compile(r"^col_(\d[\d.]*)_(\S+)$")
"""DSpace's OAI set of a collection: ``col_<prefix>_<suffix>`` for handle prefix/suffix."""

Identity = dict[str, str | None]
"""A record id and DSpace identity (``id``, ``handle``, ``collection``) as the input shows it."""

DELETED = "deleted record skipped"
"""The message of the error a deleted OAI-PMH record gives."""

_PLAIN_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_NUMBER = re.compile(r"^\d+[a-zA-Z]?$")


def route_oai_dc(fields: Sequence[Field]) -> list[Field]:
    """Route unqualified ``oai_dc`` fields to the qualified ones their values show them to be.

    Identifiers by shape (DOI, ISSN, ISBN, URL/handle); the last plain date (not an
    ingest timestamp) as the issue date, since DSpace writes ``dc.date.*`` in qualifier
    order (accessioned, available, created, issued); descriptions as abstracts, or as
    extents ("453 p."); a relation followed by a bare number as series title and number.
    """
    routed = list(fields)
    plain_dates = [
        i for i, f in enumerate(fields) if f.key == "dc.date" and _PLAIN_DATE.match(f.value.strip())
    ]
    if plain_dates:
        routed[plain_dates[-1]] = fields[plain_dates[-1]].routed("dc.date.issued")
    for index, field in enumerate(fields):
        value = field.value.strip()
        if field.key == "dc.identifier" and (kind := classify_identifier(value)):
            routed[index] = field.routed(IDENTIFIER_ROUTES[kind[0]])
        elif field.key == "dc.description":
            extent = parse_pages(value)
            is_extent = extent is not None and extent.number_of_pages is not None
            routed[index] = field.routed(
                "dc.format.extent" if is_extent else "dc.description.abstract"
            )
        elif field.key == "dc.relation" and "://" not in value and not _NUMBER.match(value):
            following = fields[index + 1] if index + 1 < len(fields) else None
            if (
                following
                and following.key == "dc.relation"
                and _NUMBER.match(following.value.strip())
            ):
                routed[index] = field.routed("dc.relation.ispartofseries")
                routed[index + 1] = following.routed(SERIES_NUMBER)
    return routed


@attrs.frozen
class XmlShape:
    """One XML record format: its name, metadata element, namespace, and how to read it."""

    format_name: str
    metadata_name: str
    """Local name of the metadata element (``dc``, ``dim``)."""
    namespace: str
    prefix: str
    """The usual namespace prefix, also the OAI-PMH ``metadataPrefix``."""
    is_metadata: IsMetadata
    to_fields: ToFields

    def sniff(self, source: Source) -> bool:
        """XML whose head names the namespace, the prefix or the OAI-PMH metadata prefix."""
        head = source.head()
        markers = (
            self.namespace,
            f"<{self.prefix}:",
            f'metadataPrefix="{self.prefix}"',
            f"metadataPrefix='{self.prefix}'",
        )
        return head.lstrip()[:1] == "<" and any(marker in head for marker in markers)

    def read(self, source: Source) -> Iterator[Record | CiteformError]:
        """Yield one record per record of this format; deleted and broken ones yield errors."""
        return read_xml_records(source, self)

    def format(self, description: str, *, priority: int, aliases: tuple[str, ...] = ()) -> Format:
        """The registry entry of this format."""
        return Format(
            name=self.format_name,
            description=description,
            read=self.read,
            sniff=self.sniff,
            suffixes=(".xml",),
            aliases=aliases,
            priority=priority,
        )


def read_xml_records(source: Source, shape: XmlShape) -> Iterator[Record | CiteformError]:
    """Yield a record (or a record's error) per OAI-PMH record or bare metadata element."""
    count = 0
    try:
        for element, ancestors in iter_elements(source, {"record", "error", shape.metadata_name}):
            name = local_name(element)
            if name == "error" and ancestors and ancestors[-1] == "OAI-PMH":
                _refuse_oai_error(element, source)
            if name == "record" and _child(element, "header") is not None:
                count += 1
                yield _oai_record(element, f"record {count}", source, shape)
            elif (
                name == shape.metadata_name
                and "record" not in ancestors
                and shape.is_metadata(element)
            ):
                count += 1
                yield _to_record(element, _mets_identity(element), f"record {count}", source, shape)
    except UnreadableInputError as error:
        if not count or not error.message.startswith("not well-formed"):
            raise
        yield BadRecordError(
            f"{error.message}; the rest of the file was not read",
            source=source.name,
            position=error.position,
        )
    if not count:
        raise UnreadableInputError(
            f"no {shape.format_name} record found (expected <{shape.metadata_name}> records, "
            "bare, in METS or in an OAI-PMH response)",
            source=source.name,
        )


def _refuse_oai_error(element: Element, source: Source) -> None:
    raise UnreadableInputError(
        f"OAI-PMH error {element.get('code', '')}: {text_of(element).strip()}",
        source=source.name,
    )


def _child(element: Element, name: str) -> Element | None:
    return next((child for child in element if local_name(child) == name), None)


def _oai_record(
    element: Element, position: str, source: Source, shape: XmlShape
) -> Record | CiteformError:
    header = _child(element, "header")
    identity = _header_identity(header) if header is not None else {}
    identifier = identity.get("id")
    position += f" ({identifier})" if identifier else ""
    if header is not None and header.get("status") == "deleted":
        return BadRecordError(DELETED, source=source.name, position=position)
    metadata = next(
        (
            node
            for node in element.iter()
            if local_name(node) == shape.metadata_name and shape.is_metadata(node)
        ),
        None,
    )
    if metadata is None:
        return BadRecordError(
            f"record has no <{shape.metadata_name}> metadata", source=source.name, position=position
        )
    return _to_record(metadata, identity, position, source, shape)


def _header_identity(header: Element) -> Identity:
    """The OAI identifier, the handle in it and the collection set of an OAI-PMH header."""
    identifier_element = _child(header, "identifier")
    identifier = text_of(identifier_element).strip() if identifier_element is not None else None
    sets = (text_of(node).strip() for node in header if local_name(node) == "setSpec")
    collections = (
        _COLLECTION_SET.sub(r"\1/\2", spec) for spec in sets if _COLLECTION_SET.match(spec)
    )
    return {
        "id": identifier or None,
        "handle": _handle_of(identifier.rpartition(":")[2]) if identifier else None,
        "collection": next(collections, None),
    }


def _mets_identity(element: Element) -> Identity:
    """The id (OBJID or ID) and handle of the METS document around *element*, if any."""
    mets = next((node for node in element.iterancestors() if local_name(node) == "METS"), None)
    if mets is None:
        return {}
    names = [mets.get("OBJID"), mets.get("ID")]
    handles = (_handle_of(name) for name in names if name)
    return {"id": names[0] or names[1], "handle": next((h for h in handles if h), None)}


def _handle_of(text: str) -> str | None:
    """The handle in "hdl:1834/20117", "/handle/1834/20117" or a bare "10673/4"."""
    match = _HANDLE.search(text)
    return match.group(1) if match else None


def _to_record(
    metadata: Element, identity: Identity, position: str, source: Source, shape: XmlShape
) -> Record | CiteformError:
    try:
        fields = shape.to_fields(metadata)
    except CiteformError as error:
        return within_record(error, source.name, position)
    if not fields:
        return BadRecordError(
            "record has no metadata fields", source=source.name, position=position
        )
    origin = Origin(shape.format_name, source.name, position)
    try:
        return crosswalk(fields, id=identity.get("id"), origin=origin, item=identity)
    except CiteformError as error:
        return error.located(source=source.name, position=position)
