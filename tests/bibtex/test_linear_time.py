"""Time is linear: reading twice the input takes at most ~2.5 times as long.

Each case is timed at two small sizes inside the test, in CPU time of this process
(best of three, so that other work on the machine counts little), and only the
ratio is checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citeform.bibtex.dates import read_issued
from citeform.bibtex.latex import decode
from citeform.bibtex.names import read_name, read_names
from citeform.io import read

pytestmark = pytest.mark.timing  # compares running times: CI runs these in one process

MAX_RATIO = 2.5


def best_of_three(step: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        for cache in (decode, read_name, read_names, read_issued):
            cache.cache_clear()
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    return min(times)


def assert_linear(make_input: Callable[[int], str], step: Callable[[str], object], size: int):
    small, large = make_input(size), make_input(2 * size)
    ratio = best_of_three(lambda: step(large)) / best_of_three(lambda: step(small))
    if ratio > MAX_RATIO:  # measured again once: a quadratic cost fails both times
        ratio = min(ratio, best_of_three(lambda: step(large)) / best_of_three(lambda: step(small)))
    assert ratio <= MAX_RATIO, f"doubling the input took {ratio:.1f} times as long"


LATEX_VALUES = {
    "unknown macros": "\\foo{x}",
    "backslashes": "\\\\",
    "braces": "{a}",
    "nested braces": "{{{a}}} ",
    "accents on words": "\\'ab ",
    "character codes": "\\char65b ",
    "quotes": '"',
    "math": "$x$ ",
    "dashes": "a--b ",
    "emphasis": "\\emph{a} ",
}


@pytest.mark.parametrize("unit", LATEX_VALUES.values(), ids=LATEX_VALUES.keys())
def test_latex_decoding(unit):
    assert_linear(lambda n: unit * n, decode, 10_000)


@pytest.mark.parametrize("unit", ["\\foo{x}", "\\\\", "{a}", "\\'ab "], ids=str)
def test_a_long_title_is_read(unit):
    assert_linear(
        lambda n: "@misc{k, title = {" + unit * n + "}}", lambda t: read(t, "bibtex"), 5_000
    )


ENTRY_FILES = {
    "entries": lambda n: "".join(
        f"@article{{k{i}, author = {{Doe, J.}}, title = {{T}}, year = 2017, month = jan}}\n"
        for i in range(n)
    ),
    "authors": lambda n: (
        "@misc{k, author = {" + " and ".join(f"Doe{i}, J." for i in range(n)) + "}}"
    ),
    "string macros": lambda n: (
        "".join(f"@string{{m{i} = {{v}}}}\n" for i in range(n))
        + "@misc{k, title = "
        + " # ".join(f"m{i}" for i in range(n))
        + "}"
    ),
    "fields": lambda n: "@misc{k, " + ", ".join(f"f{i} = {{v}}" for i in range(n)) + "}",
    "broken entries": lambda n: "@misc{k, title = {x} y}\n" * n,
    "values left open": lambda n: '@misc{k, title = {x\n@misc{q, title = "y\n' * n,
    "braces open to the end": lambda n: "@misc{a, title = {" + "@misc{k, title = {x}}\n" * n,
}


@pytest.mark.parametrize("make_input", ENTRY_FILES.values(), ids=ENTRY_FILES.keys())
def test_a_file_is_read(make_input):
    assert_linear(make_input, lambda t: read(t, "bibtex"), 1_000)
