r"""The Markdown writer: a report as GitHub-flavoured Markdown that renders on a code forge.

The report's title is a ``#`` heading, each section a ``##`` heading (its first block, when it is
a level-1 heading, stands for it) and headings below take one ``#`` more per level. Tables are
pipe tables with a header row and an alignment row (numbers right-aligned), their cells written
by :func:`citystrategy.reports.cells.cell_text` in the report's language (``85 665 519,74 zł``,
``5,2%``); a pipe in a cell is ``\|``, a line break ``<br>``, and every character Markdown would
read as markup (``*``, ``_``, ``#``, ``<``, ``[`` …) is escaped, so that data never changes the
layout. A table's title is written above it in bold and its note under it. Markdown has no
charts: a chart is written as a short table of what it shows (a pie's values with their shares
of the whole). A page break is a rule (``---``). The long data is a table of its own when it is
short, else a sentence with its number of rows.

>>> import pandas as pd
>>> from decimal import Decimal
>>> from citystrategy.reports.document import Column, ColumnKind, Report, Section, Table
>>> frame = pd.DataFrame({"goal": ["1 | 2"], "cost": [Decimal("33992885.47")]})
>>> table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY)))
>>> text = to_markdown(Report(title="Raport", sections=(Section("Koszty", (table,)),)))
>>> print(text.split("| 1")[0])
# Raport
<BLANKLINE>
## Koszty
<BLANKLINE>
| Cel | Koszt |
| --- | ---: |
<BLANKLINE>
>>> text.splitlines()[-1]
'| 1 \\| 2 | 33\xa0992\xa0885,47\xa0zł |'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final

from citystrategy._arguments import instance, integer
from citystrategy._i18n import ngettext, pgettext
from citystrategy._output import write_text
from citystrategy.errors import ArgumentError
from citystrategy.formatting import format_date, format_number, format_percent
from citystrategy.reports.cells import NUMERIC_KINDS, _exact, _is_missing, cell_text, table_rows
from citystrategy.reports.document import (
    Chart,
    ChartKind,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Table,
)

__all__ = ["DATA_ROWS_SHOWN", "to_markdown", "write_markdown"]

#: The most rows of the long data written out as a table; longer data is only counted.
DATA_ROWS_SHOWN: Final = 50

#: Characters that are markup anywhere in a line (``$`` is maths on GitHub, ``~`` strikes out,
#: ``&`` starts an entity); a backslash makes each of them a plain character.
_MARKUP: Final = re.compile(r"([\\`*_\[\]<>|#~&$!])")
#: White space that Markdown collapses anyway (not the no-break spaces of Polish numbers).
_SPACE: Final = re.compile(r"[ \t\r\n\f\v]+")
#: The decimals of a pie's shares.
_SHARE_DECIMALS: Final = 1


def _spaced(text: str) -> str:
    """*text* on one line, runs of ASCII white space one space (no-break spaces are kept)."""
    return _SPACE.sub(" ", text).strip(" ")


def _inline(text: str) -> str:
    """*text* with every markup character escaped, on one line (for headings and cells)."""
    return _MARKUP.sub(r"\\\1", _spaced(text))


def _line(text: str) -> str:
    """One line of a paragraph, escaped so that it cannot start a list, a rule or a heading."""
    escaped = _inline(text)
    if escaped[:1] in "-+=":
        return "\\" + escaped if escaped else escaped
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


def _paragraphs(text: str) -> list[str]:
    """Plain text as Markdown paragraphs; a single line break stays a line break."""
    paragraphs = []
    for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [_line(line) for line in part.split("\n") if line.strip()]
        if lines:
            paragraphs.append("\\\n".join(lines))
    return paragraphs


def _cell(text: str) -> str:
    """A table cell: escaped, its line breaks ``<br>`` (a cell is one line of the table)."""
    lines = [_inline(line) for line in text.replace("\r\n", "\n").split("\n")]
    return "<br>".join(line for line in lines if line)


def _pipe_table(titles: Sequence[str], numeric: Sequence[bool], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(_cell(title) for title in titles) + " |",
        "| " + " | ".join("---:" if right else "---" for right in numeric) + " |",
    ]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _table(table: Table, locale: str) -> list[str]:
    parts = []
    if table.title:
        parts.append(f"**{_inline(table.title)}**")
    if table.columns:
        numeric = [column.kind in NUMERIC_KINDS for column in table.columns]
        titles = [column.title for column in table.columns]
        parts.append(_pipe_table(titles, numeric, table_rows(table, locale=locale)))
    if table.note:
        parts += _paragraphs(table.note)
    return parts


def _shares(values: list[object]) -> list[Decimal | None]:
    """Each value's share of their sum, in percent; ``None`` for all if any is missing."""
    if any(_is_missing(v) for v in values):
        return [None] * len(values)
    numbers = [_exact(getattr(v, "amount", v)) for v in values]
    total = sum(numbers, Decimal(0))
    if total <= 0 or any(n < 0 for n in numbers):
        return [None] * len(numbers)
    return [n / total * 100 for n in numbers]


def _chart(chart: Chart, locale: str) -> list[str]:
    """A chart as the table of what it shows (Markdown draws none)."""
    by_key = {column.key: column for column in chart.table.columns}
    columns = [by_key[chart.category], *(by_key[key] for key in chart.series)]
    rows = []
    for record in chart.table.frame.to_dict("records"):
        values = {str(key): value for key, value in record.items()}
        rows.append([cell_text(values[c.key], c, values, locale=locale) for c in columns])
    titles = [column.title for column in columns]
    numeric = [False] + [column.kind in NUMERIC_KINDS for column in columns[1:]]
    if chart.kind is ChartKind.PIE:
        shares = _shares(chart.table.frame[chart.series[0]].tolist())
        for cells, share in zip(rows, shares, strict=True):
            shown = (
                "–"
                if share is None
                else format_percent(share, decimals=_SHARE_DECIMALS, locale=locale)
            )
            cells.append(shown)
        titles.append(pgettext("chart", "Share", locale))
        numeric.append(True)
    caption = f"**{_inline(chart.title)}**"  # the axis titles are the table's column titles
    return [caption, _pipe_table(titles, numeric, rows)]


def _heading(heading: Heading) -> str:
    return "#" * (heading.level + 1) + " " + _inline(heading.text)


def _data(report: Report, limit: int) -> list[str]:
    data = report.data
    if data is None:
        return []
    title = report.data_title or pgettext("sheet", "Data", report.locale)
    parts = [f"## {_inline(title)}"]
    count = len(data.frame)
    if count <= limit:
        return parts + _table(data, report.locale)
    sentence = ngettext(
        "The data table has {count} row and is not shown here; the report's workbook (.xlsx) "
        "holds it.",
        "The data table has {count} rows and is not shown here; the report's workbook (.xlsx) "
        "holds it.",
        count,
        report.locale,
    )
    number = format_number(count, decimals=0, locale=report.locale)
    return [*parts, *_paragraphs(sentence.format(count=number))]


def to_markdown(report: Report, *, data_rows: int = DATA_ROWS_SHOWN) -> str:
    r"""The report as GitHub-flavoured Markdown, in the report's language and number format.

    Args:
        report: The report.
        data_rows: The most rows of :attr:`Report.data` written out as a table; longer data
            is a sentence with its number of rows.

    Raises:
        ArgumentTypeError: If *report* is not a Report, or *data_rows* not an int.
        ArgumentError: If *data_rows* is negative.

    >>> from citystrategy.reports.document import Heading, Paragraph, Report, Section
    >>> report = Report(
    ...     title="Raport", sections=(Section("1", (Heading("Wstęp"), Paragraph("*ok*"))),)
    ... )
    >>> print(to_markdown(report))
    # Raport
    <BLANKLINE>
    ## Wstęp
    <BLANKLINE>
    \*ok\*
    <BLANKLINE>
    """
    instance(report, "report", Report, "a Report")
    limit = integer(data_rows, "data_rows")
    if limit < 0:
        raise ArgumentError("data_rows", data_rows, "0 or more rows")
    locale = report.locale
    parts = [f"# {_inline(report.title)}"]
    if report.subject:
        parts += _paragraphs(report.subject)
    about = [report.author] if report.author else []
    if report.created is not None:
        about.append(format_date(report.created, locale=locale))
    if about:
        parts += _paragraphs(" · ".join(about))
    for section in report.sections:
        blocks = section.blocks
        first = blocks[0] if blocks else None
        if not (isinstance(first, Heading) and first.level == 1):
            parts.append(f"## {_inline(section.title)}")
        for block in blocks:
            if isinstance(block, Heading):
                parts.append(_heading(block))
            elif isinstance(block, Paragraph):
                parts += _paragraphs(block.text)
            elif isinstance(block, Table):
                parts += _table(block, locale)
            elif isinstance(block, Chart):
                parts += _chart(block, locale)
            elif isinstance(block, PageBreak):
                parts.append("---")
    parts += _data(report, limit)
    return "\n\n".join(parts) + "\n"


def write_markdown(
    report: Report,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    data_rows: int = DATA_ROWS_SHOWN,
) -> Path:
    """Write the report as a Markdown file (see :func:`to_markdown`); return its path.

    The file is UTF-8, written whole or not at all; an existing file is replaced only with
    *force*.

    Raises:
        ArgumentTypeError: If *report* is not a Report, or *path* is not a path.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.
    """
    text = to_markdown(report, data_rows=data_rows)
    return write_text(path, text, force=force)
