"""`citeform fill` from DSpace's metadata export back to an import CSV: only what changed."""

import csv
import json
import re

from dspace_export import export_csv, item_uuid
from dspace_shapes import csv_rows

from citeform.cli import main

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ITEMS = 300
FILLED_BEFORE = ITEMS // 5


def fill(capsys, *args):
    code = main(["fill", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def dspace_lines(text):
    """Physical lines joined into records as DSpace's importer does: until the quotes pair up."""
    pending = None
    for line in text.split("\n")[:-1]:
        pending = line if pending is None else pending + "\n" + line
        if pending.count('"') % 2 == 0:
            yield pending
            pending = None
    assert pending is None, "a record with unpaired quotes"


def dspace_cells(line):
    """A record split at commas, rejoining parts inside quotes; quotes stripped, '""' undone."""
    parts = line.split(",")
    cells = []
    while parts:
        cell = parts.pop(0)
        while cell.startswith('"') and (not cell.endswith('"') or cell.count('"') % 2):
            cell += "," + parts.pop(0)
        if len(cell) > 1 and cell.startswith('"') and cell.endswith('"'):
            cell = cell[1:-1]
        cells.append(cell.replace('""', '"'))
    return cells


def dspace_rows(path):
    """The rows of an import CSV as DSpace reads them, each cell's values split at '||'."""
    text = path.read_text(encoding="utf-8")
    expected = csv_rows(text)  # the documented shape, read by Python's csv module
    header, *rows = (dspace_cells(line) for line in dspace_lines(text))
    parsed = [dict(zip(header, row, strict=True)) for row in rows]
    assert parsed == expected
    return [{key: value.split("||") for key, value in row.items()} for row in parsed]


def test_export_to_import_csv_has_one_row_per_changed_item(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(export_csv(ITEMS), encoding="utf-8")
    output = tmp_path / "zitierform.csv"
    code, _, err = fill(capsys, export, "--to", "dspace-csv", "-o", output)
    assert code == 0, err
    assert err.strip().splitlines()[-1] == (
        f"citeform: filled {ITEMS - FILLED_BEFORE}, skipped {FILLED_BEFORE}, failed 0"
    )
    rows = dspace_rows(output)
    assert len(rows) == ITEMS - FILLED_BEFORE
    assert set(rows[0]) == {"id", "collection", "dc.identifier.citation[de]"}
    assert all(UUID.fullmatch(row["id"][0]) for row in rows)
    assert len({row["id"][0] for row in rows}) == len(rows)
    assert rows[0]["collection"] == ["123456789/3"]  # item 0 had a Zitierform
    assert rows[1]["collection"] == ["123456789/7", "123456789/9"]
    assert all(len(row["dc.identifier.citation[de]"]) == 1 for row in rows)


def test_overwrite_writes_only_items_whose_zitierform_changed(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(export_csv(20), encoding="utf-8")
    first = tmp_path / "first.csv"
    assert fill(capsys, export, "--to", "dspace-csv", "-o", first)[0] == 0
    new = {row["id"]: row["dc.identifier.citation[de]"] for row in csv_rows(first.read_text())}
    with export.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    for index in (1, 2):  # the first two items now hold the Zitierform the fill gave them
        rows[index + 1][4] = new[item_uuid(index)]
    with export.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    again = tmp_path / "again.csv"
    assert fill(capsys, export, "--to", "dspace-csv", "-o", again, "--overwrite")[0] == 0
    ids = [row["id"] for row in csv_rows(again.read_text())]
    assert item_uuid(1) not in ids
    assert item_uuid(2) not in ids
    assert item_uuid(0) in ids  # "Alt 0." replaced
    assert len(ids) == 18


def test_max_rows_gives_numbered_files(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(export_csv(ITEMS), encoding="utf-8")
    output = tmp_path / "out.csv"
    code, _, err = fill(capsys, export, "--to", "dspace-csv", "-o", output, "--max-rows", "20")
    assert code == 0, err
    files = sorted(tmp_path.glob("out-*.csv"))
    assert [path.name for path in files] == [f"out-{n:03d}.csv" for n in range(1, 13)]
    sizes = [len(dspace_rows(path)) for path in files]
    assert sizes == [20] * 12
    assert not output.exists()
    assert "out-012.csv" in err


def test_ids_key_handles_by_uuid_and_keep_the_rest_apart(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(export_csv(5), encoding="utf-8")
    harvested = tmp_path / "harvest.json"
    items = [
        {"id": f"h{n}", "type": "book", "title": f"Buch {n}",
         "URL": f"https://hdl.handle.net/123456789/{1000 + n}"}
        for n in (1, 3, 99)
    ]  # fmt: skip
    harvested.write_text(json.dumps(items), encoding="utf-8")
    output = tmp_path / "out.csv"
    code, _, err = fill(capsys, harvested, "--to", "dspace-csv", "-o", output, "--ids", export)
    assert code == 0, err
    rows = csv_rows(output.read_text())
    assert [row["id"] for row in rows] == [item_uuid(1), item_uuid(3)]
    assert list(rows[0]) == ["id", "collection", "dc.identifier.citation[de]"]  # from the export
    assert [row["collection"] for row in rows] == ["123456789/3", "123456789/2"]
    apart = tmp_path / "out-without-uuid.csv"
    assert [row["id"] for row in csv.DictReader(apart.open())] == ["hdl:123456789/1099"]
    assert f"1 item(s) without UUID written to {apart}, not to the import CSV" in err


def test_max_rows_and_ids_need_a_csv_file(capsys, tmp_path):
    code, _, err = fill(capsys, "--to", "dspace-csv", "--max-rows", "20")
    assert (code, err.strip()) == (2, "citeform: --max-rows needs --to dspace-csv and -o FILE")
    export = tmp_path / "export.csv"
    export.write_text(export_csv(3), encoding="utf-8")
    code, _, err = fill(capsys, "--to", "dspace-csv", "--ids", export)
    assert (code, err.strip()) == (2, "citeform: --ids with --to dspace-csv needs -o FILE")


def test_ids_give_patch_requests_their_uuid(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(export_csv(3), encoding="utf-8")
    harvested = tmp_path / "harvest.json"
    item = {"id": "h", "type": "book", "title": "B", "URL": "https://hdl.handle.net/123456789/1002"}
    harvested.write_text(json.dumps([item]), encoding="utf-8")
    code, out, err = fill(capsys, harvested, "--to", "dspace-patch", "--ids", export)
    assert code == 0, err
    assert json.loads(out)[0]["request"] == f"PATCH /api/core/items/{item_uuid(2)}"


def test_formula_like_values_written_as_they_are_unless_spreadsheet_safe(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        f"id,dc.title,dc.identifier.citation[de]\n{item_uuid(1)},T,=1+1\n", encoding="utf-8"
    )
    output = tmp_path / "out.csv"
    fill(capsys, export, "--to", "dspace-csv", "-o", output, "--overwrite", "--style", "apa")
    rows = csv_rows(output.read_text())
    assert rows[0]["dc.identifier.citation[de]"] == "T. (n.d.)."
    csl = tmp_path / "formula.json"
    csl.write_text(json.dumps([{"id": item_uuid(2), "type": "book", "title": "+Ultra"}]))
    fill(capsys, csl, "--to", "dspace-csv", "-o", output)
    (row,) = csv_rows(output.read_text())
    assert row["dc.identifier.citation"].startswith("+Ultra")
    fill(capsys, csl, "--to", "dspace-csv", "-o", output, "--spreadsheet-safe")
    (row,) = csv_rows(output.read_text())
    assert row["dc.identifier.citation"].startswith("'+Ultra")
