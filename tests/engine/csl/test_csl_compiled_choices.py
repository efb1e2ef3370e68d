"""Decisions the compiler makes once must match the rules applied per render.

``cs:choose`` decides its type-only branches per item type at compile time; date values are
read once and shared. Both are checked against the plain rules on generated cases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from citeform.engine.csl import dates
from citeform.engine.csl.engine import CslEngine

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text value="X"/><choose>{branches}</choose></layout></bibliography>
</style>"""
TYPES = ("book", "chapter", "report", "thesis")
"""Item types the branches name (an item may have one of them, another or none)."""

Branch = tuple[str, frozenset[str], str]
"""What a branch tests (``type`` or ``note``), the types it names and its ``match``."""

type_branches = st.tuples(
    st.just("type"),
    st.frozensets(st.sampled_from(TYPES), min_size=1),
    st.sampled_from(["any", "all", "none"]),
)
note_branches = st.tuples(st.just("note"), st.just(frozenset[str]()), st.just("all"))


def _holds(branch: Branch, item: dict[str, Any]) -> bool:
    """Whether *branch* holds for *item*, by the rules of ``cs:if``."""
    kind, types, match = branch
    if kind == "note":
        return "note" in item
    return (item.get("type") in types) != (match == "none")


def _element(tag: str, branch: Branch, index: int) -> str:
    body = f'<text value="B{index}"/>'
    kind, types, match = branch
    if kind == "note":
        return f'<{tag} variable="note">{body}</{tag}>'
    return f'<{tag} type="{" ".join(sorted(types))}" match="{match}">{body}</{tag}>'


@settings(max_examples=40, deadline=None)
@given(
    branches=st.lists(st.one_of(type_branches, note_branches), min_size=1, max_size=4),
    otherwise=st.booleans(),
    kind=st.sampled_from([*TYPES, "article", None]),
    note=st.booleans(),
)
def test_a_choose_picks_the_first_branch_that_holds(
    tmp_path_factory: Any, branches: list[Branch], otherwise: bool, kind: str | None, note: bool
) -> None:
    elements = [
        _element("if" if index == 0 else "else-if", branch, index)
        for index, branch in enumerate(branches)
    ]
    if otherwise:
        elements.append('<else><text value="E"/></else>')
    path: Path = tmp_path_factory.mktemp("choose") / "style.csl"
    path.write_text(STYLE.format(branches="".join(elements)), "utf-8")
    item: dict[str, Any] = {"id": "a", "title": "T"}
    if kind is not None:
        item["type"] = kind
    if note:
        item["note"] = "n"
    chosen = next(
        (f"B{index}" for index, branch in enumerate(branches) if _holds(branch, item)),
        "E" if otherwise else "",
    )
    [entry] = CslEngine(path, "en-US", "text").bibliography([item])
    assert entry.text == "X" + chosen


date_parts = st.lists(
    st.lists(st.one_of(st.integers(-50, 2100), st.sampled_from(["", "5", " 7", "x"])), max_size=4),
    max_size=3,
)
date_values = st.dictionaries(
    st.sampled_from(["date-parts", "raw", "literal", "season", "circa"]),
    st.one_of(date_parts, st.text(max_size=12), st.integers(0, 5), st.booleans()),
)


@given(date_values)
def test_a_date_read_once_is_the_date_read_anew(value: dict[str, Any]) -> None:
    assert dates.parse_date(value) == dates._parse(value)
    assert dates.parse_date(value) == dates._parse(value)  # the shared result too
