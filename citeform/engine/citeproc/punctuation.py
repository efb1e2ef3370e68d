"""Punctuation where rendered pieces meet (affixes, delimiters), as citeproc-js merges it.

citeproc-py only drops an identical mark ("J.." -> "J."). citeproc-js also looks through
closing formatting and quotes and merges unlike marks: a period after "?", "!", ":" or
";" goes ("Why?." -> "Why?"), a colon after ";", "!" or "?" goes, and "!" or "?" replaces
a colon or semicolon before it. Only seams are touched, never the inside of a value.

Replaces ``Affixed.wrap`` and ``Delimited.join`` for every element.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from citeproc.string import MixedString, String

from citeform.engine.citeproc.formats import LITERAL_CLOSE, MARKS, QUOTE_CLOSE
from citeform.engine.citeproc.loader import ANY_TAG

_TRANSPARENT: Final = frozenset({MARKS[kind][1] for kind in MARKS} | {QUOTE_CLOSE, LITERAL_CLOSE})
"""Closing markers the seam looks through to find the last visible mark."""
_MARKS: Final = frozenset(".,;:!?")
_DROP_AFTER: Final[dict[str, frozenset[str]]] = {
    ".": frozenset(".:;!?"),
    ":": frozenset(":;!?"),
    ";": frozenset(";"),
    ",": frozenset(","),
    "!": frozenset("!"),
    "?": frozenset("?"),
}
"""Mark that starts the right piece -> marks ending the left piece that make it go."""
_REPLACES: Final[dict[str, frozenset[str]]] = {"!": frozenset(":;"), "?": frozenset(":;")}
"""Mark that starts the right piece -> marks ending the left piece it takes the place of."""


def _last_mark(text: str) -> int | None:
    """Index of the last visible character, looking through closing markers."""
    index = len(text) - 1
    while index >= 0 and text[index] in _TRANSPARENT:
        index -= 1
    return index if index >= 0 else None


def _replace_char(value: Any, index: int, char: str) -> Any:
    """*value* with the character at *index* of its text replaced (segments kept)."""
    if not isinstance(value, MixedString):
        text = str(value)
        kind = type(value) if isinstance(value, String) else String
        return kind(text[:index] + char + text[index + 1 :])
    segments, offset = [], 0
    for segment in value:
        text = str(segment)
        if offset <= index < offset + len(text):
            local = index - offset
            segment = type(segment)(text[:local] + char + text[local + 1 :])  # noqa: PLW2901
        segments.append(segment)
        offset += len(text)
    return MixedString(segments)


def _drop_first(value: Any) -> Any:
    """*value* without its first character (segments kept)."""
    if isinstance(value, MixedString):
        segments = list(value)
        head = type(segments[0])(str(segments[0])[1:])
        return MixedString([head, *segments[1:]] if str(head) else segments[1:])
    return type(value)(str(value)[1:]) if isinstance(value, String) else String(str(value)[1:])


def attach(left: Any, right: Any) -> Any:
    """``left + right`` with the punctuation at the seam merged."""
    left_text, right_text = str(left), str(right)
    if not left_text or not right_text:
        return right if not left_text else left
    first = right_text[0]
    index = _last_mark(left_text) if first in _MARKS else None
    last = left_text[index] if index is not None else ""
    if (first == " " and left_text.endswith(" ")) or (last and last in _DROP_AFTER.get(first, ())):
        drop = True
    elif index is not None and last in _REPLACES.get(first, ()):
        left, drop = _replace_char(left, index, first), True
    else:
        drop = False
    if not drop:
        return left + right
    return left + _drop_first(right) if len(right_text) > 1 else left


class SeamPunctuation:
    """Every element: affixes and delimiters attached with :func:`attach`."""

    def wrap(self, string: Any) -> Any:
        """The element's prefix and suffix around *string*."""
        if string is None:
            return None
        prefix = self.get("prefix", "")  # type: ignore[attr-defined]
        suffix = self.get("suffix", "")  # type: ignore[attr-defined]
        text = attach(String(prefix), string) if prefix else string
        return attach(text, String(suffix)) if suffix else text

    def join(self, strings: Iterable[Any], default_delimiter: str = "") -> Any:
        """*strings* (``None`` left out) joined with the element's delimiter."""
        delimiter = String(self.get("delimiter", default_delimiter))  # type: ignore[attr-defined]
        output: Any = None
        for piece in strings:
            if piece is None:
                continue
            output = piece if output is None else attach(attach(output, delimiter), piece)
        return String("") if output is None else output


OVERRIDES: Final = {ANY_TAG: SeamPunctuation}
