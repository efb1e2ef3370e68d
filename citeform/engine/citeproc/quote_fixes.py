"""Quotes (CSL 1.0.2 ``quotes="true"`` and the locale's ``punctuation-in-quote``).

citeproc-py writes the locale's quote terms as plain text, before the parent's suffix
arrives, so it cannot nest quotes (outer/inner) or move a following period or comma inside.
Here ``quotes="true"`` emits quote markers; :func:`.formats.resolve_quotes` turns them into
the locale's outer and inner quotes once the entry is complete and moves punctuation.
Replaces ``Text.quote``.
"""

from __future__ import annotations

from typing import Any, Final

from citeproc.string import String

from citeform.engine.citeproc.formats import QUOTE_CLOSE, QUOTE_OPEN


class QuoteMarkers:
    """``cs:text`` with ``quotes``."""

    def quote(self, string: Any) -> Any:
        """Put quote markers around *string* when the element asks for quotes."""
        if self.get("quotes", "false").lower() == "true":  # type: ignore[attr-defined]
            return String(QUOTE_OPEN) + string + String(QUOTE_CLOSE)
        return string


OVERRIDES: Final = {"text": QuoteMarkers}
