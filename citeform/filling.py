r"""Fill the Zitierform: each record's ``citation`` set to its bibliography entry, as text.

>>> import citeform
>>> item = {"id": "a", "type": "book", "title": "Ein Buch", "language": "de"}
>>> citeform.fill([citeform.Record.from_csl(item)])[0].citation
'Ein Buch. (o.\xa0J.).'

:func:`fill` takes a list and returns a list; :func:`iter_fill` streams any iterable
(a harvest, a directory) through one :class:`~citeform.rendering.Renderer`, so memory
stays flat in the number of records. A record is *filled*, *skipped* (it has a
Zitierform and ``overwrite`` is off, or the new one is the same) or *failed* (it
cannot be rendered: it is left unfilled and its error reported, never guessed).
The record's ``language`` chooses the locale unless one is given;
:mod:`citeform.zitierform` decides which of the record's data reaches the style.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Literal

import attrs

from citeform.errors import CiteformError, RenderError
from citeform.model import Record
from citeform.rendering import Renderer
from citeform.zitierform import (
    PREVIOUS_CITATION_KEY,
    ZITIERFORM_POLICY,
    ZitierformPolicy,
    for_style,
)

Status = Literal["filled", "skipped", "failed"]


@attrs.frozen
class Outcome:
    """What filling did to one record: the record (filled or as it was), status, error."""

    record: Record
    status: Status
    error: CiteformError | None = None


class Filled(list[Record]):
    """Records in input order, filled where possible, with the errors of those that failed."""

    def __init__(
        self, records: Iterable[Record] = (), errors: Iterable[CiteformError] = ()
    ) -> None:
        """Hold *records* and the *errors* of the records that could not be filled."""
        super().__init__(records)
        self.errors: list[CiteformError] = list(errors)


def fill_one(
    record: Record,
    renderer: Renderer,
    *,
    overwrite: bool = False,
    policy: ZitierformPolicy | None = ZITIERFORM_POLICY,
) -> Outcome:
    """Fill one record's Zitierform with *renderer* (see :func:`iter_fill`)."""
    if record.citation is not None and not overwrite:
        return Outcome(record, "skipped")
    try:
        text = _render(record, renderer, policy)
    except CiteformError as error:
        return Outcome(record, "failed", _located(error, record))
    except Exception as error:  # noqa: BLE001 - one record's engine failure must not stop a batch
        failure = RenderError(f"{type(error).__name__}: {error}")
        return Outcome(record, "failed", _located(failure, record))
    if text == record.citation:
        return Outcome(record, "skipped")
    return Outcome(_with_citation(record, text), "filled")


def iter_fill(
    records: Iterable[Record],
    renderer: Renderer | None = None,
    *,
    overwrite: bool = False,
    policy: ZitierformPolicy | None = ZITIERFORM_POLICY,
) -> Iterator[Outcome]:
    """Yield an :class:`Outcome` per record, in order, rendering with one *renderer*.

    *records* is consumed lazily, one at a time; *renderer* defaults to APA with the
    locale taken from each record's language.
    """
    renderer = renderer or Renderer()
    for record in records:
        yield fill_one(record, renderer, overwrite=overwrite, policy=policy)


def iter_fill_parallel(  # noqa: PLR0913 - iter_fill's keywords and the pool's
    records: Iterable[Record],
    renderer: Renderer,
    jobs: int,
    *,
    overwrite: bool = False,
    policy: ZitierformPolicy | None = ZITIERFORM_POLICY,
    chunk_size: int = 64,
) -> Iterator[Outcome]:
    """Like :func:`iter_fill`, over *jobs* processes, outcomes still in input order.

    The renderer is pickled to each worker once (it loads its style there); records
    go out in chunks of *chunk_size*, at most two chunks per worker in flight, so
    memory stays flat however many records come.
    """
    pool = ProcessPoolExecutor(
        jobs, initializer=_start_worker, initargs=(renderer, overwrite, policy)
    )
    finished = False
    try:
        pending: deque[Future[list[Outcome]]] = deque()
        iterator = iter(records)
        while chunk := list(islice(iterator, chunk_size)):
            pending.append(pool.submit(_fill_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    finally:
        if not finished:  # interrupted, failed or abandoned: the workers stop now
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes without waiting for their chunks."""
    pool.shutdown(wait=False, cancel_futures=True)
    processes = getattr(pool, "_processes", None) or {}  # the executor keeps no public list
    for process in list(processes.values()):
        process.terminate()


_worker: tuple[Renderer, bool, ZitierformPolicy | None] | None = None
"""A worker process's renderer and fill options, set once by :func:`_start_worker`."""


def _start_worker(renderer: Renderer, overwrite: bool, policy: ZitierformPolicy | None) -> None:
    global _worker  # noqa: PLW0603 - one renderer per worker process, built once
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker = (renderer, overwrite, policy)


def _fill_chunk(chunk: list[Record]) -> list[Outcome]:
    assert _worker is not None  # noqa: S101 - set by the pool's initializer
    renderer, overwrite, policy = _worker
    return [fill_one(record, renderer, overwrite=overwrite, policy=policy) for record in chunk]


def fill(  # noqa: PLR0913 - the documented keywords
    records: Iterable[Record],
    style: str | os.PathLike[str] = "apa",
    locale: str | None = None,
    *,
    overwrite: bool = False,
    strict: bool = False,
    policy: ZitierformPolicy | None = ZITIERFORM_POLICY,
) -> Filled:
    """Return *records* with their Zitierform (``citation``) set, in the same order.

    *style* is a style id or ``.csl`` path; *locale* forces a locale, else each
    record's ``language`` chooses. A filled Zitierform is kept unless *overwrite*
    (the replaced one is kept in ``custom``). A record that cannot be rendered stays
    unfilled and its error goes to the result's ``errors``, or is raised with
    *strict*. *policy* withholds data from the style (``None``: pass everything).
    """
    result = Filled()
    renderer = Renderer(style, locale)
    for outcome in iter_fill(records, renderer, overwrite=overwrite, policy=policy):
        if outcome.error is not None:
            if strict:
                raise outcome.error
            result.errors.append(outcome.error)
        result.append(outcome.record)
    return result


def _render(record: Record, renderer: Renderer, policy: ZitierformPolicy | None) -> str:
    if not record.get("title"):
        raise RenderError("no title: a Zitierform needs at least the title")
    text = renderer.entry(for_style(record, policy))
    if not text.strip():
        raise RenderError("the style renders nothing for this record")
    return text


def _with_citation(record: Record, text: str) -> Record:
    changes: dict[str, Any] = {"citation": text}
    if record.citation is not None:
        changes["custom"] = {**record.custom, PREVIOUS_CITATION_KEY: record.citation}
    return attrs.evolve(record, **changes)


def _located(error: CiteformError, record: Record) -> CiteformError:
    """Name the record's own source and position (the engine sees only a one-item list)."""
    origin = record.origin
    position = origin.position if origin else None
    if position is None and record.id is not None:
        position = f"id {record.id!r}"
    if origin is not None and origin.source:
        error.source = origin.source
    if position is not None:
        error.position = position
    return error


_PROBE = Record.from_csl(
    {
        "id": "probe",
        "type": "book",
        "title": "A title",
        "author": [{"family": "Family", "given": "Given"}],
        "issued": {"date-parts": [[2000]]},
        "publisher": "Publisher",
    }
)
"""A plain book that any working style renders."""


def style_failure(renderer: Renderer) -> RenderError | None:
    """The error *renderer*'s style raises on a plain book, or ``None`` if it renders one.

    When records fail and this fails too, the style is at fault, not the records.
    """
    try:
        renderer.entry(_PROBE)
    except Exception as error:  # noqa: BLE001 - any engine failure tells the style is broken
        if isinstance(error, CiteformError):
            detail = error.message.removeprefix(f"cannot render item {_PROBE.id!r}: ")
        else:
            detail = f"{type(error).__name__}: {error}"
        return RenderError(f"the style fails even on a plain book: {detail}")
    return None
