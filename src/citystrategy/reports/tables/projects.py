"""Sections 1, 2 and 4–7 of the annual report as data: the introduction, the projects completed
and their cost, the spending per strategic goal, and the report's texts.

Each ``*_table`` function takes any :class:`~citystrategy.model.Strategy` and a year and returns
a DataFrame whose columns are this module's constants, typed: money is an exact ``Decimal`` with
its currency in a column beside it, counts are integers (``Int64`` where one can be missing),
lists are tuples, dates are ``datetime.date``; a missing value is ``None`` (``<NA>``) with its
reason in the column named after it with the suffix ``_missing`` (the reasons of the JSON data:
``not_stated``, ``several_currencies``, ``whole_strategy`` …). ``frame.attrs["settings"]`` says
what the table was computed with (the year, the strategy's code, its currency …).

The ``*_section`` functions compose these tables into :class:`~citystrategy.reports.document.Section`
objects, with every word in the report's language (Polish by default, English with
``locale="en_GB"``), for the writers to render.

>>> from citystrategy.cities import kielce
>>> strategy = kielce.load()
>>> table = completed_projects_table(strategy, 2023)
>>> len(table), sum(table["cost"])
(10, Decimal('119738036.31'))
>>> costs = goal_costs_table(strategy, 2023)
>>> print(costs[["goal", "cost_computed", "cost_declared", "cost_agree"]].to_string(index=False))
goal cost_computed cost_declared  cost_agree
   1   33992885.47     514239.53       False
   2          0.00          0.00        True
   3    8371150.00    7777279.37       False
   4   77374000.84   77374000.84        True
None  119738036.31   85665519.74       False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import pandas as pd

from citystrategy._arguments import instance, integer
from citystrategy._i18n import N_, gettext, pgettext
from citystrategy.costs import (
    catalogue_total,
    completed_projects,
    completed_total,
    project_currencies,
)
from citystrategy.errors import ParseError, YearError
from citystrategy.formatting import (
    LocaleLike,
    format_date,
    format_money,
    format_number,
    get_locale,
)
from citystrategy.io.parse import Amount, parse_value
from citystrategy.model import AnnualReport, DeclaredSummary, Project, Strategy
from citystrategy.money import Money
from citystrategy.reports._goal_costs import (
    _UNKNOWN_GOAL,
    FIGURES,
    _currency,
    _put,
    goal_cost_rows,
    nothing_to_show,
    nothing_to_show_sentence,
)
from citystrategy.reports._json import Why
from citystrategy.reports.document import (
    Block,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Heading,
    Paragraph,
    Section,
    Table,
    Tone,
)

__all__ = [
    "ADOPTED_DOCUMENTS_COLUMNS",
    "COMPLETED_PROJECTS_COLUMNS",
    "GOAL_COSTS_COLUMNS",
    "GOAL_COSTS_FIGURES",
    "GOAL_COSTS_STATUSES",
    "GOAL_SPENDING_COLUMNS",
    "INTRODUCTION_COLUMNS",
    "INTRODUCTION_ITEMS",
    "REPORT_TEXTS_COLUMNS",
    "adopted_documents_table",
    "completed_projects_table",
    "goal_costs_table",
    "goal_spending_table",
    "introduction_section",
    "introduction_table",
    "projects_section",
    "report_texts_table",
    "texts_sections",
]

#: Columns of :func:`introduction_table`: the item, the kind of its value, the value, why it is
#: missing.
INTRODUCTION_COLUMNS: Final = ("item", "kind", "value", "value_missing")

#: The items of :func:`introduction_table`, in order, with the kind of their values.
INTRODUCTION_ITEMS: Final = {
    "title": ColumnKind.TEXT,
    "adopted_by": ColumnKind.TEXT,
    "resolution": ColumnKind.TEXT,
    "adopted_on": ColumnKind.DATE,
    "period_start": ColumnKind.YEAR,
    "period_end": ColumnKind.YEAR,
    "monitoring_ordinance": ColumnKind.TEXT,
    "monitoring_ordinance_date": ColumnKind.DATE,
    "monitoring_amended_by": ColumnKind.TEXT,
    "monitoring_amended_on": ColumnKind.DATE,
    "annual_report_due": ColumnKind.TEXT,
    "ongoing_evaluation_years": ColumnKind.LIST,
    "ex_post_evaluation_year": ColumnKind.YEAR,
    "report_year": ColumnKind.YEAR,
    "report_period_start": ColumnKind.DATE,
    "report_period_end": ColumnKind.DATE,
    "report_drawn_up_on": ColumnKind.DATE,
    "report_attachments": ColumnKind.LIST,
    "report_source": ColumnKind.TEXT,
}

#: Columns of :func:`completed_projects_table`.
COMPLETED_PROJECTS_COLUMNS: Final = (
    "number",
    "project",
    "name",
    "description",
    "description_missing",
    "strategic_goals",
    "operational_goals",
    "implementer",
    "implementer_missing",
    "implementer_kind",
    "implementer_kind_missing",
    "cost",
    "currency",
    "cost_missing",
    "reported_cost",
    "reported_currency",
    "reported_cost_missing",
)

#: The figures :func:`goal_costs_table` puts side by side, computed and declared.
GOAL_COSTS_FIGURES: Final = FIGURES

#: The parts of each figure of :func:`goal_costs_table`: ``<figure>_<part>``.
_FIGURE_PARTS: Final = (
    "computed",
    "computed_missing",
    "declared",
    "declared_missing",
    "difference",
    "agree",
)

#: Columns of :func:`goal_costs_table`.
GOAL_COSTS_COLUMNS: Final = (
    "goal",
    "goal_missing",
    "name",
    "declared_label",
    *(f"{figure}_{part}" for figure in GOAL_COSTS_FIGURES for part in _FIGURE_PARTS),
    "currency",
    "declared_currency",
    "project_codes",
    "status",
)

#: The codes of :func:`goal_costs_table`'s ``status``: every figure checked agrees, some figure
#: differs, none differs but some could not be checked, none could be checked.
GOAL_COSTS_STATUSES: Final = ("agrees", "differs", "partly_checked", "not_checked")

#: Columns of :func:`goal_spending_table`.
GOAL_SPENDING_COLUMNS: Final = (
    "goal",
    "goal_missing",
    "name",
    "projects",
    "shared",
    "without_cost",
    "cost",
    "currency",
    "cost_missing",
    "share",
    "share_missing",
    "project_codes",
)

#: Columns of :func:`report_texts_table`.
REPORT_TEXTS_COLUMNS: Final = ("section", "title", "text")

#: The text fields of :func:`adopted_documents_table`, each with its ``*_missing`` reason.
_DOCUMENT_TEXTS: Final = (
    "adopted_by",
    "resolution",
    "adopted_on",
    "status",
    "summary",
    "eu_allocation",
    "eu_allocation_city",
)

#: Columns of :func:`adopted_documents_table`.
ADOPTED_DOCUMENTS_COLUMNS: Final = (
    "document",
    "title",
    *(f"{field}{suffix}" for field in _DOCUMENT_TEXTS for suffix in ("", "_missing")),
    "territories",
    "goals",
    "actions",
    "integrated_projects",
    "city_projects",
)

#: Why a row of :func:`goal_spending_table` has no goal: its projects serve no strategic goal.
_NO_GOAL: Final = "no_goal"

#: The report's outline of its text sections: number, title, sheet name.
_TEXT_SECTIONS: Final = {
    4: (N_("4. Problems and risks"), N_("4. Problems and risks")),
    5: (N_("5. Actions of the strategy team"), N_("5. Actions of the team")),
    6: (N_("6. Conclusions and recommendations"), N_("6. Conclusions")),
    7: (N_("7. Further actions"), N_("7. Further actions")),
}

#: The labels of the introduction's items.
_ITEM_LABELS: Final = {
    "title": N_("Title of the strategy"),
    "adopted_by": N_("Adopting body"),
    "resolution": N_("Adopting resolution"),
    "adopted_on": N_("Date of the resolution"),
    "period_start": N_("First year of the strategy"),
    "period_end": N_("Last year of the strategy"),
    "monitoring_ordinance": N_("Ordinance on monitoring"),
    "monitoring_ordinance_date": N_("Date of the ordinance"),
    "monitoring_amended_by": N_("Amended by"),
    "monitoring_amended_on": N_("Date of the amendment"),
    "annual_report_due": N_("Annual report due by"),
    "ongoing_evaluation_years": N_("Years of the on-going evaluation"),
    "ex_post_evaluation_year": N_("Year of the ex-post evaluation"),
    "report_year": N_("Year reported on"),
    "report_period_start": N_("First day of the period reported on"),
    "report_period_end": N_("Last day of the period reported on"),
    "report_drawn_up_on": N_("Date the report was drawn up"),
    "report_attachments": N_("Attachments to the report"),
    "report_source": N_("Report cited as"),
}

#: Words for the reasons a value is missing, as the sections show them.
_REASONS: Final = {
    Why.NOT_STATED.value: N_("not stated in the data"),
    Why.SEVERAL_CURRENCIES.value: N_("costs in several currencies"),
    Why.WHOLE_STRATEGY.value: N_("all strategic goals"),
    _UNKNOWN_GOAL: N_("a goal the strategy does not have"),
    _NO_GOAL: N_("no strategic goal"),
}

#: The words and tones of the ``status`` codes.
_STATUS_LABELS: Final = {
    "agrees": N_("figures agree"),
    "differs": N_("figures differ"),
    "partly_checked": N_("partly checked"),
    "not_checked": N_("could not be checked"),
}
_STATUS_TONES: Final = {
    "agrees": Tone.GOOD,
    "differs": Tone.BAD,
    "partly_checked": Tone.FAIR,
    "not_checked": Tone.NEUTRAL,
}


# --- helpers -----------------------------------------------------------------------------------


def _strategy(strategy: object) -> Strategy:
    return instance(strategy, "strategy", Strategy, "a Strategy")


def _report(strategy: Strategy, year: object) -> AnnualReport:
    """The annual report on *year*; a :class:`YearError` naming the years there are reports on."""
    checked = integer(year, "year")
    for report in strategy.reports:
        if report.year == checked:
            return report
    years = [r.year for r in strategy.reports]
    raise YearError("year", checked, years, N_("years with annual reports"))


def _settings(strategy: Strategy, year: int | None, **more: Any) -> dict[str, Any]:
    return {
        "year": year,
        "strategy": strategy.code,
        "currency": _currency(strategy),
        "currencies": project_currencies(strategy),
        **more,
    }


def _frame(
    rows: list[dict[str, Any]], columns: Iterable[str], settings: dict[str, Any]
) -> pd.DataFrame:
    names = list(columns)
    data = {name: pd.Series([row[name] for row in rows], dtype=object) for name in names}
    frame = pd.DataFrame(data, columns=names)  # object columns keep None as None, not NaN
    frame.attrs["settings"] = settings
    return frame


# --- 1. introduction ---------------------------------------------------------------------------


def introduction_table(strategy: Strategy, year: int) -> pd.DataFrame:
    """The report's metadata and the strategy's monitoring rules, one typed item per row.

    Args:
        strategy: The strategy.
        year: The year the annual report is on.

    Returns:
        Columns :data:`INTRODUCTION_COLUMNS`, one row per key of :data:`INTRODUCTION_ITEMS`, in
        its order: ``value`` is a ``str``, a ``datetime.date``, an ``int`` or a tuple, as
        ``kind`` says; a value the strategy does not state is ``None`` with ``not_stated`` in
        ``value_missing`` (an empty list of attachments or years is an empty tuple).

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no annual report on *year* (a ``KeyError`` too), naming
            the years it has reports on.

    >>> from citystrategy.cities import kielce
    >>> table = introduction_table(kielce.load(), 2023).set_index("item")
    >>> table.loc["monitoring_amended_on", "value"], table.loc["ongoing_evaluation_years", "value"]
    (datetime.date(2023, 10, 23), (2024, 2026, 2028))
    """
    _strategy(strategy)
    report = _report(strategy, year)
    rules = strategy.monitoring
    values: dict[str, object] = {
        "title": strategy.title,
        "adopted_by": strategy.adopted_by,
        "resolution": strategy.resolution,
        "adopted_on": strategy.adopted_on,
        "period_start": strategy.period_start,
        "period_end": strategy.period_end,
        "monitoring_ordinance": None if rules is None else rules.ordinance,
        "monitoring_ordinance_date": None if rules is None else rules.ordinance_date,
        "monitoring_amended_by": None if rules is None else rules.amended_by,
        "monitoring_amended_on": None if rules is None else rules.amended_on,
        "annual_report_due": None if rules is None else rules.annual_report_due,
        "ongoing_evaluation_years": () if rules is None else rules.ongoing_evaluation_years,
        "ex_post_evaluation_year": None if rules is None else rules.ex_post_evaluation_year,
        "report_year": report.year,
        "report_period_start": report.period_start,
        "report_period_end": report.period_end,
        "report_drawn_up_on": report.drawn_up_on or dt.date.today(),  # being drawn up: today
        "report_attachments": report.attachments,
        "report_source": report.source,
    }
    rows = []
    for item, kind in INTRODUCTION_ITEMS.items():
        value = values[item]
        record: dict[str, Any] = {"item": item, "kind": kind.value}
        _put(record, "value", None if value == "" else value, Why.NOT_STATED.value)
        rows.append(record)
    return _frame(rows, INTRODUCTION_COLUMNS, _settings(strategy, report.year))


# --- 2. projects completed ---------------------------------------------------------------------


def completed_projects_table(strategy: Strategy, year: int) -> pd.DataFrame:
    """The projects completed in *year*, with the work done, their goals, implementer and cost.

    Args:
        strategy: The strategy.
        year: The year of completion.

    Returns:
        Columns :data:`COMPLETED_PROJECTS_COLUMNS`, one row per project in catalogue order:
        ``number`` (1, 2 …), ``project`` (its code), ``name``, ``description`` (the work done),
        ``strategic_goals`` and ``operational_goals`` (tuples of codes), ``implementer`` and
        ``implementer_kind`` (``internal``, ``external``), ``cost`` (exact ``Decimal``, the
        catalogue's cost) and its ``currency`` (each project's own, so projects in several
        currencies keep theirs), ``reported_cost`` and ``reported_currency`` (the cost of the work
        done as the year's list gives it, :attr:`~citystrategy.model.Project.reported_cost`).
        What the data do not state is ``None`` with ``not_stated`` in its ``*_missing`` column.
        A year with no completed project gives no rows.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If *year* is outside the strategy's period.
    """
    _strategy(strategy)
    projects = completed_projects(strategy, year)
    rows = []
    for number, project in enumerate(projects, start=1):
        record: dict[str, Any] = {"number": number, "project": project.code, "name": project.name}
        _put(record, "description", project.description or None, Why.NOT_STATED.value)
        record["strategic_goals"] = project.strategic_goals
        record["operational_goals"] = project.operational_goals
        implementer = project.implementer
        name = None if implementer is None else implementer.name
        kind = None if implementer is None or implementer.kind is None else implementer.kind.value
        _put(record, "implementer", name, Why.NOT_STATED.value)
        _put(record, "implementer_kind", kind, Why.NOT_STATED.value)
        cost = project.cost
        record["cost"] = None if cost is None else cost.amount
        record["currency"] = None if cost is None else cost.currency
        record["cost_missing"] = Why.NOT_STATED.value if cost is None else None
        reported = project.reported_cost
        record["reported_cost"] = None if reported is None else reported.amount
        record["reported_currency"] = None if reported is None else reported.currency
        record["reported_cost_missing"] = Why.NOT_STATED.value if reported is None else None
        rows.append(record)
    frame = _frame(rows, COMPLETED_PROJECTS_COLUMNS, _settings(strategy, int(year)))
    frame["number"] = frame["number"].astype("int64")
    return frame


# --- 2. the per-goal summary, computed and declared --------------------------------------------


def goal_costs_table(strategy: Strategy, year: int) -> pd.DataFrame:
    """The projects completed in *year* per strategic goal, computed and declared side by side.

    The computed figures are those of :func:`citystrategy.costs.completed_by_goal` (a project
    counts under each strategic goal it serves, its cost once per goal); the declared ones are
    the report's summary table; the differences and agreement flags are
    :func:`citystrategy.costs.compare_declared`'s (a share is compared at the precision the report
    prints it with, so ``share_difference`` is that of the rounded share).

    Args:
        strategy: The strategy.
        year: The year the annual report is on.

    Returns:
        Columns :data:`GOAL_COSTS_COLUMNS`: a row per strategic goal in strategy order, then a
        row per goal the report declares that the strategy does not have (``name`` ``None``,
        ``unknown_goal`` in the computed figures' reasons), then the total row (``goal`` ``None``,
        ``whole_strategy`` in ``goal_missing``). For each figure of :data:`GOAL_COSTS_FIGURES`:
        ``<figure>_computed`` and ``<figure>_declared`` (counts ``Int64``, cost an exact
        ``Decimal`` in ``currency`` and ``declared_currency``, share a ``Decimal`` percent), each
        with its ``*_missing`` reason, ``<figure>_difference`` (computed minus declared) and
        ``<figure>_agree`` (``boolean``, ``<NA>`` when it cannot be checked). ``status`` is one
        of :data:`GOAL_COSTS_STATUSES`. A report that declares no figures leaves the declared
        columns ``None`` (``not_stated``); the report prints no total share.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no annual report on *year*, or *year* is outside its
            period.
    """
    _strategy(strategy)
    report = _report(strategy, year)
    return _goal_costs(strategy, report.year, report.declared)


def _goal_costs(strategy: Strategy, year: int, declared: DeclaredSummary | None) -> pd.DataFrame:
    """:func:`goal_costs_table` of the figures *declared* (``None``: none) about *year*.

    Its rows come from :func:`~citystrategy.reports._goal_costs.goal_cost_rows`, which the
    summary reads without pandas.
    """
    rows = goal_cost_rows(strategy, year, declared)
    settings = _settings(strategy, year, declared=declared is not None)
    frame = _frame(rows, GOAL_COSTS_COLUMNS, settings)
    for figure in ("projects", "implementers"):
        for part in ("computed", "declared", "difference"):
            column = f"{figure}_{part}"
            frame[column] = pd.array(
                [None if v is None else int(v) for v in frame[column]], dtype="Int64"
            )
    for figure in GOAL_COSTS_FIGURES:
        column = f"{figure}_agree"
        frame[column] = pd.array(list(frame[column]), dtype="boolean")
    return frame


# --- 2. spending per strategic goal (the report's pie charts) ----------------------------------


def _states_amount(cell: str) -> bool:
    """Whether a goal table's cost cell states an amount (not ``jw.``, a reference or blank)."""
    if not cell.strip():
        return False
    try:
        return isinstance(parse_value(cell, field="cost"), Amount)
    except ParseError:
        return False


def _spending_goal(project: Project) -> str | None:
    """The strategic goal the report's charts count *project*'s cost under.

    The goal of the first goal table that states the project's cost as an amount (the other
    tables say ``jw.`` or "Koszt realizacji projektu podany w Celu nr N"); failing that, the
    first strategic goal it serves; ``None`` when it serves none.
    """
    for link in project.links:
        if _states_amount(link.cost_cell):
            return link.strategic_goal
    goals = project.strategic_goals
    return goals[0] if goals else None


def goal_spending_table(strategy: Strategy, year: int | None = None) -> pd.DataFrame:
    """The spending per strategic goal that the report's pie charts show.

    "Wykres 1. Nakłady poświęcone na dany cel strategiczny w latach 2022–2030" is drawn over the
    whole project catalogue (*year* ``None``) and "Wykres 2. … w roku 2023" over the projects
    completed in the year. The report states each project's cost once, in the goal table of one
    strategic goal; a project that serves several goals is listed in the others' tables with
    ``jw.`` or "Koszt realizacji projektu podany w Celu nr N". The charts count each project's
    cost once, under that goal, so that the slices add up to the total (each project counted
    once) to the grosz. The rule: a project's cost goes to the strategic goal of its first goal
    link whose cost cell states an amount; a project whose links state none (a strategy built
    without goal tables) goes to the first strategic goal it serves. Unlike
    :func:`goal_costs_table`, whose per-goal costs count a shared project under every goal it
    serves, nothing here is counted twice.

    Args:
        strategy: The strategy.
        year: The year of completion; ``None`` for the whole catalogue.

    Returns:
        Columns :data:`GOAL_SPENDING_COLUMNS`, one row per strategic goal in strategy order (then
        one row with ``goal`` ``None``, ``no_goal`` in ``goal_missing``, if some projects serve
        no strategic goal): ``projects`` counted under it, ``shared`` (of which serve another
        strategic goal too), ``without_cost`` (of which state no cost), ``cost`` (exact
        ``Decimal``) in ``currency``, ``share`` of the total in percent (exact ``Decimal``, ``0``
        when the total is zero) and ``project_codes``. When the project costs are in several
        currencies, ``cost`` and ``share`` are ``None`` (``several_currencies``).
        ``frame.attrs["total"]`` is the total (a ``Decimal``, ``None`` in several currencies),
        which the costs add up to.

    Raises:
        ArgumentTypeError: If *year* is neither an int nor ``None``.
        YearError: If *year* is outside the strategy's period.

    >>> from citystrategy.cities import kielce
    >>> table = goal_spending_table(kielce.load())
    >>> list(table["cost"]), table.attrs["total"]
    ([Decimal('44284112.65'), Decimal('47021738.48'), Decimal('243152535.87'), Decimal('390794195.21')], Decimal('725252582.21'))
    """
    _strategy(strategy)
    if year is None:
        projects = strategy.projects
        scope = "catalogue"
    else:
        projects = completed_projects(strategy, year)
        scope = "completed"
    currency = _currency(strategy)
    total: Money | None = None
    if currency is not None:
        total = catalogue_total(strategy) if year is None else completed_total(strategy, year)
    goals: list[tuple[str | None, str | None]] = [
        (g.code, g.name) for g in strategy.strategic_goals
    ]
    attributed = {code: [p for p in projects if _spending_goal(p) == code] for code, _ in goals}
    known = {code for code, _ in goals}
    stray = [p for p in projects if _spending_goal(p) not in known]
    if stray:
        goals.append((None, None))
        attributed[None] = stray
    rows = []
    for code, name in goals:
        mine = attributed[code]
        record: dict[str, Any] = {
            "goal": code,
            "goal_missing": None if code is not None else _NO_GOAL,
            "name": name,
            "projects": len(mine),
            "shared": sum(1 for p in mine if len(p.strategic_goals) > 1),
            "without_cost": sum(1 for p in mine if p.cost is None),
        }
        cost = None
        share = None
        if currency is not None and total is not None:
            cost = Money.sum((p.cost for p in mine if p.cost is not None), currency=currency)
            zero = total.amount == 0 or cost.amount == 0
            share = Decimal(0) if zero else cost.ratio(total) * 100
        record["cost"] = None if cost is None else cost.amount
        record["currency"] = currency
        record["cost_missing"] = Why.SEVERAL_CURRENCIES.value if cost is None else None
        _put(record, "share", share, Why.SEVERAL_CURRENCIES.value)
        record["project_codes"] = tuple(p.code for p in mine)
        rows.append(record)
    settings = _settings(
        strategy, None if year is None else int(year), scope=scope, attribution="stated_goal"
    )
    frame = _frame(rows, GOAL_SPENDING_COLUMNS, settings)
    for column in ("projects", "shared", "without_cost"):
        frame[column] = frame[column].astype("int64")
    frame.attrs["total"] = None if total is None else total.amount
    return frame


# --- 4–7. the report's texts -------------------------------------------------------------------


def report_texts_table(strategy: Strategy, year: int) -> pd.DataFrame:
    """The text parts of the annual report on *year* (problems, risks, the team's actions …).

    Returns:
        Columns :data:`REPORT_TEXTS_COLUMNS`: the ``section`` number (``int``: 4–7 in the
        standard outline), the part's ``title`` and its ``text``, verbatim, in the report's order.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no annual report on *year* (a ``KeyError`` too).

    >>> from citystrategy.cities import kielce
    >>> list(report_texts_table(kielce.load(), 2023)["section"])
    [4, 4, 5, 5, 5, 6, 6, 7]
    """
    _strategy(strategy)
    report = _report(strategy, year)
    rows = [{"section": s.section, "title": s.title, "text": s.text} for s in report.sections]
    frame = _frame(rows, REPORT_TEXTS_COLUMNS, _settings(strategy, report.year))
    frame["section"] = frame["section"].astype("int64")
    return frame


def adopted_documents_table(strategy: Strategy, year: int) -> pd.DataFrame:
    """The other strategic documents the annual report on *year* lists (a mobility plan …).

    Section 2 of the report ends with "Inne projekty przyjęte do realizacji w okresie
    sprawozdawczym": for Kielce 2023 the SUMP KOF mobility plan and the KOF supra-local strategy.

    A document belongs to the report on the year it was adopted in: one adopted before the
    report's period, or after it, is left out (a date the data give); one without a date is
    listed by the strategy's first report only (strategy.toml's, whose data state it and whose
    status text it carries), not by the reports on later years.

    Returns:
        Columns :data:`ADOPTED_DOCUMENTS_COLUMNS`, one row per document of the strategy in its
        order: ``document`` (its code), ``title``, the texts ``adopted_by``, ``resolution``,
        ``status``, ``summary``, ``eu_allocation`` and ``eu_allocation_city`` (as printed) and
        ``adopted_on`` (a ``datetime.date``), each ``None`` with ``not_stated`` in its
        ``*_missing`` column where the source gives none; tuples of texts: ``territories``,
        ``goals`` (``"1. name"``), ``actions`` (``"1.1 name"``), ``integrated_projects`` and
        ``city_projects``.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no annual report on *year* (a ``KeyError`` too).
    """
    _strategy(strategy)
    report = _report(strategy, year)
    rows = []
    first = strategy.reports[0].year
    for document in strategy.other_documents:
        if document.adopted_on is None and report.year != first:
            continue  # its status is the first report's: a later one says nothing of it
        if document.adopted_on is not None and not (
            report.period_start <= document.adopted_on <= report.period_end
        ):
            continue  # adopted in another period: the report on its own year lists it
        record: dict[str, Any] = {"document": document.code, "title": document.title}
        for field in _DOCUMENT_TEXTS:
            value = getattr(document, field)
            _put(record, field, None if value == "" else value, Why.NOT_STATED.value)
        record["territories"] = document.territories
        record["goals"] = tuple(f"{goal.code}. {goal.name}" for goal in document.goals)
        record["actions"] = tuple(
            f"{code} {name}" for goal in document.goals for code, name in goal.actions
        )
        record["integrated_projects"] = tuple(
            f"{code}. {name}" for code, name in document.integrated_projects
        )
        record["city_projects"] = document.city_projects
        rows.append(record)
    return _frame(rows, ADOPTED_DOCUMENTS_COLUMNS, _settings(strategy, report.year))


# --- sections ----------------------------------------------------------------------------------


def _words(frame: pd.DataFrame, column: str, words: Mapping[str, str], locale: LocaleLike) -> None:
    """Replace the codes of *column* by their words in *locale* (``None`` stays ``None``)."""
    frame[column] = [
        None if code is None or code is pd.NA else gettext(words.get(code, code), locale)
        for code in frame[column]
    ]


def _shown(value: object, locale: LocaleLike) -> str | None:
    """An introduction item's value as text in *locale*."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return format_date(value, style="long", locale=locale)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _day_and_month(text: str, locale: LocaleLike) -> str:
    """A day of every year as a Polish act writes it (``30 czerwca``, the month in the
    genitive), in *locale* (``30 June``); any other text as it is."""
    import re

    from babel.dates import format_skeleton, get_month_names

    match = re.fullmatch(r"(\d{1,2})\s+(\w+)", text.strip())
    if match is None:
        return text
    months = get_month_names("wide", "format", "pl")  # the genitive: "czerwca"
    month = next((n for n, name in months.items() if name == match.group(2).casefold()), None)
    if month is None:
        return text
    try:
        day = dt.date(2000, month, int(match.group(1)))  # a leap year: "29 lutego" too
    except ValueError:
        return text
    return str(format_skeleton("MMMMd", day, locale=get_locale(locale)))


def _money_column(key: str, title: str, currency: str | None, *, reason_key: str = "") -> Column:
    """A cost column: money in *currency*, or amounts each in its row's ``currency``."""
    if currency is None:
        return Column(
            key, title, ColumnKind.MEASURE, unit_key="currency", decimals=2, reason_key=reason_key
        )
    return Column(key, title, ColumnKind.MONEY, currency=currency, reason_key=reason_key)


def introduction_section(strategy: Strategy, year: int, *, locale: LocaleLike = "pl_PL") -> Section:
    """Section 1 of the annual report: its metadata and the monitoring rules, then its text.

    Args:
        strategy: The strategy.
        year: The year the annual report is on.
        locale: The report's language (``"pl_PL"``; ``"en_GB"`` for English).

    Raises:
        YearError: If the strategy has no annual report on *year*.
        ArgumentError: If *locale* is not a locale babel knows.
    """
    get_locale(locale)
    table = introduction_table(strategy, year)
    shown = table.copy()
    shown["label"] = [gettext(_ITEM_LABELS[item], locale) for item in table["item"]]
    shown["shown"] = [
        _day_and_month(str(value), locale) if item == "annual_report_due" and value else _shown(value, locale)
        for item, value in zip(table["item"], table["value"], strict=True)
    ]  # fmt: skip
    _words(shown, "value_missing", _REASONS, locale)
    title = gettext("1. Introduction", locale)
    blocks: list[Block] = [
        Heading(title),
        Table(
            shown,
            (
                Column("label", pgettext("report column", "Item", locale)),
                Column(
                    "shown",
                    pgettext("report column", "Value", locale),
                    reason_key="value_missing",
                ),
            ),
            title=gettext("The report and the monitoring rules", locale),
            name="introduction",
        ),
    ]
    introduction = _report(strategy, year).introduction
    if introduction:
        blocks.append(Paragraph(introduction))
    return Section(title, tuple(blocks), sheet=gettext("1. Introduction", locale))


def _completed_block(strategy: Strategy, year: int, locale: LocaleLike) -> Table:
    table = completed_projects_table(strategy, year)
    shown = table.copy()
    for column in ("description_missing", "implementer_missing", "cost_missing"):
        _words(shown, column, _REASONS, locale)
    _words(shown, "reported_cost_missing", _REASONS, locale)
    columns = [
        Column("number", pgettext("report column", "No.", locale), ColumnKind.INTEGER),
        Column("name", pgettext("report column", "Project", locale)),
        Column(
            "description",
            pgettext("report column", "Work done", locale),
            reason_key="description_missing",
        ),
        Column(
            "strategic_goals", pgettext("report column", "Strategic goals", locale), ColumnKind.LIST
        ),
        Column(
            "operational_goals",
            pgettext("report column", "Operational goals", locale),
            ColumnKind.LIST,
        ),
        Column(
            "implementer",
            pgettext("report column", "Implementer", locale),
            reason_key="implementer_missing",
        ),
        _money_column(
            "cost",
            pgettext("report column", "Cost", locale),
            _currency(strategy),
            reason_key="cost_missing",
        ),
    ]
    if table["reported_cost"].notna().any():  # beside the catalogue's cost, when a list gives one
        currencies = set(table["reported_currency"].dropna())
        currency = _currency(strategy)
        title = pgettext("report column", "Cost incurred", locale)
        key = "reported_cost_missing"
        columns.append(
            _money_column("reported_cost", title, currency, reason_key=key)
            if currencies <= {currency}
            else Column(
                "reported_cost",
                title,
                ColumnKind.MEASURE,
                unit_key="reported_currency",
                decimals=2,
                reason_key=key,
            )
        )
        note = gettext(
            "Cost: the project's cost as the strategy's project tables state it. Cost incurred: "
            "the cost of the work done in {year}, as the unit responsible reports it.",
            locale,
        ).format(year=year)
        return Table(shown, tuple(columns), note=note, name="completed_projects")
    return Table(shown, tuple(columns), name="completed_projects")  # under its section's heading


def _agree_column(key: str, title: str, locale: LocaleLike) -> Column:
    return Column(
        key,
        title,
        ColumnKind.BOOLEAN,
        labels={
            True: pgettext("agreement", "yes", locale),
            False: pgettext("agreement", "NO", locale),
        },
        tones={True: Tone.GOOD, False: Tone.BAD},
    )


def _goal_label(goal: object, name: object, locale: LocaleLike) -> str:
    if goal is None:
        return pgettext("report row", "Total", locale)
    if name is None:
        return str(goal)
    return f"{goal}. {name}"


def _costs_block(strategy: Strategy, year: int, locale: LocaleLike) -> tuple[Table, int]:
    table = goal_costs_table(strategy, year)
    shown = table.copy()
    shown["goal_label"] = [
        _goal_label(goal, name, locale)
        for goal, name in zip(table["goal"], table["name"], strict=True)
    ]
    for figure in GOAL_COSTS_FIGURES:
        for part in ("computed_missing", "declared_missing"):
            _words(shown, f"{figure}_{part}", _REASONS, locale)
    currency = _currency(strategy)
    declared_currency = next((c for c in table["declared_currency"] if c is not None), None)

    columns = (
        Column("goal_label", pgettext("report column", "Strategic goal", locale)),
        Column(
            "projects_computed",
            pgettext("report column", "Projects", locale),
            ColumnKind.INTEGER,
            reason_key="projects_computed_missing",
        ),
        Column(
            "projects_declared",
            pgettext("report column", "Projects (report)", locale),
            ColumnKind.INTEGER,
            reason_key="projects_declared_missing",
        ),
        _agree_column(
            "projects_agree", pgettext("report column", "Projects agree", locale), locale
        ),
        Column(
            "implementers_computed",
            pgettext("report column", "Implementers", locale),
            ColumnKind.INTEGER,
            reason_key="implementers_computed_missing",
        ),
        Column(
            "implementers_declared",
            pgettext("report column", "Implementers (report)", locale),
            ColumnKind.INTEGER,
            reason_key="implementers_declared_missing",
        ),
        _agree_column(
            "implementers_agree", pgettext("report column", "Implementers agree", locale), locale
        ),
        _money_column(
            "cost_computed",
            pgettext("report column", "Cost", locale),
            currency,
            reason_key="cost_computed_missing",
        ),
        _money_column(
            "cost_declared",
            pgettext("report column", "Cost (report)", locale),
            declared_currency or currency,
            reason_key="cost_declared_missing",
        ),
        _money_column(
            "cost_difference",
            pgettext("report column", "Difference", locale),
            declared_currency or currency,
        ),
        _agree_column("cost_agree", pgettext("report column", "Costs agree", locale), locale),
        Column(
            "share_computed",
            pgettext("report column", "Share", locale),
            ColumnKind.PERCENT,
            decimals=1,
            reason_key="share_computed_missing",
        ),
        Column(
            "share_declared",
            pgettext("report column", "Share (report)", locale),
            ColumnKind.PERCENT,
            decimals=1,
            reason_key="share_declared_missing",
        ),
        _agree_column("share_agree", pgettext("report column", "Shares agree", locale), locale),
        Column(
            "status",
            pgettext("report column", "Check", locale),
            ColumnKind.STATUS,
            labels={code: gettext(word, locale) for code, word in _STATUS_LABELS.items()},
            tones=_STATUS_TONES,
        ),
    )
    caption = gettext(
        "Projects completed in {year} by strategic goal: computed and declared", locale
    ).format(year=year)
    note = gettext(
        "Computed from the project tables: a project counts under each strategic goal it "
        "serves, and once in the total. '(report)': the figures the report declares. A share "
        "is compared at the precision the report prints it with.",
        locale,
    )
    differing = sum(
        int(table[f"{figure}_agree"].eq(False).fillna(False).sum()) for figure in GOAL_COSTS_FIGURES
    )
    return Table(shown, columns, title=caption, note=note, name="goal_costs"), differing


def _pie(strategy: Strategy, year: int | None, title: str, locale: LocaleLike) -> Chart | None:
    table = goal_spending_table(strategy, year)
    if table.attrs["total"] is None:
        return None
    shown = table.copy()
    shown["goal_label"] = [
        gettext(_REASONS[_NO_GOAL], locale) if goal is None else f"{goal}. {name}"
        for goal, name in zip(table["goal"], table["name"], strict=True)
    ]
    currency = _currency(strategy)
    columns = (
        Column("goal_label", pgettext("report column", "Strategic goal", locale)),
        _money_column("cost", pgettext("report column", "Spending", locale), currency),
        Column("share", pgettext("report column", "Share", locale), ColumnKind.PERCENT, decimals=1),
    )
    name = "spending_catalogue" if year is None else "spending_completed"
    data = Table(shown, columns, title=title, name=name)
    return Chart(ChartKind.PIE, title, data, "goal_label", ("cost",))


def _header(strategy: Strategy, year: int, locale: LocaleLike) -> str:
    currency = _currency(strategy)
    if currency is None:
        listed = ", ".join(project_currencies(strategy))
        computed = gettext("no total: costs in several currencies ({currencies})", locale).format(
            currencies=listed
        )
    else:
        computed = format_money(completed_total(strategy, year), locale=locale)
    declared = _report(strategy, year).declared
    if nothing_to_show(strategy, year, declared):
        return nothing_to_show_sentence(year, locale)
    if declared is None:
        count = len(completed_projects(strategy, year))
        message = gettext(
            "Projects completed in {year}: {count}. Their total cost, computed from the project "
            "tables (each project counted once): {computed}. The report declares no figures on "
            "them.",
            locale,
        )
        return message.format(
            year=year, count=format_number(count, decimals=0, locale=locale), computed=computed
        )
    message = gettext(
        "Projects completed: {count}. Bodies involved in carrying them out: {implementers} "
        "({internal} internal, {external} external). Total cost of the projects completed in "
        "{year}: {declared} as the report states; {computed} computed from the project tables "
        "(each project counted once).",
        locale,
    )

    def number(value: int) -> str:
        return format_number(value, decimals=0, locale=locale)

    return message.format(
        count=number(declared.projects_completed),
        implementers=number(declared.implementers),
        internal=number(declared.internal_implementers),
        external=number(declared.external_implementers),
        year=year,
        declared=format_money(declared.total_cost, locale=locale),
        computed=computed,
    )


def _documents_blocks(strategy: Strategy, year: int, locale: LocaleLike) -> list[Block]:
    """The other documents adopted in the period: a table, then what each is about."""
    table = adopted_documents_table(strategy, year)
    if table.empty:
        return []
    shown = table.copy()
    for field in _DOCUMENT_TEXTS:
        _words(shown, f"{field}_missing", _REASONS, locale)

    def text(key: str, title: str) -> Column:
        return Column(key, title, reason_key=f"{key}_missing")

    columns = (
        Column("title", pgettext("report column", "Document", locale)),
        text("adopted_by", pgettext("report column", "Adopted by", locale)),
        text("resolution", pgettext("report column", "Resolution", locale)),
        Column(
            "adopted_on",
            pgettext("report column", "Date", locale),
            ColumnKind.DATE,
            reason_key="adopted_on_missing",
        ),
        Column("goals", pgettext("report column", "Goals", locale), ColumnKind.LIST),
        Column(
            "integrated_projects",
            pgettext("report column", "Integrated projects", locale),
            ColumnKind.LIST,
        ),
        text("eu_allocation", pgettext("report column", "EU allocation", locale)),
        text("eu_allocation_city", pgettext("report column", "Of which the city's", locale)),
    )
    heading = gettext("Other projects adopted for implementation in the period reported on", locale)
    blocks: list[Block] = [
        Heading(heading, 2),
        Table(shown, columns, name="adopted_documents"),
    ]
    for title, status, summary in zip(
        table["title"], table["status"], table["summary"], strict=True
    ):
        texts = [part for part in (status, summary) if part is not None]
        if texts:
            blocks.append(Heading(title, 3))
            blocks += [Paragraph(part) for part in texts]
    return blocks


def projects_section(strategy: Strategy, year: int, *, locale: LocaleLike = "pl_PL") -> Section:
    """Section 2 of the annual report: the projects completed in *year* and their cost.

    The section's header figures (as the report declares them, beside the computed total), the
    list of completed projects (:func:`completed_projects_table`), the per-goal summary computed
    and declared side by side with each discrepancy marked (:func:`goal_costs_table`) and the two
    pie charts of the spending per strategic goal (:func:`goal_spending_table`), over the whole
    catalogue and over the year's completed projects (with costs in several currencies there is
    no total to share out, and no pie), then the other documents adopted in the period
    (:func:`adopted_documents_table`).

    Args:
        strategy: The strategy.
        year: The year the annual report is on.
        locale: The report's language (``"pl_PL"``; ``"en_GB"`` for English).

    Raises:
        YearError: If the strategy has no annual report on *year*.
        ArgumentError: If *locale* is not a locale babel knows.
    """
    get_locale(locale)
    _strategy(strategy)
    report = _report(strategy, year)
    year = report.year
    title = gettext("2. Projects carried out and their cost", locale)
    blocks: list[Block] = [Heading(title), Paragraph(_header(strategy, year, locale))]
    none = nothing_to_show(strategy, year, report.declared)
    if not none:
        costs, differing = _costs_block(strategy, year, locale)
        blocks += [
            Heading(gettext("Projects completed in {year}", locale).format(year=year), 2),
            _completed_block(strategy, year, locale),
            Heading(gettext("Projects completed by strategic goal", locale), 2),
            costs,
        ]
    if report.declared is not None:
        text = gettext("Figures that disagree with the report: {count}.", locale)
        blocks.append(
            Paragraph(text.format(count=format_number(differing, decimals=0, locale=locale)))
        )
    catalogue = gettext("Chart 1. Spending per strategic goal in {start}–{end}", locale).format(
        start=strategy.period_start, end=strategy.period_end
    )
    completed = gettext("Chart 2. Spending per strategic goal in {year}", locale).format(year=year)
    pies = [_pie(strategy, None, catalogue, locale)]
    if not none:
        pies.append(_pie(strategy, year, completed, locale))
    charts = [pie for pie in pies if pie is not None]
    if charts:
        blocks.append(Heading(gettext("Spending per strategic goal", locale), 2))
        blocks += charts
        blocks.append(
            Paragraph(
                gettext(
                    "Each project's cost counts once, under the strategic goal whose table "
                    "states it; the other tables that list the project refer to that one.",
                    locale,
                )
            )
        )
    else:
        listed = ", ".join(project_currencies(strategy))
        text = gettext(
            "The project costs are in several currencies ({currencies}): there is no total to "
            "chart.",
            locale,
        )
        blocks.append(Paragraph(text.format(currencies=listed)))
    blocks += _documents_blocks(strategy, year, locale)
    return Section(title, tuple(blocks), sheet=gettext("2. Projects and costs", locale))


def texts_sections(
    strategy: Strategy, year: int, *, locale: LocaleLike = "pl_PL"
) -> tuple[Section, ...]:
    """Sections 4–7 of the annual report: its texts, verbatim, under the outline's titles.

    One section for each of 4 (problems and risks), 5 (the strategy team's actions), 6
    (conclusions and recommendations) and 7 (further actions), each part of the report's text
    under its own title (:func:`report_texts_table`); a section the report gives no text for
    says so. Parts numbered otherwise follow, in a section of their own number.

    Args:
        strategy: The strategy.
        year: The year the annual report is on.
        locale: The report's language (``"pl_PL"``; ``"en_GB"`` for English).

    Raises:
        YearError: If the strategy has no annual report on *year*.
        ArgumentError: If *locale* is not a locale babel knows.
    """
    get_locale(locale)
    table = report_texts_table(strategy, year)
    numbers = list(_TEXT_SECTIONS) + sorted(
        {int(n) for n in table["section"]} - set(_TEXT_SECTIONS)
    )
    sections = []
    for number in numbers:
        parts = table[table["section"] == number]
        if number in _TEXT_SECTIONS:
            heading, sheet = (gettext(text, locale) for text in _TEXT_SECTIONS[number])
        else:
            heading = f"{number}. {parts['title'].iloc[0]}"
            sheet = heading[:31].rstrip()
            for bad in "[]:*?/\\":
                sheet = sheet.replace(bad, " ")
        blocks: list[Block] = [Heading(heading)]
        for part_title, text in zip(parts["title"], parts["text"], strict=True):
            blocks += [Heading(part_title, 2), Paragraph(text)]
        if parts.empty:
            blocks.append(Paragraph(gettext("The report gives no text for this section.", locale)))
        sections.append(Section(heading, tuple(blocks), sheet=sheet))
    return tuple(sections)
