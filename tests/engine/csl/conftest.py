"""Locales the csl engine's unit tests share (built once per session)."""

from __future__ import annotations

import pytest

from citeform.engine.csl.locale import Locale, build_locale


@pytest.fixture(scope="session")
def en() -> Locale:
    return build_locale("en-US")


@pytest.fixture(scope="session")
def de() -> Locale:
    return build_locale("de-DE")


@pytest.fixture(scope="session")
def fr() -> Locale:
    return build_locale("fr-FR")
