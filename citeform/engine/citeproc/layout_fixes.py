"""Bibliography layout: ``second-field-align`` (CSL 1.0.2, "Whitespace" options).

citeproc-py only declares the option; it concatenates the layout's children, so
``[1]`` runs into the author (every IEEE and NLM entry). Here the first rendered child is
the left margin and the rest the right part: in HTML citeproc-js's
``csl-left-margin``/``csl-right-inline`` divisions, in text one space apart.
Replaces ``Layout.render_bibliography`` (for styles with ``second-field-align`` only).
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.source import VariableError
from citeproc.string import join

from citeform.engine.citeproc.formats import wrap_marks


class SecondFieldAlign:
    """``cs:layout`` of a bibliography with ``second-field-align``."""

    def render_bibliography(self, citation_items: list[Any]) -> list[Any]:
        """Render each item; the first field apart when the bibliography aligns it."""
        bibliography = self.getparent()  # type: ignore[attr-defined]
        if not bibliography.get("second-field-align"):
            return super().render_bibliography(citation_items)  # type: ignore[misc, no-any-return]
        output = []
        for item in citation_items:
            self.repressed: dict[str, list[str]] = {}  # citeproc-py reads it per entry
            text = self._aligned(item)
            if text is not None:
                output.append(text)
        return output

    def _aligned(self, item: Any) -> Any:
        parts = []
        for child in self.iterchildren():  # type: ignore[attr-defined]
            try:
                text = child.render(item)
            except VariableError:
                continue
            if text is not None and str(text):
                parts.append(text)
        if not parts:
            return None
        margin = wrap_marks("left-margin", self.format(parts[0]))  # type: ignore[attr-defined]
        if len(parts) == 1:
            return margin
        rest = self.format(self.wrap(join(parts[1:], self.get("delimiter", ""))))  # type: ignore[attr-defined]
        return margin + wrap_marks("right-inline", rest)


OVERRIDES: Final = {"layout": SecondFieldAlign}
