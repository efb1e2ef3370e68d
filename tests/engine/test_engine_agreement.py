"""Exact agreement with citeproc-js on ../shared/conformance/reference (read in place).

The measure is the one ../shared/conformance/reference/README.md defines: whitespace
normalised, order ignored, each produced entry matching at most one reference entry, per
pair matches / max(reference, produced). Goals: at least 95 % over all 14 style-locale pairs
and none under 85 %, in text and in HTML.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from citeform.rendering import Renderer
from citeform.styles import resolve_style

OVERALL_GOAL = 0.95
PAIR_FLOOR = 0.85


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def _agreement(reference_dir: Path, output: str) -> dict[str, tuple[int, int]]:
    items = json.loads((reference_dir / "items.json").read_text(encoding="utf-8"))
    results = {}
    for path in sorted(reference_dir.glob("*.*-*.json")):
        reference = json.loads(path.read_text(encoding="utf-8"))
        style = resolve_style(reference["style"]).path
        renderer = Renderer(str(style), locale=reference["locale"], format=output)
        produced = [_normalise(entry) for entry in renderer.bibliography(items)]
        expected = Counter(
            _normalise(entry) for entry in reference["entries" if output == "text" else "html"]
        )
        matches = 0
        for entry in produced:
            if expected[entry] > 0:
                expected[entry] -= 1
                matches += 1
        denominator = max(sum(Counter(reference["ids"]).values()), len(produced))
        results[path.stem] = (matches, denominator)
    return results


@pytest.mark.conformance  # CI's conformance step measures these pairs against stricter baselines
@pytest.mark.parametrize("output", ["text", "html"])
def test_agreement_with_citeproc_js(output: str, shared: Callable[..., Path]) -> None:
    results = _agreement(shared("conformance", "reference"), output)
    assert len(results) == 14
    matches = sum(found for found, _ in results.values())
    total = sum(denominator for _, denominator in results.values())
    low = {
        pair: f"{found}/{of}" for pair, (found, of) in results.items() if found / of < PAIR_FLOOR
    }
    assert matches / total >= OVERALL_GOAL, f"{matches}/{total}"
    assert not low
