r"""The indicator site: a folder of static web pages, one per goal and indicator, with charts.

:func:`write_site` writes, for a strategy and a reporting year::

    index.html                 the strategy's title and year, the status summary per goal
    style.css                  the one style sheet of every page (the HTML report's, and a few
                               rules of the site's own)
    goals/<goal>.html          a strategic goal: its operational goals, its indicators with their
                               status, value and target, and its progress chart
    indicators/<code>.html     an indicator: its chart with the target line, its values, its
                               metadata and findings, and a link to its data
    indicators/<code>.csv      its values as CSV (:mod:`citystrategy.reports.csv`: ``;`` and a
                               decimal comma in Polish, RFC 4180 in English)

Every link is relative, so the folder works opened from disk and from any web server; a page
needs nothing else (no scripts, fonts, images or addresses outside the folder). Pages are made
from the HTML report's Jinja2 environment with autoescaping on: every text from the data is
escaped. A status is shown by its word, an icon and a colour (the HTML report's, WCAG AA). File
names are slugs of the codes (``KIE-3.1-01`` is ``kie-3-1-01``), safe on every system.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import pandas as pd
from attrs import frozen
from markupsafe import Markup

from citystrategy._arguments import instance, integer
from citystrategy._i18n import language, ngettext, pgettext
from citystrategy._output import atomic_directory
from citystrategy.errors import ArgumentError, ArgumentTypeError, OutputExistsError
from citystrategy.formatting import (
    LocaleLike,
    format_number,
    format_target,
    format_value,
    get_label,
    get_locale,
)
from citystrategy.formatting._labels import unit_name
from citystrategy.frames import SOURCE, UNIT, YEAR
from citystrategy.model import Indicator, Strategy
from citystrategy.progress import Status
from citystrategy.progress.strategy import survey_samples
from citystrategy.reports._web import (
    Cell,
    ColumnView,
    Paragraphs,
    TableView,
    environment,
    inline_svg,
    paragraphs,
    style,
    style_sheet,
    table_view,
)
from citystrategy.reports.cells import STATUS_ICONS, reason_words
from citystrategy.reports.charts import ChartImages, indicator_chart
from citystrategy.reports.csv import to_csv
from citystrategy.reports.document import Chart, Column, ColumnKind, Table
from citystrategy.reports.tables._indicator_sections import indicators_section_from, unit_label
from citystrategy.reports.tables.indicators import (
    CODE,
    DESCRIPTION,
    INTERVAL_HIGH,
    INTERVAL_LOW,
    MISSING_MARKER,
    MISSING_REASON,
    NAME,
    SEVERITY,
    STATUS,
    STATUS_TONES,
    STRATEGIC_GOAL,
    VALUE,
    findings_table,
    indicator_values_table,
)
from citystrategy.validation import check

__all__ = ["SITE_STATUSES", "site_slug", "write_site"]

#: The statuses counted in the index's summary, in the order of its columns.
SITE_STATUSES: Final = tuple(Status)
_UNSAFE: Final = re.compile(r"[^a-z0-9]+")
#: Names Windows reserves whatever their extension.
_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
_REASON: Final = "reason"


def site_slug(code: str) -> str:
    """A file name for *code*, safe on every system: lower-case letters, digits and hyphens.

    >>> site_slug("KIE-3.1-01"), site_slug("1"), site_slug("CON")
    ('kie-3-1-01', '1', 'con-')

    Raises:
        ArgumentTypeError: If *code* is not a string.
        ArgumentError: If *code* has no letter or digit.
    """
    instance(code, "code", str, "a code (a string)")
    slug = _UNSAFE.sub("-", code.lower()).strip("-")
    if not slug:
        raise ArgumentError("code", code, "a code with a letter or a digit")
    return slug + "-" if slug in _RESERVED else slug


@frozen
class _Heading:
    text: str
    kind: str = "heading"


@frozen
class _Links:
    items: tuple[tuple[str, str], ...]
    kind: str = "links"


@frozen
class _Meta:
    items: tuple[tuple[str, str], ...]
    kind: str = "meta"


@frozen
class _Download:
    text: str
    href: str
    kind: str = "download"


@frozen
class _Figure:
    id: str
    caption: str
    svg: Markup
    kind: str = "figure"


@frozen
class _Page:
    title: str
    heading: str
    root: str
    crumbs: tuple[tuple[str, str], ...]
    blocks: tuple[Any, ...]
    intro: tuple[str, ...] = ()


def _status_cell(status: Status, text: str) -> Cell:
    tone = STATUS_TONES[status.value]
    return Cell((text,), f"status tone-{tone.value}", STATUS_ICONS[tone])


class _Site:
    """The pages of one strategy's site in one year."""

    def __init__(self, strategy: Strategy, year: int, locale: LocaleLike) -> None:
        self.strategy = strategy
        self.year = year
        self.loc = get_locale(locale)
        self.locale = str(self.loc)
        self.frame = indicator_values_table(strategy, year)
        self.rows = {str(r[CODE]): r for r in self.frame.to_dict("records")}
        self.findings = findings_table(check(strategy, year=year), locale=self.loc)
        self.images = ChartImages(self.locale)
        section = indicators_section_from(strategy, year, self.frame, self.loc)
        self.goal_charts = {
            block.table.name.removeprefix("goal_").removesuffix("_chart"): block
            for block in section.blocks
            if isinstance(block, Chart)
        }
        samples = survey_samples(strategy)
        self.samples: dict[int, int] = {}
        if samples is not None:
            own = samples[samples["territory"] == strategy.territory.id]
            self.samples = {int(y): int(n) for y, n in zip(own[YEAR], own["n"], strict=True)}
        self.goal_files = {
            g.code: f"goal-{site_slug(g.code)}.html" for g in strategy.strategic_goals
        }
        self.indicator_files: dict[str, str] = {}
        for indicator in strategy.indicators:
            slug = site_slug(indicator.code)
            while slug in self.indicator_files.values():
                slug += "-"
            self.indicator_files[indicator.code] = slug

    def home(self, root: str) -> tuple[str, str]:
        return (pgettext("site", "Home", self.loc), f"{root}index.html")

    def status(self, code: str) -> Status:
        return Status(self.rows[code][STATUS])

    def status_label(self, status: Status) -> str:
        return get_label(status, locale=self.loc)

    def title(self) -> str:
        template = pgettext("site", "{title}: indicators in {year}", self.loc)
        return template.format(title=self.strategy.title, year=self.year)

    # --- the index ---------------------------------------------------------------------------

    def index(self) -> _Page:
        columns = (
            ColumnView(pgettext("site", "Strategic goal", self.loc), False),
            *(ColumnView(self.status_label(s), True) for s in SITE_STATUSES),
            ColumnView(pgettext("site", "Indicators", self.loc), True),
        )
        rows = []
        links = []
        for goal in self.strategy.strategic_goals:
            codes = [c for c, r in self.rows.items() if r[STRATEGIC_GOAL] == goal.code]
            counts = [sum(self.status(c) is s for c in codes) for s in SITE_STATUSES]
            cells = [Cell((f"{goal.code}. {goal.name}",))]
            for status, count in zip(SITE_STATUSES, counts, strict=True):
                text = format_number(count, decimals=0, locale=self.loc)
                cells.append(_status_cell(status, text) if count else Cell((text,), "num"))
            cells.append(Cell((format_number(len(codes), decimals=0, locale=self.loc),), "num"))
            rows.append(tuple(cells))
            links.append((f"{goal.code}. {goal.name}", f"goals/{self.goal_files[goal.code]}"))
        summary = TableView(
            id="summary",
            caption=pgettext(
                "site", "Indicators of each strategic goal by status in {year}", self.loc
            ).format(year=self.year),
            columns=columns,
            rows=tuple(rows),
        )
        count = len(self.strategy.indicators)
        intro = ngettext(
            "The strategy has {count} indicator.",
            "The strategy has {count} indicators.",
            count,
            self.loc,
        ).format(count=format_number(count, decimals=0, locale=self.loc))
        return _Page(
            title=self.title(),
            heading=self.title(),
            root="",
            crumbs=(),
            intro=(intro,),
            blocks=(
                _Heading(pgettext("site", "Progress by strategic goal", self.loc)),
                summary,
                _Heading(pgettext("site", "Strategic goals", self.loc)),
                _Links(tuple(links)),
            ),
        )

    # --- a goal ------------------------------------------------------------------------------

    def indicator_table(self, codes: Sequence[str], table_id: str, caption: str) -> TableView:
        chosen = self.frame[self.frame[CODE].isin(list(codes))].reset_index(drop=True)
        chosen[_REASON] = [
            self.missing_text({str(k): v for k, v in r.items()}) for r in chosen.to_dict("records")
        ]
        columns = (
            Column(CODE, pgettext("assessment column", "Code", self.loc)),
            Column(NAME, pgettext("assessment column", "Indicator", self.loc)),
            Column(
                STATUS,
                pgettext("assessment column", "Status", self.loc),
                ColumnKind.STATUS,
                labels={s.value: self.status_label(s) for s in Status},
                tones=STATUS_TONES,
            ),
            Column(
                VALUE,
                pgettext("site", "Value in {year}", self.loc).format(year=self.year),
                ColumnKind.MEASURE,
                unit_key=UNIT,
                reason_key=_REASON,
            ),
            Column("target_text", pgettext("assessment column", "Target", self.loc)),
        )
        chosen["target_text"] = [self.target_text(str(c)) for c in chosen[CODE]]
        view = table_view(Table(chosen, columns), columns, self.locale, table_id)
        return attrs.evolve(view, caption=caption)

    def missing_text(self, row: dict[str, Any]) -> str | None:
        if row[VALUE] is not None:
            return None
        reason = reason_words(row[MISSING_REASON] or "", self.loc).strip()
        marker = str(row[MISSING_MARKER] or "").strip()
        return " ".join(p for p in (marker, reason) if p) or pgettext("site", "no value", self.loc)

    def target_text(self, code: str) -> str:
        indicator = self.indicator(code)
        if indicator.target is None:
            return pgettext("site", "no target", self.loc)
        text = format_target(indicator.target, indicator.unit, locale=self.loc)
        return pgettext("site", "{target} by {year}", self.loc).format(
            target=text, year=indicator.target.year
        )

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.strategy.indicators if i.code == code)

    def goal(self, code: str) -> _Page:
        goal = next(g for g in self.strategy.strategic_goals if g.code == code)
        heading = pgettext("site", "Strategic goal {code}. {name}", self.loc).format(
            code=goal.code, name=goal.name
        )
        blocks: list[Any] = []
        if goal.description:
            blocks.append(Paragraphs(paragraphs(goal.description)))
        codes = [c for c, r in self.rows.items() if r[STRATEGIC_GOAL] == goal.code]
        if goal.operational_goals:
            blocks.append(_Heading(pgettext("site", "Operational goals", self.loc)))
            blocks.append(
                Paragraphs(tuple((f"{o.code}. {o.name}",) for o in goal.operational_goals))
            )
        blocks.append(_Heading(pgettext("site", "Indicators", self.loc)))
        caption = pgettext(
            "site", "Indicators of strategic goal {code} in {year}", self.loc
        ).format(code=goal.code, year=self.year)
        blocks.append(self.indicator_table(codes, "indicators", caption))
        blocks.append(
            _Links(
                tuple(
                    (f"{c} {self.rows[c][NAME]}", f"../indicators/{self.indicator_files[c]}.html")
                    for c in codes
                )
            )
        )
        chart = self.goal_charts.get(goal.code)
        if chart is not None:
            svg = inline_svg(self.images.svg(chart), "goal-chart")
            blocks.append(_Heading(pgettext("site", "Progress chart", self.loc)))
            blocks.append(_Figure("goal-chart", chart.title, svg))
        return _Page(
            title=f"{heading} – {self.strategy.title}",
            heading=heading,
            root="../",
            crumbs=(self.home("../"), (f"{goal.code}. {goal.name}", "")),
            blocks=tuple(blocks),
        )

    # --- an indicator ------------------------------------------------------------------------

    def values(self, indicator: Indicator) -> Table:
        observed = sorted(
            (
                o
                for o in self.strategy.observations_of(indicator.code)
                if o.territory == self.strategy.territory.id
            ),
            key=lambda o: o.year,
        )
        frame = pd.DataFrame(
            {
                YEAR: [o.year for o in observed],
                VALUE: pd.Series([o.value for o in observed], dtype=object),
                UNIT: [indicator.unit] * len(observed),
                MISSING_MARKER: [None if o.missing is None else o.missing.marker for o in observed],
                MISSING_REASON: [
                    None if o.missing is None else reason_words(o.missing.text, self.loc)
                    for o in observed
                ],
                SOURCE: [o.source or indicator.source or None for o in observed],
            }
        )
        unit = unit_label(indicator.unit, self.loc)
        value_title = (
            pgettext("site", "Value ({unit})", self.loc).format(unit=unit)
            if unit
            else pgettext("site", "Value", self.loc)
        )
        return Table(
            frame,
            (
                Column(YEAR, pgettext("site", "Year", self.loc), ColumnKind.YEAR),
                Column(VALUE, value_title, ColumnKind.NUMBER),
                Column(MISSING_MARKER, pgettext("site", "Missing value sign", self.loc)),
                Column(MISSING_REASON, pgettext("site", "Reason for the missing value", self.loc)),
                # the values' sources, where some value has its own (a later year's form)
                *(
                    [Column(SOURCE, pgettext("site", "Source", self.loc))]
                    if any(o.source for o in observed)
                    else []
                ),
            ),
            title=pgettext("site", "Values of {code}", self.loc).format(code=indicator.code),
        )

    def meta(self, indicator: Indicator) -> _Meta:
        row = self.rows[indicator.code]
        items = [
            (
                pgettext("site", "Unit", self.loc),
                unit_name(indicator.unit, language(self.loc)),
            ),
            (
                pgettext("site", "Direction", self.loc),
                get_label(indicator.direction, locale=self.loc),
            ),
        ]
        target = indicator.target
        if target is None:
            items.append(
                (pgettext("site", "Target", self.loc), pgettext("site", "no target", self.loc))
            )
        else:
            items += [
                (
                    pgettext("site", "Target kind", self.loc),
                    get_label(target.kind, locale=self.loc),
                ),
                (
                    pgettext("site", "Target", self.loc),
                    format_target(target, indicator.unit, locale=self.loc),
                ),
                (pgettext("site", "Target year", self.loc), str(target.year)),
            ]
        items.append(
            (
                pgettext("site", "Source", self.loc),
                indicator.source or pgettext("site", "not given", self.loc),
            )
        )
        items.append(
            (
                pgettext("site", "Status in {year}", self.loc).format(year=self.year),
                self.status_label(self.status(indicator.code)),
            )
        )
        if indicator.survey:
            sample = self.samples.get(self.year)
            if sample is not None:
                items.append(
                    (
                        pgettext("site", "Survey sample size", self.loc),
                        format_number(sample, decimals=0, locale=self.loc),
                    )
                )
            low, high = row[INTERVAL_LOW], row[INTERVAL_HIGH]
            if not (math.isnan(low) or math.isnan(high)):
                low_text = format_value(_decimal(low), indicator.unit, locale=self.loc)
                high_text = format_value(_decimal(high), indicator.unit, locale=self.loc)
                interval = f"{low_text}–{high_text}"
                items.append((pgettext("site", "Confidence interval", self.loc), interval))
        return _Meta(tuple(items))

    def indicator_page(self, indicator: Indicator) -> tuple[_Page, Table]:
        strategic = indicator.goal_code.split(".", 1)[0]
        goal_file = self.goal_files.get(strategic)
        slug = self.indicator_files[indicator.code]
        heading = f"{indicator.code} {indicator.name}"
        blocks: list[Any] = []
        try:
            svg = indicator_chart(
                indicator,
                self.strategy.observations,
                territory=self.strategy.territory.id,
                locale=self.locale,
            )
        except ArgumentError:  # no value to draw: the table says so
            blocks.append(
                Paragraphs(((pgettext("site", "No value to draw a chart of.", self.loc),),))
            )
        else:
            caption = pgettext(
                "site", "{code}: values over the years and the target", self.loc
            ).format(code=indicator.code)
            blocks.append(_Figure("chart", caption, inline_svg(svg, "chart")))
        values = self.values(indicator)
        blocks.append(_Heading(pgettext("site", "Values", self.loc)))
        blocks.append(table_view(values, values.columns, self.locale, "values"))
        blocks.append(
            _Download(pgettext("site", "Download the values (CSV)", self.loc), f"{slug}.csv")
        )
        blocks.append(_Heading(pgettext("site", "About the indicator", self.loc)))
        blocks.append(self.meta(indicator))
        if indicator.note:
            blocks.append(Paragraphs(paragraphs(indicator.note)))
        blocks.append(_Heading(pgettext("site", "Findings", self.loc)))
        found = self.findings[self.findings[CODE] == indicator.code]
        if found.empty:
            blocks.append(Paragraphs(((pgettext("site", "No findings.", self.loc),),)))
        else:
            severity = {
                "error": pgettext("severity", "error", self.loc),
                "warning": pgettext("severity", "warning", self.loc),
                "info": pgettext("severity", "note", self.loc),
            }
            blocks.append(
                Paragraphs(
                    tuple(
                        (f"{severity.get(str(s), str(s))}: {d}",)
                        for s, d in zip(found[SEVERITY], found[DESCRIPTION], strict=True)
                    )
                )
            )
        crumbs = [self.home("../")]
        if goal_file is not None:
            goal = next(g for g in self.strategy.strategic_goals if g.code == strategic)
            crumbs.append((f"{goal.code}. {goal.name}", f"../goals/{goal_file}"))
        crumbs.append((indicator.code, ""))
        page = _Page(
            title=f"{heading} – {self.strategy.title}",
            heading=heading,
            root="../",
            crumbs=tuple(crumbs),
            blocks=tuple(blocks),
        )
        return page, values


def _decimal(value: float) -> Any:
    from decimal import Decimal

    return Decimal(repr(value)).quantize(Decimal("0.1"))


def _render(page: _Page, site: _Site) -> str:
    template = environment().get_template("site.html.j2")
    return template.render(
        lang=site.loc.language,
        page=page,
        words={"crumbs": pgettext("site", "Breadcrumbs", site.loc)},
    )


def write_site(
    strategy: Strategy,
    year: int,
    directory: str | os.PathLike[str],
    *,
    locale: LocaleLike = "pl_PL",
    force: bool = False,
) -> Path:
    """Write the strategy's indicator site for *year* into the folder *directory*; return it.

    The folder is written whole or not at all (filled beside it, then renamed into place). An
    existing empty folder is replaced; an existing folder with files (or a file) only with
    *force*. Each chart is drawn once.

    Args:
        strategy: The strategy.
        year: The reporting year.
        directory: The folder to write.
        locale: The language and number format of the pages and the CSV files.
        force: Replace an existing folder.

    Raises:
        ArgumentTypeError: If an argument has the wrong type.
        ArgumentError: If *locale* is not a locale.
        YearError: If no indicator has a value in *year*.
        OutputExistsError: If *directory* exists, is not an empty folder, and *force* is false.
        OSError: If the folder cannot be written.
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    integer(year, "year")
    if not isinstance(directory, (str, os.PathLike)):
        raise ArgumentTypeError("directory", directory, "a folder path (str or os.PathLike)")
    target = Path(os.fspath(directory))
    empty = target.is_dir() and not target.is_symlink() and not any(target.iterdir())
    if not (force or empty) and (target.exists() or target.is_symlink()):
        raise OutputExistsError(str(target))  # said before any work
    site = _Site(strategy, year, locale)
    with atomic_directory(target, force=force or empty) as folder:
        (folder / "goals").mkdir()
        (folder / "indicators").mkdir()
        (folder / "style.css").write_text(
            str(style(False, style_sheet("site.css"))), encoding="utf-8"
        )
        (folder / "index.html").write_text(_render(site.index(), site), encoding="utf-8")
        for goal in strategy.strategic_goals:
            path = folder / "goals" / site.goal_files[goal.code]
            path.write_text(_render(site.goal(goal.code), site), encoding="utf-8")
        for indicator in strategy.indicators:
            page, values = site.indicator_page(indicator)
            slug = site.indicator_files[indicator.code]
            path = folder / "indicators" / f"{slug}.html"
            path.write_text(_render(page, site), encoding="utf-8")
            to_csv(values, folder / "indicators" / f"{slug}.csv", locale=site.loc)
    return target
