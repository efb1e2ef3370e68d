"""Year-suffixes for the bibliography (CSL 1.0.2, ``disambiguate-add-year-suffix``).

citeproc-py does no disambiguation. For a style with ``disambiguate-add-year-suffix``,
items whose first cites would read the same (same citation text; with
``disambiguate-add-names``, also the same full name lists, which adding names would tell
apart) get the suffixes a, b, ... in bibliography order, as citeproc-js gives them. The
suffix goes into the ``year-suffix`` variable and, when the bibliography does not print that
variable itself, is appended to the year of ``issued`` (``cite_overrides.CiteYearSuffix``).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any, Final

from citeproc import Citation
from citeproc.source import DateRange

from citeform.engine.citeproc import state
from citeform.engine.citeproc.cite_overrides import SUFFIX_KEY
from citeform.engine.citeproc.loader import CSL_NAMESPACE

_LETTERS: Final = string.ascii_lowercase


def suffix_letters(index: int) -> str:
    """The *index*-th suffix: a ... z, aa, ab, ... (as citeproc-js counts)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, len(_LETTERS))
        letters = _LETTERS[remainder] + letters
    return letters


def wants_year_suffix(root: Any) -> bool:
    """Whether the style's citation asks for year-suffixes."""
    citation = root.citation
    return citation is not None and citation.get("disambiguate-add-year-suffix") == "true"


def prints_year_suffix(root: Any) -> bool:
    """Whether the bibliography prints the ``year-suffix`` variable itself (macros followed).

    CSL 1.0.2: a layout that does not is given the suffix after the year of its first date.
    """
    bibliography = root.bibliography
    if bibliography is None:
        return False
    pending, seen = [bibliography.layout], set()
    while pending:
        element = pending.pop()
        for text in element.iter(f"{{{CSL_NAMESPACE}}}text"):
            if text.get("variable") == "year-suffix":
                return True
            macro = text.get("macro")
            if macro and macro not in seen:
                seen.add(macro)
                pending.append(text.get_macro(macro))
    return False


def _names_key(reference: Any) -> tuple[tuple[str, str], ...]:
    """The full names of the first contributors (a literal equals the same family name)."""
    names = reference.get("author") or reference.get("editor") or []
    return tuple(
        (
            " ".join(
                str(name[part])
                for part in ("literal", "non-dropping-particle", "family")
                if name.get(part)
            ),
            " ".join(str(name[part]) for part in ("given", "dropping-particle") if name.get(part)),
        )
        for name in names
    )


def add_year_suffixes(root: Any, citation_items: Sequence[Any]) -> None:
    """Give ambiguous items (in *citation_items*' order) their year-suffix."""
    if not wants_year_suffix(root):
        return
    by_add_names = root.citation.get("disambiguate-add-names") == "true"
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for item in citation_items:
        bibliography = item.bibliography
        citation = Citation([item])
        citation.bibliography = bibliography
        try:
            text = str(root.citation.render(citation, [], str))
        except Exception:  # noqa: BLE001, S112 - an item that cannot be cited gets no suffix
            continue
        finally:
            state.current().restore()
        key = (text, _names_key(item.reference) if by_add_names else ())
        groups.setdefault(key, []).append(item)
    on_date = not prints_year_suffix(root)
    for group in groups.values():
        if len(group) < 2:
            continue
        for index, item in enumerate(group):
            _set_suffix(item.reference, suffix_letters(index), on_date=on_date)


def _set_suffix(reference: Any, letters: str, *, on_date: bool) -> None:
    dict.__setitem__(reference, "year_suffix", letters)
    dict.__setitem__(reference, "year-suffix", letters)
    issued = dict.get(reference, "issued")
    if isinstance(issued, DateRange):
        issued = issued.get("end") or issued.get("begin")
    if on_date and isinstance(issued, dict):
        dict.__setitem__(issued, SUFFIX_KEY, letters)
