import pytest
from citeprocjs_support import needs_citeproc_js

from citeform.conformance.agreement import style_path
from citeform.conformance.citeprocjs import VERSION, CiteprocJs, CiteprocJsError, Target
from citeform.conformance.documents import load_documents

pytestmark = needs_citeproc_js

ITEM = {
    "id": "a",
    "type": "book",
    "title": "The shape of rivers",
    "author": [{"family": "Smith", "given": "John"}],
    "issued": {"date-parts": [[2000]]},
}


@pytest.fixture(scope="module")
def js():
    with CiteprocJs() as process:
        yield process


def test_the_driver_loads_the_pinned_version(js):
    assert js.version() == VERSION


def test_a_bibliography_in_text_and_html(js):
    text = js.bibliography(Target(style_path("apa"), "en-US", "text"), [ITEM])
    html = js.bibliography(Target(style_path("apa"), "en-US", "html"), [ITEM])
    assert text.entries == ("Smith, J. (2000). The shape of rivers.",)
    assert text.ids == ("a",)
    assert html.entries[0].startswith('<div class="csl-entry">Smith, J. (2000). <i>')


def test_a_document_in_order_with_locators_and_flags(js):
    (document,) = [d for d in load_documents() if d.name == "narrative"]
    rendered = js.document(Target(style_path("apa"), "en-US"), document.items, document.clusters)
    assert len(rendered.citations) == len(document.clusters)
    assert rendered.citations[:2] == ("van der Berg", "(2015, p. 88)")
    assert len(rendered.entries) == len(document.items)


def test_state_does_not_leak_between_requests(js):
    target = Target(style_path("apa"), "en-US")
    twin = {**ITEM, "id": "b", "title": "Another river"}
    assert js.bibliography(target, [ITEM, twin]).entries[0].startswith("Smith, J. (2000a)")
    assert js.bibliography(target, [ITEM]).entries[0].startswith("Smith, J. (2000).")


def test_errors_name_the_style_and_keep_the_process(js, tmp_path):
    with pytest.raises(CiteprocJsError, match=r"missing\.csl"):
        js.bibliography(Target(tmp_path / "missing.csl", "en-US"), [ITEM])
    assert js.version() == VERSION


def test_timed_requests_report_milliseconds(js):
    rendered = js.bibliography(Target(style_path("ieee"), "de-DE"), [ITEM], timed=True)
    assert rendered.ms is not None
    assert rendered.ms > 0


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="no output format 'markdown'"):
        Target(style_path("apa"), "en-US", "markdown")


def test_a_batch_document_renders_every_cluster(js):
    (document,) = [d for d in load_documents() if d.name == "ibid-chain"]
    target = Target(style_path("chicago-notes-bibliography"), "en-US")
    batch = js.document(target, document.items, document.clusters, batch=True)
    one_by_one = js.document(target, document.items, document.clusters)
    assert batch.citations == one_by_one.citations
