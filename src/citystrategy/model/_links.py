"""A strategy's links to programmes: a module of its own, so that a strategy loads without the
programme catalogue's classes (start-up time); :mod:`citystrategy.model.program` re-exports it."""

from __future__ import annotations

from attrs import field, frozen

from citystrategy.model._validators import non_blank, str_tuple

__all__ = ["ProgramLink"]


@frozen(kw_only=True)
class ProgramLink:
    """A programme attached to goals of a strategy (the strategy office decides the link).

    Attributes:
        program: Code of the programme.
        catalogue: Code of its catalogue.
        goal_codes: Codes of the goals it serves.
        note: Why.
    """

    program: str = field(validator=non_blank)
    catalogue: str = field(validator=non_blank)
    goal_codes: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    note: str = ""
