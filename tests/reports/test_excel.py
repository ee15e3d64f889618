"""The Excel writer, read back as a user's spreadsheet reads it: values, formats, charts, files."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from citystrategy.costs import completed_summary, declared_summary
from citystrategy.errors import ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.progress import assess
from citystrategy.reports import (
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
    Tone,
    excel,
)
from citystrategy.reports.excel import TONE_COLOURS, excel_number_format, write_excel
from tests.language import english_words, identifiers, polish_words

MONEY_PL = '#,##0.00\\ "zł"'
STATUS_LABELS = {
    "target_achieved": "cel osiągnięty",
    "substantial_progress": "znaczny postęp",
    "moderate_progress": "umiarkowany postęp",
    "limited_progress": "ograniczony postęp",
    "deterioration": "pogorszenie",
    "not_assessable": "brak oceny",
}
STATUS_TONES = {
    "target_achieved": Tone.GOOD,
    "substantial_progress": Tone.GOOD,
    "moderate_progress": Tone.FAIR,
    "limited_progress": Tone.POOR,
    "deterioration": Tone.BAD,
    "not_assessable": Tone.NEUTRAL,
}


def load(path: Path, **options: Any) -> OpenpyxlWorkbook:
    """The workbook as openpyxl reads it (it drops the Excel 2010 data-bar extension, saying so)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", ".*extension is not supported", UserWarning)
        return openpyxl.load_workbook(path, **options)


def cells(sheet: Worksheet) -> Iterator[Any]:
    """Every cell of *sheet* that holds something."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                yield cell


def find(sheet: Worksheet, value: object) -> Any:
    """The first cell of *sheet* holding *value*."""
    for cell in cells(sheet):
        if cell.value == value:
            return cell
    raise AssertionError(f"{value!r} not on {sheet.title!r}")


def kielce_report(strategy: Strategy) -> Report:
    """A Kielce report of four sections and a small data sheet, as a report builder composes it."""
    summary = completed_summary(strategy, 2023)
    costs = Table(
        summary,
        (
            Column("goal", "Cel"),
            Column("name", "Nazwa"),
            Column("projects", "Liczba projektów", kind=ColumnKind.INTEGER),
            Column("cost", "Koszt", kind=ColumnKind.MONEY),
            Column("share", "Udział", kind=ColumnKind.PERCENT, decimals=1),
            Column("project_codes", "Projekty", kind=ColumnKind.LIST),
        ),
        title="Projekty zakończone w 2023 r.",
        note="Wyliczone z tabel projektów.",
    )
    declared = declared_summary(strategy, 2023)
    totals = Table(
        pd.DataFrame(
            {
                "figure": ["raport", "wyliczone"],
                "cost": [declared.total_cost, Money(sum(summary["cost"], Decimal(0)))],
            }
        ),
        (Column("figure", "Źródło"), Column("cost", "Łączny koszt", kind=ColumnKind.MONEY)),
    )
    table = assess(strategy, year=2023)
    table = table.assign(progress=table["progress"] * 100)
    indicators = Table(
        table,
        (
            Column("code", "Kod"),
            Column("name", "Wskaźnik"),
            Column(
                "value", "Wartość", kind=ColumnKind.MEASURE, unit_key="unit", reason_key="missing"
            ),
            Column("change", "Zmiana", kind=ColumnKind.MEASURE, unit_key="change_unit"),
            Column(
                "status", "Ocena", kind=ColumnKind.STATUS, labels=STATUS_LABELS, tones=STATUS_TONES
            ),
            Column("score", "Wynik", kind=ColumnKind.SCORE),
            Column("progress", "Postęp", kind=ColumnKind.PROGRESS),
        ),
    )
    pie = Chart(
        ChartKind.PIE,
        "Wykres 2. Nakłady poświęcone na dany cel strategiczny w roku 2023",
        Table(summary, (Column("name", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY))),
        "name",
        ("cost",),
    )
    goal4 = table[table["goal"].str.startswith("4")]
    bar = Chart(
        ChartKind.BAR,
        "Postęp wskaźników celu 4",
        Table(goal4, (Column("code", "Kod"), Column("progress", "Postęp", kind="progress"))),
        "code",
        ("progress",),
        axis_title="% drogi do celu",
    )
    data = Table(
        pd.DataFrame(
            {"territory": ["2661011"] * 3, "year": [2021, 2022, 2023], "value": [1.5, None, 2.5]}
        ),
        (
            Column("territory", "Jednostka"),
            Column("year", "Rok", kind=ColumnKind.INTEGER),
            Column("value", "Wartość", kind=ColumnKind.NUMBER),
        ),
    )
    return Report(
        title="Raport roczny z realizacji Strategii Rozwoju Miasta Kielce 2030+ za 2023 r.",
        subject="Monitoring strategii",
        author="Urząd Miasta Kielce",
        created=dt.date(2024, 6, 20),
        sections=(
            Section(
                "Podsumowanie",
                (Heading("Raport roczny"), Paragraph("Pierwszy akapit.\n\nDrugi akapit."), costs),
            ),
            Section("Koszty: obliczone i deklarowane", (costs, totals)),
            Section("Wskaźniki", (Heading("Wskaźniki", 2), indicators), sheet="Wskaźniki"),
            Section("Wykresy", (pie, bar)),
        ),
        data=data,
        data_title="Dane",
    )


@pytest.fixture(scope="module")
def workbook_path(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kielce report written once."""
    path = tmp_path_factory.mktemp("excel") / "raport.xlsx"
    return write_excel(kielce_report(kielce), path)


@pytest.fixture(scope="module")
def book(workbook_path: Path) -> OpenpyxlWorkbook:
    """The Kielce workbook as openpyxl reads it."""
    return load(workbook_path)


def test_sheets_follow_sections_then_data(book: OpenpyxlWorkbook) -> None:
    """One sheet per section, in order, named validly (no ':'), then the data sheet."""
    assert book.sheetnames == [
        "Podsumowanie",
        "Koszty- obliczone i deklarowane",
        "Wskaźniki",
        "Wykresy",
        "Dane",
    ]


def test_money_is_exact_to_the_grosz(book: OpenpyxlWorkbook) -> None:
    """The declared total, goal 1's cost and the city's revenue read back exactly, as money."""
    costs = book["Koszty- obliczone i deklarowane"]
    declared = find(costs, "raport").offset(column=1)
    assert Decimal(repr(declared.value)) == Decimal("85665519.74")
    assert declared.number_format == MONEY_PL
    goal1 = find(book["Podsumowanie"], "Miasto dla każdego").offset(column=2)
    assert Decimal(repr(goal1.value)) == Decimal("33992885.47")
    assert goal1.number_format == MONEY_PL
    revenue = find(book["Wskaźniki"], "KIE-3.1-01").offset(column=2)
    assert Decimal(repr(revenue.value)) == Decimal("1679523470.54")
    assert revenue.number_format == MONEY_PL


def test_numbers_have_their_kinds_formats(book: OpenpyxlWorkbook) -> None:
    """Integers, percent as fractions, p.p., units per row, scores: numbers with formats."""
    summary = book["Podsumowanie"]
    goal1 = find(summary, "Miasto dla każdego")
    assert goal1.offset(column=1).value == 6
    assert goal1.offset(column=1).number_format == "#,##0"
    share = goal1.offset(column=3)
    # 33 992 885,47 of 119 738 036,31 zł: 28,4%
    assert share.value == pytest.approx(33992885.47 / 119738036.31)
    assert share.number_format == "0.0%"
    indicators = book["Wskaźniki"]
    row = find(indicators, "KIE-1-01").row  # the report: 5,2% in 2023, from 12,3% in 2022
    value, change = indicators.cell(row, 3), indicators.cell(row, 4)
    assert value.value == pytest.approx(0.052)
    assert value.number_format == "0.0%"
    assert change.value == pytest.approx(-7.1)
    assert change.number_format == '+0.0\\ "p.p.";-0.0\\ "p.p.";0.0\\ "p.p."'
    air = find(indicators, "KIE-2.4-01").offset(
        column=2
    )  # PM2.5: 17 µg/m³ in 2023, as the report prints it
    assert (air.value, air.number_format) == (17, '#,##0\\ "µg/m³"')
    score = indicators.cell(row, 6)
    assert isinstance(score.value, (int, float))
    assert score.number_format == "+0.0;-0.0;0.0"


def test_lists_have_one_item_per_line(book: OpenpyxlWorkbook) -> None:
    """A list cell holds the items one per line, wrapped."""
    cell = find(book["Podsumowanie"], "Miasto, w którym chce się żyć").offset(column=4)
    assert cell.value == "KIE-P-35\nKIE-P-44"
    assert cell.alignment.wrap_text


def test_a_missing_value_shows_its_reason(book: OpenpyxlWorkbook) -> None:
    """Where a value is missing, the value's cell says why, as text; never a zero."""
    cell = find(book["Wskaźniki"], "KIE-3.3-02").offset(column=2)  # not yet in GUS BDL
    assert isinstance(cell.value, str)
    assert cell.value.startswith("na dzień sporządzenia raportu brak danych")
    assert cell.font.italic


def test_nothing_is_a_formula(book: OpenpyxlWorkbook) -> None:
    """No cell of any sheet is a formula."""
    formulas = [f"{s.title}!{c.coordinate}" for s in book for c in cells(s) if c.data_type == "f"]
    assert formulas == []


@pytest.mark.parametrize(
    "name", ["=SUMA(A1:A9)", "+48 41 367", "-1", "@user", '=HYPERLINK("http://x")', "http://x"]
)
def test_text_that_looks_like_a_formula_stays_text(name: str, tmp_path: Path) -> None:
    """A name beginning with =, +, - or @, or a web address, is written as that very text."""
    frame = pd.DataFrame({"name": [name], "n": [1]})
    report = Report(title="t", sections=(Section("s", (Table(frame),)),))
    book = load(write_excel(report, tmp_path / "t.xlsx"))
    cell = book["s"]["A2"]
    assert (cell.value, cell.data_type) == (name, "s")
    assert book["s"]["A2"].hyperlink is None


def test_conditional_formats_colour_status_and_mark_scores_and_progress(
    book: OpenpyxlWorkbook,
) -> None:
    """Status labels get fills by tone, scores an icon set, progress data bars."""
    indicators = book["Wskaźniki"]
    rules = {
        str(ranges.sqref): [rule for rule in ranges.rules]
        for ranges in indicators.conditional_formatting
    }
    header = find(indicators, "Ocena").row
    last = indicators.max_row
    status = rules[f"E{header + 1}:E{last}"]
    assert {rule.type for rule in status} == {"cellIs"}
    assert {rule.formula[0] for rule in status} == {
        f'"{label}"' for label in STATUS_LABELS.values()
    }
    bad = next(rule for rule in status if rule.formula == ['"pogorszenie"'])
    assert bad.dxf.fill.fgColor.rgb.endswith("FFC7CE") or bad.dxf.fill.bgColor.rgb.endswith(
        "FFC7CE"
    )
    score = rules[f"F{header + 1}:F{last}"]
    assert [rule.type for rule in score] == ["iconSet"]
    assert [float(v.val) for v in score[0].iconSet.cfvo][1:] == [-2.5, 0.0, 2.5]
    progress = rules[f"G{header + 1}:G{last}"]
    assert [rule.type for rule in progress] == ["dataBar"]


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("tone", list(Tone), ids=str)
def test_tone_colours_are_readable(tone: Tone) -> None:
    """Each tone's text and fill have a WCAG contrast of at least 4.5:1."""
    font, fill = TONE_COLOURS[tone]
    light, dark = sorted((_luminance(font), _luminance(fill)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_one_table_sheets_freeze_and_filter_their_header(book: OpenpyxlWorkbook) -> None:
    """A sheet with one table freezes its header row and filters the table; two tables do not."""
    indicators = book["Wskaźniki"]
    header = find(indicators, "Kod").row
    assert indicators.freeze_panes == f"A{header + 1}"
    assert indicators.auto_filter.ref == f"A{header}:G{indicators.max_row}"
    costs = book["Koszty- obliczone i deklarowane"]
    assert costs.freeze_panes is None
    assert costs.auto_filter.ref is None
    data = book["Dane"]
    assert (data.freeze_panes, data.auto_filter.ref) == ("A2", "A1:C4")
    assert data["B2"].number_format == "0"  # a year, never 2 021
    assert data["C3"].value is None  # missing is empty, not 0


def test_paragraphs_wrap_across_the_table(book: OpenpyxlWorkbook) -> None:
    """Each paragraph has a row of its own, merged across the table's six columns and wrapped."""
    summary = book["Podsumowanie"]
    first, second = find(summary, "Pierwszy akapit."), find(summary, "Drugi akapit.")
    assert second.row == first.row + 1
    merged = {str(cells) for cells in summary.merged_cells.ranges}
    assert {f"A{first.row}:F{first.row}", f"A{second.row}:F{second.row}"} <= merged
    assert first.alignment.wrap_text


def test_a_long_text_above_a_table_is_not_frozen(tmp_path: Path) -> None:
    """A header below a screenful of text is filtered but not frozen, so the text can scroll."""
    text = "\n\n".join(["Akapit " * 40] * 12)
    table = Table(pd.DataFrame({"a": [1, 2]}))
    report = Report(title="t", sections=(Section("s", (Paragraph(text), table)),))
    sheet = load(write_excel(report, tmp_path / "r.xlsx"))["s"]
    assert sheet.freeze_panes is None
    assert sheet.auto_filter.ref == "A13:A15"


def test_headers_are_bold_and_widths_fit(book: OpenpyxlWorkbook) -> None:
    """Header cells are bold; the name column is wider than the code column, within bounds."""
    indicators = book["Wskaźniki"]
    assert find(indicators, "Wskaźnik").font.b
    widths = {key: dim.width for key, dim in indicators.column_dimensions.items()}
    assert 6 <= widths["A"] < widths["B"] <= 61  # 60 characters and Excel's padding


def test_properties_come_from_the_report(workbook_path: Path) -> None:
    """Title, subject, author, date and language are the document's properties."""
    with zipfile.ZipFile(workbook_path) as archive:
        core = archive.read("docProps/core.xml").decode()
        custom = archive.read("docProps/custom.xml").decode()
    title = "Raport roczny z realizacji Strategii Rozwoju Miasta Kielce 2030+ za 2023 r."
    assert f"<dc:title>{title}</dc:title>" in core
    assert "<dc:subject>Monitoring strategii</dc:subject>" in core
    assert "<dc:creator>Urząd Miasta Kielce</dc:creator>" in core
    assert ">2024-06-20T00:00:00Z</dcterms:created>" in core
    assert 'name="Language"' in custom
    assert "<vt:lpwstr>pl-PL</vt:lpwstr>" in custom


def _chart_refs(xml: str) -> list[tuple[str, str, str]]:
    """The (name, categories, values) references of each series of a chart."""
    series = re.findall(r"<c:ser>(.*?)</c:ser>", xml, flags=re.S)
    found = []
    for one in series:
        name = re.search(r"<c:tx><c:strRef><c:f>(.*?)</c:f>", one)
        cat = re.search(r"<c:cat><c:(?:str|num)Ref><c:f>(.*?)</c:f>", one)
        val = re.search(r"<c:val><c:numRef><c:f>(.*?)</c:f>", one)
        assert name
        assert cat
        assert val
        found.append((name.group(1), cat.group(1), val.group(1)))
    return found


def _range_values(book: OpenpyxlWorkbook, reference: str) -> list[Any]:
    sheet, cells_ = reference.split("!")
    found = book[sheet.strip("'")][cells_.replace("$", "")]
    rows = found if isinstance(found, tuple) else ((found,),)
    return [c.value for row in rows for c in row]


def test_charts_are_native_and_point_at_their_data(
    workbook_path: Path, book: OpenpyxlWorkbook, kielce: Strategy
) -> None:
    """The pie shows the four goals' costs with percent labels; the bar goal 4's progress."""
    with zipfile.ZipFile(workbook_path) as archive:
        pie = archive.read("xl/charts/chart1.xml").decode()
        bar = archive.read("xl/charts/chart2.xml").decode()
    assert "<c:pieChart>" in pie
    assert '<c:showPercent val="1"/>' in pie
    assert '<c:showCatName val="1"/>' in pie
    assert "Wykres 2. Nakłady poświęcone na dany cel strategiczny w roku 2023" in pie
    ((name, categories, values),) = _chart_refs(pie)
    assert _range_values(book, name) == ["Koszt"]
    assert _range_values(book, categories) == [g.name for g in kielce.strategic_goals]
    costs = [Decimal(repr(v)) for v in _range_values(book, values)]
    assert costs == [
        Decimal("33992885.47"),
        Decimal("0"),
        Decimal("8371150"),
        Decimal("77374000.84"),
    ]
    assert "<c:barChart>" in bar
    assert '<c:barDir val="bar"/>' in bar
    assert "% drogi do celu" in bar
    ((_, categories, values),) = _chart_refs(bar)
    goal4 = [i.code for i in kielce.indicators if i.goal_code.startswith("4")]
    assert _range_values(book, categories) == goal4
    assert len(_range_values(book, values)) == len(goal4)


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    """Writing over an existing file fails and leaves it; force replaces it."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"previous")
    report = Report(title="t", sections=(Section("s", (Heading("h"),)),))
    with pytest.raises(OutputExistsError):
        write_excel(report, path)
    assert path.read_bytes() == b"previous"
    write_excel(report, path, force=True)
    assert load(path).sheetnames == ["s"]


def test_a_failing_write_leaves_no_file(tmp_path: Path) -> None:
    """A value that does not fit its column stops the writer and leaves nothing behind."""
    frame = pd.DataFrame({"cost": [Decimal("1.00"), Decimal("2.00")]}, dtype=object)
    report = Report(
        title="t",
        sections=(Section("s", (Table(frame, (Column("cost", kind=ColumnKind.MONEY),)),)),),
    )
    frame.loc[1, "cost"] = "dużo"  # changed after the table was checked: the writer meets it
    with pytest.raises(ArgumentTypeError, match="dużo"):
        write_excel(report, tmp_path / "r.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_bad_report_is_refused(tmp_path: Path) -> None:
    """A report that is not a Report is a typed error naming it, and writes nothing."""
    with pytest.raises(ArgumentTypeError, match="'raport'"):
        write_excel("raport", tmp_path / "r.xlsx")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_sheet_names_are_made_valid_and_unique(tmp_path: Path) -> None:
    """Titles with []:*?/\\, longer than 31 characters or repeated become distinct valid names."""
    long = "Cel strategiczny 4: Miasto, w którym chce się żyć"
    report = Report(
        title="t",
        sections=(
            Section(long, (Heading("a"),)),
            Section(long, (Heading("b"),)),
            Section("Koszty [zł] / rok?", (Heading("c"),)),
        ),
        data=Table(pd.DataFrame({"x": [1]})),
        data_title="Koszty [zł] / rok?",
    )
    names = load(write_excel(report, tmp_path / "r.xlsx")).sheetnames
    assert names == [
        "Cel strategiczny 4- Miasto, w k",
        "Cel strategiczny 4- Miasto, (2)",
        "Koszty -zł- - rok-",
        "Koszty -zł- - rok- (2)",
    ]
    assert all(len(name) <= 31 for name in names)


def test_dates_booleans_and_long_amounts(tmp_path: Path) -> None:
    """Dates are real dates, booleans show their labels, an amount past 15 digits keeps a note."""
    frame = pd.DataFrame(
        {
            "on": [dt.date(2024, 6, 20)],
            "done": [True],
            "cost": [Decimal("12345678901234567.89")],
            "eur": [Money(Decimal("1.50"), "EUR")],
        }
    )
    columns = (
        Column("on", kind=ColumnKind.DATE),
        Column("done", kind=ColumnKind.BOOLEAN, labels={True: "tak", False: "nie"}),
        Column("cost", kind=ColumnKind.MONEY),
        Column("eur", kind=ColumnKind.MONEY),
    )
    report = Report(title="t", sections=(Section("s", (Table(frame, columns),)),))
    sheet = load(write_excel(report, tmp_path / "r.xlsx"))["s"]
    assert sheet["A2"].value == dt.datetime(2024, 6, 20)
    assert sheet["A2"].number_format == "dd.mm.yyyy"
    assert sheet["B2"].value == "tak"
    assert sheet["C2"].comment is not None
    assert sheet["C2"].comment.text.startswith("12\xa0345\xa0678\xa0901\xa0234\xa0567,89\xa0zł")
    assert sheet["D2"].value == 1.5
    assert sheet["D2"].number_format == '#,##0.00\\ "EUR"'
    assert sheet["D2"].comment is None


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"kind": "money"}, '#,##0.00\\ "zł"'),
        ({"kind": "money", "locale": "en_GB"}, '"PLN"\\ #,##0.00'),
        ({"kind": "percent", "decimals": 1}, "0.0%"),
        ({"kind": "points", "locale": "en"}, '+0.0\\ "pp";-0.0\\ "pp";0.0\\ "pp"'),
        ({"kind": "measure", "unit": "megawatt_hour", "decimals": 2}, '#,##0.00\\ "MWh"'),
        ({"kind": "measure", "unit": "PLN", "decimals": 0}, '#,##0\\ "zł"'),
        ({"kind": "measure", "unit": "percent"}, "0.0%"),
        ({"kind": "measure", "unit": "count", "decimals": 0}, "#,##0"),
        ({"kind": "integer"}, "#,##0"),
        ({"kind": "date", "locale": "en"}, "yyyy-mm-dd"),
        ({"kind": "text"}, ""),
        ({"kind": "p_value"}, '[<0.001]"<\xa00,001";0.000'),
        (
            {"kind": "measure", "unit": "meter", "decimals": 0, "signed": True},
            '+#,##0\\ "m";-#,##0\\ "m";#,##0\\ "m"',
        ),
        ({"kind": "points", "signed": True}, '+0.0\\ "p.p.";-0.0\\ "p.p.";0.0\\ "p.p."'),
        ({"kind": "p_value", "locale": "en"}, '[<0.001]"<\xa00.001";0.000'),
    ],
    ids=str,
)
def test_number_formats_are_us_syntax(arguments: dict[str, Any], expected: str) -> None:
    """Formats use Excel's own syntax (comma groups, dot decimals), never a space as a group."""
    assert excel_number_format(**arguments) == expected


#: The Polish forms of the counted nouns, by the rule of Polish grammar: one, few (2–4 in the
#: last digit, but not 12–14), many, and a fraction's (the genitive singular).
_COUNTED = {
    "person": ("osoba", "osoby", "osób", "osoby"),
    "day": ("dzień", "dni", "dni", "dnia"),
}


def _polish_form(shown: Decimal, forms: tuple[str, str, str, str]) -> str:
    if shown != shown.to_integral_value():
        return forms[3]
    n = int(shown)
    if n == 1:
        return forms[0]
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return forms[1]
    return forms[2]


@pytest.mark.parametrize(
    ("unit", "shown", "decimals"),
    [("person", 1, 0), ("person", 254, 0), ("person", 170, 0), ("person", 12, 0),
     ("person", 22, 0), ("person", Decimal("1.5"), 1), ("day", 1, 0), ("day", 58, 0),
     ("day", 3, 0), ("day", Decimal("0.5"), 1)],
    ids=str,
)  # fmt: skip
def test_a_counted_noun_agrees_with_its_value(unit: str, shown: Decimal, decimals: int) -> None:
    """A number format cannot inflect, so each value gets the form it takes: 254 osoby."""
    expected = _polish_form(Decimal(shown), _COUNTED[unit])
    digits = "." + "0" * decimals if decimals else ""
    assert excel_number_format("measure", unit=unit, decimals=decimals, shown=shown) == (
        f'#,##0{digits}\\ "{expected}"'
    )


def test_the_report_s_counts_of_persons_agree_with_their_values(
    kielce: Strategy, tmp_path: Path
) -> None:
    """In the annual report as the command writes it, every count of persons and of days reads
    as Polish says it (254 osoby, 170 osób, 1 dzień), in every cell."""
    from citystrategy.cli import main

    path = tmp_path / "raport.xlsx"
    assert main(["report", "kielce", "--year", "2023", "-o", str(path)]) == 0
    label = re.compile(r'"([^"]+)"$')
    checked = 0
    for sheet in load(path):
        for cell in cells(sheet):
            found = label.search(cell.number_format or "")
            if found is None or not isinstance(cell.value, int | float):
                continue
            for forms in _COUNTED.values():
                if found.group(1) in forms:
                    fraction = re.search(r"\.(0+)", cell.number_format)
                    places = len(fraction.group(1)) if fraction else 0
                    shown = abs(Decimal(f"{cell.value:.{places}f}"))
                    assert found.group(1) == _polish_form(shown, forms), (
                        sheet.title,
                        cell.coordinate,
                    )
                    checked += 1
    assert checked >= 20  # persons and days across sections 3 and the data sheets


def test_constant_memory_mode_writes_the_same_workbook(
    kielce: Strategy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in constant-memory mode (inline strings), the workbook holds the same cells."""
    report = kielce_report(kielce)
    default = load(write_excel(report, tmp_path / "a.xlsx"))
    monkeypatch.setattr(excel, "CONSTANT_MEMORY_CELLS", 0)
    path = write_excel(report, tmp_path / "b.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert 't="inlineStr"' in archive.read("xl/worksheets/sheet1.xml").decode()
    constant = load(path)
    assert constant.sheetnames == default.sheetnames
    for sheet in default:
        expected = [(c.coordinate, c.value, c.number_format) for c in cells(sheet)]
        found = [(c.coordinate, c.value, c.number_format) for c in cells(constant[sheet.title])]
        assert found == expected, sheet.title


def _sheet_xml(path: Path, number: int) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode()


def test_a_data_sheet_past_excel_rows_continues_on_numbered_sheets(tmp_path: Path) -> None:
    """1 048 586 rows fill 'Dane' to Excel's last row and continue on 'Dane (2)', said on sheet 1."""
    rows = 1_048_576 + 10
    # empty between the edges, so that the test stays fast: the split is the same
    kept = [0, 1_048_573, 1_048_574, *range(1_048_575, rows)]
    frame = pd.DataFrame({"n": pd.Series(kept, index=kept, dtype="Int64").reindex(range(rows))})
    report = Report(
        title="t",
        sections=(Section("Podsumowanie", (Heading("Raport"),)),),
        data=Table(frame, (Column("n", "Numer", kind=ColumnKind.INTEGER),)),
        data_title="Dane",
    )
    path = write_excel(report, tmp_path / "r.xlsx")
    book = load(path, read_only=True)
    assert book.sheetnames == ["Podsumowanie", "Dane", "Dane (2)"]
    first = _sheet_xml(path, 2)
    assert '<dimension ref="A1:A1048576"/>' in first
    # Excel's last row holds row 1 048 574 of the frame (the header takes row 1)
    assert re.search(r'<c r="A1048576" s="\d+"><v>1048574</v></c></row>', first)
    assert re.search(r'<c r="A2" s="\d+"><v>0</v></c></row><row r="1048575"', first)
    second = list(book["Dane (2)"].values)
    assert second == [("Numer",), *((n,) for n in range(1_048_575, rows))]
    summary = [row[0] for row in book["Podsumowanie"].values if row[0]]
    assert summary[-1] == (
        "Dane (1\xa0048\xa0586 wierszy) nie mieszczą się na jednym arkuszu: są na arkuszach "
        "Dane, Dane (2)."
    )


@pytest.mark.parametrize(("locale", "rows"), [("pl_PL", 1_048_582), ("en_GB", 1_048_586)])
def test_the_continuation_sentence_is_in_the_reports_language(locale: str, rows: int) -> None:
    """The sentence on the summary sheet is Polish or English throughout, plural agreeing."""
    report = Report(title="t", locale=locale)
    sentence = excel._continued_sentence(report, rows, ["Dane", "Dane (2)"])
    names = ["Dane"]
    assert identifiers(sentence, names=names) == []
    if locale == "pl_PL":
        assert "1\xa0048\xa0582 wiersze" in sentence
        assert english_words(sentence, names=names) == []
    else:
        assert "1,048,586 rows" in sentence
        assert polish_words(sentence, names=names) == []


def test_importing_the_reports_does_not_import_xlsxwriter() -> None:
    """xlsxwriter is loaded when a workbook is written, not when the reports are imported."""
    code = (
        "import sys, citystrategy.reports, citystrategy.reports.excel;"
        "print('xlsxwriter' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("kind", "element"),
    [(ChartKind.COLUMN, '<c:barDir val="col"/>'), (ChartKind.LINE, "<c:lineChart>")],
    ids=str,
)
def test_column_and_line_charts_plot_every_series(
    kind: ChartKind, element: str, tmp_path: Path
) -> None:
    """A column or line chart has one series per column, over the category cells, axis titled."""
    frame = pd.DataFrame({"year": ["2022", "2023"], "a": [1.0, 2.0], "b": [3.0, 4.0]})
    table = Table(
        frame,
        (Column("year", "Rok"), Column("a", "A", kind="number"), Column("b", "B", kind="number")),
    )
    chart = Chart(kind, "Wartości", table, "year", ("a", "b"), axis_title="MWh")
    path = write_excel(Report(title="t", sections=(Section("s", (chart,)),)), tmp_path / "c.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/charts/chart1.xml").decode()
    assert element in xml
    assert _chart_refs(xml) == [
        ("s!$B$1", "s!$A$2:$A$3", "s!$B$2:$B$3"),
        ("s!$C$1", "s!$A$2:$A$3", "s!$C$2:$C$3"),
    ]
    assert "<c:valAx>" in xml
    assert "MWh" in xml


def test_sheets_print_on_a4_landscape_one_page_wide(tmp_path: Path) -> None:
    """Each sheet prints landscape on A4, fitted to one page's width (pages as long as needed)."""
    frame = pd.DataFrame({"name": ["a"], "cost": [Decimal("1.00")]})
    report = Report(title="R", sections=(Section("S", (Table(frame),)),))
    path = write_excel(report, tmp_path / "r.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert 'paperSize="9"' in sheet
    assert 'orientation="landscape"' in sheet
    assert 'fitToHeight="0"' in sheet
    assert '<pageSetUpPr fitToPage="1"/>' in sheet


def test_text_and_wrapped_cells_get_room(tmp_path: Path) -> None:
    """A sheet of text alone has a wide column; a row of long wrapped text is tall enough."""
    long = "słowo " * 60  # 360 characters: several lines in a 60-character column
    frame = pd.DataFrame({"name": ["a", long.strip()], "n": [1, 2]})
    report = Report(
        title="R",
        sections=(
            Section("Tekst", (Heading("Tekst"), Paragraph(long))),
            Section("Tabela", (Table(frame),)),
        ),
    )
    path = write_excel(report, tmp_path / "r.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(path)
    text, table = book["Tekst"], book["Tabela"]
    assert text.column_dimensions["A"].width >= 60
    assert (text.row_dimensions[2].height or 15) >= 15 * 5  # 60 words, 12 to a 72-character line
    assert (table.row_dimensions[3].height or 15) >= 15 * 5
    assert table.row_dimensions[2].height in (None, 15)  # a short row keeps its height


def test_a_custom_report_speaks_its_language(tmp_path: Path) -> None:
    """Without labels a yes/no column reads tak/nie, and the data sheet is "Dane" in Polish."""
    frame = pd.DataFrame({"name": ["a", "b"], "done": [True, False]})
    report = Report(title="R", sections=(Section("S", (Table(frame),)),), data=Table(frame))
    book = load(write_excel(report, tmp_path / "r.xlsx"))
    assert book.sheetnames == ["S", "Dane"]
    assert [row[1] for row in book["S"].iter_rows(min_row=2, values_only=True)] == ["tak", "nie"]
    english = Report(title="R", sections=report.sections, data=Table(frame), locale="en_GB")
    assert load(write_excel(english, tmp_path / "e.xlsx")).sheetnames == ["S", "Data"]


def test_a_chart_of_a_table_on_the_sheet_draws_its_cells(tmp_path: Path) -> None:
    """A chart over a table already written refers to those cells and does not write it again."""
    frame = pd.DataFrame({"goal": ["1", "2"], "cost": [Decimal("3.00"), Decimal("1.00")]})
    table = Table(frame)
    chart = Chart("pie", "Koszty", table, "goal", ("cost",))
    report = Report(title="R", sections=(Section("S", (table, chart)),))
    path = write_excel(report, tmp_path / "r.xlsx")
    cells = [c for row in load(path)["S"].iter_rows(values_only=True) for c in row if c is not None]
    assert cells == ["goal", "cost", "1", 3, "2", 1]  # the table once
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/charts/chart1.xml").decode()
    assert "<c:f>S!$A$2:$A$3</c:f>" in xml
    assert "<c:f>S!$B$2:$B$3</c:f>" in xml
