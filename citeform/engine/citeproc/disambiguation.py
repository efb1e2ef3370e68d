"""Disambiguation of cites (CSL 1.0.2): names, given names, condition, year-suffix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from citeform.engine.citeproc.cites import Disambiguation

if TYPE_CHECKING:
    from citeform.engine.citeproc.citations import CitationPipeline, PlacedCite


def disambiguate(
    pipeline: CitationPipeline, cites: Sequence[PlacedCite]
) -> dict[str, Disambiguation]:
    """The disambiguation state of every cited item."""
    del pipeline, cites
    return {}


def reference_for(pipeline: CitationPipeline, placed: PlacedCite, state: Disambiguation) -> Any:
    """The item's reference as this cite sees it."""
    del state
    return pipeline.source[placed.key]
