"""Checks of an indicator's values and target: direction, plausibility, years, missing values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

from citystrategy._arguments import instance
from citystrategy.errors import UnitError
from citystrategy.model import (
    Direction,
    Indicator,
    Observation,
    Strategy,
    TargetKind,
    ValueRange,
)
from citystrategy.units import check_unit, unit_facts
from citystrategy.validation._findings import (
    Finding,
    FindingKind,
    FindingValue,
    Measure,
)

__all__ = ["WHOLE_UNITS", "plausible_range"]

#: Units that count whole things or people: their values are non-negative whole numbers.
WHOLE_UNITS: Final = frozenset({"count", "person", "inhabitant"})


def observed_values(strategy: Strategy, indicator: Indicator) -> list[Observation]:
    """The indicator's observations with a value for the strategy's territory, by year."""
    observations = [
        o
        for o in strategy.observations_of(indicator.code)
        if o.value is not None and o.territory == strategy.territory.id
    ]
    return sorted(observations, key=lambda o: o.year)


def target_findings(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    target = indicator.target
    if target is None:
        return []
    findings = []
    direction = indicator.direction

    def add(
        kind: FindingKind,
        *,
        expected: FindingValue = None,
        found: FindingValue = None,
        values: Mapping[str, FindingValue] | None = None,
    ) -> None:
        finding = Finding(
            kind=kind,
            code=indicator.code,
            expected=expected,
            found=found,
            values={"direction": direction, **(values or {})},
        )
        findings.append(finding)

    expected_kind = {
        Direction.HIGHER_IS_BETTER: TargetKind.AT_LEAST,
        Direction.LOWER_IS_BETTER: TargetKind.AT_MOST,
        Direction.WITHIN_RANGE: TargetKind.WITHIN_RANGE,
    }
    if direction in expected_kind and target.kind not in (
        expected_kind[direction],
        TargetKind.EXACTLY,
    ):
        add(
            FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION,
            expected=expected_kind[direction],
            found=target.kind,
        )
    values = observed_values(strategy, indicator)
    if not values or target.value is None or direction is Direction.WITHIN_RANGE:
        return findings
    base, latest = values[0], values[-1]
    assert base.value is not None
    assert latest.value is not None
    goal = target.value
    wrong_side = (direction is Direction.HIGHER_IS_BETTER and goal < base.value) or (
        direction is Direction.LOWER_IS_BETTER and goal > base.value
    )
    unit = indicator.unit
    aimed = Measure(goal, unit, target.raw)
    shown: dict[str, FindingValue] = {
        "target": aimed,
        "base": Measure(base.value, unit, base.raw),
        "year": base.year,
    }
    reached: dict[str, FindingValue] = {
        "target": aimed,
        "value": Measure(latest.value, unit, latest.raw),
        "year": latest.year,
    }
    if target.limit:
        if target.is_met(base.value):
            add(FindingKind.BOUND_ALREADY_SATISFIED, values=shown)
        if not target.is_met(latest.value):
            add(FindingKind.LIMIT_NOT_MET, values=reached)
    elif wrong_side:
        add(
            FindingKind.TARGET_CONTRADICTS_DIRECTION,
            expected=shown["base"],  # a target on the better side of the base value
            found=aimed,
            values=shown,
        )
    elif goal == base.value:
        add(FindingKind.TARGET_MET_AT_BASE, values=shown)
    elif latest is not base and target.is_met(latest.value):
        add(FindingKind.TARGET_ALREADY_MET, values=reached)
    return findings


def missing_findings(observations: Iterable[Observation]) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.MISSING_VALUE,
            code=o.indicator,
            values={
                "year": o.year,
                "marker": o.missing.marker or o.missing.code,
                "text": o.missing.text,
            },
        )
        for o in observations
        if o.missing is not None
    ]


def plausible_range(indicator: Indicator) -> ValueRange | None:
    """The range *indicator*'s values can plausibly take: the declared one, or one from its unit.

    Without a declared range, a percentage lies in 0..100, and a count, a number of persons or
    inhabitants (:data:`WHOLE_UNITS`) and an amount of money (PLN, kPLN, EUR, PLN per
    inhabitant …) are not negative. Other units have no assumed range (``None``).

    >>> from citystrategy.model import Direction, Level
    >>> share = Indicator(
    ...     code="X-1",
    ...     name="Stopa bezrobocia",
    ...     unit="percent",
    ...     level=Level.IMPACT,
    ...     goal_code="1",
    ...     direction=Direction.LOWER_IS_BETTER,
    ... )
    >>> str(plausible_range(share))
    '0..100'
    """
    instance(indicator, "indicator", Indicator, "an Indicator")
    if indicator.value_range is not None:
        return indicator.value_range
    if indicator.unit == "percent":
        return ValueRange(low=Decimal(0), high=Decimal(100))
    if indicator.unit in WHOLE_UNITS:
        return ValueRange(low=Decimal(0))
    try:
        dimensions = unit_facts(check_unit(indicator.unit)).dimensionality
    except UnitError:  # reported by _units
        return None
    if any(d.startswith("[currency_") and p == 1 for d, p in dimensions):
        return ValueRange(low=Decimal(0))
    return None


def plausibility_findings(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    """Values outside the indicator's plausible range, and counts that are not whole."""
    plausible = plausible_range(indicator)
    variant = "declared" if indicator.value_range is not None else "assumed"
    findings = []
    unit = indicator.unit
    for o in sorted(strategy.observations_of(indicator.code), key=lambda o: o.year):
        if o.value is None:
            continue
        value = Measure(o.value, unit, o.raw)
        values: dict[str, FindingValue] = {"year": o.year, "value": value, "unit": unit}
        if plausible is not None and o.value not in plausible:
            findings.append(
                Finding(
                    kind=FindingKind.VALUE_OUT_OF_RANGE,
                    code=indicator.code,
                    expected=plausible,
                    found=value,
                    variant=variant,
                    values={**values, "range": plausible},
                )
            )
        if indicator.unit in WHOLE_UNITS and o.value != o.value.to_integral_value():
            findings.append(
                Finding(
                    kind=FindingKind.VALUE_NOT_WHOLE,
                    code=indicator.code,
                    found=value,  # expected: a whole number
                    values=values,
                )
            )
    target = indicator.target
    ends = () if target is None else (target.value, target.low, target.high)
    for end in ends:
        if plausible is not None and end is not None and end not in plausible:
            assert target is not None  # there are ends
            aimed = Measure(end, unit, target.raw)
            findings.append(
                Finding(
                    kind=FindingKind.TARGET_OUT_OF_RANGE,
                    code=indicator.code,
                    expected=plausible,
                    found=aimed,
                    variant=variant,
                    values={"target": aimed, "unit": unit, "range": plausible},
                )
            )
    return findings


def target_year_findings(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    """A target due before the base year (the first year with a value) cannot be progressed to."""
    values = observed_values(strategy, indicator)
    if indicator.target is None or not values or indicator.target.year >= values[0].year:
        return []
    target_year, base_year = indicator.target.year, values[0].year
    return [
        Finding(
            kind=FindingKind.TARGET_YEAR_BEFORE_BASE,
            code=indicator.code,
            expected=base_year,  # a target year from the base year on
            found=target_year,
            values={"target_year": target_year, "year": base_year},
        )
    ]
