"""How many examples a Hypothesis test that names its own number draws (profiles: conftest.py)."""

from __future__ import annotations

from hypothesis import settings


def examples(in_ci: int) -> int:
    """*in_ci* examples, but no more than the active profile draws by default.

    Under the ``ci`` profile a test gets the number it names; the quick ``dev`` profile
    caps it at its own count, so a local run stays quick.
    """
    return min(in_ci, settings.default.max_examples)
