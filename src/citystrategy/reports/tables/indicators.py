r"""Section 3 of the annual report (the indicators), the goal scores, the findings and the data.

Four tables as data, each a DataFrame with the columns of this module's constants and the
settings it was computed with in ``frame.attrs["settings"]``:

* :func:`indicator_values_table`: one row per indicator, in the report's order, with its goal,
  its values in the year and the year before (exact ``Decimal`` s as printed: the city's revenue
  stays 1 679 523 470,54 zł to the grosz), the change in the indicator's unit (percentage points
  for a percentage), the target as data, and the status, progress, score and trend of
  :func:`citystrategy.progress.assess`;
* :func:`goal_scores_table`: the goals' scores of :func:`citystrategy.progress.assess_goals`;
* :func:`findings_table`: the findings of :func:`citystrategy.check`;
* :func:`observations_table`: the long data, one row per territory, indicator and year.

Four functions compose them into the report's blocks, with every word in the report's language:
:func:`indicators_section`, :func:`goal_scores_section`, :func:`findings_section` and
:func:`data_table_block`.

>>> from citystrategy.cities import kielce
>>> table = indicator_values_table(kielce.load(), 2023).set_index(CODE)
>>> table.loc["KIE-3.1-01", [VALUE, PREVIOUS_VALUE]].tolist()
[Decimal('1679523470.54'), Decimal('1579375948.66')]
>>> table.loc["KIE-3.3-02", [VALUE, MISSING_MARKER]].tolist()
[None, '- *']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from citystrategy._arguments import instance, integer
from citystrategy.formatting import LocaleLike, get_locale
from citystrategy.frames import INDICATOR, SOURCE, TERRITORY, UNIT, YEAR
from citystrategy.model import Strategy
from citystrategy.percent import Percent, as_percent
from citystrategy.progress import (
    DEFAULT_OPTIONS,
    MIN_COVERAGE,
    ProgressOptions,
    Status,
    Trend,
    assess,
    assess_goals,
)
from citystrategy.reports.document import Tone
from citystrategy.reports.findings import describe_finding
from citystrategy.validation import Finding, FindingKind, Severity, ValidationReport

__all__ = [
    "ABOUT",
    "BASE_VALUE",
    "BASE_YEAR",
    "CHANGE",
    "CHANGE_UNIT",
    "CODE",
    "COVERAGE",
    "CURRENT_YEAR",
    "DESCRIPTION",
    "DIRECTION",
    "EXPECTED",
    "FINDING_COLUMNS",
    "FOUND",
    "GOAL",
    "GOAL_COLUMNS",
    "GOAL_NAME",
    "INDICATORS",
    "INDICATOR_COLUMNS",
    "INTERVAL_HIGH",
    "INTERVAL_LOW",
    "KIND",
    "LEVEL",
    "MISSING_CODE",
    "MISSING_MARKER",
    "MISSING_REASON",
    "NAME",
    "NOTES",
    "OBSERVATION_COLUMNS",
    "PREVIOUS_INTERVAL_HIGH",
    "PREVIOUS_INTERVAL_LOW",
    "PREVIOUS_VALUE",
    "PREVIOUS_YEAR",
    "PROGRESS",
    "P_VALUE",
    "SCORE",
    "SCORED",
    "SEVERITY",
    "SEVERITY_TONES",
    "SIGNIFICANT",
    "STATUS",
    "STATUS_TONES",
    "STRATEGIC_GOAL",
    "STRATEGIC_GOAL_NAME",
    "SURVEY",
    "TARGET_FINDINGS",
    "TARGET_HIGH",
    "TARGET_KIND",
    "TARGET_LIMIT",
    "TARGET_LOW",
    "TARGET_RAW",
    "TARGET_TOLERANCE",
    "TARGET_VALUE",
    "TARGET_YEAR",
    "TREND",
    "TREND_TONES",
    "VALUE",
    "VALUES",
    "VARIANT",
    "data_table_block",
    "findings_section",
    "findings_table",
    "goal_scores_section",
    "goal_scores_table",
    "indicator_values_table",
    "indicators_section",
    "observations_table",
]

#: Column: code of the strategic goal the row belongs to (``"1"``).
STRATEGIC_GOAL: Final = "strategic_goal"
#: Column: its name, verbatim (``None`` for a goal the strategy does not have).
STRATEGIC_GOAL_NAME: Final = "strategic_goal_name"
#: Column: code of the goal (an indicator's own: strategic for impact, operational for result).
GOAL: Final = "goal"
#: Column: its name, verbatim (``None`` for a goal the strategy does not have).
GOAL_NAME: Final = "goal_name"
#: Column: the indicator's (or a finding's subject's) code.
CODE: Final = "code"
#: Column: the indicator's or goal's name, verbatim.
NAME: Final = "name"
#: Column: ``"impact"`` or ``"result"`` (an indicator); ``"strategic"`` or ``"operational"``
#: (a goal).
LEVEL: Final = "level"
#: Column: whether the values come from the residents' survey.
SURVEY: Final = "survey"
#: Column: the direction of improvement (a :class:`~citystrategy.model.Direction` value).
DIRECTION: Final = "direction"
#: Column: the value in the reporting year, an exact ``Decimal`` as printed; ``None`` if missing.
VALUE: Final = "value"
#: Column: why the value is missing: the source's reason code (``"not_yet_in_bdl"``), or
#: ``"no_observation"`` when the data hold nothing for the year; ``None`` when there is a value.
MISSING_CODE: Final = "missing_code"
#: Column: the sign the source prints for the missing value (``"- *"``).
MISSING_MARKER: Final = "missing_marker"
#: Column: the source's explanation of the missing value, verbatim.
MISSING_REASON: Final = "missing_reason"
#: Column: the year of the previous value (``Int64``; the latest earlier year when the year's
#: own value is missing).
PREVIOUS_YEAR: Final = "previous_year"
#: Column: the previous value, an exact ``Decimal``; ``None`` when there is no earlier value.
PREVIOUS_VALUE: Final = "previous_value"
#: Column: value minus previous value, an exact ``Decimal`` in :data:`CHANGE_UNIT`.
CHANGE: Final = "change"
#: Column: the change's unit: the indicator's, ``"percentage_point"`` for a percentage.
CHANGE_UNIT: Final = "change_unit"
#: Column: what satisfies the target (a :class:`~citystrategy.model.TargetKind` value);
#: ``None`` when the indicator has no target.
TARGET_KIND: Final = "target_kind"
#: Column: the target value (at least, at most, exactly), an exact ``Decimal``.
TARGET_VALUE: Final = "target_value"
#: Column: the lower end of a range target.
TARGET_LOW: Final = "target_low"
#: Column: the upper end of a range target.
TARGET_HIGH: Final = "target_high"
#: Column: the tolerance of an exactly target (``Decimal``).
TARGET_TOLERANCE: Final = "target_tolerance"
#: Column: the year by which the target is to be met (``Int64``).
TARGET_YEAR: Final = "target_year"
#: Column: whether the target is a limit to stay within (nullable boolean).
TARGET_LIMIT: Final = "target_limit"
#: Column: the target as the source prints it, for tracing (never a formatted target).
TARGET_RAW: Final = "target_raw"
#: Column: the progress category (a :class:`~citystrategy.progress.Status` value).
STATUS: Final = "status"
#: Column: the method's progress measure ``P`` in percent: with a target, the pace achieved as a
#: percentage of the pace needed to reach it (100 is on track); without one, the annual growth
#: in percent; NaN when not assessable.
PROGRESS: Final = "progress"
#: Column: the score on the -5..+5 scale; NaN when not assessable (or a goal below coverage).
SCORE: Final = "score"
#: Column: the change from the previous value (a :class:`~citystrategy.progress.Trend` value).
TREND: Final = "trend"
#: Column: a survey share's 95% Wilson interval in the year, in percent (lower end).
INTERVAL_LOW: Final = "interval_low"
#: Column: upper end of the same interval.
INTERVAL_HIGH: Final = "interval_high"
#: Column: a survey change's two-proportion p-value (NaN for other indicators).
P_VALUE: Final = "p_value"
#: Column: whether a survey change is beyond sampling error (nullable boolean: ``<NA>`` when
#: there is no test).
SIGNIFICANT: Final = "significant"
#: Column: the method's notes (:class:`~citystrategy.progress.Note` values), a tuple.
NOTES: Final = "notes"
#: Column: kinds of the findings of :func:`citystrategy.check` on the target, a tuple.
TARGET_FINDINGS: Final = "target_findings"
#: Column: the year of the value assessed (``Int64``; the latest earlier year when the year's
#: own value is missing).
CURRENT_YEAR: Final = "current_year"
#: Column: the year progress is measured from (``Int64``).
BASE_YEAR: Final = "base_year"
#: Column: the value in :data:`BASE_YEAR`, an exact ``Decimal``.
BASE_VALUE: Final = "base_value"
#: Column: a survey share's 95% Wilson interval in the previous year, in percent (lower end).
PREVIOUS_INTERVAL_LOW: Final = "previous_interval_low"
#: Column: upper end of the same interval.
PREVIOUS_INTERVAL_HIGH: Final = "previous_interval_high"

#: Columns of :func:`indicator_values_table`, in order.
INDICATOR_COLUMNS: Final = (
    STRATEGIC_GOAL,
    STRATEGIC_GOAL_NAME,
    GOAL,
    GOAL_NAME,
    CODE,
    NAME,
    LEVEL,
    UNIT,
    SURVEY,
    DIRECTION,
    VALUE,
    MISSING_CODE,
    MISSING_MARKER,
    MISSING_REASON,
    PREVIOUS_YEAR,
    PREVIOUS_VALUE,
    CHANGE,
    CHANGE_UNIT,
    TARGET_KIND,
    TARGET_VALUE,
    TARGET_LOW,
    TARGET_HIGH,
    TARGET_TOLERANCE,
    TARGET_YEAR,
    TARGET_LIMIT,
    TARGET_RAW,
    STATUS,
    PROGRESS,
    SCORE,
    TREND,
    INTERVAL_LOW,
    INTERVAL_HIGH,
    P_VALUE,
    SIGNIFICANT,
    NOTES,
    TARGET_FINDINGS,
    CURRENT_YEAR,
    BASE_YEAR,
    BASE_VALUE,
    PREVIOUS_INTERVAL_LOW,
    PREVIOUS_INTERVAL_HIGH,
)

#: Column: the number of indicators of a goal.
INDICATORS: Final = "indicators"
#: Column: how many of them have a score.
SCORED: Final = "scored"
#: Column: the share scored, in percent, computed from the two counts (NaN without indicators).
COVERAGE: Final = "coverage"
#: Columns of :func:`goal_scores_table`, in order.
GOAL_COLUMNS: Final = (
    GOAL,
    NAME,
    LEVEL,
    STRATEGIC_GOAL,
    INDICATORS,
    SCORED,
    COVERAGE,
    SCORE,
    STATUS,
)

#: Column: a finding's severity (a :class:`~citystrategy.validation.Severity` value).
SEVERITY: Final = "severity"
#: Column: a finding's kind (a :class:`~citystrategy.validation.FindingKind` value).
KIND: Final = "kind"
#: Column: which case of its kind the finding is.
VARIANT: Final = "variant"
#: Column: what the finding concerns: ``"indicator"``, ``"project"``, ``"goal"``,
#: ``"action_direction"``, ``"report"`` (a report's overall figures) or ``"strategy"``;
#: ``None`` when its code alone cannot tell (a formula-like name of an indicator or a project).
ABOUT: Final = "about"
#: Column: the expected value, where the kind has one (typed: a unit, a ``Measure`` …).
EXPECTED: Final = "expected"
#: Column: the value found instead.
FOUND: Final = "found"
#: Column: every typed value of the finding, as ``(key, value)`` pairs (a tuple).
VALUES: Final = "values"
#: Column: the finding in words, in the locale's language.
DESCRIPTION: Final = "description"
#: Columns of :func:`findings_table`, in order (``year`` and ``goal`` from the values, where
#: the finding has them).
FINDING_COLUMNS: Final = (
    SEVERITY,
    KIND,
    VARIANT,
    ABOUT,
    CODE,
    GOAL,
    YEAR,
    EXPECTED,
    FOUND,
    VALUES,
    DESCRIPTION,
)

#: Columns of :func:`observations_table`, in order; ``value`` is an exact ``Decimal``.
OBSERVATION_COLUMNS: Final = (
    TERRITORY,
    INDICATOR,
    YEAR,
    VALUE,
    UNIT,
    MISSING_CODE,
    MISSING_MARKER,
    MISSING_REASON,
    SOURCE,
)

#: How good each progress category is (for colours and icons).
STATUS_TONES: Final = {
    Status.TARGET_ACHIEVED.value: Tone.GOOD,
    Status.SUBSTANTIAL_PROGRESS.value: Tone.GOOD,
    Status.MODERATE_PROGRESS.value: Tone.FAIR,
    Status.LIMITED_PROGRESS.value: Tone.POOR,
    Status.DETERIORATION.value: Tone.BAD,
    Status.NOT_ASSESSABLE.value: Tone.NEUTRAL,
}
#: How good each trend is.
TREND_TONES: Final = {
    Trend.IMPROVED.value: Tone.GOOD,
    Trend.WORSENED.value: Tone.BAD,
    Trend.UNCHANGED.value: Tone.NEUTRAL,
    Trend.NOT_SIGNIFICANT.value: Tone.NEUTRAL,
    Trend.NOT_ASSESSABLE.value: Tone.NEUTRAL,
}
#: How serious each severity of a finding is.
SEVERITY_TONES: Final = {
    Severity.ERROR.value: Tone.BAD,
    Severity.WARNING.value: Tone.POOR,
    Severity.INFO.value: Tone.NEUTRAL,
}

#: The reason code of a value the data do not hold at all.
_NO_OBSERVATION: Final = "no_observation"


def _split(text: object) -> tuple[str, ...]:
    return tuple(part for part in str(text or "").split(";") if part)


def _present(value: object) -> bool:
    missing = value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))
    return not missing


def _goal_name(strategy: Strategy, code: str) -> str | None:
    for goal in strategy.strategic_goals:
        if goal.code == code:
            return goal.name
        for op in goal.operational_goals:
            if op.code == code:
                return op.name
    return None  # an unknown goal: a finding of check, not an error here


def _options(options: object) -> ProgressOptions:
    if options is None:
        return DEFAULT_OPTIONS
    return instance(options, "options", ProgressOptions, "a ProgressOptions")


def _settings(strategy: Strategy, year: int, options: ProgressOptions) -> dict[str, Any]:
    return {
        "strategy": strategy.code,
        "territory": strategy.territory.id,
        "year": year,
        "method": options.method.value,
        "options": options,
    }


def _contradicts(kinds: Iterable[object] | None) -> bool:
    """Whether the kinds of findings of a row's :data:`TARGET_FINDINGS` say that its target
    contradicts its direction (the target's value or its kind): its status is then no measure
    of progress."""
    return any(str(kind) in _CONTRADICTING for kind in kinds or ())


#: The kinds of findings of a target that contradicts its indicator's direction.
_CONTRADICTING: Final = frozenset(
    {FindingKind.TARGET_CONTRADICTS_DIRECTION, FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION}
)


def indicator_values_table(
    strategy: Strategy, year: int, *, options: ProgressOptions | None = None
) -> pd.DataFrame:
    """The indicators' values in *year*, their targets and progress: the report's section 3.

    One row per indicator, in the strategy's (the report's) order: the impact indicators of the
    strategic goals, then the result indicators of each operational goal, with the goal's code
    and name. The assessment is :func:`citystrategy.progress.assess`'s, unchanged; this table
    types it for reports.

    Args:
        strategy: The strategy.
        year: The reporting year (one with observed values).
        options: How progress is assessed (default
            :data:`~citystrategy.progress.DEFAULT_OPTIONS`).

    Returns:
        The columns of :data:`INDICATOR_COLUMNS`. Values, changes and targets are exact
        ``Decimal`` s; a missing value is ``None`` with its reason beside it
        (:data:`MISSING_CODE`, :data:`MISSING_MARKER`, :data:`MISSING_REASON`); years are
        ``Int64``; progress, score and the survey statistics floats (NaN when missing); notes
        and target findings tuples. ``attrs["settings"]``: ``strategy``, ``territory``,
        ``year``, ``method`` and ``options`` (the :class:`~citystrategy.progress.ProgressOptions`
        used).

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy, *year* not an int or *options* not
            a ProgressOptions.
        YearError: If no indicator has a value in *year*.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    opts = _options(options)
    frame = _values_frame(assess(strategy, year=year, options=opts), strategy, year)
    frame.attrs["settings"] = _settings(strategy, year, opts)
    return frame


def _values_frame(
    assessed: pd.DataFrame, strategy: Strategy | None, year: int | None
) -> pd.DataFrame:
    """The report's indicator table from :func:`citystrategy.progress.assess`'s result.

    With the strategy, the goals' names, the missing values' reasons and the targets come from
    the model; without it (a table of ``assess`` alone), from the assessed rows: the goals have
    no names, a missing value has no reason code, and the target is the value assessed against.
    """
    rows: list[dict[str, Any]] = []
    indicators = [None] * len(assessed) if strategy is None else list(strategy.indicators)
    for indicator, row in zip(indicators, _records(assessed), strict=True):
        goal = str(row["goal"]) if indicator is None else indicator.goal_code
        strategic = goal.split(".", 1)[0]
        value = row["value"] if _present(row["value"]) else None
        if strategy is None or indicator is None or year is None:
            reason = row["missing"] if _present(row["missing"]) and row["missing"] else None
            marker = row["missing_marker"] if _present(row["missing_marker"]) else None
            code = None if value is not None or reason is not None else _NO_OBSERVATION
            target_value = _exact_target(row["target"])
            target = None
            target_year = row["target_year"]
            raw = row["target_raw"] if _present(row["target_raw"]) and row["target_raw"] else None
        else:
            observation = strategy.observation(indicator.code, year)
            missing = None if observation is None else observation.missing
            value = None if observation is None else observation.value
            reason = None if missing is None else missing.text
            marker = None if missing is None else missing.marker
            code = (
                None
                if value is not None
                else (_NO_OBSERVATION if missing is None else missing.code)
            )
            target = indicator.target
            target_value = None if target is None else target.value
            target_year = None if target is None else target.year
            raw = None if target is None else target.raw
        p_value = row["p_value"]
        significant: object = pd.NA
        if bool(row["survey"]) and _present(p_value):
            # a change beyond sampling error: neither within it nor no change at all
            significant = row["trend"] not in (Trend.NOT_SIGNIFICANT.value, Trend.UNCHANGED.value)
        progress = row["progress"]
        rows.append(
            {
                STRATEGIC_GOAL: strategic,
                STRATEGIC_GOAL_NAME: None if strategy is None else _goal_name(strategy, strategic),
                GOAL: goal,
                GOAL_NAME: None if strategy is None else _goal_name(strategy, goal),
                CODE: str(row["code"]),
                NAME: str(row["name"]),
                LEVEL: str(row["level"]),
                UNIT: str(row["unit"]),
                SURVEY: bool(row["survey"]),
                DIRECTION: str(row["direction"]),
                VALUE: value,
                MISSING_CODE: code,
                MISSING_MARKER: marker or None,
                MISSING_REASON: reason,
                PREVIOUS_YEAR: row["previous_year"],
                PREVIOUS_VALUE: row["previous_value"] if _present(row["previous_value"]) else None,
                CHANGE: row["change"] if _present(row["change"]) else None,
                CHANGE_UNIT: row["change_unit"] if _present(row["change_unit"]) else None,
                TARGET_KIND: None if target is None else target.kind.value,
                TARGET_VALUE: target_value,
                TARGET_LOW: None if target is None else target.low,
                TARGET_HIGH: None if target is None else target.high,
                TARGET_TOLERANCE: None if target is None else target.tolerance,
                TARGET_YEAR: target_year,
                TARGET_LIMIT: pd.NA if target is None else target.limit,
                TARGET_RAW: raw,
                STATUS: row["status"],
                PROGRESS: float(progress) * 100 if _present(progress) else np.nan,
                SCORE: row["score"],
                TREND: row["trend"],
                INTERVAL_LOW: row["interval_low"],
                INTERVAL_HIGH: row["interval_high"],
                P_VALUE: p_value,
                SIGNIFICANT: significant,
                NOTES: _split(row["notes"]),
                TARGET_FINDINGS: _split(row["target_findings"]),
                CURRENT_YEAR: row["current_year"],
                BASE_YEAR: row["base_year"],
                BASE_VALUE: row["base_value"] if _present(row["base_value"]) else None,
                PREVIOUS_INTERVAL_LOW: row["previous_interval_low"],
                PREVIOUS_INTERVAL_HIGH: row["previous_interval_high"],
            }
        )
    frame = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))
    for column in (PREVIOUS_YEAR, TARGET_YEAR, CURRENT_YEAR, BASE_YEAR):
        frame[column] = frame[column].astype("Int64")
    for column in (SURVEY,):
        frame[column] = frame[column].astype(bool)
    for column in (TARGET_LIMIT, SIGNIFICANT):
        frame[column] = frame[column].astype("boolean")
    floats = (PROGRESS, SCORE, INTERVAL_LOW, INTERVAL_HIGH, P_VALUE)
    for column in (*floats, PREVIOUS_INTERVAL_LOW, PREVIOUS_INTERVAL_HIGH):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    return frame


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts, missing cells (``pd.NA`` in ``Int64`` columns) as ``None``."""
    return [
        {str(key): (None if value is pd.NA else value) for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def _exact_target(value: object) -> Decimal | None:
    """The value ``assess`` assessed against (a float) as a Decimal: its shortest repr."""
    if not _present(value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return Decimal(int(number)) if number.is_integer() else Decimal(repr(number))


def goal_scores_table(
    strategy: Strategy,
    year: int,
    *,
    options: ProgressOptions | None = None,
    min_coverage: object = MIN_COVERAGE,
) -> pd.DataFrame:
    """The scores of the strategic and operational goals in *year*, in the strategy's order.

    From :func:`citystrategy.progress.assess_goals`: the mean score of each goal's indicators,
    with the counts of indicators and of scored ones, the coverage in percent computed from
    them (3 of 7 is 42,857…%), and the goal's status (``not_assessable`` below *min_coverage*).

    Args:
        strategy: The strategy.
        year: The reporting year.
        options: How progress is assessed.
        min_coverage: The share of scored indicators a goal needs, in percent (``Percent(60)``
            or ``Q_(60, "percent")``; a bare number is a ``TypeError``).

    Returns:
        The columns of :data:`GOAL_COLUMNS`; ``attrs["settings"]`` as
        :func:`indicator_values_table`'s, with ``min_coverage`` (a ``Percent``).

    Raises:
        ArgumentTypeError: If an argument has the wrong type (*min_coverage* a bare number).
        ArgumentError: If *min_coverage* is outside 0–100%.
        YearError: If no indicator has a value in *year*.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    opts = _options(options)
    threshold = Percent(as_percent(min_coverage, "min_coverage"))
    goals = assess_goals(strategy, year=year, min_coverage=min_coverage, options=opts)
    frame = _goals_frame(goals)
    frame.attrs["settings"] = _settings(strategy, year, opts) | {"min_coverage": threshold}
    return frame


def _goals_frame(goals: pd.DataFrame) -> pd.DataFrame:
    """The report's goal table from :func:`citystrategy.progress.assess_goals`'s result."""
    total = goals["indicators"].astype("int64")
    scored = goals["scored"].astype("int64")
    frame = pd.DataFrame(
        {
            GOAL: goals["goal"].astype(str),
            NAME: goals["name"].astype(str),
            LEVEL: goals["level"].astype(str),
            STRATEGIC_GOAL: [str(code).split(".", 1)[0] for code in goals["goal"]],
            INDICATORS: total,
            SCORED: scored,
            COVERAGE: (scored * 100 / total.where(total > 0)).astype("float64"),
            SCORE: goals["score"].astype("float64"),
            STATUS: goals["status"].astype(str),
        },
        columns=list(GOAL_COLUMNS),
    )
    return frame


#: What a finding of each kind is about (the kinds with variants are decided in _about).
_ABOUT: Final = {
    FindingKind.UNKNOWN_ACTION_DIRECTION: "project",
    FindingKind.COST_NOT_STATED: "project",
    FindingKind.NEGATIVE_COST: "project",
    FindingKind.MIXED_CURRENCIES: "strategy",
    FindingKind.DECLARED_FIGURE_MISMATCH: "goal",
    FindingKind.DECLARED_FIGURE_UNVERIFIABLE: "goal",
}
_DUPLICATES: Final = {
    "strategic goal": "goal",
    "operational goal": "goal",
    "action direction": "action_direction",
    "indicator": "indicator",
    "project": "project",
}


def _about(finding: Finding) -> str | None:
    kind, variant = finding.kind, finding.variant
    if kind is FindingKind.DUPLICATE_CODE:
        return _DUPLICATES.get(variant, "indicator")
    if kind is FindingKind.UNKNOWN_GOAL:
        return "project" if variant == "project" else "indicator"
    if kind in (FindingKind.DECLARED_FIGURE_MISMATCH, FindingKind.DECLARED_FIGURE_UNVERIFIABLE):
        return "report" if variant == "total" else "goal"
    if kind is FindingKind.FORMULA_LIKE_TEXT:
        if re.fullmatch(r"[0-9]+(\.[0-9]+)?", finding.code):
            return "goal"
        if re.fullmatch(r"[0-9]+\.[0-9]+-[0-9]+", finding.code):
            return "action_direction"
        return "project" if variant in ("description", "aliases", "implementer") else None
    return _ABOUT.get(kind, "indicator")


def _finding_goal(finding: Finding) -> str | None:
    goal = finding.detail("goal")
    if isinstance(goal, str):
        return goal
    return None


def findings_table(report: ValidationReport, *, locale: LocaleLike = "pl_PL") -> pd.DataFrame:
    """The findings of :func:`citystrategy.check` as a table, in the report's order.

    Every typed value is kept as data: the year and the goal a finding names get columns of
    their own, the expected and found values stay typed (a unit, a ``Measure``, ``Money``), and
    all values are in :data:`VALUES` as ``(key, value)`` pairs; only :data:`DESCRIPTION` is
    words, from :func:`citystrategy.reports.describe_finding` in *locale*.

    Returns:
        The columns of :data:`FINDING_COLUMNS`; ``attrs["settings"]``: ``strategy`` and
        ``locale``.

    Raises:
        ArgumentTypeError: If *report* is not a ValidationReport.
        ArgumentError: If *locale* is not a locale.
    """
    instance(report, "report", ValidationReport, "a ValidationReport")
    loc = get_locale(locale)
    rows = []
    for finding in report:
        year = finding.detail("year")
        rows.append(
            {
                SEVERITY: finding.severity.value,
                KIND: finding.kind.value,
                VARIANT: finding.variant,
                ABOUT: _about(finding),
                CODE: finding.code,
                GOAL: _finding_goal(finding),
                YEAR: year if isinstance(year, int) else None,
                EXPECTED: finding.expected,
                FOUND: finding.found,
                VALUES: finding.values,
                DESCRIPTION: describe_finding(finding, locale=loc),
            }
        )
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    frame[YEAR] = frame[YEAR].astype("Int64")
    frame.attrs["settings"] = {"strategy": report.strategy, "locale": str(loc)}
    return frame


def observations_table(strategy: Strategy) -> pd.DataFrame:
    """The long data: one row per territory, indicator and year, for the report's data sheet.

    The rows and keys of :meth:`~citystrategy.model.Strategy.observations_frame` (validated as
    :mod:`citystrategy.frames` says), with the value exact as printed (a ``Decimal``; ``None``
    when missing) and the missing value's reason code, sign and text beside it.

    Returns:
        The columns of :data:`OBSERVATION_COLUMNS`; ``attrs["settings"]``: ``strategy``.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy.
        FrameError: If an observation refers to an unknown indicator.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    long = strategy.observations_frame()  # validates keys and units; same order as the model
    observations = strategy.observations
    frame = pd.DataFrame(
        {
            TERRITORY: long[TERRITORY].astype(str),
            INDICATOR: long[INDICATOR].astype(str),
            YEAR: long[YEAR].astype("int64"),
            VALUE: pd.Series([o.value for o in observations], index=long.index, dtype=object),
            UNIT: long[UNIT].astype(str),
            MISSING_CODE: [None if o.missing is None else o.missing.code for o in observations],
            MISSING_MARKER: [None if o.missing is None else o.missing.marker for o in observations],
            MISSING_REASON: [None if o.missing is None else o.missing.text for o in observations],
            SOURCE: long[SOURCE],
        },
        columns=list(OBSERVATION_COLUMNS),
    )
    frame.attrs["settings"] = {"strategy": strategy.code}
    return frame


# The sections compose the tables above in the report's words (a module of their own, which
# imports this one: its names are looked up on first use, so either module may be imported first).
if TYPE_CHECKING:
    from citystrategy.reports.tables._indicator_sections import (
        data_table_block as data_table_block,
    )
    from citystrategy.reports.tables._indicator_sections import (
        findings_section as findings_section,
    )
    from citystrategy.reports.tables._indicator_sections import (
        goal_scores_section as goal_scores_section,
    )
    from citystrategy.reports.tables._indicator_sections import (
        indicators_section as indicators_section,
    )
else:
    _SECTIONS: Final = frozenset(
        {"data_table_block", "findings_section", "goal_scores_section", "indicators_section"}
    )

    def __getattr__(name: str) -> object:
        if name in _SECTIONS:
            from citystrategy.reports.tables import _indicator_sections

            return getattr(_indicator_sections, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
