"""Disambiguation of cites (CSL 1.0.2, "Disambiguation").

Cites of different items are ambiguous when they render identically. The steps, each only
for what is still ambiguous and each only when the style asks for it:

1. ``disambiguate-add-names``: show more names before "et al.", one at a time.
2. ``disambiguate-add-givenname``: initials, then full given names. With the
   ``givenname-disambiguation-rule`` ``by-cite`` only ambiguous cites are expanded; the
   ``all-names``/``primary-name`` rules (and their ``-with-initials`` forms) expand every name
   whose family name is shared with a different person anywhere in the document.
3. ``disambiguate="true"`` conditions hold for the items still ambiguous, one more at a time
   in rendering order (so extra text is added only as far as needed, as in citeproc-js).
4. ``disambiguate-add-year-suffix``: a, b, c… in bibliography order within each ambiguous group.

The state is per item: all cites of an item are expanded alike. Ambiguity is judged on the
cite without locator, affixes and access date (as citeproc-js judges it), in each form the
document uses (first, subsequent), for every item: an item cited once is still told apart
from another's subsequent cites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from citeproc.source import Date, Reference
from citeproc.string import String

from citeform import vocab
from citeform.engine.base import CiteRequest
from citeform.engine.citeproc.cite_overrides import SUFFIX_KEY
from citeform.engine.citeproc.cites import (
    FULL_GIVEN_NAMES,
    INITIALS,
    Disambiguation,
    amended_reference,
    issued_year,
)
from citeform.engine.citeproc.positions import FIRST, SUBSEQUENT, Position
from citeform.engine.citeproc.year_suffix import suffix_letters

if TYPE_CHECKING:
    from citeform.engine.citeproc.citations import CitationPipeline, PlacedCite

MAX_ADDED_NAMES: Final = 50
MAX_EXPANDED_NAMES: Final = 20
GIVENNAME_RULES: Final = {
    "all-names": (False, FULL_GIVEN_NAMES),
    "all-names-with-initials": (False, INITIALS),
    "primary-name": (True, FULL_GIVEN_NAMES),
    "primary-name-with-initials": (True, INITIALS),
}
"""Global given-name rule -> (first name only, highest level)."""


def _enabled(pipeline: CitationPipeline, option: str) -> bool:
    return str(pipeline.root.citation.get_option(option)).lower() == "true"


class Disambiguator:
    """Works out the disambiguation state of every cited item of one document."""

    def __init__(self, pipeline: CitationPipeline, cites: Sequence[PlacedCite]) -> None:
        """Collect the forms (first, subsequent) the document cites items in."""
        self.pipeline = pipeline
        self.states: dict[str, Disambiguation] = {}
        used = {FIRST if placed.place.position == FIRST else SUBSEQUENT for placed in cites}
        self.forms = [
            Position(form, near_note=False, first_note=0)
            for form in (FIRST, SUBSEQUENT)
            if form in used
        ]
        for placed in cites:
            self.states.setdefault(placed.key, Disambiguation())
        self.rendered: dict[tuple[str, object], tuple[str, ...]] = {}

    def text(self, key: str) -> tuple[str, ...]:
        """How the item's cites render in each form, as the state now stands (memoised)."""
        state = self.states[key]
        memo_key = (key, _snapshot(state))
        if memo_key not in self.rendered:
            cites = [self.pipeline.make_cite(_bare(key, place), state) for place in self.forms]
            self.rendered[memo_key] = tuple(
                str(
                    self.pipeline.render_cite(
                        cite.with_reference(_without_accessed(cite.reference))
                    )
                )
                for cite in cites
            )
        return self.rendered[memo_key]

    def groups(self, keys: Iterable[str]) -> list[list[str]]:
        """Groups of items among *keys* whose cites render identically in a shared form."""
        by_text: dict[tuple[int, str], list[str]] = defaultdict(list)
        for key in keys:
            for place, text in zip(self.forms, self.text(key), strict=True):
                by_text[(0 if place.position == FIRST else 1, text)].append(key)
        merged: list[set[str]] = []
        for members in by_text.values():
            if len(members) < 2:
                continue
            overlapping = [group for group in merged if group & set(members)]
            union = set(members).union(*overlapping)
            merged = [group for group in merged if group not in overlapping] + [union]
        order = {key: index for index, key in enumerate(self.states)}
        return [sorted(group, key=order.__getitem__) for group in merged]

    def add_names(self, group: Sequence[str], *, given_names: int) -> None:
        """Step 1: show more names, one at a time, while that tells more of the group apart.

        With *given_names* (the highest given-name level allowed, 0 for none), each step
        also expands the given names that help (as citeproc-js does, so a name added can be
        told apart by its given name).
        """

        def each_step() -> None:
            if given_names:
                self.expand_given_names(group, given_names)

        self.escalate(group, "names_added", MAX_ADDED_NAMES, each_step)

    def escalate(
        self,
        group: Sequence[str],
        field: str,
        highest: int,
        each_step: Callable[[], None] | None = None,
    ) -> None:
        """Raise *field* step by step for the group's ambiguous items while that helps.

        Each item keeps the lowest level at which it was least ambiguous (0 if raising never
        helped it); *each_step* runs after every raise.
        """
        best = {key: (len(group), 0) for key in group}
        pending = list(group)
        for level in range(1, highest + 1):
            before = {key: self.text(key) for key in pending}
            for key in pending:
                setattr(self.states[key], field, level)
            if {key: self.text(key) for key in pending} == before:
                break
            if each_step is not None:
                each_step()
            sharing = self.ambiguity(group)
            for key in pending:
                if sharing[key] < best[key][0]:
                    best[key] = (sharing[key], level)
            pending = [key for key in pending if sharing[key] > 1]
            if not pending:
                break
        for key, (_, level) in best.items():
            setattr(self.states[key], field, level)

    def ambiguity(self, keys: Sequence[str]) -> dict[str, int]:
        """For each of *keys*, how many of them (itself included) its cites are mistaken for."""
        sharing = dict.fromkeys(keys, 1)
        for found in self.groups(keys):
            for key in found:
                sharing[key] = len(found)
        return sharing

    def run(self) -> dict[str, Disambiguation]:
        """All four steps; return the state of every item.

        A single item has nothing to be told apart from (every step compares items with
        other items), so it keeps the plain state.
        """
        if len(self.states) < 2:
            return self.states
        pipeline = self.pipeline
        givennames = _enabled(pipeline, "disambiguate-add-givenname")
        rule = str(pipeline.root.citation.get_option("givenname-disambiguation-rule"))
        highest = GIVENNAME_RULES.get(rule, (False, FULL_GIVEN_NAMES))[1] if givennames else 0
        if givennames:
            self.global_givennames(rule)
        if _enabled(pipeline, "disambiguate-add-names"):
            for group in self.groups(self.states):
                self.add_names(group, given_names=highest)
        if givennames:
            for group in self.groups(self.states):
                self.expand_given_names(group, highest)
        if pipeline.disambiguate_conditions:
            for group in self.groups(self.states):
                self.escalate(group, "conditions", pipeline.disambiguate_conditions)
        if _enabled(pipeline, "disambiguate-add-year-suffix"):
            self.year_suffixes()
        return self.states

    def expand_given_names(self, group: Sequence[str], highest: int) -> None:
        """Step 2 (by cite): expand the group's names position by position where that helps."""
        variable = _first_names_variable(self.pipeline.source[group[0]])
        if variable is None:
            return
        count = max(len(self.pipeline.source[key].get(variable) or ()) for key in group)
        for index in range(min(count, MAX_EXPANDED_NAMES)):
            pending = [key for key, sharing in self.ambiguity(group).items() if sharing > 1]
            if not pending:
                return
            before = sum(self.ambiguity(group).values())
            for level in range(1, highest + 1):
                old = {
                    key: self.states[key].given_levels.get((variable, index), 0) for key in pending
                }
                for key in pending:
                    self.states[key].given_levels[(variable, index)] = max(level, old[key])
                if sum(self.ambiguity(group).values()) < before:
                    break
                for key in pending:
                    self.states[key].given_levels[(variable, index)] = old[key]

    def global_givennames(self, rule: str) -> None:
        """The ``all-names``/``primary-name`` rules: expand names shared by different people.

        A name is compared with the names of the other items only (as citeproc-js does:
        "Smith & Smith" of one item stays as it is).
        """
        if rule not in GIVENNAME_RULES:
            return
        primary_only, highest = GIVENNAME_RULES[rule]
        people = {
            key: _people(self.pipeline.source[key], primary_only=primary_only)
            for key in self.states
        }
        given_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for key, names in people.items():
            for _, _, family, given in names:
                given_of[family][key].add(given)
        for key, names in people.items():
            for variable, index, family, given in names:
                others = {
                    name
                    for item, found in given_of[family].items()
                    if item != key
                    for name in found
                }
                level = _level_needed(given, others, highest)
                if level:
                    self.states[key].given_levels[(variable, index)] = level

    def year_suffixes(self) -> None:
        """Give the items of each remaining group a, b, c… in bibliography order."""
        rank = {key: index for index, key in enumerate(self.pipeline.order)}
        for group in self.groups(self.states):
            ordered = sorted(group, key=lambda key: rank.get(key, len(rank)))
            for index, key in enumerate(ordered):
                self.states[key].year_suffix = suffix_letters(index)


def disambiguate(
    pipeline: CitationPipeline, cites: Sequence[PlacedCite]
) -> dict[str, Disambiguation]:
    """The disambiguation state of every cited item."""
    return Disambiguator(pipeline, cites).run()


def _snapshot(state: Disambiguation) -> object:
    """A hashable copy of *state*."""
    return (
        state.names_added,
        tuple(sorted(state.given_levels.items())),
        state.conditions,
        state.year_suffix,
    )


def _without_accessed(reference: Reference) -> Reference:
    """*reference* without its access date: when a work was read does not tell it apart."""
    copy = Reference.__new__(Reference)
    dict.update(copy, {key: value for key, value in reference.items() if key != "accessed"})
    return copy


def _bare(key: str, place: Position) -> PlacedCite:
    from citeform.engine.citeproc.citations import PlacedCite  # noqa: PLC0415 - import cycle

    return PlacedCite(CiteRequest(item={}), key, place)


def _names_variables(reference: Reference) -> list[str]:
    """The reference's names variables, ``author`` first."""
    variables = [variable for variable in reference if vocab.KIND_OF.get(variable) == "name"]
    return sorted(variables, key=lambda variable: variable != "author")


def _first_names_variable(reference: Reference) -> str | None:
    return next(iter(_names_variables(reference)), None)


def _people(reference: Reference, *, primary_only: bool) -> list[tuple[str, int, str, str]]:
    """(variable, index, family, given) of personal names (only the first with *primary_only*)."""
    found = [
        (variable, index, _family(name), _same_person_key(str(name.get("given", ""))))
        for variable in _names_variables(reference)
        for index, name in enumerate(reference[variable])
        if isinstance(name, dict) and name.get("family")
    ]
    return found[:1] if primary_only else found


def _family(name: dict[str, Any]) -> str:
    """The family name with its non-dropping particle ("dos Santos" is not "Santos")."""
    return " ".join(
        str(name[part]) for part in ("non-dropping-particle", "family") if name.get(part)
    )


def _same_person_key(given: str) -> str:
    """Given names that differ only in spacing and full stops are the same ("J.J." = "J. J.")."""
    return re.sub(r"[\s.]+", "", given)


def _level_needed(given: str, all_given: set[str], highest: int) -> int:
    """0 when no other person shares the family name; 1 when initials tell them apart; else 2.

    When *highest* is 1 (``-with-initials`` rules) and initials cannot tell them apart, 0.
    """
    others = all_given - {given}
    if not others:
        return 0
    if _initials(given) not in {_initials(other) for other in others}:
        return INITIALS
    return FULL_GIVEN_NAMES if highest >= FULL_GIVEN_NAMES else 0


def _initials(given: str) -> str:
    return "".join(char for char in given if char.isupper()) or given[:1]


def reference_for(pipeline: CitationPipeline, placed: PlacedCite, state: Disambiguation) -> Any:
    """The item's reference as this cite sees it.

    With its year-suffix (after the citation label when the style prints one, else after the
    year of ``issued``, unless the style prints ``year-suffix`` itself), the
    ``first-reference-note-number`` of a subsequent cite, a generated ``citation-label`` and
    the cite's locator.
    """
    reference = pipeline.source[placed.key]
    first_note = placed.place.position != FIRST and placed.place.first_note
    label = reference.get("citation-label")
    if label is None and pipeline.prints_citation_label:
        label = citation_label(reference)
    locator = placed.request.locator
    if not (state.year_suffix or first_note or label or locator):
        return reference
    extra: dict[str, Any] = {"citation-label": String(label)} if label else {}
    if locator:
        extra["locator"] = String(locator)  # for tests such as is-numeric="locator"
    if state.year_suffix:
        extra["year-suffix"] = String(state.year_suffix)
        issued = reference.get("issued")
        if pipeline.prints_year_suffix:
            pass
        elif label and pipeline.prints_citation_label:
            extra["citation-label"] = String(f"{label}{state.year_suffix}")
        elif isinstance(issued, Date):
            extra["issued"] = _with_suffix(issued, state.year_suffix)
    if first_note:
        extra["first-reference-note-number"] = String(str(placed.place.first_note))
    return amended_reference(reference, extra)


TRIGRAPH_LETTERS: Final = {1: (4,), 2: (2, 2), 3: (2, 1, 1)}
"""Letters taken from each family name by number of names (four or more: one of each of four)."""


def citation_label(reference: Reference) -> str | None:
    """citeproc-js's default ``citation-label`` ("trigraph"): name letters and a 2-digit year.

    ``Asth00`` for Asthma (1900), ``RoNo78`` for Roe and Noakes, ``DEFG26`` for four or more.
    """
    variable = _first_names_variable(reference)
    names = (
        [name for name in reference.get(variable) or () if name.get("family")] if variable else []
    )
    if not names:
        return None
    counts = TRIGRAPH_LETTERS.get(len(names), (1, 1, 1, 1))
    letters = "".join(
        str(name["family"])[:count] for name, count in zip(names, counts, strict=False)
    )
    year = issued_year(reference)
    return letters + (f"{year % 100:02d}" if year else "")


def _with_suffix(date: Date, suffix: str) -> Date:
    copy = Date.__new__(Date)
    dict.update(copy, date)
    dict.__setitem__(copy, SUFFIX_KEY, suffix)
    return copy
