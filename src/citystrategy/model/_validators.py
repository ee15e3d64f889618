"""Named converters and validators shared by the model classes (attrs needs named functions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

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


#: What each model class is called in a message (before a colon): the attribute that names an
#: object, the English template with it, and the template when it has none (or it is blank).
_ENTITIES: Final[dict[str, tuple[str, str, str]]] = {
    "ActionDirection": ("code", N_("action direction {key!r}"), N_("an action direction")),
    "AdoptedDocument": ("code", N_("adopted document {key!r}"), N_("an adopted document")),
    "AnnualReport": ("year", N_("annual report {key}"), N_("an annual report")),
    "Catalogue": ("code", N_("programme catalogue {key!r}"), N_("a programme catalogue")),
    "CityProfile": ("query", N_("city profile {key!r}"), N_("a city profile")),
    "DeclaredGoalFigures": (
        "goal_code",
        N_("declared figures of goal {key!r}"),
        N_("declared figures of a goal"),
    ),
    "DeclaredSummary": ("", "", N_("the declared summary")),
    "DocumentGoal": ("code", N_("goal {key!r} of a document"), N_("a goal of a document")),
    "Edition": ("code", N_("edition {key!r}"), N_("an edition")),
    "Figure": ("raw", N_("figure {key!r}"), N_("a figure")),
    "GoalLink": ("operational_goal", N_("link to goal {key!r}"), N_("a link to a goal")),
    "Implementer": ("name", N_("implementer {key!r}"), N_("an implementer")),
    "Indicator": ("code", N_("indicator {key!r}"), N_("an indicator")),
    "Membership": ("", "", N_("a membership")),
    "Missing": ("code", N_("missing-value sign {key!r}"), N_("a missing-value sign")),
    "MonitoringRules": ("", "", N_("the monitoring rules")),
    "Observation": ("indicator", N_("observation of {key!r}"), N_("an observation")),
    "OperationalGoal": ("code", N_("operational goal {key!r}"), N_("an operational goal")),
    "Output": ("text", N_("output {key!r}"), N_("an output")),
    "Participant": ("printed_name", N_("participant {key!r}"), N_("a participant")),
    "Partner": ("name", N_("partner {key!r}"), N_("a partner")),
    "Program": ("code", N_("programme {key!r}"), N_("a programme")),
    "ProgramEvent": ("name", N_("programme event {key!r}"), N_("a programme event")),
    "ProgramLink": ("program", N_("link to programme {key!r}"), N_("a link to a programme")),
    "ProgramNote": ("", "", N_("a programme note")),
    "Project": ("code", N_("project {key!r}"), N_("a project")),
    "Rate": ("raw", N_("rate {key!r}"), N_("a rate")),
    "ReportSection": ("section", N_("report section {key}"), N_("a report section")),
    "Source": ("key", N_("source {key!r}"), N_("a source")),
    "StrategicGoal": ("code", N_("strategic goal {key!r}"), N_("a strategic goal")),
    "Strategy": ("code", N_("strategy {key!r}"), N_("a strategy")),
    "Target": ("raw", N_("target {key!r}"), N_("a target")),
    "Territory": ("name", N_("territory {key!r}"), N_("a territory")),
    "TerritoryRegister": ("", "", N_("the territory register")),
    "ValueRange": ("", "", N_("a range of values")),
}


def entity(instance: object) -> Message:
    """What *instance* is, with the code or name that tells it apart, as a message.

    >>> from citystrategy.model import Indicator
    >>> str(entity(Indicator.__new__(Indicator)))
    'an indicator'
    """
    name = type(instance).__name__
    attribute, named, unnamed = _ENTITIES.get(name, ("", "", name))
    key = getattr(instance, attribute, None) if attribute else None
    if isinstance(key, int | str) and str(key).strip() and not isinstance(key, bool):
        return Message(named, {"key": key})
    return Message(unnamed)


def non_blank(instance: object, attribute: Attribute[str], value: str) -> None:
    """Refuse an empty or all-space string."""
    if not value.strip():
        template = N_("{name!r} must not be blank (got {value!r})")
        values = {"name": attribute.name, "value": value}
        raise ModelError(entity(instance), Message(template, values))


def finite(instance: object, attribute: Attribute[Any], value: Decimal | None) -> None:
    """Refuse NaN and infinities."""
    if value is not None and not value.is_finite():
        template = N_("{name!r} must be a finite number (got {value})")
        values = {"name": attribute.name, "value": str(value)}
        raise ModelError(entity(instance), Message(template, values))


def matches(pattern: str, example: str) -> Callable[[object, Attribute[str], str], None]:
    """A validator refusing a string that is not wholly *pattern* (shown with an *example*)."""
    compiled = re.compile(pattern)

    def check(instance: object, attribute: Attribute[str], value: str) -> None:
        if not compiled.fullmatch(value):
            template = N_("{name!r} must be written like {example!r} (got {value!r})")
            values = {"name": attribute.name, "example": example, "value": value}
            raise ModelError(entity(instance), Message(template, values))

    return check
