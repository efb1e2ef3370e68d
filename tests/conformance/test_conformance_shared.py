"""The figures on ../shared/conformance reach the committed baseline."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, shared_path

from citeform.conformance.__main__ import main


def test_shared_conformance_reaches_the_baseline() -> None:
    conformance: Path = shared_path("conformance")
    assert (
        main([str(conformance), "--baseline", str(REPO / "tests" / "conformance-baseline.json")])
        == 0
    )
