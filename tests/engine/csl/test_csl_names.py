"""Names in the csl engine: initials, particles, suffixes, inversion, lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.base import CiteRequest
from citeform.engine.csl.engine import CslEngine
from citeform.engine.csl.initials import initialize
from citeform.engine.csl.locale import Locale, build_locale
from citeform.engine.csl.names import NameOptions, format_name, format_names
from citeform.engine.csl.particles import split_particles
from citeform.engine.csl.rich import plain


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("John Ronald", "J. R."),
        ("Ph.", "Ph."),
        ("Ph. M.E.", "Ph. M. E."),
        ("M.E", "M. E."),
        ("Jean-Paul", "J.-P."),
        ("jean", "jean"),
    ],
)
def test_initials(given: str, expected: str) -> None:
    assert initialize(given, ". ") == expected


def test_initials_without_hyphen_or_initialising() -> None:
    assert initialize("Jean-Paul", ".", hyphen=False) == "J.P."
    assert initialize("John R", ". ", initialize=False) == "John R."


def _name(name: dict[str, Any], locale: Locale, *, inverted: bool, **options: Any) -> str:
    return plain(format_name(name, NameOptions(**options), locale, inverted=inverted))


@pytest.mark.parametrize(
    "name",
    [
        {"family": "van der Berg", "given": "Anna"},
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
    ],
)
def test_non_dropping_particles_split_off_and_demoted(en: Locale, name: dict[str, Any]) -> None:
    assert _name(name, en, inverted=False) == "Anna van der Berg"
    assert _name(name, en, inverted=True) == "Berg, Anna van der"
    never = "never"
    assert (
        _name(name, en, inverted=True, demote_non_dropping_particle=never) == "van der Berg, Anna"
    )


def test_dropping_particles_follow_the_given_name(en: Locale) -> None:
    name = {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"}
    assert _name(name, en, inverted=False) == "Alexander von Humboldt"
    assert _name(name, en, inverted=True) == "Humboldt, Alexander von"


def test_particles_ending_in_an_apostrophe_join_without_space(en: Locale) -> None:
    name = {"family": "d'Huy", "given": "J."}
    assert _name(name, en, inverted=False) == "J. d\u2019Huy"


def test_suffixes(en: Locale) -> None:
    name = {"family": "Smith", "given": "John", "suffix": "Jr."}
    assert _name(name, en, inverted=False) == "John Smith Jr."
    assert _name(name, en, inverted=True) == "Smith, John, Jr."
    assert _name({**name, "comma-suffix": True}, en, inverted=False) == "John Smith, Jr."


def test_names_in_cjk_scripts_print_family_first_without_space(en: Locale) -> None:
    name = {"family": "\u6797", "given": "\u884c\u4f17"}
    assert _name(name, en, inverted=False) == "\u6797\u884c\u4f17"


def test_literal_names_print_as_given(en: Locale) -> None:
    assert _name({"literal": "World Health Organization"}, en, inverted=True) == (
        "World Health Organization"
    )


NAMES = [{"family": family, "given": "A."} for family in ("Ash", "Birch", "Cedar", "Dogwood")]


def _names(locale: Locale, count: int = 4, **options: Any) -> str:
    rendered = format_names(NAMES[:count], NameOptions(**options), locale, et_al_term="et al.")
    return plain(rendered)


def test_and_and_the_delimiter_before_it(en: Locale) -> None:
    assert _names(en, 2, and_="text") == "A. Ash and A. Birch"
    assert _names(en, 3, and_="symbol") == "A. Ash, A. Birch, & A. Cedar"
    assert _names(en, 2, and_="text", delimiter_precedes_last="always") == "A. Ash, and A. Birch"


@pytest.mark.parametrize(
    ("count", "rule", "expected"),
    [
        (1, "always", "A. Ash and Amt"),
        (2, "never", "A. Ash, A. Birch, and Amt"),
        (2, "after-inverted-name", "A. Ash, A. Birch, and Amt"),
    ],
)
def test_an_institution_last_takes_the_inherited_rule_before_and(
    en: Locale, count: int, rule: str, expected: str
) -> None:
    names = [*NAMES[:count], {"literal": "Amt"}]
    options = NameOptions(and_="text", delimiter_precedes_last=rule)
    assert plain(format_names(names, options, en, et_al_term="et al.")) == expected


def test_et_al_after_the_first_names(en: Locale) -> None:
    assert _names(en, et_al_min=3, et_al_use_first=1) == "A. Ash et al."
    assert _names(en, et_al_min=3, et_al_use_first=2) == "A. Ash, A. Birch, et al."
    assert (
        _names(en, et_al_min=3, et_al_use_first=1, et_al_use_last=True)
        == "A. Ash, \u2026 A. Dogwood"
    )


# -- names beyond Western European ones, as citeproc-js prints them ---------------------------

_FORMS: dict[str, dict[str, Any]] = {
    "display": {"inverted": False},
    "inverted": {"inverted": True, "name_as_sort_order": "all"},
    "short": {"inverted": False, "form": "short"},
    "initials": {"inverted": False, "initialize_with": "."},
}


def _forms(name: dict[str, Any], locale: Locale, language: str = "", **options: Any) -> list[str]:
    out = []
    for form in _FORMS.values():
        settings = {**form, **options}
        inverted = settings.pop("inverted")
        node = format_name(
            name, NameOptions(**settings), locale, inverted=inverted, language=language
        )
        out.append(plain(node))
    return out


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        # Chinese and Japanese names: family name first, no space, never initialised
        ({"family": "林", "given": "行众"}, "", ["林行众", "林行众", "林", "林行众"]),
        # a Latin name in a Japanese item is printed family name first
        (
            {"family": "Smith", "given": "John"},
            "ja",
            ["Smith John", "Smith John", "Smith", "Smith J."],
        ),
        # a CJK family name with a Latin given name: family first, with a space
        (
            {"family": "林", "given": "Xingzhong"},
            "",
            ["林 Xingzhong", "林 Xingzhong", "林", "林 X."],
        ),
        # Arabic given names are initialised
        (
            {"family": "الفاسي", "given": "محمد علي"},
            "",
            ["محمد علي الفاسي", "الفاسي, محمد علي", "الفاسي", "م.ع. الفاسي"],
        ),
    ],
)
def test_names_in_other_scripts(
    en: Locale, name: dict[str, Any], language: str, expected: list[str]
) -> None:
    assert _forms(name, en, language) == expected


@pytest.mark.parametrize(
    ("name", "demoted", "kept"),
    [
        (
            {"family": "al-Ghazali", "given": "Abu Hamid"},
            ["Abu Hamid al-Ghazali", "Ghazali, Abu Hamid al-", "al-Ghazali", "A.H. al-Ghazali"],
            ["Abu Hamid al-Ghazali", "al-Ghazali, Abu Hamid", "al-Ghazali", "A.H. al-Ghazali"],
        ),
        (
            {"family": "d'Huy", "given": "Julien"},
            ["Julien d\u2019Huy", "Huy, Julien d\u2019", "d\u2019Huy", "J. d\u2019Huy"],
            ["Julien d\u2019Huy", "d\u2019Huy, Julien", "d\u2019Huy", "J. d\u2019Huy"],
        ),
    ],
)
def test_particles_ending_in_an_apostrophe_or_hyphen_join_without_space(
    en: Locale, name: dict[str, Any], demoted: list[str], kept: list[str]
) -> None:
    assert _forms(name, en) == demoted
    assert _forms(name, en, demote_non_dropping_particle="never") == kept


def test_suffix_after_a_comma_in_the_given_name(en: Locale) -> None:
    assert _forms({"family": "Doe", "given": "John,! Jr."}, en) == [
        "John Doe, Jr.",
        "Doe, John, Jr.",
        "Doe",
        "J. Doe, Jr.",
    ]
    assert _forms({"family": "Doe", "given": "John, Jr."}, en)[0] == "John Doe Jr."


def test_a_dropping_particle_with_an_apostrophe_joins_the_family_name(en: Locale) -> None:
    name = {"family": "Aubignac", "given": "Fran\u00e7ois H\u00e9delin d'"}
    assert _name(name, en, inverted=False) == "Fran\u00e7ois H\u00e9delin d\u2019Aubignac"


def test_initials_keep_a_run_of_capitals_and_leave_particles_words() -> None:
    assert initialize("TSerendorjiin", ".") == "Ts."
    assert initialize("John Bertrand de Cusance Morant", ".") == "J.B. de C.M."
    assert initialize("<b>John</b>-Quiggly", ". ") == "<b>J.</b>-Q."


def test_and_and_et_al_in_a_cjk_term_take_no_spaces(en: Locale) -> None:
    names = [{"family": "\u7530\u4e2d", "given": "\u592a\u90ce"}, {"family": "Doe", "given": "J"}]
    rendered = format_names(
        names[:1] * 2 + names[1:],
        NameOptions(et_al_min=2, et_al_use_first=1),
        en,
        et_al_term="\u7b49",
    )
    assert plain(rendered) == "\u7530\u4e2d\u592a\u90ce\u7b49"


# -- properties -------------------------------------------------------------------------------

_CAPITALISED = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True)
_PARTICLE = st.sampled_from(["van", "von", "de", "der", "di", "la"])
_CJK = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=3
)


@given(
    given_words=st.lists(_CAPITALISED, min_size=1, max_size=3),
    dropping=st.lists(_PARTICLE, max_size=2),
    non_dropping=st.lists(_PARTICLE, max_size=2),
    family=_CAPITALISED,
    suffix=st.sampled_from(["", "Jr.", "III"]),
)
def test_a_parsed_name_renders_every_part_in_order(
    given_words: list[str], dropping: list[str], non_dropping: list[str], family: str, suffix: str
) -> None:
    locale = build_locale("en-US")
    name = {
        "family": " ".join([*non_dropping, family]),
        "given": " ".join([*given_words, *dropping]),
    }
    if suffix:
        name["suffix"] = suffix
    parts = split_particles(name)
    assert parts["family"] == family
    assert parts.get("non-dropping-particle", "") == " ".join(non_dropping)
    assert parts.get("dropping-particle", "") == " ".join(dropping)
    expected = " ".join([*given_words, *dropping, *non_dropping, family, *filter(None, [suffix])])
    assert plain(format_name(name, NameOptions(), locale, inverted=False)) == expected


@given(family=_CJK, given_name=_CJK)
def test_cjk_names_join_without_space_in_every_form(family: str, given_name: str) -> None:
    locale = build_locale("en-US")
    name = {"family": family, "given": given_name}
    assert _forms(name, locale) == [
        family + given_name,
        family + given_name,
        family,
        family + given_name,
    ]


@given(st.lists(_CAPITALISED, min_size=1, max_size=4))
def test_initialising_initials_changes_nothing(words: list[str]) -> None:
    once = initialize(" ".join(words), ". ")
    assert initialize(once, ". ") == once


# -- subsequent-author-substitute -------------------------------------------------------------

_SUBSTITUTING_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"
  version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first"/>
      <label prefix=", "/>
      <substitute>{substitute}</substitute>
    </names>
  </macro>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography subsequent-author-substitute="---">
    <layout suffix="."><group delimiter=". "><text macro="author"/><text variable="title"/></group>
    </layout>
  </bibliography>
</style>"""
_DOE = [{"family": "Doe", "given": "John"}]
_BY_EDITOR_THEN_AUTHOR = [
    {"id": "a", "type": "book", "editor": _DOE, "title": "A"},
    {"id": "b", "type": "chapter", "author": _DOE, "title": "B"},
    {"id": "c", "type": "book", "editor": _DOE, "title": "C"},
]


def _bibliography(tmp_path: Path, substitute: str) -> list[str]:
    style = tmp_path / "style.csl"
    style.write_text(_SUBSTITUTING_STYLE.format(substitute=substitute), encoding="utf-8")
    engine = CslEngine(style, "en-US", "text")
    return [entry.text for entry in engine.bibliography(_BY_EDITOR_THEN_AUTHOR)]


@pytest.mark.parametrize(
    ("substitute", "expected"),
    [
        # the same person, however printed, is replaced; the label stays
        (
            '<names variable="editor"><name/></names>',
            ["John Doe. A.", "---. B.", "---. C."],
        ),
        ('<names variable="editor"/>', ["Doe, John, editor. A.", "---. B.", "---, editor. C."]),
        # a cs:names of its own tried first and printing nothing: citeproc-js leaves these
        # entries alone, and the bare cs:names after it takes its cs:name
        (
            '<names variable="guest"><name/></names><names variable="editor"/>',
            ["John Doe, editor. A.", "Doe, John. B.", "John Doe, editor. C."],
        ),
    ],
)
def test_subsequent_author_substitute_compares_the_names_not_their_label(
    tmp_path: Path, substitute: str, expected: list[str]
) -> None:
    assert _bibliography(tmp_path, substitute) == expected


_DECORATED_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"
  version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout>
    <names variable="author" prefix="[" suffix="]"><name/><substitute>{substitute}</substitute>
    </names>
  </layout></citation>
</style>"""


@pytest.mark.parametrize(
    ("substitute", "expected"),
    [
        # a bare cs:names takes the decoration of the cs:names it stands in for
        ('<names variable="editor" prefix="(" suffix=")"/>', "[John Doe]"),
        # any other substitute keeps its own and is not decorated again
        ('<names variable="editor" prefix="(" suffix=")"><name/></names>', "(John Doe)"),
        ('<text variable="title" prefix="(" suffix=")"/>', "(A)"),
    ],
)
def test_a_substitute_is_decorated_as_citeproc_js_decorates_it(
    tmp_path: Path, substitute: str, expected: str
) -> None:
    style = tmp_path / "style.csl"
    style.write_text(_DECORATED_STYLE.format(substitute=substitute), encoding="utf-8")
    item = {"id": "a", "type": "book", "editor": _DOE, "title": "A"}
    engine = CslEngine(style, "en-US", "text")
    assert [entry.text for entry in engine.citations([[CiteRequest(item)]])] == [expected]
