"""Shared fixtures: synthetic model objects from the factories, and the shipped Kielce data."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from citystrategy.cities import kielce as kielce_adapter
from citystrategy.model import Indicator, Observation, Project, Strategy
from citystrategy.validation import ValidationReport, check
from tests import factories


@pytest.fixture
def indicator() -> Indicator:
    """A result indicator of goal 1.1 (count, higher is better, at least 10)."""
    return factories.make_indicator()


@pytest.fixture
def observation() -> Observation:
    """A value of 5 for the default indicator in 2023."""
    return factories.make_observation()


@pytest.fixture
def project() -> Project:
    """A project of 1 000,00 zł linked to goal 1.1."""
    return factories.make_project()


@pytest.fixture
def strategy() -> Strategy:
    """A small consistent strategy with two strategic goals."""
    return factories.make_strategy()


@pytest.fixture(scope="session")
def kielce() -> Strategy:
    """Kielce's strategy as the shipped adapter loads it."""
    return kielce_adapter.load()


@pytest.fixture(scope="session")
def kielce_report(kielce: Strategy) -> ValidationReport:
    """The findings on Kielce's shipped data."""
    return check(kielce)


@pytest.fixture
def kielce_dir(tmp_path: Path) -> Path:
    """A writable copy of the Kielce adapter's data folder, for corruption tests."""
    target = tmp_path / "data"
    with as_file(files("citystrategy.cities.kielce") / "data") as source:
        shutil.copytree(source, target)
    return target
