"""Who reports what: the forms of a year, one per responsible unit or per group of a rule."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from citystrategy._arguments import instance, integer, member
from citystrategy._i18n import N_, gettext, pgettext
from citystrategy.errors import ArgumentError, Message
from citystrategy.formatting import get_language
from citystrategy.io.parse import MISSING_MARKERS
from citystrategy.model import Indicator, Missing, Project, Strategy

__all__ = [
    "MISSING_REASONS",
    "FormGroup",
    "GroupBy",
    "SourceKind",
    "form_groups",
    "source_kind",
]


class GroupBy(StrEnum):
    """How indicators and projects whose responsible unit is not known are put on forms."""

    GOAL = "goal"  #: one form per strategic goal
    SOURCE = "source"  #: one form per kind of source: survey, GUS BDL, the city's own records
    ALL = "all"  #: one form for everything


class SourceKind(StrEnum):
    """Where an indicator's values come from, as :func:`source_kind` classifies it."""

    SURVEY = "survey"  #: the residents' opinion survey (``survey`` is true)
    BDL = "bdl"  #: GUS's Local Data Bank (Bank Danych Lokalnych)
    RECORDS = "records"  #: the city's own records (everything else)


#: Words that name GUS's Local Data Bank in an indicator's ``source`` or in the reason a value
#: of it is missing (Kielce's ``- *``: "brak danych w Bazie Danych Lokalnych GUS"); matched
#: case-insensitively as whole words.
_BDL_WORDS: Final = re.compile(
    r"\b(bdl|gus|ba(?:nk|zie|za|zy) danych lokalnych|local data bank)\b", re.IGNORECASE
)

#: The reasons a form offers for a missing value, by the sign the data folder stores
#: (:data:`citystrategy.io.parse.MISSING_MARKERS`), each with the words of the form's list.
MISSING_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "- *": N_("no data yet at the deadline (not yet published)"),
        "–": N_("the phenomenon did not occur"),
        ".": N_("no data: not known or confidential"),
        "x": N_("not applicable"),
    }
)
assert set(MISSING_REASONS) <= set(MISSING_MARKERS)


def source_kind(indicator: Indicator, missing: Iterable[Missing] = ()) -> SourceKind:
    """Where *indicator*'s values come from: the survey, GUS BDL or the city's own records.

    An indicator is a survey one when its ``survey`` flag is set; a GUS BDL one when its
    ``source``, or the reason one of its values is missing (*missing*), names the Local Data
    Bank ("BDL", "GUS", "Bank Danych Lokalnych"); any other comes from the city's own records.

    Args:
        indicator: The indicator.
        missing: The reasons its values are missing, if any.

    Raises:
        ArgumentTypeError: If *indicator* is not an Indicator.

    >>> from citystrategy.model import Direction, Level
    >>> wage = Indicator(
    ...     code="X",
    ...     name="Dochody",
    ...     unit="PLN",
    ...     level=Level.RESULT,
    ...     goal_code="3.3",
    ...     direction=Direction.HIGHER_IS_BETTER,
    ...     source="GUS BDL, P2497",
    ... )
    >>> source_kind(wage).value
    'bdl'
    """
    instance(indicator, "indicator", Indicator, "an Indicator")
    if indicator.survey:
        return SourceKind.SURVEY
    texts = [indicator.source, *(f"{reason.code} {reason.text}" for reason in missing)]
    if any(_BDL_WORDS.search(text.replace("_", " ")) for text in texts):
        return SourceKind.BDL
    return SourceKind.RECORDS


def _indicators(values: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(values)


def _projects(values: Iterable[Project]) -> tuple[Project, ...]:
    return tuple(values)


@frozen(kw_only=True)
class FormGroup:
    """The indicators and projects of one form: one responsible unit, or one group of a rule.

    Attributes:
        key: Stable identifier, kept in the form: ``"unit:<name>"`` for a responsible unit,
            ``"goal:1"``, ``"source:survey"`` or ``"all"`` for a group of a rule.
        name: The name of the unit or group, as the form shows it (in the locale asked for).
        indicators: Its indicators, in the strategy's order.
        projects: Its projects that are not completed before the year, in the strategy's order.
    """

    key: str
    name: str
    indicators: tuple[Indicator, ...] = field(factory=tuple, converter=_indicators)
    projects: tuple[Project, ...] = field(factory=tuple, converter=_projects)

    @property
    def fingerprint(self) -> str:
        """SHA-256 (hex) over the ordered codes of its indicators and projects."""
        return fingerprint([i.code for i in self.indicators], [p.code for p in self.projects])

    @property
    def file_name(self) -> str:
        """A file name for the form: its name in ASCII, lower case, words joined by ``-``."""
        return _slug(self.name) + ".xlsx"


def fingerprint(indicators: Iterable[str], projects: Iterable[str]) -> str:
    """SHA-256 (hex) over ordered indicator and project codes (the fingerprint of a form)."""
    lines = [f"indicator\t{code}" for code in indicators]
    lines += [f"project\t{code}" for code in projects]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    ascii_name = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "formularz"


def _responsible(item: Indicator | Project) -> str:
    return item.responsible.strip()


def form_groups(
    strategy: Strategy, year: int, *, by: GroupBy | str = GroupBy.GOAL, locale: str = "pl_PL"
) -> tuple[FormGroup, ...]:
    """The forms of *year*: one per responsible unit, and the rest grouped by the rule *by*.

    An indicator or project that names its responsible unit goes on that unit's form. The
    others go on the form of their strategic goal (``by="goal"``; a project on that of the first
    goal it is linked to), of the source of their values (``by="source"``, see
    :func:`source_kind`; projects are the city's own records), or on one form (``by="all"``).
    Projects completed before *year* are left out. Groups with nothing on them are left out.

    Args:
        strategy: The strategy.
        year: The year the forms ask for.
        by: The rule for indicators and projects without a responsible unit.
        locale: The language of the groups' names.

    Raises:
        ArgumentTypeError: If *strategy* is not a Strategy or *year* not an int.
        ArgumentError: If *year* lies outside the strategy's period (``20233`` for 2023, 1999
            for a strategy of 2022–2030), *by* is not a :class:`GroupBy` or *locale* not
            supported.

    >>> from citystrategy.cities import kielce
    >>> groups = form_groups(kielce.load(), 2024)
    >>> [(g.key, len(g.indicators), len(g.projects)) for g in groups]
    [('goal:1', 24, 10), ('goal:2', 32, 9), ('goal:3', 34, 7), ('goal:4', 22, 8)]
    >>> groups[0].name
    'Cel strategiczny 1. Miasto dla każdego'
    """
    instance(strategy, "strategy", Strategy, "a Strategy")
    year = integer(year, "year")
    if not strategy.period_start <= year <= strategy.period_end:
        period = {"first": str(strategy.period_start), "last": str(strategy.period_end)}
        raise ArgumentError(
            "year", year, Message(N_("a year of the strategy, {first} to {last}"), period)
        )
    rule = member(GroupBy, by, "by")
    language = get_language(locale)
    missing: dict[str, list[Missing]] = {}
    for observation in strategy.observations:
        if observation.missing is not None:
            missing.setdefault(observation.indicator, []).append(observation.missing)
    names: dict[str, str] = {}
    indicators: dict[str, list[Indicator]] = {}
    projects: dict[str, list[Project]] = {}
    goal_names = {goal.code: goal.name for goal in strategy.strategic_goals}

    def goal_key(code: str) -> str:
        key = f"goal:{code}"
        template = pgettext("form", "Strategic goal {code}. {name}", language)
        names.setdefault(key, template.format(code=code, name=goal_names.get(code, "")).strip())
        return key

    def rule_key(kind: SourceKind | None, goal: str | None) -> str:
        if rule is GroupBy.ALL:
            names.setdefault("all", gettext(N_("All indicators and projects"), language))
            return "all"
        if rule is GroupBy.SOURCE:
            assert kind is not None
            key = f"source:{kind.value}"
            names.setdefault(key, gettext(_SOURCE_NAMES[kind], language))
            return key
        if goal is None:
            names.setdefault("goal:", gettext(N_("Projects not linked to a goal"), language))
            return "goal:"
        return goal_key(goal)

    for indicator in strategy.indicators:
        unit = _responsible(indicator)
        if unit:
            key = f"unit:{unit}"
            names.setdefault(key, unit)
        else:
            kind = source_kind(indicator, missing.get(indicator.code, ()))
            key = rule_key(kind, indicator.goal_code.split(".", 1)[0])
        indicators.setdefault(key, []).append(indicator)
    for project in strategy.projects:
        if project.completed_in is not None and project.completed_in < year:
            continue
        unit = _responsible(project)
        if unit:
            key = f"unit:{unit}"
            names.setdefault(key, unit)
        else:
            goals = project.strategic_goals
            key = rule_key(SourceKind.RECORDS, goals[0] if goals else None)
        projects.setdefault(key, []).append(project)
    return tuple(
        FormGroup(
            key=key,
            name=name,
            indicators=indicators.get(key, ()),
            projects=projects.get(key, ()),
        )
        for key, name in names.items()
    )


_SOURCE_NAMES: Final = {
    SourceKind.SURVEY: N_("Residents' opinion survey"),
    SourceKind.BDL: N_("GUS Local Data Bank (BDL)"),
    SourceKind.RECORDS: N_("The city's own records"),
}


def reason_label(marker: str, locale: str) -> str:
    """The entry of a form's list of reasons for the missing-value sign *marker*."""
    return f"{marker} {gettext(MISSING_REASONS[marker], locale)}"


def yes_word(yes: bool, locale: str) -> str:
    """The word of a form's yes/no list."""
    return pgettext("form", "yes", locale) if yes else pgettext("form", "no", locale)
