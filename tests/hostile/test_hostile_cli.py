"""The command line on garbage: one line per problem, an exit code, never a traceback.

Every garbage input goes through ``citeform convert`` with each registered reader
named and with detection; every writer gets records full of hostile values. No run
may print a traceback or an "internal error" line (an exception that is not a
``CiteformError``), and every stderr line starts with ``citeform:``.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from hostile_support import (
    garbage_inputs,
    readable_formats,
    writable_formats,
)

from citeform.cli import main

READERS = [*readable_formats(), None]
GARBAGE = garbage_inputs()


def assert_clean_failure(code: int, err: str) -> None:
    assert code in {0, 1, 2}
    assert "Traceback" not in err
    assert "internal error" not in err, err
    for line in err.splitlines():
        assert line.startswith("citeform: "), line


@pytest.mark.parametrize("reader", READERS, ids=[name or "detect" for name in READERS])
def test_convert_on_garbage_fails_cleanly(reader, tmp_path, capsys):
    for name, content in GARBAGE.items():
        path = tmp_path / f"{name}.input"
        path.write_bytes(content)
        arguments = ["convert", str(path), "--to", "csl-json"]
        code = main(arguments + (["--from", reader] if reader else []))
        out, err = capsys.readouterr()
        assert_clean_failure(code, err)
        if code == 2:
            assert err.count("\n") >= 1, f"{name}: exit 2 without saying why"
            assert out in {"", "[]\n"}


HOSTILE_ITEMS = [
    {
        "id": "h1",
        "type": "article-journal",
        "title": "=cmd|' /C calc'!A0 <script>alert(1)</script> \\input{/etc/passwd} }{",
        "author": [{"family": "@SUM(1)", "given": "+1"}, {"literal": "-2 {Corp} \\& Co"}],
        "container-title": "%\n\nER  - \nTY  - JOUR\n@preamble{x}",
        "issued": {"date-parts": [[2017, 2, 29]]},
        "page": "--3--4--",
        "DOI": "10.1/^^5c<>&%#",
        "URL": "javascript:alert(1)",
        "custom": {"dspace_citation": "=1+1", "dspace_handle": "@x", "dspace_uuid": "=x"},
    },
    {"id": "h2", "type": "book", "title": "\u202e\u0000\u200b\ufeff\U0001f4a9 " * 3},
    {"id": "h3", "type": "thesis", "author": [{"family": "x" * 10_000}], "title": "t" * 100_000},
]


@pytest.mark.parametrize("writer", writable_formats())
def test_every_writer_takes_hostile_records(writer, tmp_path, capsys):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE_ITEMS), encoding="utf-8")
    code = main(["convert", str(path), "--to", writer])
    _out, err = capsys.readouterr()
    assert_clean_failure(code, err)


def test_the_installed_command_prints_no_traceback_on_binary_input(tmp_path):
    path = tmp_path / "binary.bin"
    path.write_bytes(GARBAGE["binary"])
    for arguments in (
        ["convert", str(path), "--to", "csl-json"],
        ["convert", str(path), "--from", "no-such-format", "--to", "csl-json"],
        ["convert", str(path), "--to", "no-such-format"],
        ["convert", str(tmp_path / "missing.json"), "--to", "csl-json"],
        ["convert", str(tmp_path), "--to", "csl-json"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "citeform", *arguments],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 2, (arguments, result.stderr)
        assert_clean_failure(result.returncode, result.stderr)
        assert result.stderr.strip(), arguments


def test_garbage_on_standard_input_fails_cleanly():
    result = subprocess.run(
        [sys.executable, "-m", "citeform", "convert", "-", "--to", "csl-json"],
        input=GARBAGE["invalid-utf8"],
        capture_output=True,
        check=False,
        timeout=300,
    )
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2
    assert_clean_failure(result.returncode, err)
    assert "<stdin>" in err


@pytest.mark.parametrize(
    "command", [["cite"], ["fill", "--to", "dspace-csv"]], ids=["cite", "fill"]
)
def test_cite_and_fill_on_garbage_fail_cleanly(command, tmp_path, capsys):
    for name, content in GARBAGE.items():
        path = tmp_path / f"{name}.input"
        path.write_bytes(content)
        code = main([*command, str(path)])
        assert_clean_failure(code, capsys.readouterr().err)


def test_fill_and_cite_on_hostile_records(tmp_path, capsys):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE_ITEMS), encoding="utf-8")
    code = main(["fill", str(path), "--to", "dspace-csv", "--overwrite", "--spreadsheet-safe"])
    out, err = capsys.readouterr()
    assert_clean_failure(code, err)
    for row in csv.reader(io.StringIO(out)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    code = main(["cite", str(path), "--format", "html"])
    out, err = capsys.readouterr()
    assert_clean_failure(code, err)
    assert "<script" not in out


@pytest.mark.parametrize(
    "style",
    [
        "no-such-style",
        "not-xml.csl",
        "not-csl.csl",
    ],
)
def test_cite_with_a_bad_style_fails_in_one_line(style, tmp_path, capsys):
    (tmp_path / "not-xml.csl").write_text("not XML at all", encoding="utf-8")
    (tmp_path / "not-csl.csl").write_text("<?xml version='1.0'?><html/>", encoding="utf-8")
    argument = str(tmp_path / style) if style.endswith(".csl") else style
    code = main(["cite", "--style", argument])
    err = capsys.readouterr().err
    assert code == 2
    assert_clean_failure(code, err)
    assert len(err.splitlines()) == 1
