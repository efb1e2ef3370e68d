"""The one way citeform parses XML: no entities, no network, no DTDs, bounded depth.

A document type declaration with an internal subset or an external DTD (the "billion
laughs", external entity and parameter entity attacks) is refused outright; a bare
``<!DOCTYPE name>`` is harmless and allowed. lxml then parses with entity resolution,
network access and DTD loading off and without its huge-tree mode. :func:`parse`
returns a whole document's root; :func:`iter_elements` streams: it yields elements as
they complete and frees them afterwards, so a large OAI-PMH ``ListRecords`` response
is never held whole as a tree.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterator

from lxml import etree

from citeform.errors import LimitExceededError, UnreadableInputError
from citeform.sources import Source

Element = etree._Element  # noqa: SLF001 - lxml's element type has no public name
"""The type of a parsed XML element."""

_LIBXML_LIMITS = ("Resource limit exceeded", "Excessive depth", "Huge input lookup")
"""Parts of libxml2's messages when a document passes its limits (huge-tree mode is off)."""

MAX_DEPTH = 256
"""Deepest element nesting accepted."""

_RISKY_DOCTYPE = re.compile(rb"<!DOCTYPE\s+[^\s>\[]+\s*(?:\[|SYSTEM\b|PUBLIC\b)", re.IGNORECASE)
_SKIPPED = ((b"<!--", b"-->"), (b"<?", b"?>"))
"""Comments and processing instructions, which may stand before a document type declaration."""


def local_name(element: Element) -> str:
    """The element's name without its namespace ("{…/dim}field" -> "field")."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def namespace(element: Element) -> str:
    """The element's namespace URI, or ``""``."""
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag[:1] == "{" else ""


def parse(source: Source) -> Element:
    """Parse a whole document safely and return its root element.

    The same guards as :func:`iter_elements`: DTDs refused, no entities, no network,
    bounded depth, libxml2's limits reported as :class:`LimitExceededError`.
    """
    root: Element | None = None
    for event, element, _depth in _events(source):
        if root is None and event == "start":
            root = element
    if root is None:  # libxml2 reports an empty document itself; this is a safety net
        raise UnreadableInputError("no XML element found", source=source.name)
    return root


def iter_elements(
    source: Source, names: Collection[str]
) -> Iterator[tuple[Element, tuple[str, ...]]]:
    """Yield each complete element whose local name is in *names*, with its ancestors' local names.

    An element is freed once the consumer asks for the next one, unless it lies inside
    another wanted element (which then holds it). Raises :class:`UnreadableInputError`
    (position: the line) for input that is not well-formed XML, and refuses DTDs;
    :class:`LimitExceededError` for nesting deeper than :data:`MAX_DEPTH` or text nodes
    beyond libxml2's limits (10 MB without its huge-tree mode).
    """
    ancestors: list[str] = []
    for event, element, _depth in _events(source):
        if event == "start":
            ancestors.append(local_name(element))
            continue
        ancestors.pop()
        if local_name(element) not in names:
            continue
        yield element, tuple(ancestors)
        if not any(name in names for name in ancestors):
            _free(element)


def _events(source: Source) -> Iterator[tuple[str, Element, int]]:
    """The guarded parse: ("start" | "end", element, depth) for every element."""
    data = source.bytes()
    if _has_dtd(data.replace(b"\x00", b"") if b"\x00" in data[:4] else data):
        raise UnreadableInputError(
            "XML with a DTD (entity declarations or an external DTD) is refused",
            source=source.name,
        )
    parser = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    try:
        for event, element in parser:
            depth += 1 if event == "start" else -1
            if depth > MAX_DEPTH:
                raise LimitExceededError(
                    f"XML nested deeper than {MAX_DEPTH} elements", source=source.name
                )
            yield event, element, depth
    except etree.XMLSyntaxError as error:
        position = f"line {error.lineno}" if error.lineno else None
        if any(sign in error.msg for sign in _LIBXML_LIMITS):
            raise LimitExceededError(
                f"XML beyond the parser's safe limits: {error.msg}",
                source=source.name,
                position=position,
            ) from None
        raise UnreadableInputError(
            f"not well-formed XML: {error.msg}", source=source.name, position=position
        ) from None


def _has_dtd(data: bytes) -> bool:
    """Whether the prolog (before the root element) declares a DTD with a subset or an id.

    UTF-16 and UTF-32 input is scanned with its NUL bytes removed.
    """
    position = 0
    while (start := data.find(b"<", position)) >= 0:
        skipped = next((end for begin, end in _SKIPPED if data.startswith(begin, start)), None)
        if skipped is None:
            return bool(_RISKY_DOCTYPE.match(data, start))
        end = data.find(skipped, start + 2)
        if end < 0:
            return False
        position = end + len(skipped)
    return False


def _free(element: Element) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def text_of(element: Element) -> str:
    """All text inside *element*, entity-free, as one string."""
    return "".join(str(part) for part in element.itertext())
