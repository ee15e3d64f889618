"""Tests of the citystrategy command: called as main([...]) and once as python -m citystrategy."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from citystrategy.cli import main
from citystrategy.errors import DataFileError
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Strategy
from citystrategy.validation import FindingKind
from tests.factories import make_indicator, make_strategy

TITLE = "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"
#: 85 665 519,74 zł and 119 738 036,31 zł as Polish text: no-break spaces between groups.
DECLARED = "85\xa0665\xa0519,74\xa0zł"
COMPUTED = "119\xa0738\xa0036,31\xa0zł"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    """The parsed JSON output of a successful command."""
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    return json.loads(out)


# --- summary -----------------------------------------------------------------------------------


def test_summary_text(capsys: pytest.CaptureFixture[str]) -> None:
    """The summary shows the title, the declared and computed totals and marks disagreement."""
    code, out, err = run(["summary", "kielce", "--year", "2023"], capsys)
    assert code == 0
    assert err == ""
    assert out.startswith(TITLE + "\n")
    assert DECLARED in out
    assert COMPUTED in out
    assert "NIE" in out
    assert "Nr LXII/1256/2022" in out


def test_summary_text_marks_goals(capsys: pytest.CaptureFixture[str]) -> None:
    """Goal 1 disagrees with the report (NIE) and goal 2 agrees (tak)."""
    _, out, _ = run(["summary", "kielce", "--year", "2023"], capsys)
    lines = {line.split("  ")[0]: line for line in out.splitlines()}
    assert lines["1. Miasto dla każdego"].rstrip().endswith("NIE")
    assert lines["2. Miasto sprawne i aktywne"].rstrip().endswith("tak")
    assert lines["Razem"].rstrip().endswith("NIE")


def test_summary_city_is_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    """The city slug may be written in capitals."""
    code, out, _ = run(["summary", "Kielce", "--year", "2023"], capsys)
    assert code == 0
    assert TITLE in out


def test_summary_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json gives exact decimal strings, with the discrepancies listed."""
    data = run_json(["summary", "kielce", "--year", "2023", "--format", "json"], capsys)
    assert data["strategy"]["title"] == TITLE
    assert data["strategy"]["resolution"] == "Nr LXII/1256/2022"
    assert data["completed"]["cost"] == "119738036.31"
    assert data["completed"]["declared"]["cost"] == "85665519.74"
    assert data["projects"]["catalogue_cost"] == "725252582.21"
    assert data["indicators"]["missing_values"] == 4
    total = next(d for d in data["discrepancies"] if d["goal"] is None)
    assert total == {
        "goal": None,
        "goal_missing": "whole_strategy",
        "figure": "cost",
        "declared": "85665519.74",
        "computed": "119738036.31",
        "currency": "PLN",
    }
    assert [(d["goal"], d["figure"]) for d in data["discrepancies"]] == [
        (None, "cost"),
        ("1", "cost"),
        ("1", "share"),
        ("3", "cost"),
        ("3", "share"),
        ("4", "share"),
    ]


def test_summary_json_goal_costs(capsys: pytest.CaptureFixture[str]) -> None:
    """The per-goal costs in JSON are exact strings, never floats."""
    data = run_json(["summary", "kielce", "--year", "2023", "--format", "json"], capsys)
    costs = {g["goal"]: g["cost"] for g in data["completed"]["goals"]}
    assert costs == {
        "1": "33992885.47",
        "2": "0.00",
        "3": "8371150.00",
        "4": "77374000.84",
    }


def test_summary_en_gb(capsys: pytest.CaptureFixture[str]) -> None:
    """--locale en_GB gives English labels and English number formatting."""
    code, out, err = run(["summary", "kielce", "--year", "2023", "--locale", "en_GB"], capsys)
    assert (code, err) == (0, "")
    assert "Projects completed in 2023 by strategic goal" in out
    assert "119,738,036.31" in out
    assert "NO" in out


def test_summary_needs_a_year(capsys: pytest.CaptureFixture[str]) -> None:
    """summary without --year is a usage error: the usage, then one error line, exit 2."""
    code, out, err = run(["summary", "kielce"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("użycie: citystrategy summary ")
    assert err.splitlines()[-1] == ("citystrategy: błąd: wymagane argumenty: --year")


# --- check -----------------------------------------------------------------------------------


def test_check_text(capsys: pytest.CaptureFixture[str]) -> None:
    """check lists the findings (no errors in Kielce's data, so exit 0)."""
    code, out, err = run(["check", "kielce"], capsys)
    assert (code, err) == (0, "")
    assert "wartość docelowa a kierunek" in out
    assert "KIE-1.1-02" in out
    assert "niezgodność z raportem" in out
    assert "_" not in "".join(line.split("  ")[1] for line in out.splitlines()[4:-2])  # no keys
    assert not [kind.value for kind in FindingKind if kind.value in out]
    assert out.rstrip().endswith("Razem: 44 uwagi (0 błędów, 19 ostrzeżeń, 25 informacji)")


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    """check --format json gives the findings with kind, severity and code."""
    data = run_json(["check", "kielce", "--format", "json"], capsys)
    assert data["strategy"] == "kielce-2030"
    assert data["ok"] is True
    assert data["counts"]["missing_value"] == 4
    contradicted = {
        f["code"] for f in data["findings"] if f["kind"] == "target_contradicts_direction"
    }
    assert {"KIE-1.1-02", "KIE-1.1-04", "KIE-1.1-05", "KIE-4.3-04"} <= contradicted
    assert all(set(f) >= {"kind", "severity", "code", "message"} for f in data["findings"])
    # the message is the reader's, in the chosen language; the keys are the program's
    first = next(f for f in data["findings"] if f["code"] == "KIE-1.1-02")
    assert first["message"].startswith("destymulanta (im mniej, tym lepiej), a wartość docelowa")
    english = run_json(["check", "kielce", "--format", "json", "--locale", "en"], capsys)
    same = next(f for f in english["findings"] if f["code"] == "KIE-1.1-02")
    assert same["message"].startswith("lower is better, yet the target 60%")
    assert same["kind"] == first["kind"] == "target_contradicts_direction"


def test_check_with_year(capsys: pytest.CaptureFixture[str]) -> None:
    """check --year 2023 compares that report's declared figures."""
    data = run_json(["check", "kielce", "--year", "2023", "--format", "json"], capsys)
    assert data["counts"]["declared_figure_mismatch"] == 6


# --- user errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["summary", "warszawa", "--year", "2023"], ["„warszawa”", "kielce"]),
        (["check", "warszawa"], ["„warszawa”", "kielce"]),
        (["summary", "kielce", "--year", "2022"], ["2022", "2023"]),
        (["check", "kielce", "--year", "2022"], ["2022", "2023"]),
    ],
    ids=[
        "summary-unknown-city",
        "check-unknown-city",
        "summary-year-without-report",
        "check-year-without-report",
    ],
)
def test_user_error(argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """User errors exit with 2 and one line on stderr naming the problem, with no traceback."""
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("citystrategy: błąd: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_unknown_city_names_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    """The unknown-city message lists the known cities."""
    _, _, err = run(["summary", "warszawa", "--year", "2023"], capsys)
    assert err == (
        "citystrategy: błąd: nieznane miasto „warszawa”; znane miasta: kielce;"
        " albo podaj ścieżkę folderu danych strategii, np. ./warszawa\n"
    )


class FakeAdapter:
    """A city adapter serving a given strategy, or raising a given error on load."""

    slug = "testowo"
    name = "Testowo"
    teryt = "2661011"

    def __init__(self, strategy: Strategy | None = None, error: Exception | None = None) -> None:
        """Keep what load() returns or raises."""
        self.strategy = strategy
        self.error = error

    def load(self) -> Strategy:
        """The strategy, or the error."""
        if self.error is not None:
            raise self.error
        assert self.strategy is not None
        return self.strategy


def test_check_exits_1_on_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """check exits with 1 when the data have error findings (a duplicate indicator code)."""
    broken = make_strategy(indicators=(make_indicator(), make_indicator()))
    monkeypatch.setattr("citystrategy.cities.open_city", lambda slug: FakeAdapter(broken))
    code, out, err = run(["check", "testowo"], capsys)
    assert (code, err) == (1, "")
    assert "powtórzony kod" in out
    assert "Razem: 2 uwagi (2 błędy, 0 ostrzeżeń, 0 informacji)" in out


def test_malformed_data_file_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed data file is reported on stderr with exit 2, not as a traceback."""
    error = DataFileError("data/indicators.tsv", ["line 2, column 'value_2023': bad '5,2,1 %'"])
    monkeypatch.setattr("citystrategy.cities.open_city", lambda slug: FakeAdapter(error=error))
    code, out, err = run(["summary", "testowo", "--year", "2023"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: data/indicators.tsv: 1 problem")
    assert "'5,2,1 %'" in err


# --- cities ----------------------------------------------------------------------------------


def test_cities(capsys: pytest.CaptureFixture[str]) -> None:
    """cities lists kielce with its name and TERYT code."""
    code, out, err = run(["cities"], capsys)
    assert (code, err) == (0, "")
    assert [line.split() for line in out.splitlines()] == [
        ["Nazwa", "do", "wpisania", "Miasto", "TERYT"],
        ["-" * 17, "-" * 6, "-" * 7],
        ["kielce", "Kielce", "2661011"],
    ]


# --- python -m citystrategy ------------------------------------------------------------------


def test_python_m_citystrategy() -> None:
    """`python -m citystrategy summary kielce --year 2023` runs and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "citystrategy", "summary", "kielce", "--year", "2023"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(TITLE)
    assert COMPUTED in result.stdout


def test_assess_table_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    """assess prints a Polish table: statuses, p.p. changes, survey intervals, goals, notes."""
    assert main(["assess", "kielce", "--year", "2023"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ocena postępu wskaźników: 2023\xa0r.")
    line = next(row for row in out.splitlines() if row.startswith("KIE-1-01 "))
    assert "12,3%" in line
    assert "5,2%" in line
    assert "-7,1\xa0p.p." in line
    assert "pogorszenie" in line
    assert "regres" in line
    assert "5,2% (3,1–8,7)" in out  # the survey share with its Wilson interval
    homeless = next(row for row in out.splitlines() if row.startswith("KIE-1.1-05 "))
    assert "cel osiągnięty (!)" in homeless
    assert "Ocena celów" in out
    line = next(row for row in out.splitlines() if row.startswith("  KIE-3.3-03: "))
    assert "brak wartości za 2023\xa0r. (- *" in line
    assert "ostatnia wartość jest z 2022\xa0r." in line
    assert ".);" not in line  # the source's reason is quoted without its final stop


def test_assess_csv_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV has one row per indicator; JSON keeps exact values as strings and has the goals."""
    assert main(["assess", "kielce", "--year", "2023", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # the columns of the report's table (indicator_values_table); Polish: ";" between cells
    assert lines[0].startswith("strategic_goal;strategic_goal_name;goal;goal_name;code;name;")
    assert len(lines) == 113
    assert main(["assess", "kielce", "--year", "2023", "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    first = data["indicators"][0]
    assert (first["code"], first["value"], first["change"]) == ("KIE-1-01", "5.2", "-7.1")
    assert len(data["goals"]) == 22


def test_assess_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--method projection, --window, --min-coverage and --locale reach the library."""
    argv = ["assess", "kielce", "--year", "2023", "--method", "projection", "--locale", "en_GB"]
    assert main([*argv, "--window", "1", "--min-coverage", "90"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Progress of the indicators: 2023 (method: trend projection)")
    assert "not assessable" in out  # goal 3.3 has 57% coverage, under 90%
    assert "90%" in out  # --min-coverage is in percent


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["assess", "kielce", "--year", "2023", "--window", "0"], ["--window"]),
        (["assess", "kielce", "--year", "2023", "--min-coverage", "150"], ["--min-coverage"]),
        (["assess", "kielce", "--year", "2019"], ["brak raportu za 2019\xa0r."]),
    ],
    ids=["window", "coverage", "year"],
)
def test_assess_user_errors(
    argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad assess options are a message on stderr and exit code 2, never a traceback."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for word in words:
        assert word in err


# --- programs ----------------------------------------------------------------------------------

ZMP_CODES = [
    "ZMP-SMUP",
    "ZMP-MRL",
    "ZMP-USLUGI-ADM",
    "ZMP-OSWIATA",
    "ZMP-PPP",
    "ZMP-FIRMY-RODZINNE",
    "ZMP-STULECIE",
    "ZMP-PDP",
    "ZMP-URBACT",
    "ZMP-WYPEDZENI",
    "ZMP-PL-UA",
]


def table_rows(out: str) -> list[str]:
    """The rows of the first text table in *out* (after its header and dashed rule)."""
    lines = out.splitlines()
    rule = next(n for n, line in enumerate(lines) if line.startswith("---"))
    rows = []
    for line in lines[rule + 1 :]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def test_programs_list(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs list` prints one row for each of the 11 ZMP programmes, in catalogue order."""
    code, out, err = run(["programs", "list"], capsys)
    assert (code, err) == (0, "")
    rows = table_rows(out)
    assert [row.split()[0] for row in rows] == ZMP_CODES
    ppp = rows[ZMP_CODES.index("ZMP-PPP")]
    assert "2017–2019" in ppp
    assert "10,9\xa0mln\xa0zł" in ppp


def test_programs_list_by_year(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs list --year 2019` keeps the programmes running in 2019."""
    code, out, _ = run(["programs", "list", "--year", "2019"], capsys)
    assert code == 0
    found = [row.split()[0] for row in table_rows(out)]
    assert found == ["ZMP-MRL", "ZMP-PPP", "ZMP-FIRMY-RODZINNE", "ZMP-PDP"]


def test_programs_list_theme_ppp(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs list --theme PPP --year 2018`, the documented example, lists the PPP project."""
    code, out, _ = run(["programs", "list", "--theme", "PPP", "--year", "2018"], capsys)
    assert code == 0
    assert "ZMP-PPP" in out


def test_programs_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs list --format json` gives the 11 programmes with exact amounts as strings."""
    data = run_json(["programs", "list", "--format", "json"], capsys)
    assert [p["code"] for p in data] == ZMP_CODES
    ppp = data[ZMP_CODES.index("ZMP-PPP")]
    total = next(f for f in ppp["figures"] if f["kind"] == "total_value")
    assert Decimal(total["amount"]) == Decimal(10_900_000)
    assert (total["currency"], total["raw"]) == ("PLN", "10,9 mln zł")


def test_programs_show_pl_ua(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs show ZMP-PL-UA` shows 295/261 tys. zł and 88,6% as consistent (tak)."""
    code, out, err = run(["programs", "show", "ZMP-PL-UA"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("ZMP-PL-UA: Zarządzanie miastem i gminą miejsko-wiejską")
    assert "295\xa0tys.\xa0zł" in out
    rate_row = next(line for line in out.splitlines() if "88,6%" in line)
    assert " tak " in rate_row
    for city in ("Gąbin", "Grodzisk Mazowiecki", "Płock", "Żytomierz", "Emilczyńska OTG"):
        assert city in out


def test_programs_show_rate_check_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    """The Polish rate check names the interval with decimal commas: 88,16% … 88,79%."""
    _, out, _ = run(["programs", "show", "ZMP-PL-UA"], capsys)
    rate_row = next(line for line in out.splitlines() if "88,6%" in line)
    assert "88,16%" in rate_row
    assert "88,79%" in rate_row


def test_programs_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs show ZMP-PL-UA --format json` has the rate check with its exact interval."""
    data = run_json(["programs", "show", "ZMP-PL-UA", "--format", "json"], capsys)
    (check,) = data["rate_checks"]
    assert (check["rate"], check["consistent"]) == ("88,6%", True)
    assert (check["low_percent"], check["high_percent"]) == ("88.16", "88.79")
    assert check["computed_percent"] == "88.47"  # 261/295 = 88,474…%
    assert [p["teryt"] for p in data["participants"]][:3] == ["1419063", "1405043", "1462011"]


def test_programs_show_lower_case_code(capsys: pytest.CaptureFixture[str]) -> None:
    """A programme code may be typed in lower case."""
    code, out, _ = run(["programs", "show", "zmp-ppp"], capsys)
    assert code == 0
    assert out.startswith("ZMP-PPP: Rozwój partnerstwa publiczno-prywatnego w Polsce")


@pytest.mark.parametrize(
    ("city", "heading", "rows"),
    [
        ("Kielce", "Kielce (TERYT 2661011)", [("ZMP-PDP", "Przestrzeń dla partycypacji")]),
        ("2661011", "Kielce (TERYT 2661011)", [("ZMP-PDP", "Przestrzeń dla partycypacji")]),
        (
            "Płock",
            "Płock (TERYT 1462011)",
            [("ZMP-PPP", "Rozwój partnerstwa"), ("ZMP-PL-UA", "Zarządzanie miastem")],
        ),
        (
            "Gdańsk",
            "Gdańsk (TERYT 2261011)",
            [
                ("ZMP-PPP", "Rozwój partnerstwa"),
                ("ZMP-PPP", "Rozwój partnerstwa"),
                ("ZMP-URBACT", "BoostInno"),
            ],
        ),
        ("Gorzów Wlkp.", "(TERYT 0861011)", [("ZMP-PDP", "Przestrzeń dla partycypacji")]),
        ("Gorzow Wielkopolski", "(TERYT 0861011)", [("ZMP-PDP", "Przestrzeń dla partycypacji")]),
    ],
    ids=["kielce", "kielce-teryt", "plock", "gdansk", "gorzow-wlkp", "gorzow-ascii"],
)
def test_programs_city(
    city: str, heading: str, rows: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """`programs city X` prints the city with its code, its membership and its programmes."""
    code, out, err = run(["programs", "city", city], capsys)
    assert (code, err) == (0, "")
    assert heading in out.splitlines()[0]
    found = table_rows(out)
    assert len(found) == len(rows)
    for row, (program, words) in zip(found, rows, strict=True):
        assert row.startswith(program + " ")
        assert words in row


def test_programs_city_kielce_membership_and_edition(capsys: pytest.CaptureFixture[str]) -> None:
    """Kielce is a member city and took part in edition I of Przestrzeń dla partycypacji."""
    _, out, _ = run(["programs", "city", "Kielce"], capsys)
    # the date of the source that states it: ZMP's news of 21 February 2019 (members.csv)
    assert out.splitlines()[1] == "Członkostwo: jednostka członkowska (stan na 21.02.2019\xa0r.)"
    (row,) = table_rows(out)
    assert " I " in row


@pytest.mark.parametrize(
    ("city", "polish", "english"),
    [
        ("Piaseczno", "(stan na ok. 2018\xa0r.)", "(as of about 2018)"),  # c. 2018-12
        ("Bierutów", "(stan na 18.06.2025\xa0r. lub później; źródło bez daty)",
         "(as of 18/06/2025 or later; the source has no date)"),  # undated (>=2025-06-18)
        ("Suwałki", "", ""),  # undated
    ],
    ids=["about", "undated-seen", "undated"],
)  # fmt: skip
def test_programs_city_says_the_date_of_the_member_list_in_words(
    city: str, polish: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The member list's dates as given ("c. 2018-12", "undated (>=2025-06-18)") in words."""
    for locale, said, label in (("pl", polish, "Członkostwo: jednostka członkowska"), ("en", english, "Membership: member")):  # fmt: skip
        assert main(["programs", "city", city, "--locale", locale]) == 0
        line = capsys.readouterr().out.splitlines()[1]
        assert line == (f"{label} {said}" if said else label)


def test_programs_city_membership_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    """Płock is not on the partial member list: its membership is unknown, not denied."""
    _, out, _ = run(["programs", "city", "Płock"], capsys)
    assert out.splitlines()[1] == "Członkostwo: nieznane (lista członków jest niepełna)"


def test_programs_city_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`programs city Kielce --format json`: member, territory and the PdP I participation."""
    data = run_json(["programs", "city", "Kielce", "--format", "json"], capsys)
    assert data["member"] is True
    assert data["territory"] == {
        "name": "Kielce",
        "teryt": "2661011",
        "kind": "city_with_powiat_rights",
    }
    (participation,) = data["participations"]
    assert (participation["program"], participation["edition"]) == ("ZMP-PDP", "I")
    assert participation["total_value"]["qualifier"] == "prawie"


def test_programs_city_gdansk_json_networks(capsys: pytest.CaptureFixture[str]) -> None:
    """Gdańsk's JSON profile has its URBACT networks and its membership (a member since 2019)."""
    data = run_json(["programs", "city", "Gdańsk", "--format", "json"], capsys)
    assert data["member"] is True
    urbact = [p for p in data["participations"] if p["program"] == "ZMP-URBACT"]
    assert [p["networks"] for p in urbact] == [["BoostInno"]]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["programs", "show", "ZMP-NOPE"], ["nieznany program", "ZMP-NOPE", "ZMP-PPP"]),
        (["programs", "city", "Atlantyda"], ["Atlantyda"]),
        (["programs", "city", "Atlantyda", "--format", "json"], ["Atlantyda"]),
        (["programs", "list", "--catalogue", "zpp"], ["zpp"]),
    ],
    ids=["unknown-programme", "unknown-city", "unknown-city-json", "unknown-catalogue"],
)
def test_programs_user_errors(
    argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown programme, city or catalogue is a message on stderr and exit code 2."""
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("citystrategy: błąd:")
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_programs_unknown_catalogue_is_called_a_catalogue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown --catalogue is reported as an unknown catalogue, not as an unknown city."""
    code, _, err = run(["programs", "list", "--catalogue", "zpp"], capsys)
    assert code == 2
    assert "nieznany katalog programów „zpp”" in err
    assert "miasto" not in err


# --- a city's own data folder ------------------------------------------------------------------

#: What `init` writes: the six data files and a README.md.
SKELETON = {
    "strategy.toml",
    "action_directions.tsv",
    "indicators.tsv",
    "projects.tsv",
    "goal_links.tsv",
    "completed.toml",
    "README.md",
}


def test_init_writes_a_folder_that_passes_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`init ./moje-miasto` writes the seven files; `check ./moje-miasto` finds no error."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["init", "./moje-miasto"], capsys)
    assert (code, err) == (0, "")
    assert {p.name for p in (tmp_path / "moje-miasto").iterdir()} == SKELETON
    assert "citystrategy check ./moje-miasto" in out
    data = run_json(["check", "./moje-miasto", "--format", "json"], capsys)
    assert data["ok"] is True
    assert [f for f in data["findings"] if f["severity"] == "error"] == []


def test_init_name_teryt_and_kind_reach_strategy_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--name, --teryt and --kind become the territory of the new folder's strategy."""
    folder = tmp_path / "kielce-kopia"
    argv = ["init", str(folder), "--name", 'Kielce "Nowe"', "--teryt", "2661011"]
    assert main([*argv, "--kind", "city_with_powiat_rights"]) == 0
    territory = read_strategy(folder).territory
    assert (territory.name, territory.teryt, territory.kind.value) == (
        'Kielce "Nowe"',
        "2661011",
        "city_with_powiat_rights",
    )
    capsys.readouterr()


def test_init_into_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing empty folder is filled."""
    (tmp_path / "pusty").mkdir()
    code, _, err = run(["init", str(tmp_path / "pusty")], capsys)
    assert (code, err) == (0, "")
    assert {p.name for p in (tmp_path / "pusty").iterdir()} == SKELETON


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder that is not empty is refused with exit 2 and left exactly as it was."""
    folder = tmp_path / "moje-miasto"
    folder.mkdir()
    (folder / "strategy.toml").write_text("# mine\n", encoding="utf-8")
    code, out, err = run(["init", str(folder)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: folder danych strategii ")
    assert "nie jest pusty" in err
    assert [p.name for p in folder.iterdir()] == ["strategy.toml"]
    assert (folder / "strategy.toml").read_text(encoding="utf-8") == "# mine\n"


def test_init_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A write that fails half-way leaves neither the folder nor a temporary one behind."""
    written: list[str] = []
    real_write = Path.write_text

    def failing_write(self: Path, text: str, *args: Any, **kwargs: Any) -> int:
        """Write two files, then fail as a full disk would."""
        if len(written) == 2:
            raise OSError(28, "No space left on device", str(self))
        written.append(self.name)
        return real_write(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing_write)
    code, out, err = run(["init", str(tmp_path / "moje-miasto")], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: ")
    assert "nie można go tu zapisać (brak miejsca na urządzeniu)" in err
    assert "No space left on device" not in err  # the C library's English
    assert len(written) == 2
    assert list(tmp_path.iterdir()) == []


def test_check_a_copy_of_the_kielce_folder(
    kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check <copy of the Kielce folder>` gives the same findings as `check kielce`."""
    copied = run_json(["check", str(kielce_dir), "--format", "json"], capsys)
    shipped = run_json(["check", "kielce", "--format", "json"], capsys)
    assert copied == shipped
    assert copied["counts"]["declared_figure_mismatch"] == 6


def test_summary_of_a_folder_names_the_folder(
    kielce_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary of a folder points to `check` on that folder, written as a path."""
    monkeypatch.chdir(kielce_dir.parent)
    code, out, err = run(["summary", kielce_dir.name, "--year", "2023"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(TITLE + "\n")
    assert COMPUTED in out
    assert "Rozbieżności z raportem: 6 (szczegóły: citystrategy check ./data)" in out


def test_assess_a_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`assess ./moje-miasto --year 2024` on the new folder: 48,0% → 51,5% is +3,5 p.p."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "moje-miasto"]) == 0
    capsys.readouterr()
    data = run_json(["assess", "./moje-miasto", "--year", "2024", "--format", "json"], capsys)
    first = data["indicators"][0]
    assert (first["code"], first["value"], first["change"]) == ("MIA-1-01", "51.5", "3.5")
    assert len(data["indicators"]) == 5


def test_summary_of_a_new_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The new folder's catalogue costs 2 450 000,00 + 1 180 500,50 + 3 000 000,00 zł."""
    assert main(["init", str(tmp_path / "m"), "--name", "Przykładowo"]) == 0
    capsys.readouterr()
    code, out, err = run(["summary", str(tmp_path / "m"), "--year", "2024"], capsys)
    assert (code, err) == (0, "")
    assert "6\xa0630\xa0500,50\xa0zł" in out
    assert out.splitlines()[1].startswith("Przykładowo ·")


def test_bare_name_is_a_registered_city_before_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kielce` is the shipped city even beside a folder named kielce; `./kielce` is the folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "kielce", "--name", "Przykładowo"]) == 0
    capsys.readouterr()
    _, shipped, _ = run(["summary", "kielce", "--year", "2023"], capsys)
    assert shipped.startswith(TITLE)
    _, folder, _ = run(["summary", "./kielce", "--year", "2024"], capsys)
    assert folder.startswith("Strategia Rozwoju Przykładowo 2030\n")


def test_bare_name_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bare name that is no registered city but an existing folder reads that folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "moje-miasto"]) == 0
    capsys.readouterr()
    code, out, _ = run(["check", "moje-miasto"], capsys)
    assert code == 0
    assert out.startswith("Uwagi do danych: Strategia Rozwoju Przykładowo 2030")


def _broken_copy(kielce_dir: Path) -> Path:
    """The Kielce copy with a strategy.toml that is not TOML."""
    toml = kielce_dir / "strategy.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\nperiod_end = \n", encoding="utf-8")
    return kielce_dir


def _user_error_cases(tmp_path: Path, kielce_dir: Path) -> dict[str, tuple[list[str], str]]:
    """Every kind of bad argument: argv and a fragment its message must contain."""
    (tmp_path / "plik.txt").write_text("x", encoding="utf-8")
    (tmp_path / "pusty").mkdir()
    assert main(["init", str(tmp_path / "nowe")]) == 0
    new = str(tmp_path / "nowe")
    broken = str(_broken_copy(kielce_dir))
    missing = str(tmp_path / "nie-ma")
    file = str(tmp_path / "plik.txt")
    return {
        "summary-missing-folder": (
            ["summary", missing, "--year", "2024"],
            "nie ma takiego folderu",
        ),
        "check-missing-folder": (["check", missing], "nie ma takiego folderu"),
        "assess-missing-folder": (["assess", missing, "--year", "2024"], "nie ma takiego folderu"),
        "check-file-not-folder": (["check", file], "to plik, nie folder"),
        "assess-file-not-folder": (["assess", file, "--year", "2024"], "to plik"),
        "check-folder-lacks-files": (
            ["check", str(tmp_path / "pusty")],
            "brakuje plików strategy.toml",
        ),
        "check-unknown-slug": (["check", "atlantyda"], "nieznane miasto „atlantyda”"),
        "assess-unknown-slug": (["assess", "atlantyda", "--year", "2023"], "„atlantyda”"),
        "summary-year-without-data": (["summary", new, "--year", "2019"], "za 2019\xa0r."),
        "assess-year-without-data": (["assess", new, "--year", "2030"], "za 2030\xa0r."),
        "check-year-without-data": (["check", new, "--year", "2023"], "(raporty: 2024)"),
        "check-broken-toml": (["check", broken], "strategy.toml: 1 problem"),
        "summary-broken-toml": (["summary", broken, "--year", "2023"], "strategy.toml"),
        "assess-window-0": (["assess", new, "--year", "2024", "--window", "0"], "--window"),
        "init-not-empty": (["init", new], "nie jest pusty"),
        "init-on-a-file": (["init", file], "jest plikiem"),
        "init-no-parent": (["init", str(tmp_path / "a" / "b")], "nie istnieje"),
        "init-bad-teryt": (["init", str(tmp_path / "t"), "--teryt", "12345"], "„12345”"),
        "init-short-gmina-teryt": (["init", str(tmp_path / "t"), "--teryt", "2661"], "7 cyfr"),
        "init-blank-name": (["init", str(tmp_path / "t"), "--name", " "], "nie może być puste"),
    }


USER_ERRORS = [
    "summary-missing-folder",
    "check-missing-folder",
    "assess-missing-folder",
    "check-file-not-folder",
    "assess-file-not-folder",
    "check-folder-lacks-files",
    "check-unknown-slug",
    "assess-unknown-slug",
    "summary-year-without-data",
    "assess-year-without-data",
    "check-year-without-data",
    "check-broken-toml",
    "summary-broken-toml",
    "assess-window-0",
    "init-not-empty",
    "init-on-a-file",
    "init-no-parent",
    "init-bad-teryt",
    "init-short-gmina-teryt",
    "init-blank-name",
]


@pytest.mark.parametrize("case", USER_ERRORS)
def test_no_traceback_for_user_errors(
    case: str, tmp_path: Path, kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each bad argument gives one 'citystrategy: błąd:' message on stderr and exit code 2."""
    argv, fragment = _user_error_cases(tmp_path, kielce_dir)[case]
    capsys.readouterr()
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith("citystrategy: błąd: ")
    assert err.count("citystrategy: błąd:") == 1
    assert "Traceback" not in err
    assert fragment in err
    assert not (tmp_path / "t").exists()


def test_user_error_cases_are_all_tested(tmp_path: Path, kielce_dir: Path) -> None:
    """The parametrized list names every case the table defines."""
    assert sorted(_user_error_cases(tmp_path, kielce_dir)) == sorted(USER_ERRORS)


# --- what users read: public names, not keys -----------------------------------------------------


def test_check_names_the_report_total_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    """The declared total is about 'razem' (the whole report), not the internal key 'total'."""
    _, out, _ = run(["check", "kielce"], capsys)
    rows = [line.split("  ") for line in out.splitlines() if "niezgodność z raportem" in line]
    about = [next(c for c in row[2:] if c.strip()).strip() for row in rows]
    assert about == ["razem", "1", "1", "3", "3", "4"]
    assert " total " not in out


def test_programs_show_cites_sources_by_title(capsys: pytest.CaptureFixture[str]) -> None:
    """Sources are numbered and listed by title; partner roles are words, not keys."""
    _, out, _ = run(["programs", "show", "ZMP-PL-UA"], capsys)
    figures = out[out.index("Kwoty:") : out.index("Stawki")]
    assert figures.splitlines()[3].split()[-1] == "[1]"  # wartość całkowita 295 tys. zł
    assert " doc" not in figures
    sources = out[out.index("Źródła:") :].splitlines()
    assert sources[1] == "  [1] Projekty Związku Miast Polskich realizowane z miastami i dla miast"
    assert sources[2].startswith("  [2] Strony i publikacje Związku Miast Polskich")
    assert ") – finansujący" in out  # after a name that ends in brackets
    assert "funder" not in out


def test_summary_names_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    """The linked programmes name their catalogue by its name, not by its key 'zmp'."""
    _, out, _ = run(["summary", "kielce", "--year", "2023"], capsys)
    row = next(line for line in out.splitlines() if line.startswith("ZMP-PDP: "))
    assert "Związek Miast Polskich" in row
    assert " zmp " not in row


def test_summary_quotes_a_folder_with_a_space(
    kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder whose path has a space is quoted in the command the summary suggests."""
    folder = kielce_dir.rename(kielce_dir.parent / "moje dane")
    _, out, _ = run(["summary", str(folder), "--year", "2023"], capsys)
    assert f"(szczegóły: citystrategy check '{folder}')" in out


def test_empty_city_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    """An empty city argument is an unknown city, never the current folder."""
    code, _, err = run(["check", ""], capsys)
    assert code == 2
    assert err.startswith("citystrategy: błąd: nieznane miasto „”")


def test_programs_city_of_a_strategy_folder(
    kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`programs city ./folder` looks up the territory the folder's strategy.toml names."""
    by_code = run_json(["programs", "city", "2661011", "--format", "json"], capsys)
    assert run_json(["programs", "city", str(kielce_dir), "--format", "json"], capsys) == by_code
    assert by_code["territory"]["name"] == "Kielce"


@pytest.mark.parametrize(
    ("make", "text"),
    [
        (lambda root: root / "plik" / "moje-miasto", "folder, w którym ma powstać, "),
        (lambda root: root / "brak" / "moje-miasto", "nie istnieje"),
    ],
    ids=["parent-is-a-file", "parent-missing"],
)
def test_init_says_what_is_wrong_with_the_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, text: str
) -> None:
    """A parent that is a file is named as a file, a missing one as missing."""
    (tmp_path / "plik").write_text("x", encoding="utf-8")
    code, _, err = run(["init", str(make(tmp_path))], capsys)
    assert code == 2
    assert text in err
    assert ("jest plikiem" in err) == ("plik" in err)


def test_init_where_nothing_can_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder the system refuses to create is one clear error, without a temporary name."""

    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, out, err = run(["init", str(tmp_path / "moje-miasto")], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"citystrategy: błąd: folder danych strategii „{tmp_path / 'moje-miasto'}”: "
        "nie można go tu zapisać (brak uprawnień)\n"
    )
    code, out, err = run(["init", str(tmp_path / "moje-miasto"), "--locale", "en"], capsys)
    assert err == (
        f"citystrategy: error: strategy data folder {str(tmp_path / 'moje-miasto')!r}: "
        "cannot be written here (permission denied)\n"
    )


@pytest.mark.parametrize(
    ("argv", "polish"),
    [
        (["--teryt", "12345"], "„--teryt” – dozwolone: kod TERYT (TERC): kod ma 2, 4 lub 7 cyfr (podano „12345”)"),
        (["--teryt", "2761011"], "„--teryt” – dozwolone: kod TERYT (TERC): województwo „27” nie istnieje (podano „2761011”)"),
        (["--teryt", "26", "--kind", "gmina"], "jednostka terytorialna „Przykładowo”: kod TERYT gminy ma 7 cyfr (podano „26”)"),
    ],
    ids=["length", "voivodeship", "kind"],
)  # fmt: skip
def test_init_refuses_a_bad_teryt_as_the_option_typed(
    argv: list[str], polish: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--teryt is named as typed (not the data's field 'teryt'); a code of the wrong length for
    --kind is said by the territory's own check; nothing is written."""
    folder = tmp_path / "nowe"
    code, out, err = run(["init", str(folder), *argv], capsys)
    assert (code, out) == (2, "")
    assert err == f"citystrategy: błąd: {polish}\n"
    assert not folder.exists()
    assert main(["init", str(folder), "--teryt", "2661", "--kind", "powiat"]) == 0
