"""Tests of the annual report's sections 1, 2 and 4–7 as data: typed tables and their sections."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

from citystrategy.errors import YearError
from citystrategy.model import AdoptedDocument, ReportSection, Strategy
from citystrategy.money import Money
from citystrategy.reports.document import (
    EXCEL_SHEET_NAME_LIMIT,
    Chart,
    ChartKind,
    ColumnKind,
    Heading,
    Paragraph,
    Section,
    Table,
    Tone,
)
from citystrategy.reports.tables import (
    ADOPTED_DOCUMENTS_COLUMNS,
    COMPLETED_PROJECTS_COLUMNS,
    GOAL_COSTS_COLUMNS,
    GOAL_SPENDING_COLUMNS,
    INTRODUCTION_COLUMNS,
    INTRODUCTION_ITEMS,
    REPORT_TEXTS_COLUMNS,
    adopted_documents_table,
    completed_projects_table,
    goal_costs_table,
    goal_spending_table,
    introduction_section,
    introduction_table,
    projects_section,
    report_texts_table,
    texts_sections,
)
from tests import factories
from tests.language import english_words, identifiers, polish_words

SOURCE = Path("/work/shared/sources/kielce-raport-roczny-2023.txt")

#: The projects of "Wykaz projektów zrealizowanych w 2023 r." and the cost each goal table of the
#: report states for it.
COMPLETED_2023 = {
    "KIE-P-01": Decimal("8818970.62"),  # Aktywizacja osób młodych … (VII)
    "KIE-P-02": Decimal("2575873.31"),  # Młodzi na start
    "KIE-P-04": Decimal("10090371.76"),  # Aktywizacja zawodowa osób powyżej 29 roku życia …
    "KIE-P-06": Decimal("514239.53"),  # Utworzenie nowej grupy żłobka
    "KIE-P-08": Decimal("1010450.89"),  # Wzmocnienie samodzielności obywateli Ukrainy
    "KIE-P-09": Decimal("10982979.36"),  # Świątokrzyskie dla Ukrainy
    "KIE-P-23": Decimal("0.00"),  # System Koordynacji Promocji Miasta Kielce
    "KIE-P-32": Decimal("8371150.00"),  # Poland Prize powered by Kielce Technology Park
    "KIE-P-35": Decimal("35610755.96"),  # Poprawa dostępności komunikacyjnej UJK …
    "KIE-P-44": Decimal("41763244.88"),  # Adaptacja budynków Zespołu Powięziennego …
}

#: The report's summary table per strategic goal: projects, implementers, cost, share.
DECLARED = {
    "1": (6, 3, Decimal("514239.53"), Decimal("0.6")),
    "2": (1, 1, Decimal("0.00"), Decimal("0")),
    "3": (1, 1, Decimal("7777279.37"), Decimal("9.1")),
    "4": (2, 2, Decimal("77374000.84"), Decimal("90.3")),
}


def _stated_costs_per_goal() -> dict[str, Decimal]:
    """Each goal table's stated amounts summed, read from the source text itself."""
    totals: dict[str, Decimal] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        row = re.match(r"Cel (\d)\. Miasto", line)
        if row is None:
            continue
        amount = re.fullmatch(r"([\d ]+)(,\d\d)? zł", line.split("\t")[-1].strip())
        if amount is None:
            continue  # "jw." or "Koszt realizacji projektu podany w Celu nr N"
        digits = amount[1].replace(" ", "") + (amount[2] or ",00").replace(",", ".")
        totals[row[1]] = totals.get(row[1], Decimal(0)) + Decimal(digits)
    return totals


def _two_currencies() -> Strategy:
    """A strategy whose two projects completed in 2023 cost 1 000,00 zł and 250,00 EUR."""
    return factories.make_strategy(
        projects=(
            factories.make_project(completed_in=2023, implementer=factories.make_implementer()),
            factories.make_project(
                code="T-P-02",
                name="Projekt w euro",
                cost=Money(Decimal("250.00"), "EUR"),
                completed_in=2023,
                links=(
                    factories.make_link(
                        strategic_goal="2", operational_goal="2.1", cost_cell="250,00 EUR"
                    ),
                ),
            ),
        ),
        reports=(factories.make_report(declared=factories.make_declared()),),
    )


# --- section 1 -------------------------------------------------------------------------------


def test_introduction_table_has_the_report_and_its_rules_typed(kielce: Strategy) -> None:
    """Kielce 2023: the resolution, the ordinances and the report's dates as dates, years as ints."""
    table = introduction_table(kielce, 2023)
    assert tuple(table.columns) == INTRODUCTION_COLUMNS
    assert list(table["item"]) == list(INTRODUCTION_ITEMS)
    items = dict(zip(table["item"], table["value"], strict=True))
    assert items["resolution"] == "Nr LXII/1256/2022"
    assert items["adopted_by"] == "Rada Miasta Kielce"
    assert items["adopted_on"] == dt.date(2022, 6, 9)
    assert items["monitoring_ordinance_date"] == dt.date(2022, 10, 4)
    assert items["monitoring_amended_on"] == dt.date(2023, 10, 23)
    assert "Nr 375/2023" in items["monitoring_amended_by"]
    assert items["annual_report_due"] == "30 czerwca"
    assert items["ongoing_evaluation_years"] == (2024, 2026, 2028)
    assert items["ex_post_evaluation_year"] == 2030
    assert (items["period_start"], items["period_end"]) == (2022, 2030)
    assert items["report_drawn_up_on"] == dt.date(2024, 6, 20)
    assert (items["report_period_start"], items["report_period_end"]) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 12, 31),
    )
    assert items["report_attachments"] == ("Raport z badania opinii publicznej",)
    assert table["value_missing"].isna().all()
    assert table.attrs["settings"]["year"] == 2023
    assert table.attrs["settings"]["strategy"] == kielce.code


def test_introduction_table_says_why_a_value_is_missing(strategy: Strategy) -> None:
    """A strategy without monitoring rules gives missing values with their reason, never ''."""
    synthetic = factories.make_strategy(reports=(factories.make_report(),))
    table = introduction_table(synthetic, 2023).set_index("item")
    assert table.loc["monitoring_ordinance", "value"] is None
    assert table.loc["monitoring_ordinance", "value_missing"] == "not_stated"
    assert table.loc["adopted_on", "value_missing"] == "not_stated"
    assert table.loc["report_year", "value"] == 2023


# --- section 2: completed projects ----------------------------------------------------------


def test_completed_projects_table_lists_the_ten_projects_of_2023(kielce: Strategy) -> None:
    """The ten projects of the report's list, each with its stated cost as an exact Decimal."""
    table = completed_projects_table(kielce, 2023)
    assert tuple(table.columns) == COMPLETED_PROJECTS_COLUMNS
    assert dict(zip(table["project"], table["cost"], strict=True)) == COMPLETED_2023
    assert all(type(cost) is Decimal for cost in table["cost"])
    assert sum(table["cost"]) == sum(COMPLETED_2023.values()) == Decimal("119738036.31")
    assert list(table["number"]) == list(range(1, 11))
    assert table["number"].dtype == "int64"
    assert set(table["currency"]) == {"PLN"}
    first = table.set_index("project").loc["KIE-P-35"]
    assert first["strategic_goals"] == ("4",)
    assert first["operational_goals"] == ("4.2",)
    assert "rozbudowa jezdni ul. Domaszowskiej" in first["description"]
    known = table.set_index("project").loc["KIE-P-09"]
    assert known["implementer"] == "Miejski Ośrodek Pomocy Rodzinie w Kielcach"
    assert known["implementer_kind"] == "internal"
    assert first["implementer"] is None
    assert first["implementer_missing"] == "not_stated"


def test_completed_projects_of_an_empty_year_is_an_empty_typed_table(kielce: Strategy) -> None:
    """A year of the period with no completed project gives no rows but every column."""
    table = completed_projects_table(kielce, 2026)
    assert table.empty
    assert tuple(table.columns) == COMPLETED_PROJECTS_COLUMNS
    assert table.attrs["settings"]["year"] == 2026


def test_completed_projects_keep_each_currency(strategy: Strategy) -> None:
    """Projects in two currencies keep their own currency per row; nothing is converted."""
    table = completed_projects_table(_two_currencies(), 2023)
    assert list(zip(table["cost"], table["currency"], strict=True)) == [
        (Decimal("1000.00"), "PLN"),
        (Decimal("250.00"), "EUR"),
    ]
    assert table.attrs["settings"]["currency"] is None
    assert table.attrs["settings"]["currencies"] == ("EUR", "PLN")


# --- section 2: computed and declared per goal ----------------------------------------------


def test_goal_costs_table_puts_computed_beside_declared(kielce: Strategy) -> None:
    """The report's declared figures beside those computed from its goal tables, each compared."""
    table = goal_costs_table(kielce, 2023)
    assert tuple(table.columns) == GOAL_COSTS_COLUMNS
    goals = table[table["goal"].notna()].set_index("goal")
    for goal, (projects, implementers, cost, share) in DECLARED.items():
        row = goals.loc[goal]
        assert row["projects_declared"] == projects
        assert row["implementers_declared"] == implementers
        assert row["cost_declared"] == cost
        assert row["share_declared"] == share
    assert goals.loc["1", "cost_computed"] == Decimal("33992885.47")
    assert goals.loc["3", "cost_computed"] == Decimal("8371150.00")
    assert (
        goals.loc["4", "cost_computed"] == COMPLETED_2023["KIE-P-35"] + COMPLETED_2023["KIE-P-44"]
    )
    assert list(goals["projects_computed"]) == [6, 1, 1, 2]
    assert list(goals["projects_agree"]) == [True, True, True, True]
    assert list(goals["cost_agree"]) == [False, True, False, True]
    assert list(goals["share_agree"]) == [False, True, False, False]  # 28,4 / 0 / 7,0 / 64,6
    assert goals.loc["1", "cost_difference"] == Decimal("33992885.47") - Decimal("514239.53")
    assert goals.loc["1", "share_difference"] == Decimal("28.4") - Decimal("0.6")
    assert list(goals["status"]) == ["differs", "partly_checked", "differs", "differs"]
    assert goals.loc["3", "implementers_computed"] == 1  # Kielce Technology Park
    assert goals.loc["1", "implementers_computed"] is pd.NA
    assert goals.loc["1", "implementers_computed_missing"] == "not_stated"


def test_goal_costs_total_row_has_the_section_header_figures(kielce: Strategy) -> None:
    """The total: 10 projects, 7 implementers and 85 665 519,74 zł declared; the sum computed."""
    table = goal_costs_table(kielce, 2023)
    total = table[table["goal"].isna()].iloc[0]
    assert total["goal_missing"] == "whole_strategy"
    assert (total["projects_computed"], total["projects_declared"]) == (10, 10)
    assert total["implementers_declared"] == 7
    assert total["cost_declared"] == Decimal("85665519.74")
    assert total["cost_computed"] == sum(COMPLETED_2023.values())
    assert total["cost_difference"] == Decimal("119738036.31") - Decimal("85665519.74")
    assert not total["cost_agree"]
    assert total["share_declared"] is None
    assert total["share_declared_missing"] == "not_stated"


def test_goal_costs_columns_are_typed(kielce: Strategy) -> None:
    """Counts are nullable integers, flags nullable booleans, money Decimal with its currency."""
    table = goal_costs_table(kielce, 2023)
    for figure in ("projects", "implementers"):
        assert str(table[f"{figure}_computed"].dtype) == "Int64"
        assert str(table[f"{figure}_declared"].dtype) == "Int64"
    for figure in ("projects", "implementers", "cost", "share"):
        assert str(table[f"{figure}_agree"].dtype) == "boolean"
    assert all(type(value) is Decimal for value in table["cost_computed"])
    assert set(table["currency"]) == {"PLN"} == set(table["declared_currency"])
    assert isinstance(table["project_codes"].iloc[0], tuple)


def test_goal_costs_in_two_currencies_leave_the_costs_unknown() -> None:
    """With projects in PLN and EUR no cost is summed: missing, with the reason beside it."""
    table = goal_costs_table(_two_currencies(), 2023)
    assert table["cost_computed"].isna().all()
    assert set(table["cost_computed_missing"]) == {"several_currencies"}
    assert table["cost_agree"].isna().all()
    assert list(table["projects_computed"]) == [1, 1, 2]


def test_goal_costs_of_a_report_without_figures_leave_the_declared_ones_missing() -> None:
    """A report that declares nothing: computed figures only, declared missing as not stated."""
    synthetic = factories.make_strategy(reports=(factories.make_report(),))
    table = goal_costs_table(synthetic, 2023)
    assert table["cost_declared"].isna().all()
    assert set(table["cost_declared_missing"]) == {"not_stated"}
    assert set(table["status"]) == {"not_checked"}
    assert table.iloc[-1]["cost_computed"] == Decimal("1000.00")


def test_goal_costs_of_an_empty_year_are_zero() -> None:
    """A reported year with no completed project: zero projects, zero cost in the currency."""
    synthetic = factories.make_strategy(reports=(factories.make_report(year=2024),))
    table = goal_costs_table(synthetic, 2024)
    assert list(table["projects_computed"]) == [0, 0, 0]
    assert list(table["cost_computed"]) == [Decimal(0)] * 3
    assert list(table["share_computed"]) == [Decimal(0)] * 3


# --- section 2: the pie charts' spending ----------------------------------------------------


def test_goal_spending_over_the_catalogue_counts_each_cost_where_stated(kielce: Strategy) -> None:
    """Chart 1: each goal's slice is the sum of the amounts its goal table states."""
    table = goal_spending_table(kielce)
    assert tuple(table.columns) == GOAL_SPENDING_COLUMNS
    stated = _stated_costs_per_goal()
    assert dict(zip(table["goal"], table["cost"], strict=True)) == stated
    assert sum(table["cost"]) == table.attrs["total"] == Decimal("725252582.21")
    assert sum(table["share"]) == pytest.approx(100)
    assert table.attrs["settings"]["scope"] == "catalogue"
    assert table.attrs["settings"]["year"] is None


def test_goal_spending_of_the_year_adds_up_to_the_grosz(kielce: Strategy) -> None:
    """Chart 2: the completed projects' slices add up to their total, each project once."""
    table = goal_spending_table(kielce, 2023)
    assert sum(table["cost"]) == table.attrs["total"] == sum(COMPLETED_2023.values())
    assert list(table["projects"]) == [6, 1, 1, 2]
    assert table["projects"].dtype == "int64"


def test_goal_spending_of_an_empty_year_is_zero(kielce: Strategy) -> None:
    """No project completed in 2026: every slice and the total are zero złoty, shares zero."""
    table = goal_spending_table(kielce, 2026)
    assert list(table["cost"]) == [Decimal(0)] * 4
    assert list(table["share"]) == [Decimal(0)] * 4
    assert list(table["projects"]) == [0] * 4
    assert table.attrs["total"] == Decimal(0)


def test_goal_spending_counts_a_shared_project_under_the_goal_that_states_its_cost() -> None:
    """A project whose cost goal table 2 states counts under goal 2 only, not under goal 1 too."""
    shared = factories.make_project(
        code="T-P-03",
        name="Projekt wspólny",
        cost=Money(Decimal("300.00")),
        links=(
            factories.make_link(cost_cell="Koszt realizacji projektu podany w Celu nr 2"),
            factories.make_link(strategic_goal="2", operational_goal="2.1", cost_cell="300,00 zł"),
        ),
    )
    unstated = factories.make_project(
        code="T-P-04",
        name="Projekt bez komórek",
        cost=Money(Decimal("5.00")),
        links=(
            factories.make_link(strategic_goal="2", operational_goal="2.2", cost_cell=""),
            factories.make_link(cost_cell=""),
        ),
    )
    synthetic = factories.make_strategy(projects=(shared, unstated))
    table = goal_spending_table(synthetic).set_index("goal")
    assert table.loc["1", "cost"] == Decimal(0)
    assert table.loc["2", "cost"] == Decimal("305.00")
    assert table.loc["2", "shared"] == 2
    assert table.attrs["total"] == Decimal("305.00")


def test_goal_spending_in_two_currencies_has_no_total() -> None:
    """Costs in PLN and EUR: no slice and no total, each with its reason."""
    table = goal_spending_table(_two_currencies(), 2023)
    assert table["cost"].isna().all()
    assert set(table["cost_missing"]) == {"several_currencies"}
    assert table.attrs["total"] is None


def test_goal_spending_refuses_a_year_outside_the_period(kielce: Strategy) -> None:
    """A year outside 2022–2030 is a YearError that names the period."""
    with pytest.raises(YearError, match="2040"):
        goal_spending_table(kielce, 2040)


def test_adopted_documents_table_has_the_sump_and_the_kof_strategy(kielce: Strategy) -> None:
    """The two documents of "Inne projekty przyjęte do realizacji", as the report gives them."""
    table = adopted_documents_table(kielce, 2023)
    assert tuple(table.columns) == ADOPTED_DOCUMENTS_COLUMNS
    sump, kof = (row for _, row in table.iterrows())
    assert sump["resolution"] == "Nr LXXXV/1671/2023"
    assert sump["adopted_on"] == dt.date(2023, 11, 17)
    assert len(sump["territories"]) == 13  # the 13 gminas of KOF
    assert len(sump["goals"]) == 6
    assert sump["actions"][0].startswith("1.1 Uruchomienie szybkich linii dowozowych")
    assert sump["actions"][-1].startswith("6.11 Stworzenie struktury zarządzania mobilnością")
    assert len(kof["goals"]) == 5
    assert len(kof["integrated_projects"]) == 5
    assert kof["eu_allocation"] == "ca 120 mln PLN"
    assert kof["eu_allocation_city"] == "ok 68 mln PLN"
    assert kof["adopted_on"] is None
    assert kof["adopted_on_missing"] == "not_stated"


def test_projects_section_ends_with_the_other_documents(kielce: Strategy) -> None:
    """Section 2 lists the other documents adopted in the period, under the report's heading."""
    section = projects_section(kielce, 2023)
    assert Heading("Inne projekty przyjęte do realizacji w okresie sprawozdawczym", 2) in (
        section.blocks
    )
    documents = next(t for t in section.tables if t.name == "adopted_documents")
    assert list(documents.frame["document"]) == ["SUMP-KOF", "SRP-KOF-2030"]


def test_a_later_report_lists_only_the_documents_adopted_in_its_year(kielce: Strategy) -> None:
    """A 2024 report leaves out the SUMP (adopted 17.11.2023) and the undated KOF strategy, whose
    status text is the 2023 report's; a document adopted in 2024 is listed there, not in 2023."""
    later = factories.make_report(
        year=2024, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31)
    )
    adopted = AdoptedDocument(code="P-2024", title="Plan", adopted_on=dt.date(2024, 3, 14))
    strategy = attrs.evolve(
        kielce,
        reports=(*kielce.reports, later),
        other_documents=(*kielce.other_documents, adopted),
    )
    assert list(adopted_documents_table(strategy, 2024)["document"]) == ["P-2024"]
    assert list(adopted_documents_table(strategy, 2023)["document"]) == ["SUMP-KOF", "SRP-KOF-2030"]


# --- sections 4–7 ---------------------------------------------------------------------------


def test_report_texts_table_has_the_texts_of_sections_4_to_7(kielce: Strategy) -> None:
    """The report's problems, risks, team, conclusions and further actions, verbatim."""
    table = report_texts_table(kielce, 2023)
    assert tuple(table.columns) == REPORT_TEXTS_COLUMNS
    assert list(table["section"]) == [4, 4, 5, 5, 5, 6, 6, 7]
    assert table["section"].dtype == "int64"
    assert table.iloc[0]["title"] == "Napotkane w trakcie realizacji Strategii problemy"
    assert table.iloc[0]["text"].startswith("Agregacja danych wynikowych")
    assert "31.10.2024" in table.iloc[6]["text"]


def test_texts_sections_follow_the_outline_and_say_when_a_text_is_missing() -> None:
    """Sections 4–7 each exist; one the report gives no text for says so, in Polish."""
    report = factories.make_report(
        sections=(ReportSection(section=4, title="Problemy", text="Brak danych."),)
    )
    sections = texts_sections(factories.make_strategy(reports=(report,)), 2023)
    assert [s.title for s in sections] == [
        "4. Problemy i ryzyka",
        "5. Opis działań podjętych przez zespół ds. realizacji strategii",
        "6. Wnioski i rekomendacje",
        "7. Opis dalszych działań",
    ]
    assert Paragraph("Brak danych.") in sections[0].blocks
    assert Paragraph("Raport nie zawiera tekstu tej części.") in sections[1].blocks


# --- a year without a report ----------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        introduction_table,
        goal_costs_table,
        report_texts_table,
        introduction_section,
        projects_section,
        texts_sections,
    ],
)
def test_a_year_without_an_annual_report_is_a_year_error(kielce: Strategy, call: object) -> None:
    """2024 has no report: a YearError (a KeyError and a ValueError) naming 2023."""
    assert callable(call)
    with pytest.raises(YearError) as caught:
        call(kielce, 2024)
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.years == (2023,)
    assert "2024" in str(caught.value)
    assert "2023" in str(caught.value)


# --- the sections, in both languages --------------------------------------------------------


def _sections(strategy: Strategy, locale: str) -> list[Section]:
    return [
        introduction_section(strategy, 2023, locale=locale),
        projects_section(strategy, 2023, locale=locale),
        *texts_sections(strategy, 2023, locale=locale),
    ]


def _shown_words(section: Section) -> list[str]:
    """Every text of *section* a reader sees: titles, paragraphs, column titles and labels."""
    words = [section.title, section.sheet]
    tables: list[Table] = []
    for block in section.blocks:
        if isinstance(block, Heading | Paragraph):
            words.append(block.text)
        elif isinstance(block, Table):
            tables.append(block)
        elif isinstance(block, Chart):
            words.append(block.title)
            tables.append(block.table)
    for table in tables:
        words += [table.title, table.note]
        for column in table.columns:
            words.append(column.title)
            words += [str(label) for label in column.labels.values()]
            for key in (column.key, column.reason_key):
                if key and not (key == column.key and column.labels):  # codes show as labels
                    words += [v for v in table.frame[key] if isinstance(v, str)]
    return words


def _names(strategy: Strategy) -> list[str]:
    """The data's own words: names, descriptions, the report's texts and citations."""
    names = [strategy.title, strategy.adopted_by, strategy.resolution]
    names += [g.name for g in strategy.strategic_goals]
    names += [text for p in strategy.projects for text in (p.name, p.description)]
    names += [p.implementer.name for p in strategy.projects if p.implementer is not None]
    for report in strategy.reports:
        names += [report.introduction, report.source, *report.attachments]
        names += [text for s in report.sections for text in (s.title, s.text)]
    for document in strategy.other_documents:
        names += [document.title, document.adopted_by, document.status, document.summary]
        names += [document.eu_allocation, document.eu_allocation_city]
        names += [f"{goal.code}. {goal.name}" for goal in document.goals]
        names += [f"{code}. {name}" for code, name in document.integrated_projects]
    if strategy.monitoring is not None:
        rules = strategy.monitoring
        names += [rules.ordinance, rules.amended_by, rules.annual_report_due]
    return names


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_sections_speak_one_language(kielce: Strategy, locale: str) -> None:
    """Polish sections hold no English words, English ones no Polish, neither identifiers."""
    names = _names(kielce)
    text = "\n".join(w for section in _sections(kielce, locale) for w in _shown_words(section))
    other = english_words if locale == "pl_PL" else polish_words
    assert other(text, names=names) == []
    assert identifiers(text, names=names) == []


def test_projects_section_in_polish_has_the_header_figures(kielce: Strategy) -> None:
    """10 projects, 7 implementers (6 internal, 1 external), 85 665 519,74 zł, in Polish."""
    section = projects_section(kielce, 2023)
    assert section.title == "2. Zrealizowane działania i ich koszt"
    text = next(b.text for b in section.blocks if isinstance(b, Paragraph)).replace("\xa0", " ")
    assert "Liczba zrealizowanych projektów: 10." in text
    assert "7 (wewnętrznych: 6, zewnętrznych: 1)" in text
    assert "85 665 519,74 zł według raportu" in text
    assert "119 738 036,31 zł według tabel projektów" in text
    assert Paragraph("Liczby niezgodne z raportem: 6.") in section.blocks


def test_projects_section_in_english(kielce: Strategy) -> None:
    """The same figures in English, the pies titled after the report's charts."""
    section = projects_section(kielce, 2023, locale="en_GB")
    assert section.title == "2. Projects carried out and their cost"
    text = next(b.text for b in section.blocks if isinstance(b, Paragraph)).replace("\xa0", " ")
    assert "Bodies involved in carrying them out: 7 (6 internal, 1 external)" in text
    charts = [b for b in section.blocks if isinstance(b, Chart)]
    assert [c.title for c in charts] == [
        "Chart 1. Spending per strategic goal in 2022–2030",
        "Chart 2. Spending per strategic goal in 2023",
    ]


def test_projects_section_pies_are_the_spending_tables(kielce: Strategy) -> None:
    """Two pies of one series, the catalogue's and the year's, titled as in the report."""
    section = projects_section(kielce, 2023)
    charts = [b for b in section.blocks if isinstance(b, Chart)]
    assert [c.kind for c in charts] == [ChartKind.PIE, ChartKind.PIE]
    assert [c.title for c in charts] == [
        "Wykres 1. Nakłady poświęcone na dany cel strategiczny w latach 2022–2030",
        "Wykres 2. Nakłady poświęcone na dany cel strategiczny w roku 2023",
    ]
    assert all(c.series == ("cost",) for c in charts)
    assert sum(charts[0].table.frame["cost"]) == Decimal("725252582.21")
    assert sum(charts[1].table.frame["cost"]) == sum(COMPLETED_2023.values())


def test_projects_section_marks_each_agreement(kielce: Strategy) -> None:
    """The agree flags are booleans with words and tones; the check column a coloured status."""
    section = projects_section(kielce, 2023)
    costs = next(t for t in section.tables if t.name == "goal_costs")
    columns = {c.key: c for c in costs.columns}
    agree = columns["cost_agree"]
    assert agree.kind is ColumnKind.BOOLEAN
    assert agree.labels == {True: "tak", False: "NIE"}
    assert agree.tones == {True: Tone.GOOD, False: Tone.BAD}
    assert columns["status"].kind is ColumnKind.STATUS
    assert columns["status"].labels["differs"] == "rozbieżne"
    assert columns["status"].tones["differs"] is Tone.BAD
    assert columns["cost_computed"].kind is ColumnKind.MONEY
    assert columns["share_declared"].kind is ColumnKind.PERCENT
    assert list(costs.frame["goal_label"])[-1] == "Razem"


def test_projects_section_in_two_currencies_has_no_pie() -> None:
    """No total exists: no pie, a paragraph that says why, costs in their rows' currencies."""
    section = projects_section(_two_currencies(), 2023, locale="en_GB")
    assert not [b for b in section.blocks if isinstance(b, Chart)]
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert any("several currencies (EUR, PLN)" in t for t in texts)
    completed = next(t for t in section.tables if t.name == "completed_projects")
    cost = next(c for c in completed.columns if c.key == "cost")
    assert (cost.kind, cost.unit_key) == (ColumnKind.MEASURE, "currency")


def test_introduction_section_shows_dates_in_the_language(kielce: Strategy) -> None:
    """Dates read as Polish dates by default and as English ones with en_GB."""
    polish = introduction_section(kielce, 2023)
    english = introduction_section(kielce, 2023, locale="en_GB")
    assert polish.title == "1. Informacje wstępne"
    shown = dict(zip(polish.tables[0].frame["label"], polish.tables[0].frame["shown"], strict=True))
    assert shown["Data uchwały"].replace("\xa0", " ") == "9 czerwca 2022 r."
    assert shown["Lata ewaluacji bieżącej (on-going)"] == "2024, 2026, 2028"
    frame = english.tables[0].frame
    shown = dict(zip(frame["label"], frame["shown"], strict=True))
    assert "June 2022" in shown["Date of the resolution"]


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_sheet_names_fit_a_spreadsheet(kielce: Strategy, locale: str) -> None:
    """Every section's sheet name is set and at most 31 characters long."""
    for section in _sections(kielce, locale):
        assert 0 < len(section.sheet) <= EXCEL_SHEET_NAME_LIMIT
        assert "'" not in section.sheet  # a quote in a sheet name needs escaping in references
