"""Sphinx directive ``citeform-cli``: the command line's ``--help`` texts, generated at build time.

The texts come from :func:`citeform.cli.build_parser`, so a new subcommand or option shows up in
the docs without anyone pasting it. Each subcommand gets a section with its help in a literal block
of plain text (no highlighting).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from citeform.cli import build_parser

HELP_WIDTH = "88"
"""Columns argparse wraps the help at; fixed so that the build does not depend on the terminal."""


@contextmanager
def fixed_width() -> Iterator[None]:
    """Make argparse wrap at :data:`HELP_WIDTH` columns for the duration."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_WIDTH
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommand parsers of *parser*, by name, in the order they were added."""
    for action in parser._actions:  # noqa: SLF001 - argparse has no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - same
            return dict(action.choices)
    return {}


def help_texts(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The ``--help`` text of ``citeform`` and of each subcommand, by command line."""
    with fixed_width():
        texts = {"citeform": parser.format_help()}
        for name, subparser in subcommands(parser).items():
            texts[f"citeform {name}"] = subparser.format_help()
    return texts


class CliHelpDirective(SphinxDirective):
    """Insert one section per command with its ``--help`` text as a literal block."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the sections from the parser of the installed citeform."""
        sections: list[nodes.Node] = []
        for command, text in help_texts(build_parser()).items():
            section = nodes.section(
                ids=[nodes.make_id(command)], names=[nodes.fully_normalize_name(command)]
            )
            section += nodes.title("", "", nodes.literal(command, command))
            section += nodes.literal_block(text, text, language="text")
            self.state.document.note_implicit_target(section, section)
            sections.append(section)
        return sections


def setup(app: Sphinx) -> dict[str, object]:
    """Register the directive."""
    app.add_directive("citeform-cli", CliHelpDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
