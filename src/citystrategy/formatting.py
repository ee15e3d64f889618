r"""Polish (and other) formatting of numbers, money, percentages, counts, units and dates.

The only module that imports babel. babel supplies the locale data (separators, currency
symbols, plural rules, month names); the policies of Polish public documents live here:

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

import datetime as dt
import decimal
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import Enum, StrEnum
from typing import Final, TypeAlias

import pint
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.numbers import get_currency_symbol, get_decimal_symbol, get_group_symbol

from citystrategy._arguments import integer
from citystrategy._arguments import member as _enum_member
from citystrategy._arguments import text as _string
from citystrategy._i18n import Nn_, ngettext
from citystrategy.errors import ArgumentError, ArgumentTypeError, UnitError, UnknownCodeError
from citystrategy.model import Direction, Level, ParticipantRole, TargetKind
from citystrategy.money import CURRENCIES, Money
from citystrategy.percent import Percent
from citystrategy.progress import Note, Status, Trend

__all__ = [
    "DEFAULT_LOCALE",
    "LABELS",
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
    "format_value",
    "get_label",
    "get_language",
    "get_locale",
]

#: Locale used when none is passed. Never read from the environment.
DEFAULT_LOCALE: Final = Locale.parse("pl_PL")

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

#: Unit labels by language. A label starting with ``noun:`` takes the plural form of that
#: noun (``58 dni``); an empty label prints the bare number (plain counts).
UNIT_LABELS: Final[dict[str, dict[str, str]]] = {
    "count": {"pl": "", "en": ""},
    "day": {"pl": "noun:day", "en": "noun:day"},
    "person": {"pl": "noun:person", "en": "noun:person"},
    "inhabitant": {"pl": "noun:inhabitant", "en": "noun:inhabitant"},
    "megawatt_hour": {"pl": "MWh", "en": "MWh"},
    "kilowatt_hour": {"pl": "kWh", "en": "kWh"},
    "gigajoule": {"pl": "GJ", "en": "GJ"},
    "microgram / meter ** 3": {"pl": "µg/m³", "en": "µg/m³"},
    "kilometer": {"pl": "km", "en": "km"},
    "meter": {"pl": "m", "en": "m"},
    "meter ** 2": {"pl": "m²", "en": "m²"},
    "kilometer ** 2": {"pl": "km²", "en": "km²"},
    "percent": {"pl": "%", "en": "%"},
    "percentage_point": {"pl": "p.p.", "en": "pp"},
    "PLN": {"pl": "zł", "en": "PLN"},
    "EUR": {"pl": "€", "en": "€"},
    "kiloPLN": {"pl": "tys. zł", "en": "thousand PLN"},
    "megaPLN": {"pl": "mln zł", "en": "million PLN"},
    "PLN / inhabitant": {"pl": "zł na mieszkańca", "en": "PLN per inhabitant"},
    "PLN / kilometer": {"pl": "zł/km", "en": "PLN/km"},
    "kiloEUR": {"pl": "tys. €", "en": "thousand EUR"},
    "megaEUR": {"pl": "mln €", "en": "million EUR"},
    "EUR / inhabitant": {"pl": "€ na mieszkańca", "en": "EUR per inhabitant"},
    "EUR / kilometer": {"pl": "€/km", "en": "EUR/km"},
    "meter / hundred_thousand_inhabitants": {
        "pl": "m na 100 tys. mieszkańców",
        "en": "m per 100,000 inhabitants",
    },
    "person / hundred_thousand_inhabitants": {
        "pl": "os. na 100 tys. mieszkańców",
        "en": "persons per 100,000 inhabitants",
    },
    "count / hundred_thousand_inhabitants": {
        "pl": "na 100 tys. mieszkańców",
        "en": "per 100,000 inhabitants",
    },
    "count / thousand_inhabitants": {"pl": "na 1000 mieszkańców", "en": "per 1,000 inhabitants"},
}
#: ASCII spellings for outputs that cannot carry Unicode.
_ASCII_UNITS: Final = {"µg/m³": "ug/m3", "m²": "m2", "km²": "km2"}

#: Scale words for :func:`format_money_scaled`, largest first.
_SCALES: Final = {
    "pl": ((Decimal(10) ** 9, "mld"), (Decimal(10) ** 6, "mln"), (Decimal(10) ** 3, "tys.")),
    "en": ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"), (Decimal(10) ** 3, "k")),
}

#: Labels of the model's enumerations, by language. Members of different enumerations may share
#: a value ("not_assessable"), so :func:`get_label` looks them up by enumeration and member.
_LABEL_PAIRS: Final[tuple[tuple[Enum, dict[str, str]], ...]] = (
    (
        Direction.HIGHER_IS_BETTER,
        {
            "pl": "stymulanta (im więcej, tym lepiej)",
            "en": "higher is better",
        },
    ),
    (
        Direction.LOWER_IS_BETTER,
        {
            "pl": "destymulanta (im mniej, tym lepiej)",
            "en": "lower is better",
        },
    ),
    (Direction.WITHIN_RANGE, {"pl": "nominanta (w przedziale)", "en": "within a range"}),
    (TargetKind.AT_LEAST, {"pl": "co najmniej", "en": "at least"}),
    (TargetKind.AT_MOST, {"pl": "co najwyżej", "en": "at most"}),
    (TargetKind.EXACTLY, {"pl": "dokładnie", "en": "exactly"}),
    (TargetKind.WITHIN_RANGE, {"pl": "w przedziale", "en": "within"}),
    (Level.IMPACT, {"pl": "wskaźnik oddziaływania", "en": "impact indicator"}),
    (Level.RESULT, {"pl": "wskaźnik rezultatu", "en": "result indicator"}),
    (Status.TARGET_ACHIEVED, {"pl": "cel osiągnięty", "en": "target achieved"}),
    (Status.SUBSTANTIAL_PROGRESS, {"pl": "znaczny postęp", "en": "substantial progress"}),
    (Status.MODERATE_PROGRESS, {"pl": "umiarkowany postęp", "en": "moderate progress"}),
    (Status.LIMITED_PROGRESS, {"pl": "ograniczony postęp", "en": "limited progress"}),
    (Status.DETERIORATION, {"pl": "regres", "en": "deterioration"}),
    (Status.NOT_ASSESSABLE, {"pl": "brak oceny", "en": "not assessable"}),
    (Trend.IMPROVED, {"pl": "poprawa", "en": "improved"}),
    (Trend.WORSENED, {"pl": "pogorszenie", "en": "worsened"}),
    (Trend.UNCHANGED, {"pl": "bez zmian", "en": "unchanged"}),
    (Trend.NOT_SIGNIFICANT, {"pl": "zmiana nieistotna", "en": "not significant"}),
    (Trend.NOT_ASSESSABLE, {"pl": "brak oceny", "en": "not assessable"}),
    (
        Note.BASE_YEAR_MOVED,
        {
            "pl": "brak wartości w roku bazowym: użyto pierwszego późniejszego roku",
            "en": "no value in the base year: the first later year was used",
        },
    ),
    (
        Note.ZERO_BASE,
        {
            "pl": "wartość bazowa 0: przyjęto 0,001 (jak Open SDG)",
            "en": "base value 0: 0.001 used instead (as Open SDG)",
        },
    ),
    (
        Note.ZERO_TARGET,
        {
            "pl": "wartość docelowa 0: przyjęto 0,001 (jak Open SDG)",
            "en": "target 0: 0.001 used instead (as Open SDG)",
        },
    ),
    (
        Note.TOO_FEW_YEARS,
        {"pl": "mniej niż dwa lata z danymi", "en": "fewer than two years of data"},
    ),
    (
        Note.OPPOSITE_SIGNS,
        {
            "pl": "wartość bazowa i bieżąca mają przeciwne znaki",
            "en": "base and latest values have opposite signs",
        },
    ),
    (
        Note.TARGET_OPPOSITE_SIGN,
        {
            "pl": "wartość bazowa i docelowa mają przeciwne znaki",
            "en": "base value and target have opposite signs",
        },
    ),
    (
        Note.NEGATIVE_VALUES,
        {
            "pl": "wartości ujemne: odwrócono znak tempa zmian",
            "en": "negative values: the growth rate's sign was flipped",
        },
    ),
    (
        Note.LIMIT_APPLIED,
        {
            "pl": "progi obniżone przy naturalnej granicy",
            "en": "thresholds scaled near the natural limit",
        },
    ),
    (
        Note.TARGET_YEAR_NOT_AFTER_BASE,
        {
            "pl": "rok docelowy nie jest późniejszy od bazowego",
            "en": "target year not after the base year",
        },
    ),
    (
        Note.NO_TARGET_FOR_PROJECTION,
        {
            "pl": "metoda projekcji wymaga wartości docelowej",
            "en": "the projection method needs a target",
        },
    ),
    (
        Note.REQUIRED_CHANGE_ZERO,
        {
            "pl": "wartość docelowa równa bazowej: zmiana nie jest wymagana",
            "en": "target equals the base value: no change required",
        },
    ),
    (
        Note.NO_DATA,
        {
            "pl": "brak wartości w ocenianych latach",
            "en": "no value in the years assessed",
        },
    ),
    (
        Note.NO_TARGET_YEAR,
        {
            "pl": "wartość docelowa bez roku, a strategia nie podaje roku końcowego",
            "en": "the target has no year and the strategy gives none",
        },
    ),
    (
        Note.NO_VALUE_IN_YEAR,
        {
            "pl": "brak wartości w roku sprawozdawczym: ostatnia wartość jest z wcześniejszego roku",
            "en": "no value in the reporting year: the latest value is from an earlier year",
        },
    ),
    (ParticipantRole.SITE, {"pl": "miejsce realizacji", "en": "site"}),
    (ParticipantRole.MEMBER_CITY, {"pl": "miasto członkowskie", "en": "member city"}),
    (ParticipantRole.PARTICIPANT, {"pl": "uczestnik", "en": "participant"}),
    (ParticipantRole.TRAINING_VENUE, {"pl": "miejsce szkoleń", "en": "training venue"}),
    (ParticipantRole.NETWORK_MEMBER, {"pl": "członek sieci", "en": "network member"}),
    (ParticipantRole.NETWORK_LEAD, {"pl": "lider sieci", "en": "network lead"}),
    (ParticipantRole.PARTNER_CITY, {"pl": "miasto partnerskie", "en": "partner city"}),
    (ParticipantRole.VENUE, {"pl": "miejsce wydarzenia", "en": "venue"}),
)


#: A locale: a babel ``Locale`` or a name such as ``"pl_PL"`` or ``"en_GB"``.
LocaleLike: TypeAlias = Locale | str


def get_locale(locale: LocaleLike) -> Locale:
    """The babel locale for *locale*; the environment is never read.

    Raises:
        ArgumentTypeError: If *locale* is neither a ``Locale`` nor a string (``None``
            included); a ``TypeError`` too.
        ArgumentError: If babel does not know the locale (a ``ValueError`` too).

    >>> get_locale("pl_PL").language
    'pl'
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):  # None would make babel read the environment
        raise ArgumentTypeError("locale", locale, "a babel Locale or a locale name")
    try:
        return Locale.parse(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        expected = "a locale babel knows (e.g. 'pl_PL', 'en_GB')"
        raise ArgumentError("locale", locale, expected) from None


def get_language(locale: LocaleLike) -> str:
    """The language of citystrategy's words for *locale*: ``"pl"``, or ``"en"`` for all others.

    Numbers and dates follow any babel locale; words (nouns, labels, unit names) exist in
    Polish and English only.

    >>> get_language("pl_PL"), get_language("de_DE")
    ('pl', 'en')
    """
    return "pl" if get_locale(locale).language == "pl" else "en"


_locale = get_locale


def _language(locale: Locale) -> str:
    return "pl" if locale.language == "pl" else "en"


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
    group = get_group_symbol(locale) if separator is None else separator
    if grouping == Grouping.ALWAYS or (grouping == Grouping.MIN2 and len(integer) >= 5):
        head = len(integer) % 3 or 3
        parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
        integer = group.join(parts)
    body = integer + (get_decimal_symbol(locale) + fraction if fraction else "")
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
    scales = _SCALES[_language(loc)]
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
    text = UNIT_LABELS["percentage_point"][_language(loc)] if label is None else label
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


def _unit_label(unit: str, locale: Locale, *, ascii_only: bool) -> str:
    try:
        label = UNIT_LABELS[unit][_language(locale)]
    except KeyError:
        raise UnitError(unit, f"a unit with a label, one of {sorted(UNIT_LABELS)}") from None
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
    if not isinstance(quantity, pint.Quantity):
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
        decimals: Fraction digits, or ``None`` to keep the printed precision.
        missing: The sign for a missing value (GUS: ``–`` no occurrence, ``.`` no data).
        ascii_only: Write ASCII unit labels.
        locale: The locale.

    Raises:
        ArgumentTypeError: If *value* is not a number or ``None`` (a string included).
        UnitError: If *unit* has no label in :data:`UNIT_LABELS`.

    >>> format_value(Decimal("46.10"), "PLN / inhabitant")
    '46,10\xa0zł na mieszkańca'
    >>> format_value(None, "percent")
    '–'
    """
    loc = _locale(locale)
    _string(unit, "unit")
    if value is None:
        return format_missing(marker=missing, locale=loc)
    number = _round(_decimal(value), _decimals(decimals), ROUND_HALF_UP)
    return _with_unit(number, unit, loc, ascii_only=ascii_only)


def format_missing(*, marker: str = "–", locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The sign shown for a missing value: ``–`` (no occurrence) or ``.`` (no data), as asked.

    The GUS signs are the same in every language; *locale* is checked like everywhere else.

    >>> format_missing(marker=".")
    '.'
    """
    get_locale(locale)
    return marker


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


#: The labels by enumeration and value (see :data:`LABELS`).
_LABELS_BY_ENUM: Final = {(type(member), member.value): labels for member, labels in _LABEL_PAIRS}
#: Labels of the model's enumerations, by enumeration, then value, then language.
LABELS: Final[dict[type[Enum], dict[str, dict[str, str]]]] = {}
for _member, _labels in _LABEL_PAIRS:
    LABELS.setdefault(type(_member), {})[str(_member.value)] = _labels


def get_label(member: Enum, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The human label of an enumeration member of the model.

    >>> get_label(Direction.LOWER_IS_BETTER)
    'destymulanta (im mniej, tym lepiej)'
    """
    language = _language(_locale(locale))
    if not isinstance(member, Enum):
        raise ArgumentTypeError("member", member, "a member of an enumeration of the model")
    labels = _LABELS_BY_ENUM.get((type(member), member.value))
    return str(member.value) if labels is None else labels[language]
