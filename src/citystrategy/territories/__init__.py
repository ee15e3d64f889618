"""The territory register: Polish territories with their TERYT codes and BDL unit ids, looked up
by name or code.

The register ships as package data and is read, validated, once:

- the 16 voivodeships (TERC codes of 2 digits);
- the 66 cities with powiat rights (``data/cities_with_powiat_rights.csv``: TERC register as of
  2024-01-01 and GUS BDL exports, which agree code for code), with their powiat (4 digits) and
  gmina (7 digits) codes and their BDL unit ids;
- the gminas that the ZMP catalogue's member lists name (members, probable members and
  non-members, ``citystrategy/programs/zmp/data``), with their town's code where the gmina is
  urban-rural. Their membership is the catalogue's business, not the register's.

Names match whatever their case and diacritics, with the usual abbreviations:

>>> get_territory("Gorzów Wlkp.").teryt
'0861011'
>>> get_territory("gorzow wielkopolski") == get_territory("0861") == get_territory("0861011")
True
>>> kielce = get_territory("Kielce")
>>> kielce.kind.value, kielce.powiat_code, kielce.voivodeship, kielce.bdl_powiat_id
('city_with_powiat_rights', '2661', 'świętokrzyskie', '052615261000')
>>> [t.name for t in find_territories("Ruda")]
['Nowa Ruda', 'Ruda Śląska']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from citystrategy._arguments import instance, text
from citystrategy._i18n import N_
from citystrategy.io._files import HEADER, Place, Problems, as_traversable, call, read_text
from citystrategy.io.catalogue_files import MEMBER_FILES, read_memberships
from citystrategy.model import Territory, TerritoryKind, TerritoryRegister, TerytLevel
from citystrategy.model._names import normalise_name
from citystrategy.model.territory import TERYT_LENGTHS as _TERYT_LENGTHS
from citystrategy.model.territory import VOIVODESHIPS as _VOIVODESHIPS
from citystrategy.model.territory import check_teryt as check_teryt
from citystrategy.model.territory import teryt_problem as teryt_problem
from citystrategy.model.territory import validate_teryt as validate_teryt

__all__ = [
    "CITY_COLUMNS",
    "TERYT_LENGTHS",
    "VOIVODESHIPS",
    "check_teryt",
    "find_territories",
    "find_territory",
    "get_territory",
    "list_territories",
    "load_register",
    "read_cities",
    "territory_data",
    "teryt_problem",
    "validate_teryt",
]

#: The 16 voivodeships by their TERC code, with their official (lower-case) names.
VOIVODESHIPS: Final = _VOIVODESHIPS
#: Digits of a TERYT code at each level: voivodeship 2, powiat 4, gmina 7.
TERYT_LENGTHS: Final = _TERYT_LENGTHS
#: The columns of the cities file, as GUS's sources name them.
CITY_COLUMNS: Final = (
    "city",
    "voivodeship",
    "teryt_powiat",
    "teryt_gmina",
    "bdl_unit_powiat",
    "bdl_unit_name",
)


def _city(row: Mapping[str, str], number: int, problems: Problems) -> Territory | None:
    """The territory of one row of the cities file, or ``None`` with its problems recorded."""
    name, powiat, gmina = row["city"], row["teryt_powiat"], row["teryt_gmina"]
    failed = False
    for column, code, level in (
        ("teryt_powiat", powiat, TerytLevel.POWIAT),
        ("teryt_gmina", gmina, TerytLevel.GMINA),
    ):
        reason = teryt_problem(code, level)
        if reason is not None:
            where = Place(line=number, column=column)
            problems.add(where, N_("{code!r} for {name!r}: {reason}"), code=code, name=name, reason=reason)  # fmt: skip
            failed = True
    if failed:
        return None
    expected = {
        "teryt_gmina": (
            powiat + "011",
            N_(
                "expected {expected!r} (the urban gmina of its powiat) for {name!r}, found {found!r}"
            ),
        ),
        "voivodeship": (
            VOIVODESHIPS[powiat[:2]],
            N_("expected {expected!r} (the voivodeship of {code!r}) for {name!r}, found {found!r}"),
        ),
    }
    for column, (value, template) in expected.items():
        if row[column] != value:
            values = {"expected": value, "code": powiat, "name": name, "found": row[column]}
            problems.add(Place(line=number, column=column), template, **values)
            failed = True
    bdl = row["bdl_unit_powiat"]
    if not bdl.endswith("000"):
        template = N_("expected a powiat's unit id, ending in 000, for {name!r}, found {found!r}")
        problems.add(Place(line=number, column="bdl_unit_powiat"), template, name=name, found=bdl)
        failed = True
    if failed:
        return None
    return call(
        problems,
        Place(line=number),
        Territory,
        name=name,
        kind=TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
        teryt=gmina,
        bdl_powiat_id=bdl,
        bdl_name=row["bdl_unit_name"],
    )


def read_cities(file: Traversable | str | Path) -> tuple[Territory, ...]:
    """The cities with powiat rights of a cities file (CSV with :data:`CITY_COLUMNS`).

    Each row is validated: both TERC codes, the gmina code being its powiat's urban gmina
    (``2661`` -> ``2661011``), the voivodeship the code says, and a BDL powiat unit id of 12
    digits; no code may repeat.

    Raises:
        DataFileError: Listing every problem, each with its line, column and the offending text.
        ArgumentTypeError: If *file* is not a path.
    """
    file = as_traversable(file, "file")
    problems = Problems(str(file))
    reader = csv.DictReader(io.StringIO(read_text(file, problems)))
    missing = [c for c in CITY_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        problems.fail(HEADER, N_("missing column(s) {columns}"), columns=tuple(missing))
    cities: list[Territory] = []
    lines: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if None in row or None in row.values():  # more or fewer cells than the header
            cells = [cell for key, cell in row.items() if key is not None and cell is not None]
            found = len(cells) + len(row.get(None) or ())  # row[None]: the cells beyond
            template = N_("expected {expected} cells, found {found}")
            problems.add(Place(line=number), template, expected=len(CITY_COLUMNS), found=found)
            continue
        city = _city(row, number, problems)
        if city is None:
            continue
        first = lines.setdefault(city.teryt or "", number)
        if first != number:
            template = N_("{code!r} for {name!r} repeats line {first}")
            where = Place(line=number, column="teryt_gmina")
            problems.add(where, template, code=city.teryt, name=city.name, first=first)
            continue
        cities.append(city)
    problems.raise_if_any()
    return tuple(cities)


#: The ZMP catalogue's folder, whose member lists name the register's gminas.
_ZMP_DATA: Final = ("programs", "zmp", "data")


def _member_territories(
    cities: tuple[Territory, ...], folder: Traversable | Path | None = None
) -> list[Territory]:
    """The gminas the ZMP member lists in *folder* (default: the packaged ones) name beyond
    *cities*, checked against them."""
    by_code = {city.teryt: city for city in cities}
    found: dict[str, Territory] = {}
    if folder is None:
        folder = files("citystrategy").joinpath(*_ZMP_DATA)
    for name, status in MEMBER_FILES.items():
        file = folder / name
        problems = Problems(str(file))
        for number, membership in enumerate(read_memberships(file, status), start=2):
            territory = membership.territory
            city = by_code.get(territory.teryt)
            where = Place(line=number, column="city_with_powiat_rights")
            is_city = territory.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS
            if is_city and (city is None or _differ(city, territory)):
                template = N_("{name!r} ({code}) is not a city with powiat rights")
                problems.add(where, template, name=territory.name, code=territory.teryt)
            elif not is_city and city is not None:
                template = N_("{name!r} ({code}) is the city {city!r}")
                values = {"name": territory.name, "code": territory.teryt, "city": city.name}
                problems.add(where, template, **values)
            elif not is_city:
                found.setdefault(territory.teryt or "", territory)
        problems.raise_if_any()
    return list(found.values())


def _differ(city: Territory, territory: Territory) -> bool:
    return normalise_name(city.name) != normalise_name(territory.name)


@cache
def load_register() -> TerritoryRegister:
    """The shipped territory register (read once, then shared: it is immutable).

    Raises:
        DataFileError: If a packaged file is malformed (not in a released version).
    """
    cities = read_cities(files(__name__) / "data" / "cities_with_powiat_rights.csv")
    voivodeships = [
        Territory(name=name, kind=TerritoryKind.VOIVODESHIP, teryt=code)
        for code, name in VOIVODESHIPS.items()
    ]
    every = [*voivodeships, *cities, *_member_territories(cities)]
    return TerritoryRegister(territories=sorted(every, key=lambda t: t.teryt or ""))


def get_territory(name_or_code: str) -> Territory:
    """The territory of the shipped register with this name or TERYT code.

    A name matches whatever its case and diacritics, abbreviations (``"Gorzów Wlkp."``) and
    spaces around a hyphen; a code is a gmina (7 digits), town, powiat (4 digits, for a city
    with powiat rights) or voivodeship (2 digits) code.

    Raises:
        TerytError: If a code is not a valid TERYT code (the code and why are shown).
        UnknownTerritoryError: If the register has no such territory, listing close names.
        AmbiguousTerritoryError: If the name names several territories.
        ArgumentTypeError: If *name_or_code* is not a string.

    >>> get_territory("Bielsko - Biała").name
    'Bielsko-Biała'
    """
    text(name_or_code, "name_or_code")
    return load_register().get(name_or_code)


def find_territory(name_or_code: str) -> Territory | None:
    """The territory :func:`get_territory` finds, or ``None`` if the register has none.

    >>> find_territory("Atlantyda") is None
    True

    Raises:
        TerytError: If a code is not a valid TERYT code.
        AmbiguousTerritoryError: If the name names several territories.
        ArgumentTypeError: If *name_or_code* is not a string.
    """
    text(name_or_code, "name_or_code")
    return load_register().find(name_or_code)


def find_territories(query: str) -> tuple[Territory, ...]:
    """The territories with a name containing *query* from the start of a word (folded), or a
    code beginning with it; the one :func:`get_territory` finds comes first. Empty if none.

    >>> [t.name for t in find_territories("26") if t.kind.value != "gmina"]
    ['świętokrzyskie', 'Kielce']

    Raises:
        ArgumentTypeError: If *query* is not a string.
    """
    text(query, "query")
    return load_register().search(query)


def list_territories() -> tuple[Territory, ...]:
    """Every territory of the shipped register, by TERYT code."""
    return load_register().territories


def territory_data(territory: Territory) -> dict[str, str | None]:
    """A territory as JSON-ready data: its name, kind and every code and id it has.

    >>> territory_data(get_territory("Sopot"))["bdl_gmina_id"]
    '042214364011'

    Raises:
        ArgumentTypeError: If *territory* is not a Territory.
    """
    instance(territory, "territory", Territory, "a Territory")
    return {
        "teryt": territory.teryt,
        "name": territory.name,
        "kind": territory.kind.value,
        "voivodeship": territory.voivodeship,
        "powiat": territory.powiat_code,
        "town_teryt": territory.town_teryt,
        "bdl_powiat_id": territory.bdl_powiat_id,
        "bdl_gmina_id": territory.bdl_gmina_id,
        "bdl_name": territory.bdl_name or None,
    }
