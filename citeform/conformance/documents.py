"""Documents of citation clusters, rendered by citeform and by citeproc-js alike.

A document is a list of clusters in document order, each in a note (its number; in-text styles
receive the same numbers), each a list of cites of item ids with locator, label, affixes and the
suppress-author/author-only flags. ``data/citation-documents.json`` holds the project's documents
and their items; its ``held-out`` set is for reporting only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from citeform.rendering import CiteItem, Renderer

DOCUMENTS_FILE = Path(__file__).parent / "data" / "citation-documents.json"
DocumentSet = Literal["development", "held-out"]


_AFFIXES = ("locator", "label", "prefix", "suffix")


def cite_from_json(data: Mapping[str, Any], items: Mapping[str, Mapping[str, Any]]) -> CiteItem:
    """A cite from citeproc-js' cite-item keys, its ``id`` looked up in *items*."""
    return CiteItem(
        items[str(data["id"])],
        locator=data.get("locator"),
        label=data.get("label"),
        prefix=data.get("prefix"),
        suffix=data.get("suffix"),
        suppress_author=bool(data.get("suppress-author", False)),
        author_only=bool(data.get("author-only", False)),
    )


def cite_to_json(cite: CiteItem) -> dict[str, Any]:
    """The cite-item keys citeproc-js reads (the record's ``id``); unset fields left out."""
    data: dict[str, Any] = {"id": str(cite.record["id"])}
    data.update({key: getattr(cite, key) for key in _AFFIXES if getattr(cite, key) is not None})
    if cite.suppress_author:
        data["suppress-author"] = True
    if cite.author_only:
        data["author-only"] = True
    return data


@attrs.frozen
class Cluster:
    """The cites of one citation and the number of the note it stands in."""

    cites: tuple[CiteItem, ...]
    note: int

    def to_json(self) -> dict[str, Any]:
        """The cluster as the citeproc-js driver reads it."""
        return {"note": self.note, "cites": [cite_to_json(cite) for cite in self.cites]}


@attrs.frozen
class CitationDocument:
    """A named document: the items it cites (CSL-JSON) and its clusters in document order."""

    name: str
    items: tuple[Mapping[str, Any], ...]
    clusters: tuple[Cluster, ...]
    set: DocumentSet = "development"

    def render(self, renderer: Renderer) -> list[str]:
        """The clusters rendered by *renderer* (``Renderer.document`` with the note numbers)."""
        return renderer.document(
            [cluster.cites for cluster in self.clusters],
            note_numbers=[cluster.note for cluster in self.clusters],
        )


def load_documents(
    path: Path = DOCUMENTS_FILE, sets: Sequence[DocumentSet] = ("development", "held-out")
) -> list[CitationDocument]:
    """The documents of *sets* in *path*, each with the items it cites; unknown ids raise."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = {str(item["id"]): item for item in data["items"]}
    documents = []
    for position, document in enumerate(data["documents"], start=1):
        cited = dict.fromkeys(
            str(cite["id"]) for cluster in document["clusters"] for cite in cluster["cites"]
        )
        unknown = cited.keys() - items.keys()
        if unknown:
            msg = f"{path}: document {position} cites unknown item(s) {', '.join(sorted(unknown))}"
            raise ValueError(msg)
        clusters = tuple(
            Cluster(
                tuple(cite_from_json(cite, items) for cite in cluster["cites"]),
                int(cluster["note"]),
            )
            for cluster in document["clusters"]
        )
        documents.append(
            CitationDocument(
                name=document["name"],
                items=tuple(items[key] for key in cited),
                clusters=clusters,
                set=document.get("set", "development"),
            )
        )
    return [document for document in documents if document.set in sets]
