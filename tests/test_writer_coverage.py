"""Every writer either carries a variable (read back the same) or reports it as not carried."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from strategies import bib_dates, bib_names, bib_text, numbers

from citeform import vocab
from citeform.cli import main
from citeform.coverage import RENDERING_VARIABLES, Coverage, drop_controls
from citeform.formats.dspace_csv import cell
from citeform.io import read, write
from citeform.model import Date, Name, Record
from citeform.registry import get_format, list_formats

WRITERS = sorted(fmt.name for fmt in list_formats() if fmt.coverage is not None)

SHAPED: dict[str, st.SearchStrategy[Any]] = {
    "DOI": st.from_regex(r"10\.[0-9]{4,5}/[A-Za-z0-9._;()/:-]{1,20}", fullmatch=True),
    "URL": st.from_regex(r"https://example\.org/[A-Za-z0-9._~/-]{0,20}", fullmatch=True),
    "ISBN": st.from_regex(r"97[89][0-9]{10}", fullmatch=True),
    "ISSN": st.from_regex(r"[0-9]{4}-[0-9]{3}[0-9X]", fullmatch=True),
    "language": st.sampled_from(["de", "en-US", "fr", "x-klingon"]),
    "keyword": bib_text.filter(lambda text: "," not in text),
    "page": st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 999), st.integers(0, 99)),
}
"""Variables whose values the formats keep only in their usual shape."""

VARIABLES = sorted(set(vocab.KIND_OF) - {"journalAbbreviation", "shortTitle"})
"""Every CSL variable but the schema's two legacy spellings."""


def values(variable: str) -> st.SearchStrategy[Any]:
    kind = vocab.KIND_OF[variable]
    if variable in SHAPED:
        return SHAPED[variable]
    if kind == "name":  # corporate bodies with commas too ("Acme, Inc.")
        names = bib_names() | st.builds(Name.corporate, bib_text)
        return st.lists(names, min_size=1, max_size=3).map(tuple)
    if kind == "date":
        return bib_dates()
    return numbers if kind == "number" else bib_text


@st.composite
def any_records(draw: st.DrawFn) -> Record:
    """A record with any subset of the CSL variables (a title always)."""
    chosen = draw(st.lists(st.sampled_from(VARIABLES), max_size=12, unique=True))
    variables = {variable: draw(values(variable)) for variable in {"title", *chosen}}
    item_type = draw(st.sampled_from(sorted(vocab.ITEM_TYPES)))
    return Record.build(item_type, variables, id=draw(st.sampled_from(["a", "b1", "key:x"])))


def _text(value: Any) -> str:
    return unicodedata.normalize("NFC", " ".join(drop_controls(str(value)).split()))


def comparable(variable: str, value: Any) -> Any:
    """*value* as every format keeps it: whitespace squashed, NFC, no control characters,
    names in display order."""
    if isinstance(value, Date):
        return (value.parts, bool(value.circa), value.literal or value.raw)
    if isinstance(value, tuple):
        return tuple(_text(name) for name in value if isinstance(name, Name))
    if variable == "language":
        return None  # language tags pass through babel names: only presence is compared
    if variable in {"URL", "DOI"}:  # .bib files percent-encode what TeX would read
        return _text(unquote(str(value)))
    return _text(value).replace("\u2013", "-")


def trip(record: Record, writer: str) -> Record:
    back = read(write([record], writer), writer)
    assert not back.errors, [str(error) for error in back.errors]
    (again,) = back
    return again


def check_trip(record: Record, writer: str) -> None:
    """The contract: each variable read back the same or reported; none invented."""
    coverer = get_format(writer).coverage
    assert coverer is not None
    coverage = coverer(record)
    assert sorted((*coverage.native, *coverage.extra, *coverage.lost)) == sorted(record.variables)
    again = trip(record, writer)
    for variable, value in record.variables.items():
        if variable in coverage.lost:
            continue
        assert variable in again.variables, f"{variable} neither carried nor reported"
        assert comparable(variable, again.get(variable)) == comparable(variable, value), variable
    implied = {"genre"} if record.type == "thesis" else set()  # a thesis entry type says it
    invented = set(again.variables) - set(record.variables) - implied
    assert not invented, f"read back but never written: {sorted(invented)}"


@pytest.mark.parametrize("writer", WRITERS)
@settings(max_examples=examples(80), deadline=None)
@given(record=any_records())
def test_every_variable_is_carried_or_reported_and_none_invented(writer, record):
    check_trip(record, writer)


def test_only_rendering_variables_are_lost():
    """What no file format but CSL-JSON holds: what a processor sets for one citation."""
    record = Record.build(
        "paper-conference",
        {
            variable: "12" if vocab.KIND_OF[variable] == "number" else "x"
            for variable in RENDERING_VARIABLES
        },
    )
    for writer in WRITERS:
        lost = set(get_format(writer).coverage(record).lost)
        assert lost == (set() if writer == "csl-json" else RENDERING_VARIABLES), writer


def test_a_conference_keeps_its_event_and_the_archive_its_name():
    record = Record.build(
        "paper-conference",
        {
            "title": "Talk",
            "event-title": "Fachkonferenz",
            "event-place": "Köln",
            "event-date": "2017-02-14",
            "archive": "ZLB",
        },
    )
    for writer in WRITERS:
        again = trip(record, writer)
        for variable in ("event-title", "event-place", "event-date", "archive"):
            assert again.get(variable) == record.get(variable), (writer, variable)
        assert again.get("call-number") is None, writer


# --- the round-trip table in the docs ---------------------------------------------------

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "round-trip.md"
TABLE_START = "% The table below is generated: python tests/test_writer_coverage.py\n"
TABLE_END = "\n% End of the generated table.\n"
CELL = {"native": "field", "extra": "extra", "lost": "**not carried**"}
SAMPLE: dict[vocab.Kind, Any] = {
    "text": "x",
    "number": "12",
    "date": Date.of(2017, 2, 14),
    "name": (Name(family="Doe", given="Jane"),),
}
SHAPED_SAMPLE = {"ISSN": "0340-5443", "ISBN": "9783161484100", "DOI": "10.1000/1"}


def _sample(variable: str) -> Any:
    return SHAPED_SAMPLE.get(variable, SAMPLE[vocab.KIND_OF[variable]])


def _coverage(writer: str, item_type: str, variables: tuple[str, ...]) -> Coverage:
    coverer = get_format(writer).coverage
    assert coverer is not None
    return coverer(Record.build(item_type, {name: _sample(name) for name in variables}))


_full_coverage = functools.cache(_coverage)


def _how(writer: str, variable: str) -> str:
    """How *writer* carries *variable*: alone and in a full record, in every item type."""
    found = set()
    for item_type in sorted(vocab.ITEM_TYPES):
        for coverage in (
            _coverage(writer, item_type, (variable,)),
            _full_coverage(writer, item_type, tuple(VARIABLES)),
        ):
            found |= {how for how in CELL if variable in getattr(coverage, how)}
    return " or ".join(CELL[how] for how in CELL if how in found)


def round_trip_table() -> str:
    """The Markdown table: one row per CSL variable, one column per writer."""
    rows = [
        "| variable | " + " | ".join(WRITERS) + " |",
        "|---" * (len(WRITERS) + 1) + "|",
    ]
    for variable in VARIABLES:
        cells = [_how(writer, variable) for writer in WRITERS]
        rows.append(f"| `{variable}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def page_with_table(page: str) -> str:
    head, _, rest = page.partition(TABLE_START)
    _, _, tail = rest.partition(TABLE_END)
    return f"{head}{TABLE_START}\n{round_trip_table()}\n{TABLE_END}{tail}"


def test_the_docs_table_is_current():
    page = PAGE.read_text("utf-8")
    assert TABLE_START in page
    assert TABLE_END in page
    assert page == page_with_table(page), "stale table: run python tests/test_writer_coverage.py"


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("item_type", ["article-journal", "book", "paper-conference", "thesis"])
def test_a_record_with_every_variable_comes_back_whole(writer, item_type):
    """All but the rendering variables, which the file formats report as not carried."""
    record = Record.build(item_type, {name: _sample(name) for name in VARIABLES})
    again = trip(record, writer)
    expected = set(VARIABLES) - (set() if writer == "csl-json" else RENDERING_VARIABLES)
    assert {name for name in VARIABLES if again.get(name) == record.get(name)} == expected


# --- control characters -----------------------------------------------------------------

CONTROLS = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]))
WRITTEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""A control character other than tab and line breaks, which .bib and RIS read as spaces."""

text_with_controls = st.text(
    alphabet=st.sampled_from(CONTROLS) | st.sampled_from("aé =+-@{}\\%"), min_size=1, max_size=20
)


@pytest.mark.parametrize("writer", ["bibtex", "biblatex", "ris"])
@settings(max_examples=examples(60), deadline=None)
@given(text=text_with_controls)
def test_no_control_character_is_written(writer, text):
    record = Record.build(
        "article-journal",
        {
            "title": text,
            "note": text,
            "URL": text,
            "event-title": text,
            "author": [Name(family="Doe" + text)],
        },
        id="a" + text,
    )
    written = write([record], writer)
    assert not WRITTEN_CONTROL.search(written)
    if writer == "ris":
        assert all(line[:2].isupper() for line in written.splitlines() if line)
    check_trip(record, writer)


def test_a_spreadsheet_cell_holds_no_control_character():
    assert cell("\x00=HYPERLINK()").lstrip("'") == "=HYPERLINK()"
    assert not WRITTEN_CONTROL.search(cell("a\x00b\x1b[31mc\x85d\x7f"))
    assert cell("a\x00b\x1b[31mc\x85d\x7f") == "ab[31mc d"  # next line: a space


# --- the report of citeform convert -----------------------------------------------------


def test_convert_report_names_what_the_writer_keeps_aside_or_cannot_carry(tmp_path, capsys):
    source = tmp_path / "talk.json"
    source.write_text(
        '[{"id": "t", "type": "paper-conference", "title": "Talk",'
        ' "event-title": "Tagung", "year-suffix": "a", "x-local": 1}]',
        encoding="utf-8",
    )
    assert main(["convert", str(source), "--to", "ris", "--report"]) == 0
    report = capsys.readouterr().err.splitlines()
    where = f"{source}:item 1 (id 't')"
    assert report == [
        f"{where}: unmapped x-local = 1",
        f"{where}: in ris's extra field: event-title",
        f"{where}: not carried by ris: year-suffix",
    ]


@pytest.mark.parametrize("target", ["dspace-csv", "dspace-patch"])
def test_convert_report_is_silent_about_writers_of_one_field(tmp_path, capsys, target):
    """The DSpace writers write a record's Zitierform only: no variable is theirs to carry."""
    assert get_format(target).coverage is None
    source = tmp_path / "cited.json"
    source.write_text(
        '[{"id": "c", "type": "book", "title": "T", "locator": "3",'
        ' "custom": {"dspace_citation": "T."}}]',
        encoding="utf-8",
    )
    main(["convert", str(source), "--to", target, "-o", str(tmp_path / "out"), "--report"])
    assert capsys.readouterr().err.splitlines() == [f"{source}:item 1 (id 'c'): all fields mapped"]


if __name__ == "__main__":
    PAGE.write_text(page_with_table(PAGE.read_text("utf-8")), "utf-8")
