"""Sphinx extension: cite from citeform's sources in any CSL style and locale.

``extensions = ["citeform.sphinx"]``, then ``citeform_sources`` (files in any format citeform
reads), ``citeform_style`` (id or path, default ``apa``), ``citeform_locale`` (default: the
project's ``language``, else the style's) and ``citeform_scope`` (``project``: one bibliography,
citations rendered as one document in build order; ``document``: each page on its own). Roles
``:cite:p:``, ``:cite:t:``, ``:cite:`` and the ``bibliography`` directive, in reST and MyST.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging

from citeform.errors import CiteformError
from citeform.sphinx.domain import CiteDomain
from citeform.sphinx.markup import WARNING_TYPE, BibliographyDirective, CiteRole
from citeform.sphinx.nodes import pending_bibliography, pending_citation
from citeform.sphinx.project import build_order, render_project
from citeform.sphinx.resolve import ResolveCitations
from citeform.sphinx.settings import SCOPES, project_library, project_settings

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


def check_config(app: Sphinx, config: Config) -> None:
    """Refuse an unknown style, locale or scope; find a style file beside conf.py; serve the CSS."""
    local_style = Path(app.confdir, config.citeform_style)
    if local_style.suffix == ".csl" and local_style.is_file():
        config.citeform_style = str(local_style.resolve())
    if config.citeform_scope not in SCOPES:
        msg = f"citeform_scope must be one of {', '.join(SCOPES)}, not {config.citeform_scope!r}"
        raise ConfigError(msg)
    try:
        project_settings(config)
    except CiteformError as error:
        raise ConfigError(f"citeform: {error}") from error
    if str(STATIC) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def report_sources(app: Sphinx) -> None:
    """Warn about source files or records that could not be read."""
    for problem in project_library(app.config, str(app.srcdir)).problems:
        logger.warning("%s", problem, type=WARNING_TYPE, subtype="source")


def render_all(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Render the project's citations; return the documents whose output changed."""
    domain = env.get_domain("cite")
    assert isinstance(domain, CiteDomain)  # noqa: S101 - registered below
    docs = set(domain.clusters) | set(domain.bibliographies)
    order = build_order(app.config.root_doc, env.toctree_includes, docs)
    library = project_library(app.config, str(app.srcdir))
    try:
        rendered, problems = render_project(
            order,
            clusters=domain.clusters,
            bibliographies=domain.bibliographies,
            records=library.records,
            settings=project_settings(app.config),
            scope=app.config.citeform_scope,
        )
    except CiteformError as error:
        logger.warning("cannot render citations: %s", error, type=WARNING_TYPE, subtype="render")
        return []
    for docname, problem in problems:
        logger.warning("%s", problem, location=docname, type=WARNING_TYPE, subtype="render")
    previous = domain.rendered
    domain.data["rendered"] = rendered
    if previous is None:
        return sorted(docs)
    return sorted(d for d in docs if previous.digest(d) != rendered.digest(d))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration, the ``cite`` domain, the roles, the directive and the events."""
    app.add_config_value("citeform_sources", [], "env", types=[list, tuple])
    if "bibtex_bibfiles" not in app.config:
        app.add_config_value("bibtex_bibfiles", [], "env", types=[list, tuple])
    app.add_config_value("citeform_style", "apa", "env", types=[str])
    app.add_config_value("citeform_locale", None, "env", types=[str, type(None)])
    app.add_config_value("citeform_scope", "project", "env", types=[str])
    app.add_node(pending_citation)
    app.add_node(pending_bibliography)
    app.add_domain(CiteDomain)
    app.add_role("cite", CiteRole("cite"))
    app.add_directive("bibliography", BibliographyDirective)
    app.add_post_transform(ResolveCitations)
    app.add_css_file("citeform.css")
    app.connect("config-inited", check_config)
    app.connect("builder-inited", report_sources)
    app.connect("env-updated", render_all)
    return {
        "version": version("citeform"),
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
