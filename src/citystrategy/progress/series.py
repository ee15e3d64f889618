r"""Progress of indicators toward their targets: status, progress ratio, score, trend, uncertainty.

The ratio method is Statistics Canada's, as implemented in Open SDG's ``sdg-build`` and
modelled on Eurostat's SDG monitoring: compare the compound annual growth rate achieved since the
base year with the rate needed to reach the target by the target year (or, without a target,
classify the growth rate itself). The projection method follows UNSD's progress chart and ESCAP:
fit a least-squares line over the years, project it to the target year, and compare the
projected change with the required one. See ``docs/explanation/progress-method.md``.

Two things none of those methods does are done here too: survey-based shares carry their sampling
uncertainty (:func:`year_on_year` with sample sizes), and targets that contradict their direction
are reported by :func:`citystrategy.check`.

All functions are pure. :func:`assess_series` works on one series; :func:`assess_frame` on a long
frame of any number of territories and indicators, vectorised, with the same results.

>>> from citystrategy.model import Direction
>>> result = assess_series(
...     {2022: 39.5, 2023: 36.3}, direction=Direction.LOWER_IS_BETTER, target=30.0, target_year=2030
... )
>>> result.status.value, round(result.progress, 3), round(result.score, 2)
('substantial_progress', 2.397, 5.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from statistics import NormalDist
from typing import Final, TypeAlias

from attrs import field, frozen

from citystrategy._arguments import integer, member, real
from citystrategy.errors import ArgumentError, ArgumentTypeError, AssessmentError
from citystrategy.model import Direction

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LIMIT_EXPONENT",
    "NOTES",
    "ZERO_SUBSTITUTE",
    "Assessment",
    "Method",
    "Note",
    "Status",
    "Thresholds",
    "Trend",
    "YearOnYear",
    "assess_series",
    "limit_factor",
    "parse_period",
    "status_from_score",
    "two_proportion_p_value",
    "wilson_interval",
    "year_on_year",
]


#: A series: year (or period such as ``"2015-16"``) -> value, as a mapping or as pairs.
SeriesValues: TypeAlias = (
    Mapping[int, float | None]
    | Mapping[str, float | None]
    | Mapping[int | str, float | None]
    | Iterable[tuple[int | str, float | None]]
    | Iterable[tuple[int, float | None]]
)


class Status(StrEnum):
    """Progress category, best first."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"  #: on track
    MODERATE_PROGRESS = "moderate_progress"  #: acceleration needed
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_ASSESSABLE = "not_assessable"


class Method(StrEnum):
    """How progress is measured."""

    RATIO = "ratio"  #: compound annual growth rates (Statistics Canada, Open SDG, Eurostat)
    PROJECTION = "projection"  #: least-squares projection to the target year (UNSD, ESCAP)


class Trend(StrEnum):
    """The change from the previous year, read against the direction."""

    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    NOT_SIGNIFICANT = "not_significant"  #: a survey change within sampling error
    NOT_ASSESSABLE = "not_assessable"


class Note(StrEnum):
    """A substitution, fallback or reason applied while assessing a series."""

    BASE_YEAR_MOVED = "base_year_moved"
    ZERO_BASE = "zero_base"
    ZERO_TARGET = "zero_target"
    TOO_FEW_YEARS = "too_few_years"
    OPPOSITE_SIGNS = "opposite_signs"
    TARGET_OPPOSITE_SIGN = "target_opposite_sign"
    NEGATIVE_VALUES = "negative_values"
    LIMIT_APPLIED = "limit_applied"
    TARGET_YEAR_NOT_AFTER_BASE = "target_year_not_after_base"
    NO_TARGET_FOR_PROJECTION = "no_target_for_projection"
    REQUIRED_CHANGE_ZERO = "required_change_zero"
    NO_DATA = "no_data"


#: What each note means, in English (reports word them in Polish).
NOTES: Final = {
    Note.BASE_YEAR_MOVED: "no value in the base year: the first later year with a value was used",
    Note.ZERO_BASE: "the base value is 0: 0.001 was used in its place (Open SDG)",
    Note.ZERO_TARGET: "the target is 0: 0.001 was used in its place (Open SDG)",
    Note.TOO_FEW_YEARS: "fewer than two years with values in the window",
    Note.OPPOSITE_SIGNS: "the base and latest values have opposite signs",
    Note.TARGET_OPPOSITE_SIGN: "the base value and the target have opposite signs",
    Note.NEGATIVE_VALUES: "negative values: the growth rate's sign was flipped",
    Note.LIMIT_APPLIED: "the thresholds were scaled down near the natural limit",
    Note.TARGET_YEAR_NOT_AFTER_BASE: "the target year is not after the base year",
    Note.NO_TARGET_FOR_PROJECTION: "the projection method needs a target",
    Note.REQUIRED_CHANGE_ZERO: "the target equals the base value: no change is required",
    Note.NO_DATA: "no value in the years assessed",
}

#: The value substituted for a zero base or target, as Open SDG does.
ZERO_SUBSTITUTE: Final = 0.001
#: Tolerance at the category edges: a P within it of an edge counts as on the edge (binary
#: floating point cannot represent 0.015 or 0.95 exactly).
EDGE: Final = 1e-12
#: Exponent of the natural-limit factor (Statistics Canada).
LIMIT_EXPONENT: Final = 4.44


@frozen
class Thresholds:
    """Lower edges of substantial and moderate progress; limited progress starts at 0.

    Attributes:
        substantial: ``P`` at or above it is substantial progress (on track).
        moderate: ``P`` at or above it (and below ``substantial``) is moderate progress.
    """

    substantial: float
    moderate: float

    def __attrs_post_init__(self) -> None:
        real(self.substantial, "substantial")
        real(self.moderate, "moderate")
        if not 0 < self.moderate < self.substantial:
            msg = f"thresholds must satisfy 0 < moderate < substantial (got {self})"
            raise AssessmentError(msg)


#: Default thresholds: ratio with a target, ratio without a target (annual growth), projection.
DEFAULT_THRESHOLDS: Final = {
    "target": Thresholds(0.95, 0.60),
    "growth": Thresholds(0.015, 0.005),
    "projection": Thresholds(0.95, 0.10),
}


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
        current_year: The latest year used.
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
        """The notes in words."""
        return tuple(NOTES[note] for note in self.notes)


def _direction(direction: Direction | str) -> Direction:
    """The direction, from a member or its value; anything else is an error (never a guess)."""
    try:
        return Direction(direction)
    except ValueError:
        allowed = ", ".join(d.value for d in Direction)
        raise AssessmentError(f"'direction' must be one of {allowed} (got {direction!r})") from None


def _ordered(notes: Iterable[Note]) -> tuple[Note, ...]:
    """Notes once each, in the order of :class:`Note` (the frame API gives the same order)."""
    present = set(notes)
    return tuple(note for note in Note if note in present)


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
        raise AssessmentError(f"cannot read a year from period {period!r}")
    return int(head)


def _series(
    values: SeriesValues,
) -> dict[int, float]:
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
            raise AssessmentError(f"year {year} appears twice")
        if isinstance(value, bool | str) or not isinstance(value, int | float | Decimal):
            raise AssessmentError(f"the value of {period!r} is not a number: {value!r}")
        series[year] = float(value)
    return series


def _options(
    *,
    year: int | None,
    base_year: int | None,
    window: int | None,
    thresholds: Thresholds | None,
    growth_thresholds: Thresholds | None,
    zero: str,
) -> None:
    """Check the options that :func:`assess_series` and the frame API share."""
    if year is not None:
        integer(year, "year")
    if base_year is not None:
        integer(base_year, "base_year")
    if window is not None and integer(window, "window") < 1:
        raise ArgumentError("window", window, "a number of years, 1 or more")
    for name, given in (("thresholds", thresholds), ("growth_thresholds", growth_thresholds)):
        if given is not None and not isinstance(given, Thresholds):
            raise ArgumentTypeError(name, given, "a Thresholds")
    if zero not in ("substitute", "not_assessable"):
        raise ArgumentError("zero", zero, "'substitute' or 'not_assessable'")


def _band(target_range: object) -> tuple[float, float] | None:
    """*target_range* checked: ``None`` or two numbers."""
    if target_range is None:
        return None
    if not isinstance(target_range, tuple | list) or len(target_range) != 2:
        raise ArgumentTypeError("target_range", target_range, "a (low, high) pair of numbers")
    low, high = (real(bound, "target_range") for bound in target_range)
    return low, high


def limit_factor(base: float, limit: float) -> float:
    """Statistics Canada's factor ``C`` that scales the thresholds near a natural limit.

    ``b = |base|``: ``C = 1`` when ``b >= 2L``; ``1 - (b/L)^a`` when ``b <= L``; otherwise
    ``1 - ((2L - b)/L)^a``, with ``a = 4.44``.

    >>> limit_factor(100.0, 100.0), limit_factor(200.0, 100.0)
    (0.0, 1.0)
    """
    if real(limit, "limit") <= 0:
        raise AssessmentError(f"a natural limit must be positive (got {limit})")
    b = abs(real(base, "base"))
    if b >= 2 * limit:
        return 1.0
    if b <= limit:
        return 1.0 - float((b / limit) ** LIMIT_EXPONENT)
    return 1.0 - float(((2 * limit - b) / limit) ** LIMIT_EXPONENT)


def _cagr(v1: float, v0: float, t1: int, t0: int) -> float:
    return float((v1 / v0) ** (1.0 / (t1 - t0)) - 1.0)


def _category(p: float, thresholds: Thresholds) -> Status:
    # EDGE absorbs binary rounding: 100 -> 101.5 in a year is 1.5% growth, on the edge
    if p >= thresholds.substantial - EDGE:
        return Status.SUBSTANTIAL_PROGRESS
    if p >= thresholds.moderate - EDGE:
        return Status.MODERATE_PROGRESS
    if p >= -EDGE:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _clamp(score: float, status: Status) -> float:
    """Keep a score inside its category's band (float rounding must never cross a band edge)."""
    low, high = _BANDS[status]
    return min(max(score, low), high)


#: Score bands, half-open as in the method: [2.5, 5] substantial, [0, 2.5) moderate,
#: [-2.5, 0) limited, [-5, -2.5) deterioration; a band's top is the float just below the edge.
_BANDS: Final = {
    Status.TARGET_ACHIEVED: (5.0, 5.0),
    Status.SUBSTANTIAL_PROGRESS: (2.5, 5.0),
    Status.MODERATE_PROGRESS: (0.0, math.nextafter(2.5, -math.inf)),
    Status.LIMITED_PROGRESS: (-2.5, math.nextafter(0.0, -math.inf)),
    Status.DETERIORATION: (-5.0, math.nextafter(-2.5, -math.inf)),
}


def _score_ratio(p: float, t: Thresholds) -> float:
    """Score of a ratio (target or projection): moderate edge -> 0, substantial -> 2.5."""
    if p >= t.moderate:
        raw = (p - t.moderate) * (2.5 / (t.substantial - t.moderate))
    else:
        raw = (p - t.moderate) * (2.5 / t.moderate)
    return min(max(raw, -5.0), 5.0)


def _score_growth(p: float, t: Thresholds) -> float:
    """Score of a growth rate without a target (Statistics Canada's piecewise scale)."""
    if p < 0:
        raw = -2.5 + p * (2.5 / (t.substantial + t.moderate))
    elif p < t.moderate:
        raw = -2.5 + p * (2.5 / t.moderate)
    elif p < t.substantial:
        raw = (p - t.moderate) * (2.5 / (t.substantial - t.moderate))
    else:
        raw = 2.5 + (p - t.substantial) * (2.5 / t.moderate)
    return min(max(raw, -5.0), 5.0)


def status_from_score(score: float) -> Status:
    """The category whose band holds *score* (used for goal scores).

    Raises:
        ArgumentError: If *score* is NaN (no score is not a deterioration).

    >>> status_from_score(2.5).value, status_from_score(-2.6).value
    ('substantial_progress', 'deterioration')
    """
    if math.isnan(real(score, "score")):
        raise ArgumentError("score", score, "a number, not NaN")
    if score >= 2.5:
        return Status.SUBSTANTIAL_PROGRESS
    if score >= 0:
        return Status.MODERATE_PROGRESS
    if score >= -2.5:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _achieved(value: float, target: float, d: int) -> bool:
    return value >= target if d > 0 else value <= target


def _window(
    series: dict[int, float], year: int | None, base_year: int | None, window: int | None
) -> tuple[list[int], int | None, bool]:
    """Years used (sorted), the current year, and whether the base year was moved."""
    years = sorted(y for y in series if year is None or y <= year)
    if not years:
        return [], None, False
    current = years[-1]
    requested = current - window if window is not None else base_year
    if requested is None:
        return years, current, False
    used = [y for y in years if y >= requested]
    return used, current, bool(used) and used[0] != requested


def assess_series(
    values: SeriesValues,
    *,
    direction: Direction | str,
    target: float | None = None,
    target_year: int = 2030,
    base_year: int | None = None,
    year: int | None = None,
    window: int | None = None,
    limit: float | None = None,
    target_range: tuple[float, float] | None = None,
    method: Method | str = Method.RATIO,
    thresholds: Thresholds | None = None,
    growth_thresholds: Thresholds | None = None,
    zero: str = "substitute",
    weighted: bool = False,
) -> Assessment:
    """Assess one series toward its target, as ``domain/progress-method.md`` specifies.

    Args:
        values: Year (or period such as ``"2015-16"``) -> value; ``None`` or NaN is no value.
        direction: Which way is improvement. ``WITHIN_RANGE`` needs *target_range*.
        target: The target value; ``None`` to classify the growth rate alone.
        target_year: The year of the target.
        base_year: The base year; default the first year with a value. If it has no value,
            the first later year is used (a note says so).
        year: The latest year to use; default the last year with a value.
        window: A rolling window of *window* years ending at the latest year (Eurostat's 5 or
            15); overrides *base_year*.
        limit: A natural limit the value cannot pass (e.g. 100 for a share); scales the
            thresholds without a target.
        target_range: ``(low, high)`` for ``WITHIN_RANGE``: values become their distance
            outside the band around its centre, assessed as lower is better with the centre as
            target.
        method: ``"ratio"`` or ``"projection"``.
        thresholds: Category edges of a ratio to a target (or of the projection); default per
            method (:data:`DEFAULT_THRESHOLDS`).
        growth_thresholds: Category edges of the annual growth of an indicator without a
            target; default 1.5% and 0.5%.
        zero: ``"substitute"`` (0.001 for a zero base or target, Open SDG) or
            ``"not_assessable"``.
        weighted: Projection only: weight recent years more (weight ``1 + (t - t0)``), as
            ESCAP's anticipated-progress method does.

    Raises:
        AssessmentError: If a year appears twice, a period cannot be read, or an option is
            invalid.
    """
    method = member(Method, method, "method")
    direction = _direction(direction)
    _options(
        year=year,
        base_year=base_year,
        window=window,
        thresholds=thresholds,
        growth_thresholds=growth_thresholds,
        zero=zero,
    )
    target_year = integer(target_year, "target_year")
    target = None if target is None or target != target else real(target, "target")  # NaN: none
    limit = None if limit is None or limit != limit else real(limit, "limit")
    target_range = _band(target_range)
    series = original = _series(values)
    d = 1 if direction is Direction.HIGHER_IS_BETTER else -1
    if direction is Direction.WITHIN_RANGE:
        if target_range is None:
            raise AssessmentError("a within_range indicator needs 'target_range' (low, high)")
        low, high = sorted(target_range)
        centre, half = (low + high) / 2, (high - low) / 2
        series = {y: centre + max(0.0, abs(v - centre) - half) for y, v in series.items()}
        target, d = centre, -1
    years, current, moved = _window(series, year, base_year, window)
    notes: list[Note] = [Note.BASE_YEAR_MOVED] if moved else []
    if current is None or not years:
        return Assessment(
            status=Status.NOT_ASSESSABLE,
            method=method,
            target=target,
            target_year=target_year if target is not None else None,
            notes=(Note.NO_DATA,),
        )
    t0, ti = years[0], current
    y0, yi = series[t0], series[ti]
    reported_target_year = target_year if target is not None else None

    def result(status: Status, p: float | None = None, score: float | None = None) -> Assessment:
        return Assessment(
            status=status,
            progress=p,
            score=score,
            method=method,
            base_year=t0,
            current_year=ti,
            base_value=original[t0],
            current_value=original[ti],
            target=target,
            target_year=reported_target_year,
            notes=_ordered(notes),
        )

    if target is not None and _achieved(yi, target, d):
        p = _ratio_progress(series, years, target, target_year, d, method, weighted, zero, notes=[])
        return result(Status.TARGET_ACHIEVED, p, 5.0)
    if len(years) < 2:
        notes.append(Note.TOO_FEW_YEARS)
        return result(Status.NOT_ASSESSABLE)
    if method is Method.PROJECTION and target is None:
        notes.append(Note.NO_TARGET_FOR_PROJECTION)
        return result(Status.NOT_ASSESSABLE)
    if target is not None and target_year <= t0:
        notes.append(Note.TARGET_YEAR_NOT_AFTER_BASE)
        return result(Status.NOT_ASSESSABLE)
    p = _ratio_progress(series, years, target, target_year, d, method, weighted, zero, notes)
    if p is None:
        return result(Status.NOT_ASSESSABLE)
    if target is not None:
        t = (
            thresholds
            or DEFAULT_THRESHOLDS["projection" if method is Method.PROJECTION else "target"]
        )
        status = _category(p, t)
        return result(status, p, _clamp(_score_ratio(p, t), status))
    t = growth_thresholds or DEFAULT_THRESHOLDS["growth"]
    if limit is not None:
        c = limit_factor(y0, limit)
        notes.append(Note.LIMIT_APPLIED)
        if c == 0:
            status = Status.SUBSTANTIAL_PROGRESS if p >= 0 else Status.DETERIORATION
            score = 5.0 if p >= 0 else _score_growth(p, t)
            return result(status, p, _clamp(score, status))
        scaled = Thresholds(t.substantial * c, t.moderate * c)
        status = _category(p, scaled)
        # the deterioration slope stays unscaled, as in Open SDG's sdg-build
        score = _score_growth(p, t) if p < 0 else _score_growth(p, scaled)
        return result(status, p, _clamp(score, status))
    status = _category(p, t)
    return result(status, p, _clamp(_score_growth(p, t), status))


def _ratio_progress(
    series: dict[int, float],
    years: list[int],
    target: float | None,
    target_year: int,
    d: int,
    method: Method,
    weighted: bool,
    zero: str,
    notes: list[Note],
) -> float | None:
    """``P`` of the method, or ``None`` (with a note) when it cannot be computed."""
    if len(years) < 2:
        return None
    t0, ti = years[0], years[-1]
    y0, yi = series[t0], series[ti]
    if method is Method.PROJECTION:
        if target is None or target_year <= t0:
            return None
        return _projection(series, years, target, target_year, d, weighted, notes)
    yt = target
    if y0 == 0 or (yt is not None and yt == 0):
        if zero == "not_assessable":
            notes.append(Note.ZERO_BASE if y0 == 0 else Note.ZERO_TARGET)
            return None
        if y0 == 0:
            notes.append(Note.ZERO_BASE)
            y0 = ZERO_SUBSTITUTE
        if yt is not None and yt == 0:
            notes.append(Note.ZERO_TARGET)
            yt = ZERO_SUBSTITUTE
    if yi != 0 and (yi > 0) != (y0 > 0):
        notes.append(Note.OPPOSITE_SIGNS)
        return None
    if yt is not None and (yt > 0) != (y0 > 0):
        notes.append(Note.TARGET_OPPOSITE_SIGN)
        return None
    s = -1 if y0 < 0 else 1
    if s < 0:
        notes.append(Note.NEGATIVE_VALUES)
    achieved = _cagr(yi, y0, ti, t0)
    if yt is None:
        return s * d * achieved + 0.0  # + 0.0: no negative zero
    if target_year <= t0:
        return None
    required = abs(_cagr(yt, y0, target_year, t0))
    if required == 0:
        notes.append(Note.REQUIRED_CHANGE_ZERO)
        return math.copysign(math.inf, s * d * achieved) if achieved != 0 else 0.0
    return s * d * achieved / required + 0.0


def _projection(
    series: dict[int, float],
    years: list[int],
    target: float,
    target_year: int,
    d: int,
    weighted: bool,
    notes: list[Note],
) -> float | None:
    """Ratio of the projected change (least squares to the target year) to the required one.

    The line is fitted to ``y - y0`` so that a flat series projects no change exactly; the
    required change is taken in magnitude and the projected one in the direction of
    improvement, as the ratio method does with growth rates.
    """
    t0 = years[0]
    y0 = series[t0]
    weights = [1.0 + (t - t0) if weighted else 1.0 for t in years]
    sw = sum(weights)
    mt = sum(w * t for w, t in zip(weights, years, strict=True)) / sw
    my = sum(w * (series[t] - y0) for w, t in zip(weights, years, strict=True)) / sw
    stt = sum(w * (t - mt) ** 2 for w, t in zip(weights, years, strict=True))
    sty = sum(w * (t - mt) * (series[t] - y0 - my) for w, t in zip(weights, years, strict=True))
    change = d * (my + sty / stt * (target_year - mt))
    required = abs(target - y0)
    if required == 0:
        notes.append(Note.REQUIRED_CHANGE_ZERO)
        return math.copysign(math.inf, change) if change != 0 else 0.0
    return change / required + 0.0


# --- year-on-year change and survey uncertainty ----------------------------------------------


def wilson_interval(share: float, n: int, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion given as a fraction in [0, 1].

    Args:
        share: The observed share, as a fraction (5,2% is ``0.052``).
        n: Number of responses.
        level: Confidence level.

    Raises:
        AssessmentError: If *n* is not positive or *share* is outside [0, 1].

    >>> low, high = wilson_interval(0.052, 248)
    >>> round(low, 4), round(high, 4)
    (0.0306, 0.0871)
    """
    if integer(n, "n") <= 0:
        raise AssessmentError(f"a sample size must be positive (got {n})")
    if not 0 <= real(share, "share") <= 1:
        raise AssessmentError(f"a share must be a fraction in [0, 1] (got {share})")
    if not 0 < real(level, "level") < 1:
        raise AssessmentError(f"'level' must lie between 0 and 1 (got {level})")
    z = NormalDist().inv_cdf(0.5 + level / 2)
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def two_proportion_p_value(p1: float, n1: int, p2: float, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (shares as fractions).

    >>> round(two_proportion_p_value(0.123, 593, 0.052, 248), 4)
    0.0019
    """
    if integer(n1, "n1") <= 0 or integer(n2, "n2") <= 0:
        raise AssessmentError("sample sizes must be positive")
    if not (0 <= real(p1, "p1") <= 1 and 0 <= real(p2, "p2") <= 1):
        raise AssessmentError(f"shares must be fractions in [0, 1] (got {p1} and {p2})")
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return 1.0 if p1 == p2 else 0.0
    z = (p2 - p1) / math.sqrt(variance)
    return 2 * (1 - NormalDist().cdf(abs(z)))


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
        interval_previous: Wilson interval of the previous share (surveys with sizes).
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
        alpha: Significance level of the test (``1 - alpha`` is the interval's level).

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
    if not 0 < real(alpha, "alpha") < 1:
        raise ArgumentError("alpha", alpha, "a significance level between 0 and 1")
    if year is not None:
        integer(year, "year")
    if not isinstance(unit, str):
        raise ArgumentTypeError("unit", unit, "a unit name")
    target_range = _band(target_range)
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
    t1, t2 = years[-2], years[-1]
    v1, v2 = series[t1], series[t2]
    change = v2 - v1
    if direction is Direction.WITHIN_RANGE:
        if target_range is None:
            raise AssessmentError("a within_range indicator needs 'target_range' (low, high)")
        low, high = sorted(target_range)
        gain = _outside(v1, low, high) - _outside(v2, low, high)
    else:
        gain = change if direction is Direction.HIGHER_IS_BETTER else -change
    trend = Trend.IMPROVED if gain > 0 else Trend.WORSENED if gain < 0 else Trend.UNCHANGED
    intervals: tuple[tuple[float, float] | None, tuple[float, float] | None] = (None, None)
    p_value = None
    if sample_sizes is not None and t1 in sample_sizes and t2 in sample_sizes:
        n1, n2 = sample_sizes[t1], sample_sizes[t2]
        scale = 100.0 if unit == "percent" else 1.0

        def interval(value: float, n: int) -> tuple[float, float]:
            low, high = wilson_interval(value / scale, n, level=1 - alpha)
            return low * scale, high * scale

        intervals = (interval(v1, n1), interval(v2, n2))
        p_value = two_proportion_p_value(v1 / scale, n1, v2 / scale, n2)
        if trend is not Trend.UNCHANGED and p_value >= alpha:
            trend = Trend.NOT_SIGNIFICANT
    return YearOnYear(
        trend=trend,
        previous_year=t1,
        current_year=t2,
        previous_value=v1,
        current_value=v2,
        change=change,
        change_unit=change_unit,
        interval_previous=intervals[0],
        interval_current=intervals[1],
        p_value=p_value,
    )


def _outside(value: float, low: float, high: float) -> float:
    return max(0.0, low - value, value - high)
