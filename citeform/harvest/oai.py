"""OAI-PMH ``ListRecords`` harvesting, one page at a time.

Each response page is fetched whole (one page, never the whole harvest), checked by a
streaming scan for the OAI-PMH ``error`` and ``resumptionToken`` elements, and its records
are read by the same safe XML reader as files (:mod:`citeform.dspace.oai` over
:mod:`citeform.xmlsafe`). Records go to the caller as they are read; the page is dropped
before the next one is fetched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from citeform.dspace.oai import DELETED, XmlShape, read_xml_records
from citeform.errors import BadRecordError, CiteformError, UnreadableInputError
from citeform.formats import dim, oai_dc
from citeform.model import Record
from citeform.sources import Source
from citeform.xmlsafe import iter_elements, local_name, text_of

if TYPE_CHECKING:
    from citeform.harvest.http import HttpClient

SHAPES: dict[str, XmlShape] = {"dim": dim.SHAPE, "oai_dc": oai_dc.SHAPE}
"""Metadata prefixes citeform harvests -> the reader of their records."""

NO_RECORDS = "noRecordsMatch"
"""The OAI-PMH error code of a harvest that matches nothing (not a failure)."""

ERROR_HINTS = {
    "badResumptionToken": (
        "the server no longer accepts the resumption token (it may have expired); "
        "harvest again, or go on from the last date read with --since"
    ),
    "cannotDisseminateFormat": "the repository does not offer this --metadata-prefix",
    "noSetHierarchy": "the repository has no sets; leave out --set",
    "badArgument": "check --set, --since and --until (dates as YYYY-MM-DD)",
}
"""What to do about an OAI-PMH error code, added to its message."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$")

OnTotal = Callable[[int], None]
OnNote = Callable[[str], None]


@attrs.frozen
class Page:
    """What a response page says besides its records."""

    records: int
    token: str | None
    """The resumption token for the next page; ``None`` on the last page."""
    total: int | None
    """The ``completeListSize`` the server announces, if any."""
    error: tuple[str, str] | None
    """The OAI-PMH error (code, message), if the page is one."""


@attrs.frozen
class OaiRequest:
    """One ``ListRecords`` harvest: the endpoint and its selective-harvesting arguments."""

    base_url: str
    metadata_prefix: str = "dim"
    set_spec: str | None = None
    since: str | None = None
    """``from`` of OAI-PMH: records changed on or after this date."""
    until: str | None = None

    def __attrs_post_init__(self) -> None:
        """Refuse a prefix citeform cannot read and dates OAI-PMH does not take."""
        if self.metadata_prefix not in SHAPES:
            known = ", ".join(SHAPES)
            raise UnreadableInputError(
                f"citeform harvests the metadata prefixes {known}, not {self.metadata_prefix!r}",
                source=self.base_url,
            )
        for date in (self.since, self.until):
            if date is not None and not _DATE.match(date):
                raise UnreadableInputError(
                    "a harvest date is YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ",
                    source=self.base_url,
                    value=date,
                )

    def first_params(self) -> dict[str, str]:
        """The query of the first ``ListRecords`` request."""
        params = {"verb": "ListRecords", "metadataPrefix": self.metadata_prefix}
        optional = {"set": self.set_spec, "from": self.since, "until": self.until}
        params.update({key: value for key, value in optional.items() if value})
        return params


def harvest_oai(
    request: OaiRequest,
    client: HttpClient,
    *,
    on_total: OnTotal | None = None,
    on_note: OnNote | None = None,
) -> Iterator[Record | CiteformError]:
    """Yield every record of a ``ListRecords`` harvest, or the error of a record that failed.

    *on_total* gets the server's ``completeListSize`` when it first gives one; *on_note*
    gets a line for a harvest that matches no records, and one counting the deleted
    records skipped (routine in incremental harvests, so not errors here). OAI-PMH errors
    other than ``noRecordsMatch`` and pages that cannot be fetched raise
    :class:`UnreadableInputError`.
    """
    shape = SHAPES[request.metadata_prefix]
    params: dict[str, str] | None = request.first_params()
    deleted = 0
    number = 0
    while params is not None:
        number += 1
        name = f"{request.base_url} (page {number})"
        source, page = client.get(request.base_url, params, check=functools.partial(_scan, name))
        if page.error is not None:
            _refuse_error(page.error, name, first=number == 1)
            if on_note:
                on_note(f"{request.base_url}: no records match ({NO_RECORDS})")
            return
        if number == 1 and page.total is not None and on_total:
            on_total(page.total)
        for item in read_xml_records(source, shape) if page.records else ():
            if isinstance(item, BadRecordError) and item.message == DELETED:
                deleted += 1
            else:
                yield item
        params = {"verb": "ListRecords", "resumptionToken": page.token} if page.token else None
    if deleted and on_note:
        on_note(f"{request.base_url}: {deleted} deleted record(s) skipped")


def _refuse_error(error: tuple[str, str], name: str, *, first: bool) -> None:
    """Raise for an OAI-PMH error, unless it is ``noRecordsMatch`` on the first page."""
    code, message = error
    if code == NO_RECORDS and first:
        return
    hint = ERROR_HINTS.get(code)
    raise UnreadableInputError(
        f"OAI-PMH error {code}: {message}" + (f"; {hint}" if hint else ""), source=name
    )


def _scan(name: str, body: bytes) -> tuple[Source, Page]:
    """The page's error, resumption token and record count; a broken page raises."""
    source = Source(name, data=body)
    records = 0
    token: str | None = None
    total: int | None = None
    error: tuple[str, str] | None = None
    wanted = {"header", "error", "resumptionToken"}
    for element, ancestors in iter_elements(source, wanted):
        tag = local_name(element)
        if tag == "header":
            records += 1
        elif tag == "error" and ancestors[-1:] == ("OAI-PMH",):
            error = (element.get("code", ""), text_of(element).strip())
        elif tag == "resumptionToken":
            token = text_of(element).strip() or None
            size = element.get("completeListSize", "")
            total = int(size) if size.isdigit() else None
    if error is None and not records and token is None and b"ListRecords" not in body:
        raise UnreadableInputError("not an OAI-PMH ListRecords response", source=name)
    return source, Page(records, token, total, error)
