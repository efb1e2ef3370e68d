"""The records a Sphinx project cites from: its ``citeform_sources``, read once per file version."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from citeform.errors import CiteformError
from citeform.io import read
from citeform.model import Record


@attrs.frozen
class Library:
    """Records by key, in source order, with the files they came from and the read errors."""

    records: Mapping[str, Record]
    files: tuple[Path, ...]
    problems: tuple[str, ...] = ()


_CACHE: dict[tuple[Path, int], tuple[dict[str, Record], tuple[str, ...]]] = {}
"""Records and problems of each source file, by path and modification time."""


def source_paths(confdir: str | os.PathLike[str], sources: Iterable[str]) -> tuple[Path, ...]:
    """The configured source files, relative to the configuration directory."""
    return tuple((Path(confdir) / source).resolve() for source in sources)


def load_library(files: Iterable[Path]) -> Library:
    """Read *files* (each once per version); a later file's key overrides an earlier one's."""
    files = tuple(files)
    records: dict[str, Record] = {}
    problems: list[str] = []
    for path in files:
        file_records, file_problems = _read_file(path)
        problems.extend(file_problems)
        for key, record in file_records.items():
            if key in records:
                problems.append(f"{path}: key {key!r} also in an earlier source; this one is used")
            records[key] = record
    return Library(records, files, tuple(problems))


def _read_file(path: Path) -> tuple[dict[str, Record], tuple[str, ...]]:
    try:
        version = path.stat().st_mtime_ns
    except OSError as error:
        return {}, (f"{path}: cannot read ({error.strerror})",)
    if (path, version) not in _CACHE:
        _CACHE[(path, version)] = _parse(path)
    return _CACHE[(path, version)]


def _parse(path: Path) -> tuple[dict[str, Record], tuple[str, ...]]:
    try:
        result = read(path)
    except CiteformError as error:
        return {}, (str(error.located(source=str(path))),)
    records = {str(record.id): record for record in result if record.id is not None}
    return records, tuple(str(error) for error in result.errors)
