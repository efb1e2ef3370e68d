"""Override mixins for rendering cites in citation clusters (CSL 1.0.2 citation features).

citeproc-py knows no note positions, no disambiguation and no cite options beyond the
locator. These mixins read what the citation pipeline decided for a :class:`~.cites.Cite`
and leave bibliography items (plain ``CitationItem`` objects) to the classes below them.

- ``cs:if``/``cs:else-if``: ``position`` from the cite's document position (ibid,
  ibid-with-locator, near-note); ``disambiguate="true"`` from its disambiguation state
  (stock citeproc-py ignores the attribute, so the branch always matched).
- ``cs:names``: the first names that render are the cite's "author", dropped for
  suppress-author and remembered for author-only and cite grouping.
- ``cs:name``: ``et-al-subsequent-min``/``-use-first`` for subsequent cites; names added and
  given names expanded for disambiguation; a name count stays a number.
- ``cs:text``: terms a cite renders are noted (a leading term can be capitalised); a page
  locator is a page range in the style's ``page-range-format``.
- ``cs:label``: no plural for a locator whose hyphen is escaped with a backslash.
- ``cs:date-part``, ``cs:date``: the year-suffix after the (first rendered) year of ``issued``
  when the style does not print the ``year-suffix`` variable itself.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from citeproc.model import ConditionFailed
from citeproc.source import Name

from citeform.engine.citeproc import state
from citeform.engine.citeproc.cites import (
    FULL_GIVEN_NAMES,
    INITIALS,
    Cite,
    amended_reference,
    cite_of,
)
from citeform.engine.citeproc.data import parse_string

SUFFIX_KEY: Final = "cf_year_suffix"
"""Key of a citeproc-py date that carries a year-suffix to print after its year."""
ESCAPED_HYPHEN: Final = "\\-"
"""A hyphen the user marked as part of the locator, not a range (citeproc-js's escape)."""
_KEPT_HYPHEN: Final = "\u2011"
_NEVER: Final = 10**6
"""An ``et-al-min`` no name list reaches: every name shown, no "et al."."""


class CiteConditions:
    """``position`` and ``disambiguate`` tests for cites."""

    def _position(self, item: Any, context: Any) -> list[bool]:
        """Test each listed position against the cite's document position."""
        cite = cite_of(item)
        if cite is None:
            return super()._position(item, context)  # type: ignore[misc,no-any-return]
        return [cite.place.matches(test) for test in self.get("position").split()]  # type: ignore[attr-defined]

    def _locator(self, item: Any) -> list[bool]:
        """Test the locator's type (``sub verbo`` and ``sub-verbo`` are one type)."""
        cite = cite_of(item)
        if cite is None:
            return super()._locator(item)  # type: ignore[misc,no-any-return]
        label = cite["locator"].label if "locator" in cite else None
        return [test.replace(" ", "-") == label for test in self.get("locator").split()]  # type: ignore[attr-defined]

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        """Evaluate ``disambiguate="true"`` together with the other conditions and ``match``."""
        if self.get("disambiguate") is None:  # type: ignore[attr-defined]
            return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]
        cite = cite_of(item)
        active = False
        if cite is not None:
            active = cite.tracker.conditions_seen < cite.disambiguation.conditions
            cite.tracker.conditions_seen += 1
        holds = active == (self.get("disambiguate") == "true")  # type: ignore[attr-defined]
        match = self.get("match", "all")  # type: ignore[attr-defined]
        others = set(self.attrib) - {"disambiguate", "match"}  # type: ignore[attr-defined]
        decided = {
            "all": None if holds else False,
            "any": True if holds else None,
            "none": False if holds else None,
        }
        outcome = decided.get(match)
        if outcome is None and others:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]
        if outcome is False or (outcome is None and match == "any"):
            raise ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[attr-defined]


class CiteAuthor:
    """The cite's first rendered ``cs:names`` is its author."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """Render; remember the first names output of a cite, dropping it for suppress-author."""
        cite = cite_of(item)
        if cite is None:
            return super().render(item, *args, **kwargs)  # type: ignore[misc]
        tracker = cite.tracker
        outermost = tracker.names_depth == 0 and not tracker.author_seen
        tracker.names_depth += 1
        try:
            text = super().render(item, *args, **kwargs)  # type: ignore[misc]
        finally:
            tracker.names_depth -= 1
        if outermost and text:
            tracker.author_seen = True
            tracker.author = text
            if tracker.suppress_author:
                return None
        return text


class CiteText:
    """``cs:text`` in a cite: terms remembered, the locator formatted."""

    def _variable(self, item: Any, context: Any) -> Any:
        """The locator: of a page, a page range per ``page-range-format``; else with en dashes.

        Quotes and rich text in it are read as in field values.

        A hyphen escaped with a backslash is printed as a plain hyphen, not as a range.
        """
        cite = cite_of(item)
        if cite is None or self.get("variable") != "locator" or "locator" not in cite:  # type: ignore[attr-defined]
            return super()._variable(item, context)  # type: ignore[misc]
        locator = cite["locator"]
        value = str(locator.identifier).replace(ESCAPED_HYPHEN, _KEPT_HYPHEN)
        if locator.label == "page":
            text = str(self._process(value, "page"))  # type: ignore[attr-defined]
        else:
            text = value.replace("-", "\u2013")
        return parse_string(text.replace(_KEPT_HYPHEN, "-"))

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """Render; note the output of a ``cs:text term`` in a cite (it may start a sentence)."""
        text = super().render(item, *args, **kwargs)  # type: ignore[misc]
        cite = cite_of(item)
        if cite is not None and text and "term" in self.attrib:  # type: ignore[attr-defined]
            cite.tracker.terms.append(str(text))
        return text


class CiteLocatorLabel:
    """``cs:label`` of the locator: a hyphen escaped with a backslash makes no range."""

    def _is_plural(self, item: Any) -> bool:
        cite = cite_of(item)
        if cite is None or self.get("variable") != "locator" or "locator" not in cite:  # type: ignore[attr-defined]
            return super()._is_plural(item)  # type: ignore[misc,no-any-return]
        value = str(cite["locator"].identifier).replace(ESCAPED_HYPHEN, "")
        return self.RE_MULTIPLE_NUMBERS.search(value) is not None  # type: ignore[attr-defined]


class CiteNameOptions:
    """Name options that depend on the cite: et-al-subsequent, add-names, add-givenname."""

    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any
    ) -> Any:
        """Render the names with the cite's option overrides (sort options still win)."""
        cite = cite_of(item)
        if cite is not None and not sort_options:
            overrides = self._cite_options(cite, context)
            if int(overrides.get("et-al-use-first", 0)) >= len(cite.reference.get(variable) or ()):
                overrides["et-al-min"] = _NEVER
            sort_options = overrides or sort_options
            item = self._with_given_names(cite, variable, context)
        return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)  # type: ignore[misc]

    def _cite_options(self, cite: Cite, context: Any) -> dict[str, Any]:
        def option(name: str) -> Any:
            return self.get_option(name, context)  # type: ignore[attr-defined]

        overrides: dict[str, Any] = {}
        et_al_min, use_first = int(option("et-al-min")), int(option("et-al-use-first"))
        subsequent_min = int(option("et-al-subsequent-min"))
        if cite.place.position != "first" and subsequent_min:
            et_al_min = subsequent_min
            use_first = int(option("et-al-subsequent-use-first"))
            overrides["et-al-min"] = et_al_min
            overrides["et-al-use-first"] = use_first
        state = cite.disambiguation
        if state.names_added and et_al_min:
            overrides["et-al-min"] = et_al_min
            overrides["et-al-use-first"] = use_first + state.names_added
        return overrides

    def _with_given_names(self, cite: Cite, variable: str, context: Any) -> Cite:
        """The cite with the names of *variable* showing the given names disambiguation asks for.

        In the short form an expanded name becomes "J. Doe" (initials, when the style
        initializes and initials are enough) or "John Doe"; in an initializing long form a
        fully expanded name keeps its whole given name.
        """
        state = cite.disambiguation
        names = list(cite.reference.get(variable) or ())
        levels = [state.given_levels.get((variable, index), 0) for index in range(len(names))]
        if not any(levels):
            return cite
        form = self.get_option("form", context)  # type: ignore[attr-defined]
        mark = self.get_option("initialize-with", context)  # type: ignore[attr-defined]
        expanded = [
            self._expanded(name, level, form, mark, context)
            for name, level in zip(names, levels, strict=True)
        ]
        return cite.with_reference(amended_reference(cite.reference, {variable: expanded}))

    def _expanded(self, name: Any, level: int, form: str, mark: str | None, context: Any) -> Any:
        given = name.get("given")
        if not level or not given or "literal" in name or form == "count":
            return name
        if form == "short":
            shown = given
            if level == INITIALS and mark is not None:
                shown = self.initialize(given, mark, context)
            family = " ".join(
                part for part in (name.get("non-dropping-particle"), name.get("family")) if part
            )
            return _name({"family": f"{shown} {family}"})
        if mark is not None and level >= FULL_GIVEN_NAMES:
            return _name({**name, "given": FullGiven(given)})
        return name

    def markup(self, text: Any) -> Any:
        """Keep a name count (``form="count"``) a number, for ``cs:names`` to add up.

        Styles test counts in citations (et-al decisions, sort keys); wrapping the number in
        affixes as text failed (TypeError) in 5% of styles. This passes ints around
        ``name_list.PerNameFormatting.markup``, which would otherwise wrap them.
        """
        if isinstance(text, int):
            return text
        return super().markup(text)  # type: ignore[misc]

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """Initialize *given* unless disambiguation asked for it in full."""
        if isinstance(given, FullGiven):
            return str(given)
        return super().initialize(given, mark, context)  # type: ignore[misc,no-any-return]


class FullGiven(str):
    """A given name that disambiguation wants printed whole, not initialized."""

    __slots__ = ()


def _name(parts: dict[str, Any]) -> Name:
    name = Name.__new__(Name)
    dict.update(name, parts)
    return name


class CiteYearSuffix:
    """The year-suffix printed right after the year of a suffixed date."""

    def process(self, date: Any, context: Any = None) -> Any:
        """Render the date part; append the suffix to a year that carries one."""
        text = super().process(date, context)  # type: ignore[misc]
        suffix = dict.get(date, SUFFIX_KEY) if isinstance(date, dict) else None
        if suffix and text and self.get("name") == "year":  # type: ignore[attr-defined]
            return f"{text}{suffix}"
        return text


class CiteYearSuffixOnce:
    """``cs:date``: an implicit year-suffix follows the first year a cite or entry renders only."""

    def process(self, item: Any, variable: str | None = None, *args: Any, **kwargs: Any) -> Any:
        """Render the date; once the cite or entry has shown its suffix, render it without one."""
        cite = cite_of(item)
        current = state.current()
        name = variable or self.get("variable")  # type: ignore[attr-defined]
        reference = cite.reference if cite is not None else item.reference
        date = dict.get(reference, name) if name else None
        in_entry = cite is None and current.entry_active and not current.sorting
        if not (isinstance(date, dict) and SUFFIX_KEY in date and (cite is not None or in_entry)):
            return super().process(item, variable, *args, **kwargs)  # type: ignore[misc]
        shown = cite.tracker.year_suffix_shown if cite is not None else current.year_suffix_shown
        if shown:
            plain = type(date).__new__(type(date))
            dict.update(plain, {key: value for key, value in date.items() if key != SUFFIX_KEY})
            amended = amended_reference(reference, {name: plain})
            if cite is not None:
                item = cite.with_reference(amended)
            else:
                item = copy.copy(item)
                dict.__setitem__(item, "cf_reference", amended)
            return super().process(item, variable, *args, **kwargs)  # type: ignore[misc]
        text = super().process(item, variable, *args, **kwargs)  # type: ignore[misc]
        if cite is not None:
            cite.tracker.year_suffix_shown = cite.tracker.year_suffix_shown or bool(text)
        else:
            current.year_suffix_shown = current.year_suffix_shown or bool(text)
        return text


OVERRIDES: Final = {
    "if": CiteConditions,
    "else-if": CiteConditions,
    "names": CiteAuthor,
    "text": CiteText,
    "label": CiteLocatorLabel,
    "name": CiteNameOptions,
    "date-part": CiteYearSuffix,
    "date": CiteYearSuffixOnce,
}
