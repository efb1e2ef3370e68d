"""CSL-JSON's rich-text markup in field values, read into :class:`~citeform.engine.csl.rich.Rich`.

Values may hold ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
``<span class="nodecor">``, and quoted passages: straight double or single quotes,
or the locale's own marks. A quote opens before a word and closes after one, across
tags (``"<i>Title</i>"``); a single quote between letters is an apostrophe. Anything
else, unbalanced tags and quotes among it, is text.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from citeform.engine.csl.rich import DEFAULT_QUOTES, Formatting, Part, Quotes, Rich

_TAG: Final = r'<(/?)(i|b|sup|sub|sc|span)((?:\s+(?:style|class)="[^"]*")?)\s*>'
_OPENING: Final[dict[str, Formatting]] = {
    "i": (("font-style", "italic"),),
    "b": (("font-weight", "bold"),),
    "sup": (("vertical-align", "sup"),),
    "sub": (("vertical-align", "sub"),),
    "sc": (("font-variant", "small-caps"),),
}
_NODECOR: Final[Formatting] = (
    ("font-style", "normal"),
    ("font-weight", "normal"),
    ("font-variant", "normal"),
)
"""``<span class="nodecor">``: the formatting around it undone (its case kept too)."""

_CASE_KEPT: Final = frozenset({"sc", "sup", "sub"})
"""Markup whose text keeps its case under text-case, as citeproc-js keeps it."""

_STRAIGHT: Final = frozenset({'"', "'"})
_OPENS_AFTER: Final = frozenset("([{\u2014\u2013-/\u201c\u2018\u00ab>")
"""Characters after which a quotation mark may open although they are not spaces."""


def _span_formatting(attributes: str) -> tuple[Formatting, bool] | None:
    if "nocase" in attributes:
        return (), True
    if "nodecor" in attributes:
        return _NODECOR, True
    if "small-caps" in attributes:
        return (("font-variant", "small-caps"),), True
    return None


@attrs.frozen
class _Marks:
    """The quotation marks read in a value: which closes which."""

    pattern: re.Pattern[str]
    closing: dict[str, str]
    """Opening mark -> its closing mark."""
    inner: frozenset[str]
    """Opening marks of passages written in the locale's inner marks."""


@functools.cache
def _marks(quotes: Quotes) -> _Marks:
    closing = {'"': '"', "'": "'"}
    inner = set()
    for opening, close, is_inner in (
        (quotes.open, quotes.close, False),
        (quotes.open_inner, quotes.close_inner, True),
    ):
        if opening.strip() and close.strip() and not {opening, close} & _STRAIGHT:
            closing[opening.strip()] = close.strip()
            if is_inner:
                inner.add(opening.strip())
    marks = sorted(set(closing) | set(closing.values()), key=len, reverse=True)
    alternatives = "|".join(re.escape(mark) for mark in marks)
    pattern = re.compile(f"{_TAG}|(?P<quote>{alternatives})", re.IGNORECASE)
    return _Marks(pattern, closing, frozenset(inner))


_SENTENCE_END: Final = re.compile("[.:;!?][\"'\u201d\u2019\u00bb\u202f\u00a0 ]*$")
_ANY_TAG: Final = re.compile(r"<[^>]+>")
_SPACE_BEFORE_MARK: Final = re.compile(" ([:;?!\u00bb])")
"""A space before these marks is a narrow no-break one, as citeproc-js writes it."""


def ends_sentence(prefix: str) -> bool:
    """Whether a cite's *prefix* of more than one word ends a sentence (``See also. ``).

    What follows such a prefix starts with a capital, as at the start of a note.
    """
    return " " in prefix.strip() and bool(_SENTENCE_END.search(_ANY_TAG.sub("", prefix)))


def apostrophes(text: str) -> str:
    """Straight apostrophes as typographic ones, as citeproc-js prints them."""
    return text.replace("'", "\u2019")


@attrs.define
class _Frame:
    """An open tag or quote while reading: what opened it and what it holds so far."""

    opening: str
    """The tag or quotation mark as written (text again if it never closes)."""
    close: str
    """The tag name or the quotation mark that closes it."""
    formatting: Formatting = ()
    nocase: bool = False
    quoted: bool = False
    inner: bool = False
    parts: list[Part] = attrs.Factory(list)

    def node(self) -> Rich:
        parts = tuple(_merged(self.parts))
        return Rich(
            parts,
            self.formatting,
            nocase=self.nocase,
            quoted=self.quoted,
            inner=self.inner,
            markup=bool(self.formatting),
        )

    def as_text(self) -> list[Part]:
        literal = apostrophes(self.opening) if self.quoted else self.opening
        return [literal, *self.parts]


def _can_open(text: str, start: int, end: int) -> bool:
    """A mark at ``text[start:end]`` may open: it starts a word."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not after.isspace() and (before.isspace() or before in _OPENS_AFTER)


def _can_close(text: str, start: int, end: int) -> bool:
    """A mark at ``text[start:end]`` may close: it ends a word."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and not after.isalnum()


def parse_markup(text: str, quotes: Quotes = DEFAULT_QUOTES) -> Part:
    """*text* with its markup and quoted passages as nodes (plain *text* when it has none).

    A quoted passage followed by more of the value is ``sealed``: the style's
    punctuation after it stays outside, as citeproc-js keeps it. A value is read once
    and its (immutable) nodes shared after: an item's fields print in its entry, its
    cites and the forms compared for ambiguity.
    """
    return _parse_cached(str(text), quotes)


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str, quotes: Quotes) -> Part:
    marks = _marks(quotes)
    text = _SPACE_BEFORE_MARK.sub("\u202f\\1", text).replace("\u00ab ", "\u00ab\u202f")
    stack = [_Frame("", "")]
    position = 0
    for match in marks.pattern.finditer(text):
        if match.start() > position:
            stack[-1].parts.append(apostrophes(text[position : match.start()]))
        position = match.end()
        mark = match.group("quote")
        if mark is not None:
            _quote(stack, marks, text, match)
        else:
            _tag(stack, match)
    if position < len(text):
        stack[-1].parts.append(apostrophes(text[position:]))
    for frame in stack[1:]:  # unclosed tags and quotes are text, in the order written
        stack[0].parts.extend(frame.as_text())
    parts = _sealed(_merged(stack[0].parts))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else Rich(tuple(parts))


def _quote(stack: list[_Frame], marks: _Marks, text: str, match: re.Match[str]) -> None:
    mark, start, end = match.group("quote"), match.start(), match.end()
    top = stack[-1]
    if top.quoted and top.close == mark and _can_close(text, start, end):
        stack.pop()
        stack[-1].parts.append(top.node())
    elif mark in marks.closing and (
        mark not in _STRAIGHT or _can_open(text, start, end) or (top.quoted and not top.parts)
    ):
        stack.append(_Frame(mark, marks.closing[mark], quoted=True, inner=mark in marks.inner))
    else:
        top.parts.append(apostrophes(mark))


def _tag(stack: list[_Frame], match: re.Match[str]) -> None:
    closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
    if not closing:
        if name == "span":
            found = _span_formatting(attributes)
            if found is None:
                stack[-1].parts.append(match.group())
                return
            formatting, nocase = found
        else:
            formatting, nocase = _OPENING[name], name in _CASE_KEPT
        stack.append(_Frame(match.group(), name, formatting, nocase))
    elif len(stack) > 1 and not stack[-1].quoted and stack[-1].close == name:
        frame = stack.pop()
        stack[-1].parts.append(frame.node())
    else:
        stack[-1].parts.append(match.group())


def _merged(parts: list[Part]) -> list[Part]:
    """*parts* with neighbouring strings joined."""
    merged: list[Part] = []
    run: list[str] = []
    for part in parts:
        if isinstance(part, str):
            run.append(part)
            continue
        if run:
            merged.append("".join(run))
            run = []
        merged.append(part)
    if run:
        merged.append("".join(run))
    return [part for part in merged if part != ""]


def _sealed(parts: list[Part]) -> list[Part]:
    """*parts* with each quoted passage that more of the value follows marked sealed."""
    result: list[Part] = []
    for index, part in enumerate(parts):
        if isinstance(part, Rich):
            inner = _sealed(list(part.parts))
            sealed = part.sealed or (part.quoted and index < len(parts) - 1)
            result.append(attrs.evolve(part, parts=tuple(inner), sealed=sealed))
        else:
            result.append(part)
    return result
