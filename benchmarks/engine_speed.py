"""Rendering speed of citeform's engines against warm citeproc-js and plain citeproc-py.

Usage::

    python benchmarks/engine_speed.py [ITEMS.json] [--engine NAME ...] [--entries N]
                                      [--clusters N] [--repeat R] [--part PART ...]

In one run, for 1000-entry bibliographies (APA en-US, Chicago author-date en-US, IEEE en-US,
DIN 1505-2 de-DE) and a 500-cluster Chicago notes document (en-US), it times

- citeproc-js 2.4.63 under Node, warmed up: the style loaded and one render before timing, the
  time measured inside Node (no JSON transfer), as a server or batch job would run it; the
  document both in one batch (``rebuildProcessorState``) and cluster by cluster
  (``processCitationCluster`` after the clusters before it, as a word processor inserts them),
  the faster of the two being the reference for the ratios;
- plain citeproc-py 0.11.1 (bibliographies; the document with ids and locators only, since
  citeproc-py has no affixes or flags);
- citeform's Renderer once per ``--engine`` (default: the Renderer's own engine), warmed up
  the same way;

and prints milliseconds per entry or cluster and the speed ratio against warm citeproc-js
(above 1: faster). It also prints the style compile time of APA en-US, the first in the process
and again (citeform: a new Renderer's engine; citeproc-js: parsing style and locale anew). The
items are ``../shared/conformance/reference/items.json`` repeated under new ids. Best of R
runs. Not a test: timings depend on the machine; compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from render_benchmark import DEFAULT_ITEMS, make_items, render_plain
from timing import best_time

from citeform.conformance.agreement import style_path
from citeform.conformance.citeprocjs import CiteprocJs, Target, unavailable_reason
from citeform.conformance.documents import Cluster, cite_from_json
from citeform.conformance.engines import make_renderer
from citeform.rendering import CiteItem, Renderer

BIBLIOGRAPHIES = (
    ("apa", "en-US"),
    ("chicago-author-date", "en-US"),
    ("ieee", "en-US"),
    ("din-1505-2", "de-DE"),
)
NOTES_STYLE = ("chicago-notes-bibliography", "en-US")
COMPILED_STYLE = ("apa", "en-US")
PARTS = ("compile", "bibliographies", "document")


def make_clusters(items: Sequence[dict[str, Any]], count: int) -> list[Cluster]:
    """*count* clusters in notes 1, 2, …: one to three cites, every fourth cluster citing the
    previous one's first work again (ibid), every third cite with a page locator, every
    seventh with a prefix."""
    by_id = {item["id"]: item for item in items}
    clusters: list[Cluster] = []
    for index in range(count):
        if index % 4 == 3:
            ids = [clusters[-1].cites[0].record["id"]]
        else:
            ids = list(
                dict.fromkeys(
                    items[(index * 2 + k) % len(items)]["id"] for k in range(1 + index % 3)
                )
            )
        cites = []
        for offset, item_id in enumerate(ids):
            cite: dict[str, Any] = {"id": item_id}
            if (index + offset) % 3 == 0:
                cite.update(locator=str(10 + index % 90), label="page")
            if (index + offset) % 7 == 0:
                cite["prefix"] = "see "
            cites.append(cite_from_json(cite, by_id))
        clusters.append(Cluster(tuple(cites), index + 1))
    return clusters


def cited_items(clusters: Sequence[Cluster]) -> list[dict[str, Any]]:
    """The items *clusters* cite, each once."""
    return list({cite.record["id"]: cite.record for c in clusters for cite in c.cites}.values())


def plain_document(style: Any, clusters: Sequence[Cluster]) -> list[str]:
    """The clusters through citeproc-py's own API (ids and page locators only)."""
    bibliography = CitationStylesBibliography(
        style, CiteProcJSON(cited_items(clusters)), formatter.plain
    )
    citations = [
        Citation(
            [
                CitationItem(cite.record["id"], locator=Locator("page", cite.locator))
                if cite.locator
                else CitationItem(cite.record["id"])
                for cite in cluster.cites
            ]
        )
        for cluster in clusters
    ]
    for citation in citations:
        bibliography.register(citation)
    return [str(bibliography.cite(citation, lambda _item: None)) for citation in citations]


def render_document(renderer: Renderer, clusters: Sequence[Cluster]) -> list[str]:
    """The clusters through ``Renderer.document`` with their note numbers."""
    cites: list[Sequence[CiteItem]] = [cluster.cites for cluster in clusters]
    return renderer.document(cites, note_numbers=[cluster.note for cluster in clusters])


def warm_best(run: Callable[[], object], repeat: int) -> float:
    """Seconds of the fastest of *repeat* runs after one untimed run."""
    run()
    return best_time(run, repeat)


def js_best(run: Callable[[], Any], repeat: int) -> float:
    """Seconds of the fastest of *repeat* citeproc-js renders (Node's own time) after one."""
    run()
    return min(run().ms for _ in range(repeat)) / 1000


def line(name: str, seconds: float, units: int, reference: float | None) -> str:
    """One result: ms per unit and the ratio against warm citeproc-js."""
    ratio = f"  x{reference / seconds:5.2f}" if reference else ""
    return f"  {name:<28}{seconds * 1000 / units:8.3f} ms{ratio}"


def bibliography_block(
    js: CiteprocJs | None, items: list[dict[str, Any]], engines: Sequence[str | None], repeat: int
) -> None:
    """Time each bibliography case and print its block."""
    for style, locale in BIBLIOGRAPHIES:
        path = style_path(style)
        print(f"{style} {locale}, bibliography of {len(items)} entries, ms per entry:")
        reference = None
        if js is not None:
            target = Target(path, locale)
            reference = js_best(lambda t=target: js.bibliography(t, items, timed=True), repeat)
            print(line("citeproc-js (warm)", reference, len(items), reference))
        plain = CitationStylesStyle(str(path), locale=locale, validate=False)
        seconds = warm_best(lambda s=plain: render_plain(s, items), repeat)
        print(line("plain citeproc-py", seconds, len(items), reference))
        for engine in engines:
            renderer = make_renderer(path, locale, "text", engine)
            seconds = warm_best(lambda r=renderer: r.bibliography(items), repeat)
            print(line(f"citeform ({engine or 'default'})", seconds, len(items), reference))


def document_block(
    js: CiteprocJs | None, clusters: list[Cluster], engines: Sequence[str | None], repeat: int
) -> None:
    """Time the notes document and print its block."""
    style, locale = NOTES_STYLE
    path = style_path(style)
    items = cited_items(clusters)
    print(f"{style} {locale}, document of {len(clusters)} clusters, ms per cluster:")
    reference = None
    if js is not None:
        target = Target(path, locale)
        incremental = js_best(lambda: js.document(target, items, clusters, timed=True), repeat)
        batch = js_best(
            lambda: js.document(target, items, clusters, timed=True, batch=True), repeat
        )
        reference = min(incremental, batch)
        print(line("citeproc-js (warm, batch)", batch, len(clusters), reference))
        print(line("citeproc-js (one by one)", incremental, len(clusters), reference))
    plain = CitationStylesStyle(str(path), locale=locale, validate=False)
    seconds = warm_best(lambda: plain_document(plain, clusters), repeat)
    print(line("plain citeproc-py (ids only)", seconds, len(clusters), reference))
    for engine in engines:
        renderer = make_renderer(path, locale, "text", engine)
        seconds = warm_best(lambda r=renderer: render_document(r, clusters), repeat)
        print(line(f"citeform ({engine or 'default'})", seconds, len(clusters), reference))


def compile_block(js: CiteprocJs | None, engines: Sequence[str | None]) -> None:
    """Print the compile time of one style per processor: the first in the process and again."""
    style, locale = COMPILED_STYLE
    path = style_path(style)
    print(f"{style} {locale}, style compile, ms (first in the process, then again):")
    compilers: dict[str, Callable[[], object]] = {
        "plain citeproc-py": lambda: CitationStylesStyle(str(path), locale=locale, validate=False)
    }
    for engine in engines:
        compilers[f"citeform ({engine or 'default'})"] = lambda e=engine: make_renderer(
            path, locale, "text", e
        ).engine(locale)
    if js is not None:
        first, again = (js.compile_ms(Target(path, locale)) for _ in range(2))
        print(f"  {'citeproc-js':<28}{first:8.1f} ms{again:8.1f} ms")
    for name, compile_style in compilers.items():
        first, again = (best_time(compile_style, 1) * 1000 for _ in range(2))
        print(f"  {name:<28}{first:8.1f} ms{again:8.1f} ms")


def main() -> None:
    """Run every case and print one block each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("items", nargs="?", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--engine", action="append", help="a citeform engine (repeatable)")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--clusters", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", choices=PARTS, action="append", help="only these (repeatable)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # citeproc-py warns about every CSL-JSON key it does not know
    engines: list[str | None] = args.engine or [None]
    items = make_items(args.items, args.entries)
    clusters = make_clusters(items, args.clusters)
    reason = unavailable_reason()
    if reason is not None:
        print(f"citeproc-js not measured: {reason}; no ratios")
    js = None if reason else CiteprocJs()
    try:
        parts = args.part or PARTS
        if "compile" in parts:
            compile_block(js, engines)
        if "bibliographies" in parts:
            bibliography_block(js, items, engines, args.repeat)
        if "document" in parts:
            document_block(js, clusters, engines, args.repeat)
    finally:
        if js is not None:
            js.close()


if __name__ == "__main__":
    main()
