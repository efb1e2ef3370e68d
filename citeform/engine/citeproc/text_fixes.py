"""Text-case, labels and page ranges (CSL 1.0.2 "Text-case", "Label", "Appendix V").

Replaced methods:

- ``case`` of ``cs:text``, ``cs:label``, ``cs:number``, ``cs:date-part``, ``cs:name-part``:
  one implementation (:mod:`.casing`) that takes ``str``/``int`` and empty values (the
  text-case crash of 181 styles) and splits words at hyphens. Title case applies to
  English only: the item's ``language`` when it has one, else the output locale (terms:
  the output locale), as citeproc-js decides.
- ``Text.process`` (replaced): rich text and quotes in a ``value`` read as in fields; the
  language for case comes from the item or the output locale, not the style's
  ``default-locale``; a macro gets the sort key's name options.
- ``Text._variable``: plain ranges of number variables with an en dash (U+2013).
- ``If._is_numeric``: CSL's numeric test (ranges and lists of numbers are numeric).
- ``Date.render_single_date``: a locale's date joins its parts with its own delimiter;
  ``Date.render_date_range``: shared parts once, in the date's part order.
- ``Number.format_number``: ordinals from the first locale with ordinal terms ("2. Aufl.",
  not "2nd Aufl."; citeproc-py searched term by term over the whole chain).
- ``Label._is_plural``: ``number-of-*`` values are read from the item's data (citeproc-py
  reads the cite and never finds them, so "3 vols." lost its label); a page value whose
  hyphen joins no numbers ("c 3-c 3") and numbers joined by slashes ("12/2022") are
  singular.
- ``_format_last_page`` (``cs:text``, ``cs:number``): page ranges per
  ``page-range-format`` (citeproc-py compares digits from the left whatever their
  length, turning 1-10 into 1-0); ``_process``: a page value whose hyphens join no
  numbers is printed unchanged.
"""

from __future__ import annotations

import re
from typing import Any, Final

from citeproc.source import VariableError
from citeproc.string import MixedString, NoCase, String

from citeform import vocab
from citeform.engine.citeproc import state
from citeform.engine.citeproc.casing import CASES
from citeform.engine.citeproc.data import parse_string
from citeform.engine.citeproc.loader import CSL_NAMESPACE
from citeform.engine.citeproc.sort_fixes import number_key


def output_language(element: Any) -> str:
    """The language of the output locale (``en`` for en-US)."""
    root = element.get_root()
    locale = root.__dict__.get("citeform_locale") or root.get("default-locale") or "en-US"
    return str(locale)[:2].lower()


def is_english(language: str | None) -> bool:
    """Whether title case applies to text in *language*."""
    return language is None or language.lower().startswith("en")


def _settled(text: Any) -> Any:
    """Cased text, kept from further case changes: the nearest ``text-case`` wins.

    As in citeproc-js, a ``text-case`` on a macro call or group does not change text that an
    element inside has cased itself.
    """
    if isinstance(text, MixedString):
        return MixedString([NoCase(str(segment)) for segment in text])
    return NoCase(str(text))


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
        return _settled(change(text)) if change else text


class TextLanguage(Casing):
    """``cs:text``: the language for title case from the item, else the output locale."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """Render the variable, macro, term or value; choose the language as citeproc-js does.

        A macro called from a sort key gets the key's name options (citeproc-py drops them).
        """
        if context is None:
            context = self
        attributes = self.attrib  # type: ignore[attr-defined]
        text: Any = None
        if "variable" in attributes:
            text = self._variable(item, context)  # type: ignore[attr-defined]
        elif "macro" in attributes:
            macro = self.get_macro(attributes["macro"])  # type: ignore[attr-defined]
            text = macro.render(item, context, sort_options=kwargs.get("sort_options"))
        elif "term" in attributes:
            text = self._term(item)  # type: ignore[attr-defined]
        elif "value" in attributes:
            text = parse_string(attributes["value"])  # rich text and quotes, as in fields
        language = None
        if "variable" in attributes or "macro" in attributes:
            language = dict.get(item.reference, "language")
        return text, str(language) if language else output_language(self)


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
            return bool(digits and number_key(digits.group(1)) > (1, "1")) or bool(
                self.RE_MULTIPLE_NUMBERS.search(value)  # type: ignore[attr-defined]
            )
        data = dict.get(item.reference, variable.replace("-", "_"))
        if data is not None and SLASHED_NUMBER.fullmatch(str(data)):
            return False
        page = dict.get(item.reference, "page")
        if variable == "page" and page is not None and not is_page_range_text(str(page)):
            return False
        return super()._is_plural(item)  # type: ignore[misc, no-any-return]


_RANGE_END: Final = re.compile(r"(?:[0-9]*[A-Za-z]+)?[0-9]+[a-z]*|[ivxlcdmIVXLCDM]+")
"""One end of a page range as citeproc-js reads it: a number, maybe with letters, or roman."""


def is_page_range_text(value: str) -> bool:
    """Whether every hyphen of a page value joins two range ends ("c 3-c 3" is no range)."""
    for part in re.split(r"[,&]", value):
        ends = part.replace("\u2013", "-").split("-")
        if len(ends) > 1 and not all(_RANGE_END.fullmatch(end.strip()) for end in ends):
            return False
    return True


class PageRanges:
    """Page ranges per ``page-range-format`` (CSL 1.0.2 Appendix V).

    A page value whose hyphens do not join numbers is printed as it is, as citeproc-js does.
    """

    def _process(self, value: Any, variable: str) -> Any:
        if variable.startswith("page") and not is_page_range_text(str(value)):
            return String(str(value))
        return super()._process(value, variable)  # type: ignore[misc]

    def _format_last_page(self, first: str, last: str) -> str:
        range_format = self.get_root().get_option("page-range-format")  # type: ignore[attr-defined]
        if not (first.isdecimal() and last.isdecimal()) or len(last) > len(first):
            return last
        last = first[: len(first) - len(last)] + last  # "100-4" is 100-104 in full
        if number_key(last) <= number_key(first):  # no int(): page numbers may be huge
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
    if number_key(first) < (3, "100") or first.endswith("00"):
        return "expanded"
    if variant != "chicago-16" and len(first) == 4 and first[:2] != last[:2]:
        return "expanded"
    if first[-2] == "0":
        return "minimal"
    return "minimal-two"


_SIMPLE_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")
RANGE_VARIABLES: Final = vocab.NUMBER_VARIABLES - {"page", "page-first", "locator"}
"""Number variables whose plain ranges ``cs:text`` prints with an en dash (pages apart)."""


class NumberRanges:
    """``cs:text`` of a number variable: "99-02" with an en dash, as citeproc-js prints ranges."""

    def _variable(self, item: Any, context: Any) -> Any:
        text = super()._variable(item, context)  # type: ignore[misc]
        if self.get("variable") in RANGE_VARIABLES and text is not None:  # type: ignore[attr-defined]
            match = _SIMPLE_RANGE.fullmatch(str(text).strip())
            if match:
                return String(f"{match.group(1)}\u2013{match.group(2)}")
        return text


SLASHED_NUMBER: Final = re.compile(r"\s*[0-9]+(?:/[0-9]+)+\s*")
"""Numbers joined by slashes ("12/2022"): one number to citeproc-js, numeric and singular."""
_NUMERIC = re.compile(
    r"\s*[a-z]*\d+[a-z]*(?:\s*(?:[-\u2013&,]|and)\s*[a-z]*\d+[a-z]*)*\s*", re.IGNORECASE
)


class NumericTest:
    """``is-numeric``: numbers, optionally with letters, joined by ``-``, ``,`` or ``&``.

    Numbers joined by slashes ("12/2022") are numeric too, as in citeproc-js.
    """

    def _is_numeric(self, item: Any) -> list[bool]:
        results = []
        for variable in self.get("is-numeric").split():  # type: ignore[attr-defined]
            try:
                value = str(item.reference[variable.replace("-", "_")])
            except VariableError:
                results.append(False)
                continue
            results.append(
                _NUMERIC.fullmatch(value) is not None or SLASHED_NUMBER.fullmatch(value) is not None
            )
        return results


class LocaleDateDelimiter:
    """``cs:date`` in a locale: its parts are joined with its own ``delimiter``.

    citeproc-py joins a localized date's parts with the delimiter of the calling style
    element (none), so an in-style locale's ``delimiter=" "`` was lost ("1991Mar").
    """

    def render_single_date(self, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        """Render one date; a locale date with a delimiter joins its parts with it."""
        if not self.is_locale_date() or self.get("delimiter") is None:  # type: ignore[attr-defined]
            return super().render_single_date(date, show_parts, context)  # type: ignore[misc]
        parts = self.parts(date, show_parts, context)  # type: ignore[attr-defined]
        return self.join(parts) if parts else None  # type: ignore[attr-defined]


DATE_PARTS: Final = ("year", "month", "day")


def differing_parts(begin: Any, end: Any, shown: list[str]) -> list[str]:
    """The parts of a range's ends printed twice: from the largest that differs down."""
    for index, name in enumerate(DATE_PARTS):
        if name in shown and dict.get(begin, name) != dict.get(end, name):
            return [
                part
                for part in DATE_PARTS[index:]
                if part in shown and dict.get(begin, part) is not None
            ]
    return []


class DateRanges(LocaleDateDelimiter):
    """``cs:date`` of a range in the date's own part order, as citeproc-js prints it.

    The parts both ends share are printed once, where the date puts them; the differing
    parts are printed for each end around the range delimiter ("December 3-6, 2018" and
    "3-6 December 2018", with an en dash). citeproc-py put the shared parts last
    ("3,-6, December 2018").
    """

    def render_date_range(
        self, date_range: Any, show_parts: Any = None, context: Any = None
    ) -> Any:
        """Render a range; the delimiter replaces the suffix of the begin's last part."""
        begin, end = date_range.begin, date_range.end
        shown = list(show_parts or DATE_PARTS)
        elements = {part.get("name"): part for part in self.iterchildren()}  # type: ignore[attr-defined]
        order = [name for name in elements if name in shown]
        differing = differing_parts(begin, end, order) if not end.is_nil() else []
        if not differing:
            return super().render_date_range(date_range, show_parts, context)  # type: ignore[misc]
        first = min(order.index(name) for name in differing)
        last = max(order.index(name) for name in differing)
        middle = order[first : last + 1]
        begin_parts = self._parts_of(begin, middle, context)
        end_parts = self._parts_of(end, middle, context)
        if not begin_parts or not end_parts:
            return super().render_date_range(date_range, show_parts, context)  # type: ignore[misc]
        suffix = elements[order[last]].get("suffix", "")
        closing = str(begin_parts[-1])
        if suffix and closing.endswith(suffix):
            begin_parts[-1] = String(closing[: -len(suffix)])
        delimiter = elements[order[last]].get("range-delimiter", "\u2013")
        join = self._joiner(context)
        pieces = [
            *self._parts_of(begin, order[:first], context),
            join(begin_parts) + delimiter + join(end_parts),
            *self._parts_of(end, order[last + 1 :], context),
        ]
        return join(pieces)

    def _parts_of(self, date: Any, names: list[str], context: Any) -> list[Any]:
        if not names:
            return []
        if context is not self:
            return list(self.parts(date, names, context))  # type: ignore[attr-defined]
        return list(self.parts(date, names))

    def _joiner(self, context: Any) -> Any:
        """How the date's parts are joined (a locale date's own delimiter, as above)."""
        if self.is_locale_date() and self.get("delimiter") is None:  # type: ignore[attr-defined]
            return context.join
        return self.join  # type: ignore[attr-defined]


TWO_DIGIT_ORDINALS: Final = 10


def _ordinal_terms(root: Any) -> list[dict[str, tuple[str, str | None]]]:
    """Per locale of the chain: ordinal term name -> (text, ``match``); kept on the root."""
    found: list[dict[str, tuple[str, str | None]]] | None = root.__dict__.get("_citeform_ordinals")
    if found is None:
        found = []
        for locale in root.locales:
            terms = {
                term.get("name"): (term.text or "", term.get("match"))
                for term in locale.iter(f"{{{CSL_NAMESPACE}}}term")
                if term.get("name", "").startswith("ordinal") and term.get("form") is None
            }
            found.append(terms)
        root.__dict__["_citeform_ordinals"] = found
    return found


def _one_digit_matches(match: str, number: int) -> bool:
    if match == "last-two-digits":
        return number % 100 < TWO_DIGIT_ORDINALS
    if match == "whole-number":
        return number < TWO_DIGIT_ORDINALS
    return True


def ordinal_suffix(root: Any, number: int) -> str:
    """The ordinal suffix of *number* from the first locale that defines ordinals.

    CSL 1.0.2 "Ordinal Suffixes": a locale's ordinal terms form one set, so the first locale
    in the chain with any of them decides (German "." is not topped up with English "nd");
    ``ordinal-10``..``ordinal-99`` match the last two digits (or the whole number),
    ``ordinal-00``..``ordinal-09`` the last digit, else the ``ordinal`` term.
    """
    last_two, last = number % 100, number % 10
    for terms in _ordinal_terms(root):
        if not terms:
            continue
        two = terms.get(f"ordinal-{last_two:02}")
        if (
            last_two >= TWO_DIGIT_ORDINALS
            and two
            and (two[1] != "whole-number" or number == last_two)
        ):
            return two[0]
        one = terms.get(f"ordinal-{last:02}")
        if one and _one_digit_matches(one[1] or "last-digit", number):
            return one[0]
        return terms.get("ordinal", ("", None))[0]
    return ""


ROMAN_LIMIT: Final = 6000
"""Numbers from here on are printed as given, not as roman numerals (which grow with the
number: ``10000000000`` would take ten million "m"). citeproc-js writes roman numerals up to
5999 ("mmmmmcmxcix") and nothing beyond; citeform keeps the number."""


class NumberFixes(Casing, PageRanges):
    """``cs:number``: locale-first ordinals, roman numerals below :data:`ROMAN_LIMIT`."""

    def format_number(self, number: Any) -> Any:
        """As citeproc-py, but ``ordinal`` (and ``long-ordinal`` past ten) locale-first."""
        form = self.get("form", "numeric")  # type: ignore[attr-defined]
        try:
            value = int(number)
        except ValueError:  # not a number, or too long for int()
            return number
        if form == "roman" and not 0 <= value < ROMAN_LIMIT:
            return str(number).strip()
        if form == "ordinal" or (form == "long-ordinal" and value > TWO_DIGIT_ORDINALS):
            return f"{value}{ordinal_suffix(self.get_root(), value)}"  # type: ignore[attr-defined]
        return super().format_number(number)  # type: ignore[misc]


class EmptyWithoutAffixes:
    """``cs:text``: output made only of empty pieces is no output (no affixes around it).

    citeproc-py tests a list of empty segments as true and wrapped ", " around it.
    """

    def markup(self, text: Any, language: str | None = None) -> Any:
        """Format and wrap *text*; nothing when it is empty."""
        if not state.has_output(text):
            return None
        return super().markup(text, language)  # type: ignore[misc]


class TextFixes(EmptyWithoutAffixes, TextLanguage, NumberRanges, PageRanges):
    """``cs:text``."""


OVERRIDES: Final = {
    "date": DateRanges,
    "if": NumericTest,
    "else-if": NumericTest,
    "text": TextFixes,
    "number": NumberFixes,
    "label": LabelPlural,
    "date-part": Casing,
    "name-part": Casing,
}
