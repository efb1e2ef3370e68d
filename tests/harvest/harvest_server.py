"""A generated repository served over HTTP on 127.0.0.1: OAI-PMH and DSpace 7 REST.

:class:`Repository` says what the server does (how many records, page size, which pages
answer 503 or slowly or cut off the first time, which record is broken, gzip);
:func:`serving` runs it in a thread on an ephemeral port. Records and pages are made on
request, so the server holds no harvest either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import attrs

FIRST_DAY = dt.date(2010, 1, 1)


@attrs.define
class Repository:
    """What the test server serves, and what it was asked."""

    records: int = 250
    page_size: int = 100
    unavailable: set[int] = attrs.Factory(set)
    """Pages (1-based) that answer 503 with ``Retry-After: 0`` the first time."""
    slow: set[int] = attrs.Factory(set)
    """Pages that answer after :attr:`delay` seconds the first time."""
    cut_off: set[int] = attrs.Factory(set)
    """Pages whose XML is cut off in the middle the first time."""
    broken: set[int] = attrs.Factory(set)
    """Records (0-based) whose ``dim:field`` lacks its ``mdschema``."""
    deleted: set[int] = attrs.Factory(set)
    """Records (0-based) served as deleted: a header with ``status="deleted"``, no metadata."""
    expired: set[int] = attrs.Factory(set)
    """Pages whose resumption token the server refuses (``badResumptionToken``)."""
    delay: float = 1.0
    compress: bool = False
    abstract: int = 0
    """Length of each record's abstract, to make records weigh."""
    announce: bool = True
    """Whether resumption tokens carry ``completeListSize``."""
    requests: list[str] = attrs.Factory(list)
    _failed: set[tuple[str, int]] = attrs.Factory(set)

    def datestamp(self, number: int) -> str:
        """The datestamp of record *number*: one day after the other from 2010-01-01."""
        return (FIRST_DAY + dt.timedelta(days=number)).isoformat()

    def once(self, kind: str, page: int, pages: set[int]) -> bool:
        """Whether *page* misbehaves as *kind* now (only the first time it is asked)."""
        if page not in pages or (kind, page) in self._failed:
            return False
        self._failed.add((kind, page))
        return True

    def selected(self, since: str | None, until: str | None) -> range:
        """The numbers of the records changed between *since* and *until*."""
        first = 0
        if since:
            first = max(0, (dt.date.fromisoformat(since[:10]) - FIRST_DAY).days)
        last = self.records
        if until:
            last = min(last, (dt.date.fromisoformat(until[:10]) - FIRST_DAY).days + 1)
        return range(first, max(first, last))


def dim_record(repository: Repository, number: int) -> str:
    """One OAI-PMH record in ``dim``; a broken one lacks ``mdschema`` on a field."""
    schema = "" if number in repository.broken else ' mdschema="dc"'
    language = ("de", "en", "pt_BR")[number % 3]
    return (
        f"<record><header><identifier>oai:repo.example:10000/{number}</identifier>"
        f"<datestamp>{repository.datestamp(number)}T00:00:00Z</datestamp>"
        "<setSpec>col_10000_1</setSpec></header><metadata>"
        '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
        f'<dim:field{schema} element="title">Record {number} &amp; its title</dim:field>'
        f'<dim:field mdschema="dc" element="contributor" qualifier="author">'
        f"Muster{number % 7}, Erika</dim:field>"
        f'<dim:field mdschema="dc" element="date" qualifier="issued">{2000 + number % 20}'
        "</dim:field>"
        '<dim:field mdschema="dc" element="type">Book</dim:field>'
        f'<dim:field mdschema="dc" element="description" qualifier="abstract">'
        f"{'Lorem ipsum. ' * (repository.abstract // 13)}</dim:field>"
        '<dim:field mdschema="dc" element="publisher">Verlag</dim:field>'
        f'<dim:field mdschema="dc" element="language" qualifier="iso">{language}</dim:field>'
        f'<dim:field mdschema="dc" element="identifier" qualifier="uri">'
        f"http://hdl.handle.net/10000/{number}</dim:field>"
        "</dim:dim></metadata></record>"
    )


def oai_dc_record(repository: Repository, number: int) -> str:
    """One OAI-PMH record in ``oai_dc``."""
    return (
        f"<record><header><identifier>oai:repo.example:10000/{number}</identifier>"
        f"<datestamp>{repository.datestamp(number)}</datestamp></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>Record {number}</dc:title><dc:creator>Muster, Erika</dc:creator>"
        "<dc:date>2001</dc:date><dc:type>Book</dc:type></oai_dc:dc></metadata></record>"
    )


def deleted_record(repository: Repository, number: int) -> str:
    """A deleted record: its header only."""
    return (
        f'<record><header status="deleted"><identifier>oai:repo.example:10000/{number}'
        f"</identifier><datestamp>{repository.datestamp(number)}</datestamp></header></record>"
    )


RECORDS = {"dim": dim_record, "oai_dc": oai_dc_record}

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE OAI-PMH [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header>'
    "<identifier>oai:x:1</identifier></header><metadata><dim:dim "
    'xmlns:dim="http://www.dspace.org/xmlns/dspace/dim"><dim:field mdschema="dc" '
    'element="title">&c;</dim:field></dim:dim></metadata></record></ListRecords></OAI-PMH>'
)
"""A page whose DTD declares nested entities (a small "billion laughs")."""

FIXED_PAGES = {
    "/entities": (LAUGHS, "text/xml"),
    "/portal": ("<html><body><p>Welcome</p></body></html>", "text/html"),
}
"""Paths that answer the same page whatever is asked."""


def envelope(body: str) -> str:
    """An OAI-PMH response around *body*."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        "<responseDate>2026-01-01T00:00:00Z</responseDate>"
        f'<request verb="ListRecords">http://127.0.0.1/oai/request</request>{body}</OAI-PMH>'
    )


def oai_error(code: str, message: str) -> str:
    """An OAI-PMH error response."""
    return envelope(f'<error code="{code}">{escape(message)}</error>')


def list_records(repository: Repository, query: dict[str, str]) -> tuple[int, str]:
    """The page a ``ListRecords`` request asks for, and its number."""
    token = query.get("resumptionToken")
    if token:
        page_text, _, rest = token.partition(":")
        prefix, since, until = ([*rest.split("|"), "", "", ""])[:3]
        page = int(page_text)
        if page in repository.expired:
            return page, oai_error("badResumptionToken", "The token has expired")
    else:
        page, prefix = 1, query.get("metadataPrefix", "")
        since, until = query.get("from", ""), query.get("until", "")
    if prefix not in RECORDS:
        return page, oai_error("cannotDisseminateFormat", f"no format {prefix}")
    numbers = repository.selected(since or None, until or None)
    if not numbers:
        return page, oai_error("noRecordsMatch", "No records match")
    start = (page - 1) * repository.page_size
    chunk = numbers[start : start + repository.page_size]
    records = "".join(
        deleted_record(repository, number)
        if number in repository.deleted
        else RECORDS[prefix](repository, number)
        for number in chunk
    )
    size = f' completeListSize="{len(numbers)}"' if repository.announce else ""
    more = start + repository.page_size < len(numbers)
    next_token = f"{page + 1}:{prefix}|{since}|{until}" if more else ""
    token_element = f"<resumptionToken{size}>{next_token}</resumptionToken>"
    if page == 1 and not more:
        token_element = ""
    return page, envelope(f"<ListRecords>{records}{token_element}</ListRecords>")


def rest_item(number: int) -> dict[str, object]:
    """One DSpace 7 item."""
    return {
        "uuid": f"{number:08d}-0000-4000-8000-000000000000",
        "handle": f"10000/{number}",
        "type": "item",
        "metadata": {
            "dc.title": [{"value": f"Item {number}", "language": None, "place": 0}],
            "dc.contributor.author": [{"value": "Muster, Erika", "place": 0}],
            "dc.date.issued": [{"value": "2001"}],
            "dc.type": [{"value": "Book"}],
        },
    }


def rest_page(repository: Repository, base: str, path: str, query: dict[str, str]) -> str:
    """A HAL page of items (``/api/core/items``) or of search results (``search/objects``)."""
    size = int(query.get("size", "20"))
    number = int(query.get("page", "0"))
    start = number * size
    items = [rest_item(n) for n in range(start, min(start + size, repository.records))]
    total_pages = -(-repository.records // size)
    links: dict[str, object] = {}
    if number + 1 < total_pages:
        links["next"] = {"href": f"{base}{path}?size={size}&page={number + 1}"}
    page = {"size": size, "totalElements": repository.records, "number": number}
    if path.endswith("/search/objects"):
        objects = [{"_embedded": {"indexableObject": item}} for item in items]
        result = {"_embedded": {"objects": objects}, "_links": links, "page": page}
        return json.dumps({"_embedded": {"searchResult": result}})
    return json.dumps({"_embedded": {"items": items}, "_links": links, "page": page})


class Handler(BaseHTTPRequestHandler):
    """Answers as the server's :class:`Repository` says."""

    server: RepositoryServer

    def do_GET(self) -> None:
        """Answer one GET."""
        repository = self.server.repository
        repository.requests.append(self.path)
        parts = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        if "/api/" in parts.path:
            base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
            self.send(200, rest_page(repository, base, parts.path, query), "application/json")
        elif parts.path == "/moved":
            location = f"/oai/request?{parts.query}"
            self.send(301, "moved", "text/plain", {"Location": location})
        elif parts.path in FIXED_PAGES:
            self.send(200, *FIXED_PAGES[parts.path])
        elif parts.path != "/oai/request":
            self.send(404, "not found", "text/plain")
        elif query.get("verb") != "ListRecords":
            self.send(200, oai_error("badVerb", "only ListRecords"), "text/xml")
        else:
            self.list_records(repository, query)

    def list_records(self, repository: Repository, query: dict[str, str]) -> None:
        """Answer a ``ListRecords`` request, misbehaving where the repository says."""
        page, body = list_records(repository, query)
        if repository.once("503", page, repository.unavailable):
            self.send(503, "busy", "text/plain", {"Retry-After": "0"})
            return
        if repository.once("slow", page, repository.slow):
            time.sleep(repository.delay)
        if repository.once("cut", page, repository.cut_off):
            body = body[: len(body) // 2]
        self.send(200, body, "text/xml; charset=utf-8")

    def send(
        self, status: int, body: str, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        """Send *body*, gzipped when the repository says so and the client accepts it."""
        data = body.encode("utf-8")
        gzipped = self.server.repository.compress and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if gzipped:
            data = gzip.compress(data)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Say nothing."""


class RepositoryServer(ThreadingHTTPServer):
    """An HTTP server that knows its repository."""

    daemon_threads = True

    def __init__(self, repository: Repository) -> None:
        """Listen on 127.0.0.1 on a free port."""
        super().__init__(("127.0.0.1", 0), Handler)
        self.repository = repository


@contextlib.contextmanager
def serving(repository: Repository) -> Iterator[str]:
    """Serve *repository*; yield its base URL (``http://127.0.0.1:PORT``)."""
    server = RepositoryServer(repository)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
