"""Running fixtures through the public API under both counts."""

from __future__ import annotations

import time
from pathlib import Path

from conformance_helpers import ITEMS, STYLE, write_fixture

from citeform.conformance.suite import guarded, normalise, run_fixture


def test_normalise_forgives_div_whitespace_line_ends_and_named_entities() -> None:
    produced = '<div class="csl-bib-body"><div class="csl-entry">A &amp; B</div></div>'
    expected = '<div class="csl-bib-body">\n  <div class="csl-entry">A &#38; B</div>\n</div>'
    assert normalise(produced) == normalise(expected)
    assert normalise("  a  b \n c ") == "a  b\nc"


def test_a_citation_fixture_passes_under_both_counts(tmp_path: Path) -> None:
    result = run_fixture(
        write_fixture(tmp_path, "x_Plain", "citation", "(Doe 2001; Roe 2002)"), tmp_path
    )
    assert result.simple.passed, result.simple
    assert result.full.passed, result.full


def test_without_citation_items_all_items_are_cited_in_bibliography_order(tmp_path: Path) -> None:
    sorted_style = STYLE.replace(
        "<bibliography>", '<bibliography><sort><key variable="title"/></sort>'
    )
    path = write_fixture(
        tmp_path,
        "x_Sorted",
        "citation",
        "(Doe 2001; Roe 2002)",
        csl=sorted_style,
        items=list(reversed(ITEMS)),
    )
    result = run_fixture(path, tmp_path, engine="csl")
    assert result.full.passed, result.full


def test_a_bibliography_fixture_is_wrapped_as_citeproc_js_writes_it(tmp_path: Path) -> None:
    expected = (
        '<div class="csl-bib-body">\n<div class="csl-entry"><i>Alpha</i></div>\n'
        '<div class="csl-entry"><i>Beta</i></div>\n</div>'
    )
    result = run_fixture(write_fixture(tmp_path, "x_Bib", "bibliography", expected), tmp_path)
    assert result.simple.passed, result.simple


def test_cite_options_fail_the_simple_count_but_not_the_full_one(tmp_path: Path) -> None:
    clusters = [[{"id": "a", "prefix": "see "}]]
    path = write_fixture(
        tmp_path, "x_Affix", "citation", "(see Doe 2001)", extra={"CITATION-ITEMS": clusters}
    )
    result = run_fixture(path, tmp_path)
    assert not result.simple.passed
    assert result.simple.error == "not expressible with the simple API"
    assert result.full.passed, result.full


def test_citations_are_replayed_with_markers_for_the_last_call(tmp_path: Path) -> None:
    calls = [
        [
            {"citationID": "C1", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 1}},
            [],
            [],
        ],
        [
            {"citationID": "C2", "citationItems": [{"id": "b"}], "properties": {"noteIndex": 2}},
            [["C1", 1]],
            [],
        ],
    ]
    path = write_fixture(
        tmp_path,
        "x_Calls",
        "citation",
        "..[0] (Doe 2001)\n>>[1] (Roe 2002)",
        extra={"CITATIONS": calls},
    )
    assert run_fixture(path, tmp_path).full.passed


def test_a_crash_is_a_failure_named_by_its_kind() -> None:
    def crash() -> str:
        raise KeyError("boom")

    outcome = guarded(crash, "", timeout=5)
    assert not outcome.passed
    assert outcome.error is not None
    assert outcome.error.startswith("KeyError")


def test_a_hang_is_cut_off_by_the_time_limit() -> None:
    def hang() -> str:
        time.sleep(5)
        return ""

    outcome = guarded(hang, "", timeout=0.2)
    assert outcome == outcome.__class__(passed=False, error="timeout")


def test_a_broken_style_fails_its_fixture_only(tmp_path: Path) -> None:
    path = write_fixture(tmp_path, "x_Broken", "citation", "", csl="<style")
    result = run_fixture(path, tmp_path)
    assert not result.simple.passed
    assert not result.full.passed
