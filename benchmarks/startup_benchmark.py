"""Start-up time of ``import citeform`` and of a whole ``citeform`` command.

Usage: ``python benchmarks/startup_benchmark.py [--repeat N] [--pythonpath DIR]``

Runs each command N times in a fresh process, the commands taking turns so that load on
the machine falls on all alike, and prints the fastest run of each and its ratio to
``python -c pass`` (the interpreter's own start-up) measured in the same run, by the
wall clock and by the CPU time of the process (which other load disturbs less):

- ``python -c "import citeform"``,
- ``citeform formats`` (the registry, without reading),
- ``citeform convert FILE --to csl-json`` on a one-item CSL-JSON file,
- ``citeform cite FILE`` on the same file (APA, so the CSL engine loads).

For where the time goes, run ``python -X importtime -c "import citeform"``.
``--pythonpath`` runs another checkout (e.g. main's) for a before/after comparison.
Not a test: timings depend on the machine; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEM = {
    "id": "a",
    "type": "book",
    "title": "Ein Buch",
    "author": [{"family": "Müller", "given": "Anna"}],
    "issued": {"date-parts": [[2020]]},
    "publisher": "Verlag",
}


def run_time(
    command: list[str], environment: dict[str, str], directory: str
) -> tuple[float, float]:
    """Seconds one run of *command* takes, start to exit: wall clock and CPU (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=environment, cwd=directory, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--pythonpath", default=str(Path(__file__).resolve().parents[1]))
    args = parser.parse_args()
    environment = {**os.environ, "PYTHONPATH": args.pythonpath}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # time imports as installed: from bytecode
    python = sys.executable
    with tempfile.TemporaryDirectory() as directory:  # not a checkout: '' leads sys.path
        path = Path(directory, "item.json")
        path.write_text(json.dumps([ITEM]), encoding="utf-8")
        commands = {
            "python -c pass": [python, "-c", "pass"],
            "import citeform": [python, "-c", "import citeform"],
            "citeform formats": [python, "-m", "citeform", "formats"],
            "citeform convert FILE": [
                python,
                "-m",
                "citeform",
                "convert",
                str(path),
                "--to",
                "csl-json",
            ],
            "citeform cite FILE": [python, "-m", "citeform", "cite", str(path)],
        }
        for command in commands.values():  # a first run writes the bytecode
            run_time(command, environment, directory)
        wall = dict.fromkeys(commands, float("inf"))
        cpu = dict.fromkeys(commands, float("inf"))
        for _ in range(args.repeat):
            for name, command in commands.items():
                seconds, cpu_seconds = run_time(command, environment, directory)
                wall[name] = min(wall[name], seconds)
                cpu[name] = min(cpu[name], cpu_seconds)
    print(f"citeform from {args.pythonpath}; fastest of {args.repeat} runs, wall clock and CPU")
    for name in commands:
        print(
            f"{name:<22} {wall[name] * 1000:7.1f} ms {wall[name] / wall['python -c pass']:5.2f}x"
            f"   CPU {cpu[name] * 1000:7.1f} ms {cpu[name] / cpu['python -c pass']:5.2f}x"
        )


if __name__ == "__main__":
    main()
