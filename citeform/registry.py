"""The format registry: readers and writers by name, detection from content.

Built-in formats live in :mod:`citeform.formats`, one module each, every module
exposing ``FORMATS`` and listed in :data:`BUILT_INS`. Other packages add formats
through the entry-point group ``citeform.formats`` (an entry point names a
:class:`Format` or a sequence of them), or at run time with :func:`register`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from citeform.coverage import Coverage
from citeform.errors import CiteformError, UnknownFormatError
from citeform.model import Record
from citeform.sources import Source

Reader = Callable[[Source], Iterable[Record | CiteformError]]
"""Yields a record, or the error of one record, for each record in a source."""

Writer = Callable[..., str]
"""Called as ``writer(records, **options)``; returns the text of all records."""

PieceWriter = Callable[..., Iterator[str]]
"""Called as ``writer(records, **options)`` with any iterable; yields the text as records come."""

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
    write_pieces: PieceWriter | None = None
    """Writes as :attr:`write` does, holding one record at a time; ``None`` if it cannot."""
    sniff: Sniffer | None = None
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    priority: int = 0
    """Among several formats that recognise a source, the highest priority wins."""
    coverage: Coverer | None = None
    """What the writer carries of a record; ``None`` for writers of one field (not a record)."""


@attrs.frozen
class BuiltIn:
    """A module of built-in formats, and what is known of them without importing it."""

    module: str
    names: tuple[str, ...]
    """The names and aliases of its formats."""
    head: str = ""
    """A pattern that the head of an input (white space stripped) matches at its start
    whenever one of its formats may recognise it; ``""`` when they read nothing."""


_NOT_JSON_OR_XML = r"[^\[{<]"

BUILT_INS: Final = (
    BuiltIn("citeform.formats.bibtex", ("bibtex", "bib", "biblatex"), _NOT_JSON_OR_XML),
    BuiltIn("citeform.formats.csl_json", ("csl-json", "csljson", "csl"), r"[\[{]"),
    BuiltIn("citeform.formats.dim", ("dim",), "<"),
    BuiltIn("citeform.formats.dspace_csv", ("dspace-csv",), r'\ufeff?"?\s*id\s*"?\s*,'),
    BuiltIn("citeform.formats.dspace_json", ("dspace-json", "dspace-rest"), r'[\[{].*"metadata"'),
    BuiltIn("citeform.formats.dspace_page", ("dspace-page", "dspace-text"), r"[^\[{<@%]"),
    BuiltIn("citeform.formats.dspace_patch", ("dspace-patch",)),
    BuiltIn("citeform.formats.oai_dc", ("oai-dc", "oai_dc"), "<"),
    BuiltIn("citeform.formats.ris", ("ris",), _NOT_JSON_OR_XML),
)
"""The built-in format modules, so that a name or an input loads only the modules it may
concern; a module of :mod:`citeform.formats` not listed here loads with the plug-ins."""


def entry_points(group: str) -> Iterable[Any]:
    """The installed entry points of *group* (:mod:`importlib.metadata` is slow to import)."""
    from importlib.metadata import entry_points as installed  # noqa: PLC0415 - see above

    return installed(group=group)


class Registry:
    """Formats by name; each built-in module and the plug-ins are loaded when first needed.

    A name loads the one built-in module that defines it, and the plug-ins only when it is
    none of theirs. Detection loads the built-in modules whose formats may recognise the
    input's head, and asks the plug-ins when none of them recognises it.
    """

    def __init__(self) -> None:
        """Start empty; formats are loaded as they are asked for."""
        self._formats: dict[str, Format] = {}
        self._aliases: dict[str, str] = {}
        self._modules: set[str] = set()
        self._plugins_loaded = False

    def register(self, fmt: Format, *, replace: bool = False) -> None:
        """Add *fmt*; a name already taken raises unless *replace* is true."""
        if not replace and fmt.name in self._formats:
            raise ValueError(f"a format named {fmt.name!r} is already registered")
        self._formats[fmt.name] = fmt
        for alias in fmt.aliases:
            self._aliases[alias] = fmt.name

    def get(self, name: str) -> Format:
        """Return the format called *name* (or one of its aliases)."""
        key = name.lower()
        for built_in in BUILT_INS:
            if key in built_in.names:
                self._load(built_in.module)
        found = self._find(key)
        if found is None:
            self.load_plugins()
            found = self._find(key)
        if found is None:
            known = ", ".join(sorted(self._formats))
            raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}")
        return found

    def formats(self) -> list[Format]:
        """All formats, sorted by name."""
        self.load_plugins()
        return sorted(self._formats.values(), key=lambda fmt: fmt.name)

    def detect(self, source: Source) -> Format:
        """Tell the format of *source* from its content (the file suffix breaks ties)."""
        head = source.head().lstrip()  # an unreadable input says so here
        for built_in in BUILT_INS:
            if built_in.head and re.match(built_in.head, head, re.DOTALL):
                self._load(built_in.module)
        candidates = self._recognising(source)
        if not candidates:
            self.load_plugins()
            candidates = self._recognising(source)
        if not candidates:
            raise UnknownFormatError(
                "cannot tell the format; name it with --from (see 'citeform formats')",
                source=source.name,
            )
        return max(candidates, key=lambda fmt: (source.suffix in fmt.suffixes, fmt.priority))

    def _find(self, key: str) -> Format | None:
        return self._formats.get(key) or self._formats.get(self._aliases.get(key, ""))

    def _recognising(self, source: Source) -> list[Format]:
        return [fmt for fmt in self._formats.values() if fmt.read and _sniffs(fmt, source)]

    def _load(self, module_name: str) -> None:
        """Register the formats of one built-in module, once."""
        if module_name not in self._modules:
            self._modules.add(module_name)
            for fmt in importlib.import_module(module_name).FORMATS:
                self.register(fmt)

    def load_plugins(self) -> None:
        """Register every built-in format, then those of installed entry points (once)."""
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        import citeform.formats as package  # noqa: PLC0415 - formats import this module

        for module_info in pkgutil.iter_modules(package.__path__):
            if not module_info.name.startswith("_"):
                self._load(f"{package.__name__}.{module_info.name}")
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
    if fmt.sniff is None:
        return False
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
