"""The ``citeform`` command line: one module per subcommand."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from importlib import import_module
from types import FrameType
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


class Interrupted(KeyboardInterrupt):
    """The command was stopped by a signal; output files are left as they were."""

    def __init__(self, signum: int) -> None:
        """Remember which signal stopped the command."""
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted`, so that cleanup runs for both."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, _interrupt) for signum in caught}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 1 some records failed, 2 usage).

    Stopped by SIGINT or SIGTERM, it says so and returns 128 plus the signal's number;
    an output file named with ``-o`` is then left as it was.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(_command_of(arguments)).parse_args(arguments)
    try:
        with _signals_interrupt():
            code: int = args.run(args)
    except KeyboardInterrupt as error:
        signum = error.signum if isinstance(error, Interrupted) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"citeform: stopped by {name}; no output file was changed", file=sys.stderr)
        return 128 + signum
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return 0
    except Exception as error:  # noqa: BLE001 - user errors become one line, never a traceback
        return fail(error)
    return code


__all__ = ["EXIT_USAGE", "build_parser", "main"]
