"""Harvesting records from a live repository: OAI-PMH ``ListRecords`` and DSpace 7+ REST.

:func:`harvest` takes a URL and yields records as they arrive, page by page, like
:func:`citeform.iter_read` does for a file: an OAI-PMH endpoint (``…/oai/request``) or a
DSpace REST items or search URL (any path with ``/api/``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citeform.errors import CiteformError
    from citeform.harvest.http import RetryPolicy
    from citeform.model import Record


def is_url(name: str) -> bool:
    """Whether an input name is an ``http://`` or ``https://`` URL."""
    return name.lower().startswith(("http://", "https://"))


def harvest(  # noqa: PLR0913 - the OAI-PMH arguments, each optional
    url: str,
    *,
    metadata_prefix: str = "dim",
    set_spec: str | None = None,
    since: str | None = None,
    until: str | None = None,
    policy: RetryPolicy | None = None,
    on_total: Callable[[int], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Iterator[Record | CiteformError]:
    """Yield the records at *url* (OAI-PMH, or DSpace REST for a path with ``/api/``).

    *metadata_prefix*, *set_spec*, *since* and *until* select an OAI-PMH harvest;
    *on_total* gets the number of records the server announces, *on_note* a line when
    nothing matches. Raises :class:`citeform.errors.UnreadableInputError` when the
    harvest cannot go on (no answer after the retries, an OAI-PMH error).
    """
    from citeform.harvest.http import HttpClient  # noqa: PLC0415 - HTTP only when harvesting
    from citeform.harvest.oai import OaiRequest, harvest_oai  # noqa: PLC0415
    from citeform.harvest.rest import harvest_rest, is_rest_url  # noqa: PLC0415

    client = HttpClient(policy)
    if is_rest_url(url):
        return harvest_rest(url, client, on_total=on_total, on_note=on_note)
    request = OaiRequest(url, metadata_prefix, set_spec, since, until)
    return harvest_oai(request, client, on_total=on_total, on_note=on_note)


__all__ = ["harvest", "is_url"]
