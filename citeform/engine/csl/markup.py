"""CSL-JSON's rich-text markup in field values, read into :class:`~citeform.engine.csl.rich.Rich`.

Values may hold ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">`` and ``<span class="nocase">``; anything
else is text. Unbalanced tags are text too.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from citeform.engine.csl.rich import DEFAULT_QUOTES, Formatting, Part, Quotes, Rich

_TAG: Final = re.compile(
    r'<(/?)(i|b|sup|sub|sc|span)((?:\s+(?:style|class)="[^"]*")?)\s*>', re.IGNORECASE
)
_OPENING: Final[dict[str, Formatting]] = {
    "i": (("font-style", "italic"),),
    "b": (("font-weight", "bold"),),
    "sup": (("vertical-align", "sup"),),
    "sub": (("vertical-align", "sub"),),
    "sc": (("font-variant", "small-caps"),),
}


_CASE_KEPT: Final = frozenset({"sc", "sup", "sub"})
"""Markup whose text keeps its case under text-case, as citeproc-js keeps it."""


def _span_formatting(attributes: str) -> tuple[Formatting, bool] | None:
    if "nocase" in attributes:
        return (), True
    if "small-caps" in attributes:
        return (("font-variant", "small-caps"),), True
    return None


@functools.cache
def _quote_pattern(open_quote: str, close_quote: str) -> re.Pattern[str]:
    """Straight double quotes, straight single quotes and the locale's own outer marks."""
    locale_pair = ""
    if open_quote not in {'"', "'"} and close_quote not in {'"', "'"}:
        o, c = re.escape(open_quote), re.escape(close_quote)
        locale_pair = f"|{o}(?P<locale>[^{c}]+){c}"
    return re.compile(
        r'"(?P<double>[^"]+)"|(?<![\w\u2019])\'(?P<single>[^\']+?)\'(?![\w])' + locale_pair
    )


def apostrophes(text: str) -> str:
    """Straight apostrophes as typographic ones, as citeproc-js prints them."""
    return text.replace("'", "\u2019")


def _with_quotes(text: str, pattern: re.Pattern[str]) -> Part:
    """*text* with quoted passages as quoted nodes (the locale's marks, alternating by depth)."""
    parts: list[Part] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            parts.append(apostrophes(text[position : match.start()]))
        inner = next(group for group in match.groups() if group is not None)
        parts.append(Rich((_with_quotes(inner, pattern),), quoted=True))
        position = match.end()
    if position < len(text):
        parts.append(apostrophes(text[position:]))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else Rich(tuple(parts))


def parse_markup(text: str, quotes: Quotes = DEFAULT_QUOTES) -> Part:
    """*text* with its markup and quoted passages as nodes (plain *text* when it has none).

    Quoted passages are those in straight quotes or in the locale's own outer marks
    (``“…”`` in English, ``„…“`` in German), as citeproc-js reads them.
    """
    pattern = _quote_pattern(quotes.open, quotes.close)
    if "<" not in text:
        return _with_quotes(text, pattern)
    stack: list[tuple[str, Formatting, bool, list[Part]]] = [("", (), False, [])]
    position = 0
    for match in _TAG.finditer(text):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if match.start() > position:
            stack[-1][3].append(_with_quotes(text[position : match.start()], pattern))
        position = match.end()
        if not closing:
            if name == "span":
                found = _span_formatting(attributes)
                if found is None:
                    stack[-1][3].append(match.group())
                    continue
                formatting, nocase = found
            else:
                formatting, nocase = _OPENING[name], name in _CASE_KEPT
            stack.append((name, formatting, nocase, [match.group()]))
        elif len(stack) > 1 and stack[-1][0] == name:
            _tag, formatting, nocase, parts = stack.pop()
            stack[-1][3].append(Rich(tuple(parts[1:]), formatting, nocase=nocase))
        else:
            stack[-1][3].append(match.group())
    if position < len(text):
        stack[-1][3].append(_with_quotes(text[position:], pattern))
    while len(stack) > 1:  # unclosed tags are text
        _tag, _formatting, _nocase, parts = stack.pop()
        stack[-1][3].extend(parts)
    parts = stack[0][3]
    return parts[0] if len(parts) == 1 else Rich(tuple(parts))
