"""Tests of format_target: a target written from its kind and parsed values, in either language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy.errors import ArgumentTypeError, UnitError
from citystrategy.formatting import format_target
from citystrategy.model import Target, TargetKind
from tests.factories import make_target

NBSP = "\xa0"
MICRO = "microgram / meter ** 3"


def _bound(kind: TargetKind, value: str) -> Target:
    """A bound target for 2030."""
    return make_target(kind=kind, value=Decimal(value), raw="")


def _band(low: str, high: str) -> Target:
    """A range target for 2030."""
    return make_target(
        kind=TargetKind.WITHIN_RANGE, value=None, low=Decimal(low), high=Decimal(high)
    )


@pytest.mark.parametrize(
    ("target", "unit", "locale", "expected"),
    [
        (_bound(TargetKind.AT_LEAST, "14.3"), "percent", "pl_PL", "co najmniej 14,3%"),
        (_bound(TargetKind.AT_LEAST, "14.3"), "percent", "en_GB", "at least 14.3%"),
        (_bound(TargetKind.AT_MOST, "3.7"), "percent", "pl_PL", "co najwyżej 3,7%"),
        (_bound(TargetKind.AT_MOST, "3.7"), "percent", "en_GB", "at most 3.7%"),
        (
            _bound(TargetKind.AT_MOST, "23594.78"),
            "megawatt_hour",
            "pl_PL",
            f"co najwyżej 23{NBSP}594,78{NBSP}MWh",
        ),
        (
            _bound(TargetKind.AT_MOST, "23594.78"),
            "megawatt_hour",
            "en_GB",
            f"at most 23,594.78{NBSP}MWh",
        ),
        (_bound(TargetKind.AT_MOST, "45"), "day", "pl_PL", f"co najwyżej 45{NBSP}dni"),
        (_bound(TargetKind.EXACTLY, "100"), "count", "pl_PL", "100"),
    ],
    ids=[
        "at-least-pl",
        "at-least-en",
        "at-most-pl",
        "at-most-en",
        "mwh-pl",
        "mwh-en",
        "days",
        "exactly",
    ],
)
def test_bounds_in_words(target: Target, unit: str, locale: str, expected: str) -> None:
    """A bound reads co najmniej / co najwyżej (at least / at most), figures in the locale."""
    assert format_target(target, unit, locale=locale) == expected


def test_bounds_as_symbols_for_tables() -> None:
    """With symbols a bound is ≥ or ≤ and a no-break space: 20 ug/m3 as printed is ≤ 20 µg/m³."""
    limit = make_target(kind=TargetKind.AT_MOST, value=Decimal(20), limit=True, raw="20 ug/m3")
    assert format_target(limit, MICRO, symbols=True) == f"≤{NBSP}20{NBSP}µg/m³"
    assert format_target(limit, MICRO, symbols=True, ascii_only=True) == f"≤{NBSP}20{NBSP}ug/m3"
    money = _bound(TargetKind.AT_LEAST, "10000000")
    assert format_target(money, "PLN", symbols=True) == f"≥{NBSP}10{NBSP}000{NBSP}000,00{NBSP}zł"


@pytest.mark.parametrize(
    ("target", "unit", "locale", "expected"),
    [
        (_band("10", "20"), "percent", "pl_PL", "10–20%"),
        (_band("10", "20"), MICRO, "pl_PL", f"10–20{NBSP}µg/m³"),
        (_band("1", "2"), "day", "pl_PL", f"1–2{NBSP}dni"),
        (_band("2.5", "4.5"), "percent", "en_GB", "2.5–4.5%"),
        (_band("10000", "20000"), "PLN", "pl_PL", f"10{NBSP}000,00–20{NBSP}000,00{NBSP}zł"),
        (_band("10000", "20000"), "PLN", "en_GB", f"PLN{NBSP}10,000.00–20,000.00"),
        (_band("-5", "10"), "count", "pl_PL", f"-5{NBSP}– 10"),
    ],
    ids=["percent", "micrograms", "days-agree-with-the-last", "en", "zloty", "pln-en", "negative"],
)
def test_ranges_take_an_en_dash_and_the_unit_once(
    target: Target, unit: str, locale: str, expected: str
) -> None:
    """A range is low–high with an en dash, its unit written once where the locale puts it."""
    assert format_target(target, unit, locale=locale) == expected


def test_a_tolerance_of_a_percentage_is_in_percentage_points() -> None:
    """50% ± 5 means 45–55%, so the tolerance is 5 p.p.; other units keep their own."""
    exact = make_target(kind=TargetKind.EXACTLY, value=Decimal(50), tolerance=Decimal(5))
    assert format_target(exact, "percent") == f"50%{NBSP}±{NBSP}5{NBSP}p.p."
    assert format_target(exact, "percent", locale="en_GB") == f"50%{NBSP}±{NBSP}5{NBSP}pp"
    assert format_target(exact, MICRO) == f"50{NBSP}±{NBSP}5{NBSP}µg/m³"


def test_the_printed_text_is_never_shown() -> None:
    """The raw text of the source (14,3 % with a space, ug/m3) plays no part in the output."""
    target = make_target(kind=TargetKind.AT_LEAST, value=Decimal("14.3"), raw="14,3 %  (sic)")
    assert "sic" not in format_target(target, "percent")


def test_bad_arguments_are_refused() -> None:
    """A target's printed text is not a Target; a unit without a label is a UnitError."""
    with pytest.raises(ArgumentTypeError, match="Target"):
        format_target("14,3%", "percent")  # type: ignore[arg-type]
    with pytest.raises(UnitError, match="furlong"):
        format_target(_bound(TargetKind.AT_LEAST, "1"), "furlong")


@pytest.mark.parametrize(
    ("target", "unit", "symbols", "locale", "expected"),
    [
        (
            _bound(TargetKind.AT_LEAST, "1746990947"),
            "PLN",
            False,
            "pl_PL",
            f"co najmniej 1{NBSP}746{NBSP}990{NBSP}947,00{NBSP}zł",
        ),
        (
            _bound(TargetKind.AT_LEAST, "1746990947"),
            "PLN",
            True,
            "pl_PL",
            f"≥{NBSP}1{NBSP}746{NBSP}990{NBSP}947,00{NBSP}zł",
        ),
        (
            _bound(TargetKind.AT_LEAST, "1746990947"),
            "PLN",
            False,
            "en_GB",
            f"at least PLN{NBSP}1,746,990,947.00",
        ),
        (
            _bound(TargetKind.AT_LEAST, "54.37"),
            "PLN / inhabitant",
            False,
            "pl_PL",
            f"co najmniej 54,37{NBSP}zł na mieszkańca",
        ),
        (_bound(TargetKind.AT_MOST, "4454.5"), "PLN", True, "pl_PL", f"≤{NBSP}4454,50{NBSP}zł"),
        (
            make_target(kind=TargetKind.EXACTLY, value=Decimal(500), tolerance=Decimal(25)),
            "PLN",
            False,
            "pl_PL",
            f"500,00{NBSP}±{NBSP}25,00{NBSP}zł",
        ),
        (
            _bound(TargetKind.AT_LEAST, "1309967"),
            "kiloPLN",
            False,
            "pl_PL",
            f"co najmniej 1{NBSP}309{NBSP}967{NBSP}tys. zł",
        ),
    ],
    ids=[
        "revenue-pl",
        "revenue-symbols",
        "revenue-en",
        "per-inhabitant",
        "four-digits",
        "exactly",
        "thousands-stay-whole",
    ],
)
def test_money_targets_keep_their_grosze(
    target: Target, unit: str, symbols: bool, locale: str, expected: str
) -> None:
    """A money target shows two decimals as the values beside it do (Kielce's revenue target,
    printed "1 746 990 947 zł" beside "1 679 523 470,54 zł"); 4454 keeps no group space
    (Polish minimum grouping); an amount in thousands of złoty stays whole."""
    assert format_target(target, unit, symbols=symbols, locale=locale) == expected
