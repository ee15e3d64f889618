"""Programmes as tables and reports, and ``citystrategy programs … -o FILE``."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from citystrategy.cli import main
from citystrategy.errors import ArgumentTypeError
from citystrategy.programs import city_profile, zmp
from citystrategy.reports.markdown import to_markdown
from citystrategy.reports.tables.programs import (
    PROGRAM_COLUMNS,
    profile_report,
    profile_table,
    program_report,
    programs_report,
    programs_table,
)
from tests.language import english_words, identifiers, polish_words

NBSP = "\u00a0"


def test_programs_table_is_typed() -> None:
    """Values exact with their currency, years and counts as integers, themes as tuples."""
    catalogue = zmp.load()
    table = programs_table(catalogue.programs)
    assert tuple(table.columns) == PROGRAM_COLUMNS
    assert len(table) == 11
    ppp = table[table["code"] == "ZMP-PPP"].iloc[0]
    # "10,9 mln zł" and 14 sites (zmp-projekty.txt)
    assert (ppp["total_value"], ppp["currency"], ppp["participants"]) == (
        Decimal("10900000"),
        "PLN",
        14,
    )
    assert isinstance(ppp["themes"], tuple)
    assert str(table["start_year"].dtype) == "Int64"
    smup = table[table["code"] == "ZMP-SMUP"].iloc[0]
    assert smup["total_value"] is None  # no value stated: missing, never 0


def test_profile_keeps_the_qualifier() -> None:
    """Kielce took part in Przestrzeń dla partycypacji, worth "prawie 2 mln zł"."""
    table = profile_table(city_profile("Kielce"))
    row = table[table["code"] == "ZMP-PDP"].iloc[0]
    assert (row["total_value"], row["qualifier"], row["role"]) == (
        Decimal("2000000"),
        "prawie",
        "member_city",
    )


def test_reports_read_in_each_language() -> None:
    """The three reports have Polish words by default and English with en_GB; no identifiers."""
    catalogue = zmp.load()
    names = [p.name for p in catalogue.programs] + [catalogue.name]
    for locale, other in (("pl_PL", english_words), ("en_GB", polish_words)):
        for report in (
            programs_report(catalogue.programs, catalogue_name=catalogue.name, locale=locale),
            profile_report(city_profile("Kielce"), catalogue_name=catalogue.name, locale=locale),
        ):
            text = to_markdown(report)
            headers = [
                line for line in text.splitlines() if line.startswith(("#", "| Kod", "| Code"))
            ]
            assert other("\n".join(headers), names=names) == []
            assert identifiers(text) == []
    text = to_markdown(program_report(catalogue.program("ZMP-PPP"))).replace(NBSP, " ")
    assert "| wartość całkowita | 10 900 000 zł |" in text
    assert "| Gdańsk | 2261011 | miejsce realizacji |" in text


def test_arguments_are_checked() -> None:
    """A programme list holds programmes; a profile is a CityProfile."""
    with pytest.raises(ArgumentTypeError):
        programs_table(["ZMP-PPP"])  # type: ignore[list-item]
    with pytest.raises(ArgumentTypeError):
        profile_table("Kielce")  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        program_report("ZMP-PPP")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "argv", [["programs", "list"], ["programs", "show", "ZMP-PPP"], ["programs", "city", "Kielce"]]
)
def test_programs_commands_write_workbooks(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each programs command takes -o file.xlsx; money stays numeric with a zł format."""
    path = tmp_path / "programy.xlsx"
    assert main([*argv, "-o", str(path)]) == 0
    assert capsys.readouterr().out == f"zapisano raport w pliku {path}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        sheet = openpyxl.load_workbook(path).worksheets[0]
    money = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, (int, float)) and "zł" in c.number_format
    ]
    assert money
    assert main([*argv, "-o", str(path)]) == 2  # never over an existing file without --force
    assert "już istnieje" in capsys.readouterr().err
