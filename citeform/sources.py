"""Inputs in every shape citeform accepts, behind one small class.

``citeform.read`` takes a path, a string of content, bytes, a binary or text file
object, or already parsed JSON; :class:`Source` gives readers one view of all of
them: its name (for error messages), its bytes, its text, its JSON.
"""

from __future__ import annotations

import builtins
import codecs
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final

from citeform.errors import CiteformError, LimitExceededError, UnreadableInputError

MAX_INPUT_BYTES: Final = 256 * 1024 * 1024
"""Largest input citeform reads (256 MiB); larger inputs are refused with a clear error."""

_HEAD_CHARS = 8192
_CHUNK_CHARS = 1 << 16
_UNSET: Final[Any] = object()


class Source:
    """One input, read lazily: a file path, stdin, bytes, text, or parsed JSON."""

    def __init__(
        self,
        name: str,
        *,
        path: Path | None = None,
        data: bytes | None = None,
        text: str | None = None,
        parsed: Any = _UNSET,
    ) -> None:
        """Describe an input; exactly one of *path*, *data*, *text* or *parsed* is given."""
        self.name = name
        self.path = path
        self._data = data
        self._text = text
        self._parsed = parsed

    @classmethod
    def from_any(cls, obj: Any) -> Source:  # noqa: PLR0911 - one return per input shape
        """Wrap whatever :func:`citeform.read` was given."""
        if isinstance(obj, Source):
            return obj
        if isinstance(obj, os.PathLike):
            return cls(os.fspath(obj), path=Path(obj))
        if isinstance(obj, str):
            if _looks_like_path(obj):
                return cls(obj, path=Path(obj))
            return cls("<string>", text=obj)
        if isinstance(obj, bytes | bytearray):
            return cls("<bytes>", data=bytes(obj))
        if isinstance(obj, io.TextIOBase) or hasattr(obj, "read"):
            return cls.from_file(obj)
        if isinstance(obj, list | dict):
            return cls("<json>", parsed=obj)
        raise UnreadableInputError(f"cannot read from a {type(obj).__name__}")

    @classmethod
    def from_file(cls, file: IO[Any], name: str | None = None) -> Source:
        """Read an open file object (text or binary) whole."""
        label = name or getattr(file, "name", None) or "<file>"
        content = file.read(MAX_INPUT_BYTES + 1)
        if isinstance(content, str):
            return cls(str(label), text=content)
        return cls(str(label), data=content)

    @classmethod
    def stdin(cls) -> Source:
        """The standard input, read as bytes."""
        return cls("<stdin>", data=sys.stdin.buffer.read(MAX_INPUT_BYTES + 1))

    @property
    def suffix(self) -> str:
        """The file suffix in lower case (``".bib"``), or ``""``."""
        return self.path.suffix.lower() if self.path else ""

    @property
    def parsed(self) -> Any:
        """The JSON object the source was given as, or ``None``."""
        return None if self._parsed is _UNSET else self._parsed

    def bytes(self) -> bytes:
        """The content as bytes."""
        if self._data is None:
            if self.path is not None:
                self._data = self._read_path()
            elif self._text is not None:
                self._data = self._text.encode("utf-8")
            else:
                self._data = json.dumps(self._parsed).encode("utf-8")
        if len(self._data) > MAX_INPUT_BYTES:
            raise LimitExceededError(
                f"input larger than {MAX_INPUT_BYTES // 2**20} MiB", source=self.name
            )
        return self._data

    def text(self) -> str:
        """The content as text: UTF-8, or UTF-16/32 told by a byte order mark or NUL bytes."""
        if self._text is None:
            data = self.bytes()
            encoding = text_encoding(data)
            try:
                self._text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableInputError(
                    "not UTF-8 text" if encoding == "utf-8-sig" else f"not valid {encoding} text",
                    source=self.name,
                    position=f"byte {error.start}",
                    value=data[error.start : error.start + 8],
                ) from None
        return self._text

    def head(self) -> str:
        """The first few kilobytes as text, for sniffing (undecodable bytes replaced)."""
        if self._text is not None:
            return self._text[:_HEAD_CHARS]
        if self._parsed is not _UNSET:
            return json.dumps(self._parsed)[:_HEAD_CHARS]
        if self._data is None and self.path is not None:
            head = self._read_path(_HEAD_CHARS * 4)  # sniffing must not load a large file whole
        else:
            head = self.bytes()[: _HEAD_CHARS * 4]
        return head.decode(text_encoding(head), "replace")[:_HEAD_CHARS]

    def text_chunks(self, size: int = _CHUNK_CHARS) -> Iterator[str]:
        """The content as text in pieces of about *size* characters (a file read piece by piece)."""
        if self.path is None or self._data is not None or self._text is not None:
            text = self.text()
            for start in range(0, len(text), size):
                yield text[start : start + size]
            return
        try:
            with self.path.open("rb") as file:
                yield from _decoded(iter(lambda: file.read(size), b""), self.name)
        except OSError as error:
            raise UnreadableInputError(error.strerror or str(error), source=self.name) from None

    def json(self) -> Any:
        """The content parsed as JSON; errors name the line and column."""
        if self._parsed is _UNSET:
            try:
                self._parsed = json.loads(self.text())
            except (RecursionError, ValueError) as error:
                raise json_error(error, self.name) from None
        return self._parsed

    def _read_path(self, size: int = MAX_INPUT_BYTES + 1) -> builtins.bytes:
        assert self.path is not None  # noqa: S101 - only called for paths
        try:
            with self.path.open("rb") as file:
                return file.read(size)
        except OSError as error:
            raise UnreadableInputError(error.strerror or str(error), source=self.name) from None


def json_error(
    error: RecursionError | ValueError, name: str, lines_before: int = 0, columns_before: int = 0
) -> CiteformError:
    """The citeform error for a failure of :mod:`json` on the input *name*.

    When only a part of the input was parsed, *lines_before* counts the line breaks
    before that part and *columns_before* the characters before it on its first line.
    """
    if isinstance(error, RecursionError):
        return LimitExceededError("JSON nested too deeply", source=name)
    if isinstance(error, json.JSONDecodeError):
        column = error.colno + (columns_before if error.lineno == 1 else 0)
        return UnreadableInputError(
            f"not valid JSON: {error.msg}",
            source=name,
            position=f"line {lines_before + error.lineno} column {column}",
        )
    return LimitExceededError(  # an integer longer than Python converts
        f"JSON number longer than {sys.get_int_max_str_digits()} digits", source=name
    )


def _decoded(pieces: Iterator[bytes], name: str) -> Iterator[str]:
    """Decode *pieces* in the encoding the first tells; refuse input over the size limit."""
    decoder: codecs.IncrementalDecoder | None = None
    encoding = "utf-8"
    seen = 0
    for piece in pieces:
        start = 0
        if decoder is None:
            encoding = text_encoding(piece)
            if encoding == "utf-8-sig":  # the mark dropped here, so that byte offsets stay true
                encoding = "utf-8"
                start = len(codecs.BOM_UTF8) if piece.startswith(codecs.BOM_UTF8) else 0
            decoder = codecs.getincrementaldecoder(encoding)()
        pending = len(decoder.getstate()[0])
        seen += len(piece)
        if seen > MAX_INPUT_BYTES:
            raise LimitExceededError(
                f"input larger than {MAX_INPUT_BYTES // 2**20} MiB", source=name
            )
        try:
            yield decoder.decode(piece[start:])
        except UnicodeDecodeError as error:
            offset = seen - len(piece) + start - pending + error.start
            raise _not_text(encoding, name, offset, error) from None
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise _not_text(encoding, name, seen - len(error.object) + error.start, error) from None


def _not_text(encoding: str, name: str, offset: int, error: UnicodeDecodeError) -> CiteformError:
    return UnreadableInputError(
        "not UTF-8 text" if encoding == "utf-8" else f"not valid {encoding} text",
        source=name,
        position=f"byte {offset}",
        value=error.object[error.start : error.start + 8],
    )


_BYTE_ORDER_MARKS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte order marks, the four-byte ones first (UTF-32 LE starts like UTF-16 LE)."""


def text_encoding(data: builtins.bytes) -> str:
    """The encoding of text *data*: told by its byte order mark, else by its NUL bytes.

    Text without a mark is UTF-8, unless its first bytes have a NUL in every other
    place, as UTF-16 text of mostly Latin letters has (``utf-16-le`` or ``-be``).
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    sample = data[:512]
    pairs = len(sample) // 2
    if pairs >= 2 and sample.count(0) >= pairs * 3 // 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        if odd_nuls >= pairs * 3 // 4 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls >= pairs * 3 // 4 and odd_nuls == 0:
            return "utf-16-be"
    return "utf-8-sig"


_PATH_SUFFIXES: Final = frozenset(
    {".json", ".bib", ".biblatex", ".ris", ".xml", ".txt", ".csljson", ".html", ".htm"}
)


def _looks_like_path(text: str) -> bool:
    """Whether a string given to ``read`` names a file rather than holding content.

    An existing file is a path; so is a one-line string with a record file's suffix,
    so that a mistyped file name gives "no such file" rather than a parse error.
    """
    if "\n" in text or len(text) > 4096:
        return False
    path = Path(text)
    try:
        exists = path.is_file()
    except OSError:  # e.g. a name longer than the file system allows: content, not a path
        exists = False
    return exists or (path.suffix.lower() in _PATH_SUFFIXES and text[:1] not in "[{<@")
