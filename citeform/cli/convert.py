"""``citeform convert``: records from one format to another."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from citeform.cli._common import Tally, add_input_arguments, iter_records
from citeform.io import write
from citeform.model import Record

if TYPE_CHECKING:
    from citeform.registry import Format


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``convert`` subcommand."""
    parser = subparsers.add_parser(
        "convert",
        help="convert records between formats",
        description=(
            "Read records in any supported format and write them in another. Records that "
            "cannot be read are reported on standard error; the others are still written."
        ),
    )
    add_input_arguments(parser)
    parser.add_argument(
        "--to",
        required=True,
        dest="output_format",
        metavar="FORMAT",
        help="output format (see 'citeform formats')",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument(
        "--report",
        action="store_true",
        help=(
            "list, on standard error, the input fields of each record that no rule maps, and "
            "the variables the output format holds only in its extra field or cannot hold"
        ),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert every record of every input; return the exit code."""
    from citeform.registry import get_format  # noqa: PLC0415 - fail fast on a bad --to

    output_format = get_format(args.output_format)
    tally = Tally()
    records = list(iter_records(args, tally))
    tally.done = len(records)
    text = write(records, args.output_format) if records or not tally.failed else ""
    if args.output:
        with open(args.output, "w", encoding="utf-8") as file:  # noqa: PTH123
            file.write(text)
    else:
        sys.stdout.write(text)
    if args.report:
        for record in records:
            print_unmapped(record)
            print_uncarried(record, output_format)
    return tally.exit_code


def print_uncarried(record: Record, output_format: Format) -> None:
    """Print what the writer of *output_format* keeps only in its extra field, or loses."""
    if output_format.coverage is None:
        return
    coverage = output_format.coverage(record)
    name = output_format.name
    for label, variables in (
        (f"in {name}'s extra field", coverage.extra),
        (f"not carried by {name}", coverage.lost),
    ):
        if variables:
            print(f"{_where(record)}: {label}: {', '.join(variables)}", file=sys.stderr)


def _where(record: Record) -> str:
    return str(record.origin) if record.origin else repr(record.id)


def print_unmapped(record: Record) -> None:
    """Print the unmapped fields of *record* on standard error, one per line."""
    where = _where(record)
    if not record.unmapped:
        print(f"{where}: all fields mapped", file=sys.stderr)
    for field in record.unmapped:
        language = f" [{field.language}]" if field.language else ""
        print(f"{where}: unmapped {field.key}{language} = {field.value!r}", file=sys.stderr)
