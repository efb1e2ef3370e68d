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
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from citeform.engine.output_markup import ESCAPES, FLIP_FLOPS, FORMAT_MARKUP

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
    markup: bool = False
    """Formatting read from a value's own markup: it flips inside alike formatting."""
    inner: bool = False
    """A quoted passage in the locale's inner marks, outer ones when inside inner ones."""
    sealed: bool = False
    """A quoted passage that the style's punctuation after it does not move into."""
    unquoted: bool = False
    """Output of ``quotes="false"``: a value's quoted passages in it take the outer marks."""
    cased: bool = False
    """Text an inner ``text-case`` has cased: an outer one leaves it alone."""
    held: bool = False
    """Text (a cite's suffix) whose leading punctuation stays outside a closing quotation
    mark before it, except one stop with text after it."""
    terminal: bool = False
    """A formatted text, number or label (not a group), or it with its affixes: see
    :class:`OwnSuffix`."""
    compared: bool = False
    """Text a substitute printed for names, whose value subsequent-author-substitute
    compares: where it repeats, the substitute string takes its place."""
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


class Prefix(str):
    """An element's prefix: its punctuation stays apart from a formatted element before it."""

    __slots__ = ()


class Delimiter(str):
    """A group's delimiter: its punctuation stays apart from a formatted text before it."""

    __slots__ = ()


class FormattedSuffix(str):
    """The suffix of a formatted element: a prefix after it keeps its punctuation apart."""

    __slots__ = ()


class OwnSuffix(FormattedSuffix):
    """The suffix of a formatted text: its punctuation joins that text's only where alike.

    These classes follow citeproc-js, which joins punctuation only between the affixes and
    contents of elements without formatting, except that a group's suffix (and a delimiter
    after a group) joins with the end of its contents, formatted or not, and a text's own
    suffix (and a delimiter right after the text) drops a mark the text ends with.
    """

    __slots__ = ()


class NumberText(str):
    """A number as ``cs:number`` prints it: no punctuation after it joins with its own.

    citeproc-js keeps a German ordinal's stop: "2.. Aufl." for a delimiter ". ".
    """

    __slots__ = ()


class NameSuffix(str):
    """The suffix ``cs:name`` puts after one name."""

    __slots__ = ()


class NameDelimiter(str):
    """The delimiter between two names of a list (not the one before "and" or "et al.").

    As citeproc-js joins a list's names, its punctuation does not join with a
    :class:`NameSuffix` before it (``Doe,, Roe`` for a suffix "," and a delimiter ", ").
    """

    __slots__ = ()


class LastNameDelimiter(NameDelimiter):
    """The delimiter before a list's last name where no "and" goes.

    It joins no punctuation at all (``Doe, A.. Roe, A.`` for a delimiter ". ").
    """

    __slots__ = ()


def held(node: Part) -> Part:
    """*node* held: its leading punctuation stays outside a quote closing before it.

    A string that starts with anything but punctuation is the same held or not.
    """
    if isinstance(node, str) and node.lstrip()[:1] not in _PUNCTUATION:
        return node
    return Rich((node,), held=True)


def compared_text(node: Part) -> Rich | None:
    """The first :attr:`Rich.compared` node in *node*, if any."""
    if isinstance(node, str):
        return None
    if node.compared:
        return node
    for part in node.parts:
        found = compared_text(part)
        if found is not None:
            return found
    return None


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


def suffix_in_display(node: Part, suffix: str) -> Part | None:
    """*node* with *suffix* at the end of the display division it ends with (``None`` if none)."""
    if isinstance(node, str):
        return None
    for index in range(len(node.parts) - 1, -1, -1):
        part = node.parts[index]
        if blank(part):
            continue
        if isinstance(part, Rich) and part.display:
            inside: Part | None = attrs.evolve(part, parts=(*part.parts, suffix))
        else:
            inside = suffix_in_display(part, suffix)
        if inside is None:
            return None
        return attrs.evolve(node, parts=(*node.parts[:index], inside, *node.parts[index + 1 :]))
    return None


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


def _collect(node: Rich, into: list[str]) -> None:
    """Append the strings of *node* to *into*, in order."""
    for part in node.parts:
        if isinstance(part, str):
            into.append(part)
        else:
            _collect(part, into)


def plain(node: Part) -> str:
    """The text of *node*, without formatting, quotes or punctuation rules."""
    if isinstance(node, str):
        return node
    into: list[str] = []
    _collect(node, into)
    return "".join(into)


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
_INTO_QUOTES: Final = ".,?!"
"""Punctuation that moves inside a closing quotation mark where the locale asks."""
_HELD_INTO_QUOTES: Final = ".?!"
"""What of held text's leading punctuation moves inside quotes: one stop, if text follows."""
_TEXT, _MARKUP, _CLOSE, _SEALED, _HELD, _DATA_MARKUP = range(6)
"""Kinds of written pieces: text, markup, a closing quotation mark (sealed or not), text
that starts a held node (its punctuation stays where it is), markup a value's own markup
closes with."""
_MARKUPS: Final = frozenset({_MARKUP, _DATA_MARKUP})

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


_RAISED_WITHOUT_DECOMPOSITION: Final[Mapping[str, str]] = {
    "\u02c0": "\u0294",  # modifier glottal stop
    "\u02c1": "\u0295",  # modifier reversed glottal stop
    "\u06e5": "\u0648",  # Arabic small waw
    "\u06e6": "\u064a",  # Arabic small yeh
}
"""Superscript characters Unicode does not decompose, and the letters they raise."""


def _superscripts() -> dict[str, str]:
    """Unicode superscript characters and the text they raise (``ʳ`` -> ``r``, ``™`` -> ``TM``)."""
    found = dict(_RAISED_WITHOUT_DECOMPOSITION)
    for code in (*range(0xA0, 0x2200), *range(0x3190, 0x31A0)):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super> "):
            found[char] = "".join(chr(int(hexa, 16)) for hexa in decomposition.split()[1:])
    return found


_SUPERSCRIPTS: Final = _superscripts()
"""Written as ``<sup>`` in HTML, as citeproc-js writes them."""
_DISPLAYS: Final = frozenset({"block", "left-margin", "right-inline", "indent"})
_DISPLAY_MARKUP: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = {
    "html": {
        "block": ('\n\n    <div class="csl-block">', "</div>\n"),
        "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
        "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
        "indent": ('<div class="csl-indent">', "</div>\n  "),
    },
    "text": {"block": ("\n", ""), "indent": ("\n    ", "")},
}
"""The display divisions with the white space citeproc-js writes around them (the other
formats and displays as :data:`FORMAT_MARKUP` has them)."""


class _Flattener:
    """Writes a tree in one output format, joining punctuation at each boundary."""

    def __init__(self, quotes: Quotes, output: str) -> None:
        self.quotes = quotes
        self.escape = ESCAPES[output]
        self.markup_of = {**FORMAT_MARKUP[output], **_DISPLAY_MARKUP.get(output, {})}
        self.flips = FLIP_FLOPS.get(output, {})
        self.superscripts = output == "html"
        self.pieces: list[str] = []
        self.kinds: list[int] = []
        self.last = ""
        self.quote_marks: list[bool] = []
        """Whether each open quotation is written with the inner marks."""
        self.active: dict[str, bool] = {}
        """Whether each kind of formatting is in effect where writing is."""
        self.holding = False
        """Whether the next text starts a held node."""
        self.after_name_suffix = False
        """Whether the last text written is a :class:`NameSuffix`."""
        self.after_prefix = False
        """Whether the last text written is a :class:`Prefix` (a group's, before its first
        element's own: citeproc-js joins no punctuation between the two)."""
        self.formatting_opened = -1
        """How many pieces were written when formatting last opened."""
        self.formatting_closed = -1
        """How many pieces were written when formatting last closed (after a quote: -1)."""
        self.closed_depth = -1
        """How deep the node whose formatting closed last was."""
        self.closed_terminal = False
        """Whether that node was a text's (:attr:`Rich.terminal`)."""
        self.depth = 0
        """How many nodes deep the parts being written are."""
        self.formatted_suffix = (-1, -1)
        """Where the last :class:`FormattedSuffix` was written: its piece's index, its depth."""
        self.formatted_quote = (-1, -1)
        """Where the closing quotation mark of a formatted element was last written, and how
        deep the element is: a sibling's prefix right after it keeps its punctuation outside
        (citeproc-js moves no sibling's punctuation into a formatted element)."""
        self.number_at = -1
        """Where the last :class:`NumberText` was written (its piece's index)."""

    def text(self, text: str, kind: int = _TEXT) -> None:
        if not text:
            return
        kind_of_text = text.__class__
        joins = not (
            kind_of_text is LastNameDelimiter
            or (self.after_name_suffix and kind_of_text is NameDelimiter)
            or (self.after_prefix and kind_of_text is Prefix)
        )
        self.after_name_suffix = kind_of_text is NameSuffix
        self.after_prefix = kind_of_text is Prefix
        if text[0] == " " and self.last == " " and not self._formatting_since_text():
            text = text[1:]
            if not text:
                return
        if joins and text[0] in _PUNCTUATION and self._merge_left(text[0], text):
            text = text[1:]
            if not text:
                return
        if self.holding and kind == _TEXT:
            kind = _HELD
        self.holding = False
        if kind_of_text is NumberText:
            self.number_at = len(self.pieces)
        elif isinstance(text, FormattedSuffix):
            self.formatted_suffix = (len(self.pieces), self.depth)
        elif kind_of_text is Prefix and self.formatted_quote[1] == self.depth:
            self._seal_formatted_quote()
        self.pieces.append(text)
        self.kinds.append(kind)
        self.last = text[-1]

    def markup(self, text: str, kind: int = _MARKUP) -> None:
        if text:
            self.pieces.append(text)
            self.kinds.append(kind)

    def _merge_left(self, mark: str, text: str) -> bool:
        """Join *mark*, which starts *text*, with punctuation written before it.

        Marks join across closing markup and quotes; the joined mark stays where the
        earlier one stood, inside the formatting or quotes that end between them, as
        citeproc-js keeps it. Formatting that opened or closed between them keeps them
        apart as :class:`OwnSuffix` says. Returns whether *mark* was taken in.
        """
        index = self._last_text_index()
        if index < 0:
            return False
        piece = self.pieces[index]
        if (
            index == self.number_at
            or self.formatting_opened > index
            or (self.formatting_closed > index and self._kept_apart(text, piece[-1] == mark))
            or (self.formatted_suffix == (index, self.depth) and text.__class__ is Prefix)
        ):
            return False
        merged = _MERGE.get((piece[-1], mark))
        if merged is None:
            return False
        self.pieces[index] = piece[:-1] + merged
        return True

    def _last_text_index(self) -> int:
        """The index of the last text piece written (-1: none yet)."""
        for index in range(len(self.pieces) - 1, -1, -1):
            if self.kinds[index] in {_TEXT, _HELD} and self.pieces[index]:
                return index
        return -1

    def _seal_formatted_quote(self) -> None:
        """Seal the quotation mark of a formatted element if nothing but markup follows it."""
        at, self.formatted_quote = self.formatted_quote[0], (-1, -1)
        if all(kind in _MARKUPS for kind in self.kinds[at + 1 :]) and self.kinds[at] == _CLOSE:
            self.kinds[at] = _SEALED

    def _formatting_since_text(self) -> bool:
        """Whether formatting opened or closed after the last text written.

        citeproc-js keeps a space on either side of formatting.
        """
        index = self._last_text_index()
        return index >= 0 and max(self.formatting_opened, self.formatting_closed) > index

    def _kept_apart(self, text: str, same: bool) -> bool:
        """Whether *text* keeps its punctuation apart from formatted text just closed.

        *same*: the two marks are alike.
        """
        kind = text.__class__
        if kind is Prefix:  # after a formatted sibling
            return self.closed_depth == self.depth
        if kind is OwnSuffix or (
            kind is Delimiter and self.closed_terminal and self.closed_depth == self.depth + 1
        ):
            return not same
        return False

    def _open(self, kind: str, closing: list[str], *, flips: bool) -> None:
        """Open *kind*, minding whether it is in effect already.

        If it is, markup from data flips it back and a style's formatting nests, in
        HTML as citeproc-js writes them; other formats write nothing for it.
        """
        opening, close = self.markup_of[kind]
        if self.active.get(kind, False) and kind in _NORMAL.values():
            if flips and kind in self.flips:
                opening, close = self.flips[kind]
                self.active[kind] = False
            elif flips or not self.flips:
                opening, close = "", ""
        else:
            self.active[kind] = True
        self.markup(opening)
        closing.append(close)

    def node(self, node: Part) -> None:
        if isinstance(node, str):
            self.text(node)
            return
        if node.empty:  # no division, quotes or formatting around nothing
            return
        self.depth += 1
        if node.formatting or node.display or node.held or node.quoted or node.unquoted:
            self._wrapped(node)
        else:
            for part in node.parts:  # a plain node: its parts in order
                if isinstance(part, str):
                    self.text(part)
                else:
                    self.node(part)
            if node.terminal and self.closed_terminal:  # a formatted text and its affixes
                self.closed_depth = self.depth
        self.depth -= 1

    def _wrapped(self, node: Rich) -> None:
        """A node with a division, formatting, quotes or held text around its parts."""
        closing: list[str] = []
        if node.display in _DISPLAYS:
            opening, close = self.markup_of[node.display]
            self.markup(opening)
            closing.append(close)
        opened = self._open_formatting(node.formatting, closing, flips=node.markup)
        formatted = bool(node.formatting) and not node.markup
        if formatted:
            self.formatting_opened = len(self.pieces)
        if node.held:
            self.holding = True
        self._open_quotes(node)
        for part in node.parts:
            self.node(part)
        self._close_quotes(node)
        self.active.update(opened)
        kind = _DATA_MARKUP if node.markup else _MARKUP
        for tag in reversed(closing):
            self.markup(tag, kind)
        if formatted:
            self.formatting_closed = len(self.pieces)
            self.closed_depth, self.closed_terminal = self.depth, node.terminal

    def _open_quotes(self, node: Rich) -> None:
        if node.quoted:
            self._quote(opening=True, inner=node.inner)
        elif node.unquoted:  # as inside inner marks: a passage in either marks opens outer ones
            self.quote_marks.append(True)

    def _close_quotes(self, node: Rich) -> None:
        if node.quoted:
            self._quote(opening=False, sealed=node.sealed)
            self.formatting_closed = -1  # punctuation after quotes joins as quotes have it
            inner = node.parts[0] if len(node.parts) == 1 else None
            if isinstance(inner, Rich) and inner.formatting and not inner.markup:
                self.formatted_quote = (len(self.pieces) - 1, self.depth)
        elif node.unquoted:
            self.quote_marks.pop()

    def _open_formatting(
        self, formatting: Formatting, closing: list[str], *, flips: bool
    ) -> dict[str, bool]:
        """Write the markup *formatting* opens; return the kinds it changed, as they were."""
        opened: dict[str, bool] = {}
        for attribute in formatting:
            kind = _KINDS.get(attribute)
            if kind is not None:
                opened.setdefault(kind, self.active.get(kind, False))
                self._open(kind, closing, flips=flips)
            elif attribute[1] == "normal" and attribute[0] in _NORMAL:
                flipped = _NORMAL[attribute[0]]
                if self.active.get(flipped, False) and flipped in self.flips:
                    opened.setdefault(flipped, True)
                    self.active[flipped] = False
                    self.markup(self.flips[flipped][0])
                    closing.append(self.flips[flipped][1])
        return opened

    def _quote(self, *, opening: bool, inner: bool = False, sealed: bool = False) -> None:
        """Write an opening or closing quotation mark; alike marks inside alike ones flip."""
        if opening:
            if self.quote_marks and self.quote_marks[-1] == inner:
                inner = not inner
            self.quote_marks.append(inner)
            self.text(self.quotes.open_inner if inner else self.quotes.open)
            return
        inner = self.quote_marks.pop()
        mark = self.quotes.close_inner if inner else self.quotes.close
        self.text(mark, _SEALED if sealed else _CLOSE)

    def result(self) -> str:
        """The pieces written out, the text escaped (punctuation joined on the text itself)."""
        if self.quotes.punctuation_in_quote and _CLOSE in self.kinds:
            self._punctuation_into_quotes()
        if self.escape is str:  # plain text: nothing to escape
            return "".join(self.pieces)
        return "".join(
            piece if kind in _MARKUPS else self._escaped(piece)
            for piece, kind in zip(self.pieces, self.kinds, strict=True)
        )

    def _escaped(self, text: str) -> str:
        escaped = self.escape(text)
        if self.superscripts and any(char in _SUPERSCRIPTS for char in escaped):
            escaped = "".join(
                f"<sup>{_SUPERSCRIPTS[char]}</sup>" if char in _SUPERSCRIPTS else char
                for char in escaped
            )
        return escaped

    def _punctuation_into_quotes(self) -> None:
        """Move ``. , ? !`` that follow closing quotation marks inside the first of them.

        The moved punctuation goes inside the formatting that closes just before the marks.

        Where formatting ends between the quotation marks and the punctuation, ``; :``
        move inside the formatting too (after the marks), as citeproc-js moves them.
        """
        pieces, kinds = self.pieces, self.kinds
        index = 0
        while index < len(pieces):
            if kinds[index] != _CLOSE:
                index += 1
                continue
            after = last_close = index
            while after < len(pieces) and kinds[after] in {_CLOSE, _MARKUP, _DATA_MARKUP}:
                last_close = after if kinds[after] == _CLOSE else last_close
                after += 1
            movable = _INTO_QUOTES if after == last_close + 1 else _PUNCTUATION
            run = self._take_punctuation(after, movable)
            into_quotes = run[: len(run) - len(run.lstrip(_INTO_QUOTES))]
            if run[len(into_quotes) :]:
                pieces.insert(last_close + 1, run[len(into_quotes) :])
                kinds.insert(last_close + 1, _TEXT)
                after += 1
            if into_quotes:  # inside the style's formatting that ends with the quotation too
                at = index
                while at and kinds[at - 1] == _MARKUP:
                    at -= 1
                pieces.insert(at, self._joined_before(at, into_quotes))
                kinds.insert(at, _TEXT)
                after += 1
            index = after

    def _take_punctuation(self, start: int, movable: str) -> str:
        """Take the punctuation in *movable* that text pieces from *start* on begin with."""
        run = ""
        for index in range(start, len(self.pieces)):
            following = self.pieces[index]
            if self.kinds[index] == _HELD:  # one stop that more text follows
                if following[0] in _HELD_INTO_QUOTES and len(following) > 1:
                    self.pieces[index] = following[1:]
                    return run + following[0]
                break
            if self.kinds[index] != _TEXT:
                break
            taken = len(following) - len(following.lstrip(movable))
            run += following[:taken]
            self.pieces[index] = following[taken:]
            if self.pieces[index]:
                break
        return run

    def _joined_before(self, index: int, run: str) -> str:
        """*run* joined to the text before piece *index*, as it is written there."""
        previous = next(
            (
                i
                for i in range(index - 1, -1, -1)
                if self.kinds[i] not in _MARKUPS and self.pieces[i]
            ),
            None,
        )
        added = ""
        for mark in run:
            if added:
                before = added[-1]
            elif previous is not None:
                before = self.pieces[previous][-1]
            else:
                before = ""
            merged = _MERGE.get((before, mark))
            if merged is None:
                added += mark
            elif added:
                added = added[:-1] + merged
            elif previous is not None:
                self.pieces[previous] = self.pieces[previous][:-1] + merged
        return added


def flatten(node: Part, quotes: Quotes, output: str) -> str:
    """*node* in *output* (``text``, ``html``, ``markdown``, ``rtf``), the data escaped."""
    flattener = _Flattener(quotes, output)
    flattener.node(node)
    return flattener.result()
