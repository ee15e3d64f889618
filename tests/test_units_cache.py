"""The pint registry built from its on-disk cache is the registry parsed afresh."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from citystrategy import units

#: Conversions checked on every registry: 1 MWh = 3,6 GJ; µg/m³; a percentage point; PLN.
CONVERSIONS = [
    ("31791.00 MWh", "GJ", Decimal("114447.6")),
    ("1 µg/m³", "mg/m³", Decimal("0.001")),
    ("250 percent", "dimensionless", Decimal("2.5")),
]


#: The names a registry parsed afresh defines (its own and units.txt's), prefixed forms included.
NAMES: Final = sorted(units._registry(None)._units)


def _root(registry: Any, name: str) -> object:
    """The factor and root units of *name* in *registry*, or the name of the error it raises."""
    try:
        factor, root = registry.get_root_units(name)
    except Exception as error:  # the same failure is expected of both registries
        return type(error).__name__
    return factor, str(root)


def _behaviour(registry: Any) -> tuple[object, ...]:
    """What a registry knows: every unit of the fresh registry, `pp`, PLN, some conversions.

    The unit names are those defined in the files (prefixed forms such as ``kilometer`` are
    added to a registry when first parsed, so their listing depends on what was parsed first).
    """
    assert isinstance(registry, type(units.ureg))
    converted = []
    for text, unit, _ in CONVERSIONS:
        number, _, source = text.partition(" ")
        converted.append(registry.Quantity(Decimal(number), source).to(unit).magnitude)
    return (
        [(name, _root(registry, name)) for name in NAMES],
        str(registry.Unit("pp")),
        registry.Unit("pp").dimensionality,
        str(registry.Unit("zł")),
        registry.Unit("PLN / inhabitant").dimensionality,
        tuple(converted),
    )


def test_cached_registry_is_the_fresh_one(tmp_path: Path) -> None:
    """A registry written to the cache and one read back from it equal one built without."""
    fresh = units._registry(None)
    written = units._registry(tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*.pickle"))  # the cache was written
    read = units._registry(tmp_path / "cache")
    assert _behaviour(written) == _behaviour(fresh) == _behaviour(read)
    assert _behaviour(units.ureg) == _behaviour(fresh)


def test_conversions_are_exact(tmp_path: Path) -> None:
    """The cached registry converts Decimals exactly, as the fresh one does."""
    units._registry(tmp_path)
    read = units._registry(tmp_path)
    for text, unit, expected in CONVERSIONS:
        number, _, source = text.partition(" ")
        assert read.Quantity(Decimal(number), source).to(unit).magnitude == expected


def test_unwritable_cache_folder_means_no_cache(tmp_path: Path) -> None:
    """A cache folder that cannot be created (a file is in the way) gives a fresh registry."""
    blocker = tmp_path / "plik"
    blocker.write_text("x", encoding="utf-8")
    registry = units._registry(blocker / "cache")
    assert registry.cache_folder is None
    assert _behaviour(registry) == _behaviour(units._registry(None))


def test_damaged_cache_means_no_cache(tmp_path: Path) -> None:
    """A cache cut short (a crash while writing) gives a fresh registry, not an error."""
    units._registry(tmp_path)
    for pickle in tmp_path.glob("*.pickle"):
        pickle.write_bytes(pickle.read_bytes()[:10])
    registry = units._registry(tmp_path)
    assert registry.cache_folder is None
    assert _behaviour(registry) == _behaviour(units._registry(None))


def test_cache_is_in_the_user_cache_folder() -> None:
    """The shared registry's cache is citystrategy's folder in the user's cache, one per
    installation: pint's cache names definition files by path, so two environments differ."""
    folder = units._cache_folder()
    assert folder.parts[-3:-1] == ("citystrategy", "pint")
    assert len(folder.name) == 16


def test_a_cache_that_cannot_be_read_is_cleared(tmp_path: Path) -> None:
    """A cache entry pointing at definition files that do not exist (another environment's) is
    removed, so that the next run writes a good one instead of parsing afresh forever."""
    folder = tmp_path / "pint"
    units._registry(folder)  # writes the cache
    for entry in folder.glob("*.json"):
        entry.write_text('{"path": "/nowhere/default_en.txt"}', encoding="utf-8")
    for entry in folder.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert str(units._registry(folder).Unit("MWh")) == "megawatt_hour"
    assert not folder.exists()
    units._registry(folder)
    assert any(folder.glob("*.pickle"))
