"""The csl engine's figures on ../shared/conformance reach its baseline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from citeform.conformance.__main__ import main, read_baseline
from citeform.conformance.report import engine_baseline

BASELINE = Path(__file__).resolve().parents[2] / "conformance-baseline-csl.json"


@pytest.mark.conformance
def test_the_csl_engine_reaches_its_baseline(shared: Callable[..., Path]) -> None:
    conformance = shared("conformance")
    assert main([str(conformance), "--engine", "csl", "--baseline", str(BASELINE)]) == 0


def test_the_csl_baseline_holds_the_measured_minimums() -> None:
    figures = read_baseline(BASELINE, "csl")
    assert figures is not None
    assert figures["agreement.text"] >= 1504 / 1504 - 1e-4
    assert figures["agreement.html"] >= 1504 / 1504 - 1e-4
    assert figures["suite.simple"] >= 712 / 839 - 1e-4
    assert figures["suite.full"] >= 821 / 839 - 1e-4


def test_a_baseline_applies_to_the_measured_engine() -> None:
    flat = {"suite.full": 0.5}
    per_engine = {"csl": {"suite.full": 0.8}, "citeproc-py": {"suite.full": 0.9}}
    assert engine_baseline(flat, "csl") == flat
    assert engine_baseline(per_engine, "csl") == {"suite.full": 0.8}
    assert engine_baseline({"csl": {}}, "citeproc-py") is None


def test_a_baseline_without_the_engine_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"csl": {"suite.full": 0.5}}), encoding="utf-8")
    assert main([str(tmp_path), "--engine", "citeproc-py", "--baseline", str(baseline)]) == 2
    assert "no figures for engine 'citeproc-py'" in capsys.readouterr().err
