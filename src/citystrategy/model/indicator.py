"""Indicators, their targets and observed values."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from attrs import field, frozen, validators

from citystrategy._arguments import instance
from citystrategy._i18n import N_
from citystrategy.errors import Message, ModelError
from citystrategy.model._validators import decimal_or_none, entity, finite, non_blank, to_decimal

__all__ = [
    "Direction",
    "Indicator",
    "Level",
    "Missing",
    "Observation",
    "Target",
    "TargetKind",
    "ValueRange",
]


class Level(StrEnum):
    """Which level of the strategy an indicator measures."""

    IMPACT = "impact"  #: wskaźnik oddziaływania: a strategic goal
    RESULT = "result"  #: wskaźnik rezultatu: an operational goal


class Direction(StrEnum):
    """Which way counts as improvement (kierunek zmiany pożądanej). Always stated, never guessed."""

    HIGHER_IS_BETTER = "higher_is_better"  #: stymulanta
    LOWER_IS_BETTER = "lower_is_better"  #: destymulanta
    WITHIN_RANGE = "within_range"  #: nominanta: best inside a band


class TargetKind(StrEnum):
    """What satisfies a target."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EXACTLY = "exactly"  #: equal within ``tolerance``
    WITHIN_RANGE = "within_range"  #: between ``low`` and ``high``, inclusive


def _low_above_high(low: Decimal, high: Decimal) -> Message:
    template = N_("'low' {low} is above 'high' {high}")
    return Message(template, {"low": low, "high": high})


@frozen(kw_only=True)
class Target:
    """A target value (wartość docelowa) to reach by a year.

    Values are in the unit of the indicator the target belongs to.

    Attributes:
        kind: What satisfies the target.
        value: The target value, for ``at_least``, ``at_most`` and ``exactly``.
        low: Lower end of a ``within_range`` target.
        high: Upper end of a ``within_range`` target.
        tolerance: Allowed distance from ``value`` for an ``exactly`` target.
        year: Year by which the target should be met.
        limit: The target is a limit to stay within (a legal limit value, a bound printed as
            ``<45``), not a value to move toward: satisfying it already is no contradiction.
        raw: The target as printed in the source (``"<45"``, ``"20 ug/m3"``), for traceability.
    """

    kind: TargetKind
    value: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)
    low: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)
    high: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)
    tolerance: Decimal = field(default=Decimal(0), converter=to_decimal, validator=finite)
    year: int = field(validator=validators.instance_of(int))
    limit: bool = False
    raw: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind is TargetKind.WITHIN_RANGE:
            if self.low is None or self.high is None or self.value is not None:
                template = N_("a target range needs 'low' and 'high' only")
                raise ModelError(entity(self), Message(template))
            if self.low > self.high:
                raise ModelError(entity(self), _low_above_high(self.low, self.high))
        elif self.value is None or self.low is not None or self.high is not None:
            template = N_("a target of the kind {kind!r} needs 'value' only")
            raise ModelError(entity(self), Message(template, {"kind": self.kind.value}))
        if self.tolerance < 0:
            template = N_("'tolerance' must not be negative (got {value})")
            raise ModelError(entity(self), Message(template, {"value": self.tolerance}))

    def is_met(self, value: Decimal) -> bool:
        """Return whether *value* satisfies the target.

        >>> Target(kind=TargetKind.AT_MOST, value=Decimal(20), year=2030).is_met(Decimal(17))
        True

        Raises:
            ArgumentTypeError: If *value* is not a Decimal.
        """
        instance(value, "value", Decimal, "a Decimal")
        if self.kind is TargetKind.AT_LEAST:
            assert self.value is not None  # checked at construction
            return value >= self.value
        if self.kind is TargetKind.AT_MOST:
            assert self.value is not None
            return value <= self.value
        if self.kind is TargetKind.EXACTLY:
            assert self.value is not None
            return abs(value - self.value) <= self.tolerance
        assert self.low is not None
        assert self.high is not None
        return self.low <= value <= self.high


@frozen(kw_only=True)
class ValueRange:
    """The values an indicator can plausibly take, in its unit; either end may be open.

    A value outside is not refused (the source may print it), but :func:`citystrategy.check`
    reports it.

    Attributes:
        low: The lowest plausible value, or ``None`` for no lower end.
        high: The highest plausible value, or ``None`` for no upper end.

    >>> share = ValueRange(low=Decimal(0), high=Decimal(100))
    >>> Decimal("146") in share, Decimal("4.6") in share
    (False, True)
    >>> str(share), str(ValueRange(low=Decimal(0))), str(ValueRange())
    ('0..100', '0..', '..')
    """

    low: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)
    high: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ModelError(entity(self), _low_above_high(self.low, self.high))

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, Decimal | int) or isinstance(value, bool):
            return False
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def __str__(self) -> str:
        def end(value: Decimal | None) -> str:
            return "" if value is None else str(value)

        return f"{end(self.low)}..{end(self.high)}"


@frozen(kw_only=True)
class Indicator:
    """A measurable indicator of one goal, with its target.

    Attributes:
        code: Stable identifier, e.g. ``"KIE-1.1-01"``.
        name: Official Polish name, verbatim from the source.
        unit: Canonical unit of the citystrategy registry (``"percent"``, ``"PLN"``, ``"day"``).
        level: Impact (strategic goal) or result (operational goal).
        goal_code: Code of the goal the indicator measures (``"1"`` or ``"1.1"``).
        direction: Which way counts as improvement, stated explicitly.
        target: The target, if the strategy sets one.
        survey: Whether values come from a residents' opinion survey.
        source: Where the indicator and its values come from.
        note: Why the unit, direction or target kind was chosen, where not obvious.
        value_range: The range its values can plausibly take, if declared; without one,
            :func:`citystrategy.check` assumes one from the unit (0..100 for a percentage,
            non-negative for a count, persons or money).
        responsible: The unit responsible for its values (a department, a municipal unit),
            as the city names it; empty when not known.
    """

    code: str = field(validator=non_blank)
    name: str = field(validator=non_blank)
    unit: str = field(validator=non_blank)
    level: Level
    goal_code: str = field(validator=non_blank)
    direction: Direction
    target: Target | None = None
    survey: bool = False
    source: str = ""
    note: str = ""
    value_range: ValueRange | None = None
    responsible: str = ""


@frozen(kw_only=True)
class Missing:
    """Why a value is missing: never zero, always with a reason.

    Attributes:
        code: Stable reason code, e.g. ``"not_yet_published"``.
        marker: The sign printed in the source (``"- *"``, ``"–"``, ``"."``).
        text: The explanation, as the source gives it.
    """

    code: str = field(validator=non_blank)
    marker: str = ""
    text: str = ""


@frozen(kw_only=True)
class Observation:
    """The value of one indicator for one territory in one year, or why it is missing.

    Attributes:
        indicator: Code of the indicator.
        territory: Id of the territory (TERYT code or another stable id).
        year: The year the value refers to.
        value: The value in the indicator's unit, exactly as printed; ``None`` when missing.
        missing: Why the value is missing; set exactly when ``value`` is ``None``.
        raw: The value as printed in the source.
        source: Where this value comes from, when not from the indicator's source (a data-entry
            form of a later year, a correction); empty when it is the indicator's source.
    """

    indicator: str = field(validator=non_blank)
    territory: str = field(validator=non_blank)
    year: int = field(validator=validators.instance_of(int))
    value: Decimal | None = field(default=None, converter=decimal_or_none, validator=finite)
    missing: Missing | None = None
    raw: str = ""
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if (self.value is None) == (self.missing is None):
            template = N_("observation of {code!r} in {year}")
            where = Message(template, {"code": self.indicator, "year": self.year})
            problem = Message(N_("give either a 'value' or a 'missing' reason, not both"))
            raise ModelError(where, problem)
