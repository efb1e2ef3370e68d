"""Finding styles and locales."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeform.errors import UnknownStyleError
from citeform.styles import (
    list_styles,
    locale_of_language,
    resolve_locale,
    resolve_style,
)


def test_renamed_id_is_followed() -> None:
    assert resolve_style("vancouver").path.name == "nlm-citation-sequence.csl"


def test_dependent_style_resolves_to_its_parent_with_its_own_locale() -> None:
    style = resolve_style("abi-technik")
    assert style.id == "abi-technik"
    assert style.path.parent.name == "styles"
    assert style.default_locale == "de-DE"


def test_style_by_path() -> None:
    path = resolve_style("apa").path
    assert resolve_style(str(path)).path == path
    with pytest.raises(UnknownStyleError):
        resolve_style(str(Path("/nonexistent/style.csl")))


def test_list_styles_filters_by_id_and_title() -> None:
    found = dict(list_styles("nlm-citation-sequence"))
    assert "nlm-citation-sequence" in found
    assert all("vancouver" in f"{i} {t}".lower() for i, t in list_styles("vancouver"))


def test_locales() -> None:
    assert resolve_locale("de") == "de-DE"
    assert resolve_locale("en-GB") == "en-GB"
    assert locale_of_language("de") == "de-DE"
    assert locale_of_language("en") == "en-US"
    assert locale_of_language("pt-BR") == "pt-BR"
    assert locale_of_language(None) is None
