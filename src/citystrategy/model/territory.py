"""Territories: the units a strategy or an observation refers to."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from attrs import field, frozen

from citystrategy.errors import ModelError
from citystrategy.model._validators import non_blank

__all__ = ["Territory", "TerritoryKind"]

#: TERYT (TERC) code lengths by kind: voivodeship 2, powiat 4, gmina 7 (6 digits + gmina type).
_TERYT_LENGTHS: Final = {2, 4, 7}
_TERYT_RE: Final = re.compile(r"\d+")


class TerritoryKind(StrEnum):
    """What kind of unit a territory is (JST and below)."""

    COUNTRY = "country"
    VOIVODESHIP = "voivodeship"
    POWIAT = "powiat"
    GMINA = "gmina"
    CITY_WITH_POWIAT_RIGHTS = "city_with_powiat_rights"
    DISTRICT = "district"  #: osiedle or dzielnica, below city level
    FUNCTIONAL_AREA = "functional_area"  #: a group of territories, e.g. KOF
    FOREIGN = "foreign"  #: outside Poland, no TERYT code


@frozen(kw_only=True)
class Territory:
    """A territory with its official identifier.

    Attributes:
        name: Official Polish name, e.g. ``"Kielce"``.
        kind: What kind of unit it is.
        teryt: TERC code: 2 digits (voivodeship), 4 (powiat) or 7 (gmina, the last digit being
            the gmina type), or ``None`` for territories without one (districts, foreign cities).
    """

    name: str = field(validator=non_blank)
    kind: TerritoryKind
    teryt: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.teryt is None:
            return
        if not _TERYT_RE.fullmatch(self.teryt) or len(self.teryt) not in _TERYT_LENGTHS:
            problem = f"'teryt' must be 2, 4 or 7 digits (got {self.teryt!r})"
            raise ModelError(f"Territory {self.name!r}", problem)
        if self.kind is TerritoryKind.FOREIGN:
            raise ModelError(f"Territory {self.name!r}", "a foreign territory has no TERYT code")

    @property
    def id(self) -> str:
        """The stable id used in long frames: the TERYT code, else the name."""
        return self.teryt if self.teryt is not None else self.name
