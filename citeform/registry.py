"""The format registry: readers and writers by name, detection from content.

Built-in formats live in :mod:`citeform.formats`, one module each, every module
exposing ``FORMATS``. Other packages add formats through the entry-point group
``citeform.formats`` (an entry point names a :class:`Format` or a sequence of
them), or at run time with :func:`register`.
"""

from __future__ import annotations

import importlib
import pkgutil
import warnings
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import entry_points
from typing import Any

import attrs

from citeform.coverage import Coverage
from citeform.errors import CiteformError, UnknownFormatError
from citeform.model import Record
from citeform.sources import Source

Reader = Callable[[Source], Iterable[Record | CiteformError]]
"""Yields a record, or the error of one record, for each record in a source."""

Writer = Callable[..., str]
"""Called as ``writer(records, **options)``; returns the text of all records."""

Sniffer = Callable[[Source], bool]
"""Tells from a source's head (or parsed JSON) whether it is in this format."""

Coverer = Callable[[Record], Coverage]
"""Tells which variables of a record a writer carries natively, in its extra field, or not."""

ENTRY_POINT_GROUP = "citeform.formats"


@attrs.frozen
class Format:
    """A named format: how to read it, how to write it, how to recognise it."""

    name: str
    description: str
    read: Reader | None = None
    write: Writer | None = None
    sniff: Sniffer | None = None
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    priority: int = 0
    """Among several formats that recognise a source, the highest priority wins."""
    coverage: Coverer | None = None
    """What the writer carries of a record; ``None`` for writers of one field (not a record)."""


class Registry:
    """Formats by name; the built-ins and entry points are loaded on first use."""

    def __init__(self) -> None:
        """Start empty; :meth:`load_plugins` fills in what is installed."""
        self._formats: dict[str, Format] = {}
        self._aliases: dict[str, str] = {}
        self._loaded = False

    def register(self, fmt: Format, *, replace: bool = False) -> None:
        """Add *fmt*; a name already taken raises unless *replace* is true."""
        if not replace and fmt.name in self._formats:
            raise ValueError(f"a format named {fmt.name!r} is already registered")
        self._formats[fmt.name] = fmt
        for alias in fmt.aliases:
            self._aliases[alias] = fmt.name

    def get(self, name: str) -> Format:
        """Return the format called *name* (or one of its aliases)."""
        self._ensure_loaded()
        key = name.lower()
        found = self._formats.get(key) or self._formats.get(self._aliases.get(key, ""))
        if found is None:
            known = ", ".join(sorted(self._formats))
            raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}")
        return found

    def formats(self) -> list[Format]:
        """All formats, sorted by name."""
        self._ensure_loaded()
        return sorted(self._formats.values(), key=lambda fmt: fmt.name)

    def detect(self, source: Source) -> Format:
        """Tell the format of *source* from its content (the file suffix breaks ties)."""
        source.head()  # an unreadable or oversized input says so, not "cannot tell the format"
        candidates = [
            fmt for fmt in self.formats() if fmt.read and fmt.sniff and _sniffs(fmt, source)
        ]
        if not candidates:
            raise UnknownFormatError(
                "cannot tell the format; name it with --from (see 'citeform formats')",
                source=source.name,
            )
        return max(candidates, key=lambda fmt: (source.suffix in fmt.suffixes, fmt.priority))

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.load_plugins()

    def load_plugins(self) -> None:
        """Register the built-in formats, then those of installed entry points."""
        import citeform.formats as package  # noqa: PLC0415 - formats import this module

        for module_info in pkgutil.iter_modules(package.__path__):
            if not module_info.name.startswith("_"):
                module = importlib.import_module(f"{package.__name__}.{module_info.name}")
                for fmt in module.FORMATS:
                    self.register(fmt)
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            try:
                loaded: Any = entry_point.load()
                for fmt in loaded if isinstance(loaded, Sequence) else (loaded,):
                    self.register(fmt, replace=False)
            except Exception as error:  # noqa: BLE001 - a broken plug-in must not break citeform
                warnings.warn(
                    f"format plug-in {entry_point.name!r} not loaded: {error}", stacklevel=2
                )


def _sniffs(fmt: Format, source: Source) -> bool:
    assert fmt.sniff is not None  # noqa: S101 - filtered by the caller
    try:
        return fmt.sniff(source)
    except CiteformError:
        return False


REGISTRY = Registry()
"""The registry that :func:`citeform.read` and :func:`citeform.write` use."""

register = REGISTRY.register
get_format = REGISTRY.get
list_formats = REGISTRY.formats
detect_format = REGISTRY.detect
