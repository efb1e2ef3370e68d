"""RIS, the tagged format of Citavi, EndNote and Zotero: reader and writer.

citeform reads RIS line by line itself rather than through rispy: it needs
the line of each record for error messages, and every repeated tag kept (rispy
keeps only the first value of a tag it does not expect to repeat).

Writing puts each CSL variable into its tag; one without a tag goes to a line
``M2  - <variable>: <value>`` that reading maps back (see ``docs/reference/round-trip.md``).
Control characters are never written.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from citeform import vocab
from citeform.coverage import RENDERING_VARIABLES, Coverage, drop_controls
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError
from citeform.model import Date, Name, Origin, Record, Unmapped
from citeform.registry import Format
from citeform.ris import tables
from citeform.sources import Source

NAME = "ris"
_TAG_LINE = re.compile(r"([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|\s*)$")
_RIS_DATE = re.compile(r"(\d{1,4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/(.*))?)?)?")
_ISSN = re.compile(r"\d{4}-?\d{3}[\dXx]")
_LINE_BREAK = re.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+")
_RANGE = re.compile(r"[-\u2013]")


def sniff(source: Source) -> bool:
    """A ``TY  - `` line near the start."""
    return bool(re.search(r"^\s*TY\s{1,2}- ", source.head()[:2048], re.MULTILINE))


# --- reading ---------------------------------------------------------------------------

Tagged = list[tuple[str, str, int]]
_Lines = list[tuple[str, list[str], int]]
"""A record's tag lines as read: tag, the value's non-empty lines, line number."""


def _records(text: str) -> Iterator[Tagged]:
    """The tag lines of each record (``TY`` to ``ER``), with continuation lines joined."""
    current: _Lines | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _TAG_LINE.match(line.rstrip())
        if match is None:
            if current and line.strip():
                current[-1][1].append(line.strip())
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if current:
                yield _joined(current)
            current = [(tag, [value] if value else [], number)]
        elif tag == "ER":
            if current:
                yield _joined(current)
            current = None
        elif current is not None:
            current.append((tag, [value] if value else [], number))
    if current:
        yield _joined(current)


def _joined(lines: _Lines) -> Tagged:
    return [(tag, " ".join(parts), number) for tag, parts, number in lines]


def read_name(text: str) -> Name:
    """``Last, First, Suffix`` -> a name; text without a comma is a corporate body.

    RIS has no particle field: "van der Berg, Jan" keeps "van der Berg" as the family.
    """
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1:
        return Name.corporate(text.strip())
    return Name(
        family=parts[0] or None,
        given=parts[1] or None,
        suffix=", ".join(parts[2:]) or None,
    )


def _date(text: str) -> Date:
    """``2017/02/14/`` (RIS), ``2017`` or an EDTF date; anything else kept as written."""
    match = _RIS_DATE.fullmatch(text.strip())
    if match and not (match.group(4) or "").strip():
        numbers = [int(group) for group in match.groups()[:3] if group]
        if 0 in numbers:
            numbers = numbers[: numbers.index(0)]
        if numbers:
            with contextlib.suppress(BadRecordError):
                return Date.of(*numbers)
    return Date.from_edtf(text)


class _RecordReader:
    def __init__(self, tagged: Tagged, origin: Origin) -> None:
        self.tagged = tagged
        self.origin = origin
        self.variables: dict[str, Any] = {}
        self.unmapped: list[Unmapped] = []
        self.citation: str | None = None
        self.record_id: str | None = None
        self.keywords: list[str] = []
        self.ris_type = ""

    def keep(self, tag: str, value: str, line: int) -> None:
        self.unmapped.append(Unmapped(tag, value, position=f"line {line}"))

    def put(self, variable: str, value: Any, tag: str, line: int, raw: str = "") -> None:
        if variable in self.variables:
            self.keep(tag, raw or value, line)
        else:
            self.variables[variable] = value

    def tag(self, tag: str, value: str, line: int) -> None:  # noqa: C901, PLR0912 - one branch per tag
        if not value:
            return
        if tag in tables.NAME_TAGS:
            self.variables.setdefault(tables.NAME_TAGS[tag], []).append(read_name(value))
        elif tag == "ID" and self.record_id is None:
            self.record_id = value
        elif tag in {"PY", "Y1", "DA"}:
            self.issued(tag, value, line)
        elif tag == "Y2":
            self.put("accessed", _date(value), tag, line, value)
        elif tag == "SP":
            self.put("page", value, tag, line)
        elif tag == "EP":
            start = self.variables.get("page")
            if start and not _RANGE.search(start):
                self.variables["page"] = f"{start}-{value}"
            else:
                self.keep(tag, value, line)
        elif tag == "SN":
            self.put("ISSN" if _ISSN.fullmatch(value) else "ISBN", value, tag, line)
        elif tag == "KW":
            self.variables.setdefault("keyword", self.keywords)
            self.keywords.append(value)
        elif tag == "N1" and value.startswith(tables.CITATION_PREFIX) and self.citation is None:
            self.citation = value.removeprefix(tables.CITATION_PREFIX)
        elif tag in {"N1", "M1"}:
            self.put("note" if tag == "N1" else "number", value, tag, line)
        elif tag in tables.TEXT_TAGS:
            self.put(tables.TEXT_TAGS[tag], value, tag, line)
        else:
            self.other(tag, value, line)

    def other(self, tag: str, value: str, line: int) -> None:
        """A tag whose meaning depends on the type, an ``M2`` line, or a tag kept unmapped."""
        variable = tables.TYPE_TAGS.get((self.ris_type, tag))
        if variable is not None:
            self.put(variable, value, tag, line)
        elif tag == tables.EXTRA_TAG:
            self.extra_line(value, line)
        else:
            self.keep(tag, value, line)

    def extra_line(self, value: str, line: int) -> None:
        """An ``M2  - <variable>: <value>`` line; other ``M2`` lines are kept unmapped."""
        variable, separator, text = value.partition(": ")
        kind = vocab.KIND_OF.get(variable)
        if not separator or kind is None or not text.strip():
            self.keep(tables.EXTRA_TAG, value, line)
        elif kind == "name":
            self.variables[variable] = (*self.variables.get(variable, ()), read_name(text))
        else:
            self.put(variable, _date(text) if kind == "date" else text, tables.EXTRA_TAG, line)

    def issued(self, tag: str, value: str, line: int) -> None:
        """``PY`` (year) and ``DA`` (full date): the fuller of the two when they agree."""
        date = _date(value)
        known: Date | None = self.variables.get("issued")
        if known is not None and known.parts[:1] == ((date.year,),) and date.year is not None:
            self.variables["issued"] = date
        elif known is not None and known.year == date.year and date.year is not None:
            return
        else:
            self.put("issued", date, tag, line, value)

    def record(self) -> Record:
        _, ris_type, type_line = self.tagged[0]
        self.ris_type = ris_type.upper()
        csl_type = tables.TYPE_TO_CSL.get(ris_type.upper())
        if csl_type is None:
            self.keep("TY", ris_type, type_line)
        for tag, value, line in self.tagged[1:]:
            self.tag(tag, value, line)
        if self.keywords:
            self.variables["keyword"] = ", ".join(self.keywords)
        return Record.build(
            csl_type or "document",
            self.variables,
            id=self.record_id,
            citation=self.citation,
            unmapped=self.unmapped,
            origin=self.origin,
        )


def read(source: Source) -> Iterator[Record | CiteformError]:
    """Yield one record per RIS record; a record that cannot be built yields its error."""
    found = False
    for tagged in _records(source.text()):
        found = True
        position = f"line {tagged[0][2]}"
        try:
            yield _RecordReader(tagged, Origin(NAME, source.name, position)).record()
        except BadRecordError as error:
            yield error.located(source=source.name, position=position)
    if not found and source.text().strip():
        raise UnreadableInputError("no RIS record (a 'TY  - ' line) found", source=source.name)


# --- writing ---------------------------------------------------------------------------


def write_name(name: Name) -> str:
    """A name as ``Last, First, Suffix`` (a corporate body as it is)."""
    if name.literal is not None or not name.family:
        return str(name)
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    given = " ".join(part for part in (name.given, name.dropping_particle) if part)
    return ", ".join(part for part in (family, given, name.suffix) if part is not None)


def _ris_date(date: Date) -> str:
    """``2017/02/14/`` when RIS can say it, else EDTF or the date's text."""
    if (
        len(date.parts) == 1
        and not date.circa
        and (len(date.parts[0]) < 2 or date.parts[0][1] <= 12)
    ):
        year, *rest = date.parts[0]
        return "/".join([f"{year:04d}", *(f"{n:02d}" for n in rest)]) + "/" * (3 - len(rest))
    if date.parts:
        ends = [
            "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(p))
            for p in date.parts
        ]
        return "/".join(ends) + ("~" if date.circa else "")
    return date.literal or date.raw or ""


def _pages(page: str) -> Iterator[tuple[str, str]]:
    """``SP``/``EP`` for a simple range, else the whole value in ``SP``."""
    first, dash, last = page.partition("-")
    if dash and first.strip().isalnum() and last.strip().isalnum():
        yield "SP", first.strip()
        yield "EP", last.strip()
    else:
        yield "SP", page


def _standard_number(variable: str, value: str) -> bool:
    """Whether ``SN`` reads *value* back as *variable* (an ISSN is told by its shape)."""
    return bool(_ISSN.fullmatch(value)) == (variable == "ISSN")


class _RecordWriter:
    """The tag lines of one record, and which variables they carry how."""

    def __init__(self, record: Record, *, citation: bool) -> None:
        self.record = record
        self.ris_type = tables.CSL_TO_TYPE.get(record.type or "", "GEN")
        self.lines: list[tuple[str, str]] = [("TY", self.ris_type)]
        self.native: set[str] = set()
        self.extra: list[str] = []
        self.lost: list[str] = []
        if record.id is not None:
            self.lines.append(("ID", str(record.id)))
        self.write_native()
        self.write_extra()
        if citation and record.citation is not None:
            self.lines.append(("N1", tables.CITATION_PREFIX + record.citation))

    def put(self, variable: str, lines: Iterable[tuple[str, str]]) -> None:
        """Add the *lines* that carry *variable*; one left blank is not written."""
        written = [(tag, _clean(value)) for tag, value in lines if _clean(value).strip()]
        self.lines.extend(written)
        if written:
            self.native.add(variable)

    def write_native(self) -> None:
        record = self.record
        for variable, tag in tables.NAMES_OUT.items():
            names = record.names.get(variable, ())
            if all(map(_fits, names)):
                self.put(variable, ((tag, write_name(name)) for name in names))
        issued = record.dates.get("issued")
        if issued is not None:
            year = (
                [("PY", f"{issued.parts[0][0]:04d}")]
                if issued.parts and not issued.is_range
                else []
            )
            self.put("issued", [*year, ("DA", _ris_date(issued))])
        if "accessed" in record.dates:
            self.put("accessed", [("Y2", _ris_date(record.dates["accessed"]))])
        self.write_tags()

    def write_tags(self) -> None:
        record = self.record
        page = record.get("page")
        if page is not None:
            self.put("page", _pages(str(page)))
        for variable in ("ISBN", "ISSN"):
            if variable in record.text and _standard_number(variable, record.text[variable]):
                self.put(variable, [("SN", record.text[variable])])
        keywords = [word.strip() for word in record.text.get("keyword", "").split(",")]
        if any(keywords):
            self.put("keyword", (("KW", word) for word in keywords if word))
        for variable, value in {**record.text, **record.numbers}.items():
            if variable in tables.TAGS_OUT:
                self.put(variable, [(tables.TAGS_OUT[variable], str(value))])
        for (ris_type, tag), variable in tables.TYPE_TAGS.items():
            if ris_type == self.ris_type and variable in record.text:
                self.put(variable, [(tag, record.text[variable])])

    def write_extra(self) -> None:
        """Each variable without a tag of its own as ``M2  - <variable>: <value>``."""
        for variable, value in self.record.variables.items():
            if variable in self.native:
                continue
            if variable in RENDERING_VARIABLES:
                self.lost.append(variable)
                continue
            if isinstance(value, tuple):  # a name that would read back otherwise is left out
                texts = [_clean(write_name(name)) for name in value if _fits(name)]
            else:
                texts = [_clean(_ris_date(value) if isinstance(value, Date) else str(value))]
            texts = [text for text in texts if text.strip()]
            self.lines.extend((tables.EXTRA_TAG, f"{variable}: {text}") for text in texts)
            carried = texts and all(map(_fits, value if isinstance(value, tuple) else ()))
            (self.extra if carried else self.lost).append(variable)

    def coverage(self) -> Coverage:
        native = tuple(name for name in self.record.variables if name in self.native)
        return Coverage(native=native, extra=tuple(self.extra), lost=tuple(self.lost))


def _fits(name: Name) -> bool:
    """Whether ``Last, First, Suffix`` reads back as *name* (a comma only in the suffix)."""
    parts = (name.literal, name.family, name.given, name.dropping_particle)
    return not any("," in part for part in (*parts, name.non_dropping_particle) if part)


def _clean(value: str) -> str:
    """A value for a tag line: line breaks become spaces, control characters are dropped."""
    return drop_controls(_LINE_BREAK.sub(" ", value))


def write(records: Sequence[Record], *, citation: bool = True) -> str:
    """Records as RIS; with *citation*, a Zitierform is a note ``N1  - Zitierform: …``."""
    return "".join(write_pieces(records, citation=citation))


def write_pieces(records: Iterable[Record], *, citation: bool = True) -> Iterator[str]:
    """:func:`write`, one record at a time; a blank line between records, a newline at the end."""
    separator = ""
    for record in records:
        writer = _RecordWriter(record, citation=citation)
        lines = [f"{tag}  - {_clean(value)}" for tag, value in writer.lines]
        yield separator + "\n".join([*lines, "ER  - "])
        separator = "\n\n"
    if separator:
        yield "\n"


def coverage(record: Record) -> Coverage:
    """What RIS carries of *record*: in tags, in ``M2`` lines, or not at all."""
    return _RecordWriter(record, citation=False).coverage()


FORMATS = (
    Format(
        name=NAME,
        description="RIS (Citavi, EndNote, Zotero)",
        read=read,
        write=write,
        write_pieces=write_pieces,
        sniff=sniff,
        suffixes=(".ris",),
        coverage=coverage,
    ),
)
