"""Citation clusters of a document, rendered in order (CSL 1.0.2 "Citation" features).

The engine registers the cited items (citation numbers follow the bibliography's order); the
pipeline then works out every cite's position (:mod:`.positions`), disambiguates the items'
cites (:mod:`.disambiguation`) and renders each cluster: cites sorted by the citation's
``cs:sort``, each cite rendered with its locator, affixes and suppress-author/author-only,
cites grouped and collapsed (:mod:`.collapsing`), joined with the layout's delimiter and
wrapped in its affixes and formatting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from citeproc import Locator
from citeproc.source import VariableError

from citeform.engine.base import CiteRequest, Entry
from citeform.engine.citeproc import collapsing, disambiguation
from citeform.engine.citeproc.cites import Cite, Disambiguation
from citeform.engine.citeproc.positions import CiteRef, Position, note_numbers_or_default, positions
from citeform.engine.citeproc.state import current, rendering
from citeform.errors import RenderError

DEFAULT_LOCATOR_LABEL = "page"
_NS = {"cs": "http://purl.org/net/xbiblio/csl"}
_SPACED_HYPHEN = re.compile(r"(?<=\w)\s*[-\u2013]\s*(?=\w)")


@attrs.frozen
class PlacedCite:
    """A cite request with the key of its item and its position in the document."""

    request: CiteRequest
    key: str
    place: Position


@attrs.frozen
class StyleFacts:
    """What the pipeline needs to know of a style, found once per loaded style."""

    prints_year_suffix: bool
    disambiguate_conditions: int
    prints_citation_label: bool
    note_style: bool


def style_facts(root: Any) -> StyleFacts:
    """The :class:`StyleFacts` of the style at *root* (searched once, then kept on it)."""
    facts: StyleFacts | None = root.__dict__.get("_citeform_style_facts")
    if facts is None:
        facts = StyleFacts(
            prints_year_suffix=bool(
                root.xpath('//cs:text[@variable="year-suffix"]', namespaces=_NS)
            ),
            disambiguate_conditions=len(root.xpath('//*[@disambiguate="true"]')),
            prints_citation_label=bool(
                root.xpath('//cs:text[@variable="citation-label"]', namespaces=_NS)
            ),
            note_style=root.get("class") == "note",
        )
        root.__dict__["_citeform_style_facts"] = facts
    return facts


class CitationPipeline:
    """Renders the clusters of one document with one loaded style.

    *root* is the style root (locales loaded, formatter set); *bibliography* is citeproc-py's
    bibliography of the cited items (its ``keys`` in the bibliography's order, ``source`` their
    references); *finish* turns rendered marker text into the output format.
    """

    def __init__(self, root: Any, bibliography: Any, finish: Callable[[object], str]) -> None:
        """Keep what rendering needs; numbers come from the bibliography's order."""
        self.root = root
        self.layout = root.citation.layout
        self.source = bibliography.source
        self.order: list[str] = list(bibliography.keys)
        self.numbers = {key: index + 1 for index, key in enumerate(self.order)}
        self.finish = finish
        self.states: dict[str, Disambiguation] = {}
        facts = style_facts(root)
        self.prints_year_suffix = facts.prints_year_suffix
        self.disambiguate_conditions = facts.disambiguate_conditions
        self.prints_citation_label = facts.prints_citation_label
        self.note_style = facts.note_style

    def render(
        self,
        clusters: Sequence[Sequence[tuple[str, CiteRequest]]],
        note_numbers: Sequence[int] | None,
    ) -> list[Entry]:
        """Render *clusters* of (item key, request) in document order, one entry each.

        A cluster that fails is an entry with a :class:`~citeform.errors.RenderError`
        naming it; the others render. When disambiguation fails, the clusters render
        without it and the first one carries the error.
        """
        notes = note_numbers_or_default(len(clusters), note_numbers)
        distance = int(self.root.citation.get_option("near-note-distance"))
        refs = [
            [CiteRef(key, _locator_key(request)) for key, request in cluster]
            for cluster in clusters
        ]
        placed = [
            [
                PlacedCite(request, key, place)
                for (key, request), place in zip(cluster, places, strict=True)
            ]
            for cluster, places in zip(clusters, positions(refs, notes, distance), strict=True)
        ]
        with rendering():
            not_disambiguated: RenderError | None = None
            try:
                self.states = disambiguation.disambiguate(
                    self, [cite for cluster in placed for cite in cluster]
                )
            except Exception as error:  # noqa: BLE001 - reported, the clusters still render
                self.states = {}
                not_disambiguated = _failure("disambiguation", error)
            output = []
            for index, cluster in enumerate(placed):
                try:
                    text = self.finish(self.render_cluster(cluster))
                except Exception as error:  # noqa: BLE001 - reported per cluster
                    output.append(
                        Entry(index, None, _failure(f"citation cluster {index + 1}", error))
                    )
                    continue
                output.append(Entry(index, text, not_disambiguated if index == 0 else None))
            return output

    def make_cite(self, placed: PlacedCite, state: Disambiguation | None = None) -> Cite:
        """The citeproc-py cite of *placed* with its item's disambiguation state."""
        request = placed.request
        state = state if state is not None else self.states.get(placed.key, Disambiguation())
        locator = None
        if request.locator:
            locator = Locator(locator_label(request.label), tidy_locator(request.locator))
        return Cite(
            placed.key,
            disambiguation.reference_for(self, placed, state),
            self.numbers.get(placed.key, 0),
            locator=locator,
            prefix=request.prefix,
            suffix=request.suffix,
            place=placed.place,
            disambiguation=state,
        )

    def render_cite(self, cite: Cite, *, suppress_author: bool = False) -> Any:
        """The cite's output (marker text) before its affixes; ``None`` when empty."""
        cite.reset_tracker(suppress_author=suppress_author)
        current().next_entry()
        self.layout.repressed = {}
        try:
            return self.layout.render_children(cite)
        except VariableError:
            return None

    def sorted_cites(self, cites: list[Cite]) -> list[Cite]:
        """*cites* in the order of the citation's ``cs:sort`` (as given when it has none)."""
        sort = self.root.citation.sort
        if sort is None or len(cites) < 2:
            return cites
        for cite in cites:
            cite.reset_tracker()
        return list(sort.sort(cites, self.layout))

    def render_cluster(self, cluster: Sequence[PlacedCite]) -> Any:
        """One cluster: sorted, rendered, grouped and collapsed, joined and wrapped."""
        cites = [self.make_cite(placed) for placed in cluster]
        request_of = {id(cite): placed.request for cite, placed in zip(cites, cluster, strict=True)}
        cites = self.sorted_cites(cites)
        joined = collapsing.join_cites(self, cites, [request_of[id(cite)] for cite in cites])
        if not joined:
            return ""
        return self.layout.format(self.layout.wrap(joined))


def _failure(where: str, error: Exception) -> RenderError:
    message = f"cannot render {where}: {type(error).__name__}: {error}"
    return RenderError(message, position=where)


def locator_label(label: str | None) -> str:
    """The locator type as a term name: ``page`` by default, ``sub verbo`` as ``sub-verbo``."""
    return (label or DEFAULT_LOCATOR_LABEL).strip().lower().replace(" ", "-")


def tidy_locator(locator: str) -> str:
    """A locator as citeproc-js prints it: trimmed, ranges closed up (``100 - 103`` -> ``100-103``).

    Hyphens become en dashes when the locator is rendered.
    """
    return _SPACED_HYPHEN.sub("-", locator.strip())


def _locator_key(request: CiteRequest) -> tuple[str | None, str] | None:
    if not request.locator:
        return None
    return (locator_label(request.label), tidy_locator(request.locator))
