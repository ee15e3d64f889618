"""The protocol every city adapter follows."""

from __future__ import annotations

from typing import Protocol

from citystrategy.model import Strategy

__all__ = ["CityAdapter"]


class CityAdapter(Protocol):
    """A city's strategy and monitoring data, in citystrategy's model.

    An adapter keeps the city's quirks (raw formats, goal numbering, packaged data files) to
    itself and hands out model objects only.
    """

    @property
    def slug(self) -> str:
        """Short stable name used on the command line, e.g. ``"kielce"``."""
        ...

    @property
    def name(self) -> str:
        """The city's official name, e.g. ``"Kielce"``."""
        ...

    @property
    def teryt(self) -> str | None:
        """The city's TERYT (TERC) gmina code, e.g. ``"2661011"``; ``None`` if it has none."""
        ...

    def load(self) -> Strategy:
        """Return the city's strategy with all its shipped data."""
        ...
