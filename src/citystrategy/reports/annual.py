"""The annual report ("Roczny raport z realizacji strategii") as a :class:`~.document.Report`.

:func:`annual_report` puts together the standard composition: a summary, then the report's own
outline (1 introduction; 2 projects carried out and their cost; 3 indicator values; the goals'
scores; 4–7 the texts: problems and risks, the team's actions, recommendations, further actions)
and the findings on the data, with the long data for a data sheet. Every part is also a function
of :mod:`citystrategy.reports.tables`, so a custom report takes only the parts it needs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from importlib.metadata import PackageNotFoundError, version
from typing import Final

import pandas as pd
from babel import Locale

from citystrategy._arguments import instance, integer
from citystrategy._i18n import gettext, ngettext, pgettext
from citystrategy.costs import (
    catalogue_total,
    completed_projects,
    completed_total,
    project_currencies,
)
from citystrategy.formatting import LocaleLike, format_date, format_money, get_locale
from citystrategy.model import Strategy
from citystrategy.progress import ProgressOptions, Status
from citystrategy.reports.document import (
    Column,
    ColumnKind,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
)
from citystrategy.reports.tables import (
    SEVERITY_TONES,
    STATUS_TONES,
    data_table_block,
    findings_section,
    goal_scores_section,
    indicator_values_table,
)
from citystrategy.reports.tables._indicator_sections import (
    _severity_labels,
    _status_labels,
    indicators_section_from,
    report_findings,
)
from citystrategy.reports.tables.indicators import STATUS
from citystrategy.reports.tables.projects import (
    _report,
    introduction_section,
    projects_section,
    texts_sections,
)
from citystrategy.validation import Severity

__all__ = ["annual_report", "summary_section"]

#: Columns of the summary's tables.
_COUNT: Final = "count"
_SHARE: Final = "share"
_SEVERITY: Final = "severity"


def _version() -> str:
    try:
        return version("citystrategy")
    except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
        return ""


def _status_table(frame: pd.DataFrame, locale: LocaleLike) -> Table:
    statuses = [status.value for status in Status]
    counts = frame[STATUS].value_counts()
    total = int(counts.sum())
    rows = pd.DataFrame(
        {
            STATUS: statuses,
            _COUNT: pd.array([int(counts.get(s, 0)) for s in statuses], dtype="Int64"),
            _SHARE: [
                100 * int(counts.get(s, 0)) / total if total else float("nan") for s in statuses
            ],
        }
    )
    labels = _status_labels(locale)
    columns = (
        Column(
            STATUS,
            pgettext("summary table", "Status", locale),
            ColumnKind.STATUS,
            labels=labels,
            tones=STATUS_TONES,
        ),
        Column(_COUNT, pgettext("summary table", "Indicators", locale), ColumnKind.INTEGER),
        Column(_SHARE, pgettext("summary table", "Share", locale), ColumnKind.PERCENT, decimals=1),
    )
    title = pgettext("summary table", "Indicators by progress status", locale)
    return Table(rows, columns, title=title, name="statuses")


def _findings_table(strategy: Strategy, year: int, locale: LocaleLike) -> Table:
    counts = Counter(finding.severity for finding in report_findings(strategy, year))
    severities = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    rows = pd.DataFrame(
        {
            _SEVERITY: [s.value for s in severities],
            _COUNT: pd.array([int(counts.get(s, 0)) for s in severities], dtype="Int64"),
        }
    )
    labels = _severity_labels(locale)
    columns = (
        Column(
            _SEVERITY,
            pgettext("findings column", "Severity", locale),
            ColumnKind.STATUS,
            labels=labels,
            tones=SEVERITY_TONES,
        ),
        Column(_COUNT, pgettext("summary table", "Findings", locale), ColumnKind.INTEGER),
    )
    title = pgettext("summary table", "Findings on the data, by severity", locale)
    return Table(rows, columns, title=title, name="finding_counts")


def _title(strategy: Strategy, year: int, locale: LocaleLike) -> str:
    template = gettext("Annual report on the implementation of the strategy in {year}", locale)
    return template.format(year=year)


def summary_section(
    strategy: Strategy,
    year: int,
    *,
    locale: LocaleLike = "pl_PL",
    options: ProgressOptions | None = None,
) -> Section:
    """The report's summary: what it covers, the year's projects and cost, the indicators by
    status and the findings on the data by severity.

    Raises:
        ArgumentTypeError: If an argument has the wrong type.
        ArgumentError: If *locale* is not a locale.
        YearError: If the strategy has no annual report or no values for *year*.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    loc = get_locale(locale)
    _report(strategy, year)  # a year without a report: said before the indicators are assessed
    return _summary(strategy, year, indicator_values_table(strategy, year, options=options), loc)


def _summary(strategy: Strategy, year: int, frame: pd.DataFrame, loc: Locale) -> Section:
    """:func:`summary_section` from the indicator table already computed (the report's)."""
    report = _report(strategy, year)
    title = pgettext("sheet", "Summary", loc)
    blocks: list[Heading | Paragraph | Table] = [Heading(title, 1)]
    about = gettext(
        "{title}, {territory}. The period covered: {start} to {end}; drawn up on {drawn}.", loc
    )
    blocks.append(
        Paragraph(
            about.format(
                title=strategy.title,
                territory=strategy.territory.name,
                start=format_date(report.period_start, locale=loc),
                end=format_date(report.period_end, locale=loc),
                drawn=format_date(report.drawn_up_on or dt.date.today(), locale=loc),
            )
        )
    )
    done = completed_projects(strategy, year)
    if len(project_currencies(strategy)) <= 1:
        costs = ngettext(
            "{count} project completed in {year}, costing {cost}; the whole catalogue: {all} projects, {catalogue}.",
            "{count} projects completed in {year}, costing {cost} in total; the whole catalogue: {all} projects, {catalogue}.",
            len(done),
            loc,
        )
        if not done:
            costs = gettext(
                "No project was completed in {year}; the whole catalogue: {all} projects, {catalogue}.",
                loc,
            )
        blocks.append(
            Paragraph(
                costs.format(
                    count=len(done),
                    year=year,
                    cost=format_money(completed_total(strategy, year), locale=loc),
                    all=len(strategy.projects),
                    catalogue=format_money(catalogue_total(strategy), locale=loc),
                )
            )
        )
        declared = report.declared
        if declared is not None and declared.total_cost != completed_total(strategy, year):
            differs = gettext(
                "The report declares {declared}; section 2 sets the computed and the declared "
                "figures side by side.",
                loc,
            )
            blocks.append(
                Paragraph(differs.format(declared=format_money(declared.total_cost, locale=loc)))
            )
    blocks.append(_status_table(frame, loc))
    blocks.append(_findings_table(strategy, year, loc))
    made = gettext("Made with citystrategy {version} on {date}", loc)
    blocks.append(
        Paragraph(made.format(version=_version(), date=format_date(dt.date.today(), locale=loc)))
    )
    return Section(title, blocks, sheet=title)


def annual_report(
    strategy: Strategy,
    year: int,
    *,
    locale: LocaleLike = "pl_PL",
    options: ProgressOptions | None = None,
    data: bool = True,
) -> Report:
    r"""The standard annual report on *strategy* for *year*, ready for any writer.

    Sections: the summary, 1 introduction, 2 projects and their cost (the computed and the
    declared per-goal table side by side, each discrepancy marked; the spending per strategic goal
    as pies), 3 indicator values per goal (with a chart of their progress), the goals' scores,
    the texts of sections 4–7, and the findings on the data. With *data*, the long data go to
    :attr:`Report.data <citystrategy.reports.document.Report.data>`.

    >>> from citystrategy.cities import kielce
    >>> report = annual_report(kielce.load(), 2023)
    >>> report.title
    'Roczny raport z realizacji strategii w 2023\xa0r.'
    >>> [section.sheet for section in report.sections][:4]
    ['Podsumowanie', '1. Informacje wstępne', '2. Projekty i koszty', '3. Wskaźniki']

    Raises:
        ArgumentTypeError: If an argument has the wrong type.
        ArgumentError: If *locale* is not a locale.
        YearError: If the strategy has no annual report or no values for *year*.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    loc = get_locale(locale)
    _report(strategy, year)  # a year without a report: said before the indicators are assessed
    values = indicator_values_table(strategy, year, options=options)  # once, for two sections
    sections = [
        _summary(strategy, year, values, loc),
        introduction_section(strategy, year, locale=loc),
        projects_section(strategy, year, locale=loc),
        indicators_section_from(strategy, year, values, loc),
        goal_scores_section(strategy, year, locale=loc, options=options),
        *texts_sections(strategy, year, locale=loc),
        findings_section(strategy, year=year, locale=loc),
    ]
    return Report(
        title=_title(strategy, year, loc),
        sections=tuple(sections),
        locale=str(loc),
        subject=strategy.title,
        author=strategy.territory.name,
        created=dt.date.today(),
        data=data_table_block(strategy, locale=loc) if data else None,
        data_title=pgettext("sheet", "Data", loc),
    )
