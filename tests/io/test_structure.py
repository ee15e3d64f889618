"""Tests of the structuring step the TOML readers share (citystrategy.io._structure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs
import pytest

from citystrategy.io._files import Problems
from citystrategy.io._structure import Shape, Structurer
from citystrategy.money import Money


class Colour(StrEnum):
    """A small enumeration."""

    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class Part:
    """A nested table."""

    name: str


@attrs.frozen(kw_only=True)
class Thing:
    """Every kind of field the structurer reads."""

    name: str
    count: int
    on: dt.date
    flag: bool = False
    colour: Colour = Colour.RED
    share: Decimal | None = None
    cost: Money | None = None
    tags: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()


GOOD: Mapping[str, Any] = {
    "name": " Rzecz ",
    "count": 3,
    "on": dt.date(2024, 6, 20),
    "flag": True,
    "colour": "blue",
    "share": "12,5",
    "cost": "1 234,56 zł",
    "tags": ["a", "b"],
    "parts": [{"name": "p"}],
}


def test_every_field_kind_is_read() -> None:
    """Text (trimmed), numbers, dates, flags, enums, verbatim decimals and money, lists, tables."""
    problems = Problems("thing.toml")
    thing = Structurer({}).structure(Thing, GOOD, "thing", problems)
    assert problems.items == []
    assert thing == Thing(
        name="Rzecz",
        count=3,
        on=dt.date(2024, 6, 20),
        flag=True,
        colour=Colour.BLUE,
        share=Decimal("12.5"),
        cost=Money(Decimal("1234.56")),
        tags=("a", "b"),
        parts=(Part(name="p"),),
    )


def test_every_problem_of_a_table_with_its_path() -> None:
    """Wrong types, an unknown key, a missing key and a bad nested value are all reported."""
    data = {
        **GOOD,
        "name": 12.5,
        "flag": "yes",
        "colour": "green",
        "on": dt.datetime(2024, 6, 20, 12, 0),
        "tags": "a",
        "parts": [{"name": "p"}, {"nazwa": "q"}],
        "extra": 1,
    }
    del data["count"]
    problems = Problems("thing.toml")
    assert Structurer({}).structure(Thing, data, "thing", problems) is None
    assert list(map(str, problems.items)) == [
        "thing.name: expected text, found a number with a fraction 12.5",
        "thing: missing key 'count'",
        "thing.on: expected a date such as 2024-06-20, found a date-time datetime.datetime(2024, 6, 20, 12, 0)",
        "thing.flag: expected true or false, found text 'yes'",
        "thing.colour: expected one of 'red', 'blue', found text 'green'",
        "thing.tags: expected a list, found text 'a'",
        "thing.parts[2]: missing key 'name'",
        "thing.parts[2]: unknown key(s) 'nazwa' (known: name)",
        "thing: unknown key(s) 'extra' (known: colour, cost, count, flag, name, on, parts, share, tags)",
    ]


def test_a_float_for_an_exact_number_is_refused() -> None:
    """A decimal or an amount written as a TOML float would lose exactness: refused."""
    problems = Problems("thing.toml")
    Structurer({}).structure(Thing, {**GOOD, "share": 12.5, "cost": 1234.56}, "thing", problems)
    assert list(map(str, problems.items)) == [
        "thing.share: expected a number written as text, e.g. '12,5', found a number with a fraction 12.5",
        "thing.cost: expected an amount written as text, e.g. '1 234,56 zł', found a number with a fraction 1234.56",
    ]


def test_keys_hooks_and_derived_fields() -> None:
    """A renamed key, a field hook and a field derived from another key."""

    def derive(table: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
        return {"count": len(str(table["label"]))}

    def loud(raw: object, where: str, problems: Problems) -> str:
        return str(raw).upper()

    shapes = Structurer(
        {
            Thing: Shape(
                keys={"on": "date"},
                hooks={"name": loud},
                skip=frozenset({"count"}),
                extra=frozenset({"label"}),
                derive=derive,
            )
        }
    )
    data = {"name": "x", "date": dt.date(2024, 1, 1), "label": "abcd"}
    problems = Problems("thing.toml")
    thing = shapes.structure(Thing, data, "thing", problems)
    assert problems.items == []
    assert thing is not None
    assert (thing.name, thing.count, thing.on) == ("X", 4, dt.date(2024, 1, 1))


def test_a_field_no_one_supplies_is_a_programming_error() -> None:
    """A skipped required field that is neither derived nor given, with no problem saying why."""
    shapes = Structurer({Thing: Shape(skip=frozenset({"count"}))})
    with pytest.raises(TypeError, match="Thing needs count"):
        shapes.structure(Thing, {"name": "x", "on": dt.date(2024, 1, 1)}, "thing", Problems("f"))


def test_a_failed_derivation_leaves_its_problem() -> None:
    """When the derivation records why it failed, the object is not built and nothing raises."""

    def derive(table: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
        problems.add(f"{where}.label", "unreadable")
        return {}

    shapes = Structurer(
        {Thing: Shape(skip=frozenset({"count"}), extra=frozenset({"label"}), derive=derive)}
    )
    problems = Problems("thing.toml")
    data = {"name": "x", "on": dt.date(2024, 1, 1), "label": "?"}
    assert shapes.structure(Thing, data, "thing", problems) is None
    assert list(map(str, problems.items)) == ["thing.label: unreadable"]


def test_a_missing_table() -> None:
    """A table the file lacks (``None`` from ``.get``) is named as missing."""
    problems = Problems("thing.toml")
    assert Structurer({}).structure(Thing, None, "thing", problems) is None
    assert list(map(str, problems.items)) == ["thing: missing table [thing]"]
