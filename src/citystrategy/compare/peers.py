"""Peer groups: the territories a city is compared with, as data (a rule and its members).

A group keeps the rule that chose it (:class:`PeerRule` and its spec, the text
:func:`peer_group` reads) and its members (TERYT codes), so that it prints, saves as JSON
(:meth:`PeerGroup.to_data`) and is used again as it was.

>>> group = benchmark_group()
>>> print(group)
list:Białystok,Lublin,Olsztyn,Opole,Rzeszów (5 members: Białystok, Lublin, Olsztyn, Opole, Rzeszów)
>>> group.members
('2061011', '0663011', '2862011', '1661011', '1863011')
>>> [len(g) for g in population_classes(sample_panel(), year=2023)]
[7, 22, 26, 6, 5]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, Final

import numpy as np
import pandas as pd
from attrs import field, frozen

from citystrategy._arguments import each, integer, member, text
from citystrategy._i18n import N_
from citystrategy.compare.panel import sample_panel
from citystrategy.errors import (
    ArgumentError,
    ArgumentTypeError,
    Message,
    UnknownCodeError,
    YearError,
)
from citystrategy.frames import INDICATOR, TERRITORY, VALUE, YEAR, validate_long
from citystrategy.model import MembershipStatus, Territory, TerritoryKind

__all__ = [
    "BENCHMARK_CITIES",
    "DEFAULT_POPULATION_BOUNDS",
    "YEARS_WITH_DATA",
    "PeerGroup",
    "PeerRule",
    "benchmark_group",
    "explicit_group",
    "known_indicator",
    "peer_group",
    "population_class_of",
    "population_classes",
    "population_group",
    "powiat_rights_group",
    "similar_group",
    "territory_name",
    "voivodeship_group",
    "zmp_group",
]

#: The population bounds of the default classes: <50k, 50–100k, 100–250k, 250–500k, >500k.
DEFAULT_POPULATION_BOUNDS: Final = (50_000, 100_000, 250_000, 500_000)
#: The benchmark cities of Kielce's strategy diagnosis.
BENCHMARK_CITIES: Final = ("Białystok", "Lublin", "Olsztyn", "Opole", "Rzeszów")


class PeerRule(StrEnum):
    """How a peer group's members were chosen."""

    POPULATION = "population"  #: population within bounds in a year
    VOIVODESHIP = "voivodeship"  #: cities with powiat rights of one voivodeship
    POWIAT_RIGHTS = "powiat-rights"  #: the 66 cities with powiat rights
    ZMP = "zmp"  #: the ZMP member list (partial: a city not listed is unknown, not "no")
    LIST = "list"  #: territories named one by one
    SIMILAR = "similar"  #: the k nearest on standardised indicators


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@frozen
class PeerGroup:
    """A peer group: the rule that chose it and its members.

    Attributes:
        rule: The kind of rule.
        spec: The rule in full, as :func:`peer_group` reads it (``"population:100000-250000"``).
        members: The members' territory ids (TERYT codes), in the rule's order.
        year: The year whose data chose the members (population, similarity), if any.
    """

    rule: PeerRule
    spec: str
    members: tuple[str, ...] = field(converter=_codes)
    year: int | None = None

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, territory: object) -> bool:
        return territory in self.members

    def __str__(self) -> str:
        names = ", ".join(territory_name(code) for code in self.members)
        year = "" if self.year is None else f" in {self.year}"
        return f"{self.spec}{year} ({len(self)} members: {names or '–'})"

    def to_data(self) -> dict[str, Any]:
        """The group as JSON-ready data; :meth:`from_data` reads it back."""
        return {
            "rule": self.rule.value,
            "spec": self.spec,
            "year": self.year,
            "members": list(self.members),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PeerGroup:
        """The group :meth:`to_data` wrote.

        Raises:
            ArgumentError: If *data* lacks a key or has a wrong one.
            ArgumentTypeError: If *data* is not a mapping.
        """
        if not isinstance(data, Mapping):
            raise ArgumentTypeError("data", data, "a mapping")
        try:
            rule = member(PeerRule, data["rule"], "data['rule']")
            members = each(data["members"], "data['members']", str, "a territory id")
            spec = text(data["spec"], "data['spec']")
            year = data["year"]
        except KeyError as missing:
            raise ArgumentError("data", dict(data), f"a mapping with the key {missing}") from None
        return cls(rule, spec, members, None if year is None else integer(year, "data['year']"))


#: What the years of a :class:`~citystrategy.errors.YearError` of this package are.
YEARS_WITH_DATA: Final = N_("years with data")


def known_indicator(frame: pd.DataFrame, indicator: str) -> str:
    """*indicator* itself if the long frame *frame* has it.

    Raises:
        UnknownCodeError: If it does not, listing the indicators it has (a ``KeyError``).
    """
    if indicator not in set(frame[INDICATOR]):
        raise UnknownCodeError("indicator", indicator, sorted(set(frame[INDICATOR])))
    return indicator


def territory_name(code: str) -> str:
    """The name of the territory with this id in the register, or the id itself.

    >>> territory_name("2661011"), territory_name("os-1")
    ('Kielce', 'os-1')

    Raises:
        ArgumentTypeError: If *code* is not a string.
    """
    from citystrategy.territories import load_register

    text(code, "code")
    found = load_register().find(code) if code.isdigit() and len(code) in (2, 4, 7) else None
    return code if found is None else found.name


def _cities() -> tuple[Territory, ...]:
    from citystrategy.territories import list_territories

    return tuple(t for t in list_territories() if t.kind is TerritoryKind.CITY_WITH_POWIAT_RIGHTS)


def _population(frame: pd.DataFrame, year: int, indicator: str) -> pd.Series[float]:
    """The population of each territory of *frame* in *year* (missing values dropped)."""
    validate_long(frame)
    year = integer(year, "year")
    values = frame[frame[INDICATOR] == known_indicator(frame, indicator)]
    years = sorted(values[YEAR].unique().tolist())
    if year not in years:
        raise YearError("year", year, years, YEARS_WITH_DATA)
    return values[values[YEAR] == year].set_index(TERRITORY)[VALUE].dropna()


def population_group(
    frame: pd.DataFrame,
    *,
    year: int,
    low: float | None = None,
    high: float | None = None,
    indicator: str = "population",
) -> PeerGroup:
    """The territories of *frame* whose population in *year* is at least *low* and below *high*.

    >>> group = population_group(sample_panel(), year=2023, low=100_000, high=250_000)
    >>> group.spec, len(group), "2661011" in group
    ('population:100000-250000', 26, True)

    Raises:
        ArgumentError: If *low* is not below *high*, or *indicator* is not in the frame.
        YearError: If the frame has no population in *year*.
        FrameError: If *frame* breaks the long-frame contract.
    """
    if low is not None and high is not None and not low < high:
        raise ArgumentError("high", high, f"above low ({low})")
    population = _population(frame, year, indicator)
    chosen = population[
        (population >= (-math.inf if low is None else low))
        & (population < (math.inf if high is None else high))
    ]
    spec = f"population:{_bound(low)}-{_bound(high)}"
    return PeerGroup(PeerRule.POPULATION, spec, sorted(chosen.index), year)


def _bound(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def population_classes(
    frame: pd.DataFrame,
    *,
    year: int,
    bounds: Sequence[float] = DEFAULT_POPULATION_BOUNDS,
    indicator: str = "population",
) -> tuple[PeerGroup, ...]:
    """The population classes of *frame*'s territories in *year*: below the first bound,
    between each two, and from the last on.

    Raises:
        ArgumentError: If *bounds* is empty or not increasing.
        YearError: If the frame has no population in *year*.
    """
    edges = _bounds(bounds)
    lows: list[float | None] = [None, *edges]
    highs: list[float | None] = [*edges, None]
    return tuple(
        population_group(frame, year=year, low=low, high=high, indicator=indicator)
        for low, high in zip(lows, highs, strict=True)
    )


def _bounds(bounds: object) -> tuple[float, ...]:
    from citystrategy._arguments import real

    if isinstance(bounds, str) or not isinstance(bounds, Sequence) or not bounds:
        raise ArgumentError("bounds", bounds, "a non-empty sequence of increasing numbers")
    edges = tuple(real(b, f"bounds[{n}]") for n, b in enumerate(bounds))
    if any(not low < high for low, high in itertools.pairwise(edges)):
        raise ArgumentError("bounds", bounds, "increasing numbers")
    return edges


def population_class_of(
    frame: pd.DataFrame,
    focus: str,
    *,
    year: int,
    bounds: Sequence[float] = DEFAULT_POPULATION_BOUNDS,
    indicator: str = "population",
) -> PeerGroup:
    """The population class (of :func:`population_classes`) that *focus* falls in.

    >>> population_class_of(sample_panel(), "Kielce", year=2023).spec
    'population:100000-250000'

    Raises:
        ArgumentError: If the frame has no population of *focus* in *year*.
        UnknownTerritoryError: If *focus* names no territory.
    """
    code = _resolve(focus, "focus", frame)
    for group in population_classes(frame, year=year, bounds=bounds, indicator=indicator):
        if code in group:
            return group
    expected = Message(
        N_("a territory with a value of {indicator!r} in {year}"),
        {"indicator": indicator, "year": str(year)},
    )
    raise ArgumentError("focus", focus, expected)


def voivodeship_group(voivodeship: str) -> PeerGroup:
    """The cities with powiat rights of a voivodeship, by its name or TERC code (2 digits).

    >>> [territory_name(c) for c in voivodeship_group("świętokrzyskie").members]
    ['Kielce']

    Raises:
        ArgumentError: If it names no voivodeship.
    """
    from citystrategy.model.territory import VOIVODESHIPS

    wanted = text(voivodeship, "voivodeship").strip()
    codes = {name: code for code, name in VOIVODESHIPS.items()}
    code = wanted if wanted in VOIVODESHIPS else codes.get(wanted.lower())
    if code is None:
        raise ArgumentError("voivodeship", voivodeship, N_("a voivodeship's name or TERC code"))
    members = [c.id for c in _cities() if c.voivodeship_code == code]
    return PeerGroup(PeerRule.VOIVODESHIP, f"voivodeship:{VOIVODESHIPS[code]}", members)


def powiat_rights_group() -> PeerGroup:
    """The 66 cities with powiat rights of the territory register."""
    return PeerGroup(PeerRule.POWIAT_RIGHTS, "powiat-rights", [c.id for c in _cities()])


def zmp_group(status: MembershipStatus | str = MembershipStatus.MEMBER) -> PeerGroup:
    """The gminas the ZMP member list gives this status (default: members a source confirms).

    The list is partial (about 43% of members): a city not in it is of unknown membership.

    Raises:
        ArgumentError: If *status* is not a :class:`MembershipStatus` other than unknown.
    """
    wanted = member(MembershipStatus, status, "status")
    if wanted is MembershipStatus.UNKNOWN:
        raise ArgumentError("status", status, "a status a source states (not 'unknown')")
    from citystrategy.programs.zmp import load

    members = [m.territory.id for m in load().memberships if m.status is wanted]
    spec = "zmp" if wanted is MembershipStatus.MEMBER else f"zmp:{wanted.value}"
    return PeerGroup(PeerRule.ZMP, spec, members)


def _resolve(name_or_code: str, argument: str, frame: pd.DataFrame | None = None) -> str:
    """The territory id of *name_or_code*: an id of *frame* as it is, else the register's."""
    text(name_or_code, argument)
    if frame is not None and name_or_code in set(frame[TERRITORY]):
        return name_or_code
    from citystrategy.territories import get_territory

    return get_territory(name_or_code).id


def explicit_group(members: Sequence[str], *, frame: pd.DataFrame | None = None) -> PeerGroup:
    """A group of territories named one by one (names or TERYT codes of the register, or ids
    of *frame* such as a city's districts).

    Raises:
        UnknownTerritoryError: If a member names no territory.
        ArgumentTypeError: If *members* is not a collection of strings.
    """
    names = each(members, "members", str, "a territory name or code")
    codes = list(dict.fromkeys(_resolve(m, "members", frame) for m in names))
    return PeerGroup(PeerRule.LIST, "list:" + ",".join(n.strip() for n in names), codes)


def benchmark_group() -> PeerGroup:
    """Kielce's strategy benchmark: Białystok, Lublin, Olsztyn, Opole and Rzeszów."""
    return explicit_group(BENCHMARK_CITIES)


def similar_group(
    frame: pd.DataFrame, focus: str, *, indicators: Sequence[str], year: int, k: int = 5
) -> PeerGroup:
    """The *k* territories of *frame* nearest to *focus* on *indicators* in *year*.

    Each indicator is standardised over the territories that have every one of them (z-scores
    with the population standard deviation); the distance is Euclidean; ties go to the lower id.

    >>> group = similar_group(sample_panel(), "Kielce", indicators=["population"], year=2023, k=2)
    >>> [territory_name(c) for c in group.members]
    ['Sosnowiec', 'Gliwice']

    Raises:
        ArgumentError: If *k* is below 1, an indicator is not in the frame, or *focus* lacks a
            value.
        YearError: If the frame has no data in *year*.
        UnknownTerritoryError: If *focus* names no territory.
    """
    validate_long(frame)
    names = each(indicators, "indicators", str, "an indicator code")
    if not names:
        raise ArgumentError("indicators", indicators, "at least one indicator")
    count = integer(k, "k")
    if count < 1:
        raise ArgumentError("k", k, "at least 1")
    code = _resolve(focus, "focus", frame)
    year = integer(year, "year")
    for name in names:
        known_indicator(frame, name)
    years = sorted(frame[YEAR].unique().tolist())
    if year not in years:
        raise YearError("year", year, years, YEARS_WITH_DATA)
    rows = frame[(frame[YEAR] == year) & frame[INDICATOR].isin(names)]
    wide = rows.pivot_table(index=TERRITORY, columns=INDICATOR, values=VALUE, aggfunc="first")
    wide = wide.reindex(columns=list(names)).dropna()
    if code not in wide.index:
        expected = Message(N_("a territory with every indicator in {year}"), {"year": str(year)})
        raise ArgumentError("focus", focus, expected)
    spread = wide.std(ddof=0).replace(0.0, np.nan)
    z = ((wide - wide.mean()) / spread).fillna(0.0)
    distance = np.sqrt(((z - z.loc[code]) ** 2).sum(axis=1)).drop(code)
    order = sorted(distance.index, key=lambda t: (round(float(distance[t]), 12), t))
    spec = f"similar:{count}:{','.join(names)}"
    return PeerGroup(PeerRule.SIMILAR, spec, order[:count], year)


def peer_group(
    spec: str,
    *,
    frame: pd.DataFrame | None = None,
    year: int | None = None,
    focus: str | None = None,
) -> PeerGroup:
    """The peer group a spec (the text of :attr:`PeerGroup.spec`) names.

    The specs are:

    - ``population:LOW-HIGH`` (either bound may be left out: ``population:500000-``);
    - ``population-class`` (the class of *focus* with the default bounds) or
      ``population-class:B1,B2,…`` (user bounds);
    - ``voivodeship:NAME`` (or its TERC code); ``powiat-rights``; ``zmp``;
    - ``list:NAME,NAME,…``; ``benchmark`` (Kielce's strategy benchmark);
    - ``similar:K:INDICATOR,INDICATOR,…`` (the K nearest to *focus*).

    *frame* (default: :func:`sample_panel`) and *year* serve the rules that need data.

    >>> peer_group("population:100000-250000", year=2023).members[:3]
    ('0265011', '0463011', '0464011')

    Raises:
        ArgumentError: If the spec is none of these, or a rule lacks *year* or *focus*.
    """
    text(spec, "spec")
    head, _, rest = spec.strip().partition(":")
    head = head.strip().lower()
    data = sample_panel() if frame is None else frame

    def needs(value: object, name: str) -> Any:
        if value is None:
            raise ArgumentError(name, value, f"given for the peer group {spec!r}")
        return value

    try:
        if head == "population":
            low, dash, high = rest.partition("-")
            if not dash:
                raise ValueError(rest)
            return population_group(
                data,
                year=needs(year, "year"),
                low=float(low) if low.strip() else None,
                high=float(high) if high.strip() else None,
            )
        if head == "population-class":
            bounds = (
                [float(b) for b in rest.split(",")] if rest.strip() else DEFAULT_POPULATION_BOUNDS
            )
            return population_class_of(data, needs(focus, "focus"), year=needs(year, "year"), bounds=bounds)  # fmt: skip
        if head == "similar":
            k, _, names = rest.partition(":")
            indicators = [n.strip() for n in names.split(",") if n.strip()]
            return similar_group(data, needs(focus, "focus"), indicators=indicators, year=needs(year, "year"), k=int(k))  # fmt: skip
    except ValueError as error:
        if isinstance(error, ArgumentError):
            raise
        raise ArgumentError(
            "spec", spec, N_("a peer group such as 'population:100000-250000'")
        ) from None
    if head == "voivodeship" and rest.strip():
        return voivodeship_group(rest)
    if head == "powiat-rights" and not rest:
        return powiat_rights_group()
    if head == "zmp":
        return zmp_group(rest.strip() or MembershipStatus.MEMBER)
    if head == "list" and rest.strip():
        return explicit_group([n.strip() for n in rest.split(",") if n.strip()], frame=frame)
    if head == "benchmark" and not rest:
        return benchmark_group()
    raise ArgumentError("spec", spec, N_("a peer group such as 'population:100000-250000'"))
