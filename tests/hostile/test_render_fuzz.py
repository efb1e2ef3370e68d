"""Generated records rendered in 20 styles, as text and HTML: no exception, clean output.

Styles of every kind (author-date, numeric, note, German) render records from
``tests/strategies.py`` whose text fields may carry markup, quotes and entities. For each
style and output format, a bibliography and a document (each record cited alone, then all
together) must render without an error; no private-use marker of the engine may leak into
the output (unless the data has that character: data like any other); HTML must parse as
well-formed markup with only the engine's tags, so that data is always escaped.
``benchmarks/fuzz_rendering.py`` runs the same check for longer.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from strategies import records, words

from citeform import Renderer, vocab
from citeform.engine.citeproc.formats import MARKERS

FUZZ_STYLES = (
    # author-date
    "apa",
    "chicago-author-date",
    "harvard-cite-them-right",
    "elsevier-harvard",
    "springer-basic-author-date",
    "modern-language-association",
    # numeric
    "ieee",
    "nature",
    "vancouver",
    "american-chemical-society",
    "elsevier-with-titles",
    # note
    "chicago-fullnote-bibliography",
    "chicago-note-bibliography",
    "oscola",
    "modern-humanities-research-association",
    # German
    "din-1505-2",
    "din-1505-2-numeric",
    "deutsche-gesellschaft-fur-psychologie",
    "deutsche-sprache",
    "juristische-zitierweise",
)
OUTPUTS = ("text", "html")
HTML_TAGS = frozenset({"div", "i", "b", "sup", "sub", "span"})
HTML_ATTRIBUTES = frozenset({"class", "style"})

HOSTILE_PIECES = (
    "<script>alert(1)</script>",
    "a & b",
    "<i>x</i>",
    "</i>",
    "<b>",
    '"quoted"',
    "'single'",
    "<sc>X</sc>",
    '<span class="nocase">x</span>',
    "&amp;",
    "&#60;",
    "\u00a0",
    "x<y>z",
    "]]>",
    "<!--",
    '<a href="javascript:x">l</a>',
    "\u201cq\u201d",
    "1-2",
    "\ue100",  # the engine's private-use markers, as data
    "\ue110\ue103",
)
hostile_text = st.builds(
    lambda before, piece, after: f"{before}{piece}{after}",
    st.just("") | words,
    st.sampled_from(HOSTILE_PIECES),
    st.just("") | words,
)
TEXT_FIELDS = ("title", "container-title", "publisher", "note", "page", "volume")


@st.composite
def hostile_items(draw: st.DrawFn) -> dict[str, Any]:
    """A generated record as CSL-JSON, some text fields replaced by hostile text."""
    item = draw(records()).to_csl()
    for field in draw(st.lists(st.sampled_from(TEXT_FIELDS), max_size=3, unique=True)):
        item[field] = draw(hostile_text)
    if draw(st.booleans()):
        item["author"] = [{"family": draw(hostile_text), "given": draw(words)}]
    return item


item_lists = st.lists(hostile_items(), min_size=1, max_size=3).map(
    lambda items: [{**item, "id": f"item{index}"} for index, item in enumerate(items)]
)


@functools.cache
def renderer(style: str, output: str) -> Renderer:
    """One renderer per style and output format, loaded once."""
    return Renderer(style, None, output)  # type: ignore[arg-type]


def assert_well_formed_html(text: str) -> None:
    """*text* parses as markup with only the engine's tags and attributes."""
    root = ET.fromstring(f"<root>{text}</root>")  # noqa: S314 - our own output, parsed to check it
    for element in root.iter():
        if element is root:
            continue
        assert element.tag in HTML_TAGS, f"tag {element.tag!r} in {text!r}"
        assert set(element.attrib) <= HTML_ATTRIBUTES, f"attributes {element.attrib} in {text!r}"


def _text_of(value: object) -> str:
    """All the strings inside *value*, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "".join(_text_of(item) for item in value.values())
    if isinstance(value, list):
        return "".join(_text_of(item) for item in value)
    return ""


def check_rendering(
    style: str,
    items: list[dict[str, Any]],
    *,
    cite: bool = True,
    outputs: tuple[str, ...] = OUTPUTS,
) -> int:
    """Render *items* in *style* in *outputs* and check the output; return renders done.

    A bibliography, and with *cite* a document citing each item, then all together.
    """
    in_data = MARKERS & set(_text_of(items))
    done = 0
    for output in outputs:
        engine = renderer(style, output)
        entries = engine.bibliography(items)
        assert not entries.errors, entries.errors
        document = engine.document([*([item] for item in items), items]) if cite else []
        assert not getattr(document, "errors", None), document
        for text in [*entries, *document]:
            assert MARKERS & set(text) <= in_data, f"engine marker left in {text!r}"
            if output == "html":
                assert_well_formed_html(text)
        done += len(entries) + len(document)
    return done


@settings(max_examples=examples(30))
@given(style=st.sampled_from(FUZZ_STYLES), items=item_lists)
def test_generated_records_render_cleanly(style: str, items: list[dict[str, Any]]) -> None:
    check_rendering(style, items)


def test_every_item_type_is_a_clean_entry_in_every_fuzz_style() -> None:
    items = [
        {
            "id": f"t{index}",
            "type": kind,
            "title": '<i>T</i> & "q"',
            "issued": {"date-parts": [[2000]]},
        }
        for index, kind in enumerate(sorted(vocab.ITEM_TYPES))
    ]
    for style in FUZZ_STYLES:
        check_rendering(style, items, cite=False, outputs=("html",))
