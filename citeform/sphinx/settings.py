"""The project's configuration as the extension reads it: sources, style, locale, scope."""

from __future__ import annotations

from sphinx.config import Config

from citeform.sphinx.library import Library, load_library, source_paths
from citeform.sphinx.render import Settings
from citeform.styles import locale_of_language, resolve_locale, resolve_style

DEFAULT_LOCALE = "en-US"
SCOPES = ("project", "document")
"""``project``: one bibliography, citations numbered across pages; ``document``: pages apart."""


def project_settings(config: Config) -> Settings:
    """The style, and the locale: ``citeform_locale``, else ``language``, else the style's."""
    style = str(config.citeform_style)
    language = locale_of_language(config.language) if _language_set(config) else None
    locale = config.citeform_locale or language or resolve_style(style).default_locale
    return Settings(style, resolve_locale(locale or DEFAULT_LOCALE))


def _language_set(config: Config) -> bool:
    """Whether the project chose its ``language`` (Sphinx fills in ``en`` otherwise)."""
    raw = getattr(config, "_raw_config", {})
    overrides = getattr(config, "_overrides", {})
    return "language" in raw or "language" in overrides


def project_library(config: Config, srcdir: str) -> Library:
    """The records of ``citeform_sources`` (paths relative to the source directory).

    Without it, sphinxcontrib-bibtex's ``bibtex_bibfiles`` is read, so that a project switches
    by changing its ``extensions`` line only.
    """
    sources = config.citeform_sources or config.bibtex_bibfiles
    return load_library(source_paths(srcdir, sources))
