"""Rendered citations and bibliographies of a project, as the build stores them."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

OPEN_MARK = "\ue000"
"""Starts a cite's link marker in an affix: OPEN_MARK, the cite's number, NUMBER_END."""
NUMBER_END = "\ue002"
CLOSE_MARK = "\ue001"
"""Ends a cite's link marker."""

_OPEN = re.compile(f"{OPEN_MARK}([0-9]+){NUMBER_END}")


def strip_marks(html: str) -> str:
    """*html* without link markers."""
    return _OPEN.sub("", html).replace(CLOSE_MARK, "")


def marks_to_links(html: str) -> str:
    """*html* with each marked cite as ``<a data-cite="N">…</a>``."""
    return _OPEN.sub(r'<a data-cite="\1">', html).replace(CLOSE_MARK, "</a>")


@attrs.frozen
class Piece:
    """Rendered HTML and the keys it cites.

    With ``marked``, ``<a data-cite="N">`` links ``keys[N]``; else the whole piece links
    ``keys[0]`` (when it has keys).
    """

    html: str
    keys: tuple[str, ...] = ()
    marked: bool = False


@attrs.frozen
class RenderedCitation:
    """One role's output: pieces in the running text and, in a note style, the note."""

    text: tuple[Piece, ...]
    note: Piece | None = None

    def pieces(self) -> tuple[Piece, ...]:
        """The text's pieces, then the note."""
        return (*self.text, self.note) if self.note else self.text


@attrs.frozen
class RenderedBibliography:
    """One bibliography's entries: (key, HTML) in the style's order."""

    entries: tuple[tuple[str, str], ...]


Place = tuple[str, int]
"""A role or directive's document and its number in that document."""


@attrs.frozen
class Rendered:
    """Every citation and bibliography of a project, and where each key's entry is."""

    citations: Mapping[Place, RenderedCitation]
    bibliographies: Mapping[Place, RenderedBibliography]
    targets: Mapping[str, tuple[Place, ...]]
    """Each key's bibliographies, in build order."""

    def target(self, key: str, docname: str) -> Place | None:
        """The bibliography a cite of *key* in *docname* links to: one in that document first."""
        places = self.targets.get(key, ())
        return next((p for p in places if p[0] == docname), places[0] if places else None)

    def digest(self, docname: str) -> tuple[object, ...]:
        """All that *docname*'s output depends on (to tell which pages to write again)."""
        citations = sorted((p, c) for p, c in self.citations.items() if p[0] == docname)
        keys = {key for _, c in citations for piece in c.pieces() for key in piece.keys}
        return (
            tuple(citations),
            tuple(sorted((p, b) for p, b in self.bibliographies.items() if p[0] == docname)),
            tuple(sorted((key, self.target(key, docname)) for key in keys)),
        )
