"""Fuzz every writer: write a generated record, read it back, the same record or a report.

    python benchmarks/fuzz_writers.py --seconds 300            # a few minutes per writer
    python benchmarks/fuzz_writers.py --seconds 5              # CI: briefly
    python benchmarks/fuzz_writers.py --writers ris --engine hypothesis

Each writer runs in its own process. With atheris (coverage-guided libFuzzer, the
default when it is installed) the fuzzer's bytes choose the item type, the variables
and their values; with hypothesis, records come from the property test's strategy.
Values are any Unicode text as a record holds it (trimmed, no control characters,
names without commas, which BibTeX and RIS use as separators). The contract checked is
the property test's ``check_trip`` (``tests/test_writer_coverage.py``): every variable
is read back the same or listed as not carried by the writer's ``coverage``, none is
invented, nothing raises. Exit status 1 when any writer failed; the failing record is
printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

from fuzz_readers import HAS_ATHERIS, REPO, atheris_result

sys.path[:0] = [str(REPO / "tests")]

TEXT_CATEGORIES_LEFT_OUT = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def main() -> int:
    """Fuzz each writer in a child process and print one line per writer."""
    arguments = parse_arguments()
    if arguments.worker:
        return run_worker(arguments.worker, arguments.seconds, arguments.engine, arguments.out)
    from test_writer_coverage import WRITERS  # noqa: PLC0415 - after sys.path is set

    writers = arguments.writers.split(",") if arguments.writers else WRITERS
    print(f"fuzzing {len(writers)} writers for {arguments.seconds} s each with {arguments.engine}")
    print(f"{'writer':14} {'examples':>10} {'per second':>11}  outcome")
    failed = False
    total = 0
    with tempfile.TemporaryDirectory(prefix="citeform-fuzz-writers-") as directory:
        for writer in writers:
            result = run_child(writer, arguments, Path(directory))
            total += result["examples"]
            rate = result["examples"] / max(result["seconds"], 1e-9)
            outcome = result.get("failure") or "no failure"
            print(f"{writer:14} {result['examples']:>10} {rate:>11.0f}  {outcome}")
            failed = failed or "failure" in result
    print(f"{'all':14} {total:>10}")
    return 1 if failed else 0


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=60, help="time per writer (default 60)")
    parser.add_argument("--writers", help="comma-separated format names")
    parser.add_argument(
        "--engine",
        choices=("atheris", "hypothesis"),
        default="atheris" if HAS_ATHERIS else "hypothesis",
        help="atheris when installed, else hypothesis",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(writer: str, arguments: argparse.Namespace, directory: Path) -> dict[str, Any]:
    """Fuzz *writer* in a child process; return its counts (and failure, if any)."""
    out = directory / f"{writer}.json"
    command = [sys.executable, __file__, "--worker", writer, "--seconds", str(arguments.seconds)]
    command += ["--engine", arguments.engine, "--out", str(out)]
    started = time.monotonic()
    child = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if arguments.engine == "atheris":
        return atheris_result(child, elapsed, directory / f"found-{writer}-")
    if out.is_file():
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result
    return {"examples": 0, "seconds": elapsed, "failure": f"worker died: {child.stderr[-500:]}"}


def run_worker(writer: str, seconds: int, engine: str, out: str | None) -> int:
    """In the child: fuzz one writer with *engine* for *seconds*."""
    if engine == "atheris":
        return atheris_worker(writer, seconds, Path(out or ".").parent)
    return hypothesis_worker(writer, seconds, Path(out or f"{writer}.json"))


def record_text(raw: str, *, comma: bool = True) -> str:
    """Fuzzer text as a record holds it: no control characters, whitespace squashed."""
    kept = "".join(
        char
        for char in raw
        if unicodedata.category(char) not in TEXT_CATEGORIES_LEFT_OUT and (comma or char != ",")
    )
    return " ".join(kept.split()) or "x"


def atheris_worker(writer: str, seconds: int, directory: Path) -> int:
    import atheris  # noqa: PLC0415 - optional

    with atheris.instrument_imports(include=["citeform"]):
        import citeform  # noqa: PLC0415 - instrumented for coverage

        citeform.list_formats()  # imports every format module under instrumentation
    from test_writer_coverage import VARIABLES, check_trip  # noqa: PLC0415

    from citeform import vocab  # noqa: PLC0415
    from citeform.model import Date, Name, Record  # noqa: PLC0415

    types = sorted(vocab.ITEM_TYPES)

    def value(data: Any, variable: str) -> Any:
        kind = vocab.KIND_OF[variable]
        if kind == "name":
            count = data.ConsumeIntInRange(1, 3)
            parts = [record_text(data.ConsumeUnicodeNoSurrogates(12), comma=False) for _ in "fg"]
            persons = [Name(family=parts[0], given=parts[1]), Name.corporate(parts[0])]
            return tuple(persons[data.ConsumeIntInRange(0, 1)] for _ in range(count))
        if kind == "date":
            year = data.ConsumeIntInRange(1000, 2100)
            shapes = [
                Date.of(year, data.ConsumeIntInRange(1, 12), data.ConsumeIntInRange(1, 28)),
                Date(parts=((year,), (year + data.ConsumeIntInRange(0, 50),))),
                Date(parts=((year,),), circa=True),
            ]
            return shapes[data.ConsumeIntInRange(0, len(shapes) - 1)]
        if kind == "number":
            return str(data.ConsumeIntInRange(1, 99999))
        return record_text(data.ConsumeUnicodeNoSurrogates(40))

    def one_input(raw: bytes) -> None:
        data = atheris.FuzzedDataProvider(raw)
        item_type = types[data.ConsumeIntInRange(0, len(types) - 1)]
        chosen = {VARIABLES[data.ConsumeIntInRange(0, len(VARIABLES) - 1)] for _ in range(8)}
        chosen -= {"DOI", "URL", "ISBN", "ISSN", "language", "keyword", "page"}  # shaped
        variables = {name: value(data, name) for name in {"title", *chosen}}
        check_trip(Record.build(item_type, variables), writer)

    options = [
        f"-max_total_time={seconds}",
        "-timeout=60",
        "-rss_limit_mb=4096",
        "-max_len=4096",
        f"-artifact_prefix={directory / f'found-{writer}-'}",
        "-print_final_stats=1",
    ]
    atheris.Setup([sys.argv[0], *options], one_input)
    atheris.Fuzz()
    return 0


def hypothesis_worker(writer: str, seconds: int, out: Path) -> int:
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415
    from test_writer_coverage import any_records, check_trip  # noqa: PLC0415

    examples = 0
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(record=any_records())
    def fuzz(record: Any) -> None:
        nonlocal examples
        examples += 1
        try:
            check_trip(record, writer)
        except Exception:
            result["input"] = repr(record)[:2000]  # the last one is the shrunk example
            raise

    result: dict[str, Any] = {}
    started = time.monotonic()
    while time.monotonic() < deadline:
        try:
            fuzz()
        except Exception as error:  # noqa: BLE001 - the failure is the report
            result["failure"] = f"{type(error).__name__}: {str(error)[:300]} on {result['input']}"
            break
    result.update(examples=examples, seconds=time.monotonic() - started)
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
