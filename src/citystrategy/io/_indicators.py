"""Read ``indicators.tsv``: indicators with their targets, and their observed values."""

from __future__ import annotations

import re
from decimal import Decimal
from importlib.resources.abc import Traversable
from typing import Final

import attrs

from citystrategy._i18n import N_
from citystrategy.errors import Message, UnitName
from citystrategy.io._files import (
    HEADER,
    Place,
    Problems,
    call,
    get_enum,
)
from citystrategy.io._strategy_toml import Meta
from citystrategy.io._tsv import YEAR_RE, YES_NO, Row, read_tsv
from citystrategy.io.parse import (
    Amount,
    Bound,
    MissingValue,
    _fit_unit,
    parse_decimal,
    parse_money,
    parse_value,
)
from citystrategy.model import (
    Direction,
    Indicator,
    Level,
    Missing,
    Observation,
    Target,
    TargetKind,
    ValueRange,
)
from citystrategy.money import CURRENCIES
from citystrategy.units import check_unit

#: How many years before the strategy's first year a value column may be, for baselines: a
#: strategy adopted in 2022 may give values from 2012 on (``value_2012``), no earlier.
BASELINE_YEARS: Final = 10

_VALUE_COLUMN_RE: Final = re.compile(r"value_(\d{4})")
#: ``value_<year>`` and its optional ``source_<year>`` (where that year's values come from,
#: when not from the indicator's source) and ``reason_<year>`` (why a value of that year is
#: missing, when not what its sign means for the whole strategy: the reason a data-entry
#: form's unit chose).
_YEAR_COLUMN_RE: Final = re.compile(r"(value|source|reason)_(\d{4})")
#: The optional columns of indicators.tsv, in the order the writer puts them.
OPTIONAL_INDICATOR_COLUMNS: Final = (
    "target_year",
    "target_tolerance",
    "source",
    "range",
    "responsible",
)
#: The columns of indicators.tsv besides the values (``value_<year>`` come after ``name``).
INDICATOR_COLUMNS: Final = (
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
# --- indicators.tsv ------------------------------------------------------------------------


def _fit(amount: Amount, unit: str) -> Decimal | Message:
    """The amount in *unit*, exactly; or why not, when the unit printed beside it does not fit
    *unit* or does not convert to it exactly (the rule of :func:`~citystrategy.io.parse._fit_unit`,
    which the forms follow too).
    """
    converted = _fit_unit(amount, unit)
    if converted is None:
        return Message(
            N_("unit {printed!r} of {raw!r} does not fit the indicator's unit {unit!r}"),
            {"printed": UnitName(amount.unit or ""), "raw": amount.raw, "unit": UnitName(unit)},
        )
    return converted  # a number, or why not (the units by their labels)


def _in_unit(
    amount: Amount, unit: str, field: str, where: Place, problems: Problems
) -> Decimal | None:
    """:func:`_fit`, recording a problem when the printed unit does not fit.

    An amount of money on an indicator in that currency has whole grosze or cents, as a cost
    has: ``8 400,000 zł`` is most likely a misplaced thousands separator.
    """
    if amount.unit in (unit, None) and unit in CURRENCIES and amount.bound is None:
        money = call(problems, where, parse_money, amount.raw, currency=unit, field=field)
        if money is None:
            return None
    value = _fit(amount, unit)
    if isinstance(value, Message):
        problems.add(where, value)
        return None
    return value


def read_indicators(
    file: Traversable, meta: Meta, goal_codes: set[str]
) -> tuple[list[Indicator], list[Observation]]:
    rows, header = read_tsv(
        file,
        INDICATOR_COLUMNS,
        key="code",
        optional=OPTIONAL_INDICATOR_COLUMNS,
        pattern=_YEAR_COLUMN_RE,
    )
    problems = Problems(str(file))
    years = [(column, int(m[1])) for column in header if (m := _VALUE_COLUMN_RE.fullmatch(column))]
    if not years:
        problems.add(HEADER, N_("no value column (expected 'value_<year>', e.g. 'value_2023')"))
    period = (meta.strategy.period_start, meta.strategy.period_end)
    _check_years(years, period, problems)
    _check_sources(header, {year for _, year in years}, problems)
    source = meta.source
    indicators: list[Indicator] = []
    observations: list[Observation] = []
    for row in rows:
        code = row["code"]
        if row["goal"] not in goal_codes:
            message = N_("unknown goal {goal!r} for indicator {code!r}")
            problems.add(row.where("goal"), message, goal=row["goal"], code=code)
        level = get_enum(Level, row["level"], row.where("level"), problems)
        direction = get_enum(Direction, row["direction"], row.where("direction"), problems)
        kind = get_enum(TargetKind, row["target_kind"], row.where("target_kind"), problems)
        survey = YES_NO.get(row["survey"])
        if survey is None:
            message = N_("expected 'yes' or 'no', found {found!r}")
            problems.add(row.where("survey"), message, found=row["survey"])
        unit = call(problems, row.where("unit"), check_unit, row["unit"])
        if unit is None:
            continue
        target = _target(row, unit, kind, period, problems) if kind is not None else None
        value_range = _value_range(row, problems)
        for column, year in years:
            observation = _observation(row, column, year, unit, meta, problems)
            if observation is not None and (value_source := row[f"source_{year}"]):
                observation = attrs.evolve(observation, source=value_source)
            if observation is not None and (reason := row[f"reason_{year}"]):
                observation = _with_reason(
                    observation, reason, row.where(f"reason_{year}"), problems
                )
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
            value_range=value_range,
            responsible=row["responsible"],
        )
        if indicator is not None:
            indicators.append(indicator)
    problems.raise_if_any()
    return indicators, observations


_RANGE_RE: Final = re.compile(
    r"(?P<low>.+?)\s*[–—]\s*(?P<high>.+)|(?P<low2>.+?)\s+-\s+(?P<high2>.+)"
)


def _number(raw: str, unit: str, where: Place, problems: Problems) -> Amount | None:
    """One number of a target cell, in the indicator's unit (``None`` with a problem if not)."""
    parsed = call(problems, where, parse_value, raw, field="target")
    if parsed is None:
        return None
    if not isinstance(parsed, Amount):
        problems.add(where, N_("a target must be a number, found {raw!r}"), raw=raw)
        return None
    value = _in_unit(parsed, unit, "target", where, problems)
    return None if value is None else attrs.evolve(parsed, number=value)


def _check_sources(header: list[str], years: set[int], problems: Problems) -> None:
    """Each ``source_<year>`` and ``reason_<year>`` column is beside a ``value_<year>`` column."""
    for column in header:
        match = _YEAR_COLUMN_RE.fullmatch(column)
        if match is None or int(match[2]) in years:
            continue
        if match[1] == "source":
            message = N_(
                "column {column!r} gives the sources of values that are not there: no "
                "{expected!r} column"
            )
            problems.add(HEADER, message, column=column, expected=f"value_{match[2]}")
        elif match[1] == "reason":
            message = N_(
                "column {column!r} gives the reasons of missing values that are not there: no "
                "{expected!r} column"
            )
            problems.add(HEADER, message, column=column, expected=f"value_{match[2]}")


def _with_reason(
    observation: Observation, reason: str, where: Place, problems: Problems
) -> Observation:
    """*observation* missing for *reason* (a ``reason_<year>`` cell), which replaces the
    strategy's meaning of its sign; a reason beside a value is a problem."""
    if observation.missing is None:
        message = N_(
            "a reason {reason!r} is given for the value {raw!r}, which is not missing: leave "
            "the reason empty, or write the missing-data sign as the value"
        )
        problems.add(where, message, reason=reason, raw=observation.raw)
        return observation
    missing = Missing(code="missing", marker=observation.missing.marker, text=reason)
    return attrs.evolve(observation, missing=missing)


def _check_years(years: list[tuple[str, int]], period: tuple[int, int], problems: Problems) -> None:
    """Each value column is a year of the strategy's period, or of the baseline years before it."""
    start, end = period
    for column, year in years:
        if not start - BASELINE_YEARS <= year <= end:
            message = N_(
                "year {year} is outside the strategy period {start_year}–{end_year} (values may "
                "start up to {count} years before it, from {first_year})"
            )
            values = {
                "year": year,
                "start_year": start,
                "end_year": end,
                "count": BASELINE_YEARS,
                "first_year": start - BASELINE_YEARS,
            }
            problems.add(Place(line=1, column=column, header=True), message, **values)


def _value_range(row: Row, problems: Problems) -> ValueRange | None:
    """The declared ``range`` of a row (``0..100``, ``0..``, ``..0``, ``0..1,5``), if any."""
    raw = row["range"]
    if not raw:
        return None
    where = row.where("range")
    parts = raw.split("..")
    if len(parts) != 2:
        message = N_("a range is written 'low..high', e.g. '0..100', '0..' or '..0' (got {raw!r})")
        problems.add(where, message, raw=raw)
        return None
    ends: list[Decimal | None] = []
    for part in parts:
        if not part.strip():
            ends.append(None)
            continue
        number = call(problems, where, parse_decimal, part, field="range")
        if number is None:
            return None
        ends.append(number)
    return call(problems, where, ValueRange, low=ends[0], high=ends[1])


def _target(
    row: Row, unit: str, kind: TargetKind, period: tuple[int, int], problems: Problems
) -> Target | None:
    """The target of one indicators.tsv row: a value, a bound (``<45``) or a range (``40–60``).

    Its year (``target_year``, by default the period's last year) must lie in the period.
    """
    raw = row["target"]
    if not raw:
        return None
    where = row.where("target")
    before = len(problems.items)
    year = period[1]
    if row["target_year"]:
        if YEAR_RE.fullmatch(row["target_year"]):
            year = int(row["target_year"])
            if not period[0] <= year <= period[1]:
                message = N_(
                    "target year {year} is outside the strategy period {start_year}–{end_year}"
                )
                values = {"year": year, "start_year": period[0], "end_year": period[1]}
                problems.add(row.where("target_year"), message, **values)
        else:
            message = N_("expected a year such as 2030, found {found!r}")
            problems.add(row.where("target_year"), message, found=row["target_year"])
    limit = YES_NO.get(row["target_is_limit"])
    if limit is None:
        message = N_("expected 'yes' or 'no', found {found!r}")
        problems.add(row.where("target_is_limit"), message, found=row["target_is_limit"])
    tolerance = Decimal(0)
    if row["target_tolerance"]:
        if kind is not TargetKind.EXACTLY:
            message = N_("a tolerance needs target_kind 'exactly'")
            problems.add(row.where("target_tolerance"), message)
        at = row.where("target_tolerance")
        tolerance = call(problems, at, parse_decimal, row["target_tolerance"]) or tolerance
    if kind is TargetKind.WITHIN_RANGE:
        match = _RANGE_RE.fullmatch(raw.strip())
        if match is None:
            message = N_("a within_range target is written 'low–high' (got {raw!r})")
            problems.add(where, message, raw=raw)
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
        message = N_("{raw!r} is an upper bound: target_kind must be 'at_most'")
        problems.add(row.where("target_kind"), message, raw=raw)
    if parsed.bound in (Bound.GT, Bound.GE) and kind is not TargetKind.AT_LEAST:
        message = N_("{raw!r} is a lower bound: target_kind must be 'at_least'")
        problems.add(row.where("target_kind"), message, raw=raw)
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
    row: Row, column: str, year: int, unit: str, meta: Meta, problems: Problems
) -> Observation | None:
    raw = row[column]
    where = row.where(column)
    if not raw:
        problems.add(where, N_("empty: write the missing-data sign the source uses (e.g. '- *')"))
        return None
    parsed = call(problems, where, parse_value, raw, field=column)
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
            problems.add(where, N_("an observed value cannot be a bound: {raw!r}"), raw=raw)
            return None
        value = _in_unit(parsed, unit, column, where, problems)
        if value is None:
            return None
        return Observation(
            indicator=row["code"], territory=territory, year=year, value=value, raw=raw
        )
    if parsed is not None:
        problems.add(where, N_("not an indicator value: {raw!r}"), raw=raw)
    return None
