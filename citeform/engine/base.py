"""The seam between citeform and a CSL processor.

citeform renders only through :class:`Engine`: a style and a locale are loaded once
(:data:`EngineFactory`), then bibliographies and citation clusters are rendered from
CSL-JSON item dicts in one output format. citeproc-py sits behind it today
(:mod:`citeform.engine.citeproc`); a compile-once processor can slot in by offering the
same two methods.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import attrs

OutputFormat = Literal["text", "html", "markdown", "rtf"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("text", "html", "markdown", "rtf")

CslItem = Mapping[str, Any]
"""One CSL-JSON item (``id``, ``type``, variables)."""


@attrs.frozen
class Entry:
    """One rendered bibliography entry or citation cluster, or why it could not be rendered.

    ``index`` is the item's (cluster's) position in the input; ``text`` is ``None`` when it
    failed (``error`` says why) and ``""`` when it renders to nothing. A cluster may have
    both: it rendered, but not wholly as the style asks (a cite left out, no
    disambiguation), and ``error`` says why.
    """

    index: int
    text: str | None
    error: Exception | None = None


@attrs.frozen
class CiteRequest:
    """One cite inside a citation cluster, as the engine receives it."""

    item: CslItem
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


class Engine(Protocol):
    """A CSL processor with one style and one locale loaded."""

    @property
    def locale(self) -> str:
        """The locale terms and dates are taken from."""
        ...  # pragma: no cover

    def bibliography(self, items: Sequence[CslItem]) -> list[Entry]:
        """Render *items* as bibliography entries, in the style's order.

        A failing item yields an :class:`Entry` with its ``error``; the others render.
        """
        ...  # pragma: no cover

    def citations(
        self,
        clusters: Sequence[Sequence[CiteRequest]],
        note_numbers: Sequence[int] | None = None,
    ) -> list[Entry]:
        """Render citation *clusters* in document order, one :class:`Entry` per cluster.

        A failing cluster yields an :class:`Entry` with its ``error``; the others render.
        """
        ...  # pragma: no cover


EngineFactory = Callable[[Path, str, OutputFormat], Engine]
"""Load a style file in a locale for an output format (style path, locale, format)."""
