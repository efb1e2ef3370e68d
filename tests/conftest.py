"""Shared test set-up: where ../shared is, and a fixture that skips when it is absent."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from shared_data import shared_path

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("default", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def shared():
    """The shared_path function, as a fixture."""
    return shared_path
