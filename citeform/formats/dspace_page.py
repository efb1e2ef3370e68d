"""``dspace-page``: a DSpace item page as pasted or scraped text, read by its field labels.

The labels of DSpace's German and English UI, of the Difu repository and untranslated
``item.page.*`` keys are known; add your repository's with
:func:`citeform.dspace.labels.register_labels` or :func:`~citeform.dspace.labels.load_labels`,
or on the command line with a label file named by ``CITEFORM_LABELS``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citeform.dspace.crosswalk import crosswalk
from citeform.dspace.labels import load_environment_labels
from citeform.dspace.page import count_labels, fields_from_page, unknown_labels
from citeform.errors import CiteformError, UnreadableInputError
from citeform.model import Origin, Record
from citeform.registry import Format
from citeform.sources import Source

NAME = "dspace-page"
MIN_LABELS = 3
"""Distinct label lines a text needs to be recognised as an item page."""


def sniff(source: Source) -> bool:
    """Plain text (not markup, JSON or BibTeX) with at least :data:`MIN_LABELS` label lines.

    Plain text is also claimed when the label file of ``CITEFORM_LABELS`` cannot be
    read, so that reading it reports that error instead of an unknown format.
    """
    head = source.head()
    if head.lstrip()[:1] in {"<", "{", "[", "@", "%", ""}:
        return False
    try:
        load_environment_labels()
    except CiteformError:
        return True
    return count_labels(head) >= MIN_LABELS


def read(source: Source) -> Iterator[Record | CiteformError]:
    """Yield the one record of an item page; a page whose labels are mostly unknown is refused.

    Reading such a page would take its unknown labels for values (authors named
    "Jahrgang" or "Heft"), so it is refused, naming the labels, rather than guessed.
    """
    load_environment_labels()
    text = source.text()
    if count_labels(text) == 0 or text.lstrip()[:1] in {"<", "{", "["}:
        raise UnreadableInputError(
            "not a DSpace item page: no known field label found "
            "(register your repository's labels with citeform.dspace.labels)",
            source=source.name,
        )
    known, unknown = count_labels(text), unknown_labels(text)
    if len(unknown) > known:
        shown = ", ".join(repr(label) for label in unknown[:8])
        raise UnreadableInputError(
            f"not read: most labels of this item page are unknown ({shown}); name them in "
            "a label file and pass it with --labels (see citeform.dspace.labels)",
            source=source.name,
        )
    fields = fields_from_page(text)
    try:
        yield crosswalk(fields, origin=Origin(NAME, source.name, "page"))
    except CiteformError as error:
        yield error.located(source=source.name, position="page")


FORMATS = (
    Format(
        name=NAME,
        description="DSpace item page text (German/English/repository labels)",
        read=read,
        sniff=sniff,
        suffixes=(".txt",),
        aliases=("dspace-text",),
    ),
)
