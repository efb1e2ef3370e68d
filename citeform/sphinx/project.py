"""Render a Sphinx project: its roles in build order, grouped by scope, and its bibliographies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from citeform.model import Record
from citeform.sphinx.cites import BibliographyRequest, Cluster
from citeform.sphinx.output import Place, Rendered, RenderedBibliography, RenderedCitation
from citeform.sphinx.render import Settings, render_bibliography, render_citations


def build_order(
    root: str, includes: Mapping[str, Sequence[str]], docnames: Iterable[str]
) -> list[str]:
    """*docnames* in reading order: the toctree from *root* depth first, then the rest by name."""
    order: list[str] = []
    seen: set[str] = set()
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        order.append(docname)
        stack.extend(reversed(includes.get(docname, ())))
    wanted = set(docnames)
    return [d for d in order if d in wanted] + sorted(wanted - seen)


def render_project(  # noqa: PLR0913 - the project's parts, each needed
    order: Sequence[str],
    *,
    clusters: Mapping[str, Sequence[Cluster]],
    bibliographies: Mapping[str, Sequence[BibliographyRequest]],
    records: Mapping[str, Record],
    settings: Settings,
    scope: str,
) -> tuple[Rendered, list[tuple[str, str]]]:
    """Every citation and bibliography, and the (document, problem) pairs met on the way.

    In ``project`` scope all roles form one document in *order*; in ``document`` scope each
    document is its own, in the style and locale its first bibliography asks for.
    """
    citations: dict[Place, RenderedCitation] = {}
    groups = [list(order)] if scope == "project" else [[d] for d in order]
    for group in groups:
        group_clusters = [c for d in group for c in clusters.get(d, ())]
        if group_clusters:
            group_settings = (
                settings if scope == "project" else _own(settings, bibliographies, group[0])
            )
            citations.update(render_citations(group_clusters, records, group_settings))
    rendered_bibs: dict[Place, RenderedBibliography] = {}
    targets: dict[str, list[Place]] = {}
    problems: list[tuple[str, str]] = []
    for docname in order:
        for request in bibliographies.get(docname, ()):
            keys = _listed(request, order, clusters, records)
            own = _own(settings, bibliographies, docname) if scope == "document" else settings
            bib_settings = Settings(request.style or own.style, request.locale or own.locale)
            bib, failed = render_bibliography(keys, records, bib_settings)
            problems.extend((docname, problem) for problem in failed)
            place = (docname, request.index)
            rendered_bibs[place] = bib
            for key, _ in bib.entries:
                targets.setdefault(key, []).append(place)
    frozen_targets = {key: tuple(places) for key, places in targets.items()}
    return Rendered(citations, rendered_bibs, frozen_targets), problems


def _own(
    settings: Settings, bibliographies: Mapping[str, Sequence[BibliographyRequest]], docname: str
) -> Settings:
    """A document's settings: its first bibliography's style and locale, else the project's."""
    first = next(iter(bibliographies.get(docname, ())), None)
    if first is None:
        return settings
    return Settings(first.style or settings.style, first.locale or settings.locale)


def _listed(
    request: BibliographyRequest,
    order: Sequence[str],
    clusters: Mapping[str, Sequence[Cluster]],
    records: Mapping[str, Record],
) -> list[str]:
    """The keys a bibliography lists, first cited first (with ``all``, then the rest in order)."""
    docs = order if request.scope == "project" else [request.docname]
    keys = dict.fromkeys(
        cite.key
        for d in docs
        for c in clusters.get(d, ())
        for cite in c.cites
        if cite.key in records
    )
    if request.everything:
        keys.update(dict.fromkeys(records))
    return list(keys)
