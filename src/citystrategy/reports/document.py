"""A report as data: sections of blocks that every writer renders the same way.

A :class:`Report` is a title, document properties and a sequence of :class:`Section` objects;
a section holds blocks: :class:`Heading`, :class:`Paragraph`, :class:`Table`, :class:`Chart`
and :class:`PageBreak`. Nothing here formats or writes: the writers (Excel, Markdown, and the
web, PDF and Word writers built on the same composition) read the blocks, and a
:class:`Column` tells them what a table's values are (money, percent, a measure in a unit, a
status …) so that each writer shows them in its own way: a number format in Excel, Polish text
in Markdown.

Words in a report (titles, headings, column titles, status labels) are already in the report's
language: the function that composes a report takes the locale; writers add no words of their
own except those of their format (a sheet's name, "continued").

>>> import pandas as pd
>>> from decimal import Decimal
>>> frame = pd.DataFrame({"goal": ["1", "2"], "cost": [Decimal("514239.53"), Decimal("0.00")]})
>>> table = Table(
...     frame,
...     columns=(Column("goal", "Cel"), Column("cost", "Koszt", kind=ColumnKind.MONEY)),
...     title="Koszty",
... )
>>> report = Report(title="Raport", sections=(Section("Projekty", (Heading("Projekty"), table)),))
>>> [type(block).__name__ for block in report.sections[0].blocks]
['Heading', 'Table']
>>> [column.kind.value for column in Table(frame).columns]
['text', 'money']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final, TypeAlias

import pandas as pd
from attrs import field, frozen

from citystrategy._i18n import LANGUAGES
from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.money import Money

__all__ = [
    "EXCEL_SHEET_NAME_LIMIT",
    "Block",
    "Chart",
    "ChartKind",
    "Column",
    "ColumnKind",
    "Heading",
    "PageBreak",
    "Paragraph",
    "Report",
    "Section",
    "Table",
    "Tone",
    "infer_columns",
]

#: The longest sheet name Excel accepts; a section's ``sheet`` name must fit.
EXCEL_SHEET_NAME_LIMIT: Final = 31


class ColumnKind(StrEnum):
    """What a column's values are, so that every writer shows them alike."""

    TEXT = "text"  #: text, written as text (never a formula)
    INTEGER = "integer"  #: whole numbers
    YEAR = "year"  #: years: whole numbers never grouped (``2023``, not ``2 023`` or ``2,023``)
    NUMBER = "number"  #: numbers with :attr:`Column.decimals` places
    MONEY = "money"  #: exact ``Decimal`` amounts in :attr:`Column.currency`
    PERCENT = "percent"  #: shares in percent: ``5.2`` is 5,2%
    POINTS = "points"  #: differences of percentages, in percentage points (p.p.)
    MEASURE = (
        "measure"  #: values in a unit: :attr:`Column.unit` or each row's :attr:`Column.unit_key`
    )
    DATE = "date"  #: ``datetime.date`` values
    BOOLEAN = "boolean"  #: yes / no; :attr:`Column.labels` gives the words
    LIST = "list"  #: lists (tuples) of texts, one item per line
    STATUS = "status"  #: codes shown by :attr:`Column.labels`, coloured by :attr:`Column.tones`
    SCORE = "score"  #: a score on a -5..+5 scale (icons in a spreadsheet)
    PROGRESS = "progress"  #: percent of the way to a target (data bars in a spreadsheet)
    P_VALUE = "p_value"  #: a test's p-value: three decimals, one under 0.001 as ``< 0,001``


class Tone(StrEnum):
    """How good a status is, for colours and icons (which writers pair with text, never alone)."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    BAD = "bad"
    NEUTRAL = "neutral"


def _mapping(value: Mapping[Any, Any] | None) -> Mapping[Any, Any]:
    return dict(value or {})


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(repr(member.value) for member in enum)


def _column_kind(value: ColumnKind | str) -> ColumnKind:
    """*value* as a :class:`ColumnKind`; an unknown kind is refused, naming the kinds."""
    try:
        return ColumnKind(value)
    except ValueError:
        raise ArgumentError(
            "kind", value, f"a kind of column, one of {_choices(ColumnKind)}"
        ) from None


@frozen
class Column:
    """How a table's column is shown.

    Attributes:
        key: The frame's column.
        title: Its heading, in the report's language.
        kind: What its values are.
        decimals: Decimal places shown (``None``: the kind's default; money has 2).
        unit: The unit of every value of a ``MEASURE`` column (a unit of
            :mod:`citystrategy.units`), when all rows share it.
        unit_key: The frame's column that gives each row's unit, when rows differ.
        currency: The currency of a ``MONEY`` column (ISO 4217).
        reason_key: The frame's column that says why a value is missing; writers show it where the
            value is missing.
        labels: The words shown for codes (``STATUS``, ``BOOLEAN`` and coded ``TEXT`` columns).
        tones: How good each code is (``STATUS`` columns).
        note: A remark on the column (a footnote, a cell comment).
        signed: Whether a value above zero shows its plus sign (a change: ``+54``,
            ``+0,3 p.p.``), as a difference of percentages and a score always do.
    """

    key: str
    title: str = ""
    kind: ColumnKind = field(default=ColumnKind.TEXT, converter=_column_kind)
    decimals: int | None = field(default=None, kw_only=True)
    unit: str = field(default="", kw_only=True)
    unit_key: str = field(default="", kw_only=True)
    currency: str = field(default="PLN", kw_only=True)
    reason_key: str = field(default="", kw_only=True)
    labels: Mapping[Any, str] = field(factory=dict, converter=_mapping, kw_only=True, eq=False)
    tones: Mapping[Any, Tone] = field(factory=dict, converter=_mapping, kw_only=True, eq=False)
    note: str = field(default="", kw_only=True)
    signed: bool = field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.title:
            object.__setattr__(self, "title", self.key)
        if self.decimals is not None and not 0 <= self.decimals <= 15:
            raise ArgumentError("decimals", self.decimals, "0 to 15 decimal places")


def _kind_of(series: pd.Series[Any]) -> ColumnKind:
    if pd.api.types.is_bool_dtype(series.dtype):
        return ColumnKind.BOOLEAN
    if pd.api.types.is_integer_dtype(series.dtype):
        return ColumnKind.INTEGER
    if pd.api.types.is_float_dtype(series.dtype):
        return ColumnKind.NUMBER
    present = series.dropna()
    if len(present) and all(isinstance(v, Decimal) for v in present):
        return ColumnKind.MONEY
    if len(present) and all(isinstance(v, dt.date) for v in present):
        return ColumnKind.DATE
    if len(present) and all(isinstance(v, (tuple, list)) for v in present):
        return ColumnKind.LIST
    return ColumnKind.TEXT


def infer_columns(frame: pd.DataFrame) -> tuple[Column, ...]:
    """A :class:`Column` for each column of *frame*, its kind read from the values.

    Booleans, integers, floats, ``Decimal`` (taken as money), dates and lists are recognised;
    everything else is text. Titles are the column names.

    >>> import pandas as pd
    >>> [c.kind.value for c in infer_columns(pd.DataFrame({"n": [1], "x": [0.5], "s": ["a"]}))]
    ['integer', 'number', 'text']
    """
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentTypeError("frame", frame, "a pandas DataFrame")
    return tuple(Column(str(key), kind=_kind_of(frame[key])) for key in frame.columns)


def _exact_money(series: pd.Series[Any], key: str) -> None:
    """Money is exact: a MONEY column holds ``Decimal`` or ``Money`` values (or missing ones)."""
    for value in series:
        if value is None or value is pd.NA or isinstance(value, (Decimal, Money)):
            continue
        if isinstance(value, float) and value != value:  # NaN: missing
            continue
        raise ArgumentTypeError(
            f"frame[{key!r}]", value, "Decimal amounts (money is never a float)"
        )


def _frame(value: object) -> pd.DataFrame:
    if not isinstance(value, pd.DataFrame):
        raise ArgumentTypeError("frame", value, "a pandas DataFrame")
    return value


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    columns = tuple(value)
    for column in columns:
        if not isinstance(column, Column):
            raise ArgumentTypeError("columns", column, "Column objects")
    return columns


@frozen(eq=False)
class Table:
    """A table: a frame and how its columns are shown.

    Attributes:
        frame: The data; its index is not shown.
        columns: The columns shown, in order; by default every column of *frame*, their kinds
            inferred (:func:`infer_columns`). Each ``key`` (and ``unit_key``, ``reason_key``) must
            be a column of *frame*.
        title: A caption.
        note: A remark printed under it (sources, how it was computed).
        name: A short name (a spreadsheet's table or sheet name, an anchor); ``""`` lets a writer
            choose.
    """

    frame: pd.DataFrame = field(converter=_frame)
    columns: tuple[Column, ...] = field(default=(), converter=_columns)
    title: str = field(default="", kw_only=True)
    note: str = field(default="", kw_only=True)
    name: str = field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.columns:
            object.__setattr__(self, "columns", infer_columns(self.frame))
        present = {str(key) for key in self.frame.columns}
        for column in self.columns:
            for key in (column.key, column.unit_key, column.reason_key):
                if key and key not in present:
                    raise ArgumentError(
                        "columns", key, f"a column of the frame ({', '.join(sorted(present))})"
                    )
            if column.kind is ColumnKind.MONEY:
                _exact_money(self.frame[column.key], column.key)


@frozen
class Heading:
    """A heading.

    Attributes:
        text: Its words.
        level: 1 for a section's title, 2 and 3 below it.
    """

    text: str
    level: int = 1

    def __attrs_post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ArgumentError("level", self.level, "1, 2 or 3")


@frozen
class Paragraph:
    """A paragraph of plain text; blank lines in it separate paragraphs.

    Attributes:
        text: Its words.
    """

    text: str


@frozen
class PageBreak:
    """A page break (a new sheet in a spreadsheet, a new page on paper)."""


class ChartKind(StrEnum):
    """The kind of a chart."""

    PIE = "pie"  #: shares of a whole: one series
    BAR = "bar"  #: horizontal bars, one per category
    COLUMN = "column"  #: vertical bars
    LINE = "line"  #: values over the categories (years)


def _keys(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _chart_kind(value: ChartKind | str) -> ChartKind:
    """*value* as a :class:`ChartKind`; an unknown kind is refused, naming the kinds."""
    try:
        return ChartKind(value)
    except ValueError:
        raise ArgumentError(
            "kind", value, f"a kind of chart, one of {_choices(ChartKind)}"
        ) from None


#: The kinds of column a chart can plot: numbers.
_PLOTTED: Final = frozenset(
    {
        ColumnKind.INTEGER,
        ColumnKind.NUMBER,
        ColumnKind.MONEY,
        ColumnKind.PERCENT,
        ColumnKind.POINTS,
        ColumnKind.MEASURE,
        ColumnKind.SCORE,
        ColumnKind.PROGRESS,
    }
)


def _numbers(series: pd.Series[Any]) -> bool:
    """Whether every value of *series* present is a number (``Money`` included), none a bool."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return False
    if pd.api.types.is_numeric_dtype(series.dtype):
        return True
    return all(
        isinstance(value, int | float | Decimal | Money) and not isinstance(value, bool)
        for value in series.dropna()
    )


@frozen(eq=False)
class Chart:
    """A chart of a table's columns.

    Attributes:
        kind: Pie, bar, column or line.
        title: Its title.
        table: The data: writers that need cells for a chart (Excel) write it too.
        category: The column whose values label the slices, bars or points.
        series: The columns plotted, one series each (one for a pie).
        axis_title: The value axis' title (the unit), where there is one.
    """

    kind: ChartKind = field(converter=_chart_kind)
    title: str
    table: Table
    category: str
    series: tuple[str, ...] = field(converter=_keys)
    axis_title: str = field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        columns = {column.key: column for column in self.table.columns}
        known = f"a column of the table ({', '.join(sorted(columns))})"
        if self.category not in columns:
            raise ArgumentError("category", self.category, known)
        for key in self.series:
            if key not in columns:
                raise ArgumentError("series", key, known)
            kind = columns[key].kind
            if kind not in _PLOTTED or not _numbers(self.table.frame[key]):
                expected = f"a column of numbers to plot ({key!r} is a {kind.value} column)"
                if kind in _PLOTTED:
                    expected = f"a column of numbers to plot ({key!r} holds other values)"
                raise ArgumentError("series", key, expected)
        if not self.series:
            raise ArgumentError("series", self.series, "at least one column")
        if self.kind is ChartKind.PIE and len(self.series) != 1:
            raise ArgumentError("series", self.series, "one column for a pie chart")


#: The languages a report can be written in: those with a catalogue, and English, the messages'.
_REPORT_LANGUAGES: Final = (*LANGUAGES, "en")
_LOCALES_EXPECTED: Final = (
    "a locale of a language the catalogue has, "
    + ", ".join(repr(code) for code in _REPORT_LANGUAGES)
    + " (e.g. 'pl', 'pl_PL', 'en', 'en_GB', 'en_US')"
)

#: One part of a section.
Block: TypeAlias = Heading | Paragraph | Table | Chart | PageBreak

_BLOCKS: Final = (Heading, Paragraph, Table, Chart, PageBreak)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    blocks = tuple(value)
    for block in blocks:
        if not isinstance(block, _BLOCKS):
            raise ArgumentTypeError(
                "blocks", block, "Heading, Paragraph, Table, Chart or PageBreak"
            )
    return blocks


@frozen(eq=False)
class Section:
    """A section of a report: a sheet in a spreadsheet, a chapter in a document.

    Attributes:
        title: Its title.
        blocks: Its content, in order.
        sheet: A sheet name (at most 31 characters, none of ``[]:*?/\\``); ``""``: from the
            title.
    """

    title: str
    blocks: tuple[Block, ...] = field(default=(), converter=_blocks)
    sheet: str = field(default="", kw_only=True)

    def __attrs_post_init__(self) -> None:
        bad = set("[]:*?/\\") & set(self.sheet)
        if len(self.sheet) > EXCEL_SHEET_NAME_LIMIT or bad:
            expected = f"at most {EXCEL_SHEET_NAME_LIMIT} characters, none of []:*?/\\"
            raise ArgumentError("sheet", self.sheet, expected)

    @property
    def tables(self) -> tuple[Table, ...]:
        """The section's tables, in order (a chart's own table excluded)."""
        return tuple(block for block in self.blocks if isinstance(block, Table))


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    sections = tuple(value)
    for section in sections:
        if not isinstance(section, Section):
            raise ArgumentTypeError("sections", section, "Section objects")
    return sections


@frozen(kw_only=True, eq=False)
class Report:
    """A report: its properties, its sections and its long data.

    Attributes:
        title: The title (also the document's title property).
        sections: The sections, in order; the first is the summary.
        locale: The language the report's words are in (``"pl_PL"``, ``"en_GB"``); writers format
            numbers and dates in it.
        subject: The document's subject property.
        author: The document's author property (the office that draws it up).
        created: The document's date.
        data: The long data (one row per territory, indicator and year), written on a sheet of
            its own (continued on numbered sheets past a spreadsheet's row limit) or as a
            separate file; ``None``: none.
        data_title: The data sheet's name; ``""``: "Dane" or "Data", in the report's language.
    """

    title: str
    sections: tuple[Section, ...] = field(default=(), converter=_sections)
    locale: str = "pl_PL"
    subject: str = ""
    author: str = ""
    created: dt.date | None = None
    data: Table | None = None
    data_title: str = ""

    def __attrs_post_init__(self) -> None:
        from citystrategy.formatting import get_locale  # babel, only when a report is made

        if get_locale(self.locale).language not in _REPORT_LANGUAGES:
            raise ArgumentError("locale", self.locale, _LOCALES_EXPECTED)
