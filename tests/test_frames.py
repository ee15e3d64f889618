"""Tests of citystrategy.frames: the long-frame contract, validate_long and to_wide."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from citystrategy.errors import CityStrategyError, FrameError
from citystrategy.frames import (
    KEY_COLUMNS,
    LONG_COLUMNS,
    observations_to_long,
    to_wide,
    validate_long,
)
from citystrategy.model import Strategy
from tests.factories import make_missing, make_observation, make_strategy


def long_frame(**columns: list[object]) -> pd.DataFrame:
    """A valid two-row long frame; keyword arguments replace whole columns."""
    data: dict[str, list[object]] = {
        "territory": ["2661011", "2661011"],
        "indicator": ["KIE-1-01", "KIE-1-01"],
        "unit": ["percent", "percent"],
        "year": [2022, 2023],
        "value": [12.3, 5.2],
        "flag": [None, None],
    }
    data.update(columns)
    frame = pd.DataFrame(data)
    if all(isinstance(y, int) for y in frame["year"]):
        frame["year"] = frame["year"].astype("int64")
    return frame


def frame_error(frame: pd.DataFrame) -> FrameError:
    """The FrameError that validating *frame* raises."""
    with pytest.raises(FrameError) as caught:
        validate_long(frame)
    return caught.value


# --- Kielce ----------------------------------------------------------------------------------


def test_kielce_frame_is_valid(kielce: Strategy) -> None:
    """validate_long accepts the Kielce frame and returns it unchanged."""
    frame = kielce.observations_frame()
    assert validate_long(frame) is frame


def test_to_wide_has_years_as_columns(kielce: Strategy) -> None:
    """to_wide puts the years in columns and one row per territory, indicator and unit."""
    wide = to_wide(kielce.observations_frame())
    assert [repr(year) for year in wide.columns] == ["2022", "2023"]  # ints, not strings
    assert wide.index.names == list(KEY_COLUMNS[:3])
    assert len(wide) == 112
    flat = wide.reset_index()
    first = flat[flat["indicator"] == "KIE-1-01"]
    assert first[2022].tolist() == [12.3]
    assert first[2023].tolist() == [5.2]
    assert first["unit"].tolist() == ["percent"]
    assert flat.loc[flat["indicator"] == "KIE-3.3-02", 2023].isna().all()


def test_to_wide_refuses_an_invalid_frame() -> None:
    """to_wide validates its input first."""
    with pytest.raises(FrameError):
        to_wide(long_frame(unit=["%", "%"]))


# --- one problem at a time -------------------------------------------------------------------


def test_valid_synthetic_frame() -> None:
    """The helper's frame satisfies the contract."""
    validate_long(long_frame())


def test_frame_without_optional_columns() -> None:
    """flag and source are optional; a NaN value without a flag column is accepted."""
    validate_long(long_frame(value=[float("nan"), 5.2]).drop(columns=["flag"]))


@pytest.mark.parametrize("column", LONG_COLUMNS, ids=list(LONG_COLUMNS))
def test_missing_column(column: str) -> None:
    """A frame without a required column is refused, naming it."""
    error = frame_error(long_frame().drop(columns=[column]))
    assert error.problems == (f"missing column(s) {column!r}",)


def test_unexpected_column() -> None:
    """A column outside the contract is named."""
    error = frame_error(long_frame().assign(comment=["a", "b"]))
    assert error.problems == ("unexpected column(s) 'comment'",)


def test_float_year() -> None:
    """A float year column is refused with its dtype."""
    error = frame_error(long_frame(year=[2022.0, 2023.0]))
    assert error.problems == ("column 'year' must hold integers (dtype is float64)",)


def test_object_value() -> None:
    """Values must be floats, not strings (or Decimals)."""
    error = frame_error(long_frame(value=["12,3", "5,2"]))
    assert len(error.problems) == 1
    assert error.problems[0].startswith("column 'value' must hold floats (dtype is ")


def test_duplicate_keys() -> None:
    """Two rows with one territory, indicator, unit and year are refused, naming the key."""
    error = frame_error(long_frame(year=[2023, 2023]))
    assert error.problems == ("repeated key ('2661011', 'KIE-1-01', 'percent', 2023)",)


def test_unknown_unit() -> None:
    """A unit outside the registry is refused."""
    error = frame_error(long_frame(unit=["furlongs_per_zloty", "furlongs_per_zloty"]))
    assert error.problems == ("unknown unit 'furlongs_per_zloty'",)


def test_non_canonical_unit() -> None:
    """'%' is refused with the canonical name to write instead."""
    error = frame_error(long_frame(unit=["%", "%"]))
    assert error.problems == ("unit '%' is not canonical: write 'percent'",)


def test_nan_without_flag() -> None:
    """A NaN value needs a flag saying why it is missing."""
    error = frame_error(long_frame(value=[float("nan"), 5.2]))
    assert error.problems == ("row 0: missing value without a flag saying why",)


def test_nan_with_flag() -> None:
    """A NaN value with its reason code in flag is valid."""
    validate_long(long_frame(value=[float("nan"), 5.2], flag=["not_yet_in_bdl", None]))


def test_empty_key_cell() -> None:
    """An empty territory cell is named with its row."""
    error = frame_error(long_frame(territory=["2661011", " "]))
    assert error.problems == ("row 1: empty 'territory'",)


# --- every problem at once -----------------------------------------------------------------


def test_every_problem_at_once() -> None:
    """One FrameError lists all problems: float year, repeated key, bad units, unflagged NaN."""
    frame = pd.DataFrame(
        {
            "territory": ["2661011", "2661011", "2661011", "2661011"],
            "indicator": ["A", "A", "B", "C"],
            "unit": ["count", "count", "%", "bogus_unit"],
            "year": [2023.0, 2023.0, 2023.0, 2023.0],
            "value": [1.0, 2.0, float("nan"), 4.0],
            "flag": [None, None, None, None],
        }
    )
    error = frame_error(frame)
    assert isinstance(error, ValueError)
    assert isinstance(error, CityStrategyError)
    assert set(error.problems) == {
        "column 'year' must hold integers (dtype is float64)",
        "unit '%' is not canonical: write 'percent'",
        "unknown unit 'bogus_unit'",
        "repeated key ('2661011', 'A', 'count', 2023.0)",
        "row 2: missing value without a flag saying why",
    }
    assert str(error) == "invalid long frame:\n  " + "\n  ".join(error.problems)


def test_missing_column_does_not_hide_other_problems() -> None:
    """A missing column is listed together with the problems of the columns that are there."""
    frame = long_frame(year=[2022.0, 2023.0], unit=["%", "%"], value=[float("nan"), 5.2])
    error = frame_error(frame.drop(columns=["territory"]))
    assert set(error.problems) >= {
        "missing column(s) 'territory'",
        "column 'year' must hold integers (dtype is float64)",
        "unit '%' is not canonical: write 'percent'",
        "row 0: missing value without a flag saying why",
    }


def test_missing_and_unexpected_columns_together() -> None:
    """A missing and an unexpected column are reported together."""
    error = frame_error(long_frame().drop(columns=["unit"]).assign(extra=[1, 2]))
    assert error.problems == ("missing column(s) 'unit'", "unexpected column(s) 'extra'")


# --- observations_to_long ------------------------------------------------------------------


def test_observations_to_long_on_synthetic_strategy() -> None:
    """A missing observation becomes NaN with its reason code; values become floats."""
    strategy = make_strategy(
        observations=(
            make_observation(year=2022, value=None, missing=make_missing(), raw="- *"),
            make_observation(year=2023),
        )
    )
    frame = observations_to_long(strategy)
    assert list(frame["year"]) == [2022, 2023]
    assert math.isnan(frame["value"].iloc[0])
    assert frame["flag"].iloc[0] == "not_yet_in_bdl"
    assert frame["value"].iloc[1] == 5.0
    assert list(frame["unit"]) == ["count", "count"]


def test_observations_to_long_refuses_unknown_indicator() -> None:
    """Observations of an indicator the strategy lacks cannot get a unit: FrameError."""
    strategy = make_strategy(observations=(make_observation(indicator="T-9-09"),))
    with pytest.raises(FrameError, match="T-9-09"):
        observations_to_long(strategy)
