"""The one pint registry of citystrategy, with the domain units of ``units.txt``.

Use :data:`ureg` and :data:`Q_` from here (or from :mod:`citystrategy`); never create another
registry. pint does arithmetic and dimension checks only: it never parses Polish text and never
formats output (see :mod:`citystrategy.io.parse` and :mod:`citystrategy.formatting`).

pint is imported, and the registry built, when :data:`ureg` or :data:`Q_` is first asked for
(PEP 562), not when this module is imported: what the readers, the checks and the formatting ask
of the units the packaged data use (their canonical names, dimensions and exact factors) is
read from a table made from this registry (``_unit_table.py``, which a test keeps equal to it),
so a command that converts nothing inexact never loads pint.

>>> from decimal import Decimal
>>> from citystrategy.units import Q_
>>> str((Q_(Decimal("31791.00"), "MWh")).to("GJ").magnitude)
'114447.600'
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, cast

from citystrategy._i18n import N_
from citystrategy._unit_table import ENTRIES
from citystrategy.errors import ArgumentTypeError, UnitError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pint

#: What a unit must be, in words of the catalogue.
_REGISTRY_UNIT: Final = N_("a unit of the citystrategy registry")
_UNIT_NAME: Final = N_("a unit name")

__all__ = ["Q_", "REDEFINED", "check_unit", "to_quantity", "ureg"]

#: Names of pint's default registry that ``units.txt`` deliberately redefines: ``pp`` is the
#: percentage point here, not a printer's point. A test keeps this list exact.
REDEFINED: Final = frozenset({"pp"})


def _cache_folder() -> Path:
    """Where pint keeps the parsed definitions between runs: the user's cache folder, one
    sub-folder per installation (pint's cache names the definition files by their paths, so
    two virtual environments must not share one)."""
    import hashlib

    import pint
    import platformdirs  # pint's own dependency, for its cache_folder=":auto:"

    installed = f"{Path(pint.__file__).parent}|{files('citystrategy')}|{pint.__version__}"
    key = hashlib.sha256(installed.encode()).hexdigest()[:16]
    return platformdirs.user_cache_path("citystrategy", appauthor=False) / "pint" / key


def _registry(cache_folder: Path | None) -> pint.UnitRegistry[Any]:
    """pint's registry with the definitions of ``units.txt``, parsed once per machine.

    pint caches the parsed definition files (its own and ``units.txt``) in *cache_folder*,
    keyed by their content, pint's and Python's versions, so a registry built from the cache is
    the same as one parsed afresh, in a tenth of the time. A folder that cannot be created or
    written, or a cache that cannot be read (a file cut short), means no cache: the registry is
    parsed afresh, and any error of the definitions themselves shows there; a cache that cannot
    be read is removed, so that the next run writes it again.
    """
    if cache_folder is not None:
        try:
            return _registry_from(cache_folder)
        except Exception:  # any failure of the cache: cleared, so the next run writes it anew
            import shutil

            shutil.rmtree(cache_folder, ignore_errors=True)
    return _registry_from(None)


def _registry_from(cache_folder: Path | None) -> pint.UnitRegistry[Any]:
    import pint

    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
        on_redefinition="ignore", cache_folder=cache_folder
    )
    with as_file(files("citystrategy") / "units.txt") as path:
        registry.load_definitions(path)
    return registry


def _ureg() -> pint.UnitRegistry[Any]:
    """The one registry, :data:`ureg`: pint is imported and the registry built on the first
    call, then kept (as the module's ``ureg`` and ``Q_``)."""
    namespace = globals()
    if "ureg" not in namespace:
        built = _registry(_cache_folder())
        namespace.update(ureg=built, Q_=built.Quantity)
    registry: pint.UnitRegistry[Any] = namespace["ureg"]
    return registry


if TYPE_CHECKING:
    #: The registry every part of citystrategy shares. Redefinitions are allowed silently only
    #: because :data:`REDEFINED` lists them and the tests check that list.
    ureg: Final[pint.UnitRegistry[Any]] = pint.UnitRegistry()  # what mypy sees; see below
    Q_ = ureg.Quantity  # unannotated on purpose: keeps Quantity[Decimal] inferred
else:

    def __getattr__(name: str) -> object:
        """:data:`ureg` and :data:`Q_`, built on first use (PEP 562) and kept."""
        if name not in ("ureg", "Q_"):
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        _ureg()
        return globals()[name]


class UnitFacts(NamedTuple):
    """What citystrategy asks of a unit, as the registry answers it.

    Attributes:
        canonical: Its canonical name (``str(ureg.Unit(unit))``: ``megawatt_hour`` for ``MWh``).
        units: Its units with their powers, sorted (two units are equal when these are).
        dimensionality: Its dimensions with their powers, sorted (empty: dimensionless).
        root: Its exact factor to its base units and those units with their powers, sorted;
            ``None`` when the registry's definition is not a plain scale (an offset unit).
    """

    canonical: str
    units: tuple[tuple[str, float], ...]
    dimensionality: tuple[tuple[str, float], ...]
    root: tuple[Fraction, tuple[tuple[str, int], ...]] | None


#: The facts of the units the packaged data use, and of their canonical names, made from the
#: registry (``_unit_table.py``); a test keeps every entry equal to what the registry says.
_KNOWN: Final = {
    text: UnitFacts(
        canonical,
        units,
        dimensionality,
        None if root is None else (Fraction(root[0], root[1]), root[2]),
    )
    for text, (canonical, units, dimensionality, root) in ENTRIES.items()
}


def _shortest_spellings() -> dict[str, str]:
    """The shortest spelling of each canonical unit in the table of known units, for the units
    spelt some other way with a letter (``1`` for ``dimensionless`` is no spelling)."""
    spelt: dict[str, list[str]] = {}
    for text, facts in _KNOWN.items():
        spelt.setdefault(facts.canonical, []).append(text)
    return {
        canonical: min(texts, key=lambda t: (len(t), t))
        for canonical, texts in spelt.items()
        if any(t != canonical and any(c.isalpha() for c in t) for t in texts)
    }


_SPELLINGS: Final = _shortest_spellings()


def _spelling(unit: str) -> str:
    """How a data folder writes *unit*, a canonical name of the registry: the shortest spelling
    of it the packaged data folders use (``MWh`` for ``megawatt_hour``, ``kPLN`` for
    ``kiloPLN``, ``PLN / km`` for ``PLN / kilometer``), else the name itself. Reading the
    spelling gives the unit again (:func:`check_unit`).

    >>> [_spelling(u) for u in ("megawatt_hour", "kiloPLN", "PLN / kilometer", "percent")]
    ['MWh', 'kPLN', 'PLN / km', 'percent']
    """
    return _SPELLINGS.get(unit, unit)


def unit_facts(unit: str) -> UnitFacts:
    """The facts of *unit*: from the table of known units, else from the registry.

    Raises:
        Whatever the registry raises for a unit it cannot parse (pint's errors and others):
        callers that need a :class:`~citystrategy.errors.UnitError` use :func:`check_unit`.
    """
    known = _KNOWN.get(unit)
    return known if known is not None else _facts_from_registry(unit)


@lru_cache(maxsize=256)
def _facts_from_registry(unit: str) -> UnitFacts:
    from citystrategy._exact import root_from_registry

    parsed = _ureg().Unit(unit)
    powers = cast("Iterable[tuple[str, float]]", parsed._units.items())
    dimensions = cast("Iterable[tuple[str, float]]", parsed.dimensionality.items())
    return UnitFacts(
        str(parsed), tuple(sorted(powers)), tuple(sorted(dimensions)), root_from_registry(unit)
    )


def check_unit(unit: str, *, location: str | None = None) -> str:
    """Return the canonical name of *unit* (e.g. ``"percent"`` for ``"%"``).

    Raises:
        UnitError: If the registry does not know *unit*.
        ArgumentTypeError: If *unit* is not a string.

    >>> check_unit("µg/m³")
    'microgram / meter ** 3'
    >>> check_unit("PLN / inhabitant")
    'PLN / inhabitant'
    """
    if not isinstance(unit, str):
        raise ArgumentTypeError("unit", unit, _UNIT_NAME)
    if not unit.strip():
        raise UnitError(unit, _REGISTRY_UNIT, location)
    known = _KNOWN.get(unit)
    if known is not None:
        return known.canonical
    import pint

    try:
        return str(_ureg().Unit(unit))
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        ValueError,
        TypeError,
        ZeroDivisionError,  # "1/0"
        AssertionError,  # pint asserts on some malformed expressions
    ):
        raise UnitError(unit, _REGISTRY_UNIT, location) from None


def to_quantity(value: Decimal | int, unit: str) -> pint.Quantity[Decimal]:
    """Build a quantity with a Decimal magnitude (floats are refused).

    Raises:
        UnitError: If *unit* is unknown.
        ArgumentTypeError: If *value* is a float, a string or anything but a Decimal or an int
            (a ``TypeError`` too).
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ArgumentTypeError("value", value, "a Decimal or an int, not a float")
    quantity: pint.Quantity[Decimal] = _ureg().Quantity(Decimal(value), check_unit(unit))
    return quantity
