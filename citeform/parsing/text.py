"""Whitespace, dash and Unicode helpers shared by the parsers.

Text is compared and matched in Unicode NFC, so that "Städtetag" typed with a
precomposed "ä" and with "a" plus a combining diaeresis (NFD, as some systems
write it) are the same word. The record keeps the text as given: what a parser
cuts out of a value (a name's parts, a call number) is cut from the value as given,
at the places the match in the NFC form found (:class:`NfcView`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Iterator

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
"""Characters read as a range separator: hyphen, non-breaking hyphen, dashes, minus."""


def squash(text: str) -> str:
    """Return *text* trimmed, with every run of whitespace (no-break space too) as one space."""
    return " ".join(text.split())


def nfc(text: str) -> str:
    """*text* in Unicode NFC, the form in which text is compared and matched."""
    return unicodedata.normalize("NFC", text)


class NfcView:
    """A text as given and its NFC form, for matching in the one and cutting from the other.

    ``text`` is the NFC form; :meth:`cut` turns offsets in it into the same stretch of
    the text as given. Text that is already NFC is its own view. The way back is kept
    only for the pieces that NFC changes (a letter with its marks), so it costs time and
    memory in proportion to those.
    """

    def __init__(self, given: str) -> None:
        """View *given* (any text) with its NFC form."""
        self.given = given
        self.text = nfc(given)
        self._changes: _Changes | None = None

    def cut(self, start: int, end: int) -> str:
        """The given text that stands at ``text[start:end]``."""
        if self.text == self.given:
            return self.given[start:end]
        if self._changes is None:
            self._changes = _Changes(self.given, self.text)
        return self.given[self._changes.back(start) : self._changes.back(end)]

    def group(self, match: re.Match[str] | None, group: int = 0) -> str | None:
        """The given text of a group of a match in ``text``; ``None`` when it matched nothing."""
        if match is None or match.start(group) < 0:
            return None
        return self.cut(*match.span(group))

    def after(self, match: re.Match[str] | None) -> str:
        """The given text after a match in ``text`` (all of it when there is no match)."""
        return self.cut(match.end() if match else 0, len(self.text))


_BEYOND_LATIN = re.compile("[^\x00-\u02ff]+")  # U+0300 and up; a complement compiles 50x faster
"""A run of characters that NFC may change or join to the character before the run.

Characters below U+0300 are left alone by NFC and never joined to the one before them.
"""


class _Changes:
    """The pieces of a text that NFC changes: where each stands in the NFC form and as given.

    A piece is a character with what NFC joins to it (its marks, a following jamo); an
    offset into the NFC form inside a changed piece goes back to the piece's start.
    """

    def __init__(self, given: str, normal: str) -> None:
        self.starts, self.ends = array("q"), array("q")
        self.given_starts, self.given_ends = array("q"), array("q")
        if not self._find(given, normal):  # a sequence beyond the piece rule: one piece
            for column, value in zip(self._columns(), (0, len(normal), 0, len(given)), strict=True):
                column[:] = array("q", [value])

    def _columns(self) -> tuple[array[int], ...]:
        return self.starts, self.ends, self.given_starts, self.given_ends

    def _find(self, given: str, normal: str) -> bool:
        """Record the changed pieces; ``False`` when the pieces do not add up to *normal*."""
        shift = 0  # offset in *normal* minus offset in *given*, before the current run
        for run in _BEYOND_LATIN.finditer(given):
            start = max(run.start() - 1, 0)
            for piece_start, piece_end in _pieces(given, start, run.end()):
                piece = given[piece_start:piece_end]
                normalised = nfc(piece)
                at = piece_start + shift
                if not normal.startswith(normalised, at):
                    return False
                if normalised != piece:
                    row = (at, at + len(normalised), piece_start, piece_end)
                    for column, value in zip(self._columns(), row, strict=True):
                        column.append(value)
                    shift += len(normalised) - len(piece)
        return len(given) + shift == len(normal)

    def back(self, offset: int) -> int:
        """The offset into the given text of *offset* into the NFC form."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        if offset < self.ends[index]:
            return self.given_starts[index]
        return self.given_ends[index] + offset - self.ends[index]


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The pieces of ``text[start:end]``, which starts and ends at a piece boundary."""
    piece_start = start
    for index in range(start + 1, end):
        char = text[index]
        if unicodedata.combining(unicodedata.normalize("NFD", char)[0]):
            continue
        piece = text[piece_start:index]
        if nfc(piece + char) == nfc(piece) + nfc(char):
            yield piece_start, index
            piece_start = index
    yield piece_start, end
