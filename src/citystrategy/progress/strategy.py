"""Assessment of a whole strategy: every indicator, and the scores of its goals.

>>> from citystrategy.cities import kielce
>>> table = assess(kielce.load(), year=2023)
>>> len(table), table["status"].isna().sum()
(112, np.int64(0))
>>> goals = assess_goals(kielce.load(), year=2023)
>>> goals.loc[goals["goal"] == "1", ["indicators", "scored"]].values.tolist()
[[24, 24]]
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from citystrategy._arguments import instance, integer
from citystrategy._i18n import N_
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    AssessmentError,
    Message,
    YearError,
)
from citystrategy.frames import INDICATOR, TERRITORY, VALUE, YEAR
from citystrategy.model import Direction, Observation, Strategy, TargetKind
from citystrategy.percent import Percent, as_percent
from citystrategy.progress.frame import META_COLUMNS, assess_frame
from citystrategy.progress.method import Note, Status, Trend, status_from_score
from citystrategy.progress.options import ProgressOptions, resolve
from citystrategy.validation import FindingKind
from citystrategy.validation._values import target_findings

__all__ = [
    "GOAL_COLUMNS",
    "INDICATOR_COLUMNS",
    "MIN_COVERAGE",
    "assess",
    "assess_goals",
    "indicator_metadata",
    "survey_samples",
]

#: Columns of :func:`assess`.
INDICATOR_COLUMNS: Final = (
    "code",
    "name",
    "goal",
    "level",
    "unit",
    "survey",
    "direction",
    "value",
    "missing",
    "missing_marker",
    "previous_value",
    "change",
    "change_unit",
    "trend",
    "target",
    "target_raw",
    "target_year",
    "status",
    "progress",
    "score",
    "base_year",
    "current_year",
    "previous_year",
    "base_value",
    "interval_low",
    "interval_high",
    "previous_interval_low",
    "previous_interval_high",
    "p_value",
    "notes",
    "target_findings",
)
#: Columns of :func:`assess_goals`.
GOAL_COLUMNS: Final = (
    "goal",
    "name",
    "level",
    "indicators",
    "scored",
    "coverage",
    "score",
    "status",
)
#: Share of a goal's indicators that must have a score for the goal to be assessed.
MIN_COVERAGE: Final = Percent(60)

#: Findings of :func:`citystrategy.check` that say something about an indicator's target.
_TARGET_FINDINGS: Final = (
    FindingKind.TARGET_CONTRADICTS_DIRECTION,
    FindingKind.TARGET_KIND_CONTRADICTS_DIRECTION,
    FindingKind.TARGET_MET_AT_BASE,
    FindingKind.BOUND_ALREADY_SATISFIED,
)


def indicator_metadata(strategy: Strategy) -> pd.DataFrame:
    """The metadata frame :func:`~citystrategy.progress.assess_frame` needs, from the model.

    * An *at least* or *at most* target, and an *exactly* target without tolerance, is assessed
      against its value in the indicator's direction.
    * A band is assessed as a range (``within_range`` with ``target_low`` and ``target_high``):
      a *within range* target, and an *exactly* target with a tolerance (value ± tolerance).
    * A ``within_range`` indicator with a single-value target has the band of that value alone.
    * The target year is the target's own (the model requires one); there is no default year.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    rows = []
    for indicator in strategy.indicators:
        target = indicator.target
        direction = indicator.direction.value
        value = low = high = np.nan
        if target is not None and target.kind is TargetKind.WITHIN_RANGE:
            assert target.low is not None
            assert target.high is not None
            direction, low, high = (
                Direction.WITHIN_RANGE.value,
                float(target.low),
                float(target.high),
            )
        elif target is not None and target.value is not None:
            band = target.kind is TargetKind.EXACTLY and target.tolerance > 0
            if band or indicator.direction is Direction.WITHIN_RANGE:
                direction = Direction.WITHIN_RANGE.value
                low = float(target.value - target.tolerance)
                high = float(target.value + target.tolerance)
            else:
                value = float(target.value)
        rows.append(
            {
                "indicator": indicator.code,
                "direction": direction,
                "target": value,
                "target_year": target.year if target is not None else np.nan,
                "limit": np.nan,
                "target_low": low,
                "target_high": high,
                "survey": indicator.survey,
                "unit": indicator.unit,
            }
        )
    return pd.DataFrame(rows, columns=list(META_COLUMNS))


def survey_samples(strategy: Strategy) -> pd.DataFrame | None:
    """Survey sample sizes by territory and year, from the survey-responses indicator.

    A value that is no sample size (0, negative or fractional) is left out, as a year without
    a value is: the survey shares of that year get no interval and no change test, and
    :func:`citystrategy.check` reports it (``survey_sample_unusable``).
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    code = strategy.survey_responses_indicator
    if code is None or code not in {i.code for i in strategy.indicators}:
        return None  # an unknown survey indicator is a finding of check
    rows = [
        {TERRITORY: o.territory, YEAR: o.year, "n": int(o.value)}
        for o in strategy.observations_of(code)
        if o.value is not None and o.value > 0 and o.value == o.value.to_integral_value()
    ]
    return pd.DataFrame(rows, columns=[TERRITORY, YEAR, "n"]) if rows else None


def assess(
    strategy: Strategy,
    *,
    year: int,
    options: ProgressOptions | None = None,
    **overrides: object,
) -> pd.DataFrame:
    """Assess every indicator of *strategy* for the strategy's own territory in *year*.

    Every indicator gets a row: a status, or ``not_assessable`` with the notes saying why.

    Args:
        strategy: The strategy.
        year: The reporting year: a year with at least one observed value.
        options: How to assess (:class:`~citystrategy.progress.ProgressOptions`).
        overrides: Fields of :class:`~citystrategy.progress.ProgressOptions` to change
            (``method="projection"``, ``window=5``).

    Returns:
        The columns of :data:`INDICATOR_COLUMNS`, in strategy order. ``value`` is the value of
        *year* itself; when the source has none, it is missing and ``missing`` says why, and the
        indicator is ``not_assessable`` with the note ``no_value_in_year`` (never "target
        achieved" on an older value; its latest earlier year is in ``current_year``, its value in
        ``previous_value``), with no ``change``, ``trend`` (``not_assessable``) or survey test:
        no change ends in *year*, and the method's pair of earlier years is not the year's
        (the latest value's survey interval is ``previous_interval_low`` / ``_high``). ``value``,
        ``previous_value``, ``base_value`` and ``change`` are exact ``Decimal`` s as printed in
        the source (a change of a percentage is in percentage points: 12,3% to 5,2% is
        ``Decimal("-7.1")``); the other numbers are floats. ``notes`` holds
        :class:`~citystrategy.progress.Note` values separated by ``;``; ``target_findings`` the
        kinds of :func:`citystrategy.check` findings about the indicator's target.

    Raises:
        YearError: If no indicator has a value in *year* (a ``ValueError``), naming the years
            that have values.
        ArgumentTypeError: If *strategy* is not a Strategy, or *year* or another option has the
            wrong type (``year="2023"``).
        ArgumentError: If an option is invalid (see
            :func:`~citystrategy.progress.assess_frame`).
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    opts = resolve(options, overrides)
    territory = strategy.territory.id
    frame = strategy.observations_frame()
    frame = frame[frame[TERRITORY] == territory]
    years = {int(y) for y in frame.loc[frame[VALUE].notna(), YEAR].unique()}
    if integer(year, "year") not in years:
        raise YearError("year", year, sorted(years), N_("years with observed values"))
    result = assess_frame(
        frame,
        indicator_metadata(strategy),
        year=year,
        samples=survey_samples(strategy),
        options=opts,
    )
    # the result's columns as lists, and each indicator's row in them: one conversion per
    # column instead of a pandas lookup per indicator and column
    columns = {
        column: result[column].tolist()
        for column in result.columns
        if column not in (TERRITORY, INDICATOR)
    }
    position = {code: row for row, code in enumerate(result[INDICATOR].tolist())}
    observations: dict[tuple[str, int], Observation] = {}
    for observation in strategy.observations:  # the first of each, as Strategy.observation
        if observation.territory == territory:
            observations.setdefault((observation.indicator, observation.year), observation)
    findings: dict[str, list[str]] = {}
    for indicator in strategy.indicators:  # the findings of check() about targets, in its order
        for finding in target_findings(strategy, indicator):
            if finding.kind in _TARGET_FINDINGS:
                findings.setdefault(finding.code, []).append(finding.kind.value)
    rows: list[dict[str, Any]] = []
    for indicator in strategy.indicators:
        row: dict[str, Any] = {
            "code": indicator.code,
            "name": indicator.name,
            "goal": indicator.goal_code,
            "level": indicator.level.value,
            "unit": indicator.unit,
            "survey": indicator.survey,
            "direction": indicator.direction.value,
            "target_raw": indicator.target.raw if indicator.target is not None else "",
            "target_findings": ";".join(findings.get(indicator.code, [])),
        }
        at = position.get(indicator.code)
        if at is not None:
            assessed = {column: values[at] for column, values in columns.items()}
            row |= assessed
            row |= _exact(observations, indicator.code, assessed, year)
        else:
            row |= {
                "status": Status.NOT_ASSESSABLE.value,
                "trend": "not_assessable",
                "notes": Note.NO_DATA.value,
            }
        rows.append(row)
    table = pd.DataFrame(rows).reindex(columns=list(INDICATOR_COLUMNS))
    for column in ("target_year", "base_year", "current_year", "previous_year"):
        table[column] = table[column].astype("Int64")
    return table


def _exact(
    observations: Mapping[tuple[str, int], Observation],
    code: str,
    assessed: Mapping[str, Any],
    year: int,
) -> dict[str, Any]:
    """Values and the change as exact Decimals, from the observations (the frame has floats)."""

    def value(year: Any) -> Decimal | None:
        if pd.isna(year):
            return None
        observation = observations.get((code, int(year)))
        return None if observation is None else observation.value

    current = value(assessed["current_year"])
    previous = value(assessed["previous_year"])
    change = None if current is None or previous is None else current - previous
    in_year = observations.get((code, year))
    previous_year = assessed["previous_year"]
    change_of_year: dict[str, Any] = {}
    if in_year is None or in_year.value is None:  # the latest value is from an earlier year
        previous, change, previous_year = current, None, assessed["current_year"]
        # no change ends in the year, so no trend and no test of one: the pair of earlier years
        # the method compared is not the year's; the latest value's interval is the previous one
        change_of_year = {
            "trend": Trend.NOT_ASSESSABLE.value,
            "p_value": np.nan,
            "interval_low": np.nan,
            "interval_high": np.nan,
            "previous_interval_low": assessed["interval_low"],
            "previous_interval_high": assessed["interval_high"],
        }
    return change_of_year | {
        "previous_year": previous_year,
        # the value of the reporting year itself: missing (with its reason) if the source has none,
        # even when the assessment had to use an earlier year
        "value": None if in_year is None else in_year.value,
        "missing": "" if in_year is None or in_year.missing is None else in_year.missing.text,
        "missing_marker": ""
        if in_year is None or in_year.missing is None
        else in_year.missing.marker,
        "previous_value": previous,
        "base_value": value(assessed["base_year"]),
        "change": change,
    }


def assess_goals(
    strategy: Strategy,
    *,
    year: int,
    min_coverage: object = MIN_COVERAGE,
    table: pd.DataFrame | None = None,
    options: ProgressOptions | None = None,
    **overrides: object,
) -> pd.DataFrame:
    """Scores of the strategic and operational goals: the mean of their indicators' scores.

    An operational goal's score is the mean of the scores of the indicators that measure it; a
    strategic goal's, of its impact indicators and of the indicators of its operational goals
    (equal weights; indicators without a score are left out). ``coverage`` is the share of
    indicators with a score, as a fraction of one; below *min_coverage* the goal is
    ``not_assessable``. A goal whose scored indicators have all achieved their targets is
    ``target_achieved``; otherwise the status is the category whose score band holds the mean.

    Args:
        strategy: The strategy.
        year: The reporting year.
        min_coverage: Share of scored indicators needed to assess a goal, in percent:
            ``Percent(60)`` (the default) or ``Q_(60, "percent")``; a bare number is a
            ``TypeError``.
        table: The result of :func:`assess`, if already computed.
        options: Passed to :func:`assess` when *table* is not given.
        overrides: Fields of :class:`~citystrategy.progress.ProgressOptions` to change, passed
            to :func:`assess` likewise.

    Raises:
        ArgumentError: If *min_coverage* is outside 0–100% (a ``ValueError``), or an option of
            :func:`assess` is invalid.
        ArgumentTypeError: If *strategy* is not a Strategy, *min_coverage* is a bare number,
            or an option is not one of :class:`~citystrategy.progress.ProgressOptions`' or has
            the wrong type.
        AssessmentError: If *table* lacks a column of :func:`assess`'s result.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    coverage = as_percent(min_coverage, "min_coverage")
    if not 0 <= coverage <= 100:
        raise ArgumentError("min_coverage", min_coverage, "a share between 0% and 100%")
    opts = resolve(options, overrides)
    if table is None:
        table = assess(strategy, year=year, options=opts)
    check_table(table)
    scores = table["score"].astype("float64").to_numpy()
    scored_rows = ~np.isnan(scores)
    # the mean as pandas takes it (a missing score counts 0 in the sum, the sum over the rows in
    # table order), so that the goal scores do not depend on how they are computed
    filled = np.where(scored_rows, scores, 0.0)
    achieved = table["status"].to_numpy(dtype=object) == Status.TARGET_ACHIEVED.value
    rows_of: dict[object, list[int]] = {}  # goal code -> the table's rows that measure it
    for row, code in enumerate(table["goal"].tolist()):
        rows_of.setdefault(code, []).append(row)

    def goal_row(code: str, name: str, level: str, codes: list[str]) -> dict[str, Any]:
        rows = np.array(sorted(r for c in dict.fromkeys(codes) for r in rows_of.get(c, [])))
        rows = rows.astype(np.int64)
        return _goal_row(
            code, name, level, filled[rows], scored_rows[rows], achieved[rows], coverage
        )

    goal_rows = []
    for goal in strategy.strategic_goals:
        codes = [goal.code, *(op.code for op in goal.operational_goals)]
        goal_rows.append(goal_row(goal.code, goal.name, "strategic", codes))
        for op in goal.operational_goals:
            goal_rows.append(goal_row(op.code, op.name, "operational", [op.code]))
    return pd.DataFrame(goal_rows, columns=list(GOAL_COLUMNS))


def check_table(
    table: object, columns: tuple[str, ...] = ("code", "goal", "status", "score")
) -> pd.DataFrame:
    """*table* if it is a frame with these columns of :func:`assess`'s result (for readers)."""
    if not isinstance(table, pd.DataFrame):
        raise ArgumentTypeError("table", table, "the DataFrame assess() returns")
    absent = [c for c in columns if c not in table.columns]
    if absent:
        template = N_("the table lacks the column(s) {columns}: pass the result of assess()")
        raise AssessmentError(Message(template, {"columns": tuple(absent)}))
    return table


def _goal_row(
    code: str,
    name: str,
    level: str,
    filled: npt.NDArray[np.float64],
    scored_rows: npt.NDArray[np.bool_],
    achieved: npt.NDArray[np.bool_],
    min_coverage: Decimal,
) -> dict[str, Any]:
    """One goal's row, from its indicators' scores (0 where missing), which are scored and
    which have achieved their targets."""
    scored = int(scored_rows.sum())
    total = len(filled)
    coverage = scored / total if total else 0.0
    mean = float(filled.sum() / scored) if scored else np.nan
    if not scored or scored * 100 < min_coverage * total:  # exact: 3 of 5 is 60%
        status = Status.NOT_ASSESSABLE
    elif achieved[scored_rows].all():
        status = Status.TARGET_ACHIEVED
    else:
        status = status_from_score(mean)
    return {
        "goal": code,
        "name": name,
        "level": level,
        "indicators": total,
        "scored": scored,
        "coverage": coverage,
        # a goal with too few scored indicators has no score: a mean of a few would mislead
        "score": np.nan if status is Status.NOT_ASSESSABLE else mean,
        "status": status.value,
    }
