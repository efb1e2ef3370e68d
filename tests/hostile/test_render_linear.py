"""Rendering time is linear in the size of a value: doubling it at most ~2.5x the time.

Each case renders a field made of a letter and one hostile unit repeated (short words to title-case,
rich-text pieces, quotes, spaces, hyphens, digits...) at n and 2n units and compares the
best of five CPU times of this process, with the garbage collector paused (other processes on a
loaded machine and other tests' garbage do not count),
on sizes small enough to keep the test quick, with both engines (``engine_name``). Every
case was quadratic once: a regex that backtracks over a run, text rebuilt at each word or
piece.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from citeform import CiteItem, Renderer

pytestmark = [pytest.mark.slow, pytest.mark.timing]  # ~80 s for both engines, in one process in CI

MAX_RATIO = 2.5
BASE = {
    "id": "x",
    "type": "article-journal",
    "author": [{"family": "Doe", "given": "J"}],
    "issued": {"date-parts": [[2020]]},
    "container-title": "J",
    "volume": "3",
    "page": "1-2",
}

CASES = [
    ("chicago-author-date", "html", "title", "ab cd ", 6000),
    ("chicago-author-date", "html", "title", "<sc>a</sc>", 3000),
    ("chicago-author-date", "text", "title", " ", 6000),
    ("chicago-author-date", "html", "title", "a-", 6000),
    ("chicago-author-date", "html", "title", '<span class="nocase">a</span> ', 2000),
    ("apa", "html", "title", '"', 6000),
    ("apa", "text", "title", "a'.", 6000),
    ("ieee", "html", "title", "<i>", 6000),
    ("apa", "html", "page", "1-", 6000),
    ("chicago-author-date", "text", "page", "1", 6000),
    ("din-1505-2", "html", "author", 'a" ', 6000),
    ("apa", "text", "given", " de", 6000),
    ("modern-language-association", "html", "container-title", "a. b: c? ", 4000),
]

"""(style, output format, field, repeated unit, n)."""


def _best_of_five(step: Callable[[], object]) -> float:
    times = []
    gc.collect()
    gc.disable()  # a collection of other tests' garbage is no part of the renderer's time
    try:
        for _ in range(5):
            start = time.process_time()
            step()
            times.append(time.process_time() - start)
    finally:
        gc.enable()
    return min(times)


def _ratio(render: Callable[[int], object], n: int) -> float:
    render(n)  # style, locale and caches loaded
    # the lowest of three ratios: load on the machine only ever raises one, a quadratic
    # renderer gives ~4x every time
    return min(
        _best_of_five(lambda: render(2 * n)) / _best_of_five(lambda: render(n)) for _ in range(3)
    )


def _item(field: str, value: str) -> dict[str, object]:
    if field == "author":
        return {**BASE, "author": [{"family": value, "given": "J"}]}
    if field == "given":
        return {**BASE, "author": [{"family": "Doe", "given": value}]}
    return {**BASE, field: value}


@pytest.mark.parametrize(("style", "output", "field", "unit", "n"), CASES)
def test_an_entry_takes_linear_time(  # noqa: PLR0913, PLR0917 - one case and the engine
    style: str, output: str, field: str, unit: str, n: int, engine_name: str
) -> None:
    renderer = Renderer(style, "en-US", output, engine=engine_name)  # type: ignore[arg-type]
    ratio = _ratio(lambda size: renderer.entry(_item(field, "a" + unit * size)), n)
    assert ratio <= MAX_RATIO, f"{unit!r} x {n} -> x {2 * n}: {ratio:.2f}x the time"


@pytest.mark.parametrize("affix", ["<sc>", 'a"', " "])
def test_a_cite_affix_takes_linear_time(affix: str, engine_name: str) -> None:
    renderer = Renderer("chicago-fullnote-bibliography", "en-US", "html", engine=engine_name)

    def cite(size: int) -> object:
        return renderer.citation([CiteItem(BASE, prefix=affix * size, suffix=affix * size)])

    ratio = _ratio(cite, 4000)
    assert ratio <= MAX_RATIO, f"{affix!r}: {ratio:.2f}x the time"
