import json
import subprocess
import sys

import pytest
from shared_data import shared_path

import citeform
from citeform.cli import main


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "citeform", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


class TestConvert:
    """`citeform convert`: outputs, exit codes, error lines."""

    def test_items_round_trip(self):
        path = shared_path("conformance", "reference", "items.json")
        result = run("convert", str(path), "--to", "csl-json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == json.loads(path.read_text(encoding="utf-8"))

    def test_stdin(self):
        result = run("convert", "-", "--to", "csl-json", stdin='[{"id": "a", "type": "book"}]')
        assert result.returncode == 0
        assert json.loads(result.stdout) == [{"id": "a", "type": "book"}]

    def test_some_failed_exit_1(self, tmp_path):
        path = tmp_path / "mixed.json"
        path.write_text(
            '[{"id": "a", "type": "book"}, {"id": "b", "type": "bok"}]', encoding="utf-8"
        )
        result = run("convert", str(path), "--to", "csl-json")
        assert result.returncode == 1
        assert json.loads(result.stdout) == [{"id": "a", "type": "book"}]
        assert result.stderr.strip() == (
            f"citeform: {path}:item 2 (id 'b'): type: not a CSL item type (value: 'bok')"
        )

    def test_unreadable_exit_2(self, tmp_path):
        path = tmp_path / "broken.json"
        path.write_text('[{"id": "a"', encoding="utf-8")
        result = run("convert", str(path), "--from", "csl-json", "--to", "csl-json")
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1

    def test_missing_file_exit_2(self, tmp_path):
        result = run(
            "convert", str(tmp_path / "nope.json"), "--from", "csl-json", "--to", "csl-json"
        )
        assert result.returncode == 2
        assert "No such file" in result.stderr

    def test_unknown_output_format(self):
        result = run("convert", "-", "--to", "docx", stdin="[]")
        assert result.returncode == 2
        assert "unknown format 'docx'" in result.stderr

    def test_report(self):
        result = run(
            "convert", "-", "--to", "csl-json", "--report",
            stdin='[{"id": "a", "type": "book", "x-extra": 1}]',
        )  # fmt: skip
        assert "unmapped x-extra = 1" in result.stderr


def test_formats_lists_csl_json(capsys):
    assert main(["formats"]) == 0
    assert "csl-json" in capsys.readouterr().out


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["convert"])
    assert exit_info.value.code == 2


def test_help_mentions_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "convert" in out
    assert "formats" in out


def test_directory_given_by_a_relative_path_with_dots(tmp_path, monkeypatch):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.json").write_text('[{"id": "a", "type": "book"}]', encoding="utf-8")
    (folder / ".hidden.json").write_text('[{"id": "h", "type": "book"}]', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert [record.id for record in citeform.read("../records")] == ["a"]


def test_empty_string_is_no_directory():
    with pytest.raises(citeform.CiteformError):
        citeform.read("")


def test_labels_option(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Ein Titel\n\nVerfasser*in\n\nMuster, Erika\n\nErschienen\n\n2019\n", encoding="utf-8"
    )
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps(
            {"labels": {"Verfasser*in": "dc.contributor.author", "Erschienen": "dc.date.issued"}}
        ),
        encoding="utf-8",
    )
    result = run(
        "convert", str(page), "--from", "dspace-page", "--labels", str(labels), "--to", "csl-json"
    )
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    assert item["author"] == [{"family": "Muster", "given": "Erika"}]
    assert item["issued"] == {"date-parts": [[2019]]}


def test_unreadable_labels_file_exit_2(tmp_path):
    result = run(
        "convert", "-", "--labels", str(tmp_path / "nope.json"), "--to", "csl-json", stdin="[]"
    )
    assert result.returncode == 2
    assert "cannot read the label file" in result.stderr
