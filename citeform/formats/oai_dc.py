"""``oai-dc``: Dublin Core records from DSpace's OAI-PMH (bare, in METS, GetRecord, ListRecords)."""

from __future__ import annotations

from citeform.dspace.fields import Field
from citeform.dspace.oai import XmlShape, route_oai_dc
from citeform.xmlsafe import Element, local_name, namespace, text_of

NAME = "oai-dc"
OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def is_oai_dc(element: Element) -> bool:
    """An ``oai_dc:dc`` element, or a namespace-less ``dc`` holding Dublin Core elements."""
    if namespace(element) == OAI_DC_NAMESPACE:
        return True
    return any(namespace(child) == DC_NAMESPACE for child in element)


def fields_of(element: Element) -> list[Field]:
    """The Dublin Core elements of one record as fields ``dc.<element>``, routed by shape."""
    fields = [
        Field(
            f"dc.{local_name(child)}",
            text_of(child).strip(),
            child.get(_XML_LANG),
            f"dc:{local_name(child)} {index}",
        )
        for index, child in enumerate(
            (child for child in element if isinstance(child.tag, str)), start=1
        )
        if text_of(child).strip()
    ]
    return route_oai_dc(fields)


SHAPE = XmlShape(NAME, "dc", OAI_DC_NAMESPACE, "oai_dc", is_oai_dc, fields_of)
"""How the shared XML reader recognises, finds and reads these records."""

FORMATS = (
    SHAPE.format(
        "DSpace OAI-PMH oai_dc (bare, METS, GetRecord, ListRecords)",
        priority=10,
        aliases=("oai_dc",),
    ),
)
