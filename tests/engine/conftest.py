"""Markers of the engine tests."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register ``slow`` (deselect with ``-m "not slow"``)."""
    config.addinivalue_line("markers", "slow: takes more than a minute (every style of a package)")
