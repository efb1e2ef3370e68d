"""Time is linear: doubling an input at most about doubles the time of a reader or parser.

Each case builds an input of size n and 2n in a shape that would expose a quadratic
path (repeated labels, continuation lines, long runs of tabs or of one word, long
lists) and compares the best-of-3 processor times of the two in this process: the
ratio must stay under :data:`LIMIT`. No absolute time is asserted. A case too fast to
time is run several times per measurement; a ratio over the limit is measured again at
twice and at half the size before it fails, so that neither a busy machine nor a step
in the cost of memory at one size fails it.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

import citeform
from citeform import parsing
from citeform.dspace import labels, types
from citeform.dspace.page import fields_from_page
from citeform.parsing.text import NfcView
from citeform.sources import Source

pytestmark = pytest.mark.timing  # compares running times: CI runs these in one process

LIMIT = 2.5
"""Largest accepted ratio of the time for 2n to the time for n."""

MIN_SECONDS = 0.01
"""A measurement runs the case often enough to take at least this long."""

LARGE_BLOCK = 16 * 2**20
"""Bytes of the block freed before measuring: more than any input's copies need."""

Case = tuple[Callable[[Any], object], Callable[[int], Any], int]
"""What to run, how to build an input of size n, and n."""


def _time(run: Callable[[Any], object], data: Any, repeat: int) -> float:
    gc.disable()
    try:
        start = time.process_time()
        for _ in range(repeat):
            run(data)
        return time.process_time() - start
    finally:
        gc.enable()


def _best(run: Callable[[Any], object], data: Any, repeat: int) -> float:
    return min(_time(run, data, repeat) for _ in range(3))


def _settle_the_allocator() -> None:
    """Free one large block, so that blocks of both sizes come from the same allocator path.

    glibc's malloc serves blocks above a threshold (128 KiB at first) from fresh pages
    and raises the threshold when such a block is freed: until then a copy of a large
    string costs several times more per byte than one of a small string.
    """
    block = bytes(LARGE_BLOCK)
    del block


def assert_linear(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> None:
    """Fail when *run* on an input of size 2m takes more than :data:`LIMIT` times as long as on m.

    m is n, then 2n, then n/2: a step in the cost of memory at one size (the allocator
    taking fresh pages) shows in one doubling, a quadratic path in all of them.
    """
    _settle_the_allocator()
    repeat = 1
    while _time(run, make(n), repeat) < MIN_SECONDS and repeat < 4096:
        repeat *= 2
    ratios = []
    for size, times in zip(
        (n, 2 * n, n // 2), (repeat, max(repeat // 2, 1), repeat * 2), strict=True
    ):
        small, large = make(size), make(2 * size)
        ratio = _best(run, large, times) / max(_best(run, small, times), 1e-9)
        if ratio <= LIMIT:
            return
        ratios.append(round(ratio, 2))
    pytest.fail(f"doubling the input multiplied the time by {ratios} (limit {LIMIT})")


def reader(format_name: str) -> Callable[[str], object]:
    def read(text: str) -> object:
        return list(citeform.read(Source("<linear>", text=text), format_name))

    return read


def repeated(format_name: str, template: str, unit: str, n: int) -> Case:
    """Reading *template* (``{}``: where the input grows) with *unit* repeated n times."""
    return reader(format_name), lambda size: template.format(unit * size), n


PAGE_HEAD = "Titel der Seite\nMuster, Erika\nDatum\n2017\nTyp\nArtikel\n"
PAGE = PAGE_HEAD + "{}"

ITEM_PAGE: dict[str, Case] = {
    "long-abstract-line": (
        fields_from_page,
        lambda n: f"{PAGE_HEAD}Zusammenfassung\n{'Wort ' * n}\n",
        20_000,
    ),
    "many-abstract-lines": (
        fields_from_page,
        lambda n: PAGE_HEAD + "Zusammenfassung\n" + "eine Zeile\n" * n,
        20_000,
    ),
    "many-labels": repeated("dspace-page", PAGE, "Autor\nMuster, Erika\n", 2_000),
    "many-keywords": (
        reader("dspace-page"),
        lambda n: PAGE_HEAD + "Schlagwörter\n" + "Wort\n" * n,
        5_000,
    ),
    "labelled-lines": repeated("dspace-page", PAGE, "Autor: Muster, Erika\n", 2_000),
    "table-rows": repeated("dspace-page", PAGE, "dc.subject\tWort\tde\n", 2_000),
    "a-run-of-tabs-in-a-table-row": (
        fields_from_page,
        lambda n: PAGE_HEAD + "dc.title.x\tWert" + "\t" * n + "!\n",
        50_000,
    ),
    "tab-separated-words-in-a-table-row": (
        fields_from_page,
        lambda n: PAGE_HEAD + "dc.title.x\tWert" + "\tab" * n + " !\n",
        50_000,
    ),
    "noise-lines": (reader("dspace-page"), lambda n: PAGE_HEAD + "Lade...\n" * n, 5_000),
}


OAI_DC = (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>{}</oai_dc:dc>'
)
DIM = (
    '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
    '<dim:field mdschema="dc" element="title">T</dim:field>{}</dim:dim>'
)
OAI_RECORD = (
    "<record><header><identifier>oai:x:1/{}</identifier></header><metadata>"
    + OAI_DC.format("<dc:creator>Muster, Erika</dc:creator>")
    + "</metadata></record>"
)


def _list_records(n: int) -> str:
    records = "".join(OAI_RECORD.format(index) for index in range(n))
    return f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{records}</ListRecords></OAI-PMH>'


XML: dict[str, Case] = {
    "oai-dc-creators": repeated("oai-dc", OAI_DC, "<dc:creator>Muster, Erika</dc:creator>", 2_000),
    "oai-dc-series-relations": repeated(
        "oai-dc", OAI_DC, "<dc:relation>Reihe</dc:relation><dc:relation>3</dc:relation>", 1_000
    ),
    "oai-dc-descriptions": repeated(
        "oai-dc", OAI_DC, "<dc:description>12 S.</dc:description>", 2_000
    ),
    "oai-dc-identifiers-and-dates": repeated(
        "oai-dc", OAI_DC, "<dc:identifier>10.1/x</dc:identifier><dc:date>2017</dc:date>", 1_000
    ),
    "oai-dc-long-text": (
        reader("oai-dc"),
        lambda n: OAI_DC.format(f"<dc:description>{'Wort ' * n}</dc:description>"),
        100_000,
    ),
    "oai-pmh-records": (reader("oai-dc"), _list_records, 500),
    "dim-fields": (
        reader("dim"),
        lambda n: DIM.format(
            '<dim:field mdschema="dc" element="contributor" qualifier="author">A, B</dim:field>' * n
        ),
        2_000,
    ),
}


def _dspace_item(n: int) -> str:
    values = [{"value": f"Wort {index}", "place": n - index} for index in range(n)]
    return json.dumps({"metadata": {"dc.title": [{"value": "T"}], "dc.subject": values}})


DSPACE_JSON: dict[str, Case] = {
    "values-of-one-field": (reader("dspace-json"), _dspace_item, 2_000),
    "many-fields": (
        reader("dspace-json"),
        lambda n: json.dumps(
            {"metadata": {"dc.title": [{"value": "T"}]} | {f"x.k{i}": ["W"] for i in range(n)}}
        ),
        2_000,
    ),
    "many-items": (
        reader("dspace-json"),
        lambda n: json.dumps([{"metadata": {"dc.title": [{"value": "T"}]}}] * n),
        500,
    ),
}


RIS_RECORD = "TY  - JOUR\n{}ER  - \n"

RIS: dict[str, Case] = {
    "continuation-lines": repeated(
        "ris", "TY  - JOUR\nAB  - Anfang\n{}ER  - \n", "und weiter\n", 20_000
    ),
    "keywords": repeated("ris", RIS_RECORD, "KW  - Wort\n", 5_000),
    "authors": repeated("ris", RIS_RECORD, "AU  - Muster, Erika\n", 5_000),
    "repeated-tags": repeated("ris", RIS_RECORD, "TI  - Titel\n", 5_000),
    "records": repeated("ris", "{}", "TY  - JOUR\nTI  - Titel\nER  - \n", 1_000),
}


CSL_JSON: dict[str, Case] = {
    "authors": (
        reader("csl-json"),
        lambda n: json.dumps([{"id": "a", "type": "book", "author": [{"family": "A"}] * n}]),
        2_000,
    ),
    "items": (
        reader("csl-json"),
        lambda n: json.dumps([{"id": "a", "type": "book", "title": "T"}] * n),
        1_000,
    ),
}


PARSERS: dict[str, Case] = {
    "host-citation-labels-in-one-word": (
        parsing.parse_host_citation,
        lambda n: "Blatt Heft" + "Heft" * n,
        20_000,
    ),
    "host-citation-volume-labels-in-one-word": (
        parsing.parse_host_citation,
        lambda n: "Blatt Band" + "Band" * n,
        20_000,
    ),
    "host-citation-many-parts": (
        parsing.parse_host_citation,
        lambda n: "Blatt " + "Jg. 1 " * n,
        20_000,
    ),
    "host-citation-dots": (
        parsing.parse_host_citation,
        lambda n: "Blatt Jg. 1" + "." * n + "!",
        50_000,
    ),
    "page-list": (parsing.parse_pages, lambda n: "1-2, " * n + "x", 20_000),
    "page-digits": (parsing.parse_pages, lambda n: "1" * n + "x", 50_000),
    "page-roman-range": (parsing.parse_pages, lambda n: "i" * n + "-" + "i" * n + "!", 50_000),
    "page-extents": (parsing.parse_pages, lambda n: "(1 " * n, 20_000),
    "date-range-separators": (parsing.parse_date, lambda n: "2017 / " * n, 20_000),
    "date-dashes": (parsing.parse_date, lambda n: "2017-" * n, 20_000),
    "date-words": (parsing.parse_date, lambda n: "1. " + "a" * n + " 2017x", 50_000),
    "names": (parsing.parse_names, lambda n: "Muster, Erika; " * n, 5_000),
    "name-particles": (parsing.parse_name, lambda n: "von " * n + "Berg", 20_000),
    "name-words": (parsing.parse_name, lambda n: "Abc " * n, 20_000),
    "corporate-words": (parsing.is_corporate, lambda n: "Abcd " * n, 20_000),
    "title-abbreviations": (parsing.clean_title, lambda n: "a." * n, 20_000),
    "container-tail": (
        lambda text: parsing.split_container_tail(text, {"Verlag"}),
        lambda n: "Titel. " * n,
        20_000,
    ),
    "shelf-mark": (parsing.parse_shelfmark, lambda n: "ZLB: " + "Kws " * n, 20_000),
    "series": (parsing.parse_series, lambda n: "Reihe;" * n + "Bd. 3", 20_000),
    "volume": (parsing.parse_volume, lambda n: "1 " * n + "Jg.", 20_000),
    "issue": (parsing.parse_issue, lambda n: "Nr. " + "1" * n, 50_000),
    "doi": (parsing.normalize_doi, lambda n: "10.1234/" + "a" * n, 50_000),
    "handle": (parsing.normalize_handle, lambda n: "hdl:1" + "1." * n + " x", 50_000),
    "identifier-kind": (parsing.classify_identifier, lambda n: "1" * n, 50_000),
    "isbn": (parsing.normalize_isbn, lambda n: "1-" * n, 50_000),
    "language": (parsing.to_bcp47, lambda n: "a" * n, 50_000),
    "item-type": (types.type_from_value, lambda n: "a " * n, 50_000),
    "label": (labels.normalize_label, lambda n: "a " * n, 50_000),
    "nfc-view-of-decomposed-text": (
        lambda text: NfcView(text).cut(0, 1),
        lambda n: "a\u0308" * n,
        20_000,
    ),
    "nfc-view-of-a-run-of-marks": (
        lambda text: NfcView(text).cut(0, 1),
        lambda n: "a" + "\u0308" * n + "\u1100",
        20_000,
    ),
    "nfc-view-of-hangul-jamo": (
        lambda text: NfcView(text).cut(0, 1),
        lambda n: "\u1100\u1161\u11a8" * n,
        5_000,
    ),
}


FAMILIES: dict[str, dict[str, Case]] = {
    "item-page": ITEM_PAGE,
    "oai-dc-and-dim": XML,
    "dspace-json": DSPACE_JSON,
    "ris": RIS,
    "csl-json": CSL_JSON,
    "value-parsers": PARSERS,
}
"""The cases of each reader and parser family."""


@pytest.mark.parametrize(
    ("family", "case"),
    [
        pytest.param(family, case, id=f"{family}-{case}")
        for family, cases in FAMILIES.items()
        for case in cases
    ],
)
def test_time_is_linear(family, case):
    assert_linear(*FAMILIES[family][case])
