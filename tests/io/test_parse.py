"""Tests of citystrategy.io.parse: every value form of the Kielce report, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from citystrategy.errors import CityStrategyError, ParseError
from citystrategy.io.parse import (
    MAX_DIGITS,
    MISSING_MARKERS,
    Amount,
    Bound,
    CostReference,
    MissingValue,
    ParsedValue,
    SameAsAbove,
    parse_decimal,
    parse_money,
    parse_percent,
    parse_quantity,
    parse_value,
)
from citystrategy.money import Money
from citystrategy.units import Q_

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN = "\u2009"
MINUS = "\u2212"
EN_DASH = "\u2013"

UG_M3 = "microgram / meter ** 3"
COST_REFERENCE = "Koszt realizacji projektu podany w Celu nr 2"


def _amount(raw: str, number: str, unit: str | None = None, bound: Bound | None = None) -> Amount:
    return Amount(Decimal(number), unit, bound, raw)


#: Every value form found in the Kielce 2023 monitoring report, with what it means.
VALUE_FORMS: list[tuple[str, ParsedValue]] = [
    ("8 818 970,62 zł", _amount("8 818 970,62 zł", "8818970.62", "PLN")),
    ("140 002 443 zł", _amount("140 002 443 zł", "140002443", "PLN")),
    ("46,10 zł", _amount("46,10 zł", "46.10", "PLN")),
    ("5,2 %", _amount("5,2 %", "5.2", "percent")),
    ("14,3%", _amount("14,3%", "14.3", "percent")),
    ("31791,00 MWh", _amount("31791,00 MWh", "31791.00", "megawatt_hour")),
    ("20 ug/m3", _amount("20 ug/m3", "20", UG_M3)),
    ("<45", _amount("<45", "45", None, Bound.LT)),
    ("- *", MissingValue("- *", MISSING_MARKERS["- *"], "- *")),
    ("jw.", SameAsAbove("jw.")),
    (COST_REFERENCE, CostReference("2", COST_REFERENCE)),
    ("38 266 276", _amount("38 266 276", "38266276")),
    (f"38{NBSP}266{NBSP}276", _amount(f"38{NBSP}266{NBSP}276", "38266276")),
    (f"38{NNBSP}266{NNBSP}276", _amount(f"38{NNBSP}266{NNBSP}276", "38266276")),
    (f"38{THIN}266{THIN}276", _amount(f"38{THIN}266{THIN}276", "38266276")),
    (f"38{NBSP}266{NNBSP}276", _amount(f"38{NBSP}266{NNBSP}276", "38266276")),
    (
        f"8{NBSP}818{NBSP}970,62{NBSP}zł",
        _amount(f"8{NBSP}818{NBSP}970,62{NBSP}zł", "8818970.62", "PLN"),
    ),
    (
        f"8{NNBSP}818{NNBSP}970,62{NNBSP}zł",
        _amount(f"8{NNBSP}818{NNBSP}970,62{NNBSP}zł", "8818970.62", "PLN"),
    ),
    (
        f"8{THIN}818{THIN}970,62 zł",
        _amount(f"8{THIN}818{THIN}970,62 zł", "8818970.62", "PLN"),
    ),
    ("0,00 zł", _amount("0,00 zł", "0.00", "PLN")),
    ("1 679 523 470,54 zł", _amount("1 679 523 470,54 zł", "1679523470.54", "PLN")),
    (f"{MINUS}7,1 p.p.", _amount(f"{MINUS}7,1 p.p.", "-7.1", "percentage_point")),
    (f"{MINUS}1 234,50 zł", _amount(f"{MINUS}1 234,50 zł", "-1234.50", "PLN")),
    (f"{EN_DASH}5,2%", _amount(f"{EN_DASH}5,2%", "-5.2", "percent")),
    ("-0,5", _amount("-0,5", "-0.5")),
    ("115 tys. zł", Amount(Decimal("115000"), "PLN", None, "115 tys. zł", Decimal(1000))),
    ("10,9 mln zł", Amount(Decimal("10900000"), "PLN", None, "10,9 mln zł", Decimal(10**6))),
    ("1,7 mld zł", Amount(Decimal("1700000000"), "PLN", None, "1,7 mld zł", Decimal(10**9))),
    ("30 000 €", _amount("30 000 €", "30000", "EUR")),
    ("30 000 EUR", _amount("30 000 EUR", "30000", "EUR")),
    ("8 400 000 PLN", _amount("8 400 000 PLN", "8400000", "PLN")),
    ("  5,2 %  ", _amount("  5,2 %  ", "5.2", "percent")),
    ("<= 10", _amount("<= 10", "10", None, Bound.LE)),
    ("≥60%", _amount("≥60%", "60", "percent", Bound.GE)),
    (">0", _amount(">0", "0", None, Bound.GT)),
    ("–", MissingValue("–", MISSING_MARKERS["–"], "–")),
    (".", MissingValue(".", MISSING_MARKERS["."], ".")),
    ("x", MissingValue("x", MISSING_MARKERS["x"], "x")),
]
VALUE_FORM_IDS = [
    "cost-grosze",
    "cost-whole-zloty",
    "per-capita-zloty",
    "percent-spaced",
    "percent-tight",
    "mwh-ungrouped",
    "ug-m3-ascii",
    "bound-lt",
    "missing-footnote",
    "same-as-above",
    "cost-reference",
    "count-spaces",
    "count-nbsp",
    "count-nnbsp",
    "count-thin-space",
    "count-mixed-spaces",
    "cost-nbsp",
    "cost-nnbsp",
    "cost-thin-space",
    "zero-cost",
    "billion-cost",
    "minus-sign-pp",
    "minus-sign-cost",
    "en-dash-minus",
    "hyphen-minus",
    "thousands",
    "millions",
    "billions",
    "euro-sign",
    "euro-code",
    "pln-code",
    "outer-spaces",
    "bound-le",
    "bound-ge-symbol",
    "bound-gt",
    "gus-no-occurrence",
    "gus-no-data",
    "gus-not-applicable",
]


@pytest.mark.parametrize(("raw", "expected"), VALUE_FORMS, ids=VALUE_FORM_IDS)
def test_parse_value_forms(raw: str, expected: ParsedValue) -> None:
    """parse_value reads each form of the Kielce report into its exact value, unit and bound."""
    assert parse_value(raw) == expected


@pytest.mark.parametrize(
    ("raw", "printed"),
    [("46,10 zł", "46.10"), ("31791,00 MWh", "31791.00"), ("0,00 zł", "0.00"), ("5,2 %", "5.2")],
    ids=["per-capita", "mwh", "zero", "percent"],
)
def test_parse_value_keeps_printed_precision(raw: str, printed: str) -> None:
    """Trailing fraction zeros are kept: the Decimal is exactly as printed."""
    value = parse_value(raw)
    assert isinstance(value, Amount)
    assert str(value.number) == printed


def test_missing_marker_is_never_zero() -> None:
    """'- *' is a missing value, not an amount of zero."""
    value = parse_value("- *")
    assert isinstance(value, MissingValue)
    assert value.marker == "- *"
    assert "*" in value.meaning


def test_cost_reference_names_the_goal() -> None:
    """A cost reference keeps the goal it points to and the raw text."""
    value = parse_value("koszt realizacji projektu podany w celu nr 3.")
    assert value == CostReference("3", "koszt realizacji projektu podany w celu nr 3.")


#: Texts that are not values, with the reason each is refused.
REJECTED: list[tuple[str, str]] = [
    ("1.5", "dot"),
    ("1.234", "dot"),
    ("NaN", "not a number"),
    ("Infinity", "not a number"),
    ("1_000", "underscore"),
    ("1 23 456", "three"),
    ("12,5,3", "more than one decimal comma"),
    ("", "empty"),
    ("abc", "no number"),
    ("5 kg", "unknown unit"),
    ("1,", "comma"),
    ("4 ,2", "a space inside the number, before ','"),
    ("4 .2", "a space inside the number, before '.'"),
]
REJECTED_IDS = [
    "dot-decimal",
    "dot-grouping",
    "nan",
    "infinity",
    "underscore",
    "bad-grouping",
    "two-commas",
    "empty",
    "letters",
    "unknown-unit",
    "trailing-comma",
    "space-before-comma",
    "space-before-dot",
]


@pytest.mark.parametrize(("raw", "reason"), REJECTED, ids=REJECTED_IDS)
def test_parse_value_rejects(raw: str, reason: str) -> None:
    """A text that is not a Polish value raises ParseError with the raw text, field and location."""
    with pytest.raises(ParseError) as info:
        parse_value(raw, field="cost", location="projects.tsv, row 7")
    error = info.value
    assert error.raw == raw
    assert error.field == "cost"
    assert error.location == "projects.tsv, row 7"
    assert reason in error.reason
    message = str(error)
    assert raw in message
    assert "projects.tsv, row 7" in message
    assert "cost" in message


@pytest.mark.parametrize(("raw", "reason"), REJECTED, ids=REJECTED_IDS)
def test_parse_decimal_rejects(raw: str, reason: str) -> None:
    """parse_decimal refuses the same texts, with the same structured error."""
    with pytest.raises(ParseError) as info:
        parse_decimal(raw, field="value_2023", location="indicators.tsv, row 4")
    assert info.value.raw == raw
    assert info.value.field == "value_2023"
    assert info.value.location == "indicators.tsv, row 4"
    assert "indicators.tsv, row 4" in str(info.value)


@pytest.mark.parametrize(
    "raw",
    ["1 234 5", "1234 567", "12 3456", f"1{NBSP}23", "1 234,5 6", "1.234,56", "1,234.56"],
    ids=[
        "short-group",
        "long-head",
        "long-group",
        "nbsp-short-group",
        "split-fraction",
        "de",
        "en",
    ],
)
def test_parse_decimal_rejects_bad_grouping(raw: str) -> None:
    """Groups must be three digits; dots never group or separate decimals."""
    with pytest.raises(ParseError):
        parse_decimal(raw)


def test_parse_error_without_location() -> None:
    """Without a location the message names the field and the text only."""
    with pytest.raises(ParseError) as info:
        parse_value("abc")
    assert info.value.location is None
    assert info.value.field == "value"
    assert str(info.value).startswith("cannot parse value 'abc'")


def test_parse_error_is_a_value_error() -> None:
    """ParseError can be caught as a ValueError and as a CityStrategyError."""
    with pytest.raises(ValueError, match="cannot parse"):
        parse_decimal("1.5")
    assert issubclass(ParseError, ValueError)
    assert issubclass(ParseError, CityStrategyError)


def test_parse_decimal_plain_number() -> None:
    """parse_decimal reads a grouped Polish number exactly."""
    assert parse_decimal("38 266 276") == Decimal("38266276")
    assert str(parse_decimal("1 234,50")) == "1234.50"
    assert parse_decimal(f"{MINUS}0,5") == Decimal("-0.5")


def test_parse_decimal_refuses_a_scale_word() -> None:
    """parse_decimal reads a plain number only; '115 tys.' is for parse_value, which says so."""
    with pytest.raises(ParseError, match="scale word"):
        parse_decimal("115 tys.")
    assert parse_value("115 tys.") == Amount(Decimal(115000), None, None, "115 tys.", Decimal(1000))


@pytest.mark.parametrize(
    "raw", ["5,2 %", "8 818 970,62 zł", "31791,00 MWh"], ids=["percent", "zloty", "mwh"]
)
def test_parse_decimal_refuses_units(raw: str) -> None:
    """parse_decimal refuses a number with a unit."""
    with pytest.raises(ParseError, match="plain number"):
        parse_decimal(raw)


@pytest.mark.parametrize("raw", ["<45", ">= 10", "≤3"], ids=["lt", "ge", "le-symbol"])
def test_parse_decimal_refuses_bounds(raw: str) -> None:
    """parse_decimal refuses a bound such as '<45'."""
    with pytest.raises(ParseError, match="plain number"):
        parse_decimal(raw)


@pytest.mark.parametrize("raw", ["- *", "jw.", COST_REFERENCE], ids=["missing", "jw", "reference"])
def test_parse_decimal_refuses_non_numbers(raw: str) -> None:
    """parse_decimal refuses missing signs, 'jw.' and cost references."""
    with pytest.raises(ParseError):
        parse_decimal(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 818 970,62 zł", Money(Decimal("8818970.62"), "PLN")),
        ("140 002 443 zł", Money(Decimal("140002443"), "PLN")),
        ("0,00 zł", Money(Decimal("0"), "PLN")),
        ("115 tys. zł", Money(Decimal("115000"), "PLN")),
        ("10,9 mln zł", Money(Decimal("10900000"), "PLN")),
        ("30 000 €", Money(Decimal("30000"), "EUR")),
        ("1 234,50 PLN", Money(Decimal("1234.50"), "PLN")),
        (f"{MINUS}46,10 zł", Money(Decimal("-46.10"), "PLN")),
    ],
    ids=["grosze", "whole", "zero", "thousands", "millions", "euro", "code", "negative"],
)
def test_parse_money_with_currency_in_text(raw: str, expected: Money) -> None:
    """parse_money reads the amount and the currency named in the text."""
    assert parse_money(raw) == expected


def test_parse_money_without_currency_uses_the_given_one() -> None:
    """A bare number takes the currency passed in."""
    assert parse_money("1 234,50", currency="PLN") == Money(Decimal("1234.50"), "PLN")
    assert parse_money("10,9 mln", currency="EUR") == Money(Decimal("10900000"), "EUR")


def test_parse_money_with_matching_currency() -> None:
    """A currency in the text that matches the one passed in is accepted."""
    assert parse_money("46,10 zł", currency="PLN") == Money(Decimal("46.10"), "PLN")


def test_parse_money_without_any_currency_is_refused() -> None:
    """A bare number with no currency given is a ParseError."""
    with pytest.raises(ParseError, match="no currency") as info:
        parse_money("1 234,50", field="cost", location="row 2")
    assert info.value.field == "cost"
    assert info.value.location == "row 2"


def test_parse_money_with_other_currency_is_refused() -> None:
    """'30 000 €' is not an amount in PLN."""
    with pytest.raises(ParseError, match="PLN"):
        parse_money("30 000 €", currency="PLN")


@pytest.mark.parametrize(
    "raw", ["5,2 %", "31791,00 MWh", "-7,1 p.p."], ids=["percent", "mwh", "pp"]
)
def test_parse_money_refuses_other_units(raw: str) -> None:
    """A percentage or an energy is not money."""
    with pytest.raises(ParseError, match="not a currency"):
        parse_money(raw)


def test_parse_money_refuses_bound() -> None:
    """'<45 zł' is a bound, not an amount."""
    with pytest.raises(ParseError, match="bound"):
        parse_money("<45 zł")


def test_parse_money_default_field() -> None:
    """Errors from parse_money name the field 'amount' by default."""
    with pytest.raises(ParseError) as info:
        parse_money("1.5 zł")
    assert info.value.field == "amount"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5,2 %", "5.2"),
        ("14,3%", "14.3"),
        (f"5,2{NBSP}%", "5.2"),
        ("0%", "0"),
        ("100,0%", "100.0"),
        (f"{MINUS}3,5%", "-3.5"),
    ],
    ids=["spaced", "tight", "nbsp", "zero", "hundred", "negative"],
)
def test_parse_percent(raw: str, expected: str) -> None:
    """parse_percent gives the value in percent units, exactly: '5,2 %' is 5.2."""
    value = parse_percent(raw)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    "raw", ["5,2", "0,6 p.p.", "5,2 zł", "<5%"], ids=["bare", "pp", "zloty", "bound"]
)
def test_parse_percent_refuses(raw: str) -> None:
    """A number without '%' (or with a bound) is not a percentage."""
    with pytest.raises(ParseError, match="percentage") as info:
        parse_percent(raw)
    assert info.value.field == "percent"


def test_parse_quantity_takes_unit_from_text() -> None:
    """'31791,00 MWh' is a quantity in megawatt hours with a Decimal magnitude."""
    quantity = parse_quantity("31791,00 MWh")
    assert quantity == Q_(Decimal("31791.00"), "MWh")
    assert isinstance(quantity.magnitude, Decimal)
    assert str(quantity.units) == "megawatt_hour"


def test_parse_quantity_ascii_concentration() -> None:
    """'20 ug/m3' is 20 micrograms per cubic metre."""
    quantity = parse_quantity("20 ug/m3")
    assert str(quantity.units) == UG_M3
    assert quantity.magnitude == Decimal(20)


def test_parse_quantity_converts_to_requested_unit() -> None:
    """With unit='GJ', 31791,00 MWh becomes exactly 114 447,6 GJ, still a Decimal."""
    quantity = parse_quantity("31791,00 MWh", unit="GJ")
    assert isinstance(quantity.magnitude, Decimal)
    assert quantity.magnitude == Decimal("114447.6")
    assert str(quantity.units) == "gigajoule"


def test_parse_quantity_assumes_unit_for_bare_number() -> None:
    """A bare number takes the unit passed in."""
    quantity = parse_quantity("58", unit="day")
    assert quantity == Q_(Decimal(58), "day")
    assert isinstance(quantity.magnitude, Decimal)


def test_parse_quantity_incompatible_unit() -> None:
    """MWh cannot become kilometres: ParseError naming both units."""
    with pytest.raises(ParseError, match="cannot be converted") as info:
        parse_quantity("31791,00 MWh", unit="km", field="energy", location="row 5")
    assert info.value.raw == "31791,00 MWh"
    assert info.value.field == "energy"
    assert info.value.location == "row 5"
    assert "'MWh' cannot be converted to 'km'" in str(info.value)


def test_parse_quantity_percent_to_percentage_point_is_incompatible() -> None:
    """A percentage is not converted to percentage points."""
    with pytest.raises(ParseError, match="cannot be converted"):
        parse_quantity("5,2 %", unit="percentage_point")


def test_parse_quantity_needs_a_unit() -> None:
    """A bare number without a unit to assume is a ParseError."""
    with pytest.raises(ParseError, match="no unit"):
        parse_quantity("38 266 276")


def test_parse_quantity_refuses_bound() -> None:
    """'<45' is a bound, not a quantity."""
    with pytest.raises(ParseError, match="bound"):
        parse_quantity("<45 ug/m3")


def test_parse_quantity_unknown_unit() -> None:
    """A unit outside the alias table is a ParseError that lists the known ones."""
    with pytest.raises(ParseError, match="unknown unit 'kg'"):
        parse_quantity("5 kg")


# --- amounts finer than a grosz, numbers too large, exponents ---------------------------------


def test_parse_money_three_decimals_look_like_a_thousands_separator() -> None:
    """'1,234 zł' is refused: three decimals are most likely '1 234 zł'."""
    with pytest.raises(ParseError) as info:
        parse_money("1,234 zł", field="cost", location="line 5")
    message = str(info.value)
    assert "three decimals look like a misplaced thousands separator" in message
    assert "did you mean '1 234 zł'?" in message
    assert (info.value.raw, info.value.field, info.value.location) == ("1,234 zł", "cost", "line 5")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("8 818,970 zł", "did you mean '8 818 970 zł'?"),
        ("0,0525 zł", "4 decimals: an amount of money has at most two"),
        ("1,234567 tys. zł", "not a whole number of grosze or cents"),
    ],
    ids=["three-decimals", "four-decimals", "scaled-sub-grosz"],
)
def test_parse_money_refuses_sub_grosz_amounts(raw: str, reason: str) -> None:
    """An amount finer than a grosz is refused by default, saying why."""
    with pytest.raises(ParseError, match=reason):
        parse_money(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0,0525 zł", "0.0525"), ("1,234 zł", "1.234"), ("1,234567 tys. zł", "1234.567000")],
    ids=["unit-price", "three-decimals", "scaled"],
)
def test_parse_money_allows_sub_grosz_when_asked(raw: str, expected: str) -> None:
    """allow_subunit=True reads the amount exactly as written."""
    assert parse_money(raw, allow_subunit=True) == Money(Decimal(expected), "PLN")


def test_parse_money_scaled_whole_grosze_are_accepted() -> None:
    """'1,23456 mln zł' is 1 234 560 zł: a scale word may carry many decimals."""
    assert parse_money("1,23456 mln zł").amount == Decimal("1234560")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("1" + " 000" * 6, r"19 digits are too many to compute with exactly \(at most 18\)"),
        ("1 000 000 000 mld", "19 digits"),
        ("0," + "1" * 19, "19 digits"),
        ("1e30", "an exponent is not a Polish number"),
        ("1E5 zł", "an exponent is not a Polish number"),
        ("2,5e-3", "an exponent is not a Polish number"),
    ],
    ids=["19-digits", "scaled-19-digits", "19-decimals", "exponent", "exponent-money", "neg-exp"],
)
def test_numbers_too_large_or_with_exponents_are_refused(raw: str, reason: str) -> None:
    """A number beyond exact arithmetic, or written with an exponent, is a ParseError."""
    with pytest.raises(ParseError, match=reason):
        parse_value(raw, location="line 3")


def test_eighteen_digits_are_read_exactly() -> None:
    """The largest accepted number has MAX_DIGITS digits and is read exactly."""
    assert MAX_DIGITS == 18
    assert parse_decimal("9" * 16 + ",99") == Decimal("9" * 16 + ".99")


def test_parse_quantity_inexact_conversion_is_refused() -> None:
    """31 791 GJ is 8 830,8(3) MWh, a repeating decimal: refused, never float digits."""
    with pytest.raises(ParseError, match="5/18") as info:
        parse_quantity("31 791 GJ", unit="MWh", location="row 4")
    assert "write the value in 'MWh'" in str(info.value)
    assert info.value.location == "row 4"


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        ("114 447,6 GJ", "MWh", "31791"),
        ("1 234,5 kWh", "MWh", "1.2345"),
        ("17 µg/m³", "milligram / meter ** 3", "0.017"),
    ],
    ids=["gigajoules-exact", "kilowatt-hours", "micrograms"],
)
def test_parse_quantity_converts_exactly(raw: str, unit: str, expected: str) -> None:
    """Conversions that give a finite decimal are exact: the digits are the true quotient."""
    magnitude = parse_quantity(raw, unit=unit).magnitude
    assert isinstance(magnitude, Decimal)
    assert str(magnitude) == expected


@pytest.mark.parametrize(
    ("raw", "unit", "polish", "english"),
    [
        (
            "12,5 %",
            "day",
            "„%” nie da się przeliczyć na „dni”",
            "'%' cannot be converted to 'days'",
        ),
        (
            "5 dni",
            "percent",
            "„dni” nie da się przeliczyć na „%”",
            "'days' cannot be converted to '%'",
        ),
        (
            "3 MWh",
            "PLN",
            "„MWh” nie da się przeliczyć na „zł”",
            "'MWh' cannot be converted to 'PLN'",
        ),
    ],
)
def test_a_unit_that_does_not_convert_is_named_by_its_label(
    raw: str, unit: str, polish: str, english: str
) -> None:
    """The units of a refused conversion are named as a reader writes them, not as registry keys."""
    from citystrategy.reports import describe_error

    with pytest.raises(ParseError) as caught:
        parse_quantity(raw, unit=unit)
    assert polish in describe_error(caught.value, locale="pl")
    assert english in describe_error(caught.value, locale="en")
    assert english in str(caught.value)


# --- numbers written in English (an English form) ---------------------------------------------


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("4.2", "4.2", None),
        ("-0.5", "-0.5", None),
        ("1,234.5", "1234.5", None),
        ("1 234.5", "1234.5", None),
        ("12,345,678", "12345678", None),
        ("1234", "1234", None),
        ("12.5 %", "12.5", "percent"),
        ("1,234,567.89 zł", "1234567.89", "PLN"),
    ],
)
def test_english_numbers_are_read_in_an_english_locale(
    raw: str, number: str, unit: str | None
) -> None:
    """A decimal point and comma-grouped thousands are English numbers, read exactly."""
    parsed = parse_value(raw, locale="en_GB")
    assert isinstance(parsed, Amount)
    assert (parsed.number, parsed.unit) == (Decimal(number), unit)
    assert str(parsed.number) == number


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("4,2", "a comma is not a decimal separator in English text; write a point"),
        ("1.2.3", "more than one decimal point"),
        ("12.", "a decimal point must be followed by digits"),
        ("1,23", "a comma is not a decimal separator in English text; write a point"),
    ],
)
def test_polish_numbers_are_refused_in_an_english_locale(raw: str, reason: str) -> None:
    """A decimal comma in English text is refused with the reason, not read as a thousands group."""
    with pytest.raises(ParseError) as caught:
        parse_value(raw, locale="en")
    assert caught.value.reason == reason


def test_a_single_comma_group_is_ambiguous_in_english() -> None:
    """'1,234' is 1234 in English and 1,234 in Polish: refused, both readings offered."""
    from citystrategy.reports import describe_error

    with pytest.raises(ParseError) as caught:
        parse_decimal("1,234", locale="en", field="value_2024")
    assert caught.value.reason == (
        "'1,234' is ambiguous: a comma groups thousands in English but marks decimals in "
        "Polish; type '1234' for the whole number or '1.234' for the decimal one"
    )
    polish = describe_error(caught.value, locale="pl")
    assert "w polu „wartość za 2024\xa0r.”" in polish
    assert "niejednoznaczne" in polish


def test_a_polish_locale_still_refuses_a_decimal_point() -> None:
    """The default and Polish locales keep the decimal comma: '4.2' is refused there."""
    assert parse_decimal("4,2", locale="pl_PL") == Decimal("4.2")
    for locale in ("pl", "pl_PL"):
        with pytest.raises(ParseError, match="a dot is not a decimal separator"):
            parse_decimal("4.2", locale=locale)


def test_english_money_with_three_decimals_is_refused_as_such() -> None:
    """'1.234 zł' in English: three decimals are more than a grosz, whatever was meant."""
    with pytest.raises(ParseError) as caught:
        parse_money("1.234 zł", locale="en")
    assert caught.value.reason == "3 decimals: an amount of money has at most two (grosze or cents)"
    assert parse_money("1,234.50 zł", locale="en") == Money(Decimal("1234.50"), "PLN")


def test_english_quantities_and_percentages() -> None:
    """parse_quantity and parse_percent take the locale too."""
    assert parse_quantity("1,234.5 kWh", unit="MWh", locale="en").magnitude == Decimal("1.2345")
    assert parse_percent("12.5%", locale="en") == Decimal("12.5")


def test_a_locale_that_is_not_text_is_refused() -> None:
    """locale=5 is an ArgumentTypeError (a TypeError), not an English or Polish number."""
    from citystrategy.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError):
        parse_value("1", locale=5)  # type: ignore[arg-type]


# --- the unit printed beside a value ----------------------------------------------------------


def test_a_printed_numerator_fits_a_unit_per_inhabitant() -> None:
    """'47,80 zł' is a value in zł per inhabitant, as the data-folder readers accept it."""
    quantity = parse_quantity("47,80 zł", unit="PLN / inhabitant")
    assert (quantity.magnitude, str(quantity.units)) == (Decimal("47.80"), "PLN / inhabitant")
    with pytest.raises(ParseError, match="'€' cannot be converted to 'PLN per inhabitant'"):
        parse_quantity("47,80 €", unit="PLN / inhabitant")
    with pytest.raises(ParseError, match="'%' cannot be converted"):
        parse_quantity("12 %", unit="count")


def test_the_data_folder_reader_and_parse_quantity_share_the_rule() -> None:
    """The indicators reader's rule is the parser's: the same printed units fit the same units."""
    from citystrategy.io import _indicators
    from citystrategy.io.parse import _fit_unit

    amount = Amount(Decimal("46.10"), "PLN", None, "46,10 zł")
    assert _indicators._fit(amount, "PLN / inhabitant") == _fit_unit(amount, "PLN / inhabitant")
    assert _fit_unit(amount, "PLN / inhabitant") == Decimal("46.10")
    assert _fit_unit(Amount(Decimal(3), "megawatt_hour", None, "3 MWh"), "PLN") is None


@pytest.mark.parametrize(("language", "locale"), [("pl", "pl"), ("en", "en")])
def test_an_unknown_units_list_is_what_a_user_may_write(language: str, locale: str) -> None:
    """The units an unknown unit's message lists are labels a reader writes, each one parsed."""
    import re

    from citystrategy.reports import describe_error
    from tests.language import identifiers

    with pytest.raises(ParseError) as caught:
        parse_value("31 kg")
    text = describe_error(caught.value, locale=locale)
    listed = re.search(r"\((?:znane|known): (.*)\)$", text)
    assert listed is not None, text
    labels = re.findall(r"['„]([^'”]*)['”]", listed[1])
    assert len(labels) == 21  # 15 units and 6 amounts of money with a scale word
    assert "megawatt_hour" not in text
    assert identifiers(text) == []
    for label in labels:
        parsed = parse_value(f"1 {label}", locale=locale)
        assert isinstance(parsed, Amount)
        assert parsed.unit is not None, label


def test_an_unknown_unit_for_a_given_unit_lists_those_that_fit() -> None:
    """With the unit of the value known, only the units that convert to it are listed."""
    from citystrategy.reports import describe_error

    with pytest.raises(ParseError) as caught:
        parse_quantity("31 kg", unit="megawatt_hour")
    assert describe_error(caught.value, locale="pl").endswith("(znane: „MWh”, „kWh”, „GJ”)")
    with pytest.raises(ParseError) as caught:
        parse_quantity("31 kg", unit="PLN / inhabitant")
    per_inhabitant = "(znane: „zł na mieszkańca”, „zł”, „tys. zł”, „mln zł”, „mld zł”)"
    assert describe_error(caught.value, locale="pl").endswith(per_inhabitant)
    assert str(caught.value).endswith(
        "(known: 'PLN per inhabitant', 'PLN', 'thousand PLN', 'million PLN', 'billion PLN')"
    )
    # each is read: '1,2 tys. zł' for a value per inhabitant is 1 200 zł per inhabitant
    assert parse_quantity("1,2 tys. zł", unit="PLN / inhabitant").magnitude == Decimal(1200)


# --- the field of a parse error, in words -------------------------------------------------------


def _fields_passed_in_src() -> set[str]:
    """Every field name written as a literal `field="..."` in a call of the library's source."""
    import re
    from pathlib import Path

    import citystrategy

    found: set[str] = set()
    for path in Path(citystrategy.__file__).parent.rglob("*.py"):
        found |= set(re.findall(r"\bfield=\"([a-z_0-9]+)\"", path.read_text(encoding="utf-8")))
    return found


def test_every_field_given_to_the_parsers_has_words() -> None:
    """Each field the library names (grep field=) and each parser's default is worded in Polish."""
    import inspect

    from citystrategy.errors import _PARSE_FIELDS
    from citystrategy.reports import describe_error
    from tests.language import english_words, identifiers

    defaults = {
        str(inspect.signature(f).parameters["field"].default)
        for f in (parse_value, parse_decimal, parse_money, parse_percent, parse_quantity)
    }
    fields = _fields_passed_in_src() | defaults | {"value_2023", "value_2024"}
    assert {"value", "cost", "amount", "target", "range", "rate", "count", "share"} <= fields
    for field in sorted(fields):
        assert field in _PARSE_FIELDS or field.startswith("value_"), field
        polish = describe_error(ParseError("abc", field, "no number found"), locale="pl")
        assert identifiers(polish) == [], polish
        assert english_words(polish) == [], polish
        assert f"„{field}”" not in polish, polish


def test_a_field_is_worded_in_both_languages() -> None:
    """'value_2024' reads 'wartość za 2024 r.' and 'value for 2024'; an unknown field as given."""
    from citystrategy.reports import describe_error

    error = ParseError("4.2", "value_2024", "no number found", "dane.tsv")
    assert describe_error(error, locale="pl") == (
        "nie można odczytać „4.2” w polu „wartość za 2024\xa0r.”: nie znaleziono liczby (dane.tsv)"
    )
    assert str(error) == "cannot parse value for 2024 '4.2': no number found (dane.tsv)"
    cost = ParseError("x", "cost", "no number found")
    assert describe_error(cost, locale="pl").startswith("nie można odczytać „x” w polu „koszt”")
    assert str(ParseError("x", "Koszt", "no number found")).startswith("cannot parse Koszt 'x'")
