r"""Progress of one series toward its target: status, progress ratio, score, trend, uncertainty.

The ratio method is Statistics Canada's, as implemented in Open SDG's ``sdg-build`` and
modelled on Eurostat's SDG monitoring: compare the compound annual growth rate achieved since the
base year with the rate needed to reach the target by the target year (or, without a target,
classify the growth rate itself). The projection method follows UNSD's progress chart and ESCAP.
The formulas live once in :mod:`citystrategy.progress.method`; this module runs them on one
series' NumPy scalars, so its results equal :func:`~citystrategy.progress.assess_frame`'s.
See ``docs/explanation/progress-method.md``.

>>> from citystrategy.model import Direction
>>> result = assess_series(
...     {2022: 39.5, 2023: 36.3}, direction=Direction.LOWER_IS_BETTER, target=30.0, target_year=2030
... )
>>> result.status.value, round(result.progress, 3), round(result.score, 2)
('substantial_progress', 2.397, 5.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

import numpy as np
from attrs import field, frozen

from citystrategy._arguments import integer, real
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentTypeError, AssessmentError, Message
from citystrategy.model import Direction
from citystrategy.percent import fraction_level
from citystrategy.progress import method as _m
from citystrategy.progress.method import Method, Note, Status, Trend
from citystrategy.progress.options import ProgressOptions, resolve
from citystrategy.progress.survey import change_test

__all__ = [
    "Assessment",
    "SeriesValues",
    "YearOnYear",
    "assess_series",
    "parse_period",
    "year_on_year",
]

#: A range indicator assessed without its range.
_NEEDS_RANGE = N_("an indicator kept within a range needs 'target_range' (low, high)")

#: A series: year (or period such as ``"2015-16"``) -> value, as a mapping or as pairs.
SeriesValues: TypeAlias = (
    Mapping[int, float | None]
    | Mapping[str, float | None]
    | Mapping[int | str, float | None]
    | Iterable[tuple[int | str, float | None]]
    | Iterable[tuple[int, float | None]]
)


@frozen(kw_only=True)
class Assessment:
    """The assessment of one series.

    Attributes:
        status: The progress category.
        progress: ``P``: the ratio of achieved to required growth (with a target), the annual
            growth rate (without one), or the ratio of projected to required change
            (projection); ``None`` when it cannot be computed.
        score: ``P`` on the -5..+5 scale whose bands match the categories; ``None`` when not
            assessable.
        method: The method used.
        base_year: The base year actually used.
        current_year: The latest year used; with a reporting year that has no value, the
            latest earlier year (and the status is ``not_assessable``, ``Note.NO_VALUE_IN_YEAR``).
        base_value: The value in the base year, as given (before a zero was substituted or a
            range turned into a distance).
        current_value: The value in the latest year, as given.
        target: The target (after a range was turned into a distance, its centre).
        target_year: The target year.
        notes: Substitutions and fallbacks applied, and reasons for not assessing.
    """

    status: Status
    progress: float | None = None
    score: float | None = None
    method: Method = Method.RATIO
    base_year: int | None = None
    current_year: int | None = None
    base_value: float | None = None
    current_value: float | None = None
    target: float | None = None
    target_year: int | None = None
    notes: tuple[Note, ...] = field(factory=tuple)

    @property
    def note_texts(self) -> tuple[str, ...]:
        """The notes in words (English)."""
        return tuple(_m.NOTES[note] for note in self.notes)


def _direction(direction: Direction | str) -> Direction:
    """The direction, from a member or its value; anything else is an error (never a guess)."""
    try:
        return Direction(direction)
    except ValueError:
        allowed = tuple(d.value for d in Direction)
        template = N_("'direction' must be one of {allowed} (got {value!r})")
        problem = Message(template, {"allowed": allowed, "value": direction})
        raise AssessmentError(problem) from None


def parse_period(period: int | str) -> int:
    """The first year of a period: ``2015``, ``"2015"`` and ``"2015-16"`` all give 2015.

    Raises:
        AssessmentError: If *period* does not start with a four-digit year.

    >>> parse_period("2015-16")
    2015
    """
    if isinstance(period, int) and not isinstance(period, bool):
        return period
    text = str(period).strip()
    head = text[:4]
    if len(text) < 4 or not head.isdigit() or (len(text) > 4 and text[4] not in "-–/"):
        template = N_("cannot read a year from the period {period!r}")
        raise AssessmentError(Message(template, {"period": period}))
    return int(head)


def _series(values: SeriesValues) -> dict[int, float]:
    items = values.items() if isinstance(values, Mapping) or hasattr(values, "items") else values
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ArgumentTypeError("values", values, "a mapping of years to values, or pairs")
    series: dict[int, float] = {}
    for pair in items:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise ArgumentTypeError("values", pair, "a (year, value) pair")
        period, value = pair
        year = parse_period(period)
        if value is None or value != value:  # NaN of any float type
            continue
        if year in series:
            raise AssessmentError(Message(N_("the year {year} appears twice"), {"year": year}))
        if isinstance(value, bool | str) or not isinstance(value, int | float | Decimal):
            template = N_("the value of {period!r} is not a number: {value!r}")
            raise AssessmentError(Message(template, {"period": period, "value": value}))
        series[year] = float(value)
    return series


def _band(target_range: object) -> tuple[float, float] | None:
    """*target_range* checked: ``None`` or two numbers."""
    if target_range is None:
        return None
    if not isinstance(target_range, tuple | list) or len(target_range) != 2:
        raise ArgumentTypeError("target_range", target_range, "a (low, high) pair of numbers")
    low, high = (real(bound, "target_range") for bound in target_range)
    return low, high


def _optional(value: object, argument: str) -> float:
    """*value* as a float, NaN for ``None`` or NaN."""
    return np.nan if value is None or value != value else real(value, argument)


def assess_series(
    values: SeriesValues,
    *,
    direction: Direction | str,
    target: float | None = None,
    target_year: int | None = None,
    limit: float | None = None,
    target_range: tuple[float, float] | None = None,
    year: int | None = None,
    options: ProgressOptions | None = None,
    **overrides: object,
) -> Assessment:
    """Assess one series toward its target, as ``docs/explanation/progress-method.md`` says.

    Args:
        values: Year (or period such as ``"2015-16"``) -> value; ``None`` or NaN is no value.
        direction: Which way is improvement. ``WITHIN_RANGE`` needs *target_range*.
        target: The target value; ``None`` to classify the growth rate alone.
        target_year: The year of the target. A target without one is ``not_assessable``
            (``Note.NO_TARGET_YEAR``), unless already achieved; there is no default year.
        limit: A natural limit the value cannot pass (e.g. 100 for a share); scales the
            thresholds without a target.
        target_range: ``(low, high)`` for ``WITHIN_RANGE``: values become their distance
            outside the band around its centre, assessed as lower is better with the centre as
            target.
        year: The reporting year: values after it are ignored, and a series with no value in it
            is ``not_assessable`` (``Note.NO_VALUE_IN_YEAR``), never "target achieved" on an
            older value. Default: the series' last year with a value.
        options: How to assess (:class:`~citystrategy.progress.ProgressOptions`); default
            :data:`~citystrategy.progress.DEFAULT_OPTIONS`.
        overrides: Fields of :class:`~citystrategy.progress.ProgressOptions` to change
            (``window=5``), applied to *options*.

    Raises:
        AssessmentError: If a year appears twice, a period cannot be read, or a
            ``WITHIN_RANGE`` series has no *target_range*.
        ArgumentTypeError: If an argument has the wrong type or an override is unknown.
        ArgumentError: If an option has an invalid value.
    """
    opts = resolve(options, overrides)
    direction = _direction(direction)
    if year is not None:
        integer(year, "year")
    if target_year is not None:
        integer(target_year, "target_year")
    goal = _optional(target, "target")
    bound = _optional(limit, "limit")
    band = _band(target_range)
    if direction is Direction.WITHIN_RANGE and band is None:
        raise AssessmentError(Message(_NEEDS_RANGE))
    low, high = band if band is not None else (np.nan, np.nan)
    is_range = direction is Direction.WITHIN_RANGE
    series = _series(values)
    if year is not None:
        series = {y: v for y, v in series.items() if y <= year}
    no_data = Assessment(
        status=Status.NOT_ASSESSABLE,
        method=opts.method,
        target=(low + high) / 2 if is_range else (None if goal != goal else goal),
        target_year=target_year if is_range or goal == goal else None,
        notes=(Note.NO_DATA,),
    )
    r = _m.assess_one(
        series,
        d=1.0 if direction is Direction.HIGHER_IS_BETTER else -1.0,
        is_range=is_range,
        target=goal,
        target_year=np.nan if target_year is None else float(target_year),
        limit=bound,
        low=low,
        high=high,
        year=year,
        base_year=opts.base_year,
        window=opts.window,
        method=opts.method,
        ratio_thresholds=opts.ratio_thresholds,
        growth_thresholds=opts.growth,
        zero=opts.zero,
        weighted=opts.weighted,
    )
    if r is None:
        return no_data

    def number(value: float) -> float | None:
        return None if value != value else value

    return Assessment(
        status=_m.STATUSES[r.status],
        progress=number(r.progress),
        score=number(r.score),
        method=opts.method,
        base_year=r.base_year,
        current_year=r.current_year,
        base_value=number(r.base_value),
        current_value=number(r.current_value),
        target=number(r.target),
        target_year=target_year if r.has_target else None,
        notes=tuple(note for note in _m.NOTE_LIST if r.notes & _m.N[note]),
    )


@frozen(kw_only=True)
class YearOnYear:
    """The change of an indicator from the previous year with data to the latest one.

    Attributes:
        trend: Improved, worsened or unchanged against the direction; not significant for a
            survey change within sampling error.
        previous_year: The earlier year compared.
        current_year: The later year compared.
        previous_value: Its value.
        current_value: Its value.
        change: ``current - previous``, in ``change_unit``.
        change_unit: The unit of the change: percentage points for a percentage.
        interval_previous: Wilson interval of the previous share (surveys with sizes), in the
            indicator's unit.
        interval_current: Wilson interval of the current share.
        p_value: Two-proportion test of the change (surveys with sizes).
    """

    trend: Trend
    previous_year: int | None = None
    current_year: int | None = None
    previous_value: float | None = None
    current_value: float | None = None
    change: float | None = None
    change_unit: str = ""
    interval_previous: tuple[float, float] | None = None
    interval_current: tuple[float, float] | None = None
    p_value: float | None = None


def year_on_year(
    values: SeriesValues,
    *,
    direction: Direction | str,
    unit: str,
    year: int | None = None,
    sample_sizes: Mapping[int, int] | None = None,
    target_range: tuple[float, float] | None = None,
    alpha: float = 0.05,
) -> YearOnYear:
    """Compare the latest value with the previous one, against the direction.

    Args:
        values: Year -> value.
        direction: Which way is improvement.
        unit: The indicator's unit; a change of a ``percent`` is in ``percentage_point``.
        year: The latest year to use; default the last year with a value.
        sample_sizes: Year -> number of survey responses; with both years' sizes the shares get
            Wilson intervals and the change a two-proportion test.
        target_range: ``(low, high)`` for a ``WITHIN_RANGE`` indicator: moving closer to the
            band is an improvement.
        alpha: Significance level of the test, a fraction strictly between 0 and 1
            (``1 - alpha`` is the interval's level).

    >>> change = year_on_year(
    ...     {2022: 12.3, 2023: 5.2},
    ...     direction=Direction.HIGHER_IS_BETTER,
    ...     unit="percent",
    ...     sample_sizes={2022: 593, 2023: 248},
    ... )
    >>> change.trend.value, round(change.change, 1), change.change_unit
    ('worsened', -7.1, 'percentage_point')
    """
    direction = _direction(direction)
    alpha = fraction_level(alpha, "alpha")
    if year is not None:
        integer(year, "year")
    if not isinstance(unit, str):
        raise ArgumentTypeError("unit", unit, "a unit name")
    band = _band(target_range)
    series = _series(values)
    years = sorted(y for y in series if year is None or y <= year)
    change_unit = "percentage_point" if unit == "percent" else unit
    if len(years) < 2:
        return YearOnYear(
            trend=Trend.NOT_ASSESSABLE,
            current_year=years[-1] if years else None,
            current_value=series[years[-1]] if years else None,
            change_unit=change_unit,
        )
    is_range = direction is Direction.WITHIN_RANGE
    if is_range and band is None:
        raise AssessmentError(Message(_NEEDS_RANGE))
    low, high = band if band is not None else (np.nan, np.nan)
    t1, t2 = years[-2], years[-1]
    v1, v2 = series[t1], series[t2]
    code = _m.trends(
        np.array([v1]),
        np.array([v2]),
        np.array([True]),
        np.array([1.0 if direction is Direction.HIGHER_IS_BETTER else -1.0]),
        np.array([is_range]),
        np.array([low]),
        np.array([high]),
    )[0]
    trend = _m.TRENDS[int(code)]
    intervals: tuple[tuple[float, float] | None, tuple[float, float] | None] = (None, None)
    p = None
    if sample_sizes is not None and t1 in sample_sizes and t2 in sample_sizes:
        first, second, p = change_test(
            v1, sample_sizes[t1], v2, sample_sizes[t2], unit=unit, alpha=alpha
        )
        intervals = (first, second)
        if trend is not Trend.UNCHANGED and p >= alpha:
            trend = Trend.NOT_SIGNIFICANT
    return YearOnYear(
        trend=trend,
        previous_year=t1,
        current_year=t2,
        previous_value=v1,
        current_value=v2,
        change=v2 - v1,
        change_unit=change_unit,
        interval_previous=intervals[0],
        interval_current=intervals[1],
        p_value=p,
    )
