"""Programme catalogues as text tables and JSON-ready data: lists, one programme, a city."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

from citystrategy._arguments import each, instance, text
from citystrategy._i18n import gettext, ngettext, pgettext
from citystrategy.errors import ArgumentTypeError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    LocaleLike,
    format_date,
    format_money,
    format_money_scaled,
    format_percent,
    get_language,
)
from citystrategy.funding import RateCheck, RateCheckReason, check_rates, derived_figures
from citystrategy.model import (
    CityProfile,
    Derivation,
    Edition,
    Figure,
    FigureKind,
    ParticipantRole,
    PartnerRole,
    Program,
    ProgramEvent,
    ProgramLink,
    Rate,
    RateKind,
    Source,
    Territory,
    TerritoryKind,
)
from citystrategy.money import Money
from citystrategy.reports._json import Why, exact, no_blank_texts, put, rounded
from citystrategy.reports.text import _fill, _width, render_table

__all__ = [
    "format_city_profile",
    "format_program",
    "format_program_links",
    "format_programs",
    "profile_data",
    "program_data",
]

#: Decimals of a computed rate in the rate table.
_SHOWN_DECIMALS: Final = 2


def _list_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("programme list", "Code", locale),
        pgettext("programme list", "Programme", locale),
        pgettext("programme list", "Years", locale),
        pgettext("programme list", "Cities", locale),
        pgettext("programme list", "Value", locale),
    ]


def _figure_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("programme figures", "Kind", locale),
        pgettext("programme figures", "Amount", locale),
        pgettext("programme figures", "Precision", locale),
        pgettext("programme figures", "Applies to", locale),
        pgettext("programme figures", "Source", locale),
    ]


def _rate_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("programme rates", "Kind", locale),
        pgettext("programme rates", "Rate", locale),
        pgettext("programme rates", "Computed", locale),
        pgettext("programme rates", "Agrees", locale),
        pgettext("programme rates", "Why", locale),
    ]


def _participant_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("programme participants", "City or municipality", locale),
        "TERYT",
        pgettext("programme participants", "Role", locale),
        pgettext("programme participants", "Edition", locale),
        pgettext("programme participants", "Notes", locale),
    ]


def _profile_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("city profile", "Code", locale),
        pgettext("city profile", "Programme", locale),
        pgettext("city profile", "Years", locale),
        pgettext("city profile", "Role", locale),
        pgettext("city profile", "Edition", locale),
        pgettext("city profile", "Notes", locale),
        pgettext("city profile", "Programme value", locale),
    ]


def _link_columns(locale: LocaleLike) -> list[str]:
    return [
        pgettext("programme links", "Programme", locale),
        pgettext("programme links", "Catalogue", locale),
        pgettext("programme links", "Goals", locale),
        pgettext("programme links", "Notes", locale),
    ]


def _figure_kind(kind: FigureKind, locale: LocaleLike) -> str:
    return {
        FigureKind.TOTAL_VALUE: pgettext("figure kind", "total value", locale),
        FigureKind.GRANT: pgettext("figure kind", "grant", locale),
        FigureKind.EU_COFINANCING: pgettext("figure kind", "EU co-financing", locale),
        FigureKind.OWN_CONTRIBUTION: pgettext("figure kind", "own contribution", locale),
        FigureKind.OPERATOR_SHARE: pgettext("figure kind", "partner's share", locale),
        FigureKind.PER_CITY_BUDGET: pgettext("figure kind", "budget of a city", locale),
    }[kind]


def _rate_kind(kind: RateKind, locale: LocaleLike) -> str:
    return {
        RateKind.FUNDING_RATE: pgettext("rate kind", "funding rate", locale),
        RateKind.REFUND_RATE: pgettext("rate kind", "refund rate", locale),
        RateKind.OWN_CONTRIBUTION_RATE: pgettext("rate kind", "own contribution rate", locale),
    }[kind]


def _partner(name: str, role: str) -> str:
    """A partner with its role: ``IPN (partner)``; after a name that ends in brackets, kept
    whole, the role follows a dash (``Europejski Fundusz Społeczny (PO WER) – finansujący``),
    never a second pair of brackets."""
    if name.endswith(")"):
        return f"{name} \N{EN DASH} {role}"
    return f"{name} ({role})"


def _partner_role(role: PartnerRole, locale: LocaleLike) -> str:
    return {
        PartnerRole.PARTNER: pgettext("partner role", "partner", locale),
        PartnerRole.LEAD_PARTNER: pgettext("partner role", "lead partner", locale),
        PartnerRole.FUNDER: pgettext("partner role", "funder", locale),
    }[role]


def _participant_role(role: ParticipantRole, locale: LocaleLike) -> str:
    return {
        ParticipantRole.SITE: pgettext("participant role", "site", locale),
        ParticipantRole.MEMBER_CITY: pgettext("participant role", "member city", locale),
        ParticipantRole.PARTICIPANT: pgettext("participant role", "participant", locale),
        ParticipantRole.TRAINING_VENUE: pgettext("participant role", "training venue", locale),
        ParticipantRole.NETWORK_MEMBER: pgettext("participant role", "network member", locale),
        ParticipantRole.NETWORK_LEAD: pgettext("participant role", "network lead", locale),
        ParticipantRole.PARTNER_CITY: pgettext("participant role", "partner city", locale),
        ParticipantRole.VENUE: pgettext("participant role", "venue", locale),
    }[role]


def _membership(member: bool | None, locale: LocaleLike) -> str:
    if member is None:
        return pgettext("membership", "membership unknown (the member list is partial)", locale)
    if member:
        return pgettext("membership", "member", locale)  # a gmina too: Kobylnica
    return pgettext("membership", "not a member", locale)


def _as_of(text: str, locale: LocaleLike) -> str:
    """The date of a member list's source as the reader's language writes it: ``2019-02-21``,
    ``c. 2018-12`` (about), ``undated (>=2025-06-18)`` (seen on that day or later); none for a
    source without a date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return format_date(dt.date.fromisoformat(text), locale=locale)
    about = re.fullmatch(r"c\. (\d{4})(?:-\d{2})?", text)
    if about:
        return pgettext("membership", "about {year}", locale).format(year=about[1])
    seen = re.fullmatch(r"undated \(>=(\d{4}-\d{2}-\d{2})\)", text)
    if seen:
        day = format_date(dt.date.fromisoformat(seen[1]), locale=locale)
        return pgettext("membership", "{date} or later; the source has no date", locale).format(
            date=day
        )
    return ""  # undated, and nothing better known


def _membership_line(profile: CityProfile, locale: LocaleLike) -> str:
    """``Członkostwo: jednostka członkowska (stan na 21.02.2019 r.)``: the status, and the date
    of the source that states it, where the member list gives one (:func:`_as_of`)."""
    if profile.member is None:  # the label says "membership" already
        status = pgettext("membership", "unknown (the member list is partial)", locale)
    else:
        status = _membership(profile.member, locale)
    as_of = profile.membership.as_of.strip() if profile.membership is not None else ""
    shown = _as_of(as_of, locale)
    if shown:
        status = pgettext("membership", "{status} (as of {date})", locale).format(
            status=status, date=shown
        )
    return pgettext("membership", "Membership: {status}", locale).format(status=status)


def _per_word(word: str, locale: LocaleLike) -> str:
    """What a figure is per (``Figure.per`` lists them: ``"year, city"``)."""
    words = {
        "year": pgettext("figure per", "per year", locale),
        "city": pgettext("figure per", "per city", locale),
    }
    return words.get(word, word)


def _qualifier(qualifier: str, locale: LocaleLike) -> str:
    """A qualifier the catalogue keeps as printed (Polish: ``prawie``), in *locale*'s words.

    The catalogue translates the English word back, so that a Polish reader sees the printed
    one; a qualifier this table does not know is shown as printed.
    """
    words = {
        "prawie": pgettext("qualifier", "almost", locale),
        "ok.": pgettext("qualifier", "about", locale),
        "powyżej": pgettext("qualifier", "over", locale),
        "ponad": pgettext("qualifier", "more than", locale),
        "co najmniej": pgettext("qualifier", "at least", locale),
    }
    return words.get(qualifier, qualifier)


def _status(status: str, locale: LocaleLike) -> str:
    """An edition's status as printed (Polish: ``nabór trwa``), in *locale*'s words."""
    words = {"nabór trwa": pgettext("edition status", "recruitment under way", locale)}
    return words.get(status, status)


def _years(program: Program) -> str:
    if program.start_year is None:
        return "–"
    if program.end_year in (None, program.start_year):
        return str(program.start_year)
    return f"{program.start_year}–{program.end_year}"


def _period(program: Program, locale: LocaleLike) -> str:
    """The days the programme ran where a source gives them, else its years."""
    if program.start_date is not None and program.end_date is not None:
        start = format_date(program.start_date, suffix="", locale=locale)
        return f"{start}–{format_date(program.end_date, suffix='', locale=locale)}"
    return "" if program.start_year is None else _years(program)


def _figure_text(figure: Figure | None, locale: LocaleLike) -> str:
    """A figure as stated: ``10,9 mln zł`` stays in millions, ``140 750 zł`` in złoty."""
    if figure is None:
        return "–"
    if figure.money.amount == 0:  # nothing: 0 zł, never 0 tys. zł
        return format_money(figure.money, decimals=0, locale=locale)
    if figure.precision >= 1000:
        scale = "mln" if figure.precision >= 10**5 and abs(figure.money.amount) >= 10**6 else "tys."
        factor = Decimal(10**6 if scale == "mln" else 1000)
        decimals = max(0, -int((figure.precision / factor).normalize().as_tuple().exponent))
        text = format_money_scaled(
            figure.money,
            decimals=decimals,
            scale=scale if get_language(locale) == "pl" else None,
            locale=locale,
        )
    else:
        text = format_money(figure.money, decimals=0 if figure.precision >= 1 else 2, locale=locale)
    return f"{_qualifier(figure.qualifier, locale)} {text}".strip()


def _derived(figure: Figure, program: Program, locale: LocaleLike) -> str:
    """How a figure no source states was derived (``wyliczona: 90% wartości całkowitej``)."""
    if figure.stated:
        return "–"
    rate = program.rate(RateKind.FUNDING_RATE)
    if figure.derivation is Derivation.RATE_OF_TOTAL and rate is not None:
        text = pgettext("programme", "derived: {rate} of the total value", locale)
        return text.format(rate=_rate_text(rate, locale))
    if figure.derivation is Derivation.TOTAL_LESS_GRANT:
        return pgettext("programme", "derived: the total value less the grant", locale)
    return pgettext("programme", "derived", locale)


def _rate_text(rate: Rate, locale: LocaleLike) -> str:
    """A stated rate with the decimals it was stated with: ``88,6%``, ``85%``."""
    decimals = max(0, -int(rate.precision.normalize().as_tuple().exponent))
    return format_percent(rate.percent, decimals=decimals, locale=locale)


def format_programs(
    programs: tuple[Program, ...],
    *,
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """A table of programmes: code, name, years, number of participating territories, value.

    Args:
        programs: The programmes, in the order to list them.
        width: The widest line wanted (a terminal's width): long names and texts wrap within
            it (see :func:`~citystrategy.reports.render_table`); ``None`` (a file, a pipe)
            never wraps. Names are never cut.
        locale: Language and number format.

    Raises:
        ArgumentError: If *width* is under 1 (a ``ValueError``).
        ArgumentTypeError: If a programme is not a Program or *width* is not an int.
    """
    programs = each(programs, "programs", Program, "a Program")
    width = _width(width)
    if not programs:
        return pgettext("programme list", "No programmes.", locale)
    rows = [
        [
            p.code,
            p.name,
            _years(p),
            str(len({x.territory.id for x in p.participants})) if p.participants else "–",
            _figure_text(p.figure("total_value"), locale),
        ]
        for p in programs
    ]
    return render_table(_list_columns(locale), rows, align="llrrr", width=width)


def format_program(
    program: Program,
    *,
    sources: Iterable[Source] = (),
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """Everything a catalogue knows of one programme, with its rates checked against its figures.

    Participants are named in the nominative (``Gdańsk``, ``Cieszyn``); the form the source
    prints (``Gdańsku``, ``Cieszyń``) is quoted in their notes.

    Args:
        program: The programme.
        sources: The catalogue's sources: each one cited is shown as ``[1]`` and listed by its
            title at the end (without them, a source shows as its key).
        width: The widest line wanted (a terminal's width): long names and texts wrap within
            it (see :func:`~citystrategy.reports.render_table`); ``None`` (a file, a pipe)
            never wraps. Names are never cut.
        locale: Language and number format.
    """
    instance(program, "program", Program, "a Program")
    width = _width(width)
    titles = {source.key: source.title for source in sources}
    cited: dict[str, int] = {}

    def cite(key: str) -> str:
        return f"[{cited.setdefault(key, len(cited) + 1)}]" if key in titles else key

    lines = [_fill(f"{program.code}: {program.name}", width, indent="  "), ""]
    for label, value in (
        (pgettext("programme", "Period", locale), _period(program, locale)),
        (pgettext("programme", "Operator", locale), program.operator),
        (pgettext("programme", "Lead partner", locale), program.lead_partner),
        (pgettext("programme", "Funding", locale), program.funder),
        (pgettext("programme", "Themes", locale), ", ".join(program.themes)),
    ):
        if value:
            lines.append(_fill(f"{label}: {value}", width, indent="  "))
    if program.description:
        lines += ["", _fill(program.description, width)]
    figures = (*program.figures, *derived_figures(program))
    if figures:
        rows = [
            [
                _figure_kind(f.kind, locale),
                _figure_text(f, locale),
                format_money(
                    Money(f.precision, f.money.currency),
                    decimals=0 if f.precision >= 1 else 2,
                    locale=locale,
                ),
                ", ".join(x for x in (_per(f.per, locale), f.holder) if x) or "–",
                cite(f.source) if f.source else _derived(f, program, locale),
            ]
            for f in figures
        ]
        columns = _figure_columns(locale)
        lines += [
            "",
            pgettext("programme", "Figures", locale) + ":",
            render_table(columns, rows, align="lrrll", width=width),
        ]
    checks = check_rates(program)
    if program.rates:
        by_rate = {id(c.rate): c for c in checks}
        rows = [_rate_row(r, by_rate.get(id(r)), locale) for r in program.rates]
        lines += [
            "",
            pgettext("programme", "Rates and whether the figures agree", locale) + ":",
            render_table(_rate_columns(locale), rows, align="lrrll", width=width),
        ]
    partners = [_partner(p.name, _partner_role(p.role, locale)) for p in program.partners]
    for title, items in (
        (pgettext("programme", "Partners", locale), partners),
        (
            pgettext("programme", "Editions", locale),
            [_edition(e, locale) for e in program.editions],
        ),
        (pgettext("programme", "Events", locale), [_event(e, locale) for e in program.events]),
        (pgettext("programme", "Outputs", locale), [o.text for o in program.outputs]),
        (
            pgettext("programme", "Notes", locale),
            [_note(n.text, n.source, cite) for n in program.notes],
        ),
    ):
        if items:
            lines += [
                "",
                title + ":",
                *(_fill(f"  - {item}", width, indent="    ") for item in items),
            ]
    if program.participants:
        rows = [
            [
                p.territory.name,
                p.territory.teryt or "–",
                _participant_role(p.role, locale),
                p.edition or "–",
                "; ".join(x for x in (", ".join(p.networks), p.note) if x) or "–",
            ]
            for p in program.participants
        ]
        columns = _participant_columns(locale)
        lines += [
            "",
            pgettext("programme", "Participants", locale) + ":",
            render_table(columns, rows, align="lllll", width=width),
        ]
    if cited:
        lines += [
            "",
            pgettext("programme", "Sources", locale) + ":",
            *(_fill(f"  [{n}] {titles[key]}", width, indent="      ") for key, n in cited.items()),
        ]
    return "\n".join(lines)


def _note(text: str, source: str, cite: Any) -> str:
    """A note with its citation: ``[1]`` for a listed source, ``[key]`` for another."""
    if not source:
        return text
    cited = str(cite(source))
    return f"{text} {cited if cited.startswith('[') else f'[{cited}]'}"


def _edition(edition: Edition, locale: LocaleLike) -> str:
    parts = [edition.name or edition.code]
    if edition.start_year:
        parts[0] += f" ({edition.start_year}–{edition.end_year or edition.start_year})"
    if edition.participants_stated:
        count = edition.participants_stated
        parts.append(
            ngettext("{count} municipality", "{count} municipalities", count, locale).format(
                count=count
            )
        )
    if edition.status:
        parts.append(_status(edition.status, locale))
    return ", ".join(parts)


def _event(event: ProgramEvent, locale: LocaleLike) -> str:
    dates = ""
    if event.start is not None:
        start = format_date(event.start, suffix="", locale=locale)
        end = format_date(event.end, suffix="", locale=locale) if event.end is not None else ""
        dates = f": {start}–{end}" if end and end != start else f": {start}"
    place = f", {event.place}" if event.place and event.place not in event.name else ""
    note = f" ({event.note})" if event.note else ""
    return f"{event.name}{place}{dates}{note}"


def _rate_row(rate: Rate, check: RateCheck | None, locale: LocaleLike) -> list[str]:
    kind = _rate_kind(rate.kind, locale)
    if check is None:
        return [kind, _rate_text(rate, locale), "–", "–", ""]
    computed = (
        "–"
        if check.computed is None
        else format_percent(check.computed, decimals=_SHOWN_DECIMALS, locale=locale)
    )
    if check.consistent is None:
        agrees = pgettext("programme", "cannot be checked", locale)
    elif check.consistent:
        agrees = pgettext("programme", "yes", locale)
    else:
        agrees = pgettext("programme", "no", locale)
    return [kind, _rate_text(rate, locale), computed, agrees, _why(check, locale)]


def _per(per: str, locale: LocaleLike) -> str:
    return ", ".join(_per_word(word.strip(), locale) for word in per.split(",") if word.strip())


def _why(check: RateCheck, locale: LocaleLike) -> str:
    """Why the rate agrees with the figures, or not, or cannot be checked, in words."""
    reason = check.reason
    rate = _rate_text(check.rate, locale)
    if reason is RateCheckReason.NO_TOTAL:
        return gettext("no total value is stated", locale)
    if reason is RateCheckReason.NO_GRANT:
        return gettext("no grant amount is stated to check the rate against", locale)
    if reason is RateCheckReason.APPROXIMATE:
        approximate = next(f for f in (check.grant, check.total) if f is not None and f.qualifier)
        figure = _figure_text(approximate, locale)
        return gettext("the amount {figure} is approximate", locale).format(figure=figure)
    if reason is RateCheckReason.NO_OTHER_RATE:
        other_kind = (
            RateKind.OWN_CONTRIBUTION_RATE
            if check.rate.kind is RateKind.REFUND_RATE
            else RateKind.REFUND_RATE
        )
        kind = _rate_kind(other_kind, locale)
        return gettext("the complementary rate ({kind}) is not stated", locale).format(kind=kind)
    if reason is RateCheckReason.OTHER_RATE:
        assert check.other is not None
        message = (
            gettext("{rate} and {other} add up to {total}", locale)
            if check.consistent
            else gettext("{rate} and {other} add up to {total}, not 100%", locale)
        )
        total = check.rate.percent + check.other.percent
        return message.format(
            rate=rate,
            other=_rate_text(check.other, locale),
            total=format_percent(total, decimals=None, locale=locale),
        )
    assert check.grant is not None
    assert check.total is not None
    assert check.computed is not None
    assert check.low is not None
    assert check.high is not None
    message = (
        gettext(
            "{grant} of {total} is {computed} to the precision of the rate; the figures are "
            "rounded, so the true rate lies between {low} and {high}, which admits the stated "
            "{rate}",
            locale,
        )
        if check.consistent
        else gettext(
            "{grant} of {total} is {computed} to the precision of the rate; the figures are "
            "rounded, so the true rate lies between {low} and {high}, which excludes the stated "
            "{rate}",
            locale,
        )
    )
    decimals = max(0, -int(check.rate.precision.normalize().as_tuple().exponent))
    return message.format(
        grant=_figure_text(check.grant, locale),
        total=_figure_text(check.total, locale),
        computed=format_percent(check.computed, decimals=decimals, locale=locale),
        low=format_percent(check.low, decimals=_SHOWN_DECIMALS, locale=locale),
        high=format_percent(check.high, decimals=_SHOWN_DECIMALS, locale=locale),
        rate=rate,
    )


def format_city_profile(
    profile: CityProfile,
    catalogue_name: str,
    *,
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """A city's membership and every programme it took part in, with the programmes' values.

    The city is named in the nominative whatever spelling it was asked by (``Gdańsku``).

    Args:
        profile: The city's profile (:func:`citystrategy.programs.city_profile`).
        catalogue_name: The catalogue's name, for the title.
        width: The widest line wanted (a terminal's width): long names and texts wrap within
            it (see :func:`~citystrategy.reports.render_table`); ``None`` (a file, a pipe)
            never wraps. Names are never cut.
        locale: Language and number format.
    """
    instance(profile, "profile", CityProfile, "a CityProfile")
    text(catalogue_name, "catalogue_name")
    width = _width(width)
    name = profile.territory.name if profile.territory else profile.query
    teryt = (
        f" (TERYT {profile.territory.teryt})"
        if profile.territory and profile.territory.teryt
        else ""
    )
    title = gettext("{name}: programmes (catalogue: {catalogue})", locale)
    lines = [
        _fill(title.format(name=name + teryt, catalogue=catalogue_name), width),
        _fill(_membership_line(profile, locale), width),
        "",
    ]
    if not profile.participations:
        return "\n".join([*lines, pgettext("programme list", "No programmes.", locale)])
    rows = [
        [
            program.code,
            program.name,
            _years(program),
            _participant_role(participant.role, locale),
            participant.edition or "–",
            "; ".join(x for x in (", ".join(participant.networks), participant.note) if x) or "–",
            _figure_text(program.figure("total_value"), locale),
        ]
        for program, participant in profile.participations
    ]
    lines.append(render_table(_profile_columns(locale), rows, align="lllllll", width=width))
    return "\n".join(lines)


def format_program_links(
    links: tuple[tuple[ProgramLink, Program | None], ...],
    *,
    catalogue_names: Mapping[str, str] | None = None,
    width: int | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The programmes attached to a strategy's goals (an unknown programme shows its code).

    Args:
        links: Each link with its programme, or ``None`` if its catalogue lacks it.
        catalogue_names: The catalogues' names by code (``{"zmp": "Związek Miast Polskich"}``);
            a catalogue not in it shows its code.
        width: The widest line wanted (a terminal's width): long names and texts wrap within
            it (see :func:`~citystrategy.reports.render_table`); ``None`` (a file, a pipe)
            never wraps. Names are never cut.
        locale: Language and number format.
    """
    pair = "a pair of a ProgramLink and a Program (or None)"
    for index, link in enumerate(each(links, "links", tuple, pair)):
        if len(link) != 2 or not isinstance(link[0], ProgramLink):
            raise ArgumentTypeError(f"links[{index}]", link, pair)
        if link[1] is not None:
            instance(link[1], f"links[{index}][1]", Program, "a Program or None")
    names = catalogue_names or {}
    width = _width(width)
    rows = [
        [
            f"{link.program}: {program.name}" if program is not None else link.program,
            names.get(link.catalogue, link.catalogue),
            ", ".join(link.goal_codes),
            link.note or "–",
        ]
        for link, program in links
    ]
    return "\n".join(
        [
            _fill(
                pgettext("programme links", "Programmes linked to the strategy's goals", locale),
                width,
            ),
            "",
            render_table(_link_columns(locale), rows, align="llll", width=width),
        ]
    )


#: Decimals of a checked rate, as the programme text shows it.
_RATE_DECIMALS: Final = 2


def _money(figure: Figure) -> dict[str, Any]:
    return {
        "kind": figure.kind.value,
        "amount": exact(figure.money.amount),
        "currency": figure.money.currency,
        "precision": exact(figure.precision),
        "qualifier": figure.qualifier,
        "per": figure.per,
        "holder": figure.holder,
        "stated": figure.stated,
        "raw": figure.raw,
        "source": figure.source,
        "note": figure.note,
        **({} if figure.derivation is None else {"derivation": figure.derivation.value}),
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _territory(territory: Territory) -> dict[str, Any]:
    record: dict[str, Any] = {"name": territory.name}
    why = Why.FOREIGN if territory.kind is TerritoryKind.FOREIGN else Why.NOT_STATED
    put(record, "teryt", territory.teryt, why)
    record["kind"] = territory.kind.value
    return record


def _rate_check(check: RateCheck) -> dict[str, Any]:
    record: dict[str, Any] = {"rate": check.rate.raw}
    for key, value in (("computed", check.computed), ("low", check.low), ("high", check.high)):
        put(record, f"{key}_percent", rounded(value, _RATE_DECIMALS), Why.NOT_CHECKABLE)
    put(record, "consistent", check.consistent, Why.NOT_CHECKABLE)
    record["reason"] = check.reason.value
    return record


def program_data(program: Program) -> dict[str, Any]:
    """One programme as JSON-ready data (see "JSON data" in the reference).

    Amounts are exact decimal strings; a rate is in percent, exact as stated (``percent``), and
    a rate check's figures are in percent rounded to two decimals as the text shows them
    (``computed_percent``, ``low_percent``, ``high_percent``). A ``None`` has its reason beside
    it (``"start_date": None, "start_date_missing": "not_stated"``).
    """
    instance(program, "program", Program, "a Program")
    data: dict[str, Any] = {
        "code": program.code,
        "name": program.name,
        "operator": program.operator,
        "lead_partner": program.lead_partner,
        "period": program.period,
    }
    put(data, "start_year", program.start_year, Why.NOT_STATED)
    put(data, "end_year", program.end_year, Why.NOT_STATED)
    put(data, "start_date", _iso(program.start_date), Why.NOT_STATED)
    put(data, "end_date", _iso(program.end_date), Why.NOT_STATED)
    data["themes"] = list(program.themes)
    data["funder"] = program.funder
    data["figures"] = [_money(f) for f in (*program.figures, *derived_figures(program))]
    data["rates"] = [
        {"kind": r.kind.value, "percent": exact(r.percent), "raw": r.raw, "source": r.source}
        for r in program.rates
    ]
    data["rate_checks"] = [_rate_check(c) for c in check_rates(program)]
    data["partners"] = [{"name": p.name, "role": p.role.value} for p in program.partners]
    data["participants"] = [
        {
            **_territory(p.territory),
            "printed_name": p.printed_name,
            "role": p.role.value,
            "edition": p.edition,
            "networks": list(p.networks),
            "note": p.note,
        }
        for p in program.participants
    ]
    events = []
    for e in program.events:
        event: dict[str, Any] = {"name": e.name, "place": e.place, "country": e.country}
        put(event, "start", _iso(e.start), Why.NOT_STATED)
        put(event, "end", _iso(e.end), Why.NOT_STATED)
        event["raw"] = e.raw
        event["note"] = e.note
        events.append(event)
    data["events"] = events
    outputs = []
    for o in program.outputs:
        output: dict[str, Any] = {"text": o.text}
        put(output, "quantity", exact(o.quantity), Why.NOT_STATED)
        output["qualifier"] = o.qualifier
        outputs.append(output)
    data["outputs"] = outputs
    editions = []
    for edition in program.editions:
        record: dict[str, Any] = {"code": edition.code, "name": edition.name}
        put(record, "start_year", edition.start_year, Why.NOT_STATED)
        put(record, "end_year", edition.end_year, Why.NOT_STATED)
        record["status"] = edition.status
        editions.append(record)
    data["editions"] = editions
    data["notes"] = [{"text": n.text, "source": n.source} for n in program.notes]
    return no_blank_texts(data, Why.NOT_STATED)


def profile_data(profile: CityProfile) -> dict[str, Any]:
    """A city's profile as JSON-ready data (see "JSON data" in the reference)."""
    instance(profile, "profile", CityProfile, "a CityProfile")
    territory, listed = profile.territory, profile.membership
    data: dict[str, Any] = {"query": profile.query}
    put(data, "territory", None if territory is None else _territory(territory), Why.NOT_FOUND)
    put(data, "member", profile.member, Why.PARTIAL_LIST)
    membership: dict[str, Any] = {"status": profile.status.value}
    why = Why.PARTIAL_LIST if listed is None else Why.NOT_STATED
    for key in ("source", "as_of", "note"):
        put(membership, key, None if listed is None else getattr(listed, key), why)
    data["membership"] = membership
    participations = []
    for program, participant in profile.participations:
        record: dict[str, Any] = {
            "program": program.code,
            "name": program.name,
            "role": participant.role.value,
            "edition": participant.edition,
            "networks": list(participant.networks),
            "note": participant.note,
        }
        figure = program.figure("total_value")
        put(record, "total_value", None if figure is None else _money(figure), Why.NOT_STATED)
        participations.append(record)
    data["participations"] = participations
    return no_blank_texts(data, Why.NOT_STATED)
