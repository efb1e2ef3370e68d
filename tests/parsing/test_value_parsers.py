"""Unit tests of the value parsers: one table of examples per parser."""

from __future__ import annotations

import pytest

from citeform.model import Date, Name
from citeform.parsing import (
    Holding,
    HostCitation,
    Pages,
    classify_identifier,
    clean_title,
    format_name,
    is_corporate,
    normalize_doi,
    normalize_handle,
    normalize_isbn,
    normalize_issn,
    parse_date,
    parse_host_citation,
    parse_issue,
    parse_name,
    parse_names,
    parse_pages,
    parse_series,
    parse_shelfmark,
    parse_volume,
    split_container_tail,
    to_bcp47,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S. 3-4", Pages(page="3-4")),
        ("pp. 3\u20134", Pages(page="3-4")),
        ("3 - 4", Pages(page="3-4")),
        ("Seiten 12\u201419", Pages(page="12-19")),
        ("p. 7", Pages(page="7")),
        ("12 ff.", Pages(page="12 ff.")),
        ("3-4, 7", Pages(page="3-4, 7")),
        ("245 S.", Pages(number_of_pages="245")),
        ("XII, 245 S.", Pages(number_of_pages="245")),
        ("VI, 453 p.; 14 cm", Pages(number_of_pages="453")),
        ("1 Online-Ressource (24 Seiten)", Pages(number_of_pages="24")),
        ("245 S. : Ill.", Pages(number_of_pages="245")),
        ("siehe unten", None),
        ("", None),
    ],
)
def test_pages(text, expected):
    assert parse_pages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nr. 2", "2"), ("H. 3", "3"), ("Heft 3", "3"), ("No. 12", "12"), ("2/3", "2/3"),
     ("Sonderheft 1", "Sonderheft 1"), ("Issue 4", "4"), ("  ", None)],
)  # fmt: skip
def test_issue(text, expected):
    assert parse_issue(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Jg. 71", "71"), ("71. Jg.", "71"), ("71. Jahrgang", "71"), ("Bd. 2", "2"),
     ("Vol. 5", "5"), ("Band 3", "3"), ("12", "12")],
)  # fmt: skip
def test_volume(text, expected):
    assert parse_volume(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Reihe; 12", ("Reihe", "12")), ("Difu-Impulse;3", ("Difu-Impulse", "3")),
     ("Difu-Impulse ; Bd. 3", ("Difu-Impulse", "3")), ("Marine Series", ("Marine Series", None)),
     ("A; B; 4", ("A; B", "4")), (";4", None)],
)  # fmt: skip
def test_series(text, expected):
    assert parse_series(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", Date.of(2017)),
        ("2017-02", Date.of(2017, 2)),
        ("2017-02-14", Date.of(2017, 2, 14)),
        ("14.02.2017", Date.of(2017, 2, 14)),
        ("Februar 2017", Date.of(2017, 2)),
        ("14. März 2017", Date.of(2017, 3, 14)),
        ("Feb. 2017", Date.of(2017, 2)),
        ("02/2017", Date.of(2017, 2)),
        ("[2017]", Date.of(2017)),
        ("2017?", Date(parts=((2017,),), circa=True)),
        ("[2017?]", Date(parts=((2017,),), circa=True)),
        ("ca. 2017", Date(parts=((2017,),), circa=True)),
        ("2017-2018", Date(parts=((2017,), (2018,)))),
        ("2017/2018", Date(parts=((2017,), (2018,)))),
        ("1982-06-26T19:58:24Z", Date.of(1982, 6, 26)),
        ("Sommer 2017", Date.of(2017, 22)),
        ("Frühjahr 2018", Date.of(2018, 21)),
        ("2019-23", Date.of(2019, 23)),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["o. J.", "o.J.", "[o. J.]", "n.d.", "s.a.", "", "Im Februar 2017 fand die Konferenz statt",
     "2017-02-30", "2018-2017", "Sommer"],
)  # fmt: skip
def test_no_date_is_never_invented(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("DE", "de"), ("ger", "de"), ("deu", "de"), ("de_DE", "de"), ("Deutsch", "de"),
     ("en_US", "en"), ("English", "en"), ("fi", "fi"), ("other", None), ("und", None),
     ("xyz1", None), ("", None)],
)  # fmt: skip
def test_language(text, expected):
    assert to_bcp47(text) == expected


def test_language_keeps_the_region_on_request():
    assert to_bcp47("de_CH", keep_region=True) == "de-CH"


def test_identifiers():
    assert normalize_issn("ISSN 1796-6361") == "1796-6361"
    assert normalize_issn("0317847x") == "0317-847X"
    assert normalize_issn("123456789") is None
    assert normalize_isbn("978-3-16-148410-0") == "9783161484100"
    assert normalize_isbn("3-16-148410-X") == "316148410X"
    assert normalize_isbn("3-16-148410-0") is None  # wrong check digit
    assert normalize_isbn("0-306-40615-2") == "0306406152"
    assert normalize_doi("https://doi.org/10.1000/XYZ.1") == "10.1000/XYZ.1"
    assert normalize_doi("doi:10.1000/x") == "10.1000/x"
    assert normalize_doi("10.1000") is None
    assert normalize_handle("http://hdl.handle.net/10673/4") == "10673/4"
    assert normalize_handle("hdl:1834/20117") == "1834/20117"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://hdl.handle.net/10673/4", ("URL", "https://hdl.handle.net/10673/4")),
        ("https://doi.org/10.5555/x", ("DOI", "10.5555/x")),
        ("1796-6361", ("ISSN", "1796-6361")),
        ("978-3-16-148410-0", ("ISBN", "9783161484100")),
        ("https://example.org/a", ("URL", "https://example.org/a")),
        ("123456789", None),
        ("Müller, H.: Titel. In: Zeitschrift 3 (2017), S. 4", None),
    ],
)
def test_identifier_kind_by_shape(text, expected):
    assert classify_identifier(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller, Hans", Name(family="Müller", given="Hans")),
        ("von Goethe, Johann Wolfgang",
         Name(family="Goethe", given="Johann Wolfgang", non_dropping_particle="von")),
        ("van der Berg, Jan", Name(family="Berg", given="Jan", non_dropping_particle="van der")),
        ("Berg, Jan van der", Name(family="Berg", given="Jan", dropping_particle="van der")),
        ("John Doe", Name(family="Doe", given="John")),
        ("Ludwig van Beethoven",
         Name(family="Beethoven", given="Ludwig", non_dropping_particle="van")),
        ("Städtetag Nordrhein-Westfalen", Name(literal="Städtetag Nordrhein-Westfalen")),
        ("Bundesministerium für Bildung", Name(literal="Bundesministerium für Bildung")),
        ("Deutsches Institut für Urbanistik, Berlin",
         Name(literal="Deutsches Institut für Urbanistik, Berlin")),
        ("Aristoteles", Name(family="Aristoteles")),
        ("UNESCO", Name(literal="UNESCO")),
    ],
)  # fmt: skip
def test_names(text, expected):
    assert parse_name(text) == expected


def test_name_lists_and_corporate_words():
    assert parse_names("Müller, Hans; Meier, Eva") == (
        Name(family="Müller", given="Hans"),
        Name(family="Meier", given="Eva"),
    )
    assert is_corporate("Regionale Personalentwicklungsgesellschaft mbH")
    assert is_corporate("Landesamt für Statistik")
    assert not is_corporate("Samtleben, Anna")
    assert format_name(Name(family="Berg", given="Jan", non_dropping_particle="van der")) == (
        "van der Berg, Jan"
    )


def test_shelfmark():
    assert parse_shelfmark("ZLB: Kws 860 ZB 6748") == Holding(
        archive="Zentral- und Landesbibliothek Berlin", call_number="Kws 860 ZB 6748", sigil="ZLB"
    )
    assert parse_shelfmark("XYZ: 12 A 3") == Holding("XYZ", "12 A 3", "XYZ")
    assert parse_shelfmark("Magazin 12 A 3") == Holding(None, "Magazin 12 A 3")
    assert parse_shelfmark("ZLB: A 1; SBB: B 2") == Holding(
        "Zentral- und Landesbibliothek Berlin", "A 1", "ZLB"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fachkonferenz - Beispiele aus Städten.", "Fachkonferenz \u2013 Beispiele aus Städten"),
        ("Bericht des Vereins e.V.", "Bericht des Vereins e.V."),
        ("Was nun...", "Was nun..."),
        ("Studie der U.S.", "Studie der U.S."),
        ("Ohne Punkt", "Ohne Punkt"),
    ],
)
def test_title(text, expected):
    assert clean_title(text) == expected


def test_title_keeps_the_hyphen_on_request():
    assert clean_title("A - Beispiel.", en_dash=False) == "A - Beispiel"


def test_container_tail():
    body = "Städtetag Nordrhein-Westfalen"
    assert split_container_tail(f"Eildienst. {body}", {body}) == ("Eildienst", body)
    assert split_container_tail(f"Eildienst / {body}", {body}) == ("Eildienst", body)
    assert split_container_tail("Eildienst. Anderer Verband", {body}) == (
        "Eildienst. Anderer Verband",
        None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eildienst Jg. 71 (2017), Nr. 2, S. 3-4",
         HostCitation("Eildienst", "71", 2017, "2", "3-4")),
        ("Informatik Spektrum: Vol. 40, No. 3",
         HostCitation("Informatik Spektrum", "40", None, "3")),
        ("Stadtforschung, H. 3, S. 10\u201312",
         HostCitation("Stadtforschung", None, None, "3", "10-12")),
        ("Eildienst. Städtetag Nordrhein-Westfalen", None),
        ("Zeitschrift für Bd. Rechtswesen", None),
        ("Der Städtetag 70 (2017) 4, S. 12-14", None),  # unlabelled numbering: not split
    ],
)  # fmt: skip
def test_host_citation(text, expected):
    assert parse_host_citation(text) == expected


@pytest.mark.parametrize("text", ["Nordrhein-Westfalen", "Sommer, Herbst", "siehe Anhang"])
def test_words_are_no_pages(text):
    assert parse_pages(text) is None


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("e105-e110", "e105-e110"),
        ("xii-xiv", "xii-xiv"),
        ("3 f.", "3 f."),
        ("S. 3-4, 7 ff.", "3-4, 7 ff."),
    ],
)
def test_page_numbers_with_letters_and_roman_numerals(text, page):
    assert parse_pages(text).page == page
