r"""Funding arithmetic of programmes, exact, and consistency checks of stated figures.

Rates are in percent and are passed as a :class:`~citystrategy.percent.Percent`
(``Percent(85)`` for 85%) or a pint quantity in percent (``Q_(85, "percent")``); a bare number
such as ``Decimal("0.85")`` is refused, since it could mean 85% or 0,85%. The rates these
functions return are Percent values, so a result can be passed back. Amounts are
:class:`~citystrategy.money.Money` and stay in their currency; converting EUR to PLN needs an
explicit, dated :class:`~citystrategy.money.ExchangeRate` given by the caller (:func:`to_currency`).

>>> from decimal import Decimal
>>> from citystrategy.money import Money
>>> from citystrategy.percent import Percent
>>> budget = Money(Decimal(30000), "EUR")
>>> grant(budget, Percent(85)), own_contribution(budget, Percent(85))
(Money(amount=Decimal('25500'), currency='EUR'), Money(amount=Decimal('4500'), currency='EUR'))
>>> funding_rate(Money(Decimal(25500), "EUR"), budget)
Percent(value=Decimal('85'))
>>> grant(budget, Decimal("0.85"))
Traceback (most recent call last):
...
citystrategy.errors.ArgumentTypeError: 'rate' must be a rate in percent: Percent(85) for 85%, or a pint quantity such as Q_(85, 'percent') (got Decimal('0.85') of type Decimal)

A stated rate is consistent with stated amounts when it could be the ratio of the true amounts
that round to them. 261 tys. zł of 295 tys. zł is 88,5% to the nearest tenth, but both amounts
are rounded to thousands, so the true ratio lies between 88,16% and 88,79%: the stated 88,6% is
consistent.

>>> low, high = rate_interval(
...     Money(Decimal(261000)),
...     Money(Decimal(295000)),
...     grant_precision=Decimal(1000),
...     total_precision=Decimal(1000),
... )
>>> round(low.value, 2), round(high.value, 2)
(Decimal('88.16'), Decimal('88.79'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from attrs import frozen

from citystrategy._arguments import each, instance, member
from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, ArgumentTypeError, Message, ModelError
from citystrategy.model import Derivation, Figure, FigureKind, Program, Rate, RateKind
from citystrategy.money import ExchangeRate, Money
from citystrategy.percent import Percent, as_percent

if TYPE_CHECKING:
    import pint

__all__ = [
    "HUNDRED",
    "RateCheck",
    "RateCheckReason",
    "check_rates",
    "derived_figures",
    "funding_rate",
    "grant",
    "own_contribution",
    "rate_interval",
    "to_currency",
    "total",
]

#: 100, the number of percent in a whole (a Decimal for arithmetic; a rate is ``Percent(100)``).
HUNDRED: Final = Decimal(100)


def _check_money(money: object, argument: str) -> None:
    if not isinstance(money, Money):
        raise ArgumentTypeError(argument, money, "a Money")


def _check_rate(rate: object) -> Decimal:
    """*rate* in percent, checked to lie between 0% and 100%."""
    percent = as_percent(rate, "rate")
    if not Decimal(0) <= percent <= HUNDRED:
        template = N_("a rate must lie between 0% and 100% (got {value}%)")
        raise ModelError(Message(N_("a funding rate")), Message(template, {"value": percent}))
    return percent


def grant(total: Money, rate: Percent | pint.Quantity[Decimal]) -> Money:
    """The grant (dofinansowanie) of *total* at *rate*, exact.

    Args:
        total: The total value.
        rate: The funding rate: ``Percent(85)`` or ``Q_(85, "percent")`` for 85%.

    Raises:
        ModelError: If *rate* is outside [0%, 100%].
        ArgumentTypeError: If *total* is not a Money, or *rate* is a bare number (``0.85``
            could mean 85% or 0,85%) or anything but a Percent or a quantity in percent.
    """
    _check_money(total, "total")
    percent = _check_rate(rate)
    return Money(total.amount * percent / HUNDRED, total.currency)


def own_contribution(total: Money, rate: Percent | pint.Quantity[Decimal]) -> Money:
    """The own contribution (wkład własny) to *total* when *rate* of it is funded, exact.

    Args:
        total: The total value.
        rate: The funding rate: ``Percent(85)`` or ``Q_(85, "percent")`` for 85%.

    Raises:
        ModelError: If *rate* is outside [0%, 100%].
        ArgumentTypeError: If *total* is not a Money, or *rate* is a bare number or anything
            but a Percent or a quantity in percent.
    """
    return total - grant(total, rate)


def funding_rate(grant: Money, total: Money) -> Percent:
    """The funding rate: ``grant / total`` in percent (28 significant digits).

    The result can be passed back: ``grant(total, funding_rate(paid, total))`` is *paid*
    to 28 significant digits (exactly when the rate is a terminating decimal).

    Raises:
        CurrencyMismatchError: If the currencies differ.
        ZeroAmountError: If *total* is zero (a ``ZeroDivisionError`` too).
        ArgumentTypeError: If an amount is not a Money.
    """
    _check_money(grant, "grant")
    _check_money(total, "total")
    return Percent(_trimmed(grant.ratio(total) * HUNDRED))


def _trimmed(value: Decimal) -> Decimal:
    """*value* without trailing fraction zeros (``85.00`` is ``85``), never in exponent form."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal  # type: ignore[operator]


def rate_interval(
    grant: Money,
    total: Money,
    *,
    grant_precision: Decimal = Decimal("0.01"),
    total_precision: Decimal = Decimal("0.01"),
) -> tuple[Percent, Percent]:
    """The range of funding rates that amounts rounded to these figures allow, in percent.

    A figure stated to the nearest *precision* lies within half a precision of the true amount.

    Raises:
        CurrencyMismatchError: If the currencies differ.
        ArgumentError: If a precision is not positive, or *total* is not larger than half its
            precision (the rate would be unbounded).
        ArgumentTypeError: If an amount is not a Money or a precision not a Decimal or an int.
    """
    _check_money(grant, "grant")
    _check_money(total, "total")
    for name, precision in (
        ("grant_precision", grant_precision),
        ("total_precision", total_precision),
    ):
        if isinstance(precision, bool) or not isinstance(precision, Decimal | int):
            raise ArgumentTypeError(name, precision, "a Decimal or an int")
        if not precision > 0:
            raise ArgumentError(name, precision, "a positive amount")
    if total.amount - total_precision / 2 <= 0:
        raise ArgumentError("total", total, "an amount larger than half its precision")
    g_low = grant.amount - grant_precision / 2
    g_high = grant.amount + grant_precision / 2
    t_low = total.amount - total_precision / 2
    t_high = total.amount + total_precision / 2
    if grant.currency != total.currency:
        grant.ratio(total)  # raises CurrencyMismatchError
    return Percent(max(g_low, Decimal(0)) / t_high * HUNDRED), Percent(g_high / t_low * HUNDRED)


def to_currency(money: Money, rate: ExchangeRate) -> Money:
    """*money* in the other currency of *rate* (an explicit, dated exchange rate).

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> eur = ExchangeRate(
    ...     base="EUR", quote="PLN", rate=Decimal("4.3480"), on=dt.date(2023, 12, 29)
    ... )
    >>> to_currency(Money(Decimal(30000), "EUR"), eur)
    Money(amount=Decimal('130440.0000'), currency='PLN')
    """
    if not isinstance(rate, ExchangeRate):
        raise ArgumentTypeError("rate", rate, "an ExchangeRate")
    return rate.convert(money)


def total(
    programs: Iterable[Program], kind: FigureKind | str = FigureKind.TOTAL_VALUE
) -> Money | None:
    """The sum of one kind of figure over *programs* (those without it are left out), exact.

    ``None`` when no programme states the figure: unknown is not zero. A figure stated with a
    qualifier (``prawie 2 mln zł``) counts at its stated amount; look at ``Figure.qualifier``
    before presenting such a sum as exact.

    Raises:
        ModelError: If the figures are in several currencies, naming each programme and its
            currency (convert first with :func:`to_currency`).
        ArgumentError: If *kind* is not a figure kind.
        ArgumentTypeError: If *programs* is not a collection of Program.

    >>> from citystrategy.programs import zmp
    >>> catalogue = zmp.load()
    >>> total(catalogue.for_city("Płock"))
    Money(amount=Decimal('11195000.0'), currency='PLN')
    """
    wanted = member(FigureKind, kind, "kind")
    found = [
        (p, f)
        for p in each(programs, "programs", Program, "a Program")
        if (f := p.figure(wanted)) is not None
    ]
    currencies = {f.money.currency for _, f in found}
    if len(currencies) > 1:
        listed = ", ".join(f"{p.code} ({f.money.currency})" for p, f in found)
        where = Message(N_("the sum of the figures {kind!r}"), {"kind": wanted.value})
        problem = Message(N_("figures in several currencies: {listed}"), {"listed": listed})
        raise ModelError(where, problem)
    if not found:
        return None
    return Money.sum((f.money for _, f in found), currency=currencies.pop())


def derived_figures(program: Program) -> tuple[Figure, ...]:
    """Figures a programme's stated ones imply, marked ``stated=False``: the grant from the total
    and the funding rate, and the own contribution from the total and the grant.

    Approximate figures (``prawie``, ``ok.``, ``powyżej``) derive nothing.

    >>> from citystrategy.programs import zmp
    >>> [(f.kind.value, str(f.money)) for f in derived_figures(zmp.load().program("ZMP-WYPEDZENI"))]
    [('grant', '45000 PLN'), ('own_contribution', '5000 PLN')]
    """
    instance(program, "program", Program, "a Program")
    total = program.figure(FigureKind.TOTAL_VALUE)
    if total is None or total.qualifier:
        return ()
    paid = program.figure(FigureKind.GRANT)
    rate = program.rate(RateKind.FUNDING_RATE)
    derived = []
    if paid is None and rate is not None:
        paid = Figure(
            kind=FigureKind.GRANT,
            money=grant(total.money, Percent(rate.percent)),
            precision=total.precision,
            stated=False,
            raw="",
            derivation=Derivation.RATE_OF_TOTAL,
        )
        derived.append(paid)
    if (
        paid is not None
        and not paid.qualifier
        and program.figure(FigureKind.OWN_CONTRIBUTION) is None
    ):
        derived.append(
            Figure(
                kind=FigureKind.OWN_CONTRIBUTION,
                money=total.money - paid.money,
                precision=max(total.precision, paid.precision),
                stated=False,
                derivation=Derivation.TOTAL_LESS_GRANT,
            )
        )
    return tuple(derived)


class RateCheckReason(StrEnum):
    """What a rate was checked against, or why it could not be; presentation words it."""

    NO_TOTAL = "no_total"  #: no total value is stated
    NO_GRANT = "no_grant"  #: no grant (nor EU co-financing) is stated
    APPROXIMATE = "approximate"  #: the grant or the total is approximate (``prawie 2 mln zł``)
    ROUNDED_FIGURES = "rounded_figures"  #: checked against the rates the rounded figures allow
    NO_OTHER_RATE = "no_other_rate"  #: the complementary rate is not stated
    OTHER_RATE = "other_rate"  #: checked against the complementary rate (together 100%)


@frozen(kw_only=True)
class RateCheck:
    """Whether a stated rate agrees with the stated figures, within their precision.

    A record, not a sentence: *reason* says what the rate was checked against, and the figures
    and rates it was checked with are kept, so that presentation can word it in any language.

    Attributes:
        program: Code of the programme.
        rate: The stated rate checked.
        computed: The rate computed from the stated figures, a number of percent (28
            significant digits), if it can be.
        low: Lowest rate the rounded figures allow, in percent.
        high: Highest rate the rounded figures allow, in percent.
        consistent: ``True`` or ``False``; ``None`` when the figures needed are not stated.
        reason: What the rate was checked against, or why it could not be checked.
        grant: The grant (or EU co-financing) a funding rate was checked with, if stated.
        total: The total value a funding rate was checked with, if stated.
        other: The complementary rate a refund or own-contribution rate was checked with.
    """

    program: str
    rate: Rate
    computed: Decimal | None
    low: Decimal | None
    high: Decimal | None
    consistent: bool | None
    reason: RateCheckReason
    grant: Figure | None = None
    total: Figure | None = None
    other: Rate | None = None


def check_rates(program: Program) -> tuple[RateCheck, ...]:
    """Check every stated rate of *program* against its stated figures.

    A funding rate is checked against the stated grant and total value; a refund rate and an
    own-contribution rate against each other (they must add up to 100%). A figure with a
    qualifier (``prawie``, ``ok.``, ``powyżej``) gives no interval, so such a rate cannot be
    checked against it.
    """
    instance(program, "program", Program, "a Program")
    checks = []
    for rate in program.rates:
        if not rate.stated:
            continue
        if rate.kind is RateKind.FUNDING_RATE:
            checks.append(_check_funding(program, rate))
        else:
            checks.append(_check_complement(program, rate))
    return tuple(checks)


def _unchecked(
    program: Program,
    rate: Rate,
    reason: RateCheckReason,
    computed: Decimal | None = None,
    *,
    grant: Figure | None = None,
    total: Figure | None = None,
) -> RateCheck:
    """A rate that cannot be checked, and why."""
    return RateCheck(
        program=program.code,
        rate=rate,
        computed=computed,
        low=None,
        high=None,
        consistent=None,
        reason=reason,
        grant=grant,
        total=total,
    )


def _check_funding(program: Program, rate: Rate) -> RateCheck:
    total = program.figure(FigureKind.TOTAL_VALUE)
    paid = program.figure(FigureKind.GRANT) or program.figure(FigureKind.EU_COFINANCING)
    if total is None or paid is None:
        reason = RateCheckReason.NO_TOTAL if total is None else RateCheckReason.NO_GRANT
        return _unchecked(program, rate, reason, grant=paid, total=total)
    computed = funding_rate(paid.money, total.money).value
    if paid.qualifier or total.qualifier:
        reason = RateCheckReason.APPROXIMATE
        return _unchecked(program, rate, reason, computed, grant=paid, total=total)
    low_rate, high_rate = rate_interval(
        paid.money, total.money, grant_precision=paid.precision, total_precision=total.precision
    )
    low, high = low_rate.value, high_rate.value
    stated_low = rate.percent - rate.precision / 2
    stated_high = rate.percent + rate.precision / 2
    consistent = stated_low <= high and low <= stated_high
    return RateCheck(
        program=program.code,
        rate=rate,
        computed=computed,
        low=low,
        high=high,
        consistent=consistent,
        reason=RateCheckReason.ROUNDED_FIGURES,
        grant=paid,
        total=total,
    )


def _check_complement(program: Program, rate: Rate) -> RateCheck:
    other_kind = (
        RateKind.OWN_CONTRIBUTION_RATE
        if rate.kind is RateKind.REFUND_RATE
        else RateKind.REFUND_RATE
    )
    other = program.rate(other_kind)
    if other is None:
        return _unchecked(program, rate, RateCheckReason.NO_OTHER_RATE)
    computed = HUNDRED - other.percent
    tolerance = (rate.precision + other.precision) / 2
    consistent = abs(computed - rate.percent) <= tolerance
    return RateCheck(
        program=program.code,
        rate=rate,
        computed=computed,
        low=computed - tolerance,
        high=computed + tolerance,
        consistent=consistent,
        reason=RateCheckReason.OTHER_RATE,
        other=other,
    )
