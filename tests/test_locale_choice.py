"""The locale from a record's language: regions kept, ISO 639-2/3 codes, the style's own locale."""

import pytest
from citeproc import PRIMARY_DIALECTS
from hypothesis import given
from hypothesis import strategies as st

import citeform
from citeform.parsing import record_language
from citeform.parsing.language import LANGUAGES
from citeform.rendering import Renderer
from citeform.styles import available_locales, locale_candidates, locale_of_language


@pytest.mark.parametrize(
    ("language", "locale"),
    [("pt_BR", "pt-BR"), ("pt-br", "pt-BR"), ("en_GB", "en-GB"), ("de_CH", "de-CH"),
     ("ukr", "uk-UA"), ("slv", "sl-SI"), ("hrv", "hr-HR"), ("ger", "de-DE"), ("deu", "de-DE"),
     ("cze", "cs-CZ"), ("nor", "nb-NO"), ("English", "en-US"), ("de", "de-DE"),
     ("sr-Latn-RS", "sr-Latn-RS"), ("zh_TW", "zh-TW"), ("und", None), ("xyz", None)],
)  # fmt: skip
def test_locale_of_language(language, locale):
    assert locale_of_language(language) == locale


def test_every_iso_code_in_the_table_reaches_a_csl_locale():
    known = set(available_locales())
    missing = {
        code: tag
        for code, tag in LANGUAGES.items()
        if len(code) == 3 and tag in PRIMARY_DIALECTS and locale_of_language(code) not in known
    }
    assert missing == {}


@given(st.sampled_from(sorted(PRIMARY_DIALECTS)))
def test_a_bare_language_under_a_style_of_that_language_gives_the_style_locale(language):
    style_locale = f"{language}-XX"
    assert locale_candidates(language, style_locale)[0] == style_locale


@pytest.mark.parametrize(
    ("language", "style_locale", "first"),
    [("en", "en-GB", "en-GB"), ("English", "en-GB", "en-GB"), ("en-US", "en-GB", "en-US"),
     ("de", "en-GB", "de-DE"), (None, "en-GB", "en-GB"), ("pt_BR", "pt-PT", "pt-BR")],
)  # fmt: skip
def test_locale_candidates(language, style_locale, first):
    assert locale_candidates(language, style_locale)[0] == first


def test_renderer_lets_a_british_style_keep_its_locale_for_english_records():
    renderer = Renderer("ageing-and-society")  # default-locale en-GB
    assert renderer.locale_for([{"language": "en"}]) == "en-GB"
    assert renderer.locale_for([{"language": "en-US"}]) == "en-US"
    assert renderer.locale_for([{"language": "pt-BR"}]) == "pt-BR"


@pytest.mark.parametrize(
    ("text", "tag"),
    [("pt_BR", "pt-BR"), ("en_GB", "en-GB"), ("en_US", "en"), ("de_DE", "de"), ("ukr", "uk"),
     ("DE", "de"), ("other", None)],
)  # fmt: skip
def test_record_language_keeps_only_a_telling_region(text, tag):
    assert record_language(text) == tag


def test_dspace_record_language_keeps_brazil():
    dim = (
        '<dim:dim xmlns:dim="http://www.dspace.org/xmlns/dspace/dim">'
        '<dim:field mdschema="dc" element="title">T</dim:field>'
        '<dim:field mdschema="dc" element="language" qualifier="iso">pt_BR</dim:field></dim:dim>'
    )
    (record,) = citeform.read(dim, "dim")
    assert record.get("language") == "pt-BR"
