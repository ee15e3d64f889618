"""Comparison calculations on long frames: derived indicators, ranks and scores within a peer
group, the change over a period, a synthetic index, and the caveats that go with them.

>>> from citystrategy.compare import sample_panel, benchmark_group
>>> table = compare(
...     sample_panel(),
...     focus="Kielce",
...     peers=benchmark_group(),
...     indicators=["unemployment_rate"],
...     year=2023,
... )
>>> kielce = table[table.focus].iloc[0]
>>> kielce["name"], float(kielce["value"]), int(kielce["rank"]), round(float(kielce["score"]), 4)
('Kielce', 4.6, 5, 0.1379)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import StrEnum
from itertools import pairwise
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
from attrs import frozen

from citystrategy._arguments import each, instance, integer, member, real, text
from citystrategy._i18n import N_
from citystrategy.compare.panel import PANEL_VARIABLES
from citystrategy.compare.peers import (
    YEARS_WITH_DATA,
    PeerGroup,
    _resolve,
    explicit_group,
    known_indicator,
    territory_name,
)
from citystrategy.errors import ArgumentError, ArgumentTypeError, Message, YearError
from citystrategy.frames import (
    FLAG,
    INDICATOR,
    SOURCE,
    TERRITORY,
    UNIT,
    VALUE,
    YEAR,
    validate_long,
)
from citystrategy.model import Direction
from citystrategy.percent import Percent, as_percent
from citystrategy.units import Q_, check_unit

__all__ = [
    "CAVEATS",
    "COMPARISON_COLUMNS",
    "Caveat",
    "Quadrant",
    "caveats_for",
    "compare",
    "density",
    "per_inhabitants",
    "rank_within",
    "synthetic_index",
]


@frozen
class Caveat:
    """A known break in a panel's data that a comparison must mention.

    Attributes:
        code: A stable id (``"area-2023-gulf"``).
        territories: The territories it concerns (TERYT codes).
        indicators: The indicators it breaks (and those derived from them).
        year: The first year of the new series: a change from an earlier year crosses it.
        text: What happened, in English (the catalogues translate it).
    """

    code: str
    territories: tuple[str, ...]
    indicators: tuple[str, ...]
    year: int
    text: str


#: The caveats of the shipped panel (``../data/README.md``).
CAVEATS: Final = (
    Caveat(
        "area-2023-gulf",
        ("2261011", "2262011", "2264011"),
        ("area_km2", "population_density"),
        2023,
        N_(
            "in 2023 Gdańsk (266 -> 683 km²), Gdynia (135 -> 391) and Sopot (17 -> 28) were "
            "assigned the waters of the Gulf of Gdańsk: areas and densities before and after "
            "differ"
        ),
    ),
    Caveat(
        "area-2023-boundaries",
        ("0662011", "3261011", "2263011"),
        ("area_km2", "population_density"),
        2023,
        N_(
            "in 2023 Chełm (35 -> 40 km²), Koszalin (98 -> 106) and Słupsk (43 -> 53) changed "
            "their boundaries: areas and densities before and after differ"
        ),
    ),
)


def caveats_for(
    territory: str, indicator: str, *, year: int, base_year: int | None = None
) -> tuple[Caveat, ...]:
    """The caveats of :data:`CAVEATS` that a comparison of *indicator* for *territory* in *year*
    (with a change since *base_year*) must carry: those whose break lies within the period.

    >>> [c.code for c in caveats_for("2262011", "population_density", year=2023, base_year=2021)]
    ['area-2023-gulf']
    >>> caveats_for("2262011", "population_density", year=2023)
    ()
    """
    text(territory, "territory")
    text(indicator, "indicator")
    year = integer(year, "year")
    since = year if base_year is None else integer(base_year, "base_year")
    return tuple(
        c
        for c in CAVEATS
        if territory in c.territories and indicator in c.indicators and since < c.year <= year
    )


def _derived(
    frame: pd.DataFrame,
    numerator: str,
    denominator: str,
    name: str,
    unit: str,
    factor: float,
) -> pd.DataFrame:
    """Rows of *name* = *numerator* / *denominator* x *factor*, for every territory and year
    with both; missing where either is missing (flagged with the reason of the first)."""
    top = frame[frame[INDICATOR] == numerator].set_index([TERRITORY, YEAR])
    bottom = frame[frame[INDICATOR] == denominator].set_index([TERRITORY, YEAR])
    joined = top[[VALUE]].rename(columns={VALUE: "value_n"})
    joined = joined.join(bottom[[VALUE]].rename(columns={VALUE: "value_d"}), how="inner")
    values = joined["value_n"] / joined["value_d"].where(joined["value_d"] != 0) * factor
    out = pd.DataFrame(
        {
            TERRITORY: joined.index.get_level_values(TERRITORY),
            INDICATOR: name,
            UNIT: unit,
            YEAR: joined.index.get_level_values(YEAR).astype("int64"),
            VALUE: values.to_numpy(dtype="float64"),
        }
    )
    if FLAG in frame.columns:
        flags = top[FLAG].reindex(joined.index).fillna(bottom[FLAG].reindex(joined.index))
        out[FLAG] = flags.where(np.isnan(values.to_numpy()), None).to_numpy()
        out.loc[out[VALUE].isna() & out[FLAG].isna(), FLAG] = "zero_denominator"
    if SOURCE in frame.columns:
        out[SOURCE] = f"derived: {numerator} / {denominator}"
    return out


def _unit_of(frame: pd.DataFrame, indicator: str) -> str:
    units = frame.loc[frame[INDICATOR] == known_indicator(frame, indicator), UNIT].unique()
    if len(units) > 1:
        raise ArgumentError("indicator", indicator, "an indicator of one unit")
    return str(units[0])


def _append(frame: pd.DataFrame, rows: pd.DataFrame, name: str) -> pd.DataFrame:
    if (frame[INDICATOR] == name).any():
        raise ArgumentError("name", name, "a name the frame does not have yet")
    columns = [c for c in frame.columns]
    return validate_long(pd.concat([frame, rows[columns]], ignore_index=True))


def density(
    frame: pd.DataFrame,
    *,
    population: str = "population",
    area: str = "area_km2",
    name: str = "population_density",
) -> pd.DataFrame:
    """*frame* with the population density (inhabitants per km²) added as *name*.

    The units come from the frame and pint does the arithmetic: a population in inhabitants
    over an area in any unit of area gives inhabitants per km².

    >>> from citystrategy.compare import sample_panel
    >>> panel = density(sample_panel())
    >>> row = panel[(panel.indicator == "population_density") & (panel.territory == "2661011")]
    >>> row.unit.iloc[-1], int(row.year.iloc[-1]), round(float(row.value.iloc[-1]), 1)
    ('inhabitant / kilometer ** 2', 2023, 1657.2)

    Raises:
        ArgumentError: If an indicator is not in the frame, is not of the right dimension, or
            *name* is in the frame already.
        FrameError: If *frame* breaks the long-frame contract.
    """
    validate_long(frame)
    text(name, "name")
    unit = check_unit("inhabitant / km ** 2")
    ratio = Q_(1.0, _unit_of(frame, population)) / Q_(1.0, _unit_of(frame, area))
    if not ratio.check("[population] / [length] ** 2"):
        raise ArgumentError("area", area, "an area, with a population over it")
    factor = float(ratio.to(unit).magnitude)
    return _append(frame, _derived(frame, population, area, name, unit, factor), name)


#: The per-capita bases GUS publishes, with their units of the registry.
_PER: Final = {
    1000: "thousand_inhabitants",
    10000: "ten_thousand_inhabitants",
    100000: "hundred_thousand_inhabitants",
}


def per_inhabitants(
    frame: pd.DataFrame,
    indicator: str,
    *,
    per: int = 1000,
    population: str = "population",
    name: str | None = None,
) -> pd.DataFrame:
    """*frame* with *indicator* per 1 000, 10 000 or 100 000 inhabitants added (as *name*,
    by default ``"<indicator>_per_<per>"``), its unit worked out by pint.

    Raises:
        ArgumentError: If *per* is not 1000, 10000 or 100000, an indicator is not in the
            frame, the population is not in inhabitants, or *name* is in the frame already.
        FrameError: If *frame* breaks the long-frame contract.
    """
    validate_long(frame)
    text(indicator, "indicator")
    base = integer(per, "per")
    if base not in _PER:
        raise ArgumentError("per", per, "1000, 10000 or 100000")
    label = f"{indicator}_per_{base}" if name is None else text(name, "name")
    if not Q_(1.0, _unit_of(frame, population)).check("[population]"):
        raise ArgumentError("population", population, "an indicator in inhabitants")
    top = Q_(1.0, _unit_of(frame, indicator)) / Q_(1.0, _unit_of(frame, population))
    unit = check_unit(f"({_unit_of(frame, indicator)}) / {_PER[base]}")
    factor = float(top.to(unit).magnitude)
    return _append(frame, _derived(frame, indicator, population, label, unit, factor), label)


class Quadrant(StrEnum):
    """Where a territory stands on level and on change, against the group's medians (a tie
    with the median counts as at it, and so as the better side)."""

    LEADING = "leading"  #: level and change at or better than the median
    SLIPPING = "slipping"  #: level at or better, change worse
    CATCHING_UP = "catching_up"  #: level worse, change at or better
    LAGGING = "lagging"  #: level and change worse than the median


#: The directions of the derived indicators this module makes (the panel's own are in
#: :data:`~citystrategy.compare.PANEL_VARIABLES`): a denser city counts as the more compact.
DERIVED_DIRECTIONS: Final = {"population_density": Direction.HIGHER_IS_BETTER}

#: The columns of :func:`compare`, in order.
COMPARISON_COLUMNS: Final = (
    "territory",
    "name",
    "indicator",
    "unit",
    "year",
    "value",
    "flag",
    "direction",
    "rank",
    "ranked",
    "missing",
    "percentile",
    "score",
    "z",
    "median",
    "to_median",
    "best",
    "to_best",
    "base_year",
    "base_value",
    "change",
    "change_unit",
    "quadrant",
    "focus",
    "caveats",
)


def _direction(indicator: str, directions: Mapping[str, Direction | str]) -> Direction:
    found: Direction | None
    if indicator in directions:
        found = member(Direction, directions[indicator], f"directions[{indicator!r}]")
    else:
        variable = PANEL_VARIABLES.get(indicator)
        found = DERIVED_DIRECTIONS.get(indicator) if variable is None else variable.direction
        if found is None:
            expected = N_(
                "a direction (higher or lower is better) for {indicator!r}; on the command line "
                "--direction {indicator}=higher or =lower"
            )
            raise ArgumentError(
                "directions", dict(directions), Message(expected, {"indicator": indicator})
            )
    if found is Direction.WITHIN_RANGE:
        raise ArgumentError(
            f"directions[{indicator!r}]", found.value, "higher_is_better or lower_is_better"
        )
    return found


def _group(frame: pd.DataFrame, focus: str, peers: object) -> tuple[str, list[str]]:
    code = _resolve(focus, "focus", frame)
    if isinstance(peers, PeerGroup):
        group = peers
    elif isinstance(peers, str) or not isinstance(peers, Sequence):
        raise ArgumentError("peers", peers, "a PeerGroup or a sequence of names or codes")
    else:
        group = explicit_group(peers, frame=frame)
    return code, list(dict.fromkeys([code, *group.members]))


def compare(
    frame: pd.DataFrame,
    *,
    focus: str,
    peers: PeerGroup | Sequence[str],
    indicators: Sequence[str],
    year: int,
    directions: Mapping[str, Direction | str] | None = None,
    base_year: int | None = None,
) -> pd.DataFrame:
    """Where *focus* and its *peers* stand on each of *indicators* in *year*.

    One row per territory of the group (*focus* first, then the peers) and indicator, with the
    columns of :data:`COMPARISON_COLUMNS`:

    - ``value`` and ``flag`` (why it is missing; ``"no_data"`` when the frame has no row);
    - ``rank``: 1 is the best in the indicator's direction; ties share the best rank of theirs;
      ``ranked`` territories have a value and ``missing`` do not (they get no rank or score);
    - ``percentile``: the percent of the other ranked territories that it does better than
      (100 for the best, 0 for the worst; none when it is ranked alone);
    - ``score``: min–max within the group, 0 the weakest and 1 the best (1 for all when every
      value is the same);
    - ``z``: (value − mean) / standard deviation (population), in the value's direction as it is;
    - ``median``, ``to_median`` (value − median), ``best`` and ``to_best`` (value − best), in
      the indicator's unit (percentage points for a percentage);
    - the change since ``base_year`` (default: the frame's first year of the indicator):
      ``change`` is the CAGR in percent a year for a level and the difference in percentage
      points for a percentage (``change_unit`` says which), and ``quadrant``
      (:class:`Quadrant`) places level and change against the group's medians; a change
      across a break of the series (a caveat's: Gdynia's area in 2023) is none (NaN), has no
      quadrant and is not in the median;
    - ``focus`` (whether it is the focus territory) and ``caveats`` (codes of :data:`CAVEATS`
      whose break falls in the period, joined by ``;``).

    Args:
        frame: A long frame (e.g. :func:`~citystrategy.compare.sample_panel`, with
            :func:`density` added).
        focus: The territory compared: a TERYT code, a name of the register, or an id of
            *frame*.
        peers: A :class:`~citystrategy.compare.PeerGroup`, or names or codes.
        indicators: The indicators compared.
        year: The year compared.
        directions: Which way is better for each indicator (default: the panel's and
            :data:`DERIVED_DIRECTIONS`); required for any other.
        base_year: The start of the change's period.

    Raises:
        ArgumentError: If an indicator is not in the frame or has no direction, or
            *base_year* is not before *year*.
        YearError: If the frame has no data in *year*.
        UnknownTerritoryError: If *focus* or a peer names no territory.
        FrameError: If *frame* breaks the long-frame contract.
    """
    validate_long(frame)
    names = each(indicators, "indicators", str, "an indicator code")
    if not names:
        raise ArgumentError("indicators", indicators, "at least one indicator")
    if directions is not None and not isinstance(directions, Mapping):
        raise ArgumentTypeError("directions", directions, "a mapping of indicator to direction")
    wanted: Mapping[str, Direction | str] = {} if directions is None else directions
    year = integer(year, "year")
    code, group = _group(frame, focus, peers)
    for name in names:
        known_indicator(frame, name)
    years = sorted(frame.loc[frame[INDICATOR].isin(names), YEAR].unique().tolist())
    if year not in years:
        raise YearError("year", year, years, YEARS_WITH_DATA)
    if base_year is not None:
        base_year = integer(base_year, "base_year")
        if base_year >= year:
            before = Message(N_("a year before {year}"), {"year": str(year)})
            raise ArgumentError("base_year", base_year, before)
    tables = [
        _one(frame, name, _direction(name, wanted), group, code, year, base_year) for name in names
    ]
    return pd.concat(tables, ignore_index=True)[list(COMPARISON_COLUMNS)]


def _values(
    rows: pd.DataFrame, group: list[str], year: int
) -> tuple[pd.Series[float], pd.Series[Any]]:
    this = rows[rows[YEAR] == year].set_index(TERRITORY)
    values = this[VALUE].reindex(group).astype("float64")
    if FLAG in this.columns:
        flags = this[FLAG].reindex(group)
    else:
        flags = pd.Series([None] * len(group), index=group, dtype=object)
    flags = flags.astype(object).where(values.isna(), None)
    absent = ~pd.Index(group).isin(this.index)
    flags[absent] = "no_data"
    return values, flags


def _one(
    frame: pd.DataFrame,
    indicator: str,
    direction: Direction,
    group: list[str],
    focus: str,
    year: int,
    base_year: int | None,
) -> pd.DataFrame:
    rows = frame[frame[INDICATOR] == indicator]
    unit = str(rows[UNIT].iloc[0])
    values, flags = _values(rows, group, year)
    sign = 1.0 if direction is Direction.HIGHER_IS_BETTER else -1.0
    oriented = values * sign
    ranked = int(values.notna().sum())
    rank = oriented.rank(method="min", ascending=False)
    worse = oriented.apply(lambda o: float((oriented < o).sum()) if not math.isnan(o) else math.nan)
    percentile = worse / (ranked - 1) * 100.0 if ranked > 1 else worse * math.nan
    low, high = oriented.min(), oriented.max()
    score = (oriented - low) / (high - low) if high > low else oriented * 0.0 + 1.0
    spread = values.std(ddof=0)
    z = (values - values.mean()) / spread if spread > 0 else values * 0.0
    median = float(values.median())
    best = float(high * sign) if ranked else math.nan
    first = rows[YEAR].min() if base_year is None else base_year
    start = int(first) if first < year else None
    if start is not None:
        before, _ = _values(rows, group, start)
    else:
        before = values * math.nan
    if unit == "percent":
        change = values - before
        change_unit = "percentage_point"
    else:
        ratio = (values / before.where(before > 0)).where(values >= 0)
        change = (
            (ratio ** (1.0 / (year - start)) - 1.0) * 100.0
            if start is not None
            else ratio * math.nan
        )
        change_unit = "percent"
    # a change across a break of the series (a caveat's) compares nothing: none, no quadrant,
    # and not in the group's median change
    caveats = [caveats_for(t, indicator, year=year, base_year=start) for t in group]
    change = change.where(pd.Series([not c for c in caveats], index=change.index))
    oriented_change = change * sign
    level_median = float(oriented.median())
    change_median = float(oriented_change.median())
    quadrant = [
        _quadrant(o, c, level_median, change_median)
        for o, c in zip(oriented.tolist(), oriented_change.tolist(), strict=True)
    ]
    return pd.DataFrame(
        {
            "territory": group,
            "name": [territory_name(t) for t in group],
            "indicator": indicator,
            "unit": unit,
            "year": year,
            "value": values.to_numpy(),
            "flag": flags.to_numpy(),
            "direction": direction.value,
            "rank": rank.to_numpy(),
            "ranked": ranked,
            "missing": len(group) - ranked,
            "percentile": percentile.to_numpy(dtype="float64"),
            "score": score.to_numpy(dtype="float64"),
            "z": z.to_numpy(dtype="float64"),
            "median": median,
            "to_median": (values - median).to_numpy(),
            "best": best,
            "to_best": (values - best).to_numpy(),
            "base_year": start,
            "base_value": before.to_numpy(),
            "change": change.to_numpy(dtype="float64"),
            "change_unit": change_unit,
            "quadrant": quadrant,
            "focus": [t == focus for t in group],
            "caveats": [";".join(c.code for c in found) for found in caveats],
        }
    )


def _quadrant(level: float, change: float, level_median: float, change_median: float) -> str | None:
    if any(math.isnan(x) for x in (level, change, level_median, change_median)):
        return None
    ahead, improving = level >= level_median, change >= change_median
    if ahead:
        return (Quadrant.LEADING if improving else Quadrant.SLIPPING).value
    return (Quadrant.CATCHING_UP if improving else Quadrant.LAGGING).value


def synthetic_index(
    table: pd.DataFrame,
    *,
    weights: Mapping[str, float] | None = None,
    min_coverage: Percent | None = None,
) -> pd.DataFrame:
    """A synthetic index of a :func:`compare` table: for each territory the weighted mean of its
    min–max scores, as SAS does, with the contribution of each indicator.

    A territory needs scores on at least *min_coverage* of the weight (default 50%); with
    less, its index is missing (and unranked), never computed from what is left.

    Columns: ``territory``, ``name``, ``index`` (0..1), ``coverage`` (percent of the weight
    scored), ``rank`` (1 the best, ties share), ``focus``, and ``contribution:<indicator>`` for
    each indicator (weight x score / scored weight; they add up to the index).

    Raises:
        ArgumentError: If a weight is negative, names an indicator not in the table, or all
            are zero; or *table* lacks the columns of :func:`compare`.
        ArgumentTypeError: If *min_coverage* is a bare number.
    """
    instance(table, "table", pd.DataFrame, "a DataFrame made by compare()")
    missing = [c for c in ("territory", "name", "indicator", "score", "focus") if c not in table]
    if missing:
        raise ArgumentError("table", tuple(table.columns), "a table made by compare()")
    indicators = list(dict.fromkeys(table["indicator"]))
    if weights is not None and not isinstance(weights, Mapping):
        raise ArgumentTypeError("weights", weights, "a mapping of indicator to weight")
    given = {} if weights is None else dict(weights)
    for name, weight in given.items():
        if name not in indicators:
            raise ArgumentError("weights", name, f"an indicator of the table ({tuple(indicators)})")
        if real(weight, f"weights[{name!r}]") < 0:
            raise ArgumentError(f"weights[{name!r}]", weight, "a weight of 0 or more")
    w = pd.Series({name: float(given.get(name, 1.0)) for name in indicators})
    if w.sum() <= 0:
        raise ArgumentError("weights", given, "weights that are not all zero")
    coverage_needed = (
        50.0 if min_coverage is None else float(as_percent(min_coverage, "min_coverage"))
    )
    scores = table.pivot_table(
        index="territory", columns="indicator", values="score", aggfunc="first", dropna=False
    )
    order = list(dict.fromkeys(table["territory"]))
    scores = scores.reindex(index=order, columns=indicators)
    scored = scores.notna().mul(w, axis=1)
    weight_scored = scored.sum(axis=1)
    coverage = weight_scored / w.sum() * 100.0
    contributions = (
        scores.fillna(0.0).mul(w, axis=1).div(weight_scored.where(weight_scored > 0), axis=0)
    )
    enough = coverage >= coverage_needed - 1e-9
    index = contributions.sum(axis=1).where(enough)
    contributions = contributions.where(scores.notna()).where(enough, axis=0)
    first = table.drop_duplicates("territory").set_index("territory")
    out = pd.DataFrame(
        {
            "territory": order,
            "name": first.loc[order, "name"].to_numpy(),
            "index": index.to_numpy(dtype="float64"),
            "coverage": coverage.to_numpy(dtype="float64"),
            "rank": index.rank(method="min", ascending=False).to_numpy(),
            "focus": first.loc[order, "focus"].to_numpy(dtype=bool),
        }
    )
    for name in indicators:
        out[f"contribution:{name}"] = contributions[name].to_numpy(dtype="float64")
    return out


def _check_columns(frame: object) -> None:
    """The checks of a long frame that cost nothing on 15 million rows: columns and dtypes."""
    from citystrategy.errors import FrameError
    from citystrategy.frames import _column_problems

    if not isinstance(frame, pd.DataFrame):
        raise ArgumentTypeError("frame", frame, "a pandas DataFrame")
    problems = _column_problems(frame)
    if problems:
        raise FrameError(problems)


def rank_within(
    frame: pd.DataFrame,
    *,
    by: str | Mapping[str, str] = "voivodeship",
    directions: Mapping[str, Direction | str] | None = None,
) -> pd.DataFrame:
    """Every territory ranked, placed in a percentile and scored within its group, for each
    indicator and year of *frame*, at once (a national panel in seconds).

    The measures are those of :func:`compare`: ``rank`` (1 the best, ties share the best
    rank), ``percentile`` (percent of the group's other ranked territories it does better
    than) and ``score`` (min–max, 0 the weakest, 1 the best; 1 when all are equal), with
    ``group``; missing values get none of them.

    Args:
        frame: A long frame.
        by: ``"voivodeship"`` (the first two digits of a TERYT code) or a mapping of territory
            to group; a territory the mapping lacks has no group and no rank.
        directions: Which way is better for each indicator (default: the panel's and
            :data:`DERIVED_DIRECTIONS`); required for any other.

    Raises:
        ArgumentError: If an indicator has no direction.
        ArgumentTypeError: If *by* or *directions* is of the wrong type.
        FrameError: If *frame* lacks a column of the long frame, or ``year`` is not of
            integers or ``value`` not of floats. For speed on national panels the other checks
            of :func:`~citystrategy.frames.validate_long` (repeated keys, units) are left to
            the caller.

    >>> from citystrategy.compare import sample_panel
    >>> ranked = rank_within(sample_panel().query("indicator != 'area_km2'"))
    >>> row = ranked.query(
    ...     "indicator == 'unemployment_rate' and year == 2023 and territory == '2661011'"
    ... )
    >>> row[["group", "rank"]].values.tolist()  # Kielce, the one city of świętokrzyskie
    [['26', 1.0]]
    """
    _check_columns(frame)
    if directions is not None and not isinstance(directions, Mapping):
        raise ArgumentTypeError("directions", directions, "a mapping of indicator to direction")
    wanted: Mapping[str, Direction | str] = {} if directions is None else directions
    territory = pd.Categorical(frame[TERRITORY])
    labels = pd.Series(territory.categories.astype(str), dtype=object)
    if isinstance(by, str):
        if by != "voivodeship":
            raise ArgumentError("by", by, "'voivodeship' or a mapping of territory to group")
        group_of = labels.str[:2]
    elif isinstance(by, Mapping):
        group_of = labels.map(dict(by))
    else:
        raise ArgumentTypeError("by", by, "'voivodeship' or a mapping of territory to group")
    group_codes, group_names = pd.factorize(group_of, use_na_sentinel=True)
    indicator = pd.Categorical(frame[INDICATOR])
    signs = np.array(
        [
            1.0 if _direction(str(name), wanted) is Direction.HIGHER_IS_BETTER else -1.0
            for name in indicator.categories
        ]
    )
    ind = indicator.codes.astype(np.int64)
    years = frame[YEAR].to_numpy(np.int64)
    year_codes = years - years.min()
    width = int(year_codes.max()) + 1 if len(years) else 1
    group = group_codes[territory.codes]
    oriented = frame[VALUE].to_numpy(np.float64) * signs[ind]
    valid = ~np.isnan(oriented) & (group >= 0)
    key = (group.astype(np.int64) * len(signs) + ind) * width + year_codes
    rank, percentile, score = _ranks(np.flatnonzero(valid), ind, key, oriented, len(signs))
    names = np.asarray(group_names, dtype=object)
    shown = names[np.maximum(group, 0)] if names.size else np.empty(len(group), dtype=object)
    shown[group < 0] = None
    added = {"group": shown, "rank": rank, "percentile": percentile, "score": score}
    if frame.columns.isin(list(added)).any():  # a column of that name is replaced in place
        return frame.assign(**added)
    # the new columns only, joined once: the frame's own columns are not copied (copy on write)
    return pd.concat([frame, pd.DataFrame(added, index=frame.index, copy=False)], axis=1)


#: Rows ranked at a time: whole indicators, at least this many rows, so that each block's sort
#: and passes stay in the processor's cache (one sort of 14 million rows does not).
_BLOCK_ROWS: Final = 1 << 15


def _blocks(ends: npt.NDArray[np.int64]) -> list[tuple[int, int]]:
    """Slices of the rows sorted by indicator (*ends*: where each indicator's rows end) into
    blocks of whole indicators of at least :data:`_BLOCK_ROWS` rows (the last may be smaller)."""
    cuts = [0]
    for end in ends.tolist():
        if end - cuts[-1] >= _BLOCK_ROWS:
            cuts.append(end)
    if ends.size and cuts[-1] < int(ends[-1]):
        cuts.append(int(ends[-1]))
    return list(pairwise(cuts))


def _ranks(
    rows: npt.NDArray[np.intp],
    indicator: npt.NDArray[np.int64],
    key: npt.NDArray[np.int64],
    oriented: npt.NDArray[np.float64],
    indicators: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Rank (ties share the best), percentile and score of each of *rows* within its *key*
    (group, indicator, year) by *oriented* value (larger is better); NaN for the other rows.

    The rows are put in indicator order by one radix sort (a stable sort of small integers),
    then each block of whole indicators is sorted by key and value and ranked on its own.
    """
    count = len(oriented)
    rank, percentile, score = (np.full(count, np.nan) for _ in range(3))
    if not rows.size:
        return rank, percentile, score
    of_row = indicator[rows]
    small = of_row.astype(np.int16) if indicators < 2**15 else of_row
    by_indicator = rows[np.argsort(small, kind="stable")]
    ends = np.cumsum(np.bincount(of_row, minlength=indicators))
    for start, stop in _blocks(ends):
        block = by_indicator[start:stop]
        values, keys = oriented[block], key[block]
        order = np.lexsort((-values, keys))
        block, k, o = block[order], keys[order], values[order]
        n = len(block)
        at = np.arange(n)
        new_group = np.ones(n, dtype=bool)
        new_group[1:] = k[1:] != k[:-1]
        new_run = new_group.copy()
        new_run[1:] |= o[1:] != o[:-1]
        last_of_group = np.append(new_group[1:], True)
        last_of_run = np.append(new_run[1:], True)
        # first and last position of each row's group and of its run of equal values
        group_first = np.maximum.accumulate(np.where(new_group, at, 0))
        run_first = np.maximum.accumulate(np.where(new_run, at, 0))
        group_last = np.minimum.accumulate(np.where(last_of_group, at, n)[::-1])[::-1]
        run_last = np.minimum.accumulate(np.where(last_of_run, at, n)[::-1])[::-1]
        size = group_last - group_first + 1
        best, worst = o[group_first], o[group_last]
        spread = best - worst
        rank[block] = run_first - group_first + 1.0
        with np.errstate(invalid="ignore", divide="ignore"):
            worse = group_last - run_last  # rows of the group strictly worse than this one
            percentile[block] = np.where(size > 1, worse / (size - 1) * 100.0, np.nan)
            score[block] = np.where(spread > 0, (o - worst) / spread, 1.0)
    return rank, percentile, score
