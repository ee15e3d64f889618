"""Tests of the assess text: figures formatted from values, names whole, words from the catalogue,
in Polish and in English, through the command and through format_assessment."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest

from citystrategy.cli import main
from citystrategy.errors import ArgumentError
from citystrategy.model import Strategy, Target
from citystrategy.percent import Percent
from citystrategy.progress import assess, assess_goals
from citystrategy.reports import format_assessment
from citystrategy.units import Q_
from tests.language import english_words, identifiers, polish_words

NBSP = "\xa0"
ASSESS = ["assess", "kielce", "--year", "2023"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The standard output of a successful command (main writes to a capture: not a terminal)."""
    code = main(argv)
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    return captured.out


def _names(strategy: Strategy) -> list[str]:
    """The data's own words: indicator and goal names and the source's reasons for a gap."""
    names = [indicator.name for indicator in strategy.indicators]
    for goal in strategy.strategic_goals:
        names += [goal.name, *(operational.name for operational in goal.operational_goals)]
    # the source's reasons of missing values, as printed and as the notes quote them (no final stop)
    names += [o.missing.text for o in strategy.observations if o.missing is not None]
    names += [o.missing.text.rstrip(". ") for o in strategy.observations if o.missing is not None]
    return names


def _targets(strategy: Strategy) -> dict[str, Target | None]:
    """The targets by indicator code, as the command passes them."""
    return {indicator.code: indicator.target for indicator in strategy.indicators}


def _row(text: str, code: str) -> str:
    """The first line of the indicator table's row of *code*."""
    return next(line for line in text.splitlines() if line.startswith(code + " "))


def _cells(line: str) -> list[str]:
    """The cells of a table line: split at spaces, never at no-break spaces."""
    return [cell for cell in line.split(" ") if cell]


def _survey_row(text: str, code: str) -> str:
    """The line of *code* in the survey table (the second table)."""
    survey = text.split("\n\n")[4]  # title, table, counts, survey title, survey table
    return next(line for line in survey.splitlines() if line.startswith(code + " "))


def test_the_polish_output_reads_as_polish(
    kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """assess in Polish: no identifier, no English word outside the data's names."""
    out = _run(ASSESS, capsys)
    assert identifiers(out, names=_names(kielce)) == []
    assert english_words(out, names=_names(kielce)) == []
    assert out.startswith(f"Ocena postępu wskaźników: 2023{NBSP}r. (metoda: wskaźnik postępu")
    assert "Oceny (112 wskaźników): cel osiągnięty 24, " in out
    assert "\nUwagi:\n" in out


def test_the_english_output_reads_as_english(
    kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """assess --locale en_GB: no identifier, no Polish word outside the data's names."""
    out = _run([*ASSESS, "--locale", "en_GB"], capsys)
    assert identifiers(out, names=_names(kielce)) == []
    assert polish_words(out, names=_names(kielce)) == []
    assert out.startswith("Progress of the indicators: 2023 (method: progress ratio")
    assert "Statuses (112 indicators): target achieved 24, " in out
    header = out.splitlines()[2].split()
    assert header == [
        "Code", "Indicator", "Previous", "Current", "Change", "Trend", "Target", "Status", "Score"
    ]  # fmt: skip


def test_piped_output_keeps_every_name_whole(
    kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a terminal: each indicator's and goal's full name is on its row, nothing is cut."""
    out = _run(ASSESS, capsys)
    assert "…" not in out
    for indicator in kielce.indicators:
        assert indicator.name in _row(out, indicator.code)
    for goal in kielce.strategic_goals:
        for operational in goal.operational_goals:
            line = next(row for row in out.splitlines() if row.startswith(operational.code + " "))
            assert operational.name in line


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "pl_PL",
            {
                "KIE-1-01": f"≥{NBSP}14,3%",  # printed 14,3%
                "KIE-1.1-02": f"≤{NBSP}60%",  # printed 60%
                "KIE-2.4-01": f"≤{NBSP}20",  # printed 20 ug/m3, the unit beside the name
                "KIE-2.4-09": f"≤{NBSP}23{NBSP}594,78",  # printed 23594,78 MWh
                "KIE-1.3-03": f"≥{NBSP}10{NBSP}000{NBSP}000,00{NBSP}zł",  # printed 10 000 000 zł
            },
        ),
        (
            "en_GB",
            {
                "KIE-1-01": f"≥{NBSP}14.3%",
                "KIE-1.1-02": f"≤{NBSP}60%",
                "KIE-2.4-01": f"≤{NBSP}20",
                "KIE-2.4-09": f"≤{NBSP}23,594.78",
                "KIE-1.3-03": f"≥{NBSP}PLN{NBSP}10,000,000.00",
            },
        ),
    ],
    ids=["pl", "en"],
)
def test_targets_are_formatted_from_their_values(
    locale: str, expected: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The target column shows each target's kind and value in the locale, not its printed text."""
    out = _run([*ASSESS, "--locale", locale], capsys)
    for code, target in expected.items():
        assert f"  {target}  " in _row(out, code), code
    for raw in ("23594,78 MWh", "ug/m3", "<45", "14,3%" if locale == "en_GB" else "14.3%"):
        assert raw not in out


def _p_value(p1: float, n1: int, p2: float, n2: int) -> float:
    """The two-sided p-value of a pooled two-proportion z-test, computed here from scratch."""
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = abs(p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return math.erfc(z / math.sqrt(2))


def test_p_values_under_a_thousandth_read_as_less_than(capsys: pytest.CaptureFixture[str]) -> None:
    """38,5% → 22,2% (593 and 248 responses) gives p < 0,001; 12,3% → 5,2% gives p = 0,002."""
    tiny = _p_value(0.385, 593, 0.222, 248)
    small = _p_value(0.123, 593, 0.052, 248)
    assert tiny < 0.001 <= small
    shown = Decimal(repr(small)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    assert shown == Decimal("0.002")
    out = _run(ASSESS, capsys)
    assert f"  <{NBSP}0,001  " in _survey_row(out, "KIE-4-01")
    assert "  0,002  " in _survey_row(out, "KIE-1-01")
    assert "0,000" not in out
    english = _run([*ASSESS, "--locale", "en_GB"], capsys)
    assert f"  <{NBSP}0.001  " in _survey_row(english, "KIE-4-01")


@pytest.mark.parametrize(
    ("count", "polish", "english"),
    [
        (1, "Oceny (1 wskaźnik)", "Statuses (1 indicator)"),
        (2, "Oceny (2 wskaźniki)", "Statuses (2 indicators)"),
        (5, "Oceny (5 wskaźników)", "Statuses (5 indicators)"),
        (12, "Oceny (12 wskaźników)", "Statuses (12 indicators)"),
        (22, "Oceny (22 wskaźniki)", "Statuses (22 indicators)"),
    ],
    ids=["one", "few", "many", "teen", "twenty-two"],
)
def test_the_count_of_indicators_agrees_with_its_number(
    kielce: Strategy, count: int, polish: str, english: str
) -> None:
    """The statuses line names the indicators in the plural form of their count."""
    table = assess(kielce, year=2023).head(count)
    assert polish + ": " in format_assessment(table, year=2023)
    assert english + ": " in format_assessment(table, year=2023, locale="en_GB")


def test_format_assessment_in_both_languages(kielce: Strategy) -> None:
    """The library function, with goals and targets, reads as Polish and as English."""
    table = assess(kielce, year=2023)
    goals = assess_goals(kielce, year=2023, table=table)
    targets = _targets(kielce)
    polish = format_assessment(table, goals, year=2023, targets=targets)
    english = format_assessment(table, goals, year=2023, targets=targets, locale="en_GB")
    names = _names(kielce)
    assert identifiers(polish, names=names) == identifiers(english, names=names) == []
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []
    assert "Ocena celów (średnia wyników wskaźników, pokrycie co najmniej 60%)" in polish
    assert "Goals (mean indicator score, coverage at least 60%)" in english


def test_without_targets_the_value_assessed_is_shown(kielce: Strategy) -> None:
    """Without the model's targets the column shows the value assessed against, with no bound."""
    text = format_assessment(assess(kielce, year=2023), year=2023, columns=["code", "target"])
    assert _cells(_row(text, "KIE-1.1-02")) == ["KIE-1.1-02", "60%"]
    assert _cells(_row(text, "KIE-2.4-09")) == ["KIE-2.4-09", f"23{NBSP}594,78"]


def test_columns_are_chosen_by_key_or_title(capsys: pytest.CaptureFixture[str]) -> None:
    """--columns picks and orders the indicator table's columns by key or by title, any case."""
    out = _run([*ASSESS, "--columns", "kod,Wartość docelowa,STATUS"], capsys)
    assert re.split(r"\s{2,}", out.splitlines()[2]) == ["Kod", "Wartość docelowa", "Ocena"]
    assert re.split(r"\s{2,}", _row(out, "KIE-2.4-09")) == [
        "KIE-2.4-09",
        f"≤{NBSP}23{NBSP}594,78",
        "regres",
    ]
    english = _run([*ASSESS, "--locale", "en_GB", "--columns", "Target,code"], capsys)
    assert english.splitlines()[2].split() == ["Target", "Code"]


@pytest.mark.parametrize(
    ("columns", "shows"),
    [
        ("kod,foo", ["„foo”", "„score”", "„Wartość docelowa”", "„previous_value”"]),
        ("kod,code", ["każda kolumna raz („code” podano dwa razy)"]),
        ("", ["„”"]),
    ],
    ids=["unknown", "twice", "empty"],
)
def test_a_bad_column_is_a_usage_error(
    columns: str, shows: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown column ends with exit code 2 and a message listing the allowed ones."""
    assert main([*ASSESS, "--columns", columns]) == 2
    err = capsys.readouterr().err
    assert err.startswith("citystrategy: błąd: ")
    assert "Traceback" not in err
    for text in shows:
        assert text in err
    if columns:  # the library's columns as the option the user typed, in Polish
        assert "„--columns” – dozwolone: " in err
        assert "column" not in err.replace("„--columns”", "")


@pytest.mark.parametrize("output", ["csv", "json"])
def test_columns_with_another_format_is_a_usage_error(
    output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--columns shapes the text table only: with CSV or JSON it is refused, not ignored."""
    assert main([*ASSESS, "--format", output, "--columns", "code"]) == 2
    err = capsys.readouterr().err
    assert "--columns" in err
    assert output in err


def test_columns_must_be_a_sequence_of_names(kielce: Strategy) -> None:
    """A plain string is refused, not read letter by letter."""
    with pytest.raises(TypeError, match="columns"):
        format_assessment(assess(kielce, year=2023), year=2023, columns="code")


def _name_column(text: str) -> dict[str, str]:
    """The indicator table's name cells, their wrapped lines joined, by code."""
    lines = text.splitlines()
    rule = lines[3]
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    start, end = spans[1]
    cells: dict[str, list[str]] = {}
    code = ""
    for line in lines[4:]:
        if not line:
            break
        if line[:10].strip():
            code = line[:10].strip()
        piece = line[start:end].strip()
        if piece:
            cells.setdefault(code, []).append(piece)
    return {code: " ".join(pieces) for code, pieces in cells.items()}


def test_in_a_terminal_names_wrap_within_its_width(kielce: Strategy) -> None:
    """Within 160 columns every line fits, and each wrapped name reads whole, word for word."""
    table = assess(kielce, year=2023)
    goals = assess_goals(kielce, year=2023, table=table)
    text = format_assessment(table, goals, year=2023, targets=_targets(kielce), width=160)
    assert max(len(line) for line in text.splitlines()) <= 160
    assert "…" not in text
    names = _name_column(text)
    assert len(names) == len(kielce.indicators)
    for indicator in kielce.indicators:
        assert names[indicator.code].startswith(indicator.name), indicator.code
    lines = text.splitlines()
    first = lines.index(_row(text, "KIE-3.4-03"))
    assert not lines[first + 1].startswith("KIE-")  # its name (475 characters) wraps


def test_a_bad_width_is_refused(kielce: Strategy) -> None:
    """A width is a positive number of characters."""
    with pytest.raises(ArgumentError, match="width"):
        format_assessment(assess(kielce, year=2023), year=2023, width=0)


def test_a_frame_without_targets_still_formats(kielce: Strategy) -> None:
    """A table of another source (no model targets): an indicator without target shows x."""
    table = assess(kielce, year=2023).head(1).copy()
    table["target"] = float("nan")
    row = _row(
        format_assessment(pd.DataFrame(table), year=2023, columns=["code", "target"]), "KIE-1-01"
    )
    assert _cells(row) == ["KIE-1-01", "x"]


@pytest.mark.parametrize(
    ("coverage", "shown"),
    [(Percent(75), "75%"), (Q_(50, "percent"), "50%"), (Q_(Decimal("0.8"), ""), "80%")],
    ids=["percent", "quantity", "fraction-quantity"],
)
def test_the_coverage_threshold_is_a_percent(
    kielce: Strategy, coverage: object, shown: str
) -> None:
    """format_assessment takes the threshold as assess_goals does, in percent, and shows it."""
    table = assess(kielce, year=2023)
    goals = assess_goals(kielce, year=2023, table=table, min_coverage=coverage)
    polish = format_assessment(table, goals, year=2023, min_coverage=coverage)
    english = format_assessment(table, goals, year=2023, min_coverage=coverage, locale="en_GB")
    assert f"pokrycie co najmniej {shown})" in polish
    assert f"coverage at least {shown})" in english


@pytest.mark.parametrize("bare", [0.6, 60, Decimal("0.6")], ids=["float", "int", "decimal"])
def test_a_bare_coverage_is_a_type_error_that_shows_how(kielce: Strategy, bare: object) -> None:
    """A bare number could be a fraction or a percent: it is refused with the way to pass it."""
    table = assess(kielce, year=2023)
    with pytest.raises(TypeError, match=r"min_coverage.*Percent\(85\)"):
        format_assessment(table, year=2023, min_coverage=bare)


def test_a_coverage_over_100_percent_is_refused(kielce: Strategy) -> None:
    """A share of indicators lies between 0% and 100%."""
    with pytest.raises(ArgumentError, match="min_coverage"):
        format_assessment(assess(kielce, year=2023), year=2023, min_coverage=Percent(150))


def test_the_command_shows_the_coverage_it_was_given(capsys: pytest.CaptureFixture[str]) -> None:
    """--min-coverage 75 (percent) reaches the title as 75%, in both languages."""
    polish = _run([*ASSESS, "--min-coverage", "75"], capsys)
    english = _run([*ASSESS, "--min-coverage", "75", "--locale", "en"], capsys)
    assert "pokrycie co najmniej 75%)" in polish
    assert "coverage at least 75%)" in english


def test_the_text_renders_the_report_tables(
    kielce: Strategy, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's text is format_assessment of the report's tables, as the workbook has them."""
    from citystrategy.reports.tables import goal_scores_table, indicator_values_table

    values = indicator_values_table(kielce, 2023)
    goals = goal_scores_table(kielce, 2023)
    for locale in ("pl_PL", "en_GB"):
        text = format_assessment(values, goals, year=2023, locale=locale)
        assert _run([*ASSESS, "--locale", locale], capsys) == text + "\n"
    # the table's typed target reads with its kind without a mapping of targets
    assert f"≥{NBSP}14,3%" in _row(format_assessment(values, year=2023), "KIE-1-01")


def test_the_json_holds_the_report_tables_rows(kielce: Strategy) -> None:
    """assessment_data's records are the report table's columns: progress in percent, lists."""
    from citystrategy.reports import assessment_data
    from citystrategy.reports.tables import INDICATOR_COLUMNS, indicator_values_table

    values = indicator_values_table(kielce, 2023)
    data = assessment_data(values)
    first = data["indicators"][0]
    expected = {c for c in INDICATOR_COLUMNS if c != "progress"} | {"progress_percent"}
    assert expected <= set(first)
    # the table's measure (in percent) to two decimals, as the JSON rounds it
    progress = Decimal(first["progress_percent"])
    assert progress == Decimal(str(values.loc[0, "progress"])).quantize(Decimal("0.01"))
    assert first["notes"] == []
    assert first["target_kind"] == "at_least"
    assert first["target_value"] == "14.3"
    assert assessment_data(assess(kielce, year=2023))["indicators"][0]["value"] == "5.2"


def test_a_missing_value_says_so_in_its_cell_and_why_in_the_notes(kielce: Strategy) -> None:
    """KIE-3.3-02 has no 2023 value ("- *", GUS's footnote of the report): the cell says there
    is none, the long reason is said once, under the notes, and does not widen the column."""
    text = format_assessment(assess(kielce, year=2023), year=2023, columns=["code", "value"])
    assert _row(text, "KIE-3.3-02").split("  ")[-1].strip() == f"brak wartości za 2023{NBSP}r."
    reason = "na dzień sporządzenia raportu brak danych w Bazie Danych Lokalnych GUS"
    noted = [line for line in text.splitlines() if reason in line]
    codes = ["KIE-3.3-02", "KIE-3.3-03", "KIE-3.3-04", "KIE-3.4-01"]  # the four "- *" of 2023
    assert [line.split(":")[0].strip() for line in noted] == codes
    assert noted[0].startswith(f"  KIE-3.3-02: brak wartości za 2023{NBSP}r. (- *): ")


def test_a_counted_noun_is_named_after_the_indicator(kielce: Strategy) -> None:
    """Days and persons are bare numbers in the cells: their unit follows the name, as µg/m³
    does, in the nominative plural (a unit standing alone)."""
    table = assess(kielce, year=2023)
    polish = format_assessment(table, year=2023, columns=["code", "name"])
    english = format_assessment(table, year=2023, columns=["code", "name"], locale="en_GB")
    assert _row(polish, "KIE-2.1-01").endswith("budowę [dni]")
    assert _row(polish, "KIE-1.1-04").endswith("Społecznej [osoby]")
    assert _row(english, "KIE-2.1-01").endswith("budowę [days]")
    assert _row(english, "KIE-1.1-04").endswith("Społecznej [people]")
