"""Tests of citystrategy.costs: exact totals, the completed-projects table and declared figures.

The Kielce golden values are sums of amounts typed from the goal tables of the 2023 report
("Koszt realizacji projektu" cells), computed here with Decimal.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy.costs import (
    Figure,
    catalogue_total,
    compare_declared,
    completed_by_goal,
    completed_projects,
    completed_summary,
    completed_total,
    discrepancies,
    goal_costs,
)
from citystrategy.model import DeclaredGoalFigures, Strategy
from citystrategy.money import Money
from tests.factories import (
    make_declared,
    make_implementer,
    make_link,
    make_project,
    make_report,
    make_strategy,
)

#: The 44 amounts of the goal tables (each project's cost is printed once), in table order.
#: Table 1: 13 amounts; table 2: 11; table 3: 9 ("140 002 443 zł" without grosze); table 4: 11.
CATALOGUE_AMOUNTS = (
    # goal table 1
    "8818970.62",  # Aktywizacja osób młodych pozostających bez pracy … (VII)
    "2575873.31",  # Młodzi na start
    "5156229.23",  # Zawodowy bumerang
    "10090371.76",  # Aktywizacja zawodowa osób powyżej 29 roku życia … (VII)
    "1001400.00",  # ZiP - Zatrudnienie i przeszkolenie
    "514239.53",  # "Utworzenie nowej grupy żłobka"
    "104550.00",  # Gminny Program Rewitalizacji (dokumentacja)
    "1010450.89",  # Wzmocnienie samodzielności obywateli Ukrainy
    "10982979.36",  # Świętokrzyskie dla Ukrainy
    "372075.00",  # Otwarte Dane
    "24174.97",  # Działania edukacyjne dla mieszkańców, w szczegółności seniorów
    "0.00",  # Idea Kielce
    "3632797.98",  # MIAU - Mieszkania Integracyjno-Aktywizacyjne dla Ukraińców
    # goal table 2
    "36746508.00",  # Wdrożenie Inteligentnego Systemu Transportowego (ITS) …
    "317233.23",  # Program usuwania i unieszkodliwiania azbestu …
    "2039153.02",  # Program ograniczania niskiej emisji …
    "237115.00",  # Finansowanie lub dofinansowanie zabiegów kastracji zwierząt domowych
    "6599111.26",  # Zapobieganie bezdomności zwierząt … Schroniska …
    "52152.00",  # Uchwalenie Studium Uwarunkowań … (nierealizowany)
    "581173.77",  # "Zoom na Kielce"
    "449292.20",  # Aplikacja "Ulepszamy Kielce"
    "0.00",  # System Koordynacji Promocji Miasta Kielce
    "0.00",  # Strona internetowa Schroniska dla Bezdomnych Zwierząt
    "0.00",  # Pulpity menadżerskie
    # goal table 3
    "74281550.78",  # Rozwój terenów Inwestycyjnych … Niewachłów II …
    "18980.00",  # Program: Edukacja Przedsiębiorczości
    "3120.00",  # Kieleccy Rzemieślnicy
    "21000.00",  # Bliżej biznesu – bliżej wymarzonego zawodu
    "0.00",  # "Przeglądy Technologiczne"
    "8371150.00",  # Poland Prize powered by Kielce Technology Park
    "20441462.69",  # Technopark Kielce DIH
    "140002443",  # Budowa Inkubatora California Inc.
    "12829.40",  # Cyfrowe lekcje geografii w szkołach średnich
    # goal table 4
    "35610755.96",  # „Poprawa dostępności komunikacyjnej Uniwersytetu Jana Kochanowskiego …”.
    "23420874.29",  # Drogi na osiedlu Dąbrowa II w Kielcach
    "42823156.01",  # „Poprawa dostępności komunikacyjnej szpitali ŚCO i WSZ …”
    "28488614.01",  # Poprawa dostępności komunikacyjnej w śródmieściu Kielc …
    "60208474.23",  # „Rozbudowa DW 764 …”
    "18000000.00",  # Zagospodarowanie terenów przyrodniczo administrowanych przez Geonaturę …
    "33000000.00",  # Zagospodarowanie części północnej Ogrodu Botanicznego w Kielcach
    "179818.29",  # Udzielanie dotacji celowej … zbiorników do zatrzymywania wód opadowych
    "21937257.54",  # „Zielona rewitalizacja zabytkowego Śródmieścia Kielc …”
    "41763244.88",  # Adaptacja budynków Zespołu Powięziennego … Teatru Lalki i Aktora "Kubuś"
    "85362000.00",  # Zielony transport publiczny w Kielcach …
)

#: Costs of the 10 projects of "Wykaz projektów zrealizowanych w 2023 r.", typed from the goal
#: tables, by the strategic goal of the table that lists them.
COMPLETED_2023_BY_GOAL = {
    "1": (
        "8818970.62",  # Aktywizacja osób młodych pozostających bez pracy … (VII)
        "2575873.31",  # Młodzi na start
        "10090371.76",  # Aktywizacja zawodowa osób powyżej 29 roku życia … (VII)
        "514239.53",  # Utworzenie nowej grupy żłobka
        "1010450.89",  # Wzmocnienie samodzielności obywateli Ukrainy
        "10982979.36",  # Świętokrzyskie (listed as "Świątokrzyskie") dla Ukrainy
    ),
    "2": ("0.00",),  # System Koordynacji Promocji Miasta Kielce
    "3": ("8371150.00",),  # Poland Prize powered by Kielce Technology Park
    "4": (
        "35610755.96",  # Poprawa dostępności komunikacyjnej Uniwersytetu Jana Kochanowskiego …
        "41763244.88",  # Adaptacja budynków Zespołu Powięziennego … "Kubuś"
    ),
}


def total(amounts: tuple[str, ...] | list[str]) -> Decimal:
    """The exact sum of decimal strings."""
    return sum((Decimal(a) for a in amounts), Decimal(0))


GOAL_COSTS_2023 = {goal: total(amounts) for goal, amounts in COMPLETED_2023_BY_GOAL.items()}
TOTAL_2023 = total([a for amounts in COMPLETED_2023_BY_GOAL.values() for a in amounts])


# --- Kielce: totals ------------------------------------------------------------------------


def test_typed_amounts_give_the_expected_totals() -> None:
    """The amounts typed from the report add up to 725 252 582,21 zł and 119 738 036,31 zł."""
    assert len(CATALOGUE_AMOUNTS) == 44
    assert total(CATALOGUE_AMOUNTS) == Decimal("725252582.21")
    assert sum(len(a) for a in COMPLETED_2023_BY_GOAL.values()) == 10
    assert total([a for amounts in COMPLETED_2023_BY_GOAL.values() for a in amounts]) == Decimal(
        "119738036.31"
    )


def test_catalogue_total(kielce: Strategy) -> None:
    """The catalogue total counts each of the 44 projects once, to the grosz."""
    assert catalogue_total(kielce) == Money(total(CATALOGUE_AMOUNTS))
    assert catalogue_total(kielce).amount == Decimal("725252582.21")


def test_catalogue_costs_are_the_printed_amounts(kielce: Strategy) -> None:
    """The project costs are, as a multiset, exactly the 44 printed amounts."""
    costs = sorted(p.cost.amount for p in kielce.projects if p.cost is not None)
    assert costs == sorted(Decimal(a) for a in CATALOGUE_AMOUNTS)


def test_completed_total(kielce: Strategy) -> None:
    """The projects completed in 2023 cost 119 738 036,31 zł, each counted once."""
    assert completed_total(kielce, 2023) == Money(TOTAL_2023)
    assert len(completed_projects(kielce, 2023)) == 10


def test_completed_in_a_year_without_projects(kielce: Strategy) -> None:
    """No project was completed in 2022: an empty tuple and a zero total."""
    assert completed_projects(kielce, 2022) == ()
    assert completed_total(kielce, 2022) == Money.zero()


# --- Kielce: per goal ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "projects"),
    [("1", 6), ("2", 1), ("3", 1), ("4", 2)],
    ids=["goal-1", "goal-2", "goal-3", "goal-4"],
)
def test_completed_summary_per_goal(kielce: Strategy, goal: str, projects: int) -> None:
    """Each goal's completed projects and cost, with its exact unrounded share of the total."""
    table = completed_summary(kielce, 2023)
    row = table[table["goal"] == goal].iloc[0]
    assert row["projects"] == projects
    assert row["cost"] == GOAL_COSTS_2023[goal]
    assert row["share"] == GOAL_COSTS_2023[goal] / TOTAL_2023 * 100
    assert len(row["project_codes"]) == projects


def test_completed_summary_costs(kielce: Strategy) -> None:
    """The goal costs are 33 992 885,47, 0,00, 8 371 150,00 and 77 374 000,84 zł."""
    table = completed_summary(kielce, 2023)
    assert list(table["cost"]) == [
        Decimal("33992885.47"),
        Decimal("0.00"),
        Decimal("8371150.00"),
        Decimal("77374000.84"),
    ]


def test_goal_four_share_is_exact(kielce: Strategy) -> None:
    """Goal 4's share is 77374000.84 / 119738036.31 * 100 in Decimal, not a float."""
    row = next(r for r in completed_by_goal(kielce, 2023) if r.goal == "4")
    assert isinstance(row.share, Decimal)
    assert row.share == Decimal("77374000.84") / Decimal("119738036.31") * 100
    assert round(row.share, 1) == Decimal("64.6")


def test_goal_costs_add_up_to_the_total(kielce: Strategy) -> None:
    """The completed projects serve one strategic goal each, so goal costs add up to the total."""
    table = completed_summary(kielce, 2023)
    assert sum(table["cost"], Decimal(0)) == completed_total(kielce, 2023).amount
    assert sum(table["projects"]) == 10


def test_completed_summary_columns_and_implementers(kielce: Strategy) -> None:
    """The frame has its documented columns; implementers are <NA> where the data name none."""
    table = completed_summary(kielce, 2023)
    assert list(table.columns) == [
        "goal",
        "name",
        "projects",
        "implementers",
        "cost",
        "currency",
        "share",
        "project_codes",
    ]
    assert str(table["implementers"].dtype) == "Int64"
    implementers = dict(zip(table["goal"], table["implementers"], strict=True))
    assert implementers["3"] == 1  # Poland Prize: Kielce Technology Park
    assert table["implementers"].isna().tolist() == [True, True, False, True]


# --- Kielce: declared against computed -----------------------------------------------------


def comparison_map(strategy: Strategy) -> dict[tuple[str | None, Figure], bool | None]:
    """``(goal, figure) -> agrees`` for the 2023 report."""
    return {(c.goal, c.figure): c.agrees for c in compare_declared(strategy, 2023)}


def test_compare_declared_total_cost(kielce: Strategy) -> None:
    """The report's total 85 665 519,74 zł disagrees with the computed 119 738 036,31 zł."""
    comparison = next(
        c for c in compare_declared(kielce, 2023) if c.goal is None and c.figure is Figure.COST
    )
    assert comparison.declared == Decimal("85665519.74")
    assert comparison.computed == TOTAL_2023
    assert comparison.agrees is False
    assert comparison.difference == TOTAL_2023 - Decimal("85665519.74")


@pytest.mark.parametrize(
    ("goal", "figure", "agrees"),
    [
        (None, Figure.PROJECTS, True),
        (None, Figure.COST, False),
        ("1", Figure.PROJECTS, True),
        ("1", Figure.COST, False),
        ("1", Figure.SHARE, False),
        ("2", Figure.PROJECTS, True),
        ("2", Figure.COST, True),
        ("2", Figure.SHARE, True),
        ("3", Figure.PROJECTS, True),
        ("3", Figure.IMPLEMENTERS, True),
        ("3", Figure.COST, False),
        ("3", Figure.SHARE, False),
        ("4", Figure.PROJECTS, True),
        ("4", Figure.COST, True),
        ("4", Figure.SHARE, False),
    ],
    ids=[
        "total-projects",
        "total-cost",
        "goal1-projects",
        "goal1-cost",
        "goal1-share",
        "goal2-projects",
        "goal2-cost",
        "goal2-share",
        "goal3-projects",
        "goal3-implementers",
        "goal3-cost",
        "goal3-share",
        "goal4-projects",
        "goal4-cost",
        "goal4-share",
    ],
)
def test_compare_declared_figure(
    kielce: Strategy, goal: str | None, figure: Figure, agrees: bool
) -> None:
    """Each declared figure agrees or disagrees with the computed one as the report's data say."""
    assert comparison_map(kielce)[(goal, figure)] is agrees


@pytest.mark.parametrize("goal", [None, "1", "2", "4"], ids=["total", "goal-1", "goal-2", "goal-4"])
def test_implementers_unverifiable_where_unknown(kielce: Strategy, goal: str | None) -> None:
    """Implementers cannot be checked where some completed project's implementer is unknown."""
    comparison = next(
        c
        for c in compare_declared(kielce, 2023)
        if c.goal == goal and c.figure is Figure.IMPLEMENTERS
    )
    assert comparison.computed is None
    assert comparison.agrees is None
    assert comparison.difference is None


@pytest.mark.parametrize(
    ("goal", "declared", "computed"),
    [
        ("1", "0.6", GOAL_COSTS_2023["1"] / TOTAL_2023 * 100),
        ("3", "9.1", GOAL_COSTS_2023["3"] / TOTAL_2023 * 100),
        ("4", "90.3", GOAL_COSTS_2023["4"] / TOTAL_2023 * 100),
    ],
    ids=["goal-1", "goal-3", "goal-4"],
)
def test_shares_compared_at_printed_precision(
    kielce: Strategy, goal: str, declared: str, computed: Decimal
) -> None:
    """Shares are compared rounded half-up to the printed one decimal."""
    comparison = next(
        c for c in compare_declared(kielce, 2023) if c.goal == goal and c.figure is Figure.SHARE
    )
    assert comparison.declared == Decimal(declared)
    assert comparison.computed == computed.quantize(Decimal("0.1"))
    assert comparison.agrees is False


def test_discrepancies(kielce: Strategy) -> None:
    """Discrepancies: total cost, goal 1 cost and share, goal 3 cost and share, goal 4 share."""
    found = [(c.goal, c.figure) for c in discrepancies(kielce, 2023)]
    assert found == [
        (None, Figure.COST),
        ("1", Figure.COST),
        ("1", Figure.SHARE),
        ("3", Figure.COST),
        ("3", Figure.SHARE),
        ("4", Figure.SHARE),
    ]
    assert all(c.agrees is False for c in discrepancies(kielce, 2023))


def test_goal_costs_declared_and_computed_values(kielce: Strategy) -> None:
    """Goal 1 declares 514 239,53 zł (computed 33 992 885,47); goal 3 7 777 279,37 (8 371 150,00)."""
    costs = {
        c.goal: (c.declared, c.computed)
        for c in discrepancies(kielce, 2023)
        if c.figure is Figure.COST
    }
    assert costs == {
        None: (Decimal("85665519.74"), TOTAL_2023),
        "1": (Decimal("514239.53"), GOAL_COSTS_2023["1"]),
        "3": (Decimal("7777279.37"), GOAL_COSTS_2023["3"]),
    }


def test_compare_declared_without_report(kielce: Strategy) -> None:
    """Comparing with a year the strategy has no report on is a KeyError."""
    with pytest.raises(KeyError):
        compare_declared(kielce, 2022)


# --- synthetic strategies --------------------------------------------------------------------


def test_goal_costs_strategic_counts_a_shared_project_under_both_goals() -> None:
    """A project linked to goals 1 and 2 counts under both; the catalogue counts it once."""
    strategy = make_strategy()
    table = goal_costs(strategy)
    assert list(table.columns) == [
        "goal",
        "name",
        "projects",
        "cost",
        "currency",
        "shared",
        "project_codes",
    ]
    rows = {row.goal: row for row in table.itertuples(index=False)}
    assert rows["1"].projects == 2
    assert rows["1"].cost == Decimal("3500.50")
    assert rows["1"].shared == 1
    assert rows["1"].project_codes == ("T-P-01", "T-P-02")
    assert rows["2"].projects == 1
    assert rows["2"].cost == Decimal("2500.50")
    assert rows["2"].project_codes == ("T-P-02",)
    assert sum(table["cost"], Decimal(0)) == Decimal("6001.00")
    assert catalogue_total(strategy) == Money(Decimal("3500.50"))


def test_goal_costs_operational() -> None:
    """At the operational level each operational goal is a row, in strategy order."""
    strategy = make_strategy()
    table = goal_costs(strategy, level="operational")
    assert list(table["goal"]) == ["1.1", "1.2", "2.1", "2.2"]
    assert list(table["projects"]) == [1, 1, 1, 0]
    assert list(table["cost"]) == [
        Decimal("1000.00"),
        Decimal("2500.50"),
        Decimal("2500.50"),
        Decimal(0),
    ]
    assert list(table["shared"]) == [0, 1, 1, 0]


def test_goal_costs_counts_a_project_once_per_goal() -> None:
    """Two links to operational goals of one strategic goal count the project once there."""
    project = make_project(
        links=(make_link(), make_link(operational_goal="1.2", action_directions=("1.2-01",)))
    )
    table = goal_costs(make_strategy(projects=(project,)))
    row = table[table["goal"] == "1"].iloc[0]
    assert row["projects"] == 1
    assert row["cost"] == Decimal("1000.00")
    assert row["shared"] == 0


def test_goal_costs_leave_out_projects_without_cost() -> None:
    """A project without a stated cost is counted as a project but adds nothing to the cost."""
    strategy = make_strategy(projects=(make_project(cost=None), make_project(code="T-P-02")))
    table = goal_costs(strategy)
    row = table[table["goal"] == "1"].iloc[0]
    assert row["projects"] == 2
    assert row["cost"] == Decimal("1000.00")
    assert catalogue_total(strategy) == Money(Decimal("1000.00"))


@pytest.mark.parametrize(
    "level", ["strategiczny", "", "Strategic"], ids=["polish", "empty", "case"]
)
def test_goal_costs_invalid_level(level: str) -> None:
    """A level other than 'strategic' or 'operational' is a ValueError naming it."""
    with pytest.raises(ValueError, match="level"):
        goal_costs(make_strategy(), level=level)


def test_completed_by_goal_synthetic() -> None:
    """A completed project of 1 000,00 zł under goal 1 is 100 % of the year; goal 2 has 0 %."""
    rows = completed_by_goal(make_strategy(), 2023)
    assert [r.goal for r in rows] == ["1", "2"]
    assert rows[0].cost == Money(Decimal("1000.00"))
    assert rows[0].share == Decimal(100)
    assert rows[0].implementers == 1
    assert rows[1].projects == ()
    assert rows[1].cost == Money.zero()
    assert rows[1].share == Decimal(0)
    assert rows[1].implementers == 0


def test_completed_by_goal_shared_completed_project() -> None:
    """A completed project serving two strategic goals counts fully under both."""
    shared = make_project(
        code="T-P-02",
        cost=Money(Decimal("3000.00")),
        completed_in=2023,
        implementer=make_implementer(),
        links=(
            make_link(),
            make_link(strategic_goal="2", operational_goal="2.1", action_directions=("2.1-01",)),
        ),
    )
    strategy = make_strategy(projects=(shared,))
    rows = completed_by_goal(strategy, 2023)
    assert [r.cost for r in rows] == [Money(Decimal("3000.00"))] * 2
    assert [r.share for r in rows] == [Decimal(100)] * 2
    assert completed_total(strategy, 2023) == Money(Decimal("3000.00"))


def test_compare_declared_agreeing_figures() -> None:
    """Declared figures equal to the computed ones all agree: no discrepancies."""
    strategy = make_strategy(reports=(make_report(declared=make_declared()),))
    comparisons = compare_declared(strategy, 2023)
    assert all(c.agrees is True for c in comparisons)
    assert discrepancies(strategy, 2023) == ()


def test_compare_declared_unknown_declared_goal() -> None:
    """A declared goal the strategy lacks cannot be checked (agrees is None)."""
    wrong_goal = make_declared(
        goals=(
            DeclaredGoalFigures(
                goal_code="9",
                label="CEL 9",
                projects=1,
                implementers=1,
                cost=Money(Decimal("1000.00")),
                share=Decimal(100),
            ),
        )
    )
    strategy = make_strategy(reports=(make_report(declared=wrong_goal),))
    goal_nine = [c for c in compare_declared(strategy, 2023) if c.goal == "9"]
    assert len(goal_nine) == 4
    assert all(c.agrees is None and c.computed is None for c in goal_nine)


def test_compare_declared_report_without_figures() -> None:
    """A report that declares no figures is a KeyError for compare_declared."""
    strategy = make_strategy(reports=(make_report(),))
    with pytest.raises(KeyError):
        compare_declared(strategy, 2023)
