"""Bibliography layout: ``second-field-align`` (CSL 1.0.2, "Whitespace" options).

citeproc-py only declares the option; it concatenates the layout's children, so
``[1]`` runs into the author (every IEEE and NLM entry). Here the first rendered child is
the left margin and the rest the right part: in HTML citeproc-js's
``csl-left-margin``/``csl-right-inline`` divisions, in text one space apart.
Replaces ``Layout.render_bibliography`` (for styles with ``second-field-align`` only); see
:class:`Display` for the ``display`` attribute.
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.source import VariableError
from citeproc.string import join
from lxml import etree

from citeform.engine.citeproc.formats import wrap_marks

EXPLICIT_PLAIN: Final = (
    ("text-decoration", "none", "no-decoration"),
    ("vertical-align", "baseline", "baseline"),
)
"""(attribute, value, formatting kind): plain formatting asked for explicitly, which
citeproc-js writes as a span in HTML (``text-decoration:none``; ``baseline`` as it spells it)."""


class ExplicitPlain:
    """Formatting: explicit ``text-decoration="none"`` and ``vertical-align="baseline"`` kept.

    Extends ``format``; citeproc-py treated them as no formatting at all.
    """

    def format(self, string: Any) -> Any:
        """Format as usual, then mark the explicit plain formatting."""
        text = super().format(string)  # type: ignore[misc]
        for attribute, value, kind in EXPLICIT_PLAIN:
            if self.get(attribute) == value and text is not None and str(text):  # type: ignore[attr-defined]
                text = wrap_marks(kind, text)
        return text


class SecondFieldAlign(ExplicitPlain):
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
        margin = wrap_marks("left-margin", self.format(parts[0]))
        if len(parts) == 1:
            return margin
        rest = self.format(self.wrap(join(parts[1:], self.get("delimiter", ""))))  # type: ignore[attr-defined]
        return margin + wrap_marks("right-inline", rest)


DISPLAY_KINDS: Final = frozenset({"block", "indent", "left-margin", "right-inline"})
BRANCH_TAGS: Final = frozenset({"choose", "if", "else-if", "else"})
"""Elements that choose what renders without rendering anything themselves."""


def renders_at_top_level(element: Any) -> bool:
    """Whether *element* is a direct part of a layout (only ``cs:choose`` branches between).

    Elements inside a group or a macro are nested in another rendering element.
    """
    parent = element.getparent()
    while parent is not None and etree.QName(parent).localname in BRANCH_TAGS:
        parent = parent.getparent()
    return parent is not None and etree.QName(parent).localname == "layout"


class Display(ExplicitPlain):
    """``display`` on a rendering element: a block, an indented block, or a margin part.

    HTML gets citeproc-js's ``csl-block``, ``csl-indent``, ``csl-left-margin`` and
    ``csl-right-inline`` divisions; text keeps the part apart with spaces (citeproc-py
    ignored the attribute and glued "Doe1999Aaaa"). As in citeproc-js, only an element
    that is a direct part of the layout is displayed apart; nested deeper (in a group or a
    macro) the attribute has no effect. Extends ``format``.
    """

    def format(self, string: Any) -> Any:
        """Format as usual, then mark the display kind."""
        text = super().format(string)
        kind = self._display_kind()
        if kind is not None and text is not None and str(text):
            return wrap_marks(kind, text)
        return text

    def _display_kind(self) -> str | None:
        """The element's effective display kind (style-only, so kept on the element)."""
        attributes = self.__dict__
        if "_citeform_display" not in attributes:
            kind = self.get("display")  # type: ignore[attr-defined]
            effective = kind in DISPLAY_KINDS and renders_at_top_level(self)
            attributes["_citeform_display"] = kind if effective else None
        return attributes["_citeform_display"]  # type: ignore[no-any-return]


OVERRIDES: Final = {
    "layout": SecondFieldAlign,
    "text": Display,
    "group": Display,
    "date": Display,
    "number": Display,
    "names": Display,
    "label": Display,
}
