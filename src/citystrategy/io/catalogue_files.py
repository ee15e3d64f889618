"""Read a programme catalogue (``catalogue.toml`` and its member lists) into the model.

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
from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, TypeVar

from citystrategy import _arguments
from citystrategy._i18n import N_
from citystrategy.io._files import (
    HEADER,
    Place,
    Problems,
    as_traversable,
    call,
    check_keys,
    read_text,
    read_toml,
)
from citystrategy.io._structure import Shape, Structurer
from citystrategy.io.parse import Amount, parse_money, parse_percent, parse_value
from citystrategy.model import (
    Catalogue,
    Edition,
    Figure,
    FigureKind,
    Membership,
    MembershipStatus,
    Output,
    Participant,
    Partner,
    Program,
    ProgramEvent,
    ProgramNote,
    Rate,
    Source,
    Territory,
    TerritoryKind,
)
from citystrategy.model._names import normalise_name
from citystrategy.model.territory import VOIVODESHIPS as _VOIVODESHIPS
from citystrategy.model.territory import TerytLevel, teryt_problem
from citystrategy.model.territory import check_teryt as check_teryt

T = TypeVar("T")

__all__ = [
    "MEMBER_FILES",
    "VOIVODESHIPS",
    "check_teryt",
    "read_catalogue",
    "read_members",
    "read_memberships",
]

#: The 16 voivodeships by their TERC code, with their names (the register's, shared).
VOIVODESHIPS: Final = _VOIVODESHIPS
#: The member lists of a catalogue's folder, each with the status its rows have; only the
#: first, ``members.csv``, is required.
MEMBER_FILES: Final = MappingProxyType(
    {
        "members.csv": MembershipStatus.MEMBER,
        "members_indirect.csv": MembershipStatus.PROBABLY,
        "not_members.csv": MembershipStatus.NOT_MEMBER,
    }
)
#: TERC gmina kinds (the 7th digit of a gmina code) as the member lists name them.
_GMINA_KIND_NAMES: Final = MappingProxyType(
    {"1": "gmina miejska", "2": "gmina wiejska", "3": "gmina miejsko-wiejska"}
)

_MEMBER_COLUMNS: Final = (
    "name",
    "voivodeship",
    "teryt_gmina",
    "teryt_town",
    "gmina_kind",
    "city_with_powiat_rights",
    "membership_source",
    "as_of",
    "note",
)


#: A TERYT code that is not one, with the name it was given for and why.
_TERYT_FOR: Final = N_("{code!r} for {name!r}: {reason}")


def _member_row(row: Mapping[str, str], number: int, problems: Problems) -> Territory | None:
    """The territory of one row of a member list, or ``None`` with its problems recorded."""
    code, name = row["teryt_gmina"], row["name"]
    reason = teryt_problem(code, TerytLevel.GMINA)
    if reason is not None:
        where = Place(line=number, column="teryt_gmina")
        problems.add(where, _TERYT_FOR, code=code, name=name, reason=reason)
        return None
    checks = {
        "voivodeship": (
            VOIVODESHIPS[code[:2]],
            N_("expected {expected!r} (the voivodeship of {code!r}) for {name!r}, found {found!r}"),
            code,
        ),
        "gmina_kind": (
            _GMINA_KIND_NAMES.get(code[6], ""),
            N_("expected {expected!r} (the kind digit {code!r}) for {name!r}, found {found!r}"),
            code[6],
        ),
    }
    found = True
    for column, (expected, template, shown) in checks.items():
        if row[column] != expected:
            where = Place(line=number, column=column)
            values = {"expected": expected, "code": shown, "name": name, "found": row[column]}
            problems.add(where, template, **values)
            found = False
    if row["city_with_powiat_rights"] not in ("yes", "no"):
        problems.add(
            Place(line=number, column="city_with_powiat_rights"),
            N_("expected 'yes' or 'no', found {found!r}"),
            found=row["city_with_powiat_rights"],
        )
        return None
    if not found:
        return None
    kind = (
        TerritoryKind.CITY_WITH_POWIAT_RIGHTS
        if row["city_with_powiat_rights"] == "yes"
        else TerritoryKind.GMINA
    )
    town = row["teryt_town"] or None
    if code.endswith("3") and town is None:
        problems.add(
            Place(line=number, column="teryt_town"),
            N_("an urban-rural gmina ({name!r}, {code!r}) needs its town's code {town!r}"),
            name=name,
            code=code,
            town=code[:6] + "4",
        )
        return None
    where = Place(line=number)
    return call(problems, where, Territory, name=name, kind=kind, teryt=code, town_teryt=town)


def read_memberships(
    file: Traversable | str | Path, status: MembershipStatus | str = MembershipStatus.MEMBER
) -> tuple[Membership, ...]:
    """The memberships of a member list (CSV), each with its source, date and note.

    Every row has *status*: a list of members, of probable members or of non-members. The TERC
    codes are validated, and so are the voivodeship, the gmina kind and the town code each row
    states against its code.

    Raises:
        DataFileError: Listing every row with a bad code, a missing source or a missing column.
        ArgumentError: If *status* is not a :class:`~citystrategy.model.MembershipStatus`.
    """
    file = as_traversable(file, "file")
    status = _arguments.member(MembershipStatus, status, "status")
    problems = Problems(str(file))
    content = read_text(file, problems)
    reader = csv.DictReader(io.StringIO(content))
    missing = [c for c in _MEMBER_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        problems.add(HEADER, N_("missing column(s) {columns}"), columns=tuple(missing))
        problems.raise_if_any()
    memberships = []
    for number, row in enumerate(reader, start=2):
        cells = len(reader.fieldnames or [])
        if None in row or None in row.values():  # a row with more or fewer cells than the header
            extra = row.get(None) or []
            found = sum(v is not None for k, v in row.items() if k is not None) + len(extra)
            template = N_("expected {expected} cells, found {found}")
            problems.add(Place(line=number), template, expected=cells, found=found)
            continue
        territory = _member_row(row, number, problems)
        if territory is None:
            continue
        membership = call(
            problems,
            Place(line=number, column="membership_source"),
            Membership,
            territory=territory,
            status=status,
            source=row["membership_source"],
            as_of=row["as_of"],
            note=row["note"],
        )
        if membership is not None:
            memberships.append(membership)
    problems.raise_if_any()
    return tuple(memberships)


def read_members(file: Traversable | str | Path) -> tuple[Territory, ...]:
    """Member territories from a members CSV, with validated TERC codes.

    Raises:
        DataFileError: Listing every row with a bad code or a missing column.
    """
    return tuple(m.territory for m in read_memberships(file, MembershipStatus.MEMBER))


def _last_digit(raw: str, scale: Decimal | None = None) -> Decimal:
    """The unit of the last digit stated: ``10,9 mln zł`` -> 100000, ``115 tys. zł`` -> 1000,
    ``88,6%`` -> 0.1."""
    fraction = re.search(r",([0-9]+)", raw)
    digits = len(fraction.group(1)) if fraction else 0
    return (scale or Decimal(1)) * Decimal(1).scaleb(-digits)


def _amount(item: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
    """The fields a figure's ``amount`` gives: the money, its precision and the text."""
    raw = item.get("amount")
    at = f"{where}.amount"
    if not isinstance(raw, str):
        template = N_("expected an amount of money as printed, e.g. '10,9 mln zł', found {found!r}")
        problems.add(at, template, found=raw)
        return {}
    parsed = call(problems, at, parse_value, raw, field="amount")
    if parsed is None:
        return {}
    if not isinstance(parsed, Amount) or parsed.unit not in ("PLN", "EUR"):
        template = N_("expected an amount of money such as '10,9 mln zł', found {found!r}")
        problems.add(at, template, found=raw)
        return {}
    money = call(problems, at, parse_money, raw, field="amount")  # refuses a fraction of a grosz
    if money is None:
        return {}
    return {"money": money, "precision": _last_digit(raw, parsed.scale), "raw": raw}


def _percent(item: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
    """The fields a rate's ``rate`` gives: the percent, its precision and the text."""
    raw = item.get("rate")
    at = f"{where}.rate"
    if not isinstance(raw, str):
        problems.add(at, N_("expected a rate as printed, e.g. '85%', found {found!r}"), found=raw)
        return {}
    percent = call(problems, at, parse_percent, raw.replace(" %", "%"), field="rate")
    if percent is None:
        return {}
    return {"percent": percent, "precision": _last_digit(raw), "raw": raw}


def _territory(
    item: Mapping[str, Any], where: str, problems: Problems, members: Mapping[str, Territory]
) -> dict[str, Any]:
    """The fields a participant's ``name``, ``official_name``, ``teryt`` and ``kind`` give."""
    texts = {
        key: _SHAPES.value(str, item[key], f"{where}.{key}", problems)
        for key in ("name", "official_name", "teryt", "country")
        if key in item
    }
    if "name" not in item:
        problems.add(where, N_("missing key {key!r}"), key="name")
    printed = texts.get("name") or ""
    official = texts.get("official_name") or printed
    country = texts.get("country") or "PL"
    code = texts.get("teryt") or ""
    kind = _SHAPES.value(TerritoryKind, item.get("kind", "gmina"), f"{where}.kind", problems)
    if country == "PL":
        reason = teryt_problem(code, TerytLevel.GMINA)
        if reason is not None:
            values = {"code": code, "name": printed, "reason": reason}
            problems.add(f"{where}.teryt", _TERYT_FOR, **values)
            return {}
        member = members.get(normalise_name(official))
        if member is not None and member.teryt != code:
            problems.add(
                f"{where}.teryt",
                N_("{code!r} for {name!r} differs from the member list's {listed!r}"),
                code=code,
                name=printed,
                listed=member.teryt,
            )
            return {}
    elif code:
        template = N_("a territory in {country} has no TERYT code (got {code!r})")
        problems.add(f"{where}.teryt", template, country=country, code=code)
        return {}
    if kind is None:
        return {}
    territory = call(problems, where, Territory, name=official, kind=kind, teryt=code or None)
    return {"territory": territory, "printed_name": printed}


def _whole(raw: object, where: str, problems: Problems) -> int | None:
    """A whole number, or one written as printed (``"1 200"``; empty when the source gives none)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    digits = raw.replace(" ", "") if isinstance(raw, str) else None
    if digits is not None and (digits == "" or (digits.isascii() and digits.isdigit())):
        return int(digits) if digits else None
    problems.add(where, N_("expected a whole number, found {found!r}"), found=raw)
    return None


#: The parts of a programme: the key of each list and the class of its items.
_PARTS: Final = {
    "figures": Figure,
    "rates": Rate,
    "partners": Partner,
    "participants": Participant,
    "events": ProgramEvent,
    "outputs": Output,
    "editions": Edition,
    "notes": ProgramNote,
}
#: Where catalogue.toml differs from the model (participants: see _shapes).
_SHAPE_TABLE: Final[Mapping[type, Shape]] = MappingProxyType(
    {
        Catalogue: Shape(skip=frozenset({"programs", "memberships", "members", "sources"})),
        Edition: Shape(
            hooks=dict.fromkeys(
                ("start_year", "end_year", "participants_stated", "members_stated"), _whole
            )
        ),
        Figure: Shape(
            skip=frozenset({"money", "precision", "raw"}),
            extra=frozenset({"amount"}),
            derive=_amount,
        ),
        Rate: Shape(
            skip=frozenset({"percent", "precision", "raw"}),
            extra=frozenset({"rate"}),
            derive=_percent,
        ),
        Output: Shape(hooks={"quantity": _whole}),
    }
)
#: The structurer for the values that need no member list.
_SHAPES: Final = Structurer(_SHAPE_TABLE)


def _shapes(members: Mapping[str, Territory]) -> Structurer:
    """The structurer of one catalogue: participants are checked against its member list."""
    participant = Shape(
        skip=frozenset({"territory", "printed_name"}),
        extra=frozenset({"name", "official_name", "teryt", "country", "kind"}),
        derive=partial(_territory, members=members),
    )
    return Structurer({**_SHAPE_TABLE, Participant: participant})


def _program(
    item: object, where: str, shapes: Structurer, sources: set[str], problems: Problems
) -> Program | None:
    if not isinstance(item, Mapping):
        problems.add(where, N_("expected a table, found {found!r}"), found=item)
        return None
    _source(item, where, sources, problems)
    parts: dict[str, list[Any]] = {}
    for key, cls in _PARTS.items():
        listed = item.get(key, [])
        if not isinstance(listed, list):
            template = N_("expected a list of tables, found {found!r}")
            problems.add(f"{where}.{key}", template, found=listed)
            continue
        parts[key] = []
        for number, part in enumerate(listed, start=1):
            at = f"{where}.{key}[{number}]"
            if isinstance(part, Mapping):
                _source(part, at, sources, problems)
            built = shapes.structure(cls, part, at, problems)
            if built is not None:
                parts[key].append(built)
    return shapes.structure(Program, item, where, problems, **parts)


def _source(item: Mapping[str, Any], where: str, sources: set[str], problems: Problems) -> None:
    key = item.get("source", "")
    if key and key not in sources:
        template = N_("unknown source {key!r} (known: {known})")
        problems.add(f"{where}.source", template, key=key, known=", ".join(sorted(sources)))


def _one_name_per_code(
    programs: list[Program], memberships: tuple[Membership, ...], problems: Problems
) -> None:
    """A TERYT code names one territory: two different names for one code is a problem."""
    names: dict[str, tuple[str, str | None]] = {
        m.territory.teryt: (normalise_name(m.territory.name), None)  # None: the member lists
        for m in memberships
        if m.territory.teryt
    }
    for program in programs:
        for number, participant in enumerate(program.participants, start=1):
            code = participant.territory.teryt
            if code is None:
                continue
            name = normalise_name(participant.territory.name)
            where = f"programs[{program.code}].participants[{number}].teryt"
            known = names.setdefault(code, (name, where))
            if known[0] == name:
                continue
            values = {"code": code, "name": participant.territory.name}
            if known[1] is None:
                template = N_("{code!r} is {name!r} here but another territory in the member lists")
                problems.add(where, template, **values)
            else:
                template = N_("{code!r} is {name!r} here but another territory at {other}")
                problems.add(where, template, **values, other=known[1])


def _read_memberships(root: Traversable) -> tuple[Membership, ...]:
    """Every membership of the member lists in *root* (:data:`MEMBER_FILES`), each territory in
    one list only."""
    memberships: list[Membership] = []
    listed: dict[str, tuple[str, int]] = {}
    for name, status in MEMBER_FILES.items():
        file = root / name
        if name != "members.csv" and not file.is_file():
            continue
        read = read_memberships(file, status)
        problems = Problems(str(file))
        for number, membership in enumerate(read, start=2):
            territory = membership.territory
            known = listed.setdefault(territory.teryt or "", (name, number))
            if known != (name, number):
                problems.add(
                    Place(line=number, column="teryt_gmina"),
                    N_("{name!r} ({code}) is listed in {file}, line {line}, too"),
                    name=territory.name,
                    code=territory.teryt,
                    file=known[0],
                    line=known[1],
                )
        problems.raise_if_any()
        memberships.extend(read)
    return tuple(memberships)


def read_catalogue(directory: Traversable | str | Path) -> Catalogue:
    """Read the catalogue in *directory*: ``catalogue.toml`` and the member lists.

    The member lists are ``members.csv`` and, where the catalogue has them,
    ``members_indirect.csv`` (probable members) and ``not_members.csv`` (see
    :data:`MEMBER_FILES`); a territory is in one of them at most.

    ``catalogue.toml`` is read by one structuring step from the model classes' own fields: a
    key the model does not know, a missing key or a value of the wrong type (``qualifier =
    12.5`` where text is expected) is a problem with its path.

    Raises:
        DataFileError: If a file is missing or malformed; every problem of the file at once,
            each naming the programme and field (``programs[ZMP-PPP].participants[3].teryt``).
    """
    root = as_traversable(directory)
    memberships = _read_memberships(root)
    members = [m.territory for m in memberships]
    file = root / "catalogue.toml"
    raw = read_toml(file)
    problems = Problems(str(file))
    check_keys(raw, {"catalogue", "sources", "programs"}, "file", problems)
    listed = {key: raw.get(key, []) for key in ("sources", "programs")}
    for key, items in listed.items():
        if not isinstance(items, list):
            template = N_("expected a list of tables ([[{key}]]), found {found!r}")
            problems.add(key, template, key=key, found=items)
            listed[key] = []
    built_sources = (
        _SHAPES.structure(Source, item, f"sources[{number}]", problems)
        for number, item in enumerate(listed["sources"], start=1)
    )
    sources = [source for source in built_sources if source is not None]
    keys = {s.key for s in sources}
    shapes = _shapes({normalise_name(m.name): m for m in members})
    programs = []
    for index, item in enumerate(listed["programs"], start=1):
        code = item.get("code") if isinstance(item, Mapping) else None
        where = f"programs[{code}]" if isinstance(code, str) and code else f"programs[#{index}]"
        program = _program(item, where, shapes, keys, problems)
        if program is not None:
            programs.append(program)
    for program in programs:
        budget = [f for f in program.figures if f.kind is not FigureKind.PER_CITY_BUDGET]
        currencies = sorted({f.money.currency for f in budget})
        if len(currencies) > 1:
            described = ", ".join(f"{f.kind.value} {f.raw!r}" for f in budget)
            problems.add(
                f"programs[{program.code}].figures",
                N_("budget figures in several currencies: {figures}"),
                figures=described,
            )
    codes = [p.code for p in programs]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        problems.add(f"programs[{code}]", N_("repeated programme code"))
    _one_name_per_code(programs, memberships, problems)
    catalogue = _SHAPES.structure(
        Catalogue,
        raw.get("catalogue"),
        "catalogue",
        problems,
        programs=programs,
        memberships=memberships,
        sources=sources,
    )
    problems.raise_if_any()
    assert catalogue is not None  # no problems, so it was built
    return catalogue
