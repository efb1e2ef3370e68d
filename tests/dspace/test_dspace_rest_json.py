"""DSpace REST JSON: v7+ items, item lists, HAL pages, search pages, the 5/6 list form."""

from __future__ import annotations

import json

import pytest
from dspace_support import run_citeform

import citeform
from citeform.model import Name


def value(text, place=0, language=None):
    return {
        "value": text,
        "language": language,
        "authority": None,
        "confidence": -1,
        "place": place,
    }


def item(uuid="u1", **metadata):
    return {"uuid": uuid, "handle": "123/4", "type": "item", "metadata": metadata}


ITEM = item(
    **{
        "dc.title": [value("Ein Titel.")],
        "dc.contributor.author": [value("Zweite, Zoe", place=1), value("Erste, Eva", place=0)],
        "dc.identifier.citation": [value("Erste, E.; Zweite, Z.: Ein Titel. 2020.", language="de")],
        "dc.date.issued": [value("2020")],
        "dc.type": [value("doc-type:bookPart")],
        "dc.relation.ispartof": [value("Ein Sammelband")],
        "dc.identifier.doi": [value("https://doi.org/10.1234/abc")],
        "dc.relation.ispartofseries": [value("Reihe X;12")],
        "dc.rights": [value("CC BY")],
    }
)


def test_v7_item_ordered_by_place_with_its_zitierform():
    [record] = citeform.read(json.dumps(ITEM))
    assert record.origin.format == "dspace-json"
    assert record.id == "u1"
    assert record.type == "chapter"
    assert record.get("author") == (
        Name(family="Erste", given="Eva"),
        Name(family="Zweite", given="Zoe"),
    )
    assert record.get("title") == "Ein Titel"
    assert record.citation == "Erste, E.; Zweite, Z.: Ein Titel. 2020."
    assert record.get("DOI") == "10.1234/abc"
    assert (record.get("collection-title"), record.get("collection-number")) == ("Reihe X", "12")
    assert [(f.key, f.value, f.position) for f in record.unmapped] == [
        ("dc.rights", "CC BY", "dc.rights[0]")
    ]


@pytest.mark.parametrize(
    "wrap",
    [
        lambda items: items,
        lambda items: {"_embedded": {"items": items}, "page": {"size": 20}},
        lambda items: {
            "_embedded": {
                "searchResult": {
                    "_embedded": {"objects": [{"_embedded": {"indexableObject": i}} for i in items]}
                }
            }
        },
        lambda items: {
            "_embedded": {
                "searchResults": {
                    "_embedded": {"objects": [{"_embedded": {"indexableObject": i}} for i in items]}
                }
            }
        },
    ],
    ids=["list", "hal-page", "search-page", "search-page-contract-spelling"],
)
def test_lists_and_pages_of_items(wrap):
    items = [item("a", **{"dc.title": [value("A")]}), item("b", **{"dc.title": [value("B")]})]
    records = citeform.read(json.dumps(wrap(items)))
    assert [(record.id, record.get("title")) for record in records] == [("a", "A"), ("b", "B")]


def test_dspace6_list_form():
    data = {
        "items": [
            {
                "id": "8871",
                "metadata": [
                    {"key": "dc.title", "value": "Alt", "language": "en"},
                    {"key": "dc.contributor.author", "value": "Muster, Erika", "language": None},
                    {"key": "dc.type", "value": "(not specified)", "language": "en"},
                ],
            }
        ]
    }
    [record] = citeform.read(json.dumps(data))
    assert (record.id, record.get("title"), record.type) == ("8871", "Alt", "document")
    assert [(f.key, f.language, f.position) for f in record.unmapped] == [
        ("dc.type", "en", "metadata[2]")
    ]


def test_withdrawn_item_without_metadata_is_reported_and_others_read():
    data = [item("gone"), item("here", **{"dc.title": [value("Da")]})]
    data[0]["metadata"] = {}
    records = citeform.read(json.dumps(data))
    assert [record.id for record in records] == ["here"]
    [error] = records.errors
    assert "item 1 (gone)" in str(error)
    assert "no metadata" in str(error)


def test_parsed_json_is_detected_too():
    [record] = citeform.read(ITEM)
    assert record.origin.format == "dspace-json"


def test_csl_json_is_not_taken_for_dspace():
    records = citeform.read('[{"id": "x", "type": "book", "title": "T"}]')
    assert records[0].origin.format == "csl-json"


@pytest.mark.parametrize(
    "content", ['[{"id": "x", "type": "book", "title": "T"}]', "{not json", "[]"]
)
def test_json_that_is_not_dspace_exits_2(tmp_path, content):
    path = tmp_path / "wrong.json"
    path.write_text(content, encoding="utf-8")
    result = run_citeform("convert", str(path), "--from", "dspace-json", "--to", "csl-json")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_report_lists_unmapped_fields_per_record(tmp_path):
    path = tmp_path / "item.json"
    path.write_text(json.dumps(ITEM), encoding="utf-8")
    result = run_citeform("convert", str(path), "--to", "csl-json", "--report")
    assert result.returncode == 0
    assert "item.json:item 1 (u1): unmapped dc.rights = 'CC BY'" in result.stderr


def test_a_host_citation_in_the_container_field_is_split():
    data = item(
        **{
            "dc.title": [value("Ein Aufsatz")],
            "dc.relation.ispartof": [value("Eildienst Jg. 71 (2017), Nr. 2, S. 3-4")],
            "oaire.citation.issue": [value("3")],
        }
    )
    [record] = citeform.read(data)
    assert record.get("container-title") == "Eildienst"
    assert (record.get("volume"), record.get("page")) == ("71", "3-4")
    assert record.get("issue") == "3"  # a field of its own wins over the container's numbering
    assert record.get("issued").parts == ((2017,),)
    assert record.custom["recorded_container_title"] == "Eildienst Jg. 71 (2017), Nr. 2, S. 3-4"
    assert record.type == "article-journal"


def test_dc_source_is_the_container_only_as_a_fallback():
    numbered = item(**{"dc.title": [value("T")], "dc.source": [value("Stadtforschung, H. 3")]})
    [record] = citeform.read(numbered)
    assert (record.get("container-title"), record.get("issue")) == ("Stadtforschung", "3")
    assert record.unmapped == ()
    both = item(
        **{
            "dc.title": [value("T")],
            "dc.relation.ispartof": [value("Eildienst")],
            "dc.source": [value("Stadtforschung, H. 3")],
        }
    )
    [record] = citeform.read(both)
    assert record.get("container-title") == "Eildienst"
    assert [(f.key, f.value) for f in record.unmapped] == [("dc.source", "Stadtforschung, H. 3")]
    prose = item(**{"dc.title": [value("T")], "dc.source": [value("Publicació original: 1850")]})
    [record] = citeform.read(prose)
    assert record.get("container-title") is None


def test_plain_text_values_and_values_that_are_not_text():
    plain = {"uuid": "p", "metadata": {"dc.title": ["Schlicht"], "dc.subject": ["a", "", None]}}
    [record] = citeform.read(plain, "dspace-json")
    assert (record.get("title"), record.get("keyword")) == ("Schlicht", "a")
    nested = [
        {"uuid": "n", "metadata": {"dc.title": [{"value": [["x"]]}]}},
        {"uuid": "ok", "metadata": {"dc.title": [{"value": "Gut"}]}},
    ]
    records = citeform.read(nested, "dspace-json")
    assert [record.id for record in records] == ["ok"]
    [error] = records.errors
    assert "item 1 (n), dc.title[0]: a metadata value must be text" in str(error)


def test_a_list_entry_that_is_no_item_is_reported_and_the_others_read():
    good = item("a", **{"dc.title": [value("A")]})
    records = citeform.read([good, {"uuid": "b", "handle": "1/2"}, 7, good], "dspace-json")
    assert [record.get("title") for record in records] == ["A", "A"]
    first, second = records.errors
    assert "item 2 (b): not a DSpace item" in str(first)
    assert "item 3: not a DSpace item" in str(second)


def test_an_edited_volume_keeps_its_publisher_out_of_the_authors():
    data = item(
        **{
            "dc.title": [value("Stadt im Wandel")],
            "dc.contributor.editor": [value("Muster, Erika")],
            "dc.publisher": [value("Deutsches Institut für Urbanistik")],
            "dc.type": [value("Sammelband")],
        }
    )
    [record] = citeform.read(data)
    assert record.type == "book"
    assert record.get("author") is None
    assert record.get("editor") == (Name(family="Muster", given="Erika"),)


def test_the_item_identity_is_kept_for_writing_back():
    data = item(
        "0b1f2c4e-1111-4222-8333-944455556666",
        **{
            "dc.title": [value("T")],
            "dc.identifier.citation": [value("Alt, A.: T.", language="de_DE")],
        },
    )
    data["_embedded"] = {"owningCollection": {"handle": "123/1", "type": "collection"}}
    [record] = citeform.read(data)
    assert record.id == "0b1f2c4e-1111-4222-8333-944455556666"  # the UUID, as write-back reads it
    assert dict(record.custom) == {
        "dspace_handle": "123/4",
        "dspace_collection": "123/1",
        "dspace_citation_language": "de_DE",
        "type_from_context": True,  # no dc.type: the type was told from the other fields
    }
    csv = citeform.write([record], "dspace-csv")
    assert "0b1f2c4e-1111-4222-8333-944455556666" in csv
    assert "[de_DE]" in csv


def test_the_item_name_is_the_title_only_when_metadata_has_none():
    untitled = {"uuid": "n", "name": "Anzeigename", "metadata": {"dc.date.issued": ["2020"]}}
    [record] = citeform.read(untitled, "dspace-json")
    assert record.get("title") == "Anzeigename"
    titled = {"uuid": "t", "name": "Anzeigename", "metadata": {"dc.title": ["Titel"]}}
    [record] = citeform.read(titled, "dspace-json")
    assert record.get("title") == "Titel"


@pytest.mark.parametrize(
    ("value_text", "expected"),
    [
        ("doc-type:article", "article-journal"),
        ("info:eu-repo/semantics/doctoralThesis", "thesis"),
        ("http://purl.org/coar/resource_type/c_93fc", "report"),
        ("Zeitschriftenaufsatz", "article-journal"),
        ("Buchkapitel", "chapter"),
        ("doc-type:PeriodicalPart", "periodical"),
        ("doc-type:StudyThesis", "thesis"),
        ("Graue Literatur", "document"),  # no type: the context rule
    ],
)
def test_type_values(value_text, expected):
    [record] = citeform.read(item(**{"dc.title": [value("T")], "dc.type": [value(value_text)]}))
    assert record.type == expected
