"""The report model: blocks check what they hold, so that every writer can trust them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.reports.document import (
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
    Tone,
    infer_columns,
)

FRAME = pd.DataFrame(
    {
        "goal": ["1", "2"],
        "cost": [Decimal("514239.53"), Decimal("0.00")],
        "count": pd.array([6, 1], dtype="Int64"),
        "share": [0.6, 0.0],
        "done": [True, False],
        "on": [dt.date(2023, 1, 1), dt.date(2023, 12, 31)],
        "tags": [("a", "b"), ()],
    }
)


def test_kinds_are_inferred_from_values() -> None:
    """Decimals are money, dates dates, tuples lists, nullable ints integers."""
    kinds = [column.kind for column in infer_columns(FRAME)]
    assert kinds == [
        ColumnKind.TEXT,
        ColumnKind.MONEY,
        ColumnKind.INTEGER,
        ColumnKind.NUMBER,
        ColumnKind.BOOLEAN,
        ColumnKind.DATE,
        ColumnKind.LIST,
    ]


def test_column_title_defaults_to_key() -> None:
    """A column without a title is headed by its key."""
    assert Column("cost").title == "cost"
    assert Column("cost", "Koszt").title == "Koszt"


def test_table_refuses_an_unknown_column() -> None:
    """A column, unit or reason key that is not in the frame is refused, naming the frame's."""
    with pytest.raises(ArgumentError, match="'kost'"):
        Table(FRAME, columns=(Column("kost"),))
    with pytest.raises(ArgumentError, match="'why'"):
        Table(FRAME, columns=(Column("cost", reason_key="why"),))


def test_table_refuses_what_is_not_a_frame() -> None:
    """A list of rows is not a table."""
    with pytest.raises(ArgumentTypeError):
        Table([[1, 2]])


def test_chart_series_must_be_columns_and_a_pie_has_one() -> None:
    """A chart names columns of its table; a pie has exactly one series."""
    table = Table(FRAME)
    assert Chart(ChartKind.PIE, "Koszty", table, "goal", ("cost",)).series == ("cost",)
    with pytest.raises(ArgumentError, match="'price'"):
        Chart("bar", "Koszty", table, "goal", ("price",))
    with pytest.raises(ArgumentError, match="one column"):
        Chart("pie", "Koszty", table, "goal", ("cost", "share"))
    with pytest.raises(ArgumentError):
        Chart("bar", "Koszty", table, "goal", ())


def test_section_sheet_names_fit_excel() -> None:
    """A sheet name longer than 31 characters or with a character Excel refuses is refused."""
    assert Section("Projekty", sheet="2. Projekty").sheet == "2. Projekty"
    with pytest.raises(ArgumentError):
        Section("Projekty", sheet="x" * 32)
    with pytest.raises(ArgumentError):
        Section("Projekty", sheet="Cele 1/2")


def test_blocks_are_checked() -> None:
    """A section holds only blocks; a report only sections; a heading's level is 1 to 3."""
    with pytest.raises(ArgumentTypeError):
        Section("Projekty", ("tekst",))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        Report(title="Raport", sections=("Projekty",))  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        Heading("Projekty", 4)


def test_section_lists_its_tables() -> None:
    """``Section.tables`` gives the tables in order, without headings or charts."""
    first, second = Table(FRAME, name="a"), Table(FRAME, name="b")
    chart = Chart("column", "Koszty", Table(FRAME), "goal", ("cost",))
    section = Section("S", (Heading("S"), first, Paragraph("p"), chart, PageBreak(), second))
    assert [table.name for table in section.tables] == ["a", "b"]


def test_column_maps_are_copied() -> None:
    """Labels and tones given as a dict are copied, so a later change to it does not leak in."""
    labels = {"good": "dobrze"}
    column = Column("status", kind=ColumnKind.STATUS, labels=labels, tones={"good": Tone.GOOD})
    labels["good"] = "źle"
    assert column.labels["good"] == "dobrze"
    assert column.tones["good"] is Tone.GOOD


def test_money_must_be_exact() -> None:
    """A float in a MONEY column is refused when the table is made, naming the column."""
    frame = pd.DataFrame({"name": ["A", "B"], "cost": [Decimal("1.10"), 2.2]})
    with pytest.raises(ArgumentTypeError, match=r"frame\['cost'\].*2\.2"):
        Table(frame, columns=(Column("name"), Column("cost", kind=ColumnKind.MONEY)))
    missing = pd.DataFrame({"cost": [Decimal("1.10"), None, float("nan")]})
    assert len(Table(missing, columns=(Column("cost", kind=ColumnKind.MONEY),)).frame) == 3


@pytest.mark.parametrize("locale", ["de", "de_DE", "fr_FR", "uk"])
def test_a_report_in_a_language_without_a_catalogue_is_refused(locale: str) -> None:
    """Report(locale="de") would be half-translated: it is refused, naming what is supported."""
    with pytest.raises(ArgumentError, match=r"'pl', 'en' \(e\.g\. 'pl', 'pl_PL'") as caught:
        Report(title="R", locale=locale)
    assert caught.value.argument == "locale"
    assert caught.value.value == locale


@pytest.mark.parametrize("locale", ["pl", "pl_PL", "en", "en_GB", "en_US"])
def test_a_report_in_polish_or_english_is_made(locale: str) -> None:
    """Polish and English locales, with or without a territory, are reports' languages."""
    assert Report(title="R", locale=locale).locale == locale


def test_an_unknown_locale_is_refused() -> None:
    """A name babel does not know is refused too, a ValueError."""
    with pytest.raises(ValueError, match="'xx_YY'"):
        Report(title="R", locale="xx_YY")


def test_an_unknown_chart_kind_names_the_kinds() -> None:
    """Chart("donut", …) is a typed error listing pie, bar, column and line."""
    table = Table(pd.DataFrame({"a": ["x"], "b": [1]}))
    with pytest.raises(ArgumentError, match=r"'pie', 'bar', 'column', 'line' \(got 'donut'\)"):
        Chart("donut", "t", table, "a", ("b",))


def test_an_unknown_column_kind_names_the_kinds() -> None:
    """Column("x", kind="donut") is a typed error listing the kinds."""
    with pytest.raises(ArgumentError, match=r"'text', 'integer'.*\(got 'donut'\)"):
        Column("x", kind="donut")


@pytest.mark.parametrize("kind", ["bar", "column", "line", "pie"])
def test_a_chart_of_text_is_refused_naming_the_column(kind: str) -> None:
    """A series of text (a text column, or numbers written as strings) is refused by name."""
    frame = pd.DataFrame({"goal": ["1", "2"], "cost": ["514239,53", "0"], "n": [1, 2]})
    with pytest.raises(ArgumentError, match=r"'cost' is a text column") as caught:
        Chart(kind, "t", Table(frame), "goal", ("cost",))
    assert caught.value.argument == "series"
    coded = Table(frame, (Column("goal"), Column("cost", kind=ColumnKind.NUMBER), Column("n")))
    with pytest.raises(ArgumentError, match=r"'cost' holds other values"):
        Chart(kind, "t", coded, "goal", ("cost",))
    assert Chart(kind, "t", Table(frame), "goal", ("n",)).series == ("n",)


def test_a_charts_keys_must_be_the_tables_columns() -> None:
    """A category or a series not in the table is refused, naming the argument and the columns."""
    table = Table(pd.DataFrame({"a": ["x"], "b": [1]}))
    with pytest.raises(ArgumentError, match=r"'category' must be a column of the table \(a, b\)"):
        Chart("bar", "t", table, "goal", ("b",))
    with pytest.raises(ArgumentError, match=r"'series' must be a column of the table \(a, b\)"):
        Chart("bar", "t", table, "a", ("cost",))
