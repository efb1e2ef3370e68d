"""Where the shared reference data is (``../shared``), read in place; skip when it is absent.

Import from here (``from shared_data import shared_path``), not from ``conftest``: with
conftest files in subfolders, ``import conftest`` is ambiguous.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Return a path inside ../shared, skipping the test (saying so) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present: the shared reference data is read in place")
    return path
