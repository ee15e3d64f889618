r"""Write a strategy back to a data folder: the exact inverse of :func:`~citystrategy.io.strategy_files.read_strategy`.

:func:`write_strategy` writes the files of :data:`~citystrategy.io.strategy_files.FILES` so that
reading them gives an equal :class:`~citystrategy.model.Strategy`. Every value the reader keeps as
printed is written back as printed: an observation's and a target's ``raw`` text, a goal link's
cost cell and project name, the marker of a missing value. A value made in code, without its
printed text, is written in the canonical form the reader accepts, and read back with that text:

* a number: a Polish decimal comma, groups of three digits separated by a space, a ``-`` for a
  minus, never an exponent (``1 234,5``, ``-0,25``); an observation or a target is written in the
  indicator's unit, without the unit (``12,5`` on a ``percent`` indicator);
* a range target ``low–high`` with an en dash (``40–60``); a bound is said by ``target_kind`` and
  ``target_is_limit``, not by a ``<`` sign;
* an amount of money ``8 818 970,62 zł`` (``€`` for euro), as exact as the Decimal is;
* a share ``0,6%``, a declared count ``10``; a plausible range ``0..1,5``;
* a missing value: its :attr:`~citystrategy.model.Missing.marker`, and its own reason in the
  year's ``reason_<year>`` column where the strategy's meaning of that sign is another; a
  missing cost ``.``;
* the ``target_kind`` of an indicator without a target: the one its direction suggests
  (``at_least``, ``at_most``, ``within_range``), since the column is never empty;
* a goal link without its printed cell: the cost at the project's first link, and "Koszt
  realizacji projektu podany w Celu nr N" (N, the table of that first link) at the others; the
  project's own name; the next row of its goal table;
* a project listed as completed (with a description, a listed name or a reported cost) without
  its number in the report's list: the next number.

Observations are written one column per year, newest first (or oldest first, as the strategy's
observations or the earlier folder have them), and read back in that order: indicator by
indicator, year by year. With *like*, an earlier version of the folder,
the layout of its files is kept: the order of rows and columns of each table, and in the TOML
files every comment, blank line and value text of what is still there (see
:mod:`citystrategy.io._toml_writer`); so writing the Kielce data unchanged, like the shipped
folder, gives its files byte for byte.

The folder is written whole or not at all: into a temporary folder beside it, read back and
compared with the strategy, and then renamed into place (see
:func:`citystrategy._output.atomic_directory`).
"""

from __future__ import annotations

import dataclasses
import heapq
import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

import attrs

from citystrategy import _arguments
from citystrategy._i18n import N_
from citystrategy._output import atomic_directory
from citystrategy.errors import DataFileError, Message, ModelError, StrategyFolderError, UnitError
from citystrategy.io import _toml_writer as toml
from citystrategy.io._files import as_traversable
from citystrategy.io._indicators import INDICATOR_COLUMNS, OPTIONAL_INDICATOR_COLUMNS
from citystrategy.io.parse import MISSING_MARKERS, parse_decimal, parse_money, parse_percent
from citystrategy.io.strategy_files import FILES, REPORTS_FOLDER, read_strategy
from citystrategy.model import (
    AdoptedDocument,
    AnnualReport,
    DeclaredGoalFigures,
    DeclaredSummary,
    Direction,
    DocumentGoal,
    Indicator,
    Missing,
    Observation,
    ProgramLink,
    Project,
    Strategy,
    Target,
    TargetKind,
)
from citystrategy.model._validators import entity
from citystrategy.money import Money
from citystrategy.units import _spelling, check_unit

__all__ = ["write_strategy"]

_SOURCE_RE: Final = re.compile(r"goal table (?P<table>\S+), row (?P<row>[0-9]+)")
_COST_REFERENCE: Final = "Koszt realizacji projektu podany w Celu nr {table}"
#: The cost cell of a project whose cost is not stated: GUS's "no data".
_NO_COST: Final = "."
_CURRENCY_SIGNS: Final = {"PLN": "zł", "EUR": "€"}
#: The first line of a report file written anew.
_REPORT_HEADER: Final = (
    "# citystrategy: the annual report on {year}: its period, date, declared figures and texts,\n"
    "# and its list of the projects completed in {year} (as completed.toml is for strategy.toml's).\n\n"
)
#: The target kind written for an indicator without a target (the column is never empty).
_KIND_OF_DIRECTION: Final = {
    Direction.HIGHER_IS_BETTER: TargetKind.AT_LEAST,
    Direction.LOWER_IS_BETTER: TargetKind.AT_MOST,
    Direction.WITHIN_RANGE: TargetKind.WITHIN_RANGE,
}


def _error(strategy: Strategy, template: str, **values: object) -> ModelError:
    return ModelError(entity(strategy), Message(template, values))


# --- canonical texts -----------------------------------------------------------------------


def number_text(value: Decimal) -> str:
    """*value* as the reader reads it: decimal comma, groups of three digits, no exponent.

    >>> (
    ...     number_text(Decimal("-1234567.50")),
    ...     number_text(Decimal("1E+3")),
    ...     number_text(Decimal("0.05")),
    ... )
    ('-1 234 567,50', '1 000', '0,05')
    """
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + " ".join(groups) + ("," + fraction if fraction else "")


def money_text(money: Money) -> str:
    """*money* as printed: ``8 818 970,62 zł``."""
    return f"{number_text(money.amount)} {_CURRENCY_SIGNS.get(money.currency, money.currency)}"


def _plain(value: Decimal) -> str:
    return number_text(value).replace(" ", "")


def _target_text(target: Target) -> str:
    if target.raw:
        return target.raw
    if target.kind is TargetKind.WITHIN_RANGE:
        assert target.low is not None
        assert target.high is not None
        return f"{number_text(target.low)}–{number_text(target.high)}"
    assert target.value is not None
    return number_text(target.value)


# --- the strategy as it will be read back ----------------------------------------------------


def _years(strategy: Strategy) -> list[int]:
    return sorted({o.year for o in strategy.observations})


def _default_source(strategy: Strategy) -> str:
    cited = [report.source for report in strategy.reports if report.source]
    return cited[0] if cited else strategy.title


def _as_written(strategy: Strategy, years: Sequence[int]) -> Strategy:
    """*strategy* with every printed text the writer chooses filled in, as it will be read back.

    Raises:
        ModelError: If the strategy cannot be written as a data folder (named below).
    """
    _check_lists(strategy)
    codes = [i.code for i in strategy.indicators]
    by_cell: dict[tuple[str, int], Observation] = {}
    for obs in strategy.observations:
        if obs.territory != strategy.territory.id or obs.indicator not in codes:
            raise _error(
                strategy,
                N_(
                    "observation of {indicator!r} for {territory!r} in {year}: a data folder holds "
                    "the values of its own indicators for its own territory ({expected!r})"
                ),
                indicator=obs.indicator,
                territory=obs.territory,
                year=obs.year,
                expected=strategy.territory.id,
            )
        if (obs.indicator, obs.year) in by_cell:
            raise _error(
                strategy,
                N_("two observations of {indicator!r} in {year}"),
                indicator=obs.indicator,
                year=obs.year,
            )
        by_cell[obs.indicator, obs.year] = obs
    observations = []
    for code in codes:
        for year in years:
            found = by_cell.get((code, year))
            if found is None:
                raise _error(
                    strategy,
                    N_(
                        "{indicator!r} has no observation in {year}, which other indicators have: "
                        "give it a value or a missing reason"
                    ),
                    indicator=code,
                    year=year,
                )
            observations.append(attrs.evolve(found, raw=_observation_text(strategy, found)))
    source = _default_source(strategy)
    indicators = [
        attrs.evolve(
            i,
            source=i.source or source,
            target=None if i.target is None else attrs.evolve(i.target, raw=_target_text(i.target)),
        )
        for i in strategy.indicators
    ]
    return attrs.evolve(
        strategy,
        indicators=indicators,
        observations=observations,
        projects=_projects_as_written(strategy.projects),
    )


def _listed(project: Project) -> bool:
    """Whether *project* says something only a report's list of completed projects holds."""
    return bool(project.description or project.listed_as or project.reported_cost is not None)


def _check_lists(strategy: Strategy) -> None:
    """A project listed as completed needs the year it was completed in and a report on it."""
    years = tuple(report.year for report in strategy.reports)
    for project in strategy.projects:
        if project.list_number is None and not _listed(project):
            continue
        if project.completed_in is None:
            raise _error(
                strategy,
                N_(
                    "the project {code!r} is on a report's list of completed projects but has "
                    "no year of completion"
                ),
                code=project.code,
            )
        if project.completed_in not in years:
            raise _error(
                strategy,
                N_(
                    "the project {code!r} was completed in {year} and is described as completed, "
                    "but the strategy has no annual report on {year} to list it in (reports: "
                    "{years}): add the report on {year}"
                ),
                code=project.code,
                year=project.completed_in,
                years=years,
            )


def _observation_text(strategy: Strategy, obs: Observation) -> str:
    if obs.raw:
        return obs.raw
    if obs.value is not None:
        return number_text(obs.value)
    assert obs.missing is not None
    if not obs.missing.marker:
        raise _error(
            strategy,
            N_("the missing value of {indicator!r} in {year} has no marker (one of {markers})"),
            indicator=obs.indicator,
            year=obs.year,
            markers=tuple(MISSING_MARKERS),
        )
    return obs.missing.marker


def _rows(projects: Sequence[Project]) -> dict[int, dict[int, int]]:
    """The row of each goal link in its table: (project index, link index) -> row."""
    taken: dict[str, set[int]] = {}
    for project in projects:
        for link in project.links:
            match = _SOURCE_RE.fullmatch(link.source)
            if match is not None and match["table"] == link.strategic_goal:
                taken.setdefault(link.strategic_goal, set()).add(int(match["row"]))
    rows: dict[int, dict[int, int]] = {}
    for p, project in enumerate(projects):
        for n, link in enumerate(project.links):
            match = _SOURCE_RE.fullmatch(link.source)
            if match is not None and match["table"] == link.strategic_goal:
                row = int(match["row"])
            else:
                used = taken.setdefault(link.strategic_goal, set())
                row = max(used, default=0) + 1
                used.add(row)
            rows.setdefault(p, {})[n] = row
    return rows


def _projects_as_written(projects: Sequence[Project]) -> list[Project]:
    rows = _rows(projects)
    following: dict[int | None, int] = {}
    for project in projects:
        if project.list_number is not None:
            last = following.get(project.completed_in, 0)
            following[project.completed_in] = max(last, project.list_number)
    written = []
    for p, project in enumerate(projects):
        links = []
        for n, link in enumerate(project.links):
            cell = link.cost_cell
            if not cell:
                if project.cost is None:
                    cell = _NO_COST
                elif n == 0:
                    cell = money_text(project.cost)
                else:
                    cell = _COST_REFERENCE.format(table=project.links[0].strategic_goal)
            links.append(
                attrs.evolve(
                    link,
                    cost_cell=cell,
                    source=f"goal table {link.strategic_goal}, row {rows[p][n]}",
                    project_name=link.project_name or project.name,
                )
            )
        number = project.list_number
        if number is None and _listed(project):
            number = following.get(project.completed_in, 0) + 1
            following[project.completed_in] = number
        written.append(attrs.evolve(project, links=links, list_number=number))
    return written


# --- TSV files -----------------------------------------------------------------------------


def _cell(strategy: Strategy, file: str, column: str, text: str) -> str:
    if "\t" in text or "\n" in text or "\r" in text or text != text.strip():
        raise _error(
            strategy,
            N_(
                "{file}, column {column}: {text!r} cannot be a cell (no tab, no line break, no "
                "spaces around it)"
            ),
            file=file,
            column=column,
            text=text,
        )
    return text


def _ordered_columns(canonical: list[str], template: list[str] | None) -> list[str]:
    """*canonical* columns in the template's order; a new one after its canonical predecessor."""
    if template is None:
        return canonical
    placed = [c for c in template if c in canonical]
    for number, column in enumerate(canonical):
        if column in placed:
            continue
        previous = [c for c in canonical[:number] if c in placed]
        placed.insert(placed.index(previous[-1]) + 1 if previous else 0, column)
    return placed


def _ordered_rows(
    rows: list[dict[str, str]], key: str, template: list[dict[str, str]] | None
) -> list[dict[str, str]]:
    if template is None:
        return rows
    rank = {row.get(key, ""): n for n, row in enumerate(template)}
    return sorted(rows, key=lambda row: rank.get(row[key], len(rank)))


def _tsv(
    strategy: Strategy,
    file: str,
    columns: list[str],
    rows: list[dict[str, str]],
    template: tuple[list[str], list[dict[str, str]]] | None,
    *,
    key: str | None = None,
) -> str:
    header = _ordered_columns(columns, None if template is None else template[0])
    if key is not None:
        rows = _ordered_rows(rows, key, None if template is None else template[1])
        if template is not None and "unit" in header:
            rows = [_unit_as_in(row, key, template[1]) for row in rows]
    lines = ["\t".join(header)]
    for row in rows:
        lines.append("\t".join(_cell(strategy, file, c, row.get(c, "")) for c in header))
    return "\n".join(lines) + "\n"


def _unit_as_in(row: dict[str, str], key: str, template: list[dict[str, str]]) -> dict[str, str]:
    """*row* with its unit spelt as the template's row spells it, where that is the same unit."""
    for found in template:
        if found.get(key) == row[key]:
            spelt = found.get("unit", "")
            try:
                same = bool(spelt) and check_unit(spelt) == check_unit(row["unit"])
            except UnitError:
                same = False
            return {**row, "unit": spelt} if same else row
    return row


def _read_template(text: str | None) -> tuple[list[str], list[dict[str, str]]] | None:
    if text is None:
        return None
    lines = text.splitlines()
    if not lines:
        return None
    header = lines[0].split("\t")
    return header, [
        dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line.strip()
    ]


def _column_years(strategy: Strategy, template: str | None) -> list[int]:
    """The years of the ``value_<year>`` columns, in their order.

    Newest first or oldest first as the template's columns are; without a template (or with one
    value column), as the strategy's own observations are when they are in either order (as
    read from a folder); else newest first, as reports print them.
    """
    header = template.splitlines()[0].split("\t") if template else []
    found = [int(c[6:]) for c in header if re.fullmatch(r"value_[0-9]{4}", c)]
    if len(found) < 2 and strategy.indicators:
        first = strategy.indicators[0].code
        found = list(dict.fromkeys(o.year for o in strategy.observations if o.indicator == first))
        if found != sorted(found) and found != sorted(found, reverse=True):
            found = []
    oldest_first = len(found) > 1 and found[0] < found[1]
    return sorted(_years(strategy), reverse=not oldest_first)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _indicators_tsv(strategy: Strategy, template: str | None) -> str:
    found = _read_template(template)
    years = _column_years(strategy, template)
    values = [f"value_{year}" for year in years]
    source = _default_source(strategy)
    by_cell = {(o.indicator, o.year): o for o in strategy.observations}
    meanings = _sign_meanings(strategy)
    rows = []
    for indicator in strategy.indicators:
        target = indicator.target
        row = {
            "code": indicator.code,
            "level": indicator.level.value,
            "goal": indicator.goal_code,
            "name": indicator.name,
            "target": "" if target is None else _target_text(target),
            "unit": _spelling(indicator.unit),  # 'MWh', as data folders write it
            "survey": _yes(indicator.survey),
            "direction": indicator.direction.value,
            "target_kind": (
                _KIND_OF_DIRECTION[indicator.direction] if target is None else target.kind
            ).value,
            "target_is_limit": _yes(target is not None and target.limit),
            "note": indicator.note,
            "target_year": ""
            if target is None or target.year == strategy.period_end
            else str(target.year),
            "target_tolerance": ""
            if target is None or not target.tolerance
            else _plain(target.tolerance),
            "source": "" if indicator.source in ("", source) else indicator.source,
            "range": "" if indicator.value_range is None else _range_text(indicator),
            "responsible": indicator.responsible,
        }
        for year in years:
            observation = by_cell[indicator.code, year]
            row[f"value_{year}"] = _observation_text(strategy, observation)
            row[f"source_{year}"] = observation.source
            row[f"reason_{year}"] = _reason_text(meanings, strategy, observation)
        rows.append(row)
    in_template = set() if found is None else set(found[0])
    name = INDICATOR_COLUMNS.index("name") + 1
    columns = [*INDICATOR_COLUMNS[:name], *values, *INDICATOR_COLUMNS[name:]]
    columns += [
        c for c in OPTIONAL_INDICATOR_COLUMNS if c in in_template or any(row[c] for row in rows)
    ]
    # each year's sources, where some value of the year has one, after the indicators' sources
    sources = [
        f"source_{year}"
        for year in years
        if f"source_{year}" in in_template or any(row[f"source_{year}"] for row in rows)
    ]
    # each year's own reasons for missing values, where some value of the year has one
    sources += [
        f"reason_{year}"
        for year in years
        if f"reason_{year}" in in_template or any(row[f"reason_{year}"] for row in rows)
    ]
    at = columns.index("source") + 1 if "source" in columns else len(columns)
    columns[at:at] = sources
    return _tsv(strategy, "indicators.tsv", columns, rows, found, key="code")


def _range_text(indicator: Indicator) -> str:
    assert indicator.value_range is not None
    low, high = indicator.value_range.low, indicator.value_range.high
    return f"{'' if low is None else _plain(low)}..{'' if high is None else _plain(high)}"


def _directions_tsv(strategy: Strategy, template: str | None) -> str:
    rows = [
        {"code": d.code, "operational_goal": d.goal_code, "name": d.name}
        for d in strategy.action_directions
    ]
    return _tsv(
        strategy,
        "action_directions.tsv",
        ["code", "operational_goal", "name"],
        rows,
        _read_template(template),
        key="code",
    )


def _projects_tsv(strategy: Strategy, template: str | None) -> str:
    found = _read_template(template)
    rows = [
        {
            "code": p.code,
            "name": p.name,
            "completed_in": "" if p.completed_in is None else str(p.completed_in),
            "implementer": "" if p.implementer is None else p.implementer.name,
            "implementer_kind": ""
            if p.implementer is None or p.implementer.kind is None
            else p.implementer.kind.value,
            "note": p.note,
            "responsible": p.responsible,
        }
        for p in strategy.projects
    ]
    columns = ["code", "name", "completed_in", "implementer", "implementer_kind", "note"]
    in_template = set() if found is None else set(found[0])
    if "responsible" in in_template or any(row["responsible"] for row in rows):
        columns.append("responsible")
    return _tsv(strategy, "projects.tsv", columns, rows, found, key="code")


def _links_tsv(strategy: Strategy, template: str | None) -> str:
    """goal_links.tsv: rows by goal table and row, each project's links in its own order.

    The reader gives a project its links in the order of the file; so a row comes only after the
    project's previous link, and otherwise the first table and the lowest row go first (the
    order of the tables themselves, where the links are in that order, as read from a folder).
    """
    goals = [g.code for g in strategy.strategic_goals]
    chains = []
    for project in strategy.projects:
        chain = []
        for link in project.links:
            match = _SOURCE_RE.fullmatch(link.source)
            assert match is not None  # filled in by _as_written
            row = {
                "table": link.strategic_goal,
                "row": match["row"],
                "operational_goal": link.operational_goal,
                "directions": ";".join(link.action_directions),
                "remark": link.remark,
                "project": project.code,
                "project_name": link.project_name,
                "cost": link.cost_cell,
            }
            rank = goals.index(row["table"]) if row["table"] in goals else len(goals)
            chain.append(((rank, row["table"], int(match["row"])), row))
        chains.append(chain)
    heap = [(chain[0][0], number, 0) for number, chain in enumerate(chains) if chain]
    heapq.heapify(heap)
    rows = []
    while heap:
        _, number, index = heapq.heappop(heap)
        rows.append(chains[number][index][1])
        if index + 1 < len(chains[number]):
            heapq.heappush(heap, (chains[number][index + 1][0], number, index + 1))
    columns = [
        "table",
        "row",
        "operational_goal",
        "directions",
        "remark",
        "project",
        "project_name",
        "cost",
    ]
    return _tsv(strategy, "goal_links.tsv", columns, rows, _read_template(template))


# --- TOML files ----------------------------------------------------------------------------


def _strip(value: Any) -> Any:
    """A TOML value as the reader takes it: strings stripped, lists as tuples."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return tuple(_strip(item) for item in value)
    return value


def _plain_value(value: Any) -> toml.Value:
    if isinstance(value, tuple):
        return toml.Value(list(value), _strip, value)
    return toml.Value(value, _strip, value)


def _read_int(text: Any) -> int:
    number = parse_decimal(text)
    if number != number.to_integral_value():
        raise ValueError(text)
    return int(number)


def _decimal_value(value: Decimal) -> toml.Value:
    return toml.Value(
        number_text(value),
        lambda found: parse_decimal(found) if isinstance(found, str) else Decimal(found),
        value,
    )


def _money_value(value: Money) -> toml.Value:
    return toml.Value(money_text(value), lambda found: parse_money(found), value)


#: How a field is written where it differs from its type's way: by class and field.
_HOOKS: Final[dict[tuple[type, str], Callable[[Any], toml.Value]]] = {
    **{
        (DeclaredSummary, name): (lambda n: toml.Value(str(n), _read_int, n))
        for name in (
            "projects_completed",
            "implementers",
            "internal_implementers",
            "external_implementers",
        )
    },
    (DeclaredGoalFigures, "projects"): lambda n: toml.Value(str(n), _read_int, n),
    (DeclaredGoalFigures, "implementers"): lambda n: toml.Value(str(n), _read_int, n),
    (DeclaredGoalFigures, "share"): lambda d: toml.Value(f"{_plain(d)}%", parse_percent, d),
}
#: Keys of fields spelt otherwise in the file.
_KEYS: Final = {
    (DeclaredGoalFigures, "goal_code"): "goal",
    (ProgramLink, "goal_codes"): "goals",
}
#: Fields of (a list of) code-and-name pairs, written as arrays of tables.
_PAIRS: Final = {(DocumentGoal, "actions"), (AdoptedDocument, "integrated_projects")}


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def _table(
    obj: Any, skip: Iterable[str] = (), **extra: toml.Value | toml.Table | list[toml.Table]
) -> toml.Table:
    """The table of an attrs object: its fields that are not at their default, in field order."""
    table = toml.Table()
    cls = type(obj)
    skipped = set(skip)
    for field in attrs.fields(cls):
        if field.name in skipped:
            continue
        value = getattr(obj, field.name)
        default = field.default is not attrs.NOTHING and value == _default(field)
        name = _KEYS.get((cls, field.name), field.name)
        hook = _HOOKS.get((cls, field.name))
        if default and (value is None or (value == () and (cls, field.name) in _PAIRS)):
            continue
        if default and isinstance(value, tuple) and value == () and _tables_field(cls, field.name):
            continue
        if hook is not None:
            table.entries[name] = hook(value)
        elif (cls, field.name) in _PAIRS:
            table.entries[name] = [_pair(code, text) for code, text in value]
        elif attrs.has(type(value)) and not isinstance(value, Money):
            table.entries[name] = _table(value)
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            table.entries[name] = [_table(item) for item in value]
        else:
            table.entries[name] = _scalar(value)
        entry = table.entries[name]
        if default and isinstance(entry, toml.Value):
            table.entries[name] = dataclasses.replace(entry, optional=True)
    table.entries.update(extra)
    return table


#: Fields holding tuples of attrs objects (written as arrays of tables, never as an empty list).
_TABLE_FIELDS: Final = {
    (DeclaredSummary, "goals"),
    (AdoptedDocument, "goals"),
    (AnnualReport, "sections"),
}


def _tables_field(cls: type, name: str) -> bool:
    return (cls, name) in _TABLE_FIELDS


def _pair(code: str, name: str) -> toml.Table:
    return toml.Table({"code": _plain_value(code), "name": _plain_value(name)})


def _scalar(value: Any) -> toml.Value:
    if isinstance(value, Money):
        return _money_value(value)
    if isinstance(value, Decimal):
        return _decimal_value(value)
    if (
        hasattr(value, "value")
        and isinstance(getattr(value, "value", None), str)
        and not isinstance(value, str)
    ):
        return toml.Value(value.value, _strip, value.value)  # an enumeration
    return _plain_value(value)


def _strategy_toml(strategy: Strategy, template: str | None) -> str:
    territory = strategy.territory
    head = toml.Table()
    for field in attrs.fields(Strategy):
        value = getattr(strategy, field.name)
        if field.name == "territory":
            head.entries["territory_name"] = _plain_value(territory.name)
            if territory.teryt is not None:
                head.entries["territory_teryt"] = _plain_value(territory.teryt)
            head.entries["territory_kind"] = _plain_value(territory.kind.value)
            continue
        if field.name in {
            "strategic_goals",
            "indicators",
            "projects",
            "observations",
            "monitoring",
            "reports",
            "other_documents",
            "program_links",
        }:
            continue
        if (
            field.name == "survey_responses_indicator"
            and strategy.reports
            and strategy.reports[0].introduction
        ):
            head.entries["introduction"] = _plain_value(strategy.reports[0].introduction)
        if field.default is not attrs.NOTHING and value == _default(field):
            continue
        head.entries[field.name] = _scalar(value)
    if strategy.reports and strategy.reports[0].introduction and "introduction" not in head.entries:
        head.entries["introduction"] = _plain_value(strategy.reports[0].introduction)
    document = toml.Table({"strategy": head})
    missing = _missing_table(strategy)
    if missing.entries:
        document.entries["missing"] = missing
    if strategy.program_links:
        document.entries["program_links"] = [_table(link) for link in strategy.program_links]
    if strategy.monitoring is not None:
        document.entries["monitoring"] = _table(strategy.monitoring)
    if strategy.reports:
        report = strategy.reports[0]
        document.entries["report"] = _table(report, skip=("declared", "sections", "introduction"))
        if report.declared is not None:
            document.entries["declared"] = _table(report.declared)
    document.entries["strategic_goals"] = [
        _table(
            goal,
            skip=("operational_goals",),
            **(
                {
                    "operational_goals": [
                        _table(op, skip=("action_directions",)) for op in goal.operational_goals
                    ]
                }
                if goal.operational_goals
                else {}
            ),
        )
        for goal in strategy.strategic_goals
    ]
    if strategy.reports and strategy.reports[0].sections:
        document.entries["sections"] = [_table(s) for s in strategy.reports[0].sections]
    if strategy.other_documents:
        document.entries["other_documents"] = [_table(d) for d in strategy.other_documents]
    return toml.render(document, template)


def _missing_table(strategy: Strategy) -> toml.Table:
    """[missing]: the reason of each marker the observations use, where it is not GUS's own."""
    table = toml.Table()
    for marker, missing in _sign_meanings(strategy).items():
        if missing != _gus_meaning(marker):
            table.entries[marker] = _table(missing, skip=("marker",))
    return table


def _gus_meaning(marker: str) -> Missing:
    """What *marker* means where the strategy gives it no meaning of its own: GUS's."""
    return Missing(code="missing", marker=marker, text=MISSING_MARKERS[marker])


def _sign_meanings(strategy: Strategy) -> dict[str, Missing]:
    """The reason each marker the observations use has for the whole strategy ([missing]).

    A reason with a code of its own (``not_yet_in_bdl``) is the strategy's meaning of its sign,
    one per sign; a sign without one means what GUS says. A value missing for another reason
    (``missing`` with words of its own: the reason a form's unit chose) keeps it in its year's
    ``reason_<year>`` cell.
    """
    reasons: dict[str, Missing] = {}
    for obs in strategy.observations:
        if obs.missing is None:
            continue
        marker = _marker(strategy, obs)
        missing = attrs.evolve(obs.missing, marker=marker)
        if missing.code == "missing":
            continue  # GUS's meaning, or a value's own reason
        if reasons.setdefault(marker, missing) != missing:
            raise _error(
                strategy,
                N_("the sign {marker!r} is given two reasons: {first!r} and {second!r}"),
                marker=marker,
                first=reasons[marker].code,
                second=missing.code,
            )
    return reasons


def _reason_text(meanings: dict[str, Missing], strategy: Strategy, obs: Observation) -> str:
    """The ``reason_<year>`` cell of *obs*: its own reason, where its sign alone says another."""
    if obs.missing is None:
        return ""
    marker = _marker(strategy, obs)
    missing = attrs.evolve(obs.missing, marker=marker)
    if missing == meanings.get(marker, _gus_meaning(marker)):
        return ""
    return missing.text


def _marker(strategy: Strategy, obs: Observation) -> str:
    """The missing-data sign *obs* is written with."""
    marker = re.sub(r"\s+", " ", obs.raw.strip())
    if marker not in MISSING_MARKERS:
        raise _error(
            strategy,
            N_(
                "the missing value of {indicator!r} in {year} is written {raw!r}, which is not "
                "a missing-data sign (one of {markers})"
            ),
            indicator=obs.indicator,
            year=obs.year,
            raw=obs.raw,
            markers=tuple(MISSING_MARKERS),
        )
    return marker


def _completed_list(strategy: Strategy, year: int | None) -> list[toml.Table]:
    """The ``[[project]]`` tables of the report on *year*'s list of completed projects."""
    listed = sorted(
        (p for p in strategy.projects if p.list_number is not None and p.completed_in == year),
        key=lambda p: p.list_number or 0,
    )
    entries = []
    for project in listed:
        entry = toml.Table(
            {"lp": _plain_value(project.list_number), "code": _plain_value(project.code)}
        )
        if project.listed_as:
            entry.entries["listed_as"] = _plain_value(project.listed_as)
        if project.reported_cost is not None:
            entry.entries["cost"] = _money_value(project.reported_cost)
        if project.description:
            entry.entries["description"] = _plain_value(project.description)
        entries.append(entry)
    return entries


def _completed_toml(strategy: Strategy, template: str | None) -> str:
    """completed.toml: the list of the report strategy.toml holds (the first)."""
    year = strategy.reports[0].year if strategy.reports else None
    entries = _completed_list(strategy, year)
    return toml.render(toml.Table({"project": entries} if entries else {}), template)


def _report_toml(strategy: Strategy, report: AnnualReport, template: str | None) -> str:
    """``reports/<year>.toml``: a report after the first, with its list of completed projects."""
    document = toml.Table()
    if report.introduction:
        document.entries["introduction"] = _plain_value(report.introduction)
    document.entries["report"] = _table(report, skip=("declared", "sections", "introduction"))
    if report.declared is not None:
        document.entries["declared"] = _table(report.declared)
    if report.sections:
        document.entries["sections"] = [_table(s) for s in report.sections]
    entries = _completed_list(strategy, report.year)
    if entries:
        document.entries["project"] = entries
    text = toml.render(document, template)
    return text if template is not None else _REPORT_HEADER.format(year=report.year) + text


# --- the folder ----------------------------------------------------------------------------


def _text(file: Traversable) -> str | None:
    return file.read_bytes().decode("utf-8-sig") if file.is_file() else None


def _texts(strategy: Strategy, like: Traversable | None) -> dict[str, str]:
    def template(name: str) -> str | None:
        if like is None:
            return None
        file = like
        for part in name.split("/"):
            file = file / part
        return _text(file)

    return {
        "strategy.toml": _strategy_toml(strategy, template("strategy.toml")),
        "action_directions.tsv": _directions_tsv(strategy, template("action_directions.tsv")),
        "indicators.tsv": _indicators_tsv(strategy, template("indicators.tsv")),
        "projects.tsv": _projects_tsv(strategy, template("projects.tsv")),
        "goal_links.tsv": _links_tsv(strategy, template("goal_links.tsv")),
        "completed.toml": _completed_toml(strategy, template("completed.toml")),
        **{
            f"{REPORTS_FOLDER}/{r.year}.toml": _report_toml(
                strategy, r, template(f"{REPORTS_FOLDER}/{r.year}.toml")
            )
            for r in strategy.reports[1:]
        },
    }


def _package_folder() -> Path:
    """The installed citystrategy package (``io``'s parent folder)."""
    return Path(__file__).resolve().parents[1]


def _label(item: object, number: int) -> str:
    """How a path names an item of a tuple: by its code, an observation by indicator and year."""
    if isinstance(item, Observation):
        return f"{item.indicator!r}, {item.year}"
    code = getattr(item, "code", None)
    return repr(code) if isinstance(code, str) else str(number)


def _first_difference(expected: Any, found: Any, path: str) -> tuple[str, Any, Any] | None:
    if type(expected) is not type(found):
        return path, expected, found
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):
            difference = _first_difference(
                getattr(expected, field.name), getattr(found, field.name), f"{path}.{field.name}"
            )
            if difference is not None:
                return difference
        return None
    if isinstance(expected, tuple):
        if len(expected) != len(found):
            return f"{path} (count)", len(expected), len(found)
        for number, (left, right) in enumerate(zip(expected, found, strict=True)):
            difference = _first_difference(left, right, f"{path}[{_label(left, number)}]")
            if difference is not None:
                return difference
        return None
    return None if expected == found else (path, expected, found)


def write_strategy(
    strategy: Strategy,
    directory: str | os.PathLike[str],
    *,
    force: bool = False,
    like: Traversable | str | os.PathLike[str] | None = None,
) -> Path:
    """Write *strategy* as a data folder at *directory*, which reading gives back equal.

    Args:
        strategy: The strategy.
        directory: The folder to write. It must not exist, unless *force* is true: then an
            existing data folder there (one with a ``strategy.toml``, or an empty folder) is
            replaced whole, once the new one is complete.
        force: Replace an existing data folder.
        like: An earlier version of the folder (a path, or package data such as the shipped
            Kielce folder) whose layout to keep: row and column order, comments, blank lines
            and value texts; its other files (a README.md) are copied. ``None`` for the
            canonical layout.

    Returns:
        The folder written.

    Raises:
        OutputExistsError: If *directory* exists and *force* is false (nothing is written).
        StrategyFolderError: If *directory* is inside the installed citystrategy package (its
            data is never written), or is a file or a folder that is not a strategy data folder
            (which *force* does not replace).
        ModelError: If the strategy cannot be written as a data folder: values of another
            territory, an indicator without a value for a year the others have, a cell with a
            tab or a line break, or anything that would read back otherwise (named, with the
            value written and the value that would be read).
        ArgumentTypeError: If *strategy* is not a Strategy or *directory* is not a path.
        OSError: If the folder cannot be written (the previous one is left as it was).

    >>> import tempfile
    >>> from importlib.resources import files
    >>> from citystrategy.cities.kielce import load
    >>> shipped = files("citystrategy.cities.kielce") / "data"
    >>> with tempfile.TemporaryDirectory() as parent:
    ...     folder = write_strategy(load(), Path(parent) / "kielce", like=shipped)
    ...     same = [(folder / n).read_bytes() == (shipped / n).read_bytes() for n in FILES]
    ...     equal = read_strategy(folder) == load()
    >>> all(same), equal
    (True, True)
    """
    _arguments.instance(strategy, "strategy", Strategy, "a Strategy")
    target = Path(_arguments.path(directory, "directory"))
    template = None if like is None else as_traversable(like, "like")
    shown = os.fspath(directory)
    package = _package_folder()
    resolved = target.resolve()
    if resolved == package or package in resolved.parents:
        problem = Message(
            N_(
                "is inside the installed citystrategy package ({package}), whose data is never "
                "written: choose a folder of your own"
            ),
            {"package": str(package)},
        )
        raise StrategyFolderError(shown, problem)
    if force and (target.exists() or target.is_symlink()):
        if not target.is_dir() or target.is_symlink():
            raise StrategyFolderError(
                shown, Message(N_("is not a folder; force replaces only a strategy data folder"))
            )
        if any(target.iterdir()) and not (target / "strategy.toml").is_file():
            raise StrategyFolderError(
                shown,
                Message(
                    N_(
                        "is not a strategy data folder (it has no strategy.toml); force replaces only one"
                    )
                ),
            )
    indicators = None if template is None else template / "indicators.tsv"
    years = _column_years(strategy, _text(indicators) if indicators is not None else None)
    written = _as_written(strategy, years)
    texts = _texts(written, template)
    with atomic_directory(target, force=force) as temporary:
        for name, text in texts.items():
            (temporary / name).parent.mkdir(exist_ok=True)
            (temporary / name).write_bytes(text.encode("utf-8"))
        if template is not None:
            for item in template.iterdir():
                if item.is_file() and item.name not in FILES:
                    (temporary / item.name).write_bytes(item.read_bytes())
        _check(written, temporary)
    return target


def _check(written: Strategy, folder: Path) -> None:
    """Read *folder* back; anything that does not read as *written* is a ModelError."""
    try:
        found = read_strategy(folder)
    except DataFileError as error:
        template = N_("cannot be written as a data folder: it would not read back: {problem}")
        named = DataFileError(Path(error.path).name, error.records)  # not the temporary path
        raise _error(written, template, problem=named.to_message()) from None
    difference = _first_difference(written, found, "strategy")
    if difference is not None:
        path, expected, got = difference
        raise _error(
            written,
            N_(
                "cannot be written as a data folder: {path} would read back as {found!r}, not {expected!r}"
            ),
            path=path,
            found=got,
            expected=expected,
        )
