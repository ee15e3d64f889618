"""BDL answers as data: value flags, missing values, TERYT codes, units of the registry."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Final

import pandas as pd

from citystrategy._arguments import text
from citystrategy.frames import FLAG, INDICATOR, SOURCE, TERRITORY, UNIT, VALUE, YEAR, validate_long
from citystrategy.frames import LONG_COLUMNS as _LONG

__all__ = [
    "ATTRIBUTES",
    "MISSING_ATTRIBUTES",
    "UNIT_NAMES",
    "flag",
    "registry_unit",
    "to_teryt",
]

#: What BDL's value attributes (``attrId``) mean (GUS BDL ``/attributes``).
ATTRIBUTES: Final[Mapping[int, str]] = MappingProxyType(
    {
        0: "no data",
        1: "a plain value",
        3: "the aggregate may be incomplete",
        4: "no data",
        7: "less than the presentation unit (about 0)",
        9: "a preliminary estimate",
        11: "a change of methodology",
        14: "no data",
        15: "no data",
        17: "less than the presentation unit (about 0)",
        20: "low precision",
        21: "low precision",
        50: "not yet available, will be published",
        91: "no data",
        94: "a meaningful zero",
        97: "combined for the powiat and the city",
        98: "a meaningful zero",
    }
)
#: Attributes of a value that is missing: BDL sends them with ``val: 0``, which is not data.
MISSING_ATTRIBUTES: Final = frozenset({0, 4, 14, 15, 50, 91})

#: BDL's unit names (``measureUnitName``) and their names in the citystrategy registry; any
#: other is kept verbatim.
UNIT_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "%": "percent",
        "zł": "PLN",
        "osoba": "person",
        "osoby": "person",
        "km": "kilometer",
        "km²": "kilometer ** 2",
        "km2": "kilometer ** 2",
        "ha": "hectare",
        "m²": "meter ** 2",
        "m2": "meter ** 2",
        "osoba/km²": "person / kilometer ** 2",
        "osoba/km2": "person / kilometer ** 2",
        "-": "dimensionless",
        "": "dimensionless",
    }
)


def flag(attribute: object) -> str:
    """The frame's flag of a BDL value attribute.

    >>> flag(1), flag(50), flag(None)
    ('bdl:1', 'bdl:50', 'bdl:none')
    """
    return "bdl:none" if attribute is None else f"bdl:{attribute}"


def registry_unit(name: str) -> str:
    """The registry's name of BDL's unit *name*, or *name* itself if the registry has none.

    >>> registry_unit("%"), registry_unit("osoba/km²"), registry_unit("szt.")
    ('percent', 'person / kilometer ** 2', 'szt.')

    Raises:
        ArgumentTypeError: If *name* is not a string.
    """
    from citystrategy.errors import UnitError
    from citystrategy.units import check_unit

    text(name, "name")
    known = UNIT_NAMES.get(name.strip())
    if known is not None:
        return check_unit(known)
    try:
        return check_unit(name)
    except UnitError:
        return name


@cache
def _register_codes() -> Mapping[str, str]:
    """BDL unit ids of the register's cities with powiat rights (both levels), to TERYT."""
    from citystrategy.territories import list_territories

    codes: dict[str, str] = {}
    for territory in list_territories():
        if territory.bdl_powiat_id is not None and territory.teryt is not None:
            codes[territory.bdl_powiat_id] = territory.teryt
            codes[territory.bdl_powiat_id[:-3] + "011"] = territory.teryt
    return MappingProxyType(codes)


def to_teryt(unit_id: str) -> str:
    """The TERYT code of a BDL unit id, or the id itself for a unit without one.

    A city with powiat rights has one TERYT code (its gmina's, as in the territory register) for
    both its BDL units, "Powiat m. Kielce" and "Kielce": the two are one territory, so they can
    never be counted as two. Other units are sliced: voivodeship (2 digits), powiat (4), gmina
    (7); regions, subregions and districts keep their BDL id.

    >>> to_teryt("052615261000"), to_teryt("052615261011"), to_teryt("052615204000")
    ('2661011', '2661011', '2604')
    >>> to_teryt("011200000000"), to_teryt("061820000000"), to_teryt("000000000000")
    ('12', '061820000000', '000000000000')

    Raises:
        ArgumentTypeError: If *unit_id* is not a string.
    """
    text(unit_id, "unit_id")
    known = _register_codes().get(unit_id)
    if known is not None:
        return known
    if len(unit_id) != 12 or not unit_id.isdigit():
        return unit_id
    voivodeship, powiat, gmina, kind = unit_id[2:4], unit_id[7:9], unit_id[9:11], unit_id[11]
    if voivodeship == "00":
        return unit_id
    if unit_id[4:] == "00000000":
        return voivodeship
    if powiat == "00":
        return unit_id
    if gmina == "00" and kind == "0":
        return voivodeship + powiat
    if gmina != "00" and kind in "12345":
        return voivodeship + powiat + gmina + kind
    return unit_id


def observation(value: object, attribute: object) -> float:
    """The frame's value of a BDL value: NaN when its attribute says missing, never 0."""
    if isinstance(attribute, int) and attribute in MISSING_ATTRIBUTES:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, int | float):
        return math.nan
    return float(value)


def long_frame(records: Iterable[tuple[str, str, str, int, float, str, str]]) -> pd.DataFrame:
    """The long frame of *records* (territory, indicator, unit, year, value, flag, source),
    validated; a unit the registry lacks stays verbatim (and is not checked)."""
    columns = [*_LONG, FLAG, SOURCE]
    frame = pd.DataFrame.from_records(list(records), columns=columns)
    frame[YEAR] = frame[YEAR].astype("int64")
    frame[VALUE] = frame[VALUE].astype("float64")
    for column in (TERRITORY, INDICATOR, UNIT, FLAG, SOURCE):
        frame[column] = frame[column].astype(object)
    known = frame[UNIT].map(_in_registry).astype(bool)
    validate_long(frame.assign(**{UNIT: frame[UNIT].where(known, "dimensionless")}))
    return frame


def _in_registry(unit: object) -> bool:
    from citystrategy.errors import UnitError
    from citystrategy.units import check_unit

    try:
        return isinstance(unit, str) and check_unit(unit) == unit
    except UnitError:
        return False
