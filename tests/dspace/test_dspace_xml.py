"""oai_dc and dim in every envelope: bare, METS, GetRecord, ListRecords; broken and hostile XML."""

from __future__ import annotations

import json

import pytest
from dspace_support import run_citeform

import citeform
from citeform.model import Name

OAI = "http://www.openarchives.org/OAI/2.0/"
DC = 'xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
DIM = 'xmlns:dim="http://www.dspace.org/xmlns/dspace/dim"'


def dc_record(identifier: str, title: str) -> str:
    return (
        f"<record><header><identifier>{identifier}</identifier></header><metadata>"
        f"<oai_dc:dc {DC}><dc:title>{title}</dc:title><dc:creator>Muster, Erika</dc:creator>"
        "<dc:date>2017</dc:date></oai_dc:dc></metadata></record>"
    )


def dim_record(identifier: str, fields: str) -> str:
    return (
        f"<record><header><identifier>{identifier}</identifier></header><metadata>"
        f"<dim:dim {DIM}>{fields}</dim:dim></metadata></record>"
    )


def list_records(*records: str, prefix: str = "oai_dc") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="{OAI}">'
        f'<request verb="ListRecords" metadataPrefix="{prefix}">https://x/oai</request>'
        f"<ListRecords>{''.join(records)}<resumptionToken>abc</resumptionToken>"
        "</ListRecords></OAI-PMH>"
    )


DELETED = '<record><header status="deleted"><identifier>oai:x:gone</identifier></header></record>'
TITLE = '<dim:field mdschema="dc" element="title">{}</dim:field>'


def test_list_records_with_a_deleted_and_a_broken_record():
    text = list_records(
        dim_record("oai:x:1", TITLE.format("Eins")),
        DELETED,
        dim_record("oai:x:2", '<dim:field element="title">kein Schema</dim:field>'),
        dim_record("oai:x:3", TITLE.format("Drei")),
        prefix="dim",
    )
    records = citeform.read(text)
    assert [record.get("title") for record in records] == ["Eins", "Drei"]
    assert [record.id for record in records] == ["oai:x:1", "oai:x:3"]
    deleted, broken = records.errors
    assert isinstance(deleted, citeform.BadRecordError)
    assert "deleted" in str(deleted)
    assert "record 2 (oai:x:gone)" in str(deleted)
    assert isinstance(broken, citeform.BadRecordError)
    assert "record 3 (oai:x:2), field 1" in str(broken)
    assert "mdschema" in str(broken)


def test_list_records_in_oai_dc_and_a_record_without_metadata():
    text = list_records(
        dc_record("oai:x:1", "Eins"),
        "<record><header><identifier>oai:x:2</identifier></header><metadata/></record>",
        dc_record("oai:x:3", "Drei"),
    )
    records = citeform.read(text)
    assert [record.get("title") for record in records] == ["Eins", "Drei"]
    assert records[0].get("author") == (Name(family="Muster", given="Erika"),)
    [error] = records.errors
    assert "no <dc> metadata" in str(error)


def test_cli_exit_1_when_one_record_of_a_list_is_broken(tmp_path):
    path = tmp_path / "list.xml"
    path.write_text(list_records(dc_record("oai:x:1", "Eins"), DELETED), encoding="utf-8")
    result = run_citeform("convert", str(path), "--to", "csl-json")
    assert result.returncode == 1
    assert '"Eins"' in result.stdout
    [line] = result.stderr.strip().splitlines()
    assert "list.xml:record 2 (oai:x:gone): deleted record skipped" in line


def test_truncated_list_keeps_the_records_before_the_break():
    text = list_records(dc_record("oai:x:1", "Eins"), dc_record("oai:x:2", "Zwei"))
    records = citeform.read(text[: text.index("Zwei") + 10])
    assert [record.get("title") for record in records] == ["Eins"]
    [error] = records.errors
    assert "not well-formed" in str(error)
    assert "rest of the file was not read" in str(error)


def test_get_record_in_the_full_envelope_and_mets():
    get_record = (
        f'<OAI-PMH xmlns="{OAI}"><request verb="GetRecord" metadataPrefix="oai_dc"/>'
        f"<GetRecord>{dc_record('oai:x:7', 'Sieben')}</GetRecord></OAI-PMH>"
    )
    [record] = citeform.read(get_record)
    assert (record.id, record.get("title")) == ("oai:x:7", "Sieben")
    mets = (
        '<mets:METS xmlns:mets="http://www.loc.gov/METS/" OBJID="hdl:1/2"><mets:dmdSec ID="d1">'
        '<mets:mdWrap MDTYPE="OTHER" OTHERMDTYPE="DIM"><mets:xmlData>'
        f'<dim:dim {DIM} dspaceType="ITEM">{TITLE.format("Im METS")}</dim:dim>'
        "</mets:xmlData></mets:mdWrap></mets:dmdSec></mets:METS>"
    )
    [record] = citeform.read(mets)
    assert (record.id, record.get("title"), record.origin.format) == ("hdl:1/2", "Im METS", "dim")


def test_namespace_less_fragments_are_read_by_local_name():
    fragment = (
        "<dim><field mdschema='dc' element='title'>Ohne Namensraum</field>"
        "<field mdschema='dc' element='date' qualifier='issued'>o. J.</field></dim>"
    )
    [record] = citeform.read(fragment, "dim")
    assert record.get("title") == "Ohne Namensraum"
    assert record.get("issued") is None  # "o. J." means no date
    assert [(f.key, f.value) for f in record.unmapped] == [("dc.date.issued", "o. J.")]


def test_oai_pmh_error_response_is_one_clear_error():
    text = (
        f'<OAI-PMH xmlns="{OAI}"><request verb="ListRecords">x</request>'
        '<error code="noRecordsMatch">No records match</error></OAI-PMH>'
    )
    with pytest.raises(citeform.UnreadableInputError, match="noRecordsMatch"):
        citeform.read(text, "oai-dc")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!DOCTYPE r [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">',
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
@pytest.mark.parametrize("format_name", ["dim", "oai-dc"])
def test_hostile_xml_is_refused(doctype, format_name):
    body = (
        f"<dim:dim {DIM}>{TITLE.format('&b;')}</dim:dim>"
        if format_name == "dim"
        else f"<oai_dc:dc {DC}><dc:title>&ext;</dc:title></oai_dc:dc>"
    )
    with pytest.raises(citeform.UnreadableInputError, match="DTD"):
        citeform.read(f'<?xml version="1.0"?>\n{doctype}\n{body}', format_name)


def test_deep_nesting_is_refused():
    body = "<x>" * 300 + "</x>" * 300
    with pytest.raises(citeform.UnreadableInputError):
        citeform.read(f"<dim:dim {DIM}>{body}</dim:dim>", "dim")


@pytest.mark.parametrize(
    ("content", "format_name"),
    [
        ("<html><body>no records</body></html>", "oai-dc"),
        (f"<oai_dc:dc {DC}><dc:title>T</dc:title></oai_dc:dc>", "dim"),
        ("<dim:dim", "dim"),
    ],
)
def test_xml_that_is_not_what_it_claims_exits_2(tmp_path, content, format_name):
    path = tmp_path / "wrong.xml"
    path.write_text(content, encoding="utf-8")
    result = run_citeform("convert", str(path), "--from", format_name, "--to", "csl-json")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("citeform: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "prolog",
    [
        '<!-- <x> a comment naming an element -->\n<!DOCTYPE r [<!ENTITY b "x">]>',
        '<?xml version="1.0"?><?pi <y?>\n<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd">',
    ],
    ids=["behind-a-comment", "behind-a-processing-instruction"],
)
def test_a_dtd_behind_comments_and_instructions_is_refused(prolog):
    with pytest.raises(citeform.UnreadableInputError, match="DTD"):
        citeform.read(f"{prolog}<dim:dim {DIM}>{TITLE.format('&b;')}</dim:dim>", "dim")


def test_utf16_xml_is_read_and_its_dtd_refused():
    body = f"<dim:dim {DIM}>{TITLE.format('Titel')}</dim:dim>"
    declaration = '<?xml version="1.0" encoding="UTF-16"?>'
    [record] = citeform.read((declaration + body).encode("utf-16"), "dim")
    assert record.get("title") == "Titel"
    hostile = declaration + '<!DOCTYPE r [<!ENTITY b "x">]>' + body
    with pytest.raises(citeform.UnreadableInputError, match="DTD"):
        citeform.read(hostile.encode("utf-16"), "dim")


def test_a_bare_doctype_is_harmless_and_read():
    [record] = citeform.read(f"<!DOCTYPE dim><dim:dim {DIM}>{TITLE.format('T')}</dim:dim>", "dim")
    assert record.get("title") == "T"


def test_cli_converts_the_others_when_one_record_of_a_list_is_broken(tmp_path):
    path = tmp_path / "harvest.xml"
    broken = dim_record("oai:x:2", '<dim:field mdschema="dc">no element attribute</dim:field>')
    text = list_records(
        dim_record("oai:x:1", TITLE.format("Eins")),
        broken,
        dim_record("oai:x:3", TITLE.format("Drei")),
        prefix="dim",
    )
    path.write_text(text, encoding="utf-8")
    result = run_citeform("convert", str(path), "--to", "csl-json")
    assert result.returncode == 1
    assert [item["title"] for item in json.loads(result.stdout)] == ["Eins", "Drei"]
    [line] = result.stderr.strip().splitlines()
    assert "harvest.xml:record 2 (oai:x:2), field 1: a dim:field needs mdschema and element" in line


def test_oai_headers_and_mets_give_the_item_identity():
    record = (
        "<record><header><identifier>oai:demo.dspace.org:10673/4</identifier>"
        "<setSpec>com_10673_1</setSpec><setSpec>col_10673_2</setSpec></header><metadata>"
        f"<dim:dim {DIM}>{TITLE.format('T')}</dim:dim></metadata></record>"
    )
    [found] = citeform.read(list_records(record, prefix="dim"))
    assert dict(found.custom) == {
        "dspace_handle": "10673/4",
        "dspace_collection": "10673/2",
        "type_from_context": True,  # no dc.type: the type was told from the other fields
    }
    mets = (
        '<mets:METS xmlns:mets="http://www.loc.gov/METS/" OBJID="/handle/1834/20117" '
        f'ID="hdl:1834/20117"><mets:dmdSec><dim:dim {DIM}>{TITLE.format("T")}</dim:dim>'
        "</mets:dmdSec></mets:METS>"
    )
    [found] = citeform.read(mets)
    assert dict(found.custom) == {"dspace_handle": "1834/20117", "type_from_context": True}


def test_whole_document_parse_has_the_same_guards():
    from citeform.sources import Source  # noqa: PLC0415
    from citeform.xmlsafe import local_name, parse  # noqa: PLC0415

    root = parse(Source("<x>", text=f"<dim:dim {DIM}>{TITLE.format('T')}</dim:dim>"))
    assert local_name(root) == "dim"
    assert root[0].text == "T"
    with pytest.raises(citeform.UnreadableInputError, match="DTD"):
        parse(Source("<x>", text='<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'))
    with pytest.raises(citeform.LimitExceededError):
        parse(Source("<x>", text="<a>" * 300 + "</a>" * 300))
    with pytest.raises(citeform.UnreadableInputError, match="not well-formed"):
        parse(Source("<x>", text=""))
