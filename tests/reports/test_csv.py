"""Safe CSV: Polish Excel's dialect or RFC 4180, exact numbers, no formulas, read back as a user would."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from citystrategy.costs import completed_summary
from citystrategy.errors import ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy, TerritoryKind
from citystrategy.reports.csv import to_csv, write_csv
from citystrategy.reports.document import Column, ColumnKind, Table

BOM = b"\xef\xbb\xbf"
FORMULA = '=HYPERLINK("http://example.invalid","x")'


def text(frame: pd.DataFrame | Table, locale: str = "pl_PL") -> str:
    """What write_csv writes for *frame*."""
    out = io.StringIO()
    write_csv(frame, out, locale=locale)
    return out.getvalue()


def cell(value: object, locale: str = "pl_PL") -> str:
    """The one cell write_csv writes for *value*, read back with the csv module."""
    written = text(pd.DataFrame({"x": pd.Series([value], dtype=object)}), locale)
    rows = list(csv.reader(io.StringIO(written), delimiter=";" if locale == "pl_PL" else ","))
    assert rows[0] == ["x"]
    return rows[1][0] if rows[1] else ""


@pytest.mark.parametrize(
    ("value", "polish", "english"),
    [
        (None, "", ""),
        (float("nan"), "", ""),
        (Decimal("NaN"), "", ""),
        (pd.NA, "", ""),
        (Decimal("85665519.74"), "85665519,74", "85665519.74"),
        (Decimal("1E+3"), "1000", "1000"),
        (0.1 + 0.2, "0,3", "0.3"),
        (1e-05, "0,00001", "0.00001"),
        (1e16, "10000000000000000", "10000000000000000"),
        (-7.1, "-7,1", "-7.1"),
        (Decimal("-7.1"), "-7,1", "-7.1"),
        (2030, "2030", "2030"),
        (False, "false", "false"),
        (TerritoryKind.GMINA, "gmina", "gmina"),
        (("KIE-P-01", "KIE-P-02"), "KIE-P-01\nKIE-P-02", "KIE-P-01\nKIE-P-02"),
        (FORMULA, "'" + FORMULA, "'" + FORMULA),
        ("+48 41 36 76 000", "'+48 41 36 76 000", "'+48 41 36 76 000"),
        ("-", "'-", "'-"),
        ("- *", "'- *", "'- *"),
        ("@SUM(A1)", "'@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1", "'\t=1"),
        ("\r=1", "'\r=1", "'\r=1"),
        (("=1", "b"), "'=1\nb", "'=1\nb"),
        ("-7,1", "-7,1", "-7,1"),
        ("a=b", "a=b", "a=b"),
        ("", "", ""),
    ],
    ids=[
        "none", "nan", "decimal-nan", "na", "decimal", "decimal-exponent", "float-noise",
        "small-float", "large-float", "negative-float", "negative-decimal", "int", "bool",
        "enum", "list", "formula", "plus", "minus", "minus-star", "at", "tab", "carriage-return",
        "list-formula", "number-text", "inner-equals", "empty",
    ],
)  # fmt: skip
def test_cell(value: object, polish: str, english: str) -> None:
    """Numbers plain in the locale's form, missing empty, formula-like text with an apostrophe."""
    assert cell(value) == polish
    assert cell(value, "en_GB") == english


def test_polish_dialect() -> None:
    """Polish: ';' between cells, a decimal comma, CRLF line ends, a list quoted on two lines."""
    frame = pd.DataFrame(
        {
            "goal": ["1", "3"],
            "cost": [Decimal("33992885.47"), Decimal("8371150.00")],
            "share": [28.389379446638763, 6.991220382408157],
            "projects": [("KIE-P-01", "KIE-P-02"), ("KIE-P-07",)],
        }
    )
    assert text(frame) == (
        "goal;cost;share;projects\r\n"
        '1;33992885,47;28,3893794466388;"KIE-P-01\nKIE-P-02"\r\n'
        "3;8371150,00;6,99122038240816;KIE-P-07\r\n"
    )


def test_english_is_rfc_4180() -> None:
    """English: ',' between cells, a dot, a cell with a comma or a quote quoted, quotes doubled."""
    frame = pd.DataFrame({"name": ['Kielce, "miasto"'], "cost": [Decimal("0.00")]})
    written = text(frame, "en_GB")
    assert written == 'name,cost\r\n"Kielce, ""miasto""",0.00\r\n'
    assert list(csv.reader(io.StringIO(written))) == [
        ["name", "cost"],
        ['Kielce, "miasto"', "0.00"],
    ]


def test_table_titles_labels_and_decimals() -> None:
    """A Table is written by its columns: titles, labels for codes, floats to its decimals."""
    frame = pd.DataFrame(
        {"status": ["achieved", "regress"], "score": [0.30000000000000004, -4.95], "hidden": [1, 2]}
    )
    columns = (
        Column("status", "Status", kind=ColumnKind.STATUS, labels={"achieved": "osiągnięty"}),
        Column("score", "=Ocena", kind=ColumnKind.SCORE, decimals=1),
    )
    rows = list(csv.reader(io.StringIO(text(Table(frame, columns))), delimiter=";"))
    assert rows == [["Status", "'=Ocena"], ["osiągnięty", "0,3"], ["regress", "-5,0"]]


def test_kielce_goal_costs_read_back_exactly(kielce: Strategy, tmp_path: Path) -> None:
    """The 2023 costs per goal reach a Polish CSV to the grosz and add up to the report's sum."""
    path = to_csv(completed_summary(kielce, 2023), tmp_path / "koszty.csv")
    content = path.read_bytes()
    assert content.startswith(BOM)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    costs = {row["goal"]: row["cost"] for row in rows}
    assert costs == {
        "1": "33992885,47",
        "2": "0,00",
        "3": "8371150,00",
        "4": "77374000,84",
    }
    total = sum((Decimal(c.replace(",", ".")) for c in costs.values()), Decimal(0))
    assert total == Decimal("119738036.31")  # each goal's projects, some under two goals
    assert rows[0]["name"] == "Miasto dla każdego"
    assert rows[0]["project_codes"].splitlines()[0] == "KIE-P-01"


def test_english_file_has_no_byte_order_mark(tmp_path: Path) -> None:
    """An English file is plain UTF-8, no BOM, read back by the csv module's default dialect."""
    frame = pd.DataFrame({"name": ["Łódź", FORMULA], "value": [-7.1, Decimal("5.2")]})
    path = to_csv(frame, tmp_path / "data.csv", locale="en_GB")
    content = path.read_bytes()
    assert not content.startswith(BOM)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    assert rows == [["name", "value"], ["Łódź", "-7.1"], ["'" + FORMULA, "5.2"]]


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    """to_csv refuses to replace a file unless forced, and leaves it as it was."""
    path = tmp_path / "data.csv"
    path.write_text("old", encoding="utf-8")
    frame = pd.DataFrame({"x": [1]})
    with pytest.raises(OutputExistsError):
        to_csv(frame, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]
    to_csv(frame, path, force=True)
    assert path.read_bytes() == BOM + b"x\r\n1\r\n"


def test_bad_arguments() -> None:
    """Something that is not a frame or a table, or a stream without write, is a typed error."""
    with pytest.raises(ArgumentTypeError, match="frame_or_table"):
        write_csv([[1, 2]], io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="'out'"):
        write_csv(pd.DataFrame({"x": [1]}), "out.csv")  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_typed_columns_write_as_single_values_do(locale: str) -> None:
    """A float, an integer or a text column writes each value as it would write it alone."""
    floats = [0.1 + 0.2, 1e-05, -7.1, 1e16, float("nan"), float("inf"), -0.0, 2.0, 123456.789]
    frame = pd.DataFrame(
        {
            "f": floats,
            "i": range(len(floats)),
            "s": ["=1", "-7,1", "a", "@b", "+", "\tx", "", "zł", "-"],
        }
    )
    delimiter = ";" if locale == "pl_PL" else ","
    rows = list(csv.reader(io.StringIO(text(frame, locale)), delimiter=delimiter))[1:]
    for name, position in (("f", 0), ("i", 1), ("s", 2)):
        alone = [cell(value, locale) for value in frame[name].tolist()]
        assert [row[position] for row in rows] == alone
