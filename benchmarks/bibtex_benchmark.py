"""BibTeX speed: citeform's reader and writers against pybtex's own parse and write.

Reads ``../shared/corpus/pybtex-tests/tugboat.bib`` (2,720 entries) and
``biblatex-examples.bib`` (92) in place and prints entries per second for each
step, and citeform's speed as a ratio of pybtex's, measured in the same run.
Not a test: timings depend on the machine.

    python benchmarks/bibtex_benchmark.py [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path

import pybtex.errors
from pybtex.database import parse_string
from timing import best_time

from citeform.bibtex.latex import decode
from citeform.bibtex.names import read_name
from citeform.io import read, write

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILES = ("pybtex-tests/tugboat.bib", "biblatex-examples.bib")


def citeform_read(text: str) -> object:
    """citeform's read from cold: the caches of decoded values and names emptied first."""
    decode.cache_clear()
    read_name.cache_clear()
    return read(text, "bibtex")


def pybtex_parse(text: str) -> object:
    """pybtex's parse, lenient (as citeform is) and quiet."""
    pybtex.errors.set_strict_mode(False)
    with contextlib.redirect_stderr(io.StringIO()):
        return parse_string(text, "bibtex")


def measure(path: Path, repeat: int) -> None:
    text = path.read_text("utf-8")
    records = read(text, "bibtex")
    data = pybtex_parse(text)
    count = len(records)
    rows = {
        "read (.bib -> records)": (
            best_time(lambda: citeform_read(text), repeat),
            best_time(lambda: pybtex_parse(text), repeat),
        ),
        "write biblatex (records -> .bib)": (
            best_time(lambda: write(records, "biblatex"), repeat),
            best_time(lambda: data.to_string("bibtex"), repeat),  # type: ignore[attr-defined]
        ),
        "write bibtex, 8-bit (records -> .bib)": (
            best_time(lambda: write(records, "bibtex"), repeat),
            best_time(lambda: data.to_string("bibtex"), repeat),  # type: ignore[attr-defined]
        ),
    }
    print(f"{path.name}: {count} entries read, {len(records.errors)} errors")
    for step, (ours, theirs) in rows.items():
        print(
            f"  {step:40s} citeform {count / ours:8.0f}/s   pybtex {count / theirs:8.0f}/s"
            f"   ratio {theirs / ours:5.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (best is kept)")
    args = parser.parse_args()
    for name in FILES:
        path = CORPUS / name
        if path.exists():
            measure(path, args.repeat)
        else:
            print(f"{path} not present: the shared corpus is read in place")


if __name__ == "__main__":
    main()
