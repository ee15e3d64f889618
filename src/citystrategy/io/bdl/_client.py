"""The GUS BDL API v1 client: endpoints, paging, and answers as records and long frames."""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Final
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from attrs import frozen

from citystrategy._arguments import instance, integer, path, real, text
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, ArgumentTypeError, BdlRequestError, Message
from citystrategy.io.bdl._http import (
    ANONYMOUS_QUOTAS,
    KEY_QUOTAS,
    Cache,
    Fetcher,
    Pacer,
    default_cache_dir,
    environment_key,
)
from citystrategy.io.bdl._values import flag, long_frame, observation, registry_unit, to_teryt

__all__ = ["DEFAULT_BASE_URL", "LEVELS", "PAGE_SIZE", "Client", "Unit", "Variable"]

#: The address of the API.
DEFAULT_BASE_URL: Final = "https://bdl.stat.gov.pl/api/v1/"
#: Records asked for in one page: the API's maximum.
PAGE_SIZE: Final = 100
#: BDL's unit levels by name.
LEVELS: Final[Mapping[str, int]] = {"poland": 0, "voivodeship": 2, "powiat": 5, "gmina": 6}
#: A cached answer is used without asking the server for this long (seconds): a week.
DEFAULT_MAX_AGE: Final = 7 * 86400.0

#: Called after each page of a paged download with the pages done and the pages expected.
Progress = Callable[[int, int | None], None]


@frozen(kw_only=True)
class Variable:
    """A BDL variable (``/variables``).

    Attributes:
        id: Its id (``60270``).
        name: Its name parts (``n1`` to ``n5``) joined with ``", "``, verbatim.
        subject_id: Its subject (``"P2392"``).
        level: The lowest unit level it is published for.
        unit: BDL's unit name, verbatim (``"%"``).
    """

    id: int
    name: str
    subject_id: str
    level: int | None
    unit: str

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Variable:
        """A variable from the API's JSON object.

        Raises:
            ArgumentTypeError: If *data* is not a mapping.
        """
        instance(data, "data", dict, "a JSON object (a dict)")
        parts = [str(data[f"n{n}"]) for n in range(1, 6) if data.get(f"n{n}")]
        level = data.get("level")
        return cls(
            id=int(str(data["id"])),
            name=", ".join(parts),
            subject_id=str(data.get("subjectId") or ""),
            level=level if isinstance(level, int) else None,
            unit=str(data.get("measureUnitName") or ""),
        )


@frozen(kw_only=True)
class Unit:
    """A BDL territorial unit (``/units``).

    Attributes:
        id: Its 12-digit id (``"052615261000"``).
        name: Its name, verbatim (``"Powiat m. Kielce"``).
        level: Its level (5 powiat, 6 gmina ...).
        parent_id: The unit above it, if any.
        teryt: Its TERYT code (:func:`to_teryt`), or the id for a unit without one.
    """

    id: str
    name: str
    level: int | None
    parent_id: str | None
    teryt: str

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Unit:
        """A unit from the API's JSON object.

        Raises:
            ArgumentTypeError: If *data* is not a mapping.
        """
        instance(data, "data", dict, "a JSON object (a dict)")
        level = data.get("level")
        parent = data.get("parentId")
        unit_id = str(data["id"])
        return cls(
            id=unit_id,
            name=str(data.get("name") or ""),
            level=level if isinstance(level, int) else None,
            parent_id=None if parent is None else str(parent),
            teryt=to_teryt(unit_id),
        )


def _level(value: object) -> int:
    if isinstance(value, str):
        if value not in LEVELS:
            raise ArgumentError("unit_level", value, f"one of {', '.join(LEVELS)} or 0-7")
        return LEVELS[value]
    level = integer(value, "unit_level")
    if not 0 <= level <= 7:
        raise ArgumentError("unit_level", value, "a BDL level from 0 to 7")
    return level


def _years(values: object) -> list[str]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ArgumentTypeError("years", values, "a collection of years (ints)")
    years = [integer(year, "years") for year in values]
    if not years:
        raise ArgumentError("years", values, N_("at least one year"))
    return [str(year) for year in sorted(set(years))]


class Client:
    """A client of GUS's Local Data Bank (BDL) API v1; it does network I/O.

    Every answer is cached on disk (*cache_dir*, by default the user's cache folder) and used
    without a request for *max_age* seconds, then revalidated with ``If-None-Match``. With
    *offline*, only the cache is read. Requests are paced within the published quotas (higher
    with a key), timed out after *timeout* seconds, and tried up to *tries* times on 429, 5xx,
    a timeout, a dropped connection or a broken body, with exponential backoff and jitter or
    the ``Retry-After`` the server sends (up to *max_wait* seconds).

    Args:
        base_url: The API's address (a mirror's, or a test server's).
        cache_dir: The cache folder (default: the user's cache folder).
        offline: Read only the cache; a request it does not hold is an error.
        api_key: The ``X-ClientId`` key (default: ``BDL_API_KEY`` from the environment). It is
            sent as a header only; never logged, cached or shown.
        timeout: Seconds to wait for each request.
        lang: ``"pl"`` or ``"en"``, the language of the names BDL sends.
        tries: How many times a request is tried.
        backoff: Seconds of the first wait between tries (it doubles, plus jitter).
        max_wait: The longest wait between two tries; a ``Retry-After`` beyond it ends the tries.
        max_age: Seconds a cached answer is used without asking the server.
        progress: Called after each page of a paged download (pages done, pages expected).
        sleep: How to wait (default :func:`time.sleep`; for tests, one that records the waits).
        clock: A monotonic clock, for the pacing (default :func:`time.monotonic`).
        now: The wall clock, for the cache and ``Retry-After`` (default :func:`time.time`).
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        cache_dir: str | os.PathLike[str] | None = None,
        offline: bool = False,
        api_key: str | None = None,
        timeout: float = 30.0,
        lang: str = "pl",
        tries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        max_age: float = DEFAULT_MAX_AGE,
        progress: Progress | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        now: Callable[[], float] | None = None,
    ) -> None:
        text(base_url, "base_url")
        address = urlsplit(base_url)
        if address.scheme not in ("http", "https") or not address.netloc:
            expected = Message(N_("a web address such as {example}"), {"example": DEFAULT_BASE_URL})
            raise ArgumentError("base_url", base_url, expected)
        if lang not in ("pl", "en"):
            raise ArgumentError("lang", lang, "'pl' or 'en'")
        if api_key is not None:
            text(api_key, "api_key")
        if integer(tries, "tries") < 1:
            raise ArgumentError("tries", tries, "1 or more tries")
        for name, number in (("timeout", timeout), ("max_wait", max_wait), ("max_age", max_age)):
            if real(number, name) < 0 or math.isnan(number):
                raise ArgumentError(name, number, "a number of seconds, 0 or more")
        real(backoff, "backoff")
        folder = default_cache_dir() if cache_dir is None else Path(path(cache_dir, "cache_dir"))
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.offline = bool(offline)
        self.lang = lang
        self._progress = progress
        key = environment_key(api_key)
        sleep = time.sleep if sleep is None else sleep  # looked up now, so a test may replace it
        clock = time.monotonic if clock is None else clock
        now = time.time if now is None else now
        self._http = None
        if not self.offline:
            import httpx

            headers = {"Accept": "application/json"}
            if key is not None:
                headers["X-ClientId"] = key
            self._http = httpx.Client(headers=headers, timeout=timeout, follow_redirects=False)
        self._fetcher = Fetcher(
            http=self._http,
            cache=Cache(folder),
            offline=self.offline,
            max_age=max_age,
            tries=tries,
            backoff=backoff,
            max_wait=max_wait,
            pacer=Pacer(KEY_QUOTAS if key else ANONYMOUS_QUOTAS, clock=clock, sleep=sleep),
            sleep=sleep,
            now=now,
        )

    def __repr__(self) -> str:
        return f"Client(base_url={self.base_url!r}, offline={self.offline!r})"  # never the key

    @property
    def cache_dir(self) -> Path:
        """The cache folder."""
        return self._fetcher.cache.folder

    @property
    def requests_sent(self) -> int:
        """How many requests went to the network so far (cache hits are not requests)."""
        return self._fetcher.sent

    def close(self) -> None:
        """Close the connections."""
        if self._http is not None:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- requests --------------------------------------------------------------------------

    def _get(self, endpoint: str, params: Mapping[str, str | list[str]]) -> dict[str, object]:
        url = self.base_url + endpoint
        answer = self._fetcher.get(url, {**params, "format": "json", "lang": self.lang})
        if not isinstance(answer, dict):
            shown = json.dumps(answer)[:40]
            raise BdlRequestError(url, "malformed", repr(shown), 200)
        return answer

    def _pages(
        self, endpoint: str, params: Mapping[str, str | list[str]]
    ) -> Iterator[dict[str, object]]:
        """Every page of a paged endpoint, following ``links.next`` until it is absent or a page
        is empty; a page sent twice, or a total that does not add up, is an error."""
        url = self.base_url + endpoint
        query: dict[str, str | list[str]] = {**params, "page-size": str(PAGE_SIZE)}
        seen: set[str] = set()
        received = 0
        total: int | None = None
        done = 0
        while True:
            page = self._get(endpoint, query)
            results = page.get("results")
            if not isinstance(results, list):
                raise BdlRequestError(url, "malformed", repr(json.dumps(page)[:40]), 200)
            announced = page.get("totalRecords")
            if isinstance(announced, int):
                total = announced
            if not results:
                break
            fingerprint = json.dumps(results, sort_keys=True)
            if fingerprint in seen:
                raise BdlRequestError(url, "repeated", status=200)
            seen.add(fingerprint)
            received += len(results)
            done += 1
            if self._progress is not None:
                pages = None if total is None else max(1, math.ceil(total / PAGE_SIZE))
                self._progress(done, pages)
            yield page
            links = page.get("links")
            following = links.get("next") if isinstance(links, dict) else None
            if not isinstance(following, str) or not following:
                break
            query = {**params, "page-size": str(PAGE_SIZE), **_query(following)}
        if total is not None and received != total:
            raise BdlRequestError(url, "total", f"{total} ≠ {received}", 200)

    # --- metadata --------------------------------------------------------------------------

    def variable(self, variable_id: int) -> Variable:
        """The variable with this id (``GET /variables/{id}``).

        Raises:
            BdlRequestError: If BDL refuses (404 for an unknown id) or cannot be reached.
            BdlNotCachedError: Offline, if the cache does not hold it.
        """
        number = integer(variable_id, "variable_id")
        return Variable.from_json(self._get(f"variables/{number}", {}))

    def search_variables(self, text_: str) -> tuple[Variable, ...]:
        """The variables whose name contains *text_* (``GET /variables/search?name=``)."""
        query = text(text_, "text_")
        found = [
            Variable.from_json(item)
            for page in self._pages("variables/search", {"name": query})
            for item in _results(page)
        ]
        return tuple(found)

    def unit(self, unit_id: str) -> Unit:
        """The unit with this 12-digit id (``GET /units/{id}``)."""
        return Unit.from_json(self._get(f"units/{text(unit_id, 'unit_id')}", {}))

    def search_units(self, name: str, *, level: int | str | None = None) -> tuple[Unit, ...]:
        """The units whose name contains *name*, of *level* if given (``GET /units/search``)."""
        params: dict[str, str | list[str]] = {"name": text(name, "name")}
        if level is not None:
            params["level"] = str(_level(level))
        pages = self._pages("units/search", params)
        return tuple(Unit.from_json(item) for page in pages for item in _results(page))

    def units(self, *, level: int | str, parent_id: str | None = None) -> tuple[Unit, ...]:
        """The units of *level* (5 or ``"powiat"``, 6 or ``"gmina"`` ...), under *parent_id* if
        given (``GET /units?level=&parent-id=``)."""
        params: dict[str, str | list[str]] = {"level": str(_level(level))}
        if parent_id is not None:
            params["parent-id"] = text(parent_id, "parent_id")
        pages = self._pages("units", params)
        return tuple(Unit.from_json(item) for page in pages for item in _results(page))

    # --- data ------------------------------------------------------------------------------

    def data_by_variable(
        self,
        variable_id: int,
        *,
        unit_level: int | str,
        years: Iterable[int],
        parent_id: str | None = None,
    ) -> pd.DataFrame:
        """One variable for every unit of *unit_level* (under *parent_id* if given), as a long
        frame (``GET /data/by-variable/{id}?unit-level=&unit-parent-id=&year=``).

        One unit level is asked for, so a city with powiat rights (a powiat and a gmina in BDL)
        is counted once. ``territory`` is the TERYT code (:func:`to_teryt`), ``indicator`` the
        variable id, ``unit`` the registry's unit (BDL's verbatim if the registry lacks it),
        ``flag`` the value's attribute (``"bdl:1"``; :data:`ATTRIBUTES`), ``source`` names the
        BDL unit id. A value whose attribute says missing is NaN, never the 0 BDL sends.

        Raises:
            BdlRequestError: If BDL refuses, cannot be reached, or pages inconsistently.
            BdlNotCachedError: Offline, if the cache does not hold a page.
        """
        number = integer(variable_id, "variable_id")
        params: dict[str, str | list[str]] = {
            "unit-level": str(_level(unit_level)),
            "year": _years(years),
        }
        if parent_id is not None:
            params["unit-parent-id"] = text(parent_id, "parent_id")
        unit = registry_unit(self.variable(number).unit)
        records = []
        for page in self._pages(f"data/by-variable/{number}", params):
            for item in _results(page):
                unit_id = str(item.get("id"))
                for year, value, attribute in _values(item):
                    records.append((to_teryt(unit_id), str(number), unit, year, value, attribute, _source(unit_id)))  # fmt: skip
        return long_frame(records)

    def data_by_unit(
        self, unit_id: str, *, variables: Iterable[int], years: Iterable[int]
    ) -> pd.DataFrame:
        """Several variables for one unit, as a long frame like :meth:`data_by_variable`'s
        (``GET /data/by-unit/{id}?var-id=&year=``).

        Raises:
            BdlRequestError: If BDL refuses, cannot be reached, or pages inconsistently.
            BdlNotCachedError: Offline, if the cache does not hold a page.
        """
        unit_id = text(unit_id, "unit_id")
        if isinstance(variables, str | bytes) or not isinstance(variables, Iterable):
            raise ArgumentTypeError("variables", variables, "a collection of variable ids")
        ids = sorted({integer(v, "variables") for v in variables})
        if not ids:
            raise ArgumentError("variables", variables, "at least one variable id")
        params: dict[str, str | list[str]] = {"var-id": [str(i) for i in ids], "year": _years(years)}  # fmt: skip
        units = {number: registry_unit(self.variable(number).unit) for number in ids}
        records = []
        for page in self._pages(f"data/by-unit/{unit_id}", params):
            for item in _results(page):
                number = int(str(item.get("id")))
                unit = units.get(number) or registry_unit(self.variable(number).unit)
                for year, value, attribute in _values(item):
                    records.append((to_teryt(unit_id), str(number), unit, year, value, attribute, _source(unit_id)))  # fmt: skip
        return long_frame(records)


def _query(link: str) -> dict[str, str | list[str]]:
    """The query of a ``links.next`` address, to ask of the client's own base URL (a mirror's
    links may name the origin; the key is never in a link). It is laid over the first request's
    query, so a link that names only the page keeps the level, parent and years."""
    parsed = parse_qs(urlsplit(link).query, keep_blank_values=True)
    query: dict[str, str | list[str]] = {}
    for name, values in parsed.items():
        if name not in ("format", "lang"):
            query[name] = values[0] if len(values) == 1 else values
    return query


def _results(page: Mapping[str, object]) -> list[Mapping[str, object]]:
    results = page.get("results")
    return [item for item in results if isinstance(item, dict)] if isinstance(results, list) else []


def _values(item: Mapping[str, object]) -> Iterator[tuple[int, float, str]]:
    values = item.get("values")
    for entry in values if isinstance(values, list) else []:
        if not isinstance(entry, dict):
            continue
        attribute = entry.get("attrId")
        yield int(str(entry.get("year"))), observation(entry.get("val"), attribute), flag(attribute)


def _source(unit_id: str) -> str:
    return f"GUS BDL, unit {unit_id}"
