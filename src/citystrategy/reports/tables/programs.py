"""Programmes as tables and reports: a catalogue's list, one programme, a city's programmes.

The tables are data (amounts exact as ``Decimal`` with their currency beside them, the qualifier
the source prints, ``"prawie"``, kept as text; lists as tuples); the reports put them in a
:class:`~citystrategy.reports.document.Report` for the writers (``citystrategy programs … -o
file.xlsx``).

>>> from citystrategy.programs import zmp
>>> table = programs_table(zmp.load().programs)
>>> table.loc[table["code"] == "ZMP-PPP", ["total_value", "currency"]].to_dict("records")
[{'total_value': Decimal('10900000.0'), 'currency': 'PLN'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import pandas as pd

from citystrategy._arguments import each, instance, text
from citystrategy._i18n import gettext, pgettext
from citystrategy.formatting import LocaleLike, get_locale
from citystrategy.model import (
    CityProfile,
    FigureKind,
    ParticipantRole,
    Program,
)
from citystrategy.reports.document import Column, ColumnKind, Paragraph, Report, Section, Table
from citystrategy.reports.programs import _figure_kind, _membership, _participant_role

__all__ = [
    "PROGRAM_COLUMNS",
    "profile_report",
    "profile_table",
    "program_report",
    "programs_report",
    "programs_table",
]

#: Columns of :func:`programs_table`.
PROGRAM_COLUMNS: Final = (
    "code",
    "name",
    "operator",
    "start_year",
    "end_year",
    "themes",
    "participants",
    "total_value",
    "currency",
    "qualifier",
)


def _money(currencies: Iterable[str | None], key: str, title: str) -> Column:
    """An amount column: money in the one currency of its rows, else each in its own."""
    found = {c for c in currencies if c}
    if len(found) == 1:
        return Column(key, title, ColumnKind.MONEY, currency=found.pop(), decimals=0)
    return Column(key, title, ColumnKind.MEASURE, unit_key="currency", decimals=0)


def _years(frame: pd.DataFrame) -> None:
    for column in ("start_year", "end_year"):
        frame[column] = frame[column].astype("Int64")


def programs_table(programs: Iterable[Program]) -> pd.DataFrame:
    """The programmes, one row each: code, name, operator, years, themes, the number of
    territories taking part and the total value as stated (exact, with its currency and the
    source's qualifier).

    Raises:
        ArgumentTypeError: If a programme is not a Program.
    """
    found = each(tuple(programs), "programs", Program, "a Program")
    rows: list[dict[str, Any]] = []
    for program in found:
        total = program.figure("total_value")
        rows.append(
            {
                "code": program.code,
                "name": program.name,
                "operator": program.operator,
                "start_year": program.start_year,
                "end_year": program.end_year,
                "themes": tuple(program.themes),
                "participants": len({p.territory.id for p in program.participants}) or None,
                "total_value": None if total is None else total.money.amount,
                "currency": None if total is None else total.money.currency,
                "qualifier": None if total is None else total.qualifier or None,
            }
        )
    frame = pd.DataFrame(rows, columns=list(PROGRAM_COLUMNS))
    _years(frame)
    frame["participants"] = frame["participants"].astype("Int64")
    return frame


def _list_columns(frame: pd.DataFrame, locale: LocaleLike) -> tuple[Column, ...]:
    return (
        Column("code", pgettext("programme list", "Code", locale)),
        Column("name", pgettext("programme list", "Programme", locale)),
        Column("operator", pgettext("programme report", "Operator", locale)),
        Column("start_year", pgettext("programme report", "From", locale), ColumnKind.YEAR),
        Column("end_year", pgettext("programme report", "To", locale), ColumnKind.YEAR),
        Column("themes", pgettext("programme report", "Themes", locale), ColumnKind.LIST),
        Column("participants", pgettext("programme list", "Cities", locale), ColumnKind.INTEGER),
        _money(frame["currency"], "total_value", pgettext("programme list", "Value", locale)),
        Column("qualifier", pgettext("programme report", "Qualifier", locale)),
    )


def programs_report(
    programs: Iterable[Program], *, catalogue_name: str, locale: LocaleLike = "pl_PL"
) -> Report:
    """A catalogue's programmes as a report of one section.

    Raises:
        ArgumentTypeError: If a programme is not a Program or *catalogue_name* not a text.
        ArgumentError: If *locale* is not a locale.
    """
    text(catalogue_name, "catalogue_name")
    loc = get_locale(locale)
    frame = programs_table(programs)
    title = gettext("Programmes (catalogue: {catalogue})", loc).format(catalogue=catalogue_name)
    table = Table(frame, _list_columns(frame, loc), name="programmes")
    sheet = pgettext("sheet", "Programmes", loc)
    return Report(title=title, sections=(Section(sheet, (table,), sheet=sheet),), locale=str(loc))


def program_report(program: Program, *, locale: LocaleLike = "pl_PL") -> Report:
    """One programme: its figures (each exact, with what it is and how it is stated) and the
    territories taking part, with their roles.

    Raises:
        ArgumentTypeError: If *program* is not a Program.
        ArgumentError: If *locale* is not a locale.
    """
    instance(program, "program", Program, "a Program")
    loc = get_locale(locale)
    figures = pd.DataFrame(
        [
            {
                "kind": figure.kind.value,
                "amount": figure.money.amount,
                "currency": figure.money.currency,
                "qualifier": figure.qualifier or None,
                "as_printed": figure.raw or None,
                "source": figure.source or None,
            }
            for figure in program.figures
        ],
        columns=["kind", "amount", "currency", "qualifier", "as_printed", "source"],
    )
    kinds = {kind.value: _figure_kind(kind, loc) for kind in FigureKind}
    figure_columns = (
        Column("kind", pgettext("programme figures", "Kind", loc), labels=kinds),
        _money(figures["currency"], "amount", pgettext("programme figures", "Amount", loc)),
        Column("qualifier", pgettext("programme report", "Qualifier", loc)),
        Column("as_printed", pgettext("programme report", "As printed", loc)),
        Column("source", pgettext("programme figures", "Source", loc)),
    )
    people = pd.DataFrame(
        [
            {
                "name": p.territory.name,
                "teryt": p.territory.teryt or None,
                "role": p.role.value,
                "edition": p.edition or None,
                "note": "; ".join(x for x in (", ".join(p.networks), p.note) if x) or None,
            }
            for p in program.participants
        ],
        columns=["name", "teryt", "role", "edition", "note"],
    )
    roles = {role.value: _participant_role(role, loc) for role in ParticipantRole}
    people_columns = (
        Column("name", pgettext("programme participants", "City or municipality", loc)),
        Column("teryt", "TERYT"),
        Column("role", pgettext("programme participants", "Role", loc), labels=roles),
        Column("edition", pgettext("programme participants", "Edition", loc)),
        Column("note", pgettext("programme participants", "Notes", loc)),
    )
    blocks: list[Paragraph | Table] = []
    if program.description:
        blocks.append(Paragraph(program.description))
    if len(figures):
        title = pgettext("programme report", "Figures", loc)
        blocks.append(Table(figures, figure_columns, title=title, name="figures"))
    if len(people):
        title = pgettext("programme report", "Taking part", loc)
        blocks.append(Table(people, people_columns, title=title, name="participants"))
    section = Section(program.name, tuple(blocks), sheet=program.code[:31])
    return Report(title=f"{program.code}: {program.name}", sections=(section,), locale=str(loc))


def profile_table(profile: CityProfile) -> pd.DataFrame:
    """Every programme a city took part in: the programme, its years, the city's role, edition
    and notes, and the programme's total value as stated.

    Raises:
        ArgumentTypeError: If *profile* is not a CityProfile.
    """
    instance(profile, "profile", CityProfile, "a CityProfile")
    rows = []
    for program, participant in profile.participations:
        total = program.figure("total_value")
        note = "; ".join(x for x in (", ".join(participant.networks), participant.note) if x)
        rows.append(
            {
                "code": program.code,
                "name": program.name,
                "start_year": program.start_year,
                "end_year": program.end_year,
                "role": participant.role.value,
                "edition": participant.edition or None,
                "note": note or None,
                "total_value": None if total is None else total.money.amount,
                "currency": None if total is None else total.money.currency,
                "qualifier": None if total is None else total.qualifier or None,
            }
        )
    columns = ["code", "name", "start_year", "end_year", "role", "edition", "note"]
    frame = pd.DataFrame(rows, columns=[*columns, "total_value", "currency", "qualifier"])
    _years(frame)
    return frame


def profile_report(
    profile: CityProfile, *, catalogue_name: str, locale: LocaleLike = "pl_PL"
) -> Report:
    """A city's membership and programmes as a report of one section.

    Raises:
        ArgumentTypeError: If *profile* is not a CityProfile or *catalogue_name* not a text.
        ArgumentError: If *locale* is not a locale.
    """
    text(catalogue_name, "catalogue_name")
    loc = get_locale(locale)
    frame = profile_table(profile)
    name = profile.territory.name if profile.territory else profile.query
    title = gettext("{name}: programmes (catalogue: {catalogue})", loc)
    title = title.format(name=name, catalogue=catalogue_name)
    roles = {role.value: _participant_role(role, loc) for role in ParticipantRole}
    columns = (
        Column("code", pgettext("city profile", "Code", loc)),
        Column("name", pgettext("city profile", "Programme", loc)),
        Column("start_year", pgettext("programme report", "From", loc), ColumnKind.YEAR),
        Column("end_year", pgettext("programme report", "To", loc), ColumnKind.YEAR),
        Column("role", pgettext("city profile", "Role", loc), labels=roles),
        Column("edition", pgettext("city profile", "Edition", loc)),
        Column("note", pgettext("city profile", "Notes", loc)),
        _money(frame["currency"], "total_value", pgettext("city profile", "Programme value", loc)),
        Column("qualifier", pgettext("programme report", "Qualifier", loc)),
    )
    blocks: list[Paragraph | Table] = [Paragraph(_membership(profile.member, loc))]
    if len(frame):
        blocks.append(Table(frame, columns, name="programmes"))
    else:
        blocks.append(Paragraph(pgettext("programme list", "No programmes.", loc)))
    sheet = pgettext("sheet", "Programmes", loc)
    return Report(
        title=title, sections=(Section(sheet, tuple(blocks), sheet=sheet),), locale=str(loc)
    )
