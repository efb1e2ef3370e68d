"""citeform's error model: one base class, a few kinds, each saying where and what.

Every error carries the ``source`` (a file name, ``<stdin>`` or ``<string>``), the
``position`` inside it (a line, an item index, an XML path) and the offending
``value``, shortened. ``str(error)`` is one line, fit for a terminal.
"""

from __future__ import annotations

from typing import ClassVar

_MAX_VALUE = 60


def shorten(value: object, limit: int = _MAX_VALUE) -> str:
    """Return ``repr``-like text of *value*, cut to *limit* characters."""
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CiteformError(Exception):
    """Base of every error citeform raises on purpose."""

    kind: ClassVar[str] = "error"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        position: str | None = None,
        value: object = None,
    ) -> None:
        """Describe what went wrong, where (*source*, *position*) and with which *value*."""
        super().__init__(message)
        self.message = message
        self.source = source
        self.position = position
        self.value = None if value is None else shorten(value)

    def located(self, *, source: str | None = None, position: str | None = None) -> CiteformError:
        """Fill in *source* and *position* where they are still unknown; return self."""
        if self.source is None:
            self.source = source
        if self.position is None:
            self.position = position
        return self

    def __str__(self) -> str:
        """One line: ``source:position: message (value: '…')``."""
        where = ":".join(part for part in (self.source, self.position) if part)
        text = f"{where}: {self.message}" if where else self.message
        if self.value is not None:
            text += f" (value: {self.value!r})"
        return text


class UnreadableInputError(CiteformError):
    """The input cannot be read at all: missing file, bad encoding, broken syntax."""

    kind = "unreadable-input"


class UnknownFormatError(CiteformError):
    """No format of that name, or the format of an input cannot be told."""

    kind = "unknown-format"


class BadRecordError(CiteformError):
    """One record is not usable; the records around it are."""

    kind = "bad-record"


class UnknownStyleError(CiteformError):
    """No CSL style of that name or path."""

    kind = "unknown-style"


class UnknownLocaleError(CiteformError):
    """No CSL locale of that name."""

    kind = "unknown-locale"


class RenderError(CiteformError):
    """A record could not be rendered in a style."""

    kind = "render-failure"


class LimitExceededError(UnreadableInputError):
    """An input is larger or deeper than citeform's documented limits."""

    kind = "limit-exceeded"
