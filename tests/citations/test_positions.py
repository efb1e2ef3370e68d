"""Cite positions, worked out from clusters and note numbers alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citeform.engine.citeproc.positions import (
    FIRST,
    IBID,
    IBID_WITH_LOCATOR,
    SUBSEQUENT,
    CiteRef,
    note_numbers_or_default,
    positions,
)


def _kinds(
    clusters: list[list[CiteRef]], notes: list[int] | None = None, distance: int = 5
) -> list[list[str]]:
    numbers = note_numbers_or_default(len(clusters), notes)
    return [
        [place.position for place in cluster] for cluster in positions(clusters, numbers, distance)
    ]


A, B = CiteRef("a"), CiteRef("b")


def test_first_then_subsequent_then_ibid() -> None:
    assert _kinds([[A], [B], [A], [A]]) == [[FIRST], [FIRST], [SUBSEQUENT], [IBID]]


def test_ibid_inside_a_cluster_and_locators() -> None:
    page_1, page_2 = CiteRef("a", ("page", "1")), CiteRef("a", ("page", "2"))
    assert _kinds([[A, page_1, page_1, page_2, A]]) == [
        [FIRST, IBID_WITH_LOCATOR, IBID, IBID_WITH_LOCATOR, SUBSEQUENT]
    ]


def test_no_ibid_after_a_cluster_of_several_cites_or_a_skipped_note() -> None:
    assert _kinds([[A, B], [B]]) == [[FIRST, FIRST], [SUBSEQUENT]]
    assert _kinds([[A], [A]], notes=[1, 3]) == [[FIRST], [SUBSEQUENT]]


def test_near_note_and_first_reference_note_number() -> None:
    placed = positions([[A], [B], [A]], [1, 2, 9], near_note_distance=5)
    assert [place.near_note for cluster in placed for place in cluster] == [False, False, False]
    placed = positions([[A], [B], [A]], [1, 2, 3], near_note_distance=5)
    assert placed[2][0].near_note
    assert placed[2][0].first_note == 1
    assert placed[2][0].matches("subsequent")
    assert not placed[2][0].matches("first")


keys = st.sampled_from("abc").map(CiteRef)


@given(st.lists(st.lists(keys, max_size=4), max_size=8))
def test_each_item_is_first_exactly_once_and_ibid_only_repeats_an_item(
    clusters: list[list[CiteRef]],
) -> None:
    placed = positions(clusters, note_numbers_or_default(len(clusters), None), 5)
    flat = [
        (cite.key, place)
        for cluster, places in zip(clusters, placed, strict=True)
        for cite, place in zip(cluster, places, strict=True)
    ]
    firsts = [key for key, place in flat if place.position == FIRST]
    assert sorted(firsts) == sorted({key for key, _ in flat})
    for index, (key, place) in enumerate(flat):
        if place.position in (IBID, IBID_WITH_LOCATOR):
            assert flat[index - 1][0] == key
