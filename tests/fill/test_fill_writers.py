"""dspace-csv and dspace-patch writers, and the item identity they write back to."""

import csv
import io
import json

import pytest
from dspace_shapes import csv_rows, patch_requests
from hypothesis import given
from hypothesis import strategies as st

import citeform
from citeform import Origin, Record
from citeform.formats import dspace_csv
from citeform.zitierform import DSpaceItem, for_style, write_backs

UUID_A = "1911e8a4-6939-490c-b58b-a5d70f8d91fb"
UUID_B = "8bbb5f4b-cf2b-4b61-b1e4-1d0a9a7a1c11"


def item(citation="Zitierform.", previous=None, **custom):
    custom = {**custom, **({"dspace_citation_previous": previous} if previous else {})}
    return Record.build("book", {"title": "T"}, citation=citation, custom=custom)


class TestItemIdentity:
    def test_from_custom(self):
        record = item(
            dspace_uuid=UUID_A,
            dspace_handle="10673/20",
            dspace_collection="10673/1",
            dspace_citation_language="de",
        )
        assert DSpaceItem.of(record) == DSpaceItem(UUID_A, "10673/20", "10673/1", "de")

    def test_uuid_from_the_record_id_and_handle_from_a_handle_url(self):
        record = Record.build(
            "book", {"title": "T", "URL": "https://hdl.handle.net/10673/20"}, id=UUID_A
        )
        assert DSpaceItem.of(record) == DSpaceItem(UUID_A, "10673/20")

    @pytest.mark.parametrize(
        "url", ["http://europepmc.org/abstract/MED/28301533", "https://x.org/1/2"]
    )
    def test_other_urls_are_no_handles(self, url):
        assert DSpaceItem.of(Record.build("book", {"URL": url})).handle is None

    def test_not_a_uuid_is_no_uuid(self):
        assert DSpaceItem.of(item(dspace_uuid="8871")).uuid is None

    def test_records_without_zitierform_are_not_written_back(self):
        keys = [wb.key for wb in write_backs([item(None), item(dspace_handle="1/2"), item()])]
        assert keys == ["hdl:1/2", "#3"]

    def test_origin_names_an_item_without_uuid_or_handle(self):
        record = Record.build(
            "book", {"title": "T"}, citation="Z.", origin=Origin("dspace-json", "a.json", "item 4")
        )
        assert next(write_backs([record])).key == "a.json:item 4"


class TestPolicy:
    def test_withholds_holdings_and_abstract_for_every_type(self):
        record = Record.build(
            "book",
            {
                "title": "T",
                "archive": "ZLB",
                "call-number": "K 1",
                "abstract": "A",
                "publisher": "P",
            },
        )
        assert set(for_style(record).variables) == {"title", "publisher"}
        assert for_style(record, None) is record

    @pytest.mark.parametrize("kind", ["article-journal", "article-magazine", "article-newspaper"])
    def test_withholds_publisher_and_place_of_serial_contributions(self, kind):
        record = Record.build(kind, {"title": "T", "publisher": "P", "publisher-place": "Köln"})
        assert set(for_style(record).variables) == {"title"}


class TestCsv:
    def test_shape_language_columns_and_keys(self):
        records = [
            item("Eins.", dspace_uuid=UUID_A, dspace_citation_language="de"),
            item("Zwei.", dspace_uuid=UUID_B),
            item("Drei.", dspace_handle="10673/20"),
        ]
        text = citeform.write(records, "dspace-csv")
        assert text.splitlines()[0] == '"id","dc.identifier.citation","dc.identifier.citation[de]"'
        rows = csv_rows(text)
        assert rows == [
            {"id": UUID_A, "dc.identifier.citation": "", "dc.identifier.citation[de]": "Eins."},
            {"id": UUID_B, "dc.identifier.citation": "Zwei.", "dc.identifier.citation[de]": ""},
            {
                "id": "hdl:10673/20",
                "dc.identifier.citation": "Drei.",
                "dc.identifier.citation[de]": "",
            },
        ]

    def test_collection_column_only_when_every_row_has_one(self):
        both = [
            item(dspace_uuid=UUID_A, dspace_collection="1/1"),
            item(dspace_uuid=UUID_B, dspace_collection="1/2"),
        ]
        assert csv_rows(citeform.write(both, "dspace-csv"))[1]["collection"] == "1/2"
        one = [both[0], item(dspace_uuid=UUID_B)]
        assert "collection" not in csv_rows(citeform.write(one, "dspace-csv"))[0]

    def test_quotes_doubled_separators_broken_formulas_as_they_are_unless_guarded(self):
        text = citeform.write(
            [
                item('Sag "ja" || nein :: vielleicht', dspace_uuid=UUID_A),
                item("=1+1", dspace_uuid=UUID_B),
            ],
            "dspace-csv",
        )
        assert '"Sag ""ja"" | | nein : : vielleicht"' in text
        assert csv_rows(text)[1]["dc.identifier.citation"] == "=1+1"
        guarded = dspace_csv.write([item("=1+1", dspace_uuid=UUID_B)], formula_guard=True)
        assert csv_rows(guarded)[0]["dc.identifier.citation"] == "'=1+1"

    def test_collection_cell_keeps_the_handles_of_mapped_collections(self):
        record = item(dspace_uuid=UUID_A, dspace_collection="1/2||1/5")
        assert csv_rows(citeform.write([record], "dspace-csv"))[0]["collection"] == "1/2||1/5"

    def test_empty_language_is_written_as_empty_brackets(self):
        record = item(dspace_uuid=UUID_A, dspace_citation_language="")
        assert citeform.write([record], "dspace-csv").startswith('"id","dc.identifier.citation[]"')

    def test_nothing_to_write(self):
        assert citeform.write([item(None)], "dspace-csv") == ""

    @given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
    def test_any_zitierform_is_one_cell_guarded_only_when_asked(self, text):
        records = [item(text, dspace_uuid=UUID_A)]
        (plain,) = (row["dc.identifier.citation"] for row in csv_rows(dspace_csv.write(records)))
        assert plain.replace(" ", "") == text.replace(" ", "")  # only spaces were added
        guarded_rows = csv_rows(dspace_csv.write(records, formula_guard=True))
        (value,) = (row["dc.identifier.citation"] for row in guarded_rows)
        assert not value.startswith(dspace_csv.FORMULA_STARTS)
        unguarded = value[1:] if text.startswith(dspace_csv.FORMULA_STARTS) else value
        assert unguarded == plain

    def test_spool_keeps_rows_in_order(self):
        records = [item(f"Z {n}.", dspace_uuid=UUID_A) for n in range(500)]
        rows = list(csv.DictReader(io.StringIO(citeform.write(records, "dspace-csv"))))
        assert [row["dc.identifier.citation"] for row in rows] == [f"Z {n}." for n in range(500)]


class TestPatch:
    def test_add_an_array_when_the_field_was_empty(self):
        (request,) = patch_requests(
            json.loads(citeform.write([item("Z.", dspace_uuid=UUID_A)], "dspace-patch"))
        )
        assert request["body"] == [
            {
                "op": "add",
                "path": "/metadata/dc.identifier.citation",
                "value": [{"value": "Z.", "language": None}],
            }
        ]

    def test_replace_the_first_value_with_an_object_when_overwriting(self):
        record = item("Neu.", previous="Alt.", dspace_uuid=UUID_A, dspace_citation_language="de")
        (request,) = patch_requests(json.loads(citeform.write([record], "dspace-patch")))
        assert request["body"] == [
            {
                "op": "replace",
                "path": "/metadata/dc.identifier.citation/0",
                "value": {"value": "Neu.", "language": "de"},
            }
        ]

    def test_items_without_uuid_keyed_by_handle_or_position(self):
        data = json.loads(citeform.write([item(dspace_handle="10673/20"), item()], "dspace-patch"))
        assert [(r["key"], r["request"]) for r in patch_requests(data)] == [
            ("hdl:10673/20", None),
            ("#2", None),
        ]

    def test_nothing_to_write(self):
        assert json.loads(citeform.write([], "dspace-patch")) == []
