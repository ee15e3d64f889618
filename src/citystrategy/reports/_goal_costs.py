"""The per-goal cost figures, computed and declared, as plain records (no pandas).

:func:`~citystrategy.reports.tables.goal_costs_table` makes its frame of these rows, and the
summary (:func:`~citystrategy.reports.format_summary`) reads them directly: the summary is a
frequent command, and importing pandas would be most of its time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

from citystrategy._i18n import gettext
from citystrategy.costs import (
    Comparison,
    Figure,
    compare_declared,
    completed_by_goal,
    completed_projects,
    completed_total,
    project_currencies,
    strategy_currency,
)
from citystrategy.formatting import LocaleLike
from citystrategy.model import DeclaredSummary, Project, Strategy
from citystrategy.reports._json import MISSING_SUFFIX, Why

__all__ = ["FIGURES", "goal_cost_rows", "nothing_to_show", "nothing_to_show_sentence"]

#: The figures put side by side, computed and declared.
FIGURES: Final = ("projects", "implementers", "cost", "share")

#: Why a goal row has no name: the report declares a goal the strategy does not have.
_UNKNOWN_GOAL: Final = "unknown_goal"


def nothing_to_show(strategy: Strategy, year: int, declared: DeclaredSummary | None) -> bool:
    """Whether no project was completed in *year* and the report declares no figures: no list,
    no table of zeros and no chart of nothing, but :func:`nothing_to_show_sentence`."""
    return declared is None and not completed_projects(strategy, year)


def nothing_to_show_sentence(year: int, locale: LocaleLike) -> str:
    """The one sentence said of a year :func:`nothing_to_show` holds for."""
    return gettext(
        "No project was completed in {year}; the report declares no figures on projects.",
        locale,
    ).format(year=year)


def _currency(strategy: Strategy) -> str | None:
    """The strategy's currency, or ``None`` when its project costs are in several."""
    return None if len(project_currencies(strategy)) > 1 else strategy_currency(strategy)


def _put(record: dict[str, Any], key: str, value: object, why: str) -> None:
    """``record[key] = value``, and the reason beside it (``None`` when there is a value)."""
    record[key] = value
    record[key + MISSING_SUFFIX] = why if value is None else None


def _implementers(projects: Iterable[Project]) -> int | None:
    """Distinct implementers named, or ``None`` when any project's implementer is not known."""
    names = [None if p.implementer is None else p.implementer.name for p in projects]
    return None if None in names else len(set(names))


def _status(agrees: Iterable[bool | None]) -> str:
    flags = list(agrees)
    if not flags:
        return "not_checked"
    if False in flags:
        return "differs"
    if all(flag is True for flag in flags):
        return "agrees"
    return "partly_checked" if True in flags else "not_checked"


def _figures(
    record: dict[str, Any],
    computed: Mapping[str, tuple[object, str]],
    declared: Mapping[str, tuple[object, str]],
    comparisons: Mapping[Figure, Comparison],
) -> None:
    """Fill the ``<figure>_*`` columns of *record* from ``(value, reason if missing)`` pairs."""
    for figure in FIGURES:
        value, why = computed[figure]
        _put(record, f"{figure}_computed", value, why)
        value, why = declared[figure]
        _put(record, f"{figure}_declared", value, why)
        comparison = comparisons.get(Figure(figure))
        record[f"{figure}_difference"] = None if comparison is None else comparison.difference
        record[f"{figure}_agree"] = None if comparison is None else comparison.agrees
    record["status"] = _status(
        record[f"{figure}_agree"] for figure in FIGURES if record[f"{figure}_declared"] is not None
    )


def goal_cost_rows(
    strategy: Strategy, year: int, declared: DeclaredSummary | None
) -> list[dict[str, Any]]:
    """The rows of :func:`~citystrategy.reports.tables.goal_costs_table`, as plain records.

    The figures *declared* (``None``: none) about *year* beside those computed; the cost table
    builds its frame from these rows, and the summary reads them as they are, for years without
    a report too (so the summary needs no pandas). Counts are ints and the agreement flags bools
    or ``None`` here; the frame types them as ``Int64`` and ``boolean``.
    """
    by_goal = completed_by_goal(strategy, year)
    comparisons = compare_declared(strategy, year) if declared is not None else ()
    declared_goals = {} if declared is None else {row.goal_code: row for row in declared.goals}
    currency = _currency(strategy)
    several = Why.SEVERAL_CURRENCIES.value
    not_stated = Why.NOT_STATED.value
    absent: dict[str, tuple[object, str]] = {f: (None, not_stated) for f in FIGURES}

    def compared(goal: str | None) -> dict[Figure, Comparison]:
        return {c.figure: c for c in comparisons if c.goal == goal}

    rows = []
    for row in by_goal:
        record: dict[str, Any] = {"goal": row.goal, "goal_missing": None, "name": row.name}
        mine = declared_goals.get(row.goal)
        record["declared_label"] = None if mine is None else mine.label
        computed = {
            "projects": (len(row.projects), ""),
            "implementers": (row.implementers, not_stated),
            "cost": (None if row.cost is None else row.cost.amount, several),
            "share": (row.share, several),
        }
        stated = absent
        if mine is not None:
            stated = {
                "projects": (mine.projects, ""),
                "implementers": (mine.implementers, ""),
                "cost": (mine.cost.amount, ""),
                "share": (mine.share, ""),
            }
        _figures(record, computed, stated, compared(row.goal))
        record["currency"] = currency
        record["declared_currency"] = None if mine is None else mine.cost.currency
        record["project_codes"] = tuple(p.code for p in row.projects)
        rows.append(record)
    known = {row.goal for row in by_goal}
    for code, mine in declared_goals.items():
        if code in known:
            continue
        record = {"goal": code, "goal_missing": None, "name": None, "declared_label": mine.label}
        unknown: dict[str, tuple[object, str]] = {f: (None, _UNKNOWN_GOAL) for f in FIGURES}
        stated = {
            "projects": (mine.projects, ""),
            "implementers": (mine.implementers, ""),
            "cost": (mine.cost.amount, ""),
            "share": (mine.share, ""),
        }
        _figures(record, unknown, stated, compared(code))
        record.update(currency=currency, declared_currency=mine.cost.currency, project_codes=())
        rows.append(record)
    completed = completed_projects(strategy, year)
    total = None if currency is None else completed_total(strategy, year).amount
    share = None if currency is None else Decimal(100) if completed else Decimal(0)
    record = {"goal": None, "goal_missing": Why.WHOLE_STRATEGY.value, "name": None}
    record["declared_label"] = None if declared is None else (declared.total_cost_label or None)
    computed = {
        "projects": (len(completed), ""),
        "implementers": (_implementers(completed), not_stated),
        "cost": (total, several),
        "share": (share, several),
    }
    stated = absent
    if declared is not None:
        stated = {
            "projects": (declared.projects_completed, ""),
            "implementers": (declared.implementers, ""),
            "cost": (declared.total_cost.amount, ""),
            "share": (None, not_stated),  # the report prints no total share
        }
    _figures(record, computed, stated, compared(None))
    record["currency"] = currency
    record["declared_currency"] = None if declared is None else declared.total_cost.currency
    record["project_codes"] = tuple(p.code for p in completed)
    rows.append(record)
    return rows
