"""Output files that are whole or untouched: written aside, renamed into place on success.

A command writes its output to a temporary file in the target's directory and
renames it over the target only when everything was written. An interruption
(Ctrl-C, SIGTERM), a full disk or any other failure removes the temporary file and
leaves the target as it was, so an output can never be cut short or emptied, and an
output that names one of the inputs is replaced only after that input was read.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from citeform.errors import CiteformError


class OutputError(CiteformError):
    """An output file (or standard output) cannot be written."""

    kind = "output"


@contextlib.contextmanager
def atomic_output(name: str | os.PathLike[str] | None) -> Iterator[TextIO]:
    """Yield a text file to write to; *name* gets its content only if the block succeeds.

    ``None`` or ``"-"`` writes to standard output, which cannot be taken back: there a
    failure is still named (``OutputError``) but what was written stays written.
    """
    if name is None or os.fspath(name) == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            raise _output_error(error, "<stdout>") from None
        return
    target = Path(name)
    existed = target.exists()
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise _output_error(error, str(target), existed=existed) from None
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as file:  # noqa: PTH123
            yield file
            file.flush()
            os.fsync(file.fileno())
        _keep_mode(target, temporary)
        Path(temporary).replace(target)
    except OSError as error:
        _remove(temporary)
        raise _output_error(error, str(target), existed=existed) from None
    except BaseException:
        _remove(temporary)
        raise


def _keep_mode(target: Path, temporary: str) -> None:
    """Give the new file the permissions of the file it replaces, or the umask's default."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    Path(temporary).chmod(mode)


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        Path(temporary).unlink()


def _output_error(error: OSError, name: str, *, existed: bool = False) -> OutputError:
    reason = error.strerror or str(error)
    if name == "<stdout>":
        kept = ""
    elif existed:
        kept = "; the file is left as it was"
    else:
        kept = "; no file was written"
    return OutputError(f"cannot write the output: {reason}{kept}", source=name)
