"""fill, iter_fill and iter_fill_parallel: order, skipping, overwriting, failures, locale."""

import pickle

import pytest
from strategies import EXAMPLE_CSL

import citeform
from citeform import Origin, Record
from citeform.errors import RenderError
from citeform.filling import Filled, iter_fill, iter_fill_parallel
from citeform.rendering import Renderer
from citeform.zitierform import PREVIOUS_CITATION_KEY


def record(item_id, **variables):
    item = {"id": item_id, "type": "book", "title": f"Buch {item_id}", **variables}
    return Record.from_csl(item, Origin("csl-json", "test.json", f"item {item_id}"))


def test_fill_is_the_public_function():
    assert callable(citeform.fill)
    assert "fill" in citeform.__all__


def test_same_order_each_filled():
    records = [record(n, issued={"date-parts": [[2000 + n]]}) for n in (3, 1, 2)]
    filled = citeform.fill(records)
    assert isinstance(filled, Filled)
    assert [r.id for r in filled] == [3, 1, 2]
    assert [r.citation for r in filled] == [
        "Buch 3. (2003).",
        "Buch 1. (2001).",
        "Buch 2. (2002).",
    ]
    assert filled.errors == []


def test_language_chooses_the_locale_unless_given():
    german, english = record("de", language="de"), record("en", language="en")
    assert [r.citation for r in citeform.fill([german, english])] == [
        "Buch de. (o.\xa0J.).",
        "Buch en. (n.d.).",
    ]
    forced = citeform.fill([german], locale="en-US")
    assert forced[0].citation == "Buch de. (n.d.)."


def test_filled_zitierform_left_alone_unless_overwrite():
    existing = Record.from_csl(
        {"id": "x", "type": "book", "title": "Buch", "custom": {"dspace_citation": "Alt."}}
    )
    assert citeform.fill([existing])[0] is existing
    replaced = citeform.fill([existing], overwrite=True)[0]
    assert replaced.citation == "Buch. (n.d.)."
    assert replaced.custom[PREVIOUS_CITATION_KEY] == "Alt."


def test_overwrite_with_the_same_text_is_a_skip():
    done = citeform.fill([record(1)])[0]
    outcome = next(iter_fill([done], overwrite=True))
    assert outcome.status == "skipped"
    assert outcome.record is done


def test_a_record_that_cannot_be_rendered_is_reported_and_left_unfilled():
    untitled = Record.from_csl({"id": "u", "type": "book"}, Origin("csl-json", "in.json", "item 2"))
    filled = citeform.fill([record(1), untitled, record(3)])
    assert [r.citation is not None for r in filled] == [True, False, True]
    (error,) = filled.errors
    assert isinstance(error, RenderError)
    assert (error.source, error.position) == ("in.json", "item 2")
    with pytest.raises(RenderError):
        citeform.fill([record(1), untitled], strict=True)


def test_engine_failure_of_one_record_does_not_stop_the_batch(monkeypatch):
    renderer = Renderer()
    real_entry = renderer.entry

    def flaky(item):
        if item.id == 2:
            raise ZeroDivisionError("boom")
        return real_entry(item)

    monkeypatch.setattr(renderer, "entry", flaky)
    outcomes = list(iter_fill([record(1), record(2), record(3)], renderer))
    assert [o.status for o in outcomes] == ["filled", "failed", "filled"]
    assert "ZeroDivisionError: boom" in str(outcomes[1].error)


def test_holdings_and_serial_publisher_withheld_by_default():
    article = Record.from_csl(EXAMPLE_CSL)
    (default,) = citeform.fill([article], style="din-1505-2")
    assert "Köln" not in default.citation
    assert "ZLB" not in citeform.fill([article])[0].citation
    assert default.get("archive") == "ZLB"  # kept in the record
    everything = citeform.fill([article], style="din-1505-2", policy=None)[0].citation
    assert "Köln" in everything


def test_iter_fill_consumes_records_lazily():
    taken = []

    def source():
        for n in range(5):
            taken.append(n)
            yield record(n)

    outcomes = iter_fill(source())
    next(outcomes)
    assert taken == [0]


def test_renderer_pickles_and_parallel_gives_the_serial_result():
    renderer = pickle.loads(pickle.dumps(Renderer("apa", "de-DE")))
    records = [record(n) for n in range(7)] + [Record.from_csl({"id": "u", "type": "book"})]
    serial = list(iter_fill(records, renderer))
    parallel = list(iter_fill_parallel(records, renderer, 2, chunk_size=3))
    assert [o.record for o in parallel] == [o.record for o in serial]
    assert [o.status for o in parallel] == ["filled"] * 7 + ["failed"]
