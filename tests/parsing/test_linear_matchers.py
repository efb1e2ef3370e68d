"""Matchers rewritten to run in linear time accept exactly what their patterns accepted.

A full item page row and a list of pages were read by one pattern each that backtracks
(quadratic time on a run of tabs, a growing stack on a long list); they are now split
first and their parts matched. The old patterns stay here as the reference.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from citeform.dspace.page import _table_row
from citeform.parsing.pages import _is_list
from citeform.parsing.text import DASHES

PAGE_NUMBER = r"(?:[A-Za-z]{0,2}\d+[A-Za-z]?|[ivxlcdmIVXLCDM]+)"
PAGE_LIST = re.compile(
    rf"^{PAGE_NUMBER}(?:\s*[{DASHES}]\s*{PAGE_NUMBER})?"
    rf"(?:\s*,\s*{PAGE_NUMBER}(?:\s*[{DASHES}]\s*{PAGE_NUMBER})?(?:\s*ff?\.)?)+$"
)
TABLE_ROW = re.compile(
    r"^([a-z][\w-]*\.[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)\t+(.+?)(?:\t+([\w-]*))?$"
)


@given(st.text(alphabet="12ixaF- \u2013,f.", max_size=24).map(str.strip))
def test_a_page_list_is_what_the_pattern_took_for_one(text):
    assert _is_list(text) == bool(PAGE_LIST.match(text))


@given(st.text(alphabet="dc.tiAZ-_\t x:é", max_size=24).map(str.strip))
def test_a_table_row_is_read_as_the_pattern_read_it(line):  # page lines come stripped
    match = TABLE_ROW.match(line)
    assert _table_row(line) == (match.groups() if match else None)
