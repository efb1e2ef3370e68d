"""``citeform formats``: the formats citeform reads and writes."""

from __future__ import annotations

import argparse

from citeform.registry import list_formats


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``formats`` subcommand."""
    parser = subparsers.add_parser(
        "formats",
        help="list the formats citeform reads and writes",
        description="List every registered format, built-in or from a plug-in.",
    )
    parser.set_defaults(run=run)


def run(_args: argparse.Namespace) -> int:
    """Print one line per format: name, read/write, description."""
    for fmt in list_formats():
        can = ("read" if fmt.read else "") + ("/" if fmt.read and fmt.write else "")
        can += "write" if fmt.write else ""
        print(f"{fmt.name:14} {can:11} {fmt.description}")
    return 0
