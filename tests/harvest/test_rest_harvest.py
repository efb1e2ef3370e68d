"""DSpace 7 REST harvesting against a live server on 127.0.0.1: HAL pages, next links, UUIDs."""

from __future__ import annotations

import pytest
from harvest_server import Repository, serving

from citeform import Record
from citeform.errors import UnreadableInputError
from citeform.harvest import harvest
from citeform.harvest.http import RetryPolicy

FAST = RetryPolicy(attempts=2, backoff=0.01, timeout=5)


@pytest.mark.parametrize(
    "path", ["/server/api/core/items", "/server/api/discover/search/objects?scope=abc"]
)
def test_items_pages_are_followed_and_carry_uuids(path):
    totals: list[int] = []
    repository = Repository(records=250)
    with serving(repository) as base:
        items = list(harvest(base + path, policy=FAST, on_total=totals.append))
    assert all(isinstance(item, Record) for item in items)
    uuids = [item.id for item in items if isinstance(item, Record)]
    assert uuids == [f"{n:08d}-0000-4000-8000-000000000000" for n in range(250)]
    assert totals == [250]
    assert "size=100" in repository.requests[0]
    assert len(repository.requests) == 3


def test_search_asks_for_items_only():
    repository = Repository(records=5)
    with serving(repository) as base:
        list(harvest(base + "/server/api/discover/search/objects?scope=abc", policy=FAST))
    assert "dsoType=ITEM" in repository.requests[0]
    assert "scope=abc" in repository.requests[0]


def test_empty_collection_is_a_note():
    notes: list[str] = []
    with serving(Repository(records=0)) as base:
        items = list(harvest(base + "/server/api/core/items", policy=FAST, on_note=notes.append))
    assert items == []
    assert len(notes) == 1
    assert "no items" in notes[0]


def test_next_link_to_another_host_is_refused():
    """Asked as ``localhost``, the server links its next page as ``127.0.0.1``."""
    with serving(Repository(records=150)) as base:
        url = base.replace("127.0.0.1", "localhost") + "/server/api/core/items"
        pages = harvest(url, policy=FAST)
        assert isinstance(next(pages), Record)
        with pytest.raises(UnreadableInputError, match="another host"):
            list(pages)
