"""Disambiguation in the csl engine: one pass shared by a document's citations and bibliography."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeform.engine.csl.disambiguation import Settings, cached, year_suffix
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.processor import Cite, Processor
from citeform.engine.csl.style import compile_style
from citeform.rendering import Renderer

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation {options}>
    <layout delimiter="; ">
      <group delimiter=" ">
        <names variable="author">
          {name}
        </names>
        {citation_extra}
      </group>
    </layout>
  </citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout>
      <group delimiter=". ">
        <text variable="title"/>
        <names variable="author"><name/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </bibliography>
</style>
"""
YEAR = '<date variable="issued"><date-part name="year"/></date>'
SHORT_NAME = (
    '<name form="short" and="symbol" initialize-with=". " delimiter-precedes-last="never"/>'
)


def _processor(  # noqa: PLR0913 - the parts of the test style
    tmp_path: Path,
    en: Locale,
    items: list[dict[str, Any]],
    options: str,
    *,
    extra: str = YEAR,
    name: str = SHORT_NAME,
) -> Processor:
    path = tmp_path / f"style-{abs(hash((options, extra, name)))}.csl"
    path.write_text(
        STYLE.format(options=options, citation_extra=extra, name=name), encoding="utf-8"
    )
    return Processor(compile_style(path), en, "text", {item["id"]: item for item in items})


def _item(item_id: str, *names: tuple[str, str], year: int = 1980, **more: Any) -> dict[str, Any]:
    authors = [{"family": family, "given": given} for family, given in names]
    return {"id": item_id, "type": "book", "title": item_id, "author": authors, **more} | {
        "issued": {"date-parts": [[year]]}
    }


def _cite_each(processor: Processor) -> list[str]:
    citations, _entries = processor.process([[Cite(item_id)] for item_id in processor.items])
    return citations


def test_year_suffixes_count_like_spreadsheet_columns() -> None:
    assert [year_suffix(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
        "zz",
        "aaa",
    ]


@given(st.integers(0, 20_000), st.integers(0, 20_000))
def test_year_suffixes_are_distinct_and_in_order(first: int, second: int) -> None:
    one, other = year_suffix(first), year_suffix(second)
    assert one.isalpha()
    assert one.islower()
    assert (one == other) == (first == second)
    assert ((len(one), one) < (len(other), other)) == (first < second)


def test_each_item_keeps_the_fewest_names_that_set_it_apart(tmp_path: Path, en: Locale) -> None:
    items = [
        _item("a", ("Smith", "John"), ("Brown", "John"), ("Jones", "John")),
        _item("b", ("Smith", "John"), ("Brown", "John"), ("Jones", "John")),
        _item("c", ("Smith", "John"), ("Benson", "John"), ("Jones", "John")),
        _item("d", ("Smith", "John"), ("Brown", "John"), ("Jones", "Arthur")),
    ]
    options = (
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        'disambiguate-add-givenname="true"'
    )
    assert _cite_each(_processor(tmp_path, en, items, options)) == [
        "Smith, Brown & J. Jones 1980",
        "Smith, Brown & J. Jones 1980",
        "Smith, Benson, et al. 1980",
        "Smith, Brown & A. Jones 1980",
    ]


def test_year_suffixes_follow_what_names_could_not_tell_apart(tmp_path: Path, en: Locale) -> None:
    items = [
        _item("a", ("Smith", "John"), ("Brown", "John"), ("Jones", "John")),
        _item("b", ("Smith", "John"), ("Brown", "John"), ("Jones", "John")),
        _item("c", ("Smith", "John"), ("Benson", "John"), ("Jones", "John")),
    ]
    options = (
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        'disambiguate-add-year-suffix="true"'
    )
    citations, entries = _processor(tmp_path, en, items, options).process(
        [[Cite("a")], [Cite("b")], [Cite("c")]]
    )
    assert citations == [
        "Smith, Brown, et al. 1980a",
        "Smith, Brown, et al. 1980b",
        "Smith, Benson, et al. 1980",
    ]
    assert [text for _id, text in entries] == [
        "a. John Smith, John Brown, John Jones. 1980a",
        "b. John Smith, John Brown, John Jones. 1980b",
        "c. John Smith, John Benson, John Jones. 1980",
    ]


def test_initials_written_with_or_without_spaces_are_one_person(tmp_path: Path, en: Locale) -> None:
    items = [_item("a", ("Doe", "J. J.")), _item("b", ("Doe", "J.J.")), _item("c", ("Doe", "K."))]
    options = 'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"'
    assert _cite_each(_processor(tmp_path, en, items, options)) == [
        "J. J. Doe 1980",
        "J. J. Doe 1980",
        "K. Doe 1980",
    ]


def test_disambiguate_conditions_are_granted_one_at_a_time(tmp_path: Path, en: Locale) -> None:
    items = [
        _item("a", ("Smith", "John"), title="One", edition="3"),
        _item("b", ("Smith", "John"), title="Two", edition="4"),
        _item("c", ("Smith", "John"), title="Works", edition="5"),
        _item("d", ("Smith", "John"), title="Works", edition="6"),
    ]
    extra = (
        '<choose><if disambiguate="true"><text variable="title"/></if></choose>'
        '<choose><if disambiguate="true"><text variable="edition" prefix="ed. "/></if></choose>'
    )
    assert _cite_each(_processor(tmp_path, en, items, "", extra=extra)) == [
        "Smith One",
        "Smith Two",
        "Smith Works ed. 5",
        "Smith Works ed. 6",
    ]


def test_an_undated_item_takes_its_year_suffix_after_no_date(tmp_path: Path, en: Locale) -> None:
    items = [
        {**_item("a", ("Doe", "John")), "issued": None, "accessed": {"date-parts": [[1965, 6, 1]]}},
        {**_item("b", ("Doe", "John")), "issued": None, "accessed": {"date-parts": [[2065, 6, 1]]}},
    ]
    extra = (
        '<group><choose><if variable="issued">' + YEAR + "</if><else>"
        '<text term="no date" form="short"/><text variable="year-suffix" prefix="-"/>'
        '</else></choose></group><date variable="accessed"><date-part name="year"/></date>'
    )
    options = 'disambiguate-add-year-suffix="true"'
    assert _cite_each(_processor(tmp_path, en, items, options, extra=extra)) == [
        "Doe n.d.-a 1965",
        "Doe n.d.-b 2065",
    ]


FAMILIES = st.sampled_from(["Smith", "Jones", "van Berg"])
GIVENS = st.sampled_from(["John", "Jane", "J.", "Anna"])
AUTHORS = st.lists(st.tuples(FAMILIES, GIVENS), min_size=1, max_size=4)
DOCUMENTS = st.lists(st.tuples(AUTHORS, st.sampled_from([1999, 2000])), min_size=2, max_size=7)
_SUFFIX = re.compile(r"(?:1999|2000)([a-z]*)")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(DOCUMENTS, st.randoms(use_true_random=False), st.sampled_from(["by-cite", "all-names"]))
def test_citations_and_bibliography_never_disagree_on_year_suffixes(
    tmp_path: Path,
    en: Locale,
    document: list[tuple[list[tuple[str, str]], int]],
    random: Any,
    rule: str,
) -> None:
    items = [_item(f"i{index}", *names, year=year) for index, (names, year) in enumerate(document)]
    options = (
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        f'disambiguate-add-givenname="true" givenname-disambiguation-rule="{rule}" '
        'disambiguate-add-year-suffix="true"'
    )
    order = [item["id"] for item in items] * 2
    random.shuffle(order)
    citations, entries = _processor(tmp_path, en, items, options).process(
        [[Cite(item_id)] for item_id in order]
    )
    in_bibliography = {item_id: _SUFFIX.findall(text)[-1] for item_id, text in entries}
    for item_id, text in zip(order, citations, strict=True):
        assert _SUFFIX.findall(text)[-1] == in_bibliography[item_id]
    printed: dict[str, str] = {}
    for item_id, text in zip(order, citations, strict=True):
        assert printed.setdefault(text, item_id) == item_id, f"{text!r} is two items"


def test_given_names_are_expanded_by_position_not_by_person(tmp_path: Path, en: Locale) -> None:
    items = [
        _item("a", ("Jones", "John"), ("Jones", "John"), ("Smith", "John"), year=2000),
        _item("b", ("Jones", "John"), ("Jones", "Jane"), ("Smith", "John"), year=2000),
    ]
    options = (
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        'disambiguate-add-givenname="true"'
    )
    assert _cite_each(_processor(tmp_path, en, items, options)) == [
        "Jones, John Jones, et al. 2000",
        "Jones, Jane Jones, et al. 2000",
    ]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("all-names", ["J. Brown & J. Brown 2000", "Jane Brown 2000", "John Brown 2000"]),
        ("all-names-with-initials", ["Brown & Brown 2000", "Brown 2000", "Brown 2000"]),
        ("primary-name", ["J. Brown & Brown 2000", "Jane Brown 2000", "John Brown 2000"]),
    ],
)
def test_document_wide_rules_expand_as_the_names_register_says(
    tmp_path: Path, en: Locale, rule: str, expected: list[str]
) -> None:
    items = [
        _item("a", ("Brown", "J."), ("Brown", "J."), year=2000),
        _item("b", ("Brown", "Jane"), year=2000),
        _item("c", ("Brown", "John"), year=2000),
    ]
    options = f'disambiguate-add-givenname="true" givenname-disambiguation-rule="{rule}"'
    assert _cite_each(_processor(tmp_path, en, items, options)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('<name form="short"/>', ["A Smith 2000", "J Smith 2000"]),
        ("<name/>", ["Arthur Smith 2000", "J. Smith 2000"]),
        ('<name initialize-with=". "/>', ["A. Smith 2000", "J. Smith 2000"]),
    ],
)
def test_with_initials_rules_give_initials_even_without_initialize_with(
    tmp_path: Path, en: Locale, name: str, expected: list[str]
) -> None:
    items = [_item("a", ("Smith", "Arthur"), year=2000), _item("b", ("Smith", "J."), year=2000)]
    options = (
        'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names-with-initials"'
    )
    assert _cite_each(_processor(tmp_path, en, items, options, name=name)) == expected


def test_the_bibliography_shows_the_names_its_citations_needed(tmp_path: Path, en: Locale) -> None:
    items = [
        _item("a", ("Smith", "John"), ("Doe", "Al"), ("Roe", "Bo")),
        _item("b", ("Smith", "John"), ("Poe", "Cy"), ("Roe", "Bo")),
        _item("c", ("Smith", "J."), ("Poe", "Cy"), ("Roe", "Bo")),
    ]
    options = (
        'et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
        'disambiguate-add-givenname="true"'
    )
    processor = _processor(tmp_path, en, items, options)
    path = Path(processor.style.path)
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("<bibliography>", '<bibliography et-al-min="3" et-al-use-first="1">')
        .replace("<name/>", '<name initialize-with=". "/>'),
        encoding="utf-8",
    )
    processor = attrs.evolve(processor, style=compile_style(path.rename(tmp_path / "bib.csl")))
    citations, entries = processor.process([[Cite("a")], [Cite("b")], [Cite("c")]])
    assert citations == [
        "John Smith, Doe, et al. 1980",
        "John Smith, Poe, et al. 1980",
        "J. Smith et al. 1980",
    ]
    assert [text for _id, text in entries] == [
        "a. John Smith, A. Doe, et al. 1980",
        "b. John Smith, C. Poe, et al. 1980",
        "c. J. Smith et al. 1980",
    ]


def test_the_names_citations_added_show_in_the_entrys_first_list_only(
    tmp_path: Path, en: Locale
) -> None:
    editors = [{"family": family, "given": "Ed"} for family in ("Lee", "Kim", "Cho")]
    items = [
        _item("a", ("Smith", "John"), ("Doe", "Al"), ("Roe", "Bo"), editor=editors),
        _item("b", ("Smith", "John"), ("Poe", "Cy"), ("Roe", "Bo"), editor=editors),
    ]
    processor = _processor(tmp_path, en, items, 'et-al-min="3" et-al-use-first="1"')
    path = Path(processor.style.path)
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("<citation ", '<citation disambiguate-add-names="true" ')
        .replace("<bibliography>", '<bibliography et-al-min="3" et-al-use-first="1">')
        .replace("<name/></names>", '<name/></names><names variable="editor"/>'),
        encoding="utf-8",
    )
    processor = attrs.evolve(processor, style=compile_style(path.rename(tmp_path / "eds.csl")))
    _citations, entries = processor.process([[Cite("a")], [Cite("b")]])
    assert [text for _id, text in entries] == [
        "a. John Smith, Al Doe, et al. Ed Lee et al. 1980",
        "b. John Smith, Cy Poe, et al. Ed Lee et al. 1980",
    ]


COUNTED = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>counted</id><title>counted</title></info>
  <citation><layout><group delimiter=", ">
    <names variable="author"/><text variable="title"/>
    <choose><if disambiguate="true"><choose><if disambiguate="true">
      <text variable="edition"/></if></choose></if></choose>
    <group prefix="(" suffix=")" delimiter=", "><choose>
      <if disambiguate="true" match="none"/>
      <else><choose><if disambiguate="true"><text variable="publisher"/></if></choose>
        <text value="n.d."/></else>
    </choose></group>
  </group></layout></citation>
</style>"""


def test_disambiguate_conditions_are_added_until_all_the_tests_hold(tmp_path: Path) -> None:
    path = tmp_path / "counted.csl"
    path.write_text(COUNTED, "utf-8")
    renderer = Renderer(path, locale="en-US", engine="csl")
    first = {"id": "a", "type": "book", "title": "T", "author": [{"family": "Doe"}]}
    first["publisher"] = "P"
    second = {**first, "id": "b", "publisher": "Q"}
    assert renderer.document([[first], [second]]) == ["Doe, T, (P, n.d.)", "Doe, T, (Q, n.d.)"]


SETTINGS = st.builds(
    Settings,
    add_names=st.integers(0, 4),
    given_positions=st.lists(st.integers(0, 2), max_size=4).map(tuple),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(AUTHORS, min_size=1, max_size=3), st.lists(SETTINGS, min_size=1, max_size=12))
def test_a_remembered_cite_prints_as_a_fresh_render_would(
    tmp_path: Path, en: Locale, authors: list[list[tuple[str, str]]], trials: list[Settings]
) -> None:
    items = [_item(f"i{index}", *names) for index, names in enumerate(authors)]
    options = 'et-al-min="3" et-al-use-first="1"'
    processor = _processor(tmp_path, en, items, options)
    key = processor._key_function({item["id"]: 1 for item in items})
    remembered = cached(key)
    for index, trial in enumerate(trials):
        item_id = items[index % len(items)]["id"]
        assert remembered(item_id, trial) == key(item_id, trial).text
