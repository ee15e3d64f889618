"""Read ``strategy.toml`` and ``action_directions.tsv``: the strategy, its goals, report and documents.

``strategy.toml`` is read by one structuring step (:mod:`citystrategy.io._structure`) from the
model classes' own fields; the shapes below say only where the file differs from the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources.abc import Traversable
from typing import Any, Final

import attrs

from citystrategy._i18n import N_
from citystrategy.io._files import Problems, call, check_keys, read_toml
from citystrategy.io._structure import Shape, Structurer
from citystrategy.io._tsv import read_tsv
from citystrategy.io.parse import parse_decimal, parse_percent
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
    Strategy,
    Territory,
)

#: Tables of strategy.toml.
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
#: Keys of [strategy] that give the strategy's territory, by field of Territory.
_TERRITORY_KEYS: Final = {
    "name": "territory_name",
    "kind": "territory_kind",
    "teryt": "territory_teryt",
}
#: Keys of [strategy] that are not fields of Strategy: the territory and the report's introduction.
_STRATEGY_EXTRA: Final = frozenset({*_TERRITORY_KEYS.values(), "introduction"})
#: Fields of Strategy that come from the other files or from other tables.
_FROM_ELSEWHERE: Final = frozenset(
    {
        "territory",
        "strategic_goals",
        "indicators",
        "projects",
        "observations",
        "monitoring",
        "reports",
        "other_documents",
        "program_links",
    }
)


def _territory(table: Mapping[str, Any], where: str, problems: Problems) -> dict[str, Any]:
    """The strategy's territory, from the ``territory_*`` keys of [strategy]."""
    keys = {key: value for key, value in table.items() if key in _TERRITORY_KEYS.values()}
    territory = _SHAPES.structure(Territory, keys, where, problems)
    return {} if territory is None else {"territory": territory}


def _count(raw: object, where: str, problems: Problems) -> int | None:
    """A declared count, written verbatim as printed (``"10"``)."""
    if not isinstance(raw, str):
        problems.add(
            where, N_("expected the count as printed, e.g. '10', found {found!r}"), found=raw
        )
        return None
    number = call(problems, where, parse_decimal, raw, field="count")
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        problems.add(where, N_("expected a whole number, found {found!r}"), found=raw)
        return None
    return int(number)


def _share(raw: object, where: str, problems: Problems) -> Decimal | None:
    """A declared share, written verbatim as printed (``"0,6%"``)."""
    if not isinstance(raw, str):
        message = N_("expected the share as printed, e.g. '0,6%', found {found!r}")
        problems.add(where, message, found=raw)
        return None
    return call(problems, where, parse_percent, raw, field="share")


def _pairs(raw: object, where: str, problems: Problems) -> tuple[tuple[str, str], ...] | None:
    """``(code, name)`` pairs, written as a list of tables with the keys ``code`` and ``name``."""
    if not isinstance(raw, list):
        message = N_("expected a list of tables with 'code' and 'name', found {found!r}")
        problems.add(where, message, found=raw)
        return None
    found = []
    for number, item in enumerate(raw, start=1):
        at = f"{where}[{number}]"
        pair = [
            _SHAPES.value(str, _get(item, key, at, problems), f"{at}.{key}", problems)
            for key in ("code", "name")
        ]
        if isinstance(item, Mapping):
            check_keys(item, {"code", "name"}, at, problems)
        found.append((str(pair[0]), str(pair[1])))
    return tuple(found)


def _get(item: object, key: str, where: str, problems: Problems) -> object:
    if not isinstance(item, Mapping):
        problems.add(where, N_("expected a table, found {found!r}"), found=item)
        return ""
    if key not in item:
        problems.add(where, N_("missing key {key!r}"), key=key)
        return ""
    return item[key]


_COUNTS: Final = (
    "projects_completed",
    "implementers",
    "internal_implementers",
    "external_implementers",
)

#: Where strategy.toml differs from the model.
_SHAPES: Final = Structurer(
    {
        Strategy: Shape(skip=_FROM_ELSEWHERE, extra=_STRATEGY_EXTRA, derive=_territory),
        Territory: Shape(keys=_TERRITORY_KEYS),
        OperationalGoal: Shape(skip=frozenset({"action_directions"})),
        AnnualReport: Shape(skip=frozenset({"declared", "sections", "introduction"})),
        DeclaredSummary: Shape(hooks=dict.fromkeys(_COUNTS, _count)),
        DeclaredGoalFigures: Shape(
            keys={"goal_code": "goal"},
            hooks={"projects": _count, "implementers": _count, "share": _share},
        ),
        DocumentGoal: Shape(hooks={"actions": _pairs}),
        AdoptedDocument: Shape(hooks={"integrated_projects": _pairs}),
        ProgramLink: Shape(keys={"goal_codes": "goals"}),
        Missing: Shape(skip=frozenset({"marker"})),
    }
)


@dataclass
class Meta:
    """What strategy.toml gives, before the other files are read.

    Attributes:
        strategy: The strategy without what the other files give (indicators, projects,
            observations, action directions).
        missing: The missing-data signs, by sign.
    """

    strategy: Strategy
    missing: dict[str, Missing]

    @property
    def territory(self) -> Territory:
        """The strategy's territory."""
        return self.strategy.territory

    @property
    def source(self) -> str:
        """The default source of the values: the annual report as cited, else the strategy."""
        cited = [report.source for report in self.strategy.reports if report.source]
        return cited[0] if cited else self.strategy.title


def _list(raw: Mapping[str, Any], key: str, problems: Problems) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        message = N_("expected a list of tables ([[{key}]]), found {found!r}")
        problems.add(key, message, key=key, found=value)
        return []
    return value


def _items(
    cls: type[Any], raw: Mapping[str, Any], key: str, problems: Problems, **given: Any
) -> list[Any]:
    """Every table of the list *key*, structured as *cls* (those with problems left out)."""
    built = (
        _SHAPES.structure(cls, item, f"{key}[{number}]", problems, **given)
        for number, item in enumerate(_list(raw, key, problems), start=1)
    )
    return [item for item in built if item is not None]


def _report(
    raw: Mapping[str, Any], problems: Problems, introduction: tuple[object, str]
) -> AnnualReport | None:
    """The [report], [declared] and [[sections]] of a file; *introduction*: (value, where)."""
    text, at = introduction
    if "report" not in raw:
        for key in ("declared", "sections"):
            if key in raw:
                message = N_("there is no [report] table for these figures to belong to")
                problems.add(key, message)
        if text:
            message = N_("there is no [report] table for this introduction to belong to")
            problems.add(at, message)
        return None
    declared = (
        _SHAPES.structure(DeclaredSummary, raw["declared"], "declared", problems)
        if "declared" in raw
        else None
    )
    return _SHAPES.structure(
        AnnualReport,
        raw["report"],
        "report",
        problems,
        declared=declared,
        sections=_items(ReportSection, raw, "sections", problems),
        introduction=_SHAPES.value(str, text, at, problems) or "",
    )


def _missing(raw: Mapping[str, Any], problems: Problems) -> dict[str, Missing]:
    table = raw.get("missing", {})
    if not isinstance(table, Mapping):
        message = N_("expected a table of missing-data signs, found {found!r}")
        problems.add("missing", message, found=table)
        return {}
    found = {}
    for marker, reason in table.items():
        missing = _SHAPES.structure(Missing, reason, f"missing.{marker!r}", problems, marker=marker)
        if missing is not None:
            found[marker] = missing
    return found


def _report_in_period(strategy: Strategy, report: AnnualReport, problems: Problems) -> None:
    """A report on a year outside the strategy's period is a problem of [report]."""
    if not strategy.period_start <= report.year <= strategy.period_end:
        message = N_("{year} is outside the strategy's period {start_year}–{end_year}")
        values = {"year": report.year, "start_year": strategy.period_start}
        problems.add("report.year", message, **values, end_year=strategy.period_end)


def _written_codes(goals: list[Any]) -> set[str]:
    """The codes the goal tables write, also of goals with other problems (no knock-on errors)."""
    codes: set[str] = set()
    for goal in goals:
        if not isinstance(goal, Mapping):
            continue
        operational = goal.get("operational_goals", [])
        tables = [goal, *(operational if isinstance(operational, list) else [])]
        codes.update(
            t["code"] for t in tables if isinstance(t, Mapping) and isinstance(t.get("code"), str)
        )
    return codes


def _repeated_codes(goals: list[Any], problems: Problems) -> None:
    """A goal code written twice (strategic or operational) is a problem at its second table.

    Found here, not only by :func:`citystrategy.check`: otherwise the file's indicators of the
    goal whose code was overwritten would fail as "unknown goal", hiding the cause.
    """
    first: dict[str, str] = {}
    for number, goal in enumerate(goals, start=1):
        if not isinstance(goal, Mapping):
            continue
        operational = goal.get("operational_goals", [])
        tables = [(f"strategic_goals[{number}]", goal)] + [
            (f"strategic_goals[{number}].operational_goals[{index}]", table)
            for index, table in enumerate(operational if isinstance(operational, list) else [], 1)
        ]
        for where, table in tables:
            code = table.get("code") if isinstance(table, Mapping) else None
            if not isinstance(code, str):
                continue
            if code in first:
                message = N_("repeated goal code {code!r} (also at {other})")
                problems.add(f"{where}.code", message, code=code, other=first[code])
            else:
                first[code] = where


def read_meta(file: Traversable) -> Meta:
    """Read strategy.toml: every problem of the file at once."""
    raw = read_toml(file)
    problems = Problems(str(file))
    check_keys(raw, _TOP_KEYS, "file", problems)
    table = raw.get("strategy")
    if not isinstance(table, Mapping):
        problems.fail("strategy", N_("missing table [strategy]"))
    listed = _list(raw, "strategic_goals", problems)
    goals = _items(StrategicGoal, {"strategic_goals": listed}, "strategic_goals", problems)
    if not listed:
        problems.add("strategic_goals", N_("no strategic goals"))
    _repeated_codes(listed, problems)
    codes = _written_codes(listed)
    links = _items(ProgramLink, raw, "program_links", problems)
    for number, link in enumerate(links, start=1):
        for goal in link.goal_codes:
            if goal not in codes:
                problems.add(
                    f"program_links[{number}].goals", N_("unknown goal {code!r}"), code=goal
                )
    monitoring = (
        _SHAPES.structure(MonitoringRules, raw["monitoring"], "monitoring", problems)
        if "monitoring" in raw
        else None
    )
    head = table if isinstance(table, Mapping) else {}
    report = _report(raw, problems, (head.get("introduction", ""), "strategy.introduction"))
    strategy = _SHAPES.structure(
        Strategy,
        table,
        "strategy",
        problems,
        strategic_goals=goals,
        monitoring=monitoring,
        reports=[] if report is None else [report],
        other_documents=_items(AdoptedDocument, raw, "other_documents", problems),
        program_links=links,
    )
    if strategy is not None and report is not None:
        _report_in_period(strategy, report, problems)
    missing = _missing(raw, problems)
    problems.raise_if_any()
    assert strategy is not None  # no problems, so it was built
    return Meta(strategy, missing)


# --- reports/<year>.toml ---------------------------------------------------------------------

#: The optional folder of a strategy data folder with the annual reports after the one in
#: strategy.toml: a file a report, named by its year (``reports/2024.toml``).
REPORTS_FOLDER: Final = "reports"
#: Tables and keys of a report file.
_REPORT_FILE_KEYS: Final = {"report", "declared", "sections", "introduction", "project"}


@dataclass
class ReportFile:
    """A report file, ``reports/<year>.toml``: one annual report and its list of completed projects.

    Attributes:
        file: The file.
        report: The report.
        projects: Its ``[[project]]`` tables, as read: the projects completed in its year
            (read with projects.tsv).
    """

    file: Traversable
    report: AnnualReport
    projects: object


def read_report_files(root: Traversable, strategy: Strategy) -> list[ReportFile]:
    """The report files of the folder ``reports`` in *root*, by year; none without the folder.

    Each file holds the tables of strategy.toml's report ([report], [declared], [[sections]],
    with the report's ``introduction`` as a key of its own) and the report's list of completed
    projects as completed.toml writes it ([[project]]). Its name is its year (``2024.toml``);
    files of other kinds in the folder (a README) are not read.

    Raises:
        DataFileError: At the first file with problems, listing every problem of it.
    """
    folder = root / REPORTS_FOLDER
    if not folder.is_dir():
        return []
    where_year = {report.year: "strategy.toml" for report in strategy.reports}
    found = []
    for file in sorted(folder.iterdir(), key=lambda item: item.name):
        if not file.name.endswith(".toml") or not file.is_file():
            continue
        raw = read_toml(file)
        problems = Problems(str(file))
        check_keys(raw, _REPORT_FILE_KEYS, "file", problems)
        if "report" not in raw:
            problems.fail("report", N_("missing table [report]"))
        report = _report(raw, problems, (raw.get("introduction", ""), "introduction"))
        if report is not None:
            expected = f"{report.year}.toml"
            if file.name != expected:
                message = N_(
                    "the report on {year} is in a file named {file!r}: name it {expected!r}"
                )
                problems.add(
                    "report.year", message, year=report.year, file=file.name, expected=expected
                )
            elif report.year in where_year:
                message = N_("a second report on {year} (the first is in {other})")
                problems.add(
                    "report.year", message, year=report.year, other=where_year[report.year]
                )
            _report_in_period(strategy, report, problems)
        problems.raise_if_any()
        assert report is not None  # no problems, so it was built
        where_year[report.year] = f"{REPORTS_FOLDER}/{file.name}"
        found.append(ReportFile(file, report, raw.get("project", [])))
    return found


# --- action_directions.tsv -----------------------------------------------------------------


def read_directions(file: Traversable, goal_codes: set[str]) -> dict[str, ActionDirection]:
    rows, _ = read_tsv(file, ("code", "operational_goal", "name"), key="code")
    problems = Problems(str(file))
    directions: dict[str, ActionDirection] = {}
    for row in rows:
        if row["operational_goal"] not in goal_codes:
            message = N_("unknown goal {code!r}")
            problems.add(row.where("operational_goal"), message, code=row["operational_goal"])
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


def with_directions(
    goals: tuple[StrategicGoal, ...], directions: Mapping[str, ActionDirection]
) -> list[StrategicGoal]:
    """The goals with the action directions of action_directions.tsv under their operational goals."""
    return [
        attrs.evolve(
            goal,
            operational_goals=[
                attrs.evolve(
                    op,
                    action_directions=[d for d in directions.values() if d.goal_code == op.code],
                )
                for op in goal.operational_goals
            ],
        )
        for goal in goals
    ]


def all_goal_codes(meta: Meta) -> set[str]:
    """The codes of every strategic and operational goal."""
    goals = meta.strategy.strategic_goals
    return {g.code for g in goals} | {op.code for g in goals for op in g.operational_goals}
