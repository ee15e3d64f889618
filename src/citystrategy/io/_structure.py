"""One structuring step for the TOML files: model classes read from their own attrs fields.

A table is read into an attrs class by walking ``attrs.fields``: each field's key is looked up,
its value checked against the field's declared type (``str``, ``int``, ``bool``, a date,
``Decimal``, :class:`~citystrategy.money.Money`, an enumeration, another attrs class, a tuple of
one of these, or ``X | None``), and the object is built only when all of its fields are right.
A key the class does not declare, a missing required key, or a value of the wrong type is a
problem with its path (``strategic_goals[2].operational_goals[1].name``); nothing is
stringified or guessed, and every problem of the file is collected before the file is refused.

A :class:`Shape` adapts one class to its file where the two differ: a key spelt otherwise
(``goal`` for ``goal_code``), a field parsed from verbatim text (``"0,6%"`` for a share), a field
that comes from another file, a key that is read elsewhere.

cattrs does this too, but it reports failures as exception groups with zero-based paths and its
own wording, which would have to be taken apart again into the located problems the readers
report, and its hooks are chosen by type, while these files need hooks chosen by field.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import attrs

from citystrategy._i18n import N_
from citystrategy.errors import Message
from citystrategy.io._files import Problems, call, check_keys
from citystrategy.io.parse import parse_decimal, parse_money
from citystrategy.money import Money

T = TypeVar("T")

#: A field's reader: ``hook(value, where, problems)``; it records a problem when it fails.
Hook = Callable[[Any, str, Problems], Any]


@attrs.frozen(kw_only=True)
class Shape:
    """How one attrs class is written in a file, where that differs from its fields.

    Attributes:
        keys: The key in the file of a field whose key is not its name.
        hooks: Readers of fields written as verbatim text, or in another shape than their type.
        skip: Fields not read from a key of their own: derived, passed by the caller, or left
            at their default.
        extra: Keys of the file that are not fields of the class (read by *derive* or the caller).
        derive: Reads fields of *skip* from several keys of the table (an amount's money, its
            precision and its text from ``amount``); it records a problem for what it cannot read.
    """

    keys: Mapping[str, str] = attrs.field(factory=dict)
    hooks: Mapping[str, Hook] = attrs.field(factory=dict)
    skip: frozenset[str] = frozenset()
    extra: frozenset[str] = frozenset()
    derive: Callable[[Mapping[str, Any], str, Problems], Mapping[str, Any]] | None = None


_FIELDS: dict[type, tuple[tuple[str, Any, bool], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """``(name, type, required)`` of each field of *cls*, with the annotations resolved."""
    if cls in _FIELDS:
        return _FIELDS[cls]
    hints = typing.get_type_hints(cls)
    _FIELDS[cls] = found = tuple(
        (field.name, hints[field.name], field.default is attrs.NOTHING)
        for field in attrs.fields(cls)
    )
    return found


def _key(where: str) -> str:
    """The last key of a path: ``cost`` of ``declared.goals[1].cost``."""
    return where.rsplit(".", 1)[-1]


def _describe(value: object) -> Message:
    kind = {
        str: N_("text {value!r}"),
        bool: N_("true or false {value!r}"),
        int: N_("a whole number {value!r}"),
        float: N_("a number with a fraction {value!r}"),
        list: N_("a list {value!r}"),
        dict: N_("a table {value!r}"),
        dt.date: N_("a date {value!r}"),
        dt.datetime: N_("a date-time {value!r}"),
    }.get(type(value))
    if kind is None:
        return Message("{kind} {value!r}", {"kind": type(value).__name__, "value": value})
    return Message(kind, {"value": value})


class Structurer:
    """Reads attrs classes from TOML tables; one per kind of file, with its shapes."""

    def __init__(self, shapes: Mapping[type, Shape]) -> None:
        self._shapes = dict(shapes)

    def structure(
        self, cls: type[T], data: object, where: str, problems: Problems, /, **given: Any
    ) -> T | None:
        """An instance of *cls* from the table *data*, or ``None`` with its problems recorded.

        Args:
            cls: The attrs class.
            data: The table, as ``tomllib`` read it.
            where: Its path in the file, for the problems.
            problems: Where the problems go.
            given: Values of fields that come from elsewhere (another file, another table).

        Raises:
            TypeError: If a required field is neither read, derived nor given, and no problem
                says why (a mistake in a shape, not in the file).
        """
        if data is None:  # the caller's .get() of a table the file lacks
            problems.add(where, N_("missing table [{key}]"), key=where)
            return None
        if not isinstance(data, Mapping):
            problems.add(where, N_("expected a table, found {found}"), found=_describe(data))
            return None
        shape = self._shapes.get(cls, Shape())
        before = len(problems.items)
        derived = {} if shape.derive is None else dict(shape.derive(data, where, problems))
        values: dict[str, Any] = {}
        unsupplied: list[str] = []
        known = set(shape.extra)
        for name, kind, required in _fields(cls):
            if name in shape.skip:
                if name in given or name in derived:
                    values[name] = given[name] if name in given else derived[name]
                elif required:
                    unsupplied.append(name)
                continue
            key = shape.keys.get(name, name)
            known.add(key)
            if name in given:
                values[name] = given[name]
                continue
            if key not in data:
                if required:
                    problems.add(where, N_("missing key {key!r}"), key=key)
                continue
            at = f"{where}.{key}"
            hook = shape.hooks.get(name)
            raw = data[key]
            values[name] = hook(raw, at, problems) if hook else self.value(kind, raw, at, problems)
        check_keys(data, known, where, problems)
        if unsupplied and len(problems.items) == before:
            msg = f"{cls.__name__} needs {', '.join(unsupplied)}: derive or give them"
            raise TypeError(msg)
        if len(problems.items) > before:
            return None
        return call(problems, where, cls, **values)

    def value(self, kind: Any, raw: object, where: str, problems: Problems) -> Any:
        """*raw* as a value of the type *kind*, or ``None`` with a problem recorded."""
        origin = typing.get_origin(kind)
        arguments = typing.get_args(kind)
        if origin in (types.UnionType, typing.Union):
            (inner,) = (argument for argument in arguments if argument is not type(None))
            return self.value(inner, raw, where, problems)
        if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
            if not isinstance(raw, list):
                problems.add(where, N_("expected a list, found {found}"), found=_describe(raw))
                return None
            return tuple(
                self.value(arguments[0], item, f"{where}[{number}]", problems)
                for number, item in enumerate(raw, start=1)
            )
        if isinstance(kind, type) and attrs.has(kind) and kind is not Money:
            return self.structure(kind, raw, where, problems)
        if isinstance(kind, type) and issubclass(kind, Enum):
            allowed = [member.value for member in kind]
            if isinstance(raw, str) and raw in allowed:
                return kind(raw)
            message = N_("expected one of {allowed}, found {found}")
            problems.add(where, message, allowed=tuple(allowed), found=_describe(raw))
            return None
        return self._scalar(kind, raw, where, problems)

    @staticmethod
    def _scalar(kind: Any, raw: object, where: str, problems: Problems) -> Any:
        if kind is str and isinstance(raw, str):
            return raw.strip()
        if kind is bool and isinstance(raw, bool):
            return raw
        if kind is int and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if kind is dt.date and isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if kind is Decimal and isinstance(raw, int) and not isinstance(raw, bool):
            return Decimal(raw)
        if kind is Decimal and isinstance(raw, str):
            return call(problems, where, parse_decimal, raw, field=_key(where))
        if kind is Money and isinstance(raw, str):
            return call(problems, where, parse_money, raw, field=_key(where))
        expected = {
            str: N_("text"),
            bool: N_("true or false"),
            int: N_("a whole number"),
            dt.date: N_("a date such as 2024-06-20"),
            Decimal: N_("a number written as text, e.g. '12,5'"),
            Money: N_("an amount written as text, e.g. '1 234,56 zł'"),
        }.get(kind)
        if expected is None:
            msg = f"no rule to read a field of type {kind!r}"
            raise TypeError(msg)
        message = N_("expected {expected}, found {found}")
        problems.add(where, message, expected=Message(expected), found=_describe(raw))
        return None
