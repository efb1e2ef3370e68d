"""A cite as citeproc-py's elements see it while a citation cluster is rendered.

:class:`Cite` is a citeproc-py ``CitationItem`` that stands on its own: it carries its
reference, citation number and locator, and what the citation pipeline decided for it
(position, disambiguation) plus a small :class:`Tracker` the override mixins fill while
the cite renders. Bibliography items are plain ``CitationItem`` objects, so the mixins
recognise a cite in a citation by its class.
"""

from __future__ import annotations

from typing import Any, Final

import attrs
from citeproc.source import CitationItem, Locator, Reference

from citeform.engine.citeproc.positions import FIRST, Position

INITIALS: Final = 1
FULL_GIVEN_NAMES: Final = 2
"""Given-name levels of disambiguation: initials, then full given names (0: as the style says)."""


@attrs.define
class Disambiguation:
    """How far one item's cites are expanded to tell them apart (CSL "Disambiguation")."""

    names_added: int = 0
    """Extra names shown before "et al." (``disambiguate-add-names``)."""
    given_levels: dict[tuple[str, int], int] = attrs.field(factory=dict)
    """Given names shown per name: (names variable, index) -> INITIALS or FULL_GIVEN_NAMES."""
    conditions: int = 0
    """How many ``disambiguate="true"`` tests hold, counted in rendering order."""
    year_suffix: str | None = None
    """The year-suffix letter(s), ``a``, ``b``, … (``disambiguate-add-year-suffix``)."""


@attrs.define
class Tracker:
    """What the override mixins notice while one cite renders."""

    names_depth: int = 0
    author: Any = None
    """Output of the cite's first ``cs:names`` that rendered (its "author")."""
    author_seen: bool = False
    suppress_author: bool = False
    year_suffix_shown: bool = False
    """Whether the implicit year-suffix has been printed (it is printed once)."""
    conditions_seen: int = 0
    """``disambiguate="true"`` tests met so far."""
    terms: list[str] = attrs.field(factory=list)
    """Output of the terms (``cs:text term``) the cite rendered, in order."""


class Cite(CitationItem):  # type: ignore[misc]
    """One cite of a citation cluster, ready for citeproc-py's elements."""

    def __init__(  # noqa: PLR0913 - a cite is all of these
        self,
        key: str,
        reference: Reference,
        number: int,
        *,
        locator: Locator | None = None,
        prefix: str | None = None,
        suffix: str | None = None,
        place: Position | None = None,
        disambiguation: Disambiguation | None = None,
    ) -> None:
        """Build a cite of the item under *key*; citeproc-py's own constructor is bypassed."""
        dict.__init__(self)
        dict.update(self, key=key, cf_reference=reference, cf_number=number)
        if locator is not None:
            dict.__setitem__(self, "locator", locator)
        if prefix:
            dict.__setitem__(self, "prefix", prefix)
        if suffix:
            dict.__setitem__(self, "suffix", suffix)
        dict.update(
            self,
            cf_place=place or Position(FIRST, near_note=False, first_note=0),
            cf_disambiguation=disambiguation or Disambiguation(),
            cf_tracker=Tracker(),
        )

    @property
    def reference(self) -> Reference:
        """The item's data."""
        return dict.__getitem__(self, "cf_reference")

    @property
    def number(self) -> int:
        """The item's citation number."""
        return int(dict.__getitem__(self, "cf_number"))

    @property
    def place(self) -> Position:
        """The cite's position in the document."""
        return dict.__getitem__(self, "cf_place")

    @property
    def disambiguation(self) -> Disambiguation:
        """The disambiguation state of the cite's item."""
        return dict.__getitem__(self, "cf_disambiguation")

    @property
    def tracker(self) -> Tracker:
        """What the mixins noticed during the current rendering."""
        return dict.__getitem__(self, "cf_tracker")

    def reset_tracker(self, *, suppress_author: bool = False) -> None:
        """Start a fresh rendering of the cite."""
        dict.__setitem__(self, "cf_tracker", Tracker(suppress_author=suppress_author))

    def with_reference(self, reference: Reference) -> Cite:
        """The same cite (sharing its tracker) seeing *reference* instead."""
        copy = Cite.__new__(Cite)
        dict.update(copy, self)
        dict.__setitem__(copy, "cf_reference", reference)
        return copy

    def get_field(self, field: str) -> Any:
        """A variable's value (for citeproc-py's sort keys)."""
        return self.reference.get(field)

    def __repr__(self) -> str:
        """Show the item key and position."""
        return f"Cite({self.key!r}, {self.place.position})"


def amended_reference(reference: Reference, extra: dict[str, Any]) -> Reference:
    """A copy of *reference* with *extra* variables set, under both spellings."""
    copy = Reference.__new__(Reference)
    dict.update(copy, reference)
    for variable, value in extra.items():
        dict.__setitem__(copy, variable, value)
        dict.__setitem__(copy, variable.replace("-", "_"), value)
    return copy


def issued_year(reference: Reference) -> int | None:
    """The (first) year of the reference's ``issued`` date, if it has one."""
    issued = dict.get(reference, "issued")
    if isinstance(issued, dict) and "begin" in issued:
        issued = issued["begin"]
    year = dict.get(issued, "year") if isinstance(issued, dict) else None
    return year if isinstance(year, int) and year else None


def cite_of(item: object) -> Cite | None:
    """*item* if it is a cite of a citation cluster (not a bibliography item)."""
    return item if isinstance(item, Cite) else None
