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
    parser = build_parser()
    args = parser.parse_args(argv)
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
