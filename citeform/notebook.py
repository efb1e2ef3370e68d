"""HTML views of records and bibliographies, for Jupyter notebooks.

A notebook shows an object through its ``_repr_html_``; :class:`~citeform.Record`, the
records that :func:`citeform.read` returns and a rendered bibliography use the functions
here. Table cells are aligned left (notebooks align them right by default). Every value from
a record is escaped, so a
``<script>`` in a title shows as text. Entries rendered as HTML keep only CSL's rich-text
markup (italics, bold, superscript, subscript, small caps, ``nocase`` spans, links);
any other tag or attribute is escaped.

>>> from citeform import Record
>>> print(record_html(Record.build("book", {"title": "<b>Bold</b> claims"})))  # doctest: +ELLIPSIS
<style>table.citeform-record th, ... {text-align: left}</style>
<table class="citeform-record">
<caption>book</caption>
<tr><th>title</th><td>&lt;b&gt;Bold&lt;/b&gt; claims</td></tr>
</table>
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from html.parser import HTMLParser
from typing import Final

from citeform.errors import CiteformError
from citeform.model import Date, Name, Record

ALLOWED_MARKUP: Final = {
    "i": (),
    "em": (),
    "b": (),
    "strong": (),
    "sup": (),
    "sub": (),
    "span": ("style", "class"),
    "a": ("href",),
    "div": ("class",),
}
"""Tags an HTML entry may keep, with the attributes each may keep (CSL's rich-text markup)."""

_SAFE_LINK_SCHEMES: Final = ("http://", "https://", "mailto:")
LEFT_ALIGNED: Final = (
    "<style>table.citeform-record th, table.citeform-record td, table.citeform-records th, "
    "table.citeform-records td {text-align: left}</style>"
)
"""Aligns the tables' cells left (notebooks align them right by default)."""


def record_html(record: Record) -> str:
    """A table of *record*: its type and id, variables, Zitierform, unmapped fields, origin."""
    caption = record.type or "(no type)"
    if record.id is not None:
        caption += f" · {record.id}"
    rows = [_row(name, _value_text(value)) for name, value in _display_order(record)]
    if record.citation is not None:
        rows.append(_row("Zitierform", record.citation))
    rows += [_row(f"custom: {key}", str(value)) for key, value in record.custom.items()]
    for field in record.unmapped:
        language = f" [{field.language}]" if field.language else ""
        rows.append(_row(f"unmapped: {field.key}{language}", str(field.value), "unmapped"))
    if record.origin is not None:
        rows.append(_row("from", f"{record.origin.format}, {record.origin}", "origin"))
    return "\n".join(
        [
            LEFT_ALIGNED,
            '<table class="citeform-record">',
            f"<caption>{escape(caption)}</caption>",
            *rows,
            "</table>",
        ]
    )


def records_html(records: Sequence[Record], errors: Sequence[CiteformError] = ()) -> str:
    """A table of *records*, one a line, then the *errors* of those that could not be read.

    The first :data:`SHOWN` of each are shown, and how many more there are.

    >>> records = [Record.build("book", {"title": "Ein Buch"}, id="a")]
    >>> print(records_html(records))  # doctest: +ELLIPSIS
    <style>table.citeform-record th, ... {text-align: left}</style>
    <table class="citeform-records">
    <caption>Records: 1 record</caption>
    <tr><th>#</th><th>type</th><th>id</th><th>record</th><th>from</th></tr>
    <tr><td>1</td><td>book</td><td>a</td><td>? (o. J.): Ein Buch</td><td></td></tr>
    </table>
    """
    cells = [["#", "type", "id", "record", "from"]]
    cells += [
        [
            str(number),
            record.type or "",
            str(record.id or ""),
            str(record),
            str(record.origin or ""),
        ]
        for number, record in enumerate(records[:SHOWN], start=1)
    ]
    rows = [f"<tr>{''.join(f'<th>{escape(cell)}</th>' for cell in cells[0])}</tr>"]
    rows += [f"<tr>{''.join(f'<td>{escape(cell)}</td>' for cell in row)}</tr>" for row in cells[1:]]
    rows += [_wide_row("!", str(error), "error") for error in errors[:SHOWN]]
    rows += [_wide_row("…", more) for more in _more(records, errors)]
    caption = escape(_counts(records, errors))
    table = ['<table class="citeform-records">', f"<caption>{caption}</caption>", *rows, "</table>"]
    return "\n".join([LEFT_ALIGNED, *table])


def records_text(records: Sequence[Record], errors: Sequence[CiteformError] = ()) -> str:
    """*records* and *errors* as lines of text, each record numbered (the first :data:`SHOWN`).

    >>> print(records_text([Record.build("book", {"title": "Ein Buch"}, id="a")]))
    Records: 1 record
      1. ? (o. J.): Ein Buch
    """
    lines = [_counts(records, errors)]
    lines += [f"  {number}. {record}" for number, record in enumerate(records[:SHOWN], start=1)]
    lines += [f"  ! {error}" for error in errors[:SHOWN]]
    lines += [f"  … {more}" for more in _more(records, errors)]
    return "\n".join(lines)


SHOWN: Final = 20
"""How many records (and errors) a list of records shows."""


def _counts(records: Sequence[Record], errors: Sequence[CiteformError]) -> str:
    counts = _count(len(records), "record")
    return f"Records: {counts}, {_count(len(errors), 'error')}" if errors else f"Records: {counts}"


def _more(records: Sequence[Record], errors: Sequence[CiteformError]) -> list[str]:
    hidden = (len(records) - SHOWN, "record"), (len(errors) - SHOWN, "error")
    return [f"{_count(number, noun)} more" for number, noun in hidden if number > 0]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def bibliography_html(
    entries: Iterable[str], *, markup: bool | None = None, errors: Iterable[CiteformError] = ()
) -> str:
    """An ordered list of rendered *entries*, then the *errors* of records that failed.

    Text entries (``markup=False``) are escaped whole; HTML entries (``markup=True``, from a
    renderer with ``format="html"``) keep only :data:`ALLOWED_MARKUP`. With ``markup=None``,
    entries are taken for HTML when every one is a ``csl-entry`` division, as a renderer
    writes them; a wrong guess is safe, since HTML entries are cleaned too.

    >>> print(bibliography_html(["A & B (2020).", "C <D> (2021)."]))
    <ol class="citeform-bibliography">
    <li>A &amp; B (2020).</li>
    <li>C &lt;D&gt; (2021).</li>
    </ol>
    >>> print(bibliography_html(['<i>Eildienst</i><script>alert(1)</script>'], markup=True))
    <ol class="citeform-bibliography">
    <li><i>Eildienst</i>&lt;script&gt;alert(1)&lt;/script&gt;</li>
    </ol>
    """
    entries = list(entries)
    if markup is None:
        markup = bool(entries) and all(entry.startswith(HTML_ENTRY_START) for entry in entries)
    clean = clean_markup if markup else escape
    items = [f"<li>{clean(entry)}</li>" for entry in entries]
    failed = [f'<p class="error">{escape(str(error))}</p>' for error in errors]
    return "\n".join(['<ol class="citeform-bibliography">', *items, "</ol>", *failed])


HTML_ENTRY_START: Final = '<div class="csl-entry">'
"""How every entry of a renderer with ``format="html"`` starts."""


def clean_markup(fragment: str) -> str:
    """*fragment* with only :data:`ALLOWED_MARKUP` kept as tags, everything else escaped."""
    cleaner = _MarkupCleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return "".join(cleaner.parts)


class _MarkupCleaner(HTMLParser):
    """Re-emits an HTML fragment: allowed tags rebuilt, all text and other tags escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_MARKUP:
            self.parts.append(escape(self.get_starttag_text() or f"<{tag}>"))
            return
        kept = "".join(
            f' {name}="{escape(value)}"'
            for name, value in attrs
            if name in ALLOWED_MARKUP[tag] and value is not None and _safe(name, value)
        )
        self.parts.append(f"<{tag}{kept}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_MARKUP:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>" if tag in ALLOWED_MARKUP else escape(f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        self.parts.append(escape(data))

    def unknown_decl(self, data: str) -> None:
        self.parts.append(escape(f"<![{data}]]>"))

    def handle_comment(self, data: str) -> None:
        self.parts.append(escape(f"<!--{data}-->"))

    def handle_decl(self, decl: str) -> None:
        self.parts.append(escape(f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.parts.append(escape(f"<?{data}>"))


def _safe(name: str, value: str) -> bool:
    if name == "href":
        return value.strip().lower().startswith(_SAFE_LINK_SCHEMES)
    if name == "style":
        return value.replace(" ", "").rstrip(";") in {
            "font-variant:small-caps",
            "font-style:normal",
            "font-weight:normal",
            "font-variant:normal",
            "text-decoration:underline",
        }
    return value in _CSL_CLASSES


_CSL_CLASSES: Final = frozenset(
    {"nocase", "csl-entry", "csl-left-margin", "csl-right-inline", "csl-indent", "csl-block"}
)


def _display_order(record: Record) -> list[tuple[str, object]]:
    """The record's variables as a reader scans them: title, names, dates, then the rest."""
    title = [("title", record.text["title"])] if "title" in record.text else []
    rest = [(name, value) for name, value in record.text.items() if name != "title"]
    return [*title, *record.names.items(), *record.dates.items(), *rest, *record.numbers.items()]


def _row(label: str, value: str, css_class: str | None = None) -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<tr{attribute}><th>{escape(label)}</th><td>{escape(value)}</td></tr>"


def _wide_row(label: str, value: str, css_class: str | None = None) -> str:
    """A row of the records table: *label*, then *value* across the other four columns."""
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<tr{attribute}><th>{escape(label)}</th><td colspan="4">{escape(value)}</td></tr>'


def _value_text(value: object) -> str:
    if isinstance(value, Date):
        return date_text(value)
    if isinstance(value, tuple):
        return "; ".join(str(name) for name in value if isinstance(name, Name))
    return str(value)


def date_text(date: Date) -> str:
    """A short display of *date*: ISO-like parts (``2017-02``, ``2017/2018``) or its text.

    >>> date_text(Date.of(2017, 2))
    '2017-02'
    >>> date_text(Date(parts=((2017,), (2018,)), circa=True))
    'ca. 2017/2018'
    """
    if date.parts:
        text = "/".join("-".join(f"{number:02d}" for number in part) for part in date.parts)
    else:
        text = date.literal or date.raw or ""
    if date.season is not None:
        text += f" (season {date.season})"
    return f"ca. {text}" if date.circa else text
