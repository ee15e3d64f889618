r"""Errors worded for people, in the chosen language.

``str(error)`` is English, for logs and tracebacks; :func:`describe_error` words the same
message from the message catalogue, with figures written for the locale:

>>> from citystrategy.errors import UnknownCityError
>>> describe_error(UnknownCityError("radom", ["kielce"]), locale="pl_PL")
'nieznane miasto „radom”; znane miasta: kielce'
>>> describe_error(UnknownCityError("radom", ["kielce"]), locale="en_GB")
"unknown city 'radom'; known cities: kielce"
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale

from citystrategy import _i18n
from citystrategy._arguments import instance
from citystrategy.errors import CityStrategyError, Problem
from citystrategy.formatting import DEFAULT_LOCALE, LocaleLike, format_number, get_locale
from citystrategy.formatting._labels import unit_name

__all__ = ["describe_error", "describe_problem"]


class _Words:
    """The catalogue and the figures of one locale (:class:`citystrategy.errors.Words`)."""

    def __init__(self, locale: Locale) -> None:
        self._locale = locale

    def gettext(self, message: str) -> str:
        return _i18n.gettext(message, self._locale)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return _i18n.ngettext(singular, plural, count, self._locale)

    def number(self, value: Decimal) -> str:
        return format_number(value, locale=self._locale)

    def unit(self, name: str) -> str:
        return unit_name(name, "pl" if self._locale.language == "pl" else "en")


def describe_error(error: CityStrategyError, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    r"""*error*'s message in the language of *locale*.

    The values keep the form the English text gives them (codes and years as written, the
    offending text whole, in the quotes of the language: ``'a'`` in English, ``„a”`` in
    Polish); numbers that are figures are written for the locale. A :class:`~citystrategy.errors.DataFileError` names, for each problem, its line,
    column or key.

    >>> from citystrategy.errors import DataFileError, Message, Problem
    >>> problem = Problem(
    ...     line=4, column="goal", message=Message("unknown goal {code!r}", {"code": "9.9"})
    ... )
    >>> print(describe_error(DataFileError("indicators.tsv", [problem]), locale="pl"))
    indicators.tsv: 1 problem
      wiersz 4, kolumna „goal”: nieznany cel „9.9”

    Args:
        error: Any citystrategy error.
        locale: The language of the words and the figures.

    Raises:
        ArgumentTypeError: If *error* is not a citystrategy error, or *locale* is not a locale.
        ArgumentError: If babel does not know *locale*.
    """
    instance(error, "error", CityStrategyError, "a citystrategy error (CityStrategyError)")
    return error.to_message().render(_Words(get_locale(locale)))


def describe_problem(problem: Problem, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """One problem of a data file, with its place, in the language of *locale*.

    >>> from citystrategy.errors import Message, Problem
    >>> missing = Message("missing column(s) {columns}", {"columns": ("unit",)})
    >>> describe_problem(Problem(line=1, header=True, message=missing), locale="pl")
    'wiersz 1 (nagłówek): brak kolumn: „unit”'

    Raises:
        ArgumentTypeError: If *problem* is not a Problem, or *locale* is not a locale.
        ArgumentError: If babel does not know *locale*.
    """
    instance(problem, "problem", Problem, "a Problem of a DataFileError")
    return problem.render(_Words(get_locale(locale)))
