"""Titles: the final full stop, spaced hyphens, and a container title's repeated byline."""

from __future__ import annotations

import re

from citeform.parsing.text import nfc, squash

ABBREVIATIONS = frozenset(
    {"e.v.", "u.a.", "usw.", "etc.", "bzw.", "ca.", "vgl.", "z.b.", "inc.", "ltd.", "co.",
     "st.", "jr.", "sr.", "hrsg.", "bd.", "nr.", "aufl.", "ed.", "eds.", "vol.", "no.", "u.s."}
)  # fmt: skip
"""Words ending in a full stop that is part of the word, not the end of the title."""

_TAIL_SEPARATORS = (". ", " / ")


def clean_title(text: str, *, en_dash: bool = True) -> str:
    """Remove one final full stop (not an abbreviation's) and turn " - " into an en dash."""
    value = squash(text)
    last_word = nfc(value).rsplit(" ", 1)[-1].lower()
    if (
        value.endswith(".")
        and not value.endswith("..")
        and last_word not in ABBREVIATIONS
        and not re.fullmatch(r"(?:\w\.)+", last_word)
    ):
        value = value[:-1].rstrip()
    return value.replace(" - ", " \u2013 ") if en_dash else value


def split_container_tail(container: str, bodies: set[str]) -> tuple[str, str | None]:
    """Split "Eildienst. Städtetag Nordrhein-Westfalen" into title and tail when the tail is a body.

    The tail after the last ". " or " / " is split off only when it equals (in NFC, ignoring
    case and spacing) one of *bodies*, the publisher or byline of the record.
    """
    value = squash(container)
    wanted = {nfc(squash(body)).casefold() for body in bodies}
    for separator in _TAIL_SEPARATORS:
        head, found, tail = value.rpartition(separator)
        if found and head.strip() and nfc(tail.strip()).casefold() in wanted:
            return head.strip(), tail.strip()
    return value, None
