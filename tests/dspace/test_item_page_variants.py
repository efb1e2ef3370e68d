"""Item pages as they vary: the full item page table, "Label: value" lines, page sections."""

from __future__ import annotations

import json

from dspace_support import run_citeform

import citeform
import citeform.cli
from citeform.dspace.labels import clear_registered_labels
from citeform.model import Name
from citeform.registry import detect_format
from citeform.sources import Source

FULL_ITEM_PAGE = (
    "Wohnen in der Stadt\n"
    "Komplettanzeige\n"
    "dc.contributor.author\tMüller, Hans\tde\n"
    "dc.date.issued\t2017-05\n"
    "dc.identifier.citation\tMüller, H. (2017): Wohnen in der Stadt.\tde\n"
    "dc.relation.ispartof\tStadtforschung\n"
    "oaire.citation.volume\tJg. 12\n"
    "dc.rights\tCC BY 4.0\ten\n"
)


def test_full_item_page_table_gives_real_keys_and_languages():
    assert detect_format(Source.from_any(FULL_ITEM_PAGE)).name == "dspace-page"
    [record] = citeform.read(FULL_ITEM_PAGE)
    assert record.get("author") == (Name(family="Müller", given="Hans"),)
    assert record.get("issued").parts == ((2017, 5),)
    assert record.get("volume") == "12"
    assert record.type == "article-journal"
    assert record.citation == "Müller, H. (2017): Wohnen in der Stadt."
    [rights] = record.unmapped
    assert (rights.key, rights.value, rights.language) == ("dc.rights", "CC BY 4.0", "en")


LABELLED_LINES = """Bericht zur Lage
Datum: 2019
Autor:innen: Müller, Hans; Meier, Eva
Verlag: Deutsches Institut für Urbanistik
Dateien
bericht.pdf
Herunterladen
Sammlungen
Kommunalpolitik
"""


def test_label_value_lines_and_page_sections():
    [record] = citeform.read(LABELLED_LINES, "dspace-page")
    assert record.get("author") == (
        Name(family="Müller", given="Hans"),
        Name(family="Meier", given="Eva"),
    )
    assert record.get("publisher") == "Deutsches Institut für Urbanistik"
    assert record.type == "report"  # a publisher and no container
    assert [(field.key, field.value) for field in record.unmapped] == [
        ("page.files", "bericht.pdf"),
        ("page.collections", "Kommunalpolitik"),
    ]


def test_a_corporate_publisher_becomes_the_author_of_a_report():
    page = "Leitfaden Klimaschutz\n\nDatum\n\nVerlag\nStadt Köln\nISBN\n978-3-16-148410-0\n"
    [record] = citeform.read(page, "dspace-page")
    assert record.type == "book"  # an ISBN and no container
    assert record.get("author") == (Name.corporate("Stadt Köln"),)
    assert record.get("publisher") == "Stadt Köln"
    assert record.get("ISBN") == "9783161484100"


def test_a_date_under_the_title_is_no_creator_line():
    [record] = citeform.read("Ein Titel\nMärz 2018\nVerlag\nDifu\nDatum\nSprache\n", "dspace-page")
    assert record.get("author") == (Name.corporate("Difu"),)  # the publisher, not "März 2018"
    assert [(f.key, f.value) for f in record.unmapped] == [("page.text", "März 2018")]


DSPACE6_PAGE = """Title: A study of streets
Authors: Smith, Jane
Issue Date: 2012
Series/Report no.: Working papers;7
Files in This Item:
paper.pdf
Appears in Collections:
Urban studies
"""


def test_dspace6_english_labels_with_values_on_the_same_line():
    [record] = citeform.read(DSPACE6_PAGE)
    assert record.origin.format == "dspace-page"
    assert record.get("title") == "A study of streets"
    assert record.get("issued").parts == ((2012,),)
    assert (record.get("collection-title"), record.get("collection-number")) == (
        "Working papers",
        "7",
    )
    assert [(f.key, f.value) for f in record.unmapped] == [
        ("page.files", "paper.pdf"),
        ("page.collections", "Urban studies"),
    ]


def test_the_command_line_reads_a_label_file_named_in_the_environment(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Wohnen in der Stadt\n\nDatum\n\nVerlag\n\nErschienen in\nStadtforschung\nHeft\n3\n",
        encoding="utf-8",
    )
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps(
            {"labels": {"Erschienen in": "dc.relation.ispartof", "Heft": "oaire.citation.issue"}}
        ),
        encoding="utf-8",
    )
    result = run_citeform("convert", str(page), "--to", "csl-json", CITEFORM_LABELS=str(labels))
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    assert (item["container-title"], item["issue"], item["type"]) == (
        "Stadtforschung",
        "3",
        "article-journal",
    )
    broken = run_citeform(
        "convert", str(page), "--to", "csl-json", CITEFORM_LABELS=str(tmp_path / "none.json")
    )
    assert broken.returncode == 2
    [line] = broken.stderr.strip().splitlines()
    assert "cannot read the label file" in line


def test_a_page_of_mostly_unknown_labels_is_refused_naming_them(capsys):
    page = "examples/item-page-other-repository.txt"
    code = citeform.cli.main(["fill", page, "--from", "dspace-page", "--to", "csl-json"])
    err = capsys.readouterr().err
    assert code == 2
    assert "most labels of this item page are unknown ('Erscheinungsjahr', 'Jahrgang'" in err
    assert "--labels" in err
    try:
        code = citeform.cli.main(
            ["cite", page, "--from", "dspace-page", "--labels", "examples/repository-labels.json"]
        )
    finally:
        clear_registered_labels()
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("Müller, A. (2019). Wohnen in der Stadt. Informationen")
    assert "46(2), 112\u2013128." in out


def test_a_page_of_known_labels_with_short_values_or_menus_is_read():
    page = (
        "Ein Buch\nMüller, Hans\nStartseite\nStöbern\nAnmelden\nTitel\nEin Buch\n"
        "Autor\nMüller, Hans\nSchlagwörter\nStadt\nLand\nVerkehr\nTyp\nBuch\n"
        "Teilen\nZitieren\nStatistik\nExport\n"
    )
    (record,) = citeform.read(page, "dspace-page")
    assert record.get("keyword") == "Stadt, Land, Verkehr"
