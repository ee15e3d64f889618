"""Tests of the model's own invariants: what each class refuses at construction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from citystrategy.errors import ModelError
from citystrategy.model import (
    AdoptedDocument,
    DocumentGoal,
    MonitoringRules,
    Observation,
    OperationalGoal,
    StrategicGoal,
    Target,
    TargetKind,
    Territory,
    TerritoryKind,
    ValueRange,
)
from tests.factories import make_missing, make_strategy


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"kind": TargetKind.AT_LEAST}, "needs 'value' only"),
        (
            {"kind": TargetKind.AT_MOST, "value": Decimal(1), "low": Decimal(0)},
            "needs 'value' only",
        ),
        ({"kind": TargetKind.WITHIN_RANGE, "value": Decimal(5)}, "needs 'low' and 'high' only"),
        (
            {"kind": TargetKind.WITHIN_RANGE, "low": Decimal(6), "high": Decimal(5)},
            "is above 'high'",
        ),
        (
            {"kind": TargetKind.EXACTLY, "value": Decimal(5), "tolerance": Decimal(-1)},
            "must not be negative",
        ),
        ({"kind": TargetKind.AT_LEAST, "value": Decimal("NaN")}, "finite"),
    ],
    ids=[
        "no-value",
        "value-and-low",
        "range-with-value",
        "low-above-high",
        "negative-tolerance",
        "nan",
    ],
)
def test_target_refuses_inconsistent_values(kwargs: dict[str, object], problem: str) -> None:
    """A target's kind decides which values it needs; anything else is a ModelError."""
    with pytest.raises(ModelError, match=problem):
        Target(year=2030, **kwargs)  # type: ignore[arg-type]


def test_target_refuses_floats() -> None:
    """Target values are exact: a float is a TypeError."""
    with pytest.raises(TypeError):
        Target(kind=TargetKind.AT_LEAST, value=1.5, year=2030)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "values", "value", "met"),
    [
        (TargetKind.AT_LEAST, {"value": Decimal(10)}, Decimal(10), True),
        (TargetKind.AT_LEAST, {"value": Decimal(10)}, Decimal("9.99"), False),
        (TargetKind.AT_MOST, {"value": Decimal(20)}, Decimal(20), True),
        (
            TargetKind.EXACTLY,
            {"value": Decimal(5), "tolerance": Decimal("0.5")},
            Decimal("5.5"),
            True,
        ),
        (
            TargetKind.EXACTLY,
            {"value": Decimal(5), "tolerance": Decimal("0.5")},
            Decimal("5.6"),
            False,
        ),
        (TargetKind.WITHIN_RANGE, {"low": Decimal(40), "high": Decimal(60)}, Decimal(60), True),
        (TargetKind.WITHIN_RANGE, {"low": Decimal(40), "high": Decimal(60)}, Decimal(39), False),
    ],
    ids=[
        "at-least-edge",
        "at-least-below",
        "at-most-edge",
        "exactly-edge",
        "exactly-out",
        "range-edge",
        "range-out",
    ],
)
def test_target_is_met(
    kind: TargetKind, values: dict[str, Decimal], value: Decimal, met: bool
) -> None:
    """is_met includes the edges of every kind of target."""
    assert Target(kind=kind, year=2030, **values).is_met(value) is met  # type: ignore[arg-type]


def test_observation_needs_a_value_or_a_reason() -> None:
    """An observation has either a value or a missing reason, never both and never neither."""
    with pytest.raises(ModelError, match="either a 'value' or a 'missing' reason"):
        Observation(indicator="X", territory="T", year=2023)
    with pytest.raises(ModelError, match="either a 'value' or a 'missing' reason"):
        Observation(
            indicator="X", territory="T", year=2023, value=Decimal(1), missing=make_missing()
        )


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"name": "Kielce", "kind": TerritoryKind.GMINA, "teryt": "26610"}, "2, 4 or 7 digits"),
        ({"name": "Kielce", "kind": TerritoryKind.GMINA, "teryt": "26a1011"}, "2, 4 or 7 digits"),
        ({"name": "Lwów", "kind": TerritoryKind.FOREIGN, "teryt": "2661011"}, "no TERYT code"),
        ({"name": " ", "kind": TerritoryKind.GMINA}, "must not be blank"),
    ],
    ids=["five-digits", "letter", "foreign-with-teryt", "blank-name"],
)
def test_territory_refuses_bad_codes(kwargs: dict[str, object], problem: str) -> None:
    """A TERYT code has 2, 4 or 7 digits; a foreign territory has none."""
    with pytest.raises(ModelError, match=problem):
        Territory(**kwargs)  # type: ignore[arg-type]


def test_territory_id_is_the_teryt_code_or_the_name() -> None:
    """The frame id of a territory is its TERYT code, else its name."""
    assert Territory(name="Kielce", kind=TerritoryKind.GMINA, teryt="2661011").id == "2661011"
    assert Territory(name="Lwów", kind=TerritoryKind.FOREIGN).id == "Lwów"


def test_strategic_goal_refuses_a_foreign_operational_goal() -> None:
    """Operational goal 2.1 cannot sit under strategic goal 1."""
    with pytest.raises(ModelError, match="does not belong to it"):
        StrategicGoal(
            code="1", name="Cel", operational_goals=[OperationalGoal(code="2.1", name="Inny")]
        )


def test_goal_codes_are_checked() -> None:
    """Goal codes have the shapes '1' and '1.1'; a bad one is a ModelError naming both."""
    with pytest.raises(ModelError, match=r"'code' must be written like '1\.2' \(got '1x'\)"):
        OperationalGoal(code="1x", name="Cel")
    with pytest.raises(ModelError, match=r"'code' must be written like '1' \(got 'A'\)"):
        StrategicGoal(code="A", name="Cel")


def test_strategy_period_order() -> None:
    """A strategy cannot end before it starts."""
    with pytest.raises(ModelError, match="is after 'period_end'"):
        attrs.evolve(make_strategy(), period_start=2031)


def test_lists_are_frozen_into_tuples_and_hashable() -> None:
    """Collections given as lists become tuples, so frozen objects stay hashable."""
    goal = DocumentGoal(code="1", name="Cel", actions=[("1.1", "Działanie")])
    document = AdoptedDocument(
        code="D", title="Dokument", goals=[goal], integrated_projects=[("1", "P")]
    )
    assert goal.actions == (("1.1", "Działanie"),)
    assert isinstance(hash(document), int)
    with pytest.raises(TypeError, match="not a single string"):
        AdoptedDocument(code="D", title="Dokument", territories="Kielce")


def test_monitoring_years_must_be_integers() -> None:
    """Evaluation years given as strings are refused, not stored."""
    with pytest.raises(TypeError, match="expected integers"):
        MonitoringRules(
            ordinance="Z",
            ordinance_date=dt.date(2022, 10, 4),
            ongoing_evaluation_years=["2024"],  # type: ignore[list-item]
        )


def test_value_range_refuses_low_above_high() -> None:
    """A range whose low end is above its high end is a ModelError naming both."""
    with pytest.raises(ModelError, match="'low' 100 is above 'high' 0"):
        ValueRange(low=Decimal(100), high=Decimal(0))


def test_value_range_refuses_floats() -> None:
    """Ends are exact: a float is refused."""
    with pytest.raises(TypeError):
        ValueRange(low=0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("low", "high", "inside", "outside"),
    [
        (Decimal(0), Decimal(100), ["0", "100", "4.6"], ["-4.6", "146", "100.01"]),
        (Decimal(0), None, ["0", "1000000"], ["-0.5"]),
        (None, Decimal(0), ["-3", "0"], ["0.1"]),
    ],
    ids=["closed", "low-only", "high-only"],
)
def test_value_range_contains(
    low: Decimal | None, high: Decimal | None, inside: list[str], outside: list[str]
) -> None:
    """A value is in the range when it lies between the ends, inclusive; an open end has no limit."""
    value_range = ValueRange(low=low, high=high)
    assert all(Decimal(v) in value_range for v in inside)
    assert not any(Decimal(v) in value_range for v in outside)
