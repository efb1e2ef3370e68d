"""Fill the Zitierform of 10,000 records in APA, streamed, against a style built per record.

Usage: ``python benchmarks/fill_benchmark.py [--records N] [--baseline M] [--jobs J]``

The records are the bundled example page and the DSpace samples in ``../shared/dspace/``
(read in place when present), repeated under new UUIDs until there are N. They stream
through ``iter_fill`` (one Renderer) into the ``dspace-csv`` writer, and the script prints

- records per second (wall clock, and per CPU second of this process, which other load
  on the machine disturbs less), and the process's peak resident memory after a warm-up
  of N/10 records and after N more (flat memory: the two are close; the CSV rows wait in
  a spool that stays in memory up to 1 MiB, then goes to disk, and citeproc-py leaves
  cyclic garbage that Python's collector frees in its own time, a few MiB at most),
- the ratio against the way repository software renders a Zitierform today: a citeproc-py
  ``CitationStylesStyle`` and ``CitationStylesBibliography`` created for each record
  (timed on the first M records, which is slow enough), in the same process.

With ``--full-passes`` it first fills the same records with a one-record bibliography
sorted and given year-suffixes as a longer one is (what citeform did before skipping
them), prints that rate and the speed-up, and checks that every Zitierform is identical.

Not a test: timings depend on the machine; the ratio is what to compare.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

import citeform
from citeform.engine.citeproc import engine
from citeform.filling import iter_fill, iter_fill_parallel
from citeform.formats import dspace_csv
from citeform.styles import locale_of_language, resolve_style

REPO = Path(__file__).parents[1]
SEED = REPO / "examples" / "dspace-item-page.txt"
SHARED_DSPACE = REPO / ".." / "shared" / "dspace"


def base_records() -> list[citeform.Record]:
    """The seed and every DSpace sample that reads (files that do not are left out)."""
    records = list(citeform.read(SEED))
    if SHARED_DSPACE.is_dir():
        for path in sorted(SHARED_DSPACE.glob("*")):
            if path.suffix in {".json", ".xml"} and "expected" not in path.name:
                try:
                    records.extend(citeform.read(path))
                except citeform.CiteformError:
                    continue
    return [record for record in records if record.get("title")]


def collection(base: list[citeform.Record], count: int) -> Iterator[citeform.Record]:
    """*count* records: *base* repeated under new UUIDs, made one at a time."""
    for index, record in zip(range(count), itertools.cycle(base), strict=False):
        yield attrs.evolve(record, id=f"{index:08d}-0000-4000-8000-000000000000")


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill_streamed(records: Iterator[citeform.Record], jobs: int) -> int:
    """Fill *records* into the CSV writer (output discarded); return the lines written."""
    renderer = citeform.Renderer("apa")
    outcomes = (
        iter_fill_parallel(records, renderer, jobs) if jobs > 1 else iter_fill(records, renderer)
    )
    rows = 0
    for _ in dspace_csv.iter_write(outcome.record for outcome in outcomes):
        rows += 1
    return rows


def zitierformen(records: Iterator[citeform.Record]) -> tuple[list[str | None], float]:
    """Each record's filled Zitierform, and the records per CPU second of filling them."""
    renderer = citeform.Renderer("apa")
    start = time.process_time()
    texts = [outcome.record.citation for outcome in iter_fill(records, renderer)]
    return texts, len(texts) / (time.process_time() - start)


def compare_full_passes(base: list[citeform.Record], count: int) -> None:
    """Fill *count* records with and without sorting/year-suffixes for one record."""
    zitierformen(collection(base, len(base)))  # style and caches loaded
    shipped = engine.MIN_ENTRIES_TO_ORDER
    engine.MIN_ENTRIES_TO_ORDER = 0
    try:
        full, full_rate = zitierformen(collection(base, count))
    finally:
        engine.MIN_ENTRIES_TO_ORDER = shipped
    skipped, skipped_rate = zitierformen(collection(base, count))
    same = sum(left == right for left, right in zip(full, skipped, strict=True))
    print(
        f"one-record bibliography sorted + year-suffix pass: {full_rate:8.1f} records/s CPU; "
        f"skipped: {skipped_rate:8.1f} records/s CPU (x{skipped_rate / full_rate:.2f}); "
        f"{same}/{count} Zitierformen identical"
    )


def render_per_record(item: dict[str, Any]) -> str:
    """One record the way repository software does it: a new style and bibliography."""
    locale = locale_of_language(item.get("language")) or "en-US"
    style = CitationStylesStyle(str(resolve_style("apa").path), locale=locale, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--full-passes", action="store_true", help="compare with sorting one")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # citeproc-py warns about every CSL-JSON key it does not know
    base = base_records()
    print(f"{len(base)} distinct records (seed + DSpace samples), {args.records} to fill, APA")
    if args.full_passes:
        compare_full_passes(base, args.records)

    warm_up = max(args.records // 10, len(base))
    fill_streamed(collection(base, warm_up), args.jobs)  # style, locales, caches loaded
    rss_warm = peak_rss_mib()
    start, start_cpu = time.perf_counter(), time.process_time()
    rows = fill_streamed(collection(base, args.records), args.jobs)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    rss_all = peak_rss_mib()
    total = args.records
    cpu_rate = f", {total / cpu:8.1f} records/s CPU" if args.jobs == 1 else ""
    print(
        f"citeform fill (jobs={args.jobs}): {total / seconds:8.1f} records/s wall{cpu_rate} "
        f"({rows} CSV lines)"
    )
    print(
        f"  peak RSS after a warm-up of {warm_up} records: {rss_warm:.1f} MiB, "
        f"after {args.records} more: {rss_all:.1f} MiB"
    )

    sample = [record.to_csl() for record in collection(base, args.baseline)]
    start, start_cpu = time.perf_counter(), time.process_time()
    failed = 0
    for item in sample:
        try:
            render_per_record(item)
        except Exception:  # noqa: BLE001 - count what plain citeproc-py cannot render
            failed += 1
    baseline_rate = len(sample) / (time.perf_counter() - start)
    baseline_cpu_rate = len(sample) / (time.process_time() - start_cpu)
    print(
        f"style + bibliography per record: {baseline_rate:8.1f} records/s wall, "
        f"{baseline_cpu_rate:8.1f} records/s CPU ({len(sample)} records, {failed} failed)"
    )
    print(f"  ratio (wall): citeform fill is x{total / seconds / baseline_rate:.1f} faster")
    if args.jobs == 1:  # worker processes' CPU is not this process's
        print(f"  ratio (CPU):  citeform fill is x{total / cpu / baseline_cpu_rate:.1f} faster")


if __name__ == "__main__":
    main()
