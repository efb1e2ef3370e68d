"""The citeproc-py engine: citeproc-py 0.11.1 with citeform's loader and overrides."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc.source import BibliographySource

from citeform.engine.base import CiteRequest, CslItem, Entry, OutputFormat
from citeform.engine.citeproc import (
    caching,
    cite_overrides,
    entry_start,
    group_fixes,
    layout_fixes,
    name_fixes,
    name_list,
    punctuation,
    quote_fixes,
    sort_fixes,
    text_fixes,
)
from citeform.engine.citeproc.citations import CitationPipeline
from citeform.engine.citeproc.data import to_reference
from citeform.engine.citeproc.formats import MarkerFormatter, QuoteTerms, finish, html_entry
from citeform.engine.citeproc.loader import Loader
from citeform.engine.citeproc.state import rendering
from citeform.engine.citeproc.year_suffix import add_year_suffixes
from citeform.errors import RenderError

OVERRIDE_MODULES = (
    entry_start.OVERRIDES,
    punctuation.OVERRIDES,
    layout_fixes.OVERRIDES,
    name_fixes.OVERRIDES,
    quote_fixes.OVERRIDES,
    text_fixes.OVERRIDES,
    sort_fixes.OVERRIDES,
    group_fixes.OVERRIDES,
    cite_overrides.OVERRIDES,
    name_list.OVERRIDES,
    caching.OVERRIDES,
)
"""Override modules in the order their mixins are stacked (first = outermost)."""

LOADER = Loader(OVERRIDE_MODULES)

MIN_ENTRIES_TO_ORDER = 2
"""Fewer items are neither sorted nor given year-suffixes: neither can change one entry."""


class _StyleHandle:
    """What ``CitationStylesBibliography`` needs of a style: its root and renderers."""

    def __init__(self, root: Any) -> None:
        self.root = root

    def sort_bibliography(self, citation_items: list[Any]) -> list[Any]:
        return list(self.root.bibliography.sort(citation_items))

    def render_citation(self, citation: Any, cites: list[Any], callback: Any) -> Any:
        return self.root.citation.render(citation, cites, callback)


class _EntryItem(CitationItem):  # type: ignore[misc]
    """A bibliography item that holds its bibliography and data directly.

    citeproc-py reaches them through ``item.citation.bibliography.source[key]`` on every
    variable lookup (a third of the rendering time); the values never change.
    """

    def __init__(self, key: str, bibliography: Any) -> None:
        super().__init__(key)
        dict.__setitem__(self, "cf_bibliography", bibliography)
        dict.__setitem__(self, "cf_reference", bibliography.source[key])

    @property
    def bibliography(self) -> Any:
        """The bibliography the item is registered in."""
        return dict.__getitem__(self, "cf_bibliography")

    @property
    def reference(self) -> Any:
        """The item's data."""
        return dict.__getitem__(self, "cf_reference")


def _item_key(index: int) -> str:
    """Internal reference key (ids may clash once citeproc-py lower-cases them)."""
    return f"item{index}"


class CiteprocEngine:
    """One CSL style in one locale, rendered by citeproc-py with citeform's fixes."""

    def __init__(self, style_path: Path, locale: str, output: OutputFormat) -> None:
        """Load the style at *style_path* with the locale chain of *locale*."""
        self._locale = locale
        self.output = output
        self._root = LOADER.load_style(style_path, locale)
        self._root.formatter = MarkerFormatter
        self._root.citeform_locale = locale
        self._handle = _StyleHandle(self._root)
        self._elements = [list(root.iter()) for root in (self._root, *self._root.locales)]
        """Every element proxy kept alive, so state and memos on them persist."""
        self._quotes = QuoteTerms(
            outer=(self._term("open-quote"), self._term("close-quote")),
            inner=(self._term("open-inner-quote"), self._term("close-inner-quote")),
            punctuation_in_quote=str(self._root.get_locale_option("punctuation-in-quote")).lower()
            == "true",
        )

    @property
    def locale(self) -> str:
        """The locale terms and dates are taken from."""
        return self._locale

    def _term(self, name: str) -> str:
        return str(self._root.get_single_term(name))

    def _finish(self, text: object) -> str:
        return finish(str(text), self.output, self._quotes)

    def _bibliography_of(self, items: Sequence[CslItem]) -> tuple[Any, dict[str, Entry]]:
        """Register *items*; return citeproc-py's bibliography and items that failed."""
        source = BibliographySource()
        failed: dict[str, Entry] = {}
        for index, item in enumerate(items):
            key = _item_key(index)
            try:
                source.add(to_reference(item, key))
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                failed[key] = Entry(index, None, _render_error(item, index, error))
        bibliography = CitationStylesBibliography(self._handle, source, MarkerFormatter)
        keys = [_item_key(index) for index in range(len(items))]
        cites = [_EntryItem(key, bibliography) for key in keys if key not in failed]
        bibliography.register(Citation(cites))
        return bibliography, failed

    def bibliography(self, items: Sequence[CslItem]) -> list[Entry]:
        """Render *items* as bibliography entries in the style's order.

        Styles without a bibliography render each item as a citation instead. A single
        item is neither sorted nor given a year-suffix: neither can change its entry.
        """
        with rendering() as state:
            bibliography, failed = self._bibliography_of(items)
            layout = self._layout()
            if len(bibliography.items) >= MIN_ENTRIES_TO_ORDER:
                order_entries(self._root, bibliography)
            entries = []
            for cite in bibliography.items:
                index = int(cite.key.removeprefix("item"))
                state.next_entry()
                state.entry_active = True
                try:
                    rendered = layout.render_bibliography([cite])
                except Exception as error:  # noqa: BLE001 - reported per item
                    entries.append(Entry(index, None, _render_error(items[index], index, error)))
                    continue
                finally:
                    state.entry_active = False
                text = self._finish(rendered[0]) if rendered else ""
                if text.strip() and self.output == "html":
                    text = html_entry(text)  # citeproc-js keeps edge spaces inside the division
                text = text.strip()
                entries.append(Entry(index, text))
            state.next_entry()
            entries.extend(failed.values())
        return entries

    def _layout(self) -> Any:
        """The layout entries are rendered with (the citation's when there is no bibliography)."""
        if self._root.bibliography is not None:
            return self._root.bibliography.layout
        return _CitationAsEntry(self._root.citation)

    def citations(
        self,
        clusters: Sequence[Sequence[CiteRequest]],
        note_numbers: Sequence[int] | None = None,
    ) -> list[Entry]:
        """Render citation *clusters* in document order, one entry per cluster.

        A cluster citing an item that cannot be read renders without it, its entry
        carrying the item's error; a cluster that fails has no text and its error.
        """
        items: list[CslItem] = []
        positions: dict[object, int] = {}
        for cluster in clusters:
            for request in cluster:
                if _identity(request.item) not in positions:
                    positions[_identity(request.item)] = len(items)
                    items.append(request.item)
        with rendering():
            bibliography, failed = self._bibliography_of(items)
            if (
                self._root.bibliography is not None
                and len(bibliography.items) >= MIN_ENTRIES_TO_ORDER
            ):
                _sort(bibliography)  # citation numbers follow the bibliography's order
            keyed = [
                [
                    (key, request)
                    for key, request in (
                        (_item_key(positions[_identity(r.item)]), r) for r in cluster
                    )
                    if key not in failed
                ]
                for cluster in clusters
            ]
            entries = CitationPipeline(self._root, bibliography, self._finish).render(
                keyed, note_numbers
            )
        return [
            _with_unread_item(entry, cluster, positions, failed)
            for entry, cluster in zip(entries, clusters, strict=True)
        ]


def order_entries(root: Any, bibliography: Any) -> None:
    """Sort the entries and give ambiguous ones their year-suffix (for two items or more)."""
    _sort(bibliography)
    add_year_suffixes(root, bibliography.items)


def _sort(bibliography: Any) -> None:
    """Sort the bibliography by the style's keys; a sort key that fails keeps input order."""
    try:
        bibliography.sort()
    except Exception:  # noqa: BLE001 - citeproc-py's sort keys raise anything on odd data
        bibliography.keys = [item.key for item in bibliography.items]


def _identity(item: CslItem) -> object:
    """Items with the same ``id`` are the same work; items without one are told apart."""
    return ("id", str(item["id"])) if item.get("id") is not None else ("object", id(item))


def _with_unread_item(
    entry: Entry,
    cluster: Sequence[CiteRequest],
    positions: dict[object, int],
    failed: dict[str, Entry],
) -> Entry:
    """*entry* with the error of the first item of *cluster* that could not be read."""
    if entry.error is not None:
        return entry
    for request in cluster:
        unread = failed.get(_item_key(positions[_identity(request.item)]))
        if unread is not None:
            return Entry(entry.index, entry.text, unread.error)
    return entry


def _unknown_cite(item: Any) -> str:
    return f"{item.key}?"


class _CitationAsEntry:
    """Renders one item with the style's citation layout, for styles without bibliography."""

    def __init__(self, citation: Any) -> None:
        self._citation = citation

    def render_bibliography(self, cites: list[Any]) -> list[Any]:
        bibliography = cites[0].citation.bibliography
        citation = Citation(cites)
        citation.bibliography = bibliography
        text = self._citation.render(citation, [], _unknown_cite)
        return [text] if text else []


def _render_error(item: CslItem, index: int, error: Exception) -> RenderError:
    item_id = item.get("id", index)
    message = f"cannot render item {item_id!r}: {type(error).__name__}: {error}"
    return RenderError(message, position=f"item {index + 1}", value=item_id)
