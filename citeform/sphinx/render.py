"""Render a group of citation roles as one document, and bibliographies, through :class:`Renderer`.

Narrative cites (``t``) in an in-text style are the author-only cite without the layout's
affixes, then the cite with its author suppressed: ``Keller & Weber (2019)``. Author-only
cites are rendered in a document of their own, so that they do not change positions
(``ibid``) in the real one. In a note style, the whole citation goes into a note.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from html import escape

import attrs

from citeform.model import Record
from citeform.rendering import CiteItem, Renderer
from citeform.sphinx.cites import Cite, Cluster
from citeform.sphinx.output import (
    CLOSE_MARK,
    NUMBER_END,
    OPEN_MARK,
    Piece,
    RenderedBibliography,
    RenderedCitation,
    strip_marks,
)
from citeform.sphinx.stylefacts import style_facts

NARRATIVE_SEPARATOR = ", "
"""Between the narrative parts of a ``t`` role with several cites."""


@attrs.frozen
class Settings:
    """The style and locale a group is rendered in."""

    style: str
    locale: str


@functools.cache
def renderer(settings: Settings) -> Renderer:
    """One HTML renderer per style and locale in this process."""
    return Renderer(settings.style, settings.locale, "html")


def _item(record: Record, cite: Cite, mark: int | None = None, **flags: bool) -> CiteItem:
    prefix, suffix = cite.prefix or "", cite.suffix or ""
    if mark is not None:
        prefix, suffix = f"{OPEN_MARK}{mark}{NUMBER_END}{prefix}", f"{suffix}{CLOSE_MARK}"
    return CiteItem(
        record,
        locator=cite.locator,
        label=cite.label if cite.locator else None,
        prefix=prefix or None,
        suffix=suffix or None,
        **flags,
    )


def render_citations(
    clusters: Sequence[Cluster], records: Mapping[str, Record], settings: Settings
) -> dict[tuple[str, int], RenderedCitation]:
    """Render *clusters* as one document, in their order; unknown keys show as themselves."""
    note = style_facts(settings.style).note
    result = {
        (c.docname, c.index): RenderedCitation((Piece(escape("; ".join(x.key for x in c.cites))),))
        for c in clusters
    }
    clusters = [
        attrs.evolve(c, cites=tuple(x for x in c.cites if x.key in records)) for c in clusters
    ]
    clusters = [c for c in clusters if c.cites]
    subclusters = [part for c in clusters for part in _parts(c, note)]
    suppress = [c.mode == "t" and not note for c in clusters for _ in _parts(c, note)]
    texts = iter(_render_marked(subclusters, suppress, records, settings))
    names = _names(clusters, records, settings) if any(c.mode == "t" for c in clusters) else {}
    for cluster in clusters:
        parts = [next(texts) for _ in _parts(cluster, note)]
        result[(cluster.docname, cluster.index)] = _assemble(cluster, parts, names, note)
    return result


def _parts(cluster: Cluster, note: bool) -> tuple[tuple[Cite, ...], ...]:
    if cluster.mode == "t" and not note:
        return tuple((cite,) for cite in cluster.cites)
    return (cluster.cites,)


def _render_marked(
    subclusters: Sequence[tuple[Cite, ...]],
    suppress: Sequence[bool],
    records: Mapping[str, Record],
    settings: Settings,
) -> list[Piece]:
    """Each sub-cluster's HTML; with link markers where they leave the output unchanged."""
    engine = renderer(settings)
    plain = engine.document(
        [
            [_item(records[c.key], c, suppress_author=s) for c in sub]
            for sub, s in zip(subclusters, suppress, strict=True)
        ]
    )
    pieces = [
        Piece(html, tuple(c.key for c in sub)) for html, sub in zip(plain, subclusters, strict=True)
    ]
    if all(len(sub) < 2 for sub in subclusters):
        return pieces
    marked = engine.document(
        [
            [_item(records[c.key], c, i, suppress_author=s) for i, c in enumerate(sub)]
            for sub, s in zip(subclusters, suppress, strict=True)
        ]
    )
    return [
        attrs.evolve(piece, html=html, marked=True) if strip_marks(html) == piece.html else piece
        for piece, html in zip(pieces, marked, strict=True)
    ]


def _names(
    clusters: Sequence[Cluster], records: Mapping[str, Record], settings: Settings
) -> dict[tuple[str, int, int], str]:
    """The author-only HTML of every cite, by (document, role number, cite number)."""
    places = [(c.docname, c.index, i) for c in clusters for i in range(len(c.cites))]
    html = renderer(settings).document(
        [[CiteItem(records[cite.key], author_only=True)] for c in clusters for cite in c.cites]
    )
    facts = style_facts(settings.style)
    return {
        place: facts.without_layout_affixes(text) for place, text in zip(places, html, strict=True)
    }


def _assemble(
    cluster: Cluster, parts: Sequence[Piece], names: Mapping[tuple[str, int, int], str], note: bool
) -> RenderedCitation:
    if cluster.mode != "t":
        return RenderedCitation((), parts[0]) if note else RenderedCitation((parts[0],))
    narrative = [
        Piece(names[(cluster.docname, cluster.index, i)], (cite.key,))
        for i, cite in enumerate(cluster.cites)
    ]
    if note:
        return RenderedCitation(_joined([[name] for name in narrative]), parts[0])
    return RenderedCitation(
        _joined([[name, part] for name, part in zip(narrative, parts, strict=True)])
    )


def _joined(groups: Iterable[Sequence[Piece]]) -> tuple[Piece, ...]:
    """The non-empty groups (one per cite), separated; empty names leave just the cite."""
    kept = [[piece for piece in group if piece.html.strip()] for group in groups]
    out: list[Piece] = []
    for group in filter(None, kept):
        if out:
            out.append(Piece(NARRATIVE_SEPARATOR))
        out.extend(_spaced(group))
    return tuple(out)


def _spaced(group: Sequence[Piece]) -> list[Piece]:
    """A name and its cite with one space between them (a lone cite alone)."""
    out: list[Piece] = []
    for piece in group:
        if out and piece.keys:
            out.append(Piece(" "))
        out.append(piece)
    return out


def render_bibliography(
    keys: Sequence[str], records: Mapping[str, Record], settings: Settings
) -> tuple[RenderedBibliography, list[str]]:
    """The entries of *keys* in the style's order, and the problems of those that failed."""
    engine = renderer(settings)
    known = [key for key in keys if key in records]
    entries = engine.engine(engine.locale_for([])).bibliography(
        [records[key].to_csl() for key in known]
    )
    problems = [f"{known[e.index]}: {e.error}" for e in entries if e.error is not None]
    return RenderedBibliography(
        tuple((known[e.index], e.text) for e in entries if e.text)
    ), problems
