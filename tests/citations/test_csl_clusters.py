"""Clusters in citeform's own CSL engine: positions, cite order, locator labels, collapsing."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.csl.cluster_sort import Grouping, sort_cites
from citeform.engine.csl.collapse import spliced
from citeform.engine.csl.locators import LABEL_ABBREVIATIONS, NO_PRINTED_FORM, parsed_locator
from citeform.engine.csl.positions import PositionTracker
from citeform.engine.csl.rich import DEFAULT_QUOTES, Rich, flatten
from citeform.rendering import CiteItem, Renderer


@attrs.frozen
class _Cite:
    item_id: str
    locator: str | None = None
    label: str | None = None
    author_only: bool = False


def _positions(clusters: list[list[_Cite]], notes: list[int]) -> list[list[str]]:
    tracker = PositionTracker()
    return [
        [data.position for data in tracker.cluster(cites, note)]
        for cites, note in zip(clusters, notes, strict=True)
    ]


A, B = _Cite("a"), _Cite("b")


def test_running_text_and_notes_are_separate_streams() -> None:
    assert _positions([[A], [B], [A]], [0, 1, 0]) == [["first"], ["first"], ["ibid"]]


def test_no_ibid_after_a_note_that_holds_several_cites() -> None:
    assert _positions([[A], [B], [B], [B]], [1, 1, 2, 3]) == [
        ["first"],
        ["first"],
        ["subsequent"],
        ["ibid"],
    ]


def test_locators_turn_ibid_into_ibid_with_locator_or_subsequent() -> None:
    page_12, page_13 = _Cite("a", "12", "page"), _Cite("a", "13", "page")
    assert _positions([[page_12], [A], [page_13], [page_13]], [1, 2, 3, 4]) == [
        ["first"],
        ["subsequent"],
        ["ibid-with-locator"],
        ["ibid"],
    ]
    assert _positions([[A, page_12, page_12, A]], [1]) == [
        ["first", "ibid-with-locator", "ibid", "subsequent"]
    ]


def test_an_author_only_cite_takes_its_position_as_any_cite() -> None:
    only = _Cite("a", author_only=True)
    assert _positions([[A], [only], [B], [only]], [1, 2, 3, 4]) == [
        ["first"],
        ["ibid"],
        ["first"],
        ["subsequent"],
    ]


cites = st.builds(_Cite, st.sampled_from("abc"), st.sampled_from([None, "1", "2"]))


@given(st.lists(st.lists(cites, min_size=1, max_size=4), max_size=8), st.data())
def test_first_exactly_once_and_ibid_only_after_the_same_item(
    clusters: list[list[_Cite]], data: st.DataObject
) -> None:
    notes = sorted(data.draw(st.lists(st.integers(0, 9), min_size=len(clusters))))
    notes = notes[: len(clusters)]
    seen: set[tuple[bool, str]] = set()
    previous: list[_Cite] = []
    placed = _positions(clusters, notes)
    for cluster, positions, note in zip(clusters, placed, notes, strict=True):
        for index, (cite, position) in enumerate(zip(cluster, positions, strict=True)):
            key = (bool(note), cite.item_id)
            assert (position == "first") == (key not in seen)
            seen.add(key)
            if position.startswith("ibid"):
                before = cluster[:index] or previous
                assert cite.item_id in {c.item_id for c in before}
        previous = cluster


@given(st.lists(st.tuples(st.sampled_from("xyz"), st.integers(0, 3)), max_size=8))
def test_cite_sort_is_stable_and_grouped_sort_keeps_names_together(
    pairs: list[tuple[str, int]],
) -> None:
    keyed = list(enumerate(pairs))
    plain = sort_cites(keyed, lambda cite: [(0, cite[1][1])], [False])
    assert plain == sorted(keyed, key=lambda cite: cite[1][1])
    grouping = Grouping(
        names=lambda cite: (0, cite[1][0]),
        run_key=lambda cite, place: (0, (cite[1][1], place)),
    )
    grouped = sort_cites(keyed, lambda cite: [(0, cite[1][1])], [False], grouping)
    assert sorted(grouped) == keyed
    names = [cite[1][0] for cite in grouped]
    runs = [name for index, name in enumerate(names) if not index or names[index - 1] != name]
    assert len(runs) == len(set(names))


@pytest.mark.parametrize("descending", [False, True])
def test_a_cite_without_the_keys_value_sorts_last_either_way(descending: bool) -> None:
    keyed = [("none", (1, "")), ("old", (0, 1999)), ("new", (0, 2000))]
    ordered = sort_cites(keyed, lambda cite: [cite[1]], [descending])
    names = [name for name, _ in ordered]
    assert names == (["new", "old", "none"] if descending else ["old", "new", "none"])


@given(
    st.sampled_from(sorted(LABEL_ABBREVIATIONS)), st.from_regex(r"[0-9ivx]{1,4}", fullmatch=True)
)
def test_a_leading_label_abbreviation_becomes_the_label(abbreviation: str, rest: str) -> None:
    cite = _Cite("a", f"{abbreviation}. {rest}", "page")
    parsed = parsed_locator(cite, {"type": "book"})
    assert (parsed.locator, parsed.label) == (rest, LABEL_ABBREVIATIONS[abbreviation])
    assert parsed_locator(cite, {"type": "legislation"}) == cite


def test_a_leading_label_stays_when_the_cite_names_another_label() -> None:
    cite = _Cite("a", "n. 3", "chapter")
    assert parsed_locator(cite, {"type": "book"}) == cite
    assert parsed_locator(_Cite("a", "n. 3", "note"), {"type": "book"}).locator == "3"


def _item(key: str, family: str | None, year: int, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"id": key, "type": "book", "title": f"Title {key}", **extra}
    item["issued"] = {"date-parts": [[year]]}
    if family:
        item["author"] = [{"family": family, "given": "Max"}]
    return item


def test_numeric_author_only_prints_no_printed_form() -> None:
    renderer = Renderer("ieee", locale="en-US", engine="csl")
    item = _item("a", "Weber", 1922)
    assert renderer.document([[CiteItem(item, author_only=True)]]) == [NO_PRINTED_FORM]


def test_year_suffixes_collapse_and_nameless_cites_follow_the_group() -> None:
    weber_a = _item("w1", "Weber", 1922)
    weber_b = _item("w2", "Weber", 1922, title="Other")
    case = _item("c", None, 1990, type="legal_case")
    kim = _item("k", "Kim", 2023)
    renderer = Renderer("springer-basic-author-date", locale="en-US", engine="csl")
    cited = renderer.document([[kim, case, weber_a, weber_b]])
    assert cited == ["(Weber 1922a, b, 1990; Kim 2023)"]


def test_same_names_collapse_only_when_adjacent_in_an_unsorted_citation() -> None:
    first, second = _item("s1", "Smith", 2000), _item("s2", "Smith", 2001)
    other = _item("o", "Jones", 2005)
    renderer = Renderer("chicago-author-date", locale="en-US", engine="csl")
    assert renderer.document([[first, other, second], [first, second]]) == [
        "(Smith 2000; Jones 2005; Smith 2001)",
        "(Smith 2000, 2001)",
    ]


def test_author_only_keeps_the_terms_and_labels_that_follow_the_names() -> None:
    edited = _item("e", "van der Berg", 2015, edition="2")
    renderer = Renderer("chicago-notes-bibliography", locale="en-US", engine="csl")
    assert renderer.document([[CiteItem(edited, author_only=True)]]) == ["Max van der Berg, ed."]


def test_punctuation_after_an_escaped_character_is_kept_in_html() -> None:
    node = Rich(("see <https://example.org>", ".", "; next"))
    assert flatten(node, DEFAULT_QUOTES, "html") == "see &#60;https://example.org&#62;.; next"
    assert flatten(node, DEFAULT_QUOTES, "text") == "see <https://example.org>.; next"


@attrs.frozen
class _Affixed:
    prefix: str | None = None
    suffix: str | None = None


@given(st.text(max_size=4), st.text(max_size=4), st.sampled_from(["; ", ", ", ";"]))
def test_the_delimiter_shortens_only_next_to_affix_punctuation(
    suffix: str, prefix: str, delimiter: str
) -> None:
    between = spliced(delimiter, _Affixed(suffix=suffix or None), _Affixed(prefix=prefix or None))
    if suffix[-1:] in {";", ".", ","}:
        assert between == (delimiter[delimiter.find(" ") :] if " " in delimiter else "")
    elif not suffix and prefix[:1] in {";", ".", ","}:
        assert between == ""
    else:
        assert between == delimiter


def test_page_range_format_shortens_only_page_locators() -> None:
    item = _item("r", "Weber", 1922, title="Memory")
    renderer = Renderer("chicago-notes-bibliography", locale="en-US", engine="csl")
    cited = renderer.document(
        [
            [CiteItem(item, locator="363-383", label="page")],
            [CiteItem(item, locator="142-162", label="section")],
        ]
    )
    assert cited == [
        "Max Weber, Memory (1922), 363\u201383.",
        "Weber, Memory, secs. 142\u2013162.",
    ]


def test_author_only_keeps_the_cite_prefix_and_suffix() -> None:
    item = _item("p", "Weber", 1922)
    renderer = Renderer("chicago-notes-bibliography", locale="en-US", engine="csl")
    cite = CiteItem(item, prefix="see ", suffix=", emphasis added", author_only=True)
    assert renderer.document([[cite]]) == ["see Max Weber, emphasis added"]


def test_a_later_author_only_cite_without_names_prints_its_substitute() -> None:
    item = _item("t", None, 1922, title="Water of Rivers", publisher="Harbour Press")
    renderer = Renderer("chicago-notes-bibliography", locale="en-US", engine="csl")
    cited = renderer.document([[item], [CiteItem(item, prefix="cf. ", author_only=True)]])
    assert cited == ["Water of Rivers (Harbour Press, 1922).", "cf. Water of Rivers"]


def test_numeric_author_only_prints_its_affixes_alone() -> None:
    renderer = Renderer("ieee", locale="en-US", engine="csl")
    item = _item("a", "Weber", 1922)
    cited = renderer.document(
        [[CiteItem(item, prefix="see ", suffix=" (reprint)", author_only=True)]]
    )
    assert cited == ["see  (reprint)"]


def test_a_locator_the_style_does_not_print_leaves_a_number_range_whole() -> None:
    items = [_item(key, name, 2000) for key, name in (("a", "Weber"), ("b", "Kim"), ("c", "Li"))]
    renderer = Renderer("nature", locale="en-US", engine="csl")
    cites = [CiteItem(items[0], locator="5", label="figure"), items[1], items[2]]
    assert renderer.document([cites]) == ["1\u20133"]


def test_a_nameless_cite_that_tried_a_text_variable_does_not_collapse() -> None:
    named = _item("n", "Smith", 2017)
    nameless = {"id": "x", "type": "article-journal"}
    renderer = Renderer("harvard-cite-them-right", locale="en-US", engine="csl")
    cited = renderer.document([[named, CiteItem(nameless, prefix="vgl. ")]])
    assert cited == ["(Smith, 2017; vgl. no date)"]
