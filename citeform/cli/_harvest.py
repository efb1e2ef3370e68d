"""The harvesting options of the subcommands, and reading an input that is a URL."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from citeform.harvest import harvest

if TYPE_CHECKING:
    from citeform.errors import CiteformError
    from citeform.model import Record

DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 4


def add_harvest_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options that apply when an input is an ``http(s)://`` URL."""
    group = parser.add_argument_group(
        "harvesting (when FILE is an OAI-PMH endpoint or a DSpace REST URL)"
    )
    group.add_argument(
        "--metadata-prefix",
        default="dim",
        metavar="PREFIX",
        help="OAI-PMH metadata format to harvest: dim (the default; keeps DSpace's qualifiers) "
        "or oai_dc",
    )
    group.add_argument("--set", dest="set_spec", metavar="SET", help="OAI-PMH set, e.g. col_1_2")
    group.add_argument(
        "--since",
        metavar="DATE",
        help="only records changed on or after DATE (YYYY-MM-DD; OAI-PMH 'from')",
    )
    group.add_argument(
        "--until", metavar="DATE", help="only records changed on or before DATE (YYYY-MM-DD)"
    )
    group.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"wait this long for the server before trying again (default: {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--retries",
        type=_count,
        default=DEFAULT_RETRIES,
        metavar="N",
        help="tries again N times after a timeout or a 5xx answer, waiting longer each time "
        f"or as the server asks (default: {DEFAULT_RETRIES})",
    )


def _seconds(text: str) -> float:
    seconds = float(text)
    if not seconds > 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return seconds


def _count(text: str) -> int:
    number = int(text)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def iter_url(
    url: str,
    args: argparse.Namespace,
    on_total: Callable[[int], None],
    on_note: Callable[[str], None],
) -> Iterator[Record | CiteformError]:
    """The records harvested from *url* with the options in *args*.

    *on_total* gets the number of records the server announces, *on_note* a line to show
    (nothing matched, deleted records skipped).
    """
    from citeform.harvest.http import RetryPolicy  # noqa: PLC0415 - HTTP only when harvesting

    policy = RetryPolicy(attempts=args.retries + 1, timeout=args.timeout)
    return harvest(
        url,
        metadata_prefix=args.metadata_prefix,
        set_spec=args.set_spec,
        since=args.since,
        until=args.until,
        policy=policy,
        on_total=on_total,
        on_note=lambda line: on_note(f"citeform: {line}"),
    )
