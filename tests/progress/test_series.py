"""Tests of citystrategy.progress.series.assess_series against domain/progress-method.md.

Every expected number is worked out by hand from the formulas of the method document; the
arithmetic is in the comment next to it. Notation as in the document: CAGR(v1, v0, t1, t0) =
(v1/v0)**(1/(t1 - t0)) - 1; with a target P = s*d*CAGR(yi, y0) / |CAGR(yT, y0)|; without one
P = s*d*CAGR(yi, y0). Scores with a target: 0.6 -> 0, 0.95 -> 2.5, 1.3 -> 5 (slope 2.5/0.35 =
5/0.7 above 0.6, 2.5/0.6 = 5/1.2 below it), capped at +-5. Scores without a target: P < 0 ->
max(125P - 2.5, -5); 0 <= P < 0.005 -> 500P - 2.5; 0.005 <= P < 0.015 -> 250P - 1.25;
P >= 0.015 -> min(500P - 5, 5).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citystrategy import progress
from citystrategy.errors import ArgumentError, AssessmentError
from citystrategy.model import Direction
from citystrategy.progress import (
    Assessment,
    Method,
    Note,
    Status,
    Thresholds,
    Trend,
    limit_factor,
    parse_period,
    status_from_score,
    year_on_year,
)

HIB = Direction.HIGHER_IS_BETTER
LIB = Direction.LOWER_IS_BETTER
RANGE = Direction.WITHIN_RANGE

SUBSTANTIAL = Status.SUBSTANTIAL_PROGRESS
MODERATE = Status.MODERATE_PROGRESS
LIMITED = Status.LIMITED_PROGRESS
DETERIORATION = Status.DETERIORATION
ACHIEVED = Status.TARGET_ACHIEVED
NOT_ASSESSABLE = Status.NOT_ASSESSABLE

#: Score bands of the method document: [2.5, 5] substantial, [0, 2.5) moderate, [-2.5, 0)
#: limited, [-5, -2.5) deterioration; target achieved scores 5.
BANDS: dict[Status, tuple[float, float]] = {
    ACHIEVED: (5.0, 5.0),
    SUBSTANTIAL: (2.5, 5.0),
    MODERATE: (0.0, 2.5),
    LIMITED: (-2.5, 0.0),
    DETERIORATION: (-5.0, -2.5),
}

Values = Mapping[int | str, float | None] | Iterable[tuple[int | str, float | None]]

#: The target year of the hand calculations below, unless a test gives another.
TARGET_YEAR = 2030


def assess_series(values: Any, **options: Any) -> Assessment:
    """assess_series with the target year of the hand calculations (2030) unless one is given."""
    options.setdefault("target_year", TARGET_YEAR)
    return progress.assess_series(values, **options)


def assert_in_band(result: Assessment) -> None:
    """The score of *result* lies in the band of its category (half-open as in the document)."""
    assert result.score is not None
    low, high = BANDS[result.status]
    if result.status in (ACHIEVED, SUBSTANTIAL):
        assert low <= result.score <= high
    else:
        assert low <= result.score < high


def one_step(latest: float, **options: object) -> Assessment:
    """Assess 1 (2020) -> *latest* (2021), higher is better, toward 4 in 2022.

    The required rate is |(4/1)**(1/2) - 1| = 1 exactly, and the achieved rate is latest/1 - 1,
    so P = latest - 1 (exact in binary for the values used below).
    """
    return assess_series(
        {2020: 1.0, 2021: latest},
        direction=HIB,
        target=4.0,
        target_year=2022,
        **options,
    )


# --- ratio method with a target: categories, boundaries and scores ---------------------------


@pytest.mark.parametrize(
    ("latest", "status", "progress", "score"),
    [
        (3.0, SUBSTANTIAL, 2.0, 5.0),  # P = 3 - 1 = 2; (2 - 0.6)*5/0.7 = 10 -> capped at 5
        (2.3, SUBSTANTIAL, 1.3, 5.0),  # P = 1.3; (1.3 - 0.6)*5/0.7 = 5
        (2.0, SUBSTANTIAL, 1.0, 2.857143),  # achieved = required: P = 1; 0.4*5/0.7 = 2.857143
        (1.95, SUBSTANTIAL, 0.95, 2.5),  # P = 1.95 - 1 = 0.95 exactly (the float 0.95); score 2.5
        (1.9499, MODERATE, 0.9499, 2.4992857),  # (0.9499 - 0.6)*5/0.7 = 2.4992857
        (1.6, MODERATE, 0.6, 0.0),  # P = 1.6 - 1 = 0.6000000000000001 >= 0.6; score 0
        (1.5999, LIMITED, 0.5999, -0.000416667),  # (0.5999 - 0.6)*5/1.2 = -0.000416667
        (1.3, LIMITED, 0.3, -1.25),  # (0.3 - 0.6)*5/1.2 = -1.25
        (1.0, LIMITED, 0.0, -2.5),  # latest == base: P = 0; (0 - 0.6)*5/1.2 = -2.5
        (0.9999, DETERIORATION, -0.0001, -2.5004167),  # (-0.0001 - 0.6)*5/1.2 = -2.5004167
        (0.7, DETERIORATION, -0.3, -3.75),  # (-0.3 - 0.6)*5/1.2 = -3.75
        (0.4, DETERIORATION, -0.6, -5.0),  # (-0.6 - 0.6)*5/1.2 = -5
        (0.1, DETERIORATION, -0.9, -5.0),  # (-0.9 - 0.6)*5/1.2 = -6.25 -> capped at -5
        (0.0, DETERIORATION, -1.0, -5.0),  # CAGR = 0/1 - 1 = -1 -> P = -1; -6.67 -> -5
    ],
    ids=[
        "P=2-capped",
        "P=1.3-score-5",
        "P=1-achieved-equals-required",
        "P=0.95-boundary",
        "P=0.9499-just-below",
        "P=0.60-boundary",
        "P=0.5999-just-below",
        "P=0.3",
        "P=0-unchanged",
        "P=-0.0001-just-below-0",
        "P=-0.3",
        "P=-0.6-score-minus-5",
        "P=-0.9-capped",
        "latest-zero",
    ],
)
def test_ratio_with_target_categories(
    latest: float, status: Status, progress: float, score: float
) -> None:
    """With a target the ratio P is cut at 0.95 / 0.60 / 0 and scored 0.6 -> 0, 0.95 -> 2.5."""
    result = one_step(latest)
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-9, abs=1e-12)
    assert result.score == pytest.approx(score, rel=1e-5, abs=1e-9)
    assert result.method is Method.RATIO
    assert (result.base_year, result.current_year) == (2020, 2021)
    assert result.notes == ()
    assert_in_band(result)


def test_kielce_like_lower_is_better_worked_example() -> None:
    """39.5 -> 36.3 toward 30 by 2030, lower is better: P = 2.3966, on track, score 5."""
    result = assess_series({2022: 39.5, 2023: 36.3}, direction=LIB, target=30.0, target_year=2030)
    # CAGR = (36.3/39.5)**(1/1) - 1 = -0.081013; required = |(30/39.5)**(1/8) - 1| = 0.033803
    # P = -1 * -0.081013 / 0.033803 = 2.396585; score (2.3966 - 0.6)*5/0.7 = 12.8 -> 5
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(2.396585, rel=1e-6)
    assert result.score == 5.0
    assert result.target == 30.0
    assert result.target_year == 2030
    assert (result.base_value, result.current_value) == (39.5, 36.3)


def test_required_rate_equal_to_achieved_gives_p_one() -> None:
    """A target set so that the required rate is the achieved one gives P = 1."""
    # 100 -> 110 in a year: CAGR = 0.1; target 100*1.1**10 = 259.37424601 in 2030:
    # required = (259.37424601/100)**(1/10) - 1 = 0.1; P = 0.1/0.1 = 1; score 0.4*5/0.7 = 2.857143
    result = assess_series({2020: 100.0, 2021: 110.0}, direction=HIB, target=259.37424601)
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(1.0, rel=1e-9)
    assert result.score == pytest.approx(2.857143, rel=1e-6)


def test_moderate_progress_over_two_years() -> None:
    """100 (2020) -> 106 (2022) toward 150 in 2030: acceleration needed."""
    result = assess_series({2020: 100.0, 2022: 106.0}, direction=HIB, target=150.0)
    # CAGR = 1.06**(1/2) - 1 = 0.029563; required = 1.5**(1/10) - 1 = 0.041380
    # P = 0.029563/0.041380 = 0.714432; score (0.714432 - 0.6)*5/0.7 = 0.817372
    assert result.status is MODERATE
    assert result.progress == pytest.approx(0.714432, rel=1e-6)
    assert result.score == pytest.approx(0.817372, rel=1e-5)


@pytest.mark.parametrize(
    ("latest", "status", "progress"),
    [
        (1.5, SUBSTANTIAL, 0.5),  # P = 0.5 = substantial edge, exact in binary
        (1.4999, MODERATE, 0.4999),
        (1.25, MODERATE, 0.25),  # P = 0.25 = moderate edge, exact in binary
        (1.2499, LIMITED, 0.2499),
        (1.0, LIMITED, 0.0),
        (0.9999, DETERIORATION, -0.0001),
    ],
    ids=["P=0.5-edge", "below-0.5", "P=0.25-edge", "below-0.25", "P=0", "below-0"],
)
def test_custom_thresholds_with_target(latest: float, status: Status, progress: float) -> None:
    """Thresholds are parameters: with Thresholds(0.5, 0.25) the edges move and stay inclusive."""
    result = one_step(latest, thresholds=Thresholds(0.5, 0.25))
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-9, abs=1e-12)
    assert_in_band(result)


# --- target achieved wins over everything -----------------------------------------------------


@pytest.mark.parametrize(
    ("values", "direction", "target", "options", "progress"),
    [
        # CAGR = 4/1 - 1 = 3; required = |4**(1/2) - 1| = 1 -> P = 3
        ({2020: 1.0, 2021: 4.0}, HIB, 4.0, {"target_year": 2022}, 3.0),
        # CAGR = 2.5**(1/2) - 1 = 0.581139; required = 2**(1/10) - 1 = 0.071773; P = 8.096848
        ({2020: 10.0, 2022: 25.0}, HIB, 20.0, {}, 8.096848),
        ({2023: 25.0}, HIB, 20.0, {}, None),  # one year only: P cannot be computed
        ({2023: 15.0}, LIB, 20.0, {}, None),
        # lower is better, 29 <= 30: CAGR = (29/39.5)**(1/3) - 1 = -0.097874;
        # required = |(30/39.5)**(1/10) - 1| = 0.027135; P = -1 * -0.097874/0.027135 = 3.606897
        ({2020: 39.5, 2023: 29.0}, LIB, 30.0, {}, 3.606897),
        # an upper bound already satisfied (PM2.5 17 -> 18 against 20) stays achieved:
        # CAGR = (18/17)**(1/3) - 1 = 0.019235; required = |(20/17)**(1/10) - 1| = 0.016385;
        # P = -0.019235/0.016385 = -1.173992 (worse, yet the target test wins)
        ({2020: 17.0, 2023: 18.0}, LIB, 20.0, {}, -1.173992),
        # base beyond the target and worse, but still beyond: 30 -> 25 >= 20
        # CAGR = 25/30 - 1 = -0.166667; required = |(20/30)**(1/10) - 1| = 0.039735;
        # P = -0.166667/0.039735 = -4.194402
        ({2020: 30.0, 2021: 25.0}, HIB, 20.0, {}, -4.194402),
        ({2020: 0.0, 2021: 5.0}, HIB, 5.0, {"zero": "not_assessable"}, None),  # zero base
        ({2020: -5.0, 2021: 5.0}, HIB, 1.0, {}, None),  # opposite signs
        ({2020: 10.0, 2021: 12.0}, HIB, 11.0, {"target_year": 2020}, None),  # target year early
        ({2020: 10.0, 2021: 12.0}, HIB, 11.0, {"method": "projection"}, None),
    ],
    ids=[
        "reached-exactly",
        "beyond-target",
        "single-year-met",
        "single-year-met-lower-is-better",
        "lower-is-better-met",
        "upper-bound-stays-satisfied",
        "wins-over-deterioration",
        "wins-over-zero-base-not-assessable",
        "wins-over-opposite-signs",
        "wins-over-target-year-before-base",
        "projection",
    ],
)
def test_target_achieved_wins(
    values: dict[int, float],
    direction: Direction,
    target: float,
    options: dict[str, object],
    progress: float | None,
) -> None:
    """A met target is target_achieved with score 5, whatever else applies."""
    result = assess_series(values, direction=direction, target=target, **options)
    assert result.status is ACHIEVED
    assert result.score == 5.0
    if progress is None:
        if "method" not in options:
            assert result.progress is None
    else:
        assert result.progress == pytest.approx(progress, rel=1e-5)


def test_target_achieved_with_one_year_reports_that_year() -> None:
    """One year that already meets the target: achieved, base and current year that year."""
    result = assess_series({2023: 25.0}, direction=HIB, target=20.0)
    assert result.status is ACHIEVED
    assert (result.base_year, result.current_year) == (2023, 2023)
    assert Note.TOO_FEW_YEARS not in result.notes


@pytest.mark.parametrize(
    ("values", "direction", "target", "progress"),
    [
        # 60 -> 45 against >= 50: CAGR = 45/60 - 1 = -0.25;
        # required = |(50/60)**(1/10) - 1| = 0.018067; P = -0.25/0.018067 = -13.837417
        ({2020: 60.0, 2021: 45.0}, HIB, 50.0, -13.837417),
        # 20 -> 26 against <= 25: CAGR = 26/20 - 1 = 0.3;
        # required = |(25/20)**(1/10) - 1| = 0.022565; P = -1 * 0.3/0.022565 = -13.294818
        ({2020: 20.0, 2021: 26.0}, LIB, 25.0, -13.294818),
    ],
    ids=["higher-is-better", "lower-is-better"],
)
def test_base_beyond_target_then_worse_is_deterioration(
    values: dict[int, float], direction: Direction, target: float, progress: float
) -> None:
    """A base already past the target that then falls short is deterioration (|required|)."""
    result = assess_series(values, direction=direction, target=target)
    assert result.status is DETERIORATION
    assert result.progress == pytest.approx(progress, rel=1e-6)
    assert result.score == -5.0  # (P - 0.6)*5/1.2 far below -5 -> capped


@pytest.mark.parametrize(
    ("latest", "status"),
    [(45.0, DETERIORATION), (50.0, ACHIEVED), (55.0, ACHIEVED)],
    ids=["worse", "unchanged", "better"],
)
def test_required_growth_zero_target_test_decides(latest: float, status: Status) -> None:
    """Target equal to the base: required rate 0, so the target test decides the category."""
    result = assess_series({2020: 50.0, 2021: latest}, direction=HIB, target=50.0)
    assert result.status is status
    if status is DETERIORATION:
        # CAGR = 45/50 - 1 = -0.1; required = |(50/50)**(1/10) - 1| = 0 -> P = -inf
        assert result.progress == -math.inf
        assert result.score == -5.0
        assert result.notes == (Note.REQUIRED_CHANGE_ZERO,)


@pytest.mark.parametrize("target_year", [2020, 2019], ids=["equal", "before"])
def test_target_year_not_after_base(target_year: int) -> None:
    """A target year at or before the base year cannot give a required rate."""
    result = assess_series(
        {2020: 10.0, 2021: 11.0}, direction=HIB, target=20.0, target_year=target_year
    )
    assert result.status is NOT_ASSESSABLE
    assert result.progress is None
    assert result.score is None
    assert result.notes == (Note.TARGET_YEAR_NOT_AFTER_BASE,)


# --- ratio method without a target -------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "status", "progress", "score"),
    [
        (110.0, SUBSTANTIAL, 0.1, 5.0),  # 110/100 - 1 = 0.1; 500*0.1 - 5 = 45 -> capped at 5
        (101.8, SUBSTANTIAL, 0.018, 4.0),  # 500*0.018 - 5 = 4
        (101.5001, SUBSTANTIAL, 0.015001, 2.5005),  # just above 1.5%: 500*0.015001 - 5
        (101.4999, MODERATE, 0.014999, 2.49975),  # just below 1.5%: 250*0.014999 - 1.25
        (101.0, MODERATE, 0.01, 1.25),  # 250*0.01 - 1.25 = 1.25
        (100.5001, MODERATE, 0.005001, 0.00025),  # just above 0.5%: 250*0.005001 - 1.25
        (100.4999, LIMITED, 0.004999, -0.0005),  # just below 0.5%: 500*0.004999 - 2.5
        (100.2, LIMITED, 0.002, -1.5),  # 500*0.002 - 2.5 = -1.5
        (100.0, LIMITED, 0.0, -2.5),  # latest == base: P = 0 -> 500*0 - 2.5
        (99.9999, DETERIORATION, -0.000001, -2.500125),  # 125*(-1e-6) - 2.5
        (99.6, DETERIORATION, -0.004, -3.0),  # 125*(-0.004) - 2.5 = -3
        (99.0, DETERIORATION, -0.01, -3.75),  # 125*(-0.01) - 2.5 = -3.75
        (90.0, DETERIORATION, -0.1, -5.0),  # 125*(-0.1) - 2.5 = -15 -> max(..., -5)
    ],
    ids=[
        "10%-capped",
        "1.8%",
        "just-above-1.5%",
        "just-below-1.5%",
        "1%",
        "just-above-0.5%",
        "just-below-0.5%",
        "0.2%",
        "unchanged",
        "just-below-0",
        "-0.4%",
        "-1%",
        "-10%-capped",
    ],
)
def test_growth_without_target(
    latest: float, status: Status, progress: float, score: float
) -> None:
    """Without a target P is the annual growth rate, cut at 1.5% and 0.5% a year."""
    result = assess_series({2020: 100.0, 2021: latest}, direction=HIB)
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-6, abs=1e-12)
    assert result.score == pytest.approx(score, rel=1e-6, abs=1e-9)
    assert result.target is None
    assert result.target_year is None
    assert_in_band(result)


@pytest.mark.parametrize(
    ("latest", "status", "progress", "score"),
    [
        (98.0, SUBSTANTIAL, 0.02, 5.0),  # -1 * (98/100 - 1) = 0.02; 500*0.02 - 5 = 5
        (99.2, MODERATE, 0.008, 0.75),  # -1 * (99.2/100 - 1) = 0.008; 250*0.008 - 1.25
        (101.0, DETERIORATION, -0.01, -3.75),  # -1 * 0.01; 125*(-0.01) - 2.5
    ],
    ids=["falls-2%", "falls-0.8%", "rises-1%"],
)
def test_growth_lower_is_better_flips_sign(
    latest: float, status: Status, progress: float, score: float
) -> None:
    """Lower is better (d = -1) turns a fall into progress and a rise into deterioration."""
    result = assess_series({2020: 100.0, 2021: latest}, direction=LIB)
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-6)
    assert result.score == pytest.approx(score, rel=1e-6)


def test_growth_over_several_years_is_annualised() -> None:
    """100 (2015) -> 110 (2020): CAGR 1.92% a year, on track."""
    result = assess_series({2015: 100.0, 2020: 110.0}, direction=HIB)
    # CAGR = 1.1**(1/5) - 1 = 0.019245; score 500*0.019245 - 5 = 4.622438
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(0.019245, rel=1e-4)
    assert result.score == pytest.approx(4.622438, rel=1e-6)


@pytest.mark.parametrize(
    ("latest", "status"),
    [(1.5, SUBSTANTIAL), (1.25, MODERATE), (1.2499, LIMITED), (0.9999, DETERIORATION)],
    ids=["P=0.5-edge", "P=0.25-edge", "below-0.25", "below-0"],
)
def test_custom_growth_thresholds(latest: float, status: Status) -> None:
    """Growth thresholds are parameters; exact binary edges are inclusive."""
    result = assess_series(
        {2020: 1.0, 2021: latest}, direction=HIB, growth_thresholds=Thresholds(0.5, 0.25)
    )
    assert result.status is status  # P = latest/1 - 1
    assert_in_band(result)


def test_target_thresholds_leave_growth_alone() -> None:
    """thresholds= tunes the ratio to a target only; growth without a target keeps 1.5%/0.5%."""
    # 3% growth a year, no target: substantial with the default growth edges
    result = assess_series(
        {2022: 100.0, 2023: 103.0}, direction=HIB, thresholds=Thresholds(0.9, 0.5)
    )
    assert result.status is SUBSTANTIAL


# --- scores ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "status"),
    [
        (5.0, SUBSTANTIAL),
        (2.5, SUBSTANTIAL),
        (2.4999, MODERATE),
        (0.0, MODERATE),
        (-0.0001, LIMITED),
        (-2.5, LIMITED),
        (-2.5001, DETERIORATION),
        (-5.0, DETERIORATION),
    ],
    ids=["5", "2.5", "below-2.5", "0", "below-0", "-2.5", "below-minus-2.5", "-5"],
)
def test_status_from_score_bands(score: float, status: Status) -> None:
    """A goal score maps to [2.5, 5] / [0, 2.5) / [-2.5, 0) / [-5, -2.5)."""
    assert status_from_score(score) is status


finite_values = st.one_of(
    st.integers(-200, 400).map(float),
    st.integers(-2000, 4000).map(lambda k: k / 10),
    st.sampled_from([0.0, 1.0, 100.0]),
)


@settings(max_examples=300, deadline=None)
@given(
    values=st.dictionaries(st.integers(2010, 2024), finite_values, max_size=6),
    direction=st.sampled_from([HIB, LIB, RANGE]),
    target=st.one_of(st.none(), finite_values),
    limit=st.one_of(st.none(), st.sampled_from([1.0, 50.0, 100.0, 250.0])),
    method=st.sampled_from(list(Method)),
)
def test_score_always_in_its_category_band(
    values: dict[int, float],
    direction: Direction,
    target: float | None,
    limit: float | None,
    method: Method,
) -> None:
    """Score and category never disagree: status_from_score(score) is the status."""
    result = assess_series(
        values,
        direction=direction,
        target=target,
        limit=limit,
        method=method,
        target_range=(40.0, 60.0),
    )
    if result.status is NOT_ASSESSABLE:
        assert result.score is None
        return
    assert_in_band(result)
    if result.status is not ACHIEVED:
        assert result.score is not None
        assert status_from_score(result.score) is result.status


# --- natural limits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "limit", "factor"),
    [
        (200.0, 100.0, 1.0),  # b >= 2L -> 1
        (250.0, 100.0, 1.0),
        (100.0, 100.0, 0.0),  # b = L: 1 - 1**4.44 = 0
        (50.0, 100.0, 0.953929),  # 1 - 0.5**4.44 = 1 - exp(4.44 ln 0.5) = 1 - 0.046071
        (150.0, 100.0, 0.953929),  # 1 - ((200 - 150)/100)**4.44 = 1 - 0.5**4.44
        (90.0, 100.0, 0.373622),  # 1 - 0.9**4.44 = 1 - exp(4.44 ln 0.9) = 1 - 0.626378
        (110.0, 100.0, 0.373622),  # 1 - ((200 - 110)/100)**4.44 = 1 - 0.9**4.44
        (190.0, 100.0, 0.999964),  # 1 - 0.1**4.44 = 1 - 3.6308e-5
        (0.0, 100.0, 1.0),  # 1 - 0**4.44
        (-50.0, 100.0, 0.953929),  # b = |y0| = 50
        (0.5, 1.0, 0.953929),  # a share of 0.5 against 1: same as 50 against 100
    ],
    ids=[
        "b=2L",
        "b>2L",
        "b=L",
        "b=L/2",
        "b=1.5L",
        "b=0.9L",
        "b=1.1L",
        "b=1.9L",
        "b=0",
        "negative-base",
        "fraction",
    ],
)
def test_limit_factor(base: float, limit: float, factor: float) -> None:
    """C = 1 for b >= 2L, 1 - (b/L)^4.44 for b <= L, 1 - ((2L - b)/L)^4.44 between."""
    assert limit_factor(base, limit) == pytest.approx(factor, rel=1e-5, abs=1e-12)


@pytest.mark.parametrize("limit", [0.0, -1.0], ids=["zero", "negative"])
def test_limit_factor_rejects_non_positive_limit(limit: float) -> None:
    """A natural limit must be positive."""
    with pytest.raises(AssessmentError, match="limit"):
        limit_factor(50.0, limit)


@pytest.mark.parametrize(
    ("base", "latest", "with_limit", "without_limit"),
    [
        # C(90, 100) = 0.373622: thresholds 0.015*C = 0.005604 and 0.005*C = 0.001868
        (90.0, 91.0, SUBSTANTIAL, MODERATE),  # P = 91/90 - 1 = 0.011111 >= 0.005604
        (90.0, 90.3, MODERATE, LIMITED),  # P = 0.003333 in [0.001868, 0.005604)
        (90.0, 90.1, LIMITED, LIMITED),  # P = 0.001111 < 0.001868
        (90.0, 89.0, DETERIORATION, DETERIORATION),  # P = -0.011111
        (100.0, 100.0, SUBSTANTIAL, LIMITED),  # C = 0 and P = 0 >= 0: on track
        (100.0, 99.0, DETERIORATION, DETERIORATION),  # C = 0 and P = -0.01 < 0
        (250.0, 252.5, MODERATE, MODERATE),  # C = 1 (b >= 2L): P = 0.01, unscaled
    ],
    ids=[
        "scaled-to-substantial",
        "scaled-to-moderate",
        "still-limited",
        "deterioration",
        "at-limit-holding-on-track",
        "at-limit-slipping",
        "far-from-limit",
    ],
)
def test_natural_limit_scales_thresholds(
    base: float, latest: float, with_limit: Status, without_limit: Status
) -> None:
    """Near a natural limit the growth thresholds are multiplied by C."""
    limited = assess_series({2020: base, 2021: latest}, direction=HIB, limit=100.0)
    plain = assess_series({2020: base, 2021: latest}, direction=HIB)
    assert limited.status is with_limit
    assert plain.status is without_limit
    assert limited.progress == plain.progress
    assert limited.notes == (Note.LIMIT_APPLIED,)
    assert_in_band(limited)


def test_natural_limit_slipping_scores_on_unscaled_scale() -> None:
    """At the limit (C = 0) a fall scores 125P - 2.5: 100 -> 99 gives -3.75."""
    result = assess_series({2020: 100.0, 2021: 99.0}, direction=HIB, limit=100.0)
    assert result.score == pytest.approx(-3.75)  # 125*(-0.01) - 2.5


def test_natural_limit_ignored_with_a_target() -> None:
    """Natural limits apply without a target only; with one the ratio decides."""
    result = assess_series({2020: 90.0, 2021: 91.0}, direction=HIB, target=100.0, limit=100.0)
    # CAGR = 91/90 - 1 = 0.011111; required = (100/90)**(1/10) - 1 = 0.010592; P = 1.049034
    # score (1.049034 - 0.6)*5/0.7 = 3.207388
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(1.049034, rel=1e-6)
    assert result.score == pytest.approx(3.207388, rel=1e-6)
    assert Note.LIMIT_APPLIED not in result.notes


# --- ranges --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "band", "status", "progress"),
    [
        # 52 inside 45..55: distance 50 + max(0, |52 - 50| - 5) = 50 = target
        ({2020: 70.0, 2021: 52.0}, (45.0, 55.0), ACHIEVED, None),
        ({2020: 70.0, 2021: 45.0}, (45.0, 55.0), ACHIEVED, None),  # on the band's edge
        # 70 -> 50 + (20 - 5) = 65; 60 -> 55; CAGR = (55/65)**(1/2) - 1 = -0.080134;
        # required = |(50/65)**(1/10) - 1| = 0.025895; P = -1 * -0.080134/0.025895 = 3.094537
        ({2020: 70.0, 2022: 60.0}, (45.0, 55.0), SUBSTANTIAL, 3.094537),
        # 30 -> 50 + (20 - 5) = 65; 40 -> 55: the same distances from below
        ({2020: 30.0, 2022: 40.0}, (45.0, 55.0), SUBSTANTIAL, 3.094537),
        ({2020: 70.0, 2022: 60.0}, (55.0, 45.0), SUBSTANTIAL, 3.094537),  # band given reversed
        # 70 -> 65, 69 -> 64: CAGR = 64/65 - 1 = -0.015385; P = 0.015385/0.025895 = 0.594110
        ({2020: 70.0, 2021: 69.0}, (45.0, 55.0), LIMITED, 0.594110),
        # 60 -> 55, 65 -> 60: CAGR = 60/55 - 1 = 0.090909;
        # required = |(50/55)**(1/10) - 1| = 0.009486; P = -0.090909/0.009486 = -9.583762
        ({2020: 60.0, 2021: 65.0}, (45.0, 55.0), DETERIORATION, -9.583762),
        # a centre without a band: 50 + |y - 50|: 70 -> 70, 60 -> 60
        # CAGR = (60/70)**(1/2) - 1 = -0.074180; required = |(50/70)**(1/10) - 1| = 0.033087
        # P = 0.074180/0.033087 = 2.241935
        ({2020: 70.0, 2022: 60.0}, (50.0, 50.0), SUBSTANTIAL, 2.241935),
        # parity band 0.97..1.03 (centre 1, half 0.03): 1.10 -> 1.07, 1.05 -> 1.02
        # CAGR = 1.02/1.07 - 1 = -0.046729; required = |(1/1.07)**(1/10) - 1| = 0.006743
        # P = 0.046729/0.006743 = 6.929969
        ({2020: 1.10, 2021: 1.05}, (0.97, 1.03), SUBSTANTIAL, 6.929969),
    ],
    ids=[
        "inside-band",
        "on-band-edge",
        "toward-from-above",
        "toward-from-below",
        "reversed-band",
        "toward-slowly",
        "away",
        "centre-only",
        "parity-band",
    ],
)
def test_within_range_distance_transformation(
    values: dict[int, float],
    band: tuple[float, float],
    status: Status,
    progress: float | None,
) -> None:
    """A band becomes c + max(0, |y - c| - half), assessed lower is better toward c."""
    result = assess_series(values, direction=RANGE, target_range=band)
    assert result.status is status
    if progress is not None:
        assert result.progress == pytest.approx(progress, rel=1e-5)
    assert result.target == pytest.approx(sum(band) / 2)
    first = min(values)
    assert result.base_value == values[first]  # reported as given, not as a distance
    assert_in_band(result)


def test_within_range_score_worked_example() -> None:
    """70 -> 69 against 45..55: P = 0.594110, score (P - 0.6)*5/1.2 = -0.024543."""
    result = assess_series({2020: 70.0, 2021: 69.0}, direction=RANGE, target_range=(45.0, 55.0))
    assert result.score == pytest.approx(-0.024543, rel=1e-4)


def test_within_range_needs_target_range() -> None:
    """within_range without target_range is an error."""
    with pytest.raises(AssessmentError, match="target_range"):
        assess_series({2020: 1.0, 2021: 2.0}, direction=RANGE)


# --- windows -------------------------------------------------------------------------------------

WINDOW_SERIES = {2015: 100.0, 2018: 110.0, 2020: 120.0, 2023: 130.0}


@pytest.mark.parametrize(
    ("options", "base", "current", "progress", "notes"),
    [
        # base 2015: (130/100)**(1/8) - 1 = 0.033339
        ({}, 2015, 2023, 0.033339, ()),
        # (130/110)**(1/5) - 1 = 0.033975
        ({"base_year": 2018}, 2018, 2023, 0.033975, ()),
        ({"base_year": 2016}, 2018, 2023, 0.033975, (Note.BASE_YEAR_MOVED,)),
        ({"base_year": 2010}, 2015, 2023, 0.033339, (Note.BASE_YEAR_MOVED,)),
        # rolling 5 years: 2023 - 5 = 2018, present
        ({"window": 5}, 2018, 2023, 0.033975, ()),
        # rolling 4 years: 2019 missing -> 2020; (130/120)**(1/3) - 1 = 0.027040
        ({"window": 4}, 2020, 2023, 0.027040, (Note.BASE_YEAR_MOVED,)),
        # rolling 15 years: 2008 missing -> 2015
        ({"window": 15}, 2015, 2023, 0.033339, (Note.BASE_YEAR_MOVED,)),
        # window overrides base_year
        ({"window": 5, "base_year": 2015}, 2018, 2023, 0.033975, ()),
        # year = 2020: (120/100)**(1/5) - 1 = 0.037137
        ({"year": 2020}, 2015, 2020, 0.037137, ()),
        # year = 2020, window 2: base 2018; (120/110)**(1/2) - 1 = 0.044466
        ({"year": 2020, "window": 2}, 2018, 2020, 0.044466, ()),
    ],
    ids=[
        "default-first-year",
        "fixed-base",
        "base-missing-moved",
        "base-before-data-moved",
        "window-5",
        "window-4-moved",
        "window-15-moved",
        "window-overrides-base",
        "year-limits-latest",
        "year-and-window",
    ],
)
def test_windows(
    options: dict[str, int],
    base: int,
    current: int,
    progress: float,
    notes: tuple[Note, ...],
) -> None:
    """Fixed base year, missing base year (first later year), rolling window, latest year."""
    result = assess_series(WINDOW_SERIES, direction=HIB, **options)
    assert (result.base_year, result.current_year) == (base, current)
    assert result.progress == pytest.approx(progress, rel=1e-4)
    assert result.notes == notes
    assert result.status is SUBSTANTIAL  # all rates above 1.5% a year
    assert result.base_value == WINDOW_SERIES[base]


def test_window_with_one_year_left_is_too_few() -> None:
    """A base year equal to the latest year leaves one year: not assessable."""
    result = assess_series(WINDOW_SERIES, direction=HIB, year=2018, base_year=2018)
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.TOO_FEW_YEARS,)
    assert (result.base_year, result.current_year) == (2018, 2018)


def test_base_year_after_all_data_is_no_data() -> None:
    """A base year after the last value leaves nothing to assess."""
    result = assess_series(WINDOW_SERIES, direction=HIB, base_year=2024)
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.NO_DATA,)


# --- zero base or target ---------------------------------------------------------------------


def test_zero_base_substituted_with_target() -> None:
    """A zero base becomes 0.001 (Open SDG) and a note says so."""
    result = assess_series({2020: 0.0, 2022: 5.0}, direction=HIB, target=10.0)
    # CAGR = (5/0.001)**(1/2) - 1 = 70.710678 - 1 = 69.710678
    # required = (10/0.001)**(1/10) - 1 = 10000**0.1 - 1 = 1.511886; P = 46.108409
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(46.108409, rel=1e-6)
    assert result.score == 5.0
    assert result.notes == (Note.ZERO_BASE,)
    assert result.base_value == 0.0  # reported as given


def test_zero_target_substituted() -> None:
    """A zero target becomes 0.001: 10 -> 5 toward 0 by 2030, lower is better."""
    result = assess_series({2020: 10.0, 2022: 5.0}, direction=LIB, target=0.0)
    # CAGR = (5/10)**(1/2) - 1 = -0.292893; required = |(0.001/10)**(1/10) - 1| = 0.601893
    # P = -1 * -0.292893/0.601893 = 0.486620 -> limited; score (0.48662 - 0.6)*5/1.2 = -0.472416
    assert result.status is LIMITED
    assert result.progress == pytest.approx(0.486620, rel=1e-6)
    assert result.score == pytest.approx(-0.472416, rel=1e-5)
    assert result.notes == (Note.ZERO_TARGET,)


def test_zero_base_without_target() -> None:
    """0 -> 1 in a year without a target: P = 1/0.001 - 1 = 999."""
    result = assess_series({2020: 0.0, 2021: 1.0}, direction=HIB)
    assert result.status is SUBSTANTIAL
    assert result.progress == pytest.approx(999.0)
    assert result.score == 5.0
    assert result.notes == (Note.ZERO_BASE,)


@pytest.mark.parametrize(
    ("values", "target", "note"),
    [
        ({2020: 0.0, 2021: 1.0}, None, Note.ZERO_BASE),
        ({2020: 0.0, 2021: 1.0}, 10.0, Note.ZERO_BASE),
        ({2020: 10.0, 2021: 8.0}, 0.0, Note.ZERO_TARGET),
    ],
    ids=["zero-base", "zero-base-with-target", "zero-target"],
)
def test_zero_not_assessable_option(
    values: dict[int, float], target: float | None, note: Note
) -> None:
    """zero='not_assessable' leaves a zero base or target unassessed, with the note."""
    direction = LIB if target == 0.0 else HIB
    result = assess_series(values, direction=direction, target=target, zero="not_assessable")
    assert result.status is NOT_ASSESSABLE
    assert result.progress is None
    assert result.score is None
    assert result.notes == (note,)


def test_zero_option_is_checked() -> None:
    """An unknown 'zero' option is an ArgumentError naming the option."""
    with pytest.raises(ArgumentError, match="zero"):
        assess_series({2020: 1.0, 2021: 2.0}, direction=HIB, zero="ignore")


@pytest.mark.parametrize(
    ("direction", "status", "progress"),
    [(HIB, DETERIORATION, -1.0), (LIB, SUBSTANTIAL, 1.0)],
    ids=["higher-is-better", "lower-is-better"],
)
def test_latest_zero_is_a_full_fall(direction: Direction, status: Status, progress: float) -> None:
    """10 -> 0: CAGR = 0/10 - 1 = -1, so P = d * -1."""
    result = assess_series({2020: 10.0, 2021: 0.0}, direction=direction)
    assert result.status is status
    assert result.progress == pytest.approx(progress)


# --- signs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [{2020: -5.0, 2021: 5.0}, {2020: 5.0, 2021: -5.0}, {2020: -5.0, 2021: 2.0, 2022: 3.0}],
    ids=["negative-to-positive", "positive-to-negative", "several-years"],
)
def test_opposite_signs_not_assessable(values: dict[int, float]) -> None:
    """Base and latest of opposite sign: CAGR undefined, not assessable."""
    result = assess_series(values, direction=HIB)
    assert result.status is NOT_ASSESSABLE
    assert result.progress is None
    assert result.notes == (Note.OPPOSITE_SIGNS,)


def test_target_of_opposite_sign_not_assessable() -> None:
    """A target on the other side of zero from the base gives no required rate."""
    result = assess_series({2020: -10.0, 2021: -8.0}, direction=HIB, target=5.0)
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.TARGET_OPPOSITE_SIGN,)


@pytest.mark.parametrize(
    ("values", "direction", "target", "status", "progress", "score"),
    [
        # -10 -> -8 (higher is better): CAGR = (-8/-10)**(1/2) - 1 = 0.8**0.5 - 1 = -0.105573
        # s = -1: P = -1 * 1 * -0.105573 = 0.105573; 500*0.105573 - 5 = 47.8 -> 5
        ({2020: -10.0, 2022: -8.0}, HIB, None, SUBSTANTIAL, 0.105573, 5.0),
        # -10 -> -9.9: CAGR = 0.99 - 1 = -0.01; P = 0.01; 250*0.01 - 1.25 = 1.25
        ({2020: -10.0, 2021: -9.9}, HIB, None, MODERATE, 0.01, 1.25),
        # lower is better: P = -1 * -1 * -0.105573 = -0.105573 -> max(125P - 2.5, -5) = -5
        ({2020: -10.0, 2022: -8.0}, LIB, None, DETERIORATION, -0.105573, -5.0),
        # toward -5 by 2030: required = |(-5/-10)**(1/10) - 1| = |0.933033 - 1| = 0.066967
        # P = 0.105573/0.066967 = 1.576490; (1.57649 - 0.6)*5/0.7 = 6.97 -> 5
        ({2020: -10.0, 2022: -8.0}, HIB, -5.0, SUBSTANTIAL, 1.576490, 5.0),
    ],
    ids=["growth", "growth-moderate", "lower-is-better", "with-target"],
)
def test_all_negative_values_flip_sign(
    values: dict[int, float],
    direction: Direction,
    target: float | None,
    status: Status,
    progress: float,
    score: float,
) -> None:
    """All values negative: s = -1 flips the growth rate's sign (note negative_values)."""
    result = assess_series(values, direction=direction, target=target)
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-5)
    assert result.score == pytest.approx(score, rel=1e-6)
    assert result.notes == (Note.NEGATIVE_VALUES,)


# --- few years, no data, duplicates, periods -----------------------------------------------------


@pytest.mark.parametrize(
    ("values", "target", "note", "years"),
    [
        ({2023: 5.0}, None, Note.TOO_FEW_YEARS, (2023, 2023)),
        ({2023: 5.0}, 10.0, Note.TOO_FEW_YEARS, (2023, 2023)),
        ({2022: None, 2023: 5.0}, None, Note.TOO_FEW_YEARS, (2023, 2023)),
        ({}, None, Note.NO_DATA, (None, None)),
        ({}, 10.0, Note.NO_DATA, (None, None)),
        ({2020: None, 2021: math.nan}, None, Note.NO_DATA, (None, None)),
    ],
    ids=[
        "one-year",
        "one-year-target-not-met",
        "one-value-one-none",
        "empty",
        "empty-target",
        "all-missing",
    ],
)
def test_too_few_years_and_no_data(
    values: dict[int, float | None],
    target: float | None,
    note: Note,
    years: tuple[int | None, int | None],
) -> None:
    """Fewer than two years is not assessable (too_few_years); no value at all is no_data."""
    result = assess_series(values, direction=HIB, target=target)
    assert result.status is NOT_ASSESSABLE
    assert result.progress is None
    assert result.score is None
    assert result.notes == (note,)
    assert (result.base_year, result.current_year) == years


@pytest.mark.parametrize(
    "missing",
    [math.nan, np.float64("nan"), np.float32("nan")],
    ids=["float", "float64", "float32"],
)
def test_nan_of_any_float_type_is_no_value(missing: Any) -> None:
    """NaN is no value whatever its float type: the base moves to the next year."""
    values: dict[int | str, Any] = {2020: missing, 2021: 100.0, 2022: 101.0}
    result = assess_series(values, direction=HIB)
    # base 2021: P = 101/100 - 1 = 0.01 -> moderate progress
    assert (result.base_year, result.current_year) == (2021, 2022)
    assert result.progress == pytest.approx(0.01)
    assert result.status is MODERATE
    assert result.notes == ()


def test_year_before_all_data_is_no_data() -> None:
    """year= before the first value leaves no data."""
    result = assess_series({2020: 1.0, 2021: 2.0}, direction=HIB, year=2019)
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.NO_DATA,)


@pytest.mark.parametrize(
    "values",
    [
        [(2020, 1.0), (2020, 2.0)],
        [("2015-16", 1.0), (2015, 2.0)],
        [("2015", 1.0), (2015, 2.0), (2016, 3.0)],
    ],
    ids=["same-year", "period-and-year", "string-and-int"],
)
def test_duplicate_years_are_an_error(values: list[tuple[int | str, float]]) -> None:
    """The same year twice (given as pairs) is an error naming the year."""
    with pytest.raises(AssessmentError, match=r"20(20|15)"):
        assess_series(values, direction=HIB)


def test_periods_use_their_first_year() -> None:
    """Periods "2015-16" and "2016-17" are the years 2015 and 2016."""
    result = assess_series({"2015-16": 100.0, "2016-17": 110.0}, direction=HIB)
    assert (result.base_year, result.current_year) == (2015, 2016)
    assert result.progress == pytest.approx(0.1)  # 110/100 - 1
    assert result.status is SUBSTANTIAL


def test_pairs_are_accepted_like_a_mapping() -> None:
    """Year-value pairs give the same assessment as a mapping."""
    pairs: list[tuple[int | str, float | None]] = [(2020, 100.0), (2021, 101.0)]
    assert assess_series(pairs, direction=HIB) == assess_series(dict(pairs), direction=HIB)


@pytest.mark.parametrize(
    ("period", "year"),
    [
        (2015, 2015),
        ("2015", 2015),
        ("2015-16", 2015),
        ("2015–16", 2015),
        ("2015/16", 2015),
        ("2015-2016", 2015),
        (" 2015 ", 2015),
    ],
    ids=["int", "str", "hyphen", "en-dash", "slash", "long-period", "spaces"],
)
def test_parse_period(period: int | str, year: int) -> None:
    """A period is read as its first year."""
    assert parse_period(period) == year


@pytest.mark.parametrize("period", ["15-16", "abcd", "20151", "2015 16", "", "year 2015"], ids=str)
def test_parse_period_rejects_unreadable(period: str) -> None:
    """A period that does not start with a four-digit year is an error."""
    with pytest.raises(AssessmentError, match="period"):
        parse_period(period)


@pytest.mark.parametrize(
    ("substantial", "moderate"),
    [(0.5, 0.6), (0.5, 0.5), (0.5, 0.0), (0.5, -0.1), (-0.1, -0.2)],
    ids=["moderate-above", "equal", "moderate-zero", "moderate-negative", "both-negative"],
)
def test_invalid_thresholds(substantial: float, moderate: float) -> None:
    """Thresholds must satisfy 0 < moderate < substantial."""
    with pytest.raises(AssessmentError, match="thresholds"):
        Thresholds(substantial, moderate)


# --- projection method ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "direction", "target", "weighted", "status", "progress"),
    [
        # t = 2020..2022, y = 10, 12, 15: mean t 2021, mean y 37/3 = 12.3333;
        # Stt = 1 + 0 + 1 = 2; Sty = (-1)(10 - 12.3333) + 0 + (1)(15 - 12.3333) = 5;
        # slope 2.5; y(2030) = 12.3333 + 2.5*9 = 34.8333; (34.8333 - 10)/(30 - 10) = 1.241667
        ({2020: 10.0, 2021: 12.0, 2022: 15.0}, HIB, 30.0, False, SUBSTANTIAL, 1.241667),
        # two points 10 (2020), 14 (2022): slope 2, mean 12 at 2021: y(2030) = 12 + 2*9 = 30
        # (30 - 10)/(30 - 10) = 1
        ({2020: 10.0, 2022: 14.0}, HIB, 30.0, False, SUBSTANTIAL, 1.0),
        # y = 10, 11, 11, 12: mean t 2021.5, mean y 11; Stt = 2.25 + 0.25 + 0.25 + 2.25 = 5;
        # Sty = (-1.5)(-1) + 0 + 0 + (1.5)(1) = 3; slope 0.6; y(2030) = 11 + 0.6*8.5 = 16.1;
        # (16.1 - 10)/(50 - 10) = 0.1525 -> acceleration needed
        ({2020: 10.0, 2021: 11.0, 2022: 11.0, 2023: 12.0}, HIB, 50.0, False, MODERATE, 0.1525),
        # y = 10, 10, 10.1: mean y 10.0333; Sty = (-1)(-0.0333) + (1)(0.0667) = 0.1; slope 0.05
        # y(2030) = 10.0333 + 0.05*9 = 10.4833; (10.4833 - 10)/(20 - 10) = 0.048333 < 0.10
        ({2020: 10.0, 2021: 10.0, 2022: 10.1}, HIB, 20.0, False, LIMITED, 0.048333),
        # y = 10, 9, 10, 9: mean y 9.5; Sty = (-1.5)(0.5) + (-0.5)(-0.5) + (0.5)(0.5) + (1.5)(-0.5)
        # = -1; slope -0.2; y(2030) = 9.5 - 0.2*8.5 = 7.8; (7.8 - 10)/(20 - 10) = -0.22
        ({2020: 10.0, 2021: 9.0, 2022: 10.0, 2023: 9.0}, HIB, 20.0, False, DETERIORATION, -0.22),
        # lower is better 40, 38, 35: mean y 37.6667; Sty = (-1)(2.3333) + (1)(-2.6667) = -5;
        # slope -2.5; y(2030) = 37.6667 - 22.5 = 15.1667; (15.1667 - 40)/(20 - 40) = 1.241667
        ({2020: 40.0, 2021: 38.0, 2022: 35.0}, LIB, 20.0, False, SUBSTANTIAL, 1.241667),
        # weighted, weights 1 + (t - 2020) = 1, 2, 3 (sum 6): mean t = (2020 + 2*2021 + 3*2022)/6
        # = 2021.3333; mean y = (10 + 24 + 45)/6 = 13.1667;
        # Stt = 1(-1.3333)^2 + 2(-0.3333)^2 + 3(0.6667)^2 = 1.7778 + 0.2222 + 1.3333 = 3.3333
        # Sty = 1(-1.3333)(-3.1667) + 2(-0.3333)(-1.1667) + 3(0.6667)(1.8333)
        #     = 4.2222 + 0.7778 + 3.6667 = 8.6667; slope 2.6
        # y(2030) = 13.1667 + 2.6*(2030 - 2021.3333) = 13.1667 + 22.5333 = 35.7
        # (35.7 - 10)/(30 - 10) = 1.285
        ({2020: 10.0, 2021: 12.0, 2022: 15.0}, HIB, 30.0, True, SUBSTANTIAL, 1.285),
    ],
    ids=[
        "on-track",
        "two-points-exact",
        "acceleration-needed",
        "stagnation",
        "regression",
        "lower-is-better",
        "weighted",
    ],
)
def test_projection_method(
    values: dict[int, float],
    direction: Direction,
    target: float,
    weighted: bool,
    status: Status,
    progress: float,
) -> None:
    """Least squares to the target year; projected/required change cut at 0.95 and 0.10."""
    result = assess_series(
        values, direction=direction, target=target, method="projection", weighted=weighted
    )
    assert result.method is Method.PROJECTION
    assert result.status is status
    assert result.progress == pytest.approx(progress, rel=1e-5)
    assert_in_band(result)


def test_projection_weighting_changes_the_fit() -> None:
    """Weighting recent years moves the projection (1.285 weighted vs 1.241667 plain)."""
    values = {2020: 10.0, 2021: 12.0, 2022: 15.0}
    plain = assess_series(values, direction=HIB, target=30.0, method="projection")
    weighted = assess_series(values, direction=HIB, target=30.0, method="projection", weighted=True)
    assert plain.progress is not None
    assert weighted.progress is not None
    assert weighted.progress > plain.progress


def test_projection_needs_a_target() -> None:
    """The projection method without a target is not assessable."""
    result = assess_series({2020: 10.0, 2021: 12.0}, direction=HIB, method="projection")
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.NO_TARGET_FOR_PROJECTION,)


def test_projection_custom_thresholds() -> None:
    """Projection thresholds are parameters: 0.1525 is on track with Thresholds(0.15, 0.05)."""
    result = assess_series(
        {2020: 10.0, 2021: 11.0, 2022: 11.0, 2023: 12.0},
        direction=HIB,
        target=50.0,
        method="projection",
        thresholds=Thresholds(0.15, 0.05),
    )
    assert result.status is SUBSTANTIAL


def test_projection_base_beyond_target_then_worse_is_deterioration() -> None:
    """Base past the target and then falling short is deterioration under projection too.

    60, 50, 40 against >= 50: slope -10, y(2030) = 50 - 10*9 = -40; the value moves away
    from the target (projected change -100 while the target lies 10 below the base only
    because the base was already beyond it), so the status must be deterioration.
    """
    result = assess_series(
        {2020: 60.0, 2021: 50.0, 2022: 40.0}, direction=HIB, target=50.0, method="projection"
    )
    assert result.status is DETERIORATION


@pytest.mark.parametrize(
    ("value", "direction", "target"),
    [(3.3, HIB, 23.3), (12.3, LIB, 5.0)],
    ids=["3.3-higher-is-better", "12.3-lower-is-better"],
)
def test_projection_of_a_flat_series_is_stagnation(
    value: float, direction: Direction, target: float
) -> None:
    """A constant series projects no change: ratio 0, limited progress (stagnation).

    y = v, v, v: slope 0, y(2030) = mean = v, (v - v)/(target - v) = 0 -> limited progress.
    """
    result = assess_series(
        {2020: value, 2021: value, 2022: value},
        direction=direction,
        target=target,
        method="projection",
    )
    assert result.status is LIMITED
    assert result.progress == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("latest", "status"),
    [(101.5, Status.SUBSTANTIAL_PROGRESS), (100.5, Status.MODERATE_PROGRESS)],
    ids=["1.5-percent", "0.5-percent"],
)
def test_decimal_growth_edges_count_as_met(latest: float, status: Status) -> None:
    """100 -> 101.5 in a year is exactly the 1.5% edge (and 100.5 the 0.5% edge), despite binary rounding."""
    # CAGR = 101.5/100 - 1 = 0.015 in decimal; in binary 0.014999999999999902, within EDGE
    result = assess_series({2022: 100.0, 2023: latest}, direction=Direction.HIGHER_IS_BETTER)
    assert result.status is status


def test_direction_given_as_its_value() -> None:
    """'higher_is_better' as a string means higher is better; an unknown direction is an error."""
    # 10 -> 9 with target 12, higher is better: CAGR -0.1 < 0, deterioration
    assert (
        assess_series({2022: 10.0, 2023: 9.0}, direction="higher_is_better", target=12.0).status
        is DETERIORATION
    )
    change = year_on_year({2022: 10.0, 2023: 9.0}, direction="higher_is_better", unit="count")
    assert change.trend is Trend.WORSENED
    with pytest.raises(AssessmentError, match="'direction' must be one of"):
        assess_series({2022: 1.0, 2023: 2.0}, direction="sideways")


def test_nan_target_and_limit_mean_none() -> None:
    """A NaN target or limit is no target or limit, as in the frame API."""
    plain = assess_series({2022: 100.0, 2023: 103.0}, direction=HIB)
    assert assess_series({2022: 100.0, 2023: 103.0}, direction=HIB, target=math.nan) == plain
    assert assess_series({2022: 100.0, 2023: 103.0}, direction=HIB, limit=math.nan) == plain


# --- the target year and the reporting year ---------------------------------------------------


def test_no_default_target_year() -> None:
    """A target without a year is not assessed (no hidden 2030); one already met is achieved."""
    result = progress.assess_series({2020: 10.0, 2021: 11.0}, direction=HIB, target=20.0)
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.NO_TARGET_YEAR,)
    assert result.progress is None
    assert result.target_year is None
    met = progress.assess_series({2020: 10.0, 2021: 21.0}, direction=HIB, target=20.0)
    assert met.status is ACHIEVED


def test_reporting_year_without_a_value_is_not_assessed() -> None:
    """year=2021 with values in 2015-2020 only: never target achieved on the 2020 value."""
    result = progress.assess_series(
        {2015: 100.0, 2020: 120.0}, direction=HIB, target=110.0, target_year=2030, year=2021
    )
    assert result.status is NOT_ASSESSABLE
    assert result.notes == (Note.NO_VALUE_IN_YEAR,)
    assert (result.current_year, result.current_value) == (2020, 120.0)
    assert result.score is None


def test_options_object_equals_keywords() -> None:
    """ProgressOptions(window=5, growth_thresholds=...) equals the same fields as keywords."""
    growth = Thresholds(0.04, 0.02)
    # (130/110)**(1/5) - 1 = 0.033975: moderate under 4%/2%; score (0.033975 - 0.02)*2.5/0.02
    options = progress.ProgressOptions(window=5, growth_thresholds=growth)
    by_object = assess_series(WINDOW_SERIES, direction=HIB, options=options)
    by_keyword = assess_series(WINDOW_SERIES, direction=HIB, window=5, growth_thresholds=growth)
    assert by_object == by_keyword
    assert by_object.status is MODERATE
    assert by_object.score == pytest.approx((0.033975 - 0.02) * 2.5 / 0.02, rel=1e-4)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("window", 0, ArgumentError),
        ("window", "5", TypeError),
        ("base_year", 2020.0, TypeError),
        ("method", "median", ArgumentError),
        ("thresholds", (0.95, 0.6), TypeError),
        ("growth_thresholds", (0.015, 0.005), TypeError),
        ("zero", "ignore", ArgumentError),
        ("weighted", 1, TypeError),
        ("alpha", 5, ArgumentError),
        ("alpha", "0.05", TypeError),
    ],
)
def test_progress_options_are_checked_on_construction(
    field: str, value: object, error: type[Exception]
) -> None:
    """Every field of ProgressOptions refuses a wrong value or type when the object is built."""
    with pytest.raises(error, match=f"'{field}'"):
        progress.ProgressOptions(**{field: value})  # type: ignore[arg-type]
