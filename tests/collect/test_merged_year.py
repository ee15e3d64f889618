"""A merged 2024 folder reported on: a year without a value shows no earlier trend, a missing
value is said in words, and a reason chosen in a form is the one the report and the log give."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from citystrategy.cli import main
from citystrategy.collect import log_table, merge_forms, write_forms, write_merge
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Strategy
from citystrategy.progress import assess
from citystrategy.reports.cells import reason_words, table_rows
from citystrategy.reports.document import Table
from citystrategy.reports.tables import indicator_values_table, indicators_section
from tests.collect.helpers import fill, row_of, tsv
from tests.collect.test_merge import fill_all
from tests.language import english_words, identifiers, polish_words

IND = "Wskaźniki"
#: The reasons the units choose: a survey share (12,3% in 2022, 5,2% in 2023) that did not
#: occur, an unemployment share (39,5%, 36,3%) not applicable, and a count published late.
CHOSEN = {
    "KIE-1-01": "– zjawisko nie wystąpiło",
    "KIE-1.1-02": "x nie dotyczy",
    "KIE-3.3-04": "- * brak danych w terminie (jeszcze nieopublikowane)",
}
#: The words of each reason, as the form's list gives them in Polish.
WORDS = {
    "KIE-1-01": "zjawisko nie wystąpiło",
    "KIE-1.1-02": "nie dotyczy",
    "KIE-3.3-04": "brak danych w terminie (jeszcze nieopublikowane)",
}
#: The same reasons as the data keep them: the form list's messages, which every reader reads
#: in their own language (as the meanings of GUS's signs).
STORED = {
    "KIE-1-01": "the phenomenon did not occur",
    "KIE-1.1-02": "not applicable",
    "KIE-3.3-04": "no data yet at the deadline (not yet published)",
}
#: Kielce's own meaning of '- *' in its 2023 report, which a 2024 reason must not become.
KIELCE_FOOTNOTE = "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS"


@pytest.fixture(scope="module")
def merged(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Kielce's four 2024 forms filled with the 2023 values, the reasons above chosen, merged
    and written: the folder and its log."""
    folder = tmp_path_factory.mktemp("merged")
    forms = write_forms(kielce, 2024, folder / "formularze")
    for form in forms:
        fill_all(form)
    for code, reason in CHOSEN.items():
        form = next(f for f in forms if _has(f, code))
        row = row_of(form, IND, code)
        fill(form, {(IND, f"I{row}"): None, (IND, f"J{row}"): reason})
    result = merge_forms(kielce, 2024, forms)
    assert result.ok, result.errors
    return write_merge(result, folder / "kielce-2024")


def _has(form: Path, code: str) -> bool:
    """Whether *form* has a row of the indicator *code*."""
    try:
        row_of(form, IND, code)
    except AssertionError:
        return False
    return True


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard output of a successful command."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


def _line(text: str, code: str) -> str:
    """The first line of the row of *code*."""
    return next(line for line in text.splitlines() if line.startswith(code + " "))


def test_a_year_without_a_value_shows_no_trend_of_earlier_years(merged: tuple[Path, Path]) -> None:
    """No 2024 value: no change, no trend and no survey test of 2022→2023; 2023 is previous."""
    shipped = {row["code"]: row for row in tsv("indicators.tsv")}
    assert (shipped["KIE-1-01"]["value_2022"], shipped["KIE-1-01"]["value_2023"]) == (
        "12,3 %",
        "5,2 %",
    )
    strategy = read_strategy(merged[0])
    table = assess(strategy, year=2024).set_index("code")
    for code in ("KIE-1-01", "KIE-1.1-02"):
        row = table.loc[code].to_dict()
        assert row["value"] is None
        assert row["change"] is None
        assert row["trend"] == "not_assessable"
        assert (row["previous_year"], row["current_year"]) == (2023, 2023)
        assert math.isnan(float(row["p_value"]))
        assert math.isnan(float(row["interval_low"]))
        assert math.isnan(float(row["interval_high"]))
    assert str(table.loc["KIE-1-01", "previous_value"]) == "5.2"
    assert str(table.loc["KIE-1.1-02", "previous_value"]) == "36.3"
    # the 2023 share's interval is the previous one (5,2% of 248 answers)
    low, high = _wilson(0.052, 248)
    assert table.loc["KIE-1-01", "previous_interval_low"] == pytest.approx(low)
    assert table.loc["KIE-1-01", "previous_interval_high"] == pytest.approx(high)
    values = indicator_values_table(strategy, 2024).set_index("code")
    assert values.loc["KIE-1-01", "trend"] == "not_assessable"
    assert values.loc["KIE-1-01", "significant"] is pd.NA  # no test of the change


def _wilson(share: float, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """The 95% Wilson interval of *share* of *n* answers, in percent (computed here)."""
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half) * 100, (centre + half) * 100


@pytest.mark.parametrize(
    ("locale", "trend", "previous"),
    [("pl_PL", "brak oceny", "5,2%"), ("en_GB", "not assessable", "5.2%")],
    ids=["pl", "en"],
)
def test_section_3_shows_the_reason_and_no_trend(
    merged: tuple[Path, Path], locale: str, trend: str, previous: str
) -> None:
    """The report's table: the unit's reason in the value cell, the trend not assessable."""
    strategy = read_strategy(merged[0])
    section = indicators_section(strategy, 2024, locale=locale)
    tables = [block for block in section.blocks if isinstance(block, Table)]
    rows = {}
    for table in tables:
        titles = [column.title for column in table.columns]
        for cells in table_rows(table, locale=locale):
            rows[cells[titles.index(titles[1])]] = dict(zip(titles, cells, strict=True))
    for code, words in (WORDS if locale == "pl_PL" else STORED).items():
        row = rows[code]
        value = next(cell for title, cell in row.items() if "2024" in title)
        assert words in value
        assert KIELCE_FOOTNOTE not in value
        assert row["Trend"] == trend
    assert previous in rows["KIE-1-01"].values()  # 2023's value, with 2023 as previous year


def test_the_report_and_the_log_say_the_reason_the_unit_chose(merged: tuple[Path, Path]) -> None:
    """'- *' chosen in 2024 reads as the form's words in the data, the report and the log."""
    folder, log = merged
    strategy = read_strategy(folder)
    late = strategy.observation("KIE-3.3-04", 2024)
    assert late is not None
    assert late.missing is not None
    assert (late.missing.marker, late.missing.text) == ("- *", STORED["KIE-3.3-04"])
    earlier = strategy.observation("KIE-3.3-04", 2023)  # the 2023 report's '- *' keeps its meaning
    assert earlier is not None
    assert earlier.missing is not None
    assert earlier.missing.code == "not_yet_in_bdl"
    assert earlier.missing.text.startswith(KIELCE_FOOTNOTE)
    values = indicator_values_table(strategy, 2024).set_index("code")
    text = log.read_text("utf-8-sig")
    for code, words in WORDS.items():
        assert values.loc[code, "missing_reason"] == STORED[code]  # the data, as kept
        line = next(line for line in text.splitlines() if f";{code};2024;" in line)
        assert f";{words};" in line
    header = (folder / "indicators.tsv").read_text("utf-8").splitlines()[0].split("\t")
    assert "reason_2024" in header
    assert "reason_2023" not in header


def test_the_log_table_words_the_reason_as_the_data(kielce: Strategy, tmp_path: Path) -> None:
    """The log's reason cell and the merged observation's reason are the same words."""
    forms = write_forms(kielce, 2024, tmp_path)
    for form in forms:
        fill_all(form)
    result = merge_forms(kielce, 2024, forms)
    table = log_table(result)
    reason_column = [c.key for c in table.columns].index("marker")
    rows = table_rows(table)
    codes = [c.key for c in table.columns].index("code")
    for cells in rows:
        observation = result.strategy.observation(cells[codes], 2024)
        if observation is not None and observation.missing is not None:
            assert cells[reason_column] == reason_words(observation.missing.text, "pl_PL")


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_assess_says_a_missing_value_in_words(
    merged: tuple[Path, Path], locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """assess on the merged folder: the reason in the value cell, no sign alone, no old trend."""
    folder = str(merged[0])
    out = _run(["--locale", locale, "assess", folder, "--year", "2024"], capsys)
    strategy = read_strategy(merged[0])
    names = [i.name for i in strategy.indicators]
    names += [g.name for g in strategy.strategic_goals]
    names += [o.name for g in strategy.strategic_goals for o in g.operational_goals]
    names += [o.missing.text.rstrip(". ") for o in strategy.observations if o.missing]
    names += [o.missing.text for o in strategy.observations if o.missing]
    assert identifiers(out, names=names) == []
    if locale == "pl":
        assert english_words(out, names=names) == []
        trend = "brak oceny"
    else:
        assert polish_words(out, names=names) == []
        trend = "not assessable"
    for code, words in (WORDS if locale == "pl" else STORED).items():
        line = _line(out, code)
        assert words in line
        assert f"  {trend}  " in line
    survey = out.split("\n\n")[4]  # the survey table: no test of KIE-1-01's earlier pair
    assert "\nKIE-1-01 " not in survey
    assert "\nKIE-2-01 " in survey


def test_assess_csv_and_json_keep_the_reason_beside_an_empty_value(
    merged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """csv: an empty value, the sign and the reason in their own columns; json: null beside."""
    folder = str(merged[0])
    out = _run(["assess", folder, "--year", "2024", "--format", "csv"], capsys)
    lines = out.lstrip("\ufeff").splitlines()
    header = lines[0].split(";")
    row = dict(
        zip(header, next(line for line in lines if ";KIE-1.1-02;" in line).split(";"), strict=False)
    )
    # the data's own text, as every reason in csv and json (a machine's format, keys in English)
    assert (row["value"], row["missing_marker"], row["missing_reason"]) == (
        "",
        "x",
        STORED["KIE-1.1-02"],
    )
    assert (row["change"], row["trend"], row["p_value"]) == ("", "not_assessable", "")
    data = json.loads(_run(["assess", folder, "--year", "2024", "--format", "json"], capsys))
    record = next(r for r in data["indicators"] if r["code"] == "KIE-3.3-04")
    assert record["value"] is None
    assert record["value_missing"] == "missing_in_source"
    assert (record["missing_marker"], record["missing_reason"]) == ("- *", STORED["KIE-3.3-04"])
    assert record["trend"] == "not_assessable"


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        (
            "pl_PL",
            "W 2024\xa0r. nie zrealizowano żadnego projektu; raport nie podaje danych o projektach.",
        ),
        (
            "en_GB",
            "No project was completed in 2024; the report declares no figures on projects.",
        ),
    ],
)
def test_a_year_without_a_completed_project_says_so_once(
    merged: tuple[Path, Path], locale: str, sentence: str
) -> None:
    """Section 2 of a year no form reported a project completed in, and whose report declares
    no figures: one sentence, no empty list, no table or chart of zeros; the catalogue's chart
    stays."""
    from citystrategy.reports.document import Chart, Paragraph
    from citystrategy.reports.tables import projects_section

    strategy = read_strategy(merged[0])
    assert [p for p in strategy.projects if p.completed_in == 2024] == []
    blocks = projects_section(strategy, 2024, locale=locale).blocks
    texts = [block.text for block in blocks if isinstance(block, Paragraph)]
    assert texts[0] == sentence
    assert [block.name for block in blocks if isinstance(block, Table)] == []
    charts = [block for block in blocks if isinstance(block, Chart)]
    assert [chart.table.name for chart in charts] == ["spending_catalogue"]


def test_summary_says_the_same_sentence(
    merged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`summary` of that year says what section 2 says, and shows no table of zeros."""
    out = _run(["summary", str(merged[0]), "--year", "2024"], capsys)
    sentence = (
        "W 2024\xa0r. nie zrealizowano żadnego projektu; raport nie podaje danych o projektach."
    )
    assert sentence in out.replace("\n", " ")
    assert "0,00\xa0zł" not in out
