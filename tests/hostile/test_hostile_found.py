"""Bugs the hostile tests and the fuzzer found in other modules, each reproduced exactly.

An open bug's test is an expected failure (strict), and its exception is listed in
:data:`hostile_support.KNOWN_BUGS` so that the fuzzer passes over it; once fixed, the
mark and the entry go and the test stays, against regressions.
"""

from __future__ import annotations

import pytest
from hostile_support import check_outcome, is_registered


@pytest.mark.parametrize("reader", ["oai-dc", "dim"])
@pytest.mark.parametrize(
    "document",
    [
        b'<oai_dc: xmlns:dc="x"><dc:title>T</dc:title></oai_dc:dc>',
        b"<x><a:/></x>",
        b'<oai_dc:dc xmlns:oai_dc="x"><dc:title>T</dc:title></oai_dc:dc>',
    ],
    ids=["empty-local-name-root", "empty-local-name-child", "unbound-prefix"],
)
def test_a_tag_lxml_lets_through_is_an_xml_error(reader, document):
    if not is_registered(reader):
        pytest.skip(f"format {reader!r} is not registered yet")
    check_outcome(document, reader)
