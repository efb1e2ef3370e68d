"""Item-page labels -> DSpace field keys, as data: label profiles and UI noise lines.

The profiles cover DSpace's own German and English UI, the Difu repository and
untranslated ``item.page.*`` keys.

Labels are compared after :func:`normalize_label` (in Unicode NFC, case folded, spacing
squashed, a final colon dropped). Users add the labels of their own repository with
:func:`register_labels` or :func:`load_labels`, which reads a JSON file of this form::

    {"labels": {"Erschienen in": "dc.relation.ispartof", "Signatur": "local.holding"},
     "noise": ["Teilen", "Export"]}

Registered labels take precedence over the built-in profiles. On the command line,
set the environment variable ``CITEFORM_LABELS`` to the path of such a file: the
``dspace-page`` reader registers it before it reads the first page. Repository-specific fields
without a standard DSpace equivalent use DSpace's ``local`` schema: ``local.holding``
(shelf mark), ``local.identifier.zdb``, ``local.language.orlis``, ``local.type``
(secondary document type) and ``local.citation.pages``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from citeform.errors import UnreadableInputError
from citeform.parsing.text import nfc

DSPACE_GERMAN: dict[str, str] = {
    "Titel": "dc.title", "Datum": "dc.date.issued", "Erscheinungsdatum": "dc.date.issued",
    "Autor:innen": "dc.contributor.author", "Autor*innen": "dc.contributor.author",
    "Autoren": "dc.contributor.author", "Autor": "dc.contributor.author",
    "Herausgeber:in": "dc.contributor.editor", "Zeitschriftentitel": "journal.title",
    "ISSN der Zeitschrift": "journal.identifier.issn", "Bandtitel": "journalvolume.identifier.name",
    "Verlag": "dc.publisher", "Zusammenfassung": "dc.description.abstract",
    "Beschreibung": "dc.description", "Schlagwörter": "dc.subject", "Themen": "dc.subject",
    "Zitierform": "dc.identifier.citation", "URI": "dc.identifier.uri",
    "Identifier": "dc.identifier.uri", "DOI": "dc.identifier.doi", "Typ": "dc.type",
    "Sprache": "dc.language.iso", "Sonstiger Identifikator": "dc.identifier.other",
    "ISSN": "dc.identifier.issn", "ISBN": "dc.identifier.isbn",
    "Zeitschrift oder Schriftenreihe": "dc.relation.ispartof",
    "Ist Bestandteil der Reihe": "dc.relation.ispartofseries",
    "Band/Jahrgang": "oaire.citation.volume", "Ausgabe/Heft": "oaire.citation.issue",
    "Zitat erste Seite": "oaire.citation.startPage", "Zitat letzte Seite": "oaire.citation.endPage",
    "Zitat Umgebung": "oaire.citation.title", "Akronym": "dc.title.alternative",
}  # fmt: skip
"""dspace-angular's German labels (``de.json5``)."""

DSPACE_ENGLISH: dict[str, str] = {
    "Title": "dc.title", "Date": "dc.date.issued", "Published date": "dc.date.issued",
    "Authors": "dc.contributor.author", "Author": "dc.contributor.author",
    "Editor": "dc.contributor.editor", "Journal Title": "journal.title",
    "Journal ISSN": "journal.identifier.issn", "Volume Title": "journalvolume.identifier.name",
    "Publisher": "dc.publisher", "Abstract": "dc.description.abstract",
    "Description": "dc.description", "Keywords": "dc.subject", "Subjects": "dc.subject",
    "Citation": "dc.identifier.citation", "Type": "dc.type", "Language": "dc.language.iso",
    "Other Identifier": "dc.identifier.other", "Journal": "dc.relation.ispartof",
    "Journal or Series": "dc.relation.ispartof", "Is part of series": "dc.relation.ispartofseries",
    "Volume": "oaire.citation.volume", "Issue": "oaire.citation.issue",
    "Citation start page": "oaire.citation.startPage",
    "Citation end page": "oaire.citation.endPage", "Citation container": "oaire.citation.title",
    # the JSP and XML user interfaces of DSpace 6 and earlier
    "Issue Date": "dc.date.issued", "Series/Report no.": "dc.relation.ispartofseries",
    "Other Titles": "dc.title.alternative",
}  # fmt: skip
"""dspace-angular's English labels (``en.json5``), and those of DSpace 6's user interfaces."""

DIFU: dict[str, str] = {
    "Herausgeber": "dc.publisher", "Sprache (Orlis.pc)": "local.language.orlis",
    "Erscheinungsort": "dc.publisher.place", "ZDB-ID": "local.identifier.zdb",
    "Standort": "local.holding", "Dokumenttyp (zusätzl.)": "local.type",
    "Zeitschrift": "dc.relation.ispartof", "Ausgabe": "oaire.citation.issue",
    "Seiten": "local.citation.pages",
}  # fmt: skip
"""Labels of the Difu repository (the project's example record)."""

I18N_KEYS: dict[str, str] = {
    "item.page.date": "dc.date.issued", "item.page.authors": "dc.contributor.author",
    "item.page.journal-title": "journal.title", "publication.page.journal-title": "journal.title",
    "item.page.journal-issn": "journal.identifier.issn",
    "item.page.volume-title": "journalvolume.identifier.name",
    "item.page.publisher": "dc.publisher", "publication.page.publisher": "dc.publisher",
    "item.page.abstract": "dc.description.abstract", "item.page.description": "dc.description",
    "item.page.subject": "dc.subject", "item.page.citation": "dc.identifier.citation",
    "item.page.uri": "dc.identifier.uri", "publication.page.doi": "dc.identifier.doi",
    "item.page.journal": "dc.relation.ispartof",
}  # fmt: skip
"""dspace-angular i18n keys shown untranslated; other ``item.page.<a-b-c>`` keys give ``a.b.c``."""

UI_SECTIONS: dict[str, str] = {
    "Dateien": "page.files", "Files": "page.files", "Sammlungen": "page.collections",
    "Collections": "page.collections", "Appears in Collections": "page.collections",
    "Files in This Item": "page.files", "item.page.files": "page.files",
    "item.page.collections": "page.collections",
}  # fmt: skip
"""Page sections that are not metadata: their lines are kept as unmapped, not read as values."""

NOISE: frozenset[str] = frozenset(
    {"Lade...", "Loading...", "Vorschaubild", "Thumbnail Image", "Thumbnail",
     "Komplettanzeige", "Full item page", "Zeige Dokument", "Show full item record",
     "Herunterladen", "Download", "Anzeigen", "View/Open", "Öffnen"}
)  # fmt: skip
"""UI lines that are neither labels nor values."""

_I18N_KEY = re.compile(r"^(?:item|publication)\.page\.([a-z][\w]*(?:-[\w]+)*)$", re.IGNORECASE)

MAX_LABEL_LENGTH = 120
"""Longer lines are values, never labels or noise (and are not compared at all)."""

LABELS_VARIABLE = "CITEFORM_LABELS"
"""Environment variable naming a label file for the ``dspace-page`` reader."""

_registered_labels: dict[str, str] = {}
_registered_noise: set[str] = set()
_loaded_files: set[str] = set()


def normalize_label(line: str) -> str:
    """A label as compared: in NFC, case folded, spacing squashed, a final colon dropped."""
    return nfc(" ".join(line.split())).rstrip(":").rstrip().casefold()


def _table(*profiles: Mapping[str, str]) -> dict[str, str]:
    return {normalize_label(label): key for profile in profiles for label, key in profile.items()}


_BUILT_IN = _table(UI_SECTIONS, DSPACE_ENGLISH, DSPACE_GERMAN, DIFU)
_BUILT_IN_NOISE = {normalize_label(line) for line in NOISE}


def register_labels(labels: Mapping[str, str], *, noise: Iterable[str] = ()) -> None:
    """Add item-page *labels* (label -> DSpace field key) and *noise* lines for a repository."""
    for label, key in labels.items():
        if not isinstance(label, str) or not isinstance(key, str) or not key.strip():
            raise TypeError(f"a label maps text to a field key, not {label!r}: {key!r}")
        _registered_labels[normalize_label(label)] = key.strip()
    _registered_noise.update(normalize_label(line) for line in noise)


def load_labels(path: str | Path) -> None:
    """Register the labels of a JSON file ``{"labels": {label: key}, "noise": [lines]}``."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableInputError(f"cannot read the label file: {error}", source=name) from None
    if not isinstance(data, dict) or not isinstance(data.get("labels", {}), dict):
        raise UnreadableInputError('a label file is {"labels": {...}, "noise": [...]}', source=name)
    try:
        register_labels(data.get("labels", {}), noise=data.get("noise", []))
    except TypeError as error:
        raise UnreadableInputError(str(error), source=name) from None


def load_environment_labels() -> None:
    """Register the label file named by ``CITEFORM_LABELS``, once per process and path."""
    path = os.environ.get(LABELS_VARIABLE, "").strip()
    if path and path not in _loaded_files:
        load_labels(path)
        _loaded_files.add(path)


def clear_registered_labels() -> None:
    """Forget every registered label and noise line (the built-in profiles stay)."""
    _registered_labels.clear()
    _registered_noise.clear()
    _loaded_files.clear()


def field_of_label(line: str) -> str | None:
    """The DSpace field key that the label *line* stands for, or ``None`` when it is no label."""
    if len(line) > MAX_LABEL_LENGTH:
        return None
    label = normalize_label(line)
    if label in _registered_labels:
        return _registered_labels[label]
    if label in _BUILT_IN:
        return _BUILT_IN[label]
    stripped = nfc(" ".join(line.split()))
    if stripped.lower() in I18N_KEYS:
        return I18N_KEYS[stripped.lower()]
    match = _I18N_KEY.match(stripped)
    if match:
        return match.group(1).replace("-", ".") if "-" in match.group(1) else stripped
    return None


def is_noise(line: str) -> bool:
    """Whether *line* is UI noise ("Lade...", "Vorschaubild")."""
    if len(line) > MAX_LABEL_LENGTH:
        return False
    label = normalize_label(line)
    return label in _BUILT_IN_NOISE or label in _registered_noise
