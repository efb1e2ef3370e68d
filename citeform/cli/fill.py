"""``citeform fill``: fill the Zitierform of whole collections, for DSpace to take back.

Records stream from the inputs through one renderer (or ``--jobs`` worker processes)
into the output writer; a failed record is reported on one line and the batch goes on;
the closing line on standard error counts filled, skipped and failed records.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial

import attrs

from citeform.cli._common import (
    Tally,
    add_engine_argument,
    add_input_arguments,
    fail,
    iter_records,
)
from citeform.cli.cite import default_inputs
from citeform.cli.import_files import ImportOptions
from citeform.cli.output import atomic_output
from citeform.cli.progress import Progress
from citeform.dspace.ids import load_ids, with_uuids
from citeform.errors import CiteformError
from citeform.filling import Outcome, iter_fill, iter_fill_parallel, style_failure
from citeform.formats import csl_json, dspace_csv, dspace_patch
from citeform.model import Record
from citeform.rendering import Renderer
from citeform.review import Review
from citeform.zitierform import ZITIERFORM_POLICY, write_backs

WRITERS: dict[str, Callable[[Iterable[Record]], Iterator[str]]] = {
    "dspace-csv": dspace_csv.iter_write,
    "dspace-patch": dspace_patch.iter_write,
    "csl-json": partial(csl_json.write_pieces, one_per_line=True),
}
"""Output formats of ``fill``, each written as a stream of text pieces."""

WRITES_ALL = frozenset({"csl-json"})
"""Formats that get every record; the DSpace ones get only the records filled now."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``fill`` subcommand."""
    parser = subparsers.add_parser(
        "fill",
        help="fill the Zitierform (dc.identifier.citation) of records, for DSpace",
        description=(
            "Render each record's Zitierform and write it as DSpace batch CSV, REST JSON "
            "Patch bodies or CSL-JSON. Records stream; the style loads once. A Zitierform "
            "already there is kept unless --overwrite. Holdings, the abstract, and the "
            "publisher of a journal article are not passed to the style (--all-fields "
            "passes them). Without FILE, the bundled example record is filled."
        ),
    )
    add_input_arguments(parser, required=False)
    parser.add_argument("--style", default="apa", help="CSL style id or .csl file (default: apa)")
    parser.add_argument("--locale", help="force a locale (default: from each record's language)")
    add_engine_argument(parser)
    parser.add_argument(
        "--to",
        required=True,
        dest="output_format",
        choices=sorted(WRITERS),
        help="DSpace batch CSV, REST JSON Patch bodies, or CSL-JSON (Zitierform in "
        "custom.dspace_citation)",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace a Zitierform that is already filled"
    )
    parser.add_argument(
        "--all-fields",
        action="store_true",
        help="pass every field to the style (holdings and serial publishers included)",
    )
    parser.add_argument(
        "--jobs", type=_positive, default=1, metavar="N", help="render in N processes (default: 1)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, not standard output (replaced only when everything is written)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary; failures are still reported",
    )
    add_import_arguments(parser)
    parser.set_defaults(run=run)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options for DSpace's import: UUIDs, file size, spreadsheets, the review."""
    parser.add_argument(
        "--ids",
        metavar="FILE",
        help="DSpace metadata export CSV or REST JSON giving each handle its item UUID "
        "(and collections, Zitierform language); with --to dspace-csv -o OUT.csv, items "
        "still without UUID go to OUT-without-uuid.csv",
    )
    parser.add_argument(
        "--max-rows",
        type=_positive,
        metavar="N",
        help="with --to dspace-csv -o OUT.csv: numbered files OUT-001.csv, ... of at most N "
        "items (DSpace's web import takes 20 by default)",
    )
    parser.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="write a value that starts like a formula with a leading apostrophe "
        "(for opening the CSV in a spreadsheet; DSpace would store the apostrophe)",
    )
    parser.add_argument(
        "--review",
        metavar="FILE",
        help="write a review of every record (new and existing Zitierform, plausibility "
        "flags): FILE.html, a sortable and filterable page, or FILE.csv",
    )


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


@attrs.define
class FillTally(Tally):
    """Counts filled, skipped and failed records, and items written without UUID."""

    filled: int = 0
    skipped: int = 0
    without_uuid: int = 0

    def records_to_write(
        self, outcomes: Iterable[Outcome], renderer: Renderer, *, everything: bool
    ) -> Iterator[Record]:
        """Count *outcomes*, report failures; yield the records the output gets.

        When the first records fail and the style fails on a plain book too, the style
        is at fault: that one error is raised and the batch stops.
        """
        for outcome in outcomes:
            if outcome.error is not None:
                if not self.done and not self.failed:
                    broken = style_failure(renderer)
                    if broken is not None:
                        raise broken.located(source=str(renderer.style))
                self.report(outcome.error)
            elif outcome.status == "filled":
                self.filled += 1
            else:
                self.skipped += 1
            self.done = self.filled + self.skipped
            if everything or outcome.status == "filled":
                yield outcome.record

    def summary(self) -> str:
        """The closing line: filled, skipped, failed."""
        return f"citeform: filled {self.filled}, skipped {self.skipped}, failed {self.failed}"


def run(args: argparse.Namespace) -> int:
    """Fill every record of every input; return the exit code."""
    options = ImportOptions(
        args.output_format, args.output, args.max_rows, args.ids, args.spreadsheet_safe
    )
    if problem := options.problem():
        return fail(CiteformError(problem))
    renderer = Renderer(args.style, args.locale, engine=args.engine)
    default_inputs(args)
    progress = Progress(enabled=False if args.quiet else None)
    tally = FillTally(progress=progress)
    review = Review() if args.review else None
    outcomes = _outcomes(args, renderer, tally)
    outcomes = review.watch(outcomes) if review else outcomes
    everything = args.output_format in WRITES_ALL
    written = tally.records_to_write(progress.track(outcomes), renderer, everything=everything)
    if options.as_files:
        print(options.write(written).summary(), file=sys.stderr)
    else:
        _write(written if everything else _count_without_uuid(written, tally), options)
    if review is not None:
        with atomic_output(args.review) as output:
            output.write(review.text(args.review))
        print(review.summary(args.review), file=sys.stderr)
    if tally.without_uuid:
        print(
            f"citeform: {tally.without_uuid} item(s) have no UUID and are keyed by handle "
            "('hdl:…') or position; resolve them to UUIDs before DSpace takes them",
            file=sys.stderr,
        )
    if not args.quiet:
        print(tally.summary(), file=sys.stderr)
    return tally.exit_code


def _outcomes(args: argparse.Namespace, renderer: Renderer, tally: FillTally) -> Iterator[Outcome]:
    """The records of the inputs (keyed by UUID with ``--ids``), filled one by one."""
    policy = None if args.all_fields else ZITIERFORM_POLICY
    records = iter_records(args, tally)
    if args.ids:
        records = with_uuids(records, load_ids(args.ids))
    if args.jobs > 1:
        return iter_fill_parallel(
            records, renderer, args.jobs, overwrite=args.overwrite, policy=policy
        )
    return iter_fill(records, renderer, overwrite=args.overwrite, policy=policy)


def _write(records: Iterable[Record], options: ImportOptions) -> None:
    """Write *records* to the one output (a file only once it is whole)."""
    write = WRITERS[options.output_format]
    if options.formula_guard:
        write = partial(dspace_csv.iter_write, formula_guard=True)
    with atomic_output(options.output) as output:
        for piece in write(records):
            output.write(piece)


def _count_without_uuid(records: Iterable[Record], tally: FillTally) -> Iterator[Record]:
    for record in records:
        tally.without_uuid += sum(not wb.item.uuid for wb in write_backs([record]))
        yield record
