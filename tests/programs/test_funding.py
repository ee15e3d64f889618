"""Funding arithmetic: exact grants, own contributions and rates, and the consistency check.

Every expected value is worked out by hand (or with exact fractions) from the figures of the
ZMP document: 30 000 € at 85%, 295 tys. zł with a 261 tys. zł grant and 88,6%.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from citystrategy.errors import ArgumentTypeError, CurrencyMismatchError, ModelError
from citystrategy.funding import (
    RateCheckReason,
    check_rates,
    funding_rate,
    grant,
    own_contribution,
    rate_interval,
    to_currency,
    total,
)
from citystrategy.model import (
    Catalogue,
    Figure,
    FigureKind,
    Program,
    Rate,
    RateKind,
)
from citystrategy.money import ExchangeRate, Money
from citystrategy.percent import Percent
from citystrategy.units import Q_

THOUSAND = Decimal(1000)
#: NBP mid rate of the euro on 29.12.2023 (table 251/A/NBP/2023), given explicitly.
EUR_PLN = ExchangeRate(
    base="EUR",
    quote="PLN",
    rate=Decimal("4.3480"),
    on=dt.date(2023, 12, 29),
    source="NBP, tabela A nr 251/A/NBP/2023",
)


def eur(amount: int | str) -> Money:
    """*amount* euro."""
    return Money(Decimal(amount), "EUR")


def pln(amount: int | str) -> Money:
    """*amount* złoty."""
    return Money(Decimal(amount), "PLN")


def stated_program(
    total_value: Money,
    paid: Money,
    rate: str,
    *,
    precision: Decimal = THOUSAND,
    qualifier: str = "",
) -> Program:
    """A programme stating a total, a grant (both to *precision*) and a funding rate *rate*."""
    percent = Decimal(rate.replace(",", "."))
    rate_precision = Decimal("0.1") if "," in rate else Decimal(1)
    return Program(
        code="TEST",
        name="Test",
        figures=[
            Figure(
                kind=FigureKind.TOTAL_VALUE,
                money=total_value,
                precision=precision,
                qualifier=qualifier,
                raw=f"{total_value.amount / 1000} tys. zł",
            ),
            Figure(
                kind=FigureKind.GRANT,
                money=paid,
                precision=precision,
                raw=f"{paid.amount / 1000} tys. zł",
            ),
        ],
        rates=[
            Rate(
                kind=RateKind.FUNDING_RATE,
                percent=percent,
                precision=rate_precision,
                raw=f"{rate}%",
            )
        ],
    )


# --- grant, own contribution, rate ------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "rate", "expected_grant", "expected_own"),
    [
        (eur(30_000), Percent(85), eur(25_500), eur(4_500)),
        (pln(295_000), Percent("88.6"), pln(261_370), pln(33_630)),
        (pln(50_000), Q_(90, "percent"), pln(45_000), pln(5_000)),
        (pln(10_900_000), Percent(100), pln(10_900_000), pln(0)),
        (pln(140_750), Percent(0), pln(0), pln(140_750)),
        (pln("0.01"), Q_(Decimal("0.5"), ""), pln("0.005"), pln("0.005")),
    ],
    ids=["urbact-85", "pl-ua-88-6", "exhibition-90", "ppp-100", "zero-rate", "half-grosz"],
)
def test_grant_and_own_contribution(
    budget: Money, rate: Any, expected_grant: Money, expected_own: Money
) -> None:
    """grant and own_contribution are exact (no rounding) and add up to the total."""
    assert grant(budget, rate) == expected_grant
    assert own_contribution(budget, rate) == expected_own
    assert grant(budget, rate) + own_contribution(budget, rate) == budget


def test_grant_keeps_the_currency() -> None:
    """A euro budget gives a euro grant and a euro own contribution."""
    assert grant(eur(30_000), Percent(85)).currency == "EUR"
    assert own_contribution(eur(30_000), Percent(85)).currency == "EUR"


def test_pl_ua_grant_at_stated_rate_is_exact() -> None:
    """295 000 zł at 88,6% is 261 370 zł exactly (295 * 886 = 261 370)."""
    assert grant(pln(295_000), Percent("88.6")).amount == Decimal(261_370)
    assert grant(pln(295_000), Q_(Decimal("0.886"), "")).amount == Decimal(261_370)


@pytest.mark.parametrize(
    "rate",
    [Decimal("0.85"), Decimal(85), 85, 0.85, "85%", Q_(85, "PLN")],
    ids=["decimal-fraction", "decimal-percent", "int", "float", "str", "pln"],
)
def test_a_rate_must_say_its_scale(rate: Any) -> None:
    """A bare number (0.85 could be 85% or 0,85%) is a TypeError that shows how to pass it."""
    for function in (grant, own_contribution):
        with pytest.raises(TypeError, match=r"'rate' must be a rate in percent: Percent\(85\)"):
            function(pln(1000), rate)
    with pytest.raises(ArgumentTypeError, match=r"Q_\(85, 'percent'\)"):
        grant(pln(1000), rate)


def test_funding_rate_by_hand() -> None:
    """261 000 of 295 000 is 88,474576271186440677966101694…% (261/295, a repeating decimal)."""
    rate = funding_rate(pln(261_000), pln(295_000))
    assert rate == Percent("88.47457627118644067796610169")
    assert abs(Fraction(rate.value) - Fraction(26_100, 295)) < Fraction(1, 10**25)
    assert round(rate.value, 1) == Decimal("88.5")


@pytest.mark.parametrize(
    ("paid", "budget"),
    [
        (eur(25_500), eur(30_000)),
        (pln(45_000), pln(50_000)),
        (pln(0), pln(50_000)),
        (pln(261_000), pln(295_000)),
        (pln(115_000), pln(140_750)),
    ],
    ids=["urbact", "exhibition", "nothing", "pl-ua", "centenary"],
)
def test_a_computed_rate_passes_back(paid: Money, budget: Money) -> None:
    """grant(total, funding_rate(g, total)) is g: exact for 85%, 90%, 0%; to 1e-20 otherwise."""
    rate = funding_rate(paid, budget)
    back = grant(budget, rate)
    assert abs(back.amount - paid.amount) < Decimal("1e-20")
    assert back.amount.quantize(Decimal("0.01")) == paid.amount
    assert back + own_contribution(budget, rate) == budget
    if rate.value in (Decimal(85), Decimal(90), Decimal(0)):
        assert back == paid


@pytest.mark.parametrize(
    ("paid", "budget", "expected"),
    [
        (eur(25_500), eur(30_000), Percent(85)),
        (pln(115_000), pln(140_750), Percent("81.70515097690941385435168739")),
        (pln(0), pln(50_000), Percent(0)),
    ],
    ids=["urbact", "centenary", "nothing"],
)
def test_funding_rate(paid: Money, budget: Money, expected: Percent) -> None:
    """The funding rate is grant / total * 100 (115 000 / 140 750 = 4600/5630 = 81,705…%)."""
    assert funding_rate(paid, budget) == expected


@pytest.mark.parametrize(
    "rate",
    [Percent("100.1"), Percent(120), Percent("-0.1"), Q_(-85, "percent"), Q_(Decimal("1.2"), "")],
    ids=["100.1", "120", "minus-0.1", "minus-85", "fraction-1.2"],
)
def test_rate_outside_0_100_is_refused(rate: Any) -> None:
    """A rate above 100% or below 0% is a ModelError, for the grant and the own contribution."""
    with pytest.raises(ModelError, match="between 0% and 100%"):
        grant(pln(1000), rate)
    with pytest.raises(ModelError, match="between 0% and 100%"):
        own_contribution(pln(1000), rate)


def test_mixed_currencies_are_refused() -> None:
    """A grant in euro and a total in złoty cannot be compared without an exchange rate."""
    with pytest.raises(CurrencyMismatchError):
        funding_rate(eur(25_500), pln(130_440))
    with pytest.raises(CurrencyMismatchError):
        rate_interval(eur(25_500), pln(130_440))
    with pytest.raises(CurrencyMismatchError):
        _ = eur(4_500) + pln(19_566)


# --- rate_interval ----------------------------------------------------------------------------


def test_rate_interval_by_hand() -> None:
    """261 and 295 tys. zł rounded to thousands: 260 500/295 500 to 261 500/294 500."""
    low, high = rate_interval(
        pln(261_000), pln(295_000), grant_precision=THOUSAND, total_precision=THOUSAND
    )
    assert abs(Fraction(low.value) - Fraction(260_500 * 100, 295_500)) < Fraction(1, 10**24)
    assert abs(Fraction(high.value) - Fraction(261_500 * 100, 294_500)) < Fraction(1, 10**24)
    assert (round(low.value, 2), round(high.value, 2)) == (Decimal("88.16"), Decimal("88.79"))
    assert low < Percent("88.6") < high
    assert grant(pln(295_000), low) < pln(261_000) < grant(pln(295_000), high)


def test_rate_interval_exact_amounts() -> None:
    """Amounts to the grosz give an interval of about ±0,00005 p.p. around 85%."""
    low, high = rate_interval(eur(25_500), eur(30_000))
    assert Percent("84.9999") < low < Percent(85) < high < Percent("85.0001")


# --- check_rates on the catalogue -------------------------------------------------------------


def test_pl_ua_rate_is_consistent(catalogue: Catalogue) -> None:
    """88,6% agrees with 261 of 295 tys. zł: the true rate lies between 88,16% and 88,79%."""
    (check,) = check_rates(catalogue.program("ZMP-PL-UA"))
    assert check.rate.raw == "88,6%"
    assert check.consistent is True
    assert check.computed == funding_rate(pln(261_000), pln(295_000)).value
    assert check.low is not None
    assert check.high is not None
    assert abs(Fraction(check.low) - Fraction(26_050_000, 295_500)) < Fraction(1, 10**24)
    assert abs(Fraction(check.high) - Fraction(26_150_000, 294_500)) < Fraction(1, 10**24)
    assert check.reason is RateCheckReason.ROUNDED_FIGURES
    assert check.grant is not None
    assert check.grant.raw == "261 tys. zł"
    assert check.total is not None
    assert check.total.raw == "295 tys. zł"


def test_urbact_refund_and_own_contribution_agree(catalogue: Catalogue) -> None:
    """URBACT's 85% refund and 15% own contribution add up to 100%."""
    checks = check_rates(catalogue.program("ZMP-URBACT"))
    assert [(c.rate.raw, c.consistent) for c in checks] == [("85%", True), ("15%", True)]
    assert [c.computed for c in checks] == [Decimal(85), Decimal(15)]
    assert [c.reason for c in checks] == [RateCheckReason.OTHER_RATE] * 2
    assert [c.other.raw if c.other else None for c in checks] == ["15%", "85%"]


@pytest.mark.parametrize("code", ["ZMP-PPP", "ZMP-WYPEDZENI"], ids=["ppp-100", "exhibition-90"])
def test_rate_without_grant_cannot_be_checked(catalogue: Catalogue, code: str) -> None:
    """PPP's 100% and the exhibition's 90% come with no stated grant: consistency is unknown."""
    (check,) = check_rates(catalogue.program(code))
    assert check.consistent is None
    assert (check.low, check.high) == (None, None)
    assert check.reason is RateCheckReason.NO_GRANT
    assert check.grant is None
    assert check.total is not None


@pytest.mark.parametrize(
    "code",
    ["ZMP-SMUP", "ZMP-MRL", "ZMP-FIRMY-RODZINNE", "ZMP-STULECIE", "ZMP-PDP"],
    ids=["smup", "mrl", "family-firms", "centenary", "pdp"],
)
def test_no_stated_rate_no_check(catalogue: Catalogue, code: str) -> None:
    """A programme that states no rate has nothing to check."""
    assert check_rates(catalogue.program(code)) == ()


@pytest.mark.parametrize(
    ("rate", "consistent"),
    [
        ("88,1", False),
        ("88,2", True),
        ("88,5", True),
        ("88,6", True),
        ("88,8", True),
        ("88,9", False),
        ("90", False),
    ],
    ids=["88.1", "88.2", "88.5", "88.6", "88.8", "88.9", "90"],
)
def test_rate_against_rounded_figures(rate: str, consistent: bool) -> None:
    """With 295 and 261 tys. zł, a stated rate agrees if its rounding range meets 88,16–88,79%."""
    program = stated_program(pln(295_000), pln(261_000), rate)
    (check,) = check_rates(program)
    assert check.consistent is consistent
    assert check.reason is RateCheckReason.ROUNDED_FIGURES


def test_approximate_figure_cannot_be_checked() -> None:
    """A total stated as "prawie 2 mln zł" gives no interval: the rate cannot be checked."""
    program = stated_program(
        pln(2_000_000), pln(1_700_000), "85", precision=Decimal(100_000), qualifier="prawie"
    )
    (check,) = check_rates(program)
    assert check.consistent is None
    assert check.computed == Decimal(85)
    assert check.reason is RateCheckReason.APPROXIMATE
    assert check.total is not None
    assert check.total.qualifier == "prawie"


def test_refund_and_own_contribution_that_do_not_add_up() -> None:
    """85% refunded with a 20% own contribution is inconsistent (105%)."""
    program = Program(
        code="TEST",
        name="Test",
        rates=[
            Rate(kind=RateKind.REFUND_RATE, percent=Decimal(85), precision=Decimal(1), raw="85%"),
            Rate(
                kind=RateKind.OWN_CONTRIBUTION_RATE,
                percent=Decimal(20),
                precision=Decimal(1),
                raw="20%",
            ),
        ],
    )
    checks = check_rates(program)
    assert [c.consistent for c in checks] == [False, False]
    assert [c.reason for c in checks] == [RateCheckReason.OTHER_RATE] * 2


def test_rate_without_its_complement_cannot_be_checked() -> None:
    """A refund rate stated without the own-contribution rate has nothing to be checked with."""
    refund = Rate(kind=RateKind.REFUND_RATE, percent=Decimal(85), precision=Decimal(1), raw="85%")
    (check,) = check_rates(Program(code="TEST", name="Test", rates=[refund]))
    assert (check.consistent, check.reason, check.other) == (
        None,
        RateCheckReason.NO_OTHER_RATE,
        None,
    )


# --- currencies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (eur(30_000), pln("130440.0000")),
        (eur(4_500), pln("19566.0000")),
        (eur(25_500), pln("110874.0000")),
    ],
    ids=["urbact-budget", "own-contribution", "grant"],
)
def test_euro_to_zloty_at_a_dated_rate(money: Money, expected: Money) -> None:
    """Euro become złoty only through an explicit, dated rate: the exact product (* 4,3480)."""
    converted = to_currency(money, EUR_PLN)
    assert converted == expected
    assert converted.amount == money.amount * Decimal("4.3480")
    assert str(converted.amount) == str(expected.amount)


def test_zloty_back_to_euro() -> None:
    """The same dated rate converts złoty back to euro by division."""
    assert to_currency(pln("19566"), EUR_PLN) == eur(4_500)


def test_exchange_rate_needs_a_day() -> None:
    """An exchange rate without the day it applies to cannot be built."""
    with pytest.raises(TypeError):
        ExchangeRate(base="EUR", quote="PLN", rate=Decimal("4.3480"))  # type: ignore[call-arg]


def test_own_contribution_in_zloty() -> None:
    """A city's URBACT own contribution, 15% of 30 000 €, is 19 566 zł at 4,3480 zł/€."""
    own = own_contribution(eur(30_000), Percent(85))
    assert to_currency(own, EUR_PLN).amount == Decimal(19_566)


# --- sums over programmes ---------------------------------------------------------------------


def test_total_of_a_city_programmes(catalogue: Catalogue) -> None:
    """Płock's programmes are worth 10 900 000 + 295 000 = 11 195 000 zł."""
    assert total(catalogue.for_city("Płock")) == pln(11_195_000)


def test_total_of_the_catalogue(catalogue: Catalogue) -> None:
    """All stated total values: 10,9 mln + 2,8 mln + 140 750 + 2 mln + 50 tys. + 295 tys. zł."""
    expected = 10_900_000 + 2_800_000 + 140_750 + 2_000_000 + 50_000 + 295_000
    assert total(catalogue.programs) == pln(expected)


def test_total_in_several_currencies_names_the_programmes(catalogue: Catalogue) -> None:
    """Summing a euro figure with złoty figures is refused, naming each programme."""
    urbact = catalogue.program("ZMP-URBACT")
    euro_total = Program(
        code="TEST-EUR",
        name="Test",
        figures=[
            Figure(
                kind=FigureKind.TOTAL_VALUE, money=eur(30_000), precision=THOUSAND, raw="30 tys. €"
            )
        ],
    )
    with pytest.raises(ModelError) as caught:
        total([catalogue.program("ZMP-PL-UA"), euro_total, urbact])
    assert "ZMP-PL-UA" in str(caught.value)
    assert "TEST-EUR" in str(caught.value)


def test_money_sum_of_zloty_and_euro() -> None:
    """Money.sum of złoty and euro raises CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        Money.sum([pln(295_000), eur(30_000)])


def test_derived_figures_are_marked_and_exact() -> None:
    """Derived figures are stated=False: 90% of 50 tys. zł is 45 000 zł, leaving 5 000 zł."""
    from citystrategy.funding import derived_figures
    from citystrategy.programs import zmp

    catalogue = zmp.load()
    wypedzeni = derived_figures(catalogue.program("ZMP-WYPEDZENI"))
    assert [(f.kind.value, f.money.amount, f.stated) for f in wypedzeni] == [
        ("grant", Decimal(45000), False),
        ("own_contribution", Decimal(5000), False),
    ]
    # centenary: 140 750 zł total, 115 tys. zł grant -> own contribution 25 750 zł
    (own,) = derived_figures(catalogue.program("ZMP-STULECIE"))
    assert (own.kind.value, own.money.amount, own.stated) == (
        "own_contribution",
        Decimal(25750),
        False,
    )
    # "prawie 2 mln zł" is approximate: nothing is derived from it
    assert derived_figures(catalogue.program("ZMP-PDP")) == ()
