"""HTTP GET for harvesting: timeouts, retries with back-off, ``Retry-After``, gzip, a size cap.

Built on urllib3 (a connection pool, streamed and decoded bodies, parsed ``Retry-After``).
A failed attempt (a connection error, a timeout, a cut-off body, a 429 or 5xx status, or a
body the caller's *check* refuses) is retried after a wait that doubles each time, or after
the server's ``Retry-After`` when it gives one, up to :attr:`RetryPolicy.max_wait`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TypeVar
from urllib.parse import urlencode, urlsplit

import attrs
import urllib3
from urllib3.exceptions import HTTPError

from citeform.errors import LimitExceededError, UnreadableInputError
from citeform.sources import MAX_INPUT_BYTES

T = TypeVar("T")

RETRIED_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Statuses that say "try again later" (overload, gateway trouble, rate limits)."""

_CHUNK = 64 * 1024

_FOLLOW_REDIRECTS_ONLY = urllib3.Retry(
    total=None, connect=0, read=0, status=0, other=0, redirect=5, raise_on_status=False
)
"""urllib3 follows up to 5 redirects; every other retry is this module's."""


@attrs.frozen
class RetryPolicy:
    """How long to wait for a response and how often to try again."""

    attempts: int = 5
    """Tries per request, the first included."""
    backoff: float = 2.0
    """Seconds before the first retry; doubled for each further one."""
    max_wait: float = 300.0
    """Longest wait between tries, also for a server's ``Retry-After``."""
    timeout: float = 60.0
    """Seconds to connect, and seconds without a byte of the response, before an attempt fails."""

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after failed *attempt* (1-based)."""
        wanted = retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
        return max(0.0, min(wanted, self.max_wait))


class HttpStatusError(UnreadableInputError):
    """The server answered with a client or server error that trying again will not mend."""

    kind = "http-error"


class _Retry(Exception):  # noqa: N818 - a signal inside this module, not an error for users
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class HttpClient:
    """GETs pages for a harvest, one at a time, with one connection pool."""

    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        user_agent: str = "citeform (+OAI-PMH and DSpace REST harvester)",
    ) -> None:
        """Fetch with *policy*; *sleep* waits between tries."""
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=self.policy.timeout, read=self.policy.timeout),
            retries=_FOLLOW_REDIRECTS_ONLY,
        )

    def get(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        *,
        check: Callable[[bytes], T],
        accept: str = "*/*",
    ) -> T:
        """GET *url* with query *params*; return ``check(body)``.

        *check* raises :class:`UnreadableInputError` for a body that is not what was asked
        for (a cut-off or garbled page), which counts as a failed attempt. After the last
        attempt, :class:`UnreadableInputError` names the URL and the last reason.
        """
        full = _with_query(url, params)
        reason = ""
        for attempt in range(1, self.policy.attempts + 1):
            try:
                return check(self._fetch(full, accept))
            except _Retry as retry:
                reason, retry_after = retry.reason, retry.retry_after
            except (LimitExceededError, HttpStatusError):
                raise
            except UnreadableInputError as error:
                reason, retry_after = error.message, None
            if attempt < self.policy.attempts:
                self._sleep(self.policy.wait(attempt, retry_after))
        raise UnreadableInputError(
            f"gave up after {self.policy.attempts} attempt(s): {reason}", source=full
        )

    def _fetch(self, url: str, accept: str) -> bytes:
        try:
            response = self._pool.request(
                "GET", url, headers={"Accept": accept}, preload_content=False
            )
        except HTTPError as error:
            raise _Retry(_reason(error)) from None
        try:
            if response.status in RETRIED_STATUSES:
                retry_after = response.headers.get("Retry-After")
                raise _Retry(f"HTTP {response.status}", _retry_after(retry_after))
            if response.status >= 400:
                raise HttpStatusError(f"HTTP {response.status} {response.reason}", source=url)
            return _read_body(response, url)
        except HTTPError as error:
            raise _Retry(_reason(error)) from None
        finally:
            response.release_conn()


def _read_body(response: urllib3.BaseHTTPResponse, url: str) -> bytes:
    body = bytearray()
    for chunk in response.stream(_CHUNK, decode_content=True):
        body += chunk
        if len(body) > MAX_INPUT_BYTES:
            raise LimitExceededError(
                f"response larger than {MAX_INPUT_BYTES // 2**20} MiB", source=url
            )
    return bytes(body)


def _reason(error: HTTPError) -> str:
    return f"{type(error).__name__}: {error}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or an HTTP date), or ``None``."""
    if not value:
        return None
    try:
        return urllib3.util.Retry().parse_retry_after(value)
    except HTTPError:
        return None


def _with_query(url: str, params: Mapping[str, str] | None) -> str:
    if not params:
        return url
    joiner = "&" if urlsplit(url).query else "?"
    return f"{url}{joiner}{urlencode(params)}"
