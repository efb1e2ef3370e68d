"""Locales: terms, date formats and options, merged along CSL's fallback chain.

For a style rendered in ``de-AT`` the sources are, highest priority first: the
style's ``<locale xml:lang="de-AT">``, its ``<locale xml:lang="de">``, its
``<locale>`` without language, the locale file ``de-AT``, the language's primary
dialect file (``de-DE``), then ``en-US``. Terms override one by one; a source that
defines any ordinal term replaces all ordinal terms below it; date formats replace
whole. The merged :class:`Locale` is immutable and cached per style and locale.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs
from citeproc import LOCALES_PATH, PRIMARY_DIALECTS

from citeform.engine.csl.rich import DEFAULT_QUOTES, Quotes
from citeform.engine.csl.xml import Element, parse_file

DEFAULT_LOCALE: Final = "en-US"
_APOSTROPHE: Final = re.compile(r"(?<=\w)'(?=\w)")

TermKey = tuple[str, str, str]
"""A term's name, form and gender form (``""`` when it has none)."""


@attrs.frozen
class Term:
    """One term: singular and plural text, the gender of the noun, an ordinal's match rule."""

    single: str
    multiple: str
    gender: str = ""
    match: str = ""


@attrs.frozen
class Locale:
    """Everything a style needs from its language, resolved once."""

    lang: str
    terms: Mapping[TermKey, Term]
    dates: Mapping[str, Element]
    ordinals: Mapping[tuple[str, int, str], str] = MappingProxyType({})
    """Which ``ordinal-NN`` term a number takes: (match rule, number, gender form or
    ``"neuter"``) to the term's name, from the locale that defines the ``ordinal`` term
    last (as citeproc-js reads CSL 1.0.1 ordinals); empty without one."""
    punctuation_in_quote: bool = False
    limit_day_ordinals_to_day_1: bool = False
    quotes: Quotes = DEFAULT_QUOTES
    """The quotation marks and the punctuation rule, from the terms and options."""

    def term(
        self, name: str, form: str = "long", *, plural: bool = False, gender: str = ""
    ) -> str | None:
        """The text of term *name* in *form* (falling back as CSL says), or ``None``."""
        found = self.lookup(name, form, gender)
        if found is None:
            return None
        return found.multiple if plural else found.single

    def lookup(self, name: str, form: str = "long", gender: str = "") -> Term | None:
        """The term itself, following the form fallbacks (verb-short, verb, short, long)."""
        for candidate in _FORM_FALLBACK.get(form, (form, "long")):
            found = self.terms.get((name, candidate, gender))
            if found is None and gender:
                found = self.terms.get((name, candidate, ""))
            if found is not None:
                return found
        return None

    def gender_of(self, name: str) -> str:
        """The grammatical gender of the noun term *name* (``""`` when none is given)."""
        found = self.terms.get((name, "long", ""))
        return found.gender if found else ""


_FORM_FALLBACK: Final = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
}


def _typographic(text: str) -> str:
    """*text* with the apostrophes between letters curled (``l'adresse`` becomes U+2019)."""
    return _APOSTROPHE.sub("\u2019", text) if "'" in text else text


def _terms_of(locale: Element) -> dict[TermKey, Term]:
    terms: dict[TermKey, Term] = {}
    block = locale.child("terms")
    if block is None:
        return terms
    for term in block.all("term"):
        name = term.get("name") or ""
        single = term.child("single")
        multiple = term.child("multiple")
        text = term.text
        key = (name, term.get("form") or "long", term.get("gender-form") or "")
        terms[key] = Term(
            _typographic(single.text if single is not None else text),
            _typographic(
                multiple.text
                if multiple is not None
                else (single.text if single is not None else text)
            ),
            term.get("gender") or "",
            term.get("match") or "",
        )
    if any(name == "ordinal" for name, _form, _gender in terms):
        _default_gendered(terms)
    return terms


def _ordinal_rules(layers: Sequence[_Layer]) -> dict[tuple[str, int, str], str]:
    """:attr:`Locale.ordinals` from the first of *layers* (highest first) with ``ordinal``."""
    for layer in layers:
        if any(name == "ordinal" for name, _form, _gender in layer.terms):
            rules: dict[tuple[str, int, str], str] = {}
            for (name, _form, gender), term in layer.terms.items():
                if _NUMBERED.match(name):
                    match = term.match or ("last-digit" if name[8] == "0" else "last-two-digits")
                    rules[match, int(name[8:]), gender or "neuter"] = name
            return rules
    return {}


def _default_gendered(terms: dict[TermKey, Term]) -> None:
    """Give terms defined only by gender a default: the feminine forms, else the masculine.

    citeproc-js does so in a locale with CSL 1.0.1 ordinals (pt-PT's "ordinal" has
    masculine and feminine forms only: an edition without gender takes ".ª"). The
    ``ordinal-NN`` terms are matched by their own genders and keep no default.
    """
    ungendered = {name for name, _form, gender in terms if not gender}
    for gender in ("masculine", "feminine"):  # the feminine, set last, wins
        for (name, form, of_gender), term in list(terms.items()):
            if of_gender == gender and name not in ungendered and not _NUMBERED.match(name):
                terms[name, form, ""] = term


_NUMBERED: Final = re.compile(r"ordinal-\d\d$")


@attrs.frozen
class _Layer:
    terms: Mapping[TermKey, Term]
    dates: Mapping[str, Element]
    options: Mapping[str, str]


def _layer(locale: Element) -> _Layer:
    dates = {date.get("form") or "": date for date in locale.all("date")}
    options_element = locale.child("style-options")
    options = dict(options_element.attributes) if options_element is not None else {}
    return _Layer(_terms_of(locale), dates, options)


@functools.cache
def _file_layer(lang: str) -> _Layer | None:
    path = Path(LOCALES_PATH) / f"locales-{lang}.xml"
    if not path.is_file():
        return None
    return _layer(parse_file(path))


def _file_chain(lang: str) -> list[str]:
    language = lang.split("-", maxsplit=1)[0]
    chain = [lang]
    primary = PRIMARY_DIALECTS.get(language)
    if primary and primary not in chain:
        chain.append(primary)
    if DEFAULT_LOCALE not in chain:
        chain.append(DEFAULT_LOCALE)
    return chain


def _style_chain(lang: str, style_locales: Iterable[Element]) -> list[Element]:
    by_lang: dict[str, list[Element]] = {}
    for element in style_locales:
        by_lang.setdefault(element.get("lang") or "", []).append(element)
    language = lang.split("-", maxsplit=1)[0]
    wanted = [lang] if lang == language else [lang, language]
    found = [element for key in wanted for element in reversed(by_lang.get(key, []))]
    return found + list(reversed(by_lang.get("", [])))


def build_locale(lang: str, style_locales: Iterable[Element] = ()) -> Locale:
    """Merge the locale *lang* from the style's ``<locale>`` elements and the locale files."""
    layers = [_layer(element) for element in _style_chain(lang, style_locales)]
    layers += [layer for name in _file_chain(lang) if (layer := _file_layer(name)) is not None]
    # en-US only fills in the terms another language lacks in every form: a form it lacks
    # falls back to its own other forms (citeproc-js does not read en-US for it at all)
    fallback = _file_layer(DEFAULT_LOCALE) if lang != DEFAULT_LOCALE else None
    own_names = {key[0] for layer in layers if layer is not fallback for key in layer.terms}
    terms: dict[TermKey, Term] = {}
    dates: dict[str, Element] = {}
    options: dict[str, str] = {}
    for layer in reversed(layers):  # lowest priority first; higher layers override
        terms.update(
            {key: term for key, term in layer.terms.items() if key[0] not in own_names}
            if layer is fallback
            else layer.terms
        )
        dates.update(layer.dates)
        options.update(layer.options)
    punctuation_in_quote = options.get("punctuation-in-quote") == "true"

    def mark(name: str, default: str) -> str:
        found = terms.get((name, "long", ""))
        return found.single if found and found.single else default

    return Locale(
        lang,
        MappingProxyType(terms),
        MappingProxyType(dates),
        ordinals=MappingProxyType(_ordinal_rules(layers)),
        punctuation_in_quote=punctuation_in_quote,
        limit_day_ordinals_to_day_1=options.get("limit-day-ordinals-to-day-1") == "true",
        quotes=Quotes(
            mark("open-quote", "\u201c"),
            mark("close-quote", "\u201d"),
            mark("open-inner-quote", "\u2018"),
            mark("close-inner-quote", "\u2019"),
            punctuation_in_quote,
        ),
    )
