"""Vectorised assessment of a long frame: every territory and indicator at once.

The long frame is scattered into a dense ``series x years`` array (one NumPy write) and the
method of :mod:`citystrategy.progress.method` runs on it whole: no Python loop runs per series,
except over survey series with sample sizes for their interval and test.
:func:`~citystrategy.progress.assess_series` runs the same formulas on one series.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import numpy as np
import pandas as pd

from citystrategy._arguments import integer
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentTypeError, AssessmentError, FrameError, Message
from citystrategy.frames import INDICATOR, TERRITORY, UNIT, VALUE, YEAR
from citystrategy.model import Direction
from citystrategy.progress import method as _m
from citystrategy.progress.method import BoolArray, FloatArray, IntArray, Trend
from citystrategy.progress.options import ProgressOptions, assess_with, resolve
from citystrategy.progress.survey import change_test

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
        template = N_("the metadata column {column!r} holds values that are not numbers")
        raise AssessmentError(Message(template, {"column": column})) from None
    return values.to_numpy(dtype=np.float64, na_value=np.nan)[codes]


def assess_frame(
    observations: pd.DataFrame,
    indicators: pd.DataFrame,
    *,
    year: int | None = None,
    samples: pd.DataFrame | None = None,
    options: ProgressOptions | None = None,
    **overrides: object,
) -> pd.DataFrame:
    """Assess every series of a long frame against its indicator's direction and target.

    Args:
        observations: A long frame (``territory``, ``indicator``, ``year``, ``value``; other
            columns are ignored). Categorical ``territory`` and ``indicator`` columns are used
            as they are, which is fastest for large panels.
        indicators: One row per indicator: ``indicator``, ``direction`` (a :class:`Direction`
            value) and optionally ``target``, ``target_year``, ``limit``, ``target_low`` and
            ``target_high`` (for ``within_range``), ``survey`` (bool) and ``unit``. A target
            without a ``target_year`` is ``not_assessable`` (``no_target_year``) unless
            already achieved: there is no default year.
        year: The reporting year: later values are ignored, and a series with no value in it
            is ``not_assessable`` (``no_value_in_year``; its latest earlier year and value are
            in ``current_year`` and ``current_value``). Default: each series' last year.
        samples: Survey sample sizes: ``territory``, ``year``, ``n``; survey indicators get
            Wilson intervals and a two-proportion test of their year-on-year change.
        options: How to assess (:class:`~citystrategy.progress.ProgressOptions`).
        overrides: Fields of :class:`~citystrategy.progress.ProgressOptions` to change.

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
    opts = resolve(options, overrides)
    if year is not None:
        integer(year, "year")
    for name, frame in (("observations", observations), ("indicators", indicators)):
        if not isinstance(frame, pd.DataFrame):
            raise ArgumentTypeError(name, frame, "a pandas DataFrame")
    absent = [c for c in (TERRITORY, INDICATOR, YEAR, VALUE) if c not in observations.columns]
    if absent:
        raise FrameError([Message(N_("missing column(s) {columns}"), {"columns": tuple(absent)})])
    absent = [c for c in ("indicator", "direction") if c not in indicators.columns]
    if absent:
        template = N_("the indicator metadata has no column(s) {columns}")
        raise AssessmentError(Message(template, {"columns": tuple(absent)}))
    meta = indicators.set_index("indicator")
    if meta.index.has_duplicates:
        repeated = sorted(map(str, meta.index[meta.index.duplicated()].unique()))
        template = N_("indicators repeated in the metadata: {codes}")
        raise AssessmentError(Message(template, {"codes": tuple(repeated)}))
    dense, keys, shape = _scatter(observations, meta, year)
    territories, indicator_labels, first_year = shape
    n_series = dense.shape[0]
    if n_series == 0:
        return pd.DataFrame(columns=list(ASSESSMENT_COLUMNS))
    n_ind = len(indicator_labels)
    ind_codes = keys % n_ind
    meta = meta.reindex(indicator_labels)  # one row per indicator code
    if UNIT in observations.columns:
        meta = _units_from_frame(observations, meta)

    # indicators without metadata have no rows with values here (the scatter refused them), but
    # a categorical column keeps its unused categories: give those any valid direction
    filled = meta["direction"].astype(object).fillna(Direction.HIGHER_IS_BETTER.value)
    labels = filled.astype(str).to_numpy(dtype=object)
    bad = set(labels[np.unique(ind_codes)]) - {d.value for d in Direction}
    if bad:
        template = N_("unknown direction(s) {found} (known: {known})")
        known = tuple(d.value for d in Direction)
        found = tuple(sorted(map(str, bad)))
        raise AssessmentError(Message(template, {"found": found, "known": known}))
    is_range = (labels == Direction.WITHIN_RANGE.value)[ind_codes]
    ind = _m.Indicators(
        d=np.where(labels == Direction.HIGHER_IS_BETTER.value, 1.0, -1.0)[ind_codes],
        is_range=is_range,
        target=_meta_array(meta, "target", ind_codes, np.nan),
        target_year=_meta_array(meta, "target_year", ind_codes, np.nan),
        limit=_meta_array(meta, "limit", ind_codes, np.nan),
        low=_meta_array(meta, "target_low", ind_codes, np.nan),
        high=_meta_array(meta, "target_high", ind_codes, np.nan),
    )
    if is_range.any() and (np.isnan(ind.low[is_range]).any() or np.isnan(ind.high[is_range]).any()):
        template = N_("an indicator kept within a range needs 'target_low' and 'target_high'")
        raise AssessmentError(Message(template))
    r = assess_with(dense, first_year, ind, year, opts)
    trend = _year_on_year(
        r, ind, meta, ind_codes, keys // n_ind, territories, first_year, samples, opts.alpha
    )
    has_base = r.has_base
    result = pd.DataFrame(
        {
            TERRITORY: _categorical(keys // n_ind, territories),
            INDICATOR: _categorical(ind_codes, indicator_labels),
            "status": _categorical(r.status, [s.value for s in _m.STATUSES]),
            "progress": r.progress,
            "score": r.score,
            "base_year": _years((r.t0 + first_year).astype(np.float64), has_base),
            "current_year": _years((r.ti + first_year).astype(np.float64), has_base),
            "base_value": np.where(has_base, r.base_value, np.nan),
            "current_value": np.where(has_base, r.current_value, np.nan),
            "target": r.target,
            "target_year": _years(ind.target_year, r.has_target & ~np.isnan(ind.target_year)),
            **trend,
            "notes": _note_texts(r.notes),
        },
        columns=list(ASSESSMENT_COLUMNS),
    )
    if r.has_data.all():
        return result
    result = pd.DataFrame(result[r.has_data].reset_index(drop=True))
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
        template = N_("the indicator {code!r} has rows in several units: {units}")
        raise AssessmentError(Message(template, {"code": str(labels[first]), "units": found}))
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
        raise AssessmentError(Message(N_("observations with an empty territory or indicator")))
    unknown = labels.difference(meta.index)
    if len(unknown):
        used = np.flatnonzero(np.bincount(indicator_codes, minlength=len(labels)))
        missing = sorted(str(labels[int(i)]) for i in used if labels[int(i)] in set(unknown))
        if missing:
            template = N_("no metadata for the indicator(s) {codes}")
            raise AssessmentError(Message(template, {"codes": tuple(missing[:10])}))
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
        template = N_(
            "the territory {territory!r}, indicator {code!r} and year {year} appear more than once"
        )
        shown = {"territory": str(where[0]), "code": str(where[1]), "year": where[2]}
        raise AssessmentError(Message(template, shown))
    cells = cells[:dummy]
    return cells.reshape(len(series_keys), width), series_keys, (territories, labels, first_year)


def _note_texts(notes: IntArray) -> pd.Categorical:
    """The note bitmasks as ``;``-joined note codes, a categorical (few distinct combinations)."""
    masks = np.flatnonzero(np.bincount(notes, minlength=1))
    lookup = np.zeros(int(masks.max()) + 1, dtype=np.int64)
    lookup[masks] = np.arange(len(masks))
    texts = [
        ";".join(note.value for note in _m.NOTE_LIST if int(mask) & _m.N[note]) for mask in masks
    ]
    return _categorical(lookup[notes], texts)


def _year_on_year(
    r: _m.Scores,
    ind: _m.Indicators,
    meta: pd.DataFrame,
    ind_codes: IntArray,
    territory_codes: IntArray,
    territories: pd.Index[Any],
    first_year: int,
    samples: pd.DataFrame | None,
    alpha: float,
) -> Mapping[str, object]:
    """Columns of the year-on-year change, with survey intervals and tests where sizes exist."""
    n = len(r.current_value)
    current, previous, has_previous = r.current_value, r.previous_value, r.has_previous
    trend = _m.trends(previous, current, has_previous, ind.d, ind.is_range, ind.low, ind.high)
    unit_labels = (
        meta["unit"].fillna("").astype(str).to_numpy(dtype=object)
        if "unit" in meta.columns
        else np.full(len(meta), "", dtype=object)
    )
    change_labels = np.where(unit_labels == "percent", "percentage_point", unit_labels)
    change_codes, change_categories = pd.factorize(change_labels)
    intervals = {key: np.full(n, np.nan) for key in ("lo", "hi", "plo", "phi", "p")}
    if samples is not None and "survey" in meta.columns:
        units = unit_labels[ind_codes]
        survey = meta["survey"].fillna(False).astype(bool).to_numpy(dtype=bool)[ind_codes]
        sizes = {
            (str(t), int(y)): int(k)
            for t, y, k in samples[[TERRITORY, YEAR, "n"]].itertuples(index=False)
        }
        for row in np.flatnonzero(survey & has_previous):
            territory = str(territories[int(territory_codes[row])])
            n1 = sizes.get((territory, first_year + int(r.tp[row])))
            n2 = sizes.get((territory, first_year + int(r.ti[row])))
            if n1 is None or n2 is None:
                continue
            try:
                earlier, later, p_value = change_test(
                    float(previous[row]), n1, float(current[row]), n2, unit=units[row], alpha=alpha
                )
            except AssessmentError as error:  # name the indicator and the year
                code = meta.index[int(ind_codes[row])]
                year = first_year + int(r.ti[row])
                raise AssessmentError(error.to_message(), f"{code}, {territory}, {year}") from None
            intervals["plo"][row], intervals["phi"][row] = earlier
            intervals["lo"][row], intervals["hi"][row] = later
            intervals["p"][row] = p_value
            if trend[row] != _m.T[Trend.UNCHANGED] and p_value >= alpha:
                trend[row] = _m.T[Trend.NOT_SIGNIFICANT]
    return {
        "previous_year": _years((r.tp + first_year).astype(np.float64), has_previous),
        "previous_value": previous,
        "change": current - previous,
        "change_unit": _categorical(change_codes[ind_codes], change_categories),
        "trend": _categorical(trend, [t.value for t in _m.TRENDS]),
        "interval_low": intervals["lo"],
        "interval_high": intervals["hi"],
        "previous_interval_low": intervals["plo"],
        "previous_interval_high": intervals["phi"],
        "p_value": intervals["p"],
    }
