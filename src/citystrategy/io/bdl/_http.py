"""GET requests to GUS BDL: paced within the published quotas, retried, timed out, cached.

- **Pacing** (:class:`Pacer`): the published quotas are sliding windows (5 requests a second,
  100 in 15 minutes, ... for anonymous use); before each request that goes to the network the
  pacer waits until every window has room. It counts this process's requests only.
- **Retries** (tenacity): 429 and 500/502/503/504, a timeout, a dropped connection and a body
  that is not JSON are tried again, up to ``tries`` times, with exponential backoff and jitter,
  or after the ``Retry-After`` the server asks for.
- **Cache** (:class:`Cache`): one JSON file per request URL, written atomically; fresh for
  ``max_age`` seconds, then revalidated with ``If-None-Match``.

The API key travels only in the ``X-ClientId`` header: it is never part of a URL, a cache entry
or an error.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import math
import os
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

import httpx
import tenacity
from attrs import frozen

from citystrategy._output import write_text
from citystrategy.errors import BdlNotCachedError, BdlRequestError

__all__ = ["ANONYMOUS_QUOTAS", "KEY_QUOTAS", "RETRIED_STATUSES", "Cache", "Pacer", "Quota"]

#: HTTP statuses that are tried again.
RETRIED_STATUSES: Final = frozenset({429, 500, 502, 503, 504})


@frozen
class Quota:
    """A published limit: at most *requests* in any *seconds*."""

    requests: int
    seconds: float


#: The quotas of anonymous use (GUS BDL API documentation).
ANONYMOUS_QUOTAS: Final = (
    Quota(5, 1),
    Quota(100, 15 * 60),
    Quota(1_000, 12 * 3600),
    Quota(10_000, 7 * 86400),
)
#: The quotas with an ``X-ClientId`` key.
KEY_QUOTAS: Final = (
    Quota(10, 1),
    Quota(500, 15 * 60),
    Quota(5_000, 12 * 3600),
    Quota(50_000, 7 * 86400),
)


class Pacer:
    """Waits before a request until each quota's sliding window has room for it.

    >>> waits = []
    >>> clock = iter([0.0, 0.0, 0.1, 0.1, 0.5]).__next__
    >>> pacer = Pacer((Quota(2, 1),), clock=clock, sleep=waits.append)
    >>> for _ in range(3):
    ...     pacer.wait()
    >>> waits  # the third request waits for the first to leave the one-second window
    [0.9]
    """

    def __init__(
        self,
        quotas: tuple[Quota, ...],
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        self.quotas = quotas
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque(maxlen=max(q.requests for q in quotas))

    def wait(self) -> None:
        """Sleep as long as a quota needs, then count one request as sent."""
        now = self._clock()
        delay = 0.0
        sent = list(self._sent)
        for quota in self.quotas:
            if len(sent) >= quota.requests:
                oldest = sent[-quota.requests]  # the request that leaves the window first
                delay = max(delay, oldest + quota.seconds - now)
        if delay > 0:
            self._sleep(delay)
            now = self._clock()
        self._sent.append(now)


class _Retry(Exception):
    """An answer worth trying again (a status of :data:`RETRIED_STATUSES`, a bad body)."""

    def __init__(
        self, kind: str, status: int | None, retry_after: float | None, detail: str = ""
    ) -> None:
        super().__init__(kind, status, retry_after, detail)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        self.detail = detail


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (a number or an HTTP date), if it is valid.

    >>> retry_after("7", 0.0), retry_after("Thu, 01 Jan 1970 00:00:30 GMT", 10.0)
    (7.0, 20.0)
    >>> retry_after("soon", 0.0) is None
    True
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _error_reason(response: httpx.Response) -> str:
    """The ``errorReason`` (or ``errorResult``) texts of an error body of either documented shape
    (``{"errors": [...]}`` or one object), joined; ``""`` if the body has none or is not JSON."""
    try:
        body = response.json()
    except ValueError:
        return ""
    items = body.get("errors", [body]) if isinstance(body, dict) else []
    reasons = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            reason = item.get("errorReason") or item.get("errorResult")
            if reason:
                reasons.append(str(reason))
    return "; ".join(reasons)


def _begins(text: str) -> str:
    return repr(text[:40])


class Cache:
    """Answers to GET requests, one JSON file per URL under *folder*.

    An entry holds the URL, the ``ETag``, when it was stored and the body; never a header of the
    request (the key stays out). Writes are atomic (a temporary file renamed over the entry), so
    an interrupted download leaves the previous entry or none, never half of one.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, url: str) -> Path:
        """The file of *url*'s entry."""
        digest = hashlib.sha256(url.encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def read(self, url: str) -> dict[str, object] | None:
        """The entry of *url*, or ``None`` if there is none or it cannot be read."""
        try:
            entry = json.loads(self.path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("url") != url:
            return None
        if not isinstance(entry.get("body"), str) or not isinstance(entry.get("stored"), float):
            return None
        return entry

    def write(self, url: str, body: str, etag: str | None, stored: float) -> None:
        """Store *body* as *url*'s entry (atomically)."""
        path = self.path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"url": url, "etag": etag, "stored": float(stored), "body": body}
        write_text(path, json.dumps(entry, ensure_ascii=False), force=True)


class Fetcher:
    """GET a URL's JSON: from the cache when fresh, else over the network, paced and retried."""

    def __init__(
        self,
        *,
        http: httpx.Client | None,
        cache: Cache,
        offline: bool,
        max_age: float,
        tries: int,
        backoff: float,
        max_wait: float,
        pacer: Pacer,
        sleep: Callable[[float], None],
        now: Callable[[], float],
    ) -> None:
        self.http = http
        self.cache = cache
        self.offline = offline
        self.max_age = max_age
        self.tries = tries
        self.backoff = backoff
        self.max_wait = max_wait
        self.pacer = pacer
        self.sleep = sleep
        self.now = now
        #: Requests sent over the network (revalidations included), for the tests and the CLI.
        self.sent = 0

    def get(self, url: str, params: Mapping[str, str | list[str]]) -> object:
        """The JSON answer to ``GET url?params``.

        Raises:
            BdlNotCachedError: Offline, if the cache has no entry for it.
            BdlRequestError: If no usable answer came within the tries.
        """
        full = str(httpx.URL(url, params=params))
        entry = self.cache.read(full)
        if entry is not None and (self.offline or self.now() - _stored(entry) < self.max_age):
            return json.loads(str(entry["body"]))
        if self.offline or self.http is None:
            raise BdlNotCachedError(full, str(self.cache.folder))
        etag = entry.get("etag") if entry is not None else None
        body = self._fetch(full, etag if isinstance(etag, str) else None, entry)
        return json.loads(body)

    def _fetch(self, url: str, etag: str | None, entry: dict[str, object] | None) -> str:
        exponential = tenacity.wait_exponential_jitter(
            multiplier=self.backoff, max=self.max_wait, jitter=self.backoff
        )

        def wait(state: tenacity.RetryCallState) -> float:
            failure = state.outcome.exception() if state.outcome is not None else None
            if isinstance(failure, _Retry) and failure.retry_after is not None:
                return failure.retry_after
            return exponential(state)

        def gives_up(state: tenacity.RetryCallState) -> bool:
            if state.attempt_number >= self.tries:
                return True
            failure = state.outcome.exception() if state.outcome is not None else None
            asked = failure.retry_after if isinstance(failure, _Retry) else None
            return asked is not None and asked > self.max_wait  # not worth waiting for

        retrying = tenacity.Retrying(
            sleep=self.sleep,
            stop=gives_up,
            wait=wait,
            retry=tenacity.retry_if_exception_type((_Retry, httpx.TransportError)),
            reraise=True,
        )
        attempts = 0

        def attempt() -> str:
            nonlocal attempts
            attempts += 1
            return self._once(url, etag, entry)

        try:
            return retrying(attempt)
        except BdlRequestError as refused:  # not retried; it counts the tries made before it
            raise BdlRequestError(
                url, refused.kind, refused.detail, refused.status, attempts
            ) from None
        except _Retry as failure:
            detail = failure.detail
            raise BdlRequestError(url, failure.kind, detail, failure.status, attempts) from None
        except httpx.TimeoutException:
            raise BdlRequestError(url, "timeout", tries=attempts) from None
        except httpx.TransportError:
            raise BdlRequestError(url, "unreachable", tries=attempts) from None

    def _once(self, url: str, etag: str | None, entry: dict[str, object] | None) -> str:
        assert self.http is not None
        headers = {} if etag is None else {"If-None-Match": etag}
        self.pacer.wait()
        self.sent += 1
        response = self.http.get(url, headers=headers)
        if response.status_code == 304 and entry is not None:
            body = str(entry["body"])
            self.cache.write(url, body, etag, self.now())
            return body
        if response.status_code in RETRIED_STATUSES:
            asked = retry_after(response.headers.get("Retry-After"), self.now())
            raise _Retry("status", response.status_code, asked, _error_reason(response))
        if response.status_code != 200:
            detail = _error_reason(response)
            raise BdlRequestError(url, "refused", detail, response.status_code, 1)
        text = response.text
        try:
            json.loads(text)
        except ValueError:
            raise _Retry("malformed", 200, None, _begins(text)) from None
        self.cache.write(url, text, response.headers.get("ETag"), self.now())
        return text


def _stored(entry: Mapping[str, object]) -> float:
    stored = entry.get("stored")
    return float(stored) if isinstance(stored, float) else -math.inf


def default_cache_dir() -> Path:
    """The user's cache folder for BDL answers (``platformdirs``, as the unit cache uses)."""
    import platformdirs

    return platformdirs.user_cache_path("citystrategy", appauthor=False) / "bdl"


def environment_key(given: str | None) -> str | None:
    """The API key: *given*, else ``BDL_API_KEY`` from the environment; ``None`` if neither."""
    key = given if given is not None else os.environ.get("BDL_API_KEY")
    return key.strip() or None if key is not None else None
