"""A term that opens a bibliography entry is capitalized, as citeproc-js does.

"(n.d.-a)." opens an APA entry without author and title as "(N.d.-a).", German "o. J." as
"O. J.". The rendering elements note when an entry has produced its first output; a
``cs:text`` term (directly or through a macro) that produces it first gets its first letter
capitalized. Data never is ("van der Vlist" stays). Extends ``render`` of ``cs:text``,
``cs:date``, ``cs:number``, ``cs:names``.
"""

from __future__ import annotations

from typing import Any, Final

from citeform.engine.citeproc import state
from citeform.engine.citeproc.casing import capitalize_first


class MarksEntryStart:
    """``cs:date``, ``cs:number``, ``cs:names``: output from data opens the entry."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render; note that the entry has begun if there is output."""
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        if state.has_output(text):
            state.current().entry_started = True
        return text


class CapitalizedOpeningTerm:
    """``cs:text``: a term that opens an entry is capitalized."""

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render; capitalize a term that is the entry's first output."""
        current = state.current()
        opening = current.entry_active and not current.entry_started
        text = super().render(*args, **kwargs)  # type: ignore[misc]
        if not state.has_output(text):
            return text
        if opening and "term" in self.attrib and not current.entry_started:  # type: ignore[attr-defined]
            text = capitalize_first(text)
        current.entry_started = True
        return text


OVERRIDES: Final = {
    "text": CapitalizedOpeningTerm,
    "date": MarksEntryStart,
    "number": MarksEntryStart,
    "names": MarksEntryStart,
}
