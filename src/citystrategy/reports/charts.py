r"""Charts for the writers that draw them (the web page, PDF, Word, the indicator site).

:func:`render_chart` draws a report's :class:`~citystrategy.reports.document.Chart` block (a
pie, horizontal bars, columns or lines) from its table; :func:`indicator_chart` draws one
indicator's values over the years with its base value, its target (a line, or a band for a
range) and its target year. :class:`ChartImages` draws each chart once per run for every writer
that shows it.

Drawing is matplotlib's, through its object API only (a :class:`matplotlib.figure.Figure` per
chart: no pyplot, no GUI backend, nothing global left changed); matplotlib is imported on the
first drawing, not with this module. Every figure uses DejaVu Sans, which ships with
matplotlib, and SVG text is drawn as paths, so a chart looks the same on every machine. Numbers
on the axes and labels are written by :mod:`citystrategy.formatting` in the chart's locale
(``6,1%``, ``100 mln zł`` in Polish). The same input gives the same bytes: an SVG carries no
date and fixed ids, a PNG no date (:data:`PNG_DPI` dots per inch). An SVG has a ``<title>``
(the chart's title) and ``role="img"`` for screen readers.

A chart draws only what its data holds: a table without rows, or a series without a single
number, is an error rather than an empty picture; a missing value is a gap, never a zero.

>>> import pandas as pd
>>> from decimal import Decimal
>>> from citystrategy.reports.document import Chart, Column, ColumnKind, Table
>>> frame = pd.DataFrame({"goal": ["1", "2"], "cost": [Decimal("75"), Decimal("25")]})
>>> table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", ColumnKind.MONEY)))
>>> svg = render_chart(Chart("pie", "Nakłady", table, "goal", ("cost",)))
>>> svg.startswith(b"<?xml") and b"<title>Nak\xc5\x82ady</title>" in svg
True
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal
from xml.sax.saxutils import escape

import attrs

from citystrategy._arguments import each, instance, integer
from citystrategy._i18n import pgettext
from citystrategy.errors import ArgumentError, ArgumentTypeError, ChartDataError
from citystrategy.formatting import (
    format_money,
    format_money_scaled,
    format_number,
    format_percent,
    format_percentage_points,
    format_target,
    format_value,
    get_locale,
)
from citystrategy.model import Indicator, Observation, Target, TargetKind
from citystrategy.money import Money
from citystrategy.percent import Percent
from citystrategy.reports.cells import _exact, _is_missing, cell_text
from citystrategy.reports.document import Chart, ChartKind, Column, ColumnKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CHART_FORMATS",
    "PALETTE",
    "PNG_DPI",
    "ChartImages",
    "indicator_chart",
    "render_chart",
]

#: The image formats a chart is drawn in: SVG for the web page, PNG for Word.
CHART_FORMATS: Final = ("svg", "png")
#: Dots per inch of a PNG chart.
PNG_DPI: Final = 150
#: Series colours, in order; each has a contrast of at least 4.5:1 with white (WCAG AA for text),
#: so that white text on it and it as text on white both read.
PALETTE: Final = (
    "#1f4e79",  # dark blue
    "#9c4a00",  # dark orange
    "#2e6b30",  # dark green
    "#7b2c6e",  # plum
    "#4d4d4d",  # grey
    "#8b1e1e",  # dark red
    "#005f6b",  # teal
    "#6b5b00",  # olive
)
#: Hatches that tell series apart without their colour (black-and-white print, colour blindness).
_HATCHES: Final = ("", "////", "....", "xxxx", "\\\\\\\\", "oo", "++", "--")
#: Line markers that tell series apart without their colour.
_MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*")
_TEXT: Final = "#1a1a1a"  # 17.4:1 on white
_AXIS: Final = "#595959"  # 7:1 on white
_GRID: Final = "#d9d9d9"
_GOOD: Final = "#2e6b30"  # a good score: green, solid
_BAD: Final = "#a4262c"  # a bad score: red, hatched
_TARGET: Final = "#9c4a00"
_WIDTH: Final = 7.2  # inches: 518 pt, a page's text width
_FONT_SIZE: Final = 8.5  # points
_TITLE_SIZE: Final = 10.5
_LABEL_WIDTH: Final = 48  # characters a bar's label is wrapped at
_TITLE_WIDTH: Final = 80  # characters a title is wrapped at
#: matplotlib's settings for every chart, applied while it is drawn and saved.
_STYLE: Final[Mapping[str, Any]] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "text.parse_math": False,  # a "$" in a name is a dollar sign, not mathematics
    "text.usetex": False,
    "font.size": _FONT_SIZE,
    "axes.titlesize": 10,
    "figure.titlesize": _TITLE_SIZE,
    "figure.titleweight": "bold",
    "text.color": _TEXT,
    "axes.labelcolor": _TEXT,
    "axes.edgecolor": _AXIS,
    "xtick.color": _TEXT,
    "ytick.color": _TEXT,
    "xtick.labelcolor": _TEXT,
    "ytick.labelcolor": _TEXT,
    "legend.frameon": False,
    "hatch.color": "white",
    "hatch.linewidth": 1.0,
    "svg.fonttype": "path",
    "svg.hashsalt": "citystrategy",
    "svg.image_inline": True,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}

Format = Literal["svg", "png"]
#: A chart's parts for printed pages: each part's block and its PNG image.
_Pages = tuple[tuple[Chart, bytes], ...]


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(dict(_STYLE)):  # type: ignore[arg-type]
        yield


def _figure(height: float, width: float = _WIDTH) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _width(text: str, size: float = _FONT_SIZE) -> float:
    """The width of *text*'s longest line in DejaVu Sans of *size* points, in inches."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family="DejaVu Sans", size=size)
    widths = [
        text_to_path.get_text_width_height_descent(line, font, ismath=False)[0]
        for line in text.split("\n")
    ]
    return max(widths, default=0.0) / 72


def _lines_height(lines: int, size: float = _FONT_SIZE) -> float:
    """The height of *lines* lines of text of *size* points, in inches."""
    return lines * size * 1.25 / 72


def _place(
    figure: Figure, axes: Axes, left: float, right: float, top: float, bottom: float
) -> None:
    """Put *axes* in *figure* with these margins, in inches."""
    width, height = figure.get_size_inches()
    axes.set_position(
        (
            left / width,
            bottom / height,
            max(width - left - right, 0.5) / width,
            max(height - top - bottom, 0.5) / height,
        )
    )


def _format(value: object) -> Format:
    if value not in CHART_FORMATS:
        raise ArgumentError("format", value, "'svg' or 'png'")
    return "svg" if value == "svg" else "png"


def _save(figure: Figure, format: Format, title: str, description: str = "") -> bytes:
    buffer = io.BytesIO()
    if format == "png":
        figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
        return buffer.getvalue()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue().decode("utf-8")
    head = re.search(r"<svg\b[^>]*>", svg)
    if head is None:  # matplotlib always writes one
        raise RuntimeError("matplotlib wrote an SVG without an <svg> element")
    opening = head.group(0)[:-1] + ' role="img">'
    named = f"\n <title>{escape(title)}</title>" if title else ""
    if description:
        named += f"\n <desc>{escape(description)}</desc>"
    return (svg[: head.start()] + opening + named + svg[head.end() :]).encode("utf-8")


def _wrap(text: str, width: int) -> str:
    lines = [textwrap.fill(line, width, break_on_hyphens=False) for line in text.splitlines()]
    return "\n".join(lines)


def _characters(characters: int, width: float) -> int:
    """How many characters fit in a figure *width* inches wide, *characters* fitting in one
    :data:`_WIDTH` wide."""
    return max(10, round(characters * width / _WIDTH))


def _title_height(title: str, width: float = _WIDTH) -> float:
    """The height *title* takes over a chart *width* inches wide, in inches."""
    if not title:
        return 0.15
    lines = _wrap(title, _characters(_TITLE_WIDTH, width)).count("\n") + 1
    return 0.1 + _lines_height(lines, _TITLE_SIZE) + 0.15


def _title(figure: Figure, title: str) -> None:
    """Put *title* over the figure."""
    if title:
        width, height = (float(size) for size in figure.get_size_inches())
        wrapped = _wrap(title, _characters(_TITLE_WIDTH, width))
        figure.suptitle(wrapped, y=1 - 0.1 / height, va="top")


def _finish(
    figure: Figure, axes: Axes, title: str, plot_height: float, legend_columns: int = 0
) -> None:
    """Size *figure* around *axes* (a plot *plot_height* inches high) and its labels, add the
    title and, with *legend_columns*, the legend of its series below."""
    y_labels = [label.get_text() for label in axes.get_yticklabels()]
    x_labels = [label.get_text() for label in axes.get_xticklabels()]
    left = max([_width(text) for text in y_labels], default=0.0) * 1.02 + 0.22
    if axes.get_ylabel():
        left += _lines_height(1) + 0.1
    x_lines = max([text.count("\n") + 1 for text in x_labels], default=1)
    bottom = _lines_height(x_lines) + 0.2
    if axes.get_xlabel():
        bottom += _lines_height(1) + 0.1
    legend_rows = 0
    if legend_columns:
        handles, texts = axes.get_legend_handles_labels()
        legend_rows = sum(
            max(t.count("\n") + 1 for t in texts[row : row + legend_columns])
            for row in range(0, len(texts), legend_columns)
        )
        bottom += _lines_height(legend_rows) + 0.12 * (len(texts) // legend_columns + 1)
    right = max(0.25, _width(x_labels[-1]) / 2 + 0.1) if x_labels else 0.25
    width = float(figure.get_size_inches()[0])
    top = _title_height(title, width)
    height = top + plot_height + bottom
    figure.set_size_inches(width, height)
    _place(figure, axes, left=left, right=right, top=top, bottom=bottom)
    _title(figure, title)
    if legend_columns:
        legend = figure.legend(
            handles,
            texts,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.04 / height),
            ncols=legend_columns,
        )
        legend.set_gid("legend")


# --- numbers ---------------------------------------------------------------------------------


def _number(value: object, argument: str) -> float | None:
    """*value* as a float, ``None`` when missing."""
    if _is_missing(value):
        return None
    if isinstance(value, Money):
        value = value.amount
    if isinstance(value, Percent):
        value = value.value
    try:
        return float(_exact(value, argument))
    except ArgumentTypeError:
        raise ArgumentTypeError(argument, value, "a number (or a missing value)") from None


def _exact_amount(value: object) -> Decimal:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Percent):
        return value.value
    return _exact(value)


def _decimals(values: Sequence[float]) -> int:
    """The fewest decimal places that write every one of *values* exactly (at most 6)."""
    for places in range(7):
        if all(abs(round(v, places) - v) <= 1e-9 * max(1.0, abs(v)) for v in values):
            return places
    return 6


def _decimal(value: float, places: int) -> Decimal:
    return Decimal(repr(round(value, places) + 0.0))


#: Money above these amounts is written on an axis in billions, millions or thousands.
_MONEY_SCALES: Final = ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"), (Decimal(10) ** 4, "k"))


def _money_ticks(ticks: Sequence[float], currency: str, locale: str) -> list[str]:
    top = Decimal(repr(max(abs(t) for t in ticks)))
    for floor, scale in _MONEY_SCALES:
        if top >= floor:
            factor = Decimal(1000) ** (1 + [s for _, s in _MONEY_SCALES[::-1]].index(scale))
            places = _decimals([t / float(factor) for t in ticks])
            word = pgettext("money scale", scale, locale)
            return [
                format_money_scaled(
                    Money(_decimal(t / float(factor), places) * factor, currency),
                    decimals=places,
                    scale=word,
                    trim_zeros=False,
                    locale=locale,
                )
                for t in ticks
            ]
    places = _decimals(ticks)
    return [
        format_money(Money(_decimal(t, places), currency), decimals=places, locale=locale)
        for t in ticks
    ]


def _tick_texts(ticks: Sequence[float], column: Column | None, locale: str) -> list[str]:
    """The labels of an axis' *ticks*, written as the values of *column* are."""
    if not ticks:
        return []
    kind = ColumnKind.NUMBER if column is None else column.kind
    if kind is ColumnKind.MONEY:
        assert column is not None
        return _money_ticks(ticks, column.currency, locale)
    places = _decimals(ticks)
    numbers = [_decimal(t, places) for t in ticks]
    if kind in (ColumnKind.PERCENT, ColumnKind.PROGRESS):
        return [format_percent(n, decimals=places, locale=locale) for n in numbers]
    if kind is ColumnKind.POINTS:
        return [format_percentage_points(n, decimals=places, locale=locale) for n in numbers]
    return [format_number(n, decimals=places, locale=locale) for n in numbers]


def _value_ticks(axes: Axes, axis: Literal["x", "y"], column: Column | None, locale: str) -> None:
    """Write the value axis' ticks in *locale*, as *column*'s values are written."""
    low, high = axes.get_xlim() if axis == "x" else axes.get_ylim()
    low, high = min(low, high), max(low, high)
    found = axes.get_xticks() if axis == "x" else axes.get_yticks()
    ticks = [float(t) for t in found if low - 1e-9 <= t <= high + 1e-9]
    labels = _tick_texts(ticks, column, locale)
    if axis == "x":
        axes.set_xticks(ticks, labels)
    else:
        axes.set_yticks(ticks, labels)


# --- report charts ---------------------------------------------------------------------------


def _columns(chart: Chart) -> dict[str, Column]:
    return {column.key: column for column in chart.table.columns}


def _records(chart: Chart) -> list[dict[str, Any]]:
    frame = chart.table.frame
    records = [{str(k): v for k, v in record.items()} for record in frame.to_dict("records")]
    if not records:
        raise ChartDataError(chart.title, "no_rows")
    return records


def _series(
    chart: Chart, records: list[dict[str, Any]], part: bool = False
) -> dict[str, list[float | None]]:
    """Each series' values as floats (``None`` missing); a series without a number is an error,
    unless the chart is a *part* of one whose other parts have numbers."""
    series: dict[str, list[float | None]] = {}
    for key in chart.series:
        values = [_number(record[key], f"{chart.title!r}: {key}") for record in records]
        if not part and all(value is None for value in values):
            raise ChartDataError(chart.title, "no_numbers", key)
        series[key] = values
    return series


def _labels(chart: Chart, records: list[dict[str, Any]], locale: str) -> list[str]:
    """The category's text of each row; a bar's label adds the table's other text columns."""
    columns = _columns(chart)
    category = columns[chart.category]
    extra: list[Column] = []
    if chart.kind is ChartKind.BAR:
        used = {chart.category, *chart.series}
        used |= {c.reason_key for c in chart.table.columns} | {c.unit_key for c in columns.values()}
        extra = [c for c in chart.table.columns if c.kind is ColumnKind.TEXT and c.key not in used]
    labels = []
    for record in records:
        parts = [cell_text(record[category.key], category, record, locale=locale)]
        parts += [cell_text(record[c.key], c, record, locale=locale) for c in extra]
        labels.append(" ".join(part for part in parts if part))
    return labels


def _shares(chart: Chart, records: list[dict[str, Any]], labels: list[str]) -> list[Decimal]:
    """Each slice's share of the whole, in percent, from the exact values."""
    key = chart.series[0]
    amounts = []
    for record, label in zip(records, labels, strict=True):
        value = record[key]
        if _is_missing(value):
            raise ChartDataError(chart.title, "missing", label)
        amount = _exact_amount(value)
        if amount < 0:
            raise ChartDataError(chart.title, "negative", label)
        amounts.append(amount)
    total = sum(amounts, Decimal(0))
    if total == 0:
        raise ChartDataError(chart.title, "zero_total", key)
    return [amount / total * 100 for amount in amounts]


#: The radius (the pie's being 1) a share's label is put at inside its wedge, in order tried.
_INSIDE: Final = (0.65, 0.55, 0.75)
#: Where a share's label goes outside the pie: its distance from the centre, sideways.
_OUTSIDE: Final = 1.12
_SHARE_SIZE: Final = 9.0  # points, bold


def _share_box(text: str) -> tuple[float, float]:
    """The width and height of a share's label, in inches (bold is about a tenth wider)."""
    return _width(text, _SHARE_SIZE) * 1.12 + 0.04, _lines_height(1, _SHARE_SIZE)


def _inside(theta1: float, theta2: float, radius: float, box: tuple[float, float]) -> bool:
    """Whether a label *box* (in the pie's units) centred at *radius* on the wedge's middle fits
    in the wedge from *theta1* to *theta2* (degrees), every corner clear of its edges."""
    middle = math.radians((theta1 + theta2) / 2)
    x, y = radius * math.cos(middle), radius * math.sin(middle)
    width, height = box
    for dx in (-width / 2, width / 2):
        for dy in (-height / 2, height / 2):
            cx, cy = x + dx, y + dy
            if math.hypot(cx, cy) > 0.96:
                return False
            angle = math.degrees(math.atan2(cy, cx))
            if (angle - theta1 - 2) % 360 > theta2 - theta1 - 4:
                return False
    return True


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Heights as near to *wanted* (top first) as lets each be *gap* below the one above."""
    placed: list[float] = []
    for y in wanted:
        placed.append(min(y, placed[-1] - gap) if placed else y)
    overshoot = min(0.0, placed[-1] + 1.1) if placed else 0.0  # kept beside the pie
    return [y - overshoot for y in placed]


def _pie(chart: Chart, locale: str, title: str, width: float) -> Figure:
    """A pie, each share's label in its wedge where it fits and beside the pie (with a leader
    line) where it does not, never two labels over each other; the legend on its right."""
    from matplotlib.patches import Patch

    records = _records(chart)
    _series(chart, records)  # a number at least
    labels = _labels(chart, records, locale)
    shares = _shares(chart, records, labels)
    column = _columns(chart)[chart.series[0]]
    entries = []
    for i, record in enumerate(records):
        amount = cell_text(record[column.key], column, record, locale=locale)
        share = format_percent(shares[i], decimals=1, locale=locale)
        entries.append(f"{_wrap(labels[i], 40)}\n{amount} ({share})")
    lines = sum(entry.count("\n") + 1 for entry in entries)
    width = min(width, _WIDTH)  # a pie and its legend fill no wider page: no empty band beside
    spacing = 0.9 * _FONT_SIZE / 72
    legend_height = _lines_height(lines) + spacing * len(entries)
    size = 2.9  # the pie's square, in inches
    body = max(size, legend_height) + 0.3
    top = _title_height(title, width)
    figure = _figure(top + body, width)
    _title(figure, title)
    axes = figure.add_subplot()
    below = (body - size) / 2
    _place(figure, axes, left=0.3, right=width - 0.3 - size, top=top + below, bottom=below)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(records))]
    drawn = [i for i, share in enumerate(shares) if share > 0]
    texts = {i: format_percent(shares[i], decimals=1, locale=locale) for i in drawn}
    boxes = {i: _share_box(texts[i]) for i in drawn}
    wedges, _ = axes.pie(
        [float(shares[i]) for i in drawn],
        colors=[colours[i] for i in drawn],
        startangle=90,
        counterclock=False,
        wedgeprops={"edgecolor": "white", "linewidth": 1.2},
    )
    # The axes' half-width, in the pie's units: room beside the pie for the widest outer label.
    limit = 1.3
    for _ in range(2):  # the units depend on the limit, the labels inside on the units
        unit = 2 * limit / size  # the pie's units per inch
        inner: dict[int, float] = {}
        for wedge, i in zip(wedges, drawn, strict=True):
            box = (boxes[i][0] * unit, boxes[i][1] * unit)
            fits = [r for r in _INSIDE if _inside(wedge.theta1, wedge.theta2, r, box)]
            if fits:
                inner[i] = fits[0]
        outer = [i for i in drawn if i not in inner]
        widest = max((boxes[i][0] for i in outer), default=0.0)
        wanted = max(1.3, (_OUTSIDE + 0.05) / (1 - 2 * widest / size)) if outer else 1.3
        if math.isclose(wanted, limit):
            break
        limit = wanted
    sides: dict[bool, list[tuple[float, int]]] = {True: [], False: []}
    for wedge, i in zip(wedges, drawn, strict=True):
        wedge.set_gid(f"wedge-{i + 1}")
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        if i in inner:
            radius = inner[i]
            text = axes.text(
                radius * math.cos(angle),
                radius * math.sin(angle),
                texts[i],
                ha="center",
                va="center",
                color="white",
                fontweight="bold",
                fontsize=_SHARE_SIZE,
            )
            text.set_gid(f"share-{i + 1}")
        else:
            sides[math.cos(angle) >= 0].append((angle, i))
    gap = 1.2 * _lines_height(1, _SHARE_SIZE) * 2 * limit / size
    for right, placed in sides.items():
        placed.sort(key=lambda item: -math.sin(item[0]))  # top first
        heights = _spread([1.05 * math.sin(angle) for angle, _ in placed], gap)
        for (angle, i), y in zip(placed, heights, strict=True):
            text = axes.annotate(
                texts[i],
                (math.cos(angle), math.sin(angle)),
                xytext=(_OUTSIDE if right else -_OUTSIDE, y),
                ha="left" if right else "right",
                va="center",
                color=_TEXT,
                fontweight="bold",
                fontsize=_SHARE_SIZE,
                arrowprops={"arrowstyle": "-", "color": _AXIS, "linewidth": 0.8, "shrinkA": 2},
            )
            text.set_gid(f"share-{i + 1}")
    axes.set_xlim(-limit, limit)
    axes.set_ylim(-limit, limit)
    axes.set_aspect("equal")
    handles = [
        Patch(facecolor=colour, edgecolor="white", label=entry)
        for colour, entry in zip(colours, entries, strict=True)
    ]
    legend = axes.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(1.02, 0.5),
        labelspacing=0.9,
        handlelength=1.2,
        borderaxespad=0,
    )
    legend.set_gid("legend")
    return figure


def _bar_colour(value: float, column: Column, index: int) -> tuple[str, str]:
    """A bar's colour and hatch: a score by its sign (bad ones hatched), else by series."""
    if column.kind is ColumnKind.SCORE:
        if value > 0:
            return _GOOD, ""
        if value < 0:
            return _BAD, "////"
        return _AXIS, ""
    return PALETTE[index % len(PALETTE)], _HATCHES[index % len(_HATCHES)] if index else ""


def _value_limits(column: Column, values: Sequence[float]) -> tuple[float, float]:
    """The value axis of bars of *values*: scores on a fixed −5…+5 (with room for the labels),
    other values from 0 or their least to their greatest, a margin on the side of the labels."""
    if column.kind is ColumnKind.SCORE:
        return -6.6, 6.6
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    return low - 0.18 * span if low < 0 else 0.0, high + 0.18 * span if high > 0 else 0.0


def _rows(lines: Sequence[int], count: int) -> tuple[list[float], float]:
    """Where each row of horizontal bars is (its middle) and how thick a bar is, in inches down
    from the top: each row as high as its label of so many *lines* (never less than its *count*
    bars need), so that no label runs into the next one; the rows' height."""
    heights = [max(_lines_height(n) + 0.1, 0.16 + 0.12 * count) for n in lines]
    middles = [sum(heights[:i]) + height / 2 for i, height in enumerate(heights)]
    thickness = min(0.75 * min(heights), 0.05 + 0.2 * count) / count
    return [*middles, sum(heights)], thickness


def _bars(
    chart: Chart,
    locale: str,
    title: str,
    width: float,
    limits: tuple[float, float] | None = None,
) -> Figure:
    """Horizontal bars (BAR) or columns (COLUMN), a group per category, a bar per series.

    Horizontal bars' rows are as high as their wrapped labels; a bar's data unit is an inch.
    The value axis runs over *limits*, or over what the values need when ``None``.
    """
    horizontal = chart.kind is ChartKind.BAR
    records = _records(chart)
    series = _series(chart, records, part=limits is not None)
    columns = _columns(chart)
    labels = _labels(chart, records, locale)
    first = columns[chart.series[0]]
    count = len(series)
    if horizontal:
        wrap = _characters(_LABEL_WIDTH, width)
    else:
        wrap = max(10, _characters(90, width) // max(len(records), 1))
    wrapped = [_wrap(label, wrap) for label in labels]
    lines = [label.count("\n") + 1 for label in wrapped]
    if horizontal:  # a row as high as its label, or as the reason its value is missing
        for i, record in enumerate(records):
            for key, values in series.items():
                if values[i] is None:
                    reason = cell_text(record[key], columns[key], record, locale=locale)
                    lines[i] = max(lines[i], _wrap(reason, 40).count("\n") + 1)
        (*positions, plot_height), thickness = _rows(lines, count)
    else:
        positions = [float(i) for i in range(len(records))]
        plot_height = 2.8
        thickness = 0.8 / count
    figure = _figure(plot_height + 1, width)
    axes = figure.add_subplot()
    present: list[float] = []
    for s, (key, values) in enumerate(series.items()):
        column = columns[key]
        for i, value in enumerate(values):
            position = positions[i] + (s - (count - 1) / 2) * thickness
            record = records[i]
            text = cell_text(record[key], column, record, locale=locale)
            if value is None:  # a gap, with the reason the table gives
                note = axes.text(
                    0, position, " " + _wrap(text, 40), va="center", ha="left", fontstyle="italic"
                )
                if not horizontal:
                    note.set(x=position, y=0, rotation=90, va="bottom", ha="center")
                note.set_gid(f"missing-{s + 1}-{i + 1}")
                continue
            present.append(value)
            colour, hatch = _bar_colour(value, column, s)
            draw = axes.barh if horizontal else axes.bar
            (bar,) = draw(
                [position],
                [value],
                thickness * 0.9,
                color=colour,
                hatch=hatch or None,
                edgecolor="white",
                linewidth=0,
                label=column.title if i == 0 else None,
            )
            bar.set_gid(f"bar-{s + 1}-{i + 1}")
            padded = f" {text} " if horizontal else text
            if horizontal:
                side = "left" if value >= 0 else "right"
                label = axes.text(value, position, padded, ha=side, va="center")
            else:
                label = axes.text(
                    position, value, padded, ha="center", va="bottom" if value >= 0 else "top"
                )
            label.set_gid(f"value-{s + 1}-{i + 1}")
    value_axis: Literal["x", "y"] = "x" if horizontal else "y"
    limits = limits or _value_limits(first, present)
    ticks = [float(t) for t in range(-5, 6)] if first.kind is ColumnKind.SCORE else []
    if horizontal:
        axes.set_yticks(positions, wrapped)
        axes.set_ylim(plot_height, 0)  # the first row on top
        axes.set_xlim(*limits)
        axes.axvline(0, color=_AXIS, linewidth=0.8)
        axes.grid(axis="x", color=_GRID, linewidth=0.6)
    else:
        axes.set_xticks(positions, wrapped)
        axes.set_xlim(-0.5, len(records) - 0.5)
        axes.set_ylim(*limits)
        axes.axhline(0, color=_AXIS, linewidth=0.8)
        axes.grid(axis="y", color=_GRID, linewidth=0.6)
    if ticks:
        (axes.set_xticks if horizontal else axes.set_yticks)(ticks)
    axes.set_axisbelow(True)
    _value_ticks(axes, value_axis, first, locale)
    if chart.axis_title:
        (axes.set_xlabel if horizontal else axes.set_ylabel)(chart.axis_title)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    _finish(figure, axes, title, plot_height, min(count, 3) if count > 1 else 0)
    return figure


def _lines(chart: Chart, locale: str, title: str, width: float) -> Figure:
    records = _records(chart)
    series = _series(chart, records)
    columns = _columns(chart)
    category = columns[chart.category]
    labels = _labels(chart, records, locale)
    numeric = category.kind in (ColumnKind.YEAR, ColumnKind.INTEGER)
    if numeric:
        xs = [float(_exact(record[chart.category])) for record in records]
    else:
        xs = [float(i) for i in range(len(records))]
    figure = _figure(4, width)
    axes = figure.add_subplot()
    for s, (key, values) in enumerate(series.items()):
        column = columns[key]
        ys = [math.nan if v is None else v for v in values]
        (line,) = axes.plot(
            xs,
            ys,
            color=PALETTE[s % len(PALETTE)],
            marker=_MARKERS[s % len(_MARKERS)],
            linestyle=("-", "--", "-.", ":")[s % 4],
            linewidth=1.8,
            markersize=5,
            label=column.title,
        )
        line.set_gid(f"series-{s + 1}")
    axes.set_xticks(xs, [_wrap(label, 12) for label in labels])
    axes.grid(axis="y", color=_GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    _value_ticks(axes, "y", columns[chart.series[0]], locale)
    if chart.axis_title:
        axes.set_ylabel(chart.axis_title)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    count = len(series)
    _finish(figure, axes, title, 2.8, min(count, 3) if count > 1 else 0)
    return figure


def _description(chart: Chart, locale: str) -> str:
    """What the chart shows, in words and figures, for a reader who cannot see it."""
    records = _records(chart)
    labels = _labels(chart, records, locale)
    columns = _columns(chart)
    shares = _shares(chart, records, labels) if chart.kind is ChartKind.PIE else None
    parts = []
    for i, (record, label) in enumerate(zip(records, labels, strict=True)):
        values = []
        for key in chart.series:
            text = cell_text(record[key], columns[key], record, locale=locale)
            values.append(text if len(chart.series) == 1 else f"{columns[key].title} {text}")
        if shares is not None:
            values[0] += f" ({format_percent(shares[i], decimals=1, locale=locale)})"
        parts.append(f"{label}: {', '.join(values)}")
    return "; ".join(parts)


def _draw(
    chart: Chart,
    locale: str,
    *,
    width: float = _WIDTH,
    titled: bool = True,
    limits: tuple[float, float] | None = None,
) -> Figure:
    """The chart's figure, *width* inches wide, with its title over it or not (bars on the value
    axis *limits*, where given); drawn inside :func:`_style`."""
    title = chart.title if titled else ""
    if chart.kind is ChartKind.PIE:
        return _pie(chart, locale, title, width)
    if chart.kind is ChartKind.LINE:
        return _lines(chart, locale, title, width)
    return _bars(chart, locale, title, width, limits)


#: The narrowest and the widest a chart may be drawn, in inches.
_WIDTHS: Final = (4.0, 12.0)


def _chart_width(width: object) -> float:
    if width is None:
        return _WIDTH
    if isinstance(width, bool) or not isinstance(width, int | float | Decimal):
        raise ArgumentTypeError("width", width, "a width in inches (a number) or None")
    low, high = _WIDTHS
    if not low <= float(width) <= high:
        raise ArgumentError("width", width, f"a width from {low:g} to {high:g} inches")
    return float(width)


def render_chart(
    chart: Chart,
    *,
    locale: str = "pl_PL",
    format: Format = "svg",
    width: float | None = None,
    titled: bool = True,
) -> bytes:
    r"""Draw a report's chart block: an SVG or a PNG image of its table.

    A pie shows each slice's share of the whole (``6,1%``) in its wedge where it fits, else
    beside the pie with a leader line (no two labels over each other), and a legend gives
    each category with its value and share (a category of value 0 is in the legend only). Bars
    (:attr:`~citystrategy.reports.document.ChartKind.BAR`, horizontal, the first row on top) and
    columns are grouped by category, one bar per series, each labelled with its value as the
    table writes it; a bar's label is the category followed by the table's other text columns
    (an indicator's code and name), wrapped, never cut, and each row is as high as its label
    (or the reason its value is missing), so that no two labels meet. Scores (``ColumnKind.SCORE``) run on a
    fixed −5…+5 axis, good ones green and bad ones red and hatched, so that they differ
    without colour too; a missing value is no bar but the reason the table gives for it. Lines
    join each series' values over the categories, with a gap where a value is missing. Axis
    numbers are written as the series' column writes its values (money in ``mln zł``, percent
    with ``%``) in *locale*.

    Args:
        chart: The chart block (:class:`~citystrategy.reports.document.Chart`).
        locale: The language and number format of its labels (its words come with the chart).
        format: ``"svg"`` (text drawn as paths; ``<title>``, ``role="img"``) or ``"png"``
            (:data:`PNG_DPI` dots per inch).
        width: The picture's width in inches (4 to 12), the page's text width where it is
            shown, so that labels wrap to it; ``None``: 7,2 inches (a pie and its legend are
            never wider). The height follows from the chart (a row of bars as high as its
            label).
        titled: Draw the title over the chart; ``False`` for a writer that puts it in a caption
            (an SVG keeps it in its ``<title>`` for screen readers all the same).

    Returns:
        The image, the same bytes for the same chart.

    Raises:
        ArgumentTypeError: If *chart* is not a Chart, or a series holds something other than
            numbers (text in a value column).
        ChartDataError: If the chart's table has no rows, a series has no number at all, or a
            pie has a missing or negative value or a zero total (a ``ValueError`` too).
        ArgumentError: If *locale* or *format* is unknown, or *width* out of its range.
    """
    instance(chart, "chart", Chart, "a Chart")
    get_locale(locale)
    kind = _format(format)
    inches = _chart_width(width)
    instance(titled, "titled", bool, "True or False")
    return _render(chart, locale, kind, inches, titled)


def _render(
    chart: Chart,
    locale: str,
    format: Format,
    width: float,
    titled: bool,
    limits: tuple[float, float] | None = None,
) -> bytes:
    """:func:`render_chart` of checked arguments; bars on the value axis *limits* where given."""
    with _style():
        figure = _draw(chart, locale, width=width, titled=titled, limits=limits)
        return _save(figure, format, chart.title, _description(chart, locale))


def _png_height(png: bytes) -> float:
    """The height of a PNG image drawn here, in inches (its IHDR chunk's, at :data:`PNG_DPI`)."""
    return int.from_bytes(png[20:24], "big") / PNG_DPI


def _split(chart: Chart, parts: int, locale: str) -> list[Chart]:
    """*chart* as *parts* charts of consecutive rows, as many in each as may be, titled
    ``…, część 1 z 3``."""
    frame = chart.table.frame
    size, extra = divmod(len(frame), parts)
    title = pgettext("chart", "{title}, part {part} of {parts}", locale)
    charts, start = [], 0
    for part in range(parts):
        end = start + size + (part < extra)
        table = attrs.evolve(chart.table, frame=frame.iloc[start:end].reset_index(drop=True))
        words = title.format(title=chart.title, part=part + 1, parts=parts)
        charts.append(attrs.evolve(chart, title=words, table=table))
        start = end
    return charts


# --- indicator charts ------------------------------------------------------------------------


def _unit_title(unit: str, locale: str) -> str:
    """The unit's label as it follows a number (``osób``, ``µg/m³``, ``zł``); ``""``: none."""
    return format_value(Decimal(5), unit, decimals=0, locale=locale).replace("5", "", 1).strip()


def _observed(
    indicator: Indicator, observations: tuple[Observation, ...], territory: str | None
) -> dict[int, Observation]:
    mine = [o for o in observations if o.indicator == indicator.code]
    territories = sorted({o.territory for o in mine})
    if territory is None and len(territories) > 1:
        expected = f"one of the territories observed, {', '.join(map(repr, territories))}"
        raise ArgumentError("territory", territory, expected)
    if territory is not None:
        mine = [o for o in mine if o.territory == territory]
    by_year: dict[int, Observation] = {}
    for observation in mine:
        if observation.year in by_year:
            expected = f"one observation of {indicator.code!r} a year"
            raise ArgumentError("observations", observation.year, expected)
        by_year[observation.year] = observation
    if not any(o.value is not None for o in by_year.values()):
        raise ChartDataError(indicator.code, "no_values", territory or "")
    return dict(sorted(by_year.items()))


def _target_label(target: Target, unit: str, locale: str) -> str:
    shown = format_target(target, unit, locale=locale)
    if target.limit:
        return pgettext("chart", "limit: {target}", locale).format(target=shown)
    return pgettext("chart", "target ({year}): {target}", locale).format(
        year=target.year, target=shown
    )


def _draw_target(axes: Axes, target: Target, unit: str, locale: str) -> list[float]:
    """Draw *target* as a line (a bound, an exact value) or a band (a range); its values."""
    label = _target_label(target, unit, locale)
    if target.kind is TargetKind.WITHIN_RANGE:
        assert target.low is not None
        assert target.high is not None
        low, high = float(target.low), float(target.high)
        band = axes.axhspan(
            low, high, facecolor=_TARGET, alpha=0.16, edgecolor=_TARGET, hatch="..", label=label
        )
        band.set_gid("target")
        return [low, high]
    assert target.value is not None
    value = float(target.value)
    line = axes.axhline(
        value,
        color=_TARGET,
        linestyle="-" if target.limit else "--",
        linewidth=1.6,
        label=label,
    )
    line.set_gid("target")
    if target.kind is TargetKind.EXACTLY and target.tolerance > 0:
        tolerance = float(target.tolerance)
        band = axes.axhspan(
            value - tolerance, value + tolerance, facecolor=_TARGET, alpha=0.12, linewidth=0
        )
        band.set_gid("target-tolerance")
        return [value - tolerance, value + tolerance]
    return [value]


def _value_text(value: Decimal, unit: str, locale: str) -> str:
    if unit == "percent":
        return format_percent(value, decimals=None, locale=locale)
    return format_number(value, decimals=None, locale=locale)


def indicator_chart(
    indicator: Indicator,
    observations: Sequence[Observation],
    *,
    territory: str | None = None,
    locale: str = "pl_PL",
    format: Format = "svg",
    title: str | None = None,
    base_year: int | None = None,
) -> bytes:
    r"""Draw one indicator's values over the years, with its base value, target and target year.

    The values are a line with a point (and its value) each year; a year without a value is a
    gap in the line, marked with a cross on the axis, never a zero. The base value (the value of
    *base_year*, or of the first later year with one; by default the first value) is ringed and
    named in the legend. The target is a dashed line (a bound or an exact value, with its
    tolerance shaded), a solid line for a limit to stay within, or a shaded band for a range,
    labelled as :func:`~citystrategy.formatting.format_target` writes it; the target year is a
    dotted vertical line, and the years run to it.

    Args:
        indicator: The indicator (:class:`~citystrategy.model.Indicator`).
        observations: Its observations; those of other indicators are left out, so a
            strategy's whole :attr:`~citystrategy.model.Strategy.observations` may be given.
        territory: The territory whose values are drawn; ``None``: the only one observed.
        locale: The language and number format of the labels.
        format: ``"svg"`` or ``"png"``, as in :func:`render_chart`.
        title: The title; by default the indicator's code and name.
        base_year: The base year; by default the first year with a value.

    Returns:
        The image, the same bytes for the same input.

    Raises:
        ArgumentTypeError: If *indicator* is not an Indicator, *observations* not a collection of
            Observation, or *territory*, *title* or *base_year* of the wrong type.
        ChartDataError: If no observation of the indicator (in *territory*) has a value (a
            ``ValueError`` too).
        ArgumentError: If the observations are of several territories and none is chosen, a
            year is observed twice, *base_year* has no value in or after it, or *locale* or
            *format* is unknown.
    """
    instance(indicator, "indicator", Indicator, "an Indicator")
    given = each(observations, "observations", Observation, "Observation objects")
    if territory is not None:
        instance(territory, "territory", str, "a territory's id (a string) or None")
    if title is not None:
        instance(title, "title", str, "a string or None")
    if base_year is not None:
        integer(base_year, "base_year")
    get_locale(locale)
    kind = _format(format)
    by_year = _observed(indicator, given, territory)
    valued = {year: o.value for year, o in by_year.items() if o.value is not None}
    base = next((y for y in valued if base_year is None or y >= base_year), None)
    if base is None:
        raise ArgumentError("base_year", base_year, "a year with a value in or after it")
    target = indicator.target
    first = min(by_year)
    last = max([*by_year, *(() if target is None else (target.year,))])
    years = list(range(first, last + 1))
    unit = indicator.unit
    heading = f"{indicator.code} {indicator.name}" if title is None else title
    with _style():
        figure = _figure(4.0)
        axes = figure.add_subplot()
        values = [float(valued[y]) if y in valued else math.nan for y in years]
        (line,) = axes.plot(
            years,
            values,
            color=PALETTE[0],
            marker="o",
            markersize=5,
            linewidth=2,
            label=pgettext("chart", "values", locale),
        )
        line.set_gid("values")
        for year, value in valued.items():
            text = axes.annotate(
                _value_text(value, unit, locale),
                (year, float(value)),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
            )
            text.set_gid(f"value-{year}")
        (ring,) = axes.plot(
            [base],
            [float(valued[base])],
            linestyle="none",
            marker="o",
            markersize=11,
            markerfacecolor="none",
            markeredgecolor=_TEXT,
            markeredgewidth=1.4,
            label=pgettext("chart", "base value ({year}): {value}", locale).format(
                year=base, value=format_value(valued[base], unit, locale=locale)
            ),
        )
        ring.set_gid("base")
        gaps = [y for y in years if y not in valued and y <= max(by_year)]
        if gaps:
            (crosses,) = axes.plot(
                gaps,
                [0.0] * len(gaps),
                transform=axes.get_xaxis_transform(),
                linestyle="none",
                marker="x",
                markersize=7,
                markeredgewidth=1.6,
                color=_BAD,
                clip_on=False,
                label=pgettext("chart", "no value", locale),
            )
            crosses.set_gid("missing")
        drawn = [float(v) for v in valued.values()]
        if target is not None:
            drawn += _draw_target(axes, target, unit, locale)
            year_line = axes.axvline(
                target.year,
                color=_TARGET,
                linestyle=":",
                linewidth=1.2,
                label=pgettext("chart", "target year: {year}", locale).format(year=target.year),
            )
            year_line.set_gid("target-year")
        low, high = min(drawn), max(drawn)
        span = (high - low) or max(abs(high), 1.0)
        bottom = low - 0.15 * span
        if low >= 0 and bottom < 0:
            bottom = 0.0
        axes.set_ylim(bottom, high + 0.2 * span)
        axes.set_xlim(first - 0.5, last + 0.5)
        step = 1 if len(years) <= 12 else 2
        shown = years[::step]
        axes.set_xticks(shown, [str(y) for y in shown])
        column = Column(
            "value", kind=ColumnKind.PERCENT if unit == "percent" else ColumnKind.NUMBER
        )
        _value_ticks(axes, "y", column, locale)
        unit_title = "" if unit == "percent" else _unit_title(unit, locale)
        if unit_title:
            axes.set_ylabel(unit_title)
        axes.grid(axis="y", color=_GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        _finish(figure, axes, heading, 2.6, 2)
        no_value = pgettext("chart", "no value", locale)
        seen = [
            f"{year}: {no_value if year not in valued else format_value(valued[year], unit, locale=locale)}"
            for year in years
            if year <= max(by_year)
        ]
        # after the values: base, target, year; the crosses' "no value" is said by year above
        legend = [label for label in axes.get_legend_handles_labels()[1][1:] if label != no_value]
        return _save(figure, kind, heading, "; ".join([*seen, *legend]))


# --- once per run ----------------------------------------------------------------------------


class ChartImages:
    """The images of a run's charts, each drawn once and shared by every writer that shows it.

    A chart is known by its identity (the same block object), and held, so that its id is never
    reused while it is here.

    >>> images = ChartImages("pl_PL")
    >>> images.locale
    'pl_PL'

    Attributes:
        locale: The language and number format every chart is drawn in.
    """

    def __init__(self, locale: str = "pl_PL") -> None:
        get_locale(locale)
        self.locale = locale
        self._images: dict[tuple[int, Format, float | None, bool], tuple[Chart, bytes]] = {}
        self._pages: dict[tuple[int, float | None, bool, float], tuple[Chart, _Pages]] = {}

    def _image(
        self, chart: Chart, format: Format, width: float | None = None, titled: bool = True
    ) -> bytes:
        instance(chart, "chart", Chart, "a Chart")
        key = (id(chart), format, width, titled)
        known = self._images.get(key)
        if known is not None and known[0] is chart:
            return known[1]
        image = render_chart(chart, locale=self.locale, format=format, width=width, titled=titled)
        self._images[key] = (chart, image)
        return image

    def png_pages(
        self, chart: Chart, *, height: float, width: float | None = None, titled: bool = True
    ) -> _Pages:
        """The chart as PNG images at most *height* inches high each, for a printed page.

        A chart of horizontal bars taller than that (a goal with many indicators) is drawn in
        parts of consecutive rows, as few as fit, each titled ``…, część 1 z 2`` and on the
        whole chart's value axis, so that bars of two parts compare; its text keeps its size.
        Any other chart, and one that fits, is one image (:meth:`png`). A part of a single row
        still too high is left as it is, for the writer to scale.

        Args:
            chart: The chart block.
            height: The most a picture may take of the page, in inches (above 1).
            width: The picture's width in inches, as :func:`render_chart` takes it.
            titled: Draw the title over each picture (``False`` where a caption gives it).

        Returns:
            Each part's chart block (its title and rows) and image, in order.

        Raises:
            ArgumentTypeError: If *chart* is not a Chart or *height* not a number.
            ArgumentError: If *height* is not above 1 inch.
        """
        instance(chart, "chart", Chart, "a Chart")
        if isinstance(height, bool) or not isinstance(height, int | float | Decimal):
            raise ArgumentTypeError("height", height, "a height in inches (a number)")
        if not float(height) > 1:
            raise ArgumentError("height", height, "a height above 1 inch")
        key = (id(chart), width, titled, float(height))
        known = self._pages.get(key)
        if known is not None and known[0] is chart:
            return known[1]
        whole = self._image(chart, "png", width, titled)  # checked before anything is drawn
        rows = len(chart.table.frame)
        pages: _Pages = ((chart, whole),)
        if chart.kind is ChartKind.BAR and _png_height(whole) > height and rows > 1:
            columns = _columns(chart)
            values = _series(chart, _records(chart))
            present = [v for key in chart.series for v in values[key] if v is not None]
            limits = _value_limits(columns[chart.series[0]], present)
            inches = _chart_width(width)
            for count in range(math.ceil(_png_height(whole) / height), rows + 1):
                parts = _split(chart, count, self.locale)
                pages = tuple(
                    (part, _render(part, self.locale, "png", inches, titled, limits))
                    for part in parts
                )
                if all(_png_height(image) <= height for _, image in pages):
                    break
        self._pages[key] = (chart, pages)
        return pages

    def svg(self, chart: Chart, *, width: float | None = None, titled: bool = True) -> bytes:
        """The chart as SVG (:func:`render_chart`), drawn on the first call only.

        Args:
            chart: The chart block.
            width: The picture's width in inches, as :func:`render_chart` takes it (a
                landscape page's text width for a chart on one).
            titled: Draw the title over it (``False`` where a caption gives it).

        Raises:
            ArgumentTypeError: If *chart* is not a Chart (and as :func:`render_chart` says).
        """
        return self._image(chart, "svg", width, titled)

    def png(self, chart: Chart, *, width: float | None = None, titled: bool = True) -> bytes:
        """The chart as PNG (:func:`render_chart`), drawn on the first call only.

        Args:
            chart: The chart block.
            width: The picture's width in inches, as :func:`render_chart` takes it.
            titled: Draw the title over it (``False`` where a caption gives it).

        Raises:
            ArgumentTypeError: If *chart* is not a Chart (and as :func:`render_chart` says).
        """
        return self._image(chart, "png", width, titled)
