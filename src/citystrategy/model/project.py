"""Projects that carry out a strategy, with exact costs and links to goals."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from attrs import field, frozen

from citystrategy.model._validators import non_blank, str_tuple
from citystrategy.money import Money

__all__ = ["GoalLink", "Implementer", "ImplementerKind", "Project"]


class ImplementerKind(StrEnum):
    """Whether an implementer belongs to the city's own administration."""

    INTERNAL = "internal"  #: podmiot wewnętrzny: a department or municipal unit
    EXTERNAL = "external"  #: podmiot zewnętrzny


@frozen(kw_only=True)
class Implementer:
    """A body that carries out projects (realizator).

    Attributes:
        name: Its name, as the source gives it.
        kind: Internal or external, where known.
    """

    name: str = field(validator=non_blank)
    kind: ImplementerKind | None = None


@frozen(kw_only=True)
class GoalLink:
    """One link of a project to an operational goal, as one row of a goal table states it.

    Attributes:
        strategic_goal: Code of the strategic goal (``"1"``).
        operational_goal: Code of the operational goal (``"1.1"``).
        action_directions: Codes of the action directions named for the link.
        cost_cell: The cost cell of that row, verbatim (an amount, ``"jw."`` or a reference).
        source: Where the link is stated (e.g. ``"goal table 1, row 3"``).
        remark: Text of the direction cell that is not an action direction.
        project_name: The project's name as that row prints it, verbatim (empty when not
            known: the project's own name is meant).
    """

    strategic_goal: str = field(validator=non_blank)
    operational_goal: str = field(validator=non_blank)
    action_directions: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    cost_cell: str = ""
    source: str = ""
    remark: str = ""
    project_name: str = ""


def _links(values: Iterable[GoalLink]) -> tuple[GoalLink, ...]:
    return tuple(values)


@frozen(kw_only=True)
class Project:
    """A project or task (projekt / zadanie) of a strategy.

    A project listed under several goals is one project with several :class:`GoalLink` s; its
    cost counts once.

    Attributes:
        code: Stable identifier, e.g. ``"KIE-P-01"``.
        name: Name as first printed in the source.
        cost: Cost of carrying out the project (koszt realizacji), exact; ``None`` if not stated.
        links: The goals and action directions it serves.
        completed_in: Year of completion, if completed.
        implementer: Who carries it out, where known.
        description: Description of the work done, where the source gives one.
        aliases: Other spellings of the name in the source.
        note: Anything else the source says of it (e.g. that it was not carried out).
        responsible: The unit responsible for it (a department, a municipal unit), as the
            city names it; empty when not known.
        listed_as: Its name as a report's list of completed projects prints it, verbatim.
        list_number: Its number (lp) in that list, if it is listed.
        reported_cost: The cost of the work done, as the year's list of completed projects
            gives it (what the responsible unit reports as spent), exact; ``None`` if the list
            gives none. It stands beside :attr:`cost`, the catalogue's cost, and never
            replaces it: every total of the strategy's costs is of :attr:`cost`.
    """

    code: str = field(validator=non_blank)
    name: str = field(validator=non_blank)
    cost: Money | None = None
    links: tuple[GoalLink, ...] = field(factory=tuple, converter=_links)
    completed_in: int | None = None
    implementer: Implementer | None = None
    description: str = ""
    aliases: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    note: str = ""
    responsible: str = ""
    listed_as: str = ""
    list_number: int | None = None
    reported_cost: Money | None = None

    @property
    def strategic_goals(self) -> tuple[str, ...]:
        """Codes of the strategic goals the project is linked to, each once, in link order."""
        return tuple(dict.fromkeys(link.strategic_goal for link in self.links))

    @property
    def operational_goals(self) -> tuple[str, ...]:
        """Codes of the operational goals the project is linked to, each once, in link order."""
        return tuple(dict.fromkeys(link.operational_goal for link in self.links))
