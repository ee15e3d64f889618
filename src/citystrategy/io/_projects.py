"""Read ``projects.tsv``, ``goal_links.tsv`` and the lists of completed projects: projects, their goal links and costs.

The list of a report is ``completed.toml`` for the report of strategy.toml, and the
``[[project]]`` tables of ``reports/<year>.toml`` for the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Final

import attrs

from citystrategy._i18n import N_
from citystrategy.io._files import (
    Problems,
    call,
    check_keys,
    get_enum,
    read_toml,
)
from citystrategy.io._strategy_toml import ReportFile
from citystrategy.io._structure import Structurer
from citystrategy.io._tsv import YEAR_RE, Row, read_tsv
from citystrategy.io.parse import (
    Amount,
    CostReference,
    MissingValue,
    SameAsAbove,
    parse_money,
    parse_value,
)
from citystrategy.model import (
    ActionDirection,
    GoalLink,
    Implementer,
    ImplementerKind,
    Project,
    Strategy,
)
from citystrategy.money import Money

# --- projects.tsv, goal_links.tsv, completed.toml ------------------------------------------


@dataclass
class _ProjectDraft:
    row: Row
    links: list[GoalLink] = field(default_factory=list)
    cost: Money | None = None
    cost_table: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    listed_as: str = ""
    list_number: int | None = None
    reported_cost: Money | None = None


def _completed_in_period(row: Row, strategy: Strategy, problems: Problems) -> None:
    year = int(row["completed_in"])
    if not strategy.period_start <= year <= strategy.period_end:
        message = N_("{year} is outside the strategy's period {start_year}–{end_year}")
        values = {
            "year": year,
            "start_year": strategy.period_start,
            "end_year": strategy.period_end,
        }
        problems.add(row.where("completed_in"), message, **values)


def _bare_name(name: str) -> str:
    """A project name without the quotation marks the tables put around it (for comparison)."""
    bare = name.strip()
    if bare[:1] in '„"“':
        bare = bare[1:]
    if len(bare) > 1 and bare[-1] == "." and bare[-2] in '”"':  # not a name that is only "."
        bare = bare[:-1]
    quotes = sum(bare.count(q) for q in '„”"“')
    if bare[-1:] in '”"' and quotes % 2 == 1:
        bare = bare[:-1]
    return bare.strip()


def read_projects(
    root: Traversable,
    strategy: Strategy,
    goal_codes: set[str],
    directions: Mapping[str, ActionDirection],
    report_files: Sequence[ReportFile] = (),
    list_year: int | None = None,
) -> list[Project]:
    """The projects of projects.tsv, with their goal links, costs and completion descriptions.

    Args:
        root: The strategy folder.
        strategy: The strategy as the folder gives it (its period and every report).
        goal_codes: Codes of its goals.
        directions: Its action directions by code.
        report_files: The folder's report files, each with its list of completed projects.
        list_year: The year of strategy.toml's report, whose list completed.toml is.
    """
    file = root / "projects.tsv"
    columns = ("code", "name", "completed_in", "implementer", "implementer_kind", "note")
    rows, _ = read_tsv(file, columns, key="code", optional=("responsible",))
    problems = Problems(str(file))
    drafts: dict[str, _ProjectDraft] = {}
    for row in rows:
        drafts[row["code"]] = _ProjectDraft(row)
        if row["completed_in"] and not YEAR_RE.fullmatch(row["completed_in"]):
            message = N_("expected a year such as 2023, found {found!r}")
            problems.add(row.where("completed_in"), message, found=row["completed_in"])
        elif row["completed_in"]:
            _completed_in_period(row, strategy, problems)
        if row["implementer_kind"]:
            get_enum(
                ImplementerKind, row["implementer_kind"], row.where("implementer_kind"), problems
            )
            if not row["implementer"]:
                message = N_("{kind!r} of no implementer: name the implementer")
                problems.add(row.where("implementer_kind"), message, kind=row["implementer_kind"])
    problems.raise_if_any()
    _read_links(root / "goal_links.tsv", drafts, goal_codes, directions)
    years = {r.year for r in strategy.reports}
    completed = root / "completed.toml"
    raw = read_toml(completed)
    problems = Problems(str(completed))
    check_keys(raw, {"project"}, "file", problems)
    _read_completed(raw.get("project", []), drafts, list_year, years, problems)
    for report_file in report_files:
        problems = Problems(str(report_file.file))
        year = report_file.report.year
        _read_completed(report_file.projects, drafts, year, years, problems)
    problems = Problems(str(file))
    projects = []
    for code, draft in drafts.items():
        row = draft.row
        implementer = None
        if row["implementer"]:
            kind = ImplementerKind(row["implementer_kind"]) if row["implementer_kind"] else None
            implementer = call(
                problems, row.where("implementer"), Implementer, name=row["implementer"], kind=kind
            )
        project = call(
            problems,
            row.where(),
            Project,
            code=code,
            name=row["name"],
            cost=draft.cost,
            links=draft.links,
            completed_in=int(row["completed_in"]) if row["completed_in"] else None,
            implementer=implementer,
            description=draft.description,
            aliases=[a for a in dict.fromkeys(draft.aliases) if _bare_name(a) != row["name"]],
            note=row["note"],
            responsible=row["responsible"],
            listed_as=draft.listed_as,
            list_number=draft.list_number,
            reported_cost=draft.reported_cost,
        )
        if project is not None:
            projects.append(project)
    problems.raise_if_any()
    return projects


def _read_links(
    file: Traversable,
    drafts: dict[str, _ProjectDraft],
    goal_codes: set[str],
    directions: Mapping[str, ActionDirection],
) -> None:
    columns = (
        "table",
        "row",
        "operational_goal",
        "directions",
        "remark",
        "project",
        "project_name",
        "cost",
    )
    rows, _ = read_tsv(file, columns)
    problems = Problems(str(file))
    references: list[tuple[Row, CostReference]] = []
    previous: Row | None = None
    for row in rows:
        code, goal, table = row["project"], row["operational_goal"], row["table"]
        draft = drafts.get(code)
        if draft is None:
            message = N_("unknown project {code!r} (not in projects.tsv)")
            problems.add(row.where("project"), message, code=code)
        if goal not in goal_codes:
            problems.add(row.where("operational_goal"), N_("unknown goal {code!r}"), code=goal)
        elif goal.split(".", 1)[0] != table:
            message = N_("goal {goal!r} is not under strategic goal {table!r}")
            problems.add(row.where("operational_goal"), message, goal=goal, table=table)
        codes = [c.strip() for c in row["directions"].split(";") if c.strip()]
        for direction in codes:
            found = directions.get(direction)
            if found is None:
                message = N_("unknown action direction {code!r}")
                problems.add(row.where("directions"), message, code=direction)
            elif found.goal_code != goal:
                message = N_("action direction {code!r} belongs to goal {owner!r}, not {goal!r}")
                values = {"code": direction, "owner": found.goal_code, "goal": goal}
                problems.add(row.where("directions"), message, **values)
        cost = call(
            problems,
            row.where("cost"),
            parse_value,
            row["cost"],
            field="cost",
        )
        if draft is not None:
            draft.links.append(
                GoalLink(
                    strategic_goal=table,
                    operational_goal=goal,
                    action_directions=codes,
                    cost_cell=row["cost"],
                    source=f"goal table {table}, row {row['row']}",
                    remark=row["remark"],
                    project_name=row["project_name"],
                )
            )
            draft.aliases.append(row["project_name"])
            _cost_cell(row, cost, draft, previous, references, problems)
        previous = row
    for row, reference in references:
        draft = drafts[row["project"]]
        if draft.cost_table != reference.goal:
            if draft.cost_table is None:
                message = N_("{raw!r} but the cost of {code!r} is stated in no table")
            else:
                message = N_("{raw!r} but the cost of {code!r} is stated in table {table}")
            stated = {"raw": reference.raw, "code": row["project"], "table": draft.cost_table}
            problems.add(row.where("cost"), message, **stated)
    problems.raise_if_any()


def _cost_cell(
    row: Row,
    cost: object,
    draft: _ProjectDraft,
    previous: Row | None,
    references: list[tuple[Row, CostReference]],
    problems: Problems,
) -> None:
    if isinstance(cost, Amount):
        if cost.unit not in ("PLN", "EUR") or cost.bound is not None:
            message = N_("a cost must be an amount of money, found {raw!r}")
            problems.add(row.where("cost"), message, raw=cost.raw)
            return
        # whole grosze or cents only: "8 818,970 zł" is a misplaced thousands separator
        at = row.where("cost")
        money = call(problems, at, parse_money, cost.raw, field="cost")
        if money is None:
            return
        if draft.cost is not None and draft.cost != money:
            message = N_("{code!r} already costs {cost} (table {table}); found {raw!r}")
            values = {
                "code": row["project"],
                "cost": str(draft.cost),
                "table": draft.cost_table,
                "raw": cost.raw,
            }
            problems.add(row.where("cost"), message, **values)
            return
        draft.cost, draft.cost_table = money, row["table"]
    elif isinstance(cost, SameAsAbove):
        if previous is None or previous["project"] != row["project"]:
            message = N_("{raw!r} (as above) but the row above is another project")
            problems.add(row.where("cost"), message, raw=cost.raw)
    elif isinstance(cost, CostReference):
        references.append((row, cost))
    elif isinstance(cost, MissingValue):
        pass  # no cost stated: the project keeps cost None and check() reports it


@attrs.frozen(kw_only=True)
class _Completed:
    """One ``[[project]]`` of completed.toml: a project of the report's list of completed ones.

    Attributes:
        lp: Its number in the printed list.
        code: The project's code in projects.tsv.
        listed_as: Its name as the list prints it.
        description: The "Opis prac" cell, as plain text.
        cost: The cost of the work done in the year, as the unit reports it (exact money
            text, ``"5 200 000,00 zł"``); it stands beside the catalogue's cost in
            goal_links.tsv, never over it.
    """

    lp: int
    code: str
    listed_as: str = ""
    description: str = ""
    cost: Money | None = None


_COMPLETED: Final = Structurer({})


def _read_completed(
    items: object,
    drafts: dict[str, _ProjectDraft],
    list_year: int | None,
    report_years: set[int],
    problems: Problems,
) -> None:
    """A report's list of completed projects: the projects completed in its year, with what was done.

    Args:
        items: The ``[[project]]`` tables of the list's file.
        drafts: The projects of projects.tsv, by code.
        list_year: The year of the list's report (``None``: the file has no report).
        report_years: The years of every report of the folder.
        problems: The problems of the list's file (raised at the end).
    """
    if not isinstance(items, list):
        message = N_("expected a list of tables ([[project]]), found {found!r}")
        problems.fail("project", message, found=items)
    numbers: dict[int, str] = {}
    listed: dict[str, str] = {}
    for index, item in enumerate(items, start=1):
        where = f"project[{index}]"
        completed = _COMPLETED.structure(_Completed, item, where, problems)
        if completed is None:
            continue
        if completed.lp in numbers:
            message = N_("repeated lp {lp} (also at {other})")
            problems.add(f"{where}.lp", message, lp=completed.lp, other=numbers[completed.lp])
        numbers.setdefault(completed.lp, where)
        draft = drafts.get(completed.code)
        if draft is None:
            message = N_("unknown project {code!r} (not in projects.tsv)")
            problems.add(where, message, code=completed.code)
            continue
        if completed.code in listed:
            message = N_("{code!r} is listed twice (also at {other})")
            problems.add(
                f"{where}.code", message, code=completed.code, other=listed[completed.code]
            )
            continue
        listed[completed.code] = where
        year = draft.row["completed_in"]
        if not year:
            message = N_("{code!r} is listed as completed but has no completed_in in projects.tsv")
            problems.add(where, message, code=completed.code)
        elif int(year) not in report_years:
            message = N_(
                "{code!r} was completed in {year} (projects.tsv), a year without a "
                "report (reports: {years})"
            )
            values = {"code": completed.code, "year": year, "years": tuple(sorted(report_years))}
            problems.add(where, message, **values)
        elif int(year) != list_year:
            message = N_(
                "{code!r} was completed in {year} (projects.tsv), so it belongs to the list of "
                "the report on {year}, not of the report on {list_year}"
            )
            problems.add(where, message, code=completed.code, year=year, list_year=list_year)
        if completed.listed_as:
            draft.aliases.append(completed.listed_as)
        draft.description = completed.description
        draft.listed_as = completed.listed_as
        draft.list_number = completed.lp
        draft.reported_cost = completed.cost
    problems.raise_if_any()
