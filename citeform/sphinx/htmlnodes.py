"""citeproc's HTML output as docutils nodes, so that every builder writes it in its own way.

The text stays text (escaped by each writer); markup becomes the matching node. A link
marker ``<a data-cite="N">`` becomes whatever node the caller builds for cite N.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from docutils import nodes

NODE_OF_TAG: dict[str, type[nodes.Element]] = {
    "i": nodes.emphasis,
    "em": nodes.emphasis,
    "b": nodes.strong,
    "strong": nodes.strong,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
    "span": nodes.inline,
    "div": nodes.inline,
    "a": nodes.reference,
}
"""HTML element -> docutils node."""

CLASS_OF_STYLE = {
    "font-variant:small-caps": "csl-small-caps",
    "font-style:normal": "csl-normal",
    "font-weight:normal": "csl-normal-weight",
    "font-variant:normal": "csl-normal-variant",
    "text-decoration:underline": "csl-underline",
    "text-decoration:none": "csl-no-decoration",
}
"""Inline CSS citeproc writes -> a class (styled by ``citeform.css`` in HTML)."""

SEPARATED_CLASSES = frozenset({"csl-left-margin"})
"""Blocks followed by a space once flattened into one line (``[1] A. Keller ...``)."""

URL = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:)\]]")
"""A web address in an entry's text (trailing punctuation left out); it becomes a link."""

LinkMaker = Callable[[int], nodes.Element]
"""Build the (empty) link node for cite number N."""


class MalformedHTMLError(ValueError):
    """Elements that do not nest (a link marker across markup)."""


class _Builder(HTMLParser):
    def __init__(self, make_link: LinkMaker | None) -> None:
        super().__init__(convert_charrefs=True)
        self.root = nodes.inline()
        self.stack: list[tuple[str, nodes.Element]] = [("", self.root)]
        self.make_link = make_link

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        node = self._node(tag, attributes)
        self.stack[-1][1].append(node)
        self.stack.append((tag, node))

    def _node(self, tag: str, attributes: dict[str, str | None]) -> nodes.Element:
        cite = attributes.get("data-cite")
        if tag == "a" and cite is not None and self.make_link is not None:
            return self.make_link(int(cite))
        node = NODE_OF_TAG.get(tag, nodes.inline)()
        if tag == "a" and attributes.get("href"):
            node["refuri"] = attributes["href"]
        classes = (attributes.get("class") or "").split()
        style = (attributes.get("style") or "").replace(" ", "")
        classes += [name for css, name in CLASS_OF_STYLE.items() if css in style]
        node["classes"].extend(classes)
        return node

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) < 2 or self.stack[-1][0] != tag:
            raise MalformedHTMLError(f"unexpected </{tag}>")
        _, node = self.stack.pop()
        if SEPARATED_CLASSES.intersection(node["classes"]):
            self.stack[-1][1].append(nodes.Text(" "))

    def handle_data(self, data: str) -> None:
        if self.stack[-1][0] == "div" and not data.strip():
            return
        parent = self.stack[-1][1]
        if any(tag == "a" for tag, _ in self.stack):
            parent.append(nodes.Text(data))
            return
        pieces = URL.split(data)
        urls = [match[0] for match in URL.finditer(data)]
        for text, url in zip(pieces, [*urls, None], strict=True):
            if text:
                parent.append(nodes.Text(text))
            if url:
                parent.append(nodes.reference(url, url, refuri=url))


def html_to_nodes(html: str, make_link: LinkMaker | None = None) -> list[nodes.Node]:
    """The nodes of *html* (citeproc's output); raises :class:`MalformedHTMLError`."""
    builder = _Builder(make_link)
    builder.feed(html)
    builder.close()
    if len(builder.stack) != 1:
        raise MalformedHTMLError(f"unclosed <{builder.stack[-1][0]}>")
    return list(builder.root.children)
