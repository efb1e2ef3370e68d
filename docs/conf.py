"""Sphinx configuration: MyST Markdown pages, autodoc reference, the CLI's help generated.

Build with ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (what CI runs).
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.metadata import version as package_version
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "citeform"
author = "citeform developers"
copyright = "citeform developers, MIT licence"  # noqa: A001 - the name Sphinx reads
release = package_version("citeform")
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc", "cli_help", "citeform.sphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]
citeform_sources = ["references.bib"]
citeform_scope = "document"

html_theme = "furo" if importlib.util.find_spec("furo") else "alabaster"
html_title = f"citeform {release}"
html_static_path = ["_static"]
html_css_files = ["citeform.css"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": True}

nitpicky = True
"""Every cross-reference must resolve; only the library types named below are exempt."""

nitpick_ignore_regex = [
    # Python and third-party types in signatures: there is no intersphinx (the build is offline).
    ("py:class", r"(typing|collections\.abc|os|pathlib|argparse|attrs|attr|io)\..+"),
    ("py:class", r"(Any|Path|PathLike|Iterable|Iterator|Mapping|Sequence|Callable|IO|TypeVar)"),
    ("py:class", r"(Final|ClassVar|Literal|K|V)"),
    ("py:obj", r"citeform\.model\.(K|V)"),
    ("py:class", r"citeform\.(model\.)?(Flag|NumberValue|Value|K|V)"),
    ("py:class", r"(Flag|NumberValue|Value|OutputFormat|CslItem|Reader|Writer|Sniffer)"),
]


def resolve_public_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Point ``citeform.<module>.<Name>`` at ``citeform.<Name>`` when only the latter is documented.

    Docstrings name objects by the module that defines them; the reference documents the public
    names that ``citeform`` exports.
    """
    if node.get("refdomain") != "py":
        return None
    short = str(node["reftarget"]).rsplit(".", 1)[-1]
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    public = f"citeform.{short}"
    if public not in objects:
        return None
    entry = objects[public]
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, public)


def setup(app: Sphinx) -> None:
    """Connect the alias resolver."""
    app.connect("missing-reference", resolve_public_alias)
