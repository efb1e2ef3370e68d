"""Helpers shared by the DSpace reader tests."""

from __future__ import annotations

import os
import subprocess
import sys


def run_citeform(*args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    """Run the ``citeform`` command line in a child process (with extra *environment*)."""
    return subprocess.run(
        [sys.executable, "-m", "citeform", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **environment},
    )
