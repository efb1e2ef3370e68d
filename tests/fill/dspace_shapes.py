"""Checks of write-back output against DSpace's formats: batch-editing CSV and JSON Patch."""

import csv
import io
import re

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CITATION_HEADING = re.compile(r"dc\.identifier\.citation(\[[^\]\[*]*\])?")
QUOTED_FIELD = re.compile(r'"(?:[^"]|"")*"')


def csv_rows(text):
    """Check DSpace's batch-editing CSV; return its rows as dicts."""
    assert text.endswith("\n")
    assert not text.startswith("\ufeff")
    lines = text.split("\n")[:-1]
    for line in lines:  # every value quoted, '"' doubled (no line breaks in a Zitierform)
        assert re.fullmatch(rf"{QUOTED_FIELD.pattern}(,{QUOTED_FIELD.pattern})*", line), line
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert header[0] == "id"
    citation_columns = [h for h in header[1:] if h != "collection"]
    assert header[1:2] == ["collection"] or "collection" not in header
    assert citation_columns
    assert all(CITATION_HEADING.fullmatch(h) for h in citation_columns)
    for row in body:
        assert len(row) == len(header)
        assert row[0]
        assert row[0] != "+"
        values = [
            value for heading, value in zip(header, row, strict=True) if heading in citation_columns
        ]
        assert sum(bool(v) for v in values) == 1, "one Zitierform per row"
        assert not any("||" in v or "::" in v for v in values)
        if "collection" in header:
            assert row[1], "an empty collection cell fails the import"
            assert all(row[1].split("||")), "handles separated by '||'"
    return [dict(zip(header, row, strict=True)) for row in body]


def patch_requests(data):
    """Check the JSON Patch bodies of DSpace's REST API; return them."""
    assert isinstance(data, list)
    for request in data:
        assert set(request) == {"key", "uuid", "handle", "request", "body"}
        if request["uuid"] is not None:
            assert UUID.fullmatch(request["uuid"])
            assert request["request"] == f"PATCH /api/core/items/{request['uuid']}"
            assert request["key"] == request["uuid"]
        else:
            assert request["request"] is None
        (operation,) = request["body"]
        value = operation["value"]
        if operation["op"] == "add":
            assert operation["path"] == "/metadata/dc.identifier.citation"
            assert isinstance(value, list)
            (value,) = value
        else:
            assert operation["op"] == "replace"
            assert operation["path"] == "/metadata/dc.identifier.citation/0"
            assert isinstance(value, dict)
        assert set(value) == {"value", "language"}
        assert isinstance(value["value"], str)
        assert value["value"]
    return data
