"""Rich text: what rendering produces before it becomes text or HTML.

A rendered element is a :class:`Rich` node: its parts (strings or nodes), its CSL
formatting, and flags (quoted, display, case-protected). Affixes and delimiters are
plain string parts. :func:`flatten` turns a tree into text or HTML once, at the end:
quotes alternate between the locale's outer and inner marks by depth, nested
italics flip to roman (and bold, small caps likewise), punctuation joins as
citeproc-js joins it (no doubled periods), and where the locale asks, a period or
comma after a closing quote moves inside it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import attrs

from citeform.engine.citeproc.formats import ESCAPES, FLIP_FLOPS, FORMAT_MARKUP

Formatting = tuple[tuple[str, str], ...]
"""CSL formatting attributes of a node, e.g. ``(("font-style", "italic"),)``."""

FORMATTING_ATTRIBUTES: Final = (
    "font-style",
    "font-variant",
    "font-weight",
    "text-decoration",
    "vertical-align",
)


@attrs.frozen(slots=True)
class Rich:
    """A node of rendered text."""

    parts: tuple[Rich | str, ...]
    formatting: Formatting = ()
    display: str = ""
    nocase: bool = False
    quoted: bool = False
    empty: bool = attrs.field(init=False, eq=False, repr=False)
    """Whether the node holds no text (worked out once, when it is made)."""

    def __attrs_post_init__(self) -> None:
        """Work out :attr:`empty`."""
        empty = True
        for part in self.parts:
            if part if isinstance(part, str) else not part.empty:
                empty = False
                break
        object.__setattr__(self, "empty", empty)


Part = Rich | str


def blank(part: Part | None) -> bool:
    """Whether *part* prints nothing: ``None``, ``""`` or a node without text."""
    return not part or (isinstance(part, Rich) and part.empty)


class TermText(str):
    """Text that came from a locale term (capitalised where it starts an entry)."""

    __slots__ = ()


def capitalize_leading_term(node: Part) -> Part:
    """*node* with its first letter upper-cased when that letter starts a locale term."""
    found = _first_letter(node)
    if not isinstance(found, TermText):
        return node
    return _replace_first(node, found)


def _first_letter(node: Part) -> str | None:
    """The first string holding a letter (``None`` if there is none)."""
    if isinstance(node, str):
        return node if any(char.isalpha() for char in node) else None
    if node.nocase:
        return ""
    for part in node.parts:
        found = _first_letter(part)
        if found is not None:
            return found
    return None


def _replace_first(node: Part, target: str) -> Part:
    if isinstance(node, str):
        if node is target:
            index = next(i for i, char in enumerate(node) if char.isalpha())
            if node[index].islower():
                return node[:index] + node[index].upper() + node[index + 1 :]
        return node
    parts = list(node.parts)
    for index, part in enumerate(parts):
        replaced = _replace_first(part, target)
        if replaced is not part:
            parts[index] = replaced
            return attrs.evolve(node, parts=tuple(parts))
    return node


def join(parts: Iterable[Part | None], delimiter: str = "") -> list[Part]:
    """The non-empty *parts*, with *delimiter* between them."""
    result: list[Part] = []
    for part in parts:
        if part is None or blank(part):
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
    """The text of *node*, without formatting, quotes or punctuation rules."""
    return "".join(strings(node))


@attrs.frozen
class Quotes:
    """The locale's quotation marks and whether punctuation goes inside them."""

    open: str = "\u201c"
    close: str = "\u201d"
    open_inner: str = "\u2018"
    close_inner: str = "\u2019"
    punctuation_in_quote: bool = False


DEFAULT_QUOTES: Final = Quotes()
"""English quotation marks, punctuation outside them."""

_MERGE: Final[Mapping[tuple[str, str], str]] = {
    # (punctuation ending the text so far, punctuation that follows) -> what is written
    (":", ":"): ":",
    (";", ":"): ";",
    ("!", ":"): "!",
    ("?", ":"): "?",
    (":", "."): ":",
    (".", "."): ".",
    (";", "."): ";",
    ("!", "."): "!",
    ("?", "."): "?",
    (";", ";"): ";",
    (":", "!"): "!",
    (";", "!"): "!",
    ("!", "!"): "!",
    (":", "?"): "?",
    (";", "?"): "?",
    ("?", "?"): "?",
    (",", ","): ",",
}
"""How punctuation meets punctuation, as citeproc-js joins it (other pairs keep both)."""
_PUNCTUATION: Final = ".?!,:;"
_CLOSE_MARK: Final = "\x00"
_MARKUP_START: Final = "\x01"
"""Marks a piece as markup, which punctuation joining passes over."""
"""Put after a closing quotation mark while flattening, so punctuation can move inside."""


_KINDS: Final[Mapping[tuple[str, str], str]] = {
    ("font-style", "italic"): "italic",
    ("font-style", "oblique"): "italic",
    ("font-weight", "bold"): "bold",
    ("font-variant", "small-caps"): "small-caps",
    ("text-decoration", "underline"): "underline",
    ("text-decoration", "none"): "no-decoration",
    ("vertical-align", "sup"): "superscript",
    ("vertical-align", "sub"): "subscript",
    ("vertical-align", "baseline"): "baseline",
}
"""CSL formatting -> the kind of markup each output format writes for it."""
_NORMAL: Final[Mapping[str, str]] = {
    "font-style": "italic",
    "font-weight": "bold",
    "font-variant": "small-caps",
}
"""A ``normal`` value ends the formatting of that kind, by writing its flip-flop markup."""


def _superscripts() -> dict[str, str]:
    """Unicode superscript characters and the letters they raise (``ʳ`` -> ``r``)."""
    found = {}
    for code in range(0xA0, 0x2100):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super> ") and len(decomposition.split()) == 2:
            found[char] = chr(int(decomposition.split()[1], 16))
    return found


_SUPERSCRIPTS: Final = _superscripts()
"""Written as ``<sup>`` in HTML, as citeproc-js writes them."""
_DISPLAYS: Final = frozenset({"block", "left-margin", "right-inline", "indent"})


class _Flattener:
    """Writes a tree in one output format, joining punctuation at each boundary."""

    def __init__(self, quotes: Quotes, output: str) -> None:
        self.quotes = quotes
        self.escape = ESCAPES[output]
        self.markup_of = FORMAT_MARKUP[output]
        self.flips = FLIP_FLOPS.get(output, {})
        self.superscripts = output == "html"
        self.pieces: list[str] = []
        self.last = ""
        self.quote_depth = 0
        self.depth: dict[str, int] = {}

    def text(self, text: str) -> None:
        if not text:
            return
        if text[0] == " " and self.last == " ":
            text = text[1:]
            if not text:
                return
        merged = _MERGE.get((self.last, text[0]))
        if merged is not None and self._drop_last_punctuation():
            text = merged + text[1:]
        escaped = self.escape(text)
        if self.superscripts and any(char in _SUPERSCRIPTS for char in escaped):
            escaped = "".join(
                f"<sup>{_SUPERSCRIPTS[char]}</sup>" if char in _SUPERSCRIPTS else char
                for char in escaped
            )
        self.pieces.append(escaped)
        self.last = text[-1]

    def markup(self, text: str) -> None:
        if text:
            self.pieces.append(_MARKUP_START + text)

    def _drop_last_punctuation(self) -> bool:
        for index in range(len(self.pieces) - 1, -1, -1):
            piece = self.pieces[index]
            if not piece or piece[0] == _MARKUP_START or piece == _CLOSE_MARK:
                continue
            if piece[-1] in _PUNCTUATION:
                self.pieces[index] = piece[:-1]
                return True
            return False
        return False

    def _open(self, kind: str, closing: list[str]) -> None:
        nested = self.depth.get(kind, 0) % 2 == 1
        opening, close = self.flips[kind] if nested and kind in self.flips else self.markup_of[kind]
        if nested and kind not in self.flips and kind in {"italic", "bold", "small-caps"}:
            opening, close = "", ""
        self.markup(opening)
        closing.append(close)
        self.depth[kind] = self.depth.get(kind, 0) + 1

    def node(self, node: Part) -> None:
        if isinstance(node, str):
            self.text(node)
            return
        closing: list[str] = []
        if node.display in _DISPLAYS:
            opening, close = self.markup_of[node.display]
            self.markup(opening)
            closing.append(close)
        opened = self._open_formatting(node.formatting, closing)
        if node.quoted:
            self._quote(opening=True)
        for part in node.parts:
            self.node(part)
        if node.quoted:
            self._quote(opening=False)
        for kind in opened:
            self.depth[kind] -= 1
        for tag in reversed(closing):
            self.markup(tag)

    def _open_formatting(self, formatting: Formatting, closing: list[str]) -> list[str]:
        """Write the markup *formatting* opens; return the kinds opened."""
        opened: list[str] = []
        for attribute in formatting:
            kind = _KINDS.get(attribute)
            if kind is not None:
                self._open(kind, closing)
                opened.append(kind)
            elif attribute[1] == "normal" and attribute[0] in _NORMAL:
                flipped = _NORMAL[attribute[0]]
                if self.depth.get(flipped, 0) % 2 == 1 and flipped in self.flips:
                    self.markup(self.flips[flipped][0])
                    closing.append(self.flips[flipped][1])
        return opened

    def _quote(self, *, opening: bool) -> None:
        """Write an opening or closing quotation mark, inner ones inside outer ones."""
        if opening:
            inner = self.quote_depth % 2 == 1
            self.text(self.quotes.open_inner if inner else self.quotes.open)
            self.quote_depth += 1
            return
        self.quote_depth -= 1
        inner = self.quote_depth % 2 == 1
        self.text(self.quotes.close_inner if inner else self.quotes.close)
        self.pieces.append(_CLOSE_MARK)

    def result(self) -> str:
        text = "".join(piece.removeprefix(_MARKUP_START) for piece in self.pieces)
        if _CLOSE_MARK not in text:
            return text
        if not self.quotes.punctuation_in_quote:
            return text.replace(_CLOSE_MARK, "")
        return _punctuation_into_quotes(text)


def _punctuation_into_quotes(text: str) -> str:
    pieces = text.split(_CLOSE_MARK)
    out = pieces[0]
    for piece in pieces[1:]:
        tags = ""
        rest = piece
        while rest.startswith("</"):
            end = rest.index(">") + 1
            tags, rest = tags + rest[:end], rest[end:]
        if rest[:1] in {".", ","} and out:
            mark, quote = rest[0], out[-1]
            before = out[:-1]
            if before.endswith(mark) or (mark == "." and before[-1:] in "?!"):
                out = before + quote
            else:
                out = before + mark + quote
            rest = rest[1:]
        out += tags + rest
    return out


def flatten(node: Part, quotes: Quotes, output: str) -> str:
    """*node* in *output* (``text``, ``html``, ``markdown``, ``rtf``), the data escaped."""
    flattener = _Flattener(quotes, output)
    flattener.node(node)
    return flattener.result()
