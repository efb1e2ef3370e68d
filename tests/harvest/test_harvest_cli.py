"""`citeform fill|convert|cite URL`: harvesting through the command line, and flat memory."""

from __future__ import annotations

import csv
import gc
import json
import tracemalloc

import pytest
from harvest_server import Repository, serving

from citeform.cli import build_parser, main
from citeform.cli._common import Tally, iter_records
from citeform.cli.progress import Progress
from citeform.harvest import harvest
from citeform.harvest.http import RetryPolicy


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fill_harvest(capsys, tmp_path, repository: Repository):
    output = tmp_path / "out.csv"
    with serving(repository) as base:
        code, _, err = run(
            capsys,
            "fill",
            f"{base}/oai/request",
            "--metadata-prefix",
            "dim",
            "--to",
            "dspace-csv",
            "-o",
            str(output),
        )
    with output.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    return code, rows, err


def check_filled_except_broken(code, rows, err, records, broken):
    assert code == 1, err
    assert [row["id"] for row in rows] == [f"hdl:10000/{n}" for n in range(records) if n != broken]
    assert all(row["dc.identifier.citation"].startswith("Muster") for row in rows)
    (failure,) = [line for line in err.splitlines() if "mdschema" in line]
    assert f"oai:repo.example:10000/{broken}" in failure
    assert err.splitlines()[-1] == f"citeform: filled {records - 1}, skipped 0, failed 1"


def test_fill_harvests_every_good_record_and_reports_the_broken_one(capsys, tmp_path):
    repository = Repository(records=120, page_size=10, unavailable={4}, broken={73})
    code, rows, err = fill_harvest(capsys, tmp_path, repository)
    check_filled_except_broken(code, rows, err, 120, 73)
    assert len(repository.requests) == 13  # 12 pages and the one that answered 503


@pytest.mark.slow
def test_fill_5000_records_over_50_pages(capsys, tmp_path):
    repository = Repository(records=5000, page_size=100, unavailable={17}, broken={2345})
    code, rows, err = fill_harvest(capsys, tmp_path, repository)
    check_filled_except_broken(code, rows, err, 5000, 2345)
    assert len(repository.requests) == 51


class RecordingProgress(Progress):
    """A progress bar that keeps what it was told."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.totals: list[int | None] = []
        self.lines: list[str] = []

    def expect(self, total: int | None) -> None:
        self.totals.append(total)

    def echo(self, line: str) -> None:
        self.lines.append(line)


def test_the_announced_total_reaches_the_progress_bar_and_notes_go_above_it():
    progress = RecordingProgress()
    tally = Tally(progress=progress)
    with serving(Repository(records=40, page_size=10, deleted={3})) as base:
        args = build_parser().parse_args(["convert", f"{base}/oai/request", "--to", "ris"])
        records = iter_records(args, tally)
        next(records)
        assert tally.expected == 40
        assert progress.totals == [40]
        assert sum(1 for _ in records) == 38
    assert progress.lines == [f"citeform: {base}/oai/request: 1 deleted record(s) skipped"]


def test_convert_harvest_to_csl_json(capsys):
    with serving(Repository(records=25, page_size=10)) as base:
        code, out, err = run(
            capsys,
            "convert",
            f"{base}/oai/request",
            "--metadata-prefix",
            "oai_dc",
            "--to",
            "csl-json",
        )
    assert code == 0, err
    items = json.loads(out)
    assert [item["title"] for item in items] == [f"Record {n}" for n in range(25)]


def test_cite_harvest_since(capsys):
    with serving(Repository(records=100, page_size=10)) as base:
        code, out, err = run(
            capsys, "cite", f"{base}/oai/request", "--since", "2010-04-09", "--style", "apa"
        )
    assert code == 0, err
    assert [line.split(".")[0] for line in out.splitlines()] == ["Muster0, E", "Muster1, E"]


def test_no_records_match_exits_0_and_says_so(capsys):
    with serving(Repository(records=10)) as base:
        code, out, err = run(
            capsys, "convert", f"{base}/oai/request", "--since", "2031-01-01", "--to", "csl-json"
        )
    assert code == 0, err
    assert json.loads(out) == []
    assert "no records match" in err


def test_bad_date_is_one_line(capsys):
    code, _, err = run(
        capsys, "convert", "http://127.0.0.1:9/oai/request", "--since", "May 1", "--to", "ris"
    )
    assert code == 2
    assert "YYYY-MM-DD" in err
    assert len(err.splitlines()) == 1


def test_rest_url_through_fill_keys_rows_by_uuid(capsys, tmp_path):
    output = tmp_path / "out.csv"
    with serving(Repository(records=30)) as base:
        code, _, err = run(
            capsys, "fill", f"{base}/server/api/core/items", "--to", "dspace-csv", "-o", str(output)
        )
    assert code == 0, err
    with output.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows[0]["id"] == "00000000-0000-4000-8000-000000000000"
    assert len(rows) == 30


def harvest_peak(base: str, records: int) -> int:
    """Peak traced memory while harvesting the first *records* records, one at a time."""
    until = Repository().datestamp(records - 1)
    gc.collect()
    tracemalloc.start()
    count = sum(1 for _ in harvest(f"{base}/oai/request", until=until, policy=RetryPolicy()))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == records
    return peak


def test_harvest_streams_in_flat_memory():
    """Records of 4 kB each, 10 a page: holding them would add 3.2 MB from 200 to 1,000 records.

    That would make the ratio of the peaks about 9; streaming keeps it near 1 (the rest is
    garbage awaiting the collector and interpreter free lists).
    """
    with serving(Repository(records=1000, page_size=10, abstract=4000)) as base:
        for _ in harvest(f"{base}/oai/request"):  # modules loaded, caches warm
            pass
        small, large = harvest_peak(base, 200), harvest_peak(base, 1000)
    assert large < 2 * small, f"peak {small} bytes for 200 records, {large} for 1000"
    assert large < 1_000_000


@pytest.mark.parametrize(
    ("option", "value"), [("--timeout", "0"), ("--timeout", "nan"), ("--retries", "-1")]
)
def test_bad_timeout_or_retries_is_a_usage_error(capsys, option, value):
    with pytest.raises(SystemExit) as raised:
        main(["convert", "http://127.0.0.1:9/oai/request", option, value, "--to", "ris"])
    assert raised.value.code == 2
    assert option in capsys.readouterr().err
