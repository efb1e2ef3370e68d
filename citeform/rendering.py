"""Render records as citations: the public API (:class:`Renderer`, :class:`CiteItem`, :func:`cite`).

>>> r = Renderer(style="apa", locale="en-US")
>>> r.entry({"id": "x", "type": "book", "title": "A Book", "issued": {"date-parts": [[2020]]}})
'A Book. (2020).'

Failures: :meth:`Renderer.entry` raises :class:`~citeform.errors.RenderError`;
:meth:`Renderer.bibliography` renders the records it can and returns a :class:`Bibliography`
(a list of strings) whose ``errors`` holds one ``RenderError`` per failed record (its
``position`` is the record's, ``item N`` counting from 1), unless ``strict=True``, which
raises the first one instead. Records that render to nothing are left out, as citeproc-js
leaves them out. :meth:`Renderer.document` likewise renders every cluster it can: a failed
cluster is ``""`` and its ``RenderError`` is in ``.errors`` (``strict=True`` raises it);
:meth:`Renderer.citation` raises.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import import_module
from typing import Any

import attrs

from citeform.engine.base import (
    OUTPUT_FORMATS,
    CiteRequest,
    CslItem,
    Engine,
    EngineFactory,
    OutputFormat,
)
from citeform.errors import RenderError, UnknownLocaleError
from citeform.styles import defines_locale, locale_candidates, resolve_locale, resolve_style

DEFAULT_LOCALE = "en-US"
ENGINES: Mapping[str, Callable[[], EngineFactory]] = {
    "csl": lambda: import_module("citeform.engine.csl").CslEngine,
    "citeproc-py": lambda: import_module("citeform.engine.citeproc").CiteprocEngine,
}
"""The CSL processors a :class:`Renderer` can use, by name: citeform's own (the default) and
citeproc-py extended from outside, each loaded on first use."""
DEFAULT_ENGINE = "csl"
_EXTENSION = re.compile(r"-[0-9A-Za-z](?:-.*)?$")
"""A BCP 47 extension or private-use part: a one-character subtag and all that follows."""


def without_extensions(locale: str) -> str:
    """*locale* without BCP 47 extensions ("en-US-x-sort-ja" is en-US), as citeproc-js reads it."""
    return _EXTENSION.sub("", locale.strip())


@attrs.frozen
class CiteItem:
    """One cite in an in-text citation: a record and how it is cited."""

    record: Any
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


class Bibliography(list[str]):
    """Rendered entries, with the errors of the records that could not be rendered."""

    def __init__(self, entries: Iterable[str] = (), errors: Iterable[RenderError] = ()) -> None:
        """Hold *entries* in the style's order and the *errors* of failed records."""
        super().__init__(entries)
        self.errors: list[RenderError] = list(errors)

    def _repr_html_(self) -> str:
        """Show the entries as an escaped list in a notebook, then the errors."""
        from citeform.notebook import bibliography_html  # noqa: PLC0415 - notebooks only

        return bibliography_html(self, errors=self.errors)


class Citations(list[str]):
    """Rendered citation clusters, one string each (``""`` for a failed one), with the errors."""

    def __init__(self, texts: Iterable[str] = (), errors: Iterable[RenderError] = ()) -> None:
        """Hold *texts* in document order and the *errors* met rendering them."""
        super().__init__(texts)
        self.errors: list[RenderError] = list(errors)


def _render_errors(errors: Iterable[Exception]) -> list[RenderError]:
    return [
        error if isinstance(error, RenderError) else RenderError(str(error)) for error in errors
    ]


def to_csl_item(record: Any) -> dict[str, Any]:
    """A record (``citeform.Record`` or a CSL-JSON dict) as a CSL-JSON item dict."""
    if isinstance(record, Mapping):
        return dict(record)
    to_csl = getattr(record, "to_csl", None)
    if to_csl is None:
        msg = "not a record"
        raise TypeError(msg)
    item: dict[str, Any] = to_csl()
    return item


class Renderer:
    """A CSL style, loaded once, rendering records in one locale and output format.

    *style* is a style id or a path to a ``.csl`` file; *locale* is forced when given,
    else taken from the (first) record's ``language`` (but a language without region
    that the style's default locale shares gives the style's locale: "en" under an
    en-GB style is en-GB), else the style's default locale, else en-US. *format* is
    ``text``, ``html``, ``markdown`` or ``rtf``. A renderer pickles as its arguments and
    is rebuilt on unpickling, so each worker process gets its own; within a process, give
    each thread its own renderer (citeproc-py keeps some render state on the parsed style).
    """

    def __init__(
        self,
        style: str | os.PathLike[str] = "apa",
        locale: str | None = None,
        format: OutputFormat = "text",  # noqa: A002 - the documented keyword
        engine: str = DEFAULT_ENGINE,
    ) -> None:
        """Resolve *style* and *locale* (raising ``UnknownStyleError``/``UnknownLocaleError``).

        *engine* names the CSL processor: ``citeproc-py`` (the default) or ``csl``,
        citeform's own compile-once processor (in development).
        """
        if format not in OUTPUT_FORMATS:
            msg = f"unknown output format {format!r} (one of {', '.join(OUTPUT_FORMATS)})"
            raise ValueError(msg)
        if engine not in ENGINES:
            msg = f"unknown engine {engine!r} (one of {', '.join(ENGINES)})"
            raise ValueError(msg)
        self.engine_name = engine
        self.style = style
        self.locale = locale
        self.format: OutputFormat = format
        self._style = resolve_style(style)
        self._forced_locale = self._resolved(without_extensions(locale)) if locale else None
        self._engines: dict[str, Engine] = {}
        self._locales: dict[str | None, str] = {}
        """The locale chosen for each record language seen (the choice reads locale files)."""

    def __getstate__(self) -> dict[str, Any]:
        """Pickle as the arguments only (the loaded style is rebuilt)."""
        return {
            "style": self.style,
            "locale": self.locale,
            "format": self.format,
            "engine": self.engine_name,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Rebuild from the pickled arguments."""
        self.__init__(**state)  # type: ignore[misc]

    def __repr__(self) -> str:
        """``Renderer(style=…, locale=…, format=…)``, and ``engine=…`` unless the default."""
        engine = "" if self.engine_name == DEFAULT_ENGINE else f", engine={self.engine_name!r}"
        return (
            f"Renderer(style={self.style!r}, locale={self.locale!r}, format={self.format!r}"
            f"{engine})"
        )

    def locale_for(self, items: Sequence[CslItem]) -> str:
        """The locale *items* are rendered in (see the class docstring)."""
        if self._forced_locale:
            return self._forced_locale
        language = next((str(item["language"]) for item in items if item.get("language")), None)
        if language not in self._locales:
            self._locales[language] = self._locale_of(language)
        return self._locales[language]

    def _locale_of(self, language: str | None) -> str:
        for candidate in locale_candidates(language, self._style.default_locale):
            with contextlib.suppress(UnknownLocaleError):
                return self._resolved(candidate)
        return DEFAULT_LOCALE

    def _resolved(self, locale: str) -> str:
        """*locale* as its locale file names it.

        With the ``csl`` engine, a locale without a file that the style itself defines is
        taken too (the style's terms over en-US's).
        """
        try:
            return resolve_locale(locale)
        except UnknownLocaleError:
            if self.engine_name == "csl" and defines_locale(self._style.path, locale):
                return locale
            raise

    def engine(self, locale: str) -> Engine:
        """The engine for *locale* (loaded on first use, then kept)."""
        if locale not in self._engines:
            factory = ENGINES[self.engine_name]()
            self._engines[locale] = factory(self._style.path, locale, self.format)
        return self._engines[locale]

    def bibliography(self, records: Iterable[Any], *, strict: bool = False) -> Bibliography:
        """Render *records* as bibliography entries in the style's order.

        Failed records are reported in ``.errors`` (or raised with ``strict=True``).
        """
        items = [to_csl_item(record) for record in records]
        entries = self.engine(self.locale_for(items[:1])).bibliography(items)
        errors = [entry.error for entry in entries if entry.error is not None]
        if strict and errors:
            raise errors[0]
        return Bibliography((entry.text for entry in entries if entry.text), _render_errors(errors))

    def entry(self, record: Any) -> str:
        """Render one record as a bibliography entry (``""`` if it renders to nothing)."""
        item = to_csl_item(record)
        (entry,) = self.engine(self.locale_for([item])).bibliography([item])
        if entry.error is not None:
            raise entry.error
        return entry.text or ""

    def citation(self, items: Sequence[CiteItem | Any]) -> str:
        """Render one in-text citation of *items* (cite items or records); raise on failure."""
        return self.document([items], strict=True)[0]

    def document(
        self,
        clusters: Sequence[Sequence[CiteItem | Any]],
        note_numbers: Sequence[int] | None = None,
        *,
        strict: bool = False,
    ) -> Citations:
        """Render a document's citation clusters in order; one string per cluster.

        What failed is in ``.errors`` (a failed cluster is ``""``), or raised with
        ``strict=True``.
        """
        requests = [[_request(cite) for cite in cluster] for cluster in clusters]
        first = [request.item for cluster in requests for request in cluster][:1]
        entries = self.engine(self.locale_for(first)).citations(requests, note_numbers)
        errors = _render_errors(entry.error for entry in entries if entry.error is not None)
        if strict and errors:
            raise errors[0]
        return Citations((entry.text or "" for entry in entries), errors)


def _request(cite: CiteItem | Any) -> CiteRequest:
    if not isinstance(cite, CiteItem):
        cite = CiteItem(cite)
    return CiteRequest(
        item=to_csl_item(cite.record),
        locator=cite.locator,
        label=cite.label,
        prefix=cite.prefix,
        suffix=cite.suffix,
        suppress_author=cite.suppress_author,
        author_only=cite.author_only,
    )


def cite(
    records: Iterable[Any],
    style: str | os.PathLike[str] = "apa",
    locale: str | None = None,
    format: OutputFormat = "text",  # noqa: A002 - the documented keyword
) -> list[str]:
    """Render *records* as a bibliography in one call (see :class:`Renderer`)."""
    return Renderer(style, locale, format).bibliography(records)
