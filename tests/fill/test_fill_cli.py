"""`citeform fill`: outputs DSpace takes, the summary, failures, records without UUID, --jobs."""

import json
import sys

import pytest
from dspace_shapes import csv_rows, patch_requests
from shared_data import shared_path

from citeform.cli import main

REST_ITEM = ("dspace", "rest-item.restcontract-items-md.json")
UUID = "1911e8a4-6939-490c-b58b-a5d70f8d91fb"


def fill(capsys, *args):
    code = main(["fill", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_rest_item_to_patch(capsys):
    code, out, err = fill(capsys, shared_path(*REST_ITEM), "--to", "dspace-patch")
    assert code == 0, err
    (request,) = patch_requests(json.loads(out))
    assert request["uuid"] == UUID
    (operation,) = request["body"]
    assert operation["op"] == "add"
    assert operation["value"][0]["value"].startswith("Stvilia, B., & Lee, D. J.")
    assert err.strip().splitlines()[-1] == "citeform: filled 1, skipped 0, failed 0"


def test_rest_item_to_csv(capsys, tmp_path):
    output = tmp_path / "out.csv"
    code, out, err = fill(capsys, shared_path(*REST_ITEM), "--to", "dspace-csv", "-o", output)
    assert code == 0, err
    assert out == ""
    (row,) = csv_rows(output.read_text(encoding="utf-8"))
    assert row["id"] == UUID
    assert "Practices of research data curation" in row["dc.identifier.citation"]


def test_csl_json_keeps_every_record_with_its_zitierform_in_custom(capsys, tmp_path):
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            [
                {"id": "a", "type": "book", "title": "Eins"},
                {"id": "b", "type": "book", "title": "Zwei", "custom": {"dspace_citation": "Da."}},
                {"id": "c", "type": "book"},
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = fill(capsys, path, "--to", "csl-json", "--locale", "de-DE")
    assert code == 1
    items = json.loads(out)
    assert [item.get("custom", {}).get("dspace_citation") for item in items] == [
        "Eins. (o.\xa0J.).",
        "Da.",
        None,
    ]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"citeform: {path}:item 3 (id 'c'): no title")
    assert lines[1] == "citeform: filled 1, skipped 1, failed 1"


def test_only_records_filled_now_go_to_dspace_and_those_without_uuid_are_named(capsys, tmp_path):
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            [
                {"id": "a", "type": "book", "title": "Eins", "URL": "https://hdl.handle.net/1/2"},
                {"id": "b", "type": "book", "title": "Zwei", "custom": {"dspace_citation": "Da."}},
                {"id": "c", "type": "book", "title": "Drei"},
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = fill(capsys, path, "--to", "dspace-patch")
    assert code == 0
    assert [r["key"] for r in patch_requests(json.loads(out))] == [
        "hdl:1/2",
        f"{path}:item 3 (id 'c')",
    ]
    assert "2 item(s) have no UUID" in err
    code, out, err = fill(capsys, path, "--to", "dspace-patch", "--overwrite")
    ops = [r["body"][0]["op"] for r in json.loads(out)]
    assert ops == ["add", "replace", "add"]


def test_jobs_give_the_same_output(capsys, tmp_path):
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps([{"id": str(n), "type": "book", "title": f"Buch {n}"} for n in range(40)]),
        encoding="utf-8",
    )
    _, serial, _ = fill(capsys, path, "--to", "csl-json")
    code, parallel, err = fill(capsys, path, "--to", "csl-json", "--jobs", "2")
    assert code == 0, err
    assert parallel == serial


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--style", "no-such-style"], "unknown style"),
        (["--locale", "xx-XX"], "unknown locale"),
    ],
)
def test_bad_style_or_locale_is_one_line_exit_2(capsys, tmp_path, args, message):
    path = tmp_path / "in.json"
    path.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    code, out, err = fill(capsys, path, "--to", "csl-json", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["fill", "x.json", "--to", "csl-json", "--jobs", "0"])
    assert exit_info.value.code == 2
    capsys.readouterr()


def test_progress_bar_on_a_terminal_only(capsys, monkeypatch, tmp_path):
    path = tmp_path / "in.json"
    path.write_text('[{"id": "a", "type": "book", "title": "T"}]', encoding="utf-8")
    _, _, quiet = fill(capsys, path, "--to", "csl-json")
    assert "records" not in quiet
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, _, on_terminal = fill(capsys, path, "--to", "csl-json")
    assert "records/s" in on_terminal
    assert on_terminal.endswith("citeform: filled 1, skipped 0, failed 0\n")


def test_all_fields_passes_holdings_and_serial_publisher_to_the_style(capsys):
    _, default, _ = fill(capsys, "--to", "csl-json", "--style", "din-1505-2")
    _, everything, _ = fill(capsys, "--to", "csl-json", "--style", "din-1505-2", "--all-fields")
    citation = json.loads(default)[0]["custom"]["dspace_citation"]
    assert "Köln" not in citation
    assert "Köln" in json.loads(everything)[0]["custom"]["dspace_citation"]
