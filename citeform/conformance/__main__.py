"""``python -m citeform.conformance PATH``: measure citeform against the CSL suite and citeproc-js.

PATH is laid out like ``shared/conformance/`` (``csl-test-suite/humans/*.txt`` and
``reference/*.json``). In-text citations are measured on the development documents of
``data/citation-documents.json`` against citeproc-js run at measurement time (skipped, saying
so, where Node or citeproc-js is absent). Exit status: 0 when every figure ``--baseline`` sets
for the measured ``--engine`` is reached, 1 when one falls below it, 2 on a usage error (a
baseline with figures per engine but none for the measured one is one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from citeform.conformance.agreement import Agreement, measure, reference_files
from citeform.conformance.citations import (
    CITATION_LOCALES,
    CITATION_STYLES,
    measure_citations,
    renderers,
)
from citeform.conformance.citeprocjs import CiteprocJs, CiteprocJsError, unavailable_reason
from citeform.conformance.documents import load_documents
from citeform.conformance.fixtures import fixture_paths
from citeform.conformance.report import (
    Figures,
    agreement_figures,
    agreement_table,
    below_baseline,
    disagreement_report,
    engine_baseline,
    failure_report,
    suite_figures,
    suite_table,
)
from citeform.conformance.suite import TIMEOUT_SECONDS, run_suite
from citeform.rendering import DEFAULT_ENGINE, ENGINES

PARTS = ("suite", "agreement", "citations")


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(
        prog="python -m citeform.conformance",
        description="Measure citeform against the CSL test suite and citeproc-js.",
    )
    cli.add_argument("path", type=Path, help="directory laid out like shared/conformance/")
    cli.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON to OUT")
    cli.add_argument(
        "--baseline", type=Path, metavar="FILE", help="JSON of minimum figures; exit 1 below them"
    )
    cli.add_argument(
        "--only", choices=PARTS, help="measure only one part: suite, agreement or citations"
    )
    cli.add_argument(
        "--engine",
        choices=sorted(ENGINES),
        default=DEFAULT_ENGINE,
        help=f"the CSL processor to measure (default: {DEFAULT_ENGINE})",
    )
    cli.add_argument(
        "--fixtures", metavar="PREFIX", default="", help="run only fixtures whose name starts so"
    )
    cli.add_argument(
        "--list-failures",
        choices=("simple", "full", "agreement", "citations"),
        metavar="WHAT",
        help="print the failures of WHAT: fixtures failed under the simple or full count "
        "(expected and produced output), entries (agreement) or clusters (citations) that "
        "disagree with citeproc-js",
    )
    cli.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds per fixture")
    return cli


class UsageError(Exception):
    """A command-line mistake: reported on stderr, exit status 2."""


def read_baseline(path: Path | None, engine: str) -> Mapping[str, float] | None:
    """The minimum figures *path* sets for *engine* (``None`` without ``--baseline``)."""
    if path is None:
        return None
    try:
        baseline = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: not a readable JSON baseline ({error})") from error
    figures = engine_baseline(baseline, engine)
    if figures is None:
        raise UsageError(f"{path}: no figures for engine {engine!r}")
    return figures


def _require_directory(path: Path) -> None:
    if not path.is_dir():
        raise UsageError(f"{path}: not a directory")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the measurements, print them, check the baseline; return the exit status."""
    args = parser().parse_args(argv)
    try:
        baseline = read_baseline(args.baseline, args.engine)
        _require_directory(args.path)
    except UsageError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    figures: Figures = {}
    measured = []
    for part in [args.only] if args.only else PARTS:
        part_figures = MEASUREMENTS[part](args)
        if part_figures is not None:
            figures.update(part_figures)
            measured.append(part)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if baseline is None:
        return 0
    shortfalls = below_baseline(figures, baseline, measured)
    for line in shortfalls:
        sys.stderr.write(f"below baseline: {line}\n")
    return 1 if shortfalls else 0


def measure_suite(args: argparse.Namespace) -> Figures:
    """The CSL test suite under PATH: print the table (and failures asked for); the figures."""
    suite_dir = (
        args.path / "csl-test-suite" if (args.path / "csl-test-suite").is_dir() else args.path
    )
    paths = [p for p in fixture_paths(suite_dir) if p.stem.startswith(args.fixtures)]
    results = run_suite(paths, timeout=args.timeout, engine=args.engine)
    if args.list_failures in ("simple", "full"):
        sys.stdout.write(failure_report(results, args.list_failures) + "\n")
    sys.stdout.write(suite_table(results) + "\n")
    return suite_figures(results)


def measure_agreement(args: argparse.Namespace) -> Figures:
    """Bibliographies against the reference files under PATH: print the table; the figures."""
    agreements = [
        agreement
        for path in reference_files(args.path)
        for agreement in measure(path, engine=args.engine)
    ]
    if args.list_failures == "agreement":
        sys.stdout.write(disagreement_report(agreements) + "\n")
    sys.stdout.write(agreement_table(agreements) + "\n")
    return agreement_figures(agreements)


def measure_citation_agreement(args: argparse.Namespace) -> Figures | None:
    """Clusters of the development documents against citeproc-js: print the table; the figures.

    None (and a line saying why) where Node or citeproc-js is absent.
    """
    reason = unavailable_reason()
    if reason is not None:
        sys.stdout.write(f"in-text citations: not measured ({reason})\n")
        return None
    documents = load_documents(sets=("development",))
    results: list[Agreement] = []
    with CiteprocJs() as js:
        for style in CITATION_STYLES:
            for locale in CITATION_LOCALES:
                try:
                    results += measure_citations(
                        js, documents, style, locale, renderers(args.engine)
                    )
                except CiteprocJsError as error:
                    sys.stdout.write(f"in-text citations: {style} {locale} left out ({error})\n")
    if args.list_failures == "citations":
        sys.stdout.write(disagreement_report(results) + "\n")
    sys.stdout.write("in-text citations (clusters):\n" + agreement_table(results) + "\n")
    return agreement_figures(results, part="citations")


MEASUREMENTS: dict[str, Callable[[argparse.Namespace], Figures | None]] = {
    "suite": measure_suite,
    "agreement": measure_agreement,
    "citations": measure_citation_agreement,
}

if __name__ == "__main__":
    sys.exit(main())
