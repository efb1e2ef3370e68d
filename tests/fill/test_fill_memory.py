"""Filling a collection keeps memory flat in the number of records (no timing asserted).

tracemalloc slows rendering about fourteenfold, so the test counts what would grow
instead: live records, and the objects the garbage collector tracks (caches, lists),
after streaming 30 and then 300 records through fill and each DSpace writer. The engine's
bounded caches (of names, dates, markup, text case) are emptied before counting; one without
a bound is counted like any other object.
``benchmarks/fill_benchmark.py`` measures peak memory on 10,000 records.
"""

import gc
import importlib
import pkgutil
import weakref

import pytest

import citeform.engine.csl
from citeform import Record
from citeform.filling import iter_fill
from citeform.formats import dspace_csv, dspace_patch
from citeform.rendering import Renderer


def collection(count, alive):
    for number in range(count):
        record = Record.build(
            "article-journal",
            {
                "title": f"Titel {number}",
                "container-title": "Eildienst",
                "issue": "2",
                "page": "3-4",
                "language": "de",
            },
            id=f"{number:08d}-0000-4000-8000-000000000000",
        )
        alive.add(record)
        yield record


def engine_caches():
    """The functools caches of the csl engine's modules."""
    package = citeform.engine.csl
    for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_parameters", None)):
                yield value


def tracked_objects_after(count, renderer, writer):
    alive = weakref.WeakSet()
    outcomes = iter_fill(collection(count, alive), renderer)
    for _ in writer(outcome.record for outcome in outcomes):
        pass
    for cache in engine_caches():
        if cache.cache_parameters()["maxsize"] is not None:
            cache.cache_clear()  # bounded: its size does not follow the number of records
    gc.collect()
    return len(gc.get_objects()), len(alive)


@pytest.mark.slow
@pytest.mark.parametrize("writer", [dspace_csv.iter_write, dspace_patch.iter_write])
def test_memory_flat_in_the_number_of_records(writer):
    renderer = Renderer()
    tracked_objects_after(5, renderer, writer)  # style and locale loaded
    small, small_alive = tracked_objects_after(30, renderer, writer)
    large, large_alive = tracked_objects_after(300, renderer, writer)
    assert small_alive == large_alive == 0
    assert large - small < 30, f"{large - small} more objects after 270 more records"
