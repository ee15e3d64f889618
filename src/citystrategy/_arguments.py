"""Checks of public functions' arguments, raising the typed errors of :mod:`citystrategy.errors`.

Each public function checks its own arguments once, on entry; helpers trust them.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Collection, Iterable, Mapping
from enum import Enum
from typing import TypeVar

from citystrategy._i18n import N_
from citystrategy.errors import ArgumentError, ArgumentTypeError, Message, YearError

_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")


def integer(value: object, argument: str) -> int:
    """*value* as an int; a bool, a float or a string is an :class:`ArgumentTypeError`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(argument, value, Message(N_("an int")))
    return int(value)


def real(value: object, argument: str) -> float:
    """*value* as a float; a bool, a string or ``None`` is an :class:`ArgumentTypeError`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentTypeError(argument, value, Message(N_("a number")))
    return float(value)


def text(value: object, argument: str) -> str:
    """*value* itself if it is a string, else an :class:`ArgumentTypeError`."""
    if not isinstance(value, str):
        raise ArgumentTypeError(argument, value, Message(N_("a string")))
    return value


def instance(value: object, argument: str, cls: type[_T], expected: str) -> _T:
    """*value* itself if it is a *cls*, else an :class:`ArgumentTypeError` saying *expected*."""
    if not isinstance(value, cls):
        raise ArgumentTypeError(argument, value, expected)
    return value


def each(values: object, argument: str, cls: type[_T], expected: str) -> tuple[_T, ...]:
    """*values* as a tuple if it is a collection (not a string or a mapping) of *cls* items, else
    an :class:`ArgumentTypeError` for the whole or, naming its index, for the first wrong item."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        wanted = Message(N_("a collection of {expected}"), {"expected": Message(expected)})
        raise ArgumentTypeError(argument, values, wanted)
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise ArgumentTypeError(f"{argument}[{index}]", item, expected)
    return items


def path(value: object, argument: str) -> str | os.PathLike[str]:
    """*value* itself if it is a string or a path object, else an :class:`ArgumentTypeError`."""
    if not isinstance(value, str | os.PathLike):
        raise ArgumentTypeError(argument, value, Message(N_("a path (a string or a path object)")))
    return value


def member(kind: type[_E], value: object, argument: str) -> _E:
    """The member of *kind* that *value* is or names; anything else is an :class:`ArgumentError`."""
    try:
        return kind(value)
    except ValueError:
        allowed = tuple(str(m.value) for m in kind)
        raise ArgumentError(
            argument, value, Message(N_("one of {allowed}"), {"allowed": allowed})
        ) from None


def year_within(value: object, argument: str, years: Collection[int], what: str) -> int:
    """*value* as an int between the first and last of *years* (any year if there are none)."""
    checked = integer(value, argument)
    if years and not min(years) <= checked <= max(years):
        raise YearError(argument, checked, sorted(years), what)
    return checked
