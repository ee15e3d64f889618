"""The JSON of every command on Kielce is typed one way (see "JSON data" in docs/reference.md).

Exact decimals and computed numbers are strings, never floats, of at most 16 significant
digits; a ``null`` has its reason beside it in ``<key>_missing``; rates and shares are in
percent in keys ending in ``_percent``. The figures checked by hand come from the ZMP document
(261 tys. zł of 295 tys. zł, 88,6%) and the Kielce report (4 values missing in 2023).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from citystrategy.cli import main
from tests.test_costs import GOAL_COSTS_2023, TOTAL_2023

#: The reasons a null may have, as docs/reference.md lists them.
REASONS = {
    "not_stated",
    "missing_in_source",
    "no_value",
    "not_assessable",
    "not_a_survey",
    "not_checkable",
    "several_currencies",
    "not_money",
    "whole_strategy",
    "foreign",
    "not_found",
    "partial_list",
    "not_applicable",
}
#: Keys whose value, where present, is an exact decimal string (money or a value as printed).
DECIMAL_KEYS = {
    "amount",
    "precision",
    "cost",
    "catalogue_cost",
    "percent",
    "value",
    "previous_value",
    "base_value",
    "change",
    "target",
    "quantity",
}
REFERENCE = Path(__file__).parent.parent.parent / "docs" / "reference.md"


def command_json(argv: list[str]) -> Any:
    """The JSON ``main(argv + ["--format", "json"])`` prints to stdout (findings exit 1)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*argv, "--format", "json"])
    assert code in (0, 1)
    assert err.getvalue() == ""
    return json.loads(out.getvalue())


def leaves(data: Any, path: str = "$") -> Iterator[tuple[str, Any, dict[str, Any] | None, str]]:
    """Every scalar of *data* with its path, the object holding it and its key."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                yield from leaves(value, f"{path}.{key}")
            else:
                yield f"{path}.{key}", value, data, key
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, dict | list):
                yield from leaves(value, f"{path}[{index}]")
            else:
                yield f"{path}[{index}]", value, None, ""


def significant_digits(text: str) -> int | None:
    """The significant digits of *text* if it is a decimal number, else ``None``."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or not any(ch.isdigit() for ch in text):
        return None
    return len(number.as_tuple().digits)


@pytest.fixture(scope="module")
def outputs() -> dict[str, Any]:
    """The JSON of every command on Kielce, by command line, run once for the module."""
    commands = [
        ["summary", "kielce", "--year", "2023"],
        ["check", "kielce"],
        ["assess", "kielce", "--year", "2023"],
        ["programs", "list"],
        ["programs", "city", "Kielce"],
        ["programs", "city", "Gdańsk"],
        ["programs", "city", "Radom"],
    ]
    found = {" ".join(argv): command_json(argv) for argv in commands}
    for program in found["programs list"]:
        argv = ["programs", "show", program["code"]]
        found[" ".join(argv)] = command_json(argv)
    return found


def test_every_command_is_covered(outputs: dict[str, Any]) -> None:
    """The walk covers summary, check, assess, programs list, city and every programme's show."""
    shown = [name for name in outputs if name.startswith("programs show ")]
    assert len(shown) == len(outputs["programs list"]) > 5
    assert {"summary kielce --year 2023", "check kielce", "assess kielce --year 2023"} <= set(
        outputs
    )
    assert outputs["programs city Gdańsk"]["member"] is True  # on ZMP's 2025 member list
    assert outputs["programs city Radom"]["member"] is None  # not on the partial member list
    assert outputs["programs city Radom"]["member_missing"] == "partial_list"


def test_no_float_anywhere(outputs: dict[str, Any]) -> None:
    """No number in any command's JSON is a float: decimals are strings, counts integers."""
    floats = [
        (command, path, value)
        for command, data in outputs.items()
        for path, value, _, _ in leaves(data)
        if isinstance(value, float)
    ]
    assert floats == []


def test_decimals_are_exact_strings(outputs: dict[str, Any]) -> None:
    """Money and values as printed are decimal strings in fixed-point form, where present."""
    checked = 0
    for command, data in outputs.items():
        for path, value, _, key in leaves(data):
            if ".details." in path:  # a finding's details: texts as printed, for tracing
                continue
            if key in DECIMAL_KEYS and value is not None and not isinstance(value, bool):
                assert isinstance(value, str), (command, path, value)
                assert significant_digits(value) is not None, (command, path, value)
                assert "E" not in value.upper(), (command, path, value)
                checked += 1
    assert checked > 500


def test_no_string_has_more_than_16_significant_digits(outputs: dict[str, Any]) -> None:
    """Computed shares, rates and statistics are rounded as shown, never 28-digit strings."""
    long = [
        (command, path, value)
        for command, data in outputs.items()
        for path, value, _, _ in leaves(data)
        if isinstance(value, str) and (significant_digits(value) or 0) > 16
    ]
    assert long == []


def test_every_null_has_its_reason_beside_it(outputs: dict[str, Any]) -> None:
    """Each null value has a `<key>_missing` key beside it holding a documented reason."""
    nulls = 0
    for command, data in outputs.items():
        for path, value, holder, key in leaves(data):
            if value is not None:
                continue
            nulls += 1
            assert holder is not None, (command, path)
            assert holder.get(f"{key}_missing") in REASONS, (command, path)
    assert nulls > 100  # the walk does meet missing values (non-survey intervals, dates)


def test_reasons_are_documented() -> None:
    """Every reason a null may have is named in the reference's JSON section."""
    section = REFERENCE.read_text(encoding="utf-8").split("## JSON data", 1)[1].split("\n## ")[0]
    assert all(f"`{reason}`" in section for reason in REASONS)


def test_missing_values_say_why(outputs: dict[str, Any]) -> None:
    """Kielce's 4 values missing in 2023 are null, marked missing in the source with "- *"."""
    rows = [r for r in outputs["assess kielce --year 2023"]["indicators"] if r["value"] is None]
    assert len(rows) == outputs["summary kielce --year 2023"]["indicators"]["missing_values"] == 4
    for row in rows:
        assert row["value_missing"] == "missing_in_source"
        assert row["missing_marker"] == "- *"
        assert row["change"] is None
        assert row["change_missing"] == "no_value"


def test_rate_check_in_percent_rounded_as_shown(outputs: dict[str, Any]) -> None:
    """PL-UA: 261/295 is 88,47%; the rounded figures allow 88,16% (260,5/295,5) to 88,79%."""
    (check,) = outputs["programs show ZMP-PL-UA"]["rate_checks"]
    assert check["rate"] == "88,6%"
    assert (check["computed_percent"], check["low_percent"], check["high_percent"]) == (
        "88.47",
        "88.16",
        "88.79",
    )
    rates = outputs["programs show ZMP-PL-UA"]["rates"]
    assert [r["percent"] for r in rates if r["raw"] == "88,6%"] == ["88.6"]


def test_unchecked_rate_says_why(outputs: dict[str, Any]) -> None:
    """A rate that cannot be checked has null figures, each `not_checkable`."""
    unchecked = [
        check
        for name, data in outputs.items()
        if name.startswith("programs show ")
        for check in data["rate_checks"]
        if check["consistent"] is None
    ]
    assert unchecked
    for check in unchecked:
        assert check["consistent_missing"] == "not_checkable"
        assert check["low_percent"] is None
        assert check["low_percent_missing"] == "not_checkable"


def test_goal_shares_rounded_to_one_decimal(outputs: dict[str, Any]) -> None:
    """Each goal's share of the 2023 cost is its cost over the total, in percent, to 0,1."""
    goals = outputs["summary kielce --year 2023"]["completed"]["goals"]
    assert [g["goal"] for g in goals] == sorted(GOAL_COSTS_2023)
    for goal in goals:
        share = GOAL_COSTS_2023[goal["goal"]] / TOTAL_2023 * 100
        share = share.quantize(Decimal("0.1"), ROUND_HALF_UP)
        assert goal["share_percent"] == str(share)
        assert goal["cost"] == str(GOAL_COSTS_2023[goal["goal"]])
    shares = sum((Decimal(g["share_percent"]) for g in goals), Decimal(0))
    assert abs(shares - 100) <= Decimal("0.05") * len(goals)


def test_goal_coverage_in_percent(outputs: dict[str, Any]) -> None:
    """A goal's coverage is scored over indicators, in percent, as the text shows it (0 places)."""
    goals = outputs["assess kielce --year 2023"]["goals"]
    assert goals
    for goal in goals:
        assert "coverage" not in goal
        expected = Decimal(goal["scored"] * 100) / goal["indicators"]
        expected = expected.quantize(Decimal(1), ROUND_HALF_UP)
        assert goal["coverage_percent"] == str(expected)


def test_unknown_linked_programme_says_why(kielce_dir: Path) -> None:
    """A goal linked to a programme the catalogue lacks has a null name, `not_found` beside it."""
    toml = kielce_dir / "strategy.toml"
    text = toml.read_text(encoding="utf-8")
    linked = text.replace('program = "ZMP-PDP"', 'program = "ZMP-NIEMA"', 1)
    assert linked != text
    toml.write_text(linked, encoding="utf-8")
    data = command_json(["summary", str(kielce_dir), "--year", "2023"])
    (link,) = data["programs"]
    assert (link["program"], link["name"], link["name_missing"]) == (
        "ZMP-NIEMA",
        None,
        "not_found",
    )


def test_no_text_is_empty(outputs: dict[str, Any]) -> None:
    """No command's JSON holds an empty string: a text that is not there is null with why."""
    empty = [
        (command, path)
        for command, data in outputs.items()
        for path, value, _, _ in leaves(data)
        if value == ""
    ]
    assert empty == []
    rows = outputs["assess kielce --year 2023"]["indicators"]
    present = [row for row in rows if row["value"] is not None]
    assert all(row["missing_reason"] is None for row in present)
    assert {row["missing_reason_missing"] for row in present} == {"not_applicable"}
    findings = outputs["check kielce"]["findings"]
    assert {f["variant_missing"] for f in findings if f["variant"] is None} == {"not_applicable"}


def test_declared_counts_are_numbers(outputs: dict[str, Any]) -> None:
    """The counts a report declares are JSON numbers: Kielce 2023 declares 10 projects, 7 bodies."""
    completed = outputs["summary kielce --year 2023"]["completed"]
    assert completed["declared"]["projects"] == 10
    assert completed["declared"]["implementers"] == 7  # "Liczba podmiotów zaangażowanych"
    assert completed["declared"]["cost"] == "85665519.74"  # money stays an exact string
    for goal in completed["goals"]:
        assert isinstance(goal["declared"]["projects"], int)
