"""The programmes of the Union of Polish Cities (Związek Miast Polskich, ZMP).

From the document "Projekty Związku Miast Polskich realizowane z miastami i dla miast", enriched
with facts published elsewhere (each fact names its source), and ZMP member cities with TERC
codes. See ``data/README.md`` for the format.

>>> catalogue = load()
>>> [p.code for p in catalogue.for_city("Kielce")]
['ZMP-PDP']
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final

from attrs import frozen

from citystrategy._cache import cached
from citystrategy.model import Catalogue

__all__ = ["ZMP", "ZmpAdapter", "load"]


def _read() -> Catalogue:
    from citystrategy.io.catalogue_files import read_catalogue  # not needed when cached

    return read_catalogue(files(__name__) / "data")


@cache
def _load() -> Catalogue:
    return cached("catalogue-zmp", files(__name__) / "data", _read, Catalogue)


@frozen
class ZmpAdapter:
    """The ZMP catalogue adapter; use the shared instance :data:`ZMP`."""

    slug: str = "zmp"
    name: str = "Związek Miast Polskich"

    def load(self) -> Catalogue:
        """Return the ZMP catalogue (read once, then shared: it is immutable)."""
        return _load()


#: The registered ZMP adapter.
ZMP: Final = ZmpAdapter()


def load() -> Catalogue:
    """Return the catalogue of ZMP programmes with the ZMP member cities."""
    return ZMP.load()
