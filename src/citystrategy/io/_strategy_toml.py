"""Read ``strategy.toml`` and ``action_directions.tsv``: the strategy, its goals, report and documents."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any, Final

from citystrategy.io._files import (
    Problems,
    call,
    check_keys,
    get,
    get_enum,
    optional_date,
    read_toml,
    strings,
    text,
)
from citystrategy.io._tsv import read_tsv
from citystrategy.io.parse import (
    parse_decimal,
    parse_money,
    parse_percent,
)
from citystrategy.model import (
    ActionDirection,
    AdoptedDocument,
    AnnualReport,
    DeclaredGoalFigures,
    DeclaredSummary,
    DocumentGoal,
    Missing,
    MonitoringRules,
    OperationalGoal,
    ProgramLink,
    ReportSection,
    StrategicGoal,
    Territory,
    TerritoryKind,
)

#: Keys each table of strategy.toml may have.
_TOP_KEYS: Final = {
    "program_links",
    "strategy",
    "missing",
    "monitoring",
    "report",
    "declared",
    "strategic_goals",
    "sections",
    "other_documents",
}
_STRATEGY_KEYS: Final = {
    "code",
    "title",
    "territory_name",
    "territory_teryt",
    "territory_kind",
    "period_start",
    "period_end",
    "adopted_on",
    "adopted_by",
    "resolution",
    "introduction",
    "survey_responses_indicator",
}
_MONITORING_KEYS: Final = {
    "ordinance",
    "ordinance_date",
    "amended_by",
    "amended_on",
    "annual_report_due",
    "ongoing_evaluation_years",
    "ex_post_evaluation_year",
}
_REPORT_KEYS: Final = {"year", "drawn_up_on", "period_start", "period_end", "attachments", "source"}
_DECLARED_KEYS: Final = {
    "projects_completed",
    "implementers",
    "internal_implementers",
    "external_implementers",
    "total_cost",
    "total_cost_label",
    "goals",
}
_GOAL_KEYS: Final = {"code", "name", "description", "challenges", "operational_goals"}
_OPERATIONAL_KEYS: Final = {"code", "name", "description"}
_SECTION_KEYS: Final = {"section", "title", "text"}
_DOCUMENT_KEYS: Final = {
    "code",
    "title",
    "adopted_by",
    "resolution",
    "adopted_on",
    "status",
    "territories",
    "summary",
    "goals",
    "integrated_projects",
    "city_projects",
    "eu_allocation",
    "eu_allocation_city",
}


# --- strategy.toml -------------------------------------------------------------------------


def _territory(meta: Mapping[str, Any], problems: Problems) -> Territory | None:
    kind = get_enum(
        TerritoryKind, str(meta.get("territory_kind", "")), "strategy.territory_kind", problems
    )
    name = get(meta, "territory_name", str, "strategy", problems)
    teryt = meta.get("territory_teryt")
    if kind is None or name is None:
        return None
    return call(problems, "strategy", Territory, name=name, kind=kind, teryt=teryt)


def _declared(table: Mapping[str, Any], problems: Problems) -> DeclaredSummary | None:
    """The declared figures, or ``None`` (with the problems recorded) if any is unreadable."""
    before = len(problems.items)

    def count(raw: object, at: str) -> int:
        number = call(problems, at, parse_decimal, str(raw), field="count", location=at)
        if number is not None and number != number.to_integral_value():
            problems.add(at, f"expected a whole number, found {raw!r}")
        return 0 if number is None else int(number)

    goals = []
    for index, row in enumerate(table.get("goals", []), start=1):
        at = f"declared.goals[{index}]"
        check_keys(
            row, {"goal", "label", "projects", "implementers", "cost", "share"}, at, problems
        )
        goal = get(row, "goal", str, at, problems)
        cost = call(problems, f"{at}.cost", parse_money, str(row.get("cost", "")), location=at)
        share = call(problems, f"{at}.share", parse_percent, str(row.get("share", "")), location=at)
        projects = count(row.get("projects", ""), f"{at}.projects")
        implementers = count(row.get("implementers", ""), f"{at}.implementers")
        if goal is not None and cost is not None and share is not None:
            goals.append(
                DeclaredGoalFigures(
                    goal_code=goal,
                    label=str(row.get("label", "")),
                    projects=projects,
                    implementers=implementers,
                    cost=cost,
                    share=share,
                )
            )
    at = "declared.total_cost"
    total = call(problems, at, parse_money, str(table.get("total_cost", "")), location=at)
    numbers = [
        count(table.get(key, ""), f"declared.{key}")
        for key in (
            "projects_completed",
            "implementers",
            "internal_implementers",
            "external_implementers",
        )
    ]
    if total is None or len(problems.items) > before:
        return None
    return DeclaredSummary(
        projects_completed=numbers[0],
        implementers=numbers[1],
        internal_implementers=numbers[2],
        external_implementers=numbers[3],
        total_cost=total,
        total_cost_label=str(table.get("total_cost_label", "")),
        goals=goals,
    )


def read_documents(items: list[Mapping[str, Any]], problems: Problems) -> list[AdoptedDocument]:
    documents = []
    for index, item in enumerate(items, start=1):
        where = f"other_documents[{index}]"
        check_keys(item, _DOCUMENT_KEYS, where, problems)
        goals = [
            DocumentGoal(
                code=str(goal.get("code", "")),
                name=text(str(goal.get("name", ""))),
                actions=tuple(
                    (str(action.get("code", "")), text(str(action.get("name", ""))))
                    for action in goal.get("actions", [])
                ),
                note=str(goal.get("note", "")),
            )
            for goal in item.get("goals", [])
        ]
        document = call(
            problems,
            where,
            AdoptedDocument,
            code=str(item.get("code", "")),
            title=text(str(item.get("title", ""))),
            adopted_by=str(item.get("adopted_by", "")),
            resolution=str(item.get("resolution", "")),
            adopted_on=optional_date(item, "adopted_on", where, problems),
            status=text(str(item.get("status", ""))),
            territories=strings(item, "territories", where, problems),
            summary=text(str(item.get("summary", ""))),
            goals=goals,
            integrated_projects=tuple(
                (str(p.get("code", "")), text(str(p.get("name", ""))))
                for p in item.get("integrated_projects", [])
            ),
            city_projects=strings(item, "city_projects", where, problems),
            eu_allocation=str(item.get("eu_allocation", "")),
            eu_allocation_city=str(item.get("eu_allocation_city", "")),
        )
        if document is not None:
            documents.append(document)
    return documents


@dataclass
class Meta:
    """What strategy.toml gives, before the other files are read."""

    raw: dict[str, Any]
    territory: Territory
    missing: dict[str, Missing]


def read_meta(file: Traversable) -> Meta:
    raw = read_toml(file)
    problems = Problems(str(file))
    strategy = raw.get("strategy")
    if not isinstance(strategy, dict):
        problems.add("strategy", "missing table [strategy]")
        problems.raise_if_any()
        raise AssertionError  # unreachable
    check_keys(raw, _TOP_KEYS, "file", problems)
    check_keys(strategy, _STRATEGY_KEYS, "strategy", problems)
    for key, kind in (("code", str), ("title", str), ("period_start", int), ("period_end", int)):
        get(strategy, key, kind, "strategy", problems)
    optional_date(strategy, "adopted_on", "strategy", problems)
    for name, keys in (
        ("monitoring", _MONITORING_KEYS),
        ("report", _REPORT_KEYS),
        ("declared", _DECLARED_KEYS),
    ):
        if isinstance(raw.get(name), dict):
            check_keys(raw[name], keys, name, problems)
    for index, goal in enumerate(raw.get("strategic_goals", []), start=1):
        where = f"strategic_goals[{index}]"
        check_keys(goal, _GOAL_KEYS, where, problems)
        code = str(goal.get("code", ""))
        if not re.fullmatch(r"[0-9]+", code):
            problems.add(f"{where}.code", f"expected a number such as '1', found {code!r}")
        for number, op in enumerate(goal.get("operational_goals", []), start=1):
            at = f"{where}.operational_goals[{number}]"
            check_keys(op, _OPERATIONAL_KEYS, at, problems)
            op_code = str(op.get("code", ""))
            if not re.fullmatch(re.escape(code) + r"\.[0-9]+", op_code):
                problems.add(f"{at}.code", f"expected '{code}.<number>', found {op_code!r}")
    for index, section in enumerate(raw.get("sections", []), start=1):
        check_keys(section, _SECTION_KEYS, f"sections[{index}]", problems)
        get(section, "section", int, f"sections[{index}]", problems)
    territory = _territory(strategy, problems)
    missing = {}
    for marker, reason in raw.get("missing", {}).items():
        code = get(reason, "code", str, f"missing.{marker!r}", problems)
        if code is not None:
            missing[marker] = Missing(code=code, marker=marker, text=str(reason.get("text", "")))
    goals = raw.get("strategic_goals", [])
    if not goals:
        problems.add("strategic_goals", "no strategic goals")
    problems.raise_if_any()
    assert territory is not None
    return Meta(raw, territory, missing)


# --- action_directions.tsv -----------------------------------------------------------------


def read_directions(file: Traversable, goal_codes: set[str]) -> dict[str, ActionDirection]:
    rows, _ = read_tsv(file, ("code", "operational_goal", "name"), key="code")
    problems = Problems(str(file))
    directions: dict[str, ActionDirection] = {}
    for row in rows:
        if row["operational_goal"] not in goal_codes:
            problems.add(row.where("operational_goal"), f"unknown goal {row['operational_goal']!r}")
            continue
        direction = call(
            problems,
            row.where(),
            ActionDirection,
            code=row["code"],
            name=row["name"],
            goal_code=row["operational_goal"],
        )
        if direction is not None:
            directions[row["code"]] = direction
    problems.raise_if_any()
    return directions


def build_strategic_goals(
    meta: Meta, directions: Mapping[str, ActionDirection], problems: Problems
) -> list[StrategicGoal]:
    goals = []
    for index, item in enumerate(meta.raw.get("strategic_goals", []), start=1):
        operational = []
        for number, op in enumerate(item.get("operational_goals", []), start=1):
            goal = call(
                problems,
                f"strategic_goals[{index}].operational_goals[{number}]",
                OperationalGoal,
                code=str(op.get("code", "")),
                name=str(op.get("name", "")),
                description=text(str(op.get("description", ""))),
                action_directions=[d for d in directions.values() if d.goal_code == op.get("code")],
            )
            if goal is not None:
                operational.append(goal)
        strategic = call(
            problems,
            f"strategic_goals[{index}]",
            StrategicGoal,
            code=str(item.get("code", "")),
            name=str(item.get("name", "")),
            description=text(str(item.get("description", ""))),
            challenges=text(str(item.get("challenges", ""))),
            operational_goals=operational,
        )
        if strategic is not None:
            goals.append(strategic)
    return goals


def all_goal_codes(meta: Meta) -> set[str]:
    codes = set()
    for goal in meta.raw.get("strategic_goals", []):
        codes.add(str(goal.get("code", "")))
        codes.update(str(op.get("code", "")) for op in goal.get("operational_goals", []))
    return codes


def read_program_links(
    items: list[Mapping[str, Any]], goal_codes: set[str], problems: Problems
) -> list[ProgramLink]:
    links = []
    for number, item in enumerate(items, start=1):
        where = f"program_links[{number}]"
        check_keys(item, {"program", "catalogue", "goals", "note"}, where, problems)
        goals = strings(item, "goals", where, problems)
        for goal in goals:
            if goal not in goal_codes:
                problems.add(f"{where}.goals", f"unknown goal {goal!r}")
        link = call(
            problems,
            where,
            ProgramLink,
            program=str(item.get("program", "")),
            catalogue=str(item.get("catalogue", "")),
            goal_codes=goals,
            note=str(item.get("note", "")),
        )
        if link is not None:
            links.append(link)
    return links


def read_monitoring(table: Mapping[str, Any] | None, problems: Problems) -> MonitoringRules | None:
    if table is None:
        return None
    where = "monitoring"
    ordinance_date = get(table, "ordinance_date", dt.date, where, problems)
    years = table.get("ongoing_evaluation_years", [])
    if not isinstance(years, list) or not all(
        isinstance(y, int) and not isinstance(y, bool) for y in years
    ):
        problems.add(
            f"{where}.ongoing_evaluation_years", f"expected a list of years, found {years!r}"
        )
        return None
    ex_post = table.get("ex_post_evaluation_year")
    if ex_post is not None and (not isinstance(ex_post, int) or isinstance(ex_post, bool)):
        problems.add(f"{where}.ex_post_evaluation_year", f"expected a year, found {ex_post!r}")
        return None
    amended_on = table.get("amended_on")
    if amended_on is not None:
        amended_on = get(table, "amended_on", dt.date, where, problems)
    if ordinance_date is None:
        return None
    return call(
        problems,
        where,
        MonitoringRules,
        ordinance=str(table.get("ordinance", "")),
        ordinance_date=ordinance_date,
        amended_by=str(table.get("amended_by", "")),
        amended_on=amended_on,
        annual_report_due=str(table.get("annual_report_due", "")),
        ongoing_evaluation_years=years,
        ex_post_evaluation_year=ex_post,
    )


def read_report(raw: Mapping[str, Any], problems: Problems) -> AnnualReport | None:
    table = raw.get("report")
    if table is None:
        return None
    values = {
        key: get(table, key, kind, "report", problems)
        for key, kind in (
            ("year", int),
            ("drawn_up_on", dt.date),
            ("period_start", dt.date),
            ("period_end", dt.date),
        )
    }
    declared = _declared(raw["declared"], problems) if "declared" in raw else None
    sections = [
        ReportSection(
            section=s["section"],
            title=str(s.get("title", "")),
            text=text(str(s.get("text", ""))),
        )
        for s in raw.get("sections", [])
        if isinstance(s.get("section"), int)  # others are reported by read_meta
    ]
    if any(value is None for value in values.values()):
        return None
    return AnnualReport(
        year=values["year"],
        drawn_up_on=values["drawn_up_on"],
        period_start=values["period_start"],
        period_end=values["period_end"],
        declared=declared,
        sections=sections,
        attachments=strings(table, "attachments", "report", problems),
        introduction=text(str(raw["strategy"].get("introduction", ""))),
    )
