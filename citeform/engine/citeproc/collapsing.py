"""Join the cites of one cluster (CSL 1.0.2, "Cite Grouping" and "Cite Collapsing").

- Affixes: a cite's prefix and suffix may hold CSL rich text (``<i>``, ``<b>``, ``<sc>``…);
  a suffix ending in punctuation, or a prefix starting with it, takes the place of the
  delimiter's punctuation.
- ``collapse="citation-number"``: three or more consecutive numbers become a range ``1-3``.
- ``collapse="year"``, ``"year-suffix"``, ``"year-suffix-ranged"``: cites with the same
  rendered names (none counts too) are grouped, in the order of each group's first cite (in a
  citation without ``cs:sort`` only neighbouring cites, as citeproc-js does);
  within a group the names are printed once, cites joined with ``cite-group-delimiter``
  (default ``", "``; after a cite with a locator, ``after-collapse-delimiter``). With
  ``year-suffix`` a cite of the same year prints only its suffix (``2000a, b``), joined with
  ``year-suffix-delimiter`` (default: the cite-group delimiter the style sets, else the
  layout's); ``-ranged`` makes three or more consecutive suffixes a range (``a-c``). A group
  of several cites is followed by ``after-collapse-delimiter`` (default: the layout's).
- Without collapsing, ``cite-group-delimiter`` still joins the cites of one author.
  Ranges are written with an en dash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
from citeproc.string import String

from citeform.engine.base import CiteRequest
from citeform.engine.citeproc.cites import Cite, issued_year
from citeform.engine.citeproc.data import parse_string
from citeform.engine.citeproc.formats import MARKS, QUOTE_OPEN, shelter

if TYPE_CHECKING:
    from citeform.engine.citeproc.citations import CitationPipeline

RANGE_DASH: Final = "\u2013"
DEFAULT_GROUP_DELIMITER: Final = ", "
MIN_RANGE: Final = 3
"""Consecutive numbers or suffixes needed before they are written as a range."""

_PUNCTUATION: Final = ",.;:!?"
_SENTENCE_END = re.compile(r"\s\S*[.!?][\"'\u201d\u2019]?\s*$|^\W*$")
"""A prefix that ends a sentence: a last word (not the only one) closed by . ! or ?."""
_MARKER_CHARS: Final = "".join(mark for pair in MARKS.values() for mark in pair) + QUOTE_OPEN


@attrs.define
class Piece:
    """One rendered cite of the cluster, with what joining it needs to know."""

    cite: Cite
    request: CiteRequest
    text: Any
    author: str = ""

    @property
    def plain(self) -> bool:
        """Whether the cite has no locator and no affixes (only such cites collapse)."""
        request = self.request
        return not (request.locator or request.prefix or request.suffix)


def rich_affix(affix: str) -> Any:
    """A cite affix as citeproc-py text: rich-text tags and quotes as markers."""
    small_caps = MARKS["small-caps"]
    return parse_string(_small_caps_to_markers(str(shelter(affix)), small_caps))


def _small_caps_to_markers(affix: str, markers: tuple[str, str]) -> str:
    """``<sc>…</sc>`` pairs (each closed by the next ``</sc>``) as small-caps markers."""
    out: list[str] = []
    position = 0
    while (start := affix.find("<sc>", position)) >= 0:
        end = affix.find("</sc>", start + 4)
        if end < 0:
            break
        out += [affix[position:start], markers[0], affix[start + 4 : end], markers[1]]
        position = end + 5
    out.append(affix[position:])
    return "".join(out)


def render_piece(
    pipeline: CitationPipeline, cite: Cite, request: CiteRequest, *, first: bool
) -> Piece | None:
    """One cite's output with its prefix and suffix (``None`` when it renders nothing).

    In note styles a term that starts a sentence is capitalised (``Ibid.``): at the start of
    the cluster or after a prefix that ends a sentence ("See ibid." but "He said so. Ibid."; a
    one-word prefix such as "Cf." is an abbreviation), as citeproc-js does.
    """
    text = pipeline.render_cite(cite, suppress_author=request.suppress_author)
    author = cite.tracker.author
    if request.author_only:
        text = author
    if not text:
        return None
    starts_sentence = _SENTENCE_END.search(request.prefix) if request.prefix else first
    if pipeline.note_style and starts_sentence:
        text = capitalise_leading_term(text, cite.tracker.terms)
    return Piece(cite, request, with_affixes(text, request), str(author or ""))


def with_affixes(text: Any, request: CiteRequest) -> Any:
    """*text* with the cite's prefix and suffix."""
    if request.prefix:
        text = rich_affix(request.prefix) + text
    if request.suffix:
        text = text + rich_affix(request.suffix)
    return text


def capitalise_leading_term(text: Any, terms: Sequence[str]) -> Any:
    """*text* with its first letter capitalised when it begins with one of *terms*."""
    plain = str(text)
    start = len(plain) - len(plain.lstrip(_MARKER_CHARS))
    leading = [term.lstrip(_MARKER_CHARS) for term in terms if term.strip()]
    if not any(plain[start:].startswith(term) for term in leading):
        return text
    return String(plain[:start] + plain[start : start + 1].upper() + plain[start + 1 :])


def concat(parts: Sequence[Any]) -> Any:
    """Concatenate text pieces, with citeproc-py's seam rules (no doubled spaces or stops)."""
    text: Any = String("")
    for part in parts:
        text = text + part
    return text


def delimited(previous: Piece, delimiter: str, following: Piece) -> str:
    """The delimiter between two cites; affix punctuation replaces the delimiter's."""
    if following.request.prefix and following.request.prefix.lstrip()[:1] in tuple(_PUNCTUATION):
        return ""
    if previous.request.suffix and previous.request.suffix.rstrip()[-1:] in tuple(_PUNCTUATION):
        return delimiter.lstrip(_PUNCTUATION)
    return delimiter


def join_pieces(pieces: Sequence[Piece], delimiter: str) -> Any:
    """The pieces joined with *delimiter* (adjusted for affix punctuation)."""
    parts: list[Any] = []
    for index, piece in enumerate(pieces):
        if index:
            parts.append(String(delimited(pieces[index - 1], delimiter, piece)))
        parts.append(piece.text)
    return concat(parts)


def join_cites(
    pipeline: CitationPipeline, cites: Sequence[Cite], requests: Sequence[CiteRequest]
) -> Any:
    """The cluster's cites, grouped, collapsed and joined."""
    pieces = [
        render_piece(pipeline, cite, request, first=index == 0)
        for index, (cite, request) in enumerate(zip(cites, requests, strict=True))
    ]
    present = [piece for piece in pieces if piece is not None]
    citation = pipeline.root.citation
    delimiter = pipeline.layout.get("delimiter", "")
    collapse = citation.get("collapse")
    if collapse == "citation-number":
        return concat(_number_ranges(present, delimiter))
    if collapse in ("year", "year-suffix", "year-suffix-ranged"):
        return _grouped(pipeline, present, collapse, delimiter)
    group_delimiter = citation.get("cite-group-delimiter")
    if group_delimiter is not None:
        groups = _author_groups(present, move=citation.sort is not None)
        return concat(_joined_groups(groups, group_delimiter, delimiter))
    return join_pieces(present, delimiter)


def _author_groups(pieces: Sequence[Piece], *, move: bool) -> list[list[Piece]]:
    """Cites with the same names as groups, in the order of each group's first cite.

    When *move* (the citation is sorted) all cites of an author join their group; otherwise
    only neighbouring ones do, and the author's order of cites stands, as in citeproc-js.
    """
    groups: list[list[Piece]] = []
    for piece in pieces:
        joined = [group for group in groups if group[0].author == piece.author]
        if joined and (move or joined[-1] is groups[-1]):
            joined[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _joined_groups(groups: Sequence[Sequence[Piece]], inside: str, between: str) -> list[Any]:
    """Cite groups without collapsing: cites joined with *inside*, groups with *between*."""
    parts: list[Any] = []
    for index, group in enumerate(groups):
        if index:
            parts.append(String(between))
        parts.append(join_pieces(group, inside))
    return parts


def _number_ranges(pieces: Sequence[Piece], delimiter: str) -> list[Any]:
    """Runs of consecutive citation numbers written as ranges, the rest as they are."""
    runs: list[list[Piece]] = []
    for piece in pieces:
        run = runs[-1] if runs else None
        if run and piece.plain and run[-1].plain and piece.cite.number == run[-1].cite.number + 1:
            run.append(piece)
        else:
            runs.append([piece])
    parts: list[Any] = []
    for index, run in enumerate(runs):
        if index:
            parts.append(String(delimiter))
        if len(run) >= MIN_RANGE:
            parts += [run[0].text, String(RANGE_DASH), run[-1].text]
        else:
            parts.append(join_pieces(run, delimiter))
    return parts


def _grouped(
    pipeline: CitationPipeline, pieces: Sequence[Piece], collapse: str, delimiter: str
) -> Any:
    """Cites grouped by their names, names printed once per group, groups joined."""
    after_collapse = pipeline.root.citation.get("after-collapse-delimiter", delimiter)
    parts: list[Any] = []
    previous: list[Piece] = []
    for group in _author_groups(pieces, move=pipeline.root.citation.sort is not None):
        if previous:
            parts.append(String(after_collapse if len(previous) > 1 else delimiter))
        parts += _group_parts(pipeline, group, collapse, delimiter)
        previous = group
    return concat(parts)


def _group_parts(
    pipeline: CitationPipeline, group: Sequence[Piece], collapse: str, delimiter: str
) -> list[Any]:
    """One group: its first cite in full, the others without names, same-year ones as suffixes."""
    citation = pipeline.root.citation
    group_delimiter = citation.get("cite-group-delimiter", DEFAULT_GROUP_DELIMITER)
    after_collapse = citation.get("after-collapse-delimiter", delimiter)
    suffix_delimiter = citation.get(
        "year-suffix-delimiter", citation.get("cite-group-delimiter", delimiter)
    )
    parts: list[Any] = [group[0].text]
    run = [group[0]]
    for piece in group[1:]:
        if collapse != "year" and _same_year(run[-1], piece) and run[-1].plain and piece.plain:
            run.append(piece)
            continue
        collapsed = len(run) > 1
        parts += _suffix_parts(run, collapse, suffix_delimiter)
        text = _without_author(pipeline, piece)
        if text:
            joint = after_collapse if collapsed or run[-1].request.locator else group_delimiter
            parts += [String(joint), text]
        run = [piece]
    return parts + _suffix_parts(run, collapse, suffix_delimiter)


def _without_author(pipeline: CitationPipeline, piece: Piece) -> Any:
    """A grouped cite rendered without its names, with its affixes."""
    text = pipeline.render_cite(piece.cite, suppress_author=True)
    return with_affixes(text, piece.request) if text else None


def _same_year(previous: Piece, piece: Piece) -> bool:
    """Both cites carry a year-suffix and the same issued year."""
    first, second = previous.cite.disambiguation, piece.cite.disambiguation
    if not (first.year_suffix and second.year_suffix):
        return False
    year = issued_year(previous.cite.reference)
    return year is not None and year == issued_year(piece.cite.reference)


def _suffix_parts(run: Sequence[Piece], collapse: str, delimiter: str) -> list[Any]:
    """What follows a run's first (full) cite: ``,b,c`` or, ranged, ``-c`` for a, b, c."""
    letters = [piece.cite.disambiguation.year_suffix or "" for piece in run]
    ranged = collapse == "year-suffix-ranged"
    chunks = _consecutive_runs(letters) if ranged else [[letter] for letter in letters]
    parts: list[Any] = []
    for index, chunk in enumerate(chunks):
        if ranged and len(chunk) >= MIN_RANGE:
            span = f"{chunk[0]}{RANGE_DASH}{chunk[-1]}"
            parts += (
                [String(span[len(chunk[0]) :])] if index == 0 else [String(delimiter), String(span)]
            )
        else:
            shown = chunk if index else chunk[1:]  # the run's first letter came with the full cite
            parts += [String(text) for letter in shown for text in (delimiter, letter)]
    return parts


def _consecutive_runs(letters: Sequence[str]) -> list[list[str]]:
    """Split suffixes into runs that follow on from each other (a, b, c | e)."""
    runs: list[list[str]] = []
    for letter in letters:
        if runs and len(letter) == len(runs[-1][-1]) == 1 and ord(letter) == ord(runs[-1][-1]) + 1:
            runs[-1].append(letter)
        else:
            runs.append([letter])
    return runs
