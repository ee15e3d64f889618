"""Exact unit conversion: a ratio built from the registry's definitions.

pint converts with float factors (``31791 GJ`` becomes ``8830.8333333333340398 MWh``), so a value
converted on load would carry float digits. Here the factor of each unit to its base units is
rebuilt as a :class:`~fractions.Fraction` from the definitions of the one registry
(``kilo- = 1e3``, ``hour = 60 * minute``, ``watt_hour = watt * hour``), and a value is converted
only when the result is an exact decimal.

It reads the registry's definitions through pint's private ``_units`` and ``_prefixes``, which
the pin ``pint<0.26`` in ``pyproject.toml`` keeps stable; a pint upgrade must run its tests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal, Inexact, localcontext
from fractions import Fraction
from functools import lru_cache

from citystrategy import units
from citystrategy._i18n import N_
from citystrategy.errors import Message, UnitName
from citystrategy.units import unit_facts


def _scale(value: object) -> Fraction:
    # A definition's number is parsed from a short literal (1e-6, 3.6e3, 4.184); the shortest
    # repr of that float gives the literal back.
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(str(value))


#: An exact factor to base units, and those base units with their powers.
_Root = tuple[Fraction, tuple[tuple[str, int], ...]]


def _power(exponent: object) -> int | None:
    """A whole exponent as an int (``None`` for a fractional one, which is never exact)."""
    if isinstance(exponent, int):
        return exponent
    if isinstance(exponent, float | Fraction) and exponent == int(exponent):
        return int(exponent)
    return None


def _combine(factor: Fraction, items: Iterable[tuple[str, object]]) -> _Root | None:
    """*factor* times the product of the roots of *items* (unit names with exponents)."""
    bases: Counter[str] = Counter()
    for name, exponent in items:
        inner, power = _root(name), _power(exponent)
        if inner is None or power is None:
            return None
        factor *= inner[0] ** power
        for base, base_power in inner[1]:
            bases[base] += base_power * power
    return factor, tuple(sorted((b, p) for b, p in bases.items() if p))


@lru_cache(maxsize=256)
def _root(name: str) -> _Root | None:
    """The exact factor of the unit *name* to its base units, and those units; ``None`` if the
    registry's definition is not a plain scale (an offset unit, an unparsable name)."""
    import pint

    ureg = units.ureg
    try:
        ((prefix, unit, _suffix),) = ureg.parse_unit_name(name)
        definition = ureg._units[unit]
    except (ValueError, KeyError, pint.errors.PintError):
        return None
    factor = Fraction(1)
    if prefix:
        prefix_converter = ureg._prefixes[prefix].converter
        if prefix_converter is None or not hasattr(prefix_converter, "scale"):
            return None
        factor = _scale(prefix_converter.scale)
    if definition.is_base:
        return factor, ((unit, 1),)
    converter, reference = definition.converter, definition.reference
    if converter is None or reference is None:
        return None
    if not converter.is_multiplicative or not hasattr(converter, "scale"):
        return None
    return _combine(factor * _scale(converter.scale), reference.items())


def root_from_registry(unit: str) -> _Root | None:
    """The exact factor of *unit* to its base units, and those units, as the registry defines
    them (``None`` if not a plain scale); raises what the registry raises for a bad unit."""
    return _combine(Fraction(1), units.ureg.Unit(unit)._units.items())


def _root_of(unit: str) -> _Root | None:
    # the table of known units first: no registry for the units the packaged data use
    return unit_facts(unit).root


def ratio(printed: str, expected: str) -> Fraction | None:
    """How many *expected* one *printed* is, exactly (``None`` if it cannot be built exactly).

    Both units must be of one dimensionality (checked by the caller).
    """
    source, target = _root_of(printed), _root_of(expected)
    if source is None or target is None or source[1] != target[1]:
        return None
    return source[0] / target[0]


def _is_terminating(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def convert(number: Decimal, factor: Fraction) -> Decimal | None:
    """*number* times *factor*, exactly; ``None`` when the product is not a finite decimal
    (``1 GJ`` is ``5/18 MWh``, a repeating decimal)."""
    if factor == 1:
        return number
    exact = Fraction(number) * factor
    if not _is_terminating(exact):
        return None
    with localcontext() as context:
        # enough digits for any terminating quotient of these sizes; rounding would be a bug
        sizes = (exact.numerator, exact.denominator, factor.numerator, factor.denominator)
        context.prec = max(28, 4 * sum(len(str(abs(n))) for n in sizes) + len(str(number)))
        context.traps[Inexact] = True
        if _is_terminating(factor):
            # the digits as written, shifted: 1 234,5 kWh is 1,2345 MWh
            product = number * (Decimal(factor.numerator) / Decimal(factor.denominator))
        else:
            product = Decimal(exact.numerator) / Decimal(exact.denominator)
        return _plain(product)


def _plain(number: Decimal) -> Decimal:
    """*number* without the zeros a conversion left after its last significant digit: 1,6 mld zł
    is 1 600 000 tys. zł (not 1 600 000,0), 800 000 000 zł is 800 mln zł (not 800,000000).

    >>> _plain(Decimal("800.000000")), _plain(Decimal("1.6E+6")), _plain(Decimal("1.2345"))
    (Decimal('800'), Decimal('1600000'), Decimal('1.2345'))
    """
    normal = number.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal  # type: ignore[operator]


def to_unit(number: Decimal, printed: str, unit: str) -> Decimal | Message:
    """*number* in *printed* written in *unit*, exactly; or why it cannot be (a message, the
    units shown by their labels in the reader's language).

    Both units must be of one dimensionality (checked by the caller).

    >>> to_unit(Decimal("1234.5"), "kilowatt_hour", "megawatt_hour")
    Decimal('1.2345')
    >>> str(to_unit(Decimal("31791"), "gigajoule", "megawatt_hour"))
    "31791 'GJ' is not a finite decimal in 'MWh' (1 'GJ' = 5/18 'MWh'); write the value in 'MWh'"
    """
    factor = ratio(printed, unit)
    converted = None if factor is None else convert(number, factor)
    if converted is not None:
        return converted
    values: dict[str, object] = {"found": UnitName(printed), "unit": UnitName(unit)}
    if factor is None:
        template = N_(
            "{found!r} cannot be converted to {unit!r} exactly; write the value in {unit!r}"
        )
        return Message(template, values)
    template = N_(
        "{number} {found!r} is not a finite decimal in {unit!r} (1 {found!r} = "
        "{numerator}/{denominator} {unit!r}); write the value in {unit!r}"
    )
    values |= {"number": number, "numerator": factor.numerator, "denominator": factor.denominator}
    return Message(template, values)
