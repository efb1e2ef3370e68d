"""Replace the placeholders with the rendered citations, notes and bibliographies, linked."""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.transforms.post_transforms import SphinxPostTransform

from citeform.sphinx.cites import BibliographyRequest
from citeform.sphinx.htmlnodes import MalformedHTMLError, html_to_nodes
from citeform.sphinx.nodes import pending_bibliography, pending_citation
from citeform.sphinx.output import Piece, Rendered, RenderedCitation, marks_to_links, strip_marks


def anchor_id(key: str, index: int) -> str:
    """The id of *key*'s entry in a document's bibliography number *index*."""
    base = f"cite-{nodes.make_id(key)}"
    return base if index == 0 else f"{base}-{index}"


def _attach_to_previous_word(node: nodes.Element) -> None:
    """Drop the space before a bare note mark, so that it follows the word (``das¹``)."""
    previous = node.previous_sibling()
    if isinstance(previous, nodes.Text) and previous.rstrip() != previous:
        previous.parent.replace(previous, nodes.Text(previous.rstrip()))


class ResolveCitations(SphinxPostTransform):
    """Rendered citations (or notes) in place of the roles, entries in place of the directives."""

    default_priority = 5

    def run(self, **_kwargs: Any) -> None:
        """Replace every placeholder of the document."""
        rendered = cast("Rendered | None", self.env.get_domain("cite").data["rendered"])
        notes: list[nodes.footnote] = []
        number = len(list(self.document.findall(nodes.footnote)))
        for node in list(self.document.findall(pending_citation)):
            place = (node.get("docname", ""), node.get("index", -1))
            output = rendered.citations.get(place) if rendered else None
            if rendered is None or output is None:
                node.replace_self(nodes.inline(node.rawsource, node.astext()))
                continue
            inline = nodes.inline(node.rawsource, classes=["citeform-citation"])
            inline.extend(self._pieces(output, rendered, place[0]))
            if output.note is not None:
                if not output.text:
                    _attach_to_previous_word(node)
                number += 1
                reference, note = self._note(number, output, rendered, place[0])
                inline.append(reference)
                notes.append(note)
            node.replace_self(inline)
        for bib in list(self.document.findall(pending_bibliography)):
            bib.replace_self(self._bibliography(bib["request"], rendered))
        self.document.extend(notes)

    def _pieces(
        self, output: RenderedCitation, rendered: Rendered, docname: str
    ) -> list[nodes.Node]:
        return [n for piece in output.text for n in self._piece(piece, rendered, docname)]

    def _piece(self, piece: Piece, rendered: Rendered, docname: str) -> list[nodes.Node]:
        """The nodes of *piece*: each marked cite linked, or the whole piece linked."""
        if piece.marked:
            try:
                return html_to_nodes(
                    marks_to_links(piece.html),
                    lambda n: self._link(piece.keys[n], rendered, docname),
                )
            except MalformedHTMLError:
                pass
        children = html_to_nodes(strip_marks(piece.html))
        if not piece.keys:
            return children
        link = self._link(piece.keys[0], rendered, docname)
        link.extend(children)
        return [link]

    def _link(self, key: str, rendered: Rendered, docname: str) -> nodes.Element:
        """A reference to *key*'s entry (a plain inline when no bibliography lists it)."""
        target = rendered.target(key, docname)
        if target is None:
            return nodes.inline()
        fromdoc, (todoc, index) = self.env.docname, target
        reference = nodes.reference("", "", internal=True, classes=["citeform-cite"])
        if todoc == fromdoc:
            reference["refid"] = anchor_id(key, index)
        else:
            uri = self._builder().get_relative_uri(fromdoc, todoc)
            reference["refuri"] = f"{uri}#{anchor_id(key, index)}"
        return reference

    def _builder(self) -> Builder:
        """The running builder (Sphinx 9 reaches it through the environment)."""
        app: Sphinx = getattr(self.env, "_app", None) or self.app
        return app.builder

    def _note(
        self, number: int, output: RenderedCitation, rendered: Rendered, docname: str
    ) -> tuple[nodes.footnote_reference, nodes.footnote]:
        """A footnote mark and its note holding the citation."""
        assert output.note is not None  # noqa: S101 - only called for notes
        note = nodes.footnote("", nodes.label("", str(number)), docname=docname)
        note += nodes.paragraph("", "", *self._piece(output.note, rendered, docname))
        note_id = self.document.set_id(note)
        reference = nodes.footnote_reference("", str(number), refid=note_id, docname=docname)
        note["backrefs"] = [self.document.set_id(reference)]
        return reference, note

    def _bibliography(
        self, request: BibliographyRequest, rendered: Rendered | None
    ) -> nodes.Element:
        container = nodes.container(classes=["citeform-bibliography"])
        bibliography = (
            rendered.bibliographies.get((request.docname, request.index)) if rendered else None
        )
        for key, html in bibliography.entries if bibliography else ():
            target = nodes.target("", "", ids=[anchor_id(key, request.index)])
            container += nodes.paragraph(
                "", "", target, *html_to_nodes(html), classes=["citeform-entry"]
            )
        return container
