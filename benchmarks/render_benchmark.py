"""Render a 1000-entry bibliography with citeform and with plain citeproc-py, in one run.

Usage: ``python benchmarks/render_benchmark.py [ITEMS.json] [--entries N] [--repeat R]``

The items default to ``../shared/conformance/reference/items.json`` (next to the
repository), repeated with new ids until there are N entries. For APA en-US and DIN 1505-2
de-DE it prints milliseconds per entry for

- plain citeproc-py 0.11.1 (``CitationStylesStyle``, no validation),
- citeproc-py through citeform's loader with only the caching overrides (must give the
  very same output as plain citeproc-py: it is checked and printed), and
- citeform's ``Renderer`` (caching and all fixes),

and the speed ratios against plain citeproc-py. Best of R runs. Not a test: timings depend
on the machine; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from citeform.engine.citeproc import caching
from citeform.engine.citeproc.loader import Loader
from citeform.rendering import Renderer
from citeform.styles import resolve_style

DEFAULT_ITEMS = (
    Path(__file__).parents[1] / ".." / "shared" / "conformance" / "reference" / "items.json"
)
CASES = (("apa", "en-US"), ("din-1505-2", "de-DE"))


def make_items(path: Path, count: int) -> list[dict[str, Any]]:
    """*count* items: those in *path*, repeated under new ids."""
    base = json.loads(path.read_text(encoding="utf-8"))
    return [{**base[index % len(base)], "id": f"bench-{index}"} for index in range(count)]


class _CachedOnlyStyle(CitationStylesStyle):  # type: ignore[misc]
    """citeproc-py's style object, parsed by citeform's loader with the caching overrides only."""

    def __init__(self, path: Path, locale: str) -> None:
        self.root = Loader([caching.OVERRIDES]).load_style(path, locale)
        self.elements = [list(root.iter()) for root in (self.root, *self.root.locales)]


def render_plain(style: Any, items: list[dict[str, Any]]) -> list[str]:
    """Render *items* as citeproc-py's own API does (plain text)."""
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    bibliography.sort()
    return [str(entry) for entry in bibliography.bibliography()]


def best_of(repeat: int, run: Callable[[], list[str]]) -> tuple[float, list[str]]:
    """The fastest of *repeat* runs (seconds) and its output."""
    best, output = float("inf"), []
    for _ in range(repeat):
        start = time.perf_counter()
        output = run()
        best = min(best, time.perf_counter() - start)
    return best, output


def main() -> None:
    """Run the benchmark and print one block per style."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("items", nargs="?", type=Path, default=DEFAULT_ITEMS)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # citeproc-py warns about every CSL-JSON key it does not know
    items = make_items(args.items, args.entries)
    for style_id, locale in CASES:
        path = resolve_style(style_id).path
        plain_style = CitationStylesStyle(str(path), locale=locale, validate=False)
        cached_style = _CachedOnlyStyle(path, locale)
        renderer = Renderer(str(path), locale=locale)
        plain_time, plain = best_of(args.repeat, lambda s=plain_style: render_plain(s, items))
        cached_time, cached = best_of(args.repeat, lambda s=cached_style: render_plain(s, items))
        full_time, _ = best_of(args.repeat, lambda r=renderer: list(r.bibliography(items)))
        per_entry = 1000 / len(items)
        print(f"{style_id} {locale}, {len(items)} entries (best of {args.repeat}):")
        print(f"  plain citeproc-py       {plain_time * per_entry:7.2f} ms/entry")
        print(
            f"  citeform caching only   {cached_time * per_entry:7.2f} ms/entry"
            f"  x{plain_time / cached_time:.2f}  identical output: {cached == plain}"
        )
        print(
            f"  citeform Renderer       {full_time * per_entry:7.2f} ms/entry"
            f"  x{plain_time / full_time:.2f}  (all fixes)"
        )


if __name__ == "__main__":
    main()
