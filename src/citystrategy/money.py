"""Exact money: a Decimal amount with a currency code.

Amounts are never floats. Sums are exact; adding two currencies raises
:class:`~citystrategy.errors.CurrencyMismatchError`; conversion needs an explicit, dated
:class:`ExchangeRate`. Rounding for display happens only in :mod:`citystrategy.formatting`.

>>> from decimal import Decimal
>>> total = Money.sum([Money(Decimal("8818970.62")), Money(Decimal("2575873.31"))])
>>> total
Money(amount=Decimal('11394843.93'), currency='PLN')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import each, instance
from citystrategy._i18n import N_
from citystrategy.errors import (
    ArgumentTypeError,
    CurrencyMismatchError,
    Message,
    ModelError,
    ZeroAmountError,
)

__all__ = ["CURRENCIES", "DEFAULT_CURRENCY", "ExchangeRate", "Money"]

#: Currency codes (ISO 4217) that citystrategy knows.
CURRENCIES: Final = frozenset({"PLN", "EUR"})
#: Currency of a :class:`Money` built without one. A total takes the currency of its parts, or
#: the one its caller asks for; this one only for data that state no amount at all.
DEFAULT_CURRENCY: Final = "PLN"


def _to_decimal(value: Decimal | int) -> Decimal:
    """Convert losslessly; floats are refused by the type and at run time."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ArgumentTypeError("amount", value, "a Decimal or an int")
    return Decimal(value)


def _entity(instance: object) -> Message:
    """An amount or an exchange rate, in the words of a message."""
    if isinstance(instance, ExchangeRate):
        return Message(N_("an exchange rate"))
    return Message(N_("an amount of money"))


def _check_amount(instance: object, attribute: object, value: Decimal) -> None:
    if not value.is_finite():
        template = N_("'amount' must be a finite number (got {value})")
        raise ModelError(_entity(instance), Message(template, {"value": str(value)}))


def _check_currency(instance: object, attribute: object, value: str) -> None:
    if value not in CURRENCIES:
        template = N_("the currency must be one of {known} (got {value!r})")
        values = {"known": tuple(sorted(CURRENCIES)), "value": value}
        raise ModelError(_entity(instance), Message(template, values))


@frozen(order=False)
class Money:
    """An exact amount of money.

    Attributes:
        amount: The amount, exactly as stated (``Decimal``; an ``int`` is converted).
        currency: ISO 4217 code, :data:`DEFAULT_CURRENCY` (``"PLN"``) by default.
    """

    amount: Decimal = field(converter=_to_decimal, validator=_check_amount)
    currency: str = field(default=DEFAULT_CURRENCY, validator=_check_currency)

    @classmethod
    def zero(cls, currency: str = DEFAULT_CURRENCY) -> Money:
        """Return nothing, in *currency*."""
        return cls(Decimal(0), currency)

    @classmethod
    def sum(cls, amounts: Iterable[Money], currency: str | None = None) -> Money:
        """Add *amounts* exactly.

        Args:
            amounts: The amounts.
            currency: The currency they must all be in; ``None`` for the currency of the first
                amount. An empty iterable gives zero in *currency*, or in
                :data:`DEFAULT_CURRENCY` if ``None``: pass *currency* whenever *amounts* may be
                empty, so that a total of nothing is in the currency it is asked for.

        Raises:
            CurrencyMismatchError: If the amounts are not all in one currency (or not in
                *currency*).
            ArgumentTypeError: If *amounts* is not a collection of Money.

        >>> Money.sum([Money(Decimal("1234.56"), "EUR"), Money(Decimal("10.00"), "EUR")])
        Money(amount=Decimal('1244.56'), currency='EUR')
        >>> Money.sum([], currency="EUR")
        Money(amount=Decimal('0'), currency='EUR')
        """
        total: Money | None = None if currency is None else cls.zero(currency)
        for amount in each(amounts, "amounts", Money, "a Money"):
            total = amount if total is None else total + amount
        return cls.zero(DEFAULT_CURRENCY) if total is None else total

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(self.currency, other.currency)

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other)
        return self.amount >= other.amount

    def ratio(self, other: Money) -> Decimal:
        """Return ``self / other`` as an exact-as-possible Decimal (28 significant digits).

        Raises:
            CurrencyMismatchError: If the currencies differ.
            ZeroAmountError: If *other* is zero (a ``ZeroDivisionError`` too).
            ArgumentTypeError: If *other* is not a Money.
        """
        instance(other, "other", Money, "a Money")
        self._same(other)
        if other.amount == 0:
            raise ZeroAmountError(str(self), str(other))
        return self.amount / other.amount

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


def _rate(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ArgumentTypeError("rate", value, "a Decimal or an int")
    return Decimal(value)


def _date(instance: object, attribute: object, value: dt.date) -> None:
    if not isinstance(value, dt.date):
        raise ArgumentTypeError("on", value, "a datetime.date")


def _positive(instance: object, attribute: object, value: Decimal) -> None:
    if not value.is_finite() or value <= 0:
        template = N_("'rate' must be a number above 0 (got {value})")
        raise ModelError(_entity(instance), Message(template, {"value": str(value)}))


@frozen(kw_only=True)
class ExchangeRate:
    """An explicit exchange rate on a given day, e.g. the NBP mid rate.

    ``ExchangeRate(base="EUR", quote="PLN", rate=Decimal("4.3480"), on=date(2023, 12, 29))``
    means 1 EUR = 4.3480 PLN on that day.

    Attributes:
        base: Currency converted from.
        quote: Currency converted to.
        rate: Units of *quote* per one unit of *base*.
        on: The day the rate applies to.
        source: Where the rate comes from (e.g. ``"NBP, tabela A nr 251/A/NBP/2023"``).
    """

    base: str = field(validator=_check_currency)
    quote: str = field(validator=_check_currency)
    rate: Decimal = field(converter=_rate, validator=_positive)
    on: dt.date = field(validator=_date)
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if self.base == self.quote:
            template = N_("'base' and 'quote' are both {currency!r}")
            raise ModelError(_entity(self), Message(template, {"currency": self.base}))

    def convert(self, money: Money) -> Money:
        """Convert *money* (in ``base`` or ``quote``) to the other currency.

        ``base`` to ``quote`` multiplies and is exact; ``quote`` to ``base`` divides, exact to
        the 28 significant digits of the decimal context (round the result for display only).

        Raises:
            CurrencyMismatchError: If *money* is in neither currency of the rate.
            ArgumentTypeError: If *money* is not a :class:`Money`.
        """
        if not isinstance(money, Money):
            raise ArgumentTypeError("money", money, "a Money")
        if money.currency == self.base:
            return Money(money.amount * self.rate, self.quote)
        if money.currency == self.quote:
            return Money(money.amount / self.rate, self.base)
        raise CurrencyMismatchError(money.currency, f"{self.base}/{self.quote}")
