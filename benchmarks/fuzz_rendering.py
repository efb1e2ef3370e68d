"""Fuzz rendering for a while: generated records in 20 styles, as text and HTML.

    python benchmarks/fuzz_rendering.py --seconds 300      # a few minutes
    python benchmarks/fuzz_rendering.py --seconds 5        # CI: briefly

Hypothesis draws a style and one to three records (``tests/strategies.py``, with markup,
quotes and entities in their text fields) and checks them as
``tests/hostile/test_render_fuzz.py`` does: no error, no engine marker in the output,
HTML well-formed with only the engine's tags. Prints examples, renders and failures per
style kind; exit status 1 on a failure, with the shrunk example.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "hostile"), str(REPO / "tests")]


def main() -> int:
    """Fuzz until the time is up or a check fails; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long (default 60)")
    seconds = parser.parse_args().seconds

    import warnings  # noqa: PLC0415 - after the arguments, so --help is quick

    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415
    from test_render_fuzz import FUZZ_STYLES, check_rendering, item_lists  # noqa: PLC0415

    warnings.simplefilter("ignore")
    examples: Counter[str] = Counter()
    renders: Counter[str] = Counter()
    failure: dict[str, Any] = {}

    @settings(
        max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(style=st.sampled_from(FUZZ_STYLES), items=item_lists)
    def fuzz(style: str, items: list[dict[str, Any]]) -> None:
        try:
            renders[style] += check_rendering(style, items)
        except Exception:
            failure["example"] = f"{style}: {items!r}"[:3000]  # the last one is the shrunk one
            raise
        examples[style] += 1

    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            fuzz()
        except Exception as error:  # noqa: BLE001 - the failure is the report
            failure["error"] = f"{type(error).__name__}: {str(error)[:500]}"
            break
    elapsed = time.monotonic() - started
    total = sum(examples.values())
    print(f"{total} examples, {sum(renders.values())} renders in {elapsed:.1f} s")
    print(f"{len(examples)} of {len(FUZZ_STYLES)} styles reached")
    if failure:
        print(f"FAILED: {failure.get('error')}\n  on {failure.get('example')}")
        return 1
    print("no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
