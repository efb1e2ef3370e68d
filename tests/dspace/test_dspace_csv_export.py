"""The dspace-csv reader: DSpace's metadata export, every column mapped or kept."""

import csv
import io

import pytest
from dspace_export import export_csv, item_uuid
from hypothesis import given
from hypothesis import strategies as st

import citeform
from citeform.dspace.csv_export import Column, split_values
from citeform.dspace.mapping import MAPPED_KEYS
from citeform.errors import BadRecordError, UnreadableInputError
from citeform.formats import dspace_csv
from citeform.io import iter_read
from citeform.registry import detect_format
from citeform.sources import Source
from citeform.zitierform import DSpaceItem

EXPORT = (
    "id,collection,dc.contributor.author,dc.identifier.citation[],dc.title[de],"
    "dc.identifier.uri,local.odd,rowName\n"
    '1911e8a4-6939-490c-b58b-a5d70f8d91fb,1/2||1/5,"Müller, Hans::a1b2::600||Schmidt, Eva",'
    ",Ein Buch,http://hdl.handle.net/1/20,xyz,\n"
)


def test_columns_identity_authority_and_multi_values():
    (record,) = citeform.read(EXPORT, "dspace-csv")
    assert record.id == "1911e8a4-6939-490c-b58b-a5d70f8d91fb"
    assert [str(name) for name in record.get("author")] == ["Hans Müller", "Eva Schmidt"]
    assert record.get("title") == "Ein Buch"
    item = DSpaceItem.of(record)
    assert (item.uuid, item.handle, item.collection) == (record.id, "1/20", "1/2||1/5")
    assert item.citation_language == ""  # the citation column's "[]"
    assert [(field.key, field.value) for field in record.unmapped] == [("local.odd", "xyz")]
    assert str(record.origin) == "<string>:line 2 (1911e8a4-6939-490c-b58b-a5d70f8d91fb)"


def test_detected_from_the_header():
    assert detect_format(Source("x", text=EXPORT)).name == "dspace-csv"
    assert not dspace_csv.sniff(Source("x", text="id,name\n1,a\n"))
    assert not dspace_csv.sniff(Source("x", text="title,dc.title\n"))


@pytest.mark.parametrize(
    ("heading", "key", "language"),
    [
        ("dc.title[en_US]", "dc.title", "en_US"),
        ("dc.title[]", "dc.title", ""),
        ("dc.date.issued", "dc.date.issued", None),
        ("ORCID:dc.contributor.author", "dc.contributor.author", None),
    ],
)
def test_headings(heading, key, language):
    assert Column.of(heading) == Column(heading, key, language)


def test_other_columns_are_no_metadata():
    assert not Column.of("action").metadata
    assert split_values("a::x::600||  ||b") == ["a", "b"]


def test_citation_language_is_that_of_the_column_holding_a_value_else_the_first():
    text = (
        "id,dc.title,dc.identifier.citation[en],dc.identifier.citation[de]\n"
        f"{item_uuid(1)},Eins,,Da.\n"
        f"{item_uuid(2)},Zwei,,\n"
    )
    first, second = citeform.read(text, "dspace-csv")
    assert (first.citation, DSpaceItem.of(first).citation_language) == ("Da.", "de")
    assert DSpaceItem.of(second).citation_language == "en"


def test_broken_rows_are_reported_with_their_line_and_the_rest_read():
    text = f'id,dc.title\n{item_uuid(1)},"zwei\nZeilen"\n{item_uuid(2)},a,b\n{item_uuid(3)},c\n'
    result = citeform.read(text, "dspace-csv")
    assert [record.get("title") for record in result] == ["zwei Zeilen", "c"]
    (error,) = result.errors
    assert isinstance(error, BadRecordError)
    assert "line 4" in str(error)


def test_not_an_export_is_refused():
    with pytest.raises(UnreadableInputError, match="header must start with 'id'"):
        citeform.read("title,dc.title\nx,y\n", "dspace-csv", strict=True)


def test_file_is_streamed_and_every_generated_item_read(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("\ufeff" + export_csv(300), encoding="utf-8")
    records = citeform.read(path)
    assert len(records) == 300
    assert not records.errors
    assert {DSpaceItem.of(record).collection for record in records} == {
        "123456789/2",
        "123456789/3",
        "123456789/7||123456789/9",
    }
    assert all(DSpaceItem.of(record).handle for record in records)


KEYS = [*sorted(MAPPED_KEYS - {"dc.identifier.citation"}), "local.odd", "dc.unknown.thing"]
VALUE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda value: value.strip() and "||" not in value and "::" not in value and value[-1] != "|"
)


@given(st.dictionaries(st.sampled_from(KEYS), st.lists(VALUE, min_size=1, max_size=3)))
def test_every_column_mapped_or_kept(columns):
    columns = {"dc.title": ["Titel"], **columns}
    header = ["id", *columns]
    row = [item_uuid(1), *("||".join(values) for values in columns.values())]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, row])
    result = citeform.read(buffer.getvalue(), "dspace-csv")
    if result.errors:  # a row the crosswalk refuses is reported, never lost silently
        return
    (record,) = result
    unmapped = [(field.key, field.value) for field in record.unmapped]
    for key, values in columns.items():
        if key not in MAPPED_KEYS:
            assert [(key, value) for value in values if value.strip()] == [
                pair for pair in unmapped if pair[0] == key
            ]
    assert len(unmapped) <= sum(map(len, columns.values()))


CITATION = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=40
).map(lambda text: text.replace("|", "/").replace(":", ";"))


@given(st.lists(CITATION, min_size=1, max_size=5), st.sampled_from(["de", "en_US", ""]))
def test_written_csv_reads_back(citations, language):
    records = [
        citeform.Record.build(
            "book",
            {"title": "T"},
            id=item_uuid(number),
            citation=text,
            custom={"dspace_collection": "1/2||1/3", "dspace_citation_language": language},
        )
        for number, text in enumerate(citations)
    ]
    back = citeform.read(dspace_csv.write(records), "dspace-csv")
    assert [record.citation for record in back] == citations
    assert [DSpaceItem.of(record) for record in back] == [
        DSpaceItem.of(record) for record in records
    ]


def test_a_file_is_read_row_by_row_never_whole(tmp_path, monkeypatch):
    path = tmp_path / "export.csv"
    path.write_text(export_csv(50), encoding="utf-8")

    def whole(_source):
        raise AssertionError("the file was loaded whole")

    monkeypatch.setattr(Source, "text", whole)
    monkeypatch.setattr(Source, "bytes", whole)
    records = iter_read(path)
    assert next(records).id == item_uuid(0)
    assert sum(1 for _ in records) == 49
