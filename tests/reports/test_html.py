"""The HTML writer: the page parsed as a browser parses it, and rendered in headless Chromium."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import numpy as np
import pandas as pd
import pytest
from attrs import field

from citystrategy.cli import main
from citystrategy.errors import ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.reports.annual import annual_report
from citystrategy.reports.cells import STATUS_ICONS
from citystrategy.reports.charts import PALETTE, ChartImages
from citystrategy.reports.document import (
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
    Tone,
)
from citystrategy.reports.excel import TONE_COLOURS
from citystrategy.reports.html import DATA_ROWS_SHOWN, to_html, write_html
from citystrategy.reports.tables.projects import projects_section
from tests.language import english_words, identifiers, polish_words

NBSP = "\xa0"
SCRIPT = "<script>alert(1)</script>"
#: Elements that hold no children.
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "source", "wbr", "col", "area"})
#: Attributes that make a browser fetch or follow an address.
ADDRESS_ATTRIBUTES = frozenset(
    {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background"}
)


@attrs.define
class Element:
    """An element of the parsed page: its tag, attributes, children and text."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(factory=list)

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str) -> list[Element]:
        """Every element below this one (and itself) with *tag*."""
        return [element for element in self.iter() if element.tag == tag]

    def text(self) -> str:
        """The element's text, a ``<br>`` read as a line break."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            else:
                parts.append(child.text())
        return "".join(parts)


class TreeBuilder(HTMLParser):
    """The page as a tree of elements, as html.parser reads it (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element (a void element is closed at once)."""
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element (in SVG)."""
        self.stack[-1].children.append(Element(tag, {n: v or "" for n, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element of *tag*."""
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
        raise AssertionError(f"</{tag}> closes nothing")

    def handle_data(self, data: str) -> None:
        """Text, inside the innermost open element."""
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    """The page's tree; every element it opens is closed."""
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert [e.tag for e in builder.stack] == ["#document"], "an element is left open"
    return builder.root


def table_cells(table: Element) -> list[list[str]]:
    """The text of each cell of *table*, row by row, the header first."""
    return [
        [cell.text() for cell in row.iter() if cell.tag in ("th", "td")]
        for row in table.find_all("tr")
    ]


def section_of(root: Element, title: str) -> Element:
    """The ``<section>`` whose ``<h2>`` is *title*."""
    for section in root.find_all("section"):
        if section.find_all("h2")[0].text() == title:
            return section
    raise AssertionError(f"no section {title!r}")


def caption(table: Element) -> str:
    """A table's caption."""
    (found,) = table.find_all("caption")
    return found.text()


@pytest.fixture(scope="module")
def report(kielce: Strategy) -> Report:
    """Kielce's 2023 annual report in Polish."""
    return annual_report(kielce, 2023)


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    """Its HTML page."""
    return to_html(report)


@pytest.fixture(scope="module")
def root(page: str) -> Element:
    """The page parsed."""
    return parse(page)


def test_sections_in_the_report_s_order(root: Element, report: Report) -> None:
    """The title is the one h1, each section an h2 in order, the table of contents links them."""
    (html,) = root.find_all("html")
    assert html.attrs["lang"] == "pl"
    assert root.find_all("title")[0].text() == "Roczny raport z realizacji strategii w 2023\xa0r."
    assert [h.text() for h in root.find_all("h1")] == [report.title]
    sections = root.find_all("main")[0].find_all("section")
    titles = [section.find_all("h2")[0].text() for section in sections]
    assert titles == [
        "Podsumowanie",
        "1. Informacje wstępne",
        "2. Zrealizowane działania i ich koszt",
        "3. Wartość wskaźników",
        "Ocena realizacji celów",
        "4. Problemy i ryzyka",
        "5. Opis działań podjętych przez zespół ds. realizacji strategii",
        "6. Wnioski i rekomendacje",
        "7. Opis dalszych działań",
        "Uwagi do danych",
        "Dane",
    ]
    (toc,) = root.find_all("nav")
    assert toc.find_all("h2")[0].text() == "Spis treści"
    ids = {element.attrs["id"] for element in root.iter() if "id" in element.attrs}
    links = [a.attrs["href"] for a in toc.find_all("a")]
    assert all(link.startswith("#") and link[1:] in ids for link in links)
    top = [
        a.text()
        for li in toc.find_all("ol")[0].children
        if isinstance(li, Element)
        for a in li.children[:1]
        if isinstance(a, Element)
    ]
    assert top == titles
    assert "Cel strategiczny 1. Miasto dla każdego" in [a.text() for a in toc.find_all("a")]


def test_headings_never_skip_a_level(root: Element) -> None:
    """From h1 down, each heading is at most one level below the one before it."""
    levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert set(levels) == {1, 2, 3, 4}


def test_figures_of_sections_2_and_3(root: Element) -> None:
    """Goal 1's computed cost, the computed and declared totals, and the city's revenue."""
    costs = section_of(root, "2. Zrealizowane działania i ich koszt")
    (goals,) = [t for t in costs.find_all("table") if "według celów" in caption(t)]
    cells = table_cells(goals)
    header = cells[0]
    cost, declared = header.index("Koszt"), header.index("Koszt (raport)")
    assert [row[cost] for row in cells[1:]] == [
        f"33{NBSP}992{NBSP}885,47{NBSP}zł",
        f"0,00{NBSP}zł",
        f"8{NBSP}371{NBSP}150,00{NBSP}zł",
        f"77{NBSP}374{NBSP}000,84{NBSP}zł",
        f"119{NBSP}738{NBSP}036,31{NBSP}zł",
    ]
    assert cells[1][declared] == f"514{NBSP}239,53{NBSP}zł"
    assert cells[-1][0] == "Razem"
    assert cells[-1][declared] == f"85{NBSP}665{NBSP}519,74{NBSP}zł"
    indicators = section_of(root, "3. Wartość wskaźników")
    rows = [row for t in indicators.find_all("table") for row in table_cells(t)]
    (revenue,) = [row for row in rows if len(row) > 8 and row[2] == "Dochody miasta"]
    # tests/data/kielce_indicators_section3.txt: 1 679 523 470,54 zł, 1 579 375 948,66 zł
    assert revenue[3:5] == [
        f"1{NBSP}679{NBSP}523{NBSP}470,54{NBSP}zł",
        f"1{NBSP}579{NBSP}375{NBSP}948,66{NBSP}zł",
    ]
    assert revenue[8] == f"1{NBSP}746{NBSP}990{NBSP}947,00{NBSP}zł"  # printed without grosze


def test_tables_are_marked_up_for_screen_readers(root: Element) -> None:
    """Each table has a caption, a thead of th scope=col, and its numbers right-aligned."""
    tables = root.find_all("main")[0].find_all("table")
    assert len(tables) > 10
    for table in tables:
        (head,) = table.find_all("thead")
        headers = head.find_all("th")
        assert headers
        assert all(th.attrs.get("scope") == "col" for th in headers)
        assert len(table.find_all("tbody")) == 1
    captioned = [t for t in tables if t.find_all("caption")]
    assert len(captioned) >= len(tables) - 12  # a chart's own table is captioned by its figure
    costs = section_of(root, "2. Zrealizowane działania i ich koszt")
    (goals,) = [t for t in costs.find_all("table") if "według celów" in caption(t)]
    first = goals.find_all("tbody")[0].find_all("tr")[0].find_all("td")
    header = [th.text() for th in goals.find_all("th")]
    assert first[header.index("Koszt")].attrs["class"] == "num"
    assert "class" not in first[0].attrs  # text left-aligned


def test_status_by_word_icon_and_colour(root: Element) -> None:
    """A status cell says its word, shows its tone's icon and is coloured by its tone."""
    (statuses,) = [
        t
        for t in root.find_all("table")
        if t.find_all("caption") and caption(t) == "Wskaźniki według stanu realizacji"
    ]
    cells = [row.find_all("td")[0] for row in statuses.find_all("tbody")[0].find_all("tr")]
    shown = [(c.attrs["class"], c.text()) for c in cells]
    assert shown[0] == ("status tone-good", f"{STATUS_ICONS[Tone.GOOD]} cel osiągnięty")
    assert shown[4] == ("status tone-bad", f"{STATUS_ICONS[Tone.BAD]} regres")
    icon = cells[0].find_all("span")[0]
    assert icon.attrs == {"class": "icon", "aria-hidden": "true"}
    style = root.find_all("style")[0].text()
    for tone, (text, fill) in TONE_COLOURS.items():
        assert f"td.tone-{tone.value} {{ color: {text}; background: {fill}; }}" in style
    assert len(set(STATUS_ICONS.values())) == len(Tone)


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    channels = []
    for start in (1, 3, 5):
        c = int(colour[start : start + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("tone", list(Tone), ids=[t.value for t in Tone])
def test_tone_colours_meet_wcag_aa(tone: Tone) -> None:
    """Each tone's text on its fill has a contrast of at least 4.5:1 (WCAG 2 AA)."""
    text, fill = TONE_COLOURS[tone]
    light, dark = sorted((_luminance(text), _luminance(fill)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5
    assert _luminance("#FFFFFF") == pytest.approx(1.0)


def test_no_address_outside_the_page(page: str, root: Element, report: Report) -> None:
    """No script, no address in any attribute or style, every link an in-page anchor; the only
    addresses are those the report's own texts quote, as text."""
    assert root.find_all("script") == []
    assert root.find_all("link") == []
    assert root.find_all("img") == []
    for element in root.iter():
        for name in ADDRESS_ATTRIBUTES & set(element.attrs):
            assert element.attrs[name].startswith("#"), (element.tag, name)
        assert not any("://" in value for value in element.attrs.values()), element.tag
    style = root.find_all("style")[0].text()
    assert "url(" not in style
    assert "@import" not in style
    assert "://" not in style
    for svg in root.find_all("svg"):
        assert "://" not in svg.text()
    quoted = {
        address
        for section in report.sections
        for block in section.blocks
        if isinstance(block, Paragraph)
        for address in re.findall(r"https?://[^\s>]+", block.text)
    }
    assert quoted  # the Kielce report quotes its web pages
    assert set(re.findall(r"https?://[^\s&<]+", page)) <= quoted
    links = [a for a in root.find_all("a") if not a.attrs.get("href", "").startswith("#")]
    assert links == []


def test_print_style(root: Element) -> None:
    """The print style: A4, a new page per section, the table header repeated, rows kept whole."""
    style = re.sub(r"\s+", " ", root.find_all("style")[0].text())
    assert "@media print" in style
    assert "size: A4;" in style
    assert "main > section { break-before: page;" in style
    assert "thead { display: table-header-group; }" in style
    assert "tr, th, td { break-inside: avoid;" in style


def test_missing_values_show_their_reason(root: Element) -> None:
    """A value missing from the data shows why, where the table gives a reason."""
    costs = section_of(root, "2. Zrealizowane działania i ich koszt")
    (goals,) = [t for t in costs.find_all("table") if "według celów" in caption(t)]
    cells = table_cells(goals)
    assert cells[1][cells[0].index("Realizatorzy")] == "brak w danych"


@pytest.fixture
def hostile() -> Report:
    """A report whose every text from the data is markup."""
    frame = pd.DataFrame(
        {"name": [SCRIPT, "a & b"], "cost": [Decimal("1.50"), None], "why": ["", f"{SCRIPT}"]}
    )
    columns = (
        Column("name", f"Nazwa {SCRIPT}", note=SCRIPT),
        Column("cost", "Koszt", kind=ColumnKind.MONEY, reason_key="why"),
    )
    table = Table(frame, columns, title=SCRIPT, note=SCRIPT)
    chart = Chart(ChartKind.BAR, SCRIPT, table, "name", ("cost",), axis_title=SCRIPT)
    blocks = (Heading(SCRIPT), Paragraph(SCRIPT), Heading(SCRIPT, 2), table, chart)
    return Report(title=SCRIPT, sections=(Section(SCRIPT, blocks),), subject=SCRIPT, author=SCRIPT)


def test_every_text_from_the_data_is_escaped(hostile: Report) -> None:
    """A name that is a script is text wherever it appears: title, headings, cells, notes."""
    page = to_html(hostile)
    root = parse(page)
    assert root.find_all("script") == []
    assert "<script>" not in page
    texts = [
        e.text()
        for e in root.iter()
        if e.tag in ("title", "h1", "h2", "h3", "p", "caption", "td", "figcaption")
    ]
    assert texts.count(SCRIPT) >= 8
    assert root.find_all("meta")[2].attrs == {"name": "description", "content": SCRIPT}
    assert "a &amp; b" in page
    (svg,) = root.find_all("figure")[0].find_all("svg")  # matplotlib's, escaped by the renderer
    assert svg.find_all("title")[0].text() == SCRIPT
    assert "&lt;script&gt;" in page[page.index("<svg") : page.index("</svg>")]


def test_a_strategy_s_project_named_as_a_script(kielce: Strategy) -> None:
    """A project of the strategy named ``<script>…`` is that text in the report's table."""
    done = [p for p in kielce.projects if p.completed_in == 2023][:1]
    renamed = attrs.evolve(
        kielce,
        projects=tuple(attrs.evolve(p, name=SCRIPT) if p in done else p for p in kielce.projects),
    )
    section = projects_section(renamed, 2023)
    page = to_html(Report(title="Raport", sections=(section,)))
    assert "<script>" not in page
    root = parse(page)
    assert root.find_all("script") == []
    cells = [td.text() for td in root.find_all("td")]
    assert SCRIPT in cells


def _visible_text(root: Element) -> str:
    body = root.find_all("body")[0]
    return body.text()


def _own_words(root: Element) -> list[str]:
    """The words the writer adds: the contents' title and each chart's "figures" disclosure."""
    words = [root.find_all("nav")[0].find_all("h2")[0].text()]
    return words + [s.text() for s in root.find_all("summary")]


def test_the_page_s_own_words_are_polish(root: Element) -> None:
    """In a Polish report the writer's own words are Polish."""
    words = _own_words(root)
    assert words == ["Spis treści"] + ["Dane wykresu"] * 6
    assert english_words(" ".join(words)) == []
    assert identifiers(" ".join(words)) == []


def test_the_page_s_own_words_are_english(kielce: Strategy) -> None:
    """In an English report: lang="en", English words, English number format."""
    report = annual_report(kielce, 2023, locale="en_GB", data=False)
    costs = Report(title=report.title, sections=report.sections[:3], locale="en_GB")
    root = parse(to_html(costs))
    assert root.find_all("html")[0].attrs["lang"] == "en"
    words = _own_words(root)
    assert words == ["Contents"] + ["The chart's figures"] * 2
    assert polish_words(" ".join(words)) == []
    assert identifiers(" ".join(words)) == []
    body = _visible_text(root).replace(NBSP, " ")
    assert "PLN 85,665,519.74" in body


def test_charts_are_inline_svg_figures(root: Element, report: Report) -> None:
    """Each Chart block is an inline SVG in a figure with its caption, then its figures."""
    charts = [b for s in report.sections for b in s.blocks if isinstance(b, Chart)]
    figures = root.find_all("figure")
    assert len(figures) == len(charts) == 6
    for figure, chart in zip(figures, charts, strict=True):
        (svg,) = figure.find_all("svg")
        assert svg.attrs["role"] == "img"
        assert svg.find_all("title")[0].text() == chart.title
        assert figure.find_all("figcaption")[0].text().startswith(chart.title)
        assert len(figure.find_all("table")) == 1
    costs = section_of(root, "2. Zrealizowane działania i ich koszt")
    pie = table_cells(costs.find_all("figure")[1].find_all("table")[0])
    assert pie[0][-1] == "Udział"
    # Wykres 2: each goal's 2023 cost over 119 738 036,31 zł (33 992 885,47 zł is 28,4%)
    assert [row[-1] for row in pie[1:]] == ["28,4%", "0,0%", "7,0%", "64,6%"]
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))  # the charts' own ids are made unique on the page


def test_one_drawing_per_chart_shared_across_pages(kielce: Strategy) -> None:
    """Given a ChartImages, the page uses its drawings: the same SVG for the same chart."""
    section = projects_section(kielce, 2023)
    report = Report(title="R", sections=(section,))
    images = ChartImages("pl_PL")
    first, second = to_html(report, images=images), to_html(report, images=images)
    assert first == second
    charts = [b for b in section.blocks if isinstance(b, Chart)]
    title = charts[0].title
    assert images.svg(charts[0]).decode("utf-8").count(f"<title>{title}</title>") == 1


def test_long_data_is_counted_not_shown() -> None:
    """Data past the limit is a sentence with its row count, in Polish plural form."""
    rows = DATA_ROWS_SHOWN + 2
    frame = pd.DataFrame({"year": range(rows), "value": [1.5] * rows})
    report = Report(title="R", data=Table(frame), data_title="Dane")
    root = parse(to_html(report))
    data = section_of(root, "Dane")
    assert data.find_all("table") == []
    assert data.find_all("p")[0].text() == (
        "Tabela danych ma 1002 wiersze i nie jest tu pokazana; zawiera ją skoroszyt "
        "raportu (.xlsx)."
    )


def test_write_html_refuses_to_overwrite(tmp_path: Path) -> None:
    """write_html writes UTF-8, and replaces an existing file only with force."""
    report = Report(title="Raport")
    path = write_html(report, tmp_path / "raport.html")
    assert path.read_text(encoding="utf-8") == to_html(report)
    with pytest.raises(OutputExistsError):
        write_html(Report(title="Inny"), path)
    assert "<title>Raport</title>" in path.read_text(encoding="utf-8")
    write_html(Report(title="Inny"), path, force=True)
    assert "<title>Inny</title>" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raport.html"]


def test_bad_arguments() -> None:
    """Not a report is a typed error naming what was given."""
    with pytest.raises(ArgumentTypeError, match="'raport'"):
        to_html("raport")  # type: ignore[arg-type]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_writes_html_and_keeps_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``report -o x.html`` writes the page; an existing file stays without --force."""
    path = tmp_path / "raport.html"
    path.write_text("stary", encoding="utf-8")
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "już istnieje i pozostał bez zmian" in err
    assert path.read_text(encoding="utf-8") == "stary"
    code, out, err = run(["report", "kielce", "--year", "2023", "-o", str(path), "--force"], capsys)
    assert (code, err) == (0, "")
    assert out == f"zapisano raport w pliku {path}\n"
    root = parse(path.read_text(encoding="utf-8"))
    assert root.find_all("h1")[0].text() == "Roczny raport z realizacji strategii w 2023\xa0r."
    english = tmp_path / "report.html"
    code, out, err = run(
        ["report", "kielce", "--year", "2023", "-o", str(english), "--locale", "en"], capsys
    )
    assert (code, err) == (0, "")
    assert parse(english.read_text(encoding="utf-8")).find_all("html")[0].attrs["lang"] == "en"


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # no network at all: every host name fails to resolve, and no proxy is reachable
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
)


def chromium() -> str:
    """The Chromium command; its absence fails the test, saying how to install it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "headless Chromium is needed to check the HTML report as a browser shows it: "
            "apt-get install chromium (Debian's package; .ci/run installs it)"
        )
    return found


def test_chromium_renders_the_page_offline(page: str, report: Report, tmp_path: Path) -> None:
    """Headless Chromium, with no network, lays out every section, table and chart of the page,
    and the charts are drawn in their colours."""
    html = tmp_path / "raport.html"
    html.write_text(page, encoding="utf-8")
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*command, "--dump-dom", html.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    rendered = parse(dom.replace("<!DOCTYPE html>", ""))
    assert [h.text() for h in rendered.find_all("h1")] == [report.title]
    assert len(rendered.find_all("section")) == len(report.sections) + 1
    assert len(rendered.find_all("table")) == len(parse(page).find_all("table"))
    charts = [b for s in report.sections for b in s.blocks if isinstance(b, Chart)]
    svgs = [svg for figure in rendered.find_all("figure") for svg in figure.find_all("svg")]
    assert len(svgs) == len(charts) == 6
    assert all(len(svg.find_all("path")) > 10 for svg in svgs)
    screenshot = tmp_path / "raport.png"
    subprocess.run(
        [
            *command,
            "--hide-scrollbars",
            "--window-size=1280,9000",
            f"--screenshot={screenshot}",
            html.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    from PIL import Image

    pixels = np.asarray(Image.open(screenshot).convert("RGB"))
    assert pixels.shape == (9000, 1280, 3)
    dark = (pixels.mean(axis=2) < 128).mean()
    assert 0.01 < dark < 0.5  # text drawn on a white page, not blank and not black
    # the pies of section 2 are on this first 9000 px: their wedges in the charts' own colours
    for colour in PALETTE[:3]:
        rgb = [int(colour[n : n + 2], 16) for n in (1, 3, 5)]
        assert (pixels == rgb).all(axis=2).sum() > 500, colour
