"""Handles to UUIDs from a metadata export or REST JSON (`fill --ids`)."""

import json

import pytest
from dspace_export import export_csv, item_uuid

from citeform import Record
from citeform.dspace.ids import load_ids, with_uuids
from citeform.errors import UnreadableInputError
from citeform.zitierform import DSpaceItem

UUID = "1911e8a4-6939-490c-b58b-a5d70f8d91fb"


def test_from_rest_json(tmp_path):
    path = tmp_path / "items.json"
    item = {"uuid": UUID, "handle": "10673/20", "metadata": {"dc.title": [{"value": "T"}]}}
    path.write_text(json.dumps([item]), encoding="utf-8")
    assert load_ids(path) == {"10673/20": DSpaceItem(UUID, "10673/20")}


def test_from_a_metadata_export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(export_csv(3), encoding="utf-8")
    ids = load_ids(path)
    assert ids["123456789/1002"] == DSpaceItem(
        item_uuid(2), "123456789/1002", "123456789/7||123456789/9", "de"
    )


def test_records_get_uuid_and_what_they_lack():
    ids = {"1/2": DSpaceItem(UUID, "1/2", "1/1", "en")}
    harvested = Record.build(
        "book",
        {"title": "T", "URL": "https://hdl.handle.net/1/2"},
        custom={"dspace_citation_language": "de"},
    )
    other = Record.build("book", {"title": "U", "URL": "https://hdl.handle.net/1/3"})
    first, second = with_uuids([harvested, other], ids)
    assert DSpaceItem.of(first) == DSpaceItem(UUID, "1/2", "1/1", "de")
    assert second is other


def test_a_file_without_pairs_is_refused(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"type": "book", "id": "x", "title": "T"}]), encoding="utf-8")
    with pytest.raises(UnreadableInputError, match="no item with both a UUID and a handle"):
        load_ids(path)
