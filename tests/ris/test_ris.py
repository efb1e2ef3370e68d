"""RIS: reading what Citavi, EndNote and Zotero write, and Record -> RIS -> Record."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shared_data import shared_path
from strategies import bib_records, listed_fields

from citeform.coverage import RENDERING_VARIABLES
from citeform.errors import CiteformError, UnreadableInputError
from citeform.io import read, write
from citeform.model import Date, Name, Record
from citeform.registry import detect_format
from citeform.sources import Source

ZOTERO_STYLE = """\
TY  - JOUR
TI  - Fachkonferenz zur Arbeitsmarktintegration
AU  - Müller, Hans
AU  - van der Berg, Jan, Jr.
AU  - Städtetag Nordrhein-Westfalen
T2  - Eildienst
IS  - 2
SP  - 3
EP  - 4
PY  - 2017
DA  - 2017/02/14/
CY  - Köln
SN  - 0012-3456
LA  - de
KW  - Integration
KW  - Arbeitsmarkt
N1  - Zitierform: Städtetag NRW (2017): Fachkonferenz.
AN  - 12345
ER  -

TY  - BOOK
TI  - Zweites Buch
ER  -
"""


def test_reads_tags_names_dates_and_keeps_the_rest():
    first, second = read(ZOTERO_STYLE, "ris")
    assert first.type == "article-journal"
    assert first.get("author") == (
        Name(family="Müller", given="Hans"),
        Name(family="van der Berg", given="Jan", suffix="Jr."),
        Name.corporate("Städtetag Nordrhein-Westfalen"),
    )
    assert first.get("issued") == Date.of(2017, 2, 14)
    assert first.get("page") == "3-4"
    assert first.get("ISSN") == "0012-3456"
    assert first.get("keyword") == "Integration, Arbeitsmarkt"
    assert first.citation == "Städtetag NRW (2017): Fachkonferenz."
    assert [(field.key, field.value, field.position) for field in first.unmapped] == [
        ("AN", "12345", "line 18")
    ]
    assert str(first.origin).endswith(":line 1")
    assert second.type == "book"
    assert second.origin is not None
    assert second.origin.position == "line 21"


def test_is_detected_from_content():
    assert detect_format(Source("x", text=ZOTERO_STYLE)).name == "ris"


def test_text_without_records_is_unreadable():
    with pytest.raises(UnreadableInputError):
        read("no records here\n", "ris")


def test_unknown_types_and_repeated_tags_are_kept():
    (record,) = read("TY  - XYZ\nTI  - A\nTI  - B\nER  - \n", "ris")
    assert record.type == "document"
    assert record.get("title") == "A"
    assert [(field.key, field.value) for field in record.unmapped] == [("TY", "XYZ"), ("TI", "B")]


def test_writes_the_zitierform_as_a_note_and_dates_ris_style():
    record = Record.build(
        "article-journal",
        {"title": "T", "issued": Date.of(2017, 2), "page": "3-4"},
        citation="X (2017): T.",
    )
    text = write([record], "ris")
    assert "TY  - JOUR\n" in text
    assert "PY  - 2017\nDA  - 2017/02//\n" in text
    assert "SP  - 3\nEP  - 4\n" in text
    assert "N1  - Zitierform: X (2017): T.\n" in text
    assert "N1  - " not in write([record], "ris", citation=False)


@given(record=bib_records())
def test_a_record_survives_a_trip(record):
    back = read(write([record], "ris"), "ris")
    assert not back.errors
    (again,) = back
    assert listed_fields(again, particles=False) == listed_fields(record, particles=False)
    assert again.type == record.type
    assert again.id == record.id


def test_reference_items_survive_a_trip():
    items = json.loads(shared_path("conformance", "reference", "items.json").read_text("utf-8"))
    records = [Record.from_csl(item) for item in items]
    back = read(write(records, "ris"), "ris")
    assert len(back) == len(records)
    for original, again in zip(records, back, strict=True):
        expected = listed_fields(original, particles=False)
        assert listed_fields(again, particles=False) == expected, original.id
        assert set(again.variables) == set(original.variables) - RENDERING_VARIABLES


@given(st.text(alphabet=st.sampled_from("TYAUPDSNERIK -/0123456789,\nabc\u2028"), max_size=300))
def test_any_text_is_read_or_refused_cleanly(text):
    try:
        records = read("TY  - JOUR\n" + text, "ris")
    except CiteformError:
        return
    write(records, "ris")


@pytest.mark.parametrize("date", ["2017/99/99/", "0000///", "2017/00/14/", "x/y"])
def test_odd_dates_are_kept_not_fatal(date):
    (record,) = read(f"TY  - JOUR\nDA  - {date}\nER  -\n", "ris")
    assert record.get("issued") is not None


def test_a_conference_place_is_c1_and_other_variables_are_m2_lines():
    record = Record.build(
        "paper-conference",
        {
            "title": "Talk",
            "container-title": "Proceedings",
            "event-title": "Fachkonferenz",
            "event-place": "Köln",
            "translator": [Name(family="Doe", given="Jane")],
            "event-date": "2017-02-14",
        },
    )
    ris = write([record], "ris")
    assert "C1  - Köln" in ris
    assert "M2  - event-title: Fachkonferenz" in ris
    assert "M2  - event-date: 2017/02/14/" in ris
    (back,) = read(ris, "ris")
    assert back.variables == record.variables
    (journal,) = read("TY  - JOUR\nC1  - Köln\nM2  - no variable here\nER  - \n", "ris")
    assert journal.get("event-place") is None
    assert [field.key for field in journal.unmapped] == ["C1", "M2"]
