"""The ``citeform`` command line: one module per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

from citeform.cli._common import EXIT_USAGE, fail

SUBCOMMANDS = {
    "cite": "citeform.cli.cite",
    "convert": "citeform.cli.convert",
    "fill": "citeform.cli.fill",
    "formats": "citeform.cli.formats",
    "styles": "citeform.cli.styles",
}
"""Each subcommand and its module, which adds it through ``register(subparsers)``."""


class _VersionAction(argparse.Action):
    """``--version``: print the installed version (read from the package metadata only then)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit", **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        from citeform import __version__  # noqa: PLC0415 - reads package metadata

        print(f"citeform {__version__}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the parser of the whole command line.

    With *command*, only that subcommand's module is imported; the others are listed
    by name, so that running one command does not load what the others need.
    """
    parser = argparse.ArgumentParser(
        prog="citeform",
        description=(
            "Turn bibliographic records (DSpace item pages, REST JSON, OAI-PMH, CSL-JSON, "
            "BibTeX, RIS) into correct citations, and fill DSpace's Zitierform."
        ),
        epilog="Run 'citeform COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action=_VersionAction)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in SUBCOMMANDS.items():
        if command in {None, name}:
            import_module(module).register(subparsers)
        else:
            subparsers.add_parser(name)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand *argv* names, or ``None`` when it names none of them."""
    command = next((argument for argument in argv if not argument.startswith("-")), None)
    return command if command in SUBCOMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 1 some records failed, 2 usage)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(_command_of(arguments)).parse_args(arguments)
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
