"""Programme catalogues as text tables and JSON-ready data: lists, one programme, a city."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

from citystrategy._arguments import each, instance, text
from citystrategy.errors import ArgumentTypeError
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    LocaleLike,
    format_date,
    format_money,
    format_money_scaled,
    format_percent,
    get_label,
    get_language,
)
from citystrategy.funding import RateCheck, check_rates, derived_figures
from citystrategy.model import CityProfile, Figure, Program, ProgramLink, Source
from citystrategy.money import Money
from citystrategy.reports.text import render_table

__all__ = [
    "format_city_profile",
    "format_program",
    "format_program_links",
    "format_programs",
    "profile_data",
    "program_data",
]

_LABELS: Final[dict[str, dict[str, Any]]] = {
    "pl": {
        "list": ("Kod", "Program", "Lata", "Miasta", "Wartość"),
        "period": "Okres",
        "operator": "Realizator",
        "lead": "Lider",
        "funder": "Finansowanie",
        "themes": "Tematy",
        "figures": "Kwoty",
        "figure_columns": ("Rodzaj", "Kwota", "Dokładność", "Dotyczy", "Źródło"),
        "rates": "Stawki i ich zgodność z kwotami",
        "rate_columns": ("Rodzaj", "Stawka", "Wyliczona", "Zgodna", "Dlaczego"),
        "partners": "Partnerzy",
        "participants": "Uczestnicy",
        "participant_columns": ("Miasto / gmina", "TERYT", "Rola", "Edycja", "Uwagi"),
        "events": "Wydarzenia",
        "outputs": "Rezultaty",
        "notes": "Uwagi z innych źródeł",
        "sources": "Źródła",
        "roles": {"partner": "partner", "lead_partner": "lider", "funder": "finansujący"},
        "editions": "Edycje",
        "yes": "tak",
        "no": "nie",
        "unknown": "nie da się sprawdzić",
        "derived": "wyliczona",
        "per": {"year": "rok", "city": "miasto"},
        "profile": "{name}: programy {catalogue}",
        "member": {
            True: "miasto członkowskie",
            None: "członkostwo nieznane (lista członków niepełna)",
            False: "nie jest członkiem",
        },
        "profile_columns": (
            "Kod",
            "Program",
            "Lata",
            "Rola",
            "Edycja",
            "Uwagi",
            "Wartość programu",
        ),
        "none": "Brak programów.",
        "links": "Programy zewnętrzne powiązane z celami strategii",
        "link_columns": ("Program", "Katalog", "Cele", "Uwagi"),
        "kinds": {
            "total_value": "wartość całkowita",
            "grant": "dofinansowanie",
            "eu_cofinancing": "środki UE",
            "own_contribution": "wkład własny",
            "operator_share": "część partnera",
            "per_city_budget": "budżet miasta",
            "funding_rate": "poziom dofinansowania",
            "refund_rate": "refundacja",
            "own_contribution_rate": "wkład własny",
        },
    },
    "en": {
        "list": ("Code", "Programme", "Years", "Cities", "Value"),
        "period": "Period",
        "operator": "Operator",
        "lead": "Lead partner",
        "funder": "Funding",
        "themes": "Themes",
        "figures": "Figures",
        "figure_columns": ("Kind", "Amount", "Precision", "Per", "Source"),
        "rates": "Rates and whether the figures agree",
        "rate_columns": ("Kind", "Rate", "Computed", "Agrees", "Why"),
        "partners": "Partners",
        "participants": "Participants",
        "participant_columns": ("City / gmina", "TERYT", "Role", "Edition", "Notes"),
        "events": "Events",
        "outputs": "Outputs",
        "notes": "Notes from other sources",
        "sources": "Sources",
        "roles": {"partner": "partner", "lead_partner": "lead partner", "funder": "funder"},
        "editions": "Editions",
        "yes": "yes",
        "no": "no",
        "unknown": "cannot be checked",
        "derived": "derived",
        "profile": "{name}: {catalogue} programmes",
        "member": {
            True: "member city",
            None: "membership unknown (the member list is partial)",
            False: "not a member",
        },
        "profile_columns": (
            "Code",
            "Programme",
            "Years",
            "Role",
            "Edition",
            "Notes",
            "Programme value",
        ),
        "none": "No programmes.",
        "links": "Programmes linked to the strategy's goals",
        "link_columns": ("Programme", "Catalogue", "Goals", "Notes"),
        "kinds": {},
    },
}


def _years(program: Program) -> str:
    if program.start_year is None:
        return program.period or "–"
    if program.end_year in (None, program.start_year):
        return str(program.start_year)
    return f"{program.start_year}–{program.end_year}"


def _figure_text(figure: Figure | None, locale: LocaleLike) -> str:
    """A figure as stated: ``10,9 mln zł`` stays in millions, ``140 750 zł`` in złoty."""
    if figure is None:
        return "–"
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
    return f"{figure.qualifier} {text}".strip()


def _kind(kind: str, t: dict[str, Any]) -> str:
    return str(t["kinds"].get(kind, kind.replace("_", " ")))


def format_programs(programs: tuple[Program, ...], *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """A table of programmes: code, name, years, number of participating territories, value."""
    programs = each(programs, "programs", Program, "a Program")
    t = _LABELS[get_language(locale)]
    if not programs:
        return str(t["none"])
    rows = [
        [
            p.code,
            p.name if len(p.name) <= 70 else p.name[:69] + "…",
            _years(p),
            str(len({x.territory.id for x in p.participants})) if p.participants else "–",
            _figure_text(p.figure("total_value"), locale),
        ]
        for p in programs
    ]
    return render_table(t["list"], rows, align="llrrr")


def format_program(
    program: Program, *, sources: Iterable[Source] = (), locale: LocaleLike = DEFAULT_LOCALE
) -> str:
    """Everything a catalogue knows of one programme, with its rates checked against its figures.

    Args:
        program: The programme.
        sources: The catalogue's sources: each one cited is shown as ``[1]`` and listed by its
            title at the end (without them, a source shows as its key).
        locale: Language and number format.
    """
    instance(program, "program", Program, "a Program")
    t = _LABELS[get_language(locale)]
    titles = {source.key: source.title for source in sources}
    cited: dict[str, int] = {}

    def cite(key: str) -> str:
        return f"[{cited.setdefault(key, len(cited) + 1)}]" if key in titles else key

    lines = [f"{program.code}: {program.name}", ""]
    for label, value in (
        (t["period"], program.period or _years(program)),
        (t["operator"], program.operator),
        (t["lead"], program.lead_partner),
        (t["funder"], program.funder),
        (t["themes"], ", ".join(program.themes)),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if program.description:
        lines += ["", program.description]
    figures = (*program.figures, *derived_figures(program))
    if figures:
        rows = [
            [
                _kind(f.kind.value, t),
                _figure_text(f, locale),
                format_money(
                    Money(f.precision, f.money.currency),
                    decimals=0 if f.precision >= 1 else 2,
                    locale=locale,
                ),
                ", ".join(x for x in (_per(f.per, t), f.holder) if x) or "–",
                cite(f.source) if f.source else (t["derived"] if not f.stated else "–"),
            ]
            for f in figures
        ]
        lines += ["", t["figures"] + ":", render_table(t["figure_columns"], rows, align="lrrll")]
    checks = check_rates(program)
    if program.rates:
        by_rate = {id(c.rate): c for c in checks}
        rows = [
            _rate_row(r.kind.value, r.raw, by_rate.get(id(r)), t, locale) for r in program.rates
        ]
        lines += ["", t["rates"] + ":", render_table(t["rate_columns"], rows, align="lrrll")]
    for title, items in (
        (
            t["partners"],
            [f"{p.name} ({t['roles'].get(p.role.value, p.role.value)})" for p in program.partners],
        ),
        (t["editions"], [_edition(e) for e in program.editions]),
        (t["events"], [_event(e, locale) for e in program.events]),
        (t["outputs"], [o.text for o in program.outputs]),
        (t["notes"], [_note(n.text, n.source, cite) for n in program.notes]),
    ):
        if items:
            lines += ["", title + ":", *(f"  - {item}" for item in items)]
    if program.participants:
        rows = [
            [
                p.printed_name or p.territory.name,
                p.territory.teryt or "–",
                get_label(p.role, locale=locale),
                p.edition or "–",
                "; ".join(x for x in (", ".join(p.networks), p.note) if x) or "–",
            ]
            for p in program.participants
        ]
        lines += [
            "",
            t["participants"] + ":",
            render_table(t["participant_columns"], rows, align="lllll"),
        ]
    if cited:
        lines += ["", t["sources"] + ":", *(f"  [{n}] {titles[key]}" for key, n in cited.items())]
    return "\n".join(lines)


def _note(text: str, source: str, cite: Any) -> str:
    """A note with its citation: ``[1]`` for a listed source, ``[key]`` for another."""
    if not source:
        return text
    cited = str(cite(source))
    return f"{text} {cited if cited.startswith('[') else f'[{cited}]'}"


def _edition(edition: Any) -> str:
    years = f" ({edition.start_year}–{edition.end_year})" if edition.start_year else ""
    counts = f", {edition.participants_stated} JST" if edition.participants_stated else ""
    status = f", {edition.status}" if edition.status else ""
    return f"{edition.name or edition.code}{years}{counts}{status}"


def _event(event: Any, locale: LocaleLike) -> str:
    dates = ""
    if event.start is not None:
        start = format_date(event.start, suffix="", locale=locale)
        end = format_date(event.end, suffix="", locale=locale) if event.end is not None else ""
        dates = f": {start}–{end}" if end and end != start else f": {start}"
    place = f", {event.place}" if event.place and event.place not in event.name else ""
    note = f" ({event.note})" if event.note else ""
    return f"{event.name}{place}{dates}{note}"


def _rate_row(
    kind: str, raw: str, check: RateCheck | None, t: dict[str, Any], locale: LocaleLike
) -> list[str]:
    if check is None:
        return [_kind(kind, t), raw, "–", "–", ""]
    computed = (
        "–" if check.computed is None else format_percent(check.computed, decimals=2, locale=locale)
    )
    agrees = t["unknown"] if check.consistent is None else t["yes"] if check.consistent else t["no"]
    return [_kind(kind, t), raw, computed, agrees, _why(check, locale)]


def _per(per: str, t: dict[str, Any]) -> str:
    words = t.get("per", {})
    return ", ".join(
        words.get(word.strip(), word.strip()) for word in per.split(",") if word.strip()
    )


def _why(check: RateCheck, locale: LocaleLike) -> str:
    """The check's explanation, in Polish for a Polish locale (its numbers formatted)."""
    if get_language(locale) != "pl":
        return check.explanation
    if check.consistent is None:
        return (
            "nie da się sprawdzić: "
            + {
                True: "kwota przybliżona",
                False: "brak kwoty, z którą można porównać",
            }[check.computed is not None]
        )
    if check.rate.kind.value == "funding_rate":
        assert check.low is not None
        assert check.high is not None
        assert check.computed is not None
        shown = format_percent(check.computed, decimals=1, locale=locale)
        low = format_percent(check.low, decimals=2, locale=locale)
        high = format_percent(check.high, decimals=2, locale=locale)
        verdict = "co dopuszcza" if check.consistent else "co wyklucza"
        return (
            f"z podanych kwot wychodzi {shown}; kwoty są zaokrąglone, więc rzeczywista stawka "
            f"leży między {low} a {high}, {verdict} podane {check.rate.raw}"
        )
    total = format_percent(
        check.rate.percent + (100 - (check.computed or 0)), decimals=None, locale=locale
    )
    return f"stawki sumują się do {total}" + ("" if check.consistent else " (nie do 100%)")


def format_city_profile(
    profile: CityProfile, catalogue_name: str, *, locale: LocaleLike = DEFAULT_LOCALE
) -> str:
    """A city's membership and every programme it took part in, with the programmes' values."""
    instance(profile, "profile", CityProfile, "a CityProfile")
    text(catalogue_name, "catalogue_name")
    t = _LABELS[get_language(locale)]
    name = profile.territory.name if profile.territory else profile.query
    teryt = (
        f" (TERYT {profile.territory.teryt})"
        if profile.territory and profile.territory.teryt
        else ""
    )
    lines = [
        t["profile"].format(name=name + teryt, catalogue=catalogue_name),
        t["member"][profile.member],
        "",
    ]
    if not profile.participations:
        return "\n".join([*lines, t["none"]])
    rows = [
        [
            program.code,
            program.name if len(program.name) <= 50 else program.name[:49] + "…",
            _years(program),
            get_label(participant.role, locale=locale),
            participant.edition or "–",
            "; ".join(x for x in (", ".join(participant.networks), participant.note) if x) or "–",
            _figure_text(program.figure("total_value"), locale),
        ]
        for program, participant in profile.participations
    ]
    lines.append(render_table(t["profile_columns"], rows, align="lllllll"))
    return "\n".join(lines)


def format_program_links(
    links: tuple[tuple[ProgramLink, Program | None], ...],
    *,
    catalogue_names: Mapping[str, str] | None = None,
    locale: LocaleLike = DEFAULT_LOCALE,
) -> str:
    """The programmes attached to a strategy's goals (an unknown programme shows its code).

    Args:
        links: Each link with its programme, or ``None`` if its catalogue lacks it.
        catalogue_names: The catalogues' names by code (``{"zmp": "Związek Miast Polskich"}``);
            a catalogue not in it shows its code.
        locale: Language and number format.
    """
    pair = "a pair of a ProgramLink and a Program (or None)"
    for index, link in enumerate(each(links, "links", tuple, pair)):
        if len(link) != 2 or not isinstance(link[0], ProgramLink):
            raise ArgumentTypeError(f"links[{index}]", link, pair)
        if link[1] is not None:
            instance(link[1], f"links[{index}][1]", Program, "a Program or None")
    t = _LABELS[get_language(locale)]
    names = catalogue_names or {}
    rows = [
        [
            f"{link.program}: {program.name}" if program is not None else link.program,
            names.get(link.catalogue, link.catalogue),
            ", ".join(link.goal_codes),
            link.note or "–",
        ]
        for link, program in links
    ]
    return "\n".join([t["links"], "", render_table(t["link_columns"], rows, align="llll")])


def _money(figure: Figure) -> dict[str, Any]:
    return {
        "kind": figure.kind.value,
        "amount": str(figure.money.amount),
        "currency": figure.money.currency,
        "precision": str(figure.precision),
        "qualifier": figure.qualifier,
        "per": figure.per,
        "holder": figure.holder,
        "stated": figure.stated,
        "raw": figure.raw,
        "source": figure.source,
        "note": figure.note,
    }


def program_data(program: Program) -> dict[str, Any]:
    """One programme as JSON-ready data (amounts as exact decimal strings)."""
    instance(program, "program", Program, "a Program")
    return {
        "code": program.code,
        "name": program.name,
        "operator": program.operator,
        "lead_partner": program.lead_partner,
        "period": program.period,
        "start_year": program.start_year,
        "end_year": program.end_year,
        "start_date": program.start_date.isoformat() if program.start_date else None,
        "end_date": program.end_date.isoformat() if program.end_date else None,
        "themes": list(program.themes),
        "funder": program.funder,
        "figures": [_money(f) for f in (*program.figures, *derived_figures(program))],
        "rates": [
            {"kind": r.kind.value, "percent": str(r.percent), "raw": r.raw, "source": r.source}
            for r in program.rates
        ],
        "rate_checks": [
            {
                "rate": c.rate.raw,
                "computed": None if c.computed is None else str(c.computed),
                "low": None if c.low is None else str(c.low),
                "high": None if c.high is None else str(c.high),
                "consistent": c.consistent,
                "explanation": c.explanation,
            }
            for c in check_rates(program)
        ],
        "partners": [{"name": p.name, "role": p.role.value} for p in program.partners],
        "participants": [
            {
                "name": p.territory.name,
                "printed_name": p.printed_name,
                "teryt": p.territory.teryt,
                "kind": p.territory.kind.value,
                "role": p.role.value,
                "edition": p.edition,
                "networks": list(p.networks),
                "note": p.note,
            }
            for p in program.participants
        ],
        "events": [
            {
                "name": e.name,
                "place": e.place,
                "country": e.country,
                "start": e.start.isoformat() if e.start else None,
                "end": e.end.isoformat() if e.end else None,
                "raw": e.raw,
                "note": e.note,
            }
            for e in program.events
        ],
        "outputs": [
            {
                "text": o.text,
                "quantity": None if o.quantity is None else str(o.quantity),
                "qualifier": o.qualifier,
            }
            for o in program.outputs
        ],
        "editions": [
            {
                "code": e.code,
                "name": e.name,
                "start_year": e.start_year,
                "end_year": e.end_year,
                "status": e.status,
            }
            for e in program.editions
        ],
        "notes": [{"text": n.text, "source": n.source} for n in program.notes],
    }


def _optional_money(figure: Figure | None) -> dict[str, Any] | None:
    return None if figure is None else _money(figure)


def profile_data(profile: CityProfile) -> dict[str, Any]:
    """A city's profile as JSON-ready data."""
    instance(profile, "profile", CityProfile, "a CityProfile")
    territory, m = profile.territory, profile.membership
    return {
        "query": profile.query,
        "territory": None
        if territory is None
        else {"name": territory.name, "teryt": territory.teryt, "kind": territory.kind.value},
        "member": profile.member,
        "membership": {
            "status": profile.status.value,
            **{key: None if m is None else getattr(m, key) for key in ("source", "as_of", "note")},
        },
        "participations": [
            {
                "program": program.code,
                "name": program.name,
                "role": participant.role.value,
                "edition": participant.edition,
                "networks": list(participant.networks),
                "note": participant.note,
                "total_value": _optional_money(program.figure("total_value")),
            }
            for program, participant in profile.participations
        ],
    }
