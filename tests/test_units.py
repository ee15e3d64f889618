"""Tests of citystrategy.units: the one registry, its domain dimensions and Decimal magnitudes."""

from __future__ import annotations

from decimal import Decimal
from importlib.resources import files
from typing import Any

import pint
import pytest

from citystrategy.errors import CityStrategyError, UnitError
from citystrategy.io.parse import Amount, parse_value
from citystrategy.units import Q_, REDEFINED, check_unit, to_quantity, ureg


def test_pln_plus_eur_raises() -> None:
    """Currencies are separate dimensions: PLN + EUR raises DimensionalityError."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal(1), "PLN") + Q_(Decimal(1), "EUR")


def test_pln_does_not_convert_to_eur() -> None:
    """The registry holds no exchange rate: PLN cannot be converted to EUR."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal(1), "PLN").to("EUR")


def test_percent_plus_percentage_point_raises() -> None:
    """A percentage and a percentage point never add."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal("5.2"), "percent") + Q_(Decimal("0.6"), "percentage_point")


def test_percentage_point_does_not_convert_to_percent() -> None:
    """A percentage point is its own dimension, not a dimensionless percent."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal("0.6"), "percentage_point").to("percent")


def test_percentage_points_add_to_each_other() -> None:
    """Percentage points add exactly among themselves."""
    total = Q_(Decimal("0.6"), "percentage_point") + Q_(Decimal("-7.1"), "percentage_point")
    assert total == Q_(Decimal("-6.5"), "percentage_point")


def test_inhabitant_plus_person_raises() -> None:
    """Inhabitants (mieszkańcy) and counted persons (osoby) are separate dimensions."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal(1), "inhabitant") + Q_(Decimal(1), "person")


def test_inhabitant_plus_count_raises() -> None:
    """Inhabitants never add to plain counts."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal(1), "inhabitant") + Q_(Decimal(1), "count")


def test_person_plus_count_raises() -> None:
    """Persons never add to plain counts."""
    with pytest.raises(pint.DimensionalityError):
        Q_(Decimal(1), "person") + Q_(Decimal(1), "count")


def test_per_capita_denominators() -> None:
    """'na 100 tys. mieszkańców' is 100 000 inhabitants, 'na 1000' a thousand."""
    hundred_thousand = Q_(Decimal(1), "hundred_thousand_inhabitants").to("inhabitant")
    thousand = Q_(Decimal(1), "thousand_inhabitants").to("inhabitant")
    assert hundred_thousand.magnitude == Decimal(100000)
    assert thousand.magnitude == Decimal(1000)


def test_mwh_to_gj_keeps_decimal() -> None:
    """31 791,00 MWh is exactly 114 447,6 GJ, with a Decimal magnitude."""
    energy = Q_(Decimal("31791.00"), "MWh").to("GJ")
    assert isinstance(energy.magnitude, Decimal)
    assert energy.magnitude == Decimal("114447.6")
    assert str(energy.units) == "gigajoule"


def test_mwh_to_kwh_keeps_decimal() -> None:
    """1,5 MWh is exactly 1500 kWh, with a Decimal magnitude."""
    energy = Q_(Decimal("1.5"), "MWh").to("kWh")
    assert isinstance(energy.magnitude, Decimal)
    assert energy.magnitude == Decimal(1500)


def test_kpln_to_pln_keeps_decimal() -> None:
    """115 kPLN is exactly 115 000 PLN, with a Decimal magnitude."""
    amount = Q_(Decimal("115"), "kPLN").to("PLN")
    assert isinstance(amount.magnitude, Decimal)
    assert amount.magnitude == Decimal(115000)


def test_micrograms_to_milligrams_keeps_decimal() -> None:
    """20 µg/m³ is exactly 0,020 mg/m³, with a Decimal magnitude."""
    concentration = Q_(Decimal(20), "µg/m³").to("mg/m³")
    assert isinstance(concentration.magnitude, Decimal)
    assert concentration.magnitude == Decimal("0.02")


def test_decimal_quantity_refuses_float() -> None:
    """Mixing a Decimal magnitude with a float raises TypeError instead of losing exactness."""
    with pytest.raises(TypeError):
        Q_(Decimal(1), "MWh") * 1.5


def test_percent_difference_stays_percent() -> None:
    """5,2% - 4,6% is 0,6 percent (dimensionless), exactly, and not a percentage point."""
    difference = Q_(Decimal("5.2"), "percent") - Q_(Decimal("4.6"), "percent")
    assert difference.magnitude == Decimal("0.6")
    assert str(difference.units) == "percent"


@pytest.mark.parametrize(
    ("unit", "canonical"),
    [
        ("%", "percent"),
        ("percent", "percent"),
        ("zł", "PLN"),
        ("PLN", "PLN"),
        ("EUR", "EUR"),
        ("kPLN", "kiloPLN"),
        ("inh", "inhabitant"),
        ("inhabitant", "inhabitant"),
        ("os", "person"),
        ("person", "person"),
        ("p_p", "percentage_point"),
        ("percentage_point", "percentage_point"),
        ("MWh", "megawatt_hour"),
        ("GJ", "gigajoule"),
        ("µg/m³", "microgram / meter ** 3"),
        ("μg/m³", "microgram / meter ** 3"),
        ("PLN / inhabitant", "PLN / inhabitant"),
        ("PLN/inh", "PLN / inhabitant"),
        ("day", "day"),
    ],
    ids=[
        "percent-sign",
        "percent",
        "zloty-symbol",
        "pln",
        "eur",
        "kpln",
        "inh",
        "inhabitant",
        "os",
        "person",
        "p_p",
        "percentage_point",
        "mwh",
        "gj",
        "micro-sign",
        "greek-mu",
        "pln-per-inhabitant",
        "pln-per-inh",
        "day",
    ],
)
def test_check_unit_aliases(unit: str, canonical: str) -> None:
    """check_unit maps each spelling to the canonical unit name of the registry."""
    assert check_unit(unit) == canonical


def test_euro_sign_is_read_by_the_parser_not_the_registry() -> None:
    """pint cannot parse '€', so the registry refuses it and the Polish parser maps it to EUR."""
    with pytest.raises(UnitError):
        check_unit("€")
    assert parse_value("30 000 €") == Amount(Decimal(30000), "EUR", None, "30 000 €")


def test_redefined_names_are_exactly_the_declared_ones() -> None:
    """units.txt overrides no name of pint's default registry except those in REDEFINED."""
    default: pint.UnitRegistry[Any] = pint.UnitRegistry()
    text = (files("citystrategy") / "units.txt").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head, _, rest = line.partition("=")
        aliases = [part.strip() for part in rest.split("=")[1:]]
        names.update([head.strip(), *aliases])
    overridden = {name for name in names if name in default}
    assert overridden == set(REDEFINED)


def test_pp_is_not_a_printers_point() -> None:
    """'pp' (used for percentage points, as in parse's alias table) never means a length."""
    assert check_unit("pp") == "percentage_point"


@pytest.mark.parametrize(
    "unit",
    ["furlong_per_zloty", "zł zł zł +", "mieszkańcy", "5 kg/", "/"],
    ids=["unknown-name", "garbage", "polish-word", "trailing-slash", "slash"],
)
def test_check_unit_unknown(unit: str) -> None:
    """An unknown unit raises UnitError (a ValueError) naming the unit."""
    with pytest.raises(UnitError) as info:
        check_unit(unit)
    assert info.value.unit == unit
    assert repr(unit) in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, CityStrategyError)


def test_check_unit_reports_location() -> None:
    """The UnitError says where the unit was found."""
    with pytest.raises(UnitError) as info:
        check_unit("furlong_per_zloty", location="indicators.tsv, row 3")
    assert info.value.location == "indicators.tsv, row 3"
    assert "indicators.tsv, row 3" in str(info.value)


def test_to_quantity_decimal() -> None:
    """to_quantity keeps a Decimal magnitude exactly, trailing zeros included."""
    quantity = to_quantity(Decimal("31791.00"), "MWh")
    assert isinstance(quantity.magnitude, Decimal)
    assert str(quantity.magnitude) == "31791.00"
    assert str(quantity.units) == "megawatt_hour"


def test_to_quantity_int_becomes_decimal() -> None:
    """An int value becomes a Decimal magnitude."""
    quantity = to_quantity(58, "day")
    assert isinstance(quantity.magnitude, Decimal)
    assert quantity.magnitude == Decimal(58)


def test_to_quantity_refuses_float() -> None:
    """A float value raises TypeError."""
    with pytest.raises(TypeError, match="float"):
        to_quantity(5.2, "percent")  # type: ignore[arg-type]


def test_to_quantity_unknown_unit() -> None:
    """An unknown unit raises UnitError."""
    with pytest.raises(UnitError):
        to_quantity(Decimal(1), "furlong_per_zloty")


def test_to_quantity_uses_the_shared_registry() -> None:
    """Quantities from to_quantity belong to the one registry and combine with Q_."""
    total = to_quantity(Decimal("0.6"), "p_p") + Q_(Decimal("0.4"), "percentage_point")
    assert total == Q_(Decimal(1), "percentage_point")
    assert isinstance(total, ureg.Quantity)


@pytest.mark.parametrize(
    ("number", "printed", "unit", "expected"),
    [
        # a larger unit to a smaller: no decimals the printed number did not have
        ("1.6", "gigaPLN", "kiloPLN", "1600000"),
        ("1.7", "gigaPLN", "PLN", "1700000000"),
        # a smaller unit to a larger: the zeros after the last significant digit dropped
        ("800000000", "PLN", "megaPLN", "800"),
        ("1234.5", "kilowatt_hour", "megawatt_hour", "1.2345"),
        ("1234.50", "kilowatt_hour", "megawatt_hour", "1.2345"),
    ],
)
def test_a_converted_value_has_no_stray_zeros(
    number: str, printed: str, unit: str, expected: str
) -> None:
    """1,6 mld zł is 1 600 000 tys. zł and 800 000 000 zł is 800 mln zł, written so."""
    from citystrategy._exact import to_unit

    converted = to_unit(Decimal(number), printed, unit)
    assert isinstance(converted, Decimal)
    assert str(converted) == expected
