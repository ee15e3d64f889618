"""Tests of the annual workbook's layout as a reader meets it: column widths, print settings,
the data sheet's formats and the height of wrapped rows, read back with openpyxl."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from citystrategy.model import Strategy
from citystrategy.reports.annual import annual_report
from citystrategy.reports.document import Chart, Report, Section, Table
from citystrategy.reports.excel import _wrapped_lines, write_excel

SECTION_3 = "3. Wskaźniki"


@pytest.fixture(scope="module")
def path(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kielce 2023 annual workbook, written once."""
    return write_excel(annual_report(kielce, 2023), tmp_path_factory.mktemp("x") / "r.xlsx")


@pytest.fixture(scope="module")
def book(path: Path) -> OpenpyxlWorkbook:
    """The workbook as openpyxl reads it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the data-bar extension
        return openpyxl.load_workbook(path)


def _fits(sheet: Worksheet) -> bool:
    """Whether *sheet* prints fitted to pages."""
    properties = sheet.sheet_properties.pageSetUpPr
    return bool(properties is not None and properties.fitToPage)


def _width(sheet: object, letter: str) -> float:
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    for key, dimension in dimensions.items():  # openpyxl groups equal neighbours (B:D)
        if key == letter or (dimension.min <= ord(letter) - 64 <= dimension.max):
            return float(dimension.width)
    return 8.43


def test_section_3_codes_are_narrow_and_names_wide(book: OpenpyxlWorkbook) -> None:
    """The code column fits a code (KIE-1.1-01), not the names of a chart's data under it."""
    sheet = book[SECTION_3]
    assert sheet["B5"].value == "Kod"
    assert sheet["C5"].value == "Wskaźnik"
    assert 10 <= _width(sheet, "B") <= 14  # "KIE-1.1-01" is 10 characters
    assert _width(sheet, "C") >= 60


def test_section_3_charts_draw_the_tables_cells(path: Path, book: OpenpyxlWorkbook) -> None:
    """The bar charts of the scores draw the indicator tables; no copy of the data is written."""
    sheet = book[SECTION_3]
    titles = [cell.value for cell in sheet["A"] if cell.value in ("Kod", "Cel")]
    assert titles == ["Cel"] * 4  # a header per strategic goal's table, no chart's own table
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(archive.read(n).decode() for n in charts)
    assert "'3. Wskaźniki'!$B$6:$B$29" in xml  # goal 1's codes as categories
    assert "'3. Wskaźniki'!$M$6:$M$29" in xml  # and its scores as values


def test_a_value_with_a_long_unit_fits_its_column(book: OpenpyxlWorkbook) -> None:
    """The value "47 688 m na 100 tys. mieszkańców" is shown whole, never as ###."""
    sheet = book[SECTION_3]
    shown = "47 688 m na 100 tys. mieszkańców"
    assert _width(sheet, "D") >= len(shown)


def test_wide_sheets_print_across_pages_with_titles(path: Path, book: OpenpyxlWorkbook) -> None:
    """Section 3 (16 columns) prints at full size, its header row and first column on every
    page; the summary (3 columns) as wide as one page."""
    sheet = book[SECTION_3]
    assert not _fits(sheet)
    assert sheet.print_title_cols == "$A:$A"
    summary = book["Podsumowanie"]
    assert _fits(summary)
    assert summary.page_setup.fitToHeight == 0
    assert summary.page_setup.orientation == "landscape"
    goals = book["Cele"]  # one table of 8 columns: fits
    assert _fits(goals)


def test_a_wide_single_table_repeats_its_header_row(tmp_path: Path) -> None:
    """A sheet of one table of 12 columns repeats the table's header row on each page."""
    frame = pd.DataFrame({f"c{i}": [1, 2] for i in range(12)})
    report = Report(title="R", sections=(Section("S", (Table(frame),)),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        sheet = openpyxl.load_workbook(write_excel(report, tmp_path / "r.xlsx"))["S"]
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_title_cols == "$A:$A"
    assert not _fits(sheet)


def test_the_data_sheet_says_the_unit_once(book: OpenpyxlWorkbook) -> None:
    """The data sheet's values have plain number formats: the unit is in the column beside."""
    sheet = book["Dane"]
    header = [cell.value for cell in sheet[1]]
    value, unit = header.index("Wartość") + 1, header.index("Jednostka miary") + 1
    formats = set()
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row, value)
        if isinstance(cell.value, int | float):
            formats.add(cell.number_format)
    assert formats
    assert all('"' not in f and "%" not in f for f in formats), formats
    revenue = [
        sheet.cell(r, value).value
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(r, 2).value == "KIE-3.1-01" and sheet.cell(r, 3).value == 2023
    ]
    assert revenue == [1679523470.54]  # zł, in the unit column
    roads = [
        (sheet.cell(r, value).value, sheet.cell(r, unit).value)
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(r, 2).value == "KIE-1.2-03" and sheet.cell(r, 3).value == 2023
    ]
    assert roads == [(84.5, "%")]  # a percentage as its number, "%" beside it


def test_a_charts_own_data_wraps_rather_than_widen(tmp_path: Path) -> None:
    """A chart's data table under a wide table keeps its long names to a narrow column."""
    wide = pd.DataFrame({"code": ["A-1"], **{f"n{i}": [1] for i in range(5)}})
    long = "Nazwa celu strategicznego, która jest bardzo długa i ma wiele słów"
    data = pd.DataFrame({"name": [long, "krótka"], "value": [1.0, 2.0]})
    chart = Chart("pie", "Wykres", Table(data), "name", ("value",))
    report = Report(title="R", sections=(Section("S", (Table(wide), chart)),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        sheet = openpyxl.load_workbook(write_excel(report, tmp_path / "r.xlsx"))["S"]
    assert _width(sheet, "A") <= 26  # 24 characters and the padding
    assert sheet["A5"].value == long  # the wide table, a blank row, the chart's header
    assert sheet["A5"].alignment.wrap_text
    assert (sheet.row_dimensions[5].height or 15) >= 30


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("słowo " * 60, 60, 5),  # 12 words of 6 characters on a line of 72
        ("Liczba osób żyjących poniżej granicy ubóstwa ustalonej na poziomie kraju", 60, 1),
        ("a\nb", 60, 2),
        ("x" * 50, 10, 5),  # a word longer than the line is broken
    ],
)
def test_wrapped_lines_are_counted_as_a_spreadsheet_wraps(
    text: str, width: float, lines: int
) -> None:
    """Whole words to a line while they fit (72 characters in a column 60 wide, as rendered)."""
    assert _wrapped_lines(text, width) == lines


def test_the_progress_note_explains_large_and_met_values(kielce: Strategy) -> None:
    """Section 3's progress column says why -3036% sits beside "regres" and -248% beside
    "cel osiągnięty", in Polish words in Polish and English words in English."""
    from citystrategy.reports.tables import indicators_section
    from tests.language import english_words, polish_words

    notes = {}
    for locale in ("pl_PL", "en_GB"):
        section = indicators_section(kielce, 2023, locale=locale)
        (column,) = [c for c in section.tables[0].columns if c.key == "progress"]
        notes[locale] = column.note
    assert "minus 3000 procent" in notes["pl_PL"]
    assert "zachowuje ocenę bez względu na tempo" in notes["pl_PL"]
    assert "minus 3000 percent" in notes["en_GB"]
    assert "keeps its status whatever the pace" in notes["en_GB"]
    assert english_words(notes["pl_PL"]) == []
    assert polish_words(notes["en_GB"]) == []


@pytest.mark.parametrize(
    ("unit", "polish", "english"),
    [
        ("kilometer ** 2", "km²", "km²"),
        ("PLN / month", "zł miesięcznie", "PLN a month"),
        ("1 / ten_thousand_inhabitants", "na 10\xa0tys. mieszkańców", "per 10,000 inhabitants"),
        ("inhabitant / kilometer ** 2", "os./km²", "inhabitants per km²"),
    ],
)
def test_the_comparisons_units_have_labels(unit: str, polish: str, english: str) -> None:
    """The comparison panel's units are in the one table of labels, so formats show them."""
    from citystrategy.formatting import UNIT_LABELS
    from citystrategy.reports.comparison import _unit_label
    from citystrategy.reports.excel import excel_number_format

    assert UNIT_LABELS[unit] == {"pl": polish, "en": english}
    assert _unit_label(unit, "pl_PL") == polish
    assert _unit_label(unit, "en_GB") == english
    assert f'"{polish}"' in excel_number_format("measure", unit=unit)
    assert f'"{english}"' in excel_number_format("measure", unit=unit, locale="en_GB")
