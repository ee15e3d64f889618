"""Charts drawn with matplotlib: read back as SVG (their elements and texts) and as PNG."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from citystrategy.errors import ArgumentError, ArgumentTypeError, ChartDataError
from citystrategy.model import Observation, Strategy, TargetKind
from citystrategy.reports import charts
from citystrategy.reports.annual import annual_report
from citystrategy.reports.charts import (
    PALETTE,
    PNG_DPI,
    ChartImages,
    indicator_chart,
    render_chart,
)
from citystrategy.reports.document import Chart, ChartKind, Column, ColumnKind, Table
from tests import factories
from tests.language import english_words, identifiers, polish_words

SOURCE = Path("/work/shared/sources/kielce-raport-roczny-2023.txt")
SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"
#: The costs of the projects completed in 2023 per strategic goal, from the report's tables.
COMPLETED_2023 = {
    "1": Decimal("33992885.47"),
    "2": Decimal("0.00"),
    "3": Decimal("8371150.00"),
    "4": Decimal("77374000.84"),
}


def bad(value: object) -> Any:
    """*value* typed as Any, to pass it where the signature forbids it."""
    return value


def parse(svg: bytes) -> ET.Element:
    """The SVG's tree, with its comments (matplotlib writes each text drawn as paths in one)."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    parser.feed(svg)
    return parser.close()


def texts(element: ET.Element) -> list[str]:
    """The texts drawn in *element*, one item per line, in drawing order."""
    comment: object = ET.Comment
    return [str(node.text).strip() for node in element.iter() if node.tag == comment and node.text]


def by_id(root: ET.Element, pattern: str) -> list[ET.Element]:
    """The elements whose id matches *pattern* in full."""
    return [e for e in root.iter() if re.fullmatch(pattern, e.get("id", ""))]


def one(root: ET.Element, gid: str) -> ET.Element:
    """The one element with the id *gid*."""
    found = by_id(root, re.escape(gid))
    assert len(found) == 1, f"{len(found)} elements have the id {gid!r}"
    return found[0]


def points(element: ET.Element) -> int:
    """How many markers *element* draws (matplotlib uses one <use> per marker)."""
    return len(element.findall(f".//{SVG}use"))


def _stated_costs_per_goal() -> dict[str, Decimal]:
    """Each goal table's stated amounts summed, read from the source text itself."""
    totals: dict[str, Decimal] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        row = re.match(r"Cel (\d)\. Miasto", line)
        amount = re.fullmatch(r"([\d ]+)(,\d\d)? zł", line.split("\t")[-1].strip())
        if row is None or amount is None:
            continue  # not a project row, or "jw." and "Koszt … podany w Celu nr N"
        digits = amount[1].replace(" ", "") + (amount[2] or ",00").replace(",", ".")
        totals[row[1]] = totals.get(row[1], Decimal(0)) + Decimal(digits)
    return totals


def _share(part: Decimal, total: Decimal) -> str:
    """A share in percent to one decimal, in Polish, computed here."""
    share = (part / total * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{share}".replace(".", ",") + "%"


@pytest.fixture(scope="module")
def report_charts(kielce: Strategy) -> dict[str, Chart]:
    """The charts of the Kielce report on 2023 in Polish, by title."""
    report = annual_report(kielce, 2023)
    return {
        block.title: block
        for section in report.sections
        for block in section.blocks
        if isinstance(block, Chart)
    }


def _chart(charts_by_title: dict[str, Chart], start: str) -> Chart:
    """The chart whose title starts with *start*."""
    (found,) = [chart for title, chart in charts_by_title.items() if title.startswith(start)]
    return found


def _pie(values: list[object], kind: ColumnKind = ColumnKind.MONEY) -> Chart:
    """A pie of goals "a", "b", … with *values*."""
    frame = pd.DataFrame({"goal": [chr(97 + i) for i in range(len(values))], "cost": values})
    table = Table(frame, (Column("goal", "Cel"), Column("cost", "Koszt", kind)))
    return Chart(ChartKind.PIE, "Nakłady", table, "goal", ("cost",))


# --- pies ------------------------------------------------------------------------------------


def test_wykres_1_has_a_wedge_per_goal_and_the_shares_from_the_project_tables(
    report_charts: dict[str, Chart],
) -> None:
    """Wykres 1: four wedges, goal 1's share as the project tables give it, title and legend."""
    chart = _chart(report_charts, "Wykres 1.")
    root = parse(render_chart(chart))
    stated = _stated_costs_per_goal()
    total = sum(stated.values(), Decimal(0))
    assert total == Decimal("725252582.21")
    assert len(by_id(root, r"wedge-\d+")) == 4
    assert _share(stated["1"], total) == "6,1%"
    assert texts(one(root, "share-1")) == ["6,1%"]
    assert [texts(one(root, f"share-{g}"))[0] for g in "1234"] == [
        _share(stated[g], total) for g in "1234"
    ]
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == chart.title
    assert root.get("role") == "img"
    legend = texts(one(root, "legend"))
    assert "1. Miasto dla każdego" in legend
    assert f"44{NBSP}284{NBSP}112,65{NBSP}zł (6,1%)" in legend
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert str(desc.text).startswith(
        f"1. Miasto dla każdego: 44{NBSP}284{NBSP}112,65{NBSP}zł (6,1%); "
    )


def test_wykres_2_leaves_out_the_wedge_of_a_goal_without_spending(
    report_charts: dict[str, Chart],
) -> None:
    """Wykres 2: goal 2 spent nothing in 2023: no wedge, but a legend entry with 0,0%."""
    root = parse(render_chart(_chart(report_charts, "Wykres 2.")))
    total = sum(COMPLETED_2023.values(), Decimal(0))
    assert sorted(str(e.get("id")) for e in by_id(root, r"wedge-\d+")) == [
        "wedge-1",
        "wedge-3",
        "wedge-4",
    ]
    assert texts(one(root, "share-1")) == [_share(COMPLETED_2023["1"], total)] == ["28,4%"]
    assert f"0,00{NBSP}zł (0,0%)" in texts(one(root, "legend"))


def test_pie_in_english_writes_english_numbers(report_charts: dict[str, Chart]) -> None:
    """In en_GB the same pie writes a decimal point and PLN before the amount."""
    root = parse(render_chart(_chart(report_charts, "Wykres 1."), locale="en_GB"))
    assert texts(one(root, "share-1")) == ["6.1%"]
    assert f"PLN{NBSP}44,284,112.65 (6.1%)" in texts(one(root, "legend"))


# --- bars ------------------------------------------------------------------------------------


def test_goal_progress_has_a_bar_per_scored_indicator_and_names_whole(
    kielce: Strategy, report_charts: dict[str, Chart]
) -> None:
    """Goal 1's progress: a bar per indicator, each labelled by its code and whole name."""
    chart = _chart(report_charts, "Postęp wskaźników celu strategicznego 1 ")
    frame = chart.table.frame
    root = parse(render_chart(chart))
    scored = int(frame["score"].notna().sum())
    assert (
        scored
        == len(frame)
        == len(kielce.indicators_of("1"))
        + sum(
            len(kielce.indicators_of(op.code)) for op in kielce.strategic_goals[0].operational_goals
        )
    )
    assert len(by_id(root, r"bar-1-\d+")) == scored
    drawn = " ".join(texts(root))
    for code, name in zip(frame["code"], frame["name"], strict=True):
        assert code in drawn
        assert all(word in drawn for word in name.split())  # wrapped, not cut
    ticks = texts(root)
    assert "-5" in ticks  # the fixed -5..+5 scale
    assert "5" in ticks
    first = frame["score"].iloc[0]
    assert texts(one(root, "value-1-1")) == [f"{first:.1f}".replace(".", ",")]


def test_bars_of_bad_scores_are_hatched_and_good_ones_not() -> None:
    """A negative score's bar is hatched red, a positive one solid green: told apart in grey."""
    frame = pd.DataFrame({"code": ["A", "B"], "score": [4.0, -3.0]})
    table = Table(frame, (Column("code"), Column("score", "Wynik", ColumnKind.SCORE)))
    root = parse(render_chart(Chart(ChartKind.BAR, "Postęp", table, "code", ("score",))))
    good, bad = one(root, "bar-1-1"), one(root, "bar-1-2")
    assert "url(#h" not in ET.tostring(good, encoding="unicode")
    assert "url(#h" in ET.tostring(bad, encoding="unicode")  # a hatch pattern
    assert charts._GOOD.lower() in ET.tostring(good, encoding="unicode").lower()


def test_a_missing_score_is_no_bar_but_its_reason() -> None:
    """A row without a value draws no bar (not a zero) and shows the reason the table gives."""
    frame = pd.DataFrame(
        {"code": ["A", "B"], "score": [2.0, None], "why": [None, "brak wartości bazowej"]}
    )
    columns = (Column("code"), Column("score", "Wynik", ColumnKind.SCORE, reason_key="why"))
    table = Table(frame, columns)
    root = parse(render_chart(Chart(ChartKind.BAR, "Postęp", table, "code", ("score",))))
    assert [e.get("id") for e in by_id(root, r"bar-\d+-\d+")] == ["bar-1-1"]
    assert texts(one(root, "missing-1-2")) == ["brak wartości bazowej"]


def test_column_chart_groups_two_series_with_a_legend() -> None:
    """Columns: a bar per row and series, money on the axis in millions, a legend per series."""
    frame = pd.DataFrame(
        {
            "year": ["2022", "2023"],
            "plan": [Decimal("12000000"), Decimal("30000000")],
            "done": [Decimal("10000000"), Decimal("25500000")],
        }
    )
    columns = (
        Column("year", "Rok"),
        Column("plan", "Plan", ColumnKind.MONEY),
        Column("done", "Wykonanie", ColumnKind.MONEY),
    )
    chart = Chart(ChartKind.COLUMN, "Wydatki", Table(frame, columns), "year", ("plan", "done"))
    root = parse(render_chart(chart))
    assert len(by_id(root, r"bar-[12]-[12]")) == 4
    assert texts(one(root, "legend")) == ["Plan", "Wykonanie"]
    assert f"10{NBSP}mln{NBSP}zł" in texts(root)


def test_line_chart_leaves_a_gap_for_a_missing_value() -> None:
    """A line over the years breaks where a value is missing, and writes percent on its axis."""
    frame = pd.DataFrame({"year": [2020, 2021, 2022, 2023], "share": [10.0, None, 12.5, 14.0]})
    columns = (
        Column("year", "Rok", ColumnKind.YEAR),
        Column("share", "Udział", ColumnKind.PERCENT),
    )
    chart = Chart(ChartKind.LINE, "Udział", Table(frame, columns), "year", ("share",))
    root = parse(render_chart(chart))
    line = one(root, "series-1")
    assert points(line) == 3
    path = line.find(f".//{SVG}path")
    assert path is not None
    assert path.get("d", "").count("M") == 2  # two pieces: a gap
    assert "12,5%" in texts(root) or "12%" in texts(root)


# --- indicators ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kielce_indicator_charts(kielce: Strategy) -> dict[str, ET.Element]:
    """Every Kielce indicator's chart, parsed, by code (112 of them)."""
    territory = kielce.territory.id
    return {
        indicator.code: parse(indicator_chart(indicator, kielce.observations, territory=territory))
        for indicator in kielce.indicators
    }


def test_every_kielce_indicator_has_a_chart_with_its_target(
    kielce: Strategy, kielce_indicator_charts: dict[str, ET.Element]
) -> None:
    """All 112 indicators are drawn; each with a target has its target line and target year."""
    assert len(kielce_indicator_charts) == len(kielce.indicators) == 112
    for indicator in kielce.indicators:
        root = kielce_indicator_charts[indicator.code]
        assert indicator.target is not None  # every Kielce indicator has one
        one(root, "target")
        one(root, "target-year")
        assert f"rok docelowy: {indicator.target.year}" in texts(root)
        title = root.find(f"{SVG}title")
        assert title is not None
        assert title.text == f"{indicator.code} {indicator.name}"
        valued = [o for o in kielce.observations_of(indicator.code) if o.value is not None]
        assert points(one(root, "values")) == len(valued)


def test_kielce_survey_indicator_shows_its_values_base_and_target(
    kielce_indicator_charts: dict[str, ET.Element],
) -> None:
    """KIE-1-01: 12,3% in 2022 (the base), 5,2% in 2023, the target 14,3% by 2030 (the report)."""
    root = kielce_indicator_charts["KIE-1-01"]
    assert texts(one(root, "value-2022")) == ["12,3%"]
    assert texts(one(root, "value-2023")) == ["5,2%"]
    drawn = texts(root)
    assert "wartość bazowa (2022): 12,3%" in drawn
    assert "wartość docelowa (2030): co najmniej 14,3%" in drawn
    assert by_id(root, "missing") == []
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text == (
        "2022: 12,3%; 2023: 5,2%; wartość bazowa (2022): 12,3%; "
        "wartość docelowa (2030): co najmniej 14,3%; rok docelowy: 2030"
    )


def test_kielce_limit_is_drawn_as_a_limit(
    kielce: Strategy, kielce_indicator_charts: dict[str, ET.Element]
) -> None:
    """An air-quality limit (20 µg/m³ for PM2.5) is labelled as a limit, not a target to reach."""
    limits = [i for i in kielce.indicators if i.target is not None and i.target.limit]
    assert len(limits) == 6
    for indicator in limits:
        drawn = texts(kielce_indicator_charts[indicator.code])
        assert any(text.startswith("wartość graniczna: co najwyżej") for text in drawn)


def test_kielce_missing_value_is_a_gap_marked_on_the_axis(
    kielce: Strategy, kielce_indicator_charts: dict[str, ET.Element]
) -> None:
    """An indicator whose 2023 value is not yet in BDL has one point and a cross for 2023."""
    gaps = [
        i.code
        for i in kielce.indicators
        if any(o.value is None for o in kielce.observations_of(i.code))
    ]
    assert len(gaps) == 4
    for code in gaps:
        root = kielce_indicator_charts[code]
        assert points(one(root, "values")) == 1
        assert points(one(root, "missing")) == 1
        assert "brak wartości" in texts(root)
        desc = root.find(f"{SVG}desc")
        assert desc is not None
        # the year says "no value", once: not again among the legend's items
        assert "2023: brak wartości; wartość bazowa (2022): " in str(desc.text)
        assert str(desc.text).count("brak wartości") == 1


def _series(*values: tuple[int, str | None]) -> list[Observation]:
    """Observations of the factories' indicator, a missing reason where the value is None."""
    return [
        factories.make_observation(year=year, value=None, missing=factories.make_missing())
        if value is None
        else factories.make_observation(year=year, value=Decimal(value))
        for year, value in values
    ]


def test_gaps_in_the_years_break_the_line_and_are_never_zero() -> None:
    """A missing year and an unobserved one break the line into three points and are marked."""
    observations = _series((2019, "4"), (2020, None), (2021, "6"), (2023, "9"))
    root = parse(indicator_chart(factories.make_indicator(), observations))
    values = one(root, "values")
    assert points(values) == 3
    path = values.find(f".//{SVG}path")
    assert path is not None
    assert path.get("d", "").count("M") == 3
    assert points(one(root, "missing")) == 2  # 2020 (a reason) and 2022 (no observation)
    assert by_id(root, "value-2020|value-2022") == []  # no value written, no zero


def test_range_target_is_a_shaded_band() -> None:
    """A within-range target is a band between its ends, labelled with an en dash."""
    target = factories.make_target(kind=TargetKind.WITHIN_RANGE, value=None, low=10, high=20)
    indicator = factories.make_indicator(unit="percent", target=target)
    root = parse(indicator_chart(indicator, _series((2022, "8"), (2023, "12"))))
    band = one(root, "target")
    assert band.find(f".//{SVG}path") is not None
    assert "wartość docelowa (2030): 10–20%" in texts(root)


def test_exact_target_has_its_tolerance_shaded() -> None:
    """An exact target with a tolerance is a line and a shaded band of the tolerance."""
    target = factories.make_target(kind=TargetKind.EXACTLY, value=50, tolerance=5)
    root = parse(indicator_chart(factories.make_indicator(target=target), _series((2023, "40"))))
    one(root, "target")
    one(root, "target-tolerance")


def test_indicator_without_target_has_no_target_line() -> None:
    """Without a target nothing is drawn for one, and the years end with the last value."""
    indicator = factories.make_indicator(target=None)
    root = parse(indicator_chart(indicator, _series((2022, "3"), (2023, "4"))))
    assert by_id(root, "target|target-year") == []
    assert "2023" in texts(root)
    assert "2030" not in texts(root)


def test_base_year_moves_the_ringed_value() -> None:
    """base_year rings that year's value (or the next one with a value)."""
    observations = _series((2019, "4"), (2020, None), (2021, "6"))
    root = parse(indicator_chart(factories.make_indicator(), observations, base_year=2020))
    assert "wartość bazowa (2021): 6" in texts(root)


def test_indicator_chart_in_english(kielce: Strategy) -> None:
    """In en_GB the words are English and the numbers have a decimal point."""
    indicator = kielce.indicator("KIE-1-01")
    drawn = texts(parse(indicator_chart(indicator, kielce.observations, locale="en_GB")))
    assert "base value (2022): 12.3%" in drawn
    other = kielce.indicator("KIE-3.3-02")  # thousand złoty, its 2023 value not in BDL yet
    legend = texts(parse(indicator_chart(other, kielce.observations, locale="en_GB")))
    assert f"base value (2022): 1,594,522{NBSP}thousand PLN" in legend
    assert "target (2030): at least 14.3%" in drawn
    words = " ".join(drawn)
    names = (indicator.name, indicator.code)
    assert polish_words(words, names=names) == []
    assert identifiers(words, names=names) == []


def test_indicator_chart_in_polish_has_no_english_word(kielce: Strategy) -> None:
    """In Polish the legend and labels are Polish."""
    indicator = kielce.indicator("KIE-3.3-02")
    drawn = " ".join(texts(parse(indicator_chart(indicator, kielce.observations))))
    names = (indicator.name, indicator.code)
    assert english_words(drawn, names=names) == []
    assert identifiers(drawn, names=names) == []


# --- output ----------------------------------------------------------------------------------


def test_same_chart_gives_the_same_bytes(report_charts: dict[str, Chart]) -> None:
    """Drawing twice gives identical SVG (no date, fixed ids) and identical PNG."""
    chart = _chart(report_charts, "Wykres 1.")
    assert render_chart(chart) == render_chart(chart)
    assert render_chart(chart, format="png") == render_chart(chart, format="png")
    assert b"<dc:date>" not in render_chart(chart)


def test_png_is_a_png_at_the_stated_resolution(report_charts: dict[str, Chart]) -> None:
    """A PNG starts with the PNG signature and is 7,2 inches wide at PNG_DPI."""
    png = render_chart(_chart(report_charts, "Wykres 1."), format="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == round(7.2 * PNG_DPI)
    assert 2 * PNG_DPI < height < 6 * PNG_DPI


def test_an_untitled_chart_keeps_its_title_for_screen_readers(
    report_charts: dict[str, Chart],
) -> None:
    """Without its title drawn, a chart is lower by the title's lines; its SVG keeps the title."""
    chart = _chart(report_charts, "Wykres 1.")
    titled, untitled = render_chart(chart), render_chart(chart, titled=False)
    heights = [float(parse(svg).get("height", "").removesuffix("pt")) for svg in (titled, untitled)]
    assert heights[1] < heights[0] - 10
    assert chart.title not in texts(parse(untitled))
    assert chart.title in texts(parse(titled))
    assert parse(untitled).findtext(f"{SVG}title") == chart.title


def test_svg_text_is_drawn_as_paths() -> None:
    """An SVG draws its text as paths, so no font on the reader's machine changes it."""
    svg = render_chart(_pie([Decimal(1), Decimal(3)]))
    assert parse(svg).find(f".//{SVG}text") is None
    assert b"DejaVuSans" in svg


def test_palette_reads_on_white() -> None:
    """Each series colour has a contrast of at least 4.5:1 with white (WCAG AA for text)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in (*PALETTE, charts._TEXT, charts._GOOD, charts._BAD, charts._TARGET):
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_images_draw_each_chart_once(
    report_charts: dict[str, Chart], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ChartImages returns the same bytes object the second time, without drawing again."""
    drawn: list[tuple[str, str]] = []
    real = charts.render_chart

    def counting(chart: Chart, *, format: charts.Format = "svg", **options: Any) -> bytes:
        drawn.append((chart.title, format))
        return real(chart, format=format, **options)

    monkeypatch.setattr(charts, "render_chart", counting)
    images = ChartImages("pl_PL")
    chart = _chart(report_charts, "Wykres 2.")
    first = images.svg(chart)
    assert images.svg(chart) is first
    png = images.png(chart)
    assert images.png(chart) is png
    untitled = images.png(chart, width=6.3, titled=False)
    assert images.png(chart, width=6.3, titled=False) is untitled != png
    wide = images.svg(chart, width=9.4, titled=False)
    assert images.svg(chart, width=9.4, titled=False) is wide != first
    assert drawn == [(chart.title, f) for f in ("svg", "png", "png", "svg")]
    assert parse(first).find(f"{SVG}title") is not None


def test_importing_the_charts_does_not_import_matplotlib() -> None:
    """matplotlib is loaded when a chart is drawn, not when the reports are imported."""
    code = (
        "import sys, citystrategy.reports, citystrategy.reports.charts;"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ([], "no_rows"),
        ([None, None], "no_numbers"),
        ([Decimal(1), None], "missing"),
        ([Decimal(1), Decimal(-1)], "negative"),
        ([Decimal(0), Decimal(0)], "zero_total"),
    ],
    ids=["empty", "no-numbers", "pie-missing", "pie-negative", "pie-zero"],
)
def test_charts_never_draw_invented_data(values: list[object], problem: str) -> None:
    """An empty table, a series without numbers or a pie it cannot show is an error."""
    with pytest.raises(ChartDataError) as raised:
        render_chart(_pie(values))
    assert isinstance(raised.value, ValueError)
    assert raised.value.problem == problem
    assert raised.value.chart == "Nakłady"
    assert "'Nakłady'" in str(raised.value)
    assert "chart 'Nakłady'" in str(raised.value)


def test_text_in_a_value_column_is_refused_before_drawing() -> None:
    """A series holding text (a number stored as a string) is refused, naming the column."""
    with pytest.raises(ArgumentError, match="cost"):
        render_chart(_pie(["12"], ColumnKind.NUMBER))


@pytest.mark.parametrize(
    ("call", "error", "shows"),
    [
        (lambda: render_chart(_pie([Decimal(1)]), format=bad("jpg")), ArgumentError, "'jpg'"),
        (lambda: render_chart(_pie([Decimal(1)]), locale="xx_YY"), ArgumentError, "'xx_YY'"),
        (lambda: render_chart(bad("chart")), ArgumentTypeError, "'chart'"),
        (lambda: ChartImages("pl_PL").png(bad("chart")), ArgumentTypeError, "'chart'"),
        (lambda: ChartImages("xx"), ArgumentError, "'xx'"),
        (lambda: render_chart(_pie([Decimal(1)]), width=bad("wide")), ArgumentTypeError, "'wide'"),
        (lambda: render_chart(_pie([Decimal(1)]), width=bad(True)), ArgumentTypeError, "True"),
        (lambda: render_chart(_pie([Decimal(1)]), width=30), ArgumentError, "30"),
        (lambda: render_chart(_pie([Decimal(1)]), titled=bad("no")), ArgumentTypeError, "'no'"),
    ],
    ids=[
        "format",
        "locale",
        "not-a-chart",
        "images-not-a-chart",
        "images-locale",
        "width-text",
        "width-bool",
        "width-too-wide",
        "titled-text",
    ],
)
def test_bad_arguments(call: object, error: type[Exception], shows: str) -> None:
    """Bad arguments are typed errors that show what was given."""
    assert callable(call)
    with pytest.raises(error, match=re.escape(shows)):
        call()


def test_indicator_chart_refuses_what_it_cannot_draw() -> None:
    """No value at all, two territories without a choice, a year twice, a late base year."""
    indicator = factories.make_indicator()
    with pytest.raises(ChartDataError, match=re.escape("indicator 'T-1.1-01' has a value")):
        indicator_chart(indicator, _series((2023, None)))
    with pytest.raises(ChartDataError, match=re.escape("'T-1.1-01' in '1465011' has a value")):
        indicator_chart(indicator, _series((2023, None)), territory="1465011")
    two = [*_series((2023, "1")), factories.make_observation(territory="1465011")]
    with pytest.raises(ArgumentError, match="territory"):
        indicator_chart(indicator, two)
    assert indicator_chart(indicator, two, territory="1465011").startswith(b"<?xml")
    with pytest.raises(ArgumentError, match=re.escape("one observation of 'T-1.1-01' a year")):
        indicator_chart(indicator, _series((2023, "1"), (2023, "2")))
    with pytest.raises(ArgumentError, match="base_year"):
        indicator_chart(indicator, _series((2022, "1")), base_year=2023)
    with pytest.raises(ArgumentTypeError, match="observations"):
        indicator_chart(indicator, bad("KIE-1-01"))


# --- charts on printed pages -----------------------------------------------------------------


def _tall(rows: int, kind: ColumnKind = ColumnKind.NUMBER) -> Chart:
    """Horizontal bars of *rows* indicators, ``KIE-01`` … with values 1, 2, …, a long name each."""
    frame = pd.DataFrame(
        {
            "code": [f"KIE-{i:02}" for i in range(1, rows + 1)],
            "name": [
                f"Wskaźnik numer {i} o nazwie długiej na dwa wiersze etykiety" for i in range(rows)
            ],
            "value": [float(i) for i in range(1, rows + 1)],
        }
    )
    columns = (Column("code", "Kod"), Column("name", "Wskaźnik"), Column("value", "Wartość", kind))
    return Chart(ChartKind.BAR, "Wartości wskaźników", Table(frame, columns), "code", ("value",))


def test_a_bar_chart_taller_than_the_page_is_drawn_in_parts_that_fit() -> None:
    """40 bars do not fit 6 inches: parts of consecutive rows, each within it, none left out."""
    chart = _tall(40)
    images = ChartImages("pl_PL")
    whole = images.png(chart)
    assert charts._png_height(whole) > 12  # the premise: far taller than the page
    pages = images.png_pages(chart, height=6)
    assert len(pages) >= 2
    assert all(charts._png_height(png) <= 6 for _, png in pages)
    codes = [code for part, _ in pages for code in part.table.frame["code"]]
    assert codes == list(chart.table.frame["code"])
    assert [part.title for part, _ in pages] == [
        f"Wartości wskaźników, część {n} z {len(pages)}" for n in range(1, len(pages) + 1)
    ]
    assert images.png_pages(chart, height=6) is pages  # drawn once


def test_the_parts_of_a_chart_share_its_value_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each part runs on the whole chart's axis (0 to its largest value and room for labels)."""
    drawn: list[tuple[float, float] | None] = []  # the axis of each drawing
    render = charts._render

    def spy(chart: Chart, *args: Any) -> bytes:
        drawn.append(args[-1] if len(args) == 5 else None)
        return render(chart, *args)

    monkeypatch.setattr(charts, "_render", spy)
    pages = ChartImages("en_GB").png_pages(_tall(40), height=6)
    assert len(drawn) >= len(pages) + 1  # the whole, then each part
    assert None not in drawn[-len(pages) :]
    limits = {(low, round(high, 9)) for low, high in filter(None, drawn[-len(pages) :])}
    assert limits == {(0.0, 47.2)}  # 40 and 18% of the span 0–40 for the labels
    assert pages[0][0].title == f"Wartości wskaźników, part 1 of {len(pages)}"


def test_a_chart_that_fits_the_page_is_one_picture() -> None:
    """Five bars on a page: the chart itself and its one PNG, as png() draws it."""
    chart = _tall(5, ColumnKind.SCORE)
    images = ChartImages("pl_PL")
    ((part, png),) = images.png_pages(chart, height=6, width=10.5)
    assert part is chart
    assert png == images.png(chart, width=10.5)


def test_a_part_whose_values_are_all_missing_is_drawn_with_their_reasons() -> None:
    """The second half of a chart has no scores: its part shows the reasons, not an error."""
    chart = _tall(40, ColumnKind.SCORE)
    scores: list[object] = [2.0] * 20 + [None] * 20
    reasons: list[object] = [None] * 20 + ["brak wartości bazowej"] * 20
    frame = chart.table.frame.assign(value=pd.Series(scores), why=pd.Series(reasons))
    columns = (
        *chart.table.columns[:2],
        Column("value", "Wynik", ColumnKind.SCORE, reason_key="why"),
    )
    chart = Chart(ChartKind.BAR, chart.title, Table(frame, columns), "code", ("value",))
    pages = ChartImages("pl_PL").png_pages(chart, height=6)
    assert len(pages) >= 2
    assert pages[-1][0].table.frame["value"].isna().all()


@pytest.mark.parametrize(
    ("height", "error", "shows"),
    [
        ("6", ArgumentTypeError, "'6'"),
        (True, ArgumentTypeError, "True"),
        (0.5, ArgumentError, "0.5"),
    ],
)
def test_png_pages_refuses_a_height_that_is_not_one(
    height: object, error: type, shows: str
) -> None:
    """A page height that is not a number, or not above an inch, is refused with the value."""
    with pytest.raises(error, match=re.escape(shows)):
        ChartImages().png_pages(_tall(3), height=bad(height))
