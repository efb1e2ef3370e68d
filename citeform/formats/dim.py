"""``dim``: DSpace Intermediate Metadata (bare, in a METS ``dmdSec``, or in OAI-PMH responses).

``dim`` keeps every qualifier, so its fields go to the mapping as they are.
"""

from __future__ import annotations

from citeform.dspace.fields import Field, field_key
from citeform.dspace.oai import XmlShape
from citeform.errors import BadRecordError
from citeform.xmlsafe import Element, local_name, namespace, text_of

NAME = "dim"
DIM_NAMESPACE = "http://www.dspace.org/xmlns/dspace/dim"


def is_dim(element: Element) -> bool:
    """A ``dim:dim`` element, or a namespace-less ``dim`` holding ``field`` elements."""
    if namespace(element) == DIM_NAMESPACE:
        return True
    return any(local_name(child) == "field" and child.get("element") for child in element)


def fields_of(element: Element) -> list[Field]:
    """The ``dim:field`` elements of one record as fields (each needs schema and element)."""
    fields: list[Field] = []
    for index, child in enumerate((c for c in element if local_name(c) == "field"), start=1):
        schema, name = child.get("mdschema"), child.get("element")
        if not schema or not name:
            raise BadRecordError(
                "a dim:field needs mdschema and element attributes",
                position=f"field {index}",
                value=text_of(child),
            )
        value = text_of(child).strip()
        if value:
            key = field_key(schema, name, child.get("qualifier"))
            fields.append(Field(key, value, child.get("lang") or None, f"field {index}"))
    return fields


SHAPE = XmlShape(NAME, "dim", DIM_NAMESPACE, "dim", is_dim, fields_of)
"""How the shared XML reader recognises, finds and reads these records."""

FORMATS = (SHAPE.format("DSpace Intermediate Metadata (bare, METS dmdSec, OAI-PMH)", priority=20),)
