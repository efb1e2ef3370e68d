"""``citeform convert``: records from one format to another."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from citeform.cli._common import Tally, add_input_arguments, iter_records
from citeform.cli.output import atomic_output
from citeform.io import iter_write
from citeform.model import Record
from citeform.vocab import KIND_OF

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
    records = counted(iter_records(args, tally), tally, output_format if args.report else None)
    first = next(records, None)
    pieces: Iterable[str] = ()  # no record usable: no empty document either
    if first is not None or not tally.failed:
        pieces = iter_write(chain((first,), records) if first else records, args.output_format)
    with atomic_output(args.output) as output:
        output.writelines(pieces)
    return tally.exit_code


def counted(records: Iterator[Record], tally: Tally, report: Format | None) -> Iterator[Record]:
    """Pass *records* on as they come, counted.

    With a *report* format, list for each its unmapped fields and what that format's
    writer cannot carry.
    """
    for record in records:
        tally.done += 1
        if report is not None:
            print_unmapped(record)
            print_uncarried(record, report)
        yield record


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
    """Print the unmapped fields of *record* on standard error, one per line.

    A CSL-JSON variable read leniently (see :mod:`citeform.formats.csl_json`) is named
    with what it was read as.
    """
    where = _where(record)
    if not record.unmapped:
        print(f"{where}: all fields mapped", file=sys.stderr)
    for field in record.unmapped:
        language = f" [{field.language}]" if field.language else ""
        if field.key in KIND_OF and record.origin and record.origin.format == "csl-json":
            kept = f"{where}: normalised {field.key} = {field.value!r}, {field.position}"
            print(f"{kept} (written back as given)", file=sys.stderr)
        else:
            print(f"{where}: unmapped {field.key}{language} = {field.value!r}", file=sys.stderr)
