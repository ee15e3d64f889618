"""Silent cases of a strategy folder made loud: years, plausible ranges, money, exact units.

Each case corrupts a copy of the Kielce folder (the ``kielce_dir`` fixture) the way a person in
a hurry or a spreadsheet would, and asserts either a DataFileError naming the file, the line, the
column and the text, or a ``check`` finding naming the indicator, the year and the value.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from citystrategy.errors import ParseError
from citystrategy.io.parse import parse_value
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Strategy, ValueRange
from citystrategy.validation import Finding, FindingKind, Measure, check
from tests.io.test_strategy_files import read_error, replace_once

#: The file of indicators and their values.
INDICATORS = "indicators.tsv"


def add_column(path: Path, name: str, cells: dict[str, str]) -> None:
    """Append the column *name* to a TSV file, with *cells* by row code (others empty)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [lines[0] + "\t" + name]
    for line in lines[1:]:
        out.append(line + "\t" + cells.get(line.split("\t", 1)[0], ""))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def only_problem(directory: Path, file: str) -> str:
    """The one problem that reading *directory* reports, checked to be in *file*."""
    error = read_error(directory)
    assert error.path == str(directory / file)
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


def findings_of(strategy: Strategy, kind: FindingKind, code: str) -> list[Finding]:
    """The findings of *kind* about *code*."""
    return [f for f in check(strategy).of_kind(kind) if f.code == code]


# --- years ---------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [1999, 2011, 2031], ids=["1999", "before-baseline", "after-end"])
def test_value_column_outside_the_period_names_the_header_cell(kielce_dir: Path, year: int) -> None:
    """'value_1999' for 'value_2022' would move the base year: it is a located error."""
    replace_once(kielce_dir / INDICATORS, "\tvalue_2022\t", f"\tvalue_{year}\t")
    problem = only_problem(kielce_dir, INDICATORS)
    assert problem.startswith(f"line 1 (header), column 'value_{year}': year {year} is outside")
    assert "2022–2030" in problem
    assert "from 2012" in problem


def test_value_column_of_a_baseline_year_loads(kielce_dir: Path) -> None:
    """Ten years before the period's start (2012 for Kielce) is still a baseline year."""
    replace_once(kielce_dir / INDICATORS, "\tvalue_2022\t", "\tvalue_2012\t")
    strategy = read_strategy(kielce_dir)
    assert {o.year for o in strategy.observations} == {2012, 2023}


def test_target_year_outside_the_period_is_refused(kielce_dir: Path) -> None:
    """A target due in 2035 for a strategy ending in 2030 is refused at its cell."""
    path = kielce_dir / INDICATORS
    add_column(path, "target_year", {"KIE-1-01": "2035"})
    problem = only_problem(kielce_dir, INDICATORS)
    assert problem.startswith("line 2, column 'target_year'")
    assert "target year 2035 is outside the strategy period 2022–2030" in problem


def test_target_year_before_the_base_year_is_a_finding(kielce_dir: Path) -> None:
    """A target for 2022 when the first value is from 2023 is a check finding naming both."""
    path = kielce_dir / INDICATORS
    add_column(path, "target_year", {"KIE-1-01": "2022"})
    replace_once(path, "\t5,2 %\t12,3 %\t", "\t5,2 %\t- *\t")
    strategy = read_strategy(kielce_dir)
    (finding,) = findings_of(strategy, FindingKind.TARGET_YEAR_BEFORE_BASE, "KIE-1-01")
    assert finding.message == (
        "the target year 2022 is before the base year 2023 (the first year with a value)"
    )
    assert (finding.detail("target_year"), finding.detail("year")) == (2022, 2023)


# --- plausibility --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "code", "value", "year"),
    [
        ("\t4,6%\t4,6%\t3,7%\t", "\t146%\t4,6%\t3,7%\t", "KIE-1.1-01", "146%", "2023"),
        ("\t4,6%\t4,6%\t3,7%\t", "\t4,6%\t\u22124,6%\t3,7%\t", "KIE-1.1-01", "\u22124,6%", "2022"),
        (
            "\t8 400 000 zł\t8 000 000 zł\t",
            "\t-8 400 000 zł\t8 000 000 zł\t",
            "KIE-1.3-03",
            "-8 400 000 zł",
            "2023",
        ),
        ("\t170\t181\t254\tperson\t", "\t-170\t181\t254\tperson\t", "KIE-1.1-04", "-170", "2023"),
    ],
    ids=["unemployment-146", "unemployment-negative", "negative-money", "negative-persons"],
)
def test_implausible_value_is_a_finding(
    kielce_dir: Path, old: str, new: str, code: str, value: str, year: str
) -> None:
    """146 % or −4,6 % unemployment and negative money or persons load, but check names them."""
    replace_once(kielce_dir / INDICATORS, old, new)
    (finding,) = findings_of(read_strategy(kielce_dir), FindingKind.VALUE_OUT_OF_RANGE, code)
    shown = finding.detail("value")
    assert isinstance(shown, Measure)
    assert (shown.raw, finding.detail("year")) == (value, int(year))
    assert f"for {year} is outside the range assumed for its unit" in finding.message
    assert finding.severity.value == "warning"


def test_fractional_persons_is_a_finding(kielce_dir: Path) -> None:
    """170,5 persons waiting for a care home is not a whole number: a finding naming it."""
    replace_once(
        kielce_dir / INDICATORS, "\t170\t181\t254\tperson\t", "\t170,5\t181\t254\tperson\t"
    )
    strategy = read_strategy(kielce_dir)
    (finding,) = findings_of(strategy, FindingKind.VALUE_NOT_WHOLE, "KIE-1.1-04")
    assert finding.detail("value") == Measure(Decimal("170.5"), "person", "170,5")
    assert finding.detail("year") == 2023
    assert not findings_of(strategy, FindingKind.VALUE_OUT_OF_RANGE, "KIE-1.1-04")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0..100", ValueRange(low=Decimal(0), high=Decimal(100))),
        ("0..", ValueRange(low=Decimal(0))),
        ("..0", ValueRange(high=Decimal(0))),
        ("0..1,5", ValueRange(low=Decimal(0), high=Decimal("1.5"))),
        ("\u22125..5", ValueRange(low=Decimal(-5), high=Decimal(5))),
        ("..", ValueRange()),
    ],
    ids=["closed", "low-only", "high-only", "decimal-comma", "negative", "open"],
)
def test_declared_range_is_read(kielce_dir: Path, cell: str, expected: ValueRange) -> None:
    """The range column is read into the indicator's value_range, Polish decimals included."""
    add_column(kielce_dir / INDICATORS, "range", {"KIE-1.1-01": cell})
    strategy = read_strategy(kielce_dir)
    assert strategy.indicator("KIE-1.1-01").value_range == expected
    assert strategy.indicator("KIE-1.1-02").value_range is None


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("0-100", "a range is written 'low..high'"),
        ("100..0", "'low' 100 is above 'high' 0"),
        ("0..1.5", "a dot is not a decimal separator"),
        ("0..10%", "expected a plain number"),
    ],
    ids=["dash", "reversed", "dot-decimal", "with-unit"],
)
def test_bad_range_names_its_cell(kielce_dir: Path, cell: str, text: str) -> None:
    """A malformed range is a problem at line, column 'range', with the text found."""
    add_column(kielce_dir / INDICATORS, "range", {"KIE-1.1-01": cell})
    problem = only_problem(kielce_dir, INDICATORS)
    assert problem.startswith("line 6, column 'range'")
    assert text in problem


def test_declared_range_replaces_the_assumed_one(kielce_dir: Path) -> None:
    """A declared range is what values are checked against (here 4,6 % is above 0..3)."""
    add_column(kielce_dir / INDICATORS, "range", {"KIE-1.1-01": "0..3"})
    strategy = read_strategy(kielce_dir)
    found = findings_of(strategy, FindingKind.VALUE_OUT_OF_RANGE, "KIE-1.1-01")
    assert [(f.detail("year"), str(f.detail("range")), f.variant) for f in found] == [
        (2022, "0..3", "declared"),
        (2023, "0..3", "declared"),
    ]


def test_kielce_values_are_all_plausible(kielce: Strategy) -> None:
    """The shipped data give no plausibility or target-year finding."""
    kinds = {
        FindingKind.VALUE_OUT_OF_RANGE,
        FindingKind.VALUE_NOT_WHOLE,
        FindingKind.TARGET_YEAR_BEFORE_BASE,
    }
    assert [f for f in check(kielce) if f.kind in kinds] == []


# --- money ---------------------------------------------------------------------------------


def test_three_decimals_in_a_cost_is_refused_with_what_was_meant(kielce_dir: Path) -> None:
    """'8 818,970 zł' would load as 8 818,97 zł: refused, suggesting '8 818 970 zł'."""
    path = kielce_dir / "goal_links.tsv"
    line = replace_once(path, "\t8 818 970,62 zł", "\t8 818,970 zł")
    problem = only_problem(kielce_dir, "goal_links.tsv")
    assert problem.startswith(f"line {line}, column 'cost'")
    assert "'8 818,970 zł'" in problem
    assert "three decimals look like a misplaced thousands separator" in problem
    assert "did you mean '8 818 970 zł'?" in problem
    assert problem.count(f"line {line}") == 1  # located once, not again inside the message


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("\t8 400 000 zł\t8 000 000 zł\t", "\t8 400,000 zł\t8 000 000 zł\t", "value_2023"),
        ("\t8 000 000 zł\t10 000 000 zł\t", "\t8 000 000 zł\t10 000,000 zł\t", "target"),
        ("\t8 400 000 zł\t8 000 000 zł\t", "\t8 400,000\t8 000 000 zł\t", "value_2023"),
    ],
    ids=["value", "target", "value-without-currency-sign"],
)
def test_three_decimals_in_a_money_value_is_refused(
    kielce_dir: Path, old: str, new: str, column: str
) -> None:
    """'8 400,000 zł' on an indicator in PLN would load as 8 400 zł: refused like a cost."""
    line = replace_once(kielce_dir / INDICATORS, old, new)
    problem = only_problem(kielce_dir, INDICATORS)
    assert problem.startswith(f"line {line}, column {column!r}")
    assert "three decimals look like a misplaced thousands separator" in problem


def test_money_per_unit_may_have_more_decimals(kielce_dir: Path) -> None:
    """An amount per inhabitant printed in zł is not a whole amount of money: it loads."""
    replace_once(kielce_dir / INDICATORS, "\t46,10 zł\t", "\t46,105 zł\t")
    strategy = read_strategy(kielce_dir)
    (value,) = [o.value for o in strategy.observations_of("KIE-1.3-04") if o.year == 2023]
    assert value == Decimal("46.105")


@pytest.mark.parametrize(
    ("file", "old", "new", "column", "text"),
    [
        (
            "goal_links.tsv",
            "\t8 818 970,62 zł",
            "\t1" + " 000" * 10 + " zł",
            "cost",
            "31 digits are too many",
        ),
        ("goal_links.tsv", "\t8 818 970,62 zł", "\t1e30 zł", "cost", "an exponent"),
        (INDICATORS, "\t170\t181\t", "\t17" + "0" * 30 + "\t181\t", "value_2023", "digits"),
    ],
    ids=["cost-30-zeros", "cost-exponent", "value-30-zeros"],
)
def test_number_too_large_to_compute_with_is_located(
    kielce_dir: Path, file: str, old: str, new: str, column: str, text: str
) -> None:
    """An amount beyond exact Decimal arithmetic is refused at read time, at its row and column."""
    line = replace_once(kielce_dir / file, old, new)
    problem = only_problem(kielce_dir, file)
    assert problem.startswith(f"line {line}, column {column!r}")
    assert text in problem


# --- exact unit conversion -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("114 447,6 GJ", "31791"),  # 114 447,6 GJ / 3,6 GJ per MWh
        # no zeros after the last significant digit (shown as 31 791 MWh, not 31 791,000)
        ("31 791 000 kWh", "31791"),
        ("31 791 234,5 kWh", "31791.2345"),
    ],
    ids=["gigajoules", "kilowatt-hours", "kilowatt-hours-fraction"],
)
def test_exact_conversion_to_the_indicator_unit(kielce_dir: Path, cell: str, expected: str) -> None:
    """A value printed in GJ or kWh on an MWh indicator is stored exactly, no float digits, and
    keeps its printed text."""
    replace_once(kielce_dir / INDICATORS, "\t31791,00 MWh\t", f"\t{cell}\t")
    strategy = read_strategy(kielce_dir)
    (observation,) = [o for o in strategy.observations_of("KIE-2.4-09") if o.year == 2023]
    assert str(observation.value) == expected
    assert observation.raw == cell


def test_conversion_that_is_not_exact_is_refused(kielce_dir: Path) -> None:
    """31 791 GJ is 8 830,8(3) MWh: refused at its cell, asking for the value in MWh."""
    line = replace_once(kielce_dir / INDICATORS, "\t31791,00 MWh\t", "\t31 791 GJ\t")
    problem = only_problem(kielce_dir, INDICATORS)
    assert problem.startswith(f"line {line}, column 'value_2023'")
    assert "5/18" in problem
    assert "write the value in 'MWh'" in problem
    assert "8830,83" not in problem


@pytest.mark.parametrize(
    ("cell", "english", "polish"),
    [
        (
            "31 791 GJ",
            "31791 'GJ' is not a finite decimal in 'MWh' (1 'GJ' = 5/18 'MWh'); write the "
            "value in 'MWh'",
            "31\u00a0791 „GJ” to w jednostce „MWh” nieskończony ułamek dziesiętny (1 „GJ” = "
            "5/18 „MWh”); wpisz wartość w jednostce „MWh”",
        ),
        (
            "31 791 zł",
            "unit 'PLN' of '31 791 zł' does not fit the indicator's unit 'MWh'",
            "jednostka „zł” wartości „31 791 zł” nie pasuje do jednostki wskaźnika „MWh”",
        ),
    ],
)
def test_a_unit_that_does_not_fit_is_named_by_its_label(
    kielce_dir: Path, cell: str, english: str, polish: str
) -> None:
    """A unit that does not fit or convert is worded by its label in either language."""
    from citystrategy.reports import describe_error
    from tests.language import english_words, identifiers, polish_words

    replace_once(kielce_dir / INDICATORS, "\t31791,00 MWh\t", f"\t{cell}\t")
    error = read_error(kielce_dir)
    names = [str(kielce_dir / INDICATORS), "value_2023", "GJ", "MWh", cell]
    english_text = describe_error(error, locale="en_GB")
    polish_text = describe_error(error, locale="pl_PL")
    assert english in str(error)
    assert polish in polish_text
    for text in (english_text, polish_text):
        assert "megawatt_hour" not in text
        assert "gigajoule" not in text
        assert identifiers(text, names=names) == []
    assert english_words(polish_text, names=names) == []
    assert polish_words(english_text, names=names) == []


def test_formula_in_a_project_name_is_a_finding(kielce_dir: Path) -> None:
    """A project name starting with '=HYPERLINK(' loads as printed and is a check finding."""
    path = kielce_dir / "projects.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split("\t")
    code, cells[1] = cells[0], '=HYPERLINK("http://example.com","Kliknij")'
    lines[1] = "\t".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    strategy = read_strategy(kielce_dir)
    (finding,) = findings_of(strategy, FindingKind.FORMULA_LIKE_TEXT, code)
    assert (finding.variant, finding.detail("start")) == ("name", "=")
    assert strategy.project(code).name == cells[1]


@pytest.mark.parametrize(
    ("raw", "advice"),
    [
        ("4.850,5 MWh", "group them with a space"),
        ("1.234.567,00 zł", "group them with a space"),
        ("48.0 %", "write a comma"),
        ("1.5", "write a comma"),
    ],
    ids=["grouping-dot-with-comma", "two-grouping-dots", "decimal-dot", "bare-decimal-dot"],
)
def test_a_dot_gets_the_advice_that_fits_it(raw: str, advice: str) -> None:
    """A dot grouping thousands before a decimal comma is told to become a space, not a comma
    (following "write a comma" would give 4,850,5); a decimal dot is told to become a comma."""
    with pytest.raises(ParseError, match=advice):
        parse_value(raw, field="value_2023")
