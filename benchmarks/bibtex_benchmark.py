"""BibTeX speed: citeform against pybtex and Citation.js, measured in the same run.

Reads ``../shared/corpus/pybtex-tests/tugboat.bib`` (2,720 entries) and
``biblatex-examples.bib`` (92) in place and prints entries per second for reading
and for converting (read + write) to CSL-JSON and to biblatex, for citeform, pybtex
(which writes neither: its biblatex row is its parse and BibTeX write) and Citation.js,
with citeform's speed as a ratio of each, all in CPU time (best of ``--repeat``).
Citation.js runs under Node from a directory where it was installed (not part of the
project), e.g.::

    mkdir /tmp/citationjs && cd /tmp/citationjs && npm init -y
    npm install @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-csl

Without ``--citationjs`` (or without Node) it is skipped, saying so. Citation.js
refuses a whole file for one entry it cannot parse; such entries are left out
(and named), and every tool is then timed on the text Citation.js was timed on.
Not a test: timings depend on the machine.

    python benchmarks/bibtex_benchmark.py [--repeat N] [--citationjs /tmp/citationjs]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pybtex.errors
from pybtex.database import parse_string
from timing import best_time

from citeform.bibtex.dates import read_issued
from citeform.bibtex.latex import decode, encode, is_safe
from citeform.bibtex.names import read_name, read_names, write_name
from citeform.io import Records, read, write

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILES = ("pybtex-tests/tugboat.bib", "biblatex-examples.bib")
CITATIONJS_SCRIPT = Path(__file__).with_name("citationjs_convert.js")
STEPS = ("read", "csl-json", "biblatex")
CLOCK = time.process_time
"""CPU time, as Citation.js is timed (``process.cpuUsage``): other work on the machine
disturbs it less than wall time."""
STEP_NAMES = {
    "read": "read (.bib -> records)",
    "csl-json": "convert .bib -> CSL-JSON",
    "biblatex": "convert .bib -> biblatex",
}


def citeform_read(path: Path) -> Records:
    """citeform's read from cold: the caches of decoded, encoded and checked values, of
    names read and written and of dates emptied first (a conversion's writing starts from
    cold too)."""
    for cache in (decode, encode, is_safe, read_name, read_names, write_name, read_issued):
        cache.cache_clear()
    return read(path, "bibtex")


def citeform_convert(path: Path, target: str) -> object:
    return write(citeform_read(path), target)


def pybtex_parse(text: str) -> object:
    """pybtex's parse, lenient (as citeform is) and quiet."""
    pybtex.errors.set_strict_mode(False)
    with contextlib.redirect_stderr(io.StringIO()):
        return parse_string(text, "bibtex")


def pybtex_convert(text: str) -> object:
    return pybtex_parse(text).to_string("bibtex")  # type: ignore[attr-defined]


def citationjs(path: Path, directory: Path | None, repeat: int, timed: Path) -> dict[str, float]:
    """Citation.js's best times per step (empty: skipped); *timed* gets the text it was timed on."""
    if directory is None:
        print("  Citation.js skipped: no --citationjs directory given")
        return {}
    node = shutil.which("node")
    modules = directory / "node_modules"
    if node is None or not (modules / "@citation-js" / "plugin-bibtex").is_dir():
        print(f"  Citation.js skipped: no node, or no @citation-js/plugin-bibtex in {modules}")
        return {}
    result = subprocess.run(
        [node, str(CITATIONJS_SCRIPT), str(path), str(repeat), str(timed)],
        env={**os.environ, "NODE_PATH": str(modules)},
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    if report["leftOut"]:
        print(f"  Citation.js cannot parse {len(report['leftOut'])} entries, left out for all:")
        print("    " + " ".join(report["leftOut"]))
    return {step: float(seconds) for step, seconds in report["times"].items()}


def measure(path: Path, repeat: int, directory: Path | None) -> None:
    print(f"{path.name}:")
    with tempfile.TemporaryDirectory() as scratch:
        timed = Path(scratch) / path.name
        theirs = citationjs(path, directory, repeat, timed)
        if not timed.exists():
            timed = path
        times = {"citeform": citeform_times(timed, repeat), "pybtex": pybtex_times(timed, repeat)}
        count = len(read(timed, "bibtex"))
    times["Citation.js"] = theirs
    ours = times["citeform"]
    for step in STEPS:
        cells = [f"citeform {count / ours[step]:6.0f}/s"]
        for tool in ("pybtex", "Citation.js"):
            if step in times[tool]:
                other = times[tool][step]
                cells.append(f"{tool} {count / other:6.0f}/s (x{other / ours[step]:.2f})")
        print(f"  {STEP_NAMES[step]:26s} " + "   ".join(cells))
    print(f"  ({count} entries, best of {repeat} in CPU time; xN: citeform's speed / the tool's)")


def citeform_times(path: Path, repeat: int) -> dict[str, float]:
    """citeform reading the file as a user does (by its path) and converting it."""
    return {
        "read": best_time(lambda: citeform_read(path), repeat, CLOCK),
        "csl-json": best_time(lambda: citeform_convert(path, "csl-json"), repeat, CLOCK),
        "biblatex": best_time(lambda: citeform_convert(path, "biblatex"), repeat, CLOCK),
    }


def pybtex_times(path: Path, repeat: int) -> dict[str, float]:
    """pybtex parsing the file's text and writing it as BibTeX (it writes no biblatex)."""
    return {
        "read": best_time(lambda: pybtex_parse(path.read_text("utf-8")), repeat, CLOCK),
        "biblatex": best_time(lambda: pybtex_convert(path.read_text("utf-8")), repeat, CLOCK),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (best is kept)")
    parser.add_argument(
        "--citationjs",
        type=Path,
        help="directory where @citation-js/core, plugin-bibtex and plugin-csl are installed",
    )
    args = parser.parse_args()
    for name in FILES:
        path = CORPUS / name
        if path.exists():
            measure(path, args.repeat, args.citationjs)
        else:
            print(f"{path} not present: the shared corpus is read in place")


if __name__ == "__main__":
    main()
