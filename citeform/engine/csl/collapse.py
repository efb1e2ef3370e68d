"""Cite grouping and collapsing inside one citation cluster.

``collapse="citation-number"`` joins runs of three or more consecutive numbers into a
range (``[1-3]``, with an en dash); ``year``, ``year-suffix`` and ``year-suffix-ranged``
group cites by the same names (keeping the order of first appearance), print the names
once and then only the years, or only the year suffixes (``2015a, b``; ``2015a-c``). The
delimiters are ``cite-group-delimiter``, ``year-suffix-delimiter`` and
``after-collapse-delimiter``, defaulting as CSL says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from citeform.engine.csl.context import CiteData
from citeform.engine.csl.disambiguation import Settings
from citeform.engine.csl.rich import Part, plain

if TYPE_CHECKING:
    from citeform.engine.csl.processor import Processor
    from citeform.engine.csl.style import Section

_YEAR_MODES = frozenset({"year", "year-suffix", "year-suffix-ranged"})


@attrs.frozen
class RenderedCite:
    """A cite rendered, with what grouping and collapsing need to know of it."""

    cite: Any
    node: Part
    names: str
    number: int
    settings: Settings
    data: CiteData


def _plain_cite(cite: Any) -> bool:
    return not (cite.locator or cite.prefix or cite.suffix)


def _number_runs(rendered: Sequence[RenderedCite], delimiter: str, after: str) -> list[Part]:
    out: list[Part] = []
    previous_range = False
    index = 0
    while index < len(rendered):
        end = index
        while (
            end + 1 < len(rendered)
            and rendered[end + 1].number == rendered[end].number + 1
            and _plain_cite(rendered[end].cite)
            and _plain_cite(rendered[end + 1].cite)
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
    after = options.get("after-collapse-delimiter", delimiter)
    if mode == "citation-number":
        return _number_runs(rendered, delimiter, after)
    grouping = mode in _YEAR_MODES or "cite-group-delimiter" in options
    if not grouping:
        return _joined(rendered, delimiter)
    group_delimiter = options.get("cite-group-delimiter", ", ")
    suffix_delimiter = options.get("year-suffix-delimiter", group_delimiter)
    groups: dict[str, list[RenderedCite]] = {}
    order: list[list[RenderedCite]] = []
    for cite in rendered:
        if cite.names and cite.names in groups:
            groups[cite.names].append(cite)
            continue
        members = [cite]
        if cite.names:
            groups[cite.names] = members
        order.append(members)
    out: list[Part] = []
    previous_collapsed = False
    for members in order:
        if out:
            out.append(after if previous_collapsed else delimiter)
        out += _group(members, mode, (group_delimiter, suffix_delimiter, after), processor)
        previous_collapsed = len(members) > 1
    return out


def _group(
    members: list[RenderedCite],
    mode: str,
    delimiters: tuple[str, str, str],
    processor: Processor,
) -> list[Part]:
    """One author's cites: names once, then years (or suffixes) by the group delimiters.

    *delimiters* are the cite-group, year-suffix and after-collapse delimiters; the
    last follows a run of collapsed year suffixes.
    """
    group_delimiter, suffix_delimiter, after = delimiters
    out: list[Part] = [members[0].node]
    if len(members) == 1 or mode not in _YEAR_MODES:
        for cite in members[1:]:
            out += [group_delimiter, cite.node]
        return out
    previous_base = _base(members[0], processor)
    run: list[str] = []

    def flush() -> bool:
        if not run:
            return False
        if mode == "year-suffix-ranged" and len(run) >= 2:
            out.extend(["\u2013", run[-1]])
        else:
            for suffix in run:
                out.extend([suffix_delimiter, suffix])
        run.clear()
        return True

    for cite in members[1:]:
        base = _base(cite, processor)
        suffix = cite.settings.year_suffix
        if mode != "year" and suffix and base == previous_base and _plain_cite(cite.cite):
            run.append(suffix)
            continue
        collapsed = flush()
        without = _without_names(cite, processor)
        out += [
            after if collapsed else group_delimiter,
            without if without is not None else cite.node,
        ]
        previous_base = base
    flush()
    return out


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
    """The cites with *delimiter* between them.

    A cite whose prefix starts with punctuation (``, and ...``) takes the delimiter's place;
    after a cite whose suffix ends in ``, . ;`` only the delimiter's space remains.
    """
    out: list[Part] = []
    for index, cite in enumerate(cites):
        if out and not _prefix_punctuated(cite):
            out.append(_delimiter_after(cites[index - 1], delimiter))
        out.append(cite.node)
    return out


def _delimiter_after(cite: RenderedCite, delimiter: str) -> str:
    """*delimiter* after *cite*: only from its space on where the cite's suffix ends ``, . ;``."""
    if (cite.cite.suffix or "")[-1:] in {",", ".", ";"}:
        space = delimiter.find(" ")
        return delimiter[space:] if space >= 0 else ""
    return delimiter


def _prefix_punctuated(cite: RenderedCite) -> bool:
    prefix = cite.cite.prefix or ""
    return prefix[:1] in {",", ";", ".", ":"}
