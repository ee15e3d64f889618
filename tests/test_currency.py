"""End to end: an EUR-only strategy, mixed currencies and empty goals through costs, check,
the summary and the assessment. Expected figures are added up by hand in each test."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from citystrategy import costs
from citystrategy.errors import CityStrategyError, CurrencyMismatchError
from citystrategy.formatting import format_value
from citystrategy.model import DeclaredGoalFigures, Level, Strategy
from citystrategy.money import DEFAULT_CURRENCY, Money
from citystrategy.progress import assess, assess_goals
from citystrategy.reports.assessment import format_assessment
from citystrategy.reports.findings import describe_finding
from citystrategy.reports.summary import format_summary, summary_data
from citystrategy.validation import FindingKind, check
from tests.factories import (
    make_declared,
    make_empty_goal_strategy,
    make_eur_strategy,
    make_implementer,
    make_indicator,
    make_observation,
    make_project,
    make_report,
    make_strategy,
    make_target,
)

NBSP = "\u00a0"
#: The two EUR project costs of make_eur_strategy and their sum, added by hand.
COMPLETED = Decimal("1234.56")
OTHER = Decimal("10.00")
CATALOGUE = Decimal("1244.56")  # 1 234,56 EUR + 10,00 EUR


def eur(amount: Decimal | str | int) -> Money:
    """An amount in euro."""
    return Money(Decimal(amount), "EUR")


def eur_declared(total: str = "1234.56", goal_cost: str = "1234.56") -> Strategy:
    """The EUR strategy with a 2023 report declaring its totals in euro."""
    declared = make_declared(
        total_cost=eur(total),
        goals=(
            DeclaredGoalFigures(
                goal_code="1",
                label="CEL 1",
                projects=1,
                implementers=1,
                cost=eur(goal_cost),
                share=Decimal(100),
            ),
        ),
    )
    return make_eur_strategy(reports=(make_report(declared=declared),))


def mixed() -> Strategy:
    """Project T-P-01 costs 1 000,00 PLN (completed in 2023), T-P-02 10,00 EUR."""
    return make_strategy(
        projects=(
            make_project(completed_in=2023, implementer=make_implementer()),
            make_project(code="T-P-02", name="W euro", cost=eur("10.00")),
        ),
        reports=(make_report(declared=make_declared()),),
    )


# --- the currency of a strategy --------------------------------------------------------------


def test_hand_sum_of_the_eur_costs() -> None:
    """The expected catalogue total is the sum of the two costs (guards the constants)."""
    assert COMPLETED + OTHER == CATALOGUE


def test_strategy_currency_is_the_currency_of_the_costs() -> None:
    """An EUR-only strategy is in EUR; the default strategy in PLN."""
    assert costs.strategy_currency(make_eur_strategy()) == "EUR"
    assert costs.strategy_currency(make_strategy()) == "PLN"
    assert costs.project_currencies(make_eur_strategy()) == ("EUR",)


def test_strategy_currency_falls_back_to_the_declared_total() -> None:
    """Without any stated cost, the declared total's currency gives the totals' currency."""
    strategy = make_strategy(
        projects=(make_project(cost=None, completed_in=2023),),
        reports=(make_report(declared=make_declared(total_cost=eur("5.00"))),),
    )
    assert costs.strategy_currency(strategy) == "EUR"
    assert costs.catalogue_total(strategy) == eur(0)
    assert costs.completed_total(strategy, 2023) == eur(0)


def test_strategy_currency_without_any_amount() -> None:
    """A strategy that states no amount at all has zero totals in the default currency."""
    strategy = make_strategy(projects=())
    assert costs.strategy_currency(strategy) == DEFAULT_CURRENCY
    assert costs.catalogue_total(strategy) == Money(Decimal(0), DEFAULT_CURRENCY)


def test_strategy_currency_of_mixed_costs_raises() -> None:
    """Costs in two currencies have no single currency: a typed CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError) as caught:
        costs.strategy_currency(mixed())
    assert isinstance(caught.value, CityStrategyError)
    assert (caught.value.left, caught.value.right) == ("EUR", "PLN")
    assert costs.project_currencies(mixed()) == ("EUR", "PLN")


# --- an EUR-only strategy ----------------------------------------------------------------------


def test_eur_totals() -> None:
    """Catalogue and completed totals are in EUR, an empty year's total too."""
    strategy = make_eur_strategy()
    assert costs.catalogue_total(strategy) == eur(CATALOGUE)
    assert costs.completed_total(strategy, 2023) == eur(COMPLETED)
    assert costs.completed_total(strategy, 2022) == eur(0)


def test_eur_completed_by_goal() -> None:
    """Goal 2, with no completed project, costs 0 EUR (not 0 PLN) and has a 0% share."""
    rows = costs.completed_by_goal(make_eur_strategy(), 2023)
    assert [(r.goal, r.cost, r.share) for r in rows] == [
        ("1", eur(COMPLETED), Decimal(100)),
        ("2", eur(0), Decimal(0)),
    ]
    assert all(r.cost is not None and r.cost.currency == "EUR" for r in rows)


def test_eur_completed_summary() -> None:
    """The frame's costs are exact and its currency column says EUR."""
    table = costs.completed_summary(make_eur_strategy(), 2023)
    assert table["cost"].tolist() == [COMPLETED, Decimal(0)]
    assert table["currency"].tolist() == ["EUR", "EUR"]


def test_eur_goal_costs() -> None:
    """Per-goal costs: goal 1 has both projects (1 234,56 + 10,00), goal 2 none; all in EUR."""
    strategic = costs.goal_costs(make_eur_strategy())
    assert strategic["cost"].tolist() == [CATALOGUE, Decimal(0)]
    assert strategic["currency"].tolist() == ["EUR", "EUR"]
    operational = costs.goal_costs(make_eur_strategy(), level="operational")
    assert operational["goal"].tolist() == ["1.1", "1.2", "2.1", "2.2"]
    assert operational["cost"].tolist() == [COMPLETED, OTHER, Decimal(0), Decimal(0)]
    assert set(operational["currency"]) == {"EUR"}


def test_eur_declared_figures_agree() -> None:
    """Declared EUR figures equal to the computed ones agree, and say their currency."""
    comparisons = costs.compare_declared(eur_declared(), 2023)
    assert all(c.agrees is True for c in comparisons)
    cost = [c for c in comparisons if c.figure is costs.Figure.COST]
    assert [(c.goal, c.declared, c.currency) for c in cost] == [
        (None, COMPLETED, "EUR"),
        ("1", COMPLETED, "EUR"),
    ]
    assert {c.currency for c in comparisons if c.figure is not costs.Figure.COST} == {None}
    assert costs.discrepancies(eur_declared(), 2023) == ()


def test_eur_discrepancy() -> None:
    """A declared 1 200,00 EUR against 1 234,56 EUR computed is one discrepancy, in EUR."""
    (found,) = costs.discrepancies(eur_declared(total="1200.00"), 2023)
    assert (found.goal, found.figure, found.currency) == (None, costs.Figure.COST, "EUR")
    assert (found.declared, found.computed) == (Decimal("1200.00"), COMPLETED)
    assert found.difference == Decimal("34.56")  # 1 234,56 - 1 200,00


def test_eur_check() -> None:
    """check() of an EUR strategy runs; a declared mismatch is worded in EUR, never in zł."""
    assert len(check(make_eur_strategy())) == 0
    report = check(eur_declared(total="1200.00"))
    (finding,) = report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH)
    assert finding.message == (
        "the report for 2023 declares the cost in total: €1,200.00; the project data give €1,234.56"
    )
    assert finding.detail("declared") == Money(Decimal("1200.00"), "EUR")
    assert describe_finding(finding) == (
        f"raport za 2023{NBSP}r. podaje koszt łącznie: 1200,00{NBSP}€; "
        f"z danych o projektach wynika 1234,56{NBSP}€"
    )
    assert report.of_kind(FindingKind.MIXED_CURRENCIES) == ()


def test_eur_summary_data() -> None:
    """JSON amounts are exact strings with EUR beside them; shares in percent, one decimal."""
    data = json.loads(json.dumps(summary_data(eur_declared(), 2023)))
    assert data["projects"]["catalogue_cost"] == str(CATALOGUE)
    assert (data["projects"]["currency"], data["projects"]["currencies"]) == ("EUR", ["EUR"])
    completed = data["completed"]
    assert (completed["cost"], completed["currency"]) == (str(COMPLETED), "EUR")
    assert completed["declared_currency"] == "EUR"
    assert [
        (g["goal"], g["cost"], g["share_percent"], g["declared_currency"])
        for g in completed["goals"]
    ] == [
        ("1", str(COMPLETED), "100.0", "EUR"),
        ("2", "0", "0.0", None),
    ]
    assert completed["goals"][1]["declared_currency_missing"] == "not_stated"


@pytest.mark.parametrize(
    ("locale", "amounts"),
    [
        ("pl_PL", (f"1244,56{NBSP}€", f"1234,56{NBSP}€", f"0,00{NBSP}€", f"1200,00{NBSP}€")),
        ("en_GB", ("€1,244.56", "€1,234.56", "€0.00", "€1,200.00")),
    ],
)
def test_eur_summary_text(locale: str, amounts: tuple[str, ...]) -> None:
    """The summary text shows every amount in euro and no złoty anywhere."""
    text = format_summary(eur_declared(total="1200.00"), 2023, locale=locale)
    for amount in amounts:
        assert amount in text
    assert "zł" not in text
    assert "PLN" not in text


def test_eur_assessment() -> None:
    """assess and assess_goals run on the EUR strategy; the EUR indicator is assessed."""
    strategy = make_eur_strategy()
    table = assess(strategy, year=2023)
    row = table.set_index("code").loc["T-2-01"]
    assert (row["unit"], row["value"], row["change"]) == ("EUR", Decimal(2000), Decimal(1000))
    # ratio method: actual growth 2000/1000 - 1 = 1 a year against the needed
    # (5000/1000) ** (1/8) - 1 = 0.22 a year: far above 0.95 of it
    assert row["status"] == "substantial_progress"
    goals = assess_goals(strategy, year=2023, table=table)
    goal = goals.set_index("goal").loc["2"]
    assert (goal["indicators"], goal["scored"]) == (1, 1)
    text = format_assessment(table, goals, year=2023)
    assert f"2000,00{NBSP}€" in text
    assert "zł" not in text


# --- mixed currencies ----------------------------------------------------------------------------


def test_mixed_check_is_a_finding_not_a_crash() -> None:
    """check() reports mixed costs once; counts are still compared, costs cannot be."""
    report = check(mixed())
    (finding,) = report.of_kind(FindingKind.MIXED_CURRENCIES)
    assert (finding.code, finding.detail("currencies")) == ("test-2030", ("EUR", "PLN"))
    assert report.ok is False
    assert report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH) == ()
    unverifiable = report.of_kind(FindingKind.DECLARED_FIGURE_UNVERIFIABLE)
    assert sorted((f.code, f.detail("figure")) for f in unverifiable) == [
        ("1", "cost"),
        ("1", "share"),
        ("total", "cost"),
    ]
    assert describe_finding(finding) == (
        "koszty projektów są w kilku walutach (EUR, PLN): sum nie da się policzyć"
    )


def test_mixed_costs_single_totals_raise() -> None:
    """A function that returns one total raises the typed CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        costs.catalogue_total(mixed())
    with pytest.raises(CurrencyMismatchError):
        costs.completed_total(mixed(), 2023)


def test_mixed_costs_per_goal_are_unknown() -> None:
    """Per-goal tables run: costs, currencies and shares are None, project counts are kept."""
    rows = costs.completed_by_goal(mixed(), 2023)
    assert [(r.goal, len(r.projects), r.cost, r.share) for r in rows] == [
        ("1", 1, None, None),
        ("2", 0, None, None),
    ]
    summary = costs.completed_summary(mixed(), 2023)
    assert summary["cost"].isna().all()
    assert summary["currency"].isna().all()
    table = costs.goal_costs(mixed())
    assert table["projects"].tolist() == [2, 0]
    assert table["cost"].isna().all()
    comparisons = costs.compare_declared(mixed(), 2023)
    assert {c.figure: c.agrees for c in comparisons if c.goal is None} == {
        costs.Figure.PROJECTS: True,
        costs.Figure.IMPLEMENTERS: True,
        costs.Figure.COST: None,
    }


def test_mixed_summary() -> None:
    """The summary runs: no totals in the data, a line naming the currencies in the text."""
    data = summary_data(mixed(), 2023)
    assert data["projects"]["catalogue_cost"] is None
    assert data["projects"]["currency"] is None
    assert data["projects"]["currencies"] == ["EUR", "PLN"]
    assert data["completed"]["cost"] is None
    assert [g["cost"] for g in data["completed"]["goals"]] == [None, None]
    assert {
        data["projects"]["catalogue_cost_missing"],
        data["projects"]["currency_missing"],
        data["completed"]["cost_missing"],
        *(g["cost_missing"] for g in data["completed"]["goals"]),
        *(g["share_percent_missing"] for g in data["completed"]["goals"]),
    } == {"several_currencies"}
    text = format_summary(mixed(), 2023)
    assert "2 projekty w katalogu; koszty w kilku walutach (EUR, PLN)" in text
    english = format_summary(mixed(), 2023, locale="en_GB")
    assert "costs in several currencies (EUR, PLN): no total" in english


def test_mixed_assess() -> None:
    """assess() of a strategy with mixed costs runs (it calls check)."""
    assert len(assess(mixed(), year=2023)) == 2


def test_declared_in_another_currency_is_a_finding() -> None:
    """A report declaring PLN for EUR projects: a mixed-currencies finding, costs unchecked."""
    strategy = make_eur_strategy(reports=(make_report(declared=make_declared()),))
    report = check(strategy)
    (finding,) = report.of_kind(FindingKind.MIXED_CURRENCIES)
    assert (finding.variant, finding.expected, finding.found) == ("declared", "EUR", ("PLN",))
    assert describe_finding(finding) == (
        f"raport za 2023{NBSP}r. podaje koszty w PLN, a koszty projektów są w EUR: "
        "nie da się ich porównać"
    )
    assert report.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH) == ()
    cost = [c for c in costs.compare_declared(strategy, 2023) if c.figure is costs.Figure.COST]
    assert [(c.computed, c.agrees, c.currency) for c in cost] == [(None, None, "PLN")] * 2


# --- an empty goal ---------------------------------------------------------------------------------


@pytest.fixture(params=["operational-PLN", "operational-EUR", "bare-PLN", "bare-EUR"])
def empty(request: pytest.FixtureRequest) -> tuple[Strategy, str]:
    """A strategy with an empty goal 3 (with or without operational goal 3.1), and its currency."""
    shape, currency = str(request.param).split("-")
    projects = make_eur_strategy().projects if currency == "EUR" else make_strategy().projects
    strategy = make_empty_goal_strategy(operational=shape == "operational", projects=projects)
    return strategy, currency


def test_empty_goal_costs(empty: tuple[Strategy, str]) -> None:
    """Goal 3 costs zero in the strategy's currency, with a 0% share and no implementer."""
    strategy, currency = empty
    rows = {r.goal: r for r in costs.completed_by_goal(strategy, 2023)}
    three = rows["3"]
    assert (three.projects, three.implementers) == ((), 0)
    assert three.cost == Money(Decimal(0), currency)
    assert three.share == Decimal(0)
    table = costs.goal_costs(strategy).set_index("goal")
    assert table.loc["3", "projects"] == 0
    assert table.loc["3", "cost"] == Decimal(0)
    assert table.loc["3", "currency"] == currency
    operational = costs.goal_costs(strategy, level="operational").set_index("goal")
    if strategy.strategic_goals[2].operational_goals:
        assert operational.index.tolist() == ["1.1", "1.2", "2.1", "2.2", "3.1"]
        assert operational.loc["3.1", "cost"] == Decimal(0)
        assert operational.loc["3.1", "currency"] == currency
    else:
        assert operational.index.tolist() == ["1.1", "1.2", "2.1", "2.2"]


def test_empty_goal_check(empty: tuple[Strategy, str]) -> None:
    """An empty goal is no finding and breaks nothing: check() of the strategy is clean."""
    strategy, _ = empty
    report = check(strategy)
    assert len(report) == 0
    declared = check(make_empty_goal_strategy(reports=(make_report(declared=make_declared()),)))
    assert declared.of_kind(FindingKind.DECLARED_FIGURE_MISMATCH) == ()


def test_empty_goal_summary(empty: tuple[Strategy, str]) -> None:
    """The summary lists goal 3 with no indicator and a zero cost in the strategy's currency."""
    strategy, currency = empty
    data = summary_data(strategy, 2023)
    three = data["goals"][2]
    assert (three["code"], three["indicators"]) == ("3", 0)
    assert [op["projects"] for op in three["operational_goals"]] == (
        [0] if strategy.strategic_goals[2].operational_goals else []
    )
    assert data["completed"]["goals"][2]["cost"] == "0"
    assert data["completed"]["currency"] == currency
    text = format_summary(strategy, 2023)
    assert "  3. Cel strategiczny 3 (0 wskaźników)" in text.splitlines()
    (row,) = [line for line in text.splitlines() if line.startswith("3. Cel strategiczny 3")]
    cells = re.split(" {2,}", row)
    assert cells[1:4] == ["0", f"0,00{NBSP}{'€' if currency == 'EUR' else 'zł'}", "0,0%"]


def test_empty_goal_assessment(empty: tuple[Strategy, str]) -> None:
    """assess_goals gives goal 3 (and 3.1) no score: 0 indicators, not assessable."""
    strategy, _ = empty
    table = assess(strategy, year=2023)
    assert table["code"].tolist() == [i.code for i in strategy.indicators]
    goals = assess_goals(strategy, year=2023, table=table).set_index("goal")
    codes = ["3", *(op.code for op in strategy.strategic_goals[2].operational_goals)]
    for code in codes:
        row = goals.loc[code]
        assert (row["indicators"], row["scored"], row["coverage"]) == (0, 0, 0.0)
        assert row["status"] == "not_assessable"
    assert "Cel strategiczny 3" in format_assessment(table, goals.reset_index(), year=2023)


# --- money-valued indicator units ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "locale", "expected"),
    [
        ("EUR / inhabitant", "pl_PL", f"46,10{NBSP}€ na mieszkańca"),
        ("EUR / inhabitant", "en_GB", f"46.10{NBSP}EUR per inhabitant"),
        ("EUR / kilometer", "pl_PL", f"46,10{NBSP}€/km"),
        ("kiloEUR", "pl_PL", f"46,10{NBSP}tys. €"),
        ("megaEUR", "en_GB", f"46.10{NBSP}million EUR"),
        ("PLN / inhabitant", "pl_PL", f"46,10{NBSP}zł na mieszkańca"),
    ],
)
def test_eur_indicator_units_have_labels(unit: str, locale: str, expected: str) -> None:
    """Per-capita and scaled euro units are labelled like their złoty counterparts."""
    assert format_value(Decimal("46.10"), unit, locale=locale) == expected


def test_eur_per_inhabitant_in_the_assessment_text() -> None:
    """An indicator in EUR per inhabitant keeps its unit in the assessment table."""
    strategy = make_eur_strategy(
        indicators=(
            make_indicator(
                code="T-2-01",
                name="Wydatki na mieszkańca",
                unit="EUR / inhabitant",
                level=Level.IMPACT,
                goal_code="2",
                target=make_target(value=Decimal(50), raw="50 € na mieszkańca"),
            ),
        ),
        observations=(
            make_observation(indicator="T-2-01", year=2022, value=Decimal(20), raw="20"),
            make_observation(indicator="T-2-01", year=2023, value=Decimal(30), raw="30"),
        ),
    )
    text = format_assessment(assess(strategy, year=2023), year=2023)
    assert "Wydatki na mieszkańca [€ na mieszkańca]" in text
    assert "zł" not in text
