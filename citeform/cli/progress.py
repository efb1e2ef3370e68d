"""Progress of a long batch on a terminal, with the failure lines printed above the bar.

On a terminal (and unless ``--quiet``), a bar on standard error counts the records,
their rate and, when the total is known, the share done and the time left. Lines
printed through :meth:`Progress.echo` go above the bar, never into it. Elsewhere
(a pipe, a log file) there is no bar and lines are printed as they come.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


class Progress:
    """A progress bar over one stream of items, and the one way to print beside it."""

    def __init__(self, *, enabled: bool | None = None, unit: str = "records") -> None:
        """Show a bar when *enabled*; ``None`` means when standard error is a terminal."""
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.unit = unit
        self._bar: Any = None

    def track(self, items: Iterable[T], total: int | None = None) -> Iterator[T]:
        """Yield *items*, advancing the bar; *total* may also be set later (:meth:`expect`)."""
        if not self.enabled:
            yield from items
            return
        try:
            from tqdm import tqdm  # noqa: PLC0415 - only on a terminal
        except ImportError:
            yield from items
            return
        self._bar = tqdm(
            total=total, file=sys.stderr, unit=f" {self.unit}", leave=False, dynamic_ncols=True
        )
        try:
            for item in items:
                yield item
                self._bar.update()
        finally:
            self._bar.close()
            self._bar = None

    def expect(self, total: int | None) -> None:
        """Set the number of items expected, once an input tells it."""
        if self._bar is not None and total is not None and total != self._bar.total:
            self._bar.total = total
            self._bar.refresh()

    def echo(self, line: str) -> None:
        """Print *line* on standard error, above the bar when there is one."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)
