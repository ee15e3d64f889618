"""`check`: every finding on a strategy, from its structure, units, values and declared figures."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Final

from citystrategy._arguments import instance, integer
from citystrategy._i18n import N_
from citystrategy.costs import Figure, compare_declared, project_currencies
from citystrategy.errors import UnitError, YearError
from citystrategy.model import (
    Indicator,
    Strategy,
)
from citystrategy.money import Money
from citystrategy.units import check_unit
from citystrategy.validation._findings import (
    Finding,
    FindingKind,
    FindingValue,
    Measure,
    ValidationReport,
)
from citystrategy.validation._values import (
    missing_findings,
    plausibility_findings,
    target_findings,
    target_year_findings,
)

__all__ = ["check"]

#: Polish name openings that say what unit an indicator should have.
_SHARE_NAME_RE: Final = re.compile(r"^(Odsetek|Udział|Stopa|Frekwencja)\b")
_COUNT_NAME_RE: Final = re.compile(r"^(Liczba|Ilość)\b")


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS: Final = ("=", "+", "@", "\t", "\r")


def _formula_like(strategy: Strategy) -> list[Finding]:
    """Texts a spreadsheet would run as a formula when the data are opened in one.

    A text starting with ``=``, ``+``, ``@``, a tab or a carriage return, or with ``-``
    followed by anything but a space (``- `` opens a list item), such as
    ``=HYPERLINK("http://…")`` pasted into a project's name.
    """
    texts: list[tuple[str, str, str]] = []  # (code, field, text)
    for goal in strategy.strategic_goals:
        texts.append((goal.code, "name", goal.name))
        texts += [(op.code, "name", op.name) for op in goal.operational_goals]
        texts += [
            (d.code, "name", d.name) for op in goal.operational_goals for d in op.action_directions
        ]
    for indicator in strategy.indicators:
        texts += [
            (indicator.code, "name", indicator.name),
            (indicator.code, "note", indicator.note),
        ]
    for project in strategy.projects:
        texts += [
            (project.code, "name", project.name),
            (project.code, "description", project.description),
            (project.code, "note", project.note),
        ]
        texts += [(project.code, "aliases", alias) for alias in project.aliases]
        if project.implementer is not None:
            texts.append((project.code, "implementer", project.implementer.name))
    return [
        Finding(
            kind=FindingKind.FORMULA_LIKE_TEXT,
            code=code,
            found=text,
            variant=field,
            values={"field": field, "start": text[0], "text": shown},
        )
        for code, field, text in texts
        for shown in [text if len(text) <= 40 else text[:40] + "…"]
        if text.startswith(_FORMULA_STARTS) or (text[:1] == "-" and text[1:2] not in ("", " "))
    ]


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
        ArgumentTypeError: If *strategy* is not a Strategy or *year* is not an int.
        YearError: If the strategy has no report on *year* (a ``ValueError`` and a
            ``KeyError``), naming the years it has reports on. A report that declares no
            figures (one being drawn up) has none to compare.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    reported = [r.year for r in strategy.reports]
    if year is not None and integer(year, "year") not in reported:
        raise YearError("year", year, reported, N_("years with annual reports"))
    findings: list[Finding] = []
    findings += _duplicates(strategy)
    findings += _links(strategy)
    for indicator in strategy.indicators:
        findings += _units(indicator)
        findings += target_findings(strategy, indicator)
        findings += plausibility_findings(strategy, indicator)
        findings += target_year_findings(strategy, indicator)
    findings += missing_findings(strategy.observations)
    findings += _survey_samples(strategy)
    findings += _formula_like(strategy)
    findings += [
        Finding(
            kind=FindingKind.COST_NOT_STATED,
            code=p.code,
            values={"name": p.name},
        )
        for p in strategy.projects
        if p.cost is None
    ]
    findings += [
        Finding(
            kind=FindingKind.NEGATIVE_COST,
            code=p.code,
            values={"name": p.name, "cost": p.cost},
        )
        for p in strategy.projects
        if p.cost is not None and p.cost.amount < 0
    ]
    currencies = project_currencies(strategy)
    if len(currencies) > 1:
        findings.append(
            Finding(
                kind=FindingKind.MIXED_CURRENCIES,
                code=strategy.code,
                variant="projects",
                values={"currencies": currencies},
            )
        )
    years = [r.year for r in strategy.reports if r.declared is not None and year in (None, r.year)]
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
                findings.append(
                    Finding(
                        kind=FindingKind.DUPLICATE_CODE,
                        code=code,
                        variant=what,
                        values={"count": count},
                    )
                )
    return findings


def _links(strategy: Strategy) -> list[Finding]:
    strategic = {g.code for g in strategy.strategic_goals}
    operational = {g.code for g in strategy.operational_goals}
    directions = {d.code: d.goal_code for d in strategy.action_directions}
    indicators = {i.code for i in strategy.indicators}
    findings = []

    def unknown(kind: FindingKind, code: str, variant: str = "", **values: str) -> None:
        findings.append(Finding(kind=kind, code=code, variant=variant, values=values))

    for indicator in strategy.indicators:
        if indicator.goal_code not in strategic | operational:
            unknown(
                FindingKind.UNKNOWN_GOAL,
                indicator.code,
                "indicator",
                goal=indicator.goal_code,
            )
        elif (indicator.level == "impact") != (indicator.goal_code in strategic):
            unknown(
                FindingKind.LEVEL_MISMATCH,
                indicator.code,
                indicator.level.value,
                goal=indicator.goal_code,
            )
    for project in strategy.projects:
        for link in project.links:
            if link.strategic_goal not in strategic:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    "project",
                    goal=link.strategic_goal,
                )
            if link.operational_goal not in operational:
                unknown(
                    FindingKind.UNKNOWN_GOAL,
                    project.code,
                    "project",
                    goal=link.operational_goal,
                )
            for code in link.action_directions:
                if code not in directions:
                    unknown(
                        FindingKind.UNKNOWN_ACTION_DIRECTION,
                        project.code,
                        action_direction=code,
                    )
    for code in sorted({o.indicator for o in strategy.observations} - indicators):
        unknown(FindingKind.UNKNOWN_INDICATOR, code, "observations")
    responses = strategy.survey_responses_indicator
    if responses is not None and responses not in indicators:
        unknown(
            FindingKind.UNKNOWN_INDICATOR,
            responses,
            "survey",
        )
    return findings


def _survey_samples(strategy: Strategy) -> list[Finding]:
    """Sample sizes the survey shares cannot use: values of the survey-responses indicator that
    are 0, negative or fractional (:func:`~citystrategy.progress.survey_samples` leaves them out).
    """
    code = strategy.survey_responses_indicator
    if code is None or code not in {i.code for i in strategy.indicators}:
        return []  # no survey indicator, or an unknown one (a finding of its own)
    unit = strategy.indicator(code).unit
    findings = []
    for o in sorted(strategy.observations_of(code), key=lambda o: (o.year, o.territory)):
        if o.value is None or (o.value > 0 and o.value == o.value.to_integral_value()):
            continue
        value = Measure(o.value, unit, o.raw)
        findings.append(
            Finding(
                kind=FindingKind.SURVEY_SAMPLE_UNUSABLE,
                code=code,
                found=value,  # expected: a whole number above 0
                values={"year": o.year, "value": value, "unit": unit},
            )
        )
    return findings


def _units(indicator: Indicator) -> list[Finding]:
    def mismatch(expected: str | None, variant: str) -> list[Finding]:
        word = indicator.name.split()[0]
        return [
            Finding(
                kind=FindingKind.UNIT_MISMATCH,
                code=indicator.code,
                expected=expected,
                found=indicator.unit,
                variant=variant,
                values={"unit": indicator.unit, "word": word},
            )
        ]

    try:
        check_unit(indicator.unit)
    except UnitError:
        return mismatch(None, "unknown")  # expected: a unit of the citystrategy registry
    if indicator.survey and indicator.unit != "percent":
        return mismatch("percent", "survey")
    per_something = " na " in indicator.name  # "Udział w podatku … na mieszkańca" is an amount
    if _SHARE_NAME_RE.match(indicator.name) and not per_something and indicator.unit != "percent":
        return mismatch("percent", "share")
    if _COUNT_NAME_RE.match(indicator.name) and indicator.unit == "percent":
        return mismatch("count", "count")
    return []


def _declared_currencies(strategy: Strategy, year: int, currency: str) -> list[Finding]:
    """A report that declares costs in another currency than the projects' cannot be checked."""
    declared = next((r.declared for r in strategy.reports if r.year == year), None)
    if declared is None:
        return []
    amounts = [declared.total_cost, *(row.cost for row in declared.goals)]
    others = sorted({m.currency for m in amounts} - {currency})
    if not others:
        return []
    finding = Finding(
        kind=FindingKind.MIXED_CURRENCIES,
        code=strategy.code,
        expected=currency,
        found=tuple(others),
        variant="declared",
        values={"year": year, "currency": currency, "declared_currencies": tuple(others)},
    )
    return [finding]


def _figure_value(figure: Figure, value: Decimal | None, currency: str | None) -> FindingValue:
    """A declared or computed figure as a typed value: money, a share in percent, or a count."""
    if value is None:
        return None
    if figure is Figure.COST and currency is not None:
        return Money(value, currency)
    if figure is Figure.SHARE:
        return Measure(value, "percent")
    return value


def _declared(strategy: Strategy, year: int) -> list[Finding]:
    findings = []
    for comparison in compare_declared(strategy, year):
        if comparison.agrees is True:
            continue
        declared = _figure_value(comparison.figure, comparison.declared, comparison.currency)
        computed = _figure_value(comparison.figure, comparison.computed, comparison.currency)
        values: dict[str, FindingValue] = {
            "year": year,
            "figure": comparison.figure,
            "declared": declared,
            "computed": computed,
        }
        if comparison.goal is not None:
            values["goal"] = comparison.goal
        disagrees = comparison.agrees is False
        findings.append(
            Finding(
                kind=FindingKind.DECLARED_FIGURE_MISMATCH
                if disagrees
                else FindingKind.DECLARED_FIGURE_UNVERIFIABLE,
                code="total" if comparison.goal is None else comparison.goal,
                variant="total" if comparison.goal is None else "goal",
                expected=computed if disagrees else None,
                found=declared if disagrees else None,
                values=values,
            )
        )
    return findings
