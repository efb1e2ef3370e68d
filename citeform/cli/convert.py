"""``citeform convert``: records from one format to another."""

from __future__ import annotations

import argparse
import sys

from citeform.cli._common import Tally, add_input_arguments, iter_records
from citeform.cli.output import atomic_output
from citeform.io import write
from citeform.model import Record


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
        help="list, on standard error, the input fields of each record that no rule maps",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert every record of every input; return the exit code."""
    from citeform.registry import get_format  # noqa: PLC0415 - fail fast on a bad --to

    get_format(args.output_format)
    tally = Tally()
    records = list(iter_records(args, tally))
    tally.done = len(records)
    text = write(records, args.output_format) if records or not tally.failed else ""
    with atomic_output(args.output) as output:
        output.write(text)
    if args.report:
        for record in records:
            print_unmapped(record)
    return tally.exit_code


def print_unmapped(record: Record) -> None:
    """Print the unmapped fields of *record* on standard error, one per line."""
    where = str(record.origin) if record.origin else repr(record.id)
    if not record.unmapped:
        print(f"{where}: all fields mapped", file=sys.stderr)
    for field in record.unmapped:
        language = f" [{field.language}]" if field.language else ""
        print(f"{where}: unmapped {field.key}{language} = {field.value!r}", file=sys.stderr)
