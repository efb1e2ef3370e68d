"""Cite grouping and collapsing inside one citation cluster, as citeproc-js does them.

``collapse="citation-number"`` joins runs of three or more consecutive numbers into a
range (``[1-3]``, with an en dash). ``year``, ``year-suffix`` and ``year-suffix-ranged`` print
the names of a cite once when the cite next to it has the same names (the citation's sort
has already brought such cites together), then only the years, or only the year suffixes
(``2015a, b``; ``2015a-c`` for three or more consecutive suffixes). The delimiter before
each cite follows from ``after-collapse-delimiter``, ``cite-group-delimiter`` and
``year-suffix-delimiter`` and from whether the cites around it collapsed; it shortens next
to cite affixes that end or start with punctuation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from citeform.engine.csl.context import CiteData
from citeform.engine.csl.disambiguation import Settings
from citeform.engine.csl.rich import Part, plain

if TYPE_CHECKING:
    from citeform.engine.csl.processor import Processor
    from citeform.engine.csl.style import Section

_YEAR_MODES = frozenset({"year", "year-suffix", "year-suffix-ranged"})
_SUFFIX_MODES = frozenset({"year-suffix", "year-suffix-ranged"})


@attrs.frozen
class RenderedCite:
    """A cite rendered, with what grouping and collapsing need to know of it."""

    cite: Any
    node: Part
    names: str
    number: int
    settings: Settings
    data: CiteData
    text_rendered: bool = True
    """Whether the cite printed a text variable besides names, dates and the locator, or
    tried a ``cs:text`` of one."""
    locator_printed: bool = True
    """Whether the cite printed its locator (a number range breaks only at one that did)."""


def _plain_cite(rendered: RenderedCite) -> bool:
    """Whether the cite printed neither affixes nor a locator (it may join a range)."""
    cite = rendered.cite
    return not ((cite.locator and rendered.locator_printed) or cite.prefix or cite.suffix)


def _number_runs(rendered: Sequence[RenderedCite], delimiter: str, after: str) -> list[Part]:
    out: list[Part] = []
    previous_range = False
    index = 0
    while index < len(rendered):
        end = index
        while (
            end + 1 < len(rendered)
            and rendered[end + 1].number == rendered[end].number + 1
            and _plain_cite(rendered[end])
            and _plain_cite(rendered[end + 1])
        ):
            end += 1
        if out:
            out.append(after if previous_range else delimiter)
        if end - index >= 2:
            out += [rendered[index].node, "\u2013", rendered[end].node]
            previous_range = True
            index = end + 1
        else:
            out.append(rendered[index].node)
            previous_range = False
            index += 1
    return out


def collapse(
    rendered: Sequence[RenderedCite], section: Section, processor: Processor
) -> list[Part]:
    """The cluster's cites joined, grouped and collapsed as *section* asks."""
    options = section.options
    delimiter = section.delimiter
    mode = options.get("collapse", "")
    if mode == "citation-number":
        after = options.get("after-collapse-delimiter", delimiter)
        return _number_runs(rendered, delimiter, after)
    if mode in _YEAR_MODES or "cite-group-delimiter" in options:
        return _Grouper(section, processor).join(rendered)
    return _joined(rendered, delimiter)


@attrs.define
class _Grouper:
    """Joins cites one by one, printing the names a cite shares with the last names once.

    A cite is *collapsed* when its names are the names printed last (or when it prints
    neither names nor a text variable); the delimiter before each cite follows from whether
    it and the cite before it collapsed and whether that one had a locator.
    """

    section: Section
    processor: Processor
    last_names: str = ""
    group_delimiter_in_use: bool = False

    def join(self, rendered: Sequence[RenderedCite]) -> list[Part]:
        options = self.section.options
        mode = options.get("collapse", "")
        out: list[Part] = []
        previous: RenderedCite | None = None
        previous_collapsed = False
        suffixes: list[tuple[str, RenderedCite]] = []
        for cite in rendered:
            same = bool(cite.names) and cite.names == self.last_names
            if cite.names and not same:
                self.last_names = cite.names
            if cite.names:
                self.group_delimiter_in_use = same and "cite-group-delimiter" in options
            collapsed = same or not (cite.names or cite.text_rendered)
            node = cite.node
            if same and mode:
                without = _without_names(cite, self.processor)
                if without is None:
                    continue
                node = without
            if (
                previous is not None
                and collapsed
                and mode in _SUFFIX_MODES
                and suffixes
                and _suffix_only(cite, suffixes[-1][1], self.processor)
            ):
                suffixes.append((cite.settings.year_suffix, cite))
                previous, previous_collapsed = cite, collapsed
                continue
            out += self._suffix_run(suffixes, mode)
            if previous is not None:
                between = spliced(
                    self._delimiter(previous, previous_collapsed, collapsed),
                    previous.cite,
                    cite.cite,
                )
                if between:
                    out.append(between)
            out.append(node)
            suffixes = [(cite.settings.year_suffix, cite)] if cite.settings.year_suffix else []
            previous, previous_collapsed = cite, collapsed
        out += self._suffix_run(suffixes, mode)
        return out

    def _delimiter(self, previous: RenderedCite, previous_collapsed: bool, collapsed: bool) -> str:
        """citeproc-js' choice of delimiter before a cite of a grouped citation."""
        options = self.section.options
        mode = options.get("collapse", "")
        after = options.get("after-collapse-delimiter")
        if after is not None:
            use_after = (
                bool(previous.cite.locator)
                or (previous_collapsed and not collapsed)
                or not (previous_collapsed or collapsed or mode == "year-suffix")
            )
            return after if use_after else self.section.delimiter
        if self.group_delimiter_in_use:
            return options.get("cite-group-delimiter", ", ")
        if collapsed and self.processor.style.cls == "in-text":
            return ", "
        return self.section.delimiter

    def _suffix_run(self, suffixes: list[tuple[str, RenderedCite]], mode: str) -> list[Part]:
        """The suffixes after the run's first cite (``, b, c`` or a range); empties the run."""
        if len(suffixes) < 2:
            suffixes.clear()
            return []
        options = self.section.options
        between = options.get(
            "cite-group-delimiter",
            options.get("year-suffix-delimiter", self.section.delimiter),
        )
        dash = self.processor.locale.term("citation-range-delimiter") or "\u2013"
        numbers = [_suffix_number(suffix) for suffix, _cite in suffixes]
        out: list[Part] = []
        index = 0
        while index < len(suffixes):
            end = index
            while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
                end += 1
            if mode == "year-suffix-ranged" and end - index >= 2:
                if index:
                    out += [between, suffixes[index][0]]
                out += [dash, suffixes[end][0]]
                index = end + 1
                continue
            if index:
                out += [between, suffixes[index][0]]
            index += 1
        suffixes.clear()
        return out


def _suffix_only(cite: RenderedCite, before: RenderedCite, processor: Processor) -> bool:
    """Whether *cite* prints as its year suffix alone after *before* (same year, plain cites)."""
    suffix = cite.settings.year_suffix
    return (
        bool(suffix)
        and bool(before.settings.year_suffix)
        and _plain_cite(cite)
        and _plain_cite(before)
        and _base(cite, processor) == _base(before, processor)
    )


def _suffix_number(suffix: str) -> int:
    """``a`` is 1, ``z`` 26, ``aa`` 27: the place of a year suffix in the sequence."""
    number = 0
    for letter in suffix:
        number = number * 26 + ord(letter) - ord("a") + 1
    return number


def _without_names(cite: RenderedCite, processor: Processor) -> Part | None:
    node, _context = processor.render_cite(
        cite.cite, cite.data, cite.number, cite.settings, without_names=True
    )
    return node


def _base(cite: RenderedCite, processor: Processor) -> str:
    node = _without_names(cite, processor)
    text = plain(node) if node is not None else ""
    suffix = cite.settings.year_suffix
    return text.replace(suffix, "", 1) if suffix else text


def _joined(cites: Sequence[RenderedCite], delimiter: str) -> list[Part]:
    """The cites with *delimiter* (as :func:`spliced` adjusts it) between them."""
    out: list[Part] = []
    for index, cite in enumerate(cites):
        if index:
            between = spliced(delimiter, cites[index - 1].cite, cite.cite)
            if between:
                out.append(between)
        out.append(cite.node)
    return out


_STOPS: Final = frozenset(";.,")


def spliced(delimiter: str, before: Any, cite: Any) -> str:
    """The delimiter between two cites, as citeproc-js shortens it next to punctuation.

    After a cite suffix ending in ``;``, ``.`` or ``,`` only the delimiter's part from its
    first space stays; before a cite prefix starting with one (and no suffix before) none.
    """
    suffix = before.suffix or ""
    if suffix[-1:] in _STOPS:
        space = delimiter.find(" ")
        return delimiter[space:] if space > -1 else ""
    if not suffix and (cite.prefix or "")[:1] in _STOPS:
        return ""
    return delimiter
