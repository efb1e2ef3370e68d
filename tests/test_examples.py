"""Every script in examples/ runs, from a temporary directory, and prints what it should."""

# ruff: noqa: RUF001 - citations have en dashes in page ranges and titles, on purpose

from __future__ import annotations

import subprocess
import sys

import pytest
from docs_support import EXAMPLES, assert_needs_met

SCRIPTS = sorted(EXAMPLES.glob("*.py"))
TIMEOUT = 600

EXPECTED_OUTPUT = {
    "cite_one_record.py": (
        "article-journal: Fachkonferenz zur Arbeitsmarktintegration von Flüchtlingen – Beispiele",
        "apa: Städtetag Nordrhein-Westfalen. (o. J.). Fachkonferenz",
        "din-iso-690-de: Städtetag Nordrhein-Westfalen (o. J.): Fachkonferenz",
        "In: Eildienst, Nr. 2, S. 3–4.",
        "chicago-author-date: Städtetag Nordrhein-Westfalen. o. J. „Fachkonferenz",
    ),
    "bibliography_from_bib.py": (
        "Keller, J. (2018). Stadtquartiere im Wandel",
        (
            "Müller, A., & Schmidt, J. (2019). Wohnen in der Stadt: Befunde aus drei Großstädten. "
            "Informationen zur Raumentwicklung, 46(2), 112–128. "
            "https://doi.org/10.1000/example.2019.112"
        ),
        "Städtetag Nordrhein-Westfalen. (2017). Integration vor Ort: Beispiele aus Städten.",
        (
            "van der Berg, P. (2021). Housing Cooperatives in Amsterdam. "
            "In C. Weber & M. de la Cruz (Eds.), Urban Commons in Europe (pp. 45–67). Routledge."
        ),
    ),
    "fill_collection.py": (
        '"id","dc.identifier.citation"',
        (
            '"3f1c9a52-7d4e-4b8a-9c61-0a2b5e7d9f10","Becker, Lena; Yilmaz, Deniz (2021): '
            'Quartiersarbeit in Großwohnsiedlungen. In: Planerin, Bd. 33, Nr. 1, S. 12–15."'
        ),
        "Städtetag Nordrhein-Westfalen (o. J.): Fachkonferenz",
    ),
    "dask_fill.py": (
        '"id","dc.identifier.citation"',
        (
            '"8b2e4f17-1c3d-4e5f-a6b7-c8d9e0f1a2b3","Okafor, Chidi (2022): '
            'Urban Heat and Public Health. Cham: Springer."'
        ),
    ),
}
"""What each script must print (substrings, no-break spaces read as spaces)."""


def run_script(script, *arguments, cwd):
    return subprocess.run(
        [sys.executable, str(script), *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
        cwd=cwd,
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_example_script_runs_and_prints_what_it_should(script, tmp_path):
    assert_needs_met(script.name, script.read_text(encoding="utf-8"))
    result = run_script(script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.replace("\u00a0", " ")
    assert printed.strip(), f"{script.name} printed nothing"
    for expected in EXPECTED_OUTPUT.get(script.name, ()):
        assert expected in printed, f"{script.name} does not print {expected!r}"


def test_the_promised_scripts_are_there():
    assert {"cite_one_record.py", "bibliography_from_bib.py"} <= {path.name for path in SCRIPTS}


def test_bibliography_takes_a_style_and_locale(tmp_path):
    result = run_script(
        EXAMPLES / "bibliography_from_bib.py",
        str(EXAMPLES / "publications.bib"),
        "din-iso-690-de",
        "de-DE",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Weber, Clara; de la Cruz, Maria (Hrsg.): Urban Commons in Europe" in result.stdout


def test_a_broken_entry_is_reported_and_the_others_printed(tmp_path):
    broken = tmp_path / "broken.bib"
    good = (EXAMPLES / "publications.bib").read_text(encoding="utf-8")
    broken.write_text("@article{broken, title = {no closing brace}\n\n" + good, encoding="utf-8")
    result = run_script(EXAMPLES / "bibliography_from_bib.py", str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "skipped:" in result.stderr
    assert "Keller, J. (2018)" in result.stdout
