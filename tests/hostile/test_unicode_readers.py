"""Decomposed Unicode (NFD) never changes a record: every reader, NFC and NFD alike.

Readers compare and match text in NFC and keep the values as given: a record read from
NFD input holds NFD text. So the property compares the two records after putting every
string of both in NFC; the per-reader tests check that the values stay as given.

The inputs are filled from the words the readers look up in their tables (months,
seasons, languages, item types, item-page labels, corporate words, sigils) that are
written differently in NFC and NFD, mixed with plain words.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hostile_support import SHARED, is_registered
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

import citeform
from citeform.dspace import labels, types
from citeform.example import example_path
from citeform.parsing import dates, language, names, shelfmark
from citeform.sources import Source


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc_all(value: Any) -> Any:
    """*value* with every string in it (keys too) in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [nfc_all(item) for item in value]
    if isinstance(value, dict):
        return {nfc_all(key): nfc_all(item) for key, item in value.items()}
    return value


def _decomposable(words: Any) -> list[str]:
    return sorted({word for word in words if isinstance(word, str) and nfd(word) != word})


TABLE_WORDS = _decomposable(
    [
        *dates.MONTHS,
        *dates.SEASONS,
        *language.LANGUAGES,
        *types.TYPES,
        *names.CORPORATE_WORDS,
        *names.CORPORATE_ENDINGS,
        *shelfmark.SIGILS.values(),
        *labels.DSPACE_GERMAN,
        *labels.DIFU,
        *labels.NOISE,
    ]
)
"""Every table word that NFD writes differently."""

WORDS = st.sampled_from(
    [*TABLE_WORDS, "Bundes", "Städte", "Köln", "2017", "S.", "3-4", "Nr.", "Jg.", "von", ",", ";"]
)
VALUES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
SLOTS = ("title", "creator", "type", "date", "publisher", "subject", "language", "container")
SLOTS += ("pages", "holding", "extra")


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;")


def dspace_page(v: dict[str, str]) -> str:
    return (
        f"{v['title']}\n{v['creator']}\nDatum\n{v['date']}\nTyp\n{v['type']}\n"
        f"Verlag\n{v['publisher']}\nSchlagwörter\n{v['subject']}\nSprache\n{v['language']}\n"
        f"Zeitschrift\n{v['container']}\nSeiten\n{v['pages']}\nStandort\n{v['holding']}\n"
        f"Dokumenttyp (zusätzl.)\n{v['extra']}\ndc.description\t{v['extra']}\tde\n"
    )


def oai_dc(v: dict[str, str]) -> str:
    elements = {
        "title": v["title"], "creator": v["creator"], "type": v["type"], "date": v["date"],
        "publisher": v["publisher"], "subject": v["subject"], "language": v["language"],
        "source": v["container"], "description": v["pages"], "relation": v["extra"],
    }  # fmt: skip
    body = "".join(f"<dc:{key}>{_xml(value)}</dc:{key}>" for key, value in elements.items())
    return (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/">{body}</oai_dc:dc>'
    )


DSPACE_KEYS = {
    "title": "dc.title", "creator": "dc.contributor.author", "type": "dc.type",
    "date": "dc.date.issued", "publisher": "dc.publisher", "subject": "dc.subject",
    "language": "dc.language.iso", "container": "dc.relation.ispartof",
    "pages": "local.citation.pages", "holding": "local.holding", "extra": "local.type",
}  # fmt: skip


def dim(v: dict[str, str]) -> str:
    body = ""
    for slot, key in DSPACE_KEYS.items():
        schema, element, *qualifier = key.split(".")
        extra = f' qualifier="{qualifier[0]}"' if qualifier else ""
        body += (
            f'<dim:field mdschema="{schema}" element="{element}"{extra}>{_xml(v[slot])}</dim:field>'
        )
    return f'<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">{body}</dim:dim>'


def dspace_json(v: dict[str, str]) -> str:
    metadata = {key: [{"value": v[slot], "place": 0}] for slot, key in DSPACE_KEYS.items()}
    return json.dumps({"uuid": "u1", "metadata": metadata}, ensure_ascii=False)


def ris(v: dict[str, str]) -> str:
    tags = {
        "TI": "title", "AU": "creator", "PY": "date", "PB": "publisher", "KW": "subject",
        "LA": "language", "T2": "container", "SP": "pages", "CN": "holding", "M3": "type",
    }  # fmt: skip
    lines = "".join(f"{tag}  - {v[slot]}\n" for tag, slot in tags.items())
    return f"TY  - JOUR\n{lines}N1  - note\n{v['extra']}\nER  - \n"


def csl_json(v: dict[str, str]) -> str:
    item = {
        "id": "a", "type": "book", "title": v["title"], "publisher": v["publisher"],
        "author": [{"literal": v["creator"]}, {"family": v["extra"], "given": v["holding"]}],
        "issued": {"raw": v["date"]}, "accessed": v["date"], "language": v["language"],
        "container-title": v["container"], "page": v["pages"], "keyword": v["subject"],
        v["type"]: v["extra"],
    }  # fmt: skip
    return json.dumps([item], ensure_ascii=False)


def bib(entry_date: str) -> Callable[[dict[str, str]], str]:
    def build(v: dict[str, str]) -> str:
        fields = {
            "title": "title", "author": "creator", entry_date: "date", "publisher": "publisher",
            "keywords": "subject", "language": "language", "journal": "container",
            "pages": "pages", "note": "extra", "type": "type",
        }  # fmt: skip
        body = "".join(f"  {key} = {{{v[slot]}}},\n" for key, slot in fields.items())
        return f"@article{{k,\n{body}}}\n"

    return build


INPUTS: dict[str, Callable[[dict[str, str]], str]] = {
    "dspace-page": dspace_page,
    "oai-dc": oai_dc,
    "dim": dim,
    "dspace-json": dspace_json,
    "ris": ris,
    "csl-json": csl_json,
    "bibtex": bib("year"),
    "biblatex": bib("date"),
}
"""A record with every slot filled, per reader."""


def read_both(text: str, reader: str) -> tuple[Any, Any]:
    """What *reader* makes of the NFC and of the NFD form of *text*, comparable."""
    return (outcome(unicodedata.normalize("NFC", text), reader), outcome(nfd(text), reader))


def outcome(text: str, reader: str) -> Any:
    try:
        records = citeform.read(Source("<t>", text=text), reader)
    except citeform.CiteformError as error:
        return ["refused", str(error)]
    found = [
        [record.to_csl(), [attrs.astuple(field) for field in record.unmapped]] for record in records
    ]
    return [found, [str(error) for error in records.errors]]


@pytest.mark.parametrize("reader", INPUTS)
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.fixed_dictionaries(dict.fromkeys(SLOTS, VALUES)))
def test_nfc_and_nfd_input_give_the_same_record(reader, data):
    if not is_registered(reader):
        pytest.skip(f"format {reader!r} is not registered")
    from_nfc, from_nfd = read_both(INPUTS[reader](data), reader)
    assert nfc_all(from_nfd) == nfc_all(from_nfc)


SEED = SHARED / "seeds" / "000_6df366672ca69de5.txt"


@pytest.mark.parametrize("path", [example_path(), SEED], ids=["example", "seed"])
def test_the_example_item_page_in_nfd_gives_the_same_record(path):
    if not path.exists():
        pytest.skip(f"{path} not present: the shared reference data is read in place")
    text = path.read_text(encoding="utf-8")
    (from_nfc, from_nfd) = read_both(text, "dspace-page")
    assert nfc_all(from_nfd) == nfc_all(from_nfc)
    record = citeform.read(Source("<t>", text=nfd(text)), "dspace-page")[0]
    assert record.names["author"][0].literal == nfd("Städtetag Nordrhein-Westfalen")
    assert record.get("call-number") == "Kws 860 ZB 6748"
    assert record.get("title") == nfd(citeform.read(text, "dspace-page")[0].get("title"))


@pytest.mark.parametrize("reader", ["oai-dc", "dim", "dspace-json", "dspace-page", "ris"])
def test_a_corporate_creator_and_a_german_type_survive_nfd(reader):
    values = dict.fromkeys(SLOTS, "Beispiel")
    values |= {"creator": "Städtetag Nordrhein-Westfalen", "type": "Broschüre", "date": "2017"}
    record = citeform.read(Source("<t>", text=nfd(INPUTS[reader](values))), reader)[0]
    assert record.names["author"][0].literal == nfd("Städtetag Nordrhein-Westfalen")
    if reader != "ris":  # RIS has its own type tag; M3 is the genre, kept as given
        assert record.type == "report"
    else:
        assert record.get("genre") == nfd("Broschüre")
