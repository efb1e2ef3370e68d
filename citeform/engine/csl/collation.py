"""Sort keys in the locale's collation, as citeproc-js compares with the locale's ICU rules.

Text is compared without markup and punctuation, then by ICU's collator for the
locale on base letters only (case and accents tie, and tied entries keep their order),
numbers by value ("Work 2" before "Work 10"), scripts in the locale's order (Cyrillic
before Latin in Russian, for example).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

import icu

_MARKUP: Final = re.compile(r"<[^>]+>")
_NOT_SORTED: Final = re.compile(r"[^\w\s]+")


@functools.lru_cache(maxsize=32)
def _collator(lang: str) -> Any:
    collator = icu.Collator.createInstance(icu.Locale(lang.replace("-", "_")))
    collator.setStrength(icu.Collator.PRIMARY)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def sort_key(text: str, lang: str) -> bytes:
    """*text* as a key that sorts in the collation of locale *lang*."""
    text = " ".join(_NOT_SORTED.sub("", _MARKUP.sub("", text)).split())
    key: bytes = _collator(lang).getSortKey(text)
    return key


@functools.lru_cache(maxsize=32)
def _loose_collator(lang: str) -> Any:
    collator = icu.Collator.createInstance(icu.Locale(lang.replace("-", "_")))
    collator.setStrength(icu.Collator.PRIMARY)
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def run_key_text(text: str, lang: str) -> bytes:
    """*text* as citeproc-js compares the keys of a grouped cite sort.

    Letters without case or accents, numbers by value, punctuation ignored; symbols such as
    the ``|`` that stands for a space in citeproc-js' keys still count.
    """
    key: bytes = _loose_collator(lang).getSortKey(text)
    return key
