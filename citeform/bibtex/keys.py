r"""Citation keys: kept from the input when usable, otherwise author-year-titleword.

Keys are ASCII, safe in ``\cite`` and in both BibTeX and biber, and unique
(case-insensitively, as BibTeX compares them): clashes get ``a``, ``b``, … .
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from citeform.model import Record

# ruff: noqa: RUF001 - the transliteration table maps look-alike letters on purpose

TRANSLITERATION: Final[dict[str, str]] = {
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O", "å": "aa", "Å": "Aa",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i",
}  # fmt: skip
"""Letters that ASCII spells with more than their base letter."""

STOPWORDS: Final = frozenset(
    {"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "by", "with", "from", "der",
     "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "zur", "zum",
     "und", "im", "am", "vom", "le", "la", "les", "l", "un", "une", "du", "de", "el", "los",
     "las", "il", "lo", "gli"}
)  # fmt: skip
"""Words skipped when the title word of a key is chosen."""

_SPELLED: Final = {ord(letter): spelled for letter, spelled in TRANSLITERATION.items()}
_UNSAFE = re.compile(r"[^A-Za-z0-9_:.\-/+]+")
_VALID = re.compile(r"[A-Za-z0-9_:.\-/+]+")


def ascii_fold(text: str) -> str:
    """*text* in ASCII letters (``Städtetag`` -> ``Staedtetag``); other characters vanish."""
    if text.isascii():
        return text
    spelled = text.translate(_SPELLED)
    return unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")


def is_valid(key: str) -> bool:
    """Whether *key* is safe as a BibTeX/biblatex citation key."""
    return bool(_VALID.fullmatch(key))


def _safe(key: str) -> str:
    return _UNSAFE.sub("_", ascii_fold(key)).strip("_")


def _first_word(text: str) -> str:
    plain = re.sub(r"<[^>]+>", "", text)
    for word in re.findall(r"\w+", plain):
        folded = re.sub(r"[^A-Za-z0-9]", "", ascii_fold(word)).lower()
        if folded and word.lower() not in STOPWORDS:
            return folded
    return ""


def generate(record: Record) -> str:
    """A readable key from the first name, the year and the first title word."""
    names = next((names for names in record.names.values() if names), ())
    who = ""
    if names:
        first = names[0]
        who = _first_word(first.family or first.literal or first.given or "")
    issued = record.dates.get("issued")
    year = str(issued.year) if issued is not None and issued.year is not None else ""
    title = _first_word(record.text.get("title", ""))
    return (who + year + title) or "anon"


def _suffixes() -> Iterable[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


def _free(candidate: str, seen: set[str], taken: set[str] | None) -> bool:
    folded = candidate.lower()
    return folded not in seen and (taken is None or folded not in taken)


def own_key(record: Record) -> str:
    """The record's own key (its ``id`` or ``citation-key``) made safe; ``""`` if it has none."""
    own = record.id if record.id is not None else record.text.get("citation-key")
    return _safe(str(own)) if own is not None else ""


class KeyAssigner:
    """Gives each record, as it comes, a key unique among those given before.

    A record keeps its own key (see :func:`own_key`) unless an earlier record has it;
    a generated key also avoids the *taken* keys, those that later records own.
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        """Start with no key given; *taken* are own keys of records still to come."""
        self.taken = {key.lower() for key in taken}
        self.seen: set[str] = set()

    def key(self, record: Record, own: str | None = None) -> str:
        """The key of the next record (*own*: its :func:`own_key`, if known already)."""
        own = own_key(record) if own is None else own
        key, kept = (own, True) if own else (generate(record), False)
        unique = key
        if not _free(key, self.seen, None if kept else self.taken):
            unique = next(
                key + suffix for suffix in _suffixes() if _free(key + suffix, self.seen, self.taken)
            )
        self.seen.add(unique.lower())
        return unique


def assign(records: Sequence[Record]) -> list[str]:
    """One unique key per record: its own (``id``, ``citation-key``) if it has one.

    Own keys win over generated ones, wherever in *records* they are.
    """
    owns = [own_key(record) for record in records]
    assigner = KeyAssigner(taken=filter(None, owns))
    return [assigner.key(record, own) for record, own in zip(records, owns, strict=True)]
