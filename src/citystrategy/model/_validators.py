"""Named converters and validators shared by the model classes (attrs needs named functions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from attrs import Attribute

from citystrategy._i18n import N_
from citystrategy.errors import Message, ModelError


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Freeze an iterable of strings (a lone string is refused: it would split into letters)."""
    if isinstance(values, str):
        msg = f"expected a sequence of strings, not a single string (got {values!r})"
        raise TypeError(msg)
    return tuple(values)


def pairs(values: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Freeze ``(code, name)`` pairs (lists inside a frozen object would make it unhashable)."""
    frozen = tuple((str(code), str(name)) for code, name in values)
    return frozen


def int_tuple(values: Iterable[int]) -> tuple[int, ...]:
    """Freeze an iterable of ints; anything else (a string, a bool, a float) is refused."""
    frozen = tuple(values)
    for value in frozen:
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"expected integers (got {value!r} of type {type(value).__name__})"
            raise TypeError(msg)
    return frozen


def decimal_or_none(value: Decimal | int | None) -> Decimal | None:
    """Convert an int to Decimal losslessly; floats are refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        msg = f"expected a Decimal or an int (got {value!r} of type {type(value).__name__})"
        raise TypeError(msg)
    return Decimal(value)


def to_decimal(value: Decimal | int) -> Decimal:
    """Convert an int to Decimal losslessly; floats are refused."""
    converted = decimal_or_none(value)
    assert converted is not None  # None is not accepted by the signature
    return converted


def non_blank(instance: object, attribute: Attribute[str], value: str) -> None:
    """Refuse an empty or all-space string."""
    if not value.strip():
        entity = type(instance).__name__
        template = N_("{name!r} must not be blank (got {value!r})")
        raise ModelError(entity, Message(template, {"name": attribute.name, "value": value}))


def finite(instance: object, attribute: Attribute[Any], value: Decimal | None) -> None:
    """Refuse NaN and infinities."""
    if value is not None and not value.is_finite():
        entity = type(instance).__name__
        template = N_("{name!r} must be a finite number (got {value})")
        values = {"name": attribute.name, "value": repr(value)}
        raise ModelError(entity, Message(template, values))


def matches(pattern: str, example: str) -> Callable[[object, Attribute[str], str], None]:
    """A validator refusing a string that is not wholly *pattern* (shown with an *example*)."""
    compiled = re.compile(pattern)

    def check(instance: object, attribute: Attribute[str], value: str) -> None:
        if not compiled.fullmatch(value):
            entity = type(instance).__name__
            template = N_("{name!r} must be written like {example!r} (got {value!r})")
            values = {"name": attribute.name, "example": example, "value": value}
            raise ModelError(entity, Message(template, values))

    return check
