r"""Safe CSV: what a Polish Excel opens as it should, plain RFC 4180 in English, never a formula.

For a Polish locale the cells are separated by ``;`` and numbers have a decimal comma (a Polish
Excel reads ``,`` as the decimal separator and ``;`` as the list separator), and a file starts
with a UTF-8 byte order mark, without which Excel reads it as Windows-1250. For English it is
plain RFC 4180: ``,`` between cells, a dot in numbers, no byte order mark. Lines end with CRLF,
as RFC 4180 says.

Numbers stay numbers: a ``Decimal`` is written exactly (``85665519,74``), a float without its
binary noise (to the column's decimals, else to 15 significant digits: ``0.1 + 0.2`` is
``0,3``), never grouped and never with an exponent. A missing value (``None``, NaN, ``pd.NA``)
is an empty cell, a list one item a line inside its (quoted) cell, a date ``2024-06-20``, an
enumeration its value. A text cell that a spreadsheet would read as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) begins with an apostrophe, as OWASP's
guidance on CSV injection says, unless it is a number (``-7,1``).

>>> import io, pandas as pd
>>> from decimal import Decimal
>>> frame = pd.DataFrame({"name": ["=1+2", "Kielce"], "cost": [Decimal("85665519.74"), None]})
>>> out = io.StringIO()
>>> write_csv(frame, out)
>>> out.getvalue()
"name;cost\r\n'=1+2;85665519,74\r\nKielce;\r\n"
>>> out = io.StringIO()
>>> write_csv(frame, out, locale="en_GB")
>>> out.getvalue()
"name,cost\r\n'=1+2,85665519.74\r\nKielce,\r\n"
"""

from __future__ import annotations

# Absolute imports only: this module's name is the standard library's.
import csv as _csv
import datetime as dt
import numbers
import os
import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Final, TextIO

import pandas as pd

from citystrategy._output import atomic_path
from citystrategy.errors import ArgumentTypeError
from citystrategy.formatting import DEFAULT_LOCALE, LocaleLike, format_number
from citystrategy.money import Money
from citystrategy.percent import Percent
from citystrategy.reports.cells import _exact, _is_missing, _labelled
from citystrategy.reports.document import Column, ColumnKind, Table

__all__ = ["FORMULA_STARTS", "to_csv", "write_csv"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

#: A text that is a plain number (``-7,1``, ``+5``, ``0.25``): a spreadsheet reads it as that
#: number, never as a formula, so it is not neutralised.
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
#: The kinds whose labels (yes / no, a status's words) are written instead of the codes.
_LABELLED: Final = (ColumnKind.TEXT, ColumnKind.STATUS, ColumnKind.BOOLEAN, ColumnKind.LIST)


def _dialect(locale: LocaleLike) -> tuple[str, str]:
    """The cell separator and the decimal symbol of *locale*: ``;`` where numbers have a comma."""
    decimal = format_number(Decimal("0.5"), locale=locale)[1]
    return (";" if decimal == "," else ","), decimal


def _neutral(text: str) -> str:
    """*text*, with an apostrophe before it if a spreadsheet would read it as a formula."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _cell(value: object, column: Column | None, decimal: str, locale: LocaleLike) -> str:
    """One value as a CSV cell, formula-like text neutralised."""
    text, number = _text(value, column, decimal, locale)
    return text if number else _neutral(text)


def _text(
    value: object, column: Column | None, decimal: str, locale: LocaleLike
) -> tuple[str, bool]:
    """One value's text, and whether it is a number."""
    if isinstance(value, list | tuple) or type(value).__name__ == "ndarray":
        items = [item for item in value if not _is_missing(item)]  # type: ignore[attr-defined]
        return "\n".join(_text(item, column, decimal, locale)[0] for item in items), False
    if _is_missing(value):
        return "", False
    if column is not None and column.kind in _LABELLED:
        label = _labelled(value, column, locale)
        if label is not None:
            return label, False
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return ("true" if value else "false"), False
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Money):
        value = value.amount
    if isinstance(value, Percent):
        value = value.value
    if isinstance(value, Decimal | numbers.Real):
        if isinstance(value, float) and value in (float("inf"), float("-inf")):
            return ("inf" if value > 0 else "-inf"), True
        number = _exact(value)
        decimals = None if column is None else column.decimals
        if decimals is not None and not isinstance(value, Decimal | numbers.Integral):
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        return format(number, "f").replace(".", decimal), True  # no exponent, no grouping
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" "), False
    if isinstance(value, dt.date):
        return value.isoformat(), False
    return str(value), False


def _source(frame_or_table: object) -> tuple[pd.DataFrame, list[Column] | None]:
    if isinstance(frame_or_table, Table):
        return frame_or_table.frame, list(frame_or_table.columns)
    if isinstance(frame_or_table, pd.DataFrame):
        return frame_or_table, None
    raise ArgumentTypeError("frame_or_table", frame_or_table, "a pandas DataFrame or a Table")


def _rows(
    frame: pd.DataFrame, columns: list[Column] | None, locale: LocaleLike
) -> Iterator[list[str]]:
    _, decimal = _dialect(locale)
    if columns is None:
        yield [_neutral(str(key)) for key in frame.columns]
        series: Sequence[pd.Series[Any]] = [frame.iloc[:, n] for n in range(frame.shape[1])]
        shown: Sequence[Column | None] = [None] * len(series)
    else:
        yield [_neutral(column.title) for column in columns]
        series = [frame[column.key] for column in columns]
        shown = columns
    cells = [_column(s, c, decimal, locale) for s, c in zip(series, shown, strict=True)]
    for row in zip(*cells, strict=True):
        yield list(row)


def _column(
    series: pd.Series[Any], column: Column | None, decimal: str, locale: LocaleLike
) -> list[str]:
    """The cells of one column: plain floats, integers and texts by a short path, the rest
    (and every value the short path cannot write as :func:`_cell` would) by :func:`_cell`."""
    values = series.tolist()
    labelled = column is not None and column.kind in _LABELLED and bool(column.labels)
    if pd.api.types.is_float_dtype(series.dtype) and (column is None or column.decimals is None):
        return [_float(v, column, decimal, locale) for v in values]
    if labelled:
        return [_cell(v, column, decimal, locale) for v in values]
    if pd.api.types.is_integer_dtype(series.dtype) and not isinstance(
        series.dtype, pd.api.extensions.ExtensionDtype
    ):
        return [str(v) for v in values]  # NumPy integers: never missing
    return [
        (v if not v.startswith(FORMULA_STARTS) else _neutral(v))
        if type(v) is str
        else _cell(v, column, decimal, locale)
        for v in values
    ]


def _float(value: float, column: Column | None, decimal: str, locale: LocaleLike) -> str:
    if value != value:  # NaN
        return ""
    text = format(value, ".15g")  # what _exact reads a float as, while it needs no exponent
    if "e" in text or "n" in text:  # an exponent, inf
        return _cell(value, column, decimal, locale)
    return text if decimal == "." else text.replace(".", decimal)


def write_csv(
    frame_or_table: pd.DataFrame | Table, out: TextIO, *, locale: LocaleLike = DEFAULT_LOCALE
) -> None:
    r"""Write a frame (its columns by name) or a table (its columns by title) as CSV to *out*.

    The frame's index is not written. A table's columns give the order, the titles of the
    header, the words of labelled cells (yes / no, statuses) and the decimals a float is rounded
    to; a frame's cells are written as they are (booleans ``true`` / ``false``).

    Args:
        frame_or_table: The data.
        out: A text stream (opened with ``newline=""`` if it is a file).
        locale: ``pl_PL`` (the default): ``;`` and a decimal comma; ``en_GB``: ``,`` and a dot.

    Raises:
        ArgumentTypeError: If *frame_or_table* is neither, or *out* has no ``write``.

    >>> import io, pandas as pd
    >>> out = io.StringIO()
    >>> write_csv(pd.DataFrame({"x": [0.1 + 0.2, -7.1], "y": [("a", "b"), "@SUM(A1)"]}), out)
    >>> out.getvalue()
    'x;y\r\n0,3;"a\nb"\r\n-7,1;\'@SUM(A1)\r\n'
    """
    frame, columns = _source(frame_or_table)
    if not callable(getattr(out, "write", None)):
        raise ArgumentTypeError("out", out, "a text stream")
    delimiter, _ = _dialect(locale)
    writer = _csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(_rows(frame, columns, locale))


def to_csv(
    frame_or_table: pd.DataFrame | Table,
    path: str | os.PathLike[str],
    *,
    locale: LocaleLike = DEFAULT_LOCALE,
    force: bool = False,
) -> Path:
    """Write a frame or a table as a CSV file (see :func:`write_csv`); return its path.

    A Polish file starts with a UTF-8 byte order mark, so that Excel reads its letters right;
    an English one has none. The file is written whole or not at all, and an existing file is
    replaced only with *force*.

    Raises:
        ArgumentTypeError: If *frame_or_table* is neither, or *path* is not a path.
        OutputExistsError: If *path* exists and *force* is false.
        OSError: If the file cannot be written.
    """
    _source(frame_or_table)
    delimiter, _ = _dialect(locale)
    encoding = "utf-8-sig" if delimiter == ";" else "utf-8"
    with (
        atomic_path(path, force=force) as temporary,
        temporary.open("w", encoding=encoding, newline="") as out,
    ):
        write_csv(frame_or_table, out, locale=locale)
    return Path(os.fspath(path))
