"""Output files are whole or untouched: in place, interrupted, on a full disk, by a broken style."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

from citeform.cli import fill as fill_command
from citeform.cli import main
from citeform.cli import output as output_module
from citeform.errors import RenderError
from citeform.filling import _located
from citeform.model import Origin, Record

BROKEN_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Broken</title><id>broken</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text macro="missing"/></layout></citation>
  <bibliography><layout><text macro="missing"/></layout></bibliography>
</style>
"""


def books(count):
    return [
        {"id": f"b{n}", "type": "book", "title": f"Title {n}", "author": [{"family": f"F{n}"}]}
        for n in range(count)
    ]


def write_json(path, items):
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def leftovers(directory):
    return sorted(p.name for p in Path(directory).iterdir() if p.name.endswith(".part"))


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


class TestInPlace:
    def test_fill_into_its_own_input_reads_it_first(self, capsys, tmp_path):
        path = write_json(tmp_path / "r.json", books(3))
        code, _, err = run(capsys, "fill", path, "--to", "csl-json", "-o", path)
        assert code == 0, err
        items = json.loads(path.read_text(encoding="utf-8"))
        assert [item["id"] for item in items] == ["b0", "b1", "b2"]
        assert all(item["custom"]["dspace_citation"] for item in items)
        assert leftovers(tmp_path) == []

    def test_convert_into_its_own_input_reads_it_first(self, capsys, tmp_path):
        path = write_json(tmp_path / "r.json", books(2))
        code, _, err = run(capsys, "convert", path, "--to", "csl-json", "-o", path)
        assert code == 0, err
        assert [item["title"] for item in json.loads(path.read_text("utf-8"))] == [
            "Title 0",
            "Title 1",
        ]

    def test_a_new_file_gets_the_umask_permissions(self, capsys, tmp_path):
        path = write_json(tmp_path / "r.json", books(1))
        target = tmp_path / "out.json"
        run(capsys, "convert", path, "--to", "ris", "-o", target)
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask

    def test_a_replaced_file_keeps_its_permissions(self, capsys, tmp_path):
        path = write_json(tmp_path / "r.json", books(1))
        target = tmp_path / "out.ris"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        run(capsys, "convert", path, "--to", "ris", "-o", target)
        assert target.stat().st_mode & 0o777 == 0o640
        assert "TY  - BOOK" in target.read_text("utf-8")


class TestFailureKeepsThePreviousOutput:
    def test_interrupt_while_writing(self, capsys, tmp_path, monkeypatch):
        path = write_json(tmp_path / "r.json", books(5))
        target = tmp_path / "out.json"
        target.write_text("previous", encoding="utf-8")

        def interrupted(records):
            for number, record in enumerate(records):
                if number == 2:
                    raise KeyboardInterrupt
                yield json.dumps(record.to_csl())

        monkeypatch.setitem(fill_command.WRITERS, "csl-json", interrupted)
        code, _, err = run(capsys, "fill", path, "--to", "csl-json", "-o", target)
        assert code == 130
        assert "stopped by SIGINT" in err
        assert target.read_text("utf-8") == "previous"
        assert leftovers(tmp_path) == []

    def test_full_disk_names_the_file_and_keeps_it(self, capsys, tmp_path, monkeypatch):
        path = write_json(tmp_path / "r.json", books(50))
        target = tmp_path / "out.csv"
        target.write_text("previous", encoding="utf-8")
        real_mkstemp = output_module.tempfile.mkstemp

        def onto_a_full_disk(**kwargs):
            descriptor, name = real_mkstemp(**kwargs)
            os.close(descriptor)
            return os.open("/dev/full", os.O_WRONLY), name

        monkeypatch.setattr(output_module.tempfile, "mkstemp", onto_a_full_disk)
        code, _, err = run(capsys, "fill", path, "--to", "dspace-csv", "-o", target)
        assert code == 2
        assert f"citeform: {target}: cannot write the output: No space left on device" in err
        assert "left as it was" in err
        assert "internal error" not in err
        assert target.read_text("utf-8") == "previous"
        assert leftovers(tmp_path) == []

    def test_full_standard_output_is_named(self, tmp_path):
        path = write_json(tmp_path / "r.json", books(3))
        with Path("/dev/full").open("w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "citeform", "convert", str(path), "--to", "ris"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert done.returncode == 2
        assert "<stdout>: cannot write the output: No space left on device" in done.stderr

    def test_unwritable_directory_is_named(self, capsys, tmp_path):
        path = write_json(tmp_path / "r.json", books(1))
        target = tmp_path / "missing" / "out.ris"
        code, _, err = run(capsys, "convert", path, "--to", "ris", "-o", target)
        assert code == 2
        assert f"{target}: cannot write the output" in err
        assert "no file was written" in err


def _session_processes(session):
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_keeps_the_output_and_ends_the_workers(tmp_path, jobs):
    path = write_json(tmp_path / "r.json", books(4000))
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")
    command = [sys.executable, "-m", "citeform", "fill", str(path), "--to", "csl-json"]
    process = subprocess.Popen(
        [*command, "--jobs", jobs, "-o", str(target)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(2.5)  # started, rendering
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM" in err
    assert target.read_text("utf-8") == "previous"
    assert leftovers(tmp_path) == []
    deadline = time.monotonic() + 10
    while _session_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session_processes(process.pid) == []


class TestBrokenStyle:
    def test_one_line_and_the_batch_stops(self, capsys, tmp_path):
        style = tmp_path / "broken.csl"
        style.write_text(BROKEN_STYLE, encoding="utf-8")
        path = write_json(tmp_path / "r.json", books(300))
        target = tmp_path / "out.json"
        code, out, err = run(capsys, "fill", path, "--to", "csl-json", "--style", style)
        assert code == 2
        assert out == ""
        (line,) = err.strip().splitlines()
        assert line.startswith(f"citeform: {style}: the style fails even on a plain book")
        code, _, err = run(capsys, "fill", path, "--to", "csl-json", "--style", style, "-o", target)
        assert len(err.strip().splitlines()) == 1
        assert not target.exists()

    def test_a_record_failure_names_the_record_not_the_engine_list(self):
        record = attrs.evolve(
            Record.from_csl({"id": "x", "type": "book", "title": "T"}),
            origin=Origin("csl-json", "in.json", "item 7"),
        )
        error = _located(RenderError("cannot render", position="item 1"), record)
        assert (error.source, error.position) == ("in.json", "item 7")


class TestMessages:
    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
    def test_utf16_and_utf32_inputs_are_read(self, capsys, tmp_path, encoding):
        bib = "@book{k, title = {Über Bücher}, author = {Müller, Jörg}, year = {2001}}\n"
        data = bib.encode(encoding)
        if encoding == "utf-16-le":  # a byte order mark only where the codec writes one
            assert not data.startswith(b"\xff\xfe")
        path = tmp_path / "in.bib"
        path.write_bytes(data)
        code, out, err = run(capsys, "convert", path, "--to", "csl-json")
        assert code == 0, err
        (item,) = json.loads(out)
        assert item["title"] == "Über Bücher"

    def test_a_dangling_symlink_in_a_folder_is_reported(self, capsys, tmp_path):
        write_json(tmp_path / "r.json", books(1))
        (tmp_path / "gone.bib").symlink_to(tmp_path / "nowhere.bib")
        code, out, err = run(capsys, "convert", tmp_path, "--to", "csl-json")
        assert code == 1
        assert len(json.loads(out)) == 1
        assert f"{tmp_path / 'gone.bib'}: a symbolic link to nothing" in err


class TestTerminal:
    def test_failure_lines_above_the_bar(self, capsys, tmp_path, monkeypatch):
        items = [*books(3), {"id": "c", "type": "book"}, *books(2)]
        path = write_json(tmp_path / "r.json", items)
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        code, _, err = run(capsys, "fill", path, "--to", "csl-json")
        assert code == 1
        # the failure is a line of its own: after a carriage return or newline, up to a newline
        assert re.search(r"(?:^|[\r\n])citeform: \S+:item 4 \(id 'c'\): no title[^\r\n]*\n", err)
        assert err.endswith("citeform: filled 5, skipped 0, failed 1\n")

    def test_quiet_prints_only_failures(self, capsys, tmp_path, monkeypatch):
        path = write_json(tmp_path / "r.json", [*books(2), {"id": "c", "type": "book"}])
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        code, _, err = run(capsys, "fill", path, "--to", "csl-json", "--quiet")
        assert code == 1
        (line,) = err.strip().splitlines()
        assert "no title" in line
