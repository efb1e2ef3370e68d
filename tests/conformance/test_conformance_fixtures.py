"""Reading fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conformance_helpers import write_fixture

from citeform.conformance.fixtures import EXCLUDED, fixture_paths, parse_fixture, with_ids


def test_sections_are_read_and_json_decoded(tmp_path: Path) -> None:
    path = write_fixture(
        tmp_path, "group_Name", "citation", "(Doe 2001)", extra={"CITATION-ITEMS": [[{"id": "a"}]]}
    )
    fixture = parse_fixture(path)
    assert fixture.name == "group_Name"
    assert fixture.group == "group"
    assert fixture.mode == "citation"
    assert fixture.result == "(Doe 2001)"
    assert fixture.citation_items == [[{"id": "a"}]]
    assert [item["id"] for item in fixture.items] == ["a", "b"]
    assert fixture.csl.startswith("<style")


def test_a_missing_section_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken_Fixture.txt"
    path.write_text(">>===== MODE =====>>\ncitation\n<<===== MODE =====<<\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing section"):
        parse_fixture(path)


def test_items_without_id_get_their_position_and_repeated_ids_the_last_item() -> None:
    items = with_ids([{"title": "first"}, {"id": "x", "title": "old"}, {"id": "x", "title": "new"}])
    assert items == [{"id": "0", "title": "first"}, {"id": "x", "title": "new"}]


def test_excluded_fixtures_are_not_listed(tmp_path: Path) -> None:
    humans = tmp_path / "humans"
    humans.mkdir()
    for name in ("date_String", "date_Other"):
        write_fixture(humans, name, "citation", "")
    assert "date_String" in EXCLUDED
    assert [path.stem for path in fixture_paths(tmp_path)] == ["date_Other"]


def test_a_byte_order_mark_before_the_first_section_is_ignored(tmp_path: Path) -> None:
    path = write_fixture(tmp_path, "date_Bom", "citation", "(Doe 2001)")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().split(b"\n\n", 1)[1])
    assert parse_fixture(path).mode == "citation"
