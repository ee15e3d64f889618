"""The GUS BDL client against a local stand-in server: paging, faults, cache, offline, values."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from citystrategy.errors import BdlNotCachedError, BdlRequestError, CityStrategyError
from citystrategy.frames import FLAG, INDICATOR, SOURCE, TERRITORY, UNIT, VALUE, YEAR
from citystrategy.io.bdl import (
    ANONYMOUS_QUOTAS,
    KEY_QUOTAS,
    MISSING_ATTRIBUTES,
    Client,
    Quota,
    to_teryt,
)
from citystrategy.io.bdl._http import Pacer
from tests.io.bdl_server import FakeBdl, FakeTime, Reply, serve

VOIVODESHIPS = ("02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32")  # fmt: skip
#: The real /variables/60270 answer's fields (registered unemployment rate, subject P2392).
UNEMPLOYMENT = {
    "id": 60270,
    "subjectId": "P2392",
    "n1": "ogółem",
    "level": 5,
    "measureUnitId": 5,
    "measureUnitName": "%",
}
BY_VARIABLE = "data/by-variable/60270"
#: The real /data/by-unit answer for Wielkopolskie, variable 9 (shared/data, paging stripped).
BY_UNIT_FILE = Path(__file__).parent.parent / "data" / "bdl_by_unit_wielkopolskie_9.json"


def powiat_ids(count: int) -> list[str]:
    """*count* distinct BDL powiat unit ids of the real shape (not cities with powiat rights)."""
    return [f"01{VOIVODESHIPS[n % 16]}100{n // 16 + 1:02d}000" for n in range(count)]


def unit_results(ids: list[str], years: tuple[int, ...] = (2021, 2022)) -> list[object]:
    """Results of /data/by-variable: unit n has the value n/10 + year - 2020 (attrId 1)."""
    return [
        {
            "id": unit_id,
            "name": f"Powiat {n}",
            "values": [{"year": str(y), "val": n / 10 + y - 2020, "attrId": 1} for y in years],
        }
        for n, unit_id in enumerate(ids)
    ]


@pytest.fixture
def fake() -> Iterator[FakeBdl]:
    """A stand-in BDL that knows variable 60270, running on 127.0.0.1."""
    with serve(FakeBdl()) as server:
        server.route("variables/60270", Reply(body=UNEMPLOYMENT))
        yield server


@pytest.fixture
def clock() -> FakeTime:
    """A clock that moves only when slept on."""
    return FakeTime()


ClientFactory = Callable[..., Client]


@pytest.fixture
def make_client(fake: FakeBdl, clock: FakeTime, tmp_path: Path) -> ClientFactory:
    """Clients of the stand-in server, with the fake clock and a cache in tmp_path."""

    def make(**options: object) -> Client:
        settings: dict[str, object] = {
            "base_url": fake.base_url,
            "cache_dir": tmp_path / "cache",
            "sleep": clock.sleep,
            "clock": clock.monotonic,
            "now": clock.time,
            "timeout": 5.0,
        }
        settings.update(options)
        return Client(**settings)  # type: ignore[arg-type]

    return make


def test_paging_follows_next_across_pages(fake: FakeBdl, make_client: ClientFactory) -> None:
    """250 units in three pages of 100 come back whole, each page asked for once."""
    ids = powiat_ids(250)
    fake.pages(BY_VARIABLE, unit_results(ids), {"variableId": 60270, "measureUnitId": 5})
    frame = make_client().data_by_variable(60270, unit_level="powiat", years=[2021, 2022])
    assert len(frame) == 500
    pages = [seen.query.get("page", ["0"])[0] for seen in fake.requests_to(BY_VARIABLE)]
    assert pages == ["0", "1", "2"]
    for seen in fake.requests_to(BY_VARIABLE):  # the links name only the page: the rest is kept
        assert seen.query["page-size"] == ["100"]
        assert seen.query["unit-level"] == ["5"]
        assert seen.query["year"] == ["2021", "2022"]
    expected = sum(n / 10 + 1 + n / 10 + 2 for n in range(250))
    assert frame[VALUE].sum() == pytest.approx(expected)
    assert set(frame[UNIT]) == {"percent"}
    assert set(frame[INDICATOR]) == {"60270"}
    assert frame.loc[0, TERRITORY] == "0201"
    assert frame.loc[0, SOURCE] == "GUS BDL, unit 010210001000"


def test_parent_is_sent_with_the_level(fake: FakeBdl, make_client: ClientFactory) -> None:
    """A parent id goes with unit-level, so a powiat city is asked for at one level only."""
    fake.pages(BY_VARIABLE, unit_results(["052615261000"], (2021,)), {})
    frame = make_client().data_by_variable(
        60270, unit_level=5, years=[2021], parent_id="052615000000"
    )
    query = fake.requests_to(BY_VARIABLE)[0].query
    assert query["unit-parent-id"] == ["052615000000"]
    assert query["unit-level"] == ["5"]
    assert list(frame[TERRITORY]) == ["2661011"]


def test_a_city_with_powiat_rights_is_one_territory() -> None:
    """Kielce's powiat and gmina units in BDL are the one TERYT code of the register."""
    assert to_teryt("052615261000") == to_teryt("052615261011") == "2661011"
    assert to_teryt("052615204000") == "2604"  # powiat kielecki, another unit


def test_missing_value_sent_as_zero_is_nan(fake: FakeBdl, make_client: ClientFactory) -> None:
    """val 0 with a missing attrId is NaN with its flag; a meaningful zero (94) stays 0."""
    results = [
        {
            "id": "010210001000",
            "name": "Powiat 0",
            "values": [
                {"year": "2021", "val": 0, "attrId": 50},
                {"year": "2022", "val": 0, "attrId": 94},
                {"year": "2023", "val": 5.2, "attrId": 9},
            ],
        }
    ]
    fake.pages(BY_VARIABLE, results, {})
    frame = make_client().data_by_variable(60270, unit_level=5, years=[2021, 2022, 2023])
    rows = frame.set_index(YEAR)
    assert rows[VALUE].isna().tolist() == [True, False, False]
    assert rows.loc[2021, FLAG] == "bdl:50"
    assert rows.loc[2022, VALUE] == 0.0
    assert rows.loc[2022, FLAG] == "bdl:94"
    assert rows.loc[2023, VALUE] == 5.2
    assert rows.loc[2023, FLAG] == "bdl:9"
    assert {0, 4, 14, 15, 50, 91} == MISSING_ATTRIBUTES


def test_no_missing_flag_reaches_a_frame_as_zero(fake: FakeBdl, make_client: ClientFactory) -> None:
    """Every missing attribute sent with val 0 becomes NaN, none of them 0."""
    values = [{"year": str(2000 + n), "val": 0, "attrId": a} for n, a in enumerate(sorted(MISSING_ATTRIBUTES))]  # fmt: skip
    fake.pages(BY_VARIABLE, [{"id": "010210001000", "name": "P", "values": values}], {})
    frame = make_client().data_by_variable(60270, unit_level=5, years=range(2000, 2006))
    assert frame[VALUE].isna().all()
    assert sorted(frame[FLAG]) == sorted(f"bdl:{a}" for a in MISSING_ATTRIBUTES)


def test_429_waits_what_retry_after_says(
    fake: FakeBdl, make_client: ClientFactory, clock: FakeTime
) -> None:
    """A 429 with Retry-After: 3 is tried again after exactly 3 seconds."""
    fake.route(BY_VARIABLE, Reply(429, headers={"Retry-After": "3"}), Reply(body={"totalRecords": 0, "results": []}))  # fmt: skip
    frame = make_client().data_by_variable(60270, unit_level=5, years=[2021])
    assert frame.empty
    assert clock.sleeps == [3.0]
    assert len(fake.requests_to(BY_VARIABLE)) == 2


def test_500_then_success_backs_off_with_jitter(
    fake: FakeBdl, make_client: ClientFactory, clock: FakeTime
) -> None:
    """A 500 is tried again after the first backoff plus jitter (between 1 and 2 seconds)."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(3)), {})
    replies = fake.routes[(BY_VARIABLE, 0)]
    fake.route(BY_VARIABLE, Reply(500, {"errorResult": "Internal"}), *replies)
    frame = make_client(backoff=1.0).data_by_variable(60270, unit_level=5, years=[2021, 2022])
    assert len(frame) == 6
    assert len(clock.sleeps) == 1
    assert 1.0 <= clock.sleeps[0] <= 2.0


def test_backoff_grows_and_gives_up(
    fake: FakeBdl, make_client: ClientFactory, clock: FakeTime
) -> None:
    """503 on every try: waits of about 1, 2, 4 s, then an error with the URL and status."""
    fake.route(BY_VARIABLE, Reply(503))
    with pytest.raises(BdlRequestError) as caught:
        make_client(tries=4, backoff=1.0).data_by_variable(60270, unit_level=5, years=[2021])
    error = caught.value
    assert (error.kind, error.status, error.tries) == ("status", 503, 4)
    assert all(base <= s <= base + 1 for s, base in zip(clock.sleeps, (1, 2, 4), strict=True))
    assert "/data/by-variable/60270?" in error.url
    assert "HTTP status 503" in str(error)
    assert "after 4 tries" in str(error)


def test_retry_after_beyond_the_longest_wait_gives_up(
    fake: FakeBdl, make_client: ClientFactory, clock: FakeTime
) -> None:
    """A Retry-After of 12 hours is not waited for: the error comes after one try."""
    fake.route(BY_VARIABLE, Reply(429, headers={"Retry-After": "43200"}))
    with pytest.raises(BdlRequestError) as caught:
        make_client(max_wait=60).data_by_variable(60270, unit_level=5, years=[2021])
    assert (caught.value.status, caught.value.tries, clock.sleeps) == (429, 1, [])


def test_malformed_json_is_tried_then_an_error(fake: FakeBdl, make_client: ClientFactory) -> None:
    """A body that is not JSON is tried again, then named in the error with its start."""
    fake.route(BY_VARIABLE, Reply(body='{"totalRecords": 2, "results": [{"id"'))
    with pytest.raises(BdlRequestError) as caught:
        make_client(tries=2).data_by_variable(60270, unit_level=5, years=[2021])
    assert (caught.value.kind, caught.value.tries) == ("malformed", 2)
    assert '{"totalRecords"' in caught.value.detail
    assert len(fake.requests_to(BY_VARIABLE)) == 2


def test_empty_result_is_an_empty_frame(fake: FakeBdl, make_client: ClientFactory) -> None:
    """No results: an empty long frame with every column, after one request."""
    fake.route(BY_VARIABLE, Reply(body={"totalRecords": 0, "page": 0, "results": [], "links": {}}))
    frame = make_client().data_by_variable(60270, unit_level=6, years=[2021])
    assert frame.empty
    assert list(frame.columns) == [TERRITORY, INDICATOR, UNIT, YEAR, VALUE, FLAG, SOURCE]


def test_timeout_on_every_try(fake: FakeBdl, make_client: ClientFactory) -> None:
    """A server slower than the timeout on each try: a timeout error after the tries."""
    fake.route(BY_VARIABLE, Reply(body={"results": []}, delay=1.0))
    with pytest.raises(BdlRequestError) as caught:
        make_client(timeout=0.2, tries=2).data_by_variable(60270, unit_level=5, years=[2021])
    assert (caught.value.kind, caught.value.tries, caught.value.status) == ("timeout", 2, None)
    assert "within the timeout" in str(caught.value)


def test_unreachable_server(tmp_path: Path, clock: FakeTime) -> None:
    """No server at the address: an 'unreachable' error naming it."""
    client = Client(base_url="http://127.0.0.1:9/api/v1/", cache_dir=tmp_path, tries=2, sleep=clock.sleep)  # fmt: skip
    with pytest.raises(BdlRequestError) as caught:
        client.variable(60270)
    assert caught.value.kind == "unreachable"
    assert caught.value.tries == 2
    assert caught.value.url.startswith("http://127.0.0.1:9/api/v1/variables/60270")


def test_broken_page_in_the_middle_is_tried_again(
    fake: FakeBdl, make_client: ClientFactory
) -> None:
    """Page 2 of 3 cut short once: tried again, and the frame is whole."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    good = fake.routes[(BY_VARIABLE, 1)]
    fake.route(BY_VARIABLE, Reply(body='{"totalRecords": 250, "resu'), *good, page=1)
    frame = make_client().data_by_variable(60270, unit_level=5, years=[2021, 2022])
    assert len(frame) == 500
    assert [s.query.get("page", ["0"])[0] for s in fake.requests_to(BY_VARIABLE)] == ["0", "1", "1", "2"]  # fmt: skip


def test_broken_page_for_good_names_the_page(fake: FakeBdl, make_client: ClientFactory) -> None:
    """Page 2 failing on every try: the error names that page's URL."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    fake.route(BY_VARIABLE, Reply(502), page=1)
    with pytest.raises(BdlRequestError) as caught:
        make_client(tries=3).data_by_variable(60270, unit_level=5, years=[2021, 2022])
    assert "page=1" in caught.value.url
    assert caught.value.status == 502


def test_a_repeated_page_is_an_error(fake: FakeBdl, make_client: ClientFactory) -> None:
    """A server that sends page 0 again for page 1 is caught, not looped on."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    fake.routes[(BY_VARIABLE, 1)] = fake.routes[(BY_VARIABLE, 0)]
    with pytest.raises(BdlRequestError) as caught:
        make_client().data_by_variable(60270, unit_level=5, years=[2021])
    assert caught.value.kind == "repeated"


def test_a_total_that_does_not_add_up(fake: FakeBdl, make_client: ClientFactory) -> None:
    """totalRecords 300 but 250 records sent: an error with both figures."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    for page in range(3):
        body = fake.routes[(BY_VARIABLE, page)][0].body
        assert isinstance(body, dict)
        body["totalRecords"] = 300
    with pytest.raises(BdlRequestError) as caught:
        make_client().data_by_variable(60270, unit_level=5, years=[2021])
    assert (caught.value.kind, caught.value.detail) == ("total", "300 ≠ 250")


@pytest.mark.parametrize(
    ("reply", "status", "detail"),
    [
        (
            Reply(
                404, {"errors": [{"errorResult": "Not Found", "errorReason": "Brak zmiennej 1"}]}
            ),
            404,
            "Brak zmiennej 1",
        ),
        (
            Reply(403, {"errorResult": "Forbidden", "errorReason": "Nieprawidłowy klucz"}),
            403,
            "Nieprawidłowy klucz",
        ),
        (Reply(400, {"errorResult": "Bad Request"}), 400, "Bad Request"),
        (Reply(404), 404, ""),
        (Reply(404, "<html><body>Not Found</body></html>"), 404, ""),
    ],
    ids=["errors-list", "one-object", "result-only", "no-body", "not-json"],
)
def test_error_bodies_of_each_shape(
    fake: FakeBdl, make_client: ClientFactory, reply: Reply, status: int, detail: str
) -> None:
    """A refused request is not retried; the server's reason, if any, is in the error."""
    fake.route("variables/1", reply)
    with pytest.raises(BdlRequestError) as caught:
        make_client().variable(1)
    assert (caught.value.kind, caught.value.status, caught.value.detail) == ("refused", status, detail)  # fmt: skip
    assert len(fake.requests_to("variables/1")) == 1
    assert detail in str(caught.value)
    assert f"HTTP status {status}" in str(caught.value)


def test_second_run_is_served_from_the_cache_then_offline(
    fake: FakeBdl, make_client: ClientFactory, tmp_path: Path
) -> None:
    """A cache filled once answers a second run with no request, and offline after the server
    has stopped."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    first = make_client().data_by_variable(60270, unit_level=5, years=[2021, 2022])
    sent = len(fake.seen)
    again = make_client()
    second = again.data_by_variable(60270, unit_level=5, years=[2021, 2022])
    assert again.requests_sent == 0
    assert len(fake.seen) == sent
    assert second.equals(first)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 4  # the variable and three pages
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_offline_after_the_server_stopped(tmp_path: Path, clock: FakeTime) -> None:
    """The server stopped: offline reads the cache; a request it lacks is named in the error."""
    with serve(FakeBdl()) as fake:
        fake.route("variables/60270", Reply(body=UNEMPLOYMENT))
        fake.pages(BY_VARIABLE, unit_results(powiat_ids(120)), {})
        base = fake.base_url
        online = Client(base_url=base, cache_dir=tmp_path, sleep=clock.sleep)
        first = online.data_by_variable(60270, unit_level=5, years=[2021])
        online.close()
    offline = Client(base_url=base, cache_dir=tmp_path, offline=True)
    assert offline.data_by_variable(60270, unit_level=5, years=[2021]).equals(first)
    assert offline.requests_sent == 0
    with pytest.raises(BdlNotCachedError) as caught:
        offline.data_by_variable(60270, unit_level=5, years=[2023])
    assert "year=2023" in caught.value.url
    assert str(tmp_path) in str(caught.value)
    stale = Client(base_url=base, cache_dir=tmp_path, max_age=0, tries=1, sleep=clock.sleep)
    with pytest.raises(BdlRequestError) as unreachable:  # stale, and the server is gone
        stale.variable(60270)
    assert unreachable.value.kind == "unreachable"


def test_stale_entry_is_revalidated_with_its_etag(
    fake: FakeBdl, make_client: ClientFactory
) -> None:
    """Past max_age, the entry's ETag goes in If-None-Match; a 304 keeps the cached answer."""
    fake.route("variables/60270", Reply(body=UNEMPLOYMENT, headers={"ETag": '"v1"'}), Reply(304))
    assert make_client().variable(60270).unit == "%"
    client = make_client(max_age=0)
    variable = client.variable(60270)
    assert (variable.id, variable.unit, variable.subject_id) == (60270, "%", "P2392")
    second = fake.requests_to("variables/60270")[1]
    assert second.headers.get("If-None-Match") == '"v1"'
    assert client.requests_sent == 1


def test_an_interrupted_cache_write_keeps_the_old_entry(
    fake: FakeBdl, make_client: ClientFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails before its rename leaves the previous entry whole and no temporary."""
    fake.route("variables/60270", Reply(body=UNEMPLOYMENT), Reply(body={**UNEMPLOYMENT, "n1": "nowa"}))  # fmt: skip
    make_client().variable(60270)
    [entry] = (tmp_path / "cache").rglob("*.json")
    before = entry.read_bytes()

    def broken(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space"):
        make_client(max_age=0).variable(60270)
    assert entry.read_bytes() == before
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]


def test_the_key_is_a_header_never_shown(
    fake: FakeBdl, make_client: ClientFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key from BDL_API_KEY goes in X-ClientId, and in no URL, cache file or error."""
    secret = "tajny-klucz-0123456789"
    monkeypatch.setenv("BDL_API_KEY", secret)
    fake.route("variables/7", Reply(500))
    client = make_client(tries=2)
    client.variable(60270)
    with pytest.raises(BdlRequestError) as caught:
        client.variable(7)
    assert fake.seen[0].headers.get("X-ClientId") == secret
    assert all(secret not in str(seen.query) for seen in fake.seen)
    assert secret not in str(caught.value)
    assert secret not in repr(client)
    assert secret not in repr(caught.value.args)
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            assert secret not in entry.read_text(encoding="utf-8")
    assert client._fetcher.pacer.quotas == KEY_QUOTAS


def test_the_argument_key_wins_and_anonymous_has_lower_quotas(
    fake: FakeBdl, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """api_key= is sent rather than the environment's; without either, anonymous quotas."""
    monkeypatch.setenv("BDL_API_KEY", "z-otoczenia")
    make_client(api_key="z-argumentu").variable(60270)
    assert fake.seen[-1].headers.get("X-ClientId") == "z-argumentu"
    monkeypatch.delenv("BDL_API_KEY")
    anonymous = make_client(max_age=0)
    anonymous.variable(60270)
    assert "X-ClientId" not in fake.seen[-1].headers
    assert anonymous._fetcher.pacer.quotas == ANONYMOUS_QUOTAS


def test_pacing_keeps_every_window_within_its_quota() -> None:
    """Twelve requests at once: no second ever holds more than five anonymous requests."""
    clock = FakeTime()
    pacer = Pacer(ANONYMOUS_QUOTAS, clock=clock.monotonic, sleep=clock.sleep)
    sent = []
    for _ in range(12):
        pacer.wait()
        sent.append(clock.now)
    assert sent == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
    assert all(sum(1 for t in sent if start <= t < start + 1) <= 5 for start in sent)


def test_pacing_of_a_longer_window() -> None:
    """A quota of 3 in 60 s makes the fourth request wait for the first to leave the window."""
    clock = FakeTime()
    pacer = Pacer((Quota(10, 1), Quota(3, 60)), clock=clock.monotonic, sleep=clock.sleep)
    for _ in range(4):
        pacer.wait()
    assert clock.sleeps == [60.0]


def test_data_by_unit_replays_a_real_answer(fake: FakeBdl, make_client: ClientFactory) -> None:
    """The real Wielkopolskie answer for variable 9: 30 years, TERYT 30, values as sent."""
    real = json.loads(BY_UNIT_FILE.read_text(encoding="utf-8"))
    fake.route("data/by-unit/023000000000", Reply(body=real))
    # a stand-in for /variables/9: its unit name is not one of the registry's, kept verbatim
    fake.route("variables/9", Reply(body={"id": 9, "n1": "ogółem", "measureUnitName": "szt."}))
    frame = make_client().data_by_unit("023000000000", variables=[9], years=range(1995, 2025))
    assert len(frame) == 30
    assert set(frame[TERRITORY]) == {"30"}
    assert set(frame[UNIT]) == {"szt."}
    assert frame.set_index(YEAR).loc[2023, VALUE] == 4.0
    assert frame[VALUE].sum() == sum(v["val"] for v in real["results"][0]["values"])
    query = fake.requests_to("data/by-unit/023000000000")[0].query
    assert query["var-id"] == ["9"]
    assert len(query["year"]) == 30


def test_search_variables_and_units(fake: FakeBdl, make_client: ClientFactory) -> None:
    """Searches page through their results and build records."""
    fake.pages("variables/search", [UNEMPLOYMENT, {**UNEMPLOYMENT, "id": 461680, "n1": "styczeń"}], {})  # fmt: skip
    found = make_client().search_variables("stopa bezrobocia")
    assert [(v.id, v.name) for v in found] == [(60270, "ogółem"), (461680, "styczeń")]
    assert fake.requests_to("variables/search")[0].query["name"] == ["stopa bezrobocia"]
    units = [{"id": "052615261000", "name": "Powiat m. Kielce", "parentId": "052615200000", "level": 5}]  # fmt: skip
    fake.pages("units", units, {})
    [kielce] = make_client().units(level="powiat", parent_id="052615200000")
    assert (kielce.teryt, kielce.level, kielce.name) == ("2661011", 5, "Powiat m. Kielce")
    assert fake.requests_to("units")[0].query["parent-id"] == ["052615200000"]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.data_by_variable(60270, unit_level="county", years=[2021]),
        lambda c: c.data_by_variable(60270, unit_level=5, years=[]),
        lambda c: c.data_by_unit("023000000000", variables=[], years=[2021]),
    ],
    ids=["level", "no-years", "no-variables"],
)
def test_bad_arguments_are_refused_before_any_request(
    fake: FakeBdl, make_client: ClientFactory, call: Callable[[Client], object]
) -> None:
    """A bad level or an empty list is an ArgumentError, and nothing is sent."""
    with pytest.raises(ValueError, match=r"years|variables|unit_level"):
        call(make_client())
    assert fake.seen == []


def test_errors_pickle_and_are_library_errors() -> None:
    """Both BDL errors keep their fields through pickle and are CityStrategyErrors."""
    error = BdlRequestError("http://x/api/v1/units", "status", "", 503, 5)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.url, copy.status, copy.tries, str(copy)) == (error.url, 503, 5, str(error))
    missing = BdlNotCachedError("http://x/api/v1/units", "/tmp/bdl")
    assert isinstance(missing, LookupError)
    assert isinstance(missing, CityStrategyError)
    assert isinstance(error, RuntimeError)


@pytest.mark.network
def test_live_unemployment_rate_of_kielce(tmp_path: Path) -> None:
    """Live (deselected by default): GUS BDL's unemployment rate of Kielce for 2023."""
    client = Client(cache_dir=tmp_path)
    frame = client.data_by_variable(60270, unit_level=5, years=[2023], parent_id="052615200000")
    kielce = frame[frame[TERRITORY] == "2661011"]
    assert len(kielce) == 1
    assert 0 < kielce[VALUE].item() < 30


def test_progress_is_told_each_page(fake: FakeBdl, make_client: ClientFactory) -> None:
    """The progress callback hears each of the three pages, with the total from totalRecords."""
    fake.pages(BY_VARIABLE, unit_results(powiat_ids(250)), {})
    heard: list[tuple[int, int | None]] = []
    make_client(progress=lambda done, pages: heard.append((done, pages))).data_by_variable(
        60270, unit_level=5, years=[2021, 2022]
    )
    assert heard == [(1, 3), (2, 3), (3, 3)]


def test_a_refusal_after_a_retry_counts_both_tries(
    fake: FakeBdl, make_client: ClientFactory
) -> None:
    """A 503 then a 404: the 404 is not retried, and the error says two tries were made."""
    fake.route("variables/2", Reply(503), Reply(404, {"errorResult": "Not Found"}))
    with pytest.raises(BdlRequestError) as caught:
        make_client().variable(2)
    assert (caught.value.kind, caught.value.status, caught.value.tries) == ("refused", 404, 2)
