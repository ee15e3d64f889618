"""The text of report table cells, by column kind, in Polish and in English."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pandas as pd
import pytest

from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.model import Direction
from citystrategy.money import Money
from citystrategy.reports.cells import cell_text, table_rows
from citystrategy.reports.document import Column, ColumnKind, Table

NBSP = "\xa0"
MONEY = Column("cost", kind=ColumnKind.MONEY)
VALUE = Column("value", kind=ColumnKind.MEASURE, unit_key="unit", reason_key="why")
#: A change, which shows its sign: in days here.
CHANGE = Column("change", kind=ColumnKind.MEASURE, unit="day", signed=True)


@pytest.mark.parametrize(
    ("value", "column", "polish", "english"),
    [
        (Decimal("85665519.74"), MONEY, f"85{NBSP}665{NBSP}519,74{NBSP}zł", f"PLN{NBSP}85,665,519.74"),
        (Money(Decimal("30000"), "EUR"), MONEY, f"30{NBSP}000,00{NBSP}€", "€30,000.00"),
        (Decimal("0.00"), MONEY, f"0,00{NBSP}zł", f"PLN{NBSP}0.00"),
        (Decimal("5.2"), Column("s", kind=ColumnKind.PERCENT), "5,2%", "5.2%"),
        (28.38937944663876, Column("s", kind=ColumnKind.PERCENT), "28,4%", "28.4%"),
        (Decimal("0.6"), Column("c", kind=ColumnKind.POINTS), f"+0,6{NBSP}p.p.", f"+0.6{NBSP}pp"),
        (-7.1, Column("c", kind=ColumnKind.POINTS), f"-7,1{NBSP}p.p.", f"-7.1{NBSP}pp"),
        (12345, Column("n", kind=ColumnKind.INTEGER), f"12{NBSP}345", "12,345"),
        (0.1 + 0.2, Column("x", kind=ColumnKind.NUMBER), "0,3", "0.3"),
        (2.665, Column("x", kind=ColumnKind.NUMBER, decimals=2), "2,67", "2.67"),
        (-5.0, Column("x", kind=ColumnKind.SCORE), "-5,0", "-5.0"),
        (dt.date(2024, 6, 20), Column("d", kind=ColumnKind.DATE), f"20.06.2024{NBSP}r.", "20/06/2024"),
        (True, Column("b", kind=ColumnKind.BOOLEAN), "tak", "yes"),
        (("KIE-P-01", "KIE-P-02"), Column("l", kind=ColumnKind.LIST), "KIE-P-01\nKIE-P-02", "KIE-P-01\nKIE-P-02"),
        (Direction.LOWER_IS_BETTER, Column("t"), "destymulanta (im mniej, tym lepiej)", None),
        (None, Column("x", kind=ColumnKind.NUMBER), "–", "–"),
        (float("nan"), MONEY, "–", "–"),
        (pd.NA, Column("n", kind=ColumnKind.INTEGER), "–", "–"),
        ("=HYPERLINK(1)", Column("name"), "=HYPERLINK(1)", "=HYPERLINK(1)"),
        (0.000625, Column("p", kind=ColumnKind.P_VALUE), f"<{NBSP}0,001", f"<{NBSP}0.001"),
        (0.001, Column("p", kind=ColumnKind.P_VALUE), "0,001", "0.001"),
        (0.0019261, Column("p", kind=ColumnKind.P_VALUE), "0,002", "0.002"),
        (54, CHANGE, f"+54{NBSP}dni", f"+54{NBSP}days"),
        (-11, CHANGE, f"-11{NBSP}dni", f"-11{NBSP}days"),
        (0, CHANGE, f"0{NBSP}dni", f"0{NBSP}days"),
        (Decimal("400000.00"), attrs.evolve(CHANGE, unit="PLN", decimals=2),
         f"+400{NBSP}000,00{NBSP}zł", f"+PLN{NBSP}400,000.00"),
    ],
    ids=[
        "money", "money-eur", "money-zero", "percent", "percent-float", "points", "points-minus",
        "integer", "number-noise", "number-half-up", "score", "date", "boolean", "list",
        "enum-label", "missing", "missing-nan-money", "missing-na", "text-as-is", "p-under-0.001",
        "p-0.001", "p", "change-up", "change-down", "no-change", "change-money",
    ],
)  # fmt: skip
def test_cell_text(value: object, column: Column, polish: str, english: str | None) -> None:
    """Each kind is written as a reader of the language expects it."""
    assert cell_text(value, column) == polish
    if english is not None:
        assert cell_text(value, column, locale="en_GB") == english


def test_measure_takes_the_row_s_unit_and_reason() -> None:
    """A measure is written in its row's unit; a missing one is the row's reason, else a dash."""
    row = {"unit": "megawatt_hour", "why": ""}
    assert cell_text(Decimal("31791.00"), VALUE, row) == f"31{NBSP}791,00{NBSP}MWh"
    assert cell_text(Decimal("14.3"), VALUE, {"unit": "percent", "why": ""}) == "14,3%"
    assert cell_text(17, VALUE, {"unit": "µg/m³", "why": ""}) == f"17{NBSP}µg/m³"
    assert cell_text(None, VALUE, {"unit": "percent", "why": "brak danych w BDL"}) == (
        "brak danych w BDL"
    )
    assert cell_text(None, VALUE, {"unit": "percent", "why": None}) == "–"


def test_status_labels() -> None:
    """A status is written with its column's label; a code without one as it is."""
    status = Column("status", kind=ColumnKind.STATUS, labels={"achieved": "cel osiągnięty"})
    assert cell_text("achieved", status) == "cel osiągnięty"
    assert cell_text("regress", status) == "regress"


def test_table_rows_keep_each_column_s_types() -> None:
    """Integers stay integers beside floats (no float coercion of a row), in the column order."""
    frame = pd.DataFrame({"n": [6, 1], "share": [28.389, 6.991], "goal": ["1", "3"]})
    columns = (
        Column("goal"),
        Column("n", kind=ColumnKind.INTEGER),
        Column("share", kind=ColumnKind.PERCENT),
    )
    assert table_rows(Table(frame, columns), locale="en_GB") == [
        ["1", "6", "28.4%"],
        ["3", "1", "7.0%"],
    ]


def test_bad_values_are_typed_errors() -> None:
    """Text in a money column, a float amount, a unit without a row: typed errors, never text."""
    with pytest.raises(ArgumentTypeError, match="money is never a float"):
        cell_text(85665519.74, MONEY)
    with pytest.raises(ArgumentTypeError, match="'value'"):
        cell_text("85 665 519,74 zł", Column("x", kind=ColumnKind.NUMBER))
    with pytest.raises(ArgumentError, match="unit"):
        cell_text(Decimal(1), VALUE)
    with pytest.raises(ArgumentTypeError, match="'column'"):
        cell_text(1, "money")  # type: ignore[arg-type]
