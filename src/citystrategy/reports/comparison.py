"""A comparison of a city with its peers (:func:`citystrategy.compare.compare`) as a text table,
JSON-ready data and a report of the report model.

>>> from citystrategy.compare import benchmark_group, compare, sample_panel
>>> table = compare(
...     sample_panel(),
...     focus="Kielce",
...     peers=benchmark_group(),
...     indicators=["unemployment_rate"],
...     year=2023,
... )
>>> print(format_comparison(table, spec="benchmark", locale="en_GB").splitlines()[0])
Kielce among 6 territories of the peer group (benchmark), 2023
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from citystrategy._arguments import instance, text
from citystrategy._i18n import N_, gettext, ngettext
from citystrategy.formatting import (
    DEFAULT_LOCALE,
    UNIT_LABELS,
    LocaleLike,
    format_number,
    format_percent,
    format_percentage_points,
    get_language,
)
from citystrategy.reports._json import Why, put, rounded

if TYPE_CHECKING:
    import pandas as pd

    from citystrategy.reports.document import Report

__all__ = [
    "INDICATOR_NAMES",
    "comparison_csv",
    "comparison_data",
    "comparison_report",
    "format_comparison",
    "indicator_name",
]

#: The names of the shipped panel's variables and the derived indicators, in English (the
#: catalogues translate them); any other indicator is shown by its code.
INDICATOR_NAMES: Final[Mapping[str, str]] = {
    "population": N_("population"),
    "area_km2": N_("area"),
    "unemployment_rate": N_("registered unemployment rate"),
    "avg_gross_monthly_wage_pln": N_("average gross monthly wage"),
    "avg_gross_monthly_wage_index_pl100": N_("average gross monthly wage, Poland = 100"),
    "regon_entities_per_10k_population": N_("entities in the REGON register"),
    "population_density": N_("population density"),
}

#: Labels of the units counted in a noun, as a heading names them (others: UNIT_LABELS).
_NOUN_UNITS: Final = {"inhabitant": N_("inhabitants")}


def _unit_label(unit: str, language: LocaleLike) -> str:
    """*unit* as a heading names it: the one table of unit labels, ``UNIT_LABELS``."""
    if unit in _NOUN_UNITS:
        return gettext(_NOUN_UNITS[unit], language)
    labels = UNIT_LABELS.get(unit)
    return unit if labels is None else labels[get_language(language)]


#: Decimals shown of each unit's values (others: two).
_DECIMALS: Final = {
    "percent": 1,
    "inhabitant": 0,
    "kilometer ** 2": 0,
    "PLN / month": 2,
    "1 / ten_thousand_inhabitants": 0,
    "inhabitant / kilometer ** 2": 1,
}
_DIRECTIONS: Final = {
    "higher_is_better": N_("higher is better"),
    "lower_is_better": N_("lower is better"),
}
_QUADRANTS: Final = {
    "leading": N_("leading"),
    "slipping": N_("slipping"),
    "catching_up": N_("catching up"),
    "lagging": N_("lagging"),
}


def _bound(text: str, language: LocaleLike) -> str:
    """A population bound of a spec as a number in *language* (``100000`` -> ``100 000``)."""
    try:
        return format_number(Decimal(text.strip()), decimals=0, locale=language)
    except ArithmeticError:
        return text.strip()


def _peers(spec: str, language: LocaleLike) -> str:
    """The peer group *spec* in words (``list:Kielce,Radom`` -> "wybrane terytoria: …")."""
    head, _, rest = spec.partition(":")
    if head == "population" and "-" in rest:
        low, _, high = rest.partition("-")
        shown = f"{_bound(low, language) if low.strip() else '…'}–"
        shown += _bound(high, language) if high.strip() else "…"
        return gettext("territories of {range} inhabitants", language).format(range=shown)
    if head == "population-class":
        return gettext("territories of the compared city's population class", language)
    if head == "voivodeship" and rest:
        message = gettext("cities with powiat rights, {name} voivodeship", language)
        return message.format(name=rest)
    if head == "powiat-rights":
        return gettext("cities with powiat rights", language)
    if head == "zmp":
        return gettext("members of the Association of Polish Cities (ZMP)", language)
    if head == "list" and rest:
        names = ", ".join(name.strip() for name in rest.split(",") if name.strip())
        return gettext("chosen territories: {names}", language).format(names=names)
    count, _, names = rest.partition(":")
    if head == "similar" and count.strip().isdigit() and names:
        indicators = ", ".join(
            indicator_name(name.strip(), locale=language) for name in names.split(",") if name
        )
        message = ngettext(
            "the {count} territory most similar in {indicators}",
            "the {count} territories most similar in {indicators}",
            int(count),
            language,
        )
        return message.format(count=int(count), indicators=indicators)
    return spec  # a rule without words: as given


def _title(name: str) -> str:
    """*name* as a title: its first letter a capital (``Stopa bezrobocia …``)."""
    return name[:1].upper() + name[1:]


def indicator_name(indicator: str, *, locale: LocaleLike = DEFAULT_LOCALE) -> str:
    """The name of *indicator* in *locale*, or its code if it has none.

    >>> indicator_name("unemployment_rate")
    'stopa bezrobocia rejestrowanego'

    Raises:
        ArgumentTypeError: If *indicator* is not a string.
    """
    text(indicator, "indicator")
    name = INDICATOR_NAMES.get(indicator)
    return indicator if name is None else gettext(name, get_language(locale))


def _check(table: object) -> pd.DataFrame:
    import pandas as pd

    frame = instance(table, "table", pd.DataFrame, "a DataFrame made by compare()")
    from citystrategy.compare import COMPARISON_COLUMNS

    if list(frame.columns) != list(COMPARISON_COLUMNS) or frame.empty:
        from citystrategy.errors import ArgumentError

        raise ArgumentError("table", tuple(frame.columns), "a table made by compare()")
    return frame


def _value(value: float, unit: str, language: LocaleLike) -> str:
    if math.isnan(value):
        return "–"
    decimals = _DECIMALS.get(unit, 2)
    if unit == "percent":
        return format_percent(value, decimals=decimals, locale=language)
    return format_number(value, decimals=decimals, locale=language)


def _change(value: float, unit: str, language: LocaleLike) -> str:
    if math.isnan(value):
        return "–"
    if unit == "percentage_point":
        return format_percentage_points(value, decimals=1, locale=language)
    shown = format_percent(value, decimals=2, locale=language)
    return shown if value <= 0 or shown.startswith("+") else "+" + shown


def format_comparison(
    table: pd.DataFrame,
    *,
    spec: str,
    locale: LocaleLike = DEFAULT_LOCALE,
    width: int | None = None,
) -> str:
    """The comparison as text: a title, and for each indicator a table of the group by rank
    (the focus marked with ``▶``), its missing values counted and its caveats.

    Args:
        table: A table made by :func:`citystrategy.compare.compare`.
        spec: The peer group's spec, for the title (``"population:100000-250000"``).
        locale: The language and number format.
        width: The terminal's width, to wrap within; ``None`` never to wrap.

    Raises:
        ArgumentError: If *table* is not a table made by ``compare()``.
        ArgumentTypeError: If an argument is of the wrong type.
    """
    from citystrategy.reports.text import _fill, render_table

    frame = _check(table)
    text(spec, "spec")
    language = get_language(locale)
    focus = frame[frame.focus]
    count = int(frame.territory.nunique())
    title = ngettext(
        "{focus} among {count} territory of the peer group {spec}, {year}",
        "{focus} among {count} territories of the peer group {spec}, {year}",
        count,
        language,
    ).format(
        focus=focus.name.iloc[0],
        count=count,
        spec=f"({_peers(spec, language)})",
        year=int(frame.year.iloc[0]),
    )
    blocks = [_fill(title, width)]
    for indicator, rows in frame.groupby("indicator", sort=False):
        first = rows.iloc[0]
        unit = str(first["unit"])
        label = _unit_label(unit, language)
        direction = gettext(_DIRECTIONS[str(first["direction"])], language)
        heading = gettext("{indicator} ({unit}; {direction})", language).format(
            indicator=_title(indicator_name(str(indicator), locale=language)),
            unit=label,
            direction=direction,
        )
        base = first["base_year"]
        if first["change_unit"] == "percentage_point":
            change_title = gettext("change since {year}", language)
        else:
            change_title = gettext("mean change a year since {year}", language)
        header = [
            gettext("rank", language),
            gettext("territory", language),
            gettext("value", language),
            gettext("score 0–1", language),
            gettext("percentile", language),
            change_title.format(year=int(base))
            if not _missing(base)
            else gettext("change", language),
            gettext("level and change", language),
        ]
        ordered = rows.sort_values(["rank", "territory"], na_position="last")
        body = [
            [
                "–" if _missing(r["rank"]) else str(int(r["rank"])),
                ("▶ " if r["focus"] else "  ") + str(r["name"]),
                _value(float(r["value"]), unit, locale),
                "–"
                if _missing(r["score"])
                else format_number(float(r["score"]), decimals=2, locale=locale),
                "–"
                if _missing(r["percentile"])
                else format_number(float(r["percentile"]), decimals=0, locale=locale),
                _change(float(r["change"]), str(r["change_unit"]), locale),
                "–"
                if _missing(r["quadrant"])  # no change: no quadrant (None, NaN in a frame)
                else gettext(_QUADRANTS[str(r["quadrant"])], language),
            ]
            for _, r in ordered.iterrows()
        ]
        lines = [_fill(heading, width), render_table(header, body, align="rlrrrrl", width=width)]
        missing = int(first["missing"])
        if missing:
            lines.append(
                ngettext(
                    "{count} territory without a value: not ranked",
                    "{count} territories without a value: not ranked",
                    missing,
                    language,
                ).format(count=missing)
            )
        lines += [_fill(caveat, width) for caveat in _caveats(rows, language)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _caveats(rows: pd.DataFrame, language: str) -> list[str]:
    from citystrategy.compare import CAVEATS

    codes = {code for cell in rows.caveats for code in str(cell).split(";") if code}
    return [
        gettext("Caveat: {text}", language).format(text=gettext(c.text, language))
        for c in CAVEATS
        if c.code in codes
    ]


def comparison_data(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The comparison as JSON-ready data, a record per row, typed as every command's JSON is.

    Values and computed numbers are rounded strings; a ``null`` has its reason beside it.

    Raises:
        ArgumentError: If *table* is not a table made by ``compare()``.
        ArgumentTypeError: If *table* is not a DataFrame.
    """
    frame = _check(table)
    records = []
    for _, r in frame.iterrows():
        unit = str(r["unit"])
        decimals = _DECIMALS.get(unit, 2)
        record: dict[str, Any] = {
            "territory": r["territory"],
            "name": r["name"],
            "indicator": r["indicator"],
            "unit": unit,
            "year": int(r["year"]),
            "direction": r["direction"],
            "focus": bool(r["focus"]),
        }
        put(record, "value", rounded(r["value"], decimals), Why.MISSING_IN_SOURCE)
        if record["value"] is None:
            record["flag"] = r["flag"]
        ranked = None if _missing(r["rank"]) else int(r["rank"])
        put(record, "rank", ranked, Why.NO_VALUE)
        record["ranked"] = int(r["ranked"])
        record["missing"] = int(r["missing"])
        places = _places(unit)
        put(record, "percentile", rounded(r["percentile"], places["percentile"]), Why.NO_VALUE)
        for key in ("score", "z", "median", "to_median", "best", "to_best"):
            put(record, key, rounded(r[key], places[key]), Why.NO_VALUE)
        base = None if _missing(r["base_year"]) else int(r["base_year"])
        put(record, "base_year", base, Why.NO_VALUE)
        broken = bool(str(r["caveats"]))  # a change across a break of the series: not compared
        why = Why.NOT_COMPARABLE if broken else Why.NO_VALUE
        put(record, "change", rounded(r["change"], places["change"]), why)
        record["change_unit"] = r["change_unit"]
        put(record, "quadrant", None if _missing(r["quadrant"]) else r["quadrant"], why)
        record["caveats"] = [c for c in str(r["caveats"]).split(";") if c]
        records.append(record)
    return records


def _places(unit: str) -> dict[str, int]:
    """The decimals each computed figure of a row in *unit* is given, in the JSON and the CSV."""
    decimals = _DECIMALS.get(unit, 2)
    return {
        "value": decimals,
        "base_value": decimals,
        "percentile": 1,
        "score": 4,
        "z": 4,
        "median": decimals + 1,
        "to_median": decimals + 1,
        "best": decimals,
        "to_best": decimals,
        "change": 2,
    }


def comparison_csv(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison as ``compare --format csv`` writes it: every figure an exact decimal
    rounded as :func:`comparison_data` gives it (a score to 4 decimals, a percentile to 1),
    never a float's digits (``0,6153846154``).

    Raises:
        ArgumentError: If *table* is not a table made by ``compare()``.
        ArgumentTypeError: If *table* is not a DataFrame.
    """
    import pandas as pd

    shown = _check(table).copy()
    rows = [_places(str(unit)) for unit in shown["unit"]]
    for key in rows[0] if rows else ():
        if key in shown.columns:
            values = [
                None if (text := rounded(value, places[key])) is None else Decimal(text)
                for value, places in zip(shown[key], rows, strict=True)
            ]
            shown[key] = pd.Series(values, index=shown.index, dtype=object)
    return shown


def comparison_report(
    table: pd.DataFrame, *, spec: str, locale: LocaleLike = DEFAULT_LOCALE
) -> Report:
    """The comparison as a :class:`~citystrategy.reports.document.Report`: a section per
    indicator with the group's table (focus first) and a bar chart of the values.

    Raises:
        ArgumentError: If *table* is not a table made by ``compare()``.
        ArgumentTypeError: If an argument is of the wrong type.
    """
    from citystrategy.reports.document import (
        Chart,
        Column,
        ColumnKind,
        Paragraph,
        Report,
        Section,
        Table,
        Tone,
    )

    frame = _check(table)
    text(spec, "spec")
    language = get_language(locale)
    focus = str(frame[frame.focus].name.iloc[0])
    year = int(frame.year.iloc[0])
    title = gettext("{focus} compared with its peers, {year}", language).format(
        focus=focus, year=year
    )
    sections = []
    for indicator, rows in frame.groupby("indicator", sort=False):
        first = rows.iloc[0]
        name = _title(indicator_name(str(indicator), locale=language))
        unit = str(first["unit"])
        heading = gettext("{indicator} ({unit}; {direction})", language).format(
            indicator=name,
            unit=_unit_label(unit, language),
            direction=gettext(_DIRECTIONS[str(first["direction"])], language),
        )
        shown = rows.sort_values(["rank", "territory"], na_position="last").reset_index(drop=True)
        # the compared city marked (▶, as the text marks it) and shaded, in its table and chart
        territory = Column(
            "name",
            gettext("territory", language),
            ColumnKind.STATUS,
            labels={focus: f"▶ {focus}"},
            tones={focus: Tone.GOOD},
        )
        value = Column(
            "value",
            gettext("value", language),
            ColumnKind.PERCENT if unit == "percent" else ColumnKind.NUMBER,
            decimals=_DECIMALS.get(unit, 2),
        )
        base = first["base_year"]
        points = first["change_unit"] == "percentage_point"
        if _missing(base):
            change_title = gettext("change", language)
        else:
            since = gettext("change since {year}", language)
            mean = gettext("mean change a year since {year}", language)
            change_title = (since if points else mean).format(year=int(base))
        columns = (
            Column("rank", gettext("rank", language), ColumnKind.INTEGER),
            territory,
            value,
            Column("score", gettext("score 0–1", language), ColumnKind.NUMBER, decimals=2),
            Column("percentile", gettext("percentile", language), ColumnKind.NUMBER, decimals=0),
            Column(
                "change",
                change_title,
                ColumnKind.POINTS if points else ColumnKind.PERCENT,
                decimals=1 if points else 2,
                signed=True,
            ),
            Column(
                "quadrant",
                gettext("level and change", language),
                ColumnKind.STATUS,
                labels={key: gettext(words, language) for key, words in _QUADRANTS.items()},
            ),
        )
        notes = _caveats(rows, language)
        missing = int(first["missing"])
        if missing:
            notes.insert(
                0,
                ngettext(
                    "{count} territory without a value: not ranked",
                    "{count} territories without a value: not ranked",
                    missing,
                    language,
                ).format(count=missing),
            )
        blocks = (
            Paragraph(gettext("Peer group: {spec}", language).format(spec=_peers(spec, language))),
            Table(shown, columns, title=heading, note="\n\n".join(notes)),
            Chart("bar", name, Table(shown, (territory, value)), "name", ("value",)),
        )
        sections.append(Section(name, blocks))
    return Report(
        title=title, sections=tuple(sections), locale="pl_PL" if language == "pl" else "en_GB"
    )
