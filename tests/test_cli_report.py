"""``citystrategy report``: the annual report as a file, never over an existing one."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from citystrategy.cli import main

NBSP = "\u00a0"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _workbook(path: Path) -> openpyxl.Workbook:
    with warnings.catch_warnings():  # openpyxl does not read data bars and icon sets
        warnings.simplefilter("ignore", UserWarning)
        return openpyxl.load_workbook(path)


def _numbers(path: Path) -> set[Decimal]:
    book = _workbook(path)
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    found.add(Decimal(repr(cell)).quantize(Decimal("0.01")))
    return found


def test_report_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The workbook holds the report's sheets and its figures, exact to the grosz."""
    path = tmp_path / "raport-kielce-2023.xlsx"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, err) == (0, "")
    assert out == f"zapisano raport w pliku {path}\n"
    book = _workbook(path)
    assert book.sheetnames[:4] == [
        "Podsumowanie",
        "1. Informacje wstępne",
        "2. Projekty i koszty",
        "3. Wskaźniki",
    ]
    assert book.sheetnames[-1] == "Dane"
    numbers = _numbers(path)
    for figure in ("85665519.74", "33992885.47", "514239.53", "1679523470.54"):
        assert Decimal(figure) in numbers
    formulas = [
        cell.coordinate
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_report_md_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown in English: English headings, English number format."""
    path = tmp_path / "report.md"
    code, out, err = run(
        ["report", "kielce", "--year", "2023", "-o", str(path), "--locale", "en"], capsys
    )
    assert (code, err) == (0, "")
    assert out == f"wrote the report to {path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Annual report on the implementation of the strategy in 2023\n")
    assert "PLN 85,665,519.74" in text.replace(NBSP, " ")


def test_an_existing_file_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --force the old file stays and the error says how to replace it; with it, replaced."""
    path = tmp_path / "raport.md"
    path.write_text("stary raport", encoding="utf-8")
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    assert (
        err
        == f"citystrategy: błąd: plik {path} już istnieje i pozostał bez zmian; dodaj --force, aby go zastąpić\n"
    )
    assert path.read_text(encoding="utf-8") == "stary raport"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path), "--force"], capsys)
    assert (code, err) == (0, "")
    assert path.read_text(encoding="utf-8").startswith(
        "# Roczny raport z realizacji strategii w 2023\xa0r."
    )


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A target in a folder that does not exist names the folder, in Polish and in English."""
    path = tmp_path / "brak" / "raport.md"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    folder = str(tmp_path / "brak")
    assert err == f"citystrategy: błąd: nie ma folderu „{folder}” na plik „raport.md”\n"
    args = ["report", "kielce", "--year", "2023", "-o", str(path), "--locale", "en"]
    code, out, err = run(args, capsys)
    assert err == f"citystrategy: error: there is no folder {folder!r} for the file 'raport.md'\n"
    assert not (tmp_path / "brak").exists()


def test_an_unknown_extension_lists_the_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.odt is refused, naming the formats there are, and nothing is written."""
    path = tmp_path / "raport.odt"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "obsługiwane formaty to .xlsx, .md, .html, .pdf, .docx" in err
    assert list(tmp_path.iterdir()) == []


def test_a_year_without_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A year the city has no report on is a usage error naming the years there are."""
    code, out, err = run(
        ["report", "kielce", "--year", "2022", "-o", str(tmp_path / "r.md")], capsys
    )
    assert (code, out) == (2, "")
    assert err == "citystrategy: błąd: Kielce: brak raportu za 2022\xa0r. (raporty: 2023)\n"


def test_report_from_a_data_folder(
    kielce_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A strategy data folder in place of a city gives the same report."""
    path = tmp_path / "raport.xlsx"
    code, _out, err = run(["report", str(kielce_dir), "--year", "2023", "-o", str(path)], capsys)
    assert (code, err) == (0, "")
    assert Decimal("85665519.74") in _numbers(path)
