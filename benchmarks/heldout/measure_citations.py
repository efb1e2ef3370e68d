"""Held-out agreement of in-text citations with citeproc-js (``measure.py --part citations``).

The documents of ``citeform/conformance/data/citation-documents.json`` are rendered cluster by
cluster by citeproc-js (``processCitationCluster`` in document order, through the long-running
driver of ``citeform.conformance.citeprocjs``) and by citeform's Renderer, in en-US and de-DE,
text and HTML. Two groups are reported apart:

- development: the development documents in the development citation styles
  (``citeform.conformance.citations.CITATION_STYLES``), what ``python -m citeform.conformance``
  measures;
- held-out: the held-out documents in the development styles, and every document in N
  independent styles drawn with a seed (never tuned on).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence

from citeform.conformance.agreement import Agreement
from citeform.conformance.citations import (
    CITATION_LOCALES,
    CITATION_STYLES,
    measure_citations,
    renderers,
)
from citeform.conformance.citeprocjs import CiteprocJs, CiteprocJsError
from citeform.conformance.documents import CitationDocument, load_documents

DEFAULT_CITATION_STYLE_COUNT = 15


def draw_styles(candidates: Sequence[str], count: int, seed: int) -> list[str]:
    """*count* of *candidates* outside the development citation styles, drawn with *seed*."""
    pool = sorted(set(candidates) - set(CITATION_STYLES))
    random.Random(seed).shuffle(pool)  # noqa: S311 - a reproducible draw, no secret
    return pool[:count]


def measure_group(
    js: CiteprocJs,
    documents: Sequence[CitationDocument],
    styles: Sequence[str],
    engine: str | None,
) -> list[Agreement]:
    """Agreement per style, locale and kind; a style citeproc-js fails on is left out (said)."""
    results: list[Agreement] = []
    for style in styles:
        for locale in CITATION_LOCALES:
            try:
                results += measure_citations(js, documents, style, locale, renderers(engine))
            except CiteprocJsError as error:
                print(f"left out {style} {locale}: {error}", file=sys.stderr)
    return results


def measure_all(
    candidates: Sequence[str], count: int, seed: int, engine: str | None
) -> dict[str, list[Agreement]]:
    """The development and held-out groups (see the module docstring)."""
    development = load_documents(sets=("development",))
    held_out = load_documents(sets=("held-out",))
    drawn = draw_styles(candidates, count, seed)
    print("held-out citation styles:", " ".join(drawn))
    with CiteprocJs() as js:
        return {
            "development": measure_group(js, development, CITATION_STYLES, engine),
            "held-out": measure_group(js, held_out, CITATION_STYLES, engine)
            + measure_group(js, development + held_out, drawn, engine),
        }
