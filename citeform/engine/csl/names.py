"""Names: particles, initials, order, and lists with "and" and "et al.".

:class:`NameOptions` holds the attributes of ``cs:name`` (inherited from the style,
the citation or the bibliography); :func:`format_names` renders a list of CSL-JSON
name objects with them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, NamedTuple

import attrs

from citeform.engine.csl.initials import ROMANESQUE, STARTS_ROMANESQUE, initialize
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.markup import parse_markup
from citeform.engine.csl.particles import split_particles
from citeform.engine.csl.rich import (
    Formatting,
    LastNameDelimiter,
    NameDelimiter,
    NameSuffix,
    Part,
    Quotes,
    Rich,
    blank,
    join,
    plain,
)
from citeform.engine.csl.textcase import apply_text_case

NameData = Mapping[str, Any]


@attrs.frozen
class NamePart:
    """Formatting of the given or family part (``cs:name-part``)."""

    formatting: Formatting = ()
    prefix: str = ""
    suffix: str = ""
    text_case: str = ""


@attrs.frozen(cache_hash=True)
class NameOptions:
    """The attributes of ``cs:name`` that decide how names print."""

    and_: str = ""
    delimiter: str = ", "
    delimiter_precedes_et_al: str = "contextual"
    delimiter_precedes_last: str = "contextual"
    institution_precedes_last: str = "contextual"
    """The rule before "and" when an institution comes last: the inherited one, not cs:name's."""
    et_al_min: int = 0
    et_al_use_first: int | None = None
    """``None`` when the style does not set it: the list is not shortened."""
    et_al_subsequent_min: int = 0
    et_al_subsequent_use_first: int = 0
    et_al_use_last: bool = False
    form: str = "long"
    initialize: bool = True
    initialize_with: str | None = None
    initialize_with_hyphen: bool = True
    name_as_sort_order: str = ""
    sort_separator: str = ", "
    demote_non_dropping_particle: str = "display-and-sort"
    formatting: Formatting = ()
    prefix: str = ""
    suffix: str = ""
    given: NamePart = NamePart()
    family: NamePart = NamePart()


_NO_BREAK_LANGUAGES: Final = frozenset({"fr", "ru", "cs"})
"""Locales whose particles join the family name with a no-break space."""
_JOINING_ENDS: Final = ("\u2019", "'", "-", " ")
"""A non-dropping particle ending in one of these joins the family name directly."""
_APOSTROPHE_ENDS: Final = ("'", "\u02bc", "\u2019", "-")
"""A dropping particle ending in one of these joins the family name (``d\u2019Aubignac``)."""
_FAMILY_FIRST_LANGUAGES: Final = frozenset({"ja", "zh"})
_UNINVERTED_GIVEN: Final = frozenset({"Lord", "Lady"})
"""Given names that are titles: a comma always separates them when inverted."""


def _romanesque(parts: Mapping[str, str], language: str) -> int:
    """How a name's script orders it.

    0: family name first, no space (Chinese, Japanese); 1: family name first, with a
    space; 2: given name first.
    """
    if not ROMANESQUE.search(parts.get("family", "").replace('"', "")):
        return 1 if STARTS_ROMANESQUE.match(parts.get("given", "")) else 0
    if language[:2] in _FAMILY_FIRST_LANGUAGES or parts.get("static-ordering"):
        return 1
    return 2


def _styled(text: str, part: NamePart, lang: str, quotes: Quotes) -> Part:
    """*text* (with its inline markup) in the formatting and case of a ``cs:name-part``."""
    if not text:
        return ""
    node = parse_markup(text, quotes)
    if part.text_case:
        node = apply_text_case(node, part.text_case, english=lang.startswith("en"))
    return Rich((node,), part.formatting) if part.formatting else node


def _affixed(node: Part, part: NamePart) -> Part:
    """*node* between the affixes of a ``cs:name-part``."""
    if blank(node) or not (part.prefix or part.suffix):
        return node
    return Rich(tuple(piece for piece in (part.prefix, node, part.suffix) if piece))


def _joined(nodes: Sequence[Part], delimiter: str) -> Part:
    parts = join(nodes, delimiter)
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else Rich(tuple(parts))


@attrs.frozen
class _Pieces:
    """The parts of one name, each styled, and the text of its particles."""

    given: Part
    dropping: Part
    non_dropping: Part
    family: Part
    suffix: Part
    dropping_text: str
    non_dropping_text: str
    comma_dropping: str
    space: str
    """What joins a particle to the family name (a no-break space in some locales)."""

    @property
    def hyphenated(self) -> bool:
        """Whether the non-dropping particle joins the family name without a space."""
        return self.non_dropping_text.endswith(_JOINING_ENDS)


def format_name(  # noqa: PLR0913 - the name, its options and where it prints
    name: NameData,
    options: NameOptions,
    locale: Locale,
    *,
    inverted: bool,
    sorting: bool = False,
    language: str = "",
) -> Part:
    """One name as *options* ask, inverted (family first) where *inverted*.

    *sorting* gives the form of a sort key; *language* is the item's (Chinese and
    Japanese items print even Latin names family first). A name of plain values is
    formatted once per options and place, and the (immutable) node shared after.
    """
    setting = _Setting(options, locale.lang, locale.quotes, inverted, sorting, language)
    try:
        return _format_cached(tuple(name.items()), setting)
    except TypeError:  # a value that is no plain string, number or flag
        return _format(name, setting)


class _Setting(NamedTuple):
    """What besides the name decides how it prints (hashable, a cache key)."""

    options: NameOptions
    lang: str
    quotes: Quotes
    inverted: bool
    sorting: bool
    language: str


@functools.lru_cache(maxsize=4096)
def _format_cached(name: tuple[tuple[str, Any], ...], setting: _Setting) -> Part:
    return _format(dict(name), setting)


def _format(name: NameData, setting: _Setting) -> Part:
    options, lang, quotes, inverted, sorting, language = setting
    if name.get("literal"):
        return _styled(str(name["literal"]), options.family, lang, quotes)
    parts = split_particles(name)
    if not parts.get("family"):
        return _styled(parts.get("given", ""), options.given, lang, quotes)
    pieces = _pieces(parts, options, lang, quotes, sorting=sorting)
    romanesque = _romanesque(parts, language)
    if romanesque < 2:
        family = _joined([pieces.non_dropping, pieces.family], pieces.space if romanesque else "")
        return _joined([family, pieces.given], " " if romanesque else "")
    if sorting:
        return _sort_form(pieces, options)
    if not inverted:
        return _display(pieces, options, comma_suffix=bool(parts.get("comma-suffix")))
    separator = ", " if parts.get("given") in _UNINVERTED_GIVEN else options.sort_separator
    demoted = options.demote_non_dropping_particle in {"display-and-sort", "always"}
    return (_demoted if demoted else _family_first)(pieces, options, separator)


def _pieces(
    parts: Mapping[str, str], options: NameOptions, lang: str, quotes: Quotes, *, sorting: bool
) -> _Pieces:
    """The styled parts of a name: the given name initialised or left out as *options* ask."""
    given = "" if options.form == "short" else parts.get("given", "")
    if given and options.initialize_with is not None:
        given = initialize(
            given,
            options.initialize_with,
            initialize=options.initialize,
            hyphen=options.initialize_with_hyphen,
        )
    suffix = parts.get("suffix", "") if given else ""
    if suffix and options.initialize_with is not None:
        suffix = initialize(suffix, options.initialize_with, initialize=False)
    dropping = parts.get("dropping-particle", "") if given else ""
    non_dropping = parts.get("non-dropping-particle", "")
    if sorting:  # an apostrophe in a particle does not sort
        dropping = re.sub("['\u2019]", "", dropping, count=1)
        non_dropping = re.sub("['\u2019]", "", non_dropping, count=1)
    return _Pieces(
        given=_styled(given, options.given, lang, quotes),
        dropping=_styled(dropping, options.given, lang, quotes),
        non_dropping=_styled(non_dropping, options.family, lang, quotes),
        family=_styled(parts.get("family", ""), options.family, lang, quotes),
        suffix=parse_markup(suffix, quotes) if suffix else "",
        dropping_text=dropping,
        non_dropping_text=non_dropping,
        comma_dropping=parts.get("comma-dropping-particle", ""),
        space="\u00a0" if lang[:2] in _NO_BREAK_LANGUAGES else " ",
    )


def _sort_form(pieces: _Pieces, options: NameOptions) -> Part:
    """A name as its sort key: family name first, particles where the style sorts them."""
    if options.demote_non_dropping_particle == "never":
        family = _joined([pieces.non_dropping, pieces.family], pieces.space)
        family = _joined([family, pieces.dropping], " ")
        return _joined([_joined([family, pieces.given], " "), pieces.suffix], " ")
    rest = _joined([pieces.given, pieces.dropping, pieces.non_dropping], " ")
    return _joined([_joined([pieces.family, rest], " "), pieces.suffix], " ")


def _demoted(pieces: _Pieces, options: NameOptions, separator: str) -> Part:
    """Family name first, both particles after the given name: ``Berg, Anna van der``."""
    rest = _joined([pieces.given, pieces.dropping], pieces.comma_dropping + " ")
    rest = _affixed(_joined([rest, pieces.non_dropping], " "), options.given)
    front = _joined([_affixed(pieces.family, options.family), rest], separator)
    return _joined([front, pieces.suffix], separator)


def _family_first(pieces: _Pieces, options: NameOptions, separator: str) -> Part:
    """Family name first with its particle: ``van der Berg, Anna``."""
    family = _joined(
        [pieces.non_dropping, pieces.family], "" if pieces.hyphenated else pieces.space
    )
    rest = _joined([pieces.given, pieces.dropping], pieces.comma_dropping + " ")
    front = _joined([_affixed(family, options.family), _affixed(rest, options.given)], separator)
    return _joined([front, pieces.suffix], separator)


def _display(pieces: _Pieces, options: NameOptions, *, comma_suffix: bool) -> Part:
    """Given name first: ``Anna van der Berg``, ``Jean de La Fontaine III``."""
    dropping, family = pieces.dropping, pieces.family
    text = pieces.dropping_text
    if (
        text
        and not pieces.non_dropping_text
        and text.endswith(_APOSTROPHE_ENDS)
        and text[:-1] != "de"
    ):
        dropping, family = "", _joined([dropping, family], "")
    if pieces.hyphenated:
        back = _joined([dropping, _joined([pieces.non_dropping, family], "")], pieces.space)
    else:
        back = _joined([dropping, pieces.non_dropping, family], pieces.space)
    back = _affixed(_joined([back, pieces.suffix], ", " if comma_suffix else " "), options.family)
    comma = "" if options.family.prefix else pieces.comma_dropping
    space = (
        pieces.space
        if options.initialize_with and re.search("[\u00a0\ufeff]", options.initialize_with)
        else " "
    )
    if options.given.suffix[-1:].isspace():  # a given-name suffix ending in a space is the space
        space = ""
    return _joined([_affixed(pieces.given, options.given), back], comma + space)


def _decorated(node: Part, options: NameOptions, *, affixed: bool = True) -> Part:
    """One name with the formatting and affixes of ``cs:name`` (they apply name by name).

    An institution's name (*affixed* false) takes the formatting only, as in citeproc-js.
    """
    if options.formatting:
        node = Rich((node,), options.formatting)
    if affixed and (options.prefix or options.suffix):
        suffix = NameSuffix(options.suffix)
        node = Rich(tuple(part for part in (options.prefix, node, suffix) if part))
    return node


def name_key(name: NameData) -> str:
    """A name's identity for given-name disambiguation."""
    return "|".join(str(name.get(part, "")) for part in ("family", "given", "literal"))


def _level(
    name: NameData,
    index: int,
    given_levels: Mapping[str, int] | None,
    given_positions: Sequence[int],
) -> int:
    """How far the given name of *name*, at *index* in its list, is expanded."""
    by_name = given_levels.get(name_key(name), 0) if given_levels else 0
    return max(by_name, given_positions[index] if index < len(given_positions) else 0)


def _expanded(options: NameOptions, level: int, *, initials: bool = False) -> NameOptions:
    """*options* showing the given name: initials (level 1) or in full (level 2).

    Initials need ``initialize-with``, or *initials* and a short form (then they go
    without punctuation); a long form without ``initialize-with`` stays in full.
    """
    if level <= 0:
        return options
    if level == 1 and options.initialize_with is not None:
        return attrs.evolve(options, form="long")
    if level == 1 and initials and options.form != "long":
        return attrs.evolve(options, form="long", initialize_with="")
    return attrs.evolve(options, form="long", initialize_with=None)


def _personal(name: NameData) -> bool:
    """Whether *name* is a person's (printed inverted where asked), not an institution's."""
    return bool(name.get("family")) and not name.get("literal")


def _institutional(name: NameData) -> bool:
    """Whether *name* is an institution's: a literal, or marked so in CSL-JSON."""
    return bool(name.get("literal") or name.get("isInstitution"))


def _inverted(options: NameOptions, index: int) -> bool:
    return options.name_as_sort_order == "all" or (
        options.name_as_sort_order == "first" and index == 0
    )


def _and_term(options: NameOptions, locale: Locale) -> str:
    if options.and_ == "symbol":
        return "&"
    if options.and_ == "text":
        return locale.term("and") or "and"
    return ""


def shown_names(
    names: Sequence[NameData],
    options: NameOptions,
    *,
    subsequent: bool = False,
    add_names: int = 0,
    names_shown: int = 0,
) -> list[NameData]:
    """The *names* that print before "et al.".

    Disambiguation asks for *add_names* more than a subsequent cite shows, or for at least
    *names_shown*; a form that shows more already keeps its own count.
    """
    minimum = (
        options.et_al_subsequent_min
        if subsequent and options.et_al_subsequent_min
        else options.et_al_min
    )
    use_first = (
        options.et_al_subsequent_use_first
        if subsequent and options.et_al_subsequent_use_first
        else options.et_al_use_first
    )
    if minimum and use_first is not None and len(names) >= minimum:
        subsequent_first = options.et_al_subsequent_use_first or options.et_al_use_first or 0
        requested = subsequent_first + add_names if add_names else 0
        return list(names[: max(use_first, requested, names_shown)])
    return list(names)


_WRITTEN_ET_AL: Final = re.compile(r"\s*,?\s*et\s+al\.?\s*$")
"""An "et al." written at the end of a given name (``L., et al.``)."""


def without_written_et_al(names: Sequence[NameData]) -> tuple[list[NameData], bool]:
    """*names* without an "et al." written into a given name, and whether one was.

    As in citeproc-js, such a list ends in the locale's "et al." term.
    """
    found = False
    cleaned: list[NameData] = []
    for name in names:
        given = name.get("given")
        match = _WRITTEN_ET_AL.search(given) if isinstance(given, str) and "et" in given else None
        if match is not None:
            found = True
            name = {**name, "given": match.string[: match.start()]}  # noqa: PLW2901 - the cleaned name
        cleaned.append(name)
    return cleaned, found


_NAME_PARTS: Final = (
    "non-dropping-particle",
    "family",
    "given",
    "dropping-particle",
    "suffix",
    "literal",
)


def names_identity(names: Sequence[NameData]) -> str:
    """The parts of *names* run together: what subsequent-author-substitute compares."""
    return ",".join(map(_identity, names))


def _identity(name: NameData) -> str:
    try:
        return _identity_cached(tuple(name.items()))
    except TypeError:  # a value that is no plain string, number or flag
        return _identity_of(name)


@functools.lru_cache(maxsize=4096)
def _identity_cached(name: tuple[tuple[str, Any], ...]) -> str:
    return _identity_of(dict(name))


def _identity_of(name: NameData) -> str:
    parts = split_particles(name)
    return "".join(parts.get(part, "") for part in _NAME_PARTS)


def format_names(  # noqa: PLR0913 - the list, its options and the et-al context
    names: Sequence[NameData],
    options: NameOptions,
    locale: Locale,
    *,
    et_al_term: Part,
    subsequent: bool = False,
    sorting: bool = False,
    add_names: int = 0,
    names_shown: int = 0,
    given_levels: Mapping[str, int] | None = None,
    given_positions: Sequence[int] = (),
    initials: bool = False,
    language: str = "",
    written_et_al: bool = False,
    each: list[Part] | None = None,
) -> Part:
    """The list of *names* with its delimiters, "and" and "et al." as *options* ask.

    *add_names* shows more names before "et al.", *names_shown* at least so many;
    *given_levels* expands given names
    by name (:func:`name_key`): 1 adds initials, 2 the full given name; *given_positions*
    does so by position in *names*; *initials* makes level 1 initials even where the
    style gives no ``initialize-with``; *language* is the item's; *written_et_al*
    ends the list in "et al." (one was written into a name); *each* collects the node
    of each name shown.
    """
    shown = shown_names(
        names, options, subsequent=subsequent, add_names=add_names, names_shown=names_shown
    )
    rendered: list[Part] = [
        Rich(
            (
                _decorated(
                    format_name(
                        name,
                        _expanded(
                            options,
                            _level(name, index, given_levels, given_positions),
                            initials=initials,
                        ),
                        locale,
                        inverted=_inverted(options, index),
                        sorting=sorting,
                        language=language,
                    ),
                    options,
                    affixed=not _institutional(name),
                ),
            )
        )
        for index, name in enumerate(shown)
    ]
    if each is not None:
        each.extend(rendered)
    if not rendered:
        return ""
    if len(shown) < len(names) or written_et_al:
        return _truncated(rendered, names, options, locale, et_al_term)
    return _with_and(rendered, shown, options, locale, sorting=sorting)


def _truncated(
    rendered: list[Part],
    names: Sequence[NameData],
    options: NameOptions,
    locale: Locale,
    et_al_term: Part,
) -> Part:
    """The first names shown, then "et al." (or an ellipsis and the last name)."""
    body = join(rendered, NameDelimiter(options.delimiter))
    if options.et_al_use_last and len(names) - len(rendered) >= 2:
        last = format_name(names[-1], options, locale, inverted=_inverted(options, len(names) - 1))
        last = _decorated(last, options, affixed=not _institutional(names[-1]))
        return Rich((*body, options.delimiter, "\u2026 ", last))
    if blank(et_al_term):
        return Rich(tuple(body))
    separator = _before_et_al(plain(et_al_term), options, len(rendered))
    # the list with "et al." takes cs:name's formatting and affixes once more, as in citeproc-js
    return _decorated(Rich((*body, separator, et_al_term)), options)


def _before_et_al(term: str, options: NameOptions, shown: int) -> str:
    """What goes between the names and "et al." (nothing before a term in a CJK script)."""
    single, multiple = _ET_AL_DELIMITERS.get(
        options.delimiter_precedes_et_al, _ET_AL_DELIMITERS["contextual"]
    )
    chosen = options.delimiter if (single if shown == 1 else multiple) else " "
    return "" if chosen == " " and not STARTS_ROMANESQUE.match(term) else chosen


_ET_AL_DELIMITERS: Final[Mapping[str, tuple[bool, bool]]] = {
    "contextual": (False, True),
    "always": (True, True),
    "never": (False, False),
    "after-inverted-name": (True, False),
}
"""Whether the delimiter (else a space) goes before "et al." after one name, and after more."""


def _with_and(
    rendered: list[Part],
    shown: Sequence[NameData],
    options: NameOptions,
    locale: Locale,
    *,
    sorting: bool,
) -> Part:
    """All names, with "and" (if the options ask for it) before the last."""
    if len(rendered) == 1:
        return rendered[0]
    and_term = "" if sorting else _and_term(options, locale)
    head = join(rendered[:-1], NameDelimiter(options.delimiter))
    if not and_term:
        return Rich((*head, LastNameDelimiter(options.delimiter), rendered[-1]))
    before = len(rendered) - 1
    inverted_before = _inverted(options, before - 1) and _personal(shown[before - 1])
    rule = options.delimiter_precedes_last
    if not _personal(shown[-1]):  # an institution last follows the inherited rule
        rule = options.institution_precedes_last
        if rule == "after-inverted-name":
            rule = "contextual"
    prefix = (
        options.delimiter
        if options.delimiter_precedes_last == "after-inverted-name" and inverted_before
        else _before_and(and_term, options.delimiter, rule, before)
    )
    spaced = bool(STARTS_ROMANESQUE.match(and_term))
    return Rich((*head, prefix, and_term, " " if spaced else "", rendered[-1]))


_AND_DELIMITERS: Final[Mapping[str, tuple[str, str]]] = {
    "contextual": (" ", "delimiter"),
    "always": ("delimiter", "delimiter"),
    "never": (" ", " "),
    "after-inverted-name": ("delimiter", " "),
}
"""What goes before "and" after one name and after more: the delimiter or a space."""


def _before_and(and_term: str, delimiter: str, rule: str, names_before: int) -> str:
    """What goes before "and" by *rule* (nothing but a delimiter before a term in a CJK script)."""
    single, multiple = _AND_DELIMITERS.get(rule, _AND_DELIMITERS["contextual"])
    if not STARTS_ROMANESQUE.match(and_term):
        single, multiple = ("delimiter" if rule == "always" else ""), ""
    chosen = single if names_before == 1 else multiple
    return delimiter if chosen == "delimiter" else chosen
