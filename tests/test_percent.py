"""Rates at the public boundary are percent: a Percent or a pint quantity, never a bare number."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.percent import Percent, as_percent, fraction_level
from citystrategy.units import Q_


@pytest.mark.parametrize(
    ("value", "percent"),
    [
        (Percent(85), Decimal(85)),
        (Percent("88.6"), Decimal("88.6")),
        (Percent(88.6), Decimal("88.6")),
        (Q_(85, "percent"), Decimal(85)),
        (Q_(Decimal("0.85"), "dimensionless"), Decimal(85)),
        (Q_(0.07, ""), Decimal(7)),
        (Q_(Decimal(5), "permille"), Decimal("0.5")),
    ],
)
def test_rates_convert_to_percent_exactly(value: object, percent: Decimal) -> None:
    """A Percent keeps its value; a dimensionless quantity becomes percent with no float error."""
    assert as_percent(value, "rate") == percent


@pytest.mark.parametrize(
    "value",
    [Decimal("0.85"), 0.85, 85, "85", None, Q_(85, "PLN")],
    ids=["decimal", "float", "int", "str", "none", "pln"],
)
def test_a_bare_number_or_a_dimensioned_quantity_is_a_type_error(value: Any) -> None:
    """The error names the argument and shows how to pass a rate."""
    with pytest.raises(ArgumentTypeError, match=r"'rate' must be a rate in percent: Percent\(85\)"):
        as_percent(value, "rate")


def test_percent_fraction_and_text() -> None:
    """85% is the fraction 0,85 and prints with its sign."""
    assert Percent(85).fraction == Decimal("0.85")
    assert str(Percent("0.5")) == "0.5%"


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), "1e400x"], ids=["nan", "inf", "text"]
)
def test_percent_refuses_what_is_not_a_finite_number(value: Any) -> None:
    """NaN, infinity and text that is no number are errors naming the value."""
    with pytest.raises(ArgumentError, match=r"finite|written with a dot"):
        Percent(value)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (0, ArgumentError),
        (1, ArgumentError),
        (95, ArgumentError),
        (Percent(5), ArgumentTypeError),
        (True, ArgumentTypeError),
    ],
)
def test_a_statistical_level_lies_strictly_between_0_and_1(
    value: Any, error: type[Exception]
) -> None:
    """0, 1 and 95 are refused; a Percent is not a level."""
    with pytest.raises(error):
        fraction_level(value, "level")
    assert fraction_level(0.95, "level") == 0.95


def test_percent_values_compare_by_value() -> None:
    """Percent values order as their numbers do, so computed rates compare with stated ones."""
    assert Percent(5) < Percent("88.6") < Percent(100)
    assert sorted([Percent(85), Percent("0.5"), Percent(15)]) == [
        Percent("0.5"),
        Percent(15),
        Percent(85),
    ]
    assert Percent("85.0") == Percent(85)
