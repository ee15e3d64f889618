"""City adapters, registered explicitly: adding a city is one subpackage and one line here.

A city can also be a folder of its own data (:class:`FolderAdapter`): :func:`open_city` takes a
registered slug or the path of a strategy data folder, and :func:`init_folder` writes a new
folder to start from.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from citystrategy._arguments import path, text
from citystrategy._lazy import lazy_names
from citystrategy.cities.base import CityAdapter as CityAdapter
from citystrategy.cities.folder import FolderAdapter as FolderAdapter
from citystrategy.cities.folder import init_folder as init_folder
from citystrategy.cities.kielce import KIELCE
from citystrategy.errors import UnknownCityError

if TYPE_CHECKING:
    from citystrategy.cities.folder import SKELETON_FILES as SKELETON_FILES
else:  # made on first use (PEP 562): it names the readers' files, and they load only then
    __getattr__, __dir__ = lazy_names(
        __name__, globals(), {"SKELETON_FILES": "citystrategy.cities.folder"}
    )

__all__ = [
    "CITIES",
    "SKELETON_FILES",
    "CityAdapter",
    "FolderAdapter",
    "get_city",
    "init_folder",
    "is_folder_path",
    "list_cities",
    "open_city",
]

#: Every registered city adapter by slug.
CITIES: Final[Mapping[str, CityAdapter]] = MappingProxyType({KIELCE.slug: KIELCE})


def get_city(slug: str) -> CityAdapter:
    """Return the adapter registered under *slug*.

    Raises:
        UnknownCityError: If no city is registered under *slug*.
        ArgumentTypeError: If *slug* is not a string.

    >>> get_city("kielce").name
    'Kielce'
    """
    text(slug, "slug")
    try:
        return CITIES[slug.lower()]
    except KeyError:
        raise UnknownCityError(slug, sorted(CITIES)) from None


def list_cities() -> tuple[str, ...]:
    """Slugs of the registered cities, sorted."""
    return tuple(sorted(CITIES))


def is_folder_path(city: str) -> bool:
    """Whether *city* is written as a path: it has a path separator, or is ``.`` or ``..``.

    Such a text always means a folder, never a registered slug (slugs have no separators).

    >>> is_folder_path("./kielce"), is_folder_path("dane/moje-miasto"), is_folder_path("kielce")
    (True, True, False)
    """
    text(city, "city")
    separators = {"/", os.sep, os.altsep or "/"}
    return city in (os.curdir, os.pardir) or any(s in city for s in separators)


def open_city(city: str | os.PathLike[str]) -> CityAdapter:
    """Return the adapter for *city*: a registered slug, or the path of a strategy data folder.

    The rule, in order:

    1. a path object, or a text written as a path (:func:`is_folder_path`: ``./moje-miasto``,
       ``dane/moje-miasto``, ``.``), is a folder;
    2. a bare name that is a registered slug (in any case: ``kielce``, ``Kielce``) is that city,
       even if a folder of that name exists (write ``./kielce`` for the folder);
    3. another bare name that names an existing folder is that folder;
    4. anything else is an unknown city.

    Args:
        city: A slug of :data:`CITIES` or a folder path.

    Returns:
        The registered adapter, or a :class:`FolderAdapter` with the folder already read.

    Raises:
        UnknownCityError: If a bare name is neither a registered slug nor an existing folder.
        StrategyFolderError: If a path does not exist, is a file, or lacks files.
        DataFileError: If a file of the folder is malformed.
        ArgumentTypeError: If *city* is neither a string nor a path object.

    >>> open_city("kielce").name
    'Kielce'
    """
    path(city, "city")
    if not isinstance(city, str) or is_folder_path(city):
        return FolderAdapter.open(city)
    if city.lower() in CITIES:
        return CITIES[city.lower()]
    if city and Path(city).is_dir():  # Path("") is the current folder: never a bare name
        return FolderAdapter.open(city)
    raise UnknownCityError(city, sorted(CITIES))
