"""Whitespace and dash helpers shared by the parsers."""

from __future__ import annotations

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
"""Characters read as a range separator: hyphen, non-breaking hyphen, dashes, minus."""


def squash(text: str) -> str:
    """Return *text* trimmed, with every run of whitespace (no-break space too) as one space."""
    return " ".join(text.split())
