"""Fuzz every registered reader (and format detection) for a while; report examples run.

    python benchmarks/fuzz_readers.py --seconds 300            # a few minutes per reader
    python benchmarks/fuzz_readers.py --seconds 5              # CI: briefly
    python benchmarks/fuzz_readers.py --readers ris,bibtex --engine hypothesis

Each reader runs in its own process. With atheris (coverage-guided libFuzzer, the
default when it is installed) the corpus starts from the valid samples of
``tests/hostile/hostile_support.py`` (templates, and ``../shared`` files when present);
with hypothesis, inputs are arbitrary bytes, arbitrary text and mutated samples. The
contract checked is the tests' :func:`hostile_support.check_outcome`: records or a
``CiteformError``, never another exception, never a hang. Bugs already reproduced in
``tests/hostile/test_hostile_found.py`` are passed over. Exit status 1 when any reader
failed; the failing input is saved and named.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "hostile"), str(REPO / "tests")]

DETECT = "detect"
HAS_ATHERIS = importlib.util.find_spec("atheris") is not None


def main() -> int:
    """Fuzz each reader in a child process and print one line per reader."""
    arguments = parse_arguments(__doc__, "reader", "format names ('detect' for detection)")
    if arguments.worker:
        return run_worker(arguments.worker, arguments.seconds, arguments.engine, arguments.out)
    from hostile_support import readable_formats  # noqa: PLC0415 - after sys.path is set

    readers = arguments.targets.split(",") if arguments.targets else [*readable_formats(), DETECT]
    return fuzz_each("reader", readers, arguments, __file__)


def fuzz_each(kind: str, targets: list[str], arguments: argparse.Namespace, script: str) -> int:
    """Fuzz each target with *script* in a child process; print one line per target."""
    print(f"fuzzing {len(targets)} {kind}s for {arguments.seconds} s each with {arguments.engine}")
    print(f"{kind:14} {'examples':>10} {'per second':>11}  outcome")
    failed = False
    total = 0
    with tempfile.TemporaryDirectory(prefix=f"citeform-fuzz-{kind}s-") as directory:
        for target in targets:
            result = run_child(target, arguments, Path(directory), script)
            total += result["examples"]
            rate = result["examples"] / max(result["seconds"], 1e-9)
            outcome = result.get("failure") or "no failure"
            print(f"{target:14} {result['examples']:>10} {rate:>11.0f}  {outcome}")
            failed = failed or "failure" in result
    print(f"{'all':14} {total:>10}")
    return 1 if failed else 0


def parse_arguments(doc: str | None, kind: str, names: str) -> argparse.Namespace:
    """The command line of a fuzzer of *kind* (``--seconds``, ``--<kind>s``, ``--engine``)."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=60, help=f"time per {kind} (default 60)")
    parser.add_argument(f"--{kind}s", dest="targets", help=f"comma-separated {names}")
    parser.add_argument(
        "--engine",
        choices=("atheris", "hypothesis"),
        default="atheris" if HAS_ATHERIS else "hypothesis",
        help="atheris when installed, else hypothesis",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    return parser.parse_args()


def run_child(
    target: str, arguments: argparse.Namespace, directory: Path, script: str
) -> dict[str, Any]:
    """Fuzz *target* with *script* in a child process; return its counts (and failure, if any)."""
    out = directory / f"{target}.json"
    command = [sys.executable, script, "--worker", target, "--seconds", str(arguments.seconds)]
    command += ["--engine", arguments.engine, "--out", str(out)]
    started = time.monotonic()
    child = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if arguments.engine == "atheris":
        return atheris_result(child, elapsed, directory / f"found-{target}-")
    if out.is_file():
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result
    return {"examples": 0, "seconds": elapsed, "failure": f"worker died: {child.stderr[-500:]}"}


def atheris_result(
    child: subprocess.CompletedProcess[str], elapsed: float, crash_prefix: Path
) -> dict[str, Any]:
    """Read libFuzzer's report: runs done, and the exception and input of a crash."""
    runs = re.findall(r"^#(\d+)\s", child.stderr, re.MULTILINE)
    done = re.search(r"Done (\d+) runs in (\d+) second", child.stderr)
    examples = int(done.group(1)) if done else int(runs[-1]) if runs else 0
    result: dict[str, Any] = {"examples": examples, "seconds": elapsed}
    if child.returncode != 0:
        output = child.stdout + child.stderr
        exception = re.findall(r"^(\w+(?:Error|Exception)\b.*)$", output, re.MULTILINE)
        crashes = sorted(crash_prefix.parent.glob(f"{crash_prefix.name}*"))
        saved = f"; input kept in {kept(crashes)}" if crashes else ""
        summary = exception[0] if exception else output.strip()[-300:]
        result["failure"] = f"{summary}{saved}"
    return result


def kept(crashes: list[Path]) -> Path:
    """Copy the first crash input out of the temporary directory; return its new path."""
    target = Path.cwd() / f"fuzz-{crashes[0].name}"
    target.write_bytes(crashes[0].read_bytes())
    return target


def run_worker(reader: str, seconds: int, engine: str, out: str | None) -> int:
    """In the child: fuzz one reader with *engine* for *seconds*."""
    if engine == "atheris":
        return atheris_worker(reader, seconds, Path(out or ".").parent)
    return hypothesis_worker(reader, seconds, Path(out or f"{reader}.json"))


def atheris_worker(reader: str, seconds: int, directory: Path) -> int:
    import atheris  # noqa: PLC0415 - optional

    with atheris.instrument_imports(include=["citeform"]):
        import citeform  # noqa: PLC0415 - instrumented for coverage

        citeform.list_formats()  # imports every format module under instrumentation
    from hostile_support import check_outcome, valid_samples  # noqa: PLC0415

    format_name = None if reader == DETECT else reader
    corpus = directory / f"corpus-{reader}"
    corpus.mkdir(parents=True, exist_ok=True)
    for index, sample in enumerate(valid_samples(format_name)):
        (corpus / f"sample{index}").write_bytes(sample)

    def one_input(data: bytes) -> None:
        check_outcome(data, format_name, tolerate_known=True)

    options = [
        f"-max_total_time={seconds}",
        "-timeout=60",
        "-rss_limit_mb=4096",
        "-max_len=65536",
        f"-artifact_prefix={directory / f'found-{reader}-'}",
        "-print_final_stats=1",
    ]
    atheris.Setup([sys.argv[0], *options, str(corpus)], one_input)
    atheris.Fuzz()
    return 0


def hypothesis_worker(reader: str, seconds: int, out: Path) -> int:
    from hostile_support import check_outcome, mutated, valid_samples  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    format_name = None if reader == DETECT else reader
    inputs = st.binary(max_size=4096) | st.text(max_size=2048) | mutated(valid_samples(format_name))
    return hypothesis_loop(
        inputs,
        lambda content: check_outcome(content, format_name, tolerate_known=True),
        seconds,
        out,
    )


def hypothesis_loop(
    inputs: Any, check: Callable[[Any], None], seconds: int, out: Path, examples_per_run: int = 500
) -> int:
    """Run *check* on examples of the strategy *inputs* for *seconds*; write counts to *out*."""
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415

    examples = 0
    deadline = time.monotonic() + seconds

    @settings(
        max_examples=examples_per_run,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(example=inputs)
    def fuzz(example: Any) -> None:
        nonlocal examples
        examples += 1
        try:
            check(example)
        except Exception:
            result["input"] = repr(example)[:2000]  # the last one is the shrunk example
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
