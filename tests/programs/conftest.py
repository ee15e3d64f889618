"""Fixtures of the programme-catalogue tests: the ZMP catalogue, its source text, a data copy."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from citystrategy.model import Catalogue
from citystrategy.programs import zmp
from tests.programs.helpers import plain, read_excerpt


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped ZMP catalogue, as ``citystrategy.programs.zmp.load()`` returns it."""
    return zmp.load()


@pytest.fixture(scope="session")
def source() -> str:
    """The source document, verbatim."""
    return read_excerpt()


@pytest.fixture(scope="session")
def source_plain() -> str:
    """The source document without emphasis marks and with spaces folded."""
    return plain(read_excerpt())


@pytest.fixture
def zmp_dir(tmp_path: Path) -> Path:
    """A writable copy of the ZMP adapter's data folder, for corruption tests."""
    target = tmp_path / "data"
    with as_file(files("citystrategy.programs.zmp") / "data") as folder:
        shutil.copytree(folder, target)
    return target
