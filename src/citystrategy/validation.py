"""Validation of a strategy: a report of typed findings, never an exception for data problems.

>>> from citystrategy.cities import kielce
>>> report = check(kielce.load())
>>> sorted(f.code for f in report.of_kind(FindingKind.TARGET_CONTRADICTS_DIRECTION))[:3]
['KIE-1.1-02', 'KIE-1.1-04', 'KIE-1.1-05']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import member
from citystrategy.costs import Figure, _declared_year, compare_declared, project_currencies
from citystrategy.errors import UnitError
from citystrategy.model import (
    Direction,
    Indicator,
    Observation,
    Strategy,
    TargetKind,
    ValueRange,
)
from citystrategy.units import check_unit, ureg

__all__ = [
    "WHOLE_UNITS",
    "Finding",
    "FindingKind",
    "Severity",
    "ValidationReport",
    "check",
    "plausible_range",
]


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
    LIMIT_NOT_MET = "limit_not_met"
    TARGET_ALREADY_MET = "target_already_met"
    MISSING_VALUE = "missing_value"
    COST_NOT_STATED = "cost_not_stated"
    NEGATIVE_COST = "negative_cost"
    MIXED_CURRENCIES = "mixed_currencies"
    DECLARED_FIGURE_MISMATCH = "declared_figure_mismatch"
    DECLARED_FIGURE_UNVERIFIABLE = "declared_figure_unverifiable"
    VALUE_OUT_OF_RANGE = "value_out_of_range"
    VALUE_NOT_WHOLE = "value_not_whole"
    TARGET_YEAR_BEFORE_BASE = "target_year_before_base"
    TARGET_OUT_OF_RANGE = "target_out_of_range"


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
    FindingKind.LIMIT_NOT_MET: Severity.WARNING,
    FindingKind.TARGET_ALREADY_MET: Severity.INFO,
    FindingKind.MISSING_VALUE: Severity.INFO,
    FindingKind.COST_NOT_STATED: Severity.WARNING,
    FindingKind.NEGATIVE_COST: Severity.WARNING,
    FindingKind.MIXED_CURRENCIES: Severity.ERROR,
    FindingKind.DECLARED_FIGURE_MISMATCH: Severity.WARNING,
    FindingKind.DECLARED_FIGURE_UNVERIFIABLE: Severity.INFO,
    FindingKind.VALUE_OUT_OF_RANGE: Severity.WARNING,
    FindingKind.VALUE_NOT_WHOLE: Severity.WARNING,
    FindingKind.TARGET_YEAR_BEFORE_BASE: Severity.WARNING,
    FindingKind.TARGET_OUT_OF_RANGE: Severity.WARNING,
}

#: Units that count whole things or people: their values are non-negative whole numbers.
WHOLE_UNITS: Final = frozenset({"count", "person", "inhabitant"})

#: Polish name openings that say what unit an indicator should have.
_SHARE_NAME_RE: Final = re.compile(r"^(Odsetek|Udział|Stopa|Frekwencja)\b")
_COUNT_NAME_RE: Final = re.compile(r"^(Liczba|Ilość)\b")


def _details(
    values: Mapping[str, object] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple((str(key), str(value)) for key, value in items)


@frozen(kw_only=True)
class Finding:
    """One finding about a strategy's data.

    Attributes:
        kind: What the finding is about.
        code: Code of the thing it is about (indicator, project, goal, or ``"total"``).
        message: What was found, in English, with the values.
        expected: What was expected, where that applies.
        found: What was found instead, where that applies.
        variant: Which case of the kind (e.g. ``"indicator"`` or ``"project"`` for an unknown
            goal), for wording it.
        details: The values the finding is about, as ``(key, text)`` pairs.
    """

    kind: FindingKind
    code: str
    message: str
    expected: str = ""
    found: str = ""
    variant: str = ""
    details: tuple[tuple[str, str], ...] = field(factory=tuple, converter=_details)

    def detail(self, key: str) -> str:
        """One of the values the finding is about (``""`` if it has none under *key*).

        Each kind has its own keys (e.g. ``target``, ``base`` and ``year`` for a target that
        contradicts its direction); reports use them to word the finding in any language.
        """
        return dict(self.details).get(key, "")

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
            ArgumentError: If *kind* is not a finding kind (a ``ValueError``).
        """
        wanted = member(FindingKind, kind, "kind")
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
        already met, missing values with their reason, projects without a cost, costs in
        several currencies (among the projects, or between a report and the projects),
        declared figures that disagree with the computed ones, values outside the indicator's
        plausible range (:func:`plausible_range`) or not whole in a unit of
        :data:`WHOLE_UNITS`, and target years before the base year.

    Raises:
        ArgumentTypeError: If *year* is not an int.
        YearError: If the strategy has no report on *year* that declares figures (a
            ``ValueError`` and a ``KeyError``), naming the years that have one.
    """
    if year is not None:
        _declared_year(strategy, year)
    findings: list[Finding] = []
    findings += _duplicates(strategy)
    findings += _links(strategy)
    for indicator in strategy.indicators:
        findings += _units(indicator)
        findings += _targets(strategy, indicator)
        findings += _plausibility(strategy, indicator)
        findings += _target_year(strategy, indicator)
    findings += _missing(strategy.observations)
    findings += [
        Finding(
            kind=FindingKind.COST_NOT_STATED,
            code=p.code,
            message=f"no cost is stated for project {p.name!r}",
            details={"name": p.name},
        )
        for p in strategy.projects
        if p.cost is None
    ]
    findings += [
        Finding(
            kind=FindingKind.NEGATIVE_COST,
            code=p.code,
            message=f"the cost of project {p.name!r} is negative: {p.cost}",
            details={"name": p.name, "cost": p.cost.amount, "currency": p.cost.currency},
        )
        for p in strategy.projects
        if p.cost is not None and p.cost.amount < 0
    ]
    currencies = project_currencies(strategy)
    if len(currencies) > 1:
        message = f"project costs are in several currencies ({', '.join(currencies)}): totals cannot be computed"
        findings.append(
            Finding(
                kind=FindingKind.MIXED_CURRENCIES,
                code=strategy.code,
                message=message,
                variant="projects",
                details={"currencies": ", ".join(currencies)},
            )
        )
    years = [r.year for r in strategy.reports if r.declared is not None] if year is None else [year]
    for report_year in years:
        if len(currencies) == 1:
            findings += _declared_currencies(strategy, report_year, currencies[0])
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
                    Finding(
                        kind=FindingKind.DUPLICATE_CODE,
                        code=code,
                        message=message,
                        variant=what,
                        details={"count": count},
                    )
                )
    return findings


def _links(strategy: Strategy) -> list[Finding]:
    strategic = {g.code for g in strategy.strategic_goals}
    operational = {g.code for g in strategy.operational_goals}
    directions = {d.code: d.goal_code for d in strategy.action_directions}
    indicators = {i.code for i in strategy.indicators}
    findings = []

    def unknown(
        kind: FindingKind, code: str, message: str, variant: str = "", **details: str
    ) -> None:
        finding = Finding(kind=kind, code=code, message=message, variant=variant, details=details)
        findings.append(finding)

    for indicator in strategy.indicators:
        if indicator.goal_code not in strategic | operational:
            unknown(
                FindingKind.UNKNOWN_GOAL,
                indicator.code,
                f"indicator measures unknown goal {indicator.goal_code!r}",
                "indicator",
                goal=indicator.goal_code,
            )
        elif (indicator.level == "impact") != (indicator.goal_code in strategic):
            expected = "a strategic goal" if indicator.level == "impact" else "an operational goal"
            message = f"{indicator.level.value} indicator should measure {expected}, not {indicator.goal_code!r}"
            unknown(
                FindingKind.LEVEL_MISMATCH,
                indicator.code,
                message,
                indicator.level.value,
                goal=indicator.goal_code,
            )
    for project in strategy.projects:
        for link in project.links:
            if link.strategic_goal not in strategic:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    f"linked to unknown goal {link.strategic_goal!r}",
                    "project",
                    goal=link.strategic_goal,
                )
            if link.operational_goal not in operational:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    f"linked to unknown goal {link.operational_goal!r}",
                    "project",
                    goal=link.operational_goal,
                )
            for code in link.action_directions:
                if code not in directions:
                    unknown(
                        FindingKind.UNKNOWN_ACTION_DIRECTION,
                        project.code,
                        f"linked to unknown action direction {code!r}",
                        direction=code,
                    )
    for code in sorted({o.indicator for o in strategy.observations} - indicators):
        message = f"observations of unknown indicator {code!r}"
        unknown(FindingKind.UNKNOWN_INDICATOR, code, message, "observations")
    responses = strategy.survey_responses_indicator
    if responses is not None and responses not in indicators:
        unknown(
            FindingKind.UNKNOWN_INDICATOR,
            responses,
            "the survey responses indicator does not exist",
            "survey",
        )
    return findings


def _units(indicator: Indicator) -> list[Finding]:
    def mismatch(message: str, expected: str, variant: str) -> list[Finding]:
        word = indicator.name.split()[0]
        return [
            Finding(
                kind=FindingKind.UNIT_MISMATCH,
                code=indicator.code,
                message=message,
                expected=expected,
                found=indicator.unit,
                variant=variant,
                details={"unit": indicator.unit, "word": word},
            )
        ]

    try:
        check_unit(indicator.unit)
    except UnitError:
        message = f"unknown unit {indicator.unit!r}"
        return mismatch(message, "a unit of the citystrategy registry", "unknown")
    if indicator.survey and indicator.unit != "percent":
        return mismatch("a survey share must be in percent", "percent", "survey")
    word = indicator.name.split()[0]
    per_something = " na " in indicator.name  # "Udział w podatku … na mieszkańca" is an amount
    if _SHARE_NAME_RE.match(indicator.name) and not per_something and indicator.unit != "percent":
        message = f"the name says a share ({word!r}) but the unit is not percent"
        return mismatch(message, "percent", "share")
    if _COUNT_NAME_RE.match(indicator.name) and indicator.unit == "percent":
        message = f"the name says a count ({word!r}) but the values are percentages"
        return mismatch(message, "a count", "count")
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
    direction = indicator.direction

    def add(
        kind: FindingKind,
        message: str,
        *,
        expected: str = "",
        found: str = "",
        values: Mapping[str, object] | None = None,
    ) -> None:
        details = {"direction": direction.value, **(values or {})}
        finding = Finding(
            kind=kind,
            code=indicator.code,
            message=message,
            expected=expected,
            found=found,
            details=details,
        )
        findings.append(finding)

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
            expected=expected_kind[direction].value,
            found=target.kind.value,
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
    shown = {"target": target.raw or goal, "base": base.raw or base.value, "year": base.year}
    against = f"target {shown['target']} against {shown['base']} in {base.year}"
    if target.limit:
        if target.is_met(base.value):
            message = f"the limit is already satisfied: {against}"
            add(FindingKind.BOUND_ALREADY_SATISFIED, message, values=shown)
        if not target.is_met(latest.value):
            value = latest.raw or latest.value
            add(
                FindingKind.LIMIT_NOT_MET,
                f"the limit {shown['target']} is not met in {latest.year}: {value}",
                values={"target": shown["target"], "value": value, "year": latest.year},
            )
    elif wrong_side:
        better = "above" if direction is Direction.HIGHER_IS_BETTER else "below"
        add(
            FindingKind.TARGET_CONTRADICTS_DIRECTION,
            f"{direction.value.replace('_', ' ')}, yet the target is not {better} the base: {against}",
            expected=f"a target {better} {base.value}",
            found=str(goal),
            values=shown,
        )
    elif goal == base.value:
        add(
            FindingKind.TARGET_MET_AT_BASE,
            f"the target equals the base value: {against}",
            values=shown,
        )
    elif latest is not base and target.is_met(latest.value):
        value = latest.raw or latest.value
        add(
            FindingKind.TARGET_ALREADY_MET,
            f"already met in {latest.year}: {value} against target {shown['target']}",
            values={"target": shown["target"], "value": value, "year": latest.year},
        )
    return findings


def _missing(observations: Iterable[Observation]) -> list[Finding]:
    return [
        Finding(
            kind=FindingKind.MISSING_VALUE,
            code=o.indicator,
            message=f"no value for {o.year} ({o.missing.marker or o.missing.code}): {o.missing.text}",
            details={
                "year": o.year,
                "marker": o.missing.marker or o.missing.code,
                "text": o.missing.text,
            },
        )
        for o in observations
        if o.missing is not None
    ]


def _declared_currencies(strategy: Strategy, year: int, currency: str) -> list[Finding]:
    """A report that declares costs in another currency than the projects' cannot be checked."""
    declared = next((r.declared for r in strategy.reports if r.year == year), None)
    if declared is None:
        return []
    amounts = [declared.total_cost, *(row.cost for row in declared.goals)]
    others = sorted({m.currency for m in amounts} - {currency})
    if not others:
        return []
    message = (
        f"the {year} report declares costs in {', '.join(others)}, the project costs are in "
        f"{currency}: they cannot be compared"
    )
    finding = Finding(
        kind=FindingKind.MIXED_CURRENCIES,
        code=strategy.code,
        message=message,
        expected=currency,
        found=", ".join(others),
        variant="declared",
        details={"year": year, "currency": currency, "declared_currencies": ", ".join(others)},
    )
    return [finding]


def _declared(strategy: Strategy, year: int) -> list[Finding]:
    findings = []
    for comparison in compare_declared(strategy, year):
        subject = "total" if comparison.goal is None else comparison.goal
        scope = "in total" if comparison.goal is None else f"for goal {comparison.goal}"
        unit = {Figure.COST: f" {comparison.currency}", Figure.SHARE: "%"}.get(
            comparison.figure, ""
        )
        details = {
            "year": year,
            "figure": comparison.figure.value,
            "goal": comparison.goal or "",
            "declared": comparison.declared,
            "computed": "" if comparison.computed is None else comparison.computed,
        }
        if comparison.currency is not None:
            details["currency"] = comparison.currency
        declares = (
            f"the {year} report declares {comparison.figure.value} {scope} as {comparison.declared}"
        )
        if comparison.agrees is False:
            findings.append(
                Finding(
                    kind=FindingKind.DECLARED_FIGURE_MISMATCH,
                    code=subject,
                    message=f"{declares}{unit}; the project data give {comparison.computed}{unit}",
                    expected=str(comparison.computed),
                    found=str(comparison.declared),
                    details=details,
                )
            )
        elif comparison.agrees is None:
            findings.append(
                Finding(
                    kind=FindingKind.DECLARED_FIGURE_UNVERIFIABLE,
                    code=subject,
                    message=f"{declares}{unit}; the project data cannot confirm it",
                    details=details,
                )
            )
    return findings


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
    if indicator.value_range is not None:
        return indicator.value_range
    if indicator.unit == "percent":
        return ValueRange(low=Decimal(0), high=Decimal(100))
    if indicator.unit in WHOLE_UNITS:
        return ValueRange(low=Decimal(0))
    try:
        dimensions = ureg.Unit(check_unit(indicator.unit)).dimensionality
    except UnitError:  # reported by _units
        return None
    if any(str(d).startswith("[currency_") and p == 1 for d, p in dimensions.items()):
        return ValueRange(low=Decimal(0))
    return None


def _plausibility(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    """Values outside the indicator's plausible range, and counts that are not whole."""
    plausible = plausible_range(indicator)
    variant = "declared" if indicator.value_range is not None else "assumed"
    findings = []
    for o in sorted(strategy.observations_of(indicator.code), key=lambda o: o.year):
        if o.value is None:
            continue
        shown = o.raw or str(o.value)
        details = {"year": o.year, "value": shown, "unit": indicator.unit}
        if plausible is not None and o.value not in plausible:
            findings.append(
                Finding(
                    kind=FindingKind.VALUE_OUT_OF_RANGE,
                    code=indicator.code,
                    message=(
                        f"the value {shown} of {o.year} is outside the {variant} plausible range "
                        f"{plausible} ({indicator.unit})"
                    ),
                    expected=str(plausible),
                    found=str(o.value),
                    variant=variant,
                    details={
                        **details,
                        "range": str(plausible),
                        "low": "" if plausible.low is None else plausible.low,
                        "high": "" if plausible.high is None else plausible.high,
                    },
                )
            )
        if indicator.unit in WHOLE_UNITS and o.value != o.value.to_integral_value():
            findings.append(
                Finding(
                    kind=FindingKind.VALUE_NOT_WHOLE,
                    code=indicator.code,
                    message=(
                        f"the value {shown} of {o.year} is not a whole number, yet the unit "
                        f"{indicator.unit!r} counts whole things or people"
                    ),
                    expected="a whole number",
                    found=str(o.value),
                    details=details,
                )
            )
    target = indicator.target
    ends = () if target is None else (target.value, target.low, target.high)
    for end in ends:
        if plausible is not None and end is not None and end not in plausible:
            assert target is not None  # there are ends
            findings.append(
                Finding(
                    kind=FindingKind.TARGET_OUT_OF_RANGE,
                    code=indicator.code,
                    message=(
                        f"the target {target.raw or end} is outside the {variant} plausible range "
                        f"{plausible} ({indicator.unit})"
                    ),
                    expected=str(plausible),
                    found=str(end),
                    variant=variant,
                    details={
                        "target": target.raw or str(end),
                        "unit": indicator.unit,
                        "range": str(plausible),
                        "low": "" if plausible.low is None else plausible.low,
                        "high": "" if plausible.high is None else plausible.high,
                    },
                )
            )
    return findings


def _target_year(strategy: Strategy, indicator: Indicator) -> list[Finding]:
    """A target due before the base year (the first year with a value) cannot be progressed to."""
    values = _values(strategy, indicator)
    if indicator.target is None or not values or indicator.target.year >= values[0].year:
        return []
    target_year, base_year = indicator.target.year, values[0].year
    return [
        Finding(
            kind=FindingKind.TARGET_YEAR_BEFORE_BASE,
            code=indicator.code,
            message=f"the target year {target_year} is before the base year {base_year}",
            expected=f"a year from {base_year} on",
            found=str(target_year),
            details={"target_year": target_year, "year": base_year},
        )
    ]
