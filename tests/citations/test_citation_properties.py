"""Properties of the citation API on generated records and documents."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import records

from citeform import CiteItem, Record, Renderer

STYLES = ("apa", "chicago-fullnote-bibliography", "ieee", "modern-language-association")


@cache
def _renderer(style: str) -> Renderer:
    return Renderer(style=style, locale="en-US", format="html")


@st.composite
def documents(draw: st.DrawFn) -> list[list[CiteItem]]:
    """Clusters of cite items over a few records with distinct ids."""
    pool: list[Record] = draw(st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.id))
    cite = st.builds(
        CiteItem,
        st.sampled_from(pool),
        locator=st.none() | st.sampled_from(["12", "3-5", "iv"]),
        label=st.none() | st.sampled_from(["page", "chapter"]),
        prefix=st.none() | st.just("see "),
        suffix=st.none() | st.just(", esp."),
        suppress_author=st.booleans(),
    )
    return draw(st.lists(st.lists(cite, min_size=1, max_size=3), min_size=1, max_size=4))


@settings(max_examples=25, deadline=None)
@given(style=st.sampled_from(STYLES), document=documents())
def test_one_string_per_cluster_and_the_same_again(style: str, document: Any) -> None:
    renderer = _renderer(style)
    first = renderer.document(document)
    assert len(first) == len(document)
    assert all(isinstance(text, str) for text in first)
    assert renderer.document(document) == first
