"""Group suppression decided while rendering (CSL 1.0.2 "Group"; labels of empty variables).

citeproc-py decides statically (``calls_variable()``) whether a group's children call a
variable, so a ``cs:choose`` whose taken branch printed only a term counted as a rendered
variable, and "(Publication)" stayed behind an empty ``number``. Here the rendering elements
count, per call, the variables they try and the ones that give output; a group is suppressed
when its children tried at least one variable and none gave output. As in citeproc-js, a
``cs:text`` that calls a macro is such an implicit group too.

Replaced methods: ``Group.process``; ``Text.render`` (macro calls). ``render`` of ``cs:text``,
``cs:number``, ``cs:date``, ``cs:names`` is extended to count. ``year-suffix`` is not counted
(it is generated, not data, as in citeproc-js).
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.model import Choose
from citeproc.source import VariableError

from citeform.engine.citeproc import state

GENERATED_VARIABLES: Final = frozenset({"year-suffix"})
"""Variables the processor makes, which do not count for group suppression."""


def _counted_render(render: Any, *args: Any, **kwargs: Any) -> Any:
    current = state.current()
    current.variables_called += 1
    text = render(*args, **kwargs)
    if state.has_output(text):
        current.variables_rendered += 1
    return text


class CountsVariables:
    """``cs:number``, ``cs:date``, ``cs:names``: count the variable tried and rendered."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render and count."""
        return _counted_render(super().render, *args, **kwargs)  # type: ignore[misc]


class TextCountsVariables:
    """``cs:text``: count a variable; a macro call is suppressed like a group.

    A macro that gives output counts, for the enclosing group, as a variable that rendered
    (so "(n.d.)" from terms alone keeps its group, as in citeproc-js).
    """

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render and count; a macro whose variables are all empty renders nothing."""
        variable = self.get("variable")  # type: ignore[attr-defined]
        if variable in GENERATED_VARIABLES:
            return super().render(*args, **kwargs)  # type: ignore[misc]
        if variable is not None:
            return _counted_render(super().render, *args, **kwargs)  # type: ignore[misc]
        if "macro" not in self.attrib:  # type: ignore[attr-defined]
            return super().render(*args, **kwargs)  # type: ignore[misc]
        current = state.current()
        called, rendered = current.variables_called, current.variables_rendered
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        if current.variables_called > called and current.variables_rendered == rendered:
            return None
        if state.has_output(text):
            current.variables_called += 1
            current.variables_rendered += 1
        return text


class RuntimeGroup:
    """``cs:group``."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """Join the children's output unless they tried variables and all were empty.

        A group with output counts as rendered content for an enclosing group ("[Online]"
        keeps its parent when the access date beside it is empty, as in citeproc-js).
        """
        current = state.current()
        called, rendered = current.variables_called, current.variables_rendered
        delimiter = self.get("delimiter", "")  # type: ignore[attr-defined]
        output = []
        for child in self.iterchildren():  # type: ignore[attr-defined]
            try:
                if isinstance(child, Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if state.has_output(text):
                output.append(text)
        tried = current.variables_called > called
        if output and (not tried or current.variables_rendered > rendered):
            current.variables_called += 1
            current.variables_rendered += 1
            return self.join(output)  # type: ignore[attr-defined]
        raise VariableError


OVERRIDES: Final = {
    "group": RuntimeGroup,
    "text": TextCountsVariables,
    "number": CountsVariables,
    "date": CountsVariables,
    "names": CountsVariables,
}
