"""The render context: everything one render of one cite needs besides the compiled style.

A compiled style is shared and immutable; a :class:`Context` is made per cite (or
bibliography entry) and carries the item, the locale, the cite's data (position,
locator), disambiguation settings and the bookkeeping of groups and substitution.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import attrs

from citeform.engine.csl.locale import Locale
from citeform.engine.csl.rich import Part


@attrs.frozen
class CiteData:
    """What a cite adds to its item: locator, label, position, note numbers."""

    locator: str | None = None
    label: str | None = None
    position: str = "first"
    near_note: bool = False
    first_reference_note_number: int | None = None


class PrintedNames(NamedTuple):
    """A list of names as printed.

    Its node, the identity of its names, and each name's node with its identity
    (:func:`~citeform.engine.csl.names.names_identity`).
    """

    node: Part
    identity: str
    each: tuple[tuple[Part, str], ...] = ()


@attrs.define(slots=True)
class Context:
    """Mutable state of one render; made fresh for every cite or entry."""

    item: Mapping[str, Any]
    locale: Locale
    mode: str
    cite: CiteData = CiteData()
    sorting: bool = False
    citation_number: int | None = None
    year_suffix: str = ""
    year_suffix_used: bool = False
    disambiguate: int = 0
    """How many ``disambiguate="true"`` conditions may hold (the first ones tested)."""
    disambiguated: int = 0
    disambiguate_tested: int = 0
    """How many ``disambiguate="true"`` tests ran (``disambiguated`` of them held)."""
    add_names: int = 0
    names_shown: int = 0
    """At least this many names before "et al." (0: as the style says)."""
    given_levels: Mapping[str, int] | None = None
    given_positions: tuple[int, ...] = ()
    """Given-name levels by position in the first list of names printed (then cleared)."""
    names_cut: bool = False
    """Whether a list of names printed fewer names than it has (more may print after)."""
    given_read: int | None = None
    """How many names printed in the list :attr:`given_positions` applies to (``None``:
    no list yet): levels further on change nothing."""
    initials_always: bool = False
    """Whether given-name level 1 means initials even without ``initialize-with``."""
    names_override: Mapping[str, Any] | None = None
    suppressed: set[str] = attrs.field(factory=set)
    rendered_variables: set[str] = attrs.field(factory=set)
    called: int = 0
    rendered: int = 0
    first_names: Part | None = None
    names_done: bool = False
    names_depth: int = 0
    suppress_first_names: bool = False
    in_substitute: bool = False
    author_only: bool = False
    """Printing only the author: once names have printed, variables print nothing more."""
    author_printed: bool = False
    """Whether names, a date or a title has printed (see :mod:`.author_only`)."""
    substitute_texts: bool = False
    """Whether texts in the running substitute may still print (see :mod:`.author_only`)."""
    text_variable_tried: bool = False
    """Whether a ``cs:text`` of a variable (other than the locator, citation number, year
    suffix or citation label) ran, printing or not: such a cite does not collapse."""
    comparing: bool = False
    """Rendering the form compared for ambiguity (the ``accessed`` date prints nothing)."""
    literals: int = 0
    """How many term and value texts have rendered (inside a substitute, one ends it)."""
    name_lists: list[PrintedNames] = attrs.field(factory=list)
    """The name lists printed so far (without their labels), each with the identity of
    its names (:func:`~citeform.engine.csl.names.names_identity`)."""
    first_name_lists: tuple[PrintedNames, ...] = ()
    """The name lists of :attr:`first_names` (what subsequent-author-substitute compares)."""
    substituted_value: str | None = None
    """The value of the first variable a substitute printed (``""`` if not a string): what
    subsequent-author-substitute compares when the first names are a substitute's text."""
    author_substitute_off: bool = False
    """A substitute tried a ``cs:names`` with its own children that printed nothing, not
    even by its own substitute: as in citeproc-js, subsequent-author-substitute then
    leaves the entry alone."""

    @property
    def english(self) -> bool:
        """Whether title case applies: the locale, or the item's language, is English."""
        language = self.item.get("language")
        if isinstance(language, str) and language:
            return language.lower().startswith("en")
        return self.locale.lang.startswith("en")
