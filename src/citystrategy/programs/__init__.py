"""Programme catalogues (ZMP's and others'), registered explicitly.

Adding an organisation's catalogue is one subpackage and one line in :data:`PROGRAMS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from citystrategy._arguments import text
from citystrategy.errors import UnknownCatalogueError
from citystrategy.programs.base import CatalogueAdapter as CatalogueAdapter
from citystrategy.programs.zmp import ZMP

__all__ = ["PROGRAMS", "CatalogueAdapter", "get_program", "list_programs"]

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
