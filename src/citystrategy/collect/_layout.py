"""The layout a form is written in and read back by: the identification sheet and its keys."""

from __future__ import annotations

from typing import Final

#: The name of the very hidden sheet that identifies a form.
ID_SHEET: Final = "citystrategy"
#: The first value of the identification sheet: the version of the form's layout.
FORM_FORMAT: Final = "citystrategy-form-1"
#: Keys of the identification sheet, one per row from A1 (values in column B).
META_KEYS: Final = (
    "format",
    "strategy",
    "year",
    "group_by",
    "unit",
    "unit_name",
    "fingerprint",
    "locale",
    "indicator_sheet",
    "project_sheet",
    "indicator_first_input",
)
#: The row (1-based) of the identification sheet where the rows of the input table begin:
#: sheet, row, code, kind (``indicator`` or ``project``), unit.
ROWS_START: Final = 14
#: The column (0-based) of the identification sheet with the list of missing-value reasons.
REASONS_COLUMN: Final = 6
#: The column (0-based) of the identification sheet with the yes/no list.
YES_NO_COLUMN: Final = 7
#: Input columns of the indicators sheet, counted from the last column before them.
INDICATOR_INPUTS: Final = ("value", "reason", "comment")
#: Input columns of the projects sheet.
PROJECT_INPUTS: Final = ("completed", "cost", "description", "comment")
#: Columns (0-based) of the projects sheet: code, name, goals, cost in the data, then inputs.
PROJECT_FIRST_INPUT: Final = 4
