"""Tests of citystrategy.io.strategy_files.read_strategy on the Kielce folder and corrupt copies.

Every corruption is made on a copy of the shipped data (the ``kielce_dir`` fixture); the error
must name the file, the line, the column and the offending text, so that a maintainer can find
it without a debugger.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from citystrategy.errors import CityStrategyError, DataFileError
from citystrategy.io.strategy_files import FILES, read_strategy
from citystrategy.model import Strategy
from tests.factories import data_file_error


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first *old* in *path* with *new*; return the 1-based line where it starts."""
    text = path.read_text(encoding="utf-8")
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old) :], encoding="utf-8")
    return text.count("\n", 0, start) + 1 + (1 if old.startswith("\n") else 0)


def read_error(directory: Path) -> DataFileError:
    """The DataFileError that reading *directory* raises."""
    return data_file_error(read_strategy, directory)


# --- the shipped folder ----------------------------------------------------------------------


def test_copied_folder_reads_as_the_adapter_loads(kielce_dir: Path, kielce: Strategy) -> None:
    """Reading the copied data folder gives a strategy equal to kielce.load()."""
    assert read_strategy(kielce_dir) == kielce


def test_folder_as_a_string_path(kielce_dir: Path, kielce: Strategy) -> None:
    """The folder may be given as a string."""
    assert read_strategy(str(kielce_dir)) == kielce


def test_folder_holds_the_documented_files(kielce_dir: Path) -> None:
    """The data folder has every file of FILES."""
    assert {p.name for p in kielce_dir.iterdir()} >= set(FILES)


# --- corrupt copies ----------------------------------------------------------------------------


class Corruption(NamedTuple):
    """One edit of one data file, and what the error must name besides the file and line."""

    file: str
    old: str
    new: str
    column: str
    offending: str


CORRUPTIONS = {
    "comma-twice": Corruption(
        "indicators.tsv", "\t5,2 %\t", "\t5,2,1 %\t", "value_2023", "'5,2,1 %'"
    ),
    "dot-decimal": Corruption(
        "indicators.tsv", "\t31791,00 MWh\t", "\t31791.00 MWh\t", "value_2023", "'31791.00 MWh'"
    ),
    "indicator-unknown-goal": Corruption(
        "indicators.tsv", "KIE-1-01\timpact\t1\t", "KIE-1-01\timpact\t9\t", "goal", "'9'"
    ),
    "unit-does-not-fit": Corruption(
        "indicators.tsv", "\t5,2 %\t", "\t5,2 zł\t", "value_2023", "'5,2 zł'"
    ),
    "bound-as-value": Corruption(
        "indicators.tsv", "\t17\t18\t", "\t<17\t18\t", "value_2023", "'<17'"
    ),
    "unknown-direction": Corruption(
        "indicators.tsv", "\thigher_is_better\t", "\tup\t", "direction", "'up'"
    ),
    "within-range-target": Corruption(
        "indicators.tsv",
        "\tat_least\tno\t\n",
        "\twithin_range\tno\t\n",
        "target",
        "within_range target is written 'low–high'",
    ),
    "bad-survey-flag": Corruption(
        "indicators.tsv", "\tpercent\tyes\t", "\tpercent\ttak\t", "survey", "'tak'"
    ),
    "link-unknown-goal": Corruption(
        "goal_links.tsv",
        "1\t1\t1.1\t1.1-01\t\tKIE-P-01",
        "1\t1\t1.9\t\t\tKIE-P-01",
        "operational_goal",
        "'1.9'",
    ),
    "link-unknown-project": Corruption(
        "goal_links.tsv", "\tKIE-P-01\t", "\tKIE-P-99\t", "project", "'KIE-P-99'"
    ),
    "link-unknown-direction": Corruption(
        "goal_links.tsv", "1\t1\t1.1\t1.1-01\t", "1\t1\t1.1\t1.1-77\t", "directions", "'1.1-77'"
    ),
    "jw-after-another-project": Corruption(
        "goal_links.tsv",
        "2\t8\t2.3\t2.3-02;2.3-03;2.3-04\t\tKIE-P-10",
        "2\t8\t2.3\t2.3-02;2.3-03;2.3-04\t\tKIE-P-11",
        "cost",
        "'jw.'",
    ),
    "cost-reference-to-wrong-table": Corruption(
        "goal_links.tsv",
        "Koszt realizacji projektu podany w Celu nr 3",
        "Koszt realizacji projektu podany w Celu nr 2",
        "cost",
        "'Koszt realizacji projektu podany w Celu nr 2'",
    ),
    "cost-not-money": Corruption(
        "goal_links.tsv", "\t8 818 970,62 zł", "\t8 818 970,62 %", "cost", "'8 818 970,62 %'"
    ),
    "project-bad-year": Corruption(
        "projects.tsv",
        "Młodzi na start\t2023\t",
        "Młodzi na start\tw 2023\t",
        "completed_in",
        "'w 2023'",
    ),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS.values(), ids=list(CORRUPTIONS))
def test_corruption_names_file_line_column_and_text(
    kielce_dir: Path, corruption: Corruption
) -> None:
    """A malformed cell raises DataFileError naming the file, line, column and offending text."""
    path = kielce_dir / corruption.file
    line = replace_once(path, corruption.old, corruption.new)
    error = read_error(kielce_dir)
    message = str(error)
    assert error.path == str(path)
    assert message.startswith(str(path))
    assert len(error.problems) == 1, error.problems
    problem = error.problems[0]
    assert f"line {line}," in problem
    assert f"column {corruption.column!r}" in problem
    assert corruption.offending in problem
    assert problem in message


def test_percent_sign_on_a_count_indicator_is_refused(kielce_dir: Path) -> None:
    """A value printed with "%" for a count indicator is refused, not divided by 100."""
    path = kielce_dir / "indicators.tsv"
    # KIE-1.2-04 "Liczba wydanych decyzji o lokalizacji inwestycji celu publicznego": 102 (count)
    line = replace_once(path, "\t102\t95\t100\tcount", "\t102 %\t95\t100\tcount")
    error = read_error(kielce_dir)
    assert len(error.problems) == 1
    assert error.problems[0].startswith(f"line {line}, column 'value_2023'")
    assert "'102 %'" in error.problems[0]


def test_missing_column(kielce_dir: Path) -> None:
    """A file without the 'unit' column is refused, naming the file, its header and the column."""
    path = kielce_dir / "indicators.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    index = rows[0].index("unit")
    path.write_text(
        "\n".join("\t".join(r[:index] + r[index + 1 :]) for r in rows) + "\n", encoding="utf-8"
    )
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert len(error.problems) == 1
    assert "header" in error.problems[0]
    assert "missing column(s) 'unit'" in error.problems[0]


def test_row_with_a_cell_too_many(kielce_dir: Path) -> None:
    """A row with an extra cell is refused with its line and the cell counts."""
    path = kielce_dir / "projects.tsv"
    line = replace_once(path, "KIE-P-03\tZawodowy bumerang\t", "KIE-P-03\tZawodowy bumerang\t\t")
    error = read_error(kielce_dir)
    assert len(error.problems) == 1
    assert error.problems[0].startswith(f"line {line}: expected 6 cells, found 7: ")
    assert "'KIE-P-03\\tZawodowy bumerang\\t" in error.problems[0]


def test_repeated_code(kielce_dir: Path) -> None:
    """Two indicators with one code are refused at the second one's line."""
    path = kielce_dir / "indicators.tsv"
    line = replace_once(path, "KIE-2-01\t", "KIE-1-01\t")
    error = read_error(kielce_dir)
    assert error.problems == (f"line {line}, column 'code': repeated code 'KIE-1-01'",)


def test_two_problems_in_one_file_are_reported_together(kielce_dir: Path) -> None:
    """Every problem of a file is collected into one DataFileError."""
    path = kielce_dir / "indicators.tsv"
    line = replace_once(path, "\t5,2 %\t12,3 %\t", "\t5,2,1 %\t12.3 %\t")
    error = read_error(kielce_dir)
    assert len(error.problems) == 2
    assert error.problems[0].startswith(f"line {line}, column 'value_2023'")
    assert "'5,2,1 %'" in error.problems[0]
    assert error.problems[1].startswith(f"line {line}, column 'value_2022'")
    assert "'12.3 %'" in error.problems[1]
    assert str(error).startswith(f"{path}: 2 problems")


def test_problems_on_distant_lines_are_reported_together(kielce_dir: Path) -> None:
    """Problems on different rows of one file come in one error, in file order."""
    path = kielce_dir / "goal_links.tsv"
    first = replace_once(path, "\tKIE-P-01\t", "\tKIE-P-98\t")
    second = replace_once(path, "\tKIE-P-44\t", "\tKIE-P-99\t")
    error = read_error(kielce_dir)
    assert [p.split(",")[0] for p in error.problems] == [f"line {first}", f"line {second}"]


@pytest.mark.parametrize("name", FILES, ids=list(FILES))
def test_missing_file(kielce_dir: Path, name: str) -> None:
    """A missing data file is a DataFileError naming it."""
    (kielce_dir / name).unlink()
    error = read_error(kielce_dir)
    assert error.path == str(kielce_dir / name)
    assert error.problems == ("file: not found",)


def test_toml_syntax_error(kielce_dir: Path) -> None:
    """A TOML syntax error names strategy.toml and the line and column of the error."""
    path = kielce_dir / "strategy.toml"
    line = replace_once(path, "period_start = 2022", "period_start = = 2022")
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert len(error.problems) == 1
    assert error.problems[0].startswith("syntax: ")
    assert f"line {line}, column" in error.problems[0]


def test_toml_wrong_type(kielce_dir: Path) -> None:
    """A key of the wrong type in strategy.toml names the key and the value found."""
    path = kielce_dir / "strategy.toml"
    replace_once(path, "period_end = 2030", 'period_end = "2030"')
    error = read_error(kielce_dir)
    assert error.problems == ("strategy.period_end: expected a whole number, found text '2030'",)


def test_repeated_goal_code_is_named_at_its_second_table(kielce_dir: Path) -> None:
    """A goal code written twice is the one problem, not the indicators of the lost goal."""
    path = kielce_dir / "strategy.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('code = "1.2"', 'code = "1.1"', 1), encoding="utf-8")
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert error.problems == (
        "strategic_goals[1].operational_goals[2].code: repeated goal code '1.1'"
        " (also at strategic_goals[1].operational_goals[1])",
    )


def test_missing_monitoring_key(kielce_dir: Path) -> None:
    """A [monitoring] table without ordinance_date is a DataFileError naming the key."""
    path = kielce_dir / "strategy.toml"
    replace_once(path, "ordinance_date = 2022-10-04\n", "")
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert any("ordinance_date" in problem for problem in error.problems)


def test_evaluation_years_must_be_integers(kielce_dir: Path) -> None:
    """Evaluation years written as strings are refused, not stored as strings."""
    path = kielce_dir / "strategy.toml"
    replace_once(
        path,
        "ongoing_evaluation_years = [2024, 2026, 2028]",
        'ongoing_evaluation_years = ["2024", "2026", "2028"]',
    )
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert any("ongoing_evaluation_years" in problem for problem in error.problems)


def test_not_utf8(kielce_dir: Path) -> None:
    """A file that is not UTF-8 is refused, naming the byte where decoding failed."""
    path = kielce_dir / "projects.tsv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1250"))
    error = read_error(kielce_dir)
    assert error.path == str(path)
    assert "not UTF-8" in error.problems[0]


# --- the error itself --------------------------------------------------------------------------


def test_data_file_error_is_a_value_error(kielce_dir: Path) -> None:
    """DataFileError is a ValueError and a CityStrategyError, and pickles with its problems."""
    (kielce_dir / "indicators.tsv").unlink()
    error = read_error(kielce_dir)
    assert isinstance(error, ValueError)
    assert isinstance(error, CityStrategyError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.problems, str(copy)) == (error.path, error.problems, str(error))


def test_data_file_error_text() -> None:
    """The text is the file, the count of problems, and one problem per indented line."""
    error = DataFileError("data/x.tsv", ["line 2: a", "line 3: b"])
    assert str(error) == "data/x.tsv: 2 problems\n  line 2: a\n  line 3: b"
    assert str(DataFileError("x.tsv", ["line 2: a"])) == "x.tsv: 1 problem\n  line 2: a"


# --- nothing is silently dropped or reshaped ---------------------------------------------------


def test_unknown_column_is_refused(kielce_dir: Path) -> None:
    """A misspelt value column would drop a year of data: it is a problem, not ignored."""
    replace_once(kielce_dir / "indicators.tsv", "\tvalue_2023\t", "\tvalue_20x3\t")
    error = read_error(kielce_dir)
    assert "indicators.tsv" in str(error)
    assert "unknown column(s) 'value_20x3'" in str(error)


def test_misspelt_optional_column_is_refused(kielce_dir: Path) -> None:
    """'targte_year' is not silently ignored (every target year would become 2030)."""
    path = kielce_dir / "indicators.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + "\ttargte_year"] + [line + "\t" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "'targte_year'" in str(read_error(kielce_dir))


@pytest.mark.parametrize(
    ("old", "new", "where", "text"),
    [
        ("[strategy]\n", "[strategy]\nperiod_ned = 2031\n", "strategy", "'period_ned'"),
        ("[report]\n", "[report]\nyaer = 2023\n", "report", "'yaer'"),
        (
            'attachments = [\n    "Raport z badania opinii publicznej",\n]',
            'attachments = "Raport z badania opinii publicznej"',
            "report.attachments",
            "expected a list, found text",
        ),
        (
            "adopted_on = 2022-06-09",
            'adopted_on = "9 czerwca"',
            "strategy.adopted_on",
            "'9 czerwca'",
        ),
        ('code = "1.1"', 'code = "1x"', "operational_goals[1]", "'1x'"),
        ("section = 4", 'section = "four"', "sections[1]", "'four'"),
        ('goal = "2"', 'gaol = "2"', "declared.goals[2]", "'gaol'"),
    ],
    ids=[
        "unknown-key",
        "unknown-report-key",
        "string-for-list",
        "date-as-text",
        "bad-goal-code",
        "section-not-int",
        "declared-goal-typo",
    ],
)
def test_strategy_toml_problems_name_the_key(
    kielce_dir: Path, old: str, new: str, where: str, text: str
) -> None:
    """Unknown keys, wrong types and bad codes in strategy.toml are refused, naming the key."""
    replace_once(kielce_dir / "strategy.toml", old, new)
    message = str(read_error(kielce_dir))
    assert "strategy.toml" in message
    assert where in message
    assert text in message


@pytest.mark.parametrize(
    ("file", "old", "new", "column", "text"),
    [
        ("indicators.tsv", "\t2023\t\t\t\n", "\t0\t\t\t\n", "completed_in", "'0'"),
        ("indicators.tsv", "\t5,2 %\t", "\t\u0665,\u0662 %\t", "value_2023", "only ASCII digits"),
    ],
    ids=["year-zero", "arabic-digits"],
)
def test_bad_years_and_digits(
    kielce_dir: Path, file: str, old: str, new: str, column: str, text: str
) -> None:
    """A year must be a four-digit year; only ASCII digits are numbers."""
    target = "projects.tsv" if column == "completed_in" else file
    replace_once(kielce_dir / target, old, new)
    message = str(read_error(kielce_dir))
    assert column in message
    assert text in message


def test_fractional_target_year_is_refused(kielce_dir: Path) -> None:
    """'2030,5' is not truncated to 2030."""
    path = kielce_dir / "indicators.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + "\ttarget_year"] + [line + "\t2030" for line in lines[1:]]
    lines[1] = lines[1][: -len("2030")] + "2030,5"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = str(read_error(kielce_dir))
    assert "target_year" in message
    assert "'2030,5'" in message


def test_range_target_and_tolerance_load(kielce_dir: Path) -> None:
    """A within_range target 'low–high' and an exactly target with a tolerance are read."""
    path = kielce_dir / "indicators.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + "\ttarget_tolerance"] + [line + "\t" for line in lines[1:]]
    text = "\n".join(lines) + "\n"
    text = text.replace(
        "\t14,3%\tpercent\tyes\thigher_is_better\tat_least\tno\t",
        "\t10–20%\tpercent\tyes\twithin_range\twithin_range\tno\t",
        1,
    )
    text = text.replace(
        "\t13,5%\tpercent\tyes\thigher_is_better\tat_least\tno\t",
        "\t13,5%\tpercent\tyes\thigher_is_better\texactly\tno\t",
        1,
    )
    start = text.index("KIE-2-01")
    end = text.index("\n", start)
    text = text[: end - 1] + "\t0,5\n" + text[end + 1 :] if text[end - 1] == "\t" else text
    path.write_text(text, encoding="utf-8")
    strategy = read_strategy(kielce_dir)
    ranged = strategy.indicator("KIE-1-01").target
    assert ranged is not None
    assert (ranged.kind.value, ranged.low, ranged.high) == (
        "within_range",
        Decimal(10),
        Decimal(20),
    )
    exact = strategy.indicator("KIE-2-01").target
    assert exact is not None
    assert (exact.kind.value, exact.value, exact.tolerance) == (
        "exactly",
        Decimal("13.5"),
        Decimal("0.5"),
    )


# --- structuring strategy.toml from the model's fields -----------------------------------------


def test_wrong_types_in_strategy_toml_are_all_reported(kielce_dir: Path) -> None:
    """Every value of the wrong type in strategy.toml is a problem with its path, none stringified."""
    path = kielce_dir / "strategy.toml"
    replace_once(path, 'adopted_by = "Rada Miasta Kielce"', "adopted_by = 12")
    replace_once(path, 'total_cost = "85 665 519,74 zł"', "total_cost = 85665519.74")
    replace_once(path, 'projects = "6"', "projects = 6")
    replace_once(
        path,
        "ongoing_evaluation_years = [2024, 2026, 2028]",
        'ongoing_evaluation_years = [2024, "2026"]',
    )
    assert set(read_error(kielce_dir).problems) == {
        "strategy.adopted_by: expected text, found a whole number 12",
        "declared.total_cost: expected an amount written as text, e.g. '1 234,56 zł', "
        "found a number with a fraction 85665519.74",
        "declared.goals[1].projects: expected the count as printed, e.g. '10', found 6",
        "monitoring.ongoing_evaluation_years[2]: expected a whole number, found text '2026'",
    }


def test_period_end_before_start_names_the_file_and_both_keys(kielce_dir: Path) -> None:
    """A strategy ending before it starts is refused in strategy.toml, naming both keys."""
    replace_once(kielce_dir / "strategy.toml", "period_start = 2022", "period_start = 2031")
    error = read_error(kielce_dir)
    assert error.path.endswith("strategy.toml")
    (problem,) = error.problems
    assert "'period_start' 2031 is after 'period_end' 2030" in problem


def test_declared_figures_need_a_report(kielce_dir: Path) -> None:
    """Declared figures without a [report] table are refused, not dropped."""
    path = kielce_dir / "strategy.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[report]")
    end = text.index("[declared]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problems = read_error(kielce_dir).problems
    assert "declared: there is no [report] table for these figures to belong to" in problems


def test_code_name_pairs_are_checked(kielce_dir: Path) -> None:
    """An integrated project without its code is a problem naming the item and the key."""
    replace_once(
        kielce_dir / "strategy.toml",
        "[[other_documents.integrated_projects]]\ncode",
        "[[other_documents.integrated_projects]]\ncdoe",
    )
    assert set(read_error(kielce_dir).problems) == {
        "other_documents[2].integrated_projects[2]: missing key 'code'",
        "other_documents[2].integrated_projects[2]: unknown key(s) 'cdoe' (known: code, name)",
    }


def test_completed_toml_is_structured(kielce_dir: Path) -> None:
    """completed.toml refuses an unknown key and a number where text is expected, each located."""
    path = kielce_dir / "completed.toml"
    replace_once(path, 'code = "KIE-P-35"', 'code = "KIE-P-35"\nopis = "…"')
    replace_once(
        path,
        'listed_as = "Aktywizacja osób młodych pozostających bez pracy w gminie Miasto Kielce (VII)"',
        "listed_as = 2",
    )
    problems = read_error(kielce_dir).problems
    assert len(problems) == 2
    assert problems[0].startswith("project[1]: unknown key(s) 'opis' (known: ")
    assert problems[1].startswith("project[2].listed_as: expected text, found a whole number 2")


# --- consistency between the tables and files --------------------------------------------------


def test_territory_problem_names_its_key(kielce_dir: Path) -> None:
    """A TERYT code written as a number names the key 'strategy.territory_teryt'."""
    replace_once(
        kielce_dir / "strategy.toml", 'territory_teryt = "2661011"', "territory_teryt = 2661011"
    )
    assert read_error(kielce_dir).problems == (
        "strategy.territory_teryt: expected text, found a whole number 2661011",
    )


def test_a_bad_goal_key_does_not_make_its_code_unknown(kielce_dir: Path) -> None:
    """An unknown key in goal 1 is one problem; the links to goal 1's codes stay valid."""
    replace_once(
        kielce_dir / "strategy.toml", "[[strategic_goals]]\n", '[[strategic_goals]]\nnazwa = "x"\n'
    )
    (problem,) = read_error(kielce_dir).problems
    assert problem.startswith("strategic_goals[1]: unknown key(s) 'nazwa'")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "period_end = 2023-12-31",
            "period_end = 2022-12-31",
            "report: annual report 2023: 'period_start' 2023-01-01 is after 'period_end' 2022-12-31",
        ),
        (
            "year = 2023\ndrawn_up_on",
            "year = 2040\ndrawn_up_on",
            "report.year: 2040 is outside the strategy's period 2022–2030",
        ),
    ],
    ids=["report-period-reversed", "report-year-outside-period"],
)
def test_report_is_checked(kielce_dir: Path, old: str, new: str, problem: str) -> None:
    """A report whose period runs backwards, or on a year outside the strategy, is refused."""
    replace_once(kielce_dir / "strategy.toml", old, new)
    assert read_error(kielce_dir).problems == (problem,)


def test_completed_in_outside_the_period_is_refused(kielce_dir: Path) -> None:
    """A project completed in 2099 is refused at its cell."""
    line = replace_once(
        kielce_dir / "projects.tsv",
        "KIE-P-03\tZawodowy bumerang\t",
        "KIE-P-03\tZawodowy bumerang\t2099",
    )
    assert read_error(kielce_dir).problems == (
        f"line {line}, column 'completed_in': 2099 is outside the strategy's period 2022–2030",
    )


def test_completed_project_of_another_year_is_refused(kielce_dir: Path) -> None:
    """A project listed in completed.toml but completed in a year without a report is refused."""
    replace_once(
        kielce_dir / "projects.tsv",
        "KIE-P-01\tAktywizacja osób młodych pozostających bez pracy w gminie Miasto Kielce (VII)\t2023",
        "KIE-P-01\tAktywizacja osób młodych pozostających bez pracy w gminie Miasto Kielce (VII)\t2022",
    )
    assert read_error(kielce_dir).problems == (
        "project[2]: 'KIE-P-01' was completed in 2022 (projects.tsv), a year without a report "
        "(reports: 2023)",
    )


def test_repeated_lp_is_refused(kielce_dir: Path) -> None:
    """Two completed projects with the same number in the report's list are refused."""
    replace_once(kielce_dir / "completed.toml", "lp = 2\n", "lp = 1\n")
    assert read_error(kielce_dir).problems == ("project[2].lp: repeated lp 1 (also at project[1])",)


def test_report_source_must_be_text(kielce_dir: Path) -> None:
    """The report's citation, the default source of every value, is never stringified."""
    replace_once(
        kielce_dir / "strategy.toml", 'source = "Roczny raport', 'source = 12\nx = "Roczny raport'
    )
    assert (
        "report.source: expected text, found a whole number 12" in read_error(kielce_dir).problems
    )


def test_report_source_is_the_values_source(kielce: Strategy) -> None:
    """Indicators without a source of their own cite the annual report as strategy.toml gives it."""
    (report,) = kielce.reports
    assert report.source.startswith("Roczny raport z realizacji Strategii Rozwoju Miasta Kielce")
    assert kielce.indicator("KIE-1-01").source == report.source


def test_introduction_needs_a_report(kielce_dir: Path) -> None:
    """An introduction without a [report] table is refused, not dropped."""
    path = kielce_dir / "strategy.toml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("[report]"), text.index("[declared]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    problems = read_error(kielce_dir).problems
    assert (
        "strategy.introduction: there is no [report] table for this introduction to belong to"
        in problems
    )


def test_implementer_kind_needs_an_implementer(kielce_dir: Path) -> None:
    """An implementer kind without the implementer's name is refused, not dropped."""
    line = replace_once(
        kielce_dir / "projects.tsv",
        "KIE-P-03\tZawodowy bumerang\t\t\t",
        "KIE-P-03\tZawodowy bumerang\t\t\tinternal",
    )
    assert read_error(kielce_dir).problems == (
        f"line {line}, column 'implementer_kind': 'internal' of no implementer: name the implementer",
    )


def test_blank_project_name_is_located(kielce_dir: Path) -> None:
    """A project without a name is refused at its line."""
    line = replace_once(
        kielce_dir / "projects.tsv", "KIE-P-03\tZawodowy bumerang\t", "KIE-P-03\t\t"
    )
    (problem,) = read_error(kielce_dir).problems
    assert problem == f"line {line}: project 'KIE-P-03': 'name' must not be blank (got '')"


def test_project_listed_twice_as_completed(kielce_dir: Path) -> None:
    """A project described twice in completed.toml is refused: one description would be lost."""
    replace_once(kielce_dir / "completed.toml", 'code = "KIE-P-01"', 'code = "KIE-P-35"')
    assert (
        "project[2].code: 'KIE-P-35' is listed twice (also at project[1])"
        in read_error(kielce_dir).problems
    )
