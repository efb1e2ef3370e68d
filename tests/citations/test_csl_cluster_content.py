"""What a cluster prints when cites print nothing or only their author (csl engine)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citeform.engine.csl.cluster_content import NO_PRINTED_CITE
from citeform.engine.csl.locators import NO_PRINTED_FORM
from citeform.rendering import CiteItem, Renderer

YEARS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>y</id><title>y</title></info>
  <citation><layout prefix="[" suffix="]" delimiter="; ">
    <group delimiter=" "><names variable="author"/>
      <date variable="issued"><date-part name="year"/></date></group>
  </layout></citation>
</style>"""

POSITIONS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>p</id><title>p</title></info>
  <citation><layout><group delimiter=" ">
    <choose><if position="first"><text value="first"/></if><else><text value="later"/></else>
    </choose>
    <names variable="author"><substitute><text variable="title"/></substitute></names>
    <text variable="title"/>
  </group></layout></citation>
</style>"""


def _renderer(tmp_path: Path, style: str) -> Renderer:
    path = tmp_path / "style.csl"
    path.write_text(style, "utf-8")
    return Renderer(path, locale="en-US", engine="csl")


def _item(key: str, family: str | None = None, year: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"id": key, "type": "book", "title": f"Title {key}"}
    if family:
        item["author"] = [{"family": family}]
    if year:
        item["issued"] = {"date-parts": [[year]]}
    return item


EMPTY, DOE, ROE = _item("e"), _item("d", "Doe", 2000), _item("r", "Roe", 2001)


def test_a_first_cite_that_prints_nothing_shows_the_error_in_its_place(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, YEARS)
    assert renderer.document([[EMPTY], [EMPTY, DOE], [DOE, EMPTY]]) == [
        f"[{NO_PRINTED_CITE}]",
        f"[{NO_PRINTED_CITE}; Doe 2000]",
        "[Doe 2000]",
    ]


def test_a_cite_that_prints_nothing_keeps_its_affixes(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, YEARS)
    assert renderer.document([[DOE, CiteItem(EMPTY, prefix="see ")]]) == ["[Doe 2000; see ]"]
    assert renderer.document([[CiteItem(EMPTY, suppress_author=True)]]) == [NO_PRINTED_FORM]


def test_a_cluster_with_an_author_only_cite_prints_that_cite_alone(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, YEARS)
    only_roe = CiteItem(ROE, author_only=True, prefix="cf. ")
    assert renderer.document([[DOE, only_roe, CiteItem(EMPTY, author_only=True)]]) == ["cf. Roe"]


def test_author_only_prints_text_only_in_a_substitute(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, POSITIONS)
    nameless = _item("n")
    cited = renderer.document(
        [[CiteItem(DOE, author_only=True)], [DOE], [CiteItem(nameless, author_only=True)]]
    )
    assert cited == ["Doe", "later Doe Title d", "Title n"]


COLLAPSING = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>c</id><title>c</title></info>
  <citation collapse="year"><layout prefix="(" suffix=")" delimiter="; ">
    <group delimiter=", "><names variable="author"><substitute><choose>
      <if type="book"><text variable="title"/></if>
      <else><text term="anonymous" form="short"/></else>
    </choose></substitute></names>
    <date variable="issued"><date-part name="year"/></date></group>
  </layout></citation>
</style>"""


def test_only_names_collapse_and_a_cite_without_names_or_text_follows_a_comma(
    tmp_path: Path,
) -> None:
    renderer = _renderer(tmp_path, COLLAPSING)
    titled = [_item("t1", year=2000), _item("t2", year=2001)]
    titled[1]["title"] = titled[0]["title"]
    report = {**_item("r", year=2002), "type": "report"}
    other = {**_item("s", year=2003), "type": "report"}
    assert renderer.document([titled, [report, other], [DOE, report]]) == [
        "(Title t1, 2000; Title t1, 2001)",
        "(anon., 2002, anon., 2003)",
        "(Doe, 2000, anon., 2002)",
    ]


DATED = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>d</id><title>d</title></info>
  <macro name="author"><names variable="author"><substitute><choose>
    <if type="book"><names variable="editor"><name/></names><text value="mis"/></if>
    <else-if type="thesis"><text variable="title"/></else-if>
  </choose></substitute></names></macro>
  <citation><layout><group delimiter=", ">
    <choose><if type="report"><date variable="issued"><date-part name="year"/></date></if></choose>
    <text macro="author"/>
    <date variable="issued"><date-part name="year"/></date>
  </group></layout></citation>
</style>"""


def test_author_only_prints_until_names_a_date_or_a_title_has_printed(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, DATED)
    named = {**_item("r", "Roe", 2001), "type": "report"}
    titled = {**_item("t", year=2002), "type": "thesis"}
    valued = _item("b", year=2003)
    cited = renderer.document(
        [[CiteItem(item, author_only=True)] for item in (named, titled, valued)]
    )
    assert cited == ["2001", "Title t", "2003"]


def test_suppress_author_leaves_out_names_and_titles_but_not_a_term(tmp_path: Path) -> None:
    renderer = _renderer(tmp_path, COLLAPSING)
    report = {**_item("r", year=2002), "type": "report"}
    cited = renderer.document(
        [[CiteItem(item, suppress_author=True)] for item in (DOE, _item("t", year=2001), report)]
    )
    assert cited == ["(2000)", "(2001)", "(anon., 2002)"]
