"""Kielce: "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City" with its 2023 report.

The data are package files in ``data/`` (see ``data/README.md``), transcribed from
"Roczny raport z realizacji strategii" for 2023 (drawn up 20.06.2024) with every value kept as
printed, and read with :func:`citystrategy.io.strategy_files.read_strategy`.

>>> strategy = load()
>>> len(strategy.strategic_goals), len(strategy.operational_goals), len(strategy.indicators)
(4, 18, 112)
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final

from attrs import frozen

from citystrategy._cache import cached
from citystrategy.model import Strategy

__all__ = ["KIELCE", "KielceAdapter", "load"]


def _read() -> Strategy:
    from citystrategy.io.strategy_files import read_strategy  # not needed when cached

    return read_strategy(files(__name__) / "data")


@cache
def _load() -> Strategy:
    return cached("strategy-kielce", files(__name__) / "data", _read, Strategy)


@frozen
class KielceAdapter:
    """The Kielce adapter; use the shared instance :data:`KIELCE`."""

    slug: str = "kielce"
    name: str = "Kielce"
    teryt: str = "2661011"

    def load(self) -> Strategy:
        """Return Kielce's strategy (read once, then shared: it is immutable)."""
        return _load()


#: The registered Kielce adapter.
KIELCE: Final = KielceAdapter()


def load() -> Strategy:
    """Return Kielce's strategy "2030+ w kierunku Smart City" with its 2022–2023 data."""
    return KIELCE.load()
