"""Dispersion across a city's districts: CV, Gini, Theil and max/min, plain and weighted, against
values worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from citystrategy.compare import dispersion, sample_panel
from citystrategy.errors import ArgumentError, ArgumentTypeError, UnknownCodeError, YearError


def _districts() -> pd.DataFrame:
    """Four osiedla with incomes 10, 20, 30, 40 and populations 1, 1, 1, 2; a fifth without an
    income."""
    codes = ["os-1", "os-2", "os-3", "os-4", "os-5"]
    income = pd.DataFrame(
        {
            "territory": codes,
            "indicator": "income",
            "unit": "PLN",
            "year": 2023,
            "value": [10.0, 20.0, 30.0, 40.0, math.nan],
            "flag": [None, None, None, None, "not_collected"],
        }
    )
    population = pd.DataFrame(
        {
            "territory": codes,
            "indicator": "population",
            "unit": "inhabitant",
            "year": 2023,
            "value": [1.0, 1.0, 1.0, 2.0, 5.0],
            "flag": None,
        }
    )
    return pd.concat([income, population], ignore_index=True)


def test_unweighted_measures() -> None:
    """x = 10, 20, 30, 40: mean 25; variance (225 + 25 + 25 + 225)/4 = 125, CV = √125/25 =
    0.447214. Gini: the 6 pairs differ by 10+20+30+10+20+10 = 100, twice over 200, / (2·4²·25 =
    800) = 0.25. Theil: (0.4 ln 0.4 + 0.8 ln 0.8 + 1.2 ln 1.2 + 1.6 ln 1.6)/4 = (−0.366516
    − 0.178515 + 0.218786 + 0.752006)/4 = 0.106440. Max/min 40/10 = 4."""
    d = dispersion(_districts(), indicator="income", year=2023)
    assert (d.count, d.missing, d.weighted) == (4, 1, False)
    assert d.mean == pytest.approx(25)
    assert d.cv == pytest.approx(0.447214, abs=1e-6)
    assert d.gini == pytest.approx(0.25)
    assert d.theil == pytest.approx(0.106440, abs=1e-6)
    assert d.max_min == pytest.approx(4)


def test_population_weighted_measures() -> None:
    """Weights 1, 1, 1, 2 (W = 5): mean (10 + 20 + 30 + 80)/5 = 28; variance (324 + 64 + 4 +
    2·144)/5 = 136, CV = √136/28 = 0.416497. Gini: weighted pair differences 10 + 20 + 60 + 10 +
    40 + 20 = 160, twice over 320, / (2·5²·28 = 1400) = 0.228571. Theil: (1/5)·Σ w·r·ln r with
    r = x/28: (−0.367721 − 0.240337 + 0.073921 + 2·0.509536)/5 = 0.096987."""
    d = dispersion(_districts(), indicator="income", year=2023, weights="population")
    assert d.weighted
    assert d.mean == pytest.approx(28)
    assert d.cv == pytest.approx(0.416497, abs=1e-6)
    assert d.gini == pytest.approx(0.228571, abs=1e-6)
    assert d.theil == pytest.approx(0.096987, abs=1e-6)
    assert d.max_min == pytest.approx(4)


def test_weights_as_a_mapping() -> None:
    """Weights given by territory equal those of the population indicator."""
    by_map = dispersion(
        _districts(),
        indicator="income",
        year=2023,
        weights={"os-1": 1, "os-2": 1, "os-3": 1, "os-4": 2},
    )
    assert by_map.gini == pytest.approx(0.228571, abs=1e-6)
    assert by_map.missing == 1


def test_equal_values_are_equality() -> None:
    """Every district at 5: CV, Gini and Theil 0, max/min 1."""
    frame = _districts()
    frame.loc[frame.indicator == "income", "value"] = 5.0
    frame.loc[frame.indicator == "income", "flag"] = None
    d = dispersion(frame, indicator="income", year=2023)
    assert (d.cv, d.gini, d.theil, d.max_min) == (0.0, 0.0, 0.0, 1.0)


def test_dispersion_of_the_panel() -> None:
    """Across the 66 cities, max/min of the 2023 unemployment rate is the highest over the lowest."""
    panel = sample_panel()
    rates = panel.query("indicator == 'unemployment_rate' and year == 2023").value
    d = dispersion(panel, indicator="unemployment_rate", year=2023)
    assert d.count == 66
    assert d.max_min == pytest.approx(rates.max() / rates.min())


def test_bad_input_is_refused() -> None:
    """A negative value, an unknown indicator, a year without data and bad weights are errors."""
    frame = _districts()
    with pytest.raises(UnknownCodeError, match="'crime'"):
        dispersion(frame, indicator="crime", year=2023)
    with pytest.raises(YearError, match="2023"):
        dispersion(frame, indicator="income", year=2020)
    with pytest.raises(ArgumentTypeError):
        dispersion(frame, indicator="income", year=2023, weights=5)  # type: ignore[arg-type]
    negative = frame.copy()
    negative.loc[0, "value"] = -1.0
    with pytest.raises(ArgumentError, match="0 or more"):
        dispersion(negative, indicator="income", year=2023)
