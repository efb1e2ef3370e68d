"""citeform: bibliographic records in, correct citations out.

Read records from DSpace, CSL-JSON, BibTeX or RIS, write them in any of these,
render them in any CSL style and locale, and fill DSpace's empty Zitierform.

>>> import citeform
>>> records = citeform.read('[{"id": "a", "type": "book", "title": "Ein Buch"}]')
>>> records[0].get("title")
'Ein Buch'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from citeform.errors import (
    BadRecordError,
    CiteformError,
    LimitExceededError,
    RenderError,
    UnknownFormatError,
    UnknownLocaleError,
    UnknownStyleError,
    UnreadableInputError,
)
from citeform.io import Records, iter_read, read, write
from citeform.model import Date, Name, Origin, Record, Unmapped
from citeform.registry import Format, get_format, list_formats, register

if TYPE_CHECKING:
    from citeform.filling import fill
    from citeform.rendering import CiteItem, Renderer, cite

__all__ = [
    "BadRecordError",
    "CiteItem",
    "CiteformError",
    "Date",
    "Format",
    "LimitExceededError",
    "Name",
    "Origin",
    "Record",
    "Records",
    "RenderError",
    "Renderer",
    "UnknownFormatError",
    "UnknownLocaleError",
    "UnknownStyleError",
    "Unmapped",
    "UnreadableInputError",
    "__version__",
    "cite",
    "fill",
    "get_format",
    "iter_read",
    "list_formats",
    "read",
    "register",
    "write",
]

_LAZY = {
    "Renderer": "citeform.rendering",
    "CiteItem": "citeform.rendering",
    "cite": "citeform.rendering",
    "fill": "citeform.filling",
}
"""Names whose modules load the CSL engine: imported on first use, to keep imports fast."""


def __getattr__(name: str) -> Any:
    """Return ``__version__`` and the lazily imported rendering API."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - slow to import, rarely needed

        return version("citeform")
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'citeform' has no attribute {name!r}")
