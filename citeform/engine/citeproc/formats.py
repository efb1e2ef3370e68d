"""Output formats: rich text travels as private-use markers and becomes markup at the end.

While citeproc-py renders, formatting (the style's ``font-style`` and friends, and CSL's
rich-text markup inside field values) is carried as pairs of private-use characters, so
that no data is ever taken for markup and case changes cannot break tags. Quotes are
markers too, resolved at the end (outer/inner by nesting, punctuation moved inside when
the locale says so). :func:`finish` turns a rendered entry into its output format: HTML
escapes all text and writes only the markers as tags; text drops them; Markdown and RTF
write their own markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

import attrs
from citeproc.string import String

from citeform.engine.base import OutputFormat
from citeform.engine.output_markup import (
    FLIP_FLOPS,
    FORMAT_MARKUP,
    escape_html,
    escape_markdown,
    escape_rtf,
)

MARKS: Final[Mapping[str, tuple[str, str]]] = {
    "italic": ("\ue100", "\ue101"),
    "bold": ("\ue102", "\ue103"),
    "superscript": ("\ue104", "\ue105"),
    "subscript": ("\ue106", "\ue107"),
    "small-caps": ("\ue108", "\ue109"),
    "underline": ("\ue10a", "\ue10b"),
    "left-margin": ("\ue10c", "\ue10d"),
    "right-inline": ("\ue10e", "\ue10f"),
    "nocase": ("\ue114", "\ue115"),
    "block": ("\ue116", "\ue117"),
    "indent": ("\ue118", "\ue119"),
    "no-decoration": ("\ue11a", "\ue11b"),
    "baseline": ("\ue11c", "\ue11d"),
}
"""Formatting kind -> (open, close) marker (the margins are ``second-field-align``'s)."""

QUOTE_OPEN: Final = "\ue110"
QUOTE_CLOSE: Final = "\ue111"
LITERAL_QUOTES: Final[Mapping[str, str]] = {"\ue112": "\u201c", "\ue113": "\u201d"}
"""Markers of typographic quotes found in field values, which keep their characters."""
LITERAL_CLOSE: Final = "\ue113"
MARKERS: Final = frozenset(
    {mark for pair in MARKS.values() for mark in pair}
    | {QUOTE_OPEN, QUOTE_CLOSE}
    | set(LITERAL_QUOTES)
)

_MARKER_BLOCK: Final = range(0xE100, 0xE120)
"""The private-use characters the markers are taken from."""
_SHELTER_OFFSET: Final = 0xF0100 - 0xE100
SHELTER: Final = {code: code + _SHELTER_OFFSET for code in _MARKER_BLOCK}
"""Data characters of the marker block -> stand-ins (plane 15), so data is never markup."""
UNSHELTER: Final = {stand_in: code for code, stand_in in SHELTER.items()}


def shelter(value: object) -> object:
    """*value* (strings inside lists and mappings too) with marker characters replaced.

    :func:`finish` puts them back, so data keeps its characters and is never taken for
    formatting or quotes.
    """
    if isinstance(value, str):
        return value.translate(SHELTER)
    if isinstance(value, Mapping):
        return {key: shelter(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [shelter(item) for item in value]
    return value


FIELD_TAGS: Final[Mapping[str, str]] = {
    "<i>": "italic",
    "<b>": "bold",
    "<sup>": "superscript",
    "<sub>": "subscript",
    '<span style="font-variant:small-caps;">': "small-caps",
    "<sc>": "small-caps",
    '<span class="nocase">': "nocase",
}
"""CSL rich-text opening tags allowed in field values."""
PROTECTED_KINDS: Final = frozenset({"nocase", "small-caps", "superscript", "subscript"})
"""Field markup whose text keeps its case (explicitly, or implicitly as citeproc-js does)."""


def _wrapper(kind: str) -> Callable[[object], String]:
    def wrap(text: object) -> String:
        return wrap_marks(kind, text)

    return wrap


def _unchanged(text: object) -> String:
    return String(str(text))


class MarkerFormatter:
    """The formatter citeproc-py calls (duck-typed like its ``formatter`` modules).

    Style text is not escaped here (:func:`finish` escapes everything at once).
    """

    preformat = staticmethod(str)
    Italic = staticmethod(_wrapper("italic"))
    Oblique = staticmethod(_wrapper("italic"))
    Bold = staticmethod(_wrapper("bold"))
    Light = staticmethod(_unchanged)
    Underline = staticmethod(_wrapper("underline"))
    Superscript = staticmethod(_wrapper("superscript"))
    Subscript = staticmethod(_wrapper("subscript"))
    SmallCaps = staticmethod(_wrapper("small-caps"))


_FIELD_TAG = re.compile(
    "|".join(re.escape(tag) for tag in FIELD_TAGS) + "|</(?:i|b|sup|sub|span|sc)>"
)


def field_markup_to_markers(value: str) -> str:
    """Turn CSL rich-text tags in a field value into markers; other text stays text.

    Closing tags close the innermost open tag; unmatched closing tags stay text.
    """
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _FIELD_TAG.finditer(value):
        out.append(value[position : match.start()])
        tag = match.group()
        if tag in FIELD_TAGS:
            stack.append(FIELD_TAGS[tag])
            out.append(MARKS[FIELD_TAGS[tag]][0])
        elif stack:
            out.append(MARKS[stack.pop()][1])
        else:
            out.append(tag)
        position = match.end()
    out.append(value[position:])
    out.extend(MARKS[kind][1] for kind in reversed(stack))
    return "".join(out)


@attrs.frozen
class QuoteTerms:
    """The locale's quotation marks and its ``punctuation-in-quote`` option."""

    outer: tuple[str, str] = ("\u201c", "\u201d")
    inner: tuple[str, str] = ("\u2018", "\u2019")
    punctuation_in_quote: bool = False


_LITERAL_AS_QUOTES: Final = str.maketrans(
    dict(zip(LITERAL_QUOTES, (QUOTE_OPEN, QUOTE_CLOSE), strict=True))
)
_CLOSERS = "".join(MARKS[kind][1] for kind in MARKS)
_CLOSING_RUN = re.compile(f"[{_CLOSERS}{QUOTE_CLOSE}{LITERAL_CLOSE}]+[.,]?")
"""A run of closing markers and the period or comma after it (one match per run: linear)."""


def _punctuation_into_quote(match: re.Match[str]) -> str:
    """A closing run ending in ``.``/``,`` with the mark moved before its first closing quote."""
    run = match.group()
    if run[-1] not in ".,":
        return run
    quote = next(
        (index for index, char in enumerate(run) if char in (QUOTE_CLOSE, LITERAL_CLOSE)), None
    )
    if quote is None:
        return run
    return run[:quote] + run[-1] + run[quote:-1]


def resolve_quotes(text: str, terms: QuoteTerms) -> str:
    """Replace quote markers by outer and inner quotes, alternating with nesting.

    With ``punctuation-in-quote``, a period or comma right after a closing quote moves
    inside it (CSL 1.0.2, locale option ``punctuation-in-quote``); typographic quotes from
    field values are quotes like the style's when they are the locale's outer quotes, and
    keep their characters otherwise, as in citeproc-js.
    """
    if tuple(LITERAL_QUOTES.values()) == terms.outer:
        text = text.translate(_LITERAL_AS_QUOTES)
    if terms.punctuation_in_quote:
        text = _CLOSING_RUN.sub(_punctuation_into_quote, text)
    out: list[str] = []
    depth = 0
    for char in text:
        if char == QUOTE_OPEN:
            out.append((terms.outer if depth % 2 == 0 else terms.inner)[0])
            depth += 1
        elif char == QUOTE_CLOSE:
            depth = max(depth - 1, 0)
            out.append((terms.outer if depth % 2 == 0 else terms.inner)[1])
        else:
            out.append(LITERAL_QUOTES.get(char, char))
    return "".join(out)


def _escape_rtf_keeping_markers(text: str) -> str:
    return escape_rtf(text, kept=MARKERS)


ESCAPES: Final[Mapping[str, Callable[[str], str]]] = {
    "text": str,
    "html": escape_html,
    "markdown": escape_markdown,
    "rtf": _escape_rtf_keeping_markers,
}


def _balance(text: str) -> str:
    """Drop empty marker pairs such as an italic around nothing."""
    for opening, closing in MARKS.values():
        text = text.replace(opening + closing, "")
    return text


def _flip_flop(text: str, output: OutputFormat) -> str:
    """Italic inside italic (bold inside bold) turns back to normal, as CSL's flip-flop asks."""
    flips = FLIP_FLOPS.get(output, {})
    if not flips:
        return text
    closers = {MARKS[kind][1]: kind for kind in flips}
    openers = {MARKS[kind][0]: kind for kind in flips}
    out: list[str] = []
    depth = dict.fromkeys(flips, 0)
    for char in text:
        kind = openers.get(char) or closers.get(char)
        if kind is None:
            out.append(char)
            continue
        nested = depth[kind] % 2 == 1
        if char in openers:
            out.append(flips[kind][0] if nested else FORMAT_MARKUP[output][kind][0])
            depth[kind] += 1
        else:
            depth[kind] = max(depth[kind] - 1, 0)
            nested = depth[kind] % 2 == 1
            out.append(flips[kind][1] if nested else FORMAT_MARKUP[output][kind][1])
    return "".join(out)


def _spaces_after_right_close(text: str) -> str:
    """Spaces that end the right part of an aligned entry, moved after it (linear, no regex)."""
    closing = MARKS["right-inline"][1]
    pieces = text.split(closing)
    for index in range(len(pieces) - 1):
        kept = pieces[index].rstrip()
        pieces[index + 1] = pieces[index][len(kept) :] + pieces[index + 1]
        pieces[index] = kept
    return closing.join(pieces)


def finish(text: str, output: OutputFormat, quotes: QuoteTerms) -> str:
    """Turn a rendered entry with markers into *output*.

    Spaces that end the right part of an aligned entry go after it, as in citeproc-js.
    """
    text = _spaces_after_right_close(resolve_quotes(_balance(text), quotes))
    text = _flip_flop(ESCAPES[output](text), output)
    markup = FORMAT_MARKUP[output]
    for kind, (opening, closing) in MARKS.items():
        text = text.replace(opening, markup[kind][0]).replace(closing, markup[kind][1])
    return text.translate(UNSHELTER)


def html_entry(text: str) -> str:
    """Wrap a finished HTML entry in citeproc-js's ``csl-entry`` division."""
    if "csl-right-inline" in text:
        body = text.rstrip()
        return f'<div class="csl-entry">\n    {body}\n  {text[len(body) :]}</div>'
    if "csl-left-margin" in text:
        return f'<div class="csl-entry">\n    {text}</div>'
    return f'<div class="csl-entry">{text}</div>'


def wrap_marks(kind: str, text: object) -> String:
    """*text* between the markers of formatting *kind* (once: nested alike formats collapse)."""
    opening, closing = MARKS[kind]
    value = str(text)
    if value.startswith(opening) and value.endswith(closing) and value.count(opening) == 1:
        return String(value)
    return String(f"{opening}{value}{closing}")
