"""Names: options citeproc-py reads wrongly or not at all (CSL 1.0.2, "Name" and "Names").

Replaced methods: ``Name.initialize`` (``initialize="false"``).
"""

from __future__ import annotations

from typing import Any, Final


class NameOptions:
    """``cs:name``."""

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """Initialize given names, or with ``initialize="false"`` only mark existing initials.

        CSL 1.0.2: with ``initialize="false"``, given names stay whole, but single-letter
        initials in them still get the ``initialize-with`` mark ("James T" -> "James T.").
        """
        if self.get("initialize", "true").lower() != "false":  # type: ignore[attr-defined]
            return super().initialize(given, mark, context)  # type: ignore[misc, no-any-return]
        words = given.split(" ")
        marked = [
            word.rstrip(".") + mark.rstrip()
            if len(word.rstrip(".")) == 1 and word[0].isupper()
            else word
            for word in words
        ]
        return " ".join(marked)


OVERRIDES: Final = {"name": NameOptions}
