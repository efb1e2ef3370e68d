"""The .bib files citeform writes compile: BibTeX with plain.bst, biber with biblatex.

One document cites every entry: the 108 reference items, the project's example
(as CSL-JSON and, read from its item page, the seed), titles full of TeX's
special characters, and generated records. A run passes when pdfLaTeX reports
no error (a line starting with ``!``) and BibTeX or biber reports no error;
warnings (a missing year, say) are fine.
"""

# ruff: noqa: RUF001 - the en dashes are part of the example record

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from shared_data import SHARED
from strategies import EXAMPLE_CSL, bib_records, latin_text

from citeform.io import read, write
from citeform.model import Date, Name, Record

TOOLS = ("pdflatex", "bibtex", "biber", "kpsewhich")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(bool(missing), reason=f"TeX not installed: {missing} absent")

EXAMPLE = {
    **EXAMPLE_CSL,
    "custom": {"dspace_citation": "Städtetag NRW: Fachkonferenz …, in: Eildienst Nr. 2, S. 3–4"},
}

SPECIAL_TITLES = [
    r"100% & more: #1 of a_b {in braces} \backslash ~tilde^caret $5",
    r"\input{/etc/passwd} and \write18{ls} }{ unbalanced",
    "Quotes \"here\" and -- dashes --- and `` `` and '' ?` !`",
]

CONTROL_TEXTS = [
    "NUL\x00 stops pdfLaTeX",
    "escape\x1b[31m, next line\x85, delete\x7f, bell\x07",
    unicodedata.normalize("NFD", "Zoë Müller über Åsa"),
]
"""Control characters (never written) and decomposed accents (written composed)."""

PLAIN = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""

BIBLATEX = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[ngerman,english]{babel}
\usepackage[backend=biber,style=authoryear]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def fixed_records() -> list[Record]:
    records = [Record.from_csl(EXAMPLE)]
    records += [
        Record.build(
            "book",
            {"title": title, "author": [Name(family=title[:12], given=title[-8:])]},
            citation=title,
        )
        for title in SPECIAL_TITLES
    ]
    records.append(Record.build("book", {"title": "Undated", "issued": Date(literal="o. J. – ä")}))
    records += [
        Record.build(
            "paper-conference",
            {"title": text, "event-title": text, "note": text, "author": [Name(family=text)]},
        )
        for text in CONTROL_TEXTS
    ]
    items = SHARED / "conformance" / "reference" / "items.json"
    if items.exists():
        records += [Record.from_csl(item) for item in json.loads(items.read_text("utf-8"))]
    seed = SHARED / "seeds" / "000_6df366672ca69de5.txt"
    if seed.exists():
        records += list(read(seed))
    return records


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
    )


def latex_errors(log: Path) -> list[str]:
    text = log.read_text("utf-8", errors="replace")
    return [line for line in text.splitlines() if line.startswith("!")]


def compile_bibtex(folder: Path, bib: str) -> None:
    (folder / "refs.bib").write_text(bib, "utf-8")
    (folder / "doc.tex").write_text(PLAIN, "utf-8")
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    bibtex = run(["bibtex", "doc"], folder)
    blg = (folder / "doc.blg").read_text("utf-8", errors="replace")
    assert "error message" not in blg, blg
    assert bibtex.returncode in {0, 1}, bibtex.stdout  # 1: warnings only
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    assert latex_errors(folder / "doc.log") == []


def compile_biber(folder: Path, bib: str) -> None:
    if run(["kpsewhich", "biblatex.sty"], folder).returncode != 0:
        pytest.skip("biblatex.sty not installed (texlive-bibtex-extra)")
    (folder / "refs.bib").write_text(bib, "utf-8")
    (folder / "doc.tex").write_text(BIBLATEX, "utf-8")
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    biber = run(["biber", "doc"], folder)
    errors = re.findall(r"^.*(?:ERROR|FATAL).*$", biber.stdout, re.MULTILINE)
    assert errors == [], biber.stdout
    assert biber.returncode == 0, biber.stdout
    run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    assert latex_errors(folder / "doc.log") == []


COMPILERS = {"bibtex": compile_bibtex, "biblatex": compile_biber}


@pytest.mark.parametrize(
    "dialect",
    ["bibtex", pytest.param("biblatex", marks=pytest.mark.slow)],  # biber is slow
)
@settings(
    max_examples=1,
    derandomize=True,
    deadline=None,
    phases=(Phase.generate,),  # one document per writer: a failure is read, not shrunk
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(generated=st.lists(bib_records(latin_text), min_size=30, max_size=30))
def test_every_written_entry_compiles(tmp_path, dialect, generated):
    records = fixed_records() + generated
    bib = write(records, dialect)
    assert bib.count("\n@") + 1 == len(records)
    COMPILERS[dialect](tmp_path, bib)


def test_the_seed_converts_to_every_bib_format_and_ris():
    seed = SHARED / "seeds" / "000_6df366672ca69de5.txt"
    if not seed.exists():
        pytest.skip(f"{seed} not present: the shared reference data is read in place")
    (record,) = read(seed)
    for dialect in ("bibtex", "biblatex", "ris"):
        (back,) = read(write([record], dialect), dialect)
        assert back.get("title") == record.get("title")
        assert back.get("author") == record.get("author")
