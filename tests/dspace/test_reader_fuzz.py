"""Property tests: any text, labels mixed in, gives records or located errors, never a crash."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import citeform
from citeform.dspace.labels import DIFU, DSPACE_ENGLISH, DSPACE_GERMAN, NOISE
from citeform.sources import Source

any_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40
)
label_line = st.sampled_from(sorted({*DSPACE_GERMAN, *DSPACE_ENGLISH, *DIFU, *NOISE}))
untranslated = st.sampled_from(["item.page.dc-source", "item.page.x", "item.page.dc-title-alt"])
lines = st.lists(label_line | untranslated | any_line, min_size=1, max_size=40)


def check(records):
    for record in records:
        json.dumps(record.to_csl())
    for error in records.errors:
        assert isinstance(error, citeform.CiteformError)
        assert error.source


@given(lines)
def test_any_item_page_text_reads_or_fails_cleanly(page_lines):
    text = "\n".join(page_lines)
    try:
        records = citeform.read(Source("<page>", text=text), "dspace-page")
    except citeform.UnreadableInputError as error:
        refused = str(error)
    else:
        refused = ""
    if refused:
        assert "not a DSpace item page" in refused
        return
    check(records)
    assert len(records) + len(records.errors) == 1
    for error in records.errors:
        assert isinstance(error, citeform.BadRecordError) or "not a DSpace item page" in str(error)


@given(st.lists(st.tuples(st.sampled_from(sorted(DIFU.values())), any_line), max_size=10))
def test_any_values_in_rest_json_read_or_fail_cleanly(pairs):
    metadata = {}
    for key, value in pairs:
        metadata.setdefault(key, []).append({"value": value})
    records = citeform.read({"uuid": "u", "metadata": metadata}, "dspace-json")
    check(records)
