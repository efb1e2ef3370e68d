"""Fuzz every writer: write a generated record, read it back, the same record or a report.

    python benchmarks/fuzz_writers.py --seconds 300            # a few minutes per writer
    python benchmarks/fuzz_writers.py --seconds 5              # CI: briefly
    python benchmarks/fuzz_writers.py --writers ris --engine hypothesis

Each writer runs in its own process. With atheris (coverage-guided libFuzzer, the
default when it is installed) the fuzzer's bytes choose the item type, the variables
and their values; with hypothesis, records come from the property test's strategy.
Values are any Unicode text as a record holds it (trimmed, no control characters: the
writers drop them, see ``test_no_control_character_is_written``). The contract checked is
the property test's ``check_trip`` (``tests/test_writer_coverage.py``): every variable
is read back the same or listed as not carried by the writer's ``coverage``, none is
invented, nothing raises. Exit status 1 when any writer failed; the failing record is
printed.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

from fuzz_readers import fuzz_each, hypothesis_loop, parse_arguments  # puts tests/ on the path

LEFT_OUT = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def main() -> int:
    """Fuzz each writer in a child process and print one line per writer."""
    arguments = parse_arguments(__doc__, "writer", "format names")
    if arguments.worker:
        return run_worker(arguments.worker, arguments.seconds, arguments.engine, arguments.out)
    from test_writer_coverage import WRITERS  # noqa: PLC0415 - after sys.path is set

    writers = arguments.targets.split(",") if arguments.targets else WRITERS
    return fuzz_each("writer", writers, arguments, __file__)


def run_worker(writer: str, seconds: int, engine: str, out: str | None) -> int:
    """In the child: fuzz one writer with *engine* for *seconds*."""
    if engine == "atheris":
        return atheris_worker(writer, seconds, Path(out or ".").parent)
    return hypothesis_worker(writer, seconds, Path(out or f"{writer}.json"))


def record_text(raw: str) -> str:
    """Fuzzer text as a record holds it: no control characters, whitespace squashed."""
    kept = "".join(char for char in raw if unicodedata.category(char) not in LEFT_OUT)
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
            parts = [record_text(data.ConsumeUnicodeNoSurrogates(12)) for _ in "fg"]
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
    from test_writer_coverage import any_records, check_trip  # noqa: PLC0415

    return hypothesis_loop(
        any_records(), lambda record: check_trip(record, writer), seconds, out, examples_per_run=200
    )


if __name__ == "__main__":
    sys.exit(main())
