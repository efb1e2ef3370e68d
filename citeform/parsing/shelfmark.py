"""Shelf marks ("ZLB: Kws 860 ZB 6748") -> holding library (archive) and call number."""

from __future__ import annotations

import re

import attrs

from citeform.parsing.text import NfcView, nfc, squash

SIGILS: dict[str, str] = {
    "ZLB": "Zentral- und Landesbibliothek Berlin",
    "SBB": "Staatsbibliothek zu Berlin",
    "DNB": "Deutsche Nationalbibliothek",
    "BSB": "Bayerische Staatsbibliothek",
    "SUB": "Staats- und Universitätsbibliothek",
    "TIB": "Technische Informationsbibliothek",
    "ZBW": "ZBW \u2013 Leibniz-Informationszentrum Wirtschaft",
    "Difu": "Deutsches Institut für Urbanistik",
}
"""Library sigils and the libraries they stand for; extend it for your own holdings."""

_SIGIL = re.compile(r"^(\S{1,12}):\s+(.+)$")


@attrs.frozen
class Holding:
    """One holding: the library (sigil expanded when known) and the call number."""

    archive: str | None
    call_number: str
    sigil: str | None = None


def parse_shelfmark(text: str) -> Holding | None:
    """Read one shelf mark: a short sigil before ": " is the library, the rest the call number.

    Of several holdings separated by ";", only the first is read.
    """
    view = NfcView(squash(text.split(";", 1)[0]))
    if not view.text:
        return None
    match = _SIGIL.match(view.text)
    sigil, call_number = view.group(match, 1), view.group(match, 2)
    if sigil is None or call_number is None:
        return Holding(archive=None, call_number=view.given)
    return Holding(archive=SIGILS.get(nfc(sigil), sigil), call_number=call_number, sigil=sigil)


def format_shelfmark(holding: Holding) -> str:
    """Write a holding as a shelf mark ("ZLB: Kws 860 ZB 6748")."""
    return f"{holding.sigil}: {holding.call_number}" if holding.sigil else holding.call_number
