"""What an author-only cite prints: its first names or date, as citeproc-js decides.

citeproc-js keeps one flag per cite, *something printed*, which names (not a substitute's
text), dates and the variables it treats as titles (:data:`TITLE_VARIABLES`) raise when they
have a value, printing or not; terms, values and numbers leave it alone. In an author-only
cite a ``cs:names`` or ``cs:date`` prints while the flag is down; a ``cs:text`` or
``cs:number`` prints only while the flag is down inside a substitute, and before a
``cs:names`` with children of its own has ended in that substitute; the citation number never
prints. A silenced element still counts as printed for its group (which keeps its terms and
labels).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from citeform.engine.csl.context import Context
from citeform.engine.csl.rich import Part
from citeform.engine.csl.xml import Element

Render = Callable[[Context], Part | None]

SILENCEABLE: Final = frozenset({"text", "number", "date", "names"})
"""The elements an author-only cite may silence (a ``cs:text`` of a macro is not one)."""

TITLE_VARIABLES: Final = frozenset(
    {
        "archive",
        "archive-place",
        "authority",
        "collection-title",
        "container-title",
        "country",
        "event",
        "event-place",
        "genre",
        "jurisdiction",
        "medium",
        "publisher",
        "publisher-place",
        "title",
        "title-short",
    }
)
"""Text variables whose value raises the *something printed* flag (citeproc-js)."""


def author_only(render: Render, element: Element) -> Render:
    """*render*, printing in an author-only cite only as the module says."""
    variable = element.get("variable")
    numbering = variable == "citation-number"
    literal = element.tag in {"text", "number"}
    names = element.tag == "names"
    raises = element.tag == "date" or (element.tag == "text" and variable in TITLE_VARIABLES)

    def silenced(context: Context) -> Part | None:
        if not context.author_only:
            return render(context)
        printed_before = context.author_printed
        lists = len(context.name_lists)
        node = render(context)
        if node is not None and (raises or (names and len(context.name_lists) > lists)):
            context.author_printed = True
        if numbering or printed_before:
            return None
        if literal and not (context.in_substitute and context.substitute_texts):
            return None
        return node

    return silenced
