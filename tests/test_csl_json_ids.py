"""Every CSL-JSON item citeform writes has an ``id``: the record's, its DSpace item's, or a hash."""

import json

import attrs
from hypothesis import given
from strategies import records

import citeform
from citeform import Record
from citeform.cli import main
from citeform.example import example_path
from citeform.formats.csl_json import item_of

UUID = "1911e8a4-6939-490c-b58b-a5d70f8d91fb"


@given(records())
def test_every_written_item_has_an_id(record):
    without = attrs.evolve(record, id=None)
    (item,) = json.loads(citeform.write([without], "csl-json"))
    assert isinstance(item["id"], str)
    assert item["id"]
    assert item_of(without)["id"] == item["id"]  # stable


def test_own_id_kept():
    assert item_of(Record.build("book", {"title": "T"}, id=7))["id"] == 7


def test_dspace_uuid_then_handle():
    by_uuid = Record.build("book", {"title": "T"}, custom={"dspace_uuid": UUID})
    by_handle = Record.build("book", {"title": "T", "URL": "https://hdl.handle.net/10419/123"})
    assert item_of(by_uuid)["id"] == UUID
    assert item_of(by_handle)["id"] == "hdl:10419/123"


def test_generated_id_depends_on_content_not_on_the_zitierform():
    record = Record.build("book", {"title": "T"})
    filled = attrs.evolve(record, custom={"dspace_citation": "T."})
    other = Record.build("book", {"title": "U"})
    assert item_of(record)["id"] == item_of(filled)["id"]
    assert item_of(record)["id"] != item_of(other)["id"]
    assert item_of(record)["id"].startswith("citeform-")


def test_item_page_gets_the_same_id_from_convert_and_fill(capsys):
    page = str(example_path())
    assert main(["convert", page, "--from", "dspace-page", "--to", "csl-json"]) == 0
    converted = json.loads(capsys.readouterr().out)
    assert main(["fill", page, "--from", "dspace-page", "--to", "csl-json"]) == 0
    filled = json.loads(capsys.readouterr().out)
    assert converted[0]["id"] == filled[0]["id"]
    assert converted[0]["id"].startswith("citeform-")


def test_bare_dim_record_gets_its_handle():
    dim = (
        '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
        '<dim:field mdschema="dc" element="title">T</dim:field>'
        '<dim:field mdschema="dc" element="identifier" qualifier="uri">'
        "http://hdl.handle.net/10419/5</dim:field></dim:dim>"
    )
    (item,) = json.loads(citeform.write(citeform.read(dim, "dim"), "csl-json"))
    assert item["id"] == "hdl:10419/5"
