"""The indicator site: its pages, links, charts, CSV files, both languages and the CLI."""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from citystrategy.cities import kielce
from citystrategy.cli import main
from citystrategy.errors import ArgumentTypeError, OutputExistsError
from citystrategy.model import Strategy
from citystrategy.reports.site import site_slug, write_site
from tests.language import english_words, identifiers, polish_words
from tests.reports.test_html import CHROMIUM_FLAGS, Element, chromium, parse

YEAR = 2023
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def strategy() -> Strategy:
    """Kielce's strategy."""
    return kielce.load()


@pytest.fixture(scope="module")
def site(strategy: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Polish site for 2023, written once."""
    return write_site(strategy, YEAR, tmp_path_factory.mktemp("pl") / "site")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The English site, written by the CLI with --force over a folder holding a file."""
    folder = tmp_path_factory.mktemp("en") / "site"
    folder.mkdir()
    (folder / "old.txt").write_text("old", encoding="utf-8")
    out = io.StringIO()
    args = ["report", "kielce", "--year", str(YEAR), "--site", str(folder), "--force"]
    with contextlib.redirect_stdout(out):
        code = main([*args, "--locale", "en"])
    assert code == 0
    return folder, out.getvalue()


def metadata(page: Element) -> dict[str, str]:
    """An indicator page's metadata: each term (``dt``) and its value (``dd``)."""
    terms = [e.text() for e in page.find_all("dt")]
    return dict(zip(terms, [e.text() for e in page.find_all("dd")], strict=True))


def pages(folder: Path) -> list[Path]:
    """Every HTML page of the site."""
    return sorted(folder.rglob("*.html"))


def read(path: Path) -> Element:
    """The parsed page."""
    return parse(path.read_text(encoding="utf-8"))


def test_one_page_per_goal_and_indicator(site: Path, strategy: Strategy) -> None:
    """The site has the index, a page per strategic goal and per indicator: 1 + 4 + 112."""
    assert len(strategy.strategic_goals) == 4
    assert len({i.code for i in strategy.indicators}) == 112
    assert len(pages(site)) == 1 + 4 + 112
    assert len(list((site / "goals").glob("*.html"))) == 4
    assert len(list((site / "indicators").glob("*.html"))) == 112
    assert len(list((site / "indicators").glob("*.csv"))) == 112
    assert all(
        re.fullmatch(r"[a-z0-9-]+\.(html|csv)", p.name)
        for p in site.rglob("*.*")
        if p.name != "style.css"
    )


def test_every_link_resolves_inside_the_folder(site: Path) -> None:
    """Every href and src of every page is relative and names a file of the folder."""
    checked = 0
    for page in pages(site):
        for element in read(page).iter():
            for name in ("href", "src", "xlink:href"):
                link = element.attrs.get(name)
                if link is None or link.startswith("#"):
                    continue
                assert "://" not in link, (page, link)
                assert not link.startswith("/"), (page, link)
                target = (page.parent / link.split("#")[0]).resolve()
                assert target.is_file(), (page, link)
                assert site.resolve() in target.parents, (page, link)
                checked += 1
    assert checked > 117 * 2  # the style sheet and the breadcrumbs of every page at least


def test_no_external_address_or_script(site: Path) -> None:
    """No page or style sheet names an address outside the folder, and none has a script."""
    for path in [*pages(site), site / "style.css"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://|//www\.|url\((?!#)", text), path
        assert "<script" not in text, path


def test_index_summarises_each_goal(site: Path, strategy: Strategy) -> None:
    """The index counts each goal's indicators by status (icon, word, colour) and links its page."""
    index = read(site / "index.html")
    assert index.find_all("html")[0].attrs["lang"] == "pl"
    assert strategy.title in index.find_all("h1")[0].text()
    rows = index.find_all("table")[0].find_all("tr")[1:]
    assert len(rows) == 4
    for goal, row in zip(strategy.strategic_goals, rows, strict=True):
        cells = row.find_all("td")
        counts = [int(c.text().split()[-1]) for c in cells[1:]]
        own = [i for i in strategy.indicators if i.goal_code.split(".")[0] == goal.code]
        assert counts[-1] == len(own) == sum(counts[:-1])
        for cell, count in zip(cells[1:-1], counts[:-1], strict=True):
            assert ("tone-" in cell.attrs.get("class", "")) == (count > 0)
            assert bool(cell.find_all("span")) == (count > 0)  # the icon
    links = [a.attrs["href"] for a in index.find_all("a")]
    assert [f"goals/goal-{g.code}.html" for g in strategy.strategic_goals] == links


def test_goal_page_lists_its_indicators(site: Path, strategy: Strategy) -> None:
    """A goal page lists its operational goals, its indicators with links, and its chart."""
    goal = strategy.strategic_goals[2]
    page = read(site / "goals" / f"goal-{goal.code}.html")
    text = page.text()
    for operational in goal.operational_goals:
        assert operational.name in text
    own = [i for i in strategy.indicators if i.goal_code.split(".")[0] == goal.code]
    hrefs = {a.attrs["href"] for a in page.find_all("a")}
    for indicator in own:
        assert f"../indicators/{site_slug(indicator.code)}.html" in hrefs
    assert len(page.find_all("table")[0].find_all("tr")) == len(own) + 1
    assert len(page.find_all("svg")) == 1
    assert "../index.html" in hrefs  # the breadcrumbs


def test_indicator_pages_draw_their_targets(site: Path, strategy: Strategy) -> None:
    """Each indicator page with a value has its chart, and the target is drawn when it has one."""
    charts = targets = 0
    for indicator in strategy.indicators:
        page = read(site / "indicators" / f"{site_slug(indicator.code)}.html")
        valued = any(o.value is not None for o in strategy.observations_of(indicator.code))
        svgs = page.find_all("svg")
        assert len(svgs) == (1 if valued else 0), indicator.code
        if not svgs:
            continue
        charts += 1
        ids = {e.attrs.get("id", "") for e in svgs[0].iter()}
        if indicator.target is not None:
            targets += 1
            assert "chart-target" in ids, indicator.code
            assert "chart-target-year" in ids, indicator.code
        else:
            assert "chart-target" not in ids
    assert charts >= 100
    assert targets >= 1


def test_indicator_metadata(site: Path, strategy: Strategy) -> None:
    """The metadata of KIE-3.1-01: unit, direction, target kind, target and its year, source."""
    indicator = next(i for i in strategy.indicators if i.code == "KIE-3.1-01")
    page = read(site / "indicators" / "kie-3-1-01.html")
    values = metadata(page)
    assert values["Jednostka"] == "zł"
    assert values["Rok docelowy"] == "2030"
    assert values["Rodzaj wartości docelowej"] == "co najmniej"
    assert values["Wartość docelowa"] == "co najmniej 1\xa0746\xa0990\xa0947,00\xa0zł"
    assert values["Źródło"] == indicator.source
    crumbs = [a.attrs["href"] for a in page.find_all("nav")[0].find_all("a")]
    assert crumbs == ["../index.html", "../goals/goal-3.html"]


def test_a_count_s_unit_is_named_in_words(site: Path, english: tuple[Path, str]) -> None:
    """A plain count (KIE-2.3-01, reports in the app) has the unit "liczba", never ``count``."""
    page = read(site / "indicators" / "kie-2-3-01.html")
    values = metadata(page)
    assert values["Jednostka"] == "liczba"
    page = read(english[0] / "indicators" / "kie-2-3-01.html")
    values = metadata(page)
    assert values["Unit"] == "number"


def test_a_value_with_its_own_source_shows_it(strategy: Strategy, tmp_path: Path) -> None:
    """A value with a source of its own adds a source column to its indicator's values table."""
    goal = strategy.strategic_goals[0]
    own = [i for i in strategy.indicators if i.goal_code.split(".")[0] == goal.code]
    form = "Formularz danych za 2023 r.: Biuro Smart City"
    observations = tuple(
        attrs.evolve(o, source=form) if (o.indicator, o.year) == (own[0].code, YEAR) else o
        for o in strategy.observations
        if o.indicator in {i.code for i in own}
    )
    small = attrs.evolve(
        strategy, strategic_goals=(goal,), indicators=tuple(own), observations=observations
    )
    folder = write_site(small, YEAR, tmp_path / "site")
    rows = [
        [cell.text() for cell in row.find_all("td")]
        for row in read(folder / "indicators" / f"{site_slug(own[0].code)}.html").find_all("tr")
    ]
    sources = {row[0]: row[-1] for row in rows if row and row[0].isdigit()}
    assert sources == {"2022": own[0].source, str(YEAR): form}
    other = read(folder / "indicators" / f"{site_slug(own[1].code)}.html")
    assert "Źródło" not in [cell.text() for cell in other.find_all("th")]


def test_survey_indicator_has_sample_and_interval(site: Path, strategy: Strategy) -> None:
    """KIE-1-01 (a survey share) shows the sample size of the data and its 95% Wilson interval."""
    sample = strategy.observation(strategy.survey_responses_indicator or "", YEAR)
    share = strategy.observation("KIE-1-01", YEAR)
    assert sample is not None and sample.value is not None  # noqa: PT018
    assert share is not None and share.value is not None  # noqa: PT018
    page = read(site / "indicators" / "kie-1-01.html")
    values = metadata(page)
    n = int(sample.value)
    assert values["Liczebność próby badania ankietowego"].replace("\xa0", "") == str(n)
    p, z = float(share.value) / 100, 1.959964
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low, high = (f"{100 * v:.1f}%".replace(".", ",") for v in (centre - half, centre + half))
    assert values["Przedział ufności"] == f"{low}–{high}"


def test_csv_reads_back_with_the_values(site: Path, strategy: Strategy) -> None:
    """Each CSV (Polish: ';' and a decimal comma) reads back with the indicator's values."""
    for indicator in strategy.indicators:
        path = site / "indicators" / f"{site_slug(indicator.code)}.csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        observed = sorted(
            (
                o
                for o in strategy.observations_of(indicator.code)
                if o.territory == strategy.territory.id
            ),
            key=lambda o: o.year,
        )
        assert len(rows) == len(observed) + 1
        for row, observation in zip(rows[1:], observed, strict=True):
            assert int(row[0]) == observation.year
            if observation.value is None:
                assert row[1] == ""
            else:
                assert Decimal(row[1].replace(",", ".")) == observation.value
    page = read(site / "indicators" / "kie-3-1-01.html")
    assert "kie-3-1-01.csv" in [a.attrs["href"] for a in page.find_all("a")]


def test_english_site_by_the_cli(english: tuple[Path, str], strategy: Strategy) -> None:
    """The CLI writes the English site over an old folder with --force; RFC 4180 CSV."""
    folder, said = english
    assert str(folder) in said
    assert not (folder / "old.txt").exists()
    assert len(pages(folder)) == 117
    names = [
        strategy.title,
        *(g.name for g in strategy.strategic_goals),
        *(o.name for o in strategy.operational_goals),
        *(i.name for i in strategy.indicators),
        *(i.source for i in strategy.indicators),
    ]
    for path in (folder / "index.html", folder / "indicators" / "kie-3-1-01.html"):
        page = read(path)
        assert page.find_all("html")[0].attrs["lang"] == "en"
        text = page.find_all("main")[0].text()
        assert polish_words(text, names=names) == []
        assert identifiers(text, names=names) == []
    csv_text = (folder / "indicators" / "kie-3-1-01.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("Year,")
    assert "1679523470.54" in csv_text


def test_polish_words(site: Path, strategy: Strategy) -> None:
    """The Polish pages have no English words: neither the site's own nor the data's notes on
    an indicator (the Kielce data's notes are Polish, as its names are)."""
    names = [
        strategy.title,
        *(g.name for g in strategy.strategic_goals),
        *(o.name for o in strategy.operational_goals),
        *(i.name for i in strategy.indicators),
        *(i.source for i in strategy.indicators),
    ]
    noted = [i for i in strategy.indicators if i.note]
    assert len(noted) == 73
    for path in (
        site / "index.html",
        *sorted((site / "indicators").glob("*.html")),
        site / "goals" / "goal-1.html",
    ):
        text = read(path).find_all("main")[0].text()
        assert english_words(text, names=names) == []
        assert identifiers(text, names=names) == []


def test_cli_refuses_a_folder_with_files(tmp_path: Path) -> None:
    """Without --force the CLI refuses a folder holding files, and needs -o or --site."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    args = ["report", "kielce", "--year", str(YEAR), "--site", str(folder)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(args) != 0
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "keep"
    assert str(folder) in err.getvalue()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["report", "kielce", "--year", str(YEAR)]) != 0
    assert "--site" in err.getvalue()
    with pytest.raises(OutputExistsError):
        write_site(kielce.load(), YEAR, folder)


def test_names_are_escaped(strategy: Strategy, tmp_path: Path) -> None:
    """An indicator named <script> appears as text on its page, its goal's page and nowhere as markup."""
    goal = strategy.strategic_goals[0]
    own = [i for i in strategy.indicators if i.goal_code.split(".")[0] == goal.code]
    renamed = [attrs.evolve(own[0], name=SCRIPT), *own[1:]]
    codes = {i.code for i in own}
    small = attrs.evolve(
        strategy,
        strategic_goals=(goal,),
        indicators=tuple(renamed),
        observations=tuple(o for o in strategy.observations if o.indicator in codes),
    )
    folder = write_site(small, YEAR, tmp_path / "site", locale="en_GB")
    for path in (
        folder / "indicators" / f"{site_slug(own[0].code)}.html",
        folder / "goals" / f"goal-{goal.code}.html",
    ):
        text = path.read_text(encoding="utf-8")
        assert SCRIPT not in text
        assert "&lt;script&gt;" in text
        assert SCRIPT in read(path).text()


def test_bad_arguments(strategy: Strategy, tmp_path: Path) -> None:
    """A wrong type of argument is a typed error, and a code without letters has no slug."""
    with pytest.raises(ArgumentTypeError):
        write_site("kielce", YEAR, tmp_path)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        write_site(strategy, YEAR, 5)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError):
        site_slug(1)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["index.html", "indicators/kie-3-1-01.html"])
def test_chromium_renders_the_site_offline(site: Path, name: str, tmp_path: Path) -> None:
    """Headless Chromium, with no network, draws the index and an indicator page (not blank)."""
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    screenshot = tmp_path / "page.png"
    subprocess.run(
        [*command, "--window-size=1280,1400", f"--screenshot={screenshot}", (site / name).as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    from matplotlib import image

    pixels = image.imread(screenshot)
    assert pixels.shape[:2] == (1400, 1280)
    dark = (pixels[..., :3].mean(axis=2) < 0.5).mean()
    assert 0.005 < dark < 0.5  # text and chart drawn on a white page, not blank and not black
    coloured = (pixels[..., :3].max(axis=2) - pixels[..., :3].min(axis=2) > 0.2).mean()
    assert coloured > 0.001  # the status colours, or the chart's lines
