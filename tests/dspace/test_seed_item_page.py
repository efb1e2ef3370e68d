"""The project's seed record, a German DSpace item page, read exactly as the issue asks."""

from __future__ import annotations

import json

import pytest
from dspace_support import run_citeform

import citeform
from citeform.dspace import labels
from citeform.example import example_path
from citeform.model import Name

SEED = ("seeds", "000_6df366672ca69de5.txt")

EXPECTED = {
    "type": "article-journal",
    "title": (
        "Fachkonferenz zur Arbeitsmarktintegration von Flüchtlingen \u2013 Beispiele aus Städten"
    ),
    "container-title": "Eildienst",
    "publisher": "Städtetag Nordrhein-Westfalen",
    "publisher-place": "Köln",
    "language": "de",
    "call-number": "Kws 860 ZB 6748",
    "archive": "Zentral- und Landesbibliothek Berlin",
    "issue": "2",
    "page": "3-4",
    "author": [{"literal": "Städtetag Nordrhein-Westfalen"}],
    "custom": {
        "recorded_title": (
            "Fachkonferenz zur Arbeitsmarktintegration von Flüchtlingen - Beispiele aus Städten."
        ),
        "recorded_container_title": "Eildienst. Städtetag Nordrhein-Westfalen",
        "type_from_context": True,  # the page has no type: it was told from the other fields
    },
}


@pytest.fixture
def seed(shared):
    return shared(*SEED)


def test_seed_is_detected_and_read_to_the_target_record(seed):
    records = citeform.read(seed)
    assert not records.errors
    [record] = records
    item = record.to_csl()
    abstract = item.pop("abstract")
    assert item == EXPECTED
    assert abstract.startswith("Im Februar 2017 fand in Düsseldorf")
    assert abstract.endswith("Netzwerkpartner zu vermitteln.")
    assert record.get("issued") is None  # the year in the abstract is never used
    assert record.citation is None  # the Zitierform label is empty
    assert record.unmapped == ()  # every filled field was used; empty labels gave nothing
    assert record.origin.format == "dspace-page"


def test_cli_converts_the_seed_without_from(seed):
    result = run_citeform("convert", str(seed), "--to", "csl-json", "--report")
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    assert item["type"] == "article-journal"
    assert item["author"] == [{"literal": "Städtetag Nordrhein-Westfalen"}]
    assert "issued" not in item
    assert "all fields mapped" in result.stderr


def test_bundled_example_is_the_seed(seed):
    assert example_path().read_bytes() == seed.read_bytes()
    assert citeform.read(example_path(), "dspace-page")[0] == citeform.read(seed)[0]


def test_variant_b_keeps_the_container_and_leaves_the_author_empty(seed):
    from citeform.dspace import CrosswalkOptions, crosswalk  # noqa: PLC0415
    from citeform.dspace.page import fields_from_page  # noqa: PLC0415

    fields = fields_from_page(seed.read_text(encoding="utf-8"))
    options = CrosswalkOptions(corporate_author=False, split_container_tail=False)
    record = crosswalk(fields, options=options)
    assert record.get("author") is None
    assert record.get("container-title") == "Eildienst. Städtetag Nordrhein-Westfalen"
    assert [field.key for field in record.unmapped] == ["page.byline"]


PAGE_WITH_OWN_LABELS = """Ein Bericht über Brücken.

Signatur
ZLB: A 12
Erschienen in
Brückenblatt
Heftnummer
H. 7
Teilen
Seiten
S. 10-12
"""


def test_users_register_their_own_labels(tmp_path):
    label_file = tmp_path / "labels.json"
    label_file.write_text(
        json.dumps(
            {
                "labels": {
                    "Signatur": "local.holding",
                    "Erschienen in": "dc.relation.ispartof",
                    "Heftnummer:": "oaire.citation.issue",
                },
                "noise": ["Teilen"],
            }
        ),
        encoding="utf-8",
    )
    try:
        labels.load_labels(label_file)
        [record] = citeform.read(PAGE_WITH_OWN_LABELS, "dspace-page")
    finally:
        labels.clear_registered_labels()
    assert record.get("title") == "Ein Bericht über Brücken"
    assert record.get("container-title") == "Brückenblatt"
    assert record.get("issue") == "7"
    assert record.get("page") == "10-12"
    assert record.get("call-number") == "A 12"
    assert record.type == "article-journal"
    assert record.unmapped == ()


def test_a_bad_label_file_is_one_clear_error(tmp_path):
    label_file = tmp_path / "labels.json"
    label_file.write_text('{"labels": ["not", "a", "map"]}', encoding="utf-8")
    with pytest.raises(citeform.UnreadableInputError, match="label file"):
        labels.load_labels(label_file)


ENGLISH_PAGE = """Open data in practice.
Smith, Jane; Doe, John
Loading...
Authors
Smith, Jane
Doe, John
Date
2019-05
Journal
Data Journal
Volume
Vol. 5
Issue
No. 3
Citation start page
17
Citation end page
29
Keywords
open data
repositories
item.page.dc-rights
CC BY 4.0
Citation
Smith, J.; Doe, J.: Open data in practice. Data Journal 5 (2019), 17-29.
"""


def test_english_labels_untranslated_keys_and_an_existing_citation():
    [record] = citeform.read(ENGLISH_PAGE, "dspace-page")
    assert record.get("author") == (
        Name(family="Smith", given="Jane"),
        Name(family="Doe", given="John"),
    )
    assert record.get("issued").parts == ((2019, 5),)
    assert record.get("volume") == "5"
    assert record.get("issue") == "3"
    assert record.get("page") == "17-29"
    assert record.get("keyword") == "open data, repositories"
    assert record.type == "article-journal"
    assert record.citation.startswith("Smith, J.; Doe, J.: Open data")
    assert "Smith" not in json.dumps(record.to_csl().get("custom", {}).get("recorded_title", ""))
    assert [(field.key, field.value) for field in record.unmapped] == [
        ("page.byline", "Smith, Jane; Doe, John"),
        ("dc.rights", "CC BY 4.0"),
    ]


def test_text_that_is_no_item_page_is_refused():
    with pytest.raises(citeform.UnreadableInputError, match="not a DSpace item page"):
        citeform.read("Just a line of prose.\nAnd another one.\n", "dspace-page")
    with pytest.raises(citeform.UnreadableInputError, match="not a DSpace item page"):
        citeform.read('{"metadata": {}}', "dspace-page")


@pytest.mark.parametrize("content", ['{"metadata": {}}', "<dim:dim/>", "nur Prosa\nohne Labels\n"])
def test_cli_exit_2_for_what_is_no_item_page(tmp_path, content):
    path = tmp_path / "not-a-page.txt"
    path.write_text(content, encoding="utf-8")
    result = run_citeform("convert", str(path), "--from", "dspace-page", "--to", "csl-json")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "not a DSpace item page" in line
