"""Variables read from an item's note (``key: value`` lines)."""

from __future__ import annotations

from citeform.engine.csl.notefield import with_note_fields


def test_note_lines_give_missing_variables_and_leave_the_note() -> None:
    item = {
        "id": "a",
        "title": "T",
        "note": "container-title: Journal: A Title\nevent-date: 2004-10-01/2004-10-14\n"
        "translator: Doe || Jane\ntranslator: ACME\nThe rest of the note.",
    }
    read = with_note_fields(item)
    assert read["container-title"] == "Journal: A Title"
    assert read["event-date"] == {"raw": "2004-10-01/2004-10-14"}
    assert read["translator"] == [{"family": "Doe", "given": "Jane"}, {"literal": "ACME"}]
    assert read["note"] == "The rest of the note."


def test_a_note_never_overrides_a_variable_the_item_has() -> None:
    item = {"id": "a", "title": "T", "note": "title: Other\nissued: 1999"}
    read = with_note_fields(item)
    assert read["title"] == "T"
    assert read["issued"] == {"raw": "1999"}
    assert read["note"] == "title: Other"


def test_reading_stops_at_prose_after_the_first_line() -> None:
    item = {"id": "a", "note": "Some words.\nvolume: 3\nMore words.\nissue: 4"}
    read = with_note_fields(item)
    assert read["volume"] == "3"
    assert "issue" not in read
    assert with_note_fields({"id": "b", "note": "no fields here"}) == {
        "id": "b",
        "note": "no fields here",
    }


def test_inline_fields_in_braces() -> None:
    read = with_note_fields({"id": "a", "note": "{:volume: 7}"})
    assert read["volume"] == "7"
