"""Vectorised assessment of a long frame: every territory and indicator at once.

The long frame is scattered into a dense ``series x years`` array (one NumPy write), and every
step of :func:`~citystrategy.progress.series.assess_series` is done on whole columns: no Python
loop runs per series, except over survey series with sample sizes for their interval and test. The results equal the series API's, series by series (a property test
checks this).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from citystrategy._arguments import integer, member, real
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    AssessmentError,
    FrameError,
)
from citystrategy.frames import INDICATOR, TERRITORY, UNIT, VALUE, YEAR
from citystrategy.model import Direction
from citystrategy.progress.series import (
    _BANDS,
    DEFAULT_THRESHOLDS,
    EDGE,
    LIMIT_EXPONENT,
    ZERO_SUBSTITUTE,
    Method,
    Note,
    Status,
    Thresholds,
    Trend,
    _options,
    two_proportion_p_value,
    wilson_interval,
)

__all__ = ["ASSESSMENT_COLUMNS", "META_COLUMNS", "assess_frame"]

#: Columns of the indicator metadata frame; only ``indicator`` and ``direction`` are required.
META_COLUMNS: Final = (
    "indicator",
    "direction",
    "target",
    "target_year",
    "limit",
    "target_low",
    "target_high",
    "survey",
    "unit",
)
#: Columns of :func:`assess_frame`'s result.
ASSESSMENT_COLUMNS: Final = (
    TERRITORY,
    INDICATOR,
    "status",
    "progress",
    "score",
    "base_year",
    "current_year",
    "base_value",
    "current_value",
    "target",
    "target_year",
    "previous_year",
    "previous_value",
    "change",
    "change_unit",
    "trend",
    "interval_low",
    "interval_high",
    "previous_interval_low",
    "previous_interval_high",
    "p_value",
    "notes",
)

_STATUS: Final = list(Status)
_S = {status: index for index, status in enumerate(_STATUS)}
_NOTES: Final = list(Note)
_N = {note: 1 << index for index, note in enumerate(_NOTES)}
_TRENDS: Final = list(Trend)
_T = {trend: index for index, trend in enumerate(_TRENDS)}

# Private helpers pass NumPy arrays whose dtype NumPy's stubs cannot follow through arithmetic.
FloatArray = npt.NDArray[Any]
IntArray = npt.NDArray[Any]
BoolArray = npt.NDArray[Any]


def _codes(column: pd.Series[Any]) -> tuple[IntArray, pd.Index[Any]]:
    """Integer codes and their labels; categorical columns are not factorised again."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), pd.Index(column.cat.categories)  # int8/16/32 as stored
    codes, labels = pd.factorize(column, sort=False)
    return codes.astype(np.int64), pd.Index(labels)


def _meta_array(meta: pd.DataFrame, column: str, codes: IntArray, default: float) -> FloatArray:
    """The metadata column (one row per indicator label) for each series, by indicator code."""
    if column not in meta.columns:
        return np.full(len(codes), default)
    try:
        values = pd.to_numeric(meta[column], errors="raise").astype("float64")
    except (ValueError, TypeError):
        raise AssessmentError(
            f"the metadata column {column!r} holds values that are not numbers"
        ) from None
    return values.to_numpy(dtype=np.float64, na_value=np.nan)[codes]


def _first_true(mask: BoolArray) -> IntArray:
    """Index of the first True per row (0 when none: check ``mask.any(axis=1)``)."""
    first: IntArray = mask.argmax(axis=1).astype(np.int64)
    return first


def _last_true(mask: BoolArray) -> IntArray:
    """Index of the last True per row (garbage when none)."""
    width = mask.shape[1]
    last: IntArray = (width - 1 - mask[:, ::-1].argmax(axis=1)).astype(np.int64)
    return last


def assess_frame(
    observations: pd.DataFrame,
    indicators: pd.DataFrame,
    *,
    year: int | None = None,
    base_year: int | None = None,
    window: int | None = None,
    method: Method | str = Method.RATIO,
    thresholds: Thresholds | None = None,
    growth_thresholds: Thresholds | None = None,
    zero: str = "substitute",
    weighted: bool = False,
    samples: pd.DataFrame | None = None,
    alpha: float = 0.05,
    default_target_year: int = 2030,
) -> pd.DataFrame:
    """Assess every series of a long frame against its indicator's direction and target.

    Args:
        observations: A long frame (``territory``, ``indicator``, ``year``, ``value``; other
            columns are ignored). Categorical ``territory`` and ``indicator`` columns are used
            as they are, which is fastest for large panels.
        indicators: One row per indicator: ``indicator``, ``direction`` (a :class:`Direction`
            value) and optionally ``target``, ``target_year``, ``limit``, ``target_low`` and
            ``target_high`` (for ``within_range``), ``survey`` (bool) and ``unit``.
        year: Latest year to use; default each series' last year.
        base_year: Base year; default each series' first year with a value.
        window: Rolling window of that many years ending at the latest year.
        method: ``"ratio"`` or ``"projection"``.
        thresholds: Category edges of a ratio to a target (or of the projection); default
            per method.
        growth_thresholds: Category edges of the annual growth without a target.
        zero: ``"substitute"`` or ``"not_assessable"`` for a zero base or target.
        weighted: Projection only: weight recent years more.
        samples: Survey sample sizes: ``territory``, ``year``, ``n``; survey indicators get
            Wilson intervals and a two-proportion test of their year-on-year change.
        alpha: Significance level for survey changes.
        default_target_year: Target year where ``indicators`` gives none.

    Returns:
        One row per territory and indicator with data, in the columns of
        :data:`ASSESSMENT_COLUMNS`; ``notes`` holds the note codes separated by ``;``.

    Raises:
        AssessmentError: If a (territory, indicator, year) appears twice, an indicator of the
            observations has no metadata, or the metadata lack a column or hold text.
        FrameError: If *observations* lack a column of the long frame this needs.
        ArgumentError: If an option is invalid (an unknown method or *zero*, a window under 1,
            *alpha* outside (0, 1)).
        ArgumentTypeError: If an option has the wrong type (a year given as a string).
    """
    method = member(Method, method, "method")
    _options(
        year=year,
        base_year=base_year,
        window=window,
        thresholds=thresholds,
        growth_thresholds=growth_thresholds,
        zero=zero,
    )
    if not 0 < real(alpha, "alpha") < 1:
        raise ArgumentError("alpha", alpha, "a significance level between 0 and 1")
    integer(default_target_year, "default_target_year")
    for name, frame in (("observations", observations), ("indicators", indicators)):
        if not isinstance(frame, pd.DataFrame):
            raise ArgumentTypeError(name, frame, "a pandas DataFrame")
    absent = [c for c in (TERRITORY, INDICATOR, YEAR, VALUE) if c not in observations.columns]
    if absent:
        raise FrameError([f"missing column(s): {', '.join(absent)}"])
    absent = [c for c in ("indicator", "direction") if c not in indicators.columns]
    if absent:
        raise AssessmentError(f"the indicator metadata has no column(s) {', '.join(absent)}")
    meta = indicators.set_index("indicator")
    if meta.index.has_duplicates:
        repeated = sorted(map(str, meta.index[meta.index.duplicated()].unique()))
        raise AssessmentError(f"indicators repeated in the metadata: {', '.join(repeated)}")
    dense, keys, shape = _scatter(observations, meta, year)
    territories, indicator_labels, first_year = shape
    n_series, width = dense.shape
    if n_series == 0:
        return pd.DataFrame(columns=list(ASSESSMENT_COLUMNS))
    n_ind = len(indicator_labels)
    ind_codes = keys % n_ind
    meta = meta.reindex(indicator_labels)  # one row per indicator code
    if UNIT in observations.columns:
        meta = _units_from_frame(observations, meta)

    # --- metadata per series -----------------------------------------------------------------
    # indicators without metadata have no rows with values here (the scatter refused them), but
    # a categorical column keeps its unused categories: give those any valid direction
    filled = meta["direction"].astype(object).fillna(Direction.HIGHER_IS_BETTER.value)
    labels = filled.astype(str).to_numpy(dtype=object)
    used_labels = set(labels[np.unique(ind_codes)])
    bad = used_labels - {d.value for d in Direction}
    if bad:
        raise AssessmentError(f"unknown direction(s) {sorted(map(str, bad))}")
    is_range = (labels == Direction.WITHIN_RANGE.value)[ind_codes]
    d = np.where(labels == Direction.HIGHER_IS_BETTER.value, 1.0, -1.0)[ind_codes]
    target = _meta_array(meta, "target", ind_codes, np.nan)
    target_year = _meta_array(meta, "target_year", ind_codes, np.nan)
    target_year = np.where(np.isnan(target_year), default_target_year, target_year)
    limit = _meta_array(meta, "limit", ind_codes, np.nan)
    range_rows = np.flatnonzero(is_range)
    raw_range = dense[range_rows]  # the values as given, for the range rows (a copy)
    if len(range_rows):
        low = _meta_array(meta, "target_low", ind_codes, np.nan)
        high = _meta_array(meta, "target_high", ind_codes, np.nan)
        if np.isnan(low[is_range]).any() or np.isnan(high[is_range]).any():
            raise AssessmentError("a within_range indicator needs 'target_low' and 'target_high'")
        lo, hi = np.fmin(low, high), np.fmax(low, high)
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        c, h = centre[range_rows, None], half[range_rows, None]
        dense[range_rows] = c + np.maximum(0.0, np.abs(raw_range - c) - h)
        target = np.where(is_range, centre, target)
    has_target = ~np.isnan(target)

    # --- base and current years ----------------------------------------------------------------
    valid = ~np.isnan(dense)
    index = np.arange(n_series)
    ti = _last_true(valid)
    n_valid = valid.sum(axis=1)
    if window is None and base_year is None:
        in_window = valid  # from the first year with a value: every value is in the window
        t0 = _first_true(valid)
        requested = t0
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
    # the previous year with a value: clear the latest one for a moment
    has_data = n_valid > 0
    valid[index[has_data], ti[has_data]] = False
    tp = _last_true(valid)
    valid[index[has_data], ti[has_data]] = True
    has_previous = n_valid >= 2
    y0 = dense[index, t0]
    yi = dense[index, ti]
    t0_year = (t0 + first_year).astype(np.float64)
    ti_year = (ti + first_year).astype(np.float64)
    span = ti_year - t0_year

    notes = np.where(moved, _N[Note.BASE_YEAR_MOVED], 0).astype(np.int64)
    status = np.full(n_series, _S[Status.NOT_ASSESSABLE], dtype=np.int64)
    progress = np.full(n_series, np.nan)
    score = np.full(n_series, np.nan)
    decided = ~has_base
    notes[~has_base] = _N[Note.NO_DATA]

    achieved = has_base & has_target & np.where(d > 0, yi >= target, yi <= target)
    # --- progress P --------------------------------------------------------------------------
    calc_notes = np.zeros(n_series, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if method is Method.PROJECTION:
            p, p_notes, p_ok = _projection(
                dense, in_window, t0, t0_year, y0, target, target_year, d, weighted
            )
            p_ok &= has_target & (target_year > t0_year)
        else:
            p, p_notes, p_ok = _ratio(
                y0, yi, span, target, target_year, t0_year, d, has_target, zero
            )
        p_ok &= count >= 2
    calc_notes |= p_notes
    progress = np.where(p_ok, p, np.nan) + 0.0  # + 0.0: no negative zero

    # target achieved wins; its progress is kept where computable, without calculation notes
    status[achieved] = _S[Status.TARGET_ACHIEVED]
    score[achieved] = 5.0
    decided |= achieved
    too_few = ~decided & (count < 2)
    notes[too_few] |= _N[Note.TOO_FEW_YEARS]
    decided |= too_few
    if method is Method.PROJECTION:
        no_target = ~decided & ~has_target
        notes[no_target] |= _N[Note.NO_TARGET_FOR_PROJECTION]
        decided |= no_target
    late = ~decided & has_target & (target_year <= t0_year)
    notes[late] |= _N[Note.TARGET_YEAR_NOT_AFTER_BASE]
    decided |= late
    open_rows = ~decided
    notes[open_rows] |= calc_notes[open_rows]
    failed = open_rows & ~p_ok
    decided |= failed
    open_rows = ~decided

    # --- categories and scores -----------------------------------------------------------------
    ratio_t = (
        thresholds or DEFAULT_THRESHOLDS["projection" if method is Method.PROJECTION else "target"]
    )
    growth_t = growth_thresholds or DEFAULT_THRESHOLDS["growth"]
    with_target = open_rows & has_target
    status[with_target] = _categories(progress[with_target], ratio_t.substantial, ratio_t.moderate)
    score[with_target] = _score_ratio(progress[with_target], ratio_t)
    growth = open_rows & ~has_target
    limited = growth & ~np.isnan(limit)
    notes[limited] |= _N[Note.LIMIT_APPLIED]
    c = np.ones(n_series)
    if limited.any():
        c[limited] = _limit_factor(y0[limited], limit[limited])
    at_limit = limited & (c == 0)
    scaled = growth & ~at_limit
    sub = growth_t.substantial * c
    mod = growth_t.moderate * c
    status[scaled] = _categories(progress[scaled], sub[scaled], mod[scaled])
    score[scaled] = _score_growth(progress[scaled], sub[scaled], mod[scaled])
    holding = at_limit & (progress >= 0)
    status[holding] = _S[Status.SUBSTANTIAL_PROGRESS]
    score[holding] = 5.0
    slipping = at_limit & (progress < 0)
    status[slipping] = _S[Status.DETERIORATION]
    # the deterioration slope stays unscaled near a limit, as in Open SDG's sdg-build
    falling = (slipping | (scaled & (progress < 0))) & limited
    score[falling] = _score_growth(
        progress[falling],
        np.full(falling.sum(), growth_t.substantial),
        np.full(falling.sum(), growth_t.moderate),
    )
    for band_status, (band_low, band_high) in _BANDS.items():
        in_band = status == _S[band_status]
        score[in_band] = np.clip(score[in_band], band_low, band_high)

    # --- year on year ------------------------------------------------------------------------
    def given(column: IntArray) -> FloatArray:
        """The values as given (before a range became a distance) in one column per row."""
        values: FloatArray = dense[index, column]
        if len(range_rows):
            values[range_rows] = raw_range[np.arange(len(range_rows)), column[range_rows]]
        return values

    current = given(ti)
    previous = np.where(has_previous, given(tp), np.nan)
    trend = _year_on_year(
        current,
        previous,
        has_previous,
        tp,
        ti,
        d,
        is_range,
        meta,
        ind_codes,
        keys // n_ind,
        territories,
        first_year,
        samples,
        alpha,
    )
    result = pd.DataFrame(
        {
            TERRITORY: _categorical(keys // n_ind, territories),
            INDICATOR: _categorical(ind_codes, indicator_labels),
            "status": _categorical(status, [s.value for s in _STATUS]),
            "progress": progress,
            "score": score,
            "base_year": _years(t0_year, has_base),
            "current_year": _years(ti_year, has_base),
            "base_value": np.where(has_base, given(t0), np.nan),
            "current_value": np.where(has_base, current, np.nan),
            "target": target,
            "target_year": _years(target_year, has_target),
            **trend,
            "notes": _note_texts(notes),
        },
        columns=list(ASSESSMENT_COLUMNS),
    )
    if has_data.all():
        return result
    result = pd.DataFrame(result[has_data].reset_index(drop=True))
    for column in ("status", "notes", TERRITORY, INDICATOR):
        result[column] = result[column].cat.remove_unused_categories()
    return result


def _categorical(codes: IntArray, categories: Iterable[Any]) -> pd.Categorical:
    """A categorical from integer codes and its categories (cheap: no strings per row)."""
    labels: pd.Index[Any] = pd.Index(list(categories))
    return pd.Categorical.from_codes(codes.astype(np.int64), categories=labels)


def _years(years: FloatArray, present: BoolArray) -> pd.arrays.IntegerArray:
    """A nullable integer column of years (``<NA>`` where not *present*)."""
    return pd.arrays.IntegerArray(np.where(present, years, 0).astype(np.int64), ~present)


def _units_from_frame(observations: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Take each indicator's unit from the long frame where the metadata gives none.

    Raises:
        AssessmentError: If an indicator has rows in more than one unit.
    """
    indicator_codes, labels = _codes(observations[INDICATOR])
    unit_codes, units = _codes(observations[UNIT])
    if len(units) == 0:
        return meta
    key: IntArray = indicator_codes.astype(
        np.int32 if len(labels) * len(units) < 2**31 else np.int64
    )
    key *= len(units)
    key += unit_codes
    pairs = np.bincount(key, minlength=len(labels) * len(units)).reshape(len(labels), len(units))
    several = np.flatnonzero((pairs > 0).sum(axis=1) > 1)
    if len(several):
        first = int(several[0])
        found = ", ".join(str(units[int(u)]) for u in np.flatnonzero(pairs[first]))
        raise AssessmentError(f"indicator {labels[first]!r} has rows in several units: {found}")
    found_units = pd.Series(
        [str(units[int(row.argmax())]) if row.any() else None for row in pairs], index=labels
    ).reindex(meta.index)
    meta = meta.copy()
    given = meta["unit"] if "unit" in meta.columns else pd.Series(np.nan, index=meta.index)
    meta["unit"] = given.where(given.notna(), found_units)
    return meta


def _scatter(
    observations: pd.DataFrame, meta: pd.DataFrame, year: int | None
) -> tuple[FloatArray, IntArray, tuple[pd.Index[Any], pd.Index[Any], int]]:
    """The long frame as a dense ``series x years`` array, with each row's series key.

    The key of a series is ``territory code * number of indicators + indicator code``. When the
    grid of all (territory, indicator) pairs is not much larger than the data, rows are the
    grid itself (no compaction); otherwise only the series with rows are kept.
    """
    values = observations[VALUE].to_numpy(dtype=np.float64, na_value=np.nan)
    years = observations[YEAR].to_numpy(dtype=np.int64)
    territory_codes, territories = _codes(observations[TERRITORY])
    indicator_codes, labels = _codes(observations[INDICATOR])
    if len(values) and ((territory_codes < 0).any() or (indicator_codes < 0).any()):
        raise AssessmentError("observations with an empty territory or indicator")
    unknown = labels.difference(meta.index)
    if len(unknown):
        used = np.flatnonzero(np.bincount(indicator_codes, minlength=len(labels)))
        missing = sorted(str(labels[int(i)]) for i in used if labels[int(i)] in set(unknown))
        if missing:
            raise AssessmentError(f"no metadata for indicator(s): {', '.join(missing[:10])}")
    present = ~np.isnan(values)
    if year is not None:
        present &= years <= year
    n_present = int(np.count_nonzero(present))
    if n_present == 0:
        return np.empty((0, 0)), np.empty(0, dtype=np.int64), (territories, labels, 0)
    first_year = int(years.min())
    last_year = int(years.max()) if year is None else min(int(years.max()), year)
    width = last_year - first_year + 1
    n_ind = len(labels)
    grid = len(territories) * n_ind
    dtype = np.int32 if grid * width < 2**31 - 1 else np.int64
    keys: IntArray = territory_codes.astype(dtype)
    keys *= n_ind
    keys += indicator_codes
    flat: IntArray
    if grid <= 4 * n_present:  # the grid itself: row = key, no compaction
        series_keys = np.arange(grid, dtype=np.int64)
        flat = keys  # reuse the buffer
    else:
        row_codes, uniques = pd.factorize(keys[present], sort=True)
        series_keys = np.asarray(uniques, dtype=np.int64)
        flat = np.full(len(keys), -1, dtype=dtype)
        flat[present] = row_codes
    flat *= width
    np.add(flat, years, out=flat, casting="unsafe")
    flat -= first_year
    dummy = len(series_keys) * width  # rows without a value (or after *year*) land here
    np.putmask(flat, ~present, dummy)
    cells = np.full(dummy + 1, np.nan)
    cells[flat] = values
    cells[dummy] = np.nan
    if np.count_nonzero(~np.isnan(cells)) != n_present:
        counts = np.bincount(flat[present], minlength=dummy)
        cell = int(np.flatnonzero(counts > 1)[0])
        key = int(series_keys[cell // width])
        where = (territories[key // n_ind], labels[key % n_ind], first_year + cell % width)
        raise AssessmentError(f"(territory, indicator, year) {where} appears more than once")
    cells = cells[:dummy]
    return cells.reshape(len(series_keys), width), series_keys, (territories, labels, first_year)


def _ratio(
    y0: FloatArray,
    yi: FloatArray,
    span: FloatArray,
    target: FloatArray,
    target_year: FloatArray,
    t0_year: FloatArray,
    d: FloatArray,
    has_target: BoolArray,
    zero: str,
) -> tuple[FloatArray, IntArray, BoolArray]:
    """``P`` of the ratio method, the notes of its computation, and where it is defined."""
    n = len(y0)
    notes = np.zeros(n, dtype=np.int64)
    ok = np.ones(n, dtype=bool)
    zero_base = y0 == 0
    zero_target = has_target & (target == 0)
    notes[zero_base] |= _N[Note.ZERO_BASE]
    if zero == "not_assessable":
        ok &= ~zero_base
        ok &= ~(zero_target & ~zero_base)
        notes[zero_target & ~zero_base] |= _N[Note.ZERO_TARGET]
    else:
        notes[zero_target] |= _N[Note.ZERO_TARGET]
    base = np.where(zero_base, ZERO_SUBSTITUTE, y0)
    goal = np.where(zero_target, ZERO_SUBSTITUTE, target)
    opposite = ok & (yi != 0) & ((yi > 0) != (base > 0))
    notes[opposite] |= _N[Note.OPPOSITE_SIGNS]
    ok &= ~opposite
    target_opposite = ok & has_target & ((goal > 0) != (base > 0))
    notes[target_opposite] |= _N[Note.TARGET_OPPOSITE_SIGN]
    ok &= ~target_opposite
    s = np.where(base < 0, -1.0, 1.0)
    notes[ok & (s < 0)] |= _N[Note.NEGATIVE_VALUES]
    achieved_rate = (yi / base) ** (1.0 / span) - 1.0
    required = np.abs((goal / base) ** (1.0 / (target_year - t0_year)) - 1.0)
    signed = s * d * achieved_rate
    ok_target = ok & has_target
    zero_required = ok_target & (required == 0) & (target_year > t0_year)
    notes[zero_required] |= _N[Note.REQUIRED_CHANGE_ZERO]
    ratio = np.where(
        required == 0,
        np.where(achieved_rate == 0, 0.0, np.copysign(np.inf, signed)),
        signed / required,
    )
    p = np.where(has_target, ratio, signed)
    ok &= ~(has_target & (target_year <= t0_year))
    return p, notes, ok


def _projection(
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
    """Ratio of the least-squares projected change to the required change (see the series API)."""
    width = dense.shape[1]
    first_year = t0_year - t0
    years = first_year[:, None] + np.arange(width)[None, :]
    weights = np.where(in_window, 1.0 + (years - t0_year[:, None]) if weighted else 1.0, 0.0)
    filled = np.where(in_window, dense - y0[:, None], 0.0)  # fitted to y - y0
    sw = weights.sum(axis=1)
    mt = (weights * years).sum(axis=1) / sw
    my = (weights * filled).sum(axis=1) / sw
    dt = np.where(in_window, years - mt[:, None], 0.0)
    stt = (weights * dt * dt).sum(axis=1)
    sty = (weights * dt * (filled - my[:, None])).sum(axis=1)
    change = d * (my + (sty / stt) * (target_year - mt))
    required = np.abs(target - y0)
    notes = np.where(required == 0, _N[Note.REQUIRED_CHANGE_ZERO], 0).astype(np.int64)
    ratio = np.where(
        required == 0, np.where(change == 0, 0.0, np.copysign(np.inf, change)), change / required
    )
    return ratio, notes, np.ones(len(y0), dtype=bool)


def _categories(
    p: FloatArray, substantial: FloatArray | float, moderate: FloatArray | float
) -> IntArray:
    return np.select(
        [p >= substantial - EDGE, p >= moderate - EDGE, p >= -EDGE],
        [
            _S[Status.SUBSTANTIAL_PROGRESS],
            _S[Status.MODERATE_PROGRESS],
            _S[Status.LIMITED_PROGRESS],
        ],
        default=_S[Status.DETERIORATION],
    ).astype(np.int64)


def _score_ratio(p: FloatArray, t: Thresholds) -> FloatArray:
    raw = np.where(
        p >= t.moderate,
        (p - t.moderate) * (2.5 / (t.substantial - t.moderate)),
        (p - t.moderate) * (2.5 / t.moderate),
    )
    return np.clip(raw, -5.0, 5.0)


def _score_growth(p: FloatArray, sub: FloatArray, mod: FloatArray) -> FloatArray:
    raw = np.select(
        [p < 0, p < mod, p < sub],
        [-2.5 + p * (2.5 / (sub + mod)), -2.5 + p * (2.5 / mod), (p - mod) * (2.5 / (sub - mod))],
        default=2.5 + (p - sub) * (2.5 / mod),
    )
    clipped: FloatArray = np.clip(raw, -5.0, 5.0)
    return clipped


def _limit_factor(base: FloatArray, limit: FloatArray) -> FloatArray:
    if (limit <= 0).any():
        raise AssessmentError("a natural limit must be positive")
    b = np.abs(base)
    with np.errstate(invalid="ignore"):  # select evaluates every branch; the bad ones are unused
        return np.select(
            [b >= 2 * limit, b <= limit],
            [1.0, 1.0 - (b / limit) ** LIMIT_EXPONENT],
            default=1.0 - ((2 * limit - b) / limit) ** LIMIT_EXPONENT,
        )


def _note_texts(notes: IntArray) -> pd.Categorical:
    """The note bitmasks as ``;``-joined note codes, a categorical (few distinct combinations)."""
    masks = np.flatnonzero(np.bincount(notes, minlength=1))
    lookup = np.zeros(int(masks.max()) + 1, dtype=np.int64)
    lookup[masks] = np.arange(len(masks))
    texts = [";".join(note.value for note in _NOTES if int(mask) & _N[note]) for mask in masks]
    return _categorical(lookup[notes], texts)


def _year_on_year(
    current: FloatArray,
    previous: FloatArray,
    has_previous: BoolArray,
    tp: IntArray,
    ti: IntArray,
    d: FloatArray,
    is_range: BoolArray,
    meta: pd.DataFrame,
    ind_codes: IntArray,
    territory_codes: IntArray,
    territories: pd.Index[Any],
    first_year: int,
    samples: pd.DataFrame | None,
    alpha: float,
) -> Mapping[str, object]:
    """Columns of the year-on-year change, with survey intervals and tests where sizes exist."""
    n = len(current)
    change = current - previous
    if is_range.any():
        low = _meta_array(meta, "target_low", ind_codes, np.nan)
        high = _meta_array(meta, "target_high", ind_codes, np.nan)
        lo, hi = np.fmin(low, high), np.fmax(low, high)

        def outside(v: FloatArray) -> FloatArray:
            distance: FloatArray = np.maximum(0.0, np.maximum(lo - v, v - hi))
            return distance

        gain = np.where(is_range, outside(previous) - outside(current), d * change)
    else:
        gain = d * change
    trend = np.select(
        [~has_previous, gain > 0, gain < 0],
        [_T[Trend.NOT_ASSESSABLE], _T[Trend.IMPROVED], _T[Trend.WORSENED]],
        default=_T[Trend.UNCHANGED],
    )
    unit_labels = (
        meta["unit"].fillna("").astype(str).to_numpy(dtype=object)
        if "unit" in meta.columns
        else np.full(len(meta), "", dtype=object)
    )
    change_labels = np.where(unit_labels == "percent", "percentage_point", unit_labels)
    change_codes, change_categories = pd.factorize(change_labels)
    units = unit_labels[ind_codes] if samples is not None else unit_labels[:0]
    intervals = {key: np.full(n, np.nan) for key in ("lo", "hi", "plo", "phi", "p")}
    if samples is not None and "survey" in meta.columns:
        survey = meta["survey"].fillna(False).astype(bool).to_numpy(dtype=bool)[ind_codes]
        sizes = {
            (str(t), int(y)): int(k)
            for t, y, k in samples[[TERRITORY, YEAR, "n"]].itertuples(index=False)
        }
        for row in np.flatnonzero(survey & has_previous):
            territory = str(territories[int(territory_codes[row])])
            n1 = sizes.get((territory, first_year + int(tp[row])))
            n2 = sizes.get((territory, first_year + int(ti[row])))
            if n1 is None or n2 is None:
                continue
            scale = 100.0 if units[row] == "percent" else 1.0
            v1, v2 = previous[row] / scale, current[row] / scale
            level = 1 - alpha
            intervals["plo"][row], intervals["phi"][row] = (
                x * scale for x in wilson_interval(v1, n1, level=level)
            )
            intervals["lo"][row], intervals["hi"][row] = (
                x * scale for x in wilson_interval(v2, n2, level=level)
            )
            p_value = two_proportion_p_value(v1, n1, v2, n2)
            intervals["p"][row] = p_value
            if trend[row] != _T[Trend.UNCHANGED] and p_value >= alpha:
                trend[row] = _T[Trend.NOT_SIGNIFICANT]
    return {
        "previous_year": _years((tp + first_year).astype(np.float64), has_previous),
        "previous_value": previous,
        "change": change,
        "change_unit": _categorical(change_codes[ind_codes], change_categories),
        "trend": _categorical(trend, [t.value for t in _TRENDS]),
        "interval_low": intervals["lo"],
        "interval_high": intervals["hi"],
        "previous_interval_low": intervals["plo"],
        "previous_interval_high": intervals["phi"],
        "p_value": intervals["p"],
    }
