"""What a citation role holds: its cites, as read from the role's text."""

from __future__ import annotations

from typing import Literal

import attrs

Mode = Literal["p", "t", "cite"]
"""``p`` parenthetical, ``t`` narrative (names in the text), ``cite`` the style's citation."""


@attrs.frozen
class Cite:
    """One cite of a role: a source key and how it is cited."""

    key: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None


@attrs.frozen
class Cluster:
    """One citation role in a document: its place, its mode and its cites."""

    docname: str
    index: int
    mode: Mode
    cites: tuple[Cite, ...]


@attrs.frozen
class BibliographyRequest:
    """One ``bibliography`` directive: its place and what it lists."""

    docname: str
    index: int
    scope: Literal["document", "project"]
    everything: bool = False
    style: str | None = None
    locale: str | None = None
