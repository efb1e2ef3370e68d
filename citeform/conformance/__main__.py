"""``python -m citeform.conformance PATH``: measure citeform against the CSL suite and citeproc-js.

PATH is laid out like ``shared/conformance/`` (``csl-test-suite/humans/*.txt`` and
``reference/*.json``). Exit status: 0 when every figure ``--baseline`` sets for the measured
``--engine`` is reached, 1 when one falls below it, 2 on a usage error (a baseline with
figures per engine but none for the measured one is one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from citeform.conformance.agreement import measure, reference_files
from citeform.conformance.fixtures import fixture_paths
from citeform.conformance.report import (
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


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(
        prog="python -m citeform.conformance",
        description="Measure citeform against the CSL test suite and citeproc-js.",
    )
    cli.add_argument("path", type=Path, help="directory laid out like shared/conformance/")
    cli.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON to OUT")
    cli.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="JSON of minimum figures (flat, or per engine name); exit 1 below them",
    )
    cli.add_argument("--only", choices=("suite", "agreement"), help="measure only one of the two")
    cli.add_argument(
        "--fixtures", metavar="PREFIX", default="", help="run only fixtures whose name starts so"
    )
    cli.add_argument(
        "--list-failures",
        choices=("simple", "full", "agreement"),
        metavar="WHAT",
        help="print the failures of WHAT: fixtures failed under the simple or full count "
        "(expected and produced output), or entries that disagree with citeproc-js (agreement)",
    )
    cli.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds per fixture")
    cli.add_argument(
        "--engine",
        choices=sorted(ENGINES),
        default=DEFAULT_ENGINE,
        help=f"the CSL processor to measure (default: {DEFAULT_ENGINE})",
    )
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


def measure_suite(args: argparse.Namespace) -> dict[str, float]:
    """Run the CSL test suite, print its table; return its figures."""
    suite_dir = args.path / "csl-test-suite"
    if not suite_dir.is_dir():
        suite_dir = args.path
    paths = [p for p in fixture_paths(suite_dir) if p.stem.startswith(args.fixtures)]
    results = run_suite(paths, timeout=args.timeout, engine=args.engine)
    if args.list_failures in ("simple", "full"):
        sys.stdout.write(failure_report(results, args.list_failures) + "\n")
    sys.stdout.write(suite_table(results) + "\n")
    return suite_figures(results)


def measure_agreement(args: argparse.Namespace) -> dict[str, float]:
    """Compare with citeproc-js's reference output, print the table; return the figures."""
    agreements = [
        agreement
        for path in reference_files(args.path)
        for agreement in measure(path, engine=args.engine)
    ]
    if args.list_failures == "agreement":
        sys.stdout.write(disagreement_report(agreements) + "\n")
    sys.stdout.write(agreement_table(agreements) + "\n")
    return agreement_figures(agreements)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the measurements, print them, check the baseline; return the exit status."""
    args = parser().parse_args(argv)
    try:
        baseline = read_baseline(args.baseline, args.engine)
        _require_directory(args.path)
    except UsageError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    figures: dict[str, float] = {}
    if args.only in (None, "suite"):
        figures.update(measure_suite(args))
    if args.only in (None, "agreement"):
        figures.update(measure_agreement(args))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if baseline is None:
        return 0
    measured = [args.only] if args.only else ["suite", "agreement"]
    shortfalls = below_baseline(figures, baseline, measured)
    for line in shortfalls:
        sys.stderr.write(f"below baseline: {line}\n")
    return 1 if shortfalls else 0


if __name__ == "__main__":
    sys.exit(main())
