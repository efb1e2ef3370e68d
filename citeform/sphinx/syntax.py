"""Read a citation role's text: ``{prefix }key, S. 23{, suffix}; key2`` or ``key1,key2``."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from citeform.sphinx.cites import Cite

_CITE = re.compile(
    r"""^\s*
    (?:\{(?P<prefix>[^{}]*)\})?\s*
    (?P<key>[^\s,;{}]+)\s*
    (?:,\s*(?P<locator>[^{}]*?))?\s*
    (?:\{(?P<suffix>[^{}]*)\})?\s*$""",
    re.VERBOSE,
)

LabelReader = Callable[[str], tuple[str, str]]
"""Split a locator text into (CSL locator type, locator)."""


class CiteSyntaxError(ValueError):
    """A part of a role's text that is not a cite."""


def parse_cites(text: str, known: Collection[str], read_label: LabelReader) -> list[Cite]:
    """The cites of *text*, separated by ``;``.

    A part whose comma-separated pieces are all *known* keys is several cites (the
    sphinxcontrib-bibtex form); else a comma after the key starts a locator, whose
    label *read_label* reads. Raises :class:`CiteSyntaxError` naming a part that is not a cite.
    """
    cites: list[Cite] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        pieces = [piece.strip() for piece in part.split(",")]
        if len(pieces) > 1 and all(piece in known for piece in pieces):
            cites.extend(Cite(piece) for piece in pieces)
            continue
        cites.append(_parse_one(part, read_label))
    if not cites:
        raise CiteSyntaxError("no cite key")
    return cites


def _parse_one(part: str, read_label: LabelReader) -> Cite:
    match = _CITE.match(part)
    if match is None:
        raise CiteSyntaxError(
            f"cannot read {part.strip()!r} as a cite ({{prefix}}key, locator{{suffix}})"
        )
    label = locator = None
    if match["locator"]:
        label, locator = read_label(match["locator"])
    return Cite(
        key=match["key"],
        locator=locator,
        label=label,
        prefix=match["prefix"] or None,
        suffix=match["suffix"] or None,
    )
