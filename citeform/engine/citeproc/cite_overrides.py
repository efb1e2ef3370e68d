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
  given names expanded for disambiguation.
- ``cs:text``: terms a cite renders are noted (a leading term can be capitalised).
- ``cs:date-part``: the year-suffix after the year of ``issued`` when the style does not print
  the ``year-suffix`` variable itself.
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.model import ConditionFailed

from citeform.engine.citeproc.cites import Cite, cite_of

SUFFIX_KEY: Final = "cf_year_suffix"
_NEVER: Final = 10**6
"""An ``et-al-min`` no name list reaches: every name shown, no "et al."."""
"""Key of a citeproc-py date that carries a year-suffix to print after its year."""


class CiteConditions:
    """``position`` and ``disambiguate`` tests for cites."""

    def _position(self, item: Any, context: Any) -> list[bool]:
        """Test each listed position against the cite's document position."""
        cite = cite_of(item)
        if cite is None:
            return super()._position(item, context)  # type: ignore[misc,no-any-return]
        return [cite.place.matches(test) for test in self.get("position").split()]  # type: ignore[attr-defined]

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        """Evaluate ``disambiguate="true"`` together with the other conditions and ``match``."""
        if self.get("disambiguate") is None:  # type: ignore[attr-defined]
            return super().render(item, context=context, delimiter=delimiter, **kwargs)  # type: ignore[misc]
        cite = cite_of(item)
        holds = (self.get("disambiguate") == "true") == bool(cite and cite.disambiguation.condition)  # type: ignore[attr-defined]
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


class CiteTerms:
    """Remember the terms a cite renders (a leading one may be capitalised)."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """Render; note the output of a ``cs:text term`` in a cite."""
        text = super().render(item, *args, **kwargs)  # type: ignore[misc]
        cite = cite_of(item)
        if cite is not None and text and "term" in self.attrib:  # type: ignore[attr-defined]
            cite.tracker.terms.append(str(text))
        return text


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
        if state.givenname_level:
            overrides.update(_givenname_options(state.givenname_level, option("form")))
        return overrides


def _givenname_options(level: int, form: str) -> dict[str, Any]:
    """Options that show more of the given names: initials first, then full names."""
    if level == 1 and form == "short":
        return {"form": "long"}
    return {"form": "long", "initialize-with": None}


class CiteYearSuffix:
    """The year-suffix printed right after the year of a suffixed date."""

    def process(self, date: Any, context: Any = None) -> Any:
        """Render the date part; append the suffix to a year that carries one."""
        text = super().process(date, context)  # type: ignore[misc]
        suffix = dict.get(date, SUFFIX_KEY) if isinstance(date, dict) else None
        if suffix and text and self.get("name") == "year":  # type: ignore[attr-defined]
            return f"{text}{suffix}"
        return text


OVERRIDES: Final = {
    "if": CiteConditions,
    "else-if": CiteConditions,
    "names": CiteAuthor,
    "text": CiteTerms,
    "name": CiteNameOptions,
    "date-part": CiteYearSuffix,
}
