"""Disambiguation: one pass over a document's items, shared by its citations and bibliography.

Two items are ambiguous when their cites in subsequent form (no locator, no affixes,
no ``accessed`` date) print the same. Each group of ambiguous items is told apart
step by step as citeproc-js does (:class:`AmbiguousGroup`): given names expanded and
names added one at a time (``disambiguate-add-givenname`` with the ``by-cite`` rule,
``disambiguate-add-names``), each item keeping the fewest steps that set it apart; then
year suffixes (``a``, ``b``, … ``z``, ``aa``, in bibliography order), then
``disambiguate="true"`` conditions. Given names of different people who print alike are
expanded document-wide under the ``all-names`` and ``primary-name`` rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import zip_longest
from typing import Any, Final

import attrs

from citeform.engine.csl.names import name_key
from citeform.engine.csl.particles import split_particles


@attrs.define
class Settings:
    """How one item's citations are disambiguated."""

    add_names: int = 0
    given_levels: dict[str, int] = attrs.field(factory=dict)
    given_positions: tuple[int, ...] = ()
    """Given-name levels by position in the first list of names the cite prints."""
    disambiguate: int = 0
    """How many ``disambiguate="true"`` conditions hold (the first ones tested)."""
    year_suffix: str = ""


@attrs.frozen
class Printed:
    """An item's cite as compared for ambiguity, and how far its names settings reached."""

    text: str
    names_cut: bool = True
    """Whether a list of names printed fewer names than it has (added names would show)."""
    given_read: int | None = None
    """How many names the first list printed: given-name levels further on change nothing."""


Held = Callable[[str, Settings], bool]
"""Whether every ``disambiguate="true"`` test an item's cite made under some settings held."""


Key = Callable[[str, Settings], Printed]
"""The printed cite of an item under some settings."""

Text = Callable[[str, Settings], str]
"""The text of the printed cite of an item under some settings."""


@attrs.frozen
class _Reached:
    """Settings a cite was printed with, and what it printed."""

    add_names: int
    positions: tuple[int, ...]
    printed: Printed

    def covers(self, add_names: int, positions: tuple[int, ...]) -> bool:
        """Whether the cite prints the same with *add_names* and given-name *positions*.

        It does when the levels of the names it printed are alike and the names added
        are alike, or more where no list of names was cut short.
        """
        if add_names != self.add_names and (self.printed.names_cut or add_names < self.add_names):
            return False
        read = self.printed.given_read or 0
        return _levels(positions, read) == _levels(self.positions, read)


def _levels(positions: tuple[int, ...], count: int) -> tuple[int, ...]:
    """The first *count* given-name levels of *positions* (missing ones 0)."""
    return (positions + (0,) * count)[:count]


def cached(key: Key) -> Text:
    """The text *key* prints, each cite printed once for settings that print it alike."""
    seen: dict[tuple[object, ...], list[_Reached]] = {}

    def remembered(item_id: str, settings: Settings) -> str:
        found = seen.setdefault(
            (item_id, tuple(sorted(settings.given_levels.items())), settings.disambiguate), []
        )
        positions = settings.given_positions
        for reached in found:
            if reached.covers(settings.add_names, positions):
                return reached.printed.text
        printed = key(item_id, settings)
        found.append(_Reached(settings.add_names, positions, printed))
        return printed.text

    return remembered


def year_suffix(number: int) -> str:
    """The *number*-th year suffix, counting from 0: ``a`` … ``z``, ``aa``, ``ab`` …."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _groups(ids: Sequence[str], key: Text, settings: Mapping[str, Settings]) -> list[list[str]]:
    found: dict[str, list[str]] = {}
    for item_id in ids:
        found.setdefault(key(item_id, settings[item_id]), []).append(item_id)
    return [members for members in found.values() if len(members) > 1]


def _authors(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    for variable in ("author", "editor", "translator", "composer", "director", "container-author"):
        names = item.get(variable)
        if isinstance(names, list) and names:
            return [name for name in names if isinstance(name, Mapping)]
    return []


def disambiguate(
    ids: Sequence[str],
    items: Mapping[str, Mapping[str, Any]],
    options: Mapping[str, str],
    key: Key,
    *,
    all_held: Held | None = None,
) -> dict[str, Settings]:
    """Settings per item id of *ids* (in bibliography order) after CSL's disambiguation.

    *all_held* is given when the style has ``disambiguate="true"`` conditions to try: it
    tells when they all hold (more of them cannot change a cite).
    """
    settings = {item_id: Settings() for item_id in ids}
    text = cached(key)
    rule = options.get("givenname-disambiguation-rule", "by-cite")
    add_givenname = options.get("disambiguate-add-givenname") == "true"
    if add_givenname and rule != "by-cite":
        _expand_document_wide(ids, items, settings, rule)
    modes = [
        mode
        for mode, wanted in (
            (
                "names",
                options.get("disambiguate-add-names") == "true"
                or (add_givenname and rule == "by-cite"),
            ),
            ("year-suffix", options.get("disambiguate-add-year-suffix") == "true"),
            ("extra-text", all_held is not None),
        )
        if wanted
    ]
    if not modes:
        return settings
    rank = {item_id: index for index, item_id in enumerate(ids)}
    for members in _groups(ids, text, settings):
        run = AmbiguousGroup(members, rank, items, settings, text, modes, options, all_held)
        settings.update(run.resolve())
    return settings


@attrs.define
class Trial:
    """One try at telling cites apart: names added, given-name levels by position, more."""

    names: int = 0
    givens: list[int] = attrs.field(factory=list)
    disambiguate: int = 0
    year_suffix: int | None = None

    def copy(self) -> Trial:
        """An independent copy."""
        return attrs.evolve(self, givens=list(self.givens))


@attrs.define
class AmbiguousGroup:
    """The items whose cites print alike, told apart step by step as citeproc-js does.

    A trial is pushed forward one step at a time (a given name expanded, then one more
    name); after each step the cites are compared with the first item's: items that no
    longer clash get the best trial so far, the rest go on. When the names are spent,
    ``disambiguate="true"`` and year suffixes are tried in the style's order.
    """

    members: Sequence[str]
    rank: Mapping[str, int]
    """Each item's place in bibliography order."""
    items: Mapping[str, Mapping[str, Any]]
    start: Mapping[str, Settings]
    key: Text
    modes: Sequence[str]
    options: Mapping[str, str]
    all_held: Held | None = None
    result: dict[str, Trial] = attrs.field(factory=dict)
    lists: list[tuple[Trial, list[str]]] = attrs.field(factory=list)
    base: Trial = attrs.field(factory=Trial)
    better: Trial = attrs.field(factory=Trial)
    mode: int = 0
    position: int = 0
    names_max: int = 0
    givens_max: int | None = None
    restart: bool = True
    clashes: tuple[int, int] = (1, 0)
    partners: list[str] = attrs.field(factory=list)
    others: list[str] = attrs.field(factory=list)

    def resolve(self) -> dict[str, Settings]:
        """The settings of the items this group decided."""
        counts = {item_id: len(_authors(self.items[item_id])) for item_id in self.members}
        ordered = sorted(self.members, key=lambda item_id: (counts[item_id], item_id))
        self.names_max = counts[ordered[0]]
        self.base = Trial(givens=[0] * self.names_max)
        self.better = self.base.copy()
        self.lists = [(self.base, ordered)]
        if (
            self.options.get("disambiguate-add-givenname") == "true"
            and self.options.get("givenname-disambiguation-rule", "by-cite") == "by-cite"
        ):
            self.givens_max = 2
        steps = 0
        while self.lists:
            self.position = 0
            self.clashes = (1, 0)
            while self.lists[0][1] and steps < _MAX_STEPS:
                steps += 1
                maxed = self._increment()
                self._scan(self.lists[0][1])
                self._evaluate(maxed=maxed)
            self.lists.pop(0)
        return {item_id: self._settings(item_id, trial) for item_id, trial in self.result.items()}

    def _settings(self, item_id: str, trial: Trial) -> Settings:
        return Settings(
            add_names=trial.names,
            given_levels=self.start[item_id].given_levels,
            given_positions=tuple(
                max(levels)
                for levels in zip_longest(
                    self.start[item_id].given_positions, trial.givens, fillvalue=0
                )
            ),
            disambiguate=trial.disambiguate,
            year_suffix="" if trial.year_suffix is None else year_suffix(trial.year_suffix),
        )

    def _cite(self, item_id: str) -> str:
        return self.key(item_id, self._settings(item_id, self.base))

    def _register(self, item_id: str, trial: Trial) -> None:
        self.result[item_id] = trial.copy()

    def _increment(self) -> bool:
        """Push the trial one step; whether it has gone as far as it can."""
        if self.restart:
            self.restart = False
            return False
        mode = self.modes[self.mode]
        if mode == "extra-text":
            self.base.disambiguate += 1
            self.better.disambiguate += 1
            return False
        if mode != "names":
            return False
        more_names = self.givens_max is None
        if self.givens_max is not None:
            if (
                self.position < len(self.base.givens)
                and self.base.givens[self.position] < self.givens_max
            ):
                self.base.givens[self.position] += 1
            else:
                more_names = True
        add_names = self.options.get("disambiguate-add-names") == "true"
        if more_names and add_names and self.position < self.names_max:
            self.base.names += 1
            self.position += 1
        return (not add_names or self.position == self.names_max) and (
            self.givens_max is None
            or self.position >= len(self.base.givens)
            or self.base.givens[self.position] == self.givens_max
        )

    def _scan(self, members: Sequence[str]) -> None:
        first = self._cite(members[0])
        self.partners, self.others = [members[0]], []
        for item_id in members[1:]:
            (self.partners if self._cite(item_id) == first else self.others).append(item_id)
        self.clashes = (self.clashes[1], len(self.partners) - 1)

    def _evaluate(self, *, maxed: bool) -> None:
        {
            "names": self._names,
            "year-suffix": self._year_suffixes,
            "extra-text": self._extra_text,
        }[self.modes[self.mode]](maxed=maxed)
        if maxed:
            if self.mode < len(self.modes) - 1:
                self.mode += 1
            elif len(self.lists) > 1:
                self.lists[1] = (self.base, [])
            else:
                self.lists.append((self.base, []))

    def _capture(self) -> None:
        """Keep the step just taken in the best trial."""
        if self.givens_max is not None and self.position < len(self.base.givens):
            self.better.givens[self.position] = self.base.givens[self.position]
        self.better.names = self.base.names

    def _names(self, *, maxed: bool) -> None:
        clashes, partners, others = self.clashes[1], self.partners, self.others
        if clashes == 0 and len(others) == 1:
            self._capture()
            self._register(others[0], self.better)
            self._register(partners[0], self.better)
            self.lists[0] = (self.better, [])
        elif clashes == 0:
            self._capture()
            self._register(partners[0], self.better)
            self.lists[0] = (self.better, others)
            if others:
                self.restart = True
        elif len(others) == 1:
            self._capture()
            self._register(others[0], self.better)
            self.lists[0] = (self.better, partners)
        elif clashes < self.clashes[0]:
            self._capture()
            self.lists[0] = (self.better, partners)
            self.lists.append((self.better, others))
        elif maxed:
            self.lists[0] = (self.better, others)
            self.lists.append((self.better, partners))
            if self.mode == len(self.modes) - 1:
                for item_id in partners:
                    self._register(item_id, self.better)
                self.lists[0] = (self.better, [])

    def _extra_text(self, *, maxed: bool) -> None:  # noqa: ARG002 - one signature for all modes
        done = self.clashes[1] == 0 and len(self.others) < 2
        if not done and not self._all_conditions_hold(self.lists[0][1][-1]):
            self.mode = 0
            self.better.disambiguate = self.base.disambiguate
            if self.base.disambiguate:
                self._names(maxed=False)
            else:
                self.base.disambiguate = 1
                self.restart = True
            return
        trial, members = self.lists[0]
        if not done and self.mode < len(self.modes) - 1:
            self.mode = len(self.modes) - 1
            trial.disambiguate = max(trial.disambiguate, 1)
            for item_id in members:
                self._register(item_id, trial)
            return
        for item_id in members:
            self._register(item_id, trial)
        self.lists[0] = (self.better, [])

    def _all_conditions_hold(self, item_id: str) -> bool:
        """Whether every ``disambiguate="true"`` test of *item_id*'s cite already holds."""
        if not self.base.disambiguate or self.all_held is None:
            return False
        return self.all_held(item_id, self._settings(item_id, self.base))

    def _year_suffixes(self, *, maxed: bool) -> None:  # noqa: ARG002 - one signature for all modes
        trial, members = self.lists[0]
        if self.clashes[1]:
            for number, item_id in enumerate(sorted(members, key=self.rank.__getitem__)):
                trial.year_suffix = number
                self._register(item_id, trial)
        self.lists[0] = (self.better, [])


_MAX_STEPS: Final = 10_000
"""A bound on the steps for one group (each step renders the group's cites once)."""


def _expand_document_wide(
    ids: Sequence[str],
    items: Mapping[str, Mapping[str, Any]],
    settings: Mapping[str, Settings],
    rule: str,
) -> None:
    """Expand the given names of different people whose family names print alike."""
    primary_only = rule.startswith("primary-name")
    people: dict[str, dict[str, set[str]]] = {}
    for item_id in ids:
        for name in _ruled_names(items[item_id], primary_only=primary_only):
            family = _printed_family(name)
            if family:
                people.setdefault(family, {}).setdefault(_given(name), set()).add(name_key(name))
    levels = _given_levels(people, initials_only=rule.endswith("with-initials"))
    for item_id in ids:
        for name in _ruled_names(items[item_id], primary_only=primary_only):
            key = name_key(name)
            if key not in levels:
                continue
            if primary_only:  # the first name only, not the same person further on
                settings[item_id].given_positions = (levels[key],)
            else:
                settings[item_id].given_levels[key] = levels[key]


def _given(name: Mapping[str, Any]) -> str:
    """The given name without periods and extra spaces (``J.J.`` and ``J. J.`` are one)."""
    return " ".join(str(name.get("given", "")).replace(".", " ").split())


def _printed_family(name: Mapping[str, Any]) -> str:
    """The family name as a short form prints it, with its non-dropping particle."""
    parts = split_particles(name)
    return " ".join(
        part for part in (parts.get("non-dropping-particle", ""), parts.get("family", "")) if part
    )


def _ruled_names(item: Mapping[str, Any], *, primary_only: bool) -> list[Mapping[str, Any]]:
    """The names the rule looks at: the first author only, or all authors."""
    names = _authors(item)
    return names[:1] if primary_only else names


def _given_levels(
    people: Mapping[str, Mapping[str, set[str]]], *, initials_only: bool
) -> dict[str, int]:
    """How far to expand each person's given name (:func:`name_key` to level).

    *people* maps a printed family name to each given name (see :func:`_given`) and the
    name keys written for it. A family name borne by people of different initials takes
    initials (1); people whose initials are alike but given names differ take the full
    given name (2), unless *initials_only*.
    """
    levels: dict[str, int] = {}
    for same_family in people.values():
        by_initials: dict[str, list[str]] = {}
        for given in same_family:
            by_initials.setdefault(_initials(given), []).append(given)
        for givens in by_initials.values():
            level = 1 if len(by_initials) > 1 else 0
            if len(givens) > 1 and not initials_only:
                level = 2
            for given in givens:
                levels.update(dict.fromkeys(same_family[given], level))
    return {key: level for key, level in levels.items() if level}


def _initials(given: str) -> str:
    """The initials of a given name as :func:`_given` writes it (``Jean-Paul`` -> ``J-P``)."""
    return " ".join("-".join(part[:1] for part in word.split("-")) for word in given.split())
