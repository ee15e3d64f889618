"""`--format csv` of summary, programs list and territories: the same data as JSON, safe CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import attrs
import pytest

from citystrategy.cli import main
from citystrategy.model import Strategy
from tests.factories import make_report, make_strategy

FORMULA = '=HYPERLINK("http://example.invalid","x")'
#: The csv module's reading of each locale's output.
DELIMITERS = {"pl": ";", "en": ","}


def output(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard output of a successful ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


def rows(argv: list[str], locale: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    """The CSV rows of ``main(argv)`` in *locale*, read back with the csv module."""
    out = output([*argv, "--format", "csv", "--locale", locale], capsys)
    assert out.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(out, newline=""), delimiter=DELIMITERS[locale]))


def data(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    """The JSON output of ``main(argv)``."""
    return json.loads(output([*argv, "--format", "json"], capsys))


@pytest.mark.parametrize(("locale", "point"), [("pl", ","), ("en", ".")])
def test_summary_csv_is_the_cost_table(
    locale: str, point: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """summary CSV: per goal, its 2023 completed projects and cost computed and as declared."""
    everything = rows(["summary", "kielce", "--year", "2023"], locale, capsys)
    found, (total,) = everything[:-1], everything[-1:]
    assert [row["goal"] for row in found] == ["1", "2", "3", "4"]
    assert [row["cost_computed"] for row in found] == [
        f"33992885{point}47",
        f"0{point}00",
        f"8371150{point}00",
        f"77374000{point}84",
    ]
    assert [row["projects_computed"] for row in found] == ["6", "1", "1", "2"]  # kielce.md, s. 2
    # each goal's cost over the 119 738 036,31 zł total, to one decimal as the JSON gives it
    assert [row["share_computed"] for row in found] == [
        f"28{point}4",
        f"0{point}0",
        f"7{point}0",
        f"64{point}6",
    ]
    # as the report declares them (kielce.md, section 2), and the difference computed - declared
    assert found[0]["cost_declared"] == f"514239{point}53"
    assert found[0]["cost_difference"] == f"33478645{point}94"  # 33 992 885,47 - 514 239,53
    assert found[0]["cost_agree"] == "false"
    assert (total["goal"], total["goal_missing"]) == ("", "whole_strategy")
    assert total["cost_computed"] == f"119738036{point}31"
    assert total["cost_declared"] == f"85665519{point}74"
    goals = data(["summary", "kielce", "--year", "2023"], capsys)["completed"]["goals"]
    assert [row["name"] for row in found] == [goal["name"] for goal in goals]


@pytest.mark.parametrize(("locale", "point"), [("pl", ","), ("en", ".")])
def test_programs_list_csv(locale: str, point: str, capsys: pytest.CaptureFixture[str]) -> None:
    """programs list CSV: the programmes of the JSON listing, total values exact."""
    found = rows(["programs", "list"], locale, capsys)
    listing = data(["programs", "list"], capsys)
    assert [row["code"] for row in found] == [p["code"] for p in listing]
    assert len(found) == 11
    stulecie = next(row for row in found if row["code"] == "ZMP-STULECIE")
    assert (stulecie["total_value"], stulecie["currency"]) == ("140750", "PLN")  # "140 750 zł"
    ppp = next(row for row in found if row["code"] == "ZMP-PPP")
    assert ppp["total_value"] == f"10900000{point}0"  # "10,9 mln zł", to its stated precision
    smup = next(row for row in found if row["code"] == "ZMP-SMUP")
    assert smup["total_value"] == ""  # no value stated: empty, never 0


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_territories_csv(locale: str, capsys: pytest.CaptureFixture[str]) -> None:
    """territories CSV: every field of the JSON output; codes stay text with their zeros."""
    found = rows(["territories", "search", "Sopot"], locale, capsys)
    expected = data(["territories", "search", "Sopot"], capsys)
    assert found == [{k: "" if v is None else v for k, v in t.items()} for t in expected]
    assert found[0]["bdl_gmina_id"] == "042214364011"
    everything = rows(["territories"], locale, capsys)
    assert len(everything) == len(output(["territories"], capsys).splitlines()) - 2  # header, rule


class FakeAdapter:
    """A city adapter serving a given strategy."""

    slug = "testowo"
    name = "Testowo"
    teryt = "2661011"

    def __init__(self, strategy: Strategy) -> None:
        """Keep the strategy load() returns."""
        self.strategy = strategy

    def load(self) -> Strategy:
        """The strategy."""
        return self.strategy


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_summary_csv_neutralises_a_formula_name(
    locale: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A goal name a spreadsheet would run as a formula reaches the CSV behind an apostrophe."""
    base = make_strategy(reports=(make_report(),))
    goals = tuple(
        attrs.evolve(g, name=FORMULA) if g.code == "1" else g for g in base.strategic_goals
    )
    strategy = attrs.evolve(base, strategic_goals=goals)
    monkeypatch.setattr("citystrategy.cities.open_city", lambda slug: FakeAdapter(strategy))
    found = rows(["summary", "testowo", "--year", "2023"], locale, capsys)
    assert found[0]["name"] == "'" + FORMULA
    assert found[0]["cost_computed"] == ("1000,00" if locale == "pl" else "1000.00")


@pytest.mark.parametrize(("locale", "point"), [("pl", ","), ("en", ".")])
def test_assess_csv_rounds_as_the_json_data(
    locale: str, point: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """KIE-1-01's computed figures as the JSON gives them (progress -3036,33, score -5,0,
    interval from 3,1, p 0,00193), no longer a float's 15 digits, in the locale's decimals."""
    argv = ["assess", "kielce", "--year", "2023"]
    table = rows(argv, locale, capsys)
    json_row = next(r for r in data(argv, capsys)["indicators"] if r["code"] == "KIE-1-01")
    row = next(r for r in table if r["code"] == "KIE-1-01")
    for key, json_key in (("progress", "progress_percent"), ("score", "score"),
                          ("interval_low", "interval_low"), ("p_value", "p_value")):  # fmt: skip
        assert row[key] == json_row[json_key].replace(".", point)
    assert (row["progress"], row["p_value"]) == (f"-3036{point}33", f"0{point}00193")
    number = re.compile(rf"-?\d+\{point}(\d+)")
    decimals = [
        len(found.group(1))
        for r in table
        for key, v in r.items()
        if key != "p_value" and (found := number.fullmatch(v))
    ]
    assert max(decimals) <= 2  # the data's own figures and the rounded computed ones
