"""Filled forms back in: each read as untrusted input, every problem located by file, sheet, cell.

A form comes back from many hands, so it is read defensively:

* a file larger than :data:`MAX_FORM_BYTES`, one that is not a zip archive, one whose parts
  would unpack to more than :data:`MAX_UNPACKED_BYTES` (a zip bomb), or one with macros is
  refused before any XML is parsed;
* the workbook is read with openpyxl in read-only mode, values only, with defusedxml installed
  (openpyxl then parses with it, against billion-laughs and quadratic-blowup attacks); nothing in
  it is evaluated or executed, and a formula in an input cell is refused with its cell named;
* its identification sheet must be intact: a form of another strategy or year, or whose list of
  indicators and projects changed (another fingerprint), or whose rows were moved, is refused;
* every value goes through the Polish parser of :mod:`citystrategy.io.parse`, even when typed
  as text (``"12,5 %"``, ``"1 234,50 zł"``).

Every problem of a form is collected before :class:`~citystrategy.errors.FormError` is raised.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from attrs import field, frozen

from citystrategy._arguments import instance, integer
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import N_
from citystrategy._i18n import language as _language
from citystrategy.collect import _layout as layout
from citystrategy.collect._groups import (
    MISSING_REASONS,
    GroupBy,
    fingerprint,
    form_groups,
    reason_label,
    yes_word,
)
from citystrategy.errors import FormError, FormProblem, Message, ParseError
from citystrategy.io.parse import MissingValue, parse_money, parse_quantity, parse_value
from citystrategy.model import Indicator, Strategy
from citystrategy.money import CURRENCIES, Money
from citystrategy.validation import WHOLE_UNITS

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = [
    "MAX_FORM_BYTES",
    "MAX_UNPACKED_BYTES",
    "FilledForm",
    "FilledProject",
    "FilledValue",
    "read_form",
]

#: The largest form file read, in bytes (20 MB): a form of a few hundred rows is some 30 kB.
MAX_FORM_BYTES: Final = 20 * 1024 * 1024
#: The most its parts may unpack to, in bytes (100 MB): more is a zip bomb, not a form.
MAX_UNPACKED_BYTES: Final = 100 * 1024 * 1024
#: The most parts a form's archive may have.
_MAX_PARTS: Final = 1_000
#: An unquoted ``%`` in a number format: Excel stores 12,5% as 0.125.
_PERCENT_FORMAT: Final = re.compile(r'^(?:[^"%]|"[^"]*")*%')


@frozen(kw_only=True)
class FilledValue:
    """The value of one indicator as a form gives it, or the reason it is missing.

    Attributes:
        indicator: Code of the indicator.
        unit: Its unit (the form's).
        sheet: The sheet of the row.
        cell: The value's cell, in A1 notation.
        value: The value in the indicator's unit, exact; ``None`` if the cell is empty.
        marker: The missing-value sign of the reason chosen (a key of
            :data:`~citystrategy.collect.MISSING_REASONS`), if any.
        comment: The comment written beside it.
        raw: The value's cell as typed (a number as Python writes it).
        marker_cell: The cell *marker* came from: the reason's cell when it was chosen from
            the list, the value's when the sign was typed there; ``None`` without a marker.
    """

    indicator: str
    unit: str
    sheet: str
    cell: str
    value: Decimal | None = None
    marker: str | None = None
    comment: str = ""
    raw: str = ""
    marker_cell: str | None = None


@frozen(kw_only=True)
class FilledProject:
    """What a form says of one project.

    Attributes:
        project: Code of the project.
        sheet: The sheet of the row.
        cell: The cell of "completed in the year", in A1 notation.
        completed: Whether it was completed in the year; ``None`` when left empty.
        cost: The cost given, if any.
        description: The description of the work done.
        comment: The comment written beside it.
    """

    project: str
    sheet: str
    cell: str
    completed: bool | None = None
    cost: Money | None = None
    description: str = ""
    comment: str = ""


def _values(values: Iterable[FilledValue]) -> tuple[FilledValue, ...]:
    return tuple(values)


def _filled_projects(values: Iterable[FilledProject]) -> tuple[FilledProject, ...]:
    return tuple(values)


@frozen(kw_only=True)
class FilledForm:
    """A filled form, read and checked: what it identifies itself as, and what it holds.

    Attributes:
        path: The file.
        strategy: Code of the strategy the form was written for.
        year: The year it asks for.
        group_by: The rule its unit was grouped by.
        unit: Key of its unit or group (:attr:`FormGroup.key <citystrategy.collect.FormGroup.key>`).
        unit_name: Name of its unit or group.
        fingerprint: SHA-256 over its indicator and project codes.
        values: One entry per indicator row, in the form's order.
        projects: One entry per project row, in the form's order.
        locale: The locale the form was written in (``pl_PL``): its words, and the name it
            was sent under.
    """

    path: str
    strategy: str
    year: int
    group_by: str
    unit: str
    unit_name: str
    fingerprint: str
    values: tuple[FilledValue, ...] = field(factory=tuple, converter=_values)
    projects: tuple[FilledProject, ...] = field(factory=tuple, converter=_filled_projects)
    locale: str = "pl_PL"


def _letter(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Problems:
    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[FormProblem] = []

    def add(
        self,
        template: str,
        values: dict[str, object] | None = None,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        text: str | None = None,
    ) -> None:
        message = Message(template, values or {})
        self.items.append(
            FormProblem(message=message, path=self.path, sheet=sheet, cell=cell, text=text)
        )


def _check_file(path: Path, problems: _Problems) -> bool:
    """Refuse, before parsing any XML, a file too large, not a zip, a zip bomb or with macros."""
    try:
        size = path.stat().st_size
    except OSError as error:
        from citystrategy._system import os_reason

        problems.add(N_("cannot be read: {reason}"), {"reason": os_reason(error)})
        return False
    if size > MAX_FORM_BYTES:
        template = N_("{size} bytes is larger than a form may be ({most} bytes at most)")
        problems.add(template, {"size": size, "most": MAX_FORM_BYTES})
        return False
    if not zipfile.is_zipfile(path):
        problems.add(N_("not an Excel workbook (.xlsx): the file is not a zip archive"))
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        problems.add(N_("not an Excel workbook (.xlsx): {reason}"), {"reason": str(error)})
        return False
    names = {part.filename for part in parts}
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > _MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        template = N_(
            "its parts would unpack to {size} bytes in {count} parts: more than a form may "
            "hold ({most} bytes at most)"
        )
        problems.add(template, {"size": unpacked, "count": len(parts), "most": MAX_UNPACKED_BYTES})
        return False
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        problems.add(N_("not an Excel workbook (.xlsx): a zip archive without a workbook"))
        return False
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        problems.add(N_("the workbook holds macros; a form never does: save it as .xlsx"))
        return False
    return True


class _Cell(Protocol):
    """A cell of a sheet read in read-only mode."""

    row: int
    column: int
    value: object
    data_type: str
    number_format: str


def _cells(sheet: ReadOnlyWorksheet) -> dict[tuple[int, int], tuple[object, str, str]]:
    """Every non-empty cell of *sheet*: (row, column) 1-based -> (value, data type, format)."""
    found: dict[tuple[int, int], tuple[object, str, str]] = {}
    rows: Iterable[Sequence[_Cell]] = sheet.iter_rows()  # type: ignore[misc, assignment]
    for row in rows:
        for cell in row:
            value = getattr(cell, "value", None)  # an EmptyCell has no place, only a value
            if value is None:
                continue
            found[(int(cell.row), int(cell.column))] = (
                value,
                str(cell.data_type),
                str(cell.number_format),
            )
    return found


def _typed(value: object, *, english: bool = False) -> str:
    """A cell's value as the form shows it: a number with a decimal comma (a decimal point in an
    English form), a date without a time, a logical value as a Polish spreadsheet writes it
    (``PRAWDA``; ``TRUE`` in an English form)."""
    if isinstance(value, bool):
        if english:
            return "TRUE" if value else "FALSE"
        return "PRAWDA" if value else "FAŁSZ"
    if isinstance(value, float) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        text = format(Decimal(repr(value)), "f")
        return text if english else text.replace(".", ",")
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return str(value)


def _without_label(text: str, unit: str) -> str:
    """*text* without the label of *unit* after its number, in either language, as the form's
    column 'Unit' shows it (``47,80 zł na mieszkańca`` for ``PLN / inhabitant``).

    >>> _without_label("47,80 zł na mieszkańca", "PLN / inhabitant")
    '47,80'
    >>> _without_label("31 791 MWh", "megawatt_hour")
    '31 791'
    """
    from citystrategy.formatting._labels import unit_names

    for language in ("pl", "en"):
        for label in unit_names(unit, language) if unit else ():
            rest = text.removesuffix(label).rstrip(" \u00a0\u202f\u2009")
            if label and rest != text and rest[-1:].isdigit():
                return rest
    return text


def read_form(
    path: str | os.PathLike[str], *, strategy: Strategy | None = None, year: int | None = None
) -> FilledForm:
    """Read a filled form back, checking it against *strategy* and *year* if given.

    Args:
        path: The ``.xlsx`` file.
        strategy: The strategy it must belong to: its code, and the fingerprint of the unit's
            indicators and projects in it, must match the form's.
        year: The year it must ask for.

    Returns:
        What the form holds.

    Raises:
        FormError: With every problem of the form, each naming the file and, where it is in one,
            the sheet, the cell (A1 notation) and the text typed there.
        ArgumentTypeError: If *path* is not a path, *strategy* not a Strategy or *year* not an
            int.
    """
    target = Path(os.fspath(path_argument(path, "path")))
    if strategy is not None:
        instance(strategy, "strategy", Strategy, "a Strategy")
    if year is not None:
        year = integer(year, "year")
    form, problems = _read(target, strategy, year)
    if problems:
        raise FormError(problems)
    assert form is not None
    return form


def _read(
    path: Path, strategy: Strategy | None, year: int | None
) -> tuple[FilledForm | None, list[FormProblem]]:
    problems = _Problems(str(path))
    if not _check_file(path, problems):
        return None, problems.items
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            path, read_only=True, data_only=False, keep_links=False, keep_vba=False
        )
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        problems.add(N_("cannot be read as a workbook: {reason}"), {"reason": str(error)})
        return None, problems.items
    try:
        return _read_workbook(workbook, path, strategy, year, problems)
    finally:
        workbook.close()


def _meta(workbook: object, problems: _Problems) -> dict[str, str] | None:
    sheets: Sequence[str] = getattr(workbook, "sheetnames", ())
    if layout.ID_SHEET not in sheets:
        problems.add(
            N_(
                "not a citystrategy form: it has no identification sheet; fill in the form "
                "that was sent, not a copy of its cells"
            )
        )
        return None
    sheet = workbook[layout.ID_SHEET]  # type: ignore[index]
    cells = _cells(sheet)
    meta = {
        key: str(cells.get((row + 1, 2), ("", "", ""))[0])
        for row, key in enumerate(layout.META_KEYS)
    }
    if meta["format"] != layout.FORM_FORMAT or not meta["year"].isdigit():
        problems.add(
            N_("its identification sheet is not that of a citystrategy form ({found!r})"),
            {"found": meta["format"]},
            sheet=layout.ID_SHEET,
            cell="B1",
        )
        return None
    return meta


def _read_workbook(
    workbook: object,
    path: Path,
    strategy: Strategy | None,
    year: int | None,
    problems: _Problems,
) -> tuple[FilledForm | None, list[FormProblem]]:
    meta = _meta(workbook, problems)
    if meta is None:
        return None, problems.items
    id_cells = _cells(workbook[layout.ID_SHEET])  # type: ignore[index]
    rows: list[tuple[str, int, str, str, str]] = []
    index = layout.ROWS_START
    while (index, 1) in id_cells:
        sheet_name, row, code, kind, unit = (
            id_cells.get((index, column), ("", "", ""))[0] for column in range(1, 6)
        )
        rows.append((str(sheet_name), int(str(row)), str(code), str(kind), str(unit or "")))
        index += 1
    form_year = int(meta["year"])
    indicator_codes = [code for _, _, code, kind, _ in rows if kind == "indicator"]
    project_codes = [code for _, _, code, kind, _ in rows if kind == "project"]
    if fingerprint(indicator_codes, project_codes) != meta["fingerprint"]:
        problems.add(
            N_("its identification sheet was changed: its rows do not match its fingerprint"),
            sheet=layout.ID_SHEET,
        )
        return None, problems.items
    if strategy is not None and meta["strategy"] != strategy.code:
        problems.add(
            N_("a form of the strategy {found!r}, not of {expected!r}"),
            {"found": meta["strategy"], "expected": strategy.code},
        )
    if year is not None and form_year != year:
        problems.add(
            N_("a form for {found}, not for {expected}"),
            {"found": str(form_year), "expected": str(year)},
        )
    if strategy is not None and not problems.items:
        _check_fingerprint(strategy, form_year, meta, problems)
    if problems.items:
        return None, problems.items
    reader = _RowReader(workbook, meta, problems)
    values = []
    projects = []
    for sheet_name, row, code, kind, unit in rows:
        if kind == "indicator":
            value = reader.indicator(sheet_name, row, code, unit)
            if value is not None:
                values.append(value)
        else:
            project = reader.project(sheet_name, row, code)
            if project is not None:
                projects.append(project)
    reader.check_extra_rows(rows)
    form = FilledForm(
        path=str(path),
        strategy=meta["strategy"],
        year=form_year,
        group_by=meta["group_by"],
        unit=meta["unit"],
        unit_name=meta["unit_name"],
        fingerprint=meta["fingerprint"],
        values=values,
        projects=projects,
        locale=meta["locale"] or "pl_PL",
    )
    return form, problems.items


def _check_fingerprint(
    strategy: Strategy, year: int, meta: dict[str, str], problems: _Problems
) -> None:
    try:
        rule = GroupBy(meta["group_by"])
    except ValueError:
        problems.add(
            N_("its identification sheet names no known grouping ({found!r})"),
            {"found": meta["group_by"]},
            sheet=layout.ID_SHEET,
        )
        return
    groups = {group.key: group for group in form_groups(strategy, year, by=rule)}
    group = groups.get(meta["unit"])
    if group is None:
        problems.add(
            N_("the strategy has no form for the unit {unit!r} in {year} any more"),
            {"unit": meta["unit_name"], "year": str(year)},
        )
    elif group.fingerprint != meta["fingerprint"]:
        problems.add(
            N_(
                "its indicators and projects are not those the strategy now gives the unit "
                "{unit!r} (another fingerprint): send the unit a new form"
            ),
            {"unit": meta["unit_name"]},
        )


class _RowReader:
    def __init__(self, workbook: object, meta: dict[str, str], problems: _Problems) -> None:
        self.workbook = workbook
        self.meta = meta
        self.problems = problems
        self.locale = meta["locale"] or "pl_PL"
        #: An English form is read as it asks: numbers with a decimal point (``12.5``).
        self.english = _language(self.locale) == "en"
        self.field = f"value_{meta['year']}"
        self.first_input = int(meta["indicator_first_input"] or "0")
        self.sheets: dict[str, dict[tuple[int, int], tuple[object, str, str]]] = {}
        self.reasons = {reason_label(m, self.locale).casefold(): m for m in MISSING_REASONS}
        self.reasons |= {marker.casefold(): marker for marker in MISSING_REASONS}
        self.yes = {yes_word(True, self.locale).casefold(), "yes", "tak"}
        self.no = {yes_word(False, self.locale).casefold(), "no", "nie"}

    def cells(self, name: str) -> dict[tuple[int, int], tuple[object, str, str]] | None:
        if name not in self.sheets:
            names: Sequence[str] = getattr(self.workbook, "sheetnames", ())
            if name not in names:
                self.problems.add(N_("the sheet {sheet!r} is missing"), {"sheet": name})
                self.sheets[name] = {}
                return None
            self.sheets[name] = _cells(self.workbook[name])  # type: ignore[index]
        return self.sheets[name]

    def _code_matches(
        self, cells: dict[tuple[int, int], tuple[object, str, str]], sheet: str, row: int, code: str
    ) -> bool:
        found = cells.get((row, 1), (None, "", ""))[0]
        if found == code:
            return True
        template = N_(
            "expected the row of {code!r} here: rows were moved, inserted or deleted; fill in "
            "the form as it was sent"
        )
        text = None if found is None else _typed(found, english=self.english)
        self.problems.add(template, {"code": code}, sheet=sheet, cell=f"A{row}", text=text)
        return False

    def _formula(self, sheet: str, cell: str, value: object, data_type: str) -> bool:
        if data_type == "f" or not isinstance(value, str | int | float | bool | dt.datetime):
            text = value if isinstance(value, str) else getattr(value, "text", None) or "="
            self.problems.add(
                N_("a formula is not read (nothing in a form is calculated): type the number"),
                sheet=sheet,
                cell=cell,
                text=str(text),
            )
            return True
        return False

    def _text(
        self,
        cells: dict[tuple[int, int], tuple[object, str, str]],
        sheet: str,
        row: int,
        column: int,
    ) -> str:
        entry = cells.get((row, column + 1))
        if entry is None:
            return ""
        value, data_type, _ = entry
        cell = f"{_letter(column)}{row}"
        if self._formula(sheet, cell, value, data_type):
            return ""
        return _typed(value, english=self.english).strip()

    def indicator(self, sheet: str, row: int, code: str, unit: str) -> FilledValue | None:
        cells = self.cells(sheet)
        if cells is None or not self._code_matches(cells, sheet, row, code):
            return None
        column = self.first_input
        value_cell = f"{_letter(column)}{row}"
        before = len(self.problems.items)
        number, raw, typed_marker = self._number(cells, sheet, row, column, unit)
        reason_text = self._text(cells, sheet, row, column + 1)
        reason_cell = f"{_letter(column + 1)}{row}"
        comment = self._text(cells, sheet, row, column + 2)
        marker = typed_marker
        if reason_text:
            marker = self.reasons.get(reason_text.casefold())
            if marker is None:
                self.problems.add(
                    N_("not one of the reasons of the list: choose one from it"),
                    sheet=sheet,
                    cell=f"{_letter(column + 1)}{row}",
                    text=reason_text,
                )
            elif number is not None:
                self.problems.add(
                    N_("a value and a reason for a missing value: keep only one of them"),
                    sheet=sheet,
                    cell=value_cell,
                    text=raw,
                )
        if len(self.problems.items) > before:
            return None
        return FilledValue(
            indicator=code,
            unit=unit,
            sheet=sheet,
            cell=value_cell,
            value=number,
            marker=marker,
            comment=comment,
            raw=raw,
            marker_cell=None if marker is None else reason_cell if reason_text else value_cell,
        )

    def _number(
        self,
        cells: dict[tuple[int, int], tuple[object, str, str]],
        sheet: str,
        row: int,
        column: int,
        unit: str,
    ) -> tuple[Decimal | None, str, str | None]:
        """The value of a cell: (number, text as typed, missing sign typed instead)."""
        entry = cells.get((row, column + 1))
        if entry is None:
            return None, "", None
        value, data_type, number_format = entry
        cell = f"{_letter(column)}{row}"
        if self._formula(sheet, cell, value, data_type):
            return None, "", None
        raw = _typed(value, english=self.english)
        if isinstance(value, bool):
            self.problems.add(
                N_("a logical value (TRUE or FALSE) is not a number: type the number"),
                sheet=sheet,
                cell=cell,
                text=raw,
            )
            return None, raw, None
        if isinstance(value, dt.datetime | dt.date | dt.time):
            template = N_(
                "a date is not a value (a spreadsheet may read 12.5 as a date): type the "
                "number with a decimal comma, 12,5"
            )
            if self.english:
                template = N_("a date is not a value: type the number, with a decimal point: 12.5")
            self.problems.add(
                template,
                sheet=sheet,
                cell=cell,
                text=raw,
            )
            return None, raw, None
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                self.problems.add(N_("not a number"), sheet=sheet, cell=cell, text=raw)
                return None, raw, None
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if _PERCENT_FORMAT.match(number_format):
                number = (number * 100).normalize()
                raw = _typed(value, english=self.english) + " (" + number_format + ")"
                if unit != "percent":
                    self.problems.add(
                        N_("a percentage, but the indicator's unit is {unit!r}"),
                        {"unit": unit},
                        sheet=sheet,
                        cell=cell,
                        text=raw,
                    )
                    return None, raw, None
            return number, raw, None
        text = str(value).strip()
        if not text:
            return None, "", None
        field, locale = self.field, self.locale
        try:
            parsed = parse_value(text, field=field, locale=locale)
            if isinstance(parsed, MissingValue):
                if parsed.marker in MISSING_REASONS:
                    return None, text, parsed.marker
                marker = {"-*": "- *", "-": "–"}.get(parsed.marker)
                if marker is not None:
                    return None, text, marker
        except ParseError:
            pass  # the unit may be written as the form's column 'Unit' shows it: read below
        try:
            quantity = parse_quantity(
                _without_label(text, unit), unit=unit or "count", field=field, locale=locale
            )
        except ParseError as error:
            reason = error.to_message().values.get("reason", Message(error.reason))
            self.problems.add(
                N_("not a value: {reason}"), {"reason": reason}, sheet=sheet, cell=cell, text=text
            )
            return None, text, None
        magnitude = quantity.magnitude
        assert isinstance(magnitude, Decimal)
        return magnitude, text, None

    def project(self, sheet: str, row: int, code: str) -> FilledProject | None:
        cells = self.cells(sheet)
        if cells is None or not self._code_matches(cells, sheet, row, code):
            return None
        first = layout.PROJECT_FIRST_INPUT
        before = len(self.problems.items)
        completed_text = self._text(cells, sheet, row, first)
        completed: bool | None = None
        completed_cell = f"{_letter(first)}{row}"
        if completed_text.casefold() in self.yes:
            completed = True
        elif completed_text.casefold() in self.no:
            completed = False
        elif completed_text:
            self.problems.add(
                N_("expected {yes!r} or {no!r}"),
                {"yes": yes_word(True, self.locale), "no": yes_word(False, self.locale)},
                sheet=sheet,
                cell=completed_cell,
                text=completed_text,
            )
        cost = self._cost(cells, sheet, row, first + 1)
        description = self._text(cells, sheet, row, first + 2)
        comment = self._text(cells, sheet, row, first + 3)
        if completed is not True and (cost is not None or description):
            self.problems.add(
                N_(
                    "a cost or the work done is given, but the project is not marked completed "
                    "in the year: choose {yes!r}, or leave them empty"
                ),
                {"yes": yes_word(True, self.locale)},
                sheet=sheet,
                cell=completed_cell,
                text=completed_text or None,
            )
        if len(self.problems.items) > before:
            return None
        return FilledProject(
            project=code,
            sheet=sheet,
            cell=completed_cell,
            completed=completed,
            cost=cost,
            description=description,
            comment=comment,
        )

    def _cost(
        self,
        cells: dict[tuple[int, int], tuple[object, str, str]],
        sheet: str,
        row: int,
        column: int,
    ) -> Money | None:
        entry = cells.get((row, column + 1))
        if entry is None:
            return None
        value, data_type, _ = entry
        cell = f"{_letter(column)}{row}"
        if self._formula(sheet, cell, value, data_type):
            return None
        raw = _typed(value, english=self.english)
        if isinstance(value, (bool, dt.datetime | dt.date | dt.time)):
            self.problems.add(N_("not an amount of money"), sheet=sheet, cell=cell, text=raw)
            return None
        try:
            if isinstance(value, int | float):
                amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
                money = Money(amount, "PLN")
            else:
                text = str(value).strip()
                if not text:
                    return None
                money = parse_money(text, currency="PLN", field="cost", locale=self.locale)
        except ParseError as error:
            reason = error.to_message().values.get("reason", Message(error.reason))
            self.problems.add(
                N_("not an amount of money: {reason}"),
                {"reason": reason},
                sheet=sheet,
                cell=cell,
                text=raw,
            )
            return None
        if money.amount < 0:
            self.problems.add(N_("a cost cannot be negative"), sheet=sheet, cell=cell, text=raw)
            return None
        if _places(money.amount) > 2:  # a number typed in the cell (the parser refuses text)
            self.problems.add(
                N_("an amount of money has at most two decimals (grosze)"),
                sheet=sheet,
                cell=cell,
                text=raw,
            )
            return None
        # to the grosz, as the data folder writes costs: 74 500 000,00 zł, whatever was typed
        return Money(money.amount.quantize(_GROSZ), money.currency)

    def check_extra_rows(self, rows: Sequence[tuple[str, int, str, str, str]]) -> None:
        """Refuse values typed in rows the form did not send (below its last row)."""
        expected = {(sheet, row) for sheet, row, _, _, _ in rows}
        for sheet_name in (self.meta["indicator_sheet"], self.meta["project_sheet"]):
            cells = self.sheets.get(sheet_name)
            if cells is None:
                cells = self.cells(sheet_name) or {}
            extra = sorted({r for r, _ in cells if r > 1 and (sheet_name, r) not in expected})
            for row in extra:
                columns = sorted(c for r, c in cells if r == row)
                column = columns[0]
                value = cells[(row, column)][0]
                self.problems.add(
                    N_("a row the form did not have: rows were inserted or copied in"),
                    sheet=sheet_name,
                    cell=f"{_letter(column - 1)}{row}",
                    text=_typed(value, english=self.english),
                )


#: A grosz (a cent): the place costs are kept to.
_GROSZ: Final = Decimal("0.01")


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _impossible(
    indicator: Indicator, value: Decimal | None, *, sample: bool = False
) -> Message | None:
    """Why *value* cannot be a value of *indicator* at all (not merely implausible), or None.

    *sample* says that *indicator* is the strategy's survey-responses indicator, whose values
    are the sample sizes of the survey shares: whole numbers above 0.
    """
    if value is None:
        return None
    code = {"code": indicator.code}
    if sample and (value <= 0 or value != value.to_integral_value()):
        template = N_(
            "{code!r} is the number of the survey's responses, the sample size of the survey "
            "shares: a whole number above 0; if there was no survey, leave the cell empty and "
            "choose the reason"
        )
        return Message(template, code)
    if indicator.survey and indicator.unit == "percent" and not 0 <= value <= 100:
        return Message(N_("{code!r} is a share of the survey's answers, between 0 and 100%"), code)
    if indicator.unit in WHOLE_UNITS and value < 0:
        return Message(N_("{code!r} counts things or people: its value is not negative"), code)
    if indicator.unit in WHOLE_UNITS and value != value.to_integral_value():
        return Message(N_("{code!r} counts things or people: its value is a whole number"), code)
    if indicator.unit in CURRENCIES and _places(value) > 2:
        return Message(N_("an amount of money has at most two decimals (grosze)"))
    return None


def _read_each(
    paths: Iterable[Path], strategy: Strategy | None, year: int | None
) -> list[tuple[Path, FilledForm | None, list[FormProblem]]]:
    """Each form read as far as it can be: what it holds (``None`` if refused), its problems."""
    results = []
    for path in paths:
        form, problems = _read(path, strategy, year)
        results.append((path, form, problems))
    return results
