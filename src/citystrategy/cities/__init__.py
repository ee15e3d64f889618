"""City adapters, registered explicitly: adding a city is one subpackage and one line here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from citystrategy.cities.base import CityAdapter as CityAdapter
from citystrategy.cities.kielce import KIELCE
from citystrategy.errors import UnknownCityError

__all__ = ["CITIES", "CityAdapter", "get_city", "list_cities"]

#: Every registered city adapter by slug.
CITIES: Final[Mapping[str, CityAdapter]] = MappingProxyType({KIELCE.slug: KIELCE})


def get_city(slug: str) -> CityAdapter:
    """Return the adapter registered under *slug*.

    Raises:
        UnknownCityError: If no city is registered under *slug*.

    >>> get_city("kielce").name
    'Kielce'
    """
    try:
        return CITIES[slug.lower()]
    except KeyError:
        raise UnknownCityError(slug, sorted(CITIES)) from None


def list_cities() -> tuple[str, ...]:
    """Slugs of the registered cities, sorted."""
    return tuple(sorted(CITIES))
