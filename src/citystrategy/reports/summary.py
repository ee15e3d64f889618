"""The summary of a strategy and the listing of its findings, as text or as JSON-ready data.

Amounts in the data are exact decimal strings (``"33992885.47"``), never floats, each with its
currency beside it (the strategy's, see :func:`citystrategy.costs.strategy_currency`); the text
is formatted with :mod:`citystrategy.formatting` in the locale asked for. When the project costs
are in several currencies, their totals are unknown (``None``, ``–`` in the text) and the text
says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from citystrategy._arguments import instance
from citystrategy._i18n import gettext, pgettext
from citystrategy.costs import (
    Comparison,
    Figure,
    catalogue_total,
    compare_declared,
    completed_projects,
    completed_total,
    project_currencies,
    strategy_currency,
)
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    LocaleLike,
    format_count,
    format_date,
    format_money,
    format_number,
    format_percent,
)
from citystrategy.model import DeclaredSummary, Level, Strategy, TerritoryKind
from citystrategy.money import Money
from citystrategy.reports._goal_costs import (
    goal_cost_rows,
    nothing_to_show,
    nothing_to_show_sentence,
)
from citystrategy.reports._json import Why, exact, put, rounded
from citystrategy.reports.text import _fill, _width, render_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["format_summary", "summary_data"]


def _columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("summary", "Strategic goal", locale),
        pgettext("summary", "Projects", locale),
        pgettext("summary", "Cost computed", locale),
        pgettext("summary", "Share", locale),
        pgettext("summary", "Projects (report)", locale),
        pgettext("summary", "Cost (report)", locale),
        pgettext("summary", "Share (report)", locale),
        pgettext("summary", "Agree", locale),
    ]


def _agrees(agrees: bool | None, locale: LocaleLike) -> str:
    if agrees is None:
        return "–"
    return pgettext("summary", "yes", locale) if agrees else pgettext("summary", "NO", locale)


def _amount(value: Decimal | None) -> str | None:
    return exact(value)


#: The declared figures that are counts: JSON numbers, as every count is.
_COUNTS: Final = (Figure.PROJECTS, Figure.IMPLEMENTERS)


def _figure_value(figure: Figure, value: Decimal | None) -> int | str | None:
    """A declared or computed figure as JSON: a whole count a number, anything else exact."""
    if figure in _COUNTS and value is not None and value == value.to_integral_value():
        return int(value)
    return exact(value)


#: Decimals of a computed share, as the summary text shows it.
_SHARE_DECIMALS: Final = 1
#: The JSON key of a figure (the share is in percent, which its key says).
_FIGURE_KEYS: Final = {Figure.SHARE: "share_percent"}


def _currency(strategy: Strategy) -> str | None:
    """The strategy's currency, or ``None`` when its project costs are in several."""
    return None if len(project_currencies(strategy)) > 1 else strategy_currency(strategy)


def _missing(value: object) -> bool:
    """Whether a cost table's cell is missing (``None`` or ``pandas.NA``, without pandas)."""
    return value is None or type(value).__name__ == "NAType"


#: The cost table's count columns, ``Int64`` in its frame: ints (or ``None``) in its rows too.
_COUNT_COLUMNS: Final = tuple(
    f"{figure}_{part}"
    for figure in ("projects", "implementers")
    for part in ("computed", "declared", "difference")
)


def _cost_rows(strategy: Strategy, year: int) -> list[dict[str, Any]]:
    """The rows of :func:`_cost_frame`, without pandas, counts as ints as the frame has them."""
    rows = goal_cost_rows(strategy, year, _declared(strategy, year))
    for row in rows:
        for column in _COUNT_COLUMNS:
            if row[column] is not None:
                row[column] = int(row[column])
    return rows


def _cost_frame(strategy: Strategy, year: int) -> pd.DataFrame:
    """The cost table of :func:`~citystrategy.reports.tables.goal_costs_table`, for any year.

    A year without a report has the computed figures only, as the summary shows them.
    """
    from citystrategy.reports.tables.projects import _goal_costs  # pandas, only when asked

    return _goal_costs(strategy, year, _declared(strategy, year))


def _goal_rows(strategy: Strategy, costs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of the strategy's own strategic goals, in strategy order."""
    codes = [goal.code for goal in strategy.strategic_goals]
    return [row for row in costs if row["goal"] in codes]


def _total_row(costs: list[dict[str, Any]]) -> dict[str, Any]:
    return next(row for row in costs if row["goal"] is None)


def _count(value: object) -> int | None:
    """An ``Int64`` cell as an int, ``None`` when missing."""
    return None if _missing(value) else int(value)  # type: ignore[call-overload]


def _declared_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The declared figures of a cost table's row, exact as the report prints them."""
    figures = {}
    for figure in ("projects", "implementers", "cost", "share"):
        value = row[f"{figure}_declared"]
        if _missing(value):
            continue
        number = value if isinstance(value, Decimal) else Decimal(int(value))
        figures[_FIGURE_KEYS.get(Figure(figure), figure)] = _figure_value(Figure(figure), number)
    return figures


def _agreement(row: Mapping[str, Any]) -> bool | None:
    """Whether no declared figure of the row disagrees; ``None`` when none is declared."""
    if _missing(row["projects_declared"]):
        return None
    return bool(row["status"] != "differs")


def summary_data(strategy: Strategy, year: int) -> dict[str, Any]:
    """The summary as JSON-ready data: strategy, goals, indicator counts, costs per goal.

    Amounts are exact decimal strings; ``projects.currency`` and ``completed.currency`` give the
    currency of the computed ones (``None``, like the amounts, when the project costs are in
    several currencies, listed in ``projects.currencies``) and ``declared_currency`` that of
    the declared ones. Shares are in percent, in keys ending in ``_percent``: a computed share
    rounded to one decimal as the text shows it, a declared one exact as the report prints it.
    A ``None`` has its reason beside it (``"cost": None, "cost_missing": "several_currencies"``;
    see "JSON data" in the reference).
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    currency = _currency(strategy)
    comparisons = _comparisons(strategy, year)
    goals = []
    for goal in strategy.strategic_goals:
        goals.append(
            {
                "code": goal.code,
                "name": goal.name,
                "indicators": len(strategy.indicators_of(goal.code)),
                "operational_goals": [
                    {
                        "code": op.code,
                        "name": op.name,
                        "indicators": len(strategy.indicators_of(op.code)),
                        "projects": sum(
                            1 for p in strategy.projects if op.code in p.operational_goals
                        ),
                    }
                    for op in goal.operational_goals
                ],
            }
        )
    costs = _cost_rows(strategy, year)
    completed = []
    for row in _goal_rows(strategy, costs):
        record: dict[str, Any] = {
            "goal": row["goal"],
            "name": row["name"],
            "projects": int(row["projects_computed"]),
            "project_codes": list(row["project_codes"]),
        }
        put(record, "implementers", _count(row["implementers_computed"]), Why.NOT_STATED)
        put(record, "cost", exact(row["cost_computed"]), Why.SEVERAL_CURRENCIES)
        put(
            record,
            "share_percent",
            rounded(row["share_computed"], _SHARE_DECIMALS),
            Why.SEVERAL_CURRENCIES,
        )
        record["declared"] = _declared_row(row)
        put(record, "declared_currency", row["declared_currency"], Why.NOT_STATED)
        completed.append(record)
    territory: dict[str, Any] = {"name": strategy.territory.name}
    put(territory, "teryt", strategy.territory.teryt, _no_teryt(strategy))
    territory["kind"] = strategy.territory.kind.value
    about: dict[str, Any] = {
        "code": strategy.code,
        "title": strategy.title,
        "territory": territory,
        "period": [strategy.period_start, strategy.period_end],
    }
    adopted = None if strategy.adopted_on is None else strategy.adopted_on.isoformat()
    put(about, "adopted_on", adopted, Why.NOT_STATED)
    about["adopted_by"] = strategy.adopted_by
    about["resolution"] = strategy.resolution
    catalogue_cost = None if currency is None else exact(catalogue_total(strategy).amount)
    completed_cost = None if currency is None else exact(completed_total(strategy, year).amount)
    projects: dict[str, Any] = {
        "total": len(strategy.projects),
        "without_cost": sum(1 for p in strategy.projects if p.cost is None),
    }
    put(projects, "catalogue_cost", catalogue_cost, Why.SEVERAL_CURRENCIES)
    put(projects, "currency", currency, Why.SEVERAL_CURRENCIES)
    projects["currencies"] = list(project_currencies(strategy))
    done: dict[str, Any] = {
        "year": year,
        "projects": len(completed_projects(strategy, year)),
    }
    put(done, "cost", completed_cost, Why.SEVERAL_CURRENCIES)
    put(done, "currency", currency, Why.SEVERAL_CURRENCIES)
    done["goals"] = completed
    total = _total_row(costs)
    done["declared"] = _declared_row(total)
    put(done, "declared_currency", total["declared_currency"], Why.NOT_STATED)
    discrepancies = []
    for c in comparisons:
        if c.agrees is not False:
            continue
        entry: dict[str, Any] = {}
        put(entry, "goal", c.goal, Why.WHOLE_STRATEGY)
        entry["figure"] = c.figure.value
        entry["declared"] = _figure_value(c.figure, c.declared)
        put(entry, "computed", _figure_value(c.figure, c.computed), Why.NO_VALUE)
        put(entry, "currency", c.currency, Why.NOT_MONEY)
        discrepancies.append(entry)
    return {
        "strategy": about,
        "goals": goals,
        "indicators": {
            "total": len(strategy.indicators),
            "impact": sum(1 for i in strategy.indicators if i.level is Level.IMPACT),
            "result": sum(1 for i in strategy.indicators if i.level is Level.RESULT),
            "survey": sum(1 for i in strategy.indicators if i.survey),
            "missing_values": sum(
                1 for o in strategy.observations if o.year == year and o.value is None
            ),
        },
        "projects": projects,
        "completed": done,
        "discrepancies": discrepancies,
    }


def _no_teryt(strategy: Strategy) -> Why:
    return Why.FOREIGN if strategy.territory.kind is TerritoryKind.FOREIGN else Why.NOT_STATED


def _comparisons(strategy: Strategy, year: int) -> tuple[Comparison, ...]:
    try:
        report = strategy.report(year)
    except KeyError:
        return ()
    return compare_declared(strategy, year) if report.declared is not None else ()


def _declared(strategy: Strategy, year: int) -> DeclaredSummary | None:
    try:
        return strategy.report(year).declared
    except KeyError:
        return None


def format_summary(
    strategy: Strategy,
    year: int,
    *,
    slug: str = "",
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The summary as text: the strategy, its goals, indicator counts and the cost table.

    The cost table puts the figures computed from the projects beside those the report declares
    and marks each goal whose figures disagree.

    Args:
        strategy: The strategy.
        year: The reporting year.
        slug: How the strategy is named on the command line (``"kielce"``, ``"./moje-miasto"``),
            for the command that lists the discrepancies; empty to leave the command out.
        width: The widest line wanted (a terminal's width): goal names and other long lines
            wrap within it (see :func:`~citystrategy.reports.render_table`); ``None`` (a file,
            a pipe) never wraps. Names are never cut.
        locale: Language and number format.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    width = _width(width)
    lines = [_fill(strategy.title, width), _fill(_heading_line(strategy, locale), width), ""]
    lines.append(gettext("Strategic and operational goals", locale) + ":")
    for goal in strategy.strategic_goals:
        count = format_count(len(strategy.indicators_of(goal.code)), "indicator", locale=locale)
        lines.append(_fill(f"  {goal.code}. {goal.name} ({count})", width, indent="     "))
        for op in goal.operational_goals:
            count = format_count(len(strategy.indicators_of(op.code)), "indicator", locale=locale)
            lines.append(_fill(f"     {op.code} {op.name} ({count})", width, indent="         "))
    data = summary_data(strategy, year)
    ind = data["indicators"]
    indicators = gettext(
        "{total} ({impact} impact, {result} result; {survey} from the residents' survey); "
        "values missing in {year}: {missing}",
        locale,
    ).format(
        total=format_count(ind["total"], "indicator", locale=locale),
        impact=format_number(ind["impact"], decimals=0, locale=locale),
        result=format_number(ind["result"], decimals=0, locale=locale),
        survey=format_number(ind["survey"], decimals=0, locale=locale),
        year=year,
        missing=format_number(ind["missing_values"], decimals=0, locale=locale),
    )
    lines += ["", _fill(indicators, width), _fill(_catalogue_line(strategy, locale), width), ""]
    lines += _cost_table(strategy, year, locale, slug, width)
    return "\n".join(lines)


def _catalogue_line(strategy: Strategy, locale: LocaleLike) -> str:
    count = format_count(len(strategy.projects), "project", locale=locale)
    if _currency(strategy) is None:
        currencies = ", ".join(project_currencies(strategy))
        message = gettext(
            "{count} in the catalogue; costs in several currencies ({currencies}): no total",
            locale,
        )
        return message.format(count=count, currencies=currencies)
    cost = format_money(catalogue_total(strategy), locale=locale)
    message = gettext(
        "{count} in the catalogue, total cost {cost} (each project counted once)", locale
    )
    return message.format(count=count, cost=cost)


def _heading_line(strategy: Strategy, locale: LocaleLike) -> str:
    territory = strategy.territory
    parts = [territory.name + (f" (TERYT {territory.teryt})" if territory.teryt else "")]
    if strategy.adopted_on is not None:
        date = format_date(strategy.adopted_on, style="long", locale=locale)
        adopted = gettext("adopted {date} by resolution {resolution} ({body})", locale)
        parts.append(
            adopted.format(date=date, resolution=strategy.resolution, body=strategy.adopted_by)
        )
    period = gettext("period {start}–{end}", locale)
    parts.append(period.format(start=strategy.period_start, end=strategy.period_end))
    return " · ".join(parts)


def _cost_table(
    strategy: Strategy, year: int, locale: LocaleLike, slug: str, width: int | None
) -> list[str]:
    declared = _declared(strategy, year)
    if nothing_to_show(strategy, year, declared):
        return [_fill(nothing_to_show_sentence(year, locale), width)]
    comparisons = _comparisons(strategy, year)
    costs = _cost_rows(strategy, year)
    shown = 8 if declared is not None else 4  # no column of figures the report does not declare
    rows = [_cost_cells(row, locale)[:shown] for row in _goal_rows(strategy, costs)]
    total = _total_row(costs)
    footer = [[pgettext("summary", "Total", locale), *_cost_cells(total, locale)[1:shown]]]
    columns = _columns(locale)[:shown]
    table = render_table(columns, rows, align="lrrrrrrl"[:shown], footer=footer, width=width)
    title = gettext("Projects completed in {year} by strategic goal", locale).format(year=year)
    note = gettext(
        "Computed from the project tables (each project once); "
        "'report': figures the report declares.",
        locale,
    )
    if declared is None:
        note = gettext(
            "Computed from the project tables (each project once); the report on {year} "
            "declares no figures to compare them with.",
            locale,
        ).format(year=year)
    lines = [_fill(title, width), "", table, "", _fill(note, width)]
    mismatches = sum(1 for c in comparisons if c.agrees is False)
    if mismatches and slug:
        message = gettext("Discrepancies with the report: {count} (details: {command})", locale)
        lines.append(
            _fill(message.format(count=mismatches, command=f"citystrategy check {slug}"), width)
        )
    elif mismatches:
        message = gettext("Discrepancies with the report: {count}", locale)
        lines.append(_fill(message.format(count=mismatches), width))
    return lines


def _cost_cells(row: Mapping[str, Any], locale: LocaleLike) -> list[str]:
    """One line of the cost table: a goal (or the total) computed and as the report declares it."""
    cost = row["cost_computed"]
    share = row["share_computed"]
    return [
        f"{row['goal']}. {row['name']}",
        str(row["projects_computed"]),
        "–" if cost is None else format_money(Money(cost, row["currency"]), locale=locale),
        "–" if share is None else format_percent(share, locale=locale),
        _declared_cell(row, "projects", locale),
        _declared_cell(row, "cost", locale),
        _declared_cell(row, "share", locale),  # the report prints no total share: "–"
        _agrees(_agreement(row), locale),
    ]


def _declared_cell(row: Mapping[str, Any], figure: str, locale: LocaleLike) -> str:
    value = row[f"{figure}_declared"]
    if _missing(value):
        return "–"
    if figure == "cost" and row["declared_currency"] is not None:
        return format_money(Money(value, row["declared_currency"]), locale=locale)
    if figure == "share":
        return format_percent(value, decimals=None, locale=locale)
    return str(value)
