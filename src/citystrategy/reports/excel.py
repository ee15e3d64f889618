"""The Excel writer: a :class:`~citystrategy.reports.document.Report` as an ``.xlsx`` workbook.

This is the only module that imports xlsxwriter, and it does so inside :func:`write_excel`, so
importing :mod:`citystrategy.reports` (or this module) costs nothing until a workbook is written.

What the workbook holds:

* one sheet per section (named by ``Section.sheet`` or its title, made valid and unique), its
  blocks top to bottom: headings in bold, paragraphs wrapped across the width of the section's
  widest table, tables with a bold header row, charts as native Excel charts beside the table
  of their data;
* the report's long data (``Report.data``) on a sheet named ``Report.data_title``, continued on
  ``"Dane (2)"`` … past Excel's 1 048 576 rows, which the first sheet says in a sentence.

Numbers stay numbers: each cell gets a number format written in Excel's own (US) syntax, which
every Excel shows with its user's separators, so a Polish Excel shows ``85 665 519,74 zł`` for
``#,##0.00\\ "zł"``. Percent values (``5.2`` is 5,2%) are stored as the fraction ``0.052`` with a
``0.0%`` format, so that Excel's arithmetic, sorting and charts treat them as percentages; the
same goes for progress columns. Percentage points keep their number with a ``p.p.`` format. Text
is always written as text (``strings_to_formulas``, ``strings_to_urls`` and
``strings_to_numbers`` are off, and every string goes through ``write_string``): a name that
begins with ``=`` stays a name. The writer writes no formulas.

Money is exact in the report (``Decimal``) and Excel stores doubles: an amount of up to 15
significant digits survives the trip exactly; a longer one gets a cell comment with the exact
amount, in the report's language.

Large data (more than :data:`CONSTANT_MEMORY_CELLS` cells) is written in xlsxwriter's
``constant_memory`` mode, which keeps one row in memory at a time. The mode applies to the whole
workbook; the writer writes every sheet strictly row by row in either mode, so both give the same
workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from citystrategy._arguments import instance, member
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import ngettext, pgettext
from citystrategy._output import atomic_path
from citystrategy.errors import ArgumentTypeError
from citystrategy.formatting import (
    NOUNS,
    UNIT_LABELS,
    format_money,
    format_number,
    get_language,
)
from citystrategy.formatting._labels import _NOUN_UNITS
from citystrategy.money import CURRENCIES, Money
from citystrategy.reports.cells import P_FLOOR
from citystrategy.reports.document import (
    EXCEL_SHEET_NAME_LIMIT,
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
)

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

__all__ = [
    "CONSTANT_MEMORY_CELLS",
    "EXCEL_MAX_ROWS",
    "TONE_COLOURS",
    "excel_number_format",
    "write_excel",
]

#: The rows of an Excel sheet; a data sheet holds its header and ``EXCEL_MAX_ROWS - 1`` rows.
EXCEL_MAX_ROWS: Final = 1_048_576
#: Data of more cells than this (rows times columns) is written in ``constant_memory`` mode.
CONSTANT_MEMORY_CELLS: Final = 500_000
#: Font and fill colour of each tone, every pair at least 4.5:1 in WCAG 2 contrast; the status
#: text is always in the cell, so colour never carries the meaning alone.
TONE_COLOURS: Final = {
    Tone.GOOD: ("#0B5A1E", "#C6EFCE"),
    Tone.FAIR: ("#3D5A00", "#E4F2BD"),
    Tone.POOR: ("#7A3E00", "#FFE2A8"),
    Tone.BAD: ("#9C0006", "#FFC7CE"),
    Tone.NEUTRAL: ("#3F3F3F", "#E7E6E6"),
}
#: Fraction digits of a kind when the column does not say and the values are floats.
_DEFAULT_DECIMALS: Final = {
    ColumnKind.NUMBER: 1,
    ColumnKind.MEASURE: 1,
    ColumnKind.PERCENT: 1,
    ColumnKind.POINTS: 1,
    ColumnKind.SCORE: 1,
    ColumnKind.PROGRESS: 0,
    ColumnKind.MONEY: 2,
    ColumnKind.P_VALUE: 3,
}
#: A Decimal with more fraction digits than this (a computed ratio) shows the kind's default.
_MAX_OWN_DECIMALS: Final = 4
_MIN_WIDTH: Final = 6
_MAX_WIDTH: Final = 60
#: The widest a column grows for a table with fewer columns than the sheet's widest table (a
#: chart's data, a short list stacked under a wide table): its longer texts wrap instead, so that
#: one table's long names do not widen another table's code or number column.
_SECONDARY_WIDTH: Final = 24
#: Characters of Calibri 11 text that fit in one unit of column width (the width of a ``0``):
#: letters of running text are narrower than digits. Measured against LibreOffice's rendering.
_CHARACTERS_PER_WIDTH: Final = 1.2
#: A sheet of at most this many columns prints as wide as one page; a wider one prints at full
#: size across pages, its header row and first column repeated on each.
_FIT_COLUMNS: Final = 10
#: xlsxwriter's chart type of each kind of chart.
_CHART_TYPES: Final = {
    ChartKind.PIE: "pie",
    ChartKind.BAR: "bar",
    ChartKind.COLUMN: "column",
    ChartKind.LINE: "line",
}
#: A table's header is frozen only when the rows above it are at most this high (points).
_FREEZE_POINTS: Final = 120
_CHART_ROWS: Final = 16  # the rows a chart of xlsxwriter's default size covers
_CHART_WIDE: Final = 8  # the columns beside a table that a chart covers
_CHUNK: Final = 20_000  # rows converted at a time on a data sheet
_BAD_SHEET_CHARACTERS: Final = re.compile(r"[\[\]:*?/\\]")
_YEAR_KEY: Final = re.compile(r"(^|_)year$")

#: The kinds whose float and integer columns are converted vectorised.
_VECTOR_NUMBERS: Final = frozenset(
    {
        ColumnKind.INTEGER,
        ColumnKind.YEAR,
        ColumnKind.NUMBER,
        ColumnKind.MEASURE,
        ColumnKind.PERCENT,
        ColumnKind.POINTS,
        ColumnKind.SCORE,
        ColumnKind.PROGRESS,
        ColumnKind.P_VALUE,
    }
)

# The kinds of cells, indexes into the worksheet's write methods.
_NONE, _NUMBER, _STRING, _DATE, _BOOLEAN = range(5)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    return False


def _quoted(label: str) -> str:
    """*label* as a literal of an Excel number format."""
    return '"' + label.replace('"', "'") + '"'


def _digits(decimals: int) -> str:
    return "." + "0" * decimals if decimals else ""


def _unit_label(unit: str, language: str, shown: Decimal | None = None) -> str:
    """The label of *unit* in a number format: a counted noun in the form the value *shown*
    takes (``254 osoby``, ``5 osób``, ``1,5 osoby``; without a value, the form for five)."""
    try:
        label = UNIT_LABELS[unit][language]
    except KeyError:
        return unit
    if label.startswith("noun:"):
        return ngettext(*NOUNS[label.removeprefix("noun:")], 5 if shown is None else shown, language)  # fmt: skip
    return label


def _shown(number: float, places: int) -> Decimal:
    """*number* as a cell with *places* fraction digits shows it."""
    return Decimal(f"{abs(number):.{places}f}")


def excel_number_format(
    kind: ColumnKind | str,
    *,
    decimals: int | None = None,
    unit: str = "",
    currency: str = "PLN",
    locale: str = "pl_PL",
    shown: Decimal | int | None = None,
    signed: bool = False,
) -> str:
    r"""The Excel number format of a column's values, in Excel's (US) syntax.

    Excel shows a format with its user's own separators, so a Polish Excel shows
    ``85 665 519,74 zł`` for ``#,##0.00\ "zł"``. Percent formats expect the fraction (0.052 for
    5,2%), as :func:`write_excel` writes them. Text, list, status and boolean columns have none
    (``""``).

    Args:
        kind: What the values are.
        decimals: Fraction digits (``None``: the kind's default; money has 2).
        unit: The unit of a ``MEASURE`` value (``"percent"``, ``"PLN"``, ``"megawatt_hour"`` …).
        currency: The currency of a ``MONEY`` value.
        locale: The report's locale: the words of units and where the currency goes.
        shown: The value the format shows, as shown: a unit that is a counted noun takes the
            form of this value (``254 osoby``, ``5 osób``); without it, the form for five. A
            number format cannot choose the form itself, so each value needs its own.
        signed: Whether a value above zero shows its plus sign (a change), as points and
            scores always do.

    >>> excel_number_format("money")
    '#,##0.00\\ "zł"'
    >>> excel_number_format("money", currency="EUR", locale="en")
    '"EUR"\\ #,##0.00'
    >>> excel_number_format("percent")
    '0.0%'
    >>> excel_number_format("points")
    '+0.0\\ "p.p.";-0.0\\ "p.p.";0.0\\ "p.p."'
    >>> excel_number_format("measure", unit="microgram / meter ** 3", decimals=0)
    '#,##0\\ "µg/m³"'
    >>> excel_number_format("measure", unit="day", decimals=0)
    '#,##0\\ "dni"'
    >>> excel_number_format("measure", unit="person", decimals=0, shown=254)
    '#,##0\\ "osoby"'
    """
    kind = member(ColumnKind, kind, "kind")
    if signed:  # a plus before a value above zero, the same format otherwise
        code = excel_number_format(kind, decimals=decimals, unit=unit, currency=currency, locale=locale, shown=shown)  # fmt: skip
        return code if ";" in code or not code else f"+{code};-{code};{code}"
    language = get_language(locale)
    places = _DEFAULT_DECIMALS.get(kind, 0) if decimals is None else decimals
    digits = _digits(places)
    if kind is ColumnKind.MEASURE:
        if unit in CURRENCIES:
            return excel_number_format("money", decimals=places, currency=unit, locale=locale)
        if unit == "percent":
            return excel_number_format("percent", decimals=places)
        if unit == "percentage_point":
            return excel_number_format("points", decimals=places, locale=locale)
        counted = None if shown is None else abs(Decimal(shown))
        label = _unit_label(unit, language, counted) if unit else ""
        return f"#,##0{digits}\\ {_quoted(label)}" if label else f"#,##0{digits}"
    if kind is ColumnKind.MONEY:
        symbol = "zł" if currency == "PLN" and language == "pl" else currency
        if language == "pl":
            return f"#,##0{digits}\\ {_quoted(symbol)}"
        return f"{_quoted(symbol)}\\ #,##0{digits}"
    if kind in (ColumnKind.PERCENT, ColumnKind.PROGRESS):
        return f"0{digits}%"
    if kind is ColumnKind.POINTS:
        label = _quoted(UNIT_LABELS["percentage_point"][language])
        return f"+0{digits}\\ {label};-0{digits}\\ {label};0{digits}\\ {label}"
    if kind is ColumnKind.SCORE:
        return f"+0{digits};-0{digits};0{digits}"
    if kind is ColumnKind.P_VALUE:  # under 0.001 as the words say it, never 0,000
        floor = format_number(P_FLOOR, locale=locale)
        return f'[<{P_FLOOR}]"<\xa0{floor}";0{digits}'
    if kind is ColumnKind.NUMBER:
        return f"#,##0{digits}"
    if kind is ColumnKind.INTEGER:
        return "#,##0"
    if kind is ColumnKind.YEAR:
        return "0"
    if kind is ColumnKind.DATE:
        return "dd.mm.yyyy" if language == "pl" else "yyyy-mm-dd"
    return ""


class _Formats:
    """The workbook's formats, one object per distinct set of properties."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.workbook.add_format(properties)
        return found

    def number(self, number_format: str, **properties: Any) -> Format:
        return self.get(num_format=number_format, valign="top", **properties)


def _places(value: object, column: Column) -> int:
    """The fraction digits of *value*: the column's, a Decimal's own, or the kind's default."""
    if column.decimals is not None:
        return column.decimals
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent <= _MAX_OWN_DECIMALS:
            return max(0, -exponent)
    return _DEFAULT_DECIMALS.get(column.kind, 0)


def _round_trips(amount: Decimal) -> bool:
    """Whether Excel's double keeps *amount* exactly (up to 15 significant digits do)."""
    return Decimal(repr(float(amount))) == amount


class _Cells:
    """A column's cells over some rows: kinds, values, formats, comments and the widest text."""

    __slots__ = ("comments", "formats", "kinds", "values", "width")

    def __init__(self, size: int) -> None:
        self.kinds: list[int] = [_NONE] * size
        self.values: list[Any] = [None] * size
        self.formats: list[Format | None] = [None] * size
        self.comments: list[tuple[int, str]] = []
        self.width = 0


class _Converter:
    """Turns a column's values into cells (number + format, text, date …), caching formats."""

    def __init__(self, formats: _Formats, locale: str) -> None:
        self.formats = formats
        self.locale = locale
        self.language = get_language(locale)
        self.by_key: dict[tuple[Any, ...], Format] = {}
        self.text = formats.get(valign="top")
        self.wrapped = formats.get(valign="top", text_wrap=True)
        self.reason = formats.get(valign="top", italic=True, font_color="#595959")

    def number_format(
        self, column: Column, places: int, unit: str, currency: str, number: float | None = None
    ) -> Format:
        """The format of a value of *column* in *unit*; a counted noun's form (``254 osoby``)
        follows *number*, the value as written to the cell."""
        shown = None
        if number is not None and column.kind is ColumnKind.MEASURE and unit in _NOUN_UNITS:
            shown = _shown(number, places)
        # the noun's form, not the value, tells formats apart: a few per table
        form = "" if shown is None else _unit_label(unit, self.language, shown)
        key = (column.kind, column.key, places, unit, currency, form, column.signed)
        found = self.by_key.get(key)
        if found is None:
            if column.kind is ColumnKind.INTEGER and _YEAR_KEY.search(column.key):
                code = "0"  # a year: never 2 023
            else:
                code = excel_number_format(
                    column.kind,
                    decimals=places,
                    unit=unit,
                    currency=currency,
                    locale=self.locale,
                    shown=shown,
                    signed=column.signed,
                )
            found = self.by_key[key] = self.formats.number(code)
        return found

    def convert(
        self, column: Column, frame: pd.DataFrame, start: int, stop: int, *, wrap: bool
    ) -> _Cells:
        """The cells of *column* for the rows *start* to *stop* of *frame*."""
        series = frame[column.key].iloc[start:stop]
        fast = self._fast(column, frame, series, start, stop, wrap=wrap)
        if fast is not None:
            return fast
        values = series.tolist()
        size = len(values)
        units: Sequence[Any] = (
            frame[column.unit_key].iloc[start:stop].tolist()
            if column.unit_key
            else [column.unit] * size
        )
        reasons: Sequence[Any] = (
            frame[column.reason_key].iloc[start:stop].tolist() if column.reason_key else ()
        )
        cells = _Cells(size)
        kind = column.kind
        if kind in (ColumnKind.TEXT, ColumnKind.STATUS, ColumnKind.LIST):
            self._texts(column, values, cells, wrap=wrap or kind is ColumnKind.LIST)
        elif kind is ColumnKind.BOOLEAN:
            self._booleans(column, values, cells)
        elif kind is ColumnKind.DATE:
            self._dates(column, values, cells)
        else:
            self._numbers(column, values, units, cells)
        if reasons:
            for index, kind_of_cell in enumerate(cells.kinds):
                reason = reasons[index]
                if kind_of_cell == _NONE and not _missing(reason) and str(reason):
                    cells.kinds[index] = _STRING
                    cells.values[index] = str(reason)
                    cells.formats[index] = self.reason
                    cells.width = max(cells.width, len(str(reason)))
        return cells

    def _fast(
        self,
        column: Column,
        frame: pd.DataFrame,
        series: pd.Series[Any],
        start: int,
        stop: int,
        *,
        wrap: bool,
    ) -> _Cells | None:
        """The cells of a plain numeric or text column, vectorised; ``None`` for the others."""
        kind, size = column.kind, len(series)
        if column.reason_key or size == 0:
            return None
        numeric = kind in _VECTOR_NUMBERS and pd.api.types.is_numeric_dtype(series.dtype)
        if numeric and not pd.api.types.is_bool_dtype(series.dtype):
            numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
            present = ~np.isnan(numbers)
            if np.isinf(numbers).any():
                bad = numbers[np.isinf(numbers)][0]
                raise ArgumentTypeError(column.key, float(bad), "a finite number")
            places = _DEFAULT_DECIMALS.get(kind, 0) if column.decimals is None else column.decimals
            cells = _Cells(0)
            if column.unit_key:
                units = frame[column.unit_key].iloc[start:stop].astype("category")
                names = [str(unit) for unit in units.cat.categories]
                codes = units.cat.codes.to_numpy()
                if kind is ColumnKind.MEASURE and "percent" in names:
                    numbers = np.where(codes == names.index("percent"), numbers / 100, numbers)
                by_code = [self.number_format(column, places, u, column.currency) for u in names]
                table = np.array([*by_code, None], dtype=object)  # code -1: no unit
                cells.formats = table[codes].tolist()
                for code, unit in enumerate(names):  # a counted noun: its form by the value
                    if unit in _NOUN_UNITS and kind is ColumnKind.MEASURE:
                        for index in np.flatnonzero((codes == code) & present).tolist():
                            cells.formats[index] = self.number_format(
                                column, places, unit, column.currency, numbers[index]
                            )
            else:
                fraction = kind in (ColumnKind.PERCENT, ColumnKind.PROGRESS) or (
                    kind is ColumnKind.MEASURE and column.unit == "percent"
                )
                if fraction:
                    numbers = numbers / 100
                unit_format = self.number_format(column, places, column.unit, column.currency)
                cells.formats = [unit_format] * size
                if column.unit in _NOUN_UNITS and kind is ColumnKind.MEASURE:
                    cells.formats = [
                        self.number_format(column, places, column.unit, column.currency, number)
                        if shown
                        else unit_format
                        for number, shown in zip(numbers.tolist(), present.tolist(), strict=True)
                    ]
            cells.kinds = np.where(present, _NUMBER, _NONE).tolist()
            cells.values = numbers.tolist()
            largest = float(np.abs(numbers[present]).max()) if present.any() else 0.0
            cells.width = len(f"{largest:,.{places}f}") + 4
            return cells
        textual = kind is ColumnKind.TEXT and not column.labels and not wrap
        if textual and (
            isinstance(series.dtype, pd.CategoricalDtype)
            or pd.api.types.is_string_dtype(series.dtype)
        ):
            texts = series.astype("string")
            present = texts.notna().to_numpy()
            cells = _Cells(0)
            cells.kinds = np.where(present, _STRING, _NONE).tolist()
            cells.values = texts.tolist()
            cells.formats = [self.text] * size
            lengths = texts.str.len()
            cells.width = int(lengths.max()) if present.any() else 0
            return cells
        return None

    def _texts(self, column: Column, values: list[Any], cells: _Cells, *, wrap: bool) -> None:
        labels = column.labels
        cell_format = self.wrapped if wrap else self.text
        width = 0
        for index, value in enumerate(values):
            if _missing(value):
                continue
            if isinstance(value, (tuple, list)):
                items = [str(labels.get(item, item)) for item in value]
                text = "\n".join(items)
                width = max(width, *(len(item) for item in items)) if items else width
            else:
                text = str(labels.get(value, value)) if labels else str(value)
                width = max(width, len(text))
            if not text:
                continue
            cells.kinds[index] = _STRING
            cells.values[index] = text
            cells.formats[index] = cell_format
        cells.width = width

    def _booleans(self, column: Column, values: list[Any], cells: _Cells) -> None:
        # words, as the text writers show them: a native TRUE is PRAWDA or TRUE by the viewer
        labels = column.labels or {
            True: pgettext("table cell", "yes", self.locale),
            False: pgettext("table cell", "no", self.locale),
        }
        for index, value in enumerate(values):
            if _missing(value):
                continue
            text = str(labels.get(bool(value), value))
            cells.kinds[index], cells.values[index] = _STRING, text
            cells.width = max(cells.width, len(text))
            cells.formats[index] = self.text

    def _dates(self, column: Column, values: list[Any], cells: _Cells) -> None:
        cell_format = self.number_format(column, 0, "", "")
        for index, value in enumerate(values):
            if _missing(value):
                continue
            if isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            if not isinstance(value, dt.date):
                raise ArgumentTypeError(column.key, value, "a date in a date column")
            cells.kinds[index], cells.values[index] = _DATE, value
            cells.formats[index] = cell_format
        cells.width = 10 if any(cells.kinds) else 0

    def _numbers(
        self, column: Column, values: list[Any], units: Sequence[Any], cells: _Cells
    ) -> None:
        kind = column.kind
        fraction = kind in (ColumnKind.PERCENT, ColumnKind.PROGRESS)
        width = 0
        for index, value in enumerate(values):
            if _missing(value):
                continue
            currency = column.currency
            if isinstance(value, Money):
                currency, value = value.currency, value.amount
            if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
                if hasattr(value, "__float__") and not isinstance(value, (str, bytes, bool)):
                    value = float(value)  # NumPy scalars
                else:
                    raise ArgumentTypeError(column.key, value, f"a number in a {kind} column")
            unit = "" if _missing(units[index]) else str(units[index])
            places = _places(value, column)
            as_fraction = fraction or (kind is ColumnKind.MEASURE and unit == "percent")
            if as_fraction:
                number = float(Decimal(value) / 100) if isinstance(value, Decimal) else value / 100
            else:
                number = float(value)
            if math.isinf(number):
                raise ArgumentTypeError(column.key, value, "a finite number")
            cells.kinds[index] = _NUMBER
            cells.values[index] = number
            cells.formats[index] = self.number_format(column, places, unit, currency, number)
            exact = isinstance(value, Decimal) and not as_fraction and not _round_trips(value)
            if exact and (kind is ColumnKind.MONEY or unit in CURRENCIES):
                text = format_money(Money(value, currency), decimals=places, locale=self.locale)
                cells.comments.append((index, text))
            # the unit's label is part of the number format: the column is as wide as both
            label = 4 if kind is ColumnKind.MONEY or unit in CURRENCIES else 0
            if kind is ColumnKind.MEASURE and unit and unit not in CURRENCIES:
                label = len(_unit_label(unit, self.language)) + 1
            width = max(width, len(f"{abs(number):,.{places}f}") + 2 + label)
        cells.width = width


def _wrapped_lines(text: str, width: float) -> int:
    """The lines *text* takes wrapped at word boundaries in a column *width* wide, as a
    spreadsheet wraps it: whole words on a line while they fit, a longer word broken."""
    capacity = max(1.0, width * _CHARACTERS_PER_WIDTH)
    total = 0
    for line in text.splitlines() or [""]:
        lines, used = 1, 0.0
        for word in line.split():
            size = len(word)
            if used and used + 1 + size <= capacity:
                used += 1 + size
                continue
            if used:
                lines += 1
            lines += max(0, math.ceil(size / capacity) - 1)
            used = size - (math.ceil(size / capacity) - 1) * capacity
        total += lines
    return max(total, 1)


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """*wanted* as a valid sheet name not in *taken* (compared case-insensitively)."""
    base = _BAD_SHEET_CHARACTERS.sub("-", wanted).strip().strip("'") or "Sheet"
    base = base[:EXCEL_SHEET_NAME_LIMIT]
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = base[: EXCEL_SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
    taken.add(name.casefold())
    return name


def _data_sheet_names(title: str, count: int, taken: set[str]) -> list[str]:
    """``Dane``, ``Dane (2)`` …, each unique."""
    names = [_sheet_name(title, taken)]
    for number in range(2, count + 1):
        names.append(_sheet_name(f"{title[: EXCEL_SHEET_NAME_LIMIT - 8]} ({number})", taken))
    return names


def _continued_sentence(report: Report, rows: int, names: Sequence[str]) -> str:
    sheets = ", ".join(names)
    message = ngettext(
        "The data ({count} row) do not fit on one sheet: they are on the sheets {sheets}.",
        "The data ({count} rows) do not fit on one sheet: they are on the sheets {sheets}.",
        rows,
        report.locale,
    )
    count = format_number(rows, decimals=0, locale=report.locale)
    return message.format(count=count, sheets=sheets)


class _SheetWriter:
    """Writes one section's blocks on one worksheet, row by row."""

    def __init__(
        self, worksheet: Worksheet, converter: _Converter, formats: _Formats, workbook: Workbook
    ) -> None:
        self.worksheet = worksheet
        self.converter = converter
        self.formats = formats
        self.workbook = workbook
        self.row = 0
        self.height = 0.0  # points above the current row, to decide whether to freeze
        self.widths: dict[int, int] = {}
        #: Where each table already on the sheet is: its header, first and last data row.
        self.written: dict[int, tuple[int, int, int]] = {}
        #: The tables on the sheet, in order (a chart over the same data draws their cells).
        self.tables: list[Table] = []
        #: The widest a table's columns grow, by table (see :data:`_SECONDARY_WIDTH`).
        self.caps: dict[int, int] = {}
        self.methods: tuple[Callable[..., Any] | None, ...] = (
            None,
            worksheet.write_number,
            worksheet.write_string,
            worksheet.write_datetime,
            worksheet.write_boolean,
        )

    # --- tables ----------------------------------------------------------------------------

    def _prepare(self, table: Table) -> list[_Cells]:
        """The cells of *table*; a text column wider than the table may grow wraps."""
        frame, size = _without_attrs(table.frame), len(table.frame)
        cap = self.caps.get(id(table), _MAX_WIDTH)
        prepared = []
        for column in table.columns:
            wrap = column.kind is ColumnKind.TEXT and self._long_text(frame[column.key], cap)
            cells = self.converter.convert(column, frame, 0, size, wrap=wrap)
            cells.width = min(cells.width, cap)
            prepared.append(cells)
        return prepared

    @staticmethod
    def _long_text(series: pd.Series[Any], cap: int) -> bool:
        present = series.dropna()
        return bool(len(present)) and int(present.astype(str).str.len().max()) > cap

    def _measure(self, column_index: int, width: int) -> None:
        self.widths[column_index] = max(self.widths.get(column_index, 0), width)

    def write_header(self, columns: Sequence[Column], first_column: int = 0) -> None:
        header = self.formats.get(
            bold=True, text_wrap=True, valign="top", bottom=1, bg_color="#D9D9D9"
        )
        lines = 1
        for offset, column in enumerate(columns):
            self.worksheet.write_string(self.row, first_column + offset, column.title, header)
            longest = max((len(word) for word in column.title.split()), default=0)
            self._measure(first_column + offset, max(longest + 2, min(len(column.title), 20) + 2))
            lines = max(lines, self._lines(column.title, first_column + offset))
            if column.note:
                self.worksheet.write_comment(self.row, first_column + offset, column.note)
        if lines > 1:  # a wrapped title: a row tall enough that it does not run into the data
            self.worksheet.set_row(self.row, 15 * lines)
        self.row += 1

    def _lines(self, text: str, column: int) -> int:
        """How many lines *text* takes, wrapped in *column* as wide as it is set."""
        width = min(max(self.widths.get(column, 8.43), _MIN_WIDTH), _MAX_WIDTH)
        return _wrapped_lines(text, width)

    def write_rows(self, prepared: Sequence[_Cells], size: int, first_column: int = 0) -> None:
        methods, row0 = self.methods, self.row
        columns = [(first_column + i, c.kinds, c.values, c.formats) for i, c in enumerate(prepared)]
        wrapped = self.converter.wrapped
        tall = [c for c in columns if any(f is wrapped for f in c[3])]  # wrapped text: rows grow
        extra = 0
        for index in range(size):
            row = row0 + index
            if tall:  # set before the row's cells: constant-memory mode writes rows in order
                lines = max(
                    (self._lines(c[2][index], c[0]) for c in tall if isinstance(c[2][index], str)),
                    default=1,
                )
                if lines > 1:
                    self.worksheet.set_row(row, 15 * lines)
                    extra += 15 * (lines - 1)
            for column, kinds, values, cell_formats in columns:
                kind = kinds[index]
                if kind:
                    methods[kind](row, column, values[index], cell_formats[index])  # type: ignore[misc]
        for offset, cells in enumerate(prepared):
            for index, text in cells.comments:
                self.worksheet.write_comment(row0 + index, first_column + offset, text)
            self._measure(first_column + offset, cells.width + 1)
        self.row += size
        self.height += 15 * size + extra

    def table(self, table: Table, *, main: bool) -> tuple[int, int, int]:
        """Write *table*; return its header row, first data row and last data row."""
        if table.title:
            self.heading(Heading(table.title, 3))
        prepared = self._prepare(table)
        header, height_above = self.row, self.height
        self.write_header(table.columns)
        size = len(table.frame)
        self.write_rows(prepared, size)
        self._conditional(table, header + 1, header + size)
        last_column = len(table.columns) - 1
        if main and last_column >= 0:
            self.worksheet.autofilter(header, 0, max(header + size, header), last_column)
            if height_above <= _FREEZE_POINTS:  # never freeze a screenful of text
                self.worksheet.freeze_panes(header + 1, 0)
        if table.note:
            self.paragraph(Paragraph(table.note), len(table.columns), italic=True)
        self.written[id(table)] = (header, header + 1, header + size)
        self.tables.append(table)
        return header, header + 1, header + size

    def _same_data(self, chart: Chart) -> Table | None:
        """A table on the sheet that holds the chart's data (the chart then draws its cells)."""
        return _same_data(chart, self.tables)

    def _conditional(self, table: Table, first: int, last: int) -> None:
        if last < first:
            return
        for index, column in enumerate(table.columns):
            if column.kind is ColumnKind.STATUS:
                for code, tone in column.tones.items():
                    label = str(column.labels.get(code, code))
                    font, fill = TONE_COLOURS[Tone(tone)]
                    fmt = self.workbook.add_format({"font_color": font, "bg_color": fill})
                    self.worksheet.conditional_format(
                        first,
                        index,
                        last,
                        index,
                        {
                            "type": "cell",
                            "criteria": "==",
                            "value": '"' + label.replace('"', '""') + '"',
                            "format": fmt,
                        },
                    )
            elif column.kind is ColumnKind.SCORE:
                self.worksheet.conditional_format(
                    first,
                    index,
                    last,
                    index,
                    {
                        "type": "icon_set",
                        "icon_style": "4_arrows",
                        "icons": [
                            {"criteria": ">=", "type": "number", "value": 2.5},
                            {"criteria": ">=", "type": "number", "value": 0},
                            {"criteria": ">=", "type": "number", "value": -2.5},
                        ],
                    },
                )
            elif column.kind is ColumnKind.PROGRESS:
                self.worksheet.conditional_format(
                    first,
                    index,
                    last,
                    index,
                    {
                        "type": "data_bar",
                        "bar_color": "#5B9BD5",
                        "bar_solid": True,
                        "min_type": "num",
                        "min_value": 0,
                        "max_type": "num",
                        "max_value": 1,
                    },
                )

    # --- text ------------------------------------------------------------------------------

    def heading(self, heading: Heading) -> None:
        size = {1: 14, 2: 12, 3: 11}[heading.level]
        self.worksheet.write_string(
            self.row, 0, heading.text, self.formats.get(bold=True, font_size=size)
        )
        height = {1: 21, 2: 18, 3: 15}[heading.level]
        self.worksheet.set_row(self.row, height)
        self.row += 1
        self.height += height

    def paragraph(self, paragraph: Paragraph, span: int, *, italic: bool = False) -> None:
        """Each paragraph of *paragraph* in a row of its own, wrapped across *span* columns."""
        cell_format = self.formats.get(text_wrap=True, valign="top", italic=italic)
        characters = sum(self.widths.get(i, 8.43) for i in range(span)) if span else 8.43
        for text in re.split(r"\n\s*\n", paragraph.text.strip()):
            lines = _wrapped_lines(text, characters)
            self.worksheet.set_row(self.row, 15 * max(lines, 1))
            if span > 1:
                self.worksheet.merge_range(self.row, 0, self.row, span - 1, "", cell_format)
            self.worksheet.write_string(self.row, 0, text, cell_format)
            self.row += 1
            self.height += 15 * max(lines, 1)

    # --- charts ----------------------------------------------------------------------------

    def chart(self, chart: Chart, sheet: str) -> None:
        source = chart.table if id(chart.table) in self.written else self._same_data(chart)
        shown = None if source is None else self.written[id(source)]  # on the sheet: its cells
        header, first, last = shown or self.table(chart.table, main=False)
        keys = [column.key for column in (source or chart.table).columns]
        category = keys.index(chart.category)
        excel = self.workbook.add_chart({"type": _CHART_TYPES[chart.kind]})
        if excel is None:  # xlsxwriter returns None only for a type it does not know
            raise RuntimeError(f"xlsxwriter has no {chart.kind.value!r} chart")
        for key in chart.series:
            column = keys.index(key)
            series: dict[str, Any] = {
                "name": [sheet, header, column],
                "categories": [sheet, first, category, last, category],
                "values": [sheet, first, column, last, column],
            }
            if chart.kind is ChartKind.PIE:
                series["data_labels"] = {
                    "percentage": True,
                    "category": True,
                    "leader_lines": True,
                    "separator": "\n",
                    "position": "best_fit",
                }
            excel.add_series(series)
        excel.set_title({"name": chart.title})
        if chart.kind is ChartKind.PIE:
            excel.set_legend({"none": True})
        else:
            if len(chart.series) == 1:
                excel.set_legend({"none": True})
            if chart.axis_title:
                value_axis = excel.set_x_axis if chart.kind is ChartKind.BAR else excel.set_y_axis
                value_axis({"name": chart.axis_title})
        excel.set_size({"width": 576, "height": 320})
        if shown is None:  # beside the data it has just written
            self.worksheet.insert_chart(header, len(chart.table.columns) + 1, excel)
            self.row = max(self.row, header + _CHART_ROWS + 1)  # the next block below the chart
        else:  # below the table it draws
            self.worksheet.insert_chart(self.row, 0, excel)
            self.row += _CHART_ROWS + 1

    def finish(self) -> None:
        for column, width in self.widths.items():
            self.worksheet.set_column(column, column, min(max(width, _MIN_WIDTH), _MAX_WIDTH))


def _same_data(chart: Chart, tables: Sequence[Table]) -> Table | None:
    """The first of *tables* whose columns of the chart's category and series hold the chart's
    data row for row, with the same kinds."""
    keys = (chart.category, *chart.series)
    frame = chart.table.frame
    mine = {column.key: column for column in chart.table.columns}
    for table in tables:
        columns = {column.key: column for column in table.columns}
        if len(table.frame) != len(frame) or not all(key in columns for key in keys):
            continue
        if any(columns[key].kind is not mine[key].kind for key in keys):
            continue
        if all(
            table.frame[key].reset_index(drop=True).equals(frame[key].reset_index(drop=True))
            for key in keys
        ):
            return table
    return None


def _span(section: Section) -> int:
    widths = [len(block.columns) for block in section.blocks if isinstance(block, Table)]
    return max(widths, default=1)


def _print_setup(worksheet: Worksheet, columns: int, header: int | None = None) -> None:
    """Printed on A4 in landscape. A sheet of at most :data:`_FIT_COLUMNS` columns prints as wide
    as one page; a wider one at full size across pages, with its table's header row (*header*)
    and its first column on every page, since one page wide would print it too small to read."""
    worksheet.set_paper(9)
    worksheet.set_landscape()
    if columns <= _FIT_COLUMNS:
        worksheet.fit_to_pages(1, 0)
        return
    if header is not None:
        worksheet.repeat_rows(header)
    worksheet.repeat_columns(0, 0)


def _without_attrs(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* without its ``attrs`` (a shallow copy): pandas deep-copies a frame's ``attrs``
    into every column and slice taken from it, which for a report's small tables cost more than
    the cells."""
    if not frame.attrs:
        return frame
    plain = frame.copy(deep=False)
    plain.attrs = {}
    return plain


def _write_section(
    workbook: Workbook,
    section: Section,
    name: str,
    converter: _Converter,
    formats: _Formats,
    extra: Iterable[str] = (),
) -> None:
    worksheet = workbook.add_worksheet(name)
    writer = _SheetWriter(worksheet, converter, formats, workbook)
    span = _span(section)
    main = len(section.tables) == 1
    # paragraphs need the columns' widths: measure the tables first, a chart's own data too
    tables = [block for block in section.blocks if isinstance(block, Table)]
    for chart in (block for block in section.blocks if isinstance(block, Chart)):
        if id(chart.table) in {id(table) for table in tables} or _same_data(chart, tables):
            continue  # drawn from a table of the sheet
        if tables:  # a chart's data under a table: it wraps rather than widen the table
            writer.caps[id(chart.table)] = _SECONDARY_WIDTH
        tables.append(chart.table)
    for table in tables:
        for index, cells in enumerate(writer._prepare(table)):
            writer._measure(index, cells.width + 1)
        for index, column in enumerate(table.columns):
            writer._measure(index, min(len(column.title), 20) + 2)
    if not section.tables:  # text alone: one wide column, not a word a line
        writer._measure(0, _MAX_WIDTH)
    for block in section.blocks:
        if isinstance(block, Heading):
            writer.heading(block)
        elif isinstance(block, Paragraph):
            writer.paragraph(block, span)
        elif isinstance(block, Table):
            writer.table(block, main=main)
            writer.row += 1
        elif isinstance(block, Chart):
            writer.chart(block, name)
            writer.row += 1
        elif isinstance(block, PageBreak):
            worksheet.set_h_pagebreaks([*worksheet.hbreaks, writer.row])
    for text in extra:
        writer.paragraph(Paragraph(text), span)
    header = writer.written[id(section.tables[0])][0] if main else None
    _print_setup(worksheet, max(writer.widths, default=0) + 1, header)
    writer.finish()


def _write_data(
    workbook: Workbook,
    table: Table,
    names: Sequence[str],
    converter: _Converter,
    formats: _Formats,
) -> None:
    """The long data on its sheets, each with the header row, frozen and filtered, in row order."""
    frame, rows_per_sheet = _without_attrs(table.frame), EXCEL_MAX_ROWS - 1
    last_column = len(table.columns) - 1
    for number, name in enumerate(names):
        worksheet = workbook.add_worksheet(name)
        _print_setup(worksheet, len(table.columns))
        worksheet.repeat_rows(0)
        writer = _SheetWriter(worksheet, converter, formats, workbook)
        writer.write_header(table.columns)
        start = number * rows_per_sheet
        stop = min(len(frame), start + rows_per_sheet)
        for chunk in range(start, stop, _CHUNK):
            end = min(stop, chunk + _CHUNK)
            prepared = [
                converter.convert(column, frame, chunk, end, wrap=False) for column in table.columns
            ]
            writer.write_rows(prepared, end - chunk)
        worksheet.autofilter(0, 0, max(stop - start, 0), max(last_column, 0))
        worksheet.freeze_panes(1, 0)
        writer._conditional(table, 1, stop - start)
        writer.finish()


def write_excel(report: Report, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    r"""Write *report* as an Excel workbook at *path*; return the path.

    One sheet per section (the first is the summary), then the report's long data on
    ``report.data_title`` and its continuation sheets. The file is written atomically: an error
    leaves no file, and the previous file, if any, as it was.

    Args:
        report: The report.
        path: The ``.xlsx`` file to write.
        force: Replace *path* if it exists.

    Returns:
        The path written.

    Raises:
        ArgumentTypeError: If *report* is not a :class:`~citystrategy.reports.document.Report`,
            *path* not a path, *force* not a bool, or a value does not fit its column's kind.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.

    >>> import pandas as pd, tempfile, pathlib
    >>> from citystrategy.reports import Report, Section, Table
    >>> frame = pd.DataFrame({"cel": ["1", "2"], "koszt": [Decimal("514239.53"), Decimal("0")]})
    >>> report = Report(title="Raport", sections=(Section("Koszty", (Table(frame),)),))
    >>> written = write_excel(report, pathlib.Path(tempfile.mkdtemp()) / "raport.xlsx")
    >>> written.name
    'raport.xlsx'
    """
    instance(report, "report", Report, "a Report")
    target = path_argument(path, "path")
    instance(force, "force", bool, "True or False")
    import xlsxwriter

    data = report.data
    cells = 0 if data is None else len(data.frame) * max(len(data.columns), 1)
    taken: set[str] = set()
    names = [_sheet_name(section.sheet or section.title, taken) for section in report.sections]
    data_names: list[str] = []
    if data is not None:
        sheets = max(1, math.ceil(len(data.frame) / (EXCEL_MAX_ROWS - 1)))
        title = report.data_title or pgettext("sheet", "Data", report.locale)
        data_names = _data_sheet_names(title, sheets, taken)
    extra = (
        [_continued_sentence(report, len(data.frame), data_names)]
        if data is not None and len(data_names) > 1
        else []
    )
    sections = list(report.sections)
    if extra and not sections:
        sections = [Section(report.title, (Heading(report.title),))]
        names = [_sheet_name(report.title, taken)]
    with atomic_path(target, force=force) as temporary:
        workbook = xlsxwriter.Workbook(
            str(temporary),
            {
                "constant_memory": cells > CONSTANT_MEMORY_CELLS,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "use_future_functions": False,
            },
        )
        try:
            _write_workbook(workbook, report, sections, names, data_names, extra)
        except BaseException:
            with contextlib.suppress(Exception):
                workbook.close()  # releases its temporary files; atomic_path removes the rest
            raise
        workbook.close()
    return Path(os.fspath(target))


def _write_workbook(
    workbook: Workbook,
    report: Report,
    sections: Sequence[Section],
    names: Sequence[str],
    data_names: Sequence[str],
    extra: Sequence[str],
) -> None:
    properties: dict[str, Any] = {"title": report.title}
    if report.subject:
        properties["subject"] = report.subject
    if report.author:
        properties["author"] = report.author
    if report.created is not None:
        created = report.created
        properties["created"] = dt.datetime(created.year, created.month, created.day, tzinfo=dt.UTC)
    workbook.set_properties(properties)
    workbook.set_custom_property("Language", report.locale.replace("_", "-"))
    formats = _Formats(workbook)
    converter = _Converter(formats, report.locale)
    for index, (section, name) in enumerate(zip(sections, names, strict=True)):
        _write_section(workbook, section, name, converter, formats, extra if index == 0 else ())
    if report.data is not None:
        _write_data(workbook, report.data, data_names, converter, formats)
