"""Fuzzing every registered reader (and detection) with hypothesis.

Each reader gets arbitrary bytes, arbitrary text, valid samples mutated byte-wise
and, for JSON formats, valid samples with a node replaced by arbitrary JSON. The
outcome is always records (with per-record errors) or a ``CiteformError``
(:func:`hostile_support.check_outcome`), never another exception, never a hang.
New readers are covered as soon as they are registered. The longer run is
``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hostile_support import (
    TEMPLATES,
    check_outcome,
    fill_template,
    mutated,
    readable_formats,
    valid_samples,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import json_values

READERS = [*readable_formats(), None]
IDS = [name or "detect" for name in READERS]

fuzz_settings = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every node of a JSON value."""
    paths = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            paths += _nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += _nodes(child, (*path, index))
    return paths


@st.composite
def json_mutated(draw: st.DrawFn, samples: list[bytes]) -> bytes:
    """A valid JSON sample with one node replaced by an arbitrary JSON value."""
    parsed = [json.loads(sample) for sample in samples if sample[:1] in b"[{"]
    document = draw(st.sampled_from(parsed)) if parsed else []
    path = draw(st.sampled_from(_nodes(document)))
    replacement = draw(json_values)
    if not path:
        return json.dumps(replacement).encode()
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    original = parent[path[-1]]
    parent[path[-1]] = replacement
    try:
        return json.dumps(document).encode()
    finally:
        parent[path[-1]] = original


@pytest.mark.parametrize("reader", READERS, ids=IDS)
@fuzz_settings
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes(reader, data):
    check_outcome(data, reader, tolerate_known=True)


@pytest.mark.parametrize("reader", READERS, ids=IDS)
@fuzz_settings
@given(text=st.text(max_size=2048))
def test_arbitrary_text(reader, text):
    check_outcome(text, reader, tolerate_known=True)


@pytest.mark.parametrize("reader", READERS, ids=IDS)
@fuzz_settings
@given(data=st.data())
def test_mutated_valid_input(reader, data):
    sample = data.draw(mutated(valid_samples(reader)))
    check_outcome(sample, reader, tolerate_known=True)


JSON_READERS = [name for name in ("csl-json", "dspace-json") if name in READERS]


@pytest.mark.parametrize("reader", [*JSON_READERS, None], ids=[*JSON_READERS, "detect"])
@fuzz_settings
@given(data=st.data())
def test_valid_json_with_one_node_replaced(reader, data):
    samples = valid_samples(reader or "csl-json")
    sample = data.draw(json_mutated(samples))
    check_outcome(sample, reader, tolerate_known=True)


@pytest.mark.parametrize("reader", sorted(TEMPLATES))
def test_each_template_reads_as_one_valid_record(reader):
    """The mutator and the hostile tests start from inputs that are valid."""
    if reader not in READERS:
        pytest.skip(f"format {reader!r} is not registered yet")
    records = check_outcome(fill_template(reader, "Ein Titel").encode(), reader)
    assert records is not None
    assert len(records) == 1, records.errors
    assert records[0].get("title") == "Ein Titel"
