"""Sort keys follow the locale's collation, as citeproc-js sorts with ICU."""

import pytest

from citeform.engine.csl.collation import sort_key
from citeform.rendering import Renderer


@pytest.mark.parametrize(
    ("lang", "words", "expected"),
    [
        ("ru-RU", ["Zeta", "Яков", "Alpha", "Борис"], ["Борис", "Яков", "Alpha", "Zeta"]),
        ("en-US", ["Zeta", "Яков", "Alpha", "Борис"], ["Alpha", "Zeta", "Борис", "Яков"]),
        (
            "de-DE",
            ["Zeta", "Österreich", "Ober", "Apfel", "äpfel"],
            ["Apfel", "äpfel", "Ober", "Österreich", "Zeta"],
        ),
        (
            "en-US",
            ["Simple title here B", "Simple title, here A"],
            ["Simple title, here A", "Simple title here B"],
        ),
    ],
)
def test_words_sort_in_the_locale_order(lang, words, expected):
    assert sorted(words, key=lambda word: sort_key(word, lang)) == expected


def test_a_russian_bibliography_puts_cyrillic_authors_first():
    items = [
        {"id": "a", "type": "book", "title": "A", "author": [{"family": "Smith", "given": "J."}]},
        {"id": "b", "type": "book", "title": "B", "author": [{"family": "Иванов", "given": "И."}]},
    ]
    entries = Renderer("apa", "ru-RU", engine="csl").bibliography(items)
    assert entries[0].startswith("Иванов")
