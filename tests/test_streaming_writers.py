"""Writers that stream: the same text as written whole, one record held at a time."""

from __future__ import annotations

import gc
import weakref

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import bib_records, records

from citeform.bibtex import keys
from citeform.io import iter_write, write
from citeform.model import Name, Record
from citeform.registry import get_format

STREAMING = ("csl-json", "bibtex", "biblatex", "ris")


@pytest.mark.parametrize("name", STREAMING)
def test_the_format_writes_in_pieces(name):
    assert get_format(name).write_pieces is not None


@pytest.mark.parametrize("name", STREAMING)
@given(drawn=st.lists(bib_records() | records(), max_size=4), own_keys=st.booleans())
def test_written_in_pieces_as_written_whole(name, drawn, own_keys):
    """Own keys all unique (some repeated), or none: no key a later record owns is generated."""
    listed = [
        attrs.evolve(record, id=f"key{index % 4}" if own_keys else None)
        for index, record in enumerate(drawn)
    ]
    assert "".join(iter_write(iter(listed), name)) == write(listed, name)


@pytest.mark.parametrize("name", STREAMING)
def test_a_record_is_written_before_the_next_is_taken(name):
    taken = []

    def source():
        for number in range(3):
            taken.append(number)
            yield Record.build("book", {"title": f"Book {number}"}, id=f"b{number}")

    pieces = iter_write(source(), name)
    next(pieces)  # the opening of the array, with the first item, or the first entry
    assert taken == [0]


@pytest.mark.parametrize("name", STREAMING)
def test_no_record_written_is_held(name):
    alive: weakref.WeakSet[Record] = weakref.WeakSet()

    def source():
        for number in range(5):
            record = Record.build("book", {"title": f"Book {number}"}, id=f"b{number}")
            alive.add(record)
            yield record

    held = []
    for _ in iter_write(source(), name):
        gc.collect()
        held.append(len(alive))
    assert max(held) == 1, held  # the one the source yielded last


def test_a_streamed_generated_key_keeps_what_a_later_record_owns_a_letter_later():
    generated = Record.build(
        "book", {"title": "Über", "author": [Name(family="Müller")], "issued": "2017"}
    )
    kept = Record.build("book", {"title": "A"}, id="mueller2017ueber")
    assert keys.assign([generated, kept]) == ["mueller2017uebera", "mueller2017ueber"]
    streamed = "".join(iter_write(iter([generated, kept]), "biblatex"))
    assert [line for line in streamed.splitlines() if line.startswith("@")] == [
        "@book{mueller2017ueber,",
        "@book{mueller2017uebera,",
    ]
