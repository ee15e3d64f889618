"""Funded programmes run with and for cities, and catalogues of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from attrs import Factory, field, frozen

from citystrategy._arguments import integer, member, text
from citystrategy._i18n import N_
from citystrategy.errors import Message, ModelError, UnknownCodeError
from citystrategy.model._links import ProgramLink as ProgramLink
from citystrategy.model._names import normalise_name
from citystrategy.model._validators import decimal_or_none, entity, non_blank, str_tuple
from citystrategy.model.territory import Membership, MembershipStatus, Territory
from citystrategy.money import Money

__all__ = [
    "Catalogue",
    "CityProfile",
    "Derivation",
    "Edition",
    "Figure",
    "FigureKind",
    "Output",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "Program",
    "ProgramEvent",
    "ProgramLink",
    "ProgramNote",
    "Rate",
    "RateKind",
    "Source",
]


class FigureKind(StrEnum):
    """What a money figure of a programme is."""

    TOTAL_VALUE = "total_value"  #: całkowita wartość projektu
    GRANT = "grant"  #: dofinansowanie, dotacja
    EU_COFINANCING = "eu_cofinancing"  #: środki UE
    OWN_CONTRIBUTION = "own_contribution"  #: wkład własny
    OPERATOR_SHARE = "operator_share"  #: the share of one partner (e.g. ZMP's part)
    PER_CITY_BUDGET = "per_city_budget"  #: a budget rule per city (and year)


class Derivation(StrEnum):
    """How a figure no source states was derived from the stated ones; presentation words it."""

    RATE_OF_TOTAL = "rate_of_total"  #: the funding rate applied to the total value
    TOTAL_LESS_GRANT = "total_less_grant"  #: the total value less the grant


class RateKind(StrEnum):
    """What a rate of a programme is."""

    FUNDING_RATE = "funding_rate"  #: poziom dofinansowania
    REFUND_RATE = "refund_rate"  #: share of expenses refunded
    OWN_CONTRIBUTION_RATE = "own_contribution_rate"  #: wkład własny, in percent


class PartnerRole(StrEnum):
    """The role of an organisation in a programme."""

    PARTNER = "partner"
    LEAD_PARTNER = "lead_partner"  #: lider
    FUNDER = "funder"


class ParticipantRole(StrEnum):
    """The role of a territory in a programme."""

    SITE = "site"  #: a place where the programme was carried out (PPP sites)
    MEMBER_CITY = "member_city"  #: a ZMP member city taking part
    PARTICIPANT = "participant"
    TRAINING_VENUE = "training_venue"
    NETWORK_MEMBER = "network_member"  #: member of an URBACT network
    NETWORK_LEAD = "network_lead"  #: lead partner of an URBACT network
    PARTNER_CITY = "partner_city"  #: a partner of a city pair
    VENUE = "venue"


def _decimal(value: Decimal | int) -> Decimal:
    converted = decimal_or_none(value)
    assert converted is not None
    return converted


@frozen(kw_only=True)
class Source:
    """A source of facts in a catalogue.

    Attributes:
        key: Short key facts refer to, e.g. ``"doc"``.
        title: What the source is.
        url: Where it is published, if known.
    """

    key: str = field(validator=non_blank)
    title: str = field(validator=non_blank)
    url: str = ""


@frozen(kw_only=True)
class Figure:
    """A money figure of a programme, with the precision it was stated with.

    Attributes:
        kind: What the figure is.
        money: The amount, exact as stated (``10,9 mln zł`` is 10 900 000 zł).
        precision: The unit of the last digit stated (100 000 zł for ``10,9 mln zł``, 1000 zł
            for ``115 tys. zł``, 0,01 for ``140 750,00 zł``), for consistency checks.
        qualifier: ``"prawie"``, ``"ok."``, ``"powyżej"`` as printed, else ``""``.
        per: ``"year"``, ``"city"`` or ``"year, city"`` for a per-unit figure, else ``""``.
        holder: Whose share it is, where it is one partner's part.
        stated: ``True`` when a source states it, ``False`` when derived.
        raw: The figure as printed.
        source: Key of the source.
        note: Anything else.
        derivation: How a derived figure was derived (``None`` for a stated one).
    """

    kind: FigureKind
    money: Money
    precision: Decimal = field(converter=_decimal)
    qualifier: str = ""
    per: str = ""
    holder: str = ""
    stated: bool = True
    raw: str = ""
    source: str = ""
    note: str = ""
    derivation: Derivation | None = None

    def __attrs_post_init__(self) -> None:
        if self.stated and self.derivation is not None:
            template = N_("a stated figure has no 'derivation' (got {derivation!r})")
            problem = Message(template, {"derivation": self.derivation.value})
            raise ModelError(entity(self), problem)
        if self.precision <= 0:
            template = N_("'precision' must be above 0 (got {value})")
            raise ModelError(entity(self), Message(template, {"value": self.precision}))


@frozen(kw_only=True)
class Rate:
    """A rate of a programme, in percent.

    Attributes:
        kind: What the rate is.
        percent: The rate in percent (``Decimal("88.6")``).
        precision: The unit of its last digit (0,1 for ``88,6%``).
        raw: As printed.
        stated: ``True`` when a source states it.
        source: Key of the source.
        note: Anything else.
    """

    kind: RateKind
    percent: Decimal = field(converter=_decimal)
    precision: Decimal = field(converter=_decimal)
    raw: str = ""
    stated: bool = True
    source: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.percent <= 100:
            template = N_("a rate must lie between 0% and 100% (got {value}%)")
            raise ModelError(entity(self), Message(template, {"value": self.percent}))


@frozen(kw_only=True)
class Partner:
    """An organisation working on a programme.

    Attributes:
        name: Its name, verbatim.
        role: Its role.
        source: Key of the source.
    """

    name: str = field(validator=non_blank)
    role: PartnerRole = PartnerRole.PARTNER
    source: str = ""


@frozen(kw_only=True)
class Participant:
    """A territory taking part in a programme.

    Attributes:
        territory: The territory (with its TERYT code; foreign ones have none).
        role: Its role.
        printed_name: Its name as the source prints it (``"Gorzów Wlkp."``, ``"Gdańsku"``): an
            alias look-ups accept; users read ``territory.name``, in the nominative.
        edition: The edition it took part in, for programmes with editions.
        networks: Names of networks (URBACT).
        note: Anything else (e.g. ``"3 sieci"``).
        source: Key of the source.
    """

    territory: Territory
    role: ParticipantRole
    printed_name: str = ""
    edition: str = ""
    networks: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    note: str = ""
    source: str = ""


@frozen(kw_only=True)
class ProgramEvent:
    """An event of a programme: an exhibition's showing, a study visit, a workshop.

    Attributes:
        name: Its name or venue, verbatim.
        place: The town.
        country: ISO country code.
        start: First day.
        end: Last day.
        raw: The dates as printed.
        source: Key of the source.
        note: Anything else (e.g. another source's dates).
    """

    name: str = field(validator=non_blank)
    place: str = ""
    country: str = "PL"
    start: dt.date | None = None
    end: dt.date | None = None
    raw: str = ""
    source: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            template = N_("'end' {end} is before 'start' {start}")
            values = {"end": self.end.isoformat(), "start": self.start.isoformat()}
            raise ModelError(entity(self), Message(template, values))


@frozen(kw_only=True)
class Output:
    """A named quantity a programme produced (``ponad 1200 przedstawicieli … przeszkolonych``).

    Attributes:
        text: The statement, verbatim.
        quantity: The number in it, if any.
        qualifier: ``"ponad"``, ``"ok."`` as printed.
        source: Key of the source.
    """

    text: str = field(validator=non_blank)
    quantity: Decimal | None = field(default=None, converter=decimal_or_none)
    qualifier: str = ""
    source: str = ""


@frozen(kw_only=True)
class Edition:
    """An edition of a programme (Przestrzeń dla partycypacji I and II).

    Attributes:
        code: ``"I"``, ``"II"``.
        name: Its name.
        start_year: First year.
        end_year: Last year.
        participants_stated: Number of participants the source states.
        members_stated: Number of member cities among them, as stated.
        status: Status as printed (``"nabór trwa"``).
        source: Key of the source.
        note: Anything else.
    """

    code: str = field(validator=non_blank)
    name: str = ""
    start_year: int | None = None
    end_year: int | None = None
    participants_stated: int | None = None
    members_stated: int | None = None
    status: str = ""
    source: str = ""
    note: str = ""


@frozen(kw_only=True)
class ProgramNote:
    """A fact from another source, or a disagreement between sources.

    Attributes:
        text: The note.
        source: Key of the source.
    """

    text: str = field(validator=non_blank)
    source: str = ""


def _figures(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


def _rates(values: Iterable[Rate]) -> tuple[Rate, ...]:
    return tuple(values)


def _partners(values: Iterable[Partner]) -> tuple[Partner, ...]:
    return tuple(values)


def _participants(values: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(values)


def _events(values: Iterable[ProgramEvent]) -> tuple[ProgramEvent, ...]:
    return tuple(values)


def _outputs(values: Iterable[Output]) -> tuple[Output, ...]:
    return tuple(values)


def _editions(values: Iterable[Edition]) -> tuple[Edition, ...]:
    return tuple(values)


def _notes(values: Iterable[ProgramNote]) -> tuple[ProgramNote, ...]:
    return tuple(values)


@frozen(kw_only=True)
class Program:
    """A programme or project run with and for cities.

    Attributes:
        code: Stable identifier, e.g. ``"ZMP-PPP"``.
        name: Official name, verbatim.
        operator: The organisation that runs it.
        lead_partner: The lead partner, where it is not the operator.
        start_year: First year.
        end_year: Last year.
        start_date: First day, where a source gives it.
        end_date: Last day, where a source gives it.
        period: The period as printed.
        themes: Short theme tags.
        description: What it does, as the source says.
        funder: Who funds it.
        figures: Money figures.
        rates: Funding, refund and own-contribution rates.
        partners: Organisations working on it.
        participants: Territories taking part.
        events: Exhibition showings, study visits, workshops.
        outputs: What it produced.
        editions: Its editions.
        notes: Facts from other sources and disagreements.
        source: Key of the main source.
    """

    code: str = field(validator=non_blank)
    name: str = field(validator=non_blank)
    operator: str = ""
    lead_partner: str = ""
    start_year: int | None = None
    end_year: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    period: str = ""
    themes: tuple[str, ...] = field(factory=tuple, converter=str_tuple)
    description: str = ""
    funder: str = ""
    figures: tuple[Figure, ...] = field(factory=tuple, converter=_figures)
    rates: tuple[Rate, ...] = field(factory=tuple, converter=_rates)
    partners: tuple[Partner, ...] = field(factory=tuple, converter=_partners)
    participants: tuple[Participant, ...] = field(factory=tuple, converter=_participants)
    events: tuple[ProgramEvent, ...] = field(factory=tuple, converter=_events)
    outputs: tuple[Output, ...] = field(factory=tuple, converter=_outputs)
    editions: tuple[Edition, ...] = field(factory=tuple, converter=_editions)
    notes: tuple[ProgramNote, ...] = field(factory=tuple, converter=_notes)
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if (
            self.start_year is not None
            and self.end_year is not None
            and self.end_year < self.start_year
        ):
            template = N_("'end_year' {end} is before 'start_year' {start}")
            years: dict[str, object] = {"end": self.end_year, "start": self.start_year}
            raise ModelError(entity(self), Message(template, years))
        if (
            self.start_date is not None
            and self.end_date is not None
            and self.end_date < self.start_date
        ):
            template = N_("'end_date' {end} is before 'start_date' {start}")
            dates = {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()}
            raise ModelError(entity(self), Message(template, dates))
        editions = {edition.code for edition in self.editions}
        for participant in self.participants:
            if participant.edition and participant.edition not in editions:
                template = N_("the participant {name!r} is in an unknown edition {edition!r}")
                names = {"name": participant.territory.name, "edition": participant.edition}
                raise ModelError(entity(self), Message(template, names))

    def figure(self, kind: FigureKind | str) -> Figure | None:
        """The first figure of *kind*, if any.

        Raises:
            ArgumentError: If *kind* is not a figure kind.
        """
        wanted = member(FigureKind, kind, "kind")
        return next((f for f in self.figures if f.kind is wanted), None)

    def rate(self, kind: RateKind | str) -> Rate | None:
        """The first rate of *kind*, if any.

        Raises:
            ArgumentError: If *kind* is not a rate kind.
        """
        wanted = member(RateKind, kind, "kind")
        return next((r for r in self.rates if r.kind is wanted), None)

    def years(self) -> range:
        """The years the programme ran (empty when unknown)."""
        if self.start_year is None:
            return range(0)
        return range(self.start_year, (self.end_year or self.start_year) + 1)


def _programs(values: Iterable[Program]) -> tuple[Program, ...]:
    return tuple(values)


def _sources(values: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(values)


def _territories(values: Iterable[Territory]) -> tuple[Territory, ...]:
    return tuple(values)


def _memberships(values: Iterable[Membership]) -> tuple[Membership, ...]:
    return tuple(values)


def _listed_members(catalogue: Catalogue) -> tuple[Territory, ...]:
    """The territories whose membership is confirmed (the default of ``Catalogue.members``)."""
    return tuple(m.territory for m in catalogue.memberships if m.status is MembershipStatus.MEMBER)


@frozen(kw_only=True)
class Catalogue:
    """An organisation's catalogue of programmes, with its member territories.

    Look-ups by city match names whatever their diacritics, case and abbreviations.

    Attributes:
        code: Stable identifier, e.g. ``"zmp"``.
        name: The organisation.
        title: The source document's title.
        programs: The programmes.
        memberships: What sources say of territories' membership: members, probable members and
            non-members, each with its source and date.
        members: The organisation's member territories (by default, those ``memberships``
            confirms).
        members_complete: Whether ``members`` lists every member (ZMP's list is partial).
        sources: Every source cited.
    """

    code: str = field(validator=non_blank)
    name: str = field(validator=non_blank)
    title: str = ""
    programs: tuple[Program, ...] = field(factory=tuple, converter=_programs)
    memberships: tuple[Membership, ...] = field(factory=tuple, converter=_memberships)
    members: tuple[Territory, ...] = field(
        default=Factory(_listed_members, takes_self=True), converter=_territories
    )
    members_complete: bool = False
    sources: tuple[Source, ...] = field(factory=tuple, converter=_sources)

    def __attrs_post_init__(self) -> None:
        if self.memberships and set(self.members) != set(_listed_members(self)):
            template = N_("'members' differs from the members 'memberships' lists")
            raise ModelError(entity(self), Message(template))
        seen: dict[str, Membership] = {}
        for membership in self.memberships:
            for code in membership.territory.codes:
                known = seen.setdefault(code, membership)
                if known is not membership:
                    template = N_("{name!r} ({code}) has two memberships: {first!r} and {second!r}")
                    values = {
                        "name": membership.territory.name,
                        "code": code,
                        "first": known.status.value,
                        "second": membership.status.value,
                    }
                    raise ModelError(entity(self), Message(template, values))

    def program(self, code: str) -> Program:
        """The programme with *code*.

        Raises:
            UnknownCodeError: If there is none (a ``KeyError`` too), naming the closest codes.
        """
        for program in self.programs:
            if program.code == code:
                return program
        raise UnknownCodeError("programme", code, [p.code for p in self.programs])

    def for_city(self, name_or_teryt: str) -> tuple[Program, ...]:
        """The programmes a city took part in, by its name or TERYT code.

        Names match whatever their diacritics, case and abbreviations (``"Gorzow Wlkp."`` is
        ``"Gorzów Wielkopolski"``).
        """
        return tuple(dict.fromkeys(program for program, _ in self.participations(name_or_teryt)))

    def participations(self, name_or_teryt: str) -> tuple[tuple[Program, Participant], ...]:
        """Each programme a city took part in, with its participation (role, edition, note).

        A name found under any spelling (``"Gdańsku"`` as printed for a training venue) stands
        for its territory: every participation of that TERYT code is returned.
        """
        codes = _codes_of(self, text(name_or_teryt, "name_or_teryt"))
        return tuple(
            (program, participant)
            for program in self.programs
            for participant in program.participants
            if participant.territory.teryt in codes
            or _matches(participant.territory, participant.printed_name, name_or_teryt)
        )

    def member(self, name_or_teryt: str) -> Territory | None:
        """The member territory with this name or TERYT code, if the city is a member."""
        text(name_or_teryt, "name_or_teryt")
        return next((t for t in self.members if _matches(t, "", name_or_teryt)), None)

    def membership(self, name_or_teryt: str) -> Membership | None:
        """What the catalogue's sources say of this territory's membership, if they name it.

        Raises:
            ArgumentTypeError: If *name_or_teryt* is not a string.
        """
        text(name_or_teryt, "name_or_teryt")
        return next((m for m in self.memberships if _matches(m.territory, "", name_or_teryt)), None)

    def territory(self, name_or_teryt: str) -> Territory | None:
        """The territory with this name or TERYT code among participants and members.

        A participant's territory comes first: it carries the full name in the nominative
        (``Gorzów Wielkopolski``), where the member list may abbreviate (``Gorzów Wlkp.``).
        """
        text(name_or_teryt, "name_or_teryt")
        found = self.participations(name_or_teryt)
        if found:
            return found[0][1].territory
        member = self.member(name_or_teryt)
        if member is not None:
            return member
        listed = self.membership(name_or_teryt)
        return None if listed is None else listed.territory

    def profile(self, name_or_teryt: str) -> CityProfile:
        """A city's membership and everything it took part in, by name or TERYT code.

        Its membership status is the one the catalogue's sources give; a city they do not name is
        ``UNKNOWN`` against a partial member list and ``NOT_MEMBER`` against a complete one.
        ``docs/howto/query-programs.md`` shows it on the ZMP catalogue.
        """
        territory = self.territory(name_or_teryt)
        key = territory.teryt if territory is not None and territory.teryt else name_or_teryt
        listed = self.membership(key)  # "Gdańsku", as a programme prints it, is Gdańsk's code
        if self.member(key) is not None:
            status = MembershipStatus.MEMBER
        elif listed is not None:
            status = listed.status
        else:
            status = (
                MembershipStatus.NOT_MEMBER if self.members_complete else MembershipStatus.UNKNOWN
            )
        return CityProfile(
            query=name_or_teryt,
            territory=territory,
            member=_MEMBER_FLAGS[status],
            participations=self.participations(name_or_teryt),
            status=status,
            membership=listed,
        )

    def by_theme(self, theme: str) -> tuple[Program, ...]:
        """The programmes with a theme containing *theme* (case and diacritics ignored)."""
        wanted = normalise_name(text(theme, "theme"))
        return tuple(p for p in self.programs if any(wanted in normalise_name(t) for t in p.themes))

    def by_year(self, year: int) -> tuple[Program, ...]:
        """The programmes running in *year*.

        Raises:
            ArgumentTypeError: If *year* is not an int.
        """
        year = integer(year, "year")
        return tuple(p for p in self.programs if year in p.years())


#: What ``CityProfile.member`` says for each status: yes, no, or not known.
_MEMBER_FLAGS: dict[MembershipStatus, bool | None] = {
    MembershipStatus.MEMBER: True,
    MembershipStatus.NOT_MEMBER: False,
    MembershipStatus.PROBABLY: None,
    MembershipStatus.UNKNOWN: None,
}


def _matches(territory: Territory, printed: str, query: str) -> bool:
    query = query.strip()
    if query.isdigit():
        return query in territory.codes
    wanted = normalise_name(query)
    return wanted in (normalise_name(territory.name), normalise_name(printed) if printed else None)


def _participations(program: Program, query: str) -> tuple[Participant, ...]:
    return tuple(p for p in program.participants if _matches(p.territory, p.printed_name, query))


def _codes_of(catalogue: Catalogue, query: str) -> set[str]:
    """TERYT codes of every territory the query names, under any printed name (``"Gdańsku"``)."""
    listed = (*catalogue.members, *(m.territory for m in catalogue.memberships))
    codes = {m.teryt for m in listed if m.teryt and _matches(m, "", query)}
    for program in catalogue.programs:
        codes |= {p.territory.teryt for p in _participations(program, query) if p.territory.teryt}
    return codes


def _status_of(profile: CityProfile) -> MembershipStatus:
    """The status ``member`` says, when none is given: yes, no, or unknown."""
    if profile.member is None:
        return MembershipStatus.UNKNOWN
    return MembershipStatus.MEMBER if profile.member else MembershipStatus.NOT_MEMBER


@frozen(kw_only=True)
class CityProfile:
    """A city in a catalogue: its membership and everything it took part in.

    Attributes:
        query: The name or TERYT code asked for.
        territory: The territory found, if any.
        member: ``True`` if the member list has the city; ``False`` if a source says it is not
            a member, or against a complete list; ``None`` (not known) otherwise, as for a
            probable member or a city a partial list (as ZMP's is) does not name.
        participations: Each programme with the city's participation in it.
        status: What is known of its membership (agrees with ``member``; by default the
            status ``member`` says).
        membership: The source's statement of its membership, if one names it.
    """

    query: str
    territory: Territory | None
    member: bool | None
    participations: tuple[tuple[Program, Participant], ...]
    status: MembershipStatus = field(default=Factory(_status_of, takes_self=True))
    membership: Membership | None = None

    def __attrs_post_init__(self) -> None:
        if _MEMBER_FLAGS[self.status] is not self.member:
            template = N_("'member' {member} contradicts the status {status!r}")
            values = {"member": repr(self.member), "status": self.status.value}
            raise ModelError(entity(self), Message(template, values))
        if self.membership is not None and self.membership.status is not self.status:
            template = N_("the status {status!r} differs from its membership's {other!r}")
            values = {"status": self.status.value, "other": self.membership.status.value}
            raise ModelError(entity(self), Message(template, values))

    @property
    def programs(self) -> tuple[Program, ...]:
        """The programmes, each once."""
        return tuple(dict.fromkeys(program for program, _ in self.participations))
