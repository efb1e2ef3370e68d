# ruff: noqa: RUF001 - en dashes are what the tests are about
"""The main job: the seed record's Zitierform, in APA, din-iso-690-de and din-1505-2."""

import itertools
import re
import subprocess
import sys

import pytest

import citeform
from citeform.example import example_path

TARGETS = {
    "apa": "Städtetag Nordrhein-Westfalen. (o. J.). Fachkonferenz zur Arbeitsmarktintegration "
    "von Flüchtlingen – Beispiele aus Städten. Eildienst, (2), 3–4.",
    "din-iso-690-de": "Städtetag Nordrhein-Westfalen (o. J.): Fachkonferenz zur "
    "Arbeitsmarktintegration von Flüchtlingen – Beispiele aus Städten. In: Eildienst, Nr. 2, "
    "S. 3–4.",
    "din-1505-2": "Städtetag Nordrhein-Westfalen: Fachkonferenz zur Arbeitsmarktintegration von "
    "Flüchtlingen – Beispiele aus Städten. In: Eildienst, Nr. 2, S. 3–4",
}
"""The Zitierform expected of the example record in each style; din-1505-2.csl itself never
prints "o. J." for a missing year."""

GERMAN_TERMS = {
    "apa": ["o. J."],
    "din-iso-690-de": ["o. J.", "In:", "Nr.", "S."],
    "din-1505-2": ["In:", "Nr.", "S."],
}


def seed():
    return example_path()


def zitierform(style):
    (record,) = citeform.read(seed())
    (filled,) = citeform.fill([record], style=style)
    return filled.citation.replace("\xa0", " ")


def assert_clean(text):
    """No doubled words, spaces or punctuation; page ranges with an en dash."""
    words = re.findall(r"\w+", text.casefold())
    assert not [a for a, b in itertools.pairwise(words) if a == b], text
    assert "  " not in text, text
    assert text == text.strip(), text
    assert not re.search(r"[.,:;]\s*[.,:;]", text.replace("o. J.", "o.J")), text
    assert not re.search(r"\d-\d", text), text


@pytest.mark.parametrize("style", sorted(TARGETS))
def test_example_zitierform_is_clean_and_german(style):
    text = zitierform(style)
    assert_clean(text)
    assert "3–4" in text
    for term in GERMAN_TERMS[style]:
        assert term in text
    assert not re.search(r"\b(n\.d\.|pp?\.|ed\.|Eds?\.)", text)


@pytest.mark.parametrize("style", sorted(TARGETS))
def test_example_zitierform_exact(style):
    assert zitierform(style) == TARGETS[style]


def test_holdings_and_publisher_kept_in_the_record_not_in_the_zitierform():
    (record,) = citeform.fill(citeform.read(seed()))
    assert record.get("call-number")
    assert record.get("publisher-place") == "Köln"
    assert "ZLB" not in record.citation
    assert "Köln" not in record.citation


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "citeform", *args], capture_output=True, text=True, check=False
    )


def test_fill_without_file_fills_the_bundled_example():
    result = run("fill", "--to", "csl-json")
    assert result.returncode == 0, result.stderr
    assert TARGETS["apa"] in result.stdout.replace("\xa0", " ")


@pytest.mark.parametrize(
    "style",
    [
        "apa",
        "din-iso-690-de",
        "din-1505-2",
    ],
)
def test_cite_without_file_prints_the_examples_zitierform(style):
    result = run("cite", "--style", style)
    assert result.returncode == 0, result.stderr
    text = result.stdout.replace("\xa0", " ").strip()
    assert_clean(text)
    assert text == TARGETS[style]
