"""One document processed at once: sorting, positions, year suffixes, citations, bibliography.

:class:`Processor` renders a document (citation clusters in order) and its
bibliography from the same pass, so the year suffixes and numbers of the citations
and of the bibliography always agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from citeform.engine.csl.context import CiteData, Context
from citeform.engine.csl.dates import parse_date
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.names import NameOptions, format_name
from citeform.engine.csl.rich import Part, Rich, join, plain, to_html, to_text
from citeform.engine.csl.style import CompiledStyle, Section, SortKey
from citeform.engine.csl.compiler import (
    DATE_VARIABLES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    variable_value,
)

_MARKUP: Final = re.compile(r"<[^>]+>")


@attrs.frozen
class Cite:
    """One cite of a cluster as the processor takes it."""

    item_id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


def _year_suffix(number: int) -> str:
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _sort_string(text: str) -> str:
    text = _MARKUP.sub("", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"^[\W_]+", "", text.lower().replace("’", "'"))


@attrs.define
class Processor:
    """Renders a document's citations and bibliography with one compiled style and locale."""

    style: CompiledStyle
    locale: Locale
    output: str
    items: dict[str, Mapping[str, Any]]

    def _render_output(self, node: Part) -> str:
        if self.output == "html":
            return to_html(node, punctuation_in_quote=self.locale.punctuation_in_quote)
        return to_text(node, punctuation_in_quote=self.locale.punctuation_in_quote)

    # -- sorting ------------------------------------------------------------------------------

    def _key_value(
        self, key: SortKey, item: Mapping[str, Any], section: Section, number: int
    ) -> tuple[int, Any]:
        context = Context(item, self.locale, "bibliography", sorting=True, citation_number=number)
        if key.macro is not None:
            if key.names_override:
                context.names_override = _names_override(key.names_override)
            node = key.macro(context)
            text = plain(node) if node is not None else ""
            return (0, _sort_string(text)) if text else (1, "")
        variable = key.variable or ""
        if variable == "citation-number":
            return (0, number)
        value = variable_value(context, variable)
        if value is None:
            return (1, "")
        if variable in NAME_VARIABLES and isinstance(value, list):
            options = NameOptions(name_as_sort_order="all", sort_separator=" ")
            names = " ".join(
                plain(format_name(name, options, self.locale, inverted=True, sorting=True))
                for name in value
            )
            return (0, _sort_string(names))
        if variable in DATE_VARIABLES:
            date = parse_date(value)
            if date is None:
                return (1, "")
            end = date.end or date.start
            return (0, (date.start, end))
        if variable in NUMBER_VARIABLES:
            match = re.search(r"-?\d+", str(value))
            return (0, int(match.group())) if match else (0, _sort_string(str(value)))
        return (0, _sort_string(str(value)))

    def sorted_ids(
        self, ids: Sequence[str], section: Section, numbers: Mapping[str, int]
    ) -> list[str]:
        """*ids* in *section*'s sort order (stable: ties keep their order)."""
        if not section.sort:
            return list(ids)
        result = list(ids)
        for key in reversed(section.sort):
            values = {
                item_id: self._key_value(key, self.items[item_id], section, numbers.get(item_id, 0))
                for item_id in result
            }
            present = [i for i in result if values[i][0] == 0]
            missing = [i for i in result if values[i][0] == 1]
            present.sort(key=lambda i: _comparable(values[i][1]), reverse=key.descending)
            result = present + missing
        return result

    # -- rendering ----------------------------------------------------------------------------

    def render_entry(
        self, item_id: str, number: int, year_suffix: str
    ) -> tuple[Part | None, Context]:
        """One bibliography entry as rich text, with the context it was rendered in."""
        section = self.style.bibliography
        assert section is not None  # noqa: S101 - only called for styles with a bibliography
        context = Context(
            self.items[item_id],
            self.locale,
            "bibliography",
            citation_number=number,
            year_suffix=year_suffix,
        )
        if section.first_child is not None and section.rest is not None:
            first = section.first_child(context)
            rest = section.rest(context)
            parts: list[Part] = []
            if first is not None:
                parts.append(Rich((first,), display="left-margin"))
            if rest is not None:
                parts.append(Rich((rest,), display="right-inline"))
            node: Part | None = Rich(tuple(parts)) if parts else None
        else:
            node = section.layout(context)
        if node is None:
            return None, context
        return section.decoration.apply(node, context), context

    def render_cite(
        self, cite: Cite, data: CiteData, number: int, year_suffix: str, disambiguate: bool = False
    ) -> Part | None:
        """One cite with the citation layout (without the layout's affixes)."""
        context = Context(
            self.items[cite.item_id],
            self.locale,
            "citation",
            cite=data,
            citation_number=number,
            year_suffix=year_suffix,
            disambiguate=disambiguate,
        )
        if cite.suppress_author:
            context.suppressed |= _author_variables(self.items[cite.item_id])
        node = self.style.citation.layout(context)
        if cite.author_only:
            return context.first_names if context.first_names is not None else node
        parts: list[Part | None] = [cite.prefix, node, cite.suffix]
        if node is None:
            return None
        return Rich(tuple(part for part in parts if part))

    # -- documents ---------------------------------------------------------------------------

    def process(
        self, clusters: Sequence[Sequence[Cite]], note_numbers: Sequence[int] | None = None
    ) -> tuple[list[str], list[tuple[str, str]]]:
        """The citations of *clusters* and the bibliography of the items they cite."""
        cited: list[str] = []
        for cluster in clusters:
            for cite in cluster:
                if cite.item_id not in cited:
                    cited.append(cite.item_id)
        return self._process(clusters, cited, note_numbers)

    def _process(
        self,
        clusters: Sequence[Sequence[Cite]],
        cited: list[str],
        note_numbers: Sequence[int] | None,
    ) -> tuple[list[str], list[tuple[str, str]]]:
        order_numbers = {item_id: index + 1 for index, item_id in enumerate(cited)}
        bibliography = self.style.bibliography
        if bibliography is not None:
            order = self.sorted_ids(cited, bibliography, order_numbers)
        else:
            order = list(cited)
        numbers = {item_id: index + 1 for index, item_id in enumerate(order)}
        suffixes = self._year_suffixes(order, numbers)
        citations = self._citations(clusters, numbers, suffixes, note_numbers)
        entries: list[tuple[str, str]] = []
        if bibliography is not None:
            previous_names = ""
            substitute = bibliography.options.get("subsequent-author-substitute")
            for item_id in order:
                node, context = self.render_entry(
                    item_id, numbers[item_id], suffixes.get(item_id, "")
                )
                if node is None:
                    entries.append((item_id, ""))
                    continue
                if substitute is not None and context.first_names is not None:
                    names_text = plain(context.first_names)
                    if names_text and names_text == previous_names:
                        node = _replace(node, context.first_names, substitute)
                    previous_names = names_text
                entries.append((item_id, self._render_output(node)))
        return citations, entries

    def _year_suffixes(self, order: list[str], numbers: Mapping[str, int]) -> dict[str, str]:
        if self.style.citation.options.get("disambiguate-add-year-suffix") != "true":
            return {}
        groups: dict[str, list[str]] = {}
        for item_id in order:
            node = self.render_cite(Cite(item_id), CiteData(), numbers[item_id], "")
            key = plain(node) if node is not None else ""
            groups.setdefault(key, []).append(item_id)
        suffixes: dict[str, str] = {}
        for members in groups.values():
            if len(members) > 1:
                for index, item_id in enumerate(members):
                    suffixes[item_id] = _year_suffix(index)
        return suffixes

    def _citations(
        self,
        clusters: Sequence[Sequence[Cite]],
        numbers: Mapping[str, int],
        suffixes: Mapping[str, str],
        note_numbers: Sequence[int] | None,
    ) -> list[str]:
        section = self.style.citation
        last_note: dict[str, int] = {}
        first_note: dict[str, int] = {}
        previous_cluster: list[Cite] = []
        near_distance = int(section.options.get("near-note-distance", "5") or 5)
        out: list[str] = []
        seen: set[str] = set()
        for index, cluster in enumerate(clusters):
            note = note_numbers[index] if note_numbers and index < len(note_numbers) else index + 1
            cites = list(cluster)
            if section.sort:
                ids = self.sorted_ids([c.item_id for c in cites], section, numbers)
                cites.sort(key=lambda c: ids.index(c.item_id))
            rendered: list[Part] = []
            for position_index, cite in enumerate(cites):
                previous = (
                    cites[position_index - 1]
                    if position_index
                    else (
                        previous_cluster[-1]
                        if len(previous_cluster) == 1 or previous_cluster
                        else None
                    )
                )
                if cite.item_id not in seen:
                    position = "first"
                elif (
                    previous is not None
                    and previous.item_id == cite.item_id
                    and (position_index or len(previous_cluster) == 1)
                ):
                    if (
                        cite.locator
                        and cite.locator != previous.locator
                        or (not previous.locator and cite.locator)
                    ):
                        position = "ibid-with-locator"
                    elif previous.locator and not cite.locator:
                        position = "subsequent"
                    else:
                        position = "ibid"
                else:
                    position = "subsequent"
                near = cite.item_id in last_note and note - last_note[cite.item_id] <= near_distance
                data = CiteData(
                    cite.locator, cite.label, position, near, first_note.get(cite.item_id)
                )
                node = self.render_cite(
                    cite, data, numbers.get(cite.item_id, 0), suffixes.get(cite.item_id, "")
                )
                if node is not None:
                    rendered.append(node)
                seen.add(cite.item_id)
                first_note.setdefault(cite.item_id, note)
                last_note[cite.item_id] = note
            previous_cluster = cites
            if not rendered:
                out.append("")
                continue
            body = Rich(tuple(join(rendered, section.delimiter)))
            context = Context({}, self.locale, "citation")
            author_only = all(c.author_only for c in cites)
            decorated = body if author_only else section.decoration.apply(body, context)
            out.append(self._render_output(decorated))
        return out


def _comparable(value: Any) -> tuple[int, Any]:
    """Sort values of mixed kinds made comparable: numbers, then dates, then text."""
    if isinstance(value, int):
        return (0, value)
    if isinstance(value, tuple):
        return (1, value)
    return (2, value)


def _names_override(override: Mapping[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if "names-min" in override:
        result["et_al_min"] = int(override["names-min"] or 0)
    if "names-use-first" in override:
        result["et_al_use_first"] = int(override["names-use-first"] or 0)
    if "names-use-last" in override:
        result["et_al_use_last"] = override["names-use-last"] == "true"
    return result


def _author_variables(item: Mapping[str, Any]) -> set[str]:
    for variable in ("author", "editor", "translator", "composer", "director"):
        if item.get(variable):
            return {variable}
    return set()


def _replace(node: Part, target: Part, replacement: str) -> Part:
    if node is target:
        return replacement
    if isinstance(node, str):
        return node
    return Rich(
        tuple(_replace(part, target, replacement) for part in node.parts),
        node.formatting,
        node.display,
        node.nocase,
    )
