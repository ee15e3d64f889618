"""Filled forms back in: values through the Polish parser, every bad entry located by cell."""

from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from citystrategy.collect import MAX_FORM_BYTES, MAX_UNPACKED_BYTES, read_form, write_forms
from citystrategy.errors import FormError, FormProblem
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.reports import describe_error
from tests.collect.helpers import fill, row_of
from tests.language import english_words, identifiers, polish_words

IND = "Wskaźniki"
PRJ = "Projekty"


@pytest.fixture(scope="module")
def blank(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty 2024 form of strategic goal 1, as sent."""
    forms = write_forms(kielce, 2024, tmp_path_factory.mktemp("sent"))
    return forms[0]


@pytest.fixture
def form(blank: Path, tmp_path: Path) -> Path:
    """A copy of the blank form for one test to fill."""
    return Path(shutil.copy(blank, tmp_path / blank.name))


def problems_of(path: Path, **kwargs: object) -> tuple[FormProblem, ...]:
    """The problems reading *path* reports, checked to be a FormError that is a ValueError."""
    with pytest.raises(FormError) as caught:
        read_form(path, **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    return caught.value.problems


def located(problem: FormProblem) -> tuple[str | None, str | None, str | None]:
    """The sheet, the cell and the text of a problem."""
    return problem.sheet, problem.cell, problem.text


def test_values_typed_as_a_person_does(form: Path, kielce: Strategy) -> None:
    """Numbers, text with a decimal comma, '12,5 %', groups of thousands and a reason read back."""
    fill(
        form,
        {
            (IND, "I2"): 6.1,  # KIE-1-01, percent: a number typed in the cell
            (IND, "I3"): "12,5 %",  # KIE-1.1-01: text with the unit
            (IND, "I4"): "35,0",  # KIE-1.1-02: a decimal comma, trailing zero kept
            (IND, "J5"): "- * brak danych w terminie (jeszcze nieopublikowane)",  # KIE-1.1-03
            (IND, "I6"): "1 234",  # KIE-1.1-04 (persons): a group of thousands
            (IND, "K6"): "z rejestru DPS",
            (IND, "I7"): 412,  # KIE-1.1-05
        },
    )
    filled = read_form(form, strategy=kielce, year=2024)
    assert (filled.strategy, filled.year, filled.unit) == (kielce.code, 2024, "goal:1")
    values = {v.indicator: v for v in filled.values}
    assert values["KIE-1-01"].value == Decimal("6.1")
    assert values["KIE-1.1-01"].value == Decimal("12.5")
    assert values["KIE-1.1-02"].value == Decimal("35.0")
    assert (values["KIE-1.1-03"].value, values["KIE-1.1-03"].marker) == (None, "- *")
    assert values["KIE-1.1-04"].value == Decimal(1234)
    assert values["KIE-1.1-04"].comment == "z rejestru DPS"
    assert values["KIE-1.1-05"].value == Decimal(412)
    assert (values["KIE-1.1-06"].value, values["KIE-1.1-06"].marker) == (None, None)
    assert (values["KIE-1-01"].sheet, values["KIE-1-01"].cell) == (IND, "I2")
    assert len(filled.values) == 24


def test_a_percentage_typed_with_its_sign_is_not_a_fraction(form: Path, kielce: Strategy) -> None:
    """Excel stores '12,5%' typed in a cell as 0.125 with a percent format: read as 12,5."""
    workbook = openpyxl.load_workbook(form)
    workbook[IND]["I2"] = 0.125
    workbook[IND]["I2"].number_format = "0.0%"
    workbook.save(form)
    (value,) = [v for v in read_form(form).values if v.indicator == "KIE-1-01"]
    assert value.value == Decimal("12.5")


def test_money_and_project_results(form: Path, kielce: Strategy) -> None:
    """'tak' with '1 234,50 zł' and a description; 'nie'; an empty row stays unknown."""
    fill(
        form,
        {
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): "1 234 567,50 zł",
            (PRJ, "G2"): "Wykonano termomodernizację budynku.",
            (PRJ, "E3"): "nie",
            (PRJ, "E4"): "tak",
            (PRJ, "F4"): 2500000.25,
        },
    )
    projects = read_form(form).projects
    assert projects[0].completed is True
    assert projects[0].cost == Money(Decimal("1234567.50"), "PLN")
    assert projects[0].description == "Wykonano termomodernizację budynku."
    assert (projects[1].completed, projects[1].cost) == (False, None)
    assert projects[2].cost == Money(Decimal("2500000.25"), "PLN")
    assert projects[3].completed is None
    assert (projects[0].sheet, projects[0].cell) == (PRJ, "E2")


def test_every_bad_entry_is_located(form: Path) -> None:
    """A formula, a dot, a value with a reason, an unknown reason, a date, a bad cost: all at once."""
    import datetime as dt

    fill(
        form,
        {
            (IND, "I2"): "=1+1",
            (IND, "I3"): "12.5",
            (IND, "I4"): "7",
            (IND, "J4"): "x nie dotyczy",
            (IND, "J5"): "nie wiem",
            (IND, "I6"): dt.datetime(2024, 5, 12),
            (IND, "I7"): "12,5 kg",
            (PRJ, "E2"): "może",
            (PRJ, "E3"): "tak",
            (PRJ, "F3"): "1,234 zł",
            (PRJ, "E4"): "nie",
            (PRJ, "G4"): "coś zrobiono",
            (PRJ, "E5"): "tak",
            (PRJ, "F5"): -5,
        },
    )
    problems = problems_of(form)
    assert {p.path for p in problems} == {str(form)}
    assert [located(p) for p in problems] == [
        (IND, "I2", "=1+1"),
        (IND, "I3", "12.5"),
        (IND, "I4", "7"),
        (IND, "J5", "nie wiem"),
        (IND, "I6", "2024-05-12"),
        (IND, "I7", "12,5 kg"),
        (PRJ, "E2", "może"),
        (PRJ, "F3", "1,234 zł"),
        (PRJ, "E4", "nie"),
        (PRJ, "F5", "-5"),
    ]
    texts = [str(p.message) for p in problems]
    assert texts[0].startswith("a formula is not read")
    assert "a dot is not a decimal separator" in texts[1]
    assert texts[2] == "a value and a reason for a missing value: keep only one of them"
    assert "unknown unit 'kg'" in texts[5]
    assert "did you mean '1 234 zł'?" in texts[7]


def test_an_out_of_range_value_is_read(form: Path) -> None:
    """146 (%) is outside 0–100 but read: plausibility is a warning of the merge, not an error."""
    fill(form, {(IND, "I2"): 146})
    (value,) = [v for v in read_form(form).values if v.indicator == "KIE-1-01"]
    assert value.value == Decimal(146)


def test_a_form_of_another_year_is_refused(blank: Path) -> None:
    """Read for 2025, the 2024 form is refused, naming both years."""
    (problem,) = problems_of(blank, year=2025)
    assert (problem.sheet, problem.cell) == (None, None)
    assert str(problem.message) == "a form for 2024, not for 2025"


def test_a_form_of_another_strategy_is_refused(blank: Path, kielce: Strategy) -> None:
    """A strategy of another code refuses the form."""
    other = attrs.evolve(kielce, code="radom-2030")
    (problem,) = problems_of(blank, strategy=other)
    assert str(problem.message) == "a form of the strategy 'kielce-2030', not of 'radom-2030'"


def test_a_changed_indicator_list_is_refused(blank: Path, kielce: Strategy) -> None:
    """Once an indicator of the unit is removed, the old form's fingerprint no longer matches."""
    other = attrs.evolve(kielce, indicators=kielce.indicators[1:])
    (problem,) = problems_of(blank, strategy=other)
    assert "another fingerprint" in str(problem.message)


def test_moved_rows_are_refused(form: Path) -> None:
    """Two rows swapped (codes and names moved) are refused at both code cells."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook[IND]
    for column in "AB":
        sheet[f"{column}2"].value, sheet[f"{column}3"].value = (
            sheet[f"{column}3"].value,
            sheet[f"{column}2"].value,
        )
    sheet["I2"] = 4.0
    workbook.save(form)
    problems = problems_of(form)
    assert [located(p) for p in problems] == [
        (IND, "A2", "KIE-1.1-01"),
        (IND, "A3", "KIE-1-01"),
    ]
    assert "rows were moved" in str(problems[0].message)


def test_an_inserted_row_is_refused(form: Path, kielce: Strategy) -> None:
    """A value typed below the last row of the form is refused, not dropped."""
    last = row_of(form, IND, "KIE-1.3-09")
    fill(form, {(IND, f"A{last + 1}"): "KIE-9-99", (IND, f"I{last + 1}"): 5})
    (problem,) = problems_of(form)
    assert located(problem) == (IND, f"A{last + 1}", "KIE-9-99")


def test_a_changed_identification_sheet_is_refused(form: Path) -> None:
    """Editing the codes of the hidden sheet breaks its fingerprint."""
    fill(form, {("citystrategy", "C14"): "KIE-2-01"})
    (problem,) = problems_of(form)
    assert problem.sheet == "citystrategy"
    assert "fingerprint" in str(problem.message)


def test_a_copy_of_the_cells_is_not_a_form(form: Path, tmp_path: Path) -> None:
    """A workbook without the identification sheet is refused."""
    workbook = openpyxl.load_workbook(form)
    del workbook["citystrategy"]
    workbook.save(form)
    (problem,) = problems_of(form)
    assert str(problem.message).startswith("not a citystrategy form")


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    """A CSV renamed .xlsx, and a zip without a workbook, are refused before parsing."""
    text = tmp_path / "formularz.xlsx"
    text.write_text("kod;wartość\nKIE-1-01;5,2\n", encoding="utf-8")
    (problem,) = problems_of(text)
    assert str(problem.message) == "not an Excel workbook (.xlsx): the file is not a zip archive"
    archive = tmp_path / "archiwum.xlsx"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("dane.txt", "nic")
    (problem,) = problems_of(archive)
    assert "a zip archive without a workbook" in str(problem.message)


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    """A file over MAX_FORM_BYTES (20 MB) is refused by its size alone."""
    assert MAX_FORM_BYTES == 20 * 1024 * 1024
    big = tmp_path / "duzy.xlsx"
    with big.open("wb") as stream:
        stream.truncate(MAX_FORM_BYTES + 1)
    (problem,) = problems_of(big)
    assert str(problem.message) == (
        "20971521 bytes is larger than a form may be (20971520 bytes at most)"
    )


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A small archive that would unpack past MAX_UNPACKED_BYTES is refused unopened."""
    bomb = tmp_path / "bomba.xlsx"
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        with zipped.open("xl/workbook.xml", "w", force_zip64=True) as part:
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                part.write(chunk)
    assert bomb.stat().st_size < MAX_FORM_BYTES
    (problem,) = problems_of(bomb)
    assert "more than a form may hold" in str(problem.message)


def test_a_workbook_with_macros_is_refused(form: Path, tmp_path: Path) -> None:
    """An archive with a VBA project is refused: a form never has macros."""
    macro = tmp_path / "makra.xlsx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(macro, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\x00")
    (problem,) = problems_of(macro)
    assert "macros" in str(problem.message)


def test_openpyxl_parses_with_defusedxml() -> None:
    """defusedxml is installed, so openpyxl parses every form's XML with it."""
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("locale", ["pl_PL", "en_GB"])
def test_form_errors_in_both_languages(form: Path, locale: str) -> None:
    """A form's problems read in one language, the file, sheet and typed text as given."""
    fill(form, {(IND, "I2"): "=1+1", (IND, "I3"): "12.5", (PRJ, "E2"): "może"})
    with pytest.raises(FormError) as caught:
        read_form(form, year=2025)
    with pytest.raises(FormError) as located_errors:
        read_form(form)
    names = [str(form), IND, PRJ, "=1+1", "12.5", "może", "'tak'", "'nie'"]  # the form's words
    for error in (caught.value, located_errors.value):
        text = describe_error(error, locale=locale)
        assert identifiers(text, names=names) == []
        if locale == "pl_PL":
            assert english_words(text, names=names) == []
        else:
            assert polish_words(text, names=names) == []
    text = describe_error(located_errors.value, locale=locale)
    if locale == "pl_PL":
        assert "arkusz 'Wskaźniki', komórka I2: formuła nie jest odczytywana" in text
        assert text.startswith("3 problemy w formularzach:")
    else:
        assert "sheet 'Wskaźniki', cell I2: a formula is not read" in text
        assert text.startswith("3 problems in the forms:")


def test_a_refused_cell_is_quoted_as_the_form_shows_it(form: Path) -> None:
    """A number with a decimal comma, a date without a time: never Python's own writing."""
    import datetime as dt

    fill(
        form,
        {
            (PRJ, "E2"): "tak",
            (PRJ, "F2"): 449292.205,  # tenths of a grosz, typed as a number
            (IND, "I3"): dt.datetime(2024, 5, 3),  # a date in a value cell
        },
    )
    texts = {(p.sheet, p.cell): p.text for p in problems_of(form)}
    assert texts[(PRJ, "F2")] == "449292,205"
    assert texts[(IND, "I3")] == "2024-05-03"


def test_a_missing_file_says_why_in_the_readers_language(tmp_path: Path) -> None:
    """A form that is not there: the reason in Polish, not the system's English."""
    from citystrategy.reports import describe_error

    with pytest.raises(FormError) as caught:
        read_form(tmp_path / "brak.xlsx")
    polish = describe_error(caught.value, locale="pl")
    assert "No such file" not in polish
    assert "nie można odczytać pliku" in polish
