"""Shared test set-up: where ../shared is, a fixture that skips when it is absent, and
the Hypothesis profiles.

Profiles (``HYPOTHESIS_PROFILE`` picks one; ``CI`` set means ``ci``):

- ``dev``: few examples, for a quick local run;
- ``ci``: more examples, derandomized, so that a failure in CI recurs on every run and
  reproduces locally with ``HYPOTHESIS_PROFILE=ci``.

Both print the ``@reproduce_failure`` blob of a failing example.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from shared_data import shared_path

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=25, deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def shared():
    """The shared_path function, as a fixture."""
    return shared_path


@pytest.fixture(params=["citeproc-py", "csl"])
def engine_name(request: pytest.FixtureRequest) -> str:
    """Each CSL processor in turn, for behaviour that must hold for both."""
    return str(request.param)
