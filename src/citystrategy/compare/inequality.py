"""Dispersion of one indicator across territories, e.g. the districts (osiedla) of one city:
coefficient of variation, Gini, Theil and the max/min ratio, optionally weighted.

>>> import pandas as pd
>>> frame = pd.DataFrame(
...     {
...         "territory": ["A", "B", "C"],
...         "indicator": "income",
...         "unit": "PLN",
...         "year": 2023,
...         "value": [1.0, 2.0, 3.0],
...     }
... )
>>> d = dispersion(frame, indicator="income", year=2023)
>>> round(d.gini, 4), d.max_min
(0.2222, 3.0)
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from attrs import frozen

from citystrategy._arguments import integer, real, text
from citystrategy.compare.peers import YEARS_WITH_DATA, known_indicator
from citystrategy.errors import ArgumentError, ArgumentTypeError, YearError
from citystrategy.frames import INDICATOR, TERRITORY, VALUE, YEAR, validate_long

__all__ = ["Dispersion", "dispersion"]


@frozen
class Dispersion:
    """How unequal the values of one indicator are across territories in one year.

    Attributes:
        indicator: The indicator.
        year: The year.
        count: Territories with a value (and a weight, when weighted).
        missing: Territories of the frame without one: counted, left out of every measure.
        weighted: Whether the measures are weighted (e.g. by population).
        mean: The (weighted) mean.
        cv: Coefficient of variation: the (weighted, population) standard deviation over the
            mean.
        gini: Gini coefficient: the (weighted) mean absolute difference of all pairs over twice
            the mean; 0 is equality.
        theil: Theil's T index: the (weighted) mean of (x/μ)·ln(x/μ); 0 is equality.
        max_min: The highest value over the lowest (infinite if the lowest is 0).
        min: The lowest value.
        max: The highest value.
    """

    indicator: str
    year: int
    count: int
    missing: int
    weighted: bool
    mean: float
    cv: float
    gini: float
    theil: float
    max_min: float
    min: float
    max: float


def _weights(
    frame: pd.DataFrame, weights: str | Mapping[str, float], year: int, index: pd.Index[str]
) -> pd.Series[float]:
    if isinstance(weights, str):
        rows = frame[(frame[INDICATOR] == weights) & (frame[YEAR] == year)]
        if rows.empty:
            raise ArgumentError(
                "weights", weights, f"an indicator of the frame with values in {year}"
            )
        found = rows.set_index(TERRITORY)[VALUE].reindex(index)
    elif isinstance(weights, Mapping):
        found = pd.Series(
            {k: real(v, f"weights[{k!r}]") for k, v in weights.items()}, dtype="float64"
        ).reindex(index)
    else:
        raise ArgumentTypeError("weights", weights, "an indicator code or a mapping of weights")
    if (found < 0).any():
        raise ArgumentError("weights", weights, "weights of 0 or more")
    return found.astype("float64")


def dispersion(
    frame: pd.DataFrame,
    *,
    indicator: str,
    year: int,
    weights: str | Mapping[str, float] | None = None,
) -> Dispersion:
    """The dispersion of *indicator* across the territories of *frame* in *year*.

    Args:
        frame: A long frame, e.g. of a city's districts.
        indicator: The indicator.
        year: The year.
        weights: ``None`` (every territory counts once), the code of an indicator of the frame
            whose values in *year* weight the territories (``"population"``), or a mapping of
            territory to weight. A territory without a weight is counted as missing.

    Raises:
        ArgumentError: If the indicator is not in the frame, fewer than one territory has a
            value, a value is negative, the mean is zero, or a weight is negative.
        YearError: If the indicator has no data in *year*.
        FrameError: If *frame* breaks the long-frame contract.
    """
    validate_long(frame)
    text(indicator, "indicator")
    year = integer(year, "year")
    rows = frame[frame[INDICATOR] == known_indicator(frame, indicator)]
    years = sorted(rows[YEAR].unique().tolist())
    if year not in years:
        raise YearError("year", year, years, YEARS_WITH_DATA)
    values = rows[rows[YEAR] == year].set_index(TERRITORY)[VALUE]
    if weights is None:
        w = pd.Series(1.0, index=values.index)
    else:
        w = _weights(frame, weights, year, values.index)
    usable = values.notna() & w.notna()
    x = values[usable].to_numpy(dtype="float64")
    p = w[usable].to_numpy(dtype="float64")
    if len(x) == 0 or p.sum() <= 0:
        raise ArgumentError(
            "indicator", indicator, f"an indicator with values (and weights) in {year}"
        )
    if (x < 0).any():
        raise ArgumentError("indicator", indicator, "an indicator of values of 0 or more")
    share = p / p.sum()
    mean = float((share * x).sum())
    if mean == 0:
        raise ArgumentError("indicator", indicator, "an indicator whose mean is not zero")
    sd = math.sqrt(float((share * (x - mean) ** 2).sum()))
    gini = float((share[:, None] * share[None, :] * np.abs(x[:, None] - x[None, :])).sum()) / (
        2 * mean
    )
    r = x / mean
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(r > 0, r * np.log(np.where(r > 0, r, 1.0)), 0.0)
    theil = float((share * terms).sum())
    low, high = float(x.min()), float(x.max())
    return Dispersion(
        indicator=indicator,
        year=year,
        count=len(x),
        missing=len(values) - len(x),
        weighted=weights is not None,
        mean=mean,
        cv=sd / mean,
        gini=gini,
        theil=theil,
        max_min=math.inf if low == 0 else high / low,
        min=low,
        max=high,
    )
