r"""The progress method, written once: its vocabulary and its formulas, vectorised.

Every formula of ``docs/explanation/progress-method.md`` (the growth rates, the ratio to the
required rate, the least-squares projection, the categories, the scores on the -5..+5 scale, the
natural-limit factor, the year-on-year trend) is defined here, once, for NumPy arrays of any
number of series (``xp=ARRAYS``) and for the NumPy scalars of one series (``xp=Scalars``).
:func:`~citystrategy.progress.assess_frame` runs :func:`assess_dense` on the dense array of a
whole long frame and :func:`~citystrategy.progress.assess_series` runs :func:`assess_one` on one
series, the same formulas in the same order of decisions (a property test over every option
holds the two equal), without NumPy's fixed cost per operation on a one-element array.

>>> limit_factor(100.0, 100.0), limit_factor(200.0, 100.0)
(0.0, 1.0)
>>> status_from_score(2.5).value
'substantial_progress'
"""

from __future__ import annotations

import math
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt
from attrs import frozen

from citystrategy._arguments import real
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, AssessmentError, Message

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LIMIT_EXPONENT",
    "NOTES",
    "ZERO_SUBSTITUTE",
    "Method",
    "Note",
    "Status",
    "Thresholds",
    "Trend",
    "limit_factor",
    "status_from_score",
]


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
    NO_TARGET_YEAR = "no_target_year"
    NO_VALUE_IN_YEAR = "no_value_in_year"


#: What each note means, in English: the messages the catalogue translates, which reports show
#: in the chosen locale (``formatting.get_label``).
NOTES: Final = {
    Note.BASE_YEAR_MOVED: N_("no value in the base year: the first later year was used"),
    Note.ZERO_BASE: N_("base value 0: 0.001 used instead (as Open SDG)"),
    Note.ZERO_TARGET: N_("target 0: 0.001 used instead (as Open SDG)"),
    Note.TOO_FEW_YEARS: N_("fewer than two years of data"),
    Note.OPPOSITE_SIGNS: N_("base and latest values have opposite signs"),
    Note.TARGET_OPPOSITE_SIGN: N_("base value and target have opposite signs"),
    Note.NEGATIVE_VALUES: N_("negative values: the growth rate's sign was flipped"),
    Note.LIMIT_APPLIED: N_("thresholds scaled near the natural limit"),
    Note.TARGET_YEAR_NOT_AFTER_BASE: N_("target year not after the base year"),
    Note.NO_TARGET_FOR_PROJECTION: N_("the projection method needs a target"),
    Note.REQUIRED_CHANGE_ZERO: N_("target equals the base value: no change required"),
    Note.NO_DATA: N_("no value in the years assessed"),
    Note.NO_TARGET_YEAR: N_("the target has no year and the strategy gives none"),
    Note.NO_VALUE_IN_YEAR: N_("no value in the reporting year"),
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
            template = N_(
                "thresholds must satisfy 0 < moderate < substantial "
                "(got moderate {moderate}, substantial {substantial})"
            )
            values = {
                "moderate": Decimal(str(self.moderate)),
                "substantial": Decimal(str(self.substantial)),
            }
            raise AssessmentError(Message(template, values))


#: Default thresholds: ratio with a target, ratio without a target (annual growth), projection.
DEFAULT_THRESHOLDS: Final = {
    "target": Thresholds(0.95, 0.60),
    "growth": Thresholds(0.015, 0.005),
    "projection": Thresholds(0.95, 0.10),
}

#: Score bands, half-open as in the method: [2.5, 5] substantial, [0, 2.5) moderate,
#: [-2.5, 0) limited, [-5, -2.5) deterioration; a band's top is the float just below the edge.
BANDS: Final = {
    Status.TARGET_ACHIEVED: (5.0, 5.0),
    Status.SUBSTANTIAL_PROGRESS: (2.5, 5.0),
    Status.MODERATE_PROGRESS: (0.0, math.nextafter(2.5, -math.inf)),
    Status.LIMITED_PROGRESS: (-2.5, math.nextafter(0.0, -math.inf)),
    Status.DETERIORATION: (-5.0, math.nextafter(-2.5, -math.inf)),
}

STATUSES: Final = list(Status)
S: Final = {status: index for index, status in enumerate(STATUSES)}
#: The bands by status code; not assessable has no band (its score is NaN).
_BAND_LOW: Final = np.array([BANDS.get(status, (-np.inf, np.inf))[0] for status in STATUSES])
_BAND_HIGH: Final = np.array([BANDS.get(status, (-np.inf, np.inf))[1] for status in STATUSES])
NOTE_LIST: Final = list(Note)
N: Final = {note: 1 << index for index, note in enumerate(NOTE_LIST)}
TRENDS: Final = list(Trend)
T: Final = {trend: index for index, trend in enumerate(TRENDS)}

# NumPy's stubs cannot follow dtypes through arithmetic.
FloatArray = npt.NDArray[Any]
IntArray = npt.NDArray[Any]
BoolArray = npt.NDArray[Any]
#: What the formulas take and give: arrays (``xp=ARRAYS``) or one series' NumPy scalars
#: (``xp=Scalars``).
Values = Any


class Scalars:
    """The array functions the formulas use, for one series of NumPy scalars.

    Every formula below takes ``xp``: :mod:`numpy` (the default) for arrays of any number of
    series, or this namespace for the scalars of one series, which spares NumPy's fixed cost
    per operation on a one-element array. NumPy scalars keep NumPy's arithmetic (a division
    by zero is an infinity, a negative base to a fractional power NaN), so both give the same
    numbers.
    """

    @staticmethod
    def where(condition: Any, x: Any, y: Any) -> Any:
        return x if condition else y

    @staticmethod
    def select(conditions: list[Any], choices: list[Any], default: Any) -> Any:
        for condition, choice in zip(conditions, choices, strict=True):
            if condition:
                return choice
        return default

    @staticmethod
    def clip(x: Any, low: Any, high: Any) -> Any:
        return x if x != x else min(max(x, low), high)  # NaN stays NaN, as np.clip

    @staticmethod
    def any(x: Any) -> bool:
        return bool(x)

    @staticmethod
    def ones(like: Any) -> Any:
        return np.True_

    abs = staticmethod(abs)
    copysign = staticmethod(math.copysign)


class _Arrays:
    """The array functions of the formulas for arrays: NumPy's, and ``ones`` like an array."""

    where = staticmethod(np.where)
    select = staticmethod(np.select)
    clip = staticmethod(np.clip)
    any = staticmethod(np.any)
    abs = staticmethod(np.abs)
    copysign = staticmethod(np.copysign)

    @staticmethod
    def ones(like: Any) -> Any:
        return np.ones(len(like), dtype=bool)


#: The namespace of the formulas for arrays (``xp``'s default).
ARRAYS: Final = _Arrays


def status_from_score(score: float) -> Status:
    """The category whose band holds *score* (used for goal scores).

    Raises:
        ArgumentError: If *score* is NaN (no score is not a deterioration).

    >>> status_from_score(2.5).value, status_from_score(-2.6).value
    ('substantial_progress', 'deterioration')
    """
    if math.isnan(real(score, "score")):
        raise ArgumentError("score", score, "a number, not NaN")
    for status in (Status.SUBSTANTIAL_PROGRESS, Status.MODERATE_PROGRESS, Status.LIMITED_PROGRESS):
        if score >= BANDS[status][0]:
            return status
    return Status.DETERIORATION


def limit_factor(base: float, limit: float) -> float:
    """Statistics Canada's factor ``C`` that scales the thresholds near a natural limit.

    ``b = |base|``: ``C = 1`` when ``b >= 2L``; ``1 - (b/L)^a`` when ``b <= L``; otherwise
    ``1 - ((2L - b)/L)^a``, with ``a = 4.44``.

    Raises:
        AssessmentError: If *limit* is not positive.

    >>> round(limit_factor(150.0, 100.0), 4)  # 1 - 0.5**4.44
    0.9539
    """
    base, limit = real(base, "base"), real(limit, "limit")
    return float(limit_factors(np.array([base]), np.array([limit]))[0])


def limit_factors(base: Values, limit: Values, xp: Any = ARRAYS) -> Values:
    """:func:`limit_factor` of every element (of one series' scalars with ``xp=Scalars``)."""
    if xp.any(limit <= 0):
        found = limit if xp is Scalars else limit[limit <= 0][0]
        template = N_("a natural limit must be positive (got {found})")
        raise AssessmentError(Message(template, {"found": Decimal(str(float(found)))}))
    b = xp.abs(base)
    with np.errstate(invalid="ignore"):  # select evaluates every branch; the bad ones are unused
        factor: FloatArray = xp.select(
            [b >= 2 * limit, b <= limit],
            [1.0, 1.0 - (b / limit) ** LIMIT_EXPONENT],
            1.0 - ((2 * limit - b) / limit) ** LIMIT_EXPONENT,
        )
    return factor


def categories(
    p: Values, substantial: Values | float, moderate: Values | float, xp: Any = ARRAYS
) -> Values:
    """Status codes of ``P`` against the thresholds (``EDGE`` absorbs binary rounding)."""
    codes: IntArray = xp.select(
        [p >= substantial - EDGE, p >= moderate - EDGE, p >= -EDGE],
        [S[Status.SUBSTANTIAL_PROGRESS], S[Status.MODERATE_PROGRESS], S[Status.LIMITED_PROGRESS]],
        S[Status.DETERIORATION],
    )
    return codes.astype(np.int64) if xp is ARRAYS else codes


def score_ratio(p: Values, t: Thresholds, xp: Any = ARRAYS) -> Values:
    """Score of a ratio (target or projection): moderate edge -> 0, substantial -> 2.5."""
    raw = xp.where(
        p >= t.moderate,
        (p - t.moderate) * (2.5 / (t.substantial - t.moderate)),
        (p - t.moderate) * (2.5 / t.moderate),
    )
    clipped: FloatArray = xp.clip(raw, -5.0, 5.0)
    return clipped


def score_growth(p: Values, sub: Values, mod: Values, xp: Any = ARRAYS) -> Values:
    """Score of a growth rate without a target (Statistics Canada's piecewise scale)."""
    raw = xp.select(
        [p < 0, p < mod, p < sub],
        [-2.5 + p * (2.5 / (sub + mod)), -2.5 + p * (2.5 / mod), (p - mod) * (2.5 / (sub - mod))],
        2.5 + (p - sub) * (2.5 / mod),
    )
    clipped: FloatArray = xp.clip(raw, -5.0, 5.0)
    return clipped


def ratio(
    y0: Values,
    yi: Values,
    span: Values,
    target: Values,
    target_year: Values,
    t0_year: Values,
    d: Values,
    has_target: Values,
    zero: str,
    xp: Any = ARRAYS,
) -> tuple[Values, Values, Values]:
    """``P`` of the ratio method, the notes of its computation, and where it is defined.

    ``CAGR(v1, v0, t1, t0) = (v1 / v0) ** (1 / (t1 - t0)) - 1``; with a target
    ``P = s d CAGR(yi, y0) / |CAGR(yT, y0)|``, without one ``P = s d CAGR(yi, y0)``.
    """
    zero_base = y0 == 0
    zero_target = has_target & (target == 0)
    ok = xp.ones(y0)
    notes = xp.where(zero_base, N[Note.ZERO_BASE], 0)
    if zero == "not_assessable":
        ok &= ~zero_base
        ok &= ~(zero_target & ~zero_base)
        notes |= xp.where(zero_target & ~zero_base, N[Note.ZERO_TARGET], 0)
    else:
        notes |= xp.where(zero_target, N[Note.ZERO_TARGET], 0)
    base = xp.where(zero_base, ZERO_SUBSTITUTE, y0)
    goal = xp.where(zero_target, ZERO_SUBSTITUTE, target)
    opposite = ok & (yi != 0) & ((yi > 0) != (base > 0))
    notes |= xp.where(opposite, N[Note.OPPOSITE_SIGNS], 0)
    ok &= ~opposite
    target_opposite = ok & has_target & ((goal > 0) != (base > 0))
    notes |= xp.where(target_opposite, N[Note.TARGET_OPPOSITE_SIGN], 0)
    ok &= ~target_opposite
    s = xp.where(base < 0, -1.0, 1.0)
    notes |= xp.where(ok & (s < 0), N[Note.NEGATIVE_VALUES], 0)
    achieved_rate = (yi / base) ** (1.0 / span) - 1.0
    required = xp.abs((goal / base) ** (1.0 / (target_year - t0_year)) - 1.0)
    signed = s * d * achieved_rate
    zero_required = ok & has_target & (required == 0) & (target_year > t0_year)
    notes |= xp.where(zero_required, N[Note.REQUIRED_CHANGE_ZERO], 0)
    quotient = xp.where(
        required == 0,
        xp.where(achieved_rate == 0, 0.0, xp.copysign(np.inf, signed)),
        signed / required,
    )
    p = xp.where(has_target, quotient, signed)
    ok &= ~(has_target & (target_year <= t0_year))
    return p, notes, ok


def projection(
    dense: FloatArray,
    in_window: BoolArray,
    t0: IntArray,
    t0_year: FloatArray,
    y0: FloatArray,
    target: FloatArray,
    target_year: FloatArray,
    d: FloatArray,
    weighted: bool,
) -> tuple[FloatArray, IntArray, BoolArray]:
    """Ratio of the least-squares projected change to the required change.

    The line is fitted to ``y - y0`` so that a flat series projects no change exactly; the
    required change is taken in magnitude and the projected one in the direction of
    improvement, as the ratio method does with growth rates. *weighted* weights year ``t`` by
    ``1 + (t - t0)`` (ESCAP).
    """
    width = dense.shape[1]
    first_year = t0_year - t0
    years = first_year[:, None] + np.arange(width)[None, :]
    weights = np.where(in_window, 1.0 + (years - t0_year[:, None]) if weighted else 1.0, 0.0)
    filled = np.where(in_window, dense - y0[:, None], 0.0)
    sw = weights.sum(axis=1)
    mt = (weights * years).sum(axis=1) / sw
    my = (weights * filled).sum(axis=1) / sw
    dt = np.where(in_window, years - mt[:, None], 0.0)
    stt = (weights * dt * dt).sum(axis=1)
    sty = (weights * dt * (filled - my[:, None])).sum(axis=1)
    change = d * (my + (sty / stt) * (target_year - mt))
    required = np.abs(target - y0)
    notes = np.where(required == 0, N[Note.REQUIRED_CHANGE_ZERO], 0).astype(np.int64)
    quotient = np.where(
        required == 0, np.where(change == 0, 0.0, np.copysign(np.inf, change)), change / required
    )
    return quotient, notes, np.ones(len(y0), dtype=bool)


def outside(values: FloatArray, low: FloatArray, high: FloatArray) -> FloatArray:
    """Distance of each value outside its band ``[low, high]`` (0 inside)."""
    distance: FloatArray = np.maximum(0.0, np.maximum(low - values, values - high))
    return distance


def trends(
    previous: FloatArray,
    current: FloatArray,
    has_previous: BoolArray,
    d: FloatArray,
    is_range: BoolArray,
    low: FloatArray,
    high: FloatArray,
) -> IntArray:
    """Trend codes of the change from *previous* to *current*, against the direction.

    A within-range indicator improves when it moves closer to its band.
    """
    change = current - previous
    if is_range.any():
        lo, hi = np.fmin(low, high), np.fmax(low, high)
        gain = np.where(is_range, outside(previous, lo, hi) - outside(current, lo, hi), d * change)
    else:
        gain = d * change
    codes: IntArray = np.select(
        [~has_previous, gain > 0, gain < 0],
        [T[Trend.NOT_ASSESSABLE], T[Trend.IMPROVED], T[Trend.WORSENED]],
        default=T[Trend.UNCHANGED],
    )
    return codes


class Indicators(NamedTuple):
    """Per-series indicator data for :func:`assess_dense` (one element per series)."""

    d: FloatArray  #: +1 higher is better, -1 otherwise
    is_range: BoolArray  #: within a range (needs ``low`` and ``high``)
    target: FloatArray  #: NaN without a target
    target_year: FloatArray  #: NaN without a target year
    limit: FloatArray  #: NaN without a natural limit
    low: FloatArray
    high: FloatArray


class Scores(NamedTuple):
    """Results of :func:`assess_dense`, one element per series."""

    status: IntArray  #: index into ``STATUSES``
    progress: FloatArray
    score: FloatArray
    notes: IntArray  #: bit mask of ``N``
    has_data: BoolArray  #: any value at all (up to the reporting year)
    has_base: BoolArray  #: a value in the window
    t0: IntArray  #: base column
    ti: IntArray  #: current column
    tp: IntArray  #: previous column (where ``has_previous``)
    has_previous: BoolArray
    base_value: FloatArray  #: as given (before a range became a distance)
    current_value: FloatArray
    previous_value: FloatArray
    target: FloatArray  #: a range's centre for range indicators
    has_target: BoolArray


def _first_true(mask: BoolArray) -> IntArray:
    first: IntArray = mask.argmax(axis=1).astype(np.int64)
    return first


def _last_true(mask: BoolArray) -> IntArray:
    width = mask.shape[1]
    last: IntArray = (width - 1 - mask[:, ::-1].argmax(axis=1)).astype(np.int64)
    return last


def assess_dense(
    dense: FloatArray,
    first_year: int,
    ind: Indicators,
    *,
    year: int | None,
    base_year: int | None,
    window: int | None,
    method: Method,
    ratio_thresholds: Thresholds,
    growth_thresholds: Thresholds,
    zero: str,
    weighted: bool,
) -> Scores:
    """Assess every row of ``series x years`` array *dense* (NaN: no value; column 0 is
    *first_year*). Range rows of *dense* are overwritten with their distance outside the band.

    With *year*, a series whose last value is from an earlier year is not assessable
    (``NO_VALUE_IN_YEAR``): a stale value never counts as achieving the target.
    """
    n_series, width = dense.shape
    d, is_range, target = ind.d, ind.is_range, ind.target
    target_year, limit = ind.target_year, ind.limit
    range_rows = np.flatnonzero(is_range)
    raw_range = dense[range_rows]  # the values as given, for the range rows (a copy)
    if len(range_rows):
        lo, hi = np.fmin(ind.low, ind.high), np.fmax(ind.low, ind.high)
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        c, h = centre[range_rows, None], half[range_rows, None]
        dense[range_rows] = c + np.maximum(0.0, np.abs(raw_range - c) - h)
        target = np.where(is_range, centre, target)
    has_target = ~np.isnan(target)

    # --- base, current and previous years ------------------------------------------------------
    valid = ~np.isnan(dense)
    index = np.arange(n_series)
    ti = _last_true(valid)
    n_valid = valid.sum(axis=1)
    if window is None and base_year is None:
        in_window = valid  # from the first year with a value: every value is in the window
        t0 = requested = _first_true(valid)
        count = n_valid
    else:
        columns = np.arange(width)
        if window is not None:
            requested = ti - window
        else:
            assert base_year is not None  # the other branch
            requested = np.full(n_series, base_year - first_year)
        in_window = valid & (columns[None, :] >= requested[:, None])
        t0 = _first_true(in_window)
        count = in_window.sum(axis=1)
    has_base = count > 0
    moved = has_base & (t0 != requested)
    has_data = n_valid > 0
    valid[index[has_data], ti[has_data]] = False  # the previous year: clear the latest a moment
    tp = _last_true(valid)
    valid[index[has_data], ti[has_data]] = True
    has_previous = n_valid >= 2
    y0 = dense[index, t0]
    yi = dense[index, ti]
    t0_year = (t0 + first_year).astype(np.float64)
    ti_year = (ti + first_year).astype(np.float64)

    notes = np.where(moved, N[Note.BASE_YEAR_MOVED], 0).astype(np.int64)
    status = np.full(n_series, S[Status.NOT_ASSESSABLE], dtype=np.int64)
    score = np.full(n_series, np.nan)
    decided = ~has_base
    notes[~has_base] = N[Note.NO_DATA]
    if year is not None:
        stale = has_base & (ti_year != year)
        notes[stale] |= N[Note.NO_VALUE_IN_YEAR]
        decided |= stale
    achieved = ~decided & has_target & np.where(d > 0, yi >= target, yi <= target)

    # --- progress P --------------------------------------------------------------------------
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if method is Method.PROJECTION:
            p, calc_notes, p_ok = projection(
                dense, in_window, t0, t0_year, y0, target, target_year, d, weighted
            )
            p_ok &= has_target & (target_year > t0_year)
        else:
            p, calc_notes, p_ok = ratio(
                y0, yi, ti_year - t0_year, target, target_year, t0_year, d, has_target, zero
            )
        p_ok &= (count >= 2) & ~decided
    progress = np.where(p_ok, p, np.nan) + 0.0  # + 0.0: no negative zero

    # target achieved wins; its progress is kept where computable, without calculation notes
    status[achieved] = S[Status.TARGET_ACHIEVED]
    score[achieved] = 5.0
    decided |= achieved
    for reason, mask in (
        (Note.TOO_FEW_YEARS, count < 2),
        (Note.NO_TARGET_FOR_PROJECTION, ~has_target if method is Method.PROJECTION else None),
        (Note.NO_TARGET_YEAR, has_target & np.isnan(target_year)),
        (Note.TARGET_YEAR_NOT_AFTER_BASE, has_target & (target_year <= t0_year)),
    ):
        if mask is None:
            continue
        stop = ~decided & mask
        notes[stop] |= N[reason]
        decided |= stop
    open_rows = ~decided
    notes[open_rows] |= calc_notes[open_rows]
    decided |= open_rows & ~p_ok
    open_rows = ~decided
    progress[~open_rows & ~achieved] = np.nan

    # --- categories and scores -----------------------------------------------------------------
    with_target = open_rows & has_target
    if with_target.any():  # (the tests of emptiness keep a one-series call cheap)
        status[with_target] = categories(
            progress[with_target], ratio_thresholds.substantial, ratio_thresholds.moderate
        )
        score[with_target] = score_ratio(progress[with_target], ratio_thresholds)
    growth = open_rows & ~has_target
    if growth.any():
        limited = growth & ~np.isnan(limit)
        notes[limited] |= N[Note.LIMIT_APPLIED]
        factor = np.ones(n_series)
        if limited.any():
            factor[limited] = limit_factors(y0[limited], limit[limited])
        at_limit = limited & (factor == 0)
        scaled = growth & ~at_limit
        sub = growth_thresholds.substantial * factor
        mod = growth_thresholds.moderate * factor
        status[scaled] = categories(progress[scaled], sub[scaled], mod[scaled])
        score[scaled] = score_growth(progress[scaled], sub[scaled], mod[scaled])
        holding = at_limit & (progress >= 0)
        status[holding] = S[Status.SUBSTANTIAL_PROGRESS]
        score[holding] = 5.0
        status[at_limit & (progress < 0)] = S[Status.DETERIORATION]
        # the deterioration slope stays unscaled near a limit, as in Open SDG's sdg-build
        falling = limited & (progress < 0)
        if falling.any():
            score[falling] = score_growth(
                progress[falling],
                np.full(falling.sum(), growth_thresholds.substantial),
                np.full(falling.sum(), growth_thresholds.moderate),
            )
    # keep every score inside its category's band (NaN, for not assessable, stays NaN)
    score = np.clip(score, _BAND_LOW[status], _BAND_HIGH[status])

    def given(column: IntArray) -> FloatArray:
        """The values as given (before a range became a distance), one column per row."""
        values: FloatArray = dense[index, column]
        if len(range_rows):
            values[range_rows] = raw_range[np.arange(len(range_rows)), column[range_rows]]
        return values

    return Scores(
        status=status,
        progress=progress,
        score=score,
        notes=notes,
        has_data=has_data,
        has_base=has_base,
        t0=t0,
        ti=ti,
        tp=tp,
        has_previous=has_previous,
        base_value=given(t0),
        current_value=given(ti),
        previous_value=np.where(has_previous, given(tp), np.nan),
        target=target,
        has_target=has_target,
    )


class One(NamedTuple):
    """The result of :func:`assess_one` (the fields of :class:`Scores` for one series)."""

    status: int  #: index into ``STATUSES``
    progress: float
    score: float
    notes: int  #: bit mask of ``N``
    base_year: int
    current_year: int
    base_value: float  #: as given (before a range became a distance)
    current_value: float
    target: float  #: a range's centre for range indicators
    has_target: bool


def assess_one(
    series: dict[int, float],
    *,
    d: float,
    is_range: bool,
    target: float,
    target_year: float,
    limit: float,
    low: float,
    high: float,
    year: int | None,
    base_year: int | None,
    window: int | None,
    method: Method,
    ratio_thresholds: Thresholds,
    growth_thresholds: Thresholds,
    zero: str,
    weighted: bool,
) -> One | None:
    """Assess one series (year -> value, no NaN, years up to *year*) as :func:`assess_dense`
    assesses a row, on NumPy scalars: the same formulas (``xp=Scalars``), the same order of
    decisions. ``None`` when no value lies in the window (the series is not assessed)."""
    years = sorted(series)
    if not years:
        return None
    given = series
    if is_range:
        lo, hi = np.fmin(low, high), np.fmax(low, high)
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        series = {y: centre + max(0.0, abs(v - centre) - half) for y, v in series.items()}
        target = centre
    has_target = target == target
    last = years[-1]
    if window is None and base_year is None:
        in_window = years
        requested = years[0]
    else:
        requested = last - window if window is not None else base_year  # type: ignore[assignment]
        in_window = [y for y in years if y >= requested]
    if not in_window:
        return None
    first = in_window[0]
    count = len(in_window)
    y0, yi = np.float64(series[first]), np.float64(series[last])
    t0_year, ti_year = np.float64(first), np.float64(last)
    target, target_year = np.float64(target), np.float64(target_year)
    notes = N[Note.BASE_YEAR_MOVED] if first != requested else 0
    status, score = S[Status.NOT_ASSESSABLE], math.nan
    decided = False
    if year is not None and last != year:
        notes |= N[Note.NO_VALUE_IN_YEAR]
        decided = True
    achieved = not decided and has_target and (yi >= target if d > 0 else yi <= target)

    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if method is Method.PROJECTION:
            width = last - years[0] + 1
            dense = np.full((1, width), np.nan)
            for y in in_window:
                dense[0, y - years[0]] = series[y]
            p_array, notes_array, _ = projection(
                dense,
                ~np.isnan(dense),
                np.array([first - years[0]]),
                np.array([t0_year]),
                np.array([y0]),
                np.array([target]),
                np.array([target_year]),
                np.array([d]),
                weighted,
            )
            p, calc_notes = p_array[0], int(notes_array[0])
            p_ok = bool(has_target and target_year > t0_year)
        else:
            p, calc_notes, ok = ratio(
                y0, yi, ti_year - t0_year, target, target_year, t0_year, np.float64(d),
                np.bool_(has_target), zero, Scalars,
            )  # fmt: skip
            p_ok = bool(ok)
        p_ok = p_ok and count >= 2 and not decided
        progress = float(p) + 0.0 if p_ok else math.nan  # + 0.0: no negative zero

        # target achieved wins; its progress is kept where computable, without calculation notes
        if achieved:
            status, score, decided = S[Status.TARGET_ACHIEVED], 5.0, True
        for reason, stop in (
            (Note.TOO_FEW_YEARS, count < 2),
            (Note.NO_TARGET_FOR_PROJECTION, method is Method.PROJECTION and not has_target),
            (Note.NO_TARGET_YEAR, has_target and target_year != target_year),
            (Note.TARGET_YEAR_NOT_AFTER_BASE, has_target and target_year <= t0_year),
        ):
            if not decided and stop:
                notes |= N[reason]
                decided = True
        if not decided:
            notes |= int(calc_notes)
            decided = not p_ok
        if decided and not achieved:
            progress = math.nan

        if not decided and has_target:
            status = int(categories(progress, ratio_thresholds.substantial, ratio_thresholds.moderate, Scalars))  # fmt: skip
            score = float(score_ratio(progress, ratio_thresholds, Scalars))
        elif not decided:
            limited = limit == limit
            factor = 1.0
            if limited:
                notes |= N[Note.LIMIT_APPLIED]
                factor = float(limit_factors(y0, np.float64(limit), Scalars))
            sub = growth_thresholds.substantial * factor
            mod = growth_thresholds.moderate * factor
            if limited and factor == 0:  # at the limit
                if progress >= 0:
                    status, score = S[Status.SUBSTANTIAL_PROGRESS], 5.0
                elif progress < 0:
                    status = S[Status.DETERIORATION]
            else:
                status = int(categories(progress, sub, mod, Scalars))
                score = float(score_growth(progress, sub, mod, Scalars))
            # the deterioration slope stays unscaled near a limit, as in Open SDG's sdg-build
            if limited and progress < 0:
                score = float(
                    score_growth(
                        progress, growth_thresholds.substantial, growth_thresholds.moderate, Scalars
                    )
                )
    # keep the score inside its category's band (NaN, for not assessable, stays NaN)
    score = float(Scalars.clip(score, _BAND_LOW[status], _BAND_HIGH[status]))
    return One(
        status=status,
        progress=progress,
        score=score,
        notes=notes,
        base_year=first,
        current_year=last,
        base_value=float(given[first]),
        current_value=float(given[last]),
        target=float(target),
        has_target=bool(has_target),
    )
