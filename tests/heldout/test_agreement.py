"""The held-out benchmark counts agreement as ``shared/conformance/reference/README.md`` says."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks" / "heldout"))

from measure import agreement


def test_whitespace_is_normalised_in_the_unicode_sense() -> None:
    assert agreement(["Müller, J. (2019). S.\u00a0431."], ["  Müller, J.  (2019).\nS. 431. "]) == (
        1,
        1,
    )


def test_nothing_but_whitespace_is_forgiven() -> None:
    assert agreement(['"Title."'], ["\u201cTitle.\u201d"]) == (0, 1)
    assert agreement(["<i>Book</i>."], ["Book."]) == (0, 1)


def test_order_is_ignored() -> None:
    assert agreement(["A.", "B.", "C."], ["C.", "A.", "B."]) == (3, 3)


def test_each_produced_entry_matches_one_reference_entry() -> None:
    assert agreement(["A.", "B."], ["A.", "A."]) == (1, 2)


def test_missing_and_surplus_entries_both_count_against() -> None:
    assert agreement(["A.", "B.", "C."], ["A."]) == (1, 3)
    assert agreement(["A."], ["A.", "B.", "C.", "D."]) == (1, 4)
