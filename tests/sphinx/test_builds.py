"""Build small projects with citeform.sphinx and look at the citations and bibliographies."""

from __future__ import annotations

import os
import re
import time

from citeform.styles import resolve_style


def build(make_app, src, builder="html", *, strict=False, **kwargs):
    """Build *src*; with *strict*, as ``-W`` does, any warning fails."""
    app = make_app(builder, srcdir=src, warningiserror=strict, **kwargs)
    app.build()
    if strict:
        assert app.warning.getvalue() == ""
    return app


def page(app, name):
    suffix = ".html" if app.builder.name == "html" else ".txt"
    return (app.outdir / f"{name}{suffix}").read_text(encoding="utf-8")


def test_german_din_citations_link_to_their_entries(make_app, project):
    src = project('citeform_style = "din-1505-2"\nlanguage = "de"\n')
    app = build(make_app, src, strict=True)
    index = page(app, "index")
    assert 'href="#cite-keller2019"><span class="csl-small-caps">Keller</span> &amp; ' in index
    assert "Weber</span>, 2019, S. 23</a>" in index
    assert '<span class="target" id="cite-keller2019"></span>' in index
    assert "Normen für Literaturangaben &amp; &lt;Quellen&gt;" in index
    assert "<em>Zitieren in der Praxis</em>. Berlin" in index
    second = page(app, "second")
    # English labels are read in a German document; each cite links to its own entry.
    assert (
        'href="index.html#cite-mueller2020a">see <span class="csl-small-caps">Müller</span>'
        in second
    )
    assert ", 2020, Kap. 4, passim</a>" in second
    assert 'href="index.html#cite-keller2019"' in second


def test_note_style_puts_citations_in_footnotes(make_app, project):
    src = project('citeform_style = "chicago-notes-bibliography"\nlanguage = "de"\n')
    app = build(make_app, src, strict=True)
    index = page(app, "index")
    assert 'class="footnote-reference brackets"' in index
    note = re.search(r'<aside class="footnote brackets".*?</aside>', index, re.DOTALL).group(0)
    assert (
        "Anna Keller und Jonas Weber, <em>Zitieren in der Praxis</em> (Beispielverlag, 2019), 23"
        in note
    )
    assert 'href="#cite-keller2019"' in note
    # The narrative role names the authors in the text, the note holds the citation.
    assert 'href="#cite-mueller2020a">Petra Müller</a><a class="footnote-reference' in index


def test_text_builder_and_myst_narrative(make_app, project):
    src = project()
    app = build(make_app, src, "text", strict=True)
    index = page(app, "index")
    assert "(Keller & Weber, 2019, p. 23)" in index
    assert "Müller (2020)" in index
    assert "Müller, P. (2020). Normen für Literaturangaben & <Quellen>." in index
    third = " ".join(page(app, "third").split())
    assert "MyST cites Keller & Weber (2019) and (" in third
    assert "Keller & Weber, 2019" in third
    assert "Müller, 2020" in third


def test_unknown_key_warns_with_document_and_line(make_app, project):
    pages = {"index.rst": "Start\n=====\n\nIntro.\n\nText :cite:p:`nokey2000`.\n"}
    src = project(pages=pages)
    app = build(make_app, src)
    warnings = app.warning.getvalue()
    assert "index.rst:6: WARNING: unknown cite key 'nokey2000'" in warnings
    assert "nokey2000" in page(app, "index")


def test_changed_source_is_read_again(make_app, project):
    src = project()
    build(make_app, src)
    bib = src / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("Praxis", "Theorie"), encoding="utf-8")
    later = time.time() + 5
    os.utime(bib, (later, later))
    app = build(make_app, src)
    assert "<em>Zitieren in der Theorie</em>" in page(app, "index")


def test_parallel_build_renders_as_serial(make_app, project, tmp_path):
    src = project('citeform_style = "ieee"\n')
    serial = build(make_app, src, builddir=tmp_path / "serial")
    parallel = build(make_app, src, builddir=tmp_path / "parallel", parallel=2)
    for name in ("index", "second", "third"):
        assert page(parallel, name) == page(serial, name)
    # Numbered across the project in build order: keller2019 is cited first, on the index.
    assert 'href="index.html#cite-mueller2020a">see [2, Ch. 4], passim</a>' in page(
        serial, "second"
    )
    assert "[1]" in page(serial, "second")


def test_pages_whose_numbers_change_are_written_again(make_app, project):
    src = project('citeform_style = "ieee"\n')
    build(make_app, src)
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("keller2019, p. 23", "mueller2020a"))
    app = build(make_app, src)
    # second.rst is not read again, yet its numbers follow the index's new first cite.
    assert 'href="index.html#cite-keller2019">[2]</a>' in page(app, "second")


def test_migration_from_sphinxcontrib_bibtex_reads_bibtex_bibfiles(make_app, project):
    heading = "After :cite:t:`keller2019`\n==========================\n\n"
    src = project(pages={"index.rst": f"{heading}:cite:p:`keller2019`\n\n.. bibliography::\n"})
    conf = src / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace("citeform_sources", "bibtex_bibfiles"),
        encoding="utf-8",
    )
    app = build(make_app, src, "text", strict=True)
    assert "After Keller & Weber (2019)" in page(app, "index")  # a heading may cite
    assert "(Keller & Weber, 2019)" in page(app, "index")


def test_latex_notes_link_to_labelled_entries(make_app, project):
    src = project('citeform_style = "chicago-notes-bibliography"\nlanguage = "de"\n')
    app = build(make_app, src, "latex", strict=True)
    (tex,) = app.outdir.glob("*.tex")
    latex = tex.read_text(encoding="utf-8")
    assert r"\begin{footnote}" in latex
    assert r"\hyperref[\detokenize{index:cite-keller2019}]" in latex
    assert r"\label{\detokenize{index:cite-keller2019}}" in latex
    assert r"\sphinxstyleemphasis{Zitieren in der Praxis}" in latex


HOSTILE_BIB = r"""
@online{evil, author = {<script>alert(1)</script>},
  title = {<img src=x onerror=alert(2)> \& {<b>bold</b>}},
  url = {javascript:alert(3)}, date = {2020}}
"""


def test_markup_in_records_stays_text(make_app, project):
    pages = {"index.rst": "Start\n=====\n\n:cite:t:`evil`\n\n.. bibliography::\n"}
    src = project(pages=pages, bib=HOSTILE_BIB)
    app = build(make_app, src, strict=True)
    index = page(app, "index")
    body = index[index.index("<h1") :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body
    assert "<img" not in body
    assert "<b>bold" not in body
    assert 'href="javascript:' not in body


def test_a_style_file_in_the_project(make_app, project):
    src = project('citeform_style = "styles/house.csl"\n')
    (src / "styles").mkdir()
    (src / "styles" / "house.csl").write_bytes(resolve_style("apa").path.read_bytes())
    (src / "second.rst").write_text(
        "Second\n======\n\n:cite:p:`keller2019`\n\n"
        ".. bibliography::\n   :style: /styles/house.csl\n   :scope: document\n"
    )
    app = build(make_app, src, "text", strict=True)
    assert "(Keller & Weber, 2019, p. 23)" in page(app, "index")
    assert "Keller, A., & Weber, J. (2019). *Zitieren in der Praxis*." in page(app, "second")
