"""The report's blocks built from the tables of :mod:`citystrategy.reports.tables.indicators`.

Imported by that module, which exports these functions; every word comes from the catalogue.
The annual report and the indicator site build section 3 from the indicator table they have
already computed (:func:`indicators_section_from`) and name units as the tables do
(:func:`unit_label`).
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd
from babel import Locale

from citystrategy._arguments import instance, integer
from citystrategy._i18n import gettext, language, ngettext, pgettext
from citystrategy.formatting import (
    UNIT_LABELS,
    LocaleLike,
    format_count,
    format_percent,
    get_label,
    get_locale,
)
from citystrategy.formatting._labels import unit_name
from citystrategy.frames import INDICATOR, SOURCE, TERRITORY, UNIT, YEAR
from citystrategy.model import Strategy, TargetKind
from citystrategy.percent import as_percent
from citystrategy.progress import MIN_COVERAGE, Method, Note, ProgressOptions, Status, Trend
from citystrategy.reports.cells import reason_words
from citystrategy.reports.document import (
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Heading,
    Paragraph,
    Section,
    Table,
)
from citystrategy.reports.findings import kind_name
from citystrategy.reports.tables.indicators import (
    _NO_OBSERVATION,
    ABOUT,
    CHANGE,
    CHANGE_UNIT,
    CODE,
    COVERAGE,
    DESCRIPTION,
    GOAL,
    INDICATORS,
    KIND,
    LEVEL,
    MISSING_CODE,
    MISSING_MARKER,
    MISSING_REASON,
    NAME,
    NOTES,
    P_VALUE,
    PREVIOUS_VALUE,
    PREVIOUS_YEAR,
    PROGRESS,
    SCORE,
    SCORED,
    SEVERITY,
    SEVERITY_TONES,
    SIGNIFICANT,
    STATUS,
    STATUS_TONES,
    STRATEGIC_GOAL,
    TARGET_FINDINGS,
    TARGET_HIGH,
    TARGET_KIND,
    TARGET_LOW,
    TARGET_VALUE,
    TARGET_YEAR,
    TREND,
    TREND_TONES,
    VALUE,
    _contradicts,
    _present,
    findings_table,
    goal_scores_table,
    indicator_values_table,
    observations_table,
)
from citystrategy.validation import FindingKind, Severity, ValidationReport, check

__all__ = ["data_table_block", "findings_section", "goal_scores_section", "indicators_section"]

#: Columns the sections add: why a shown value is missing, in the report's language.
_VALUE_NOTE: Final = "value_note"
_PREVIOUS_NOTE: Final = "previous_note"
_TARGET_NOTE: Final = "target_note"
_ASSESSMENT_NOTE: Final = "assessment_note"
_REASON: Final = "reason"
_UNIT_LABEL: Final = "unit_label"


def unit_label(unit: str, locale: LocaleLike) -> str:
    """A unit as a reader writes it (``µg/m³``, ``zł``, ``osób``); plain counts have none."""
    labels = UNIT_LABELS.get(unit)
    if labels is None:
        return unit  # not a unit of the registry: as the data give it
    label = labels["pl" if get_locale(locale).language == "pl" else "en"]
    if label.startswith("noun:"):  # the plural of a counted noun: "dni", "days"
        return format_count(5, label.removeprefix("noun:"), locale=locale).partition(" ")[2]
    return label


def _status_labels(locale: LocaleLike) -> dict[str, str]:
    return {status.value: get_label(status, locale=locale) for status in Status}


def _severity_labels(locale: LocaleLike) -> dict[str, str]:
    return {
        Severity.ERROR.value: pgettext("severity", "error", locale),
        Severity.WARNING.value: pgettext("severity", "warning", locale),
        Severity.INFO.value: pgettext("severity", "note", locale),
    }


def _trend_labels(locale: LocaleLike) -> dict[str, str]:
    return {trend.value: get_label(trend, locale=locale) for trend in Trend}


def _method_name(method: str, locale: LocaleLike) -> str:
    """The method as reports/assessment.py names it (the same messages)."""
    if method == Method.PROJECTION.value:
        return pgettext("assessment method", "trend projection", locale)
    return pgettext("assessment method", "progress ratio, Statistics Canada / Open SDG", locale)


def _value_note(row: dict[str, Any], year: int, locale: LocaleLike) -> str | None:
    if _present(row[VALUE]):
        return None
    if row[MISSING_CODE] == _NO_OBSERVATION:
        return pgettext("indicator table", "no value for {year}", locale).format(year=year)
    text = reason_words(row[MISSING_REASON] or "", locale).rstrip(". ")
    template = gettext("no value for {year} ({marker}): {text}", locale)
    return template.format(year=year, marker=row[MISSING_MARKER], text=text)


def _assessment_note(row: dict[str, Any], locale: LocaleLike) -> str | None:
    if _present(row[SCORE]):
        return None
    notes = [get_label(Note(code), locale=locale) for code in row[NOTES] if code in set(Note)]
    return "; ".join(notes) or get_label(Status.NOT_ASSESSABLE, locale=locale)


def _with_notes(frame: pd.DataFrame, year: int, locale: LocaleLike) -> pd.DataFrame:
    """*frame* with the reasons for its missing values in the report's language."""
    rows = [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]
    shown = frame.copy()
    shown[_VALUE_NOTE] = [_value_note(row, year, locale) for row in rows]
    no_previous = pgettext("indicator table", "no earlier value", locale)
    shown[_PREVIOUS_NOTE] = [None if _present(row[PREVIOUS_VALUE]) else no_previous for row in rows]
    no_target = pgettext("indicator table", "no target", locale)
    shown[_TARGET_NOTE] = [None if _present(row[TARGET_KIND]) else no_target for row in rows]
    shown[_ASSESSMENT_NOTE] = [_assessment_note(row, locale) for row in rows]
    shown.attrs = dict(frame.attrs)
    return shown


def _indicator_columns(year: int, ranges: bool, locale: LocaleLike) -> tuple[Column, ...]:
    yes_no = {
        True: pgettext("indicator table", "yes", locale),
        False: pgettext("indicator table", "no", locale),
    }
    kinds = {kind.value: get_label(kind, locale=locale) for kind in TargetKind}
    value_title = pgettext("indicator table", "Value in {year}", locale).format(year=year)
    progress_note = pgettext(
        "indicator table",
        "The pace of change as a percentage of the pace needed to reach the target by its year "
        "(100 is on track); without a target, the annual growth in percent. A small distance "
        "still to go makes it large: a change against the target 30 times the pace needed "
        "reads minus 3000 percent. A target already met keeps its status whatever the "
        "pace.",
        locale,
    )
    measure = ColumnKind.MEASURE
    band = (
        (
            Column(
                TARGET_LOW,
                pgettext("indicator table", "Target from", locale),
                measure,
                unit_key=UNIT,
            ),
            Column(
                TARGET_HIGH,
                pgettext("indicator table", "Target to", locale),
                measure,
                unit_key=UNIT,
            ),
        )
        if ranges
        else ()
    )
    return (
        Column(GOAL, pgettext("assessment column", "Goal", locale)),
        Column(CODE, pgettext("assessment column", "Code", locale)),
        Column(NAME, pgettext("assessment column", "Indicator", locale)),
        Column(VALUE, value_title, measure, unit_key=UNIT, reason_key=_VALUE_NOTE),
        Column(
            PREVIOUS_VALUE,
            pgettext("indicator table", "Previous value", locale),
            measure,
            unit_key=UNIT,
            reason_key=_PREVIOUS_NOTE,
        ),
        Column(
            PREVIOUS_YEAR, pgettext("indicator table", "Previous year", locale), ColumnKind.YEAR
        ),
        Column(
            CHANGE,
            pgettext("assessment column", "Change", locale),
            measure,
            unit_key=CHANGE_UNIT,
            signed=True,
        ),
        Column(
            TARGET_KIND,
            pgettext("indicator table", "Target kind", locale),
            labels=kinds,
            reason_key=_TARGET_NOTE,
        ),
        Column(
            TARGET_VALUE,
            pgettext("assessment column", "Target", locale),
            measure,
            unit_key=UNIT,
            reason_key=_TARGET_NOTE,
        ),
        *band,
        Column(TARGET_YEAR, pgettext("indicator table", "Target year", locale), ColumnKind.YEAR),
        Column(
            STATUS,
            pgettext("assessment column", "Status", locale),
            ColumnKind.STATUS,
            labels=_status_labels(locale),
            tones=STATUS_TONES,
        ),
        Column(
            PROGRESS,
            pgettext("indicator table", "Progress", locale),
            ColumnKind.PROGRESS,
            decimals=0,
            reason_key=_ASSESSMENT_NOTE,
            note=progress_note,
        ),
        Column(
            SCORE,
            pgettext("assessment column", "Score", locale),
            ColumnKind.SCORE,
            decimals=1,
            reason_key=_ASSESSMENT_NOTE,
        ),
        Column(
            TREND,
            pgettext("assessment column", "Trend", locale),
            ColumnKind.STATUS,
            labels=_trend_labels(locale),
            tones=TREND_TONES,
        ),
        Column(P_VALUE, "p", ColumnKind.P_VALUE),
        Column(
            SIGNIFICANT,
            pgettext("indicator table", "Significant change", locale),
            ColumnKind.BOOLEAN,
            labels=yes_no,
        ),
    )


def _contradicting_note(rows: pd.DataFrame, locale: LocaleLike) -> str:
    """The table's note naming the indicators whose target contradicts their direction: their
    status ("cel osiągnięty") says nothing of progress, as ``assess`` marks with (!)."""
    if TARGET_FINDINGS not in rows.columns:
        return ""
    codes = [
        str(code)
        for code, kinds in zip(rows[CODE], rows[TARGET_FINDINGS], strict=True)
        if _contradicts(kinds)
    ]
    if not codes:
        return ""
    note = ngettext(
        "The target of {codes} contradicts the direction of change: its status says nothing of "
        "progress (see the findings on the data).",
        "The targets of {codes} contradict the direction of change: their status says nothing "
        "of progress (see the findings on the data).",
        len(codes),
        locale,
    )
    return note.format(codes=", ".join(codes))


def _goal_blocks(
    code: str,
    name: str | None,
    rows: pd.DataFrame,
    columns: tuple[Column, ...],
    locale: LocaleLike,
) -> list[Heading | Table | Chart]:
    if name is None:
        heading = pgettext("indicator table", "Indicators of unknown goals", locale)
    else:
        heading = pgettext("indicator table", "Strategic goal {code}. {name}", locale)
        heading = heading.format(code=code, name=name)
    title = pgettext("indicator table", "Indicators of strategic goal {code}", locale)
    table = Table(
        rows.reset_index(drop=True),
        columns,
        title=title.format(code=code),
        name=f"goal_{code}",
        note=_contradicting_note(rows, locale),
    )
    chart_title = pgettext(
        "indicator table",
        "Progress of the indicators of strategic goal {code} (score from −5 to +5)",
        locale,
    )
    score = pgettext("assessment column", "Score", locale)
    chart_table = Table(
        rows[[CODE, NAME, SCORE, _ASSESSMENT_NOTE]].reset_index(drop=True),
        (
            Column(CODE, pgettext("assessment column", "Code", locale)),
            Column(NAME, pgettext("assessment column", "Indicator", locale)),
            Column(SCORE, score, ColumnKind.SCORE, decimals=1, reason_key=_ASSESSMENT_NOTE),
        ),
        name=f"goal_{code}_chart",
    )
    chart = Chart(
        ChartKind.BAR,
        chart_title.format(code=code),
        chart_table,
        CODE,
        (SCORE,),
        axis_title=score,
    )
    return [Heading(heading, 2), table, chart]


def indicators_section(
    strategy: Strategy,
    year: int,
    *,
    locale: LocaleLike = "pl_PL",
    options: ProgressOptions | None = None,
) -> Section:
    """Section 3 of the report, the indicators' values: per strategic goal a table and a chart.

    Each strategic goal has a heading, a table of its impact indicators and of its operational
    goals' result indicators (value, previous value, change, target, status, progress, score,
    trend and, for survey shares, the p-value and whether the change is significant; every
    missing value with its reason) and a bar chart of its indicators' scores. Indicators of a
    goal the strategy does not have come last, under a heading of their own.

    Raises:
        ArgumentTypeError: If an argument has the wrong type.
        ArgumentError: If *locale* is not a locale.
        YearError: If no indicator has a value in *year*.
    """
    loc = get_locale(locale)
    return indicators_section_from(
        strategy, year, indicator_values_table(strategy, year, options=options), loc
    )


def indicators_section_from(
    strategy: Strategy, year: int, frame: pd.DataFrame, loc: Locale
) -> Section:
    """:func:`indicators_section` from the indicator table already computed (the report's)."""
    shown = _with_notes(frame, year, loc)
    method = str(frame.attrs["settings"]["method"])
    ranges = bool(frame[TARGET_LOW].notna().any())
    columns = _indicator_columns(year, ranges, loc)
    intro = pgettext(
        "indicator table",
        "Values of the indicators in {year} and in the previous year, the change (for a "
        "percentage in percentage points), the target and the progress towards it (method: "
        "{method}).",
        loc,
    )
    blocks: list[Heading | Paragraph | Table | Chart] = [
        Heading(pgettext("indicator table", "3. Indicator values", loc), 1),
        Paragraph(intro.format(year=year, method=_method_name(method, loc))),
    ]
    known = [goal.code for goal in strategy.strategic_goals]
    for goal in strategy.strategic_goals:
        rows = shown[shown[STRATEGIC_GOAL] == goal.code]
        if len(rows):
            blocks += _goal_blocks(goal.code, goal.name, rows, columns, loc)
    others = shown[~shown[STRATEGIC_GOAL].isin(known)]
    if len(others):
        blocks += _goal_blocks("other", None, others, columns, loc)
    sheet = pgettext("sheet", "3. Indicators", loc)
    return Section(pgettext("indicator table", "3. Indicator values", loc), blocks, sheet=sheet)


def goal_scores_section(
    strategy: Strategy,
    year: int,
    *,
    locale: LocaleLike = "pl_PL",
    options: ProgressOptions | None = None,
    min_coverage: object = MIN_COVERAGE,
) -> Section:
    """The goals' scores: one table of the strategic and operational goals.

    Raises:
        ArgumentTypeError: If an argument has the wrong type.
        ArgumentError: If *locale* is not a locale or *min_coverage* is outside 0–100%.
        YearError: If no indicator has a value in *year*.
    """
    loc = get_locale(locale)
    frame = goal_scores_table(strategy, year, options=options, min_coverage=min_coverage)
    threshold = as_percent(frame.attrs["settings"]["min_coverage"], "min_coverage")
    shown = frame.copy()
    places = 0 if threshold == threshold.to_integral_value() else 1  # 60%, 62,5%
    coverage = format_percent(threshold, decimals=places, locale=loc)
    too_few = pgettext("goal table", "fewer than {coverage} of its indicators have a score", loc)
    not_scored = too_few.format(coverage=coverage)
    shown[_REASON] = [None if _present(score) else not_scored for score in frame[SCORE]]
    levels = {
        "strategic": pgettext("goal level", "strategic goal", loc),
        "operational": pgettext("goal level", "operational goal", loc),
    }
    columns = (
        Column(GOAL, pgettext("assessment column", "Goal", loc)),
        Column(NAME, pgettext("assessment column", "Name", loc)),
        Column(LEVEL, pgettext("indicator table", "Level", loc), labels=levels),
        Column(INDICATORS, pgettext("assessment column", "Indicators", loc), ColumnKind.INTEGER),
        Column(SCORED, pgettext("assessment column", "Scored", loc), ColumnKind.INTEGER),
        Column(
            COVERAGE, pgettext("assessment column", "Coverage", loc), ColumnKind.PERCENT, decimals=0
        ),
        Column(
            SCORE,
            pgettext("assessment column", "Score", loc),
            ColumnKind.SCORE,
            decimals=2,
            reason_key=_REASON,
        ),
        Column(
            STATUS,
            pgettext("assessment column", "Status", loc),
            ColumnKind.STATUS,
            labels=_status_labels(loc),
            tones=STATUS_TONES,
        ),
    )
    title = gettext("Goals (mean indicator score, coverage at least {coverage})", loc)
    table = Table(shown, columns, title=title.format(coverage=coverage), name="goals")
    heading = pgettext("indicator table", "Goal scores", loc)
    return Section(heading, (Heading(heading, 1), table), sheet=pgettext("sheet", "Goals", loc))


def _findings_of(report: ValidationReport, year: int) -> ValidationReport:
    """The findings that do not concern a later year than *year*."""
    kept = []
    for finding in report:
        about = finding.detail("year")
        if not isinstance(about, int) or about <= year:
            kept.append(finding)
    return ValidationReport(strategy=report.strategy, findings=kept)


def report_findings(strategy: Strategy, year: int) -> ValidationReport:
    """The findings the report on *year* shows: its own declared figures checked, no later year."""
    reported = year in {report.year for report in strategy.reports}
    return _findings_of(check(strategy, year=year) if reported else check(strategy), year)


def findings_section(strategy: Strategy, *, year: int, locale: LocaleLike = "pl_PL") -> Section:
    """The findings on the strategy's data, most serious first; none about a year after *year*,
    and of the figures reports declare, those of the report on *year*.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy or *year* not an int.
        ArgumentError: If *locale* is not a locale.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    loc = get_locale(locale)
    frame = findings_table(report_findings(strategy, year), locale=loc)
    order = {Severity.ERROR.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}
    frame = frame.sort_values(SEVERITY, key=lambda s: s.map(order), kind="stable")
    frame = frame.reset_index(drop=True)
    frame.attrs["settings"] = frame.attrs.get("settings", {}) | {"year": year}
    severities = _severity_labels(loc)
    kinds = {kind.value: kind_name(kind, locale=loc) for kind in FindingKind}
    shown = frame.copy()
    total = pgettext("finding subject", "total", loc)
    shown[_REASON] = [
        total if about == "report" else code
        for about, code in zip(frame[ABOUT], frame[CODE], strict=True)
    ]
    columns = (
        Column(
            SEVERITY,
            pgettext("findings column", "Severity", loc),
            ColumnKind.STATUS,
            labels=severities,
            tones=SEVERITY_TONES,
        ),
        Column(KIND, pgettext("findings column", "Kind", loc), labels=kinds),
        Column(_REASON, pgettext("findings column", "About", loc)),
        Column(DESCRIPTION, pgettext("findings column", "Description", loc)),
    )
    title = gettext("Findings on the data of {title}", loc).format(title=strategy.title)
    heading = pgettext("indicator table", "Findings on the data", loc)
    blocks: list[Heading | Paragraph | Table] = [Heading(heading, 1)]
    if len(frame):
        blocks.append(Table(shown, columns, title=title, name="findings"))
    else:
        blocks.append(Paragraph(gettext("No findings.", loc)))
    return Section(heading, blocks, sheet=pgettext("sheet", "Findings", loc))


def data_table_block(strategy: Strategy, *, locale: LocaleLike = "pl_PL") -> Table:
    """The long data as the table of :attr:`Report.data <citystrategy.reports.Report.data>`.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy.
        ArgumentError: If *locale* is not a locale.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    loc = get_locale(locale)
    frame = observations_table(strategy)
    shown = frame.copy()
    # the unit named in a column of its own: a plain count is "liczba", never an empty cell
    labels = {unit: unit_name(unit, language(loc)) for unit in frame[UNIT].unique()}
    shown[_UNIT_LABEL] = frame[UNIT].map(labels)
    shown[_REASON] = [
        f"{marker}: {reason_words(text, loc).rstrip('. ')}" if _present(marker) else None
        for marker, text in zip(frame[MISSING_MARKER], frame[MISSING_REASON], strict=True)
    ]
    columns = (
        Column(TERRITORY, pgettext("data table", "Territory (TERYT)", loc)),
        Column(INDICATOR, pgettext("assessment column", "Indicator", loc)),
        Column(YEAR, pgettext("data table", "Year", loc), ColumnKind.YEAR),
        # a plain number (the unit is in the column beside it, said once); a missing one empty,
        # its reason in a column of its own, so that the column holds numbers only
        Column(VALUE, pgettext("data table", "Value", loc), ColumnKind.NUMBER),
        Column(_UNIT_LABEL, pgettext("data table", "Unit", loc)),
        Column(_REASON, pgettext("data table", "Why the value is missing", loc)),
        Column(SOURCE, pgettext("data table", "Source", loc)),
    )
    return Table(shown, columns, title=pgettext("data table", "Data", loc), name="data")
