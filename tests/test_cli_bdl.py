"""`citystrategy bdl search|fetch` against a local stand-in for GUS BDL, in Polish and English."""

from __future__ import annotations

import csv
import json
import re
import shlex
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from citystrategy.cli import main
from tests.io.bdl_server import FakeBdl, Reply, serve
from tests.io.test_bdl import BY_VARIABLE, UNEMPLOYMENT, powiat_ids, unit_results
from tests.language import english_words, identifiers, polish_words

COLUMNS = ["territory", "indicator", "unit", "year", "value", "flag", "source"]


@pytest.fixture
def fake() -> Iterator[FakeBdl]:
    """A stand-in BDL with 250 powiats of variable 60270 in three pages, one value missing."""
    with serve(FakeBdl()) as server:
        server.route("variables/60270", Reply(body=UNEMPLOYMENT))
        results = unit_results(powiat_ids(250), (2021, 2022))
        first = results[0]
        assert isinstance(first, dict)
        first["values"][0] = {"year": "2021", "val": 0, "attrId": 50}
        server.pages(BY_VARIABLE, results, {"variableId": 60270})
        yield server


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retries and pacing record their waits instead of sleeping."""
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fetch_args(fake: FakeBdl, tmp_path: Path, *extra: str) -> list[str]:
    """``bdl fetch 60270 --level powiat --years 2021-2022`` into tmp_path/bezrobocie.csv."""
    return [
        "bdl",
        "fetch",
        "60270",
        "--level",
        "powiat",
        "--years",
        "2021-2022",
        "-o",
        str(tmp_path / "bezrobocie.csv"),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--base-url",
        fake.base_url,
        *extra,
    ]


def test_fetch_writes_the_long_frame(
    fake: FakeBdl, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three pages become one long CSV; the missing value is empty with its flag, never 0."""
    code, out, err = run(fetch_args(fake, tmp_path), capsys)
    assert (code, err) == (0, "")  # no progress bar when stderr is not a terminal
    path = tmp_path / "bezrobocie.csv"
    assert out == f"zapisano 500 wierszy do {path} (wysłane żądania: 4)\n"
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 500
    missing = next(r for r in rows if r["territory"] == "0201" and r["year"] == "2021")
    assert (missing["value"], missing["flag"]) == ("", "bdl:50")
    plain = next(r for r in rows if r["territory"] == "0201" and r["year"] == "2022")
    assert (plain["value"], plain["unit"], plain["flag"]) == ("2", "percent", "bdl:1")
    assert [s.query["unit-level"] for s in fake.requests_to(BY_VARIABLE)] == [["5"]] * 3


def test_second_run_offline_after_the_server_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the cache filled once, --offline writes the same file with no server at all."""
    with serve(FakeBdl()) as fake:
        fake.route("variables/60270", Reply(body=UNEMPLOYMENT))
        fake.pages(BY_VARIABLE, unit_results(powiat_ids(150)), {})
        assert run(fetch_args(fake, tmp_path), capsys)[0] == 0
        first = (tmp_path / "bezrobocie.csv").read_bytes()
    code, out, err = run([*fetch_args(fake, tmp_path, "--offline", "--force", "--locale", "en")], capsys)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"300 rows written to {tmp_path / 'bezrobocie.csv'} (requests sent: 0)\n"
    assert (tmp_path / "bezrobocie.csv").read_bytes() == first


def test_an_existing_file_is_kept_without_force(
    fake: FakeBdl, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output exists: exit 2 and the file as it was."""
    (tmp_path / "bezrobocie.csv").write_text("moje dane\n", encoding="utf-8")
    code, _, err = run(fetch_args(fake, tmp_path), capsys)
    assert code == 2
    assert "--force" in err
    assert (tmp_path / "bezrobocie.csv").read_text(encoding="utf-8") == "moje dane\n"


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_unreachable_network_is_one_clear_line(
    locale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], no_waiting: list[float]
) -> None:
    """No server: exit 2, one line in the user's language naming the address and --offline."""
    base = "http://127.0.0.1:9/api/v1/"
    argv = ["bdl", "search", "stopa bezrobocia", "--base-url", base, "--cache-dir", str(tmp_path), "--locale", locale]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "--offline" in err
    assert base in err
    url = err.split(" ")[err.split(" ").index("adresem") + 1] if locale == "pl" else ""
    names = (base, url, "BDL", "GUS", "--offline", "citystrategy: error:")
    if locale == "pl":
        assert "nie można połączyć się z BDL GUS" in err
        assert english_words(err, names=names) == []
    else:
        assert "cannot reach GUS BDL" in err
        assert polish_words(err, names=names) == []
    assert len(no_waiting) == 4  # backoff between five tries


def test_offline_without_cache_names_the_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--offline with an empty cache: the request that is not cached, in Polish."""
    argv = ["bdl", "search", "ludność", "--offline", "--cache-dir", str(tmp_path)]
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert "praca bez sieci" in err
    assert "name=ludno%C5%9B%C4%87" in err
    assert str(tmp_path) in err


def test_search_lists_variables(
    fake: FakeBdl, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """search prints id, name, unit and level, one variable a line; json keeps the fields."""
    fake.pages("variables/search", [UNEMPLOYMENT], {})
    argv = ["bdl", "search", "stopa bezrobocia", "--base-url", fake.base_url, "--cache-dir", str(tmp_path)]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert (code, out, err) == (0, "60270\togółem\t%\t5\n", "")
    code, out, _ = run([*argv, "--format", "json"], capsys)
    assert json.loads(out) == [{"id": 60270, "name": "ogółem", "subject": "P2392", "level": 5, "unit": "%"}]  # fmt: skip


def test_search_without_results_says_so(
    fake: FakeBdl, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No variable found: a sentence in the user's language."""
    fake.route("variables/search", Reply(body={"totalRecords": 0, "results": []}))
    argv = ["bdl", "search", "xyz", "--base-url", fake.base_url, "--cache-dir", str(tmp_path)]
    assert run(argv, capsys)[1] == "nazwa żadnej zmiennej nie zawiera „xyz”\n"
    english = run([*argv, "--locale", "en"], capsys)[1]
    assert english == "no variable's name contains 'xyz'\n"


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_bad_years_is_a_usage_error(locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--years 2021-23 is refused in the user's language, exit 2."""
    argv = ["bdl", "fetch", "60270", "--level", "powiat", "--years", "2021-23", "-o", "x.csv", "--locale", locale]  # fmt: skip
    code, _, err = run(argv, capsys)
    assert code == 2
    typed = {"pl": "„2021-23”", "en": "'2021-23'"}[locale]
    assert typed in err
    last = err.strip().splitlines()[-1]
    names = ("citystrategy: error:", "argument", "--years", typed, "2021-2023", "2021,2023")
    if locale == "pl":
        assert "oczekiwano lat" in last
        assert english_words(last, names=names) == []
    else:
        assert "expected years" in last
    assert identifiers(last, names=names) == []


def test_help_is_polish(capsys: pytest.CaptureFixture[str]) -> None:
    """bdl fetch --help is worded in Polish by default."""
    code, out, _ = run(["bdl", "fetch", "--help"], capsys)
    assert code == 0
    assert "plik CSV do zapisania" in out
    assert "czytaj tylko pamięć podręczną" in out


def test_howto_commands_run(
    fake: FakeBdl,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The commands of docs/howto/fetch-bdl.md run as written against the stand-in server."""
    text = (Path(__file__).parent.parent / "docs" / "howto" / "fetch-bdl.md").read_text(encoding="utf-8")  # fmt: skip
    blocks = re.findall(r"^```sh\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    commands = [shlex.split(line) for block in blocks for line in block.splitlines() if line.strip()]  # fmt: skip
    assert [argv[:3] for argv in commands] == [["citystrategy", "bdl", "search"], ["citystrategy", "bdl", "fetch"], ["citystrategy", "bdl", "fetch"]]  # fmt: skip
    fake.pages("variables/search", [UNEMPLOYMENT], {})
    monkeypatch.chdir(tmp_path)
    options = ["--base-url", fake.base_url, "--cache-dir", str(tmp_path / "cache")]
    outputs = []
    for argv in commands:
        code, out, err = run([*argv[1:], *options], capsys)
        assert (code, err) == (0, "")
        outputs.append(out)
    assert outputs[0] == "60270\togółem\t%\t5\n"
    assert outputs[2] == "zapisano 500 wierszy do bezrobocie.csv (wysłane żądania: 0)\n"


def test_fetched_data_feed_compare(
    fake: FakeBdl, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bdl fetch -o file.csv, then compare --data file.csv: the two commands meet end to end."""
    assert run(fetch_args(fake, tmp_path), capsys)[0] == 0
    data = str(tmp_path / "bezrobocie.csv")
    argv = ["compare", "0201", "--peers", "list:0401,0601", "--indicators", "60270"]
    argv += ["--year", "2022", "--data", data]
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")  # BDL's variable has no direction the library could know
    assert "--direction 60270=higher albo =lower" in err
    code, out, err = run([*argv, "--direction", "60270=lower", "--format", "json"], capsys)
    assert (code, err) == (0, "")
    rows = {row["territory"]: row for row in json.loads(out)["rows"]}
    # 0201: 2 %, 0401: 2.1 %, 0601: 2.2 % in 2022 (the stand-in's values): lower is better
    assert [rows[t]["rank"] for t in ("0201", "0401", "0601")] == [1, 2, 3]


def test_a_bad_direction_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--direction takes INDICATOR=higher or =lower, nothing else."""
    argv = ["compare", "Kielce", "--indicators", "x", "--year", "2023", "--direction", "x=up"]
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert "oczekiwano WSKAŹNIK=higher lub WSKAŹNIK=lower, podano „x=up”" in err


@pytest.mark.parametrize("address", ["notaurl", "bdl.stat.gov.pl/api/v1", "ftp://mirror/api"])
def test_an_address_that_is_not_a_web_address_is_refused_at_once(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--base-url notaurl is refused before any request (it was tried five times)."""
    argv = ["bdl", "fetch", "60270", "--level", "powiat", "--years", "2023", "-o", "x.csv"]
    code, out, err = run([*argv, "--base-url", address], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"citystrategy: błąd: „--base-url” – dozwolone: adres internetowy, np. "
        f"https://bdl.stat.gov.pl/api/v1/ (podano „{address}”)\n"
    )


@pytest.mark.parametrize(
    ("locale", "said"),
    [("pl", "czekam 4 s na BDL (brak odpowiedzi lub limit zapytań)…\n"),
     ("en", "waiting 4 s for the BDL (no answer yet, or its pace)…\n")],
)  # fmt: skip
def test_a_long_wait_is_said_in_a_terminal_only(
    locale: str, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A retry's backoff of seconds looks like a hang: a terminal is told; a pipe, and a short
    wait of the API's pace, are not."""
    from citystrategy import cli

    waited: list[float] = []
    monkeypatch.setattr("time.sleep", waited.append)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    cli._bdl_wait(3.7, locale=locale)
    cli._bdl_wait(0.2, locale=locale)
    assert capsys.readouterr().err == said
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    cli._bdl_wait(3.7, locale=locale)
    assert capsys.readouterr().err == ""
    assert waited == [3.7, 0.2, 3.7]
