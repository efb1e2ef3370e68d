"""Fill the Zitierform of a whole collection and write DSpace's batch import CSV.

Run ``python examples/fill_collection.py [INPUT ...] [--style STYLE] [-o FILE]``. INPUT is
any file or folder citeform reads (saved REST search pages, item JSON, OAI-PMH harvests,
item pages); it defaults to the bundled example page and ``examples/collection/``. Records
stream: a folder is read a file at a time, the style is loaded once, and the CSV rows wait
in a spool file, so memory stays flat however large the collection. Failures are reported
on standard error and the others still written.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import citeform
from citeform.filling import iter_fill
from citeform.formats import dspace_csv

HERE = Path(__file__).parent
DEFAULT_INPUTS = (HERE / "dspace-item-page.txt", HERE / "collection")


def read_all(inputs: Iterable[Path]) -> Iterator[citeform.Record]:
    """Every record of every input, one at a time; unreadable records reported."""
    for path in inputs:
        for item in citeform.iter_read(path):
            if isinstance(item, citeform.CiteformError):
                print(f"not read: {item}", file=sys.stderr)
            else:
                yield item


def filled_records(inputs: Iterable[Path], style: str) -> Iterator[citeform.Record]:
    """The records filled now; skipped and failed ones are counted on standard error."""
    counts = {"filled": 0, "skipped": 0, "failed": 0}
    for outcome in iter_fill(read_all(inputs), citeform.Renderer(style=style)):
        counts[outcome.status] += 1
        if outcome.error is not None:
            print(f"not filled: {outcome.error}", file=sys.stderr)
        if outcome.status == "filled":
            yield outcome.record
    print(", ".join(f"{status} {count}" for status, count in counts.items()), file=sys.stderr)


def main() -> None:
    """Write the CSV of the inputs named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=list(DEFAULT_INPUTS))
    parser.add_argument("--style", default="din-iso-690-de")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    output_file = args.output.open("w", encoding="utf-8", newline="") if args.output else None
    with output_file or contextlib.nullcontext(sys.stdout) as output:
        for line in dspace_csv.iter_write(filled_records(args.inputs, args.style)):
            output.write(line)


if __name__ == "__main__":
    main()
