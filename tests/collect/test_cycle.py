"""The 2024 monitoring cycle for Kielce end to end, through the command line: forms out, filled
the way a person fills them, status, merge, and the 2024 report with 2023 as the previous year."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from citystrategy.cli import main
from citystrategy.io.strategy_files import read_strategy
from tests.collect.helpers import fill, row_of, tsv
from tests.reports.test_excel import load

IND = "Wskaźniki"
PRJ = "Projekty"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the command; it succeeds and says nothing on stderr. Its output."""
    code = main([*args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), (args, err)
    return out


def _fill(path: Path, first: bool) -> None:
    """Type every indicator's 2023 value plus 10% (every other one as text with a decimal comma,
    a whole number where 2023's is), or the reason '- *' where 2023 has none; on the first form, a project completed."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[IND]
    for row in range(2, sheet.max_row + 1):
        previous = sheet[f"E{row}"].value
        if isinstance(previous, int | float):
            value = (Decimal(str(previous)) * Decimal("1.1")).quantize(Decimal("0.01"))
            if isinstance(previous, int):  # a count (of persons, of responses): whole
                value = value.quantize(Decimal(1))
            sheet[f"I{row}"] = str(value).replace(".", ",") if row % 2 else float(value)
        else:
            sheet[f"J{row}"] = "- * brak danych w terminie (jeszcze nieopublikowane)"
    if first:
        projects = workbook[PRJ]
        projects["E2"] = "tak"
        projects["F2"] = "5 200 000,00 zł"
        projects["G2"] = "Staże i bony szkoleniowe dla 120 osób."
    workbook.save(path)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the cycle works in, with the forms, the merged folder and the report."""
    return tmp_path_factory.mktemp("cycle")


def test_the_2024_cycle_runs_end_to_end(cycle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Forms out, filled, status complete, merged, reported on with 2023 as the previous year."""
    forms = cycle / "formularze"
    _run(capsys, "collect", "forms", "kielce", "--year", "2024", "-o", str(forms))
    paths = sorted(forms.glob("*.xlsx"))
    assert len(paths) == 4  # one per strategic goal
    for number, path in enumerate(paths):
        _fill(path, first=number == 0)

    status = _run(capsys, "collect", "status", "kielce", str(forms))
    assert "zwrócono 4 z 4" in status
    assert "\n1 problem uniemożliwia scalenie:\n  " in status  # and the problem, listed

    merged = cycle / "kielce-2024"
    merge = ["collect", "merge", "kielce", *map(str, paths), "-o", str(merged)]
    assert main(merge) == 2  # 94,7% of 2023 plus 10%: over 100%, refused at its cell
    err = capsys.readouterr().err
    share = next(p for p in paths if "rozwijajace" in p.name)
    row = row_of(share, IND, "KIE-3.4-05")
    assert f"{share}, arkusz „Wskaźniki”, komórka I{row}: „KIE-3.4-05” to odsetek" in err
    assert "(wpisano „104,17”)" in err
    assert not merged.exists()
    fill(share, {(IND, f"I{row}"): "98,5"})  # the unit corrects it
    status = _run(capsys, "collect", "status", "kielce", str(forms))
    assert "\nformularze można scalić; " in status
    said = _run(capsys, *merge)
    assert "wartości za 2024\xa0r.: 112; zrealizowane projekty: 1" in said

    strategy = read_strategy(merged)
    assert [r.year for r in strategy.reports] == [2023, 2024]
    shipped = {row["code"]: row for row in tsv("indicators.tsv")}
    unemployment = strategy.observation("KIE-1.1-01", 2024)  # 4,6% in 2023 (indicators.tsv)
    assert shipped["KIE-1.1-01"]["value_2023"] == "4,6%"
    assert unemployment is not None
    assert unemployment.value == Decimal("5.06")
    # the 2024 value is the form's, not the 2023 report's, in the data and the data sheet
    form = (
        "Formularz danych za 2024\xa0r.: Cel strategiczny 1. Miasto dla każdego "
        "(cel-strategiczny-1-miasto-dla-kazdego.xlsx)"
    )
    assert unemployment.source == form
    before = strategy.observation("KIE-1.1-01", 2023)
    assert before is not None
    assert before.source == ""

    report = cycle / "raport-2024.xlsx"
    _run(capsys, "report", str(merged), "--year", "2024", "-o", str(report))
    workbook = load(report)
    summary = [c for row in workbook["Podsumowanie"].iter_rows(values_only=True) for c in row if c]
    assert any("od 01.01.2024\xa0r. do 31.12.2024\xa0r." in str(c) for c in summary)
    assert any(  # the catalogue's cost (goal table 1); the form's is the cost incurred
        "Projekty zrealizowane w 2024\xa0r.: 1, o łącznym koszcie 5\xa0156\xa0229,23\xa0zł"
        in str(c)
        for c in summary
    )
    rows = list(workbook["3. Wskaźniki"].iter_rows(values_only=True))
    header = next(row for row in rows if row[:2] == ("Cel", "Kod"))
    line = next(row for row in rows if row[1] == "KIE-1.1-01")
    values = dict(zip(header, line, strict=False))
    assert values["Poprzedni rok"] == 2023
    assert values["Wartość w poprzednim roku"] == pytest.approx(0.046)
    assert values["Wartość w 2024\xa0r."] == pytest.approx(0.0506)
    tsv_source = (  # strategy.toml's report, the source of every indicator of indicators.tsv
        "Roczny raport z realizacji Strategii Rozwoju Miasta Kielce 2030+ w kierunku Smart City "
        "za 2023 r. (20.06.2024)"
    )
    data = list(workbook["Dane"].iter_rows(values_only=True))
    sources = {row[2]: row[-1] for row in data if row[1] == "KIE-1.1-01"}
    assert sources == {2022: tsv_source, 2023: tsv_source, 2024: form}
    projects = list(workbook["2. Projekty i koszty"].iter_rows(values_only=True))
    listed = next(row for row in projects if row[:2] == (1, "Zawodowy bumerang"))
    assert listed[2] == "Staże i bony szkoleniowe dla 120 osób."
    header = next(row for row in projects if row[:2] == ("Lp.", "Nazwa projektu"))
    costs = dict(zip(header, listed, strict=False))
    assert (costs["Koszt"], costs["Koszt poniesiony"]) == (5156229.23, 5200000)

    checked = _run(capsys, "check", str(merged), "--year", "2024")
    assert "0 błędów" in checked
    assessed = _run(capsys, "assess", str(merged), "--year", "2024", "--format", "csv")
    assert "KIE-1.1-01" in assessed
