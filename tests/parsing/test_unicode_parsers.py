"""Decomposed Unicode (NFD) in the value parsers: matched in NFC, kept as given.

Each class of comparison has its test: words against tables (months, seasons,
languages, types, labels, corporate words, sigils), patterns whose matches are cut
out of the value (names, host citations, shelf marks, numbering, identifiers), and
the offsets from the NFC form back to the text as given (:class:`NfcView`).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.dspace import labels, types
from citeform.model import Date, Name
from citeform.parsing import (
    clean_title,
    is_corporate,
    normalize_doi,
    parse_date,
    parse_host_citation,
    parse_issue,
    parse_name,
    parse_series,
    parse_shelfmark,
    parse_volume,
    split_container_tail,
    to_bcp47,
)
from citeform.parsing.text import NfcView, nfc


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_differs_from_nfc_in_these_examples():
    assert nfd("Städtetag") != "Städtetag"
    assert nfc(nfd("Städtetag")) == "Städtetag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("März 2017", Date.of(2017, 3)),
        ("14. März 2017", Date.of(2017, 3, 14)),
        ("Mär. 2017", Date.of(2017, 3)),
        ("Jänner 2017", Date.of(2017, 1)),
        ("Frühjahr 2018", Date(parts=((2018, 21),))),
    ],
)
def test_month_and_season_names_are_matched_in_nfc(text, expected):
    assert parse_date(nfd(text)) == parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Französisch", "fr"), ("Niederländisch", "nl"), ("Deutsch", "de")],
)
def test_language_names_are_matched_in_nfc(text, expected):
    assert to_bcp47(nfd(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Broschüre", "report"), ("Teil eines Buches oder einer Monographie", "chapter")],
)
def test_type_values_are_matched_in_nfc(text, expected):
    assert types.type_from_value(nfd(text)) == expected


@pytest.mark.parametrize(
    ("line", "key"),
    [("Schlagwörter", "dc.subject"), ("Dokumenttyp (zusätzl.):", "local.type")],
)
def test_item_page_labels_and_noise_are_matched_in_nfc(line, key):
    assert labels.field_of_label(nfd(line)) == key
    assert labels.is_noise(nfd("Öffnen"))


def test_registered_labels_are_matched_in_nfc_whichever_form_registers_them():
    try:
        labels.register_labels({nfd("Körperschaft"): "dc.contributor.other"})
        assert labels.field_of_label("Körperschaft") == "dc.contributor.other"
    finally:
        labels.clear_registered_labels()


@pytest.mark.parametrize(
    "body",
    ["Städtetag Nordrhein-Westfalen", "Bundesministerium für Bildung", "Technische Universität"],
)
def test_corporate_bodies_are_told_in_nfc_and_kept_as_given(body):
    assert is_corporate(nfd(body))
    name = parse_name(nfd(body))
    assert name is not None
    assert name.literal == nfd(body)


def test_a_person_keeps_the_given_form_of_every_part():
    name = parse_name(nfd("von Müller, Jürgen"))
    assert name is not None
    assert (name.non_dropping_particle, name.family, name.given) == (
        "von",
        nfd("Müller"),
        nfd("Jürgen"),
    )
    assert parse_name(nfd("Ä")) == Name(family=nfd("Ä"))  # one letter: no acronym


def test_a_host_citation_is_cut_from_the_value_as_given():
    text = nfd("Blätter für Städte Bd. 3ä (2017), Heft 2ö, S. 3-4")
    host = parse_host_citation(text)
    assert host is not None
    assert (host.container, host.volume, host.year, host.issue, host.page) == (
        nfd("Blätter für Städte"),
        nfd("3ä"),
        2017,
        nfd("2ö"),
        "3-4",
    )


def test_a_shelf_mark_sigil_is_looked_up_in_nfc_and_kept_as_given():
    holding = parse_shelfmark(nfd("Bücherei: Kws 860 Ü 6748"))
    assert holding is not None
    assert (holding.sigil, holding.call_number) == (nfd("Bücherei"), nfd("Kws 860 Ü 6748"))


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (parse_issue, "Heft Über 2", "Über 2"),
        (parse_issue, "H\u0308ft 2", "H\u0308ft 2"),  # no "H" label before a mark
        (parse_volume, "Bd. Ä", "Ä"),
        (parse_volume, "71ä. Jg.", "71ä"),
    ],
)
def test_numbering_labels_are_stripped_in_nfc_and_the_rest_kept_as_given(parse, text, expected):
    assert parse(nfd(text)) == nfd(expected)


def test_a_series_number_label_is_stripped_in_nfc():
    assert parse_series(nfd("Städte;H\u0308 3")) == (nfd("Städte"), nfd("H\u0308 3"))


def test_a_title_and_a_container_tail_are_compared_in_nfc():
    assert clean_title(nfd("Über Städte u.ä.")) == nfd("Über Städte u.ä.")
    head, tail = split_container_tail(nfd("Eildienst. Städtetag NRW"), {"Städtetag NRW"})
    assert (head, tail) == ("Eildienst", nfd("Städtetag NRW"))


def test_a_doi_is_kept_as_given():
    assert normalize_doi(nfd("doi:10.1234/größe")) == nfd("10.1234/größe")


_MARKED = st.text(alphabet="aAoOuUsS \u0308\u0301\u0323\u0327\u1100\u1161\u11a8\u212b", max_size=30)


@given(_MARKED)
def test_the_nfc_view_gives_back_the_text_as_given(text):
    view = NfcView(text)
    assert view.text == nfc(text)
    assert view.cut(0, len(view.text)) == text


@given(_MARKED, st.sampled_from(["ä", "ö", "ü", "Å", "ọ̈", "각", "s"]))
def test_a_match_in_nfc_cuts_out_what_it_matched_as_given(text, word):
    given_text = nfd(f"{text} {word} {text}")
    view = NfcView(given_text)
    match = re.search(f" ({re.escape(nfc(word))}) ", view.text)
    assert match is not None
    assert nfc(view.group(match, 1) or "") == nfc(word)
    assert view.group(match, 1) in given_text
