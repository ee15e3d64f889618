"""The protocol every programme-catalogue adapter follows."""

from __future__ import annotations

from typing import Protocol

from citystrategy.model import Catalogue

__all__ = ["CatalogueAdapter"]


class CatalogueAdapter(Protocol):
    """An organisation's programme catalogue, in citystrategy's model."""

    @property
    def slug(self) -> str:
        """Short stable name used on the command line, e.g. ``"zmp"``."""
        ...

    @property
    def name(self) -> str:
        """The organisation's name."""
        ...

    def load(self) -> Catalogue:
        """Return the catalogue with its member territories."""
        ...
