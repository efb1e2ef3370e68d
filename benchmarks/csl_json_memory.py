"""Peak memory of reading CSL-JSON files of growing size and converting them to each writer.

Usage: ``python benchmarks/csl_json_memory.py [--records 10000 100000] [--to FORMAT ...]
[--pythonpath DIR]``

Writes a CSL-JSON file of N generated items (about 390 bytes each) to a temporary
directory and runs, each in a fresh process under ``/usr/bin/time -v``:

- ``iter_read``: ``for record in citeform.iter_read(FILE): pass``,
- ``convert``: ``citeform convert FILE --to FORMAT -o OUT`` for each ``--to`` format
  (default: every format that writes records, CSL-JSON, BibTeX, biblatex and RIS),
- ``baseline``: ``python -c "import citeform"``, what any run holds before reading.

It prints the maximum resident set size of each. Flat memory shows as the same peak
for every N. ``--pythonpath`` runs another checkout of citeform (e.g. main's), for a
before/after comparison in the same run. Not a test: memory depends on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_PEAK = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")

FORMATS = ("csl-json", "bibtex", "biblatex", "ris")

_READ = "import citeform, sys\nfor _ in citeform.iter_read(sys.argv[1]): pass"


def items(count: int) -> list[dict[str, object]]:
    """*count* CSL-JSON items of a realistic shape."""
    return [
        {
            "id": f"item-{number}",
            "type": "article-journal",
            "title": f"On the measurement of things, part {number}",
            "author": [
                {"family": "Müller", "given": "Anna"},
                {"family": "Schmidt", "given": "Bernd"},
            ],
            "container-title": "Zeitschrift für Messkunde",
            "issued": {"date-parts": [[1990 + number % 30, number % 12 + 1]]},
            "volume": str(number % 80),
            "page": f"{number % 500}-{number % 500 + 20}",
            "DOI": f"10.1234/zfm.{number}",
        }
        for number in range(count)
    ]


def peak_mib(command: list[str], pythonpath: str) -> float:
    """The peak resident memory of *command*, in MiB (run outside any checkout)."""
    environment = {**os.environ, "PYTHONPATH": pythonpath}
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        cwd=tempfile.gettempdir(),  # the working directory would come first on sys.path
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    match = _PEAK.search(result.stderr)
    assert match is not None, result.stderr  # noqa: S101 - /usr/bin/time always prints it
    return int(match.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--to", nargs="+", default=list(FORMATS), metavar="FORMAT")
    parser.add_argument("--pythonpath", default=str(Path(__file__).resolve().parents[1]))
    args = parser.parse_args()
    citeform = [sys.executable, "-m", "citeform"]
    print(f"citeform from {args.pythonpath}")
    baseline = peak_mib([sys.executable, "-c", "import citeform"], args.pythonpath)
    print(f"baseline (import citeform): {baseline:6.1f} MiB")
    with tempfile.TemporaryDirectory() as directory:
        for count in args.records:
            path = Path(directory, f"{count}.json")
            path.write_text(json.dumps(items(count), ensure_ascii=False, indent=2), "utf-8")
            size = path.stat().st_size / 2**20
            read = peak_mib([sys.executable, "-c", _READ, str(path)], args.pythonpath)
            out = str(Path(directory, "out"))
            converted = {
                name: peak_mib(
                    [*citeform, "convert", str(path), "--to", name, "-o", out], args.pythonpath
                )
                for name in args.to
            }
            print(
                f"{count:>8,} records ({size:5.1f} MiB): iter_read {read:6.1f} MiB; convert --to "
                + ", ".join(f"{name} {peak:6.1f}" for name, peak in converted.items())
                + " MiB"
            )


if __name__ == "__main__":
    main()
