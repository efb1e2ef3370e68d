"""Record -> BibTeX/biblatex -> Record keeps the listed fields; keys are unique and valid."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shared_data import shared_path
from strategies import bib_records, listed_fields

from citeform.bibtex import keys
from citeform.io import read, write
from citeform.model import Name, Record

DIALECTS = ("bibtex", "biblatex")


def trip(records: list[Record], dialect: str) -> list[Record]:
    text = write(records, dialect)
    back = read(text, dialect)
    assert not back.errors, [str(error) for error in back.errors]
    return list(back)


def composed(value: Any) -> Any:
    """*value* with every string in NFC: accents are written composed (see the writer)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: composed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(composed(item) for item in value)
    return value


@pytest.mark.parametrize("dialect", DIALECTS)
@given(record=bib_records())
def test_a_record_survives_a_trip(dialect, record):
    (back,) = trip([record], dialect)
    assert composed(listed_fields(back)) == composed(listed_fields(record))
    assert back.type == record.type


@given(st.lists(bib_records(), min_size=1, max_size=8))
def test_keys_are_unique_and_valid(records):
    assigned = keys.assign(records)
    assert len({key.lower() for key in assigned}) == len(records)
    assert all(keys.is_valid(key) for key in assigned)
    back = trip(records, "biblatex")
    assert [record.id for record in back] == assigned


def test_generated_keys_read_well_and_clash_with_letters():
    record = Record.build(
        "book",
        {"title": "Über die Städte", "author": [Name(family="Müller")], "issued": "2017"},
    )
    assert keys.assign([record, record, record]) == [
        "mueller2017ueber",
        "mueller2017uebera",
        "mueller2017ueberb",
    ]


def test_kept_keys_win_over_generated_ones_and_duplicates_are_told_apart():
    kept = Record.build("book", {"title": "A"}, id="mueller2017ueber")
    generated = Record.build(
        "book", {"title": "Über", "author": [Name(family="Müller")], "issued": "2017"}
    )
    assert keys.assign([generated, kept, kept]) == [
        "mueller2017uebera",
        "mueller2017ueber",
        "mueller2017ueberb",
    ]


def test_unsafe_ids_become_safe_keys():
    record = Record.build("book", {"title": "A"}, id="x,title={\\input{y}} %é")
    (key,) = keys.assign([record])
    assert keys.is_valid(key)
    assert key == "x_title_input_y_e"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_reference_items_survive_a_trip(dialect):
    items = json.loads(shared_path("conformance", "reference", "items.json").read_text("utf-8"))
    records = [Record.from_csl(item) for item in items]
    back = trip(records, dialect)
    assert [record.id for record in back] == [record.id for record in records]
    for original, again in zip(records, back, strict=True):
        assert listed_fields(again) == listed_fields(original), original.id


def test_the_command_line_converts_the_reference_items_to_biblatex(tmp_path):
    items = shared_path("conformance", "reference", "items.json")
    out = tmp_path / "items.bib"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "citeform",
            "convert",
            str(items),
            "--to",
            "biblatex",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    records = [Record.from_csl(item) for item in json.loads(items.read_text("utf-8"))]
    back = read(out, "biblatex")
    assert not back.errors
    assert [listed_fields(record) for record in back] == [listed_fields(r) for r in records]
