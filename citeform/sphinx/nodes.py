"""Placeholder nodes: left by the roles and the directive, replaced once the project is rendered."""

from __future__ import annotations

from docutils import nodes


class pending_citation(nodes.inline):  # noqa: N801 - docutils names nodes in lower case
    """A citation role: ``mode``, ``cites``; ``docname`` and ``index`` once the document is read.

    Sphinx's writers find visitors through a node's bases, so copies that the transform never
    sees (a heading's, in a table of contents) are written as an inline of the role's text.
    """


class pending_bibliography(nodes.General, nodes.Element):  # noqa: N801 - as above
    """A ``bibliography`` directive: ``request``, numbered once the document is read."""
