"""Tests of the year-on-year trend (progress.series) and survey statistics (progress.survey).

Wilson interval (z = 1.959964 for 95%): centre = (p + z^2/(2n)) / (1 + z^2/n) and half-width
z * sqrt(p(1 - p)/n + z^2/(4n^2)) / (1 + z^2/n). Pooled two-proportion test: pooled =
(p1 n1 + p2 n2)/(n1 + n2), z = (p2 - p1)/sqrt(pooled(1 - pooled)(1/n1 + 1/n2)), two-sided
p-value 2(1 - Phi(|z|)). The survey sizes are Kielce's: 593 responses in 2022, 248 in 2023.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy import Q_
from citystrategy.errors import ArgumentError, ArgumentTypeError, AssessmentError
from citystrategy.model import Direction
from citystrategy.percent import Percent
from citystrategy.progress import Trend, two_proportion_p_value, wilson_interval, year_on_year

HIB = Direction.HIGHER_IS_BETTER
LIB = Direction.LOWER_IS_BETTER
RANGE = Direction.WITHIN_RANGE

KIELCE_SIZES = {2022: 593, 2023: 248}


# --- change and trend ----------------------------------------------------------------------------


def test_kielce_change_is_in_percentage_points() -> None:
    """12,3% -> 5,2% is a change of -7,1 percentage points, never -57,7%."""
    result = year_on_year({2022: 12.3, 2023: 5.2}, direction=HIB, unit="percent")
    assert result.change == pytest.approx(-7.1)  # 5.2 - 12.3
    assert result.change != pytest.approx(-57.7, abs=0.1)  # (5.2 - 12.3)/12.3 = -57.7%
    assert result.change_unit == "percentage_point"
    assert result.trend is Trend.WORSENED
    assert (result.previous_year, result.current_year) == (2022, 2023)
    assert (result.previous_value, result.current_value) == (12.3, 5.2)
    assert result.interval_previous is None
    assert result.interval_current is None
    assert result.p_value is None


@pytest.mark.parametrize(
    ("values", "direction", "trend", "change"),
    [
        ({2022: 10.0, 2023: 12.0}, HIB, Trend.IMPROVED, 2.0),
        ({2022: 10.0, 2023: 8.0}, HIB, Trend.WORSENED, -2.0),
        ({2022: 10.0, 2023: 10.0}, HIB, Trend.UNCHANGED, 0.0),
        ({2022: 10.0, 2023: 8.0}, LIB, Trend.IMPROVED, -2.0),
        ({2022: 10.0, 2023: 12.0}, LIB, Trend.WORSENED, 2.0),
        ({2022: 10.0, 2023: 10.0}, LIB, Trend.UNCHANGED, 0.0),
        ({2019: 5.0, 2023: 6.0}, HIB, Trend.IMPROVED, 1.0),  # a gap: the previous year with data
        ({2021: 1.0, 2022: None, 2023: 3.0}, HIB, Trend.IMPROVED, 2.0),  # None is no value
    ],
    ids=[
        "higher-up",
        "higher-down",
        "higher-same",
        "lower-down",
        "lower-up",
        "lower-same",
        "gap",
        "missing-year",
    ],
)
def test_trend_against_direction(
    values: dict[int, float | None], direction: Direction, trend: Trend, change: float
) -> None:
    """Improved, worsened or unchanged is read against the direction; change is current - previous."""
    result = year_on_year(values, direction=direction, unit="count")
    assert result.trend is trend
    assert result.change == pytest.approx(change)
    assert result.change_unit == "count"


@pytest.mark.parametrize(
    ("previous", "current", "trend"),
    [
        (70.0, 60.0, Trend.IMPROVED),  # distance outside 45..55: 15 -> 5
        (30.0, 50.0, Trend.IMPROVED),  # 15 -> 0
        (60.0, 70.0, Trend.WORSENED),  # 5 -> 15
        (50.0, 52.0, Trend.UNCHANGED),  # 0 -> 0: both inside the band
        (40.0, 60.0, Trend.UNCHANGED),  # 5 below -> 5 above
        (56.0, 44.0, Trend.UNCHANGED),  # 1 above -> 1 below
    ],
    ids=["from-above", "into-band", "away", "inside", "across-same-distance", "across-1"],
)
def test_trend_within_range(previous: float, current: float, trend: Trend) -> None:
    """For a band, moving closer to it is an improvement; inside it nothing changes."""
    result = year_on_year(
        {2022: previous, 2023: current},
        direction=RANGE,
        unit="percent",
        target_range=(55.0, 45.0),
    )
    assert result.trend is trend
    assert result.change == pytest.approx(current - previous)


def test_trend_within_range_needs_target_range() -> None:
    """within_range without target_range is an error."""
    with pytest.raises(AssessmentError, match="target_range"):
        year_on_year({2022: 1.0, 2023: 2.0}, direction=RANGE, unit="count")


@pytest.mark.parametrize(
    ("values", "year", "current"),
    [({}, None, None), ({2023: 5.0}, None, 2023), ({2022: 4.0, 2023: 5.0}, 2022, 2022)],
    ids=["empty", "one-year", "year-leaves-one"],
)
def test_trend_not_assessable_with_one_year(
    values: dict[int, float], year: int | None, current: int | None
) -> None:
    """Fewer than two years: no trend."""
    result = year_on_year(values, direction=HIB, unit="count", year=year)
    assert result.trend is Trend.NOT_ASSESSABLE
    assert result.current_year == current
    assert result.change is None


def test_trend_year_limits_latest() -> None:
    """year= compares the two last years up to it."""
    result = year_on_year({2021: 1.0, 2022: 2.0, 2023: 0.0}, direction=HIB, unit="count", year=2022)
    assert (result.previous_year, result.current_year) == (2021, 2022)
    assert result.trend is Trend.IMPROVED


def test_trend_reads_periods() -> None:
    """Periods "2021-22" and "2022-23" are compared as 2021 and 2022."""
    result = year_on_year({"2021-22": 1.0, "2022-23": 2.0}, direction=HIB, unit="count")
    assert (result.previous_year, result.current_year) == (2021, 2022)


# --- survey uncertainty ------------------------------------------------------------------------


def test_kielce_survey_change_is_significant() -> None:
    """12,3% (n = 593) -> 5,2% (n = 248): intervals in percent, p = 0.0019, still worsened."""
    result = year_on_year(
        {2022: 12.3, 2023: 5.2}, direction=HIB, unit="percent", sample_sizes=KIELCE_SIZES
    )
    # Wilson 5.2%, n = 248: z^2 = 3.841459; z^2/n = 0.015490; denominator 1.015490
    # centre = (0.052 + 3.841459/496)/1.015490 = (0.052 + 0.007745)/1.015490 = 0.058834
    # half = 1.959964*sqrt(0.052*0.948/248 + 3.841459/(4*248^2))/1.015490
    #      = 1.959964*sqrt(0.00019877 + 0.00001561)/1.015490 = 0.028260
    # -> (0.030573, 0.087094), i.e. 3.0573% .. 8.7094%
    assert result.interval_current is not None
    assert result.interval_current[0] == pytest.approx(3.0573, abs=1e-4)
    assert result.interval_current[1] == pytest.approx(8.7094, abs=1e-4)
    # Wilson 12.3%, n = 593: denominator 1 + 3.841459/593 = 1.006478
    # centre = (0.123 + 3.841459/1186)/1.006478 = 0.125426
    # half = 1.959964*sqrt(0.123*0.877/593 + 3.841459/(4*593^2))/1.006478 = 0.026461
    # -> (0.098966, 0.151887)
    assert result.interval_previous is not None
    assert result.interval_previous[0] == pytest.approx(9.8966, abs=1e-4)
    assert result.interval_previous[1] == pytest.approx(15.1887, abs=1e-4)
    # pooled = (0.123*593 + 0.052*248)/841 = 85.835/841 = 0.102063
    # var = 0.102063*0.897937*(1/593 + 1/248) = 0.00052409; z = -0.071/0.022893 = -3.101390
    # p = 2*(1 - Phi(3.101390)) = 0.001926 < 0.05 -> the change stands
    assert result.p_value == pytest.approx(0.001926, abs=1e-6)
    assert result.trend is Trend.WORSENED


def test_survey_change_within_sampling_error_is_not_significant() -> None:
    """30% (n = 593) -> 32% (n = 248) is not significant: not_significant, not improved."""
    result = year_on_year(
        {2022: 30.0, 2023: 32.0}, direction=HIB, unit="percent", sample_sizes=KIELCE_SIZES
    )
    # pooled = (0.30*593 + 0.32*248)/841 = 257.26/841 = 0.305898
    # var = 0.305898*0.694102*(1/593 + 1/248) = 0.0012142; z = 0.02/0.034846 = 0.573965
    # p = 2*(1 - Phi(0.573965)) = 0.565992 >= 0.05
    assert result.p_value == pytest.approx(0.565992, abs=1e-5)
    assert result.trend is Trend.NOT_SIGNIFICANT
    assert result.change == pytest.approx(2.0)


def test_significant_improvement_stays_improved() -> None:
    """30% (n = 593) -> 40% (n = 248): p = 0.0049, improved."""
    result = year_on_year(
        {2022: 30.0, 2023: 40.0}, direction=HIB, unit="percent", sample_sizes=KIELCE_SIZES
    )
    # pooled = (177.9 + 99.2)/841 = 0.329489; var = 0.329489*0.670511*0.0057186 = 0.0012634
    # z = 0.1/0.035544 = 2.813403; p = 2*(1 - Phi(2.813403)) = 0.004902
    assert result.p_value == pytest.approx(0.004902, abs=1e-6)
    assert result.trend is Trend.IMPROVED


def test_lower_is_better_significant_fall_is_improved() -> None:
    """A significant fall of a lower-is-better share is improved."""
    result = year_on_year(
        {2022: 12.3, 2023: 5.2}, direction=LIB, unit="percent", sample_sizes=KIELCE_SIZES
    )
    assert result.trend is Trend.IMPROVED  # p = 0.001926 as above


@pytest.mark.parametrize(
    ("alpha", "trend"),
    [(0.05, Trend.WORSENED), (0.01, Trend.WORSENED), (0.001, Trend.NOT_SIGNIFICANT)],
    ids=["5%", "1%", "0.1%"],
)
def test_alpha_option(alpha: float, trend: Trend) -> None:
    """p = 0.001926 is significant at 5% and 1% but not at 0.1%."""
    result = year_on_year(
        {2022: 12.3, 2023: 5.2},
        direction=HIB,
        unit="percent",
        sample_sizes=KIELCE_SIZES,
        alpha=alpha,
    )
    assert result.trend is trend


def test_alpha_sets_interval_level() -> None:
    """alpha = 0.10 gives 90% intervals (z = 1.644854)."""
    result = year_on_year(
        {2022: 12.3, 2023: 5.2},
        direction=HIB,
        unit="percent",
        sample_sizes=KIELCE_SIZES,
        alpha=0.10,
    )
    # z^2 = 2.705543; denominator 1 + 2.705543/248 = 1.010909
    # centre = (0.052 + 2.705543/496)/1.010909 = 0.056835
    # half = 1.644854*sqrt(0.052*0.948/248 + 2.705543/(4*248^2))/1.010909 = 0.023566
    assert result.interval_current is not None
    assert result.interval_current[0] == pytest.approx(3.3269, abs=1e-4)
    assert result.interval_current[1] == pytest.approx(8.0401, abs=1e-4)


def test_unchanged_survey_value_stays_unchanged() -> None:
    """Equal shares are unchanged (p = 1), not 'not significant'."""
    result = year_on_year(
        {2022: 30.0, 2023: 30.0}, direction=HIB, unit="percent", sample_sizes=KIELCE_SIZES
    )
    assert result.trend is Trend.UNCHANGED
    assert result.p_value == pytest.approx(1.0)  # z = 0


def test_survey_sizes_missing_for_a_year_give_no_test() -> None:
    """Without both years' sizes there is no interval or test and the trend stands."""
    result = year_on_year(
        {2022: 30.0, 2023: 32.0}, direction=HIB, unit="percent", sample_sizes={2023: 248}
    )
    assert result.trend is Trend.IMPROVED
    assert result.interval_current is None
    assert result.p_value is None


def test_survey_shares_as_fractions() -> None:
    """A unit other than percent is read as a fraction: 0.052 with n = 248 -> (0.0306, 0.0871)."""
    result = year_on_year(
        {2022: 0.123, 2023: 0.052}, direction=HIB, unit="share", sample_sizes=KIELCE_SIZES
    )
    assert result.change_unit == "share"
    assert result.interval_current is not None
    assert result.interval_current[0] == pytest.approx(0.030573, abs=1e-6)
    assert result.interval_current[1] == pytest.approx(0.087094, abs=1e-6)
    assert result.p_value == pytest.approx(0.001926, abs=1e-6)


# --- wilson_interval and two_proportion_p_value ---------------------------------------------------


@pytest.mark.parametrize(
    ("share", "n", "low", "high"),
    [
        ("5.2", 248, 3.0573, 8.7094),  # worked in test_kielce_survey_change_is_significant
        ("12.3", 593, 9.8966, 15.1887),
        # p = 0.5, n = 100: denominator 1.038415; centre 0.5;
        # half = 1.959964*sqrt(0.0025 + 3.841459/40000)/1.038415 = 0.096168
        ("50", 100, 40.3832, 59.6168),
        # p = 0, n = 10: centre = (3.841459/20)/1.384146 = 0.138766 = half -> (0, 0.277533)
        ("0", 10, 0.0, 27.7533),
        ("100", 10, 72.2467, 100.0),  # mirror of p = 0
    ],
    ids=["kielce-2023", "kielce-2022", "half", "zero", "one"],
)
def test_wilson_interval(share: str, n: int, low: float, high: float) -> None:
    """The Wilson score interval at 95% (z = 1.959964), of a share in percent, in percent."""
    result = wilson_interval(Percent(share), n)
    assert result[0] == pytest.approx(low, abs=1e-4)
    assert result[1] == pytest.approx(high, abs=1e-4)


def test_wilson_interval_takes_pint_quantities() -> None:
    """Q_(5.2, "percent") and the dimensionless Q_(0.052, "") are the same share as Percent("5.2")."""
    expected = wilson_interval(Percent("5.2"), 248)
    assert wilson_interval(Q_(5.2, "percent"), 248) == pytest.approx(expected)
    assert wilson_interval(Q_(0.052, ""), 248) == pytest.approx(expected)


def test_wilson_interval_level_is_a_fraction() -> None:
    """At a 90% level (z = 1.644854) the Kielce 2023 interval is narrower: 3.3269..8.0401."""
    # z^2 = 2.705543; centre = (0.052 + 2.705543/496)/(1 + 2.705543/248) = 0.056835;
    # half = 1.644854*sqrt(0.052*0.948/248 + 2.705543/246016)/1.010909 = 0.023566
    low, high = wilson_interval(Percent("5.2"), 248, level=0.9)
    assert low == pytest.approx(3.3269, abs=1e-3)
    assert high == pytest.approx(8.0401, abs=1e-3)
    with pytest.raises(ArgumentError, match="'level'"):
        wilson_interval(Percent("5.2"), 248, level=90)


@pytest.mark.parametrize(
    "share", [0.052, 5.2, Decimal("5.2"), 5], ids=["float", "float-percent", "decimal", "int"]
)
def test_wilson_interval_refuses_a_bare_number(share: object) -> None:
    """A bare number could be a fraction or percent: a TypeError that shows how to pass it."""
    with pytest.raises(ArgumentTypeError, match=r"Percent\(85\)") as caught:
        wilson_interval(share, 248)
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(
    ("share", "n", "error"),
    [
        ("50", 0, ArgumentError),
        ("50", -1, ArgumentError),
        ("-0.1", 100, ArgumentError),
        ("100.1", 100, ArgumentError),
        ("50", 2.5, ArgumentTypeError),
    ],
    ids=["n-zero", "n-negative", "share-negative", "share-above-hundred", "n-float"],
)
def test_wilson_interval_rejects_bad_input(share: str, n: int, error: type[Exception]) -> None:
    """n <= 0 or a share outside 0-100% is a ValueError; a float size a TypeError."""
    with pytest.raises(error):
        wilson_interval(Percent(share), n)


@pytest.mark.parametrize(
    ("p1", "n1", "p2", "n2", "p_value"),
    [
        ("12.3", 593, "5.2", 248, 0.001926),  # worked above: z = -3.101390
        ("30", 593, "32", 248, 0.565992),  # z = 0.573965
        ("30", 593, "40", 248, 0.004902),  # z = 2.813403
        ("5.2", 248, "12.3", 593, 0.001926),  # symmetric in the two samples
        ("40", 100, "40", 100, 1.0),  # z = 0
        ("0", 100, "0", 50, 1.0),  # no variance, equal shares
        ("0", 100, "100", 100, 0.0),  # pooled 0.5, z = 1/sqrt(0.25*0.02) = 14.14 -> p ~ 0
    ],
    ids=["kielce", "not-significant", "significant", "swapped", "equal", "both-zero", "extreme"],
)
def test_two_proportion_p_value(p1: str, n1: int, p2: str, n2: int, p_value: float) -> None:
    """Two-sided pooled two-proportion z-test of shares in percent."""
    result = two_proportion_p_value(Percent(p1), n1, Percent(p2), n2)
    assert result == pytest.approx(p_value, abs=1e-6)


@pytest.mark.parametrize(
    ("p1", "n1", "p2", "n2", "error"),
    [
        (Percent(50), 0, Percent(50), 100, ArgumentError),
        (Percent(50), 100, Percent(50), -3, ArgumentError),
        (Percent(150), 100, Percent(50), 100, ArgumentError),
        (Percent(50), 100, Percent("-0.1"), 100, ArgumentError),
        (0.123, 593, 0.052, 248, ArgumentTypeError),
    ],
    ids=["n1-zero", "n2-negative", "share-above-hundred", "share-negative", "bare-numbers"],
)
def test_two_proportion_p_value_rejects_bad_input(
    p1: object, n1: int, p2: object, n2: int, error: type[Exception]
) -> None:
    """n <= 0 or a share outside 0-100% is a ValueError; a bare number a TypeError."""
    with pytest.raises(error):
        two_proportion_p_value(p1, n1, p2, n2)
