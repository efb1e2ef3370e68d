"""Bibliography sorting in the csl engine: keys worked out only where earlier keys tie."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeform.engine.csl.cluster_sort import comparable
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.processor import Processor
from citeform.engine.csl.style import compile_style

STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>test</id><title>test</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name/></names></macro>
  <citation><layout><text macro="author"/></layout></citation>
  <bibliography>
    <sort>
      <key macro="author"/>
      <key variable="issued" sort="descending"/>
      <key variable="title"/>
      <key variable="volume"/>
    </sort>
    <layout><text variable="title"/></layout>
  </bibliography>
</style>
"""

ITEMS = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "author": st.lists(
                st.fixed_dictionaries({"family": st.sampled_from(["Ba", "ab", "Äb", "Cé"])}),
                min_size=1,
                max_size=2,
            ),
            "issued": st.builds(
                lambda year: {"date-parts": [[year]]}, st.sampled_from([1999, 2000])
            ),
            "title": st.sampled_from(["One", "one", "Two", "Work 2", "Work 10"]),
            "volume": st.sampled_from(["1", "2", "x"]),
        },
    ),
    max_size=12,
)


def _every_key_sorted(processor: Processor, ids: list[str]) -> list[str]:
    """*ids* sorted by every key of every item, the last key first (stable sorts)."""
    section = processor.style.bibliography
    assert section is not None
    result = list(ids)
    for key in reversed(section.sort):
        values = {i: processor._key_value(key, i, 0) for i in result}
        present = [i for i in result if values[i][0] == 0]
        missing = [i for i in result if values[i][0] == 1]
        present.sort(key=lambda i: comparable(values[i][1]), reverse=key.descending)
        result = present + missing
    return result


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ITEMS)
def test_keys_worked_out_where_needed_sort_as_every_key_would(
    tmp_path: Path, en: Locale, data: list[dict[str, Any]]
) -> None:
    path = tmp_path / "sorting.csl"
    path.write_text(STYLE, encoding="utf-8")
    items = {
        f"i{index}": {**item, "id": f"i{index}", "type": "book"} for index, item in enumerate(data)
    }
    processor = Processor(compile_style(path), en, "text", items)
    section = processor.style.bibliography
    assert section is not None
    ids = list(items)
    assert processor.sorted_ids(ids, section, {}) == _every_key_sorted(processor, ids)


def test_a_date_range_in_a_macro_key_sorts_by_its_start(tmp_path: Path, en: Locale) -> None:
    path = tmp_path / "ranges.csl"
    year = '<macro name="year"><date variable="issued"><date-part name="year"/></date></macro>'
    path.write_text(
        STYLE.replace('<macro name="author">', year + '<macro name="author">').replace(
            '<key variable="issued" sort="descending"/>', '<key macro="year"/>'
        ),
        encoding="utf-8",
    )
    items = {
        "late": {"id": "late", "type": "book", "issued": {"date-parts": [[1923]]}},
        "ranged": {"id": "ranged", "type": "book", "issued": {"date-parts": [[1868], [1869]]}},
        "early": {"id": "early", "type": "book", "issued": {"date-parts": [[1868]]}},
    }
    processor = Processor(compile_style(path), en, "text", items)
    section = processor.style.bibliography
    assert section is not None
    assert processor.sorted_ids(list(items), section, {}) == ["early", "ranged", "late"]
