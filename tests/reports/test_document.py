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
