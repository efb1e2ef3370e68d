"""Hostile XML against every XML reader and against format detection.

Entity expansion (billion laughs, quadratic blow-up), external entities and DTDs
(file:// and http://), parameter entities, XInclude, schema locations, style-sheet
instructions and deep nesting. A reader must refuse what carries a DTD or nests too
deep with a ``CiteformError``, and never open a file or a connection it was pointed at.

"Never opened" is checked without timing: the files are named pipes (opening one for
reading blocks until a writer comes, which the tripwire notices and records) and the
URLs point at a local listening socket (a connection is recorded).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Self

import pytest
from hostile_support import (
    check_outcome,
    content_of,
    is_registered,
    readable_formats,
)

XML_READERS = ("oai-dc", "dim")
SECRET = "TOP-SECRET-3f9a1c"  # noqa: S105 - a marker to look for, not a password


class Tripwire:
    """Named pipes and a local socket that record any attempt to open or connect to them."""

    def __init__(self, directory: Path) -> None:
        """Create the pipes and the listening socket in *directory*."""
        self.fifo = directory / "entity.fifo"
        os.mkfifo(self.fifo)
        self.secret_file = directory / "secret.txt"
        self.secret_file.write_text(SECRET, encoding="utf-8")
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/entity"
        self.tripped: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Self:
        """Start watching."""
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stop watching (after a last look) and close the socket."""
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()
            self._look()
            self.listener.close()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._look()

    def _look(self) -> None:
        try:  # succeeds only when someone has the pipe open for reading
            descriptor = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            pass
        else:
            self.tripped.append(f"opened {self.fifo}")
            os.close(descriptor)  # the reader sees end of file and goes on
        try:
            connection, _ = self.listener.accept()
        except OSError:
            return
        self.tripped.append(f"connected to {self.url}")
        connection.close()


@pytest.fixture
def tripwire(tmp_path: Path) -> Iterator[Tripwire]:
    with Tripwire(tmp_path) as wire:
        yield wire


def oai_dc(title: str, doctype: str = "", root_attributes: str = "", prolog: str = "") -> str:
    """An oai_dc record with *title* (raw XML) and an optional DOCTYPE."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}{doctype}\n'
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" {root_attributes}>\n'
        f"  <dc:title>{title}</dc:title>\n  <dc:creator>Muster, Erika</dc:creator>\n"
        "  <dc:date>2017</dc:date>\n  <dc:type>Article</dc:type>\n</oai_dc:dc>\n"
    )


def dim(title: str, doctype: str = "", root_attributes: str = "", prolog: str = "") -> str:
    """A dim record with *title* (raw XML) and an optional DOCTYPE."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}{doctype}\n'
        f'<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim" {root_attributes}>\n'
        f'  <dim:field mdschema="dc" element="title">{title}</dim:field>\n'
        '  <dim:field mdschema="dc" element="contributor" qualifier="author">'
        "Muster, Erika</dim:field>\n"
        '  <dim:field mdschema="dc" element="date" qualifier="issued">2017</dim:field>\n'
        "</dim:dim>\n"
    )


SHAPES: dict[str, Callable[..., str]] = {"oai-dc": oai_dc, "dim": dim}


def billion_laughs(shape: Callable[..., str], _wire: Tripwire) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return shape("&lol9;", f"<!DOCTYPE r [{''.join(entities)}]>")


def quadratic_blowup(shape: Callable[..., str], _wire: Tripwire) -> str:
    return shape("&a;" * 5000, f'<!DOCTYPE r [<!ENTITY a "{"x" * 100_000}">]>')


def external_entity_secret(shape: Callable[..., str], wire: Tripwire) -> str:
    uri = wire.secret_file.as_uri()
    return shape("&ext;", f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{uri}">]>')


def external_entity_pipe(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("&ext;", f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{wire.fifo.as_uri()}">]>')


def external_entity_http(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("&ext;", f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{wire.url}">]>')


def external_dtd_pipe(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("Titel", f'<!DOCTYPE r SYSTEM "{wire.fifo.as_uri()}">')


def external_dtd_http(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("Titel", f'<!DOCTYPE r PUBLIC "-//X//DTD X//EN" "{wire.url}">')


def parameter_entity_http(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("Titel", f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{wire.url}"> %p;]>')


def parameter_entity_pipe(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("Titel", f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{wire.fifo.as_uri()}"> %p;]>')


def deep_nesting(shape: Callable[..., str], _wire: Tripwire) -> str:
    return shape("<x>" * 100_000 + "Titel" + "</x>" * 100_000)


REFUSED = {
    "billion-laughs": billion_laughs,
    "quadratic-blowup": quadratic_blowup,
    "external-entity-secret-file": external_entity_secret,
    "external-entity-pipe": external_entity_pipe,
    "external-entity-http": external_entity_http,
    "external-dtd-pipe": external_dtd_pipe,
    "external-dtd-http": external_dtd_http,
    "parameter-entity-http": parameter_entity_http,
    "parameter-entity-pipe": parameter_entity_pipe,
    "deep-nesting": deep_nesting,
}
"""Documents a reader must refuse with a ``CiteformError`` (whole input or its one record)."""


def xinclude_pipe(shape: Callable[..., str], wire: Tripwire) -> str:
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{wire.fifo.as_uri()}" parse="text"/>'
    )
    return shape(include)


def xinclude_http(shape: Callable[..., str], wire: Tripwire) -> str:
    include = (
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{wire.url}" parse="xml"/>'
    )
    return shape(include)


def schema_location_http(shape: Callable[..., str], wire: Tripwire) -> str:
    attributes = (
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ {wire.url}"'
    )
    return shape("Titel", root_attributes=attributes)


def stylesheet_http(shape: Callable[..., str], wire: Tripwire) -> str:
    return shape("Titel", prolog=f'<?xml-stylesheet type="text/xsl" href="{wire.url}"?>\n')


NOT_FOLLOWED = {
    "xinclude-pipe": xinclude_pipe,
    "xinclude-http": xinclude_http,
    "schema-location-http": schema_location_http,
    "stylesheet-http": stylesheet_http,
}
"""Documents a reader may read, but whose references it must never follow."""


def require_reader(name: str | None) -> None:
    if name is not None and not is_registered(name):
        pytest.skip(f"format {name!r} is not registered yet")


def assert_nothing_leaked(wire: Tripwire, records: object) -> None:
    assert not wire.tripped, wire.tripped
    if records is not None:
        assert SECRET not in content_of(records)
        assert all(SECRET not in str(error) for error in records.errors)  # type: ignore[attr-defined]


@pytest.mark.parametrize("reader", [*XML_READERS, None], ids=[*XML_READERS, "detect"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("attack", sorted(REFUSED))
def test_xml_with_a_dtd_or_too_deep_is_refused(tripwire, attack, shape, reader):
    require_reader(reader)
    document = REFUSED[attack](SHAPES[shape], tripwire)
    records = check_outcome(document.encode(), reader)
    assert_nothing_leaked(tripwire, records)
    if reader is not None or is_registered(shape):
        assert records is None or (not records and records.errors), (
            f"{attack} was read as {len(records)} record(s) instead of refused"
        )


@pytest.mark.parametrize("reader", [*XML_READERS, None], ids=[*XML_READERS, "detect"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("attack", sorted(NOT_FOLLOWED))
def test_xml_references_are_never_followed(tripwire, attack, shape, reader):
    require_reader(reader)
    document = NOT_FOLLOWED[attack](SHAPES[shape], tripwire)
    assert_nothing_leaked(tripwire, check_outcome(document.encode(), reader))


@pytest.mark.parametrize("attack", sorted({**REFUSED, **NOT_FOLLOWED}))
def test_every_reader_survives_hostile_xml(tripwire, attack):
    document = {**REFUSED, **NOT_FOLLOWED}[attack](oai_dc, tripwire).encode()
    for reader in readable_formats():
        assert_nothing_leaked(tripwire, check_outcome(document, reader))


def test_the_tripwire_notices_an_opened_pipe(tripwire):
    """The check itself works: opening the pipe as a careless reader would is recorded."""
    with tripwire.fifo.open("rb") as pipe:
        pipe.read()
    with socket.create_connection(("127.0.0.1", int(tripwire.url.split(":")[2].split("/")[0]))):
        pass
    tripwire.__exit__()
    assert len(tripwire.tripped) == 2


HIDING_PLACES = {
    "comment": "<!-- <a href='x'> -->\n",
    "processing-instruction": "<?note <a href='x'>?>\n",
}
"""Prologs holding ``<a`` before the DOCTYPE, where a careless DTD check stops looking."""


@pytest.mark.parametrize("reader", XML_READERS)
@pytest.mark.parametrize("place", sorted(HIDING_PLACES))
@pytest.mark.parametrize("attack", ["billion-laughs", "external-entity-pipe", "external-dtd-pipe"])
def test_a_dtd_behind_a_comment_or_instruction_is_refused(tripwire, attack, place, reader):
    require_reader(reader)

    def hidden(title: str, doctype: str = "") -> str:
        return SHAPES[reader](title, doctype, prolog=HIDING_PLACES[place])

    records = check_outcome(REFUSED[attack](hidden, tripwire).encode(), reader)
    assert_nothing_leaked(tripwire, records)
    assert records is None or (not records and records.errors)


# --- CSL styles and locales are XML too ------------------------------------------------


def csl_style(doctype: str = "", title: str = "Hostile", layout: str = "") -> str:
    """A small valid CSL style with a DOCTYPE, a title and extra layout elements."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n'
        f"  <info><title>{title}</title><id>hostile</id>"
        "<updated>2020-01-01T00:00:00+00:00</updated></info>\n"
        f'  <citation><layout>{layout}<text variable="title"/></layout></citation>\n'
        f'  <bibliography><layout>{layout}<text variable="title"/></layout></bibliography>\n'
        "</style>\n"
    )


def hostile_styles(wire: Tripwire) -> dict[str, str]:
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    secret, pipe = wire.secret_file.as_uri(), wire.fifo.as_uri()
    return {
        "billion-laughs": csl_style(f"<!DOCTYPE style [{''.join(laughs)}]>", title="&lol9;"),
        "entity-secret-in-text": csl_style(
            f'<!DOCTYPE style [<!ENTITY x SYSTEM "{secret}">]>', title="&x;"
        ),
        "entity-pipe-in-text": csl_style(
            f'<!DOCTYPE style [<!ENTITY x SYSTEM "{pipe}">]>', title="&x;"
        ),
        "entity-http-in-text": csl_style(
            f'<!DOCTYPE style [<!ENTITY x SYSTEM "{wire.url}">]>', title="&x;"
        ),
        "external-dtd-pipe": csl_style(f'<!DOCTYPE style SYSTEM "{pipe}">'),
        "xinclude-pipe": csl_style(
            layout='<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            f'href="{pipe}" parse="text"/>'
        ),
    }


def render_with_style(path: Path) -> str:
    """Render one record with the style at *path*; a ``CiteformError`` is a fine answer."""
    import citeform  # noqa: PLC0415 - the renderer loads the engine

    record = citeform.Record.build("book", {"title": "Titel"}, id="a")
    try:
        renderer = citeform.Renderer(path, "en-US")
        entries = renderer.bibliography([record])
        return "".join(entries) + renderer.citation([record])
    except citeform.CiteformError as error:
        return str(error)


@pytest.mark.parametrize(
    "attack",
    [
        "billion-laughs",
        "entity-secret-in-text",
        "entity-pipe-in-text",
        "entity-http-in-text",
        "external-dtd-pipe",
        "xinclude-pipe",
    ],
)
def test_a_hostile_style_file_reads_nothing_and_expands_nothing(tripwire, tmp_path, attack):
    path = tmp_path / f"{attack}.csl"
    path.write_text(hostile_styles(tripwire)[attack], encoding="utf-8")
    output = render_with_style(path)
    assert not tripwire.tripped, tripwire.tripped
    assert SECRET not in output
    assert "lol" * 100 not in output


@pytest.mark.parametrize(
    "content",
    [
        "not XML at all",
        '<?xml version="1.0"?><html><body/></html>',
        csl_style(layout='<text value="&undefined;"/>'),
    ],
    ids=["not-xml", "not-csl", "undefined-entity"],
)
def test_a_broken_style_file_is_an_unknown_style_error(tmp_path, content):
    import citeform  # noqa: PLC0415 - the renderer loads the engine

    path = tmp_path / "broken.csl"
    path.write_text(content, encoding="utf-8")
    record = citeform.Record.build("book", {"title": "Titel"}, id="a")
    with pytest.raises(citeform.CiteformError):
        citeform.Renderer(path, "en-US").bibliography([record])
