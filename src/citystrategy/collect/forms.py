"""Data-entry forms out: one XLSX workbook per responsible unit, for one year.

The second module of citystrategy that imports xlsxwriter (besides
:mod:`citystrategy.reports.excel`), inside :func:`write_forms`, so that importing
:mod:`citystrategy.collect` costs nothing until a form is written.

A form has four sheets:

* an instructions sheet: what to fill in, how to type numbers, what the colours mean;
* the indicators of the unit: code, name, unit, the values of the last years, the target, the
  direction, the plausible range, then the yellow input cells: the value of the year, the reason
  it is missing (a list), a comment;
* the projects of the unit not completed before the year: code, name, goals, the cost in the
  data, then the input cells: completed in the year (yes/no), the cost, the work done, a comment;
* a very hidden identification sheet: the strategy, the year, the unit, a fingerprint of its
  indicators and projects and the code of every input row, so that :func:`read_form` refuses a
  form of another strategy or year, or a copy with rows moved.

Input cells are unlocked and validated (a decimal number in the indicator's plausible range,
lists for the reasons and yes/no, an input message); every other cell is locked by sheet
protection without a password, so that nobody overwrites a code by accident.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from citystrategy._arguments import instance, integer
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import N_, gettext, ngettext, pgettext
from citystrategy._output import atomic_path
from citystrategy.collect import _layout as layout
from citystrategy.collect._groups import (
    MISSING_REASONS,
    FormGroup,
    GroupBy,
    form_groups,
    reason_label,
    yes_word,
)
from citystrategy.formatting import (
    format_money,
    format_number,
    format_target,
    get_label,
    get_language,
    get_locale,
)
from citystrategy.formatting._labels import unit_name
from citystrategy.model import Indicator, Observation, Strategy, ValueRange
from citystrategy.reports.excel import excel_number_format
from citystrategy.validation import plausible_range

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

__all__ = ["PREVIOUS_YEARS", "write_forms"]

#: How many years before the form's year it shows values of (those the data has).
PREVIOUS_YEARS: Final = 3
#: How to type numbers, as the instructions of a form say it: a Polish form reads numbers with a
#: decimal comma, an English one with a decimal point (:func:`~citystrategy.collect.read_form`
#: reads each by the locale its identification sheet records).
_NUMBERS_POLISH: Final = N_(
    "Type the number only, with a decimal comma: 12,5 (not 12.5). Groups of "
    "thousands may be separated by a space: 1 234 567,89. A percentage is typed "
    "as a number of percent: 12,5 for 12,5%. An amount of money is typed in "
    "złoty, with at most two decimals."
)
_NUMBERS_ENGLISH: Final = N_(
    "Type the number only, with a decimal point: 12.5 (not 12,5). Groups of thousands may be "
    "separated by a space or a comma: 1 234 567.89 or 1,234,567.89; a single comma before "
    "three digits (1,234) is refused as ambiguous: type 1234. A percentage is typed as a number "
    "of percent: 12.5 for 12.5%. An amount of money is typed in złoty, with at most two decimals."
)
#: Fill colour of the input cells (light yellow) and of the locked header cells (grey).
_INPUT_FILL: Final = "#FFF2CC"
_HEADER_FILL: Final = "#D9D9D9"
_WIDTHS: Final = {"code": 12, "name": 60, "unit": 14, "previous": 13, "target": 20}


def _decimals(values: Sequence[Decimal]) -> int:
    places = [-int(v.as_tuple().exponent) for v in values if isinstance(v.as_tuple().exponent, int)]
    return min(max([0, *places]), 4)


def _number_format(decimals: int) -> str:
    """A plain number format: the unit is in its own column, and 12,5 (%) is never scaled."""
    return excel_number_format("number", decimals=decimals)


def _figure(value: Decimal, locale: str) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, decimals=places, locale=locale)


def _range_text(value_range: ValueRange | None, locale: str) -> str:
    if value_range is None or (value_range.low is None and value_range.high is None):
        return ""
    if value_range.high is None:
        assert value_range.low is not None
        return "≥\u00a0" + _figure(value_range.low, locale)
    if value_range.low is None:
        return "≤\u00a0" + _figure(value_range.high, locale)
    return _figure(value_range.low, locale) + "–" + _figure(value_range.high, locale)


class _Styles:
    def __init__(self, workbook: Workbook) -> None:
        base = {"valign": "top", "font_size": 10}
        self.header = workbook.add_format(
            {**base, "bold": True, "bg_color": _HEADER_FILL, "text_wrap": True, "border": 1}
        )
        self.input_header = workbook.add_format(
            {**base, "bold": True, "bg_color": _INPUT_FILL, "text_wrap": True, "border": 1}
        )
        self.text = workbook.add_format({**base, "text_wrap": True})
        self.indented = workbook.add_format({**base, "text_wrap": True, "indent": 1})
        self.input_text = workbook.add_format(
            {**base, "text_wrap": True, "locked": False, "bg_color": _INPUT_FILL, "border": 1}
        )
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.bold = workbook.add_format({"bold": True, "font_size": 10, "text_wrap": True})
        self.swatch_input = workbook.add_format({"bg_color": _INPUT_FILL, "border": 1})
        self.swatch_locked = workbook.add_format({"bg_color": _HEADER_FILL, "border": 1})
        self._workbook = workbook
        self._numbers: dict[tuple[str, bool], Format] = {}

    def number(self, number_format: str, *, input_cell: bool = False) -> Format:
        key = (number_format, input_cell)
        if key not in self._numbers:
            properties: dict[str, Any] = {"valign": "top", "font_size": 10}
            if number_format:
                properties["num_format"] = number_format
            if input_cell:
                properties |= {"locked": False, "bg_color": _INPUT_FILL, "border": 1}
            self._numbers[key] = self._workbook.add_format(properties)
        return self._numbers[key]


def write_forms(
    strategy: Strategy,
    year: int,
    directory: str | os.PathLike[str],
    *,
    by: GroupBy | str = GroupBy.GOAL,
    force: bool = False,
    locale: str = "pl_PL",
) -> list[Path]:
    """Write one data-entry form (XLSX) per responsible unit for *year* into *directory*.

    The groups are those of :func:`~citystrategy.collect.form_groups`; each form is named after
    its group (``cel-strategiczny-1-miasto-dla-kazdego.xlsx``) and written atomically. The
    folder is created if it does not exist.

    Args:
        strategy: The strategy.
        year: The year whose values the forms ask for (their input column is ``Wartość <year>``).
        directory: The folder to write the forms into.
        by: How indicators and projects without a responsible unit are grouped.
        force: Replace forms that exist already.
        locale: The language of the forms (Polish by default).

    Returns:
        The paths written, in the order of the groups.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy, *year* not an int, *directory* not
            a path or *force* not a bool.
        ArgumentError: If *by* or *locale* is not one citystrategy knows.
        OutputExistsError: If a form exists already and *force* is false (nothing is written
            then).
        OSError: If a form cannot be written.

    >>> import tempfile
    >>> from citystrategy.cities import kielce
    >>> paths = write_forms(kielce.load(), 2024, tempfile.mkdtemp())
    >>> [path.name for path in paths][:1]
    ['cel-strategiczny-1-miasto-dla-kazdego.xlsx']
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    year = integer(year, "year")
    folder = Path(os.fspath(path_argument(directory, "directory")))
    instance(force, "force", bool, "True or False")
    locale = str(get_locale(locale))
    groups = form_groups(strategy, year, by=by, locale=locale)
    targets = [folder / group.file_name for group in groups]
    if not force:
        from citystrategy.errors import OutputExistsError

        for target in targets:
            if target.exists():
                raise OutputExistsError(str(target))
    folder.mkdir(parents=True, exist_ok=True)
    rule = GroupBy(by)
    for group, target in zip(groups, targets, strict=True):
        _write_form(strategy, year, group, rule, target, force=force, locale=locale)
    return targets


def _previous_years(strategy: Strategy, year: int) -> list[int]:
    years = sorted({o.year for o in strategy.observations if o.year < year})
    return years[-PREVIOUS_YEARS:]


def _write_form(
    strategy: Strategy,
    year: int,
    group: FormGroup,
    rule: GroupBy,
    target: Path,
    *,
    force: bool,
    locale: str,
) -> None:
    with _workbook(target, force=force) as workbook:
        _Form(workbook, strategy, year, group, rule, locale).write()


@contextlib.contextmanager
def _workbook(target: Path, *, force: bool) -> Iterator[Workbook]:
    """A new xlsxwriter workbook, written atomically at *target* when the block ends well.

    Text stays text: nothing typed in a name becomes a formula, a link or a number.
    """
    import xlsxwriter

    with atomic_path(target, force=force) as temporary:
        options = {"strings_to_formulas": False, "strings_to_urls": False}
        options |= {"strings_to_numbers": False, "use_future_functions": False}
        workbook = xlsxwriter.Workbook(str(temporary), options)
        try:
            yield workbook
        except BaseException:
            with contextlib.suppress(Exception):
                workbook.close()
            raise
        workbook.close()


class _Form:
    def __init__(
        self,
        workbook: Workbook,
        strategy: Strategy,
        year: int,
        group: FormGroup,
        rule: GroupBy,
        locale: str,
    ) -> None:
        self.workbook = workbook
        self.strategy = strategy
        self.year = year
        self.group = group
        self.rule = rule
        self.locale = locale
        self.language = get_language(locale)
        self.english = self.language == "en"
        self.styles = _Styles(workbook)
        self.rows: list[tuple[str, int, str, str, str]] = []  # sheet, row, code, kind, unit
        self.indicator_sheet = pgettext("sheet", "Indicators", locale)
        self.project_sheet = pgettext("sheet", "Projects", locale)
        self.first_input = 0
        observations: dict[tuple[str, int], Observation] = {}
        for observation in strategy.observations:
            if observation.territory == strategy.territory.id:
                observations[(observation.indicator, observation.year)] = observation
        self.observations = observations
        self.previous = _previous_years(strategy, year)

    def _t(self, message: str) -> str:
        return gettext(message, self.locale)

    def write(self) -> None:
        self.workbook.set_properties(
            {
                "title": self._t(N_("Monitoring data form")) + f": {self.group.name}",
                "subject": self.strategy.title,
            }
        )
        instructions = self.workbook.add_worksheet(pgettext("sheet", "Instructions", self.locale))
        indicators = self.workbook.add_worksheet(self.indicator_sheet)
        projects = self.workbook.add_worksheet(self.project_sheet)
        hidden = self.workbook.add_worksheet(layout.ID_SHEET)
        self._instructions(instructions)
        self._indicators(indicators)
        self._projects(projects)
        self._identification(hidden)
        instructions.activate()
        hidden.very_hidden()

    # --- instructions -----------------------------------------------------------------------

    def _instructions(self, sheet: Worksheet) -> None:
        styles = self.styles
        t = self._t
        sheet.set_column(0, 0, 4)
        sheet.set_column(1, 1, 95)
        _print_setup(sheet, landscape=False)
        sheet.write_string(0, 1, t(N_("Monitoring data form")), styles.title)
        facts = [
            (t(N_("Strategy")), self.strategy.title),
            (t(N_("Year")), str(self.year)),
            (t(N_("Unit")), self.group.name),
            (
                t(N_("On this form")),
                ngettext(
                    "{count} indicator",
                    "{count} indicators",
                    len(self.group.indicators),
                    self.locale,
                ).format(count=len(self.group.indicators))
                + ", "
                + ngettext(
                    "{count} project", "{count} projects", len(self.group.projects), self.locale
                ).format(count=len(self.group.projects)),
            ),
        ]
        row = 2
        for label, value in facts:
            sheet.write_string(row, 1, f"{label}: {value}", styles.bold)
            row += 1
        value_header = pgettext("form", "Value {year}", self.locale).format(year=self.year)
        steps = [
            N_("What to fill in"),
            t(
                N_(
                    "On the sheet '{indicators}', type the value of each indicator for {year} in "
                    "the column '{value}', in the unit of the column 'Unit'. The values of the "
                    "previous years, the target and the plausible range are there to compare with."
                )
            ).format(indicators=self.indicator_sheet, year=self.year, value=value_header),
            t(
                N_(
                    "If a value is not known, leave its cell empty and choose the reason from the "
                    "list in the column 'Reason for a missing value'. Never type 0 for a value "
                    "that is missing."
                )
            ),
            t(
                N_(
                    "On the sheet '{projects}', say for each project whether it was completed in "
                    "{year} (yes or no), its cost and a short description of the work done."
                )
            ).format(projects=self.project_sheet, year=self.year),
            t(N_("A comment may be added to any row, in the column 'Comment'.")),
            N_("How to type numbers"),
            t(_NUMBERS_ENGLISH if self.english else _NUMBERS_POLISH),
            t(
                N_(
                    "Do not type formulas: a cell with a formula is refused when the form is "
                    "read. Do not move, insert or delete rows, and do not change the codes: "
                    "such a form is refused too."
                )
            ),
            N_("Deadline"),
            t(
                N_(
                    "Return the filled form to the strategy office by the date it gives in its "
                    "letter: ______________"
                )
            ),
            N_("What the colours mean"),
        ]
        row += 1
        headings = {N_("What to fill in"), N_("How to type numbers"), N_("Deadline")}
        headings.add(N_("What the colours mean"))
        for step in steps:
            if step in headings:
                row += 1
                sheet.write_string(row, 1, t(step), styles.bold)
            else:
                sheet.write_string(row, 1, step, styles.text)
                sheet.set_row(row, _height((step, 95)))
            row += 1
        sheet.write_blank(row, 0, None, styles.swatch_input)
        sheet.write_string(
            row,
            1,
            t(N_("Yellow: a cell to fill in (or to leave empty with a reason).")),
            styles.text,
        )
        row += 1
        sheet.write_blank(row, 0, None, styles.swatch_locked)
        sheet.write_string(
            row,
            1,
            t(N_("Grey, and every cell without colour: locked, for information; not to change.")),
            styles.text,
        )
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})

    # --- indicators -------------------------------------------------------------------------

    def _indicators(self, sheet: Worksheet) -> None:
        styles = self.styles
        locale = self.locale
        headers = [
            (pgettext("form", "Code", locale), _WIDTHS["code"]),
            (pgettext("form", "Indicator", locale), _WIDTHS["name"]),
            (pgettext("form", "Unit", locale), _WIDTHS["unit"]),
            *(
                (pgettext("form", "Value {year}", locale).format(year=y), _WIDTHS["previous"])
                for y in self.previous
            ),
            (pgettext("form", "Target", locale), _WIDTHS["target"]),
            (pgettext("form", "Direction", locale), 24),
            (pgettext("form", "Plausible range", locale), 13),
        ]
        self.first_input = len(headers)
        inputs = [
            (pgettext("form", "Value {year}", locale).format(year=self.year), 14),
            (pgettext("form", "Reason for a missing value", locale), 30),
            (pgettext("form", "Comment", locale), 40),
        ]
        for column, (title, width) in enumerate(headers):
            sheet.write_string(0, column, title, styles.header)
            sheet.set_column(column, column, width)
        for offset, (title, width) in enumerate(inputs):
            column = self.first_input + offset
            sheet.write_string(0, column, title, styles.input_header)
            sheet.set_column(column, column, width)
        sheet.set_row(0, 40)
        sheet.freeze_panes(1, 2)
        _print_setup(sheet)
        reasons = f"='{layout.ID_SHEET}'!${_letter(layout.REASONS_COLUMN)}$1:"
        reasons += f"${_letter(layout.REASONS_COLUMN)}${len(MISSING_REASONS)}"
        for index, indicator in enumerate(self.group.indicators):
            row = index + 1
            self._indicator_row(sheet, row, indicator, reasons)
        sheet.protect(
            "",
            {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True},
        )

    def _indicator_row(
        self, sheet: Worksheet, row: int, indicator: Indicator, reasons: str
    ) -> None:
        styles = self.styles
        locale = self.locale
        sheet.write_string(row, 0, indicator.code, styles.text)
        sheet.write_string(row, 1, indicator.name, styles.text)
        sheet.write_string(row, 2, unit_name(indicator.unit, self.language), styles.text)
        values = [
            o.value
            for y in self.previous
            if (o := self.observations.get((indicator.code, y))) is not None and o.value is not None
        ]
        number_format = _number_format(_decimals(values))
        for offset, y in enumerate(self.previous):
            observation = self.observations.get((indicator.code, y))
            column = 3 + offset
            if observation is None:
                sheet.write_blank(row, column, None, styles.text)
            elif observation.value is None:  # the sign (never a bare dash: GUS's "none"), and
                missing = observation.missing  # what it means in a note on the cell
                marker = missing.marker if missing is not None else ""
                shown = marker or pgettext("form", "no value", locale)
                sheet.write_string(row, column, shown, styles.text)
                if missing is not None and missing.text:
                    sheet.write_comment(row, column, gettext(missing.text, locale))
            else:
                sheet.write_number(
                    row, column, float(observation.value), styles.number(number_format)
                )
        column = 3 + len(self.previous)
        target = (
            format_target(indicator.target, indicator.unit, symbols=True, locale=locale)
            if indicator.target is not None
            else ""
        )
        sheet.write_string(row, column, target, styles.indented)
        sheet.write_string(
            row, column + 1, get_label(indicator.direction, locale=locale), styles.text
        )
        value_range = plausible_range(indicator)
        if indicator.code == self.strategy.survey_responses_indicator:
            # the survey's sample size: at least one response (the merge refuses 0)
            high = None if value_range is None else value_range.high
            low = None if value_range is None else value_range.low
            value_range = ValueRange(low=max(low or 1, Decimal(1)), high=high)
        sheet.write_string(row, column + 2, _range_text(value_range, locale), styles.text)
        value, reason, comment = (self.first_input + i for i in range(3))
        sheet.write_blank(row, value, None, styles.number("General", input_cell=True))
        sheet.write_blank(row, reason, None, styles.input_text)
        sheet.write_blank(row, comment, None, styles.input_text)
        sheet.data_validation(
            row, value, row, value, self._value_validation(indicator, value_range)
        )
        sheet.data_validation(
            row,
            reason,
            row,
            reason,
            {
                "validate": "list",
                "source": reasons,
                "input_title": _title(pgettext("form", "Reason for a missing value", locale)),
                "input_message": self._t(
                    N_("Only when the value is missing: choose why from the list.")
                ),
            },
        )
        sheet.data_validation(
            row,
            comment,
            row,
            comment,
            {
                "validate": "any",
                "input_title": _title(pgettext("form", "Comment", locale)),
                "input_message": self._t(N_("Optional: a remark on the value, e.g. its source.")),
            },
        )
        direction = get_label(indicator.direction, locale=locale)
        sheet.set_row(
            row,
            _height(
                (indicator.name, _WIDTHS["name"]),
                (unit_name(indicator.unit, self.language), _WIDTHS["unit"]),
                (direction, 24),
            ),
        )
        self.rows.append(
            (self.indicator_sheet, row + 1, indicator.code, "indicator", indicator.unit)
        )

    def _value_validation(
        self, indicator: Indicator, value_range: ValueRange | None
    ) -> dict[str, Any]:
        locale = self.locale
        unit = unit_name(indicator.unit, self.language)
        template = N_("The value for {year}, in the unit: {unit}. A decimal comma: 12,5.")
        if self.english:
            template = N_("The value for {year}, in the unit: {unit}. A decimal point: 12.5.")
        message = self._t(template).format(year=self.year, unit=unit)
        rule: dict[str, Any] = {"validate": "any"}
        low = value_range.low if value_range is not None else None
        high = value_range.high if value_range is not None else None
        if low is not None or high is not None:
            range_text = _range_text(value_range, locale)
            message += " " + self._t(N_("Plausible range: {range}.")).format(range=range_text)
            rule = {"validate": "decimal", "error_type": "warning"}
            if low is not None and high is not None:
                rule |= {"criteria": "between", "minimum": _excel(low), "maximum": _excel(high)}
            elif low is not None:
                rule |= {"criteria": ">=", "value": _excel(low)}
            else:
                assert high is not None
                rule |= {"criteria": "<=", "value": _excel(high)}
            rule["error_title"] = _title(self._t(N_("Outside the plausible range")))
            rule["error_message"] = self._t(
                N_(
                    "The value is not a number or lies outside the plausible range {range}. "
                    "Check it; keep it only if it is right, and say why in the comment."
                )
            ).format(range=range_text)
        rule["input_title"] = _title(
            pgettext("form", "Value {year}", locale).format(year=self.year)
        )
        rule["input_message"] = message[:255]
        return rule

    # --- projects ---------------------------------------------------------------------------

    def _projects(self, sheet: Worksheet) -> None:
        styles = self.styles
        locale = self.locale
        headers = [
            (pgettext("form", "Code", locale), _WIDTHS["code"], styles.header),
            (pgettext("form", "Project", locale), _WIDTHS["name"], styles.header),
            (pgettext("form", "Goals", locale), 12, styles.header),
            (pgettext("form", "Cost in the data", locale), 18, styles.header),
            (
                pgettext("form", "Completed in {year}", locale).format(year=self.year),
                14,
                styles.input_header,
            ),
            (pgettext("form", "Cost incurred", locale), 18, styles.input_header),
            (pgettext("form", "Work done", locale), 50, styles.input_header),
            (pgettext("form", "Comment", locale), 40, styles.input_header),
        ]
        for column, (title, width, style) in enumerate(headers):
            sheet.write_string(0, column, title, style)
            sheet.set_column(column, column, width)
        sheet.set_row(0, 40)
        sheet.freeze_panes(1, 2)
        _print_setup(sheet)
        yes_no = f"='{layout.ID_SHEET}'!${_letter(layout.YES_NO_COLUMN)}$1:"
        yes_no += f"${_letter(layout.YES_NO_COLUMN)}$2"
        money_format = excel_number_format("money", locale=locale)
        first = layout.PROJECT_FIRST_INPUT
        for index, project in enumerate(self.group.projects):
            row = index + 1
            sheet.write_string(row, 0, project.code, styles.text)
            sheet.write_string(row, 1, project.name, styles.text)
            sheet.write_string(row, 2, "; ".join(project.operational_goals), styles.text)
            if project.cost is not None and project.cost.currency == "PLN":
                sheet.write_number(row, 3, float(project.cost.amount), styles.number(money_format))
            elif project.cost is not None:
                sheet.write_string(row, 3, format_money(project.cost, locale=locale), styles.text)
            else:
                sheet.write_blank(row, 3, None, styles.text)
            sheet.write_blank(row, first, None, styles.input_text)
            sheet.write_blank(row, first + 1, None, styles.number(money_format, input_cell=True))
            sheet.write_blank(row, first + 2, None, styles.input_text)
            sheet.write_blank(row, first + 3, None, styles.input_text)
            sheet.data_validation(
                row,
                first,
                row,
                first,
                {
                    "validate": "list",
                    "source": yes_no,
                    "input_title": _title(self._t(N_("Completed?"))),
                    "input_message": self._t(
                        N_("Choose yes if the project was completed in {year}, else no.")
                    ).format(year=self.year),
                },
            )
            sheet.data_validation(
                row,
                first + 1,
                row,
                first + 1,
                {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": 0,
                    "error_type": "warning",
                    "input_title": _title(pgettext("form", "Cost incurred", locale)),
                    "input_message": self._t(
                        N_(
                            "The cost incurred for the work done in the year, in złoty: 1 234 567.89."
                        )
                        if self.english
                        else N_(
                            "The cost incurred for the work done in the year, in złoty: 1 234 567,89."
                        )
                    ),
                    "error_title": _title(self._t(N_("Not an amount"))),
                    "error_message": self._t(
                        N_("A cost is an amount in złoty, not negative, at most two decimals.")
                    ),
                },
            )
            sheet.data_validation(
                row,
                first + 2,
                row,
                first + 2,
                {
                    "validate": "any",
                    "input_title": _title(pgettext("form", "Work done", locale)),
                    "input_message": self._t(N_("What was done in the year, in a few sentences.")),
                },
            )
            sheet.set_row(row, _height((project.name, _WIDTHS["name"])))
            self.rows.append((self.project_sheet, row + 1, project.code, "project", ""))
        sheet.protect(
            "",
            {"select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True},
        )

    # --- identification ---------------------------------------------------------------------

    def _identification(self, sheet: Worksheet) -> None:
        values = {
            "format": layout.FORM_FORMAT,
            "strategy": self.strategy.code,
            "year": str(self.year),
            "group_by": self.rule.value,
            "unit": self.group.key,
            "unit_name": self.group.name,
            "fingerprint": self.group.fingerprint,
            "locale": self.locale,
            "indicator_sheet": self.indicator_sheet,
            "project_sheet": self.project_sheet,
            "indicator_first_input": str(self.first_input),
        }
        for row, key in enumerate(layout.META_KEYS):
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, values[key])
        for offset, (sheet_name, row, code, kind, unit) in enumerate(self.rows):
            at = layout.ROWS_START - 1 + offset
            sheet.write_string(at, 0, sheet_name)
            sheet.write_number(at, 1, row)
            sheet.write_string(at, 2, code)
            sheet.write_string(at, 3, kind)
            sheet.write_string(at, 4, unit)
        for row, marker in enumerate(MISSING_REASONS):
            sheet.write_string(row, layout.REASONS_COLUMN, reason_label(marker, self.locale))
        sheet.write_string(0, layout.YES_NO_COLUMN, yes_word(True, self.locale))
        sheet.write_string(1, layout.YES_NO_COLUMN, yes_word(False, self.locale))
        sheet.protect("")


def _excel(value: Decimal) -> int | float:
    """*value* as a number of a validation rule (a whole number without ``.0``)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _height(*cells: tuple[str, int]) -> float:
    """The height (points) of a row whose cells wrap their texts in columns of these widths."""
    lines = max(math.ceil(len(text) / (width * 1.1)) for text, width in cells)
    return 13.5 * max(lines, 1)


def _print_setup(sheet: Worksheet, *, landscape: bool = True) -> None:
    """A4, one page wide, the header row repeated on every page."""
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
        sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _title(text: str) -> str:
    """An input or error title of a validation: at most 32 characters."""
    return text if len(text) <= 32 else text[:31] + "…"


def _letter(column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
