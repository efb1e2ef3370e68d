"""Every file in ../shared/dspace converts, auto-detected, with the fields that file holds."""

from __future__ import annotations

import pytest
from dspace_support import run_citeform

import citeform
from citeform.model import Date, Name

SAMPLES = {
    "rest-item.restcontract-items-md.json": (
        "dspace-json",
        {
            "type": "article-journal",
            "title": "Practices of research data curation in institutional repositories: "
            "A qualitative view from repository staff",
            "author": (
                Name(family="Stvilia", given="Besiki"),
                Name(family="Lee", given="Dong Joon"),
            ),
            "URL": "http://europepmc.org/abstract/MED/28301533",
        },
    ),
    "rest-item-publication.dspace-angular-mock.json": (
        "dspace-json",
        {
            "type": "article-journal",
            "author": (Name(family="Simmons", given="Cameron"),),
            "issued": Date.of(2011, 9, 23),
            "language": "en",
            "URL": "http://localhost:8080/dspace7/handle/123456789/156",
        },
    ),
    "rest-item-untyped.dspace-angular-mock.json": (
        "dspace-json",
        {"title": "The pathogenesis of dengue", "issued": Date.of(2011, 9, 23)},
    ),
    "rest-items-dspace6-list-format.dspace-angular-mockbackend.json": (
        "dspace-json",
        {
            "title": "Do Open-Access Articles Have a Greater Research Impact?",
            "author": (Name(family="Antelman", given="Kristin"),),
            "issued": Date.of(2004, 9, 1),
            "publisher": "College & Research Libraries News",
            "keyword": "Publishing, Intellectual Property, Open Access",
            "URL": "https://hdl.handle.net/123456789/8871",
        },
    ),
    "oai_dc-GetRecord-fragment.demo.dspace.org-10673-4.xoai-test.xml": (
        "oai-dc",
        {"title": "Test Webpage", "issued": Date.of(1982, 11, 11), "keyword": "cat, calico"},
    ),
    "oai_dc-ListRecords-fragment.demo.dspace.org-10459.3-67.xoai-test.xml": (
        "oai-dc",
        {"issued": Date.of(1850), "publisher": "Universitat de Lleida", "number-of-pages": "453"},
    ),
    "oai_dc-ListRecords.helda.helsinki.fi-1975-7634.ckanext-oaipmh-test.xml": (
        "oai-dc",
        {
            "type": "book",
            "author": (Name(family="Tall", given="Anna"),),
            "ISSN": "1796-6361",
            "collection-title": "Julkaisuja / Helsingin yliopisto, soveltavan biologian laitos",
            "collection-number": "34",
            "language": "fi",
        },
    ),
    "oai_dc.generated-by-dspace-oai_dc.xsl.demo-10673-4.xml": (
        "oai-dc",
        {"author": (Name(family="Cat", given="Lily"),), "language": "en"},
    ),
    "dim.generated-by-dspace-dim.xsl.demo-10673-4.xml": (
        "dim",
        {
            "title": "Test Webpage",
            "author": (Name(family="Cat", given="Lily"),),
            "issued": Date.of(1982, 11, 11),
            "URL": "https://hdl.handle.net/10673/4",
            "language": "en",
        },
    ),
    "oai-dim-in-mets.aquadocs-1834-20117.zotero-test.xml": (
        "dim",
        {
            "type": "book",
            "issued": Date.of(2006),
            "publisher": "NOAA/National Ocean Service/National Marine Sanctuary Program",
            "publisher-place": "Silver Spring, MD",
            "collection-title": "Marine Sanctuaries Conservation Series",
            "issue": "NMSP-0",
            "URL": "https://hdl.handle.net/1834/20117",
        },
    ),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_is_detected_and_holds_its_fields(shared, name):
    expected_format, expected = SAMPLES[name]
    path = shared("dspace", name)
    assert citeform.registry.detect_format(citeform.sources.Source.from_any(path)).name == (
        expected_format
    )
    records = citeform.read(path)
    assert records
    assert not records.errors
    record = records[0]
    assert record.origin.format == expected_format
    for variable, value in expected.items():
        got = record.type if variable == "type" else record.get(variable)
        assert got == value, variable


def test_dspace6_list_holds_both_items(shared):
    records = citeform.read(
        shared("dspace", "rest-items-dspace6-list-format.dspace-angular-mockbackend.json")
    )
    assert [record.get("title") for record in records] == [
        "Do Open-Access Articles Have a Greater Research Impact?",
        "Another Test Item",
    ]
    assert records[1].get("author") == (Name(family="Doe", given="John"),)


def test_qualifiers_lost_in_oai_dc_stay_as_unmapped(shared):
    [record] = citeform.read(
        shared("dspace", "oai_dc-GetRecord-fragment.demo.dspace.org-10673-4.xoai-test.xml")
    )
    assert record.id == "oai:demo.dspace.org:10673/4"
    unmapped = [(field.key, field.value) for field in record.unmapped]
    assert ("dc.identifier", "123456789") in unmapped  # not an ISSN by its shape
    assert unmapped.count(("dc.date", "1982-06-26T19:58:24Z")) == 2  # ingest timestamps


def test_dim_and_oai_dc_of_the_same_item_agree(shared):
    [from_dim] = citeform.read(shared("dspace", "dim.generated-by-dspace-dim.xsl.demo-10673-4.xml"))
    [from_dc] = citeform.read(
        shared("dspace", "oai_dc.generated-by-dspace-oai_dc.xsl.demo-10673-4.xml")
    )
    for variable in ("title", "author", "issued", "URL", "keyword", "language", "abstract"):
        assert from_dim.get(variable) == from_dc.get(variable), variable


def test_the_zotero_item_is_not_taken_for_dspace(shared):
    path = shared("dspace", "oai-dim-in-mets.aquadocs-1834-20117.zotero-expected-item.json")
    records = citeform.read(path)
    assert records[0].origin.format == "csl-json"  # a Zotero item, read as CSL-ish JSON
    with pytest.raises(citeform.UnreadableInputError, match="no DSpace item"):
        citeform.read(path, "dspace-json")


def test_the_internal_xoai_document_gets_a_clear_error(shared):
    path = shared("dspace", "xoai-internal.dspace-oai-test.demo-10673-4.xml")
    with pytest.raises(citeform.UnknownFormatError, match="cannot tell the format"):
        citeform.read(path)
    for name in ("dim", "oai-dc"):
        with pytest.raises(citeform.UnreadableInputError, match=r"no .* record found"):
            citeform.read(path, name)
    result = run_citeform("convert", str(path), "--to", "csl-json")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
