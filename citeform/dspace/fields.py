"""One DSpace metadata value as every reader sees it, whatever the input shape."""

from __future__ import annotations

import attrs

from citeform.errors import CiteformError
from citeform.parsing.text import nfc


@attrs.frozen
class Field:
    """A metadata value: DSpace key (``schema.element[.qualifier]``), value, language, position.

    ``route`` is the key the mapping looks up; it differs from ``key`` only where a
    shape loses qualifiers (an ``oai_dc`` identifier classified as an ISSN is routed
    to ``dc.identifier.issn``); it is in NFC and lower case. Unmapped fields are reported
    under ``key``, as given.
    """

    key: str
    value: str
    language: str | None = None
    position: str | None = None
    route: str = attrs.field()

    @route.default
    def _route_default(self) -> str:
        return nfc(self.key).lower()

    def routed(self, route: str) -> Field:
        """Return the same value routed to the mapping's key *route*."""
        return attrs.evolve(self, route=nfc(route).lower())


def field_key(schema: str, element: str, qualifier: str | None = None) -> str:
    """Join a field's parts into DSpace's key ("dc", "date", "issued" -> "dc.date.issued")."""
    return ".".join(part for part in (schema, element, qualifier) if part)


def within_record(error: CiteformError, source: str, position: str) -> CiteformError:
    """Locate *error* in the record at *position*, keeping its place inside the record.

    An error raised at "field 3" of "record 2" reads "record 2, field 3".
    """
    inner = f", {error.position}" if error.position else ""
    error.position = None
    return error.located(source=source, position=position + inner)
