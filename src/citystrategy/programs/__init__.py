"""Programme catalogues (ZMP's and others'), registered explicitly.

Adding an organisation's catalogue is one subpackage and one line in :data:`PROGRAMS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from citystrategy._arguments import text
from citystrategy.errors import UnknownCatalogueError, UnknownTerritoryError
from citystrategy.model import CityProfile
from citystrategy.programs.base import CatalogueAdapter as CatalogueAdapter
from citystrategy.programs.zmp import ZMP

__all__ = ["PROGRAMS", "CatalogueAdapter", "city_profile", "get_program", "list_programs"]

#: Every registered catalogue adapter by slug.
PROGRAMS: Final[Mapping[str, CatalogueAdapter]] = MappingProxyType({ZMP.slug: ZMP})


def get_program(slug: str) -> CatalogueAdapter:
    """Return the catalogue adapter registered under *slug* (e.g. ``"zmp"``).

    Raises:
        UnknownCatalogueError: If no catalogue is registered under *slug* (a ``KeyError`` too).
        ArgumentTypeError: If *slug* is not a string.
    """
    try:
        return PROGRAMS[text(slug, "slug").lower()]
    except KeyError:
        raise UnknownCatalogueError(slug, sorted(PROGRAMS)) from None


def list_programs() -> tuple[str, ...]:
    """Slugs of the registered catalogues, sorted."""
    return tuple(sorted(PROGRAMS))


def city_profile(name_or_teryt: str, *, catalogue: str = "zmp") -> CityProfile:
    """A city's membership and every programme of *catalogue* it took part in.

    The city is looked up in the territory register first
    (:func:`citystrategy.territories.get_territory`), so that any of its spellings or codes
    finds it and a real city in no programme has an empty profile, with its membership as the
    catalogue's sources give it (``UNKNOWN`` where a partial member list does not name it).
    Names the register does not know (a foreign partner, a name as a programme prints it,
    ``"Gdańsku"``) are looked up in the catalogue.

    >>> radom = city_profile("Radom")
    >>> radom.territory.teryt, radom.status.value, radom.participations
    ('1463011', 'unknown', ())

    Raises:
        UnknownTerritoryError: If neither the register nor the catalogue knows the city (a
            ``KeyError``), listing close names.
        AmbiguousTerritoryError: If the name names several territories of the register.
        TerytError: If a code is not a valid TERYT code.
        UnknownCatalogueError: If no catalogue is registered under *catalogue*.
        ArgumentTypeError: If *name_or_teryt* or *catalogue* is not a string.
    """
    from citystrategy.territories import find_territory, get_territory  # reads the register

    text(name_or_teryt, "name_or_teryt")
    found = get_program(catalogue).load()
    try:
        territory = get_territory(name_or_teryt)
    except UnknownTerritoryError:
        profile = found.profile(name_or_teryt)
        if profile.territory is None:
            raise
        registered = (
            None if profile.territory.teryt is None else find_territory(profile.territory.teryt)
        )
        return profile if registered is None else attrs.evolve(profile, territory=registered)
    assert territory.teryt is not None  # every territory of the register has a code
    by_code = found.profile(territory.teryt)
    return attrs.evolve(by_code, query=name_or_teryt, territory=territory)
