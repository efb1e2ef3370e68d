"""Large and deep inputs: bounded memory, nothing cut off, a clear error at a limit.

Memory is measured as the peak resident size of a child process that reads the
input (so that libxml2's and the JSON parser's memory count too) and bounded
generously; nothing here measures time.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_support import TEMPLATES, check_outcome, fill_template, is_registered

import citeform
from citeform import sources
from citeform.cli import main
from citeform.errors import BadRecordError, LimitExceededError, UnreadableInputError

MB = 1024 * 1024
FIELD_CHARS = 20 * MB
BASELINE_RSS = 100 * MB
"""Resident size granted to Python, citeform and its libraries before any record is read."""


def require(format_name: str) -> None:
    if not is_registered(format_name):
        pytest.skip(f"format {format_name!r} is not registered yet")


_READ_IN_CHILD = """
import json, resource, sys, citeform
try:
    records = citeform.read(sys.argv[1], sys.argv[2])
    outcome = {"records": len(records), "errors": [str(e) for e in records.errors],
               "title": records[0].get("title") if records else None,
               "last_title": records[-1].get("title") if records else None}
except citeform.CiteformError as error:
    outcome = {"error": type(error).__name__, "message": str(error)[:300]}
outcome["max_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps(outcome))
"""


def read_in_child(path: Path, format_name: str) -> dict[str, Any]:
    """Read *path* in a fresh process; its peak resident size counts C libraries' memory too."""
    result = subprocess.run(
        [sys.executable, "-c", _READ_IN_CHILD, str(path), format_name],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome: dict[str, Any] = json.loads(result.stdout)
    return outcome


@pytest.mark.parametrize("format_name", sorted(TEMPLATES))
def test_a_20_mb_field_is_read_whole_or_refused_at_a_limit(format_name, tmp_path):
    require(format_name)
    title = ("Sehr langer Titel " * (FIELD_CHARS // 18)).strip()
    path = tmp_path / "big-field"
    path.write_text(fill_template(format_name, title), encoding="utf-8")
    outcome = read_in_child(path, format_name)
    if "error" in outcome:
        assert outcome["error"] == "LimitExceededError", outcome
        return
    assert outcome["records"] == 1, outcome["errors"]
    assert outcome["title"] == title
    assert outcome["max_rss"] < 30 * FIELD_CHARS, f"peak {outcome['max_rss'] // MB} MiB"


def csl_items(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"r{index}",
            "type": "article-journal",
            "title": f"Titel {index}",
            "author": [{"family": "Muster", "given": "Erika"}],
            "issued": {"date-parts": [[2017]]},
            "container-title": "Eildienst",
            "page": "3-4",
        }
        for index in range(count)
    ]


@pytest.mark.slow
def test_a_100000_record_csl_json_file_reads_in_bounded_memory(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps(csl_items(100_000)), encoding="utf-8")
    outcome = read_in_child(path, "csl-json")
    assert outcome["records"] == 100_000
    assert not outcome["errors"]
    assert outcome["last_title"] == "Titel 99999"
    per_record = (outcome["max_rss"] - BASELINE_RSS) / 100_000
    assert per_record < 8 * 1024, f"{per_record:.0f} bytes per record"


def _oai_list_records(count: int) -> str:
    record = (
        "<record><header><identifier>oai:x:{i}</identifier></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Titel {i}</dc:title>'
        "<dc:creator>Muster, Erika</dc:creator><dc:date>2017</dc:date>"
        "<dc:type>Article</dc:type></oai_dc:dc></metadata></record>"
    )
    body = "".join(record.format(i=index) for index in range(count))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        f"<ListRecords>{body}</ListRecords></OAI-PMH>"
    )


@pytest.mark.slow
def test_a_20000_record_oai_harvest_reads_in_bounded_memory(tmp_path):
    """Counted in a child process, whose peak resident size includes lxml's own memory."""
    require("oai-dc")
    path = tmp_path / "harvest.xml"
    path.write_text(_oai_list_records(20_000), encoding="utf-8")
    script = (
        "import resource, sys, citeform\n"
        "count = sum(1 for item in citeform.iter_read(sys.argv[1], 'oai-dc')"
        " if isinstance(item, citeform.Record))\n"
        "print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    count, max_rss_kib = map(int, result.stdout.split())
    assert count == 20_000
    assert max_rss_kib * 1024 < 1024 * MB, f"peak resident size {max_rss_kib // 1024} MiB"


@pytest.mark.parametrize("format_name", ["csl-json", "dspace-json"])
def test_json_nested_beyond_the_parser_is_a_limit_error(format_name):
    require(format_name)
    with pytest.raises(LimitExceededError, match="nested too deeply"):
        citeform.read(b"[" * 100_000 + b"]" * 100_000, format_name)


def _nested(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


@pytest.mark.parametrize("depth", [50, 400, 800, 990])
@pytest.mark.parametrize("where", ["id", "title", "author", "custom", "issued", "unknown-key"])
def test_deep_json_inside_a_csl_item_is_a_record_error_or_kept(where, depth):
    """Nesting that the JSON parser still takes must not break the reader further on."""
    content = f'[{{"id": "a", "type": "book", "title": "T", "{where}": {_nested(depth)}}}]'
    check_outcome(content, "csl-json")


@pytest.mark.parametrize("depth", [50, 400, 800, 990])
def test_deep_json_inside_dspace_metadata_is_a_record_error_or_kept(depth):
    require("dspace-json")
    value = _nested(depth)
    content = f'{{"uuid": "u", "metadata": {{"dc.title": [{{"value": {value}}}]}}}}'
    check_outcome(content, "dspace-json")


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1000)
    return 1000


def test_an_input_over_the_size_limit_is_refused_from_a_file(tmp_path, small_limit):
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"id": "a", "title": "x" * small_limit}]), encoding="utf-8")
    with pytest.raises(LimitExceededError, match="input larger than"):
        citeform.read(path)


def test_an_input_over_the_size_limit_is_refused_from_bytes_and_file_objects(small_limit):
    content = json.dumps([{"id": "a", "title": "x" * small_limit}]).encode()
    with pytest.raises(LimitExceededError):
        citeform.read(content)
    with pytest.raises(LimitExceededError):
        citeform.read(io.BytesIO(content))


def test_the_cli_refuses_an_input_over_the_limit_in_one_line(tmp_path, small_limit, capsys):
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"id": "a", "title": "x" * small_limit}]), encoding="utf-8")
    assert main(["convert", str(path), "--to", "csl-json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "input larger than" in err
    assert str(path) in err


def test_the_documented_limit_is_256_mib():
    assert sources.MAX_INPUT_BYTES == 256 * MB


def test_a_json_number_longer_than_python_converts_is_a_limit_error():
    content = '[{"id": "a", "type": "book", "volume": ' + "1" * 5000 + "}]"
    with pytest.raises(LimitExceededError, match="JSON number longer than"):
        citeform.read(content)


def test_a_date_part_longer_than_python_converts_is_a_record_error():
    content = '[{"id": "a", "type": "book", "issued": {"date-parts": [["' + "1" * 5000 + '"]]}}]'
    records = citeform.read(content, "csl-json")
    assert not records
    (error,) = records.errors
    assert isinstance(error, BadRecordError)
    assert "date-parts" in str(error)


def test_a_huge_id_is_shortened_in_the_error_position():
    content = json.dumps([{"id": "k" * 100_000, "type": "book", "title": 5}])
    (error,) = citeform.read(content).errors
    assert len(str(error)) < 300


@pytest.mark.parametrize("length", [256, 300, 4000])
def test_content_longer_than_a_file_name_is_read_as_content(length):
    """A one-line string too long to be a file name is content, not an OS error."""
    title = "t" * length
    records = citeform.read(json.dumps([{"id": "a", "type": "book", "title": title}]))
    assert records[0].get("title") == title


def test_a_file_name_longer_than_the_system_allows_is_unreadable():
    with pytest.raises(UnreadableInputError, match="too long"):
        citeform.read("n" * 300 + ".json")
