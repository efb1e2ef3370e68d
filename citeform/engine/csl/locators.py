"""Locators that open with a label abbreviation (``n. 3``, ``ch. 2``), read as citeproc-js does.

A locator that opens with one of the abbreviations below and a space is split into its label
and the rest, when the cite's label is missing, ``page`` (the default) or the same label: the
locator ``n. 3`` with the label ``note`` prints as the label ``note`` and the locator ``3``.
Items of the legislative types keep their locators whole (section marks and the like are
part of their citation form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final, TypeVar

import attrs

NO_PRINTED_FORM: Final = "[NO_PRINTED_FORM]"
"""What a cluster that renders nothing prints (as citeproc-js prints it)."""

LABEL_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "add": "addendum",
    "amend": "amendment",
    "annot": "annotation",
    "app": "appendix",
    "art": "article",
    "bibliog": "bibliography",
    "bk": "book",
    "ch": "chapter",
    "cl": "clause",
    "cmt": "comment",
    "col": "column",
    "dec": "decision",
    "dept": "department",
    "ex": "example",
    "fig": "figure",
    "fld": "field",
    "fol": "folio",
    "hypo": "hypothetical",
    "illus": "illustration",
    "intro": "introduction",
    "l": "line",
    "n": "note",
    "no": "issue",
    "op": "opus",
    "p": "page",
    "para": "paragraph",
    "pmbl": "preamble",
    "pp": "page",
    "princ": "principle",
    "pt": "part",
    "pub": "publication",
    "r": "rule",
    "rn": "randnummer",
    "sched": "schedule",
    "sec": "section",
    "subch": "subchapter",
    "subdiv": "subdivision",
    "subpara": "subparagraph",
    "subsec": "subsection",
    "supp": "supplement",
    "sv": "sub-verbo",
    "tbl": "table",
    "tit": "title",
    "vol": "volume",
    "vrs": "verse",
}
"""Label abbreviations a locator may open with, and the locator label each stands for."""

_LEADING_LABEL: Final = re.compile(
    r"^(" + "|".join(sorted(LABEL_ABBREVIATIONS, key=len, reverse=True)) + r")\.\s+(.*)$",
    re.DOTALL,
)
_WHOLE_LOCATOR_TYPES: Final = frozenset({"bill", "gazette", "legislation", "regulation", "treaty"})


C = TypeVar("C")


def parsed_locator(cite: C, item: Mapping[str, Any]) -> C:
    """*cite* (attrs, with ``locator`` and ``label``): locator trimmed, leading label moved out."""
    locator: str | None = getattr(cite, "locator", None)
    label: str | None = getattr(cite, "label", None)
    if locator and locator != locator.strip():
        cite = attrs.evolve(cite, locator=locator.strip() or None)  # type: ignore[misc]
        locator = locator.strip()
    if not locator or item.get("type") in _WHOLE_LOCATOR_TYPES:
        return cite
    match = _LEADING_LABEL.match(locator)
    if match is None:
        return cite
    found = LABEL_ABBREVIATIONS[match.group(1)]
    if label not in {None, "page", found}:
        return cite
    evolved: C = attrs.evolve(cite, locator=match.group(2), label=found)  # type: ignore[misc]
    return evolved
