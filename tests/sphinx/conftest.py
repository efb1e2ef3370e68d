"""Small Sphinx projects written into a temporary directory and built with Sphinx's test app.

``make_app`` is Sphinx's own fixture of that name (``sphinx.testing.fixtures``) made here: a
``pytest_plugins`` line is only allowed in the top-level conftest.
"""

from __future__ import annotations

import sys
import textwrap
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

BIB = r"""
@book{keller2019,
  author = {Keller, Anna and Weber, Jonas},
  title = {Zitieren in der Praxis},
  publisher = {Beispielverlag},
  address = {Berlin},
  date = {2019},
}
@article{mueller2020a,
  author = {Müller, Petra},
  title = {Normen für Literaturangaben & <Quellen>},
  journaltitle = {Zeitschrift für Bibliothekswesen},
  volume = {12},
  pages = {20--35},
  date = {2020},
}
"""

INDEX = """\
Start
=====

Wie :cite:p:`keller2019, p. 23` zeigt und :cite:t:`mueller2020a` sagt.

.. toctree::

   second
   third

.. bibliography::
"""

SECOND = """\
Second
======

Again :cite:p:`{see }mueller2020a, chap. 4{, passim}; keller2019`.
"""

THIRD = """\
# Third

MyST cites {cite:t}`keller2019` and {cite:p}`keller2019,mueller2020a`.
"""


@pytest.fixture
def project(tmp_path):
    """Write a project (conf.py lines and pages by name) and return its source directory."""

    def write(conf="", pages=None, bib=BIB):
        src = tmp_path / "src"
        src.mkdir(exist_ok=True)
        (src / "refs.bib").write_text(bib, encoding="utf-8")
        head = 'extensions = ["citeform.sphinx", "myst_parser"]\nciteform_sources = ["refs.bib"]\n'
        (src / "conf.py").write_text(head + textwrap.dedent(conf), encoding="utf-8")
        given = {"index.rst": INDEX, "second.rst": SECOND, "third.md": THIRD}
        for name, text in (given if pages is None else pages).items():
            (src / name).write_text(text, encoding="utf-8")
        return src

    return write


@pytest.fixture
def make_app():
    """Make :class:`SphinxTestApp` instances (output and warnings in memory), cleaned up after."""
    apps = []
    saved_path = sys.path.copy()

    def make(*args, **kwargs):
        kwargs.setdefault("status", StringIO())
        kwargs.setdefault("warning", StringIO())
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    sys.path[:] = saved_path
    for app in reversed(apps):
        app.cleanup()
