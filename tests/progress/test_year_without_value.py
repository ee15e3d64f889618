"""A reporting year without an indicator's value: no change and no trend ending elsewhere.

Kielce's shipped data with one indicator's 2023 value dropped (missing, with GUS's sign) and a
2021 value added before it, so that the method still has a pair of earlier years (2021→2022)
whose trend must not be shown as 2023's.
"""

from __future__ import annotations

import math
from decimal import Decimal

import attrs
import pytest

from citystrategy.model import Missing, Observation, Strategy
from citystrategy.progress import assess
from citystrategy.reports import format_assessment
from citystrategy.reports.cells import table_rows
from citystrategy.reports.document import Table
from citystrategy.reports.tables import indicator_values_table, indicators_section
from tests.collect.helpers import tsv

#: Unemployment over a year (lower is better): 39,5% in 2022, 36,3% in 2023 (indicators.tsv).
CODE = "KIE-1.1-02"
#: A survey share: 12,3% of 593 answers in 2022, 5,2% of 248 in 2023.
SURVEY = "KIE-1-01"
#: The survey's number of answers.
ANSWERS = "KIE-1.3-06"


def _without_2023(kielce: Strategy) -> Strategy:
    """Kielce with 2021 values of CODE (45%), SURVEY (10%) and ANSWERS (500), and the 2023
    values of CODE and SURVEY missing ('.', no data)."""
    territory = kielce.territory.id
    kept = []
    for observation in kielce.observations:
        if observation.indicator in (CODE, SURVEY) and observation.year == 2023:
            missing = Missing(code="missing", marker=".", text="no data from the unit")
            observation = attrs.evolve(observation, value=None, missing=missing, raw=".")
        kept.append(observation)
    earlier = [
        Observation(indicator=code, territory=territory, year=2021, value=Decimal(value))
        for code, value in ((CODE, "45"), (SURVEY, "10"), (ANSWERS, "500"))
    ]
    return attrs.evolve(kielce, observations=[*kept, *earlier])


def test_the_shipped_values_are_those_the_tests_assume() -> None:
    """The 2022 values the tests expect as the previous ones are the shipped data's."""
    rows = {row["code"]: row for row in tsv("indicators.tsv")}
    assert rows[CODE]["value_2022"] == "39,5%"
    assert rows[SURVEY]["value_2022"] == "12,3 %"


def test_no_trend_of_the_earlier_pair_in_the_year(kielce: Strategy) -> None:
    """2023 has no value: no change, no trend, no survey test; 2022's value is the previous."""
    table = assess(_without_2023(kielce), year=2023).set_index("code")
    for code, previous in ((CODE, "39.5"), (SURVEY, "12.3")):
        row = table.loc[code].to_dict()
        assert row["value"] is None
        assert row["missing"] == "no data from the unit"
        assert row["change"] is None
        assert row["trend"] == "not_assessable"  # 45% → 39,5% improved, but not in 2023
        assert str(row["previous_value"]) == previous
        assert (row["previous_year"], row["current_year"]) == (2022, 2022)
        assert math.isnan(float(row["p_value"]))
        assert math.isnan(float(row["interval_low"]))
    # a value of the year keeps its trend: unemployment in the shipped data fell 39,5% → 36,3%
    shipped = assess(kielce, year=2023).set_index("code")
    assert (shipped.loc[CODE, "trend"], str(shipped.loc[CODE, "change"])) == ("improved", "-3.2")


def test_the_survey_interval_of_the_latest_value_is_the_previous_one(kielce: Strategy) -> None:
    """The 2022 share's Wilson interval (12,3% of 593) is the previous interval, none in 2023."""
    row = assess(_without_2023(kielce), year=2023).set_index("code").loc[SURVEY].to_dict()
    z = 1.959963984540054
    share, n = 0.123, 593
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert row["previous_interval_low"] == pytest.approx((centre - half) * 100)
    assert row["previous_interval_high"] == pytest.approx((centre + half) * 100)


@pytest.mark.parametrize(
    ("locale", "trend", "previous"),
    [("pl_PL", "brak oceny", "39,5%"), ("en_GB", "not assessable", "39.5%")],
    ids=["pl", "en"],
)
def test_the_report_row_shows_no_trend(
    kielce: Strategy, locale: str, trend: str, previous: str
) -> None:
    """Section 3's row of the indicator: the reason, 2022 as the previous year, no trend."""
    strategy = _without_2023(kielce)
    values = indicator_values_table(strategy, 2023).set_index("code")
    assert values.loc[CODE, "trend"] == "not_assessable"
    assert values.loc[CODE, "change"] is None
    section = indicators_section(strategy, 2023, locale=locale)
    for table in (block for block in section.blocks if isinstance(block, Table)):
        keys = [column.key for column in table.columns]
        for cells in table_rows(table, locale=locale):
            row = dict(zip(keys, cells, strict=True))
            if row["code"] == CODE:
                assert row["trend"] == trend
                assert row["previous_value"] == previous
                assert row["previous_year"] == "2022"
                assert "no data from the unit" in row["value"]
                return
    raise AssertionError(f"{CODE} not in section 3")


def test_format_assessment_shows_no_trend_and_the_reason(kielce: Strategy) -> None:
    """assess's text: the reason in place of the value, the trend not assessable."""
    strategy = _without_2023(kielce)
    text = format_assessment(assess(strategy, year=2023), year=2023, locale="en_GB")
    line = next(line for line in text.splitlines() if line.startswith(CODE + " "))
    assert "no data from the unit" in line
    assert "not assessable" in line
    assert "improved" not in line
