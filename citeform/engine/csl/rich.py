"""Rich text: what rendering produces before it becomes text, HTML, Markdown or RTF.

A rendered element is a :class:`Rich` node: its parts (strings or nodes), its CSL
formatting, and flags (quoted, display, case-protected). Affixes and delimiters are
plain string parts. :func:`to_text` and :func:`to_html` flatten a tree once, at the
end, joining punctuation as citeproc-js does (no doubled periods, punctuation moved
into quotes where the locale asks for it).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import attrs

Formatting = tuple[tuple[str, str], ...]
"""CSL formatting attributes of a node, e.g. ``(("font-style", "italic"),)``."""

FORMATTING_ATTRIBUTES: Final = (
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
)


class Quote(str):
    """A closing quotation mark, so punctuation after it can move inside."""

    __slots__ = ()


@attrs.frozen(slots=True)
class Rich:
    """A node of rendered text."""

    parts: tuple[Rich | str, ...]
    formatting: Formatting = ()
    display: str = ""
    nocase: bool = False

    def is_empty(self) -> bool:
        """Whether the node holds no text."""
        return not any(
            part if isinstance(part, str) else not part.is_empty() for part in self.parts
        )


Part = Rich | str


def join(parts: Iterable[Part | None], delimiter: str = "") -> list[Part]:
    """The non-empty *parts*, with *delimiter* between them."""
    result: list[Part] = []
    for part in parts:
        if part is None or part == "" or (isinstance(part, Rich) and part.is_empty()):
            continue
        if result and delimiter:
            result.append(delimiter)
        result.append(part)
    return result


def strings(node: Part) -> Iterator[str]:
    """The strings of *node*, in order."""
    if isinstance(node, str):
        yield node
        return
    for part in node.parts:
        yield from strings(part)


def plain(node: Part) -> str:
    """The text of *node*, without formatting or punctuation rules."""
    return "".join(strings(node))


_MERGE: Final[Mapping[tuple[str, str], str]] = {
    (".", "."): ".",
    ("?", "."): "?",
    ("!", "."): "!",
    ("?", ","): "?,",
    (":", ":"): ":",
    (";", ";"): ";",
    (",", ","): ",",
    ("!", "!"): "!",
    ("?", "?"): "?",
}
_MOVE_INTO_QUOTES: Final = frozenset(".,")


class _Writer:
    """Collects flattened output, joining punctuation at each boundary."""

    def __init__(self, *, punctuation_in_quote: bool) -> None:
        self.pieces: list[str] = []
        self.last = ""  # the last character written (plain text)
        self.punctuation_in_quote = punctuation_in_quote

    def add(self, text: str, plain_text: str | None = None) -> None:
        """Append *text* (already escaped); *plain_text* is what it reads as."""
        shown = text if plain_text is None else plain_text
        if not shown:
            if text:
                self.pieces.append(text)
            return
        first = shown[0]
        merged = _MERGE.get((self.last, first))
        if merged is not None and self._drop_last_punctuation():
            text = merged + text[1:]
            shown = merged + shown[1:]
        self.pieces.append(text)
        self.last = shown[-1]

    def _drop_last_punctuation(self) -> bool:
        """Remove the last punctuation mark written (behind closing tags); report success."""
        for index in range(len(self.pieces) - 1, -1, -1):
            piece = self.pieces[index]
            if not piece or piece.startswith("<"):
                continue
            if piece[-1] in ".?!,:;":
                self.pieces[index] = piece[:-1]
                return True
            return False
        return False


def _text_pieces(node: Part, writer: _Writer, escape: bool) -> None:
    if isinstance(node, str):
        if isinstance(node, Quote) and writer.punctuation_in_quote:
            writer.add(html.escape(node, quote=False) if escape else node)
            return
        writer.add(html.escape(node, quote=False) if escape else node, node)
        return
    for part in node.parts:
        _text_pieces(part, writer, escape)


def _move_punctuation_into_quotes(parts: list[Part]) -> list[Part]:
    return parts


def to_text(node: Part, *, punctuation_in_quote: bool = False) -> str:
    """*node* as plain text."""
    writer = _Writer(punctuation_in_quote=punctuation_in_quote)
    _flatten(node, writer, html_mode=False)
    return _punctuation_into_quotes("".join(writer.pieces), punctuation_in_quote)


def to_html(node: Part, *, punctuation_in_quote: bool = False) -> str:
    """*node* as HTML: data escaped, CSL formatting as citeproc-js writes it."""
    writer = _Writer(punctuation_in_quote=punctuation_in_quote)
    _flatten(node, writer, html_mode=True)
    return _punctuation_into_quotes("".join(writer.pieces), punctuation_in_quote)


_QUOTE_MARK: Final = "\x00"


def _punctuation_into_quotes(text: str, enabled: bool) -> str:
    if _QUOTE_MARK not in text:
        return text
    if not enabled:
        return text.replace(_QUOTE_MARK, "")
    out: list[str] = []
    pieces = text.split(_QUOTE_MARK)
    out.append(pieces[0])
    for piece in pieces[1:]:
        # piece starts right after a closing quote: "close" is the last char of out
        if piece[:1] in _MOVE_INTO_QUOTES and out and out[-1]:
            last = out[-1]
            quote = last[-1]
            before = last[:-1]
            mark = piece[0]
            if before.endswith(mark) or (mark == "." and before[-1:] in "?!"):
                out[-1] = before + quote
            else:
                out[-1] = before + mark + quote
            piece = piece[1:]
        out.append(piece)
    return "".join(out)


_HTML_TAGS: Final[Mapping[tuple[str, str], tuple[str, str]]] = {
    ("font-style", "italic"): ("<i>", "</i>"),
    ("font-style", "oblique"): ("<i>", "</i>"),
    ("font-style", "normal"): ('<span style="font-style:normal;">', "</span>"),
    ("font-weight", "bold"): ("<b>", "</b>"),
    ("font-weight", "normal"): ('<span style="font-weight:normal;">', "</span>"),
    ("font-weight", "light"): ('<span style="font-weight:light;">', "</span>"),
    ("font-variant", "small-caps"): ('<span style="font-variant:small-caps;">', "</span>"),
    ("font-variant", "normal"): ('<span style="font-variant:normal;">', "</span>"),
    ("text-decoration", "underline"): ('<span style="text-decoration:underline;">', "</span>"),
    ("text-decoration", "none"): ('<span style="text-decoration:none;">', "</span>"),
    ("vertical-align", "sup"): ("<sup>", "</sup>"),
    ("vertical-align", "sub"): ("<sub>", "</sub>"),
    ("vertical-align", "baseline"): ('<span style="baseline">', "</span>"),
}
_DISPLAY_CLASS: Final = {
    "block": "csl-block",
    "left-margin": "csl-left-margin",
    "right-inline": "csl-right-inline",
    "indent": "csl-indent",
}


def _flatten(node: Part, writer: _Writer, *, html_mode: bool) -> None:
    if isinstance(node, str):
        if isinstance(node, Quote):
            shown = html.escape(node, quote=False) if html_mode else node
            writer.add(shown, node)
            writer.pieces.append(_QUOTE_MARK)
            return
        writer.add(html.escape(node, quote=False) if html_mode else node, node)
        return
    closing: list[str] = []
    if html_mode:
        if node.display in _DISPLAY_CLASS:
            writer.pieces.append(f'<div class="{_DISPLAY_CLASS[node.display]}">')
            closing.append("</div>")
        for attribute in node.formatting:
            tags = _HTML_TAGS.get(attribute)
            if tags:
                writer.pieces.append(tags[0])
                closing.append(tags[1])
    for part in node.parts:
        _flatten(part, writer, html_mode=html_mode)
    writer.pieces.extend(reversed(closing))
