"""`citystrategy compare`: a city among its peers on the shipped panel or a user's long CSV, in
Polish and in English, as text, JSON and CSV; its report through the report model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from citystrategy.cli import main
from citystrategy.compare import benchmark_group, compare, density, sample_panel
from citystrategy.reports.comparison import (
    comparison_data,
    comparison_report,
    format_comparison,
    indicator_name,
)
from citystrategy.reports.document import Chart, Table
from tests.language import english_words, identifiers, polish_words

ARGS = [
    "compare",
    "Kielce",
    "--peers",
    "population:100000-250000",
    "--indicators",
    "unemployment_rate,population_density",
    "--year",
    "2023",
]
#: The names of the cities of the 100–250 thousand class, as the data spell them.
CITY_NAMES = [
    "Wałbrzych",
    "Toruń",
    "Włocławek",
    "Zielona",
    "Góra",
    "Gorzów",
    "Wielkopolski",
    "Opole",
    "Rzeszów",
    "Tarnów",
    "Radom",
    "Płock",
    "Koszalin",
    "Elbląg",
    "Olsztyn",
    "Kielce",
    "Częstochowa",
    "Sosnowiec",
    "Bytom",
    "Gliwice",
    "Zabrze",
    "Tychy",
    "Rybnik",
    "Ruda",
    "Śląska",
    "Chorzów",
    "Dąbrowa",
    "Górnicza",
    "Bielsko-Biała",
    "Gdynia",
    "Białystok",
    "Lublin",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``main(argv)``."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _row(out: str, name: str) -> list[str]:
    """The cells of the text table's row of *name* (the first table that has it)."""
    for line in out.splitlines():
        cells = line.replace("▶", " ").split()
        if name in cells:
            return cells
    raise AssertionError(f"no row of {name!r}")


def test_compare_kielce_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    """Kielce, 4,6% in 2023, is 19th of 26 on unemployment (18 of the class are lower) and 9th
    on density (1 657,2 per km²; 8 denser: worked out from the panel file in
    tests/compare/test_compare.py's way)."""
    code, out, err = run(ARGS, capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (  # the peer group in words, the bounds as numbers with an en dash
        "Kielce wśród 26 jednostek terytorialnych grupy porównawczej "
        "(jednostki liczące 100\xa0000–250\xa0000 mieszkańców), 2023\xa0r."
    )
    assert "Stopa bezrobocia rejestrowanego (%; im mniej, tym lepiej)" in lines
    unemployment = next(line for line in lines if "▶ Kielce" in line)
    assert unemployment.split()[0] == "19"
    assert "4,6%" in unemployment
    assert "-0,6\xa0p.p." in unemployment
    density_row = [line for line in lines if "▶ Kielce" in line][1]
    assert density_row.split()[0] == "9"
    assert "1657,2" in density_row
    assert english_words(out, names=CITY_NAMES) == []
    assert identifiers(out, names=["population:100000-250000"]) == []


def test_compare_kielce_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """The same comparison in English, numbers in the English form."""
    code, out, err = run([*ARGS, "--locale", "en_GB"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(
        "Kielce among 26 territories of the peer group "
        "(territories of 100,000–250,000 inhabitants), 2023\n"
    )
    assert "Registered unemployment rate (%; lower is better)" in out
    assert "1,657.2" in out
    assert polish_words(out, names=CITY_NAMES) == []
    assert identifiers(out, names=["population:100000-250000"]) == []


def test_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: the peer group as data and a record per row, numbers as rounded strings."""
    code, out, err = run([*ARGS, "--format", "json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["peers"]["spec"] == "population:100000-250000"
    assert len(data["peers"]["members"]) == 26
    kielce = [r for r in data["rows"] if r["focus"]]
    assert [(r["indicator"], r["rank"], r["value"]) for r in kielce] == [
        ("unemployment_rate", 19, "4.6"),
        ("population_density", 9, "1657.2"),
    ]


def test_compare_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """CSV: the comparison table's columns, values without float noise, Polish by default."""
    code, out, err = run([*ARGS, "--format", "csv", "--peers", "benchmark"], capsys)
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    kielce = next(
        r for r in rows if r["name"] == "Kielce" and r["indicator"] == "unemployment_rate"
    )
    # Kielce 4.6 against the benchmark: best Olsztyn 2.1, so 2.5 from the best; median 4.1
    assert (kielce["rank"], kielce["to_best"], kielce["median"]) == ("5", "2,5", "4,10")
    assert kielce["change"] == "-0,60"  # 4,6% less 5,2% in 2021, not -0,600000000000001
    code, out, err = run(
        [*ARGS, "--format", "csv", "--peers", "benchmark", "--locale", "en"], capsys
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    kielce = next(
        r for r in rows if r["name"] == "Kielce" and r["indicator"] == "unemployment_rate"
    )
    assert (kielce["rank"], kielce["to_best"], kielce["median"]) == ("5", "2.5", "4.10")


def test_compare_csv_rounds_as_the_json_does(capsys: pytest.CaptureFixture[str]) -> None:
    """Every figure of the CSV is the JSON's, to the same decimals (a score to 4, not 10)."""
    argv = [*ARGS, "--peers", "benchmark", "--locale", "en"]
    assert main([*argv, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["rows"]
    assert main([*argv, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(data)
    keys = ("value", "percentile", "score", "z", "median", "to_median", "best", "to_best", "change")
    for row, record in zip(rows, data, strict=True):
        assert row["territory"] == record["territory"]
        for key in keys:
            assert row[key] == (record[key] or ""), (row["name"], key)


def test_compare_missing_values_are_counted(capsys: pytest.CaptureFixture[str]) -> None:
    """The 2023 REGON figures are not yet published: none ranked, all counted as missing."""
    argv = [*ARGS[:2], "--peers", "benchmark", "--indicators", "regon_entities_per_10k_population", "--year", "2023"]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert "6 jednostek bez wartości: bez miejsca w rankingu" in out
    code, out, err = run([*argv, "--locale", "en"], capsys)
    assert "6 territories without a value: not ranked" in out


def test_compare_shows_the_area_caveat(capsys: pytest.CaptureFixture[str]) -> None:
    """Gdańsk's density since 2021 crosses its 2023 area change: the caveat is printed."""
    argv = ["compare", "Gdańsk", "--peers", "list:Gdynia,Sopot", "--indicators", "population_density", "--year", "2023"]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert "Uwaga: w 2023\xa0r. do Gdańska (z 266 do 683\xa0km²)" in out
    code, out, err = run([*argv, "--locale", "en"], capsys)
    assert "Caveat: in 2023 Gdańsk (266 -> 683 km²)" in out


def test_compare_users_own_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--data reads a long CSV of districts; ids that are not in the register are kept as given.
    Higher is better needs no direction for a panel variable: a count of the user's does."""
    path = tmp_path / "osiedla.csv"
    path.write_text(
        "territory,indicator,unit,year,value\n"
        "os-1,unemployment_rate,%,2022,5\n"
        'os-2,unemployment_rate,%,2022,"3,5"\n'
        "os-3,unemployment_rate,%,2022,4\n"
        "os-1,unemployment_rate,%,2023,4\n"
        "os-2,unemployment_rate,%,2023,3\n"
        "os-3,unemployment_rate,%,2023,4\n",
        encoding="utf-8",
    )
    argv = ["compare", "os-1", "--peers", "list:os-2,os-3", "--indicators", "unemployment_rate", "--year", "2023", "--data", str(path), "--format", "json"]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    rows = {r["territory"]: r for r in json.loads(out)["rows"]}
    # 2023: os-2 3 (rank 1), os-1 and os-3 4 (tie: both rank 2); os-1 fell 1 p.p. since 2022
    assert {t: r["rank"] for t, r in rows.items()} == {"os-1": 2, "os-2": 1, "os-3": 2}
    assert rows["os-1"]["change"] == "-1.00"


def test_compare_bad_data_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed user file is one error naming the file, the line, the column and the text."""
    path = tmp_path / "bad.csv"
    path.write_text("territory,indicator,unit,year,value\nA,x,%,2023,abc\n", encoding="utf-8")
    argv = ["compare", "A", "--peers", "list:A", "--indicators", "x", "--year", "2023", "--data", str(path)]  # fmt: skip
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert "wiersz 2, kolumna „value”" in err
    assert "„abc”" in err
    code, out, err = run([*argv, "--locale", "en"], capsys)
    assert "line 2, column 'value'" in err


def test_compare_unknown_city_and_year(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown city suggests close names; a year without data names the years there are."""
    code, _, err = run(["compare", "Kielcee", "--indicators", "unemployment_rate", "--year", "2023"], capsys)  # fmt: skip
    assert code == 2
    assert "„Kielce (2661011)”" in err
    code, _, err = run(["compare", "Kielce", "--indicators", "unemployment_rate", "--year", "2030"], capsys)  # fmt: skip
    assert code == 2
    assert "brak danych za 2030\xa0r. („--year”); lata z danymi: 2021, 2022, 2023" in err
    code, _, err = run(["compare", "Kielce", "--indicators", "crime", "--year", "2023", "--peers", "benchmark"], capsys)  # fmt: skip
    assert code == 2
    assert "„crime”" in err


def _table() -> Any:
    return compare(
        density(sample_panel()),
        focus="Kielce",
        peers=benchmark_group(),
        indicators=["unemployment_rate", "population_density"],
        year=2023,
    )


def test_format_comparison_through_the_library() -> None:
    """The library's text is the command's, in both languages."""
    table = _table()
    polish = format_comparison(table, spec="benchmark")
    english = format_comparison(table, spec="benchmark", locale="en_GB")
    names = ["Kielce", "Białystok", "Lublin", "Olsztyn", "Opole", "Rzeszów"]
    assert english_words(polish, names=names) == []
    assert identifiers(polish) == []
    assert polish_words(english, names=names) == []
    assert identifiers(english) == []
    assert indicator_name("population_density", locale="en_GB") == "population density"
    assert indicator_name("my_indicator") == "my_indicator"


def test_comparison_data_keeps_missing_reasons() -> None:
    """A missing value is null with its reason and the panel's flag beside it."""
    table = compare(
        sample_panel(),
        focus="Kielce",
        peers=["Lublin"],
        indicators=["regon_entities_per_10k_population"],
        year=2023,
    )
    record = comparison_data(table)[0]
    assert record["value"] is None
    assert record["value_missing"] == "missing_in_source"
    assert record["flag"] == "not_published"
    assert record["rank"] is None
    assert record["rank_missing"] == "no_value"


def test_comparison_report_has_a_section_per_indicator() -> None:
    """The report: a section per indicator, each with the group's table and a chart."""
    report = comparison_report(_table(), spec="benchmark", locale="en_GB")
    assert report.title == "Kielce compared with its peers, 2023"
    assert [s.title for s in report.sections] == ["Registered unemployment rate", "Population density"]  # fmt: skip
    blocks = report.sections[0].blocks
    assert any(isinstance(b, Table) and len(b.frame) == 6 for b in blocks)
    assert any(isinstance(b, Chart) for b in blocks)
    assert comparison_report(_table(), spec="benchmark").title == (
        "Kielce na tle grupy porównawczej, 2023\xa0r."
    )


def test_the_file_report_has_what_the_text_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o file.md: each table as the text has it (unit and direction in its title, the change
    and the quadrant), with the caveats of the group under it (Gdynia's area, 2023)."""
    path = tmp_path / "porownanie.md"
    argv = ["compare", "kielce", "--indicators", "population_density", "--year", "2023"]
    assert main([*argv, "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(argv) == 0
    text = capsys.readouterr().out
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# Kielce na tle grupy porównawczej, 2023\xa0r.\n")
    assert "**Gęstość zaludnienia (os./km²; im więcej, tym lepiej)**" in written
    assert (
        "| miejsce | jednostka | wartość | wynik 0–1 | centyl | średnia roczna zmiana od 2021\xa0r."
        " | poziom i zmiana |"
    ) in written
    kielce = next(line for line in written.splitlines() if "▶ Kielce" in line)
    cells = [cell.strip() for cell in kielce.strip("|").split("|")]
    shown = next(line for line in text.splitlines() if "▶ Kielce" in line).split()
    assert cells[2:] == [shown[3], shown[4], shown[5], shown[6], " ".join(shown[7:])]
    caveats = [line for line in text.splitlines() if line.startswith("Uwaga: ")]
    assert len(caveats) == 2
    for caveat in caveats:
        assert caveat in written


def test_compare_to_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o file.xlsx writes the comparison report; an existing file is kept without --force."""
    import warnings

    import openpyxl

    path = tmp_path / "porownanie.xlsx"
    argv = [*ARGS, "--peers", "benchmark", "-o", str(path)]
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert out == f"zapisano raport w pliku {path}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(path)
    cells = [
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]
    assert "▶ Kielce" in cells  # the compared city marked, and shaded by a conditional format
    assert "Kielce" not in cells
    assert "Olsztyn" in cells
    sheet = book.worksheets[0]
    rules = [r for rng in sheet.conditional_formatting for r in rng.rules]
    assert any('"▶ Kielce"' in formula for r in rules for formula in r.formula)
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert "już istnieje" in err


@pytest.mark.parametrize(
    ("spec", "polish", "english"),
    [
        (
            "population-class",
            "jednostki tej samej klasy wielkości co badane miasto",
            "territories of the compared city's population class",
        ),
        ("powiat-rights", "miasta na prawach powiatu", "cities with powiat rights"),
        (
            "zmp",
            "członkowie Związku Miast Polskich (ZMP)",
            "members of the Association of Polish Cities (ZMP)",
        ),
        (
            "list:Kielce,Radom",
            "wybrane jednostki: Kielce, Radom",
            "chosen territories: Kielce, Radom",
        ),
        (
            "voivodeship:świętokrzyskie",
            "miasta na prawach powiatu, województwo świętokrzyskie",
            "cities with powiat rights, świętokrzyskie voivodeship",
        ),
        (
            "similar:2:unemployment_rate",
            "2 jednostki najbardziej podobne według wskaźników: stopa bezrobocia rejestrowanego",
            "the 2 territories most similar in registered unemployment rate",
        ),
        (
            "similar:5:unemployment_rate",
            "5 jednostek najbardziej podobnych według wskaźników: stopa bezrobocia rejestrowanego",
            "the 5 territories most similar in registered unemployment rate",
        ),
        ("benchmark", "benchmark", "benchmark"),  # a rule without words: as given
    ],
)
def test_the_peer_group_is_described_in_words(spec: str, polish: str, english: str) -> None:
    """The comparison names its peer group in words, in Polish and in English, never a raw spec."""
    from citystrategy.reports.comparison import _peers

    assert _peers(spec, "pl_PL") == polish
    assert _peers(spec, "en_GB") == english
    names = ["Kielce", "Radom", "świętokrzyskie", "ZMP", "benchmark"]
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []


def _strict(text: str) -> Any:
    """JSON as every parser reads it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_compare_among_zmp_members_with_changes_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Among the ZMP's 168 members most have no change since 2021 in the panel: their quadrant
    is '–' in the text and null with its reason in JSON, never a crash or a bare NaN."""
    args = ["compare", "kielce", "--peers", "zmp", "--indicators", "unemployment_rate", "--year", "2023"]  # fmt: skip
    assert main(args) == 0
    text = capsys.readouterr().out
    rows = [line for line in text.splitlines() if line.rstrip().endswith("  –")]
    assert len(rows) > 100
    assert main([*args, "--format", "json"]) == 0
    data = _strict(capsys.readouterr().out)
    missing = [row for row in data["rows"] if row["quadrant"] is None]
    assert len(missing) == len(rows)
    assert {row["quadrant_missing"] for row in missing} == {"no_value"}


def test_the_density_is_an_indicator_like_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    """population_density, derived from population and area, is listed among the known
    indicators and groups peers by similarity, as --help's example promises."""
    assert main(["compare", "kielce", "--indicators", "nope", "--year", "2023"]) == 2
    assert "„population_density”" in capsys.readouterr().err
    args = ["compare", "kielce", "--peers", "similar:5:population_density", "--indicators", "unemployment_rate", "--year", "2023"]  # fmt: skip
    assert main(args) == 0
    assert "5 jednostek najbardziej podobnych według wskaźników: gęstość zaludnienia" in (
        capsys.readouterr().out
    )


def test_a_change_across_a_break_of_the_series_is_not_compared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Gdynia's density changed by -41,66% a year since 2021 only because its area grew from 135
    to 391 km² in 2023: no change, no quadrant, and not in the group's median change; the JSON
    says why, the text shows '–'."""
    table = compare(
        density(sample_panel()),
        focus="Kielce",
        peers=["Gdynia", "Koszalin", "Lublin", "Radom"],
        indicators=["population_density"],
        year=2023,
    )
    broken = table[table.caveats != ""]
    assert sorted(broken.name) == ["Gdynia", "Koszalin"]
    assert broken.change.isna().all()
    assert broken.quadrant.isna().all()
    kept = table[table.caveats == ""]
    assert kept.change.notna().all()
    assert kept.quadrant.notna().all()
    records = {r["name"]: r for r in comparison_data(table)}
    assert records["Gdynia"]["change"] is None
    assert records["Gdynia"]["change_missing"] == "not_comparable"
    assert records["Gdynia"]["quadrant_missing"] == "not_comparable"
    # the median change is that of Kielce, Lublin and Radom alone: the middle one leads or not
    changes = sorted(float(c) for c in kept.change)
    assert len(changes) == 3
    middle = kept[kept.change == changes[1]]
    assert str(middle.quadrant.iloc[0]) in {"leading", "catching_up"}
