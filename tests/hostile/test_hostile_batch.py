"""Batch survival: one broken entry among good ones yields the good ones and one report.

For each reader, a file with a good record, a broken one and another good one reads
as two records and one ``CiteformError`` naming the source and the broken entry's
position; the CLI writes the two, prints one line on stderr and exits 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import fill_template, is_registered

import citeform
from citeform.cli import main


def oai_list_records(shape: str, middle: str) -> str:
    """An OAI-PMH ListRecords response: a good record, *middle*, a good record."""
    metadata = fill_template(shape, "Guter Titel").split("?>", 1)[1]
    record = (
        "<record><header><identifier>oai:x:{n}</identifier></header>"
        f"<metadata>{metadata}</metadata></record>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>'
        f"{record.format(n=1)}{middle}{record.format(n=3)}</ListRecords></OAI-PMH>\n"
    )


NO_METADATA = (
    "<record><header><identifier>oai:x:2</identifier></header>"
    "<metadata><other xmlns='urn:x'>nothing usable</other></metadata></record>"
)
DELETED = '<record><header status="deleted"><identifier>oai:x:2</identifier></header></record>'

GOOD_CSL = {"id": "good", "type": "book", "title": "Guter Titel"}
GOOD_DSPACE = {"uuid": "u1", "metadata": {"dc.title": [{"value": "Guter Titel"}]}}


def three(good: str, bad: str, separator: str = "\n") -> str:
    return separator.join([good, bad, good.replace("t1", "t3")])


CASES = {
    "csl-json-bad-type": (
        "csl-json",
        json.dumps([GOOD_CSL, {"id": "bad", "type": "no-such-type"}, GOOD_CSL]),
        "item 2",
    ),
    "csl-json-name-without-parts": (
        "csl-json",
        json.dumps([GOOD_CSL, {"id": "bad", "author": [{"given": ""}]}, GOOD_CSL]),
        "item 2",
    ),
    "csl-json-item-not-an-object": ("csl-json", json.dumps([GOOD_CSL, 42, GOOD_CSL]), "item 2"),
    "dspace-json-metadata-not-an-object": (
        "dspace-json",
        json.dumps([GOOD_DSPACE, {"uuid": "u2", "metadata": 5}, GOOD_DSPACE]),
        "item 2",
    ),
    "dspace-json-values-not-a-list": (
        "dspace-json",
        json.dumps([GOOD_DSPACE, {"uuid": "u2", "metadata": {"dc.title": "x"}}, GOOD_DSPACE]),
        "item 2",
    ),
    "oai-dc-record-without-oai-dc": ("oai-dc", oai_list_records("oai-dc", NO_METADATA), "record 2"),
    "oai-dc-deleted-record": ("oai-dc", oai_list_records("oai-dc", DELETED), "record 2"),
    "dim-record-without-dim": ("dim", oai_list_records("dim", NO_METADATA), "record 2"),
    "bibtex-syntax-error": (
        "bibtex",
        three(fill_template("bibtex", "Gut"), "@book{bad, title = {x} author = {y}}\n"),
        "line 8",
    ),
    "bibtex-missing-key": (
        "bibtex",
        three(fill_template("bibtex", "Gut"), "@book{,title={x}}\n"),
        "line 8",
    ),
    "biblatex-syntax-error": (
        "biblatex",
        three(fill_template("biblatex", "Gut"), "@book{bad, title = {x} author = {y}}\n"),
        "line 8",
    ),
    "ris-author-without-a-name": (
        "ris",
        three(fill_template("ris", "Gut"), "TY  - JOUR\nTI  - x\nAU  - ,\nER  - \n"),
        "line 8",
    ),
}


def require(format_name: str) -> None:
    if not is_registered(format_name):
        pytest.skip(f"format {format_name!r} is not registered yet")


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_broken_entry_among_good_ones(case):
    format_name, content, position = CASES[case]
    require(format_name)
    records = citeform.read(content, format_name)
    assert len(records) == 2, records.errors
    assert len(records.errors) == 1
    (error,) = records.errors
    assert error.source == "<string>"
    assert position in (error.position or ""), str(error)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_cli_writes_the_good_ones_and_reports_the_broken_one(case, tmp_path, capsys):
    format_name, content, position = CASES[case]
    require(format_name)
    path = tmp_path / "batch.input"
    path.write_text(content, encoding="utf-8")
    code = main(["convert", str(path), "--from", format_name, "--to", "csl-json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(json.loads(out)) == 2
    (line,) = err.splitlines()
    assert line.startswith(f"citeform: {path}:")
    assert position in line


def test_a_dspace_item_without_metadata_is_reported():
    require("dspace-json")
    content = json.dumps([GOOD_DSPACE, {"uuid": "u2", "handle": "123/2"}, GOOD_DSPACE])
    records = citeform.read(content, "dspace-json")
    assert len(records) == 2
    assert len(records.errors) == 1


@pytest.mark.parametrize("item_type", [[], {}, [["book"]], 5, True])
def test_a_type_that_is_not_a_string_is_a_record_error(item_type):
    content = json.dumps([{"id": "a", "type": item_type, "title": "T"}, {"id": "b", "title": "T"}])
    records = citeform.read(content, "csl-json")
    assert [record.id for record in records] == ["b"]
    (error,) = records.errors
    assert "not a CSL item type" in str(error)


def test_a_directory_with_one_unreadable_file_reads_the_others(tmp_path: Path, capsys):
    (tmp_path / "a.json").write_text(json.dumps([GOOD_CSL]), encoding="utf-8")
    (tmp_path / "b.json").write_text("[{broken", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps([GOOD_CSL]), encoding="utf-8")
    code = main(["convert", str(tmp_path), "--to", "csl-json"])
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2, err
    assert "b.json" in err
    assert code == 1


def test_nothing_usable_exits_2_with_one_line(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "bad", "type": "no-such-type"}]), encoding="utf-8")
    assert main(["convert", str(path), "--to", "csl-json"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_one_unreadable_file_among_several_arguments_does_not_stop_the_others(tmp_path, capsys):
    paths = [tmp_path / name for name in ("a.json", "b.json", "c.json")]
    paths[0].write_text(json.dumps([GOOD_CSL]), encoding="utf-8")
    paths[1].write_bytes(b"\xff\xfe garbage")
    paths[2].write_text(json.dumps([GOOD_CSL]), encoding="utf-8")
    code = main(["convert", *map(str, paths), str(tmp_path / "missing.json"), "--to", "csl-json"])
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2
    assert [line.split(":")[1].strip() for line in err.splitlines()] == [
        str(paths[1]),
        str(tmp_path / "missing.json"),
    ]
    assert code == 1
