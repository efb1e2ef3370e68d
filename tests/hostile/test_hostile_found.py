"""Bugs the hostile tests and the fuzzer found in other modules, each reproduced exactly.

Each test is an expected failure (strict) until the owner fixes the bug; then it
passes, fails strictly, and its mark and its entry in
:data:`hostile_support.KNOWN_BUGS` are removed.
"""

from __future__ import annotations

import pytest
from hostile_support import QNAME_BUG, check_outcome, is_registered


@QNAME_BUG
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
