"""What the extension needs to know of a style: note or in-text, the layout's affixes."""

from __future__ import annotations

import functools

import attrs

from citeform.sources import Source
from citeform.styles import resolve_style
from citeform.xmlsafe import local_name, parse


@attrs.frozen
class StyleFacts:
    """Whether a style puts citations in notes, and its citation layout's affixes."""

    note: bool
    layout_prefix: str = ""
    layout_suffix: str = ""

    def without_layout_affixes(self, html: str) -> str:
        """*html* without the citation layout's prefix and suffix (an author-only cite's names)."""
        if self.layout_prefix and html.startswith(self.layout_prefix):
            html = html[len(self.layout_prefix) :]
        if self.layout_suffix and html.endswith(self.layout_suffix):
            html = html[: -len(self.layout_suffix)]
        return html


@functools.cache
def style_facts(style: str) -> StyleFacts:
    """The facts of *style* (an id or a path to a ``.csl`` file)."""
    root = parse(Source.from_any(resolve_style(style).path))
    note = root.get("class") == "note"
    for element in root.iter():
        if local_name(element) == "citation":
            for layout in element:
                if local_name(layout) == "layout":
                    return StyleFacts(note, layout.get("prefix", ""), layout.get("suffix", ""))
    return StyleFacts(note)
