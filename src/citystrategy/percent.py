"""Rates and shares at the public boundary: always percent, never a bare number.

A bare ``0.85`` could mean 85% or 0,85%, so no public function of citystrategy takes one where a
rate or a share is expected. Pass a :class:`Percent` (``Percent(85)`` is 85%) or a pint quantity
in percent (``Q_(85, "percent")``); a dimensionless quantity converts (``Q_(0.85, "")`` is 85%).
A bare ``int``, ``float`` or ``Decimal`` is an :class:`~citystrategy.errors.ArgumentTypeError`
(a ``TypeError``) whose message shows how to pass it.

Statistical levels (``alpha``, a confidence level) are not rates: they keep their usual
fraction form (``0.95``) and must lie strictly between 0 and 1.

>>> from decimal import Decimal
>>> Percent(85)
Percent(value=Decimal('85'))
>>> Percent("88.6").fraction
Decimal('0.886')
>>> as_percent(Percent(85), "rate")
Decimal('85')
>>> as_percent(Decimal("0.85"), "rate")
Traceback (most recent call last):
...
citystrategy.errors.ArgumentTypeError: 'rate' must be a rate in percent: Percent(85) for 85%, or a pint quantity such as Q_(85, 'percent') (got Decimal('0.85') of type Decimal)
"""

from __future__ import annotations

import numbers
import sys
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from attrs import field, frozen

from citystrategy.errors import ArgumentError, ArgumentTypeError

__all__ = ["PERCENT_EXPECTED", "Percent", "as_percent", "fraction_level"]

#: What a rate argument must be, as error messages say it.
PERCENT_EXPECTED: Final = (
    "a rate in percent: Percent(85) for 85%, or a pint quantity such as Q_(85, 'percent')"
)

_HUNDRED: Final = Decimal(100)


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | numbers.Rational | float | str):
        raise ArgumentTypeError("value", value, "a number of percent (Percent(85) for 85%)")
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, ValueError, TypeError):
        raise ArgumentError("value", value, "a number of percent, written with a dot") from None
    if not number.is_finite():
        raise ArgumentError("value", value, "a finite number of percent")
    return number


@frozen(order=True)
class Percent:
    """A rate or a share in percent: ``Percent(85)`` is 85%, ``Percent("0.5")`` is 0,5%.

    A float is taken as it is printed (``Percent(88.6)`` is exactly 88,6%). The value is not
    bounded: a growth rate may be negative or exceed 100%; functions that need a share check
    its range themselves. Percent values compare by their value (``Percent(5) < Percent(85)``).

    Attributes:
        value: The number of percent, exact.
    """

    value: Decimal = field(converter=_to_decimal)

    @property
    def fraction(self) -> Decimal:
        """The rate as a fraction of one (``Percent(85).fraction == Decimal("0.85")``)."""
        return self.value / _HUNDRED

    def __str__(self) -> str:
        return f"{self.value}%"


def _quantity_percent(value: Any) -> Decimal | None:
    """*value* in percent if it is a dimensionless pint quantity, ``None`` if not a quantity."""
    pint = sys.modules.get("pint")  # a quantity exists only if pint was imported
    if pint is None or not isinstance(value, pint.Quantity):
        return None
    if not value.dimensionless:
        return None
    # Scale the printed magnitude exactly: 0.07 (dimensionless) is 7%, not 7.000000000000001%.
    factor = (1 * value.units).to("percent").magnitude
    return Percent(value.magnitude).value * Percent(factor).value


def as_percent(value: object, argument: str) -> Decimal:
    """*value* as a number of percent, exact.

    Args:
        value: A :class:`Percent` or a dimensionless pint quantity (``Q_(85, "percent")``,
            ``Q_(0.85, "")``).
        argument: The parameter's name, for the error.

    Raises:
        ArgumentTypeError: If *value* is a bare number, a string, a quantity with a dimension
            (``Q_(85, "PLN")``) or anything else; the message shows how to pass a rate.
    """
    if isinstance(value, Percent):
        return value.value
    converted = _quantity_percent(value)
    if converted is None:
        raise ArgumentTypeError(argument, value, PERCENT_EXPECTED)
    return converted


def fraction_level(value: object, argument: str) -> float:
    """*value* as a float strictly between 0 and 1: a statistical level such as ``alpha=0.05``.

    Raises:
        ArgumentTypeError: If *value* is not a real number (a bool, a string, a Percent).
        ArgumentError: If *value* is not strictly between 0 and 1 (``95`` for a 95% level).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(argument, value, "a number strictly between 0 and 1, e.g. 0.95")
    number = float(value)
    if not 0.0 < number < 1.0:
        raise ArgumentError(argument, value, "a number strictly between 0 and 1, e.g. 0.95")
    return number
