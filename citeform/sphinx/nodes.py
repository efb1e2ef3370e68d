"""Placeholder nodes: left by the roles and the directive, replaced once the project is rendered."""

from __future__ import annotations

from docutils import nodes


class pending_citation(nodes.Inline, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """A citation role: ``mode``, ``cites``; ``docname`` and ``index`` once the document is read."""


class pending_bibliography(nodes.General, nodes.Element):  # noqa: N801 - as above
    """A ``bibliography`` directive: ``request``, numbered once the document is read."""
