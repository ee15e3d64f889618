"""The Markdown writer: exact text in places, and every table parsed back as a table."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from citystrategy.costs import (
    completed_by_goal,
    completed_projects,
    completed_total,
    declared_summary,
)
from citystrategy.errors import ArgumentError, ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.reports.document import (
    Block,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Section,
    Table,
)
from citystrategy.reports.markdown import to_markdown, write_markdown
from tests.language import english_words, identifiers, polish_words

NBSP = "\xa0"
#: A CommonMark parser with GitHub's pipe tables, as a code forge renders Markdown.
PARSER = MarkdownIt("commonmark").enable("table")
#: The 2023 cost of each goal's completed projects, computed from the project tables (the issue
#: lists 33 992 885,47), and the total the report declares (kielce.md: 85 665 519,74 zł).
GOAL_COSTS = {
    "1": Decimal("33992885.47"),
    "2": Decimal("0.00"),
    "3": Decimal("8371150.00"),
    "4": Decimal("77374000.84"),
}
YEAR_TOTAL = Decimal("85665519.74")
#: Column titles by language (a report's words are its composer's).
TITLES = {
    "pl_PL": (
        "Cel",
        "Nazwa",
        "Projekty",
        "Koszt",
        "Razem",
        "Nakłady na cele",
        "Wyliczone",
        "Raport",
    ),
    "en_GB": (
        "Goal",
        "Name",
        "Projects",
        "Cost",
        "Total",
        "Spending per goal",
        "Computed",
        "Report",
    ),
}


def cell_texts(tokens: list[Token], start: int) -> list[str]:
    """The text of each cell of the row opened at *start* (``<br>`` read as a line break)."""
    cells, index = [], start + 1
    while tokens[index].type != "tr_close":
        if tokens[index].type == "inline":
            parts = []
            for child in tokens[index].children or []:
                parts.append("\n" if child.type == "html_inline" else child.content)
            cells.append("".join(parts))
        index += 1
    return cells


def tables(text: str) -> list[list[list[str]]]:
    """Every table of *text* as a code forge parses it: its rows (the header first) of cells."""
    tokens = PARSER.parse(text)
    found: list[list[list[str]]] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append(cell_texts(tokens, index))
    return found


def goal_report(strategy: Strategy, locale: str) -> Report:
    """The 2023 costs per goal, with the year's total and a pie of the goal costs."""
    goal, name, projects, cost, total, pie, computed, declared = TITLES[locale]
    rows = completed_by_goal(strategy, 2023)
    stated = declared_summary(strategy, 2023)
    assert stated.total_cost is not None
    frame = pd.DataFrame(
        {
            "goal": [row.goal for row in rows],
            "name": [row.name for row in rows],
            "projects": [len(row.projects) for row in rows],
            "cost": [None if row.cost is None else row.cost.amount for row in rows],
        }
    )
    columns = (
        Column("goal", goal),
        Column("name", name),
        Column("projects", projects, kind=ColumnKind.INTEGER),
        Column("cost", cost, kind=ColumnKind.MONEY),
    )
    by_goal = Table(frame, columns, title=f"{cost} 2023", note="*")
    totals = Table(
        pd.DataFrame(
            {
                "what": [computed, declared],
                "projects": [len(completed_projects(strategy, 2023)), stated.projects_completed],
                "cost": [completed_total(strategy, 2023).amount, stated.total_cost.amount],
            }
        ),
        (
            Column("what", total),
            Column("projects", projects, kind=ColumnKind.INTEGER),
            Column("cost", cost, kind=ColumnKind.MONEY),
        ),
    )
    chart = Chart(ChartKind.PIE, pie, by_goal, "goal", ("cost",))
    section = Section(cost, (Heading(cost), by_goal, totals, PageBreak(), chart))
    return Report(title=strategy.title, sections=(section,), locale=locale)


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_kielce_goal_costs(kielce: Strategy, locale: str) -> None:
    """The goal costs and the year's total are money to the grosz, each table parsed as a table."""
    text = to_markdown(goal_report(kielce, locale))
    found = tables(text)
    assert [len(table) for table in found] == [5, 3, 5]
    for table in found:
        assert len({len(row) for row in table}) == 1  # every row as wide as the header
    by_goal, totals, _ = found
    if locale == "pl_PL":
        assert [row[3] for row in by_goal[1:]] == [
            f"33{NBSP}992{NBSP}885,47{NBSP}zł",
            f"0,00{NBSP}zł",
            f"8{NBSP}371{NBSP}150,00{NBSP}zł",
            f"77{NBSP}374{NBSP}000,84{NBSP}zł",
        ]
        assert totals == [
            ["Razem", "Projekty", "Koszt"],
            ["Wyliczone", "10", f"119{NBSP}738{NBSP}036,31{NBSP}zł"],
            ["Raport", "10", f"85{NBSP}665{NBSP}519,74{NBSP}zł"],
        ]
        assert f"| Raport | 10 | 85{NBSP}665{NBSP}519,74{NBSP}zł |" in text.splitlines()
    else:
        assert by_goal[1][3] == f"PLN{NBSP}33,992,885.47"
        assert f"| Report | 10 | PLN{NBSP}85,665,519.74 |" in text.splitlines()
    assert [row[2] for row in by_goal[1:]] == ["6", "1", "1", "2"]
    assert by_goal[1][1] == "Miasto dla każdego"
    assert "| --- | --- | ---: | ---: |" in text.splitlines()  # numbers right-aligned


def test_pie_is_a_table_of_shares(kielce: Strategy) -> None:
    """A pie is the table of its slices with their shares, computed here from the goal costs."""
    *_, pie = tables(to_markdown(goal_report(kielce, "pl_PL")))
    total = sum(GOAL_COSTS.values(), Decimal(0))
    assert total == Decimal("119738036.31")
    tenth = Decimal("0.1")
    shares = {g: (c / total * 100).quantize(tenth, ROUND_HALF_UP) for g, c in GOAL_COSTS.items()}
    expected = {goal: f"{share}".replace(".", ",") + "%" for goal, share in shares.items()}
    assert expected == {"1": "28,4%", "2": "0,0%", "3": "7,0%", "4": "64,6%"}
    assert pie[0] == ["Cel", "Koszt", "Udział"]
    assert {row[0]: row[2] for row in pie[1:]} == expected


def test_page_break_and_headings(kielce: Strategy) -> None:
    """The title is #, a section's first level-1 heading ##, a page break a rule."""
    text = to_markdown(goal_report(kielce, "pl_PL"))
    tokens = PARSER.parse(text)
    headings = [
        (t.tag, tokens[n + 1].content) for n, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [("h1", kielce.title), ("h2", "Koszt")]
    assert [t.type for t in tokens].count("hr") == 1
    assert "\n\n---\n\n" in text  # never read as the underline of a heading


def test_small_report_exactly() -> None:
    """A small report's text, exactly: headings, paragraphs, a table's title and note, a rule."""
    frame = pd.DataFrame(
        {
            "code": ["KIE-1-01", "KIE-3.3-03"],
            "value": [Decimal("5.2"), None],
            "why": ["", "brak danych w GUS BDL"],
            "change": [Decimal("-7.1"), None],
        }
    )
    table = Table(
        frame,
        (
            Column("code", "Kod"),
            Column("value", "Wartość", kind=ColumnKind.PERCENT, reason_key="why"),
            Column("change", "Zmiana", kind=ColumnKind.POINTS),
        ),
        title="Tabela 1. Wskaźniki",
        note="Źródło: raport.",
    )
    blocks = (Heading("Wskaźniki", 2), Paragraph("1. akapit\n- drugi wiersz\n\nnowy"), table)
    report = Report(
        title="Raport 2023",
        subject="Roczny raport",
        author="Urząd Miasta",
        created=dt.date(2024, 6, 20),
        sections=(Section("Wskaźniki", blocks), Section("Puste")),
    )
    assert to_markdown(report) == (
        "# Raport 2023\n\n"
        "Roczny raport\n\n"
        f"Urząd Miasta · 20.06.2024{NBSP}r.\n\n"
        "## Wskaźniki\n\n"
        "### Wskaźniki\n\n"
        "1\\. akapit\\\n\\- drugi wiersz\n\n"
        "nowy\n\n"
        "**Tabela 1. Wskaźniki**\n\n"
        "| Kod | Wartość | Zmiana |\n"
        "| --- | ---: | ---: |\n"
        f"| KIE-1-01 | 5,2% | -7,1{NBSP}p.p. |\n"
        "| KIE-3.3-03 | brak danych w GUS BDL | – |\n\n"
        "Źródło: raport.\n\n"
        "## Puste\n"
    )


NAMES = [
    '=HYPERLINK("http://example.invalid","x")',
    "| zaczyna się kreską",
    "a | b",
    "*nie pogrubione* _ani_ `kod`",
    "<b>znacznik</b> &amp; [link](http://example.invalid)",
    "# nie nagłówek",
    "- nie lista",
    "pierwszy wiersz\ndrugi wiersz",
    "$x$ ~~y~~ \\ ukośnik",
]


def test_markup_in_data_stays_text() -> None:
    """Names with pipes, line breaks and markup are cells with exactly their text."""
    frame = pd.DataFrame({"name": NAMES, "n": range(len(NAMES))})
    table = Table(frame, (Column("name", "Nazwa"), Column("n", "N", kind=ColumnKind.INTEGER)))
    text = to_markdown(Report(title="Raport", sections=(Section("Dane", (table,)),)))
    (found,) = tables(text)
    assert found[0] == ["Nazwa", "N"]
    assert [row[0] for row in found[1:]] == NAMES
    assert all(len(row) == 2 for row in found)
    assert "| \\=HYPERLINK" not in text  # "=" needs no escape in a cell
    assert "| \\| zaczyna się kreską | 1 |" in text
    assert "| pierwszy wiersz<br>drugi wiersz | 7 |" in text


def test_markup_in_paragraphs_and_headings_stays_text() -> None:
    """A paragraph or a heading of markup characters reads back as that text, not as markup."""
    blocks: list[Block] = [Paragraph(name) for name in NAMES[:7]]
    blocks.append(Heading("Cel #1 ##", 2))
    text = to_markdown(Report(title="*Raport*", sections=(Section("S", blocks),)))
    tokens = PARSER.parse(text)
    kinds = {t.type for t in tokens}
    assert kinds <= {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline"}
    inline = ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]
    assert inline == ["*Raport*", "S", *NAMES[:7], "Cel #1 ##"]


def data_report(rows: int, locale: str) -> Report:
    """A report whose long data has *rows* rows."""
    frame = pd.DataFrame({"year": range(2000, 2000 + rows), "value": [1.5] * rows})
    return Report(title="R", locale=locale, data=Table(frame), data_title="Dane")


@pytest.mark.parametrize(
    ("rows", "polish", "english"),
    [
        (1, "1 wiersz", "1 row"),
        (3, "3 wiersze", "3 rows"),
        (5, "5 wierszy", "5 rows"),
        (22, "22 wiersze", "22 rows"),
    ],
)
def test_long_data_is_counted_not_shown(rows: int, polish: str, english: str) -> None:
    """Data past the limit is a sentence with its row count, in each language's plural form."""
    pl = to_markdown(data_report(rows, "pl_PL"), data_rows=0)
    assert pl.endswith(
        f"## Dane\n\nTabela danych ma {polish} i nie jest tu pokazana; zawiera ją skoroszyt "
        "raportu (.xlsx).\n"
    )
    en = to_markdown(data_report(rows, "en_GB"), data_rows=0)
    assert f"The data table has {english} and is not shown here" in en
    assert tables(pl) == []


def test_short_data_is_a_table() -> None:
    """Data within the limit is a table of its own."""
    (found,) = tables(to_markdown(data_report(3, "pl_PL")))
    assert found == [["year", "value"], ["2000", "1,5"], ["2001", "1,5"], ["2002", "1,5"]]


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_the_writer_s_own_words_are_in_the_report_s_language(kielce: Strategy, locale: str) -> None:
    """The words the writer adds (a pie's share, the data sentence) follow the report's locale."""
    report = goal_report(kielce, locale)
    names = [kielce.title, *(g.name for g in kielce.strategic_goals), *TITLES[locale]]
    text = to_markdown(report) + to_markdown(data_report(5, locale), data_rows=0)
    assert identifiers(text, names=names) == []
    if locale == "pl_PL":
        assert english_words(text, names=names) == []
    else:
        assert polish_words(text, names=names) == []


def test_write_markdown_refuses_to_overwrite(kielce: Strategy, tmp_path: Path) -> None:
    """write_markdown writes UTF-8 text, and replaces an existing file only with force."""
    report = goal_report(kielce, "pl_PL")
    path = write_markdown(report, tmp_path / "raport.md")
    assert path == tmp_path / "raport.md"
    assert path.read_text(encoding="utf-8") == to_markdown(report)
    with pytest.raises(OutputExistsError):
        write_markdown(data_report(1, "pl_PL"), path)
    assert path.read_text(encoding="utf-8") == to_markdown(report)
    write_markdown(data_report(1, "pl_PL"), path, force=True)
    assert path.read_text(encoding="utf-8").startswith("# R\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.md"]


def test_bad_arguments() -> None:
    """Not a report, or a negative row limit, is a typed error."""
    with pytest.raises(ArgumentTypeError, match="'report'"):
        to_markdown("raport")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="data_rows"):
        to_markdown(Report(title="R"), data_rows=-1)


def test_bar_chart_is_a_table_of_its_series() -> None:
    """A bar chart is its categories and series as a table under its title (the axis title
    would repeat the column title)."""
    frame = pd.DataFrame(
        {"code": ["KIE-1-01", "KIE-2-01"], "progress": [-30.36, 12.5], "other": ["x", "y"]}
    )
    table = Table(
        frame,
        (
            Column("code", "Wskaźnik"),
            Column("progress", "Postęp", kind=ColumnKind.PROGRESS),
            Column("other", "Inne"),
        ),
    )
    chart = Chart(ChartKind.BAR, "Postęp celu 1", table, "code", ("progress",), axis_title="%")
    text = to_markdown(Report(title="R", sections=(Section("S", (chart,)),)))
    assert "**Postęp celu 1**" in text.splitlines()  # the axis title is the column title
    (found,) = tables(text)
    assert found == [["Wskaźnik", "Postęp"], ["KIE-1-01", "-30,4%"], ["KIE-2-01", "12,5%"]]
