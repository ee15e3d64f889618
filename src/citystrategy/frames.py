"""The long-frame contract: one row per observation, for any number of territories.

Columns (:data:`LONG_COLUMNS`): ``territory`` (TERYT code or another stable id) · ``indicator``
(stable code) · ``unit`` (canonical unit of the registry) · ``year`` (int) · ``value`` (float, NaN
when missing); optionally ``flag`` (why a value is missing) and ``source``. Wide frames come only
from :func:`to_wide`, for display.

>>> from citystrategy.cities import kielce
>>> frame = kielce.load().observations_frame()
>>> frame.loc[(frame.indicator == "KIE-1-01") & (frame.year == 2023), "value"].item()
5.2
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from citystrategy._i18n import N_
from citystrategy.errors import ArgumentTypeError, FrameError, Message, UnitError
from citystrategy.units import check_unit

if TYPE_CHECKING:
    from citystrategy.model import Strategy

__all__ = [
    "FLAG",
    "INDICATOR",
    "KEY_COLUMNS",
    "LONG_COLUMNS",
    "OPTIONAL_COLUMNS",
    "SOURCE",
    "TERRITORY",
    "UNIT",
    "VALUE",
    "YEAR",
    "observations_to_long",
    "to_wide",
    "validate_long",
]

#: Column: TERYT code or another stable id of the territory.
TERRITORY: Final = "territory"
#: Column: stable code of the indicator.
INDICATOR: Final = "indicator"
#: Column: canonical unit string of the registry (``"percent"``, not ``"%"``).
UNIT: Final = "unit"
#: Column: the year, an integer.
YEAR: Final = "year"
#: Column: the value, a float in ``unit``; NaN when missing.
VALUE: Final = "value"
#: Optional column: why a value is missing (a reason code).
FLAG: Final = "flag"
#: Optional column: where the value comes from.
SOURCE: Final = "source"

#: Columns of the long frame, in order; ``value`` is a float in ``unit``.
LONG_COLUMNS: Final = (TERRITORY, INDICATOR, UNIT, YEAR, VALUE)
#: Columns that identify one row.
KEY_COLUMNS: Final = LONG_COLUMNS[:-1]
#: Columns a long frame may carry besides :data:`LONG_COLUMNS`.
OPTIONAL_COLUMNS: Final = (FLAG, SOURCE)


def observations_to_long(strategy: Strategy) -> pd.DataFrame:
    """The observations of *strategy* as a validated long frame.

    A missing value is NaN with its reason code in ``flag``; never 0.

    Raises:
        FrameError: If an observation refers to an unknown indicator (its unit is unknown).
    """
    from citystrategy.model import Strategy  # at run time: the model builds frames

    if not isinstance(strategy, Strategy):
        raise ArgumentTypeError("strategy", strategy, "a Strategy")
    units = {indicator.code: indicator.unit for indicator in strategy.indicators}
    sources = {indicator.code: indicator.source for indicator in strategy.indicators}
    unknown = sorted({o.indicator for o in strategy.observations if o.indicator not in units})
    if unknown:
        template = N_("observations of unknown indicator {code!r}")
        raise FrameError([Message(template, {"code": code}) for code in unknown])
    records = [
        {
            TERRITORY: obs.territory,
            INDICATOR: obs.indicator,
            UNIT: units[obs.indicator],
            YEAR: obs.year,
            VALUE: float("nan") if obs.value is None else float(obs.value),
            FLAG: None if obs.missing is None else obs.missing.code,
            SOURCE: obs.source or sources[obs.indicator],
        }
        for obs in strategy.observations
    ]
    frame = pd.DataFrame.from_records(records, columns=[*LONG_COLUMNS, *OPTIONAL_COLUMNS])
    frame[YEAR] = frame[YEAR].astype("int64")
    frame[VALUE] = frame[VALUE].astype("float64")
    return validate_long(frame)


def _row(index: object) -> object:
    """A row label (or a key's cell) as it is shown: a NumPy integer as a plain int."""
    return int(index) if isinstance(index, np.integer) else index


def _column_problems(frame: pd.DataFrame) -> list[Message]:
    """The breaches of the frame contract that cost nothing on millions of rows: the columns
    :data:`LONG_COLUMNS` there, ``year`` of an integer dtype and ``value`` of a float dtype."""
    problems: list[Message] = []
    missing = [c for c in LONG_COLUMNS if c not in frame.columns]
    if missing:
        problems.append(Message(N_("missing column(s) {columns}"), {"columns": tuple(missing)}))
    if YEAR in frame.columns and not pd.api.types.is_integer_dtype(frame[YEAR]):
        template = N_("column 'year' must hold integers (dtype is {dtype})")
        problems.append(Message(template, {"dtype": str(frame[YEAR].dtype)}))
    if VALUE in frame.columns and not pd.api.types.is_float_dtype(frame[VALUE]):
        template = N_("column 'value' must hold floats (dtype is {dtype})")
        problems.append(Message(template, {"dtype": str(frame[VALUE].dtype)}))
    return problems


def validate_long(frame: pd.DataFrame) -> pd.DataFrame:
    """Check *frame* against the contract and return it; raise once with every problem.

    Checks: the required columns exist and no others but :data:`OPTIONAL_COLUMNS`; ``year`` is
    an integer dtype and ``value`` a float dtype with no infinities; key columns have no empty cells; units are
    units of the registry; no key is repeated; a NaN value has a ``flag`` when the frame has one.

    Raises:
        FrameError: Listing every problem found.
        ArgumentTypeError: If *frame* is not a DataFrame.
    """
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentTypeError("frame", frame, "a pandas DataFrame")
    problems = _column_problems(frame)
    missing = [c for c in LONG_COLUMNS if c not in frame.columns]
    extra = [c for c in frame.columns if c not in LONG_COLUMNS + OPTIONAL_COLUMNS]
    if extra:
        template = N_("unexpected column(s) {columns}")
        problems.append(Message(template, {"columns": tuple(map(str, extra))}))
    present = set(frame.columns)
    for column in (c for c in (TERRITORY, INDICATOR, UNIT) if c in present):
        empty = frame[column].isna() | (frame[column].astype(str).str.strip() == "")
        for index in frame.index[empty][:5]:
            template = N_("row {row}: empty {column!r}")
            problems.append(Message(template, {"row": _row(index), "column": column}))
    units: set[str] = {str(u) for u in frame[UNIT].dropna().unique()} if UNIT in present else set()
    for unit in sorted(units):
        try:
            if check_unit(unit) != unit:
                template = N_("unit {unit!r} is not canonical: write {canonical!r}")  # fmt: skip
                values = {"unit": unit, "canonical": check_unit(unit)}
                problems.append(Message(template, values))
        except UnitError:
            problems.append(Message(N_("unknown unit {unit!r}"), {"unit": unit}))
    keys = [c for c in KEY_COLUMNS if c in present]
    duplicated = frame.duplicated(keys, keep=False) if keys and not missing else None
    if duplicated is not None and duplicated.any():
        repeated = frame.loc[duplicated, keys].drop_duplicates().head(5)
        for row in repeated.itertuples(index=False):
            key = tuple(cell if isinstance(cell, str) else _row(cell) for cell in row)
            template = N_("repeated key ({key})")
            problems.append(Message(template, {"key": key}))
    if VALUE in present and pd.api.types.is_float_dtype(frame[VALUE]):
        infinite = np.isinf(frame[VALUE].to_numpy(dtype="float64"))
        for index in frame.index[infinite][:5]:
            template = N_("row {row}: infinite value")
            problems.append(Message(template, {"row": _row(index)}))
    if FLAG in present and VALUE in present:
        unflagged = frame[VALUE].isna() & frame[FLAG].isna()
        for index in frame.index[unflagged][:5]:
            template = N_("row {row}: missing value without a flag saying why")
            problems.append(Message(template, {"row": _row(index)}))
    if problems:
        raise FrameError(problems)
    return frame


def to_wide(long: pd.DataFrame) -> pd.DataFrame:
    """Years as columns; for display and Excel only.

    >>> from citystrategy.cities import kielce
    >>> wide = to_wide(kielce.load().observations_frame())
    >>> list(wide.columns)
    [2022, 2023]
    """
    validate_long(long)
    return long.set_index(list(KEY_COLUMNS))[VALUE].unstack(YEAR)
