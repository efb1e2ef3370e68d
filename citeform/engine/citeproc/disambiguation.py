"""Disambiguation of cites (CSL 1.0.2, "Disambiguation").

Cites of different items are ambiguous when they render identically. The steps, each only
for what is still ambiguous and each only when the style asks for it:

1. ``disambiguate-add-names``: show more names before "et al.", one at a time.
2. ``disambiguate-add-givenname``: initials, then full given names. With the
   ``givenname-disambiguation-rule`` ``by-cite`` only ambiguous cites are expanded; the
   ``all-names``/``primary-name`` rules (and their ``-with-initials`` forms) expand every name
   whose family name is shared with a different person anywhere in the document.
3. ``disambiguate="true"`` conditions hold for the items still ambiguous.
4. ``disambiguate-add-year-suffix``: a, b, c… in bibliography order within each ambiguous group.

The state is per item: all cites of an item are expanded alike. Ambiguity is judged on the
cite without locator and affixes, in each of the forms the document uses (first, subsequent).
"""

from __future__ import annotations

import string
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from citeproc.source import Date, Reference
from citeproc.string import String

from citeform import vocab
from citeform.engine.base import CiteRequest
from citeform.engine.citeproc.cite_overrides import SUFFIX_KEY
from citeform.engine.citeproc.cites import Disambiguation
from citeform.engine.citeproc.positions import FIRST, SUBSEQUENT, Position

if TYPE_CHECKING:
    from citeform.engine.citeproc.citations import CitationPipeline, PlacedCite

MAX_ADDED_NAMES: Final = 50
GIVENNAME_RULES: Final = {
    "all-names": (False, 2),
    "all-names-with-initials": (False, 1),
    "primary-name": (True, 2),
    "primary-name-with-initials": (True, 1),
}
"""Global given-name rule -> (first name only, highest level)."""

Texts = dict[str, tuple[str, ...]]


def _enabled(pipeline: CitationPipeline, option: str) -> bool:
    return str(pipeline.root.citation.get_option(option)).lower() == "true"


class Disambiguator:
    """Works out the disambiguation state of every cited item of one document."""

    def __init__(self, pipeline: CitationPipeline, cites: Sequence[PlacedCite]) -> None:
        """Collect the forms (first, subsequent) each item is cited in."""
        self.pipeline = pipeline
        self.states: dict[str, Disambiguation] = {}
        self.forms: dict[str, list[Position]] = defaultdict(list)
        for placed in cites:
            self.states.setdefault(placed.key, Disambiguation())
            form = FIRST if placed.place.position == FIRST else SUBSEQUENT
            if all(known.position != form for known in self.forms[placed.key]):
                self.forms[placed.key].append(Position(form, near_note=False, first_note=0))

    def text(self, key: str) -> tuple[str, ...]:
        """How the item's cites render in each form, as the state now stands."""
        return tuple(
            str(
                self.pipeline.render_cite(
                    self.pipeline.make_cite(_bare(key, place), self.states[key])
                )
            )
            for place in self.forms[key]
        )

    def groups(self, keys: Iterable[str]) -> list[list[str]]:
        """Groups of items among *keys* whose cites render identically in a shared form."""
        by_text: dict[tuple[int, str], list[str]] = defaultdict(list)
        for key in keys:
            for place, text in zip(self.forms[key], self.text(key), strict=True):
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

    def expand(self, group: Sequence[str], field: str, highest: int) -> None:
        """Raise *field* step by step for the group's items while that tells more of them apart.

        Each item keeps the lowest level at which it was least ambiguous (0 if raising never
        helped it).
        """
        best = {key: (len(group), 0) for key in group}
        pending = list(group)
        for level in range(1, highest + 1):
            before = {key: self.text(key) for key in pending}
            for key in pending:
                setattr(self.states[key], field, level)
            if {key: self.text(key) for key in pending} == before:
                break
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
        """All four steps; return the state of every item."""
        pipeline = self.pipeline
        if _enabled(pipeline, "disambiguate-add-givenname"):
            self.global_givennames()
        if _enabled(pipeline, "disambiguate-add-names"):
            for group in self.groups(self.states):
                self.expand(group, "names_added", MAX_ADDED_NAMES)
        if _enabled(pipeline, "disambiguate-add-givenname"):
            for group in self.groups(self.states):
                self.expand(group, "givenname_level", 2)
        if pipeline.uses_disambiguate_condition:
            for group in self.groups(self.states):
                for key in group:
                    self.states[key].condition = True
        if _enabled(pipeline, "disambiguate-add-year-suffix"):
            self.year_suffixes()
        return self.states

    def global_givennames(self) -> None:
        """The ``all-names``/``primary-name`` rules: expand names shared by different people."""
        rule = str(self.pipeline.root.citation.get_option("givenname-disambiguation-rule"))
        if rule not in GIVENNAME_RULES:
            return
        primary_only, highest = GIVENNAME_RULES[rule]
        people = {
            key: _people(self.pipeline.source[key], primary_only=primary_only)
            for key in self.states
        }
        given_of: dict[str, set[str]] = defaultdict(set)
        for names in people.values():
            for family, given in names:
                given_of[family].add(given)
        for key, names in people.items():
            levels = [_level_needed(given, given_of[family]) for family, given in names]
            self.states[key].givenname_level = min(max(levels, default=0), highest)

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


def suffix_letters(index: int) -> str:
    """The year-suffix of the *index*-th item: a … z, aa, ab … (as citeproc-js counts)."""
    letters = string.ascii_lowercase
    if index < len(letters):
        return letters[index]
    return letters[index // len(letters) - 1] + letters[index % len(letters)]


def _bare(key: str, place: Position) -> PlacedCite:
    from citeform.engine.citeproc.citations import PlacedCite  # noqa: PLC0415 - import cycle

    return PlacedCite(CiteRequest(item={}), key, place)


def _people(reference: Reference, *, primary_only: bool) -> list[tuple[str, str]]:
    """(family, given) of the reference's personal names (only the first with *primary_only*)."""
    variables = sorted(
        (variable for variable in reference if vocab.KIND_OF.get(variable) == "name"),
        key=lambda variable: variable != "author",
    )
    found = [
        (str(name["family"]), str(name.get("given", "")))
        for variable in variables
        for name in reference[variable]
        if isinstance(name, dict) and name.get("family")
    ]
    return found[:1] if primary_only else found


def _level_needed(given: str, all_given: set[str]) -> int:
    """0 when no other person shares the family name; 1 when initials differ; else 2."""
    others = all_given - {given}
    if not others:
        return 0
    return 2 if _initials(given) in {_initials(other) for other in others} else 1


def _initials(given: str) -> str:
    return "".join(part[0] for part in given.replace("-", " ").split() if part)


def reference_for(pipeline: CitationPipeline, placed: PlacedCite, state: Disambiguation) -> Any:
    """The item's reference as this cite sees it: with year-suffix and first note number."""
    reference = pipeline.source[placed.key]
    first_note = placed.place.position != FIRST and placed.place.first_note
    if not (state.year_suffix or first_note):
        return reference
    extra: dict[str, Any] = {}
    if state.year_suffix:
        extra["year-suffix"] = String(state.year_suffix)
        issued = reference.get("issued")
        if not pipeline.prints_year_suffix and isinstance(issued, Date):
            extra["issued"] = _with_suffix(issued, state.year_suffix)
    if first_note:
        extra["first-reference-note-number"] = String(str(placed.place.first_note))
    return _amended(reference, extra)


def _amended(reference: Reference, extra: dict[str, Any]) -> Reference:
    """A copy of *reference* with *extra* variables under both spellings."""
    copy = Reference.__new__(Reference)
    dict.update(copy, reference)
    for variable, value in extra.items():
        dict.__setitem__(copy, variable, value)
        dict.__setitem__(copy, variable.replace("-", "_"), value)
    return copy


def _with_suffix(date: Date, suffix: str) -> Date:
    copy = Date.__new__(Date)
    dict.update(copy, date)
    dict.__setitem__(copy, SUFFIX_KEY, suffix)
    return copy
