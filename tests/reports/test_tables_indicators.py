"""The report's indicator tables as data, and the sections built from them, in both languages.

Golden values are the Kielce annual report's section 3 ("3. Wartość wskaźników"), copied from
the source document: the indicator's name, its 2023 and 2022 values and its target.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pandas as pd
import pytest

from citystrategy import check
from citystrategy.errors import YearError
from citystrategy.frames import INDICATOR, TERRITORY, UNIT, YEAR
from citystrategy.model import Direction, Strategy, TargetKind
from citystrategy.money import Money
from citystrategy.percent import Percent
from citystrategy.progress import ProgressOptions, assess
from citystrategy.reports import describe_finding
from citystrategy.reports.document import Chart, ChartKind, ColumnKind, Heading, Paragraph, Table
from citystrategy.reports.document import Section as DocSection
from citystrategy.reports.tables import indicators as t
from tests.factories import make_indicator, make_observation, make_strategy, make_target
from tests.language import english_words, identifiers, polish_words

#: (name as printed, 2023 value, 2022 value) from the source's section 3.
SOURCE_VALUES = (
    (
        "Odsetek kielczanek i kielczan uważających, że Miasto Kielce zapewnia równe warunki do "
        "życia i rozwoju wszystkim swoim mieszkańcom",
        "5.2",
        "12.3",
    ),
    ("Stopa bezrobocia rejestrowanego w Kielcach", "4.6", "4.6"),
    ("Liczba fundacji", "266", "254"),
    ("Kwota budżetu obywatelskiego", "8400000", "8000000"),
    ("Zużycie energii elektrycznej w miejskich instytucjach publicznych", "31791.00", "29493.48"),
    ("Dochody miasta", "1679523470.54", "1579375948.66"),
    ("Przeciętne miesięczne wynagrodzenie brutto w sektorze przedsiębiorstw", "6096.69", "5499.85"),
    ("Roczna liczba wydarzeń kulturalnych", "837", "359"),
)
#: The four values printed ``- *`` in 2023 (no data yet in GUS BDL), with their 2022 values.
NOT_YET_PUBLISHED = {
    "Nakłady inwestycyjne w przedsiębiorstwach (tys. zł.)": "1594522",
    "Kapitał zagraniczny (mln zł.)": "768.6",
    "Liczba podmiotów gospodarki narodowej z udziałem kapitału zagranicznego": "68",
    "Liczba miejsc noclegowych na 1000 mieszkańców": "22.5",
}
REVENUE = "Dochody miasta"


@pytest.fixture(scope="module")
def table(kielce: Strategy) -> pd.DataFrame:
    """Kielce's indicator table for 2023."""
    return t.indicator_values_table(kielce, 2023)


def _row(table: pd.DataFrame, name: str) -> pd.Series[Any]:
    rows = table[table[t.NAME] == name]
    assert len(rows) == 1, name
    return rows.iloc[0]


def test_one_row_per_indicator_in_the_reports_order(table: pd.DataFrame) -> None:
    """112 rows: the 4 impact indicators first, then the result indicators goal by goal."""
    assert len(table) == 112
    assert list(table.columns) == list(t.INDICATOR_COLUMNS)
    assert table[t.LEVEL].tolist()[:5] == ["impact"] * 4 + ["result"]
    assert table[t.GOAL].tolist()[:4] == ["1", "2", "3", "4"]
    goals = table[t.GOAL].tolist()[4:]
    order = [goal for i, goal in enumerate(goals) if i == 0 or goals[i - 1] != goal]
    assert order[:3] == ["1.1", "1.2", "1.3"]
    assert order[-1] == "4.4"
    assert len(order) == 18
    first = _row(table, "Stopa bezrobocia rejestrowanego w Kielcach")
    assert (first[t.STRATEGIC_GOAL], first[t.STRATEGIC_GOAL_NAME]) == ("1", "Miasto dla każdego")
    assert first[t.GOAL_NAME] == "Miasto równych szans"


@pytest.mark.parametrize(("name", "value", "previous"), SOURCE_VALUES)
def test_values_are_the_reports_own(
    table: pd.DataFrame, name: str, value: str, previous: str
) -> None:
    """The 2023 and 2022 values are exact Decimals equal to the printed ones."""
    row = _row(table, name)
    assert isinstance(row[t.VALUE], Decimal)
    assert isinstance(row[t.PREVIOUS_VALUE], Decimal)
    assert (row[t.VALUE], row[t.PREVIOUS_VALUE]) == (Decimal(value), Decimal(previous))
    assert row[t.PREVIOUS_YEAR] == 2022
    assert row[t.CHANGE] == Decimal(value) - Decimal(previous)


def test_the_citys_revenue_stays_exact_to_the_grosz(table: pd.DataFrame) -> None:
    """1 679 523 470,54 zł, its change and its target 1 746 990 947 zł are exact, in PLN."""
    row = _row(table, REVENUE)
    assert str(row[t.VALUE]) == "1679523470.54"
    assert row[t.CHANGE] == Decimal("100147521.88")  # 1 679 523 470,54 − 1 579 375 948,66
    assert (row[UNIT], row[t.CHANGE_UNIT]) == ("PLN", "PLN")
    assert (row[t.TARGET_KIND], row[t.TARGET_VALUE]) == ("at_least", Decimal("1746990947"))
    assert row[t.TARGET_RAW] == "1 746 990 947 zł"


def test_the_four_values_not_yet_in_bdl_are_missing_with_their_reason(
    table: pd.DataFrame,
) -> None:
    """``- *`` values are missing (never 0), with the source's sign and reason beside them."""
    missing = table[table[t.VALUE].isna()]
    assert sorted(missing[t.NAME]) == sorted(NOT_YET_PUBLISHED)
    for name, previous in NOT_YET_PUBLISHED.items():
        row = _row(table, name)
        assert row[t.VALUE] is None
        assert row[t.MISSING_MARKER] == "- *"
        assert "Bazie Danych Lokalnych GUS" in row[t.MISSING_REASON]
        assert row[t.PREVIOUS_VALUE] == Decimal(previous)
        assert row[t.STATUS] == "not_assessable"
        assert math.isnan(row[t.SCORE])
        assert "no_value_in_year" in row[t.NOTES]
        assert pd.isna(row[t.CHANGE])
    present = table[table[t.VALUE].notna()]
    assert present[t.MISSING_CODE].isna().all()
    assert present[t.MISSING_MARKER].isna().all()


def test_a_percentage_changes_in_percentage_points(table: pd.DataFrame) -> None:
    """12,3% to 5,2% is −7,1 p.p.; a count changes in its own unit."""
    share = _row(table, SOURCE_VALUES[0][0])
    assert (share[t.CHANGE], share[t.CHANGE_UNIT]) == (Decimal("-7.1"), "percentage_point")
    count = _row(table, "Liczba fundacji")
    assert (count[t.CHANGE], count[t.CHANGE_UNIT]) == (Decimal(12), count[UNIT])


def test_survey_significance(table: pd.DataFrame) -> None:
    """A survey fall of 7,1 p.p. on 248 answers is significant; +0,5 p.p. is not; counts have none."""
    fall = _row(table, SOURCE_VALUES[0][0])
    assert fall[t.SURVEY]
    assert fall[t.SIGNIFICANT]
    assert round(fall[t.P_VALUE], 4) == 0.0019  # two-proportion test: 12,3% of 593, 5,2% of 248
    small = _row(
        table,
        "Odsetek kielczanek i kielczan uważających, że Kielce są miastem stwarzającym klimat i "
        "warunki do działalności społecznej",
    )
    assert (small[t.VALUE], small[t.PREVIOUS_VALUE]) == (Decimal("14.5"), Decimal("14"))
    assert not small[t.SIGNIFICANT]
    assert small[t.TREND] == "not_significant"
    assert small[t.P_VALUE] > 0.05
    count = _row(table, "Liczba fundacji")
    assert pd.isna(count[t.SIGNIFICANT])
    assert math.isnan(count[t.P_VALUE])


def test_an_unchanged_survey_share_is_not_a_significant_change(kielce: Strategy) -> None:
    """KIE-3.3-07 at 6,2% in 2022 and, changed here, in 2023 too: unchanged, p = 1, not significant."""
    observations = [
        attrs.evolve(o, value=Decimal("6.2"), raw="6,2%")
        if (o.indicator, o.year) == ("KIE-3.3-07", 2023)
        else o
        for o in kielce.observations
    ]
    table = t.indicator_values_table(attrs.evolve(kielce, observations=observations), 2023)
    same = table[table[t.CODE] == "KIE-3.3-07"].iloc[0]
    assert (same[t.VALUE], same[t.PREVIOUS_VALUE]) == (Decimal("6.2"), Decimal("6.2"))
    assert same[t.TREND] == "unchanged"
    assert same[t.P_VALUE] == pytest.approx(1)
    assert not same[t.SIGNIFICANT]


def test_targets_are_data(table: pd.DataFrame) -> None:
    """``<45`` and ``20 ug/m3`` are at-most limits; every target is for 2030."""
    ozone = _row(table, "Średnioroczne stężenie zanieczyszczenia O3")
    assert (ozone[t.TARGET_KIND], ozone[t.TARGET_VALUE], ozone[t.TARGET_RAW]) == (
        "at_most",
        Decimal(45),
        "<45",
    )
    assert bool(ozone[t.TARGET_LIMIT])
    assert ozone[t.STATUS] != "target_achieved"
    assert set(table[t.TARGET_YEAR]) == {2030}


def test_the_assessment_is_assess_own(kielce: Strategy, table: pd.DataFrame) -> None:
    """Status, score and trend are those of progress.assess; progress is its P in percent."""
    assessed = assess(kielce, year=2023)
    assert table[t.STATUS].tolist() == assessed["status"].tolist()
    assert table[t.TREND].tolist() == assessed["trend"].tolist()
    pd.testing.assert_series_equal(
        table[t.SCORE], assessed["score"].astype("float64"), check_names=False
    )
    pd.testing.assert_series_equal(
        table[t.PROGRESS], assessed["progress"].astype("float64") * 100, check_names=False
    )


def test_columns_are_typed_and_settings_kept(table: pd.DataFrame) -> None:
    """Numbers are numeric, years Int64, lists tuples; the settings are in attrs."""
    for column in (t.PROGRESS, t.SCORE, t.P_VALUE, t.INTERVAL_LOW):
        assert pd.api.types.is_float_dtype(table[column]), column
    assert str(table[t.PREVIOUS_YEAR].dtype) == "Int64" == str(table[t.TARGET_YEAR].dtype)
    assert all(isinstance(v, Decimal) for v in table[t.VALUE].dropna())
    assert all(isinstance(v, tuple) for v in table[t.NOTES])
    assert all(isinstance(v, tuple) for v in table[t.TARGET_FINDINGS])
    assert (
        "target_contradicts_direction"
        in _row(table, "Udział osób bezrobotnych powyżej roku")[t.TARGET_FINDINGS]
    )
    settings = table.attrs["settings"]
    assert (settings["year"], settings["method"], settings["strategy"]) == (
        2023,
        "ratio",
        "kielce-2030",
    )
    projection = t.indicator_values_table(
        make_strategy(), 2023, options=ProgressOptions(method="projection")
    )
    assert projection.attrs["settings"]["method"] == "projection"


def test_a_year_without_observations_is_refused(kielce: Strategy) -> None:
    """A strategy with no value in the year is a YearError naming the years it has."""
    earlier = attrs.evolve(kielce, observations=[o for o in kielce.observations if o.year != 2023])
    with pytest.raises(YearError, match="2022"):
        t.indicator_values_table(earlier, 2023)
    with pytest.raises(YearError):
        t.indicators_section(earlier, 2023)


def test_an_indicator_without_an_observation_says_so(kielce: Strategy) -> None:
    """An indicator the data hold nothing for in the year is missing as ``no_observation``."""
    dropped = [
        o for o in kielce.observations if not (o.indicator == "KIE-1.1-01" and o.year == 2023)
    ]
    strategy = attrs.evolve(kielce, observations=dropped)
    row = t.indicator_values_table(strategy, 2023).set_index(t.CODE).loc["KIE-1.1-01"]
    assert row[t.VALUE] is None
    assert row[t.MISSING_CODE] == "no_observation"
    assert pd.isna(row[t.MISSING_MARKER])
    assert row[t.STATUS] == "not_assessable"
    section = t.indicators_section(strategy, 2023)
    frame = section.tables[0].frame.set_index(t.CODE)
    assert frame.loc["KIE-1.1-01", "value_note"] == "brak wartości za 2023\xa0r."


def test_goal_scores(kielce: Strategy) -> None:
    """Goal 3.3 has 4 of 7 indicators scored (57,1%): below 60% it is not assessable."""
    goals = t.goal_scores_table(kielce, 2023).set_index(t.GOAL)
    assert len(goals) == 4 + 18
    row = _row(
        t.goal_scores_table(kielce, 2023),
        "Miasto wspierające przedsiębiorców lokalnych i inwestorów",
    )
    assert (row[t.INDICATORS], row[t.SCORED]) == (7, 4)
    assert row[t.COVERAGE] == pytest.approx(400 / 7)
    assert row[t.STATUS] == "not_assessable"
    assert math.isnan(row[t.SCORE])
    assert goals.loc["1", t.INDICATORS] == 24
    assert goals.loc["1", t.LEVEL] == "strategic"
    assert goals.loc["1.1", t.STRATEGIC_GOAL] == "1"
    settings = t.goal_scores_table(kielce, 2023, min_coverage=Percent(50)).attrs["settings"]
    assert settings["min_coverage"] == Percent(50)
    lower = t.goal_scores_table(kielce, 2023, min_coverage=Percent(50)).set_index(t.GOAL)
    assert lower.loc["3.3", t.STATUS] != "not_assessable"


def test_a_goal_below_coverage_says_why(kielce: Strategy) -> None:
    """Goal 3.3's missing score is explained by the coverage threshold, in the locale."""
    for locale, reason in (
        ("pl_PL", "ocenę ma mniej niż 60% wskaźników celu"),
        ("en_GB", "fewer than 60% of its indicators have a score"),
    ):
        frame = t.goal_scores_section(kielce, 2023, locale=locale).tables[0].frame
        row = frame[frame[t.GOAL] == "3.3"].iloc[0]
        assert row["reason"] == reason
        assert frame["reason"].notna().sum() == 1


def test_a_small_strategy_with_a_range_and_an_unknown_goal() -> None:
    """A range target shows its two ends; an indicator of an unknown goal gets a table of its own."""
    base = make_strategy()
    band = make_indicator(
        code="T-2.1-01",
        name="Odsetek w przedziale",
        goal_code="2.1",
        unit="percent",
        direction=Direction.WITHIN_RANGE,
        target=make_target(kind=TargetKind.WITHIN_RANGE, value=None, low=40, high=60, raw="40-60"),
    )
    stray = make_indicator(code="T-9.1-01", name="Liczba zbłąkanych", goal_code="9.1")
    observations = [
        *base.observations,
        *(
            make_observation(indicator="T-2.1-01", year=y, value=v)
            for y, v in ((2022, 30), (2023, 45))
        ),
        make_observation(indicator="T-9.1-01", year=2023, value=1),
    ]
    strategy = attrs.evolve(
        base, indicators=(*base.indicators, band, stray), observations=observations
    )
    table = t.indicator_values_table(strategy, 2023)
    row = _row(table, band.name)
    assert row[t.TARGET_LOW] == Decimal(40)
    assert row[t.TARGET_HIGH] == Decimal(60)
    assert row[t.STATUS] == "target_achieved"  # 45 lies within 40–60
    assert table[t.GOAL_NAME].isna().sum() == 1
    section = t.indicators_section(strategy, 2023, locale="en_GB")
    keys = [column.key for column in section.tables[0].columns]
    assert t.TARGET_LOW in keys
    assert t.TARGET_HIGH in keys
    headings = [block.text for block in section.blocks if isinstance(block, Heading)]
    assert headings[-1] == "Indicators of unknown goals"
    assert sum(len(table.frame) for table in section.tables) == 4


def test_findings_table(kielce: Strategy) -> None:
    """Every finding of check, its typed values as data, its description in the locale."""
    report = check(kielce)
    polish = t.findings_table(report)
    english = t.findings_table(report, locale="en_GB")
    assert len(polish) == len(report)
    assert list(polish.columns) == list(t.FINDING_COLUMNS)
    assert polish[t.DESCRIPTION].tolist() == [describe_finding(f) for f in report]
    assert english[t.DESCRIPTION].tolist() == [describe_finding(f, locale="en_GB") for f in report]
    total = polish[(polish[t.ABOUT] == "report") & (polish[t.KIND] == "declared_figure_mismatch")]
    assert Money(Decimal("85665519.74")) in set(total[t.FOUND])  # the report's declared total
    goal = polish[(polish[t.ABOUT] == "goal") & (polish[t.KIND] == "declared_figure_mismatch")]
    assert "1" in set(goal[t.GOAL])
    missing = polish[polish[t.KIND] == "missing_value"]
    assert len(missing) == 4
    assert set(missing[YEAR]) == {2023}
    assert set(missing[t.ABOUT]) == {"indicator"}
    assert all(isinstance(v, tuple) for v in polish[t.VALUES])


def test_observations_table(kielce: Strategy) -> None:
    """The long data: 112 indicators x 2 years for Kielce (TERYT 2661011), exact and with reasons."""
    data = t.observations_table(kielce)
    assert list(data.columns) == list(t.OBSERVATION_COLUMNS)
    assert len(data) == 224
    assert set(data[TERRITORY]) == {"2661011"}
    assert set(data[YEAR]) == {2022, 2023}
    revenue = data[(data[INDICATOR] == "KIE-3.1-01") & (data[YEAR] == 2023)]
    assert revenue[t.VALUE].tolist() == [Decimal("1679523470.54")]
    gaps = data[data[t.VALUE].isna()]
    assert len(gaps) == 4
    assert set(gaps[t.MISSING_MARKER]) == {"- *"}
    assert gaps[t.MISSING_REASON].str.contains("GUS").all()


# --- the sections -----------------------------------------------------------------------------


def test_the_indicators_section_declares_its_column_kinds(kielce: Strategy) -> None:
    """Per strategic goal a table (measures with their units, statuses with tones) and a bar chart."""
    section = t.indicators_section(kielce, 2023)
    assert len(section.sheet) <= 31
    assert section.sheet == "3. Wskaźniki"
    assert len(section.tables) == 4
    assert sum(len(table.frame) for table in section.tables) == 112
    kinds = {column.key: column for column in section.tables[0].columns}
    assert kinds[t.VALUE].kind is ColumnKind.MEASURE
    assert kinds[t.VALUE].unit_key == UNIT
    assert kinds[t.VALUE].reason_key == "value_note"
    assert kinds[t.CHANGE].kind is ColumnKind.MEASURE
    assert kinds[t.CHANGE].unit_key == t.CHANGE_UNIT
    assert kinds[t.TARGET_VALUE].kind is ColumnKind.MEASURE
    assert kinds[t.STATUS].kind is ColumnKind.STATUS
    assert kinds[t.STATUS].tones["deterioration"].value == "bad"
    assert kinds[t.STATUS].labels["deterioration"] == "regres"
    assert kinds[t.TREND].kind is ColumnKind.STATUS
    assert kinds[t.SCORE].kind is ColumnKind.SCORE
    assert kinds[t.PROGRESS].kind is ColumnKind.PROGRESS
    assert kinds[t.SIGNIFICANT].kind is ColumnKind.BOOLEAN
    charts = [block for block in section.blocks if isinstance(block, Chart)]
    assert len(charts) == 4
    assert {chart.kind for chart in charts} == {ChartKind.BAR}
    assert charts[2].series == (t.SCORE,)
    assert charts[2].category == t.CODE
    assert len(charts[2].table.frame) == 34  # goal 3: 1 impact and 33 result indicators
    third = section.tables[2].frame.set_index(t.CODE)
    assert str(third.loc["KIE-3.3-02", "value_note"]).startswith(
        "brak wartości za 2023\xa0r. (- *): "
    )


def test_the_other_sections_declare_their_column_kinds(kielce: Strategy) -> None:
    """Goal scores: coverage in percent, score, status; findings: severity; data: numbers."""
    goals = t.goal_scores_section(kielce, 2023)
    kinds = {column.key: column.kind for column in goals.tables[0].columns}
    assert kinds[t.COVERAGE] is ColumnKind.PERCENT
    assert kinds[t.SCORE] is ColumnKind.SCORE
    assert kinds[t.STATUS] is ColumnKind.STATUS
    assert len(goals.tables[0].frame) == 22
    findings = t.findings_section(kielce, year=2023)
    columns = {column.key: column for column in findings.tables[0].columns}
    assert columns[t.SEVERITY].kind is ColumnKind.STATUS
    assert findings.tables[0].frame[t.SEVERITY].tolist()[0] == "warning"  # most serious first
    assert len(findings.tables[0].frame) == len(check(kielce))
    block = t.data_table_block(kielce, locale="pl_PL")
    value = {column.key: column for column in block.columns}[t.VALUE]
    assert value.kind is ColumnKind.NUMBER  # a plain number: the unit is said once, beside it
    assert not value.unit_key
    assert "unit_label" in [column.key for column in block.columns]
    assert not value.reason_key  # numbers only: a missing value's reason has its own column
    for section in (goals, findings):
        assert 0 < len(section.sheet) <= 31


@pytest.mark.parametrize(("locale", "count"), [("pl_PL", "liczba"), ("en_GB", "number")])
def test_the_data_table_names_every_unit(kielce: Strategy, locale: str, count: str) -> None:
    """Every value's unit of measure is named, a plain count's too (KIE-2.3-01: liczba)."""
    frame = t.data_table_block(kielce, locale=locale).frame
    assert frame["unit_label"].map(bool).all()
    assert set(frame.loc[frame[INDICATOR] == "KIE-2.3-01", "unit_label"]) == {count}
    assert set(frame.loc[frame[INDICATOR] == "KIE-2.4-01", "unit_label"]) == {"µg/m³"}


def test_findings_of_later_years_stay_out(kielce: Strategy) -> None:
    """A report on 2022 leaves out the findings about 2023 values and the 2023 report."""
    earlier = t.findings_section(kielce, year=2022).tables[0].frame
    assert len(earlier) < len(check(kielce))
    assert (earlier[YEAR].dropna() <= 2022).all()


def _words(section: DocSection | Table) -> Iterator[str]:
    """Every text of a section a reader sees: titles, headings, column titles, shown labels."""
    tables: list[Table] = []
    if isinstance(section, Table):
        tables.append(section)
    else:
        yield section.title
        for block in section.blocks:
            if isinstance(block, Heading | Paragraph):
                yield block.text
            elif isinstance(block, Table):
                tables.append(block)
            elif isinstance(block, Chart):
                yield block.title
                yield block.axis_title
                tables.append(block.table)
    for table in tables:
        yield table.title
        for column in table.columns:
            yield column.title
            yield column.note
            values = table.frame[column.key]
            if column.labels:
                yield from (column.labels[v] for v in values.dropna() if v in column.labels)
            elif column.kind is ColumnKind.TEXT:
                yield from (str(v) for v in values.dropna())
            if column.reason_key:
                yield from (str(v) for v in table.frame[column.reason_key].dropna())


def _sections(strategy: Strategy, locale: str) -> list[DocSection | Table]:
    return [
        t.indicators_section(strategy, 2023, locale=locale),
        t.goal_scores_section(strategy, 2023, locale=locale),
        t.findings_section(strategy, year=2023, locale=locale),
        t.data_table_block(strategy, locale=locale),
    ]


def _names(strategy: Strategy) -> list[str]:
    """The data's own names and texts (Polish in both reports)."""
    names = [
        strategy.title,
        *(i.name for i in strategy.indicators),
        *(i.code for i in strategy.indicators),
    ]
    names += [g.name for g in strategy.strategic_goals] + [
        g.name for g in strategy.operational_goals
    ]
    names += [o.missing.text.rstrip(". ") for o in strategy.observations if o.missing]
    names += [i.source for i in strategy.indicators]
    return names


def test_sections_in_polish(kielce: Strategy) -> None:
    """The Polish sections have no English words and no identifiers."""
    text = "\n".join(word for section in _sections(kielce, "pl_PL") for word in _words(section))
    names = _names(kielce) + [describe_finding(f) for f in check(kielce)]
    assert "Cel strategiczny 1. Miasto dla każdego" in text
    assert "Wartość w 2023\xa0r." in text
    assert english_words(text, names=names) == []
    assert identifiers(text, names=names) == []


def test_sections_in_english(kielce: Strategy) -> None:
    """The English sections have no Polish words of the software and no identifiers."""
    text = "\n".join(word for section in _sections(kielce, "en_GB") for word in _words(section))
    names = _names(kielce) + [describe_finding(f, locale="en_GB") for f in check(kielce)]
    assert "Strategic goal 1. Miasto dla każdego" in text
    assert "Value in 2023" in text
    assert "no value for 2023 (- *): " in text
    assert polish_words(text, names=names) == []
    assert identifiers(text, names=names) == []
    section = t.indicators_section(kielce, 2023, locale="en_GB")
    assert section.sheet == "3. Indicators"
    status = {column.key: column for column in section.tables[0].columns}[t.STATUS]
    assert status.labels["deterioration"] == "deterioration"
