"""Helpers shared by the DSpace reader tests."""

from __future__ import annotations

import subprocess
import sys


def run_citeform(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``citeform`` command line in a child process and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "citeform", *args], capture_output=True, text=True, check=False
    )
