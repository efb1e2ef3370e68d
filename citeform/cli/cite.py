"""``citeform cite``: render records as bibliography entries, one per line."""

from __future__ import annotations

import argparse
import sys

from citeform.cli._common import Tally, add_engine_argument, add_input_arguments, iter_records
from citeform.engine.base import OUTPUT_FORMATS
from citeform.zitierform import ZITIERFORM_POLICY, for_style


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cite`` subcommand."""
    parser = subparsers.add_parser(
        "cite",
        help="render records as citations in a CSL style",
        description=(
            "Render the records of the inputs as bibliography entries in a CSL style, one "
            "entry per line, in the style's order. With no input, the bundled example record "
            "is rendered. Records that cannot be read or rendered are reported on standard "
            "error; the others are still printed."
        ),
    )
    add_input_arguments(parser, required=False)
    parser.add_argument(
        "--style",
        default="apa",
        metavar="NAME|PATH",
        help="style id (see 'citeform styles') or path to a .csl file (default: apa)",
    )
    parser.add_argument(
        "--locale",
        metavar="LL-CC",
        help="locale, e.g. de-DE (default: the record's language, else the style's, else en-US)",
    )
    add_engine_argument(parser)
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=OUTPUT_FORMATS,
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--all-fields",
        action="store_true",
        help=(
            "pass every field to the style; by default holdings (archive, call number) and a "
            "serial's publisher and place are left out of the citation, as for a Zitierform"
        ),
    )
    parser.set_defaults(run=run)


def default_inputs(args: argparse.Namespace) -> None:
    """With no FILE, read the bundled example record (the one place that knows it)."""
    if not args.files:
        from citeform.example import example_path  # noqa: PLC0415 - only needed here

        args.files = [str(example_path())]
        args.input_format = args.input_format or "dspace-page"


def run(args: argparse.Namespace) -> int:
    """Render every readable record; return the exit code."""
    from citeform.rendering import Renderer  # noqa: PLC0415 - loads the CSL engine

    renderer = Renderer(
        args.style, locale=args.locale, format=args.output_format, engine=args.engine
    )
    default_inputs(args)
    tally = Tally()
    policy = None if args.all_fields else ZITIERFORM_POLICY
    records = [for_style(record, policy) for record in iter_records(args, tally)]
    entries = renderer.bibliography(records)
    for error in entries.errors:
        tally.report(error)
    tally.done = len(entries)
    for entry in entries:
        sys.stdout.write(" ".join(entry.split("\n")) + "\n")
    return tally.exit_code
