import codecs
import json
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from shared_data import shared_path
from strategies import csl_items, json_values, records

import citeform
from citeform import jsonindent, vocab
from citeform.formats import csl_json
from citeform.jsonstream import iter_array
from citeform.model import Origin, Unmapped
from citeform.sources import Source

_SCHEMA_TYPE_OF_KIND = {"text": "string", "number": ["string", "number"]}


def schema_errors(items):
    """Schema errors of *items* against the official schema, extended by the CSL 1.0.2
    variables it lacks (see vocab), each typed as the schema types its kind."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schema", "csl-data.json").read_text(encoding="utf-8"))
    properties = schema["items"]["properties"]
    for key in vocab.SPEC_ONLY_VARIABLES:
        properties[key] = {"type": _SCHEMA_TYPE_OF_KIND[vocab.KIND_OF[key]]}
    return [error.message for error in jsonschema.Draft7Validator(schema).iter_errors(items)]


class TestReference:
    """The conformance items reproduce exactly and validate against the official schema."""

    def test_items_reproduced(self):
        path = shared_path("conformance", "reference", "items.json")
        items = json.loads(path.read_text(encoding="utf-8"))
        written = json.loads(citeform.write(citeform.read(path), "csl-json"))
        assert written == items

    def test_items_validate(self):
        path = shared_path("conformance", "reference", "items.json")
        written = json.loads(citeform.write(citeform.read(path), "csl-json"))
        assert schema_errors(written) == []

    @given(csl_items())
    def test_generated_items_validate(self, item):
        assert schema_errors([item]) == []


class TestRoundTrip:
    """CSL-JSON -> Record -> CSL-JSON is the identity."""

    @given(csl_items())
    def test_identity(self, item):
        [record] = citeform.read([item], format="csl-json", strict=True)
        assert record.to_csl() == item

    @given(csl_items(), json_values)
    def test_unknown_key_kept(self, item, value):
        item = {**item, "x-unknown": value}
        [record] = citeform.read([item], format="csl-json", strict=True)
        assert [(field.key, field.value) for field in record.unmapped] == [("x-unknown", value)]
        assert record.to_csl() == item


class TestBadInput:
    """Bad CSL-JSON: one line per error, good items still read."""

    def test_truncated(self):
        with pytest.raises(citeform.UnreadableInputError, match=r"line 1 column"):
            citeform.read('[{"id": "a", "type": "book"', format="csl-json")

    def test_wrong_shape(self):
        with pytest.raises(citeform.UnreadableInputError, match="array of items"):
            citeform.read("42", format="csl-json")

    def test_bad_items_reported_good_kept(self):
        text = json.dumps(
            [
                {"id": "good", "type": "book", "title": "T"},
                {"id": "bad-type", "type": "bok"},
                {"id": "bad-date", "type": "book", "issued": {"date-parts": [["spring"]]}},
                "not an item",
            ]
        )
        records = citeform.read(text, format="csl-json")
        assert [r.id for r in records] == ["good"]
        messages = [str(error) for error in records.errors]
        assert messages[0].startswith("<string>:item 2 (id 'bad-type'): type: not a CSL item type")
        assert "item 3 (id 'bad-date'): date-parts: must hold whole numbers" in messages[1]
        assert "item 4" in messages[2]
        assert all("\n" not in message for message in messages)

    def test_strict_raises_first(self):
        with pytest.raises(citeform.BadRecordError, match="item 1"):
            citeform.read('[{"type": "bok"}]', format="csl-json", strict=True)


def test_unknown_name_part_kept_and_written_back():
    item = {"id": "a", "type": "book", "author": [{"family": "Lee", "given": "M.", "_ordinal": 1}]}
    [record] = citeform.read([item], format="csl-json", strict=True)
    assert record.names["author"][0].family == "Lee"
    assert [(field.key, field.value) for field in record.unmapped] == [("author[0]._ordinal", 1)]
    assert record.to_csl() == item


def pieces_of(text, size):
    return [text[start : start + size] for start in range(0, len(text), size)]


json_texts = st.builds(
    lambda value, indent: json.dumps(value, indent=indent, ensure_ascii=False),
    st.lists(json_values, max_size=6),
    st.sampled_from([None, 0, 2]),
)


def json_outcome(read):
    """The value *read* returns, or the message and position of the error it raises."""
    try:
        return read()
    except citeform.UnreadableInputError as error:
        return (error.message, error.position)


def loads_outcome(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        return (f"not valid JSON: {error.msg}", f"line {error.lineno} column {error.colno}")


class TestStreaming:
    """An array is read item by item: the same items, or the same error, as reading it whole."""

    @given(json_texts, st.integers(1, 40))
    def test_any_array_in_any_pieces_reads_as_a_whole(self, text, size):
        assert list(iter_array(pieces_of(text, size), "x")) == json.loads(text)

    @given(json_texts, st.integers(1, 200), st.sampled_from(["}", "]", ",", "x", "\n", '"', "1"]))
    @settings(max_examples=examples(200))
    def test_broken_json_fails_where_a_whole_parse_fails(self, text, at, inserted):
        broken = text[:at] + inserted + text[at:]
        assert json_outcome(lambda: list(iter_array(pieces_of(broken, 7), "x"))) == loads_outcome(
            broken
        )

    def test_items_before_a_syntax_error_are_read_first(self, tmp_path):
        path = tmp_path / "items.json"
        path.write_text('[\n{"id": "a", "type": "book"},\n{"id": "b", "type": "book"}\n{', "utf-8")
        seen = []
        with pytest.raises(citeform.UnreadableInputError) as raised:
            seen.extend(item.id for item in citeform.iter_read(path))
        assert seen == ["a", "b"]
        assert str(raised.value) == (
            f"{path}:line 4 column 1: not valid JSON: Expecting ',' delimiter"
        )

    def test_a_file_is_read_in_pieces(self, tmp_path, monkeypatch):
        items = [
            {"id": f"i{number}", "type": "book", "title": "Tè" * number} for number in range(9)
        ]
        path = tmp_path / "items.json"
        path.write_bytes(codecs.BOM_UTF8 + json.dumps(items, ensure_ascii=False).encode())
        monkeypatch.setattr(Source.text_chunks, "__defaults__", (5,))
        assert [record.to_csl() for record in citeform.read(path)] == items

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
    def test_a_file_in_another_encoding_is_read_in_pieces(self, tmp_path, monkeypatch, encoding):
        items = [{"id": f"i{n}", "type": "book", "title": "Grüße" * n} for n in range(5)]
        path = tmp_path / "items.json"
        path.write_bytes(json.dumps(items, ensure_ascii=False).encode(encoding))
        monkeypatch.setattr(Source.text_chunks, "__defaults__", (7,))
        assert [record.to_csl() for record in citeform.read(path)] == items

    def test_bad_utf8_is_named_by_byte(self, tmp_path):
        path = tmp_path / "items.json"
        path.write_bytes(b'[{"id": "a", "type": "book", "title": "\xff"}]')
        with pytest.raises(citeform.UnreadableInputError, match="byte 39: not UTF-8"):
            citeform.read(path)

    @given(st.lists(csl_items(), max_size=4), st.sampled_from([None, 0, 2, 4]))
    def test_written_in_pieces_as_dumped_whole(self, items, indent):
        records = citeform.read(items, format="csl-json", strict=True)
        written = "".join(csl_json.write_pieces(iter(records), indent=indent))
        assert written == json.dumps(items, ensure_ascii=False, indent=indent) + "\n"


class TestLenientDates:
    """Date parts read as citeproc-js reads them; the item written back as it was given."""

    @pytest.mark.parametrize(
        ("parts", "read_as"),
        [
            ([["2000", ""]], ((2000,),)),
            ([["2000", "3", ""]], ((2000, 3),)),
            ([[2000, ""]], ((2000,),)),
            ([["2000"], [" 2001 ", ""]], ((2000,), (2001,))),
            ([[2000.0, ""]], ((2000,),)),
        ],
    )
    def test_read_leniently_and_written_back_as_given(self, parts, read_as):
        item = {"id": "a", "type": "book", "issued": {"date-parts": parts}}
        [record] = citeform.read([item], format="csl-json", strict=True)
        assert record.dates["issued"].parts == read_as
        assert [field.key for field in record.unmapped] == ["issued"]
        assert record.to_csl() == item

    def test_an_empty_date_is_no_date(self):
        item = {"id": "a", "type": "book", "issued": {"date-parts": [[""]]}}
        [record] = citeform.read([item], format="csl-json", strict=True)
        assert "issued" not in record.dates
        assert record.to_csl() == item

    def test_other_values_fail_as_given(self):
        item = {"id": "a", "type": "book", "issued": {"date-parts": [["spring", ""]]}}
        with pytest.raises(citeform.BadRecordError, match=r"\[\['spring', ''\]\]"):
            citeform.read([item], format="csl-json", strict=True)

    def test_numbers_are_not_noted(self):
        item = {"id": "a", "type": "book", "issued": {"date-parts": [[2000, 3]]}}
        [record] = citeform.read([item], format="csl-json", strict=True)
        assert record.unmapped == ()

    def test_the_report_names_what_was_normalised(self, tmp_path):
        path = tmp_path / "items.json"
        path.write_text('[{"id": "a", "type": "book", "issued": {"date-parts": [["2000", ""]]}}]')
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "citeform",
                "convert",
                str(path),
                "--to",
                "csl-json",
                "--report",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(result.stdout)[0]["issued"] == {"date-parts": [["2000", ""]]}
        assert result.stderr == (
            f"{path}:item 1 (id 'a'): normalised issued = {{'date-parts': [['2000', '']]}}, "
            "read as {'date-parts': [[2000]]} (written back as given)\n"
        )


_PEAK_OF_READING = """
import re, sys, citeform
for _ in citeform.iter_read(sys.argv[1]):
    pass
with open("/proc/self/status") as status:
    print(re.search(r"VmHWM:\\s*(\\d+) kB", status.read())[1])
"""
"""Reads a file and prints the peak resident size of this program (in KiB): VmHWM, since
``ru_maxrss`` would count the memory of the process it was forked from."""


def test_reading_item_by_item_keeps_memory_flat(tmp_path):
    peaks = []
    for count in (2_000, 20_000):
        path = tmp_path / f"{count}.json"
        items = [{"id": f"i{n}", "type": "book", "title": f"Titel {n}" * 5} for n in range(count)]
        path.write_text(json.dumps(items, indent=2), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-c", _PEAK_OF_READING, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        peaks.append(int(result.stdout) * 1024)
    assert peaks[1] - peaks[0] < 4 * 2**20, f"peaks {peaks} for ten times the items"


_FLAGS = st.sampled_from([None, None, 1, True, 1.0, "true"])


@st.composite
def _records_with_flags_and_unmapped(draw: st.DrawFn) -> citeform.Record:
    """Records with name flags, circa dates, seasons, unmapped fields, origins, no id."""
    record = draw(records())
    names = {
        key: tuple(attrs.evolve(name, comma_suffix=draw(_FLAGS)) for name in names)
        for key, names in record.names.items()
    }
    dates = {
        key: attrs.evolve(date, circa=draw(_FLAGS), season=draw(st.sampled_from([None, 1, "1"])))
        for key, date in record.dates.items()
    }
    unmapped = draw(
        st.lists(
            st.builds(
                Unmapped, st.sampled_from(["note2", "author[0].x"]), st.sampled_from(["v", 1])
            ),
            max_size=2,
        )
    )
    origins = [None, Origin("bibtex", "x.bib"), Origin("csl-json", "x.json")]
    return attrs.evolve(
        record,
        names=names,
        dates=dates,
        unmapped=unmapped,
        origin=draw(st.sampled_from(origins)),
        id=draw(st.sampled_from([record.id, None, 3])),
        citation=draw(st.sampled_from([None, "Z"])),
    )


@given(st.lists(_records_with_flags_and_unmapped(), min_size=1, max_size=4))
def test_indented_items_are_written_as_jsonindent_writes_each_item(batch):
    """The writer's cached names and dates give the text of the item written whole."""
    items = (jsonindent.dumps(csl_json.item_of(record), 2, level=1) for record in batch)
    assert csl_json.write(batch) == "[\n  " + ",\n  ".join(items) + "\n]\n"


def test_equal_names_and_dates_with_flags_of_other_types_keep_their_own_text():
    """1 == True: a cache of written names and dates must not give one for the other."""
    batch = [
        citeform.Record.build(
            "book",
            {"author": [citeform.Name(family="A", comma_suffix=flag)], "issued": date},
            id=str(index),
        )
        for index, (flag, date) in enumerate(
            [
                (1, citeform.Date(parts=((2017,),), circa=1)),
                (True, citeform.Date(parts=((2017,),), circa=True)),
            ]
        )
    ]
    written = json.loads(csl_json.write(batch))
    assert [item["author"][0]["comma-suffix"] for item in written] == [1, True]
    assert [type(item["issued"]["circa"]) for item in written] == [int, bool]
