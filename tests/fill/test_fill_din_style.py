# ruff: noqa: RUF001 - en dashes are what the tests are about
"""styles/din-iso-690-de.csl: the house style's output for each item type it covers."""

import pytest

from citeform.rendering import Renderer

CASES = {
    "article-journal": (
        {
            "type": "article-journal",
            "author": [
                {"family": "Müller", "given": "Hans"},
                {"family": "Schmidt", "given": "Anna"},
            ],
            "title": "Wohnen in der Stadt",
            "container-title": "Archiv für Kommunalwissenschaften",
            "volume": "71",
            "issue": "2",
            "page": "120-135",
            "issued": {"date-parts": [[2017]]},
            "DOI": "10.1000/xyz",
        },
        (
            "Müller, Hans; Schmidt, Anna (2017): Wohnen in der Stadt. In: Archiv für "
            "Kommunalwissenschaften, Bd. 71, Nr. 2, S. 120–135. DOI: 10.1000/xyz."
        ),
    ),
    "article-journal, corporate author, no date": (
        {
            "type": "article-journal",
            "author": [{"literal": "Städtetag Nordrhein-Westfalen"}],
            "title": "Fachkonferenz",
            "container-title": "Eildienst",
            "issue": "2",
            "page": "3-4",
        },
        "Städtetag Nordrhein-Westfalen (o. J.): Fachkonferenz. In: Eildienst, Nr. 2, S. 3–4.",
    ),
    "article-newspaper, nobody named": (
        {"type": "article-newspaper", "title": "Neue Wege?", "container-title": "Die Zeit"},
        "Neue Wege? (o. J.). In: Die Zeit.",
    ),
    "chapter": (
        {
            "type": "chapter",
            "author": [{"family": "Meier", "given": "Eva"}],
            "editor": [{"family": "Krause", "given": "Peter"}],
            "title": "Quartiere",
            "container-title": "Handbuch Stadtplanung",
            "edition": "2",
            "publisher": "Springer",
            "publisher-place": "Berlin",
            "page": "45-67",
            "issued": {"date-parts": [[2019]]},
        },
        (
            "Meier, Eva (2019): Quartiere. In: Krause, Peter (Hrsg.): Handbuch Stadtplanung. "
            "2. Aufl. Berlin: Springer, S. 45–67."
        ),
    ),
    "book": (
        {
            "type": "book",
            "author": [{"family": "Weber", "given": "Max"}],
            "title": "Die Stadt",
            "publisher": "Mohr",
            "publisher-place": "Tübingen",
            "collection-title": "Studien",
            "collection-number": "12",
            "issued": {"date-parts": [[1921]]},
        },
        "Weber, Max (1921): Die Stadt. Tübingen: Mohr (Studien; 12).",
    ),
    "book, editors only": (
        {
            "type": "book",
            "editor": [{"family": "Krause", "given": "Peter"}, {"family": "Lang", "given": "Ute"}],
            "title": "Sammelband",
            "publisher": "Difu",
            "publisher-place": "Berlin",
            "issued": {"date-parts": [[2020]]},
        },
        "Krause, Peter; Lang, Ute (Hrsg.) (2020): Sammelband. Berlin: Difu.",
    ),
    "book, four authors": (
        {
            "type": "book",
            "author": [
                {"family": name, "given": "A."} for name in ("Eins", "Zwei", "Drei", "Vier")
            ],
            "title": "Viele",
            "issued": {"date-parts": [[2001]]},
        },
        "Eins, A.; Zwei, A.; Drei, A. u. a. (2001): Viele.",
    ),
    "report": (
        {
            "type": "report",
            "author": [{"literal": "Deutsches Institut für Urbanistik"}],
            "title": "Bericht zur Lage",
            "genre": "Forschungsbericht",
            "number": "12",
            "publisher": "Difu",
            "publisher-place": "Berlin",
            "issued": {"date-parts": [[2018]]},
        },
        (
            "Deutsches Institut für Urbanistik (2018): Bericht zur Lage. Forschungsbericht Nr. 12. "
            "Berlin: Difu."
        ),
    ),
    "thesis": (
        {
            "type": "thesis",
            "author": [{"family": "Klein", "given": "Lisa"}],
            "title": "Stadt und Land",
            "genre": "Dissertation",
            "publisher": "Humboldt-Universität zu Berlin",
            "publisher-place": "Berlin",
            "issued": {"date-parts": [[2016]]},
        },
        "Klein, Lisa (2016): Stadt und Land. Dissertation. Berlin: Humboldt-Universität zu Berlin.",
    ),
    "webpage": (
        {
            "type": "webpage",
            "author": [{"literal": "Difu"}],
            "title": "Startseite",
            "container-title": "difu.de",
            "URL": "https://difu.de",
            "accessed": {"date-parts": [[2020, 3, 12]]},
            "issued": {"date-parts": [[2020]]},
        },
        (
            "Difu (2020): Startseite. difu.de. Verfügbar unter: https://difu.de "
            "[Zugegriffen 12.03.2020]."
        ),
    ),
}


@pytest.fixture(scope="module")
def renderer():
    return Renderer("din-iso-690-de")


@pytest.mark.parametrize("case", sorted(CASES))
def test_entry_per_item_type(renderer, case):
    item, expected = CASES[case]
    assert renderer.entry({"id": case, **item}).replace("\xa0", " ") == expected


def test_german_by_default_whatever_the_record_language_says_when_forced(renderer):
    item, _ = CASES["chapter"]
    english = Renderer("din-iso-690-de", "en-US").entry({"id": "c", **item})
    assert "(ed.)" in english
    assert "pp. 45–67" in english
    assert "(Hrsg.)" in renderer.entry({"id": "c", **item})


def test_in_text_citation(renderer):
    item, _ = CASES["article-journal"]
    assert renderer.citation([{"id": "a", **item}]) == "(Müller und Schmidt 2017)"
    three = {**item, "author": [*item["author"], {"family": "Dritte", "given": "D."}]}
    assert renderer.citation([{"id": "b", **three}]).replace("\xa0", " ") == "(Müller u. a. 2017)"
