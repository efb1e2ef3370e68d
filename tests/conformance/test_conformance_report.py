"""Figures, baselines and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conformance_helpers import write_fixture

from citeform.conformance.__main__ import main
from citeform.conformance.agreement import compare
from citeform.conformance.report import (
    below_baseline,
    disagreement_report,
    suite_figures,
    suite_table,
)
from citeform.conformance.suite import FixtureResult, Outcome


def _result(name: str, *, simple: bool, full: bool) -> FixtureResult:
    group = name.split("_", maxsplit=1)[0]
    return FixtureResult(name, group, "", Outcome(passed=simple), Outcome(passed=full))


def test_suite_figures_by_count_and_group() -> None:
    results = [
        _result("a_1", simple=True, full=True),
        _result("a_2", simple=False, full=True),
        _result("b_1", simple=False, full=False),
    ]
    figures = suite_figures(results)
    assert figures["suite.simple"] == pytest.approx(1 / 3)
    assert figures["suite.full"] == pytest.approx(2 / 3)
    assert figures["suite.full.a"] == 1.0
    assert figures["suite.simple.b"] == 0.0


def test_below_baseline_lists_shortfalls_and_missing_figures() -> None:
    baseline = {"suite.x": 0.6, "suite.y": 0.9, "suite.z": 0.1, "agreement.t": 1.0}
    shortfalls = below_baseline({"suite.x": 0.5, "suite.y": 0.9}, baseline, ["suite"])
    assert [line.split(":")[0] for line in shortfalls] == ["suite.x", "suite.z"]
    assert len(below_baseline({}, baseline)) == len(baseline)


def test_agreement_matches_entries_as_multisets_after_whitespace_normalisation() -> None:
    agreement = compare("s", "l", "text", ["A\u00a0 b", "C", "C"], ["C", "A b", "D", "E"])
    assert agreement.matches == 2
    assert agreement.total == 4
    assert agreement.missing == ("C",)
    assert set(agreement.surplus) == {"D", "E"}
    assert not agreement.in_order


def _suite_dir(tmp_path: Path, result: str) -> Path:
    humans = tmp_path / "csl-test-suite" / "humans"
    humans.mkdir(parents=True)
    write_fixture(humans, "x_Plain", "citation", result)
    return tmp_path


def test_main_writes_json_and_passes_a_reached_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _suite_dir(tmp_path, "(Doe 2001; Roe 2002)")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"suite.simple": 1.0}), encoding="utf-8")
    out = tmp_path / "figures.json"
    assert (
        main([str(root), "--only", "suite", "--json", str(out), "--baseline", str(baseline)]) == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["suite.full.x"] == 1.0
    assert "1/1 = 100.0%" in capsys.readouterr().out


def test_main_fails_below_the_baseline_and_lists_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _suite_dir(tmp_path, "(wrong)")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"suite.full": 0.5}), encoding="utf-8")
    assert (
        main([str(root), "--only", "suite", "--baseline", str(baseline), "--list-failures", "full"])
        == 1
    )
    captured = capsys.readouterr()
    assert "=== x_Plain" in captured.out
    assert "below baseline: suite.full" in captured.err


def test_main_refuses_a_missing_directory(tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent")]) == 2


def test_the_suite_table_counts_errors_by_kind() -> None:
    crashed = FixtureResult(
        "a_1", "a", "", Outcome(passed=False), Outcome(passed=False, error="KeyError: x")
    )
    table = suite_table([crashed, _result("a_2", simple=True, full=True)])
    assert "1/2 = 50.0%" in table
    assert "by kind: KeyError 1" in table


def test_the_disagreement_report_lists_missing_and_surplus_entries() -> None:
    agreement = compare("s", "l", "text", ["A", "B"], ["A", "C"])
    assert disagreement_report([agreement]) == "=== s l text\n- B\n+ C"
    assert disagreement_report([compare("s", "l", "html", ["A"], ["A"])]) == ""
