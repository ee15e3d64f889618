r"""Polish (and other) formatting of numbers, money, percentages, counts, units and dates.

The only package that imports babel (its private modules: locales, catalogue words for units
and enumerations, dates; everything is imported from ``citystrategy.formatting``). babel
supplies the locale data (separators, currency symbols, plural rules, month names); the
policies of Polish public documents live here:

* grouping from five digits (``1234``, ``12 345``; CLDR's minimum grouping digits for Polish,
  which babel ignores), with a no-break space (U+00A0) between groups;
* half-up rounding (babel rounds half-even), applied to Decimals, never through floats;
* percentages given in percent units (``5.2`` is ``5,2%``), percentage points as ``p.p.``;
* scaled money with the scale chosen *after* rounding (999 999 zł is ``1 mln zł``).

Every function takes a keyword-only ``locale`` defaulting to :data:`DEFAULT_LOCALE` (``pl_PL``);
the environment is never read. Strings in the examples show U+00A0 as ``\xa0``.

>>> format_money(Money(Decimal("85665519.74")))
'85\xa0665\xa0519,74\xa0zł'
>>> format_count(22, "project")
'22 projekty'
"""

from __future__ import annotations

import decimal
import functools
import sys
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from babel import Locale
from babel.numbers import get_currency_symbol, get_decimal_symbol, get_group_symbol

from citystrategy._arguments import integer
from citystrategy._arguments import member as _enum_member
from citystrategy._arguments import text as _string
from citystrategy._i18n import N_, Nn_, ngettext
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    Message,
    UnitError,
    UnknownCodeError,
)
from citystrategy.formatting._dates import format_date as format_date
from citystrategy.formatting._labels import UNIT_LABELS as UNIT_LABELS
from citystrategy.formatting._labels import _scales, _unit_labels
from citystrategy.formatting._labels import get_label as get_label
from citystrategy.formatting._locales import DEFAULT_LOCALE as DEFAULT_LOCALE
from citystrategy.formatting._locales import LocaleLike as LocaleLike
from citystrategy.formatting._locales import _language, _locale
from citystrategy.formatting._locales import get_language as get_language
from citystrategy.formatting._locales import get_locale as get_locale
from citystrategy.money import CURRENCIES, Money
from citystrategy.percent import Percent

if TYPE_CHECKING:
    import pint

__all__ = [
    "DEFAULT_LOCALE",
    "NOUNS",
    "UNIT_LABELS",
    "Grouping",
    "LocaleLike",
    "format_count",
    "format_date",
    "format_missing",
    "format_money",
    "format_money_scaled",
    "format_number",
    "format_percent",
    "format_percentage_points",
    "format_quantity",
    "format_target",
    "format_value",
    "get_label",
    "get_language",
    "get_locale",
]

_NBSP: Final = "\u00a0"


class Grouping(StrEnum):
    """When to separate groups of three digits."""

    MIN2 = "min2"  #: from five integer digits: ``1234``, ``12 345`` (CLDR for Polish)
    ALWAYS = "always"  #: ``1 234``
    NEVER = "never"  #: ``31791,00``


#: Nouns for :func:`format_count`, as English singular and plural; the catalogues give the other
#: languages' forms (Polish has one / few / many / other: ``1 projekt``, ``2 projekty``,
#: ``5 projektów``, ``1,5 projektu``).
NOUNS: Final[dict[str, tuple[str, str]]] = {
    "project": Nn_("project", "projects"),
    "indicator": Nn_("indicator", "indicators"),
    "goal": Nn_("goal", "goals"),
    "implementer": Nn_("implementer", "implementers"),
    "finding": Nn_("finding", "findings"),
    "error": Nn_("error", "errors"),
    "warning": Nn_("warning", "warnings"),
    "info": Nn_("note", "notes"),
    "day": Nn_("day", "days"),
    "person": Nn_("person", "people"),
    "inhabitant": Nn_("inhabitant", "inhabitants"),
    "city": Nn_("city", "cities"),
    "year": Nn_("year", "years"),
    "response": Nn_("response", "responses"),
}
_PLURAL_INDEX: Final = {"one": 0, "few": 1, "many": 2, "other": 3}

#: ASCII spellings for outputs that cannot carry Unicode.
_ASCII_UNITS: Final = {"µg/m³": "ug/m3", "m²": "m2", "km²": "km2"}


#: The rounding modes of :mod:`decimal`, for :func:`format_number`.
_ROUNDINGS: Final = (
    decimal.ROUND_CEILING,
    decimal.ROUND_DOWN,
    decimal.ROUND_FLOOR,
    decimal.ROUND_HALF_DOWN,
    decimal.ROUND_HALF_EVEN,
    decimal.ROUND_HALF_UP,
    decimal.ROUND_UP,
    decimal.ROUND_05UP,
)


def _decimal(value: Decimal | int | float, argument: str = "value") -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise ArgumentTypeError(argument, value, "a Decimal, an int or a float")
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        expected = "a finite number (a missing value is written with format_missing)"
        raise ArgumentError(argument, value, expected)
    return number  # a float is read through its shortest repr, not its binary expansion


def _decimals(decimals: int | None, *, optional: bool = True) -> int | None:
    """*decimals* checked: ``None`` (where allowed) or a non-negative int."""
    if decimals is None and optional:
        return None
    checked = integer(decimals, "decimals")
    if checked < 0:
        raise ArgumentError("decimals", decimals, "a whole number of digits, 0 or more")
    return checked


def _grouping(grouping: Grouping | str | None) -> Grouping | None:
    return None if grouping is None else _enum_member(Grouping, grouping, "grouping")


def _round(value: Decimal, decimals: int | None, rounding: str) -> Decimal:
    if decimals is None:
        return value
    digits = max(28, value.adjusted() + decimals + 2)  # quantize needs room for every digit
    return value.quantize(
        Decimal(1).scaleb(-decimals), rounding=rounding, context=Context(prec=digits)
    )


@functools.lru_cache(maxsize=8)
def _symbols(locale: Locale) -> tuple[str, str]:
    """The group and decimal symbols of *locale* (babel looks them up anew on every call)."""
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _plain(
    value: Decimal,
    *,
    grouping: Grouping | str | None,
    separator: str | None,
    locale: Locale,
) -> str:
    """Write an already rounded Decimal with the locale's symbols and our grouping policy."""
    negative = value < 0 and value != 0
    text = format(value.copy_abs(), "f")  # abs() would round to the context precision
    integer, _, fraction = text.partition(".")
    if grouping is None:
        grouping = Grouping.MIN2 if locale.language == "pl" else Grouping.ALWAYS
    symbols = _symbols(locale)
    group = symbols[0] if separator is None else separator
    if grouping == Grouping.ALWAYS or (grouping == Grouping.MIN2 and len(integer) >= 5):
        head = len(integer) % 3 or 3
        parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
        integer = group.join(parts)
    body = integer + (symbols[1] + fraction if fraction else "")
    return ("-" if negative else "") + body


def format_number(
    value: Decimal | int | float,
    *,
    decimals: int | None = None,
    grouping: Grouping | str | None = None,
    separator: str | None = None,
    rounding: str = ROUND_HALF_UP,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format *value* with the grouping and rounding policy.

    Args:
        value: The number; a float is read through its shortest repr.
        decimals: Fraction digits, or ``None`` to keep those of *value* (``Decimal("46.10")``
            keeps two).
        grouping: When to group digits; ``None`` follows the locale (Polish: from five digits).
        separator: Group separator; ``None`` uses the locale's (NBSP for Polish). Pass
            ``"\u202f"`` for a narrow space, ``" "`` for a plain one.
        rounding: A :mod:`decimal` rounding mode; half-up by default.
        locale: The locale.

    Raises:
        ArgumentTypeError: If *value* is not a number (``"12"`` included) or *decimals* not an
            int.
        ArgumentError: If *value* is NaN or infinite, *decimals* negative, or *grouping*,
            *rounding* or *locale* unknown.

    >>> format_number(12345.5)
    '12\xa0345,5'
    >>> format_number(Decimal("1234"))
    '1234'
    >>> format_number(Decimal("2.665"), decimals=2)
    '2,67'
    >>> format_number(Decimal("1234"), grouping="always", locale="en_GB")
    '1,234'
    """
    loc = _locale(locale)
    if rounding not in _ROUNDINGS:
        raise ArgumentError("rounding", rounding, "a rounding mode of the decimal module")
    if separator is not None:
        _string(separator, "separator")
    number = _round(_decimal(value), _decimals(decimals), rounding)
    return _plain(number, grouping=_grouping(grouping), separator=separator, locale=loc)


def format_money(
    money: Money,
    *,
    decimals: int = 2,
    grouping: Grouping | str | None = None,
    code: bool = False,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format an amount of money: ``85 665 519,74 zł``.

    Args:
        money: The amount.
        decimals: Fraction digits (``0`` for whole złoty), rounded half-up.
        grouping: As in :func:`format_number`.
        code: Write the ISO code (``PLN``) instead of the symbol (``zł``).
        locale: The locale; it decides the symbol and whether it goes before or after.

    >>> format_money(Money(Decimal("140750")), decimals=0)
    '140\xa0750\xa0zł'
    >>> format_money(Money(Decimal("30000"), "EUR"))
    '30\xa0000,00\xa0€'
    >>> format_money(Money(Decimal("1234.5")), locale="en_GB")
    'PLN\xa01,234.50'
    """
    loc = _locale(locale)
    _money(money)
    number = format_number(money.amount, decimals=decimals, grouping=grouping, locale=loc)
    if code:
        return f"{number}{_NBSP}{money.currency}"
    return _with_symbol(number, "", money.currency, loc)


def _money(money: object) -> None:
    if not isinstance(money, Money):
        raise ArgumentTypeError("money", money, "a Money")


def format_money_scaled(
    money: Money,
    *,
    decimals: int = 1,
    scale: str | None = None,
    trim_zeros: bool = True,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format money in thousands, millions or billions: ``115 tys. zł``, ``10,9 mln zł``.

    The scale is the largest whose rounded value is at least 1, so it is chosen *after*
    rounding: 999 999 zł gives ``1 mln zł``, not ``1000 tys. zł``. Amounts under a thousand are
    written unscaled, in whole units (``999 zł``).

    Args:
        money: The amount.
        decimals: Fraction digits after scaling, rounded half-up.
        scale: A fixed scale word for a whole table (``"tys."``, ``"mln"``, ``"mld"`` in Polish),
            or ``None`` to choose per amount.
        trim_zeros: Drop trailing fraction zeros (``115 tys.`` rather than ``115,0 tys.``).
        locale: The locale.

    Raises:
        ArgumentError: If *scale* is not a scale word of the locale, or *decimals* is negative.
        ArgumentTypeError: If *money* is not a :class:`~citystrategy.money.Money`.

    >>> format_money_scaled(Money(Decimal("115000")))
    '115\xa0tys.\xa0zł'
    >>> format_money_scaled(Money(Decimal("10912345.67")))
    '10,9\xa0mln\xa0zł'
    >>> format_money_scaled(Money(Decimal("999999")))
    '1\xa0mln\xa0zł'
    >>> format_money_scaled(Money(Decimal("999")))
    '999\xa0zł'
    """
    loc = _locale(locale)
    _money(money)
    decimals = _decimals(decimals, optional=False) or 0
    scales = _scales(loc)
    if scale is not None:
        factors = {word: factor for factor, word in scales}
        if scale not in factors:
            raise ArgumentError("scale", scale, f"one of {', '.join(map(repr, factors))}")
        chosen: tuple[Decimal, str] | None = (factors[scale], scale)
    else:
        chosen = None
        for factor, word in scales:
            if abs(_round(money.amount, 0, ROUND_HALF_UP)) < scales[-1][0]:
                break  # under a thousand once rounded to whole units: unscaled
            if abs(_round(money.amount / factor, decimals, ROUND_HALF_UP)) >= 1:
                chosen = (factor, word)
                break
    if chosen is None:
        return format_money(money, decimals=0, locale=loc)
    factor, word = chosen
    scaled = _round(money.amount / factor, decimals, ROUND_HALF_UP)
    if trim_zeros and scaled == scaled.to_integral_value():
        scaled = scaled.quantize(Decimal(1))
    elif trim_zeros:
        scaled = scaled.normalize()
    number = _plain(scaled, grouping=None, separator=None, locale=loc)
    return _with_symbol(number, word, money.currency, loc)


def _with_symbol(number: str, word: str, currency: str, locale: Locale) -> str:
    """Put the currency symbol (and a scale word) where the locale's pattern puts them."""
    symbol = get_currency_symbol(currency, locale=locale)
    if locale.currency_formats["standard"].pattern.startswith("¤"):
        space = _NBSP if symbol[-1].isalpha() else ""
        sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
        return f"{sign}{symbol}{space}{digits}{word}"
    return f"{number}{_NBSP}{word}{_NBSP}{symbol}" if word else f"{number}{_NBSP}{symbol}"


def format_percent(
    value: Percent | Decimal | int | float,
    *,
    decimals: int | None = 1,
    space: bool = False,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format a percentage given in percent units: ``4.6`` is ``4,6%``.

    Args:
        value: The percentage: a :class:`~citystrategy.percent.Percent` (a rate, such as
            :func:`citystrategy.funding.funding_rate` returns) or a number in percent, the
            unit of the data it comes from (never a fraction: ``0.046`` is ``0,0%``).
        decimals: Fraction digits, or ``None`` to keep those of *value*.
        space: Put a no-break space before ``%`` (``4,6 %``, accepted in Polish since 2020).
        locale: The locale.

    >>> format_percent(Decimal("5.2"))
    '5,2%'
    >>> format_percent(Decimal("90.25"), space=True)
    '90,3\xa0%'
    >>> from citystrategy.percent import Percent
    >>> format_percent(Percent("88.6"))
    '88,6%'
    """
    if isinstance(value, Percent):
        value = value.value
    number = format_number(value, decimals=decimals, locale=locale)
    return f"{number}{_NBSP if space else ''}%"


def format_percentage_points(
    value: Decimal | int | float,
    *,
    decimals: int | None = 1,
    sign: bool = True,
    label: str | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format a change of a percentage, in percentage points: ``+0,6 p.p.``.

    Args:
        value: The change, in percentage points.
        decimals: Fraction digits, or ``None`` to keep those of *value*.
        sign: Write ``+`` before a positive change (zero gets no sign).
        label: The label; ``None`` for the locale's (``p.p.``; ``pkt proc.`` is also used).
        locale: The locale.

    >>> format_percentage_points(Decimal("0.6"))
    '+0,6\xa0p.p.'
    >>> format_percentage_points(Decimal("-7.1"), label="pkt proc.")
    '-7,1\xa0pkt proc.'
    """
    loc = _locale(locale)
    number = format_number(value, decimals=decimals, locale=loc)
    if sign and not number.startswith("-") and _decimal(value) != 0 and number.strip("0,.") != "":
        number = "+" + number
    text = _unit_labels(_language(loc))["percentage_point"] if label is None else label
    return f"{number}{_NBSP}{text}"


def _noun_form(count: Decimal, forms: tuple[str, ...], locale: Locale) -> str:
    category = locale.plural_form(count)
    if _language(locale) == "pl" and len(forms) != 4:
        raise ArgumentError("noun", forms, "four noun forms for Polish (one, few, many, other)")
    if len(forms) == 2:  # English-like: one / other
        return forms[0] if category == "one" else forms[1]
    return forms[_PLURAL_INDEX.get(category, 3)]


def format_count(
    count: int | Decimal,
    noun: str | tuple[str, ...],
    *,
    separator: str = " ",
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """Format a count with the right plural form of its noun.

    Args:
        count: The number, as displayed (``Decimal("1.5")`` takes the fraction form).
        noun: A key of :data:`NOUNS` (``"project"``), or the forms themselves: Polish
            (one, few, many, other), e.g. ``("projekt", "projekty", "projektów", "projektu")``.
        separator: Between the number and the noun: a space in running text; quantities
            (``58 dni``) use a no-break space.
        locale: The locale.

    Raises:
        UnknownCodeError: If *noun* is not a key of :data:`NOUNS` (a ``KeyError`` too).
        ArgumentError: If *noun* gives the wrong number of forms for the language.

    >>> [format_count(n, "project") for n in (1, 2, 5, 12, 22)]
    ['1 projekt', '2 projekty', '5 projektów', '12 projektów', '22 projekty']
    >>> format_count(Decimal("1.5"), "project")
    '1,5 projektu'
    >>> format_count(2, "project", locale="en")
    '2 projects'
    """
    loc = _locale(locale)
    if not isinstance(noun, str) and not (
        isinstance(noun, tuple) and all(isinstance(form, str) for form in noun)
    ):
        raise ArgumentTypeError("noun", noun, "a noun of NOUNS or a tuple of its forms")
    _string(separator, "separator")
    if isinstance(noun, str) and noun not in NOUNS:
        raise UnknownCodeError("noun", noun, list(NOUNS))
    number = _decimal(count, "count")
    if isinstance(noun, str):
        word = ngettext(*NOUNS[noun], number, loc)
    else:
        word = _noun_form(number, noun, loc)
    return f"{format_number(number, locale=loc)}{separator}{word}"


#: How many labelled units a UnitError lists before "and N more".
_UNITS_LISTED: Final = 8


def _unit_label(unit: str, locale: Locale, *, ascii_only: bool) -> str:
    labels = _unit_labels(_language(locale))
    try:
        label = labels[unit]
    except KeyError:
        # The units a reader recognises first: those whose names are words, not registry keys.
        known = tuple(sorted(labels, key=lambda name: ("_" in name, name)))
        listed: object = known
        if len(known) > _UNITS_LISTED:
            more = {"shown": known[:_UNITS_LISTED], "count": len(known) - _UNITS_LISTED}
            listed = Message(N_("{shown} and {count} more"), more)
        expected = Message(N_("a unit with a label, one of {known}"), {"known": listed})
        raise UnitError(unit, expected) from None
    return _ASCII_UNITS.get(label, label) if ascii_only else label


def format_quantity(
    quantity: pint.Quantity[Decimal],
    *,
    decimals: int | None = None,
    ascii_only: bool = False,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format a quantity with its unit label: ``31 791,00 MWh``, ``17 µg/m³``, ``58 dni``.

    Args:
        quantity: The quantity (a Decimal magnitude keeps its printed precision).
        decimals: Fraction digits, or ``None`` to keep those of the magnitude.
        ascii_only: Write ``ug/m3`` instead of ``µg/m³``.
        locale: The locale.

    Raises:
        UnitError: If the unit has no label in :data:`UNIT_LABELS`.
        ArgumentTypeError: If *quantity* is not a pint quantity.

    >>> from citystrategy.units import Q_
    >>> format_quantity(Q_(Decimal("31791.00"), "MWh"))
    '31\xa0791,00\xa0MWh'
    >>> format_quantity(Q_(Decimal(17), "µg/m³"))
    '17\xa0µg/m³'
    >>> format_quantity(Q_(Decimal(58), "day"))
    '58\xa0dni'
    """
    loc = _locale(locale)
    pint = sys.modules.get("pint")  # a quantity exists only if pint was imported
    if pint is None or not isinstance(quantity, pint.Quantity):
        raise ArgumentTypeError("quantity", quantity, "a pint quantity")
    magnitude = _round(_decimal(quantity.magnitude), _decimals(decimals), ROUND_HALF_UP)
    return _with_unit(magnitude, str(quantity.units), loc, ascii_only=ascii_only)


def _with_unit(value: Decimal, unit: str, locale: Locale, *, ascii_only: bool = False) -> str:
    if unit == "percent":
        return format_percent(value, decimals=None, locale=locale)
    if unit in CURRENCIES:
        decimals = max(0, -int(value.as_tuple().exponent))
        return format_money(Money(value, unit), decimals=decimals, locale=locale)
    label = _unit_label(unit, locale, ascii_only=ascii_only)
    if label.startswith("noun:"):
        return format_count(value, label.removeprefix("noun:"), separator=_NBSP, locale=locale)
    number = _plain(value, grouping=None, separator=None, locale=locale)
    return f"{number}{_NBSP}{label}" if label else number


def _money_unit(unit: str) -> bool:
    """Whether *unit* is an amount of money (``PLN``, ``PLN / inhabitant``), shown with grosze."""
    return unit.split(" / ", 1)[0] in CURRENCIES


def _grosze(value: Decimal) -> Decimal:
    """*value* with two decimals at least: ``1746990947`` -> ``1746990947.00``."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        return _round(value, 2, ROUND_HALF_UP)
    return value


def format_value(
    value: Decimal | None,
    unit: str,
    *,
    decimals: int | None = None,
    missing: str = "–",
    ascii_only: bool = False,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format an indicator value in its unit; a missing value gives the *missing* sign, never 0.

    Args:
        value: The value, or ``None`` if missing.
        unit: Its canonical unit (``"percent"``, ``"PLN"``, ``"day"`` …).
        decimals: Fraction digits, or ``None`` to keep the printed precision (an amount of
            money with two at least, its grosze: ``8 400 000,00 zł``, as the project's default
            for money is).
        missing: The sign for a missing value (GUS: ``–`` no occurrence, ``.`` no data).
        ascii_only: Write ASCII unit labels.
        locale: The locale.

    Raises:
        ArgumentTypeError: If *value* is not a number or ``None`` (a string included).
        UnitError: If *unit* has no label in :data:`UNIT_LABELS`.

    >>> format_value(Decimal("46.10"), "PLN / inhabitant")
    '46,10\xa0zł na mieszkańca'
    >>> format_value(Decimal(8400000), "PLN")
    '8\xa0400\xa0000,00\xa0zł'
    >>> format_value(None, "percent")
    '–'
    """
    loc = _locale(locale)
    _string(unit, "unit")
    if value is None:
        return format_missing(marker=missing, locale=loc)
    places = _decimals(decimals)
    number = _round(_decimal(value), places, ROUND_HALF_UP)
    if places is None and _money_unit(unit):
        number = _grosze(number)
    return _with_unit(number, unit, loc, ascii_only=ascii_only)


def format_missing(*, marker: str = "–", locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The sign shown for a missing value: ``–`` (no occurrence) or ``.`` (no data), as asked.

    The GUS signs are the same in every language; *locale* is checked like everywhere else.

    >>> format_missing(marker=".")
    '.'
    """
    get_locale(locale)
    return marker


# Imported here rather than at the top, beside the one function that needs them.
from citystrategy import _i18n  # noqa: E402
from citystrategy.model import Target, TargetKind  # noqa: E402


def format_target(
    target: Target,
    unit: str,
    *,
    symbols: bool = False,
    ascii_only: bool = False,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    r"""Format a target from its parsed values and its indicator's *unit*, never its printed text.

    A bound reads ``co najmniej 14,3%`` / ``at least 14.3%`` (or ``≥ 14,3%`` with *symbols*), a
    range has an en dash and its unit once (``10–20 µg/m³``), an *exactly* target its tolerance
    (``50 ± 5 µg/m³``; a percentage's tolerance is in percentage points). Money has its grosze,
    as the values beside it do (``co najmniej 1 746 990 947,00 zł``).

    Args:
        target: The target (:class:`~citystrategy.model.Target`).
        unit: The canonical unit of its indicator (``"percent"``, ``"megawatt_hour"`` …).
        symbols: Write a bound as ``≥`` / ``≤`` (for tables) instead of words.
        ascii_only: Write ASCII unit labels (``ug/m3``).
        locale: The locale.

    Raises:
        ArgumentTypeError: If *target* is not a Target or *unit* not a string.
        UnitError: If *unit* has no label in :data:`UNIT_LABELS`.

    >>> at_least = Target(kind=TargetKind.AT_LEAST, value=Decimal("14.3"), year=2030)
    >>> format_target(at_least, "percent"), format_target(at_least, "percent", locale="en_GB")
    ('co najmniej 14,3%', 'at least 14.3%')
    >>> limit = Target(kind=TargetKind.AT_MOST, value=Decimal(20), year=2030, raw="20 ug/m3")
    >>> format_target(limit, "microgram / meter ** 3", symbols=True)
    '≤\xa020\xa0µg/m³'
    >>> band = Target(kind=TargetKind.WITHIN_RANGE, low=Decimal(10), high=Decimal(20), year=2030)
    >>> format_target(band, "PLN")
    '10,00–20,00\xa0zł'
    >>> exact = Target(kind=TargetKind.EXACTLY, value=Decimal(50), tolerance=Decimal(5), year=2030)
    >>> format_target(exact, "percent")
    '50%\xa0±\xa05\xa0p.p.'
    """
    loc = _locale(locale)
    if not isinstance(target, Target):
        raise ArgumentTypeError("target", target, "a Target of the model")
    _string(unit, "unit")

    money = _money_unit(unit)

    def exact(value: Decimal) -> Decimal:
        return _grosze(_decimal(value)) if money else value

    def shown(value: Decimal) -> str:
        return format_value(exact(value), unit, ascii_only=ascii_only, locale=loc)

    if target.kind is TargetKind.WITHIN_RANGE:
        assert target.low is not None  # checked by Target
        assert target.high is not None
        low, high = shown(target.low), shown(target.high)
        low_number = format_number(exact(target.low), locale=loc)
        high_number = format_number(exact(target.high), locale=loc)
        dash = "–" if target.low >= 0 and target.high >= 0 else f"{_NBSP}– "
        if low.startswith(low_number) and high.startswith(high_number):
            return f"{low_number}{dash}{high}"  # the unit once, after the range: 10–20 zł
        prefix = low.removesuffix(low_number)
        if low.endswith(low_number) and high == prefix + high_number:
            return f"{low}{dash}{high_number}"  # a unit written first: PLN 10–20
        return f"{low}{dash}{high}"
    assert target.value is not None  # checked by Target
    value = shown(target.value)
    if target.kind is TargetKind.EXACTLY:
        if not target.tolerance:
            return value
        if unit == "percent":
            tolerance = format_percentage_points(
                target.tolerance, decimals=None, sign=False, locale=loc
            )
            return f"{value}{_NBSP}±{_NBSP}{tolerance}"
        number = format_number(exact(target.value), locale=loc)
        plus_minus = f"{_NBSP}±{_NBSP}{shown(target.tolerance)}"
        if value.startswith(number):
            return f"{number}{plus_minus}"
        return f"{value}{plus_minus}"
    at_least = target.kind is TargetKind.AT_LEAST
    if symbols:
        return f"{'≥' if at_least else '≤'}{_NBSP}{value}"
    if at_least:
        return _i18n.pgettext("target bound", "at least {value}", loc).format(value=value)
    return _i18n.pgettext("target bound", "at most {value}", loc).format(value=value)
