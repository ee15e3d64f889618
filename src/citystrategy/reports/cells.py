r"""The text of a report table's cells, for the writers that write text (Markdown; HTML, Word).

A :class:`~citystrategy.reports.document.Column` says what its values are; :func:`cell_text`
writes one value as a reader of the report's language expects it, with
:mod:`citystrategy.formatting`: money with its currency, percentages, percentage points,
measures in their unit, dates, yes / no and statuses through the column's labels, lists one
item a line, and a missing value as ``–`` or the reason the row gives for it.

>>> from decimal import Decimal
>>> from citystrategy.reports.document import Column, ColumnKind
>>> cell_text(Decimal("85665519.74"), Column("cost", kind=ColumnKind.MONEY))
'85\xa0665\xa0519,74\xa0zł'
>>> cell_text(Decimal("5.2"), Column("share", kind=ColumnKind.PERCENT), locale="en_GB")
'5.2%'
>>> cell_text(None, Column("value", kind=ColumnKind.NUMBER))
'–'
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import pandas as pd

from citystrategy._arguments import instance
from citystrategy._i18n import gettext, pgettext
from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    LocaleLike,
    format_date,
    format_missing,
    format_money,
    format_number,
    format_percent,
    format_percentage_points,
    format_value,
    get_label,
    get_locale,
)
from citystrategy.money import Money
from citystrategy.percent import Percent
from citystrategy.reports.document import Column, ColumnKind, Table, Tone

__all__ = ["NUMERIC_KINDS", "STATUS_ICONS", "cell_text", "table_rows"]

#: Kinds whose cells every writer aligns right: numbers, amounts, shares, scores.
NUMERIC_KINDS: Final = frozenset(
    {
        ColumnKind.INTEGER,
        ColumnKind.YEAR,
        ColumnKind.NUMBER,
        ColumnKind.MONEY,
        ColumnKind.PERCENT,
        ColumnKind.POINTS,
        ColumnKind.MEASURE,
        ColumnKind.SCORE,
        ColumnKind.PROGRESS,
        ColumnKind.P_VALUE,
    }
)
#: The icon every writer shows before a status's word, by its tone, so that colour never
#: carries the meaning alone.
STATUS_ICONS: Final = {
    Tone.GOOD: "\u2714",  # ✔ heavy check mark
    Tone.FAIR: "\u25d1",  # ◑ circle with right half black
    Tone.POOR: "\u26a0",  # ⚠ warning sign
    Tone.BAD: "\u2718",  # ✘ heavy ballot x
    Tone.NEUTRAL: "\u25cb",  # ○ white circle
}

#: Decimal places of each kind when its column gives none (``None``: the value's own).
_DECIMALS: Final = {
    ColumnKind.INTEGER: 0,
    ColumnKind.MONEY: 2,
    ColumnKind.PERCENT: 1,
    ColumnKind.POINTS: 1,
    ColumnKind.PROGRESS: 1,
    ColumnKind.SCORE: 1,
    ColumnKind.P_VALUE: 3,
}
#: The least p-value shown as a number; a smaller one is ``< 0,001``, never ``0,000``.
P_FLOOR: Final = Decimal("0.001")
#: Significant digits a float is read to: its binary noise (``0.30000000000000004``) is gone,
#: and every digit a float holds for certain is kept (Excel keeps the same 15).
_FLOAT_DIGITS: Final = 15


def _is_missing(value: object) -> bool:
    """Whether *value* is missing: ``None``, NaN (a float's or a Decimal's), ``pd.NA``, ``NaT``."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, Decimal):
        return value.is_nan()
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        return math.isnan(float(value))
    return False


def _exact(value: object, argument: str = "value") -> Decimal:
    """*value* as a Decimal: a Decimal or an int as it is, a float to 15 significant digits.

    A float is read without its binary noise (``0.1 + 0.2`` is ``0.3``).

    >>> _exact(0.1 + 0.2), _exact(Decimal("5.20")), _exact(1e-05)
    (Decimal('0.3'), Decimal('5.20'), Decimal('0.00001'))
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | numbers.Real):
        raise ArgumentTypeError(argument, value, "a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    number = float(value)
    if not math.isfinite(number):
        raise ArgumentError(argument, value, "a finite number")
    return Decimal(format(number, f".{_FLOAT_DIGITS}g"))


def _labelled(value: object, column: Column, locale: LocaleLike) -> str | None:
    """The column's label of *value* (an enumeration's label from the catalogue), if any."""
    try:
        if value in column.labels:
            return column.labels[value]
    except TypeError:  # an unhashable value has no label
        return None
    if isinstance(value, Enum):
        if value.value in column.labels:
            return column.labels[value.value]
        return get_label(value, locale=locale)
    return None


def _text(value: object, column: Column, locale: LocaleLike) -> str:
    label = _labelled(value, column, locale)
    return str(value) if label is None else label


def _boolean(value: object, column: Column, locale: LocaleLike) -> str:
    label = _labelled(value, column, locale)
    if label is not None:
        return label
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # NumPy's too
        return (
            pgettext("table cell", "yes", locale) if value else pgettext("table cell", "no", locale)
        )
    return str(value)


def _list(value: object, column: Column, locale: LocaleLike) -> str:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        return _text(value, column, locale)
    items = [item for item in value if not _is_missing(item)]
    return "\n".join(_text(item, column, locale) for item in items)


def _row_value(row: Mapping[str, Any] | pd.Series[Any] | None, key: str, column: Column) -> object:
    if row is None:
        raise ArgumentError("row", None, f"the row, which gives the column's {key!r}")
    try:
        return row[key]
    except KeyError:
        raise ArgumentError("row", key, f"a row with the column {key!r}") from None


def _measure(value: object, column: Column, row: Any, locale: LocaleLike) -> str:
    if isinstance(value, Percent):
        value = value.value
    number = _exact(value)
    unit: object = column.unit
    if column.unit_key:
        unit = _row_value(row, column.unit_key, column)
    if _is_missing(unit) or not unit:
        text = format_number(number, decimals=column.decimals, locale=locale)
    else:
        text = format_value(number, _canonical(str(unit)), decimals=column.decimals, locale=locale)
    return "+" + text if column.signed and number > 0 and text[0] not in "+-−" else text


def _canonical(unit: str) -> str:
    """*unit*'s canonical name (``MWh`` is ``megawatt_hour``); as it is if pint has none."""
    if unit in UNIT_LABELS:
        return unit
    import pint  # only for a unit without a label: pint and the registry load when needed

    from citystrategy.units import ureg

    try:
        return str(ureg.Unit(unit))
    except (pint.PintError, AttributeError, ValueError, TypeError):
        return unit  # format_value says it has no label


def _money(value: object, column: Column, locale: LocaleLike) -> str:
    money = value if isinstance(value, Money) else Money(_money_amount(value), column.currency)
    decimals = _DECIMALS[ColumnKind.MONEY] if column.decimals is None else column.decimals
    return format_money(money, decimals=decimals, locale=locale)


def _money_amount(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | numbers.Integral):
        raise ArgumentTypeError("value", value, "a Decimal amount (money is never a float)")
    return Decimal(value) if isinstance(value, Decimal) else Decimal(int(value))


def _number_text(value: object, column: Column, locale: LocaleLike) -> str:
    """A number of a numeric kind other than money and measures."""
    if isinstance(value, Percent):
        value = value.value
    number = _exact(value)
    decimals = _DECIMALS.get(column.kind) if column.decimals is None else column.decimals
    if column.kind in (ColumnKind.PERCENT, ColumnKind.PROGRESS):
        return format_percent(number, decimals=decimals, locale=locale)
    if column.kind is ColumnKind.POINTS:
        return format_percentage_points(number, decimals=decimals, locale=locale)
    if column.kind is ColumnKind.P_VALUE and number < P_FLOOR:
        return f"<\xa0{format_number(P_FLOOR, locale=locale)}"
    return format_number(number, decimals=decimals, locale=locale)


def reason_words(text: object, locale: LocaleLike) -> str:
    """The reason for a missing value in the reader's language: the meaning of one of GUS's
    signs (``not applicable (GUS sign 'x')``, as the data keeps it) translated, a city's own
    reason (``brak danych w terminie``) as it is."""
    return gettext(str(text), locale)


def _missing_text(column: Column, row: Any, locale: LocaleLike) -> str:
    if column.reason_key and row is not None:
        reason = _row_value(row, column.reason_key, column)
        if not _is_missing(reason) and str(reason):
            return reason_words(_text(reason, column, locale), locale)
    return format_missing(locale=locale)


def cell_text(
    value: object,
    column: Column,
    row: Mapping[str, Any] | pd.Series[Any] | None = None,
    *,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""The text of one cell of a table, by its column's kind, in *locale*.

    Money is written with its currency (``85 665 519,74 zł``), percentages and progress with
    ``%`` (``5,2%``), differences of percentages in percentage points (``+0,6 p.p.``), measures
    with the row's unit (:attr:`Column.unit_key`) or the column's, integers, numbers and scores
    with :attr:`Column.decimals`, dates as ``20.06.2024 r.``, booleans, statuses and coded texts
    through :attr:`Column.labels` (an enumeration of the model without a label by its catalogue
    label), lists one item a line, and a missing value as ``–`` or the reason in the row's
    :attr:`Column.reason_key` column. A float is read to 15 significant digits, so its binary
    noise never shows.

    Args:
        value: The cell's value.
        column: Its column.
        row: The whole row (a mapping or a frame's row), where the column takes a unit or a
            reason from another column.
        locale: Language and number format.

    Raises:
        ArgumentTypeError: If *column* is not a Column, or *value* is not of its kind (text in
            a money column, a float amount of money).
        ArgumentError: If the column takes its unit from a row and none is given.
        UnitError: If a measure's unit has no label.

    >>> from citystrategy.reports.document import Column, ColumnKind
    >>> points = Column("change", kind=ColumnKind.POINTS)
    >>> cell_text(Decimal("0.6"), points), cell_text(-7.1, points)
    ('+0,6\xa0p.p.', '-7,1\xa0p.p.')
    >>> value = Column("value", kind=ColumnKind.MEASURE, unit_key="unit", reason_key="why")
    >>> cell_text(Decimal("31791.00"), value, {"unit": "megawatt_hour", "why": ""})
    '31\xa0791,00\xa0MWh'
    >>> cell_text(None, value, {"unit": "MWh", "why": "brak danych w BDL"})
    'brak danych w BDL'
    >>> done = Column("done", kind=ColumnKind.BOOLEAN)
    >>> cell_text(True, done), cell_text(False, done, locale="en_GB")
    ('tak', 'no')
    """
    instance(column, "column", Column, "a Column")
    get_locale(locale)
    if row is not None and not isinstance(row, Mapping | pd.Series):
        raise ArgumentTypeError("row", row, "a mapping or a frame's row (a pandas Series)")
    kind = column.kind
    if _is_missing(value):
        return _missing_text(column, row, locale)
    if kind is ColumnKind.LIST:
        return _list(value, column, locale)
    if kind is ColumnKind.MONEY:
        return _money(value, column, locale)
    if kind is ColumnKind.MEASURE:
        return _measure(value, column, row, locale)
    if kind is ColumnKind.YEAR:
        return str(int(value))  # type: ignore[call-overload]
    if kind in (
        ColumnKind.INTEGER,
        ColumnKind.NUMBER,
        ColumnKind.PERCENT,
        ColumnKind.POINTS,
        ColumnKind.SCORE,
        ColumnKind.PROGRESS,
        ColumnKind.P_VALUE,
    ):
        return _number_text(value, column, locale)
    if kind is ColumnKind.DATE:
        if not isinstance(value, dt.date):
            raise ArgumentTypeError("value", value, "a datetime.date")
        return format_date(value, locale=locale)
    if kind is ColumnKind.BOOLEAN:
        return _boolean(value, column, locale)
    return _text(value, column, locale)  # TEXT and STATUS


def table_rows(table: Table, *, locale: LocaleLike = DEFAULT_LOCALE) -> list[list[str]]:
    r"""The text of every cell of *table*, row by row, in the order of its columns.

    Raises:
        ArgumentTypeError: If *table* is not a Table (and as :func:`cell_text` says).

    >>> import pandas as pd
    >>> from citystrategy.reports.document import Column, ColumnKind, Table, Tone
    >>> frame = pd.DataFrame({"goal": ["1"], "share": [28.389]})
    >>> table_rows(Table(frame, (Column("goal"), Column("share", kind=ColumnKind.PERCENT))))
    [['1', '28,4%']]
    """
    instance(table, "table", Table, "a Table")
    rows = []
    for record in table.frame.to_dict("records"):  # each column's own types, unlike iterrows
        row = {str(key): value for key, value in record.items()}
        rows.append([cell_text(row[c.key], c, row, locale=locale) for c in table.columns])
    return rows
