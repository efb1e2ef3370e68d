"""Bugs the hostile tests and the fuzzer found in other modules, each reproduced exactly.

Each test is an expected failure (strict) until the owner fixes the bug; then it
passes, fails strictly, and its mark and its entry in
:data:`hostile_support.KNOWN_BUGS` are removed.
"""

from __future__ import annotations

import pytest
from hostile_support import check_outcome, is_registered


@pytest.mark.xfail(
    reason="xmlsafe.local_name: lxml.etree.QName raises ValueError on the tag 'oai_dc:' "
    "(a prefix with no local name), which lxml's parser lets through",
    raises=ValueError,
    strict=True,
)
@pytest.mark.parametrize("reader", ["oai-dc", "dim"])
@pytest.mark.parametrize(
    "document",
    [b'<oai_dc: xmlns:dc="x"><dc:title>T</dc:title></oai_dc:dc>', b"<x><a:/></x>"],
    ids=["root", "child"],
)
def test_a_tag_with_an_empty_local_name_is_an_xml_error(reader, document):
    if not is_registered(reader):
        pytest.skip(f"format {reader!r} is not registered yet")
    check_outcome(document, reader)
