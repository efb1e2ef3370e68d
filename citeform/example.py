"""The bundled example record: a German DSpace item page whose Zitierform is empty.

It is the text of a Difu repository item page (a contribution by the Städtetag
Nordrhein-Westfalen to the journal "Eildienst"), shipped as package data so that
``citeform`` can show what it does without any input.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

EXAMPLE_RESOURCE = "example-item-page.txt"


def example_path() -> Path:
    """The path of the bundled example item page (read it with format ``dspace-page``)."""
    with as_file(files("citeform") / "data" / EXAMPLE_RESOURCE) as path:
        return Path(path)
