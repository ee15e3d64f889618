"""Read a programme catalogue (``catalogue.toml`` and ``members.csv``) into the model.

The format is documented in the ZMP adapter's ``data/README.md`` and in
``docs/howto/add-a-program.md``. Figures and rates are kept verbatim (``"10,9 mln zł"``,
``"88,6%"``) and parsed here, with the precision they were stated with. Every problem of a file
is raised at once as a :class:`~citystrategy.errors.DataFileError` naming the programme and the
field.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, TypeVar

from citystrategy.io._files import (
    Problems,
    as_traversable,
    call,
    check_keys,
    get,
    get_enum,
    optional_date,
    read_text,
    read_toml,
    strings,
    text,
)
from citystrategy.io.parse import Amount, parse_percent, parse_value
from citystrategy.model import (
    Catalogue,
    Edition,
    Figure,
    FigureKind,
    Output,
    Participant,
    ParticipantRole,
    Partner,
    PartnerRole,
    Program,
    ProgramEvent,
    ProgramNote,
    Rate,
    RateKind,
    Source,
    Territory,
    TerritoryKind,
)
from citystrategy.model._names import normalise_name
from citystrategy.money import Money

T = TypeVar("T")

__all__ = ["VOIVODESHIPS", "check_teryt", "read_catalogue", "read_members"]

#: TERC codes of the 16 voivodeships.
VOIVODESHIPS: Final = frozenset(f"{code:02d}" for code in range(2, 33, 2))
#: TERC gmina kinds: 1 urban, 2 rural, 3 urban-rural, 4 town part, 5 rural part, 8 and 9 districts.
_GMINA_KINDS: Final = frozenset("1234589")
_TERYT_RE: Final = re.compile(r"[0-9]{7}")

_PROGRAM_KEYS: Final = {
    "code",
    "name",
    "operator",
    "lead_partner",
    "start_year",
    "end_year",
    "start_date",
    "end_date",
    "period",
    "themes",
    "description",
    "funder",
    "source",
    "figures",
    "rates",
    "partners",
    "participants",
    "events",
    "outputs",
    "editions",
    "notes",
}
_KEYS: Final = {
    "figures": {"kind", "amount", "qualifier", "per", "holder", "stated", "source", "note"},
    "rates": {"kind", "rate", "stated", "source", "note"},
    "partners": {"name", "role", "source"},
    "participants": {
        "name",
        "official_name",
        "teryt",
        "country",
        "kind",
        "role",
        "edition",
        "networks",
        "note",
        "source",
    },
    "events": {"name", "place", "country", "start", "end", "raw", "source", "note"},
    "outputs": {"text", "quantity", "qualifier", "source"},
    "editions": {
        "code",
        "name",
        "start_year",
        "end_year",
        "participants_stated",
        "members_stated",
        "status",
        "source",
        "note",
    },
    "notes": {"text", "source"},
}
_MEMBER_COLUMNS: Final = (
    "name",
    "voivodeship",
    "teryt_gmina",
    "teryt_town",
    "gmina_kind",
    "city_with_powiat_rights",
    "membership_source",
)


def check_teryt(code: str) -> str | None:
    """Why *code* is not a TERC gmina code, or ``None`` if it is one.

    >>> check_teryt("2661011") is None, check_teryt("2761011")
    (True, "voivodeship '27' does not exist")
    """
    if not _TERYT_RE.fullmatch(code):
        return "expected 7 digits"
    if code[:2] not in VOIVODESHIPS:
        return f"voivodeship {code[:2]!r} does not exist"
    if code[2:4] == "00":
        return "powiat number 00 does not exist"
    if code[4:6] == "00":
        return "gmina number 00 does not exist"
    if code[6] not in _GMINA_KINDS:
        return f"gmina kind {code[6]!r} does not exist"
    return None


def read_members(file: Traversable) -> tuple[Territory, ...]:
    """Member territories from a members CSV, with validated TERC codes.

    Raises:
        DataFileError: Listing every row with a bad code or a missing column.
    """
    problems = Problems(str(file))
    content = read_text(file, problems)
    reader = csv.DictReader(io.StringIO(content))
    missing = [c for c in _MEMBER_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        problems.add("line 1 (header)", f"missing column(s) {', '.join(map(repr, missing))}")
        problems.raise_if_any()
    members = []
    for number, row in enumerate(reader, start=2):
        code = row["teryt_gmina"]
        reason = check_teryt(code)
        if reason is not None:
            problems.add(
                f"line {number}, column 'teryt_gmina'", f"{code!r} for {row['name']!r}: {reason}"
            )
            continue
        if row["city_with_powiat_rights"] not in ("yes", "no"):
            problems.add(
                f"line {number}, column 'city_with_powiat_rights'",
                f"expected yes or no, found {row['city_with_powiat_rights']!r}",
            )
            continue
        kind = (
            TerritoryKind.CITY_WITH_POWIAT_RIGHTS
            if row["city_with_powiat_rights"] == "yes"
            else TerritoryKind.GMINA
        )
        members.append(Territory(name=row["name"], kind=kind, teryt=code))
    problems.raise_if_any()
    return tuple(members)


def _precision(raw: str, amount: Amount) -> Decimal:
    """The unit of the last digit stated: ``10,9 mln zł`` -> 100000, ``115 tys. zł`` -> 1000."""
    fraction = re.search(r",([0-9]+)", raw)
    digits = len(fraction.group(1)) if fraction else 0
    return (amount.scale or Decimal(1)) * Decimal(1).scaleb(-digits)


def _figure(item: Mapping[str, Any], where: str, problems: Problems) -> Figure | None:
    kind = get_enum(FigureKind, str(item.get("kind", "")), f"{where}.kind", problems)
    raw = str(item.get("amount", ""))
    parsed = call(problems, f"{where}.amount", parse_value, raw, field="amount", location=where)
    if kind is None or parsed is None:
        return None
    if not isinstance(parsed, Amount) or parsed.unit not in ("PLN", "EUR"):
        problems.add(
            f"{where}.amount", f"expected an amount of money such as '10,9 mln zł', found {raw!r}"
        )
        return None
    return call(
        problems,
        where,
        Figure,
        kind=kind,
        money=Money(parsed.number, parsed.unit),
        precision=_precision(raw, parsed),
        qualifier=str(item.get("qualifier", "")),
        per=str(item.get("per", "")),
        holder=str(item.get("holder", "")),
        stated=_flag(item, "stated", where, problems),
        raw=raw,
        source=str(item.get("source", "")),
        note=str(item.get("note", "")),
    )


def _rate(item: Mapping[str, Any], where: str, problems: Problems) -> Rate | None:
    kind = get_enum(RateKind, str(item.get("kind", "")), f"{where}.kind", problems)
    raw = str(item.get("rate", ""))
    percent = call(
        problems,
        f"{where}.rate",
        parse_percent,
        raw.replace(" %", "%"),
        field="rate",
        location=where,
    )
    if kind is None or percent is None:
        return None
    fraction = re.search(r",([0-9]+)", raw)
    precision = Decimal(1).scaleb(-(len(fraction.group(1)) if fraction else 0))
    return call(
        problems,
        f"{where}.rate",
        Rate,
        kind=kind,
        percent=percent,
        precision=precision,
        raw=raw,
        stated=_flag(item, "stated", where, problems),
        source=str(item.get("source", "")),
        note=str(item.get("note", "")),
    )


def _participant(
    item: Mapping[str, Any], where: str, problems: Problems, members: Mapping[str, Territory]
) -> Participant | None:
    printed = str(item.get("name", ""))
    official = str(item.get("official_name", "")) or printed
    country = str(item.get("country", "PL"))
    code = str(item.get("teryt", ""))
    kind = get_enum(TerritoryKind, str(item.get("kind", "gmina")), f"{where}.kind", problems)
    role = get_enum(ParticipantRole, str(item.get("role", "")), f"{where}.role", problems)
    if country == "PL":
        reason = check_teryt(code)
        if reason is not None:
            problems.add(f"{where}.teryt", f"{code!r} for {printed!r}: {reason}")
            return None
        member = members.get(normalise_name(official))
        if member is not None and member.teryt != code:
            problems.add(
                f"{where}.teryt",
                f"{code!r} for {printed!r} differs from the member list's {member.teryt!r}",
            )
            return None
    elif code:
        problems.add(f"{where}.teryt", f"a territory in {country} has no TERYT code (got {code!r})")
        return None
    if kind is None or role is None:
        return None
    territory = call(problems, where, Territory, name=official, kind=kind, teryt=code or None)
    if territory is None:
        return None
    return call(
        problems,
        where,
        Participant,
        territory=territory,
        role=role,
        printed_name=printed,
        edition=str(item.get("edition", "")),
        networks=strings(item, "networks", where, problems),
        note=str(item.get("note", "")),
        source=str(item.get("source", "")),
    )


def _source(item: Mapping[str, Any], where: str, sources: set[str], problems: Problems) -> None:
    key = item.get("source", "")
    if key and key not in sources:
        problems.add(
            f"{where}.source", f"unknown source {key!r} (known: {', '.join(sorted(sources))})"
        )


def _flag(item: Mapping[str, Any], key: str, where: str, problems: Problems) -> bool:
    """An optional TOML boolean (default true); a string such as "false" is refused."""
    value = item.get(key, True)
    if not isinstance(value, bool):
        problems.add(f"{where}.{key}", f"expected true or false, found {value!r}")
        return True
    return value


def _int(item: Mapping[str, Any], key: str, where: str, problems: Problems) -> int | None:
    if key not in item or item[key] == "":
        return None
    value = item[key]
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.add(f"{where}.{key}", f"expected a whole number, found {value!r}")
    return None


def _partner(part: Mapping[str, Any], at: str, problems: Problems) -> Partner | None:
    role = get_enum(PartnerRole, str(part.get("role", "partner")), f"{at}.role", problems)
    return call(
        problems,
        at,
        Partner,
        name=str(part.get("name", "")),
        role=role or PartnerRole.PARTNER,
        source=str(part.get("source", "")),
    )


def _event(part: Mapping[str, Any], at: str, problems: Problems) -> ProgramEvent | None:
    return call(
        problems,
        at,
        ProgramEvent,
        name=str(part.get("name", "")),
        place=str(part.get("place", "")),
        country=str(part.get("country", "PL")),
        start=optional_date(part, "start", at, problems),
        end=optional_date(part, "end", at, problems),
        raw=str(part.get("raw", "")),
        source=str(part.get("source", "")),
        note=str(part.get("note", "")),
    )


def _output(part: Mapping[str, Any], at: str, problems: Problems) -> Output | None:
    quantity_text = str(part.get("quantity", "")).replace(" ", "")
    quantity = (
        Decimal(quantity_text) if quantity_text.isascii() and quantity_text.isdigit() else None
    )
    if quantity_text and quantity is None:
        problems.add(f"{at}.quantity", f"expected a whole number, found {part.get('quantity')!r}")
    return call(
        problems,
        at,
        Output,
        text=text(str(part.get("text", ""))),
        quantity=quantity,
        qualifier=str(part.get("qualifier", "")),
        source=str(part.get("source", "")),
    )


def _edition(part: Mapping[str, Any], at: str, problems: Problems) -> Edition | None:
    return call(
        problems,
        at,
        Edition,
        code=str(part.get("code", "")),
        name=str(part.get("name", "")),
        start_year=_int(part, "start_year", at, problems),
        end_year=_int(part, "end_year", at, problems),
        participants_stated=_int(part, "participants_stated", at, problems),
        members_stated=_int(part, "members_stated", at, problems),
        status=str(part.get("status", "")),
        source=str(part.get("source", "")),
        note=str(part.get("note", "")),
    )


def _note(part: Mapping[str, Any], at: str, problems: Problems) -> ProgramNote | None:
    return call(
        problems,
        at,
        ProgramNote,
        text=text(str(part.get("text", ""))),
        source=str(part.get("source", "")),
    )


def _program(
    item: Mapping[str, Any],
    index: int,
    members: Mapping[str, Territory],
    sources: set[str],
    problems: Problems,
) -> Program | None:
    code = str(item.get("code", "")) or f"#{index}"
    where = f"programs[{code}]"
    check_keys(item, _PROGRAM_KEYS, where, problems)
    _source(item, where, sources, problems)

    def collect(key: str, build: Callable[[Mapping[str, Any], str, Problems], T | None]) -> list[T]:
        found = []
        for number, part in enumerate(item.get(key, []), start=1):
            at = f"{where}.{key}[{number}]"
            check_keys(part, _KEYS[key], at, problems)
            _source(part, at, sources, problems)
            built = build(part, at, problems)
            if built is not None:
                found.append(built)
        return found

    figures = collect("figures", _figure)
    rates = collect("rates", _rate)
    participants = collect("participants", partial(_participant, members=members))
    partners = collect("partners", _partner)
    events = collect("events", _event)
    outputs = collect("outputs", _output)
    editions = collect("editions", _edition)
    notes = collect("notes", _note)
    return call(
        problems,
        where,
        Program,
        code=str(item.get("code", "")),
        name=str(item.get("name", "")),
        operator=str(item.get("operator", "")),
        lead_partner=str(item.get("lead_partner", "")),
        start_year=_int(item, "start_year", where, problems),
        end_year=_int(item, "end_year", where, problems),
        start_date=optional_date(item, "start_date", where, problems),
        end_date=optional_date(item, "end_date", where, problems),
        period=str(item.get("period", "")),
        themes=strings(item, "themes", where, problems),
        description=text(str(item.get("description", ""))),
        funder=str(item.get("funder", "")),
        figures=figures,
        rates=rates,
        partners=partners,
        participants=participants,
        events=events,
        outputs=outputs,
        editions=editions,
        notes=notes,
        source=str(item.get("source", "")),
    )


def _one_name_per_code(
    programs: list[Program], members: tuple[Territory, ...], problems: Problems
) -> None:
    """A TERYT code names one territory: two different names for one code is a problem."""
    names: dict[str, tuple[str, str]] = {
        m.teryt: (normalise_name(m.name), "members.csv") for m in members if m.teryt
    }
    for program in programs:
        for number, participant in enumerate(program.participants, start=1):
            code = participant.territory.teryt
            if code is None:
                continue
            name = normalise_name(participant.territory.name)
            where = f"programs[{program.code}].participants[{number}].teryt"
            known = names.setdefault(code, (name, where))
            if known[0] != name:
                message = f"{code!r} is {participant.territory.name!r} here but another territory at {known[1]}"
                problems.add(where, message)


def read_catalogue(directory: Traversable | str | Path) -> Catalogue:
    """Read the catalogue in *directory* (``catalogue.toml`` and ``members.csv``).

    Raises:
        DataFileError: If a file is missing or malformed; every problem of the file at once,
            each naming the programme and field (``programs[ZMP-PPP].participants[3].teryt``).
    """
    root = as_traversable(directory)
    members = read_members(root / "members.csv")
    file = root / "catalogue.toml"
    raw = read_toml(file)
    problems = Problems(str(file))
    check_keys(raw, {"catalogue", "sources", "programs"}, "file", problems)
    head = raw.get("catalogue", {})
    check_keys(head, {"code", "name", "title", "members_complete"}, "catalogue", problems)
    complete = head.get("members_complete", False)
    if not isinstance(complete, bool):
        problems.add("catalogue.members_complete", f"expected true or false, found {complete!r}")
    sources = []
    for number, item in enumerate(raw.get("sources", []), start=1):
        check_keys(item, {"key", "title", "url"}, f"sources[{number}]", problems)
        source = call(
            problems,
            f"sources[{number}]",
            Source,
            key=str(item.get("key", "")),
            title=str(item.get("title", "")),
            url=str(item.get("url", "")),
        )
        if source is not None:
            sources.append(source)
    keys = {s.key for s in sources}
    by_name = {normalise_name(m.name): m for m in members}
    programs = [
        program
        for index, item in enumerate(raw.get("programs", []), start=1)
        if (program := _program(item, index, by_name, keys, problems)) is not None
    ]
    for program in programs:
        budget = [f for f in program.figures if f.kind is not FigureKind.PER_CITY_BUDGET]
        currencies = sorted({f.money.currency for f in budget})
        if len(currencies) > 1:
            listed = ", ".join(f"{f.kind.value} {f.raw!r}" for f in budget)
            problems.add(
                f"programs[{program.code}].figures",
                f"budget figures in several currencies: {listed}",
            )
    codes = [p.code for p in programs]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        problems.add(f"programs[{code}]", "repeated programme code")
    _one_name_per_code(programs, members, problems)
    code = get(head, "code", str, "catalogue", problems)
    name = get(head, "name", str, "catalogue", problems)
    problems.raise_if_any()
    return Catalogue(
        code=code,
        name=name,
        title=str(head.get("title", "")),
        programs=programs,
        members=members,
        members_complete=complete is True,
        sources=sources,
    )
