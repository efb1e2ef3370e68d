"""Given names as initials (``initialize-with``), as citeproc-js makes them.

A given name is split into words at spaces, hyphens and inline markup (``<b>``,
``<i>``…, which stay where they were). Each capitalised word becomes its initial
(``John`` -> ``J.``; a run of capitals before lower case stays, ``TSerendorjiin`` ->
``Ts.``; an abbreviation keeps its letters, ``Ph.`` -> ``Ph.``); lower-case words stay
words. With ``initialize="false"`` only initials already there are normalised.
Names in scripts without initials (Chinese, Japanese…) are left as they are; Arabic,
Hebrew, Greek, Cyrillic and Thai names are initialised.
"""

from __future__ import annotations

import re
from typing import Final

ROMANESQUE: Final = re.compile(
    "[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
    "\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)
"""A character of a script that writes given name before family name, space-separated."""
STARTS_ROMANESQUE: Final = re.compile(
    "^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
    "\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]"
)
_INITIAL: Final = re.compile(
    "^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff"
    "\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee"
    "\u03f4\u03f7\u03fd-\u03ff])"
    "([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff\u1f00-\u1fff]*)"
    r"(\.)*"
)
"""A word's capital initial, the letters after it, and a period ending it."""
_SEPARATOR: Final = re.compile(
    r'((?:[-\s]*</*(?:span\s+class="no(?:case|decor)"|i|sc|b|sub|sup)>[-\s]*|[-\s]+))'
)
"""What separates the words of a given name: spaces, hyphens and inline markup tags."""
_TAGS: Final = re.compile(r"(?:-*<[^>]+>-*)")
_LEADING_TAGS: Final = re.compile(r"^(?:<[^>]+>)*")
_TRAILING_SPACE: Final = re.compile("[\t\n\x0b\x0c\r \ufeff\u00a0]+$")
_AROUND_HYPHEN: Final = re.compile(r"\s*-\s*")
_SPACES: Final = re.compile("[\t\n\x0b\x0c\r ]+")
_UNINITIALISED: Final = frozenset({"Lord", "Lady"})


def initialize(given: str, terminator: str, *, initialize: bool = True, hyphen: bool = True) -> str:
    """*given* as initials, each followed by *terminator* (``"John Ronald"`` -> ``"J. R."``).

    With *initialize* false, single letters and abbreviations are normalised only
    (``"John R"`` -> ``"John R."``); with *hyphen* false hyphenated names lose the
    hyphen (``J.P.``, not ``J.-P.``).
    """
    if not given:
        return ""
    if given in _UNINITIALISED or (
        not STARTS_ROMANESQUE.match(_LEADING_TAGS.sub("", given)) and "%s" not in terminator
    ):
        return given
    if not hyphen:
        given = given.replace("-", " ")
    given = _SPACES.sub(" ", _AROUND_HYPHEN.sub("-", given))
    given = re.sub("-([a-z])", "\u2013\\1", given)  # "G-ping": the lower-case part joins
    given = re.sub(r"\.(?=[^ ])", ". ", given)
    words = _SEPARATOR.split(given)
    if len(words) == 1:
        last = re.search(r"[^.]+$", words[0])
        if last and len(last.group()) == 1 and last.group() != last.group().lower():
            words[0] += "."
    done = _initialized(words, terminator) if initialize else _normalized(words, terminator)
    return done.replace("\u2013", "-").lstrip()


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", _AROUND_HYPHEN.sub("-", _TRAILING_SPACE.sub("", text)))


def _merge_tags(separator: str, terminator: str) -> str:
    """*terminator* with the markup tags of *separator* before its trailing spaces."""
    tags = "".join(_TAGS.findall(separator))
    if not tags:
        return terminator
    body = terminator.rstrip()
    return body + tags + terminator[len(body) :]


def _first_tags(separator: str) -> str:
    match = re.search(r"(?:<[^>]+>)+", separator)
    return match.group() if match else separator


def _initialized(words: list[str], terminator: str) -> str:
    """Words at even positions made initials; separators (odd positions) get *terminator*."""
    count = len(words)
    for index in range(0, count, 2):
        initial = _initial(words[index], terminator)
        if initial is None:
            match = _INITIAL.match(words[index])
            if ROMANESQUE.search(words[index]) and not (match and match.group(3)):
                words[index] = " " + words[index]  # a lower-case word stays a word
            continue
        if "%s" in terminator:
            words[index] = terminator.replace("%s", initial, 1)
            continue
        words[index] = initial
        if index == count - 1:
            words.append(terminator)
        elif "-" in words[index + 1]:
            words[index + 1] = _merge_tags(words[index + 1].replace("-", "", 1), terminator) + "-"
        else:
            words[index + 1] = _merge_tags(words[index + 1], terminator)
    return _tidy("".join(words))


def _initial(word: str, terminator: str) -> str | None:
    """The initial *word* shortens to (``None`` for a word that stays as it is)."""
    if not word:
        return None
    match = _INITIAL.match(word)
    if match is not None:
        initial, rest, period = match.group(1), match.group(2), match.group(3)
    elif not STARTS_ROMANESQUE.match(word) and len(word) > 1 and "%s" in terminator:
        initial, rest, period = word[0], word[1:], None
    else:
        return None
    if rest and period:  # an abbreviation keeps its letters: "Ph."
        return initial + rest
    if initial != initial.upper():
        return None
    run = _upper_run(rest)
    return initial + (run.lower() if len(run) < len(rest) else "")


def _upper_run(text: str) -> str:
    """The characters that start *text* and are their own upper case."""
    run = ""
    for char in text:
        if char.upper() != char:
            break
        run += char
    return run


def _normalized(words: list[str], terminator: str) -> str:
    """Only single capitals and abbreviations get *terminator*; other words stay."""
    abbreviation = []
    for index, word in enumerate(words):
        bare = _LEADING_TAGS.sub("", word)
        if len(bare) > 1 and bare.endswith("."):
            words[index] = re.sub(r"^(.*)\.(.*)$", r"\1\2", word)
            abbreviation.append(True)
        else:
            abbreviation.append(len(word) == 1 and word.upper() == word)
    count = len(words)
    for index in range(0, count, 2):
        if not abbreviation[index]:
            continue
        if index < count - 2:
            words[index + 1] = _first_tags(words[index + 1])
            if not abbreviation[index + 2]:
                words[index + 1] += " "
            if len(words[index + 2]) > 1:
                words[index + 1] = terminator.removesuffix("\ufeff") + words[index + 1]
            else:
                words[index + 1] = _merge_tags(words[index + 1], terminator)
        if index == count - 1:
            words[index] += terminator
    return _tidy("".join(words))
