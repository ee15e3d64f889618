"""Read a strategy from a folder of reviewable text files (TOML and TSV).

The format (documented in ``docs/howto/add-a-city.md`` and in the Kielce adapter's
``data/README.md``) keeps every value verbatim as the source prints it; this reader parses each
one with :mod:`citystrategy.io.parse`, resolves the cost cells (``jw.``, "podany w Celu nr N"),
and builds the model. Every problem of a file is collected and raised at once as a
:class:`~citystrategy.errors.DataFileError` naming the file, the row, the column and the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

import attrs
import pint

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
from citystrategy.io.parse import (
    Amount,
    Bound,
    CostReference,
    MissingValue,
    SameAsAbove,
    parse_decimal,
    parse_money,
    parse_percent,
    parse_value,
)
from citystrategy.model import (
    ActionDirection,
    AdoptedDocument,
    AnnualReport,
    DeclaredGoalFigures,
    DeclaredSummary,
    Direction,
    DocumentGoal,
    GoalLink,
    Implementer,
    ImplementerKind,
    Indicator,
    Level,
    Missing,
    MonitoringRules,
    Observation,
    OperationalGoal,
    ProgramLink,
    Project,
    ReportSection,
    StrategicGoal,
    Strategy,
    Target,
    TargetKind,
    Territory,
    TerritoryKind,
)
from citystrategy.money import Money
from citystrategy.units import check_unit, ureg

__all__ = ["FILES", "read_strategy"]

#: The files of a strategy folder.
FILES: Final = (
    "strategy.toml",
    "action_directions.tsv",
    "indicators.tsv",
    "projects.tsv",
    "goal_links.tsv",
    "completed.toml",
)

_INDICATOR_COLUMNS: Final = (
    "code",
    "level",
    "goal",
    "name",
    "target",
    "unit",
    "survey",
    "direction",
    "target_kind",
    "target_is_limit",
    "note",
)
_VALUE_COLUMN_RE: Final = re.compile(r"value_(\d{4})")
_YES_NO: Final = {"yes": True, "no": False}
_YEAR_RE: Final = re.compile(r"[12][0-9]{3}")
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


@dataclass(frozen=True)
class _Row:
    """One data row of a TSV file: its line number and cells by column."""

    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def where(self, column: str | None = None) -> str:
        return f"line {self.line}" + ("" if column is None else f", column {column!r}")


def _read_tsv(
    file: Traversable,
    required: tuple[str, ...],
    *,
    key: str | None = None,
    optional: tuple[str, ...] = (),
    pattern: re.Pattern[str] | None = None,
) -> tuple[list[_Row], list[str]]:
    """Read a TSV file; check its header, the shape of every row and that *key* is unique.

    A column that is neither required, optional nor matching *pattern* is a problem: a
    misspelt column must never be silently ignored.
    """
    problems = Problems(str(file))
    text = read_text(file, problems)
    lines = text.splitlines()
    if not lines:
        problems.add("file", "empty: expected a header row")
        problems.raise_if_any()
    header = lines[0].split("\t")
    missing = [column for column in required if column not in header]
    if missing:
        problems.add("line 1 (header)", f"missing column(s) {', '.join(map(repr, missing))}")
    unknown = [
        c
        for c in header
        if c not in required and c not in optional and not (pattern and pattern.fullmatch(c))
    ]
    if unknown:
        known = ", ".join(repr(c) for c in (*required, *optional))
        extra = f" or {pattern.pattern!r}" if pattern else ""
        message = f"unknown column(s) {', '.join(map(repr, unknown))} (known: {known}{extra})"
        problems.add("line 1 (header)", message)
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        problems.add("line 1 (header)", f"repeated column(s) {', '.join(map(repr, duplicates))}")
    rows: list[_Row] = []
    keys: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            problems.add(
                f"line {number}", f"expected {len(header)} cells, found {len(cells)}: {line!r}"
            )
            continue
        for column, cell in zip(header, cells, strict=True):
            if cell != cell.strip():
                problems.add(f"line {number}, column {column!r}", f"spaces around {cell!r}")
        row = _Row(number, dict(zip(header, cells, strict=True)))
        if key is not None and row[key] in keys:
            problems.add(row.where(key), f"repeated {key} {row[key]!r}")
        keys.add(row[key] if key is not None else "")
        rows.append(row)
    problems.raise_if_any()
    return rows, header


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


def _documents(items: list[Mapping[str, Any]], problems: Problems) -> list[AdoptedDocument]:
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
class _Meta:
    """What strategy.toml gives, before the other files are read."""

    raw: dict[str, Any]
    territory: Territory
    missing: dict[str, Missing]


def _read_meta(file: Traversable) -> _Meta:
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
    return _Meta(raw, territory, missing)


# --- action_directions.tsv -----------------------------------------------------------------


def _read_directions(file: Traversable, goal_codes: set[str]) -> dict[str, ActionDirection]:
    rows, _ = _read_tsv(file, ("code", "operational_goal", "name"), key="code")
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


def _strategic_goals(
    meta: _Meta, directions: Mapping[str, ActionDirection], problems: Problems
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


def _goal_codes(meta: _Meta) -> set[str]:
    codes = set()
    for goal in meta.raw.get("strategic_goals", []):
        codes.add(str(goal.get("code", "")))
        codes.update(str(op.get("code", "")) for op in goal.get("operational_goals", []))
    return codes


# --- indicators.tsv ------------------------------------------------------------------------


def _fit(amount: Amount, unit: str) -> Decimal | None:
    """The amount in *unit*; ``None`` if the unit printed beside it does not fit *unit*.

    A printed unit fits when it converts to *unit*, or when it is the numerator of *unit*
    (``46,10 zł`` for an indicator in ``PLN / inhabitant``).
    """
    if amount.unit is None:
        return amount.number
    printed = ureg.Unit(amount.unit)
    expected = ureg.Unit(unit)
    if printed.dimensionless or expected.dimensionless:
        # percent and count are both dimensionless to pint; "102 %" is never 1,02 of a count
        return amount.number if printed == expected else None
    if printed.dimensionality == expected.dimensionality:
        converted: pint.Quantity[Decimal] = ureg.Quantity(amount.number, printed).to(expected)
        return Decimal(converted.magnitude)
    numerator = unit.split("/", 1)[0].strip()
    if "/" in unit and "*" not in numerator and ureg.Unit(numerator) == printed:
        return amount.number
    return None


def _in_unit(amount: Amount, unit: str, where: str, problems: Problems) -> Decimal | None:
    """:func:`_fit`, recording a problem when the printed unit does not fit."""
    value = _fit(amount, unit)
    if value is None:
        message = (
            f"unit {amount.unit!r} of {amount.raw!r} does not fit the indicator's unit {unit!r}"
        )
        problems.add(where, message)
    return value


def _read_indicators(
    file: Traversable, meta: _Meta, goal_codes: set[str]
) -> tuple[list[Indicator], list[Observation]]:
    rows, header = _read_tsv(
        file,
        _INDICATOR_COLUMNS,
        key="code",
        optional=("target_year", "target_tolerance", "source"),
        pattern=_VALUE_COLUMN_RE,
    )
    problems = Problems(str(file))
    years = [(column, int(m[1])) for column in header if (m := _VALUE_COLUMN_RE.fullmatch(column))]
    if not years:
        problems.add(
            "line 1 (header)", "no value column (expected 'value_<year>', e.g. 'value_2023')"
        )
    default_year = int(meta.raw["strategy"]["period_end"])
    source = str(meta.raw.get("report", {}).get("source", "")) or str(meta.raw["strategy"]["title"])
    indicators: list[Indicator] = []
    observations: list[Observation] = []
    for row in rows:
        code = row["code"]
        if row["goal"] not in goal_codes:
            problems.add(row.where("goal"), f"unknown goal {row['goal']!r} for indicator {code!r}")
        level = get_enum(Level, row["level"], row.where("level"), problems)
        direction = get_enum(Direction, row["direction"], row.where("direction"), problems)
        kind = get_enum(TargetKind, row["target_kind"], row.where("target_kind"), problems)
        survey = _YES_NO.get(row["survey"])
        if survey is None:
            problems.add(row.where("survey"), f"expected 'yes' or 'no', found {row['survey']!r}")
        unit = call(
            problems, row.where("unit"), check_unit, row["unit"], location=row.where("unit")
        )
        if unit is None:
            continue
        target = _target(row, unit, kind, default_year, problems) if kind is not None else None
        for column, year in years:
            observation = _observation(row, column, year, unit, meta, problems)
            if observation is not None:
                observations.append(observation)
        if level is None or direction is None or survey is None:
            continue
        indicator = call(
            problems,
            row.where(),
            Indicator,
            code=row["code"],
            name=row["name"],
            unit=unit,
            level=level,
            goal_code=row["goal"],
            direction=direction,
            target=target,
            survey=survey,
            source=row["source"] or source,
            note=row["note"],
        )
        if indicator is not None:
            indicators.append(indicator)
    problems.raise_if_any()
    return indicators, observations


_RANGE_RE: Final = re.compile(
    r"(?P<low>.+?)\s*[–—]\s*(?P<high>.+)|(?P<low2>.+?)\s+-\s+(?P<high2>.+)"
)


def _number(raw: str, unit: str, where: str, problems: Problems) -> Amount | None:
    """One number of a target cell, in the indicator's unit (``None`` with a problem if not)."""
    parsed = call(problems, where, parse_value, raw, field="target", location=where)
    if parsed is None:
        return None
    if not isinstance(parsed, Amount):
        problems.add(where, f"a target must be a number, found {raw!r}")
        return None
    value = _in_unit(parsed, unit, where, problems)
    return None if value is None else attrs.evolve(parsed, number=value)


def _target(
    row: _Row, unit: str, kind: TargetKind, default_year: int, problems: Problems
) -> Target | None:
    """The target of one indicators.tsv row: a value, a bound (``<45``) or a range (``40–60``)."""
    raw = row["target"]
    if not raw:
        return None
    where = row.where("target")
    before = len(problems.items)
    year = default_year
    if row["target_year"]:
        if _YEAR_RE.fullmatch(row["target_year"]):
            year = int(row["target_year"])
        else:
            message = f"expected a year such as 2030, found {row['target_year']!r}"
            problems.add(row.where("target_year"), message)
    limit = _YES_NO.get(row["target_is_limit"])
    if limit is None:
        message = f"expected 'yes' or 'no', found {row['target_is_limit']!r}"
        problems.add(row.where("target_is_limit"), message)
    tolerance = Decimal(0)
    if row["target_tolerance"]:
        if kind is not TargetKind.EXACTLY:
            problems.add(row.where("target_tolerance"), "a tolerance needs target_kind 'exactly'")
        at = row.where("target_tolerance")
        tolerance = (
            call(problems, at, parse_decimal, row["target_tolerance"], location=at) or tolerance
        )
    if kind is TargetKind.WITHIN_RANGE:
        match = _RANGE_RE.fullmatch(raw.strip())
        if match is None:
            problems.add(where, f"a within_range target is written 'low–high' (got {raw!r})")
            return None
        low = _number(match["low"] or match["low2"], unit, where, problems)
        high = _number(match["high"] or match["high2"], unit, where, problems)
        if low is None or high is None or len(problems.items) > before:
            return None
        return call(
            problems,
            where,
            Target,
            kind=kind,
            low=low.number,
            high=high.number,
            year=year,
            limit=bool(limit),
            raw=raw,
        )
    parsed = _number(raw, unit, where, problems)
    if parsed is None:
        return None
    if parsed.bound in (Bound.LT, Bound.LE) and kind is not TargetKind.AT_MOST:
        message = f"{raw!r} is an upper bound: target_kind must be 'at_most'"
        problems.add(row.where("target_kind"), message)
    if parsed.bound in (Bound.GT, Bound.GE) and kind is not TargetKind.AT_LEAST:
        message = f"{raw!r} is a lower bound: target_kind must be 'at_least'"
        problems.add(row.where("target_kind"), message)
    if len(problems.items) > before:
        return None
    return call(
        problems,
        where,
        Target,
        kind=kind,
        value=parsed.number,
        tolerance=tolerance,
        year=year,
        limit=bool(limit) or parsed.bound is not None,
        raw=raw,
    )


def _observation(
    row: _Row, column: str, year: int, unit: str, meta: _Meta, problems: Problems
) -> Observation | None:
    raw = row[column]
    where = row.where(column)
    if not raw:
        problems.add(where, "empty: write the missing-data sign the source uses (e.g. '- *')")
        return None
    parsed = call(problems, where, parse_value, raw, field=column, location=where)
    territory = meta.territory.id
    if isinstance(parsed, MissingValue):
        missing = meta.missing.get(parsed.marker) or Missing(
            code="missing", marker=parsed.marker, text=parsed.meaning
        )
        return Observation(
            indicator=row["code"], territory=territory, year=year, missing=missing, raw=raw
        )
    if isinstance(parsed, Amount):
        if parsed.bound is not None:
            problems.add(where, f"an observed value cannot be a bound: {raw!r}")
            return None
        value = _in_unit(parsed, unit, where, problems)
        if value is None:
            return None
        return Observation(
            indicator=row["code"], territory=territory, year=year, value=value, raw=raw
        )
    if parsed is not None:
        problems.add(where, f"not an indicator value: {raw!r}")
    return None


# --- projects.tsv, goal_links.tsv, completed.toml ------------------------------------------


@dataclass
class _ProjectDraft:
    row: _Row
    links: list[GoalLink] = field(default_factory=list)
    cost: Money | None = None
    cost_table: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str = ""


def _bare_name(name: str) -> str:
    """A project name without the quotation marks the tables put around it (for comparison)."""
    bare = name.strip()
    if bare[:1] in '„"“':
        bare = bare[1:]
    if bare.endswith(".") and bare[-2:-1] in '”"':
        bare = bare[:-1]
    quotes = sum(bare.count(q) for q in '„”"“')
    if bare[-1:] in '”"' and quotes % 2 == 1:
        bare = bare[:-1]
    return bare.strip()


def _read_projects(
    root: Traversable,
    goal_codes: set[str],
    directions: Mapping[str, ActionDirection],
) -> list[Project]:
    file = root / "projects.tsv"
    columns = ("code", "name", "completed_in", "implementer", "implementer_kind", "note")
    rows, _ = _read_tsv(file, columns, key="code")
    problems = Problems(str(file))
    drafts: dict[str, _ProjectDraft] = {}
    for row in rows:
        drafts[row["code"]] = _ProjectDraft(row)
        if row["completed_in"] and not _YEAR_RE.fullmatch(row["completed_in"]):
            message = f"expected a year such as 2023, found {row['completed_in']!r}"
            problems.add(row.where("completed_in"), message)
        if row["implementer_kind"]:
            get_enum(
                ImplementerKind, row["implementer_kind"], row.where("implementer_kind"), problems
            )
    problems.raise_if_any()
    _read_links(root / "goal_links.tsv", drafts, goal_codes, directions)
    _read_completed(root / "completed.toml", drafts)
    projects = []
    for code, draft in drafts.items():
        row = draft.row
        implementer = None
        if row["implementer"]:
            kind = ImplementerKind(row["implementer_kind"]) if row["implementer_kind"] else None
            implementer = Implementer(name=row["implementer"], kind=kind)
        projects.append(
            Project(
                code=code,
                name=row["name"],
                cost=draft.cost,
                links=draft.links,
                completed_in=int(row["completed_in"]) if row["completed_in"] else None,
                implementer=implementer,
                description=draft.description,
                aliases=[a for a in dict.fromkeys(draft.aliases) if _bare_name(a) != row["name"]],
                note=row["note"],
            )
        )
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
    rows, _ = _read_tsv(file, columns)
    problems = Problems(str(file))
    references: list[tuple[_Row, CostReference]] = []
    previous: _Row | None = None
    for row in rows:
        code, goal, table = row["project"], row["operational_goal"], row["table"]
        draft = drafts.get(code)
        if draft is None:
            problems.add(row.where("project"), f"unknown project {code!r} (not in projects.tsv)")
        if goal not in goal_codes:
            problems.add(row.where("operational_goal"), f"unknown goal {goal!r}")
        elif goal.split(".", 1)[0] != table:
            problems.add(
                row.where("operational_goal"),
                f"goal {goal!r} is not under strategic goal {table!r}",
            )
        codes = [c.strip() for c in row["directions"].split(";") if c.strip()]
        for direction in codes:
            found = directions.get(direction)
            if found is None:
                problems.add(row.where("directions"), f"unknown action direction {direction!r}")
            elif found.goal_code != goal:
                problems.add(
                    row.where("directions"),
                    f"action direction {direction!r} belongs to goal {found.goal_code!r}, not {goal!r}",
                )
        cost = call(
            problems,
            row.where("cost"),
            parse_value,
            row["cost"],
            field="cost",
            location=row.where("cost"),
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
                )
            )
            draft.aliases.append(row["project_name"])
            _cost_cell(row, cost, draft, previous, references, problems)
        previous = row
    for row, reference in references:
        draft = drafts[row["project"]]
        if draft.cost_table != reference.goal:
            stated = "no table" if draft.cost_table is None else f"table {draft.cost_table}"
            problems.add(
                row.where("cost"),
                f"{reference.raw!r} but the cost of {row['project']!r} is stated in {stated}",
            )
    problems.raise_if_any()


def _cost_cell(
    row: _Row,
    cost: object,
    draft: _ProjectDraft,
    previous: _Row | None,
    references: list[tuple[_Row, CostReference]],
    problems: Problems,
) -> None:
    if isinstance(cost, Amount):
        if cost.unit not in ("PLN", "EUR") or cost.bound is not None:
            problems.add(
                row.where("cost"), f"a cost must be an amount of money, found {cost.raw!r}"
            )
            return
        money = Money(cost.number, cost.unit)
        if draft.cost is not None and draft.cost != money:
            problems.add(
                row.where("cost"),
                f"{row['project']!r} already costs {draft.cost} (table {draft.cost_table}); found {cost.raw!r}",
            )
            return
        draft.cost, draft.cost_table = money, row["table"]
    elif isinstance(cost, SameAsAbove):
        if previous is None or previous["project"] != row["project"]:
            problems.add(
                row.where("cost"), f"{cost.raw!r} (as above) but the row above is another project"
            )
    elif isinstance(cost, CostReference):
        references.append((row, cost))
    elif isinstance(cost, MissingValue):
        pass  # no cost stated: the project keeps cost None and check() reports it


def _read_completed(file: Traversable, drafts: dict[str, _ProjectDraft]) -> None:
    raw = read_toml(file)
    problems = Problems(str(file))
    for index, item in enumerate(raw.get("project", []), start=1):
        where = f"project[{index}]"
        code = item.get("code")
        draft = drafts.get(str(code))
        if draft is None:
            problems.add(where, f"unknown project {code!r} (not in projects.tsv)")
            continue
        if not draft.row["completed_in"]:
            problems.add(
                where, f"{code!r} is listed as completed but has no completed_in in projects.tsv"
            )
        listed_as = item.get("listed_as")
        if listed_as:
            draft.aliases.append(str(listed_as))
        draft.description = text(str(item.get("description", "")))
    problems.raise_if_any()


# --- the whole folder ----------------------------------------------------------------------


def read_strategy(directory: Traversable | str | Path) -> Strategy:
    """Read the strategy in *directory* (a path, or package data from ``importlib.resources``).

    Args:
        directory: A folder with the files of :data:`FILES`.

    Returns:
        The strategy, with its goals, action directions, indicators, observations, projects
        (each once, with its cost resolved across goal tables), annual report and documents.

    Raises:
        DataFileError: If a file is missing or malformed; it lists every problem of that file,
            each with its line, column and offending text.
    """
    root = as_traversable(directory)
    meta = _read_meta(root / "strategy.toml")
    goal_codes = _goal_codes(meta)
    directions = _read_directions(root / "action_directions.tsv", goal_codes)
    indicators, observations = _read_indicators(root / "indicators.tsv", meta, goal_codes)
    projects = _read_projects(root, goal_codes, directions)
    problems = Problems(str(root / "strategy.toml"))
    goals = _strategic_goals(meta, directions, problems)
    strategy_table = meta.raw["strategy"]
    report = _report(meta.raw, problems)
    documents = _documents(meta.raw.get("other_documents", []), problems)
    monitoring = _monitoring(meta.raw.get("monitoring"), problems)
    links = _program_links(meta.raw.get("program_links", []), goal_codes, problems)
    problems.raise_if_any()
    return Strategy(
        code=strategy_table["code"],
        title=strategy_table["title"],
        territory=meta.territory,
        period_start=strategy_table["period_start"],
        period_end=strategy_table["period_end"],
        adopted_on=strategy_table.get("adopted_on"),
        adopted_by=str(strategy_table.get("adopted_by", "")),
        resolution=str(strategy_table.get("resolution", "")),
        strategic_goals=goals,
        indicators=indicators,
        projects=projects,
        observations=observations,
        monitoring=monitoring,
        reports=[report] if report is not None else [],
        other_documents=documents,
        survey_responses_indicator=strategy_table.get("survey_responses_indicator"),
        program_links=links,
    )


def _program_links(
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


def _monitoring(table: Mapping[str, Any] | None, problems: Problems) -> MonitoringRules | None:
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


def _report(raw: Mapping[str, Any], problems: Problems) -> AnnualReport | None:
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
        if isinstance(s.get("section"), int)  # others are reported by _read_meta
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
