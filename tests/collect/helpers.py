"""Helpers of the monitoring-cycle tests: the shipped data files read plainly, forms filled."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

import openpyxl

DATA = files("citystrategy.cities.kielce") / "data"


def tsv(name: str) -> list[dict[str, str]]:
    """The rows of a shipped Kielce data file, read with the csv module only."""
    text = (DATA / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def fill(path: Path, cells: Mapping[tuple[str, str], object], target: Path | None = None) -> Path:
    """Type *cells* ((sheet, A1 cell) -> value) into the form at *path*, as a person does in a
    spreadsheet, and save it (to *target*, or over *path*)."""
    workbook = openpyxl.load_workbook(path)
    for (sheet, cell), value in cells.items():
        workbook[sheet][cell] = value  # type: ignore[assignment]
    saved = target or path
    workbook.save(saved)
    return saved


def row_of(path: Path, sheet: str, code: str) -> int:
    """The row of *code* in column A of *sheet*."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        for row in workbook[sheet].iter_rows(min_col=1, max_col=1):
            cell = row[0]
            if getattr(cell, "value", None) == code:
                return int(cell.row)  # type: ignore[arg-type]
    finally:
        workbook.close()
    raise AssertionError(f"{code} not on {sheet}")
