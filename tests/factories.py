"""Plain builder functions for small synthetic model objects.

Every builder returns a valid object with sensible defaults; pass keyword arguments to override
any attribute. The default strategy has two strategic goals (``1`` with ``1.1`` and ``1.2``,
``2`` with ``2.1`` and ``2.2``), one indicator per level, two projects and values for 2022 and
2023.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from citystrategy.errors import DataFileError
from citystrategy.model import (
    ActionDirection,
    AnnualReport,
    DeclaredGoalFigures,
    DeclaredSummary,
    Direction,
    GoalLink,
    Implementer,
    ImplementerKind,
    Indicator,
    Level,
    Missing,
    Observation,
    OperationalGoal,
    Project,
    StrategicGoal,
    Strategy,
    Target,
    TargetKind,
    Territory,
    TerritoryKind,
)
from citystrategy.money import Money

#: TERYT code of the default territory (Kielce's, so the synthetic data look real).
TERYT = "2661011"


def make_territory(**overrides: Any) -> Territory:
    """A city with powiat rights and a TERYT code."""
    values: dict[str, Any] = {
        "name": "Testowo",
        "kind": TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
        "teryt": TERYT,
    }
    values.update(overrides)
    return Territory(**values)


def make_target(**overrides: Any) -> Target:
    """An ``at_least 10`` target for 2030."""
    values: dict[str, Any] = {
        "kind": TargetKind.AT_LEAST,
        "value": Decimal(10),
        "year": 2030,
        "raw": "10",
    }
    values.update(overrides)
    return Target(**values)


def make_indicator(**overrides: Any) -> Indicator:
    """A result indicator of goal ``1.1``, a count where higher is better, with a target of 10."""
    values: dict[str, Any] = {
        "code": "T-1.1-01",
        "name": "Liczba zadań",
        "unit": "count",
        "level": Level.RESULT,
        "goal_code": "1.1",
        "direction": Direction.HIGHER_IS_BETTER,
        "target": make_target(),
    }
    values.update(overrides)
    return Indicator(**values)


def make_missing(**overrides: Any) -> Missing:
    """The Kielce report's "no data in BDL yet" reason."""
    values: dict[str, Any] = {
        "code": "not_yet_in_bdl",
        "marker": "- *",
        "text": "brak danych w Bazie Danych Lokalnych GUS",
    }
    values.update(overrides)
    return Missing(**values)


def make_observation(**overrides: Any) -> Observation:
    """A value of 5 for ``T-1.1-01`` in 2023 (give ``value=None, missing=...`` for a gap)."""
    values: dict[str, Any] = {
        "indicator": "T-1.1-01",
        "territory": TERYT,
        "year": 2023,
        "value": Decimal(5),
        "raw": "5",
    }
    values.update(overrides)
    return Observation(**values)


def make_link(**overrides: Any) -> GoalLink:
    """A link to operational goal ``1.1`` through its action direction ``1.1-01``."""
    values: dict[str, Any] = {
        "strategic_goal": "1",
        "operational_goal": "1.1",
        "action_directions": ("1.1-01",),
        "cost_cell": "1 000,00 zł",
    }
    values.update(overrides)
    return GoalLink(**values)


def make_project(**overrides: Any) -> Project:
    """A project of 1 000,00 zł linked to goal ``1.1``."""
    values: dict[str, Any] = {
        "code": "T-P-01",
        "name": "Projekt testowy",
        "cost": Money(Decimal("1000.00")),
        "links": (make_link(),),
    }
    values.update(overrides)
    return Project(**values)


def make_implementer(**overrides: Any) -> Implementer:
    """An internal implementer."""
    values: dict[str, Any] = {"name": "Wydział Testów", "kind": ImplementerKind.INTERNAL}
    values.update(overrides)
    return Implementer(**values)


def make_operational_goal(**overrides: Any) -> OperationalGoal:
    """Operational goal ``1.1`` with one action direction."""
    code = overrides.get("code", "1.1")
    values: dict[str, Any] = {
        "code": code,
        "name": f"Cel operacyjny {code}",
        "action_directions": (
            ActionDirection(code=f"{code}-01", name=f"Kierunek {code}-01", goal_code=code),
        ),
    }
    values.update(overrides)
    return OperationalGoal(**values)


def make_strategic_goal(**overrides: Any) -> StrategicGoal:
    """Strategic goal ``1`` with operational goals ``1.1`` and ``1.2``."""
    code = overrides.get("code", "1")
    values: dict[str, Any] = {
        "code": code,
        "name": f"Cel strategiczny {code}",
        "operational_goals": (
            make_operational_goal(code=f"{code}.1"),
            make_operational_goal(code=f"{code}.2"),
        ),
    }
    values.update(overrides)
    return StrategicGoal(**values)


def make_declared(**overrides: Any) -> DeclaredSummary:
    """Declared figures that agree with :func:`make_strategy`'s completed project."""
    values: dict[str, Any] = {
        "projects_completed": 1,
        "implementers": 1,
        "internal_implementers": 1,
        "external_implementers": 0,
        "total_cost": Money(Decimal("1000.00")),
        "goals": (
            DeclaredGoalFigures(
                goal_code="1",
                label="CEL 1",
                projects=1,
                implementers=1,
                cost=Money(Decimal("1000.00")),
                share=Decimal(100),
            ),
        ),
    }
    values.update(overrides)
    return DeclaredSummary(**values)


def make_report(**overrides: Any) -> AnnualReport:
    """An annual report on 2023 without declared figures."""
    values: dict[str, Any] = {
        "year": 2023,
        "drawn_up_on": dt.date(2024, 6, 20),
        "period_start": dt.date(2023, 1, 1),
        "period_end": dt.date(2023, 12, 31),
    }
    values.update(overrides)
    return AnnualReport(**values)


def make_strategy(**overrides: Any) -> Strategy:
    """A consistent strategy: goals 1 (1.1, 1.2) and 2 (2.1, 2.2), 2 indicators, 2 projects.

    The impact indicator ``T-1-01`` (percent, higher is better, at least 50) has 20 in 2022 and
    30 in 2023; the result indicator ``T-1.1-01`` (count, higher is better, at least 10) has 4
    and 5. Project ``T-P-01`` (1 000,00 zł) serves 1.1 and was completed in 2023; ``T-P-02``
    (2 500,50 zł) serves 1.2 and 2.1.
    """
    values: dict[str, Any] = {
        "code": "test-2030",
        "title": "Strategia testowa 2030",
        "territory": make_territory(),
        "period_start": 2022,
        "period_end": 2030,
        "strategic_goals": (make_strategic_goal(code="1"), make_strategic_goal(code="2")),
        "indicators": (
            make_indicator(
                code="T-1-01",
                name="Odsetek zadowolonych",
                unit="percent",
                level=Level.IMPACT,
                goal_code="1",
                target=make_target(value=Decimal(50), raw="50%"),
            ),
            make_indicator(),
        ),
        "projects": (
            make_project(completed_in=2023, implementer=make_implementer()),
            make_project(
                code="T-P-02",
                name="Projekt wspólny",
                cost=Money(Decimal("2500.50")),
                links=(
                    make_link(operational_goal="1.2", action_directions=("1.2-01",)),
                    make_link(
                        strategic_goal="2", operational_goal="2.1", action_directions=("2.1-01",)
                    ),
                ),
            ),
        ),
        "observations": (
            make_observation(indicator="T-1-01", year=2022, value=Decimal(20), raw="20%"),
            make_observation(indicator="T-1-01", year=2023, value=Decimal(30), raw="30%"),
            make_observation(year=2022, value=Decimal(4), raw="4"),
            make_observation(year=2023, value=Decimal(5), raw="5"),
        ),
    }
    values.update(overrides)
    return Strategy(**values)


def make_broken_strategy(case: str) -> Strategy:
    """A strategy with one problem of its links or codes, named by *case*."""
    strategy = make_strategy()
    if case == "duplicate-indicator":
        return make_strategy(indicators=(*strategy.indicators, make_indicator()))
    if case == "duplicate-project":
        return make_strategy(projects=(*strategy.projects, make_project(name="Inny")))
    if case == "indicator-unknown-goal":
        return make_strategy(indicators=(make_indicator(goal_code="9.9"),))
    if case == "link-unknown-goal":
        bad = make_link(operational_goal="1.9", action_directions=())
        return make_strategy(projects=(make_project(links=(bad,)),))
    if case == "link-unknown-strategic-goal":
        bad = make_link(strategic_goal="9", action_directions=())
        return make_strategy(projects=(make_project(links=(bad,)),))
    if case == "unknown-direction":
        bad = make_link(action_directions=("1.1-99",))
        return make_strategy(projects=(make_project(links=(bad,)),))
    if case == "unknown-indicator":
        return make_strategy(
            observations=(*strategy.observations, make_observation(indicator="T-9.9-01"))
        )
    if case == "unknown-survey-indicator":
        return make_strategy(survey_responses_indicator="T-9.9-02")
    if case == "impact-on-operational":
        return make_strategy(indicators=(make_indicator(level=Level.IMPACT),))
    if case == "result-on-strategic":
        return make_strategy(indicators=(make_indicator(goal_code="1"),))
    raise AssertionError(case)


def data_file_error(read: Callable[[Path], object], directory: Path) -> DataFileError:
    """The DataFileError that ``read(directory)`` raises (a reader of a data folder)."""
    with pytest.raises(DataFileError) as caught:
        read(directory)
    return caught.value


def make_eur_strategy(**overrides: Any) -> Strategy:
    """:func:`make_strategy` with every amount in EUR, and an EUR indicator of goal 2.

    Project ``T-P-01`` costs 1 234,56 EUR (completed in 2023, goal 1.1), ``T-P-02`` 10,00 EUR
    (goal 1.2). Impact indicator ``T-2-01`` (EUR, higher is better, at least 5 000 EUR) has
    1 000 EUR in 2022 and 2 000 EUR in 2023. Pass ``reports=`` for declared figures.
    """
    base = make_strategy()
    values: dict[str, Any] = {
        "projects": (
            make_project(
                cost=Money(Decimal("1234.56"), "EUR"),
                completed_in=2023,
                implementer=make_implementer(),
                links=(make_link(cost_cell="1 234,56 EUR"),),
            ),
            make_project(
                code="T-P-02",
                name="Projekt w euro",
                cost=Money(Decimal("10.00"), "EUR"),
                links=(
                    make_link(
                        operational_goal="1.2", action_directions=("1.2-01",), cost_cell="10 EUR"
                    ),
                ),
            ),
        ),
        "indicators": (
            *base.indicators,
            make_indicator(
                code="T-2-01",
                name="Wydatki inwestycyjne",
                unit="EUR",
                level=Level.IMPACT,
                goal_code="2",
                target=make_target(value=Decimal(5000), raw="5 000 €"),
            ),
        ),
        "observations": (
            *base.observations,
            make_observation(indicator="T-2-01", year=2022, value=Decimal(1000), raw="1 000 €"),
            make_observation(indicator="T-2-01", year=2023, value=Decimal(2000), raw="2 000 €"),
        ),
    }
    values.update(overrides)
    return make_strategy(**values)


def make_empty_goal_strategy(*, operational: bool = True, **overrides: Any) -> Strategy:
    """:func:`make_strategy` with a third strategic goal ``3`` that has no indicator or project.

    With *operational*, goal 3 has one operational goal ``3.1`` (no indicator, no project, no
    action direction); without, it has no operational goal at all.
    """
    base = make_strategy()
    empty = (OperationalGoal(code="3.1", name="Cel operacyjny 3.1"),) if operational else ()
    third = StrategicGoal(code="3", name="Cel strategiczny 3", operational_goals=empty)
    values: dict[str, Any] = {"strategic_goals": (*base.strategic_goals, third)}
    values.update(overrides)
    return make_strategy(**values)
