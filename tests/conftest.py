"""Shared test set-up: where ../shared is, and a fixture that skips when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("default", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def shared_path(*parts: str) -> Path:
    """Return a path inside ../shared, skipping the test (saying so) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present: the shared reference data is read in place")
    return path


@pytest.fixture
def shared():
    """The shared_path function, as a fixture."""
    return shared_path
