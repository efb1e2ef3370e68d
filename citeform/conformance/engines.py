"""Renderers for measurements, by engine name.

:func:`make_renderer` passes ``engine=NAME`` on to :class:`~citeform.rendering.Renderer` where
the Renderer takes that keyword; where it does not, only the engine it always uses is accepted.
"""

from __future__ import annotations

import inspect
import os

from citeform.engine.base import OutputFormat
from citeform.rendering import Renderer

BUILT_IN_ENGINE = "citeproc-py"
"""The engine a Renderer without an ``engine`` keyword renders with."""


def renderer_engines() -> bool:
    """Whether :class:`~citeform.rendering.Renderer` takes an ``engine`` keyword."""
    return "engine" in inspect.signature(Renderer).parameters


def make_renderer(
    style: str | os.PathLike[str],
    locale: str | None,
    format: OutputFormat,  # noqa: A002 - the Renderer's keyword
    engine: str | None = None,
) -> Renderer:
    """A Renderer of *style* in *locale* and *format*, rendering with *engine* (default: its own).

    Raises ``ValueError`` for an engine this Renderer cannot use.
    """
    if engine is None:
        return Renderer(style, locale, format)
    if renderer_engines():
        return Renderer(style, locale, format, engine=engine)  # type: ignore[call-arg,unused-ignore]
    if engine != BUILT_IN_ENGINE:
        msg = f"unknown engine {engine!r}: this citeform renders only with {BUILT_IN_ENGINE!r}"
        raise ValueError(msg)
    return Renderer(style, locale, format)
