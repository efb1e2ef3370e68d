"""What the subcommands share: inputs, error lines, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from citeform.cli._harvest import add_harvest_arguments, iter_url
from citeform.cli.progress import Progress
from citeform.errors import CiteformError
from citeform.harvest import is_url
from citeform.io import iter_read
from citeform.model import Record
from citeform.sources import Source

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def add_input_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """Add the FILE arguments (``-`` for standard input) and ``--from``."""
    parser.add_argument(
        "files",
        nargs="+" if required else "*",
        metavar="FILE",
        help="input files or directories; '-' reads standard input; an http(s) URL is harvested "
        "(OAI-PMH endpoint, or DSpace REST items or search URL)",
    )
    parser.add_argument(
        "--from",
        dest="input_format",
        metavar="FORMAT",
        help="input format (default: told from the content; see 'citeform formats')",
    )
    parser.add_argument(
        "--labels",
        metavar="FILE",
        help=(
            "JSON file of your repository's item-page labels for the dspace-page reader: "
            '{"labels": {"Label": "dc.field"}, "noise": ["UI line"]}'
        ),
    )
    add_harvest_arguments(parser)


ENGINE_NAMES = ("citeproc-py", "csl")
"""The engines :class:`~citeform.rendering.Renderer` offers (kept here: the CLI loads no engine
to build its parser)."""


def add_engine_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--engine``: the CSL processor to render with."""
    parser.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default=ENGINE_NAMES[0],
        help="CSL processor: citeproc-py (default) or csl, citeform's own compile-once processor",
    )


def error_line(error: BaseException) -> str:
    """The one line printed for *error*."""
    if isinstance(error, CiteformError):
        return f"citeform: {error}"
    return f"citeform: internal error: {type(error).__name__}: {error}"


def fail(error: BaseException) -> int:
    """Print *error* on one line and return the exit code for it."""
    print(error_line(error), file=sys.stderr)
    return EXIT_USAGE


@attrs.define
class Tally:
    """Counts records done and failed, and turns them into the exit code."""

    done: int = 0
    failed: int = 0
    progress: Progress | None = None
    """Where lines go when a progress bar is shown (above it); else standard error."""
    expected: int | None = None
    """Records the inputs announce (an OAI-PMH completeListSize), when they do."""

    def report(self, error: CiteformError) -> None:
        """Count a failed record and print its error."""
        self.failed += 1
        self.say(error_line(error))

    def expect(self, total: int) -> None:
        """Add *total* records that an input announces; the progress bar shows the sum."""
        self.expected = (self.expected or 0) + total
        if self.progress is not None:
            self.progress.expect(self.expected)

    def say(self, line: str) -> None:
        """Print *line* on standard error, above the progress bar if there is one."""
        if self.progress is not None:
            self.progress.echo(line)
        else:
            print(line, file=sys.stderr)

    @property
    def exit_code(self) -> int:
        """0 when everything was done, 1 when some records failed, 2 when none were usable."""
        if not self.failed:
            return EXIT_OK
        return EXIT_SOME_FAILED if self.done else EXIT_USAGE


def iter_records(args: argparse.Namespace, tally: Tally) -> Iterator[Record]:
    """Yield the records of all inputs named in *args*; failures go to *tally*."""
    if getattr(args, "labels", None):
        from citeform.dspace.labels import load_labels  # noqa: PLC0415 - only for item pages

        load_labels(args.labels)
    for name in args.files:
        try:
            source: object = Source.stdin() if name == "-" else Path(name)
            items = (
                iter_url(name, args, tally.expect, tally.say)
                if is_url(name)
                else iter_read(source, args.input_format)
            )
            for item in items:
                if isinstance(item, CiteformError):
                    tally.report(item)
                else:
                    yield item
        except CiteformError as error:  # one unreadable input does not stop the others
            tally.report(error.located(source=name))
