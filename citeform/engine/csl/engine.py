"""citeform's own CSL processor behind the engine seam (:class:`citeform.engine.base.Engine`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from citeform.engine.base import CiteRequest, CslItem, Entry, OutputFormat
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
        return Processor(self._style, self._locale, self._output, items)

    def bibliography(self, items: Sequence[CslItem]) -> list[Entry]:
        """Render *items* as bibliography entries, in the style's order."""
        keyed = {_key(item, index): item for index, item in enumerate(items)}
        index_of = {_key(item, index): index for index, item in enumerate(items)}
        processor = self._processor(keyed)
        clusters = [[Cite(key)] for key in keyed]
        try:
            _citations, entries = processor.process(
                clusters, citations=self._style.bibliography is None
            )
        except Exception as error:  # noqa: BLE001 - reported per item below
            return [
                Entry(index, None, RenderError(f"{type(error).__name__}: {error}"))
                for index in range(len(items))
            ]
        if self._style.bibliography is None:
            return [Entry(index_of[key], text) for key, text in zip(keyed, _citations, strict=True)]
        return [Entry(index_of[key], text) for key, text in entries]

    def citations(
        self,
        clusters: Sequence[Sequence[CiteRequest]],
        note_numbers: Sequence[int] | None = None,
    ) -> list[Entry]:
        """Render citation *clusters* in document order, one :class:`Entry` per cluster.

        The document is processed at once (positions, disambiguation, numbering); when it
        fails, every cluster carries the error.
        """
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
        try:
            citations, _entries = self._processor(items).process(cite_clusters, note_numbers)
        except Exception as error:  # noqa: BLE001 - reported on every cluster
            failure = RenderError(f"{type(error).__name__}: {error}")
            return [Entry(index, None, failure) for index in range(len(clusters))]
        return [Entry(index, text) for index, text in enumerate(citations)]


def _key(item: CslItem, index: int) -> str:
    value = item.get("id")
    return str(value) if value is not None else f"#{index}"
