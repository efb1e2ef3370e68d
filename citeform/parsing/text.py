"""Whitespace, dash and Unicode helpers shared by the parsers.

Text is compared and matched in Unicode NFC, so that "Städtetag" typed with a
precomposed "ä" and with "a" plus a combining diaeresis (NFD, as some systems
write it) are the same word. The record keeps the text as given: what a parser
cuts out of a value (a name's parts, a call number) is cut from the value as given,
at the places the match in the NFC form found (:class:`NfcView`).
"""

from __future__ import annotations

import re
import unicodedata

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
"""Characters read as a range separator: hyphen, non-breaking hyphen, dashes, minus."""

_NEVER_COMPOSES_WITH_PREVIOUS = "\u0300"
"""Characters below this one never join the character before them in NFC."""


def squash(text: str) -> str:
    """Return *text* trimmed, with every run of whitespace (no-break space too) as one space."""
    return " ".join(text.split())


def nfc(text: str) -> str:
    """*text* in Unicode NFC, the form in which text is compared and matched."""
    return unicodedata.normalize("NFC", text)


class NfcView:
    """A text as given and its NFC form, for matching in the one and cutting from the other.

    ``text`` is the NFC form; :meth:`cut` turns offsets in it into the same stretch of
    the text as given. Text that is already NFC is its own view.
    """

    def __init__(self, given: str) -> None:
        """View *given* (any text) with its NFC form."""
        self.given = given
        self.text = nfc(given)
        self._back: list[int] | None = None

    def cut(self, start: int, end: int) -> str:
        """The given text that stands at ``text[start:end]``."""
        if self.text == self.given:
            return self.given[start:end]
        if self._back is None:
            self._back = _offsets_back(self.given, self.text)
        return self.given[self._back[start] : self._back[end]]

    def group(self, match: re.Match[str] | None, group: int = 0) -> str | None:
        """The given text of a group of a match in ``text``; ``None`` when it matched nothing."""
        if match is None or match.start(group) < 0:
            return None
        return self.cut(*match.span(group))

    def after(self, match: re.Match[str] | None) -> str:
        """The given text after a match in ``text`` (all of it when there is no match)."""
        return self.cut(match.end() if match else 0, len(self.text))


def _offsets_back(given: str, normal: str) -> list[int]:
    """For each offset into *normal* (the NFC form of *given*), the offset into *given*.

    *given* is cut into pieces that normalise on their own (a character with the marks
    and the characters that NFC joins to it); an offset inside a normalised piece maps
    to the piece's start.
    """
    starts = _piece_starts(given)
    pieces = [nfc(given[a:b]) for a, b in zip(starts, [*starts[1:], len(given)], strict=True)]
    if "".join(pieces) != normal:  # a sequence beyond the piece rule: one piece
        starts, pieces = [0], [normal]
    back: list[int] = []
    for start, piece in zip(starts, pieces, strict=True):
        back.extend([start] * len(piece))
    back.append(len(given))
    return back


def _piece_starts(text: str) -> list[int]:
    """Where each piece of *text* starts: at every character NFC cannot join to the one before."""
    starts = [0]
    for index in range(1, len(text)):
        char = text[index]
        if char < _NEVER_COMPOSES_WITH_PREVIOUS:
            starts.append(index)
        elif not unicodedata.combining(unicodedata.normalize("NFD", char)[0]):
            piece = text[starts[-1] : index]
            if nfc(piece + char) == nfc(piece) + nfc(char):
                starts.append(index)
    return starts
