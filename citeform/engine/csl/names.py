"""Names: particles, initials, order, and lists with "and" and "et al.".

:class:`NameOptions` holds the attributes of ``cs:name`` (inherited from the style,
the citation or the bibliography); :func:`format_names` renders a list of CSL-JSON
name objects with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from citeform.engine.csl.locale import Locale
from citeform.engine.csl.markup import apostrophes
from citeform.engine.csl.rich import Formatting, Part, Rich, blank, join
from citeform.engine.csl.textcase import apply_text_case

NameData = Mapping[str, Any]


@attrs.frozen
class NamePart:
    """Formatting of the given or family part (``cs:name-part``)."""

    formatting: Formatting = ()
    prefix: str = ""
    suffix: str = ""
    text_case: str = ""


@attrs.frozen
class NameOptions:
    """The attributes of ``cs:name`` that decide how names print."""

    and_: str = ""
    delimiter: str = ", "
    delimiter_precedes_et_al: str = "contextual"
    delimiter_precedes_last: str = "contextual"
    et_al_min: int = 0
    et_al_use_first: int = 0
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


_LOWER_WORD: Final = re.compile(r"^[a-z\u00e0-\u00ff'\u2019\-]+$")
_HYPHEN_PARTICLE: Final = re.compile(r"^([a-z]{1,3}-)(?=[A-Z])")
"""A particle joined by a hyphen, as in ``al-One``."""
_PARTICLE_JOINS: Final = ("'", "\u2019", "-")


def _is_latin(text: str) -> bool:
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if not (name.startswith(("LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC"))):
                return False
    return True


def split_particles(name: NameData) -> dict[str, str]:
    """The name's parts, with particles split off ``family`` and ``given`` as CSL-JSON does."""
    parts = {
        key: apostrophes(str(value)) for key, value in name.items() if isinstance(value, str | int)
    }
    if "non-dropping-particle" not in parts:
        _split_family(parts)
    _split_given(parts)
    return parts


def _split_family(parts: dict[str, str]) -> None:
    """A particle before the family name (``van der``, ``d'``, ``al-``) moves apart."""
    family = parts.get("family", "")
    if len(family) > 2 and family[0] == family[-1] == '"':  # a quoted family name is kept whole
        parts["family"] = family[1:-1]
        return
    if match := _HYPHEN_PARTICLE.match(family):
        parts["non-dropping-particle"], parts["family"] = match.group(1), family[match.end(1) :]
        return
    if " " in family:
        words = family.split(" ")
        count = 0
        while count < len(words) - 1 and _LOWER_WORD.match(words[count]):
            count += 1
        if count:
            parts["non-dropping-particle"] = " ".join(words[:count])
            parts["family"] = " ".join(words[count:])
    elif family[:2] in {"d'", "d\u2019", "l'", "l\u2019"} and len(family) > 2:
        parts["non-dropping-particle"] = family[:2]
        parts["family"] = family[2:]


def _split_given(parts: dict[str, str]) -> None:
    """A suffix after a comma, and particles at the end of the given name, move apart."""
    given = " ".join(parts.get("given", "").split())
    parts["given"] = given
    if ("suffix" not in parts and ", " in given) or ",! " in given:
        given, _comma, suffix = given.partition(",")
        if suffix.startswith("!"):
            parts["comma-suffix"] = "true"
        parts["given"], parts["suffix"] = given.strip(), suffix.lstrip("!").strip()
        given = parts["given"]
    if "dropping-particle" not in parts and " " in given:
        words = given.split(" ")
        count = 0
        while count < len(words) - 1 and _LOWER_WORD.match(words[-1 - count]):
            count += 1
        if count:
            parts["dropping-particle"] = " ".join(words[-count:])
            parts["given"] = " ".join(words[:-count])


def _with_particle(particle: str, rest: str) -> str:
    if not particle:
        return rest
    if not rest:
        return particle
    if particle.endswith(_PARTICLE_JOINS):
        return particle + rest
    return f"{particle} {rest}"


_GIVEN_TOKEN: Final = re.compile(r"([^\s.\-\u2010]+)(\.?)\s*([-\u2010]?)\s*")


def initials(
    given: str, initialize_with: str, *, initialize: bool = True, hyphen: bool = True
) -> str:
    """*given* as initials joined by *initialize_with* (``"John Ronald"`` -> ``"J. R."``).

    A part ending in a period is an abbreviation and kept (``Ph.`` -> ``Ph``); other
    parts become their initial, or with ``initialize="false"`` only single letters do;
    lower-case parts stay words; hyphenated names keep the hyphen (``J.-P.``) unless
    ``initialize-with-hyphen="false"``.
    """
    out: list[str] = []
    after_dash = False
    for match in _GIVEN_TOKEN.finditer(given.strip()):
        token, period, dash = match.groups()
        if token[:1].islower() and after_dash:  # "G-ping": the lower-case part is left out
            out[-1] = out[-1].removesuffix("-") + initialize_with
            after_dash = bool(dash)
            continue
        after_dash = bool(dash)
        if token[:1].islower():
            piece = token + " "
        elif period or len(token) == 1:
            piece = token + initialize_with
        elif initialize:
            piece = token[0] + initialize_with
        else:
            piece = token + " "
        if dash and hyphen:
            piece = piece.rstrip() + "-"
        out.append(piece)
    return "".join(out).rstrip()


def _part(text: str, part: NamePart, locale: Locale) -> Part:
    if not text:
        return ""
    node: Part = text
    if part.text_case:
        node = apply_text_case(node, part.text_case, english=locale.lang.startswith("en"))
    if part.formatting:
        node = Rich((node,), part.formatting)
    return (
        Rich(tuple(p for p in (part.prefix, node, part.suffix) if p))
        if (part.prefix or part.suffix)
        else node
    )


def format_name(
    name: NameData, options: NameOptions, locale: Locale, *, inverted: bool, sorting: bool = False
) -> Part:
    """One name as *options* ask, inverted (family first) where *inverted*."""
    if name.get("literal"):
        return _part(str(name["literal"]), options.family, locale)
    parts = split_particles(name)
    family = parts.get("family", "")
    given = parts.get("given", "")
    if not family:
        return _part(given, options.given, locale)
    if options.initialize_with is not None and given:
        given = initials(
            given,
            options.initialize_with,
            initialize=options.initialize,
            hyphen=options.initialize_with_hyphen,
        )
    non_dropping = parts.get("non-dropping-particle", "")
    if not _is_latin(family + given):
        return _family_first(f"{non_dropping}{family}", given, options, locale)
    if options.form == "short":
        return _part(_with_particle(non_dropping, family), options.family, locale)
    parts["given"] = given
    if inverted:
        return _inverted_name(parts, options, locale, sorting=sorting)
    comma = bool(name.get("comma-suffix") or parts.get("comma-suffix"))
    return _display_name(parts, options, locale, comma_suffix=comma)


def _family_first(family: str, given: str, options: NameOptions, locale: Locale) -> Part:
    """A name in a script that writes family then given name, with no space between."""
    if options.form == "short":
        return _part(family, options.family, locale)
    pieces = (_part(family, options.family, locale), _part(given, options.given, locale))
    return Rich(tuple(piece for piece in pieces if piece))


def _inverted_name(
    parts: Mapping[str, str], options: NameOptions, locale: Locale, *, sorting: bool
) -> Part:
    """Family name first: ``Family, Given particle, Suffix``."""
    family = parts.get("family", "")
    given = parts.get("given", "")
    dropping = parts.get("dropping-particle", "")
    non_dropping = parts.get("non-dropping-particle", "")
    demote = options.demote_non_dropping_particle
    if demote == "display-and-sort" or (demote == "sort-only" and sorting):
        family_text = family
        given_text = (
            _with_particle(_with_particle(given, dropping), non_dropping)
            if given
            else _with_particle(dropping, non_dropping)
        )
    else:
        family_text = _with_particle(non_dropping, family)
        given_text = _with_particle(given, dropping) if given else dropping
    pieces: list[Part] = [_part(family_text, options.family, locale)]
    if given_text:
        pieces += [options.sort_separator, _part(given_text, options.given, locale)]
    if suffix := parts.get("suffix", ""):
        pieces += [options.sort_separator, suffix]
    return Rich(tuple(pieces))


def _display_name(
    parts: Mapping[str, str], options: NameOptions, locale: Locale, *, comma_suffix: bool
) -> Part:
    """Given name first: ``Given particle Family Suffix``."""
    given = parts.get("given", "")
    dropping = parts.get("dropping-particle", "")
    pieces: list[Part] = []
    if given:
        pieces.append(_part(given, options.given, locale))
    if dropping:
        pieces += [" ", dropping] if pieces else [dropping]
    if pieces:
        pieces.append("" if dropping.endswith(_PARTICLE_JOINS) and dropping else " ")
    back = _with_particle(parts.get("non-dropping-particle", ""), parts.get("family", ""))
    pieces.append(_part(back, options.family, locale))
    if suffix := parts.get("suffix", ""):
        pieces += [", " if comma_suffix else " ", suffix]
    return Rich(tuple(pieces))


def _decorated(node: Part, options: NameOptions) -> Part:
    """One name with the formatting and affixes of ``cs:name`` (they apply name by name)."""
    if options.formatting:
        node = Rich((node,), options.formatting)
    if options.prefix or options.suffix:
        node = Rich(tuple(part for part in (options.prefix, node, options.suffix) if part))
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


def _precedes(rule: str, names_before: int, inverted_before: bool) -> bool:
    """Whether the delimiter goes before "and" or "et al." (*names_before* names precede)."""
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return inverted_before
    return names_before >= 2


def format_names(  # noqa: PLR0913 - the list, its options and the et-al context
    names: Sequence[NameData],
    options: NameOptions,
    locale: Locale,
    *,
    et_al_term: Part,
    subsequent: bool = False,
    sorting: bool = False,
    add_names: int = 0,
    given_levels: Mapping[str, int] | None = None,
    given_positions: Sequence[int] = (),
    initials: bool = False,
) -> Part:
    """The list of *names* with its delimiters, "and" and "et al." as *options* ask.

    *add_names* shows more names before "et al."; *given_levels* expands given names
    by name (:func:`name_key`): 1 adds initials, 2 the full given name; *given_positions*
    does so by position in *names*; *initials* makes level 1 initials even where the
    style gives no ``initialize-with``.
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
    shown = list(names)
    if minimum and use_first and len(names) >= minimum:
        shown = shown[: min(len(names), use_first + add_names)]
    rendered = [
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
            ),
            options,
        )
        for index, name in enumerate(shown)
    ]
    if not rendered:
        return ""
    if len(shown) < len(names):
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
    body = join(rendered, options.delimiter)
    if options.et_al_use_last and len(names) - len(rendered) >= 2:
        last = format_name(names[-1], options, locale, inverted=_inverted(options, len(names) - 1))
        return Rich((*body, options.delimiter, "\u2026 ", _decorated(last, options)))
    if blank(et_al_term):
        return Rich(tuple(body))
    last_inverted = _inverted(options, len(rendered) - 1)
    separator = (
        options.delimiter
        if _precedes(options.delimiter_precedes_et_al, len(rendered), last_inverted)
        else " "
    )
    return Rich((*body, separator, et_al_term))


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
    head = join(rendered[:-1], options.delimiter)
    if not and_term:
        return Rich((*head, options.delimiter, rendered[-1]))
    before = len(rendered) - 1
    inverted_before = _inverted(options, before - 1) and _personal(shown[before - 1])
    if _precedes(options.delimiter_precedes_last, before, inverted_before):
        return Rich((*head, options.delimiter, and_term, " ", rendered[-1]))
    return Rich((*head, " ", and_term, " ", rendered[-1]))
