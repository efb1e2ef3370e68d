"""CSL's text-case over rich text: case-protected parts (``nocase``) are left alone.

Each form walks the strings of a rendered node in order with one running state, so
"first word" and "after a colon" hold across formatting boundaries. Title case
follows CSL: English only, stop words lower-case except first and last and after a
colon, words with any capital beyond the first letter left as they are. As in citeproc-js,
a one-letter word is capitalised only first or after a colon (a last ``a`` stays lower).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

import attrs

from citeform.engine.csl.rich import Part

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
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "except",
        "inside",
        "like",
        "near",
        "off",
        "out",
        "outside",
        "past",
        "per",
        "since",
        "than",
        "through",
        "throughout",
        "under",
        "underneath",
        "until",
        "unto",
        "upon",
        "versus",
        "vs",
        "v",
        "vs.",
        "within",
        "without",
        "afore",
        "al",
        "alongside",
        "amidst",
        "amongst",
        "anenst",
        "apropos",
        "apud",
        "aside",
        "astride",
        "athwart",
        "atop",
        "barring",
        "besides",
        "c",
        "ca",
        "circa",
        "d'",
        "de",
        "et",
        "forenenst",
        "given",
        "lest",
        "modulo",
        "next",
        "notwithstanding",
        "plus",
        "pro",
        "qua",
        "sans",
        "thru",
        "thruout",
        "toward",
        "towards",
        "v.",
        "van",
        "vis-à-vis",
        "von",
    ]
)
"""Words title case leaves lower-case (citeproc-js's list of single words)."""
_DOTTED_I: Final = frozenset({"tr", "az"})
"""Languages with a dotted capital and a dotless small i (Turkish, Azerbaijani)."""
WordChange = Callable[[str, bool, bool, bool, bool], str]
"""Changes one word, told whether it is the first, follows a colon, is the last, and whether
its language has a dotted capital i."""
_WORD: Final = re.compile(r"[^\s\u2013\u2014/]+")
_GREEK_FIRST: Final = 0x370
_GREEK_LAST: Final = 0x3FF
_MARKS: Final = "\"'\u201c\u201d\u2018\u2019()[]{}.,;:?!"


def _map_words(text: str, change: WordChange, state: dict[str, int], dotted: bool) -> str:
    out: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        out.append(text[position : match.start()])
        word = match.group()
        separator = text[position : match.start()]
        if ":" in separator or "?" in separator or "!" in separator:
            state["after_colon"] = 1
        last = state["index"] == state["total"] - 1
        out.append(change(word, state["index"] == 0, bool(state["after_colon"]), last, dotted))
        state["index"] += 1
        state["after_colon"] = int(word.endswith((":", "?", "!")))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _upper_first(word: str, dotted: bool = False) -> str:
    """*word* with its first character upper-cased, if that (after opening marks) is a letter.

    Where *dotted*, a small i becomes a dotted capital.
    """
    if word.startswith(("\u2019", "'")):  # an elision such as 't stays as it is
        return word
    for index, char in enumerate(word):
        if char.isalpha():
            if _GREEK_FIRST <= ord(char) <= _GREEK_LAST and not word[index + 1 :].strip(_MARKS):
                return word  # a lone Greek letter is a symbol (alpha helix), not a word
            upper = _dotted_upper(char) if dotted else char.upper()
            return word[:index] + upper + word[index + 1 :]
        if char.isalnum():
            return word
    return word


def _is_lower(word: str) -> bool:
    return word == word.lower()


def _title_word(word: str, first: bool, after_colon: bool, last: bool, _dotted: bool) -> str:
    if "-" in word.strip("-"):  # each part of a hyphenated word, one-letter parts aside
        head, *rest = word.split("-")
        parts = [_title_single(head, first=True, after_colon=after_colon, last=last)]
        parts += [
            _upper_first(part)
            if len(part) > 1 and _is_lower(part) and part not in STOP_WORDS
            else part
            for part in rest
        ]
        return "-".join(parts)
    return _title_single(word, first, after_colon, last)


def _title_single(word: str, first: bool, after_colon: bool, last: bool) -> str:
    core = word.strip("\"'\u201c\u201d\u2018\u2019([{").lower()
    if not _is_lower(word[1:]) and any(char.isupper() for char in word[1:]):
        return word
    if len(word) == 1 and not first and not after_colon:
        return word
    if core in STOP_WORDS and not first and not after_colon and not last:
        return word.lower() if _is_lower(word) else word
    if len(word.strip(_MARKS)) == 1 and not first and not after_colon:
        return word  # a one-letter word (``и``, a variable) is left as it is
    return _upper_first(word) if _is_lower(word) else word


def _sentence_word(word: str, first: bool, _after_colon: bool, _last: bool, dotted: bool) -> str:
    lower = _dotted_lower if dotted else str.lower
    if first:
        whole = word.isupper() and len(word) > 1
        return _upper_first(lower(word) if whole else word, dotted)
    return lower(word)


def _capitalize_first(word: str, first: bool, _after_colon: bool, _last: bool, dotted: bool) -> str:
    return _upper_first(word, dotted) if first and _is_lower(word) else word


def _capitalize_all(word: str, _first: bool, _after_colon: bool, _last: bool, dotted: bool) -> str:
    return _upper_first(word, dotted) if _is_lower(word) else word


_WORD_CASES: Final[dict[str, WordChange]] = {
    "title": _title_word,
    "sentence": _sentence_word,
    "capitalize-first": _capitalize_first,
    "capitalize-all": _capitalize_all,
}


def apply_text_case(node: Part, case: str, *, english: bool = True, language: str = "") -> Part:
    """*node* with CSL's *case* applied (title case only where *english*).

    Upper and lower case follow *language*'s rules for dotted and dotless ``i``. A plain
    string is cased once per case and language and the result shared after.
    """
    if node.__class__ is str:
        return _cased_text(node, case, english, language)
    return _cased(node, case, english=english, language=language)


@functools.lru_cache(maxsize=4096)
def _cased_text(text: str, case: str, english: bool, language: str) -> Part:
    return _cased(text, case, english=english, language=language)


def _cased(node: Part, case: str, *, english: bool, language: str) -> Part:
    if case == "title" and not english:
        return node
    dotted = language.lower().split("-")[0] in _DOTTED_I
    if case == "lowercase":
        return _map_strings(node, _dotted_lower if dotted else str.lower)
    if case == "uppercase":
        return _map_strings(node, _dotted_upper if dotted else str.upper)
    change = _WORD_CASES.get(case)
    if change is None:
        return node
    total = sum(len(_WORD.findall(text)) for text in _all_strings(node))
    state = {"index": 0, "after_colon": 0, "total": total}
    return _map_strings(node, lambda text: _map_words(text, change, state, dotted), state)


def _map_strings(
    node: Part, change: Callable[[str], str], state: dict[str, int] | None = None
) -> Part:
    if isinstance(node, str):
        return change(node)
    if node.nocase or node.cased:
        if state is not None:
            words = sum(len(_WORD.findall(text)) for text in _all_strings(node))
            state["index"] += words
            if words:
                state["after_colon"] = 0
        return node
    return attrs.evolve(node, parts=tuple(_map_strings(part, change, state) for part in node.parts))


def _all_strings(node: Part) -> list[str]:
    if isinstance(node, str):
        return [node]
    return [text for part in node.parts for text in _all_strings(part)]


def _dotted_upper(text: str) -> str:
    return text.replace("i", "\u0130").upper()


def _dotted_lower(text: str) -> str:
    return text.replace("I", "\u0131").replace("\u0130", "i").lower()
