"""The assessment of a strategy's indicators and goals, as a readable table, CSV or JSON."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import numpy as np
import pandas as pd

from citystrategy._arguments import each, instance, integer, member
from citystrategy._i18n import N_, gettext, pgettext
from citystrategy.errors import ArgumentError, Message
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    LocaleLike,
    format_count,
    format_number,
    format_percent,
    format_percentage_points,
    format_target,
    format_value,
    get_label,
    get_language,
)
from citystrategy.formatting._labels import unit_name
from citystrategy.model import Target, TargetKind
from citystrategy.money import CURRENCIES
from citystrategy.percent import as_percent
from citystrategy.progress import (
    GOAL_COLUMNS,
    INDICATOR_COLUMNS,
    MIN_COVERAGE,
    Method,
    Note,
    Status,
    Trend,
)
from citystrategy.progress.strategy import check_table
from citystrategy.reports._json import Why, exact, no_blank_texts, put, rounded, significant
from citystrategy.reports.cells import P_FLOOR, reason_words
from citystrategy.reports.tables import indicators as tables
from citystrategy.reports.tables.indicators import _goals_frame, _values_frame
from citystrategy.reports.text import _fill, _width, render_table

__all__ = ["assessment_data", "format_assessment"]

#: The smallest p-value shown as a number; smaller ones read ``p < 0,001``.

_NBSP: Final = "\xa0"
#: GUS's sign for a figure that cannot be filled in (``–`` is its "no occurrence", which a
#: change that cannot be computed is not).
_NOT_COMPUTED: Final = "x"
#: The JSON key of the progress measure, which is in percent.
_PROGRESS_KEY: Final = "progress_percent"


def _method_name(method: str, locale: LocaleLike) -> str:
    """The method as the title names it."""
    if method == Method.PROJECTION.value:
        return pgettext("assessment method", "trend projection", locale)
    return pgettext("assessment method", "progress ratio, Statistics Canada / Open SDG", locale)


def _indicator_titles(locale: LocaleLike) -> dict[str, str]:
    """The columns of the indicator table: their keys (columns of assess()) and titles."""
    return {
        "code": pgettext("assessment column", "Code", locale),
        "name": pgettext("assessment column", "Indicator", locale),
        "previous_value": pgettext("assessment column", "Previous", locale),
        "value": pgettext("assessment column", "Current", locale),
        "change": pgettext("assessment column", "Change", locale),
        "trend": pgettext("assessment column", "Trend", locale),
        "target": pgettext("assessment column", "Target", locale),
        "status": pgettext("assessment column", "Status", locale),
        "score": pgettext("assessment column", "Score", locale),
    }


#: Alignment of the indicator table's columns: text left, figures right.
_INDICATOR_ALIGN: Final = {
    "code": "l",
    "name": "l",
    "previous_value": "r",
    "value": "r",
    "change": "r",
    "trend": "l",
    "target": "r",
    "status": "l",
    "score": "r",
}


def _goal_titles(locale: LocaleLike) -> list[str]:
    return [
        pgettext("assessment column", "Goal", locale),
        pgettext("assessment column", "Name", locale),
        pgettext("assessment column", "Indicators", locale),
        pgettext("assessment column", "Scored", locale),
        pgettext("assessment column", "Coverage", locale),
        pgettext("assessment column", "Score", locale),
        pgettext("assessment column", "Status", locale),
    ]


def _survey_titles(locale: LocaleLike) -> list[str]:
    return [
        pgettext("assessment column", "Code", locale),
        pgettext("assessment column", "Previous", locale),
        pgettext("assessment column", "Current", locale),
        "p",
        pgettext("assessment column", "Trend", locale),
    ]


def _present(value: object) -> bool:
    if value is None or value is pd.NA:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def _decimal(value: Any) -> Decimal:
    """Decimals stay exact; floats are read through their shortest repr."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def _short_unit(unit: str, language: str) -> str:
    """The unit after an indicator's name, for the bare numbers of its row: ``µg/m³``, a
    counted noun in the nominative plural (``dni``, ``osoby``); none for percentages and money,
    whose cells carry their sign."""
    if unit == "percent" or unit in CURRENCIES:
        return ""
    label = UNIT_LABELS.get(unit, {}).get(language, "")
    return unit_name(unit, language) if label.startswith("noun:") else label


def _cell_unit(unit: str) -> str:
    """The unit the table's cells are written in: percentages and money with their sign, the
    rest as bare numbers (their unit follows the indicator's name)."""
    return unit if unit == "percent" or unit in CURRENCIES else "count"


def _value(value: Any, unit: str, locale: LocaleLike) -> str:
    if not _present(value):
        return _NOT_COMPUTED
    if unit == "percent" or unit in CURRENCIES:
        return format_value(_decimal(value), unit, locale=locale)
    return format_number(_decimal(value), locale=locale)


#: The longest reason that stands in a value cell; a longer one is said under the notes only.
_SHORT_REASON: Final = 60


def _missing_words(row: dict[str, Any], year: int, locale: LocaleLike) -> str:
    """The value cell of a year without a value: the reason the data give when it is short
    (``nie dotyczy``, ``zjawisko nie wystąpiło``), never a sign alone (``–`` is GUS's "no
    occurrence"), else that there is none. A long reason (a report's footnote on data not yet
    published) is said under the notes, where every reason is, and does not widen the column."""
    reason = row[tables.MISSING_REASON]
    if _present(reason) and str(reason).strip():
        words = reason_words(reason, locale).rstrip(". ")
        if len(words) <= _SHORT_REASON:
            return words
    return pgettext("indicator table", "no value for {year}", locale).format(year=year)


def _change(value: Any, unit: str, locale: LocaleLike) -> str:
    if not _present(value):
        return _NOT_COMPUTED
    change = _decimal(value)
    if unit == "percentage_point":
        return format_percentage_points(change, decimals=None, locale=locale)
    text = _value(change, unit, locale)
    return ("+" + text) if change > 0 else text


def _target(row: dict[str, Any], targets: Mapping[str, Target | None], locale: LocaleLike) -> str:
    """The target from its parsed values; without the model's Target, the value assessed."""
    unit = str(row["unit"])
    target = targets.get(str(row["code"])) or _table_target(row)
    if target is not None:
        return format_target(target, _cell_unit(unit), symbols=True, locale=locale)
    return _value(row[tables.TARGET_VALUE], unit, locale)


def _p_value(value: Any, locale: LocaleLike) -> str:
    """A p-value to three decimals; under 0,001 as ``< 0,001``, never ``0,000``."""
    p = _decimal(value)
    if p < P_FLOOR:
        return f"<{_NBSP}{format_number(P_FLOOR, locale=locale)}"
    return format_number(p, decimals=3, locale=locale)


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts of Python values (as ``to_dict(orient="records")``, a column at a time)."""
    names = [str(name) for name in frame.columns]
    columns = [_native(column.tolist()) for _, column in frame.items()]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _native(values: list[Any]) -> list[Any]:
    """NumPy scalars in an object column as Python values (``tolist`` leaves them)."""
    if any(isinstance(value, np.generic) for value in values):
        return [value.item() if isinstance(value, np.generic) else value for value in values]
    return values


def _flagged(row: dict[str, Any]) -> bool:
    return tables._contradicts(row[tables.TARGET_FINDINGS])


def _indicator_table(table: pd.DataFrame) -> pd.DataFrame:
    """*table* as :func:`~citystrategy.reports.tables.indicator_values_table` has it.

    A report table is taken as it is; a result of :func:`~citystrategy.progress.assess` is typed
    the same way (without the strategy: no goal names, the target the value assessed against).
    """
    instance(table, "table", pd.DataFrame, "the DataFrame indicator_values_table() returns")
    if set(tables.INDICATOR_COLUMNS) <= {str(column) for column in table.columns}:
        return table
    check_table(table, INDICATOR_COLUMNS)
    return _values_frame(table, None, None)


def _goal_table(goals: pd.DataFrame) -> pd.DataFrame:
    """*goals* as :func:`~citystrategy.reports.tables.goal_scores_table` has it."""
    instance(goals, "goals", pd.DataFrame, "the DataFrame goal_scores_table() returns")
    names = {str(column) for column in goals.columns}
    if set(tables.GOAL_COLUMNS) <= names and tables.STRATEGIC_GOAL in names:
        return goals
    check_table(goals, GOAL_COLUMNS)
    return _goals_frame(goals)


def _table_target(row: dict[str, Any]) -> Target | None:
    """The target of a report table's row, rebuilt from its columns (``None`` without a kind)."""
    kind = row[tables.TARGET_KIND]
    if not _present(kind) or not _present(row[tables.TARGET_YEAR]):
        return None
    tolerance = row[tables.TARGET_TOLERANCE]
    return Target(
        kind=TargetKind(kind),
        value=row[tables.TARGET_VALUE],
        low=row[tables.TARGET_LOW],
        high=row[tables.TARGET_HIGH],
        tolerance=tolerance if _present(tolerance) else Decimal(0),
        year=int(row[tables.TARGET_YEAR]),
        limit=bool(row[tables.TARGET_LIMIT]) if _present(row[tables.TARGET_LIMIT]) else False,
        raw=str(row[tables.TARGET_RAW] or ""),
    )


def _chosen(columns: object, titles: dict[str, str]) -> list[str]:
    """The keys of the columns asked for, by key or (case-insensitive) title, in their order."""
    if columns is None:
        return list(titles)
    asked = each(columns, "columns", str, "a column's key or title (a string)")
    lookup = {key: key for key in titles} | {title.casefold(): key for key, title in titles.items()}
    chosen = []
    for column in asked:
        key = lookup.get(column.strip().casefold())
        if key is None:
            known = (*titles, *titles.values())
            expected = Message(N_("a column's key or title, one of {known}"), {"known": known})
            raise ArgumentError("columns", column, expected)
        if key in chosen:
            expected = Message(N_("each column once ({column!r} twice)"), {"column": column})
            raise ArgumentError("columns", tuple(asked), expected)
        chosen.append(key)
    if not chosen:
        raise ArgumentError("columns", tuple(asked), "at least one column")
    return chosen


def format_assessment(
    table: pd.DataFrame,
    goals: pd.DataFrame | None = None,
    *,
    year: int,
    method: str = "ratio",
    min_coverage: object = MIN_COVERAGE,
    targets: Mapping[str, Target | None] | None = None,
    columns: Sequence[str] | None = None,
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The assessment as text: the indicator table, the survey intervals, the goal table, notes.

    Every figure is formatted from its value in *locale*; names are never cut.

    Args:
        table: The report's indicator table,
            :func:`~citystrategy.reports.tables.indicator_values_table` (or a result of
            :func:`citystrategy.progress.assess`, typed as that table first).
        goals: The goals' table, :func:`~citystrategy.reports.tables.goal_scores_table` (or a
            result of :func:`citystrategy.progress.assess_goals`), if wanted.
        year: The reporting year (for the title).
        method: The method used (for the title).
        min_coverage: The coverage threshold used for the goals (for the title), in percent
            as :func:`~citystrategy.progress.assess_goals` takes it: ``Percent(60)`` (the
            default) or ``Q_(60, "percent")``; a bare number is a ``TypeError``.
        targets: The indicators' targets by code (``{i.code: i.target for i in
            strategy.indicators}``): the target column then shows each one from its kind and
            values (``≥ 14,3%``, ``≤ 20``, ``10–20``). Without them it shows the value each
            indicator was assessed against, without its kind.
        columns: The indicator table's columns, in order, by key (``code``, ``name``,
            ``previous_value``, ``value``, ``change``, ``trend``, ``target``, ``status``,
            ``score``) or by title in *locale* (``Wskaźnik``); default all.
        width: The widest line wanted (a terminal's width): long names and labels wrap within
            it (see :func:`~citystrategy.reports.render_table`); ``None`` never wraps.
        locale: Locale of the words and numbers.

    Raises:
        AssessmentError: If *table* or *goals* lacks a column of the result it stands for.
        ArgumentError: If *method* is unknown, *min_coverage* is outside 0–100%, a column is
            neither a key nor a title (the message lists them), is asked for twice or none is,
            or *width* is under 1.
        ArgumentTypeError: If *year* or *width* is not an int, *min_coverage* is a bare
            number, *targets* not a mapping, or *columns* not a sequence of strings.
    """
    language = get_language(locale)
    values = _indicator_table(table)
    scores = None if goals is None else _goal_table(goals)
    integer(year, "year")
    method = member(Method, method, "method").value
    threshold = as_percent(min_coverage, "min_coverage")
    if not 0 <= threshold <= 100:
        raise ArgumentError("min_coverage", min_coverage, "a share between 0% and 100%")
    width = _width(width)
    if targets is None:
        targets = {}
    instance(targets, "targets", Mapping, "a mapping of indicator codes to Targets")  # type: ignore[type-abstract]
    titles = _indicator_titles(locale)
    keys = _chosen(columns, titles)
    title = gettext("Progress of the indicators: {year} (method: {method})", locale)
    lines = [_fill(title.format(year=year, method=_method_name(method, locale)), width), ""]
    rows = []
    records = _rows(values)
    for row in records:
        unit = str(row["unit"])
        label = _short_unit(unit, language)
        status = get_label(Status(row["status"]), locale=locale)
        cells = {
            "code": str(row["code"]),
            "name": str(row["name"]) + (f" [{label}]" if label else ""),
            "previous_value": _value(row["previous_value"], unit, locale)
            if _present(row["previous_value"])
            else pgettext("indicator table", "no earlier value", locale),
            "value": _value(row["value"], unit, locale)
            if _present(row["value"])
            else _missing_words(row, year, locale),
            "change": _change(row["change"], str(row["change_unit"]), locale),
            "trend": get_label(Trend(row["trend"]), locale=locale),
            "target": _target(row, targets, locale),
            "status": status + (" (!)" if _flagged(row) else ""),
            "score": _NOT_COMPUTED
            if not _present(row["score"])
            else format_number(_decimal(row["score"]), decimals=1, locale=locale),
        }
        rows.append([cells[key] for key in keys])
    align = "".join(_INDICATOR_ALIGN[key] for key in keys)
    header = [titles[key] for key in keys]
    lines.append(render_table(header, rows, align=align, width=width))
    shown = list(rows)  # every table's rows, for the legend of the sign they may hold
    counts = values[tables.STATUS].value_counts()
    summary = ", ".join(
        f"{get_label(status, locale=locale)} {int(counts[status.value])}"
        for status in Status
        if status.value in counts.index
    )
    indicators = format_count(len(values), "indicator", locale=locale)
    statuses = gettext("Statuses ({indicators}): {counts}", locale)
    lines += ["", _fill(statuses.format(indicators=indicators, counts=summary), width)]
    if any(_flagged(row) for row in records):
        flag = gettext(
            "(!) the target contradicts the direction: the status says nothing of progress "
            "(see citystrategy check)",
            locale,
        )
        lines.append(_fill(flag, width, indent="    "))
    survey = values[values[tables.SURVEY] & values[tables.P_VALUE].notna()]
    if len(survey):
        survey_rows = [
            [
                str(row["code"]),
                _interval(
                    row["previous_value"],
                    row["previous_interval_low"],
                    row["previous_interval_high"],
                    locale,
                ),
                _interval(row["value"], row["interval_low"], row["interval_high"], locale),
                _p_value(row["p_value"], locale),
                get_label(Trend(row["trend"]), locale=locale),
            ]
            for row in _rows(survey)
        ]
        shown += survey_rows
        survey_title = gettext(
            "Survey indicators: 95% Wilson intervals and a two-proportion test of the change",
            locale,
        )
        lines += [
            "",
            _fill(survey_title, width),
            "",
            render_table(_survey_titles(locale), survey_rows, align="lrrrl", width=width),
        ]
    if scores is not None:
        goal_rows = [
            [
                str(row["goal"]),
                str(row["name"]),
                str(row["indicators"]),
                str(row["scored"]),
                _NOT_COMPUTED
                if not _present(row["coverage"])
                else format_percent(_decimal(row["coverage"]), decimals=0, locale=locale),
                _NOT_COMPUTED
                if not _present(row["score"])
                else format_number(_decimal(row["score"]), decimals=2, locale=locale),
                get_label(Status(row["status"]), locale=locale),
            ]
            for row in _rows(scores)
        ]
        shown += goal_rows
        places = 0 if threshold == threshold.to_integral_value() else 1  # 60%, 62,5%
        coverage = format_percent(threshold, decimals=places, locale=locale)
        goals_title = gettext("Goals (mean indicator score, coverage at least {coverage})", locale)
        lines += [
            "",
            _fill(goals_title.format(coverage=coverage), width),
            "",
            render_table(_goal_titles(locale), goal_rows, align="llrrrrl", width=width),
        ]
    if any(_NOT_COMPUTED in row for row in shown):  # GUS's sign, said in words once
        legend = gettext("x: not computed, the values it needs are missing", locale)
        lines += ["", _fill(legend, width)]
    noted = [row for row in records if row[tables.NOTES] or _present(row[tables.MISSING_REASON])]
    if noted:
        lines += ["", pgettext("assessment", "Notes:", locale)]
        for row in noted:
            codes = list(row[tables.NOTES])
            if _present(
                row[tables.MISSING_REASON]
            ):  # the sentence below says it with the source's reason
                codes = [code for code in codes if code != Note.NO_VALUE_IN_YEAR]
            words = [get_label(Note(code), locale=locale) for code in codes]
            if _present(row[tables.MISSING_REASON]):
                missing = gettext(
                    "no value for {year} ({marker}): {text}; the latest value is from {used}",
                    locale,
                )
                words.insert(
                    0,
                    missing.format(
                        year=year,
                        marker=row[tables.MISSING_MARKER],
                        text=reason_words(row[tables.MISSING_REASON], locale).rstrip(". "),
                        used=row["current_year"],
                    ),
                )
            lines.append(_fill(f"  {row['code']}: {'; '.join(words)}", width, indent="    "))
    return "\n".join(lines)


def _interval(value: Any, low: Any, high: Any, locale: LocaleLike) -> str:
    if not (_present(value) and _present(low) and _present(high)):
        return _NOT_COMPUTED
    shown = [format_number(_decimal(v), decimals=1, locale=locale) for v in (value, low, high)]
    return f"{shown[0]}% ({shown[1]}–{shown[2]})"


#: How each computed column is rounded in the JSON data: decimals, as the text shows them.
_DECIMALS: Final = {
    tables.SCORE: 1,
    tables.INTERVAL_LOW: 1,
    tables.INTERVAL_HIGH: 1,
    tables.PREVIOUS_INTERVAL_LOW: 1,
    tables.PREVIOUS_INTERVAL_HIGH: 1,
    # not shown in the text; two decimals of a percent keep it on the right side of every
    # threshold
    _PROGRESS_KEY: 2,
}
#: Decimals of a goal's score and coverage, as the text shows them.
_GOAL_DECIMALS: Final = {tables.SCORE: 2, "coverage_percent": 0}
#: Significant digits of a p-value.
_P_DIGITS: Final = 3
#: Why a value of a column is missing, where it is not "no value to compute it from".
_WHY: Final = {
    tables.STRATEGIC_GOAL_NAME: Why.NOT_FOUND,
    tables.GOAL_NAME: Why.NOT_FOUND,
    tables.TARGET_KIND: Why.NOT_STATED,
    tables.TARGET_VALUE: Why.NOT_STATED,
    tables.TARGET_LOW: Why.NOT_STATED,
    tables.TARGET_HIGH: Why.NOT_STATED,
    tables.TARGET_TOLERANCE: Why.NOT_STATED,
    tables.TARGET_YEAR: Why.NOT_STATED,
    tables.TARGET_LIMIT: Why.NOT_STATED,
    tables.TARGET_RAW: Why.NOT_STATED,
    _PROGRESS_KEY: Why.NOT_ASSESSABLE,
    tables.SCORE: Why.NOT_ASSESSABLE,
}
#: The columns of a missing value's reason: not applicable where there is a value.
_MISSING_COLUMNS: Final = (tables.MISSING_CODE, tables.MISSING_MARKER, tables.MISSING_REASON)
_SURVEY_COLUMNS: Final = (
    tables.INTERVAL_LOW,
    tables.INTERVAL_HIGH,
    tables.PREVIOUS_INTERVAL_LOW,
    tables.PREVIOUS_INTERVAL_HIGH,
    tables.P_VALUE,
    tables.SIGNIFICANT,
)


def csv_table(table: pd.DataFrame) -> pd.DataFrame:
    """The indicator table as ``assess --format csv`` writes it: every computed figure rounded
    as the JSON data give it (a score to 1 decimal, progress to 2, intervals to 1, a p-value to
    3 significant digits), no longer a float's 15 digits (``-3036,32753537869``)."""
    shown = table.copy()
    places = {(tables.PROGRESS if key == _PROGRESS_KEY else key): n for key, n in _DECIMALS.items()}
    for key, decimals in places.items():
        if key in shown.columns:
            shown[key] = _decimals(shown[key], functools.partial(_rounded_to, decimals))
    if tables.P_VALUE in shown.columns:
        shown[tables.P_VALUE] = _decimals(shown[tables.P_VALUE], lambda v: significant(v, _P_DIGITS))  # fmt: skip
    return shown


def _rounded_to(places: int, value: object) -> str | None:
    return rounded(value, places)


def _decimals(column: pd.Series[Any], text: Callable[[Any], str | None]) -> pd.Series[Any]:
    """*column* as exact Decimals of the text *text* gives each value (``None`` if missing)."""
    values = [None if (t := text(v)) is None else Decimal(t) for v in column]
    return pd.Series(values, index=column.index, dtype=object)


def _json_value(key: str, value: Any, decimals: dict[str, int]) -> Any:
    """One cell as JSON: exact decimals and computed numbers as strings, integers as numbers."""
    if isinstance(value, tuple | list):
        return [str(item) for item in value]
    if not _present(value):
        return None
    if hasattr(value, "item"):
        value = value.item()  # NumPy scalars
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return exact(value)  # as printed in the source
    if key == tables.P_VALUE:
        return significant(value, _P_DIGITS)
    if key in decimals:
        return rounded(value, decimals[key])
    if isinstance(value, float) and value.is_integer() and key.endswith("year"):
        return int(value)
    number = _decimal(value)  # a float read from an exact value: shortest repr
    return exact(number.quantize(Decimal(1)) if float(value).is_integer() else number)


def _why_missing(key: str, row: dict[str, Any]) -> Why:
    in_source = _present(row.get(tables.MISSING_REASON)) or _present(row.get(tables.MISSING_MARKER))
    if key == tables.VALUE and in_source:
        return Why.MISSING_IN_SOURCE
    if key in _MISSING_COLUMNS and _present(row.get(tables.VALUE)):
        return Why.NOT_APPLICABLE
    if key in _MISSING_COLUMNS:
        return Why.NOT_STATED
    if key in _SURVEY_COLUMNS and not row.get(tables.SURVEY):
        return Why.NOT_A_SURVEY
    return _WHY.get(key, Why.NO_VALUE)


def _json_record(row: dict[str, Any], decimals: dict[str, int]) -> dict[str, Any]:
    row = {(_PROGRESS_KEY if key == tables.PROGRESS else key): value for key, value in row.items()}
    record: dict[str, Any] = {}
    for key, value in row.items():
        put(record, key, _json_value(key, value, decimals), _why_missing(key, row))
    return record


def _goal_record(row: dict[str, Any]) -> dict[str, Any]:
    """A goal's row, its coverage in percent (from the counts, as the text shows it)."""
    row = dict(row)
    row.pop(tables.COVERAGE, None)
    total = int(row[tables.INDICATORS])
    coverage = None if total == 0 else Decimal(int(row[tables.SCORED]) * 100) / total
    record = _json_record(row, _GOAL_DECIMALS)
    put(record, "coverage_percent", rounded(coverage, 0), Why.NO_VALUE)
    return record


def assessment_data(table: pd.DataFrame, goals: pd.DataFrame | None = None) -> dict[str, Any]:
    """The assessment as JSON-ready data (see "JSON data" in the reference).

    The records are the rows of the report's tables, under their column names:
    :func:`~citystrategy.reports.tables.indicator_values_table` (``indicators``) and
    :func:`~citystrategy.reports.tables.goal_scores_table` (``goals``); a result of
    :func:`~citystrategy.progress.assess` or :func:`~citystrategy.progress.assess_goals` is
    typed as those tables first. Values, changes and targets are exact decimal strings as
    printed; scores, survey intervals and the progress measure (``progress_percent``, in
    percent: 100 is on track) are strings rounded as the text shows them (p-values to three
    significant digits); a goal's coverage is in percent (``coverage_percent``); notes and
    target findings are lists. A missing value is ``None`` with its reason beside it
    (``"value": None, "value_missing": "missing_in_source"``, with ``missing_reason`` and
    ``missing_marker`` as the source gives them).

    Raises:
        ArgumentTypeError: If *table* or *goals* is not a DataFrame.
        AssessmentError: If one lacks a column of the table it stands for.
    """
    instance(table, "table", pd.DataFrame, "the DataFrame indicator_values_table() returns")
    if goals is not None:
        instance(goals, "goals", pd.DataFrame, "the DataFrame goal_scores_table() returns")
    values = _indicator_table(table)
    scores = None if goals is None else _goal_table(goals)
    data: dict[str, Any] = {"indicators": [_json_record(row, _DECIMALS) for row in _rows(values)]}
    if scores is not None:
        data["goals"] = [_goal_record(row) for row in _rows(scores)]
    return no_blank_texts(data, Why.NOT_APPLICABLE)
