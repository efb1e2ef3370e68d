"""Timing shared by the benchmark scripts (run them as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(
    step: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of *repeat* runs of *step*, in seconds of *clock* (wall time by default;
    ``time.process_time`` for CPU time, which other work on a busy machine disturbs less)."""
    times = []
    for _ in range(repeat):
        start = clock()
        step()
        times.append(clock() - start)
    return min(times)
