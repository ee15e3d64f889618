"""Dates: numeric (``20.06.2024 r.``) or long, with the month in the genitive in Polish."""

from __future__ import annotations

import datetime as dt
from typing import Final

from babel.dates import format_date as _babel_format_date

from citystrategy._arguments import text as _string
from citystrategy.errors import ArgumentError, ArgumentTypeError
from citystrategy.formatting._locales import DEFAULT_LOCALE, LocaleLike, _locale

__all__ = ["format_date"]

_NBSP: Final = "\u00a0"


def format_date(
    date: dt.date,
    *,
    style: str = "numeric",
    suffix: str | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format a date: ``20.06.2024 r.`` or ``9 czerwca 2022 r.`` (month in the genitive).

    A no-break space keeps ``r.`` on the line of its year.

    Args:
        date: The date.
        style: ``"numeric"`` or ``"long"``.
        suffix: Text after a Polish date (``"r."`` by default, ``"roku"``, or ``""``); other
            locales have none unless given.
        locale: The locale.

    Raises:
        ArgumentTypeError: If *date* is not a ``datetime.date`` (a string included).
        ArgumentError: If *style* is unknown.

    >>> format_date(dt.date(2024, 6, 20))
    '20.06.2024\xa0r.'
    >>> format_date(dt.date(2022, 6, 9), style="long")
    '9 czerwca 2022\xa0r.'
    >>> format_date(dt.date(2022, 6, 9), style="long", suffix="roku")
    '9 czerwca 2022\xa0roku'
    >>> format_date(dt.date(2022, 6, 9), style="long", locale="en_GB")
    '9 June 2022'
    """
    loc = _locale(locale)
    if not isinstance(date, dt.date):
        raise ArgumentTypeError("date", date, "a datetime.date")
    if suffix is not None:
        _string(suffix, "suffix")
    polish = loc.language == "pl"
    if style == "numeric":
        short = loc.date_formats["short"].pattern.replace("yy", "y").replace("yy", "y")
        text = _babel_format_date(date, "dd.MM.y" if polish else short, locale=loc)
    elif style == "long":
        text = _babel_format_date(date, "d MMMM y" if polish else "long", locale=loc)
    else:
        raise ArgumentError("style", style, "'numeric' or 'long'")
    ending = ("r." if polish else "") if suffix is None else suffix
    return f"{text}{_NBSP if polish else ' '}{ending}" if ending else text
