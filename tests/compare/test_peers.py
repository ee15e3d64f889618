"""Peer groups as data: population classes, voivodeships, the 66 cities, ZMP members, explicit
lists, the k most similar cities; printable, saved and read back."""

from __future__ import annotations

import csv
import io
import itertools
import json
from importlib.resources import files

import pytest

from citystrategy.compare import (
    DEFAULT_POPULATION_BOUNDS,
    PeerGroup,
    PeerRule,
    benchmark_group,
    explicit_group,
    peer_group,
    population_class_of,
    population_classes,
    population_group,
    powiat_rights_group,
    sample_panel,
    similar_group,
    territory_name,
    voivodeship_group,
    zmp_group,
)
from citystrategy.errors import ArgumentError, UnknownTerritoryError, YearError


def _population_2023() -> dict[str, float]:
    """The 2023 populations of the panel file, read with the csv module (not the library)."""
    text = (files("citystrategy.compare") / "data" / "cities_panel.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {
        r["city"]: float(r["value"])
        for r in rows
        if r["indicator"] == "population" and r["year"] == "2023"
    }


def test_default_population_classes_cover_the_66_cities() -> None:
    """The five default classes hold 7, 22, 26, 6 and 5 cities, counted from the file itself."""
    population = _population_2023()
    edges = [0.0, *DEFAULT_POPULATION_BOUNDS, float("inf")]
    expected = [
        sum(1 for v in population.values() if low <= v < high)
        for low, high in itertools.pairwise(edges)
    ]
    classes = population_classes(sample_panel(), year=2023)
    assert [len(c) for c in classes] == expected == [7, 22, 26, 6, 5]
    assert [c.spec for c in classes] == [
        "population:-50000",
        "population:50000-100000",
        "population:100000-250000",
        "population:250000-500000",
        "population:500000-",
    ]


def test_user_bounds_make_other_classes() -> None:
    """Bounds of 200 000: Kielce (182 295 in 2023) falls below, with 52 other cities."""
    below, above = population_classes(sample_panel(), year=2023, bounds=[200_000])
    assert "2661011" in below
    assert len(below) == sum(1 for v in _population_2023().values() if v < 200_000) == 53
    assert len(above) == 13


def test_kielce_class_is_100_to_250_thousand() -> None:
    """Kielce, 182 295 inhabitants in 2023, is in the 100–250 thousand class of 26 cities."""
    group = population_class_of(sample_panel(), "Kielce", year=2023)
    assert group.spec == "population:100000-250000"
    assert len(group) == 26
    assert group.year == 2023


def test_voivodeship_group_by_name_or_code() -> None:
    """Lubelskie has four cities with powiat rights: Biała Podlaska, Chełm, Lublin, Zamość."""
    by_name = voivodeship_group("lubelskie")
    assert by_name == voivodeship_group("06")
    assert sorted(territory_name(c) for c in by_name.members) == [
        "Biała Podlaska",
        "Chełm",
        "Lublin",
        "Zamość",
    ]


def test_powiat_rights_group_is_the_66_cities() -> None:
    """Every city with powiat rights, and only they."""
    group = powiat_rights_group()
    assert len(group) == 66
    assert set(group.members) == set(sample_panel().territory)


def test_zmp_group_is_the_confirmed_members() -> None:
    """168 member gminas confirmed by a source; Kielce among them."""
    group = zmp_group()
    assert len(group) == 168
    assert "2661011" in group
    assert group.rule is PeerRule.ZMP


def test_benchmark_group_is_kielce_strategy_benchmark() -> None:
    """Białystok, Lublin, Olsztyn, Opole and Rzeszów, by their TERYT codes."""
    group = benchmark_group()
    assert group.members == ("2061011", "0663011", "2862011", "1661011", "1863011")
    assert str(group).endswith("(5 members: Białystok, Lublin, Olsztyn, Opole, Rzeszów)")


def test_explicit_group_takes_any_spelling() -> None:
    """Names with abbreviations or without diacritics, and codes, name the same cities."""
    group = explicit_group(["Gorzów Wlkp.", "bialystok", "2661"])
    assert group.members == ("0861011", "2061011", "2661011")


def test_explicit_group_refuses_an_unknown_name() -> None:
    """A name of no territory is an error naming it."""
    with pytest.raises(UnknownTerritoryError, match="'Atlantyda'"):
        explicit_group(["Kielce", "Atlantyda"])


def test_similar_group_on_population_is_the_nearest() -> None:
    """On population alone the nearest to Kielce (182 295) are Sosnowiec (|−4 820|), Gliwice
    (12 380) and Toruń (12 476), worked out from the file."""
    population = _population_2023()
    kielce = population["Kielce"]
    nearest = sorted((abs(v - kielce), c) for c, v in population.items() if c != "Kielce")
    assert [c for _, c in nearest[:3]] == ["Sosnowiec", "Gliwice", "Toruń"]
    group = similar_group(sample_panel(), "Kielce", indicators=["population"], year=2023, k=3)
    assert [territory_name(c) for c in group.members] == ["Sosnowiec", "Gliwice", "Toruń"]
    assert "2661011" not in group


def test_similar_group_standardises_each_indicator() -> None:
    """Two indicators count alike once standardised: the result differs from population alone."""
    panel = sample_panel()
    both = similar_group(
        panel, "Kielce", indicators=["population", "unemployment_rate"], year=2023, k=3
    )
    alone = similar_group(panel, "Kielce", indicators=["population"], year=2023, k=3)
    assert both.members != alone.members
    assert len(both) == 3


def test_a_group_saves_and_reads_back() -> None:
    """to_data is JSON; from_data gives the same group."""
    group = population_group(sample_panel(), year=2023, low=100_000, high=250_000)
    data = json.loads(json.dumps(group.to_data()))
    assert PeerGroup.from_data(data) == group


def test_peer_group_reads_every_spec() -> None:
    """Each spec gives the group of its rule."""
    panel = sample_panel()
    assert peer_group("population:100000-250000", year=2023) == population_group(
        panel, year=2023, low=100_000, high=250_000
    )
    assert peer_group("voivodeship:lubelskie") == voivodeship_group("06")
    assert peer_group("powiat-rights") == powiat_rights_group()
    assert peer_group("zmp") == zmp_group()
    assert peer_group("benchmark") == benchmark_group()
    assert peer_group("list:Lublin,Opole").members == ("0663011", "1661011")
    assert len(peer_group("population-class", year=2023, focus="Kielce")) == 26
    assert len(peer_group("similar:4:population", year=2023, focus="Kielce")) == 4


def test_peer_group_refuses_a_bad_spec() -> None:
    """An unknown rule, bad bounds or a missing year are errors naming the spec."""
    with pytest.raises(ArgumentError, match="'galaxy:1'"):
        peer_group("galaxy:1")
    with pytest.raises(ArgumentError, match="'population:abc'"):
        peer_group("population:abc", year=2023)
    with pytest.raises(ArgumentError, match="'year'"):
        peer_group("population:1-2")
    with pytest.raises(ArgumentError, match="above low"):
        peer_group("population:5-2", year=2023)


def test_population_group_needs_a_year_with_data() -> None:
    """A year outside the panel names the years there are."""
    with pytest.raises(YearError, match="2021, 2022, 2023"):
        population_group(sample_panel(), year=2030, low=1)
