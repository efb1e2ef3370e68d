r"""LaTeX <-> Unicode for BibTeX values.

:func:`decode` turns a LaTeX value into CSL text: accents and symbols become
Unicode, ``--`` an en dash, ``\emph{…}`` ``<i>…</i>``, and case-protecting
braces ``{…}`` a ``<span class="nocase">…</span>`` (not around a single word
that has a capital letter already: CSL never lower-cases those). What it
cannot translate (unknown macros, math) stays as written and the result says
it is incomplete, so that a writer can give back the original.

:func:`encode` writes CSL text as LaTeX: every special character escaped once,
rich-text markup as macros, capitalised words protected from case changes,
and (for 8-bit BibTeX) non-ASCII characters as accent and symbol macros.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

import attrs

from citeform.bibtex import latex_table as table
from citeform.coverage import drop_controls

_TOKEN = re.compile(r"\\[A-Za-z]+\s*|\\.|[{}$]|---|--|``|''|!`|\?`|~|[^\\{}$~`'!?\-]+|.", re.DOTALL)
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_UNDOTTED = {"\u0131": "i", "\u0237": "j"}
"""An accent on a dotless i or j gives the accented i or j."""
NOCASE = ('<span class="nocase">', "</span>")


@attrs.frozen
class Decoded:
    """The Unicode text of a LaTeX value; ``complete`` is false when some TeX was kept."""

    text: str
    complete: bool


class _Decoder:
    """A recursive reader over the tokens of one value."""

    def __init__(self, latex: str, *, protect: bool) -> None:
        self.tokens = _TOKEN.findall(latex)
        self.index = 0
        self.protect = protect
        self.complete = True

    def next(self) -> str | None:
        if self.index >= len(self.tokens):
            return None
        piece: str = self.tokens[self.index]
        self.index += 1
        return piece

    def push_back(self, rest: str) -> None:
        """Give back the unread *rest* of the piece just taken, in its place."""
        self.index -= 1
        self.tokens[self.index] = rest

    def peek(self) -> str | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def sequence(self, depth: int) -> str:
        """Decode tokens up to the ``}`` that closes the current group (or the end)."""
        out: list[str] = []
        tokens, ligatures = self.tokens, table.LIGATURES
        while self.index < len(tokens):  # the tokens as next() takes them, without a call each
            piece = tokens[self.index]
            self.index += 1
            if piece == "}":
                if depth:
                    break
                out.append("}")
            elif piece == "{":
                out.append(self.group(depth))
            elif piece == "$":
                out.append(self.math())
            elif piece.startswith("\\"):
                name = piece[1:].rstrip()
                declared = table.DECLARATIONS.get(name)
                if declared is not None:
                    out.append(declared[0] + self.sequence(depth) + declared[1])
                    break
                out.append(self.macro(name, depth))
            else:
                out.append(ligatures.get(piece, piece))
        return "".join(out)

    def group(self, depth: int) -> str:
        """Decode a brace group; at the top level it protects case."""
        special = (self.peek() or "").startswith("\\")
        inner = self.sequence(depth + 1)
        if depth or special or not self.protect or not inner:
            return inner
        if not _SPACE.search(inner) and inner != inner.lower():
            return inner
        return NOCASE[0] + inner + NOCASE[1]

    def argument(self, depth: int) -> str:
        """The next argument: a group's content or a single piece."""
        while self.peek() is not None and (self.peek() or "").isspace():
            self.next()
        piece = self.next()
        if piece is None:
            return ""
        if piece == "{":
            return self.sequence(depth + 1)
        if piece.startswith("\\"):
            return self.macro(piece[1:].rstrip(), depth)
        if len(piece) > 1:
            self.push_back(piece[1:])
        return piece[:1]

    def macro(self, name: str, depth: int) -> str:  # noqa: PLR0911 - one return per kind
        if name in table.ACCENTS:
            base = self.argument(depth)
            base = _UNDOTTED.get(base[:1], base[:1]) + base[1:]
            return unicodedata.normalize("NFC", base[:1] + table.ACCENTS[name] + base[1:])
        if name in table.ESCAPED:
            return table.ESCAPED[name]
        if name in table.SYMBOLS:
            self.skip_empty_group()
            return table.SYMBOLS[name]
        if name in table.FORMATTING:
            start, end = table.FORMATTING[name]
            return start + self.argument(depth) + end
        if name in table.IGNORED:
            self.skip_empty_group()
            return ""
        if name == "char" and re.match(r"\d+", self.peek() or ""):
            return self.character_code()
        if name in table.WITHOUT_OUTPUT:
            self.argument(depth)
            return ""
        self.complete = False
        return "\\" + name + (" " if name[-1:].isalpha() and self.peek_is_text() else "")

    def character_code(self) -> str:
        r"""``\char34``: the character with that (decimal) code."""
        piece = self.next() or ""
        digits = re.match(r"\d{1,7}", piece)
        assert digits is not None  # noqa: S101 - checked by the caller
        code = int(digits.group(0))
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            self.complete = False
            return "\\char" + piece
        rest = piece[digits.end() :].removeprefix(" ")  # TeX ends a number at a space
        if rest:
            self.push_back(rest)
        return chr(code)

    def peek_is_text(self) -> bool:
        piece = self.peek()
        return piece is not None and piece[:1].isalnum()

    def skip_empty_group(self) -> None:
        if self.tokens[self.index : self.index + 2] == ["{", "}"]:
            self.index += 2

    def math(self) -> str:
        """Decode ``$…$``; formulas it cannot translate are kept as written."""
        start = self.index
        while (piece := self.next()) is not None and piece != "$":
            pass
        body = "".join(self.tokens[start : self.index - (piece == "$")])
        text = _decode_math(body)
        if text is None:
            self.complete = False
            return "$" + body + "$"
        return text


def _decode_math(body: str) -> str | None:
    out: list[str] = []
    tokens = iter(re.findall(r"\\[A-Za-z]+\s*|[_^]\{[^{}]*\}|[_^].|\s+|.", body))
    for piece in tokens:
        if piece.startswith("\\"):
            symbol = table.MATH_SYMBOLS.get(piece[1:].rstrip())
            if symbol is None:
                return None
            out.append(symbol)
        elif piece[:1] in "_^":
            chars = table.SUPERSCRIPTS if piece[0] == "^" else table.SUBSCRIPTS
            script = piece[1:].strip("{}")
            if not script or any(char not in chars for char in script):
                return None
            out.append("".join(chars[char] for char in script))
        elif piece in "{}" or piece.isspace():
            continue
        else:
            out.append(piece)
    return "".join(out)


_NEEDS_DECODER = re.compile(r"[\\{}$]")
_LIGATURE = re.compile(
    "|".join(re.escape(seq) for seq in sorted(table.LIGATURES, key=len, reverse=True))
)
"""TeX's ligatures, longest first, read left to right as :class:`_Decoder` reads them."""


def _ligature(match: re.Match[str]) -> str:
    return table.LIGATURES[match.group(0)]


_GROUP_SPLIT = re.compile(r"\{([^{}]*)\}")


def _decode_flat_groups(pieces: list[str], *, protect: bool) -> str:
    """:func:`decode` of text and brace groups, none nested, without macros or math.

    *pieces* alternate text and the content of a group. Ligatures are read, and each group
    is case-protected as :meth:`_Decoder.group` protects a group at the top level.
    """
    out: list[str] = []
    for index, piece in enumerate(pieces):
        text = _LIGATURE.sub(_ligature, piece)
        if index % 2 and protect and text and (_SPACE.search(text) or text == text.lower()):
            text = NOCASE[0] + text + NOCASE[1]
        out.append(text)
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def decode(latex: str, protect: bool = True) -> Decoded:
    """Return the Unicode text of *latex* (``protect``: braces become nocase spans)."""
    if not _NEEDS_DECODER.search(latex):  # no macro, group or math: ligatures at most
        return Decoded(_LIGATURE.sub(_ligature, latex), complete=True)
    if "\\" not in latex and "$" not in latex:
        pieces = _GROUP_SPLIT.split(latex)  # text, group, text, group, …, text
        outside = "".join(pieces[::2])
        if "{" not in outside and "}" not in outside:  # groups, none nested
            return Decoded(_decode_flat_groups(pieces, protect=protect), complete=True)
    return _decode_tokens(latex, protect=protect)


def _decode_tokens(latex: str, *, protect: bool) -> Decoded:
    """:func:`decode` token by token, for any value."""
    decoder = _Decoder(latex, protect=protect)
    try:
        text = decoder.sequence(0)
    except RecursionError:  # thousands of nested accents: keep the value as written
        return Decoded(latex, complete=False)
    return Decoded(text, decoder.complete)


_MARKUP = re.compile(
    r'<(/?)(i|b|sup|sub)>|<span class="nocase">|<span style="font-variant:\s*small-caps;?">'
    r"|</span>"
)
_MARKUP_LATEX = {
    "i": (r"\textit{", "}"),
    "b": (r"\textbf{", "}"),
    "sup": (r"\textsuperscript{", "}"),
    "sub": (r"\textsubscript{", "}"),
    "nocase": ("{", "}"),
    "sc": (r"\textsc{", "}"),
}


def _tag_name(match: re.Match[str]) -> tuple[str, bool]:
    """The markup kind of a tag and whether it closes."""
    text = match.group(0)
    if match.group(2):
        return match.group(2), bool(match.group(1))
    if text == "</span>":
        return "span", True
    return ("nocase" if "nocase" in text else "sc"), False


def _markup(text: str) -> Iterator[tuple[str, str]]:
    """Split CSL rich text into ``("text", …)``, ``("open", kind)``, ``("close", kind)``.

    Only tags that pair up count as markup; any other ``<…>`` is text.
    """
    matches = list(_MARKUP.finditer(text))
    pairs: dict[int, str] = {}
    stack: list[tuple[int, str]] = []
    for index, match in enumerate(matches):
        kind, closing = _tag_name(match)
        if not closing:
            stack.append((index, kind))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            opened, opened_kind = stack[depth]
            if opened_kind == kind or (kind == "span" and opened_kind in {"nocase", "sc"}):
                pairs[opened] = pairs[index] = opened_kind
                del stack[depth:]
                break
    position = 0
    for index, match in enumerate(matches):
        if index not in pairs:
            continue
        if match.start() > position:
            yield "text", text[position : match.start()]
        kind, closing = _tag_name(match)
        yield ("close" if closing else "open"), pairs[index]
        position = match.end()
    if position < len(text):
        yield "text", text[position:]


@functools.lru_cache(maxsize=8192)
def encode(text: str, ascii_only: bool, protect_case: bool = False) -> str:
    """Return *text* (CSL rich text) as a LaTeX value that decodes back to it.

    Values met again (a journal, a publisher, a field every entry of a file has) are
    encoded once, as :func:`decode` decodes them once.

    Control characters are dropped first (see :func:`~citeform.coverage.drop_controls`). A
    letter followed by combining accents is escaped composed (NFC): one accented letter, not
    an accent over nothing.
    """
    if not protect_case and _UNCHANGED.fullmatch(text) is not None:
        return text  # ASCII that needs no escaping, the most common value
    text = drop_controls(text)
    if not text.isascii() and _COMBINING.search(text):
        text = _ACCENTED.sub(lambda cluster: unicodedata.normalize("NFC", cluster.group()), text)
    if "<" not in text:  # no markup
        if protect_case:
            return _protect_words(text, ascii_only, first=True)
        return escape(text, ascii_only=ascii_only)
    inner = text.removeprefix(NOCASE[0]).removesuffix(NOCASE[1])
    if len(inner) == len(text) - len(NOCASE[0]) - len(NOCASE[1]) and "<" not in inner:
        return "{" + escape(inner, ascii_only=ascii_only) + "}"  # one case-protected text
    return encode_markup(text, ascii_only, protect_case)


def encode_markup(text: str, ascii_only: bool, protect_case: bool) -> str:
    """The LaTeX of CSL rich text, its markup as macros (:func:`encode` past its checks)."""
    out: list[str] = []
    nocase_depth = 0
    for kind, value in _markup(text):
        if kind == "open":
            out.append(_MARKUP_LATEX[value][0])
            nocase_depth += value == "nocase"
        elif kind == "close":
            out.append(_MARKUP_LATEX[value][1])
            nocase_depth -= value == "nocase"
        elif protect_case and not nocase_depth:
            out.append(_protect_words(value, ascii_only, first=not out))
        else:
            out.append(escape(value, ascii_only=ascii_only))
    return "".join(out)


_ACCENTED = re.compile(
    f"[^{''.join(table.COMBINING_TO_ACCENT)}][{''.join(table.COMBINING_TO_ACCENT)}]+"
)
"""A character with the combining accents that follow it."""
_COMBINING = re.compile(f"[{''.join(table.COMBINING_TO_ACCENT)}]")


def _protect_words(text: str, ascii_only: bool, *, first: bool) -> str:
    """Each word of *text* escaped, and in braces if it has a capital (see :func:`_protect`)."""
    unescaped = _UNCHANGED.fullmatch(text) is not None or (
        not text.isascii() and text.isprintable() and escape(text, ascii_only=ascii_only) == text
    )
    if unescaped:  # and printable: the only white space is the space
        return _protect_spaced_words(text, first=first)
    return _protect_each_word(text, ascii_only, first=first)


def _protect_each_word(text: str, ascii_only: bool, *, first: bool) -> str:
    """:func:`_protect_words` word by word, for any text."""
    return _WORD.sub(lambda word: _protect(word, ascii_only, first=first), text)


def _protect_spaced_words(text: str, *, first: bool) -> str:
    """:func:`_protect_words` for text that :func:`escape` writes as it is, words between spaces."""
    words = text.split(" ")
    protected = ["{" + word + "}" if word != word.lower() else word for word in words]
    rest = words[0][1:]  # the first letter of a title keeps its case anyway
    if first and rest == rest.lower():
        protected[0] = words[0]
    return " ".join(protected)


def _protect(match: re.Match[str], ascii_only: bool, *, first: bool) -> str:
    """A word in braces if it has a capital a style must not lower-case.

    The first letter of a title keeps its case in BibTeX styles anyway.
    """
    word = match.group(0)
    escaped = escape(word, ascii_only=ascii_only)
    capitals = word[1:] if first and match.start() == 0 else word
    if capitals != capitals.lower():
        return "{" + escaped + "}"
    return escaped


def escape(text: str, *, ascii_only: bool) -> str:
    """Escape *text* character by character; TeX ligatures (``--``) are broken with ``{}``.

    Each run of special or non-ASCII characters is looked up in a table
    (:meth:`str.translate`); where that gives a ligature, the text is escaped again one
    character at a time, to tell where two characters make one (``--`` from ``-`` and
    ``-``) from where one character is written as one (an en dash as ``--`` in 8-bit BibTeX).
    """
    runs = _ASCII_TO_ESCAPE if text.isascii() else _TO_ESCAPE
    latex = runs.sub(_LATEX_OF[ascii_only].run, text)
    if not _has_ligature(latex):
        return latex
    return _escape_ligatures(text, ascii_only=ascii_only)


def _has_ligature(text: str) -> bool:
    """Whether two characters of *text* make a TeX ligature (``--``, ``''``, ````…)."""
    return "--" in text or "''" in text or ("`" in text and _LIGATURE_IN.search(text) is not None)


def _escape_ligatures(text: str, *, ascii_only: bool) -> str:
    out: list[str] = []
    last = ""
    position = 0
    for run in _PLAIN_RUN.finditer(text):  # runs that need no escaping are copied whole
        last = _escape_chars(text[position : run.start()], out, last, ascii_only=ascii_only)
        out.append(run.group(0))
        last, position = run.group(0)[-1], run.end()
    _escape_chars(text[position:], out, last, ascii_only=ascii_only)
    return "".join(out)


def _escape_chars(text: str, out: list[str], last: str, *, ascii_only: bool) -> str:
    for char in text:
        latex = _char_to_latex(char, ascii_only=ascii_only)
        if (last, latex[:1]) in _LIGATURE_PAIRS:
            out.append("{}")
        out.append(latex)
        last = latex[-1:]
    return last


_PLAIN_RUN = re.compile(r"[A-Za-z0-9 .,;:()/+=*@|<>\[\]]+")
"""ASCII that is never escaped and never starts or ends a TeX ligature."""
_ASCII_SPECIALS = re.escape("".join(char for char in table.SPECIAL_TO_LATEX if char.isascii()))
_TO_ESCAPE = re.compile(f"[{_ASCII_SPECIALS}\x80-\U0010ffff]+")
"""Runs of the characters that may be written otherwise: any other is written as it is."""
_ASCII_TO_ESCAPE = re.compile(f"[{_ASCII_SPECIALS}]+")
""":data:`_TO_ESCAPE` for ASCII text: its class without the non-ASCII range is quicker to search."""
_LIGATURE_PAIRS = frozenset({("-", "-"), ("`", "`"), ("'", "'"), ("!", "`"), ("?", "`")})
_LIGATURE_IN = re.compile("|".join(re.escape(first + second) for first, second in _LIGATURE_PAIRS))
_LIGATURE_SECONDS = {
    first: "".join(sorted(second for start, second in _LIGATURE_PAIRS if start == first))
    for first, _ in _LIGATURE_PAIRS
}
_UNCHANGED_CHARACTERS = "".join(
    char
    for char in map(chr, range(0x20, 0x7F))  # printable ASCII
    if char not in table.SPECIAL_TO_LATEX and char not in _LIGATURE_SECONDS and char != "<"
)
_UNCHANGED = re.compile(
    f"(?:[{re.escape(_UNCHANGED_CHARACTERS)}]++|"
    + "|".join(
        f"{re.escape(first)}(?![{re.escape(seconds)}])"
        for first, seconds in sorted(_LIGATURE_SECONDS.items())
    )
    + ")*+"
)  # possessive: one way to match, so a failing text is not tried again split otherwise
"""Text that :func:`encode` gives back as it is (in a full match): printable ASCII without
markup (``<``), a special character or two characters that make a TeX ligature."""


class _LatexOf(dict[int, str]):
    """Code point -> the LaTeX of that character, filled as characters are met."""

    def __init__(self, *, ascii_only: bool) -> None:
        super().__init__()
        self.ascii_only = ascii_only

    def __missing__(self, code: int) -> str:
        latex = _char_to_latex(chr(code), ascii_only=self.ascii_only)
        self[code] = latex
        return latex

    def run(self, match: re.Match[str]) -> str:
        """The LaTeX of the characters *match* found."""
        return match.group().translate(self)


_LATEX_OF = {ascii_only: _LatexOf(ascii_only=ascii_only) for ascii_only in (False, True)}


def _char_to_latex(char: str, *, ascii_only: bool) -> str:  # noqa: PLR0911 - a lookup chain
    if char in table.SPECIAL_TO_LATEX:
        return table.SPECIAL_TO_LATEX[char]
    if char in table.COMBINING_TO_ACCENT:  # a combining mark on its own: an accent on nothing
        return "{\\" + table.COMBINING_TO_ACCENT[char] + "{\\relax}}"  # biber drops a bare {}
    if char.isascii() or (not ascii_only and unicodedata.category(char) != "Zs"):
        return char
    if char in table.ASCII_ONLY_TO_LATEX:
        return table.ASCII_ONLY_TO_LATEX[char]
    if char in table.SYMBOL_TO_MACRO:
        return "{\\" + table.SYMBOL_TO_MACRO[char] + "}"
    accented = _accented(char)
    if accented is not None:
        return "{" + accented + "}"
    if char in table.MATH_TO_MACRO:
        return "$\\" + table.MATH_TO_MACRO[char] + "$"
    if char in _SCRIPTS:
        return _SCRIPTS[char]
    return char


_SCRIPTS = {
    **{script: f"$^{char}$" for char, script in table.SUPERSCRIPTS.items()},
    **{script: f"$_{char}$" for char, script in table.SUBSCRIPTS.items()},
}


def _accented(char: str) -> str | None:
    r"""``é`` -> ``\'e``, ``ǘ`` -> ``\'{\"u}``; ``None`` when no macro writes it."""
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) < 2:
        return None
    base, marks = decomposed[0], decomposed[1:]
    if (
        base == "i"
        and marks[0] in table.COMBINING_TO_ACCENT
        and marks[0] not in "\u0327\u0328\u0323\u0331"
    ):
        base_latex = "\\i"
    elif base.isascii() and base.isalpha():
        base_latex = base
    else:
        return None
    latex = base_latex
    for mark in marks:
        macro = table.COMBINING_TO_ACCENT.get(mark)
        if macro is None:
            return None
        separator = " " if macro.isalpha() and not latex.startswith("{") else ""
        argument = latex if len(latex) == 1 else "{" + latex + "}"
        latex = "\\" + macro + (separator if len(latex) == 1 else "") + argument
    return latex


_SAFETY_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\\$|\^\^|[{}$#%&^_]", re.DOTALL)
_TEX_CHARACTER = re.compile(r"[\\{}$#%&^_]")
"""A character that every token :func:`is_safe` checks starts with."""


def is_plain_tex(latex: str) -> bool:
    """Whether *latex* has no character of TeX's own (so :func:`is_safe` passes it unread)."""
    return _TEX_CHARACTER.search(latex) is None


@functools.lru_cache(maxsize=8192)
def is_safe(latex: str) -> bool:
    r"""Whether LaTeX read from a file may be written back as it is.

    Only known text, accent, formatting and math macros pass; any other macro
    (``\input``, ``\write18``, ``\def``…), an unescaped ``# % &``, ``^``/``_``
    outside math, ``^^`` notation, unbalanced braces or an open formula do not. A value met
    again (a field every entry of a file has) is checked once.
    """
    depth = 0
    in_math = False
    for token in _SAFETY_TOKEN.finditer(latex):  # stops at the first unsafe token
        piece = token.group()
        if piece.startswith("\\") and piece[1:].isalpha():
            if piece[1:] not in table.SAFE_MACROS:
                return False
        elif piece.startswith("\\"):
            if piece[1:] not in table.ESCAPED and piece[1:] not in table.ACCENTS:
                return False
        elif piece in {"#", "%", "&", "^^"} or (piece in {"^", "_"} and not in_math):
            return False
        elif piece == "$":
            in_math = not in_math
        elif piece in "{}":
            depth += 1 if piece == "{" else -1
            if depth < 0:
                return False
    return depth == 0 and not in_math
