"""Ranks, percentiles, min–max scores, z-scores, distances, change and quadrants of a city among
its peers, checked against values worked out by hand from the panel; derived indicators with
units; the synthetic index; caveats."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from citystrategy.compare import (
    COMPARISON_COLUMNS,
    benchmark_group,
    caveats_for,
    compare,
    density,
    per_inhabitants,
    rank_within,
    sample_panel,
    synthetic_index,
)
from citystrategy.errors import ArgumentError, ArgumentTypeError, UnknownCodeError, YearError
from citystrategy.percent import Percent

# The benchmark group of Kielce's strategy with Kielce, from cities_panel.csv:
#
#   registered unemployment rate, %    2021   2023   change 2021–2023 (p.p.)
#   Kielce     (2661011)                5.2    4.6   −0.6
#   Białystok  (2061011)                6.1    5.0   −1.1
#   Lublin     (0663011)                5.2    4.2   −1.0
#   Olsztyn    (2862011)                2.2    2.1   −0.1
#   Opole      (1661011)                3.2    2.9   −0.3
#   Rzeszów    (1863011)                4.9    4.0   −0.9
#
#   average gross monthly wage, zł 2023: Kielce 7062.45, Białystok 7089.31, Lublin 7443.57,
#   Olsztyn 7386.70, Opole 7516.59, Rzeszów 7428.94


@pytest.fixture(scope="module")
def unemployment() -> pd.DataFrame:
    """Kielce and its benchmark cities on unemployment in 2023, indexed by name."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=benchmark_group(),
        indicators=["unemployment_rate"],
        year=2023,
    )
    return table.set_index("name")


def test_columns_and_order(unemployment: pd.DataFrame) -> None:
    """Kielce comes first, then its peers in the group's order, with every column."""
    assert ["name", *unemployment.columns] == [
        "name",
        *(c for c in COMPARISON_COLUMNS if c != "name"),
    ]
    assert unemployment.index.tolist() == [
        "Kielce",
        "Białystok",
        "Lublin",
        "Olsztyn",
        "Opole",
        "Rzeszów",
    ]
    assert unemployment.focus.tolist() == [True, False, False, False, False, False]


def test_ranks_lower_is_better(unemployment: pd.DataFrame) -> None:
    """Lower unemployment is better: Olsztyn 2.1 (1), Opole 2.9 (2), Rzeszów 4.0 (3),
    Lublin 4.2 (4), Kielce 4.6 (5), Białystok 5.0 (6)."""
    ranks = unemployment["rank"].to_dict()
    assert ranks == {
        "Olsztyn": 1,
        "Opole": 2,
        "Rzeszów": 3,
        "Lublin": 4,
        "Kielce": 5,
        "Białystok": 6,
    }
    assert (unemployment.ranked == 6).all()
    assert (unemployment.missing == 0).all()
    assert (unemployment.direction == "lower_is_better").all()


def test_percentiles(unemployment: pd.DataFrame) -> None:
    """Percent of the 5 others it beats: Olsztyn 5/5 = 100, Opole 4/5 = 80, Rzeszów 60,
    Lublin 40, Kielce 1/5 = 20, Białystok 0."""
    assert unemployment.percentile.to_dict() == pytest.approx(
        {"Olsztyn": 100, "Opole": 80, "Rzeszów": 60, "Lublin": 40, "Kielce": 20, "Białystok": 0}
    )


def test_min_max_scores(unemployment: pd.DataFrame) -> None:
    """Score = (worst − value) / (worst − best) = (5.0 − v) / 2.9: Kielce 0.4/2.9 = 0.137931,
    Opole 2.1/2.9 = 0.724138, Rzeszów 1.0/2.9 = 0.344828, Lublin 0.8/2.9 = 0.275862,
    Olsztyn 1, Białystok 0."""
    assert unemployment.score.to_dict() == pytest.approx(
        {
            "Kielce": 0.137931,
            "Białystok": 0.0,
            "Lublin": 0.275862,
            "Olsztyn": 1.0,
            "Opole": 0.724138,
            "Rzeszów": 0.344828,
        },
        abs=1e-6,
    )


def test_z_score_median_and_best(unemployment: pd.DataFrame) -> None:
    """Mean 22.8/6 = 3.8; squared deviations 0.64 + 1.44 + 0.16 + 2.89 + 0.81 + 0.04 = 5.98,
    sd = √(5.98/6) = 0.998332, Kielce z = 0.8/0.998332 = 0.801337. Median (4.0 + 4.2)/2 = 4.1:
    Kielce +0.5 from it; best 2.1: Kielce 2.5 from it."""
    kielce = unemployment.loc["Kielce"]
    assert kielce.z == pytest.approx(0.801337, abs=1e-6)
    assert kielce["median"] == pytest.approx(4.1)
    assert kielce.to_median == pytest.approx(0.5)
    assert kielce.best == pytest.approx(2.1)
    assert kielce.to_best == pytest.approx(2.5)


def test_change_in_percentage_points_and_quadrants(unemployment: pd.DataFrame) -> None:
    """A rate changes in p.p. (2021 to 2023). Improvement is the fall: Kielce 0.6, Białystok 1.1,
    Lublin 1.0, Olsztyn 0.1, Opole 0.3, Rzeszów 0.9; its median (0.6 + 0.9)/2 = 0.75. The level's
    median is 4.1. Kielce: worse level (4.6), smaller fall: lagging. Lublin: 4.2 worse, 1.0
    fall: catching up. Olsztyn: best level, 0.1 fall: slipping. Rzeszów: 4.0, 0.9: leading."""
    assert (unemployment.change_unit == "percentage_point").all()
    assert (unemployment.base_year == 2021).all()
    assert unemployment.change.to_dict() == pytest.approx(
        {
            "Kielce": -0.6,
            "Białystok": -1.1,
            "Lublin": -1.0,
            "Olsztyn": -0.1,
            "Opole": -0.3,
            "Rzeszów": -0.9,
        }
    )
    assert unemployment.quadrant.to_dict() == {
        "Kielce": "lagging",
        "Białystok": "catching_up",
        "Lublin": "catching_up",
        "Olsztyn": "slipping",
        "Opole": "slipping",
        "Rzeszów": "leading",
    }


def test_change_of_a_level_is_cagr() -> None:
    """Kielce's population 185 478 (2021) -> 182 295 (2023): (182295/185478)^(1/2) − 1
    = 0.982839^0.5 − 1 = −0.8618% a year."""
    table = compare(
        sample_panel(), focus="Kielce", peers=["Lublin"], indicators=["population"], year=2023
    )
    kielce = table[table.focus].iloc[0]
    assert kielce.change_unit == "percent"
    assert kielce.change == pytest.approx(-0.8618, abs=1e-4)


def test_base_year_chooses_the_period() -> None:
    """From 2022 (4.6) to 2023 (4.6) Kielce's rate did not change."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=benchmark_group(),
        indicators=["unemployment_rate"],
        year=2023,
        base_year=2022,
    )
    assert table[table.focus].change.item() == pytest.approx(0.0)


def _ties() -> pd.DataFrame:
    """Four territories, higher is better: A 3, B 2, C 2, D 1, E missing."""
    return pd.DataFrame(
        {
            "territory": ["A", "B", "C", "D", "E"],
            "indicator": "x",
            "unit": "count",
            "year": 2023,
            "value": [3.0, 2.0, 2.0, 1.0, math.nan],
            "flag": [None, None, None, None, "not_published"],
        }
    )


def test_ties_share_the_best_rank_and_missing_is_counted() -> None:
    """B and C tie at 2: both rank 2, D ranks 4. Percentiles: A beats 3 of 3 (100), B and C beat
    1 of 3 (33.3), D none (0). Scores (v − 1)/(3 − 1): 1, 0.5, 0.5, 0. E has no value: no rank,
    counted as missing, its flag kept."""
    table = compare(
        _ties(),
        focus="A",
        peers=["B", "C", "D", "E"],
        indicators=["x"],
        year=2023,
        directions={"x": "higher_is_better"},
    ).set_index("territory")
    assert table["rank"].iloc[:4].tolist() == [1, 2, 2, 4]
    assert table.percentile.iloc[:4].tolist() == pytest.approx([100, 100 / 3, 100 / 3, 0])
    assert table.score.iloc[:4].tolist() == pytest.approx([1, 0.5, 0.5, 0])
    e = table.loc["E"]
    assert bool(pd.isna(e["rank"]))
    assert bool(pd.isna(e.percentile))
    assert bool(pd.isna(e.score))
    assert e.flag == "not_published"
    assert (table.ranked == 4).all()
    assert (table.missing == 1).all()


def test_a_peer_without_a_row_is_missing_not_dropped() -> None:
    """Jastrzębie-Zdrój's 2023 wage is confidential: it stays, unranked, with its reason."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=["Jastrzębie-Zdrój", "Lublin"],
        indicators=["avg_gross_monthly_wage_pln"],
        year=2023,
    ).set_index("name")
    assert table.loc["Jastrzębie-Zdrój", "flag"] == "confidential"
    assert bool(pd.isna(table.loc["Jastrzębie-Zdrój"]["rank"]))
    assert table["ranked"].iloc[0] == 2
    assert table["missing"].iloc[0] == 1
    # Lublin 7443.57 > Kielce 7062.45
    assert table["rank"].dropna().to_dict() == {"Kielce": 2, "Lublin": 1}


def test_an_indicator_without_a_direction_needs_one() -> None:
    """The area has no better way: ranking it needs an explicit direction."""
    with pytest.raises(ArgumentError, match="'area_km2'"):
        compare(
            sample_panel(), focus="Kielce", peers=["Lublin"], indicators=["area_km2"], year=2023
        )
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=["Lublin"],
        indicators=["area_km2"],
        year=2023,
        directions={"area_km2": "higher_is_better"},
    )
    assert table["rank"].tolist() == [2, 1]  # Kielce 110 km², Lublin 147 km²


def test_bad_year_and_indicator_are_refused() -> None:
    """A year without data names the years there are; an unknown indicator the known ones."""
    with pytest.raises(YearError, match="2021, 2022, 2023"):
        compare(
            sample_panel(), focus="Kielce", peers=["Lublin"], indicators=["population"], year=2030
        )
    with pytest.raises(UnknownCodeError, match="'crime'"):
        compare(sample_panel(), focus="Kielce", peers=["Lublin"], indicators=["crime"], year=2023)


def test_density_is_inhabitants_per_km2() -> None:
    """Kielce 2023: 182 295 inhabitants / 110 km² = 1 657.23 per km²."""
    panel = density(sample_panel())
    row = panel[(panel.indicator == "population_density") & (panel.territory == "2661011")]
    latest = row[row.year == 2023].iloc[0]
    assert latest.unit == "inhabitant / kilometer ** 2"
    assert latest.value == pytest.approx(1657.2273, abs=1e-4)


def test_density_missing_where_an_input_is_missing() -> None:
    """No area, no density: missing with the area's reason."""
    panel = sample_panel()
    gone = (panel.indicator == "area_km2") & (panel.territory == "2661011") & (panel.year == 2023)
    panel.loc[gone, "value"] = math.nan
    panel.loc[gone, "flag"] = "not_published"
    row = density(panel).query(
        "indicator == 'population_density' and territory == '2661011' and year == 2023"
    )
    assert math.isnan(float(row.value.item()))
    assert row.flag.item() == "not_published"


def test_per_inhabitants_uses_the_registry_units() -> None:
    """Kielce's area per 10 000 inhabitants in 2023: 110 / 182 295 x 10 000 = 6.0342 km²."""
    panel = per_inhabitants(sample_panel(), "area_km2", per=10_000)
    row = panel.query(
        "indicator == 'area_km2_per_10000' and territory == '2661011' and year == 2023"
    )
    assert row.unit.item() == "kilometer ** 2 / ten_thousand_inhabitants"
    assert row.value.item() == pytest.approx(6.0342, abs=1e-4)
    per_1000 = per_inhabitants(sample_panel(), "area_km2", per=1000)
    row = per_1000.query(
        "indicator == 'area_km2_per_1000' and territory == '2661011' and year == 2023"
    )
    assert row.value.item() == pytest.approx(0.60342, abs=1e-5)
    with pytest.raises(ArgumentError, match="1000, 10000 or 100000"):
        per_inhabitants(sample_panel(), "area_km2", per=500)


def test_density_change_across_gdansk_new_area_carries_the_caveat() -> None:
    """Gdańsk's area grew from 262 to 683 km² in 2023: its density change since 2021 says so."""
    table = compare(
        density(sample_panel()),
        focus="Gdańsk",
        peers=["Gdynia", "Lublin"],
        indicators=["population_density"],
        year=2023,
    ).set_index("name")
    assert table.loc["Gdańsk", "caveats"] == "area-2023-gulf"
    assert table.loc["Gdynia", "caveats"] == "area-2023-gulf"
    assert table.loc["Lublin", "caveats"] == ""
    assert [c.code for c in caveats_for("0662011", "area_km2", year=2023, base_year=2022)] == [
        "area-2023-boundaries"
    ]


def test_synthetic_index_is_the_weighted_mean_of_scores() -> None:
    """Wage scores (v − 7062.45) / (7516.59 − 7062.45 = 454.14): Kielce 0, Opole 1, Olsztyn
    324.25/454.14 = 0.713987. Equal weights: Kielce (0.137931 + 0)/2 = 0.068966, Olsztyn
    (1 + 0.713987)/2 = 0.856994, Opole (0.724138 + 1)/2 = 0.862069, the best. Weights 3:1:
    Kielce 3 x 0.137931 / 4 = 0.103448, all of it from unemployment."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=benchmark_group(),
        indicators=["unemployment_rate", "avg_gross_monthly_wage_pln"],
        year=2023,
    )
    equal = synthetic_index(table).set_index("name")
    assert equal.loc["Kielce", "index"] == pytest.approx(0.068966, abs=1e-6)
    assert equal.loc["Olsztyn", "index"] == pytest.approx(0.856994, abs=1e-6)
    assert equal.loc["Opole", "index"] == pytest.approx(0.862069, abs=1e-6)
    assert equal.loc["Opole", "rank"] == 1
    assert equal.loc["Olsztyn", "rank"] == 2
    assert (equal.coverage == 100).all()
    weighted = synthetic_index(
        table, weights={"unemployment_rate": 3, "avg_gross_monthly_wage_pln": 1}
    )
    kielce = weighted.set_index("name").loc["Kielce"]
    assert kielce["index"] == pytest.approx(0.103448, abs=1e-6)
    assert kielce["contribution:unemployment_rate"] == pytest.approx(0.103448, abs=1e-6)
    assert kielce["contribution:avg_gross_monthly_wage_pln"] == pytest.approx(0.0)


def test_synthetic_index_coverage_rule() -> None:
    """Jastrzębie-Zdrój has a score on 1 of 2 indicators (50%): an index at a 50% rule, none at
    75%."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=["Jastrzębie-Zdrój", "Lublin"],
        indicators=["unemployment_rate", "avg_gross_monthly_wage_pln"],
        year=2023,
    )
    half = synthetic_index(table, min_coverage=Percent(50)).set_index("name")
    assert half.loc["Jastrzębie-Zdrój", "coverage"] == pytest.approx(50)
    assert not bool(pd.isna(half.loc["Jastrzębie-Zdrój"]["index"]))
    strict = synthetic_index(table, min_coverage=Percent(75)).set_index("name")
    assert bool(pd.isna(strict.loc["Jastrzębie-Zdrój"]["index"]))
    assert bool(pd.isna(strict.loc["Jastrzębie-Zdrój"]["rank"]))
    with pytest.raises(ArgumentTypeError):
        synthetic_index(table, min_coverage=50)  # type: ignore[arg-type]


def test_rank_within_groups_matches_the_hand_calculation() -> None:
    """Ties frame in one group: ranks 1, 2, 2, 4; percentiles 100, 33.3, 33.3, 0; scores 1, 0.5,
    0.5, 0 (as in the compare test); E, missing, gets none; F, in a group of its own, is 1st with
    no percentile and a score of 1."""
    frame = pd.concat(
        [_ties(), _ties().iloc[[0]].assign(territory="F", value=9.0)], ignore_index=True
    )
    groups = {"A": "g", "B": "g", "C": "g", "D": "g", "E": "g", "F": "h"}
    ranked = rank_within(frame, by=groups, directions={"x": "higher_is_better"}).set_index(
        "territory"
    )
    assert ranked["rank"].iloc[:4].tolist() == [1, 2, 2, 4]
    assert ranked.percentile.iloc[:4].tolist() == pytest.approx([100, 100 / 3, 100 / 3, 0])
    assert ranked.score.iloc[:4].tolist() == pytest.approx([1, 0.5, 0.5, 0])
    assert bool(pd.isna(ranked.loc["E"]["rank"]))
    assert ranked.loc["F"]["rank"] == 1
    assert bool(pd.isna(ranked.loc["F"]["percentile"]))
    assert ranked.loc["F"]["score"] == 1


def test_rank_within_voivodeships_of_the_panel() -> None:
    """Lubelskie 2023, lower unemployment better: Lublin 4.2 (1), then Biała Podlaska, Chełm
    and Zamość from the file, ranked by hand with the csv module."""
    import csv
    import io
    from importlib.resources import files

    text = (files("citystrategy.compare") / "data" / "cities_panel.csv").read_text("utf-8")
    rates = {
        r["teryt_gmina"]: float(r["value"])
        for r in csv.DictReader(io.StringIO(text))
        if r["indicator"] == "unemployment_rate"
        and r["year"] == "2023"
        and r["teryt_gmina"][:2] == "06"
    }
    expected = {code: 1 + sum(v < rates[code] for v in rates.values()) for code in rates}
    panel = sample_panel().query("indicator == 'unemployment_rate'")
    ranked = rank_within(panel).query("year == 2023 and group == '06'")
    assert dict(zip(ranked.territory, ranked["rank"], strict=True)) == expected
    assert expected["0663011"] == 1  # Lublin
