r"""Tests of citystrategy.formatting: golden Polish strings, and parse∘format round trips.

Spaces are written as escapes: ``\xa0`` is the no-break space, ``\u202f`` the narrow one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from citystrategy.errors import ArgumentError, UnitError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    Grouping,
    format_count,
    format_date,
    format_missing,
    format_money,
    format_money_scaled,
    format_number,
    format_percent,
    format_percentage_points,
    format_quantity,
    format_value,
    get_label,
)
from citystrategy.io.parse import Amount, parse_decimal, parse_money, parse_percent, parse_value
from citystrategy.model import Direction, Level, TargetKind
from citystrategy.money import Money
from citystrategy.units import Q_

# --- format_money -------------------------------------------------------------------------------


def test_format_money_grosze() -> None:
    """Polish money has NBSP groups, a decimal comma and 'zł' after an NBSP."""
    assert format_money(Money(Decimal("85665519.74"))) == "85\xa0665\xa0519,74\xa0zł"


def test_format_money_whole_zloty() -> None:
    """decimals=0 writes whole złoty: 140 750 zł."""
    assert format_money(Money(Decimal("140750")), decimals=0) == "140\xa0750\xa0zł"


def test_format_money_adds_grosze() -> None:
    """A whole amount gets two fraction digits by default."""
    assert format_money(Money(Decimal("140002443"))) == "140\xa0002\xa0443,00\xa0zł"


def test_format_money_min2_grouping() -> None:
    """Four-digit amounts are not grouped; five-digit ones are."""
    assert format_money(Money(Decimal("1234.5"))) == "1234,50\xa0zł"
    assert format_money(Money(Decimal("12345.5"))) == "12\xa0345,50\xa0zł"


def test_format_money_grouping_always() -> None:
    """grouping='always' groups four-digit amounts too."""
    assert format_money(Money(Decimal("1234.5")), grouping="always") == "1\xa0234,50\xa0zł"


def test_format_money_euro() -> None:
    """Euros use the € symbol after the number in Polish."""
    assert format_money(Money(Decimal("30000"), "EUR")) == "30\xa0000,00\xa0€"


def test_format_money_negative() -> None:
    """A negative amount starts with a minus."""
    assert format_money(Money(Decimal("-12345.5"))) == "-12\xa0345,50\xa0zł"
    assert format_money(Money(Decimal("-46.1"))) == "-46,10\xa0zł"


def test_format_money_rounds_half_up() -> None:
    """Grosze round half-up: 0,005 zł is 0,01 zł and 2,665 zł is 2,67 zł."""
    assert format_money(Money(Decimal("0.005"))) == "0,01\xa0zł"
    assert format_money(Money(Decimal("2.665"))) == "2,67\xa0zł"


def test_format_money_negative_rounding_to_zero_has_no_sign() -> None:
    """-0,004 zł rounds to 0,00 zł, never '-0,00 zł'."""
    assert format_money(Money(Decimal("-0.004"))) == "0,00\xa0zł"


def test_format_money_code() -> None:
    """code=True writes the ISO code instead of the symbol."""
    assert format_money(Money(Decimal("1234.5")), code=True) == "1234,50\xa0PLN"


def test_format_money_en_gb() -> None:
    """In en_GB the symbol comes first, with English separators."""
    assert format_money(Money(Decimal("1234.5")), locale="en_GB") == "PLN\xa01,234.50"
    assert format_money(Money(Decimal("1234.5"), "EUR"), locale="en_GB") == "€1,234.50"


def test_format_money_en_gb_negative() -> None:
    """In en_GB the minus goes before the symbol."""
    assert format_money(Money(Decimal("-1234.5"), "EUR"), locale="en_GB") == "-€1,234.50"


def test_format_money_accepts_locale_object() -> None:
    """A babel Locale works as well as its name."""
    text = format_money(Money(Decimal("12345")), locale=Locale.parse("pl_PL"))
    assert text == "12\xa0345,00\xa0zł"


# --- format_money_scaled ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("115000", "115\xa0tys.\xa0zł"),
        ("10912345.67", "10,9\xa0mln\xa0zł"),
        ("999999", "1\xa0mln\xa0zł"),
        ("1679523470.54", "1,7\xa0mld\xa0zł"),
        ("85665519.74", "85,7\xa0mln\xa0zł"),
        ("949999", "950\xa0tys.\xa0zł"),
        ("1000", "1\xa0tys.\xa0zł"),
        ("120000000", "120\xa0mln\xa0zł"),
        ("-10912345.67", "-10,9\xa0mln\xa0zł"),
        ("0", "0\xa0zł"),
    ],
    ids=[
        "thousands",
        "millions",
        "scale-after-rounding",
        "billions",
        "report-total",
        "below-a-million",
        "one-thousand",
        "whole-millions",
        "negative",
        "zero",
    ],
)
def test_format_money_scaled(amount: str, expected: str) -> None:
    """The scale is chosen after rounding, and trailing zeros are dropped."""
    assert format_money_scaled(Money(Decimal(amount))) == expected


def test_format_money_scaled_under_a_thousand_is_unscaled() -> None:
    """Amounts under a thousand are written unscaled, as the docstring promises: 999 zł."""
    assert format_money_scaled(Money(Decimal("999"))) == "999\xa0zł"
    assert format_money_scaled(Money(Decimal("950"))) == "950\xa0zł"


def test_format_money_scaled_small_amount_is_unscaled() -> None:
    """Amounts well under a thousand are written in whole złoty."""
    assert format_money_scaled(Money(Decimal("949"))) == "949\xa0zł"
    assert format_money_scaled(Money(Decimal("46.10"))) == "46\xa0zł"


def test_format_money_scaled_keeps_zeros_on_request() -> None:
    """trim_zeros=False keeps the fraction digits: 115,0 tys. zł."""
    assert format_money_scaled(Money(Decimal("115000")), trim_zeros=False) == "115,0\xa0tys.\xa0zł"


def test_format_money_scaled_decimals() -> None:
    """decimals sets the digits after scaling, rounded half-up."""
    money = Money(Decimal("10915000"))
    assert format_money_scaled(money, decimals=2) == "10,92\xa0mln\xa0zł"
    assert format_money_scaled(money, decimals=0) == "11\xa0mln\xa0zł"


def test_format_money_scaled_fixed_scale_for_small_amount() -> None:
    """A fixed scale applies even to a small amount: 115 000 zł is 0,1 mln zł."""
    assert format_money_scaled(Money(Decimal("115000")), scale="mln") == "0,1\xa0mln\xa0zł"


def test_format_money_scaled_fixed_scale_for_large_amount() -> None:
    """A fixed scale applies to a large amount too: 10,9 mln zł is 10 912,3 tys. zł."""
    text = format_money_scaled(Money(Decimal("10912345.67")), scale="tys.")
    assert text == "10\xa0912,3\xa0tys.\xa0zł"


def test_format_money_scaled_euro() -> None:
    """Scaled euros use the € symbol."""
    assert format_money_scaled(Money(Decimal("30000"), "EUR")) == "30\xa0tys.\xa0€"


@pytest.mark.parametrize("scale", ["k", "tys", "mln.", "thousand", ""], ids=repr)
def test_format_money_scaled_invalid_scale(scale: str) -> None:
    """A scale word the locale does not have raises ValueError."""
    with pytest.raises(ValueError, match="scale"):
        format_money_scaled(Money(Decimal("115000")), scale=scale)


def test_format_money_scaled_en_gb() -> None:
    """In en_GB the symbol goes first and the scale is an English suffix."""
    assert format_money_scaled(Money(Decimal("10912345.67")), locale="en_GB") == "PLN\xa010.9m"


def test_format_money_scaled_en_gb_negative() -> None:
    """In en_GB a negative scaled amount puts the minus first, as format_money does."""
    text = format_money_scaled(Money(Decimal("-115000")), locale="en_GB")
    assert text == "-PLN\xa0115k"
    assert format_money(Money(Decimal("-115000")), locale="en_GB").startswith("-PLN")


# --- format_number ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", "1"),
        ("999", "999"),
        ("1234", "1234"),
        ("9999", "9999"),
        ("12345", "12\xa0345"),
        ("123456", "123\xa0456"),
        ("1234567", "1\xa0234\xa0567"),
        ("-1234", "-1234"),
        ("-12345", "-12\xa0345"),
        ("1234.5", "1234,5"),
        ("12345.5", "12\xa0345,5"),
    ],
    ids=lambda v: str(v).replace("\xa0", "_"),
)
def test_format_number_min2_grouping(value: str, expected: str) -> None:
    """By default Polish numbers are grouped only from five integer digits."""
    assert format_number(Decimal(value)) == expected


def test_format_number_grouping_always() -> None:
    """grouping='always' groups from four digits."""
    assert format_number(Decimal("1234"), grouping="always") == "1\xa0234"
    assert format_number(Decimal("1234"), grouping=Grouping.ALWAYS) == "1\xa0234"
    assert format_number(Decimal("123"), grouping=Grouping.ALWAYS) == "123"


def test_format_number_grouping_never() -> None:
    """grouping='never' writes the digits in one run, as in '31791,00 MWh'."""
    assert format_number(Decimal("31791.00"), grouping="never") == "31791,00"
    assert format_number(Decimal("1234567"), grouping=Grouping.NEVER) == "1234567"


def test_format_number_custom_separator() -> None:
    """separator='\\u202f' groups with a narrow no-break space."""
    assert format_number(Decimal("1234567"), separator="\u202f") == "1\u202f234\u202f567"
    assert format_number(Decimal("12345.5"), separator=" ") == "12 345,5"


def test_format_number_keeps_decimals_by_default() -> None:
    """decimals=None keeps the printed precision of a Decimal."""
    assert format_number(Decimal("46.10")) == "46,10"
    assert format_number(Decimal("0.00")) == "0,00"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        ("2.665", 2, "2,67"),
        ("2.664", 2, "2,66"),
        ("0.05", 1, "0,1"),
        ("0.125", 2, "0,13"),
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),
        ("-2.5", 0, "-3"),
        ("-2.665", 2, "-2,67"),
        ("12344.5", 0, "12\xa0345"),
        ("46.1", 2, "46,10"),
    ],
    ids=[
        "2.665",
        "2.664",
        "0.05",
        "0.125",
        "0.5",
        "1.5",
        "2.5",
        "minus-2.5",
        "minus-2.665",
        "grouped",
        "pad",
    ],
)
def test_format_number_rounds_half_up(value: str, decimals: int, expected: str) -> None:
    """Rounding is half-up (Polish public finance), not babel's half-even."""
    assert format_number(Decimal(value), decimals=decimals) == expected


def test_format_number_float_rounds_by_its_repr() -> None:
    """A float is read through its shortest repr: 2.665 rounds to 2,67."""
    assert format_number(2.665, decimals=2) == "2,67"
    assert format_number(12345.5) == "12\xa0345,5"


def test_format_number_other_rounding_mode() -> None:
    """Another decimal rounding mode can be asked for."""
    assert format_number(Decimal("2.665"), decimals=2, rounding=ROUND_HALF_EVEN) == "2,66"
    assert format_number(Decimal("2.669"), decimals=2, rounding=ROUND_DOWN) == "2,66"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [("-0.04", 1, "0,0"), ("-0.4", 0, "0"), ("-0.004", 2, "0,00"), ("-0", None, "0")],
    ids=["tenths", "units", "hundredths", "negative-zero"],
)
def test_format_number_negative_rounding_to_zero_has_no_sign(
    value: str, decimals: int | None, expected: str
) -> None:
    """A negative number that rounds to zero prints without '-'."""
    assert format_number(Decimal(value), decimals=decimals) == expected


def test_format_number_int() -> None:
    """An int is formatted without fraction digits."""
    assert format_number(38266276) == "38\xa0266\xa0276"


def test_format_number_en_gb() -> None:
    """In en_GB numbers use a comma between groups (from four digits) and a decimal point."""
    assert format_number(Decimal("1234.5"), locale="en_GB") == "1,234.5"
    assert format_number(Decimal("1234"), grouping="always", locale="en_GB") == "1,234"


# --- format_percent and format_percentage_points ------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("4.6"), "4,6%"),
        (Decimal("5.2"), "5,2%"),
        (Decimal("90.25"), "90,3%"),
        (Decimal("0.05"), "0,1%"),
        (Decimal("100"), "100,0%"),
        (Decimal("-3.45"), "-3,5%"),
        (Decimal("0"), "0,0%"),
        (5.2, "5,2%"),
    ],
    ids=["4.6", "5.2", "half-up", "small", "hundred", "negative", "zero", "float"],
)
def test_format_percent(value: Decimal | float, expected: str) -> None:
    """Percentages are in percent units, one decimal, no space before '%'."""
    assert format_percent(value) == expected


def test_format_percent_space() -> None:
    """space=True puts a no-break space before '%'."""
    assert format_percent(Decimal("4.6"), space=True) == "4,6\xa0%"


def test_format_percent_decimals() -> None:
    """decimals sets the fraction digits; None keeps those of the value."""
    assert format_percent(Decimal("4.6"), decimals=0) == "5%"
    assert format_percent(Decimal("14.35"), decimals=None) == "14,35%"


def test_format_percent_is_not_a_fraction() -> None:
    """0.052 is 0,1% (not 5,2%): values are already in percent."""
    assert format_percent(Decimal("0.052")) == "0,1%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0.6"), "+0,6\xa0p.p."),
        (Decimal("-7.1"), "-7,1\xa0p.p."),
        (Decimal("0"), "0,0\xa0p.p."),
        (Decimal("-0.04"), "0,0\xa0p.p."),
        (Decimal("0.04"), "0,0\xa0p.p."),
        (Decimal("12.25"), "+12,3\xa0p.p."),
    ],
    ids=["positive", "negative", "zero", "negative-to-zero", "positive-to-zero", "half-up"],
)
def test_format_percentage_points(value: Decimal, expected: str) -> None:
    """Changes carry a sign, except zero (even a change that rounds to zero)."""
    assert format_percentage_points(value) == expected


def test_format_percentage_points_without_sign() -> None:
    """sign=False drops the '+'."""
    assert format_percentage_points(Decimal("0.6"), sign=False) == "0,6\xa0p.p."
    assert format_percentage_points(Decimal("-0.6"), sign=False) == "-0,6\xa0p.p."


def test_format_percentage_points_label() -> None:
    """A custom label such as 'pkt proc.' replaces 'p.p.'."""
    assert format_percentage_points(Decimal("0.6"), label="pkt proc.") == "+0,6\xa0pkt proc."
    assert format_percentage_points(Decimal("-7.1"), label="p. proc.") == "-7,1\xa0p. proc."


def test_format_percentage_points_english() -> None:
    """In English the label is 'pp' and the decimal mark a point."""
    assert format_percentage_points(Decimal("0.6"), locale="en_GB") == "+0.6\xa0pp"


# --- format_count -------------------------------------------------------------------------------


def _polish_form(n: int) -> str:
    """The Polish form of 'projekt' for n, by the grammar rule (independent of babel)."""
    if n == 1:
        return "projekt"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "projekty"
    return "projektów"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 projektów"),
        (1, "1 projekt"),
        (2, "2 projekty"),
        (4, "4 projekty"),
        (5, "5 projektów"),
        (11, "11 projektów"),
        (12, "12 projektów"),
        (14, "14 projektów"),
        (21, "21 projektów"),
        (22, "22 projekty"),
        (25, "25 projektów"),
        (100, "100 projektów"),
        (101, "101 projektów"),
        (102, "102 projekty"),
        (112, "112 projektów"),
    ],
    ids=str,
)
def test_format_count_polish(n: int, expected: str) -> None:
    """Polish counts: one only for 1; few for 2-4 (not 12-14) at the end; else many."""
    assert expected == f"{n} {_polish_form(n)}"  # the table follows the grammar rule
    assert format_count(n, "project") == expected


@pytest.mark.parametrize("n", range(200), ids=str)
def test_format_count_follows_polish_rule(n: int) -> None:
    """Every count from 0 to 199 takes the form the Polish rule gives."""
    assert format_count(n, "project") == f"{n} {_polish_form(n)}"


def test_format_count_decimal_takes_fraction_form() -> None:
    """A fractional count takes the 'other' form: 1,5 projektu."""
    assert format_count(Decimal("1.5"), "project") == "1,5 projektu"


def test_format_count_groups_large_counts() -> None:
    """Large counts follow the min-2 grouping."""
    assert format_count(1000, "project") == "1000 projektów"
    assert format_count(12345, "project") == "12\xa0345 projektów"


def test_format_count_english() -> None:
    """English has one / other: 1 project, 2 projects."""
    assert format_count(1, "project", locale="en") == "1 project"
    assert format_count(2, "project", locale="en") == "2 projects"
    assert format_count(0, "project", locale="en_GB") == "0 projects"


def test_format_count_other_nouns() -> None:
    """Nouns of the table decline too: 3 wskaźniki, 5 celów, 22 uwagi."""
    assert format_count(3, "indicator") == "3 wskaźniki"
    assert format_count(5, "goal") == "5 celów"
    assert format_count(22, "finding") == "22 uwagi"
    assert format_count(1, "day") == "1 dzień"


def test_format_count_custom_polish_forms() -> None:
    """The four Polish forms can be passed directly."""
    forms = ("szkoła", "szkoły", "szkół", "szkoły")
    assert format_count(1, forms) == "1 szkoła"
    assert format_count(3, forms) == "3 szkoły"
    assert format_count(15, forms) == "15 szkół"
    assert format_count(Decimal("2.5"), forms) == "2,5 szkoły"


def test_format_count_custom_english_forms() -> None:
    """Two forms are one / other."""
    assert format_count(1, ("school", "schools"), locale="en") == "1 school"
    assert format_count(7, ("school", "schools"), locale="en") == "7 schools"


def test_format_count_unknown_noun() -> None:
    """A noun missing from NOUNS raises KeyError."""
    with pytest.raises(KeyError):
        format_count(2, "spaceship")


# --- format_quantity and format_value -----------------------------------------------------------


def test_format_quantity_energy() -> None:
    """31 791,00 MWh keeps its printed precision and gets an NBSP before the unit."""
    assert format_quantity(Q_(Decimal("31791.00"), "MWh")) == "31\xa0791,00\xa0MWh"


def test_format_quantity_decimals() -> None:
    """decimals rounds the magnitude half-up."""
    assert format_quantity(Q_(Decimal("31791.05"), "MWh"), decimals=1) == "31\xa0791,1\xa0MWh"


def test_format_quantity_concentration() -> None:
    """17 µg/m³ uses the micro sign and a superscript three."""
    assert format_quantity(Q_(Decimal(17), "µg/m³")) == "17\xa0µg/m³"


def test_format_quantity_ascii() -> None:
    """ascii_only=True writes ug/m3."""
    assert format_quantity(Q_(Decimal(17), "µg/m³"), ascii_only=True) == "17\xa0ug/m3"


def test_format_quantity_days() -> None:
    """Days decline as nouns and, like every unit, follow an NBSP: 58 dni, 1 dzień."""
    assert format_quantity(Q_(Decimal(58), "day")) == "58\xa0dni"
    assert format_quantity(Q_(Decimal(1), "day")) == "1\xa0dzień"


def test_format_quantity_days_decline() -> None:
    """The noun for days takes the Polish plural form: dzień, dni."""
    assert format_quantity(Q_(Decimal(1), "day")).endswith("dzień")
    assert format_quantity(Q_(Decimal(58), "day")).endswith("dni")


def test_format_quantity_count_has_no_label() -> None:
    """A plain count prints the bare number."""
    assert format_quantity(Q_(Decimal(12345), "count")) == "12\xa0345"


def test_format_quantity_percent() -> None:
    """A percentage quantity prints as a percentage."""
    assert format_quantity(Q_(Decimal("5.2"), "percent")) == "5,2%"


def test_format_quantity_money() -> None:
    """A PLN quantity prints as money, keeping its precision."""
    assert format_quantity(Q_(Decimal("46.10"), "PLN")) == "46,10\xa0zł"


def test_format_quantity_unknown_unit() -> None:
    """A unit without a label raises UnitError naming it."""
    with pytest.raises(UnitError) as info:
        format_quantity(Q_(Decimal(1), "furlong"))
    assert info.value.unit == "furlong"


def test_format_value_missing() -> None:
    """A missing value gives the sign asked for, never 0: '–' by default, or '.'."""
    assert format_value(None, "percent") == "–"
    assert format_value(None, "PLN", missing=".") == "."


def test_format_missing() -> None:
    """format_missing returns the GUS sign asked for."""
    assert format_missing() == "–"
    assert format_missing(marker=".") == "."


def test_format_value_zero_is_not_missing() -> None:
    """Zero is a value and prints as one."""
    assert format_value(Decimal("0.00"), "PLN") == "0,00\xa0zł"
    assert format_value(Decimal("0"), "percent") == "0%"


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("46.10", "PLN / inhabitant", "46,10\xa0zł na mieszkańca"),
        ("8818970.62", "PLN", "8\xa0818\xa0970,62\xa0zł"),
        ("140002443", "PLN", "140\xa0002\xa0443,00\xa0zł"),
        ("5.2", "percent", "5,2%"),
        ("31791.00", "megawatt_hour", "31\xa0791,00\xa0MWh"),
        ("20", "microgram / meter ** 3", "20\xa0µg/m³"),
        ("371", "person / hundred_thousand_inhabitants", "371\xa0os. na 100 tys. mieszkańców"),
        ("30000", "EUR", "30\xa0000,00\xa0€"),
    ],
    ids=["per-capita", "cost", "whole-cost", "percent", "mwh", "ugm3", "per-100k", "euro"],
)
def test_format_value(value: str, unit: str, expected: str) -> None:
    """format_value writes a value in its unit, with its printed precision."""
    assert format_value(Decimal(value), unit) == expected


def test_format_value_decimals() -> None:
    """decimals rounds the value half-up before formatting."""
    assert format_value(Decimal("14.25"), "percent", decimals=1) == "14,3%"


def test_format_value_ascii() -> None:
    """ascii_only writes ASCII unit labels."""
    assert format_value(Decimal(20), "microgram / meter ** 3", ascii_only=True) == "20\xa0ug/m3"


def test_format_value_unknown_unit() -> None:
    """A unit without a label raises UnitError."""
    with pytest.raises(UnitError):
        format_value(Decimal(1), "furlong")


# --- format_date --------------------------------------------------------------------------------


def test_format_date_numeric() -> None:
    """Polish numeric dates end in NBSP 'r.'."""
    assert format_date(dt.date(2024, 6, 20)) == "20.06.2024\xa0r."


def test_format_date_numeric_pads() -> None:
    """Day and month have two digits."""
    assert format_date(dt.date(2022, 6, 9)) == "09.06.2022\xa0r."


def test_format_date_long_genitive() -> None:
    """Long Polish dates put the month in the genitive: 9 czerwca 2022 r."""
    assert format_date(dt.date(2022, 6, 9), style="long") == "9 czerwca 2022\xa0r."


@pytest.mark.parametrize(
    ("month", "genitive"),
    [(1, "stycznia"), (2, "lutego"), (3, "marca"), (7, "lipca"), (11, "listopada")],
    ids=["jan", "feb", "mar", "jul", "nov"],
)
def test_format_date_long_months(month: int, genitive: str) -> None:
    """Every month name inside a date is in the genitive."""
    assert format_date(dt.date(2023, month, 1), style="long") == f"1 {genitive} 2023\xa0r."


def test_format_date_suffix_roku() -> None:
    """suffix='roku' writes the word in full."""
    assert format_date(dt.date(2022, 6, 9), style="long", suffix="roku") == "9 czerwca 2022\xa0roku"


def test_format_date_no_suffix() -> None:
    """suffix='' writes no suffix and no trailing space."""
    assert format_date(dt.date(2022, 6, 9), style="long", suffix="") == "9 czerwca 2022"
    assert format_date(dt.date(2024, 6, 20), suffix="") == "20.06.2024"


def test_format_date_en_gb_long() -> None:
    """English long dates have no suffix."""
    assert format_date(dt.date(2022, 6, 9), style="long", locale="en_GB") == "9 June 2022"


def test_format_date_en_gb_numeric() -> None:
    """English numeric dates follow the locale's short pattern."""
    assert format_date(dt.date(2024, 6, 20), locale="en_GB") == "20/06/2024"


@pytest.mark.parametrize("style", ["short", "medium", "full", "", "LONG"], ids=repr)
def test_format_date_bad_style(style: str) -> None:
    """An unknown style raises ValueError."""
    with pytest.raises(ValueError, match="style"):
        format_date(dt.date(2024, 6, 20), style=style)


# --- locale handling ----------------------------------------------------------------------------

_DAY = Q_(Decimal(58), "day")
_MONEY = Money(Decimal("1234.5"))

#: Every public function called with locale=None.
LOCALE_NONE_CALLS: list[Callable[[], str]] = [
    lambda: format_number(Decimal(1), locale=None),  # type: ignore[arg-type]
    lambda: format_money(_MONEY, locale=None),  # type: ignore[arg-type]
    lambda: format_money_scaled(_MONEY, locale=None),  # type: ignore[arg-type]
    lambda: format_percent(Decimal("4.6"), locale=None),  # type: ignore[arg-type]
    lambda: format_percentage_points(Decimal("0.6"), locale=None),  # type: ignore[arg-type]
    lambda: format_count(2, "project", locale=None),  # type: ignore[arg-type]
    lambda: format_quantity(_DAY, locale=None),  # type: ignore[arg-type]
    lambda: format_value(Decimal("5.2"), "percent", locale=None),  # type: ignore[arg-type]
    lambda: format_date(dt.date(2024, 6, 20), locale=None),  # type: ignore[arg-type]
    lambda: get_label(Direction.LOWER_IS_BETTER, locale=None),  # type: ignore[arg-type]
]
LOCALE_NONE_IDS = [
    "format_number",
    "format_money",
    "format_money_scaled",
    "format_percent",
    "format_percentage_points",
    "format_count",
    "format_quantity",
    "format_value",
    "format_date",
    "get_label",
]


@pytest.mark.parametrize("call", LOCALE_NONE_CALLS, ids=LOCALE_NONE_IDS)
def test_locale_none_is_refused(call: Callable[[], str]) -> None:
    """locale=None raises TypeError instead of reading the environment."""
    with pytest.raises(TypeError, match="locale"):
        call()


def test_default_locale_ignores_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English environment does not change the Polish default."""
    for name in ("LANG", "LC_ALL", "LC_NUMERIC", "LC_TIME", "LANGUAGE"):
        monkeypatch.setenv(name, "en_US.UTF-8")
    assert format_number(Decimal("12345.5")) == "12\xa0345,5"
    assert format_date(dt.date(2022, 6, 9), style="long") == "9 czerwca 2022\xa0r."
    assert Locale.parse("pl_PL") == DEFAULT_LOCALE


# --- get_label ----------------------------------------------------------------------------------


def test_get_label_polish() -> None:
    """Labels are Polish by default."""
    assert get_label(Direction.LOWER_IS_BETTER) == "destymulanta (im mniej, tym lepiej)"
    assert get_label(TargetKind.AT_LEAST) == "co najmniej"
    assert get_label(Level.IMPACT) == "wskaźnik oddziaływania"


def test_get_label_english() -> None:
    """Non-Polish locales get English labels."""
    assert get_label(Direction.HIGHER_IS_BETTER, locale="en_GB") == "higher is better"
    assert get_label(Level.RESULT, locale="en") == "result indicator"


@pytest.mark.parametrize(
    "member",
    [*Direction, *TargetKind, *Level],
    ids=lambda member: f"{type(member).__name__}.{member.name}",
)
def test_get_label_covers_model_enums(member: Direction | TargetKind | Level) -> None:
    """Every member of the model's enumerations has a Polish and an English label."""
    polish = get_label(member)
    english = get_label(member, locale="en")
    assert polish
    assert english
    assert polish != member.value


def test_get_label_falls_back_to_value() -> None:
    """A member without a label gives its value."""
    assert get_label(Grouping.MIN2) == "min2"


# --- property tests: parse ∘ format -------------------------------------------------------------

_LIMIT = Decimal(10) ** 12

#: Decimals with up to two places, in a sane range for city budgets.
amounts = st.decimals(
    min_value=-_LIMIT, max_value=_LIMIT, places=2, allow_nan=False, allow_infinity=False
).map(lambda x: x.quantize(Decimal("0.01")))


@given(
    x=amounts, currency=st.sampled_from(["PLN", "EUR"]), grouping=st.sampled_from(list(Grouping))
)
def test_parse_money_inverts_format_money(x: Decimal, currency: str, grouping: Grouping) -> None:
    """parse_money(format_money(m)) == m for amounts with two decimal places."""
    money = Money(x, currency)
    assert parse_money(format_money(money, grouping=grouping)) == money


@given(
    x=amounts,
    grouping=st.sampled_from([*Grouping, None]),
    separator=st.sampled_from([None, " ", "\u202f", "\xa0"]),
)
def test_parse_decimal_inverts_format_number(
    x: Decimal, grouping: Grouping | None, separator: str | None
) -> None:
    """parse_decimal(format_number(x)) == x, digits included, for every grouping option."""
    parsed = parse_decimal(format_number(x, grouping=grouping, separator=separator))
    assert parsed == x
    assert parsed.as_tuple().exponent == x.as_tuple().exponent


@given(x=amounts, space=st.booleans())
def test_parse_percent_inverts_format_percent(x: Decimal, space: bool) -> None:
    """parse_percent(format_percent(x, decimals=1)) is x rounded half-up to one place."""
    expected = x.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assert parse_percent(format_percent(x, decimals=1, space=space)) == expected


_SCALE_FACTORS = {"tys.": Decimal(10) ** 3, "mln": Decimal(10) ** 6, "mld": Decimal(10) ** 9}
_DISPLAYED = re.compile(
    r"-?[\d\xa0]+(?:,(?P<fraction>\d+))?\xa0(?:(?P<scale>tys\.|mln|mld)\xa0)?zł"
)


@given(
    x=amounts,
    decimals=st.integers(min_value=0, max_value=2),
    scale=st.sampled_from([None, "tys.", "mln", "mld"]),
    trim_zeros=st.booleans(),
)
def test_parse_value_reads_format_money_scaled(
    x: Decimal, decimals: int, scale: str | None, trim_zeros: bool
) -> None:
    """Parsing a scaled amount gives the amount within half a unit of the last displayed digit."""
    text = format_money_scaled(Money(x), decimals=decimals, scale=scale, trim_zeros=trim_zeros)
    displayed = _DISPLAYED.fullmatch(text)
    assert displayed is not None, text
    factor = _SCALE_FACTORS.get(displayed["scale"] or "", Decimal(1))
    fraction_digits = len(displayed["fraction"] or "")
    half_unit = factor * Decimal(10) ** -fraction_digits / 2
    value = parse_value(text)
    assert isinstance(value, Amount)
    assert value.unit == "PLN"
    assert value.bound is None
    assert abs(value.number - x) <= half_unit


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("999.4", "999\xa0zł"),
        ("999.5", "1\xa0tys.\xa0zł"),
        ("-999.6", "-1\xa0tys.\xa0zł"),
    ],
    ids=["stays-unscaled", "rounds-up-into-thousands", "negative"],
)
def test_format_money_scaled_at_the_thousand_boundary(amount: str, expected: str) -> None:
    """An amount that rounds to 1000 zł is written in thousands, never as '1000 zł'."""
    assert format_money_scaled(Money(Decimal(amount))) == expected


def test_huge_amounts_keep_every_digit() -> None:
    """Rounding never loses digits to the decimal context's precision."""
    text = format_money(Money(Decimal("123456789012345678901234567.891")))
    assert text == "123\xa0456\xa0789\xa0012\xa0345\xa0678\xa0901\xa0234\xa0567,89\xa0zł"


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf")], ids=["nan", "inf", "-inf"]
)
def test_nan_and_infinity_are_refused(value: float) -> None:
    """A missing value is never formatted as a number: NaN and infinities raise ValueError."""
    with pytest.raises(ValueError, match="format_missing"):
        format_number(value)


def test_polish_needs_four_noun_forms() -> None:
    """Two noun forms cannot express Polish plurals: a clear ValueError instead of a wrong word."""
    with pytest.raises(ValueError, match="four noun forms"):
        format_count(5, ("projekt", "projekty"))


def test_numeric_dates_keep_four_digit_years() -> None:
    """Other locales' numeric dates keep the whole year (6/9/2022, not 6/9/22)."""
    assert format_date(dt.date(2022, 6, 9), locale="en_US") == "6/9/2022"
    assert format_date(dt.date(2022, 6, 9), locale="en_GB") == "09/06/2022"


# --- words from the catalogue --------------------------------------------------------------------


def test_unit_labels_view_keeps_its_shape() -> None:
    """UNIT_LABELS reads the catalogue but keeps the unit -> language -> label shape."""
    assert UNIT_LABELS["kiloPLN"] == {"pl": "tys. zł", "en": "thousand PLN"}
    assert UNIT_LABELS["day"]["pl"] == "noun:day"
    assert UNIT_LABELS.get("no-such-unit", {}).get("pl", "") == ""
    assert "percentage_point" in set(UNIT_LABELS)
    assert len(UNIT_LABELS) == len(list(UNIT_LABELS))


def test_fixed_scale_words_come_from_the_catalogue() -> None:
    """A fixed scale is named by the locale's own word: 'mln' in Polish, 'm' in English."""
    money = Money(Decimal("2500000"))
    assert format_money_scaled(money, scale="mln") == "2,5\xa0mln\xa0zł"
    assert format_money_scaled(money, scale="m", locale="en_GB") == "PLN\xa02.5m"
    with pytest.raises(ArgumentError, match="'mld'"):
        format_money_scaled(money, scale="bn")


def test_labels_of_equal_values_in_different_enumerations() -> None:
    """Direction and TargetKind share 'within_range' but have their own labels."""
    assert get_label(Direction.WITHIN_RANGE) == "nominanta (w przedziale)"
    assert get_label(TargetKind.WITHIN_RANGE) == "w przedziale"
    assert get_label(TargetKind.WITHIN_RANGE, locale="en_GB") == "within"
