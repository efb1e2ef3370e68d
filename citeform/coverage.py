"""What a writer carries of a record: natively, in its extra field, or not at all.

A writer puts each CSL variable of a record into a field its format defines
(*native*), or, where the format has none, into its extra field in a documented
form that its reader reads back (*extra*); what it cannot carry it reports
(*lost*), so that ``citeform convert --report`` can say so. Writers also never
write control characters: :func:`drop_controls`.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from citeform import vocab

RENDERING_VARIABLES: Final = frozenset(
    {"citation-number", "first-reference-note-number", "locator", "year-suffix"}
)
"""Variables a CSL processor sets for one citation while rendering: not data of the work,
so file formats other than CSL-JSON do not carry them."""

BY_LOWER_NAME: Final = {variable.lower(): variable for variable in vocab.KIND_OF}
"""CSL variables by their lower-case name (field names in ``.bib`` files are case-blind)."""

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
"""C0 and C1 controls and DEL, but those that are whitespace."""
_SPACE_CONTROLS = re.compile(r"[\x0b\x0c\x1c-\x1f\x85]")
"""Controls that are whitespace (vertical tab, form feed, separators, next line), but tab,
line feed and carriage return."""
_ANY_CONTROL = re.compile(f"{_CONTROLS.pattern}|{_SPACE_CONTROLS.pattern}")


@attrs.frozen
class Coverage:
    """The CSL variables of one record, by how a writer carries them."""

    native: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()


def drop_controls(text: str) -> str:
    """*text* without C0/C1 control characters.

    Those that are whitespace become a space (tab, line feed and carriage return stay),
    the others are dropped. A control character means nothing in a citation, and written
    raw it stops TeX (NUL), or hides a formula from a spreadsheet's guard (a leading NUL
    is dropped on opening).
    """
    if text.isprintable() or _ANY_CONTROL.search(text) is None:  # controls are unprintable
        return text
    return _SPACE_CONTROLS.sub(" ", _CONTROLS.sub("", text))
