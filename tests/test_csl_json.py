import json

import pytest
from hypothesis import given
from shared_data import shared_path
from strategies import csl_items, json_values

import citeform
from citeform import vocab


def schema_errors(items):
    """Schema errors of *items*, but for CSL 1.0.2 variables the schema lacks (see vocab)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schema", "csl-data.json").read_text(encoding="utf-8"))
    return [
        error.message
        for error in jsonschema.Draft7Validator(schema).iter_errors(items)
        if not any(f"'{key}' was unexpected" in error.message for key in vocab.SPEC_ONLY_VARIABLES)
    ]


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
