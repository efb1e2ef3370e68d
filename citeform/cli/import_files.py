"""The DSpace import CSV as files: split into numbered files, items without UUID kept apart.

DSpace's web import takes at most ``bulkedit.gui-item-limit`` items per file (20 in
its shipped configuration): :func:`write_import_csv` with ``max_rows`` writes
``out-001.csv``, ``out-002.csv``, ... of at most that many rows, each with the
header. Items without a UUID, which DSpace refuses, can go to a file of their own
(``out-without-uuid.csv``) instead of the import CSV. Each file is written under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO

import attrs

from citeform.cli.output import atomic_output
from citeform.formats import dspace_csv
from citeform.model import Record
from citeform.zitierform import DSpaceItem

WITHOUT_UUID_SUFFIX = "-without-uuid"


@attrs.frozen
class ImportOptions:
    """``fill``'s options for the import CSV, and whether they ask for files of their own."""

    output_format: str
    output: str | None
    max_rows: int | None = None
    ids: str | None = None
    spreadsheet_safe: bool = False

    def problem(self) -> str | None:
        """What is wrong with the combination of options, if anything."""
        csv_file = self.output_format == "dspace-csv" and self.output is not None
        if self.max_rows is not None and not csv_file:
            return "--max-rows needs --to dspace-csv and -o FILE"
        if self.ids and self.output_format == "dspace-csv" and not csv_file:
            return "--ids with --to dspace-csv needs -o FILE"
        return None

    @property
    def as_files(self) -> bool:
        """Whether the output is import CSV files: numbered, or with items without UUID apart."""
        return self.output_format == "dspace-csv" and bool(self.max_rows or self.ids)

    @property
    def formula_guard(self) -> bool:
        """Whether formula-like values get a leading apostrophe."""
        return self.spreadsheet_safe and self.output_format == "dspace-csv"

    def write(self, records: Iterable[Record]) -> ImportFiles:
        """Write the import CSV files of *records* (:func:`write_import_csv`)."""
        assert self.output is not None  # noqa: S101 - checked by problem()
        return write_import_csv(
            records,
            Path(self.output),
            max_rows=self.max_rows,
            apart_without_uuid=self.ids is not None,
            formula_guard=self.formula_guard,
        )


@attrs.define
class ImportFiles:
    """The files written, and how many items went to the file without UUIDs."""

    files: list[Path] = attrs.field(factory=list)
    without_uuid: int = 0
    without_uuid_file: Path | None = None

    def summary(self) -> str:
        """The lines that say which files were written."""
        names = ", ".join(map(str, self.files)) or "none (no Zitierform to write back)"
        lines = [f"citeform: import CSV: {names}"]
        if self.without_uuid_file is not None:
            lines.append(
                f"citeform: {self.without_uuid} item(s) without UUID written to "
                f"{self.without_uuid_file}, not to the import CSV"
            )
        return "\n".join(lines)


def numbered(path: Path, number: int) -> Path:
    """``out.csv`` -> ``out-001.csv`` for *number* 1."""
    return path.with_name(f"{path.stem}-{number:03d}{path.suffix}")


def without_uuid_path(path: Path) -> Path:
    """``out.csv`` -> ``out-without-uuid.csv``."""
    return path.with_name(f"{path.stem}{WITHOUT_UUID_SUFFIX}{path.suffix}")


def write_import_csv(
    records: Iterable[Record],
    output: Path,
    *,
    max_rows: int | None = None,
    apart_without_uuid: bool = False,
    formula_guard: bool = False,
) -> ImportFiles:
    """Write the ``dspace-csv`` of *records* to *output* (or numbered files of *max_rows*)."""
    result = ImportFiles()
    with tempfile.TemporaryFile() as spool:
        if apart_without_uuid:
            records = _set_apart(records, spool, result)
        lines = dspace_csv.iter_write(records, formula_guard=formula_guard)
        result.files = _write_lines(lines, output, max_rows)
        if result.without_uuid:
            spool.seek(0)
            result.without_uuid_file = without_uuid_path(output)
            apart = dspace_csv.iter_write(_unspool(spool), formula_guard=formula_guard)
            _write_file(result.without_uuid_file, apart)
    return result


def _set_apart(
    records: Iterable[Record], spool: IO[bytes], result: ImportFiles
) -> Iterator[Record]:
    """Yield the records with a UUID; pickle the others into *spool*, counting them."""
    for record in records:
        if DSpaceItem.of(record).uuid or record.citation is None:
            yield record
        else:
            pickle.dump(record, spool)
            result.without_uuid += 1


def _unspool(spool: IO[bytes]) -> Iterator[Record]:
    while True:
        try:
            yield pickle.load(spool)  # noqa: S301 - our own temporary file
        except EOFError:
            return


def _write_lines(lines: Iterator[str], output: Path, max_rows: int | None) -> list[Path]:
    """Write the CSV *lines* (header first, a row each) to *output* or numbered files."""
    if max_rows is None:
        _write_file(output, lines)
        return [output]
    header = next(lines, None)
    written: list[Path] = []
    while header is not None and (rows := list(islice(lines, max_rows))):
        written.append(numbered(output, len(written) + 1))
        _write_file(written[-1], [header, *rows])
    return written


def _write_file(path: Path, pieces: Iterable[str]) -> None:
    """Write *pieces* to *path*, whole or not at all."""
    with atomic_output(path) as file:
        file.writelines(pieces)
