"""A strategy from a workbook: a template to describe a strategy in, and the filled one read back.

For a city starting from scratch (or an office that edits its strategy in a spreadsheet),
:func:`write_template` writes an XLSX workbook with an instructions sheet and one sheet for each
part of a strategy: its metadata, its goals (strategic and operational), its action directions,
its indicators (unit, direction of improvement, target kind and value, base year and value) and
its projects (cost, goals, implementer). Given a strategy, the sheets are filled with it, so that
a strategy can be exported, edited and read in again.

:func:`read_template` reads a filled workbook back as untrusted input, with the same safe reading
as the returned forms (:func:`~citystrategy.collect.read_form`): the file's size and archive are
checked before any XML is parsed, openpyxl reads values only with defusedxml, nothing is
evaluated, and a formula is refused with its cell named. Every value goes through the Polish
parser of :mod:`citystrategy.io.parse`, typed as a number or as text (``"1 234,50 zł"``,
``"12,5 %"``). Every problem (the sheet, the cell, the text, what was expected) is collected into
one :class:`~citystrategy.errors.FormError`; the strategy read can be written as a data folder
with :func:`citystrategy.io.write_strategy`.

xlsxwriter and openpyxl are imported inside the functions that use them.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

from citystrategy._arguments import instance
from citystrategy._arguments import path as path_argument
from citystrategy._i18n import N_, gettext
from citystrategy.collect import _layout as layout
from citystrategy.collect._groups import yes_word
from citystrategy.collect.forms import _height, _print_setup, _workbook
from citystrategy.collect.read import _cells, _check_file, _letter, _Problems, _typed
from citystrategy.errors import (
    CityStrategyError,
    FormError,
    Message,
    ParseError,
    UnsupportedFormatError,
)
from citystrategy.formatting import UNIT_LABELS, get_label, get_language, get_locale
from citystrategy.formatting._labels import unit_name, unit_names
from citystrategy.io.parse import Amount, Bound, MissingValue, parse_money, parse_value
from citystrategy.model import (
    ActionDirection,
    Direction,
    GoalLink,
    Implementer,
    ImplementerKind,
    Indicator,
    Level,
    Missing,
    Observation,
    OperationalGoal,
    Project,
    StrategicGoal,
    Strategy,
    Target,
    TargetKind,
    Territory,
    TerritoryKind,
)
from citystrategy.money import Money

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

__all__ = ["TEMPLATE_ROWS", "read_template", "write_template"]

#: How many empty rows an empty template's tables have, validated and ready to fill in.
TEMPLATE_ROWS: Final = 200
_INPUT_FILL: Final = "#FFF2CC"
_HEADER_FILL: Final = "#D9D9D9"
#: The name of the hidden sheet with the lists of the data validations.
_LISTS_SHEET: Final = "listy"
#: Why a base year of another indicator has no value: it was not given.
_MISSING_MEANING: Final = N_("not given in the workbook")
#: How many years before a strategy's first year a base value may be: as many as a data folder's
#: value columns may be (``citystrategy.io``'s reader refuses more).
_BASELINE_YEARS: Final = 10
_GOAL_CODE: Final = re.compile(r"[0-9]+")
_OPERATIONAL_CODE: Final = re.compile(r"[0-9]+\.[0-9]+")
_PERCENT_FORMAT: Final = re.compile(r'^(?:[^"%]|"[^"]*")*%')
_DATE_RE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*r\.?)?")

# --- the layout: sheets, columns (key, title, width) ------------------------------------------

_SHEETS: Final = {
    "instructions": N_("Instructions"),
    "strategy": N_("Strategy"),
    "goals": N_("Goals"),
    "directions": N_("Action directions"),
    "indicators": N_("Indicators"),
    "projects": N_("Projects"),
}
_FIELDS: Final = (
    ("code", N_("Strategy code"), N_("a short identifier without spaces, e.g. moje-miasto-2030")),
    ("title", N_("Title"), N_("the strategy's official title")),
    ("territory_name", N_("Territory"), N_("the official name of the city or gmina")),
    ("teryt", N_("TERYT code"), N_("7 digits of the TERC register, e.g. 2661011 (optional)")),
    ("territory_kind", N_("Kind of territory"), N_("chosen from the list (default: gmina)")),
    ("period_start", N_("First year"), N_("the first year of the strategy, e.g. 2024")),
    ("period_end", N_("Last year"), N_("the last year of the strategy, e.g. 2035")),
    ("adopted_on", N_("Adopted on"), N_("the date of the resolution, e.g. 09.06.2022")),
    ("adopted_by", N_("Adopted by"), N_("the body that adopted it, e.g. the city council")),
    ("resolution", N_("Resolution"), N_("the number of the resolution")),
)
_COLUMNS: Final = {
    "goals": (
        ("code", N_("Code"), 10),
        ("name", N_("Goal"), 60),
        ("parent", N_("Strategic goal"), 14),
        ("description", N_("Description"), 60),
    ),
    "directions": (
        ("code", N_("Code"), 12),
        ("goal", N_("Operational goal"), 14),
        ("name", N_("Action direction"), 80),
    ),
    "indicators": (
        ("code", N_("Code"), 14),
        ("goal", N_("Goal"), 9),
        ("name", N_("Indicator"), 60),
        ("unit", N_("Unit"), 16),
        ("direction", N_("Direction of improvement"), 26),
        ("target_kind", N_("Target kind"), 14),
        ("target", N_("Target value"), 14),
        ("target_year", N_("Target year"), 10),
        ("limit", N_("Limit value"), 11),
        ("base_year", N_("Base year"), 10),
        ("base", N_("Base value"), 14),
        ("survey", N_("From a survey"), 10),
        ("source", N_("Source"), 30),
        ("responsible", N_("Responsible unit"), 30),
    ),
    "projects": (
        ("code", N_("Code"), 12),
        ("name", N_("Project"), 60),
        ("cost", N_("Cost"), 18),
        ("currency", N_("Currency"), 9),
        ("goals", N_("Operational goals"), 16),
        ("directions", N_("Action directions"), 20),
        ("implementer", N_("Implementer"), 30),
        ("implementer_kind", N_("Implementer kind"), 14),
        ("responsible", N_("Responsible unit"), 30),
    ),
}
_KINDS: Final = {
    TerritoryKind.GMINA: N_("gmina"),
    TerritoryKind.CITY_WITH_POWIAT_RIGHTS: N_("city with powiat rights"),
    TerritoryKind.POWIAT: N_("powiat"),
    TerritoryKind.VOIVODESHIP: N_("voivodeship"),
}
_IMPLEMENTER_KINDS: Final = {
    ImplementerKind.INTERNAL: N_("internal"),
    ImplementerKind.EXTERNAL: N_("external"),
}
_CURRENCIES: Final = ("PLN", "EUR")
_LANGUAGES: Final = ("pl", "en")


#: How to type numbers, as the instructions say it: a Polish workbook is read with a decimal
#: comma, an English one with a decimal point (by the language of its sheets' names).
_NUMBERS_POLISH: Final = N_(
    "Type numbers with a decimal comma: 12,5 (not 12.5); groups of thousands "
    "may be separated by a space: 1 234 567,89. A percentage is a number of "
    "percent: 12,5 or 12,5 %. An amount of money has at most two decimals: "
    "1 234,50 PLN. A target may be a bound (<45) or a range (40–60). A base "
    "value that is not known is given by a missing-data sign: - * or –."
)
_NUMBERS_ENGLISH: Final = N_(
    "Type numbers with a decimal point: 12.5 (not 12,5); groups of thousands may be separated "
    "by a space or a comma: 1 234 567.89 or 1,234,567.89 (a single comma before three digits, "
    "1,234, is refused as ambiguous: type 1234). A percentage is a number of percent: 12.5 or "
    "12.5 %. An amount of money has at most two decimals: 1,234.50 PLN. A target may be a bound "
    "(<45) or a range (40–60). A base value that is not known is given by a missing-data sign: "
    "- * or –."
)


def _sheet_name(key: str, locale: str) -> str:
    return gettext(_SHEETS[key], locale)


def _title(title: str, locale: str) -> str:
    return gettext(title, locale)


def _yes_no(locale: str) -> tuple[str, str]:
    return yes_word(True, locale), yes_word(False, locale)


def _unit_labels() -> dict[str, str]:
    """Each unit label of either language (casefolded) -> its unit, where it names one unit."""
    found: dict[str, set[str]] = {}
    for unit in UNIT_LABELS:
        for language in _LANGUAGES:
            for name in unit_names(unit, language):
                found.setdefault(name.casefold(), set()).add(unit)
    return {label: next(iter(units)) for label, units in found.items() if len(units) == 1}


# --- writing -----------------------------------------------------------------------------------


def write_template(
    path: str | os.PathLike[str],
    *,
    strategy: Strategy | None = None,
    locale: str = "pl",
    force: bool = False,
) -> Path:
    """Write a workbook to describe a strategy in, empty or filled with *strategy*.

    The workbook has an instructions sheet, then the sheets of the strategy's metadata, its
    goals, action directions, indicators and projects. Header rows are locked and frozen, the
    lists (direction of improvement, target kind, yes or no, goal codes, kinds of territory,
    currencies) are data validations, and the columns are wide enough for their contents. The
    file is written atomically. :func:`read_template` reads it back.

    Args:
        path: The ``.xlsx`` file to write.
        strategy: The strategy to fill the sheets with (its indicators' earliest values as
            their base values); an empty template without it.
        locale: The language of the sheets' titles and instructions (Polish by default).
        force: Replace the file if it exists.

    Returns:
        The path written.

    Raises:
        ArgumentTypeError: If *path* is not a path, *strategy* not a Strategy or *force* not a
            bool.
        ArgumentError: If *locale* is not one citystrategy knows.
        UnsupportedFormatError: If *path* does not end in ``.xlsx``.
        OutputExistsError: If the file exists and *force* is false.
        OSError: If the file cannot be written.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from citystrategy.cities import kielce
    >>> path = write_template(Path(tempfile.mkdtemp()) / "strategia.xlsx", strategy=kielce.load())
    >>> len(read_template(path).indicators)
    112
    """
    target = Path(os.fspath(path_argument(path, "path")))
    if strategy is not None:
        instance(strategy, "strategy", Strategy, "a Strategy")
    instance(force, "force", bool, "True or False")
    locale = str(get_locale(locale))
    if target.suffix.lower() != ".xlsx":
        raise UnsupportedFormatError(str(target), target.suffix, (".xlsx",))
    with _workbook(target, force=force) as workbook:
        _Writer(workbook, strategy, locale).write()
    return target


def _excel(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return min(-exponent, 6) if isinstance(exponent, int) and exponent < 0 else 0


def _exact(value: Decimal) -> bool:
    """Whether *value* survives a spreadsheet's binary number (15 significant digits)."""
    return Decimal(repr(float(value))) == value and len(value.as_tuple().digits) <= 15


class _Writer:
    def __init__(self, workbook: Workbook, strategy: Strategy | None, locale: str) -> None:
        self.workbook = workbook
        self.strategy = strategy
        self.locale = locale
        self.language = get_language(locale)
        base = {"valign": "top", "font_size": 10}
        self.header = workbook.add_format(
            {**base, "bold": True, "bg_color": _HEADER_FILL, "text_wrap": True, "border": 1}
        )
        self.locked = workbook.add_format({**base, "text_wrap": True, "bg_color": _HEADER_FILL})
        self.input = workbook.add_format(
            {**base, "text_wrap": True, "locked": False, "bg_color": _INPUT_FILL, "border": 1}
        )
        self.text = workbook.add_format({**base, "text_wrap": True})
        self.bold = workbook.add_format({"bold": True, "font_size": 10, "text_wrap": True})
        self.big = workbook.add_format({"bold": True, "font_size": 14})
        self.date = workbook.add_format(
            {**base, "locked": False, "bg_color": _INPUT_FILL, "border": 1}
            | {"num_format": "dd.mm.yyyy"}
        )
        self.swatch_input = workbook.add_format({"bg_color": _INPUT_FILL, "border": 1})
        self.swatch_locked = workbook.add_format({"bg_color": _HEADER_FILL, "border": 1})
        self._numbers: dict[int, Format] = {}
        self.year_format = workbook.add_format(
            {**base, "num_format": "0", "locked": False, "bg_color": _INPUT_FILL, "border": 1}
        )
        self.lists: dict[str, str] = {}

    def _t(self, message: str) -> str:
        return gettext(message, self.locale)

    def number(self, places: int) -> Format:
        if places not in self._numbers:
            pattern = "#,##0" + ("." + "0" * places if places else "")
            self._numbers[places] = self.workbook.add_format(
                {
                    "valign": "top",
                    "font_size": 10,
                    "num_format": pattern,
                    "locked": False,
                    "bg_color": _INPUT_FILL,
                    "border": 1,
                }
            )
        return self._numbers[places]

    def write(self) -> None:
        title = self._t(N_("Strategy description"))
        properties = {"title": title}
        if self.strategy is not None:
            properties["subject"] = self.strategy.title
        self.workbook.set_properties(properties)
        sheets = {
            key: self.workbook.add_worksheet(_sheet_name(key, self.locale)) for key in _SHEETS
        }
        lists = self.workbook.add_worksheet(_LISTS_SHEET)
        self._lists(lists)
        self._instructions(sheets["instructions"])
        self._metadata(sheets["strategy"])
        self._goals(sheets["goals"])
        self._directions(sheets["directions"])
        self._indicators(sheets["indicators"])
        self._projects(sheets["projects"])
        sheets["instructions"].activate()
        lists.hide()

    # --- the lists of the validations ----------------------------------------------------

    def _lists(self, sheet: Worksheet) -> None:
        locale = self.locale
        columns: dict[str, list[str]] = {
            "direction": [get_label(d, locale=locale) for d in Direction],
            "target_kind": [get_label(k, locale=locale) for k in TargetKind],
            "yes_no": list(_yes_no(locale)),
            "territory_kind": [gettext(k, locale) for k in _KINDS.values()],
            "currency": list(_CURRENCIES),
            "implementer_kind": [gettext(k, locale) for k in _IMPLEMENTER_KINDS.values()],
            "unit": sorted({unit_name(u, self.language) for u in UNIT_LABELS}, key=str.casefold),
        }
        if self.strategy is not None:
            strategy = self.strategy
            columns["goal"] = [
                code
                for goal in strategy.strategic_goals
                for code in (goal.code, *(op.code for op in goal.operational_goals))
            ]
            columns["strategic"] = [goal.code for goal in strategy.strategic_goals]
            columns["operational"] = [op.code for op in strategy.operational_goals]
        for column, (key, values) in enumerate(columns.items()):
            for row, value in enumerate(values):
                sheet.write_string(row, column, value)
            letter = _letter(column)
            self.lists[key] = f"='{_LISTS_SHEET}'!${letter}$1:${letter}${max(len(values), 1)}"
        sheet.protect("")

    def _list(self, key: str, title: str, *, strict: bool = True) -> dict[str, Any] | None:
        source = self.lists.get(key)
        if source is None:
            return None
        rule: dict[str, Any] = {"validate": "list", "source": source}
        if not strict:
            rule["error_type"] = "information"
        rule["input_title"] = title[:32]
        return rule

    # --- instructions --------------------------------------------------------------------

    def _instructions(self, sheet: Worksheet) -> None:
        t = self._t
        locale = self.locale
        sheet.set_column(0, 0, 4)
        sheet.set_column(1, 1, 100)
        _print_setup(sheet, landscape=False)
        sheet.write_string(0, 1, t(N_("Strategy description")), self.big)
        names = {key: _sheet_name(key, locale) for key in _SHEETS}
        lines = [
            (True, t(N_("What this workbook is for"))),
            (
                False,
                t(
                    N_(
                        "Describe a development strategy in this workbook: its goals, action "
                        "directions, indicators and projects. The command 'citystrategy collect "
                        "import' turns the filled workbook into a data folder that every "
                        "citystrategy command reads."
                    )
                ),
            ),
            (True, t(N_("What to fill in"))),
            (
                False,
                t(
                    N_(
                        "Sheet '{sheet}': the strategy's code, title, territory, period and "
                        "adoption, one per row, in the column 'Value'."
                    )
                ).format(sheet=names["strategy"]),
            ),
            (
                False,
                t(
                    N_(
                        "Sheet '{sheet}': one row per goal. A strategic goal has a number as its "
                        "code (1, 2) and no strategic goal above it; an operational goal has a "
                        "code such as 1.1 and names its strategic goal (1)."
                    )
                ).format(sheet=names["goals"]),
            ),
            (
                False,
                t(
                    N_(
                        "Sheet '{sheet}': one row per action direction, with the code of its "
                        "operational goal."
                    )
                ).format(sheet=names["directions"]),
            ),
            (
                False,
                t(
                    N_(
                        "Sheet '{sheet}': one row per indicator, with the code of the goal it "
                        "measures, its unit, which way is better, its target (kind, value, year) "
                        "and its base value with the year of that value."
                    )
                ).format(sheet=names["indicators"]),
            ),
            (
                False,
                t(
                    N_(
                        "Sheet '{sheet}': one row per project, with its cost, the codes of the "
                        "operational goals and action directions it serves (separated by "
                        "semicolons: 1.1; 2.3), its implementer and the unit responsible for it."
                    )
                ).format(sheet=names["projects"]),
            ),
            (True, t(N_("How to type values"))),
            (
                False,
                t(_NUMBERS_ENGLISH if self.language == "en" else _NUMBERS_POLISH),
            ),
            (
                False,
                t(
                    N_(
                        "Choose the direction of improvement, the target kind and the other "
                        "lists from their lists. Do not type formulas: a cell with a formula "
                        "is refused. Codes must not repeat within a sheet."
                    )
                ),
            ),
            (True, t(N_("What the colours mean"))),
        ]
        row = 2
        for bold, text in lines:
            if bold:
                row += 1
            sheet.write_string(row, 1, text, self.bold if bold else self.text)
            if not bold:
                sheet.set_row(row, 13.5 * max(1, math.ceil(len(text) / 105)))
            row += 1
        sheet.write_blank(row, 0, None, self.swatch_input)
        sheet.write_string(row, 1, t(N_("Yellow: a cell to fill in.")), self.text)
        sheet.write_blank(row + 1, 0, None, self.swatch_locked)
        sheet.write_string(
            row + 1, 1, t(N_("Grey: a heading or an explanation, locked.")), self.text
        )
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})

    # --- the strategy's metadata ---------------------------------------------------------

    def _metadata(self, sheet: Worksheet) -> None:
        locale = self.locale
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 60)
        sheet.set_column(2, 2, 60)
        _print_setup(sheet)
        heads = (
            gettext("Field", locale),
            gettext("Value", locale),
            gettext("Explanation", locale),
        )
        for column, head in enumerate(heads):
            sheet.write_string(0, column, head, self.header)
        sheet.freeze_panes(1, 1)
        values = self._metadata_values()
        for index, (key, label, hint) in enumerate(_FIELDS):
            row = index + 1
            sheet.write_string(row, 0, gettext(label, locale), self.locked)
            sheet.write_string(row, 2, self._t(hint), self.locked)
            value = values.get(key)
            if isinstance(value, dt.date):
                sheet.write_datetime(
                    row, 1, dt.datetime(value.year, value.month, value.day), self.date
                )
            elif isinstance(value, int):
                sheet.write_number(row, 1, value, self.year_format)
            elif value:
                sheet.write_string(row, 1, str(value), self.input)
            else:
                sheet.write_blank(row, 1, None, self.input)
            if key == "territory_kind":
                rule = self._list("territory_kind", gettext(label, locale))
                assert rule is not None
                sheet.data_validation(row, 1, row, 1, rule)
            elif key in ("period_start", "period_end"):
                sheet.data_validation(
                    row,
                    1,
                    row,
                    1,
                    {
                        "validate": "integer",
                        "criteria": "between",
                        "minimum": 1990,
                        "maximum": 2100,
                        "error_type": "warning",
                    },
                )
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})

    def _metadata_values(self) -> dict[str, object]:
        strategy = self.strategy
        if strategy is None:
            return {}
        territory = strategy.territory
        kind = _KINDS.get(territory.kind)
        return {
            "code": strategy.code,
            "title": strategy.title,
            "territory_name": territory.name,
            "teryt": territory.teryt or "",
            "territory_kind": gettext(kind, self.locale)
            if kind is not None
            else territory.kind.value,
            "period_start": strategy.period_start,
            "period_end": strategy.period_end,
            "adopted_on": strategy.adopted_on,
            "adopted_by": strategy.adopted_by,
            "resolution": strategy.resolution,
        }

    # --- tables --------------------------------------------------------------------------

    def _table(
        self,
        sheet: Worksheet,
        key: str,
        rows: Sequence[Sequence[object]],
        rules: dict[str, dict[str, Any] | None],
    ) -> None:
        columns = _COLUMNS[key]
        for column, (_name, title, width) in enumerate(columns):
            sheet.write_string(0, column, _title(title, self.locale), self.header)
            sheet.set_column(column, column, width)
        sheet.set_row(0, 30)
        sheet.freeze_panes(1, 2)
        _print_setup(sheet)
        count = max(len(rows) + 50, TEMPLATE_ROWS)
        for index in range(count):
            row = index + 1
            values = rows[index] if index < len(rows) else [None] * len(columns)
            for column, value in enumerate(values):
                self._cell(sheet, row, column, value, year=columns[column][0].endswith("year"))
            texts = [(v, columns[c][2]) for c, v in enumerate(values) if isinstance(v, str) and v]
            if texts:
                sheet.set_row(row, _height(*texts))
        for column, (name, _title_text, _width) in enumerate(columns):
            rule = rules.get(name)
            if rule is not None:
                sheet.data_validation(1, column, count, column, rule)
        sheet.autofilter(0, 0, count, len(columns) - 1)
        sheet.protect(
            "",
            {
                "select_locked_cells": True,
                "select_unlocked_cells": True,
                "format_columns": True,
                "autofilter": True,
                "sort": True,
            },
        )

    def _cell(
        self, sheet: Worksheet, row: int, column: int, value: object, *, year: bool = False
    ) -> None:
        if value is None or value == "":
            sheet.write_blank(row, column, None, self.year_format if year else self.input)
        elif year and isinstance(value, int):
            sheet.write_number(row, column, value, self.year_format)
        elif isinstance(value, Decimal) and _exact(value):
            sheet.write_number(row, column, _excel(value), self.number(_places(value)))
        elif isinstance(value, int) and not isinstance(value, bool):
            sheet.write_number(row, column, value, self.number(0))
        else:
            sheet.write_string(row, column, str(value), self.input)

    def _goals(self, sheet: Worksheet) -> None:
        rows: list[list[object]] = []
        if self.strategy is not None:
            for goal in self.strategy.strategic_goals:
                rows.append([goal.code, goal.name, "", goal.description])
                for op in goal.operational_goals:
                    rows.append([op.code, op.name, goal.code, op.description])
        rule = self._list("strategic", gettext("Strategic goal", self.locale))
        self._table(sheet, "goals", rows, {"parent": rule})

    def _directions(self, sheet: Worksheet) -> None:
        rows: list[list[object]] = []
        if self.strategy is not None:
            rows = [[d.code, d.goal_code, d.name] for d in self.strategy.action_directions]
        rule = self._list("operational", gettext("Operational goal", self.locale))
        self._table(sheet, "directions", rows, {"goal": rule})

    def _indicators(self, sheet: Worksheet) -> None:
        rows: list[list[object]] = []
        yes, no = _yes_no(self.locale)
        if self.strategy is not None:
            strategy = self.strategy
            first: dict[str, Observation] = {}
            for obs in strategy.observations:
                if obs.territory != strategy.territory.id:
                    continue
                if obs.indicator not in first or obs.year < first[obs.indicator].year:
                    first[obs.indicator] = obs
            for indicator in strategy.indicators:
                base = first.get(indicator.code)
                rows.append(
                    [
                        indicator.code,
                        indicator.goal_code,
                        indicator.name,
                        unit_name(indicator.unit, self.language),
                        get_label(indicator.direction, locale=self.locale),
                        *self._target_cells(indicator),
                        None
                        if indicator.target is None
                        else (yes if indicator.target.limit else no),
                        None if base is None else base.year,
                        None if base is None else self._base_cell(base),
                        yes if indicator.survey else no,
                        indicator.source,
                        indicator.responsible,
                    ]
                )
        locale = self.locale

        def titled(key: str, name: str, strict: bool = True) -> dict[str, Any] | None:
            return self._list(key, gettext(name, locale), strict=strict)

        year_rule = {
            "validate": "integer",
            "criteria": "between",
            "minimum": 1990,
            "maximum": 2100,
            "error_type": "warning",
        }
        rules = {
            "goal": titled("goal", "Goal"),
            "unit": titled("unit", "Unit", strict=False),
            "direction": titled("direction", "Direction of improvement"),
            "target_kind": titled("target_kind", "Target kind"),
            "survey": titled("yes_no", "From a survey"),
            "limit": titled("yes_no", "Limit value"),
            "target_year": year_rule,
            "base_year": year_rule,
        }
        self._table(sheet, "indicators", rows, rules)

    def _target_cells(self, indicator: Indicator) -> list[object]:
        target = indicator.target
        if target is None:
            return [None, None, None]
        kind = get_label(target.kind, locale=self.locale)
        value: object
        if target.raw:
            value = target.raw
        elif target.kind is TargetKind.WITHIN_RANGE:
            assert target.low is not None
            assert target.high is not None
            value = _text(target.low) + "–" + _text(target.high)
        else:
            assert target.value is not None
            value = target.value
        return [kind, value, target.year]

    def _base_cell(self, base: Observation) -> object:
        if base.value is not None:
            return base.value
        assert base.missing is not None
        return base.missing.marker or base.raw or "."

    def _projects(self, sheet: Worksheet) -> None:
        rows: list[list[object]] = []
        if self.strategy is not None:
            for project in self.strategy.projects:
                cost = project.cost
                directions = dict.fromkeys(
                    d for link in project.links for d in link.action_directions
                )
                rows.append(
                    [
                        project.code,
                        project.name,
                        None if cost is None else cost.amount,
                        None if cost is None else cost.currency,
                        "; ".join(project.operational_goals),
                        "; ".join(directions),
                        "" if project.implementer is None else project.implementer.name,
                        self._implementer_kind(project),
                        project.responsible,
                    ]
                )
        rules = {
            "currency": self._list("currency", gettext("Currency", self.locale)),
            "implementer_kind": self._list(
                "implementer_kind", gettext("Implementer kind", self.locale)
            ),
        }
        self._table(sheet, "projects", rows, rules)

    def _implementer_kind(self, project: Project) -> str:
        if project.implementer is None or project.implementer.kind is None:
            return ""
        return gettext(_IMPLEMENTER_KINDS[project.implementer.kind], self.locale)


def _text(value: Decimal) -> str:
    from citystrategy.io.strategy_writer import number_text

    return number_text(value)


# --- reading -----------------------------------------------------------------------------------


def read_template(path: str | os.PathLike[str]) -> Strategy:
    """Read a filled strategy workbook (written by :func:`write_template`) into a Strategy.

    The workbook is untrusted input, read as the returned forms are (size and archive checked
    first, values only, nothing evaluated, a formula refused). Its sheets may be in Polish or
    English. Every value goes through the Polish parser, typed as a number or as text. An
    indicator's level follows its goal (a strategic goal's indicator is an impact indicator);
    indicators whose base years differ get a missing value (``.``) in the other base years,
    as a data folder has a value or a missing sign for every indicator in every year.

    Args:
        path: The ``.xlsx`` file.

    Returns:
        The strategy it describes, ready for :func:`citystrategy.io.write_strategy`.

    Raises:
        FormError: With every problem of the workbook, each naming the file and, where it is in
            one, the sheet, the cell (A1 notation) and the text typed there: a value that is
            not one, a word not on its list, an unknown or repeated code, an operational goal
            under a missing strategic goal, a target in another unit, a formula, a file that
            is not a workbook.
        ArgumentTypeError: If *path* is not a path.
    """
    target = Path(os.fspath(path_argument(path, "path")))
    problems = _Problems(str(target))
    if not _check_file(target, problems):
        raise FormError(problems.items)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            target, read_only=True, data_only=False, keep_links=False, keep_vba=False
        )
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        problems.add(N_("cannot be read as a workbook: {reason}"), {"reason": str(error)})
        raise FormError(problems.items) from None
    if layout.ID_SHEET in workbook.sheetnames:  # a form of the monitoring cycle: said once
        workbook.close()
        problems.add(
            N_(
                "this is a data form for one year (citystrategy collect forms), not a "
                "strategy workbook: merge it into the data with citystrategy collect merge"
            )
        )
        raise FormError(problems.items)
    try:
        strategy = _Reader(workbook, problems).read()
    finally:
        workbook.close()
    if problems.items or strategy is None:
        raise FormError(problems.items)
    return strategy


_T = TypeVar("_T")
_CellMap = dict[tuple[int, int], tuple[object, str, str]]


class _Reader:
    def __init__(self, workbook: Any, problems: _Problems) -> None:
        self.workbook = workbook
        self.problems = problems
        self.names: dict[str, str] = {}
        self.language = "pl"
        #: The strategy's first and last year, once its sheet is read (``None`` if not given).
        self.period: tuple[int | None, int | None] = (None, None)
        self.labels = {
            enum: {
                **{member.value.casefold(): member for member in enum},
                **{
                    get_label(member, locale=language).casefold(): member
                    for member in enum
                    for language in _LANGUAGES
                },
                **{
                    get_label(member, locale=language).split(" (")[0].casefold(): member
                    for member in enum
                    for language in _LANGUAGES
                },
            }
            for enum in (Direction, TargetKind)
        }
        self.kinds: dict[str, TerritoryKind] = {kind.value: kind for kind in TerritoryKind}
        for kind, label in _KINDS.items():
            for language in _LANGUAGES:
                self.kinds[gettext(label, language).casefold()] = kind
        self.implementer_kinds: dict[str, ImplementerKind] = {
            kind.value: kind for kind in ImplementerKind
        }
        for implementer_kind, label in _IMPLEMENTER_KINDS.items():
            for language in _LANGUAGES:
                found = gettext(label, language).casefold()
                self.implementer_kinds[found] = implementer_kind
        self.yes = {_yes_no(language)[0].casefold() for language in _LANGUAGES}
        self.no = {_yes_no(language)[1].casefold() for language in _LANGUAGES}
        self.units = _unit_labels()

    # --- cells ---------------------------------------------------------------------------

    def sheet(self, key: str) -> _CellMap | None:
        available: Sequence[str] = getattr(self.workbook, "sheetnames", ())
        for language in _LANGUAGES:
            name = _sheet_name(key, language)
            if name in available:
                self.names[key] = name
                if len(self.names) == 1:
                    self.language = language
                return _cells(self.workbook[name])
        expected = " / ".join(_sheet_name(key, language) for language in _LANGUAGES)
        self.problems.add(
            N_("the sheet {sheet!r} is missing: fill in the workbook as it was written"),
            {"sheet": expected},
        )
        return None

    @property
    def english(self) -> bool:
        """The workbook is in English: its numbers are typed with a decimal point."""
        return self.language == "en"

    def typed(self, value: object) -> str:
        """A cell's value as the workbook shows it (a decimal point in an English one)."""
        return _typed(value, english=self.english)

    def not_a_number(self) -> str:
        """What to type instead of a cell that is not a number, in the workbook's way."""
        if self.english:
            return N_("not a number: type the number, with a decimal point")
        return N_("not a number: type the number, with a decimal comma")

    def add(self, key: str, cell: str, template: str, text: str | None, **values: object) -> None:
        self.problems.add(template, values, sheet=self.names[key], cell=cell, text=text)

    def raw(self, key: str, cells: _CellMap, row: int, column: int) -> tuple[object, str] | None:
        """The value of a cell and its number format; ``None`` if empty or a formula."""
        entry = cells.get((row, column + 1))
        if entry is None:
            return None
        value, data_type, number_format = entry
        if data_type == "f" or not isinstance(value, str | int | float | bool | dt.datetime):
            text = value if isinstance(value, str) else getattr(value, "text", None) or "="
            self.add(
                key,
                f"{_letter(column)}{row}",
                N_("a formula is not read (nothing in the workbook is calculated): type the value"),
                str(text),
            )
            return None
        if isinstance(value, str) and not value.strip():
            return None
        return value, number_format

    def text(self, key: str, cells: _CellMap, row: int, column: int) -> str:
        found = self.raw(key, cells, row, column)
        return "" if found is None else self.typed(found[0]).strip()

    def check_headers(self, key: str, cells: _CellMap) -> bool:
        ok = True
        for column, (_name, title, _width) in enumerate(_COLUMNS[key]):
            found = self.text(key, cells, 1, column)
            titles = {_title(title, language) for language in _LANGUAGES}
            if found not in titles:
                ok = False
                self.add(
                    key,
                    f"{_letter(column)}1",
                    N_(
                        "expected the column {title!r} here: columns were moved, inserted or "
                        "deleted; fill in the workbook as it was written"
                    ),
                    found or None,
                    title=_title(title, self.language),
                )
        return ok

    def rows(self, key: str) -> list[tuple[int, dict[str, str], dict[str, tuple[object, str]]]]:
        """Each filled row of a table: its number, its cells as text and as typed."""
        cells = self.sheet(key)
        if cells is None or not self.check_headers(key, cells):
            return []
        columns = _COLUMNS[key]
        found = []
        last = max((row for row, _ in cells), default=1)
        for row in range(2, last + 1):
            texts: dict[str, str] = {}
            typed: dict[str, tuple[object, str]] = {}
            for column, (name, _title_text, _width) in enumerate(columns):
                value = self.raw(key, cells, row, column)
                if value is not None:
                    typed[name] = value
                    texts[name] = self.typed(value[0]).strip()
            extra = sorted(c for r, c in cells if r == row and c > len(columns))
            if extra and str(cells[(row, extra[0])][0]).strip():
                self.add(
                    key,
                    f"{_letter(extra[0] - 1)}{row}",
                    N_("a value outside the table's columns"),
                    self.typed(cells[(row, extra[0])][0]),
                )
            if not texts:
                continue
            if not texts.get("code"):
                self.add(
                    key,
                    f"A{row}",
                    N_("a row without a code: give every row its code"),
                    None,
                )
                continue
            found.append((row, texts, typed))
        return found

    def cell(self, key: str, name: str, row: int) -> str:
        names = [column[0] for column in _COLUMNS[key]]
        return f"{_letter(names.index(name))}{row}"

    def required(self, key: str, name: str, row: int, texts: dict[str, str]) -> str:
        value = texts.get(name, "")
        if not value:
            title = dict((c[0], c[1]) for c in _COLUMNS[key])[name]
            self.add(
                key,
                self.cell(key, name, row),
                N_("empty: the column {title!r} is required"),
                None,
                title=_title(title, self.language),
            )
        return value

    def duplicate(self, key: str, row: int, code: str, seen: dict[str, int]) -> bool:
        if code in seen:
            self.add(
                key,
                f"A{row}",
                N_("the code {code!r} is given twice (first in row {first})"),
                code,
                code=code,
                first=seen[code],
            )
            return True
        seen[code] = row
        return False

    def build(
        self, key: str, cell: str, text: str | None, make: Callable[..., _T], **values: Any
    ) -> _T | None:
        """*make(**values)*, or ``None`` with the model's objection recorded at *cell*."""
        try:
            return make(**values)
        except CityStrategyError as error:
            self.add(key, cell, N_("not accepted: {reason}"), text, reason=_reason_of(error))
            return None

    # --- the parts -----------------------------------------------------------------------

    def read(self) -> Strategy | None:
        meta = self.metadata()
        goals, operational = self.goals()
        directions = self.directions(operational)
        strategic = []
        for code, (name, description, ops) in goals.items():
            goal_ops = [
                OperationalGoal(
                    code=op_code,
                    name=op_name,
                    description=op_description,
                    action_directions=directions.get(op_code, []),
                )
                for op_code, op_name, op_description in ops
            ]
            strategic.append(
                StrategicGoal(
                    code=code, name=name, description=description, operational_goals=goal_ops
                )
            )
        goal_codes = set(goals) | set(operational)
        direction_goal = {d.code: d.goal_code for ds in directions.values() for d in ds}
        territory = meta.get("territory") if meta else None
        territory_id = territory.id if isinstance(territory, Territory) else ""
        indicators, observations = self.indicators(goals, goal_codes, territory_id)
        projects = self.projects(set(operational), direction_goal)
        if self.problems.items or meta is None:
            return None
        return self.build(
            "strategy",
            "B1",
            None,
            Strategy,
            strategic_goals=strategic,
            indicators=indicators,
            observations=_fill_years(observations, territory_id, self.language),
            projects=projects,
            **meta,
        )

    def metadata(self) -> dict[str, Any] | None:
        key = "strategy"
        cells = self.sheet(key)
        if cells is None:
            return None
        values: dict[str, str] = {}
        typed: dict[str, object] = {}
        before = len(self.problems.items)
        for index, (name, label, _hint) in enumerate(_FIELDS):
            row = index + 2
            found = self.text(key, cells, row, 0)
            if found not in {gettext(label, language) for language in _LANGUAGES}:
                self.add(
                    key,
                    f"A{row}",
                    N_(
                        "expected the field {field!r} here: rows were moved, inserted or "
                        "deleted; fill in the workbook as it was written"
                    ),
                    found or None,
                    field=gettext(label, self.language),
                )
                continue
            entry = self.raw(key, cells, row, 1)
            if entry is not None:
                typed[name] = entry[0]
                values[name] = self.typed(entry[0]).strip()
        if len(self.problems.items) > before:
            return None
        for name in ("code", "title", "territory_name", "period_start", "period_end"):
            if not values.get(name):
                row = [f[0] for f in _FIELDS].index(name) + 2
                label = dict((f[0], f[1]) for f in _FIELDS)[name]
                self.add(
                    key,
                    f"B{row}",
                    N_("empty: the field {field!r} is required"),
                    None,
                    field=gettext(label, self.language),
                )

        def at(name: str) -> str:
            return f"B{[f[0] for f in _FIELDS].index(name) + 2}"

        start = self.year(key, at("period_start"), values.get("period_start", ""))
        end = self.year(key, at("period_end"), values.get("period_end", ""))
        self.period = (start, end)
        last_row = len(_FIELDS) + 1
        for row, column in sorted(cells):
            if row > last_row or column > 3:
                self.add(
                    key,
                    f"{_letter(column - 1)}{row}",
                    N_("a value outside the sheet's fields: it would not be read"),
                    self.typed(cells[(row, column)][0]),
                )
        kind = TerritoryKind.GMINA
        if values.get("territory_kind"):
            found_kind = self.kinds.get(values["territory_kind"].casefold())
            if found_kind is None:
                self.add(
                    key,
                    at("territory_kind"),
                    N_("not a kind of territory of the list: choose one from it"),
                    values["territory_kind"],
                )
            else:
                kind = found_kind
        adopted = self.date(key, at("adopted_on"), typed.get("adopted_on"))
        teryt = values.get("teryt") or None
        territory = None
        if values.get("territory_name"):
            territory = self.build(
                key,
                at("teryt"),
                teryt,
                Territory,
                name=values["territory_name"],
                kind=kind,
                teryt=teryt,
            )
        if len(self.problems.items) > before or start is None or end is None:
            return None
        if start > end:
            self.add(
                key,
                at("period_end"),
                N_("the last year {end} is before the first year {start}"),
                values["period_end"],
                start=start,
                end=end,
            )
            return None
        return {
            "code": values["code"],
            "title": values["title"],
            "territory": territory,
            "period_start": start,
            "period_end": end,
            "adopted_on": adopted,
            "adopted_by": values.get("adopted_by", ""),
            "resolution": values.get("resolution", ""),
        }

    def year(self, key: str, cell: str, text: str) -> int | None:
        if not text:
            return None
        if re.fullmatch(r"[12][0-9]{3}", text):
            return int(text)
        self.add(key, cell, N_("expected a year such as 2030"), text)
        return None

    def date(self, key: str, cell: str, value: object) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        text = self.typed(value).strip()
        match = _DATE_RE.fullmatch(text)
        try:
            if match is not None:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(key, cell, N_("expected a date such as 09.06.2022"), text)
            return None

    def goals(
        self,
    ) -> tuple[dict[str, tuple[str, str, list[tuple[str, str, str]]]], dict[str, int]]:
        key = "goals"
        goals: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {}
        operational: dict[str, int] = {}
        seen: dict[str, int] = {}
        pending = []
        for row, texts, _typed_cells in self.rows(key):
            code = texts["code"]
            if self.duplicate(key, row, code, seen):
                continue
            name = self.required(key, "name", row, texts)
            parent = texts.get("parent", "")
            description = texts.get("description", "")
            if not parent:
                if not _GOAL_CODE.fullmatch(code):
                    self.add(
                        key,
                        f"A{row}",
                        N_(
                            "a strategic goal's code is a number (1, 2); an operational goal "
                            "(1.1) names its strategic goal in the column {title!r}"
                        ),
                        code,
                        title=_title("Strategic goal", self.language),
                    )
                    continue
                goals[code] = (name, description, [])
            else:
                pending.append((row, code, name, parent, description))
        for row, code, name, parent, description in pending:
            if parent not in goals:
                self.add(
                    key,
                    self.cell(key, "parent", row),
                    N_("no strategic goal {parent!r} on this sheet (strategic goals: {known})"),
                    parent,
                    parent=parent,
                    known=", ".join(goals) or "–",
                )
                continue
            if not _OPERATIONAL_CODE.fullmatch(code) or code.split(".")[0] != parent:
                self.add(
                    key,
                    f"A{row}",
                    N_(
                        "an operational goal of the strategic goal {parent!r} has a code such as {example!r}"
                    ),
                    code,
                    parent=parent,
                    example=f"{parent}.1",
                )
                continue
            goals[parent][2].append((code, name, description))
            operational[code] = row
        return goals, operational

    def directions(self, operational: dict[str, int]) -> dict[str, list[ActionDirection]]:
        key = "directions"
        found: dict[str, list[ActionDirection]] = {}
        seen: dict[str, int] = {}
        for row, texts, _typed_cells in self.rows(key):
            code = texts["code"]
            if self.duplicate(key, row, code, seen):
                continue
            name = self.required(key, "name", row, texts)
            goal = self.required(key, "goal", row, texts)
            if goal and goal not in operational:
                self.add(
                    key,
                    self.cell(key, "goal", row),
                    N_("no operational goal {goal!r} on the sheet of goals"),
                    goal,
                    goal=goal,
                )
                continue
            if name and goal:
                found.setdefault(goal, []).append(
                    ActionDirection(code=code, name=name, goal_code=goal)
                )
        return found

    def yes_no(self, key: str, row: int, texts: dict[str, str], name: str) -> bool:
        """A yes/no cell (empty is no)."""
        answer = texts.get(name, "").casefold()
        if answer and answer not in self.yes | self.no:
            yes, no = _yes_no(self.language)
            self.add(
                key,
                self.cell(key, name, row),
                N_("expected {yes!r} or {no!r}"),
                texts[name],
                yes=yes,
                no=no,
            )
        return answer in self.yes

    def choice(self, key: str, cell: str, text: str, table: dict[str, Any], template: str) -> Any:
        """The member of *table* that *text* names, or ``None`` with *template* recorded."""
        member = table.get(text.casefold())
        if member is None:
            self.add(key, cell, template, text)
        return member

    def unit(self, cell: str, text: str) -> str | None:
        unit = self.units.get(text.casefold())
        if unit is not None:
            return unit
        from citystrategy.units import check_unit

        try:
            return check_unit(text)
        except CityStrategyError as error:
            self.add("indicators", cell, N_("not a unit: {reason}"), text, reason=_reason_of(error))
            return None

    def indicators(
        self, goals: dict[str, Any], goal_codes: set[str], territory: str
    ) -> tuple[list[Indicator], list[Observation]]:
        key = "indicators"
        indicators: list[Indicator] = []
        observations: list[Observation] = []
        seen: dict[str, int] = {}
        for row, texts, typed in self.rows(key):
            code = texts["code"]
            if self.duplicate(key, row, code, seen):
                continue
            before = len(self.problems.items)

            def at(name: str, row: int = row) -> str:
                return self.cell(key, name, row)

            name = self.required(key, "name", row, texts)
            goal = self.required(key, "goal", row, texts)
            if goal and goal not in goal_codes:
                self.add(
                    key,
                    at("goal"),
                    N_("no goal {goal!r} on the sheet of goals"),
                    goal,
                    goal=goal,
                )
            unit_text = self.required(key, "unit", row, texts)
            unit = self.unit(at("unit"), unit_text) if unit_text else None
            direction_text = self.required(key, "direction", row, texts)
            direction = None
            if direction_text:
                direction = self.choice(
                    key,
                    at("direction"),
                    direction_text,
                    self.labels[Direction],
                    N_("not a direction of improvement of the list: choose one from it"),
                )
            survey = self.yes_no(key, row, texts, "survey")
            target = None
            if unit is not None:
                target = self.target(row, texts, typed, unit)
            base = None
            if unit is not None and territory:
                base = self.base(row, code, texts, typed, unit, territory)
            if len(self.problems.items) > before or unit is None or direction is None:
                continue
            if base is not None:
                observations.append(base)
            level = Level.IMPACT if goal in goals else Level.RESULT
            indicator = self.build(
                key,
                f"A{row}",
                code,
                Indicator,
                code=code,
                name=name,
                unit=unit,
                level=level,
                goal_code=goal,
                direction=direction,
                target=target,
                survey=survey,
                source=texts.get("source", ""),
                responsible=texts.get("responsible", ""),
            )
            if indicator is not None:
                indicators.append(indicator)
        return indicators, observations

    def number(
        self, key: str, cell: str, typed: tuple[object, str], unit: str, *, bound: bool
    ) -> Amount | MissingValue | None:
        """A number cell in *unit*: typed as a number, or as text through the Polish parser."""
        value, number_format = typed
        raw = self.typed(value)
        if isinstance(value, bool | dt.datetime):
            self.add(key, cell, self.not_a_number(), raw)
            return None
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                self.add(key, cell, self.not_a_number(), raw)
                return None
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if _PERCENT_FORMAT.match(number_format):
                number = (number * 100).normalize()
                if unit != "percent":
                    self.add(
                        key,
                        cell,
                        N_("a percentage, but the indicator's unit is {unit!r}"),
                        raw,
                        unit=unit_name(unit, self.language),
                    )
                    return None
            return Amount(number, None, None, raw)
        text = str(value).strip()
        try:
            parsed = parse_value(text, field="value", locale=self.language)
        except ParseError as error:
            self.add(key, cell, N_("not a value: {reason}"), text, reason=_reason_of(error))
            return None
        if isinstance(parsed, MissingValue):
            return parsed
        if not isinstance(parsed, Amount):
            self.add(key, cell, self.not_a_number(), text)
            return None
        if parsed.bound is not None and not bound:
            self.add(key, cell, N_("a value cannot be a bound (<, >): type the number"), text)
            return None
        if parsed.unit is not None and parsed.unit != unit:
            numerator = unit.split("/", 1)[0].strip()
            if "/" not in unit or parsed.unit != numerator:
                self.add(
                    key,
                    cell,
                    N_("the unit {found!r} does not fit the indicator's unit {unit!r}"),
                    text,
                    found=unit_name(parsed.unit, self.language),
                    unit=unit_name(unit, self.language),
                )
                return None
        if unit in _CURRENCIES:
            try:
                parse_money(
                    text.lstrip("<>=≤≥ "), currency=unit, field="value", locale=self.language
                )
            except ParseError as error:
                self.add(key, cell, N_("not a value: {reason}"), text, reason=_reason_of(error))
                return None
        return parsed

    def target(
        self,
        row: int,
        texts: dict[str, str],
        typed: dict[str, tuple[object, str]],
        unit: str,
    ) -> Target | None:
        key = "indicators"
        kind_text = texts.get("target_kind", "")
        value_text = texts.get("target", "")
        if not kind_text and not value_text:
            return None
        if not kind_text or not value_text:
            missing = "target_kind" if not kind_text else "target"
            self.required(key, missing, row, texts)
            return None
        cell = self.cell(key, "target", row)
        kind = self.choice(
            key,
            self.cell(key, "target_kind", row),
            kind_text,
            self.labels[TargetKind],
            N_("not a target kind of the list: choose one from it"),
        )
        if kind is None:
            return None
        year_text = texts.get("target_year", "")
        year_cell = self.cell(key, "target_year", row)
        year = self.year(key, year_cell, year_text) if year_text else self.period[1]
        if year is None:
            return None  # a year that is none, or the sheet's last year missing: said already
        first, last = self.period
        if first is not None and last is not None and not first <= year <= last:
            self.add(
                key,
                year_cell,
                N_("the target year {year} is outside the strategy's period {first}–{last}"),
                year_text,
                year=year,
                first=first,
                last=last,
            )
            return None
        if kind is TargetKind.WITHIN_RANGE:
            parts = re.split(r"\s*[–—]\s*|\s+-\s+", value_text)
            if len(parts) != 2:
                self.add(
                    key, cell, N_("a target range is written low–high, e.g. 40–60"), value_text
                )
                return None
            ends = [self.number(key, cell, (part, ""), unit, bound=False) for part in parts]
            if not all(isinstance(end, Amount) for end in ends):
                return None
            low, high = (end.number for end in ends if isinstance(end, Amount))
            return self.build(
                key,
                cell,
                value_text,
                Target,
                kind=kind,
                low=low,
                high=high,
                year=year,
                limit=self.yes_no(key, row, texts, "limit"),
                raw=value_text,
            )
        parsed = self.number(key, cell, typed["target"], unit, bound=True)
        if not isinstance(parsed, Amount):
            if isinstance(parsed, MissingValue):
                self.add(key, cell, N_("a target must be a number"), value_text)
            return None
        if parsed.bound in (Bound.LT, Bound.LE) and kind is not TargetKind.AT_MOST:
            self.add(
                key,
                self.cell(key, "target_kind", row),
                N_("{raw!r} is an upper bound: the target kind must be {kind!r}"),
                kind_text,
                raw=value_text,
                kind=get_label(TargetKind.AT_MOST, locale=self.language),
            )
            return None
        if parsed.bound in (Bound.GT, Bound.GE) and kind is not TargetKind.AT_LEAST:
            self.add(
                key,
                self.cell(key, "target_kind", row),
                N_("{raw!r} is a lower bound: the target kind must be {kind!r}"),
                kind_text,
                raw=value_text,
                kind=get_label(TargetKind.AT_LEAST, locale=self.language),
            )
            return None
        raw = value_text if isinstance(typed["target"][0], str) else ""
        limit = self.yes_no(key, row, texts, "limit")
        return self.build(
            key,
            cell,
            value_text,
            Target,
            kind=kind,
            value=parsed.number,
            year=year,
            limit=limit or parsed.bound is not None,
            raw=raw,
        )

    def base(
        self,
        row: int,
        code: str,
        texts: dict[str, str],
        typed: dict[str, tuple[object, str]],
        unit: str,
        territory: str,
    ) -> Observation | None:
        key = "indicators"
        year_text = texts.get("base_year", "")
        value_text = texts.get("base", "")
        if not year_text and not value_text:
            self.add(
                key,
                self.cell(key, "base", row),
                N_(
                    "no base value: give the base year and value, or a missing-data sign "
                    "(- * or –) if it is not known"
                ),
                None,
            )
            return None
        if not year_text or not value_text:
            self.required(key, "base_year" if not year_text else "base", row, texts)
            return None
        year_cell = self.cell(key, "base_year", row)
        year = self.year(key, year_cell, year_text)
        first, last = self.period
        if year is not None and first is not None and last is not None:
            earliest = first - _BASELINE_YEARS
            if not earliest <= year <= last:
                self.add(
                    key,
                    year_cell,
                    N_("a base year is between {earliest} and the strategy's last year {last}"),
                    year_text,
                    earliest=earliest,
                    last=last,
                )
                year = None
        cell = self.cell(key, "base", row)
        parsed = self.number(key, cell, typed["base"], unit, bound=False)
        if year is None or parsed is None:
            return None
        raw = value_text if isinstance(typed["base"][0], str) else ""
        if isinstance(parsed, MissingValue):
            missing = Missing(code="missing", marker=parsed.marker, text=parsed.meaning)
            return Observation(
                indicator=code, territory=territory, year=year, missing=missing, raw=raw
            )
        return Observation(
            indicator=code, territory=territory, year=year, value=parsed.number, raw=raw
        )

    def projects(self, operational: set[str], direction_goal: dict[str, str]) -> list[Project]:
        key = "projects"
        projects: list[Project] = []
        seen: dict[str, int] = {}
        for row, texts, typed in self.rows(key):
            code = texts["code"]
            if self.duplicate(key, row, code, seen):
                continue
            before = len(self.problems.items)
            name = self.required(key, "name", row, texts)
            currency = texts.get("currency", "") or "PLN"
            if currency.upper() not in _CURRENCIES:
                self.add(
                    key,
                    self.cell(key, "currency", row),
                    N_("not a currency citystrategy knows (PLN, EUR)"),
                    currency,
                )
            cost = None
            if "cost" in typed and currency.upper() in _CURRENCIES:
                cost = self.cost(self.cell(key, "cost", row), typed["cost"], currency.upper())
            goals = _codes(texts.get("goals", ""))
            for goal in goals:
                if goal not in operational:
                    self.add(
                        key,
                        self.cell(key, "goals", row),
                        N_("no operational goal {goal!r} on the sheet of goals"),
                        texts["goals"],
                        goal=goal,
                    )
            directions = _codes(texts.get("directions", ""))
            for direction in directions:
                owner = direction_goal.get(direction)
                if owner is None:
                    self.add(
                        key,
                        self.cell(key, "directions", row),
                        N_("no action direction {code!r} on the sheet of action directions"),
                        texts["directions"],
                        code=direction,
                    )
                elif owner not in goals:
                    self.add(
                        key,
                        self.cell(key, "directions", row),
                        N_(
                            "the action direction {code!r} belongs to the operational goal "
                            "{goal!r}, which is not among the project's goals"
                        ),
                        texts["directions"],
                        code=direction,
                        goal=owner,
                    )
            if len(self.problems.items) > before:
                continue
            links = [
                GoalLink(
                    strategic_goal=goal.split(".", 1)[0],
                    operational_goal=goal,
                    action_directions=[d for d in directions if direction_goal.get(d) == goal],
                )
                for goal in goals
            ]
            implementer_kind = None
            if texts.get("implementer_kind"):
                implementer_kind = self.choice(
                    key,
                    self.cell(key, "implementer_kind", row),
                    texts["implementer_kind"],
                    self.implementer_kinds,
                    N_("not an implementer kind of the list: choose one from it"),
                )
                if implementer_kind is None:
                    continue
            implementer = (
                Implementer(name=texts["implementer"], kind=implementer_kind)
                if texts.get("implementer")
                else None
            )
            project = self.build(
                key,
                f"A{row}",
                code,
                Project,
                code=code,
                name=name,
                cost=cost,
                links=links,
                implementer=implementer,
                responsible=texts.get("responsible", ""),
            )
            if project is not None:
                projects.append(project)
        return projects

    def cost(self, cell: str, typed: tuple[object, str], currency: str) -> Money | None:
        key = "projects"
        value, _format = typed
        raw = self.typed(value)
        if isinstance(value, bool | dt.datetime):
            self.add(key, cell, N_("not an amount of money"), raw)
            return None
        try:
            if isinstance(value, int | float):
                if isinstance(value, float) and not math.isfinite(value):
                    self.add(key, cell, N_("not an amount of money"), raw)
                    return None
                amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
                exponent = amount.as_tuple().exponent
                if isinstance(exponent, int) and exponent < -2:
                    self.add(
                        key,
                        cell,
                        N_("an amount of money has at most two decimals (grosze)"),
                        raw,
                    )
                    return None
                money = Money(amount, currency)
            else:
                money = parse_money(
                    str(value).strip(), currency=currency, field="cost", locale=self.language
                )
        except ParseError as error:
            self.add(
                key, cell, N_("not an amount of money: {reason}"), raw, reason=_reason_of(error)
            )
            return None
        if money.amount < 0:
            self.add(key, cell, N_("a cost cannot be negative"), raw)
            return None
        return money


def _codes(text: str) -> list[str]:
    """Codes separated by semicolons or commas, each once, in order."""
    return list(dict.fromkeys(part.strip() for part in re.split(r"[;,]", text) if part.strip()))


def _reason_of(error: CityStrategyError) -> object:
    message = error.to_message() if hasattr(error, "to_message") else Message(str(error))
    if isinstance(error, ParseError):
        return message.values.get("reason", Message(error.reason))
    return message


def _fill_years(
    observations: list[Observation], territory: str, language: str
) -> list[Observation]:
    """Observations with a missing value (``.``) where an indicator has none in a base year
    that another has: a data folder gives every indicator a value or a sign in every year."""
    years = sorted({o.year for o in observations})
    have = {(o.indicator, o.year) for o in observations}
    codes = list(dict.fromkeys(o.indicator for o in observations))
    filled = list(observations)
    for code in codes:
        for year in years:
            if (code, year) not in have:
                text = gettext(_MISSING_MEANING, language)
                missing = Missing(code="not_given", marker=".", text=text)
                filled.append(
                    Observation(indicator=code, territory=territory, year=year, missing=missing)
                )
    return filled
