"""The citeproc-py engine's figures on ../shared/conformance reach its committed baseline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from citeform.conformance.__main__ import main

BASELINE = Path(__file__).resolve().parents[1] / "conformance-baseline.json"


@pytest.mark.conformance
def test_shared_conformance_reaches_the_baseline(shared: Callable[..., Path]) -> None:
    conformance = shared("conformance")
    assert main([str(conformance), "--engine", "citeproc-py", "--baseline", str(BASELINE)]) == 0
