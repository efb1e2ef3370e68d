"""ISSN, ISBN, DOI and handle normalisation, and telling a bare identifier's kind by its shape."""

from __future__ import annotations

import re
from typing import Literal

from citeform.parsing.text import NfcView, nfc, squash

IdentifierKind = Literal["DOI", "ISSN", "ISBN", "URL"]

_ISSN = re.compile(r"^(?:issn:?\s*)?(\d{4})\s*[-\u2010\u2013]?\s*(\d{3}[\dXx])$", re.IGNORECASE)
_ISBN_PREFIX = re.compile(r"^isbn(?:-1[03])?:?\s*", re.IGNORECASE)
_DOI = re.compile(
    r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|info:doi/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE
)
_HANDLE = re.compile(r"^(?:hdl:\s*|https?://hdl\.handle\.net/|info:hdl/)(\d[\w.]*/\S+)$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def normalize_issn(text: str) -> str | None:
    """Return an ISSN as NNNN-NNNC (upper-case X), or ``None`` when it is not one."""
    match = _ISSN.match(nfc(squash(text)))
    return f"{match.group(1)}-{match.group(2).upper()}" if match else None


def normalize_isbn(text: str) -> str | None:
    """Return a valid ISBN-10/13 as its digits (hyphens dropped), or ``None``."""
    digits = re.sub(r"[\s\-\u2010]", "", _ISBN_PREFIX.sub("", nfc(squash(text)))).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return digits if total % 11 == 0 else None
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
        return digits if total % 10 == 0 else None
    return None


def normalize_doi(text: str) -> str | None:
    """Return a DOI bare ("10.1234/x"), from "doi:…", "https://doi.org/…" or bare; else ``None``."""
    view = NfcView(squash(text))
    return view.group(_DOI.match(view.text), 1)


def normalize_handle(text: str) -> str | None:
    """Return the handle ("10673/4") of "hdl:…" or "http(s)://hdl.handle.net/…", or ``None``."""
    view = NfcView(squash(text))
    return view.group(_HANDLE.match(view.text), 1)


def classify_identifier(text: str) -> tuple[IdentifierKind, str] | None:
    """Tell a bare identifier's kind by its shape and return it normalised.

    A DOI (bare or as URL) -> ``DOI``; NNNN-NNNC -> ``ISSN``; a valid ISBN -> ``ISBN``;
    a handle -> its ``https://hdl.handle.net/`` URL; another http(s) URL -> ``URL``.
    Anything else (e.g. a free-text citation) -> ``None``.
    """
    value = squash(text)
    if doi := normalize_doi(value):
        return "DOI", doi
    if handle := normalize_handle(value):
        return "URL", f"https://hdl.handle.net/{handle}"
    if _URL.match(nfc(value)):
        return "URL", value
    if issn := normalize_issn(value):
        return "ISSN", issn
    if isbn := normalize_isbn(value):
        return "ISBN", isbn
    return None
