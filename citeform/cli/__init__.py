"""The ``citeform`` command line: one module per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from citeform.cli._common import EXIT_USAGE, fail

SUBCOMMANDS = (
    "citeform.cli.cite",
    "citeform.cli.convert",
    "citeform.cli.fill",
    "citeform.cli.formats",
    "citeform.cli.styles",
)
"""Modules that each add one subcommand through ``register(subparsers)``."""


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the whole command line."""
    from citeform import __version__  # noqa: PLC0415 - reads package metadata

    parser = argparse.ArgumentParser(
        prog="citeform",
        description=(
            "Turn bibliographic records (DSpace item pages, REST JSON, OAI-PMH, CSL-JSON, "
            "BibTeX, RIS) into correct citations, and fill DSpace's Zitierform."
        ),
        epilog="Run 'citeform COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"citeform {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 1 some records failed, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return 0
    except Exception as error:  # noqa: BLE001 - user errors become one line, never a traceback
        return fail(error)
    return code


__all__ = ["EXIT_USAGE", "build_parser", "main"]
