"""The ``cite`` domain: its roles and what each document cites, merged across readers."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from docutils import nodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from citeform.sphinx.cites import BibliographyRequest, Cluster
from citeform.sphinx.markup import CiteRole
from citeform.sphinx.nodes import pending_bibliography, pending_citation
from citeform.sphinx.output import Rendered


class CiteDomain(Domain):
    """``:cite:p:`` and ``:cite:t:``; the roles and bibliographies of every document."""

    name = "cite"
    label = "citeform citations"
    roles: ClassVar = {"p": CiteRole("p"), "t": CiteRole("t")}
    initial_data: ClassVar[dict[str, Any]] = {
        "clusters": {},
        "bibliographies": {},
        "rendered": None,
    }
    data_version = 1

    @property
    def clusters(self) -> dict[str, list[Cluster]]:
        """Each document's citation roles, in document order."""
        value: dict[str, list[Cluster]] = self.data["clusters"]
        return value

    @property
    def bibliographies(self) -> dict[str, list[BibliographyRequest]]:
        """Each document's bibliography directives, in document order."""
        value: dict[str, list[BibliographyRequest]] = self.data["bibliographies"]
        return value

    @property
    def rendered(self) -> Rendered | None:
        """The project's citations and bibliographies, once rendered."""
        value: Rendered | None = self.data["rendered"]
        return value

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* cites."""
        self.clusters.pop(docname, None)
        self.bibliographies.pop(docname, None)

    def merge_domaindata(self, docnames: set[str], otherdata: dict[str, Any]) -> None:  # type: ignore[override]
        """Take over what *docnames* cite from a parallel reader's environment."""
        for docname in docnames:
            for field in ("clusters", "bibliographies"):
                if docname in otherdata[field]:
                    self.data[field][docname] = otherdata[field][docname]

    def process_doc(self, _env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Number the document's roles and bibliographies and keep them in document order."""
        clusters = []
        for index, node in enumerate(document.findall(pending_citation)):
            node["docname"], node["index"] = docname, index
            clusters.append(Cluster(docname, index, node["mode"], node["cites"]))
        requests = []
        for index, bib in enumerate(document.findall(pending_bibliography)):
            bib["request"] = attrs.evolve(bib["request"], docname=docname, index=index)
            requests.append(bib["request"])
        if clusters:
            self.clusters[docname] = clusters
        if requests:
            self.bibliographies[docname] = requests
