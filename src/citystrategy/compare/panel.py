"""The shipped panel of the 66 cities with powiat rights, users' own long CSV files, and the links
between a strategy's indicators and panel variables.

>>> panel = sample_panel()
>>> kielce = panel[(panel.territory == "2661011") & (panel.year == 2023)]
>>> row = kielce.set_index("indicator").loc["unemployment_rate"]
>>> row["unit"], float(row["value"])
('percent', 4.6)
>>> kielce.set_index("indicator").loc["regon_entities_per_10k_population", "flag"]
'not_published'
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import pandas as pd
from attrs import frozen

from citystrategy._arguments import instance
from citystrategy._i18n import N_
from citystrategy.errors import CityStrategyError
from citystrategy.frames import (
    FLAG,
    INDICATOR,
    LONG_COLUMNS,
    SOURCE,
    TERRITORY,
    UNIT,
    VALUE,
    YEAR,
    validate_long,
)
from citystrategy.io._files import HEADER, Place, Problems, as_traversable, read_text
from citystrategy.model import Direction
from citystrategy.model.territory import check_teryt
from citystrategy.units import check_unit

if TYPE_CHECKING:
    from citystrategy.model import Strategy

__all__ = [
    "KIELCE_LINKS",
    "MISSING_REASONS",
    "PANEL_COLUMNS",
    "PANEL_VARIABLES",
    "PanelLink",
    "PanelVariable",
    "monitoring_frame",
    "read_long_csv",
    "read_panel",
    "sample_panel",
]


@frozen
class PanelVariable:
    """A variable of the shipped panel.

    Attributes:
        code: Its id in the ``indicator`` column (``"unemployment_rate"``).
        unit: Its unit in the long frame: a canonical unit of the registry.
        source_unit: The unit as the source file describes it, checked on load.
        direction: Which way counts as better, or ``None`` where none does (an area).
        description: What it is, in English.
    """

    code: str
    unit: str
    source_unit: str
    direction: Direction | None
    description: str


def _variables(*variables: PanelVariable) -> Mapping[str, PanelVariable]:
    return MappingProxyType({v.code: v for v in variables})


#: The variables of the shipped panel, by code. Directions are stated, never guessed: a larger
#: population is counted better (a shrinking city is the concern of Kielce's strategy); the area
#: has none.
PANEL_VARIABLES: Final = _variables(
    PanelVariable(
        "population",
        "inhabitant",
        "persons (osoba), as of 31 Dec",
        Direction.HIGHER_IS_BETTER,
        "population at 31 December",
    ),
    PanelVariable(
        "area_km2",
        "kilometer ** 2",
        "km2 (whole km2 as published in BDL)",
        None,
        "area in whole km², as BDL publishes it",
    ),
    PanelVariable(
        "unemployment_rate",
        "percent",
        "% (registered unemployment rate, 31 Dec, powiat)",
        Direction.LOWER_IS_BETTER,
        "registered unemployment rate at 31 December (powiat level)",
    ),
    PanelVariable(
        "avg_gross_monthly_wage_pln",
        "PLN / month",
        "PLN (zł) per month, gross, annual average",
        Direction.HIGHER_IS_BETTER,
        "average gross monthly wage (entities of more than 9 employees and the budget sphere)",
    ),
    PanelVariable(
        "avg_gross_monthly_wage_index_pl100",
        "percent",
        "Polska = 100",
        Direction.HIGHER_IS_BETTER,
        "average gross monthly wage as an index, Poland = 100",
    ),
    PanelVariable(
        "regon_entities_per_10k_population",
        "1 / ten_thousand_inhabitants",
        "entities in REGON per 10 000 population",
        Direction.HIGHER_IS_BETTER,
        "entities in the REGON register per 10 000 inhabitants",
    ),
)

#: Why a value of the panel is missing: the ``flag`` code and the source's own words.
MISSING_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "not_published": 'not yet published in the source export (BDL sign "-")',
        "confidential": 'not published: statistical confidentiality (BDL sign "x", shown as 0)',
    }
)
_REASON_CODES: Final = {text: code for code, text in MISSING_REASONS.items()}

#: The columns of the panel file, as its sources name them.
PANEL_COLUMNS: Final = (
    "teryt_gmina",
    "teryt_powiat",
    "city",
    "voivodeship",
    "indicator",
    "unit",
    "year",
    "value",
    "missing_reason",
    "source",
)


def _rows(file: Traversable, problems: Problems, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a CSV file with *columns* (at least), each with its line number in ``"#"``."""
    reader = csv.DictReader(io.StringIO(read_text(file, problems)))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        problems.fail(HEADER, N_("missing column(s) {columns}"), columns=tuple(missing))
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or None in row.values():  # more or fewer cells than the header
            problems.add(
                Place(line=number), N_("the row's cells do not match the header's columns")
            )
            continue
        rows.append({**row, "#": str(number)})
    return rows


#: A number as a data file writes it: a point or a comma before the decimals, no grouping.
_NUMBER_RE: Final = re.compile(r"[-−]?[0-9]+(?:[.,][0-9]+)?")


def _number(raw: str, where: Place, problems: Problems) -> float | None:
    cell = raw.strip()
    if not _NUMBER_RE.fullmatch(cell):
        problems.add(where, N_("expected a number such as 4.6 or 4,6, found {text!r}"), text=raw)
        return None
    return float(cell.replace(",", ".").replace("−", "-"))


def _year(raw: str, where: Place, problems: Problems) -> int | None:
    if not raw.strip().isdigit() or len(raw.strip()) != 4:
        problems.add(where, N_("expected a year such as 2023, found {found!r}"), found=raw)
        return None
    return int(raw)


def read_panel(file: Traversable | str | Path) -> pd.DataFrame:
    """A panel file of :data:`PANEL_COLUMNS` as a validated long frame.

    Each row is checked: a TERYT gmina code, a variable of :data:`PANEL_VARIABLES` in its
    source unit, a year, and a value that is a number, or empty with a ``missing_reason``
    (kept in ``flag`` as a code of :data:`MISSING_REASONS`, or verbatim if it is none of them).

    Raises:
        DataFileError: Listing every problem, each with its line, column and offending text.
        ArgumentTypeError: If *file* is not a path.
    """
    file = as_traversable(file, "file")
    problems = Problems(str(file))
    records = []
    for row in _rows(file, problems, PANEL_COLUMNS):
        line = int(row["#"])
        code = row["teryt_gmina"]
        reason = check_teryt(code, "gmina")
        if reason is not None:
            where = Place(line=line, column="teryt_gmina")
            problems.add(
                where, N_("{code!r} is not a TERYT code: {reason}"), code=code, reason=reason
            )
            continue
        variable = PANEL_VARIABLES.get(row["indicator"])
        if variable is None:
            where = Place(line=line, column="indicator")
            message = N_("unknown variable {code!r} (known: {known})")
            problems.add(where, message, code=row["indicator"], known=tuple(PANEL_VARIABLES))
            continue
        if row["unit"] != variable.source_unit:
            message = N_("expected the unit {expected!r} of {code!r}, found {text!r}")
            where = Place(line=line, column="unit")
            problems.add(where, message, expected=variable.source_unit, code=variable.code, text=row["unit"])  # fmt: skip
            continue
        year = _year(row["year"], Place(line=line, column="year"), problems)
        value, flag = _value(row["value"], row["missing_reason"], line, problems)
        if year is None or (value is None and flag is None):
            continue
        records.append((code, variable.code, variable.unit, year, value, flag, row["source"]))
    return _frame(records, problems)


def _value(raw: str, reason: str, line: int, problems: Problems) -> tuple[float | None, str | None]:
    """The value of a cell and its flag: a number and ``None``, or NaN and the missing reason."""
    if not raw.strip():
        if not reason.strip():
            where = Place(line=line, column="missing_reason")
            problems.add(where, N_("an empty value needs its reason"))
            return None, None
        return math.nan, _REASON_CODES.get(reason, reason)
    if reason.strip():
        where = Place(line=line, column="missing_reason")
        message = N_("a value {text!r} cannot also have a missing reason (found {reason!r})")
        problems.add(where, message, text=raw, reason=reason)
        return None, None
    return _number(raw, Place(line=line, column="value"), problems), None


def _frame(records: Sequence[tuple[object, ...]], problems: Problems) -> pd.DataFrame:
    columns = [*LONG_COLUMNS, FLAG, SOURCE]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame[YEAR] = frame[YEAR].astype("int64")
    frame[VALUE] = frame[VALUE].astype("float64")
    keys = [TERRITORY, INDICATOR, YEAR]
    repeated = frame.duplicated(keys, keep="first")
    for row in frame.loc[repeated, keys].itertuples(index=False):
        message = N_("{territory!r}, {indicator!r}, {year} is given twice")
        problems.add("file", message, territory=row[0], indicator=row[1], year=row[2])
    problems.raise_if_any()
    return validate_long(frame)


@cache
def _sample_panel() -> pd.DataFrame:
    return read_panel(files("citystrategy.compare") / "data" / "cities_panel.csv")


def sample_panel() -> pd.DataFrame:
    """The shipped panel of the 66 cities with powiat rights, 2021–2023, as a long frame.

    Territories are TERYT gmina codes; units those of :data:`PANEL_VARIABLES`; a missing value
    is NaN with its reason in ``flag`` (:data:`MISSING_REASONS`); ``source`` names the GUS BDL
    export of each row. A fresh copy each call: change it at will.

    >>> panel = sample_panel()
    >>> (
    ...     panel.territory.nunique(),
    ...     sorted(panel.year.unique().tolist()),
    ...     int(panel.value.isna().sum()),
    ... )
    (66, [2021, 2022, 2023], 70)
    """
    return _sample_panel().copy()


#: The columns of a user's long CSV file (``flag`` and ``source`` may follow).
_LONG_CSV_COLUMNS: Final = LONG_COLUMNS


def read_long_csv(file: str | Path) -> pd.DataFrame:
    """A user's long CSV file (``territory,indicator,unit,year,value`` and optionally ``flag``
    and ``source``) as a validated long frame.

    Values are plain numbers, with a decimal point or a Polish comma (``4,6``); units are
    units of the registry (``%`` is read as ``percent``); an empty value needs its ``flag``.

    Raises:
        DataFileError: Listing every problem, each with its line, column and offending text.
        ArgumentTypeError: If *file* is not a path.
    """
    path = as_traversable(file, "file")
    problems = Problems(str(path))
    records = []
    for row in _rows(path, problems, _LONG_CSV_COLUMNS):
        line = int(row["#"])
        territory, indicator = row[TERRITORY].strip(), row[INDICATOR].strip()
        for column, cell in ((TERRITORY, territory), (INDICATOR, indicator)):
            if not cell:
                problems.add(Place(line=line, column=column), N_("empty cell"))
        unit = _unit(row[UNIT], Place(line=line, column=UNIT), problems)
        year = _year(row[YEAR], Place(line=line, column=YEAR), problems)
        flag = (row.get(FLAG) or "").strip() or None
        value: float | None
        if row[VALUE].strip():
            value = _number(row[VALUE], Place(line=line, column=VALUE), problems)
        elif flag is None:
            problems.add(Place(line=line, column=VALUE), N_("an empty value needs its reason"))
            value = None
        else:
            value = math.nan
        if not territory or not indicator or unit is None or year is None or value is None:
            continue
        source = (row.get(SOURCE) or "").strip() or None
        records.append((territory, indicator, unit, year, value, flag, source))
    return _frame(records, problems)


def _unit(raw: str, where: Place, problems: Problems) -> str | None:
    try:
        return check_unit(raw.strip())
    except CityStrategyError as error:
        problems.add(where, error.to_message())
        return None


@frozen
class PanelLink:
    """A strategy's indicator that measures what a panel variable measures.

    Attributes:
        indicator: The strategy's indicator code (``"KIE-1.1-01"``).
        variable: The panel variable (``"unemployment_rate"``).
        note: Why they are the same measure, or how they differ.
    """

    indicator: str
    variable: str
    note: str = ""


#: Kielce's indicators that the panel measures too.
KIELCE_LINKS: Final = (
    PanelLink(
        "KIE-1.1-01",
        "unemployment_rate",
        "registered unemployment rate at 31 December, powiat Kielce (GUS)",
    ),
)


def monitoring_frame(
    strategy: Strategy,
    *,
    links: Sequence[PanelLink] | None = None,
    panel: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """A city's own monitoring and the official statistics in one frame: a row per linked
    indicator and year with both values.

    Columns: ``territory``, ``indicator`` (the strategy's code), ``variable`` (the panel's),
    ``unit``, ``year``, ``own`` (the strategy's value, NaN if missing), ``official`` (the
    panel's), ``difference`` (own minus official) and ``agree`` (both known and equal, within
    1e-9).

    Args:
        strategy: The strategy, whose territory must have a TERYT code.
        links: Which indicator is which variable (default: :data:`KIELCE_LINKS` for Kielce,
            none for another city).
        panel: The long frame of official values (default: :func:`sample_panel`).

    Raises:
        ArgumentError: If a link names an unknown indicator or variable, or the units differ.
        ArgumentTypeError: If an argument is of the wrong type.

    >>> from citystrategy.cities import kielce
    >>> frame = monitoring_frame(kielce.load())
    >>> frame[["year", "own", "official", "agree"]].values.tolist()
    [[2021, nan, 5.2, False], [2022, 4.6, 4.6, True], [2023, 4.6, 4.6, True]]
    """
    from citystrategy._arguments import each
    from citystrategy.errors import ArgumentError
    from citystrategy.model import Strategy

    instance(strategy, "strategy", Strategy, "a Strategy")
    territory = strategy.territory.teryt
    if links is None:
        links = KIELCE_LINKS if territory == "2661011" else ()
    links = each(links, "links", PanelLink, "PanelLink")
    panel = sample_panel() if panel is None else validate_long(panel)
    own = strategy.observations_frame()
    units = {i.code: i.unit for i in strategy.indicators}
    rows = []
    for link in links:
        if link.indicator not in units:
            raise ArgumentError("links", link, "links of the strategy's indicators")
        official = panel[(panel[TERRITORY] == territory) & (panel[INDICATOR] == link.variable)]
        if official.empty:
            raise ArgumentError("links", link, "links of variables the panel has for the city")
        if set(official[UNIT]) != {check_unit(units[link.indicator])}:
            raise ArgumentError("links", link, "links of an indicator and a variable of one unit")
        mine = own[own[INDICATOR] == link.indicator].set_index(YEAR)[VALUE]
        theirs = official.set_index(YEAR)[VALUE]
        for year in sorted(set(mine.index) | set(theirs.index)):
            a = float(mine.get(year, math.nan))
            b = float(theirs.get(year, math.nan))
            rows.append(
                {
                    TERRITORY: territory,
                    INDICATOR: link.indicator,
                    "variable": link.variable,
                    UNIT: check_unit(units[link.indicator]),
                    YEAR: int(year),
                    "own": a,
                    "official": b,
                    "difference": a - b,
                    "agree": bool(abs(a - b) < 1e-9),
                }
            )
    columns = [TERRITORY, INDICATOR, "variable", UNIT, YEAR, "own", "official", "difference", "agree"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
