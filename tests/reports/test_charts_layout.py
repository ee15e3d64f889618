"""Where the charts' texts land: the labels' boxes as matplotlib measures them when it draws."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Wedge
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from citystrategy.model import Strategy
from citystrategy.reports import charts
from citystrategy.reports.annual import annual_report
from citystrategy.reports.document import Chart, ChartKind

#: The widths the charts are drawn at (inches): the default, an A4 portrait page's text (Word)
#: and an A4 landscape page's text (Word, the goals' sections with their wide tables).
WIDTHS = (7.2, 9070 / 1440, 13584 / 1440)
#: The shares of the goals in the spending of 2023 (the report's Wykres 2, kielce.md): 28,4%,
#: 0,0%, 7,0% and 64,6%.
WYKRES_2 = ["28,4%", "7,0%", "64,6%"]


@contextmanager
def drawn(chart: Chart, width: float, locale: str = "pl_PL") -> Iterator[Figure]:
    """The chart's figure, laid out as when it is saved (in the charts' style)."""
    with charts._style():
        figure = charts._draw(chart, locale, width=width)
        FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
        yield figure


def boxes(texts: list[Text]) -> list[Bbox]:
    """Each text's box on the drawn figure, in pixels (an annotation's without its line)."""
    return [Text.get_window_extent(text) for text in texts]


def overlapping(found: list[Bbox]) -> list[tuple[int, int]]:
    """The pairs of boxes that overlap (touching edges do not)."""
    return [
        (i, j)
        for (i, a), (j, b) in itertools.combinations(enumerate(found), 2)
        if a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1
    ]


@pytest.fixture(scope="module")
def kielce_charts(kielce: Strategy) -> dict[str, list[Chart]]:
    """The charts of the Kielce report for 2023, by kind, in both languages."""
    found: dict[str, list[Chart]] = {"pie": [], "bar": [], "pie-en": [], "bar-en": []}
    for locale, suffix in (("pl_PL", ""), ("en_GB", "-en")):
        for section in annual_report(kielce, 2023, locale=locale).sections:
            for block in section.blocks:
                if isinstance(block, Chart):
                    found[str(block.kind.value) + suffix].append(block)
    assert [len(found[key]) for key in found] == [2, 4, 2, 4]
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_goal_bar_labels_never_overlap(kielce_charts: dict[str, list[Chart]], width: float) -> None:
    """Each goal's indicator names (wrapped, whole) on its bars' axis never run into each other,
    the values beside the bars or the figure's edge, in either language and at every width."""
    for chart in kielce_charts["bar"] + kielce_charts["bar-en"]:
        assert chart.kind is ChartKind.BAR
        with drawn(chart, width, "en_GB" if chart in kielce_charts["bar-en"] else "pl_PL") as fig:
            (axes,) = fig.axes
            labels = [label for label in axes.get_yticklabels() if label.get_text()]
            assert len(labels) == len(chart.table.frame)
            names = [" ".join(label.get_text().split()) for label in labels]
            codes = list(chart.table.frame["code"])
            assert all(name.startswith(code) for name, code in zip(names, codes, strict=True))
            values = [t for t in axes.texts if str(t.get_gid()).startswith(("value-", "missing-"))]
            found = boxes(labels)
            assert overlapping(found) == [], chart.title
            assert overlapping(found + boxes(values))[:1] == [], chart.title
            width_px, height_px = fig.canvas.get_width_height()
            for box in found:
                assert box.x0 >= 0, chart.title
                assert box.y0 >= 0, chart.title
                assert box.x1 <= width_px, chart.title
                assert box.y1 <= height_px, chart.title


def test_a_wider_page_gives_a_shorter_bar_chart(kielce_charts: dict[str, list[Chart]]) -> None:
    """Drawn for a landscape page's width, a goal's chart wraps its names less and is lower."""
    for chart in kielce_charts["bar"]:
        heights = []
        for width in WIDTHS[1:]:
            with drawn(chart, width) as figure:
                heights.append(float(figure.get_size_inches()[1]))
        assert heights[1] < heights[0] * 0.9, chart.title


def share_texts(figure: Figure) -> tuple[list[Text], list[Wedge]]:
    """The pie's share labels and its wedges, in the same order."""
    (axes,) = figure.axes
    texts = sorted(
        (t for t in axes.texts if str(t.get_gid()).startswith("share-")),
        key=lambda t: str(t.get_gid()),
    )
    wedges = sorted(
        (p for p in axes.patches if str(p.get_gid()).startswith("wedge-")),
        key=lambda p: str(p.get_gid()),
    )
    assert [str(t.get_gid())[6:] for t in texts] == [str(w.get_gid())[6:] for w in wedges]
    return texts, [w for w in wedges if isinstance(w, Wedge)]


def corners(box: Bbox) -> list[tuple[float, float]]:
    """The box's four corners."""
    return [(box.x0, box.y0), (box.x0, box.y1), (box.x1, box.y0), (box.x1, box.y1)]


@pytest.mark.parametrize("width", WIDTHS)
def test_pie_share_labels_are_apart_in_or_beside_their_wedge(
    kielce_charts: dict[str, list[Chart]], width: float
) -> None:
    """Each share's label lies wholly in its wedge or wholly outside the pie; no two labels, and
    no label and the legend, overlap (Wykres 1 and 2, 6,1% and 6,5% or 7,0% small wedges)."""
    for chart in kielce_charts["pie"] + kielce_charts["pie-en"]:
        with drawn(chart, width) as figure:
            texts, wedges = share_texts(figure)
            assert len(texts) == len(wedges) >= 3
            found = boxes(texts)
            (axes,) = figure.axes
            legend = axes.get_legend()
            assert legend is not None
            assert overlapping([*found, legend.get_window_extent()]) == [], chart.title
            for text, box, wedge in zip(texts, found, wedges, strict=True):
                inside = [wedge.contains_point(corner) for corner in corners(box)]
                in_pie = [any(w.contains_point(c) for w in wedges) for c in corners(box)]
                assert all(inside) or not any(in_pie), (chart.title, text.get_text())


def test_wykres_2_puts_the_small_share_beside_the_pie(
    kielce_charts: dict[str, list[Chart]],
) -> None:
    """In Wykres 2 (28,4 / 0,0 / 7,0 / 64,6%) the 7,0% label is outside, joined by a line."""
    chart = kielce_charts["pie"][1]
    assert chart.title.startswith("Wykres 2.")
    with drawn(chart, WIDTHS[0]) as figure:
        texts, _ = share_texts(figure)
        assert [t.get_text() for t in texts] == WYKRES_2
        leaders = [t.get_text() for t in texts if getattr(t, "arrow_patch", None) is not None]
        assert leaders == ["7,0%"]
