"""Cost accounting of a strategy's projects, exact to the last digit stated.

A project linked to several goals is one project: the catalogue total counts it once, while a
per-goal table counts it under each goal it serves (so per-goal costs may add up to more than
the catalogue total; :func:`goal_costs` says so in its ``shared`` column).

Every total is in the currency of the strategy's project costs (:func:`strategy_currency`),
including a total of nothing, such as a goal with no completed project. Costs in several
currencies have no total: a function that returns one total raises
:class:`~citystrategy.errors.CurrencyMismatchError`, a per-goal table leaves its costs and shares
unknown (``None``), and :func:`citystrategy.check` reports a ``mixed_currencies`` finding.

>>> from citystrategy.cities import kielce
>>> strategy = kielce.load()
>>> catalogue_total(strategy)
Money(amount=Decimal('725252582.21'), currency='PLN')
>>> completed_total(strategy, 2023)
Money(amount=Decimal('119738036.31'), currency='PLN')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from attrs import frozen

from citystrategy._arguments import instance, integer, year_within
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, CurrencyMismatchError, YearError
from citystrategy.model import DeclaredSummary, Project, Strategy
from citystrategy.money import DEFAULT_CURRENCY, Money

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SUMMARY_COLUMNS",
    "Comparison",
    "Figure",
    "GoalCompletion",
    "catalogue_total",
    "compare_declared",
    "completed_by_goal",
    "completed_projects",
    "completed_summary",
    "completed_total",
    "declared_summary",
    "discrepancies",
    "goal_costs",
    "project_currencies",
    "strategy_currency",
]

#: Columns of :func:`completed_summary`.
SUMMARY_COLUMNS: Final = (
    "goal",
    "name",
    "projects",
    "implementers",
    "cost",
    "currency",
    "share",
    "project_codes",
)


def _strategy(strategy: object) -> None:
    """A public function's *strategy*, checked: a Strategy, else an ArgumentTypeError."""
    instance(strategy, "strategy", Strategy, "a Strategy")


def project_currencies(strategy: Strategy) -> tuple[str, ...]:
    """The currencies of the stated project costs, sorted (more than one: no total exists).

    >>> from citystrategy.cities import kielce
    >>> project_currencies(kielce.load())
    ('PLN',)
    """
    _strategy(strategy)
    return tuple(sorted({p.cost.currency for p in strategy.projects if p.cost is not None}))


def strategy_currency(strategy: Strategy) -> str:
    """The currency of the strategy's totals, derived from its data.

    The rule: the currency of its project costs; when no project states a cost, the currency of
    the total cost declared by its first report that declares figures; when the strategy states
    no amount at all, :data:`~citystrategy.money.DEFAULT_CURRENCY` (every total is then zero).

    Raises:
        CurrencyMismatchError: If the project costs are in several currencies.

    >>> from citystrategy.cities import kielce
    >>> strategy_currency(kielce.load())
    'PLN'
    """
    _strategy(strategy)
    currencies = project_currencies(strategy)
    if len(currencies) > 1:
        raise CurrencyMismatchError(currencies[0], currencies[1])
    if currencies:
        return currencies[0]
    for report in strategy.reports:
        if report.declared is not None:
            return report.declared.total_cost.currency
    return DEFAULT_CURRENCY


def _single_currency(strategy: Strategy) -> str | None:
    """:func:`strategy_currency`, or ``None`` when the project costs are in several currencies."""
    return None if len(project_currencies(strategy)) > 1 else strategy_currency(strategy)


def _total(projects: Iterable[Project], currency: str) -> Money:
    return Money.sum((p.cost for p in projects if p.cost is not None), currency=currency)


def catalogue_total(strategy: Strategy) -> Money:
    """The cost of every project of the strategy, each counted once, in its currency.

    Projects whose cost is not stated are left out (``check`` reports them).

    Raises:
        CurrencyMismatchError: If the project costs are in several currencies.
    """
    _strategy(strategy)
    return _total(strategy.projects, strategy_currency(strategy))


def _period_year(strategy: Strategy, year: object) -> int:
    """*year* checked: an int within the strategy's period."""
    period = range(strategy.period_start, strategy.period_end + 1)
    return year_within(year, "year", period, "years of the strategy's period")


def declared_summary(strategy: Strategy, year: int) -> DeclaredSummary:
    """The figures the annual report on *year* declares about the projects completed in it.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If no report on *year* declares figures (a ``ValueError`` and a
            ``KeyError``), naming the years whose reports do.

    >>> from citystrategy.cities import kielce
    >>> declared_summary(kielce.load(), 2023).projects_completed
    10
    """
    _strategy(strategy)
    checked = integer(year, "year")
    years = [r.year for r in strategy.reports if r.declared is not None]
    for report in strategy.reports:
        if report.year == checked and report.declared is not None:
            return report.declared
    raise YearError("year", checked, years, N_("years whose annual report declares figures"))


def completed_projects(strategy: Strategy, year: int) -> tuple[Project, ...]:
    """Projects completed in *year*, in catalogue order.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If *year* is outside the strategy's period.
    """
    _strategy(strategy)
    checked = _period_year(strategy, year)
    return tuple(p for p in strategy.projects if p.completed_in == checked)


def completed_total(strategy: Strategy, year: int) -> Money:
    """The cost of the projects completed in *year*, each counted once, in the strategy's currency.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If *year* is outside the strategy's period.
        CurrencyMismatchError: If the project costs of the strategy are in several currencies.
    """
    _strategy(strategy)
    return _total(completed_projects(strategy, year), strategy_currency(strategy))


def goal_costs(strategy: Strategy, *, level: str = "strategic") -> pd.DataFrame:
    """Projects and their cost per goal.

    Args:
        strategy: The strategy.
        level: ``"strategic"`` or ``"operational"``.

    Returns:
        One row per goal, in strategy order, with columns ``goal``, ``name``, ``projects`` (count),
        ``cost`` (exact ``Decimal``), ``currency`` (of ``cost``; see :func:`strategy_currency`),
        ``shared`` (how many of its projects also serve another goal of the same level) and
        ``project_codes``. A goal without projects costs zero. When the project costs are in
        several currencies, ``cost`` and ``currency`` are ``None``.

    Raises:
        ArgumentError: If *level* is neither (a ``ValueError``).
    """
    import pandas as pd  # here: the checks and texts of costs need no pandas

    _strategy(strategy)
    if level == "strategic":
        goals = [(g.code, g.name) for g in strategy.strategic_goals]

        def codes(project: Project) -> tuple[str, ...]:
            return project.strategic_goals
    elif level == "operational":
        goals = [(g.code, g.name) for g in strategy.operational_goals]

        def codes(project: Project) -> tuple[str, ...]:
            return project.operational_goals
    else:
        raise ArgumentError("level", level, "'strategic' or 'operational'")
    currency = _single_currency(strategy)
    rows = []
    for code, name in goals:
        linked = [p for p in strategy.projects if code in codes(p)]
        rows.append(
            {
                "goal": code,
                "name": name,
                "projects": len(linked),
                "cost": None if currency is None else _total(linked, currency).amount,
                "currency": currency,
                "shared": sum(1 for p in linked if len(codes(p)) > 1),
                "project_codes": tuple(p.code for p in linked),
            }
        )
    return pd.DataFrame(
        rows, columns=["goal", "name", "projects", "cost", "currency", "shared", "project_codes"]
    )


def _implementers(projects: Iterable[Project]) -> int | None:
    """Distinct implementers, or ``None`` when any project's implementer is unknown."""
    names = [None if p.implementer is None else p.implementer.name for p in projects]
    if None in names:
        return None
    return len(set(names))


@frozen(kw_only=True)
class GoalCompletion:
    """Projects completed in a year under one strategic goal, computed from the project data.

    Attributes:
        goal: Code of the strategic goal.
        name: Its name.
        projects: The completed projects linked to it, in catalogue order.
        implementers: Number of distinct implementers; ``None`` when some are not known.
        cost: Their cost, each project once, exact, in the strategy's currency (zero when
            none was completed); ``None`` when the project costs are in several currencies.
        share: ``cost`` as a percentage of the year's total (each project once), exact and
            unrounded; ``0`` when the total is zero; ``None`` when ``cost`` is.
    """

    goal: str
    name: str
    projects: tuple[Project, ...]
    implementers: int | None
    cost: Money | None
    share: Decimal | None


def completed_by_goal(strategy: Strategy, year: int) -> tuple[GoalCompletion, ...]:
    """Projects completed in *year* per strategic goal, in strategy order.

    A project serving two strategic goals counts under both. Costs are in the strategy's
    currency; when its project costs are in several currencies, costs and shares are ``None``.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If *year* is outside the strategy's period.
    """
    _strategy(strategy)
    completed = completed_projects(strategy, year)
    currency = _single_currency(strategy)
    total = None if currency is None else _total(completed, currency)
    rows = []
    for goal in strategy.strategic_goals:
        linked = tuple(p for p in completed if goal.code in p.strategic_goals)
        cost = None if currency is None else _total(linked, currency)
        share = None
        if cost is not None and total is not None:
            zero = total.amount == 0 or cost.amount == 0  # a plain 0, not 0E+2
            share = Decimal(0) if zero else cost.ratio(total) * 100
        rows.append(
            GoalCompletion(
                goal=goal.code,
                name=goal.name,
                projects=linked,
                implementers=_implementers(linked),
                cost=cost,
                share=share,
            )
        )
    return tuple(rows)


def completed_summary(strategy: Strategy, year: int) -> pd.DataFrame:
    """:func:`completed_by_goal` as a frame, one row per strategic goal.

    Returns:
        Columns ``goal``, ``name``, ``projects`` (count), ``implementers`` (``Int64``, ``<NA>``
        when some are unknown), ``cost`` (exact ``Decimal``), ``currency`` (of ``cost``),
        ``share`` (exact ``Decimal`` percent, unrounded) and ``project_codes``; ``cost``,
        ``currency`` and ``share`` are ``None`` when the project costs are in several currencies.

    >>> from citystrategy.cities import kielce
    >>> table = completed_summary(kielce.load(), 2023)
    >>> print(table[["goal", "projects", "cost", "currency"]].to_string(index=False))
    goal  projects        cost currency
       1         6 33992885.47      PLN
       2         1        0.00      PLN
       3         1  8371150.00      PLN
       4         2 77374000.84      PLN
    """
    import pandas as pd  # here: the checks and texts of costs need no pandas

    _strategy(strategy)
    rows = [
        {
            "goal": row.goal,
            "name": row.name,
            "projects": len(row.projects),
            "implementers": row.implementers,
            "cost": None if row.cost is None else row.cost.amount,
            "currency": None if row.cost is None else row.cost.currency,
            "share": row.share,
            "project_codes": tuple(p.code for p in row.projects),
        }
        for row in completed_by_goal(strategy, year)
    ]
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    frame["implementers"] = frame["implementers"].astype("Int64")
    return frame


class Figure(StrEnum):
    """Which declared figure a comparison is about."""

    PROJECTS = "projects"
    IMPLEMENTERS = "implementers"
    COST = "cost"
    SHARE = "share"


@frozen(kw_only=True)
class Comparison:
    """A figure a report declares, beside the same figure computed from the project data.

    Attributes:
        goal: Code of the strategic goal, or ``None`` for the report's overall figures.
        figure: Which figure.
        declared: The declared value (a count, an amount in ``currency`` or a percentage).
        computed: The computed value, rounded as the declared one is printed; ``None`` when it
            cannot be computed (e.g. implementers that the data do not name, or a cost when the
            project costs are in another currency than the declared one, or in several).
        agrees: Whether the two are equal; ``None`` when it cannot be checked.
        currency: For a cost, the currency of ``declared`` (and of ``computed``, which is only
            computed in the same currency); ``None`` for counts and shares.
    """

    goal: str | None
    figure: Figure
    declared: Decimal
    computed: Decimal | None
    agrees: bool | None
    currency: str | None = None

    @property
    def difference(self) -> Decimal | None:
        """``computed - declared``, when computed."""
        return None if self.computed is None else self.computed - self.declared


def _compare(
    goal: str | None, figure: Figure, declared: Decimal, computed: Decimal | None
) -> Comparison:
    if computed is not None and figure is Figure.SHARE:
        exponent = declared.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        computed = computed.quantize(places, rounding=ROUND_HALF_UP)
    agrees = None if computed is None else computed == declared
    return Comparison(goal=goal, figure=figure, declared=declared, computed=computed, agrees=agrees)


def _compare_cost(goal: str | None, declared: Money, computed: Money | None) -> Comparison:
    """A declared cost against the computed one, compared only in the same currency."""
    amount = None
    if computed is not None and computed.currency == declared.currency:
        amount = computed.amount
    agrees = None if amount is None else amount == declared.amount
    return Comparison(
        goal=goal,
        figure=Figure.COST,
        declared=declared.amount,
        computed=amount,
        agrees=agrees,
        currency=declared.currency,
    )


def compare_declared(strategy: Strategy, year: int) -> tuple[Comparison, ...]:
    """Compare every figure the report on *year* declares with the computed one.

    Overall figures first (``goal`` is ``None``), then the per-goal table in report order.
    Shares are compared at the precision they are printed with (``9,1%`` against the computed
    share rounded half-up to one decimal). A declared cost is compared only with a cost computed
    in its own currency; otherwise (or when the project costs are in several currencies) it
    cannot be checked (``agrees`` is ``None``).

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no report on *year*, or the report declares no figures
            (a ``KeyError`` and a ``ValueError``), naming the years whose reports do.
    """
    _strategy(strategy)
    declared = declared_summary(strategy, year)
    computed = {row.goal: row for row in completed_by_goal(strategy, year)}
    completed = completed_projects(strategy, year)
    currency = _single_currency(strategy)
    total = None if currency is None else _total(completed, currency)
    comparisons = [
        _compare(
            None, Figure.PROJECTS, Decimal(declared.projects_completed), Decimal(len(completed))
        ),
        _compare(
            None,
            Figure.IMPLEMENTERS,
            Decimal(declared.implementers),
            _optional(_implementers(completed)),
        ),
        _compare_cost(None, declared.total_cost, total),
    ]
    for row in declared.goals:
        mine = computed.get(row.goal_code)  # None: a declared goal the strategy does not have
        comparisons += [
            _compare(
                row.goal_code,
                Figure.PROJECTS,
                Decimal(row.projects),
                None if mine is None else Decimal(len(mine.projects)),
            ),
            _compare(
                row.goal_code,
                Figure.IMPLEMENTERS,
                Decimal(row.implementers),
                None if mine is None else _optional(mine.implementers),
            ),
            _compare_cost(row.goal_code, row.cost, None if mine is None else mine.cost),
            _compare(row.goal_code, Figure.SHARE, row.share, None if mine is None else mine.share),
        ]
    return tuple(comparisons)


def _optional(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def discrepancies(strategy: Strategy, year: int) -> tuple[Comparison, ...]:
    """The declared figures of the report on *year* that disagree with the computed ones.

    >>> from citystrategy.cities import kielce
    >>> [
    ...     (c.goal, c.figure.value, str(c.declared), str(c.computed))
    ...     for c in discrepancies(kielce.load(), 2023)
    ...     if c.figure == "cost"
    ... ]
    [(None, 'cost', '85665519.74', '119738036.31'), ('1', 'cost', '514239.53', '33992885.47'), ('3', 'cost', '7777279.37', '8371150.00')]
    """
    _strategy(strategy)
    return tuple(c for c in compare_declared(strategy, year) if c.agrees is False)
