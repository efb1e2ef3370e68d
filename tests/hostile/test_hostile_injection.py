"""Data that tries to become code in citeform's outputs.

* HTML (and Markdown, RTF) citations escape the data: a ``<script>`` in a title, a
  name or a container stays text. Only CSL's own rich-text tags (``<i>``, ``<b>``,
  ``<sup>``, ``<sub>``, ``<span>`` for small caps and ``nocase``) are markup.
* BibTeX and biblatex output cannot smuggle TeX into a document: a document citing
  every hostile entry is compiled with the real pdfLaTeX and BibTeX (or biber),
  with ``-no-shell-escape`` and ``-recorder``; the recorder's list of files read
  must not name the canary file the fields point at, and no shell command may run.
* DSpace CSV output is safe to open in a spreadsheet: no cell starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile_support import is_registered
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

import citeform
from citeform import Date, Name, Record

SCRIPT_VALUES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<span class="nocase" onclick="alert(1)">x</span>',
    '<i onmouseover="alert(1)">x</i>',
    "</div><script>alert(1)</script><div>",
    "<!-- x --><iframe src=//x>",
    "&lt;script&gt; &amp; &#60;b&#62;",
    '"><svg onload=alert(1)>',
]

HTML_FIELDS = ("title", "container-title", "publisher", "note", "URL")


def hostile_record(value: str, item_id: str = "h") -> Record:
    """A record carrying *value* in its title, container, publisher, note, URL and names."""
    variables: dict[str, object] = dict.fromkeys(HTML_FIELDS, value)
    variables["author"] = [Name(family=value, given=value[:3] or "A")]
    variables["editor"] = [Name.corporate(value)]
    variables["issued"] = Date.of(2020)
    return Record.build("article-journal", variables, id=item_id)


_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z0-9]+)([^>]*)>")
ALLOWED_TAGS = {"div", "i", "b", "sup", "sub", "span"}
_ALLOWED_ATTRIBUTE = re.compile(
    r'\s*(?:class="csl-[a-z-]+"|class="nocase"|style="[a-z-]+:\s*[a-z-]+;?")\s*'
)


def assert_only_csl_markup(html: str) -> None:
    """Every tag in *html* is a CSL rich-text tag with harmless attributes, all balanced."""
    open_tags: list[str] = []
    for closing, name, attributes in _TAG.findall(html):
        assert name in ALLOWED_TAGS, f"tag <{name}> in {html!r}"
        if closing:
            assert open_tags, f"</{name}> closes nothing in {html!r}"
            assert open_tags.pop() == name, f"</{name}> out of order in {html!r}"
        else:
            assert not attributes.strip() or _ALLOWED_ATTRIBUTE.fullmatch(attributes), (
                f"attributes {attributes!r} in {html!r}"
            )
            open_tags.append(name)
    assert not open_tags, f"unclosed {open_tags} in {html!r}"


@pytest.fixture(scope="module")
def html_renderers():
    return [citeform.Renderer(style, locale="en-US", format="html") for style in ("apa", "ieee")]


@pytest.mark.parametrize("value", SCRIPT_VALUES)
def test_html_bibliography_and_citation_escape_the_data(html_renderers, value):
    record = hostile_record(value)
    for renderer in html_renderers:
        entries = renderer.bibliography([record])
        assert not entries.errors
        (entry,) = entries
        assert_only_csl_markup(entry)
        assert_only_csl_markup(renderer.citation([record]))


@settings(max_examples=examples(60))
@given(value=st.text(alphabet="<>/&;\"'= abiscrptdvonel:#x\\{}", min_size=1, max_size=40))
def test_html_output_never_holds_markup_from_the_data(html_renderers, value):
    if not value.strip():
        return
    for renderer in html_renderers:
        for entry in renderer.bibliography([hostile_record(value.strip())]):
            assert_only_csl_markup(entry)


@pytest.mark.parametrize("value", SCRIPT_VALUES)
def test_markdown_output_escapes_tags_and_links(value):
    entry = citeform.Renderer("apa", locale="en-US", format="markdown").entry(hostile_record(value))
    assert not re.search(r"(?<!\\)<[a-zA-Z/!]", entry), entry
    assert not re.search(r"(?<!\\)\]\(", entry), entry


@pytest.mark.parametrize(
    "value", ['}{\\field{\\*\\fldinst HYPERLINK "http://x"}}', "\\par\\pard evil", "{\\object}"]
)
def test_rtf_output_escapes_control_words_and_groups(value):
    record = Record.build("book", {"title": value, "issued": Date.of(2020)}, id="r")
    entry = citeform.Renderer("apa", locale="en-US", format="rtf").entry(record)
    unescaped = re.sub(r"\\[\\{}]", "", entry)
    assert "\\field" not in unescaped
    assert "\\par" not in unescaped
    assert "\\object" not in unescaped
    assert unescaped.count("{") == unescaped.count("}")


# --- BibTeX and biblatex ----------------------------------------------------------

TEX_TOOLS = ("pdflatex", "bibtex", "biber")
tex_missing = [tool for tool in TEX_TOOLS if shutil.which(tool) is None]
needs_tex = pytest.mark.skipif(bool(tex_missing), reason=f"TeX not installed: {tex_missing}")


def tex_attacks(canary: Path) -> list[str]:
    """TeX that would read *canary* (or run a shell command) if it reached a document."""
    path = canary.with_suffix("").as_posix()
    return [
        rf"\input{{{path}}}",
        rf"\InputIfFileExists{{{path}}}{{}}{{}}",
        rf"}}\input{{{path}}}{{",
        rf"\csname input\endcsname{{{path}}}",
        rf"^^5cinput^^7b{path}^^7d",
        rf"\\input{{{path}}}",
        rf"\@@input {path} ",
        r"\immediate\write18{touch pwned}",
        r"\write18{touch pwned}",
        r"\catcode`\^^5c=0 \def\x{y}",
        "unbalanced } closing",
        "unbalanced { opening",
        "% a comment that eats the closing brace }",
        '\n@preamble{"\\input{' + path + '}"}\n',
    ]


def text_records(canary: Path) -> list[Record]:
    """Hostile TeX in the text fields and names of one record each."""
    return [
        Record.build(
            "article-journal",
            {
                "title": attack,
                "container-title": attack,
                "publisher": attack,
                "note": attack,
                "author": [Name(family=attack, given="Erika"), Name.corporate(attack)],
                "issued": Date.of(2020),
            },
            id=f"text{index}",
        )
        for index, attack in enumerate(tex_attacks(canary))
    ]


def link_records(canary: Path, attacks: list[str] | None = None) -> list[Record]:
    """Hostile TeX (*attacks*, default all) in the fields written verbatim: URL and DOI."""
    return [
        Record.build(
            "article-journal",
            {
                "title": "Link",
                "author": [Name(family="Muster")],
                "container-title": "J",
                "issued": Date.of(2020),
                "URL": f"https://example.org/{attack}",
                "DOI": f"10.1234/{attack}",
            },
            id=f"link{index}",
        )
        for index, attack in enumerate(attacks or tex_attacks(canary))
    ]


BIBTEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
%(packages)s
\begin{document}
\nocite{*}
\bibliographystyle{%(style)s}
\bibliography{refs}
\end{document}
"""

BIBLATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[backend=biber,style=authoryear]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def run_tex(directory: Path, *command: str) -> None:
    subprocess.run(
        command,
        cwd=directory,
        capture_output=True,
        check=False,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def compile_document(directory: Path, document: str, bib: str, backend: str) -> str:
    """Compile *document* citing *bib* in *directory*; return the files pdfLaTeX read."""
    (directory / "refs.bib").write_text(bib, encoding="utf-8")
    (directory / "doc.tex").write_text(document, encoding="utf-8")
    latex = ("pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-recorder", "doc")
    run_tex(directory, *latex)
    run_tex(directory, backend, "doc")
    run_tex(directory, *latex)
    return (directory / "doc.fls").read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    path = tmp_path / "canary.tex"
    path.write_text("\\typeout{CANARY WAS READ}\n", encoding="utf-8")
    return path


def assert_nothing_ran(directory: Path, recorded: str, canary: Path) -> None:
    log = (directory / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "INPUT " in recorded, "pdfLaTeX did not run"
    assert str(canary) not in recorded, "the document read the canary file"
    assert "CANARY WAS READ" not in log
    assert "runsystem" not in log, "a \\write18 reached the document"
    assert not (directory / "pwned").exists()


def require_writer(name: str) -> None:
    if not is_registered(name):
        pytest.skip(f"format {name!r} is not registered yet")


@needs_tex
def test_bibtex_text_fields_cannot_reach_tex(tmp_path, canary):
    require_writer("bibtex")
    bib = citeform.write(text_records(canary), "bibtex")
    document = BIBTEX_DOCUMENT % {"packages": "", "style": "plain"}
    recorded = compile_document(tmp_path, document, bib, "bibtex")
    assert_nothing_ran(tmp_path, recorded, canary)
    assert "\\bibitem" in (tmp_path / "doc.bbl").read_text(encoding="utf-8")


@needs_tex
def test_bibtex_url_and_doi_cannot_reach_tex_through_the_url_package(tmp_path, canary):
    require_writer("bibtex")
    bib = citeform.write(link_records(canary), "bibtex")
    packages = "\\usepackage{natbib}\n\\usepackage{url}"
    document = BIBTEX_DOCUMENT % {"packages": packages, "style": "plainnat"}
    recorded = compile_document(tmp_path, document, bib, "bibtex")
    assert_nothing_ran(tmp_path, recorded, canary)
    assert (tmp_path / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem") == len(
        tex_attacks(canary)
    )


@needs_tex
def test_bibtex_url_and_doi_cannot_reach_tex_as_plain_text(tmp_path, canary):
    require_writer("bibtex")
    path = canary.with_suffix("").as_posix()
    bib = citeform.write(link_records(canary, [f"^^5cinput^^7b{path}^^7d"]), "bibtex")
    document = BIBTEX_DOCUMENT % {"packages": "\\usepackage{natbib}", "style": "plainnat"}
    recorded = compile_document(tmp_path, document, bib, "bibtex")
    assert_nothing_ran(tmp_path, recorded, canary)


@pytest.mark.slow
@needs_tex
def test_biblatex_fields_cannot_reach_tex(tmp_path, canary):
    require_writer("biblatex")
    bib = citeform.write(text_records(canary) + link_records(canary), "biblatex")
    recorded = compile_document(tmp_path, BIBLATEX_DOCUMENT, bib, "biber")
    assert_nothing_ran(tmp_path, recorded, canary)
    assert (tmp_path / "doc.bbl").is_file()


@pytest.mark.parametrize("format_name", ["bibtex", "biblatex"])
def test_bib_output_has_one_balanced_entry_per_record(format_name, canary):
    """Outside the braces of its entries, the file holds nothing but the entries' heads."""
    require_writer(format_name)
    records = text_records(canary) + link_records(canary)
    bib = re.sub(r"\\[{}%]", "", citeform.write(records, format_name))
    depth = 0
    outside = []
    for character in bib:
        if depth == 0:
            outside.append(character)
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0, "a closing brace closes the entry early"
    assert depth == 0
    heads = re.findall(r"@([a-z]+)\{", "".join(outside))
    assert len(heads) == len(records)
    assert "preamble" not in heads
    assert "string" not in heads


def test_ris_output_cannot_start_a_record_from_a_field():
    require_writer("ris")
    record = Record.build(
        "book",
        {"title": "T\nER  - \nTY  - JOUR\nTI  - injected", "note": "a\r\nER  - "},
        id="r",
    )
    lines = citeform.write([record], "ris").splitlines()
    assert sum(line.startswith("TY  - ") for line in lines) == 1
    assert sum(line.startswith("ER  - ") for line in lines) == 1
    text = "\n".join(lines)
    (back,) = citeform.read(text, "ris")
    assert "injected" in back.get("title")


# --- DSpace CSV -------------------------------------------------------------------

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(1;1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","y")']
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_record(formula: str, index: int) -> Record:
    """A record whose Zitierform, handle, collection and citation language are *formula*."""
    return Record.build(
        "article-journal",
        {"title": formula, "issued": Date.of(2020)},
        id=f"item{index}",
        citation=formula,
        custom={
            "dspace_handle": formula,
            "dspace_collection": formula,
            "dspace_citation_language": formula,
        },
    )


def test_dspace_csv_cells_never_start_a_formula_when_spreadsheet_safe():
    require_writer("dspace-csv")
    records = [csv_record(formula, index) for index, formula in enumerate(FORMULAS)]
    text = citeform.write(records, "dspace-csv", formula_guard=True)
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == len(FORMULAS) + 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(DANGEROUS_STARTS), (cell, row)
    citations = [cell for row in rows[1:] for cell in row if "1+1" in cell or "SUM" in cell]
    assert citations, "the Zitierform values are written"
