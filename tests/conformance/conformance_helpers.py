"""Small fixture files for testing the conformance runner, written here (not copied)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>Test</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout><text variable="title" font-style="italic"/></layout>
  </bibliography>
</style>"""

ITEMS: list[dict[str, Any]] = [
    {
        "id": "a",
        "type": "book",
        "title": "Alpha",
        "author": [{"family": "Doe", "given": "J"}],
        "issued": {"date-parts": [[2001]]},
    },
    {
        "id": "b",
        "type": "book",
        "title": "Beta",
        "author": [{"family": "Roe", "given": "K"}],
        "issued": {"date-parts": [[2002]]},
    },
]


def fixture_text(
    mode: str,
    result: str,
    *,
    csl: str = STYLE,
    items: list[dict[str, Any]] | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """The text of a fixture file with the given sections."""
    sections = {"MODE": mode, "RESULT": result, "CSL": csl, "INPUT": json.dumps(items or ITEMS)}
    sections.update({name: json.dumps(value) for name, value in (extra or {}).items()})
    body = "".join(
        f">>===== {name} =====>>\n{text}\n<<===== {name} =====<<\n\n"
        for name, text in sections.items()
    )
    return "Text outside sections is ignored.\n\n" + body


def write_fixture(folder: Path, name: str, *args: Any, **kwargs: Any) -> Path:
    """Write a fixture file *name*.txt into *folder*; return its path."""
    path = folder / f"{name}.txt"
    path.write_text(fixture_text(*args, **kwargs), encoding="utf-8")
    return path
