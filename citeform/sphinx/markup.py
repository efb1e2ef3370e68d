"""The roles (``:cite:p:``, ``:cite:t:``, ``:cite:``) and the ``bibliography`` directive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Node, system_message
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from citeform.errors import CiteformError
from citeform.sphinx.cites import BibliographyRequest, Mode
from citeform.sphinx.labels import read_label
from citeform.sphinx.library import Library
from citeform.sphinx.nodes import pending_bibliography, pending_citation
from citeform.sphinx.settings import SCOPES, project_library, project_settings
from citeform.sphinx.syntax import CiteSyntaxError, parse_cites
from citeform.styles import resolve_locale, resolve_style

logger = logging.getLogger(__name__)

WARNING_TYPE = "citeform"
"""The warnings' type: ``suppress_warnings = ["citeform"]`` (or ``citeform.key``) silences them."""


def _library(directive: SphinxRole | SphinxDirective) -> Library:
    """The project's records; the document depends on their files from now on."""
    library = project_library(directive.config, str(directive.env.srcdir))
    for path in library.files:
        directive.env.note_dependency(str(path))
    return library


class CiteRole(SphinxRole):
    """A citation: cites separated by ``;``, each ``{prefix}key, locator{suffix}``."""

    def __init__(self, mode: Mode) -> None:
        """A role of *mode* (``p``, ``t`` or ``cite``)."""
        self.mode: Mode = mode

    def run(self) -> tuple[list[Node], list[system_message]]:
        """A pending citation of the known keys; a warning for each unknown one."""
        library = _library(self)
        locale = project_settings(self.config).locale
        try:
            cites = parse_cites(self.text, library.records, lambda text: read_label(text, locale))
        except CiteSyntaxError as error:
            logger.warning(
                "%s", error, location=self.get_location(), type=WARNING_TYPE, subtype="syntax"
            )
            return [nodes.inline(self.rawtext, self.text, classes=["citeform-missing"])], []
        for cite in cites:
            if cite.key not in library.records:
                logger.warning(
                    "unknown cite key %r (not in citeform_sources)",
                    cite.key,
                    location=self.get_location(),
                    type=WARNING_TYPE,
                    subtype="key",
                )
        known = tuple(cite for cite in cites if cite.key in library.records)
        if not known:
            return [nodes.inline(self.rawtext, self.text, classes=["citeform-missing"])], []
        node = pending_citation(self.rawtext, nodes.Text(self.text), mode=self.mode, cites=known)
        self.set_source_info(node)
        return [node], []


class BibliographyDirective(SphinxDirective):
    """The works cited in the document or the project (or ``:all:``), in the style's order."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "all": directives.flag,
        "scope": lambda value: directives.choice(value, SCOPES),
        "style": directives.unchanged_required,
        "locale": directives.unchanged_required,
    }

    def run(self) -> list[Node]:
        """A pending bibliography; an error for an unknown style or locale."""
        _library(self)
        style = self.options.get("style")
        if style and style.endswith(".csl"):
            style = self.env.relfn2path(style)[1]
        locale = self.options.get("locale")
        try:
            if style:
                resolve_style(style)
            if locale:
                locale = resolve_locale(locale)
        except CiteformError as error:
            raise self.error(str(error)) from error
        request = BibliographyRequest(
            docname=self.env.docname,
            index=0,
            scope=self.options.get("scope", self.config.citeform_scope),
            everything="all" in self.options,
            style=style,
            locale=locale,
        )
        node = pending_bibliography(request=request)
        self.set_source_info(node)
        return [node]
