"""The facts of the units the packaged data use, as the registry gives them.

Made by ``python tests/test_unit_table.py`` (then ``ruff format``); do not edit by hand:
``tests/test_unit_table.py`` checks every entry against the registry. Each entry is a
spelling's canonical name, its units and its dimensions with their powers (sorted), and
its exact factor to its base units (numerator, denominator, base units) or ``None``.
"""

from __future__ import annotations

from typing import Final, TypeAlias

_Powers: TypeAlias = tuple[tuple[str, float], ...]
_Root: TypeAlias = tuple[int, int, tuple[tuple[str, int], ...]] | None

ENTRIES: Final[dict[str, tuple[str, _Powers, _Powers, _Root]]] = {
    "1": ("dimensionless", (), (), (1, 1, ())),
    "1 / ten_thousand_inhabitants": (
        "1 / ten_thousand_inhabitants",
        (("ten_thousand_inhabitants", -1),),
        (("[population]", -1),),
        (1, 10000, (("inhabitant", -1),)),
    ),
    "EUR": ("EUR", (("EUR", 1),), (("[currency_EUR]", 1),), (1, 1, (("EUR", 1),))),
    "MPLN": ("megaPLN", (("megaPLN", 1),), (("[currency_PLN]", 1),), (1000000, 1, (("PLN", 1),))),
    "MWh": (
        "megawatt_hour",
        (("megawatt_hour", 1),),
        (("[length]", 2), ("[mass]", 1), ("[time]", -2)),
        (3600000000000, 1, (("gram", 1), ("meter", 2), ("second", -2))),
    ),
    "PLN": ("PLN", (("PLN", 1),), (("[currency_PLN]", 1),), (1, 1, (("PLN", 1),))),
    "PLN / inhabitant": (
        "PLN / inhabitant",
        (("PLN", 1), ("inhabitant", -1)),
        (("[currency_PLN]", 1), ("[population]", -1)),
        (1, 1, (("PLN", 1), ("inhabitant", -1))),
    ),
    "PLN / kilometer": (
        "PLN / kilometer",
        (("PLN", 1), ("kilometer", -1)),
        (("[currency_PLN]", 1), ("[length]", -1)),
        (1, 1000, (("PLN", 1), ("meter", -1))),
    ),
    "PLN / km": (
        "PLN / kilometer",
        (("PLN", 1), ("kilometer", -1)),
        (("[currency_PLN]", 1), ("[length]", -1)),
        (1, 1000, (("PLN", 1), ("meter", -1))),
    ),
    "PLN / month": (
        "PLN / month",
        (("PLN", 1), ("month", -1)),
        (("[currency_PLN]", 1), ("[time]", -1)),
        (125000000000000, 328724999999999986851, (("PLN", 1), ("second", -1))),
    ),
    "count": ("count", (("count", 1),), (), (1, 1, (("count", 1),))),
    "count / hundred_thousand_inhabitants": (
        "count / hundred_thousand_inhabitants",
        (("count", 1), ("hundred_thousand_inhabitants", -1)),
        (("[population]", -1),),
        (1, 100000, (("count", 1), ("inhabitant", -1))),
    ),
    "count / thousand_inhabitants": (
        "count / thousand_inhabitants",
        (("count", 1), ("thousand_inhabitants", -1)),
        (("[population]", -1),),
        (1, 1000, (("count", 1), ("inhabitant", -1))),
    ),
    "day": ("day", (("day", 1),), (("[time]", 1),), (86400, 1, (("second", 1),))),
    "gigajoule": (
        "gigajoule",
        (("gigajoule", 1),),
        (("[length]", 2), ("[mass]", 1), ("[time]", -2)),
        (1000000000000, 1, (("gram", 1), ("meter", 2), ("second", -2))),
    ),
    "inhabitant": (
        "inhabitant",
        (("inhabitant", 1),),
        (("[population]", 1),),
        (1, 1, (("inhabitant", 1),)),
    ),
    "kPLN": ("kiloPLN", (("kiloPLN", 1),), (("[currency_PLN]", 1),), (1000, 1, (("PLN", 1),))),
    "kiloPLN": ("kiloPLN", (("kiloPLN", 1),), (("[currency_PLN]", 1),), (1000, 1, (("PLN", 1),))),
    "kilometer": ("kilometer", (("kilometer", 1),), (("[length]", 1),), (1000, 1, (("meter", 1),))),
    "kilometer ** 2": (
        "kilometer ** 2",
        (("kilometer", 2),),
        (("[length]", 2),),
        (1000000, 1, (("meter", 2),)),
    ),
    "kilowatt_hour": (
        "kilowatt_hour",
        (("kilowatt_hour", 1),),
        (("[length]", 2), ("[mass]", 1), ("[time]", -2)),
        (3600000000, 1, (("gram", 1), ("meter", 2), ("second", -2))),
    ),
    "megaPLN": (
        "megaPLN",
        (("megaPLN", 1),),
        (("[currency_PLN]", 1),),
        (1000000, 1, (("PLN", 1),)),
    ),
    "megawatt_hour": (
        "megawatt_hour",
        (("megawatt_hour", 1),),
        (("[length]", 2), ("[mass]", 1), ("[time]", -2)),
        (3600000000000, 1, (("gram", 1), ("meter", 2), ("second", -2))),
    ),
    "meter": ("meter", (("meter", 1),), (("[length]", 1),), (1, 1, (("meter", 1),))),
    "meter ** 2": ("meter ** 2", (("meter", 2),), (("[length]", 2),), (1, 1, (("meter", 2),))),
    "meter ** 3": ("meter ** 3", (("meter", 3),), (("[length]", 3),), (1, 1, (("meter", 3),))),
    "meter / hundred_thousand_inhabitants": (
        "meter / hundred_thousand_inhabitants",
        (("hundred_thousand_inhabitants", -1), ("meter", 1)),
        (("[length]", 1), ("[population]", -1)),
        (1, 100000, (("inhabitant", -1), ("meter", 1))),
    ),
    "microgram": ("microgram", (("microgram", 1),), (("[mass]", 1),), (1, 1000000, (("gram", 1),))),
    "microgram / meter ** 3": (
        "microgram / meter ** 3",
        (("meter", -3), ("microgram", 1)),
        (("[length]", -3), ("[mass]", 1)),
        (1, 1000000, (("gram", 1), ("meter", -3))),
    ),
    "percent": ("percent", (("percent", 1),), (), (1, 100, ())),
    "percentage_point": (
        "percentage_point",
        (("percentage_point", 1),),
        (("[percentage_point]", 1),),
        (1, 1, (("percentage_point", 1),)),
    ),
    "person": ("person", (("person", 1),), (("[person]", 1),), (1, 1, (("person", 1),))),
    "person / hundred_thousand_inhabitants": (
        "person / hundred_thousand_inhabitants",
        (("hundred_thousand_inhabitants", -1), ("person", 1)),
        (("[person]", 1), ("[population]", -1)),
        (1, 100000, (("inhabitant", -1), ("person", 1))),
    ),
}
