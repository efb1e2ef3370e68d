"""Fill the Zitierform of a collection on Dask: files read and records filled on the workers.

Run ``python examples/dask_fill.py [INPUT ...]``; INPUT is any file citeform reads and
defaults to the bundled example page and the pages in ``examples/collection/``. Dask's local
process scheduler stands in for a cluster: the :class:`~citeform.Renderer` is pickled to
each worker as its arguments and loads its style there, once per partition. The driver
prints the DSpace CSV of the records filled (for a large collection, write one CSV per
partition on the workers instead). In Spark, ``fill_partition`` runs unchanged in
``rdd.mapPartitions``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import dask.bag as db

import citeform
from citeform.filling import Outcome, iter_fill

HERE = Path(__file__).parent
DEFAULT_INPUTS = (HERE / "dspace-item-page.txt", *sorted((HERE / "collection").glob("*.json")))


def fill_partition(paths: Iterable[Path], renderer: citeform.Renderer) -> list[Outcome]:
    """Read the files of one partition and fill their records, on a worker."""
    records = (record for path in paths for record in citeform.read(path))
    return list(iter_fill(records, renderer))


def main(inputs: list[Path]) -> None:
    """Fill *inputs* in two worker processes; print the CSV of the records filled."""
    renderer = citeform.Renderer(style="din-iso-690-de")
    files = db.from_sequence(inputs, npartitions=min(len(inputs), 2))
    outcomes = files.map_partitions(fill_partition, renderer).compute(
        scheduler="processes", num_workers=2
    )
    for outcome in outcomes:
        if outcome.error is not None:
            print(f"not filled: {outcome.error}", file=sys.stderr)
    filled = [outcome.record for outcome in outcomes if outcome.status == "filled"]
    sys.stdout.write(citeform.write(filled, "dspace-csv"))


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or list(DEFAULT_INPUTS))
