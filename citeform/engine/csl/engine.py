"""citeform's own CSL processor behind the engine seam (:class:`citeform.engine.base.Engine`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from citeform.engine.base import CiteRequest, CslItem, Entry, OutputFormat
from citeform.engine.csl.notefield import with_note_fields
from citeform.engine.csl.processor import Cite, Processor
from citeform.engine.csl.style import compile_style
from citeform.errors import RenderError


class CslEngine:
    """A compiled style in one locale and output format; state lives per call."""

    def __init__(self, style_path: Path, locale: str, output: OutputFormat) -> None:
        """Compile (or take from the cache) the style at *style_path* for *locale*."""
        self._style = compile_style(style_path)
        self._locale = self._style.locale(locale)
        self._output = output

    @property
    def locale(self) -> str:
        """The locale terms and dates are taken from."""
        return self._locale.lang

    def _processor(self, items: dict[str, Any]) -> Processor:
        items = {key: with_note_fields(item) for key, item in items.items()}
        return Processor(self._style, self._locale, self._output, items)

    def bibliography(self, items: Sequence[CslItem]) -> list[Entry]:
        """Render *items* as bibliography entries, in the style's order.

        The items are processed as one document; if that fails, each is tried alone so
        that only the items that fail on their own are reported and the others render.
        """
        try:
            return self._document_entries(items, range(len(items)))
        except Exception as error:  # noqa: BLE001 - isolated below
            if len(items) == 1:
                return [_failed(0, error)]
            whole_error = error
        failed: list[Entry] = []
        good: list[int] = []
        for index, item in enumerate(items):
            try:
                self._document_entries([item], [index])
                good.append(index)
            except Exception as error:  # noqa: BLE001 - one item's failure is reported
                failed.append(_failed(index, error))
        if not failed:  # the items fail only together
            return [_failed(index, whole_error) for index in range(len(items))]
        try:
            return self._document_entries([items[i] for i in good], good) + failed
        except Exception as error:  # noqa: BLE001 - reported on every item
            return [_failed(index, error) for index in range(len(items))]

    def _document_entries(self, items: Sequence[CslItem], indexes: Sequence[int]) -> list[Entry]:
        """The entries of *items* rendered as one document; *indexes* are their positions."""
        keyed: dict[str, CslItem] = {}
        index_of: dict[str, int] = {}
        for index, item in zip(indexes, items, strict=True):
            key = _key(item, index)
            while key in keyed:  # each record given is an entry of its own, even with one id
                key = f"{key}#{index}"
            keyed[key] = item
            index_of[key] = index
        clusters = [[Cite(key)] for key in keyed]
        citations, entries = self._processor(keyed).process(
            clusters, citations=self._style.bibliography is None
        )
        if self._style.bibliography is None:
            return [Entry(index_of[key], text) for key, text in zip(keyed, citations, strict=True)]
        return [Entry(index_of[key], text) for key, text in entries]

    def citations(
        self,
        clusters: Sequence[Sequence[CiteRequest]],
        note_numbers: Sequence[int] | None = None,
    ) -> list[Entry]:
        """Render citation *clusters* in document order, one :class:`Entry` per cluster.

        The document is processed at once (positions, disambiguation, numbering). A cluster
        that fails has no text and a :class:`RenderError` naming it; when disambiguation
        fails, the clusters render without it and the first carries the error.
        """
        if note_numbers is not None and len(note_numbers) != len(clusters):
            msg = f"{len(note_numbers)} note numbers for {len(clusters)} citation clusters"
            raise ValueError(msg)
        items: dict[str, Any] = {}
        cite_clusters = []
        for cluster in clusters:
            cites = []
            for request in cluster:
                key = _key(request.item, len(items))
                items[key] = request.item
                cites.append(
                    Cite(
                        key,
                        request.locator,
                        request.label,
                        request.prefix,
                        request.suffix,
                        request.suppress_author,
                        request.author_only,
                    )
                )
            cite_clusters.append(cites)
        processor = self._processor(items)
        try:
            citations, _entries = processor.process(cite_clusters, note_numbers)
        except Exception as error:  # noqa: BLE001 - reported on every cluster
            return [_failed(index, error) for index in range(len(clusters))]
        errors = {place: _render_error(place, failure) for place, failure in processor.failures}
        entries = []
        for index, text in enumerate(citations):
            failed = errors.get(f"citation cluster {index + 1}")
            entries.append(Entry(index, None if failed else text, failed))
        if "disambiguation" in errors and entries and entries[0].error is None:
            entries[0] = attrs.evolve(entries[0], error=errors["disambiguation"])
        return entries


def _failed(index: int, error: Exception) -> Entry:
    """The entry of a failed item or cluster, its position counted from 1."""
    return Entry(index, None, _render_error(f"item {index + 1}", error))


def _render_error(position: str, error: Exception) -> RenderError:
    """*error* as a :class:`RenderError` at *position* (``item 2``, ``citation cluster 1``)."""
    return RenderError(f"{type(error).__name__}: {error}", position=position)


def _key(item: CslItem, index: int) -> str:
    value = item.get("id")
    return str(value) if value is not None else f"#{index}"
