"""Join the cites of one cluster: affixes, suppress-author/author-only, grouping, collapsing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from citeproc.string import String

from citeform.engine.base import CiteRequest
from citeform.engine.citeproc.cites import Cite

if TYPE_CHECKING:
    from citeform.engine.citeproc.citations import CitationPipeline


def cite_text(pipeline: CitationPipeline, cite: Cite, request: CiteRequest) -> Any:
    """One cite's output with its prefix and suffix (``None`` when it renders nothing)."""
    text = pipeline.render_cite(cite, suppress_author=request.suppress_author)
    if request.author_only:
        text = cite.tracker.author
    if not text:
        return None
    return affixed(request.prefix, text, request.suffix)


def affixed(prefix: str | None, text: Any, suffix: str | None) -> Any:
    """*text* with a cite's *prefix* and *suffix*, joined without doubled spaces or stops."""
    if prefix:
        text = String(prefix) + text
    if suffix:
        text = text + String(suffix)
    return text


def join_cites(
    pipeline: CitationPipeline, cites: Sequence[Cite], requests: Sequence[CiteRequest]
) -> Any:
    """The cluster's cites joined with the layout's delimiter."""
    pieces = [
        cite_text(pipeline, cite, request) for cite, request in zip(cites, requests, strict=True)
    ]
    return pipeline.layout.join([piece for piece in pieces if piece])
