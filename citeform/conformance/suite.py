"""Run CSL test-suite fixtures through citeform's public API and compare with ``RESULT``.

Two counts are kept for every fixture (see ``conformance/csl-test-suite/README.md``):

- ``simple``: the project's reference count. Records go to ``Renderer.citation`` one cluster at
  a time and to ``Renderer.bibliography``; fixtures that this API cannot express (note positions
  from ``CITATIONS``, cite items with options, several clusters in a style that tests ``position``)
  count as failed.
- ``full``: citation mode through the citation API: ``Renderer.document`` with cite items
  (locators, labels, affixes, suppress-author, author-only), clusters in document order and note
  numbers. Bibliography mode is rendered as for ``simple``.
"""

from __future__ import annotations

import re
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import attrs

from citeform.conformance.engines import make_renderer
from citeform.conformance.fixtures import Fixture, parse_fixture
from citeform.errors import UnknownLocaleError
from citeform.rendering import CiteItem, Renderer
from citeform.styles import defines_locale, resolve_locale

TIMEOUT_SECONDS = 20.0
"""How long one fixture may take before it counts as failed (``timeout``)."""

_CITE_OPTIONS = frozenset(
    {
        "locator",
        "label",
        "prefix",
        "suffix",
        "position",
        "near-note",
        "suppress-author",
        "author-only",
    }
)
_ENTITIES = {
    "&amp;": "&#38;",
    "&lt;": "&#60;",
    "&gt;": "&#62;",
    "&quot;": "&#34;",
    "&apos;": "&#39;",
}
_ENTITY = re.compile("|".join(_ENTITIES))
_SPACE_AT_DIV = re.compile(r"\s*(<div[^>]*>|</div>)\s*")
_DEFAULT_LOCALE = re.compile(r"<style\b[^>]*\bdefault-locale=[\"']([^\"']+)[\"']")


class FixtureTimeoutError(Exception):
    """A fixture ran longer than :data:`TIMEOUT_SECONDS`."""


@attrs.frozen
class Outcome:
    """What one fixture gave under one count."""

    passed: bool
    output: str | None = None
    error: str | None = None


@attrs.frozen
class FixtureResult:
    """A fixture's expected output and its outcome under both counts."""

    name: str
    group: str
    expected: str
    simple: Outcome
    full: Outcome


def normalise(text: str) -> str:
    """Normalise output for comparison as the suite README says.

    Whitespace next to ``<div …>``/``</div>`` and at the start and end of lines is dropped;
    named entities count as their numeric forms.
    """
    text = _ENTITY.sub(lambda match: _ENTITIES[match.group()], text)
    text = _SPACE_AT_DIV.sub(r"\1", text)
    return "\n".join(line.strip() for line in text.strip().splitlines())


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FixtureTimeoutError` in the block after *seconds* (main thread, POSIX only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise FixtureTimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(render: Callable[[], str], expected: str, timeout: float) -> Outcome:
    """Run *render* under a time limit; any exception is a failure named by its kind."""
    try:
        with time_limit(timeout):
            output = render()
    except FixtureTimeoutError:
        return Outcome(passed=False, error="timeout")
    except Exception as error:  # noqa: BLE001 - one fixture's crash must not end the run
        return Outcome(passed=False, error=f"{type(error).__name__}: {error}")
    return Outcome(passed=normalise(output) == normalise(expected), output=output)


def run_fixture(
    path: Path, workdir: Path, timeout: float = TIMEOUT_SECONDS, engine: str | None = None
) -> FixtureResult:
    """Run the fixture at *path* under both counts with *engine*; *workdir* gets its style file."""
    try:
        fixture = parse_fixture(path)
    except ValueError as error:
        failed = Outcome(passed=False, error=f"unreadable fixture: {error}")
        return FixtureResult(path.stem, path.stem.split("_", 1)[0], "", failed, failed)
    style_path = workdir / f"{fixture.name}.csl"
    style_path.write_text(fixture.csl, encoding="utf-8")
    run = FixtureRun(fixture, style_path, engine)
    if run.expressible_simply():
        simple = guarded(run.render_simple, fixture.result, timeout)
    else:
        simple = Outcome(passed=False, error="not expressible with the simple API")
    full = guarded(run.render_full, fixture.result, timeout)
    return FixtureResult(fixture.name, fixture.group, fixture.result, simple, full)


def run_suite(
    paths: Sequence[Path],
    timeout: float = TIMEOUT_SECONDS,
    progress: Callable[[FixtureResult], None] | None = None,
    engine: str | None = None,
) -> list[FixtureResult]:
    """Run every fixture in *paths* with *engine*, guarded; call *progress* after each."""
    results = []
    with tempfile.TemporaryDirectory(prefix="citeform-suite-") as workdir:
        for path in paths:
            result = run_fixture(path, Path(workdir), timeout, engine)
            results.append(result)
            if progress is not None:
                progress(result)
    return results


@attrs.define
class FixtureRun:
    """Renders one fixture through the public API."""

    fixture: Fixture
    style_path: Path
    engine: str | None = None
    records: dict[str, dict[str, Any]] = attrs.field(init=False)
    locale: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        """Read the default locale (en-US when none or unknown, as citeproc-js); index items."""
        match = _DEFAULT_LOCALE.search(self.fixture.csl)
        self.locale = self._default_locale(match.group(1)) if match else "en-US"
        self.records = {item["id"]: item for item in self.fixture.items}

    def _default_locale(self, locale: str) -> str:
        """The style's *locale*, or en-US where no locale file has it.

        With the ``csl`` engine a locale the style itself defines stays.
        """
        if self.engine == "csl" and defines_locale(self.style_path, locale):
            return locale
        return _known_or_en_us(locale)

    def renderer(self) -> Renderer:
        """A renderer of the fixture's style in HTML."""
        return make_renderer(self.style_path, self.locale, "html", self.engine)

    def record(self, key: object) -> dict[str, Any]:
        """The ``INPUT`` item of id *key*, passed to the API as it is (a CSL-JSON dict)."""
        return self.records[str(key)]

    # --- which clusters ---------------------------------------------------------------

    def clusters(self) -> list[list[dict[str, Any]]]:
        """The clusters: of ``CITATIONS`` (in call order), ``CITATION-ITEMS``, else all items."""
        if self.fixture.citations:
            return [call[0]["citationItems"] for call in self.fixture.citations]
        if self.fixture.citation_items is not None:
            return self.fixture.citation_items
        return [[{"id": item["id"]} for item in self.registry_order()]]

    def registry_order(self) -> list[dict[str, Any]]:
        """The ``INPUT`` items in the bibliography's order.

        citeproc-js's test runner cites all items of a fixture without ``CITATION-ITEMS``
        in the order its registry sorts them (the style's bibliography sort, else input order).
        """
        items = self.fixture.items
        if self.fixture.mode != "citation" or len(items) < 2:
            return items
        renderer = self.renderer()
        entries = renderer.engine(renderer.locale_for(items[:1])).bibliography(items)
        order = [entry.index for entry in entries]
        if sorted(order) != list(range(len(items))):
            return items
        return [items[index] for index in order]

    def bibliography_ids(self) -> list[str]:
        """Ids listed in the bibliography, as the suite README says."""
        if self.fixture.citations or self.fixture.citation_items is not None:
            ids = [str(cite["id"]) for cluster in self.clusters() for cite in cluster]
            return list(dict.fromkeys(ids))
        if self.fixture.bibentries:
            return [str(key) for key in self.fixture.bibentries[-1]]
        return [item["id"] for item in self.fixture.items]

    def expressible_simply(self) -> bool:
        """Whether the simple API can express this fixture (else it counts as failed)."""
        if self.fixture.mode != "citation":
            return True
        if self.fixture.citations:
            return False
        clusters = self.fixture.citation_items
        if clusters is None:  # one citation of all items
            return True
        if any(_CITE_OPTIONS & cite.keys() for cluster in clusters for cite in cluster):
            return False
        return not (len(clusters) > 1 and 'position="' in self.fixture.csl)

    # --- rendering ----------------------------------------------------------------------

    def render_simple(self) -> str:
        """Render through ``citation(records)`` per cluster, or ``bibliography(records)``."""
        renderer = self.renderer()
        if self.fixture.mode == "bibliography":
            return self.render_bibliography(renderer)
        return "\n".join(
            renderer.citation([self.record(cite["id"]) for cite in cluster])
            for cluster in self.clusters()
        )

    def render_full(self) -> str:
        """Render through the citation API (``document`` with cite items and note numbers)."""
        renderer = self.renderer()
        if self.fixture.mode == "bibliography":
            return self.render_bibliography(renderer)
        if self.fixture.citations:
            notes_matter = "first-reference-note-number" in self.fixture.csl
            return replay_citations(
                self.fixture.citations, renderer, self.cite_item, notes_matter=notes_matter
            )
        clusters = [[self.cite_item(cite) for cite in cluster] for cluster in self.clusters()]
        return "\n".join(renderer.document(clusters))

    def render_bibliography(self, renderer: Renderer) -> str:
        """The bibliography of the cited items, wrapped as citeproc-js writes it."""
        entries = renderer.bibliography([self.record(key) for key in self.bibliography_ids()])
        wrapped = (
            entry
            if entry.lstrip().startswith('<div class="csl-entry"')
            else f'<div class="csl-entry">{entry}</div>'
            for entry in entries
        )
        return '<div class="csl-bib-body">' + "".join(wrapped) + "</div>"

    def cite_item(self, cite: dict[str, Any]) -> CiteItem:
        """The public cite item of a fixture cite (positions are computed, not taken)."""
        return CiteItem(
            self.record(cite["id"]),
            locator=_text_or_none(cite.get("locator")),
            label=cite.get("label"),
            prefix=cite.get("prefix"),
            suffix=cite.get("suffix"),
            suppress_author=bool(cite.get("suppress-author", False)),
            author_only=bool(cite.get("author-only", False)),
        )


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def replay_citations(
    calls: Sequence[Sequence[Any]],
    renderer: Renderer,
    cite_item: Callable[[dict[str, Any]], CiteItem],
    *,
    notes_matter: bool = False,
) -> str:
    """Replay citeproc-js ``processCitationCluster`` calls and print its test-runner output.

    Each call inserts a citation between the ones listed before and after it (with their note
    numbers). After the last call every citation is printed in document order, marked ``>>`` when
    the last call changed it or inserted it, ``..`` otherwise. A citation changes when its text
    does or, when *notes_matter* (the style prints note numbers), its note number does.
    """
    clusters: dict[str, list[CiteItem]] = {}
    notes: dict[str, int] = {}
    previous: dict[str, str] = {}
    order: list[str] = []
    changed: set[str] = set()
    for citation, before, after in calls:
        key = str(citation.get("citationID", len(clusters)))
        clusters[key] = [cite_item(cite) for cite in citation["citationItems"]]
        old_notes = dict(notes)
        notes[key] = int(citation.get("properties", {}).get("noteIndex", 0) or 0)
        for other, note in (*before, *after):
            notes[str(other)] = int(note or 0)
        order = [str(other) for other, _ in before] + [key] + [str(other) for other, _ in after]
        order = [other for other in order if other in clusters]
        texts = renderer.document(
            [clusters[other] for other in order], note_numbers=[notes[other] for other in order]
        )
        current = dict(zip(order, texts, strict=True))
        changed = {
            other
            for other in order
            if previous.get(other) != current[other]
            or (notes_matter and old_notes.get(other) != notes[other])
        } | {key}
        previous = current
    return "\n".join(
        f"{'>>' if key in changed else '..'}[{index}] {previous[key]}"
        for index, key in enumerate(order)
    )


def _known_or_en_us(locale: str) -> str:
    """The default *locale*, or en-US where no locale file has it (citeproc-js falls back so)."""
    try:
        resolve_locale(locale)
    except UnknownLocaleError:
        return "en-US"
    return locale
