"""Property tests: the same metadata in every DSpace shape reads to the same record,
and every generated field lands in the record or in its unmapped list."""

from __future__ import annotations

import json
import string
from xml.sax.saxutils import escape

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import citeform
from citeform.dspace.labels import field_of_label, is_noise
from citeform.dspace.mapping import MAPPED_KEYS
from citeform.model import Date, Unmapped
from citeform.parsing import format_date
from citeform.zitierform import ITEM_KEYS

LABELS = {
    "dc.contributor.author": "Autor:innen",
    "dc.date.issued": "Datum",
    "dc.publisher": "Verlag",
    "dc.description.abstract": "Zusammenfassung",
    "dc.subject": "Schlagwörter",
    "dc.language.iso": "Sprache",
    "dc.publisher.place": "Erscheinungsort",
    "dc.relation.ispartof": "Zeitschrift",
    "oaire.citation.issue": "Ausgabe",
    "oaire.citation.volume": "Band/Jahrgang",
    "local.holding": "Standort",
    "dc.identifier.citation": "Zitierform",
    "dc.rights": "item.page.dc-rights",
}
"""Fields every shape can carry, with the item-page label each is shown under."""

OAI_DC_KEYS = {
    "dc.contributor.author": "creator",
    "dc.date.issued": "date",
    "dc.publisher": "publisher",
    "dc.description.abstract": "description",
    "dc.subject": "subject",
    "dc.language.iso": "language",
    "dc.rights": "rights",
}
"""The fields ``oai_dc`` can hold without losing what they are."""

word = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(string.ascii_uppercase + "ÄÖÜ"),
    st.text(alphabet=string.ascii_lowercase + "äöüß", min_size=2, max_size=9),
)
phrase = st.lists(word, min_size=1, max_size=5).map(" ".join)
person = st.builds(lambda family, given: f"{family}, {given}", word, word)
dates = st.builds(Date.of, st.integers(1500, 2100), st.none() | st.integers(1, 12)).map(format_date)

VALUES = {
    "dc.contributor.author": st.lists(person, min_size=1, max_size=3),
    "dc.date.issued": dates.map(lambda d: [d]),
    "dc.subject": st.lists(phrase, min_size=1, max_size=3),
    "dc.language.iso": st.sampled_from(["de", "en", "fr"]).map(lambda v: [v]),
    "oaire.citation.issue": st.integers(1, 12).map(lambda n: [f"Nr. {n}"]),
    "oaire.citation.volume": st.integers(1, 99).map(lambda n: [f"Jg. {n}"]),
    "local.holding": st.builds(lambda a, b: [f"ZLB: {a} {b}"], word, st.integers(1, 9999)),
}


@st.composite
def items(draw, keys=tuple(LABELS)):
    """A title and some of *keys*, each with its values, in a drawn order."""
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    fields = [("dc.title", [draw(phrase)])]
    fields += [(key, draw(VALUES.get(key, phrase.map(lambda v: [v])))) for key in chosen]
    for _, values in fields:
        for value in values:
            assume(field_of_label(value) is None and not is_noise(value))
    return fields


def as_page(fields):
    """The page text: title, then the empty labels (back to back), then the filled fields."""
    (_, [title]), *rest = fields
    filled = {key for key, _ in rest}
    lines = [title, "", "Lade...", "Vorschaubild"]
    lines += [label for key, label in LABELS.items() if key not in filled]
    for key, values in rest:
        lines += [LABELS[key], "", *values, ""]
    return "\n".join(lines)


def as_rest_v7(fields):
    metadata = {
        key: [{"value": v, "language": None, "authority": None, "confidence": -1, "place": i}
              for i, v in reversed(list(enumerate(values)))]
        for key, values in fields
    }  # fmt: skip
    return json.dumps({"uuid": "x", "type": "item", "metadata": metadata})


def as_rest_v6(fields):
    metadata = [
        {"key": key, "value": v, "language": None} for key, values in fields for v in values
    ]
    return json.dumps({"items": [{"id": "x", "metadata": metadata}]})


def as_dim(fields):
    parts = []
    for key, values in fields:
        schema, element, *qualifier = key.split(".")
        attributes = f'mdschema="{schema}" element="{element}"'
        if qualifier:
            attributes += f' qualifier="{qualifier[0]}"'
        parts += [f"<dim:field {attributes}>{escape(v)}</dim:field>" for v in values]
    return (
        '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
        + "".join(parts)
        + "</dim:dim>"
    )


def as_oai_dc(fields):
    parts = [
        f"<dc:{OAI_DC_KEYS.get(key, 'title')}>{escape(v)}</dc:{OAI_DC_KEYS.get(key, 'title')}>"
        for key, values in fields
        for v in values
    ]
    return (
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(parts) + "</oai_dc:dc>"
    )


def comparable(record):
    """The record without what differs by shape: its DSpace identity and where values stood."""
    unmapped = [Unmapped(field.key, field.value) for field in record.unmapped]
    custom = {k: v for k, v in record.custom.items() if k not in ITEM_KEYS.values()}
    return attrs.evolve(record, id=None, unmapped=unmapped, custom=custom)


def read_one(text):
    records = citeform.read(text)
    assert not records.errors
    [record] = records
    return comparable(record)


@given(items())
def test_page_rest_and_dim_read_to_the_same_record(fields):
    from_page = read_one(as_page(fields))
    assert from_page.origin.format == "dspace-page"
    for shape in (as_rest_v7, as_rest_v6, as_dim):
        assert read_one(shape(fields)) == from_page, shape.__name__


@given(items(keys=tuple(OAI_DC_KEYS)))
def test_oai_dc_reads_what_it_can_hold_to_the_same_record(fields):
    assert read_one(as_oai_dc(fields)) == read_one(as_dim(fields))


field_keys = st.builds(
    ".".join,
    st.lists(
        st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8), min_size=2, max_size=3
    ),
) | st.sampled_from(sorted(LABELS))
field_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)


@given(st.lists(st.tuples(field_keys, field_values), min_size=1, max_size=12))
def test_every_field_lands_in_the_record_or_in_unmapped(pairs):
    metadata = [{"key": key, "value": value, "language": None} for key, value in pairs]
    records = citeform.read({"items": [{"metadata": metadata}]}, "dspace-json")
    assert not records.errors
    [record] = records
    unmapped = [(field.key, field.value) for field in record.unmapped]
    remaining = iter(pairs)
    assert all(pair in remaining for pair in unmapped)  # a subsequence: in input order
    for key, value in pairs:
        mapped_key = key in MAPPED_KEYS or key.startswith("dc.subject.")
        assert mapped_key or (key, value) in unmapped, key
