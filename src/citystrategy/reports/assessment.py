"""The assessment of a strategy's indicators and goals, as a readable table, CSV or JSON."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Final

import pandas as pd

from citystrategy._arguments import instance, integer, member, real
from citystrategy.errors import ArgumentError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    LocaleLike,
    format_number,
    format_percentage_points,
    format_value,
    get_label,
    get_language,
)
from citystrategy.money import CURRENCIES
from citystrategy.progress import GOAL_COLUMNS, INDICATOR_COLUMNS, Method, Note, Status, Trend
from citystrategy.progress.strategy import check_table
from citystrategy.reports._json import Why, exact, put, rounded, significant
from citystrategy.reports.text import render_table

__all__ = ["assessment_data", "format_assessment"]

_LABELS: Final[dict[str, dict[str, Any]]] = {
    "pl": {
        "title": "Ocena postępu wskaźników: {year}\xa0r. (metoda: {method})",
        "indicators": (
            "Kod",
            "Wskaźnik",
            "Poprzednio",
            "Obecnie",
            "Zmiana",
            "Trend",
            "Cel",
            "Ocena",
            "Wynik",
        ),
        "goals_title": "Ocena celów (średnia wyników wskaźników, pokrycie co najmniej {coverage})",
        "goals": ("Cel", "Nazwa", "Wskaźniki", "Ocenione", "Pokrycie", "Wynik", "Ocena"),
        "survey": (
            "Wskaźniki z badania opinii: przedziały ufności 95% (Wilson) i test zmiany "
            "(dwie proporcje)"
        ),
        "survey_columns": ("Kod", "Poprzednio", "Obecnie", "p", "Trend"),
        "notes": "Uwagi",
        "missing": "brak wartości za {year}\xa0r. ({marker}: {text}); ocena według {used}\xa0r.",
        "flag": "(!) wartość docelowa sprzeczna z kierunkiem zmiany: ocena nie mówi o postępie (zob. citystrategy check)",
        "counts": "Oceny: {counts}",
        "methods": {
            "ratio": "wskaźnik postępu, Statistics Canada / Open SDG",
            "projection": "projekcja trendu",
        },
    },
    "en": {
        "title": "Progress of the indicators: {year} (method: {method})",
        "indicators": (
            "Code",
            "Indicator",
            "Previous",
            "Current",
            "Change",
            "Trend",
            "Target",
            "Status",
            "Score",
        ),
        "goals_title": "Goals (mean indicator score, coverage at least {coverage})",
        "goals": ("Goal", "Name", "Indicators", "Scored", "Coverage", "Score", "Status"),
        "survey": "Survey indicators: 95% Wilson intervals and a two-proportion test of the change",
        "survey_columns": ("Code", "Previous", "Current", "p", "Trend"),
        "notes": "Notes",
        "missing": "no value for {year} ({marker}: {text}); assessed on {used}",
        "flag": "(!) the target contradicts the direction: the status says nothing of progress (see citystrategy check)",
        "counts": "Statuses: {counts}",
        "methods": {
            "ratio": "progress ratio, Statistics Canada / Open SDG",
            "projection": "trend projection",
        },
    },
}
_NAME_WIDTH: Final = 48


def _present(value: object) -> bool:
    if value is None or value is pd.NA:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def _decimal(value: Any) -> Decimal:
    """Decimals stay exact; floats are read through their shortest repr."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def _short_unit(unit: str, language: str) -> str:
    if unit == "percent" or unit in CURRENCIES:
        return ""
    label = UNIT_LABELS.get(unit, {}).get(language, "")
    return "" if label.startswith("noun:") else label


def _value(value: Any, unit: str, locale: LocaleLike) -> str:
    if not _present(value):
        return "–"
    if unit == "percent" or unit in CURRENCIES:
        return format_value(_decimal(value), unit, locale=locale)
    return format_number(_decimal(value), locale=locale)


def _change(value: Any, unit: str, locale: LocaleLike) -> str:
    if not _present(value):
        return "–"
    change = _decimal(value)
    if unit == "percentage_point":
        return format_percentage_points(change, decimals=None, locale=locale)
    text = _value(change, unit, locale)
    return ("+" + text) if change > 0 else text


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _flagged(row: dict[str, Any]) -> bool:
    return "contradicts" in str(row.get("target_findings") or "")


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_assessment(
    table: pd.DataFrame,
    goals: pd.DataFrame | None = None,
    *,
    year: int,
    method: str = "ratio",
    min_coverage: float = 0.6,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The assessment as text: the indicator table, the survey intervals, the goal table, notes.

    Args:
        table: The result of :func:`citystrategy.progress.assess`.
        goals: The result of :func:`citystrategy.progress.assess_goals`, if wanted.
        year: The reporting year (for the title).
        method: The method used (for the title).
        min_coverage: The coverage threshold used for the goals (for the title).
        locale: Locale of the words and numbers.

    Raises:
        AssessmentError: If *table* or *goals* lacks a column of the result it stands for.
        ArgumentError: If *method* is unknown or *min_coverage* is outside [0, 1].
        ArgumentTypeError: If *year* is not an int.
    """
    language = get_language(locale)
    check_table(table, INDICATOR_COLUMNS)
    if goals is not None:
        check_table(goals, GOAL_COLUMNS)
    integer(year, "year")
    method = member(Method, method, "method").value
    if not 0 <= real(min_coverage, "min_coverage") <= 1:
        raise ArgumentError("min_coverage", min_coverage, "a share between 0 and 1")
    t = _LABELS[language]
    lines = [t["title"].format(year=year, method=t["methods"].get(method, method)), ""]
    rows = []
    for row in _rows(table):
        unit = str(row["unit"])
        label = _short_unit(unit, language)
        rows.append(
            [
                str(row["code"]),
                _truncate(str(row["name"]), _NAME_WIDTH) + (f" [{label}]" if label else ""),
                _value(row["previous_value"], unit, locale),
                _value(row["value"], unit, locale),
                _change(row["change"], str(row["change_unit"]), locale),
                get_label(Trend(row["trend"]), locale=locale),
                str(row["target_raw"]) or "–",
                get_label(Status(row["status"]), locale=locale) + (" (!)" if _flagged(row) else ""),
                "–"
                if not _present(row["score"])
                else format_number(_decimal(row["score"]), decimals=1, locale=locale),
            ]
        )
    lines.append(render_table(t["indicators"], rows, align="llrrrlrlr"))
    counts = table["status"].value_counts()
    summary = ", ".join(
        f"{get_label(status, locale=locale)} {int(counts[status.value])}"
        for status in Status
        if status.value in counts.index
    )
    lines += ["", t["counts"].format(counts=summary)]
    if any(_flagged(row) for row in _rows(table)):
        lines.append(t["flag"])
    survey = table[table["survey"] & table["p_value"].notna()]
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
                format_number(_decimal(row["p_value"]), decimals=3, locale=locale),
                get_label(Trend(row["trend"]), locale=locale),
            ]
            for row in _rows(survey)
        ]
        lines += [
            "",
            t["survey"],
            "",
            render_table(t["survey_columns"], survey_rows, align="lrrrl"),
        ]
    if goals is not None:
        goal_rows = [
            [
                str(row["goal"]),
                _truncate(str(row["name"]), _NAME_WIDTH),
                str(row["indicators"]),
                str(row["scored"]),
                format_number(_decimal(row["coverage"] * 100), decimals=0, locale=locale) + "%",
                "–"
                if not _present(row["score"])
                else format_number(_decimal(row["score"]), decimals=2, locale=locale),
                get_label(Status(row["status"]), locale=locale),
            ]
            for row in _rows(goals)
        ]
        coverage = format_number(_decimal(min_coverage * 100), decimals=0, locale=locale) + "%"
        lines += [
            "",
            t["goals_title"].format(coverage=coverage),
            "",
            render_table(t["goals"], goal_rows, align="llrrrrl"),
        ]
    noted = table[(table["notes"].fillna("") != "") | (table["missing"].fillna("") != "")]
    if len(noted):
        lines += ["", t["notes"] + ":"]
        for row in _rows(noted):
            words = [
                get_label(Note(code), locale=locale)
                for code in str(row["notes"] or "").split(";")
                if code
            ]
            if row["missing"]:
                missing = t["missing"].format(
                    year=year,
                    marker=row["missing_marker"],
                    text=row["missing"],
                    used=row["current_year"],
                )
                words.insert(0, missing)
            lines.append(f"  {row['code']}: {'; '.join(words)}")
    return "\n".join(lines)


def _interval(value: Any, low: Any, high: Any, locale: LocaleLike) -> str:
    if not (_present(value) and _present(low) and _present(high)):
        return "–"
    shown = [format_number(_decimal(v), decimals=1, locale=locale) for v in (value, low, high)]
    return f"{shown[0]}% ({shown[1]}–{shown[2]})"


#: How each computed column is rounded in the JSON data: decimals, as the text shows them.
_DECIMALS: Final = {
    "score": 1,
    "interval_low": 1,
    "interval_high": 1,
    "previous_interval_low": 1,
    "previous_interval_high": 1,
    "progress": 4,  # not shown; four decimals keep it on the right side of every threshold
}
#: Decimals of a goal's score and coverage, as the text shows them.
_GOAL_DECIMALS: Final = {"score": 2, "coverage_percent": 0}
#: Significant digits of a p-value.
_P_DIGITS: Final = 3
#: Why a value of a column is missing, where it is not "no value to compute it from".
_WHY: Final = {
    "target": Why.NOT_STATED,
    "target_year": Why.NOT_STATED,
    "progress": Why.NOT_ASSESSABLE,
    "score": Why.NOT_ASSESSABLE,
}
_SURVEY_COLUMNS: Final = (
    "interval_low",
    "interval_high",
    "previous_interval_low",
    "previous_interval_high",
    "p_value",
)


def _json_value(key: str, value: Any, decimals: dict[str, int]) -> Any:
    """One cell as JSON: exact decimals and computed numbers as strings, integers as numbers."""
    if not _present(value):
        return None
    if hasattr(value, "item"):
        value = value.item()  # NumPy scalars
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return exact(value)  # as printed in the source
    if key == "p_value":
        return significant(value, _P_DIGITS)
    if key in decimals:
        return rounded(value, decimals[key])
    if isinstance(value, float) and value.is_integer() and key.endswith("year"):
        return int(value)
    number = _decimal(value)  # a float read from an exact value (a target): shortest repr
    return exact(number.quantize(Decimal(1)) if float(value).is_integer() else number)


def _why_missing(key: str, row: dict[str, Any]) -> Why:
    if key == "value" and str(row.get("missing") or ""):
        return Why.MISSING_IN_SOURCE
    if key in _SURVEY_COLUMNS and not row.get("survey"):
        return Why.NOT_A_SURVEY
    return _WHY.get(key, Why.NO_VALUE)


def _json_record(row: dict[str, Any], decimals: dict[str, int]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in row.items():
        put(record, key, _json_value(key, value, decimals), _why_missing(key, row))
    return record


def _goal_record(row: dict[str, Any]) -> dict[str, Any]:
    """A goal's row, its coverage in percent (from the counts, as the text shows it)."""
    row = dict(row)
    coverage = row.pop("coverage", None)
    if "indicators" in row and "scored" in row:
        total = int(row["indicators"])
        coverage = None if total == 0 else Decimal(int(row["scored"]) * 100) / total
    elif coverage is not None:
        coverage = _decimal(coverage) * 100  # no counts to compute it from: the share given
    record = _json_record(row, _GOAL_DECIMALS)
    put(record, "coverage_percent", rounded(coverage, 0), Why.NO_VALUE)
    return record


def assessment_data(table: pd.DataFrame, goals: pd.DataFrame | None = None) -> dict[str, Any]:
    """The assessment as JSON-ready data (see "JSON data" in the reference).

    Values, changes and targets are exact decimal strings as printed; scores, survey intervals
    and the progress measure are strings rounded as the text shows them (p-values to three
    significant digits); a goal's coverage is in percent (``coverage_percent``). A missing
    value is ``None`` with its reason beside it (``"value": None, "value_missing":
    "missing_in_source"``, with ``missing`` and ``missing_marker`` as the source gives them).
    """
    instance(table, "table", pd.DataFrame, "the DataFrame assess() returns")
    if goals is not None:
        instance(goals, "goals", pd.DataFrame, "the DataFrame assess_goals() returns")
    data: dict[str, Any] = {"indicators": [_json_record(row, _DECIMALS) for row in _rows(table)]}
    if goals is not None:
        data["goals"] = [_goal_record(row) for row in _rows(goals)]
    return data
