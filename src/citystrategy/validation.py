"""Validation of a strategy: a report of typed findings, never an exception for data problems.

>>> from citystrategy.cities import kielce
>>> report = check(kielce.load())
>>> sorted(f.code for f in report.of_kind(FindingKind.TARGET_CONTRADICTS_DIRECTION))[:3]
['KIE-1.1-02', 'KIE-1.1-04', 'KIE-1.1-05']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Final

from attrs import field, frozen

from citystrategy.costs import Figure, compare_declared
from citystrategy.errors import UnitError
from citystrategy.model import Direction, Indicator, Observation, Strategy, TargetKind
from citystrategy.units import check_unit

__all__ = ["Finding", "FindingKind", "Severity", "ValidationReport", "check"]


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"  #: the data are inconsistent: a code or link is broken
    WARNING = "warning"  #: the data are suspicious: a target or a declared figure is wrong
    INFO = "info"  #: worth knowing: a value is missing, a target is already met


class FindingKind(StrEnum):
    """What a finding is about."""

    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_GOAL = "unknown_goal"
    UNKNOWN_ACTION_DIRECTION = "unknown_action_direction"
    UNKNOWN_INDICATOR = "unknown_indicator"
    LEVEL_MISMATCH = "level_mismatch"
    UNIT_MISMATCH = "unit_mismatch"
    TARGET_KIND_CONTRADICTS_DIRECTION = "target_kind_contradicts_direction"
    TARGET_CONTRADICTS_DIRECTION = "target_contradicts_direction"
    TARGET_MET_AT_BASE = "target_met_at_base"
    BOUND_ALREADY_SATISFIED = "bound_already_satisfied"
    TARGET_ALREADY_MET = "target_already_met"
    MISSING_VALUE = "missing_value"
    COST_NOT_STATED = "cost_not_stated"
    DECLARED_FIGURE_MISMATCH = "declared_figure_mismatch"
    DECLARED_FIGURE_UNVERIFIABLE = "declared_figure_unverifiable"


#: Severity of each kind.
SEVERITIES: Final = {
    FindingKind.DUPLICATE_CODE: Severity.ERROR,
    FindingKind.UNKNOWN_GOAL: Severity.ERROR,
    FindingKind.UNKNOWN_ACTION_DIRECTION: Severity.ERROR,
    FindingKind.UNKNOWN_INDICATOR: Severity.ERROR,
    FindingKind.LEVEL_MISMATCH: Severity.ERROR,
    FindingKind.UNIT_MISMATCH: Severity.WARNING,
    FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION: Severity.WARNING,
    FindingKind.TARGET_CONTRADICTS_DIRECTION: Severity.WARNING,
    FindingKind.TARGET_MET_AT_BASE: Severity.WARNING,
    FindingKind.BOUND_ALREADY_SATISFIED: Severity.INFO,
    FindingKind.TARGET_ALREADY_MET: Severity.INFO,
    FindingKind.MISSING_VALUE: Severity.INFO,
    FindingKind.COST_NOT_STATED: Severity.WARNING,
    FindingKind.DECLARED_FIGURE_MISMATCH: Severity.WARNING,
    FindingKind.DECLARED_FIGURE_UNVERIFIABLE: Severity.INFO,
}

#: Polish name openings that say what unit an indicator should have.
_SHARE_NAME_RE: Final = re.compile(r"^(Odsetek|Udział|Stopa|Frekwencja)\b")
_COUNT_NAME_RE: Final = re.compile(r"^(Liczba|Ilość)\b")


@frozen(kw_only=True)
class Finding:
    """One finding about a strategy's data.

    Attributes:
        kind: What the finding is about.
        code: Code of the thing it is about (indicator, project, goal, or ``"total"``).
        message: What was found, in English, with the values.
        expected: What was expected, where that applies.
        found: What was found instead, where that applies.
    """

    kind: FindingKind
    code: str
    message: str
    expected: str = ""
    found: str = ""

    @property
    def severity(self) -> Severity:
        """How serious the finding is (from :data:`SEVERITIES`)."""
        return SEVERITIES[self.kind]


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(values)


@frozen(kw_only=True)
class ValidationReport:
    """Every finding of :func:`check`, in a stable order.

    Attributes:
        strategy: Code of the strategy checked.
        findings: The findings.
    """

    strategy: str
    findings: tuple[Finding, ...] = field(factory=tuple, converter=_findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """``True`` when there is no finding of severity error."""
        return all(f.severity is not Severity.ERROR for f in self.findings)

    def of_kind(self, kind: FindingKind | str) -> tuple[Finding, ...]:
        """The findings of one kind (a :class:`FindingKind` or its value).

        Raises:
            ValueError: If *kind* is not a finding kind.
        """
        wanted = FindingKind(kind)
        return tuple(f for f in self.findings if f.kind is wanted)

    def counts(self) -> dict[FindingKind, int]:
        """Number of findings per kind, in :class:`FindingKind` order."""
        counter = Counter(f.kind for f in self.findings)
        return {kind: counter[kind] for kind in FindingKind if counter[kind]}


def check(strategy: Strategy, *, year: int | None = None) -> ValidationReport:
    """Check *strategy* and return every finding; data problems never raise.

    Args:
        strategy: The strategy.
        year: Year whose report's declared figures are compared with the projects; ``None`` for
            every annual report the strategy has.

    Returns:
        The findings: duplicate codes, links to unknown goals, action directions or indicators,
        units that do not fit an indicator, targets that contradict their direction or are
        already met, missing values with their reason, projects without a cost, and declared
        figures that disagree with the computed ones.
    """
    findings: list[Finding] = []
    findings += _duplicates(strategy)
    findings += _links(strategy)
    for indicator in strategy.indicators:
        findings += _units(indicator)
        findings += _targets(strategy, indicator)
    findings += _missing(strategy.observations)
    findings += [
        Finding(
            kind=FindingKind.COST_NOT_STATED,
            code=p.code,
            message=f"no cost is stated for project {p.name!r}",
        )
        for p in strategy.projects
        if p.cost is None
    ]
    years = [r.year for r in strategy.reports if r.declared is not None] if year is None else [year]
    for report_year in years:
        findings += _declared(strategy, report_year)
    return ValidationReport(strategy=strategy.code, findings=findings)


def _duplicates(strategy: Strategy) -> list[Finding]:
    groups = {
        "strategic goal": [g.code for g in strategy.strategic_goals],
        "operational goal": [g.code for g in strategy.operational_goals],
        "action direction": [d.code for d in strategy.action_directions],
        "indicator": [i.code for i in strategy.indicators],
        "project": [p.code for p in strategy.projects],
    }
    findings = []
    for what, codes in groups.items():
        for code, count in Counter(codes).items():
            if count > 1:
                message = f"{count} {what}s share the code {code!r}"
                findings.append(
                    Finding(kind=FindingKind.DUPLICATE_CODE, code=code, message=message)
                )
    return findings


def _links(strategy: Strategy) -> list[Finding]:
    strategic = {g.code for g in strategy.strategic_goals}
    operational = {g.code for g in strategy.operational_goals}
    directions = {d.code: d.goal_code for d in strategy.action_directions}
    indicators = {i.code for i in strategy.indicators}
    findings = []

    def unknown(kind: FindingKind, code: str, message: str) -> None:
        findings.append(Finding(kind=kind, code=code, message=message))

    for indicator in strategy.indicators:
        if indicator.goal_code not in strategic | operational:
            unknown(
                FindingKind.UNKNOWN_GOAL,
                indicator.code,
                f"indicator measures unknown goal {indicator.goal_code!r}",
            )
        elif (indicator.level == "impact") != (indicator.goal_code in strategic):
            expected = "a strategic goal" if indicator.level == "impact" else "an operational goal"
            message = f"{indicator.level.value} indicator should measure {expected}, not {indicator.goal_code!r}"
            unknown(FindingKind.LEVEL_MISMATCH, indicator.code, message)
    for project in strategy.projects:
        for link in project.links:
            if link.strategic_goal not in strategic:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    f"linked to unknown goal {link.strategic_goal!r}",
                )
            if link.operational_goal not in operational:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    f"linked to unknown goal {link.operational_goal!r}",
                )
            for code in link.action_directions:
                if code not in directions:
                    unknown(
                        FindingKind.UNKNOWN_ACTION_DIRECTION,
                        project.code,
                        f"linked to unknown action direction {code!r}",
                    )
    for code in sorted({o.indicator for o in strategy.observations} - indicators):
        unknown(FindingKind.UNKNOWN_INDICATOR, code, f"observations of unknown indicator {code!r}")
    responses = strategy.survey_responses_indicator
    if responses is not None and responses not in indicators:
        unknown(
            FindingKind.UNKNOWN_INDICATOR,
            responses,
            "the survey responses indicator does not exist",
        )
    return findings


def _units(indicator: Indicator) -> list[Finding]:
    def mismatch(message: str, expected: str) -> list[Finding]:
        return [
            Finding(
                kind=FindingKind.UNIT_MISMATCH,
                code=indicator.code,
                message=message,
                expected=expected,
                found=indicator.unit,
            )
        ]

    try:
        check_unit(indicator.unit)
    except UnitError:
        return mismatch(f"unknown unit {indicator.unit!r}", "a unit of the citystrategy registry")
    if indicator.survey and indicator.unit != "percent":
        return mismatch("a survey share must be in percent", "percent")
    per_something = " na " in indicator.name  # "Udział w podatku … na mieszkańca" is an amount
    if _SHARE_NAME_RE.match(indicator.name) and not per_something and indicator.unit != "percent":
        return mismatch(
            f"the name says a share ({indicator.name.split()[0]!r}) but the unit is not percent",
            "percent",
        )
    if _COUNT_NAME_RE.match(indicator.name) and indicator.unit == "percent":
        word = indicator.name.split()[0]
        return mismatch(
            f"the name says a count ({word!r}) but the values are percentages", "a count"
        )
    return []


def _values(strategy: Strategy, indicator: Indicator) -> list[Observation]:
    """The indicator's observations with a value for the strategy's territory, by year."""
    observations = [
        o
        for o in strategy.observations_of(indicator.code)
        if o.value is not None and o.territory == strategy.territory.id
    ]
    return sorted(observations, key=lambda o: o.year)


def _targets(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    target = indicator.target
    if target is None:
        return []
    findings = []

    def add(kind: FindingKind, message: str, expected: str = "", found: str = "") -> None:
        findings.append(
            Finding(kind=kind, code=indicator.code, message=message, expected=expected, found=found)
        )

    direction = indicator.direction
    expected_kind = {
        Direction.HIGHER_IS_BETTER: TargetKind.AT_LEAST,
        Direction.LOWER_IS_BETTER: TargetKind.AT_MOST,
    }
    if direction in expected_kind and target.kind not in (
        expected_kind[direction],
        TargetKind.EXACTLY,
    ):
        add(
            FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION,
            f"an {target.kind.value} target for an indicator where {direction.value.replace('_', ' ')}",
            expected_kind[direction].value,
            target.kind.value,
        )
    values = _values(strategy, indicator)
    if not values or target.value is None or direction is Direction.WITHIN_RANGE:
        return findings
    base, latest = values[0], values[-1]
    assert base.value is not None
    assert latest.value is not None
    goal = target.value
    wrong_side = (direction is Direction.HIGHER_IS_BETTER and goal < base.value) or (
        direction is Direction.LOWER_IS_BETTER and goal > base.value
    )
    shown = f"target {target.raw or goal} against {base.raw or base.value} in {base.year}"
    if target.limit:
        if target.is_met(base.value):
            add(FindingKind.BOUND_ALREADY_SATISFIED, f"the limit is already satisfied: {shown}")
    elif wrong_side:
        better = "above" if direction is Direction.HIGHER_IS_BETTER else "below"
        add(
            FindingKind.TARGET_CONTRADICTS_DIRECTION,
            f"{direction.value.replace('_', ' ')}, yet the target is not {better} the base: {shown}",
            f"a target {better} {base.value}",
            str(goal),
        )
    elif goal == base.value:
        add(FindingKind.TARGET_MET_AT_BASE, f"the target equals the base value: {shown}")
    elif latest is not base and target.is_met(latest.value):
        add(
            FindingKind.TARGET_ALREADY_MET,
            f"already met in {latest.year}: {latest.raw or latest.value} against target {target.raw or goal}",
        )
    return findings


def _missing(observations: Iterable[Observation]) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.MISSING_VALUE,
            code=o.indicator,
            message=f"no value for {o.year} ({o.missing.marker or o.missing.code}): {o.missing.text}",
        )
        for o in observations
        if o.missing is not None
    ]


def _declared(strategy: Strategy, year: int) -> list[Finding]:
    findings = []
    for comparison in compare_declared(strategy, year):
        subject = "total" if comparison.goal is None else comparison.goal
        scope = "in total" if comparison.goal is None else f"for goal {comparison.goal}"
        unit = {Figure.COST: " zł", Figure.SHARE: "%"}.get(comparison.figure, "")
        if comparison.agrees is False:
            message = (
                f"the {year} report declares {comparison.figure.value} {scope} as "
                f"{comparison.declared}{unit}; the project data give {comparison.computed}{unit}"
            )
            findings.append(
                Finding(
                    kind=FindingKind.DECLARED_FIGURE_MISMATCH,
                    code=subject,
                    message=message,
                    expected=str(comparison.computed),
                    found=str(comparison.declared),
                )
            )
        elif comparison.agrees is None:
            message = (
                f"the {year} report declares {comparison.figure.value} {scope} as "
                f"{comparison.declared}; the project data cannot confirm it"
            )
            findings.append(
                Finding(
                    kind=FindingKind.DECLARED_FIGURE_UNVERIFIABLE, code=subject, message=message
                )
            )
    return findings
