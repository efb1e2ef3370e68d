"""``citeform cite`` and ``citeform styles``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeform.cli import main

RECORDS = [
    {
        "id": "a",
        "type": "book",
        "title": "A <i>book</i>",
        "author": [{"family": "Doe", "given": "Jane"}],
        "issued": {"date-parts": [[2000]]},
    },
    {"id": "b", "type": "article-journal", "title": "An article", "language": "de"},
]


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


def test_cite_prints_one_entry_per_line(
    records_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", str(records_file), "--style", "vancouver", "--locale", "en-US"]) == 0
    assert capsys.readouterr().out.splitlines() == ["1. Doe J. A book. 2000.", "2. An article."]


def test_cite_html_escapes_data_and_keeps_rich_text(
    records_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", str(records_file), "--format", "html"]) == 0
    lines = capsys.readouterr().out.splitlines()
    normal = '<span style="font-style:normal;">book</span>'
    assert lines[1] == f'<div class="csl-entry">Doe, J. (2000). <i>A {normal}</i>.</div>'


def test_cite_locale_from_the_first_records_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "german.json"
    path.write_text(json.dumps(RECORDS[::-1]), encoding="utf-8")
    assert main(["cite", str(path)]) == 0
    assert "(o.\u00a0J.)" in capsys.readouterr().out


def test_cite_without_input_renders_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite"]) == 0
    assert capsys.readouterr().out.startswith("Städtetag Nordrhein-Westfalen. (o.\u00a0J.).")


def test_cite_unknown_style_is_a_usage_error(
    records_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cite", str(records_file), "--style", "no-such-style"]) == 2
    assert capsys.readouterr().err.startswith("citeform: unknown style")


def test_styles_lists_ids_with_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["styles", "nlm-citation-sequence"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "nlm-citation-sequence\tNLM/Vancouver: Citing Medicine 2nd edition (citation-sequence)"
        in lines
    )
