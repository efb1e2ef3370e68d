"""DSpace records to citeform's model: the crosswalk, with every mapping held as data.

Each reader turns its input shape (item page text, REST JSON, ``oai_dc``, ``dim``)
into a list of :class:`~citeform.dspace.fields.Field` (DSpace field key, value,
language, position) and hands it to :func:`~citeform.dspace.crosswalk.crosswalk`,
which applies the tables in :mod:`~citeform.dspace.mapping` (field -> CSL variable,
first filled wins) and :mod:`~citeform.dspace.types` (``dc.type`` -> CSL type).
Item-page labels live in :mod:`~citeform.dspace.labels`, which users extend with
:func:`~citeform.dspace.labels.register_labels` or a JSON file.
"""

from __future__ import annotations

from citeform.dspace.crosswalk import CrosswalkOptions, crosswalk
from citeform.dspace.fields import Field
from citeform.dspace.labels import load_labels, register_labels

__all__ = ["CrosswalkOptions", "Field", "crosswalk", "load_labels", "register_labels"]
