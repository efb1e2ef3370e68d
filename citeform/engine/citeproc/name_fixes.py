"""Names and their substitutes (CSL 1.0.2 "Name", "Names", "Substitute", "Reference Grouping").

Replaced or extended methods:

- ``Names.process``: ``subsequent-author-substitute`` ("complete-all"): when the first
  ``cs:names`` of a bibliography entry renders as the previous entry's did (labels included:
  "X, editor" is not "X"), its name list is replaced by the substitute string.
- ``Names.process``: a ``cs:names`` without ``cs:name`` inside a substitute (also through a
  macro) takes the enclosing ``cs:names``' name and label; variables already rendered by a
  substitute are recorded.
- ``Substitute.render``: the variables the chosen substitute rendered are rendered as empty in
  the rest of the entry ("Substituted variables are suppressed in the rest of the output"),
  not only the ``variable`` attribute of a direct child; conditions still see them.
- ``Text``, ``Date``, ``Number``: record the variables they render while a substitute is tried,
  and render a suppressed variable as empty; ``Label``: no label for a suppressed variable.
"""

from __future__ import annotations

import copy
from typing import Any, Final

from citeproc.source import VariableError
from citeproc.string import String

from citeform.engine.citeproc import state

DEFAULT_NAME_MARK: Final = "citeform-default"
"""Attribute the loader puts on a ``cs:name`` it added (see ``loader._add_default_names``)."""


class NameOptions:
    """``cs:name``."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render the names; note the first name list of a bibliography entry."""
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        current = state.current()
        if current.entry_active and not current.first_names_done and text:
            current.current_names.setdefault("names", str(text))
        return text


def _subsequent_author_substitute(element: Any) -> str | None:
    root = element.get_root()
    bibliography = root.bibliography
    if bibliography is None:
        return None
    value = bibliography.get("subsequent-author-substitute")
    rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
    return value if value is not None and rule == "complete-all" else None


class NamesFixes:
    """``cs:names``."""

    def process(
        self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        """Render with the enclosing names' ``cs:name`` inside a substitute; track variables."""
        current = state.current()
        own_name = self.find(self.tag.replace("names", "name"))  # type: ignore[attr-defined]
        if (
            names_context is None
            and current.substitute_names
            and (own_name is None or own_name.get(DEFAULT_NAME_MARK))
        ):
            names_context = current.substitute_names[-1]
        hidden = current.suppressed(item)
        if hidden:
            item = _without(item, hidden)
        current.names_depth += 1
        try:
            text = super().process(item, names_context, context, **kwargs)  # type: ignore[misc]
        finally:
            current.names_depth -= 1
        if current.names_depth == 0 and current.entry_active and text:
            text = self._substitute_repeated(text, current)
        if text and current.collecting:
            roles = self.get("variable", "").split()  # type: ignore[attr-defined]
            rendered = {role for role in roles if role in item.reference}
            current.collecting[-1].update(rendered)
            current.suppress(item, rendered)  # at once: a substitute prints a variable once
        return text

    def _substitute_repeated(self, text: Any, current: state.RenderState) -> Any:
        """``subsequent-author-substitute``: the entry's first names, if the previous entry's."""
        if current.first_names_done or current.sorting:
            return text
        current.first_names_done = True
        current.current_names["output"] = str(text)
        substitute = _subsequent_author_substitute(self)
        names = current.current_names.get("names")
        if substitute is None or not names or current.previous_names.get("output") != str(text):
            return text
        return String(str(text).replace(names, substitute, 1))


def _without(item: Any, hidden: set[str]) -> Any:
    """A copy of *item* whose data lacks the *hidden* variables (for rendering names)."""
    reference = copy.copy(item.reference)
    for key in hidden & set(reference):
        dict.__delitem__(reference, key)
    clone = copy.copy(item)
    dict.__setitem__(clone, "cf_reference", reference)
    return clone


class SubstituteFixes:
    """``cs:substitute``."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """Render the first child that gives output; suppress what it rendered afterwards."""
        current = state.current()
        current.substitute_names.append(self.getparent())  # type: ignore[attr-defined]
        try:
            for child in self.iterchildren():  # type: ignore[attr-defined]
                current.collecting.append(set())
                try:
                    text = child.render(item, context=context, **kwargs)
                except VariableError:
                    text = None
                rendered = current.collecting.pop()
                if state.has_output(text):
                    current.suppress(item, rendered)
                    if current.collecting:
                        current.collecting[-1].update(rendered)
                    return text
            return None
        finally:
            current.substitute_names.pop()


class RecordsVariable:
    """``cs:text``, ``cs:date``, ``cs:number``: note the variable rendered in a substitute."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """Render; while a substitute is tried, record the variable if it gave output."""
        current = state.current()
        variable = self.get("variable")  # type: ignore[attr-defined]
        if variable and variable in current.suppressed(item):
            current.variables_called += 1  # an empty variable, for group suppression
            return None
        text = super().render(item, *args, **kwargs)  # type: ignore[misc]
        if current.collecting and variable and state.has_output(text):
            current.collecting[-1].update(variable.split())
            current.suppress(item, set(variable.split()))
        return text


class LabelOfSuppressed:
    """``cs:label``: the label of a variable a substitute rendered is suppressed with it."""

    def render(self, item: Any, *args: Any, **kwargs: Any) -> Any:
        """Nothing for a suppressed variable; else as usual."""
        variable = self.get("variable")  # type: ignore[attr-defined]
        current = state.current()
        if variable and not current.collecting and variable in current.suppressed(item):
            return None
        return super().render(item, *args, **kwargs)  # type: ignore[misc]


OVERRIDES: Final = {
    "label": LabelOfSuppressed,
    "name": NameOptions,
    "names": NamesFixes,
    "substitute": SubstituteFixes,
    "text": RecordsVariable,
    "date": RecordsVariable,
    "number": RecordsVariable,
}
