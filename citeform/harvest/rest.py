"""DSpace 7+ REST harvesting: a collection's items page by page, following ``_links.next``.

Takes an items URL (``…/server/api/core/items``) or a search URL
(``…/server/api/discover/search/objects?scope=<collection UUID>``). Each HAL page is read
by the ``dspace-json`` reader, so records carry their item UUIDs. Links to another host
than the one asked are refused, and a page that links to itself ends the harvest.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from citeform.errors import CiteformError, UnreadableInputError
from citeform.formats import dspace_json
from citeform.harvest.oai import OnNote, OnTotal
from citeform.model import Record
from citeform.sources import Source

if TYPE_CHECKING:
    from citeform.harvest.http import HttpClient

PAGE_SIZE = 100
"""Items asked for per page when the URL does not say (``size``)."""

SEARCH_DEFAULTS = {"dsoType": "ITEM"}
"""Query added to a search URL that lacks it: items only, no communities or collections."""


def is_rest_url(url: str) -> bool:
    """Whether *url* names DSpace's REST API rather than an OAI-PMH endpoint."""
    return "/api/" in urlsplit(url).path


def harvest_rest(
    url: str,
    client: HttpClient,
    *,
    on_total: OnTotal | None = None,
    on_note: OnNote | None = None,
) -> Iterator[Record | CiteformError]:
    """Yield every item of every page from *url* on, or the error of an item that failed."""
    next_url: str | None = _first_url(url)
    seen: set[str] = set()
    number = 0
    while next_url and next_url not in seen:
        seen.add(next_url)
        number += 1
        name = f"{url} (page {number})"
        data = client.get(next_url, check=functools.partial(_json, name), accept="application/json")
        body = _page_body(data)
        page = _mapping(body.get("page"))
        if number == 1 and on_total and isinstance(page.get("totalElements"), int):
            on_total(page["totalElements"])
        if page.get("totalElements") == 0 or not _has_items(data):
            if number == 1 and on_note:
                on_note(f"{url}: no items found")
            return
        yield from dspace_json.read(Source(name, parsed=data))
        next_url = _next_link(body, url, name)


def _first_url(url: str) -> str:
    """*url* with a page size and, for a search, ``dsoType=ITEM`` unless given."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.setdefault("size", str(PAGE_SIZE))
    if parts.path.rstrip("/").endswith("/search/objects"):
        for key, value in SEARCH_DEFAULTS.items():
            query.setdefault(key, value)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _json(name: str, body: bytes) -> Any:
    return Source(name, data=body).json()


def _page_body(data: Any) -> Mapping[str, Any]:
    """The part of a response holding ``page`` and ``_links``: the search result, or the page."""
    if not isinstance(data, Mapping):
        return {}
    embedded = data.get("_embedded")
    result = embedded.get("searchResult") if isinstance(embedded, Mapping) else None
    return result if isinstance(result, Mapping) else data


def _has_items(data: Any) -> bool:
    """Whether a page lists any object (``_embedded.items`` or the search result's objects)."""
    embedded = data.get("_embedded") if isinstance(data, Mapping) else None
    if not isinstance(embedded, Mapping):
        return False
    result = embedded.get("searchResult")
    if isinstance(result, Mapping):
        embedded = result.get("_embedded")
        return isinstance(embedded, Mapping) and bool(embedded.get("objects"))
    return bool(embedded.get("items"))


def _next_link(body: Mapping[str, Any], start: str, name: str) -> str | None:
    links = body.get("_links")
    following = links.get("next") if isinstance(links, Mapping) else None
    href = following.get("href") if isinstance(following, Mapping) else None
    if not isinstance(href, str) or not href:
        return None
    if urlsplit(href).netloc != urlsplit(start).netloc:
        raise UnreadableInputError(
            "the next page lies on another host; not followed", source=name, value=href
        )
    return href
