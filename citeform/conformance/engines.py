"""Renderers for measurements, by engine name."""

from __future__ import annotations

import os

from citeform.engine.base import OutputFormat
from citeform.rendering import DEFAULT_ENGINE, Renderer


def make_renderer(
    style: str | os.PathLike[str],
    locale: str | None,
    format: OutputFormat,  # noqa: A002 - the Renderer's keyword
    engine: str | None = None,
) -> Renderer:
    """A Renderer of *style* in *locale* and *format*, rendering with *engine*.

    Without *engine*, the Renderer's default; an unknown engine raises ``ValueError``.
    """
    return Renderer(style, locale, format, engine=engine or DEFAULT_ENGINE)
