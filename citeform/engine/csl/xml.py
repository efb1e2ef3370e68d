"""Reading CSL style and locale files into plain, immutable element trees.

Every CSL file is parsed once, safely (no DTD, no entities, no network), into
:class:`Element`: a tag, its attributes and its children, without namespaces or
comments. The style model and the locale are built from these trees; rendering
never sees XML.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs
from lxml import etree

from citeform.errors import UnknownStyleError

CSL_NAMESPACE: Final = "http://purl.org/net/xbiblio/csl"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
_CHARACTER_REFERENCE: Final = re.compile(r"&#(?:([0-9]{1,6})|[xX]([0-9a-fA-F]{1,6}));")
_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, huge_tree=False
)


@attrs.frozen(eq=False)
class Element:
    """One CSL element: tag (no namespace), attributes, children and text (none if only spaces)."""

    tag: str
    attributes: Mapping[str, str]
    children: tuple[Element, ...] = ()
    text: str = ""

    def get(self, name: str, default: str | None = None) -> str | None:
        """The attribute *name*, or *default*."""
        return self.attributes.get(name, default)

    def child(self, tag: str) -> Element | None:
        """The first child called *tag*, or ``None``."""
        return next((child for child in self.children if child.tag == tag), None)

    def all(self, tag: str) -> Iterator[Element]:
        """Every child called *tag*, in order."""
        return (child for child in self.children if child.tag == tag)


def _characters(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if 0 < code <= sys.maxunicode else match.group()


def _decoded(text: str) -> str:
    """*text* with the character references it still holds read as characters.

    A file's ``&amp;#160;`` parses to ``&#160;``; citeproc-js reads that as a no-break space.
    """
    return _CHARACTER_REFERENCE.sub(_characters, text) if "&#" in text else text


def _convert(node: etree._Element) -> Element:
    attributes: dict[str, str] = {}
    for key, value in node.attrib.items():
        name = "lang" if key == _XML_LANG else etree.QName(key).localname
        attributes[name] = _decoded(str(value))
    children = tuple(_convert(child) for child in node if isinstance(child.tag, str))
    return Element(
        etree.QName(node).localname,
        MappingProxyType(attributes),
        children,
        _decoded(node.text) if node.text and not node.text.isspace() else "",
    )


def parse_file(path: Path) -> Element:
    """Parse the CSL file at *path*; a broken file is an :class:`UnknownStyleError`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnknownStyleError(error.strerror or str(error), source=str(path)) from None
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, name: str) -> Element:
    """Parse CSL *data* (named *name* in errors)."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise UnknownStyleError("a CSL file with a DTD or entities is refused", source=name)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnknownStyleError(f"not well-formed XML: {error}", source=name) from None
    if etree.QName(root).namespace != CSL_NAMESPACE:
        raise UnknownStyleError("not a CSL file (no CSL namespace)", source=name)
    return _convert(root)
