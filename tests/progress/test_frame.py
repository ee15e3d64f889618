"""Tests of citystrategy.progress.frame.assess_frame: hand-computed panel, agreement with the
series API on generated data (Hypothesis), and errors.

Expected numbers in the hand-built panel are worked out from the formulas of
domain/progress-method.md (arithmetic in the comments), not by calling the series API.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citystrategy.errors import ArgumentError, AssessmentError
from citystrategy.model import Direction
from citystrategy.progress import (
    ASSESSMENT_COLUMNS,
    Assessment,
    Method,
    Note,
    ProgressOptions,
    Thresholds,
    YearOnYear,
    assess_frame,
    assess_series,
    year_on_year,
)

HIB = Direction.HIGHER_IS_BETTER.value
LIB = Direction.LOWER_IS_BETTER.value
RANGE = Direction.WITHIN_RANGE.value
NAN = math.nan

Row = dict[str, Any]


def observations(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    """A long frame (territory, indicator, year, value) from rows."""
    frame = pd.DataFrame(rows, columns=["territory", "indicator", "year", "value"])
    frame["year"] = frame["year"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


def by_key(result: pd.DataFrame) -> dict[tuple[str, str], Row]:
    """The result rows keyed by (territory, indicator)."""
    records: list[Row] = [
        {str(key): value for key, value in record.items()} for record in result.to_dict("records")
    ]
    return {(str(row["territory"]), str(row["indicator"])): row for row in records}


def missing(value: Any) -> bool:
    """Whether a frame cell holds NaN or NA."""
    return value is None or bool(pd.isna(value))


# --- a small hand-built panel ------------------------------------------------------------------

PANEL_ROWS: list[tuple[str, str, int, float]] = [
    ("B", "I1", 2021, 35.0),
    ("A", "I1", 2020, 10.0),
    ("A", "I1", 2021, 10.5),
    ("A", "I1", 2022, 11.0),
    ("A", "I2", 2020, 20.0),
    ("A", "I2", 2021, 19.8),
    ("A", "I3", 2020, 70.0),
    ("A", "I3", 2022, 60.0),
    ("B", "I1", 2022, NAN),  # a missing value is no value
    ("B", "I2", 2020, 0.0),
    ("B", "I2", 2021, 1.0),
    ("B", "I3", 2021, 52.0),
]

PANEL_META = pd.DataFrame(
    {
        "indicator": ["I1", "I2", "I3"],
        "direction": [HIB, LIB, RANGE],
        "target": [30.0, NAN, NAN],
        "target_year": [2030.0, NAN, 2030.0],
        "target_low": [NAN, NAN, 45.0],
        "target_high": [NAN, NAN, 55.0],
        "unit": ["count", "percent", "percent"],
    }
)

#: (territory, indicator) -> status, progress, score, base year, current year, notes.
PANEL_EXPECTED: dict[tuple[str, str], tuple[str, float, float, int, int, str]] = {
    # CAGR = (11/10)**(1/2) - 1 = 0.048809; required = (30/10)**(1/10) - 1 = 0.116123
    # P = 0.048809/0.116123 = 0.420320; score (0.42032 - 0.6)*5/1.2 = -0.748668
    ("A", "I1"): ("limited_progress", 0.420320, -0.748668, 2020, 2022, ""),
    # no target, lower is better: P = -(19.8/20 - 1) = 0.01; 250*0.01 - 1.25 = 1.25
    ("A", "I2"): ("moderate_progress", 0.01, 1.25, 2020, 2021, ""),
    # band 45..55: 70 -> 65, 60 -> 55; CAGR = (55/65)**(1/2) - 1 = -0.080134;
    # required = |(50/65)**(1/10) - 1| = 0.025895; P = 3.094537; score capped at 5
    ("A", "I3"): ("substantial_progress", 3.094537, 5.0, 2020, 2022, ""),
    # one year, 35 >= 30: achieved, no P
    ("B", "I1"): ("target_achieved", NAN, 5.0, 2021, 2021, ""),
    # zero base -> 0.001: P = -1 * (1/0.001 - 1) = -999; score max(125P - 2.5, -5) = -5
    ("B", "I2"): ("deterioration", -999.0, -5.0, 2020, 2021, "zero_base"),
    # 52 inside 45..55: distance 50 = target -> achieved
    ("B", "I3"): ("target_achieved", NAN, 5.0, 2021, 2021, ""),
}

#: (territory, indicator) -> trend, previous year, change, change unit.
PANEL_TRENDS: dict[tuple[str, str], tuple[str, int | None, float, str]] = {
    ("A", "I1"): ("improved", 2021, 0.5, "count"),  # 11 - 10.5
    ("A", "I2"): ("improved", 2020, -0.2, "percentage_point"),  # 19.8 - 20, lower is better
    ("A", "I3"): ("improved", 2020, -10.0, "percentage_point"),  # 15 -> 5 outside the band
    ("B", "I1"): ("not_assessable", None, NAN, "count"),
    ("B", "I2"): ("worsened", 2020, 1.0, "percentage_point"),  # 1 - 0, lower is better
    ("B", "I3"): ("not_assessable", None, NAN, "percent"),
}


@pytest.mark.parametrize("key", list(PANEL_EXPECTED), ids="-".join)
def test_hand_built_panel(key: tuple[str, str]) -> None:
    """2 territories x 3 indicators give the hand-computed status, P, score, years and notes."""
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META))
    status, progress, score, base, current, notes = PANEL_EXPECTED[key]
    row = rows[key]
    assert row["status"] == status
    if math.isnan(progress):
        assert missing(row["progress"])
    else:
        assert row["progress"] == pytest.approx(progress, rel=1e-5)
    assert row["score"] == pytest.approx(score, rel=1e-5)
    assert (row["base_year"], row["current_year"]) == (base, current)
    assert row["notes"] == notes


@pytest.mark.parametrize("key", list(PANEL_TRENDS), ids="-".join)
def test_hand_built_panel_trends(key: tuple[str, str]) -> None:
    """The year-on-year columns of the hand-built panel."""
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META))
    trend, previous, change, unit = PANEL_TRENDS[key]
    row = rows[key]
    assert row["trend"] == trend
    if previous is None:
        assert missing(row["previous_year"])
        assert missing(row["change"])
    else:
        assert row["previous_year"] == previous
        assert row["change"] == pytest.approx(change)
        assert row["change_unit"] == unit


def test_hand_built_panel_shape() -> None:
    """One row per territory and indicator, in the documented columns, with targets filled."""
    result = assess_frame(observations(PANEL_ROWS), PANEL_META)
    assert list(result.columns) == list(ASSESSMENT_COLUMNS)
    assert len(result) == 6
    rows = by_key(result)
    assert rows[("A", "I1")]["target"] == 30.0
    assert rows[("A", "I1")]["target_year"] == 2030
    assert rows[("A", "I3")]["target"] == 50.0  # the band's centre
    assert missing(rows[("A", "I2")]["target"])
    assert missing(rows[("A", "I2")]["target_year"])
    assert rows[("A", "I3")]["base_value"] == 70.0  # as given, not the distance 65


def test_year_filter() -> None:
    """year=2021 drops later values: A/I1 is re-assessed; A/I3, with no 2021 value, is not assessed."""
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, year=2021))
    # CAGR = 10.5/10 - 1 = 0.05; required 0.116123; P = 0.430577; (P - 0.6)*5/1.2 = -0.705928
    assert rows[("A", "I1")]["status"] == "limited_progress"
    assert rows[("A", "I1")]["progress"] == pytest.approx(0.430577, rel=1e-5)
    assert rows[("A", "I1")]["score"] == pytest.approx(-0.705928, rel=1e-5)
    assert rows[("A", "I1")]["current_year"] == 2021
    assert rows[("A", "I3")]["status"] == "not_assessable"
    assert rows[("A", "I3")]["notes"] == "no_value_in_year"
    assert rows[("A", "I3")]["current_year"] == 2020  # the latest value, with its year
    assert rows[("A", "I3")]["trend"] == "not_assessable"
    assert rows[("B", "I2")]["status"] == "deterioration"  # unchanged: all its years <= 2021


def test_year_filter_drops_series_without_data() -> None:
    """A series whose values all come after year= has no row."""
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, year=2020))
    assert set(rows) == {("A", "I1"), ("A", "I2"), ("A", "I3"), ("B", "I2")}


def test_frame_options_reach_every_series() -> None:
    """base_year, window, zero and method apply to every series of the frame."""
    moved = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, base_year=2021))
    # 2021 missing -> 2022, and only 2022 is left
    assert moved[("A", "I3")]["notes"] == "base_year_moved;too_few_years"
    assert moved[("A", "I3")]["status"] == "not_assessable"
    strict = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, zero="not_assessable"))
    assert strict[("B", "I2")]["status"] == "not_assessable"
    assert strict[("B", "I2")]["notes"] == "zero_base"
    projected = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, method="projection"))
    assert projected[("A", "I2")]["notes"] == "no_target_for_projection"
    # A/I1 10, 10.5, 11: slope 0.5, mean 10.5 at 2021: y(2030) = 10.5 + 0.5*9 = 15
    # (15 - 10)/(30 - 10) = 0.25 -> moderate (0.10 <= 0.25 < 0.95)
    assert projected[("A", "I1")]["progress"] == pytest.approx(0.25)
    assert projected[("A", "I1")]["status"] == "moderate_progress"


def test_limit_far_from_base_emits_no_warning() -> None:
    """A base beyond twice the natural limit (C = 1) is assessed without a RuntimeWarning."""
    obs = observations([("A", "L", 2020, 3.0), ("A", "L", 2021, 3.03)])
    meta = pd.DataFrame({"indicator": ["L"], "direction": [HIB], "limit": [1.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = by_key(assess_frame(obs, meta))
    # b = 3 >= 2L = 2 -> C = 1; P = 3.03/3 - 1 = 0.01 -> moderate; 250*0.01 - 1.25 = 1.25
    assert rows[("A", "L")]["status"] == "moderate_progress"
    assert rows[("A", "L")]["score"] == pytest.approx(1.25)
    assert rows[("A", "L")]["notes"] == "limit_applied"


# --- survey samples ------------------------------------------------------------------------------


def test_survey_samples_give_intervals_and_tests() -> None:
    """Survey indicators get Wilson intervals and a two-proportion test; others do not."""
    obs = observations(
        [
            ("K", "S1", 2022, 12.3),
            ("K", "S1", 2023, 5.2),
            ("K", "S2", 2022, 30.0),
            ("K", "S2", 2023, 32.0),
            ("K", "C1", 2022, 30.0),
            ("K", "C1", 2023, 32.0),
        ]
    )
    meta = pd.DataFrame(
        {
            "indicator": ["S1", "S2", "C1"],
            "direction": [HIB, HIB, HIB],
            "unit": ["percent", "percent", "percent"],
            "survey": [True, True, False],
        }
    )
    samples = pd.DataFrame({"territory": ["K", "K"], "year": [2022, 2023], "n": [593, 248]})
    rows = by_key(assess_frame(obs, meta, samples=samples))
    s1 = rows[("K", "S1")]
    # Wilson 5.2%, n = 248 (z = 1.959964): centre 0.058834, half 0.028260 -> 3.0573..8.7094
    assert s1["interval_low"] == pytest.approx(3.0573, abs=1e-4)
    assert s1["interval_high"] == pytest.approx(8.7094, abs=1e-4)
    # Wilson 12.3%, n = 593: centre 0.125426, half 0.026461 -> 9.8966..15.1887
    assert s1["previous_interval_low"] == pytest.approx(9.8966, abs=1e-4)
    assert s1["previous_interval_high"] == pytest.approx(15.1887, abs=1e-4)
    # pooled 0.102063, z = -3.101390, p = 0.001926 -> significant, stays worsened
    assert s1["p_value"] == pytest.approx(0.001926, abs=1e-6)
    assert s1["trend"] == "worsened"
    assert s1["change"] == pytest.approx(-7.1)
    assert s1["change_unit"] == "percentage_point"
    # 30% -> 32%: z = 0.573965, p = 0.565992 -> not significant
    assert rows[("K", "S2")]["p_value"] == pytest.approx(0.565992, abs=1e-5)
    assert rows[("K", "S2")]["trend"] == "not_significant"
    # the same numbers without the survey flag: no interval, improved
    assert rows[("K", "C1")]["trend"] == "improved"
    assert missing(rows[("K", "C1")]["interval_low"])
    assert missing(rows[("K", "C1")]["p_value"])


def test_survey_alpha_option() -> None:
    """alpha=0.001 makes the Kielce change (p = 0.001926) not significant."""
    obs = observations([("K", "S1", 2022, 12.3), ("K", "S1", 2023, 5.2)])
    meta = pd.DataFrame(
        {"indicator": ["S1"], "direction": [HIB], "unit": ["percent"], "survey": [True]}
    )
    samples = pd.DataFrame({"territory": ["K", "K"], "year": [2022, 2023], "n": [593, 248]})
    rows = by_key(assess_frame(obs, meta, samples=samples, alpha=0.001))
    assert rows[("K", "S1")]["trend"] == "not_significant"


# --- errors and input forms ----------------------------------------------------------------------


def test_duplicate_key_is_an_error_naming_it() -> None:
    """The same (territory, indicator, year) twice is an error that names it."""
    rows = [*PANEL_ROWS, ("A", "I2", 2021, 19.0)]
    with pytest.raises(AssessmentError, match=r"'A'.*'I2'.*2021"):
        assess_frame(observations(rows), PANEL_META)


def test_indicator_without_metadata_is_an_error() -> None:
    """An indicator of the observations missing from the metadata is an error naming it."""
    rows = [*PANEL_ROWS, ("A", "I9", 2021, 1.0)]
    with pytest.raises(AssessmentError, match="I9"):
        assess_frame(observations(rows), PANEL_META)


def test_unknown_direction_is_an_error() -> None:
    """A direction that is not a Direction value is an error."""
    meta = PANEL_META.assign(direction=[HIB, "up", RANGE])
    with pytest.raises(AssessmentError, match="up"):
        assess_frame(observations(PANEL_ROWS), meta)


@pytest.mark.parametrize(
    "meta",
    [
        PANEL_META.drop(columns=["target_low", "target_high"]),
        PANEL_META.assign(target_high=[NAN, NAN, NAN]),
    ],
    ids=["columns-missing", "values-missing"],
)
def test_within_range_without_band_is_an_error(meta: pd.DataFrame) -> None:
    """within_range needs target_low and target_high."""
    with pytest.raises(AssessmentError, match="target_low"):
        assess_frame(observations(PANEL_ROWS), meta)


def test_repeated_metadata_is_an_error() -> None:
    """An indicator listed twice in the metadata is an error."""
    meta = pd.concat([PANEL_META, PANEL_META.iloc[[0]]])
    with pytest.raises(AssessmentError, match="I1"):
        assess_frame(observations(PANEL_ROWS), meta)


def test_zero_option_is_checked() -> None:
    """An unknown 'zero' option is an ArgumentError naming the option."""
    with pytest.raises(ArgumentError, match="zero"):
        assess_frame(observations(PANEL_ROWS), PANEL_META, zero="ignore")


def comparable(result: pd.DataFrame) -> pd.DataFrame:
    """*result* sorted by territory and indicator, categorical columns as plain strings."""
    text = [name for name, dtype in result.dtypes.items() if isinstance(dtype, pd.CategoricalDtype)]
    plain = result.astype({str(name): object for name in text})
    return plain.sort_values(["territory", "indicator"]).reset_index(drop=True)


def test_categorical_columns_give_the_same_result() -> None:
    """Categorical territory and indicator columns give the same rows as object columns."""
    plain = assess_frame(observations(PANEL_ROWS), PANEL_META)
    obs = observations(PANEL_ROWS)
    obs["territory"] = obs["territory"].astype(pd.CategoricalDtype(["B", "Z", "A"]))
    obs["indicator"] = obs["indicator"].astype("category")
    categorical = assess_frame(obs, PANEL_META)
    pd.testing.assert_frame_equal(comparable(plain), comparable(categorical))


def test_empty_frame() -> None:
    """An empty long frame gives an empty result with the documented columns."""
    result = assess_frame(observations([]), PANEL_META)
    assert len(result) == 0
    assert list(result.columns) == list(ASSESSMENT_COLUMNS)


def test_only_missing_values_give_no_rows() -> None:
    """Observations that are all NaN give no rows."""
    result = assess_frame(observations([("A", "I1", 2020, NAN)]), PANEL_META)
    assert len(result) == 0


# --- the frame API agrees with the series API (property test) ------------------------------------

VALUES = st.one_of(
    st.integers(-50, 150).map(float),
    st.integers(-500, 1500).map(lambda k: k / 10),
    st.just(0.0),
)
SHARES = st.integers(0, 1000).map(lambda k: k / 10)
YEARS = st.integers(2010, 2024)
TERRITORIES = ("T1", "T2")


@dataclass(frozen=True)
class Spec:
    """Metadata of one generated indicator."""

    code: str
    direction: Direction
    target: float | None
    target_year: int | None
    limit: float | None
    band: tuple[float, float] | None
    unit: str
    survey: bool


@dataclass(frozen=True)
class Panel:
    """A generated panel: indicators, series, survey sizes, options and frame form."""

    specs: tuple[Spec, ...]
    series: dict[tuple[str, str], dict[int, float | None]]
    samples: dict[str, dict[int, int]]
    year: int | None
    options: ProgressOptions
    rows: tuple[tuple[str, str, int, float], ...]
    categorical: bool


@st.composite
def panels(draw: st.DrawFn) -> Panel:
    """A random panel of 1-2 territories and 1-3 indicators, rows in random order."""
    territories = TERRITORIES[: draw(st.integers(1, 2))]
    n_indicators = draw(st.integers(1, 3))
    series: dict[tuple[str, str], dict[int, float | None]] = {}
    specs: list[Spec] = []
    for index in range(n_indicators):
        code = f"I{index}"
        direction = draw(st.sampled_from(list(Direction)))
        band = None
        if direction is Direction.WITHIN_RANGE:
            band = (draw(VALUES), draw(VALUES))
        unit = draw(st.sampled_from(["percent", "count"]))
        survey = unit == "percent" and draw(st.booleans())
        values = SHARES if survey else VALUES  # survey shares lie in [0, 100]
        for territory in territories:
            years = draw(st.lists(YEARS, unique=True, min_size=1, max_size=7))
            series[(territory, code)] = {
                year: draw(st.one_of(values, values, values, st.none())) for year in years
            }
        specs.append(
            Spec(
                code=code,
                direction=direction,
                target=draw(st.one_of(st.none(), VALUES)),
                target_year=draw(st.one_of(st.none(), st.integers(2008, 2036))),
                limit=draw(st.one_of(st.none(), st.sampled_from([1.0, 50.0, 100.0, 150.0]))),
                band=band,
                unit=unit,
                survey=survey,
            )
        )
    samples: dict[str, dict[int, int]] = {}
    for territory in territories:
        pool = sorted(
            {year for (t, _), values in series.items() if t == territory for year in values}
        )
        chosen = draw(st.lists(st.sampled_from(pool), unique=True)) if pool else []
        samples[territory] = {year: draw(st.integers(1, 1000)) for year in chosen}
    options = ProgressOptions(
        base_year=draw(st.one_of(st.none(), st.none(), st.integers(2008, 2026))),
        window=draw(st.one_of(st.none(), st.none(), st.integers(1, 15))),
        method=draw(st.sampled_from(list(Method))),
        thresholds=draw(
            st.sampled_from([None, None, Thresholds(0.5, 0.25), Thresholds(0.02, 0.01)])
        ),
        growth_thresholds=draw(
            st.sampled_from([None, None, Thresholds(0.03, 0.01), Thresholds(0.2, 0.05)])
        ),
        zero=draw(st.sampled_from(["substitute", "not_assessable"])),
        weighted=draw(st.booleans()),
        alpha=draw(st.sampled_from([0.05, 0.01, 0.2])),
    )
    rows = [
        (territory, code, year, NAN if value is None else value)
        for (territory, code), values in series.items()
        for year, value in values.items()
    ]
    return Panel(
        specs=tuple(specs),
        series=series,
        samples=samples,
        year=draw(st.one_of(st.none(), st.none(), YEARS)),
        options=options,
        rows=tuple(draw(st.permutations(rows))),
        categorical=draw(st.booleans()),
    )


def panel_frames(panel: Panel) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The observations, indicator metadata and samples frames of *panel*."""
    obs = observations(list(panel.rows))
    if panel.categorical:
        obs["territory"] = obs["territory"].astype("category")
        obs["indicator"] = obs["indicator"].astype("category")
    meta = pd.DataFrame(
        {
            "indicator": [s.code for s in panel.specs],
            "direction": [s.direction.value for s in panel.specs],
            "target": [NAN if s.target is None else s.target for s in panel.specs],
            "target_year": [NAN if s.target_year is None else s.target_year for s in panel.specs],
            "limit": [NAN if s.limit is None else s.limit for s in panel.specs],
            "target_low": [NAN if s.band is None else s.band[0] for s in panel.specs],
            "target_high": [NAN if s.band is None else s.band[1] for s in panel.specs],
            "survey": [s.survey for s in panel.specs],
            "unit": [s.unit for s in panel.specs],
        }
    )
    sample_rows = [
        (territory, year, n)
        for territory, sizes in panel.samples.items()
        for year, n in sizes.items()
    ]
    samples = pd.DataFrame(sample_rows, columns=["territory", "year", "n"])
    return obs, meta, samples


def same_number(cell: object, expected: float | None) -> bool:
    """A frame cell equals a series-API number (isclose rel 1e-9; None/NaN/inf alike)."""
    if expected is None or math.isnan(expected):
        return missing(cell)
    if missing(cell):
        return False
    value = float(cell)  # type: ignore[arg-type]
    if math.isinf(expected):
        return value == expected
    return math.isclose(value, expected, rel_tol=1e-9)


def same_year(cell: object, expected: int | None) -> bool:
    """A nullable-integer frame cell equals a year or None."""
    if expected is None:
        return missing(cell)
    return not missing(cell) and int(cell) == expected  # type: ignore[call-overload]


def assert_same_assessment(row: Row, expected: Assessment) -> None:
    """The frame row holds the series API's assessment."""
    assert row["status"] == expected.status.value
    assert same_number(row["progress"], expected.progress), (row["progress"], expected.progress)
    assert same_number(row["score"], expected.score), (row["score"], expected.score)
    assert same_year(row["base_year"], expected.base_year)
    assert same_year(row["current_year"], expected.current_year)
    assert row["notes"] == ";".join(note.value for note in expected.notes)
    assert same_number(row["base_value"], expected.base_value)
    assert same_number(row["current_value"], expected.current_value)
    assert same_number(row["target"], expected.target)
    assert same_year(row["target_year"], expected.target_year)


def assert_same_trend(row: Row, expected: YearOnYear) -> None:
    """The frame row's trend columns hold year_on_year's result."""
    assert row["trend"] == expected.trend.value
    assert same_year(row["previous_year"], expected.previous_year)
    assert same_number(row["previous_value"], expected.previous_value)
    assert same_number(row["change"], expected.change)
    if expected.previous_year is not None:
        assert row["change_unit"] == expected.change_unit
    low, high = expected.interval_current or (None, None)
    previous_low, previous_high = expected.interval_previous or (None, None)
    assert same_number(row["interval_low"], low)
    assert same_number(row["interval_high"], high)
    assert same_number(row["previous_interval_low"], previous_low)
    assert same_number(row["previous_interval_high"], previous_high)
    assert same_number(row["p_value"], expected.p_value)


@settings(max_examples=200, deadline=None)
@given(panel=panels())
def test_frame_agrees_with_series_api(panel: Panel) -> None:
    """assess_frame's rows equal assess_series and year_on_year, series by series, every option."""
    obs, meta, samples = panel_frames(panel)
    opt = panel.options
    rows = by_key(assess_frame(obs, meta, year=panel.year, samples=samples, options=opt))
    specs = {spec.code: spec for spec in panel.specs}
    for (territory, code), values in panel.series.items():
        spec = specs[code]
        expected = assess_series(
            values,
            direction=spec.direction,
            target=spec.target,
            target_year=spec.target_year,
            year=panel.year,
            limit=spec.limit,
            target_range=spec.band,
            options=opt,
        )
        has_data = any(
            value is not None and (panel.year is None or year <= panel.year)
            for year, value in values.items()
        )
        if not has_data:
            assert (territory, code) not in rows
            assert expected.notes == (Note.NO_DATA,)
            continue
        row = rows[(territory, code)]
        assert_same_assessment(row, expected)
        trend = year_on_year(
            values,
            direction=spec.direction,
            unit=spec.unit,
            year=panel.year,
            sample_sizes=panel.samples[territory] if spec.survey else None,
            target_range=spec.band,
            alpha=opt.alpha,
        )
        assert_same_trend(row, trend)


def test_units_come_from_the_frame_and_may_not_mix() -> None:
    """Without a unit in the metadata the frame's unit is used; two units for one indicator are refused."""
    meta = pd.DataFrame({"indicator": ["A"], "direction": ["higher_is_better"]})
    frame = pd.DataFrame(
        {
            "territory": ["T", "T"],
            "indicator": ["A", "A"],
            "unit": ["percent", "percent"],
            "year": [2022, 2023],
            "value": [12.3, 5.2],
        }
    )
    assert assess_frame(frame, meta)["change_unit"].tolist() == ["percentage_point"]
    mixed = frame.assign(unit=["percent", "dimensionless"], value=[12.3, 0.052])
    with pytest.raises(AssessmentError, match="several units: percent, dimensionless"):
        assess_frame(mixed, meta)


def test_growth_thresholds_reach_every_series() -> None:
    """growth_thresholds reclassify growth without a target: A/I2's 1% a year is limited at 3%/1.5%."""
    options = ProgressOptions(growth_thresholds=Thresholds(0.03, 0.015))
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, options=options))
    # A/I2: P = -(19.8/20 - 1) = 0.01 < 0.015: limited; score -2.5 + 0.01 * 2.5/0.015 = -0.833333
    assert rows[("A", "I2")]["status"] == "limited_progress"
    assert rows[("A", "I2")]["score"] == pytest.approx(-0.833333, rel=1e-5)
    # the ratio to a target is untouched: A/I1 as in the hand-built panel
    assert rows[("A", "I1")]["score"] == pytest.approx(-0.748668, rel=1e-5)


def test_a_target_without_a_year_is_not_assessed() -> None:
    """No target_year (no column at all) means no required rate: no_target_year, never 2030."""
    meta = PANEL_META.drop(columns=["target_year"])
    rows = by_key(assess_frame(observations(PANEL_ROWS), meta))
    assert rows[("A", "I1")]["status"] == "not_assessable"
    assert rows[("A", "I1")]["notes"] == "no_target_year"
    assert missing(rows[("A", "I1")]["target_year"])
    assert rows[("B", "I1")]["status"] == "target_achieved"  # 35 >= 30 needs no year


def test_reporting_year_without_a_value_is_never_achieved() -> None:
    """year=2022: B/I1 (35 in 2021, NaN in 2022) passes its target of 30 but is not assessed."""
    rows = by_key(assess_frame(observations(PANEL_ROWS), PANEL_META, year=2022))
    row = rows[("B", "I1")]
    assert (row["status"], row["notes"]) == ("not_assessable", "no_value_in_year")
    assert (row["current_year"], row["current_value"]) == (2021, 35.0)
    assert missing(row["score"])
    assert missing(row["progress"])
    assert rows[("A", "I1")]["status"] == "limited_progress"  # it has a 2022 value


def test_options_and_keywords_are_one_list() -> None:
    """options= and keyword fields give the same frame; an unknown keyword is a TypeError."""
    by_object = assess_frame(
        observations(PANEL_ROWS), PANEL_META, options=ProgressOptions(window=1)
    )
    by_keyword = assess_frame(observations(PANEL_ROWS), PANEL_META, window=1)
    pd.testing.assert_frame_equal(by_object, by_keyword)
    with pytest.raises(TypeError, match="'windows'"):
        assess_frame(observations(PANEL_ROWS), PANEL_META, windows=1)
    with pytest.raises(TypeError, match="ProgressOptions"):
        assess_frame(observations(PANEL_ROWS), PANEL_META, options={"window": 1})  # type: ignore[arg-type]
