"""Text-case, labels and page ranges (CSL 1.0.2 "Text-case", "Label", "Appendix V").

Replaced methods:

- ``case`` of ``cs:text``, ``cs:label``, ``cs:number``, ``cs:date-part``, ``cs:name-part``:
  one implementation (:mod:`.casing`) that takes ``str``/``int`` and empty values (the
  text-case crash of 181 styles) and splits words at hyphens. Title case applies to
  English only: the item's ``language`` when it has one, else the output locale (terms:
  the output locale), as citeproc-js decides.
- ``Text.process``: the language for case comes from the item or the output locale, not
  the style's ``default-locale``.
- ``Label._is_plural``: ``number-of-*`` values are read from the item's data (citeproc-py
  reads the cite and never finds them, so "3 vols." lost its label).
- ``_format_last_page`` (``cs:text``, ``cs:number``): page ranges per
  ``page-range-format`` (citeproc-py compares digits from the left whatever their
  length, turning 1-10 into 1-0).
"""

from __future__ import annotations

import re
from typing import Any, Final

from citeproc.source import VariableError

from citeform.engine.citeproc.casing import CASES


def output_language(element: Any) -> str:
    """The language of the output locale (``en`` for en-US)."""
    root = element.get_root()
    locale = root.__dict__.get("citeform_locale") or root.get("default-locale") or "en-US"
    return str(locale)[:2].lower()


def is_english(language: str | None) -> bool:
    """Whether title case applies to text in *language*."""
    return language is None or language.lower().startswith("en")


class Casing:
    """``case`` for every element with ``text-case``."""

    def case(self, text: Any, language: str | None = None) -> Any:
        """Apply ``text-case``; title case only to English (see module docstring)."""
        text_case = self.get("text-case")  # type: ignore[attr-defined]
        if text_case is None or text is None or not str(text):
            return text
        if language is None:
            language = output_language(self)
        if text_case == "title" and not is_english(language):
            return text
        change = CASES.get(text_case)
        return change(text) if change else text


class TextLanguage(Casing):
    """``cs:text``: the language for title case from the item, else the output locale."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """Render as citeproc-py does; choose the language as citeproc-js does.

        A macro called from a sort key gets the key's name options (citeproc-py drops them).
        """
        sort_options = kwargs.get("sort_options")
        if sort_options and "macro" in self.attrib:  # type: ignore[attr-defined]
            macro = self.get_macro(self.get("macro"))  # type: ignore[attr-defined]
            text = macro.render(
                item, self if context is None else context, sort_options=sort_options
            )
        else:
            text, _language = super().process(item, context, **kwargs)  # type: ignore[misc]
        language = None
        if "variable" in self.attrib or "macro" in self.attrib:  # type: ignore[attr-defined]
            try:
                language = str(item.reference.language)
            except VariableError:
                language = None
        return text, language or output_language(self)


class LabelPlural(Casing):
    """``cs:label``: plural of ``number-of-*`` from the item's data."""

    def _is_plural(self, item: Any) -> bool:
        variable = self.get("variable", "")  # type: ignore[attr-defined]
        if variable.startswith("number-of"):
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                return False
            digits = re.match(r"\s*(\d+)", value)
            return bool(digits and int(digits.group(1)) > 1) or bool(
                self.RE_MULTIPLE_NUMBERS.search(value)  # type: ignore[attr-defined]
            )
        return super()._is_plural(item)  # type: ignore[misc, no-any-return]


class PageRanges:
    """Page ranges per ``page-range-format`` (CSL 1.0.2 Appendix V)."""

    def _format_last_page(self, first: str, last: str) -> str:
        range_format = self.get_root().get_option("page-range-format")  # type: ignore[attr-defined]
        if not (first.isdigit() and last.isdigit()) or len(first) != len(last):
            return last
        if range_format in ("chicago", "chicago-15", "chicago-16"):
            range_format = _chicago_format(first, last, range_format)
        if range_format == "minimal":
            return _minimal(first, last, 1)
        if range_format == "minimal-two":
            return _minimal(first, last, 2)
        return last


def _minimal(first: str, last: str, keep: int) -> str:
    """The last page without the leading digits it shares with the first (at least *keep*)."""
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    return last[min(common, max(len(last) - keep, 0)) :]


def _chicago_format(first: str, last: str, variant: str) -> str:
    number = int(first)
    if number < 100 or number % 100 == 0:
        return "expanded"
    if variant != "chicago-16" and len(first) == 4 and first[:2] != last[:2]:
        return "expanded"
    if number % 100 < 10:
        return "minimal"
    return "minimal-two"


class NumberFixes(Casing, PageRanges):
    """``cs:number``."""


class TextFixes(TextLanguage, PageRanges):
    """``cs:text``."""


OVERRIDES: Final = {
    "text": TextFixes,
    "number": NumberFixes,
    "label": LabelPlural,
    "date-part": Casing,
    "name-part": Casing,
}
