import json

import pytest

from citeform.conformance import __main__ as runner
from citeform.conformance.citations import CITATION_STYLES, compare_clusters
from citeform.conformance.citeprocjs import unavailable_reason
from citeform.conformance.documents import cite_to_json, load_documents
from citeform.conformance.engines import make_renderer
from citeform.rendering import Renderer


def test_documents_resolve_their_items_and_keep_both_sets():
    documents = load_documents()
    assert {d.set for d in documents} == {"development", "held-out"}
    for document in documents:
        ids = {str(item["id"]) for item in document.items}
        cited = {cite.record["id"] for cluster in document.clusters for cite in cluster.cites}
        assert ids == cited


def test_documents_exercise_every_cite_option():
    cites = [c for d in load_documents() for cluster in d.clusters for c in cluster.cites]
    assert any(c.locator and c.label for c in cites)
    assert any(c.prefix for c in cites)
    assert any(c.suffix for c in cites)
    assert any(c.suppress_author for c in cites)
    assert any(c.author_only for c in cites)


def test_cite_json_has_citeproc_js_keys():
    (document,) = [d for d in load_documents() if d.name == "narrative"]
    first, second = document.clusters[0].cites[0], document.clusters[1].cites[0]
    assert cite_to_json(first) == {"id": "berg-2015", "author-only": True}
    assert cite_to_json(second) == {
        "id": "berg-2015",
        "locator": "88",
        "label": "page",
        "suppress-author": True,
    }


def test_a_document_renders_one_string_per_cluster():
    document = load_documents(sets=("development",))[0]
    texts = document.render(Renderer("chicago-author-date", "en-US"))
    assert len(texts) == len(document.clusters)
    assert all(texts)


def test_clusters_compare_position_by_position():
    result = compare_clusters(
        "s", "en-US", "text", ["(A 2000)", "(B  2001)"], ["(A 2000)", "(B 2002)"]
    )
    assert (result.matches, result.total) == (1, 2)
    assert result.missing == ("(B  2001)",)
    assert result.surplus == ("(B 2002)",)


def test_citation_styles_are_many_and_of_every_class():
    assert len(CITATION_STYLES) >= 15


def test_make_renderer_without_engine_is_the_renderer():
    renderer = make_renderer("apa", "en-US", "text")
    assert isinstance(renderer, Renderer)
    assert make_renderer("apa", "en-US", "text", "csl").engine_name == "csl"


def test_make_renderer_names_an_unknown_engine():
    with pytest.raises(ValueError, match="unknown engine 'nope'"):
        make_renderer("apa", "en-US", "text", "nope")


@pytest.mark.skipif(unavailable_reason() is not None, reason=f"{unavailable_reason()}")
def test_the_runner_measures_citations_per_style_and_locale(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "CITATION_STYLES", ("ieee",))
    monkeypatch.setattr(runner, "CITATION_LOCALES", ("de-DE",))
    out = tmp_path / "figures.json"
    assert runner.main([str(tmp_path), "--only", "citations", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) == {
        "citations.text",
        "citations.html",
        "citations.text.ieee.de-DE",
        "citations.html.ieee.de-DE",
    }
    assert figures["citations.text"] > 0.5
