"""One document processed at once: sorting, positions, year suffixes, citations, bibliography.

:class:`Processor` renders a document (citation clusters in order) and its
bibliography from the same pass, so the year suffixes and numbers of the citations
and of the bibliography always agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from citeform.engine.csl.author_substitute import substituted
from citeform.engine.csl.cluster_content import no_printed_form, printed_cites
from citeform.engine.csl.cluster_sort import Grouping, sort_cites
from citeform.engine.csl.cluster_sort import comparable as _comparable
from citeform.engine.csl.collapse import RenderedCite, collapse
from citeform.engine.csl.collation import run_key_text, sort_key
from citeform.engine.csl.compiler import (
    DATE_VARIABLES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    Decoration,
    variable_value,
)
from citeform.engine.csl.context import CiteData, Context, PrintedNames
from citeform.engine.csl.dates import parse_date
from citeform.engine.csl.disambiguation import Held, Key, Printed, Settings, disambiguate
from citeform.engine.csl.locale import Locale
from citeform.engine.csl.locators import NO_PRINTED_FORM
from citeform.engine.csl.locators import parsed_locator as _parsed_locator
from citeform.engine.csl.markup import ends_sentence, parse_markup
from citeform.engine.csl.names import NameOptions, format_name
from citeform.engine.csl.positions import PositionTracker
from citeform.engine.csl.rich import (
    Part,
    Rich,
    capitalize_leading_term,
    compared_text,
    flatten,
    plain,
)
from citeform.engine.csl.style import CompiledStyle, Section, SortKey


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


def _sort_string(text: str, lang: str) -> bytes:
    """*text* as a sort key in the collation of *lang*."""
    return sort_key(text, lang)


_NOT_TEXT: Final = frozenset({"locator", "year-suffix", "citation-number"})
"""Variables whose printing leaves a cite collapsible (with names and dates)."""

_MISSING: Final = (1, "")
"""The sort value of an item without the key's value (such items sort last)."""


_COMPARED: Final = CiteData(position="subsequent", near_note=True)
"""The cite data of the form compared for ambiguity (as citeproc-js: a subsequent cite)."""


@attrs.define
class Processor:
    """Renders a document's citations and bibliography with one compiled style and locale."""

    style: CompiledStyle
    locale: Locale
    output: str
    items: dict[str, Mapping[str, Any]]
    failures: list[tuple[str, Exception]] = attrs.field(factory=list)
    """What failed while processing (``citation cluster 2``, ``disambiguation``) and why."""
    _key_texts: dict[tuple[int, str, int], tuple[int, Any]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    """Each item's sort key values before collation, by key, item id and number."""
    _collation_keys: dict[str, bytes] = attrs.field(factory=dict, init=False, repr=False)
    """Texts in the locale's collation."""
    _cite_names: dict[str, tuple[int, Any]] = attrs.field(factory=dict, init=False, repr=False)
    """The names each item's cite prints first, as a sort key."""

    def _names_shown(self, settings: Settings) -> int:
        """How many names the citations show after adding names (0: as the style says)."""
        if not settings.add_names:
            return 0
        options = self.style.citation.options
        use_first = options.get("et-al-subsequent-use-first") or options.get("et-al-use-first")
        return int(use_first or 0) + settings.add_names

    @property
    def _initials_always(self) -> bool:
        """Whether given-name level 1 means initials even without ``initialize-with``."""
        rule = self.style.citation.options.get("givenname-disambiguation-rule", "")
        return rule.endswith("-with-initials")

    def _render_output(self, node: Part) -> str:
        return flatten(node, self.locale.quotes, self.output)

    # -- sorting ------------------------------------------------------------------------------

    def _key_value(self, key: SortKey, item_id: str, number: int) -> tuple[int, Any]:
        """*item_id*'s value for *key*: ``(0, value)``, or ``(1, "")`` when it has none."""
        found = self._key_text(key, item_id, number)
        if found[0] == 0 and isinstance(found[1], str):
            return (0, self._collated(found[1]))
        return found

    def _collated(self, text: str) -> bytes:
        """*text* as a sort key in the locale's collation (each text collated once)."""
        found = self._collation_keys.get(text)
        if found is None:
            found = self._collation_keys[text] = _sort_string(text, self.locale.lang)
        return found

    def _key_text(self, key: SortKey, item_id: str, number: int) -> tuple[int, Any]:
        """*item_id*'s value for *key* before collation (text, number or date), or ``_MISSING``.

        Each item's value for a key is worked out once per document.
        """
        remembered = (id(key), item_id, number)
        found = self._key_texts.get(remembered)
        if found is None:
            found = self._key_texts[remembered] = self._new_key_text(key, item_id, number)
        return found

    def _new_key_text(self, key: SortKey, item_id: str, number: int) -> tuple[int, Any]:
        item = self.items[item_id]
        context = Context(item, self.locale, "bibliography", sorting=True, citation_number=number)
        if key.macro is not None:
            if key.names_override:
                context.names_override = _names_override(key.names_override)
            node = key.macro(context)
            text = plain(node) if node is not None else ""
            return (0, text) if text else _MISSING
        variable = key.variable or ""
        if variable == "citation-number":
            return (0, number)
        value = variable_value(context, variable)
        return _MISSING if value is None else self._variable_key(variable, value, item)

    def _variable_key(self, variable: str, value: Any, item: Mapping[str, Any]) -> tuple[int, Any]:
        if variable in NAME_VARIABLES and isinstance(value, list):
            options = NameOptions(
                demote_non_dropping_particle=self.style.options.get(
                    "demote-non-dropping-particle", "display-and-sort"
                )
            )
            language = str(item.get("language") or "")
            names = " ".join(
                plain(
                    format_name(
                        name, options, self.locale, inverted=True, sorting=True, language=language
                    )
                )
                for name in value
            )
            return (0, names)
        if variable in DATE_VARIABLES:
            date = parse_date(value)
            if date is None or date.literal:  # a literal date sorts as no date
                return _MISSING
            return (0, (date.start, date.end or date.start))
        if variable in NUMBER_VARIABLES:
            match = re.search(r"-?\d+", str(value))
            return (0, int(match.group())) if match else (0, str(value))
        return (0, str(value))

    def sorted_ids(
        self, ids: Sequence[str], section: Section, numbers: Mapping[str, int]
    ) -> list[str]:
        """*ids* in *section*'s sort order (stable: ties keep their order).

        A key is worked out only for the items the keys before it leave tied.
        """
        return self._sorted_run(list(ids), section.sort, numbers)

    def _sorted_run(
        self, run: list[str], keys: Sequence[SortKey], numbers: Mapping[str, int]
    ) -> list[str]:
        if len(run) < 2 or not keys:
            return run
        key, rest = keys[0], keys[1:]
        values = {
            item_id: self._key_value(key, item_id, numbers.get(item_id, 0)) for item_id in run
        }
        present = [i for i in run if values[i][0] == 0]
        missing = [i for i in run if values[i][0] == 1]
        present.sort(key=lambda i: _comparable(values[i][1]), reverse=key.descending)
        result: list[str] = []
        tied: list[str] = []
        for item_id in present:
            if tied and _comparable(values[tied[0]][1]) != _comparable(values[item_id][1]):
                result += self._sorted_run(tied, rest, numbers)
                tied = []
            tied.append(item_id)
        result += self._sorted_run(tied, rest, numbers)
        return result + self._sorted_run(missing, rest, numbers)

    # -- rendering ----------------------------------------------------------------------------

    def render_entry(
        self, item_id: str, number: int, settings: Settings
    ) -> tuple[Part | None, Context]:
        """One bibliography entry as rich text, with the context it was rendered in.

        The names the citations added (counted as the citation's et-al options count them),
        and the given names they expanded, show here too where the entry would show less.
        """
        section = self.style.bibliography
        assert section is not None  # noqa: S101 - only called for styles with a bibliography
        context = Context(
            self.items[item_id],
            self.locale,
            "bibliography",
            citation_number=number,
            year_suffix=settings.year_suffix,
            disambiguate=settings.disambiguate,
            names_shown=self._names_shown(settings),
            given_levels=settings.given_levels,
            given_positions=settings.given_positions,
            initials_always=self._initials_always,
        )
        if section.first_child is not None and section.rest is not None:
            return self._aligned(section, context), context
        node = section.layout(context)
        if node is None:
            return None, context
        return section.decoration.apply(node, context), context

    def _aligned(self, section: Section, context: Context) -> Part | None:
        """An entry of a ``second-field-align`` style.

        The first field goes in the margin, the rest (with the layout's suffix) beside it.
        """
        assert section.first_child is not None  # noqa: S101 - called for aligned styles only
        assert section.rest is not None  # noqa: S101 - called for aligned styles only
        first = section.first_child(context)
        rest = section.rest(context)
        before, after = _split_decoration(section.decoration)
        parts: list[Part] = []
        if first is not None:
            parts.append(Rich((before.apply(first, context),), display="left-margin"))
        if rest is not None:
            trimmed, spaces = _rstrip(after.apply(rest, context))
            parts.append(Rich((trimmed,), display="right-inline"))
            parts.append(spaces)  # the ending spaces go after the division
        return Rich(tuple(parts)) if parts else None

    def render_cite(  # noqa: PLR0913 - the cite, its data and how to render it
        self,
        cite: Cite,
        data: CiteData,
        number: int,
        settings: Settings,
        *,
        without_names: bool = False,
        comparing: bool = False,
    ) -> tuple[Part | None, Context]:
        """One cite with the citation layout (without the layout's affixes).

        *comparing* renders the form that decides whether cites are ambiguous.
        """
        context = Context(
            self.items[cite.item_id],
            self.locale,
            "citation",
            cite=data,
            citation_number=number,
            year_suffix=settings.year_suffix,
            disambiguate=settings.disambiguate,
            add_names=settings.add_names,
            given_levels=settings.given_levels,
            given_positions=settings.given_positions,
            initials_always=self._initials_always,
            suppress_first_names=without_names or cite.suppress_author,
            comparing=comparing,
            author_only=cite.author_only,
        )
        if cite.author_only:
            context.cite = attrs.evolve(data, locator=None)
        node = self.style.citation.layout(context)
        if node is None:
            if not (cite.prefix or cite.suffix):
                return None, context
            node = Rich(())  # the affixes print around the nothing left, as citeproc-js has it
        if self.style.cls == "note" and cite.prefix and ends_sentence(cite.prefix):
            node = capitalize_leading_term(node)
        quotes = self.locale.quotes
        parts = [
            parse_markup(cite.prefix, quotes) if cite.prefix else None,
            node,
            Rich((parse_markup(cite.suffix, quotes),), held=True) if cite.suffix else None,
        ]
        return Rich(tuple(part for part in parts if part)), context

    # -- documents ---------------------------------------------------------------------------

    def process(
        self,
        clusters: Sequence[Sequence[Cite]],
        note_numbers: Sequence[int] | None = None,
        *,
        citations: bool = True,
    ) -> tuple[list[str], list[tuple[str, str]]]:
        """The citations of *clusters* and the bibliography of the items they cite.

        With ``citations=False`` only the bibliography is rendered (the citations list is empty).
        """
        cited = list(dict.fromkeys(cite.item_id for cluster in clusters for cite in cluster))
        order_numbers = {item_id: index + 1 for index, item_id in enumerate(cited)}
        bibliography = self.style.bibliography
        order = (
            self.sorted_ids(cited, bibliography, order_numbers)
            if bibliography is not None and len(cited) > 1
            else list(cited)
        )
        numbers = {item_id: index + 1 for index, item_id in enumerate(order)}
        settings = {item_id: Settings() for item_id in order}
        if len(order) > 1:  # one item: nothing to tell apart
            try:
                settings = disambiguate(
                    order,
                    self.items,
                    self.style.citation.options,
                    self._key_function(numbers),
                    all_held=(
                        self._all_held_function(numbers) if self.style.has_disambiguate else None
                    ),
                )
            except Exception as error:  # noqa: BLE001 - reported, rendered without it
                self.failures.append(("disambiguation", error))
        rendered = self._citations(clusters, numbers, settings, note_numbers) if citations else []
        entries = self._bibliography(order, numbers, settings) if bibliography else []
        return rendered, entries

    def _key_function(self, numbers: Mapping[str, int]) -> Key:
        def key(item_id: str, settings: Settings) -> Printed:
            node, context = self.render_cite(
                Cite(item_id), _COMPARED, numbers[item_id], settings, comparing=True
            )
            text = plain(node) if node is not None else ""
            return Printed(text, context.names_cut, context.given_read)

        return key

    def _all_held_function(self, numbers: Mapping[str, int]) -> Held:
        def all_held(item_id: str, settings: Settings) -> bool:
            _node, context = self.render_cite(
                Cite(item_id), _COMPARED, numbers[item_id], settings, comparing=True
            )
            return context.disambiguated == context.disambiguate_tested

        return all_held

    def _bibliography(
        self, order: list[str], numbers: Mapping[str, int], settings: Mapping[str, Settings]
    ) -> list[tuple[str, str]]:
        bibliography = self.style.bibliography
        assert bibliography is not None  # noqa: S101 - called only with a bibliography
        entries: list[tuple[str, str]] = []
        previous_names: Sequence[PrintedNames] = ()
        substitute = bibliography.options.get("subsequent-author-substitute")
        rule = bibliography.options.get("subsequent-author-substitute-rule") or "complete-all"
        for item_id in order:
            node, context = self.render_entry(item_id, numbers[item_id], settings[item_id])
            if node is None and self.style.numbered:  # its number stays taken
                node = f"{len(entries) + 1}. {NO_PRINTED_ENTRY}"
            if node is None:
                entries.append((item_id, ""))
                continue
            node = capitalize_leading_term(node)
            if (
                substitute is not None
                and context.first_names is not None
                and not context.author_substitute_off
                and (context.first_name_lists or context.substituted_value)
            ):  # a substitute's text compares by its variable's value; a term, not at all
                lists = context.first_name_lists or (
                    PrintedNames(
                        compared_text(context.first_names) or context.first_names,
                        context.substituted_value or "",
                    ),
                )
                node = substituted(node, lists, previous_names, rule, substitute)
                previous_names = lists
            text = self._render_output(node)
            # citeproc-js keeps an HTML entry's outer spaces inside its division
            entries.append((item_id, _html_entry(text) if self.output == "html" else text.strip()))
        return entries

    def _citations(
        self,
        clusters: Sequence[Sequence[Cite]],
        numbers: Mapping[str, int],
        settings: Mapping[str, Settings],
        note_numbers: Sequence[int] | None,
    ) -> list[str]:
        section = self.style.citation
        tracker = PositionTracker(int(section.options.get("near-note-distance", "5") or 5))
        out: list[str] = []
        for index, cluster in enumerate(clusters):
            note = note_numbers[index] if note_numbers and index < len(note_numbers) else index + 1
            try:
                out.append(self.render_cluster(cluster, note, tracker, numbers, settings))
            except Exception as error:  # noqa: BLE001 - reported, the other clusters render
                self.failures.append((f"citation cluster {index + 1}", error))
                out.append("")
        return out

    def render_cluster(
        self,
        cluster: Sequence[Cite],
        note: int,
        tracker: PositionTracker,
        numbers: Mapping[str, int],
        settings: Mapping[str, Settings],
    ) -> str:
        """One citation cluster in note *note*: its cites sorted, placed, rendered and collapsed."""
        cites = [_parsed_locator(cite, self.items[cite.item_id]) for cite in cluster]
        cites = self._sorted_cites(cites, numbers, settings)
        positions = tracker.cluster(cites, note)
        section = self.style.citation
        shown = {id(cite) for cite in printed_cites(cites)}
        rendered: list[RenderedCite] = []
        for cite, data in zip(cites, positions, strict=True):
            if id(cite) not in shown:
                continue
            item_settings = settings[cite.item_id]
            node, context = self.render_cite(
                cite, data, numbers.get(cite.item_id, 0), item_settings
            )
            if node is None and cite is cites[0]:
                node = no_printed_form(cites)
            if node is None:
                continue
            # only names collapse: a substitute's title or term does not (citeproc-js)
            printed = context.first_names if context.first_name_lists else None
            names = plain(printed) if printed is not None else ""
            texts = context.rendered_variables - NAME_VARIABLES - DATE_VARIABLES - _NOT_TEXT
            rendered.append(
                RenderedCite(
                    cite,
                    node,
                    names,
                    numbers.get(cite.item_id, 0),
                    item_settings,
                    data,
                    text_rendered=bool(texts) or context.text_variable_tried,
                    locator_printed="locator" in context.rendered_variables,
                )
            )
        if not rendered:
            return NO_PRINTED_FORM
        body = Rich(tuple(collapse(rendered, section, self)))
        if any(c.author_only for c in cites):  # the author alone, without its formatting
            return self._render_output(plain(body))
        context = Context({}, self.locale, "citation")
        decorated = section.decoration.apply(body, context)
        if self.style.cls == "note":
            decorated = capitalize_leading_term(decorated)
        return self._render_output(decorated) or NO_PRINTED_FORM

    def _sorted_cites(
        self, cites: list[Cite], numbers: Mapping[str, int], settings: Mapping[str, Settings]
    ) -> list[Cite]:
        """A cluster's cites in the citation's sort order (grouped by names where it collapses)."""
        section = self.style.citation
        if not section.sort or len(cites) < 2:
            return cites
        if any(key.variable == "citation-number" for key in section.sort):
            ids = self.sorted_ids(list(dict.fromkeys(c.item_id for c in cites)), section, numbers)
            return sorted(cites, key=lambda cite: ids.index(cite.item_id))

        def keys(cite: Cite) -> list[tuple[int, Any]]:
            number = numbers.get(cite.item_id, 0)
            return [self._key_value(key, cite.item_id, number) for key in section.sort]

        def names(cite: Cite) -> tuple[int, Any]:
            found = self._cite_names.get(cite.item_id)
            if found is None:
                found = self._cite_names[cite.item_id] = self._names_key(
                    cite.item_id, numbers, settings
                )
            return found

        def run_key(cite: Cite, place: int) -> tuple[int, Any]:
            first = self._key_text(section.sort[0], cite.item_id, numbers.get(cite.item_id, 0))
            if first == _MISSING:  # citeproc-js appends the place to "undefined"
                return (0, run_key_text(f"undefined{place}", self.locale.lang))
            if isinstance(first[1], str):
                return (
                    0,
                    run_key_text("|".join([*first[1].split(), str(place)]), self.locale.lang),
                )
            return (0, (first[1], place))

        options = section.options
        grouped = (self.style.cls == "in-text" and bool(options.get("collapse"))) or bool(
            options.get("cite-group-delimiter")
        )
        descending = [key.descending for key in section.sort]
        return sort_cites(cites, keys, descending, Grouping(names, run_key) if grouped else None)

    def _names_key(
        self, item_id: str, numbers: Mapping[str, int], settings: Mapping[str, Settings]
    ) -> tuple[int, Any]:
        """The names *item_id*'s cite prints first, as a sort key (cites group by them)."""
        item = self.items[item_id]
        if not any(item.get(variable) for variable in NAME_VARIABLES):
            return _MISSING
        _node, context = self.render_cite(
            Cite(item_id), CiteData(), numbers.get(item_id, 0), settings[item_id]
        )
        if context.first_names is None:
            return _MISSING
        return (0, self._collated(plain(context.first_names)))


NO_PRINTED_ENTRY: Final = "[CSL STYLE ERROR: reference with no printed form.]"
"""What a numbered style's entry that prints nothing shows, after its number (citeproc-js)."""


def _names_override(override: Mapping[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if "names-min" in override:
        result["et_al_min"] = int(override["names-min"] or 0)
    if "names-use-first" in override:
        result["et_al_use_first"] = int(override["names-use-first"] or 0)
    if "names-use-last" in override:
        result["et_al_use_last"] = override["names-use-last"] == "true"
    return result


def _html_entry(text: str) -> str:
    """An HTML entry in its ``csl-entry`` division (display divisions bring their own spaces)."""
    return f'<div class="csl-entry">{text}</div>'


def _rstrip(node: Part) -> tuple[Part, str]:
    """*node* without the spaces that end it, and those spaces (written after its division)."""
    if isinstance(node, str):
        text = node.rstrip()
        if text == node:
            return node, ""
        return type(node)(text), node[len(text) :]  # a term stays a term
    for index in range(len(node.parts) - 1, -1, -1):
        part = node.parts[index]
        if isinstance(part, str) and not part.strip():
            continue
        stripped, spaces = _rstrip(part)
        after = "".join(str(rest) for rest in node.parts[index + 1 :])
        return attrs.evolve(node, parts=(*node.parts[:index], stripped)), spaces + after
    return attrs.evolve(node, parts=()), plain(node)


@functools.lru_cache(maxsize=64)
def _split_decoration(layout: Decoration) -> tuple[Decoration, Decoration]:
    """A ``second-field-align`` layout's decoration of the first field and of the rest."""
    return attrs.evolve(layout, suffix=""), attrs.evolve(layout, prefix="")
