"""A programme catalogue saved by a spreadsheet with a UTF-8 byte order mark reads as without."""

from __future__ import annotations

from pathlib import Path

import pytest

from citystrategy.io.catalogue_files import read_catalogue
from citystrategy.model import Catalogue


@pytest.mark.parametrize("name", ["members.csv", "catalogue.toml"])
def test_byte_order_mark_is_accepted(zmp_dir: Path, catalogue: Catalogue, name: str) -> None:
    """Excel's 'CSV UTF-8' starts the file with a BOM; the catalogue reads the same."""
    path = zmp_dir / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_catalogue(zmp_dir) == catalogue
