"""Host citations: a container title with its numbering in one string.

"Eildienst Jg. 71 (2017), Nr. 2, S. 3-4" or, in the GI convention for
``dc.relation.ispartof``, "Informatik Spektrum: Vol. 40, No. 3" are split into
container, volume, year, issue and pages with one tolerant pattern per part.
"""

from __future__ import annotations

import re

import attrs

from citeform.parsing.pages import parse_pages
from citeform.parsing.text import DASHES, NfcView, squash

_FIRST_PART = re.compile(
    r"(?:^|[\s,:;])(?=(?:Jg\.|Jahrgang|Bd\.|Band|Vol\.|Volume|Nr\.|No\.|H\.|Heft|Issue|S\.|pp?\.)"
    r"\s*\w)"
)
_VOLUME = re.compile(
    r"(?<!\w)(?:Jg\.|Jahrgang|Bd\.|Band|Vol\.|Volume)\s*(\w*\d[\w.]*?|[IVXLC]+)(?=[\s,;:(]|$)"
)
_YEAR = re.compile(r"\((\d{4})\)")
_ISSUE = re.compile(r"(?<!\w)(?:Nr\.|No\.|H\.|Heft|Issue)\s*(\w*\d[\w/-]*)")
_TRAILING_NUMBER = re.compile(r"\d\)?$")
_PAGES = re.compile(rf"(?:S\.|pp?\.)\s*(\w+(?:\s*[{DASHES}]\s*\w+)?(?:\s*ff?\.)?)")


@attrs.frozen
class HostCitation:
    """The parts of a host citation; ``container`` is the text before the first part."""

    container: str
    volume: str | None = None
    year: int | None = None
    issue: str | None = None
    page: str | None = None


def parse_host_citation(text: str) -> HostCitation | None:
    """Split a container title from its numbering; ``None`` when the text has no numbering.

    Text whose container part still ends in a number ("Der Städtetag 70 (2017) 4, S. 1")
    is left alone: its numbering is not labelled, so it cannot be split safely.
    """
    view = NfcView(squash(text))
    first = _FIRST_PART.search(view.text)
    if first is None:
        return None
    container = view.text[: first.start()].rstrip(" ,:;")
    volume, year, issue, pages = (
        part.search(view.text, first.start()) for part in (_VOLUME, _YEAR, _ISSUE, _PAGES)
    )
    parsed_pages = parse_pages(pages.group(1)) if pages else None
    found = HostCitation(
        container=view.cut(0, len(container)),
        volume=(view.group(volume, 1) or "").rstrip(".") or None,
        year=int(year.group(1)) if year else None,
        issue=view.group(issue, 1),
        page=parsed_pages.page if parsed_pages else None,
    )
    numbered = (found.volume, found.issue, found.page)
    if not container or _TRAILING_NUMBER.search(container) or not any(numbered):
        return None
    return found


def format_host_citation(host: HostCitation) -> str:
    """Write a host citation in the German convention: "Eildienst, Jg. 71 (2017), Nr. 2, S. 3-4"."""
    volume = f"Jg. {host.volume}" if host.volume else ""
    if host.year is not None:
        volume = f"{volume} ({host.year})".strip()
    parts = [
        host.container,
        volume,
        f"Nr. {host.issue}" if host.issue else "",
        f"S. {host.page}" if host.page else "",
    ]
    return ", ".join(part for part in parts if part)
