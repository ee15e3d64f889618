"""A development strategy: goals, action directions, indicators, projects and annual reports."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from attrs import field, frozen

from citystrategy._arguments import integer
from citystrategy._i18n import N_
from citystrategy.errors import Message, ModelError, UnknownCodeError
from citystrategy.model._links import ProgramLink
from citystrategy.model._validators import (
    entity,
    int_tuple,
    matches,
    non_blank,
    pairs,
    str_tuple,
)
from citystrategy.model.indicator import Indicator, Observation
from citystrategy.model.project import Project
from citystrategy.model.territory import Territory
from citystrategy.money import Money

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ActionDirection",
    "AdoptedDocument",
    "AnnualReport",
    "DeclaredGoalFigures",
    "DeclaredSummary",
    "DocumentGoal",
    "MonitoringRules",
    "OperationalGoal",
    "ReportSection",
    "StrategicGoal",
    "Strategy",
]


def _start_after_end(start: dt.date | int, end: dt.date | int) -> Message:
    """'period_start' after 'period_end', written as dates or years."""
    template = N_("'period_start' {start} is after 'period_end' {end}")
    values = {"start": str(start), "end": str(end)}
    return Message(template, values)


@frozen(kw_only=True)
class ActionDirection:
    """A direction of action (kierunek działań) under an operational goal.

    Attributes:
        code: Stable identifier, e.g. ``"1.1-01"``.
        name: The direction, verbatim.
        goal_code: Code of its operational goal.
    """

    code: str = field(validator=non_blank)
    name: str = field(validator=non_blank)
    goal_code: str = field(validator=non_blank)


def _directions(values: Iterable[ActionDirection]) -> tuple[ActionDirection, ...]:
    return tuple(values)


@frozen(kw_only=True)
class OperationalGoal:
    """An operational goal (cel operacyjny), e.g. ``1.1 Miasto równych szans``.

    Attributes:
        code: ``"<strategic>.<n>"``, e.g. ``"1.1"``.
        name: Official name, verbatim.
        description: What the goal means, from the strategy.
        action_directions: Its directions of action.
    """

    code: str = field(validator=matches(r"[0-9]+\.[0-9]+", "1.2"))
    name: str = field(validator=non_blank)
    description: str = ""
    action_directions: tuple[ActionDirection, ...] = field(factory=tuple, converter=_directions)

    @property
    def strategic_code(self) -> str:
        """Code of the strategic goal it belongs to."""
        return self.code.split(".", 1)[0]


def _operational(values: Iterable[OperationalGoal]) -> tuple[OperationalGoal, ...]:
    return tuple(values)


@frozen(kw_only=True)
class StrategicGoal:
    """A strategic goal (cel strategiczny) with its operational goals.

    Attributes:
        code: ``"1"`` … ``"4"``.
        name: Official name, verbatim.
        description: What the goal means, from the strategy.
        challenges: The challenges it answers (rodzaje wyzwań).
        operational_goals: Its operational goals, in order.
    """

    code: str = field(validator=matches(r"[0-9]+", "1"))
    name: str = field(validator=non_blank)
    description: str = ""
    challenges: str = ""
    operational_goals: tuple[OperationalGoal, ...] = field(factory=tuple, converter=_operational)

    def __attrs_post_init__(self) -> None:
        for goal in self.operational_goals:
            if goal.strategic_code != self.code:
                template = N_("the operational goal {code!r} does not belong to it")
                raise ModelError(entity(self), Message(template, {"code": goal.code}))


@frozen(kw_only=True)
class MonitoringRules:
    """How the strategy is monitored and evaluated.

    Attributes:
        ordinance: The act that sets the rules, verbatim.
        ordinance_date: Its date.
        amended_by: The act that amended it, if any.
        amended_on: The amendment's date.
        annual_report_due: When the annual report is due each year, as the act says it.
        ongoing_evaluation_years: Years of on-going evaluation.
        ex_post_evaluation_year: Year of the ex-post evaluation.
    """

    ordinance: str
    ordinance_date: dt.date
    amended_by: str = ""
    amended_on: dt.date | None = None
    annual_report_due: str = ""
    ongoing_evaluation_years: tuple[int, ...] = field(factory=tuple, converter=int_tuple)
    ex_post_evaluation_year: int | None = None


@frozen(kw_only=True)
class DeclaredGoalFigures:
    """One row of a report's summary table per strategic goal, as declared (not computed).

    Attributes:
        goal_code: The strategic goal.
        label: The row label as printed.
        projects: Number of completed projects declared.
        implementers: Number of implementers declared.
        cost: Cost declared.
        share: Share of the total cost declared, in percent (``Decimal("0.6")`` for 0,6%).
    """

    goal_code: str
    label: str
    projects: int
    implementers: int
    cost: Money
    share: Decimal


def _goal_figures(values: Iterable[DeclaredGoalFigures]) -> tuple[DeclaredGoalFigures, ...]:
    return tuple(values)


@frozen(kw_only=True)
class DeclaredSummary:
    """The figures an annual report declares about the projects completed in its year.

    Attributes:
        projects_completed: Number of projects completed.
        implementers: Number of bodies involved.
        internal_implementers: Of which internal.
        external_implementers: Of which external.
        total_cost: Total cost of the completed projects.
        total_cost_label: The text printed beside the total.
        goals: The per-goal summary table.
    """

    projects_completed: int
    implementers: int
    internal_implementers: int
    external_implementers: int
    total_cost: Money
    total_cost_label: str = ""
    goals: tuple[DeclaredGoalFigures, ...] = field(factory=tuple, converter=_goal_figures)


@frozen(kw_only=True)
class ReportSection:
    """A text part of an annual report (problems, risks, recommendations …).

    Attributes:
        section: Number of the report section (4–7 in the standard outline).
        title: Heading, verbatim.
        text: Body, verbatim, plain text.
    """

    section: int
    title: str
    text: str


def _sections(values: Iterable[ReportSection]) -> tuple[ReportSection, ...]:
    return tuple(values)


@frozen(kw_only=True)
class AnnualReport:
    """An annual implementation report (roczny raport z realizacji strategii).

    Attributes:
        year: The year reported on.
        drawn_up_on: Date of the report; ``None`` while it is being drawn up (a report on a
            year whose data has just been collected).
        period_start: First day of the period covered.
        period_end: Last day of the period covered.
        declared: The summary figures the report declares.
        sections: Its text sections.
        attachments: Names of its attachments.
        introduction: Its introductory text.
        source: How the report is cited (title and date); the source of the values it gives.
    """

    year: int
    period_start: dt.date
    period_end: dt.date
    drawn_up_on: dt.date | None = None
    declared: DeclaredSummary | None = None
    sections: tuple[ReportSection, ...] = field(factory=tuple, converter=_sections)
    attachments: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    introduction: str = ""
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if self.period_start > self.period_end:
            raise ModelError(entity(self), _start_after_end(self.period_start, self.period_end))


@frozen(kw_only=True)
class DocumentGoal:
    """A goal of another adopted document, with its numbered actions.

    Attributes:
        code: Its number.
        name: Its name, verbatim.
        actions: ``(code, name)`` pairs of its actions.
        note: A remark printed with it.
    """

    code: str
    name: str
    actions: tuple[tuple[str, str], ...] = field(factory=tuple, converter=pairs)
    note: str = ""


def _doc_goals(values: Iterable[DocumentGoal]) -> tuple[DocumentGoal, ...]:
    return tuple(values)


@frozen(kw_only=True)
class AdoptedDocument:
    """Another strategic document adopted in the period (a mobility plan, a supra-local strategy).

    Attributes:
        code: Stable identifier, e.g. ``"SUMP-KOF"``.
        title: Title, verbatim.
        adopted_by: The body that adopted it (or gave its opinion).
        resolution: Resolution number.
        adopted_on: Date of the resolution.
        status: Text on its adoption status, where not simply adopted.
        territories: Names of the territories it covers.
        summary: What it is about, verbatim.
        goals: Its goals.
        integrated_projects: ``(code, name)`` pairs of its integrated projects.
        city_projects: The city's own projects under it.
        eu_allocation: EU allocation as printed (e.g. ``"ca 120 mln PLN"``).
        eu_allocation_city: The city's part of it, as printed.
    """

    code: str = field(validator=non_blank)
    title: str = field(validator=non_blank)
    adopted_by: str = ""
    resolution: str = ""
    adopted_on: dt.date | None = None
    status: str = ""
    territories: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    summary: str = ""
    goals: tuple[DocumentGoal, ...] = field(factory=tuple, converter=_doc_goals)
    integrated_projects: tuple[tuple[str, str], ...] = field(factory=tuple, converter=pairs)
    city_projects: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    eu_allocation: str = ""
    eu_allocation_city: str = ""


def _strategic(values: Iterable[StrategicGoal]) -> tuple[StrategicGoal, ...]:
    return tuple(values)


def _indicators(values: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(values)


def _projects(values: Iterable[Project]) -> tuple[Project, ...]:
    return tuple(values)


def _observations(values: Iterable[Observation]) -> tuple[Observation, ...]:
    return tuple(values)


def _reports(values: Iterable[AnnualReport]) -> tuple[AnnualReport, ...]:
    """The reports in the order of their years (a strategy has one report a year)."""
    return tuple(sorted(values, key=lambda report: report.year))


def _documents(values: Iterable[AdoptedDocument]) -> tuple[AdoptedDocument, ...]:
    return tuple(values)


def _links(values: Iterable[ProgramLink]) -> tuple[ProgramLink, ...]:
    return tuple(values)


@frozen(kw_only=True)
class Strategy:
    """A city's development strategy (Strategia Rozwoju) with its monitoring data.

    The constructor checks only the structure of each part. Consistency across parts (unknown
    goal codes, duplicate codes, targets that contradict their direction, declared totals that
    disagree with the projects) is reported by :func:`citystrategy.check`, never raised.

    Attributes:
        code: Stable identifier, e.g. ``"kielce-2030"``.
        title: Official title, verbatim.
        territory: The territory the strategy is for.
        period_start: First year of the strategy.
        period_end: Last year of the strategy.
        adopted_on: Date of the adopting resolution.
        adopted_by: The adopting body.
        resolution: Number of the adopting resolution.
        strategic_goals: The strategic goals with their operational goals.
        indicators: Every indicator, impact and result.
        projects: Every project, each once.
        observations: Every observed value (or missing value with its reason).
        monitoring: The monitoring rules.
        reports: Annual reports, with their declared figures and texts, in the order of their
            years (one a year).
        other_documents: Other documents adopted in the strategy's period.
        survey_responses_indicator: Code of the indicator giving the number of survey responses.
        program_links: Programmes (of a catalogue such as ZMP's) attached to the strategy's goals.
    """

    code: str = field(validator=non_blank)
    title: str = field(validator=non_blank)
    territory: Territory
    period_start: int
    period_end: int
    adopted_on: dt.date | None = None
    adopted_by: str = ""
    resolution: str = ""
    strategic_goals: tuple[StrategicGoal, ...] = field(factory=tuple, converter=_strategic)
    indicators: tuple[Indicator, ...] = field(factory=tuple, converter=_indicators)
    projects: tuple[Project, ...] = field(factory=tuple, converter=_projects)
    observations: tuple[Observation, ...] = field(factory=tuple, converter=_observations)
    monitoring: MonitoringRules | None = None
    reports: tuple[AnnualReport, ...] = field(factory=tuple, converter=_reports)
    other_documents: tuple[AdoptedDocument, ...] = field(factory=tuple, converter=_documents)
    survey_responses_indicator: str | None = None
    program_links: tuple[ProgramLink, ...] = field(factory=tuple, converter=_links)

    def __attrs_post_init__(self) -> None:
        if self.period_start > self.period_end:
            raise ModelError(entity(self), _start_after_end(self.period_start, self.period_end))
        years = [report.year for report in self.reports]
        for before, after in itertools.pairwise(years):
            if before == after:
                template = N_("two annual reports on {year}")
                raise ModelError(entity(self), Message(template, {"year": after}))

    @property
    def operational_goals(self) -> tuple[OperationalGoal, ...]:
        """Every operational goal, in order."""
        return tuple(op for goal in self.strategic_goals for op in goal.operational_goals)

    @property
    def action_directions(self) -> tuple[ActionDirection, ...]:
        """Every action direction, in order."""
        return tuple(d for op in self.operational_goals for d in op.action_directions)

    def goal(self, code: str) -> StrategicGoal | OperationalGoal:
        """Return the strategic or operational goal with *code*.

        Raises:
            UnknownCodeError: If there is none (a ``KeyError`` too), naming the goals there are.
        """
        for goal in self.strategic_goals:
            if goal.code == code:
                return goal
            for op in goal.operational_goals:
                if op.code == code:
                    return op
        known = [
            c
            for g in self.strategic_goals
            for c in (g.code, *(o.code for o in g.operational_goals))
        ]
        raise UnknownCodeError("goal", code, known)

    def indicator(self, code: str) -> Indicator:
        """Return the indicator with *code*.

        Raises:
            UnknownCodeError: If there is none (a ``KeyError`` too), naming the indicators there
                are.
        """
        return _find(self.indicators, code, "indicator")

    def project(self, code: str) -> Project:
        """Return the project with *code*.

        Raises:
            UnknownCodeError: If there is none (a ``KeyError`` too), naming the projects there are.
        """
        return _find(self.projects, code, "project")

    def report(self, year: int) -> AnnualReport:
        """Return the annual report on *year*.

        Raises:
            UnknownCodeError: If the strategy has no report on that year (a ``KeyError`` too),
                naming the years it has reports on.
        """
        for report in self.reports:
            if report.year == year:
                return report
        raise UnknownCodeError("annual report", year, [r.year for r in self.reports])

    def indicators_of(self, goal_code: str) -> tuple[Indicator, ...]:
        """Indicators measuring the goal *goal_code* directly (not its sub-goals).

        Raises:
            UnknownCodeError: If the strategy has no goal *goal_code* (a ``KeyError`` too).
        """
        self.goal(goal_code)
        return tuple(i for i in self.indicators if i.goal_code == goal_code)

    def observations_of(self, indicator_code: str) -> Iterator[Observation]:
        """Observations of one indicator, in stored order.

        Raises:
            UnknownCodeError: If the strategy has no indicator *indicator_code* (a ``KeyError``
                too).
        """
        self.indicator(indicator_code)
        return (o for o in self.observations if o.indicator == indicator_code)

    def observation(self, indicator_code: str, year: int) -> Observation | None:
        """The observation of one indicator in one year for the strategy's territory, if any.

        Raises:
            ArgumentTypeError: If *year* is not an int (``"2023"`` would never match).
        """
        year = integer(year, "year")
        for obs in self.observations:
            if (
                obs.indicator == indicator_code
                and obs.year == year
                and obs.territory == self.territory.id
            ):
                return obs
        return None

    def observations_frame(self) -> pd.DataFrame:
        """The observations as the long frame of :mod:`citystrategy.frames`.

        This is the one method of the model that returns a pandas object; pandas is imported
        only when it is called, so the model itself stays free of it.
        """
        from citystrategy.frames import observations_to_long

        return observations_to_long(self)


_Coded = TypeVar("_Coded", Indicator, Project)


def _find(items: tuple[_Coded, ...], code: str, kind: str) -> _Coded:
    for item in items:
        if item.code == code:
            return item
    raise UnknownCodeError(kind, code, [item.code for item in items])
