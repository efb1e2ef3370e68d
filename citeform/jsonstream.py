"""A JSON array read element by element from text that arrives in pieces.

Built on the standard library's :meth:`json.JSONDecoder.raw_decode`, which decodes
one value at an offset of a string: the reader keeps a buffer of about one element
(and one piece of input), and each element is decoded by the same C-accelerated
decoder, with the same error messages, as a whole input read by :func:`json.loads`.
This needs no further dependency (an event parser such as ijson would be one) and
is as fast per element as whole-input parsing. Error positions are lines and
columns of the whole input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

from citeform.errors import CiteformError
from citeform.sources import json_error

_DECODER: Final = json.JSONDecoder()
_SPACE: Final = re.compile(r"[ \t\n\r]*")


class _Buffer:
    """The unread text of a stream of pieces, with the position of its start in the input."""

    def __init__(self, pieces: Iterable[str], name: str) -> None:
        self._pieces = iter(pieces)
        self.name = name
        self.text = ""
        self.pos = 0
        self.done = False
        self._lines = 0
        self._columns = 0

    def more(self) -> bool:
        """Drop the text before ``pos`` and at least double what is left; False at the end."""
        wanted = max(len(self.text) - self.pos, 1)
        added: list[str] = []
        size = 0
        while size < wanted:
            piece = next(self._pieces, None)
            if piece is None:
                self.done = True
                break
            added.append(piece)
            size += len(piece)
        if not added:
            return False
        self._drop()
        self.text += "".join(added)
        return True

    def _drop(self) -> None:
        consumed = self.text[: self.pos]
        newlines = consumed.count("\n")
        if newlines:
            self._lines += newlines
            self._columns = len(consumed) - consumed.rindex("\n") - 1
        else:
            self._columns += len(consumed)
        self.text = self.text[self.pos :]
        self.pos = 0

    def peek(self) -> str:
        """The next character that is not white space, or ``""`` at the end."""
        while True:
            match = _SPACE.match(self.text, self.pos)
            assert match is not None  # noqa: S101 - the pattern matches the empty string
            self.pos = match.end()
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos : self.pos + 1]

    def value(self) -> Any:
        """Decode the next value and move past it."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                if self.more():  # the value may only be cut short
                    continue
                raise self.error(error) from None
            except (RecursionError, ValueError) as error:
                raise json_error(error, self.name) from None
            if end == len(self.text) and self.more():  # a number may go on in the next piece
                continue
            self.pos = end
            return value

    def error(self, error: json.JSONDecodeError) -> CiteformError:
        """The citeform error for *error*, placed in the whole input."""
        return json_error(error, self.name, self._lines, self._columns)

    def fail(self, message: str) -> CiteformError:
        """The error *message* at ``pos``, worded as :mod:`json` words it."""
        return self.error(json.JSONDecodeError(message, self.text, self.pos))


def starts_array(head: str) -> bool:
    """Whether text beginning with *head* is a JSON array."""
    return head.lstrip(" \t\n\r")[:1] == "["


def iter_array(pieces: Iterable[str], name: str) -> Iterator[Any]:
    """Yield each element of the JSON array that the text *pieces* make up, in order.

    Invalid JSON raises :class:`~citeform.errors.UnreadableInputError` naming *name*,
    the line and the column, once the elements before it have been yielded.
    """
    buffer = _Buffer(pieces, name)
    if buffer.peek() != "[":
        raise buffer.fail("Expecting '['")
    buffer.pos += 1
    if buffer.peek() == "]":
        buffer.pos += 1
    else:
        while True:
            yield buffer.value()
            delimiter = buffer.peek()
            if delimiter not in {",", "]"}:
                raise buffer.fail("Expecting ',' delimiter")
            buffer.pos += 1
            if delimiter == "]":
                break
    if buffer.peek():
        raise buffer.fail("Extra data")
