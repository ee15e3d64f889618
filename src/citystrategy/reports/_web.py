r"""What the web writers share: the templates' environment, the style sheet, tables and SVG.

The HTML report (:mod:`citystrategy.reports.html`, and the PDF printed from it) and the
indicator site (:mod:`citystrategy.reports.site`) are made from the same Jinja2 templates
(``citystrategy/reports/templates``) with autoescaping on, and show tables, paragraphs and charts
the same way. This module holds those shared parts:

* :func:`environment`, the templates' environment, and :func:`style`, the style sheet of a page
  (``report.css``, the tones' colours, for paper ``paged.css``, and a writer's own rules);
* the view of a table the template ``table.html.j2`` writes (:class:`TableView` of
  :class:`ColumnView` and :class:`Cell`), made by :func:`table_view` from a report's
  :class:`~citystrategy.reports.document.Table`, every cell in the report's language by
  :func:`citystrategy.reports.cells.cell_text`;
* :class:`Paragraphs` and :func:`paragraphs`, plain text as paragraphs of lines;
* :func:`inline_svg`, matplotlib's SVG as markup inside a page.

>>> import pandas as pd
>>> from decimal import Decimal
>>> from citystrategy.reports.document import Column, ColumnKind, Table
>>> frame = pd.DataFrame({"cost": [Decimal("33992885.47")]})
>>> view = table_view(Table(frame), (Column("cost", "Koszt", ColumnKind.MONEY),), "pl_PL", "t")
>>> view.rows
((Cell(lines=('33\xa0992\xa0885,47\xa0zł',), classes='num', icon=''),),)
>>> paragraphs("Pierwszy\nwiersz\n\nDrugi")
(('Pierwszy', 'wiersz'), ('Drugi',))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from attrs import frozen
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from citystrategy.reports.cells import NUMERIC_KINDS, STATUS_ICONS, cell_text
from citystrategy.reports.document import Column, Table, Tone
from citystrategy.reports.excel import TONE_COLOURS

__all__ = [
    "Cell",
    "ColumnView",
    "Paragraphs",
    "TableView",
    "environment",
    "inline_svg",
    "paragraphs",
    "style",
    "style_sheet",
    "table_view",
]

_BLANK_LINES: Final = re.compile(r"\n\s*\n")
#: An SVG's prologue (XML declaration, DOCTYPE, comments) that has no place inside HTML.
_SVG_PROLOGUE: Final = re.compile(
    r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.S
)
_SVG_ID: Final = re.compile(r'\bid="([^"]+)"')
#: An id, or a reference to one (``href="#…"``, ``xlink:href="#…"``, ``url(#…)``).
_SVG_REFERENCE: Final = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')
#: What an inline SVG does without: its metadata (RDF with namespace addresses) and its
#: namespace declarations (HTML gives an inline ``<svg>`` its namespace), so that the page holds
#: no address at all.
_SVG_METADATA: Final = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_SVG_NAMESPACE: Final = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')


@frozen
class Cell:
    """A table cell as the template writes it.

    Attributes:
        lines: Its text, one line break between lines.
        classes: Its CSS classes (``num`` right-aligns, ``status tone-good`` colours).
        icon: A status's icon written before the text (hidden from screen readers).
    """

    lines: tuple[str, ...]
    classes: str = ""
    icon: str = ""


@frozen
class ColumnView:
    """A table's column header.

    Attributes:
        title: Its text.
        numeric: Whether the column is right-aligned.
        mark: The number of the column's note below the table, or ``""``.
    """

    title: str
    numeric: bool
    mark: str = ""


@frozen
class TableView:
    """A table as the template ``table.html.j2`` writes it.

    Attributes:
        id: Its id on the page.
        caption: Its ``<caption>``.
        columns: Its columns' headers.
        rows: Its rows of cells.
        column_notes: The notes of its columns: (mark, column title, note).
        note: The table's note, as paragraphs of lines.
        widths: The columns' widths on paper (CSS values), or none for the browser's layout.
        font_size: The table's smaller type on paper (a CSS value), or ``""``.
        kind: The block's kind for the page templates.
    """

    id: str
    caption: str
    columns: tuple[ColumnView, ...]
    rows: tuple[tuple[Cell, ...], ...]
    column_notes: tuple[tuple[str, str, str], ...] = ()
    note: tuple[tuple[str, ...], ...] = ()
    widths: tuple[str, ...] = ()
    font_size: str = ""
    kind: str = "table"


@frozen
class Paragraphs:
    """Paragraphs of lines (see :func:`paragraphs`), a block of the page templates.

    Attributes:
        paragraphs: The paragraphs, each its lines.
        kind: The block's kind for the page templates.
    """

    paragraphs: tuple[tuple[str, ...], ...]
    kind: str = "paragraph"


@functools.cache
def environment() -> Environment:
    """The templates' environment: autoescaping on, an undefined name an error."""
    return Environment(
        loader=PackageLoader("citystrategy.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def style_sheet(name: str) -> str:
    """The text of the style sheet *name* shipped with the templates (``"site.css"``)."""
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), name)
    return source


def _tone_rules() -> str:
    """The colours of the tones (:data:`~citystrategy.reports.excel.TONE_COLOURS`)."""
    rules = []
    for tone, (text, fill) in TONE_COLOURS.items():
        rules.append(f"td.tone-{tone.value} {{ color: {text}; background: {fill}; }}")
    return "\n".join(rules)


def style(paged: bool, extra: str = "") -> Markup:
    """A page's style sheet: the report's, the tones', for paper (*paged*) the PDF's, *extra*."""
    parts = [style_sheet("report.css"), _tone_rules()]
    if paged:
        parts.append(style_sheet("paged.css"))
    if extra:
        parts.append(extra)
    # Our own style sheets: no text of the data is in them ("</" never appears).
    return Markup("\n".join(parts))


def paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """Plain text as paragraphs of lines: a blank line parts paragraphs, a line break stays."""
    found = []
    for part in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = tuple(line.strip() for line in part.split("\n") if line.strip())
        if lines:
            found.append(lines)
    return tuple(found)


def _tone(value: object, column: Column) -> Tone | None:
    if not column.tones:
        return None
    try:
        tone = column.tones.get(value)
        if tone is None and hasattr(value, "value"):
            tone = column.tones.get(value.value)
    except TypeError:  # an unhashable value has no tone
        return None
    return tone


def _cell(value: object, column: Column, row: dict[str, object], locale: str) -> Cell:
    text = cell_text(value, column, row, locale=locale)
    lines = tuple(line for line in text.split("\n") if line) or ("",)
    classes = []
    if column.kind in NUMERIC_KINDS:
        classes.append("num")
        if len(lines) == 1 and not any(ch.isdigit() for ch in lines[0]):
            classes.append("missing")  # a reason in words may wrap
    tone = _tone(value, column)
    if tone is not None:
        classes += ["status", f"tone-{tone.value}"]
    return Cell(lines, " ".join(classes), STATUS_ICONS[tone] if tone is not None else "")


def table_view(
    table: Table, columns: Sequence[Column], locale: str, table_id: str, extra: str = ""
) -> TableView:
    """The view of *table*'s *columns*; *extra* titles one more column (a pie's shares).

    The table's title is the caption; the columns' notes are numbered and marked on their
    headers.
    """
    marks = {}
    notes: list[tuple[str, str, str]] = []
    for column in columns:
        if column.note:
            marks[column.key] = str(len(notes) + 1)
            notes.append((marks[column.key], column.title, column.note))
    views = [ColumnView(c.title, c.kind in NUMERIC_KINDS, marks.get(c.key, "")) for c in columns]
    rows = []
    for record in table.frame.to_dict("records"):
        row = {str(key): value for key, value in record.items()}
        rows.append([_cell(row[c.key], c, row, locale) for c in columns])
    if extra:
        views.append(ColumnView(extra, True))
    return TableView(
        id=table_id,
        caption=table.title,
        columns=tuple(views),
        rows=tuple(tuple(row) for row in rows),
        column_notes=tuple(notes),
        note=paragraphs(table.note),
    )


def inline_svg(svg: bytes | str, prefix: str) -> Markup:
    """*svg* as markup for an HTML page: without its prologue, its ids made unique on the page.

    Every id of the drawing (and every reference to one) gets *prefix*, so that two drawings on
    one page never share an id. The SVG is matplotlib's, which escapes the texts it draws; it
    goes into the page as markup on purpose.
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = _SVG_PROLOGUE.sub("", text, count=1)
    text = _SVG_NAMESPACE.sub("", _SVG_METADATA.sub("", text))
    ids = set(_SVG_ID.findall(text))

    def prefixed(match: re.Match[str]) -> str:
        start, name = match.groups()
        return f"{start}{prefix}-{name}" if name in ids else match.group(0)

    text = _SVG_REFERENCE.sub(prefixed, text)
    return Markup(text)
