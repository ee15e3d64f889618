"""Properties of write_strategy on generated strategies: what is written reads back equal, and
writing what was read gives the same bytes."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citystrategy.io import write_strategy
from citystrategy.io.parse import MISSING_MARKERS
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import (
    ActionDirection,
    AnnualReport,
    Direction,
    GoalLink,
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
    ValueRange,
)
from citystrategy.money import Money

#: Letters and punctuation of Polish names, with the quotes and backslash TOML must escape.
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyząćęłńóśźżABCDEFGHIJKLMNOPRSTUWZĄĆĘŁŃÓŚŹŻ0123456789 ,.-–„”()\"'\\/%"
)
_TEXT = st.text(alphabet=_ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)
#: A project's name as projects.tsv writes it: without surrounding quotation marks.
_NAME = _TEXT.filter(lambda name: name[:1] not in '„"“' and name[-1:] not in '”"')
_LONG_TEXT = st.lists(_TEXT, min_size=1, max_size=3).map("\n\n".join)
#: A cost a year's list of completed projects reports, in zł or €, to the grosz or cent.
_REPORTED_COST = st.builds(
    Money,
    st.decimals(min_value=0, max_value=10**9, places=2),
    st.sampled_from(["PLN", "EUR"]),
)
_UNITS = ("count", "percent", "PLN", "day")
_MARKERS = ("- *", "–", ".", "x")
_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def polish(number: Decimal, *, grouped: bool) -> str:
    """*number* written as a Polish text, independently of the writer: comma, optional groups."""
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number), "f").partition(".")
    if grouped:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = " ".join([whole, *groups])
    return sign + whole + ("," + fraction if fraction else "")


def _decimal(draw: Any, unit: str) -> Decimal:
    places = draw(st.integers(0, 2 if unit == "PLN" else 3))
    value: Decimal = draw(
        st.decimals(
            min_value=-100_000,
            max_value=100_000,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        )
    )
    return value


def _value_text(draw: Any, value: Decimal, unit: str) -> str:
    text = polish(value, grouped=draw(st.booleans()))
    suffix = {"PLN": " zł", "percent": " %"}.get(unit, "")
    return text + (suffix if draw(st.booleans()) else "")


@st.composite
def _target(draw: Any, unit: str, period: tuple[int, int]) -> Target:
    kind = draw(st.sampled_from(TargetKind))
    year = draw(st.integers(*period))
    if kind is TargetKind.WITHIN_RANGE:
        low, high = sorted((_decimal(draw, unit), _decimal(draw, unit)))
        raw = f"{polish(low, grouped=True)}–{polish(high, grouped=True)}"
        return Target(kind=kind, low=low, high=high, year=year, raw=raw)
    value = _decimal(draw, unit)
    raw = _value_text(draw, value, unit)
    limit = draw(st.booleans())
    tolerance = Decimal(0)
    if kind is TargetKind.AT_MOST and draw(st.booleans()):
        raw, limit = "<" + raw, True  # a printed bound is a limit
    if kind is TargetKind.EXACTLY:
        tolerance = draw(st.decimals(min_value=0, max_value=5, places=1))
    return Target(kind=kind, value=value, tolerance=tolerance, year=year, limit=limit, raw=raw)


@st.composite
def strategies(draw: Any) -> Strategy:
    """A small strategy: a few goals, indicators of every target kind, values, projects."""
    start = draw(st.integers(2015, 2025))
    period = (start, start + draw(st.integers(0, 8)))
    goals = []
    directions: dict[str, list[str]] = {}
    for number in range(1, draw(st.integers(1, 3)) + 1):
        operational = []
        for sub in range(1, draw(st.integers(1, 2)) + 1):
            code = f"{number}.{sub}"
            found = [
                ActionDirection(code=f"{code}-{n:02}", name=draw(_TEXT), goal_code=code)
                for n in range(1, draw(st.integers(0, 2)) + 1)
            ]
            directions[code] = [d.code for d in found]
            operational.append(
                OperationalGoal(
                    code=code,
                    name=draw(_TEXT),
                    description=draw(st.one_of(st.just(""), _LONG_TEXT)),
                    action_directions=found,
                )
            )
        goals.append(
            StrategicGoal(
                code=str(number),
                name=draw(_TEXT),
                description=draw(st.one_of(st.just(""), _LONG_TEXT)),
                operational_goals=operational,
            )
        )
    territory = Territory(
        name=draw(_TEXT), kind=TerritoryKind.CITY_WITH_POWIAT_RIGHTS, teryt="2661011"
    )
    years = draw(
        st.lists(st.integers(period[0] - 2, period[1]), min_size=1, max_size=3, unique=True)
    )
    years.sort(reverse=draw(st.booleans()))
    # one reason per sign: the strategy's own, or GUS's meaning of it
    reasons = {
        m: Missing(code=f"reason_{n}", marker=m, text=draw(_TEXT))
        if draw(st.booleans())
        else Missing(code="missing", marker=m, text=MISSING_MARKERS[m])
        for n, m in enumerate(_MARKERS)
    }
    indicators = []
    observations = []
    goal_codes = [g.code for g in goals] + [op.code for g in goals for op in g.operational_goals]
    for number in range(1, draw(st.integers(1, 5)) + 1):
        goal = draw(st.sampled_from(goal_codes))
        unit = draw(st.sampled_from(_UNITS))
        code = f"X-{goal}-{number:02}"
        low = draw(st.one_of(st.none(), st.decimals(-10, 0, places=1)))
        indicators.append(
            Indicator(
                code=code,
                name=draw(_TEXT),
                unit=unit,
                level=Level.RESULT if "." in goal else Level.IMPACT,
                goal_code=goal,
                direction=draw(st.sampled_from(Direction)),
                target=draw(st.one_of(st.none(), _target(unit, period))),
                survey=draw(st.booleans()),
                source=draw(st.one_of(st.just(""), _TEXT)),
                note=draw(st.one_of(st.just(""), _TEXT)),
                value_range=None if low is None else ValueRange(low=low),
                responsible=draw(st.one_of(st.just(""), _TEXT)),
            )
        )
        for year in years:
            source = draw(st.one_of(st.just(""), _TEXT))
            if draw(st.integers(0, 3)) == 0:
                marker = draw(st.sampled_from(_MARKERS))
                missing = reasons[marker]
                if draw(st.booleans()):  # a reason of its own (a form's): its reason_<year>
                    missing = Missing(code="missing", marker=marker, text=draw(_TEXT))
                observation = Observation(
                    indicator=code,
                    territory="2661011",
                    year=year,
                    missing=missing,
                    raw=marker,
                    source=source,
                )
            else:
                value = _decimal(draw, unit)
                observation = Observation(
                    indicator=code,
                    territory="2661011",
                    year=year,
                    value=value,
                    raw=_value_text(draw, value, unit),
                    source=source,
                )
            observations.append(observation)
    report_year = draw(st.one_of(st.none(), st.integers(*period)))
    projects = []
    rows: dict[str, int] = {}
    operational_codes = [op.code for g in goals for op in g.operational_goals]
    for number in range(1, draw(st.integers(0, 3)) + 1):
        name = draw(_NAME)
        cost = draw(
            st.one_of(
                st.none(),
                st.decimals(min_value=0, max_value=10**9, places=2).map(lambda d: Money(d)),
            )
        )
        targets = draw(
            st.lists(st.sampled_from(operational_codes), min_size=1, max_size=2, unique=True)
        )
        links = []
        for index, goal in enumerate(targets):
            table = goal.split(".")[0]
            rows[table] = rows.get(table, 0) + 1
            if cost is None:
                cell = "-"
            elif index == 0:
                cell = polish(cost.amount, grouped=True) + " zł"
            else:
                cell = f"Koszt realizacji projektu podany w Celu nr {targets[0].split('.')[0]}"
            chosen = (
                draw(st.lists(st.sampled_from(directions[goal]), unique=True))
                if directions[goal]
                else []
            )
            links.append(
                GoalLink(
                    strategic_goal=table,
                    operational_goal=goal,
                    action_directions=chosen,
                    cost_cell=cell,
                    source=f"goal table {table}, row {rows[table]}",
                    remark=draw(st.one_of(st.just(""), _TEXT)),
                    project_name=name,
                )
            )
        completed = report_year is not None and draw(st.booleans())
        listed = completed and draw(st.booleans())
        projects.append(
            Project(
                code=f"X-P-{number:02}",
                name=name,
                cost=cost,
                links=links,
                completed_in=report_year if completed else None,
                description=draw(_LONG_TEXT) if listed else "",
                list_number=number if listed else None,
                reported_cost=draw(st.one_of(st.none(), _REPORTED_COST)) if listed else None,
                note=draw(st.one_of(st.just(""), _TEXT)),
                responsible=draw(st.one_of(st.just(""), _TEXT)),
            )
        )
    reports = []
    if report_year is not None:
        reports.append(
            AnnualReport(
                year=report_year,
                drawn_up_on=dt.date(report_year + 1, 6, 20),
                period_start=dt.date(report_year, 1, 1),
                period_end=dt.date(report_year, 12, 31),
                introduction=draw(st.one_of(st.just(""), _LONG_TEXT)),
                source=draw(st.one_of(st.just(""), _TEXT)),
            )
        )
    strategy = Strategy(
        code=draw(_TEXT),
        title=draw(_TEXT),
        territory=territory,
        period_start=period[0],
        period_end=period[1],
        strategic_goals=goals,
        indicators=indicators,
        projects=projects,
        observations=observations,
        reports=reports,
    )
    # the reader fills an empty source with the report's (or the strategy's title): say so here
    default = next((r.source for r in reports if r.source), strategy.title)
    return attrs.evolve(
        strategy,
        indicators=[attrs.evolve(i, source=i.source or default) for i in strategy.indicators],
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@_SETTINGS
@given(strategies())
def test_what_is_written_reads_back_equal(strategy: Strategy) -> None:
    """Any generated strategy written to a folder reads back equal, and written again is the same bytes."""
    with tempfile.TemporaryDirectory() as parent:
        first = write_strategy(strategy, Path(parent) / "one")
        found = read_strategy(first)
        assert found == strategy
        second = write_strategy(found, Path(parent) / "two", like=first)
        assert _snapshot(second) == _snapshot(first)
        third = write_strategy(found, Path(parent) / "three")
        assert _snapshot(third) == _snapshot(first)


def _without_texts(strategy: Strategy) -> Strategy:
    """*strategy* without the printed texts the writer fills in for values made in code."""
    return attrs.evolve(
        strategy,
        observations=[attrs.evolve(o, raw="") for o in strategy.observations],
        indicators=[
            attrs.evolve(i, target=None if i.target is None else attrs.evolve(i.target, raw=""))
            for i in strategy.indicators
        ],
        projects=[
            attrs.evolve(
                p,
                links=[
                    attrs.evolve(link, cost_cell="", source="", project_name="") for link in p.links
                ],
            )
            for p in strategy.projects
        ],
    )


@_SETTINGS
@given(strategies())
def test_values_made_in_code_read_back_as_the_same_values(strategy: Strategy) -> None:
    """Without printed texts, every value is written in a canonical form that reads back as the same value."""
    bare = _without_texts(strategy)
    # a printed bound made the target a limit; without the text, the flag says it
    with tempfile.TemporaryDirectory() as parent:
        folder = write_strategy(bare, Path(parent) / "bare")
        found = read_strategy(folder)
        assert _without_texts(found) == bare
        for observation in found.observations:
            assert observation.raw  # each got the text it was written with
