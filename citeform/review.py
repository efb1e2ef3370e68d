"""The review before import: per record its new Zitierform, the existing one, and flags.

``citeform fill --review review.html`` (or ``review.csv``) writes it next to the output.
The HTML page is one static file with its style and script inline, no network: a
table sortable by each column and filterable by text, flag and status; the filter
and sort can also be given in the address after ``#`` (``#q=Müller&flag=no-year&sort=3``).
Every value is escaped. The CSV has the same columns; a cell a spreadsheet would take
for a formula is written with a leading apostrophe, since the file is for reading.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Final

import attrs

from citeform.filling import Outcome
from citeform.formats.dspace_csv import FORMULA_STARTS
from citeform.plausibility import FLAGS, flags
from citeform.zitierform import PREVIOUS_CITATION_KEY, DSpaceItem

COLUMNS: Final = (
    "item",
    "status",
    "flags",
    "new Zitierform",
    "existing Zitierform",
    "title",
    "source",
)
"""The review's columns, in order."""


@attrs.frozen
class Entry:
    """One record in the review."""

    item: str
    status: str
    flags: tuple[str, ...]
    new: str
    existing: str
    title: str
    source: str = ""
    """Where the record was read (``file:position``)."""
    message: str = ""
    """The error of a record that failed."""

    @classmethod
    def of(cls, outcome: Outcome, index: int) -> Entry:
        """The entry for the *index*-th outcome (from 1) of a fill."""
        record = outcome.record
        position = str(record.origin) if record.origin else f"#{index}"
        new, existing = "", record.citation or ""
        if outcome.status == "filled":
            new = record.citation or ""
            existing = str(record.custom.get(PREVIOUS_CITATION_KEY) or "")
        return cls(
            item=DSpaceItem.of(record).key(position),
            status=outcome.status,
            flags=tuple(flags(record, citation=new, failed=outcome.error is not None)),
            new=new,
            existing=existing,
            title=str(record.get("title") or ""),
            source=str(record.origin or ""),
            message=str(outcome.error) if outcome.error is not None else "",
        )

    def cells(self) -> tuple[str, ...]:
        """The values of :data:`COLUMNS`, flags joined by ", "."""
        return (
            self.item,
            self.status,
            ", ".join(self.flags),
            self.new,
            self.existing,
            self.title,
            self.source,
        )


@attrs.define
class Review:
    """Collects an :class:`Entry` per outcome of a fill as the outcomes stream by."""

    entries: list[Entry] = attrs.field(factory=list)

    def watch(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        """Yield *outcomes* unchanged, keeping an entry for each."""
        for index, outcome in enumerate(outcomes, start=1):
            self.entries.append(Entry.of(outcome, index))
            yield outcome

    def text(self, path: str | Path) -> str:
        """The review as the file *path* takes it: CSV for a ``.csv`` name, else the HTML page."""
        if Path(path).suffix.lower() == ".csv":
            return review_csv(self.entries)
        return review_html(self)

    def summary(self, path: str | Path) -> str:
        """The line that says where the review is."""
        return f"citeform: review of {len(self.entries)} records ({self.flagged} flagged): {path}"

    @property
    def flagged(self) -> int:
        """How many records have a flag."""
        return sum(bool(entry.flags) for entry in self.entries)


def review_csv(entries: Iterable[Entry]) -> str:
    """The review as CSV: a header of :data:`COLUMNS` and ``message``, a row per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*COLUMNS, "message"])
    for entry in entries:
        writer.writerow([_spreadsheet_cell(value) for value in (*entry.cells(), entry.message)])
    return buffer.getvalue()


def _spreadsheet_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def review_html(review: Review) -> str:
    """The review as one static HTML page (style and script inline, every value escaped)."""
    entries = review.entries
    e = html.escape
    flag_options = "".join(
        f'<option value="{e(flag)}">{e(flag)}: {e(text)}</option>' for flag, text in FLAGS.items()
    )
    headings = "".join(
        f'<th><button type="button" data-column="{index}">{e(name)}</button></th>'
        for index, name in enumerate(COLUMNS)
    )
    rows = "\n".join(_row(entry) for entry in entries)
    legend = "".join(f"<dt>{e(flag)}</dt><dd>{e(text)}</dd>" for flag, text in FLAGS.items())
    return _PAGE.format(
        style=_asset("review.css"),
        script=_asset("review.js"),
        total=len(entries),
        flagged=review.flagged,
        flag_options=flag_options,
        headings=headings,
        rows=rows,
        legend=legend,
    )


def _row(entry: Entry) -> str:
    e = html.escape
    cells = list(entry.cells())
    cells[2] = ", ".join(entry.flags) + (f" ({entry.message})" if entry.message else "")
    tds = "".join(f"<td>{e(cell)}</td>" for cell in cells)
    return f'<tr data-status="{e(entry.status)}" data-flags="{e(" ".join(entry.flags))}">{tds}</tr>'


def _asset(name: str) -> str:
    return files("citeform").joinpath("data", name).read_text(encoding="utf-8")


_PAGE: Final = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>citeform review</title>
<style>
{style}</style>
</head>
<body>
<h1>Zitierform review</h1>
<p id="summary">{total} records, {flagged} flagged. <span id="count"></span></p>
<form id="filters">
<label>Text <input id="q" type="search"></label>
<label>Flag <select id="flag"><option value="">any</option>\
<option value="*">any flag</option>{flag_options}</select></label>
<label>Status <select id="status"><option value="">any</option>\
<option>filled</option><option>skipped</option><option>failed</option></select></label>
</form>
<table id="review">
<thead><tr>{headings}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<dl id="legend">{legend}</dl>
<script>
{script}</script>
</body>
</html>
"""
