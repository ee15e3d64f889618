"""Tests of the Kielce adapter against the 2023 report itself.

Expected values come from verbatim excerpts of the report in ``tests/data`` (parsed here with
small independent helpers, never with :mod:`citystrategy.io.parse`) or are typed from the report.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from citystrategy.frames import LONG_COLUMNS, OPTIONAL_COLUMNS, validate_long
from citystrategy.model import AdoptedDocument, Level, Project, Strategy, TerritoryKind
from citystrategy.money import Money

DATA = Path(__file__).resolve().parents[2] / "data"
SECTION3 = DATA / "kielce_indicators_section3.txt"
GOAL_TABLES = DATA / "kielce_goal_tables_excerpt.txt"
SECTION2 = DATA / "kielce_section2_figures.txt"

#: The strategic goals, typed from the headings "CEL N - Name" of section 2.
STRATEGIC_GOALS = (
    ("1", "Miasto dla każdego"),
    ("2", "Miasto sprawne i aktywne"),
    ("3", "Miasto rozwijające się"),
    ("4", "Miasto, w którym chce się żyć"),
)

#: The operational goals, typed from the headings "Cel X.Y. Name" of section 2.
OPERATIONAL_GOALS = (
    ("1.1", "Miasto równych szans"),
    ("1.2", "Miasto stawiające na zrównoważoną lokalność"),
    ("1.3", "Miasto sprzyjające aktywności społecznej"),
    ("2.1", "Sprawny Urząd"),
    ("2.2", "Miasto otwarte na współpracę"),
    ("2.3", "Miasto sprawnych usług cyfrowych i publicznych"),
    ("2.4", "Miasto odpowiedzialne środowiskowo"),
    ("3.1", "Miasto z odpowiedzialnym budżetem"),
    ("3.2", "Miasto wspierające przedsiębiorczość swoich Mieszkańców"),
    ("3.3", "Miasto wspierające przedsiębiorców lokalnych i inwestorów"),
    ("3.4", "Miasto atrakcyjne turystycznie"),
    ("3.5", "Miasto rozwijające i pozyskujące nowe talenty"),
    ("3.6", "Miasto o innowacyjnej gospodarce"),
    ("3.7", "Miasto o budującej się tożsamości"),
    ("4.1", "Miasto atrakcyjne wizualnie"),
    ("4.2", "Miasto o nowoczesnej infrastrukturze i transporcie publicznym"),
    ("4.3", "Miasto pełne zieleni"),
    ("4.4", "Miasto o bogatej ofercie kulturalnej i sportowej"),
)

#: "Wykaz projektów zrealizowanych w 2023 r.": name as in the goal tables, cost typed from the
#: goal tables, strategic goal of the table that states the cost.
COMPLETED_2023 = (
    (
        "Poprawa dostępności komunikacyjnej Uniwersytetu Jana Kochanowskiego poprzez rozbudowę "
        "ul. Domaszowskiej i ul. Żniwnej w Kielcach wraz z rozbudową skrzyżowania al. Tysiąclecia "
        "P.P. z al. Solidarności",
        "35610755.96",
        "4",
    ),
    (
        "Aktywizacja osób młodych pozostających bez pracy w gminie Miasto Kielce (VII)",
        "8818970.62",
        "1",
    ),
    ("Młodzi na start", "2575873.31", "1"),
    (
        "Aktywizacja zawodowa osób powyżej 29 roku życia pozostających bez pracy w Gminie Miasto "
        "Kielce (VII)",
        "10090371.76",
        "1",
    ),
    ("Utworzenie nowej grupy żłobka", "514239.53", "1"),
    (
        "Adaptacja budynków Zespołu Powięziennego przy ul. Zamkowej 1 w Kielcach pod potrzeby "
        'Teatru Lalki i Aktora "Kubuś"',
        "41763244.88",
        "4",
    ),
    ("Poland Prize powered by Kielce Technology Park", "8371150.00", "3"),
    ("Wzmocnienie samodzielności obywateli Ukrainy", "1010450.89", "1"),
    ("Świętokrzyskie dla Ukrainy", "10982979.36", "1"),
    ("System Koordynacji Promocji Miasta Kielce", "0.00", "2"),
)

#: One project printed with two spellings in goal table 1 (rows 14 and 15).
TYPOS = {
    "Działania edukacyjne dla mieszkańców, w szczegółności seniorów": (
        "Działania edukacyjne dla mieszkańców, w szczególności seniorów"
    )
}

#: An indicator name printed with a typo, and the name the data give it (the printed one in its
#: note).
INDICATOR_TYPOS = {
    "Stopecień pokrycia obszaru miejscowymi planami zagospodarowania przestrzennego": (
        "Stopień pokrycia obszaru miejscowymi planami zagospodarowania przestrzennego"
    )
}

#: The opening of the names of the indicators taken from the residents' survey.
SURVEY_OPENING = "Odsetek kielczanek i kielczan"


def number(cell: str) -> Decimal | None:
    """A printed cell as a Decimal ("1 234,5 zł" -> 1234.5); ``None`` for the sign "- *"."""
    text = cell.strip()
    if text == "- *":
        return None
    for suffix in ("zł", "%", "MWh", "ug/m3"):
        text = text.removesuffix(suffix).strip()
    return Decimal(text.replace(" ", "").replace(",", "."))


def normalized(name: str) -> str:
    """A project name without quotation marks, a final full stop, doubled spaces or known typos."""
    text = " ".join(re.sub('[„”“"]', "", name).split()).rstrip(".")
    return TYPOS.get(text, text)


class PrintedIndicator(NamedTuple):
    """One indicator row of section 3, as printed."""

    position: int
    code: str
    level: Level
    goal: str
    name: str
    value_2023: str
    value_2022: str
    target: str


def printed_indicators() -> list[PrintedIndicator]:
    """The 112 indicator rows of the section 3 excerpt, with the code the data README defines."""
    rows: list[PrintedIndicator] = []
    level, goal = Level.IMPACT, ""
    numbers: dict[str, int] = {}
    for line in SECTION3.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("\t")]
        if line.startswith("#") or len(cells) != 4:
            continue
        name, value_2023, value_2022, target = cells
        if name.startswith("Nazwa celu"):
            level = Level.IMPACT if "strategicznego" in name else Level.RESULT
            continue
        if not (value_2023 or value_2022 or target):
            heading = re.match(r"CEL STRATEGICZNY (\d+) |Cel (\d+\.\d+)\. ", name)
            assert heading is not None, name
            goal = heading[1] or heading[2]
            continue
        numbers[goal] = numbers.get(goal, 0) + 1
        code = f"KIE-{goal}-{numbers[goal]:02}"
        rows.append(
            PrintedIndicator(len(rows), code, level, goal, name, value_2023, value_2022, target)
        )
    return rows


def footnote() -> str:
    """The text of the report's footnote on "- *"."""
    lines = SECTION3.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("-* ")).removeprefix("-* ")


class GoalTableRow(NamedTuple):
    """One row of a goal table of section 2 (a row split by a page break is joined)."""

    table: str
    row: int
    operational_goal: str
    project: str
    cost: str


def goal_table_rows() -> list[GoalTableRow]:
    """The 56 rows of the four goal tables in the excerpt."""
    goal_codes = {name.casefold(): code for code, name in OPERATIONAL_GOALS}
    raw_rows: list[list[str]] = []
    for line in GOAL_TABLES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "Nazwa celu")):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        assert len(cells) == 5, line
        if line.startswith("\t"):  # the rest of the row above, after a page break
            for index, cell in enumerate(cells):
                if cell:
                    raw_rows[-1][index] = f"{raw_rows[-1][index]} {cell}"
            continue
        raw_rows.append(cells)
    rows: list[GoalTableRow] = []
    numbers: dict[str, int] = {}
    for strategic, operational, _directions, project, cost in raw_rows:
        heading = re.match(r"Cel (\d)\. ", strategic)
        assert heading is not None, strategic
        table = heading[1]
        numbers[table] = numbers.get(table, 0) + 1
        goal = goal_codes[operational.casefold()]
        rows.append(GoalTableRow(table, numbers[table], goal, project, cost))
    return rows


PRINTED = printed_indicators()
GOAL_TABLE_ROWS = goal_table_rows()
#: Each project of the goal tables once: normalised name -> its rows.
PROJECT_ROWS: dict[str, list[GoalTableRow]] = {}
for _row in GOAL_TABLE_ROWS:
    PROJECT_ROWS.setdefault(normalized(_row.project), []).append(_row)


def find_project(strategy: Strategy, name: str) -> Project:
    """The one project whose name or an alias is *name* (compared normalised)."""
    found = [
        p
        for p in strategy.projects
        if normalized(name) in {normalized(n) for n in (p.name, *p.aliases)}
    ]
    assert len(found) == 1, (name, [p.code for p in found])
    return found[0]


def document(strategy: Strategy, code: str) -> AdoptedDocument:
    """The other adopted document with *code*."""
    return next(d for d in strategy.other_documents if d.code == code)


# --- goals ---------------------------------------------------------------------------------


def test_excerpts_parse_to_the_printed_counts() -> None:
    """The independent readers find 112 indicator rows and 56 goal-table rows in the excerpts."""
    assert len(PRINTED) == 112
    assert len(GOAL_TABLE_ROWS) == 56
    assert len(PROJECT_ROWS) == 44


def test_four_strategic_goals(kielce: Strategy) -> None:
    """The strategy has the 4 strategic goals with the names of the report's headings."""
    assert [(g.code, g.name) for g in kielce.strategic_goals] == list(STRATEGIC_GOALS)


def test_eighteen_operational_goals(kielce: Strategy) -> None:
    """The strategy has the 18 operational goals with the codes and names of the headings."""
    assert [(g.code, g.name) for g in kielce.operational_goals] == list(OPERATIONAL_GOALS)


@pytest.mark.parametrize(("code", "name"), OPERATIONAL_GOALS, ids=[c for c, _ in OPERATIONAL_GOALS])
def test_operational_goal_sits_under_its_strategic_goal(
    kielce: Strategy, code: str, name: str
) -> None:
    """Each operational goal is found by its code under the strategic goal its code names."""
    goal = kielce.goal(code)
    assert goal.name == name
    parent = next(g for g in kielce.strategic_goals if g.code == code.split(".")[0])
    assert goal in parent.operational_goals


# --- indicators ----------------------------------------------------------------------------


def test_indicator_counts(kielce: Strategy) -> None:
    """There are 112 indicators, 4 impact and 108 result, with unique codes."""
    levels = [i.level for i in kielce.indicators]
    assert len(levels) == 112
    assert levels.count(Level.IMPACT) == 4
    assert levels.count(Level.RESULT) == 108
    assert len({i.code for i in kielce.indicators}) == 112


@pytest.mark.parametrize("printed", PRINTED, ids=[p.code for p in PRINTED])
def test_indicator_matches_printed_row(kielce: Strategy, printed: PrintedIndicator) -> None:
    """The indicator at each position has the printed name, level, goal and documented code."""
    indicator = kielce.indicators[printed.position]
    assert indicator.name == INDICATOR_TYPOS.get(printed.name, printed.name)
    if printed.name in INDICATOR_TYPOS:
        assert f"zapisano „{printed.name.split()[0]}”" in indicator.note  # the note, Polish
    assert indicator.level is printed.level
    assert indicator.goal_code == printed.goal
    assert indicator.code == printed.code


@pytest.mark.parametrize(
    ("printed", "year"),
    [(p, year) for p in PRINTED for year in (2023, 2022)],
    ids=[f"{p.code}-{year}" for p in PRINTED for year in (2023, 2022)],
)
def test_printed_value_reads_back(kielce: Strategy, printed: PrintedIndicator, year: int) -> None:
    """Each of the 224 printed values reads back exactly, and "- *" as a missing value."""
    cell = printed.value_2023 if year == 2023 else printed.value_2022
    indicator = kielce.indicators[printed.position]
    assert indicator.name == INDICATOR_TYPOS.get(printed.name, printed.name)
    observation = kielce.observation(indicator.code, year)
    assert observation is not None
    assert observation.raw == cell
    expected = number(cell)
    if expected is None:
        assert observation.value is None
        assert observation.missing is not None
    else:
        assert observation.value == expected
        assert observation.missing is None


def test_observations_are_the_printed_ones(kielce: Strategy) -> None:
    """There are exactly 224 observations: two years of 112 indicators, for Kielce's TERYT."""
    keys = {(o.indicator, o.year) for o in kielce.observations}
    assert len(kielce.observations) == 224
    assert keys == {(p.code, year) for p in PRINTED for year in (2022, 2023)}
    assert {o.territory for o in kielce.observations} == {"2661011"}


def test_missing_values_have_the_bdl_reason(kielce: Strategy) -> None:
    """The 4 "- *" cells are missing values carrying the report's footnote on GUS BDL."""
    printed = {
        (p.code, year)
        for p in PRINTED
        for year, cell in ((2023, p.value_2023), (2022, p.value_2022))
        if cell == "- *"
    }
    assert len(printed) == 4
    missing = [o for o in kielce.observations if o.value is None]
    assert {(o.indicator, o.year) for o in missing} == printed
    for observation in missing:
        assert observation.missing is not None
        assert observation.missing.code == "not_yet_in_bdl"
        assert observation.missing.marker == "- *"
        assert observation.missing.text == footnote()


def test_survey_indicators(kielce: Strategy) -> None:
    """The 29 survey shares ("Odsetek kielczanek i kielczan …") are flagged as survey, in percent."""
    printed = {p.code for p in PRINTED if p.name.startswith(SURVEY_OPENING)}
    survey = {i.code for i in kielce.indicators if i.survey}
    assert len(printed) == 29
    assert survey == printed
    assert {kielce.indicator(code).unit for code in survey} == {"percent"}


@pytest.mark.parametrize("printed", PRINTED, ids=[p.code for p in PRINTED])
def test_target_raw_text_is_the_printed_cell(kielce: Strategy, printed: PrintedIndicator) -> None:
    """Every target keeps the printed "Docelowa wartość" cell verbatim."""
    target = kielce.indicators[printed.position].target
    assert target is not None
    assert target.raw == printed.target
    assert target.year == 2030


@pytest.mark.parametrize("printed", PRINTED, ids=[p.code for p in PRINTED])
def test_percent_cells_mean_a_percent_unit(kielce: Strategy, printed: PrintedIndicator) -> None:
    """An indicator printed with "%" is in percent, one printed with "zł" in an amount of PLN."""
    unit = kielce.indicators[printed.position].unit
    cells = (printed.value_2023, printed.value_2022)
    if any(cell.endswith("%") for cell in cells):
        assert unit == "percent"
    if any(cell.endswith("zł") for cell in cells):
        assert unit.split("/")[0].strip() == "PLN"


# --- projects ------------------------------------------------------------------------------


def test_forty_four_projects(kielce: Strategy) -> None:
    """The catalogue has 44 projects with unique codes, one per distinct goal-table project."""
    assert len(kielce.projects) == 44
    assert len({p.code for p in kielce.projects}) == 44
    assert sum(len(p.links) for p in kielce.projects) == len(GOAL_TABLE_ROWS)


@pytest.mark.parametrize(
    "name",
    list(PROJECT_ROWS),
    ids=[f"table{rows[0].table}-row{rows[0].row}" for rows in PROJECT_ROWS.values()],
)
def test_goal_table_project_is_one_project(kielce: Strategy, name: str) -> None:
    """Each goal-table project is one project, linked to exactly the goals of its rows."""
    rows = PROJECT_ROWS[name]
    project = find_project(kielce, name)
    assert sorted((link.strategic_goal, link.operational_goal) for link in project.links) == sorted(
        (row.table, row.operational_goal) for row in rows
    )
    for row in rows:
        assert find_project(kielce, row.project) == project


@pytest.mark.parametrize(
    "name",
    list(PROJECT_ROWS),
    ids=[f"table{rows[0].table}-row{rows[0].row}" for rows in PROJECT_ROWS.values()],
)
def test_project_cost_is_the_one_printed_amount(kielce: Strategy, name: str) -> None:
    """A project's cost is the one amount printed for it; its cost references name that table."""
    rows = PROJECT_ROWS[name]
    amounts = [row for row in rows if row.cost.endswith("zł")]
    assert len(amounts) == 1
    stated = amounts[0]
    amount = number(stated.cost)
    assert amount is not None
    assert find_project(kielce, name).cost == Money(amount)
    for row in rows:
        if row.cost.startswith("Koszt realizacji projektu podany w Celu nr"):
            assert row.cost.removeprefix("Koszt realizacji projektu podany w Celu nr ") == (
                stated.table
            )
        elif row is not stated:
            assert row.cost == "jw."


@pytest.mark.parametrize(
    ("name", "cost", "operational_goals"),
    [
        ("Budowa Inkubatora California Inc.", "140002443", {"3.3"}),
        (
            "Zielony transport publiczny w Kielcach - zakup autobusów elektrycznych wraz z "
            "infrastrukturą ładowania",
            "85362000.00",
            {"2.4", "4.2"},
        ),
        ("Otwarte Dane", "372075.00", {"1.1", "2.1", "2.2", "2.3"}),
        ("Zoom na Kielce", "581173.77", {"1.3", "2.1", "2.3"}),
    ],
    ids=["california-inc", "zielony-transport", "otwarte-dane", "zoom-na-kielce"],
)
def test_named_project(kielce: Strategy, name: str, cost: str, operational_goals: set[str]) -> None:
    """Named projects have the exact cost and the goals the report gives them."""
    project = find_project(kielce, name)
    assert project.cost == Money(Decimal(cost))
    assert set(project.operational_goals) == operational_goals
    assert set(project.strategic_goals) == {goal.split(".")[0] for goal in operational_goals}


def test_completed_projects(kielce: Strategy) -> None:
    """The 10 projects of "Wykaz projektów zrealizowanych w 2023 r." are completed in 2023."""
    completed = [p for p in kielce.projects if p.completed_in is not None]
    expected = {find_project(kielce, name).code for name, _, _ in COMPLETED_2023}
    assert len(expected) == 10
    assert {p.code for p in completed} == expected
    assert {p.completed_in for p in completed} == {2023}


@pytest.mark.parametrize(
    ("name", "cost", "goal"),
    COMPLETED_2023,
    ids=[f"lp{index}" for index in range(1, 11)],
)
def test_completed_project_cost(kielce: Strategy, name: str, cost: str, goal: str) -> None:
    """Each completed project has its goal-table cost and strategic goal."""
    project = find_project(kielce, name)
    assert project.cost == Money(Decimal(cost))
    assert project.strategic_goals == (goal,)
    assert project.completed_in == 2023


def test_completed_list_spelling_is_an_alias(kielce: Strategy) -> None:
    """The completed list's "Świątokrzyskie dla Ukrainy" is an alias of the goal-table project."""
    project = find_project(kielce, "Świętokrzyskie dla Ukrainy")
    assert "Świątokrzyskie dla Ukrainy" in project.aliases


# --- declared figures of section 2 ---------------------------------------------------------


def section2_cells() -> list[list[str]]:
    """The tab-separated rows of the section 2 excerpt."""
    lines = SECTION2.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if "\t" in line and not line.startswith("#")]


def test_declared_summary_figures(kielce: Strategy) -> None:
    """The report's header figures: 10 projects, 7 implementers (6 + 1), 85 665 519,74 zł."""
    header = {cells[0]: cells[1] for cells in section2_cells() if len(cells) == 2}
    declared = kielce.report(2023).declared
    assert declared is not None
    assert declared.projects_completed == int(header["Liczba zrealizowanych projektów"]) == 10
    assert (
        declared.implementers
        == int(header["Liczba podmiotów zaangażowanych w realizację projektów"])
        == 7
    )
    assert declared.internal_implementers == 6
    assert declared.external_implementers == 1
    cost = number(header["Łączny koszt realizacji projektów"].split(" – ")[0])
    assert cost == Decimal("85665519.74")
    assert declared.total_cost == Money(cost)


@pytest.mark.parametrize(
    ("goal", "projects", "implementers", "cost", "share"),
    [
        ("1", 6, 3, "514239.53", "0.6"),
        ("2", 1, 1, "0.00", "0"),
        ("3", 1, 1, "7777279.37", "9.1"),
        ("4", 2, 2, "77374000.84", "90.3"),
    ],
    ids=["goal-1", "goal-2", "goal-3", "goal-4"],
)
def test_declared_goal_table(
    kielce: Strategy, goal: str, projects: int, implementers: int, cost: str, share: str
) -> None:
    """The per-goal summary table is kept as printed (projects, implementers, cost, share)."""
    printed = next(
        cells for cells in section2_cells() if cells[0].startswith(f"CEL STRATEGICZNY {goal} ")
    )
    assert (int(printed[1]), int(printed[2]), number(printed[3]), number(printed[4])) == (
        projects,
        implementers,
        Decimal(cost),
        Decimal(share),
    )
    declared = kielce.report(2023).declared
    assert declared is not None
    figures = next(g for g in declared.goals if g.goal_code == goal)
    assert figures.label == printed[0]
    assert (figures.projects, figures.implementers) == (projects, implementers)
    assert figures.cost == Money(Decimal(cost))
    assert figures.share == Decimal(share)


# --- metadata, other documents, texts ------------------------------------------------------


def test_metadata(kielce: Strategy) -> None:
    """Title, resolution, adoption date, territory and the report's dates are those printed."""
    assert kielce.title == "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"
    assert kielce.resolution == "Nr LXII/1256/2022"
    assert kielce.adopted_on == dt.date(2022, 6, 9)
    assert kielce.adopted_by == "Rada Miasta Kielce"
    assert kielce.territory.name == "Kielce"
    assert kielce.territory.teryt == "2661011"
    assert kielce.territory.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS
    report = kielce.report(2023)
    assert report.drawn_up_on == dt.date(2024, 6, 20)
    assert (report.period_start, report.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert report.attachments == ("Raport z badania opinii publicznej",)


def test_monitoring_rules(kielce: Strategy) -> None:
    """On-going evaluations in 2024, 2026 and 2028, ex-post in 2030, ordinance of 4.10.2022."""
    monitoring = kielce.monitoring
    assert monitoring is not None
    assert monitoring.ongoing_evaluation_years == (2024, 2026, 2028)
    assert monitoring.ex_post_evaluation_year == 2030
    assert monitoring.ordinance_date == dt.date(2022, 10, 4)
    assert monitoring.amended_on == dt.date(2023, 10, 23)


def test_only_the_2023_report(kielce: Strategy) -> None:
    """The strategy carries one annual report, on 2023; asking for 2022 is a KeyError."""
    assert [r.year for r in kielce.reports] == [2023]
    with pytest.raises(KeyError):
        kielce.report(2022)


def test_sump_kof(kielce: Strategy) -> None:
    """SUMP KOF: 13 gminas, 6 goals with 53 actions numbered 1.1 … 6.11."""
    sump = document(kielce, "SUMP-KOF")
    assert sump.resolution == "Nr LXXXV/1671/2023"
    assert sump.adopted_on == dt.date(2023, 11, 17)
    assert len(sump.territories) == 13
    assert sump.territories[0] == "Miasto Kielce"
    assert [g.code for g in sump.goals] == ["1", "2", "3", "4", "5", "6"]
    per_goal = {"1": 10, "2": 6, "3": 8, "4": 6, "5": 12, "6": 11}
    for goal in sump.goals:
        assert [code for code, _ in goal.actions] == [
            f"{goal.code}.{n}" for n in range(1, per_goal[goal.code] + 1)
        ]
    assert sum(len(g.actions) for g in sump.goals) == 53
    assert sump.goals[5].actions[-1] == (
        "6.11",
        "Stworzenie struktury zarządzania mobilnością dla całego obszaru funkcjonalnego KOF",
    )


def test_kof_strategy(kielce: Strategy) -> None:
    """The KOF supra-local strategy 2030 has 5 goals and 5 integrated projects."""
    kof = document(kielce, "SRP-KOF-2030")
    assert kof.title == "Strategia Rozwoju Ponadlokalnego Kieleckiego Obszaru Funkcjonalnego 2030"
    # As printed ("Cel N. Name."); the data drop the full stop that ends each list item.
    printed = [
        "Aktywne i zintegrowane międzypokoleniowo społeczeństwo.",
        "Konkurencyjna gospodarka i rynek pracy.",
        "Silny region turystyczny bazujący na dziedzictwie kulturowym, historycznym i przyrodniczym.",
        "KOF dostępny i zintegrowany komunikacyjnie.",
        "Zrównoważony rozwój i zachowany potencjał przyrodniczy.",
    ]
    assert [g.name for g in kof.goals] == [name.removesuffix(".") for name in printed]
    assert [g.code for g in kof.goals] == ["1", "2", "3", "4", "5"]
    assert kof.goals[2].note == "Cel realizowany w ramach Komponentu ZIT"
    assert [code for code, _ in kof.integrated_projects] == ["1", "2", "3", "4", "5"]
    assert len(kof.city_projects) == 5
    assert kof.eu_allocation == "ca 120 mln PLN"
    assert kof.eu_allocation_city == "ok 68 mln PLN"


def test_sections_four_to_seven(kielce: Strategy) -> None:
    """Sections 4–7 are kept as text, with the problem named in section 4."""
    sections = kielce.report(2023).sections
    assert {s.section for s in sections} == {4, 5, 6, 7}
    assert all(s.title and s.text for s in sections)
    problems = next(s for s in sections if s.title.endswith("problemy"))
    assert problems.section == 4
    assert problems.text == "Agregacja danych wynikowych będących podstawą prowadzenia monitoringu."


# --- the long frame ------------------------------------------------------------------------


def test_observations_frame_follows_the_contract(kielce: Strategy) -> None:
    """The frame has the contract's columns and dtypes, 224 rows, and validates."""
    frame = kielce.observations_frame()
    assert list(frame.columns) == [*LONG_COLUMNS, *OPTIONAL_COLUMNS]
    assert len(frame) == 224
    assert frame["year"].dtype == "int64"
    assert frame["value"].dtype == "float64"
    assert set(frame["year"]) == {2022, 2023}
    assert set(frame["territory"]) == {"2661011"}
    validate_long(frame)


def test_observations_frame_missing_values_are_nan_with_flag(kielce: Strategy) -> None:
    """The 4 missing values are NaN with the reason code in ``flag``; the others have no flag."""
    frame = kielce.observations_frame()
    missing = frame[frame["value"].isna()]
    assert len(missing) == 4
    assert set(missing["flag"]) == {"not_yet_in_bdl"}
    assert set(missing["year"]) == {2023}
    assert frame.loc[frame["value"].notna(), "flag"].isna().all()


@pytest.mark.parametrize(
    ("code", "year", "value"),
    [
        ("KIE-1-01", 2023, 5.2),
        ("KIE-3.1-01", 2023, 1679523470.54),
        ("KIE-4.2-06", 2022, 34029179.0),
        ("KIE-2.4-09", 2022, 29493.48),
    ],
    ids=["percent", "pln", "count", "mwh"],
)
def test_observations_frame_values_are_floats_of_the_printed_values(
    kielce: Strategy, code: str, year: int, value: float
) -> None:
    """The frame's float value is the printed value."""
    frame: pd.DataFrame = kielce.observations_frame()
    cell = frame.loc[(frame["indicator"] == code) & (frame["year"] == year), "value"]
    assert len(cell) == 1
    assert math.isclose(float(cell.iloc[0]), value, rel_tol=0, abs_tol=1e-9)
