"""`check`: every finding on a strategy, from its structure, units, values and declared figures."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from citystrategy._arguments import instance
from citystrategy.costs import Figure, compare_declared, declared_summary, project_currencies
from citystrategy.errors import UnitError
from citystrategy.model import (
    Indicator,
    Strategy,
)
from citystrategy.units import check_unit
from citystrategy.validation._findings import (
    Finding,
    FindingKind,
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
            message=(
                f"the {field} {shown!r} starts with {text[0]!r}: a spreadsheet would run it "
                "as a formula"
            ),
            found=text,
            variant=field,
            details={"field": field, "start": text[0], "text": shown},
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
        YearError: If the strategy has no report on *year* that declares figures (a
            ``ValueError`` and a ``KeyError``), naming the years that have one.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    if year is not None:
        declared_summary(strategy, year)
    findings: list[Finding] = []
    findings += _duplicates(strategy)
    findings += _links(strategy)
    for indicator in strategy.indicators:
        findings += _units(indicator)
        findings += target_findings(strategy, indicator)
        findings += plausibility_findings(strategy, indicator)
        findings += target_year_findings(strategy, indicator)
    findings += missing_findings(strategy.observations)
    findings += _formula_like(strategy)
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
