"""`citeform fill --review`: the page (checked in headless Chromium), the CSV, the flags."""

import csv
import json
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeform import Date, Name, Record
from citeform.cli import main
from citeform.filling import Outcome
from citeform.plausibility import flags
from citeform.review import Review, review_html

HOSTILE_TITLE = '<script>document.title="owned"</script> & <b>bold</b>'
ITEMS = [
    {"id": "a", "type": "book", "title": "Alpha", "issued": {"date-parts": [[2001]]},
     "author": [{"family": "Zeta", "given": "Anna"}, {"family": "Jahrgang"}]},
    {"id": "b", "type": "book", "title": HOSTILE_TITLE, "issued": {"date-parts": [[2002]]}},
    {"id": "c", "type": "book", "title": "+Ultra"},
    {"id": "d", "type": "book", "title": "Delta", "issued": {"date-parts": [[2004]]},
     "custom": {"dspace_citation": "Schon da."}},
    {"id": "e", "type": "book"},
]  # fmt: skip


@pytest.fixture
def review(tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    page = tmp_path / "review.html"
    table = tmp_path / "review.csv"
    for name in (page, table):
        main(["fill", str(path), "--to", "csl-json", "-o", str(tmp_path / "out.json"),
              "--review", str(name)])  # fmt: skip
    err = capsys.readouterr().err
    assert "citeform: review of 5 records (3 flagged)" in err
    return page, table


def test_review_csv(review):
    _, table = review
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [row["status"] for row in rows] == ["filled", "filled", "filled", "skipped", "failed"]
    assert rows[0]["flags"] == "label-name"
    assert rows[2]["flags"] == "no-year, formula"
    assert rows[2]["new Zitierform"].startswith("'+Ultra")  # for reading in a spreadsheet
    assert rows[3]["existing Zitierform"] == "Schon da."
    assert rows[4]["flags"] == "no-year, no-title, failed"
    assert "no title" in rows[4]["message"]


def test_review_page_is_static_and_escaped(review):
    page, _ = review
    text = page.read_text(encoding="utf-8")
    assert text.count("<script>") == 1
    assert "&lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;" in text
    assert "http" not in text.split("<body>")[0].replace("http-equiv", "")  # nothing fetched


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def dump_dom(page, fragment, tmp_path):
    """The page's DOM after its script ran, opened with *fragment* as its address's '#' part."""
    command = [
        *(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu"),
        *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
        *("--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom"),
        f"{page.as_uri()}#{fragment}",
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def visible_rows(dom):
    body = dom.split("<tbody>")[1].split("</tbody>")[0]
    rows = body.split("<tr ")[1:]
    return [row.split("<td>")[6].split("</td>")[0] for row in rows if ' hidden=""' not in row]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI installs it)")
def test_review_page_in_headless_chromium(review, tmp_path):
    page, _ = review
    dom = dump_dom(page, "", tmp_path)
    assert "<title>citeform review</title>" in dom  # the escaped title set no document title
    assert '<span id="count">5 shown.</span>' in dom
    assert visible_rows(dom)[1].startswith("&lt;script&gt;")
    assert dom.count("<script") == 1
    assert "<b>bold</b>" not in dom
    filtered = dump_dom(page, "flag=no-year", tmp_path)
    assert visible_rows(filtered) == ["+Ultra", ""]
    assert '<span id="count">2 shown.</span>' in filtered
    searched = dump_dom(page, "q=delta", tmp_path)
    assert visible_rows(searched) == ["Delta"]
    by_title = dump_dom(page, "sort=5&desc=1", tmp_path)
    titles = visible_rows(by_title)
    assert (titles[:2], titles[-1]) == (["Delta", "Alpha"], "")
    assert 'aria-sort="descending"' in by_title


def test_flags():
    good = Record.build(
        "book", {"title": "T", "issued": Date.of(2000), "author": (Name("Müller", "Anna"),)}
    )
    assert flags(good, citation="Müller, A. (2000). T.") == []
    labels = Record.build("book", {"title": "T", "author": (Name("in", "E."), Name("46"))})
    assert flags(labels) == ["label-name", "no-year"]
    guessed = Record.build("document", {"title": "T", "issued": Date.of(2000)})
    assert flags(guessed, citation="@x") == ["type-guessed", "formula"]


class Cells(HTMLParser):
    """The text of each table cell of a page, and the names of its script elements."""

    def __init__(self):
        super().__init__()
        self.cells, self.scripts, self.open = [], [], False

    def handle_starttag(self, tag, _attrs):
        self.scripts += [tag] if tag == "script" else []
        if tag == "td":
            self.open = True
            self.cells.append("")

    def handle_endtag(self, tag):
        self.open = self.open and tag != "td"

    def handle_data(self, data):
        if self.open:
            self.cells[-1] += data


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_title_is_one_escaped_cell(title):
    record = Record.build("book", {"title": title}, id="x")
    review = Review()
    list(review.watch([Outcome(record, "skipped")]))
    parser = Cells()
    parser.feed(review_html(review))
    parser.close()
    assert parser.scripts == ["script"]
    assert parser.cells[5] == title  # the title column


def test_separators_in_a_new_zitierform_are_flagged():
    record = Record.build("book", {"title": "T", "issued": Date.of(2000)})
    assert flags(record, citation="A || B") == ["separator"]
    assert flags(record, citation="A :: B") == ["separator"]
