"""Reading and writing records in any registered format."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from citeform.errors import CiteformError, UnknownFormatError, UnreadableInputError
from citeform.model import Record
from citeform.registry import REGISTRY
from citeform.sources import Source


class Records(list[Record]):
    """The records read from one or more sources, with the errors of those that failed."""

    def __init__(
        self, records: Iterable[Record] = (), errors: Iterable[CiteformError] = ()
    ) -> None:
        """Hold *records* in order and the *errors* of records that could not be read."""
        super().__init__(records)
        self.errors: list[CiteformError] = list(errors)

    def __repr__(self) -> str:
        """The records one a line (author, year, title), then the errors."""
        from citeform.notebook import records_text  # noqa: PLC0415 - for display only

        return records_text(self, self.errors)

    def _repr_html_(self) -> str:
        """Show the records as an HTML table in a notebook (see :mod:`citeform.notebook`)."""
        from citeform.notebook import records_html  # noqa: PLC0415 - for display only

        return records_html(self, self.errors)


def iter_read(source: Any, format: str | None = None) -> Iterator[Record | CiteformError]:  # noqa: A002
    """Yield each record of *source*, or the error of a record that could not be read.

    *source* is a path (a directory is read file by file), a string of content,
    bytes, a file object or parsed JSON; *format* is a format name, or ``None``
    to tell it from the content. Errors that concern the whole input (unreadable,
    unknown format) are raised, not yielded; in a directory, those of each file
    are yielded, and the other files still read.
    """
    if _is_directory(source):
        root = Path(source)
        for path in sorted(root.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
            if hidden:
                continue
            if path.is_symlink() and not path.exists():
                yield UnreadableInputError(
                    "a symbolic link to nothing (its target is missing)", source=str(path)
                )
            elif path.is_file():
                try:
                    yield from iter_read(path, format)
                except CiteformError as error:  # one bad file does not stop the directory
                    yield error.located(source=str(path))
        return
    src = Source.from_any(source)
    fmt = REGISTRY.get(format) if format else REGISTRY.detect(src)
    if fmt.read is None:
        raise UnknownFormatError(f"citeform cannot read {fmt.name}", source=src.name)
    for item in fmt.read(src):
        if isinstance(item, CiteformError):
            item.located(source=src.name)
        yield item


def _is_directory(source: Any) -> bool:
    """Whether *source* names a directory (content that cannot be a file name is not one)."""
    if not isinstance(source, str | os.PathLike) or source == "":
        return False
    try:
        return Path(source).is_dir()
    except OSError:  # e.g. content longer than a file name may be
        return False


def read(source: Any, format: str | None = None, *, strict: bool = False) -> Records:  # noqa: A002
    """Read all records of *source* (see :func:`iter_read`).

    With ``strict=False`` (the default) a record that cannot be read is skipped
    and its error collected in the result's ``errors``; with ``strict=True`` the
    first such error is raised.
    """
    result = Records()
    for item in iter_read(source, format):
        if isinstance(item, CiteformError):
            if strict:
                raise item
            result.errors.append(item)
        else:
            result.append(item)
    return result


def write(records: Iterable[Record], format: str, **options: Any) -> str:  # noqa: A002
    """Return *records* written in *format*; *options* go to the format's writer."""
    return "".join(iter_write(records, format, **options))


def iter_write(records: Iterable[Record], format: str, **options: Any) -> Iterator[str]:  # noqa: A002
    """Yield the text of *records* written in *format*, piece by piece.

    A format that writes record by record (CSL-JSON, BibTeX, biblatex, RIS) takes the
    records as they come, so a long iterator is never held whole; the others get the
    records as a list.
    """
    fmt = REGISTRY.get(format)
    if fmt.write_pieces is not None:
        return fmt.write_pieces(records, **options)
    if fmt.write is None:
        raise UnknownFormatError(f"citeform cannot write {fmt.name}")
    return iter((fmt.write(list(records), **options),))
