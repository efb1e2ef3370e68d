"""citeform: bibliographic records in, correct citations out.

Read records from DSpace, CSL-JSON, BibTeX or RIS, write them in any of these,
render them in any CSL style and locale, and fill DSpace's empty Zitierform.

>>> import citeform
>>> records = citeform.read('[{"id": "a", "type": "book", "title": "Ein Buch"}]')
>>> records[0].get("title")
'Ein Buch'
"""

from __future__ import annotations

from citeform._lazy import lazy_getattr

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    from citeform.filling import fill
    from citeform.io import Records, iter_read, read, write
    from citeform.model import Date, Name, Origin, Record, Unmapped
    from citeform.registry import Format, get_format, list_formats, register
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

_HOMES = {
    **dict.fromkeys(
        (
            "BadRecordError",
            "CiteformError",
            "LimitExceededError",
            "RenderError",
            "UnknownFormatError",
            "UnknownLocaleError",
            "UnknownStyleError",
            "UnreadableInputError",
        ),
        "citeform.errors",
    ),
    **dict.fromkeys(("Records", "iter_read", "read", "write"), "citeform.io"),
    **dict.fromkeys(("Date", "Name", "Origin", "Record", "Unmapped"), "citeform.model"),
    **dict.fromkeys(("Format", "get_format", "list_formats", "register"), "citeform.registry"),
    **dict.fromkeys(("CiteItem", "Renderer", "cite"), "citeform.rendering"),
    "fill": "citeform.filling",
}
"""The module of each public name: imported on first use, so that ``import citeform`` is quick."""

_lookup = lazy_getattr(__name__, _HOMES)


def __getattr__(name: str) -> object:
    """Return ``__version__`` and the public names, each imported on first use."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - slow to import, rarely needed

        return version("citeform")
    return _lookup(name)


def __dir__() -> list[str]:
    """The public names, with those already imported."""
    return sorted({*globals(), *__all__})
