"""Read the human-readable fixtures of the CSL processor test suite.

A fixture is a text file of sections ``>>== NAME ==>>`` … ``<<== NAME ==<<``; text outside the
sections is ignored. JSON sections (``INPUT``, ``CITATION-ITEMS``, ``CITATIONS``, ``BIBENTRIES``)
are decoded; the others are kept as text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs

_SECTION = re.compile(
    r"^>>=+\s*(?P<name>[A-Z-]+)\s*=+>>[ \t]*\n(?P<body>.*?)^<<=+\s*(?P=name)\s*=+<<",
    re.MULTILINE | re.DOTALL,
)
_JSON_SECTIONS = frozenset({"INPUT", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES"})

# Fixtures that test date strings only citeproc-js parses; the project does not count them.
EXCLUDED = frozenset(
    {
        "date_Accessed",
        "date_LopsidedDataYearSuffixCollapse",
        "date_SeasonRange1",
        "date_SeasonRange2",
        "date_SeasonRange3",
        "date_String",
    }
)


@attrs.frozen
class Fixture:
    """One test-suite fixture, its JSON sections decoded."""

    name: str
    mode: str
    csl: str
    items: list[dict[str, Any]]
    result: str
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[list[Any]] | None = None
    bibentries: list[list[str]] | None = None

    @property
    def group(self) -> str:
        """The fixture group: the file-name prefix before the first ``_``."""
        return self.name.split("_", 1)[0]


def parse_fixture(path: Path) -> Fixture:
    """Parse the fixture file at *path*; raise ``ValueError`` when a required section is missing."""
    sections: dict[str, Any] = {}
    for match in _SECTION.finditer(path.read_text(encoding="utf-8-sig")):
        name, body = match["name"], match["body"]
        sections[name] = json.loads(body) if name in _JSON_SECTIONS else body.strip("\n")
    missing = {"MODE", "CSL", "INPUT", "RESULT"} - sections.keys()
    if missing:
        msg = f"{path.name}: missing section(s) {', '.join(sorted(missing))}"
        raise ValueError(msg)
    return Fixture(
        name=path.stem,
        mode=sections["MODE"].strip(),
        csl=sections["CSL"].strip(),
        items=with_ids(sections["INPUT"]),
        result=sections["RESULT"],
        citation_items=sections.get("CITATION-ITEMS"),
        citations=sections.get("CITATIONS"),
        bibentries=sections.get("BIBENTRIES"),
    )


def with_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give items without ``id`` their position as id (as strings); repeated ids: the last."""
    by_id: dict[str, dict[str, Any]] = {}
    for position, item in enumerate(items):
        key = str(item.get("id", position))
        by_id[key] = {**item, "id": key}
    return list(by_id.values())


def fixture_paths(directory: Path) -> list[Path]:
    """The counted fixtures under *directory* (its ``humans/`` folder if it has one), by name."""
    folder = directory / "humans" if (directory / "humans").is_dir() else directory
    return sorted(path for path in folder.glob("*.txt") if path.stem not in EXCLUDED)
