"""Locator labels (``S.``, ``Kap.``, ``p.``, ``chap.``) as CSL locator types, from locale terms."""

from __future__ import annotations

import functools
from pathlib import Path

from citeproc import LOCALES_PATH

from citeform.sources import Source
from citeform.xmlsafe import local_name, parse, text_of

LOCATOR_TYPES = frozenset({
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part",
    "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator",
    "verse", "version", "volume",
})  # fmt: skip
"""The CSL 1.0.2 locator types."""

DEFAULT_TYPE = "page"
"""A locator without a label is a page, as CSL reads it."""

FALLBACK_LOCALE = "en-US"
"""English labels are understood in every document."""


@functools.cache
def locale_labels(locale: str) -> dict[str, str]:
    """Every form of each locator term of *locale* (lower case) -> its locator type."""
    path = Path(LOCALES_PATH) / f"locales-{locale}.xml"
    if not path.is_file():
        return {}
    labels: dict[str, str] = {}
    for element in parse(Source.from_any(path)).iter():
        name = element.get("name")
        if local_name(element) != "term" or name not in LOCATOR_TYPES:
            continue
        texts = [text_of(child) for child in element] or [text_of(element)]
        for text in [name, *texts]:
            if text.strip():
                labels.setdefault(text.strip().casefold(), name)
    return labels


@functools.cache
def label_table(locale: str) -> tuple[tuple[str, str], ...]:
    """(label, type) pairs of *locale* then English, longest label first."""
    table = dict(locale_labels(FALLBACK_LOCALE))
    table.update(locale_labels(locale))
    return tuple(sorted(table.items(), key=lambda pair: -len(pair[0])))


def read_label(text: str, locale: str) -> tuple[str, str]:
    """Split ``S. 23`` into ``("page", "23")``; text without a known label is a page."""
    stripped = text.strip()
    folded = stripped.casefold()
    for label, locator_type in label_table(locale):
        rest = stripped[len(label) :]
        whole_word = label.endswith(".") or not rest[:1].isalpha()
        if folded.startswith(label) and whole_word and rest.strip():
            return locator_type, rest.strip()
    return DEFAULT_TYPE, stripped
