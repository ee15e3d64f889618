r"""The HTML writer: a report as one self-contained web page that reads well and prints well.

The page needs nothing from the network: its style sheet is inline, its charts are inline SVG
and it has no scripts, fonts, images or links outside itself (the table of contents links to
the page's own sections). It is made from Jinja2 templates shipped with the package
(``citystrategy/reports/templates``) with autoescaping on, so every text from the data is
escaped: a project named ``<script>`` is that text on the page, never markup.

What the page holds: the report's title, subject, author and date; a table of contents; each
section with its headings (the report's title is ``<h1>``, a section's ``<h2>``, and headings
below take one level more), paragraphs, tables and charts. Tables have a ``<caption>``, a
``<thead>`` of ``<th scope="col">`` (repeated on every printed page), numbers right-aligned and
every cell written by :func:`citystrategy.reports.cells.cell_text` in the report's language, as
the Markdown writer writes them (``85 665 519,74 zł``, ``5,2%``); a missing value shows its
reason. A status is shown by its word and an icon as well as by colour (:data:`citystrategy.reports.cells.STATUS_ICONS`;
the colours are :data:`citystrategy.reports.excel.TONE_COLOURS`, each pair at least 4.5:1 in
WCAG 2 contrast). A chart is drawn as SVG by :mod:`citystrategy.reports.charts` inside a
``<figure>`` with its ``<figcaption>``, and the figures it shows follow it as a table. Printed
(A4), each section starts a new page, a table's header is repeated and rows are not split.

>>> import pandas as pd
>>> from decimal import Decimal
>>> from citystrategy.reports.document import Column, ColumnKind, Report, Section, Table
>>> frame = pd.DataFrame({"goal": ["<b>1</b>"], "cost": [Decimal("33992885.47")]})
>>> table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY)))
>>> page = to_html(Report(title="Raport", sections=(Section("Koszty", (table,)),)))
>>> page.splitlines()[:2]
['<!DOCTYPE html>', '<html lang="pl">']
>>> [line for line in page.splitlines() if line.startswith("<tr><td")]
['<tr><td>&lt;b&gt;1&lt;/b&gt;</td><td class="num">33\xa0992\xa0885,47\xa0zł</td></tr>']
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs
from attrs import frozen
from markupsafe import Markup

from citystrategy._arguments import instance
from citystrategy._i18n import ngettext, pgettext
from citystrategy._output import write_text
from citystrategy.formatting import format_date, format_number, format_percent, get_locale
from citystrategy.reports._paper import text_width, widths
from citystrategy.reports._web import (
    Cell,
    Paragraphs,
    TableView,
    environment,
    inline_svg,
    paragraphs,
    style,
    table_view,
)
from citystrategy.reports.charts import PNG_DPI, ChartImages, _png_height
from citystrategy.reports.document import (
    Chart,
    ChartKind,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Section,
    Table,
)
from citystrategy.reports.markdown import _shares

__all__ = ["DATA_ROWS_SHOWN", "to_html", "write_html"]

#: The most rows of the long data written out as a table; longer data is only counted.
DATA_ROWS_SHOWN: Final = 1000
_SHARE_DECIMALS: Final = 1
#: The most a chart's picture may take of a printed page's height, in inches: A4 portrait's
#: text (297 mm less 18 and 20 mm margins) or landscape's (210 mm less 15 and 18 mm), less the
#: figure's margins and a line of room (``report.css``, ``paged.css``).
_CHART_HEIGHT: Final = {False: 240 / 25.4, True: 160 / 25.4}
#: A section with a table of more columns than this is printed on landscape pages.
_WIDE_COLUMNS: Final = 8


@frozen
class _Heading:
    text: str
    level: int
    id: str
    kind: str = "heading"


@frozen
class _Figure:
    id: str
    caption: str
    axis_title: str
    table: TableView
    svg: Markup | None
    png: str = ""
    width: str = ""
    kind: str = "figure"


@frozen
class _Break:
    kind: str = "break"


@frozen
class _Entry:
    id: str
    text: str
    children: tuple[_Entry, ...] = ()


@frozen
class _Section:
    id: str
    blocks: tuple[_Heading | Paragraphs | TableView | _Figure | _Break, ...]
    wide: bool = False


def _chart_table(chart: Chart, locale: str, table_id: str) -> TableView:
    """What *chart* shows, as a table: its categories and series (and a pie's shares)."""
    by_key = {column.key: column for column in chart.table.columns}
    columns = [by_key[chart.category], *(by_key[key] for key in chart.series)]
    share = pgettext("chart", "Share", locale) if chart.kind is ChartKind.PIE else ""
    view = attrs.evolve(
        table_view(chart.table, columns, locale, table_id, share), caption=chart.title
    )
    if not share:
        return view
    shares = _shares(chart.table.frame[chart.series[0]].tolist())
    rows = []
    for cells, part in zip(view.rows, shares, strict=True):
        shown = (
            "–" if part is None else format_percent(part, decimals=_SHARE_DECIMALS, locale=locale)
        )
        rows.append((*cells, Cell((shown,), "num")))
    return attrs.evolve(view, rows=tuple(rows))


class _Builder:
    """The page's view: sections of blocks with ids, and the table of contents."""

    def __init__(
        self,
        report: Report,
        images: ChartImages,
        paged: bool = False,
        data_rows: int = DATA_ROWS_SHOWN,
    ) -> None:
        self.paged = paged
        self.data_rows = data_rows
        self.report = report
        self.locale = report.locale
        self.images = images
        self.tables = 0
        self.charts = 0

    def table_id(self) -> str:
        self.tables += 1
        return f"table-{self.tables}"

    def section(self, number: int, section: Section) -> tuple[_Section, _Entry]:
        sid = f"section-{number}"
        blocks: list[_Heading | Paragraphs | TableView | _Figure | _Break] = []
        children = []
        first = section.blocks[0] if section.blocks else None
        titled = isinstance(first, Heading) and first.level == 1
        title = first.text if titled and isinstance(first, Heading) else section.title
        blocks.append(_Heading(title, 2, f"{sid}-title"))
        heading_text = title  # the caption of a table without a title of its own
        wide = any(len(table.columns) > _WIDE_COLUMNS for table in section.tables)
        for index, block in enumerate(section.blocks):
            if index == 0 and titled:
                continue
            if isinstance(block, Heading):
                heading = _Heading(block.text, block.level + 1, f"{sid}-{index}")
                blocks.append(heading)
                heading_text = block.text
                if block.level <= 2:
                    children.append(_Entry(heading.id, heading.text))
            elif isinstance(block, Paragraph):
                blocks.append(Paragraphs(paragraphs(block.text)))
            elif isinstance(block, Table):
                view = table_view(block, block.columns, self.locale, self.table_id())
                blocks.append(attrs.evolve(view, caption=block.title or heading_text))
            elif isinstance(block, Chart):
                blocks.extend(self.figures(block, wide))
            elif isinstance(block, PageBreak):
                blocks.append(_Break())
        return _Section(sid, self.laid_out(blocks, wide), wide), _Entry(sid, title, tuple(children))

    def laid_out(
        self, blocks: Sequence[_Heading | Paragraphs | TableView | _Figure | _Break], wide: bool
    ) -> tuple[_Heading | Paragraphs | TableView | _Figure | _Break, ...]:
        """*blocks*, on paper with their tables' column widths (a fixed layout, see _paper)."""
        if not self.paged:
            return tuple(blocks)
        return tuple(
            _laid_out_table(block, wide) if isinstance(block, TableView) else block
            for block in blocks
        )

    def figures(self, chart: Chart, wide: bool = False) -> list[_Figure]:
        """*chart* as a figure; on paper, as wide as the page's text (a landscape page's when
        *wide*) and, if it is taller than the page, in parts that fit it (``png_pages``)."""
        if not self.paged:
            self.charts += 1
            fid = f"chart-{self.charts}"
            svg = inline_svg(self.images.svg(chart), fid)
            return [_Figure(fid, chart.title, chart.axis_title, self.chart_table(chart), svg)]
        figures = []  # WeasyPrint draws a PNG twenty times faster than matplotlib's SVG
        width = text_width(wide) if wide else None
        for part, png in self.images.png_pages(chart, width=width, height=_CHART_HEIGHT[wide]):
            self.charts += 1
            inches = int.from_bytes(png[16:20], "big") / PNG_DPI  # the IHDR chunk's size
            uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            size = f"width: {inches:.2f}in; height: {_png_height(png):.2f}in"
            table = self.chart_table(part)
            figures.append(
                _Figure(f"chart-{self.charts}", part.title, part.axis_title, table, None, uri, size)
            )
        return figures

    def chart_table(self, chart: Chart) -> TableView:
        return _chart_table(chart, self.locale, self.table_id())

    def data(self, number: int) -> tuple[_Section, _Entry] | None:
        data = self.report.data
        if data is None:
            return None
        sid = f"section-{number}"
        title = self.report.data_title or pgettext("sheet", "Data", self.locale)
        blocks: list[_Heading | Paragraphs | TableView | _Figure | _Break] = [
            _Heading(title, 2, f"{sid}-title")
        ]
        count = len(data.frame)
        if count <= self.data_rows:
            view = table_view(data, data.columns, self.locale, self.table_id())
            blocks.append(attrs.evolve(view, caption=data.title or title))
            wide = len(data.columns) > _WIDE_COLUMNS
        else:
            wide = False
            sentence = ngettext(
                "The data table has {count} row and is not shown here; the report's workbook "
                "(.xlsx) holds it.",
                "The data table has {count} rows and is not shown here; the report's workbook "
                "(.xlsx) holds it.",
                count,
                self.locale,
            )
            number_text = format_number(count, decimals=0, locale=self.locale)
            blocks.append(Paragraphs(paragraphs(sentence.format(count=number_text))))
        return _Section(sid, self.laid_out(blocks, wide), wide), _Entry(sid, title)


def _laid_out_table(table: TableView, wide: bool) -> TableView:
    """*table* with its columns' widths on paper, from its texts (:func:`_paper.widths`)."""
    texts: list[list[tuple[str, ...]]] = [[(column.title,)] for column in table.columns]
    for row in table.rows:
        for index, cell in enumerate(row):
            lines = cell.lines
            if cell.icon:
                lines = (f"{cell.icon} {lines[0]}", *lines[1:])
            texts[index].append(lines)
    marked = [bool(column.mark) for column in table.columns]
    sizes, font_size = widths([tuple(column) for column in texts], marked, wide=wide)
    return attrs.evolve(table, widths=sizes, font_size=font_size)


def _sections(
    report: Report, images: ChartImages, paged: bool, data_rows: int = DATA_ROWS_SHOWN
) -> tuple[list[_Section], list[_Entry]]:
    builder = _Builder(report, images, paged, data_rows)
    sections, entries = [], []
    parts: Iterable[tuple[_Section, _Entry] | None] = (
        *(builder.section(n, s) for n, s in enumerate(report.sections, start=1)),
        builder.data(len(report.sections) + 1),
    )
    for part in parts:
        if part is not None:
            sections.append(part[0])
            entries.append(part[1])
    return sections, entries


def _render(
    report: Report,
    *,
    images: ChartImages | None,
    paged: bool = False,
    extra_style: str = "",
    data_rows: int = DATA_ROWS_SHOWN,
) -> str:
    """The page; *extra_style* adds CSS rules; *paged* adds the style of the PDF (a title page, page numbers in the TOC, a
    fixed table layout with the columns' widths) and draws the charts as PNG images inside the
    page (``data:`` addresses), for WeasyPrint. The data table is written out if it has at most
    *data_rows* rows, else only counted."""
    instance(report, "report", Report, "a Report")
    locale = get_locale(report.locale)
    images = ChartImages(report.locale) if images is None else images
    sections, toc = _sections(report, images, paged, data_rows)
    template = environment().get_template("report.html.j2")
    created = report.created
    return template.render(
        report=report,
        lang=locale.language,
        css=style(paged, extra_style),
        created=format_date(created, locale=locale) if created is not None else "",
        created_iso=created.isoformat() if created is not None else "",
        toc=toc,
        toc_title=pgettext("report", "Contents", locale),
        chart_data_label=pgettext("report", "The chart's figures", locale),
        sections=sections,
    )


def to_html(report: Report, *, images: ChartImages | None = None) -> str:
    r"""The report as one self-contained HTML page, in the report's language and number format.

    Args:
        report: The report.
        images: The charts' renderer (:class:`citystrategy.reports.charts.ChartImages`), shared
            with the other formats of the same run so that each chart is drawn once; ``None``:
            one for this page.

    Raises:
        ArgumentTypeError: If *report* is not a Report.

    >>> from citystrategy.reports.document import Heading, Paragraph, Report, Section
    >>> page = to_html(Report(title="R", sections=(Section("1", (Paragraph("a < b"),)),)))
    >>> "<p>a &lt; b</p>" in page, "<title>R</title>" in page
    (True, True)
    """
    return _render(report, images=images)


def write_html(report: Report, path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the report as a self-contained HTML page (see :func:`to_html`); return its path.

    The file is UTF-8, written whole or not at all; an existing file is replaced only with
    *force*.

    Raises:
        ArgumentTypeError: If *report* is not a Report, or *path* is not a path.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.
    """
    return write_text(path, to_html(report), force=force)
