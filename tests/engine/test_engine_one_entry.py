"""A one-record bibliography skips sorting and year-suffixes: the entry is the same.

``Renderer.entry`` (and so ``fill``) renders one record at a time; sorting one entry or
looking for items that share its citation cannot change it, so the engine skips both.
Compared here with the engine made to run both passes anyway.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from strategies import records

from citeform import Record, Renderer
from citeform.engine.citeproc import engine

STYLES = ("apa", "din-1505-2", "chicago-author-date", "ieee")


@pytest.fixture(scope="module")
def renderers() -> list[Renderer]:
    return [Renderer(style, locale) for style in STYLES for locale in ("en-US", "de-DE")]


def _entries(renderers: list[Renderer], record: Record) -> list[object]:
    outcomes: list[object] = []
    for renderer in renderers:
        try:
            outcomes.append(renderer.entry(record))
        except Exception as error:  # noqa: BLE001 - the same failure either way
            outcomes.append(type(error))
    return outcomes


@settings(max_examples=25)
@given(record=records())
def test_one_entry_is_the_same_without_sorting_and_suffixes(
    renderers: list[Renderer], record: Record
) -> None:
    skipped = _entries(renderers, record)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "MIN_ENTRIES_TO_ORDER", 0)
        full = _entries(renderers, record)
    assert skipped == full


def test_two_entries_are_still_sorted_and_told_apart() -> None:
    def book(key: str, title: str) -> dict[str, object]:
        return {
            "id": key,
            "type": "book",
            "title": title,
            "author": [{"family": "Doe", "given": "Jane"}],
            "issued": {"date-parts": [[2000]]},
        }

    entries = Renderer("apa", "en-US").bibliography([book("b", "Zebra"), book("a", "Aardvark")])
    assert entries[0].startswith("Doe, J. (2000a). Aardvark")
    assert entries[1].startswith("Doe, J. (2000b). Zebra")
