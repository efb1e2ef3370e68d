"""CSL text-case transformations (CSL 1.0.2, "Text-case") on citeproc-py strings.

citeproc-py's ``TextCased.case`` crashes on plain ``str``/``int`` values and empty strings
(181 styles), splits words on spaces only ("Multi-site" stays), and rebuilds text with
``' '.join``. These functions work segment by segment on a ``MixedString`` (``NoCase``
segments are left alone), keep all whitespace, and skip markers and punctuation when they
look for the letter to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from citeproc.string import MixedString, NoCase, String

STOP_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "the",
        "till",
        "to",
        "up",
        "via",
        "with",
        "yet",
    ]
)
"""Words title case keeps lower-case (CSL 1.0.2 appendix, English)."""

_WORD = re.compile(r"[^\s\-\u2013\u2014/]+")
"""A word: what lies between spaces, hyphens, dashes and slashes ("Long-term": two words)."""
_SPACED_WORD = re.compile(r"\S+")
"""A word of ``capitalize-first``/``capitalize-all``: what lies between spaces."""
_LEADING = re.compile(r"[^\w'\u2019]*")
"""Opening punctuation and markers before a word's first letter (not an elision's apostrophe)."""
_WORD_CHAR = re.compile(r"\w")
_SENTENCE_END: Final = frozenset(":.?!")


def _segments(text: object) -> list[String]:
    if isinstance(text, MixedString):
        return [segment if isinstance(segment, String) else String(segment) for segment in text]
    if isinstance(text, String):
        return [text]
    return [String(str(text))]


def _rebuild(segments: list[String]) -> MixedString | String:
    kept = [segment for segment in segments if str(segment)]
    if len(kept) == 1:
        return kept[0]
    return MixedString(kept) if kept else String("")


def _lead_in(whole: str, start: int) -> str:
    """The text before *start* from its last non-space character on (all of it if none).

    Enough for a word's context (what ends the text before it), and linear over a text:
    the space runs scanned for successive words do not overlap.
    """
    position = start
    while position > 0 and whole[position - 1].isspace():
        position -= 1
    return whole[max(position - 1, 0) : start]


def _map_words(
    text: object, change: Callable[[str, int, str], str], word: re.Pattern[str] = _WORD
) -> MixedString | String:
    """Apply ``change(word, index, lead_in)`` to each *word* of each cased segment.

    ``lead_in`` is the text before the word from its last non-space character on
    (:func:`_lead_in`).
    """
    segments = _segments(text)
    whole = "".join(str(segment) for segment in segments)
    out: list[String] = []
    index = 0
    offset = 0
    for segment in segments:
        value = str(segment)
        if isinstance(segment, NoCase):
            out.append(segment)
            index += len(word.findall(value))
            offset += len(value)
            continue
        pieces = []
        position = 0
        for match in word.finditer(value):
            pieces.append(value[position : match.start()])
            lead_in = _lead_in(whole, offset + match.start())
            pieces.append(change(match.group(), index, lead_in))
            index += 1
            position = match.end()
        pieces.append(value[position:])
        out.append(type(segment)("".join(pieces)))
        offset += len(value)
    return _rebuild(out)


def _capitalize(word: str) -> str:
    """Upper-case the first letter, after opening punctuation; elisions and "60th" stay."""
    lead = _LEADING.match(word)
    start = lead.end() if lead else 0
    if start >= len(word) or not word[start].isalpha():
        return word
    return word[:start] + word[start].upper() + word[start + 1 :]


def _bare(word: str) -> str:
    """*word* without the punctuation around it (linear: no backtracking over its ends)."""
    first = _WORD_CHAR.search(word)
    if first is None:
        return ""
    last = _WORD_CHAR.search(word[::-1])
    return word[first.start() : len(word) - last.start()] if last else word


def _title_word(word: str, index: int, before: str) -> str:
    if not word.islower():
        return word
    bare = _bare(word)
    stripped = before.rstrip()
    after_break = not stripped or stripped[-1] in _SENTENCE_END
    if bare in STOP_WORDS and index > 0 and (not after_break or before.endswith("-")):
        return word
    return _capitalize(word)


def title(text: object) -> MixedString | String:
    """Title case: lower-case words capitalized, except stop words inside a sentence."""
    return _map_words(text, _title_word)


def _capitalize_lower(word: str) -> str:
    """Capitalize a word written in lower case only ("arXiv" stays, as in citeproc-js)."""
    return _capitalize(word) if word == word.lower() else word


def capitalize_all(text: object) -> MixedString | String:
    """Capitalize the first letter of every lower-case word (words end at spaces)."""
    return _map_words(text, lambda word, _index, _b: _capitalize_lower(word), _SPACED_WORD)


def capitalize_first(text: object) -> MixedString | String:
    """Capitalize the first letter of the first word if it is in lower case."""
    return _map_words(
        text, lambda word, index, _b: _capitalize_lower(word) if index == 0 else word, _SPACED_WORD
    )


def sentence(text: object) -> MixedString | String:
    """Sentence case: first word capitalized; an all-capitals text lower-cased after it."""
    whole = "".join(str(segment) for segment in _segments(text))
    shouting = whole.isupper()

    def change(word: str, index: int, _before: str) -> str:
        if index == 0:
            return _capitalize(word.lower() if shouting else word)
        return word.lower() if shouting else word

    return _map_words(text, change)


def lowercase(text: object) -> MixedString | String:
    """All letters lower-case."""
    return _map_words(text, lambda word, _index, _before: word.lower())


def uppercase(text: object) -> MixedString | String:
    """All letters upper-case."""
    return _map_words(text, lambda word, _index, _before: word.upper())


CASES: Final[dict[str, Callable[[object], MixedString | String]]] = {
    "title": title,
    "capitalize-all": capitalize_all,
    "capitalize-first": capitalize_first,
    "sentence": sentence,
    "lowercase": lowercase,
    "uppercase": uppercase,
}
"""``text-case`` value -> transformation."""
