"""Tests of the strategy-level assessment (assess, assess_goals) on Kielce and small strategies.

Expected values are worked out by hand from the report's figures and the formulas of
``domain/progress-method.md``; the arithmetic is in the comments.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

from citystrategy import Q_
from citystrategy.cli import main
from citystrategy.errors import YearError
from citystrategy.io import write_strategy
from citystrategy.model import Direction, Level, Strategy, TargetKind
from citystrategy.percent import Percent
from citystrategy.progress import (
    GOAL_COLUMNS,
    INDICATOR_COLUMNS,
    ProgressOptions,
    assess,
    assess_goals,
    indicator_metadata,
    status_from_score,
    survey_samples,
)
from tests.factories import (
    make_indicator,
    make_observation,
    make_strategy,
    make_target,
)
from tests.reports.test_excel import load


@pytest.fixture(scope="module")
def table(kielce: Strategy) -> pd.DataFrame:
    """Kielce's 2023 assessment."""
    return assess(kielce, year=2023).set_index("code")


def test_every_indicator_has_a_status_or_a_reason(table: pd.DataFrame) -> None:
    """All 112 indicators get a status; the four without a 2023 value (GUS "- *") are not assessed."""
    assert len(table) == 112
    assert table["status"].notna().all()
    unassessed = table[table["status"] == "not_assessable"]
    # the report marks these four "- *": not yet published in GUS BDL at the report date
    assert set(unassessed.index) == {"KIE-3.3-02", "KIE-3.3-03", "KIE-3.3-04", "KIE-3.4-01"}
    assert (unassessed["notes"] == "no_value_in_year").all()
    assert (unassessed["current_year"] == 2022).all()
    assert unassessed["score"].isna().all()


def test_columns(kielce: Strategy) -> None:
    """The table has the documented columns in order."""
    assert tuple(assess(kielce, year=2023).columns) == INDICATOR_COLUMNS


def test_unemployment_unchanged_is_limited_progress(table: pd.DataFrame) -> None:
    """4,6% -> 4,6% against 3,7%: P = 0, limited progress, score (0 - 0.6) * 2.5/0.6 = -2.5."""
    row = table.loc["KIE-1.1-01"]
    assert row["status"] == "limited_progress"
    assert row["progress"] == 0
    assert row["score"] == pytest.approx(-2.5)
    assert row["trend"] == "unchanged"


def test_survey_share_collapse(table: pd.DataFrame) -> None:
    """12,3% -> 5,2% against 14,3% (higher is better), survey of 593 then 248 answers."""
    row = table.loc["KIE-1-01"]
    # P = CAGR(5.2, 12.3, 1 year) / |CAGR(14.3, 12.3, 8 years)| = -0.577236 / 0.0190110 = -30.363
    assert row["progress"] == pytest.approx((5.2 / 12.3 - 1) / abs((14.3 / 12.3) ** (1 / 8) - 1))
    assert row["status"] == "deterioration"
    assert row["score"] == -5
    assert row["change"] == Decimal("-7.1")
    assert row["change_unit"] == "percentage_point"
    # Wilson 95%, p = 0.052, n = 248, z = 1.959964: centre 0.058834, half 0.028260
    assert row["interval_low"] == pytest.approx(3.0574, abs=1e-3)
    assert row["interval_high"] == pytest.approx(8.7094, abs=1e-3)
    # pooled p = (72.939 + 12.896) / 841 = 0.102063; z = -3.1014; p = 0.00193
    assert row["p_value"] == pytest.approx(0.00193, abs=2e-5)
    assert row["trend"] == "worsened"


def test_insignificant_survey_change(table: pd.DataFrame) -> None:
    """75,9% -> 77,4% on 593 and 248 answers is within sampling error."""
    row = table.loc["KIE-1.2-06"]
    assert row["trend"] == "not_significant"
    assert row["change"] == Decimal("1.5")
    assert row["p_value"] > 0.05


def test_non_survey_indicators_have_no_interval(table: pd.DataFrame) -> None:
    """Only survey shares get intervals and tests."""
    row = table.loc["KIE-1.1-01"]
    assert pd.isna(row["interval_low"])
    assert pd.isna(row["p_value"])


def test_exact_values_and_changes(table: pd.DataFrame) -> None:
    """Values and changes are the report's Decimals, not floats."""
    energy = table.loc["KIE-2.4-09"]
    assert energy["value"] == Decimal("31791.00")
    assert energy["previous_value"] == Decimal("29493.48")
    assert energy["change"] == Decimal("2297.52")
    assert energy["change_unit"] == "megawatt_hour"
    assert energy["trend"] == "worsened"  # lower is better


def test_contradicting_target_is_flagged(table: pd.DataFrame) -> None:
    """Homeless per 100 000: 371 -> 425 is 'achieved' against 585, and the table says why."""
    row = table.loc["KIE-1.1-05"]
    assert row["status"] == "target_achieved"
    assert row["target_findings"] == "target_contradicts_direction"
    assert row["trend"] == "worsened"


def test_legal_limit_met(table: pd.DataFrame) -> None:
    """PM10 24 -> 22 against the 40 µg/m³ limit: achieved, with the limit finding."""
    row = table.loc["KIE-2.4-02"]
    assert row["status"] == "target_achieved"
    assert row["target_findings"] == "bound_already_satisfied"


def test_indicator_metadata_from_the_model(kielce: Strategy) -> None:
    """Targets, directions, units and survey flags become the metadata frame."""
    meta = indicator_metadata(kielce).set_index("indicator")
    assert meta.loc["KIE-2.4-03", "target"] == 45
    assert meta.loc["KIE-2.4-03", "direction"] == "lower_is_better"
    assert meta.loc["KIE-1-01", "survey"]
    assert meta.loc["KIE-1-01", "unit"] == "percent"
    assert meta.loc["KIE-1-01", "target_year"] == 2030


def test_survey_samples_come_from_the_responses_indicator(kielce: Strategy) -> None:
    """593 answers in 2022 and 248 in 2023, from KIE-1.3-06."""
    samples = survey_samples(kielce)
    assert samples is not None
    assert dict(zip(samples["year"], samples["n"], strict=True)) == {2023: 248, 2022: 593}
    assert survey_samples(make_strategy()) is None


def _with_sample(kielce: Strategy, size: str) -> Strategy:
    """Kielce with *size* typed as the 2023 value of KIE-1.3-06, the survey's responses."""
    observations = [
        attrs.evolve(o, value=Decimal(size.replace(",", ".")), raw=size)
        if (o.indicator, o.year) == ("KIE-1.3-06", 2023)
        else o
        for o in kielce.observations
    ]
    return attrs.evolve(kielce, observations=observations)


@pytest.mark.parametrize("size", ["0", "-248", "248,5"])
def test_an_unusable_sample_size_is_left_out(kielce: Strategy, size: str) -> None:
    """A 2023 size of 0, negative or fractional is no sample: 2022's 593 alone is kept."""
    samples = survey_samples(_with_sample(kielce, size))
    assert samples is not None
    assert dict(zip(samples["year"], samples["n"], strict=True)) == {2022: 593}


def test_assess_goes_on_without_the_unusable_size(kielce: Strategy) -> None:
    """With 0 answers in 2023, KIE-1-01 keeps its status and change, without interval or test."""
    row = assess(_with_sample(kielce, "0"), year=2023).set_index("code").loc["KIE-1-01"]
    assert row["status"] == "deterioration"  # as with 248 answers (above)
    assert row["change"] == Decimal("-7.1")
    assert pd.isna(row["interval_low"])
    assert pd.isna(row["interval_high"])
    assert pd.isna(row["p_value"])


def test_assess_and_report_run_on_a_folder_with_a_zero_sample(
    kielce: Strategy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A data folder with 0 answers in 2023: check fails on it, assess and report run and list it."""
    folder = write_strategy(_with_sample(kielce, "0"), tmp_path / "kielce-0")
    assert main(["check", str(folder), "--year", "2023"]) == 1
    out = capsys.readouterr().out
    assert "wartość 0 za 2023\xa0r. to liczebność próby badania ankietowego" in out
    assert main(["assess", str(folder), "--year", "2023"]) == 0
    capsys.readouterr()
    report = tmp_path / "raport.xlsx"
    assert main(["report", str(folder), "--year", "2023", "-o", str(report)]) == 0
    capsys.readouterr()
    texts = [
        str(value)
        for sheet in load(report).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert "błędna liczebność próby" in texts
    assert any(t.startswith("wartość 0 za 2023\xa0r. to liczebność próby") for t in texts)


def test_goal_scores_average_their_indicators(table: pd.DataFrame, kielce: Strategy) -> None:
    """A goal's score is the mean of its indicators' scores; a strategic goal takes all of its own."""
    goals = assess_goals(kielce, year=2023).set_index("goal")
    assert tuple(goals.reset_index().columns) == GOAL_COLUMNS
    op = table[table["goal"] == "2.2"]["score"].astype(float)
    assert goals.loc["2.2", "score"] == pytest.approx(op.mean())
    strategic = table[table["goal"].isin(["3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"])]
    assert goals.loc["3", "indicators"] == len(strategic) == 34
    assert goals.loc["3", "scored"] == 30  # the four without 2023 GUS data have no score
    assert goals.loc["3", "coverage"] == pytest.approx(30 / 34)
    assert goals.loc["3", "score"] == pytest.approx(strategic["score"].astype(float).mean())


def test_goal_coverage_threshold(kielce: Strategy) -> None:
    """Goal 3.3 has 4 of 7 indicators scored (57%): assessed at 50%, not at the default 60%."""
    default = assess_goals(kielce, year=2023).set_index("goal")
    lenient = assess_goals(kielce, year=2023, min_coverage=Percent(50)).set_index("goal")
    assert (default.loc["3.3", "scored"], default.loc["3.3", "indicators"]) == (4, 7)
    assert default.loc["3.3", "status"] == "not_assessable"
    assert default["score"].isna()["3.3"]  # no score shown for a goal not assessed
    assert lenient.loc["3.3", "status"] != "not_assessable"
    table = assess(kielce, year=2023)
    scored = table[table["goal"] == "3.3"]["score"].astype(float).dropna()
    assert lenient.loc["3.3", "score"] == pytest.approx(scored.mean())
    as_quantity = assess_goals(kielce, year=2023, min_coverage=Q_(0.5, "")).set_index("goal")
    assert str(as_quantity.loc["3.3", "status"]) == str(lenient.loc["3.3", "status"])
    with pytest.raises(ValueError, match="min_coverage"):
        assess_goals(kielce, year=2023, min_coverage=Percent(150))
    with pytest.raises(TypeError, match=r"Percent\(85\)"):
        assess_goals(kielce, year=2023, min_coverage=0.6)


def test_goal_coverage_edge_is_exact() -> None:
    """3 of 5 indicators scored is exactly 60%: assessed at Percent(60), not at Percent("60.1")."""
    indicators = tuple(
        make_indicator(code=f"T-1.1-0{k + 1}", target=make_target(value=Decimal(10)))
        for k in range(5)
    )
    observations = tuple(
        make_observation(indicator=f"T-1.1-0{k + 1}", year=year, value=Decimal(value))
        for k in range(3)
        for year, value in ((2022, 4), (2023, 5))
    )
    strategy = make_strategy(indicators=indicators, observations=observations)
    at_edge = assess_goals(strategy, year=2023).set_index("goal")
    above = assess_goals(strategy, year=2023, min_coverage=Percent("60.1")).set_index("goal")
    assert at_edge.loc["1.1", "scored"] == 3
    assert at_edge.loc["1.1", "status"] != "not_assessable"
    assert above.loc["1.1", "status"] == "not_assessable"


def test_goal_status_bands_and_all_achieved() -> None:
    """A goal whose indicators all achieved their targets is target_achieved; else by score band."""
    achieved = make_strategy(
        indicators=(make_indicator(target=make_target(value=Decimal(3))),),
        observations=(
            make_observation(year=2022, value=Decimal(4)),
            make_observation(year=2023, value=Decimal(5)),
        ),
    )
    goals = assess_goals(achieved, year=2023).set_index("goal")
    assert goals.loc["1.1", "status"] == "target_achieved"
    assert goals.loc["1.2", "status"] == "not_assessable"  # no indicator at all


def test_indicator_without_observations(kielce: Strategy) -> None:
    """An indicator with no values at all is not assessable with the note no_data."""
    strategy = make_strategy(
        indicators=(
            make_indicator(),
            make_indicator(code="T-1-01", level=Level.IMPACT, goal_code="1", name="Bez danych"),
        ),
        observations=(
            make_observation(year=2022, value=Decimal(4)),
            make_observation(year=2023, value=Decimal(5)),
        ),
    )
    table = assess(strategy, year=2023).set_index("code")
    assert table.loc["T-1-01", "status"] == "not_assessable"
    assert table.loc["T-1-01", "notes"] == "no_data"


def test_within_range_target_from_the_model() -> None:
    """A within_range target in the model is assessed as a band."""
    band = make_target(kind=TargetKind.WITHIN_RANGE, value=None, low=Decimal(40), high=Decimal(60))
    strategy = make_strategy(
        indicators=(make_indicator(direction=Direction.WITHIN_RANGE, target=band, unit="percent"),),
        observations=(
            make_observation(year=2022, value=Decimal(30)),
            make_observation(year=2023, value=Decimal(45)),
        ),
    )
    row = assess(strategy, year=2023).iloc[0]
    assert row["status"] == "target_achieved"
    assert row["trend"] == "improved"


def test_projection_and_window_options(kielce: Strategy) -> None:
    """The options reach the frame API: projection on two points equals the straight line."""
    table = assess(kielce, year=2023, method="projection").set_index("code")
    # unemployment: line through (2022, 4.6) and (2023, 4.6) projects 4.6; required -0.9: R = 0
    assert table.loc["KIE-1.1-01", "progress"] == 0
    assert table.loc["KIE-1.1-01", "status"] == "limited_progress"
    windowed = assess(kielce, year=2023, window=1).set_index("code")
    assert windowed.loc["KIE-1.1-01", "base_year"] == 2022


def test_value_missing_in_the_reporting_year(table: pd.DataFrame) -> None:
    """KIE-3.3-02 has no 2023 value ('- *'): the value is missing with its reason, the 2022 one is previous."""
    row = table.loc["KIE-3.3-02"]
    assert row["value"] is None
    assert row["missing_marker"] == "- *"
    assert "Bazie Danych Lokalnych GUS" in row["missing"]
    assert row["previous_value"] == Decimal("1594522")
    assert row["current_year"] == 2022


def test_target_kinds_become_bands() -> None:
    """An exact target with a tolerance and a range target are assessed as bands."""
    exact = make_target(kind=TargetKind.EXACTLY, value=Decimal(4), tolerance=Decimal(1))
    strategy = make_strategy(
        indicators=(make_indicator(target=exact),),
        observations=(
            make_observation(year=2022, value=Decimal(2)),
            make_observation(year=2023, value=Decimal("4.6")),
        ),
    )
    meta = indicator_metadata(strategy).iloc[0]
    assert (meta["direction"], meta["target_low"], meta["target_high"]) == (
        "within_range",
        3.0,
        5.0,
    )
    assert assess(strategy, year=2023).iloc[0]["status"] == "target_achieved"  # 4.6 is within 4 ± 1


def test_categorical_frame_with_unused_categories() -> None:
    """A filtered categorical panel keeps unused categories; they do not need metadata."""
    from citystrategy.progress import assess_frame

    panel = pd.DataFrame(
        {
            "territory": ["T"] * 4,
            "indicator": pd.Categorical(list("AABB")),
            "year": [2022, 2023] * 2,
            "value": [1.0, 2.0, 3.0, 4.0],
        }
    )
    meta = pd.DataFrame({"indicator": ["A"], "direction": ["higher_is_better"]})
    result = assess_frame(panel[panel["indicator"] == "A"], meta)
    assert list(result["indicator"]) == ["A"]


def test_a_year_without_values_is_a_year_error() -> None:
    """assess(year=2022) when only 2021 and 2023 have values is a YearError, not 2021's result."""
    strategy = make_strategy(
        observations=(
            make_observation(year=2021, value=Decimal(4)),
            make_observation(year=2023, value=Decimal(5)),
        ),
    )
    with pytest.raises(YearError) as caught:
        assess(strategy, year=2022)
    assert caught.value.years == (2021, 2023)
    assert len(assess(strategy, year=2023)) == len(strategy.indicators)


def test_target_year_comes_from_the_indicator() -> None:
    """The metadata's target year is the indicator's own (2027 here), not a default."""
    strategy = make_strategy(
        indicators=(make_indicator(target=make_target(year=2027)),),
        observations=(make_observation(year=2023, value=Decimal(5)),),
    )
    assert indicator_metadata(strategy)["target_year"].tolist() == [2027]


def _goal_by_definition(
    table: pd.DataFrame, codes: list[str], coverage: Decimal
) -> tuple[int, int, float, str]:
    """A goal's counts, score and status as the method defines them, with pandas per goal."""
    rows = table[table["goal"].isin(codes)]
    scores = rows["score"].astype("float64")
    scored, total = int(scores.notna().sum()), len(rows)
    mean = float(scores.mean()) if scored else float("nan")
    if not scored or scored * 100 < coverage * total:
        return total, scored, float("nan"), "not_assessable"
    if (rows.loc[scores.notna(), "status"] == "target_achieved").all():
        return total, scored, mean, "target_achieved"
    return total, scored, mean, status_from_score(mean).value


@pytest.mark.parametrize("coverage", [Decimal(0), Decimal(50), Decimal(60), Decimal(100)])
@pytest.mark.parametrize(
    "options",
    [ProgressOptions(), ProgressOptions(method="projection"), ProgressOptions(window=3)],
)
def test_goal_rows_equal_their_definition(
    kielce: Strategy, coverage: Decimal, options: ProgressOptions
) -> None:
    """Every goal's counts, status and score (to the last bit) are the per-goal pandas mean's."""
    table = assess(kielce, year=2023, options=options)
    goals = assess_goals(kielce, year=2023, table=table, min_coverage=Percent(coverage))
    assert len(goals) == len(kielce.strategic_goals) + len(kielce.operational_goals)
    for goal in kielce.strategic_goals:
        for code, codes in [
            (goal.code, [goal.code, *(op.code for op in goal.operational_goals)]),
            *((op.code, [op.code]) for op in goal.operational_goals),
        ]:
            row = goals.set_index("goal").loc[code]
            total, scored, score, status = _goal_by_definition(table, codes, coverage)
            assert (row["indicators"], row["scored"], row["status"]) == (total, scored, status)
            assert row["coverage"] == (scored / total if total else 0.0)
            assert (pd.isna(row["score"]) and pd.isna(score)) or row["score"] == score


def test_goal_rows_of_a_reordered_table(kielce: Strategy) -> None:
    """The goals do not depend on the table's row order beyond the last bit of the mean."""
    table = assess(kielce, year=2023)
    goals = assess_goals(kielce, year=2023, table=table)
    shuffled = assess_goals(kielce, year=2023, table=table.sample(frac=1.0, random_state=8))
    pd.testing.assert_frame_equal(goals, shuffled, check_exact=False, rtol=1e-12)
