"""What the hostile-input tests and the fuzz script share.

* :func:`check_outcome` runs a reader and asserts the one contract every reader keeps:
  a list of records (with per-record errors) or a ``CiteformError``, never anything else,
  never a hang.
* :data:`TEMPLATES` holds a small valid input per format, written here, with a ``{title}``
  slot, so that tests can put hostile values where a reader will look at them.
* :func:`valid_samples` gives valid inputs per format to mutate: the templates and, when
  ``../shared`` is present, its files (read in place, never copied).
"""

from __future__ import annotations

import contextlib
import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import citeform
from citeform.errors import CiteformError
from citeform.sources import Source

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

HANG_SECONDS = 60
"""A reader taking longer than this on one small input is taken to hang (generous on purpose)."""


class ReaderHangError(AssertionError):
    """A reader did not return within :data:`HANG_SECONDS`."""


@contextlib.contextmanager
def hang_alarm(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail with :class:`ReaderHangError` when the block runs longer than *seconds*."""

    def _raise(_signum: int, _frame: object) -> None:
        raise ReaderHangError(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def readable_formats() -> list[str]:
    """Names of all registered formats that can read."""
    return [fmt.name for fmt in citeform.list_formats() if fmt.read is not None]


def writable_formats() -> list[str]:
    """Names of all registered formats that can write."""
    return [fmt.name for fmt in citeform.list_formats() if fmt.write is not None]


def is_registered(name: str) -> bool:
    """Whether a format called *name* is registered (yet)."""
    return any(fmt.name == name for fmt in citeform.list_formats())


KNOWN_BUGS: dict[str, tuple[type[BaseException], str]] = {}
"""Exceptions of bugs already reproduced in ``test_hostile_found.py``: the fuzzer passes
over them (``tolerate_known=True``) so that it keeps looking for new ones."""


def is_known_bug(error: BaseException) -> bool:
    """Whether *error* is one of :data:`KNOWN_BUGS`."""
    return any(isinstance(error, kind) and text in str(error) for kind, text in KNOWN_BUGS.values())


def check_outcome(
    content: bytes | str, format_name: str | None, *, tolerate_known: bool = False
) -> citeform.Records | None:
    """Read *content* as *format_name* (``None``: detect) and check the reader's contract.

    Returns the records, or ``None`` when the whole input was refused with a
    ``CiteformError`` (or, with *tolerate_known*, hit a bug of :data:`KNOWN_BUGS`).
    Any other exception propagates: that is the bug being looked for.
    """
    name = "<fuzz>"
    source = (
        Source(name, data=content) if isinstance(content, bytes) else Source(name, text=content)
    )
    with hang_alarm():
        try:
            records = citeform.read(source, format_name)
        except CiteformError as error:
            message = str(error)
            assert message, "an error must say what went wrong"
            return None
        except Exception as error:
            if tolerate_known and is_known_bug(error):
                return None
            raise
        for record in records:
            assert isinstance(record, citeform.Record), type(record)
            json.dumps(record.to_csl())  # whatever was read can be written out again
        for error in records.errors:
            assert isinstance(error, CiteformError), type(error)
            assert error.source == name, f"error without its source: {error}"
    return records


TEMPLATES: dict[str, str] = {
    "csl-json": '[{{"id": "t1", "type": "book", "title": {title_json}, '
    '"author": [{{"family": "Muster", "given": "Erika"}}], '
    '"issued": {{"date-parts": [[2017]]}}}}]',
    "dspace-json": '{{"uuid": "0b1f2c4e-1111-4222-8333-944455556666", "handle": "123/4", '
    '"metadata": {{"dc.title": [{{"value": {title_json}, "language": "de", "place": 0}}], '
    '"dc.contributor.author": [{{"value": "Muster, Erika", "place": 0}}], '
    '"dc.date.issued": [{{"value": "2017", "place": 0}}], '
    '"dc.type": [{{"value": "Article", "place": 0}}]}}}}',
    "oai-dc": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
    "  <dc:title>{title_xml}</dc:title>\n  <dc:creator>Muster, Erika</dc:creator>\n"
    "  <dc:date>2017</dc:date>\n  <dc:type>Article</dc:type>\n</oai_dc:dc>\n",
    "dim": '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">\n'
    '  <dim:field mdschema="dc" element="title" lang="de">{title_xml}</dim:field>\n'
    '  <dim:field mdschema="dc" element="contributor" qualifier="author">'
    "Muster, Erika</dim:field>\n"
    '  <dim:field mdschema="dc" element="date" qualifier="issued">2017</dim:field>\n'
    '  <dim:field mdschema="dc" element="type">Article</dim:field>\n</dim:dim>\n',
    "dspace-page": "{title_line}\n\nMuster, Erika\n\nDatum\n\n2017\n\nVerlag\n\nBeispielverlag\n",
    "dspace-csv": "id,collection,dc.title[de],dc.contributor.author,dc.date.issued,dc.type\n"
    '0b1f2c4e-1111-4222-8333-944455556666,123/1||123/2,{title_csv},"Muster, Erika::a1::600",'
    "2017,Article\n",
    "bibtex": "@book{{t1,\n  title = {{{title_tex}}},\n  author = {{Muster, Erika}},\n"
    "  year = {{2017}},\n  publisher = {{Beispielverlag}},\n}}\n",
    "biblatex": "@book{{t1,\n  title = {{{title_tex}}},\n  author = {{Muster, Erika}},\n"
    "  date = {{2017}},\n  publisher = {{Beispielverlag}},\n}}\n",
    "ris": "TY  - BOOK\nTI  - {title_line}\nAU  - Muster, Erika\nPY  - 2017\n"
    "PB  - Beispielverlag\nER  - \n",
}
"""A small valid record per format; fill it with :func:`fill_template`."""


def fill_template(format_name: str, title: str) -> str:
    """The template of *format_name* with *title* in its title field, quoted for the format."""
    xml = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return TEMPLATES[format_name].format(
        title_json=json.dumps(title),
        title_xml=xml,
        title_tex=title,
        title_line=" ".join(title.split()),
        title_csv='"' + title.replace('"', '""') + '"',
    )


_SHARED_SAMPLES: dict[str, tuple[str, ...]] = {
    "csl-json": ("conformance/reference/items.json", "corpus/citationjs-core-test-data.json"),
    "dspace-json": (
        "dspace/rest-item.restcontract-items-md.json",
        "dspace/rest-item-publication.dspace-angular-mock.json",
        "dspace/rest-items-dspace6-list-format.dspace-angular-mockbackend.json",
    ),
    "oai-dc": (
        "dspace/oai_dc.generated-by-dspace-oai_dc.xsl.demo-10673-4.xml",
        "dspace/oai_dc-GetRecord-fragment.demo.dspace.org-10673-4.xoai-test.xml",
        "dspace/oai_dc-ListRecords.helda.helsinki.fi-1975-7634.ckanext-oaipmh-test.xml",
    ),
    "dim": (
        "dspace/dim.generated-by-dspace-dim.xsl.demo-10673-4.xml",
        "dspace/oai-dim-in-mets.aquadocs-1834-20117.zotero-test.xml",
    ),
    "dspace-page": ("seeds/000_6df366672ca69de5.txt",),
    "bibtex": ("corpus/pybtex-tests/xampl.bib",),
    "biblatex": ("corpus/biblatex-examples.bib",),
}
"""Valid files in ``../shared`` per reader (of a .bib file, only its first few entries)."""


def _bib_head(text: str, entries: int = 6) -> str:
    """The first few entries of a .bib file, so that a mutated sample stays small."""
    parts = text.split("\n@")
    return "\n@".join(parts[: entries + 1])


def valid_samples(format_name: str | None) -> list[bytes]:
    """Valid inputs for *format_name* (all formats' samples for ``None`` or an unknown name)."""
    names = [format_name] if format_name in TEMPLATES else list(TEMPLATES)
    samples = [
        fill_template(name, "Beispiele aus Städten: eine Übersicht").encode() for name in names
    ]
    for name in names:
        for relative in _SHARED_SAMPLES.get(name, ()):
            path = SHARED / relative
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                samples.append((_bib_head(text) if path.suffix == ".bib" else text).encode())
    return samples


def garbage_inputs() -> dict[str, bytes]:
    """Inputs that are nothing in particular, for the CLI and detection."""
    return {
        "empty": b"",
        "whitespace": b" \n\t\n",
        "nul-bytes": b"\x00" * 64,
        "binary": bytes(range(256)) * 4,
        "invalid-utf8": b"title \xff\xfe \xc3\x28 \xed\xa0\x80",
        "utf16": '[{"id": "a"}]'.encode("utf-16"),
        "png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32,
        "half-json": b'[{"id": "a", "title": "x"',
        "half-xml": b'<?xml version="1.0"?><oai_dc:dc xmlns:oai_dc="x"><dc:title>',
        "half-bib": b"@article{key,\n  title = {unclosed",
        "half-ris": b"TY  - JOUR\nTI  - no end\n",
        "html": b"<html><body><h1>Not a record</h1></body></html>",
        "json-scalar": b"42",
        "json-null": b"null",
    }


def content_of(records: Any) -> str:
    """All text of *records* as one string (CSL-JSON), to look for leaked content."""
    return json.dumps([record.to_csl() for record in records], ensure_ascii=False)


TOKENS = [
    b"<",
    b">",
    b"&",
    b"&lol;",
    b"<!--",
    b"]]>",
    b"<![CDATA[",
    b'"',
    b"'",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\\",
    b"\n",
    b"\r",
    b"\x00",
    b"\xff",
    b"\xc3",
    "\u2028".encode(),
    b"@",
    b"@article{",
    b"TY  - ",
    b"ER  - ",
    b"null",
    b"1e999",
    b"-1",
    b"99999999999999999999",
    b"=",
    b"%",
    b"#",
]
"""Bytes that mean something to one of the formats, inserted by the mutator."""


@st.composite
def mutated(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    """A valid sample with a few byte-level edits: cut, insert, replace, repeat, truncate."""
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 64)))
        edit = draw(st.sampled_from(["cut", "insert", "token", "replace", "repeat", "truncate"]))
        if edit == "cut":
            del data[start:end]
        elif edit == "insert":
            data[start:start] = draw(st.binary(min_size=1, max_size=16))
        elif edit == "token":
            data[start:start] = draw(st.sampled_from(TOKENS))
        elif edit == "replace":
            data[start:end] = draw(st.sampled_from(TOKENS))
        elif edit == "repeat":
            data[start:start] = data[start:end] * draw(st.integers(2, 8))
        else:
            del data[start:]
    return bytes(data)
