"""Small CSL styles for the citation tests, written here."""

from __future__ import annotations

from pathlib import Path

_HEAD = (
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">'
    "<info><id>t</id><title>T</title><updated>2024-01-01T00:00:00+00:00</updated></info>"
)

NOTE = """
<citation et-al-min="3" et-al-use-first="1" et-al-subsequent-min="2" et-al-subsequent-use-first="1">
  <layout suffix="." delimiter="; ">
    <choose>
      <if position="ibid-with-locator">
        <group delimiter=" "><text term="ibid"/><text variable="locator"/></group>
      </if>
      <else-if position="ibid"><text term="ibid"/></else-if>
      <else-if position="near-note">
        <group delimiter=", ">
          <names variable="author"><name form="short"/></names>
          <text value="above"/>
        </group>
      </else-if>
      <else-if position="subsequent">
        <group delimiter=", ">
          <names variable="author"><name form="short"/></names>
          <group delimiter=" ">
            <text value="n."/><text variable="first-reference-note-number"/>
          </group>
        </group>
      </else-if>
      <else>
        <group delimiter=", ">
          <names variable="author"/>
          <text variable="title" font-style="italic"/>
          <date variable="issued"><date-part name="year"/></date>
          <group delimiter=" ">
            <label variable="locator" form="short"/><text variable="locator"/>
          </group>
        </group>
      </else>
    </choose>
  </layout>
</citation>"""

AUTHOR_DATE = """
<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true"
          disambiguate-add-year-suffix="true" collapse="year-suffix" year-suffix-delimiter=", ">
  <sort><key macro="author"/><key variable="issued"/></sort>
  <layout prefix="(" suffix=")" delimiter="; ">
    <group delimiter=" ">
      <text macro="author"/>
      <date variable="issued"><date-part name="year"/></date>
    </group>
    <group delimiter=" " prefix=", ">
      <label variable="locator" form="short"/><text variable="locator"/>
    </group>
  </layout>
</citation>
<macro name="author"><names variable="author"><name form="short" and="symbol"/></names></macro>"""

NUMERIC = """
<citation collapse="citation-number">
  <sort><key variable="citation-number"/></sort>
  <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout>
</citation>
<bibliography>
  <sort><key variable="title"/></sort>
  <layout><text variable="title"/></layout>
</bibliography>"""


def style_file(folder: Path, body: str, cls: str = "in-text") -> Path:
    """Write a style with *body* (citation, macros, bibliography) to *folder*; return its path."""
    path = folder / f"{cls}-{abs(hash(body))}.csl"
    path.write_text(_HEAD.format(cls=cls) + body + "</style>", encoding="utf-8")
    return path
