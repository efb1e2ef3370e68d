"""Which cites of a cluster print, and what stands for a first cite that prints nothing.

citeproc-js prints a cluster holding an author-only cite as that cite alone (the first such
cite in the cluster's order; the others are left out), and puts
``[CSL STYLE ERROR: reference with no printed form.]`` in the place of a first cite that
prints nothing (no content and no affixes), unless that cite is author-only or the cluster's
last cite is suppress-author; other cites that print nothing are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol, TypeVar

from citeform.engine.csl.rich import Part

NO_PRINTED_CITE: Final = "[CSL STYLE ERROR: reference with no printed form.]"
"""What stands for a first cite that prints nothing (citeproc-js)."""


class CiteFlags(Protocol):
    """What these rules look at of a cite."""

    @property
    def suppress_author(self) -> bool:
        """Whether the cite leaves out its author."""
        ...  # pragma: no cover

    @property
    def author_only(self) -> bool:
        """Whether the cite prints its author alone."""
        ...  # pragma: no cover


C = TypeVar("C", bound=CiteFlags)


def printed_cites(cites: Sequence[C]) -> list[C]:
    """The cites of a sorted cluster that print: the first author-only cite alone, else all."""
    alone = next((cite for cite in cites if cite.author_only), None)
    return [alone] if alone is not None else list(cites)


def no_printed_form(cites: Sequence[CiteFlags]) -> Part | None:
    """What stands for the first of *cites* when it prints nothing, or ``None`` (left out)."""
    if cites[0].author_only or cites[-1].suppress_author:
        return None
    return NO_PRINTED_CITE
